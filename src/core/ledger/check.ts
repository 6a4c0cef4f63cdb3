/**
 * The ledger check: a ledger as read (index.readLedger), its companions (customer master, bills
 * register, collection log — each optional), an as-of date and the policy in; per-row results
 * (due date, age, aging class and band, provision), findings by the rules of findings.ts, and
 * exact totals out. One bad cell never stops the check: the cell is reported, the field is
 * blank, and every rule that can still judge the row does.
 *
 * Speed. Excel holds 1,048,576 rows, so the per-row work is flat: aging and provision go
 * through batch.runBatch (integer fen, cutoff days, typed arrays); rules read LedgerRow's fen
 * twins and touch a Decimal only for the rare row that needs one; per-customer facts are
 * gathered in one pass, looked up by the cell's own string before any normalisation; each pass
 * is a function with one loop (see AuditRun); duplicate documents are found by partitioned
 * hashing; messages are formatted only when read (findings.makeFinding); per-row
 * results are typed arrays, made into objects only when asked for (AuditRows.get).
 *
 * Totals are exact: every figure is the sum of the same rows' figures as the rows report them
 * (balances as read, provisions rounded to the fen per row), so a total always equals its rows.
 */
import type Decimal from "decimal.js";
import { AGING_CLASSES } from "../aging";
import { BATCH_ERRORS, type BatchColumns, type BatchResult, type CellValue, NO_DAYS, NO_VALUE, runBatch } from "../batch";
import { billStatus } from "../bills";
import { addMonths, type DayNumber, fromYmd } from "../calendar";
import { collectionTier } from "../collection";
import { formatDateZh, formatIsoDate, toExcelSerial } from "../dates";
import type { Bilingual } from "../errors";
import { FenSum, formatFen, MAX_FEN_LINE } from "../fen";
import { Dec, formatMoneyGrouped, quoteInput } from "../money";
import type { AgingClass, Policy, StatusCondition } from "../policy/types";
import { conditionsInText, writeOffEligibility } from "../writeoff";
import type { BILLS_REGISTER_FIELDS, COLLECTION_LOG_FIELDS, CompanionReading, CUSTOMER_MASTER_FIELDS } from "./companions";
import {
  BILL_SETTLED_WORDS,
  cellRef,
  CLASS_WORDS,
  compareFindings,
  findingAt,
  findingAtWith,
  type Finding,
  LEGAL_STEP_WORDS,
  makeFinding,
  type MessageParams,
  type ParamsAt,
  type RuleId,
  type Severity,
  SEVERITIES,
} from "./findings";
import type { LedgerField } from "./headers";
import type { LedgerReading } from "./index";
import type { LedgerRow, ParseIssue, TableRecord } from "./rows";

// ---------------------------------------------------------------------------------------------
// Inputs and results
// ---------------------------------------------------------------------------------------------

export type CustomerMasterReading = CompanionReading<typeof CUSTOMER_MASTER_FIELDS>;
export type BillsRegisterReading = CompanionReading<typeof BILLS_REGISTER_FIELDS>;
export type CollectionLogReading = CompanionReading<typeof COLLECTION_LOG_FIELDS>;

/** The companion tables, each as its reader returns it; any may be absent. */
export interface AuditCompanions {
  customers?: CustomerMasterReading | null;
  bills?: BillsRegisterReading | null;
  collections?: CollectionLogReading | null;
}

export interface AuditOptions {
  /** Words that mean a legal step was taken (default LEGAL_STEP_WORDS). */
  legalStepWords?: readonly string[];
  /** Words that mean a bill has been presented, paid, discounted or endorsed (default BILL_SETTLED_WORDS). */
  billSettledWords?: readonly string[];
}

/** One open item's result. Money as exact decimal strings ("1234.50"), dates as day numbers. */
export interface AuditRow {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  customer: string | null;
  document: string | null;
  /** As the ledger gives it (null when blank or unreadable). */
  dateArisen: DayNumber | null;
  /** The due date the check used: the ledger's, else date arisen + credit days (row, customer master, policy). */
  dueDate: DayNumber | null;
  /** The balance as read, exactly ("1234.50"); null when unknown. */
  balance: string | null;
  /** asOf − date arisen (estimated from the due date when the date arisen is blank). */
  ageDays: number | null;
  /** asOf − due date; negative while not yet due. */
  daysPastDue: number | null;
  agingClass: AgingClass | null;
  /** Key of the report band (policy.reportBands). */
  agingBand: string | null;
  /** The item's provision, rounded to the fen ("45.50"); null when it cannot be computed. */
  provision: string | null;
  findings: Finding[];
}

/** Count and exact sums of a group of rows. */
export interface AmountTotal {
  count: number;
  balance: string;
  provision: string;
}

export interface BandTotal extends AmountTotal {
  key: string;
  label: Bilingual;
}

export interface AuditTotals {
  /** Every open item. */
  all: AmountTotal;
  /** By aging class; "unclassified" for rows whose due date is unknown. */
  byClass: Record<AgingClass | "unclassified", AmountTotal>;
  /** By report band, in policy order, then "unbanded" (date arisen unknown or after the as-of date). */
  byBand: BandTotal[];
  /** Rows by their most severe finding; "none" for rows without a finding. */
  bySeverity: Record<Severity | "none", AmountTotal>;
  /** Number of findings, everywhere (companion sheets included). */
  findings: Record<Severity, number> & { total: number; byRule: Partial<Record<RuleId, number>> };
}

/** A rule the check could not apply, and why (a column or a table it needs is missing). */
export interface UncheckedRule {
  rule: RuleId;
  reason: Bilingual;
}

export interface AuditResult {
  asOf: DayNumber;
  ledger: {
    sheet: string;
    shape: LedgerReading["shape"];
    headerRow: number | null;
    rowCount: number;
    skippedCount: number;
    unitScale: number;
  };
  companions: { customers: string | null; bills: string | null; collections: string | null };
  rows: AuditRows;
  /** Every finding, in sheet order (ledger first, then the companions). */
  findings: Finding[];
  totals: AuditTotals;
  unchecked: UncheckedRule[];
}

/**
 * The per-row results, column by column. `get(i)` makes the i-th row's object (rows in the
 * order of LedgerReading.rows); iterating makes each in turn.
 */
export class AuditRows implements Iterable<AuditRow> {
  constructor(
    private readonly source: readonly LedgerRow[],
    /** Effective due date; NO_DAYS when unknown. */
    readonly dueDay: Int32Array,
    /** Date arisen used for the age (the ledger's, or estimated from the due date); NO_DAYS when unknown. */
    readonly ageFrom: Int32Array,
    readonly daysPastDue: Int32Array,
    /** Index into AGING_CLASSES; NO_VALUE when unknown. */
    readonly agingClass: Uint8Array,
    /** Index into bandKeys; NO_VALUE when unknown. */
    readonly agingBand: Uint8Array,
    /** Rounded provision in fen; NaN when unknown or in provisionExact. */
    readonly provisionFen: Float64Array,
    readonly provisionExact: ReadonlyMap<number, string>,
    readonly bandKeys: readonly string[],
    private readonly asOf: DayNumber,
    /** Row i's findings are findings[rowFindings[rowStart[i]] … rowFindings[rowStart[i + 1] − 1]]. */
    private readonly allFindings: readonly Finding[],
    private readonly rowStart: Int32Array,
    private readonly rowFindings: Int32Array,
  ) {}

  get length(): number {
    return this.source.length;
  }

  /** The LedgerRow the i-th result is about. */
  ledgerRow(i: number): LedgerRow {
    return this.source[i];
  }

