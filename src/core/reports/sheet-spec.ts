/**
 * SheetSpec: a report sheet described as data, for two writers — Office.js in the add-in
 * (src/excel) and exceljs in the headless run (src/cli/xlsx-writer.ts) — so one report looks the
 * same wherever it is made. It says what a sheet holds (typed cells, merges, widths), how it
 * looks (a small closed set of named styles, number formats by cell type), how it prints (A4,
 * fit to width, repeated header rows) and which charts it has; never how a host does it.
 *
 * Rules every writer keeps:
 * - a cell is written as its type says: a "text" cell always as text (format "@", never parsed,
 *   never a formula: a customer called "=HYPERLINK(…)" stays that string); money as a number
 *   (yuan, the exact amount in `exact`) with "#,##0.00"; a date as an Excel serial with
 *   "yyyy-mm-dd"; a percent as a fraction with "0.00%";
 * - rows, columns and merges are 0-based here; writers add 1 where their host counts from 1;
 * - a chart a writer cannot draw is replaced by its `omittedNote`, written in the chart's
 *   anchor cell, so the reader of the sheet knows what is missing.
 */
import type { Lang } from "../../i18n/bilingual";
import { columnLetterOf } from "../column-letters";
import { formatFen, formatFenBigInt } from "../fen";
import { exactCellNumber } from "../money";

export type ReportId = "agingAnalysis" | "classification" | "provisionSchedule" | "longAgedCleanup" | "writeOffCandidates" | "collectionPlan" | "expectedCreditLoss" | "performanceDeduction";

/** The group run's consolidated report (src/cli/group/rollup-sheets.ts): one sheet per roll-up. */
export type GroupReportId = "groupBranches" | "groupAging" | "groupProvision" | "groupLongAged" | "groupIntercompany";

/** The printed documents of the notices pane (src/core/notices): one sheet per customer. */
export type NoticeId = "collectionNotice" | "confirmationLetter" | "statement" | "supplierLetter" | "questionnaire";

/** The audit's own sheets (src/core/audit-sheets): what the check found, row by row and in sum. */
export type AuditSheetId = "auditResults" | "auditFindings" | "auditTotals" | "auditRules";

/** What a cell holds; decides its number format (NUMBER_FORMATS) and how a writer writes it. */
export type CellType = "text" | "money" | "date" | "percent" | "rate" | "integer" | "decimal" | "number";

/** A named look, rendered by the writers from CELL_STYLES. */
export type CellStyle = "title" | "meta" | "section" | "header" | "body" | "wrap" | "subtotal" | "total" | "note" | "letter";

export interface SpecCell {
  /** text: a string; money: yuan as a number; date: an Excel serial (1900 system); percent: a fraction; integer: a whole number. null: an empty cell that still carries its style. */
  v: string | number | boolean | null;
  /** Default "text" for a string, "integer" for a number; money, date and percent are always explicit. */
  t?: CellType;
  /** Default "body". */
  style?: CellStyle;
  /** Money only: the exact amount the number stands for ("1234.50"), so a test or a JSON reader never depends on a double. */
  exact?: string;
  /**
   * A formula ("=AR.CREDIT_SCORE(H9:H40,D9:D40)"), written as a formula; `v` is what it computes
   * to when the sheet was made, kept as the cached result (exceljs) and for tests. The add-in's own
   * formulas only: text from a ledger or a user is never put here.
   */
  f?: string;
}

/** What a row is; a writer may use it (row heights, page breaks), tests do. */
type RowKind = "title" | "meta" | "section" | "header" | "body" | "subtotal" | "total" | "note" | "blank" | "chart";

export interface SpecRow {
  kind: RowKind;
  /** One entry per column from column 0; null = nothing written there. May be shorter than the sheet's width. */
  cells: (SpecCell | null)[];
  /** Points; absent = the host's default height. */
  height?: number;
}

