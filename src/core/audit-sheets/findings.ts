/**
 * The findings sheet: one row per finding, most severe first, each rule by its name in the sheet's
 * language, the message without the cell its own column names.
 */
import type { Lang } from "../errors";
import type { AuditResult } from "../ledger/check";
import { messageWithoutCell, RULES, SEVERITIES } from "../ledger/findings";
import { type SheetSpec, type SpecRow, textCell } from "../reports/sheet-spec";
import { stringsFor } from "../../i18n";
import { auditTableSheet } from "./table";

const WIDTHS = [11, 29, 29, 99];

export function auditFindingsSheet(audit: AuditResult, lang: Lang, name: string): SheetSpec {
  const s = stringsFor(lang);
  const o = s.output;
  const order = new Map(SEVERITIES.map((v, i) => [v, i]));
  // A stable sort: within a severity, the check's own order (the ledger first, then the companions).
  const rows: SpecRow[] = [...audit.findings]
    .sort((a, b) => order.get(a.severity)! - order.get(b.severity)!)
    .map((f) => ({ kind: "body", cells: [textCell(s.severity[f.severity]), textCell(RULES[f.rule].title[lang]), textCell(f.cell), textCell(messageWithoutCell(f.message[lang], f.cell), "wrap")] }));
  return auditTableSheet(audit, lang, { id: "auditFindings", name, title: o.findingsTitle, widths: WIDTHS, header: [o.severity, o.rule, o.cell, o.message], rows });
}
