/**
 * What every report is built from, and the lookups several reports share (customers, the
 * customer master, the collection log, provision bands), made once per input.
 *
 * A report reads the ledger as read (LedgerReading) and the check's per-row results
 * (AuditResult: class, band, provision), never recomputing what the check decided, so a report
 * and the check agree to the fen. Per-row work stays on integer fen and typed arrays: a report
 * over 100,000 rows builds in well under a second.
 */
import type Decimal from "decimal.js";
import { bandCutoffs, bandFromCutoffs, directToBadCondition } from "../aging";
import { NO_DAYS, NO_VALUE } from "../batch";
import type { DayNumber } from "../calendar";
import type { Lang } from "../../i18n/bilingual";
import { formatDate, toExcelSerial } from "../dates";
import { MoneySum } from "../money-sum";
import type { AuditCompanions, AuditResult } from "../ledger/check";
import { type CollectionLogRow, type CustomerMasterRow, masterByShortName } from "../ledger/companions";
import type { LedgerReading } from "../ledger/index";
import type { LedgerRow } from "../ledger/ledger-store";
import { Dec, formatMoneyGrouped } from "../money";
import { isDefaultAt } from "../policy/notes";
import type { Policy, StatusCondition } from "../policy/types";
import { PROVISION_BASES, type ProvisionBasis } from "../provision";
import { lastDueOverdueForWriteOff } from "../ledger/check";
import type { AssetSettlement } from "./performance";
import { conditionsInText, overdueReason, type WriteOffReason } from "../writeoff";
import type { EclOptions } from "../ecl/assessment";
import { format, type Strings, stringsFor } from "../../i18n";
import {
  type CellStyle,
  type ChartSpec,
  type ColumnPlan,
  dateCell,
  moneyCell,
  moneyCellExact,
  orientationFor,
  type ReportId,
  SheetBuilder,
  type SheetSpec,
  type SpecCell,
} from "./sheet-spec";

/** An entry of the memorandum register (备查簿) of receivables written off and still pursued (POLICY §8). */
export interface WrittenOffItem {
  customer: string;
  document?: string | null;
  /** When it was written off. */
  writtenOffOn?: DayNumber | null;
  /** The amount written off. */
  amount: Decimal;
  /** Collected since the write-off. */
  recovered?: Decimal | null;
  collector?: string | null;
  note?: string | null;
}

export interface ReportInput {
  reading: LedgerReading;
  audit: AuditResult;
  companions: AuditCompanions;
  policy: Policy;
  asOf: DayNumber;
  /**
   * The allowance on the books per provision band (Policy.provision.bands keys), for the
   * provision schedule's "existing provision" and charge. Absent: taken as 0, and the sheet says so.
   */
  existingProvisionByBand?: ReadonlyMap<string, Decimal>;
  /** The memorandum register kept outside the ledger; ledger rows marked written off are added to it. */
  writtenOff?: readonly WrittenOffItem[];
  /** Words that mark a ledger row as already written off (default WRITTEN_OFF_WORDS). */
  writtenOffWords?: readonly string[];
  /** The expected credit loss's history, adjustment and allowance (ecl/assessment.ts); defaults when absent. */
  ecl?: EclOptions;
  /** 编制单位: the company the reports are prepared for (the pane's 单位信息); a line to fill in by hand when absent. */
  company?: string;
  /** Losses on assets taken in settlement (004 六.第九条), for the performance report; none when absent. */
  assetSettlements?: readonly AssetSettlement[];
}

/** A row whose status, type or note says one of these is already written off (memorandum item, not a candidate). */
export const WRITTEN_OFF_WORDS: readonly string[] = ["已核销", "已作核销", "核销完毕", "已转销", "written off", "written-off"];

// ---------------------------------------------------------------------------------------------
// Money totals
// ---------------------------------------------------------------------------------------------

/** Adds a ledger row's money field (balance, received…) as read; false when the row has none. */
export function addRowMoney(total: MoneySum, row: LedgerRow, field: "balance" | "received" | "amount"): boolean {
  const f = field === "balance" ? row.balanceFen : field === "received" ? row.receivedFen : row.amountFen;
  if (f === f) {
    total.addFen(f);
    return true;
  }
  const d = row[field];
  if (d === null) return false;
  total.addDecimal(d);
  return true;
}

