/**
 * Ledger rows: a sheet's cell values (a 2-D array exactly as Excel's `range.values` or exceljs
 * give them) read into typed rows, with a ParseIssue for every cell that could not be read and
 * a SkippedRow for every row that is not a receivable (subtotals, blank lines inside the table,
 * a repeated header, a note line). A row with a bad cell is still returned, that field null:
 * nothing is dropped without a word.
 *
 * Speed: Excel holds up to 1,048,576 rows, and a plain ledger is numbers and serial dates.
 * A number cell takes no regex and no Decimal: money is kept as integer fen (fen.ts) and a
 * Decimal is made only when a caller asks for it; serial dates go straight to a day number.
 * Values are kept column by column (LedgerStore) and each LedgerRow is a small view on them,
 * because a million 30-field objects cost more in garbage collection than all the parsing.
 */
import type Decimal from "decimal.js";
import { parseProbability } from "../collection";
import type { DayNumber } from "../calendar";
import { type ExcelDateSystem, formatIsoDate, type ParseDateOptions, parseDate } from "../dates";
import { ArError, type Bilingual, isArError } from "../errors";
import { formatFen, MAX_FEN_LINE, numberToFen } from "../fen";
import { Dec, isExcelErrorValue, parseMoney, quoteInput, toHalfWidth } from "../money";
import {
  detectHeader,
  detectUnits,
  type FieldDeclaration,
  HEADER_SCAN_ROWS,
  type FieldKind,
  headerAt,
  type HeaderDetection,
  LEDGER_FIELDS,
  type LedgerField,
  normalizeLabel,
  type RecordOf,
  type TableSchema,
  unwrapCell,
} from "./headers";
import {
  applyOverride,
  columnLetter,
  DEFAULT_ORIGIN,
  describeGroups,
  type MappedColumn,
  type MappingOverride,
  type MappingResult,
  mappingFromHeader,
  requireColumns,
  type SheetOrigin,
} from "./mapping";

// Imported functions and constants the per-cell path uses, taken once. Run through tsx (the CLI,
// the bench) a module is CommonJS and every use of an imported name calls a getter of its export
// table: per cell, those calls took about a seventh of reading a million rows.
const parseDateValue = parseDate;
const isExcelError = isExcelErrorValue;
const fenOfNumber = numberToFen;
const MAX_FEN = MAX_FEN_LINE;

// ---------------------------------------------------------------------------------------------
// Issues and skipped rows
// ---------------------------------------------------------------------------------------------

/**
 * What was wrong with a cell or a row:
 * - missing-field: a value the row needs is blank (customer; a date; an amount);
 * - bad-date / bad-amount / bad-number / bad-probability / bad-boolean / bad-text: the cell
 *   holds something that is not a value of its column's kind;
 * - excel-error: the cell holds an Excel error (#N/A, #REF!...), read as blank;
 * - unknown-document: a receipt names a document its customer has no invoice for (transactions);
 * - unallocated-receipt: a receipt that cannot be allocated (no customer) (transactions).
 */
export type ParseIssueKind =
  | "missing-field"
  | "bad-date"
  | "bad-amount"
  | "bad-number"
  | "bad-probability"
  | "bad-boolean"
  | "bad-text"
  | "excel-error"
  | "unknown-document"
  | "unallocated-receipt";

export interface ParseIssue {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** Sheet column letter ("F"). */
  column: string;
  field: string;
  issue: ParseIssueKind;
  /** "error": the value is lost (the field is null); "warning": read, but worth a look. */
  severity: "error" | "warning";
  /** The cell as found, quoted (at most 40 characters). */
  value: string;
  zh: string;
  en: string;
}

/**
 * Why a row was not read: blank (inside the table; blank rows after the last row are not
 * listed), subtotal (合计/小计/总计/累计/Total/Subtotal), carry-forward (承前页/过次页, page
 * totals of a printed ledger), repeated-header (the header again, as printed pages repeat it),
 * note (a line whose only cell is text at the table's left edge or outside its columns: a
 * section banner, "制表人：…").
 */
export type SkipReason = "blank" | "subtotal" | "carry-forward" | "repeated-header" | "note";

