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
  // 1年以内: rows 1, 2, 4, 10 at 5% (5,000 + 2,500 + 500.03 + 50) and 戊公司 8,000 in full; 己公司's −3,000 is an
  // advance, no open item.
  expect(lines[0].cells[1]?.v).toBe(5);
  expect(moneys(lines[0], 2, 3)).toEqual(["169000.55", "161000.55"]);
  expect(moneys(lines[0], 5, 9)).toEqual(["8050.03", "8000.00", "16050.03", "0.00", "16050.03"]);
  // 2-3年: 庚公司 12,345.67 × 30% = 3,703.70 (3,703.701); 丙公司 200,000 − 50,000 = 150,000.
  expect(moneys(lines[2], 2, 3)).toEqual(["212345.67", "12345.67"]);
  expect(moneys(lines[2], 5, 7)).toEqual(["3703.70", "150000.00", "153703.70"]);
  // 丁公司 arose 2020-03-31: 4–5 years old, 80%.
  expect(moneys(lines[4], 5, 7)).toEqual(["24000.00", "0.00", "24000.00"]);
});

test("totals to the fen: the check's provision, the sums of the lines", () => {
  const total = rowsOf(spec, "total")[0];
  expect(total.cells[1]?.v).toBe(9);
  expect(moneys(total, 2, 3)).toEqual(["451346.22", "243346.22"]);
  expect(moneys(total, 5, 9)).toEqual(["39753.73", "158000.00", "197753.73", "0.00", "197753.73"]);
  expect(money(total.cells[7])).toBe(input.audit.totals.all.provision);
  const lines = bodyAfter(spec, bandHeader);
  for (const c of [2, 3, 5, 6, 7, 8, 9]) expect(sumOf(lines, c)).toBe(money(total.cells[c]));
});

test("the items provided individually, with their basis and status", () => {
  const items = bodyAfter(spec, specificHeader);
  expect(items.map((r) => r.cells[0]?.v)).toEqual(["丙公司", "戊公司"]);
  expect(moneys(items[0], 2, 3)).toEqual(["200000.00", "50000.00"]);
  expect(money(items[0].cells[5])).toBe("150000.00");
  expect(items[0].cells[6]?.v).toBe("余额减预计可收回金额");
  expect(items[1].cells[6]?.v).toBe("全额计提：债务人经法院宣告破产或进入破产程序");
  expect(items[1].cells[8]?.v).toBe("已被宣告破产，剩余财产不足清偿");
  const total = rowsOf(spec, "total")[1];
  expect(moneys(total, 2, 3)).toEqual(["208000.00", "50000.00"]);
  expect(money(total.cells[5])).toBe("158000.00");
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
  expect(moneys(lines[0], 8, 9)).toEqual(["6000.00", "10050.03"]);
  expect(moneys(lines[1], 8, 9)).toEqual(["4000.00", "0.00"]);
  expect(moneys(lines[2], 8, 9)).toEqual(["160000.00", "-6296.30"]);
  expect(moneys(lines[4], 8, 9)).toEqual(["0.00", "24000.00"]);
  expect(moneys(rowsOf(s, "total")[0], 8, 9)).toEqual(["170000.00", "27753.73"]);
  expect(rowsOf(s, "note").map((r) => r.cells[0]?.v)).toContain("已计提坏账准备为各账龄段的账面数，由本次运行提供。");
});

test("under the direct write-off method nothing is provided, and the sheet says why", () => {
  const policy = { ...DEFAULT_POLICY, provision: { ...DEFAULT_POLICY.provision, method: "direct-write-off" as const } };
  const s = buildProvisionSchedule(smallReportInput({ policy }), "en-US");
  const total = rowWith(s, "Total", 0, "total");
  expect(moneys(total, 5, 9)).toEqual(["0.00", "0.00", "0.00", "0.00", "0.00"]);
  expect(rowsOf(s, "note").map((r) => r.cells[0]?.v)).toContain(
    "The policy uses the direct write-off method: no allowance is provided, a loss is booked when it occurs.",
  );
  expect(rowsOf(s, "note").map((r) => r.cells[0]?.v)).toContain("No item is provided individually.");
});

test("printed with only the title repeated: its two tables have different headers", () => {
  expect(spec.print.printTitleRows).toEqual({ first: 0, last: 1 });
});
