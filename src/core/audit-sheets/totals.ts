/** The totals sheet: count, balance and provision by aging class, by age band, and in all, exactly as the check summed them. */
import type { Lang } from "../errors";
import type { AmountTotal, AuditResult } from "../ledger/check";
import { type CellStyle, integerCell, moneyCellExact, type SheetSpec, type SpecRow, textCell } from "../reports/sheet-spec";
import { stringsFor } from "../../i18n";
import { auditMeta, auditTableSheet } from "./table";

const WIDTHS = [30, 10, 20, 20];

const CLASSES = ["normal", "overdue", "stale", "bad", "unclassified"] as const;

function line(label: string, a: AmountTotal, kind: "body" | "total"): SpecRow {
  const style: CellStyle = kind === "total" ? "total" : "body";
  return { kind, cells: [textCell(label, style), integerCell(a.count, style), moneyCellExact(a.balance, style), moneyCellExact(a.provision, style)] };
}

export function auditTotalsSheet(audit: AuditResult, lang: Lang, name: string): SheetSpec {
  const s = stringsFor(lang);
  const o = s.output;
  const T = audit.totals;
  const rows: SpecRow[] = [
    ...CLASSES.map((key) => line(key === "unclassified" ? s.reports.common.unclassified : s.agingClass[key], T.byClass[key], "body")),
    ...T.byBand.map((b) => line(b.label[lang], b, "body")),
    line(o.total, T.all, "total"),
    // On the screen too, not only on the printed page: which ledger, as of when.
    { kind: "note", cells: [textCell(auditMeta(audit, lang), "note")] },
  ];
  return auditTableSheet(audit, lang, { id: "auditTotals", name, title: o.totalsTitle, widths: WIDTHS, header: [o.group, o.items, o.balance, o.provision], rows });
}
