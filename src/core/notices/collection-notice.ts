/**
 * 应收账款催款通知书, the collection notice (POLICY §6): one print-ready sheet per customer with
 * the open items the user selected, the total in figures and in capitals, the payee account from
 * the policy's company details, a pay-by date, and the general manager's signature lines. The
 * wording follows the customer's collection approach: none for a customer the policy says not
 * to disturb (it is listed as skipped, with the tier that says so), courteous, firm, or stern
 * with the legal step. Every notice made gives a row for the collection log.
 */
import type Decimal from "decimal.js";
import { amountInWords } from "../capitals";
import { collectionTier } from "../collection";
import type { DayNumber } from "../calendar";
import { formatDate } from "../dates";
import type { Lang } from "../../i18n/bilingual";
import { AGING_CLASSES } from "../aging";
import { NO_DAYS, NO_VALUE } from "../batch";
import { Dec, formatMoneyGrouped } from "../money";
import type { CollectionApproach } from "../policy/types";
import { addRowBalance, balanceCell, dayCell, reportContext, type ReportInput, totalCell } from "../reports/input";
import { MoneySum } from "../money-sum";
import { integerCell, type SheetSpec, textCell } from "../reports/sheet-spec";
import { companyValues, fill, LetterBuilder, type NoticeOptions, signatureWithSignatory, uniqueSheetName, usedNames } from "./letter";
import { customerProbability, type NoticeSelection, selectCustomers } from "./select";

export interface SkippedCustomer {
  customer: string;
  /** wait-tier: the policy's tier says do not disturb; no-open-items: nothing selected has a positive balance. */
  reason: "wait-tier" | "no-open-items";
  /** The customer's recovery probability ("0.95"); null when not assessed. */
  probability: string | null;
  /** The tier's own wording (why no letter), for wait-tier; null otherwise. */
  explanation: string | null;
}

export interface CollectionNoticeSummary {
  customer: string;
  sheet: string;
  /** The tone used; "gentle" for a customer not assessed. */
  approach: Exclude<CollectionApproach, "wait">;
  probability: string | null;
  /** The notice's total, exact ("909600.00"). */
  total: string;
  items: number;
  payBy: DayNumber;
  /** The letter's number (编号) as printed; null when none was given. */
  letterNumber: string | null;
}

/** A row for the collection log (POLICY §6): the notice counts as a contact by letter. */
export interface CollectionLogEntry {
  contactDate: DayNumber;
  customer: string;
  /** The policy's label for a letter ("信函" / "letter"); code "letter". */
  method: string;
  /** The amount demanded, exact ("909600.00"). */
  amount: string;
  /** The collectors of the items, distinct, joined; null when none is known. */
  collector: string | null;
  note: string;
}

export interface CollectionNoticeResult {
  sheets: SheetSpec[];
  notices: CollectionNoticeSummary[];
  skipped: SkippedCustomer[];
  logRows: CollectionLogEntry[];
}

const WIDTH = 7;

function distinct(values: readonly (string | null)[]): string[] {
  const out: string[] = [];
  for (const v of values) if (v !== null && v.trim() !== "" && !out.includes(v)) out.push(v);
  return out;
}

/**
 * The collection notices for the selected rows, dated `asOf` (days past due counted to it, the
 * pay-by date policy.notices.payByDays after it).
 */