/** Adds a ledger row's balance as read; false when the row has none. */
export function addRowBalance(total: MoneySum, row: LedgerRow): boolean {
  const f = row.balanceFen;
  if (f === f) {
    total.addFen(f);
    return true;
  }
  const d = row.balance;
  if (d === null) return false;
  total.addDecimal(d);
  return true;
}

/** A total as a money cell: fen when exact to the fen, else its exact decimal text. */
export function totalCell(total: MoneySum, style?: CellStyle): SpecCell {
  return total.isExactFen() ? moneyCell(total.fenBigInt(), style) : moneyCellExact(total.toString(), style);
}

/** A share of a total as a fraction; null when the total is zero. */
export function shareOf(part: MoneySum, whole: MoneySum): number | null {
  const w = whole.toNumber();
  return w === 0 ? null : part.toNumber() / w;
}

/** A row's balance as a money cell (an empty money cell when unknown). */
export function balanceCell(row: LedgerRow, style?: CellStyle): SpecCell {
  const f = row.balanceFen;
  if (f === f) return moneyCell(f, style);
  const d = row.balance;
  return moneyCellExact(d === null ? null : d.toFixed(Math.max(2, d.decimalPlaces())), style);
}

/** An exact Decimal as a money cell (two decimals at least, more only when it has them). */
export function decimalCell(d: Decimal | null, style?: CellStyle): SpecCell {
  return moneyCellExact(d === null ? null : d.toFixed(Math.max(2, d.decimalPlaces())), style);
}

/** A row's money field as a cell. */
export function moneyFieldCell(fen: number, exact: Decimal | null, style?: CellStyle): SpecCell {
  if (fen === fen) return moneyCell(fen, style);
  return moneyCellExact(exact === null ? null : exact.toFixed(Math.max(2, exact.decimalPlaces())), style);
}

// ---------------------------------------------------------------------------------------------
// The shared context
// ---------------------------------------------------------------------------------------------

export interface CustomerInfo {
  /** Position in ReportContext.customers. */
  id: number;
  key: string;
  /** As first written in the ledger. */
  name: string;
  master: CustomerMasterRow | null;
  /** Ledger rows of the customer, in ledger order. */
  rows: number[];
}

/** What the collection log says about one customer, up to the as-of date (POLICY §6). */
interface LogSummary {
  contacts: number;
  last: CollectionLogRow | null;
  /** The latest contact with a promised amount or date. */
  promise: CollectionLogRow | null;
  /** Collected at or after the promise's contact (log records only). */
  collectedSincePromise: boolean;
}

export interface ReportContext {
  input: ReportInput;
  lang: Lang;
  n: number;
  rows: readonly LedgerRow[];
  customers: CustomerInfo[];
  /** Row → index into customers; -1 when the row names no customer. */
  customerOf: Int32Array;
  /** Row → index into policy.provision.bands; NO_VALUE when the age is unknown. */
  provisionBand: Uint8Array;
  /** Key → the customer's log summary (only customers with a contact up to the as-of date). */
  log: Map<string, LogSummary>;
  departmentOf(i: number): string | null;
  collectorOf(i: number): string | null;
  /** Status and note as one text (as the check reads them); null when both are blank. */
  statusText(i: number): string | null;
  /** The provision basis the check applied to row i (provision.ts's rules, in its order); null when the row has no provision. */
  provisionBasis(i: number): ProvisionBasis | null;
  /** The direct-to-bad condition of row i's status text, if any. */
  directToBad(i: number): StatusCondition | null;
  /** Whether the row is marked as already written off. */
  isWrittenOff(i: number): boolean;
  /**
   * Why row i may be written off (004 七.第一条: a stated condition, then 逾期3年以上 from the due
   * date), as writeoff.writeOffEligibility finds it; empty when it is no candidate (nothing owed,
   * no due date, or already written off).
   */
  writeOffReasons(i: number): WriteOffReason[];
  /** The rows that are write-off candidates, in ledger order (made once). */
  writeOffCandidates(): number[];
  /** The customer's display name ("(customer missing)" when none). */
  customerName(i: number, missing: string): string;
}