export interface SkippedRow {
  row: number;
  reason: SkipReason;
  /** The text that made the row a subtotal, note or header; "" for a blank row. */
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Opening a table: header, mapping, units
// ---------------------------------------------------------------------------------------------

export interface TableOptions<F extends string = string> {
  /** The sheet's name, for messages. */
  sheet: string;
  /** Explicit columns, laid over the detected ones (mapping.applyOverride). */
  mapping?: MappingOverride<F>;
  /**
   * The header's 1-based sheet row, when the caller knows it (skips detection); 0 when the
   * rows have no header at all (then `mapping` must name every required column).
   */
  headerRow?: number;
  /** Where values[0][0] sits in the sheet; default A1. Row numbers and letters in messages follow it. */
  origin?: SheetOrigin;
  /** The workbook's date system for serial dates; default "1900". */
  dateSystem?: ExcelDateSystem;
}

/** The units amounts are read in. */
export interface UnitsInfo<F extends string = string> {
  /** The sheet's own unit (1 yuan, 10000 for 万元...), from a units line; 1 when there is none. */
  scale: number;
  /** Where the sheet declared it. */
  source: { row: number; column: string; text: string } | null;
  /** The scale each money column is read at (a header's own "(万元)" or "(元)" wins over the sheet's). */
  columns: Partial<Record<F, number>>;
}

export interface HeaderInfo<F extends string = string> {
  /** 1-based sheet row of the (last) header row; null when the rows have no header. */
  row: number | null;
  /** Every header row (two for a two-row header). */
  rows: number[];
  columns: MappedColumn<F>[];
}

/** One field to read: its column and how. */
export interface ColumnPlan<F extends string = string> {
  field: F;
  decl: FieldDeclaration<F>;
  kind: FieldKind;
  index: number;
  letter: string;
  /** Yuan per unit written (money only). */
  scale: number;
}

export interface OpenedTable<F extends string = string> {
  sheet: string;
  schema: TableSchema<F>;
  origin: SheetOrigin;
  dateSystem: ExcelDateSystem;
  header: HeaderInfo<F>;
  detection: HeaderDetection<F> | null;
  mapping: MappingResult<F>;
  units: UnitsInfo<F>;
  plan: ColumnPlan<F>[];
  /** 0-based index of the first data row. */
  dataStart: number;
  width: number;
}

function noHeader<F extends string>(schema: TableSchema<F>, sheet: string, scanned: number): ArError {
  const others = schema.fields.filter((d) => !schema.required.some((g) => g.includes(d.field))).map((d) => d.label["zh-CN"]);
  const othersEn = schema.fields.filter((d) => !schema.required.some((g) => g.includes(d.field))).map((d) => d.label["en-US"]);
  return new ArError(
    "ledger.no-header",
    {
      "zh-CN": `工作表“${sheet}”的前 ${scanned} 行中找不到${schema.name["zh-CN"]}的表头行（需要一行至少认出两列，其中一列与列名完全一致）。查找的列：${describeGroups(schema, schema.required, "zh")}；以及${others.join("、")}。请检查表头文字，或指定表头所在行和列映射。`,
      "en-US": `No header row of a ${schema.name["en-US"]} found in the first ${scanned} rows of sheet "${sheet}" (a header row must name at least two columns, one of them exactly). Looked for: ${describeGroups(schema, schema.required, "en")}; and ${othersEn.join(", ")}. Check the header texts, or give the header row and an explicit column mapping.`,
    },
    { excel: "#VALUE!", field: schema.key },
  );
}

function badHeaderRow(sheet: string, headerRow: number, origin: SheetOrigin, rows: number): ArError {
  return new ArError(
    "ledger.header-row-invalid",
    {
      "zh-CN": `工作表“${sheet}”：指定的表头行 ${headerRow} 不在所读区域内（第 ${origin.row} 至 ${origin.row + rows - 1} 行），应为其中一行，或 0 表示没有表头。`,
      "en-US": `Sheet "${sheet}": the header row ${headerRow} given is outside the rows read (${origin.row} to ${origin.row + rows - 1}); expected one of them, or 0 for no header.`,
    },
    { excel: "#VALUE!", field: "headerRow" },
  );
}

function maxWidth(values: readonly unknown[][], from: number, count: number): number {
  let width = 0;
  for (let r = from; r < values.length && r < from + count; r++) {
    const row = values[r];
    if (Array.isArray(row) && row.length > width) width = row.length;
  }
  return width;
}

/**
 * Finds (or takes) a table's header, maps its columns, applies the explicit mapping, checks
 * the required columns and finds the units. Throws ArError "ledger.no-header",
 * "ledger.header-row-invalid", "ledger.mapping-invalid", "ledger.mapping-conflict" or
 * "ledger.missing-columns"; these concern the whole sheet, which cannot be read without them.
 */
export function openTable<F extends string>(values: readonly unknown[][], schema: TableSchema<F>, options: TableOptions<F>): OpenedTable<F> {
  const origin = options.origin ?? DEFAULT_ORIGIN;
  const sheet = options.sheet;
  let detection: HeaderDetection<F> | null;
  if (options.headerRow !== undefined) {
    const rowIndex = options.headerRow === 0 ? -1 : options.headerRow - origin.row;
    if (!Number.isInteger(options.headerRow) || (options.headerRow !== 0 && (rowIndex < 0 || rowIndex >= values.length))) {
      throw badHeaderRow(sheet, options.headerRow, origin, values.length);
    }
    detection = rowIndex < 0 ? null : headerAt(values, rowIndex, schema.fields);
  } else {
    detection = detectHeader(values, schema.fields);
    if (detection === null) throw noHeader(schema, sheet, Math.min(values.length, HEADER_SCAN_ROWS));
  }
  const dataStart = detection === null ? 0 : detection.dataStart;
  const width = Math.max(maxWidth(values, 0, dataStart + 50), ...((detection?.columns ?? []).map((c) => c.index + 1)));
  let mapping: MappingResult<F> =
    detection === null ? { mapping: {}, columns: [], unmapped: [], ambiguous: [], confidence: 0 } : mappingFromHeader(detection, origin);
  if (options.mapping !== undefined) {
    mapping = applyOverride(mapping, options.mapping, { sheet, schema, width, origin, header: detection });
  }
  const headerRow = detection === null ? null : origin.row + detection.rowIndices[detection.rowIndices.length - 1];
  requireColumns(schema, mapping, sheet, headerRow);

  const sheetUnits = detectUnits(values, detection);
  const byIndex = new Map((detection?.columns ?? []).map((c) => [c.index, c]));
  const decls = new Map<F, FieldDeclaration<F>>(schema.fields.map((d) => [d.field, d]));
  const plan: ColumnPlan<F>[] = [];
  const columnScales: Partial<Record<F, number>> = {};
  for (const col of mapping.columns) {
    const decl = decls.get(col.field);
    if (decl === undefined) continue;
    const scale = decl.kind === "money" ? (byIndex.get(col.index)?.label.scale ?? sheetUnits.scale) : 1;
    if (decl.kind === "money") columnScales[col.field] = scale;
    plan.push({ field: col.field, decl, kind: decl.kind, index: col.index, letter: col.letter, scale });
  }
  return {
    sheet,
    schema,
    origin,
    dateSystem: options.dateSystem ?? "1900",
    header: {
      row: headerRow,
      rows: detection === null ? [] : detection.rowIndices.map((i) => origin.row + i),
      columns: mapping.columns,
    },
    detection,
    mapping,
    units: {
      scale: sheetUnits.scale,
      source:
        sheetUnits.source === null
          ? null
          : { row: origin.row + sheetUnits.source.rowIndex, column: columnLetter(sheetUnits.source.columnIndex, origin), text: sheetUnits.source.text },
      columns: columnScales,
    },
    plan,
    dataStart,
    width,
  };
}

// ---------------------------------------------------------------------------------------------
// Row classification: blank, subtotal, carry-forward, repeated header, note
// ---------------------------------------------------------------------------------------------

const ZH_TOTAL_WORDS = ["合计", "小计", "总计", "累计"];
const CARRY_WORDS = /^(承前页|过次页|转下页|接上页|承上页|过下页|转次页)/;
const EN_TOTAL = /^(grand\s*|sub-?\s*)?totals?(\s*\(.*\))?$|\s(sub-?)?totals?$|^sum$/;
const EN_CARRY = /^(brought|carried)\s+forward$|^(b\/f|c\/f)$/;
/** Every marker contains 计 or 页, or one of the letters t, m, f (total, sum, forward, b/f). */
const MARKER_SCREEN = /[计页TMFtmf]/;

/**
 * A code unit that is certainly not white space (printable ASCII, a CJK ideograph): a text
 * that starts and ends with one is its own trim(), found without calling trim on every cell.
 */
function solid(c: number): boolean {
  return (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff);
}

/** text.trim(), skipping the call for the usual text with nothing to trim. */
function trimmed(text: string): string {
  const n = text.length;
  return n > 0 && solid(text.charCodeAt(0)) && solid(text.charCodeAt(n - 1)) ? text : text.trim();
}

/**
 * Whether a text cell marks a subtotal or a page carry-forward line. Chinese: the text ends
 * with 合计/小计/总计/累计 ("本月合计", "成都军通小计"), or starts with one followed by at most
 * two more characters besides a parenthesis ("合计：", "小计(华东区)", "总计金额") — so a
 * customer named "总计科技有限公司" is not a subtotal. English: "Total", "Subtotal (East)",
 * "Grand total", "... total", "Sum" — "Total Telecom Ltd" is a customer.
 */
export function totalMarker(text: string): "subtotal" | "carry-forward" | null {
  // Cheap screen first: it runs on every text cell of every row, and almost none is a marker.
  if (!MARKER_SCREEN.test(text)) return null;
  let ji = false;
  let ye = false;
  let letters = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x8ba1) ji = true;
    else if (c === 0x9875) ye = true;
    else if (c < 0x80) {
      const lower = c | 0x20;
      if (lower === 0x74 || lower === 0x6d || lower === 0x66) letters = true;
    }
  }
  const latin = letters && /otal|um|orward|[bc]\/f/i.test(text);
  if (!ji && !ye && !latin) return null;
  const t = text.normalize("NFKC").toLowerCase().replace(/\s+/g, "").replace(/[:：]+$/, "");
  if (ye && CARRY_WORDS.test(t)) return "carry-forward";
  if (ji) {
    for (const w of ZH_TOTAL_WORDS) {
      if (t.endsWith(w)) return "subtotal";
      if (t.startsWith(w)) {
        const rest = t.slice(w.length).replace(/\([^)]*\)/g, "").replace(/[^\p{L}\p{N}]/gu, "");
        if (rest.length <= 2) return "subtotal";
      }
    }
  }
  if (latin) {
    const s = text.normalize("NFKC").toLowerCase().trim().replace(/\s*:+$/, "").replace(/\s+/g, " ");
    if (EN_TOTAL.test(s)) return "subtotal";
    if (EN_CARRY.test(s)) return "carry-forward";
  }
  return null;
}

