/**
 * A ribbon report end to end against the in-memory Excel: the saved setup names the ledger and
 * the as-of date; the report on the sheet is the one the core builds from the same cells; no
 * setup, no report (in both languages); a missing header is the core's error; an edited report
 * needs the user's yes; and the round trips stay few.
 */
import { isArError } from "../../src/core/errors";
import { fromYmd } from "../../src/core/calendar";
import { buildReport, REPORT_IDS, type ReportId } from "../../src/core/reports/index";
import { createFakeExcel, type FakeExcel, type FakeSheetData } from "../../src/preview/fake-excel";
import { runReport } from "../../src/excel/report-run";
import { SETUP_SETTING } from "../../src/excel/setup";
import { COMPANY_SETTING } from "../../src/excel/company";
import { SMALL_COLLECTIONS, SMALL_CUSTOMERS, SMALL_LEDGER, smallReportInput } from "../fixtures/reports/small-ledger";
import { runner } from "../helpers/fake-excel";

const SETUP = { version: 1, ledger: { kind: "range", sheet: "台账" }, mapping: {}, asOf: "2024-12-31" };

// The fixture's sheets as smallReportInput names them, so the report read from the workbook and
// the one built directly from the fixture are the same to the cell.
function sheets(): FakeSheetData[] {
  return [
    { name: "台账", cells: SMALL_LEDGER as FakeSheetData["cells"] },
    { name: "客户档案", cells: SMALL_CUSTOMERS as FakeSheetData["cells"] },
    { name: "催收记录", cells: SMALL_COLLECTIONS as FakeSheetData["cells"] },
  ];
}

function makeFake(setup: object | null = SETUP, extra: FakeSheetData[] = []): FakeExcel {
  return createFakeExcel({ sheets: [...sheets(), ...extra], ...(setup === null ? {} : { settings: { [SETUP_SETTING]: JSON.stringify(setup) } }) });
}

test.each(REPORT_IDS.map((id) => [id] as const))("%s: the sheet holds what the core builds from the same ledger", async (id: ReportId) => {
  const fake = makeFake();
  const ledgerBefore = JSON.stringify(fake.workbook.toData().sheets.slice(0, 3));
  const out = await runReport(runner(fake), id, { lang: "zh-CN", chartSeries: false });
  const spec = buildReport(id, smallReportInput(), "zh-CN");
  expect(out).toEqual({ kind: "done", sheet: spec.name });
  const sheet = fake.workbook.getSheet(spec.name);
  spec.rows.forEach((row, r) =>
    row.cells.forEach((cell, c) => {
      if (cell === null) return;
      const merged = spec.merges.some((m) => r >= m.row && r < m.row + m.rows && c >= m.col && c < m.col + m.cols && (r !== m.row || c !== m.col));
      const expected = cell.v === null || merged ? "" : cell.v;
      expect([r, c, sheet.cell(r, c).value]).toEqual([r, c, expected]);
    }),
  );
  expect(sheet.charts).toHaveLength(spec.charts.length);
  // The user's sheets: as they were.
  expect(JSON.stringify(fake.workbook.toData().sheets.slice(0, 3))).toBe(ledgerBefore);
});

test("English, with an as-of date given", async () => {
  const fake = makeFake();
  const asOf = fromYmd(2025, 6, 30);
  const out = await runReport(runner(fake), "provisionSchedule", { lang: "en-US", asOf, chartSeries: false });
  const spec = buildReport("provisionSchedule", smallReportInput(), "en-US");
  expect(out).toEqual({ kind: "done", sheet: spec.name });
  // The meta line names the as-of date given, not the saved one.
  expect(JSON.stringify(fake.workbook.getSheet(spec.name).values())).toContain("2025");
});

