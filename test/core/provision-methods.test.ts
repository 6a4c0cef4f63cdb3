/**
 * The provision methods (POLICY §4), each named and chosen in the policy: 直接转销法 (004 七.第七条),
 * 账龄分析法 and single items (plan 000: 按相应的账龄计提, 预计不能回收的…已计提), 个别认定法,
 * 余额百分比法. Figures worked by hand; rates not given by the seeds are product defaults.
 */
import { classify } from "../../src/core/aging";
import { runBatch } from "../../src/core/batch";
import { fromYmd } from "../../src/core/calendar";
import { toExcelSerial } from "../../src/core/dates";
import { formatFen } from "../../src/core/fen";
import { auditLedger } from "../../src/core/ledger/check";
import { readLedger } from "../../src/core/ledger/index";
import { Dec } from "../../src/core/money";
import { DEFAULT_POLICY, loadPolicy } from "../../src/core/policy";
import type { Policy, ProvisionMethod } from "../../src/core/policy/types";
import { itemProvision, PROVISION_BASES } from "../../src/core/provision";
import { buildReports } from "../../src/core/reports";
import { buildLongAgedCleanup } from "../../src/core/reports/long-aged";
import { smallReportInput } from "../fixtures/reports/small-ledger";
import { bodyAfter, money, rowWith, rowsOf } from "./reports/spec-helpers";

const d = fromYmd;
const asOf = d(2011, 8, 31);
const methodPolicy = (method: ProvisionMethod): Policy => loadPolicy({ provision: { method } });

// 10,000.00 arisen 2009-06-30: 2 years 2 months old on 2011-08-31, band 2至3年（含3年） (30%).
interface Case {
  method: ProvisionMethod;
  name: string;
  recovery?: string;
  probability?: string;
  status?: string;
  amount: string;
  basis: string;
}
const cases: Case[] = [
  { method: "direct-write-off", name: "plain", amount: "0", basis: "none-direct-write-off" },
  { method: "direct-write-off", name: "拒不支付", status: "拒不支付", amount: "0", basis: "none-direct-write-off" },
  { method: "aging", name: "plain: 10,000 × 30%", amount: "3000", basis: "aging-rate" },
  { method: "aging", name: "expected recovery 2,000", recovery: "2000", amount: "8000", basis: "specific" },
  { method: "aging", name: "recovery probability 10%: 10,000 − 1,000", probability: "0.1", amount: "9000", basis: "specific-probability" },
  { method: "aging", name: "拒不支付: in full", status: "拒不支付", amount: "10000", basis: "full-bad" },
  { method: "aging", name: "拒不支付 with 10% expected back: the estimate first", status: "拒不支付", probability: "0.1", amount: "9000", basis: "specific-probability" },
  { method: "individual", name: "expected recovery 2,000", recovery: "2000", amount: "8000", basis: "specific" },
  { method: "individual", name: "recovery probability 25%", probability: "0.25", amount: "7500", basis: "specific-probability" },
  { method: "individual", name: "进入破产程序: in full", status: "进入破产程序", amount: "10000", basis: "full-bad" },
  { method: "individual", name: "not assessed: nothing", amount: "0", basis: "none-not-assessed" },
  { method: "balance-percentage", name: "plain: 10,000 × 5%", amount: "500", basis: "balance-rate" },
  { method: "balance-percentage", name: "one rate whatever the estimate", recovery: "2000", probability: "0.1", amount: "500", basis: "balance-rate" },
  { method: "balance-percentage", name: "one rate whatever the status", status: "拒不支付", amount: "500", basis: "balance-rate" },
];