const ROW_DATA = 0;
const ROW_BLANK = 1;
const ROW_SUBTOTAL = 2;
const ROW_CARRY = 3;
const ROW_REPEATED_HEADER = 4;
const ROW_NOTE = 5;
const SKIP_REASONS: readonly (SkipReason | null)[] = [null, "blank", "subtotal", "carry-forward", "repeated-header", "note"];

/** What classifyRow needs to know about the table. */
export interface RowClassifier {
  /** By column index, true where a subtotal word is not looked for: free text, where "累计" is just a word. */
  freeText: readonly boolean[];
  /** Index and text of a header cell used to spot a repeated header (-1: none). */
  probeIndex: number;
  probeText: string;
  headerTexts: ReadonlyMap<number, string>;
  /** The leftmost header column, whose text names a repeated header in `skipped`. */
  firstIndex: number;
  /** Columns the table reads. */
  mapped: ReadonlySet<number>;
}

function isBlankValue(v: unknown): boolean {
  if (v === null || v === undefined || v === "") return true;
  if (typeof v === "string") return v.trim() === "";
  return false;
}

/** The text classifyRow found (a subtotal word, a note line); set with each non-data answer. */
let classifiedText = "";

/** ROW_DATA, ROW_BLANK or the code of a skip reason; no allocation (it runs once per row). */
function classifyRow(cells: unknown, c: RowClassifier): number {
  if (!Array.isArray(cells)) return ROW_BLANK;
  let filled = 0;
  let onlyText: string | null = null;
  let onlyIndex = -1;
  let total = ROW_DATA;
  let totalText = "";
  for (let i = 0; i < cells.length; i++) {
    let v: unknown = cells[i];
    if (v === null || v === undefined || v === "") continue;
    if (typeof v === "number" || typeof v === "boolean") {
      filled++;
      onlyText = null;
      continue;
    }
    if (typeof v === "object" && !(v instanceof Date)) v = unwrapCell(v);
    if (typeof v !== "string") {
      if (v === null || v === undefined) continue;
      filled++;
      onlyText = null;
      continue;
    }
    if (trimmed(v) === "") continue;
    filled++;
    onlyText = filled === 1 ? v : null;
    onlyIndex = i;
    if (total === ROW_DATA && !(i < c.freeText.length && c.freeText[i])) {
      const m = totalMarker(v);
      if (m !== null) {
        total = m === "subtotal" ? ROW_SUBTOTAL : ROW_CARRY;
        totalText = v;
      }
    }
  }
  if (filled === 0) return ROW_BLANK;
  if (total !== ROW_DATA) {
    classifiedText = totalText.trim();
    return total;
  }
  const probe = c.probeIndex >= 0 ? cells[c.probeIndex] : undefined;
  if (typeof probe === "string" && normalizeLabel(probe) === c.probeText) {
    let same = 0;
    for (const [index, text] of c.headerTexts) {
      const v = cells[index];
      if (typeof v === "string" && normalizeLabel(v) === text) same++;
    }
    if (same * 2 >= c.headerTexts.size) {
      const first = cells[c.firstIndex];
      classifiedText = typeof first === "string" ? first.trim() : probe.trim();
      return ROW_REPEATED_HEADER;
    }
  }
  // One text cell at the left edge or outside the table's columns: a banner, a section title or
  // a footer ("制表人：…"). Alone in a column the table reads, it is a row with values missing.
  if (filled === 1 && onlyText !== null && (onlyIndex <= c.firstIndex || !c.mapped.has(onlyIndex))) {
    classifiedText = onlyText.trim();
    return ROW_NOTE;
  }
  return ROW_DATA;
}

function classifierFor<F extends string>(table: OpenedTable<F>, freeTextFields: readonly string[]): RowClassifier {
  const freeText: boolean[] = [];
  for (const p of table.plan) if (freeTextFields.includes(p.field)) freeText[p.index] = true;
  for (let i = 0; i < freeText.length; i++) freeText[i] = freeText[i] === true; // no holes
  const headerTexts = new Map<number, string>();
  let probeIndex = -1;
  let probeText = "";
  const kinds = new Map(table.plan.map((p) => [p.index, p.kind]));
  for (const col of table.detection?.columns ?? []) {
    if (col.match === null || table.detection?.rowIndices.length !== 1) continue;
    const text = normalizeLabel(col.text);
    headerTexts.set(col.index, text);
    // Probe a money or date column: its data cells are numbers, so most rows cost one typeof.
    const kind = kinds.get(col.index);
    if (probeIndex < 0 || ((kind === "money" || kind === "date") && kinds.get(probeIndex) !== "money" && kinds.get(probeIndex) !== "date")) {
      probeIndex = col.index;
      probeText = text;
    }
  }
  const mapped = new Set(table.plan.map((p) => p.index));
  const firstIndex = Math.min(...headerTexts.keys(), ...mapped);
  return { freeText, probeIndex, probeText, headerTexts, firstIndex: Number.isFinite(firstIndex) ? firstIndex : 0, mapped };
}

/**
 * Walks the data rows, classifying each; calls `onData` for a row to read and records the
 * others. Blank rows are listed only when a later row has data (the used range of a sheet
 * often runs far past the table).
 */
function walkRows<F extends string>(
  values: readonly unknown[][],
  table: OpenedTable<F>,
  freeTextFields: readonly string[],
  skipped: SkippedRow[],
  onData: (cells: readonly unknown[], sheetRow: number, valueIndex: number) => void,
): void {
  const classifier = classifierFor(table, freeTextFields);
  const originRow = table.origin.row;
  let pendingBlankFrom = -1;
  for (let r = table.dataStart; r < values.length; r++) {
    const cells = values[r];
    const cls = classifyRow(cells, classifier);
    if (cls === ROW_BLANK) {
      if (pendingBlankFrom < 0) pendingBlankFrom = r;
      continue;
    }
    if (pendingBlankFrom >= 0) {
      for (let b = pendingBlankFrom; b < r; b++) skipped.push({ row: originRow + b, reason: "blank", text: "" });
      pendingBlankFrom = -1;
    }
    if (cls === ROW_DATA) onData(cells, originRow + r, r);
    else skipped.push({ row: originRow + r, reason: SKIP_REASONS[cls] ?? "note", text: classifiedText });
  }
}

