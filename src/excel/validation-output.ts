/**
 * What the Validate run writes: the add-in's results sheet (one row per open item: the ledger
 * row it came from, customer, balance, days past due, class, band, provision, with totals that
 * reconcile to the ledger) and its findings sheet (one row per finding). Pure: AuditResult in,
 * OwnedSheetSpec out; owned.ts writes them.
 */
import { toExcelSerial } from "../core/dates";
import type { AuditResult } from "../core/ledger/check";
import { RULES, SEVERITIES } from "../core/ledger/findings";
import { format, stringsFor, type Lang } from "../i18n";
import type { OwnedSheetSpec, PrintHeading } from "./owned";

/** What the printed pages say: the as-of date (as the language writes it) and the ledger read. */
export interface PrintMeta {
  asOf: string;
  source: string;
}

function heading(lang: Lang, title: string, meta: PrintMeta | undefined): PrintHeading | undefined {
  if (!meta) return undefined;
  const o = stringsFor(lang).output;
  return { title, meta: format(o.printMeta, { asOf: meta.asOf, source: meta.source }), pages: o.printPages };
}

/** Exact decimal text → the number Excel holds (the nearest double; shown to the cent). */
function amount(text: string | null): number | null {
  return text === null ? null : Number(text);
}

function serial(day: number | null): number | null {
  return day === null ? null : toExcelSerial(day);
}

const SLICE_ROWS = 20_000;

/**
 * The results sheet. `pause` is awaited every SLICE_ROWS rows so a surface can keep its UI
 * responsive over a large ledger; without it the sheet is built in one go.
 */
export async function resultsSheet(audit: AuditResult, lang: Lang, name: string, pause?: () => Promise<void>, meta?: PrintMeta): Promise<OwnedSheetSpec> {
  const s = stringsFor(lang);
  const o = s.output;
  const bandLabel = new Map(audit.totals.byBand.map((b) => [b.key, b.label[lang]]));
  const rows: (string | number | null)[][] = [];
  for (let i = 0; i < audit.rows.length; i++) {
    if (pause && i > 0 && i % SLICE_ROWS === 0) await pause();
    const r = audit.rows.get(i);
    rows.push([
      `${r.sheet}!${r.row}:${r.row}`,
      r.row,
      r.customer ?? "",
      r.document ?? "",
      serial(r.dateArisen),
      serial(r.dueDate),
      amount(r.balance),
      r.daysPastDue,
      r.agingClass === null ? "" : s.agingClass[r.agingClass],
      r.agingBand === null ? "" : (bandLabel.get(r.agingBand) ?? r.agingBand),
      amount(r.provision),
      r.findings.length,
    ]);
  }
  const t = audit.totals.all;
  return {
    name,
    header: [o.rowRef, o.row, o.customer, o.document, o.dateArisen, o.dueDate, o.balance, o.daysPastDue, o.agingClass, o.agingBand, o.provision, o.findings],
    columns: ["text", "integer", "text", "text", "date", "date", "money", "integer", "text", "text", "money", "integer"],
    widths: [130, 50, 180, 110, 80, 80, 110, 70, 60, 80, 110, 50],
    rows,
    footer: [[o.total, t.count, "", "", null, null, Number(t.balance), null, "", "", Number(t.provision), audit.totals.findings.total]],
    ...withPrint(heading(lang, o.resultsTitle, meta)),
  };
}

function withPrint(print: PrintHeading | undefined): { print?: PrintHeading } {
  return print ? { print } : {};
}

/** The findings, most severe first, each rule by its name in the sheet's language (not its id). */
export function findingsSheet(audit: AuditResult, lang: Lang, name: string, meta?: PrintMeta): OwnedSheetSpec {
  const s = stringsFor(lang);
  const o = s.output;
  const order = new Map(SEVERITIES.map((v, i) => [v, i]));
  const rows = [...audit.findings]
    .sort((a, b) => (order.get(a.severity)! - order.get(b.severity)!) || 0)
    .map((f) => [s.severity[f.severity], RULES[f.rule].title[lang], f.cell, f.message[lang]]);
  return {
    name,
    header: [o.severity, o.rule, o.cell, o.message],
    columns: ["text", "text", "text", "text"],
    widths: [60, 150, 150, 520],
    rows,
    ...withPrint(heading(lang, o.findingsTitle, meta)),
  };
}
