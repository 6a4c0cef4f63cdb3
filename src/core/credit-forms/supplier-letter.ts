/**
 * 客户供应商咨询评价函, the supplier reference letter (POLICY §5.2): sent to a customer's other
 * suppliers, who answer the policy's questions by writing an option's number in a reply box.
 * The letter is a print-ready SheetSpec; the sheet, once the replies are typed in, is read back
 * from its values and scored with supplierLetterScore.
 *
 * The sheet's layout is fixed so it can be read back without guessing (SUPPLIER_LETTER_LAYOUT):
 *   A1  the title (客户供应商咨询评价函 / Supplier reference enquiry), merged A:D
 *   A3  the salutation "<supplier>：" (zh) or "To <supplier>:" (en), merged A:D
 *   A4  the request, naming the customer, merged A:D
 *   A5  label 被咨询单位 / Customer        B5 the customer, merged B:D
 *   A6  label 单位地址 / Address           B6 the customer's address, merged B:D
 *   A8  header: 序号 | 问题 | 选项 | 回复（填序号）
 *   A9… one row per question: its number | the question | "1 准确  2 不准确" | the reply box (D)
 * Below the table, in this order and not read back: the replying company's seal lines, the
 * return request (with the reply-by date when given), our return address and phone, and our
 * company's name, seal line and the letter's date.
 *
 * Wording lives here (WORDING), not in the policy: the policy holds only the questions, options,
 * scores and weights. Every text from the caller is its own text cell (or part of one), so a
 * customer called "=HYPERLINK(…)" or "+86…" prints as written.
 */
import type Decimal from "decimal.js";
import { bi, type Bilingual, type Lang } from "../../i18n/bilingual";
import type { DayNumber } from "../calendar";
import { supplierLetterScore } from "../credit";
import { formatDate } from "../dates";
import { ArError } from "../errors";
import { isExcelErrorValue, quoteInput, toHalfWidth } from "../money";
import { fill, LetterBuilder, SHEET_NAME_MAX, uniqueSheetName } from "../notices/letter";
import type { Policy, SupplierLetterQuestion } from "../policy/types";
import { columnName, integerCell, type NoticeId, type SheetSpec, textCell } from "../reports/sheet-spec";

/** The letter's words. Placeholders: {supplier} {customer} {address} {replyBy} {company} {date}. */
export const SUPPLIER_LETTER_WORDING = {
  title: bi("客户供应商咨询评价函", "Supplier reference enquiry"),
  /** The title part of the sheet's name ("<customer>-<supplier>-咨询函"). */
  sheetTitle: bi("咨询函", "Ref"),
  salutation: bi("{supplier}：", "To {supplier}:"),
  body: bi(
    "我公司拟与{customer}{addressNote}开展业务往来，现正对其进行信用评估。据悉贵公司与该公司有业务往来，恳请拨冗回答下列问题，在“回复”栏内填写所选选项的序号。贵公司提供的信息我公司将严格保密，仅用于本次信用评估。谨致谢意！",
    "We are assessing the credit standing of {customer}{addressNote}, with whom we understand you trade. We would be grateful if you would answer the questions below, writing the number of the option you choose in the Reply column. The information you give will be kept strictly confidential and used only for this credit assessment. Thank you for your help.",
  ),
  addressNote: bi("（地址：{address}）", " ({address})"),
  customer: bi("被咨询单位", "Customer"),
  address: bi("单位地址", "Address"),
  no: bi("序号", "No."),
  question: bi("问题", "Question"),
  options: bi("选项", "Options"),
  reply: bi("回复（填序号）", "Reply (option no.)"),
  /** The replying supplier's lines under the table, one per line. */
  replySignature: bi("回复单位（盖章）：\n填表人：\n日期：", "Replying company (seal):\nCompleted by:\nDate:"),
  returnBy: bi("请于{replyBy}前将本函填妥寄回我公司，谢谢！", "Please complete this letter and return it to us by {replyBy}. Thank you."),
  returnAny: bi("请将本函填妥后寄回我公司，谢谢！", "Please complete this letter and return it to us. Thank you."),
  returnAddress: bi("回函地址", "Return to"),
  phone: bi("联系电话", "Phone"),
  /** Our signature block, one per line. */
  signature: bi("{company}\n（盖章）\n{date}", "{company}\n(Seal)\n{date}"),
} as const;