test.each(["zh-CN", "en-US"] as const)("no ledger set up: NoLedger, with the message in both languages (%s)", async (lang) => {
  for (const setup of [null, { ...SETUP, ledger: null }, { ...SETUP, asOf: null }]) {
    const fake = makeFake(setup);
    const before = JSON.stringify(fake.workbook.toData());
    const failure = runReport(runner(fake), "agingAnalysis", { lang });
    await expect(failure).rejects.toMatchObject({ code: "NoLedger" });
    const e = (await failure.catch((x: unknown) => x)) as { text: Record<string, string> };
    expect(e.text["zh-CN"]).toMatch(/任务窗格.*检查/);
    expect(e.text["en-US"]).toMatch(/task pane.*check/);
    expect(JSON.stringify(fake.workbook.toData())).toBe(before);
  }
});

test("the saved ledger's header is gone: the core's error, nothing written", async () => {
  const fake = createFakeExcel({ sheets: [{ name: "台账", cells: [["nothing"], ["here", 1]] }], settings: { [SETUP_SETTING]: JSON.stringify(SETUP) } });
  const before = JSON.stringify(fake.workbook.toData());
  const e = await runReport(runner(fake), "agingAnalysis", { lang: "zh-CN" }).catch((x: unknown) => x);
  expect(isArError(e)).toBe(true);
  expect(JSON.stringify(fake.workbook.toData())).toBe(before);
});

test("an edited report needs the user's yes; a user's sheet of the name is refused", async () => {
  const fake = makeFake();
  const first = await runReport(runner(fake), "collectionPlan", { lang: "zh-CN", chartSeries: false });
  if (first.kind !== "done") throw new Error("expected done");
  fake.workbook.getSheet(first.sheet).setValues("A3", [["my note"]]);
  expect(await runReport(runner(fake), "collectionPlan", { lang: "zh-CN", chartSeries: false })).toEqual({ kind: "confirm", edited: [first.sheet] });
  expect(fake.workbook.getSheet(first.sheet).cell("A3").value).toBe("my note");
  expect(await runReport(runner(fake), "collectionPlan", { lang: "zh-CN", replaceEdited: true, chartSeries: false })).toEqual(first);
  expect(fake.workbook.getSheet(first.sheet).cell("A3").value).not.toBe("my note");

  const spec = buildReport("writeOffCandidates", smallReportInput(), "zh-CN");
  const mine = makeFake(SETUP, [{ name: spec.name, cells: [["mine"]] }]);
  await expect(runReport(runner(mine), "writeOffCandidates", { lang: "zh-CN" })).rejects.toMatchObject({ code: "ForeignSheet" });
  expect(mine.workbook.getSheet(spec.name).cell("A1").value).toBe("mine");
});

test("round trips: a handful for the whole run", async () => {
  const fake = makeFake();
  fake.resetStats();
  await runReport(runner(fake), "agingAnalysis", { lang: "zh-CN", chartSeries: false });
  // Measured 16: setup 1, policy 1, ledger 2, companion tables 3 + 2 per table found (two here),
  // the report sheet's state 2, the write 4 (registry, sheet and formats, values, swap).
  expect(fake.stats.syncs).toBeLessThanOrEqual(16);
  if (process.env.SHOW_SYNCS) console.log(`runReport syncs: ${fake.stats.syncs}`);
});

test("the report's 编制单位 is the company the pane's 单位信息 names", async () => {
  const fake = createFakeExcel({
    sheets: sheets(),
    settings: { [SETUP_SETTING]: JSON.stringify(SETUP), [COMPANY_SETTING]: JSON.stringify({ nameZh: "遂宁市某某建设有限公司" }) },
  });
  const out = await runReport(runner(fake), "agingAnalysis", { lang: "zh-CN", chartSeries: false });
  if (out.kind !== "done") throw new Error(out.kind);
  const values = fake.workbook.getSheet(out.sheet).values();
  expect(values[values.length - 1][0]).toBe("编制单位：遂宁市某某建设有限公司　　制表：＿＿＿＿＿＿　　审核：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日");
});
