/**
 * The ledger's values, held column by column, and LedgerRow, the view of one row on them.
 *
 * Excel holds up to 1,048,576 rows; a million 30-field objects cost more in garbage collection
 * than all the parsing, so values are kept in typed arrays (money as integer fen, dates as day
 * numbers) and each LedgerRow is a two-field view.
 */
import type Decimal from "decimal.js";
import type { DayNumber } from "../calendar";
import { formatIsoDate } from "../dates";
import { formatFen } from "../fen";
import { type CreditTerm, fenToDecimal } from "./cell-reader";
import { LEDGER_FIELDS, type LedgerField } from "./headers";

export type LedgerMoneyField = "amount" | "received" | "balance" | "contractAmount" | "expectedRecovery" | "allowance";
export type LedgerTextField =
  | "customer"
  | "customerCode"
  | "project"
  | "department"
  | "document"
  | "voucher"
  | "appliesTo"
  | "status"
  | "collector"
  | "type"
  | "agingLabel"
  | "direction"
  | "note";
/** Whole numbers besides credit days: the parts of a date a three-column ledger splits (年, 月, 日). */
export type LedgerDatePartField = "year" | "month" | "day";
export type LedgerDateField = "dateArisen" | "dueDate" | "lastConfirmed" | "lastPaymentDate" | "targetDate";

export const TEXT_FIELDS: readonly LedgerTextField[] = [
  "customer",
  "customerCode",
  "project",
  "department",
  "document",
  "voucher",
  "appliesTo",
  "status",
  "collector",
  "type",
  "agingLabel",
  "direction",
  "note",
];
export const DATE_PART_FIELDS: readonly LedgerDatePartField[] = ["year", "month", "day"];
export const DATE_FIELDS: readonly LedgerDateField[] = ["dateArisen", "dueDate", "lastConfirmed", "lastPaymentDate", "targetDate"];
export const MONEY_FIELDS: readonly LedgerMoneyField[] = ["amount", "received", "balance", "contractAmount", "expectedRecovery", "allowance"];

/** Bit of each ledger field in a row's issue mask (LEDGER_FIELDS order; fewer than 31 fields). */
export const FIELD_BIT: Readonly<Record<string, number>> = Object.fromEntries(LEDGER_FIELDS.map((d, i) => [d.field, 2 ** i]));

/** LedgerStore.opening: an opening balance line (期初余额, 上年结转). */
export const OPENING_LINE = 1;
/** LedgerStore.opening: a page's brought-forward line (承前页) with no earlier page on its sheet. */
export const BROUGHT_FORWARD_LINE = 2;

function filledNaN(n: number): Float64Array {
  return new Float64Array(n).fill(NaN);
}

/**
 * A column for n rows, sized once (grown by push, a million-row column is copied a dozen times
 * over). Not filled: readLedgerRows writes every row's cell, blank or not.
 */
function sizedColumn<T>(n: number): (T | null)[] {
  return new Array<T | null>(n);
}

/**
 * The ledger's values, column by column: typed arrays for numbers (NaN = none), plain arrays
 * only for the text columns the sheet has. A million rows of 30 fields as objects would cost
 * more in allocation and garbage collection than everything else together; as columns they
 * cost a few typed arrays, and each LedgerRow is a two-field view.
 */
