/**
 * The ledger layer's reading half: a sheet's values in, typed receivables out, with every
 * problem reported by sheet, row and column. The checking rules build on `readLedger`.
 */
import type { Policy } from "../policy/types";
import { LEDGER_SCHEMA, type LedgerField } from "./headers";
import type { MappingResult } from "./mapping";
import { CellReader } from "./cell-reader";
import { checkRequiredValues, readLedgerRows } from "./ledger-rows";
import type { LedgerRow } from "./ledger-store";
import { type ParseIssue, type SkippedRow, sortIssues } from "./parse-issues";
import { type HeaderInfo, openTable, type TableOptions, type UnitsInfo } from "./table";
import { type Allocation, allocateReceipts, isReceiptType, type UnappliedCredit } from "./transactions";

export * from "./headers";
export * from "./mapping";
export { CellReader, fenOfDecimal, fenToDecimal } from "./cell-reader";
export { type LedgerMoneyField, LedgerRow, LedgerStore } from "./ledger-store";
export { readLedgerRows } from "./ledger-rows";
export type { ParseIssue, ParseIssueKind, SkippedRow, SkipReason } from "./parse-issues";
export { readRecords, type RecordsResult, type TableRecord } from "./records";
export { totalMarker } from "./row-kinds";
export { type ColumnPlan, type HeaderInfo, type OpenedTable, openTable, type TableOptions } from "./table";
export type { UnitsInfo } from "./table";
export * from "./transactions";
export * from "./companions";

/**
 * open-items: one row per receivable, with its received amount and balance.
 * transactions: invoices and receipts as rows; receipts are allocated (transactions.ts).
 */
export type LedgerShape = "open-items" | "transactions";

export interface ReadLedgerOptions extends TableOptions<LedgerField> {
  /** Default "auto": transactions when some row is a receipt (see looksLikeReceipt), else open items. */
  shape?: LedgerShape | "auto";
  /**
   * Accepted so one options object can travel through reading and checking; reading itself
   * needs no policy figure (a due date from credit days is aging.dueDate's business, with the
   * customer master joined).
   */
  policy?: Policy;
}

export interface TransactionsSummary {
  receipts: LedgerRow[];
  /** Invoices fully paid by the receipts. */
  settledItems: LedgerRow[];
  allocations: Allocation[];
  unappliedCredits: UnappliedCredit[];
}

export interface LedgerReading {
  sheet: string;
  shape: LedgerShape;
  header: HeaderInfo<LedgerField>;
  /** The mapping used, with detection's confidence, unmapped and ambiguous columns. */
  mapping: MappingResult<LedgerField>;
  units: UnitsInfo<LedgerField>;
  /** Open items: the ledger's rows (open-items shape) or the invoices left open (transactions). */
  rows: LedgerRow[];
  /** In sheet order (row, then column). */
  issues: ParseIssue[];
  skipped: SkippedRow[];
  /** Transactions shape only. */
  transactions: TransactionsSummary | null;
}

/** Values a row of each shape needs (the sheet-level columns are checked by LEDGER_SCHEMA). */
const ROW_REQUIRED: Record<LedgerShape, readonly (readonly LedgerField[])[]> = {
  "open-items": LEDGER_SCHEMA.required,
  transactions: [["customer"], ["dateArisen", "dueDate"], ["amount", "received", "balance"]],
};

/**
 * A row that only a transactions ledger has: its type says receipt; or it has a received
 * amount and no amount (a 贷方-only line); or a negative amount and no balance of its own.
 * A credit note in an open-items ledger carries its own (negative) balance, so it is not one.
 */
export function looksLikeReceipt(row: LedgerRow): boolean {
  if (row.type !== null && isReceiptType(row.type)) return true;
  const amount = row.moneySign("amount");
  if ((amount !== amount || amount === 0) && row.moneySign("received") === 1) return true;
  return amount === -1 && (row.balanceDerived || !row.hasMoney("balance"));
}

/**
 * Reads a receivables ledger from a sheet's values (a 2-D array as range.values or exceljs
 * give it). Finds the header in the first 30 rows (or takes options.headerRow), maps columns
 * by header words (or options.mapping), reads amounts in the sheet's units, skips blank and
 * subtotal rows (listed in `skipped`), and reports every unreadable or missing value as a
 * ParseIssue while still returning the row.
 *
 * Throws ArError only when the sheet as a whole cannot be read: "ledger.no-header",
 * "ledger.missing-columns", "ledger.mapping-invalid", "ledger.mapping-conflict",
 * "ledger.header-row-invalid". A caller reading several sheets catches it per sheet and
 * goes on with the others.
 */
export function readLedger(values: readonly unknown[][], options: ReadLedgerOptions): LedgerReading {
  const table = openTable(values, LEDGER_SCHEMA, options);
  const { rows, store, issues, skipped } = readLedgerRows(values, table);
  const requested = options.shape ?? "auto";
  const shape: LedgerShape = requested !== "auto" ? requested : rows.some(looksLikeReceipt) ? "transactions" : "open-items";

  const reader = new CellReader(table.sheet, table.dateSystem);
  checkRequiredValues(store, table, ROW_REQUIRED[shape], reader);
  const allIssues = issues;
  for (const i of reader.issues) allIssues.push(i);

  let openRows = rows;
  let transactions: TransactionsSummary | null = null;
  if (shape === "transactions") {
    const columns: Partial<Record<LedgerField, string>> = {};
    for (const c of table.mapping.columns) columns[c.field] = c.letter;
    const result = allocateReceipts(rows, { sheet: table.sheet, columns });
    for (const i of result.issues) allIssues.push(i);
    openRows = result.openItems;
    transactions = {
      receipts: result.receipts,
      settledItems: result.settledItems,
      allocations: result.allocations,
      unappliedCredits: result.unappliedCredits,
    };
  }
  return {
    sheet: table.sheet,
    shape,
    header: table.header,
    mapping: table.mapping,
    units: table.units,
    rows: openRows,
    issues: sortIssues(allIssues),
    skipped,
    transactions,
  };
}
