/**
 * Transactions ledgers: invoices and receipts as rows (a 明细账 with 借方/贷方, or an invoice
 * list with payment lines). What each line is; as-of.ts allocates the receipts.
 */
import type { LedgerRow } from "./ledger-store";

type TransactionKind = "invoice" | "receipt";

/**
 * Words in a type column that make a row a receipt (收款, 回款, 收到, 到账, 预收, payment...),
 * unless the text also says it is a receivable (应收款 contains 收款; 未收 is still owed).
 */
const RECEIPT_WORDS = ["收款", "回款", "收到", "到账", "到帐", "预收", "收回", "receipt", "payment", "paid", "collection", "remittance", "cash received"];
const RECEIVABLE_WORDS = ["应收", "未收", "receivable", "unpaid"];

function normalizeWords(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** Whether a type text names a receipt (see RECEIPT_WORDS). */
export function isReceiptType(type: string | null): boolean {
  if (type === null) return false;
  const t = normalizeWords(type);
  return RECEIPT_WORDS.some((w) => t.includes(w)) && !RECEIVABLE_WORDS.some((w) => t.includes(w));
}

/**
 * What a row of a transactions ledger is:
 * - a receipt when its type column says so (收款/回款/receipt/payment...), when its amount is
 *   negative and it has no received amount, or when it has a received amount but no amount
 *   (blank or 0) — a 贷方-only line, a negative one included: a receipt reversed (a bounced
 *   cheque, 红字贷方), which as-of.ts makes an item owed again;
 * - an invoice when its amount is positive, or when it has neither amount nor received but a
 *   balance (an opening balance line, 期初余额);
 * - null otherwise (nothing to allocate: a zero line, or a row whose amounts could not be read).
 */
export function transactionKind(row: LedgerRow): TransactionKind | null {
  const amountSign = row.moneySign("amount");
  const receivedSign = row.moneySign("received");
  const hasReceived = receivedSign === receivedSign && receivedSign !== 0;
  if (isReceiptType(row.type)) return amountSign === amountSign || hasReceived ? "receipt" : null;
  if (amountSign === -1 && !hasReceived) return "receipt";
  if ((amountSign !== amountSign || amountSign === 0) && hasReceived) return "receipt";
  if (amountSign === 1) return "invoice";
  if (amountSign !== amountSign && !hasReceived && !row.balanceDerived && row.moneySign("balance") === 1) return "invoice";
  return null;
}
