/**
 * Three year-end snapshots derived from a transaction ledger's own lines (issue 19), and the
 * cohort migration between them, worked by hand. Bands: the policy's provision bands (≤1y, 1–2y,
 * 2–3y, 3–4y, 4–5y, >5y; each includes its anniversary, 1年以内（含1年）).
 *
 *   甲 A 2009-06-30 invoice 1,000   B 2010-03-31 invoice 2,000   C 2011-10-31 invoice 3,000
 *      receipts 2010-09-30 400 and 2011-05-31 500 (FIFO: both to A), 2012-06-30 坏账核销 100 (A)
 *   乙 D 2010-12-31 invoice 500, receipt 2011-12-31 200
 *
 * 2010-12-31: A 600 (1y6m: 1–2y), B 2,000 (≤1y), D 500 (≤1y, arisen that day)  → ≤1y 2,500 · 1–2y 600
 * 2011-12-31: A 100 (2–3y), B 2,000 (1–2y), C 3,000 (≤1y), D 300 (exactly 1 year: still ≤1y)
 *                                                                   → ≤1y 3,300 · 1–2y 2,000 · 2–3y 100
 * 2012-12-31: A written off; B 2,000 (2–3y), C 3,000 (1–2y), D 300 (exactly 2 years: 1–2y)
 *                                                                   → 1–2y 3,300 · 2–3y 2,000
 * Cohort migration (the items of band i at t that sit in band i+1 at t+1, plus what was written off):
 *   2010→2011: ≤1y: B 2,000 of 2,500 (D, a year old to the day, has not moved) = 80%;
 *              1–2y: A 100 of 600 = 1/6; 2–3y: no balance (no rate, said)
 *   2011→2012: ≤1y: C 3,000 + D 300 of 3,300 = 100%; 1–2y: B 2,000 of 2,000 = 100%;
 *              2–3y: A written off 100 of 100 = 100%
 *   average: ≤1y (0.8 + 1) / 2 = 90%; 1–2y (1/6 + 1) / 2 = 7/12; 2–3y 100% (one period).
 */
import Decimal from "decimal.js";
import { fromYmd } from "../../../src/core/calendar";
import { itemBalance, migrationRates, monthEnds, onPeriodEnds, snapshotsFromLedger, snapshotsFromTable, yearEnds } from "../../../src/core/ecl";
import { assessEcl } from "../../../src/core/ecl/assessment";
import { auditLedger } from "../../../src/core/ledger/check";
import { readLedger } from "../../../src/core/ledger/index";
import { DEFAULT_POLICY } from "../../../src/core/policy";

const LEDGER = [
  ["日期", "客户名称", "单据号", "摘要", "借方", "贷方"],
  ["2009-06-30", "甲公司", "A", "销售", 1000, null],
  ["2010-03-31", "甲公司", "B", "销售", 2000, null],
  ["2010-09-30", "甲公司", null, "收款", null, 400],
  ["2010-12-31", "乙公司", "D", "销售", 500, null],
  ["2011-05-31", "甲公司", null, "收款", null, 500],
  ["2011-10-31", "甲公司", "C", "销售", 3000, null],
  ["2011-12-31", "乙公司", null, "收款", null, 200],
  ["2012-06-30", "甲公司", null, "坏账核销", null, 100],
];
const BANDS = DEFAULT_POLICY.provision.bands;
const reading = readLedger(LEDGER, { sheet: "明细" });
const ends = [fromYmd(2010, 12, 31), fromYmd(2011, 12, 31), fromYmd(2012, 12, 31)];
const snapshots = snapshotsFromLedger(reading, ends, BANDS);
const money = (xs: Decimal[]) => xs.map((x) => x.toFixed(2));

test("three year ends from the ledger's own lines: each a closed ledger's open items, banded", () => {
  expect(money(snapshots[0].bands)).toEqual(["2500.00", "600.00", "0.00", "0.00", "0.00", "0.00"]);
  expect(money(snapshots[1].bands)).toEqual(["3300.00", "2000.00", "100.00", "0.00", "0.00", "0.00"]);
  expect(money(snapshots[2].bands)).toEqual(["0.00", "3300.00", "2000.00", "0.00", "0.00", "0.00"]);
  // Items by their line: A (the first line) in 1–2y at the first year end.
  const a = itemBalance(snapshots[0], 0);
  expect([a?.band, a?.balance.toFixed(2)]).toEqual([1, "600.00"]);
  // The write-off of 2012 is traced to A.
  expect(snapshots[2].items?.writtenOffFen?.[0]).toBe(10000);
});

test("cohort migration per transition and on average, worked by hand", () => {
  const m = migrationRates(snapshots, BANDS.length);
  expect(m.method).toBe("cohort");
  expect(m.periods.map((p) => p.rates.slice(0, 3).map((r) => (r === null ? null : r.toFixed(6))))).toEqual([
    ["0.800000", "0.166667", null],
    ["1.000000", "1.000000", "1.000000"],
  ]);
  expect(m.average.slice(0, 3).map((r) => r?.toFixed(6))).toEqual(["0.900000", new Decimal(7).div(12).toFixed(6), "1.000000"]);
  expect(m.average[3]).toBeNull();
  expect(m.problems.filter((p) => p.id === "ecl.zero-balance").map((p) => [p.band, p.period])).toEqual([
    [2, 0],
    [3, 0],
    [3, 1],
    [4, 0],
    [4, 1],
  ]);
});