// ---------------------------------------------------------------------------------------------
// Reading cells
// ---------------------------------------------------------------------------------------------

/** money() results. */
const MONEY_BLANK = 0;
const MONEY_READ = 1;
const MONEY_BAD = 2;

function textHasOwnUnit(text: string): boolean {
  return /[万亿元]/.test(text);
}

/** Fen of a Decimal when it is a whole number of fen on the fast path's scale, else NaN. */
export function fenOfDecimal(d: Decimal): number {
  const f = d.times(100);
  if (!f.isInteger() || f.abs().gt(MAX_FEN_LINE)) return NaN;
  return f.toNumber() + 0;
}

/** A Decimal for an exact fen amount. */
export function fenToDecimal(fen: number): Decimal {
  return new Dec(fen).div(100);
}

const ACCEPTED_INTEGER = { zh: "非负整数天数，如 30、30天", en: "a whole number of days, e.g. 30 or 30天" };
const ACCEPTED_BOOLEAN = { zh: "是/否、有/无、Y/N", en: "yes/no, 是/否, Y/N" };

const TRUE_WORDS = new Set(["是", "有", "已", "y", "yes", "true", "1", "√", "✓", "✔"]);
const FALSE_WORDS = new Set(["否", "无", "未", "n", "no", "false", "0", "×", "✗", "✘"]);

/**
 * Reads cells by kind and records an issue for each bad one. Money results land in `fen` and
 * `dec` (not a returned object: the hot path makes no garbage per cell).
 */
export class CellReader {
  readonly issues: ParseIssue[] = [];
  fen = NaN;
  dec: Decimal | null = null;
  /** parseDate's options, made once (not an object per date cell). */
  private readonly dateOptions: ParseDateOptions;

  constructor(
    readonly sheet: string,
    readonly dateSystem: ExcelDateSystem,
  ) {
    this.dateOptions = { dateSystem };
  }

  report(row: number, plan: Pick<ColumnPlan, "letter" | "field" | "decl">, issue: ParseIssueKind, value: unknown, detail: Bilingual, severity: "error" | "warning" = "error"): void {
    const label = plan.decl.label;
    this.issues.push({
      sheet: this.sheet,
      row,
      column: plan.letter,
      field: plan.field,
      issue,
      severity,
      value: value === undefined ? "" : quoteInput(value),
      zh: `工作表“${this.sheet}”第 ${row} 行 ${plan.letter} 列（${label["zh-CN"]}）：${detail["zh-CN"]}`,
      en: `Sheet "${this.sheet}", row ${row}, column ${plan.letter} (${label["en-US"]}): ${detail["en-US"]}`,
    });
  }

  private excelError(row: number, plan: ColumnPlan, value: unknown): undefined {
    const q = typeof value === "string" ? value.trim() : quoteInput((value as { error?: unknown }).error ?? value);
    this.report(row, plan, "excel-error", value, {
      "zh-CN": `单元格是 Excel 错误值 ${q}，按空白处理；请修正公式或填入${plan.decl.label["zh-CN"]}。`,
      "en-US": `the cell holds the Excel error ${q} and is read as blank; fix the formula or enter the ${plan.decl.label["en-US"]}.`,
    });
    return undefined;
  }

  private fromError(row: number, plan: ColumnPlan, issue: ParseIssueKind, value: unknown, e: unknown, expected: Bilingual): undefined {
    if (isArError(e)) {
      this.report(row, plan, issue, value, { "zh-CN": e.text["zh-CN"], "en-US": e.text["en-US"] });
    } else {
      // Not ours (a throwing toString, say): still a clear message, never a stack trace.
      this.report(row, plan, issue, value, {
        "zh-CN": `无法读取“${quoteInput(value)}”，应为${expected["zh-CN"]}。`,
        "en-US": `cannot read "${quoteInput(value)}"; expected ${expected["en-US"]}.`,
      });
    }
    return undefined;
  }

  /** Text: trimmed; a number as written; a date as yyyy-mm-dd. null blank, undefined bad. */
  text(value: unknown, row: number, plan: ColumnPlan): string | null | undefined {
    let v = value;
    if (typeof v === "object" && v !== null && !(v instanceof Date)) v = unwrapCell(v);
    if (typeof v === "string") {
      const t = trimmed(v);
      if (t === "") return null;
      if (t.charCodeAt(0) === 0x23 && isExcelError(t)) return this.excelError(row, plan, t);
      return t;
    }
    if (v === null || v === undefined) return null;
    if (typeof v === "number") return Number.isFinite(v) ? String(v) : this.excelError(row, plan, v);
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    if (v instanceof Date) {
      const day = this.date(v, row, plan);
      return day === null || day === undefined ? undefined : formatIsoDate(day);
    }
    if (isExcelError(v)) return this.excelError(row, plan, v);
    return this.fromError(row, plan, "bad-text", v, null, { "zh-CN": "文字", "en-US": "text" });
  }

  /** A day: Excel serial, JS Date, or a date spelling (dates.parseDate). */
  date(value: unknown, row: number, plan: ColumnPlan): DayNumber | null | undefined {
    let v = value;
    if (typeof v === "object" && v !== null && !(v instanceof Date)) v = unwrapCell(v);
    if (typeof v === "number" && v >= 19000101 && v <= 99991231 && Number.isInteger(v)) {
      // 20110908 typed as a number: far beyond any serial (9999-12-31 is 2958465), so it can only be YYYYMMDD.
      v = String(v);
    }
    if (isExcelError(v)) return this.excelError(row, plan, v);
    try {
      return parseDateValue(v, undefined, this.dateOptions);
    } catch (e) {
      return this.fromError(row, plan, "bad-date", v, e, { "zh-CN": "日期", "en-US": "a date" });
    }
  }

  /** A whole number ≥ 0 (credit days): 30, "30", "30天", "30 days". */
  integer(value: unknown, row: number, plan: ColumnPlan): number | null | undefined {
    let v = value;
    if (typeof v === "object" && v !== null && !(v instanceof Date)) v = unwrapCell(v);
    if (typeof v === "number") {
      if (Number.isSafeInteger(v) && v >= 0) return v + 0;
    } else if (typeof v === "string") {
      const t = toHalfWidth(v).trim();
      if (t === "") return null;
      if (isExcelError(t)) return this.excelError(row, plan, v);
      const m = /^\+?(\d{1,9})(?:\.0*)?\s*(天|日|days?|d)?$/i.exec(t);
      if (m !== null) return Number(m[1]);
    } else if (v === null || v === undefined) {
      return null;
    } else if (isExcelError(v)) {
      return this.excelError(row, plan, v);
    }
    this.report(row, plan, "bad-number", v, {
      "zh-CN": `“${quoteInput(v)}”不是有效的${plan.decl.label["zh-CN"]}，应为${ACCEPTED_INTEGER.zh}。`,
      "en-US": `"${quoteInput(v)}" is not valid for ${plan.decl.label["en-US"]}; expected ${ACCEPTED_INTEGER.en}.`,
    });
    return undefined;
  }

