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
 * - `*OrNullObject` proxies learn `isNullObject` at sync. Stricter than Excel: reading a property
 *   of a null object throws (Excel returns undefined) and writing through one rejects ItemNotFound.
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
 * Choices the docs do not settle: `formulas` reports text cells verbatim (an apostrophe-prefixed
 * "=x" reads back "=x"); a number written into an '@' cell stays a number; typed dates get
 * "yyyy-mm-dd" or "m/d/yyyy"; new conditional formats take priority 0.
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
