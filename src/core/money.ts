/**
 * Money: exact decimals, the cell spellings ledgers use for amounts, and the one rounding rule.
 *
 * POLICY §4: "Money is exact decimal, rounded half-up to 0.01 yuan (分)". Every amount in the
 * core is a `Dec` (never a JS number after parsing), and rounding happens once, at the end of
 * a calculation, through `roundMoney`.
 *
 * This file also holds the small pieces of cell-value handling that every parser in the core
 * shares (Excel error values, full-width text, quoting an input in a message); dates.ts uses
 * them too, so there is one list of Excel errors, not two.
 */
import Decimal from "decimal.js";
import { ArError } from "./errors";

/**
 * The core's own Decimal constructor. A clone, so that nothing global is configured: a
 * surface or a library that uses decimal.js with other settings is not affected, and we are
 * not affected by it. 40 significant digits leave far more headroom than any ledger needs
 * (10^12 yuan with 2 decimals is 14 digits) so intermediate products and quotients (rates,
 * day-count fractions) lose nothing that the final rounding could see.
 */
export const Dec: Decimal.Constructor = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

// ---------------------------------------------------------------------------------------------
// Cell values shared by the parsers
// ---------------------------------------------------------------------------------------------

/**
 * Excel's error values, as they reach us as text: `range.values` gives an error cell as its
 * display string, and CSV/headless input carries them as text too. An error cell is "no value
 * here" for our parsers (the row is reported as missing the field), not a parse failure.
 */
export const EXCEL_ERROR_TEXTS: readonly string[] = [
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
];

const EXCEL_ERROR_SET: ReadonlySet<string> = new Set(EXCEL_ERROR_TEXTS);

/**
 * True for an Excel error value: one of EXCEL_ERROR_TEXTS as text (any case, surrounding
 * space ignored), or an object shaped like an error — `{ error: "#N/A" }` as some gateways
 * pass it, or `{ type: "Error", ... }` as `range.valuesAsJson` does.
 */
export function isExcelErrorValue(input: unknown): boolean {
  if (typeof input === "string") {
    const t = input.trim();
    return t.length > 0 && t.charCodeAt(0) === 0x23 /* # */ && EXCEL_ERROR_SET.has(t.toUpperCase());
  }
  if (typeof input === "object" && input !== null) {
    try {
      const o = input as { error?: unknown; type?: unknown };
      return typeof o.error === "string" || o.type === "Error";
    } catch {
      // An exotic object (a Proxy, a throwing getter) is not an Excel error; the caller rejects it.
      return false;
    }
  }
  return false;
}

/**
 * Full-width ASCII forms (U+FF01..U+FF5E: ０-９ ． ， － ＋ （ ） ／ ： Ａ-Ｚ ...) to ASCII, the
 * ideographic space to a space and ￥ (U+FFE5) to ¥. Chinese input methods type these, and a
 * ledger typed in full-width mode is still the same number or date.
 */
export function toHalfWidth(text: string): string {
  let needs = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000 || c === 0xffe5) {
      needs = true;
      break;
    }
  }
  if (!needs) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else if (c === 0xffe5) out += "\u00a5";
    else out += text[i];
  }
  return out;
}

const QUOTE_MAX_CHARS = 40;

/**
 * An input as it may be quoted in a message: at most 40 characters (code points, so a
 * surrogate pair is never split), with an ellipsis when cut. Never throws, whatever the input
 * (objects without a usable toString included), so that building an error cannot itself fail.
 */
