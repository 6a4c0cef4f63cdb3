/**
 * Ledger rows: a sheet's cell values (a 2-D array exactly as Excel's `range.values` or exceljs
 * give them) read into the column store (ledger-store.ts), with a ParseIssue for every cell that
 * could not be read and a SkippedRow for every row that is not a receivable. A row with a bad
 * cell is still returned, that field null: nothing is dropped without a word.
 */
import type Decimal from "decimal.js";
import { MAX_FEN_LINE } from "../fen";
import type { DayNumber } from "../calendar";
import { alternativesOf, CellReader, fenOfDecimal, fenToDecimal, MONEY_BAD, MONEY_READ } from "./cell-reader";
import type { FieldKind, LedgerField } from "./headers";
import {
  DATE_FIELDS,
  DATE_PART_FIELDS,
  fenAt,
  FIELD_BIT,
  type LedgerDateField,
  type LedgerDatePartField,
  type LedgerMoneyField,
  LedgerRow,
  LedgerStore,
  type LedgerTextField,
  MONEY_FIELDS,
  BROUGHT_FORWARD_LINE,
  OPENING_LINE,
  TEXT_FIELDS,
} from "./ledger-store";
import type { ParseIssue, SkippedRow } from "./parse-issues";
import { type StatedLineKind, walkRows } from "./row-kinds";
import { type ColumnPlan, type OpenedTable, planOf } from "./table";
import type { Installment } from "./installments";

// Taken once: through tsx (CommonJS) every use of an imported name calls a getter (see cell-reader.ts).
const MAX_FEN = MAX_FEN_LINE;
const OPENING = OPENING_LINE;
const BROUGHT_FORWARD = BROUGHT_FORWARD_LINE;
const READ = MONEY_READ;
const BAD = MONEY_BAD;

/** Free-text columns: a subtotal word there is a word, not a subtotal line. */
const LEDGER_FREE_TEXT: readonly LedgerField[] = ["note", "status"];

/**
 * A line where the ledger states its own figures: a subtotal (本月合计, 小计, 合计…), a page
 * carry-forward (过次页) or a closing balance (结转下年, 期末余额). Not a transaction; what was
 * read is reconciled against it (control-totals.ts).
 */
export interface StatedLine {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  kind: StatedLineKind;
  /** The words that made it one ("本月合计"). */
  text: string;
  /** What the line states in each money column it fills, exactly: integer fen, or a Decimal in yuan off the fast path. */
  money: Partial<Record<LedgerMoneyField, number | Decimal>>;
  /** The line's 借/贷/平, when the ledger has a direction column. */
  direction: string | null;
  /** The line's date cell, or its 年/月/日 parts, as written (for 本年累计: which year). */
  date: DayNumber | null;
  parts: { year: number | null; month: number | null; day: number | null };
}

interface LedgerRowsResult {
  rows: LedgerRow[];
  store: LedgerStore;
  issues: ParseIssue[];
  skipped: SkippedRow[];
  stated: StatedLine[];
}

/** One plan entry with the column it writes to resolved (one object shape, so the loop stays monomorphic). */
interface Step {
  plan: ColumnPlan<LedgerField>;
  kind: FieldKind;
  bit: number;
  text: (string | null)[] | null;
  date: Float64Array | null;
  fen: Float64Array | null;
  exact: Map<number, Decimal> | null;
}

/**
 * Reads every data row of an opened ledger. Balance is derived as amount − received where
 * the ledger has no balance (column or cell). Required values are not checked here (which
 * ones a row needs depends on the ledger's shape): see checkRequiredValues.
 */
