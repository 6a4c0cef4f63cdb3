/**
 * Performance deductions (004 五.第七条, 六.第九条, 八.第四、六条) and late-filing compensation
 * (七.第五条), worked by hand.
 */
import Decimal from "decimal.js";
import { fromYmd } from "../../src/core/calendar";
import { auditLedger } from "../../src/core/ledger/check";
import { readBillsRegister, readLedger } from "../../src/core/ledger/index";
import { DEFAULT_POLICY, loadPolicy } from "../../src/core/policy";
import type { Policy } from "../../src/core/policy/types";
import { assetLossShares, badDebtDeduction } from "../../src/core/performance";
import { buildPerformanceDeduction, type ReportInput } from "../../src/core/reports";
import { bodyAfter, money, moneys, rowsOf } from "./reports/spec-helpers";

const P = DEFAULT_POLICY;
const dec = (x: string | number): Decimal => new Decimal(x);

describe("004 五.第七条: 呆账 deducted in full from the year's performance profit", () => {
  const cases: [string, string, string][] = [
    ["1", "280000", "280000.00"], // 全额
    ["1", "12345.67", "12345.67"],
    ["0.5", "12345.67", "6172.84"], // a year's policy deducting half: 6,172.835
    ["1", "0", "0.00"],
    ["1", "-500", "0.00"], // an advance deducts nothing
  ];
  it.each(cases)("rate %s: balance %s → %s", (rate, balance, expected) => {
    expect(badDebtDeduction(dec(balance), loadPolicy({ performance: { badDebtDeductionRate: rate } })).toFixed(2)).toBe(expected);
  });
});

describe("004 六.第九条: a loss on assets taken in settlement, shared by the amounts to collect, × the ratio", () => {
  const shares = (...amounts: [string, string][]): { department: string; amountToCollect: Decimal }[] => amounts.map(([department, a]) => ({ department, amountToCollect: dec(a) }));
  const cases: [string, [string, string][], string[]][] = [
    ["10000", [["经营部", "60000"], ["项目部", "40000"]], ["6000.00", "4000.00"]],
    ["100", [["一部", "1"], ["二部", "1"], ["三部", "1"]], ["33.34", "33.33", "33.33"]], // the fen left over to the first
    ["1000", [["经营部", "2"], ["项目部", "1"]], ["666.67", "333.33"]],
    ["0", [["经营部", "5"]], ["0.00"]],
  ];
  it.each(cases)("loss %s over %j → %j, adding up to the loss", (loss, given, expected) => {
    const r = assetLossShares(dec(loss), shares(...given), P);
    expect(r.map((x) => x.lossShare.toFixed(2))).toEqual(expected);
    expect(r.reduce((s, x) => s.plus(x.lossShare), dec(0)).toFixed(2)).toBe(dec(loss).toFixed(2));
  });

  it("computes no compensation until the year's policy sets the ratio, then share × ratio", () => {
    expect(assetLossShares(dec(10000), shares(["经营部", "60000"], ["项目部", "40000"]), P).map((x) => x.compensation)).toEqual([null, null]);
    const half = loadPolicy({ performance: { assetLossCompensationRatio: "0.5" } });
    expect(assetLossShares(dec(10000), shares(["经营部", "60000"], ["项目部", "40000"]), half).map((x) => x.compensation?.toFixed(2))).toEqual(["3000.00", "2000.00"]);
  });

  it("refuses a negative loss or amount, and a split over nothing", () => {
    expect(() => assetLossShares(dec(-1), shares(["经营部", "1"]), P)).toThrow(expect.objectContaining({ id: "performance.amount", field: "loss" }));
    expect(() => assetLossShares(dec(1), shares(["经营部", "-1"]), P)).toThrow(expect.objectContaining({ id: "performance.amount", field: "amountToCollect" }));
    expect(() => assetLossShares(dec(1), [], P)).toThrow(expect.objectContaining({ id: "performance.no-shares" }));
    expect(() => assetLossShares(dec(1), shares(["经营部", "0"]), P)).toThrow(expect.objectContaining({ id: "performance.no-shares" }));
  });
});