  /** The i-th row's provision, exactly, or null. */
  provision(i: number): string | null {
    const fen = this.provisionFen[i];
    if (fen === fen) return formatFen(fen);
    return this.provisionExact.get(i) ?? null;
  }

  findings(i: number): Finding[] {
    const from = this.rowStart[i];
    const to = this.rowStart[i + 1];
    const out: Finding[] = new Array<Finding>(to - from);
    for (let k = from; k < to; k++) out[k - from] = this.allFindings[this.rowFindings[k]];
    return out;
  }

  get(i: number): AuditRow {
    const r = this.source[i];
    const due = this.dueDay[i];
    const from = this.ageFrom[i];
    const none = NO_DAYS;
    const days = this.daysPastDue[i];
    const cls = this.agingClass[i];
    const band = this.agingBand[i];
    return {
      sheet: r.sheet,
      row: r.row,
      customer: r.customer,
      document: r.document,
      dateArisen: r.dateArisen,
      dueDate: due === none ? null : due,
      balance: balanceText(r),
      ageDays: from === none ? null : this.asOf - from,
      daysPastDue: days === NO_DAYS ? null : days,
      agingClass: cls === NO_VALUE ? null : AGING_CLASSES[cls],
      agingBand: band === NO_VALUE ? null : this.bandKeys[band],
      provision: this.provision(i),
      findings: this.findings(i),
    };
  }

  *[Symbol.iterator](): Iterator<AuditRow> {
    for (let i = 0; i < this.source.length; i++) yield this.get(i);
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** A row's balance as read, exactly: "1234.50" (more decimals only when the ledger had them). */
export function balanceText(r: LedgerRow): string | null {
  const fen = r.balanceFen;
  if (fen === fen) return formatFen(fen);
  const d = r.balance;
  return d === null ? null : d.toFixed(Math.max(2, d.decimalPlaces()));
}

/** Customer names and document numbers compared after NFKC, case and white space (as transactions.ts). */
function keyOf(text: string | null): string | null {
  if (text === null) return null;
  const k = text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  return k === "" ? null : k;
}

/**
 * For duplicate-document: for each row, the first earlier row of the same customer (group id)
 * with the same document, or -1. Documents compare as keyOf compares them (NFKC, case, white
 * space); the usual plain-ASCII number ("INV-2011-031") is hashed and compared folding case on
 * the fly, anything else through keyOf. Rows are partitioned by the top bits of their hash
 * first and each partition gets a small hash table, so memory is read in sequence rather than
 * at random over a table of a million slots (which costs a cache miss per row).
 */
export function firstDuplicateRows(n: number, documentOf: (i: number) => string | null, groupOf: (i: number) => number): Int32Array {
  const hashes = new Int32Array(n);
  const has = new Uint8Array(n);
  const BUCKET_BITS = 12;
  const buckets = 1 << BUCKET_BITS;
  const counts = new Int32Array(buckets + 1);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const doc = documentOf(i);
    const group = groupOf(i);
    if (doc === null || group < 0) continue;
    const h = documentHash(doc, group);
    hashes[i] = h;
    has[i] = 1;
    counts[(h >>> (32 - BUCKET_BITS)) + 1] += 1;
    m++;
  }
  for (let b = 0; b < buckets; b++) counts[b + 1] += counts[b];
  const order = new Int32Array(m);
  const orderHash = new Int32Array(m);
  const at = counts.slice(0, buckets);
  for (let i = 0; i < n; i++) {
    if (has[i] === 0) continue;
    const h = hashes[i];
    const k = at[h >>> (32 - BUCKET_BITS)]++;
    order[k] = i;
    orderHash[k] = h;
  }
  // The hashes are in orderHash now: their array becomes the answer.
  const first = hashes.fill(-1);
  let largest = 0;
  for (let b = 0; b < buckets; b++) largest = Math.max(largest, counts[b + 1] - counts[b]);
  let size = 16;
  while (size < largest * 2) size *= 2;
  const table = new Int32Array(size); // positions in `order` + 1; 0 = empty
  for (let b = 0; b < buckets; b++) {
    const from = counts[b];
    const to = counts[b + 1];
    if (to - from < 2) continue;
    let tableSize = 16;
    while (tableSize < (to - from) * 2) tableSize *= 2;
    const mask = tableSize - 1;
    table.fill(0, 0, tableSize);
    for (let k = from; k < to; k++) {
      const h = orderHash[k];
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        const stored = table[slot];
        if (stored === 0) {
          table[slot] = k + 1;
          break;
        }
        const other = stored - 1;
        if (orderHash[other] !== h) continue;
        const i = order[k];
        const j = order[other];
        if (groupOf(j) === groupOf(i) && sameDocument(documentOf(j) as string, documentOf(i) as string)) {
          first[i] = j; // order is ascending within a bucket, so j is the earliest
          break;
        }
      }
    }
  }
  return first;
}