/** A block of cells, 0-based, as a merge, a chart's data or a chart's place. */
export interface CellRange {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface ColumnSpec {
  /** Excel's width unit (about one Latin character; a Chinese character takes two). */
  width: number;
}

export type ChartType = "columnStacked" | "columnClustered" | "pie" | "barStacked";

export interface ChartSeries {
  /** The series name as shown in the legend (also the text of nameCell). */
  name: string;
  /** The cell holding the name, when the sheet has one. */
  nameCell?: { row: number; col: number };
  /** One row or one column of numbers, as many as the categories. */
  values: CellRange;
}

export interface ChartSpec {
  type: ChartType;
  title: string;
  /** One row or one column of category labels. */
  categories: CellRange;
  series: ChartSeries[];
  /** Where the chart sits: the cells it covers. */
  anchor: CellRange;
  /** Written in the anchor's first cell by a writer that cannot draw charts. */
  omittedNote: string;
}

interface PrintSetup {
  /** Reports print on A4; notices and letters on the paper the policy sets (A4 or A5). */
  paper: "A4" | "A5";
  orientation: "portrait" | "landscape";
  /** Scaled so the used columns fit one page wide; as many pages tall as needed. */
  fitToWidth: true;
  /** Rows repeated at the top of every printed page (0-based, inclusive); null when none. */
  printTitleRows: { first: number; last: number } | null;
  /** Words in the printed page's header and footer; absent = the page number only, centred in the footer. */
  pageHeading?: PageHeading;
}

/** What a printed page says about itself (the audit's own sheets, whose first row is their header). */
export interface PageHeading {
  /** Centre of the page header, in bold: what the sheet is ("应收账款检查发现"). */
  title: string;
  /** Left of the footer: the as-of date and the ledger read. */
  meta: string;
  /** Right of the footer, with Excel's page codes: "第 &P 页，共 &N 页". */
  pages: string;
}

/** Text for a page header or footer: "&" is Excel's code character, so a literal one is doubled. */
export function headerFooterText(text: string): string {
  return text.replace(/&/g, "&&");
}

export interface SheetSpec {
  id: ReportId | NoticeId | GroupReportId | AuditSheetId;
  lang: Lang;
  /** The worksheet's name: at most 31 characters, none of \ / ? * [ ] :. */
  name: string;
  /** The report's title as its first row shows it. */
  title: string;
  columns: ColumnSpec[];
  rows: SpecRow[];
  merges: CellRange[];
  /** Rows kept in view while scrolling (the title and the first header). */
  freezeRows: number;
  print: PrintSetup;
  charts: ChartSpec[];
  /** 0-based rows that start a new printed page (a batch of letters: each letter but the first). */
  pageBreaks?: number[];
}

/** Number formats by cell type: the same strings in Excel, Office.js and exceljs. */
export const NUMBER_FORMATS: Readonly<Record<CellType, string>> = {
  text: "@",
  money: "#,##0.00",
  date: "yyyy-mm-dd",
  percent: "0.00%",
  // A rate worked out exactly (a loss rate of 2.112%): as many decimals as it has, up to three.
  rate: "0.0##%",
  integer: "#,##0",
  decimal: "0.00",
  number: "General",
};

/** A formula cell's number format: a text formula gets General, since "@" would store the formula as text. */
export function numberFormatOf(cell: SpecCell, type: CellType): string {
  return cell.f !== undefined && type === "text" ? "General" : NUMBER_FORMATS[type];
}

interface StyleDefinition {
  bold: boolean;
  italic: boolean;
  /** Points. */
  size: number;
  /** RRGGBB. */
  color: string;
  /** RRGGBB background; null = none. */
  fill: string | null;
  /** null = the host's default for the value (text left, numbers right). */
  align: "left" | "center" | "right" | null;
  wrap: boolean;
  /** A thin border around the cell (table cells) or none (titles and notes). */
  border: boolean;
}

const PLAIN: StyleDefinition = { bold: false, italic: false, size: 10, color: "000000", fill: null, align: null, wrap: false, border: true };

/** How each named style looks; both writers render these and nothing else. */
export const CELL_STYLES: Readonly<Record<CellStyle, StyleDefinition>> = {
  title: { ...PLAIN, bold: true, size: 16, align: "center", border: false },
  meta: { ...PLAIN, size: 10, color: "404040", align: "left", border: false },
  section: { ...PLAIN, bold: true, size: 11, align: "left", border: false },
  header: { ...PLAIN, bold: true, fill: "D9E1F2", align: "center", wrap: true },
  body: PLAIN,
  wrap: { ...PLAIN, wrap: true },
  subtotal: { ...PLAIN, bold: true, fill: "F2F2F2" },
  total: { ...PLAIN, bold: true, fill: "FFF2CC" },
  note: { ...PLAIN, italic: true, size: 9, color: "595959", align: "left", wrap: true, border: false },
  /** A paragraph of a notice or letter: plain, wrapping, unboxed. */
  letter: { ...PLAIN, size: 11, align: "left", wrap: true, border: false },
};

/**
 * What a writer puts in a money cell: the number when a cell holds the amount exactly (15
 * significant digits), else the exact text, never a double that lost digits (a total of many
 * amounts near the limit).
 */
export function moneyValue(cell: SpecCell): number | string | null {
  if (cell.v === null) return null;
  const exact = cell.exact;
  if (exact !== undefined) {
    // The common case without parsing: below 10^13 with at most two decimals is at most 15
    // digits, and `v` is then the double nearest the amount (moneyCell, moneyCellExact).
    const v = cell.v;
    if (typeof v === "number" && v < 1e13 && v > -1e13) {
      const dot = exact.indexOf(".");
      if (dot < 0 || exact.length - dot <= 3) return v + 0; // + 0: "-0.00" is 0
    }
    return exactCellNumber(exact) ?? exact;
  }
  return typeof cell.v === "number" ? cell.v : Number(cell.v);
}

/** The cell's type as a writer should take it (the defaults of SpecCell.t). */
export function cellType(cell: SpecCell): CellType {
  if (cell.t !== undefined) return cell.t;
  return typeof cell.v === "number" ? "integer" : "text";
}

/** "A1"-style column letters for a 0-based column. */
export function columnName(col: number): string {
  return columnLetterOf(col + 1);
}

/** "B3:D7" for a range (no sheet name, no $). */
export function rangeAddress(range: CellRange): string {
  const first = `${columnName(range.col)}${range.row + 1}`;
  const last = `${columnName(range.col + range.cols - 1)}${range.row + range.rows}`;
  return range.rows === 1 && range.cols === 1 ? first : `${first}:${last}`;
}

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

export function textCell(v: string | null, style?: CellStyle): SpecCell {
  return style === undefined ? { v, t: "text" } : { v, t: "text", style };
}

/** A money cell from integer fen (a safe integer) or a BigInt of fen. */
export function moneyCell(fen: number | bigint | null, style?: CellStyle): SpecCell {
  if (fen === null) return style === undefined ? { v: null, t: "money" } : { v: null, t: "money", style };
  // An integer below 2^53 is exact as a double, and a correctly rounded division by 100 gives
  // the double nearest the two-decimal amount: what Excel shows for that amount typed by hand.
  const cell: SpecCell =
    typeof fen === "number" && Number.isSafeInteger(fen)
      ? { v: fen / 100, t: "money", exact: formatFen(fen) }
      : { v: Number(fen) / 100, t: "money", exact: formatFenBigInt(BigInt(fen)) };
  if (style !== undefined) cell.style = style;
  return cell;
}

/** A money cell from an exact decimal string with any number of decimals ("1234.5678"). */
export function moneyCellExact(exact: string | null, style?: CellStyle): SpecCell {
  if (exact === null) return style === undefined ? { v: null, t: "money" } : { v: null, t: "money", style };
  const cell: SpecCell = { v: Number(exact), t: "money", exact };
  if (style !== undefined) cell.style = style;
  return cell;
}

export function dateCell(excelSerial: number | null, style?: CellStyle): SpecCell {
  return style === undefined ? { v: excelSerial, t: "date" } : { v: excelSerial, t: "date", style };
}

export function percentCell(fraction: number | null, style?: CellStyle): SpecCell {
  const v = fraction === null || !Number.isFinite(fraction) ? null : fraction;
  return style === undefined ? { v, t: "percent" } : { v, t: "percent", style };
}

/** An exact rate as a fraction, shown with up to three decimals of a percent (2.112%). */
export function rateCell(fraction: number | null, style?: CellStyle): SpecCell {
  const v = fraction === null || !Number.isFinite(fraction) ? null : fraction;
  return style === undefined ? { v, t: "rate" } : { v, t: "rate", style };
}

export function integerCell(v: number | null, style?: CellStyle): SpecCell {
  return style === undefined ? { v, t: "integer" } : { v, t: "integer", style };
}

// ---------------------------------------------------------------------------------------------
// Building a sheet
// ---------------------------------------------------------------------------------------------

/** Display width of a text in Excel width units: 2 for a CJK or full-width character, 1 otherwise. */
export function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x1100) w += 1;
    else if (c >= 0xdc00 && c <= 0xdfff) continue; // the second half of a pair, counted with the first
    else if (
      (c >= 0xd800 && c <= 0xdbff) ||
      c <= 0x115f ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
    )
      w += 2;
    else w += 1;
  }
  return w;
}

