/**
 * 应收账款询证函, the balance confirmation letter (POLICY §7): finance confirms each customer's
 * balance in writing at least every policy.reconciliationIntervalMonths months. A letter goes to
 * each selected customer with a balance owed to us and no confirmation within that interval
 * before the cut-off date (the same rule as the check's "reconciliation-overdue"): the balance
 * per our books at the cut-off, in figures and in capitals, and a reply section to agree or to
 * disagree with the customer's own figures. It says it is not a demand for payment, and makes no
 * collection log entry.
 */
import { addMonths, type DayNumber } from "../calendar";
import { amountInWords } from "../capitals";
import { formatDate } from "../dates";
import type { Lang } from "../../i18n/bilingual";
import { Dec, formatMoneyGrouped } from "../money";
import { addRowBalance, dayCell, reportContext, type ReportInput, totalCell } from "../reports/input";
import { MoneySum } from "../money-sum";
import { type SheetSpec, textCell } from "../reports/sheet-spec";
import { companyValues, fill, LetterBuilder, type NoticeOptions, signatureWithSignatory, uniqueSheetName, usedNames } from "./letter";
import { type NoticeSelection, selectCustomers } from "./select";

export interface ConfirmationSummary {
  customer: string;
  sheet: string;
  /** The balance per our books at the cut-off, exact ("12345.67"). */
  balance: string;
  /** The latest confirmation in the ledger; null when never confirmed (or the ledger has no such column). */
  lastConfirmed: DayNumber | null;
  /** The letter's number (编号) as printed; null when none was given. */
  letterNumber: string | null;
}

export interface SkippedConfirmation {
  customer: string;
  /** confirmed-recently: confirmed within the interval; no-balance: the customer owes us nothing. */
  reason: "confirmed-recently" | "no-balance";
  lastConfirmed: DayNumber | null;
}

export interface ConfirmationResult {
  sheets: SheetSpec[];
  letters: ConfirmationSummary[];
  skipped: SkippedConfirmation[];
}

const WIDTH = 4;

/** Confirmation letters for the selected customers that are due one at the cut-off date. */
export function buildConfirmationLetters(input: ReportInput, selection: NoticeSelection, cutOff: DayNumber, lang: Lang, options: NoticeOptions = {}): ConfirmationResult {
  const ctx = reportContext(input, lang);
  const { policy } = input;
  const t = policy.notices;
  const L = t.labels;
  const months = policy.reconciliationIntervalMonths;
  const title = t.confirmation.title[lang];
  const used = usedNames(options);
  const result: ConfirmationResult = { sheets: [], letters: [], skipped: [] };

  for (const sel of selectCustomers(ctx, selection)) {
    const c = sel.customer;
    // The balance per our books is the customer's whole balance, not only the rows selected;
    // rows written off are memorandum items, off the books (POLICY §8).
    const balance = new MoneySum();
    let last: DayNumber | null = null;
    for (const i of c.rows) {
      const r = ctx.rows[i];
      if (!ctx.isWrittenOff(i)) addRowBalance(balance, r);
      const lc = r.lastConfirmed;
      if (lc !== null && lc <= cutOff && (last === null || lc > last)) last = lc;
    }
    if (!(balance.toNumber() > 0)) {
      result.skipped.push({ customer: c.name, reason: "no-balance", lastConfirmed: last });
      continue;
    }
    // POLICY §7: at least once every six months (the check's rule, to the day).
    if (last !== null && !(addMonths(last, months) < cutOff)) {
      result.skipped.push({ customer: c.name, reason: "confirmed-recently", lastConfirmed: last });
      continue;
    }
    const exact = balance.toString();
    const amount = new Dec(exact);
    const values = {
      ...companyValues(policy, lang, options.company),
      customer: c.name,
      total: formatMoneyGrouped(amount),
      totalInWords: amountInWords(amount),
      cutOff: formatDate(cutOff, lang),
      asOf: formatDate(cutOff, lang),
      months,
    };

    const b = new LetterBuilder(WIDTH);
    b.title(title);
    const number = options.letterNumbers?.get(c.name);
    if (number !== undefined) b.letterNumber(number, lang, 2);
    else b.blank();
    b.spanning("section", fill(t.confirmation.salutation, lang, values), "section");
    b.paragraph(fill(t.confirmation.body, lang, values));
    b.header([L.cutOff[lang], L.balancePerBooks[lang], L.totalInWords[lang], null]);
    const row = b.add("body", [dayCell(cutOff), totalCell(balance), textCell(values.totalInWords, "wrap"), textCell(null, "wrap")]);
    b.spanCells(row - 1, 2, 2);
    b.spanCells(row, 2, 2);
    b.paragraph(fill(t.confirmation.notDemand, lang, values));
    if (options.company) b.contact(options.company, lang);
    b.blank();
    b.signature(signatureWithSignatory(t.confirmation.signature[lang], fill(t.confirmation.signature, lang, values), options.company?.signatory ?? "", lang), 2);
    b.blank();
    // The reply section: agree on the left, disagree with the customer's figures on the right.
    const reply = b.add("body", [textCell(fill(t.confirmation.agree, lang, values), "wrap"), textCell(null, "wrap"), textCell(fill(t.confirmation.disagree, lang, values), "wrap"), textCell(null, "wrap")]);
    b.spanCells(reply, 0, 2);
    b.spanCells(reply, 2, 2);

    const name = uniqueSheetName(c.name, title, used);
    result.sheets.push(b.finish("confirmationLetter", lang, name, title, [{ min: 16 }, { min: 20 }, { min: 22 }, { min: 22 }], t.paper));
    result.letters.push({ customer: c.name, sheet: name, balance: exact, lastConfirmed: last, letterNumber: number ?? null });
  }
  return result;
}
