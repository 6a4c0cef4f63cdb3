/**
 * The workbook proxy and the workbook-wide collections: tables, defined names, settings, and the
 * application object.
 */
import { parseAddress, rect, rectRows } from "./address";
import { defineType, FakeClientObject, FakeCollectionObject, preview, type ScalarSpec } from "./client-object";
import { invalidArgument, invalidOperation, itemNotFound, notImplemented } from "./errors";
import { FakeRange, rangeArgument, type RangeRef } from "./proxies-range";
import { FakeWorksheet, FakeWorksheetCollection } from "./proxies-sheet";
import type { FakeSheet } from "./sheet";
import type { Tx } from "./tx";
import { FakeNamedItem, FakeSetting, FakeTable, type FakeWorkbook } from "./workbook";

// ---------------------------------------------------------------------------------------------
// Workbook and Application

export class FakeWorkbookProxy extends FakeClientObject<FakeWorkbook> {
  declare readonly name: string;
  declare readonly readOnly: boolean;

  get worksheets(): FakeWorksheetCollection {
    return this._child("worksheets", () => new FakeWorksheetCollection(this._ctx, "worksheets", (tx) => this._targetIn(tx)));
  }

  get tables(): FakeTableCollection {
    return this._child("tables", () => new FakeTableCollection(this._ctx, "tables", (tx) => ({ workbook: this._targetIn(tx) })));
  }

  get names(): FakeNamedItemCollection {
    return this._child("names", () => new FakeNamedItemCollection(this._ctx, "names", (tx) => this._targetIn(tx)));
  }

  get settings(): FakeSettingCollection {
    return this._child("settings", () => new FakeSettingCollection(this._ctx, "settings", (tx) => this._targetIn(tx)));
  }

  get application(): FakeApplication {
    return this._child("application", () => new FakeApplication(this._ctx, "application", (tx) => this._targetIn(tx)));
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this._ctx, "workbook.getSelectedRange()", (tx) => {
      const wb = this._targetIn(tx);
      return { sheet: wb.activeSheet, rect: wb.selectionOf(wb.activeSheet) };
    });
  }

  getActiveCell(): FakeRange {
    return new FakeRange(this._ctx, "workbook.getActiveCell()", (tx) => {
      const wb = this._targetIn(tx);
      const sel = wb.selectionOf(wb.activeSheet);
      return { sheet: wb.activeSheet, rect: rect(sel.r0, sel.c0, sel.r0, sel.c0) };
    });
  }
}

defineType<FakeWorkbook>(FakeWorkbookProxy, {
  typeName: "Workbook",
  navigation: ["worksheets", "tables", "names", "settings", "application"],
  scalars: [
    { name: "name", get: (wb) => wb.name },
    { name: "readOnly", get: (wb) => wb.readOnly },
  ],
});

export class FakeApplication extends FakeClientObject<FakeWorkbook> {
  declare calculationMode: string;

  /** A no-op in the fake: there is no calculation to suspend. */
  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], () => undefined);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._call("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }

  calculate(calculationType: string): void {
    this._call("calculate", [calculationType], () => undefined);
  }
}

defineType<FakeWorkbook>(FakeApplication, {
  typeName: "Application",
  scalars: [
    {
      name: "calculationMode",
      get: (wb) => wb.calculationMode,
      set: (wb, v, tx) => {
        if (!["Automatic", "AutomaticExceptTables", "Manual"].includes(v as string)) throw invalidArgument(`calculationMode ${preview(v)}`, "Application.calculationMode");
        wb.setField(tx, wb, "calculationMode", v);
      },
    },
    { name: "decimalSeparator", get: () => "." },
    { name: "thousandsSeparator", get: () => "," },
    { name: "useSystemSeparators", get: () => true },
    { name: "calculationEngineVersion", get: () => 0 },
    { name: "calculationState", get: () => "Done" },
  ],
});

// ---------------------------------------------------------------------------------------------
// Tables

interface TableScope {
  readonly workbook: FakeWorkbook;
  readonly sheet?: FakeSheet;
}

function tablesIn(scope: TableScope): FakeTable[] {
  return scope.sheet ? scope.workbook.tablesOn(scope.sheet) : scope.workbook.tables();
}

export class FakeTableCollection extends FakeCollectionObject<TableScope, FakeTableProxy> {
  _itemTargets(scope: TableScope): unknown[] {
    return tablesIn(scope);
  }