/** Width of a number as NUMBER_FORMATS shows it. */
function shownWidth(cell: SpecCell): number {
  const t = cellType(cell);
  const v = cell.v;
  if (typeof v === "string") return displayWidth(v);
  if (typeof v === "boolean") return 5;
  if (v === null) return 0;
  switch (t) {
    case "date":
      return 10;
    case "percent":
      return 8;
    case "rate":
      return 9;
    case "money":
    case "integer": {
      const digits = Math.abs(v) < 1 ? 1 : Math.floor(Math.log10(Math.abs(v))) + 1;
      return digits + Math.floor((digits - 1) / 3) + (t === "money" ? 3 : 0) + (v < 0 ? 1 : 0);
    }
    default:
      return String(v).length;
  }
}

const LINE_HEIGHT_PT = 13.5;

export interface ColumnPlan {
  /** Smallest width. */
  min?: number;
  /** Largest width; longer text wraps (give its cells style "wrap") or is cut. */
  max?: number;
}

/**
 * Collects rows and merges; sizes the columns from what they hold and the rows that wrap.
 * Every report builder uses one, so every report is laid out by the same rules.
 */
export class SheetBuilder {
  readonly rows: SpecRow[] = [];
  readonly merges: CellRange[] = [];

  constructor(readonly width: number) {}