/** Customer names compared after NFKC, case and white space, as the check compares them. */
export function customerKey(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const k = text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  return k === "" ? null : k;
}

export function joinText(a: string | null, b: string | null): string | null {
  if (a === null || a === "") return b === null || b === "" ? null : b;
  return b === null || b === "" ? a : `${a} ${b}`;
}

/**
 * Whether a ledger row is marked as already written off: its status, type or note says so in one
 * of `words` (a memorandum item, off the books: POLICY §8). Each distinct text is matched once.
 */
export function writtenOffTest(policy: Policy, words: readonly string[] = WRITTEN_OFF_WORDS): (row: LedgerRow) => boolean {
  const condition: StatusCondition = {
    key: "written-off",
    label: { "zh-CN": "已核销", "en-US": "written off" },
    article: "004 二.第三条 8",
    phrases: [[...words]],
    keyWords: [],
    negations: [],
  };
  const cache = new Map<string, boolean>();
  return (r) => {
    const text = joinText(joinText(r.status, r.type), r.note);
    if (text === null) return false;
    let w = cache.get(text);
    if (w === undefined) {
      w = conditionsInText(text, [condition], policy).length > 0;
      if (cache.size < 65536) cache.set(text, w);
    }
    return w;
  };
}

const contexts = new WeakMap<ReportInput, Map<Lang, ReportContext>>();

/** The shared lookups for an input, made once and reused by every report built from it. */
export function reportContext(input: ReportInput, lang: Lang): ReportContext {
  let byLang = contexts.get(input);
  if (byLang === undefined) {
    byLang = new Map();
    contexts.set(input, byLang);
  }
  let ctx = byLang.get(lang);
  if (ctx === undefined) {
    ctx = makeContext(input, lang);
    byLang.set(lang, ctx);
  }
  return ctx;
}

