/**
 * Control totals: where a ledger states its own figures (合计/小计/本月合计/本年累计 lines, page
 * carry-forwards, a running 余额, a closing balance carried to the next year), what was read must
 * agree with them, to the fen. A difference means the reading missed or misread something, or
 * the ledger itself does not add up; either way it is the first thing the user sees.
 *
 * A stated line's figure is compared with the sums of the lines above it over a few spans, and
 * agrees when any of them gives it exactly:
 * - since the previous line with the same words (本月合计 after the last 本月合计);
 * - since the previous stated line of any kind (a 小计 per customer, a page's 过次页);
 * - since the top of the table (合计, 本年累计, a cumulative 过次页);
 * - over the block of lines just above it that share a department, customer or project (a
 *   第二项目部小计 under the department's lines, where the department before it has no subtotal).
 * Amounts a line only inherits (an opening line's balance taken as its amount) are not part of
 * the sums of 借方 and 贷方, as in the books. A running balance is checked line by line, and the
 * balance a stated line gives against the running balance at that line.
 */
import type Decimal from "decimal.js";
import { Dec } from "../money";
import type { LedgerMoneyField, LedgerRow } from "./ledger-store";
import type { StatedLine } from "./ledger-rows";

/** A difference between a figure the ledger states and what was read. */
export interface ControlDifference {
  sheet: string;
  /** The stated figure's cell: 1-based row and column letter. */
  row: number;
  column: string;
  field: LedgerMoneyField;
  /** What the line that states it says ("本月合计", or "余额" for a running balance). */
  text: string;
  stated: string;
  computed: string;
  /** stated − computed. */
  difference: string;
  /** What `computed` sums: the rows, or the cell the running balance follows from. */
  basis: { kind: "rows"; fromRow: number; toRow: number; count: number; unreadable: number[] } | { kind: "running"; previousRow: number | null };
}

export interface Reconciliation {
  /** reconciled: every stated figure agrees; differences: some do not; none: the ledger states nothing to check. */
  status: "reconciled" | "differences" | "none";
  /** Figures compared. */
  checked: number;
  differences: ControlDifference[];
}

/** A running balance as the ledger states it, per line (the sheet's 余额 column, signed by 借/贷). */
export interface RunningBalances {
  /** Stated running balance per line (index into the lines), null where the cell is blank. */
  stated: (Decimal | null)[];
  /** The balance column's letter. */
  column: string;
}

interface Sum {
  value: Decimal;
  from: number;
  count: number;
}

/** Columns a stated line's figures are compared in (the ones that add up line by line). */
const SUMMED: readonly LedgerMoneyField[] = ["amount", "received", "balance", "contractAmount"];

/**
 * Reconciles one sheet's lines (in sheet order) with its stated lines. `letters` gives each money
 * field's column letter; `running` the running balances when the 余额 column is one.
 */
