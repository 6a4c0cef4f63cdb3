/**
 * Range and what hangs off it: RangeFormat (fill, font, borders), and conditional formats.
 * A Range resolves to a sheet and a rectangle once, in the first batch that uses it, and keeps
 * that rectangle (as an Excel range object does for the rest of its Excel.run).
 */
import {
  boundingRect,
  intersect,
  isEntireColumns,
  isEntireRows,
  MAX_COLUMNS,
  MAX_ROWS,
  parseAddress,
  rect,
  rectCells,
  rectColumns,
  rectRows,
  type Rect,
} from "./address";
import {
  defineType,
  FakeClientObject,
  FakeCollectionObject,
  preview,
  type ProxyContext,
  type Resolver,
  type ScalarSpec,
} from "./client-object";
import { normalizeColor } from "./colors";
import { ErrorCodes, FakeOfficeError, invalidArgument, invalidOperation, itemNotFound, notImplemented } from "./errors";
import { FakeWorksheet } from "./proxies-sheet";
import { conditionalFormatRecord, type DataValidationRuleRecord, type FakeConditionalFormat, type FakeDataValidationRecord } from "./records";
import type { FakeSheet, StyleKey } from "./sheet";
import type { Tx } from "./tx";
import type { FakeWorkbook } from "./workbook";

export interface RangeRef {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}

/** Excel refuses to read more than five million cells at once (resource-limits-and-performance-optimization.md). */
const READ_CELL_LIMIT = 5_000_000;

function checkReadable(ref: RangeRef, what: string): void {
  if (rectCells(ref.rect) > READ_CELL_LIMIT) {
    throw new FakeOfficeError(
      ErrorCodes.rangeExceedsLimit,
      `The cell count in the range has exceeded the maximum supported number. (${rectCells(ref.rect)} cells in Range.${what})`,
      `Range.${what}`,
    );
  }
}

function inSheet(r: Rect, location: string): Rect {
  if (r.r0 < 0 || r.c0 < 0 || r.r1 >= MAX_ROWS || r.c1 >= MAX_COLUMNS || r.r0 > r.r1 || r.c0 > r.c1) {
    throw invalidArgument("the range would fall outside the worksheet", location);
  }
  return r;
}

function isInt(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v);
}

function intArg(v: unknown, location: string, min = -Infinity): number {
  if (!isInt(v) || v < min) throw invalidArgument(`${preview(v)} is not a valid index or count`, location);
  return v;
}

/** A Range argument as Excel accepts it: a Range proxy or an address on the same sheet. */
export function rangeArgument(arg: unknown, sheet: FakeSheet, wb: FakeWorkbook, tx: Tx, location: string): RangeRef {
  if (arg instanceof FakeRange) return arg._targetIn(tx);
  if (typeof arg === "string") {
    const parsed = parseAddress(arg);
    if (parsed) {
      const target = parsed.sheet ? wb.findSheet(parsed.sheet) : sheet;
      if (!target) throw invalidArgument(`'${arg}' refers to a missing sheet`, location);
      return { sheet: target, rect: parsed.rect };
    }
    const named = wb.findName(arg);
    if (named && "sheet" in named.target) return { sheet: named.target.sheet, rect: named.target.rect };
  }
  throw invalidArgument(`${preview(arg)} is not a range or address`, location);
}

function rangeScalars(): ScalarSpec<RangeRef>[] {
  return [
    { name: "address", get: (t) => t.sheet.address(t.rect) },
    { name: "addressLocal", get: (t) => t.sheet.address(t.rect) },
    {
      name: "values",
      get: (t) => (checkReadable(t, "values"), t.sheet.readValues(t.rect)),
      set: (t, v, tx) => t.sheet.writeCells(tx, t.rect, v, "Range.values"),
    },
    {
      name: "formulas",
      get: (t) => (checkReadable(t, "formulas"), t.sheet.readFormulas(t.rect)),
      set: (t, v, tx) => t.sheet.writeCells(tx, t.rect, v, "Range.formulas"),
    },
    {
      name: "formulasLocal",
      get: (t) => (checkReadable(t, "formulasLocal"), t.sheet.readFormulas(t.rect)),
      set: (t, v, tx) => t.sheet.writeCells(tx, t.rect, v, "Range.formulasLocal"),
    },
    {
      name: "numberFormat",
      get: (t) => (checkReadable(t, "numberFormat"), t.sheet.readNumberFormats(t.rect)),
      set: (t, v, tx) => t.sheet.writeNumberFormats(tx, t.rect, v, "Range.numberFormat"),
    },
    {
      name: "numberFormatLocal",
      get: (t) => (checkReadable(t, "numberFormatLocal"), t.sheet.readNumberFormats(t.rect)),
      set: (t, v, tx) => t.sheet.writeNumberFormats(tx, t.rect, v, "Range.numberFormatLocal"),
    },
    { name: "text", get: (t) => (checkReadable(t, "text"), t.sheet.readText(t.rect)) },
    { name: "valueTypes", get: (t) => (checkReadable(t, "valueTypes"), t.sheet.readValueTypes(t.rect)) },
    { name: "valuesAsJson", get: (t) => (checkReadable(t, "valuesAsJson"), t.sheet.readValuesAsJson(t.rect)) },
    { name: "rowIndex", get: (t) => t.rect.r0 },
    { name: "columnIndex", get: (t) => t.rect.c0 },
    { name: "rowCount", get: (t) => rectRows(t.rect) },
    { name: "columnCount", get: (t) => rectColumns(t.rect) },
    { name: "cellCount", get: (t) => rectCells(t.rect) },
    { name: "isEntireColumn", get: (t) => isEntireColumns(t.rect) },
    { name: "isEntireRow", get: (t) => isEntireRows(t.rect) },
    {
      name: "hasSpill",
      get: (t) => {
        for (let i = t.rect.r0; i <= Math.min(t.rect.r1, t.rect.r0 + 10_000); i++) for (let j = t.rect.c0; j <= t.rect.c1; j++) if (t.sheet.spills(i, j)) return true;
        return false;
      },
    },
    {
      name: "columnHidden",
      get: (t) => hiddenState(t.sheet.hiddenColumns, t.rect.c0, t.rect.c1),
      set: (t, v, tx) => t.sheet.setHidden(tx, t.rect, "columns", v, "Range.columnHidden"),
    },
    {
      name: "rowHidden",
      get: (t) => hiddenState(t.sheet.hiddenRows, t.rect.r0, t.rect.r1),
      set: (t, v, tx) => t.sheet.setHidden(tx, t.rect, "rows", v, "Range.rowHidden"),
    },
    {
      name: "hidden",
      get: (t) => hiddenState(t.sheet.hiddenRows, t.rect.r0, t.rect.r1) === true || hiddenState(t.sheet.hiddenColumns, t.rect.c0, t.rect.c1) === true,
    },
    { name: "left", get: (t) => t.sheet.columnsWidth(0, t.rect.c0 - 1) },
    { name: "top", get: (t) => t.sheet.rowsHeight(0, t.rect.r0 - 1) },
    { name: "width", get: (t) => t.sheet.columnsWidth(t.rect.c0, t.rect.c1) },
    { name: "height", get: (t) => t.sheet.rowsHeight(t.rect.r0, t.rect.r1) },
    {
      name: "style",
      get: (t) => t.sheet.styleOf(t.rect, "style") ?? "Normal",
      set: (t, v, tx) => t.sheet.setStyle(tx, t.rect, "style" as StyleKey, v, "Range.style"),
    },
  ];
}

