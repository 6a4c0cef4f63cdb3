/**
 * Bad-debt provision (坏账准备), POLICY §4: per item, and the schedule per provision band.
 * Exact decimals throughout; each item's provision is rounded half-up to 0.01 once, and every
 * schedule figure is a sum of those rounded amounts, so a total always equals its lines.
 */
import type Decimal from "decimal.js";
import { agingBand } from "./aging";
import type { DayNumber } from "./calendar";
import { ArError } from "./errors";
import { Dec, roundMoney } from "./money";
import { mulRateHalfUp, numberToFen, rateToBasisPoints } from "./fen";
import type { AgingBand, Policy, StatusCondition } from "./policy/types";

/**
 * Why an item has the provision it has:
 * - "specific": an expected recovery was given; provision = max(0, balance − expected recovery);
 * - "specific-probability": a recovery probability was given (六.第二条's quarterly review):
 *   expected recovery = balance × probability, rounded half-up to 0.01, provision = balance − it;
 * - "full-bad": a direct-to-bad condition holds (POLICY §2: bankrupt, refuses to pay, …), 100% of the balance;
 * - "aging-rate": balance × the rate of its provision band (账龄分析法);
 * - "balance-rate": balance × the one rate of 余额百分比法;
 * - "none-not-assessed": 个别认定法 and the item has no estimate nor condition: nothing provided, to be assessed;
 * - "none-direct-write-off": the policy uses the direct write-off method, no allowance;
 * - "none-non-positive": balance <= 0 (an advance or an overpayment), nothing to provide.
 */
export type ProvisionBasis =
  | "specific"
  | "specific-probability"
  | "full-bad"
  | "aging-rate"
  | "balance-rate"
  | "none-not-assessed"
  | "none-direct-write-off"
  | "none-non-positive";

/** The bases in a fixed order; batch.ts stores a basis as its index here (new ones go at the end). */
export const PROVISION_BASES: readonly ProvisionBasis[] = [
  "aging-rate",
  "full-bad",
  "specific",
  "none-non-positive",
  "none-direct-write-off",
  "specific-probability",
  "balance-rate",
  "none-not-assessed",
];

/** The bases by which an item is provided on its own (the schedule lists them one by one). */
export function isIndividualBasis(basis: ProvisionBasis): basis is "specific" | "specific-probability" | "full-bad" {
  return basis === "specific" || basis === "specific-probability" || basis === "full-bad";
}

export interface ItemProvisionInput {
  balance: Decimal;
  dateArisen: DayNumber;
  asOf: DayNumber;
  /** What the company still expects to collect (plan 000: "预计回收金额15万元"); null when not assessed. */
  expectedRecovery?: Decimal | null;
  /** The recovery probability of the quarterly review (六.第二条), a fraction in [0, 1]; null when not assessed. */
  recoveryProbability?: Decimal | null;
  /** A direct-to-bad condition found for the item (aging.directToBadCondition). */
  condition?: StatusCondition | null;
}

interface ItemProvision {
  /** Rounded half-up to 0.01, once. Never negative. */
  amount: Decimal;
  basis: ProvisionBasis;
  /** The rate applied, as the policy writes it ("0.05"); "1" for full-bad; absent otherwise. */
  rate?: string;
  /** specific-probability: balance × probability, rounded half-up to 0.01 (amount = balance − it). */
  expectedRecovery?: Decimal;
  /** The item's provision band (Policy.provision.bands), whatever the basis. */
  bandKey: string;
}

const FULL_RATE = "1";

function missingRate(bandKey: string): ArError {
  return new ArError(
    "provision.rate-missing",
    {
      "zh-CN": `坏账准备计提比例表中没有账龄段“${bandKey}”的比例。`,
      "en-US": `The provision rate table has no rate for aging band "${bandKey}".`,
    },
    { excel: "#N/A", field: bandKey },
  );
}

function invalidRate(rate: string, bandKey: string, cause?: unknown): ArError {
  return new ArError(
    "provision.rate-invalid",
    {
      "zh-CN": `账龄段“${bandKey}”的计提比例“${rate}”不是 0 到 1 之间的小数。`,
      "en-US": `The provision rate "${rate}" of aging band "${bandKey}" is not a decimal between 0 and 1.`,
    },
    cause === undefined ? { excel: "#VALUE!", field: bandKey } : { excel: "#VALUE!", field: bandKey, cause },
  );
}

