/**
 * The expected credit loss of a checked ledger (CAS 22 / IFRS 9, simplified approach), beside the
 * policy's own method:
 * - items assessed individually (单项计提: a direct-to-bad condition, or an expected recovery given)
 *   leave the pool and keep their specific provision, as the check worked it out;
 * - the rest, the pool (组合), is banded by age on the as-of date and provided at the matrix's
 *   adjusted loss rates, each band rounded half-up to the fen once;
 * - the history is the ledger's own (year ends derived from its lines), or snapshots given;
 * - the existing allowance (坏账准备) gives this period's charge or reversal (信用减值损失) and
 *   its journal lines.
 */
import type Decimal from "decimal.js";
import { NO_VALUE } from "../batch";
import type { DayNumber } from "../calendar";
import { fenToDecimal } from "../ledger/cell-reader";
import type { LedgerRow } from "../ledger/ledger-store";
import { Dec } from "../money";
import { reportContext, type ReportInput } from "../reports/input";
import { ledgerAllowance } from "../reports/ledger-allowance";
import { snapshotsFromLedger } from "./history";
import { type AgingSnapshot, migrationRates, monthEnds, onPeriodEnds, periodUnit, yearEnds } from "./snapshots";

/** Transitions derived from a transaction ledger when the bands are in months: a year's. */
export const MONTH_END_PERIODS = 12;
import { eclProvision, type EclProblem, type EclScenario, lossRates, type LossRates, type MigrationRates, scenarioAdjustment } from "./matrix";

export interface EclOptions {
  /** Snapshots given (saved, typed); else the ledger's own year ends before the as-of date are derived. */
  history?: readonly AgingSnapshot[];
  /** Forward-looking adjustment k (one figure), or scenarios (their weighted mean); else the policy's ecl.adjustment. */
  k?: Decimal.Value;
  scenarios?: readonly EclScenario[];
  /** The oldest band's loss rate: 1, or 1 − the recovery rate after write-off. */
  lastBandLoss?: Decimal.Value;
  /** The allowance on the books (坏账准备); null or absent: the policy's ecl.existingAllowance, else taken as 0 and said. */
  existingAllowance?: Decimal.Value | null;
}

export interface EclBandLine {
  band: number;
  /** The provision band's key (policy.provision.bands). */
  key: string;
  balance: Decimal;
  count: number;
  migration: Decimal | null;
  historical: Decimal | null;
  adjusted: Decimal | null;
  /** balance × adjusted, rounded half-up to the fen; null when the band has no loss rate (its balance is not provided for: said). */
  provision: Decimal | null;
}

export interface EclIndividual {
  /** Index into the check's open items. */
  index: number;
  row: LedgerRow;
  balance: Decimal;
  provision: Decimal;
  basis: "specific" | "full-bad";
}

export interface EclAssessment {
  asOf: DayNumber;
  history: { source: "ledger" | "given"; ends: DayNumber[] };
  migration: MigrationRates;
  loss: LossRates;
  pool: EclBandLine[];
  individual: EclIndividual[];
  totals: { pool: Decimal; individual: Decimal; ecl: Decimal; policy: Decimal };
  existingAllowance: Decimal | null;
  /** Where the allowance came from: this run, the policy sheet, the ledger's 坏账准备 column; null when none (taken as 0). */
  allowanceSource: { kind: "given" } | { kind: "policy" } | { kind: "ledger"; column: string } | null;
  /** ecl − existing (or − 0): positive a charge, negative a reversal. */
  charge: Decimal;
  problems: EclProblem[];
}

function rowProvision(input: ReportInput, i: number): Decimal {
  const pf = input.audit.rows.provisionFen[i];
  if (pf === pf) return fenToDecimal(pf);
  return new Dec(input.audit.rows.provisionExact.get(i) ?? "0");
}

function balanceOf(r: LedgerRow): Decimal | null {
  const f = r.balanceFen;
  return f === f ? fenToDecimal(f) : r.balance;
}