function makeContext(input: ReportInput, lang: Lang): ReportContext {
  const { audit, companions, policy, asOf } = input;
  // The open items on the as-of date, position for position with the check's results.
  const rows = audit.rows.ledgerRows;
  const n = rows.length;

  // Customer master by code and by name.
  const masterByName = new Map<string, CustomerMasterRow>();
  const masterByCode = new Map<string, CustomerMasterRow>();
  for (const rec of companions.customers?.records ?? []) {
    const name = customerKey(rec.customer);
    if (name !== null && !masterByName.has(name)) masterByName.set(name, rec);
    const code = customerKey(rec.customerCode);
    if (code !== null && !masterByCode.has(code)) masterByCode.set(code, rec);
  }
  for (const [short, rec] of masterByShortName(companions.customers?.records ?? [], customerKey)) masterByName.set(short, rec);

  // Customers, looked up by the cell's own string first (no normalising per row).
  const customers: CustomerInfo[] = [];
  const byRaw = new Map<string, CustomerInfo>();
  const byKey = new Map<string, CustomerInfo>();
  const customerOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const raw = r.customer;
    if (raw === null) continue;
    let c = byRaw.get(raw);
    if (c === undefined) {
      const key = customerKey(raw);
      if (key === null) continue;
      c = byKey.get(key);
      if (c === undefined) {
        const code = customerKey(r.customerCode);
        const master = (code !== null ? masterByCode.get(code) : undefined) ?? masterByName.get(key) ?? null;
        c = { id: customers.length, key, name: raw, master, rows: [] };
        customers.push(c);
        byKey.set(key, c);
      }
      byRaw.set(raw, c);
    }
    c.rows.push(i);
    customerOf[i] = c.id;
  }

  // Provision bands from the age the check used.
  const provisionBand = new Uint8Array(n).fill(NO_VALUE);
  const cutoffs = bandCutoffs(asOf, policy.provision.bands);
  for (let i = 0; i < n; i++) {
    const from = ageFromOf(audit, i);
    if (from === null || from > asOf) continue;
    const b = bandFromCutoffs(from, cutoffs);
    if (b >= 0) provisionBand[i] = b;
  }

  // The collection log, up to the as-of date.
  const log = new Map<string, LogSummary>();
  const records = (companions.collections?.records ?? []).filter((rec) => rec.contactDate === null || rec.contactDate <= asOf);
  const later = (a: CollectionLogRow, b: CollectionLogRow | null): boolean =>
    b === null || (a.contactDate ?? -Infinity) > (b.contactDate ?? -Infinity) || ((a.contactDate ?? -Infinity) === (b.contactDate ?? -Infinity) && a.row > b.row);
  for (const rec of records) {
    const key = customerKey(rec.customer);
    if (key === null) continue;
    let s = log.get(key);
    if (s === undefined) {
      s = { contacts: 0, last: null, promise: null, collectedSincePromise: false };
      log.set(key, s);
    }
    s.contacts += 1;
    if (later(rec, s.last)) s.last = rec;
    if ((rec.promisedAmount !== null || rec.promisedDate !== null) && later(rec, s.promise)) s.promise = rec;
  }
  for (const rec of records) {
    const s = log.get(customerKey(rec.customer) ?? "");
    if (s === undefined || s.promise === null || rec === s.promise) continue;
    if (rec.collected !== null && rec.collected.gt(0) && (rec.contactDate ?? -Infinity) >= (s.promise.contactDate ?? -Infinity)) s.collectedSincePromise = true;
  }

  const conditionCache = new Map<string, StatusCondition | null>();
  const directToBad = (i: number): StatusCondition | null => {
    const text = statusText(i);
    if (text === null) return null;
    let c = conditionCache.get(text);
    if (c === undefined) {
      c = directToBadCondition(text, policy);
      if (conditionCache.size < 65536) conditionCache.set(text, c);
    }
    return c;
  };
  const statusText = (i: number): string | null => joinText(rows[i].status, rows[i].note);
  const writtenOff = writtenOffTest(policy, input.writtenOffWords);

  // writeoff.writeOffEligibility's answer without its calendar and text work per row (as the
  // check does): the overdue-years rule holds exactly for due dates up to lastOverdueDue, and the
  // status conditions are matched once per distinct text.
  const lastOverdueDue = lastDueOverdueForWriteOff(asOf, policy);
  const overdue = overdueReason(policy);
  const conditionReasons = new Map<string, WriteOffReason[]>();
  const conditionsOf = (text: string | null): WriteOffReason[] => {
    if (text === null) return [];
    let c = conditionReasons.get(text);
    if (c === undefined) {
      c = conditionsInText(text, policy.writeOff.conditions, policy).map((x) => ({ key: x.key, label: x.label }));
      if (conditionReasons.size < 65536) conditionReasons.set(text, c);
    }
    return c;
  };
  let candidates: number[] | null = null;

  const masterOf = (i: number): CustomerMasterRow | null => {
    const c = customerOf[i];
    return c < 0 ? null : customers[c].master;
  };

  return {
    input,
    lang,
    n,
    rows,
    customers,
    customerOf,
    provisionBand,
    log,
    departmentOf: (i) => rows[i].department ?? masterOf(i)?.department ?? null,
    collectorOf: (i) => rows[i].collector ?? masterOf(i)?.collector ?? null,
    statusText,
    directToBad,
    provisionBasis: (i) => {
      const b = audit.rows.provisionBasis[i];
      return b === NO_VALUE ? null : PROVISION_BASES[b];
    },
    isWrittenOff: (i) => writtenOff(rows[i]),
    customerName: (i, missing) => rows[i].customer ?? missing,
    writeOffReasons(i) {
      const due = dueDayOf(audit, i);
      if (due === null || !(rows[i].moneySign("balance") > 0)) return [];
      const conditions = conditionsOf(statusText(i));
      const reasons = due <= lastOverdueDue ? [...conditions, overdue] : conditions;
      if (reasons.length === 0 || this.isWrittenOff(i)) return [];
      return reasons;
    },
    writeOffCandidates() {
      if (candidates === null) {
        candidates = [];
        for (let i = 0; i < n; i++) if (this.writeOffReasons(i).length > 0) candidates.push(i);
      }
      return candidates;
    },
  };
}

/** A day from the check's per-row arrays, or null: unknown is NaN or NO_DAYS depending on the array's type. */
function knownDay(day: number): DayNumber | null {
  return day === day && day !== NO_DAYS ? day : null;
}