export function quoteInput(input: unknown): string {
  let text: string;
  try {
    if (typeof input === "string") text = input;
    // Booleans as Excel shows them, so the message matches what the user sees in the cell.
    else if (typeof input === "boolean") text = input ? "TRUE" : "FALSE";
    else if (typeof input === "number" || typeof input === "bigint" || input === undefined || input === null) text = String(input);
    else if (input instanceof Date) text = Number.isNaN(input.getTime()) ? "Invalid Date" : input.toISOString();
    else text = Object.prototype.toString.call(input);
  } catch {
    text = "?";
  }
  const chars = Array.from(text);
  return chars.length > QUOTE_MAX_CHARS ? chars.slice(0, QUOTE_MAX_CHARS).join("") + "…" : text;
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/**
 * Everything around the digits, in the orders Excel's own zh-CN and en-US number formats and
 * hand-typed ledgers produce them, read left to right by a small scanner:
 *   [sign] [currency] [sign] [(] digits [)] [unit] [minus]      with spaces allowed between parts
 * — "-¥1,234.00", "¥-1,234.00" (Excel's zh-CN currency format), "¥ (1,234.00)" (accounting),
 * "90.96万元", "1,234.00-" (SAP's and some banks' exports). Parentheses around the whole text
 * ("(¥1,234.00)", "(90.96万)") are removed before this. Which combinations are legal (one sign at most, never a sign and parentheses)
 * is checked in code rather than in one pattern: a single regex with optional parts and
 * spaces between each of them backtracks polynomially on long runs of spaces, and a cell can
 * hold 32,767 characters.
 */
const SPACES = /\s*/y;
const SIGN = /[+\-\u2212]/y;
const CURRENCY = /¥|RMB|CNY|人民币/iy;
const OPEN_PAREN = /\(/y;
const DIGIT_RUN = /[0-9.,]+/y;
const CLOSE_PAREN = /\)/y;
const UNIT = /万元|亿元|万|亿|元/y;
const TRAILING_MINUS = /[-\u2212]/y;

interface MoneyParts {
  signBefore?: string;
  signAfter?: string;
  open: boolean;
  digits?: string;
  close: boolean;
  unit?: string;
  /** A minus after the figure (SAP and some bank exports: 5,000.00-). */
  signTrailing?: string;
}

/** The parts of `text` in the order above, or null when something is left over. Linear time. */
function scanMoney(text: string): MoneyParts | null {
  let pos = 0;
  // Each token is matched at `pos` only (sticky), and spaces never start a token: no backtracking.
  const take = (re: RegExp): string | undefined => {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m === null) return undefined;
    pos = re.lastIndex;
    SPACES.lastIndex = pos;
    SPACES.exec(text);
    pos = SPACES.lastIndex;
    return m[0];
  };
  const signBefore = take(SIGN);
  take(CURRENCY);
  const signAfter = take(SIGN);
  const open = take(OPEN_PAREN) !== undefined;
  const digits = take(DIGIT_RUN);
  const close = take(CLOSE_PAREN) !== undefined;
  const unit = take(UNIT);
  const signTrailing = take(TRAILING_MINUS);
  if (pos !== text.length) return null;
  const parts: MoneyParts = { open, close };
  if (signTrailing !== undefined) parts.signTrailing = signTrailing;
  if (signBefore !== undefined) parts.signBefore = signBefore;
  if (signAfter !== undefined) parts.signAfter = signAfter;
  if (digits !== undefined) parts.digits = digits;
  if (unit !== undefined) parts.unit = unit;
  return parts;
}

/**
 * The digits: a plain integer part, or one grouped in threes with commas (a first group of
 * 1-3 digits not starting with 0, so "0,123" — a decimal comma elsewhere — is refused), then an
 * optional fraction of any length. "12,34" and "1234,567" are refused: a misplaced separator
 * usually means a typo or a locale with other separators, and guessing would move money.
 */
const MONEY_DIGITS = /^(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)?(?:\.\d*)?$/;

const TEN_THOUSAND = 10_000;
const HUNDRED_MILLION = 100_000_000;

/**
 * The one limit on amounts, product-wide (DESIGN.md): |amount| < 10^13 yuan. With two decimals
 * that is at most 15 significant digits, which Excel, DECIMAL(18,2) and the integer-fen fast
 * path (fen.ts) all hold exactly. An amount at or beyond it is refused where it is read, never
 * carried on as a different number.
 */
export const MONEY_LIMIT_YUAN = 1e13;
const MONEY_LIMIT = new Dec(MONEY_LIMIT_YUAN);
/** Below this a double's 15-digit reading cannot reach the limit: the fast path skips the check. */
const NUMBER_SURELY_INSIDE = 9.99999999999e12;

/** True when an exact amount lies within the limit (|amount| < 10^13 yuan). */
export function withinMoneyLimit(d: Decimal): boolean {
  return d.abs().lt(MONEY_LIMIT);
}

/** ArError "money.out-of-range" (#VALUE!, so Excel shows the message): the amount and the limit. */
export function moneyOutOfRange(input: unknown, field?: string): ArError {
  const q = quoteInput(input);
  const zhField = field === undefined ? "" : `（字段：${field}）`;
  const enField = field === undefined ? "" : ` (field: ${field})`;
  return new ArError(
    "money.out-of-range",
    {
      "zh-CN": `金额“${q}”超出上限${zhField}：金额的绝对值须小于 10,000,000,000,000 元（10^13 元，10 万亿元），精确到分。`,
      "en-US": `The amount "${q}" is beyond the limit${enField}: an amount must be below 10,000,000,000,000 yuan (10^13) in absolute value, to the fen.`,
    },
    field === undefined ? { excel: "#VALUE!" } : { excel: "#VALUE!", field },
  );
}