/** FNV-1a over the document's key (case folded for plain ASCII, keyOf otherwise), seeded with the group. */
function documentHash(doc: string, group: number): number {
  let h = Math.imul(group + 1, 0x9e3779b1) ^ 0x811c9dc5;
  for (let k = 0; k < doc.length; k++) {
    let c = doc.charCodeAt(k);
    if (c <= 0x20 || c >= 0x7f) return documentHashSlow(doc, group);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h ^ (h >>> 15);
}

function documentHashSlow(doc: string, group: number): number {
  const key = keyOf(doc) ?? "";
  let h = Math.imul(group + 1, 0x9e3779b1) ^ 0x811c9dc5;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
  return h ^ (h >>> 15);
}

function isPlainAscii(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  return true;
}

function sameDocument(a: string, b: string): boolean {
  if (a === b) return true;
  if (isPlainAscii(a) && isPlainAscii(b)) {
    if (a.length !== b.length) return false;
    for (let k = 0; k < a.length; k++) {
      let x = a.charCodeAt(k);
      let y = b.charCodeAt(k);
      if (x >= 0x41 && x <= 0x5a) x += 0x20;
      if (y >= 0x41 && y <= 0x5a) y += 0x20;
      if (x !== y) return false;
    }
    return true;
  }
  return keyOf(a) === keyOf(b);
}

/**
 * The last due date that writeoff.writeOffEligibility finds overdue more than
 * policy.writeOff.overdueYears years on asOf (asOf >= addMonths(due, 12 × years) + 1). addMonths
 * is non-decreasing in its day, so exactly the due dates up to this one qualify.
 */
export function lastDueOverdueForWriteOff(asOf: DayNumber, policy: Policy): DayNumber {
  const months = 12 * policy.writeOff.overdueYears;
  const qualifies = (due: DayNumber): boolean => asOf >= addMonths(due, months) + 1;
  let d = addMonths(asOf, -months);
  for (let step = 0; step < 64 && !qualifies(d); step++) d -= 1;
  for (let step = 0; step < 64 && qualifies(d + 1); step++) d += 1;
  return d;
}

function normalizeWords(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

function containsAny(text: string | null | undefined, words: readonly string[]): boolean {
  if (text === null || text === undefined || text === "") return false;
  const t = normalizeWords(text);
  for (const w of words) if (t.includes(w)) return true;
  return false;
}

function day(d: DayNumber): Bilingual {
  return { "zh-CN": formatDateZh(d), "en-US": formatIsoDate(d) };
}

function money(d: Decimal): string {
  return formatMoneyGrouped(d);
}

/** "1,234.50" for 123450 fen, without a Decimal. */
function fenMoney(fen: number): string {
  const plain = formatFen(fen);
  const negative = plain.startsWith("-");
  const unsigned = negative ? plain.slice(1) : plain;
  const dot = unsigned.length - 3;
  return (negative ? "-" : "") + unsigned.slice(0, dot).replace(/\B(?=(\d{3})+$)/g, ",") + unsigned.slice(dot);
}

function customerName(text: string | null): string {
  return text === null ? "" : quoteInput(text);
}

function bi(zh: string, en: string): Bilingual {
  return { "zh-CN": zh, "en-US": en };
}

const CLASS_LABELS: Record<AgingClass, Bilingual> = {
  normal: bi("正常", "normal"),
  overdue: bi("逾期", "overdue"),
  stale: bi("呆滞", "stale"),
  bad: bi("呆帐", "bad"),
};

const ISSUE_RULES: Record<ParseIssue["issue"], RuleId> = {
  "missing-field": "missing-field",
  "bad-date": "bad-date",
  "bad-amount": "bad-amount",
  "bad-number": "bad-value",
  "bad-probability": "bad-value",
  "bad-boolean": "bad-value",
  "bad-text": "bad-value",
  "excel-error": "excel-error",
  "unknown-document": "unknown-document",
  "unallocated-receipt": "unallocated-receipt",
};

/**
 * The label and the explanation of a ParseIssue, without the "工作表“…”第 N 行 F 列（label）："
 * prefix its text starts with (the finding names the cell its own way).
 */
function issueParts(issue: ParseIssue): MessageParams {
  const zhPrefix = `工作表“${issue.sheet}”第 ${issue.row} 行 ${issue.column} 列（`;
  const enPrefix = `Sheet "${issue.sheet}", row ${issue.row}, column ${issue.column} (`;
  const split = (text: string, prefix: string, close: string): [string, string] => {
    if (!text.startsWith(prefix)) return [issue.field, text];
    const end = text.indexOf(close, prefix.length);
    if (end < 0) return [issue.field, text];
    return [text.slice(prefix.length, end), text.slice(end + close.length)];
  };
  const [zhLabel, zhDetail] = split(issue.zh, zhPrefix, "）：");
  const [enLabel, enDetail] = split(issue.en, enPrefix, "): ");
  return { label: bi(zhLabel, enLabel), detail: bi(zhDetail, enDetail) };
}

function issueFinding(issue: ParseIssue): Finding {
  return makeFinding(ISSUE_RULES[issue.issue], issue.sheet, issue.row, issue.column, issueParts(issue), { field: issue.field });
}

/** Sheet letters of a reading's mapped fields. */
function lettersOf<F extends string>(columns: readonly { field: F; letter: string }[]): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const c of columns) out[c.field] = c.letter;
  return out;
}

/** An exact sum of money: fen on the fast path, a Decimal for amounts finer than a fen. */
class MoneySum {
  count = 0;
  private readonly fen = new FenSum();
  private finer: Decimal | null = null;

  addFen(fen: number): void {
    this.fen.add(fen);
  }

  addDecimal(d: Decimal): void {
    const f = d.times(100);
    if (f.isInteger()) this.fen.addBigInt(BigInt(f.toFixed(0)));
    else this.finer = this.finer === null ? d : this.finer.plus(d);
  }

  addSum(other: MoneySum): void {
    this.count += other.count;
    this.fen.addSum(other.fen);
    if (other.finer !== null) this.finer = this.finer === null ? other.finer : this.finer.plus(other.finer);
  }

  /** Adds an exact decimal string such as "1234.50" or "-0.125". */
  addText(text: string): void {
    this.addDecimal(new Dec(text));
  }

  toString(): string {
    if (this.finer === null) return this.fen.toDecimalString();
    const total = new Dec(this.fen.toBigInt().toString()).div(100).plus(this.finer);
    return total.toFixed(Math.max(2, total.decimalPlaces()));
  }

  toDecimal(): Decimal {
    return new Dec(this.toString());
  }
}

class TotalBuilder {
  count = 0;
  readonly balance = new MoneySum();
  readonly provision = new MoneySum();

  addTotal(other: TotalBuilder): void {
    this.count += other.count;
    this.balance.addSum(other.balance);
    this.provision.addSum(other.provision);
  }

  result(): AmountTotal {
    return { count: this.count, balance: this.balance.toString(), provision: this.provision.toString() };
  }
}

/** What an aging column's text names: a class, a report band (index), or nothing we know. */
type AgingLabelMeaning = { kind: "class"; value: AgingClass } | { kind: "band"; value: number } | null;

const ZH_DIGITS: Record<string, string> = { 一: "1", 二: "2", 两: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9", 十: "10" };

function normalizeAgingLabel(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/帐/g, "账")
    .replace(/[一二两三四五六七八九十]/g, (c) => ZH_DIGITS[c] ?? c)
    .replace(/[~～—–至到]/g, "-")
    .replace(/以|\s+|years?|yrs?/g, (m) => (m.startsWith("y") ? "y" : ""))
    .replace(/[()（）]/g, "");
}

/** What an aging column's text names, by CLASS_WORDS and the policy's own report band labels (cached per text). */
function agingLabelReader(policy: Policy): (text: string) => AgingLabelMeaning {
  const classes = new Map<string, AgingClass>();
  for (const cls of AGING_CLASSES) for (const w of CLASS_WORDS[cls]) classes.set(normalizeAgingLabel(w), cls);
  const bands = new Map<string, number>();
  policy.reportBands.forEach((b, i) => {
    bands.set(normalizeAgingLabel(b.label["zh-CN"]), i);
    bands.set(normalizeAgingLabel(b.label["en-US"]), i);
    bands.set(normalizeAgingLabel(b.key), i);
  });
  const cache = new Map<string, AgingLabelMeaning>();
  return (text) => {
    let m = cache.get(text);
    if (m === undefined) {
      const t = normalizeAgingLabel(text);
      const cls = classes.get(t);
      const band = bands.get(t);
      m = cls !== undefined ? { kind: "class", value: cls } : band !== undefined ? { kind: "band", value: band } : null;
      if (cache.size < 4096) cache.set(text, m);
    }
    return m;
  };
}

/** A customer of the ledger: its rows' total, latest confirmation, master record and legal steps. */
interface CustomerGroup {
  /** The name as first written. */
  name: string | null;
  key: string;
  first: number;
  balance: MoneySum;
  lastConfirmed: number;
  master: TableRecord<typeof CUSTOMER_MASTER_FIELDS> | null;
  legalStep: boolean;
  /** Position in the list of groups. */
  id: number;
}

const DAY_1900_03_01 = fromYmd(1900, 3, 1);
const DAY_1900_01_01 = fromYmd(1900, 1, 1);
const SERIAL_OFFSET = 25569;
const E_AFTER_AS_OF = BATCH_ERRORS.findIndex((e) => e.id === "aging.arisen-after-as-of");

/** A day as a 1900-system serial for runBatch; 0 ("no date") when there is none. */
function serialOf(d: number): number {
  if (d !== d || d < DAY_1900_01_01) return 0;
  return d >= DAY_1900_03_01 ? d + SERIAL_OFFSET : toExcelSerial(d);
}

/** Two or three free texts as one (status and note, say); null when all are blank. Fixed arity: called per row. */
function recordText(a: string | null | undefined, b: string | null | undefined, c: string | null | undefined = null): string | null {
  let out: string | null = a === undefined || a === "" ? null : a;
  if (b !== null && b !== undefined && b !== "") out = out === null ? b : `${out} ${b}`;
  if (c !== null && c !== undefined && c !== "") out = out === null ? c : `${out} ${c}`;
  return out;
}