  /**
   * An amount in yuan, the cell's number times the column's scale (a text that names its own
   * unit, "90.96万" or "1,234元", is taken as it says). Sets `fen` (NaN off the fast path) and
   * `dec` (null on the fast path).
   */
  money(value: unknown, row: number, plan: ColumnPlan): number {
    if (typeof value === "number") {
      const f = fenOfNumber(value);
      if (f === f) {
        const scaled = plan.scale === 1 ? f : f * plan.scale;
        if (scaled <= MAX_FEN && scaled >= -MAX_FEN) {
          this.fen = scaled;
          this.dec = null;
          return MONEY_READ;
        }
      }
    }
    let v = value;
    if (typeof v === "object" && v !== null && !(v instanceof Date)) v = unwrapCell(v);
    if (isExcelError(v)) {
      this.excelError(row, plan, v);
      return MONEY_BAD;
    }
    let d: Decimal | null;
    try {
      d = parseMoney(v);
    } catch (e) {
      this.fromError(row, plan, "bad-amount", v, e, { "zh-CN": "金额", "en-US": "an amount" });
      return MONEY_BAD;
    }
    if (d === null) return MONEY_BLANK;
    if (plan.scale !== 1 && !(typeof v === "string" && textHasOwnUnit(v))) d = d.times(plan.scale);
    this.dec = d;
    this.fen = fenOfDecimal(d);
    return MONEY_READ;
  }

  /** A fraction in [0, 1] (collection.parseProbability: 0.85, "85%", 85). */
  probability(value: unknown, row: number, plan: ColumnPlan): Decimal | null | undefined {
    let v = value;
    if (typeof v === "object" && v !== null && !(v instanceof Date)) v = unwrapCell(v);
    if (isBlankValue(v)) return null;
    if (isExcelError(v)) return this.excelError(row, plan, v);
    try {
      return parseProbability(v);
    } catch (e) {
      return this.fromError(row, plan, "bad-probability", v, e, { "zh-CN": "0 到 100% 之间的比例", "en-US": "a share between 0 and 100%" });
    }
  }

  /** Yes or no: TRUE/FALSE, 是/否, 有/无, Y/N, 1/0, √/×. */
  boolean(value: unknown, row: number, plan: ColumnPlan): boolean | null | undefined {
    let v = value;
    if (typeof v === "object" && v !== null && !(v instanceof Date)) v = unwrapCell(v);
    if (typeof v === "boolean") return v;
    if (isBlankValue(v)) return null;
    if (isExcelError(v)) return this.excelError(row, plan, v);
    const t = typeof v === "number" ? String(v) : typeof v === "string" ? toHalfWidth(v).trim().toLowerCase() : "";
    if (TRUE_WORDS.has(t)) return true;
    if (FALSE_WORDS.has(t)) return false;
    this.report(row, plan, "bad-boolean", v, {
      "zh-CN": `“${quoteInput(v)}”不是是/否，应为${ACCEPTED_BOOLEAN.zh}。`,
      "en-US": `"${quoteInput(v)}" is not a yes or no; expected ${ACCEPTED_BOOLEAN.en}.`,
    });
    return undefined;
  }

  /** A missing value the row needs; `names` lists the alternatives when one of several would do. */
  missing(row: number, plan: Pick<ColumnPlan, "letter" | "field" | "decl">, names: Bilingual | null = null): void {
    this.report(row, plan, "missing-field", undefined, {
      "zh-CN": `缺少${names === null ? plan.decl.label["zh-CN"] : names["zh-CN"]}，该行无法完整判断。`,
      "en-US": `the ${names === null ? plan.decl.label["en-US"] : names["en-US"]} is missing, so the row cannot be fully assessed.`,
    });
  }
}

/** "发生日期或到期日" / "date arisen or due date" for a group of several columns; null for one. */
function alternativesOf(plans: readonly Pick<ColumnPlan, "decl">[]): Bilingual | null {
  if (plans.length < 2) return null;
  return {
    "zh-CN": plans.map((p) => p.decl.label["zh-CN"]).join("或"),
    "en-US": plans.map((p) => p.decl.label["en-US"]).join(" or "),
  };
}

// ---------------------------------------------------------------------------------------------
// Ledger rows
// ---------------------------------------------------------------------------------------------

export type LedgerMoneyField = "amount" | "received" | "balance" | "contractAmount" | "expectedRecovery";
type LedgerTextField = "customer" | "customerCode" | "project" | "department" | "document" | "status" | "collector" | "type" | "agingLabel" | "note";
type LedgerDateField = "dateArisen" | "dueDate" | "lastConfirmed" | "lastPaymentDate" | "targetDate";

const TEXT_FIELDS: readonly LedgerTextField[] = ["customer", "customerCode", "project", "department", "document", "status", "collector", "type", "agingLabel", "note"];
const DATE_FIELDS: readonly LedgerDateField[] = ["dateArisen", "dueDate", "lastConfirmed", "lastPaymentDate", "targetDate"];
const MONEY_FIELDS: readonly LedgerMoneyField[] = ["amount", "received", "balance", "contractAmount", "expectedRecovery"];

/** Bit of each ledger field in a row's issue mask (LEDGER_FIELDS order; fewer than 31 fields). */
const FIELD_BIT: Readonly<Record<string, number>> = Object.fromEntries(LEDGER_FIELDS.map((d, i) => [d.field, 2 ** i]));

function filledNaN(n: number): Float64Array {
  return new Float64Array(n).fill(NaN);
}

/**
 * A column for n rows, sized once (grown by push, a million-row column is copied a dozen times
 * over). Not filled: readLedgerRows writes every row's cell, blank or not.
 */
function sizedColumn<T>(n: number): (T | null)[] {
  return new Array<T | null>(n);
}

/**
 * The ledger's values, column by column: typed arrays for numbers (NaN = none), plain arrays
 * only for the text columns the sheet has. A million rows of 30 fields as objects would cost
 * more in allocation and garbage collection than everything else together; as columns they
 * cost a few typed arrays, and each LedgerRow is a two-field view.
 */
export class LedgerStore {
  length = 0;
  readonly sheetRow: Int32Array;
  readonly valueIndex: Int32Array;
  readonly issueMask: Int32Array;
  readonly derived: Uint8Array;
  readonly text: Record<LedgerTextField, (string | null)[] | null>;
  readonly date: Record<LedgerDateField, Float64Array | null>;
  readonly fen: Record<LedgerMoneyField, Float64Array | null>;
  /** Amounts off the fast path (not whole fen, or beyond ±10^13 yuan), by row index. */
  readonly exact: Record<LedgerMoneyField, Map<number, Decimal>>;
  creditDays: Float64Array | null;
  probability: (Decimal | null)[] | null;