/**
 * A provision band's rate, as the policy writes it and as a decimal. Throws
 * "provision.rate-missing" when the rate table lacks the band and "provision.rate-invalid"
 * when the rate is not a decimal in [0, 1].
 */
export function bandRate(bandKey: string, policy: Pick<Policy, "provision">): { rate: string; value: Decimal } {
  const entry = policy.provision.rates.find((r) => r.bandKey === bandKey);
  if (entry === undefined) throw missingRate(bandKey);
  return { rate: entry.rate, value: checkedRate(entry.rate, bandKey) };
}

/**
 * One item's provision (POLICY §4), by the policy's method:
 * - 直接转销法 "direct-write-off" (004 七.第七条): no allowance, 0; the loss is expensed when written off;
 * - balance <= 0: 0 under any method (an advance or overpayment needs none);
 * - 余额百分比法 "balance-percentage": balance × provision.balanceRate, every item alike;
 * - 账龄分析法 "aging" and 个别认定法 "individual", in order:
 *   1. an expected recovery given: balance − expected recovery, at least 0 (plan 000:
 *      "预计不能回收的76万元已计提坏账准备");
 *   2. a recovery probability given (六.第二条): balance − balance × probability (the expected
 *      recovery rounded half-up to 0.01 first, so expected recovery + provision = balance);
 *      a person's estimate of what comes back is better information than a class or a band;
 *   3. a direct-to-bad condition (POLICY §2: bankrupt, refuses to pay, …): 100% of the balance.
 *      An item bad only by days keeps its band's rate: the table already rises with age, and
 *      plan 000 provides its old items "按相应的账龄";
 *   4. "aging": balance × the rate of its provision band; "individual": nothing, the item is
 *      not assessed yet ("none-not-assessed", which the reports list).
 * The band is computed in every case (bandKey), so a schedule can place every item.
 * Throws "aging.arisen-after-as-of", "provision.rate-missing", "provision.rate-invalid",
 * "provision.recovery-negative", "provision.probability-invalid".
 */
export function itemProvision(input: ItemProvisionInput, policy: Pick<Policy, "provision">): ItemProvision {
  const bands = policy.provision.bands;
  const bandKey = bands[agingBand(input.dateArisen, input.asOf, bands)].key;
  const recovery = input.expectedRecovery ?? null;
  if (recovery !== null && recovery.isNegative() && !recovery.isZero()) {
    throw new ArError(
      "provision.recovery-negative",
      { "zh-CN": "预计回收金额不能为负数。", "en-US": "The expected recovery cannot be negative." },
      { excel: "#NUM!", field: "expectedRecovery" },
    );
  }
  const probability = input.recoveryProbability ?? null;
  if (probability !== null && (!probability.isFinite() || probability.lt(0) || probability.gt(1))) {
    throw new ArError(
      "provision.probability-invalid",
      { "zh-CN": "回收可能性应在 0% 到 100% 之间。", "en-US": "The recovery probability must be between 0% and 100%." },
      { excel: "#NUM!", field: "recoveryProbability" },
    );
  }
  const zero = new Dec(0);
  const method = policy.provision.method;
  if (method === "direct-write-off") return { amount: zero, basis: "none-direct-write-off", bandKey };
  const balance = input.balance;
  if (!balance.greaterThan(0)) return { amount: zero, basis: "none-non-positive", bandKey };

  if (method === "balance-percentage") {
    const rate = policy.provision.balanceRate;
    return { amount: roundMoney(balance.times(checkedRate(rate, "balanceRate"))), basis: "balance-rate", rate, bandKey };
  }

  if (recovery !== null) {
    const shortfall = balance.minus(recovery);
    return { amount: shortfall.greaterThan(0) ? roundMoney(shortfall) : zero, basis: "specific", bandKey };
  }

  if (probability !== null) {
    const expected = roundMoney(balance.times(probability));
    return { amount: roundMoney(balance.minus(expected)), basis: "specific-probability", bandKey, expectedRecovery: expected };
  }

  if ((input.condition ?? null) !== null) {
    return { amount: roundMoney(balance), basis: "full-bad", rate: FULL_RATE, bandKey };
  }

  if (method === "individual") return { amount: zero, basis: "none-not-assessed", bandKey };
  const { rate, value } = bandRate(bandKey, policy);
  return { amount: roundMoney(balance.times(value)), basis: "aging-rate", rate, bandKey };
}

