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
 * - A receipt undone (a bounced cheque, 红字收款单, a negative 贷方, a refund) cancels the receipt
 *   it undoes, the customer's latest one before it (one of its size first): the invoices that
 *   receipt paid are open again from their own dates. Only what no earlier receipt covers is
 *   owed from the day of the line itself.
 * - Only a customer's net credit is an advance (预收), kept apart from the aging.
 * - An item with nothing left open is settled: not an open item, not in any count of them.
 *
 * The lines as read are never changed: an open item whose balance the view works out is a row of
 * a new store (LedgerStore.subset) holding its received and balance as of the date.
 *
 * Speed: a transactions ledger may hold a million lines, and the expected credit loss ages it at
 * several year ends. What does not depend on the date (each line's part and amounts, its customer,
 * the order allocation takes) is worked out once (prepareAsOf) in typed arrays; each date is then
 * one pass of FIFO in integer fen (Decimals only for a customer whose amounts are not whole fen).
 */
import type Decimal from "decimal.js";
import { type DayNumber, toYmd } from "../calendar";
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
  /** Those items, in sheet order, with what was received on them as of the date (made when first read). */
  readonly settledRows: LedgerRow[];
  /** Lines that were credits applied (receipts, reversals, credit memos). */
  credits: number;
  advances: Advance[];
  leftOut: LeftOut;
  /** The latest date any line carries (left-out lines included): the export is no older. */
  latestDate: DayNumber | null;
  /** Each share of a credit applied to an item, by credit row then item row (made when first read). */
  readonly allocations: Allocation[];
  /** unknown-document (a credit naming, in a column meant for it, an invoice the customer lacks) and unallocated-receipt. */
  issues: ParseIssue[];
  /** For each open item, its position among the lines the view was made from (for code that follows items across dates). */
  openLines: Int32Array;
  /** With rows: false, the open amount of line i (fen, or exact), null when it is no open item; always null otherwise. */
  openAmount(i: number): { fen: number; exact: Decimal | null } | null;
  /** The allocations as positions among the lines: credit, item, amount (fen; NaN: see exact, by share). */
  shares: { credit: readonly number[]; item: readonly number[]; fen: readonly number[]; exact: ReadonlyMap<number, Decimal> };
}

/** How the view reads the lines: a transactions ledger's invoices and receipts, or an open-items list's balances. */
type ViewShape = "open-items" | "transactions";

interface AsOfOptions {
  shape: ViewShape;
  /** Sheet column letter of each mapped field (per sheet), for issues. */
  columns: (sheet: string) => Partial<Record<LedgerField, string>>;
  /**
   * The policy's credit days: a line with a due date and no date arisen counts from its due date
   * less its own credit days, else these (as its age does). Without them, from its due date: an
   * invoice not yet due on the as-of date was then left out as if it had not arisen.
   */
  creditDays?: number;
}

// Each line's part in the view.
const NONE = 0;
const ITEM = 1;
const CREDIT = 2;
/** An open-items line with a zero balance: settled as read. */
const SETTLED = 3;
/** An open-items line whose balance could not be read: open as read (its issue says why). */
const UNKNOWN = 4;

/** What does not depend on the date: each line's part and amounts, its customer, the order allocation takes. */
interface PreparedLines {
  rows: readonly LedgerRow[];
  options: AsOfOptions;
  kind: Uint8Array;
  /** The date a line counts from (date arisen, else due date); NaN when it has none. */
  date: Float64Array;
  /** An item's amount or a credit's (fen; NaN: see dec). */
  fen: Float64Array;
  dec: Map<number, Decimal>;
  /** A transactions item line's own received amount (fen; NaN: see ownDec). */
  own: Float64Array;
  ownDec: Map<number, Decimal>;
  /** Customer group per line, -1 for none; names as first written. */
  group: Int32Array;
  names: string[];
  /** Per group: its items and its credits, in allocation order (oldest first). */
  items: Int32Array[];
  credits: Int32Array[];
  /** Per group: whether every amount is whole fen and the sums stay exact in a double. */
  fast: Uint8Array;
  /**
   * The invoice each credit names (its 对应单据, else its own document number), as compared
   * (keyOf), by credit line; empty when none names one.
   */
  creditNames: Map<number, string>;
  /** Credits that name their invoice in a column meant for that (对应单据). */
  namedByColumn: Set<number>;
  /**
   * Credits that name no invoice in a column meant for that: the document numbers their 摘要
   * may give (红冲 FP-102, 收回 00001201 货款), as compared, by credit line. Used only where one is an
   * invoice of the credit's own customer.
   */
  noteNames: Map<number, string[]>;
  /**
   * The items carrying each name some credit gives, each list in allocation order (items of
   * several customers may share a number: allocation keeps to the credit's own).
   */
  itemsByDoc: Map<string, number[]>;
  /**
   * Open-items lines whose amount received (whole fen) is dated by a 收款日期/核销日期: the date
   * and the amount, by line. On a date before it the amount is taken back out of what was
   * received: the item was that much more open then (viewAsOf).
   */
  paidOn: Map<number, readonly { date: number; fen: number }[]>;
  /**
   * Credits whose 摘要 names the voucher of one of their customer's items (冲销6月30日转-0045号凭证):
   * that item, by credit line, where exactly one item of the customer has that voucher (and that
   * date, when the 摘要 gives one). A voucher repeats month to month, so it names an entry only
   * within one customer and only when it is unique there.
   */
  voucherNamed: Map<number, number>;
  /**
   * Receipts of a debt written off and reinstated (收回已核销坏账款), by credit line: the
   * customer's reinstated entries (坏账收回 on 借方), oldest first. The cash pays the debt put
   * back on the books, not the customer's oldest invoice.
   */
  reinstatedNamed: Map<number, number[]>;
  /**
   * Item lines that are a receipt undone (a bounced cheque, 红字收款单, a negative 贷方, a refund):
   * each takes back what a receipt of its customer's paid (undoOrder) before any credit is applied.
   */
  undone: Set<number>;
  /**
   * Transactions item lines whose own received amount is dated (its 回款日期, 收款日期): the date, by
   * line. On a date before it the line had not received it yet (allocateFen leaves it out).
   */
  ownPaidOn: Map<number, number>;
}

/** 0: the text is its own key (printable ASCII, no capitals, no spaces); 1: printable ASCII with capitals, no spaces (its key is its lower case); 2: anything else. */
function keyClass(text: string): 0 | 1 | 2 {
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c > 0x20 && c < 0x7f)) return 2;
    if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  return upper ? 1 : 0;
}

/** A hash of a text with A-Z read as a-z (FNV-1a over UTF-16 units): equal for an ASCII text and its key. */
function foldHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/** foldHash of a text of printable ASCII only (the hash of its key), in one pass; -1 for any other text. */
function asciiFoldHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (!(c > 0x20 && c < 0x7f)) return -1;
    if (c <= 0x5a && c >= 0x41) c += 0x20;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/** A name or document number as compared: NFKC, lower case, no white space (NFKC leaves printable ASCII as it is). */