  constructor(
    readonly sheet: string,
    readonly values: readonly unknown[][],
    readonly capacity: number,
    mapped: ReadonlySet<string>,
  ) {
    this.sheetRow = new Int32Array(capacity);
    this.valueIndex = new Int32Array(capacity);
    this.issueMask = new Int32Array(capacity);
    this.derived = new Uint8Array(capacity);
    const text = {} as Record<LedgerTextField, (string | null)[] | null>;
    for (const f of TEXT_FIELDS) text[f] = mapped.has(f) ? sizedColumn<string>(capacity) : null;
    this.text = text;
    const date = {} as Record<LedgerDateField, Float64Array | null>;
    for (const f of DATE_FIELDS) date[f] = mapped.has(f) ? filledNaN(capacity) : null;
    this.date = date;
    const fen = {} as Record<LedgerMoneyField, Float64Array | null>;
    const exact = {} as Record<LedgerMoneyField, Map<number, Decimal>>;
    for (const f of MONEY_FIELDS) {
      fen[f] = mapped.has(f) ? filledNaN(capacity) : null;
      exact[f] = new Map();
    }
    // A derived balance needs a column even when the sheet has none.
    if (fen.balance === null && mapped.has("amount")) fen.balance = filledNaN(capacity);
    this.fen = fen;
    this.exact = exact;
    this.creditDays = mapped.has("creditDays") ? filledNaN(capacity) : null;
    this.probability = mapped.has("recoveryProbability") ? sizedColumn<Decimal>(capacity) : null;
  }

  append(sheetRow: number, valueIndex: number): number {
    const i = this.length++;
    this.sheetRow[i] = sheetRow;
    this.valueIndex[i] = valueIndex;
    return i;
  }

  fenColumn(field: LedgerMoneyField): Float64Array {
    let col = this.fen[field];
    if (col === null) {
      col = filledNaN(this.capacity);
      this.fen[field] = col;
    }
    return col;
  }

  hasMoney(field: LedgerMoneyField, i: number): boolean {
    const col = this.fen[field];
    return (col !== null && col[i] === col[i]) || this.exact[field].has(i);
  }

  money(field: LedgerMoneyField, i: number): Decimal | null {
    const col = this.fen[field];
    if (col !== null) {
      const f = col[i];
      if (f === f) return this.exact[field].get(i) ?? fenToDecimal(f);
    }
    return this.exact[field].get(i) ?? null;
  }

  setMoney(field: LedgerMoneyField, i: number, fen: number, dec: Decimal | null): void {
    const col = fen === fen ? this.fenColumn(field) : this.fen[field];
    if (col !== null) col[i] = fen;
    if (dec === null) this.exact[field].delete(i);
    else this.exact[field].set(i, dec);
  }

  /** Whether a field has a value in row i. */
  has(field: LedgerField, i: number): boolean {
    switch (field) {
      case "amount":
      case "received":
      case "balance":
      case "contractAmount":
      case "expectedRecovery":
        return this.hasMoney(field, i);
      case "dateArisen":
      case "dueDate":
      case "lastConfirmed":
      case "lastPaymentDate":
      case "targetDate": {
        const col = this.date[field];
        return col !== null && col[i] === col[i];
      }
      case "creditDays":
        return this.creditDays !== null && this.creditDays[i] === this.creditDays[i];
      case "recoveryProbability":
        return this.probability !== null && this.probability[i] !== null;
      default: {
        const col = this.text[field];
        return col !== null && col[i] !== null;
      }
    }
  }
}

function textAt(col: (string | null)[] | null, i: number): string | null {
  return col === null ? null : col[i];
}

function dateAt(col: Float64Array | null, i: number): DayNumber | null {
  if (col === null) return null;
  const d = col[i];
  return d === d ? d : null;
}

function fenAt(col: Float64Array | null, i: number): number {
  return col === null ? NaN : col[i];
}

function moneyText(store: LedgerStore, field: LedgerMoneyField, i: number): string | null {
  const dec = store.exact[field].get(i);
  if (dec !== undefined) return dec.toFixed(Math.max(2, dec.decimalPlaces()));
  const fen = fenAt(store.fen[field], i);
  return fen === fen ? formatFen(fen) : null;
}

/**
 * One receivable (or, in a transactions ledger, one invoice or receipt) as read. Every field
 * is null when the ledger has no such column, the cell is blank, or the cell could not be read
 * (then there is a ParseIssue for it).
 *
 * Money fields are Decimals (`amount`, `received`, `balance`, ...), made on each access
 * (keep the value if you need it twice). Each has a `...Fen` twin: the exact amount in
 * integer fen, NaN when the amount is missing or not a whole number of fen within ±10^13 yuan
 * (then only the Decimal holds it). Bulk code (sums over a million rows) should use the fen
 * twins, falling back to the Decimal where a twin is NaN and hasMoney says there is a value.
 */
export class LedgerRow {
  constructor(
    private readonly store: LedgerStore,
    private readonly i: number,
  ) {}

  get sheet(): string {
    return this.store.sheet;
  }
  /** 1-based sheet row. */
  get row(): number {
    return this.store.sheetRow[this.i];
  }
  /** The row's cells as given (for surfaces that show or copy the original row). */
  get raw(): readonly unknown[] {
    return this.store.values[this.store.valueIndex[this.i]];
  }
  get customer(): string | null {
    return textAt(this.store.text.customer, this.i);
  }
  get customerCode(): string | null {
    return textAt(this.store.text.customerCode, this.i);
  }
  get project(): string | null {
    return textAt(this.store.text.project, this.i);
  }
  get department(): string | null {
    return textAt(this.store.text.department, this.i);
  }
  get document(): string | null {
    return textAt(this.store.text.document, this.i);
  }
  get status(): string | null {
    return textAt(this.store.text.status, this.i);
  }
  get collector(): string | null {
    return textAt(this.store.text.collector, this.i);
  }
  get type(): string | null {
    return textAt(this.store.text.type, this.i);
  }
  get agingLabel(): string | null {
    return textAt(this.store.text.agingLabel, this.i);
  }
  get note(): string | null {
    return textAt(this.store.text.note, this.i);
  }
  get dateArisen(): DayNumber | null {
    return dateAt(this.store.date.dateArisen, this.i);
  }
  get dueDate(): DayNumber | null {
    return dateAt(this.store.date.dueDate, this.i);
  }
  get lastConfirmed(): DayNumber | null {
    return dateAt(this.store.date.lastConfirmed, this.i);
  }
  get lastPaymentDate(): DayNumber | null {
    return dateAt(this.store.date.lastPaymentDate, this.i);
  }
  get targetDate(): DayNumber | null {
    return dateAt(this.store.date.targetDate, this.i);
  }
  get creditDays(): number | null {
    return dateAt(this.store.creditDays, this.i);
  }
  get recoveryProbability(): Decimal | null {
    const col = this.store.probability;
    return col === null ? null : col[this.i];
  }
  get amountFen(): number {
    return fenAt(this.store.fen.amount, this.i);
  }
  get receivedFen(): number {
    return fenAt(this.store.fen.received, this.i);
  }
  get balanceFen(): number {
    return fenAt(this.store.fen.balance, this.i);
  }
  get contractAmountFen(): number {
    return fenAt(this.store.fen.contractAmount, this.i);
  }
  get expectedRecoveryFen(): number {
    return fenAt(this.store.fen.expectedRecovery, this.i);
  }
  get amount(): Decimal | null {
    return this.store.money("amount", this.i);
  }
  get received(): Decimal | null {
    return this.store.money("received", this.i);
  }
  get balance(): Decimal | null {
    return this.store.money("balance", this.i);
  }
  get contractAmount(): Decimal | null {
    return this.store.money("contractAmount", this.i);
  }
  get expectedRecovery(): Decimal | null {
    return this.store.money("expectedRecovery", this.i);
  }
  /** The balance was not in the ledger: amount − received (a blank received counts as 0), or allocation's result. */
  get balanceDerived(): boolean {
    return this.store.derived[this.i] === 1;
  }
  set balanceDerived(value: boolean) {
    this.store.derived[this.i] = value ? 1 : 0;
  }
  /** Fields with a ParseIssue on this row (bits in LEDGER_FIELDS order); see hasIssue. */
  get issueMask(): number {
    return this.store.issueMask[this.i];
  }

