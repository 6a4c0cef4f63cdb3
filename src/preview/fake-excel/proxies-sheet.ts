/**
 * Worksheets and what hangs off one: protection, freeze panes, page layout and charts.
 */
import { fullAddress, localAddress, MAX_COLUMNS, MAX_ROWS, parseAddress, rect, type Rect } from "./address";
import {
  defineType,
  FakeClientObject,
  FakeCollectionObject,
  preview,
  type FakeClientResult,
  type ScalarSpec,
} from "./client-object";
import { normalizeColor } from "./colors";
import { ChartType } from "./enums";
import { FakeOfficeError, invalidArgument, invalidOperation, itemNotFound } from "./errors";
import { FakeRange, rangeArgument, type RangeRef } from "./proxies-range";
import { FakeTableCollection } from "./proxies-workbook";
import type { FakeChart, FakePageLayout } from "./records";
import type { FakeSheet } from "./sheet";
import type { Tx } from "./tx";
import type { FakeWorkbook } from "./workbook";

function bool(v: unknown, location: string): boolean {
  if (typeof v !== "boolean") throw invalidArgument(`${preview(v)} is not a boolean`, location);
  return v;
}

function num(v: unknown, location: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw invalidArgument(`${preview(v)} is not a number`, location);
  return v;
}

// ---------------------------------------------------------------------------------------------
// WorksheetCollection

export class FakeWorksheetCollection extends FakeCollectionObject<FakeWorkbook, FakeWorksheet> {
  _itemTargets(wb: FakeWorkbook): unknown[] {
    return wb.sheets();
  }

  _itemProxy(target: unknown): FakeWorksheet {
    const sheet = target as FakeSheet;
    const p = new FakeWorksheet(this._ctx, `worksheets.getItem(${JSON.stringify(sheet.name)})`, () => sheet);
    p._bound = sheet;
    return p;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this._ctx, `${this._path}.getItem(${preview(key)})`, (tx) => {
      const sheet = this._targetIn(tx).findSheet(String(key));
      if (!sheet) throw itemNotFound(`there is no worksheet named '${String(key)}'`, "WorksheetCollection.getItem");
      return sheet;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const proxy = new FakeWorksheet(this._ctx, `${this._path}.getItemOrNullObject(${preview(key)})`, (tx) => this._targetIn(tx).findSheet(String(key)) ?? null);
    this._announce(proxy);
    return proxy;
  }

  add(name?: string): FakeWorksheet {
    const proxy = new FakeWorksheet(this._ctx, `${this._path}.add(${name === undefined ? "" : preview(name)})`, () => {
      throw itemNotFound("the worksheet was not created", "WorksheetCollection.add");
    });
    this._call("add", name === undefined ? [] : [name], (wb, tx) => proxy._bindIn(tx, wb.addSheet(tx, name)));
    return proxy;
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this._ctx, `${this._path}.getActiveWorksheet()`, (tx) => this._targetIn(tx).activeSheet);
  }

  getFirst(visibleOnly?: boolean): FakeWorksheet {
    return new FakeWorksheet(this._ctx, `${this._path}.getFirst(${preview(visibleOnly)})`, (tx) => {
      const list = this._targetIn(tx).sheets().filter((s) => !visibleOnly || s.visibility === "Visible");
      if (list.length === 0) throw itemNotFound("no worksheet", "WorksheetCollection.getFirst");
      return list[0];
    });
  }

  getLast(visibleOnly?: boolean): FakeWorksheet {
    return new FakeWorksheet(this._ctx, `${this._path}.getLast(${preview(visibleOnly)})`, (tx) => {
      const list = this._targetIn(tx).sheets().filter((s) => !visibleOnly || s.visibility === "Visible");
      if (list.length === 0) throw itemNotFound("no worksheet", "WorksheetCollection.getLast");
      return list[list.length - 1];
    });
  }

  override getCount(visibleOnly?: boolean): FakeClientResult<number> {
    return this._result("getCount", visibleOnly === undefined ? [] : [visibleOnly], (wb) => wb.sheets().filter((s) => !visibleOnly || s.visibility === "Visible").length);
  }
}

defineType<FakeWorkbook>(FakeWorksheetCollection, { typeName: "WorksheetCollection", scalars: [] });

// ---------------------------------------------------------------------------------------------
// Worksheet

function sheetFlag(name: "showGridlines" | "showHeadings" | "enableCalculation"): ScalarSpec<FakeSheet> {
  const location = `Worksheet.${name}`;
  return {
    name,
    get: (s) => s[name],
    set: (s, v, tx, wb) => {
      tx.assertWorkbookWritable(location);
      wb.setField(tx, s, name, bool(v, location));
    },
  };
}