test("from band totals (no items known), the method says so: 2010→2011 ≤1y 2,000 / 2,500", () => {
  const typed = snapshotsFromTable(snapshots.map((s) => ({ asOf: s.asOf, bands: s.bands })));
  const m = migrationRates(typed, BANDS.length);
  expect(m.method).toBe("band-totals");
  expect(m.periods[0].rates[0]?.toString()).toBe("0.8");
  // 2011→2012 ≤1y: 1–2y at 2012 (3,300) over ≤1y at 2011 (3,300).
  expect(m.periods[1].rates[0]?.toString()).toBe("1");
});

test("year ends between two dates; snapshots off the period ends are left out and said", () => {
  expect(yearEnds(fromYmd(2009, 5, 1), fromYmd(2012, 12, 31))).toEqual([fromYmd(2009, 12, 31), fromYmd(2010, 12, 31), fromYmd(2011, 12, 31), fromYmd(2012, 12, 31)]);
  const odd = snapshotsFromTable([
    { asOf: fromYmd(2010, 12, 31), bands: [1] },
    { asOf: fromYmd(2011, 6, 30), bands: [1] },
  ]);
  const kept = onPeriodEnds(odd, BANDS);
  expect(kept.snapshots.map((s) => s.asOf)).toEqual([fromYmd(2010, 12, 31)]);
  expect(kept.problems[0].message["en-US"]).toContain("2011-06-30 is not a year end");
});

describe("bands in months: the history derived from the ledger is its month ends (issue 19: periods match the band width)", () => {
  // Bands ≤1 month, 1–2 months, over 2 months. As of 2011-04-30, the month ends before it from the
  // first line on: 2011-01-31, 02-28, 03-31.
  //   A 2011-01-15 1,000; B 2011-02-10 500; 300 received 2011-03-10, which FIFO takes to the oldest
  //   item, A: A 700 and B 500 at 2011-03-31.
  //   01-31: A (16 days) ≤1m 1,000                               → [1000, 0, 0]
  //   02-28: A (1 month 13 days) 1–2m 1,000; B (18 days) ≤1m 500  → [500, 1000, 0]
  //   03-31: A (2 months 16 days) >2m 700; B (1 month 21 days) 1–2m 500 → [0, 500, 700]
  // Cohort migration: Jan→Feb ≤1m: A 1,000 of 1,000 = 100%; Feb→Mar ≤1m: B 500 of 500 = 100%,
  // 1–2m: A 700 of 1,000 = 70% (300 was collected).
  const policy = {
    ...DEFAULT_POLICY,
    provision: {
      ...DEFAULT_POLICY.provision,
      bands: [
        { key: "m0-1", label: { "zh-CN": "1个月以内", "en-US": "up to 1 month" }, upToMonths: 1 },
        { key: "m1-2", label: { "zh-CN": "1至2个月", "en-US": "1–2 months" }, upToMonths: 2 },
        { key: "m2+", label: { "zh-CN": "2个月以上", "en-US": "over 2 months" }, upToMonths: null },
      ],
      rates: [
        { bandKey: "m0-1", rate: "0.05" },
        { bandKey: "m1-2", rate: "0.5" },
        { bandKey: "m2+", rate: "1" },
      ],
    },
  } as typeof DEFAULT_POLICY;
  const rows = [
    ["日期", "客户名称", "单据号", "摘要", "借方", "贷方"],
    ["2011-01-15", "甲公司", "A", "销售", 1000, null],
    ["2011-02-10", "甲公司", "B", "销售", 500, null],
    ["2011-03-10", "甲公司", null, "收款", null, 300],
  ];
  const asOf = fromYmd(2011, 4, 30);
  const monthly = readLedger(rows, { sheet: "明细" });
  const input = { reading: monthly, audit: auditLedger(monthly, {}, asOf, policy), companions: {}, policy, asOf };

  test("monthEnds lists each month's last day between two dates", () => {
    expect(monthEnds(fromYmd(2011, 1, 15), fromYmd(2011, 4, 29))).toEqual([fromYmd(2011, 1, 31), fromYmd(2011, 2, 28), fromYmd(2011, 3, 31)]);
    expect(monthEnds(fromYmd(2011, 12, 31), fromYmd(2012, 2, 29))).toEqual([fromYmd(2011, 12, 31), fromYmd(2012, 1, 31), fromYmd(2012, 2, 29)]);
  });

  test("assessEcl derives the month ends, not year ends, and the cohort rates worked by hand", () => {
    const ecl = assessEcl(input);
    expect(ecl.history).toEqual({ source: "ledger", ends: [fromYmd(2011, 1, 31), fromYmd(2011, 2, 28), fromYmd(2011, 3, 31)] });
    expect(ecl.migration.periods.map((p) => p.rates.slice(0, 2).map((r) => (r === null ? null : r.toFixed(2))))).toEqual([
      ["1.00", null],
      ["1.00", "0.70"],
    ]);
  });
});
