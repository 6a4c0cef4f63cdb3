/** The rules sheet: every rule the check applies, with its severity, where it comes from, its name and when it fires. */
import type { Lang } from "../errors";
import type { AuditResult } from "../ledger/check";
import { RULES } from "../ledger/findings";
import { type SheetSpec, type SpecRow, textCell } from "../reports/sheet-spec";
import { stringsFor } from "../../i18n";
import { auditTableSheet } from "./table";

const WIDTHS = [24, 10, 16, 30, 100];

/** A rule's source as the sheet's language writes it: "POLICY §6, plan 000" → "制度 §6、000 清理方案"; "data" → 数据检查. */
export function sourceText(source: string, lang: Lang): string {
  if (lang === "en-US") return source === "data" ? "Data check" : source.replace(/^POLICY /, "Policy ");
  if (source === "data") return "数据检查";
  return source.replace(/POLICY /g, "制度 ").replace(/plan 000/g, "000 清理方案").replace(/, /g, "、");
}

export function auditRulesSheet(audit: AuditResult, lang: Lang, name: string): SheetSpec {
  const s = stringsFor(lang);
  const o = s.output;
  const rows: SpecRow[] = Object.values(RULES).map((rule) => ({
    kind: "body",
    cells: [textCell(rule.id), textCell(s.severity[rule.severity]), textCell(sourceText(rule.source, lang)), textCell(rule.title[lang]), textCell(rule.definition[lang], "wrap")],
  }));
  return auditTableSheet(audit, lang, { id: "auditRules", name, title: o.rulesTitle, widths: WIDTHS, header: [o.rule, o.severity, o.ruleSource, o.ruleTitle, o.ruleDefinition], rows });
}
