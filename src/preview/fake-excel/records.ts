/**
 * The things the fake records rather than renders — conditional formats, data validation, charts, page layout,
 * tables, defined names, settings — as plain objects tests can assert on
 * (`fake.workbook.getSheet("Report").conditionalFormats[0].rule.formula`).
 */
import { fullAddress, type Rect } from "./address";

interface SheetRef {
  readonly name: string;
  readonly deleted: boolean;
}

/** Format a conditional format applies: only what was set is present. */
export interface FakeConditionalRangeFormat {
  fill?: { color?: string };
  font?: { bold?: boolean; italic?: boolean; color?: string; strikethrough?: boolean; underline?: string };
  numberFormat?: unknown;
}

/** One kind of criteria, as Excel.DataValidationRule holds it (the fake models list and custom). */
export type DataValidationRuleRecord = { list: { inCellDropDown: boolean; source: string } } | { custom: { formula: string } };

/** A data validation: the cells it covers (a worksheet's sqref) and its rule, prompt and alert. */
export interface FakeDataValidationRecord {
  areas: Rect[];
  rule: DataValidationRuleRecord;
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
  prompt: { message: string; showPrompt: boolean; title: string };
  ignoreBlanks: boolean;
}

export interface FakeConditionalFormat {
  readonly id: string;
  /** Excel.ConditionalFormatType: "Custom", "CellValue", "ContainsText", ... */
  readonly type: string;
  readonly sheet: SheetRef;
  rect: Rect;
  priority: number;
  stopIfTrue: boolean;
  /** Custom: { formula }; CellValue: { formula1, formula2?, operator }; ContainsText: { operator, text }. */
  rule: Record<string, unknown>;
  format: FakeConditionalRangeFormat;
  /** Type-specific settings for the types the fake records but does not model (colorScale criteria, ...). */
  settings: Record<string, unknown>;
  deleted: boolean;
  /** e.g. "Report!B2:B40". */
  readonly address: string;
}

export function conditionalFormatRecord(
  id: string,
  type: string,
  sheet: SheetRef,
  rect: Rect,
): FakeConditionalFormat {
  return {
    id,
    type,
    sheet,
    rect,
    priority: 0,
    stopIfTrue: false,
    rule: {},
    format: {},
    settings: {},
    deleted: false,
    get address() {
      return fullAddress(this.sheet.name, this.rect);
    },
  };
}

export interface FakeChart {
  readonly id: string;
  name: string;
  chartType: string;
  readonly sheet: SheetRef;
  sourceRect: Rect;
  seriesBy: string;
  title: { text: string; visible: boolean; overlay: boolean };
  legend: { visible: boolean; position: string };
  top: number;
  left: number;
  width: number;
  height: number;
  /** What was set on each series (ChartSeries.name, setXAxisValues), by index; series without settings are absent. */
  series: { name?: string; xAxisValues?: string }[];
  /** Set by setPosition(start, end?): the anchor cells' addresses. */
  position?: { start: string; end?: string };
  deleted: boolean;
  /** e.g. "Report!A1:B12". */
  readonly sourceAddress: string;
}

export interface FakePageLayout {
  orientation: string;
  paperSize: string;
  centerHorizontally: boolean;
  centerVertically: boolean;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printGridlines: boolean;
  printHeadings: boolean;
  blackAndWhite: boolean;
  draftMode: boolean;
  firstPageNumber: number | "";
  printOrder: string;
  printComments: string;
  printErrors: string;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  /** The print header and footer on every page (HeadersFootersGroup.defaultForAllPages), as set, "&"-codes and all. */
  headerFooter: { leftHeader: string; centerHeader: string; rightHeader: string; leftFooter: string; centerFooter: string; rightFooter: string };
  /** Row/column references as set ("$1:$2", "Report!$1:$1"), or null. */
  printTitleRows: string | null;
  printTitleColumns: string | null;
  printArea: string | null;
}

export function defaultPageLayout(): FakePageLayout {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    centerHorizontally: false,
    centerVertically: false,
    zoom: { scale: 100 },
    printGridlines: false,
    printHeadings: false,
    blackAndWhite: false,
    draftMode: false,
    firstPageNumber: "",
    printOrder: "DownThenOver",
    printComments: "NoComments",
    printErrors: "AsDisplayed",
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    headerFooter: { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" },
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
  };
}

export interface FakeProtection {
  protected: boolean;
  options: Record<string, boolean>;
  password: string | undefined;
}

export interface FakeFreeze {
  rows: number;
  columns: number;
}
