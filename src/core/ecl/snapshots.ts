/**
 * Aging snapshots and the migration rates between them (CAS 22 / IFRS 9): the shape every source of
 * history gives (history.ts derives them from a ledger's lines; a saved sheet or a typed table
 * gives them directly), with no ledger code, so the custom functions carry only this.
 *
 * Migration (迁徙率) of band i between period ends t and t+1: item by item (a cohort) where items
 * are known — the balance at t+1, in band i+1, of the items that were in band i at t, plus what was
 * written off from them in between, over their balance at t; else from band totals — band i+1's
 * balance at t+1 (plus what was written off from band i, where said) over band i's at t. Periods
 * match the band width: bands in years take year ends.
 */
import type Decimal from "decimal.js";
import { bi } from "../../i18n/bilingual";
import { type DayNumber, fromYmd, toYmd } from "../calendar";
import { formatIsoDate } from "../dates";
import { Dec } from "../money";
import type { AgingBand } from "../policy/types";
import { averageMigration, type EclProblem, type MigrationRates } from "./matrix";

/**
 * Items' bands and balances on one date, by position: a derived snapshot's positions are the
 * ledger's lines (so items are followed from one year end to the next without any key), a saved
 * one's are its own list, with `key` naming each ("sheet!row").
 */
export interface SnapshotItems {
  /** Band per position; -1 where the line is no open item on the date. */
  band: Int8Array;
  /** Balance per position in fen; NaN where it is not whole fen (then in `exact`). */
  fen: Float64Array;
  exact: Map<number, Decimal>;
  /** Saved snapshots: each position's key, and the position of a key. Derived ones: null (positions are lines). */
  key: string[] | null;
  position: Map<string, number> | null;
  /** Written off in the period ending here, per position of the item it came off (fen); null: not known. */
  writtenOffFen: Float64Array | null;
  writtenOffExact: Map<number, Decimal>;
}

/** The balance of each band on one date, and of each item where items are known. */
export interface AgingSnapshot {
  asOf: DayNumber;
  /** Balance per band, in the bands' order. */
  bands: Decimal[];
  /** Items (band and balance); null when only band totals are known. */
  items: SnapshotItems | null;
  /** Written off in the period ending here, by band (band totals); null when the source does not say. */
  writtenOffByBand: Decimal[] | null;
}

/** An item's balance (or written-off amount) at a position, exactly. */
function amountAt(fen: Float64Array, exact: Map<number, Decimal>, k: number): Decimal {
  const f = fen[k];
  return f === f ? new Dec(f).div(100) : (exact.get(k) ?? new Dec(0));
}

/** Items of a saved snapshot, from their keys. */
export function snapshotItems(list: readonly { key: string; band: number; balance: Decimal.Value }[]): SnapshotItems {
  const n = list.length;
  const items: SnapshotItems = { band: new Int8Array(n), fen: new Float64Array(n), exact: new Map(), key: [], position: new Map(), writtenOffFen: null, writtenOffExact: new Map() };
  list.forEach((it, k) => {
    items.band[k] = it.band;
    const d = new Dec(it.balance);
    const f = d.times(100);
    if (f.isInteger() && f.abs().lte(Number.MAX_SAFE_INTEGER)) items.fen[k] = f.toNumber();
    else {
      items.fen[k] = NaN;
      items.exact.set(k, d);
    }
    (items.key as string[]).push(it.key);
    (items.position as Map<string, number>).set(it.key, k);
  });
  return items;
}

/** The balance of the item a snapshot lists at `key`, or null. */
export function itemBalance(s: AgingSnapshot, key: string | number): { band: number; balance: Decimal } | null {
  const items = s.items;
  if (items === null) return null;
  const k = typeof key === "number" ? key : (items.position?.get(key) ?? -1);
  if (k < 0 || k >= items.band.length || items.band[k] < 0) return null;
  return { band: items.band[k], balance: amountAt(items.fen, items.exact, k) };
}

/** Year ends from the first year-end after `from` up to `to` (both included when they are year ends). */
export function yearEnds(from: DayNumber, to: DayNumber): DayNumber[] {
  const out: DayNumber[] = [];
  for (let y = toYmd(from).y; y <= toYmd(to).y; y++) {
    const end = fromYmd(y, 12, 31);
    if (end >= from && end <= to) out.push(end);
  }
  return out;
}

/** Month ends from the first month end on or after `from` up to `to` (both included when they are month ends). */
export function monthEnds(from: DayNumber, to: DayNumber): DayNumber[] {
  const out: DayNumber[] = [];
  const start = toYmd(from);
  const stop = toYmd(to);
  for (let y = start.y, m = start.m; y < stop.y || (y === stop.y && m <= stop.m); ) {
    const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
    const end = fromYmd(next.y, next.m, 1) - 1; // the day before the next month's first
    if (end >= from && end <= to) out.push(end);
    y = next.y;
    m = next.m;
  }
  return out;
}

/** Whether the bands are whole years (then periods are year ends), else months (month ends). */
export function periodUnit(bands: readonly AgingBand[]): "year" | "month" {
  return bands.every((b) => b.upToMonths === null || b.upToMonths % 12 === 0) ? "year" : "month";
}

