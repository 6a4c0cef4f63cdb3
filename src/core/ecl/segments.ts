/**
 * Segments (组合) of the expected-credit-loss pool: items grouped by the values of a ledger column
 * the company picks (客户类型, 部门…), each group with its own migration and loss rates (CAS 22:
 * 按信用风险特征划分组合). The column is named by its header text as the ledger writes it, or by
 * its letter; it need not be one the check reads (a customer type column usually is not).
 */
import type { LedgerRow } from "../ledger/ledger-store";
import type { LedgerReading } from "../ledger/index";

export interface SegmentColumn {
  /** 0-based position in the sheet's rows (LedgerRow.raw). */
  index: number;
  letter: string;
  header: string;
}

const norm = (text: string): string => text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/**
 * The column `spec` names among the ledger's header cells, mapped or not: its header text (spaces,
 * width and case aside), else a column letter ("F"); null when the ledger has no such column.
 */
export function segmentColumn(reading: Pick<LedgerReading, "mapping" | "header">, spec: string): SegmentColumn | null {
  const wanted = norm(spec);
  if (wanted === "") return null;
  // Every header cell: the columns read, those naming no field, and those that lost a field to another (客户类型 beside 客户名称).
  const all = [...reading.header.columns, ...reading.mapping.unmapped, ...reading.mapping.ambiguous.flatMap((a) => a.others)].map((c) => ({ index: c.index, letter: c.letter, header: c.header }));
  const byHeader = all.find((c) => c.header !== "" && norm(c.header) === wanted);
  if (byHeader !== undefined) return byHeader;
  if (/^[a-z]{1,3}$/.test(wanted)) {
    const byLetter = all.find((c) => c.letter.toLowerCase() === wanted);
    if (byLetter !== undefined) return byLetter;
  }
  return null;
}

function cellText(row: LedgerRow, column: SegmentColumn): string {
  const v = row.raw[column.index];
  if (v === null || v === undefined) return "";
  return String(v).normalize("NFKC").trim();
}

/**
 * Each line's segment: its own cell, else (a receipt, a line left blank) the first value its
 * customer's lines give, else "". A transaction ledger often fills a type column on invoices only;
 * the receipts must still fall in their customer's segment, or its history would lose them.
 */
export function segmenter(rows: readonly LedgerRow[], column: SegmentColumn): (row: LedgerRow) => string {
  const byCustomer = new Map<string, string>();
  const customerKey = (row: LedgerRow) => (row.customer ?? "").normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  for (const row of rows) {
    const own = cellText(row, column);
    const key = customerKey(row);
    if (own !== "" && key !== "" && !byCustomer.has(key)) byCustomer.set(key, own);
  }
  return (row) => {
    const own = cellText(row, column);
    return own !== "" ? own : (byCustomer.get(customerKey(row)) ?? "");
  };
}