describe("itemProvision by method (POLICY §4; 004 七.第七条; 000)", () => {
  it.each(cases)("$method, $name → $amount ($basis)", (c) => {
    const policy = methodPolicy(c.method);
    const condition = classify(d(2009, 7, 30), asOf, c.status ?? null, policy).condition;
    const p = itemProvision(
      {
        balance: new Dec(10000),
        dateArisen: d(2009, 6, 30),
        asOf,
        expectedRecovery: c.recovery === undefined ? null : new Dec(c.recovery),
        recoveryProbability: c.probability === undefined ? null : new Dec(c.probability),
        condition,
      },
      policy,
    );
    expect([p.amount.toFixed(2), p.basis]).toEqual([new Dec(c.amount).toFixed(2), c.basis]);
  });

  it("gives nothing on a balance of 0 or less, whatever the method", () => {
    for (const method of ["aging", "individual", "balance-percentage"] as const) {
      expect(itemProvision({ balance: new Dec(-5000), dateArisen: d(2009, 6, 30), asOf, recoveryProbability: new Dec("0.1") }, methodPolicy(method))).toMatchObject({ basis: "none-non-positive" });
    }
  });

  it("rounds balance × probability once, and the provision is the rest: 12,345.67 × 95% = 11,728.3865 → 11,728.39, provision 617.28", () => {
    const p = itemProvision({ balance: new Dec("12345.67"), dateArisen: d(2011, 1, 1), asOf, recoveryProbability: new Dec("0.95") }, DEFAULT_POLICY);
    expect([p.amount.toFixed(2), p.expectedRecovery?.toFixed(2)]).toEqual(["617.28", "11728.39"]);
  });

  it("余额百分比法 rounds half-up once: 12,345.67 × 5% = 617.2835 → 617.28", () => {
    const p = itemProvision({ balance: new Dec("12345.67"), dateArisen: d(2011, 1, 1), asOf }, methodPolicy("balance-percentage"));
    expect(p).toMatchObject({ basis: "balance-rate", rate: "0.05" });
    expect(p.amount.toFixed(2)).toBe("617.28");
  });

  it("refuses a probability outside 0–100%", () => {
    expect(() => itemProvision({ balance: new Dec(100), dateArisen: d(2011, 1, 1), asOf, recoveryProbability: new Dec("1.2") }, DEFAULT_POLICY)).toThrow(
      expect.objectContaining({ id: "provision.probability-invalid" }),
    );
  });
});

describe("the check's batch path agrees with itemProvision, fast and decimal", () => {
  const rows = {
    dateArisen: [2009, 2009, 2011, 2011, 2011, 2011].map((y) => toExcelSerial(d(y, 6, 30))),
    balance: [10000, 10000, 12345.67, 333.33, 1000, 2500],
    recoveryProbability: [null, "0.1", "0.95", "0.33333", null, 0.4],
    expectedRecovery: [null, null, null, null, 200, null],
    statusText: ["拒不支付", null, null, null, null, "进入破产程序"],
  };
  for (const method of ["aging", "individual", "balance-percentage", "direct-write-off"] as const) {
    it(`${method}: every row the same either way`, () => {
      const policy = methodPolicy(method);
      const fast = runBatch(rows, asOf, policy);
      const slow = runBatch(rows, asOf, policy, { forceDecimal: true });
      expect(Array.from(fast.provisionFen)).toEqual(Array.from(slow.provisionFen));
      expect(Array.from(fast.basis)).toEqual(Array.from(slow.basis));
      expect(fast.totals.all).toEqual(slow.totals.all);
    });
  }

  it("aging: 拒不支付 10,000 in full; 10% of 10,000 back → 9,000; 95% of 12,345.67 → 617.28; 33.333% of 333.33 (decimal path) → 222.22; 1,000 − 200 → 800; 40% of 2,500 → 1,500", () => {
    const r = runBatch(rows, asOf, DEFAULT_POLICY);
    expect(Array.from(r.provisionFen).map(formatFen)).toEqual(["10000.00", "9000.00", "617.28", "222.22", "800.00", "1500.00"]);
    // 333.33 × 0.33333 = 111.1088889 → 111.11 back, 222.22 provided.
    expect(Array.from(r.basis).map((b) => PROVISION_BASES[b])).toEqual(["full-bad", "specific-probability", "specific-probability", "specific-probability", "specific", "specific-probability"]);
    expect(r.totals.all.provision).toBe("22139.50");
  });
});

