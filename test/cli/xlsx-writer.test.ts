/**
 * The exceljs writer: every report of the small ledger written, opened again with exceljs, and
 * compared cell by cell with its SheetSpec — values, types, number formats, styles, merges,
 * widths, frozen rows, print setup — with charts replaced by their note.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildReports } from "../../src/core/reports/index";
import { CELL_STYLES, cellType, columnName, moneyCell, moneyCellExact, NUMBER_FORMATS, type SheetSpec } from "../../src/core/reports/sheet-spec";
import { addSpecSheet, fontNameFor, specsToWorkbook } from "../../src/cli/xlsx-writer";
import { HYPERLINK_CUSTOMER, smallReportInput } from "../fixtures/reports/small-ledger";
import { serialOfDate } from "../helpers/serial-dates";

const input = smallReportInput();

async function roundTrip(specs: readonly SheetSpec[]): Promise<ExcelJS.Workbook> {
  const buffer = await specsToWorkbook(specs).xlsx.writeBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as ArrayBuffer);
  return wb;
}

function mergeAddress(m: { row: number; col: number; rows: number; cols: number }): string {
  return `${columnName(m.col)}${m.row + 1}:${columnName(m.col + m.cols - 1)}${m.row + m.rows}`;
}

describe.each(["zh-CN", "en-US"] as const)("%s", (lang) => {
  const specs = buildReports(input, lang);
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await roundTrip(specs);
  });

  test("one sheet per report, named as the spec, in order", () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(specs.map((s) => s.name));
  });

  test.each(specs.map((s) => [s.id, s] as const))("%s: every cell as the spec says", (_, spec) => {
    const ws = wb.getWorksheet(spec.name) as ExcelJS.Worksheet;
    const slaves = new Set<string>();
    for (const m of spec.merges) for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) slaves.add(`${r}:${c}`);
    const expected = new Set<string>();
    spec.rows.forEach((row, r) => {
      row.cells.forEach((cell, c) => {
        if (cell === null || slaves.has(`${r}:${c}`)) return;
        const x = ws.getCell(r + 1, c + 1);
        const type = cellType(cell);
        const where = `${spec.name}!${columnName(c)}${r + 1}`;
        if (cell.v !== null) expected.add(`${r}:${c}`);
        if (cell.v === null) expect([where, x.value]).toEqual([where, null]);
        else if (type === "text") {
          expect([where, x.type, x.value]).toEqual([where, ExcelJS.ValueType.String, cell.v]);
        } else if (type === "date") {
          expect(x.value).toBeInstanceOf(Date);
          expect([where, serialOfDate(x.value as Date)]).toEqual([where, cell.v]);
        } else {
          expect([where, x.type, x.value]).toEqual([where, ExcelJS.ValueType.Number, cell.v]);
        }
        expect([where, x.numFmt]).toEqual([where, NUMBER_FORMATS[type]]);
        const look = CELL_STYLES[cell.style ?? "body"];
        expect([where, Boolean(x.font?.bold), x.font?.size, x.font?.name]).toEqual([where, look.bold, look.size, fontNameFor(lang)]);
        if (look.fill !== null) expect((x.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${look.fill}`);
        expect(Boolean(x.alignment?.wrapText)).toBe(look.wrap);
      });
    });
    // Charts: their note in the anchor's first cell, nothing else added.
    for (const chart of spec.charts) {
      expect(ws.getCell(chart.anchor.row + 1, chart.anchor.col + 1).value).toBe(chart.omittedNote);
      expected.add(`${chart.anchor.row}:${chart.anchor.col}`);
    }
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (x, c) => {
        expect(x.type).not.toBe(ExcelJS.ValueType.Formula);
        if (x.type === ExcelJS.ValueType.Merge || x.value === null) return;
        expect([`${r}:${c}`, expected.has(`${r - 1}:${c - 1}`)]).toEqual([`${r}:${c}`, true]);
      });
    });
  });

  test.each(specs.map((s) => [s.id, s] as const))("%s: merges, widths, heights, frozen rows, print setup", (_, spec) => {
    const ws = wb.getWorksheet(spec.name) as ExcelJS.Worksheet;
    const merges = [...spec.merges.filter((m) => m.rows > 1 || m.cols > 1).map(mergeAddress), ...spec.charts.map((c) => mergeAddress({ ...c.anchor, rows: 1 }))];
    expect([...(ws.model.merges ?? [])].sort()).toEqual(merges.sort());
    spec.columns.forEach((c, k) => expect(ws.getColumn(k + 1).width).toBeCloseTo(c.width, 2));
    spec.rows.forEach((row, r) => {
      if (row.height !== undefined) expect(ws.getRow(r + 1).height).toBe(row.height);
    });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: spec.freezeRows, xSplit: 0 });
    const titles = spec.print.printTitleRows;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: spec.print.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe(titles === null ? undefined : `${titles.first + 1}:${titles.last + 1}`);
  });
});

test("a customer called =HYPERLINK(…) is written and read back as that string, not a formula", async () => {
  const specs = buildReports(input, "zh-CN");
  const wb = await roundTrip(specs);
  let found = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((x) => {
        if (x.value === HYPERLINK_CUSTOMER) {
          found += 1;
          expect(x.type).toBe(ExcelJS.ValueType.String);
          expect(x.formula).toBeUndefined();
        }
      }),
    );
  }
  // Aging analysis, classification, collection plan, memorandum register.
  expect(found).toBe(4);
});

test("a sheet can be added to a workbook that already has others", () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("检查发现");
  const ws = addSpecSheet(wb, buildReports(input, "zh-CN")[0]);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["检查发现", "账龄分析表"]);
  expect(ws.getCell("A1").value).toBe("应收账款账龄分析表");
});

test("the streaming writer (as the audit's --out uses) gets the same sheets", async () => {
  const specs = buildReports(input, "zh-CN");
  const dir = mkdtempSync(join(tmpdir(), "ar-xlsx-"));
  try {
    const path = join(dir, "stream.xlsx");
    const stream = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
    for (const spec of specs) addSpecSheet(stream, spec).commit();
    await stream.commit();
    const streamed = new ExcelJS.Workbook();
    await streamed.xlsx.readFile(path);
    const inMemory = await roundTrip(specs);
    expect(streamed.worksheets.map((ws) => ws.name)).toEqual(inMemory.worksheets.map((ws) => ws.name));
    for (const ws of inMemory.worksheets) {
      const other = streamed.getWorksheet(ws.name) as ExcelJS.Worksheet;
      expect([...(other.model.merges ?? [])].sort()).toEqual([...(ws.model.merges ?? [])].sort());
      ws.eachRow((row, r) =>
        row.eachCell((x, c) => {
          const y = other.getCell(r, c);
          expect([ws.name, r, c, y.value, y.numFmt]).toEqual([ws.name, r, c, x.value, x.numFmt]);
        }),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a notice on A5 paper is printed on A5 (SpreadsheetML paperSize 11), a report on A4 (9)", async () => {
  const a4 = buildReports(smallReportInput(), "zh-CN")[0];
  const a5: SheetSpec = { ...a4, name: "A5 notice", print: { ...a4.print, paper: "A5" } };
  const wb = specsToWorkbook([a4, a5]);
  const dir = mkdtempSync(join(tmpdir(), "paper-"));
  try {
    const file = join(dir, "paper.xlsx");
    await wb.xlsx.writeFile(file);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    expect(back.getWorksheet(a4.name)!.pageSetup.paperSize).toBe(9);
    expect(back.getWorksheet("A5 notice")!.pageSetup.paperSize).toBe(11);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("money a number cell cannot hold exactly (over 15 digits) is written as its exact text, never a float", async () => {
  const base = buildReports(smallReportInput(), "en-US")[0];
  const spec: SheetSpec = {
    ...base,
    name: "Money",
    rows: [
      // 19,999,999,999,999.98 (the total of two amounts just below the limit): 16 significant digits.
      { kind: "body", cells: [moneyCell(1999999999999998n), moneyCellExact("1234.50"), moneyCell(999999999999999)] },
    ],
    merges: [],
    charts: [],
    freezeRows: 0,
    print: { ...base.print, printTitleRows: null },
  };
  const ws = (await roundTrip([spec])).getWorksheet("Money") as ExcelJS.Worksheet;
  expect(ws.getCell(1, 1).value).toBe("19999999999999.98");
  expect(ws.getCell(1, 2).value).toBe(1234.5);
  expect(ws.getCell(1, 3).value).toBe(9999999999999.99); // 15 digits: a number, exact
});

test("a batch's page breaks are written as SpreadsheetML row breaks: a page starting at row 30 (0-based) breaks after sheet row 30; a break at row 0 is none", async () => {
  const base = buildReports(smallReportInput(), "zh-CN")[0];
  const spec: SheetSpec = { ...base, name: "Batch", pageBreaks: [0, 5, 30] };
  const dir = mkdtempSync(join(tmpdir(), "breaks-"));
  try {
    const file = join(dir, "breaks.xlsx");
    await specsToWorkbook([spec]).xlsx.writeFile(file);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // <brk id="n">: the break falls after 1-based row n, so 0-based row n starts the next page.
    expect([...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([5, 30]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
