/**
 * The in-memory workbook behind the fake: sheets in tab order, tables, defined names, settings,
 * the active sheet and selection, and a read-only flag. Test side: `getSheet(name).cell("B2")`,
 * `settings.get(key)`, `toData()`. Host side: the `Tx`-taking methods proxies call during a batch.
 */
import { fullAddress, intersect, localAddress, parseAddress, rect, rectRows, toCell, type Rect } from "./address";
import { cellError, type StoredValue } from "./cell-values";
import { bindCustomFunctions, type BoundCustomFunction, type FakeCalculationOptions } from "./custom-functions";
import { rewriteSheetReferences, sheetPrefix } from "./formula";
import type { FakeCellData, FakeSheetData, FakeWorkbookData, JsonValue } from "./data";
import {
  ErrorCodes,
  FakeOfficeError,
  invalidArgument,
  invalidOperation,
  itemAlreadyExists,
} from "./errors";
import { FakeSheet } from "./sheet";
import { Tx } from "./tx";

export class FakeTable {
  style = "TableStyleMedium2";
  showTotals = false;
  showHeaders = true;
  showBandedRows = true;
  showBandedColumns = false;
  showFilterButton = true;
  highlightFirstColumn = false;
  highlightLastColumn = false;
  deleted = false;

  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: FakeSheet,
    /** Header row included. */
    public rect: Rect,
  ) {}

  /** "Ledger!A1:F200" */
  get address(): string {
    return fullAddress(this.sheet.name, this.rect);
  }

  get headers(): string[] {
    return this.sheet.readValues(rect(this.rect.r0, this.rect.c0, this.rect.r0, this.rect.c1))[0].map(String);
  }

  get headerRect(): Rect {
    return rect(this.rect.r0, this.rect.c0, this.rect.r0, this.rect.c1);
  }

  get dataRect(): Rect {
    return rect(this.rect.r0 + 1, this.rect.c0, this.rect.r1, this.rect.c1);
  }
}

/** Table headers are unique, non-empty text, as Excel makes them ("Column4", "Name2", "2024"). */
function normalizeHeaders(tx: Tx, table: FakeTable, location: string): void {
  const raw = table.sheet.readValues(table.headerRect)[0];
  const used = new Set<string>();
  const headers = raw.map((v, k) => {
    let text = v === "" ? `Column${k + 1}` : String(v);
    if (used.has(text.toLowerCase())) {
      let suffix = 2;
      while (used.has(`${text}${suffix}`.toLowerCase())) suffix++;
      text = `${text}${suffix}`;
    }
    used.add(text.toLowerCase());
    return text;
  });
  if (headers.some((h, k) => h !== raw[k])) {
    table.sheet.writeTexts(tx, table.headerRect, [headers.map((h, k) => (h !== raw[k] ? h : null))], location);
  }
}

type NamedTarget = { readonly sheet: FakeSheet; readonly rect: Rect } | { readonly constant: StoredValue };

export class FakeNamedItem {
  deleted = false;
  visible = true;

  constructor(
    readonly name: string,
    public target: NamedTarget,
    public comment: string,
  ) {}

  /** "=Ledger!$A$1:$C$9" or "=0.05". */
  get formula(): string {
    const t = this.target;
    if ("sheet" in t) return t.sheet.deleted ? "=#REF!" : `=${fullAddress(t.sheet.name, t.rect, true)}`;
    const v = t.constant;
    return typeof v === "string" ? `="${v.replace(/"/g, '""')}"` : typeof v === "object" ? `=${v.code}` : `=${String(v).toUpperCase()}`;
  }

  /** Excel.NamedItemType */
  get type(): string {
    const t = this.target;
    if ("sheet" in t) return t.sheet.deleted ? "Error" : "Range";
    const v = t.constant;
    return typeof v === "string" ? "String" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "Error";
  }

