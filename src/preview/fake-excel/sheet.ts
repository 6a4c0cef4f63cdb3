/**
 * One worksheet of the in-memory workbook: cells in row arrays (not an object per cell, so a
 * 100,000 × 12 ledger loads and writes in milliseconds), formulas and cell number formats beside
 * them, formatting as rectangles laid over the grid, and the records for merges, conditional
 * formats, charts, page layout, freeze panes and protection.
 *
 * Methods taking a `Tx` are the host side (called by proxies while a batch runs; they register
 * undo steps and check protection). The others are the test side: synchronous reads and
 * arrange-style writes for tests and the preview page.
 */
import {
  cellAddress,
  contains,
  fullAddress,
  intersect,
  isEntireColumns,
  isEntireRows,
  localAddress,
  MAX_COLUMNS,
  MAX_ROWS,
  parseAddress,
  rect,
  rectColumns,
  rectRows,
  toCell,
  type Rect,
} from "./address";
import { CellError, cellError, FAKE_FORMULA_VALUE, interpretTyped, reportValue, type ReportedValue, type StoredValue } from "./cell-values";
import { invalidArgument } from "./errors";
import { isSpillArray, type BoundCustomFunction, type SpillArray } from "./custom-functions";
import { evaluateFormula, isWellFormedFormula } from "./formula";
import { formatValue, GENERAL } from "./number-format";
import {
  defaultPageLayout,
  type FakeChart,
  type FakeConditionalFormat,
  type FakeDataValidationRecord,
  type FakeFreeze,
  type FakePageLayout,
  type FakeProtection,
} from "./records";
import { Tx, type WriteGuard } from "./tx";

// Globals used per cell are read once: inside jest's vm context every global lookup is slow.
const ArrayOf = Array;
const isArray = Array.isArray;
const finite = Number.isFinite;

/** Marks a cell whose content is a formula (the text is in `formulas`). */
const FORMULA_SLOT = Object.freeze({ formula: true as const });
type Slot = StoredValue | typeof FORMULA_SLOT | undefined;

export interface SheetHost extends WriteGuard {
  findSheet(name: string): FakeSheet | undefined;
  /** A custom function formulas may call, by upper-case full name ("AR.CREDIT_SCORE"). */
  customFunction(name: string): BoundCustomFunction | undefined;
  /** How Range.formulas spells a formula (FakeCalculationOptions.formulaSpelling). */
  readonly formulaSpelling: ((formula: string) => string) | undefined;
  /** Bumped by every change to any cell, so cached spills are worked out again. */
  version: number;
}

export interface FakeCellSnapshot {
  /** As `Range.values` reports it: '' for empty, error codes as strings, '#FAKE_FORMULA' for formulas the fake can't compute. */
  readonly value: ReportedValue;
  /** The formula ("=..."), or null for a constant or empty cell. */
  readonly formula: string | null;
  readonly numberFormat: string;
  /** As `Range.text` reports it. */
  readonly text: string;
  /** Excel.RangeValueType: "Empty" | "String" | "Double" | "Boolean" | "Error". */
  readonly valueType: string;
}

export type StyleKey =
  | "fill.color"
  | "font.bold"
  | "font.italic"
  | "font.color"
  | "font.name"
  | "font.size"
  | "font.underline"
  | "font.strikethrough"
  | "wrapText"
  | "horizontalAlignment"
  | "verticalAlignment"
  | "indentLevel"
  | "protection.locked"
  | "protection.formulaHidden"
  | `border.${string}.${"style" | "color" | "weight"}`;

const STYLE_DEFAULTS: Record<string, unknown> = {
  "fill.color": "#FFFFFF",
  "font.bold": false,
  "font.italic": false,
  "font.color": "#000000",
  "font.name": "Calibri",
  "font.size": 11,
  "font.underline": "None",
  "font.strikethrough": false,
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  indentLevel: 0,
  "protection.locked": true,
  "protection.formulaHidden": false,
};

function styleDefault(key: string): unknown {
  if (key in STYLE_DEFAULTS) return STYLE_DEFAULTS[key];
  if (key.endsWith(".style")) return "None";
  if (key.endsWith(".color")) return "#000000";
  if (key.endsWith(".weight")) return "Thin";
  return null;
}

/** "*" in a layer resets every style key to its default (Range.clear("Formats")). */
interface StyleLayer {
  readonly rect: Rect;
  readonly props: Map<string, unknown>;
}

const DEFAULT_COLUMN_WIDTH = 48;
const DEFAULT_ROW_HEIGHT = 15;
const MAX_FORMULA_DEPTH = 64;
/** Largest range a custom function is handed; the fake's read limit (RangeExceedsLimit), so A1:XFD1048576 cannot hang a test. */
const MAX_ARGUMENT_CELLS = 5_000_000;

let sheetIdCounter = 0;

/**
 * Excel refuses cell-level properties (values, formulas, numberFormat) on an unbounded range,
 * whole columns or whole rows: "The API returns an error if you attempt to set cell-level
 * properties for an unbounded range" (excel-add-ins-ranges-unbounded.md).
 */
function refuseUnbounded(r: Rect, location: string): void {
  if (isEntireColumns(r) || isEntireRows(r)) throw invalidArgument("cell-level properties cannot be set on an unbounded range (whole columns or rows)", location);
}