export class LedgerStore {
  length = 0;
  readonly sheetRow: Int32Array;
  readonly valueIndex: Int32Array;
  readonly issueMask: Int32Array;
  readonly derived: Uint8Array;
  /** OPENING_LINE for an opening balance line (期初余额, 上年结转), BROUGHT_FORWARD_LINE for a page's 承前页, 0 for an ordinary line. */
  readonly opening: Uint8Array;
  readonly text: Record<LedgerTextField, (string | null)[] | null>;
  readonly date: Record<LedgerDateField, Float64Array | null>;
  readonly fen: Record<LedgerMoneyField, Float64Array | null>;
  /** Amounts off the fast path (not whole fen, or beyond ±10^13 yuan), by row index. */
  readonly exact: Record<LedgerMoneyField, Map<number, Decimal>>;
  /** Opening lines whose amount is their balance (nothing in their own 借方 or 贷方), by row index. */
  readonly amountFromBalance = new Set<number>();
  /** Credit terms a line gives in months or as month-end settlement (3个月, 月结60天), by line: layout.applyCreditTerms dates them. */
  readonly creditTerms = new Map<number, CreditTerm>();
  /**
   * A brought-forward line's 借方 and 贷方 as stated (the earlier pages' totals, exact: fen or a
   * Decimal), by row index: not its amounts, but part of the sums a 本年累计 or 过次页 states.
   */
  readonly broughtForward = new Map<number, { amount: number | Decimal | null; received: number | Decimal | null }>();
  /**
   * The amount column is a 借方 (debit) and the received column a 贷方 (credit), as in a 明细账:
   * a figure's side says what the line is, whatever its type text says (transactionKind).
   */
  sided = false;
  /**
   * In a ledger of one amount column, the sign of a receipt-typed line's amount that makes it a
   * receipt reversed (-1: receipts are written positive; 1: negative; 0: none is): transactions.reversedReceiptSign.
   */
  reversedReceiptSign: -1 | 0 | 1 = 0;
  /** Lines are typed by their 摘要 (one amount column, no received, balance or type column: transactions.typeText). */
  typedByNote = false;
  /**
   * Open-items lines a 状态 of 已结清 settled over a blank 余额: what amount − received had left
   * (fen), by row index — received on the line's 收款日期, when it has one (as-of.prepareAsOf).
   */
  readonly statusSettled = new Map<number, number>();
  /**
   * Open-items lines whose received amount is the sum of installment columns (installments.ts):
   * each dated payment (whole fen) with its date, by row index. On a date before a payment, as-of
   * takes that payment back out of what was received (as-of.prepareAsOf).
   */
  readonly installments = new Map<number, { date: number; fen: number }[]>();
  /**
   * The index (into a row of `values`) of a column numbering each document's lines (行号,
   * 分录号), when each document's lines are numbered from 1 up by one (1, 2, 1…); -1 otherwise. A document and its line number
   * name one line: an invoice of three goods is three lines of one 发票号, not a duplicate.
   */
  lineColumn = -1;
  creditDays: Float64Array | null;
  readonly dateParts: Record<LedgerDatePartField, Float64Array | null>;
  probability: (Decimal | null)[] | null;

  constructor(
    readonly sheet: string,
    readonly values: readonly unknown[][],
    readonly capacity: number,
    mapped: ReadonlySet<string>,
  ) {
    this.sheetRow = new Int32Array(capacity);
    this.valueIndex = new Int32Array(capacity);
    this.issueMask = new Int32Array(capacity);
    this.derived = new Uint8Array(capacity);
    this.opening = new Uint8Array(capacity);
    const text = {} as Record<LedgerTextField, (string | null)[] | null>;
    for (const f of TEXT_FIELDS) text[f] = mapped.has(f) ? sizedColumn<string>(capacity) : null;
    this.text = text;
    const date = {} as Record<LedgerDateField, Float64Array | null>;
    for (const f of DATE_FIELDS) date[f] = mapped.has(f) ? filledNaN(capacity) : null;
    this.date = date;
    const fen = {} as Record<LedgerMoneyField, Float64Array | null>;
    const exact = {} as Record<LedgerMoneyField, Map<number, Decimal>>;
    for (const f of MONEY_FIELDS) {
      fen[f] = mapped.has(f) ? filledNaN(capacity) : null;
      exact[f] = new Map();
    }
    // A derived balance needs a column even when the sheet has none.
    if (fen.balance === null && mapped.has("amount")) fen.balance = filledNaN(capacity);
    this.fen = fen;
    this.exact = exact;
    this.creditDays = mapped.has("creditDays") ? filledNaN(capacity) : null;
    const parts = {} as Record<LedgerDatePartField, Float64Array | null>;
    for (const f of DATE_PART_FIELDS) parts[f] = mapped.has(f) ? filledNaN(capacity) : null;
    this.dateParts = parts;
    this.probability = mapped.has("recoveryProbability") ? sizedColumn<Decimal>(capacity) : null;
  }

