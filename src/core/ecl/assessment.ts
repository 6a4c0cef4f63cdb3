/**
 * The expected credit loss of a checked ledger (CAS 22 / IFRS 9, simplified approach), beside the
 * policy's own method:
 * - items assessed individually (单项计提: a direct-to-bad condition, an expected recovery or a recovery probability given)
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
import { type SegmentColumn, segmentColumn, segmenter } from "./segments";
import { type AgingSnapshot, migrationRates, monthEnds, onPeriodEnds, periodUnit, yearEnds } from "./snapshots";

/** Transitions derived from a transaction ledger when the bands are in months: a year's. */
const MONTH_END_PERIODS = 12;
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
  /** The ledger column that divides the pool into segments (组合), by header text or letter; absent: the policy's ecl.segmentColumn; null: one pool. */
  segmentBy?: string | null;
}

/** One segment (组合) of the pool: its own history, rates and provision. */
interface EclSegment {
  /** The column's value ("" for items with none: said as such). */
  name: string;
  migration: MigrationRates;
  loss: LossRates;
  pool: EclBandLine[];
  total: Decimal;
  /** Where its rates came from: its own history, or (no history by segment) the whole pool's. */
  rates: "own" | "whole-pool";
}

interface EclBandLine {
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

interface EclIndividual {
  /** Index into the check's open items. */
  index: number;
  row: LedgerRow;
  balance: Decimal;
  provision: Decimal;
  basis: "specific" | "specific-probability" | "full-bad";
}

export interface EclAssessment {
  asOf: DayNumber;
  history: { source: "ledger" | "given"; ends: DayNumber[] };
  migration: MigrationRates;
  loss: LossRates;
  /**
   * The pool by band. With segments, each band's balance and provision are the segments' sums and
   * its rates are null (each segment has its own).
   */
  pool: EclBandLine[];
  /** The segments (组合) and the column they come from; null for one pool. */
  segments: EclSegment[] | null;
  segmentColumn: SegmentColumn | null;
  individual: EclIndividual[];
  totals: { pool: Decimal; individual: Decimal; ecl: Decimal; policy: Decimal };
  existingAllowance: Decimal | null;
  /** Where the allowance came from: this run, the policy sheet, the ledger's 坏账准备 column; null when none (taken as 0). */
  allowanceSource: { kind: "given" } | { kind: "policy" } | { kind: "ledger"; column: string } | null;
  /** ecl − existing (or − 0): positive a charge, negative a reversal. */
  charge: Decimal;
  /** The pool's balance in bands without a loss rate (not provided for): the ECL is incomplete while it is above 0. */
  unprovided: Decimal;
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

