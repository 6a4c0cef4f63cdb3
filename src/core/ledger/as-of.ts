/**
 * The ledger as of a date: the items a ledger closed on that date would show open.
 *
 * - Every line dated after the as-of date is left out (invoices, receipts, reversals, credit
 *   memos), and counted: aging last month-end after this month's entries are posted is what
 *   accountants do every month.
 * - Credits net against the same customer's items: a receipt, a red reversal (negative 借方) or a
 *   credit memo (a negative balance in a bill list) pays the invoice it names in a column meant
 *   for that (对应单据, 核销单号), or the invoice carrying its own document number, else the
 *   oldest open items first (FIFO: by date arisen, then due date, then sheet row). An invoice
 *   line that carries its own received amount pays itself first.
 * - Only a customer's net credit is an advance (预收), kept apart from the aging.
 * - An item with nothing left open is settled: not an open item, not in any count of them.
 *
 * The lines as read are never changed: an open item whose balance the view works out is a row of
 * a new store (LedgerStore.subset) holding its received and balance as of the date.
 */
import type Decimal from "decimal.js";
import type { DayNumber } from "../calendar";
import { Dec, quoteInput } from "../money";
import { fenOfDecimal, fenToDecimal } from "./cell-reader";
import { LEDGER_FIELDS, type LedgerField } from "./headers";
import { LedgerRow, type LedgerStore } from "./ledger-store";
import type { ParseIssue } from "./parse-issues";
import { transactionKind } from "./transactions";

/** One credit's share applied to one item. */
export class Allocation {
  constructor(
    readonly sheet: string,
    /** Sheet row of the credit (the invoice's own row when the invoice line carries its receipt). */
    readonly receiptRow: number,
    readonly itemRow: number,
    /** Exact fen; NaN when the amount is not whole fen (then see `amount`). */
    readonly amountFen: number,
    private readonly exact: Decimal | null,
  ) {}

  get amount(): Decimal {
    return this.exact ?? fenToDecimal(this.amountFen);
  }
}

/** A customer's credits that no open item took on the as-of date: an advance received (预收). */
export interface Advance {
  /** The customer as first written in the ledger; null for receipts without a customer. */
  customer: string | null;
  amountFen: number;
  amount: Decimal;
  /** The sheet and rows of the credits that left it. */
  sheet: string;
  rows: number[];
}

/** Lines the view left out because they are dated after the as-of date. */
export interface LeftOut {
  count: number;
  /** Of them: invoices or items (debits). */
  items: number;
  /** Of them: receipts, reversals, credit memos. */
  credits: number;
  /** The first such line, for messages. */
  first: { sheet: string; row: number; date: DayNumber } | null;
  /** The latest date among them. */
  latest: DayNumber | null;
}

export interface AsOfView {
  asOf: DayNumber;
  /** Items open on the as-of date (a balance other than zero, or unknown), in sheet order. */
  open: LedgerRow[];
  /** Items fully settled on the as-of date (count). */
  settled: number;
  /** Those items, in sheet order, with what was received on them as of the date. */
  settledRows: LedgerRow[];
  /** Lines that were credits applied (receipts, reversals, credit memos). */
  credits: number;
  advances: Advance[];
  leftOut: LeftOut;
  /** The latest date any line carries (left-out lines included): the export is no older. */
  latestDate: DayNumber | null;
  allocations: Allocation[];
  /** unknown-document (a credit naming, in a column meant for it, an invoice the customer lacks) and unallocated-receipt. */
  issues: ParseIssue[];
}

/** How the view reads the lines: a transactions ledger's invoices and receipts, or an open-items list's balances. */
export type ViewShape = "open-items" | "transactions";

export interface AsOfOptions {
  shape: ViewShape;
  /** Sheet column letter of each mapped field (per sheet), for issues. */
  columns: (sheet: string) => Partial<Record<LedgerField, string>>;
}

