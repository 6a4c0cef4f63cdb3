/**
 * The Office.js report writer against the in-memory Excel: every report of the small ledger
 * written by it and by the headless exceljs writer, compared cell by cell (values, number formats,
 * looks, merges, widths, heights, frozen rows, print setup); real charts where exceljs has its
 * note; text stays text; a user's sheet is never touched; a failure anywhere leaves each report
 * old, new or marked incomplete, for the next run to complete; and the round trips stay few.
 *
 * Where the two differ by design: a chart's anchor row holds the chart in Excel and the
 * "chart omitted" note (merged across, 30 points high) in the exceljs file; column widths are
 * Excel's width unit in exceljs and points in Office.js (widthToPoints: round(width × 7 px) × 0.75).
 */
import ExcelJS from "exceljs";
import { createFakeExcel, type FakeExcel } from "../../src/preview/fake-excel";
import { buildReport, REPORT_IDS, type ReportId } from "../../src/core/reports/index";
import { CELL_STYLES, cellType, columnName, NUMBER_FORMATS, type SheetSpec } from "../../src/core/reports/sheet-spec";
import { fontNameFor, specsToWorkbook } from "../../src/cli/xlsx-writer";
import { OWNED_SETTING, ownedStates } from "../../src/excel/owned";
import { keyedBlocks, widthToPoints, writeReportSheets } from "../../src/excel/sheet-writer";
import { HYPERLINK_CUSTOMER, SMALL_LEDGER, smallReportInput } from "../fixtures/reports/small-ledger";
import { classify, sheetValues } from "./owned-states";
import { runner } from "../helpers/fake-excel";

const input = smallReportInput();

async function write(fake: FakeExcel, specs: SheetSpec[]): Promise<void> {
  await runner(fake)((context) => writeReportSheets(context, specs, { chartSeries: false }));
}

function mergeAddress(m: { row: number; col: number; rows: number; cols: number }): string {
  return m.rows === 1 && m.cols === 1 ? `${columnName(m.col)}${m.row + 1}` : `${columnName(m.col)}${m.row + 1}:${columnName(m.col + m.cols - 1)}${m.row + m.rows}`;
}

/** Rows whose cells the exceljs writer changes for a chart it cannot draw. */
function chartNoteRows(spec: SheetSpec): Set<number> {
  return new Set(spec.charts.map((c) => c.anchor.row));
}

/** A ledger of about `n` rows: the small ledger's rows over and over, each under another customer. */
function largerLedger(n: number): unknown[][] {
  const body = SMALL_LEDGER.slice(2);
  const out: unknown[][] = SMALL_LEDGER.slice(0, 2);
  for (let i = 0; out.length - 2 < n; i++) {
    const row = [...body[i % body.length]];
    row[0] = i + 1;
    if (typeof row[1] === "string" && row[1] !== HYPERLINK_CUSTOMER) row[1] = `${row[1]}${Math.floor(i / body.length)}`;
    row[3] = `INV-${i + 1}`;
    out.push(row);
  }
  return out;
}