export class FakeSheet {
  readonly id: string;
  name: string;
  visibility = "Visible";
  tabColor = "";
  showGridlines = true;
  showHeadings = true;
  enableCalculation = true;
  standardWidth = DEFAULT_COLUMN_WIDTH;
  readonly standardHeight = DEFAULT_ROW_HEIGHT;
  deleted = false;
  readonly protection: FakeProtection = { protected: false, options: {}, password: undefined };
  readonly frozen: FakeFreeze = { rows: 0, columns: 0 };
  pageLayout: FakePageLayout = defaultPageLayout();
  /** Manual horizontal page breaks: the 0-based rows that start a new printed page, in order. */
  pageBreaks: number[] = [];
  merges: Rect[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  dataValidations: FakeDataValidationRecord[] = [];
  charts: FakeChart[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  /** Columns autofitted by format.autofitColumns(), for assertions. */
  readonly autofitColumns = new Set<number>();

  // Cell storage: sparse arrays of rows; a row is a sparse array of slots.
  private rows: Slot[][] = [];
  private readonly formulas = new Map<number, string>();
  private fmtRows: (string | undefined)[][] = [];
  private readonly columnFormats = new Map<number, string>();
  private styleLayers: StyleLayer[] = [];

  constructor(
    private readonly host: SheetHost,
    name: string,
  ) {
    sheetIdCounter++;
    this.id = `{00000000-0001-0000-${String(sheetIdCounter).padStart(4, "0")}-000000000000}`;
    this.name = name;
  }

  // ---------------------------------------------------------------------------------------
  // Test side: synchronous reads

  /** A cell by "B3" or (row, col), 0-based. */
  cell(ref: string | number, col?: number): FakeCellSnapshot {
    const { row, col: c } = typeof ref === "number" ? { row: ref, col: col ?? 0 } : toCell(ref);
    const value = this.valueAt(row, c);
    const fmt = this.numberFormatAt(row, c);
    return {
      value: reportValue(value),
      formula: this.formulaAt(row, c),
      numberFormat: fmt,
      text: formatValue(value, fmt),
      valueType: valueType(value),
    };
  }

  /** Values of a range ("A1:C3"); the used range (values only) when no address is given. */
  values(address?: string): ReportedValue[][] {
    const r = this.rectFor(address);
    return r ? this.readValues(r) : [];
  }

  formulasOf(address?: string): (ReportedValue | string)[][] {
    const r = this.rectFor(address);
    return r ? this.readFormulas(r) : [];
  }

  textOf(address?: string): string[][] {
    const r = this.rectFor(address);
    return r ? this.readText(r) : [];
  }

  /** "A1:C10", or null for a blank sheet. */
  usedAddress(valuesOnly = true): string | null {
    const r = this.usedRect(valuesOnly);
    return r ? localAddress(r) : null;
  }

  /** The resolved formatting of one cell. */
  style(ref: string | number, col?: number): Record<string, unknown> {
    const { row, col: c } = typeof ref === "number" ? { row: ref, col: col ?? 0 } : toCell(ref);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(STYLE_DEFAULTS)) out[key] = this.styleAt(row, c, key);
    for (const layer of this.styleLayers) {
      for (const key of layer.props.keys()) if (key.startsWith("border.")) out[key] = this.styleAt(row, c, key);
    }
    return out;
  }

  columnWidth(col: number | string): number {
    const c = typeof col === "number" ? col : toCell(`${col}1`).col;
    return this.columnWidths.get(c) ?? this.standardWidth;
  }

  mergedAreas(): string[] {
    return this.merges.map((m) => localAddress(m));
  }

  get isProtected(): boolean {
    return this.protection.protected;
  }

  // ---------------------------------------------------------------------------------------
  // Test side: arrange-style writes (no interpretation, no protection checks)

  /** Stores values as given from a top-left cell: strings stay text, even "=..." or "00123". */
  setValues(topLeft: string, values: readonly (readonly (string | number | boolean | null)[])[]): void {
    const { row, col } = toCell(topLeft);
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values[i].length; j++) {
        const v = values[i][j];
        this.setSlot(row + i, col + j, v === null || v === "" ? undefined : v);
      }
    }
  }

  setFormula(ref: string, formula: string): void {
    const { row, col } = toCell(ref);
    this.setSlot(row, col, FORMULA_SLOT);
    this.formulas.set(row * MAX_COLUMNS + col, formula.startsWith("=") ? formula : `=${formula}`);
  }

  setError(ref: string, code: string): void {
    const { row, col } = toCell(ref);
    this.setSlot(row, col, cellError(code));
  }

  setNumberFormat(address: string, format: string): void {
    const parsed = parseAddress(address);
    if (!parsed) throw new Error(`FakeExcel: '${address}' is not an address`);
    this.writeNumberFormats(new Tx(this.host, false), parsed.rect, format);
  }

  protect(password?: string): void {
    this.protection.protected = true;
    this.protection.password = password;
  }

  unprotect(): void {
    this.protection.protected = false;
    this.protection.password = undefined;
  }

  // ---------------------------------------------------------------------------------------
  // Reads used by proxies

  numberFormatAt(r: number, c: number): string {
    return this.fmtRows[r]?.[c] ?? this.columnFormats.get(c) ?? GENERAL;
  }

  formulaAt(r: number, c: number): string | null {
    return this.rows[r]?.[c] === FORMULA_SLOT ? (this.formulas.get(r * MAX_COLUMNS + c) ?? null) : null;
  }

  valueAt(r: number, c: number, depth = 0): StoredValue | undefined {
    const slot = this.rows[r]?.[c];
    if (slot === undefined) return this.formulas.size > 0 ? this.spilledAt(r, c) : undefined;
    if (slot !== FORMULA_SLOT) return slot as StoredValue;
    const v = this.evaluateAt(r, c, depth);
    if (!isSpillArray(v)) return v;
    return this.spillBlocked(r, c, v) ? cellError("#SPILL!") : v.spill[0][0];
  }

  private spillCache: { version: number; cells: Map<number, StoredValue> } | null = null;
  private spillBuilding = false;

  /**
   * The value an array formula above or to the left spills into this empty cell. Every formula
   * of the sheet is evaluated once per change to the workbook; while that runs, a formula that
   * reads an empty cell sees it empty (the fake has no dependency graph).
   */
  private spilledAt(r: number, c: number): StoredValue | undefined {
    if (this.spillBuilding) return undefined;
    const version = this.host.version;
    if (this.spillCache === null || this.spillCache.version !== version) {
      const cells = new Map<number, StoredValue>();
      this.spillBuilding = true;
      try {
        for (const key of [...this.formulas.keys()]) {
          const i = Math.floor(key / MAX_COLUMNS);
          const j = key % MAX_COLUMNS;
          const v = this.evaluateAt(i, j, 0);
          if (!isSpillArray(v) || this.spillBlocked(i, j, v)) continue;
          v.spill.forEach((row, di) =>
            row.forEach((x, dj) => {
              const at = (i + di) * MAX_COLUMNS + j + dj;
              if ((di > 0 || dj > 0) && !cells.has(at)) cells.set(at, x);
            }),
          );
        }
      } finally {
        this.spillBuilding = false;
      }
      this.spillCache = { version, cells };
    }
    return this.spillCache.cells.get(r * MAX_COLUMNS + c);
  }

  /** An array result's area holds something besides its own formula cell, or runs off the sheet: #SPILL!. */
  private spillBlocked(r: number, c: number, v: SpillArray): boolean {
    const rows = v.spill.length;
    const cols = Math.max(...v.spill.map((row) => row.length));
    if (r + rows > MAX_ROWS || c + cols > MAX_COLUMNS) return true;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) if ((i > 0 || j > 0) && this.rows[r + i]?.[c + j] !== undefined) return true;
    }
    return false;
  }

  /** Whether an array formula's result spills from this cell. */
  spills(r: number, c: number): boolean {
    if (this.rows[r]?.[c] !== FORMULA_SLOT) return false;
    const v = this.evaluateAt(r, c, 0);
    return isSpillArray(v) && !this.spillBlocked(r, c, v);
  }

  private evaluateAt(r: number, c: number, depth: number): StoredValue | SpillArray {
    if (depth > MAX_FORMULA_DEPTH) return cellError("#FAKE_FORMULA");
    const formula = this.formulas.get(r * MAX_COLUMNS + c) ?? "=";
    return evaluateFormula(formula, {
      cell: (sheet, row, col) => {
        const target = this.sheetFor(sheet);
        return target ? target.valueAt(row, col, depth + 1) : cellError("#REF!");
      },
      range: (sheet, rr) => {
        const target = this.sheetFor(sheet);
        if (!target) return [cellError("#REF!")];
        const clipped = intersect(rr, target.usedRect(true) ?? rect(0, 0, 0, 0));
        const out: (StoredValue | undefined)[] = [];
        if (!clipped) return out;
        for (let i = clipped.r0; i <= clipped.r1; i++) for (let j = clipped.c0; j <= clipped.c1; j++) out.push(target.valueAt(i, j, depth + 1));
        return out;
      },
      matrix: (sheet, rr) => {
        const target = this.sheetFor(sheet);
        if (!target) return [[cellError("#REF!")]];
        if (rectRows(rr) * rectColumns(rr) > MAX_ARGUMENT_CELLS) return [[cellError(FAKE_FORMULA_VALUE)]];
        const out: (StoredValue | undefined)[][] = new ArrayOf(rectRows(rr));
        for (let i = rr.r0; i <= rr.r1; i++) {
          const line: (StoredValue | undefined)[] = new ArrayOf(rectColumns(rr));
          for (let j = rr.c0; j <= rr.c1; j++) line[j - rr.c0] = target.valueAt(i, j, depth + 1);
          out[i - rr.r0] = line;
        }
        return out;
      },
      customFunction: (name) => this.host.customFunction(name),
    });
  }

  private sheetFor(name: string | undefined): FakeSheet | undefined {
    return name === undefined ? this : this.host.findSheet(name);
  }

  readValues(r: Rect): ReportedValue[][] {
    const cols = rectColumns(r);
    const out: ReportedValue[][] = new ArrayOf(rectRows(r));
    const hasFormulas = this.formulas.size > 0;
    for (let i = r.r0; i <= r.r1; i++) {
      const row = this.rows[i];
      const line: ReportedValue[] = new ArrayOf(cols);
      if (!row) {
        if (hasFormulas) for (let j = 0; j < cols; j++) line[j] = reportValue(this.spilledAt(i, r.c0 + j));
        else line.fill("");
      } else {
        for (let j = 0; j < cols; j++) {
          const slot = row[r.c0 + j];
          if (slot === undefined) line[j] = hasFormulas ? reportValue(this.spilledAt(i, r.c0 + j)) : "";
          else if (typeof slot !== "object") line[j] = slot;
          else if (hasFormulas && slot === FORMULA_SLOT) line[j] = reportValue(this.valueAt(i, r.c0 + j));
          else line[j] = (slot as CellError).code;
        }
      }
      out[i - r.r0] = line;
    }
    return out;
  }

  readFormulas(r: Rect): (ReportedValue | string)[][] {
    const cols = rectColumns(r);
    const spills = this.formulas.size > 0;
    const spelling = this.host.formulaSpelling;
    const out: ReportedValue[][] = new ArrayOf(rectRows(r));
    for (let i = r.r0; i <= r.r1; i++) {
      const row = this.rows[i];
      const line: ReportedValue[] = new ArrayOf(cols);
      for (let j = 0; j < cols; j++) {
        const slot = row?.[r.c0 + j];
        // A spilled cell has no formula of its own: formulas gives its value, as for a constant.
        if (slot === undefined) line[j] = spills ? reportValue(this.spilledAt(i, r.c0 + j)) : "";
        else if (slot === FORMULA_SLOT) {
          const f = this.formulas.get(i * MAX_COLUMNS + r.c0 + j) ?? "";
          line[j] = spelling ? spelling(f) : f;
        } else line[j] = reportValue(slot as StoredValue);
      }
      out[i - r.r0] = line;
    }
    return out;
  }

  readNumberFormats(r: Rect): string[][] {
    const out: string[][] = new ArrayOf(rectRows(r));
    for (let i = r.r0; i <= r.r1; i++) {
      const line: string[] = new ArrayOf(rectColumns(r));
      for (let j = r.c0; j <= r.c1; j++) line[j - r.c0] = this.numberFormatAt(i, j);
      out[i - r.r0] = line;
    }
    return out;
  }

  readText(r: Rect): string[][] {
    const out: string[][] = new ArrayOf(rectRows(r));
    for (let i = r.r0; i <= r.r1; i++) {
      const line: string[] = new ArrayOf(rectColumns(r));
      for (let j = r.c0; j <= r.c1; j++) {
        const v = this.valueAt(i, j);
        const fmt = this.numberFormatAt(i, j);
        line[j - r.c0] = v === undefined ? "" : typeof v === "string" && (fmt === GENERAL || fmt === "@") ? v : formatValue(v, fmt);
      }
      out[i - r.r0] = line;
    }
    return out;
  }

  readValueTypes(r: Rect): string[][] {
    const out: string[][] = new ArrayOf(rectRows(r));
    for (let i = r.r0; i <= r.r1; i++) {
      const line: string[] = new ArrayOf(rectColumns(r));
      for (let j = r.c0; j <= r.c1; j++) line[j - r.c0] = valueType(this.valueAt(i, j));
      out[i - r.r0] = line;
    }
    return out;
  }

  /** Excel.CellValue objects, as `Range.valuesAsJson` reports them (basic types only). */
  readValuesAsJson(r: Rect): Record<string, unknown>[][] {
    const out: Record<string, unknown>[][] = new ArrayOf(rectRows(r));
    for (let i = r.r0; i <= r.r1; i++) {
      const line: Record<string, unknown>[] = new ArrayOf(rectColumns(r));
      for (let j = r.c0; j <= r.c1; j++) line[j - r.c0] = cellValueJson(this.valueAt(i, j));
      out[i - r.r0] = line;
    }
    return out;
  }

  /** The smallest rectangle holding every value (and, unless valuesOnly, every cell-level format). */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    const scan = (rows: unknown[][]): void => {
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        if (!row) continue;
        let any = false;
        for (let j = 0; j < row.length; j++) {
          if (row[j] === undefined) continue;
          any = true;
          if (j < c0) c0 = j;
          if (j > c1) c1 = j;
        }
        if (any) {
          if (i < r0) r0 = i;
          if (i > r1) r1 = i;
        }
      }
    };
    scan(this.rows);
    if (!valuesOnly) {
      scan(this.fmtRows);
      const extend = (x: Rect): void => {
        r0 = Math.min(r0, x.r0);
        r1 = Math.max(r1, x.r1);
        c0 = Math.min(c0, x.c0);
        c1 = Math.max(c1, x.c1);
      };
      // A cleared format (Range.clear) does not make a cell used, nor does one cleared since; a format
      // set on whole rows or columns does not either.
      const resets = this.styleLayers.map((l, i) => ({ l, i })).filter(({ l }) => l.props.has("*"));
      this.styleLayers.forEach((layer, i) => {
        if (isEntireColumns(layer.rect) || isEntireRows(layer.rect) || layer.props.has("*")) return;
        if (resets.some((x) => x.i > i && contains(x.l.rect, layer.rect))) return;
        extend(layer.rect);
      });
      for (const m of this.merges) extend(m);
    }
    return r1 < 0 ? null : rect(r0, c0, r1, c1);
  }

  private rectFor(address: string | undefined): Rect | null {
    if (address === undefined) return this.usedRect(true);
    const parsed = parseAddress(address);
    if (!parsed) throw new Error(`FakeExcel: '${address}' is not an address`);
    return parsed.rect;
  }

  // ---------------------------------------------------------------------------------------
  // Host side: writes

  private setSlot(r: number, c: number, slot: Slot): void {
    let row = this.rows[r];
    if (!row) {
      if (slot === undefined) return;
      row = this.rows[r] = [];
    }
    const key = r * MAX_COLUMNS + c;
    if (row[c] === FORMULA_SLOT && slot !== FORMULA_SLOT) this.formulas.delete(key);
    row[c] = slot;
    this.host.version++;
  }

  private setCellFormat(r: number, c: number, fmt: string | undefined): void {
    let row = this.fmtRows[r];
    if (!row) {
      if (fmt === undefined) return;
      row = this.fmtRows[r] = [];
    }
    row[c] = fmt;
  }

  /** Registers an undo step restoring values, formulas and cell formats of a region. */
  private snapshotRegion(tx: Tx, r: Rect): void {
    if (!tx.hostSide) return;
    const lastRow = Math.min(r.r1, Math.max(this.rows.length, this.fmtRows.length) - 1);
    const savedRows: (Slot[] | undefined)[] = [];
    const savedFmts: ((string | undefined)[] | undefined)[] = [];
    for (let i = r.r0; i <= lastRow; i++) {
      savedRows.push(this.rows[i]?.slice(r.c0, r.c1 + 1));
      savedFmts.push(this.fmtRows[i]?.slice(r.c0, r.c1 + 1));
    }
    const savedFormulas: [number, string][] = [];
    for (const [key, f] of this.formulas) {
      const i = Math.floor(key / MAX_COLUMNS);
      const j = key % MAX_COLUMNS;
      if (i >= r.r0 && i <= r.r1 && j >= r.c0 && j <= r.c1) savedFormulas.push([key, f]);
    }
    tx.onUndo(() => {
      this.host.version++;
      const last = Math.min(r.r1, Math.max(this.rows.length, this.fmtRows.length) - 1);
      for (let i = r.r0; i <= last; i++) {
        const k = i - r.r0;
        const vals = k < savedRows.length ? savedRows[k] : undefined;
        const fmts = k < savedFmts.length ? savedFmts[k] : undefined;
        const row = this.rows[i];
        if (row || vals) {
          const target = row ?? (this.rows[i] = []);
          for (let j = r.c0; j <= r.c1; j++) target[j] = vals?.[j - r.c0];
        }
        const frow = this.fmtRows[i];
        if (frow || fmts) {
          const target = frow ?? (this.fmtRows[i] = []);
          for (let j = r.c0; j <= r.c1; j++) target[j] = fmts?.[j - r.c0];
        }
      }
      for (const key of [...this.formulas.keys()]) {
        const i = Math.floor(key / MAX_COLUMNS);
        const j = key % MAX_COLUMNS;
        if (i >= r.r0 && i <= r.r1 && j >= r.c0 && j <= r.c1) this.formulas.delete(key);
      }
      for (const [key, f] of savedFormulas) this.formulas.set(key, f);
    });
  }

  /** Rewrites the text of every formula on the sheet (a sheet elsewhere was renamed or deleted), with undo. */
  rewriteFormulas(tx: Tx, edit: (formula: string) => string): void {
    const before: [number, string][] = [];
    for (const [key, f] of this.formulas) {
      const g = edit(f);
      if (g === f) continue;
      before.push([key, f]);
      this.formulas.set(key, g);
    }
    if (before.length === 0) return;
    this.host.version++;
    tx.onUndo(() => {
      for (const [key, f] of before) this.formulas.set(key, f);
      this.host.version++;
    });
  }

  /**
   * `Range.values = ...` / `Range.formulas = ...`: a 2-D array matching the range (null leaves a
   * cell alone) or a single value for every cell; strings are read as typed input.
   */
  writeCells(tx: Tx, r: Rect, input: unknown, location: string): void {
    tx.assertCellsWritable(this, () => this.styleOf(r, "protection.locked") === false, location);
    refuseUnbounded(r, location);
    const cells = normalizeInput(input, r, location);
    this.snapshotRegion(tx, r);
    const rows = rectRows(r);
    const cols = rectColumns(r);
    for (let i = 0; i < rows; i++) {
      const line = cells === null ? null : cells[i];
      const rowIndex = r.r0 + i;
      for (let j = 0; j < cols; j++) {
        const v = line === null ? (input as CellInput) : line[j];
        if (v === null) continue;
        const col = r.c0 + j;
        // Fast path (most ledger text): a string starting with a letter other than t/f is plain text
        // whatever the number format, unless it is the empty string.
        if (typeof v === "string" && v.length > 0) {
          const first = v.charCodeAt(0);
          const upper = first & ~32;
          if (((upper >= 65 && upper <= 90) || first > 127) && upper !== 84 && upper !== 70) {
            this.setSlot(rowIndex, col, v);
            continue;
          }
        }
        this.writeCell(rowIndex, col, v, location);
      }
    }
  }

  private writeCell(row: number, col: number, v: Exclude<CellInput, null>, location: string): void {
    if (typeof v === "number") {
      if (!finite(v)) throw invalidArgument(`${v} is not a number Excel can store`, location);
      this.setSlot(row, col, v);
      return;
    }
    if (typeof v === "boolean") {
      this.setSlot(row, col, v);
      return;
    }
    const fmt = this.numberFormatAt(row, col);
    const typed = interpretTyped(v, fmt);
    switch (typed.kind) {
      case "clear":
        this.setSlot(row, col, undefined);
        return;
      case "formula":
        if (!isWellFormedFormula(typed.formula)) throw invalidArgument(`'${typed.formula}' is not a valid formula`, location);
        this.setSlot(row, col, FORMULA_SLOT);
        this.formulas.set(row * MAX_COLUMNS + col, typed.formula);
        return;
      default:
        this.setSlot(row, col, typed.value);
        if (typed.numberFormat && fmt === GENERAL) this.setCellFormat(row, col, typed.numberFormat);
    }
  }

  /** Stores strings as text, uninterpreted (table headers); null leaves a cell alone. */
  writeTexts(tx: Tx, r: Rect, texts: (string | null)[][], location: string): void {
    tx.assertCellsWritable(this, () => this.styleOf(r, "protection.locked") === false, location);
    this.snapshotRegion(tx, r);
    for (let i = 0; i < texts.length; i++) {
      for (let j = 0; j < texts[i].length; j++) {
        const t = texts[i][j];
        if (t !== null) this.setSlot(r.r0 + i, r.c0 + j, t === "" ? undefined : t);
      }
    }
  }

  /** `Range.numberFormat = ...`: '' resets to General, null leaves a cell alone. */
  writeNumberFormats(tx: Tx, r: Rect, input: unknown, location = "Range.numberFormat"): void {
    tx.assertSheetWritable(this, location);
    refuseUnbounded(r, location);
    const cells = normalizeInput(input, r, location);
    const asFormat = (v: CellInput): string | undefined => {
      if (typeof v !== "string") throw invalidArgument(`number format ${JSON.stringify(v)} is not a string`, location);
      return v === "" || v === GENERAL ? undefined : v;
    };
    if (cells === null && (isEntireColumns(r) || isEntireRows(r))) {
      if (input === null) return;
      const fmt = asFormat(input as CellInput);
      if (isEntireColumns(r) && !isEntireRows(r)) {
        this.snapshotRegion(tx, r);
        const saved = new Map<number, string | undefined>();
        for (let c = r.c0; c <= r.c1; c++) saved.set(c, this.columnFormats.get(c));
        tx.onUndo(() => {
          for (const [c, f] of saved) {
            if (f === undefined) this.columnFormats.delete(c);
            else this.columnFormats.set(c, f);
          }
        });
        for (let c = r.c0; c <= r.c1; c++) {
          if (fmt === undefined) this.columnFormats.delete(c);
          else this.columnFormats.set(c, fmt);
        }
        for (let i = 0; i < this.fmtRows.length; i++) {
          const row = this.fmtRows[i];
          if (row) for (let c = r.c0; c <= r.c1; c++) row[c] = undefined;
        }
        return;
      }
    }
    this.snapshotRegion(tx, r);
    for (let i = r.r0; i <= r.r1; i++) {
      const line = cells === null ? null : cells[i - r.r0];
      for (let j = r.c0; j <= r.c1; j++) {
        const v = line === null ? (input as CellInput) : line[j - r.c0];
        if (v === null) continue;
        this.setCellFormat(i, j, asFormat(v));
      }
    }
  }

  /** Range.clear(applyTo): "All" (default), "Contents", "Formats". */
  clear(tx: Tx, r: Rect, applyTo: string, location: string): void {
    const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
    const formats = applyTo === "All" || applyTo === "Formats";
    // Clearing contents is a write to the cells; clearing formats needs an unprotected sheet.
    if (formats) tx.assertSheetWritable(this, location);
    else tx.assertCellsWritable(this, () => this.styleOf(r, "protection.locked") === false, location);
    if (!contents && !formats) return;
    this.snapshotRegion(tx, r);
    const lastRow = Math.min(r.r1, Math.max(this.rows.length, this.fmtRows.length) - 1);
    for (let i = r.r0; i <= lastRow; i++) {
      // Only the cells a row holds: clearing whole rows of a wide sheet stays fast.
      if (contents) {
        const row = this.rows[i];
        if (row) for (let j = r.c0, last = Math.min(r.c1, row.length - 1); j <= last; j++) if (row[j] !== undefined) this.setSlot(i, j, undefined);
      }
      if (formats) {
        const frow = this.fmtRows[i];
        if (frow) for (let j = r.c0, last = Math.min(r.c1, frow.length - 1); j <= last; j++) frow[j] = undefined;
      }
    }
    if (formats) this.resetStyles(tx, r);
  }

  // ---------------------------------------------------------------------------------------
  // Formatting

  setStyle(tx: Tx, r: Rect, key: StyleKey, value: unknown, location: string): void {
    tx.assertSheetWritable(this, location);
    const last = this.styleLayers[this.styleLayers.length - 1];
    if (last && sameRect(last.rect, r) && !last.props.has("*")) {
      const had = last.props.has(key);
      const before = last.props.get(key);
      last.props.set(key, value);
      tx.onUndo(() => {
        if (had) last.props.set(key, before);
        else last.props.delete(key);
      });
      return;
    }
    const layer: StyleLayer = { rect: r, props: new Map([[key, value]]) };
    this.styleLayers.push(layer);
    tx.onUndo(() => {
      const i = this.styleLayers.lastIndexOf(layer);
      if (i >= 0) this.styleLayers.splice(i, 1);
    });
  }

  private resetStyles(tx: Tx, r: Rect): void {
    const layer: StyleLayer = { rect: r, props: new Map([["*", true]]) };
    this.styleLayers.push(layer);
    tx.onUndo(() => {
      const i = this.styleLayers.lastIndexOf(layer);
      if (i >= 0) this.styleLayers.splice(i, 1);
    });
  }

  styleAt(row: number, col: number, key: string): unknown {
    for (let i = this.styleLayers.length - 1; i >= 0; i--) {
      const layer = this.styleLayers[i];
      const x = layer.rect;
      if (row < x.r0 || row > x.r1 || col < x.c0 || col > x.c1) continue;
      if (layer.props.has(key)) return layer.props.get(key);
      if (layer.props.has("*")) return styleDefault(key);
    }
    return styleDefault(key);
  }

  /** A style property over a range: its value when every cell agrees, else null (as Excel reports). */
  styleOf(r: Rect, key: string): unknown {
    const relevant = this.styleLayers.filter((l) => (l.props.has(key) || l.props.has("*")) && intersect(l.rect, r));
    // Newest layer covering the whole range decides, unless a newer partial layer differs.
    let base: unknown = styleDefault(key);
    let from = 0;
    for (let i = relevant.length - 1; i >= 0; i--) {
      if (contains(relevant[i].rect, r)) {
        base = relevant[i].props.has(key) ? relevant[i].props.get(key) : styleDefault(key);
        from = i + 1;
        break;
      }
    }
    const partial = relevant.slice(from);
    if (partial.length === 0) return base;
    // Small ranges: check cell by cell. Large ranges with partial layers: mixed unless every partial layer agrees with base.
    const cells = rectRows(r) * rectColumns(r);
    if (cells <= 100_000) {
      let first: unknown = undefined;
      let seen = false;
      for (let i = r.r0; i <= r.r1; i++) {
        for (let j = r.c0; j <= r.c1; j++) {
          const v = this.styleAt(i, j, key);
          if (!seen) {
            first = v;
            seen = true;
          } else if (v !== first) return null;
        }
      }
      return first;
    }
    return partial.every((l) => (l.props.has(key) ? l.props.get(key) : styleDefault(key)) === base) ? base : null;
  }

  columnWidthOf(r: Rect): number | null {
    if (isEntireRows(r)) return this.columnWidths.size === 0 ? this.standardWidth : null;
    const first = this.columnWidths.get(r.c0) ?? this.standardWidth;
    for (let c = r.c0 + 1; c <= r.c1; c++) if ((this.columnWidths.get(c) ?? this.standardWidth) !== first) return null;
    return first;
  }

  setColumnWidth(tx: Tx, r: Rect, width: unknown, location: string): void {
    tx.assertSheetWritable(this, location);
    if (typeof width !== "number" || !(width >= 0)) throw invalidArgument(`column width ${String(width)}`, location);
    const saved = new Map(this.columnWidths);
    const savedStandard = this.standardWidth;
    tx.onUndo(() => {
      this.columnWidths.clear();
      for (const [k, v] of saved) this.columnWidths.set(k, v);
      this.standardWidth = savedStandard;
    });
    if (isEntireRows(r)) {
      this.columnWidths.clear();
      this.standardWidth = width;
      return;
    }
    for (let c = r.c0; c <= r.c1; c++) this.columnWidths.set(c, width);
  }

  rowHeightOf(r: Rect): number | null {
    if (isEntireColumns(r)) return this.rowHeights.size === 0 ? this.standardHeight : null;
    const first = this.rowHeights.get(r.r0) ?? this.standardHeight;
    for (let i = r.r0 + 1; i <= r.r1; i++) if ((this.rowHeights.get(i) ?? this.standardHeight) !== first) return null;
    return first;
  }

  setRowHeight(tx: Tx, r: Rect, height: unknown, location: string): void {
    tx.assertSheetWritable(this, location);
    if (typeof height !== "number" || !(height >= 0)) throw invalidArgument(`row height ${String(height)}`, location);
    const saved = new Map(this.rowHeights);
    tx.onUndo(() => {
      this.rowHeights.clear();
      for (const [k, v] of saved) this.rowHeights.set(k, v);
    });
    const last = Math.min(r.r1, r.r0 + 100_000);
    for (let i = r.r0; i <= last; i++) this.rowHeights.set(i, height);
  }

  /** Sizes columns to their longest text, roughly as Excel does (about 7 points a character). */
  autofit(tx: Tx, r: Rect, location: string): void {
    tx.assertSheetWritable(this, location);
    const used = this.usedRect(true);
    const area = used ? intersect(r, used) : null;
    const saved = new Map(this.columnWidths);
    const savedAutofit = new Set(this.autofitColumns);
    tx.onUndo(() => {
      this.columnWidths.clear();
      for (const [k, v] of saved) this.columnWidths.set(k, v);
      this.autofitColumns.clear();
      for (const c of savedAutofit) this.autofitColumns.add(c);
    });
    const firstCol = r.c0;
    const lastCol = isEntireRows(r) ? (used ? used.c1 : -1) : r.c1;
    for (let c = firstCol; c <= lastCol; c++) {
      let longest = 0;
      if (area && c >= area.c0 && c <= area.c1) {
        for (let i = area.r0; i <= area.r1; i++) {
          const text = formatValue(this.valueAt(i, c), this.numberFormatAt(i, c));
          let len = 0;
          for (const ch of text) len += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
          if (len > longest) longest = len;
        }
      }
      this.columnWidths.set(c, longest === 0 ? this.standardWidth : Math.min(409.5, Math.round((longest * 7 + 5) * 0.75 * 100) / 100));
      this.autofitColumns.add(c);
    }
  }

  setHidden(tx: Tx, r: Rect, axis: "rows" | "columns", hidden: unknown, location: string): void {
    tx.assertSheetWritable(this, location);
    if (typeof hidden !== "boolean") throw invalidArgument(`hidden must be a boolean`, location);
    const set = axis === "rows" ? this.hiddenRows : this.hiddenColumns;
    const saved = new Set(set);
    tx.onUndo(() => {
      set.clear();
      for (const x of saved) set.add(x);
    });
    const [from, to] = axis === "rows" ? [r.r0, Math.min(r.r1, r.r0 + 100_000)] : [r.c0, r.c1];
    for (let i = from; i <= to; i++) {
      if (hidden) set.add(i);
      else set.delete(i);
    }
  }

  /** Range.merge(across): Excel keeps the top-left value of each merged area and clears the rest. */
  merge(tx: Tx, r: Rect, across: boolean, location: string): void {
    tx.assertSheetWritable(this, location);
    const areas = across ? Array.from({ length: rectRows(r) }, (_, k) => rect(r.r0 + k, r.c0, r.r0 + k, r.c1)) : [r];
    const savedMerges = this.merges.slice();
    this.snapshotRegion(tx, r);
    tx.onUndo(() => {
      this.merges = savedMerges;
    });
    this.merges = this.merges.filter((m) => !intersect(m, r));
    for (const a of areas) {
      if (a.r0 === a.r1 && a.c0 === a.c1) continue;
      for (let i = a.r0; i <= a.r1; i++) for (let j = a.c0; j <= a.c1; j++) if (i !== a.r0 || j !== a.c0) this.setSlot(i, j, undefined);
      this.merges.push(a);
    }
  }

  unmerge(tx: Tx, r: Rect, location: string): void {
    tx.assertSheetWritable(this, location);
    const saved = this.merges.slice();
    tx.onUndo(() => {
      this.merges = saved;
    });
    this.merges = this.merges.filter((m) => !intersect(m, r));
  }

  /** Geometry in points, for Range.left/top/width/height. */
  columnsWidth(c0: number, c1: number): number {
    let total = (c1 - c0 + 1) * this.standardWidth;
    for (const [c, w] of this.columnWidths) if (c >= c0 && c <= c1) total += w - this.standardWidth;
    return total;
  }

  rowsHeight(r0: number, r1: number): number {
    let total = (r1 - r0 + 1) * this.standardHeight;
    for (const [r, h] of this.rowHeights) if (r >= r0 && r <= r1) total += h - this.standardHeight;
    return total;
  }

  address(r: Rect, absolute = false): string {
    return fullAddress(this.name, r, absolute);
  }

  cellAddress(row: number, col: number): string {
    return `${this.name}!${cellAddress(row, col)}`;
  }
}

