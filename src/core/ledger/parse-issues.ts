/**
 * What reading a table reports besides its rows: a ParseIssue for every cell that could not be
 * read (the row is still returned, that field null: nothing is dropped without a word) and a
 * SkippedRow for every row that is not a record (subtotals, blank lines inside the table, a
 * repeated header, a note line).
 */


/**
 * What was wrong with a cell or a row:
 * - missing-field: a value the row needs is blank (customer; a date; an amount);
 * - bad-date / bad-amount / bad-number / bad-probability / bad-boolean / bad-text: the cell
 *   holds something that is not a value of its column's kind;
 * - excel-error: the cell holds an Excel error (#N/A, #REF!...), read as blank;
 * - unknown-document: a receipt names a document its customer has no invoice for (transactions);
 * - unallocated-receipt: a receipt that cannot be allocated (no customer) (transactions);
 * - sub-fen: an amount finer than a fen (15000.005, often a formula's result shown as 15,000.01):
 *   read exactly as it is (a warning: nothing is lost, but what Excel shows differs).
 */
export type ParseIssueKind =
  | "missing-field"
  | "bad-date"
  | "bad-amount"
  | "bad-number"
  | "bad-probability"
  | "bad-boolean"
  | "bad-text"
  | "excel-error"
  | "unknown-document"
  | "unallocated-receipt"
  | "sub-fen";

export interface ParseIssue {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** Sheet column letter ("F"). */
  column: string;
  field: string;
  issue: ParseIssueKind;
  /** "error": the value is lost (the field is null); "warning": read, but worth a look. */
  severity: "error" | "warning";
  /** The cell as found, quoted (at most 40 characters). */
  value: string;
  zh: string;
  en: string;
}

/**
 * Why a row was not read: blank (inside the table; blank rows after the last row are not
 * listed), subtotal (合计/小计/总计/累计/Total/Subtotal, and 本月合计/本期合计/本年累计 in any
 * column, 摘要 included), carry-forward (承前页/过次页, page totals of a printed ledger),
 * closing (结转下年/期末余额: the balance carried to the next period), repeated-header (the
 * header again, as printed pages repeat it), note (a line whose only cell is text at the table's
 * left edge or outside its columns: a section banner), footer (制表人/审核/财务负责人…: the table
 * ends there, and the rows after it, up to a repeated header, are not read).
 */
export type SkipReason = "blank" | "subtotal" | "carry-forward" | "closing" | "repeated-header" | "note" | "footer" | "voided" | "draft";

export interface SkippedRow {
  /** The sheet, when a ledger spans several (one per customer); else the reading's own sheet. */
  sheet?: string;
  row: number;
  reason: SkipReason;
  /** The text that made the row a subtotal, note or header; "" for a blank row. */
  text: string;
}

/** Issues in sheet order: by row, then column (shorter letters first: B before AA). */
export function sortIssues(issues: ParseIssue[]): ParseIssue[] {
  return issues.sort((a, b) => a.row - b.row || a.column.length - b.column.length || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
}
