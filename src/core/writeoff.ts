/**
 * Loss recognition and write-off (POLICY §8): which receivables may be written off, when the
 * loss must be declared to the tax bureau, what finance owes if it is late, and the reward for
 * a recovery after write-off.
 */
import type Decimal from "decimal.js";
import { directToBadCondition } from "./aging";
import { addMonths, yearEnd, type DayNumber } from "./calendar";
import { ArError, type Bilingual } from "./errors";
import { parseMoney, quoteInput, roundMoney } from "./money";
import type { Policy, StatusCondition } from "./policy/types";

export interface WriteOffReason {
  /** A condition's key from policy.writeOff.conditions, or "overdue" for the overdue-years rule. */
  key: string;
  label: Bilingual;
}

export interface WriteOffEligibility {
  eligible: boolean;
  /** Every reason that applies: status conditions in policy order, then "overdue". */
  reasons: WriteOffReason[];
  /** The first day past due (dueDate + 1), when the receivable is past due on asOf. */
  overdueSince?: DayNumber;
  /** The first as-of date on which the overdue-years rule applies: addMonths(dueDate, 12 × overdueYears) + 1. */
  overdueRuleFrom: DayNumber;
}

/**
 * The conditions whose keywords occur in a status or note text, in policy order. Matching is
 * aging.ts's, so a status reads the same in the aging analysis (POLICY §2) and here (§8):
 * substring after NFKC and lower-casing, an occurrence right after a negation ("未破产",
 * "not bankrupt") does not count.
 */
export function conditionsInText(text: string | null | undefined, conditions: readonly StatusCondition[]): StatusCondition[] {
  if (typeof text !== "string" || text.trim() === "") return [];
  // directToBadCondition answers "the first match"; asked one condition at a time it answers "does this one match".
  return conditions.filter((c) => directToBadCondition(text, { directToBad: [c] }) !== null);
}

function checkDay(value: unknown, field: string): DayNumber {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new ArError(
      "writeoff.date",
      { "zh-CN": `${field} 应为日期（天数），实际为“${quoteInput(value)}”。`, "en-US": `${field} must be a date (a day number), got "${quoteInput(value)}".` },
      { excel: "#VALUE!", field },
    );
  }
  return value;
}

/**
 * Whether a receivable may be written off on `asOf` (POLICY §8): any status condition found in
 * statusText (bankrupt/deregistered, dead/missing, disaster/accident, court ruling), or overdue
 * MORE than policy.writeOff.overdueYears years: asOf strictly after addMonths(dueDate, 12 × years).
 * Exactly 3 years after the due date is not yet eligible; the next day is. A leap-day due date
 * anniversaries on Feb 28 (due 2008-02-29: eligible from 2011-03-01).
 */
export function writeOffEligibility(
  input: { dueDate: DayNumber; asOf: DayNumber; statusText?: string | null },
  policy: Policy,
): WriteOffEligibility {
  const dueDate = checkDay(input.dueDate, "dueDate");
  const asOf = checkDay(input.asOf, "asOf");
  const { overdueYears, conditions } = policy.writeOff;
  const reasons: WriteOffReason[] = conditionsInText(input.statusText, conditions).map((c) => ({ key: c.key, label: c.label }));
  const overdueRuleFrom = addMonths(dueDate, 12 * overdueYears) + 1;
  if (asOf >= overdueRuleFrom) {
    reasons.push({
      key: "overdue",
      label: { "zh-CN": `逾期${overdueYears}年以上仍未收回`, "en-US": `Overdue more than ${overdueYears} year${overdueYears === 1 ? "" : "s"}` },
    });
  }
  const result: WriteOffEligibility = { eligible: reasons.length > 0, reasons, overdueRuleFrom };
  if (asOf > dueDate) result.overdueSince = dueDate + 1;
  return result;
}

/**
 * The last day to declare a loss to the tax bureau: taxFilingDaysAfterYearEnd days after the end
 * of the year the loss was recognised in (2011-06-30 -> 2011-12-31 + 45 = 2012-02-14).
 */
export function taxFilingDeadline(lossRecognised: DayNumber, policy: Policy): DayNumber {
  return yearEnd(checkDay(lossRecognised, "lossRecognised")) + policy.writeOff.taxFilingDaysAfterYearEnd;
}

function amount(input: Decimal | number | string, field: string): Decimal {
  const value = parseMoney(input, field);
  if (value === null) {
    throw new ArError("writeoff.amount", { "zh-CN": `缺少金额（${field}）。`, "en-US": `The amount (${field}) is missing.` }, { excel: "#VALUE!", field });
  }
  if (value.isNegative()) {
    throw new ArError(
      "writeoff.amount",
      { "zh-CN": `金额（${field}）${value.toFixed()} 不能为负数。`, "en-US": `The amount (${field}) ${value.toFixed()} must not be negative.` },
      { excel: "#NUM!", field },
    );
  }
  return value;
}

/**
 * What finance compensates when it declares a loss late (POLICY §8):
 * loss × incomeTaxRate × compensationRatio, rounded half-up once to 0.01.
 */
export function lateFilingCompensation(loss: Decimal | number | string, policy: Policy): Decimal {
  const { incomeTaxRate, compensationRatio } = policy.writeOff;
  return roundMoney(amount(loss, "loss").times(incomeTaxRate).times(compensationRatio));
}

/** The collector's reward for a recovery after write-off: recovered × recoveryRewardRate, rounded half-up to 0.01. */
export function recoveryReward(recovered: Decimal | number | string, policy: Policy): Decimal {
  return roundMoney(amount(recovered, "recovered").times(policy.writeOff.recoveryRewardRate));
}