export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  declare name: string;
  declare readonly id: string;
  declare position: number;
  declare visibility: string;
  declare tabColor: string;
  declare showGridlines: boolean;
  declare showHeadings: boolean;
  declare standardWidth: number;
  declare readonly standardHeight: number;
  declare enableCalculation: boolean;

  get protection(): FakeWorksheetProtection {
    return this._child("protection", () => new FakeWorksheetProtection(this._ctx, `${this._path}.protection`, (tx) => this._targetIn(tx)));
  }

  get freezePanes(): FakeWorksheetFreezePanes {
    return this._child("freezePanes", () => new FakeWorksheetFreezePanes(this._ctx, `${this._path}.freezePanes`, (tx) => this._targetIn(tx)));
  }

  get horizontalPageBreaks(): FakePageBreakCollection {
    return this._child("horizontalPageBreaks", () => new FakePageBreakCollection(this._ctx, `${this._path}.horizontalPageBreaks`, (tx) => this._targetIn(tx)));
  }

  get pageLayout(): FakePageLayoutProxy {
    return this._child("pageLayout", () => new FakePageLayoutProxy(this._ctx, `${this._path}.pageLayout`, (tx) => this._targetIn(tx)));
  }

  get charts(): FakeChartCollection {
    return this._child("charts", () => new FakeChartCollection(this._ctx, `${this._path}.charts`, (tx) => this._targetIn(tx)));
  }

  get tables(): FakeTableCollection {
    return this._child("tables", () => new FakeTableCollection(this._ctx, `${this._path}.tables`, (tx) => ({ workbook: this._ctx._workbook, sheet: this._targetIn(tx) })));
  }

  private range(name: string, args: readonly unknown[], compute: (sheet: FakeSheet, tx: Tx) => Rect): FakeRange {
    return new FakeRange(this._ctx, `${this._path}.${name}(${args.map(preview).join(", ")})`, (tx) => {
      const sheet = this._targetIn(tx);
      return { sheet, rect: compute(sheet, tx) };
    });
  }

  /** An A1 address ("A1", "A1:C3", "A:C", "2:4", "'Sheet 1'!B2"), a defined name, or the whole sheet. */
  getRange(address?: string): FakeRange {
    return this.range("getRange", address === undefined ? [] : [address], (sheet) => {
      if (address === undefined || address === "") return rect(0, 0, MAX_ROWS - 1, MAX_COLUMNS - 1);
      if (typeof address !== "string") throw invalidArgument(`${preview(address)} is not an address`, "Worksheet.getRange");
      const parsed = parseAddress(address);
      if (parsed) {
        if (parsed.sheet !== undefined && this._ctx._workbook.findSheet(parsed.sheet) !== sheet) {
          throw invalidArgument(`'${address}' is not on the sheet '${sheet.name}'`, "Worksheet.getRange");
        }
        return parsed.rect;
      }
      const named = this._ctx._workbook.findName(address);
      if (named && "sheet" in named.target && named.target.sheet === sheet) return named.target.rect;
      throw invalidArgument(`'${address}' is not a valid address`, "Worksheet.getRange");
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.range("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], () => {
      const ok = [startRow, startColumn].every((v) => Number.isInteger(v) && v >= 0) && [rowCount, columnCount].every((v) => Number.isInteger(v) && v >= 1);
      if (!ok || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLUMNS) {
        throw invalidArgument(`getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount}) is outside the sheet`, "Worksheet.getRangeByIndexes");
      }
      return rect(startRow, startColumn, startRow + rowCount - 1, startColumn + columnCount - 1);
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.range("getCell", [row, column], () => {
      if (!Number.isInteger(row) || !Number.isInteger(column) || row < 0 || column < 0 || row >= MAX_ROWS || column >= MAX_COLUMNS) {
        throw invalidArgument(`getCell(${row}, ${column}) is outside the sheet`, "Worksheet.getCell");
      }
      return rect(row, column, row, column);
    });
  }

  /** The used range; A1 for a blank sheet ("it will not throw an error"). */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.range("getUsedRange", valuesOnly === undefined ? [] : [valuesOnly], (sheet) => sheet.usedRect(valuesOnly === true) ?? rect(0, 0, 0, 0));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const proxy = new FakeRange(this._ctx, `${this._path}.getUsedRangeOrNullObject(${preview(valuesOnly)})`, (tx) => {
      const sheet = this._targetIn(tx);
      const used = sheet.usedRect(valuesOnly === true);
      return used ? { sheet, rect: used } : null;
    });
    this._announce(proxy);
    return proxy;
  }

  getNextOrNullObject(visibleOnly?: boolean): FakeWorksheet {
    return this.neighbour("getNextOrNullObject", 1, visibleOnly, true);
  }

  getNext(visibleOnly?: boolean): FakeWorksheet {
    return this.neighbour("getNext", 1, visibleOnly, false);
  }

  getPreviousOrNullObject(visibleOnly?: boolean): FakeWorksheet {
    return this.neighbour("getPreviousOrNullObject", -1, visibleOnly, true);
  }

  getPrevious(visibleOnly?: boolean): FakeWorksheet {
    return this.neighbour("getPrevious", -1, visibleOnly, false);
  }

  private neighbour(name: string, step: number, visibleOnly: boolean | undefined, orNull: boolean): FakeWorksheet {
    const proxy = new FakeWorksheet(this._ctx, `${this._path}.${name}(${preview(visibleOnly)})`, (tx) => {
      const sheet = this._targetIn(tx);
      const list = this._ctx._workbook.sheets().filter((s) => s === sheet || !visibleOnly || s.visibility === "Visible");
      const next = list[list.indexOf(sheet) + step];
      if (!next && !orNull) throw itemNotFound("there is no such worksheet", `Worksheet.${name}`);
      return next ?? null;
    });
    if (orNull) this._announce(proxy);
    return proxy;
  }

  activate(): void {
    this._call("activate", [], (sheet, tx) => this._ctx._workbook.activate(tx, sheet));
  }

  delete(): void {
    this._call("delete", [], (sheet, tx) => this._ctx._workbook.deleteSheet(tx, sheet));
  }

  calculate(markAllDirty?: boolean): void {
    this._call("calculate", [markAllDirty], () => undefined);
  }
}

defineType<FakeSheet>(FakeWorksheet, {
  typeName: "Worksheet",
  navigation: ["protection", "freezePanes", "pageLayout", "charts", "tables", "horizontalPageBreaks"],
  scalars: [
    { name: "name", get: (s) => s.name, set: (s, v, tx, wb) => wb.renameSheet(tx, s, v) },
    { name: "id", get: (s) => s.id },
    { name: "position", get: (s, _tx, wb) => wb.sheetPosition(s), set: (s, v, tx, wb) => wb.moveSheet(tx, s, v) },
    { name: "visibility", get: (s) => s.visibility, set: (s, v, tx, wb) => wb.setVisibility(tx, s, v) },
    {
      name: "tabColor",
      get: (s) => s.tabColor,
      set: (s, v, tx, wb) => {
        tx.assertWorkbookWritable("Worksheet.tabColor");
        wb.setField(tx, s, "tabColor", v === "" ? "" : normalizeColor(v, "Worksheet.tabColor"));
      },
    },
    sheetFlag("showGridlines"),
    sheetFlag("showHeadings"),
    sheetFlag("enableCalculation"),
    {
      name: "standardWidth",
      get: (s) => s.standardWidth,
      set: (s, v, tx, wb) => {
        tx.assertSheetWritable(s, "Worksheet.standardWidth");
        wb.setField(tx, s, "standardWidth", num(v, "Worksheet.standardWidth"));
      },
    },
    { name: "standardHeight", get: (s) => s.standardHeight },
    { name: "tabId", get: (s, _tx, wb) => wb.sheetPosition(s) + 1 },
  ],
});

// ---------------------------------------------------------------------------------------------
// Protection and freeze panes

class FakeWorksheetProtection extends FakeClientObject<FakeSheet> {
  declare readonly protected: boolean;
  declare readonly options: Record<string, boolean>;

  /** Fails if the worksheet is already protected (Excel's documented behaviour). */
  protect(options?: Record<string, boolean>, password?: string): void {
    this._call("protect", password === undefined ? [options] : [options, "***"], (sheet, tx) => {
      tx.assertWorkbookWritable("WorksheetProtection.protect");
      if (sheet.protection.protected) throw invalidOperation(`the sheet '${sheet.name}' is already protected`, "WorksheetProtection.protect");
      const before = { ...sheet.protection };
      sheet.protection.protected = true;
      sheet.protection.options = { ...(options ?? {}) };
      sheet.protection.password = password;
      tx.onUndo(() => Object.assign(sheet.protection, before));
    });
  }

  unprotect(password?: string): void {
    this._call("unprotect", password === undefined ? [] : ["***"], (sheet, tx) => {
      tx.assertWorkbookWritable("WorksheetProtection.unprotect");
      if (sheet.protection.password !== undefined && sheet.protection.password !== password) {
        throw new FakeOfficeError("BadPassword", "The password you supplied is incorrect.", "WorksheetProtection.unprotect");
      }
      const before = { ...sheet.protection };
      sheet.protection.protected = false;
      sheet.protection.password = undefined;
      tx.onUndo(() => Object.assign(sheet.protection, before));
    });
  }
}

defineType<FakeSheet>(FakeWorksheetProtection, {
  typeName: "WorksheetProtection",
  scalars: [
    { name: "protected", get: (s) => s.protection.protected },
    { name: "options", get: (s) => ({ ...s.protection.options }) },
    { name: "isPasswordProtected", get: (s) => s.protection.password !== undefined },
  ],
});

class FakeWorksheetFreezePanes extends FakeClientObject<FakeSheet> {
  private freeze(name: string, args: readonly unknown[], compute: (sheet: FakeSheet, tx: Tx) => { rows: number; columns: number }): void {
    this._call(name, args, (sheet, tx) => {
      tx.assertWorkbookWritable(`WorksheetFreezePanes.${name}`);
      const next = compute(sheet, tx);
      const before = { ...sheet.frozen };
      Object.assign(sheet.frozen, next);
      tx.onUndo(() => Object.assign(sheet.frozen, before));
    });
  }

  freezeRows(count = 1): void {
    this.freeze("freezeRows", [count], () => {
      if (!Number.isInteger(count) || count < 0) throw invalidArgument(`${count} rows`, "WorksheetFreezePanes.freezeRows");
      return { rows: count, columns: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this.freeze("freezeColumns", [count], () => {
      if (!Number.isInteger(count) || count < 0) throw invalidArgument(`${count} columns`, "WorksheetFreezePanes.freezeColumns");
      return { rows: 0, columns: count };
    });
  }

  freezeAt(frozenRange: FakeRange | string): void {
    this._assertSameContext(frozenRange);
    this.freeze("freezeAt", [frozenRange], (sheet, tx) => {
      const r = rangeArgument(frozenRange, sheet, this._ctx._workbook, tx, "WorksheetFreezePanes.freezeAt").rect;
      return { rows: r.r0 === 0 && r.r1 < MAX_ROWS - 1 ? r.r1 + 1 : 0, columns: r.c0 === 0 && r.c1 < MAX_COLUMNS - 1 ? r.c1 + 1 : 0 };
    });
  }

  unfreeze(): void {
    this.freeze("unfreeze", [], () => ({ rows: 0, columns: 0 }));
  }

  getLocationOrNullObject(): FakeRange {
    const proxy = new FakeRange(this._ctx, `${this._path}.getLocationOrNullObject()`, (tx) => frozenRange(this._targetIn(tx)));
    this._announce(proxy);
    return proxy;
  }
}

function frozenRange(sheet: FakeSheet): RangeRef | null {
  const { rows, columns } = sheet.frozen;
  if (rows === 0 && columns === 0) return null;
  return { sheet, rect: rect(0, 0, rows === 0 ? MAX_ROWS - 1 : rows - 1, columns === 0 ? MAX_COLUMNS - 1 : columns - 1) };
}

defineType<FakeSheet>(FakeWorksheetFreezePanes, { typeName: "WorksheetFreezePanes", scalars: [] });

// ---------------------------------------------------------------------------------------------
// Page layout (recorded; not blocked by sheet protection, as in Excel)

function layoutField<K extends keyof FakePageLayout & string>(name: K, check: (v: unknown, location: string) => unknown): ScalarSpec<FakeSheet> {
  const location = `PageLayout.${name}`;
  return {
    name,
    get: (s) => {
      const v = s.pageLayout[name];
      return v !== null && typeof v === "object" ? { ...v } : v;
    },
    set: (s, v, tx, wb) => {
      tx.assertWorkbookWritable(location);
      wb.setField(tx, s.pageLayout, name, check(v, location));
    },
  };
}

const ORIENTATIONS = ["Portrait", "Landscape"];

function checkZoom(v: unknown, location: string): unknown {
  if (v === null || typeof v !== "object") throw invalidArgument("zoom must be a PageLayoutZoomOptions object", location);
  const z = v as Record<string, unknown>;
  for (const [k, x] of Object.entries(z)) {
    if (!["scale", "horizontalFitToPages", "verticalFitToPages"].includes(k)) throw invalidArgument(`unknown zoom option '${k}'`, location);
    if (x !== undefined && x !== null && (typeof x !== "number" || x < 0)) throw invalidArgument(`zoom.${k} = ${preview(x)}`, location);
  }
  if (typeof z.scale === "number" && (z.scale < 10 || z.scale > 400)) throw invalidArgument("zoom.scale must be 10..400", location);
  return { ...z };
}

const POINTS_PER: Record<string, number> = { Points: 1, Inches: 72, Centimeters: 72 / 2.54 };

/**
 * Worksheet.horizontalPageBreaks (ExcelApi 1.9): add(pageBreakRange) puts a break above the
 * range's first row (PageBreakCollection.add in the API reference); removePageBreaks() resets
 * them all. Recorded on the sheet; a second break on the same row is one break, as in Excel.
 */
class FakePageBreakCollection extends FakeClientObject<FakeSheet> {
  add(pageBreakRange: FakeRange | string): void {
    this._assertSameContext(pageBreakRange);
    this._call("add", [pageBreakRange], (sheet, tx) => {
      tx.assertWorkbookWritable("PageBreakCollection.add");
      const r = rangeArgument(pageBreakRange, sheet, this._ctx._workbook, tx, "PageBreakCollection.add").rect;
      if (r.r0 === 0) throw invalidArgument("a page break cannot go above the first row", "PageBreakCollection.add");
      const before = [...sheet.pageBreaks];
      if (!sheet.pageBreaks.includes(r.r0)) sheet.pageBreaks = [...sheet.pageBreaks, r.r0].sort((a, b) => a - b);
      tx.onUndo(() => (sheet.pageBreaks = before));
    });
  }

  removePageBreaks(): void {
    this._call("removePageBreaks", [], (sheet, tx) => {
      tx.assertWorkbookWritable("PageBreakCollection.removePageBreaks");
      const before = sheet.pageBreaks;
      sheet.pageBreaks = [];
      tx.onUndo(() => (sheet.pageBreaks = before));
    });
  }
}

defineType<FakeSheet>(FakePageBreakCollection, { typeName: "PageBreakCollection", scalars: [] });

/** PageLayout.headersFooters (ExcelApi 1.9): only defaultForAllPages is kept; its six texts are recorded as set. */
class FakeHeadersFootersGroup extends FakeClientObject<FakeSheet> {
  get defaultForAllPages(): FakeHeaderFooter {
    return this._child("defaultForAllPages", () => new FakeHeaderFooter(this._ctx, `${this._path}.defaultForAllPages`, (tx) => this._targetIn(tx)));
  }
}

defineType<FakeSheet>(FakeHeadersFootersGroup, { typeName: "HeaderFooterGroup", navigation: ["defaultForAllPages"], scalars: [] });

class FakeHeaderFooter extends FakeClientObject<FakeSheet> {
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;
}

function headerFooterField(name: keyof FakePageLayout["headerFooter"]): ScalarSpec<FakeSheet> {
  return {
    name,
    get: (s) => s.pageLayout.headerFooter[name],
    set: (s, v, tx, wb) => {
      tx.assertWorkbookWritable(`HeaderFooter.${name}`);
      if (typeof v !== "string") throw invalidArgument(`${name} ${preview(v)}`, `HeaderFooter.${name}`);
      wb.setField(tx, s.pageLayout.headerFooter, name, v);
    },
  };
}

defineType<FakeSheet>(FakeHeaderFooter, {
  typeName: "HeaderFooter",
  scalars: (["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as const).map(headerFooterField),
});

class FakePageLayoutProxy extends FakeClientObject<FakeSheet> {
  get headersFooters(): FakeHeadersFootersGroup {
    return this._child("headersFooters", () => new FakeHeadersFootersGroup(this._ctx, `${this._path}.headersFooters`, (tx) => this._targetIn(tx)));
  }

  declare orientation: string;
  declare paperSize: string;
  declare centerHorizontally: boolean;
  declare centerVertically: boolean;
  declare zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };

  private setRef(name: string, key: "printTitleRows" | "printTitleColumns" | "printArea", arg: FakeRange | string): void {
    this._assertSameContext(arg);
    this._call(name, [arg], (sheet, tx) => {
      tx.assertWorkbookWritable(`PageLayout.${name}`);
      const r = rangeArgument(arg, sheet, this._ctx._workbook, tx, `PageLayout.${name}`).rect;
      const text =
        key === "printTitleRows"
          ? `$${r.r0 + 1}:$${r.r1 + 1}`
          : key === "printTitleColumns"
            ? localAddress(rect(0, r.c0, MAX_ROWS - 1, r.c1), true)
            : localAddress(r, true);
      this._ctx._workbook.setField(tx, sheet.pageLayout, key, text);
    });
  }

  private getRef(name: string, key: "printTitleRows" | "printTitleColumns" | "printArea"): FakeRange {
    const proxy = new FakeRange(this._ctx, `${this._path}.${name}()`, (tx) => {
      const sheet = this._targetIn(tx);
      const text = sheet.pageLayout[key];
      const parsed = text ? parseAddress(text) : null;
      return parsed ? { sheet, rect: parsed.rect } : null;
    });
    this._announce(proxy);
    return proxy;
  }

  setPrintTitleRows(titleRows: FakeRange | string): void {
    this.setRef("setPrintTitleRows", "printTitleRows", titleRows);
  }

  setPrintTitleColumns(titleColumns: FakeRange | string): void {
    this.setRef("setPrintTitleColumns", "printTitleColumns", titleColumns);
  }

  setPrintArea(printArea: FakeRange | string): void {
    this.setRef("setPrintArea", "printArea", printArea);
  }

  getPrintTitleRowsOrNullObject(): FakeRange {
    return this.getRef("getPrintTitleRowsOrNullObject", "printTitleRows");
  }

  getPrintTitleColumnsOrNullObject(): FakeRange {
    return this.getRef("getPrintTitleColumnsOrNullObject", "printTitleColumns");
  }

  getPrintAreaOrNullObject(): FakeRange {
    return this.getRef("getPrintAreaOrNullObject", "printArea");
  }

  setPrintMargins(unit: string, marginOptions: Record<string, number>): void {
    this._call("setPrintMargins", [unit, marginOptions], (sheet, tx) => {
      tx.assertWorkbookWritable("PageLayout.setPrintMargins");
      const factor = POINTS_PER[unit];
      if (factor === undefined) throw invalidArgument(`'${unit}' is not a margin unit`, "PageLayout.setPrintMargins");
      for (const [k, v] of Object.entries(marginOptions ?? {})) {
        const key = `${k}Margin`;
        if (!(key in sheet.pageLayout)) throw invalidArgument(`unknown margin '${k}'`, "PageLayout.setPrintMargins");
        this._ctx._workbook.setField(tx, sheet.pageLayout, key, num(v, "PageLayout.setPrintMargins") * factor);
      }
    });
  }
}

defineType<FakeSheet>(FakePageLayoutProxy, {
  typeName: "PageLayout",
  navigation: ["headersFooters"],
  scalars: [
    layoutField("orientation", (v, at) => {
      if (!ORIENTATIONS.includes(v as string)) throw invalidArgument(`orientation ${preview(v)}`, at);
      return v;
    }),
    layoutField("paperSize", (v, at) => {
      if (typeof v !== "string") throw invalidArgument(`paperSize ${preview(v)}`, at);
      return v;
    }),
    layoutField("centerHorizontally", bool),
    layoutField("centerVertically", bool),
    layoutField("zoom", checkZoom),
    layoutField("printGridlines", bool),
    layoutField("printHeadings", bool),
    layoutField("blackAndWhite", bool),
    layoutField("draftMode", bool),
    layoutField("firstPageNumber", (v, at) => (v === "" ? v : num(v, at))),
    layoutField("printOrder", (v) => v),
    layoutField("printComments", (v) => v),
    layoutField("printErrors", (v) => v),
    layoutField("leftMargin", num),
    layoutField("rightMargin", num),
    layoutField("topMargin", num),
    layoutField("bottomMargin", num),
    layoutField("headerMargin", num),
    layoutField("footerMargin", num),
  ],
});

// ---------------------------------------------------------------------------------------------
// Charts (recorded, not drawn)

const CHART_TYPES = new Set<string>(Object.values(ChartType));
let chartCounter = 0;

class FakeChartCollection extends FakeCollectionObject<FakeSheet, FakeChartProxy> {
  _itemTargets(sheet: FakeSheet): unknown[] {
    return sheet.charts.filter((c) => !c.deleted);
  }

  _itemProxy(target: unknown): FakeChartProxy {
    const chart = target as FakeChart;
    const p = new FakeChartProxy(this._ctx, `${this._path}.getItem(${JSON.stringify(chart.name)})`, () => chart);
    p._bound = chart;
    return p;
  }

  add(type: string, sourceData: FakeRange, seriesBy: string = "Auto"): FakeChartProxy {
    this._assertSameContext(sourceData);
    const proxy = new FakeChartProxy(this._ctx, `${this._path}.add(${preview(type)}, ${preview(sourceData)}, ${preview(seriesBy)})`, () => {
      throw itemNotFound("the chart was not created", "ChartCollection.add");
    });
    this._call("add", [type, sourceData, seriesBy], (sheet, tx) => {
      tx.assertSheetWritable(sheet, "ChartCollection.add");
      if (!CHART_TYPES.has(type)) throw invalidArgument(`'${String(type)}' is not a chart type`, "ChartCollection.add");
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw invalidArgument(`seriesBy '${String(seriesBy)}'`, "ChartCollection.add");
      const source = rangeArgument(sourceData, sheet, this._ctx._workbook, tx, "ChartCollection.add");
      chartCounter++;
      let n = sheet.charts.length + 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const chart: FakeChart = {
        id: `{CHART-${chartCounter}}`,
        name: `Chart ${n}`,
        chartType: type,
        sheet,
        sourceRect: source.rect,
        seriesBy,
        title: { text: "", visible: false, overlay: false },
        legend: { visible: true, position: "Right" },
        top: 0,
        left: 0,
        width: 360,
        height: 216,
        deleted: false,
        series: [],
        get sourceAddress() {
          return fullAddress(source.sheet.name, this.sourceRect);
        },
      };
      const saved = sheet.charts;
      sheet.charts = [...saved, chart];
      tx.onUndo(() => {
        sheet.charts = saved;
        chart.deleted = true;
      });
      proxy._bindIn(tx, chart);
    });
    return proxy;
  }

  getItem(name: string): FakeChartProxy {
    return new FakeChartProxy(this._ctx, `${this._path}.getItem(${preview(name)})`, (tx) => {
      const chart = this._targetIn(tx).charts.find((c) => !c.deleted && c.name === name);
      if (!chart) throw itemNotFound(`chart '${name}'`, "ChartCollection.getItem");
      return chart;
    });
  }

  getItemOrNullObject(name: string): FakeChartProxy {
    const proxy = new FakeChartProxy(this._ctx, `${this._path}.getItemOrNullObject(${preview(name)})`, (tx) => this._targetIn(tx).charts.find((c) => !c.deleted && c.name === name) ?? null);
    this._announce(proxy);
    return proxy;
  }

  getItemAt(index: number): FakeChartProxy {
    return new FakeChartProxy(this._ctx, `${this._path}.getItemAt(${preview(index)})`, (tx) => {
      const chart = this._targetIn(tx).charts.filter((c) => !c.deleted)[index];
      if (!chart) throw itemNotFound(`chart at ${index}`, "ChartCollection.getItemAt");
      return chart;
    });
  }
}

defineType<FakeSheet>(FakeChartCollection, { typeName: "ChartCollection", scalars: [] });

function chartField(name: "name" | "chartType" | "top" | "left" | "width" | "height"): ScalarSpec<FakeChart> {
  const location = `Chart.${name}`;
  return {
    name,
    get: (c) => c[name],
    set: (c, v, tx, wb) => {
      tx.assertSheetWritable(c.sheet as FakeSheet, location);
      if (name === "name" && typeof v !== "string") throw invalidArgument(`name ${preview(v)}`, location);
      if (name === "chartType" && !CHART_TYPES.has(v as string)) throw invalidArgument(`'${String(v)}' is not a chart type`, location);
      if (name !== "name" && name !== "chartType") num(v, location);
      wb.setField(tx, c, name, v);
    },
  };
}

class FakeChartProxy extends FakeClientObject<FakeChart> {
  declare name: string;
  declare chartType: string;
  declare readonly id: string;
  declare top: number;
  declare left: number;
  declare width: number;
  declare height: number;

  get title(): FakeChartTitle {
    return this._child("title", () => new FakeChartTitle(this._ctx, `${this._path}.title`, (tx) => this._targetIn(tx)));
  }

  get legend(): FakeChartLegend {
    return this._child("legend", () => new FakeChartLegend(this._ctx, `${this._path}.legend`, (tx) => this._targetIn(tx)));
  }

  get worksheet(): FakeWorksheet {
    return this._child("worksheet", () => new FakeWorksheet(this._ctx, `${this._path}.worksheet`, (tx) => this._targetIn(tx).sheet as FakeSheet));
  }

  get series(): FakeChartSeriesCollection {
    return this._child("series", () => new FakeChartSeriesCollection(this._ctx, `${this._path}.series`, (tx) => this._targetIn(tx)));
  }

  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this._assertSameContext(startCell);
    this._assertSameContext(endCell);
    this._call("setPosition", endCell === undefined ? [startCell] : [startCell, endCell], (chart, tx) => {
      const sheet = chart.sheet as FakeSheet;
      tx.assertSheetWritable(sheet, "Chart.setPosition");
      const wb = this._ctx._workbook;
      const start = rangeArgument(startCell, sheet, wb, tx, "Chart.setPosition").rect;
      const end = endCell === undefined ? undefined : rangeArgument(endCell, sheet, wb, tx, "Chart.setPosition").rect;
      const position = { start: localAddress(rect(start.r0, start.c0, start.r0, start.c0)), ...(end ? { end: localAddress(rect(end.r1, end.c1, end.r1, end.c1)) } : {}) };
      wb.setField(tx, chart, "position", position);
      wb.setField(tx, chart, "left", sheet.columnsWidth(0, start.c0 - 1));
      wb.setField(tx, chart, "top", sheet.rowsHeight(0, start.r0 - 1));
      if (end) {
        wb.setField(tx, chart, "width", sheet.columnsWidth(start.c0, end.c1));
        wb.setField(tx, chart, "height", sheet.rowsHeight(start.r0, end.r1));
      }
    });
  }

  setData(sourceData: FakeRange, seriesBy: string = "Auto"): void {
    this._assertSameContext(sourceData);
    this._call("setData", [sourceData, seriesBy], (chart, tx) => {
      const sheet = chart.sheet as FakeSheet;
      tx.assertSheetWritable(sheet, "Chart.setData");
      const source = rangeArgument(sourceData, sheet, this._ctx._workbook, tx, "Chart.setData");
      this._ctx._workbook.setField(tx, chart, "sourceRect", source.rect);
      this._ctx._workbook.setField(tx, chart, "seriesBy", seriesBy);
    });
  }

  activate(): void {
    this._call("activate", [], () => undefined);
  }

  delete(): void {
    this._call("delete", [], (chart, tx) => {
      const sheet = chart.sheet as FakeSheet;
      tx.assertSheetWritable(sheet, "Chart.delete");
      const saved = sheet.charts;
      sheet.charts = saved.filter((c) => c !== chart);
      chart.deleted = true;
      tx.onUndo(() => {
        sheet.charts = saved;
        chart.deleted = false;
      });
    });
  }
}

defineType<FakeChart>(FakeChartProxy, {
  typeName: "Chart",
  navigation: ["title", "legend", "worksheet", "series"],
  scalars: [{ name: "id", get: (c) => c.id }, chartField("name"), chartField("chartType"), chartField("top"), chartField("left"), chartField("width"), chartField("height")],
});

function chartPart<P extends "title" | "legend">(part: P, name: string, check: (v: unknown, at: string) => unknown): ScalarSpec<FakeChart> {
  const location = `${part === "title" ? "ChartTitle" : "ChartLegend"}.${name}`;
  return {
    name,
    get: (c) => (c[part] as Record<string, unknown>)[name],
    set: (c, v, tx, wb) => {
      tx.assertSheetWritable(c.sheet as FakeSheet, location);
      const next: Record<string, unknown> = { ...c[part], [name]: check(v, location) };
      if (part === "title" && name === "text") next.visible = v !== "";
      wb.setField(tx, c, part, next);
    },
  };
}

class FakeChartTitle extends FakeClientObject<FakeChart> {
  declare text: string;
  declare visible: boolean;
  declare overlay: boolean;
}

defineType<FakeChart>(FakeChartTitle, {
  typeName: "ChartTitle",
  scalars: [
    chartPart("title", "text", (v, at) => {
      if (typeof v !== "string") throw invalidArgument(`text ${preview(v)}`, at);
      return v;
    }),
    chartPart("title", "visible", bool),
    chartPart("title", "overlay", bool),
  ],
});

class FakeChartLegend extends FakeClientObject<FakeChart> {
  declare visible: boolean;
  declare position: string;
}

defineType<FakeChart>(FakeChartLegend, {
  typeName: "ChartLegend",
  scalars: [
    chartPart("legend", "visible", bool),
    chartPart("legend", "position", (v, at) => {
      if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom"].includes(v as string)) throw invalidArgument(`position ${preview(v)}`, at);
      return v;
    }),
  ],
});

// ---------------------------------------------------------------------------------------------
// Chart series (ExcelApi 1.7): one per column of the source block (per row with seriesBy "Rows",
// and under "Auto" when the block is wider than it is tall, as Excel lays out a new chart)

interface SeriesRef {
  readonly chart: FakeChart;
  readonly index: number;
}

function seriesCount(chart: FakeChart): number {
  const rows = chart.sourceRect.r1 - chart.sourceRect.r0 + 1;
  const cols = chart.sourceRect.c1 - chart.sourceRect.c0 + 1;
  const byRows = chart.seriesBy === "Rows" || (chart.seriesBy === "Auto" && cols > rows);
  return byRows ? rows : cols;
}

class FakeChartSeriesCollection extends FakeCollectionObject<FakeChart, FakeChartSeries> {
  _itemTargets(chart: FakeChart): unknown[] {
    return Array.from({ length: seriesCount(chart) }, (_, index) => ({ chart, index }));
  }

  _itemProxy(target: unknown): FakeChartSeries {
    const ref = target as SeriesRef;
    const p = new FakeChartSeries(this._ctx, `${this._path}.getItemAt(${ref.index})`, () => ref);
    p._bound = ref;
    return p;
  }

  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this._ctx, `${this._path}.getItemAt(${preview(index)})`, (tx) => {
      const chart = this._targetIn(tx);
      if (!Number.isInteger(index) || index < 0 || index >= seriesCount(chart)) throw invalidArgument(`there is no series ${String(index)}`, "ChartSeriesCollection.getItemAt");
      return { chart, index };
    });
  }
}

defineType<FakeChart>(FakeChartSeriesCollection, { typeName: "ChartSeriesCollection", scalars: [{ name: "count", get: (c) => seriesCount(c) }] });

function seriesEntry(ref: SeriesRef): { name?: string; xAxisValues?: string } {
  return ref.chart.series[ref.index] ?? {};
}

function setSeries(ref: SeriesRef, tx: Tx, wb: FakeWorkbook, patch: { name?: string; xAxisValues?: string }): void {
  tx.assertSheetWritable(ref.chart.sheet as FakeSheet, "ChartSeries");
  const next = ref.chart.series.slice();
  next[ref.index] = { ...seriesEntry(ref), ...patch };
  wb.setField(tx, ref.chart, "series", next);
}

class FakeChartSeries extends FakeClientObject<SeriesRef> {
  declare name: string;

  setXAxisValues(sourceData: FakeRange): void {
    this._assertSameContext(sourceData);
    this._call("setXAxisValues", [sourceData], (ref, tx) => {
      const wb = this._ctx._workbook;
      const source = rangeArgument(sourceData, ref.chart.sheet as FakeSheet, wb, tx, "ChartSeries.setXAxisValues");
      setSeries(ref, tx, wb, { xAxisValues: fullAddress(source.sheet.name, source.rect) });
    });
  }
}

defineType<SeriesRef>(FakeChartSeries, {
  typeName: "ChartSeries",
  scalars: [
    {
      name: "name",
      get: (ref) => seriesEntry(ref).name ?? `Series${ref.index + 1}`,
      set: (ref, v, tx, wb) => {
        if (typeof v !== "string") throw invalidArgument(`name ${preview(v)}`, "ChartSeries.name");
        setSeries(ref, tx, wb, { name: v });
      },
    },
  ],
});