// Message parameters made only when a message is read. Built here, outside the per-row loop:
// a closure made inside the loop would make V8 allocate the loop's variables per iteration.

function reconciliationParams(name: string | null, months: number, last: DayNumber, asOf: DayNumber): () => MessageParams {
  return () => ({ customer: customerName(name), months, last: day(last), asOf: day(asOf) });
}

/** credit-limit-exceeded's parameters: the figures as the check found them, worded when the message is read. */
function creditLimitParams(name: string | null, total: Decimal, limit: Decimal, limitSheet: string, limitColumn: string, limitRow: number): () => MessageParams {
  return () => ({
    customer: customerName(name),
    total: money(total),
    limit: money(limit),
    limitCell: cellRef(limitSheet, limitColumn, limitRow),
    excess: money(total.minus(limit)),
  });
}

// ---------------------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------------------

type MasterRecord = TableRecord<typeof CUSTOMER_MASTER_FIELDS>;

/**
 * One run of the check: its inputs, what the passes share, and the findings so far. Each pass
 * is a function of its own with one loop, so V8 optimises each loop on its own (one function
 * with many loops and closures is re-optimised loop by loop and boxes every number meanwhile).
 */
class AuditRun {
  readonly sheet: string;
  readonly rows: readonly LedgerRow[];
  readonly n: number;
  readonly letter: Partial<Record<LedgerField, string>>;
  readonly findings: Finding[] = [];
  /** The ledger row (index into rows) of each finding in `findings`, -1 for one on no ledger row. */
  readonly rowOfFinding: number[] = [];
  /** Index into SEVERITIES of each row's most severe finding; NO_VALUE for none. */
  readonly worst: Uint8Array;
  readonly unchecked: UncheckedRule[] = [];
  readonly legalWords: readonly string[];
  readonly billWords: readonly string[];

  // Customers (prepareRows).
  readonly groups: CustomerGroup[] = [];
  /** Each row's customer group (index into groups), -1 for none. */
  readonly groupId: Int32Array;
  readonly masterByName = new Map<string, MasterRecord>();
  readonly masterByCode = new Map<string, MasterRecord>();
  readonly masterLetter: Record<string, string | undefined>;
  readonly legalStepOf = new Set<string>();

  // Per row (prepareRows).
  /** Effective due date per row; NO_DAYS when unknown. */
  readonly dueDay: Int32Array;
  /** The day the age counts from (the date arisen, or estimated from the due date); NO_DAYS when unknown. */
  readonly ageFrom: Int32Array;
  readonly statusText: (string | null)[];

  constructor(
    read: LedgerReading,
    readonly master: CustomerMasterReading | null,
    readonly bills: BillsRegisterReading | null,
    readonly log: CollectionLogReading | null,
    readonly asOf: DayNumber,
    readonly policy: Policy,
    options: AuditOptions,
  ) {
    this.sheet = read.sheet;
    this.rows = read.rows;
    this.n = read.rows.length;
    this.letter = lettersOf<LedgerField>(read.mapping.columns);
    this.worst = new Uint8Array(this.n).fill(NO_VALUE);
    this.legalWords = (options.legalStepWords ?? LEGAL_STEP_WORDS).map(normalizeWords);
    this.billWords = (options.billSettledWords ?? BILL_SETTLED_WORDS).map(normalizeWords);
    this.groupId = new Int32Array(this.n);
    this.dueDay = new Int32Array(this.n);
    this.ageFrom = new Int32Array(this.n);
    this.statusText = new Array<string | null>(this.n); // every slot set by prepareRows
    this.masterLetter = master === null ? {} : lettersOf(master.mapping.columns);
  }

  mapped(field: LedgerField): boolean {
    return this.letter[field] !== undefined;
  }

  /** The sheet letter of the first of `fields` the ledger has; "" (the whole row) when none. */
  col(field: LedgerField, fallback?: LedgerField): string {
    return this.letter[field] ?? (fallback === undefined ? undefined : this.letter[fallback]) ?? "";
  }

  /** A finding on ledger row i (an index into rows). */
  rowFinding(i: number, rule: RuleId, column: string, params: MessageParams | (() => MessageParams), variant?: string, field?: string): void {
    this.attach(i, findingAt(rule, this.sheet, this.rows[i].row, column, params, variant, field));
  }

  /** A finding on ledger row i whose parameters are `paramsAt(i)`, made when its message is read. */
  rowFindingWith(i: number, rule: RuleId, column: string, paramsAt: ParamsAt, variant?: string, field?: string): void {
    this.attach(i, findingAtWith(rule, this.sheet, this.rows[i].row, column, paramsAt, i, variant, field));
  }

  /** A finding on no ledger row (a companion sheet's, or a row that is not an open item). */
  addFinding(f: Finding): void {
    this.findings.push(f);
    this.rowOfFinding.push(-1);
  }

  /** A finding on ledger row i. */
  attach(i: number, f: Finding): void {
    this.findings.push(f);
    this.rowOfFinding.push(i);
    const s = SEVERITY_INDEX[f.severity];
    const w = this.worst[i];
    if (w === NO_VALUE || s < w) this.worst[i] = s;
  }

  skipRule(rule: RuleId, zh: string, en: string): void {
    this.unchecked.push({ rule, reason: bi(zh, en) });
  }