function hiddenState(set: ReadonlySet<number>, from: number, to: number): boolean | null {
  if (to - from > 100_000) return set.size === 0 ? false : null;
  let hidden = 0;
  for (let i = from; i <= to; i++) if (set.has(i)) hidden++;
  return hidden === 0 ? false : hidden === to - from + 1 ? true : null;
}

export class FakeRange extends FakeClientObject<RangeRef> {
  declare values: unknown[][];
  declare formulas: unknown[][];
  declare formulasLocal: unknown[][];
  declare numberFormat: unknown[][];
  declare numberFormatLocal: unknown[][];
  declare readonly text: string[][];
  declare readonly valueTypes: string[][];
  declare readonly valuesAsJson: unknown[][];
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly cellCount: number;
  declare readonly isEntireColumn: boolean;
  declare readonly isEntireRow: boolean;
  declare columnHidden: boolean;
  declare rowHidden: boolean;
  declare style: string;

  private derive(name: string, args: readonly unknown[], compute: (base: RangeRef, tx: Tx) => RangeRef | null): FakeRange {
    return new FakeRange(this._ctx, `${this._path}.${name}(${args.map(preview).join(", ")})`, (tx) => compute(this._targetIn(tx), tx));
  }

  private shape(name: string, args: readonly unknown[], compute: (r: Rect, location: string) => Rect): FakeRange {
    const location = `Range.${name}`;
    return this.derive(name, args, (base) => ({ sheet: base.sheet, rect: inSheet(compute(base.rect, location), location) }));
  }

  get worksheet(): FakeWorksheet {
    return this._child("worksheet", () => new FakeWorksheet(this._ctx, `${this._path}.worksheet`, (tx) => this._targetIn(tx).sheet));
  }

  get format(): FakeRangeFormat {
    return this._child("format", () => new FakeRangeFormat(this._ctx, `${this._path}.format`, (tx) => this._targetIn(tx)));
  }

  get dataValidation(): FakeDataValidation {
    return this._child("dataValidation", () => new FakeDataValidation(this._ctx, `${this._path}.dataValidation`, (tx) => this._targetIn(tx)));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._child("conditionalFormats", () => new FakeConditionalFormatCollection(this._ctx, `${this._path}.conditionalFormats`, (tx) => this._targetIn(tx)));
  }

  getCell(row: number, column: number): FakeRange {
    return this.shape("getCell", [row, column], (r, at) => {
      const i = r.r0 + intArg(row, at);
      const j = r.c0 + intArg(column, at);
      return rect(i, j, i, j);
    });
  }

  getRow(row: number): FakeRange {
    return this.shape("getRow", [row], (r, at) => rect(r.r0 + intArg(row, at), r.c0, r.r0 + row, r.c1));
  }

  getColumn(column: number): FakeRange {
    return this.shape("getColumn", [column], (r, at) => rect(r.r0, r.c0 + intArg(column, at), r.r1, r.c0 + column));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.shape("getResizedRange", [deltaRows, deltaColumns], (r, at) => rect(r.r0, r.c0, r.r1 + intArg(deltaRows, at), r.c1 + intArg(deltaColumns, at)));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.shape("getOffsetRange", [rowOffset, columnOffset], (r, at) => {
      const dr = intArg(rowOffset, at);
      const dc = intArg(columnOffset, at);
      return rect(r.r0 + dr, r.c0 + dc, r.r1 + dr, r.c1 + dc);
    });
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    return this.shape("getAbsoluteResizedRange", [numRows, numColumns], (r, at) => rect(r.r0, r.c0, r.r0 + intArg(numRows, at, 1) - 1, r.c0 + intArg(numColumns, at, 1) - 1));
  }

  getEntireColumn(): FakeRange {
    return this.shape("getEntireColumn", [], (r) => rect(0, r.c0, MAX_ROWS - 1, r.c1));
  }

  getEntireRow(): FakeRange {
    return this.shape("getEntireRow", [], (r) => rect(r.r0, 0, r.r1, MAX_COLUMNS - 1));
  }

  getLastRow(): FakeRange {
    return this.shape("getLastRow", [], (r) => rect(r.r1, r.c0, r.r1, r.c1));
  }

  getLastColumn(): FakeRange {
    return this.shape("getLastColumn", [], (r) => rect(r.r0, r.c1, r.r1, r.c1));
  }

  getLastCell(): FakeRange {
    return this.shape("getLastCell", [], (r) => rect(r.r1, r.c1, r.r1, r.c1));
  }

  getRowsAbove(count = 1): FakeRange {
    return this.shape("getRowsAbove", [count], (r, at) => rect(r.r0 - intArg(count, at, 1), r.c0, r.r0 - 1, r.c1));
  }

  getRowsBelow(count = 1): FakeRange {
    return this.shape("getRowsBelow", [count], (r, at) => rect(r.r1 + 1, r.c0, r.r1 + intArg(count, at, 1), r.c1));
  }

  getColumnsBefore(count = 1): FakeRange {
    return this.shape("getColumnsBefore", [count], (r, at) => rect(r.r0, r.c0 - intArg(count, at, 1), r.r1, r.c0 - 1));
  }

  getColumnsAfter(count = 1): FakeRange {
    return this.shape("getColumnsAfter", [count], (r, at) => rect(r.r0, r.c1 + 1, r.r1, r.c1 + intArg(count, at, 1)));
  }

  getBoundingRect(anotherRange: FakeRange | string): FakeRange {
    this._assertSameContext(anotherRange);
    return this.derive("getBoundingRect", [anotherRange], (base, tx) => {
      const other = rangeArgument(anotherRange, base.sheet, this._ctx._workbook, tx, "Range.getBoundingRect");
      if (other.sheet !== base.sheet) throw invalidArgument("the ranges are on different sheets", "Range.getBoundingRect");
      return { sheet: base.sheet, rect: boundingRect(base.rect, other.rect) };
    });
  }

