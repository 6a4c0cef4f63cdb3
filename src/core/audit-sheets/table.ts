/**
 * The shape every audit sheet shares: its header in the first row (no title row, so a user's
 * formula that points at the results, G7 say, keeps pointing at the same cell from run to run),
 * the rows below, the header frozen and repeated on every printed page, A4 landscape one page
 * wide, and the title, as-of date and ledger in the printed page's header and footer.
 */
import { formatDate } from "../dates";
import type { Lang } from "../errors";
import type { AuditResult } from "../ledger/check";
import { type AuditSheetId, type PageHeading, type SheetSpec, type SpecRow, textCell, wrappedRowHeight } from "../reports/sheet-spec";
import { format, stringsFor } from "../../i18n";

/** "As of 2011-08-31    Ledger: 台账": the as-of date as the language writes it, and the ledger sheet read. */
export function auditMeta(audit: AuditResult, lang: Lang): string {
  return format(stringsFor(lang).output.printMeta, { asOf: formatDate(audit.asOf, lang), source: audit.ledger.sheet });
}

interface AuditTable {
  id: AuditSheetId;
  name: string;
  title: string;
  /** Column widths in Excel's unit (about one Latin character). */
  widths: readonly number[];
  header: readonly string[];
  rows: SpecRow[];
}

export function auditTableSheet(audit: AuditResult, lang: Lang, table: AuditTable): SheetSpec {
  const pageHeading: PageHeading = { title: table.title, meta: auditMeta(audit, lang), pages: stringsFor(lang).output.printPages };
  const header: SpecRow = { kind: "header", cells: table.header.map((label) => textCell(label, "header")) };
  return {
    id: table.id,
    lang,
    name: table.name,
    title: table.title,
    columns: table.widths.map((width) => ({ width })),
    // Rows whose text wraps get the height of their lines (a message of three lines, three lines high).
    rows: [header, ...table.rows.map((row): SpecRow => {
      if (row.height !== undefined) return row;
      const height = wrappedRowHeight(row.cells, table.widths);
      return height === undefined ? row : { ...row, height };
    })],
    merges: [],
    freezeRows: 1,
    print: { paper: "A4", orientation: "landscape", fitToWidth: true, printTitleRows: { first: 0, last: 0 }, pageHeading },
    charts: [],
  };
}