const W = SUPPLIER_LETTER_WORDING;

/** Where the reader finds each part: 0-based rows and columns of the letter sheet. */
export const SUPPLIER_LETTER_LAYOUT = {
  titleRow: 0,
  salutationRow: 2,
  customerRow: 4,
  addressRow: 5,
  headerRow: 7,
  firstQuestionRow: 8,
  labelCol: 0,
  valueCol: 1,
  noCol: 0,
  questionCol: 1,
  optionsCol: 2,
  replyCol: 3,
} as const;

const L = SUPPLIER_LETTER_LAYOUT;
const WIDTH = 4;

/**
 * SheetSpec's NoticeId has no "supplierLetter" yet (src/core/reports/sheet-spec.ts is another
 * change's); no writer reads the id, and the value at run time is the true one.
 */
const SHEET_ID: NoticeId = "supplierLetter";

export interface SupplierLetterInput {
  customer: string;
  customerAddress: string;
  /** The supplier asked for the reference: the addressee. */
  supplier: string;
  /** The letter's date. */
  date: DayNumber;
  /** Reply requested by this date; absent: no date is asked for. */
  replyBy?: DayNumber;
}

interface SupplierLetter {
  spec: SheetSpec;
  /** The A1 address of each question's reply cell, in question order ("D9", "D10", …). */
  replyCells: string[];
}

export interface SupplierLetterProblem {
  /** The A1 address of the cell the problem is about. */
  cell: string;
  message: Bilingual;
}

interface SupplierLetterReplies {
  customer: string;
  supplier: string;
  /** One per policy question: the option chosen (1-based), or null when blank or unreadable. */
  replies: (number | null)[];
  problems: SupplierLetterProblem[];
}

function inputError(field: "customer" | "supplier", value: unknown): ArError {
  const zh = field === "customer" ? "客户" : "供应商";
  return new ArError(
    "supplier-letter.input",
    { "zh-CN": `供应商咨询函缺少${zh}名称（给出的是“${quoteInput(value)}”）。`, "en-US": `The supplier reference letter needs a ${field} name (got "${quoteInput(value)}").` },
    { field },
  );
}

/** "1 准确  2 不准确": the options as the letter prints them. */
function optionsText(question: SupplierLetterQuestion, lang: Lang): string {
  return question.options.map((o, i) => `${i + 1} ${o.label[lang]}`).join("  ");
}

/**
 * The supplier reference letter to `input.supplier` about `input.customer`, on a sheet called
 * `name` (see supplierLetterSheetName). Throws ArError "supplier-letter.input" for a blank
 * customer or supplier name.
 */
export function buildSupplierLetter(input: SupplierLetterInput, policy: Policy, lang: Lang, name: string): SupplierLetter {
  const { customer, customerAddress, supplier, date, replyBy } = input;
  if (typeof customer !== "string" || customer.trim() === "") throw inputError("customer", customer);
  if (typeof supplier !== "string" || supplier.trim() === "") throw inputError("supplier", supplier);
  const address = typeof customerAddress === "string" ? customerAddress : "";
  const questions = policy.credit.supplierLetter;
  const values = {
    supplier,
    customer,
    address,
    addressNote: address.trim() === "" ? "" : fill(W.addressNote, lang, { address }),
    company: policy.company.name[lang],
    date: formatDate(date, lang),
    replyBy: replyBy === undefined ? "" : formatDate(replyBy, lang),
  };

  const b = new LetterBuilder(WIDTH);
  b.title(W.title[lang]);
  b.blank();
  b.spanning("section", fill(W.salutation, lang, values), "section");
  b.paragraph(fill(W.body, lang, values));
  for (const [label, value] of [
    [W.customer[lang], customer],
    [W.address[lang], address],
  ] as const) {
    const r = b.add("body", [textCell(label, "header"), textCell(value, "wrap"), textCell(null, "wrap"), textCell(null, "wrap")]);
    b.spanCells(r, L.valueCol, WIDTH - L.valueCol);
  }
  b.blank();
  b.header([W.no[lang], W.question[lang], W.options[lang], W.reply[lang]]);
  const replyCells: string[] = [];
  for (const q of questions) {
    // The reply box: an empty bordered cell; a number typed there stays a number, a text a text.
    const r = b.add("body", [integerCell(q.no), textCell(q.question[lang], "wrap"), textCell(optionsText(q, lang), "wrap"), integerCell(null)]);
    replyCells.push(`${columnName(L.replyCol)}${r + 1}`);
  }
  b.blank();
  b.signature(W.replySignature[lang], 2);
  b.blank();
  b.paragraph(fill(replyBy === undefined ? W.returnAny : W.returnBy, lang, values));
  b.field(W.returnAddress[lang], policy.company.address, lang);
  b.field(W.phone[lang], policy.company.phone, lang);
  b.blank();
  b.signature(fill(W.signature, lang, values), 2);

  const title = W.title[lang];
  const spec = b.finish(SHEET_ID, lang, name, title, [{ min: 12, max: 14 }, { min: 28, max: 34 }, { min: 28, max: 34 }, { min: 12, max: 14 }], policy.notices.paper);
  return { spec, replyCells };
}