/** A rate of the policy as a decimal in [0, 1], or "provision.rate-invalid". */
function checkedRate(rate: string, field: string): Decimal {
  let value: Decimal;
  try {
    value = new Dec(rate);
  } catch (cause) {
    throw invalidRate(rate, field, cause);
  }
  if (!value.isFinite() || value.isNegative() || value.greaterThan(1)) throw invalidRate(rate, field);
  return value;
}

// ---------------------------------------------------------------------------------------------
// The schedule
// ---------------------------------------------------------------------------------------------

export interface ScheduleItem {
  bandKey: string;
  balance: Decimal;
  /** The item's provision from itemProvision (re-rounded to 0.01 here in case it was not). */
  provision: Decimal;
  basis: ProvisionBasis;
  /** What the item is (customer, document no.), carried to the specific list. */
  ref?: string;
}

/** The figures a band line and the totals share; every one is a sum of item figures. */
export interface ScheduleFigures {
  itemCount: number;
  /** Sum of every item's balance in the band, negatives included (the band's net receivable). */
  balance: Decimal;
  /** Sum of balances provided at a rate (basis "aging-rate", or "balance-rate" under 余额百分比法). */
  balanceAtRate: Decimal;
  /** Sum of provisions at that rate. */
  requiredAtRate: Decimal;
  /** Sum of specific and full-bad provisions of items in the band. */
  requiredSpecific: Decimal;
  /** requiredAtRate + requiredSpecific: the allowance the band needs. */
  required: Decimal;
  /** The allowance already on the books for the band. */
  existing: Decimal;
  /** required − existing: positive = a charge to profit, negative = a reversal. */
  charge: Decimal;
}

interface ScheduleLine extends ScheduleFigures {
  bandKey: string;
  label: AgingBand["label"];
  /** The rate the band's items are provided at, as the policy writes it; "" when none (个别认定法, 直接转销法). */
  rate: string;
}

interface SpecificLine {
  ref?: string;
  bandKey: string;
  basis: "specific" | "specific-probability" | "full-bad";
  balance: Decimal;
  provision: Decimal;
}

interface ProvisionSchedule {
  method: Policy["provision"]["method"];
  lines: ScheduleLine[];
  /** The items provided individually (specific or full-bad), in input order; also counted in their band's line. */
  specific: SpecificLine[];
  specificTotal: { balance: Decimal; provision: Decimal };
  totals: ScheduleFigures;
}

function unknownBand(bandKey: string, what: "item" | "existing"): ArError {
  const zh = what === "item" ? "项目" : "已计提坏账准备";
  const en = what === "item" ? "An item" : "The existing provision";
  return new ArError(
    "provision.unknown-band",
    {
      "zh-CN": `${zh}的账龄段“${bandKey}”不在坏账准备账龄段表中。`,
      "en-US": `${en} refers to aging band "${bandKey}", which is not in the provision band table.`,
    },
    { excel: "#N/A", field: bandKey },
  );
}

function emptyFigures(): ScheduleFigures {
  const z = new Dec(0);
  return { itemCount: 0, balance: z, balanceAtRate: z, requiredAtRate: z, requiredSpecific: z, required: z, existing: z, charge: z };
}

/**
 * The provision schedule (坏账准备计提表): one line per provision band of the policy (every band,
 * in policy order, empty ones too), the individually provided items listed separately, and
 * totals. `required` sums the rounded item provisions of the band; `existing` comes from the
 * books (rounded to 0.01, as a book balance is); `charge` = required − existing. Totals are
 * sums of the lines, so they agree to the fen by construction (exact decimals, no re-rounding).
 * Throws "provision.unknown-band" for an item or existing amount whose band the policy lacks.
 */