  /**
   * A new store holding rows `indices` of this one (in that order), every column copied: the
   * as-of view sets open items' received and balance there, and the rows as read stay as read.
   */
  subset(indices: readonly number[]): LedgerStore {
    const n = indices.length;
    const mapped = new Set<string>();
    for (const f of TEXT_FIELDS) if (this.text[f] !== null) mapped.add(f);
    for (const f of DATE_FIELDS) if (this.date[f] !== null) mapped.add(f);
    for (const f of MONEY_FIELDS) if (this.fen[f] !== null) mapped.add(f);
    for (const f of DATE_PART_FIELDS) if (this.dateParts[f] !== null) mapped.add(f);
    if (this.creditDays !== null) mapped.add("creditDays");
    if (this.probability !== null) mapped.add("recoveryProbability");
    const out = new LedgerStore(this.sheet, this.values, n, mapped);
    out.length = n;
    out.sided = this.sided;
    out.reversedReceiptSign = this.reversedReceiptSign;
    out.typedByNote = this.typedByNote;
    out.lineColumn = this.lineColumn;
    const gather = <A extends Int32Array | Uint8Array | Float64Array>(from: A, to: A): void => {
      for (let k = 0; k < n; k++) to[k] = from[indices[k]];
    };
    gather(this.sheetRow, out.sheetRow);
    gather(this.valueIndex, out.valueIndex);
    gather(this.issueMask, out.issueMask);
    gather(this.derived, out.derived);
    gather(this.opening, out.opening);
    for (const f of TEXT_FIELDS) {
      const from = this.text[f];
      const to = out.text[f];
      if (from !== null && to !== null) for (let k = 0; k < n; k++) to[k] = from[indices[k]] ?? null;
    }
    for (const f of DATE_FIELDS) {
      const from = this.date[f];
      const to = out.date[f];
      if (from !== null && to !== null) gather(from, to);
    }
    for (const f of DATE_PART_FIELDS) {
      const from = this.dateParts[f];
      const to = out.dateParts[f];
      if (from !== null && to !== null) gather(from, to);
    }
    for (const f of MONEY_FIELDS) {
      const from = this.fen[f];
      if (from !== null) gather(from, out.fenColumn(f));
      const exact = this.exact[f];
      if (exact.size > 0) for (let k = 0; k < n; k++) {
        const d = exact.get(indices[k]);
        if (d !== undefined) out.exact[f].set(k, d);
      }
    }
    if (this.creditDays !== null && out.creditDays !== null) gather(this.creditDays, out.creditDays);
    if (this.probability !== null && out.probability !== null) for (let k = 0; k < n; k++) out.probability[k] = this.probability[indices[k]] ?? null;
    return out;
  }

  append(sheetRow: number, valueIndex: number): number {
    const i = this.length++;
    this.sheetRow[i] = sheetRow;
    this.valueIndex[i] = valueIndex;
    return i;
  }

  /** A text column, made (all blank) when the sheet has none: for a value the layout supplies. */
  textColumn(field: LedgerTextField): (string | null)[] {
    let col = this.text[field];
    if (col === null) {
      col = new Array<string | null>(this.capacity).fill(null);
      this.text[field] = col;
    }
    return col;
  }

  /** A date column, made (all blank) when the sheet has none. */
  dateColumn(field: LedgerDateField): Float64Array {
    let col = this.date[field];
    if (col === null) {
      col = filledNaN(this.capacity);
      this.date[field] = col;
    }
    return col;
  }

