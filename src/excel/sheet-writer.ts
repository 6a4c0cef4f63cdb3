/**
 * The Office.js writer of report sheets: SheetSpec[] (src/core/reports) → worksheets the add-in
 * owns. It renders a spec as the headless writer (src/cli/xlsx-writer.ts) does — values by type,
 * number formats from NUMBER_FORMATS, looks from CELL_STYLES, merges, column widths, row heights,
 * frozen header rows, A4 print setup fitted to one page wide with repeated title rows — and draws
 * the spec's charts as real Excel charts where the headless writer leaves its note.
 *
 * Every sheet goes through owned.ts: updated in place (cleared, rewritten, marked incomplete until
 * it is whole), refused when a user's sheet has the name. Formats land before the values ("@" first, so a
 * customer called "=HYPERLINK(…)" or "+86…" stays text), and every format is set on whole
 * rectangles of cells that share it, never cell by cell: a report of a few hundred rows is a few
 * dozen range commands and four round trips.
 */
import {
  type CellRange,
  type CellType,
  type ChartSpec,
  type ChartType,
  cellType,
  columnName,
  headerFooterText,
  numberFormatOf,
  rangeAddress,
  type SheetSpec,
  type SpecCell,
} from "../core/reports/sheet-spec";
import { applyLook, fontNameFor, type LookKey, lookOf } from "./cell-look";
import { type OwnedSheetSpec, writeOwnedSheets, type WriteOptions } from "./owned";
import { hostRequirements } from "./run";

export interface WriteReportOptions extends WriteOptions {
  /**
   * Name each chart series and give it the spec's categories through ChartSeries (ExcelApi 1.7).
   * Default: whether the host says it supports ExcelApi 1.7. Without it a chart shows the
   * values block with Excel's default series names and category numbers.
   */
  chartSeries?: boolean;
}

type CellValue = string | number | boolean | null;

/**
 * Excel's column width unit → points. A spec width is the width stored in the file (what exceljs
 * writes); Excel draws it as round(width × maximum digit width) pixels, and the maximum digit
 * width of the default 11-point Calibri or 等线 is 7 pixels at 96 dpi, 0.75 points a pixel. So
 * 12 → 84 px → 63 pt, and Excel shows the column as 11.29 characters, as it does for the
 * headless writer's file. (In a workbook whose Normal font is larger the two drift apart
 * together: both are relative to that font.)
 */
const MAX_DIGIT_WIDTH_PX = 7;
const POINTS_PER_PIXEL = 0.75;

export function widthToPoints(width: number): number {
  return Math.round(width * MAX_DIGIT_WIDTH_PX) * POINTS_PER_PIXEL;
}

/** Print margins in inches, the headless writer's. */
const MARGINS_INCHES = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

const CHART_TYPES: Readonly<Record<ChartType, "ColumnStacked" | "ColumnClustered" | "Pie" | "BarStacked">> = {
  columnStacked: "ColumnStacked",
  columnClustered: "ColumnClustered",
  pie: "Pie",
  barStacked: "BarStacked",
};

