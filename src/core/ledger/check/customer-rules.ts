/**
 * Per-customer rules: a customer the master lacks, credit limit, reconciliation (POLICY §7) and
 * credit review (POLICY §5).
 */
import type Decimal from "decimal.js";
import { addMonths, type DayNumber } from "../../calendar";
import { cellRef, makeFinding, type MessageParams } from "../findings";
import { customerName, day, money } from "./message-values";
import { AuditRun, type MasterRecord } from "./run";

// Message parameters made only when a message is read. Built here, outside the per-row loop:
// a closure made inside the loop would make V8 allocate the loop's variables per iteration.

function reconciliationParams(name: string | null, months: number, last: DayNumber, asOf: DayNumber): () => MessageParams {
  return () => ({ customer: customerName(name), months, last: day(last), asOf: day(asOf) });
}

/** credit-limit-exceeded's parameters: the figures as the check found them, worded when the message is read. */
function creditLimitParams(name: string | null, total: Decimal, limit: Decimal, limitSheet: string, limitColumn: string, limitRow: number): () => MessageParams {
  return () => ({
    customer: customerName(name),
    total: money(total),
    limit: money(limit),
    limitCell: cellRef(limitSheet, limitColumn, limitRow),
    excess: money(total.minus(limit)),
  });
}

/** Per-customer rules, on the customer's first ledger row (credit review: its master row). */
export function checkCustomers(run: AuditRun): void {
  const { policy, asOf, master } = run;
  const reconciliationMonths = policy.reconciliationIntervalMonths;
  const reviewMonths = policy.credit.reviewIntervalMonths;
  const confirmationColumn = run.col("lastConfirmed");
  const balanceColumn = run.col("balance", "amount");
  const limitColumn = run.masterLetter.creditLimit;
  const reviewColumn = run.masterLetter.lastReview;
  const checkConfirmation = run.mapped("lastConfirmed");
  if (!checkConfirmation) run.skipRule("reconciliation-overdue", "台账没有对账日期列。", "The ledger has no confirmation date column.");
  if (limitColumn === undefined) run.skipRule("credit-limit-exceeded", "没有带信用额度列的客户档案。", "No customer master with a credit limit column.");
  if (reviewColumn === undefined) run.skipRule("credit-review-overdue", "没有带评审日期列的客户档案。", "No customer master with a review date column.");
  const reviewed = new Set<MasterRecord>();
  // Only against a master that has customers: without one, every customer would be reported.
  const checkInMaster = master !== null && master.records.length > 0;
  if (!checkInMaster) run.skipRule("customer-not-in-master", "没有列出客户的客户档案。", "No customer master listing customers.");
  const customerColumn = run.col("customer");
  const defaultDays = policy.defaultCreditDays;
  for (const g of run.groups) {
    const total = g.balance.toDecimal();
    const open = total.gt(0);
    const m = g.master;
    if (open && checkInMaster && m === null) {
      const params = { customer: customerName(g.name), master: master.sheet, count: g.defaultTermItems, days: defaultDays };
      run.rowFinding(g.first, "customer-not-in-master", customerColumn, params, g.defaultTermItems > 0 ? "default-term" : undefined, "customer");
    }
    if (limitColumn !== undefined && m !== null && m.creditLimit !== null && total.gt(m.creditLimit)) {
      run.rowFinding(g.first, "credit-limit-exceeded", balanceColumn, creditLimitParams(g.name, total, m.creditLimit, m.sheet, limitColumn, m.row));
    }
    if (open && checkConfirmation) {
      const last = g.lastConfirmed;
      if (last !== last) {
        run.rowFinding(g.first, "reconciliation-overdue", confirmationColumn, { customer: customerName(g.name), months: reconciliationMonths }, "never", "lastConfirmed");
      } else if (addMonths(last, reconciliationMonths) < asOf) {
        run.rowFinding(g.first, "reconciliation-overdue", confirmationColumn, reconciliationParams(g.name, reconciliationMonths, last, asOf), undefined, "lastConfirmed");
      }
    }
    if (open && reviewColumn !== undefined && m !== null && master !== null && !reviewed.has(m)) {
      reviewed.add(m);
      const last = m.lastReview;
      const customer = customerName(m.customer);
      if (last === null) {
        run.addFinding(makeFinding("credit-review-overdue", master.sheet, m.row, reviewColumn, { customer, months: reviewMonths }, { variant: "never", field: "lastReview" }));
      } else if (addMonths(last, reviewMonths) < asOf) {
        run.addFinding(makeFinding("credit-review-overdue", master.sheet, m.row, reviewColumn, { customer, months: reviewMonths, last: day(last), asOf: day(asOf) }, { field: "lastReview" }));
      }
    }
  }
}
