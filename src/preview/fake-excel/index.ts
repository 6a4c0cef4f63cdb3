/**
 * An in-memory fake of the Excel JavaScript API that keeps Excel's load/sync rules, for jest
 * tests of the Office.js gateway, the end-to-end test in headless Chromium, and the preview page.
 * Pure TypeScript: no Node APIs, no DOM.
 *
 * ```ts
 * const fake = createFakeExcel({ sheets: [{ name: "Ledger", cells: [["Customer", "Amount"], ["Acme", 12]] }] });
 * await fake.Excel.run(async (context) => {
 *   const range = context.workbook.worksheets.getItem("Ledger").getRange("A1:B2");
 *   range.load("values");
 *   await context.sync();
 *   range.values; // [["Customer", "Amount"], ["Acme", 12]]
 * });
 * fake.workbook.getSheet("Ledger").cell("B2").value; // 12, read directly for assertions
 * fake.stats.syncs; // 1
 * ```
 *
 * Excel behaviour the fake keeps (sources: the office-js-docs-pr articles named, @types/office-js,
 * and Office.js itself in node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js):
 * - Proxies queue; nothing reaches the workbook before `context.sync()`. Reading an unloaded
 *   property throws PropertyNotLoaded; a property set on the proxy reads back locally
 *   (application-specific-api-model.md; Office.js `throwIfNotLoaded` and property setters).
 * - `*OrNullObject` proxies learn `isNullObject` at sync. A property of a null object reads
 *   undefined (Office.js `Utility.throwIfNotLoaded` skips null objects); a load through one gives a
 *   null object; a write or method call through one rejects ItemNotFound.
 * - Every member belongs to its requirement set (api-sets.ts, generated from @types/office-js by
 *   scripts/make-excel-api-sets.ts). With `requirementSets` ({ ExcelApi: "1.9", … }), touching a
 *   member of a later set throws ApiNotFound on the client, as Office.js does
 *   (`CommonUtility.throwIfApiNotSupported` in excel-web-16.00.debug.js); `installFakeOffice`'s
 *   `isSetSupported` answers from the same sets.
 * - A reference follows its sheet: deleting a sheet turns every formula reference to it into
 *   "#REF!" ("=#REF!B2*10", which a new sheet of the old name does not repair) and named ranges
 *   into "=#REF!"; renaming a sheet rewrites the references to the new name (issue 15, checked in
 *   Excel; Worksheet.delete in the API reference). A "VeryHidden" sheet cannot be deleted
 *   (InvalidOperation, Worksheet.delete's remarks).
 * - `ConditionalFormat.id` is the rule's priority ("The priority of the conditional format in the
 *   current ConditionalFormatCollection", https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat):
 *   a new rule goes first and moves the others down; a deleted one moves them up; getItem(id) and
 *   items loaded earlier find whatever rule holds that position when the batch runs.
 * - Cell-edit mode (`startCellEdit`/`endCellEdit`): requests fail with InvalidOperationInCellEditMode
 *   (Office.js's message) unless the Excel.run passed `{ delayForCellEdit: true }` and the host has the
 *   DelayForCellEdit set, in which case they wait (Excel.RunOptions, https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
 * - Protected sheets refuse writes, except values written to cells whose
 *   `format.protection.locked` is false (FormatProtection, ExcelApi 1.2; Range.Locked in the VBA
 *   reference: "False if the object can be modified when the sheet is protected").
 * - A custom function's array result spills into the cells below and to the right; a non-empty
 *   cell in the way gives "#SPILL!"; `formulas` of a spilled cell is its value; `hasSpill` says so
 *   (custom-functions-dynamic-arrays.md; Excel's dynamic-array rules).
 * - Until the custom functions register (`workbook.customFunctionsRegistered = false`), formulas
 *   calling them show "#NAME?" (office-js #6611, #6395); how `formulas` spells such a formula is
 *   the host's (`formulaSpelling`: "_xldudf_AR_…" seen in office-js #2051, #5611, "[2]!_xldudf_" in #2568).
 * - `Range.getMergedAreasOrNullObject()` (ExcelApi 1.13) gives a RangeAreas of the merged areas
 *   (`address` "S!A1:C1,S!C2:C4", `areaCount`, `areas`), or a null object when there are none;
 *   `Worksheet.visibility` reads Visible/Hidden/VeryHidden.
 * - A chart has one series per column of its source block (per row with seriesBy "Rows", or
 *   under "Auto" when the block is wider than tall); `ChartSeries.name` and `setXAxisValues`
 *   (ExcelApi 1.7) are recorded on the chart (`FakeChart.series`).
 * - `installFakeCustomFunctions(target, { version })`: `CustomFunctions.Error` from
 *   CustomFunctionsRuntime 1.2, `ErrorCode` from 1.3 (@types/custom-functions-runtime's remarks).
 * - One sync is one request; Excel.run's closing sync flushes what is left (Office.js `_runCommon`).
 *   A request or response over 5 MB rejects (Request/ResponsePayloadSizeLimitExceeded,
 *   resource-limits-and-performance-optimization.md) and applies nothing. A failing command rejects
 *   the sync with its code and debugInfo.statement; earlier commands stay applied (failureMode
 *   "partial", the default: Excel batches are not transactions) or are taken back ("atomic").
 *   Reads over five million cells reject with RangeExceedsLimit.
 * - Strings written to cells are read as typed input (Range.values docs; excel-add-ins-blank-null-values.md):
 *   see `interpretTyped` in cell-values.ts for the exact list. null leaves a cell alone, '' clears it.
 * - Formulas are computed when read, so they follow the cells they reference: a small subset
 *   (formula.ts) and the custom functions passed as `functions` ("AR.CREDIT_SCORE" → the
 *   function), called by the custom-functions runtime's rules (custom-functions.ts); anything else
 *   reads '#FAKE_FORMULA'. `installFakeCustomFunctions` provides the `CustomFunctions` global.
 * - Protected sheets and read-only workbooks reject writes with AccessDenied; a missing item is
 *   ItemNotFound; bad arguments and size mismatches are InvalidArgument.
 * - Failures can be injected at any round trip (`failSync(n)`) and after any command within it
 *   (`afterCommands`): an Excel batch is not a transaction, so the commands before stay applied
 *   (failureMode "partial") unless "atomic" is asked for.
 * Choices the docs do not settle: `formulas` reports text cells verbatim (an apostrophe-prefixed
 * "=x" reads back "=x"); a number written into an '@' cell stays a number; typed dates get
 * "yyyy-mm-dd" or "m/d/yyyy"; new conditional formats take priority 0; an id is the rule's
 * position on its sheet (the docs say "in the current collection"); ApiNotFound is thrown at the
 * touch, before any sync; spilled cells are not part of the used range; a formula evaluated
 * while the sheet's spills are being worked out sees spilled cells as empty.
 *
 * Members of the real API the fake lacks throw "FakeExcel: X is not implemented".
 */
