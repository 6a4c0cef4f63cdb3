/**
 * The aging-snapshot sheet with a check's snapshot added (ecl-history.ts reads the sheet). Its own
 * file because it needs the ECL core, which the pane loads only when a check has finished.
 */
import { fromPlainSnapshot, historyTable, type HistoryReading, type PlainSnapshot } from "../core/ecl/history-sheet";
import { withSnapshot } from "../core/ecl/saved";
import type { Bilingual } from "../i18n/bilingual";
import type { Policy } from "../core/policy/types";
import type { Lang } from "../i18n";
import type { OwnedSheetSpec } from "./owned";

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