  /** Where a ledger sheet row sits in `rows` (which are in sheet order); -1 when it is not an open item. */
  indexOfSheetRow(sheetRow: number): number {
    const rows = this.rows;
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = rows[mid].row;
      if (r === sheetRow) return mid;
      if (r < sheetRow) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

const SEVERITY_INDEX: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Checks a ledger against the policy on `asOf` (see the file comment and findings.RULES for
 * what each rule does). Throws only for a policy the batch cannot use (bands, rates: loadPolicy
 * catches those first); every problem of the data is a finding.
 */
export function auditLedger(
  read: LedgerReading,
  companions: AuditCompanions,
  asOf: DayNumber,
  policy: Policy,
  options: AuditOptions = {},
): AuditResult {
  const run = new AuditRun(read, companions.customers ?? null, companions.bills ?? null, companions.collections ?? null, asOf, policy, options);
  readingFindings(run, read);
  indexCompanions(run);
  const batch = prepareRows(run);
  checkRows(run, batch);
  checkCustomers(run);
  checkCollectionLog(run);
  checkBills(run);

  // Order: the ledger, then the companions, each by row and column.
  const sheetOrder = new Map<string, number>();
  for (const s of [run.sheet, run.master?.sheet, run.bills?.sheet, run.log?.sheet]) if (s !== undefined && !sheetOrder.has(s)) sheetOrder.set(s, sheetOrder.size);
  const { findings, rowStart, rowFindings } = sortFindings(run, compareFindings(sheetOrder));

  const bandKeys = policy.reportBands.map((b) => b.key);
  return {
    asOf,
    ledger: {
      sheet: run.sheet,
      shape: read.shape,
      headerRow: read.header.row,
      rowCount: run.n,
      skippedCount: read.skipped.length,
      unitScale: read.units.scale,
    },
    companions: { customers: run.master?.sheet ?? null, bills: run.bills?.sheet ?? null, collections: run.log?.sheet ?? null },
    rows: new AuditRows(
      run.rows,
      run.dueDay,
      run.ageFrom,
      batch.daysPastDue,
      batch.agingClass,
      batch.reportBand,
      batch.provisionFen,
      batch.provisionExact,
      bandKeys,
      asOf,
      findings,
      rowStart,
      rowFindings,
    ),
    findings,
    totals: totalsOf(run.rows, batch, run.worst, findings, policy),
    unchecked: run.unchecked,
  };
}

/** Every cell the reading could not use, as a finding (ledger and companions). */
function readingFindings(run: AuditRun, read: LedgerReading): void {
  for (const issue of read.issues) {
    const f = issueFinding(issue);
    const i = issue.sheet === run.sheet ? run.indexOfSheetRow(issue.row) : -1;
    if (i >= 0) run.attach(i, f);
    else run.addFinding(f);
  }
  for (const c of [run.master, run.bills, run.log]) if (c !== null) for (const issue of c.issues) run.addFinding(issueFinding(issue));
}

/** Customer master by name and by code; customers with a legal step in the collection log. */
function indexCompanions(run: AuditRun): void {
  if (run.master !== null) {
    for (const rec of run.master.records) {
      const name = keyOf(rec.customer);
      if (name !== null && !run.masterByName.has(name)) run.masterByName.set(name, rec);
      const code = keyOf(rec.customerCode);
      if (code !== null && !run.masterByCode.has(code)) run.masterByCode.set(code, rec);
    }
  }
  if (run.log !== null) {
    for (const rec of run.log.records) {
      const key = keyOf(rec.customer);
      if (key !== null && containsAny(recordText(rec.method, rec.result, rec.note), run.legalWords)) run.legalStepOf.add(key);
    }
  }
}

/** Customer groups are looked up by the cell's own string first, so a name is normalised once, not per row. */
class CustomerLookup {
  private readonly byRaw = new Map<string, CustomerGroup>();
  private readonly byKey = new Map<string, CustomerGroup>();

  constructor(private readonly run: AuditRun) {}

  groupOf(r: LedgerRow, i: number): CustomerGroup | null {
    const raw = r.customer;
    if (raw === null) return null;
    let g = this.byRaw.get(raw);
    if (g !== undefined) return g;
    const key = keyOf(raw);
    if (key === null) return null;
    g = this.byKey.get(key);
    if (g === undefined) {
      const run = this.run;
      const code = keyOf(r.customerCode);
      const m = (code !== null ? run.masterByCode.get(code) : undefined) ?? run.masterByName.get(key) ?? null;
      const masterKey = m === null ? null : keyOf(m.customer);
      g = {
        name: raw,
        key,
        first: i,
        balance: new MoneySum(),
        lastConfirmed: NaN,
        master: m,
        legalStep: run.legalStepOf.has(key) || (masterKey !== null && run.legalStepOf.has(masterKey)),
        id: run.groups.length,
      };
      this.byKey.set(key, g);
      run.groups.push(g);
    }
    if (this.byRaw.size < 1 << 20) this.byRaw.set(raw, g);
    return g;
  }
}

/** A column of amounts for runBatch: yuan numbers (NaN = blank) until a row needs its exact text. */
class AmountColumn {
  private numbers: Float64Array | null;
  private cells: CellValue[] | null = null;

  constructor(n: number) {
    this.numbers = new Float64Array(n);
  }

  setFen(i: number, fen: number): void {
    if (this.numbers !== null) this.numbers[i] = fen / 100;
    else (this.cells as CellValue[])[i] = fen / 100;
  }

  setBlank(i: number): void {
    if (this.numbers !== null) this.numbers[i] = NaN;
    else (this.cells as CellValue[])[i] = null;
  }

  setExact(i: number, d: Decimal): void {
    if (this.numbers !== null) {
      this.cells = Array.from(this.numbers, (x) => (x === x ? x : null));
      this.numbers = null;
    }
    (this.cells as CellValue[])[i] = d.toFixed();
  }

  values(): ArrayLike<CellValue> {
    return this.numbers ?? (this.cells as CellValue[]);
  }
}

/**
 * Customers, due dates (the customer master's credit days joined), the date the age counts from
 * (estimated from the due date when the ledger gives only that), and aging and provision for
 * every row through runBatch.
 */
function prepareRows(run: AuditRun): BatchResult {
  const { rows, n, policy } = run;
  const lookup = new CustomerLookup(run);
  // Serials for runBatch; 0 is "no date" there.
  const arisenSerial = new Int32Array(n);
  const dueSerial = new Int32Array(n);
  const noDays = NO_DAYS;
  const balance = new AmountColumn(n);
  const recovery = run.mapped("expectedRecovery") ? new AmountColumn(n) : null;
  const recoveryColumn = run.col("expectedRecovery");
  const defaultCreditDays = policy.defaultCreditDays;
  const { dueDay, ageFrom, statusText, groupId } = run;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const g = lookup.groupOf(r, i);
    groupId[i] = g === null ? -1 : g.id;
    const masterDays = g === null || g.master === null ? null : g.master.creditDays;
    const credit = r.creditDays ?? masterDays ?? defaultCreditDays;
    const arisen = r.dateArisen;
    const explicitDue = r.dueDate;
    const due = explicitDue !== null ? explicitDue : arisen === null ? NaN : arisen + credit;
    const from = arisen !== null ? arisen : due - credit;
    dueDay[i] = due === due ? due : noDays;
    ageFrom[i] = from === from ? from : noDays;
    arisenSerial[i] = serialOf(from);
    dueSerial[i] = serialOf(due);

    const bf = r.balanceFen;
    if (bf === bf) balance.setFen(i, bf);
    else {
      const b = r.balance;
      if (b === null) balance.setBlank(i);
      else balance.setExact(i, b);
    }
    if (recovery !== null) {
      const ef = r.expectedRecoveryFen;
      if (ef === ef && ef >= 0) recovery.setFen(i, ef);
      else {
        const ed = ef === ef ? null : r.expectedRecovery;
        if (ef === ef || (ed !== null && ed.isNegative() && !ed.isZero())) {
          // A negative expected recovery would put the row out of the provision: reported and ignored.
          run.rowFinding(i, "bad-amount", recoveryColumn, negativeRecoveryParams(ef, ed), "negative", "expectedRecovery");
          recovery.setBlank(i);
        } else if (ed === null) recovery.setBlank(i);
        else recovery.setExact(i, ed);
      }
    }
    statusText[i] = recordText(r.status, r.note);
  }
  const columns: BatchColumns = { dateArisen: arisenSerial, dueDate: dueSerial, balance: balance.values(), statusText };
  if (recovery !== null) columns.expectedRecovery = recovery.values();
  return runBatch(columns, run.asOf, policy);
}

function negativeRecoveryParams(fen: number, dec: Decimal | null): MessageParams {
  return { label: bi("预计可收回金额", "expected recovery"), value: fen === fen ? fenMoney(fen) : money(dec as Decimal) };
}

/** The rules that look at one row at a time, and the per-customer sums the next pass needs. */
function checkRows(run: AuditRun, batch: BatchResult): void {
  const { rows, n, policy, asOf, groupId, groups, dueDay, statusText } = run;
  const hasBalanceColumns = run.mapped("amount") && run.mapped("received") && run.mapped("balance");
  const readAgingLabel = run.mapped("agingLabel") ? agingLabelReader(policy) : null;
  const hasCollectorColumn = run.mapped("collector") || run.masterLetter.collector !== undefined;
  const hasProbability = run.mapped("recoveryProbability") || run.mapped("expectedRecovery");
  if (!hasCollectorColumn) run.skipRule("bad-debt-unassigned", "台账和客户档案都没有责任人列。", "Neither the ledger nor the customer master has a collector column.");
  if (!hasProbability) run.skipRule("low-recovery-no-action", "台账没有回收可能性或预计可收回金额列。", "The ledger has no recovery probability or expected recovery column.");
  if (readAgingLabel === null) run.skipRule("class-mismatch", "台账没有账龄列。", "The ledger has no aging column.");
  if (!hasBalanceColumns) run.skipRule("balance-mismatch", "台账没有同时具备金额、已收和余额三列。", "The ledger does not have all of amount, received and balance.");
  if (!run.mapped("document")) run.skipRule("duplicate-document", "台账没有单据号列。", "The ledger has no document column.");

  const lastOverdueDue = lastDueOverdueForWriteOff(asOf, policy);
  const writeOffConditions = new Map<string, number>();
  const duplicateOf = run.mapped("document") ? firstDuplicateRows(n, (j) => rows[j].document, (j) => groupId[j]) : null;
  const columns = {
    dateArisen: run.col("dateArisen"),
    dueDate: run.col("dueDate"),
    received: run.col("received"),
    balance: run.col("balance"),
    balanceOrAmount: run.col("balance", "amount"),
    arisenOrDue: run.col("dateArisen", "dueDate"),
    document: run.col("document"),
    agingLabel: run.col("agingLabel"),
    collector: run.col("collector", "customer"),
    probability: run.col("recoveryProbability"),
    recovery: run.col("expectedRecovery"),
  };
  const params = rowParams(run, batch, duplicateOf, columns.document);
  const classBad = AGING_CLASSES.indexOf("bad");
  const noValue = NO_VALUE;
  const noDays = NO_DAYS;
  const afterAsOf = E_AFTER_AS_OF;
  const { errorCode, agingClass, reportBand } = batch;

  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const gid = groupId[i];
    const g = gid < 0 ? null : groups[gid];
    const bf = r.balanceFen;
    // Sign of the balance without a Decimal on the fast path: 1, 0, -1, or NaN when unknown.
    let sign = NaN;
    if (bf === bf) sign = bf > 0 ? 1 : bf < 0 ? -1 : 0;
    else {
      const b = r.balance;
      if (b !== null) sign = b.isZero() ? 0 : b.isNegative() ? -1 : 1;
    }
    const arisen = r.dateArisen;
    const explicitDue = r.dueDate;

    if (errorCode[i] === afterAsOf && arisen !== null) {
      run.rowFinding(i, "arisen-after-as-of", columns.dateArisen, { date: day(arisen), asOf: day(asOf) }, undefined, "dateArisen");
    }
    if (explicitDue !== null && arisen !== null && explicitDue < arisen) {
      run.rowFinding(i, "due-before-date", columns.dueDate, { due: day(explicitDue), arisen: day(arisen) }, undefined, "dueDate");
    }

    // Amounts against each other.
    const receivedTooMuch = checkReceived(run, i, r, columns.received);
    if (hasBalanceColumns && sign === sign && !r.balanceDerived) checkBalance(run, i, r, columns.balance);
    if (sign === -1 && !receivedTooMuch) run.rowFindingWith(i, "overpayment", columns.balanceOrAmount, params.overpayment, undefined, "balance");

    if (duplicateOf !== null && duplicateOf[i] >= 0) run.rowFindingWith(i, "duplicate-document", columns.document, params.duplicate, undefined, "document");

    const cls = agingClass[i];
    if (readAgingLabel !== null) {
      const label = r.agingLabel;
      if (label !== null) {
        const meaning = readAgingLabel(label);
        if (meaning !== null && meaning.kind === "class" && cls !== noValue && AGING_CLASSES[cls] !== meaning.value) {
          run.rowFindingWith(i, "class-mismatch", columns.agingLabel, params.classMismatch, undefined, "agingLabel");
        } else if (meaning !== null && meaning.kind === "band" && reportBand[i] !== noValue && reportBand[i] !== meaning.value) {
          run.rowFindingWith(i, "class-mismatch", columns.agingLabel, params.bandMismatch, undefined, "agingLabel");
        }
      }
    }

    if (sign === 1) {
      // POLICY §8: writeoff.writeOffEligibility's answer without its calendar work per row: the
      // overdue-years rule holds exactly for due dates up to lastOverdueDue; the status conditions
      // are matched once per distinct text; the reasons are listed when the message is read.
      const due = dueDay[i];
      const text = statusText[i];
      if (due !== noDays && (due <= lastOverdueDue || (text !== null && writeOffConditionCount(writeOffConditions, text, policy) > 0))) {
        run.rowFindingWith(i, "write-off-candidate", explicitDue !== null ? columns.dueDate : columns.arisenOrDue, params.writeOff);
      }

      // Bad debts need someone responsible (POLICY §6; plan 000: per-item responsible person).
      if (hasCollectorColumn && cls === classBad && r.collector === null && (g === null || g.master === null || g.master.collector === null)) {
        run.rowFindingWith(i, "bad-debt-unassigned", columns.collector, params.badDebt, undefined, "collector");
      }

      // Low recovery with no legal step (POLICY §6).
      if (hasProbability) checkRecovery(run, i, r, g, text, columns.probability, columns.recovery);
    }

    // Per customer: balances and the latest confirmation.
    if (g !== null) {
      if (bf === bf) g.balance.addFen(bf);
      else {
        const b = r.balance;
        if (b !== null) g.balance.addDecimal(b);
      }
      const lc = r.lastConfirmed;
      if (lc !== null && !(lc <= g.lastConfirmed)) g.lastConfirmed = lc;
    }
  }
}

