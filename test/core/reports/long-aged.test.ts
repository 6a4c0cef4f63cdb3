/** 长账龄应收款清理统计表 (plan 000's layout) against the hand-worked figures of the small ledger. */
import { fromYmd } from "../../../src/core/calendar";
import { toExcelSerial } from "../../../src/core/dates";
import { DEFAULT_POLICY, loadPolicy } from "../../../src/core/policy";
import { buildLongAgedCleanup, longAgedBands } from "../../../src/core/reports/long-aged";
import { SMALL_LEDGER, smallReportInput } from "../../fixtures/reports/small-ledger";
import { bodyAfter, labels, money, moneys, rowWith, rowsOf, sumOf } from "./spec-helpers";

const input = smallReportInput();
const spec = buildLongAgedCleanup(input, "zh-CN");
const [itemHeader, summaryHeader] = rowsOf(spec, "header");

test("the item table: debtor, nature, age, balance, expected recovery, provision, responsibility, target, collected", () => {
  expect(labels(itemHeader)).toEqual([
    "序号", "债务人", "款项性质", "发生日期", "账龄", "余额", "预计可收回金额", "坏账准备", "责任部门", "责任人", "预计收回日期", "已收回金额", "情况说明",
  ]);
});

test("only items over one year, by band, with a subtotal per band", () => {
  const kinds = spec.rows.slice(spec.rows.indexOf(itemHeader) + 1, spec.rows.indexOf(rowsOf(spec, "total")[0]) + 1).map((r) => `${r.kind}:${String(r.cells[r.kind === "body" ? 1 : 0]?.v)}`);
  expect(kinds).toEqual(["body:乙公司", "subtotal:小计：1至2年（含2年）", "body:丙公司", "body:庚公司", "subtotal:小计：2至3年（含3年）", "body:丁公司", "subtotal:小计：3年以上", "total:合计"]);
});

test("each item as the plan lists it", () => {
  const 丙 = rowWith(spec, "丙公司", 1);
  expect(丙.cells[2]?.v).toBe("工程款");
  expect(丙.cells[3]).toEqual({ v: toExcelSerial(fromYmd(2022, 6, 30)), t: "date" });
  expect(丙.cells[4]?.v).toBe("2至3年（含3年）");
  expect(moneys(丙, 5, 7)).toEqual(["200000.00", "50000.00", "150000.00"]);
  expect(丙.cells.slice(8, 10).map((c) => c?.v)).toEqual(["一部", "张三"]);
  expect(丙.cells[10]).toEqual({ v: toExcelSerial(fromYmd(2025, 6, 30)), t: "date" });
  expect(money(丙.cells[11])).toBe("50000.00");
  expect(丙.cells[12]?.v).toBe("诉讼中 预计回收5万元");
  // 乙公司 has no expected recovery but a 60% probability: 40,000 × 60% = 24,000 back, 16,000 provided.
  expect(moneys(rowWith(spec, "乙公司", 1), 5, 7)).toEqual(["40000.00", "24000.00", "16000.00"]);
  // 庚公司: 12,345.67 × 95% = 11,728.3865 → 11,728.39 back, 617.28 provided; department and person
  // from the customer master.
  const 庚 = rowWith(spec, "庚公司", 1);
  expect(moneys(庚, 5, 7)).toEqual(["12345.67", "11728.39", "617.28"]);
  expect(庚.cells.slice(8, 10).map((c) => c?.v)).toEqual(["三部", "孙七"]);
  // 丁公司: neither; left blank.
  expect(money(rowWith(spec, "丁公司", 1).cells[6])).toBe("");
});

test("subtotals and the total are the sums of their items, to the fen", () => {
  const total = rowsOf(spec, "total")[0];
  expect(total.cells[4]?.v).toBe(4);
  expect(moneys(total, 5, 7)).toEqual(["282345.67", "85728.39", "190617.28"]);
  expect(money(total.cells[11])).toBe("50000.00");
  const sub23 = rowWith(spec, "小计：2至3年（含3年）", 0, "subtotal");
  expect(moneys(sub23, 5, 7)).toEqual(["212345.67", "61728.39", "150617.28"]);
  const items = bodyAfter(spec, itemHeader);
  for (const c of [5, 6, 7, 11]) expect(sumOf(items, c)).toBe(money(total.cells[c]));
});

