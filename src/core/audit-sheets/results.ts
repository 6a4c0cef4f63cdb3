/**
 * The results sheet: one row per open item (the ledger row it came from, customer, balance, days
 * past due, class, band, provision, its number of findings) and a total row that reconciles to the
 * check's totals. Money exact (integer fen where the check has it), dates as Excel serials, ledger
 * text as text.
 */
import { AGING_CLASSES } from "../aging";
import { NO_DAYS, NO_VALUE } from "../batch";
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
  // Read column by column from AuditRows (not row objects: a results sheet may have 100,000 rows),
  // money straight from integer fen where the check has it.
  const items = audit.rows;
  const classLabels = AGING_CLASSES.map((c) => s.agingClass[c]);
  const bandLabels = items.bandKeys.map((key) => bandLabel.get(key) ?? key);
  const rows: SpecRow[] = new Array<SpecRow>(items.length);
  // The total's finding count is its lines' (a finding on a line not listed here, a settled or
  // left-out row or a companion sheet, is on the findings sheet, not in this column).
  let findingsOnLines = 0;
  for (let i = 0; i < items.length; i++) {
    findingsOnLines += items.findingCount(i);
    const r = items.ledgerRow(i);
    const due = items.dueDay[i];
    const days = items.daysPastDue[i];
    const cls = items.agingClass[i];
    const band = items.agingBand[i];
    rows[i] = {
      kind: "body",
      cells: [
        textCell(`${r.sheet}!${r.row}:${r.row}`),
        integerCell(r.row),
        textCell(r.customer),
        textCell(r.document),
        dateCell(serial(r.dateArisen)),
        dateCell(due === NO_DAYS ? null : toExcelSerial(due)),
        balanceCell(r),
        integerCell(days === NO_DAYS ? null : days),
        textCell(cls === NO_VALUE ? null : classLabels[cls]),
        textCell(band === NO_VALUE ? null : bandLabels[band]),
        provisionCell(audit, i),
        integerCell(items.findingCount(i)),
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
      integerCell(findingsOnLines, "total"),
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