function keyOf(text: string | null): string | null {
  if (text === null || text === "") return null;
  const c = keyClass(text);
  if (c === 0) return text;
  if (c === 1) return text.toLowerCase();
  const k = text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  return k === "" ? null : k;
}

/**
 * Each line's part and amounts (transactions: transactionKind; open items: the sign of the
 * balance), its customer group, and the order allocation takes within each group.
 */
export function prepareAsOf(rows: readonly LedgerRow[], options: AsOfOptions): PreparedLines {
  const n = rows.length;
  const kind = new Uint8Array(n);
  const date = new Float64Array(n);
  const fen = new Float64Array(n);
  const own = new Float64Array(n);
  const dec = new Map<number, Decimal>();
  const ownDec = new Map<number, Decimal>();
  const group = new Int32Array(n);
  const names: string[] = [];
  const groupOfRaw = new Map<string, number>();
  const groupOfKey = new Map<string, number>();
  const transactions = options.shape === "transactions";
  const paidOn = new Map<number, readonly { date: number; fen: number }[]>();
  const undone = new Set<number>();
  const ownPaidOn = new Map<number, number>();
  let hasDocs = false;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const st = r.source;
    const j = r.index;
    const arisen = st.date.dateArisen;
    let d = arisen === null ? NaN : arisen[j];
    if (d !== d && st.date.dueDate !== null) {
      d = st.date.dueDate[j];
      const own = st.creditDays === null ? NaN : st.creditDays[j];
      d -= own === own ? own : (options.creditDays ?? 0);
    }
    date[i] = d;
    if (transactions) {
      if (!plainTransactionLine(st, j, i, kind, fen, own) && prepareTransactionLine(r, i, kind, fen, dec, own, ownDec)) undone.add(i);
      const paid = st.date.lastPaymentDate;
      if (paid !== null && paid[j] === paid[j] && kind[i] === ITEM && (own[i] > 0 || ownDec.has(i))) ownPaidOn.set(i, paid[j]);
    } else {
      prepareOpenItemLine(r, i, kind, fen, dec);
      const paid = st.date.lastPaymentDate;
      // Installments (installments.ts): each payment on its own date.
      const payments = st.installments.size === 0 ? undefined : st.installments.get(j);
      if (payments !== undefined && (kind[i] === ITEM || kind[i] === SETTLED)) {
        paidOn.set(i, payments);
        if (kind[i] === SETTLED) {
          kind[i] = ITEM;
          fen[i] = 0;
        }
      } else if (paid !== null && paid[j] === paid[j] && (kind[i] === ITEM || kind[i] === SETTLED)) {
        // What it received, and what a 状态 of 已结清 took as received (layout.settledByStatus).
        const rf = r.receivedFen;
        const received = (rf === rf && rf > 0 && !st.exact.received.has(j) ? rf : 0) + (st.statusSettled.get(j) ?? 0);
        if (received > 0) {
          paidOn.set(i, [{ date: paid[j], fen: received }]);
          // A settled line is an item of nothing open: open again on a date before its payment.
          if (kind[i] === SETTLED) {
            kind[i] = ITEM;
            fen[i] = 0;
          }
        }
      }
    }
    const customers = st.text.customer;
    const raw = customers === null ? null : (customers[j] ?? null);
    let g = -1;
    if (raw !== null) {
      const known = groupOfRaw.get(raw);
      if (known !== undefined) g = known;
      else {
        const key = keyOf(raw);
        if (key !== null) {
          g = groupOfKey.get(key) ?? -1;
          if (g < 0) {
            g = names.length;
            names.push(raw);
            groupOfKey.set(key, g);
          }
          if (groupOfRaw.size < 1 << 20) groupOfRaw.set(raw, g);
        }
      }
    }
    group[i] = g;
    if (!hasDocs && ((st.text.document !== null && st.text.document[j] !== null) || (st.text.appliesTo !== null && st.text.appliesTo[j] !== null))) hasDocs = true;
  }
  if (anyStore(rows, (st) => st.text.customerCode !== null) && !codesAgreeWithNames(rows, group, names.length)) regroupByCode(rows, group, names);
  // Per group, items and credits in allocation order: counting sort by group keeps sheet order;
  // then oldest first by date (undated last), sheet order breaking ties.
  const groups = names.length + 1; // + one for lines without a customer
  const itemCount = new Int32Array(groups);
  const creditCount = new Int32Array(groups);
  // Per group, the sum of its amounts' sizes (NaN once one is not whole fen): whether its
  // allocation can run in integer fen, found here in sheet order, not by visiting each group's lists.
  const size = new Float64Array(groups);
  // Each line's list: 2g for an item of group g, 2g + 1 for a credit, -1 for neither.
  const slot = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = group[i] < 0 ? names.length : group[i];
    const k = kind[i];
    if (k === ITEM) {
      itemCount[g]++;
      slot[i] = 2 * g;
    } else if (k === CREDIT) {
      creditCount[g]++;
      slot[i] = 2 * g + 1;
    } else {
      slot[i] = -1;
      continue;
    }
    size[g] += Math.abs(fen[i]) + Math.abs(own[i]);
  }
  const items = Array.from(itemCount, (c) => new Int32Array(c));
  const credits = Array.from(creditCount, (c) => new Int32Array(c));
  itemCount.fill(0);
  creditCount.fill(0);
  // Lines visited in allocation order (by date, undated last, sheet order breaking ties) fill
  // each group's lists already sorted; without such an order (dates that are no whole days, or
  // too far apart to count), each list is sorted on its own.
  // The sort carries each line's list along, so this loop reads in sequence (reading group and
  // kind at each line in date order was a cache miss per line: ~130 ms of a million).
  const order = dateOrder(date, slot);
  const lines = order === null ? null : order.lines;
  const slots = order === null ? slot : order.slots;
  for (let k = 0; k < slots.length; k++) {
    const s = slots[k];
    if (s < 0) continue;
    const i = lines === null ? k : lines[k];
    const g = s >> 1;
    if ((s & 1) === 0) items[g][itemCount[g]++] = i;
    else credits[g][creditCount[g]++] = i;
  }
  const byDate = (a: number, b: number): number => byDateThenLine(date, a, b);
  if (order === null) for (const list of [...items, ...credits]) if (!isSorted(list, date)) list.sort(byDate);
  const fast = new Uint8Array(groups);
  for (let g = 0; g < groups; g++) fast[g] = size[g] <= Number.MAX_SAFE_INTEGER ? 1 : 0; // false for NaN
  const creditNames = new Map<number, string>();
  const namedByColumn = new Set<number>();
  const noteNames = new Map<number, string[]>();
  const itemsByDoc = new Map<string, number[]>();
  // A 明细账 may give document numbers only in 摘要 (销售钢材 发票号00123; 收回货款 冲00131).
  const hasNotes = anyStore(rows, (st) => st.text.note !== null);
  if (hasDocs || hasNotes) {
    // The names credits give first (a few lines), then only the items carrying one of them: an
    // item's number is compared as written when it needs no normalising (most do not).
    for (const list of credits) {
      for (let k = 0; k < list.length; k++) {
        const i = list[k];
        const applies = keyOf(rows[i].appliesTo);
        const name = applies ?? keyOf(rows[i].document);
        if (name !== null) creditNames.set(i, name);
        if (applies !== null) namedByColumn.add(i);
        else {
          const words = documentWords(rows[i].note);
          if (words !== null) noteNames.set(i, words);
        }
      }
    }
    if (creditNames.size > 0 || noteNames.size > 0) {
      const wanted = new Set(creditNames.values());
      for (const words of noteNames.values()) for (const w of words) wanted.add(w);
      const wantedHash = new Set<number>();
      for (const key of wanted) wantedHash.add(foldHash(key));
      // In sheet order (the rows' memory order: a million lookups in date order are a million
      // cache misses); namedItems puts a customer's few in allocation order.
      for (let i = 0; i < n; i++) {
        if (kind[i] !== ITEM) continue;
        const r = rows[i];
        const docs = r.source.text.document;
        const raw = docs === null ? null : (docs[r.index] ?? null);
        if (raw !== null) {
          // An ASCII number's key is its lower case: hashed as such first, made only when some credit may name it.
          const h = asciiFoldHash(raw);
          const key = h >= 0 && !wantedHash.has(h) ? null : keyOf(raw);
          if (key !== null && wanted.has(key)) {
            addNamed(itemsByDoc, key, i);
            continue;
          }
        }
        // Else the numbers its 摘要 gives, where some credit's 摘要 gives one.
        if (noteNames.size === 0) continue;
        const words = documentWords(r.note);
        if (words !== null) for (const w of words) if (wanted.has(w)) addNamed(itemsByDoc, w, i);
      }
    }
  }
  const voucherNamed = anyStore(rows, (st) => st.text.voucher !== null && st.text.note !== null) ? vouchersNamed(rows, kind, date, group, items, credits) : new Map<number, number>();
  const reinstatedNamed = anyStore(rows, (st) => st.text.note !== null || st.text.type !== null) ? reinstatements(rows, kind, items, credits) : new Map<number, number[]>();
  return { rows, options, kind, date, fen, dec, own, ownDec, group, names, items, credits, fast, creditNames, namedByColumn, noteNames, itemsByDoc, paidOn, voucherNamed, reinstatedNamed, undone, ownPaidOn };
}