import { createRun, FakeExcelHost, FakeRequestContext, type FakeExcelOptions, type FakeExcelStats, type InjectedFailure } from "./context";
import type { FakeCalculationOptions } from "./custom-functions";
import type { FakeWorkbookData } from "./data";
import * as enums from "./enums";
import { ErrorCodes, notImplemented } from "./errors";
import { EXCEL_NAMESPACE_MEMBERS } from "./excel-members";
import { FakeWorkbook } from "./workbook";

export interface FakeExcel {
  /** Excel-shaped namespace: run, RequestContext, ErrorCodes and the enums the fake knows. */
  readonly Excel: typeof Excel;
  /** Direct, synchronous access to the workbook, for arranging and asserting. */
  readonly workbook: FakeWorkbook;
  readonly stats: FakeExcelStats;
  /** payloadLimitBytes, failureMode and latencyMs; may be changed between syncs. */
  readonly options: Required<FakeExcelOptions>;
  resetStats(): void;
  /** The n-th round trip from now (1 = the next) fails with the given code (default GeneralException). */
  failSync(n: number, failure?: InjectedFailure): void;
  /** The user starts editing a cell: every request fails with InvalidOperationInCellEditMode, or waits (delayForCellEdit), until endCellEdit(). */
  startCellEdit(): void;
  endCellEdit(): void;
}

const PASS_THROUGH = new Set(["then", "toJSON", "__esModule", "default", "constructor", "$$typeof", "asymmetricMatch", "nodeType", "inspect"]);

/** The sync options (payload limit, failure mode, latency) and what formulas may call. */
export type CreateFakeExcelOptions = FakeExcelOptions & FakeCalculationOptions;

export function createFakeExcel(data?: FakeWorkbookData, options?: CreateFakeExcelOptions): FakeExcel {
  const workbook = new FakeWorkbook(data, options);
  const host = new FakeExcelHost(workbook, options);
  class RequestContext extends FakeRequestContext {
    constructor() {
      super(host);
    }
  }
  const namespace: Record<string, unknown> = {
    ...enums,
    ErrorCodes: { ...ErrorCodes },
    run: createRun(host),
    RequestContext,
  };
  const known = new Set(EXCEL_NAMESPACE_MEMBERS);
  const excel = new Proxy(namespace, {
    get(target, prop, receiver) {
      if (typeof prop === "string" && !(prop in target) && !PASS_THROUGH.has(prop) && known.has(prop)) throw notImplemented(`Excel.${prop}`);
      return Reflect.get(target, prop, receiver);
    },
  });
  return {
    Excel: excel as unknown as typeof Excel,
    workbook,
    stats: host.stats,
    options: host.options,
    resetStats: () => host.resetStats(),
    failSync: (n, failure) => host.failSync(n, failure),
    startCellEdit: () => host.startCellEdit(),
    endCellEdit: () => host.endCellEdit(),
  };
}

export { installFakeOffice, type AddinCommandEvent, type InstalledOffice, type InstallOptions } from "./office";
export { DEFAULT_PAYLOAD_LIMIT_BYTES, type FakeExcelOptions, type FakeExcelStats, type FakeRequestRecord, type InjectedFailure } from "./context";
export type { FakeWorkbookData, FakeSheetData, FakeTableData, FakeNameData, FakeCellData, JsonValue } from "./data";
export { FakeWorkbook, FakeTable, FakeNamedItem, type FakeSettingsView } from "./workbook";
export { FakeSheet, type FakeCellSnapshot } from "./sheet";
export type { FakeConditionalFormat, FakeChart, FakePageLayout } from "./records";
export { FakeOfficeError, ErrorCodes } from "./errors";
export { FAKE_FORMULA_VALUE, interpretTyped } from "./cell-values";
export type { FakeCalculationOptions, FakeCustomFunction } from "./custom-functions";
export { installFakeCustomFunctions, type InstalledCustomFunctions } from "./custom-functions-runtime";
export { formatValue } from "./number-format";
export { jsonByteSize } from "./payload";
