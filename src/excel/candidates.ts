/**
 * Where the ledger might be: Excel tables first (a table is a deliberate choice), then each
 * sheet's used range whose first rows hold a header the core recognises. Three syncs whatever
 * the number of sheets: names and tables, used-range sizes, the top rows of each.
 */
import { HEADER_SCAN_ROWS, LEDGER_FIELDS, detectHeader } from "../core/ledger/headers";
import { tableKindOf, type TableKind } from "../core/ledger/workbook";
import type { LedgerSource } from "./read";

export interface LedgerCandidate {
  source: LedgerSource;
  sheet: string;
  /** What the user sees in the picker: "Sheet1 (A1:L240)" or "Table Ledger on Sheet1". */
  label: string;
  rows: number;
  /** Ledger fields the header names; more is likelier the ledger. */
  fieldsFound: number;
}

/** A sheet or table whose header reads best as a companion table (a log, a master, a bills register): never offered as the ledger. */
export interface CompanionFound {
  sheet: string;
  kind: Exclude<TableKind, "ledger">;
}

export interface WorkbookSurvey {
  candidates: LedgerCandidate[];
  companions: CompanionFound[];
}

export async function findLedgerCandidates(context: Excel.RequestContext, exclude: ReadonlySet<string>): Promise<LedgerCandidate[]> {
  return (await surveyWorkbook(context, exclude)).candidates;
}

/**
 * The ledger candidates, and the companion tables set apart: a header that reads better as the
 * collection log (催收记录), the customer master or the bills register than as a ledger is that
 * table, so a workbook whose ledger sheet was cleared gets "no ledger", not its log.
 */
export async function surveyWorkbook(context: Excel.RequestContext, exclude: ReadonlySet<string>): Promise<WorkbookSurvey> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();

  const tableInfo = tables.items.map((t) => {
    const range = t.getRange();
    range.load("address,rowCount");
    const ws = t.worksheet;
    ws.load("name");
    const header = t.getHeaderRowRange();
    header.load("values");
    return { name: t.name, range, ws, header };
  });
  const sheetInfo = sheets.items
    .filter((s) => !exclude.has(s.name))
    .map((s) => {
      const used = s.getUsedRangeOrNullObject(true);
      used.load("address,rowCount,columnCount");
      return { name: s.name, used };
    });
  await context.sync();

  const tops = sheetInfo
    .filter((s) => !s.used.isNullObject && s.used.rowCount > 1)
    .map((s) => {
      const top = s.used.getCell(0, 0).getResizedRange(Math.min(HEADER_SCAN_ROWS, s.used.rowCount) - 1, s.used.columnCount - 1);
      top.load("values");
      return { ...s, top };
    });
  await context.sync();

  const out: LedgerCandidate[] = [];
  const companions: CompanionFound[] = [];
  const companionKind = (values: readonly unknown[][]): Exclude<TableKind, "ledger"> | null => {
    const kind = tableKindOf(values as unknown[][]);
    return kind === null || kind === "ledger" ? null : kind;
  };
  for (const t of tableInfo) {
    if (exclude.has(t.ws.name)) continue;
    const kind = companionKind(t.header.values);
    if (kind !== null) {
      companions.push({ sheet: t.ws.name, kind });
      continue;
    }
    const header = detectHeader(t.header.values, LEDGER_FIELDS);
    const fieldsFound = header ? header.columns.filter((c) => c.match !== null).length : 0;
    out.push({ source: { kind: "table", table: t.name }, sheet: t.ws.name, label: `${t.name} (${t.ws.name})`, rows: t.range.rowCount - 1, fieldsFound });
  }
  for (const s of tops) {
    const kind = companionKind(s.top.values);
    if (kind !== null) {
      companions.push({ sheet: s.name, kind });
      continue;
    }
    const header = detectHeader(s.top.values, LEDGER_FIELDS);
    if (!header) continue;
    const fieldsFound = header.columns.filter((c) => c.match !== null).length;
    const address = s.used.address.slice(s.used.address.lastIndexOf("!") + 1);
    out.push({ source: { kind: "range", sheet: s.name }, sheet: s.name, label: `${s.name} (${address})`, rows: s.used.rowCount, fieldsFound });
  }
  // Tables first, then by how much of a ledger the header names.
  out.sort((a, b) => Number(b.source.kind === "table") - Number(a.source.kind === "table") || b.fieldsFound - a.fieldsFound);
  return { candidates: out, companions };
}