/** A written-off debt, reinstated (坏账收回) or received (收回已核销坏账款), by its 摘要 or type. */
const BAD_DEBT_WORDS = /坏[账帐]|壞[賬帳]/;

/** Whether a line's 摘要 or type says a written-off debt recovered (坏账收回, 收回已核销坏账款); not a write-off itself (坏账核销). */
function saysBadDebt(r: LedgerRow): boolean {
  const says = (text: string | null): boolean => text !== null && BAD_DEBT_WORDS.test(text) && text.includes("收回");
  return says(r.note) || says(r.type);
}

/** See PreparedLines.reinstatedNamed: per customer, only where it has both. */
function reinstatements(rows: readonly LedgerRow[], kind: Uint8Array, items: Int32Array[], credits: Int32Array[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let g = 0; g < credits.length; g++) {
    const cds = credits[g];
    let receipts: number[] | null = null;
    for (let k = 0; k < cds.length; k++) if (saysBadDebt(rows[cds[k]])) (receipts ??= []).push(cds[k]);
    if (receipts === null) continue;
    const its = items[g];
    const reinstated: number[] = [];
    for (let k = 0; k < its.length; k++) if (kind[its[k]] === ITEM && saysBadDebt(rows[its[k]])) reinstated.push(its[k]);
    if (reinstated.length === 0) continue;
    for (const c of receipts) out.set(c, reinstated);
  }
  return out;
}

/** A voucher as written in a 摘要 or a 凭证字号 cell: 转-0045, 转字0045号, 记 12, 凭证号 转-45 (its word and number). */
const VOUCHER_REF = /(记|收|付|转|银收|银付|现收|现付|银|现)\s*字?\s*[-—#第]?\s*0*(\d{1,6})\s*号?/;
/** A day a 摘要 gives: 6月30日, 2011年6月30日, 2011-06-30. */
const NOTE_DAY = /(?:(\d{4})\s*[年./-]\s*)?(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?/;

function voucherKey(text: string | null): string | null {
  if (text === null) return null;
  const m = VOUCHER_REF.exec(text.normalize("NFKC"));
  return m === null ? null : `${m[1]}-${Number(m[2])}`;
}

/** See PreparedLines.voucherNamed. */
function vouchersNamed(rows: readonly LedgerRow[], kind: Uint8Array, date: Float64Array, group: Int32Array, items: Int32Array[], credits: Int32Array[]): Map<number, number> {
  const out = new Map<number, number>();
  const byGroup = new Map<number, Map<string, number[]>>();
  for (let g = 0; g < credits.length; g++) {
    const list = credits[g];
    for (let k = 0; k < list.length; k++) {
      const c = list[k];
      const note = rows[c].note;
      if (note === null || !/凭证|冲|红/.test(note)) continue;
      const key = voucherKey(note);
      if (key === null || group[c] < 0) continue;
      const dm = NOTE_DAY.exec(note.normalize("NFKC").replace(VOUCHER_REF, " "));
      let found = -1;
      let count = 0;
      let index = byGroup.get(group[c]);
      if (index === undefined) {
        // The customer's items by voucher, made once per customer a credit names a voucher of.
        index = new Map<string, number[]>();
        for (const i of items[group[c]]) {
          const v = kind[i] === ITEM ? voucherKey(rows[i].voucher) : null;
          if (v === null) continue;
          const same = index.get(v);
          if (same === undefined) index.set(v, [i]);
          else same.push(i);
        }
        byGroup.set(group[c], index);
      }
      for (const i of index.get(key) ?? []) {
        if (dm !== null) {
          const d = date[i];
          if (d !== d) continue;
          const ymd = toYmd(d as DayNumber);
          if (ymd.m !== Number(dm[2]) || ymd.d !== Number(dm[3]) || (dm[1] !== undefined && ymd.y !== Number(dm[1]))) continue;
        }
        found = i;
        count++;
      }
      if (count === 1) out.set(c, found);
    }
  }
  return out;
}

function addNamed(itemsByDoc: Map<string, number[]>, key: string, i: number): void {
  const same = itemsByDoc.get(key);
  if (same === undefined) itemsByDoc.set(key, [i]);
  else if (same[same.length - 1] !== i) same.push(i);
}

/** Whether some store the lines come from (one per sheet read) passes `test`; a pointer compare per line. */
function anyStore(rows: readonly LedgerRow[], test: (store: LedgerStore) => boolean): boolean {
  let last: LedgerStore | null = null;
  for (let i = 0; i < rows.length; i++) {
    const st = rows[i].source;
    if (st === last) continue;
    last = st;
    if (test(st)) return true;
  }
  return false;
}

/**
 * Whether every customer (by name) has at most one code and every code one customer, as written:
 * then grouping by name is grouping by code. A string compare per line; a map lookup per customer.
 */
function codesAgreeWithNames(rows: readonly LedgerRow[], group: Int32Array, groups: number): boolean {
  const codeOf: (string | undefined)[] = new Array<string | undefined>(groups);
  const groupOfCode = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const g = group[i];
    const r = rows[i];
    const codes = r.source.text.customerCode;
    const code = codes === null ? null : (codes[r.index] ?? null);
    if (code === null) continue;
    if (g < 0) return false;
    const first = codeOf[g];
    if (first === undefined) {
      if (groupOfCode.has(code)) return false;
      codeOf[g] = code;
      groupOfCode.set(code, g);
    } else if (first !== code) return false;
  }
  return true;
}

/**
 * Customers by their code (客户编码), as the accounting system keeps them: a receipt under C001
 * nets against C001's invoices whatever the name cell says (成都华信（集团）有限公司 on the invoice,
 * …有限责任公司 on the receipt), and one name under two codes is two customers. A line without a
 * code joins the code its name has elsewhere, when its name has just one. Rewrites `group` and
 * `names` (a group is named as its first line writes the customer).
 */
function regroupByCode(rows: readonly LedgerRow[], group: Int32Array, names: string[]): void {
  const byName = names.slice();
  names.length = 0;
  const groupOfCode = new Map<string, number>();
  // Per name group: the code group its coded lines went to, or -2 when they went to several.
  const codeGroupOfName = new Int32Array(byName.length).fill(-1);
  const newGroupOfName = new Int32Array(byName.length).fill(-1);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const codes = r.source.text.customerCode;
    const key = keyOf(codes === null ? null : (codes[r.index] ?? null));
    if (key === null) continue;
    const old = group[i];
    let g = groupOfCode.get(key);
    if (g === undefined) {
      g = names.length;
      names.push(old >= 0 ? byName[old] : (codes?.[r.index] ?? key));
      groupOfCode.set(key, g);
    }
    if (old >= 0) codeGroupOfName[old] = codeGroupOfName[old] === -1 || codeGroupOfName[old] === g ? g : -2;
    group[i] = g;
  }
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const codes = r.source.text.customerCode;
    if (codes !== null && keyOf(codes[r.index] ?? null) !== null) continue;
    const old = group[i];
    if (old < 0) continue;
    const coded = codeGroupOfName[old];
    if (coded >= 0) {
      group[i] = coded;
      continue;
    }
    if (newGroupOfName[old] < 0) {
      newGroupOfName[old] = names.length;
      names.push(byName[old]);
    }
    group[i] = newGroupOfName[old];
  }
}

