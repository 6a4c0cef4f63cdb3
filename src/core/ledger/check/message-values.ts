/**
 * Values as findings' messages show them: days in both languages, grouped money, customer names
 * quoted, aging-class labels.
 */
import type Decimal from "decimal.js";
import { bi, type Bilingual } from "../../../i18n/bilingual";
import type { DayNumber } from "../../calendar";
import { formatDateZh, formatIsoDate } from "../../dates";
import { formatFen } from "../../fen";
import { formatMoneyGrouped, groupThousands, quoteInput } from "../../money";
import type { AgingClass } from "../../policy/types";
import type { LedgerRow } from "../ledger-store";

/** A row's balance as read, exactly: "1234.50" (more decimals only when the ledger had them). */
export function balanceText(r: LedgerRow): string | null {
  const fen = r.balanceFen;
  if (fen === fen) return formatFen(fen);
  const d = r.balance;
  return d === null ? null : d.toFixed(Math.max(2, d.decimalPlaces()));
}

export function day(d: DayNumber): Bilingual {
  return { "zh-CN": formatDateZh(d), "en-US": formatIsoDate(d) };
}

export function money(d: Decimal): string {
  return formatMoneyGrouped(d);
}

/** "1,234.50" for 123450 fen, without a Decimal. */
export function fenMoney(fen: number): string {
  return groupThousands(formatFen(fen));
}

export function customerName(text: string | null): string {
  return text === null ? "" : quoteInput(text);
}

export const CLASS_LABELS: Record<AgingClass, Bilingual> = {
  normal: bi("正常", "normal"),
  overdue: bi("逾期", "overdue"),
  stale: bi("呆滞", "stale"),
  bad: bi("呆账", "bad"),
};

export function balanceMoney(r: LedgerRow): string {
  const bf = r.balanceFen;
  return bf === bf ? fenMoney(bf) : r.balance === null ? "?" : money(r.balance);
}