export function readLedgerRows(values: readonly unknown[][], table: OpenedTable<LedgerField>, installments: readonly Installment[] = []): LedgerRowsResult {
  const reader = new CellReader(table.sheet, table.dateSystem);
  reader.acceptTerms = true;
  const skipped: SkippedRow[] = [];
  const store = new LedgerStore(table.sheet, values, Math.max(0, values.length - table.dataStart), new Set(table.plan.map((p) => p.field)));
  const steps: Step[] = table.plan.map((plan) => ({
    plan,
    kind: plan.kind,
    bit: FIELD_BIT[plan.field] ?? 0,
    text: (TEXT_FIELDS as readonly string[]).includes(plan.field) ? store.text[plan.field as LedgerTextField] : null,
    date: (DATE_FIELDS as readonly string[]).includes(plan.field)
      ? store.date[plan.field as LedgerDateField]
      : plan.field === "creditDays"
        ? store.creditDays
        : (DATE_PART_FIELDS as readonly string[]).includes(plan.field)
          ? store.dateParts[plan.field as LedgerDatePartField]
          : null,
    fen: (MONEY_FIELDS as readonly string[]).includes(plan.field) ? store.fen[plan.field as LedgerMoneyField] : null,
    exact: (MONEY_FIELDS as readonly string[]).includes(plan.field) ? store.exact[plan.field as LedgerMoneyField] : null,
  }));
  // Installment columns are read together (readInstallments), not as one received column and one date.
  if (installments.length > 0) {
    const dated = new Set(installments.map((x) => x.date?.index));
    for (let k = steps.length - 1; k >= 0; k--) {
      const f = steps[k].plan.field;
      if (f === "received" || (f === "lastPaymentDate" && dated.has(steps[k].plan.index))) steps.splice(k, 1);
    }
  }
  const stepCount = steps.length;
  const probability = store.probability;
  const hasReceived = planOf(table, "received") !== undefined;
  const stated: StatedLine[] = [];
  const onStated = statedLineReader(table, stated, installments);
  walkRows(values, table, LEDGER_FREE_TEXT, skipped, (cells, sheetRow, valueIndex, role) => {
    const i = store.append(sheetRow, valueIndex);
    if (role !== "line") store.opening[i] = role === "opening" ? OPENING : BROUGHT_FORWARD;
    for (let k = 0; k < stepCount; k++) {
      const step = steps[k];
      const p = step.plan;
      const v = cells[p.index];
      switch (step.kind) {
        case "money": {
          const got = reader.money(v, sheetRow, p);
          if (got === READ) {
            (step.fen as Float64Array)[i] = reader.fen;
            if (reader.dec !== null && reader.fen !== reader.fen) (step.exact as Map<number, Decimal>).set(i, reader.dec);
          } else if (got === BAD) store.issueMask[i] |= step.bit;
          break;
        }
        case "date": {
          const day = reader.date(v, sheetRow, p);
          if (day === undefined) store.issueMask[i] |= step.bit;
          else if (day !== null) (step.date as Float64Array)[i] = day;
          break;
        }
        case "text": {
          const t = reader.text(v, sheetRow, p);
          if (t === undefined) store.issueMask[i] |= step.bit;
          (step.text as (string | null)[])[i] = t ?? null;
          break;
        }
        case "integer": {
          const n = reader.integer(v, sheetRow, p);
          if (n === undefined) store.issueMask[i] |= step.bit;
          else if (n !== null) (step.date as Float64Array)[i] = n;
          else if (reader.term !== null) {
            store.creditTerms.set(i, reader.term);
            reader.term = null;
          }
          break;
        }
        case "probability": {
          const q = reader.probability(v, sheetRow, p);
          if (q === undefined) store.issueMask[i] |= step.bit;
          (probability as (Decimal | null)[])[i] = q ?? null;
          break;
        }
        case "boolean":
          // The ledger has no yes/no field; companions do.
          break;
      }
    }
    if (installments.length > 0) readInstallments(store, i, cells, sheetRow, installments, reader);
    if (role === "brought-forward") {
      // What it brings is its balance; its 借方 and 贷方 total pages this ledger does not have
      // (kept for the sums a 本年累计 states).
      const stated = (field: "amount" | "received"): number | Decimal | null => {
        const f = store.fen[field]?.[i] ?? NaN;
        return f === f ? f : (store.exact[field].get(i) ?? null);
      };
      const debit = stated("amount");
      const credit = stated("received");
      store.broughtForward.set(i, { amount: debit, received: credit });
      // Without a balance of its own (a list with 借方 and 贷方 only), it brings 借方 − 贷方.
      if (!store.hasMoney("balance", i) && (store.issueMask[i] & BALANCE_BIT) === 0 && (debit !== null || credit !== null)) {
        const net = (typeof debit === "number" || debit === null) && (typeof credit === "number" || credit === null) ? (debit ?? 0) - (credit ?? 0) : NaN;
        if (net === net && Math.abs(net) <= MAX_FEN) store.setMoney("balance", i, net + 0, null);
        else {
          const exact = fenToDecimalOrZero(debit).minus(fenToDecimalOrZero(credit));
          const fen = fenOfDecimal(exact);
          store.setMoney("balance", i, fen, fen === fen ? null : exact);
        }
      }
      store.setMoney("amount", i, NaN, null);
      store.setMoney("received", i, NaN, null);
    }
    deriveBalance(store, i, hasReceived);
  }, onStated);
  const rows: LedgerRow[] = new Array<LedgerRow>(store.length);
  const Row = LedgerRow; // taken once (tsx's CommonJS getter per use)
  for (let i = 0; i < store.length; i++) rows[i] = new Row(store, i);
  return { rows, store, issues: reader.issues, skipped, stated };
}

