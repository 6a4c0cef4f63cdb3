/**
 * Reading what a check or a report is made from: the ledger block (in chunks), the companion
 * tables on the workbook's other sheets (customer master, bills register, collection log) and,
 * when the ledger is kept one sheet per customer, the other customers' sheets. Shared by the
 * Validate run and the ribbon reports, so both read a workbook the same way; the choice among the
 * sheets read is the core's (workbook.readWorkbookLedger), as the headless audit makes it.
 */
import { HEADER_SCAN_ROWS } from "../core/ledger/headers";
import type { AuditCompanions } from "../core/ledger/check";
import { type LedgerReading } from "../core/ledger/index";
import type { Bilingual } from "../i18n/bilingual";
import { oneCustomerHeaderKey } from "../core/ledger/layout";
import { sheetColumnOf } from "../core/column-letters";
import { type CellArea, readWorkbookLedger, tableKindOf, type SheetInput } from "../core/ledger/workbook";
import { readSource, type LedgerSource, type ReadOptions, type SheetBlock } from "./read";
import { hostRequirements, type Requirements } from "./run";

/**
 * The merged areas of a block's sheet within it, read with Range.getMergedAreasOrNullObject
 * (ExcelApi 1.13). Where the host lacks it, none: merged text is then not filled down, and the
 * rows below a merged customer report it missing, as a sheet without merges would.
 */
async function mergedAreas(context: Excel.RequestContext, block: SheetBlock, requirements: Requirements = hostRequirements()): Promise<CellArea[]> {
  if (block.values.length === 0) return [];
  if (!requirements.isSetSupported("ExcelApi", "1.13")) return [];
  const range = context.workbook.worksheets.getItem(block.sheet).getRange(block.address);
  const areas = range.getMergedAreasOrNullObject();
  areas.load("address");
  await context.sync();
  if (areas.isNullObject || typeof areas.address !== "string" || areas.address === "") return [];
  return parseAreas(areas.address);
}

/** "Sheet1!A4:A6,Sheet1!B7:B8" (or without the sheet) as cell areas. */
function parseAreas(address: string): CellArea[] {
  const out: CellArea[] = [];
  for (const part of address.split(",")) {
    const bang = part.lastIndexOf("!");
    const a1 = (bang >= 0 ? part.slice(bang + 1) : part).replace(/\$/g, "").trim();
    const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(a1);
    if (m === null) continue;
    const left = sheetColumnOf(m[1]);
    const top = Number(m[2]);
    const right = m[3] === undefined ? left : sheetColumnOf(m[3]);
    const bottom = m[4] === undefined ? top : Number(m[4]);
    if ([left, top, right, bottom].every((n) => Number.isFinite(n))) out.push({ top, left, bottom, right });
  }
  return out;
}

/** A block as the core reads a sheet: its values, where it sits, its merged areas. */
async function sheetInputOf(context: Excel.RequestContext, block: SheetBlock): Promise<SheetInput> {
  const merges = await mergedAreas(context, block);
  return { name: block.sheet, values: block.values, origin: { row: block.rowIndex + 1, column: block.columnIndex + 1 }, ...(merges.length > 0 ? { merges } : {}) };
}

/**
 * The workbook's other sheets the check reads: companion tables; the sheets of a ledger kept one
 * per customer (`ledgerKey`: the ledger's header, oneCustomerHeaderKey); and, with `allLedgers`
 * (the ledger is a whole sheet the user picked), every visible sheet that reads as a ledger, so
 * the core reads a ledger kept a sheet per month as one, as the headless audit does. The top rows
 * of every other sheet come in one sync, then only the sheets that matter are read. A hidden
 * sheet that reads as a ledger is passed with its top rows only, marked hidden: never read as the
 * ledger's, only said.
 */
export async function readCompanionSheets(context: Excel.RequestContext, skip: ReadonlySet<string>, read: ReadOptions, ledgerKey: string | null = null, allLedgers = false): Promise<SheetInput[]> {
  return (await readOtherSheets(context, skip, read, ledgerKey, allLedgers)).sheets;
}

