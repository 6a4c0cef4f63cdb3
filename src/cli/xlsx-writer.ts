/**
 * The headless writer: SheetSpec[] (src/core/reports) → an exceljs workbook, for
 * `npm run audit -- … --out report.xlsx` and anyone without Excel. It renders everything the
 * spec says — values by type, number formats, named styles, merges, column widths, row
 * heights, frozen header rows, A4 print setup fitted to one page wide with repeated header
 * rows — except charts: exceljs cannot draw them, so each chart's `omittedNote` is written in
 * the chart's place instead (the Office.js writer draws the real chart there).
 *
 * Text is written as a plain string (exceljs writes a formula only for a `{ formula }` value,
 * which is never made here) with the text format "@", so a customer called "=HYPERLINK(…)"
 * stays text, also when someone later edits the cell.
 */
import ExcelJS from "exceljs";
import type { Lang } from "../i18n/bilingual";
import { CELL_STYLES, type ChartSpec, cellType, type CellStyle, type CellType, headerFooterText, moneyValue, NUMBER_FORMATS, numberFormatOf, type SheetSpec, type SpecCell } from "../core/reports/sheet-spec";

/** The font the sheets are set in: what Excel itself uses for the language. */
export function fontNameFor(lang: Lang): string {
  return lang === "zh-CN" ? "等线" : "Calibri";
}

// SpreadsheetML paperSize codes: 9 = A4, 11 = A5.
const PAPER_SIZE = { A4: 9, A5: 11 } as const;
const EXCELJS_DEFAULT_WIDTH = 9;
const CHART_NOTE_HEIGHT = 30;

interface CellLook {
  font: Partial<ExcelJS.Font>;
  fill: ExcelJS.Fill | undefined;
  alignment: Partial<ExcelJS.Alignment>;
  border: Partial<ExcelJS.Borders> | undefined;
  numFmt: string;
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFA6A6A6" } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** One look per (style, type, language), shared by every cell that has it. */
function lookCache(lang: Lang): (style: CellStyle, type: CellType) => CellLook {
  const cache = new Map<string, CellLook>();
  const fontName = fontNameFor(lang);
  return (style, type) => {
    const key = `${style}|${type}`;
    let look = cache.get(key);
    if (look === undefined) {
      const d = CELL_STYLES[style];
      const align = d.align ?? (type === "text" ? "left" : "right");
      look = {
        font: { name: fontName, size: d.size, bold: d.bold, italic: d.italic, color: { argb: `FF${d.color}` } },
        fill: d.fill === null ? undefined : { type: "pattern", pattern: "solid", fgColor: { argb: `FF${d.fill}` } },
        alignment: { horizontal: align, vertical: style === "note" ? "top" : "middle", wrapText: d.wrap },
        border: d.border ? BOX : undefined,
        numFmt: NUMBER_FORMATS[type],
      };
      cache.set(key, look);
    }
    return look;
  };
}

/** The value a cell gets: a string for text (never a formula), a number otherwise; the add-in's own formulas with their result. */
function valueOf(cell: SpecCell, type: CellType): ExcelJS.CellValue {
  const v = cell.v;
  if (cell.f !== undefined) {
    const formula = cell.f.replace(/^=/, "");
    return v === null ? { formula } : { formula, result: v as string | number | boolean };
  }
  if (v === null) return null;
  if (type === "text") return typeof v === "string" ? v : String(v);
  if (typeof v === "boolean") return v;
  // Money beyond a cell's 15 digits is written as its exact text, never as a float that loses digits.
  if (type === "money") return moneyValue(cell);
  return typeof v === "number" ? v : Number(v);
}

function applyLook(target: ExcelJS.Cell, look: CellLook): void {
  target.font = look.font;
  if (look.fill !== undefined) target.fill = look.fill;
  target.alignment = look.alignment;
  if (look.border !== undefined) target.border = look.border;
  target.numFmt = look.numFmt;
}

/** The page number centred in the footer; a sheet with a page heading has its title above and the as-of date and pages below. */
function headerFooterOf(spec: SheetSpec): Partial<ExcelJS.HeaderFooter> {
  const h = spec.print.pageHeading;
  if (h === undefined) return { oddFooter: "&C&P / &N" };
  return { oddHeader: `&C&B${headerFooterText(h.title)}&B`, oddFooter: `&L${headerFooterText(h.meta)}&R${h.pages}` };
}

/**
 * Adds one report sheet to a workbook: an in-memory exceljs Workbook, or a streaming
 * WorkbookWriter (then the caller commits the returned worksheet, as for its other sheets).
 */
export function addSpecSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const titles = spec.print.printTitleRows;
  const ws = workbook.addWorksheet(spec.name, {
    views: spec.freezeRows > 0 ? [{ state: "frozen", xSplit: 0, ySplit: spec.freezeRows, topLeftCell: `A${spec.freezeRows + 1}`, activeCell: "A1" }] : [],
    pageSetup: {
      paperSize: PAPER_SIZE[spec.print.paper],
      orientation: spec.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(titles === null ? {} : { printTitlesRow: `${titles.first + 1}:${titles.last + 1}` }),
    },
    headerFooter: headerFooterOf(spec),
  });
  // exceljs leaves out a column whose width is exactly 9 (its own default), and Excel then shows
  // its default of 8.43: a hair more keeps the width the spec asked for.
  ws.columns = spec.columns.map((c) => ({ width: c.width === EXCELJS_DEFAULT_WIDTH ? c.width + 0.001 : c.width }));
  const look = lookCache(spec.lang);

