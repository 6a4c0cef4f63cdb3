/**
 * Aging: when a receivable falls due, how far past due it is, its aging class (POLICY §2)
 * and its aging band (POLICY §3). Day numbers in, no clock: the as-of date is an argument.
 */
import { addMonths, type DayNumber } from "./calendar";
import { type CreditTerm, dueWithTerm } from "./credit-terms";
import { ArError } from "./errors";
import type { AgingBand, AgingClass, AgingClassThresholds, Policy, StatusCondition } from "./policy/types";
import { firstConditionStated } from "./status";

/** Aging classes in order of severity; batch.ts stores a class as its index here. */
export const AGING_CLASSES: readonly AgingClass[] = ["normal", "overdue", "stale", "bad"];

/**
 * The due date: the explicit due date when the ledger has one, else the date arisen plus the
 * credit days (the row's own, else the policy's default credit term), or the date a term in
 * months or month-end settlement gives (credit-terms.dueWithTerm).
 */
export function dueDate(
  dateArisen: DayNumber,
  creditDays: number | CreditTerm | null,
  explicitDue: DayNumber | null,
  policy: Pick<Policy, "defaultCreditDays">,
): DayNumber {
  if (explicitDue !== null) return explicitDue;
  if (creditDays !== null && typeof creditDays === "object") return dueWithTerm(dateArisen, creditDays);
  const days = creditDays ?? policy.defaultCreditDays;
  if (!Number.isInteger(days) || days < 0) {
    throw new ArError(
      "aging.credit-days-invalid",
      { "zh-CN": "信用期天数必须是非负整数。", "en-US": "Credit days must be a non-negative whole number." },
      { excel: "#NUM!", field: "creditDays" },
    );
  }
  return dateArisen + days;
}

/** Days past the due date on the as-of date; negative while not yet due. */
export function daysPastDue(due: DayNumber, asOf: DayNumber): number {
  return asOf - due;
}

/**
 * The last day past due of each class but bad, as the policy reads its boundaries (POLICY §2):
 * with the defaults normal up to 20 (d = 20 by the stated choice), overdue 21–90 (在90天内
 * includes 90), stale 91–360 (在360天内 includes 360), bad from 361.
 */
export function classLimits(t: AgingClassThresholds): { normal: number; overdue: number; stale: number } {
  return {
    normal: t.atNormalMaxDays === "overdue" ? t.normalMaxDays - 1 : t.normalMaxDays,
    overdue: t.atOverdueMaxDays === "stale" ? t.overdueMaxDays - 1 : t.overdueMaxDays,
    stale: t.atStaleMaxDays === "bad" ? t.staleMaxDays - 1 : t.staleMaxDays,
  };
}

/**
 * POLICY §2 (004 五.第二条): the class of d days past the credit term. 不足20天 is normal and
 * 超过20天 overdue, so the text leaves d = 20 in neither: t.atNormalMaxDays says where it goes
 * (normal by default). 在90天内 and 在360天内 include the number (Civil Code art. 1259), so with
 * the defaults 90 is overdue and 360 stale; 超过信用期360天以上 starts at 361.
 */
export function agingClass(daysPastDue: number, thresholds: AgingClassThresholds): AgingClass {
  if (!Number.isFinite(daysPastDue)) {
    throw new ArError(
      "aging.days-invalid",
      { "zh-CN": "逾期天数不是有效数字。", "en-US": "Days past due is not a valid number." },
      { excel: "#VALUE!", field: "daysPastDue" },
    );
  }
  const last = classLimits(thresholds);
  if (daysPastDue <= last.normal) return "normal";
  if (daysPastDue <= last.overdue) return "overdue";
  if (daysPastDue <= last.stale) return "stale";
  return "bad";
}

/**
 * POLICY §2: the first condition of policy.directToBad (004 五.第三条) the status text states, as
 * the status vocabulary reads it (status.ts: phrases, not loose words; negations respected);
 * null when none.
 */
export function directToBadCondition(
  statusText: string | null | undefined,
  policy: Pick<Policy, "directToBad" | "statusNegations">,
): StatusCondition | null {
  return firstConditionStated(statusText, policy.directToBad, policy.statusNegations);
}

export interface Classification {
  daysPastDue: number;
  agingClass: AgingClass;
  /** The direct-to-bad condition found in the status text, when one was. */
  condition: StatusCondition | null;
}