function writeOffConditionCount(cache: Map<string, number>, text: string, policy: Policy): number {
  let c = cache.get(text);
  if (c === undefined) {
    c = conditionsInText(text, policy.writeOff.conditions).length;
    if (cache.size < 65536) cache.set(text, c);
  }
  return c;
}

/** received-exceeds-amount; true when it fired (then overpayment is not reported again). */
function checkReceived(run: AuditRun, i: number, r: LedgerRow, column: string): boolean {
  const af = r.amountFen;
  const rf = r.receivedFen;
  if (af === af && rf === rf) {
    if (rf > 0 && rf > af) {
      run.rowFinding(i, "received-exceeds-amount", column, { received: fenMoney(rf), amount: fenMoney(af), excess: fenMoney(rf - af) }, undefined, "received");
      return true;
    }
    return false;
  }
  const a = r.amount;
  const rc = a === null ? null : r.received;
  if (a !== null && rc !== null && rc.gt(0) && rc.gt(a)) {
    run.rowFinding(i, "received-exceeds-amount", column, { received: money(rc), amount: money(a), excess: money(rc.minus(a)) }, undefined, "received");
    return true;
  }
  return false;
}

/** balance-mismatch: amount − received (blank = 0) against the ledger's own balance, to the fen. */
function checkBalance(run: AuditRun, i: number, r: LedgerRow, column: string): void {
  if (r.hasIssue("received")) return;
  const af = r.amountFen;
  const rf = r.receivedFen;
  const bf = r.balanceFen;
  if (af === af && bf === bf && rf === rf) {
    const expected = af - rf;
    if (expected !== bf) run.rowFinding(i, "balance-mismatch", column, balanceMismatchFen(bf, af, rf, expected), undefined, "balance");
    return;
  }
  const a = r.amount;
  if (a === null) return;
  const received = r.received;
  if (af === af && bf === bf && received === null) {
    if (af !== bf) run.rowFinding(i, "balance-mismatch", column, balanceMismatchFen(bf, af, 0, af), undefined, "balance");
    return;
  }
  const rc = received ?? new Dec(0);
  const b = r.balance as Decimal;
  const expected = a.minus(rc);
  if (b.minus(expected).abs().gte("0.01")) {
    run.rowFinding(
      i,
      "balance-mismatch",
      column,
      { balance: money(b), amount: money(a), received: money(rc), expected: money(expected), difference: money(b.minus(expected)) },
      undefined,
      "balance",
    );
  }
}

