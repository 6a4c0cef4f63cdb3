/**
 * The audit's own sheets as SheetSpecs, one model for every surface: the pane writes them into
 * the workbook (src/excel/validation-output.ts), the headless run into its report workbook
 * (src/cli/audit.ts), each with its own SheetSpec writer.
 */
import type { Lang } from "../errors";
import type { AuditResult } from "../ledger/check";
import type { SheetSpec } from "../reports/sheet-spec";
import { stringsFor } from "../../i18n";
import { auditFindingsSheet } from "./findings";
import { auditResultsSheet } from "./results";
import { auditRulesSheet } from "./rules";
import { auditTotalsSheet } from "./totals";

export { auditFindingsSheet, auditResultsSheet, auditRulesSheet, auditTotalsSheet };
export { auditMeta } from "./table";

interface AuditSheetNames {
  findings: string;
  results: string;
  totals: string;
  rules: string;
}

/** The four sheets in the report workbook's order: findings, results, totals, rules. */
export function auditSheets(audit: AuditResult, lang: Lang, names: AuditSheetNames = stringsFor(lang).output.reportSheets): SheetSpec[] {
  return [auditFindingsSheet(audit, lang, names.findings), auditResultsSheet(audit, lang, names.results), auditTotalsSheet(audit, lang, names.totals), auditRulesSheet(audit, lang, names.rules)];
}