/** The due date the check used for row i (the ledger's, or date arisen + credit days), or null. */
export function dueDayOf(audit: AuditResult, i: number): DayNumber | null {
  return knownDay(audit.rows.dueDay[i]);
}

/** The date the check counted row i's age from (the ledger's date arisen, or estimated), or null. */
export function ageFromOf(audit: AuditResult, i: number): DayNumber | null {
  return knownDay(audit.rows.ageFrom[i]);
}

/** A row's provision as the check computed it, in fen when exact; else the exact text. */
export function addProvision(total: MoneySum, audit: AuditResult, i: number): void {
  const f = audit.rows.provisionFen[i];
  if (f === f) total.addFen(f);
  else {
    const exact = audit.rows.provisionExact.get(i);
    if (exact !== undefined) total.addText(exact);
  }
}

/** A row's provision as a money cell (empty when the check could not compute one). */
export function provisionCell(audit: AuditResult, i: number, style?: CellStyle): SpecCell {
  const f = audit.rows.provisionFen[i];
  if (f === f) return moneyCell(f, style);
  return moneyCellExact(audit.rows.provisionExact.get(i) ?? null, style);
}

/** A day as an Excel serial for a date cell; null when there is none or Excel cannot show it. */
export function serialOf(day: DayNumber | null): number | null {
  if (day === null || day !== day) return null;
  try {
    return toExcelSerial(day);
  } catch {
    return null;
  }
}

export function dayCell(day: DayNumber | null, style?: CellStyle): SpecCell {
  return dateCell(serialOf(day), style);
}

/** The report strings in a language. */
export function reportStrings(lang: Lang): Strings["reports"] {
  return stringsFor(lang).reports;
}

/** Starts a report: the title row and the meta line (as-of date, unit, source ledger). */
export function openSheet(ctx: ReportContext, id: ReportId, width: number): SheetBuilder {
  const s = reportStrings(ctx.lang);
  const b = new SheetBuilder(width);
  b.title(s.titles[id]);
  b.meta(format(s.meta, { asOf: formatDate(ctx.input.asOf, ctx.lang), sheet: ctx.input.reading.sheet, count: ctx.n }));
  return b;
}

interface FinishOptions {
  columns: readonly ColumnPlan[];
  /** The header row kept in view while scrolling. */
  headerRow: number;
  /**
   * What each printed page repeats at its top: "header" — the title, meta line and header
   * (for a sheet whose first table is its long one); "title" — the title and meta line only
   * (for a sheet whose tables have different headers). Hosts print repeated rows at the top of
   * every page, the first included, so they must start at the sheet's first row.
   */
  printTitles: "header" | "title";
  charts?: ChartSpec[];
}

function percentOf(rate: string): string {
  return `${new Dec(rate).times(100).toFixed()}%`;
}

/**
 * The provision method a report's figures follow, and its rates (POLICY §4): every report says
 * which method and which rates, and whether the rates are the product's defaults (the seeds give
 * none) or the company's. Under 直接转销法 it says what the write-off expense would be instead.
 */
function provisionMethodNotes(ctx: ReportContext): string[] {
  const sm = reportStrings(ctx.lang).method;
  const { policy } = ctx.input;
  const lang = ctx.lang;
  const provenance = (prefixes: string[]): string => (prefixes.every((p) => isDefaultAt(policy, p)) ? sm.productDefault : sm.company);
  const lines: string[] = [];
  switch (policy.provision.method) {
    case "aging": {
      const rateOf = new Map(policy.provision.rates.map((r) => [r.bandKey, r.rate]));
      const rates = policy.provision.bands.map((band) => `${band.label[lang]} ${percentOf(rateOf.get(band.key) ?? "0")}`).join(sm.rateSeparator);
      lines.push(format(sm.line, { method: format(sm.aging, { rates, provenance: provenance(["provision.bands", "provision.rates"]) }) }));
      break;
    }
    case "individual": {
      lines.push(format(sm.line, { method: sm.individual }));
      const left = new MoneySum();
      let count = 0;
      for (let i = 0; i < ctx.n; i++) {
        if (ctx.provisionBasis(i) !== "none-not-assessed") continue;
        count += 1;
        addRowBalance(left, ctx.rows[i]);
      }
      if (count > 0) lines.push(format(sm.notAssessed, { count, amount: formatMoneyGrouped(new Dec(left.toString())) }));
      break;
    }
    case "balance-percentage":
      lines.push(format(sm.line, { method: format(sm.balancePercentage, { rate: percentOf(policy.provision.balanceRate), provenance: provenance(["provision.balanceRate"]) }) }));
      break;
    case "direct-write-off": {
      const expense = new MoneySum();
      const candidates = ctx.writeOffCandidates();
      for (const i of candidates) addRowBalance(expense, ctx.rows[i]);
      lines.push(format(sm.line, { method: format(sm.direct, { count: candidates.length, amount: formatMoneyGrouped(new Dec(expense.toString())) }) }));
      break;
    }
  }
  return lines;
}