function balanceMismatchFen(bf: number, af: number, rf: number, expected: number): MessageParams {
  return { balance: fenMoney(bf), amount: fenMoney(af), received: fenMoney(rf), expected: fenMoney(expected), difference: fenMoney(bf - expected) };
}

/** low-recovery-no-action: the row's recovery probability (else expected recovery ÷ balance) in the legal tier. */
function checkRecovery(run: AuditRun, i: number, r: LedgerRow, g: CustomerGroup | null, text: string | null, probabilityColumn: string, recoveryColumn: string): void {
  let p: Decimal | null = r.recoveryProbability;
  let column = probabilityColumn;
  if (p === null) {
    const expected = r.expectedRecovery;
    if (expected === null || expected.isNegative()) return;
    const b = r.balance as Decimal;
    p = Dec.min(expected.div(b), 1);
    column = recoveryColumn;
  }
  if (collectionTier(p, run.policy).approach !== "legal") return;
  if ((g !== null && g.legalStep) || containsAny(text, run.legalWords)) return;
  const shown = `${p.times(100).toDecimalPlaces(2).toString()}%`;
  run.rowFinding(i, "low-recovery-no-action", column, { customer: customerName(r.customer), probability: shown });
}

/** The parameters of checkRows' per-row rules whose figures the run keeps anyway, each made from a row's index. */
interface RowParams {
  overpayment: ParamsAt;
  duplicate: ParamsAt;
  classMismatch: ParamsAt;
  bandMismatch: ParamsAt;
  writeOff: ParamsAt;
  badDebt: ParamsAt;
}

/**
 * One function per rule for the whole check (findings.ParamsAt), each reading the row's figures
 * from the run's columns when a message is read. Made outside checkRows so its loop variables
 * stay out of any closure's context.
 */
function rowParams(run: AuditRun, batch: BatchResult, duplicateOf: Int32Array | null, documentColumn: string): RowParams {
  const { rows, sheet, asOf, policy, dueDay, ageFrom, statusText } = run;
  const { agingClass, daysPastDue, condition, reportBand } = batch;
  const conditionOf = (i: number): StatusCondition | null => (condition[i] === NO_VALUE ? null : policy.directToBad[condition[i]]);
  return {
    overpayment: (i) => ({ customer: customerName(rows[i].customer), balance: balanceMoney(rows[i]) }),
    duplicate: (i) => {
      const r = rows[i];
      const first = rows[(duplicateOf as Int32Array)[i]];
      return { customer: customerName(r.customer), document: quoteInput(r.document), firstCell: cellRef(sheet, documentColumn, first.row) };
    },
    classMismatch: (i) => {
      const cond = conditionOf(i);
      const dpd = daysPastDue[i];
      return {
        written: rows[i].agingLabel as string,
        expected: CLASS_LABELS[AGING_CLASSES[agingClass[i]]],
        asOf: day(asOf),
        why: cond !== null ? cond.label : bi(dpd > 0 ? `逾期 ${dpd} 天` : "未逾期", dpd > 0 ? `${dpd} days past due` : "not past due"),
      };
    },
    bandMismatch: (i) => {
      const from = ageFrom[i];
      return {
        written: rows[i].agingLabel as string,
        expected: policy.reportBands[reportBand[i]].label,
        asOf: day(asOf),
        why: bi(`发生于 ${formatDateZh(from)}`, `arisen on ${formatIsoDate(from)}`),
      };
    },
    writeOff: (i) => {
      const r = rows[i];
      const e = writeOffEligibility({ dueDate: dueDay[i], asOf, statusText: statusText[i] }, policy);
      const reasons = bi(e.reasons.map((x) => x.label["zh-CN"]).join("；"), e.reasons.map((x) => x.label["en-US"]).join("; "));
      return { customer: customerName(r.customer), balance: balanceMoney(r), reasons };
    },
    badDebt: (i) => {
      const r = rows[i];
      const cond = conditionOf(i);
      const dpd = daysPastDue[i];
      return { customer: customerName(r.customer), balance: balanceMoney(r), why: cond !== null ? cond.label : bi(`逾期 ${dpd} 天`, `${dpd} days past due`) };
    },
  };
}

/** Per-customer rules, on the customer's first ledger row (credit review: its master row). */
function checkCustomers(run: AuditRun): void {
  const { policy, asOf, master } = run;
  const reconciliationMonths = policy.reconciliationIntervalMonths;
  const reviewMonths = policy.credit.reviewIntervalMonths;
  const confirmationColumn = run.col("lastConfirmed");
  const balanceColumn = run.col("balance", "amount");
  const limitColumn = run.masterLetter.creditLimit;
  const reviewColumn = run.masterLetter.lastReview;
  const checkConfirmation = run.mapped("lastConfirmed");
  if (!checkConfirmation) run.skipRule("reconciliation-overdue", "台账没有对账日期列。", "The ledger has no confirmation date column.");
  if (limitColumn === undefined) run.skipRule("credit-limit-exceeded", "没有带信用额度列的客户档案。", "No customer master with a credit limit column.");
  if (reviewColumn === undefined) run.skipRule("credit-review-overdue", "没有带评审日期列的客户档案。", "No customer master with a review date column.");
  const reviewed = new Set<MasterRecord>();
  for (const g of run.groups) {
    const total = g.balance.toDecimal();
    const open = total.gt(0);
    const m = g.master;
    if (limitColumn !== undefined && m !== null && m.creditLimit !== null && total.gt(m.creditLimit)) {
      run.rowFinding(g.first, "credit-limit-exceeded", balanceColumn, creditLimitParams(g.name, total, m.creditLimit, m.sheet, limitColumn, m.row));
    }
    if (open && checkConfirmation) {
      const last = g.lastConfirmed;
      if (last !== last) {
        run.rowFinding(g.first, "reconciliation-overdue", confirmationColumn, { customer: customerName(g.name), months: reconciliationMonths }, "never", "lastConfirmed");
      } else if (addMonths(last, reconciliationMonths) < asOf) {
        run.rowFinding(g.first, "reconciliation-overdue", confirmationColumn, reconciliationParams(g.name, reconciliationMonths, last, asOf), undefined, "lastConfirmed");
      }
    }
    if (open && reviewColumn !== undefined && m !== null && master !== null && !reviewed.has(m)) {
      reviewed.add(m);
      const last = m.lastReview;
      const customer = customerName(m.customer);
      if (last === null) {
        run.addFinding(makeFinding("credit-review-overdue", master.sheet, m.row, reviewColumn, { customer, months: reviewMonths }, { variant: "never", field: "lastReview" }));
      } else if (addMonths(last, reviewMonths) < asOf) {
        run.addFinding(makeFinding("credit-review-overdue", master.sheet, m.row, reviewColumn, { customer, months: reviewMonths, last: day(last), asOf: day(asOf) }, { field: "lastReview" }));
      }
    }
  }
}

