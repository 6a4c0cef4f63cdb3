/** 账龄分析表 against the figures worked by hand in test/fixtures/reports/small-ledger.ts. */
import { buildAgingAnalysis } from "../../../src/core/reports/aging-analysis";
import { HYPERLINK_CUSTOMER, SMALL_LEDGER, smallReportInput } from "../../fixtures/reports/small-ledger";
import { bodyAfter, labels, money, moneys, rowWith, rowsOf, sumOf } from "./spec-helpers";

const input = smallReportInput();
const spec = buildAgingAnalysis(input, "zh-CN");
const header = rowsOf(spec, "header")[0];

test("columns: No., customer, items, the policy's four bands, age unknown, total, share", () => {
  expect(labels(header)).toEqual(["序号", "客户名称", "笔数", "1年以内（含1年）", "1至2年（含2年）", "2至3年（含3年）", "3年以上", "账龄不详", "合计", "占比"]);
  expect(spec.columns).toHaveLength(10);
  expect(spec.title).toBe("应收账款账龄分析表");
  expect(spec.name).toBe("账龄分析表");
});

test("one row per customer, largest balance first, each band to the fen", () => {
  const body = bodyAfter(spec, header);
  expect(body.map((r) => r.cells[1]?.v)).toEqual(["丙公司", "甲公司", "乙公司", "丁公司", "庚公司", "戊公司", "壬公司", HYPERLINK_CUSTOMER]);
  const 乙 = rowWith(spec, "乙公司", 1);
  expect(乙.cells[2]?.v).toBe(2);
  // INV-04 10,000.55 within a year; INV-03 40,000.00 in 1–2 years.
  expect(moneys(乙, 3, 8)).toEqual(["10000.55", "40000.00", "", "", "", "50000.55"]);
  // 己公司's -3,000.00 is an advance (预收): no row of its own in the aging.
  expect(body.some((r) => r.cells[1]?.v === "己公司")).toBe(false);
  expect(moneys(rowWith(spec, "壬公司", 1), 3, 8)).toEqual(["", "", "", "", "5000.00", "5000.00"]);
  // 庚公司 arose 2021-12-31: on 2024-12-31 it is exactly 3 years old, still 2–3 years.
  expect(moneys(rowWith(spec, "庚公司", 1), 3, 8)).toEqual(["", "", "12345.67", "", "", "12345.67"]);
});

test("totals by band are the hand-worked figures and the sums of the lines", () => {
  const total = rowWith(spec, "合计", 0, "total");
  expect(total.cells[2]?.v).toBe(10);
  expect(moneys(total, 3, 8)).toEqual(["169000.55", "40000.00", "212345.67", "30000.00", "5000.00", "456346.22"]);
  const body = bodyAfter(spec, header);
  for (let c = 3; c <= 8; c++) expect(sumOf(body, c)).toBe(money(total.cells[c]));
  // The check's own total, to the fen.
  expect(money(total.cells[8])).toBe(input.audit.totals.all.balance);
});

test("shares: each customer's of the total, each band's in the share row", () => {
  const 丙 = rowWith(spec, "丙公司", 1);
  expect(丙.cells[9]).toEqual({ v: 200000 / 456346.22, t: "percent" });
  const share = rowWith(spec, "占合计比例", 0, "subtotal");
  expect(share.cells[3]?.v).toBeCloseTo(169000.55 / 456346.22, 12);
  expect(share.cells[6]?.v).toBeCloseTo(30000 / 456346.22, 12);
  expect(share.cells[8]?.v).toBe(1);
  expect(share.cells[3]?.t).toBe("percent");
});

test("a stacked column chart of the largest customers, one series per band, pointing at the table", () => {
  expect(spec.charts).toHaveLength(1);
  const chart = spec.charts[0];
  expect(chart.type).toBe("columnStacked");
  const h = spec.rows.indexOf(header);
  expect(chart.categories).toEqual({ row: h + 1, col: 1, rows: 8, cols: 1 });
  expect(chart.series.map((s) => s.name)).toEqual(["1年以内（含1年）", "1至2年（含2年）", "2至3年（含3年）", "3年以上"]);
  chart.series.forEach((s, k) => {
    expect(s.nameCell).toEqual({ row: h, col: 3 + k });
    expect(spec.rows[h].cells[3 + k]?.v).toBe(s.name);
    expect(s.values).toEqual({ row: h + 1, col: 3 + k, rows: 8, cols: 1 });
  });
  expect(chart.anchor.row).toBeGreaterThan(spec.rows.indexOf(rowWith(spec, "合计", 0, "total")));
  expect(chart.omittedNote).toContain(chart.title);
});

test("text from the ledger is a text cell, never anything else", () => {
  const row = rowWith(spec, HYPERLINK_CUSTOMER, 1);
  expect(row.cells[1]).toEqual({ v: HYPERLINK_CUSTOMER, t: "text" });
});

test("without rows of unknown age there is no such column; English labels follow the policy's", () => {
  const ledger = SMALL_LEDGER.filter((r) => r[0] !== 11);
  const en = buildAgingAnalysis(smallReportInput({ ledger }), "en-US");
  expect(labels(rowsOf(en, "header")[0])).toEqual(["No.", "Customer", "Items", "Within 1 year (1 year included)", "1–2 years (2 years included)", "2–3 years (3 years included)", "Over 3 years", "Total", "Share"]);
  expect(money(rowWith(en, "Total", 0, "total").cells[7])).toBe("451346.22");
  expect(en.name).toBe("Aging analysis");
});

test("print: A4, fitted to width, the title and header repeated; header row frozen", () => {
  const h = spec.rows.indexOf(header);
  expect(spec.print).toEqual({ paper: "A4", orientation: spec.print.orientation, fitToWidth: true, printTitleRows: { first: 0, last: h } });
  expect(spec.freezeRows).toBe(h + 1);
});

test("advances (预收) stand on a line of their own, not as negative balances or shares: 己公司 3,000.00", () => {
  const line = rowWith(spec, "预收账款（不计入账龄分析）", 0, "subtotal");
  expect(line.cells[2]?.v).toBe(1);
  // No class or band holds it and no share is given: only the amount, in the total column.
  expect(line.cells.slice(3, 8).map((c) => c?.v ?? null)).toEqual([null, null, null, null, null]);
  expect(money(line.cells[8])).toBe("3000.00");
  expect(line.cells[9]?.v ?? null).toBeNull();
  const en = buildAgingAnalysis(input, "en-US");
  expect(rowWith(en, "Advances received (预收): not receivables, apart from the aging", 0, "subtotal").cells[2]?.v).toBe(1);
  // Without an advance, no such line.
  const none = buildAgingAnalysis(smallReportInput({ ledger: SMALL_LEDGER.filter((r) => r[0] !== 8) }), "zh-CN");
  expect(none.rows.some((r) => r.cells[0]?.v === "预收账款（不计入账龄分析）")).toBe(false);
});
