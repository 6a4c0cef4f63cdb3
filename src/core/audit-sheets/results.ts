/**
 * The results sheet: one row per open item (the ledger row it came from, customer, balance, days
 * past due, class, band, provision, its number of findings) and a total row that reconciles to the
 * check's totals. Money exact (integer fen where the check has it), dates as Excel serials, ledger
 * text as text.
 */
import { toExcelSerial } from "../dates";
import type { Lang } from "../errors";
import type { AuditResult } from "../ledger/check";
import { balanceCell, provisionCell } from "../reports/input";
import { dateCell, integerCell, moneyCellExact, type SheetSpec, type SpecRow, textCell } from "../reports/sheet-spec";
import { stringsFor } from "../../i18n";
import { auditTableSheet } from "./table";

const WIDTHS = [24, 9, 34, 21, 15, 15, 21, 13, 11, 15, 21, 9];

function serial(day: number | null): number | null {
  return day === null ? null : toExcelSerial(day);
}

export function auditResultsSheet(audit: AuditResult, lang: Lang, name: string): SheetSpec {
  const s = stringsFor(lang);
  const o = s.output;
  const bandLabel = new Map(audit.totals.byBand.map((b) => [b.key, b.label[lang]]));
  const rows: SpecRow[] = new Array<SpecRow>(audit.rows.length);
  for (let i = 0; i < audit.rows.length; i++) {
    const r = audit.rows.get(i);
    rows[i] = {
      kind: "body",
      cells: [
        textCell(`${r.sheet}!${r.row}:${r.row}`),
        integerCell(r.row),
        textCell(r.customer),
        textCell(r.document),
        dateCell(serial(r.dateArisen)),
        dateCell(serial(r.dueDate)),
        balanceCell(audit.rows.ledgerRow(i)),
        integerCell(r.daysPastDue),
        textCell(r.agingClass === null ? null : s.agingClass[r.agingClass]),
        textCell(r.agingBand === null ? null : (bandLabel.get(r.agingBand) ?? r.agingBand)),
        provisionCell(audit, i),
        integerCell(r.findings.length),
      ],
    };
  }
  const t = audit.totals.all;
  const total: SpecRow = {
    kind: "total",
    cells: [
      textCell(o.total, "total"),
      integerCell(t.count, "total"),
      textCell(null, "total"),
      textCell(null, "total"),
      dateCell(null, "total"),
      dateCell(null, "total"),
      moneyCellExact(t.balance, "total"),
      integerCell(null, "total"),
      textCell(null, "total"),
      textCell(null, "total"),
      moneyCellExact(t.provision, "total"),
      integerCell(audit.totals.findings.total, "total"),
    ],
  };
  rows.push(total);
  return auditTableSheet(audit, lang, {
    id: "auditResults",
    name,
    title: o.resultsTitle,
    widths: WIDTHS,
    header: [o.rowRef, o.row, o.customer, o.document, o.dateArisen, o.dueDate, o.balance, o.daysPastDue, o.agingClass, o.agingBand, o.provision, o.findings],
    rows,
  });
}
