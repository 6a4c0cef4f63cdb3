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
import { openItemsAsOf } from "../ledger/as-of";
import type { LedgerReading } from "../ledger/index";
import type { LedgerRow } from "../ledger/ledger-store";
import { Dec } from "../money";
import type { AgingBand } from "../policy/types";
import { averageMigration, type EclProblem, type MigrationRates } from "./matrix";

/** The balance of each band on one date, and of each item where items are known. */
export interface AgingSnapshot {
  asOf: DayNumber;
  /** Balance per band, in the bands' order. */
  bands: Decimal[];
  /** Open items by key ("sheet!row"): band and balance; null when only band totals are known. */
  items: Map<string, { band: number; balance: Decimal }> | null;
  /**
   * Written off in the period ending here, by the key of the item it was written off from (items
   * known) or by band (band totals); null when the source does not say.
   */
  writtenOff: { byItem: Map<string, Decimal> | null; byBand: Decimal[] | null } | null;
}

/** Words in a credit line's 摘要, type or status that make it a write-off, not a collection (POLICY §8). */
export const WRITE_OFF_WORDS: readonly string[] = ["坏账核销", "核销坏账", "坏帐核销", "核销坏帐", "转销", "坏账转销", "予以核销", "written off", "write-off", "write off"];

function isWriteOff(row: LedgerRow, words: readonly string[]): boolean {
  const text = [row.note, row.type, row.status].filter((t): t is string => t !== null).join(" ").normalize("NFKC").toLowerCase();
  return text !== "" && words.some((w) => text.includes(w));
}

function keyOf(row: { sheet: string; row: number }): string {
  return `${row.sheet}!${row.row}`;
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
 * view at each end, each open item banded by its age from the date arisen, and what was written
 * off in each period traced to the items it came off.
 */
export function snapshotsFromLedger(reading: Pick<LedgerReading, "rows" | "shape" | "letters">, ends: readonly DayNumber[], bands: readonly AgingBand[], options: Partial<DeriveOptions> = {}): AgingSnapshot[] {
  const rows = options.segment === undefined ? reading.rows : reading.rows.filter(options.segment);
  const words = options.writeOffWords ?? WRITE_OFF_WORDS;
  const writeOffRows = new Set<string>();
  for (const r of rows) if (isWriteOff(r, words)) writeOffRows.add(keyOf(r));
  const out: AgingSnapshot[] = [];
  let previous: DayNumber | null = null;
  for (const end of ends) {
    const view = openItemsAsOf(rows, end, { shape: options.shape ?? reading.shape, columns: () => reading.letters });
    const cutoffs = bandCutoffs(end, bands);
    const balances: Decimal[] = bands.map(() => new Dec(0));
    const fen: number[] = bands.map(() => 0);
    const items = new Map<string, { band: number; balance: Decimal }>();
    for (const r of view.open) {
      const from = r.dateArisen ?? r.dueDate;
      if (from === null) continue;
      const band = bandFromCutoffs(from, cutoffs);
      if (band < 0) continue;
      const f = r.balanceFen;
      const balance = f === f ? null : r.balance;
      if (balance === null && f === f) fen[band] += f;
      else if (balance !== null) balances[band] = balances[band].plus(balance);
      items.set(keyOf(r), { band, balance: f === f ? new Dec(f).div(100) : (balance as Decimal) });
    }
    for (let b = 0; b < bands.length; b++) balances[b] = balances[b].plus(new Dec(fen[b]).div(100));
    // Written off in (previous, end]: the write-off credits' allocations, to the items they took.
    const byItem = new Map<string, Decimal>();
    if (previous !== null) {
      const dated = new Map<string, DayNumber | null>();
      for (const r of rows) if (writeOffRows.has(keyOf(r))) dated.set(keyOf(r), r.dateArisen ?? r.dueDate);
      for (const a of view.allocations) {
        const credit = `${a.sheet}!${a.receiptRow}`;
        const date = dated.get(credit);
        if (date === undefined || date === null || date <= previous || date > end) continue;
        const item = `${a.sheet}!${a.itemRow}`;
        byItem.set(item, (byItem.get(item) ?? new Dec(0)).plus(a.amount));
      }
    }
    out.push({ asOf: end, bands: balances, items, writtenOff: { byItem, byBand: null } });
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
      writtenOff: t.writtenOff === undefined ? null : { byItem: null, byBand: t.writtenOff.map((v) => new Dec(v)) },
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
  const cohort = snapshots.every((s) => s.items !== null);
  const periods: MigrationRates["periods"] = [];
  for (let k = 0; k + 1 < snapshots.length; k++) {
    const a = snapshots[k];
    const b = snapshots[k + 1];
    const rates: (Decimal | null)[] = [];
    for (let band = 0; band < bandCount - 1; band++) {
      if (cohort) {
        let start = new Dec(0);
        let end = new Dec(0);
        for (const [key, item] of a.items as Map<string, { band: number; balance: Decimal }>) {
          if (item.band !== band) continue;
          start = start.plus(item.balance);
          // Still owed, one band older (an item arisen on a period end is exactly a year old at the
          // next and still within the band: it has not migrated yet).
          const later = (b.items as Map<string, { band: number; balance: Decimal }>).get(key);
          if (later !== undefined && later.band === band + 1) end = end.plus(later.balance);
          const off = b.writtenOff?.byItem?.get(key);
          if (off !== undefined) end = end.plus(off);
        }
        rates.push(start.isZero() ? null : end.div(start));
      } else {
        const start = a.bands[band];
        const off = b.writtenOff?.byBand?.[band] ?? new Dec(0);
        rates.push(start.isZero() ? null : b.bands[band + 1].plus(off).div(start));
      }
    }
    rates.push(null);
    periods.push({ from: a.asOf, to: b.asOf, rates });
  }
  return averageMigration(periods, cohort ? "cohort" : "band-totals", bandCount);
}