  getIntersection(anotherRange: FakeRange | string): FakeRange {
    this._assertSameContext(anotherRange);
    return this.derive("getIntersection", [anotherRange], (base, tx) => {
      const r = this.intersectWith(base, anotherRange, tx, "Range.getIntersection");
      if (!r) throw itemNotFound("the ranges do not intersect", "Range.getIntersection");
      return r;
    });
  }

  getIntersectionOrNullObject(anotherRange: FakeRange | string): FakeRange {
    this._assertSameContext(anotherRange);
    const proxy = this.derive("getIntersectionOrNullObject", [anotherRange], (base, tx) => this.intersectWith(base, anotherRange, tx, "Range.getIntersectionOrNullObject"));
    this._announce(proxy);
    return proxy;
  }

  private intersectWith(base: RangeRef, other: FakeRange | string, tx: Tx, location: string): RangeRef | null {
    const o = rangeArgument(other, base.sheet, this._ctx._workbook, tx, location);
    if (o.sheet !== base.sheet) return null;
    const r = intersect(base.rect, o.rect);
    return r ? { sheet: base.sheet, rect: r } : null;
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.derive("getUsedRange", [valuesOnly], (base) => {
      const used = base.sheet.usedRect(valuesOnly === true);
      const r = used ? intersect(used, base.rect) : null;
      if (!r) throw itemNotFound("there are no used cells in the range", "Range.getUsedRange");
      return { sheet: base.sheet, rect: r };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const proxy = this.derive("getUsedRangeOrNullObject", [valuesOnly], (base) => {
      const used = base.sheet.usedRect(valuesOnly === true);
      const r = used ? intersect(used, base.rect) : null;
      return r ? { sheet: base.sheet, rect: r } : null;
    });
    this._announce(proxy);
    return proxy;
  }

  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], (t, tx) => t.sheet.clear(tx, t.rect, applyTo, "Range.clear"));
  }

  /**
   * The merged areas that meet this range, as a RangeAreas; a null object when there are none
   * (Range.getMergedAreasOrNullObject, ExcelApi 1.13, in the API reference: "Returns a RangeAreas
   * object that represents the merged areas in this range … If the RangeAreas object doesn't
   * exist, then this method returns an object with its isNullObject property set to true"; more
   * than 512 areas fail).
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const proxy = new FakeRangeAreas(this._ctx, `${this._path}.getMergedAreasOrNullObject()`, (tx) => {
      const base = this._targetIn(tx);
      const rects = base.sheet.merges.filter((m) => intersect(m, base.rect) !== null).sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
      if (rects.length > 512) throw invalidOperation("more than 512 merged areas", "Range.getMergedAreasOrNullObject");
      return rects.length === 0 ? null : { sheet: base.sheet, rects };
    });
    this._announce(proxy);
    return proxy;
  }

  select(): void {
    this._call("select", [], (t, tx) => this._ctx._workbook.activate(tx, t.sheet, t.rect));
  }

  merge(across = false): void {
    this._call("merge", [across], (t, tx) => t.sheet.merge(tx, t.rect, across === true, "Range.merge"));
  }

  unmerge(): void {
    this._call("unmerge", [], (t, tx) => t.sheet.unmerge(tx, t.rect, "Range.unmerge"));
  }

  calculate(): void {
    this._call("calculate", [], () => undefined);
  }
}

defineType(FakeRange, { typeName: "Range", scalars: rangeScalars(), navigation: ["format", "worksheet", "conditionalFormats", "dataValidation"] });

// ---------------------------------------------------------------------------------------------
// RangeFormat, RangeFill, RangeFont, RangeBorder

function styleScalar(name: string, key: StyleKey, check: (v: unknown, location: string) => unknown, typeName: string): ScalarSpec<RangeRef> {
  const location = `${typeName}.${name}`;
  return {
    name,
    get: (t) => t.sheet.styleOf(t.rect, key),
    set: (t, v, tx) => t.sheet.setStyle(tx, t.rect, key, check(v, location), location),
  };
}

const isBool = (v: unknown, location: string): boolean => {
  if (typeof v !== "boolean") throw invalidArgument(`${preview(v)} is not a boolean`, location);
  return v;
};

const isText = (v: unknown, location: string): string => {
  if (typeof v !== "string") throw invalidArgument(`${preview(v)} is not a string`, location);
  return v;
};

const isNumber = (v: unknown, location: string): number => {
  if (typeof v !== "number" || !Number.isFinite(v)) throw invalidArgument(`${preview(v)} is not a number`, location);
  return v;
};

const oneOf =
  (...allowed: string[]) =>
  (v: unknown, location: string): string => {
    if (typeof v !== "string" || !allowed.includes(v)) throw invalidArgument(`${preview(v)} is not one of ${allowed.join(", ")}`, location);
    return v;
  };

class FakeRangeFormat extends FakeClientObject<RangeRef> {
  declare columnWidth: number;
  declare rowHeight: number;
  declare wrapText: boolean;
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  declare indentLevel: number;

  get fill(): FakeRangeFill {
    return this._child("fill", () => new FakeRangeFill(this._ctx, `${this._path}.fill`, (tx) => this._targetIn(tx)));
  }

  get font(): FakeRangeFont {
    return this._child("font", () => new FakeRangeFont(this._ctx, `${this._path}.font`, (tx) => this._targetIn(tx)));
  }

  get borders(): FakeRangeBorderCollection {
    return this._child("borders", () => new FakeRangeBorderCollection(this._ctx, `${this._path}.borders`, (tx) => this._targetIn(tx)));
  }

  get protection(): FakeFormatProtection {
    return this._child("protection", () => new FakeFormatProtection(this._ctx, `${this._path}.protection`, (tx) => this._targetIn(tx)));
  }

  autofitColumns(): void {
    this._call("autofitColumns", [], (t, tx) => t.sheet.autofit(tx, t.rect, "RangeFormat.autofitColumns"));
  }

  autofitRows(): void {
    this._call("autofitRows", [], (t, tx) => tx.assertSheetWritable(t.sheet, "RangeFormat.autofitRows"));
  }
}

defineType<RangeRef>(FakeRangeFormat, {
  typeName: "RangeFormat",
  navigation: ["fill", "font", "borders", "protection"],
  scalars: [
    {
      name: "columnWidth",
      get: (t) => t.sheet.columnWidthOf(t.rect),
      set: (t, v, tx) => t.sheet.setColumnWidth(tx, t.rect, v, "RangeFormat.columnWidth"),
    },
    {
      name: "rowHeight",
      get: (t) => t.sheet.rowHeightOf(t.rect),
      set: (t, v, tx) => t.sheet.setRowHeight(tx, t.rect, v, "RangeFormat.rowHeight"),
    },
    styleScalar("wrapText", "wrapText", isBool, "RangeFormat"),
    styleScalar("horizontalAlignment", "horizontalAlignment", oneOf("General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"), "RangeFormat"),
    styleScalar("verticalAlignment", "verticalAlignment", oneOf("Top", "Center", "Bottom", "Justify", "Distributed"), "RangeFormat"),
    styleScalar("indentLevel", "indentLevel", isNumber, "RangeFormat"),
    { name: "useStandardWidth", get: (t) => t.sheet.columnWidthOf(t.rect) === t.sheet.standardWidth },
    { name: "useStandardHeight", get: (t) => t.sheet.rowHeightOf(t.rect) === t.sheet.standardHeight },
  ],
});

/** Cell locking, which matters once the sheet is protected (then only unlocked cells take values). */
class FakeFormatProtection extends FakeClientObject<RangeRef> {
  declare locked: boolean;
  declare formulaHidden: boolean;
}

