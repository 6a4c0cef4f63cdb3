/**
 * Readings brought together: a workbook with one sheet per customer (三栏式明细账, the customer
 * named above each sheet's header) is one ledger, and an opening line the workbook's earlier
 * entries account for is not counted twice.
 */
import type Decimal from "decimal.js";
import { Dec } from "../money";
import { reversedReceiptSign } from "./transactions";
import { combineReconciliations, type ControlDifference } from "./control-totals";
import type { LedgerReading } from "./index";
import type { LedgerRow } from "./ledger-store";
import { sortIssues } from "./parse-issues";

/** Whether two readings have the same columns for the same fields (the sheets of one ledger). */
export function sameLayout(a: LedgerReading, b: LedgerReading): boolean {
  const ka = Object.entries(a.letters).sort();
  const kb = Object.entries(b.letters).sort();
  return ka.length === kb.length && ka.every(([f, l], k) => kb[k][0] === f && kb[k][1] === l);
}

/** Several sheets' readings as one ledger, in the order given. */
export function combineReadings(readings: readonly LedgerReading[]): LedgerReading {
  if (readings.length === 1) return readings[0];
  const first = readings[0];
  // The sign the receipts share is the ledger's, over all its sheets (a month with one red receipt alone says nothing).
  const stores = new Set(readings.flatMap((r) => (r.rows.length > 0 ? [r.rows[0].source] : [])));
  if (readings.every((r) => !r.layout.runningBalance) && [...stores].every((st) => !st.sided && st.text.type !== null)) {
    const sign = reversedReceiptSign(readings.flatMap((r) => r.rows));
    for (const st of stores) st.reversedReceiptSign = sign;
  }
  return {
    ...first,
    shape: readings.some((r) => r.shape === "transactions") ? "transactions" : "open-items",
    rows: readings.flatMap((r) => r.rows),
    issues: sortIssues(readings.flatMap((r) => r.issues)).sort((a, b) => sheetOrder(readings, a.sheet) - sheetOrder(readings, b.sheet)),
    skipped: readings.flatMap((r) => r.skipped.map((s) => ({ ...s, sheet: s.sheet ?? r.sheet }))),
    stated: readings.flatMap((r) => r.stated),
    reconciliation: combineReconciliations(readings.map((r) => r.reconciliation)),
    layout: {
      sheets: readings.flatMap((r) => r.layout.sheets),
      customerFrom: first.layout.customerFrom,
      titleCustomers: readings.flatMap((r) => r.layout.titleCustomers),
      datesFrom: first.layout.datesFrom,
      runningBalance: readings.some((r) => r.layout.runningBalance),
      filledFromMerges: readings.reduce((n, r) => n + r.layout.filledFromMerges, 0),
      openingsDated: readings.flatMap((r) => r.layout.openingsDated),
      openingsCarried: readings.flatMap((r) => r.layout.openingsCarried),
      creditsByBalance: readings.flatMap((r) => r.layout.creditsByBalance),
      customersFilled: readings.flatMap((r) => r.layout.customersFilled),
      receiptsOnDebit: readings.flatMap((r) => r.layout.receiptsOnDebit),
      settledByStatus: readings.flatMap((r) => r.layout.settledByStatus),
      settledByStatusLeft: readings.reduce((sum, r) => sum.plus(r.layout.settledByStatusLeft), new Dec(0)).toFixed(2),
      settledByNote: readings.flatMap((r) => r.layout.settledByNote),
      settledByNoteLeft: readings.reduce((sum, r) => sum.plus(r.layout.settledByNoteLeft), new Dec(0)).toFixed(2),
      statusConflicts: readings.flatMap((r) => r.layout.statusConflicts),
      voidedOrDraft: readings.flatMap((r) => r.layout.voidedOrDraft),
      installments: readings.flatMap((r) => r.layout.installments),
      tablesBeside: readings.flatMap((r) => r.layout.tablesBeside),
      sheetsNotRead: readings.flatMap((r) => r.layout.sheetsNotRead),
      foreignUnits: readings.find((r) => r.layout.foreignUnits !== null)?.layout.foreignUnits ?? null,
      ...latestExport(readings),
      ...latestListDate(readings),
    },
  };
}

/** The latest date the sheets' titles say their lists stand at (sheets read together run to the last), and where. */
function latestListDate(readings: readonly LedgerReading[]): Pick<LedgerReading["layout"], "listDate" | "listDateAt"> {
  let best: LedgerReading | null = null;
  for (const r of readings) if (r.layout.listDate !== null && (best === null || r.layout.listDate > (best.layout.listDate as number))) best = r;
  return best === null ? { listDate: null, listDateAt: null } : { listDate: best.layout.listDate, listDateAt: best.layout.listDateAt };
}