/** The expected credit loss of a checked ledger on its as-of date (see the file comment). */
export function assessEcl(input: ReportInput, options: EclOptions = {}): EclAssessment {
  const { policy, asOf, reading } = input;
  const bands = policy.provision.bands;
  const ctx = reportContext(input, "zh-CN");
  const problems: EclProblem[] = [];

  // History: given, else the ledger's own year ends before the as-of date.
  let snapshots: AgingSnapshot[];
  let source: "ledger" | "given";
  if (options.history !== undefined) {
    source = "given";
    const kept = onPeriodEnds(options.history, bands);
    snapshots = kept.snapshots;
    problems.push(...kept.problems);
  } else if (reading.shape !== "transactions") {
    // An open-items list is one snapshot (its balances as exported): past year ends cannot be read
    // from it. Its history is the snapshots saved at each run, or a table typed in.
    source = "ledger";
    snapshots = [];
    problems.push({
      id: "ecl.no-history",
      band: null,
      period: null,
      message: {
        "zh-CN": "台账是未清款项清单（余额为导出时的余额），无法从中推算以往各期末的账龄；请每次检查时保存账龄快照，或填入各期账龄余额表。",
        "en-US": "The ledger is a list of open items (balances as exported), from which past period ends cannot be read: save an aging snapshot at each check, or type in the band balances per period.",
      },
    });
  } else {
    source = "ledger";
    let first = Infinity;
    for (const r of reading.rows) {
      const d = r.dateArisen ?? r.dueDate;
      if (d !== null && d < first) first = d;
    }
    // Periods as wide as the bands: year ends for bands in years; for bands in months, month ends,
    // the last MONTH_END_PERIODS + 1 of them (each is a pass over the lines).
    const ends = first === Infinity ? [] : periodUnit(bands) === "year" ? yearEnds(first, asOf - 1) : monthEnds(first, asOf - 1).slice(-(MONTH_END_PERIODS + 1));
    snapshots = snapshotsFromLedger(reading, ends, bands);
  }
  if (snapshots.length === 0 && !problems.some((p) => p.id === "ecl.no-history")) {
    problems.push({
      id: "ecl.no-history",
      band: null,
      period: null,
      message: { "zh-CN": "没有历史账龄资料（截止日前的年末时点），无法计算迁徙率。", "en-US": "No aging history (period ends before the as-of date): migration rates cannot be worked out." },
    });
  }
  const migration = migrationRates(snapshots, bands.length);
  problems.push(...migration.problems);
  const k = options.scenarios !== undefined && options.scenarios.length > 0 ? scenarioAdjustment(options.scenarios) : new Dec(options.k ?? input.policy.ecl.adjustment);
  const loss = lossRates(migration.average, k, options.lastBandLoss ?? 1);

  // Individually assessed items leave the pool; the rest is banded.
  const individual: EclIndividual[] = [];
  const poolBalance: Decimal[] = bands.map(() => new Dec(0));
  const poolCount: number[] = bands.map(() => 0);
  for (let i = 0; i < ctx.n; i++) {
    const r = ctx.rows[i];
    const balance = balanceOf(r);
    if (balance === null || !balance.gt(0)) continue;
    const basis = ctx.provisionBasis(i);
    if (basis === "specific" || basis === "full-bad") {
      individual.push({ index: i, row: r, balance, provision: rowProvision(input, i), basis });
      continue;
    }
    const band = ctx.provisionBand[i];
    if (band === NO_VALUE) continue;
    poolBalance[band] = poolBalance[band].plus(balance);
    poolCount[band] += 1;
  }
  const pool: EclBandLine[] = bands.map((_, b) => {
    const adjusted = loss.adjusted[b] ?? null;
    return {
      band: b,
      key: bands[b].key,
      balance: poolBalance[b],
      count: poolCount[b],
      migration: migration.average[b] ?? null,
      historical: loss.historical[b] ?? null,
      adjusted,
      provision: adjusted === null ? null : eclProvision(poolBalance[b], adjusted),
    };
  });
  const sum = (xs: (Decimal | null)[]) => xs.reduce<Decimal>((a, x) => (x === null ? a : a.plus(x)), new Dec(0));
  const poolTotal = sum(pool.map((l) => l.provision));
  const individualTotal = sum(individual.map((x) => x.provision));
  const ecl = poolTotal.plus(individualTotal);
  // Given for this run (the CLI's --allowance), else the policy sheet's ecl.existingAllowance,
  // else the ledger's own 坏账准备 column (its open items' allowances), else none (taken as 0, said).
  const given = options.existingAllowance ?? null;
  const onPolicy = input.policy.ecl.existingAllowance;
  const fromLedger = given === null && onPolicy === null ? ledgerAllowance(ctx) : null;
  const existing = given !== null ? new Dec(given) : onPolicy !== null ? new Dec(onPolicy) : (fromLedger?.total ?? null);
  const allowanceSource: EclAssessment["allowanceSource"] = given !== null ? { kind: "given" } : onPolicy !== null ? { kind: "policy" } : fromLedger !== null ? { kind: "ledger", column: fromLedger.column } : null;
  return {
    asOf,
    history: { source, ends: snapshots.map((s) => s.asOf) },
    migration,
    loss,
    pool,
    individual,
    totals: { pool: poolTotal, individual: individualTotal, ecl, policy: new Dec(input.audit.totals.all.provision) },
    existingAllowance: existing,
    allowanceSource,
    charge: ecl.minus(existing ?? 0),
    problems,
  };
}