/** Allocation order: by date, undated (NaN) last, line (sheet order) breaking ties. */
function byDateThenLine(date: Float64Array, a: number, b: number): number {
  const da = date[a];
  const db = date[b];
  if (da === db || (da !== da && db !== db)) return a - b;
  if (da !== da) return 1;
  if (db !== db) return -1;
  return da - db;
}

/**
 * The lines with a list (slot >= 0) in allocation order by a counting sort on whole-day dates
 * (stable, so sheet order breaks ties; undated lines last), each with its slot; or null when
 * the dates are not whole days or span more days than there are lines (a comparison sort per
 * group is then cheaper).
 */
function dateOrder(date: Float64Array, slot: Int32Array): { lines: Int32Array; slots: Int32Array } | null {
  const n = date.length;
  let lo = Infinity;
  let hi = -Infinity;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const d = date[i];
    if (slot[i] < 0) continue;
    m++;
    if (d !== d) continue;
    if (!Number.isInteger(d)) return null;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const span = hi >= lo ? hi - lo + 1 : 0;
  if (span > Math.max(n, 1 << 16)) return null;
  // Bucket span holds the undated.
  const start = new Int32Array(span + 2);
  for (let i = 0; i < n; i++) {
    if (slot[i] < 0) continue;
    const d = date[i];
    start[(d === d ? d - lo : span) + 1]++;
  }
  for (let b = 1; b < start.length; b++) start[b] += start[b - 1];
  const lines = new Int32Array(m);
  const slots = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    const s = slot[i];
    if (s < 0) continue;
    const d = date[i];
    const at = start[d === d ? d - lo : span]++;
    lines[at] = i;
    slots[at] = s;
  }
  return { lines, slots };
}

/** Already oldest first (the usual case: a ledger is kept in date order)? */
function isSorted(list: Int32Array, date: Float64Array): boolean {
  for (let k = 1; k < list.length; k++) {
    const a = date[list[k - 1]];
    const b = date[list[k]];
    if (a !== a ? b === b : b === b && b < a) return false;
  }
  return true;
}

function setAmount(i: number, f: number, d: Decimal | null, fen: Float64Array, dec: Map<number, Decimal>): void {
  fen[i] = f;
  if (f !== f && d !== null) dec.set(i, d);
}

/**
 * transactionKind's answer for the usual line, read straight off the store's columns: no type
 * text, amounts in whole fen. Returns false for any other line (prepareTransactionLine takes it).
 */
function plainTransactionLine(st: LedgerStore, j: number, i: number, kind: Uint8Array, fen: Float64Array, own: Float64Array): boolean {
  if (st.text.type !== null && st.text.type[j] !== null) return false;
  if (st.typedByNote && st.text.note !== null && st.text.note[j] !== null) return false;
  const ex = st.exact;
  if (ex.amount.size > 0 || ex.received.size > 0 || ex.balance.size > 0) return false;
  const a = st.fen.amount === null ? NaN : st.fen.amount[j];
  const r = st.fen.received === null ? NaN : st.fen.received[j];
  if (a === a && a > 0) {
    kind[i] = ITEM;
    fen[i] = a;
    if (r === r) own[i] = r;
    return true;
  }
  if ((a !== a || a === 0) && r === r && r > 0) {
    kind[i] = CREDIT;
    fen[i] = r;
    return true;
  }
  if (a === a && a < 0 && !(r === r && r !== 0)) {
    kind[i] = CREDIT;
    fen[i] = -a;
    return true;
  }
  return false;
}

/**
 * A transactions ledger's line: an invoice (its amount, else its balance; its own received) or a
 * credit. Returns true for a receipt undone (an item owed again by its size: see undoOrder).
 */
function prepareTransactionLine(r: LedgerRow, i: number, kind: Uint8Array, fen: Float64Array, dec: Map<number, Decimal>, own: Float64Array, ownDec: Map<number, Decimal>): boolean {
  const k = transactionKind(r);
  if (k === null) return false;
  if (k === "reversal") {
    // A receipt undone (红字收款单): owed again by its size.
    kind[i] = ITEM;
    const af = r.amountFen;
    setAmount(i, af === af ? Math.abs(af) : NaN, af === af ? null : (r.amount as Decimal).abs(), fen, dec);
    return true;
  }
  if (k === "invoice") {
    kind[i] = ITEM;
    if (r.hasMoney("amount")) setAmount(i, r.amountFen, r.amountFen === r.amountFen ? null : r.amount, fen, dec);
    else setAmount(i, r.balanceFen, r.balanceFen === r.balanceFen ? null : r.balance, fen, dec);
    if (r.hasMoney("received")) setAmount(i, r.receivedFen, r.receivedFen === r.receivedFen ? null : r.received, own, ownDec);
    return false;
  }
  // A receipt: its received amount, else |amount| (a red reversal, or a receipt typed as such).
  const rs = r.moneySign("received");
  if (rs === 1) {
    kind[i] = CREDIT;
    setAmount(i, r.receivedFen, r.receivedFen === r.receivedFen ? null : r.received, fen, dec);
    return false;
  }
  if (rs === -1) {
    // A negative 贷方 is a receipt reversed: it is owed again.
    kind[i] = ITEM;
    const rf = r.receivedFen;
    setAmount(i, rf === rf ? -rf : NaN, rf === rf ? null : (r.received as Decimal).neg(), fen, dec);
    return true;
  }
  kind[i] = CREDIT;
  const af = r.amountFen;
  setAmount(i, af === af ? Math.abs(af) : NaN, af === af ? null : (r.amount ?? new Dec(0)).abs(), fen, dec);
  return false;
}

