/**
 * Credit terms as ledgers and contracts write them: days (30, 30天, net 30, 货到30天付款), none
 * (货到付款, 款到发货: 0 days), months (3个月, 半年, 一年) and month-end settlement (月结60天, 次月结),
 * and the due date each gives. Shared by the ledger reader and the custom functions, so a term
 * reads the same in a cell of the ledger and in a formula's argument.
 */
import { addMonths, type DayNumber, fromYmd, toYmd } from "./calendar";

/**
 * A credit term a ledger gives other than in days: in months (3个月: due on the same day of the
 * third month after, or its last day when it has none, 1-31 + 1个月 = 2-28: Civil Code art. 202,
 * 按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日), or as
 * month-end settlement (月结60天: 60 days after the end of the month the item arose in).
 */
export interface CreditTerm {
  months: number;
  /** Counted from the end of the month arisen (月结), or of the month `months` after it (次月结). */
  monthEnd: boolean;
  /** Days after that. */
  days: number;
  text: string;
}

const CASH_TERMS = /^(?:货到付款|款到发货|现款现货|现款|现结|现金结算|现金|即期|无账期|无信用期|cod|cash|cash on delivery)$/i;
const CN_NUMBER: Readonly<Record<string, number>> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

/** A credit-days text as days (货到付款 0, net 30), as a CreditTerm (3个月, 半年, 一年, 月结60天), or null. */
export function creditTerm(text: string): number | CreditTerm | null {
  const t = text.replace(/\s+/g, "");
  if (CASH_TERMS.test(t)) return 0;
  const net = /^(?:net|n)(\d{1,4})$/i.exec(t);
  if (net !== null) return Number(net[1]);
  const monthEnd = /^月结(\d{1,4})?(?:天|日)?$/.exec(t);
  if (monthEnd !== null) return { months: 0, monthEnd: true, days: monthEnd[1] === undefined ? 0 : Number(monthEnd[1]), text };
  // 次月结, 次月结清, 次月底: by the end of the month after.
  if (/^次月(结清?|底|末)(付款?|付清)?$/.test(t)) return { months: 1, monthEnd: true, days: 0, text };
  const months = /^(\d{1,2}|十[一二]?|[一两二三四五六七八九])个?月$/.exec(t);
  if (months !== null) {
    const n = /^\d/.test(months[1]) ? Number(months[1]) : (CN_NUMBER[months[1]] ?? 0);
    return n > 0 ? { months: n, monthEnd: false, days: 0, text } : null;
  }
  if (t === "半年") return { months: 6, monthEnd: false, days: 0, text };
  const years = /^(\d|[一两二三])年$/.exec(t);
  // A wording with one number of days in it: 货到30天付款, 票到60天, 30天信用, 发票后45日内.
  const days = t.match(/\d{1,4}(?=天|日)/g);
  if (days !== null && days.length === 1 && !/月/.test(t)) return Number(days[0]);
  if (years !== null) {
    const n = /^\d/.test(years[1]) ? Number(years[1]) : (CN_NUMBER[years[1]] ?? 0);
    return n > 0 ? { months: 12 * n, monthEnd: false, days: 0, text } : null;
  }
  return null;
}

/**
 * The due date a term gives an item arisen on `arisen`: 3个月 from 2011-01-31 is 2011-04-30 (Civil
 * Code art. 202: the corresponding day of the last month, else its last day); 月结60天 from
 * 2011-03-05 is 2011-03-31 + 60 = 2011-05-30; 次月结 from 2011-03-05 is 2011-04-30.
 */
export function dueWithTerm(arisen: DayNumber, term: CreditTerm): DayNumber {
  if (!term.monthEnd) return addMonths(arisen, term.months) + term.days;
  const { y, m } = toYmd(arisen);
  return addMonths(fromYmd(y, m, 1), 1 + term.months) - 1 + term.days;
}