describe.each(["zh-CN", "en-US"] as const)("%s: the Office.js writer renders what the exceljs writer renders", (lang) => {
  test.each(REPORT_IDS.map((id) => [id] as const))("%s", async (id: ReportId) => {
    const spec = buildReport(id, input, lang);
    const fake = createFakeExcel({ sheets: [{ name: "Sheet1" }] });
    await write(fake, [spec]);
    const sheet = fake.workbook.getSheet(spec.name);
    const ws = specsToWorkbook([spec]).getWorksheet(spec.name) as ExcelJS.Worksheet;
    const noteRows = chartNoteRows(spec);
    const width = Math.max(spec.columns.length, ...spec.rows.map((r) => r.cells.length));

    // Values and number formats, cell by cell over the whole sheet.
    for (let r = 0; r < spec.rows.length; r++) {
      if (noteRows.has(r)) continue;
      for (let c = 0; c < width; c++) {
        const where = `${spec.name}!${columnName(c)}${r + 1}`;
        const x = ws.getCell(r + 1, c + 1);
        const y = sheet.cell(r, c);
        const expected = x.type === ExcelJS.ValueType.Merge || x.value === null ? "" : x.value;
        expect([where, y.value]).toEqual([where, expected]);
        expect([where, y.valueType]).not.toEqual([where, "Formula"]);
        const cell = spec.rows[r].cells[c];
        // A cell a merge covers: exceljs reports its master's format, Excel the cell's own (unseen).
        if (cell === null || cell === undefined || x.type === ExcelJS.ValueType.Merge) continue;
        expect([where, y.numberFormat]).toEqual([where, x.numFmt]);
        expect(y.numberFormat).toBe(NUMBER_FORMATS[cellType(cell)]);
        // The look: font, fill, alignment, wrapping, border.
        const look = sheet.style(r, c);
        const d = CELL_STYLES[cell.style ?? "body"];
        expect([where, look["font.bold"], look["font.italic"], look["font.size"], look["font.name"]]).toEqual([where, Boolean(x.font?.bold), Boolean(x.font?.italic), x.font?.size, fontNameFor(lang)]);
        expect([where, String(look["font.color"]).toUpperCase()]).toEqual([where, `#${(x.font?.color?.argb ?? "FF000000").slice(2)}`]);
        expect([where, look["fill.color"]]).toEqual([where, d.fill === null ? "#FFFFFF" : `#${(x.fill as ExcelJS.FillPattern).fgColor?.argb?.slice(2)}`]);
        expect([where, String(look.horizontalAlignment).toLowerCase()]).toEqual([where, x.alignment?.horizontal]);
        expect([where, look.wrapText]).toEqual([where, Boolean(x.alignment?.wrapText)]);
        expect([where, look["border.EdgeTop.style"] === "Continuous"]).toEqual([where, x.border?.top?.style === "thin"]);
      }
    }

    // Merges (the exceljs note's merge aside), widths, heights, frozen rows, print setup.
    const noteMerges = new Set(spec.charts.map((c) => mergeAddress({ ...c.anchor, rows: 1 })));
    const excelMerges = [...(ws.model.merges ?? [])].filter((m) => !noteMerges.has(m));
    expect(sheet.mergedAreas().sort()).toEqual(excelMerges.sort());
    spec.columns.forEach((_, c) => {
      const excelWidth = ws.getColumn(c + 1).width as number;
      expect(sheet.columnWidth(c)).toBe(widthToPoints(excelWidth));
      expect(Math.abs(sheet.columnWidth(c) - excelWidth * 7 * 0.75)).toBeLessThanOrEqual(0.75);
    });
    spec.rows.forEach((_, r) => {
      if (noteRows.has(r)) return;
      expect([r, sheet.rowHeights.get(r)]).toEqual([r, ws.getRow(r + 1).height]);
    });
    expect(sheet.frozen).toEqual({ rows: (ws.views[0] as { ySplit: number }).ySplit, columns: 0 });
    const setup = ws.pageSetup;
    expect(sheet.pageLayout).toMatchObject({
      paperSize: "A4",
      orientation: setup.orientation === "landscape" ? "Landscape" : "Portrait",
      zoom: { horizontalFitToPages: setup.fitToWidth, verticalFitToPages: setup.fitToHeight },
      centerHorizontally: true,
      leftMargin: 0.4 * 72,
      topMargin: 0.6 * 72,
    });
    expect(sheet.pageLayout.printTitleRows).toBe(`$${setup.printTitlesRow?.replace(":", ":$")}`);

    // Charts: real ones, of the spec's type and title, where the spec anchors them; no note.
    expect(sheet.charts.map((ch) => [ch.chartType.toLowerCase(), ch.title.text, ch.position])).toEqual(
      spec.charts.map((ch) => [ch.type.toLowerCase(), ch.title, { start: `${columnName(ch.anchor.col)}${ch.anchor.row + 1}`, end: mergeAddress({ row: ch.anchor.row + ch.anchor.rows - 1, col: ch.anchor.col + ch.anchor.cols - 1, rows: 1, cols: 1 }) }]),
    );
    for (const ch of spec.charts) {
      expect(sheet.cell(ch.anchor.row, ch.anchor.col).value).toBe("");
      const drawn = sheet.charts.find((x) => x.title.text === ch.title);
      const values = ch.series.map((s) => s.values);
      expect(drawn?.sourceAddress.replace(/'/g, "")).toBe(`${spec.name}!${mergeAddress({ row: values[0].row, col: values[0].col, rows: values[0].rows, cols: values[values.length - 1].col + values[values.length - 1].cols - values[0].col })}`);
      expect(drawn?.seriesBy).toBe(values[0].cols === 1 ? "Columns" : "Rows");
    }

    // The sheet is the add-in's, and a re-run sees it as untouched.
    expect(Object.keys(JSON.parse(String(fake.workbook.settings.get(OWNED_SETTING))) as object)).toEqual([spec.name]);
    const states = await runner(fake)((context) => ownedStates(context, [spec.name]));
    expect(states).toEqual({ [spec.name]: "unchanged" });
  });
});

test("the aging analysis and the classification have charts", () => {
  expect(buildReport("agingAnalysis", input, "zh-CN").charts).toHaveLength(1);
  expect(buildReport("classification", input, "zh-CN").charts).toHaveLength(1);
});

test("a customer called =HYPERLINK(…) or +86… stays text", async () => {
  const ledger = SMALL_LEDGER.map((row, r) => (r === 3 ? [row[0], "+86 138 0000 0000", ...row.slice(2)] : row));
  const spec = buildReport("agingAnalysis", smallReportInput({ ledger }), "zh-CN");
  const fake = createFakeExcel();
  await write(fake, [spec]);
  const sheet = fake.workbook.getSheet(spec.name);
  const found = (text: string) => {
    const values = sheet.values();
    const r = values.findIndex((row) => row.includes(text));
    expect(r).toBeGreaterThanOrEqual(0);
    return sheet.cell(r, values[r].indexOf(text));
  };
  for (const text of [HYPERLINK_CUSTOMER, "+86 138 0000 0000"]) {
    const cell = found(text);
    expect(cell).toMatchObject({ value: text, valueType: "String", numberFormat: "@", formula: null });
  }
});

test("a user's sheet with the report's name is never overwritten", async () => {
  const spec = buildReport("provisionSchedule", input, "zh-CN");
  const fake = createFakeExcel({ sheets: [{ name: spec.name, cells: [["mine", 1]] }] });
  const before = JSON.stringify(fake.workbook.toData());
  await expect(write(fake, [spec])).rejects.toMatchObject({ code: "ForeignSheet" });
  expect(JSON.stringify(fake.workbook.toData())).toBe(before);
  expect(fake.workbook.getSheet(spec.name).cell("A1").value).toBe("mine");
});

test("a re-run replaces the report in its place; a user's edit shows as edited", async () => {
  const spec = buildReport("classification", input, "zh-CN");
  const fake = createFakeExcel({ sheets: [{ name: "A" }, { name: "B" }] });
  await write(fake, [spec]);
  const names = fake.workbook.sheets().map((s) => s.name);
  await write(fake, [spec]);
  expect(fake.workbook.sheets().map((s) => s.name)).toEqual(names);
  expect(fake.workbook.getSheet(spec.name).charts).toHaveLength(1);
  fake.workbook.getSheet(spec.name).setValues("Z1", [["note"]]);
  expect(await runner(fake)((context) => ownedStates(context, [spec.name]))).toEqual({ [spec.name]: "edited" });
});

test("a failure at any round trip (and after any command of the last one) of a re-run leaves each report old, new or marked incomplete, the user's sheet and formula intact, and the next run completes it", async () => {
  const oldSpecs = [buildReport("agingAnalysis", input, "zh-CN"), buildReport("classification", input, "zh-CN")];
  const later = smallReportInput({ ledger: largerLedger(12) });
  const newSpecs = [buildReport("agingAnalysis", later, "zh-CN"), buildReport("classification", later, "zh-CN")];
  const setup = async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Mine", cells: [["keep"]] }] });
    await write(fake, oldSpecs);
    fake.workbook.getSheet("Mine").setFormula("B1", `='${oldSpecs[0].name}'!A1`);
    return fake;
  };
  const probe = await setup();
  const olds = oldSpecs.map((s) => sheetValues(probe, s.name));
  probe.resetStats();
  await write(probe, newSpecs);
  const news = newSpecs.map((s) => sheetValues(probe, s.name)!);
  const requests = probe.stats.requests.map((r) => r.commands);
  expect(requests.length).toBeGreaterThan(3);
  const last = requests.length;
  const cases = [...requests.map((_, i) => ({ n: i + 1, after: 0 })), ...Array.from({ length: requests[last - 1] + 1 }, (_, k) => ({ n: last, after: k }))];
  const outcomes = new Set<string>();
  for (const { n, after } of cases) {
    const fake = await setup();
    const mine = JSON.stringify(fake.workbook.toData().sheets.find((s) => s.name === "Mine"));
    fake.failSync(n, { code: "GeneralException", afterCommands: after });
    await expect(write(fake, newSpecs)).rejects.toMatchObject({ name: "RichApi.Error", code: "GeneralException" });
    const seen = newSpecs.map((s, i) => classify(fake, s.name, olds[i], news[i]));
    seen.forEach((o) => outcomes.add(o));
    expect([n, after, seen.includes("broken")]).toEqual([n, after, false]);
    expect([n, after, JSON.stringify(fake.workbook.toData().sheets.find((s) => s.name === "Mine"))]).toEqual([n, after, mine]);
    await write(fake, newSpecs);
    expect([n, after, newSpecs.map((s) => sheetValues(fake, s.name))]).toEqual([n, after, news]);
  }
  // Every kind of boundary was met: before anything changed, in the middle, after the last header.
  expect([...outcomes].sort()).toEqual(["marked", "new", "old"]);
});

test("a failure on the first write leaves the report absent or marked incomplete, and the next run completes it", async () => {
  const spec = buildReport("writeOffCandidates", input, "en-US");
  const fake = createFakeExcel({ sheets: [{ name: "Mine" }] });
  fake.failSync(3, { code: "GeneralException" });
  await expect(write(fake, [spec])).rejects.toMatchObject({ name: "RichApi.Error", code: "GeneralException" });
  expect(classify(fake, spec.name, null, [])).toBe("marked");
  await write(fake, [spec]);
  expect(await runner(fake)((context) => ownedStates(context, [spec.name]))).toEqual({ [spec.name]: "unchanged" });
});

describe("round trips", () => {
  test.each(REPORT_IDS.map((id) => [id] as const))("%s of about 300 rows: few syncs, formats set by block", async (id: ReportId) => {
    const spec = buildReport(id, smallReportInput({ ledger: largerLedger(300) }), "zh-CN");
    const fake = createFakeExcel();
    fake.resetStats();
    await write(fake, [spec]);
    // Registry and old sheet; the new sheet with its formats; the values; the swap.
    expect(fake.stats.syncs).toBeLessThanOrEqual(6);
    syncCounts[id] = { rows: spec.rows.length, syncs: fake.stats.syncs };
  });

  test("values go in ~2 MB chunks: one sync each", async () => {
    const spec = buildReport("collectionPlan", smallReportInput({ ledger: largerLedger(300) }), "zh-CN");
    const fake = createFakeExcel();
    await runner(fake)((context) => writeReportSheets(context, [spec], { chartSeries: false, maxRequestBytes: 20_000 }));
    const chunked = fake.stats.syncs;
    expect(chunked).toBeGreaterThan(5);
    expect(fake.workbook.getSheet(spec.name).values().length).toBeGreaterThan(100);
  });

  afterAll(() => {
    // Measured counts, for the record (jest prints nothing unless asked).
    if (process.env.SHOW_SYNCS) console.log(JSON.stringify(syncCounts));
  });
});

const syncCounts: Record<string, { rows: number; syncs: number }> = {};

describe("keyedBlocks", () => {
  test("a column of equal keys over many rows is one block; a break in it starts another", () => {
    const grid = [
      ["a", "a", "b"],
      ["c", "c", "b"],
      ["c", "c", "b"],
      ["c", null, "b"],
    ];
    const blocks = keyedBlocks(grid.length, (r) => grid[r]).map((b) => `${b.key}@${b.r0},${b.c0}-${b.r1},${b.c1}`);
    expect(blocks.sort()).toEqual(["a@0,0-0,1", "b@0,2-3,2", "c@1,0-2,1", "c@3,0-3,0"].sort());
  });
});

describe("the add-in's own formulas", () => {
  /** A tiny sheet: two numbers, their sum as a decimal formula, and a text formula. */
  function formulaSpec(): SheetSpec {
    return {
      id: "collectionNotice",
      lang: "zh-CN",
      name: "公式",
      title: "公式",
      columns: [{ width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }],
      rows: [
        {
          kind: "body",
          cells: [
            { v: 1.5, t: "decimal" },
            { v: 2.25, t: "decimal" },
            { v: 3.75, t: "decimal", f: "=A1+B1" },
            { v: "=A1", t: "text" },
            { v: "ok", t: "text", f: '="o"&"k"' },
          ],
        },
      ],
      merges: [],
      freezeRows: 0,
      print: { paper: "A4", orientation: "portrait", fitToWidth: true, printTitleRows: null },
      charts: [],
    };
  }

  test("Office.js: a formula cell holds its formula in a non-text format; text that looks like one stays text; the sheet reads as unchanged", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Sheet1" }] });
    await write(fake, [formulaSpec()]);
    const sheet = fake.workbook.getSheet("公式");
    expect(sheet.cell("C1")).toMatchObject({ formula: "=A1+B1", value: 3.75, numberFormat: "0.00" });
    expect(sheet.cell("D1")).toMatchObject({ value: "=A1", valueType: "String", numberFormat: "@", formula: null });
    expect(sheet.cell("E1")).toMatchObject({ formula: '="o"&"k"', value: "ok", numberFormat: "General" });
    // The fingerprint is of the formulas as written, so the computed values do not count as an edit.
    expect(await runner(fake)((context) => ownedStates(context, ["公式"]))).toEqual({ 公式: "unchanged" });
    sheet.setValues("A1", [[10]]);
    expect(sheet.cell("C1").value).toBe(12.25);
    expect(await runner(fake)((context) => ownedStates(context, ["公式"]))).toEqual({ 公式: "edited" });
  });

  test("exceljs: the formula with its cached result, in the same number format", () => {
    const ws = specsToWorkbook([formulaSpec()]).getWorksheet("公式") as ExcelJS.Worksheet;
    expect(ws.getCell("C1").value).toEqual({ formula: "A1+B1", result: 3.75 });
    expect(ws.getCell("C1").numFmt).toBe("0.00");
    expect(ws.getCell("D1").value).toBe("=A1");
    expect(ws.getCell("D1").numFmt).toBe("@");
    expect(ws.getCell("E1").value).toEqual({ formula: '"o"&"k"', result: "ok" });
    expect(ws.getCell("E1").numFmt).toBe("General");
  });
});