// ---------------------------------------------------------------------------------------------
// Exact arithmetic, two ways
// ---------------------------------------------------------------------------------------------

/** The few operations allocation needs: on integer fen (fast) or on Decimals (any amount). */
interface Arith<T> {
  zero: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  min(a: T, b: T): T;
  positive(a: T): boolean;
  fen(a: T): number;
  dec(a: T): Decimal | null;
}

const FEN_ARITH: Arith<number> = {
  zero: 0,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  min: (a, b) => (a < b ? a : b),
  positive: (a) => a > 0,
  fen: (a) => a,
  dec: () => null,
};

const DEC_ARITH: Arith<Decimal> = {
  zero: new Dec(0),
  add: (a, b) => a.plus(b),
  sub: (a, b) => a.minus(b),
  min: (a, b) => (a.lt(b) ? a : b),
  positive: (a) => a.gt(0),
  fen: fenOfDecimal,
  dec: (a) => a,
};

// ---------------------------------------------------------------------------------------------
// Lines
// ---------------------------------------------------------------------------------------------

const ITEM = 1;
const CREDIT = 2;

/** A line's part in the view, with the amounts allocation reads (exact: fen when whole, else Decimal). */
interface Line {
  row: LedgerRow;
  kind: typeof ITEM | typeof CREDIT;
  /** An item's amount (what it was billed at, or its balance in an open-items list); a credit's amount. */
  fen: number;
  dec: Decimal | null;
  /** An item line's own received amount (transactions ledger: an invoice line that carries its receipt). */
  ownFen: number;
  ownDec: Decimal | null;
}

function fenOrDec(fen: number, dec: Decimal | null): { fen: number; dec: Decimal | null } {
  return { fen, dec: fen === fen ? null : dec };
}

/** The amounts of a transactions ledger's line, by its kind (transactions.transactionKind). */
function transactionLine(row: LedgerRow): Line | null {
  const kind = transactionKind(row);
  if (kind === null) return null;
  if (kind === "invoice") {
    const amount = row.hasMoney("amount") ? fenOrDec(row.amountFen, row.amount) : fenOrDec(row.balanceFen, row.balance);
    const own = row.hasMoney("received") ? fenOrDec(row.receivedFen, row.received) : { fen: 0, dec: null };
    return { row, kind: ITEM, fen: amount.fen, dec: amount.dec, ownFen: own.fen, ownDec: own.dec };
  }
  // A receipt: its received amount, else |amount| (a red reversal, or a receipt typed as such).
  const rf = row.receivedFen;
  if ((rf === rf && rf !== 0) || (rf !== rf && row.received !== null && !row.received.isZero())) {
    const r = fenOrDec(rf, row.received);
    // A negative 贷方 is a receipt reversed: it is owed again, an item of its own.
    if (r.fen === r.fen ? r.fen < 0 : (r.dec as Decimal).isNegative()) {
      return { row, kind: ITEM, fen: r.fen === r.fen ? -r.fen : NaN, dec: r.dec === null ? null : r.dec.neg(), ownFen: 0, ownDec: null };
    }
    return { row, kind: CREDIT, fen: r.fen, dec: r.dec, ownFen: 0, ownDec: null };
  }
  const af = row.amountFen;
  const a = af === af ? { fen: Math.abs(af), dec: null } : { fen: NaN, dec: (row.amount ?? new Dec(0)).abs() };
  return { row, kind: CREDIT, fen: a.fen, dec: a.dec, ownFen: 0, ownDec: null };
}

/** An open-items list's line: its balance, an item when positive, a credit (memo, overpayment) when negative. */
function openItemLine(row: LedgerRow): Line | "settled" | "unknown" {
  const sign = row.moneySign("balance");
  if (sign !== sign) return "unknown";
  if (sign === 0) return "settled";
  const b = fenOrDec(row.balanceFen, row.balance);
  if (sign > 0) return { row, kind: ITEM, fen: b.fen, dec: b.dec, ownFen: 0, ownDec: null };
  return { row, kind: CREDIT, fen: b.fen === b.fen ? -b.fen : NaN, dec: b.dec === null ? null : b.dec.neg(), ownFen: 0, ownDec: null };
}