/** An open-items list's line: its balance, an item when positive, a credit (memo, overpayment) when negative. */
function prepareOpenItemLine(r: LedgerRow, i: number, kind: Uint8Array, fen: Float64Array, dec: Map<number, Decimal>): void {
  const sign = r.moneySign("balance");
  if (sign !== sign) {
    kind[i] = UNKNOWN;
    return;
  }
  if (sign === 0) {
    kind[i] = SETTLED;
    return;
  }
  const bf = r.balanceFen;
  kind[i] = sign > 0 ? ITEM : CREDIT;
  if (bf === bf) fen[i] = sign > 0 ? bf : -bf;
  else setAmount(i, NaN, sign > 0 ? r.balance : (r.balance as Decimal).neg(), fen, dec);
}

/** What a line's dated payments brought after `asOf` (fen): on that date, not yet received. */
function paidAfter(payments: readonly { date: number; fen: number }[], asOf: DayNumber): number {
  let fen = 0;
  for (const x of payments) if (x.date > asOf) fen += x.fen;
  return fen;
}

/** An amount of a line: exact fen, or NaN and the exact Decimal when it is not whole fen. */
export interface LineAmount {
  fen: number;
  exact: Decimal | null;
}

/**
 * What line i moves on a customer's account, as the view counts it: an item's amount is a debit
 * (an open-items line: its balance), a credit's amount a credit (a receipt, a red reversal, a
 * credit memo: a negative balance), and an item line's own received amount, when positive, a
 * credit on the same line. Null for a line that moves nothing the view counts (a zero line, an
 * amount not read, a settled open-items line). Summed over the lines in view on a date, debits
 * less credits equal that date's open items less its advance, to the fen: the statement's
 * closing balance and its aging agree by this. Given the date, an open-items line paid after it
 * (its 收款日期 later) moves its balance then: what it received after is added back, as viewAsOf does.
 */