/** The latest export date the sheets state, and where. */
function latestExport(readings: readonly LedgerReading[]): Pick<LedgerReading["layout"], "exportDate" | "exportDateAt"> {
  let best: LedgerReading | null = null;
  for (const r of readings) if (r.layout.exportDate !== null && (best === null || r.layout.exportDate > (best.layout.exportDate as number))) best = r;
  return best === null ? { exportDate: null, exportDateAt: null } : { exportDate: best.layout.exportDate, exportDateAt: best.layout.exportDateAt };
}

function sheetOrder(readings: readonly LedgerReading[], sheet: string): number {
  const k = readings.findIndex((r) => r.sheet === sheet);
  return k < 0 ? readings.length : k;
}

function customerKey(text: string | null): string | null {
  if (text === null) return null;
  const k = text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  return k === "" ? null : k;
}

/**
 * An opening line (上年结转) whose customer has entries dated before it in the same ledger — last
 * year's sheet, or last year's lines above — repeats what those entries leave open: it is not an
 * item of its own. It is taken out of the lines, and what it states is reconciled with the
 * balance the earlier entries give (a control total).
 */
export function carryOpenings(reading: LedgerReading): LedgerReading {
  const openings = reading.rows.filter((r) => r.isOpening && r.dateArisen !== null);
  if (openings.length === 0) return reading;
  const byCustomer = new Map<string, LedgerRow[]>();
  for (const r of reading.rows) {
    const key = customerKey(r.customer);
    if (key === null) continue;
    const list = byCustomer.get(key);
    if (list === undefined) byCustomer.set(key, [r]);
    else list.push(r);
  }
  const carried = new Set<LedgerRow>();
  // Each sheet's first entry (not an opening line): where a page that opens with 承前页 starts.
  const firstEntry = new Map<string, number>();
  for (const r of reading.rows) {
    const d = r.dateArisen;
    if (r.isOpening || d === null) continue;
    const f = firstEntry.get(r.sheet);
    if (f === undefined || d < f) firstEntry.set(r.sheet, d);
  }
  const differences: ControlDifference[] = [];
  let checked = 0;
  for (const o of openings) {
    const key = customerKey(o.customer);
    if (key === null) continue;
    const date = o.dateArisen as number;
    // A 承前页 brings what the pages before it left: the lines above it on its sheet, and those
    // of another sheet dated no later than its own page's first entry (whatever the sheets' order).
    const all = byCustomer.get(key) ?? [];
    const pageStart = firstEntry.get(o.sheet) ?? date;
    const earlier = o.isBroughtForward
      ? all.filter((r) => r !== o && !carried.has(r) && (r.sheet === o.sheet ? r.row < o.row : r.dateArisen !== null && r.dateArisen <= pageStart))
      : all.filter((r) => r !== o && !carried.has(r) && r.dateArisen !== null && r.dateArisen < date);
    if (!earlier.some((r) => !r.isOpening)) continue;
    carried.add(o);
    let balance: Decimal = new Dec(0);
    for (const r of earlier) balance = balance.plus(r.amount ?? 0).minus(r.received ?? 0);
    const stated = o.amount ?? new Dec(0);
    checked++;
    if (!stated.minus(balance).isZero()) {
      differences.push({
        sheet: o.sheet,
        row: o.row,
        column: reading.letters.balance ?? reading.letters.amount ?? "",
        field: "balance",
        text: o.isBroughtForward ? "承前页" : "上年结转",
        stated: stated.toFixed(2),
        computed: balance.toFixed(2),
        difference: stated.minus(balance).toFixed(2),
        basis: { kind: "running", previousRow: earlier[earlier.length - 1].row },
      });
    }
  }
  if (carried.size === 0) return reading;
  const carriedAt = new Set([...carried].map((c) => `${c.sheet}\u0000${c.row}`));
  const reconciliation = combineReconciliations([reading.reconciliation, { status: differences.length > 0 ? "differences" : "reconciled", checked, differences }]);
  return {
    ...reading,
    rows: reading.rows.filter((r) => !carried.has(r)),
    reconciliation,
    layout: {
      ...reading.layout,
      openingsDated: reading.layout.openingsDated.filter((d) => !carriedAt.has(`${d.sheet}\u0000${d.row}`)),
      openingsCarried: [...reading.layout.openingsCarried, ...[...carried].map((c) => ({ sheet: c.sheet, row: c.row }))],
    },
  };
}
