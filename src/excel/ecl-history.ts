/**
 * The aging history sheet in the workbook (core/ecl/history-sheet.ts): each check adds its
 * snapshot (one of the same date is replaced), and the expected credit loss report reads the
 * snapshots before its as-of date. The sheet is the add-in's, written through owned.ts; rows
 * people type in are read and kept. A row that does not read leaves the sheet as it is, and the
 * run says which row.
 */
import { fromPlainSnapshot, historyFromSheet, historyTable, type HistoryReading, type PlainSnapshot } from "../core/ecl/history-sheet";
import { withSnapshot } from "../core/ecl/saved";
import type { Bilingual } from "../i18n/bilingual";
import type { Policy } from "../core/policy/types";
import { stringsFor, type Lang } from "../i18n";
import type { OwnedSheetSpec } from "./owned";

/** The history sheet's names in either language: a workbook keeps the one its first check made. */
export const HISTORY_SHEET_NAMES: readonly string[] = (["zh-CN", "en-US"] as const).map((l) => stringsFor(l).output.historySheet);

/** The history sheet's name: the one recorded in the setup, else one of its names already there, else the language's. */
export async function historySheetName(context: Excel.RequestContext, recorded: string | undefined, lang: Lang): Promise<string> {
  if (recorded !== undefined) return recorded;
  const found = HISTORY_SHEET_NAMES.map((n) => ({ n, ws: context.workbook.worksheets.getItemOrNullObject(n) }));
  await context.sync();
  return found.find((f) => !f.ws.isNullObject)?.n ?? stringsFor(lang).output.historySheet;
}

/** The history a sheet holds; none when there is no such sheet. */
export async function readHistorySheet(context: Excel.RequestContext, name: string, policy: Policy): Promise<HistoryReading> {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  await context.sync();
  if (ws.isNullObject) return { history: [], problems: [] };
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  return used.isNullObject ? { history: [], problems: [] } : historyFromSheet(used.values, policy, name);
}

/**
 * The sheet with this check's snapshot added, or null (and why) when it must be left as it is:
 * a row of it does not read, or the policy's bands changed since it was saved.
 */
export function historySheetWith(reading: HistoryReading, snapshot: PlainSnapshot, policy: Policy, lang: Lang, name: string): { spec: OwnedSheetSpec | null; warnings: Bilingual[] } {
  if (reading.problems.length > 0) {
    const kept: Bilingual = {
      "zh-CN": `账龄快照表“${name}”有无法读取的行，本次快照未保存，该表保持原样：`,
      "en-US": `The aging snapshot sheet "${name}" has rows that do not read; this check's snapshot was not saved and the sheet is as it was:`,
    };
    return { spec: null, warnings: [kept, ...reading.problems] };
  }
  const history = withSnapshot(reading.history, fromPlainSnapshot(snapshot));
  const table = historyTable(history, policy, lang);
  return {
    spec: { name, header: table.header, columns: ["date", "text", "text", "money"], rows: table.rows, widths: [90, 110, 260, 110] },
    warnings: [],
  };
}