/** POLICY §2: the class by days past due, forced to "bad" by a direct-to-bad condition. */
export function classify(
  due: DayNumber,
  asOf: DayNumber,
  statusText: string | null | undefined,
  policy: Pick<Policy, "agingClass" | "directToBad" | "statusNegations">,
): Classification {
  const days = daysPastDue(due, asOf);
  const condition = directToBadCondition(statusText, policy);
  return { daysPastDue: days, agingClass: condition !== null ? "bad" : agingClass(days, policy.agingClass), condition };
}

function arisenAfterAsOf(): ArError {
  return new ArError(
    "aging.arisen-after-as-of",
    {
      "zh-CN": "发生日期晚于截止日期,无法计算账龄。",
      "en-US": "The date arisen is after the as-of date, so there is no age.",
    },
    { excel: "#NUM!", field: "dateArisen" },
  );
}

function noBand(): ArError {
  return new ArError(
    "aging.no-band",
    {
      "zh-CN": "账龄超出账龄段表的范围(最后一段应不设上限)。",
      "en-US": "The age is beyond every aging band (the last band should be open-ended).",
    },
    { excel: "#N/A", field: "bands" },
  );
}

function checkMonths(band: AgingBand): number | null {
  const n = band.upToMonths;
  if (n !== null && (!Number.isInteger(n) || n < 0)) {
    throw new ArError(
      "aging.band-invalid",
      {
        "zh-CN": `账龄段“${band.label["zh-CN"]}”的月数必须是非负整数。`,
        "en-US": `The months of aging band "${band.label["en-US"]}" must be a non-negative whole number.`,
      },
      { excel: "#VALUE!", field: band.key },
    );
  }
  return n;
}

/**
 * POLICY §3: the index of the first band with age <= upToMonths, age counted in whole calendar
 * months from the date arisen. "Age <= n months" means asOf <= addMonths(dateArisen, n), so
 * "within 1 year" includes the anniversary (2010-08-31 is within 1 year on 2011-08-31, 1–2 years
 * on 2011-09-01) and a month end clamps (2008-02-29 + 12 months = 2009-02-28).
 */
export function agingBand(dateArisen: DayNumber, asOf: DayNumber, bands: readonly AgingBand[]): number {
  if (dateArisen > asOf) throw arisenAfterAsOf();
  for (let i = 0; i < bands.length; i++) {
    const n = checkMonths(bands[i]);
    if (n === null || asOf <= addMonths(dateArisen, n)) return i;
  }
  throw noBand();
}

/** The band itself (see agingBand). */
export function agingBandOf(dateArisen: DayNumber, asOf: DayNumber, bands: readonly AgingBand[]): AgingBand {
  return bands[agingBand(dateArisen, asOf, bands)];
}

/**
 * For one as-of date, the earliest date arisen that is still within each band:
 * cutoffs[i] = min { a : asOf <= addMonths(a, upToMonths_i) } (−Infinity for an open band).
 * addMonths(·, n) is non-decreasing (a clamped month end never passes the next month's first
 * day), so the dates within band i's limit are exactly a >= cutoffs[i], and a row's band is
 * found by comparisons instead of calendar arithmetic:
 *   agingBand(a, asOf, bands) === bandFromCutoffs(a, cutoffs)   for every a <= asOf.
 * addMonths(asOf, −n) is not always the cutoff at month ends (as of 2011-03-31, one month back
 * is 2011-02-28, yet 2011-02-28 + 1 month = 2011-03-28 < 2011-03-31), so the cutoff is found
 * by stepping from that guess, a few days at most.
 */
export function bandCutoffs(asOf: DayNumber, bands: readonly AgingBand[]): number[] {
  return bands.map((band) => {
    const n = checkMonths(band);
    if (n === null) return -Infinity;
    let c = addMonths(asOf, -n);
    for (let step = 0; step < 64 && addMonths(c, n) < asOf; step++) c += 1;
    for (let step = 0; step < 64 && addMonths(c - 1, n) >= asOf; step++) c -= 1;
    return c;
  });
}

/** The band index of a date arisen (<= asOf) given bandCutoffs(asOf, bands); -1 when none. */
export function bandFromCutoffs(dateArisen: DayNumber, cutoffs: readonly number[]): number {
  for (let i = 0; i < cutoffs.length; i++) if (dateArisen >= cutoffs[i]) return i;
  return -1;
}
