/**
 * Notices from ledger rows (the notices pane, DESIGN.md): collection notices (POLICY §6),
 * balance confirmation letters and customer statements (§7), one print-ready SheetSpec per customer, so both writers
 * render them; and the collection log rows the notices make.
 */
export { type NoticeSelection, type SelectedCustomer, selectCustomers, isOpenItem, customerProbability } from "./select";
export {
  buildCollectionNotices,
  type CollectionLogEntry,
  type CollectionNoticeResult,
  type CollectionNoticeSummary,
  type SkippedCustomer,
} from "./collection-notice";
export { buildConfirmationLetters, type ConfirmationResult, type ConfirmationSummary, type SkippedConfirmation } from "./confirmation-letter";
export {
  buildStatements,
  type SkippedStatement,
  type StatementAgingRow,
  type StatementLine,
  type StatementPeriod,
  type StatementResult,
  type StatementSelection,
  type StatementSummary,
} from "./statement";
export { type NoticeOptions, SHEET_NAME_MAX, uniqueSheetName } from "./letter";