/**
 * A line's installments: what it received is their sum (a blank one is nothing received); its
 * last payment date the latest of their dates; each payment with a date kept for the as-of view.
 * A bad amount leaves received unknown (its issue says why), a bad date only that payment undated.
 */
function readInstallments(store: LedgerStore, i: number, cells: readonly unknown[], sheetRow: number, installments: readonly Installment[], reader: CellReader): void {
  let fen = 0;
  let exact: Decimal | null = null;
  let any = false;
  let bad = false;
  let latest = NaN;
  let payments: { date: number; fen: number }[] | null = null;
  for (const x of installments) {
    const got = reader.money(cells[x.amount.index], sheetRow, x.amount);
    if (got === BAD) bad = true;
    if (got !== READ) continue;
    const f = reader.fen;
    const d = f === f ? null : reader.dec;
    any = true;
    if (exact === null && d === null && Math.abs(fen + f) <= MAX_FEN) fen += f;
    else exact = (exact ?? fenToDecimal(fen)).plus(d ?? fenToDecimal(f));
    const day = x.date === null ? null : reader.date(cells[x.date.index], sheetRow, x.date);
    if (typeof day !== "number") continue;
    if (!(day <= latest)) latest = day;
    if (d === null && f !== 0) (payments ??= []).push({ date: day, fen: f });
  }
  if (bad) {
    store.issueMask[i] |= RECEIVED_BIT;
    return;
  }
  if (any) {
    const f = exact === null ? fen : fenOfDecimal(exact);
    store.setMoney("received", i, f, f === f ? null : exact);
  }
  const paid = store.date.lastPaymentDate;
  if (paid !== null && latest === latest) paid[i] = latest;
  if (payments !== null) store.installments.set(i, payments);
}

/**
 * Reads what a stated line says in the table's money, date and direction columns. A cell that
 * cannot be read is left out of the line (it is a printed total, not a value the check uses):
 * the reconciliation then has nothing to compare in that column.
 */
