/**
 * 对账单, the customer statement (POLICY §7: finance confirms each customer's balance in writing):
 * for a period, the opening balance, every invoice and receipt in the period with a running
 * balance, the closing balance, the closing balance's aging by the policy's aging bands as of the
 * period's end (POLICY §3), and a reply slip the customer signs to agree or to dispute it.
 *
 * From a transactions ledger the lines are the ledger's own debits and credits (as-of.ts reads
 * them: lineMovement). From an open-items ledger there are no receipts to show: the opening is the
 * balance of the items arisen before the period, the lines are the items arisen in it at their
 * balances, and the statement says so; items marked written off are left out (memorandum items).
 *
 * Money: each line's amount is taken to the fen once, half-up (an amount finer than a fen is
 * rare and noted), and everything after is integer fen, so the running balance is the opening plus
 * debits less credits exactly and the aging adds up to the closing balance. The aging comes from
 * the as-of view at the period's end (the same allocation the check uses); should rounding a
 * finer amount make it differ from the closing balance, the difference is a row of its own.
 */
import type Decimal from "decimal.js";
import { bandCutoffs, bandFromCutoffs } from "../aging";
import type { DayNumber } from "../calendar";
import { amountInWords } from "../capitals";
import { formatDate, toExcelSerial } from "../dates";
import { ArError, type Lang } from "../errors";
import { formatFenBigInt } from "../fen";
import { type LineAmount, lineMovement, prepareAsOf, viewAsOf } from "../ledger/as-of";
import type { LedgerReading } from "../ledger/index";
import { Dec, formatMoneyGrouped, roundMoney } from "../money";
import type { Policy } from "../policy/types";
import { customerKey, writtenOffTest } from "../reports/input";
import { dateCell, moneyCellExact, type SheetSpec, textCell } from "../reports/sheet-spec";
import { format } from "../../i18n";
import { statementStrings } from "../../i18n/statement";
import { companyValues, LetterBuilder, type NoticeOptions, uniqueSheetName, usedNames } from "./letter";

/** The statement's period, both days included. */
export interface StatementPeriod {
  from: DayNumber;
  to: DayNumber;
}

/** Whose statements: every filter given must match (an absent or empty one matches every customer). */
export interface StatementSelection {
  /** Compared as customer names are: after NFKC, case and white space. */
  customers?: readonly string[];
  /** The ledger's 1-based sheet rows the user selected (on the ledger's first sheet): their customers get a statement. */
  rows?: readonly number[];
}

/** One printed line: a ledger line in the period. */
export interface StatementLine {
  date: DayNumber;
  sheet: string;
  row: number;
  document: string | null;
  summary: string | null;
  /** Exact fen, as printed; null when the line has none. */
  debit: string | null;
  credit: string | null;
  /** The running balance after the line. */
  balance: string;
}

/** The closing balance by aging band (policy.reportBands keys), then the advance, an unknown age and a rounding difference when there are any. */
export interface StatementAgingRow {
  /** A band's key, or "advance", "unknown-age", "rounding". */
  key: string;
  label: string;
  amount: string;
}

export interface StatementSummary {
  customer: string;
  sheet: string;
  /** Exact amounts ("12345.67"). */
  opening: string;
  debits: string;
  credits: string;
  closing: string;
  lines: StatementLine[];
  aging: StatementAgingRow[];
  letterNumber: string | null;
}

export interface SkippedStatement {
  customer: string;
  /**
   * no-activity: nothing moved in the period and nothing is owed either way at its start or end;
   * unreadable: the same, but some of the customer's amounts could not be read (the check says which).
   */
  reason: "no-activity" | "unreadable";
}

export interface StatementResult {
  sheets: SheetSpec[];
  statements: StatementSummary[];
  skipped: SkippedStatement[];
}

const WIDTH = 6;

function fenOf(a: LineAmount): { fen: bigint; rounded: boolean } {
  if (a.fen === a.fen) return { fen: BigInt(a.fen), rounded: false };
  const exact = a.exact ?? new Dec(0);
  const r = roundMoney(exact);
  return { fen: BigInt(r.times(100).toFixed(0)), rounded: !r.eq(exact) };
}

