/**
 * Transactions ledgers: invoices and receipts as rows (a 明细账 with 借方/贷方, or an invoice
 * list with payment lines). Receipts are allocated to the same customer's open items, oldest
 * first (FIFO), unless a receipt names its document; what is left open becomes the open items,
 * in the same LedgerRow shape as an open-items ledger.
 */
import type Decimal from "decimal.js";
import { Dec, quoteInput } from "../money";
import { LEDGER_FIELDS, type LedgerField } from "./headers";
import { fenOfDecimal, fenToDecimal } from "./cell-reader";
import type { LedgerRow } from "./ledger-store";
import type { ParseIssue } from "./parse-issues";

export type TransactionKind = "invoice" | "receipt";

/** Which amount of a row allocation reads: an invoice's, a receipt's, or an invoice line's own received. */
type AmountRole = TransactionKind | "own";

/**
 * Words in a type column that make a row a receipt (收款, 回款, 收到, 到账, 预收, payment...),
 * unless the text also says it is a receivable (应收款 contains 收款; 未收 is still owed).
 */
const RECEIPT_WORDS = ["收款", "回款", "收到", "到账", "到帐", "预收", "收回", "receipt", "payment", "paid", "collection", "remittance", "cash received"];
const RECEIVABLE_WORDS = ["应收", "未收", "receivable", "unpaid"];