  _itemProxy(target: unknown): FakeTableProxy {
    const table = target as FakeTable;
    const p = new FakeTableProxy(this._ctx, `tables.getItem(${JSON.stringify(table.name)})`, () => table);
    p._bound = table;
    return p;
  }

  /** Adds a table over an address ("A1:D20", "Sheet!A1:D20") or a Range; the first row is the header row. */
  add(address: FakeRange | string, hasHeaders: boolean): FakeTableProxy {
    this._assertSameContext(address);
    const proxy = new FakeTableProxy(this._ctx, `${this._path}.add(${preview(address)}, ${preview(hasHeaders)})`, () => {
      throw itemNotFound("the table was not created", "TableCollection.add");
    });
    this._call("add", [address, hasHeaders], (scope, tx) => {
      const wb = scope.workbook;
      let ref: RangeRef;
      if (typeof address === "string") {
        const parsed = parseAddress(address);
        if (!parsed) throw invalidArgument(`'${address}' is not an address`, "TableCollection.add");
        const sheet = parsed.sheet ? wb.findSheet(parsed.sheet) : (scope.sheet ?? wb.activeSheet);
        if (!sheet) throw invalidArgument(`'${address}' refers to a missing sheet`, "TableCollection.add");
        ref = { sheet, rect: parsed.rect };
      } else {
        ref = rangeArgument(address, scope.sheet ?? wb.activeSheet, wb, tx, "TableCollection.add");
      }
      if (scope.sheet && ref.sheet !== scope.sheet) throw invalidArgument("the address is on another sheet", "TableCollection.add");
      proxy._bindIn(tx, wb.addTable(tx, ref.sheet, ref.rect, hasHeaders !== false));
    });
    return proxy;
  }

  getItem(key: string): FakeTableProxy {
    return new FakeTableProxy(this._ctx, `${this._path}.getItem(${preview(key)})`, (tx) => {
      const scope = this._targetIn(tx);
      const table = tablesIn(scope).find((t) => t.id === key || t.name.toLowerCase() === String(key).toLowerCase());
      if (!table) throw itemNotFound(`there is no table named '${String(key)}'`, "TableCollection.getItem");
      return table;
    });
  }

  getItemOrNullObject(key: string): FakeTableProxy {
    const proxy = new FakeTableProxy(this._ctx, `${this._path}.getItemOrNullObject(${preview(key)})`, (tx) => {
      const scope = this._targetIn(tx);
      return tablesIn(scope).find((t) => t.id === key || t.name.toLowerCase() === String(key).toLowerCase()) ?? null;
    });
    this._announce(proxy);
    return proxy;
  }

  getItemAt(index: number): FakeTableProxy {
    return new FakeTableProxy(this._ctx, `${this._path}.getItemAt(${preview(index)})`, (tx) => {
      const table = tablesIn(this._targetIn(tx))[index];
      if (!table) throw itemNotFound(`table at ${index}`, "TableCollection.getItemAt");
      return table;
    });
  }
}

defineType<TableScope>(FakeTableCollection, { typeName: "TableCollection", scalars: [] });

function tableFlag(name: "showTotals" | "showHeaders" | "showBandedRows" | "showBandedColumns" | "showFilterButton" | "highlightFirstColumn" | "highlightLastColumn"): ScalarSpec<FakeTable> {
  const location = `Table.${name}`;
  return {
    name,
    get: (t) => t[name],
    set: (t, v, tx, wb) => {
      tx.assertSheetWritable(t.sheet, location);
      if (typeof v !== "boolean") throw invalidArgument(`${name} ${preview(v)}`, location);
      if (name === "showTotals" && v) throw notImplemented("Table.showTotals = true (the totals row)");
      wb.setField(tx, t, name, v);
    },
  };
}

class FakeTableProxy extends FakeClientObject<FakeTable> {
  declare name: string;
  declare readonly id: string;
  declare style: string;
  declare showTotals: boolean;
  declare showHeaders: boolean;
  declare showBandedRows: boolean;
  declare showBandedColumns: boolean;
  declare showFilterButton: boolean;
  declare highlightFirstColumn: boolean;
  declare highlightLastColumn: boolean;

  private range(name: string, pick: (t: FakeTable) => RangeRef): FakeRange {
    return new FakeRange(this._ctx, `${this._path}.${name}()`, (tx) => pick(this._targetIn(tx)));
  }

