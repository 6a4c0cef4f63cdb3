/** 坏账准备计提表 against the hand-worked figures of test/fixtures/reports/small-ledger.ts. */
import Decimal from "decimal.js";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import { buildProvisionSchedule } from "../../../src/core/reports/provision-schedule";
import { smallReportInput } from "../../fixtures/reports/small-ledger";
import { bodyAfter, labels, money, moneys, rowWith, rowsOf, sumOf } from "./spec-helpers";

const input = smallReportInput();
const spec = buildProvisionSchedule(input, "zh-CN");
const [bandHeader, specificHeader] = rowsOf(spec, "header");

test("one line per provision band of the policy, empty bands too", () => {
  expect(labels(bandHeader)).toEqual(["账龄段", "笔数", "账面余额", "按比例计提的余额", "计提比例", "按比例计提", "单项计提", "应计提坏账准备", "已计提坏账准备", "本期计提（负数为转回）"]);
  const lines = bodyAfter(spec, bandHeader);
  expect(lines.map((r) => r.cells[0]?.v)).toEqual(["1年以内（含1年）", "1至2年（含2年）", "2至3年（含3年）", "3至4年（含4年）", "4至5年（含5年）", "5年以上"]);
  expect(lines.map((r) => r.cells[4]?.v)).toEqual([0.05, 0.1, 0.3, 0.5, 0.8, 1]);
});

test("per band: balance × rate, the individual provisions, required = their sum", () => {
  const lines = bodyAfter(spec, bandHeader);
  // 1年以内: rows 1, 2, 10 at 5% (5,000 + 2,500 + 50 = 7,550 on 151,000); individually 乙公司 INV-04
  // 10,000.55 − 8,000.44 (× 80%) = 2,000.11 and 戊公司 8,000 − 800 (× 10%) = 7,200: 9,200.11;
  // 己公司's −3,000 is an advance, no open item.
  expect(lines[0].cells[1]?.v).toBe(5);
  expect(moneys(lines[0], 2, 3)).toEqual(["169000.55", "151000.00"]);
  expect(moneys(lines[0], 5, 9)).toEqual(["7550.00", "9200.11", "16750.11", "0.00", "16750.11"]);
  // 1-2年: 乙公司 INV-03 40,000 × (1 − 60%) = 16,000, individually.
  expect(moneys(lines[1], 5, 7)).toEqual(["0.00", "16000.00", "16000.00"]);
  // 2-3年: 丙公司 200,000 − 50,000 = 150,000; 庚公司 12,345.67 − 11,728.39 (× 95%, 11,728.3865) = 617.28.
  expect(moneys(lines[2], 2, 3)).toEqual(["212345.67", "0.00"]);
  expect(moneys(lines[2], 5, 7)).toEqual(["0.00", "150617.28", "150617.28"]);
  // 丁公司 arose 2020-03-31: 4–5 years old, 80%.
  expect(moneys(lines[4], 5, 7)).toEqual(["24000.00", "0.00", "24000.00"]);
});

test("totals to the fen: the check's provision, the sums of the lines", () => {
  const total = rowsOf(spec, "total")[0];
  expect(total.cells[1]?.v).toBe(9);
  expect(moneys(total, 2, 3)).toEqual(["451346.22", "181000.00"]);
  expect(moneys(total, 5, 9)).toEqual(["31550.00", "175817.39", "207367.39", "0.00", "207367.39"]);
  expect(money(total.cells[7])).toBe(input.audit.totals.all.provision);
  const lines = bodyAfter(spec, bandHeader);
  for (const c of [2, 3, 5, 6, 7, 8, 9]) expect(sumOf(lines, c)).toBe(money(total.cells[c]));
});