/** Cuts a text to at most `max` UTF-16 units without splitting a surrogate pair. */
function cutUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const c = text.charCodeAt(end - 1);
  if (end > 0 && c >= 0xd800 && c <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/**
 * The letter's sheet name, "<customer>-<supplier>-咨询函" ("…-Ref" in English), at most 31
 * characters and unlike every name in `existing` (without case, as Excel compares them). When
 * the two names do not fit, each keeps at least half the room, so letters about one customer to
 * different suppliers stay told apart; a repeat gets "(2)", "(3)"… (uniqueSheetName).
 */
export function supplierLetterSheetName(customer: string, supplier: string, lang: Lang, existing: readonly string[]): string {
  const title = W.sheetTitle[lang];
  const used = new Set(existing.map((n) => n.toLowerCase()));
  const tidy = (s: string): string => String(s).replace(/\s+/g, " ").trim();
  let who = tidy(customer);
  let to = tidy(supplier);
  const room = SHEET_NAME_MAX - title.length - 2; // two "-"
  if (who.length + to.length > room) {
    const half = Math.floor(room / 2);
    if (who.length <= half) to = cutUnits(to, room - who.length);
    else if (to.length <= half) who = cutUnits(who, room - to.length);
    else {
      who = cutUnits(who, room - half);
      to = cutUnits(to, room - who.length);
    }
  }
  return uniqueSheetName(to === "" ? who : `${who}-${to}`, title, used);
}

// ---------------------------------------------------------------------------------------------
// Reading the replies back
// ---------------------------------------------------------------------------------------------

function cellAt(values: readonly (readonly unknown[])[], row: number, col: number): unknown {
  const r = values[row];
  if (r === undefined || r === null) return "";
  const v = r[col];
  return v === undefined || v === null ? "" : v;
}

/** A cell as text: a string as it is, a number in its shortest form; anything else "". */
function textOf(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return "";
}

const squash = (s: string): string => toHalfWidth(s).replace(/\s+/g, " ").trim();

function isOneOf(v: unknown, text: Bilingual): boolean {
  const t = squash(textOf(v));
  return t === squash(text["zh-CN"]) || t.toLowerCase() === squash(text["en-US"]).toLowerCase();
}

const address = (row: number, col: number): string => `${columnName(col)}${row + 1}`;

/** ① … ⑳ as 1 … 20, as Chinese forms are often filled in. */
function circledNumber(t: string): number | undefined {
  if (t.length !== 1) return undefined;
  const c = t.charCodeAt(0);
  return c >= 0x2460 && c <= 0x2473 ? c - 0x2460 + 1 : undefined;
}

function labelIndex(question: SupplierLetterQuestion, text: string): number {
  const lower = text.toLowerCase();
  return question.options.findIndex((o) => squash(o.label["zh-CN"]) === text || squash(o.label["en-US"]).toLowerCase() === lower);
}

type ReplyReading = { option: number } | { blank: true } | { unreadable: true };

/**
 * One reply: the option's number (1..n, a number or digits, full-width and ①… allowed), the
 * option's text (zh exactly, en in any case), or both as the letter prints them ("1 准确");
 * blank for an empty cell. An Excel error value, a boolean or anything else is unreadable.
 */
function readReply(question: SupplierLetterQuestion, v: unknown): ReplyReading {
  const n = question.options.length;
  const inRange = (k: number): boolean => Number.isInteger(k) && k >= 1 && k <= n;
  if (typeof v === "number") return inRange(v) ? { option: v } : { unreadable: true };
  if (typeof v !== "string" || isExcelErrorValue(v)) return { unreadable: true };
  const t = squash(v);
  if (t === "") return { blank: true };
  if (/^\d+$/.test(t) || circledNumber(t) !== undefined) {
    const k = circledNumber(t) ?? Number(t);
    return inRange(k) ? { option: k } : { unreadable: true };
  }
  const byText = labelIndex(question, t);
  if (byText >= 0) return { option: byText + 1 };
  // "1 准确", "1.准确", "1、准确": the number and its own option's text.
  const both = /^(\d+)\s*[.、):]?\s*(.+)$/.exec(t);
  if (both !== null) {
    const k = Number(both[1]);
    if (inRange(k) && labelIndex(question, both[2]) === k - 1) return { option: k };
  }
  return { unreadable: true };
}

