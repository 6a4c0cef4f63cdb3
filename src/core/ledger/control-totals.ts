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
 * the sums of 借方 and 贷方, as in the books; a 承前页's stated 借方 and 贷方 (the earlier pages')
 * are, as a 本年累计 counts them. A running balance is checked line by line, and the
 * balance a stated line gives against the running balance at that line.
 */
import type Decimal from "decimal.js";
import { toYmd } from "../calendar";
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

/**
 * An exact amount as this module computes with it: integer fen on the fast path (a ledger states
 * tens of thousands of figures, each compared over several spans), a Decimal in yuan off it.
 */
type Amount = number | Decimal;

function toDec(a: Amount): Decimal {
  return typeof a === "number" ? new Dec(a).div(100) : a;
}

function plus(a: Amount, b: Amount): Amount {
  if (typeof a === "number" && typeof b === "number") {
    const s = a + b;
    if (Math.abs(s) <= Number.MAX_SAFE_INTEGER) return s;
  }
  return toDec(a).plus(toDec(b));
}

function minus(a: Amount, b: Amount): Amount {
  return plus(a, typeof b === "number" ? -b : b.neg());
}

/** A difference under one fen (issue 13.4: 0.01 or more is one): amounts finer than the fen do not make a 0.00 difference. */
function isZero(a: Amount): boolean {
  return typeof a === "number" ? Math.abs(a) < 1 : a.abs().lt(ONE_FEN);
}
const ONE_FEN = new Dec("0.01");

function magnitude(a: Amount): number {
  return Math.abs(typeof a === "number" ? a / 100 : a.toNumber());
}

function text(a: Amount): string {
  return toDec(a).toFixed(2);
}

/**
 * A line's own money as read, exactly. An opening line's amount taken from its balance is not
 * one; with `openings`, one typed in its 借方 or 贷方 is (a hand-kept list's 合计 = SUM() over
 * the column counts it, where a 本年累计 of the books does not).
 */
function own(r: LedgerRow, field: LedgerMoneyField, openings = false, derived = false): Amount | null {
  if (r.isOpening && (field === "amount" || field === "received")) {
    if (r.isBroughtForward) return r.broughtForwardMoney(field);
    if (!openings || r.amountFromBalance || !r.hasMoney(field)) return null;
    return field === "amount" ? (r.amountFen === r.amountFen ? r.amountFen : (r.amount as Decimal)) : r.receivedFen === r.receivedFen ? r.receivedFen : (r.received as Decimal);
  }
  // With `derived`, a balance read as amount − received (its cell blank) counts: it is what the
  // reading holds open, and a 合计 that SUM()s the column counts the blank as nothing, so a
  // difference says so (a settled row left blank). Without, only balances as written count.
  if (field === "balance" && r.balanceDerived && !derived) return null;
  if (!r.hasMoney(field)) return null;
  const f = field === "amount" ? r.amountFen : field === "received" ? r.receivedFen : field === "balance" ? r.balanceFen : field === "contractAmount" ? r.contractAmountFen : field === "expectedRecovery" ? r.expectedRecoveryFen : r.allowanceFen;
  return f === f ? f : (r[field] as Decimal);
}

/** A running balance as the ledger states it, per line (the sheet's 余额 column, signed by 借/贷). */
export interface RunningBalances {
  /** Stated running balance per line (index into the lines): fen, or a Decimal off the fast path; null where blank. */
  stated: (number | Decimal | null)[];
  /** The balance column's letter. */
  column: string;
}

interface Sum {
  value: Amount;
  from: number;
  count: number;
}

/** Columns a stated line's figures are compared in (the ones that add up line by line). */
const SUMMED: readonly LedgerMoneyField[] = ["amount", "received", "balance", "contractAmount"];

/**
 * Reconciles one sheet's lines (in sheet order) with its stated lines. `letters` gives each money
 * field's column letter; `running` the running balances when the 余额 column is one;
 * `derivedBalances` counts balances read as amount − received (see own).
 */
