/**
 * Reading what a check or a report is made from: the ledger block (in chunks) and the companion
 * tables on the workbook's other sheets (customer master, bills register, collection log). Shared
 * by the Validate run and the ribbon reports, so both read a workbook the same way.
 */
import { HEADER_SCAN_ROWS } from "../core/ledger/headers";
import { readLedger, type LedgerReading } from "../core/ledger/index";
import { tableKindOf, type SheetInput } from "../core/ledger/workbook";
import { readSource, type LedgerSource, type ReadOptions, type SheetBlock } from "./read";

/** Companion tables: the top rows of every other sheet in one sync, then only the sheets that read as one. */
export async function readCompanionSheets(context: Excel.RequestContext, skip: ReadonlySet<string>, read: ReadOptions): Promise<SheetInput[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const used = sheets.items.filter((s) => !skip.has(s.name)).map((s) => ({ name: s.name, used: s.getUsedRangeOrNullObject(true) }));
  used.forEach((u) => u.used.load("rowCount,columnCount"));
  await context.sync();
  const tops = used
    .filter((u) => !u.used.isNullObject && u.used.rowCount > 1)
    .map((u) => {
      const top = u.used.getCell(0, 0).getResizedRange(Math.min(HEADER_SCAN_ROWS, u.used.rowCount) - 1, u.used.columnCount - 1);
      top.load("values");
      return { name: u.name, top };
    });
  await context.sync();
  const wanted = tops.filter((t) => {
    const kind = tableKindOf(t.top.values);
    return kind !== null && kind !== "ledger";
  });
  const out: SheetInput[] = [];
  for (const w of wanted) {
    // Sequential on purpose: each read is itself a few chunked syncs under the payload limit.
    const block = await readSource(context, { kind: "range", sheet: w.name }, read);
    out.push({ name: w.name, values: block.values, origin: { row: block.rowIndex + 1, column: block.columnIndex + 1 } });
  }
  return out;
}

export interface LedgerBlocks {
  ledger: SheetBlock;
  companions: SheetInput[];
}

/**
 * The ledger and the companion tables as cells. `skip` names the sheets that are never
 * companions (the add-in's own output, the policy sheet); the ledger's sheet is skipped too.
 */
export async function readLedgerBlocks(context: Excel.RequestContext, source: LedgerSource, skip: readonly string[], read: ReadOptions): Promise<LedgerBlocks> {
  const ledger = await readSource(context, source, read);
  const companions = await readCompanionSheets(context, new Set([ledger.sheet, ...skip]), { ...read, onProgress: undefined });
  return { ledger, companions };
}

/** The ledger block read as a ledger (header detection, rows); throws the core's ArError when no header is found. */
export function readLedgerBlock(block: SheetBlock, mapping?: Record<string, number | string>): LedgerReading {
  return readLedger(block.values, {
    sheet: block.sheet,
    origin: { row: block.rowIndex + 1, column: block.columnIndex + 1 },
    ...(mapping && Object.keys(mapping).length > 0 ? { mapping } : {}),
  });
}
