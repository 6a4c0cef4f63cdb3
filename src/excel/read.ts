/**
 * Reading a ledger out of the workbook in chunks that keep every response under Excel on the
 * web's ~5 MB payload limit, with few syncs: one to measure the range, one for a sample that
 * sizes the chunks, then one per chunk (a 100,000 × 12 ledger is a handful). Chunks are sized in
 * UTF-8 bytes, as the limit counts them (a Chinese character is 3). A chunk that still comes back
 * too large (ResponsePayloadSizeLimitExceeded, or the request's) is halved and read again; reads
 * are idempotent.
 */
import { cancelled } from "./errors";
import { isPayloadTooLarge, rowsPerChunk } from "./payload";

export type LedgerSource = { kind: "table"; table: string } | { kind: "range"; sheet: string; address?: string };

export interface SheetBlock {
  sheet: string;
  /** A1 address of the block, without the sheet name. */
  address: string;
  /** 0-based position of the block's top-left cell on its sheet. */
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
}

export interface ReadOptions {
  /** Budget per request in bytes of JSON; Excel on the web refuses about 5 MB. */
  maxRequestBytes?: number;
  onProgress?: (rowsRead: number, totalRows: number) => void;
  signal?: { readonly aborted: boolean };
}

export const DEFAULT_REQUEST_BUDGET = 4 * 1024 * 1024;
const SAMPLE_ROWS = 64;

function withoutSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

function sourceRange(context: Excel.RequestContext, source: LedgerSource): Excel.Range {
  if (source.kind === "table") return context.workbook.tables.getItem(source.table).getRange();
  const sheet = context.workbook.worksheets.getItem(source.sheet);
  // An empty sheet has no used range: the null object is checked below instead of an ItemNotFound.
  return source.address ? sheet.getRange(source.address) : sheet.getUsedRangeOrNullObject(true);
}

/** The values of a ledger source, read in chunks. Throws Office errors as they come (wrap with runExcel). */
export async function readSource(context: Excel.RequestContext, source: LedgerSource, options: ReadOptions = {}): Promise<SheetBlock> {
  const budget = options.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET;
  const range = sourceRange(context, source);
  range.load("address,rowCount,columnCount,rowIndex,columnIndex");
  // The sheet's name from the sheet itself, not through a range that may be a null object (whose
  // properties read undefined); a table's range never is.
  const sheet = source.kind === "table" ? range.worksheet : context.workbook.worksheets.getItem(source.sheet);
  sheet.load("name");
  await context.sync();
  if (range.isNullObject) return { sheet: sheet.name, address: "A1", rowIndex: 0, columnIndex: 0, values: [] };
  const rows = range.rowCount;
  const cols = range.columnCount;
  const values: unknown[][] = new Array(rows);
  const block: SheetBlock = { sheet: sheet.name, address: withoutSheet(range.address), rowIndex: range.rowIndex, columnIndex: range.columnIndex, values };

  await readRowsInChunks(context, range, rows, cols, "values", budget, (first, got) => {
    for (let i = 0; i < got.length; i++) values[first + i] = got[i] as unknown[];
    options.onProgress?.(first + got.length, rows);
  }, options.signal);
  return block;
}

/**
 * A range's rows, `values` or `formulas`, in chunks under the payload limit: a sample first, then
 * chunks sized from its UTF-8 bytes (twice the average leaves room for longer rows); a chunk
 * refused as too large, either way, is halved and read again (reads are idempotent). Each chunk
 * goes to `onChunk` in order, with the index of its first row.
 */
export async function readRowsInChunks(
  context: Excel.RequestContext,
  range: Excel.Range,
  rows: number,
  cols: number,
  property: "values" | "formulas",
  budget: number,
  onChunk: (start: number, cells: unknown[][]) => void,
  signal?: { readonly aborted: boolean },
): Promise<void> {
  let start = 0;
  let chunk = Math.min(rows, SAMPLE_ROWS);
  let sized = false;
  while (start < rows) {
    if (signal?.aborted) throw cancelled();
    const count = Math.min(chunk, rows - start);
    const part = range.getCell(start, 0).getResizedRange(count - 1, cols - 1);
    if (property === "values") part.load("values");
    else part.load("formulas");
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of ~4 MB, never per row: the payload limit forces chunks
      await context.sync();
    } catch (e) {
      if (isPayloadTooLarge(e) && count > 1) {
        chunk = Math.max(1, Math.floor(count / 2));
        continue;
      }
      throw e;
    }
    const got = (property === "values" ? part.values : part.formulas) as unknown[][];
    onChunk(start, got);
    if (!sized) {
      chunk = rowsPerChunk(budget, got, cols * 4);
      sized = true;
    }
    start += count;
  }
}