export function provisionSchedule(
  items: readonly ScheduleItem[],
  existingProvisionByBand: ReadonlyMap<string, Decimal> | null,
  policy: Pick<Policy, "provision">,
): ProvisionSchedule {
  const bands = policy.provision.bands;
  const index = new Map<string, number>();
  bands.forEach((b, i) => index.set(b.key, i));
  const figures = bands.map(emptyFigures);
  const specific: SpecificLine[] = [];
  let specificBalance = new Dec(0);
  let specificProvision = new Dec(0);

  for (const item of items) {
    const i = index.get(item.bandKey);
    if (i === undefined) throw unknownBand(item.bandKey, "item");
    const f = figures[i];
    const provision = roundMoney(item.provision);
    f.itemCount += 1;
    f.balance = f.balance.plus(item.balance);
    if (item.basis === "aging-rate" || item.basis === "balance-rate") {
      f.balanceAtRate = f.balanceAtRate.plus(item.balance);
      f.requiredAtRate = f.requiredAtRate.plus(provision);
    } else if (isIndividualBasis(item.basis)) {
      f.requiredSpecific = f.requiredSpecific.plus(provision);
      specificBalance = specificBalance.plus(item.balance);
      specificProvision = specificProvision.plus(provision);
      const line: SpecificLine = { bandKey: item.bandKey, basis: item.basis, balance: item.balance, provision };
      if (item.ref !== undefined) line.ref = item.ref;
      specific.push(line);
    }
  }

  if (existingProvisionByBand !== null) {
    for (const [bandKey, amount] of existingProvisionByBand) {
      const i = index.get(bandKey);
      if (i === undefined) throw unknownBand(bandKey, "existing");
      figures[i].existing = roundMoney(amount);
    }
  }

  const totals = emptyFigures();
  const lines: ScheduleLine[] = bands.map((band, i) => {
    const f = figures[i];
    f.required = f.requiredAtRate.plus(f.requiredSpecific);
    f.charge = f.required.minus(f.existing);
    totals.itemCount += f.itemCount;
    totals.balance = totals.balance.plus(f.balance);
    totals.balanceAtRate = totals.balanceAtRate.plus(f.balanceAtRate);
    totals.requiredAtRate = totals.requiredAtRate.plus(f.requiredAtRate);
    totals.requiredSpecific = totals.requiredSpecific.plus(f.requiredSpecific);
    totals.required = totals.required.plus(f.required);
    totals.existing = totals.existing.plus(f.existing);
    totals.charge = totals.charge.plus(f.charge);
    // The rate the band's items are provided at: the band's own (账龄分析法), the one rate
    // (余额百分比法), or none (个别认定法, 直接转销法).
    const method = policy.provision.method;
    const rate = method === "aging" ? (policy.provision.rates.find((r) => r.bandKey === band.key)?.rate ?? "") : method === "balance-percentage" ? policy.provision.balanceRate : "";
    return { bandKey: band.key, label: band.label, rate, ...f };
  });

  return {
    method: policy.provision.method,
    lines,
    specific,
    specificTotal: { balance: specificBalance, provision: specificProvision },
    totals,
  };
}

// ---------------------------------------------------------------------------------------------
// The plain case in integer fen
// ---------------------------------------------------------------------------------------------

const rateBpCache = new WeakMap<Policy["provision"], Map<string, number>>();

function rateBpOf(bandKey: string, policy: Pick<Policy, "provision">): number {
  let byBand = rateBpCache.get(policy.provision);
  if (byBand === undefined) {
    byBand = new Map(policy.provision.rates.map((r) => [r.bandKey, rateToBasisPoints(r.rate)]));
    rateBpCache.set(policy.provision, byBand);
  }
  return byBand.get(bandKey) ?? NaN;
}

/**
 * itemProvision's rule 5 alone (no expected recovery, no condition) for a balance given as an
 * Excel number, in exact integer fen: the same amount as itemProvision gives, or NaN when this
 * case does not apply or the fast path cannot be exact (the caller then uses itemProvision).
 * For one-cell custom-function calls, where a Decimal per call is most of the cost.
 */
export function plainRateProvisionFen(balance: number, dateArisen: DayNumber, asOf: DayNumber, policy: Pick<Policy, "provision">): number {
  if (policy.provision.method !== "aging") return NaN;
  const fen = numberToFen(balance);
  if (!(fen > 0)) return NaN; // NaN, or a non-positive balance (rule 2 handles it)
  const bands = policy.provision.bands;
  const bandKey = bands[agingBand(dateArisen, asOf, bands)].key;
  return mulRateHalfUp(fen, rateBpOf(bandKey, policy));
}
