import { provisionFn } from "../../src/functions/functions";
import { col, errorIn, one, thrown } from "./excel";
import { serial } from "../helpers/serial-dates";

// POLICY §4 default rates: within 1 year 5%, 1–2 years 10%, 2–3 30%, 3–4 50%, 4–5 80%, over 5 100%.
const asOf = serial(2011, 8, 31);

describe("AR.PROVISION", () => {
  test("plan 000, 成都军通: 91.66万 with 15万 expected back → specific provision 76.66万", () => {
    // 916,600.00 − 150,000.00 = 766,600.00 (the plan rounds it to "76万").
    expect(one(provisionFn([["91.66万"]], [[serial(2007, 12, 31)]], [[asOf]], undefined, [["15万"]]))).toBe(766600);
  });

  test("plan 000, 成都千嘉: 1.59万 the debtor refuses to pay → provided in full", () => {
    // 拒绝支付 is a direct-to-bad condition (POLICY §2): 100% of 15,900.00.
    expect(one(provisionFn([["1.59万"]], [[serial(2010, 6, 30)]], [[asOf]], undefined, undefined, [["对方拒绝支付"]]))).toBe(15900);
  });

  test("plan 000's 90.96万 over three years old, at the 3–4 year rate of 50%", () => {
    // Arisen 2008-06-30: on 2011-08-31 it is 3 years 2 months old → 3–4 years → 909,600 × 0.5 = 454,800.00.
    expect(one(provisionFn([["90.96万元"]], [["2008-06-30"]], [[asOf]]))).toBe(454800);
  });

  test("within one year at 5%, rounded half-up once: 1,234.50 × 5% = 61.725 → 61.73", () => {
    expect(one(provisionFn([[1234.5]], [[serial(2011, 3, 1)]], [[asOf]]))).toBe(61.73);
  });

  test("the anniversary day is still within one year; the day before it is not", () => {
    // 2010-08-31 + 12 months = 2011-08-31 ≥ as-of → within 1 year (5%); 2010-08-30 → 1–2 years (10%).
    expect(provisionFn([[1000]], col(serial(2010, 8, 31), serial(2010, 8, 30)), [[asOf]])).toEqual([[50], [100]]);
  });

  test("10^11 yuan stays exact: × 5% = 5,000,000,000.00", () => {
    expect(one(provisionFn([["100,000,000,000.00"]], [[asOf]], [[asOf]]))).toBe(5e9);
  });

  test("zero and negative balances (advances) need no provision", () => {
    expect(provisionFn(col(0, -500, "(1,234.00)"), [[serial(2009, 1, 1)]], [[asOf]])).toEqual([[0], [0], [0]]);
  });

  test("a blank expected recovery (0 from a desktop blank) means not assessed; the text \"0\" means nothing expected", () => {
    const arisen = [[serial(2011, 1, 1)]];
    expect(one(provisionFn([[10000]], arisen, [[asOf]], undefined, [[0]]))).toBe(500); // band rate 5%
    expect(one(provisionFn([[10000]], arisen, [[asOf]], undefined, [["0"]]))).toBe(10000); // specific: all of it
    expect(one(provisionFn([[10000]], arisen, [[asOf]], undefined, [[12000]]))).toBe(0); // more expected than owed: floor 0
  });

  test("bad by days alone keeps its band's rate; only a direct-to-bad status gives 100%", () => {
    // Arisen 2009-06-30: 2 years 2 months old, far past due → 2–3 years at 30%: 2,000 × 0.3 = 600.
    expect(one(provisionFn([[2000]], [[serial(2009, 6, 30)]], [[asOf]]))).toBe(600);
    expect(one(provisionFn([[2000]], [[serial(2009, 6, 30)]], [[asOf]], undefined, undefined, [["债务人经营状况急剧恶化"]]))).toBe(2000);
  });

  test("a large range (the batch path) gives exactly what row-by-row calls give", () => {
    // 600 rows over every band, with blanks, text amounts, a status, an expected recovery and a bad cell.
    const bal: unknown[][] = [];
    const arisen: unknown[][] = [];
    const recovery: unknown[][] = [];
    const status: unknown[][] = [];
    for (let i = 0; i < 600; i++) {
      bal.push([i % 50 === 7 ? null : i % 37 === 3 ? `${i}.5万` : i % 91 === 5 ? "oops" : Math.round(i * 1234.567) / 100 + 0.005 * (i % 3)]);
      arisen.push([i % 61 === 9 ? 0 : asOf - i * 4]);
      recovery.push([i % 13 === 0 ? 100 : 0]);
      status.push([i % 29 === 0 ? "已破产" : null]);
    }
    const range = provisionFn(bal, arisen, [[asOf]], undefined, recovery, status);
    const cells = bal.map((_, i) => one(provisionFn([bal[i]], [arisen[i]], [[asOf]], undefined, [recovery[i]], [status[i]])));
    expect(range.map((r) => r[0])).toEqual(cells);
    expect(cells.filter((c) => c === "").length).toBeGreaterThan(10);
    expect(cells.filter((c) => typeof c === "object").length).toBeGreaterThan(3);
  });

  test("a rate table as [up-to months, rate] rows", () => {
    const table = [[12, "2%"], [36, 0.25], [null, "100%"]];
    expect(provisionFn([[1000]], col(serial(2011, 1, 1), serial(2009, 1, 1), serial(2005, 1, 1)), [[asOf]], table)).toEqual([[20], [250], [1000]]);
  });

  test("the policy sheet's rows: direct write-off means no allowance", () => {
    expect(one(provisionFn([[1000]], [[serial(2005, 1, 1)]], [[asOf]], [["provision.method", "direct-write-off"]]))).toBe(0);
  });

  test("a range spills; blank rows stay blank; a bad amount is an error in its own cell", () => {
    const out = provisionFn(col(1000, null, "abc", 2000), col(serial(2011, 1, 1), serial(2011, 1, 1), serial(2011, 1, 1), 0), [[asOf]]);
    expect(out[0]).toEqual([50]);
    expect(out[1]).toEqual([""]);
    const e = errorIn(out[2][0]);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("balance");
    expect(out[3]).toEqual([""]); // blank date arisen
  });

  test("a date arisen after the as-of date is #NUM! in that cell", () => {
    expect(errorIn(one(provisionFn([[1000]], [[asOf + 1]], [[asOf]]))).code).toBe("#NUM!");
  });

  test("a rate table whose rates exceed 100% fails the call", () => {
    const e = thrown(() => provisionFn([[1000]], [[asOf]], [[asOf]], [[12, "150%"], [null, 1]]));
    expect(e.message).toContain("rate_table");
  });
});
