/** 应收账款分类表 against the hand-worked figures of test/fixtures/reports/small-ledger.ts. */
import { buildClassification } from "../../../src/core/reports/classification";
import { SMALL_LEDGER, smallReportInput } from "../../fixtures/reports/small-ledger";
import { bodyAfter, labels, money, moneys, rowWith, rowsOf, sumOf } from "./spec-helpers";

const input = smallReportInput();
const spec = buildClassification(input, "zh-CN");
const [byCustomer, byDepartment] = rowsOf(spec, "header");
const totals = rowsOf(spec, "total");

test("two tables, by customer then by department, with the policy's classes", () => {
  expect(labels(byCustomer)).toEqual(["序号", "客户名称", "笔数", "正常", "逾期", "呆滞", "呆账", "无法分类", "合计", "占比"]);
  expect(labels(byDepartment)[1]).toBe("责任部门");
  expect(rowsOf(spec, "section").map((r) => r.cells[0]?.v)).toEqual(["一、按客户", "二、按责任部门"]);
});

test("class totals: normal 100,000.00 · overdue 10,000.55 · stale 51,000.00 · bad 290,345.67 · unclassified 5,000.00", () => {
  for (const total of totals) {
    expect(moneys(total, 3, 8)).toEqual(["100000.00", "10000.55", "51000.00", "290345.67", "5000.00", "456346.22"]);
  }
  expect(money(totals[0].cells[6])).toBe(input.audit.totals.byClass.bad.balance);
  const body = bodyAfter(spec, byCustomer);
  for (let c = 3; c <= 8; c++) expect(sumOf(body, c)).toBe(money(totals[0].cells[c]));
});

test("a customer split over classes; 戊公司 bad by its status (宣告破产, 五.第三条 1) though not yet due", () => {
  expect(moneys(rowWith(spec, "甲公司", 1), 3, 8)).toEqual(["100000.00", "", "50000.00", "", "", "150000.00"]);
  expect(moneys(rowWith(spec, "戊公司", 1), 3, 8)).toEqual(["", "", "", "8000.00", "", "8000.00"]);
});

test("departments: the ledger's, else the customer master's (庚公司 → 三部)", () => {
  const body = bodyAfter(spec, byDepartment);
  expect(body.map((r) => r.cells[1]?.v)).toEqual(["一部", "二部", "三部"]);
  expect(moneys(body[0], 3, 8)).toEqual(["100000.00", "", "51000.00", "208000.00", "", "359000.00"]);
  // 二部 without 己公司's -3,000.00, an advance kept apart from the classes.
  expect(moneys(body[1], 3, 8)).toEqual(["", "10000.55", "", "70000.00", "5000.00", "85000.55"]);
  expect(moneys(body[2], 3, 8)).toEqual(["", "", "", "12345.67", "", "12345.67"]);
  expect(body.map((r) => r.cells[2]?.v)).toEqual([5, 4, 1]);
});

test("a pie chart of the classes, from the first table's header and total row", () => {
  const chart = spec.charts[0];
  expect(chart.type).toBe("pie");
  const h = spec.rows.indexOf(byCustomer);
  const t = spec.rows.indexOf(totals[0]);
  expect(chart.categories).toEqual({ row: h, col: 3, rows: 1, cols: 5 });
  expect(chart.series).toEqual([{ name: "合计", values: { row: t, col: 3, rows: 1, cols: 5 } }]);
});

test("the class rules quote 004 五.第二条 (不足20天, 在90天内…) and state the choice for d = 20 apart", () => {
  const notes = rowsOf(spec, "note").map((r) => String(r.cells[0]?.v));
  const rules = notes.findIndex((n) => n.startsWith("分类标准"));
  expect(notes[rules]).toContain("正常应收账款：账龄在信用期内或超过信用期不足20天");
  expect(notes[rules]).toContain("逾期应收账款：账龄超过信用期20天且在90天内");
  expect(notes[rules]).not.toContain("不超过");
  expect(notes[rules + 1]).toContain("恰好20天");
  expect(notes[rules + 1]).toContain("本制度计为正常");
});

test("without unclassified rows there is no such column", () => {
  const en = buildClassification(smallReportInput({ ledger: SMALL_LEDGER.filter((r) => r[0] !== 11) }), "en-US");
  expect(labels(rowsOf(en, "header")[0])).toEqual(["No.", "Customer", "Items", "Normal", "Overdue", "Stale", "Bad debt", "Total", "Share"]);
  expect(en.charts[0].categories.cols).toBe(4);
});

test("己公司's net credit is an advance (预收): a line of its own under the customers, no class, no negative share", () => {
  const line = rowWith(spec, "预收账款（不计入账龄分析）", 0, "subtotal");
  expect(line.cells[2]?.v).toBe(1);
  // No class or band holds it and no share is given: only the amount, in the total column.
  expect(line.cells.slice(3, 8).map((c) => c?.v ?? null)).toEqual([null, null, null, null, null]);
  expect(money(line.cells[8])).toBe("3000.00");
  expect(line.cells[9]?.v ?? null).toBeNull();
  expect(spec.rows.indexOf(line)).toBeLessThan(spec.rows.indexOf(byDepartment));
  expect(rowsOf(spec, "note").map((r) => r.cells[0]?.v)).toContain(
    "预收账款是截止日客户贷方净额（004 一.第二条、三.第八条），不属应收账款，不计入上表的分类、账龄与占比，应转入预收账款：己公司 3,000.00（合计 3,000.00）。",
  );
  for (const total of totals) expect(money(total.cells[8])).toBe("456346.22"); // the classes' total leaves it out
});