test("the items provided individually, with their basis and status", () => {
  const items = bodyAfter(spec, specificHeader);
  expect(items.map((r) => [r.cells[0]?.v, r.cells[1]?.v])).toEqual([["乙公司", "INV-03"], ["乙公司", "INV-04"], ["丙公司", "INV-05"], ["戊公司", "INV-07"], ["庚公司", "INV-09"]]);
  const [乙3, , 丙, 戊] = items;
  expect(moneys(乙3, 2, 3)).toEqual(["40000.00", "24000.00"]);
  expect(money(乙3.cells[5])).toBe("16000.00");
  expect(乙3.cells[6]?.v).toBe("余额减余额 × 回收可能性 60%");
  expect(moneys(丙, 2, 3)).toEqual(["200000.00", "50000.00"]);
  expect(money(丙.cells[5])).toBe("150000.00");
  expect(丙.cells[6]?.v).toBe("余额减预计可收回金额");
  // 戊公司: bankrupt, but the quarterly review expects 10% back: the estimate comes first.
  expect(moneys(戊, 2, 3)).toEqual(["8000.00", "800.00"]);
  expect(money(戊.cells[5])).toBe("7200.00");
  expect(戊.cells[8]?.v).toBe("已被宣告破产，剩余财产不足清偿");
  const total = rowsOf(spec, "total")[1];
  // 40,000 + 10,000.55 + 200,000 + 8,000 + 12,345.67; 24,000 + 8,000.44 + 50,000 + 800 + 11,728.39.
  expect(moneys(total, 2, 3)).toEqual(["270346.22", "94528.83"]);
  expect(money(total.cells[5])).toBe("175817.39");
});

test("without the books' provision: taken as 0, said so; the unreadable row is accounted for", () => {
  const notes = rowsOf(spec, "note").map((r) => String(r.cells[0]?.v));
  expect(notes).toContain("未提供已计提坏账准备，按 0 计，本期计提即等于应计提金额。");
  expect(notes).toContain("1 笔因日期或余额无法识别未列入本表（余额 5,000.00）。");
});

test("with the books' provision: charge = required − existing, a reversal negative", () => {
  const existing = new Map([
    ["y0-1", new Decimal("6000")],
    ["y1-2", new Decimal("4000")],
    ["y2-3", new Decimal("160000")],
  ]);
  const s = buildProvisionSchedule(smallReportInput({ extra: { existingProvisionByBand: existing } }), "zh-CN");
  const lines = bodyAfter(s, rowsOf(s, "header")[0]);
  expect(moneys(lines[0], 8, 9)).toEqual(["6000.00", "10750.11"]);
  expect(moneys(lines[1], 8, 9)).toEqual(["4000.00", "12000.00"]);
  expect(moneys(lines[2], 8, 9)).toEqual(["160000.00", "-9382.72"]);
  expect(moneys(lines[4], 8, 9)).toEqual(["0.00", "24000.00"]);
  expect(moneys(rowsOf(s, "total")[0], 8, 9)).toEqual(["170000.00", "37367.39"]);
  expect(rowsOf(s, "note").map((r) => r.cells[0]?.v)).toContain("已计提坏账准备为各账龄段的账面数，由本次运行提供。");
});

test("004 七.第七条 直接转销法: nothing is provided; the sheet shows the write-off expense instead", () => {
  const policy = { ...DEFAULT_POLICY, provision: { ...DEFAULT_POLICY.provision, method: "direct-write-off" as const } };
  const s = buildProvisionSchedule(smallReportInput({ policy }), "en-US");
  const total = rowWith(s, "Total", 0, "total");
  expect(moneys(total, 5, 9)).toEqual(["0.00", "0.00", "0.00", "0.00", "0.00"]);
  const notes = rowsOf(s, "note").map((r) => r.cells[0]?.v);
  expect(notes).toContain("The policy uses the direct write-off method (004 七.第七条): no allowance is provided; a loss is expensed when the item is written off (part 3).");
  expect(notes).toContain("No item is provided individually.");
  // Part 3: the candidates, 丁公司 30,000 (overdue 3 years or more) and 戊公司 8,000 (宣告破产, assets short).
  const expense = bodyAfter(s, rowsOf(s, "header")[1]);
  expect(expense.map((r) => [r.cells[0]?.v, money(r.cells[5])])).toEqual([["丁公司", "30000.00"], ["戊公司", "8000.00"]]);
  expect(money(rowsOf(s, "total")[1].cells[5])).toBe("38000.00");
  expect(notes).toContain(
    "Bad-debt provision: 直接转销法 (direct write-off, 004 七.第七条): no allowance; a bad debt is expensed when it is written off. The items meeting a write-off condition now come to 38,000.00 (2 items): the expense of the period they are written off in.",
  );
});

test("printed with only the title repeated: its two tables have different headers", () => {
  expect(spec.print.printTitleRows).toEqual({ first: 0, last: 1 });
});