export function reconcileSheet(
  sheet: string,
  lines: readonly LedgerRow[],
  stated: readonly StatedLine[],
  letters: Partial<Record<LedgerMoneyField, string>>,
  running: RunningBalances | null,
  derivedBalances = false,
  leftOut: readonly LedgerRow[] = [],
): Reconciliation {
  const differences: ControlDifference[] = [];
  // Lines left out of the reading (voided or draft documents: layout.voidedOrDraftLines) that an
  // ERP list's own 合计 still counts: a total that agrees once they are added agrees.
  const leftOutBetween = (field: LedgerMoneyField, fromRow: number, toRow: number): Amount => {
    let sum: Amount = 0;
    for (const r of leftOut) {
      if (r.row < fromRow || r.row >= toRow) continue;
      const v = own(r, field, false, derivedBalances);
      if (v !== null) sum = plus(sum, v);
    }
    return sum;
  };
  let checked = 0;
  const ordered = [...stated].sort((a, b) => a.row - b.row);

  // Running balance: each line's stated 余额 against the previous line's + debit − credit.
  const computedRunning: (Amount | null)[] = new Array<Amount | null>(lines.length).fill(null);
  if (running !== null) {
    let prev: Amount | null = null;
    // The balance the line before should have stated (its predecessor's + debit − credit): when
    // that line's own figure was a slip, this line agrees with it, and only the slip is said.
    let prevExpected: Amount | null = null;
    let prevRow: number | null = null;
    let prevCustomer: string | null = null;
    for (let i = 0; i < lines.length; i++) {
      const r = lines[i];
      const statedHere = running.stated[i];
      const sameBlock = r.customer === prevCustomer;
      let expected: Amount | null = null;
      let expectedPastSlip: Amount | null = null;
      let pastSlip = false;
      const movement = (from: Amount): Amount => minus(plus(from, own(r, "amount") ?? 0), own(r, "received") ?? 0);
      if (r.isOpening) expected = statedHere ?? (r.amountFen === r.amountFen ? r.amountFen : r.amount);
      else if (prev !== null && sameBlock) {
        expected = movement(prev);
        if (prevExpected !== null) expectedPastSlip = movement(prevExpected);
      }
      if (statedHere !== null && expected !== null && !r.isOpening) {
        checked++;
        const difference = minus(statedHere, expected);
        pastSlip = !isZero(difference) && expectedPastSlip !== null && isZero(minus(statedHere, expectedPastSlip));
        if (!isZero(difference) && !pastSlip) {
          differences.push({
            sheet,
            row: r.row,
            column: running.column,
            field: "balance",
            text: "余额",
            stated: text(statedHere),
            computed: text(expected),
            difference: text(difference),
            basis: { kind: "running", previousRow: prevRow },
          });
        }
      }
      // Follow the ledger's own figure from here, so one slip is reported once, not on every later line.
      const now: Amount | null = statedHere ?? expected;
      computedRunning[i] = expected ?? statedHere;
      // Past a slip, this line's own figure is the right one to go on from.
      prevExpected = pastSlip ? statedHere : sameBlock || r.isOpening ? expected : null;
      prev = now;
      prevRow = statedHere !== null ? r.row : prevRow;
      prevCustomer = r.customer;
    }
  }

  // Stated lines against the sums of the lines above them.
  const starts = runStarts(lines);
  const prefix = new Map<LedgerMoneyField, PrefixSums>();
  const prefixOf = (field: LedgerMoneyField): PrefixSums => {
    let p = prefix.get(field);
    if (p === undefined) {
      p = new PrefixSums(lines, field, false, derivedBalances);
      prefix.set(field, p);
    }
    return p;
  };
  // The same sums with what opening lines carry in their own 借方 or 贷方 (made only where a line has some).
  const withOpenings = new Map<LedgerMoneyField, PrefixSums | null>();
  const withOpeningsOf = (field: LedgerMoneyField): PrefixSums | null => {
    if (field !== "amount" && field !== "received") return null;
    let p = withOpenings.get(field);
    if (p === undefined) {
      p = lines.some((r) => r.isOpening && !r.isBroughtForward && !r.amountFromBalance && r.hasMoney(field)) ? new PrefixSums(lines, field, true) : null;
      withOpenings.set(field, p);
    }
    return p;
  };
  let lineIndex = 0;
  const bySameText = new Map<string, number>(); // words -> index into `lines` where its span starts
  let lastStatedStart = 0;
  // Each customer's last running balance over the lines passed so far, and their sum: what a
  // grand 合计 under several customers' blocks states (kept as the lines are passed, not rescanned).
  const lastBalance = new Map<string | null, Amount>();
  let closingSum: Amount = 0;
  for (const s of ordered) {
    while (lineIndex < lines.length && lines[lineIndex].row < s.row) {
      const v = computedRunning[lineIndex];
      if (v !== null) {
        const c = lines[lineIndex].customer;
        closingSum = plus(minus(closingSum, lastBalance.get(c) ?? 0), v);
        lastBalance.set(c, v);
      }
      lineIndex++;
    }
    const key = s.text.normalize("NFKC").replace(/\s+/g, "");
    const spans: number[] = [bySameText.get(key) ?? 0, lastStatedStart, 0, ...blockStarts(starts, lines, lineIndex), ...periodStarts(lines, lineIndex)];
    for (const field of SUMMED) {
      const statedValue = s.money[field];
      if (statedValue === undefined) continue;
      const column = letters[field] ?? "";
      if (field === "balance" && running !== null) {
        // The balance a 本月合计 or 结转下年 line gives is the running balance at that point.
        const at = lineIndex - 1;
        const computed = at >= 0 ? (computedRunning[at] ?? null) : null;
        if (computed === null) continue;
        const credit = s.direction !== null && /贷|cr|credit/i.test(s.direction);
        const signed: Amount = credit ? minus(0, statedValue) : s.direction !== null && /平/.test(s.direction) ? 0 : statedValue;
        checked++;
        const difference = minus(signed, computed);
        // A grand 合计 under several customers' blocks states the sum of their closing balances:
        // since the top, or since the stated line before it (spans that do not overlap, so each
        // line is summed once however many totals disagree).
        const acrossCustomers = (): boolean => {
          if (lastBalance.size >= 2 && isZero(minus(signed, closingSum))) return true;
          const since = closingBalances(lines, computedRunning, lastStatedStart, lineIndex);
          return since !== null && isZero(minus(signed, since));
        };
        if (!isZero(difference) && !acrossCustomers()) {
          differences.push({
            sheet,
            row: s.row,
            column,
            field,
            text: s.text,
            stated: text(signed),
            computed: text(computed),
            difference: text(difference),
            basis: { kind: "running", previousRow: at >= 0 ? lines[at].row : null },
          });
        }
        continue;
      }
      const sums = prefixOf(field);
      const usable: Sum[] = spans.map((from) => ({ value: sums.sum(from, lineIndex), from, count: lineIndex - from }));
      checked++;
      if (usable.some((x) => isZero(minus(x.value, statedValue)))) continue;
      const alt = withOpeningsOf(field);
      if (alt !== null && spans.some((from) => isZero(minus(alt.sum(from, lineIndex), statedValue)))) continue;
      if (leftOut.length > 0 && usable.some((x) => isZero(minus(plus(x.value, leftOutBetween(field, x.from === 0 ? -Infinity : lines[x.from].row, s.row)), statedValue)))) continue;
      // A total above every line (合计 on the first row under the header) states every line below
      // it; one that states nothing above it (a 本月合计 of 0 for a month without movements) agrees.
      const top = lineIndex === 0 && lines.length > 0;
      const below: Sum = { value: top ? sums.sum(0, lines.length) : 0, from: 0, count: top ? lines.length : 0 };
      if (top && isZero(minus(below.value, statedValue))) continue;
      const end = top ? lines.length : lineIndex;
      // Said against the span that comes closest: the likeliest meant. A plain 合计 or 总计 means
      // everything since its last line of the same words, or the top: a customer's block or a
      // month closer to its figure by chance is not what it sums (a 合计 of 79,000 over 151,000 was
      // said against the last customer's 9,000).
      const periodOrBlock = /小计|^(本|当|全年|年度)/.test(key);
      const meant = top ? [below] : periodOrBlock ? usable : usable.slice(0, 3);
      const nearest = meant.reduce((best, x) => (magnitude(minus(x.value, statedValue)) < magnitude(minus(best.value, statedValue)) ? x : best));
      const unreadable: number[] = [];
      for (let k = nearest.from; k < end; k++) {
        const r = lines[k];
        if (r.hasIssue(field) || (field === "balance" && !r.hasMoney("balance") && (r.hasIssue("amount") || r.hasIssue("received")))) unreadable.push(r.row);
      }
      differences.push({
        sheet,
        row: s.row,
        column,
        field,
        text: s.text,
        stated: text(statedValue),
        computed: text(nearest.value),
        difference: text(minus(statedValue, nearest.value)),
        basis: { kind: "rows", fromRow: nearest.count > 0 ? lines[nearest.from].row : s.row, toRow: end > 0 ? lines[end - 1].row : s.row, count: nearest.count, unreadable },
      });
    }
    bySameText.set(key, lineIndex);
    lastStatedStart = lineIndex;
  }
  return { status: differences.length > 0 ? "differences" : checked > 0 ? "reconciled" : "none", checked, differences };
}

