/** The registry, and what every SheetSpec promises its writers, checked on every report in both languages. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { NO_VALUE } from "../../../src/core/batch";
import { buildReport, buildReports, isReportId, REPORT_IDS, REPORTS, RIBBON_REPORT_IDS } from "../../../src/core/reports/index";
import { ageFromOf, dueDayOf, reportContext } from "../../../src/core/reports/input";
import type { CellRange, SheetSpec } from "../../../src/core/reports/sheet-spec";
import { smallReportInput } from "../../fixtures/reports/small-ledger";

const input = smallReportInput();
const all: SheetSpec[] = [...buildReports(input, "zh-CN"), ...buildReports(input, "en-US")];

test("the ribbon's ids are its ExecuteFunction names, in the ribbon's order; the expected credit loss and performance reports included", () => {
  const manifest = readFileSync(join(__dirname, "../../../manifest.xml"), "utf8");
  const names = [...manifest.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g)].map((m) => m[1]);
  expect(RIBBON_REPORT_IDS).toEqual(["agingAnalysis", "classification", "provisionSchedule", "longAgedCleanup", "writeOffCandidates", "collectionPlan", "expectedCreditLoss", "performanceDeduction"]);
  for (const id of RIBBON_REPORT_IDS) expect(names).toContain(id);
  expect(REPORT_IDS).toEqual(RIBBON_REPORT_IDS);
  expect(REPORTS.map((r) => r.title["zh-CN"])).toEqual(["应收账款账龄分析表", "应收账款分类表", "坏账准备计提表", "长账龄应收款清理统计表", "应收账款核销候选表及备查登记", "应收账款催收计划", "预期信用损失计提表", "应收账款绩效考核扣减表"]);
  expect(isReportId("collectionPlan")).toBe(true);
  expect(isReportId("toString")).toBe(false);
  expect(buildReport("collectionPlan", input, "zh-CN").id).toBe("collectionPlan");
});

function inside(range: CellRange, spec: SheetSpec): boolean {
  return range.row >= 0 && range.col >= 0 && range.rows >= 1 && range.cols >= 1 && range.col + range.cols <= spec.columns.length && range.row + range.rows <= spec.rows.length;
}

describe.each(all.map((s) => [`${s.lang} ${s.id}`, s] as const))("%s", (_, spec) => {
  test("a valid sheet name; the title first, then the meta line", () => {
    expect(spec.name.length).toBeLessThanOrEqual(31);
    expect(spec.name).not.toMatch(/[\\/?*[\]:]/);
    expect(spec.rows[0].kind).toBe("title");
    expect(spec.rows[0].cells[0]?.v).toBe(spec.title);
    expect(spec.rows[1].kind).toBe("meta");
  });

  test("cells typed as their values: text as strings, money with its exact amount, dates whole serials", () => {
    for (const row of spec.rows) {
      expect(row.cells.length).toBeLessThanOrEqual(spec.columns.length);
      for (const cell of row.cells) {
        if (cell === null) continue;
        expect(cell.t).toBeDefined();
        if (cell.v === null) continue;
        switch (cell.t) {
          case "text":
            expect(typeof cell.v).toBe("string");
            break;
          case "money":
            expect(typeof cell.exact).toBe("string");
            expect(cell.exact).toMatch(/^-?\d+\.\d{2,}$/);
            expect(cell.v).toBe(Number(cell.exact));
            break;
          case "date":
          case "integer":
            expect(Number.isInteger(cell.v)).toBe(true);
            break;
          case "percent":
            expect(Number.isFinite(cell.v)).toBe(true);
            break;
        }
      }
    }
  });

  test("merges inside the sheet and never overlapping; charts' ranges inside the sheet", () => {
    const taken = new Set<string>();
    for (const m of spec.merges) {
      expect(inside(m, spec)).toBe(true);
      for (let r = m.row; r < m.row + m.rows; r++) {
        for (let c = m.col; c < m.col + m.cols; c++) {
          const key = `${r}:${c}`;
          expect(taken.has(key)).toBe(false);
          taken.add(key);
        }
      }
    }
    for (const chart of spec.charts) {
      for (const range of [chart.categories, chart.anchor, ...chart.series.map((s) => s.values)]) expect(inside(range, spec)).toBe(true);
      for (const s of chart.series) expect(s.values.rows * s.values.cols).toBe(chart.categories.rows * chart.categories.cols);
    }
  });

  test("A4, fitted to width; the frozen rows and the printed titles start at the top and end on a header", () => {
    expect(spec.print.paper).toBe("A4");
    expect(spec.print.fitToWidth).toBe(true);
    expect(spec.rows[spec.freezeRows - 1].kind).toBe("header");
    const titles = spec.print.printTitleRows;
    expect(titles?.first).toBe(0);
    expect(["header", "meta"]).toContain(spec.rows[titles?.last ?? 0].kind);
    for (const c of spec.columns) expect(c.width).toBeGreaterThanOrEqual(5);
  });
});

test("both languages lay a report out the same way", () => {
  const zh = buildReports(input, "zh-CN");
  const en = buildReports(input, "en-US");
  zh.forEach((s, k) => {
    expect(en[k].rows.map((r) => r.kind)).toEqual(s.rows.map((r) => r.kind));
    expect(en[k].merges).toEqual(s.merges);
  });
});

test("a row of unknown age is in no provision band, whatever the check's marker for unknown", () => {
  const ctx = reportContext(input, "zh-CN");
  const i = input.audit.rows.ledgerRows.findIndex((r) => r.customer === "壬公司");
  expect(ctx.provisionBand[i]).toBe(NO_VALUE);
  expect(ageFromOf(input.audit, i)).toBeNull();
  expect(dueDayOf(input.audit, i)).toBeNull();
  expect(ctx.provisionBand[0]).toBe(0);
});

test("every report ends with the sign-off a printed report carries (编制单位、制表、审核、日期), the company filled in where known", () => {
  const named = smallReportInput({ extra: { company: "四川省通信产业服务有限公司" } });
  for (const id of REPORT_IDS) {
    const zh = buildReport(id, named, "zh-CN");
    const last = zh.rows[zh.rows.length - 1];
    expect([id, last.cells[0]?.v]).toEqual([id, "编制单位：四川省通信产业服务有限公司　　制表：＿＿＿＿＿＿　　审核：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日"]);
    // Spanning the sheet, so it prints on one line under the table.
    expect(zh.merges).toContainEqual({ row: zh.rows.length - 1, col: 0, rows: 1, cols: zh.columns.length });
    // Without a company: a line to write it in by hand, never a placeholder or a guess.
    const blank = buildReport(id, input, "en-US");
    expect(blank.rows[blank.rows.length - 1].cells[0]?.v).toBe("Prepared for: ________________________    Prepared by: ____________    Reviewed by: ____________    Date: ____________");
  }
});
