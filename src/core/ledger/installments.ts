/**
 * Installments: a hand-kept 台账 that writes each payment of an invoice in a column of its own
 * (第一次回款 | 第二次回款, each over 日期 | 金额; 回款金额1 | 回款金额2; 1月回款 | 2月回款 …). What
 * the item received is their sum, each payment dated by its own date column where it has one.
 * Read as one column, the first payment alone was taken as received: a probe's 台账 gave 130,000
 * open for 110,000, without a word.
 */
import type { LedgerField } from "./headers";
import { columnLetter } from "./mapping";
import type { ColumnPlan, OpenedTable } from "./table";

/** One payment column, and the column of its date when the sheet has one. */
export interface Installment {
  amount: ColumnPlan<LedgerField>;
  date: ColumnPlan<LedgerField> | null;
}

/**
 * A header that counts payments: 第一次, 第2笔, 首次, 尾款, 1月, 一月, or a number at the end
 * (回款金额1, 回款2). A header without one (累计回款, 已收金额) is a running total, not a payment.
 */
const ORDINAL = /第[一二三四五六七八九十百\d]+(次|笔|期|批)|首次|首笔|首付|尾款|末次|^\d{1,2}月|^[一二三四五六七八九十]{1,3}月|\d+$/;

/** The words an installment's amount and date headers share once the words saying which is which are taken out. */
function pairKey(header: string): string {
  return header
    .normalize("NFKC")
    .replace(/\s+|\//g, "")
    .replace(/日期|时间|金额|回款|收款|付款|到款|到账|已收|收回|实收|date|amount/gi, "");
}

/**
 * The installment columns of a ledger whose received amount was detected (not mapped by the
 * user) in two or more columns, every one of them counting a payment (ORDINAL): each with the
 * last-payment-date column of the same key (第一次回款日期 with 第一次回款金额; under a two-row
 * header, the 日期 under the same banner). [] for any other ledger: a running total beside
 * them (累计回款) is the received amount as it stands.
 */
export function installmentColumns(table: OpenedTable<LedgerField>): Installment[] {
  const detection = table.detection;
  const received = table.plan.find((p) => p.field === "received");
  if (detection === null || received === undefined) return [];
  if (table.mapping.columns.find((c) => c.field === "received")?.source !== "detected") return [];
  const amounts = detection.columns.filter((c) => c.match?.field === "received");
  if (amounts.length < 2 || !amounts.every((c) => ORDINAL.test(c.text.normalize("NFKC").replace(/\s+/g, "")))) return [];
  const datePlan = table.plan.find((p) => p.field === "lastPaymentDate");
  const dateSource = table.mapping.columns.find((c) => c.field === "lastPaymentDate")?.source;
  const dates = datePlan === undefined || dateSource !== "detected" ? [] : detection.columns.filter((c) => c.match?.field === "lastPaymentDate");
  const dateByKey = new Map<string, number>();
  for (const d of dates) {
    const key = pairKey(d.text);
    // Two date columns of one key pair with nothing: which payment each dates is not known.
    dateByKey.set(key, dateByKey.has(key) ? -1 : d.index);
  }
  const plan = (index: number, like: ColumnPlan<LedgerField>): ColumnPlan<LedgerField> => ({ ...like, index, letter: columnLetter(index, table.origin) });
  return amounts.map((c) => {
    const d = dateByKey.get(pairKey(c.text));
    const scale = c.label.scale ?? table.units.scale;
    return { amount: { ...plan(c.index, received), scale }, date: datePlan === undefined || d === undefined || d < 0 ? null : plan(d, datePlan) };
  });
}