type CellInput = string | number | boolean | null;

/**
 * Checks a value written to a range: a 2-D array whose size matches the range, or a single value
 * for every cell. Returns the rows, or null for a single value. Dates and other objects with
 * toJSON travel as their JSON string, as they would through Office.js.
 */
function normalizeInput(input: unknown, r: Rect, location: string): CellInput[][] | null {
  if (input === null || input === undefined) throw invalidArgument("null is not a valid input for a range property", location);
  if (!isArray(input)) {
    checkCell(input, location);
    return null;
  }
  const rows = rectRows(r);
  const cols = rectColumns(r);
  const mismatch = (): Error =>
    invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${input.length}×${Array.isArray(input[0]) ? (input[0] as unknown[]).length : "?"} for ${rows}×${cols})`,
      location,
    );
  if (input.length !== rows) throw mismatch();
  // The caller's arrays are left untouched; a row is copied only when a value needs converting.
  let out = input as unknown[][];
  for (let i = 0; i < rows; i++) {
    let line = out[i];
    if (!isArray(line) || line.length !== cols) throw mismatch();
    for (let j = 0; j < cols; j++) {
      const v = line[j];
      if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") continue;
      if (out === input) out = input.slice();
      if (line === (input as unknown[][])[i]) line = out[i] = line.slice();
      line[j] = checkCell(v, location);
    }
  }
  return out as CellInput[][];
}

function checkCell(v: unknown, location: string): CellInput {
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v !== undefined && typeof (v as { toJSON?: unknown }).toJSON === "function") {
    const j = (v as { toJSON: () => unknown }).toJSON();
    if (typeof j === "string") return j;
  }
  throw invalidArgument(`${typeof v} ${String(v)} is not a cell value`, location);
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.r0 === b.r0 && a.r1 === b.r1 && a.c0 === b.c0 && a.c1 === b.c1;
}

export function valueType(v: StoredValue | undefined): string {
  if (v === undefined) return "Empty";
  switch (typeof v) {
    case "string":
      return "String";
    case "number":
      return "Double";
    case "boolean":
      return "Boolean";
    default:
      return "Error";
  }
}

const ERROR_TYPES: Record<string, string> = {
  "#N/A": "NotAvailable",
  "#DIV/0!": "Div0",
  "#VALUE!": "Value",
  "#REF!": "Ref",
  "#NAME?": "Name",
  "#NUM!": "Num",
  "#NULL!": "Null",
  "#SPILL!": "Spill",
  "#CALC!": "Calc",
  "#BUSY!": "Busy",
  "#CONNECT!": "Connect",
  "#FIELD!": "Field",
  "#BLOCKED!": "Blocked",
  "#GETTING_DATA": "GettingData",
  "#UNKNOWN!": "Unknown",
};

function cellValueJson(v: StoredValue | undefined): Record<string, unknown> {
  if (v === undefined) return { type: "Empty", basicType: "Empty", basicValue: "" };
  switch (typeof v) {
    case "string":
      return { type: "String", basicType: "String", basicValue: v };
    case "number":
      return { type: "Double", basicType: "Double", basicValue: v };
    case "boolean":
      return { type: "Boolean", basicType: "Boolean", basicValue: v };
    default:
      return { type: "Error", basicType: "Error", basicValue: v.code, errorType: ERROR_TYPES[v.code] ?? "Placeholder" };
  }
}