  fenColumn(field: LedgerMoneyField): Float64Array {
    let col = this.fen[field];
    if (col === null) {
      col = filledNaN(this.capacity);
      this.fen[field] = col;
    }
    return col;
  }

  hasMoney(field: LedgerMoneyField, i: number): boolean {
    const col = this.fen[field];
    return (col !== null && col[i] === col[i]) || this.exact[field].has(i);
  }

  money(field: LedgerMoneyField, i: number): Decimal | null {
    const col = this.fen[field];
    if (col !== null) {
      const f = col[i];
      if (f === f) return this.exact[field].get(i) ?? fenToDecimal(f);
    }
    return this.exact[field].get(i) ?? null;
  }

  setMoney(field: LedgerMoneyField, i: number, fen: number, dec: Decimal | null): void {
    const col = fen === fen ? this.fenColumn(field) : this.fen[field];
    if (col !== null) col[i] = fen;
    if (dec === null) this.exact[field].delete(i);
    else this.exact[field].set(i, dec);
  }

  /** Whether a field has a value in row i. */
  has(field: LedgerField, i: number): boolean {
    switch (field) {
      case "amount":
      case "received":
      case "balance":
      case "contractAmount":
      case "expectedRecovery":
      case "allowance":
        return this.hasMoney(field, i);
      case "dateArisen":
      case "dueDate":
      case "lastConfirmed":
      case "lastPaymentDate":
      case "targetDate": {
        const col = this.date[field];
        return col !== null && col[i] === col[i];
      }
      case "creditDays":
        return this.creditDays !== null && this.creditDays[i] === this.creditDays[i];
      case "year":
      case "month":
      case "day": {
        const col = this.dateParts[field];
        return col !== null && col[i] === col[i];
      }
      case "recoveryProbability":
        return this.probability !== null && this.probability[i] !== null;
      default: {
        const col = this.text[field];
        return col !== null && col[i] !== null;
      }
    }
  }
}

function textAt(col: (string | null)[] | null, i: number): string | null {
  return col === null ? null : col[i];
}

function dateAt(col: Float64Array | null, i: number): DayNumber | null {
  if (col === null) return null;
  const d = col[i];
  return d === d ? d : null;
}

export function fenAt(col: Float64Array | null, i: number): number {
  return col === null ? NaN : col[i];
}

function moneyText(store: LedgerStore, field: LedgerMoneyField, i: number): string | null {
  const dec = store.exact[field].get(i);
  if (dec !== undefined) return dec.toFixed(Math.max(2, dec.decimalPlaces()));
  const fen = fenAt(store.fen[field], i);
  return fen === fen ? formatFen(fen) : null;
}

/**
 * One receivable (or, in a transactions ledger, one invoice or receipt) as read. Every field
 * is null when the ledger has no such column, the cell is blank, or the cell could not be read
 * (then there is a ParseIssue for it).
 *
 * Money fields are Decimals (`amount`, `received`, `balance`, ...), made on each access
 * (keep the value if you need it twice). Each has a `...Fen` twin: the exact amount in
 * integer fen, NaN when the amount is missing or not a whole number of fen within ±10^13 yuan
 * (then only the Decimal holds it). Bulk code (sums over a million rows) should use the fen
 * twins, falling back to the Decimal where a twin is NaN and hasMoney says there is a value.
 */
export class LedgerRow {
  constructor(
    private readonly store: LedgerStore,
    private readonly i: number,
  ) {}