  /** Sets a money field: fen (NaN when not fen-exact) and/or the Decimal (null when fen says it all). */
  setMoney(field: LedgerMoneyField, fen: number, dec: Decimal | null): void {
    this.store.setMoney(field, this.i, fen, dec);
  }

  /** Whether a ParseIssue was recorded for the field on this row. */
  hasIssue(field: LedgerField): boolean {
    const mask = this.store.issueMask[this.i];
    return mask !== 0 && (mask & (FIELD_BIT[field] ?? 0)) !== 0;
  }

  /** Whether a money field has a value, without making a Decimal. */
  hasMoney(field: LedgerMoneyField): boolean {
    return this.store.hasMoney(field, this.i);
  }

  /** -1, 0 or 1 for a money field's sign; NaN when it has no value. No Decimal is made on the fast path. */
  moneySign(field: LedgerMoneyField): number {
    const col = this.store.fen[field];
    const f = col === null ? NaN : col[this.i];
    const dec = this.store.exact[field].get(this.i);
    if (dec !== undefined) return dec.isZero() ? 0 : dec.isNegative() ? -1 : 1;
    if (f === f) return f > 0 ? 1 : f < 0 ? -1 : 0;
    return NaN;
  }

  /** A plain object for JSON: money as exact decimal strings ("1234.50"), dates as yyyy-mm-dd. */
  toJSON(): Record<string, string | number | boolean | null> {
    const day = (d: DayNumber | null) => (d === null ? null : formatIsoDate(d));
    const s = this.store;
    const i = this.i;
    return {
      sheet: this.sheet,
      row: this.row,
      customer: this.customer,
      customerCode: this.customerCode,
      project: this.project,
      department: this.department,
      document: this.document,
      dateArisen: day(this.dateArisen),
      creditDays: this.creditDays,
      dueDate: day(this.dueDate),
      amount: moneyText(s, "amount", i),
      received: moneyText(s, "received", i),
      balance: moneyText(s, "balance", i),
      balanceDerived: this.balanceDerived,
      contractAmount: moneyText(s, "contractAmount", i),
      status: this.status,
      recoveryProbability: this.recoveryProbability === null ? null : this.recoveryProbability.toString(),
      expectedRecovery: moneyText(s, "expectedRecovery", i),
      lastConfirmed: day(this.lastConfirmed),
      lastPaymentDate: day(this.lastPaymentDate),
      targetDate: day(this.targetDate),
      collector: this.collector,
      type: this.type,
      agingLabel: this.agingLabel,
      note: this.note,
    };
  }
}

/** Free-text columns: a subtotal word there is a word, not a subtotal line. */
const LEDGER_FREE_TEXT: readonly LedgerField[] = ["note", "status"];

export interface LedgerRowsResult {
  rows: LedgerRow[];
  store: LedgerStore;
  issues: ParseIssue[];
  skipped: SkippedRow[];
}

function planOf<F extends string>(table: OpenedTable<F>, field: F): ColumnPlan<F> | undefined {
  return table.plan.find((p) => p.field === field);
}

/** One plan entry with the column it writes to resolved (one object shape, so the loop stays monomorphic). */
interface Step {
  plan: ColumnPlan<LedgerField>;
  kind: FieldKind;
  bit: number;
  text: (string | null)[] | null;
  date: Float64Array | null;
  fen: Float64Array | null;
  exact: Map<number, Decimal> | null;
}

/**
 * Reads every data row of an opened ledger. Balance is derived as amount − received where
 * the ledger has no balance (column or cell). Required values are not checked here (which
 * ones a row needs depends on the ledger's shape): see checkRequiredValues.
 */
export function readLedgerRows(values: readonly unknown[][], table: OpenedTable<LedgerField>): LedgerRowsResult {
  const reader = new CellReader(table.sheet, table.dateSystem);
  const skipped: SkippedRow[] = [];
  const store = new LedgerStore(table.sheet, values, Math.max(0, values.length - table.dataStart), new Set(table.plan.map((p) => p.field)));
  const steps: Step[] = table.plan.map((plan) => ({
    plan,
    kind: plan.kind,
    bit: FIELD_BIT[plan.field] ?? 0,
    text: (TEXT_FIELDS as readonly string[]).includes(plan.field) ? store.text[plan.field as LedgerTextField] : null,
    date: (DATE_FIELDS as readonly string[]).includes(plan.field) ? store.date[plan.field as LedgerDateField] : plan.field === "creditDays" ? store.creditDays : null,
    fen: (MONEY_FIELDS as readonly string[]).includes(plan.field) ? store.fen[plan.field as LedgerMoneyField] : null,
    exact: (MONEY_FIELDS as readonly string[]).includes(plan.field) ? store.exact[plan.field as LedgerMoneyField] : null,
  }));
  const stepCount = steps.length;
  const probability = store.probability;
  const hasReceived = planOf(table, "received") !== undefined;
  walkRows(values, table, LEDGER_FREE_TEXT, skipped, (cells, sheetRow, valueIndex) => {
    const i = store.append(sheetRow, valueIndex);
    for (let k = 0; k < stepCount; k++) {
      const step = steps[k];
      const p = step.plan;
      const v = cells[p.index];
      switch (step.kind) {
        case "money": {
          const got = reader.money(v, sheetRow, p);
          if (got === MONEY_READ) {
            (step.fen as Float64Array)[i] = reader.fen;
            if (reader.dec !== null && reader.fen !== reader.fen) (step.exact as Map<number, Decimal>).set(i, reader.dec);
          } else if (got === MONEY_BAD) store.issueMask[i] |= step.bit;
          break;
        }
        case "date": {
          const day = reader.date(v, sheetRow, p);
          if (day === undefined) store.issueMask[i] |= step.bit;
          else if (day !== null) (step.date as Float64Array)[i] = day;
          break;
        }
        case "text": {
          const t = reader.text(v, sheetRow, p);
          if (t === undefined) store.issueMask[i] |= step.bit;
          (step.text as (string | null)[])[i] = t ?? null;
          break;
        }
        case "integer": {
          const n = reader.integer(v, sheetRow, p);
          if (n === undefined) store.issueMask[i] |= step.bit;
          else if (n !== null) (step.date as Float64Array)[i] = n;
          break;
        }
        case "probability": {
          const q = reader.probability(v, sheetRow, p);
          if (q === undefined) store.issueMask[i] |= step.bit;
          (probability as (Decimal | null)[])[i] = q ?? null;
          break;
        }
        case "boolean":
          // The ledger has no yes/no field; companions do.
          break;
      }
    }
    deriveBalance(store, i, hasReceived);
  });
  const rows: LedgerRow[] = new Array<LedgerRow>(store.length);
  for (let i = 0; i < store.length; i++) rows[i] = new LedgerRow(store, i);
  return { rows, store, issues: reader.issues, skipped };
}