function where(sheetName: string, cell: string): Bilingual {
  return bi(`工作表“${sheetName}”的 ${cell} 单元格`, `Sheet "${sheetName}", cell ${cell}`);
}

function problem(sheetName: string, cell: string, zh: string, en: string): SupplierLetterProblem {
  const w = where(sheetName, cell);
  return { cell, message: bi(`${w["zh-CN"]}：${zh}`, `${w["en-US"]}: ${en}`) };
}

/** The supplier named in the salutation: exactly the text the letter put around it removed. */
function supplierOf(salutation: string, lang: Lang): string | undefined {
  const [before, after] = W.salutation[lang].split("{supplier}");
  if (salutation.length < before.length + after.length || !salutation.startsWith(before) || !salutation.endsWith(after)) return undefined;
  return salutation.slice(before.length, salutation.length - after.length);
}

/**
 * Reads a letter sheet back (values from A1 as Excel's used range gives them): the customer
 * (B5), the supplier (the salutation in A3) and one reply per policy question (column D from
 * row 9; see SUPPLIER_LETTER_LAYOUT). Returns null if the sheet is not a supplier letter laid
 * out as buildSupplierLetter lays it out: the title in A1 and the labels in A5, A6 and the
 * header row, in either language. Each unreadable reply gives a problem naming its cell, and so
 * does a question row that no longer matches the policy (its number or its options differ:
 * the reply's number could mean another option) — both read as null, as blank replies do.
 */
