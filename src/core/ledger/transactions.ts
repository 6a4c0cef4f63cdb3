/**
 * Transactions ledgers: invoices and receipts as rows (a 明细账 with 借方/贷方, or an invoice
 * list with payment lines). What each line is; as-of.ts allocates the receipts.
 */
import type { LedgerRow } from "./ledger-store";

type TransactionKind = "invoice" | "receipt" | "reversal";

/**
 * Words in a type column that make a row a receipt (收款, 回款, 收到, 到账, 预收, payment...),
 * unless the text also says it is a receivable (应收款 contains 收款; 未收 is still owed) or a
 * refund (收款退款单, 退还预收货款: money paid back to the customer is owed by it again, a debit).
 */
const RECEIPT_WORDS = ["收款", "回款", "收到", "到账", "到帐", "预收", "收回", "receipt", "payment", "paid", "collection", "remittance", "cash received"];
const RECEIVABLE_WORDS = ["应收", "未收", "receivable", "unpaid"];
const REFUND_WORDS = ["退款", "退还", "退回预收", "退回货款", "退货款", "退预收", "收款退回", "预收款退回", "预收退回", "退回收款", "refund"];
/**
 * Words in a type column that make a row a credit though it is no receipt: a sales return
 * (销售退货单, 销售退回), a red-letter reversal (红冲, 红字), an allowance (折让), a credit note;
 * a receivable settled otherwise than in cash: offset against a payable or an advance (应收冲应付,
 * 应收冲预收), by a bill (票据结算), in goods (以物抵债), by a debt restructuring; and a bad debt
 * written off (坏账核销, 坏账发生: Cr 应收账款, the debt leaves the books). K/3 and U8 lists write
 * their amounts unsigned, so the type is what says the line reduces.
 */
const CREDIT_WORDS = [
  ...["退货", "销售退回", "红冲", "冲红", "红字", "折让", "credit note", "credit memo", "sales return"],
  ...["应收冲应付", "冲应付", "应收冲预收", "冲预收", "预收冲应收", "票据结算", "转应收票据", "以物抵债", "抵债", "债务重组"],
  ...["坏账核销", "核销坏账", "坏账发生", "发生坏账", "坏账转销", "确认坏账", "坏账损失", "write-off", "written off", "write off"],
];
/** Words that make a receipt's line its reversal (红字收款单, 收款单（红字）, 红冲收款): money received is owed again. */
const RED_WORDS = ["红字", "红冲", "冲红", "reversal", "reversed"];

/**
 * In a ledger of one amount column with a 摘要 and no type column (客户名称 | 日期 | 摘要 | 金额), the
 * 摘要 says what a line is: a receipt (收款, 回款…, or how it was paid: 电汇, 收银行承兑汇票, 支票,
 * 网银到账) or a credit (退货, 红冲…). Read as invoices, a probe's receipts were all counted
 * open (182,000 for 22,000). Not where the ledger has a received, balance or type column: there
 * a 摘要 of 部分回款 on an invoice line is a note, not what the line is.
 */
const PAID_BY = /^(收|回款|到账|电汇|汇款|银行承兑|商业承兑|承兑汇票|银行汇票|商业汇票|支票|转账|网银|银行收款|现金收款|payment|receipt|remittance)/;

/** The text that says what a line is: its type, or where the ledger types lines by their 摘要 (LedgerStore.typedByNote), a receipt its 摘要 names. */
export function typeText(row: LedgerRow): string | null {
  const type = row.type;
  if (type !== null || !row.source.typedByNote) return type;
  const note = row.note;
  if (note === null) return null;
  // By its first words only: 发货 部分回款另行结算 is an invoice whose note mentions payment.
  const t = normalizeWords(note).replace(/\s+/g, "");
  if (REFUND_WORDS.some((w) => t.startsWith(w)) || CREDIT_WORDS.some((w) => t.startsWith(w))) return note;
  return PAID_BY.test(t) && !RECEIVABLE_WORDS.some((w) => t.includes(w)) && !REFUND_WORDS.some((w) => t.includes(w)) ? "收款" : null;
}