export function reconcileSheet(
  sheet: string,
  lines: readonly LedgerRow[],
  stated: readonly StatedLine[],
  letters: Partial<Record<LedgerMoneyField, string>>,
  running: RunningBalances | null,
): Reconciliation {
  const differences: ControlDifference[] = [];
  let checked = 0;
  const ordered = [...stated].sort((a, b) => a.row - b.row);

  // Running balance: each line's stated 余额 against the previous line's + debit − credit.
  const computedRunning: (Decimal | null)[] = new Array<Decimal | null>(lines.length).fill(null);
  if (running !== null) {
    let prev: Decimal | null = null;
    let prevRow: number | null = null;
    let prevCustomer: string | null = null;
    for (let i = 0; i < lines.length; i++) {
      const r = lines[i];
      const statedHere = running.stated[i];
      const sameBlock = r.customer === prevCustomer;
      let expected: Decimal | null = null;
      if (r.isOpening) expected = statedHere ?? (r.amount ?? null);
      else if (prev !== null && sameBlock) expected = prev.plus(ownAmount(r, "amount") ?? 0).minus(ownAmount(r, "received") ?? 0);
      if (statedHere !== null && expected !== null && !r.isOpening) {
        checked++;
        if (!statedHere.minus(expected).isZero()) {
          differences.push({
            sheet,
            row: r.row,
            column: running.column,
            field: "balance",
            text: "余额",
            stated: statedHere.toFixed(2),
            computed: expected.toFixed(2),
            difference: statedHere.minus(expected).toFixed(2),
            basis: { kind: "running", previousRow: prevRow },
          });
        }
      }
      // Follow the ledger's own figure from here, so one slip is reported once, not on every later line.
      const now: Decimal | null = statedHere ?? expected;
      computedRunning[i] = expected ?? statedHere;
      prev = now;
      prevRow = statedHere !== null ? r.row : prevRow;
      prevCustomer = r.customer;
    }
  }

  // Stated lines against the sums of the lines above them.
  let lineIndex = 0;
  const bySameText = new Map<string, number>(); // words -> index into `lines` where its span starts
  let lastStatedStart = 0;
  for (const s of ordered) {
    while (lineIndex < lines.length && lines[lineIndex].row < s.row) lineIndex++;
    const key = s.text.normalize("NFKC").replace(/\s+/g, "");
    const spans: number[] = [bySameText.get(key) ?? 0, lastStatedStart, 0, ...blockStarts(lines, lineIndex)];
    for (const field of SUMMED) {
      const statedValue = s.money[field];
      if (statedValue === undefined) continue;
      const column = letters[field] ?? "";
      if (field === "balance" && running !== null) {
        // The balance a 本月合计 or 结转下年 line gives is the running balance at that point.
        const at = lineIndex - 1;
        const computed = at >= 0 ? (computedRunning[at] ?? null) : null;
        if (computed === null) continue;
        const signed = s.direction !== null && /贷|cr|credit/i.test(s.direction) ? statedValue.neg() : s.direction !== null && /平/.test(s.direction) ? new Dec(0) : statedValue;
        checked++;
        if (!signed.minus(computed).isZero()) {
          differences.push({
            sheet,
            row: s.row,
            column,
            field,
            text: s.text,
            stated: signed.toFixed(2),
            computed: computed.toFixed(2),
            difference: signed.minus(computed).toFixed(2),
            basis: { kind: "running", previousRow: at >= 0 ? lines[at].row : null },
          });
        }
        continue;
      }
      const sums = spans.map((from) => sumOf(lines, from, lineIndex, field));
      const usable = sums.filter((x): x is Sum => x !== null);
      if (usable.length === 0) continue;
      checked++;
      if (usable.some((x) => x.value.equals(statedValue))) continue;
      // Said against the span that comes closest: the likeliest meant.
      const nearest = usable.reduce((best, x) => (x.value.minus(statedValue).abs().lt(best.value.minus(statedValue).abs()) ? x : best));
      const unreadable: number[] = [];
      for (let k = nearest.from; k < lineIndex; k++) {
        const r = lines[k];
        if (r.hasIssue(field) || (field === "balance" && !r.hasMoney("balance") && (r.hasIssue("amount") || r.hasIssue("received")))) unreadable.push(r.row);
      }
      differences.push({
        sheet,
        row: s.row,
        column,
        field,
        text: s.text,
        stated: statedValue.toFixed(2),
        computed: nearest.value.toFixed(2),
        difference: statedValue.minus(nearest.value).toFixed(2),
        basis: { kind: "rows", fromRow: nearest.count > 0 ? lines[nearest.from].row : s.row, toRow: lineIndex > 0 ? lines[lineIndex - 1].row : s.row, count: nearest.count, unreadable },
      });
    }
    bySameText.set(key, lineIndex);
    lastStatedStart = lineIndex;
  }
  return { status: differences.length > 0 ? "differences" : checked > 0 ? "reconciled" : "none", checked, differences };
}

/** Where the run of lines ending at `end` − 1 that share a department, customer or project begins. */
function blockStarts(lines: readonly LedgerRow[], end: number): number[] {
  const out: number[] = [];
  if (end <= 0) return out;
  for (const field of ["department", "customer", "project"] as const) {
    const value = lines[end - 1][field];
    if (value === null) continue;
    let k = end - 1;
    while (k > 0 && lines[k - 1][field] === value) k--;
    if (k > 0 && !out.includes(k)) out.push(k);
  }
  return out;
}

/** A line's own money as read: an opening line's inherited amount is not one. */
function ownAmount(r: LedgerRow, field: LedgerMoneyField): Decimal | null {
  if (r.isOpening && (field === "amount" || field === "received")) return null;
  if (field === "balance" && r.balanceDerived) return null;
  return r[field];
}

/** The exact sum of a field over lines [from, to) (0 over lines that leave it blank). */
function sumOf(lines: readonly LedgerRow[], from: number, to: number, field: LedgerMoneyField): Sum | null {
  let fen = 0;
  let exact: Decimal | null = null;
  for (let i = from; i < to; i++) {
    const r = lines[i];
    if (r.isOpening && (field === "amount" || field === "received")) continue;
    if (field === "balance" && r.balanceDerived) continue;
    if (!r.hasMoney(field)) continue;
    const f = field === "amount" ? r.amountFen : field === "received" ? r.receivedFen : field === "balance" ? r.balanceFen : r.contractAmountFen;
    if (f === f && Math.abs(fen + f) < Number.MAX_SAFE_INTEGER) fen += f;
    else exact = (exact ?? new Dec(0)).plus(r[field] as Decimal);
  }
  const value = new Dec(fen).div(100).plus(exact ?? 0);
  return { value, from, count: to - from };
}

/** Several sheets' reconciliations as one. */
export function combineReconciliations(parts: readonly Reconciliation[]): Reconciliation {
  const differences = parts.flatMap((p) => p.differences);
  const checked = parts.reduce((n, p) => n + p.checked, 0);
  return { status: differences.length > 0 ? "differences" : checked > 0 ? "reconciled" : "none", checked, differences };
}