defineType<RangeRef>(FakeFormatProtection, {
  typeName: "FormatProtection",
  scalars: [styleScalar("locked", "protection.locked", isBool, "FormatProtection"), styleScalar("formulaHidden", "protection.formulaHidden", isBool, "FormatProtection")],
});

class FakeRangeFill extends FakeClientObject<RangeRef> {
  declare color: string;

  clear(): void {
    this._call("clear", [], (t, tx) => t.sheet.setStyle(tx, t.rect, "fill.color", "#FFFFFF", "RangeFill.clear"));
  }
}

defineType<RangeRef>(FakeRangeFill, {
  typeName: "RangeFill",
  scalars: [styleScalar("color", "fill.color", normalizeColor, "RangeFill")],
});

class FakeRangeFont extends FakeClientObject<RangeRef> {
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;
  declare name: string;
  declare size: number;
  declare underline: string;
  declare strikethrough: boolean;
}

defineType<RangeRef>(FakeRangeFont, {
  typeName: "RangeFont",
  scalars: [
    styleScalar("bold", "font.bold", isBool, "RangeFont"),
    styleScalar("italic", "font.italic", isBool, "RangeFont"),
    styleScalar("color", "font.color", normalizeColor, "RangeFont"),
    styleScalar("name", "font.name", isText, "RangeFont"),
    styleScalar("size", "font.size", isNumber, "RangeFont"),
    styleScalar("underline", "font.underline", oneOf("None", "Single", "Double", "SingleAccountant", "DoubleAccountant"), "RangeFont"),
    styleScalar("strikethrough", "font.strikethrough", isBool, "RangeFont"),
  ],
});

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

interface BorderRef extends RangeRef {
  readonly index: string;
}

class FakeRangeBorderCollection extends FakeClientObject<RangeRef> {
  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(this._ctx, `${this._path}.getItem(${preview(index)})`, (tx) => {
      const t = this._targetIn(tx);
      if (!BORDER_INDEXES.includes(index)) throw invalidArgument(`'${String(index)}' is not a border index`, "RangeBorderCollection.getItem");
      return { sheet: t.sheet, rect: t.rect, index };
    });
  }
}

defineType<RangeRef>(FakeRangeBorderCollection, { typeName: "RangeBorderCollection", scalars: [] });

function borderScalar(name: "style" | "color" | "weight", check: (v: unknown, location: string) => unknown): ScalarSpec<BorderRef> {
  const location = `RangeBorder.${name}`;
  return {
    name,
    get: (t) => t.sheet.styleOf(t.rect, `border.${t.index}.${name}`),
    set: (t, v, tx) => t.sheet.setStyle(tx, t.rect, `border.${t.index}.${name}`, check(v, location), location),
  };
}

class FakeRangeBorder extends FakeClientObject<BorderRef> {
  declare style: string;
  declare color: string;
  declare weight: string;
  declare readonly sideIndex: string;
}

defineType<BorderRef>(FakeRangeBorder, {
  typeName: "RangeBorder",
  scalars: [
    { name: "sideIndex", get: (t) => t.index },
    borderScalar("style", oneOf("None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot")),
    borderScalar("color", normalizeColor),
    borderScalar("weight", oneOf("Hairline", "Thin", "Medium", "Thick")),
  ],
});

// ---------------------------------------------------------------------------------------------
// Data validation (ExcelApi 1.8): https://learn.microsoft.com/javascript/api/excel/excel.datavalidation
//
// A sheet keeps its validations as rectangles, each with one rule, prompt and error alert, as a
// worksheet's <dataValidations> does. Setting a rule on a range takes its cells out of any earlier
// validation (a cell has at most one) and gives them the new one. Reading a range's validation
// gives the one that covers every cell, type "None" where none does, and "Inconsistent" where the
// cells differ (DataValidation.type, Excel.DataValidationType). Only list and custom rules are
// modelled; the add-in sets no other kind. `valid` is not: it needs the rule evaluated.

const DV_ALERT_STYLES = ["Stop", "Warning", "Information"];
const DEFAULT_ALERT = { message: "", showAlert: true, style: "Stop", title: "" };
const DEFAULT_PROMPT = { message: "", showPrompt: false, title: "" };

/** The cells of `r` not in `cut`, as at most four rectangles. */
function subtractRect(r: Rect, cut: Rect): Rect[] {
  if (!intersect(r, cut)) return [r];
  const out: Rect[] = [];
  if (r.r0 < cut.r0) out.push(rect(r.r0, r.c0, cut.r0 - 1, r.c1));
  if (r.r1 > cut.r1) out.push(rect(cut.r1 + 1, r.c0, r.r1, r.c1));
  const top = Math.max(r.r0, cut.r0);
  const bottom = Math.min(r.r1, cut.r1);
  if (r.c0 < cut.c0) out.push(rect(top, r.c0, bottom, cut.c0 - 1));
  if (r.c1 > cut.c1) out.push(rect(top, cut.c1 + 1, bottom, r.c1));
  return out;
}

function validationsOn(ref: RangeRef): FakeDataValidationRecord[] {
  return ref.sheet.dataValidations.filter((v) => v.areas.some((a) => intersect(a, ref.rect)));
}

/** The one validation covering every cell of the range, null where none covers any; "mixed" otherwise. */
function validationOf(ref: RangeRef): FakeDataValidationRecord | null | "mixed" {
  const on = validationsOn(ref);
  if (on.length === 0) return null;
  if (on.length > 1) return "mixed";
  const covered = on[0].areas.reduce((n, a) => {
    if (!intersect(a, ref.rect)) return n;
    const r0 = Math.max(a.r0, ref.rect.r0), r1 = Math.min(a.r1, ref.rect.r1), c0 = Math.max(a.c0, ref.rect.c0), c1 = Math.min(a.c1, ref.rect.c1);
    return n + (r1 - r0 + 1) * (c1 - c0 + 1);
  }, 0);
  return covered === rectCells(ref.rect) ? on[0] : "mixed";
}

