/**
 * Notes receivable (POLICY §9): the discount interest deducted from collections when a bill is
 * discounted before maturity, and where a bill stands against its maturity date.
 */
import type Decimal from "decimal.js";
import type { DayNumber } from "./calendar";
import { ArError } from "./errors";
import { Dec, isExcelErrorValue, parseMoney, quoteInput, roundMoney, toHalfWidth } from "./money";
import type { Policy } from "./policy/types";

function billsError(id: string, zh: string, en: string, excel: "#VALUE!" | "#NUM!", field: string): ArError {
  return new ArError(id, { "zh-CN": zh, "en-US": en }, { excel, field });
}

function checkDay(value: unknown, field: string): DayNumber {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw billsError("bills.date", `${field} 应为日期（天数），实际为“${quoteInput(value)}”。`, `${field} must be a date (a day number), got "${quoteInput(value)}".`, "#VALUE!", field);
  }
  return value;
}

/**
 * An annual rate as a fraction: a number or Decimal (0.035), or text "0.035" / "3.5%". Rates
 * above 1 (100%) are refused rather than guessed to be percentages: 3.5 is far more likely a
 * typo for 3.5% than a real rate, and guessing would move money.
 */
function annualRateOf(input: unknown): Decimal {
  let value: Decimal | undefined;
  if (typeof input === "number" && Number.isFinite(input)) value = new Dec(input.toPrecision(15));
  else if (Dec.isDecimal(input) && (input as Decimal).isFinite()) value = new Dec(input as Decimal);
  else if (typeof input === "string" && !isExcelErrorValue(input)) {
    const m = /^([+-]?\d+(?:\.\d+)?)\s*(%)?$/.exec(toHalfWidth(input).trim());
    if (m !== null) value = m[2] === undefined ? new Dec(m[1]) : new Dec(m[1]).div(100);
  }
  if (value === undefined) {
    throw billsError("bills.rate", `无法识别贴现年利率“${quoteInput(input)}”。可写作 0.035 或 3.5%。`, `Cannot read "${quoteInput(input)}" as an annual discount rate. Write 0.035 or 3.5%.`, "#VALUE!", "annualRate");
  }
  if (value.isNegative() && !value.isZero()) {
    throw billsError("bills.rate", `贴现年利率 ${value.toFixed()} 不能为负数。`, `The annual discount rate ${value.toFixed()} must not be negative.`, "#NUM!", "annualRate");
  }
  if (value.gt(1)) {
    throw billsError("bills.rate", `贴现年利率 ${value.toFixed()} 超过 100%;若指百分数请写作 ${value.toFixed()}%。`, `The annual discount rate ${value.toFixed()} is above 100%; for a percentage write ${value.toFixed()}%.`, "#NUM!", "annualRate");
  }
  return value;
}

/**
 * Discount interest (POLICY §9): face × annualRate × days ÷ discountDayBasis (360), days =
 * maturityDate − discountDate, rounded half-up once to 0.01. Discounting on or after maturity ->
 * ArError "bills.discount-after-maturity" (#NUM!); a negative face value -> "bills.amount" (#NUM!);
 * a negative rate -> "bills.rate" (#NUM!). A face value of 0 gives 0.00.
 */
export function discountInterest(
  face: Decimal | number | string,
  annualRate: Decimal | number | string,
  discountDate: DayNumber,
  maturityDate: DayNumber,
  policy: Policy,
): Decimal {
  const faceValue = parseMoney(face, "face");
  if (faceValue === null) throw billsError("bills.amount", "缺少票面金额。", "The face value is missing.", "#VALUE!", "face");
  if (faceValue.isNegative()) {
    throw billsError("bills.amount", `票面金额 ${faceValue.toFixed()} 不能为负数。`, `The face value ${faceValue.toFixed()} must not be negative.`, "#NUM!", "face");
  }
  const rate = annualRateOf(annualRate);
  const from = checkDay(discountDate, "discountDate");
  const to = checkDay(maturityDate, "maturityDate");
  if (from >= to) {
    throw billsError(
      "bills.discount-after-maturity",
      "贴现日必须早于到期日：到期当日或之后无需贴现，应委托收款。",
      "The discount date must be before the maturity date: on or after maturity the bill is presented for collection, not discounted.",
      "#NUM!",
      "discountDate",
    );
  }
  return roundMoney(faceValue.times(rate).times(to - from).div(policy.bills.discountDayBasis));
}

type BillStatus = "not-due" | "due-today" | "past-maturity";

/**
 * Where a bill stands on asOf. `days` is the distance in days, never negative: days to maturity
 * when not due, 0 on the maturity date, days since maturity when past it (POLICY §9: present it
 * for collection at once; one that cannot be cashed goes back to accounts receivable).
 */
export function billStatus(maturity: DayNumber, asOf: DayNumber): { status: BillStatus; days: number } {
  const m = checkDay(maturity, "maturity");
  const a = checkDay(asOf, "asOf");
  if (a < m) return { status: "not-due", days: m - a };
  if (a === m) return { status: "due-today", days: 0 };
  return { status: "past-maturity", days: a - m };
}