/** The collection log: every contact needs a written promise to pay (POLICY §6). */
function checkCollectionLog(run: AuditRun): void {
  const log = run.log;
  if (log === null) {
    run.skipRule("promise-missing", "没有催收记录表。", "No collection log.");
    return;
  }
  const letter = lettersOf(log.mapping.columns) as Record<string, string | undefined>;
  const promiseColumn = letter.writtenPromise ?? letter.promisedAmount ?? letter.promisedDate;
  if (promiseColumn === undefined) {
    run.skipRule("promise-missing", "催收记录表没有书面承诺、承诺金额或承诺日期列。", "The collection log has no written-promise, promised amount or promised date column.");
    return;
  }
  for (const rec of log.records) {
    if (rec.collected !== null && rec.collected.gt(0)) continue;
    const params = { customer: customerName(rec.customer), date: rec.contactDate === null ? bi("（日期不详）", "(date unknown)") : day(rec.contactDate) };
    if (rec.writtenPromise === false) {
      run.addFinding(makeFinding("promise-missing", log.sheet, rec.row, letter.writtenPromise ?? promiseColumn, params, { variant: "refused", field: "writtenPromise" }));
    } else if (rec.writtenPromise !== true && rec.promisedAmount === null && rec.promisedDate === null) {
      run.addFinding(makeFinding("promise-missing", log.sheet, rec.row, promiseColumn, params, { field: "writtenPromise" }));
    }
  }
}

/** The bills register: a bill is presented for collection at maturity (POLICY §9). */
function checkBills(run: AuditRun): void {
  const bills = run.bills;
  if (bills === null) {
    run.skipRule("bill-past-maturity", "没有应收票据登记簿。", "No bills register.");
    return;
  }
  const letter = lettersOf(bills.mapping.columns) as Record<string, string | undefined>;
  for (const rec of bills.records) {
    if (rec.dueDate === null) continue;
    const { status, days } = billStatus(rec.dueDate, run.asOf);
    if (status !== "past-maturity") continue;
    if (rec.presentedDate !== null || rec.discountDate !== null || rec.endorsedTo !== null) continue;
    if (containsAny(recordText(rec.status, rec.note), run.billWords)) continue;
    run.addFinding(
      makeFinding(
        "bill-past-maturity",
        bills.sheet,
        rec.row,
        letter.dueDate ?? "",
        { billNo: rec.billNo ?? "", amount: rec.amount === null ? "?" : money(rec.amount), due: day(rec.dueDate), asOf: day(run.asOf), days },
        { field: "dueDate" },
      ),
    );
  }
}

/**
 * The findings in sheet order, and each ledger row's findings as index lists over them (no array
 * per row): rowFindings[rowStart[i] … rowStart[i + 1] − 1] are row i's, in the same order.
 */
function sortFindings(run: AuditRun, compare: (a: Finding, b: Finding) => number): { findings: Finding[]; rowStart: Int32Array; rowFindings: Int32Array } {
  const all = run.findings;
  const rowOf = run.rowOfFinding;
  const m = all.length;
  const n = run.n;
  const order = new Array<number>(m);
  for (let k = 0; k < m; k++) order[k] = k;
  order.sort((a, b) => compare(all[a], all[b]) || a - b);
  const findings = new Array<Finding>(m);
  for (let sorted = 0; sorted < m; sorted++) findings[sorted] = all[order[sorted]];
  const rowStart = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) if (rowOf[k] >= 0) rowStart[rowOf[k] + 1] += 1;
  for (let i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
  const rowFindings = new Int32Array(rowStart[n]);
  // rowStart[i] is row i's fill position while filling (it ends at row i + 1's start), then
  // everything moves up one place: no second array of a million positions.
  for (let sorted = 0; sorted < m; sorted++) {
    const i = rowOf[order[sorted]];
    if (i >= 0) rowFindings[rowStart[i]++] = sorted;
  }
  rowStart.copyWithin(1, 0, n);
  rowStart[0] = 0;
  return { findings, rowStart, rowFindings };
}

function balanceMoney(r: LedgerRow): string {
  const bf = r.balanceFen;
  return bf === bf ? fenMoney(bf) : r.balance === null ? "?" : money(r.balance);
}

function add(t: TotalBuilder, bf: number, bd: Decimal | null, pf: number, exact: string | undefined, maxFen: number): void {
  t.count += 1;
  if (bf === bf) t.balance.addFen(bf);
  else if (bd !== null) t.balance.addDecimal(bd);
  if (pf === pf && pf <= maxFen && pf >= -maxFen) t.provision.addFen(pf);
  else if (pf === pf) t.provision.addDecimal(new Dec(pf).div(100));
  else if (exact !== undefined) t.provision.addText(exact);
}

/**
 * Totals by class, band and worst severity: sums of the rows' own figures. Each row adds to one
 * (class, band, severity) cell; the totals are rolled up from the cells, so every figure is an
 * exact sum of its rows and the groupings agree with each other and with the whole.
 */
function totalsOf(rows: readonly LedgerRow[], batch: ReturnType<typeof runBatch>, worst: Uint8Array, findings: readonly Finding[], policy: Policy): AuditTotals {
  const nClass = AGING_CLASSES.length + 1; // + unclassified
  const nBand = policy.reportBands.length + 1; // + unbanded
  const nSeverity = SEVERITIES.length + 1; // + none
  const unclassified = AGING_CLASSES.length;
  const unbanded = policy.reportBands.length;
  const clean = SEVERITIES.length;
  const cells: (TotalBuilder | null)[] = new Array<TotalBuilder | null>(nClass * nBand * nSeverity).fill(null);
  const { agingClass, reportBand, provisionFen, provisionExact } = batch;
  const maxFen = MAX_FEN_LINE;
  const noValue = NO_VALUE;
  for (let i = 0; i < rows.length; i++) {
    const cls = agingClass[i];
    const band = reportBand[i];
    const sev = worst[i];
    const c = ((cls === noValue ? unclassified : cls) * nBand + (band === noValue ? unbanded : band)) * nSeverity + (sev === noValue ? clean : sev);
    let cell = cells[c];
    if (cell === null) {
      cell = new TotalBuilder();
      cells[c] = cell;
    }
    const r = rows[i];
    const bf = r.balanceFen;
    const pf = provisionFen[i];
    add(cell, bf, bf === bf ? null : r.balance, pf, pf === pf ? undefined : provisionExact.get(i), maxFen);
  }
  const all = new TotalBuilder();
  const classes = Array.from({ length: nClass }, () => new TotalBuilder());
  const bands = Array.from({ length: nBand }, () => new TotalBuilder());
  const severities = Array.from({ length: nSeverity }, () => new TotalBuilder());
  cells.forEach((cell, c) => {
    if (cell === null) return;
    const sev = c % nSeverity;
    const band = ((c - sev) / nSeverity) % nBand;
    const cls = (c - sev - band * nSeverity) / (nSeverity * nBand);
    for (const t of [all, classes[cls], bands[band], severities[sev]]) t.addTotal(cell);
  });
  const byRule: Partial<Record<RuleId, number>> = {};
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  // Indexed, not for...of: this loop runs once per check, before V8 optimises it, and an
  // unoptimised for...of makes an iterator result per finding.
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k];
    counts[f.severity] += 1;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  return {
    all: all.result(),
    byClass: {
      normal: classes[0].result(),
      overdue: classes[1].result(),
      stale: classes[2].result(),
      bad: classes[3].result(),
      unclassified: classes[unclassified].result(),
    },
    byBand: [
      ...policy.reportBands.map((b, i) => ({ key: b.key, label: b.label, ...bands[i].result() })),
      { key: "unbanded", label: bi("账龄不详", "age unknown"), ...bands[unbanded].result() },
    ],
    bySeverity: {
      error: severities[0].result(),
      warning: severities[1].result(),
      info: severities[2].result(),
      none: severities[clean].result(),
    },
    findings: { ...counts, total: findings.length, byRule },
  };
}