function unparseableMoney(input: unknown, field?: string): ArError {
  const q = quoteInput(input);
  const zhField = field === undefined ? "" : `（字段：${field}）`;
  const enField = field === undefined ? "" : ` (field: ${field})`;
  return new ArError(
    "money.unparseable",
    {
      "zh-CN": `无法识别的金额“${q}”${zhField}。可接受的写法：1234.5、1,234.50、¥1,234.50、1234.50元、90.96万、90.96万元、-1234、(1,234.00)。`,
      "en-US": `Cannot read "${q}" as an amount of money${enField}. Accepted spellings: 1234.5, 1,234.50, ¥1,234.50, 1234.50元, 90.96万 (×10,000), 90.96万元, -1234, (1,234.00).`,
    },
    field === undefined ? { excel: "#VALUE!" } : { excel: "#VALUE!", field },
  );
}

/** -0 has no place in money: "-0.00" on a notice looks like a debt. */
function withoutNegativeZero(d: Decimal): Decimal {
  return d.isZero() ? new Dec(0) : d;
}

/**
 * A cell value as an exact amount, or null when the cell holds no amount.
 *
 * null ("missing"): undefined, null, empty or blank text, an Excel error value (text or
 * object). The caller decides whether missing is allowed; it is not the same as 0.
 *
 * A number is read through 15 significant digits. Excel stores an IEEE double but shows and
 * compares at most 15 significant digits, so the double under a cell typed "1234.56"
 * (1234.5599999999999454...) and the result of =0.1+0.2 (0.30000000000000004) are the amounts
 * the user sees, 1234.56 and 0.3. Taking the double's exact binary value instead would put
 * phantom fractions of a 分 into every sum and flip half-up rounding at .xx5 boundaries.
 *
 * A string may be written as the ledgers in POLICY §1 write it: full-width digits, a sign
 * (+, -, −), accounting parentheses for negatives, a currency marker (¥ ￥ RMB CNY before,
 * 元 after), a magnitude suffix (万 / 万元 = ×10,000; 亿 / 亿元 = ×100,000,000: "90.96万"),
 * thousands separators in groups of three. The fraction is kept as written, unrounded. A dash
 * alone ("-", "—", "¥ -": how Excel's accounting format and hand-kept sheets write zero) is 0.
 * A Decimal instance is accepted as is (so core callers can pass either).
 *
 * An amount of 10^13 yuan or more, either sign (MONEY_LIMIT_YUAN), throws ArError
 * "money.out-of-range" (#VALUE!): 1e308 in a cell is not read as a 309-digit balance.
 * Anything else — booleans, non-finite numbers, scientific notation in text, other
 * objects — throws ArError "money.unparseable" (#VALUE!), quoting the input.
 */
export function parseMoney(input: unknown, field?: string): Decimal | null {
  // Fast path first: most cells are plain numbers; no regex, no string work beyond toPrecision.
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw unparseableMoney(input, field);
    if (input === 0) return new Dec(0);
    if (input < NUMBER_SURELY_INSIDE && input > -NUMBER_SURELY_INSIDE) {
      // An integer below the limit already has at most 13 digits: skip the string round trip.
      if (Number.isInteger(input)) return new Dec(input);
      return new Dec(input.toPrecision(15));
    }
    // Near or beyond the limit: 9999999999999.995 reads (at 15 digits) as 10^13, beyond it.
    const d = new Dec(input.toPrecision(15));
    if (!withinMoneyLimit(d)) throw moneyOutOfRange(input, field);
    return d;
  }
  if (input === undefined || input === null) return null;
  if (typeof input === "string") return parseMoneyText(input, field);
  if (Decimal.isDecimal(input)) {
    if (!input.isFinite()) throw unparseableMoney(input.toString(), field);
    if (!withinMoneyLimit(input)) throw moneyOutOfRange(input.toString(), field);
    return withoutNegativeZero(new Dec(input));
  }
  if (isExcelErrorValue(input)) return null;
  throw unparseableMoney(input, field);
}

const ZERO_DASH = /^(?:[¥￥]|RMB|CNY)?\s*[-\u2010-\u2015\u2212]{1,2}\s*(?:元)?$/i;