function invalidPeriod(period: StatementPeriod): ArError {
  return new ArError("statement.period-invalid", {
    "zh-CN": `对账期间的起始日（${formatDate(period.from, "zh-CN")}）晚于截止日（${formatDate(period.to, "zh-CN")}）。`,
    "en-US": `The statement period starts (${formatDate(period.from, "en-US")}) after it ends (${formatDate(period.to, "en-US")}).`,
  });
}

interface Account {
  group: number;
  name: string;
  opening: bigint;
  undated: number;
  /** Lines up to the period's end whose amounts could not be read (the check's findings say why): on no statement, and said. */
  unread: number;
  rounded: boolean;
  lines: { line: number; date: number; debit: bigint | null; credit: bigint | null }[];
}

/**
 * Statements for the selected customers over the period: one print-ready sheet each (A4 or the
 * policy's paper, portrait). A customer with no line in the period and nothing owed either way at
 * its start and end gets none (skipped, "no-activity"). Throws ArError "statement.period-invalid"
 * when the period ends before it starts.
 */
export function buildStatements(reading: LedgerReading, policy: Policy, selection: StatementSelection, period: StatementPeriod, lang: Lang, options: NoticeOptions = {}): StatementResult {
  const { from, to } = period;
  if (!(from <= to)) throw invalidPeriod(period);
  const s = statementStrings(lang);
  const transactions = reading.shape === "transactions";
  // An open item marked written off is a memorandum item, off the books (POLICY §8), as on the
  // confirmation letter; a transactions ledger books the write-off as a line of its own.
  const writtenOff = new Map<string, number>();
  let rows = reading.rows;
  if (!transactions) {
    const isWrittenOff = writtenOffTest(policy);
    rows = rows.filter((r) => {
      if (!isWrittenOff(r)) return true;
      const k = customerKey(r.customer);
      if (k !== null) writtenOff.set(k, (writtenOff.get(k) ?? 0) + 1);
      return false;
    });
  }
  const p = prepareAsOf(rows, { shape: reading.shape, columns: () => reading.letters, creditDays: policy.defaultCreditDays });
  const end = viewAsOf(p, to, { rows: false });

  // Which customers: by name, and by the rows selected on the ledger's sheet.
  const wanted = new Set<string>();
  for (const c of selection.customers ?? []) {
    const k = customerKey(c);
    if (k !== null) wanted.add(k);
  }
  const pickedRows = selection.rows !== undefined && selection.rows.length > 0 ? new Set(selection.rows) : null;
  const picked = new Set<number>();
  const accounts = new Map<number, Account>();
  const order: number[] = [];
  for (let i = 0; i < p.rows.length; i++) {
    const g = p.group[i];
    if (g < 0) continue;
    if (pickedRows !== null && p.rows[i].sheet === reading.sheet && pickedRows.has(p.rows[i].row)) picked.add(g);
    let a = accounts.get(g);
    if (a === undefined) {
      a = { group: g, name: p.names[g], opening: 0n, undated: 0, unread: 0, rounded: false, lines: [] };
      accounts.set(g, a);
      order.push(g);
    }
    const d = p.date[i];
    if (d === d && d > to) continue;
    const m = lineMovement(p, i, to);
    if (m === null) {
      const r = p.rows[i];
      if (!r.hasMoney("amount") && !r.hasMoney("received") && !r.hasMoney("balance")) a.unread++;
      continue;
    }
    const debit = m.debit === null ? null : fenOf(m.debit);
    const credit = m.credit === null ? null : fenOf(m.credit);
    if (debit?.rounded === true || credit?.rounded === true) a.rounded = true;
    const net = (debit?.fen ?? 0n) - (credit?.fen ?? 0n);
    // Undated lines are in view on every date (as-of.ts): they count before the period.
    if (d !== d || d < from) {
      a.opening += net;
      if (d !== d) a.undated++;
    } else a.lines.push({ line: i, date: d, debit: debit?.fen ?? null, credit: credit?.fen ?? null });
  }

  // The aging of what is open at the period's end, per customer.
  const cutoffs = bandCutoffs(to, policy.reportBands);
  const bandFen = new Map<number, bigint[]>();
  const unknownFen = new Map<number, bigint>();
  for (let k = 0; k < end.openLines.length; k++) {
    const i = end.openLines[k];
    const g = p.group[i];
    if (g < 0) continue;
    const amount = end.openAmount(i);
    if (amount === null || (amount.fen !== amount.fen && amount.exact === null)) continue;
    const fen = fenOf(amount).fen;
    const d = p.date[i];
    if (d !== d) {
      unknownFen.set(g, (unknownFen.get(g) ?? 0n) + fen);
      continue;
    }
    let bands = bandFen.get(g);
    if (bands === undefined) {
      bands = policy.reportBands.map(() => 0n);
      bandFen.set(g, bands);
    }
    const b = bandFromCutoffs(d, cutoffs);
    bands[b < 0 ? bands.length - 1 : b] += fen;
  }
  const advanceFen = new Map<string, bigint>();
  for (const adv of end.advances) {
    if (adv.customer === null) continue;
    const k = customerKey(adv.customer) ?? "";
    advanceFen.set(k, (advanceFen.get(k) ?? 0n) + fenOf({ fen: adv.amountFen, exact: adv.amount }).fen);
  }

  const used = usedNames(options);
  const result: StatementResult = { sheets: [], statements: [], skipped: [] };
  const values = companyValues(policy, lang, options.company);
  const fromText = formatDate(from, lang);
  const toText = formatDate(to, lang);

  for (const g of order) {
    const a = accounts.get(g)!;
    const key = customerKey(a.name) ?? "";
    if (wanted.size > 0 && !wanted.has(key)) continue;
    if (pickedRows !== null && !picked.has(g)) continue;
    a.lines.sort((x, y) => x.date - y.date || x.line - y.line);
    let debits = 0n;
    let credits = 0n;
    let running = a.opening;
    const lines: StatementLine[] = [];
    for (const l of a.lines) {
      debits += l.debit ?? 0n;
      credits += l.credit ?? 0n;
      running += (l.debit ?? 0n) - (l.credit ?? 0n);
      const row = p.rows[l.line];
      lines.push({
        date: l.date,
        sheet: row.sheet,
        row: row.row,
        document: row.document ?? row.voucher,
        summary: row.note ?? row.type ?? row.project,
        debit: l.debit === null ? null : formatFenBigInt(l.debit),
        credit: l.credit === null ? null : formatFenBigInt(l.credit),
        balance: formatFenBigInt(running),
      });
    }
    const closing = running;
    if (lines.length === 0 && a.opening === 0n && closing === 0n) {
      result.skipped.push({ customer: a.name, reason: a.unread > 0 ? "unreadable" : "no-activity" });
      continue;
    }

    // The aging: bands, the advance (a credit), an unknown age, and what rounding left over.
    const aging: StatementAgingRow[] = [];
    const bands = bandFen.get(g) ?? policy.reportBands.map(() => 0n);
    policy.reportBands.forEach((band, b) => aging.push({ key: band.key, label: band.label[lang], amount: formatFenBigInt(bands[b]) }));
    let agingTotal = bands.reduce((x, y) => x + y, 0n);
    const advance = advanceFen.get(key) ?? 0n;
    if (advance !== 0n) {
      aging.push({ key: "advance", label: s.advance, amount: formatFenBigInt(-advance) });
      agingTotal -= advance;
    }
    const unknown = unknownFen.get(g) ?? 0n;
    if (unknown !== 0n) {
      aging.push({ key: "unknown-age", label: s.unknownAge, amount: formatFenBigInt(unknown) });
      agingTotal += unknown;
    }
    if (agingTotal !== closing) aging.push({ key: "rounding", label: s.rounding, amount: formatFenBigInt(closing - agingTotal) });

    const number = options.letterNumbers?.get(a.name) ?? null;
    const name = uniqueSheetName(a.name, s.title, used);
    const summary: StatementSummary = {
      customer: a.name,
      sheet: name,
      opening: formatFenBigInt(a.opening),
      debits: formatFenBigInt(debits),
      credits: formatFenBigInt(credits),
      closing: formatFenBigInt(closing),
      lines,
      aging,
      letterNumber: number,
    };
    result.sheets.push(statementSheet(summary, a, { writtenOff: writtenOff.get(key) ?? 0, transactions, from, to, fromText, toText, lang, values, options, paper: policy.notices.paper }));
    result.statements.push(summary);
  }
  return result;
}