/**
 * The sum of each customer's last running balance over lines [from, end), or null when the lines
 * are of one customer (the running balance at the line is then the figure to compare).
 */
function closingBalances(lines: readonly LedgerRow[], running: readonly (Amount | null)[], from: number, end: number): Amount | null {
  const last = new Map<string | null, Amount>();
  for (let k = from; k < end; k++) {
    const v = running[k];
    if (v !== null) last.set(lines[k].customer, v);
  }
  if (last.size < 2) return null;
  let total: Amount = 0;
  for (const v of last.values()) total = plus(total, v);
  return total;
}

/**
 * Where the lines just above `end` of one customer's month, and of its year, begin: a 本月合计
 * sums its own month's lines, whether or not the months before it had a 本月合计 of their own
 * (a month with entries and no total line is common), and a 本年累计 its year's.
 */
function periodStarts(lines: readonly LedgerRow[], end: number): number[] {
  const last = end - 1;
  if (last < 0) return [];
  const at = lines[last].dateArisen;
  if (at === null) return [];
  const customer = lines[last].customer;
  const { y, m } = toYmd(at);
  const out: number[] = [];
  for (const sameMonth of [true, false]) {
    let k = last;
    while (k > 0) {
      const prev = lines[k - 1];
      const d = prev.dateArisen;
      // A 承前页 brings the earlier pages' figures: this page's month and year start after it.
      if (d === null || prev.customer !== customer || prev.isBroughtForward) break;
      const p = toYmd(d);
      if (p.y !== y || (sameMonth && p.m !== m)) break;
      k--;
    }
    out.push(k);
  }
  return out;
}