  get sheet(): string {
    return this.store.sheet;
  }
  /** 1-based sheet row. */
  get row(): number {
    return this.store.sheetRow[this.i];
  }
  /** The row's cells as given (for surfaces that show or copy the original row). */
  get raw(): readonly unknown[] {
    return this.store.values[this.store.valueIndex[this.i]];
  }
  get customer(): string | null {
    return textAt(this.store.text.customer, this.i);
  }
  /** The line's number within its document (LedgerStore.lineColumn), as text; null when the ledger numbers no lines. */
  get lineNumber(): string | null {
    const c = this.store.lineColumn;
    if (c < 0) return null;
    const v = this.raw[c];
    return v === null || v === undefined || v === "" ? null : String(v).trim();
  }
  get customerCode(): string | null {
    return textAt(this.store.text.customerCode, this.i);
  }
  get project(): string | null {
    return textAt(this.store.text.project, this.i);
  }
  get department(): string | null {
    return textAt(this.store.text.department, this.i);
  }
  get document(): string | null {
    return textAt(this.store.text.document, this.i);
  }
  get voucher(): string | null {
    return textAt(this.store.text.voucher, this.i);
  }
  get appliesTo(): string | null {
    return textAt(this.store.text.appliesTo, this.i);
  }
  get direction(): string | null {
    return textAt(this.store.text.direction, this.i);
  }
  get status(): string | null {
    return textAt(this.store.text.status, this.i);
  }
  get collector(): string | null {
    return textAt(this.store.text.collector, this.i);
  }
  get type(): string | null {
    return textAt(this.store.text.type, this.i);
  }
  get agingLabel(): string | null {
    return textAt(this.store.text.agingLabel, this.i);
  }
  get note(): string | null {
    return textAt(this.store.text.note, this.i);
  }
  get dateArisen(): DayNumber | null {
    return dateAt(this.store.date.dateArisen, this.i);
  }
  get dueDate(): DayNumber | null {
    return dateAt(this.store.date.dueDate, this.i);
  }
  get lastConfirmed(): DayNumber | null {
    return dateAt(this.store.date.lastConfirmed, this.i);
  }
  get lastPaymentDate(): DayNumber | null {
    return dateAt(this.store.date.lastPaymentDate, this.i);
  }
  get targetDate(): DayNumber | null {
    return dateAt(this.store.date.targetDate, this.i);
  }
  get creditDays(): number | null {
    return dateAt(this.store.creditDays, this.i);
  }
  get recoveryProbability(): Decimal | null {
    const col = this.store.probability;
    return col === null ? null : col[this.i];
  }
  get amountFen(): number {
    return fenAt(this.store.fen.amount, this.i);
  }
  get receivedFen(): number {
    return fenAt(this.store.fen.received, this.i);
  }
  get balanceFen(): number {
    return fenAt(this.store.fen.balance, this.i);
  }
  get contractAmountFen(): number {
    return fenAt(this.store.fen.contractAmount, this.i);
  }
  get expectedRecoveryFen(): number {
    return fenAt(this.store.fen.expectedRecovery, this.i);
  }
  /** The allowance (坏账准备) the books hold against the item, when the ledger has that column. */
  get allowanceFen(): number {
    return fenAt(this.store.fen.allowance, this.i);
  }
  get amount(): Decimal | null {
    return this.store.money("amount", this.i);
  }
  get received(): Decimal | null {
    return this.store.money("received", this.i);
  }
  get balance(): Decimal | null {
    return this.store.money("balance", this.i);
  }
  get contractAmount(): Decimal | null {
    return this.store.money("contractAmount", this.i);
  }
  get expectedRecovery(): Decimal | null {
    return this.store.money("expectedRecovery", this.i);
  }
  get allowance(): Decimal | null {
    return this.store.money("allowance", this.i);
  }
  /** The balance was not in the ledger: amount − received (a blank received counts as 0), or allocation's result. */
  get balanceDerived(): boolean {
    return this.store.derived[this.i] === 1;
  }
  set balanceDerived(value: boolean) {
    this.store.derived[this.i] = value ? 1 : 0;
  }
  /** An opening balance line (期初余额, 上年结转): what the period started with, not a transaction of it. */
  get isOpening(): boolean {
    return this.store.opening[this.i] !== 0;
  }
  /** A page's 承前页 line read as an opening line: what it brings comes from the pages before it, whatever their dates. */
  get isBroughtForward(): boolean {
    return this.store.opening[this.i] === BROUGHT_FORWARD_LINE;
  }
  /** An opening line whose amount is its balance, taken because its own 借方 and 贷方 were blank. */
  get amountFromBalance(): boolean {
    return this.store.amountFromBalance.has(this.i);
  }
  /** A brought-forward line's stated 借方 or 贷方 (see LedgerStore.broughtForward); null otherwise. */
  broughtForwardMoney(field: "amount" | "received"): number | Decimal | null {
    return this.store.broughtForward.get(this.i)?.[field] ?? null;
  }
  /** The store and the index this view reads (for code that works on columns). */
  get index(): number {
    return this.i;
  }
  get source(): LedgerStore {
    return this.store;
  }
  /** Fields with a ParseIssue on this row (bits in LEDGER_FIELDS order); see hasIssue. */
  get issueMask(): number {
    return this.store.issueMask[this.i];
  }

