/**
 * FakeWorkbookData: the JSON a test or the preview page hands to `createFakeExcel` to start
 * from, and what `fake.workbook.toData()` gives back.
 *
 * ```json
 * {
 *   "sheets": [
 *     { "name": "Ledger",
 *       "cells": [["Customer", "Due", "Amount"], ["=HYPERLINK(\"x\")", 45667, 1200.5]],
 *       "numberFormats": { "B2:B100": "yyyy-mm-dd" },
 *       "formulas": { "D2": "=C2*2" },
 *       "tables": [{ "name": "LedgerTable", "range": "A1:C2" }],
 *       "protected": false },
 *     { "name": "Sparse", "cells": { "A1": "x", "C5": 3 } }
 *   ],
 *   "activeSheet": "Ledger",
 *   "settings": { "policy": { "version": 1 } },
 *   "names": [{ "name": "LedgerData", "ref": "Ledger!A1:C2" }],
 *   "readOnly": false
 * }
 * ```
 *
 * Cell values are stored exactly as given: strings stay text (a fixture's "=HYPERLINK(...)" or
 * "00123" is text, as if the user had typed it with a leading apostrophe); formulas go in
 * `formulas`, error values in `errors`. Dates are serial numbers with a date number format.
 */

export type FakeCellData = string | number | boolean | null;

export interface FakeTableData {
  name: string;
  /** Address on this sheet, including the header row, e.g. "A1:F200". */
  range: string;
  style?: string;
  showTotals?: boolean;
}

export interface FakeSheetData {
  name: string;
  /** Dense rows from `origin` (default A1), or sparse: { "B3": 12 }. */
  cells?: FakeCellData[][] | Record<string, FakeCellData>;
  origin?: string;
  /** Address → formula ("=..."). */
  formulas?: Record<string, string>;
  /** Address → error value ("#N/A", "#DIV/0!", ...). */
  errors?: Record<string, string>;
  /** Address or range → number format, e.g. { "C2:C500": "#,##0.00", "A:A": "@" }. */
  numberFormats?: Record<string, string>;
  tables?: FakeTableData[];
  protected?: boolean;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Column letter → width in points. */
  columnWidths?: Record<string, number>;
  /** Top-left cell of the selection when this sheet is active, e.g. "B2" or "B2:D9". */
  selection?: string;
}

export interface FakeNameData {
  name: string;
  /** "Sheet!A1:B9" for a range, or a constant ("=0.05", "=\"text\""). */
  ref: string;
  comment?: string;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface FakeWorkbookData {
  /** Workbook.name; default "Book1.xlsx". */
  name?: string;
  sheets: FakeSheetData[];
  activeSheet?: string;
  settings?: Record<string, JsonValue>;
  names?: FakeNameData[];
  /** Every write rejects with AccessDenied, as in a workbook opened read-only. */
  readOnly?: boolean;
}