  get worksheet(): FakeWorksheet {
    return this._child("worksheet", () => new FakeWorksheet(this._ctx, `${this._path}.worksheet`, (tx) => this._targetIn(tx).sheet));
  }

  get columns(): FakeTableColumnCollection {
    return this._child("columns", () => new FakeTableColumnCollection(this._ctx, `${this._path}.columns`, (tx) => this._targetIn(tx)));
  }

  get rows(): FakeTableRowCollection {
    return this._child("rows", () => new FakeTableRowCollection(this._ctx, `${this._path}.rows`, (tx) => this._targetIn(tx)));
  }

  getRange(): FakeRange {
    return this.range("getRange", (t) => ({ sheet: t.sheet, rect: t.rect }));
  }

  getHeaderRowRange(): FakeRange {
    return this.range("getHeaderRowRange", (t) => ({ sheet: t.sheet, rect: t.headerRect }));
  }

  getDataBodyRange(): FakeRange {
    return this.range("getDataBodyRange", (t) => ({ sheet: t.sheet, rect: t.dataRect }));
  }

  delete(): void {
    this._call("delete", [], (t, tx) => this._ctx._workbook.deleteTable(tx, t, false));
  }

  convertToRange(): FakeRange {
    const r = new FakeRange(this._ctx, `${this._path}.convertToRange()`, () => {
      throw itemNotFound("the table was not converted", "Table.convertToRange");
    });
    this._call("convertToRange", [], (t, tx) => {
      this._ctx._workbook.deleteTable(tx, t, true);
      r._bindIn(tx, { sheet: t.sheet, rect: t.rect });
    });
    return r;
  }

  clearFilters(): void {
    this._call("clearFilters", [], () => undefined);
  }

  reapplyFilters(): void {
    this._call("reapplyFilters", [], () => undefined);
  }
}

defineType<FakeTable>(FakeTableProxy, {
  typeName: "Table",
  navigation: ["worksheet", "columns", "rows"],
  scalars: [
    { name: "name", get: (t) => t.name, set: (t, v, tx, wb) => wb.renameTable(tx, t, v) },
    { name: "id", get: (t) => t.id },
    { name: "legacyId", get: (t) => t.id },
    {
      name: "style",
      get: (t) => t.style,
      set: (t, v, tx, wb) => {
        tx.assertSheetWritable(t.sheet, "Table.style");
        if (typeof v !== "string") throw invalidArgument(`style ${preview(v)}`, "Table.style");
        wb.setField(tx, t, "style", v);
      },
    },
    tableFlag("showTotals"),
    tableFlag("showHeaders"),
    tableFlag("showBandedRows"),
    tableFlag("showBandedColumns"),
    tableFlag("showFilterButton"),
    tableFlag("highlightFirstColumn"),
    tableFlag("highlightLastColumn"),
  ],
});

interface ColumnRef {
  readonly table: FakeTable;
  readonly index: number;
}

function columnsOf(t: FakeTable): ColumnRef[] {
  return Array.from({ length: t.rect.c1 - t.rect.c0 + 1 }, (_, index) => ({ table: t, index }));
}

function findColumn(t: FakeTable, key: number | string): ColumnRef | null {
  const headers = t.headers;
  const byName = typeof key === "string" ? headers.findIndex((h) => h.toLowerCase() === key.toLowerCase()) : -1;
  const index = byName >= 0 ? byName : Number(key) - 1; // ids are 1-based
  return Number.isInteger(index) && index >= 0 && index < headers.length ? { table: t, index } : null;
}

class FakeTableColumnCollection extends FakeCollectionObject<FakeTable, FakeTableColumn> {
  _itemTargets(t: FakeTable): unknown[] {
    return columnsOf(t);
  }

  _itemProxy(target: unknown): FakeTableColumn {
    const c = target as ColumnRef;
    const p = new FakeTableColumn(this._ctx, `${this._path}.getItemAt(${c.index})`, () => c);
    p._bound = c;
    return p;
  }

  getItem(key: number | string): FakeTableColumn {
    return new FakeTableColumn(this._ctx, `${this._path}.getItem(${preview(key)})`, (tx) => {
      const c = findColumn(this._targetIn(tx), key);
      if (!c) throw itemNotFound(`table column '${String(key)}'`, "TableColumnCollection.getItem");
      return c;
    });
  }

  getItemOrNullObject(key: number | string): FakeTableColumn {
    const proxy = new FakeTableColumn(this._ctx, `${this._path}.getItemOrNullObject(${preview(key)})`, (tx) => findColumn(this._targetIn(tx), key));
    this._announce(proxy);
    return proxy;
  }

