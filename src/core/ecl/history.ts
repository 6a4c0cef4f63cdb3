/**
 * The history a provision matrix is made from: aging snapshots at period ends, and the migration
 * rates between consecutive ones (matrix.ts turns them into loss rates).
 *
 * Three sources, one shape:
 * - derived from a transaction ledger: the as-of view (ledger/as-of.ts) at each past period end
 *   gives exactly the open items a ledger closed on that date would show, so three years of
 *   entries are three year-end snapshots, item by item (each item keyed by its sheet and row);
 * - saved snapshots (a history sheet the add-in keeps, or the CLI's --history file): band
 *   balances, with item keys where the ledger had them;
 * - typed in: band balances per period.
 *
 * Migration (迁徙率) of band i between period ends t and t+1: item by item (a cohort) where items
 * are known — the balance at t+1, in band i+1, of the items that were in band i at t, plus what was
 * written off from them in between, over their balance at t; else from band totals — band i+1's balance at
 * t+1 over band i's at t. Periods match the band width: bands in years take year ends.
 */
import type Decimal from "decimal.js";
import { bandCutoffs, bandFromCutoffs } from "../aging";
import { type DayNumber, fromYmd, toYmd } from "../calendar";
import { formatIsoDate } from "../dates";
import type { Bilingual } from "../errors";
import { prepareAsOf, viewAsOf } from "../ledger/as-of";
import type { LedgerReading } from "../ledger/index";
import type { LedgerRow } from "../ledger/ledger-store";
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

/** Words in a credit line's 摘要, type or status that make it a write-off, not a collection (POLICY §8). */
export const WRITE_OFF_WORDS: readonly string[] = ["坏账核销", "核销坏账", "坏帐核销", "核销坏帐", "转销", "坏账转销", "予以核销", "written off", "write-off", "write off"];

/** Whether a line's texts name a write-off (one cheap screen first: it runs on every line). */
function isWriteOff(row: LedgerRow, words: readonly string[]): boolean {
  for (const t of [row.note, row.type, row.status]) {
    if (t === null || !/[销銷wW]/.test(t)) continue;
    const text = t.normalize("NFKC").toLowerCase();
    if (words.some((w) => text.includes(w))) return true;
  }
  return false;
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

/** Whether the bands are whole years (then periods are year ends), else months (month ends). */
export function periodUnit(bands: readonly AgingBand[]): "year" | "month" {
  return bands.every((b) => b.upToMonths === null || b.upToMonths % 12 === 0) ? "year" : "month";
}

export interface DeriveOptions {
  shape: "open-items" | "transactions";
  columns: (sheet: string) => Partial<Record<string, string>>;
  /** Only the lines of one segment (组合): a customer type, a department. */
  segment?: (row: LedgerRow) => boolean;
  writeOffWords?: readonly string[];
}

/**
 * Snapshots at the given period ends (ascending), derived from the ledger's own lines: the as-of
 * view at each end (the lines prepared once), each open item banded by its age from the date
 * arisen, and what was written off in each period traced to the items it came off.
 */
export function snapshotsFromLedger(reading: Pick<LedgerReading, "rows" | "shape" | "letters">, ends: readonly DayNumber[], bands: readonly AgingBand[], options: Partial<DeriveOptions> = {}): AgingSnapshot[] {
  const rows = options.segment === undefined ? reading.rows : reading.rows.filter(options.segment);
  const words = options.writeOffWords ?? WRITE_OFF_WORDS;
  const n = rows.length;
  const writeOff = new Uint8Array(n);
  let anyWriteOff = false;
  for (let i = 0; i < n; i++) {
    if (isWriteOff(rows[i], words)) {
      writeOff[i] = 1;
      anyWriteOff = true;
    }
  }
  const prepared = prepareAsOf(rows, { shape: options.shape ?? reading.shape, columns: () => reading.letters });
  const out: AgingSnapshot[] = [];
  let previous: DayNumber | null = null;
  for (const end of ends) {
    const view = viewAsOf(prepared, end, { rows: false });
    const cutoffs = bandCutoffs(end, bands);
    const bandFen = new Float64Array(bands.length);
    const bandExact: Decimal[] = bands.map(() => new Dec(0));
    const items: SnapshotItems = { band: new Int8Array(n).fill(-1), fen: new Float64Array(n), exact: new Map(), key: null, position: null, writtenOffFen: null, writtenOffExact: new Map() };
    const lines = view.openLines;
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k];
      const from = prepared.date[line];
      if (from !== from) continue;
      const band = bandFromCutoffs(from, cutoffs);
      if (band < 0) continue;
      const amount = view.openAmount(line);
      if (amount === null) continue;
      items.band[line] = band;
      const f = amount.fen;
      items.fen[line] = f;
      if (f === f) bandFen[band] += f;
      else {
        const d = amount.exact ?? new Dec(0);
        items.exact.set(line, d);
        bandExact[band] = bandExact[band].plus(d);
      }
    }
    // Written off in (previous, end]: the write-off credits' shares, to the items they took.
    if (previous !== null && anyWriteOff) {
      items.writtenOffFen = new Float64Array(n);
      const { credit, item, fen, exact } = view.shares;
      for (let k = 0; k < credit.length; k++) {
        const c = credit[k];
        if (writeOff[c] !== 1) continue;
        const date = prepared.date[c];
        if (!(date > previous) || date > end) continue;
        const f = fen[k];
        const e = exact.get(k);
        if (e !== undefined) items.writtenOffExact.set(item[k], (items.writtenOffExact.get(item[k]) ?? new Dec(0)).plus(e));
        else items.writtenOffFen[item[k]] += f;
      }
    }
    out.push({ asOf: end, bands: bands.map((_, b) => new Dec(bandFen[b]).div(100).plus(bandExact[b])), items, writtenOffByBand: null });
    previous = end;
  }
  return out;
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

function bi(zh: string, en: string): Bilingual {
  return { "zh-CN": zh, "en-US": en };
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
