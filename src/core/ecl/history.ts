/**
 * History derived from a transaction ledger's own lines (CAS 22 / IFRS 9): the as-of view
 * (ledger/as-of.ts) at each past period end gives exactly the open items a ledger closed on that
 * date would show, so three years of entries are three year-end snapshots, item by item (each item
 * followed by its line), with what was written off in each period traced to the items it came off.
 */
import type Decimal from "decimal.js";
import { bandCutoffs, bandFromCutoffs } from "../aging";
import type { DayNumber } from "../calendar";
import { prepareAsOf, viewAsOf } from "../ledger/as-of";
import type { LedgerReading } from "../ledger/index";
import type { LedgerRow } from "../ledger/ledger-store";
import { Dec } from "../money";
import type { AgingBand } from "../policy/types";
import type { AgingSnapshot, SnapshotItems } from "./snapshots";

/** Words in a credit line's 摘要, type or status that make it a write-off, not a collection (POLICY §8). */
const WRITE_OFF_WORDS: readonly string[] = ["坏账核销", "核销坏账", "坏帐核销", "核销坏帐", "转销", "坏账转销", "予以核销", "written off", "write-off", "write off"];

/** Whether a line's texts name a write-off (one cheap screen first: it runs on every line). */
function isWriteOff(row: LedgerRow, words: readonly string[]): boolean {
  for (const t of [row.note, row.type, row.status]) {
    if (t === null || !/[销銷wW]/.test(t)) continue;
    const text = t.normalize("NFKC").toLowerCase();
    if (words.some((w) => text.includes(w))) return true;
  }
  return false;
}

interface DeriveOptions {
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