  get rowCount(): number {
    return this.rows.length;
  }

  add(kind: RowKind, cells: (SpecCell | null)[], height?: number): number {
    const row: SpecRow = { kind, cells };
    if (height !== undefined) row.height = height;
    this.rows.push(row);
    return this.rows.length - 1;
  }

  /** A row whose one text spans every column (title, meta line, section heading, note). */
  spanning(kind: "title" | "meta" | "section" | "note", text: string, style: CellStyle, height?: number): number {
    const r = this.add(kind, [textCell(text, style)], height);
    if (this.width > 1) this.merges.push({ row: r, col: 0, rows: 1, cols: this.width });
    return r;
  }

  title(text: string): number {
    return this.spanning("title", text, "title", 24);
  }

  meta(text: string): number {
    return this.spanning("meta", text, "meta");
  }

  section(text: string): number {
    return this.spanning("section", text, "section", 18);
  }

  /** A note spanning the sheet; its height is set for the lines it wraps to once widths are known. */
  note(text: string): number {
    return this.spanning("note", text, "note");
  }

  blank(): number {
    return this.add("blank", []);
  }

  /** A header row; null for a cell that a merge covers. */
  header(labels: readonly (string | null)[]): number {
    return this.add(
      "header",
      labels.map((l) => textCell(l, "header")),
    );
  }

  merge(range: CellRange): void {
    this.merges.push(range);
  }