/** A name or document number as compared: NFKC, lower case, no white space. */
function keyOf(text: string | null): string | null {
  if (text === null) return null;
  let plain = true;
  for (let i = 0; i < text.length && plain; i++) {
    const c = text.charCodeAt(i);
    plain = c > 0x20 && c < 0x7f && !(c >= 0x41 && c <= 0x5a);
  }
  if (plain) return text === "" ? null : text;
  const k = text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  return k === "" ? null : k;
}

/** keyOf with a memory: customer names repeat on every row of a customer. */
function keyCache(): (text: string | null) => string | null {
  const seen = new Map<string, string | null>();
  return (text) => {
    if (text === null) return null;
    let k = seen.get(text);
    if (k === undefined) {
      k = keyOf(text);
      if (seen.size < 1 << 16) seen.set(text, k);
    }
    return k;
  };
}

/** The date a line counts from for the as-of cut and for FIFO: its date arisen, else its due date. */
function lineDate(row: LedgerRow): DayNumber | null {
  return row.dateArisen ?? row.dueDate;
}

function oldestFirst(a: Line, b: Line): number {
  const da = lineDate(a.row) ?? Number.POSITIVE_INFINITY;
  const db = lineDate(b.row) ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return a.row.sheet === b.row.sheet ? a.row.row - b.row.row : a.row.sheet < b.row.sheet ? -1 : 1;
}

const LABELS = new Map(LEDGER_FIELDS.map((d) => [d.field as string, d.label]));