describe("plan 000 (8): 1.32万, no longer collectable (10% probability): the long-aged report's expected recovery and provision add up", () => {
  // 13,200.00 arisen 2009-12-31, 10% back: 1,320.00 expected, 11,880.00 provided (not 1,320.00 at the band's 10%).
  const reading = readLedger(
    [
      ["客户名称", "发生日期", "余额", "回收可能性", "状态"],
      ["中国电信集团公司遂宁网络资产分公司", "2009-12-31", 13200, 0.1, "被考核扣款"],
    ],
    { sheet: "台账" },
  );
  const audit = auditLedger(reading, {}, asOf, DEFAULT_POLICY);
  const spec = buildLongAgedCleanup({ reading, audit, companions: {}, policy: DEFAULT_POLICY, asOf }, "zh-CN");

  it("shows 1,320.00 expected back and 11,880.00 provided", () => {
    const row = rowWith(spec, "中国电信集团公司遂宁网络资产分公司", 1);
    expect([money(row.cells[5]), money(row.cells[6]), money(row.cells[7])]).toEqual(["13200.00", "1320.00", "11880.00"]);
    expect(audit.rows.get(0).provision).toBe("11880.00");
  });
});

describe("every report states the method and its rates, and which figures are product defaults", () => {
  const notesOf = (policy: Policy, lang: "zh-CN" | "en-US"): string[][] =>
    buildReports(smallReportInput({ policy }), lang).map((spec) => rowsOf(spec, "note").map((r) => String(r.cells[0]?.v)));

  it("账龄分析法 with the product's ladder: named, with the rates, labelled product default", () => {
    const line =
      "坏账准备计提方法：账龄分析法——按账龄段比例计提：1年以内（含1年） 5%、1至2年（含2年） 10%、2至3年（含3年） 30%、3至4年（含4年） 50%、4至5年（含5年） 80%、5年以上 100%（产品默认，制度原文未规定）；有预计可收回金额或回收可能性的，按余额减预计可收回金额单项计提；有五.第三条情形的全额计提。";
    for (const notes of notesOf(DEFAULT_POLICY, "zh-CN")) expect(notes).toContain(line);
  });

  it("rates the company changed are the company's", () => {
    const policy = loadPolicy({ provision: { rates: DEFAULT_POLICY.provision.rates.map((r) => (r.bandKey === "y0-1" ? { ...r, rate: "0.03" } : r)) } });
    for (const notes of notesOf(policy, "en-US")) expect(notes.some((n) => n.includes("Within 1 year (1 year included) 3%") && n.includes("(set by the company)"))).toBe(true);
  });

  it.each([
    ["balance-percentage", "Bad-debt provision: 余额百分比法 (percentage of balance): every balance × 5% (product default, not stated by the policy)."],
    ["individual", "Bad-debt provision: 个别认定法 (individual assessment): balance less the expected recovery (the ledger's, or balance × recovery probability); an item under a condition of 五.第三条 in full; an item not assessed gets none."],
  ] as const)("%s: %s", (method, line) => {
    for (const notes of notesOf(methodPolicy(method), "en-US")) expect(notes).toContain(line);
  });

  it("个别认定法 counts what is not assessed: rows 1, 2, 6, 10 (100,000 + 50,000 + 30,000 + 1,000)", () => {
    const notes = notesOf(methodPolicy("individual"), "zh-CN")[0];
    expect(notes).toContain("有 4 笔款项（余额 181,000.00）尚未评估，未计提坏账准备，待季度评审会估计可收回金额。");
  });

  it("个别认定法 leaves the band rate column empty in the schedule", () => {
    const schedule = buildReports(smallReportInput({ policy: methodPolicy("individual") }), "zh-CN", ["provisionSchedule"])[0];
    const lines = bodyAfter(schedule, rowsOf(schedule, "header")[0]);
    expect(lines.map((r) => r.cells[4]?.v ?? null)).toEqual([null, null, null, null, null, null]);
  });
});
