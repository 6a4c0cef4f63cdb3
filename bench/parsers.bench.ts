/**
 * The cell parsers on hostile input: long runs of spaces (a cell holds up to 32,767 characters)
 * must be refused in linear time, not by a regular expression that backtracks. Each figure is the
 * median of 7 runs, after one warm-up, of parsing the three inputs below (about 2 ms each here);
 * the bound leaves room for a slow machine and is far below the seconds a quadratic scan of 30,000
 * spaces takes. That the inputs are refused, and with which error, is in test/core/dates.test.ts
 * and test/core/money.test.ts.
 */
import { parseDate } from "../src/core/dates";
import { parseMoney } from "../src/core/money";
import type { Report } from "./run";
import { timeMs } from "./stats";

const RUNS = 7;

const DATES = ["2011-09-08" + " ".repeat(30000) + "x", "2011 " + " ".repeat(30000) + "年", "2011年" + " ".repeat(30000) + "9月8日x"];
const MONEY = ["-" + " ".repeat(30000) + "x", "¥" + " ".repeat(30000) + "1" + " ".repeat(30000) + "x", "1,".repeat(15000)];

/** Every input refused: the parser throws, as the unit tests check. */
function refuseAll(parse: (s: string) => unknown, inputs: string[]): () => void {
  return () => {
    for (const s of inputs) {
      let refused = false;
      try {
        parse(s);
      } catch {
        refused = true;
      }
      if (!refused) throw new Error(`accepted: ${s.slice(0, 20)}…`);
    }
  };
}

export async function run(report: Report): Promise<void> {
  const dateMs = timeMs(refuseAll((s) => parseDate(s), DATES), RUNS);
  report("parse-date-30k-spaces", dateMs.toFixed(2), "ms", "<= 50 ms");
  const moneyMs = timeMs(refuseAll((s) => parseMoney(s), MONEY), RUNS);
  report("parse-money-30k-spaces", moneyMs.toFixed(2), "ms", "<= 50 ms");
  await Promise.resolve();
}
