/**
 * Segments (组合, issue 19.4): the pool divided by a ledger column the company picks, each segment
 * with its own history, migration and loss rates. Worked by hand on a transaction ledger with a
 * 客户类型 column (filled on invoices only; receipts fall in their customer's segment).
 * Bands: ≤1y, 1–2y, over 2y (each includes its anniversary). As of 2013-03-31; year ends 2009–2012.
 *
 *   甲 (国企): A 2009-06-30 1,000; B 2010-03-31 2,000; C 2011-10-31 3,000; receipts 2010-09-30 400
 *              and 2011-05-31 500 (FIFO: to A); 2012-06-30 坏账核销 100 (A)
 *   乙 (民企): D 2010-12-31 500; receipt 2011-12-31 200
 *
 * 国企 snapshots: 2009 [1000, 0, 0]; 2010 [2000 B, 600 A, 0]; 2011 [3000 C, 2000 B, 100 A];
 *                 2012 [0, 3000 C, 2000 B] (A's 100 written off from over 2y)
 *   migration ≤1y: 600/1000, 2000/2000, 3000/3000 → (0.6 + 1 + 1) / 3 = 13/15
 *             1–2y: 100/600, 2000/2000 → (1/6 + 1) / 2 = 7/12
 *   loss: over 2y 100%; 1–2y 7/12; ≤1y 13/15 × 7/12 = 91/180
 *   pool on 2013-03-31: C 3,000 (1y5m: 1–2y) → 1,750.00; B 2,000 (exactly 3y: over 2y) → 2,000.00
 * 民企 snapshots: 2009 [0, 0, 0]; 2010 [500, 0, 0]; 2011 [300 (a year to the day: ≤1y), 0, 0]; 2012 [0, 300, 0]
 *   migration ≤1y: (no balance), 0/500, 300/300 → 1/2; 1–2y: never a balance (no rate)
 *   pool: D 300 (2y3m: over 2y) → 300.00
 * Pool: 1–2y 3,000 → 1,750.00; over 2y 2,300 → 2,300.00; total 4,050.00.
 */
import { assessEcl } from "../../../src/core/ecl/assessment";
import { auditLedger } from "../../../src/core/ledger/check";
import { readLedger } from "../../../src/core/ledger/index";
import type { Policy } from "../../../src/core/policy";
import { SEGMENT_AS_OF, SEGMENT_LEDGER, segmentPolicy } from "../../fixtures/ecl/segment-ledger";
import { buildExpectedCreditLoss } from "../../../src/core/reports/expected-credit-loss";

const LEDGER = SEGMENT_LEDGER;
const AS_OF = SEGMENT_AS_OF;
const policyWith = segmentPolicy;

function assess(policy: Policy, segmentBy?: string | null) {
  const reading = readLedger(LEDGER, { sheet: "明细" });
  const audit = auditLedger(reading, {}, AS_OF, policy);
  return assessEcl({ reading, audit, companions: {}, policy, asOf: AS_OF }, segmentBy === undefined ? {} : { segmentBy });
}
const fixed = (xs: ({ toFixed(n: number): string } | null)[], n = 2) => xs.map((x) => (x === null ? null : x.toFixed(n)));

test("each segment gets its own history and rates, worked by hand; the pool is their sum", () => {
  const a = assess(policyWith("客户类型"));
  expect(a.segmentColumn).toMatchObject({ letter: "C", header: "客户类型" });
  expect(a.segments!.map((s) => [s.name, s.rates])).toEqual([
    ["国企", "own"],
    ["民企", "own"],
  ]);
  const [state, priv] = a.segments!;
  expect(state!.migration.periods.map((p) => fixed(p.rates.slice(0, 2), 6))).toEqual([
    ["0.600000", null],
    ["1.000000", "0.166667"],
    ["1.000000", "1.000000"],
  ]);
  expect(fixed(state!.loss.historical, 6)).toEqual([(91 / 180).toFixed(6), (7 / 12).toFixed(6), "1.000000"]);
  expect(fixed(state!.pool.map((l) => l.balance))).toEqual(["0.00", "3000.00", "2000.00"]);
  expect(fixed(state!.pool.map((l) => l.provision))).toEqual(["0.00", "1750.00", "2000.00"]);
  expect(fixed(priv!.migration.average, 2)).toEqual(["0.50", null, null]);
  expect(fixed(priv!.pool.map((l) => l.provision))).toEqual([null, null, "300.00"]);
  expect(fixed(a.pool.map((l) => l.balance))).toEqual(["0.00", "3000.00", "2300.00"]);
  expect(fixed(a.pool.map((l) => l.provision))).toEqual(["0.00", "1750.00", "2300.00"]);
  expect(a.pool.every((l) => l.migration === null && l.adjusted === null)).toBe(true);
  expect(a.totals.pool.toFixed(2)).toBe("4050.00");
});

