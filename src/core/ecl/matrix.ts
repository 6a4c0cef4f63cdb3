/**
 * Expected credit loss by the simplified approach of CAS 22 / IFRS 9 (企业会计准则第22号): a
 * provision matrix whose loss rates per aging band come from migration rates (迁徙率).
 *
 * - Migration rate of band i, m_i: the share of band i's balance at one period end that is still
 *   owed, one band older, at the next (plus what was written off from it in between), averaged
 *   over the transitions given (history.ts makes them).
 * - Historical loss rate: the oldest band's is 100% (or 1 − the recovery rate after write-off);
 *   working backwards, L_i = m_i × L_{i+1}.
 * - Forward-looking adjustment: L_i' = min(1, L_i × (1 + k)), k one figure or the weighted mean
 *   of scenarios.
 * - Provision of a band: its balance × L_i', rounded half-up to the fen once.
 *
 * Rates are exact decimals: a rate is a product of a few exact quotients, so 20% × 40% × 50% ×
 * 60% × 80% is exactly 1.92%, and nothing is rounded until the provision.
 */
import type Decimal from "decimal.js";
import { bi, type Bilingual } from "../../i18n/bilingual";
import { Dec, roundMoney } from "../money";

/** Why a rate could not be worked out, or may not be trusted; said, never a silent 0. */
export interface EclProblem {
  id: "ecl.too-few-periods" | "ecl.zero-balance" | "ecl.rate-above-one" | "ecl.no-history" | "ecl.irregular-dates" | "ecl.segment-column" | "ecl.segment-history";
  /** The band concerned (index), when there is one. */
  band: number | null;
  /** The transition concerned (index into the per-period rates), when there is one. */
  period: number | null;
  message: Bilingual;
}

/** Migration rates per band: one row per transition, and their average. */
export interface MigrationRates {
  /** cohort: item by item where items carry keys; band-totals: from the bands' balances. */
  method: "cohort" | "band-totals";
  /** The period ends the transitions run between. */
  periods: { from: number; to: number; rates: (Decimal | null)[] }[];
  /** The average over the transitions that have a rate, per band; null where none has. The oldest band has no migration. */
  average: (Decimal | null)[];
  problems: EclProblem[];
}

export interface LossRates {
  /** Historical loss rate per band. */
  historical: (Decimal | null)[];
  /** After the forward-looking adjustment, capped at 1. */
  adjusted: (Decimal | null)[];
  /** The adjustment k applied. */
  k: Decimal;
}

/** One scenario of the forward-looking adjustment: its k and its weight. */
export interface EclScenario {
  name: Bilingual;
  k: string;
  weight: string;
}

function percent(d: Decimal): string {
  return `${d.times(100).toDecimalPlaces(4).toString()}%`;
}

/**
 * Averages per-period migration rates band by band (the arithmetic mean of the periods that have
 * a rate), and says what is missing: fewer than two transitions, a band with no balance at the
 * start of a period (no rate), a rate above 100%.
 */
export function averageMigration(periods: MigrationRates["periods"], method: MigrationRates["method"], bandCount: number): MigrationRates {
  const problems: EclProblem[] = [];
  if (periods.length < 2) {
    problems.push({
      id: "ecl.too-few-periods",
      band: null,
      period: null,
      message: bi(
        `只有 ${periods.length + 1} 个期末时点（${periods.length} 个迁徙期间）；计算迁徙率至少需要三个时点、两个期间。`,
        `Only ${periods.length + 1} period end${periods.length === 0 ? "" : "s"} (${periods.length} transition${periods.length === 1 ? "" : "s"}); migration rates need at least three period ends, two transitions.`,
      ),
    });
  }
  const average: (Decimal | null)[] = [];
  for (let b = 0; b < bandCount - 1; b++) {
    let sum = new Dec(0);
    let n = 0;
    periods.forEach((p, k) => {
      const rate = p.rates[b];
      if (rate === null) {
        problems.push({
          id: "ecl.zero-balance",
          band: b,
          period: k,
          message: bi(`第 ${k + 1} 个期间期初，第 ${b + 1} 个账龄段没有余额，该期迁徙率无法计算，未计入平均。`, `Band ${b + 1} has no balance at the start of transition ${k + 1}: no rate for that period, left out of the average.`),
        });
        return;
      }
      if (rate.gt(1)) {
        problems.push({
          id: "ecl.rate-above-one",
          band: b,
          period: k,
          message: bi(
            `第 ${k + 1} 个期间第 ${b + 1} 个账龄段的迁徙率为 ${percent(rate)}，超过 100%：下一段的余额多于本段可迁入的余额（可能有期中新增、调账或快照不完整）。`,
            `Band ${b + 1}'s migration rate in transition ${k + 1} is ${percent(rate)}, above 100%: the next band holds more than this band could have passed on (additions in between, adjustments, or an incomplete snapshot).`,
          ),
        });
      }
      sum = sum.plus(rate);
      n++;
    });
    average.push(n === 0 ? null : sum.div(n));
  }
  average.push(null); // the oldest band migrates nowhere
  return { method, periods, average, problems };
}

/** The weighted mean of the scenarios' k (weights need not add to 1: they are normalised). */
export function scenarioAdjustment(scenarios: readonly EclScenario[]): Decimal {
  let weights = new Dec(0);
  let sum = new Dec(0);
  for (const s of scenarios) {
    const w = new Dec(s.weight);
    weights = weights.plus(w);
    sum = sum.plus(w.times(s.k));
  }
  return weights.isZero() ? new Dec(0) : sum.div(weights);
}

/**
 * Loss rates from migration rates: the oldest band's is `lastBandLoss` (1, or 1 − the recovery
 * rate after write-off), then L_i = m_i × L_{i+1} backwards; adjusted L_i' = min(1, L_i × (1 + k)).
 * A band without a migration rate has no loss rate, nor has any band younger than it.
 */
export function lossRates(migration: readonly (Decimal | null)[], k: Decimal.Value = 0, lastBandLoss: Decimal.Value = 1): LossRates {
  const n = migration.length;
  const historical: (Decimal | null)[] = new Array<Decimal | null>(n).fill(null);
  if (n === 0) return { historical, adjusted: [], k: new Dec(k) };
  historical[n - 1] = new Dec(lastBandLoss);
  for (let i = n - 2; i >= 0; i--) {
    const m = migration[i];
    const next = historical[i + 1];
    historical[i] = m === null || next === null ? null : m.times(next);
  }
  const factor = new Dec(1).plus(k);
  const adjusted = historical.map((l) => (l === null ? null : Dec.min(1, l.times(factor))));
  return { historical, adjusted, k: new Dec(k) };
}

/** A band's expected credit loss: balance × adjusted rate, rounded half-up to the fen. */
export function eclProvision(balance: Decimal.Value, rate: Decimal.Value): Decimal {
  return roundMoney(new Dec(balance).times(rate));
}
