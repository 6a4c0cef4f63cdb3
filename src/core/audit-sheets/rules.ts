/** The rules sheet: every rule the check applies, with its severity, where it comes from, its name and when it fires. */
import type { Lang } from "../errors";
import type { AuditResult } from "../ledger/check";
import { RULES } from "../ledger/findings";
import { type SheetSpec, type SpecRow, textCell } from "../reports/sheet-spec";
import { stringsFor } from "../../i18n";
import { auditTableSheet } from "./table";

const WIDTHS = [24, 10, 16, 30, 100];

export function auditRulesSheet(audit: AuditResult, lang: Lang, name: string): SheetSpec {
  const s = stringsFor(lang);
  const o = s.output;
  const rows: SpecRow[] = Object.values(RULES).map((rule) => ({
    kind: "body",
    cells: [textCell(rule.id), textCell(s.severity[rule.severity]), textCell(rule.source), textCell(rule.title[lang]), textCell(rule.definition[lang], "wrap")],
  }));
  return auditTableSheet(audit, lang, { id: "auditRules", name, title: o.rulesTitle, widths: WIDTHS, header: [o.rule, o.severity, o.ruleSource, o.ruleTitle, o.ruleDefinition], rows });
}