  // Row by row, each row's merges and chart notes with it, each row committed once written: so
  // the same code serves exceljs's streaming writer, which cannot go back to a committed row
  // (for the in-memory workbook commit does nothing).
  const mergesAt = new Map<number, ExcelJS.Location[]>();
  const at = (row: number, location: ExcelJS.Location): void => {
    const list = mergesAt.get(row);
    if (list === undefined) mergesAt.set(row, [location]);
    else list.push(location);
  };
  for (const m of spec.merges) {
    if (m.rows > 1 || m.cols > 1) at(m.row, { top: m.row + 1, left: m.col + 1, bottom: m.row + m.rows, right: m.col + m.cols });
  }
  const notesAt = new Map<number, ChartSpec[]>();
  for (const chart of spec.charts) {
    notesAt.set(chart.anchor.row, [...(notesAt.get(chart.anchor.row) ?? []), chart]);
    // exceljs cannot draw charts: the note says so where the chart would be.
    if (chart.anchor.cols > 1) at(chart.anchor.row, { top: chart.anchor.row + 1, left: chart.anchor.col + 1, bottom: chart.anchor.row + 1, right: chart.anchor.col + chart.anchor.cols });
  }

  // A page starting at 0-based row s: exceljs breaks after a row, so after row s − 1 (a break
  // above row 1 would be no break at all).
  const breakAfter = new Set((spec.pageBreaks ?? []).filter((s) => s > 0).map((s) => s - 1));
  for (let r = 0; r < spec.rows.length; r++) {
    const row = spec.rows[r];
    const notes = notesAt.get(r);
    if (row.cells.length === 0 && row.height === undefined && notes === undefined && !breakAfter.has(r)) continue;
    const target = ws.getRow(r + 1);
    if (breakAfter.has(r)) target.addPageBreak();
    if (row.height !== undefined) target.height = row.height;
    for (let c = 0; c < row.cells.length; c++) {
      const cell = row.cells[c];
      if (cell === null) continue;
      const type = cellType(cell);
      const x = target.getCell(c + 1);
      x.value = valueOf(cell, type);
      applyLook(x, look(cell.style ?? "body", type));
      if (cell.f !== undefined) x.numFmt = numberFormatOf(cell, type);
    }
    for (const chart of notes ?? []) {
      const x = target.getCell(chart.anchor.col + 1);
      x.value = chart.omittedNote;
      applyLook(x, look("note", "text"));
      target.height = CHART_NOTE_HEIGHT;
    }
    for (const m of mergesAt.get(r) ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    target.commit();
  }
  return ws;
}

/** A workbook holding the given report sheets, in order. */
export function specsToWorkbook(specs: readonly SheetSpec[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Receivables Steward";
  for (const spec of specs) addSpecSheet(wb, spec);
  return wb;
}

/** Writes the report sheets to an .xlsx file. */
export async function writeReportWorkbook(path: string, specs: readonly SheetSpec[]): Promise<void> {
  await specsToWorkbook(specs).xlsx.writeFile(path);
}
