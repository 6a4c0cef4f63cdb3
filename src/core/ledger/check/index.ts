/**
 * The ledger check: a ledger as read (index.readLedger), its companions (customer master, bills
 * register, collection log — each optional), an as-of date and the policy in; per-row results
 * (due date, age, aging class and band, provision), findings by the rules of findings.ts, and
 * exact totals out. One bad cell never stops the check: the cell is reported, the field is
 * blank, and every rule that can still judge the row does.
 *
 * Speed. Excel holds 1,048,576 rows, so the per-row work is flat: aging and provision go
 * through batch.runBatch (integer fen, cutoff days, typed arrays); rules read LedgerRow's fen
 * twins and touch a Decimal only for the rare row that needs one; per-customer facts are
 * gathered in one pass, looked up by the cell's own string before any normalisation; each pass
 * is a function with one loop (see AuditRun); duplicate documents are found by partitioned
 * hashing; messages are formatted only when read (findings.makeFinding); per-row
 * results are typed arrays, made into objects only when asked for (AuditRows.get).
 *
 * Totals are exact: every figure is the sum of the same rows' figures as the rows report them
 * (balances as read, provisions rounded to the fen per row), so a total always equals its rows.
 */
import type { DayNumber } from "../../calendar";
import type { Policy } from "../../policy/types";
import { compareFindings } from "../findings";
import { openItemsAsOf } from "../as-of";
import type { LedgerField } from "../headers";
import type { LedgerReading } from "../index";
import { checkBills, checkCollectionLog, checkLogConditions } from "./companion-rules";
import { checkCustomers } from "./customer-rules";
import { sortFindings } from "./finding-order";
import { readingFindings } from "./issue-findings";
import { indexCompanions, prepareRows } from "./prepare";
import { type AuditCompanions, type AuditOptions, type AuditResult, AuditRows } from "./result";
import { readingWideFindings } from "./ledger-findings";
import { checkLines, checkRows } from "./row-rules";
import { AuditRun } from "./run";
import { totalsOf } from "./totals";

export type {
  AmountTotal,
  AuditCompanions,
  AuditOptions,
  AuditResult,
  AuditRow,
  AuditTotals,
  BandTotal,
  BillsRegisterReading,
  CollectionLogReading,
  CustomerMasterReading,
  UncheckedRule,
} from "./result";
export { AuditRows } from "./result";
export { firstDuplicateRows } from "./duplicates";
export { balanceText } from "./message-values";
export { lastDueOverdueForWriteOff } from "./row-rules";
export type { ReadingSummary } from "./ledger-findings";

/**
 * Checks a ledger against the policy on `asOf` (see the file comment and findings.RULES for
 * what each rule does). Throws only for a policy the batch cannot use (bands, rates: loadPolicy
 * catches those first); every problem of the data is a finding.
 */
export function auditLedger(
  read: LedgerReading,
  companions: AuditCompanions,
  asOf: DayNumber,
  policy: Policy,
  options: AuditOptions = {},
): AuditResult {
  const view = openItemsAsOf(read.rows, asOf, { shape: read.shape, columns: () => read.letters, creditDays: policy.defaultCreditDays });
  const run = new AuditRun(read, view, companions.customers ?? null, companions.bills ?? null, companions.collections ?? null, asOf, policy, options);
  readingFindings(run, read, view);
  const summary = readingWideFindings(run, read, view);
  indexCompanions(run);
  const batch = prepareRows(run);
  checkLines(run, read.rows, read.layout.runningBalance);
  checkRows(run, batch);
  checkCustomers(run);
  checkCollectionLog(run);
  checkLogConditions(run);
  checkBills(run);

  // Order: the ledger, then the companions, each by row and column.
  const sheetOrder = new Map<string, number>();
  for (const s of [...read.layout.sheets, run.master?.sheet, run.bills?.sheet, run.log?.sheet]) if (s !== undefined && !sheetOrder.has(s)) sheetOrder.set(s, sheetOrder.size);
  const { findings, rowStart, rowFindings } = sortFindings(run, compareFindings(sheetOrder));

  const bandKeys = policy.reportBands.map((b) => b.key);
  return {
    asOf,
    ledger: {
      sheet: run.sheet,
      shape: read.shape,
      headerRow: read.header.row,
      rowCount: run.n,
      skippedCount: read.skipped.length,
      unitScale: read.units.scale,
      ...columnUnits(read),
    },
    reading: summary,
    companions: { customers: run.master?.sheet ?? null, bills: run.bills?.sheet ?? null, collections: run.log?.sheet ?? null },
    rows: new AuditRows(
      run.rows,
      run.dueDay,
      run.ageFrom,
      batch.daysPastDue,
      batch.agingClass,
      batch.reportBand,
      batch.provisionFen,
      batch.provisionExact,
      bandKeys,
      asOf,
      findings,
      rowStart,
      rowFindings,
      batch.basis,
    ),
    settledRows: view.settledRows,
    advances: view.advances,
    findings,
    totals: totalsOf(run.rows, batch, run.worst, findings, policy),
    unchecked: run.unchecked,
  };
}

/** Money columns whose own unit (a header's "(万元)") differs from the sheet's, as the result states them. */
function columnUnits(read: LedgerReading): { columnUnits?: Partial<Record<LedgerField, number>> } {
  const own: Partial<Record<LedgerField, number>> = {};
  let any = false;
  for (const [field, scale] of Object.entries(read.units.columns) as [LedgerField, number][]) {
    if (scale !== read.units.scale) {
      own[field] = scale;
      any = true;
    }
  }
  return any ? { columnUnits: own } : {};
}