/**
 * Lays the sheet out and wraps it up as a SheetSpec; every report ends by naming the provision
 * method, then the sign-off line a printed report carries (编制单位、制表、审核、日期: issue 18),
 * the company's name filled in where known and the rest left to sign by hand.
 */
export function finishSheet(ctx: ReportContext, id: ReportId, b: SheetBuilder, options: FinishOptions): SheetSpec {
  const s = reportStrings(ctx.lang);
  for (const line of provisionMethodNotes(ctx)) b.note(line);
  b.blank();
  const company = ctx.input.company?.trim();
  b.spanning("note", format(s.signOff, { company: company === undefined || company === "" ? s.signOffBlank : company }), "meta");
  const columns = b.layout(options.columns);
  return {
    id,
    lang: ctx.lang,
    name: s.sheetNames[id],
    title: s.titles[id],
    columns,
    rows: b.rows,
    merges: b.merges,
    freezeRows: options.headerRow + 1,
    print: { paper: "A4", orientation: orientationFor(columns), fitToWidth: true, printTitleRows: { first: 0, last: options.printTitles === "header" ? options.headerRow : 1 } },
    charts: options.charts ?? [],
  };
}

/** Reserves rows under the table for a chart and returns its anchor (the rows are marked "chart"). */
export function chartRows(b: SheetBuilder, rows: number): { row: number; col: number; rows: number; cols: number } {
  b.blank();
  const first = b.rowCount;
  for (let k = 0; k < rows; k++) b.add("chart", []);
  return { row: first, col: 0, rows, cols: b.width };
}

/**
 * A customer's recovery probability (POLICY §6): the balance-weighted mean over its open items
 * (positive balance) of each item's probability, an item assessed only by an expected recovery
 * counting min(recovery, balance) ÷ balance; null when no item is assessed. Exact: balances are
 * summed in fen per distinct probability, so a customer costs a few Decimals, not one per row.
 * The collection plan and the collection notices both use it, so a notice's tone always agrees
 * with the plan.
 */
export function customerRecoveryProbability(ctx: ReportContext, customer: CustomerInfo): Decimal | null {
  const weight = new MoneySum();
  const byProbability = new Map<string, { p: Decimal; balance: MoneySum }>();
  const recovered = new MoneySum();
  for (const i of customer.rows) {
    const r = ctx.rows[i];
    if (!(r.moneySign("balance") > 0)) continue;
    const p = r.recoveryProbability;
    if (p !== null) {
      const key = p.toString();
      let group = byProbability.get(key);
      if (group === undefined) {
        group = { p, balance: new MoneySum() };
        byProbability.set(key, group);
      }
      addRowBalance(group.balance, r);
      addRowBalance(weight, r);
    } else if (r.moneySign("expectedRecovery") >= 0) {
      addRowBalance(weight, r);
      const bf = r.balanceFen;
      const ef = r.expectedRecoveryFen;
      if (bf === bf && ef === ef) recovered.addFen(ef < bf ? ef : bf);
      else recovered.addDecimal(Dec.min(r.expectedRecovery as Decimal, r.balance as Decimal));
    }
  }
  if (weight.isZero()) return null;
  let weighted = new Dec(recovered.toString());
  for (const { p, balance } of byProbability.values()) weighted = weighted.plus(new Dec(balance.toString()).times(p));
  return weighted.div(new Dec(weight.toString()));
}