function statedLineReader(table: OpenedTable<LedgerField>, out: StatedLine[], installments: readonly Installment[]): (cells: readonly unknown[], sheetRow: number, kind: StatedLineKind, text: string) => void {
  const reader = new CellReader(table.sheet, table.dateSystem);
  // With installments, the received a line states is theirs together (readInstallments).
  const money = table.plan.filter((p) => p.kind === "money" && !(installments.length > 0 && p.field === "received"));
  const date = planOf(table, "dateArisen");
  const direction = planOf(table, "direction");
  const parts = (["year", "month", "day"] as const).map((f) => planOf(table, f));
  return (cells, sheetRow, kind, text) => {
    const line: StatedLine = { sheet: table.sheet, row: sheetRow, kind, text, money: {}, direction: null, date: null, parts: { year: null, month: null, day: null } };
    for (const p of money) {
      if (reader.money(cells[p.index], sheetRow, p) !== READ) continue;
      line.money[p.field as LedgerMoneyField] = reader.fen === reader.fen ? reader.fen : (reader.dec as Decimal);
    }
    if (installments.length > 0) {
      let sum: Decimal | null = null;
      for (const x of installments) {
        if (reader.money(cells[x.amount.index], sheetRow, x.amount) !== READ) continue;
        sum = (sum ?? fenToDecimal(0)).plus(reader.fen === reader.fen ? fenToDecimal(reader.fen) : (reader.dec as Decimal));
      }
      if (sum !== null) {
        const f = fenOfDecimal(sum);
        line.money.received = f === f ? f : sum;
      }
    }
    if (date !== undefined) line.date = reader.date(cells[date.index], sheetRow, date) ?? null;
    if (direction !== undefined) line.direction = reader.text(cells[direction.index], sheetRow, direction) ?? null;
    parts.forEach((p, k) => {
      if (p === undefined) return;
      const n = reader.integer(cells[p.index], sheetRow, p);
      if (typeof n === "number") line.parts[(["year", "month", "day"] as const)[k]] = n;
    });
    reader.issues.length = 0;
    out.push(line);
  };
}

const BALANCE_BIT = FIELD_BIT.balance;

function fenToDecimalOrZero(a: number | Decimal | null): Decimal {
  return a === null ? fenToDecimal(0) : typeof a === "number" ? fenToDecimal(a) : a;
}
const RECEIVED_BIT = FIELD_BIT.received;

/**
 * Balance = amount − received when the ledger gives no balance. A blank received counts as 0
 * (nothing received yet); a bad one leaves the balance unknown (its issue says why).
 */
function deriveBalance(store: LedgerStore, i: number, hasReceivedColumn: boolean): void {
  const mask = store.issueMask[i];
  if ((mask & BALANCE_BIT) !== 0 || store.hasMoney("balance", i) || !store.hasMoney("amount", i)) return;
  if (hasReceivedColumn && (mask & RECEIVED_BIT) !== 0) return;
  const receivedMissing = !store.hasMoney("received", i);
  const amountFen = fenAt(store.fen.amount, i);
  const receivedFen = receivedMissing ? 0 : fenAt(store.fen.received, i);
  store.derived[i] = 1;
  if (amountFen === amountFen && receivedFen === receivedFen && !store.exact.amount.has(i) && !store.exact.received.has(i)) {
    const fen = amountFen - receivedFen;
    if (fen <= MAX_FEN && fen >= -MAX_FEN) {
      store.setMoney("balance", i, fen + 0, null);
      return;
    }
  }
  const amount = store.money("amount", i);
  const received = store.money("received", i);
  if (amount === null) return;
  const balance = received === null ? amount : amount.minus(received);
  const fen = fenOfDecimal(balance);
  store.setMoney("balance", i, fen, fen === fen ? null : balance);
}

/**
 * Reports a missing-field issue for each group of `groups` a row has no value for (and no
 * issue already explains). The issue points at the group's first mapped column.
 */
export function checkRequiredValues(
  store: LedgerStore,
  table: OpenedTable<LedgerField>,
  groups: readonly (readonly LedgerField[])[],
  reader: CellReader,
): void {
  const usable = groups
    .map((g) => ({
      group: g,
      bits: g.reduce((m, f) => m | (FIELD_BIT[f] ?? 0), 0),
      plans: g.map((f) => planOf(table, f)).filter((p): p is ColumnPlan<LedgerField> => p !== undefined),
    }))
    .filter((g) => g.plans.length > 0);
  // Indexed loops: until V8 optimises this loop, each for...of would make an iterator per row.
  for (let i = 0; i < store.length; i++) {
    for (let u = 0; u < usable.length; u++) {
      const { group, bits, plans } = usable[u];
      if ((store.issueMask[i] & bits) !== 0) continue;
      let present = false;
      for (let k = 0; k < group.length; k++) {
        if (store.has(group[k], i)) {
          present = true;
          break;
        }
      }
      if (present) continue;
      reader.missing(store.sheetRow[i], plans[0], alternativesOf(plans));
      store.issueMask[i] |= FIELD_BIT[plans[0].field] ?? 0;
    }
  }
}