const BALANCE_BIT = FIELD_BIT.balance;
const RECEIVED_BIT = FIELD_BIT.received;

/**
 * Balance = amount − received when the ledger gives no balance. A blank received counts as 0
 * (nothing received yet); a bad one leaves the balance unknown (its issue says why).
 */
function deriveBalance(store: LedgerStore, i: number, hasReceivedColumn: boolean): void {
  const mask = store.issueMask[i];
  if ((mask & BALANCE_BIT) !== 0 || store.hasMoney("balance", i) || !store.hasMoney("amount", i)) return;
  if (hasReceivedColumn && (mask & RECEIVED_BIT) !== 0) return;
  const receivedMissing = !store.hasMoney("received", i);
  const amountFen = fenAt(store.fen.amount, i);
  const receivedFen = receivedMissing ? 0 : fenAt(store.fen.received, i);
  store.derived[i] = 1;
  if (amountFen === amountFen && receivedFen === receivedFen && !store.exact.amount.has(i) && !store.exact.received.has(i)) {
    const fen = amountFen - receivedFen;
    if (fen <= MAX_FEN && fen >= -MAX_FEN) {
      store.setMoney("balance", i, fen + 0, null);
      return;
    }
  }
  const amount = store.money("amount", i);
  const received = store.money("received", i);
  if (amount === null) return;
  const balance = received === null ? amount : amount.minus(received);
  const fen = fenOfDecimal(balance);
  store.setMoney("balance", i, fen, fen === fen ? null : balance);
}

/**
 * Reports a missing-field issue for each group of `groups` a row has no value for (and no
 * issue already explains). The issue points at the group's first mapped column.
 */
export function checkRequiredValues(
  store: LedgerStore,
  table: OpenedTable<LedgerField>,
  groups: readonly (readonly LedgerField[])[],
  reader: CellReader,
): void {
  const usable = groups
    .map((g) => ({
      group: g,
      bits: g.reduce((m, f) => m | (FIELD_BIT[f] ?? 0), 0),
      plans: g.map((f) => planOf(table, f)).filter((p): p is ColumnPlan<LedgerField> => p !== undefined),
    }))
    .filter((g) => g.plans.length > 0);
  // Indexed loops: until V8 optimises this loop, each for...of would make an iterator per row.
  for (let i = 0; i < store.length; i++) {
    for (let u = 0; u < usable.length; u++) {
      const { group, bits, plans } = usable[u];
      if ((store.issueMask[i] & bits) !== 0) continue;
      let present = false;
      for (let k = 0; k < group.length; k++) {
        if (store.has(group[k], i)) {
          present = true;
          break;
        }
      }
      if (present) continue;
      reader.missing(store.sheetRow[i], plans[0], alternativesOf(plans));
      store.issueMask[i] |= FIELD_BIT[plans[0].field] ?? 0;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Generic records (companion tables)
// ---------------------------------------------------------------------------------------------

/** A companion row: where it is, and each field's value by its kind. */
export type TableRecord<D extends readonly FieldDeclaration[]> = { sheet: string; row: number } & RecordOf<D>;

export interface RecordsResult<D extends readonly FieldDeclaration[]> {
  records: TableRecord<D>[];
  issues: ParseIssue[];
  skipped: SkippedRow[];
}

/**
 * Reads the data rows of any opened table into records typed by its declarations (companions
 * are small: money is read straight to Decimal). Required groups are checked per row.
 */
export function readRecords<D extends readonly FieldDeclaration[]>(
  values: readonly unknown[][],
  table: OpenedTable<D[number]["field"]>,
  freeTextFields: readonly string[],
): RecordsResult<D> {
  const reader = new CellReader(table.sheet, table.dateSystem);
  const skipped: SkippedRow[] = [];
  const records: TableRecord<D>[] = [];
  const fields = table.schema.fields;
  const required = table.schema.required
    .map((group) => group.map((f) => planOf(table, f)).filter((p): p is ColumnPlan<D[number]["field"]> => p !== undefined))
    .filter((plans) => plans.length > 0);
  walkRows(values, table, freeTextFields, skipped, (cells, sheetRow) => {
    const record: Record<string, unknown> = { sheet: table.sheet, row: sheetRow };
    for (const decl of fields) record[decl.field] = null;
    const bad = new Set<string>();
    for (const p of table.plan) {
      const v = cells[p.index];
      let value: unknown;
      switch (p.kind) {
        case "money": {
          const got = reader.money(v, sheetRow, p);
          value = got === MONEY_READ ? (reader.dec ?? fenToDecimal(reader.fen)) : got === MONEY_BLANK ? null : undefined;
          break;
        }
        case "date":
          value = reader.date(v, sheetRow, p);
          break;
        case "text":
          value = reader.text(v, sheetRow, p);
          break;
        case "integer":
          value = reader.integer(v, sheetRow, p);
          break;
        case "probability":
          value = reader.probability(v, sheetRow, p);
          break;
        case "boolean":
          value = reader.boolean(v, sheetRow, p);
          break;
      }
      if (value === undefined) bad.add(p.field);
      else record[p.field] = value;
    }
    for (const plans of required) {
      if (plans.some((p) => record[p.field] !== null || bad.has(p.field))) continue;
      reader.missing(sheetRow, plans[0], alternativesOf(plans));
    }
    records.push(record as TableRecord<D>);
  });
  return { records, issues: reader.issues, skipped };
}

/** Issues in sheet order: by row, then column (shorter letters first: B before AA). */
export function sortIssues(issues: ParseIssue[]): ParseIssue[] {
  return issues.sort((a, b) => a.row - b.row || a.column.length - b.column.length || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
}