/**
 * For each line, where the run of lines ending at it that share a department, customer or
 * project begins (one array per field, made in one pass).
 */
function runStarts(lines: readonly LedgerRow[]): Int32Array[] {
  return (["department", "customer", "project"] as const).map((field) => {
    const out = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const v = lines[i][field];
      out[i] = i > 0 && v !== null && lines[i - 1][field] === v ? out[i - 1] : i;
    }
    return out;
  });
}

/** The starts of the blocks (department, customer, project) the line before `end` closes. */
function blockStarts(starts: readonly Int32Array[], lines: readonly LedgerRow[], end: number): number[] {
  const out: number[] = [];
  if (end <= 0) return out;
  (["department", "customer", "project"] as const).forEach((field, k) => {
    if (lines[end - 1][field] === null) return;
    const from = starts[k][end - 1];
    if (from > 0 && !out.includes(from)) out.push(from);
  });
  return out;
}

/**
 * Running sums of a field over the lines, so any span's sum is one subtraction. Integer fen while
 * every amount is whole fen and the sums stay exact in a double; Decimals otherwise.
 */
class PrefixSums {
  private readonly fen: Float64Array;
  private readonly exact: Decimal[] | null;

  constructor(lines: readonly LedgerRow[], field: LedgerMoneyField, openings: boolean, derived = false) {
    const n = lines.length;
    this.fen = new Float64Array(n + 1);
    let fast = true;
    for (let i = 0; i < n && fast; i++) {
      const v = own(lines[i], field, openings, derived);
      if (v === null) this.fen[i + 1] = this.fen[i];
      else if (typeof v !== "number" || Math.abs(this.fen[i] + v) > Number.MAX_SAFE_INTEGER) fast = false;
      else this.fen[i + 1] = this.fen[i] + v;
    }
    if (fast) {
      this.exact = null;
      return;
    }
    this.exact = new Array<Decimal>(n + 1);
    this.exact[0] = new Dec(0);
    for (let i = 0; i < n; i++) {
      const v = own(lines[i], field, openings, derived);
      this.exact[i + 1] = v === null ? this.exact[i] : this.exact[i].plus(toDec(v));
    }
  }

  /** The exact sum over lines [from, to). */
  sum(from: number, to: number): Amount {
    if (this.exact !== null) return this.exact[to].minus(this.exact[from]);
    return this.fen[to] - this.fen[from];
  }
}

/** Several sheets' reconciliations as one. */
export function combineReconciliations(parts: readonly Reconciliation[]): Reconciliation {
  const differences = parts.flatMap((p) => p.differences);
  const checked = parts.reduce((n, p) => n + p.checked, 0);
  return { status: differences.length > 0 ? "differences" : checked > 0 ? "reconciled" : "none", checked, differences };
}