  get value(): unknown {
    const t = this.target;
    if ("sheet" in t) return t.sheet.deleted ? "#REF!" : fullAddress(t.sheet.name, t.rect, true);
    return typeof t.constant === "object" ? t.constant.code : t.constant;
  }
}

export class FakeSetting {
  deleted = false;
  constructor(
    readonly key: string,
    public json: string,
  ) {}
}

/** Test-side view of the workbook's settings (values are JSON round-tripped, as Excel stores them). */
export interface FakeSettingsView {
  get(key: string): JsonValue | undefined;
  set(key: string, value: JsonValue): void;
  has(key: string): boolean;
  delete(key: string): boolean;
  keys(): string[];
  toJSON(): Record<string, JsonValue>;
}

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;
const NOT_YET_REGISTERED: BoundCustomFunction = () => cellError("#NAME?");
const NAME_PATTERN = /^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u;

export class FakeWorkbook {
  name: string;
  readOnly = false;
  calculationMode = "Automatic";
  private sheetList: FakeSheet[] = [];
  private tableList: FakeTable[] = [];
  private nameList: FakeNamedItem[] = [];
  private readonly settingStore = new Map<string, FakeSetting>();
  private activeSheetId: string | undefined;
  private readonly selections = new Map<string, Rect>();
  private tableCounter = 0;
  private settingsView: FakeSettingsView | undefined;
  private readonly customFunctions: ReadonlyMap<string, BoundCustomFunction>;
  private registered = true;
  /** Bumped by every change to a cell (SheetHost). */
  version = 0;
  readonly formulaSpelling: ((formula: string) => string) | undefined;

  constructor(data?: FakeWorkbookData, calculation?: FakeCalculationOptions) {
    this.customFunctions = bindCustomFunctions(calculation);
    this.formulaSpelling = calculation?.formulaSpelling;
    this.name = data?.name ?? "Book1.xlsx";
    const sheets = data?.sheets && data.sheets.length > 0 ? data.sheets : [{ name: "Sheet1" }];
    for (const s of sheets) this.loadSheet(s);
    const active = data?.activeSheet ? this.findSheet(data.activeSheet) : this.sheetList.find((s) => s.visibility === "Visible");
    this.activeSheetId = (active ?? this.sheetList[0]).id;
    for (const [key, value] of Object.entries(data?.settings ?? {})) this.settingStore.set(key, new FakeSetting(key, JSON.stringify(value)));
    for (const n of data?.names ?? []) this.nameList.push(new FakeNamedItem(n.name, this.parseNameRef(n.ref), n.comment ?? ""));
    this.readOnly = data?.readOnly ?? false;
  }

  private loadSheet(s: FakeSheetData): void {
    if (this.findSheet(s.name)) throw new Error(`FakeExcel: duplicate sheet name '${s.name}' in workbook data`);
    const sheet = new FakeSheet(this, s.name);
    this.sheetList.push(sheet);
    if (Array.isArray(s.cells)) {
      sheet.setValues(s.origin ?? "A1", s.cells);
    } else if (s.cells) {
      for (const [address, value] of Object.entries(s.cells)) sheet.setValues(address, [[value]]);
    }
    for (const [address, formula] of Object.entries(s.formulas ?? {})) sheet.setFormula(address, formula);
    for (const [address, code] of Object.entries(s.errors ?? {})) sheet.setError(address, code);
    for (const [address, format] of Object.entries(s.numberFormats ?? {})) sheet.setNumberFormat(address, format);
    for (const [letter, width] of Object.entries(s.columnWidths ?? {})) sheet.columnWidths.set(toCell(`${letter}1`).col, width);
    if (s.visibility) sheet.visibility = s.visibility;
    if (s.protected) sheet.protect();
    if (s.selection) {
      const sel = parseAddress(s.selection);
      if (sel) this.selections.set(sheet.id, sel.rect);
    }
    for (const t of s.tables ?? []) {
      const parsed = parseAddress(t.range);
      if (!parsed) throw new Error(`FakeExcel: table range '${t.range}' is not an address`);
      const table = new FakeTable(String(++this.tableCounter), t.name, sheet, parsed.rect);
      if (t.style) table.style = t.style;
      if (t.showTotals) table.showTotals = t.showTotals;
      normalizeHeaders(new Tx(this, false), table, "FakeWorkbookData.tables");
      this.tableList.push(table);
    }
  }

