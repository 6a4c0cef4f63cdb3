/**
 * 人民币大写金额: the amount in words that collection notices (POLICY §6), confirmation letters
 * (§7) and bills (§9) carry next to the figures, written as the People's Bank's 支付结算办法
 * (附件一《正确填写票据和结算凭证的基本规定》) requires, so a bank or a customer's cashier
 * accepts the document.
 *
 * Where that regulation allows two spellings, this file picks one, always the same:
 * - 元, not 圆; no "人民币" prefix (the document template writes it).
 * - After 角 with no 分: no 整 ("壹仟肆佰零玖元伍角"); the regulation says 整 "may be omitted"
 *   after 角, and omitting it is what the bank's own examples do.
 * - A zero 万位 (or a run of zeros ending there) followed by a non-zero 仟位 writes no 零: the
 *   万 (亿) just written already marks the place ("玖拾万玖仟陆佰", "壹拾万柒仟元"; official
 *   example ￥107,000.53 = 壹拾万柒仟元零伍角叁分). When a whole 万 group is zero, no 万 is
 *   written and nothing marks the gap, so 零 is written ("壹亿零壹仟元整").
 * - An integer part ending in 0 followed by 角 writes 零 after 元 (official example
 *   ￥1,680.32 = 壹仟陆佰捌拾元零叁角贰分).
 */
import type Decimal from "decimal.js";
import { ArError } from "./errors";
import { Dec, parseMoney, roundMoney } from "./money";

const DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"] as const;
/** Within a group of four digits, by position from the right. */
const SMALL_UNITS = ["", "拾", "佰", "仟"] as const;
/** For each group of four digits from the right: units, 万, 亿. */
const GROUP_UNITS = ["", "万", "亿"] as const;

/** 10^12 yuan: three groups of four digits (亿 group up to 9999) is what the spelling covers. */
const LIMIT = new Dec("1e12");

function outOfRange(amount: Decimal): ArError {
  const text = amount.toFixed(2);
  return new ArError(
    "capitals.out-of-range",
    {
      "zh-CN": `金额 ${text} 超出大写金额的范围：绝对值须小于 1,000,000,000,000（一万亿）元。`,
      "en-US": `The amount ${text} is too large to write in words: its absolute value must be below 1,000,000,000,000 yuan.`,
    },
    { excel: "#NUM!" },
  );
}

function missingAmount(): ArError {
  return new ArError(
    "capitals.missing-amount",
    {
      "zh-CN": "没有金额，无法写出大写金额。",
      "en-US": "There is no amount to write in words.",
    },
    { excel: "#VALUE!" },
  );
}

/** The integer part (a string of digits without leading zeros, value > 0) in words, without 元. */
function integerInWords(digits: string): string {
  let out = "";
  let zerosPending = false;
  let groupUnitJustWritten = false;
  const n = digits.length;
  for (let i = 0; i < n; i++) {
    const place = n - 1 - i; // 0 = 元位
    const digit = digits.charCodeAt(i) - 48;
    const inGroup = place % 4;
    if (digit === 0) {
      zerosPending = true;
    } else {
      // See the file comment: no 零 right after a written 万/亿 before a 仟 digit.
      if (zerosPending && !(groupUnitJustWritten && inGroup === 3)) out += "零";
      zerosPending = false;
      groupUnitJustWritten = false;
      out += DIGITS[digit] + SMALL_UNITS[inGroup];
    }
    if (inGroup === 0 && place > 0) {
      const groupStart = Math.max(0, i - 3);
      const groupHasValue = /[1-9]/.test(digits.slice(groupStart, i + 1));
      if (groupHasValue) {
        out += GROUP_UNITS[place / 4];
        groupUnitJustWritten = true;
      } else {
        groupUnitJustWritten = false;
      }
    }
  }
  return out;
}

/**
 * The amount in Chinese capital numerals, as banks require: 1680.32 -> 壹仟陆佰捌拾元零叁角贰分,
 * 10 -> 壹拾元整, 0.05 -> 伍分, 0 -> 零元整, -5 -> 负伍元整.
 *
 * The amount is first rounded half-up to 0.01 (POLICY §4). A number is read as parseMoney
 * reads a cell (15 significant digits), a string as parseMoney reads text ("90.96万" works).
 * Throws "capitals.out-of-range" (#NUM!) when |amount| >= 10^12 after rounding,
 * "capitals.missing-amount" for blank text, and parseMoney's errors for unreadable input.
 */
export function amountInWords(amount: Decimal | number | string): string {
  const parsed = parseMoney(amount, "amount");
  if (parsed === null) throw missingAmount();
  const rounded = roundMoney(parsed);
  if (rounded.abs().gte(LIMIT)) throw outOfRange(rounded);
  if (rounded.isZero()) return "零元整";

  const negative = rounded.isNegative();
  const [intDigits = "0", fraction = "00"] = rounded.abs().toFixed(2).split(".");
  const jiao = fraction.charCodeAt(0) - 48;
  const fen = fraction.charCodeAt(1) - 48;
  const hasInteger = intDigits !== "0";

  let out = negative ? "负" : "";
  if (hasInteger) out += integerInWords(intDigits) + "元";
  if (jiao === 0 && fen === 0) return out + "整";
  if (jiao > 0) {
    // 1680.32: 元位 is 0 and 角 follows, so 零 (official example); 0.50 starts at 角 directly.
    if (hasInteger && intDigits.endsWith("0")) out += "零";
    out += DIGITS[jiao] + "角";
  } else if (hasInteger) {
    // 100.05: the missing 角 is marked with 零 (壹佰元零伍分); 0.05 is just 伍分.
    out += "零";
  }
  if (fen > 0) out += DIGITS[fen] + "分";
  return out;
}