/** Takes the range's cells out of every validation (undone with the batch). */
function removeValidations(ref: RangeRef, tx: Tx): void {
  const saved = ref.sheet.dataValidations.map((v) => ({ v, areas: v.areas }));
  const savedList = ref.sheet.dataValidations;
  ref.sheet.dataValidations = savedList
    .map((v) => {
      v.areas = v.areas.flatMap((a) => subtractRect(a, ref.rect));
      return v;
    })
    .filter((v) => v.areas.length > 0);
  tx.onUndo(() => {
    ref.sheet.dataValidations = savedList;
    for (const { v, areas } of saved) v.areas = areas;
  });
}

function checkedRule(v: unknown, location: string): DataValidationRuleRecord {
  if (typeof v !== "object" || v === null) throw invalidArgument(`${preview(v)} is not a data validation rule`, location);
  const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
  // "You can only use one of them at a time" (Excel.DataValidationRule).
  if (keys.length !== 1) throw invalidArgument("a data validation rule has exactly one kind of criteria", location);
  const kind = keys[0];
  const body = (v as Record<string, unknown>)[kind] as Record<string, unknown>;
  if (kind === "list") {
    const source = body.source;
    if (typeof source !== "string" || source.trim() === "") throw invalidArgument("a list rule needs a source", location);
    // Excel keeps a list's formula1 to 255 characters; a longer comma-separated list is refused.
    if (!source.startsWith("=") && source.length > 255) throw invalidArgument("a list source of more than 255 characters", location);
    return { list: { inCellDropDown: body.inCellDropDown !== false, source } };
  }
  if (kind === "custom") {
    if (typeof body.formula !== "string") throw invalidArgument("a custom rule needs a formula", location);
    return { custom: { formula: body.formula } };
  }
  throw notImplemented(`DataValidationRule.${kind} in the fake`);
}

const DV_TYPES: Record<string, string> = { list: "List", custom: "Custom" };

class FakeDataValidation extends FakeClientObject<RangeRef> {
  declare rule: unknown;
  declare readonly type: string;
  declare errorAlert: unknown;
  declare prompt: unknown;
  declare ignoreBlanks: boolean;

  /** Removes the validation from the range's cells. */
  clear(): void {
    this._call("clear", [], (t, tx) => {
      tx.assertSheetWritable(t.sheet, "DataValidation.clear");
      removeValidations(t, tx);
    });
  }
}

/** A property of the range's validation: read from the one covering it, set on a new one for the range (keeping the rest of the old). */
function validationScalar(name: "errorAlert" | "prompt" | "ignoreBlanks", check: (v: unknown, location: string) => unknown): ScalarSpec<RangeRef> {
  const location = `DataValidation.${name}`;
  return {
    name,
    get: (t) => {
      const v = validationOf(t);
      if (v === "mixed") return null;
      if (v === null) return name === "errorAlert" ? { ...DEFAULT_ALERT } : name === "prompt" ? { ...DEFAULT_PROMPT } : true;
      return typeof v[name] === "object" ? { ...(v[name] as object) } : v[name];
    },
    set: (t, value, tx) => {
      tx.assertSheetWritable(t.sheet, location);
      const checked = check(value, location);
      const v = validationOf(t);
      if (v === null || v === "mixed") throw invalidOperation("the range has no data validation rule to change", location);
      tx.onUndo(((before) => () => ((v as unknown as Record<string, unknown>)[name] = before))(v[name]));
      (v as unknown as Record<string, unknown>)[name] = checked;
    },
  };
}

defineType<RangeRef>(FakeDataValidation, {
  typeName: "DataValidation",
  scalars: [
    {
      name: "rule",
      get: (t) => {
        const v = validationOf(t);
        return v === null || v === "mixed" ? {} : JSON.parse(JSON.stringify(v.rule));
      },
      set: (t, value, tx) => {
        tx.assertSheetWritable(t.sheet, "DataValidation.rule");
        const rule = checkedRule(value, "DataValidation.rule");
        removeValidations(t, tx);
        const record: FakeDataValidationRecord = { areas: [t.rect], rule, errorAlert: { ...DEFAULT_ALERT }, prompt: { ...DEFAULT_PROMPT }, ignoreBlanks: true };
        const before = t.sheet.dataValidations;
        t.sheet.dataValidations = [...before, record];
        tx.onUndo(() => (t.sheet.dataValidations = before));
      },
    },
    {
      name: "type",
      get: (t) => {
        const v = validationOf(t);
        return v === null ? "None" : v === "mixed" ? "Inconsistent" : DV_TYPES[Object.keys(v.rule)[0]];
      },
    },
    validationScalar("errorAlert", (v, location) => {
      if (typeof v !== "object" || v === null) throw invalidArgument(`${preview(v)} is not an error alert`, location);
      const a = { ...DEFAULT_ALERT, ...(v as object) } as typeof DEFAULT_ALERT;
      if (!DV_ALERT_STYLES.includes(a.style)) throw invalidArgument(`${preview(a.style)} is not one of ${DV_ALERT_STYLES.join(", ")}`, location);
      return a;
    }),
    validationScalar("prompt", (v, location) => {
      if (typeof v !== "object" || v === null) throw invalidArgument(`${preview(v)} is not a prompt`, location);
      return { ...DEFAULT_PROMPT, ...(v as object) };
    }),
    validationScalar("ignoreBlanks", isBool),
  ],
});

// ---------------------------------------------------------------------------------------------
// Conditional formats

const CF_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];
const CELL_VALUE_OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"];
const TEXT_OPERATORS = ["Contains", "NotContains", "BeginsWith", "EndsWith"];

let cfCounter = 0;

function cfsOn(ref: RangeRef): FakeConditionalFormat[] {
  return ref.sheet.conditionalFormats.filter((cf) => !cf.deleted && intersect(cf.rect, ref.rect)).sort((a, b) => a.priority - b.priority);
}

function renumber(list: FakeConditionalFormat[]): void {
  list.forEach((cf, i) => (cf.priority = i));
}

class FakeConditionalFormatCollection extends FakeCollectionObject<RangeRef, FakeConditionalFormatProxy> {
  _itemTargets(t: RangeRef): unknown[] {
    return cfsOn(t);
  }