  private parseNameRef(ref: string): NamedTarget {
    const text = ref.startsWith("=") ? ref.slice(1) : ref;
    const parsed = parseAddress(text);
    if (parsed?.sheet) {
      const sheet = this.findSheet(parsed.sheet);
      if (!sheet) throw new Error(`FakeExcel: name refers to missing sheet '${parsed.sheet}'`);
      return { sheet, rect: parsed.rect };
    }
    if (/^".*"$/.test(text)) return { constant: text.slice(1, -1).replace(/""/g, '"') };
    if (/^(TRUE|FALSE)$/i.test(text)) return { constant: text.toUpperCase() === "TRUE" };
    if (text.startsWith("#")) return { constant: cellError(text) };
    const n = Number(text);
    if (text !== "" && Number.isFinite(n)) return { constant: n };
    return { constant: text };
  }

  // ---------------------------------------------------------------------------------------
  // Test side

  sheets(): FakeSheet[] {
    return this.sheetList.slice();
  }

  /** Throws when there is no such sheet (names compare case-insensitively, as in Excel). */
  getSheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`FakeExcel: no sheet named '${name}' (sheets: ${this.sheetList.map((x) => x.name).join(", ")})`);
    return s;
  }

  hasSheet(name: string): boolean {
    return this.findSheet(name) !== undefined;
  }

  tables(): FakeTable[] {
    return this.tableList.slice();
  }

  names(): FakeNamedItem[] {
    return this.nameList.slice();
  }

  get activeSheet(): FakeSheet {
    return this.sheetList.find((s) => s.id === this.activeSheetId) ?? this.sheetList[0];
  }

  /** "Sheet1!B2:C4": the selection on the active sheet. */
  get selectedAddress(): string {
    return fullAddress(this.activeSheet.name, this.selectionOf(this.activeSheet));
  }

  get settings(): FakeSettingsView {
    if (!this.settingsView) {
      const store = this.settingStore;
      this.settingsView = {
        get: (key) => {
          const s = store.get(key);
          return s ? (JSON.parse(s.json) as JsonValue) : undefined;
        },
        set: (key, value) => {
          store.set(key, new FakeSetting(key, JSON.stringify(value)));
        },
        has: (key) => store.has(key),
        delete: (key) => store.delete(key),
        keys: () => [...store.keys()],
        toJSON: () => Object.fromEntries([...store.values()].map((s) => [s.key, JSON.parse(s.json) as JsonValue])),
      };
    }
    return this.settingsView;
  }

  /** A snapshot in the FakeWorkbookData shape (values, formulas, errors, cell number formats, tables, names, settings). */
  toData(): FakeWorkbookData {
    const sheets: FakeSheetData[] = this.sheetList.map((sheet) => {
      const used = sheet.usedRect(true);
      const data: FakeSheetData = { name: sheet.name };
      if (used) {
        const cells: FakeCellData[][] = [];
        const formulas: Record<string, string> = {};
        const errors: Record<string, string> = {};
        for (let i = 0; i <= used.r1; i++) {
          const line: FakeCellData[] = [];
          for (let j = 0; j <= used.c1; j++) {
            const f = sheet.formulaAt(i, j);
            const address = localAddress(rect(i, j, i, j));
            if (f !== null) {
              formulas[address] = f;
              line.push(null);
              continue;
            }
            const v = sheet.valueAt(i, j);
            if (v !== undefined && typeof v === "object") {
              errors[address] = v.code;
              line.push(null);
            } else line.push(v ?? null);
          }
          cells.push(line);
        }
        data.cells = cells;
        if (Object.keys(formulas).length > 0) data.formulas = formulas;
        if (Object.keys(errors).length > 0) data.errors = errors;
        const formats: Record<string, string> = {};
        const fmtUsed = sheet.usedRect(false) ?? used;
        for (let i = 0; i <= fmtUsed.r1; i++) {
          for (let j = 0; j <= fmtUsed.c1; j++) {
            const fmt = sheet.numberFormatAt(i, j);
            if (fmt !== "General") formats[localAddress(rect(i, j, i, j))] = fmt;
          }
        }
        if (Object.keys(formats).length > 0) data.numberFormats = formats;
      }
      const tables = this.tableList.filter((t) => t.sheet === sheet).map((t) => ({ name: t.name, range: localAddress(t.rect), style: t.style }));
      if (tables.length > 0) data.tables = tables;
      if (sheet.isProtected) data.protected = true;
      if (sheet.visibility !== "Visible") data.visibility = sheet.visibility as FakeSheetData["visibility"];
      return data;
    });
    return {
      name: this.name,
      sheets,
      activeSheet: this.activeSheet.name,
      settings: this.settings.toJSON(),
      names: this.nameList.map((n) => ({ name: n.name, ref: n.formula, ...(n.comment ? { comment: n.comment } : {}) })),
      ...(this.readOnly ? { readOnly: true } : {}),
    };
  }

  // ---------------------------------------------------------------------------------------
  // Lookups used by proxies and formulas

  findSheet(nameOrId: string): FakeSheet | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheetList.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  customFunction(name: string): BoundCustomFunction | undefined {
    const fn = this.customFunctions.get(name);
    return fn && !this.registered ? NOT_YET_REGISTERED : fn;
  }

  /**
   * False models the moments after a workbook opens, before the add-in's custom functions have
   * registered: formulas calling them show #NAME? (office-js issues #6611, #6395). Default true.
   */
  get customFunctionsRegistered(): boolean {
    return this.registered;
  }

  set customFunctionsRegistered(v: boolean) {
    this.registered = v;
    this.version++;
  }

  sheetPosition(sheet: FakeSheet): number {
    return this.sheetList.indexOf(sheet);
  }

  selectionOf(sheet: FakeSheet): Rect {
    return this.selections.get(sheet.id) ?? rect(0, 0, 0, 0);
  }

  findTable(nameOrId: string): FakeTable | undefined {
    const lower = nameOrId.toLowerCase();
    return this.tableList.find((t) => t.id === nameOrId || t.name.toLowerCase() === lower);
  }

  tablesOn(sheet: FakeSheet): FakeTable[] {
    return this.tableList.filter((t) => t.sheet === sheet);
  }

  findName(name: string): FakeNamedItem | undefined {
    const lower = name.toLowerCase();
    return this.nameList.find((n) => n.name.toLowerCase() === lower);
  }

  settingList(): FakeSetting[] {
    return [...this.settingStore.values()];
  }

  findSetting(key: string): FakeSetting | undefined {
    return this.settingStore.get(key);
  }

  // ---------------------------------------------------------------------------------------
  // Host side: sheets

  private validateSheetName(name: unknown, except?: FakeSheet): string {
    if (typeof name !== "string" || name.length === 0 || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history") {
      throw invalidArgument(`'${String(name)}' is not a valid sheet name`, "Worksheet.name");
    }
    const clash = this.findSheet(name);
    if (clash && clash !== except) throw itemAlreadyExists(`a sheet named '${name}' already exists`, "Worksheet.name");
    return name;
  }

  addSheet(tx: Tx, name: string | undefined): FakeSheet {
    tx.assertWorkbookWritable("Worksheets.add");
    let finalName = name;
    if (finalName === undefined) {
      let n = this.sheetList.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    }
    const sheet = new FakeSheet(this, this.validateSheetName(finalName));
    this.sheetList.push(sheet);
    tx.onUndo(() => {
      this.sheetList = this.sheetList.filter((s) => s !== sheet);
      sheet.deleted = true;
    });
    return sheet;
  }

  /**
   * Worksheet.delete. Every formula elsewhere that pointed at the sheet now says #REF! in its place
   * ("=#REF!A1"), and stays so: a new sheet given the old name later does not repair it (a
   * reference follows the sheet, not its name; issue 15 of this project, checked in Excel; the
   * API reference warns only that "VeryHidden" sheets cannot be deleted, which the fake refuses too).
   * Defined names that pointed at it become "=#REF!" (FakeNamedItem.formula).
   */
  deleteSheet(tx: Tx, sheet: FakeSheet): void {
    tx.assertWorkbookWritable("Worksheet.delete");
    if (sheet.visibility === "VeryHidden") throw invalidOperation("a VeryHidden worksheet cannot be deleted; make it hidden or visible first", "Worksheet.delete");
    const visible = this.sheetList.filter((s) => s.visibility === "Visible" && !s.deleted);
    if (visible.length === 1 && visible[0] === sheet) throw invalidOperation("a workbook must contain at least one visible worksheet", "Worksheet.delete");
    const savedSheets = this.sheetList.slice();
    const savedTables = this.tableList.slice();
    const savedActive = this.activeSheetId;
    this.sheetList = this.sheetList.filter((s) => s !== sheet);
    this.tableList = this.tableList.filter((t) => t.sheet !== sheet);
    for (const t of savedTables) if (t.sheet === sheet) t.deleted = true;
    sheet.deleted = true;
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheetList.find((s) => s.visibility === "Visible")?.id;
    const gone = sheet.name.toLowerCase();
    for (const other of this.sheetList) other.rewriteFormulas(tx, (f) => rewriteSheetReferences(f, (name) => (name.toLowerCase() === gone ? "#REF!" : null)));
    tx.onUndo(() => {
      this.sheetList = savedSheets;
      this.tableList = savedTables;
      for (const t of savedTables) if (t.sheet === sheet) t.deleted = false;
      sheet.deleted = false;
      this.activeSheetId = savedActive;
    });
  }

  renameSheet(tx: Tx, sheet: FakeSheet, name: unknown): void {
    tx.assertWorkbookWritable("Worksheet.name");
    const valid = this.validateSheetName(name, sheet);
    const before = sheet.name;
    sheet.name = valid;
    tx.onUndo(() => {
      sheet.name = before;
    });
    // References follow the sheet to its new name: Excel rewrites every formula that names it.
    const old = before.toLowerCase();
    if (valid !== before) for (const s of this.sheetList) s.rewriteFormulas(tx, (f) => rewriteSheetReferences(f, (n) => (n.toLowerCase() === old ? sheetPrefix(valid) : null)));
  }

  moveSheet(tx: Tx, sheet: FakeSheet, position: unknown): void {
    tx.assertWorkbookWritable("Worksheet.position");
    if (typeof position !== "number" || !Number.isInteger(position) || position < 0 || position >= this.sheetList.length) {
      throw invalidArgument(`position ${String(position)} is outside 0..${this.sheetList.length - 1}`, "Worksheet.position");
    }
    const saved = this.sheetList.slice();
    const rest = this.sheetList.filter((s) => s !== sheet);
    rest.splice(position, 0, sheet);
    this.sheetList = rest;
    tx.onUndo(() => {
      this.sheetList = saved;
    });
  }

  setVisibility(tx: Tx, sheet: FakeSheet, visibility: unknown): void {
    tx.assertWorkbookWritable("Worksheet.visibility");
    if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") {
      throw invalidArgument(`visibility '${String(visibility)}'`, "Worksheet.visibility");
    }
    if (visibility !== "Visible" && sheet.visibility === "Visible" && this.sheetList.filter((s) => s.visibility === "Visible").length === 1) {
      throw invalidOperation("a workbook must contain at least one visible worksheet", "Worksheet.visibility");
    }
    const before = sheet.visibility;
    const beforeActive = this.activeSheetId;
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheetId === sheet.id) this.activeSheetId = this.sheetList.find((s) => s.visibility === "Visible")?.id;
    tx.onUndo(() => {
      sheet.visibility = before;
      this.activeSheetId = beforeActive;
    });
  }

  activate(tx: Tx, sheet: FakeSheet, selection?: Rect): void {
    if (sheet.visibility !== "Visible") throw invalidOperation(`the sheet '${sheet.name}' is hidden`, "Worksheet.activate");
    const before = this.activeSheetId;
    const beforeSel = this.selections.get(sheet.id);
    this.activeSheetId = sheet.id;
    if (selection) this.selections.set(sheet.id, selection);
    tx.onUndo(() => {
      this.activeSheetId = before;
      if (beforeSel) this.selections.set(sheet.id, beforeSel);
      else this.selections.delete(sheet.id);
    });
  }

  // ---------------------------------------------------------------------------------------
  // Host side: tables

  private validateObjectName(name: unknown, location: string, except?: object): string {
    if (typeof name !== "string" || name.length === 0 || name.length > 255 || !NAME_PATTERN.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) {
      throw invalidArgument(`'${String(name)}' is not a valid name`, location);
    }
    const table = this.findTable(name);
    const named = this.findName(name);
    if ((table && table !== except) || (named && named !== except)) throw itemAlreadyExists(`the name '${name}' is already used`, location);
    return name;
  }

  addTable(tx: Tx, sheet: FakeSheet, r: Rect, hasHeaders: boolean): FakeTable {
    const location = "TableCollection.add";
    tx.assertSheetWritable(sheet, location);
    if (!hasHeaders) {
      throw new FakeOfficeError(ErrorCodes.notImplemented, "FakeExcel: TableCollection.add with hasHeaders=false is not implemented", location);
    }
    const full = rectRows(r) === 1 ? rect(r.r0, r.c0, r.r0 + 1, r.c1) : r;
    for (const t of this.tableList) {
      if (t.sheet === sheet && intersect(t.rect, full)) {
        throw new FakeOfficeError(ErrorCodes.mergedRangeConflict, "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.", location);
      }
    }
    if (sheet.merges.some((m) => intersect(m, full))) {
      throw new FakeOfficeError(ErrorCodes.mergedRangeConflict, "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.", location);
    }
    let n = this.tableCounter + 1;
    while (this.findTable(`Table${n}`) || this.findName(`Table${n}`)) n++;
    const savedCounter = this.tableCounter;
    this.tableCounter = n;
    const table = new FakeTable(String(n), `Table${n}`, sheet, full);
    normalizeHeaders(tx, table, location);
    this.tableList.push(table);
    tx.onUndo(() => {
      this.tableList = this.tableList.filter((t) => t !== table);
      this.tableCounter = savedCounter;
      table.deleted = true;
    });
    return table;
  }

  renameTable(tx: Tx, table: FakeTable, name: unknown): void {
    tx.assertSheetWritable(table.sheet, "Table.name");
    const valid = this.validateObjectName(name, "Table.name", table);
    const before = table.name;
    table.name = valid;
    tx.onUndo(() => {
      table.name = before;
    });
  }

  deleteTable(tx: Tx, table: FakeTable, keepCells: boolean): void {
    tx.assertSheetWritable(table.sheet, "Table.delete");
    const saved = this.tableList.slice();
    this.tableList = this.tableList.filter((t) => t !== table);
    table.deleted = true;
    if (!keepCells) table.sheet.clear(tx, table.rect, "All", "Table.delete");
    tx.onUndo(() => {
      this.tableList = saved;
      table.deleted = false;
    });
  }

  /** TableRowCollection.add at the end: the table grows into empty rows below it. */
  appendTableRows(tx: Tx, table: FakeTable, values: unknown, count: number): Rect {
    const location = "TableRowCollection.add";
    tx.assertSheetWritable(table.sheet, location);
    const below = rect(table.rect.r1 + 1, table.rect.c0, table.rect.r1 + count, table.rect.c1);
    const used = table.sheet.usedRect(true);
    if (used && intersect(below, used) && table.sheet.readValues(below).some((row) => row.some((v) => v !== ""))) {
      throw new FakeOfficeError(ErrorCodes.notImplemented, "FakeExcel: adding table rows above non-empty cells (which Excel shifts down) is not implemented", location);
    }
    const before = table.rect;
    table.rect = rect(before.r0, before.c0, before.r1 + count, before.c1);
    tx.onUndo(() => {
      table.rect = before;
    });
    if (values !== undefined) table.sheet.writeCells(tx, below, values, location);
    return below;
  }

  // ---------------------------------------------------------------------------------------
  // Host side: names and settings

  addName(tx: Tx, name: unknown, target: NamedTarget, comment: unknown): FakeNamedItem {
    tx.assertWorkbookWritable("NamedItemCollection.add");
    const valid = this.validateObjectName(name, "NamedItemCollection.add");
    const item = new FakeNamedItem(valid, target, typeof comment === "string" ? comment : "");
    this.nameList.push(item);
    tx.onUndo(() => {
      this.nameList = this.nameList.filter((n) => n !== item);
      item.deleted = true;
    });
    return item;
  }

  deleteName(tx: Tx, item: FakeNamedItem): void {
    tx.assertWorkbookWritable("NamedItem.delete");
    const saved = this.nameList.slice();
    this.nameList = this.nameList.filter((n) => n !== item);
    item.deleted = true;
    tx.onUndo(() => {
      this.nameList = saved;
      item.deleted = false;
    });
  }

  parseNameTarget(ref: string, location: string): NamedTarget {
    const text = ref.startsWith("=") ? ref.slice(1) : ref;
    const parsed = parseAddress(text);
    if (parsed) {
      const sheet = parsed.sheet ? this.findSheet(parsed.sheet) : this.activeSheet;
      if (!sheet) throw invalidArgument(`'${ref}' refers to a missing sheet`, location);
      return { sheet, rect: parsed.rect };
    }
    try {
      return this.parseNameRef(ref);
    } catch {
      throw invalidArgument(`'${ref}' is not a reference`, location);
    }
  }

  setSetting(tx: Tx, key: unknown, value: unknown, location: string): FakeSetting {
    tx.assertWorkbookWritable(location);
    if (typeof key !== "string" || key.length === 0) throw invalidArgument("a setting key must be a non-empty string", location);
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch (e) {
      throw invalidArgument(`the setting value is not JSON-serialisable (${String(e)})`, location);
    }
    if (json === undefined) throw invalidArgument("the setting value is not JSON-serialisable", location);
    const existing = this.settingStore.get(key);
    if (existing) {
      const before = existing.json;
      existing.json = json;
      tx.onUndo(() => {
        existing.json = before;
      });
      return existing;
    }
    const setting = new FakeSetting(key, json);
    this.settingStore.set(key, setting);
    tx.onUndo(() => {
      this.settingStore.delete(key);
      setting.deleted = true;
    });
    return setting;
  }

  deleteSetting(tx: Tx, setting: FakeSetting): void {
    tx.assertWorkbookWritable("Setting.delete");
    if (this.settingStore.get(setting.key) !== setting) return;
    this.settingStore.delete(setting.key);
    setting.deleted = true;
    tx.onUndo(() => {
      this.settingStore.set(setting.key, setting);
      setting.deleted = false;
    });
  }

  /** Sets a field of some record (page layout, chart, conditional format, table), with undo. */
  setField(tx: Tx, record: object, key: string, value: unknown): void {
    const r = record as Record<string, unknown>;
    const before = r[key];
    r[key] = value;
    tx.onUndo(() => {
      r[key] = before;
    });
  }
}