export function lineMovement(p: PreparedLines, i: number, asOf?: DayNumber): { debit: LineAmount | null; credit: LineAmount | null } | null {
  const k = p.kind[i];
  // An open-items line paid after the date: its balance then, what it received after added back.
  const payments = asOf === undefined || p.paidOn.size === 0 ? undefined : p.paidOn.get(i);
  const after = payments === undefined || asOf === undefined ? 0 : paidAfter(payments, asOf);
  if (after !== 0 && (k === ITEM || k === SETTLED)) {
    const f = k === SETTLED ? 0 : p.fen[i];
    if (f === f) return { debit: { fen: f + after, exact: null }, credit: null };
    const d = p.dec.get(i);
    return { debit: { fen: NaN, exact: d === undefined ? null : d.plus(fenToDecimal(after)) }, credit: null };
  }
  // A settled line kept as an item for the dates before its payment (prepareAsOf): nothing after.
  if (k === ITEM && p.fen[i] === 0 && p.paidOn.has(i)) return null;
  if (k !== ITEM && k !== CREDIT) return null;
  const main: LineAmount = { fen: p.fen[i], exact: p.fen[i] === p.fen[i] ? null : (p.dec.get(i) ?? null) };
  if (k === CREDIT) return { debit: null, credit: main };
  const o = p.own[i];
  const ownExact = p.ownDec.get(i);
  const own: LineAmount | null = ownExact !== undefined ? (ownExact.gt(0) ? { fen: NaN, exact: ownExact } : null) : o > 0 ? { fen: o, exact: null } : null;
  return { debit: main, credit: own };
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
// One date
// ---------------------------------------------------------------------------------------------

/** What allocation on one date gives, per line: what an item received and has open (fen, or Decimals). */
interface Outcomes {
  /** What an item received (fen): its amount less this is what it has open. */
  received: Float64Array;
  /** Lines allocated on the Decimal path: their received and open. */
  exact: Map<number, { received: Decimal; open: Decimal }>;
  /** Allocations as (credit line, item line, fen or exact) triples. */
  allocCredit: number[];
  allocItem: number[];
  allocFen: number[];
  allocExact: Map<number, Decimal>;
  /** Amounts received after the date (fen), by open-items line: taken back out of received, open again. */
  back: Map<number, number>;
}

function inView(date: number, asOf: DayNumber): boolean {
  return date !== date || date <= asOf;
}

/**
 * The items of group g that carry the name credit c gives, in allocation order and in view on
 * `asOf`: null when the credit names none (or the ledger has no such column).
 */
function namedItems(p: PreparedLines, g: number, c: number, asOf: DayNumber): number[] | null {
  // The entry its 摘要 names by voucher (冲销6月30日转-0045号凭证), one of the customer's own.
  const byVoucher = p.voucherNamed.size === 0 ? undefined : p.voucherNamed.get(c);
  if (byVoucher !== undefined && inView(p.date[byVoucher], asOf)) return [byVoucher];
  // A written-off debt received pays the debt reinstated (坏账收回), where the customer has one.
  const reinstated = p.reinstatedNamed.size === 0 ? undefined : p.reinstatedNamed.get(c);
  if (reinstated !== undefined) {
    const open = reinstated.filter((i) => inView(p.date[i], asOf));
    if (open.length > 0) return open;
  }
  const name = p.creditNames.get(c);
  const found = name === undefined ? null : itemsNamed(p, g, name, asOf);
  if (found !== null && (found.length > 0 || p.namedByColumn.has(c))) return found;
  // Else an invoice of the customer's its 摘要 names (红冲 FP-102).
  const words = p.noteNames.get(c);
  if (words !== undefined) {
    for (const w of words) {
      const named = itemsNamed(p, g, w, asOf);
      if (named.length > 0) return named;
    }
  }
  return found;
}

function itemsNamed(p: PreparedLines, g: number, name: string, asOf: DayNumber): number[] {
  const same = p.itemsByDoc.get(name);
  const found: number[] = [];
  if (same !== undefined) for (const i of same) if (p.group[i] === g && inView(p.date[i], asOf)) found.push(i);
  // Allocation order: oldest first, undated last, sheet order breaking ties (as prepareAsOf sorts).
  return found.length < 2 ? found : found.sort((a, b) => byDateThenLine(p.date, a, b));
}

/** Words of a 摘要 that may be document numbers: runs of letters, digits and - _ / . # with a digit, three characters or more, as compared (lower case). */
const DOCUMENT_WORD = /[0-9a-z][0-9a-z_\-/.#]*[0-9a-z]/g;

function documentWords(note: string | null): string[] | null {
  if (note === null || note === "") return null;
  const text = note.normalize("NFKC").toLowerCase();
  let words: string[] | null = null;
  for (const m of text.matchAll(DOCUMENT_WORD)) {
    const w = m[0];
    if (w.length < 3 || !/\d/.test(w) || DATE_WORD.test(w)) continue;
    // A voucher's number (记-0012, 记字003号, 凭证号 15, 收-12) repeats every month: never an invoice's.
    if (VOUCHER_BEFORE.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
    (words ??= []).push(w);
  }
  return words;
}

/** 2011.11.30, 2011-11-30, 11/30: a date, not a number. */
const DATE_WORD = /^\d{2,4}[./-]\d{1,2}([./-]\d{1,2})?$/;
const VOUCHER_BEFORE = /(记|凭证号?|记账凭证)字?[-—#:\s]*$|(收|付|转)字?[-—#]\s*$/;

/**
 * FIFO on one group in integer fen; returns what the group's credits left (an advance) and the
 * credits that left it. Only what credits move is written: an item's open amount is its amount
 * less what it received (out.received starts at zero), so a customer's untouched items cost no
 * write (a million items in date order are a million scattered writes).
 */
function allocateFen(p: PreparedLines, g: number, asOf: DayNumber, out: Outcomes, issues: ParseIssue[]): { left: number; rows: number[] } {
  const { fen, own, date } = p;
  const its = p.items[g];
  const cds = p.credits[g];
  const received = out.received;
  const apply = (credit: number, item: number, left: number): number => {
    const o = fen[item] - received[item];
    const share = left < o ? left : o;
    if (share <= 0) return left;
    received[item] += share;
    out.allocCredit.push(credit);
    out.allocItem.push(item);
    out.allocFen.push(share);
    return left - share;
  };
  // An invoice line that carries its own received amount pays itself first.
  const leftovers: number[] = [];
  const leftoverAmount: number[] = [];
  for (let k = 0; k < its.length; k++) {
    const i = its[k];
    const o = own[i];
    if (!(o > 0) || !inView(date[i], asOf) || !ownReceived(p, i, asOf)) continue;
    const rest = apply(i, i, o);
    if (rest > 0) {
      leftovers.push(i);
      leftoverAmount.push(rest);
    }
  }
  // Credits on the date, in order; named ones first.
  const cl: number[] = [];
  const left: number[] = [];
  for (let k = 0; k < cds.length; k++) {
    const c = cds[k];
    if (!inView(date[c], asOf)) continue;
    cl.push(c);
    left.push(fen[c]);
  }
  if (p.undone.size > 0) {
    for (let k = 0; k < its.length; k++) {
      const x = its[k];
      if (!p.undone.has(x) || !inView(date[x], asOf)) continue;
      for (const c of undoOrder(p, x, cl, (c) => left[c] > 0, (c) => left[c] === fen[x] - received[x])) left[c] = apply(cl[c], x, left[c]);
    }
  }
  for (let k = 0; k < cl.length; k++) {
    const named = namedItems(p, g, cl[k], asOf);
    if (named === null) continue;
    for (const i of named) left[k] = apply(cl[k], i, left[k]);
    if (named.length === 0 && p.namedByColumn.has(cl[k])) issues.push(unknownDocument(p, cl[k]));
  }
  // FIFO: every credit's remainder, in date order, to the oldest open items.
  let next = 0;
  const drain = (credit: number, amount: number): number => {
    let rest = amount;
    while (rest > 0 && next < its.length) {
      const i = its[next];
      if (inView(date[i], asOf) && fen[i] - received[i] > 0) rest = apply(credit, i, rest);
      if (!inView(date[i], asOf) || !(fen[i] - received[i] > 0)) next++;
    }
    return rest;
  };
  let total = 0;
  const rows: number[] = [];
  for (let k = 0; k < leftovers.length; k++) {
    const rest = drain(leftovers[k], leftoverAmount[k]);
    if (rest > 0) {
      total += rest;
      rows.push(leftovers[k]);
    }
  }
  for (let k = 0; k < cl.length; k++) {
    const rest = drain(cl[k], left[k]);
    if (rest > 0) {
      total += rest;
      rows.push(cl[k]);
    }
  }
  return { left: total, rows };
}

/** The same in Decimals, for a group whose amounts are not all whole fen. */
function allocateExact(p: PreparedLines, g: number, asOf: DayNumber, out: Outcomes, issues: ParseIssue[]): { left: Decimal; rows: number[] } {
  const { items, credits, date } = p;
  const amount = (i: number): Decimal => p.dec.get(i) ?? fenToDecimal(p.fen[i]);
  const ownOf = (i: number): Decimal => p.ownDec.get(i) ?? (p.own[i] === p.own[i] ? fenToDecimal(p.own[i]) : new Dec(0));
  const open = new Map<number, Decimal>();
  const received = new Map<number, Decimal>();
  const list: number[] = [];
  for (const i of items[g]) {
    if (!inView(date[i], asOf)) continue;
    list.push(i);
    // Paid after the date: open by what it received since (viewAsOf).
    const back = out.back.get(i);
    open.set(i, back === undefined ? amount(i) : amount(i).plus(fenToDecimal(back)));
    received.set(i, back === undefined ? new Dec(0) : fenToDecimal(-back));
  }
  const apply = (credit: number, item: number, left: Decimal): Decimal => {
    const o = open.get(item) as Decimal;
    const share = left.lt(o) ? left : o;
    if (!share.gt(0)) return left;
    open.set(item, o.minus(share));
    received.set(item, (received.get(item) as Decimal).plus(share));
    const at = out.allocFen.length;
    out.allocCredit.push(credit);
    out.allocItem.push(item);
    out.allocFen.push(fenOfDecimal(share));
    out.allocExact.set(at, share);
    return left.minus(share);
  };
  const pending: { credit: number; left: Decimal }[] = [];
  for (const i of list) {
    const o = ownOf(i);
    if (!o.gt(0) || !ownReceived(p, i, asOf)) continue;
    const rest = apply(i, i, o);
    if (rest.gt(0)) pending.push({ credit: i, left: rest });
  }
  const cl: { credit: number; left: Decimal }[] = [];
  for (const c of credits[g]) if (inView(date[c], asOf)) cl.push({ credit: c, left: amount(c) });
  if (p.undone.size > 0) {
    const lines = cl.map((c) => c.credit);
    for (const x of list) {
      if (!p.undone.has(x)) continue;
      for (const c of undoOrder(p, x, lines, (c) => cl[c].left.gt(0), (c) => cl[c].left.eq(open.get(x) as Decimal))) cl[c].left = apply(cl[c].credit, x, cl[c].left);
    }
  }
  for (const c of cl) {
    const named = namedItems(p, g, c.credit, asOf);
    if (named === null) continue;
    for (const i of named) c.left = apply(c.credit, i, c.left);
    if (named.length === 0 && p.namedByColumn.has(c.credit)) issues.push(unknownDocument(p, c.credit));
  }
  let next = 0;
  let total = new Dec(0);
  const rows: number[] = [];
  for (const c of [...pending, ...cl]) {
    while (c.left.gt(0) && next < list.length) {
      if ((open.get(list[next]) as Decimal).gt(0)) c.left = apply(c.credit, list[next], c.left);
      if (!(open.get(list[next]) as Decimal).gt(0)) next++;
    }
    if (c.left.gt(0)) {
      total = total.plus(c.left);
      rows.push(c.credit);
    }
  }
  for (const i of list) out.exact.set(i, { received: received.get(i) as Decimal, open: open.get(i) as Decimal });
  return { left: total, rows };
}

/** Whether an item line's own received amount had come by `asOf`: undated, or dated (its 回款日期) on or before it. */
function ownReceived(p: PreparedLines, i: number, asOf: DayNumber): boolean {
  if (p.ownPaidOn.size === 0) return true;
  const paid = p.ownPaidOn.get(i);
  return paid === undefined || paid <= asOf;
}

/**
 * The credits a receipt undone (line x: a bounced cheque, 红字收款单, a negative 贷方, a refund)
 * takes back from, as indices into `credits` (its customer's credits in view, oldest first): the
 * latest one dated on or before it of its very size, else each dated on or before it, latest
 * first. The receipt it undoes never paid: the invoices that receipt paid stay open from their
 * own dates, as a ledger closed after the bounce shows them, not owed anew from the day it
 * bounced. What no earlier credit covers stays owed on the line itself (FIFO takes it as an item).
 */
function undoOrder(p: PreparedLines, x: number, credits: readonly number[], hasLeft: (k: number) => boolean, sameSize: (k: number) => boolean): number[] {
  const dx = p.date[x];
  const before: number[] = [];
  for (let k = credits.length - 1; k >= 0; k--) {
    const dc = p.date[credits[k]];
    if ((dx !== dx || dc <= dx) && hasLeft(k)) before.push(k);
  }
  const same = before.findIndex(sameSize);
  if (same > 0) before.unshift(...before.splice(same, 1));
  return before;
}

function unknownDocument(p: PreparedLines, credit: number): ParseIssue {
  const row = p.rows[credit];
  return issue(
    p.options,
    row,
    "appliesTo",
    "unknown-document",
    row.appliesTo,
    `所冲单据“${row.appliesTo ?? ""}”在该客户的发票中找不到，已按先进先出冲销最早的未清款项。`,
    `the credit names document "${row.appliesTo ?? ""}", which none of this customer's invoices has; it was applied to the oldest open items (FIFO).`,
  );
}

/**
 * The ledger's lines as of `asOf` (see the file comment). `rows` are the lines as read, in sheet
 * order (several sheets' lines may follow each other).
 */
export function openItemsAsOf(rows: readonly LedgerRow[], asOf: DayNumber, options: AsOfOptions): AsOfView {
  return viewAsOf(prepareAsOf(rows, options), asOf);
}

/**
 * The view on one date of lines prepared once (prepareAsOf), for several dates. With
 * `rows: false` the open items are not made into rows (`open` is empty): code that only needs each
 * line's open amount reads `openAmount`.
 */
export function viewAsOf(p: PreparedLines, asOf: DayNumber, make: { rows?: boolean } = {}): AsOfView {
  const { rows, kind, date, options } = p;
  const n = rows.length;
  const issues: ParseIssue[] = [];
  const leftOut: LeftOut = { count: 0, items: 0, credits: 0, first: null, latest: null };
  let latestDate: DayNumber | null = null;
  let creditCount = 0;
  for (let i = 0; i < n; i++) {
    const d = date[i];
    if (d === d && (latestDate === null || d > latestDate)) latestDate = d;
    const k = kind[i];
    if (k === NONE) continue;
    if (d === d && d > asOf) {
      leftOut.count++;
      if (k === CREDIT) leftOut.credits++;
      else leftOut.items++;
      if (leftOut.first === null) leftOut.first = { sheet: rows[i].sheet, row: rows[i].row, date: d };
      if (leftOut.latest === null || d > leftOut.latest) leftOut.latest = d;
    } else if (k === CREDIT) creditCount++;
  }

  const out: Outcomes = {
    received: new Float64Array(n),
    exact: new Map(),
    allocCredit: [],
    allocItem: [],
    allocFen: [],
    allocExact: new Map(),
    back: new Map(),
  };
  // An open-items line paid after the date (its 收款日期 later): as of the date, what it received
  // then was not yet received.
  // It starts as having received less than nothing by that much: credits apply to what was open
  // then (allocateFen/allocateExact), and what is open after them is its balance on the date.
  for (const [i, payments] of p.paidOn) {
    const after = paidAfter(payments, asOf);
    if (after === 0 || !inView(date[i], asOf)) continue;
    out.back.set(i, after);
    if (p.fen[i] === p.fen[i]) out.received[i] = -after;
    else out.exact.set(i, { received: fenToDecimal(-after), open: (p.dec.get(i) as Decimal).plus(fenToDecimal(after)) });
  }
  const advances: Advance[] = [];
  const transactions = options.shape === "transactions";
  const noCustomer = p.names.length;
  // An open-items customer without credits keeps its rows as read.
  const asRead = new Uint8Array(p.names.length + 1);
  for (let g = 0; g <= noCustomer; g++) {
    if (p.items[g].length === 0 && p.credits[g].length === 0) continue;
    if (g === noCustomer) {
      // Credits without a customer cannot be applied: each is said, and their total is unapplied.
      let total = new Dec(0);
      const orphanRows: number[] = [];
      for (const c of p.credits[g]) {
        if (!inView(date[c], asOf)) continue;
        const v = p.dec.get(c) ?? fenToDecimal(p.fen[c]);
        total = total.plus(v);
        orphanRows.push(c);
        issues.push(
          issue(
            options,
            rows[c],
            "customer",
            "unallocated-receipt",
            null,
            `这笔收款或贷项（${v.toString()} 元）没有客户，无法冲销任何款项，计入未分配的收款。`,
            `this receipt or credit (${v.toString()} yuan) has no customer, so it cannot be applied to any item; it is counted as unapplied.`,
          ),
        );
      }
      if (orphanRows.length > 0) advances.push({ customer: null, amountFen: fenOfDecimal(total), amount: total, sheet: rows[orphanRows[0]].sheet, rows: orphanRows.map((i) => rows[i].row) });
      // Items without a customer: nothing can be applied to them; open at their full amount.
      if (!transactions) {
        asRead[g] = 1;
        continue;
      }
      for (const i of p.items[g]) if (inView(date[i], asOf) && p.fen[i] !== p.fen[i]) out.exact.set(i, { received: new Dec(0), open: p.dec.get(i) as Decimal });
      continue;
    }
    if (!transactions && p.credits[g].length === 0) {
      asRead[g] = 1;
      continue;
    }
    if (p.fast[g] === 1) {
      const r = allocateFen(p, g, asOf, out, issues);
      if (r.left > 0) advances.push({ customer: p.names[g], amountFen: r.left, amount: fenToDecimal(r.left), sheet: rows[r.rows[0]].sheet, rows: r.rows.map((i) => rows[i].row) });
    } else {
      const r = allocateExact(p, g, asOf, out, issues);
      if (r.left.gt(0)) advances.push({ customer: p.names[g], amountFen: fenOfDecimal(r.left), amount: r.left, sheet: rows[r.rows[0]].sheet, rows: r.rows.map((i) => rows[i].row) });
    }
  }

  // Open items in sheet order: as read where nothing changed, else a row of a store holding the
  // item as of the date (one new store per source store, of the changed rows only). Every item in
  // view of a customer not kept as read was allocated (its outcome is out's).
  const openLines = new Int32Array(n);
  const asReadOpen = new Uint8Array(n);
  const settledLines: number[] = [];
  let count = 0;
  for (let i = 0; i < n; i++) {
    const k = kind[i];
    if (k === NONE || k === CREDIT) continue;
    if (!inView(date[i], asOf)) continue;
    const g = p.group[i] < 0 ? noCustomer : p.group[i];
    const back = out.back.size > 0 && out.back.has(i);
    // A settled line kept as an item for dates before its payment (prepareAsOf): settled on this one.
    const settledAsRead = k === SETTLED || (k === ITEM && !back && p.fen[i] === 0 && p.paidOn.size > 0 && p.paidOn.has(i) && out.received[i] === 0);
    if (settledAsRead) {
      settledLines.push(i);
      continue;
    }
    if (k === UNKNOWN || (asRead[g] === 1 && !back)) {
      openLines[count] = i;
      asReadOpen[count++] = 1;
      continue;
    }
    const exact = out.exact.get(i);
    const zero = exact !== undefined ? exact.open.isZero() : p.fen[i] - out.received[i] === 0;
    if (zero) {
      settledLines.push(i);
      continue;
    }
    // An open-items line that no credit reached is open as read (its balance is the one in the
    // sheet): it keeps its row, as a customer's rows do when the customer has no credits.
    const untouched = !transactions && (exact !== undefined ? exact.received.isZero() : out.received[i] === 0);
    openLines[count] = i;
    asReadOpen[count++] = untouched ? 1 : 0;
  }
  const settled = settledLines.length;
  const lines = openLines.slice(0, count);
  const open: (LedgerRow | null)[] = make.rows === false ? [] : new Array<LedgerRow | null>(count);
  if (make.rows !== false) {
    const changed = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const read = asReadOpen[k] === 1;
      open[k] = read ? rows[lines[k]] : null;
      changed[k] = read ? -1 : lines[k];
    }
    fillChanged(p, out, open, changed);
  }

  let settledCache: LedgerRow[] | null = null;
  let allocationCache: Allocation[] | null = null;
  const lineOpen = new Map<number, boolean>();
  if (make.rows === false) for (let k = 0; k < count; k++) lineOpen.set(lines[k], asReadOpen[k] === 1);
  return {
    asOf,
    open: open as LedgerRow[],
    openAmount(i: number): { fen: number; exact: Decimal | null } | null {
      const read = make.rows === false ? lineOpen.get(i) : undefined;
      if (read === undefined) return null;
      if (read) {
        const r = rows[i];
        const f = r.balanceFen;
        return { fen: f, exact: f === f ? null : r.balance };
      }
      const e = out.exact.get(i);
      return e === undefined ? { fen: p.fen[i] - out.received[i], exact: null } : { fen: NaN, exact: e.open };
    },
    settled,
    get settledRows(): LedgerRow[] {
      if (settledCache === null) {
        const asRead = (i: number): boolean => kind[i] === SETTLED || (p.fen[i] === 0 && p.paidOn.has(i) && out.received[i] === 0);
        const rowsOut: (LedgerRow | null)[] = settledLines.map((i) => (asRead(i) ? rows[i] : null));
        fillChanged(p, out, rowsOut, settledLines.map((i) => (asRead(i) ? -1 : i)));
        settledCache = rowsOut as LedgerRow[];
      }
      return settledCache;
    },
    credits: creditCount,
    advances,
    leftOut,
    latestDate,
    get allocations(): Allocation[] {
      if (allocationCache === null) {
        allocationCache = out.allocCredit.map((c, k) => new Allocation(rows[c].sheet, rows[c].row, rows[out.allocItem[k]].row, out.allocFen[k], out.allocExact.get(k) ?? null));
        allocationCache.sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) || a.receiptRow - b.receiptRow || a.itemRow - b.itemRow);
      }
      return allocationCache;
    },
    issues,
    openLines: lines,
    shares: { credit: out.allocCredit, item: out.allocItem, fen: out.allocFen, exact: out.allocExact },
  };
}

/**
 * Fills the nulls of `target` (at positions where `lines` names a line, not -1) with rows of new
 * stores holding each item as of the date: its amount, what it received (its own received plus
 * the credits applied, in an open-items list), what is left open.
 */
function fillChanged(p: PreparedLines, out: Outcomes, target: (LedgerRow | null)[], lines: ArrayLike<number>): void {
  const byStore = new Map<LedgerStore, { indices: number[]; slots: number[]; lines: number[] }>();
  for (let k = 0; k < lines.length; k++) {
    const i = lines[k];
    if (i < 0) continue;
    const row = p.rows[i];
    const store = row.source;
    let c = byStore.get(store);
    if (c === undefined) {
      c = { indices: [], slots: [], lines: [] };
      byStore.set(store, c);
    }
    c.indices.push(row.index);
    c.slots.push(k);
    c.lines.push(i);
  }
  const transactions = p.options.shape === "transactions";
  for (const [store, c] of byStore) {
    const sub = store.subset(c.indices);
    for (let k = 0; k < c.lines.length; k++) {
      const i = c.lines[k];
      const row = p.rows[i];
      const exact = out.exact.get(i);
      if (exact === undefined) {
        const openFen = p.fen[i] - out.received[i];
        const appliedFen = out.received[i];
        if (transactions) {
          const f = p.fen[i];
          sub.setMoney("amount", k, f, null);
          sub.setMoney("received", k, appliedFen + 0, null);
        } else {
          const rf = row.receivedFen;
          const base = rf === rf ? rf : 0;
          sub.setMoney("received", k, base + appliedFen + 0, null);
        }
        sub.setMoney("balance", k, openFen + 0, null);
      } else {
        if (transactions) {
          const amount = p.dec.get(i) ?? fenToDecimal(p.fen[i]);
          sub.setMoney("amount", k, fenOfDecimal(amount), amount);
          sub.setMoney("received", k, fenOfDecimal(exact.received), exact.received);
        } else {
          const received = (row.received ?? new Dec(0)).plus(exact.received);
          sub.setMoney("received", k, fenOfDecimal(received), received);
        }
        sub.setMoney("balance", k, fenOfDecimal(exact.open), exact.open);
      }
      sub.derived[k] = 1;
      target[c.slots[k]] = new LedgerRow(sub, k);
    }
  }
}