test("the situation by age, as the plan opens with it: 1-2年, 2-3年, 3年以上 and their shares", () => {
  const rows = bodyAfter(spec, summaryHeader);
  expect(rows.map((r) => r.cells[0]?.v)).toEqual(["1至2年（含2年）", "2至3年（含3年）", "3年以上"]);
  expect(rows.map((r) => money(r.cells[5]))).toEqual(["40000.00", "212345.67", "30000.00"]);
  expect(rows[0].cells[3]?.v).toBeCloseTo(40000 / 282345.67, 12);
  const total = rowsOf(spec, "total")[1];
  expect(moneys(total, 5, 8)).toEqual(["282345.67", "85728.39", "190617.28", "50000.00"]);
  expect(total.cells[2]?.v).toBe(4);
});

test("a settled long-aged item is no open item: listed apart with what was collected (plan 000's 华亿, 巴中; POLICY §3)", () => {
  const settled = [12, "癸公司", "一部", "INV-12", "工程款", "2022-05-31", "2022-06-30", 60000, 60000, 0, null, null, "张三", null, "已结清", "2024年7月全部收回"];
  const s = buildLongAgedCleanup(smallReportInput({ ledger: [...SMALL_LEDGER, settled] }), "zh-CN");
  const totals = rowsOf(s, "total");
  // Open long-aged items as before: 4 items, collected 50,000.00 (丙公司's), no 癸公司 among them.
  expect(totals[0].cells[4]?.v).toBe(4);
  expect(money(totals[0].cells[11])).toBe("50000.00");
  // Part 3: 癸公司, 2–3 years on 2024-12-31 (arisen 2022-05-31), 60,000.00 collected.
  const row = rowWith(s, "癸公司", 1);
  expect(row.cells[4]?.v).toBe("2至3年（含3年）");
  expect(money(row.cells[11])).toBe("60000.00");
  const settledTotal = rowWith(s, "已结清款项收回合计", 0, "total");
  expect(settledTotal.cells[4]?.v).toBe(1);
  expect(money(settledTotal.cells[11])).toBe("60000.00");
});

test("'over one year' follows the policy's bands", () => {
  expect(DEFAULT_POLICY.longAgedFromMonths).toBe(12);
  expect(longAgedBands(DEFAULT_POLICY.reportBands, 12)).toEqual([1, 2, 3]);
  expect(longAgedBands([{ upToMonths: 6 }, { upToMonths: 12 }, { upToMonths: 24 }, { upToMonths: null }], 12)).toEqual([2, 3]);
  expect(longAgedBands(DEFAULT_POLICY.reportBands, 24)).toEqual([2, 3]);
  expect(longAgedBands(DEFAULT_POLICY.reportBands, 37)).toEqual([]);
});

test("the policy's longAgedFromMonths sets what the clean-up lists", () => {
  const from2 = buildLongAgedCleanup(smallReportInput({ policy: loadPolicy({ longAgedFromMonths: 24 }) }), "zh-CN");
  const [header] = rowsOf(from2, "header");
  const kinds = from2.rows.slice(from2.rows.indexOf(header) + 1, from2.rows.indexOf(rowsOf(from2, "total")[0]) + 1).map((r) => `${r.kind}:${String(r.cells[r.kind === "body" ? 1 : 0]?.v)}`);
  // 乙公司 (1–2 years) drops out; 2–3 years and over 3 years stay.
  expect(kinds).toEqual(["body:丙公司", "body:庚公司", "subtotal:小计：2至3年（含3年）", "body:丁公司", "subtotal:小计：3年以上", "total:合计"]);
  expect(moneys(rowsOf(from2, "total")[0], 5, 7)).toEqual(["242345.67", "61728.39", "174617.28"]);
  // 超过 excludes the number (Civil Code art. 1259) as the bands do (1年以内 includes a year to the
  // day): "一年以上" would include it, and the clean-up does not list it.
  expect(rowsOf(from2, "note").map((r) => r.cells[0]?.v)[0]).toMatch(/^列示账龄超过2年、/);
  expect(rowsOf(spec, "note").map((r) => r.cells[0]?.v)[0]).toMatch(/^列示账龄超过一年、/);

  const beyondAll = buildLongAgedCleanup(smallReportInput({ policy: loadPolicy({ longAgedFromMonths: 40 }) }), "en-US");
  expect(rowsOf(beyondAll, "note").map((r) => r.cells[0]?.v)).toContain("No receivable is more than 40 months old.");
});

test("the monthly statistics rule of the plan is stated; the item header repeats on printed pages", () => {
  expect(rowsOf(spec, "note").map((r) => r.cells[0]?.v)).toContain("财务部于次月三个工作日内完成清理结果统计，向分管领导汇报并通报相关部门；分管领导据此调整下月清理工作。");
  expect(spec.print.printTitleRows).toEqual({ first: 0, last: spec.rows.indexOf(itemHeader) });
});