function normalizeWords(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** Whether a type text names a receipt (see RECEIPT_WORDS). */
export function isReceiptType(type: string | null): boolean {
  if (type === null) return false;
  const t = normalizeWords(type);
  return RECEIPT_WORDS.some((w) => t.includes(w)) && !RECEIVABLE_WORDS.some((w) => t.includes(w));
}

/**
 * What a row of a transactions ledger is:
 * - a receipt when its type column says so (收款/回款/receipt/payment...), when its amount is
 *   negative and it has no received amount, or when it has a received amount but no amount
 *   (blank or 0) — a 贷方-only line;
 * - an invoice when its amount is positive, or when it has neither amount nor received but a
 *   balance (an opening balance line, 期初余额);
 * - null otherwise (nothing to allocate: a zero line, or a row whose amounts could not be read).
 */
export function transactionKind(row: LedgerRow): TransactionKind | null {
  const amountSign = row.moneySign("amount");
  const receivedSign = row.moneySign("received");
  const hasReceived = receivedSign === receivedSign && receivedSign !== 0;
  if (isReceiptType(row.type)) return amountSign === amountSign || hasReceived ? "receipt" : null;
  if (amountSign === -1 && !hasReceived) return "receipt";
  if ((amountSign !== amountSign || amountSign === 0) && receivedSign === 1) return "receipt";
  if (amountSign === 1) return "invoice";
  if (amountSign !== amountSign && !hasReceived && !row.balanceDerived && row.moneySign("balance") === 1) return "invoice";
  return null;
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
// Allocation
// ---------------------------------------------------------------------------------------------

/** One receipt's share applied to one item. */
export class Allocation {
  constructor(
    /** Sheet row of the receipt (the invoice's own row when the invoice line carries its receipt). */
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

/** Money a customer paid that no open item took (an advance or an overpayment). */
export interface UnappliedCredit {
  /** The customer as first written in the ledger; null for receipts without a customer. */
  customer: string | null;
  amountFen: number;
  amount: Decimal;
  /** Sheet rows of the receipts that left it. */
  receiptRows: number[];
}

export interface AllocationResult {
  /** Invoices still open (balance ≠ 0), in sheet order, with received = allocated and balance = amount − received. */
  openItems: LedgerRow[];
  /** Invoices fully paid. */
  settledItems: LedgerRow[];
  receipts: LedgerRow[];
  allocations: Allocation[];
  unappliedCredits: UnappliedCredit[];
  issues: ParseIssue[];
}

export interface AllocationOptions {
  sheet: string;
  /** Sheet column letter of each mapped field, for issues. */
  columns: Partial<Record<LedgerField, string>>;
}

interface Item<T> {
  row: LedgerRow;
  amount: T;
  open: T;
  doc: string | null;
}

interface Receipt<T> {
  row: LedgerRow;
  left: T;
  doc: string | null;
}

/** A name or document number as compared: NFKC, lower case, no white space. */
function keyOf(text: string | null): string | null {
  if (text === null) return null;
  // Most document numbers are printable ASCII without capitals: already their own key.
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

function oldestFirst(a: LedgerRow, b: LedgerRow): number {
  const da = a.dateArisen ?? a.dueDate ?? Number.POSITIVE_INFINITY;
  const db = b.dateArisen ?? b.dueDate ?? Number.POSITIVE_INFINITY;
  return da === db ? a.row - b.row : da < db ? -1 : 1;
}

const LABELS = new Map(LEDGER_FIELDS.map((d) => [d.field as string, d.label]));

function issue(options: AllocationOptions, row: LedgerRow, field: LedgerField, kind: ParseIssue["issue"], value: unknown, zh: string, en: string): ParseIssue {
  const column = options.columns[field] ?? "";
  const label = LABELS.get(field) ?? { "zh-CN": field, "en-US": field };
  return {
    sheet: options.sheet,
    row: row.row,
    column,
    field,
    issue: kind,
    severity: "warning",
    value: value === null || value === undefined ? "" : quoteInput(value),
    zh: `工作表“${options.sheet}”第 ${row.row} 行 ${column} 列（${label["zh-CN"]}）：${zh}`,
    en: `Sheet "${options.sheet}", row ${row.row}, column ${column} (${label["en-US"]}): ${en}`,
  };
}

/** One customer's invoices and receipts, allocated with one arithmetic. */
function allocateCustomer<T>(
  arith: Arith<T>,
  value: (row: LedgerRow, role: AmountRole) => T,
  invoices: readonly LedgerRow[],
  receiptRows: readonly LedgerRow[],
  options: AllocationOptions,
  out: { allocations: Allocation[]; issues: ParseIssue[] },
): { items: Item<T>[]; credit: T; creditRows: number[] } {
  const items: Item<T>[] = [...invoices].sort(oldestFirst).map((row) => {
    const amount = value(row, "invoice");
    return { row, amount, open: amount, doc: keyOf(row.document) };
  });
  const apply = (receipt: Receipt<T>, item: Item<T>): void => {
    const share = arith.min(receipt.left, item.open);
    if (!arith.positive(share)) return;
    receipt.left = arith.sub(receipt.left, share);
    item.open = arith.sub(item.open, share);
    out.allocations.push(new Allocation(receipt.row.row, item.row.row, arith.fen(share), arith.dec(share)));
  };

  // An invoice line that carries its own received amount pays itself first.
  const leftovers: Receipt<T>[] = [];
  for (const item of items) {
    const own = value(item.row, "own");
    if (!arith.positive(own)) continue;
    const receipt: Receipt<T> = { row: item.row, left: own, doc: null };
    apply(receipt, item);
    if (arith.positive(receipt.left)) leftovers.push(receipt);
  }

  const byDoc = new Map<string, Item<T>[]>();
  for (const item of items) {
    if (item.doc === null) continue;
    const list = byDoc.get(item.doc);
    if (list === undefined) byDoc.set(item.doc, [item]);
    else list.push(item);
  }
  const receipts: Receipt<T>[] = [...receiptRows].sort(oldestFirst).map((row) => ({ row, left: value(row, "receipt"), doc: keyOf(row.document) }));

  // Receipts naming a document go to it first (all of them before any FIFO receipt, so an
  // earlier unnamed receipt cannot take an item a later one names).
  for (const receipt of receipts) {
    if (receipt.doc === null) continue;
    const named = byDoc.get(receipt.doc);
    if (named === undefined) {
      out.issues.push(
        issue(
          options,
          receipt.row,
          "document",
          "unknown-document",
          receipt.row.document,
          `收款注明的单据“${receipt.row.document ?? ""}”在该客户的发票中找不到，已按先进先出冲销最早的未清款项。`,
          `the receipt names document "${receipt.row.document ?? ""}", which none of this customer's invoices has; it was applied to the oldest open items (FIFO).`,
        ),
      );
      continue;
    }
    for (const item of named) apply(receipt, item);
  }

  // FIFO: every receipt's remainder, in date order, to the oldest open items.
  let next = 0;
  for (const receipt of [...leftovers, ...receipts]) {
    while (arith.positive(receipt.left) && next < items.length) {
      if (arith.positive(items[next].open)) apply(receipt, items[next]);
      if (!arith.positive(items[next].open)) next++;
    }
  }

  let credit = arith.zero;
  const creditRows: number[] = [];
  for (const receipt of [...leftovers, ...receipts]) {
    if (!arith.positive(receipt.left)) continue;
    credit = arith.add(credit, receipt.left);
    creditRows.push(receipt.row.row);
  }
  return { items, credit, creditRows };
}

function absFen(fen: number): number {
  return fen < 0 ? -fen : fen;
}

/**
 * Allocates receipts to invoices per customer (customer names compared after NFKC, case and
 * white space) and returns the open items. Per customer: an invoice line's own received
 * amount pays that invoice; receipts naming a document (same customer) pay that document's
 * invoices; then every remainder pays the oldest open items first — by date arisen (due date
 * when there is none), then sheet row. What is left is an unapplied credit of the customer.
 * Amounts are integer fen when every amount of the customer is whole fen, else Decimals.
 */
export function allocateReceipts(rows: readonly LedgerRow[], options: AllocationOptions): AllocationResult {
  const groups = new Map<string, { name: string; invoices: LedgerRow[]; receipts: LedgerRow[] }>();
  const out = { allocations: [] as Allocation[], issues: [] as ParseIssue[] };
  const receiptsAll: LedgerRow[] = [];
  const orphanRows: number[] = [];
  let orphan = new Dec(0);
  const customerKey = keyCache();
  // Invoices without a customer: nothing can be applied to them, but they stay open items
  // (their missing customer is reported), so no money drops out of the totals.
  const noCustomer = { name: "", invoices: [] as LedgerRow[], receipts: [] as LedgerRow[] };
  const isInvoice = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const kind = transactionKind(row);
    if (kind === null) continue;
    if (kind === "receipt") receiptsAll.push(row);
    else isInvoice[i] = 1;
    const key = customerKey(row.customer);
    if (key === null) {
      if (kind === "receipt") {
        const v = receiptDecimal(row);
        orphan = orphan.plus(v);
        orphanRows.push(row.row);
        out.issues.push(
          issue(
            options,
            row,
            "customer",
            "unallocated-receipt",
            null,
            `这笔收款（${v.toString()} 元）没有客户，无法冲销任何款项，计入未分配的收款。`,
            `this receipt (${v.toString()} yuan) has no customer, so it cannot be applied to any item; it is counted as unapplied.`,
          ),
        );
      }
      else noCustomer.invoices.push(row);
      continue;
    }
    let g = groups.get(key);
    if (g === undefined) {
      g = { name: row.customer ?? "", invoices: [], receipts: [] };
      groups.set(key, g);
    }
    (kind === "invoice" ? g.invoices : g.receipts).push(row);
  }

  const unappliedCredits: UnappliedCredit[] = [];
  for (const g of [...groups.values(), noCustomer]) {
    if (g.invoices.length === 0 && g.receipts.length === 0) continue;
    if (fitsFen(g.invoices, g.receipts)) {
      const r = allocateCustomer(FEN_ARITH, fenValue, g.invoices, g.receipts, options, out);
      for (const item of r.items) settle(item.row, item.amount - item.open, null, null);
      if (r.credit > 0) unappliedCredits.push({ customer: g === noCustomer ? null : g.name, amountFen: r.credit, amount: fenToDecimal(r.credit), receiptRows: r.creditRows });
    } else {
      const r = allocateCustomer(DEC_ARITH, decValue, g.invoices, g.receipts, options, out);
      for (const item of r.items) settle(item.row, NaN, item.amount.minus(item.open), item.amount);
      if (r.credit.gt(0)) unappliedCredits.push({ customer: g === noCustomer ? null : g.name, amountFen: DEC_ARITH.fen(r.credit), amount: r.credit, receiptRows: r.creditRows });
    }
  }
  if (orphanRows.length > 0) unappliedCredits.push({ customer: null, amountFen: DEC_ARITH.fen(orphan), amount: orphan, receiptRows: orphanRows });

  // Invoices in sheet order (rows come in sheet order).
  const openItems: LedgerRow[] = [];
  const settledItems: LedgerRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (isInvoice[i] === 0) continue;
    (row.moneySign("balance") === 0 ? settledItems : openItems).push(row);
  }
  out.allocations.sort((a, b) => a.receiptRow - b.receiptRow || a.itemRow - b.itemRow);
  return { openItems, settledItems, receipts: receiptsAll, allocations: out.allocations, unappliedCredits, issues: out.issues };
}

/** The invoice's amount (its balance on an opening-balance line); the receipt's received, or |amount|. */
function fenValue(row: LedgerRow, role: AmountRole): number {
  if (role === "invoice") return row.amountFen === row.amountFen ? row.amountFen : row.balanceFen;
  if (role === "own") return row.receivedFen === row.receivedFen ? row.receivedFen : 0;
  if (row.receivedFen === row.receivedFen && row.receivedFen !== 0) return row.receivedFen;
  return absFen(row.amountFen);
}

function decValue(row: LedgerRow, role: AmountRole): Decimal {
  if (role === "invoice") return row.amount ?? row.balance ?? new Dec(0);
  if (role === "own") return row.received ?? new Dec(0);
  return receiptDecimal(row);
}

function receiptDecimal(row: LedgerRow): Decimal {
  const received = row.received;
  if (received !== null && !received.isZero()) return received;
  return (row.amount ?? new Dec(0)).abs();
}

/** Whether a customer's amounts are all whole fen, and their total stays exact in a double. */
function fitsFen(invoices: readonly LedgerRow[], receipts: readonly LedgerRow[]): boolean {
  let total = 0;
  for (const row of invoices) {
    const v = fenValue(row, "invoice");
    if (v !== v) return false;
    if (row.receivedFen !== row.receivedFen && row.received !== null) return false;
    total += absFen(v) + (row.receivedFen === row.receivedFen ? absFen(row.receivedFen) : 0);
  }
  for (const row of receipts) {
    const v = fenValue(row, "receipt");
    if (v !== v) return false;
    total += absFen(v);
  }
  return total <= Number.MAX_SAFE_INTEGER;
}

/** An invoice after allocation: received = what was applied to it; balance = amount − received. */
function settle(row: LedgerRow, receivedFen: number, receivedDec: Decimal | null, amountDec: Decimal | null): void {
  if (receivedDec === null) {
    const amountFen = row.amountFen === row.amountFen ? row.amountFen : row.balanceFen;
    if (row.amountFen !== row.amountFen) row.setMoney("amount", amountFen, null);
    row.setMoney("received", receivedFen + 0, null);
    row.setMoney("balance", amountFen - receivedFen + 0, null);
  } else {
    const amount = amountDec ?? new Dec(0);
    if (row.amount === null) row.setMoney("amount", DEC_ARITH.fen(amount), amount);
    row.setMoney("received", DEC_ARITH.fen(receivedDec), receivedDec);
    const balance = amount.minus(receivedDec);
    row.setMoney("balance", DEC_ARITH.fen(balance), balance);
  }
  row.balanceDerived = true;
}
