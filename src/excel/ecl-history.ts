/**
 * The aging history sheet in the workbook (core/ecl/history-sheet.ts): each check adds its
 * snapshot (one of the same date is replaced), and the expected credit loss report reads the
 * snapshots before its as-of date. The sheet is the add-in's, written through owned.ts; rows
 * people type in are read and kept. A row that does not read leaves the sheet as it is, and the
 * run says which row.
 */
import { historyFromSheet, type HistoryReading } from "../core/ecl/history-sheet";
import type { Policy } from "../core/policy/types";
import { stringsFor, type Lang } from "../i18n";

/** The history sheet's names in either language: a workbook keeps the one its first check made. */
export const HISTORY_SHEET_NAMES: readonly string[] = (["zh-CN", "en-US"] as const).map((l) => stringsFor(l).output.historySheet);

/** The history sheet's name: the one recorded in the setup, else one of its names already there, else the language's. */
export async function historySheetName(context: Excel.RequestContext, recorded: string | undefined, lang: Lang): Promise<string> {
  if (recorded !== undefined) return recorded;
  const found = HISTORY_SHEET_NAMES.map((n) => ({ n, ws: context.workbook.worksheets.getItemOrNullObject(n) }));
  await context.sync();
  return found.find((f) => !f.ws.isNullObject)?.n ?? stringsFor(lang).output.historySheet;
}

/** The history a sheet known to exist holds (ownedStates said it is there): one round trip. */
export async function readHistorySheet(context: Excel.RequestContext, name: string, policy: Policy): Promise<HistoryReading> {
  const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  return used.isNullObject ? { history: [], problems: [] } : historyFromSheet(used.values, policy, name);
}

/** The history a sheet holds; none when there is no such sheet (the ribbon's reports, which have not looked yet). */
export async function readHistorySheetIfAny(context: Excel.RequestContext, name: string, policy: Policy): Promise<HistoryReading> {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  await context.sync();
  return ws.isNullObject ? { history: [], problems: [] } : readHistorySheet(context, name, policy);
}