function issue(options: AsOfOptions, row: LedgerRow, field: LedgerField, kind: ParseIssue["issue"], value: unknown, zh: string, en: string): ParseIssue {
  const column = options.columns(row.sheet)[field] ?? "";
  const label = LABELS.get(field) ?? { "zh-CN": field, "en-US": field };
  return {
    sheet: row.sheet,
    row: row.row,
    column,
    field,
    issue: kind,
    severity: "warning",
    value: value === null || value === undefined ? "" : quoteInput(value),
    zh: `工作表“${row.sheet}”第 ${row.row} 行 ${column} 列（${label["zh-CN"]}）：${zh}`,
    en: `Sheet "${row.sheet}", row ${row.row}, column ${column} (${label["en-US"]}): ${en}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Allocation
// ---------------------------------------------------------------------------------------------

interface Item<T> {
  line: Line;
  amount: T;
  open: T;
  doc: string | null;
}

interface Credit<T> {
  line: Line;
  left: T;
}

/** One customer's items and credits, allocated with one arithmetic. */
function allocateCustomer<T>(
  arith: Arith<T>,
  amountOf: (line: Line) => T,
  ownOf: (line: Line) => T,
  itemLines: readonly Line[],
  creditLines: readonly Line[],
  options: AsOfOptions,
  out: { allocations: Allocation[]; issues: ParseIssue[] },
): { items: Item<T>[]; credit: T; creditRows: LedgerRow[] } {
  const items: Item<T>[] = [...itemLines].sort(oldestFirst).map((line) => {
    const amount = amountOf(line);
    return { line, amount, open: amount, doc: keyOf(line.row.document) };
  });
  const apply = (credit: Credit<T>, item: Item<T>): void => {
    const share = arith.min(credit.left, item.open);
    if (!arith.positive(share)) return;
    credit.left = arith.sub(credit.left, share);
    item.open = arith.sub(item.open, share);
    out.allocations.push(new Allocation(credit.line.row.sheet, credit.line.row.row, item.line.row.row, arith.fen(share), arith.dec(share)));
  };

  // An invoice line that carries its own received amount pays itself first.
  const leftovers: Credit<T>[] = [];
  for (const item of items) {
    const own = ownOf(item.line);
    if (!arith.positive(own)) continue;
    const credit: Credit<T> = { line: item.line, left: own };
    apply(credit, item);
    if (arith.positive(credit.left)) leftovers.push(credit);
  }

  const byDoc = new Map<string, Item<T>[]>();
  for (const item of items) {
    if (item.doc === null) continue;
    const list = byDoc.get(item.doc);
    if (list === undefined) byDoc.set(item.doc, [item]);
    else list.push(item);
  }
  const credits: Credit<T>[] = [...creditLines].sort(oldestFirst).map((line) => ({ line, left: amountOf(line) }));

  // Credits naming an invoice go to it first (all of them before any FIFO credit, so an earlier
  // unnamed credit cannot take an item a later one names). A column meant for it (对应单据)
  // names an invoice; a credit's own document number names one only when the customer has it.
  for (const credit of credits) {
    const row = credit.line.row;
    const applies = keyOf(row.appliesTo);
    if (applies !== null) {
      const named = byDoc.get(applies);
      if (named === undefined) {
        out.issues.push(
          issue(
            options,
            row,
            "appliesTo",
            "unknown-document",
            row.appliesTo,
            `所冲单据“${row.appliesTo ?? ""}”在该客户的发票中找不到，已按先进先出冲销最早的未清款项。`,
            `the credit names document "${row.appliesTo ?? ""}", which none of this customer's invoices has; it was applied to the oldest open items (FIFO).`,
          ),
        );
        continue;
      }
      for (const item of named) apply(credit, item);
      continue;
    }
    const own = keyOf(row.document);
    const named = own === null ? undefined : byDoc.get(own);
    if (named !== undefined) for (const item of named) apply(credit, item);
  }

  // FIFO: every credit's remainder, in date order, to the oldest open items.
  let next = 0;
  for (const credit of [...leftovers, ...credits]) {
    while (arith.positive(credit.left) && next < items.length) {
      if (arith.positive(items[next].open)) apply(credit, items[next]);
      if (!arith.positive(items[next].open)) next++;
    }
  }

  let left = arith.zero;
  const creditRows: LedgerRow[] = [];
  for (const credit of [...leftovers, ...credits]) {
    if (!arith.positive(credit.left)) continue;
    left = arith.add(left, credit.left);
    creditRows.push(credit.line.row);
  }
  return { items, credit: left, creditRows };
}

const fenAmount = (line: Line): number => line.fen;
const fenOwn = (line: Line): number => line.ownFen;
const decAmount = (line: Line): Decimal => line.dec ?? fenToDecimal(line.fen);
const decOwn = (line: Line): Decimal => line.ownDec ?? (line.ownFen === line.ownFen ? fenToDecimal(line.ownFen) : new Dec(0));

/** Whether a customer's amounts are all whole fen, and their total stays exact in a double. */
function fitsFen(lines: readonly Line[]): boolean {
  let total = 0;
  for (const line of lines) {
    if (line.fen !== line.fen || line.ownFen !== line.ownFen) return false;
    total += Math.abs(line.fen) + Math.abs(line.ownFen);
  }
  return total <= Number.MAX_SAFE_INTEGER;
}

/** What an item is as of the date: its received (own + allocated) and what is left open. */
interface Outcome {
  row: LedgerRow;
  amountFen: number;
  amountDec: Decimal | null;
  receivedFen: number;
  receivedDec: Decimal | null;
  openFen: number;
  openDec: Decimal | null;
}

/**
 * The ledger's lines as of `asOf` (see the file comment). `rows` are the lines as read, in sheet
 * order (several sheets' lines may follow each other).
 */