/** readCompanionSheets, with the names of all the workbook's sheets in workbook order. */
async function readOtherSheets(context: Excel.RequestContext, skip: ReadonlySet<string>, read: ReadOptions, ledgerKey: string | null, allLedgers: boolean): Promise<{ sheets: SheetInput[]; order: string[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  const order = sheets.items.map((s) => s.name);
  const hidden = new Set(sheets.items.filter((s) => s.visibility !== undefined && s.visibility !== "Visible").map((s) => s.name));
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
  const out: SheetInput[] = [];
  for (const t of tops) {
    const kind = tableKindOf(t.top.values);
    if (kind === null) continue;
    if (kind === "ledger") {
      if (hidden.has(t.name)) {
        if (allLedgers) out.push({ name: t.name, values: t.top.values, hidden: true });
        continue;
      }
      if (!allLedgers && (ledgerKey === null || oneCustomerHeaderKey(t.top.values) !== ledgerKey)) continue;
    }
    // Sequential on purpose: each read is itself a few chunked syncs under the payload limit.
    const block = await readSource(context, { kind: "range", sheet: t.name }, read);
    out.push(await sheetInputOf(context, block));
  }
  return { sheets: out, order };
}

interface LedgerBlocks {
  ledger: SheetBlock;
  /** The ledger block's merged areas (sheet coordinates). */
  merges: CellArea[];
  /** Companion tables, and the other sheets the ledger may be read with (see readCompanionSheets). */
  companions: SheetInput[];
  /** The ledger is a whole sheet the user picked (not an Excel table, not a range): read it as the workbook's ledger it is part of. */
  whole: boolean;
  /** The workbook's sheet names in workbook order: sheets read together are read in that order (an earlier period first). */
  order: string[];
}

/**
 * The ledger and the companion tables as cells. `skip` names the sheets that are never
 * companions (the add-in's own output, the policy sheet); the ledger's sheet is skipped too.
 */
export async function readLedgerBlocks(context: Excel.RequestContext, source: LedgerSource, skip: readonly string[], read: ReadOptions): Promise<LedgerBlocks> {
  const ledger = await readSource(context, source, read);
  const merges = await mergedAreas(context, ledger);
  const key = oneCustomerHeaderKey(ledger.values.slice(0, HEADER_SCAN_ROWS));
  const whole = source.kind === "range" && source.address === undefined;
  const others = await readOtherSheets(context, new Set([ledger.sheet, ...skip]), { ...read, onProgress: undefined }, key, whole);
  return { ledger, merges, companions: others.sheets, whole, order: others.order };
}

/**
 * The ledger block read as the headless audit reads a workbook (core readWorkbookLedger), with
 * the companion tables and the notes on which sheets were read, in the pane's words. A whole
 * sheet (`whole`) is read with the sheets it is one ledger with (a sheet per month, or per
 * customer); a table or a range alone, with a ledger kept one sheet per customer's other sheets.
 * Throws the core's ArError when no header is found.
 */
export function readLedgerBlock(
  block: SheetBlock,
  mapping?: Record<string, number | string>,
  merges: readonly CellArea[] = [],
  others: readonly SheetInput[] = [],
  whole = false,
  order: readonly string[] = [],
): { ledger: LedgerReading; companions: AuditCompanions; warnings: Bilingual[] } {
  const input: SheetInput = { name: block.sheet, values: block.values, origin: { row: block.rowIndex + 1, column: block.columnIndex + 1 }, ...(merges.length > 0 ? { merges } : {}) };
  // In workbook order (a sheet not in `order` last): the core reads an earlier period first.
  const at = (s: SheetInput): number => {
    const k = order.indexOf(s.name);
    return k < 0 ? order.length : k;
  };
  const sheets = [input, ...others].map((s, k) => ({ s, k })).sort((a, b) => at(a.s) - at(b.s) || a.k - b.k).map((x) => x.s);
  const chosen = readWorkbookLedger(sheets, {
    ...(whole ? { active: block.sheet } : { sheet: block.sheet }),
    surface: "pane",
    ...(mapping && Object.keys(mapping).length > 0 ? { mapping } : {}),
  });
  return { ledger: chosen.ledger, companions: chosen.companions, warnings: chosen.warnings };
}
