/**
 * The printed statement's wording (对账单, src/core/notices/statement.ts) in zh-CN and en-US. Kept
 * apart from the pane's catalogue (en-US.ts, zh-CN.ts) so it loads with the statement builder, in
 * the notices' on-demand chunk, not in the pane's first bundle. 账, never 帐.
 */
import type { Lang } from "./bilingual";

const enUS = {
  title: "Statement of Account",
  salutation: "To {customer}:",
  bodyOwed: "To reconcile the accounts between us, the entries between your company and ours from {from} to {to} are listed below. As at {to} your company owed us CNY {closing} (in words: {closingInWords}). Please check them, sign and seal the reply slip below and return it to us within ten days of receiving this statement.",
  bodyAdvance: "To reconcile the accounts between us, the entries between your company and ours from {from} to {to} are listed below. As at {to} we held CNY {closing} received from your company in advance (in words: {closingInWords}). Please check them, sign and seal the reply slip below and return it to us within ten days of receiving this statement.",
  bodyZero: "To reconcile the accounts between us, the entries between your company and ours from {from} to {to} are listed below. As at {to} the balance between us was nil. Please check them, sign and seal the reply slip below and return it to us within ten days of receiving this statement.",
  period: "Period: {from} to {to}    Amounts in CNY",
  columns: { date: "Date", document: "Document no.", summary: "Summary", debit: "Debit (invoiced)", credit: "Credit (received)", balance: "Balance" },
  opening: "Opening balance",
  periodTotal: "Total for the period",
  closing: "Closing balance",
  agingTitle: "Aging of the closing balance (as at {to})",
  agingColumns: { band: "Age", amount: "Amount" },
  advance: "Received in advance (not yet applied)",
  unknownAge: "Age unknown (no date)",
  rounding: "Rounding difference (amounts to the fen)",
  agingTotal: "Total (equals the closing balance)",
  openItemsNote: "This ledger lists open items and records no receipts: the opening balance is what was still open on the items arisen before {from}, and the lines are the items arisen in the period, at their balances still open.",
  undatedNote: "{n} undated line(s) are counted in the opening balance.",
  unreadNote: "The amounts of {n} line(s) could not be read and are not on this statement; the check's findings say which.",
  writtenOffNote: "{n} item(s) marked as written off are memorandum items, off the books, and are not on this statement.",
  roundedNote: "Some amounts were finer than a fen; each was rounded half-up to the fen once.",
  signature: "{company} (seal)\nAddress: {address}    Phone: {phone}\n{to}",
  cutLine: "- - - - - - - - - - Cut here, sign, seal and return - - - - - - - - - -",
  replyTitle: "Reply slip",
  replyIntro: "To {company}: we have received your statement for {from} to {to} and checked it:",
  agree: "1. Balance agreed.\n\n\n(Company seal)\n\nSigned by: ____________\nDate: ____________",
  disagree: "2. Balance not agreed; the amount and reason of the difference:\nAmount of the difference: CNY ____________\nReason: ________________________\n________________________________\n(Company seal)\nSigned by: ____________\nDate: ____________",
};

type StatementStrings = typeof enUS;

const zhCN: StatementStrings = {
  title: "对账单",
  salutation: "{customer}：",
  bodyOwed: "为核对双方往来账项，现将{from}至{to}贵单位与我公司的往来明细列示如下。截至{to}，贵单位尚欠我公司款项人民币{closing}元（大写：人民币{closingInWords}）。请核对后在下方回执上签章，于收到本对账单后十日内寄回我公司。",
  bodyAdvance: "为核对双方往来账项，现将{from}至{to}贵单位与我公司的往来明细列示如下。截至{to}，我公司预收贵单位款项人民币{closing}元（大写：人民币{closingInWords}）。请核对后在下方回执上签章，于收到本对账单后十日内寄回我公司。",
  bodyZero: "为核对双方往来账项，现将{from}至{to}贵单位与我公司的往来明细列示如下。截至{to}，双方往来余额为零。请核对后在下方回执上签章，于收到本对账单后十日内寄回我公司。",
  period: "对账期间：{from}至{to}　　金额单位：人民币元",
  columns: { date: "日期", document: "单据号", summary: "摘要", debit: "借方（应收）", credit: "贷方（已收）", balance: "余额" },
  opening: "期初余额",
  periodTotal: "本期合计",
  closing: "期末余额",
  agingTitle: "期末余额账龄分析（截至{to}）",
  agingColumns: { band: "账龄", amount: "金额" },
  advance: "预收款项（尚未冲销的收款）",
  unknownAge: "账龄不明（无日期）",
  rounding: "尾差（金额四舍五入至分）",
  agingTotal: "合计（等于期末余额）",
  openItemsNote: "本台账为未结清款项台账，不记录收款：期初余额为{from}前发生的款项尚未结清的余额，本期各行为期间内发生的款项尚未结清的余额。",
  undatedNote: "{n}笔无日期的款项计入期初余额。",
  unreadNote: "{n}笔款项的金额无法读取，未列入本对账单，详见检查发现。",
  writtenOffNote: "{n}笔已核销的款项为备查登记事项，不在账面，未列入本对账单。",
  roundedNote: "部分金额精确到分以下，已按四舍五入至分列示（每笔只取整一次）。",
  signature: "{company}（盖章）\n地址：{address}　电话：{phone}\n{to}",
  cutLine: "－－－－－－－－－－ 请沿此线剪下，签章后寄回 －－－－－－－－－－",
  replyTitle: "回　执",
  replyIntro: "{company}：贵公司寄来的{from}至{to}对账单已收到，经核对：",
  agree: "1. 余额相符。\n\n\n（公司盖章）\n\n经办人：＿＿＿＿＿＿\n日期：＿＿＿＿年＿＿月＿＿日",
  disagree: "2. 余额不符，不符金额及原因：\n不符金额：人民币＿＿＿＿＿＿＿＿元\n不符原因：＿＿＿＿＿＿＿＿＿＿＿＿＿\n＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿\n（公司盖章）\n经办人：＿＿＿＿＿＿\n日期：＿＿＿＿年＿＿月＿＿日",
};

const CATALOGUE: Record<Lang, StatementStrings> = { "en-US": enUS, "zh-CN": zhCN };

/** The statement's wording in a language. */
export function statementStrings(lang: Lang): StatementStrings {
  return CATALOGUE[lang];
}

/** Both languages, for tests that compare them. */
export const STATEMENT_STRINGS: Readonly<Record<Lang, StatementStrings>> = CATALOGUE;