/** A block of cells with one key (a format or a look), 0-based and inclusive. */
interface Block<K> {
  key: K;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/**
 * Covers keyed cells with few rectangles: runs of equal keys along each row, then a run stacked
 * on the same run of the row above (same columns, same key) grows that rectangle downwards. A
 * table's body columns come out as one rectangle each, however many rows it has.
 */
export function keyedBlocks<K extends string>(rows: number, keyAt: (r: number) => readonly (K | null)[]): Block<K>[] {
  const done: Block<K>[] = [];
  let open = new Map<string, Block<K>>();
  for (let r = 0; r < rows; r++) {
    const keys = keyAt(r);
    const next = new Map<string, Block<K>>();
    for (let c = 0; c < keys.length; ) {
      const key = keys[c];
      let end = c;
      while (end + 1 < keys.length && keys[end + 1] === key) end++;
      if (key !== null) {
        const id = `${c}:${end}:${key}`;
        const above = open.get(id);
        if (above !== undefined && above.r1 === r - 1) {
          above.r1 = r;
          open.delete(id);
          next.set(id, above);
        } else next.set(id, { key, r0: r, c0: c, r1: r, c1: end });
      }
      c = end + 1;
    }
    for (const b of open.values()) done.push(b);
    open = next;
  }
  for (const b of open.values()) done.push(b);
  return done;
}

function addressOf(b: { r0: number; c0: number; r1: number; c1: number }): string {
  return rangeAddress({ row: b.r0, col: b.c0, rows: b.r1 - b.r0 + 1, cols: b.c1 - b.c0 + 1 });
}

/**
 * The value a cell gets: a string for text (never a formula, the "@" format sees to it), a number
 * or boolean otherwise; the add-in's own formula as its text (Range.values enters a string that
 * starts with "=" as a formula where the format is not text, and numberFormatOf sees to that).
 */
function valueOf(cell: SpecCell, type: CellType): CellValue {
  if (cell.f !== undefined) return cell.f;
  const v = cell.v;
  if (v === null) return null;
  if (type === "text") return typeof v === "string" ? v : String(v);
  return v;
}

/** Runs of equal values (widths, heights) over consecutive indexes. */
function runs(values: readonly (number | undefined)[]): { from: number; to: number; value: number }[] {
  const out: { from: number; to: number; value: number }[] = [];
  values.forEach((value, i) => {
    if (value === undefined) return;
    const last = out[out.length - 1];
    if (last !== undefined && last.to === i - 1 && last.value === value) last.to = i;
    else out.push({ from: i, to: i, value });
  });
  return out;
}

/** The block the chart's series values cover; Excel makes one series per column (or row) of it. */
function valuesBlock(chart: ChartSpec): CellRange {
  const all = chart.series.map((s) => s.values);
  const row = Math.min(...all.map((v) => v.row));
  const col = Math.min(...all.map((v) => v.col));
  const lastRow = Math.max(...all.map((v) => v.row + v.rows - 1));
  const lastCol = Math.max(...all.map((v) => v.col + v.cols - 1));
  return { row, col, rows: lastRow - row + 1, cols: lastCol - col + 1 };
}

function seriesByOf(chart: ChartSpec): "Auto" | "Columns" | "Rows" {
  const first = chart.series[0]?.values;
  if (first === undefined) return "Auto";
  if (first.cols === 1 && first.rows > 1) return "Columns";
  if (first.rows === 1 && first.cols > 1) return "Rows";
  return "Auto";
}

function drawChart(sheet: Excel.Worksheet, chart: ChartSpec, withSeries: boolean): void {
  if (chart.series.length === 0) return;
  const drawn = sheet.charts.add(CHART_TYPES[chart.type], sheet.getRange(rangeAddress(valuesBlock(chart))), seriesByOf(chart));
  drawn.title.text = chart.title;
  const a = chart.anchor;
  drawn.setPosition(`${columnName(a.col)}${a.row + 1}`, `${columnName(a.col + a.cols - 1)}${a.row + a.rows}`);
  if (!withSeries) return;
  // The spec's series are the values block's columns (rows) in order: name each and give it the
  // category labels, which need not sit next to the values (ChartSeries, ExcelApi 1.7).
  const categories = sheet.getRange(rangeAddress(chart.categories));
  chart.series.forEach((s, k) => {
    const series = drawn.series.getItemAt(k);
    series.name = s.name;
    series.setXAxisValues(categories);
  });
}

/** Series names and categories (ExcelApi 1.7) where the host has them; a chart keeps its source block's defaults otherwise. */
function hostSupportsChartSeries(): boolean {
  return hostRequirements().isSetSupported("ExcelApi", "1.7");
}

/** A report's cells as a grid, its width the sheet's, trimmed of empty rows at the end. */
function gridOf(spec: SheetSpec): { values: CellValue[][]; formats: (string | null)[][]; looks: (LookKey | null)[][]; width: number } {
  let width = spec.columns.length;
  for (const row of spec.rows) if (row.cells.length > width) width = row.cells.length;
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const looks: (LookKey | null)[][] = [];
  for (const row of spec.rows) {
    const v = new Array<CellValue>(width).fill(null);
    const t = new Array<string | null>(width).fill(null);
    const l = new Array<LookKey | null>(width).fill(null);
    row.cells.forEach((cell, c) => {
      if (cell === null) return;
      const type = cellType(cell);
      v[c] = valueOf(cell, type);
      t[c] = numberFormatOf(cell, type);
      l[c] = lookOf(cell, type);
    });
    values.push(v);
    formats.push(t);
    looks.push(l);
  }
  // The owned-sheet fingerprint is compared with the used range later, which ends at the last
  // row holding a value: rows after it (the charts' rows) are left out of the values.
  // Columns after the last value likewise.
  const blank = (x: CellValue): boolean => x === null || x === "";
  let used = values.length;
  while (used > 1 && values[used - 1].every(blank)) used--;
  let usedWidth = 1;
  for (let r = 0; r < used; r++) for (let c = width - 1; c >= usedWidth; c--) if (!blank(values[r][c])) usedWidth = c + 1;
  return { values: values.slice(0, used).map((row) => row.slice(0, usedWidth)), formats, looks, width };
}

/** One report as an owned sheet: the cells as values, everything else as its look. */
function reportOwnedSheet(spec: SheetSpec, options: { chartSeries: boolean }): OwnedSheetSpec {
  const { values, formats, looks, width } = gridOf(spec);
  const fontName = fontNameFor(spec.lang);
  const rowCount = spec.rows.length;
  return {
    name: spec.name,
    header: values[0] ?? new Array<CellValue>(width).fill(null),
    columns: [],
    rows: values.slice(1),
    look: {
      beforeValues(sheet) {
        // Number formats by type first, "@" included, so no text is ever read as a formula.
        for (const b of keyedBlocks(rowCount, (r) => formats[r])) {
          sheet.getRange(addressOf(b)).numberFormat = b.key as unknown as string[][];
        }
        for (const b of keyedBlocks(rowCount, (r) => looks[r])) applyLook(sheet.getRange(addressOf(b)), b, fontName);
      },
      afterValues(sheet) {
        for (const m of spec.merges) if (m.rows > 1 || m.cols > 1) sheet.getRange(rangeAddress(m)).merge(false);
        for (const run of runs(spec.columns.map((c) => widthToPoints(c.width)))) {
          sheet.getRange(`${columnName(run.from)}:${columnName(run.to)}`).format.columnWidth = run.value;
        }
        for (const run of runs(spec.rows.map((r) => r.height))) {
          sheet.getRange(`${run.from + 1}:${run.to + 1}`).format.rowHeight = run.value;
        }
        if (spec.freezeRows > 0) sheet.freezePanes.freezeRows(spec.freezeRows);
        const layout = sheet.pageLayout;
        layout.paperSize = spec.print.paper; // Excel.PaperType: "A4" | "A5"
        layout.orientation = spec.print.orientation === "landscape" ? "Landscape" : "Portrait";
        // One page wide, as many tall as needed (0: no limit), as the headless writer's fitToHeight 0.
        layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        layout.centerHorizontally = true;
        layout.setPrintMargins("Inches", MARGINS_INCHES);
        const titles = spec.print.printTitleRows;
        if (titles !== null) layout.setPrintTitleRows(`$${titles.first + 1}:$${titles.last + 1}`);
        const heading = spec.print.pageHeading;
        if (heading !== undefined) {
          // As the headless writer's page header and footer (xlsx-writer.ts headerFooterOf).
          const hf = layout.headersFooters.defaultForAllPages;
          hf.centerHeader = `&B${headerFooterText(heading.title)}&B`;
          hf.leftFooter = headerFooterText(heading.meta);
          hf.rightFooter = heading.pages;
        }
        // A batch of letters: each letter on its own page (LetterBatch, src/core/notices/letter.ts).
        const breaks = spec.pageBreaks;
        if (breaks !== undefined) {
          sheet.horizontalPageBreaks.removePageBreaks();
          for (const row of breaks) sheet.horizontalPageBreaks.add(`A${row + 1}`);
        }
        for (const chart of spec.charts) drawChart(sheet, chart, options.chartSeries);
      },
    },
  };
}

/**
 * Writes (or replaces) report sheets, all or none, through owned.ts. As for writeOwnedSheets, the
 * caller has checked ownedStates first; a user's sheet with a report's name is refused
 * (GatewayError "ForeignSheet") and left as it is.
 */
export async function writeReportSheets(context: Excel.RequestContext, specs: SheetSpec[], options: WriteReportOptions = {}): Promise<void> {
  const chartSeries = options.chartSeries ?? hostSupportsChartSeries();
  await writeOwnedSheets(
    context,
    specs.map((spec) => reportOwnedSheet(spec, { chartSeries })),
    options,
  );
}