/** Band balances typed in (or saved without items): one snapshot per period end. */
export function snapshotsFromTable(table: readonly { asOf: DayNumber; bands: readonly Decimal.Value[]; writtenOff?: readonly Decimal.Value[] }[]): AgingSnapshot[] {
  return [...table]
    .sort((a, b) => a.asOf - b.asOf)
    .map((t) => ({
      asOf: t.asOf,
      bands: t.bands.map((v) => new Dec(v)),
      items: null,
      writtenOffByBand: t.writtenOff === undefined ? null : t.writtenOff.map((v) => new Dec(v)),
    }));
}

/**
 * The snapshots usable for the bands' period: year ends for bands in years, month ends for bands
 * in months. Others are left out and said.
 */
export function onPeriodEnds(snapshots: readonly AgingSnapshot[], bands: readonly AgingBand[]): { snapshots: AgingSnapshot[]; problems: EclProblem[] } {
  const unit = periodUnit(bands);
  const ok = (d: DayNumber) => {
    const { y, m, d: day } = toYmd(d);
    const monthEnd = toYmd(fromYmd(y, m, day) + 1).d === 1;
    return unit === "month" ? monthEnd : monthEnd && m === 12;
  };
  const kept = snapshots.filter((s) => ok(s.asOf));
  const dropped = snapshots.filter((s) => !ok(s.asOf));
  const problems: EclProblem[] =
    dropped.length === 0
      ? []
      : [
          {
            id: "ecl.irregular-dates",
            band: null,
            period: null,
            message: bi(
              `${dropped.map((s) => formatIsoDate(s.asOf)).join("、")} 不是${unit === "year" ? "年末" : "月末"}，账龄段按${unit === "year" ? "年" : "月"}划分，这些时点未用于迁徙率。`,
              `${dropped.map((s) => formatIsoDate(s.asOf)).join(", ")} ${dropped.length === 1 ? "is not a" : "are not"} ${unit === "year" ? "year end" : "month end"}${dropped.length === 1 ? "" : "s"}; the bands are in ${unit}s, so ${dropped.length === 1 ? "it was" : "they were"} not used for the migration rates.`,
            ),
          },
        ];
  return { snapshots: kept, problems };
}

/**
 * Migration rates between consecutive snapshots: by cohort where both ends know their items, by
 * band totals otherwise (and the method says which), averaged over the transitions.
 */
export function migrationRates(snapshots: readonly AgingSnapshot[], bandCount: number): MigrationRates {
  const cohort = snapshots.length > 0 && snapshots.every((s) => s.items !== null);
  const periods: MigrationRates["periods"] = [];
  for (let k = 0; k + 1 < snapshots.length; k++) {
    const a = snapshots[k];
    const b = snapshots[k + 1];
    const rates: (Decimal | null)[] = [];
    if (cohort) {
      const start = cohortSums(a, b, bandCount);
      for (let band = 0; band < bandCount - 1; band++) rates.push(start.from[band].isZero() ? null : start.to[band].div(start.from[band]));
    } else {
      for (let band = 0; band < bandCount - 1; band++) {
        const from = a.bands[band];
        const off = b.writtenOffByBand?.[band] ?? new Dec(0);
        rates.push(from.isZero() ? null : b.bands[band + 1].plus(off).div(from));
      }
    }
    rates.push(null);
    periods.push({ from: a.asOf, to: b.asOf, rates });
  }
  return averageMigration(periods, cohort ? "cohort" : "band-totals", bandCount);
}

/**
 * Per band: the items' balance at the first date, and at the second what of them is still owed one
 * band older plus what was written off from them (an item arisen on a period end is exactly a year
 * old at the next and still within the band: it has not migrated yet). Sums in fen; Decimals only
 * for amounts that are not whole fen.
 */
function cohortSums(a: AgingSnapshot, b: AgingSnapshot, bandCount: number): { from: Decimal[]; to: Decimal[] } {
  const ia = a.items as SnapshotItems;
  const ib = b.items as SnapshotItems;
  const fromFen = new Float64Array(bandCount);
  const toFen = new Float64Array(bandCount);
  const fromExact: Decimal[] = [];
  const toExact: Decimal[] = [];
  for (let band = 0; band < bandCount; band++) {
    fromExact.push(new Dec(0));
    toExact.push(new Dec(0));
  }
  const positionInB = (k: number): number => (ia.key === null ? (ib.key === null ? k : -1) : (ib.position?.get(ia.key[k]) ?? -1));
  for (let k = 0; k < ia.band.length; k++) {
    const band = ia.band[k];
    if (band < 0) continue;
    const f = ia.fen[k];
    if (f === f) fromFen[band] += f;
    else fromExact[band] = fromExact[band].plus(ia.exact.get(k) ?? 0);
    const j = positionInB(k);
    if (j < 0) continue;
    if (j < ib.band.length && ib.band[j] === band + 1) {
      const g = ib.fen[j];
      if (g === g) toFen[band] += g;
      else toExact[band] = toExact[band].plus(ib.exact.get(j) ?? 0);
    }
    if (ib.writtenOffFen !== null && j < ib.writtenOffFen.length) {
      const w = ib.writtenOffFen[j];
      if (w === w) toFen[band] += w;
      const we = ib.writtenOffExact.get(j);
      if (we !== undefined) toExact[band] = toExact[band].plus(we);
    }
  }
  return {
    from: fromExact.map((d, band) => d.plus(new Dec(fromFen[band]).div(100))),
    to: toExact.map((d, band) => d.plus(new Dec(toFen[band]).div(100))),
  };
}