  /**
   * An item as Office.js addresses it, by its id: the rule's priority, so it finds whatever rule
   * holds that position when it is used ("The priority of the conditional format in the current
   * ConditionalFormatCollection", ConditionalFormat.id in the API reference,
   * https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member).
   */
  _itemProxy(target: unknown): FakeConditionalFormatProxy {
    const cf = target as FakeConditionalFormat;
    const id = String(cf.priority);
    const p = new FakeConditionalFormatProxy(this._ctx, `${this._path}.getItem(${JSON.stringify(id)})`, (tx) => {
      const found = cfsOn(this._targetIn(tx)).find((c) => String(c.priority) === id);
      if (!found) throw itemNotFound(`conditional format ${id}`, "ConditionalFormatCollection.getItem");
      return found;
    });
    p._positional = true;
    return p;
  }

  /** Adds a rule for this range; Excel puts a new rule first (priority 0). */
  add(type: string): FakeConditionalFormatProxy {
    const proxy = new FakeConditionalFormatProxy(this._ctx, `${this._path}.add(${preview(type)})`, () => {
      throw itemNotFound("the conditional format was not created", "ConditionalFormatCollection.add");
    });
    this._call("add", [type], (t, tx) => {
      tx.assertSheetWritable(t.sheet, "ConditionalFormatCollection.add");
      if (!CF_TYPES.includes(type)) throw invalidArgument(`'${String(type)}' is not a conditional format type`, "ConditionalFormatCollection.add");
      const record = conditionalFormatRecord(String(++cfCounter), type, t.sheet, t.rect);
      const saved = t.sheet.conditionalFormats.slice();
      const savedPriorities = saved.map((cf) => cf.priority);
      t.sheet.conditionalFormats = [record, ...saved.sort((a, b) => a.priority - b.priority)];
      renumber(t.sheet.conditionalFormats);
      tx.onUndo(() => {
        t.sheet.conditionalFormats = saved;
        saved.forEach((cf, i) => (cf.priority = savedPriorities[i]));
        record.deleted = true;
      });
      proxy._bindIn(tx, record);
    });
    return proxy;
  }

  /** Removes the rules that apply to any cell of this range. */
  clearAll(): void {
    this._call("clearAll", [], (t, tx) => {
      tx.assertSheetWritable(t.sheet, "ConditionalFormatCollection.clearAll");
      const saved = t.sheet.conditionalFormats.slice();
      const removed = cfsOn(t);
      const savedPriorities = saved.map((cf) => cf.priority);
      t.sheet.conditionalFormats = saved.filter((cf) => !removed.includes(cf));
      for (const cf of removed) cf.deleted = true;
      renumber(t.sheet.conditionalFormats.sort((a, b) => a.priority - b.priority));
      tx.onUndo(() => {
        t.sheet.conditionalFormats = saved;
        saved.forEach((cf, i) => (cf.priority = savedPriorities[i]));
        for (const cf of removed) cf.deleted = false;
      });
    });
  }

  /** By id, which is a priority (see _itemProxy): the rule at that position when the batch runs. */
  getItem(id: string): FakeConditionalFormatProxy {
    const proxy = new FakeConditionalFormatProxy(this._ctx, `${this._path}.getItem(${preview(id)})`, (tx) => {
      const cf = cfsOn(this._targetIn(tx)).find((c) => String(c.priority) === String(id));
      if (!cf) throw itemNotFound(`conditional format ${id}`, "ConditionalFormatCollection.getItem");
      return cf;
    });
    proxy._positional = true;
    return proxy;
  }

  getItemOrNullObject(id: string): FakeConditionalFormatProxy {
    const proxy = new FakeConditionalFormatProxy(this._ctx, `${this._path}.getItemOrNullObject(${preview(id)})`, (tx) => cfsOn(this._targetIn(tx)).find((c) => String(c.priority) === String(id)) ?? null);
    proxy._positional = true;
    this._announce(proxy);
    return proxy;
  }

  getItemAt(index: number): FakeConditionalFormatProxy {
    return new FakeConditionalFormatProxy(this._ctx, `${this._path}.getItemAt(${preview(index)})`, (tx) => {
      const cf = cfsOn(this._targetIn(tx))[index];
      if (!cf) throw itemNotFound(`conditional format at ${index}`, "ConditionalFormatCollection.getItemAt");
      return cf;
    });
  }

}

defineType<RangeRef>(FakeConditionalFormatCollection, { typeName: "ConditionalFormatCollection", scalars: [] });

function cfWrite(cf: FakeConditionalFormat, tx: Tx, location: string): void {
  tx.assertSheetWritable(cf.sheet as FakeSheet, location);
}

/** Excel.ConditionalFormat: the proxy over a FakeConditionalFormat record. */
class FakeConditionalFormatProxy extends FakeClientObject<FakeConditionalFormat> {
  declare readonly type: string;
  declare readonly id: string;
  declare priority: number;
  declare stopIfTrue: boolean;

  private typed<C>(key: string, type: string, orNull: boolean, make: (ctx: ProxyContext, path: string, r: Resolver<FakeConditionalFormat>) => C): C {
    return this._child(key, () => {
      const proxy = make(this._ctx, `${this._path}.${key}`, (tx) => {
        const cf = orNull ? this._resolveIn(tx) : this._targetIn(tx);
        if (cf === null) return null;
        if (cf.type !== type) {
          if (orNull) return null;
          throw invalidOperation(`the conditional format is of type ${cf.type}, not ${type}`, `ConditionalFormat.${key}`);
        }
        return cf;
      });
      if (orNull) this._announce(proxy as unknown as FakeClientObject<unknown>);
      return proxy;
    });
  }

  get custom(): FakeCustomConditionalFormat {
    return this.typed("custom", "Custom", false, (c, p, r) => new FakeCustomConditionalFormat(c, p, r));
  }

  get customOrNullObject(): FakeCustomConditionalFormat {
    return this.typed("customOrNullObject", "Custom", true, (c, p, r) => new FakeCustomConditionalFormat(c, p, r));
  }

  get cellValue(): FakeCellValueConditionalFormat {
    return this.typed("cellValue", "CellValue", false, (c, p, r) => new FakeCellValueConditionalFormat(c, p, r));
  }

  get cellValueOrNullObject(): FakeCellValueConditionalFormat {
    return this.typed("cellValueOrNullObject", "CellValue", true, (c, p, r) => new FakeCellValueConditionalFormat(c, p, r));
  }

  get textComparison(): FakeTextConditionalFormat {
    return this.typed("textComparison", "ContainsText", false, (c, p, r) => new FakeTextConditionalFormat(c, p, r));
  }

  get textComparisonOrNullObject(): FakeTextConditionalFormat {
    return this.typed("textComparisonOrNullObject", "ContainsText", true, (c, p, r) => new FakeTextConditionalFormat(c, p, r));
  }