function normalizeWords(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** Whether a type text names a receipt (see RECEIPT_WORDS). */
export function isReceiptType(type: string | null): boolean {
  if (type === null) return false;
  const t = normalizeWords(type);
  return RECEIPT_WORDS.some((w) => t.includes(w)) && !RECEIVABLE_WORDS.some((w) => t.includes(w)) && !REFUND_WORDS.some((w) => t.includes(w));
}

/** Whether a type text names a line that reduces what is owed: a receipt, a return, a reversal or a credit note (see CREDIT_WORDS). */
export function isCreditType(type: string | null): boolean {
  if (type === null) return false;
  if (isReceiptType(type)) return true;
  const t = normalizeWords(type);
  return CREDIT_WORDS.some((w) => t.includes(w)) && !REFUND_WORDS.some((w) => t.includes(w));
}

/** Whether a type text names a receipt reversed (红字收款单, 红冲收款, receipt reversal): owed again, not received. */
export function isReversedReceiptType(type: string | null): boolean {
  if (type === null || !isReceiptType(type)) return false;
  const t = normalizeWords(type);
  return RED_WORDS.some((w) => t.includes(w));
}

/** Whether a type text names money paid back to the customer (收款退款单, 退还预收货款, refund): owed again. */
export function isRefundType(type: string | null): boolean {
  if (type === null) return false;
  const t = normalizeWords(type);
  return REFUND_WORDS.some((w) => t.includes(w));
}

/**
 * In a ledger of one amount column whose lines say by their type what they are (收款单, 销售发票),
 * the sign of a receipt's amount that makes it a receipt reversed: -1 where the ledger writes its
 * receipts positive and a few are negative (a 收款单 of −10,000 among ones of 40,000 is a red one),
 * 1 where it writes them negative and a few are positive, 0 where they all share one sign or the
 * two signs are as many (nothing to tell a reversal by: each is received, by its size).
 */
export function reversedReceiptSign(rows: readonly LedgerRow[]): -1 | 0 | 1 {
  let positive = 0;
  let negative = 0;
  for (const row of rows) {
    const type = typeText(row);
    if (type === null || !isReceiptType(type) || isReversedReceiptType(type)) continue;
    const received = row.moneySign("received");
    if (received === received && received !== 0) continue;
    const sign = row.moneySign("amount");
    if (sign === 1) positive++;
    else if (sign === -1) negative++;
  }
  if (positive === 0 || negative === 0 || positive === negative) return 0;
  return positive > negative ? -1 : 1;
}

/**
 * What a row of a transactions ledger is:
 * - a receipt (a credit) when its type column says so (收款/回款/receipt/payment..., or a return,
 *   a reversal, a credit note: isCreditType), unless the figure stands in the 借方 column of a
 *   ledger whose columns are sides (LedgerStore.sided: the side wins), when its amount is
 *   negative and it has no received amount, or when it has a received amount but no amount
 *   (blank or 0) — a 贷方-only line, a negative one included: a receipt reversed (a bounced
 *   cheque, 红字贷方), which as-of.ts makes an item owed again;
 * - an invoice when its amount is positive, or when it has neither amount nor received but a
 *   balance (an opening balance line, 期初余额);
 * - a reversal (a receipt undone: owed again by the size of its amount, whatever its sign) when,
 *   in a ledger of one amount column, its type says a receipt reversed (红字收款单), or says a
 *   receipt while its amount has the sign the ledger's receipts do not (reversedReceiptSign), or
 *   it is a refund written negative (收款退款单 −1,500: a positive one is an invoice's like already);
 * - null otherwise (nothing to allocate: a zero line, or a row whose amounts could not be read).
 */
export function transactionKind(row: LedgerRow): TransactionKind | null {
  const type = typeText(row);
  const amountSign = row.moneySign("amount");
  const receivedSign = row.moneySign("received");
  const hasReceived = receivedSign === receivedSign && receivedSign !== 0;
  // In a ledger with a 借方 and a 贷方 column, the side a figure stands on says what it is: a
  // 坏账收回 on 借方 reinstates the debt (its receipt is the 贷方 line after it).
  const debitLine = row.source.sided && amountSign === 1 && !hasReceived;
  if (!row.source.sided && !hasReceived && amountSign === -1 && isRefundType(type)) return "reversal";
  if (!row.source.sided && !hasReceived && (amountSign === 1 || amountSign === -1) && isReceiptType(type)) {
    if (isReversedReceiptType(type) || amountSign === row.source.reversedReceiptSign) return "reversal";
  }
  if (!debitLine && isCreditType(type)) return amountSign === amountSign || hasReceived ? "receipt" : null;
  if (amountSign === -1 && !hasReceived) return "receipt";
  if ((amountSign !== amountSign || amountSign === 0) && hasReceived) return "receipt";
  if (amountSign === 1) return "invoice";
  if (amountSign !== amountSign && !hasReceived && !row.balanceDerived && row.moneySign("balance") === 1) return "invoice";
  return null;
}
