/**
 * The ledger's header as the core reads it, for the pane's column-mapping editor: the top rows of
 * the source (one sync after the range's size), header detection and the detected mapping.
 */
import { HEADER_SCAN_ROWS, LEDGER_FIELDS, detectHeader, type LedgerField } from "../core/ledger/headers";
import { columnLetter, mappingFromHeader, type MappingResult } from "../core/ledger/mapping";
import type { LedgerSource } from "./read";

export interface HeaderPreview {
  /** Every column of the source: letter and header text ("" when none). */
  columns: { index: number; letter: string; header: string }[];
  /** null when no header row was recognised. */
  mapping: MappingResult<LedgerField> | null;
}

export async function previewHeader(context: Excel.RequestContext, source: LedgerSource): Promise<HeaderPreview> {
  const range =
    source.kind === "table"
      ? context.workbook.tables.getItem(source.table).getRange()
      : source.address
        ? context.workbook.worksheets.getItem(source.sheet).getRange(source.address)
        : context.workbook.worksheets.getItem(source.sheet).getUsedRangeOrNullObject(true);
  range.load("rowCount,columnCount,rowIndex,columnIndex");
  await context.sync();
  if (range.isNullObject) return { columns: [], mapping: null };
  const top = range.getCell(0, 0).getResizedRange(Math.min(HEADER_SCAN_ROWS, range.rowCount) - 1, range.columnCount - 1);
  top.load("values");
  await context.sync();
  const origin = { row: range.rowIndex + 1, column: range.columnIndex + 1 };
  const header = detectHeader(top.values, LEDGER_FIELDS);
  const texts = new Map(header?.columns.map((c) => [c.index, c.text]) ?? []);
  const columns = Array.from({ length: range.columnCount }, (_, i) => ({ index: i, letter: columnLetter(i, origin), header: texts.get(i) ?? "" }));
  return { columns, mapping: header ? mappingFromHeader(header, origin) : null };
}