  getItemAt(index: number): FakeTableColumn {
    return new FakeTableColumn(this._ctx, `${this._path}.getItemAt(${preview(index)})`, (tx) => {
      const c = columnsOf(this._targetIn(tx))[index];
      if (!c) throw itemNotFound(`table column at ${index}`, "TableColumnCollection.getItemAt");
      return c;
    });
  }
}

defineType<FakeTable>(FakeTableColumnCollection, { typeName: "TableColumnCollection", scalars: [] });

function columnRect(c: ColumnRef, part: "all" | "header" | "body"): RangeRef {
  const t = c.table;
  const col = t.rect.c0 + c.index;
  const r0 = part === "body" ? t.rect.r0 + 1 : t.rect.r0;
  const r1 = part === "header" ? t.rect.r0 : t.rect.r1;
  return { sheet: t.sheet, rect: rect(r0, col, r1, col) };
}

class FakeTableColumn extends FakeClientObject<ColumnRef> {
  declare name: string;
  declare readonly index: number;
  declare readonly id: number;
  declare readonly values: unknown[][];

  getRange(): FakeRange {
    return new FakeRange(this._ctx, `${this._path}.getRange()`, (tx) => columnRect(this._targetIn(tx), "all"));
  }

  getHeaderRowRange(): FakeRange {
    return new FakeRange(this._ctx, `${this._path}.getHeaderRowRange()`, (tx) => columnRect(this._targetIn(tx), "header"));
  }

  getDataBodyRange(): FakeRange {
    return new FakeRange(this._ctx, `${this._path}.getDataBodyRange()`, (tx) => columnRect(this._targetIn(tx), "body"));
  }
}

defineType<ColumnRef>(FakeTableColumn, {
  typeName: "TableColumn",
  scalars: [
    {
      name: "name",
      get: (c) => c.table.headers[c.index],
      set: (c, v, tx) => {
        if (typeof v !== "string" || v === "") throw invalidArgument(`name ${preview(v)}`, "TableColumn.name");
        if (c.table.headers.some((h, i) => i !== c.index && h.toLowerCase() === v.toLowerCase())) throw invalidArgument(`the table already has a column '${v}'`, "TableColumn.name");
        const header = columnRect(c, "header");
        c.table.sheet.writeTexts(tx, header.rect, [[v]], "TableColumn.name");
      },
    },
    { name: "index", get: (c) => c.index },
    { name: "id", get: (c) => c.index + 1 },
    {
      name: "values",
      get: (c) => {
        const r = columnRect(c, "all");
        return r.sheet.readValues(r.rect);
      },
    },
  ],
});

interface RowRef {
  readonly table: FakeTable;
  readonly index: number;
}

class FakeTableRowCollection extends FakeCollectionObject<FakeTable, FakeTableRow> {
  _itemTargets(t: FakeTable): unknown[] {
    return Array.from({ length: rectRows(t.dataRect) }, (_, index) => ({ table: t, index }));
  }

  _itemProxy(target: unknown): FakeTableRow {
    const r = target as RowRef;
    const p = new FakeTableRow(this._ctx, `${this._path}.getItemAt(${r.index})`, () => r);
    p._bound = r;
    return p;
  }

  /** Appends rows at the end of the table (index null/undefined or the current row count). */
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): FakeTableRow {
    const proxy = new FakeTableRow(this._ctx, `${this._path}.add(${preview(index)}, ${preview(values)})`, () => {
      throw itemNotFound("the row was not added", "TableRowCollection.add");
    });
    this._call("add", [index ?? null, values ?? null, alwaysInsert ?? null], (t, tx) => {
      const count = Array.isArray(values) ? values.length : 1;
      const current = rectRows(t.dataRect);
      if (index !== undefined && index !== null && index !== current) throw notImplemented("TableRowCollection.add in the middle of a table");
      if (count < 1) throw invalidArgument("no rows to add", "TableRowCollection.add");
      // A new table whose only data row is still empty fills that row first, as Excel does.
      const firstRowEmpty = current === 1 && t.sheet.readValues(t.dataRect)[0].every((v) => v === "");
      if (firstRowEmpty) {
        if (count > 1) this._ctx._workbook.appendTableRows(tx, t, undefined, count - 1);
        if (values !== undefined) t.sheet.writeCells(tx, rect(t.dataRect.r0, t.rect.c0, t.dataRect.r0 + count - 1, t.rect.c1), values, "TableRowCollection.add");
      } else {
        this._ctx._workbook.appendTableRows(tx, t, values, count);
      }
      proxy._bindIn(tx, { table: t, index: rectRows(t.dataRect) - 1 });
    });
    return proxy;
  }

  getItemAt(index: number): FakeTableRow {
    return new FakeTableRow(this._ctx, `${this._path}.getItemAt(${preview(index)})`, (tx) => {
      const t = this._targetIn(tx);
      if (!Number.isInteger(index) || index < 0 || index >= rectRows(t.dataRect)) throw itemNotFound(`table row ${index}`, "TableRowCollection.getItemAt");
      return { table: t, index };
    });
  }
}