  getRange(): FakeRange {
    return new FakeRange(this._ctx, `${this._path}.getRange()`, (tx) => {
      const cf = this._targetIn(tx);
      return { sheet: cf.sheet as FakeSheet, rect: cf.rect };
    });
  }

  getRangeOrNullObject(): FakeRange {
    const proxy = new FakeRange(this._ctx, `${this._path}.getRangeOrNullObject()`, (tx) => {
      const cf = this._resolveIn(tx);
      return cf ? { sheet: cf.sheet as FakeSheet, rect: cf.rect } : null;
    });
    this._announce(proxy);
    return proxy;
  }

  delete(): void {
    this._call("delete", [], (cf, tx) => {
      cfWrite(cf, tx, "ConditionalFormat.delete");
      const sheet = cf.sheet as FakeSheet;
      const saved = sheet.conditionalFormats.slice();
      const savedPriorities = saved.map((c) => c.priority);
      // The rules after it move up one place: their ids (priorities) change.
      sheet.conditionalFormats = saved.filter((c) => c !== cf);
      renumber(sheet.conditionalFormats.sort((a, b) => a.priority - b.priority));
      cf.deleted = true;
      tx.onUndo(() => {
        sheet.conditionalFormats = saved;
        saved.forEach((c, i) => (c.priority = savedPriorities[i]));
        cf.deleted = false;
      });
    });
  }
}

defineType<FakeConditionalFormat>(FakeConditionalFormatProxy, {
  typeName: "ConditionalFormat",
  navigation: ["custom", "cellValue", "textComparison"],
  scalars: [
    { name: "type", get: (cf) => cf.type },
    { name: "id", get: (cf) => String(cf.priority) },
    {
      name: "priority",
      get: (cf) => cf.priority,
      set: (cf, v, tx) => {
        cfWrite(cf, tx, "ConditionalFormat.priority");
        const sheet = cf.sheet as FakeSheet;
        const list = sheet.conditionalFormats.slice().sort((a, b) => a.priority - b.priority);
        const saved = list.map((c) => c.priority);
        const at = Math.max(0, Math.min(list.length - 1, isNumber(v, "ConditionalFormat.priority")));
        const reordered = list.filter((c) => c !== cf);
        reordered.splice(at, 0, cf);
        renumber(reordered);
        tx.onUndo(() => list.forEach((c, i) => (c.priority = saved[i])));
      },
    },
    {
      name: "stopIfTrue",
      get: (cf) => cf.stopIfTrue,
      set: (cf, v, tx, wb) => {
        cfWrite(cf, tx, "ConditionalFormat.stopIfTrue");
        wb.setField(tx, cf, "stopIfTrue", isBool(v, "ConditionalFormat.stopIfTrue"));
      },
    },
  ],
});

class FakeCustomConditionalFormat extends FakeClientObject<FakeConditionalFormat> {
  get rule(): FakeConditionalFormatRule {
    return this._child("rule", () => new FakeConditionalFormatRule(this._ctx, `${this._path}.rule`, (tx) => this._targetIn(tx)));
  }

  get format(): FakeConditionalRangeFormat {
    return this._child("format", () => new FakeConditionalRangeFormat(this._ctx, `${this._path}.format`, (tx) => this._targetIn(tx)));
  }
}

defineType<FakeConditionalFormat>(FakeCustomConditionalFormat, { typeName: "CustomConditionalFormat", scalars: [], navigation: ["rule", "format"] });

/** ConditionalFormatRule.formula and .formulaLocal both write the rule's formula (en-US only in the fake). */
function ruleField(name: string, key: string, location: string): ScalarSpec<FakeConditionalFormat> {
  return {
    name,
    get: (cf) => cf.rule[key] ?? "",
    set: (cf, v, tx, wb) => {
      cfWrite(cf, tx, location);
      wb.setField(tx, cf, "rule", { ...cf.rule, [key]: isText(v, location) });
    },
  };
}

class FakeConditionalFormatRule extends FakeClientObject<FakeConditionalFormat> {
  declare formula: string;
  declare formulaLocal: string;
}

defineType<FakeConditionalFormat>(FakeConditionalFormatRule, {
  typeName: "ConditionalFormatRule",
  scalars: [ruleField("formula", "formula", "ConditionalFormatRule.formula"), ruleField("formulaLocal", "formula", "ConditionalFormatRule.formulaLocal")],
});

function objectRule(location: string, validate: (rule: Record<string, unknown>) => void): ScalarSpec<FakeConditionalFormat> {
  return {
    name: "rule",
    get: (cf) => ({ ...cf.rule }),
    set: (cf, v, tx, wb) => {
      cfWrite(cf, tx, location);
      if (v === null || typeof v !== "object") throw invalidArgument("rule must be an object", location);
      const rule = { ...(v as Record<string, unknown>) };
      validate(rule);
      wb.setField(tx, cf, "rule", rule);
    },
  };
}

class FakeCellValueConditionalFormat extends FakeClientObject<FakeConditionalFormat> {
  declare rule: { formula1: string; formula2?: string; operator: string };

  get format(): FakeConditionalRangeFormat {
    return this._child("format", () => new FakeConditionalRangeFormat(this._ctx, `${this._path}.format`, (tx) => this._targetIn(tx)));
  }
}

defineType<FakeConditionalFormat>(FakeCellValueConditionalFormat, {
  typeName: "CellValueConditionalFormat",
  navigation: ["format"],
  scalars: [
    objectRule("CellValueConditionalFormat.rule", (rule) => {
      if (typeof rule.formula1 !== "string" && typeof rule.formula1 !== "number") throw invalidArgument("rule.formula1 is required", "CellValueConditionalFormat.rule");
      if (!CELL_VALUE_OPERATORS.includes(String(rule.operator))) throw invalidArgument(`'${String(rule.operator)}' is not a cell value operator`, "CellValueConditionalFormat.rule");
      if ((rule.operator === "Between" || rule.operator === "NotBetween") && rule.formula2 === undefined) throw invalidArgument("rule.formula2 is required for Between", "CellValueConditionalFormat.rule");
    }),
  ],
});

class FakeTextConditionalFormat extends FakeClientObject<FakeConditionalFormat> {
  declare rule: { operator: string; text: string };

  get format(): FakeConditionalRangeFormat {
    return this._child("format", () => new FakeConditionalRangeFormat(this._ctx, `${this._path}.format`, (tx) => this._targetIn(tx)));
  }
}