/** The amount in 人民币大写; a dash for an amount beyond what capitals are written for (10^12 yuan). */
function inWords(amount: Decimal): string {
  try {
    return amountInWords(amount.abs());
  } catch {
    return "—";
  }
}

function statementSheet(
  st: StatementSummary,
  a: Account,
  c: {
    transactions: boolean;
    writtenOff: number;
    from: DayNumber;
    to: DayNumber;
    fromText: string;
    toText: string;
    lang: Lang;
    values: Record<string, string>;
    options: NoticeOptions;
    paper: "A4" | "A5";
  },
): SheetSpec {
  const { lang } = c;
  const s = statementStrings(lang);
  const closing = new Dec(st.closing);
  const v = {
    ...c.values,
    customer: st.customer,
    from: c.fromText,
    to: c.toText,
    closing: formatMoneyGrouped(closing.abs()),
    closingInWords: inWords(closing),
  };
  // Amounts here are exact to the fen already ("45000.50").
  const money = (exact: string | null, style?: "total" | "subtotal") => moneyCellExact(exact, style);
  const date = (d: DayNumber, style?: "total" | "subtotal") => dateCell(toExcelSerial(d), style);

  const b = new LetterBuilder(WIDTH);
  b.title(s.title);
  if (st.letterNumber !== null) b.letterNumber(st.letterNumber, lang, 3);
  else b.blank();
  b.spanning("section", format(s.salutation, v), "section");
  b.paragraph(format(closing.gt(0) ? s.bodyOwed : closing.lt(0) ? s.bodyAdvance : s.bodyZero, v));
  b.meta(format(s.period, v));

  // The account: opening, the period's lines, the period's totals, closing.
  b.header([s.columns.date, s.columns.document, s.columns.summary, s.columns.debit, s.columns.credit, s.columns.balance]);
  b.add("subtotal", [date(c.from, "subtotal"), textCell(null, "subtotal"), textCell(s.opening, "subtotal"), textCell(null, "subtotal"), textCell(null, "subtotal"), money(st.opening, "subtotal")]);
  for (const l of st.lines) {
    b.add("body", [date(l.date), textCell(l.document), textCell(l.summary, "wrap"), money(l.debit), money(l.credit), money(l.balance)]);
  }
  b.add("subtotal", [textCell(null, "subtotal"), textCell(null, "subtotal"), textCell(s.periodTotal, "subtotal"), money(st.debits, "subtotal"), money(st.credits, "subtotal"), textCell(null, "subtotal")]);
  b.add("total", [date(c.to, "total"), textCell(null, "total"), textCell(s.closing, "total"), textCell(null, "total"), textCell(null, "total"), money(st.closing, "total")]);

  // The closing balance by age, as of the period's end.
  b.blank();
  b.section(format(s.agingTitle, v));
  const head = b.header([s.agingColumns.band, null, null, s.agingColumns.amount, null, null]);
  b.spanCells(head, 0, 3);
  b.spanCells(head, 3, 3);
  for (const row of st.aging) {
    const r = b.add("body", [textCell(row.label), null, null, money(row.amount), null, null]);
    b.spanCells(r, 0, 3);
    b.spanCells(r, 3, 3);
  }
  const total = b.add("total", [textCell(s.agingTotal, "total"), null, null, money(st.closing, "total"), null, null]);
  b.spanCells(total, 0, 3);
  b.spanCells(total, 3, 3);

  if (!c.transactions) b.note(format(s.openItemsNote, v));
  if (a.undated > 0) b.note(format(s.undatedNote, { n: a.undated }));
  if (a.unread > 0) b.note(format(s.unreadNote, { n: a.unread }));
  if (c.writtenOff > 0) b.note(format(s.writtenOffNote, { n: c.writtenOff }));
  if (a.rounded) b.note(s.roundedNote);
  if (c.options.company) b.contact(c.options.company, lang);
  b.signature(format(s.signature, v), 3);

  // The reply slip, to cut off and send back.
  b.paragraph(s.cutLine);
  b.spanning("section", s.replyTitle, "section");
  b.paragraph(format(s.replyIntro, v));
  const reply = b.add("body", [textCell(format(s.agree, v), "wrap"), null, null, textCell(format(s.disagree, v), "wrap"), null, null]);
  b.spanCells(reply, 0, 3);
  b.spanCells(reply, 3, 3);
  const spec = b.finish("statement", lang, st.sheet, s.title, [{ min: 11, max: 11 }, { min: 10, max: 16 }, { min: 14, max: 26 }, { min: 13, max: 16 }, { min: 13, max: 16 }, { min: 14, max: 17 }], c.paper);
  return spec;
}