function parseMoneyText(raw: string, field: string | undefined): Decimal | null {
  const trimmed = raw.trim();
  if (trimmed === "") return null;
  if (isExcelErrorValue(trimmed)) return null;

  // A space between groups of three digits is a thousands separator (12 345.00, the French and
  // some banks' style): taken as a comma, so the grouping rules below still hold.
  let text = toHalfWidth(trimmed).trim().replace(/(\d) (?=\d{3}(?!\d))/g, "$1,");
  // A dash alone is zero: Excel's accounting format shows 0 as "-" (¥ -), and a sheet copied as
  // text or kept by hand writes it so ("-", "—", "－", "--").
  if (ZERO_DASH.test(text)) return new Dec(0);
  let negative = false;
  // Accounting negative around the whole text: "(1,234.00)", "(¥1,234.00)", "(90.96万)".
  if (text.length >= 2 && text.startsWith("(") && text.endsWith(")")) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  const parts = scanMoney(text);
  if (parts === null) throw unparseableMoney(raw, field);
  const { signBefore, signAfter, open, digits, close, unit, signTrailing } = parts;
  const sign = signBefore ?? signAfter ?? signTrailing;
  if ([signBefore, signAfter, signTrailing].filter((x) => x !== undefined).length > 1) throw unparseableMoney(raw, field);
  if (open !== close) throw unparseableMoney(raw, field);
  const innerParens = open;
  // One way of saying "negative" at a time: "-(5)" or "((5))" is a typo, not a double negative.
  if ((negative && (sign !== undefined || innerParens)) || (sign !== undefined && innerParens)) {
    throw unparseableMoney(raw, field);
  }
  if (digits === undefined || !MONEY_DIGITS.test(digits) || !/\d/.test(digits)) throw unparseableMoney(raw, field);

  let amount = new Dec(digits.replace(/,/g, ""));
  if (unit === "万" || unit === "万元") amount = amount.times(TEN_THOUSAND);
  else if (unit === "亿" || unit === "亿元") amount = amount.times(HUNDRED_MILLION);
  if (!withinMoneyLimit(amount)) throw moneyOutOfRange(raw, field);
  if (negative || innerParens || sign === "-" || sign === "\u2212") amount = amount.neg();
  return withoutNegativeZero(amount);
}

// ---------------------------------------------------------------------------------------------
// Rounding and formatting
// ---------------------------------------------------------------------------------------------

/**
 * Half-up to 0.01 yuan (POLICY §4). decimal.js's ROUND_HALF_UP rounds a half away from zero,
 * so it is symmetric: 0.005 -> 0.01 and -0.005 -> -0.01 (a credit is rounded like a debit of
 * the same size). The policy rounds once, at the end: callers keep full precision through a
 * calculation and call this on the result, never on the inputs.
 */
export function roundMoney(d: Decimal): Decimal {
  // Re-wrap so a Decimal from another constructor (other precision) follows our settings.
  return withoutNegativeZero(new Dec(d).toDecimalPlaces(2, Dec.ROUND_HALF_UP));
}

/** The significant digits Excel keeps in a number cell (and a double spells exactly). */
const EXCEL_DIGITS = 15;

/**
 * An exact decimal ("1234.50", "-0.05") as the number a spreadsheet cell should hold, or null
 * when no number cell can hold it exactly: more than 15 significant digits, which Excel would
 * show rounded (a total of many amounts near the limit, say). A writer then writes the exact
 * text instead, so a report never shows money that differs from the result.
 */
export function exactCellNumber(exact: string): number | null {
  const m = /^-?(\d+)(?:\.(\d*))?$/.exec(exact.trim());
  if (m === null) return null;
  const digits = (m[1] + (m[2] ?? "")).replace(/^0+/, "").replace(/0+$/, "");
  if (digits.length > EXCEL_DIGITS) return null;
  return Number(exact) + 0; // + 0: "-0.00" is 0
}

/** Rounded, exactly two decimals, "-" for negatives, no grouping: "1234.50", "-0.05", "0.00". */
export function formatMoney(d: Decimal): string {
  return roundMoney(d).toFixed(2, Dec.ROUND_HALF_UP);
}

/** As formatMoney, with thousands grouped by commas: "1,234.50", "-1,234,567.00". */
export function formatMoneyGrouped(d: Decimal): string {
  return groupThousands(formatMoney(d));
}

/** Commas between the thousands of a plain decimal text: "-1234567.50" → "-1,234,567.50", "12345" → "12,345". */
export function groupThousands(plain: string): string {
  const negative = plain.startsWith("-");
  const unsigned = negative ? plain.slice(1) : plain;
  const dot = unsigned.indexOf(".");
  const end = dot < 0 ? unsigned.length : dot;
  return (negative ? "-" : "") + unsigned.slice(0, end).replace(/\B(?=(\d{3})+$)/g, ",") + unsigned.slice(end);
}