defineType<FakeConditionalFormat>(FakeTextConditionalFormat, {
  typeName: "TextConditionalFormat",
  navigation: ["format"],
  scalars: [
    objectRule("TextConditionalFormat.rule", (rule) => {
      if (typeof rule.text !== "string") throw invalidArgument("rule.text is required", "TextConditionalFormat.rule");
      if (!TEXT_OPERATORS.includes(String(rule.operator))) throw invalidArgument(`'${String(rule.operator)}' is not a text operator`, "TextConditionalFormat.rule");
    }),
  ],
});

type FormatPart = "fill" | "font";

function cfFormatField(part: FormatPart | null, name: string, typeName: string, check: (v: unknown, at: string) => unknown): ScalarSpec<FakeConditionalFormat> {
  const location = `${typeName}.${name}`;
  return {
    name,
    get: (cf) => {
      const holder = part ? (cf.format[part] as Record<string, unknown> | undefined) : (cf.format as Record<string, unknown>);
      return holder?.[name] ?? null;
    },
    set: (cf, v, tx, wb) => {
      cfWrite(cf, tx, location);
      const value = check(v, location);
      const format = { ...cf.format, fill: { ...cf.format.fill }, font: { ...cf.format.font } };
      if (part) (format[part] as Record<string, unknown>)[name] = value;
      else (format as Record<string, unknown>)[name] = value;
      if (Object.keys(format.fill).length === 0) delete (format as { fill?: unknown }).fill;
      if (Object.keys(format.font).length === 0) delete (format as { font?: unknown }).font;
      wb.setField(tx, cf, "format", format);
    },
  };
}

export class FakeConditionalRangeFormat extends FakeClientObject<FakeConditionalFormat> {
  declare numberFormat: unknown;

  get fill(): FakeConditionalRangeFill {
    return this._child("fill", () => new FakeConditionalRangeFill(this._ctx, `${this._path}.fill`, (tx) => this._targetIn(tx)));
  }

  get font(): FakeConditionalRangeFont {
    return this._child("font", () => new FakeConditionalRangeFont(this._ctx, `${this._path}.font`, (tx) => this._targetIn(tx)));
  }

  clearFormat(): void {
    this._call("clearFormat", [], (cf, tx) => {
      cfWrite(cf, tx, "ConditionalRangeFormat.clearFormat");
      this._ctx._workbook.setField(tx, cf, "format", {});
    });
  }
}

defineType<FakeConditionalFormat>(FakeConditionalRangeFormat, {
  typeName: "ConditionalRangeFormat",
  navigation: ["fill", "font"],
  scalars: [cfFormatField(null, "numberFormat", "ConditionalRangeFormat", (v) => v)],
});

class FakeConditionalRangeFill extends FakeClientObject<FakeConditionalFormat> {
  declare color: string;

  clear(): void {
    this._call("clear", [], (cf, tx) => {
      cfWrite(cf, tx, "ConditionalRangeFill.clear");
      const format = { ...cf.format };
      delete format.fill;
      this._ctx._workbook.setField(tx, cf, "format", format);
    });
  }
}

defineType<FakeConditionalFormat>(FakeConditionalRangeFill, {
  typeName: "ConditionalRangeFill",
  scalars: [cfFormatField("fill", "color", "ConditionalRangeFill", normalizeColor)],
});

class FakeConditionalRangeFont extends FakeClientObject<FakeConditionalFormat> {
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;
  declare strikethrough: boolean;
  declare underline: string;

  clear(): void {
    this._call("clear", [], (cf, tx) => {
      cfWrite(cf, tx, "ConditionalRangeFont.clear");
      const format = { ...cf.format };
      delete format.font;
      this._ctx._workbook.setField(tx, cf, "format", format);
    });
  }
}

defineType<FakeConditionalFormat>(FakeConditionalRangeFont, {
  typeName: "ConditionalRangeFont",
  scalars: [
    cfFormatField("font", "bold", "ConditionalRangeFont", isBool),
    cfFormatField("font", "italic", "ConditionalRangeFont", isBool),
    cfFormatField("font", "color", "ConditionalRangeFont", normalizeColor),
    cfFormatField("font", "strikethrough", "ConditionalRangeFont", isBool),
    cfFormatField("font", "underline", "ConditionalRangeFont", oneOf("None", "Single", "Double")),
  ],
});

// ---------------------------------------------------------------------------------------------
// RangeAreas (what getMergedAreasOrNullObject gives) and its RangeCollection

interface AreasRef {
  readonly sheet: FakeSheet;
  readonly rects: readonly Rect[];
}

class FakeRangeAreas extends FakeClientObject<AreasRef> {
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly areaCount: number;
  declare readonly cellCount: number;

  get areas(): FakeRangeCollection {
    return this._child("areas", () => new FakeRangeCollection(this._ctx, `${this._path}.areas`, (tx) => this._targetIn(tx)));
  }

  get worksheet(): FakeWorksheet {
    return this._child("worksheet", () => new FakeWorksheet(this._ctx, `${this._path}.worksheet`, (tx) => this._targetIn(tx).sheet));
  }
}

/** "Sheet1!A1:B4,Sheet1!D1:D4": the sheet's name on every block, as RangeAreas.address documents. */
const areasAddress = (t: AreasRef): string => t.rects.map((r) => t.sheet.address(r)).join(",");

defineType<AreasRef>(FakeRangeAreas, {
  typeName: "RangeAreas",
  navigation: ["areas", "worksheet"],
  scalars: [
    { name: "address", get: areasAddress },
    { name: "addressLocal", get: areasAddress },
    { name: "areaCount", get: (t) => t.rects.length },
    { name: "cellCount", get: (t) => t.rects.reduce((n, r) => n + rectCells(r), 0) },
    { name: "isEntireColumn", get: (t) => t.rects.every(isEntireColumns) },
    { name: "isEntireRow", get: (t) => t.rects.every(isEntireRows) },
  ],
});

class FakeRangeCollection extends FakeCollectionObject<AreasRef, FakeRange> {
  _itemTargets(t: AreasRef): unknown[] {
    return t.rects.map((r) => ({ sheet: t.sheet, rect: r }));
  }

  _itemProxy(target: unknown): FakeRange {
    const ref = target as RangeRef;
    const p = new FakeRange(this._ctx, `${this._path}.getItemAt(${JSON.stringify(ref.sheet.address(ref.rect))})`, () => ref);
    p._bound = ref;
    return p;
  }

  getItemAt(index: number): FakeRange {
    return new FakeRange(this._ctx, `${this._path}.getItemAt(${preview(index)})`, (tx) => {
      const t = this._targetIn(tx);
      const r = t.rects[index];
      if (r === undefined) throw itemNotFound(`area ${index}`, "RangeCollection.getItemAt");
      return { sheet: t.sheet, rect: r };
    });
  }
}

defineType<AreasRef>(FakeRangeCollection, { typeName: "RangeCollection", scalars: [] });
