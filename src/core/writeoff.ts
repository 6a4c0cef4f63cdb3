/**
 * Loss recognition and write-off (POLICY §8): which receivables may be written off, when the
 * loss must be declared to the tax bureau, what finance owes if it is late, and the reward for
 * a recovery after write-off.
 */
import type Decimal from "decimal.js";
import type { Bilingual } from "../i18n/bilingual";
import { addMonths, yearEnd, type DayNumber } from "./calendar";
import { ArError } from "./errors";
import { parseMoney, quoteInput, roundMoney } from "./money";
import type { Policy, StatusCondition } from "./policy/types";
import { conditionsStated } from "./status";

export interface WriteOffReason {
  /** A condition's key from policy.writeOff.conditions, or "overdue" for the overdue-years rule. */
  key: string;
  label: Bilingual;
}

interface WriteOffEligibility {
  eligible: boolean;
  /** Every reason that applies: status conditions in policy order, then "overdue". */
  reasons: WriteOffReason[];
  /** The first day past due (dueDate + 1), when the receivable is past due on asOf. */
  overdueSince?: DayNumber;
  /** The first as-of date on which the overdue-years rule applies (see overdueRuleFrom). */
  overdueRuleFrom: DayNumber;
}

/**
 * The conditions a status or note text states, in policy order, read as the aging analysis
 * reads its own (status.ts): every group of a condition's phrases stated, none negated. So
 * 进入破产程序 states no write-off condition (七.第一条 1 needs 宣告破产 or 撤销 and remaining
 * assets that cannot pay), and 已撤销起诉 or 对方司机发生交通事故 none either.
 */
export function conditionsInText(text: string | null | undefined, conditions: readonly StatusCondition[], policy: Pick<Policy, "statusNegations">): StatusCondition[] {
  return conditionsStated(text, conditions, policy.statusNegations);
}

/** The overdue-years reason (七.第一条 5) as the policy reads its boundary: 逾期3年以上 includes 3 years. */
export function overdueReason(policy: Pick<Policy, "writeOff">): WriteOffReason {
  const { overdueYears: y, atOverdueYears } = policy.writeOff;
  return atOverdueYears === "eligible"
    ? { key: "overdue", label: { "zh-CN": `逾期${y}年以上仍未收回（含${y}年）`, "en-US": `Overdue ${y} year${y === 1 ? "" : "s"} or more (${y} year${y === 1 ? "" : "s"} included)` } }
    : { key: "overdue", label: { "zh-CN": `逾期超过${y}年仍未收回`, "en-US": `Overdue more than ${y} year${y === 1 ? "" : "s"}` } };
}

/**
 * The first as-of date on which a receivable due on `dueDate` is overdue writeOff.overdueYears
 * years as the policy reads the boundary: the anniversary itself (addMonths(due, 12 × years),
 * a leap day clamped to Feb 28) when atOverdueYears is "eligible", the day after otherwise.
 */
export function overdueRuleFrom(dueDate: DayNumber, policy: Pick<Policy, "writeOff">): DayNumber {
  const { overdueYears, atOverdueYears } = policy.writeOff;
  return addMonths(dueDate, 12 * overdueYears) + (atOverdueYears === "eligible" ? 0 : 1);
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
 * Whether a receivable may be written off on `asOf` (004 七.第一条): a condition the status text
 * states (conditionsInText), or overdue writeOff.overdueYears years or more (5. 逾期3年以上: 以上
 * includes the number, Civil Code art. 1259), counted from the due date: due 2008-08-31 is
 * eligible on 2011-08-31, due 2008-02-29 on 2011-02-28 (the anniversary of a leap day is
 * Feb 28). The aging bands count from the date arisen instead, so the two edges differ on purpose.
 */
export function writeOffEligibility(
  input: { dueDate: DayNumber; asOf: DayNumber; statusText?: string | null },
  policy: Policy,
): WriteOffEligibility {
  const dueDate = checkDay(input.dueDate, "dueDate");
  const asOf = checkDay(input.asOf, "asOf");
  const reasons: WriteOffReason[] = conditionsInText(input.statusText, policy.writeOff.conditions, policy).map((c) => ({ key: c.key, label: c.label }));
  const from = overdueRuleFrom(dueDate, policy);
  if (asOf >= from) reasons.push(overdueReason(policy));
  const result: WriteOffEligibility = { eligible: reasons.length > 0, reasons, overdueRuleFrom: from };
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

/** A figure the text leaves blank and the company has not set yet: an error naming the policy key, never an invented figure. */
export function policyUnsetError(key: string, what: Bilingual): ArError {
  return new ArError(
    "policy.unset",
    {
      "zh-CN": `${what["zh-CN"]}尚未在制度中设定（制度参数 ${key}，原文留空），请先在制度表中填写。`,
      "en-US": `${what["en-US"]} is not set in the policy yet (policy key ${key}, left blank in the text): fill it in on the policy sheet first.`,
    },
    { excel: "#N/A", field: key },
  );
}

/** The 赔偿比率 of 七.第五条, or the error saying it is to be set. */
function compensationRatioOf(policy: Policy): string {
  const r = policy.writeOff.compensationRatio;
  if (r === null) throw policyUnsetError("writeOff.compensationRatio", { "zh-CN": "赔偿比率", "en-US": "The compensation ratio" });
  return r;
}

/**
 * What finance compensates when it declares a loss late (004 七.第五条): 赔偿金额 = 应收账款损失
 * × 33% × 赔偿比率 (writeOff.incomeTaxRate, "0.33" by default; writeOff.compensationRatio),
 * rounded half-up once to 0.01. The text leaves the ratio blank: until the company sets it this
 * throws "policy.unset".
 */
export function lateFilingCompensation(loss: Decimal | number | string, policy: Policy): Decimal {
  const ratio = compensationRatioOf(policy);
  return roundMoney(amount(loss, "loss").times(policy.writeOff.incomeTaxRate).times(ratio));
}

/**
 * The collector's reward for a recovery after write-off (七.第六条: 根据回收额的_%给予奖励):
 * recovered × recoveryRewardRate, rounded half-up to 0.01; "policy.unset" until the rate is set.
 */
export function recoveryReward(recovered: Decimal | number | string, policy: Policy): Decimal {
  const rate = policy.writeOff.recoveryRewardRate;
  if (rate === null) throw policyUnsetError("writeOff.recoveryRewardRate", { "zh-CN": "核销后收回的奖励比例", "en-US": "The reward rate for recoveries after write-off" });
  return roundMoney(amount(recovered, "recovered").times(rate));
}