export function openItemsAsOf(rows: readonly LedgerRow[], asOf: DayNumber, options: AsOfOptions): AsOfView {
  const out = { allocations: [] as Allocation[], issues: [] as ParseIssue[] };
  const leftOut: LeftOut = { count: 0, items: 0, credits: 0, first: null, latest: null };
  let latestDate: DayNumber | null = null;
  const customerKey = keyCache();
  const groups = new Map<string, { name: string; items: Line[]; credits: Line[] }>();
  const noCustomer = { name: "", items: [] as Line[], credits: [] as Line[] };
  /** Per row (by position in rows): 0 not an item, 1 an item allocated below, 2 open as read, 3 settled as read. */
  const state = new Uint8Array(rows.length);
  const position = new Map<LedgerRow, number>();
  let settled = 0;
  let creditCount = 0;
  const orphans: LedgerRow[] = [];
  let orphanTotal = new Dec(0);

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const date = lineDate(row);
    if (date !== null && (latestDate === null || date > latestDate)) latestDate = date;
    let line: Line | null;
    if (options.shape === "transactions") line = transactionLine(row);
    else {
      const l = openItemLine(row);
      if (l === "settled") {
        if (date !== null && date > asOf) countLeftOut(leftOut, row, date, ITEM);
        else {
          settled++;
          state[i] = 3;
        }
        continue;
      }
      if (l === "unknown") {
        // No balance to allocate (its issue says why): open as read, so nothing drops out unsaid.
        if (date !== null && date > asOf) countLeftOut(leftOut, row, date, ITEM);
        else state[i] = 2;
        continue;
      }
      line = l;
    }
    if (line === null) continue;
    if (date !== null && date > asOf) {
      countLeftOut(leftOut, row, date, line.kind);
      continue;
    }
    const key = customerKey(row.customer);
    if (key === null) {
      if (line.kind === CREDIT) {
        const v = decAmount(line);
        orphanTotal = orphanTotal.plus(v);
        orphans.push(row);
        out.issues.push(
          issue(
            options,
            row,
            "customer",
            "unallocated-receipt",
            null,
            `这笔收款或贷项（${v.toString()} 元）没有客户，无法冲销任何款项，计入未分配的收款。`,
            `this receipt or credit (${v.toString()} yuan) has no customer, so it cannot be applied to any item; it is counted as unapplied.`,
          ),
        );
        creditCount++;
      } else {
        noCustomer.items.push(line);
        state[i] = 1;
        position.set(row, i);
      }
      continue;
    }
    let g = groups.get(key);
    if (g === undefined) {
      g = { name: row.customer ?? "", items: [], credits: [] };
      groups.set(key, g);
    }
    if (line.kind === ITEM) {
      g.items.push(line);
      state[i] = 1;
      position.set(row, i);
    } else {
      g.credits.push(line);
      creditCount++;
    }
  }

  // Allocate per customer. An open-items customer without credits keeps its rows as read.
  const outcomes = new Map<number, Outcome>();
  const advances: Advance[] = [];
  for (const g of [...groups.values(), noCustomer]) {
    if (g.items.length === 0 && g.credits.length === 0) continue;
    const unchanged = options.shape === "open-items" && g.credits.length === 0;
    if (unchanged) {
      for (const line of g.items) state[position.get(line.row) as number] = 2;
      continue;
    }
    const lines = [...g.items, ...g.credits];
    const customer = g === noCustomer ? null : g.name;
    if (fitsFen(lines)) {
      const r = allocateCustomer(FEN_ARITH, fenAmount, fenOwn, g.items, g.credits, options, out);
      for (const item of r.items) {
        const row = item.line.row;
        const receivedFen = options.shape === "transactions" ? item.amount - item.open : (row.receivedFen === row.receivedFen ? row.receivedFen : 0) + item.amount - item.open;
        const amountFen = options.shape === "transactions" ? item.amount : row.amountFen;
        outcomes.set(position.get(row) as number, { row, amountFen, amountDec: null, receivedFen, receivedDec: null, openFen: item.open, openDec: null });
      }
      if (r.credit > 0) advances.push({ customer, amountFen: r.credit, amount: fenToDecimal(r.credit), sheet: r.creditRows[0].sheet, rows: r.creditRows.map((x) => x.row) });
    } else {
      const r = allocateCustomer(DEC_ARITH, decAmount, decOwn, g.items, g.credits, options, out);
      for (const item of r.items) {
        const row = item.line.row;
        const applied = item.amount.minus(item.open);
        const received = options.shape === "transactions" ? applied : (row.received ?? new Dec(0)).plus(applied);
        const amount = options.shape === "transactions" ? item.amount : row.amount;
        outcomes.set(position.get(row) as number, {
          row,
          amountFen: amount === null ? NaN : fenOfDecimal(amount),
          amountDec: amount,
          receivedFen: fenOfDecimal(received),
          receivedDec: received,
          openFen: fenOfDecimal(item.open),
          openDec: item.open,
        });
      }
      if (r.credit.gt(0)) advances.push({ customer, amountFen: DEC_ARITH.fen(r.credit), amount: r.credit, sheet: r.creditRows[0].sheet, rows: r.creditRows.map((x) => x.row) });
    }
  }
  if (orphans.length > 0) advances.push({ customer: null, amountFen: DEC_ARITH.fen(orphanTotal), amount: orphanTotal, sheet: orphans[0].sheet, rows: orphans.map((x) => x.row) });

  // Open items in sheet order: as read where nothing changed, else a row of a store holding the
  // item as of the date (one new store per source store, of the changed rows only).
  const changed = new Map<LedgerStore, { indices: number[]; outcomes: Outcome[] }>();
  const open: (LedgerRow | null)[] = [];
  const settledRows: (LedgerRow | null)[] = [];
  const slot = new Map<Outcome, { list: (LedgerRow | null)[]; at: number }>();
  for (let i = 0; i < rows.length; i++) {
    if (state[i] === 2) {
      open.push(rows[i]);
      continue;
    }
    if (state[i] === 3) {
      settledRows.push(rows[i]);
      continue;
    }
    const o = outcomes.get(i);
    if (o === undefined) continue;
    const zero = o.openDec !== null ? o.openDec.isZero() : o.openFen === 0;
    const list = zero ? settledRows : open;
    if (zero) settled++;
    const store = o.row.source;
    let c = changed.get(store);
    if (c === undefined) {
      c = { indices: [], outcomes: [] };
      changed.set(store, c);
    }
    c.indices.push(o.row.index);
    c.outcomes.push(o);
    slot.set(o, { list, at: list.length });
    list.push(null);
  }
  for (const [store, c] of changed) {
    const sub = store.subset(c.indices);
    c.outcomes.forEach((o, k) => {
      if (o.amountFen === o.amountFen || o.amountDec !== null) sub.setMoney("amount", k, o.amountFen, o.amountFen === o.amountFen ? null : o.amountDec);
      sub.setMoney("received", k, o.receivedFen + 0, o.receivedFen === o.receivedFen ? null : o.receivedDec);
      sub.setMoney("balance", k, o.openFen + 0, o.openFen === o.openFen ? null : o.openDec);
      sub.derived[k] = 1;
      const place = slot.get(o) as { list: (LedgerRow | null)[]; at: number };
      place.list[place.at] = new LedgerRow(sub, k);
    });
  }
  out.allocations.sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) || a.receiptRow - b.receiptRow || a.itemRow - b.itemRow);
  return {
    asOf,
    open: open as LedgerRow[],
    settled,
    settledRows: settledRows as LedgerRow[],
    credits: creditCount,
    advances,
    leftOut,
    latestDate,
    allocations: out.allocations,
    issues: out.issues,
  };
}

function countLeftOut(leftOut: LeftOut, row: LedgerRow, date: DayNumber, kind: number): void {
  leftOut.count++;
  if (kind === CREDIT) leftOut.credits++;
  else leftOut.items++;
  if (leftOut.first === null) leftOut.first = { sheet: row.sheet, row: row.row, date };
  if (leftOut.latest === null || date > leftOut.latest) leftOut.latest = date;
}