  /** Sets a money field: fen (NaN when not fen-exact) and/or the Decimal (null when fen says it all). */
  setMoney(field: LedgerMoneyField, fen: number, dec: Decimal | null): void {
    this.store.setMoney(field, this.i, fen, dec);
  }

  /** Whether a ParseIssue was recorded for the field on this row. */
  hasIssue(field: LedgerField): boolean {
    const mask = this.store.issueMask[this.i];
    return mask !== 0 && (mask & (FIELD_BIT[field] ?? 0)) !== 0;
  }

  /** Whether a money field has a value, without making a Decimal. */
  hasMoney(field: LedgerMoneyField): boolean {
    return this.store.hasMoney(field, this.i);
  }

  /** -1, 0 or 1 for a money field's sign; NaN when it has no value. No Decimal is made on the fast path. */
  moneySign(field: LedgerMoneyField): number {
    const col = this.store.fen[field];
    const f = col === null ? NaN : col[this.i];
    const dec = this.store.exact[field].get(this.i);
    if (dec !== undefined) return dec.isZero() ? 0 : dec.isNegative() ? -1 : 1;
    if (f === f) return f > 0 ? 1 : f < 0 ? -1 : 0;
    return NaN;
  }

  /** A plain object for JSON: money as exact decimal strings ("1234.50"), dates as yyyy-mm-dd. */
  toJSON(): Record<string, string | number | boolean | null> {
    const day = (d: DayNumber | null) => (d === null ? null : formatIsoDate(d));
    const s = this.store;
    const i = this.i;
    return {
      sheet: this.sheet,
      row: this.row,
      customer: this.customer,
      customerCode: this.customerCode,
      project: this.project,
      department: this.department,
      document: this.document,
      voucher: this.voucher,
      appliesTo: this.appliesTo,
      dateArisen: day(this.dateArisen),
      creditDays: this.creditDays,
      dueDate: day(this.dueDate),
      amount: moneyText(s, "amount", i),
      received: moneyText(s, "received", i),
      balance: moneyText(s, "balance", i),
      balanceDerived: this.balanceDerived,
      contractAmount: moneyText(s, "contractAmount", i),
      status: this.status,
      recoveryProbability: this.recoveryProbability === null ? null : this.recoveryProbability.toString(),
      expectedRecovery: moneyText(s, "expectedRecovery", i),
      // Only where the ledger has the column: every other reading's rows keep their shape.
      ...(s.fen.allowance !== null ? { allowance: moneyText(s, "allowance", i) } : {}),
      lastConfirmed: day(this.lastConfirmed),
      lastPaymentDate: day(this.lastPaymentDate),
      targetDate: day(this.targetDate),
      collector: this.collector,
      type: this.type,
      agingLabel: this.agingLabel,
      note: this.note,
    };
  }
}