export function readSupplierLetter(sheetName: string, values: readonly (readonly unknown[])[], policy: Policy): SupplierLetterReplies | null {
  const at = (row: number, col: number): unknown => cellAt(values, row, col);
  const titleText = squash(textOf(at(L.titleRow, 0)));
  const lang: Lang | undefined = titleText === W.title["zh-CN"] ? "zh-CN" : titleText.toLowerCase() === W.title["en-US"].toLowerCase() ? "en-US" : undefined;
  if (lang === undefined) return null;
  if (
    !isOneOf(at(L.customerRow, L.labelCol), W.customer) ||
    !isOneOf(at(L.addressRow, L.labelCol), W.address) ||
    !isOneOf(at(L.headerRow, L.noCol), W.no) ||
    !isOneOf(at(L.headerRow, L.optionsCol), W.options) ||
    !isOneOf(at(L.headerRow, L.replyCol), W.reply)
  ) {
    return null;
  }

  const problems: SupplierLetterProblem[] = [];
  const customer = textOf(at(L.customerRow, L.valueCol));
  if (customer.trim() === "") {
    problems.push(problem(sheetName, address(L.customerRow, L.valueCol), "客户名称为空。", "the customer's name is blank."));
  }
  const salutation = textOf(at(L.salutationRow, 0));
  let supplier = supplierOf(salutation, lang);
  if (supplier === undefined || supplier.trim() === "") {
    problems.push(
      problem(
        sheetName,
        address(L.salutationRow, 0),
        `应为“${W.salutation["zh-CN"].replace("{supplier}", "供应商名称")}”，却是“${quoteInput(salutation)}”。`,
        `expected "${W.salutation["en-US"].replace("{supplier}", "supplier name")}", found "${quoteInput(salutation)}".`,
      ),
    );
    supplier = supplier ?? salutation.trim();
  }

  const questions = policy.credit.supplierLetter;
  const replies: (number | null)[] = [];
  questions.forEach((q, i) => {
    const row = L.firstQuestionRow + i;
    const no = squash(textOf(at(row, L.noCol)));
    if (no !== String(i + 1)) {
      replies.push(null);
      problems.push(problem(sheetName, address(row, L.noCol), `应为第 ${i + 1} 题，却是“${quoteInput(no)}”；函件的题目与当前制度不一致。`, `expected question ${i + 1}, found "${quoteInput(no)}": the letter's questions differ from the policy's.`));
      return;
    }
    const options = at(row, L.optionsCol);
    if (squash(textOf(options)) !== squash(optionsText(q, "zh-CN")) && squash(textOf(options)).toLowerCase() !== squash(optionsText(q, "en-US")).toLowerCase()) {
      replies.push(null);
      problems.push(
        problem(
          sheetName,
          address(row, L.optionsCol),
          `第 ${q.no} 题的选项与当前制度（${optionsText(q, "zh-CN")}）不一致，回复的序号可能指另一选项，未计入。`,
          `question ${q.no}'s options differ from the policy's (${optionsText(q, "en-US")}); the reply's number may mean another option, so it is not read.`,
        ),
      );
      return;
    }
    const cell = address(row, L.replyCol);
    const reading = readReply(q, at(row, L.replyCol));
    if ("option" in reading) replies.push(reading.option);
    else {
      replies.push(null);
      if ("unreadable" in reading) {
        const reply = quoteInput(at(row, L.replyCol));
        problems.push(
          problem(
            sheetName,
            cell,
            `第 ${q.no} 题的回复“${reply}”无法识别。请填写选项序号 1–${q.options.length} 或选项文字（${optionsText(q, "zh-CN")}）。`,
            `cannot read the reply "${reply}" to question ${q.no}. Write an option's number, 1–${q.options.length}, or its text (${optionsText(q, "en-US")}).`,
          ),
        );
      }
    }
  });
  // A question the policy no longer has: its reply cannot be scored.
  const extraRow = L.firstQuestionRow + questions.length;
  if (squash(textOf(at(extraRow, L.noCol))) === String(questions.length + 1)) {
    problems.push(
      problem(
        sheetName,
        address(extraRow, L.noCol),
        `函件的题目多于当前制度的 ${questions.length} 题；多出的题目不计分。`,
        `the letter has more questions than the policy's ${questions.length}; the extra ones are not scored.`,
      ),
    );
  }
  return { customer, supplier, replies, problems };
}

/**
 * The letter's score (POLICY §5.2, supplierLetterScore) as an exact decimal string ("54.75")
 * when every question has a reply; null when some have none, listed by question number. Throws
 * ArError "credit.supplier-reply" for more replies than questions or an option out of range.
 */
export function scoreSupplierReplies(replies: readonly (number | null)[], policy: Policy): { score: string | null; unanswered: number[] } {
  const questions = policy.credit.supplierLetter;
  if (replies.length > questions.length) {
    throw new ArError(
      "credit.supplier-reply",
      bi(`供应商咨询函共 ${questions.length} 题，给出了 ${replies.length} 个回答。`, `The supplier letter has ${questions.length} questions; ${replies.length} replies were given.`),
    );
  }
  const unanswered = questions.filter((_, i) => replies[i] === null || replies[i] === undefined).map((q) => q.no);
  if (unanswered.length > 0) return { score: null, unanswered };
  const score: Decimal = supplierLetterScore([...replies], policy);
  return { score: score.toFixed(), unanswered };
}