defineType<FakeTable>(FakeTableRowCollection, { typeName: "TableRowCollection", scalars: [] });

function rowRect(r: RowRef): RangeRef {
  const t = r.table;
  const row = t.rect.r0 + 1 + r.index;
  return { sheet: t.sheet, rect: rect(row, t.rect.c0, row, t.rect.c1) };
}

class FakeTableRow extends FakeClientObject<RowRef> {
  declare readonly index: number;
  declare values: unknown[][];

  getRange(): FakeRange {
    return new FakeRange(this._ctx, `${this._path}.getRange()`, (tx) => rowRect(this._targetIn(tx)));
  }
}

defineType<RowRef>(FakeTableRow, {
  typeName: "TableRow",
  scalars: [
    { name: "index", get: (r) => r.index },
    {
      name: "values",
      get: (r) => {
        const x = rowRect(r);
        return x.sheet.readValues(x.rect);
      },
      set: (r, v, tx) => {
        const x = rowRect(r);
        x.sheet.writeCells(tx, x.rect, v, "TableRow.values");
      },
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Settings (values travel as JSON, as Excel stores them)

class FakeSettingCollection extends FakeCollectionObject<FakeWorkbook, FakeSettingProxy> {
  _itemTargets(wb: FakeWorkbook): unknown[] {
    return wb.settingList();
  }

  _itemProxy(target: unknown): FakeSettingProxy {
    const s = target as FakeSetting;
    const p = new FakeSettingProxy(this._ctx, `settings.getItem(${JSON.stringify(s.key)})`, () => s);
    p._bound = s;
    return p;
  }

  /** Adds or replaces a setting. */
  add(key: string, value: unknown): FakeSettingProxy {
    const proxy = new FakeSettingProxy(this._ctx, `${this._path}.add(${preview(key)})`, () => {
      throw itemNotFound("the setting was not added", "SettingCollection.add");
    });
    this._call("add", [key, value], (wb, tx) => proxy._bindIn(tx, wb.setSetting(tx, key, value, "SettingCollection.add")));
    return proxy;
  }

  getItem(key: string): FakeSettingProxy {
    return new FakeSettingProxy(this._ctx, `${this._path}.getItem(${preview(key)})`, (tx) => {
      const s = this._targetIn(tx).findSetting(key);
      if (!s) throw itemNotFound(`there is no setting '${key}'`, "SettingCollection.getItem");
      return s;
    });
  }

  getItemOrNullObject(key: string): FakeSettingProxy {
    const proxy = new FakeSettingProxy(this._ctx, `${this._path}.getItemOrNullObject(${preview(key)})`, (tx) => this._targetIn(tx).findSetting(key) ?? null);
    this._announce(proxy);
    return proxy;
  }
}

defineType<FakeWorkbook>(FakeSettingCollection, { typeName: "SettingCollection", scalars: [] });

class FakeSettingProxy extends FakeClientObject<FakeSetting> {
  declare readonly key: string;
  declare value: unknown;

  delete(): void {
    this._call("delete", [], (s, tx) => this._ctx._workbook.deleteSetting(tx, s));
  }
}

defineType<FakeSetting>(FakeSettingProxy, {
  typeName: "Setting",
  scalars: [
    { name: "key", get: (s) => s.key },
    {
      name: "value",
      get: (s) => JSON.parse(s.json) as unknown,
      set: (s, v, tx, wb) => {
        wb.setSetting(tx, s.key, v, "Setting.value");
      },
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Defined names

class FakeNamedItemCollection extends FakeCollectionObject<FakeWorkbook, FakeNamedItemProxy> {
  _itemTargets(wb: FakeWorkbook): unknown[] {
    return wb.names();
  }

  _itemProxy(target: unknown): FakeNamedItemProxy {
    const n = target as FakeNamedItem;
    const p = new FakeNamedItemProxy(this._ctx, `names.getItem(${JSON.stringify(n.name)})`, () => n);
    p._bound = n;
    return p;
  }

  /** Adds a name for a Range, an address ("Sheet1!A1:B2") or a constant formula ("=0.05"). */
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItemProxy {
    this._assertSameContext(reference);
    const proxy = new FakeNamedItemProxy(this._ctx, `${this._path}.add(${preview(name)}, ${preview(reference)})`, () => {
      throw itemNotFound("the name was not added", "NamedItemCollection.add");
    });
    this._call("add", [name, reference, comment], (wb, tx) => {
      const target = reference instanceof FakeRange ? reference._targetIn(tx) : wb.parseNameTarget(String(reference), "NamedItemCollection.add");
      proxy._bindIn(tx, wb.addName(tx, name, target, comment));
    });
    return proxy;
  }

  getItem(name: string): FakeNamedItemProxy {
    return new FakeNamedItemProxy(this._ctx, `${this._path}.getItem(${preview(name)})`, (tx) => {
      const n = this._targetIn(tx).findName(name);
      if (!n) throw itemNotFound(`there is no name '${name}'`, "NamedItemCollection.getItem");
      return n;
    });
  }

  getItemOrNullObject(name: string): FakeNamedItemProxy {
    const proxy = new FakeNamedItemProxy(this._ctx, `${this._path}.getItemOrNullObject(${preview(name)})`, (tx) => this._targetIn(tx).findName(name) ?? null);
    this._announce(proxy);
    return proxy;
  }
}

defineType<FakeWorkbook>(FakeNamedItemCollection, { typeName: "NamedItemCollection", scalars: [] });

class FakeNamedItemProxy extends FakeClientObject<FakeNamedItem> {
  declare readonly name: string;
  declare readonly type: string;
  declare readonly value: unknown;
  declare formula: string;
  declare comment: string;
  declare visible: boolean;

  private rangeOf(t: FakeNamedItem, orNull: boolean): RangeRef | null {
    if ("sheet" in t.target && !t.target.sheet.deleted) return { sheet: t.target.sheet, rect: t.target.rect };
    if (orNull) return null;
    throw invalidOperation(`the name '${t.name}' does not refer to a range`, "NamedItem.getRange");
  }

  getRange(): FakeRange {
    return new FakeRange(this._ctx, `${this._path}.getRange()`, (tx) => this.rangeOf(this._targetIn(tx), false));
  }

  getRangeOrNullObject(): FakeRange {
    const proxy = new FakeRange(this._ctx, `${this._path}.getRangeOrNullObject()`, (tx) => {
      const t = this._resolveIn(tx);
      return t ? this.rangeOf(t, true) : null;
    });
    this._announce(proxy);
    return proxy;
  }

  delete(): void {
    this._call("delete", [], (n, tx) => this._ctx._workbook.deleteName(tx, n));
  }
}

function namedWrite(n: FakeNamedItem, tx: Tx, location: string): void {
  tx.assertWorkbookWritable(location);
  if (n.deleted) throw itemNotFound(`the name '${n.name}' was deleted`, location);
}

defineType<FakeNamedItem>(FakeNamedItemProxy, {
  typeName: "NamedItem",
  scalars: [
    { name: "name", get: (n) => n.name },
    { name: "type", get: (n) => n.type },
    { name: "value", get: (n) => n.value },
    { name: "scope", get: () => "Workbook" },
    {
      name: "formula",
      get: (n) => n.formula,
      set: (n, v, tx, wb) => {
        namedWrite(n, tx, "NamedItem.formula");
        wb.setField(tx, n, "target", wb.parseNameTarget(String(v), "NamedItem.formula"));
      },
    },
    {
      name: "comment",
      get: (n) => n.comment,
      set: (n, v, tx, wb) => {
        namedWrite(n, tx, "NamedItem.comment");
        wb.setField(tx, n, "comment", String(v));
      },
    },
    {
      name: "visible",
      get: (n) => n.visible,
      set: (n, v, tx, wb) => {
        namedWrite(n, tx, "NamedItem.visible");
        if (typeof v !== "boolean") throw invalidArgument(`visible ${preview(v)}`, "NamedItem.visible");
        wb.setField(tx, n, "visible", v);
      },
    },
  ],
});