test("by letter as well as by header; a column the ledger lacks is said and the pool stays one", () => {
  expect(assess(policyWith(null), "c").segments!.map((s) => s.name)).toEqual(["国企", "民企"]);
  const none = assess(policyWith("客户等级"));
  expect(none.segments).toBeNull();
  expect(none.problems.find((p) => p.id === "ecl.segment-column")?.message["zh-CN"]).toBe("台账中没有“客户等级”列，未划分组合：未单项计提的款项按一个组合计算。");
  // One pool, the whole ledger's rates: ≤1y 600/1,000, 2,000/2,500 (B and D), 3,300/3,300 → 80%
  // (国企 alone 13/15, 民企 alone 50%); 1–2y 7/12 as 国企's (民企 never had a 1–2y balance at a year end).
  expect(fixed([none.pool[0].migration, none.pool[1].migration], 6)).toEqual(["0.800000", (7 / 12).toFixed(6)]);
});

test("the run's segmentBy overrides the policy's; null divides nothing", () => {
  expect(assess(policyWith("客户类型"), null).segments).toBeNull();
});

test("the 预期信用损失计提表 shows a matrix per segment, each with its own rates, then their sum", () => {
  const policy = policyWith("客户类型");
  const reading = readLedger(LEDGER, { sheet: "明细" });
  const input = { reading, audit: auditLedger(reading, {}, AS_OF, policy), companions: {}, policy, asOf: AS_OF };
  const spec = buildExpectedCreditLoss(input, "zh-CN");
  const texts = spec.rows.map((r) => r.cells.map((c) => (c === null ? null : c.exact ?? c.v)));
  const at = (label: string) => texts.findIndex((r) => r[0] === label);
  const state = at("组合“国企”（客户类型）");
  const priv = at("组合“民企”（客户类型）");
  const all = at("组合计提合计");
  expect([state > 0, priv > state, all > priv]).toEqual([true, true, true]);
  // 国企's matrix: 1–2y 3,000 at 7/12 → 1,750.00; its total 3,750.00. 民企's: over 2y 300 → 300.00.
  const rowsOf = (from: number, to: number) => texts.slice(from, to);
  expect(rowsOf(state, priv).find((r) => r[0] === "1至2年（含2年）")?.[6]).toBe("1750.00");
  expect(rowsOf(state, priv).find((r) => r[0] === "合计")?.[6]).toBe("3750.00");
  expect(rowsOf(priv, all).find((r) => r[0] === "合计")?.[6]).toBe("300.00");
  expect(texts[all][6]).toBe("4050.00");
  expect(texts.some((r) => r[0] === "未单项计提的款项按台账“客户类型”列划分为 2 个组合，各组合分别按其历史计算迁徙率和损失率。")).toBe(true);
});

test("a band one segment cannot provide is unprovided, even where another segment provides the same band: no journal for part of the loss", () => {
  // 乙 (民企) also has E 500 arisen 2011-11-30: on 2013-03-31 it is 1y4m old (1–2y). 民企's snapshots
  // become 2011 [800, 0, 0] and 2012 [0, 800, 0]: its 1–2y band never had a balance at a year end,
  // so no rate. 国企 provides 1–2y (3,000 → 1,750.00); 民企's 500 there is unprovided.
  const rows = [...LEDGER, ["2011-11-30", "乙公司", "民企", "E", "销售", 500, null]];
  const policy = policyWith("客户类型");
  const reading = readLedger(rows, { sheet: "明细" });
  const a = assessEcl({ reading, audit: auditLedger(reading, {}, AS_OF, policy), companions: {}, policy, asOf: AS_OF });
  const priv = a.segments!.find((sg) => sg.name === "民企")!;
  expect([priv.pool[1].balance.toFixed(2), priv.pool[1].provision]).toEqual(["500.00", null]);
  expect(a.pool[1].provision?.toFixed(2)).toBe("1750.00");
  expect(a.unprovided.toFixed(2)).toBe("500.00");
  const texts = buildExpectedCreditLoss({ reading, audit: auditLedger(reading, {}, AS_OF, policy), companions: {}, policy, asOf: AS_OF }, "zh-CN").rows.map((r) => String(r.cells[0]?.v ?? ""));
  expect(texts.some((t) => t.startsWith("组合“民企”（客户类型）：1至2年（含2年）"))).toBe(true);
});