  // Individually assessed items leave the pool; the rest is banded (and, with segments, grouped).
  const segmentSpec = options.segmentBy !== undefined ? options.segmentBy : policy.ecl.segmentColumn;
  const column = segmentSpec === null || segmentSpec.trim() === "" ? null : segmentColumn(reading, segmentSpec);
  if (segmentSpec !== null && segmentSpec.trim() !== "" && column === null) {
    problems.push({
      id: "ecl.segment-column",
      band: null,
      period: null,
      message: {
        "zh-CN": `台账中没有“${segmentSpec}”列，未划分组合：未单项计提的款项按一个组合计算。`,
        "en-US": `The ledger has no column "${segmentSpec}": the pool is not divided into segments, and is provided as one.`,
      },
    });
  }
  const segmentOf = column === null ? null : segmenter(reading.rows, column);
  const individual: EclIndividual[] = [];
  const poolItems: { band: number; balance: Decimal; segment: string }[] = [];
  for (let i = 0; i < ctx.n; i++) {
    const r = ctx.rows[i];
    const balance = balanceOf(r);
    if (balance === null || !balance.gt(0)) continue;
    const basis = ctx.provisionBasis(i);
    // Assessed item by item (单项计提) as the policy's own method assesses it: an expected recovery,
    // a recovery probability, or a direct-to-bad condition; the same items leave the pool here.
    if (basis === "specific" || basis === "specific-probability" || basis === "full-bad") {
      individual.push({ index: i, row: r, balance, provision: rowProvision(input, i), basis });
      continue;
    }
    const band = ctx.provisionBand[i];
    if (band === NO_VALUE) continue;
    poolItems.push({ band, balance, segment: segmentOf === null ? "" : segmentOf(r) });
  }
  const matrix = (items: readonly { band: number; balance: Decimal }[], m: MigrationRates, l: LossRates, withRates: boolean): EclBandLine[] => {
    const balance: Decimal[] = bands.map(() => new Dec(0));
    const count: number[] = bands.map(() => 0);
    for (const it of items) {
      balance[it.band] = balance[it.band].plus(it.balance);
      count[it.band] += 1;
    }
    return bands.map((_, b) => {
      const adjusted = l.adjusted[b] ?? null;
      return {
        band: b,
        key: bands[b].key,
        balance: balance[b],
        count: count[b],
        migration: withRates ? (m.average[b] ?? null) : null,
        historical: withRates ? (l.historical[b] ?? null) : null,
        adjusted: withRates ? adjusted : null,
        provision: adjusted === null ? null : eclProvision(balance[b], adjusted),
      };
    });
  };
  let segments: EclSegment[] | null = null;
  let pool: EclBandLine[];
  if (column === null) {
    pool = matrix(poolItems, migration, loss, true);
  } else {
    // Segments in the order they first appear among the pool's items.
    const names = [...new Set(poolItems.map((it) => it.segment))];
    const own = source === "ledger" && reading.shape === "transactions";
    if (!own) {
      problems.push({
        id: "ecl.segment-history",
        band: null,
        period: null,
        message: {
          "zh-CN": "历史账龄资料未按组合区分（保存的快照或填入的余额表），各组合按全部款项的迁徙率和损失率计提。",
          "en-US": "The aging history is not by segment (saved snapshots or a typed table): each segment is provided at the whole pool's migration and loss rates.",
        },
      });
    }
    segments = names.map((name) => {
      let m = migration;
      let l = loss;
      if (own) {
        const ends = snapshots.map((x) => x.asOf);
        const segmentSnapshots = snapshotsFromLedger(reading, ends, bands, { segment: (row) => segmentOf!(row) === name });
        m = migrationRates(segmentSnapshots, bands.length);
        l = lossRates(m.average, k, options.lastBandLoss ?? 1);
        for (const p of m.problems) problems.push({ ...p, message: { "zh-CN": `组合“${name || "（未填）"}”：${p.message["zh-CN"]}`, "en-US": `Segment "${name || "(blank)"}": ${p.message["en-US"]}` } });
      }
      const lines = matrix(
        poolItems.filter((it) => it.segment === name),
        m,
        l,
        true,
      );
      const total = lines.reduce<Decimal>((a, x) => (x.provision === null ? a : a.plus(x.provision)), new Dec(0));
      return { name, migration: m, loss: l, pool: lines, total, rates: own ? "own" : "whole-pool" };
    });
    // The pool by band: the segments' sums; a band is unprovided only where some segment's is.
    pool = bands.map((_, b) => {
      const parts = segments!.map((sg) => sg.pool[b]);
      const unprovided = parts.some((x) => x.provision === null && x.balance.gt(0));
      return {
        band: b,
        key: bands[b].key,
        balance: parts.reduce((a, x) => a.plus(x.balance), new Dec(0)),
        count: parts.reduce((n, x) => n + x.count, 0),
        migration: null,
        historical: null,
        adjusted: null,
        provision: unprovided && parts.every((x) => x.provision === null) ? null : parts.reduce<Decimal>((a, x) => (x.provision === null ? a : a.plus(x.provision)), new Dec(0)),
      };
    });
  }
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
    segments,
    segmentColumn: column,
    individual,
    totals: { pool: poolTotal, individual: individualTotal, ecl, policy: new Dec(input.audit.totals.all.provision) },
    existingAllowance: existing,
    allowanceSource,
    charge: ecl.minus(existing ?? 0),
    // With segments, each segment's bands count on their own (a band one segment cannot provide is unprovided there).
    unprovided: (segments === null ? pool : segments.flatMap((sg) => sg.pool)).reduce<Decimal>((a, l) => (l.provision === null ? a.plus(l.balance) : a), new Dec(0)),
    problems,
  };
}
