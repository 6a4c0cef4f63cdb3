/**
 * Expected credit loss at scale (issue 19).
 *
 * ecl-from-transactions-1m-lines: three year-end aging snapshots derived from 1,000,000
 *   transaction lines already read (core/ecl/history.ts over the as-of view of each year end),
 *   and the cohort migration rates between them. Median of 3 runs after a warm-up.
 * ecl-read-1m-lines (informational): reading the same lines' cell values as a ledger.
 *
 * Lines are generated deterministically (a seeded PRNG): 20,000 customers over 2008–2011, about
 * three invoices to two receipts, receipts paying part of what is owed, a few write-offs.
 */
import { fromYmd } from "../src/core/calendar";
import { toExcelSerial } from "../src/core/dates";
import { migrationRates, snapshotsFromLedger } from "../src/core/ecl";
import { readLedger } from "../src/core/ledger/index";
import { DEFAULT_POLICY } from "../src/core/policy/defaults";
import type { Report } from "./run";
import { median } from "./stats";

const LINES = 1_000_000;
const CUSTOMERS = 20_000;
const RUNS = 3;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Transaction lines (日期, 客户名称, 摘要, 借方, 贷方) in date order, dates as 1900 serials. */
export function transactionLines(lines: number, seed = 19): unknown[][] {
  const random = prng(seed);
  const start = toExcelSerial(fromYmd(2008, 1, 1));
  const span = fromYmd(2011, 12, 31) - fromYmd(2008, 1, 1);
  const out: unknown[][] = [["日期", "客户名称", "摘要", "借方", "贷方"]];
  const owed = new Float64Array(CUSTOMERS + 1);
  for (let i = 0; i < lines; i++) {
    const serial = start + Math.floor((span * i) / lines);
    const c = 1 + Math.floor(random() * CUSTOMERS);
    const name = `客户${c}`;
    const kind = random();
    if (kind < 0.6 || owed[c] <= 0) {
      const fen = 100 + Math.floor(random() * 10_000_000);
      owed[c] += fen;
      out.push([serial, name, "销售商品", fen / 100, null]);
    } else {
      const fen = Math.max(1, Math.floor(owed[c] * random()));
      owed[c] -= fen;
      out.push([serial, name, kind > 0.995 ? "坏账核销" : "收到货款", null, fen / 100]);
    }
  }
  return out;
}

function seconds(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

export async function run(report: Report): Promise<void> {
  const values = transactionLines(LINES);
  let reading = readLedger(values, { sheet: "明细" });
  const readTimes = [seconds(() => (reading = readLedger(values, { sheet: "明细" })))];
  if (reading.rows.length !== LINES || reading.shape !== "transactions") throw new Error(`read ${reading.rows.length} ${reading.shape} lines`);
  const ends = [fromYmd(2009, 12, 31), fromYmd(2010, 12, 31), fromYmd(2011, 12, 31)];
  const bands = DEFAULT_POLICY.provision.bands;
  const derive = () => migrationRates(snapshotsFromLedger(reading, ends, bands), bands.length);
  const check = derive().average.map((r) => r?.toFixed(8) ?? "-").join(",");
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let got = "";
    times.push(seconds(() => (got = derive().average.map((x) => x?.toFixed(8) ?? "-").join(","))));
    if (got !== check) throw new Error("runs disagree");
  }
  report("ecl-from-transactions-1m-lines", median(times).toFixed(2), "s", "<= 3 s");
  report("ecl-read-1m-lines", median(readTimes).toFixed(2), "s", "informational");
}