export function buildCollectionNotices(input: ReportInput, selection: NoticeSelection, asOf: DayNumber, lang: Lang, options: NoticeOptions = {}): CollectionNoticeResult {
  const ctx = reportContext(input, lang);
  const { policy } = input;
  const t = policy.notices;
  const L = t.labels;
  const dueDay = input.audit.rows.dueDay;
  const sep = lang === "zh-CN" ? "、" : ", ";
  const gap = lang === "zh-CN" ? "　" : "    ";
  const colon = lang === "zh-CN" ? "：" : ": ";
  const title = t.collection.title[lang];
  const used = usedNames(options);
  const result: CollectionNoticeResult = { sheets: [], notices: [], skipped: [], logRows: [] };
  const payBy = asOf + t.payByDays;
  const neverWaitFrom = AGING_CLASSES.indexOf(policy.collection.neverWaitFromClass);

  for (const sel of selectCustomers(ctx, selection)) {
    const c = sel.customer;
    const probability: Decimal | null = customerProbability(ctx, c);
    const pText = probability === null ? null : probability.toString();
    if (sel.open.length === 0) {
      result.skipped.push({ customer: c.name, reason: "no-open-items", probability: pText, explanation: null });
      continue;
    }
    const tier = probability === null ? null : collectionTier(probability, policy);
    // 004 五.第六条、第七条: from policy.collection.neverWaitFromClass on, no probability leaves a
    // customer undisturbed — the collection plan's own rule (reports/collection-plan.ts). Such a
    // customer in the wait tier gets the mildest letter that still asks for payment.
    const classOf = input.audit.rows.agingClass;
    const needsAttention = sel.open.some((i) => classOf[i] !== NO_VALUE && classOf[i] >= neverWaitFrom);
    if (tier !== null && tier.approach === "wait" && !needsAttention) {
      result.skipped.push({ customer: c.name, reason: "wait-tier", probability: pText, explanation: tier.label[lang] });
      continue;
    }
    // A customer nobody has assessed gets the mildest letter that still asks for payment.
    const approach: Exclude<CollectionApproach, "wait"> = tier === null || tier.approach === "wait" ? "gentle" : tier.approach;
    const wording = t.collection[approach];

    const total = new MoneySum();
    for (const i of sel.open) addRowBalance(total, ctx.rows[i]);
    const exact = total.toString();
    const totalDec = new Dec(exact);
    const projects = distinct(sel.open.map((i) => ctx.rows[i].project));
    const values = {
      ...companyValues(policy, lang, options.company),
      customer: c.name,
      total: formatMoneyGrouped(totalDec),
      totalInWords: amountInWords(totalDec),
      payBy: formatDate(payBy, lang),
      asOf: formatDate(asOf, lang),
      count: sel.open.length,
      projects: projects.length === 0 ? "" : lang === "zh-CN" ? projects.join(sep) : ` (${projects.join(sep)})`,
    };

    const b = new LetterBuilder(WIDTH);
    b.title(title);
    const number = options.letterNumbers?.get(c.name);
    if (number !== undefined) b.letterNumber(number, lang, 4);
    else b.blank();
    b.spanning("section", fill(t.collection.salutation, lang, values), "section");
    const master = c.master;
    const contactParts: string[] = [];
    if (master?.contact) contactParts.push(`${L.contact[lang]}${colon}${master.contact}`);
    if (master?.phone) contactParts.push(`${L.phone[lang]}${colon}${master.phone}`);
    if (master?.address) contactParts.push(`${L.address[lang]}${colon}${master.address}`);
    if (contactParts.length > 0) b.paragraph(contactParts.join(gap));
    if (projects.length > 0) b.field(L.basis[lang], projects.join(sep), lang);
    b.paragraph(fill(wording.opening, lang, values));
    b.paragraph(fill(wording.body, lang, values));

    b.header([L.no[lang], L.document[lang], L.project[lang], L.dateArisen[lang], L.dueDate[lang], L.daysPastDue[lang], L.balance[lang]]);
    sel.open.forEach((i, k) => {
      const r = ctx.rows[i];
      const due = dueDay[i];
      b.add("body", [
        integerCell(k + 1),
        textCell(r.document),
        textCell(r.project, "wrap"),
        dayCell(r.dateArisen),
        dayCell(due === NO_DAYS ? null : due),
        integerCell(due === NO_DAYS ? null : Math.max(0, asOf - due)),
        balanceCell(r),
      ]);
    });
    const totalRow = b.add("total", [textCell(L.total[lang], "total"), ...new Array(5).fill(null).map(() => textCell(null, "total")), totalCell(total, "total")]);
    b.spanCells(totalRow, 0, 6);
    const wordsRow = b.add("total", [textCell(L.totalInWords[lang], "total"), textCell(null, "total"), textCell(values.totalInWords, "total"), ...new Array(4).fill(null).map(() => textCell(null, "total"))]);
    b.spanCells(wordsRow, 0, 2);
    b.spanCells(wordsRow, 2, 5);

    b.blank();
    b.paragraph(fill(wording.closing, lang, values));
    b.field(L.payBy[lang], values.payBy, lang);
    b.spanning("section", L.payee[lang], "section");
    b.field(L.accountName[lang], policy.company.payee.accountName, lang);
    b.field(L.bank[lang], policy.company.payee.bank, lang);
    b.field(L.accountNo[lang], policy.company.payee.accountNo, lang);
    b.paragraph(t.collection.alreadyPaid[lang]);
    if (options.company) b.contact(options.company, lang);
    b.blank();
    b.signature(signatureWithSignatory(t.collection.signature[lang], fill(t.collection.signature, lang, values), options.company?.signatory ?? "", lang), 3);

    const name = uniqueSheetName(c.name, title, used);
    result.sheets.push(
      b.finish("collectionNotice", lang, name, title, [{ min: 5 }, { min: 12, max: 18 }, { min: 12, max: 22 }, { min: 11 }, { min: 11 }, { min: 8 }, { min: 14 }], t.paper),
    );
    result.notices.push({ customer: c.name, sheet: name, approach, probability: pText, total: exact, items: sel.open.length, payBy, letterNumber: number ?? null });
    const collectors = distinct(sel.open.map((i) => ctx.collectorOf(i)));
    result.logRows.push({
      contactDate: asOf,
      customer: c.name,
      method: L.letterMethod[lang],
      amount: exact,
      collector: collectors.length === 0 ? null : collectors.join(sep),
      note: fill(L.noticeLogNote, lang, { title, sheet: number ?? name }),
    });
  }
  return result;
}