  /**
   * Column widths from the widest cell of each column (merged cells and notes left out),
   * within each plan's bounds; then the height of every row with wrapping text.
   */
  layout(plans: readonly ColumnPlan[]): ColumnSpec[] {
    const width = this.width;
    const mergedCells = new Set<number>();
    for (const m of this.merges) if (m.cols > 1 || m.rows > 1) for (let r = m.row; r < m.row + m.rows; r++) mergedCells.add(r * 4096 + m.col);
    const merged = (r: number, c: number): boolean => mergedCells.size > 0 && mergedCells.has(r * 4096 + c);
    // Ledger text repeats (customers, departments, people): each string is measured once.
    const measured = new Map<string, number>();
    const textWidth = (text: string): number => {
      let w = measured.get(text);
      if (w === undefined) {
        w = displayWidth(text);
        if (measured.size < 100_000) measured.set(text, w);
      }
      return w;
    };
    const widest = new Array<number>(width).fill(0);
    const headerWidest = new Array<number>(width).fill(0);
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      const kind = row.kind;
      if (kind === "title" || kind === "meta" || kind === "section" || kind === "note" || kind === "chart" || kind === "blank") continue;
      const cells = row.cells;
      const n = cells.length < width ? cells.length : width;
      for (let c = 0; c < n; c++) {
        const cell = cells[c];
        if (cell === null || cell.v === null || merged(r, c)) continue;
        if (kind === "header") {
          // A header wraps: its widest word counts, not its whole text.
          const words = typeof cell.v === "string" ? cell.v.split(/[\s/]+/) : [];
          const longest = words.reduce((m, x) => Math.max(m, displayWidth(x)), 0);
          if (longest > headerWidest[c]) headerWidest[c] = longest;
          continue;
        }
        const w = typeof cell.v === "string" ? textWidth(cell.v) : shownWidth(cell);
        if (w > widest[c]) widest[c] = w;
      }
    }
    const columns = widest.map((w, c) => {
      const plan = plans[c] ?? {};
      const min = plan.min ?? 6;
      const max = plan.max ?? 40;
      return { width: Math.min(max, Math.max(min, w + 2, headerWidest[c] + 2)) };
    });

    // Heights of rows that wrap: header cells, "wrap" cells, notes and titles spanning the sheet.
    const spanWidth = new Map<number, number>();
    for (const m of this.merges) {
      if (m.rows !== 1) continue;
      let w = 0;
      for (let c = m.col; c < m.col + m.cols && c < this.width; c++) w += columns[c].width;
      spanWidth.set(m.row * 4096 + m.col, w);
    }
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (row.height !== undefined && row.kind !== "note") continue;
      let lines = 1;
      for (let c = 0; c < row.cells.length && c < width; c++) {
        const cell = row.cells[c];
        if (cell === null || typeof cell.v !== "string") continue;
        const style = cell.style;
        if (style !== "wrap" && style !== "header" && style !== "note" && style !== "meta" && style !== "letter") continue;
        const w = spanWidth.get(r * 4096 + c) ?? columns[c].width;
        // Text narrower than its column fits on one line: no need to count.
        if (textWidth(cell.v) <= w - 1) continue;
        lines = Math.max(lines, linesOf(cell.v, w - 1));
      }
      if (lines > 1) row.height = Math.ceil(lines * LINE_HEIGHT_PT + 3);
    }
    return columns;
  }
}

/**
 * The height (points) a row of a fixed-width table needs for its wrapping ("wrap") cells, or
 * undefined when every cell fits on one line: the rows of a sheet not made with a SheetBuilder
 * (the audit's sheets), so a program that does not fit rows to their text (LibreOffice, Excel
 * opening a file) still shows and prints every line.
 */
export function wrappedRowHeight(cells: readonly (SpecCell | null)[], widths: readonly number[]): number | undefined {
  let lines = 1;
  for (let c = 0; c < cells.length && c < widths.length; c++) {
    const cell = cells[c];
    if (cell === null || cell.style !== "wrap" || typeof cell.v !== "string") continue;
    if (displayWidth(cell.v) <= widths[c] - 1) continue;
    lines = Math.max(lines, linesOf(cell.v, widths[c] - 1));
  }
  return lines > 1 ? Math.ceil(lines * LINE_HEIGHT_PT + 3) : undefined;
}

/**
 * Lines a text wraps to in a given width: an estimate. Latin letters are narrower than the digit
 * Excel's width unit is measured in; CJK characters a little under two units.
 */
function linesOf(text: string, width: number): number {
  if (width <= 0) return 1;
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    const wide = displayWidth(paragraph) - paragraph.length; // the extra unit of each wide character
    const narrow = paragraph.length - wide;
    // At the sheets' 10 points, against Excel's unit (a digit of the 11-point default font).
    const units = 1.85 * wide + 0.85 * narrow;
    lines += Math.max(1, Math.ceil(units / width));
  }
  return lines;
}

/** Portrait when the columns fit an A4 page at a readable scale, else landscape. */
export function orientationFor(columns: readonly ColumnSpec[]): "portrait" | "landscape" {
  const total = columns.reduce((s, c) => s + c.width, 0);
  return total <= 95 ? "portrait" : "landscape";
}
