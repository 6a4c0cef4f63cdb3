/**
 * The provision matrix of CAS 22 / IFRS 9's simplified approach, on the worked example of issue
 * 19, every figure worked by hand:
 *   migration 20%, 40%, 50%, 60%, 80% for ≤1y, 1–2y, 2–3y, 3–4y, 4–5y; >5y loses 100%;
 *   loss rates backwards: 0.8 × 1 = 80%; 0.6 × 0.8 = 48%; 0.5 × 0.48 = 24%; 0.4 × 0.24 = 9.6%;
 *   0.2 × 0.096 = 1.92%; with k = 10%: × 1.1 → 2.112%, 10.56%, 26.4%, 52.8%, 88%, 100% (capped);
 *   on 12,000 / 2,500 / 900 / 400 / 200 / 180 (万元): 253.44 + 264 + 237.6 + 211.2 + 176 + 180
 *   = 1,322.24万, against 600 + 250 + 270 + 200 + 160 + 180 = 1,660万 under the 5/10/30/50/80/100% ladder.
 */
import Decimal from "decimal.js";
import { averageMigration, eclProvision, lossRates, scenarioAdjustment } from "../../../src/core/ecl";

const M = ["0.2", "0.4", "0.5", "0.6", "0.8"].map((x) => new Decimal(x));
const BALANCES = [12000, 2500, 900, 400, 200, 180];
const LADDER = ["0.05", "0.1", "0.3", "0.5", "0.8", "1"];

const pct = (xs: (Decimal | null)[]) => xs.map((x) => (x === null ? null : x.times(100).toString()));

test("historical loss rates: L_i = m_i × L_{i+1}, the oldest band 100% (issue 19 example)", () => {
  const l = lossRates([...M, null]);
  expect(pct(l.historical)).toEqual(["1.92", "9.6", "24", "48", "80", "100"]);
});

test("forward-looking adjustment k = 10%: L' = min(1, L × 1.1)", () => {
  const l = lossRates([...M, null], "0.1");
  expect(pct(l.adjusted)).toEqual(["2.112", "10.56", "26.4", "52.8", "88", "100"]);
});

test("the provision matrix gives 1,322.24万 where the ladder gives 1,660万", () => {
  const l = lossRates([...M, null], "0.1");
  const ecl = BALANCES.map((b, i) => eclProvision(b, l.adjusted[i] as Decimal));
  expect(ecl.map((x) => x.toFixed(2))).toEqual(["253.44", "264.00", "237.60", "211.20", "176.00", "180.00"]);
  expect(ecl.reduce((a, x) => a.plus(x), new Decimal(0)).toFixed(2)).toBe("1322.24");
  const ladder = BALANCES.map((b, i) => eclProvision(b, LADDER[i]));
  expect(ladder.reduce((a, x) => a.plus(x), new Decimal(0)).toFixed(2)).toBe("1660.00");
});

test("the oldest band's loss may be 1 − the recovery rate after write-off; a band without a migration rate has no loss rate, nor any younger", () => {
  const l = lossRates([new Decimal("0.5"), null, new Decimal("0.5"), null], 0, "0.9");
  expect(pct(l.historical)).toEqual([null, null, "45", "90"]);
});

test("weighted scenarios: k is the weighted mean (0.5 × 20% + 0.3 × 0 + 0.2 × −10% = 8%)", () => {
  const k = scenarioAdjustment([
    { name: { "zh-CN": "悲观", "en-US": "adverse" }, k: "0.2", weight: "0.5" },
    { name: { "zh-CN": "基准", "en-US": "base" }, k: "0", weight: "0.3" },
    { name: { "zh-CN": "乐观", "en-US": "favourable" }, k: "-0.1", weight: "0.2" },
  ]);
  expect(k.toString()).toBe("0.08");
});

test("averages per band over the transitions; fewer than two, a zero balance or a rate above 100% is said, never a silent 0", () => {
  const one = averageMigration([{ from: 1, to: 2, rates: [new Decimal("0.5"), null, null] }], "band-totals", 3);
  expect(one.problems.map((p) => p.id)).toEqual(["ecl.too-few-periods", "ecl.zero-balance"]);
  const two = averageMigration(
    [
      { from: 1, to: 2, rates: [new Decimal("0.2"), new Decimal("1.2"), null] },
      { from: 2, to: 3, rates: [new Decimal("0.4"), new Decimal("0.6"), null] },
    ],
    "band-totals",
    3,
  );
  expect(pct(two.average)).toEqual(["30", "90", null]);
  expect(two.problems.map((p) => [p.id, p.band, p.period])).toEqual([["ecl.rate-above-one", 1, 0]]);
});