describe("the performance report, per department (经营部 / 项目部), as of 2011-08-31", () => {
  const asOf = fromYmd(2011, 8, 31);
  const LEDGER = [
    ["客户名称", "责任部门", "发生日期", "到期日", "金额", "已收金额", "余额", "最近回款日期", "状态"],
    // 942 days past due: 呆账, deducted 100,000.
    ["甲公司", "第一项目部", "2009-01-01", "2009-01-31", 100000, 0, 100000, null, null],
    // 拒不支付 (五.第三条 2): 呆账 at once, deducted 50,000.
    ["乙公司", "经营部", "2011-06-01", "2011-07-01", 50000, 0, 50000, null, "拒不支付"],
    // Stale (334 days) at 2010-12-31, 呆账 now (577 days): deducted 20,000; what it paid in May is no recovery of a 呆账.
    ["丙公司", "第一项目部", "2010-01-01", "2010-01-31", 30000, 10000, 20000, "2011-05-10", null],
    // 呆账 at 2010-12-31 (548 days): 15,000 received in March added back; 25,000 still 呆账, deducted.
    ["丁公司", "经营部", "2009-06-01", "2009-07-01", 40000, 15000, 25000, "2011-03-15", null],
    // 呆账 at 2010-12-31, settled in April: 8,000 added back; not an open item.
    ["戊公司", "经营部", "2009-06-01", "2009-07-01", 8000, 8000, 0, "2011-04-20", null],
    // Not yet due: nothing.
    ["己公司", "第一项目部", "2011-08-01", "2011-08-31", 60000, 0, 60000, null, null],
  ];
  const BILLS = [
    ["票据号码", "出票人", "票面金额", "到期日", "贴现日期", "贴现年利率", "贴现利息"],
    // 100,000 × 4.5% × 183 ÷ 360 = 2,287.50 (2011-06-01 to 2011-12-01: 183 days), 丁公司 → 经营部.
    ["B1", "丁公司", 100000, "2011-12-01", "2011-06-01", "4.5%", null],
    // The register's own interest, 600.00, 甲公司 → 第一项目部.
    ["B2", "甲公司", 50000, "2011-09-30", "2011-07-01", null, 600],
    // Discounted last year: not this year's.
    ["B3", "乙公司", 20000, "2011-03-01", "2010-12-01", "3%", null],
  ];
  function input(policy: Policy, withAssets: boolean): ReportInput {
    const reading = readLedger(LEDGER, { sheet: "台账" });
    const companions = { bills: readBillsRegister(BILLS, { sheet: "票据" }) };
    const audit = auditLedger(reading, companions, asOf, policy);
    const assetSettlements = withAssets
      ? [{ customer: "甲公司", date: fromYmd(2011, 6, 30), loss: dec(10000), shares: [{ department: "经营部", amountToCollect: dec(60000) }, { department: "第一项目部", amountToCollect: dec(40000) }] }]
      : [];
    return { reading, audit, companions, policy, asOf, assetSettlements };
  }

  it("deducts 呆账 in full, adds back this year's recoveries, deducts the discount interest", () => {
    const spec = buildPerformanceDeduction(input(P, false), "zh-CN");
    const lines = bodyAfter(spec, rowsOf(spec, "header")[0]);
    const view = lines.map((r) => [r.cells[1]?.v, r.cells[2]?.v, ...moneys(r, 3, 7)]);
    expect(view).toEqual([
      ["第一项目部", 2, "120000.00", "120000.00", "0.00", "-120000.00", "600.00"],
      ["经营部", 2, "75000.00", "75000.00", "23000.00", "-52000.00", "2287.50"],
    ]);
    const total = rowsOf(spec, "total")[0];
    expect([total.cells[2]?.v, ...moneys(total, 3, 7)]).toEqual([4, "195000.00", "195000.00", "23000.00", "-172000.00", "2887.50"]);
    // The bills discounted this year, each with its interest.
    const bills = bodyAfter(spec, rowsOf(spec, "header")[1]);
    expect(bills.map((r) => [r.cells[0]?.v, r.cells[2]?.v, money(r.cells[7])])).toEqual([["B1", "经营部", "2287.50"], ["B2", "第一项目部", "600.00"]]);
  });

  it("shares the asset-settlement loss; its compensation is “to be set in the policy” until the ratio is set", () => {
    const unset = buildPerformanceDeduction(input(P, true), "zh-CN");
    const lines = bodyAfter(unset, rowsOf(unset, "header")[0]);
    expect(lines.map((r) => r.cells[8]?.v)).toEqual(["待在制度中设定", "待在制度中设定"]);
    const assets = bodyAfter(unset, rowsOf(unset, "header")[2]);
    expect(assets.map((r) => [r.cells[3]?.v, money(r.cells[5]), r.cells[7]?.v])).toEqual([
      ["经营部", "6000.00", "待在制度中设定"],
      ["第一项目部", "4000.00", "待在制度中设定"],
    ]);
    const half = loadPolicy({ performance: { assetLossCompensationRatio: "0.5" } });
    const set = buildPerformanceDeduction(input(half, true), "zh-CN");
    const setLines = bodyAfter(set, rowsOf(set, "header")[0]);
    expect(setLines.map((r) => [r.cells[1]?.v, money(r.cells[8])])).toEqual([["第一项目部", "2000.00"], ["经营部", "3000.00"]]);
    expect(money(rowsOf(set, "total")[0].cells[8])).toBe("5000.00");
  });

  it("states the rule, the method and what it cannot date", () => {
    const notes = rowsOf(buildPerformanceDeduction(input(P, false), "en-US"), "note").map((r) => String(r.cells[0]?.v));
    expect(notes.some((n) => n.includes("deducted from the year's performance profit at 100% of its balance (004 五.第七条"))).toBe(true);
    expect(notes.some((n) => n.startsWith("Bad-debt provision: 账龄分析法"))).toBe(true);
  });
});
