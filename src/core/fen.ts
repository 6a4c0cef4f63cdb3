/**
 * The exact fast path for money: integer fen (分, 1/100 yuan) held in plain JS numbers.
 *
 * Decimal arithmetic (money.ts) is the reference; this module exists because one
 * `new Decimal()` per row costs about 1.8 s on a million rows, while a typed-array pass costs
 * milliseconds. Every function here is used only inside bounds where it provably cannot lose
 * a fen, and says "NaN" (or refuses) outside them so the caller falls back to decimal.js.
 *
 * The bounds, once:
 * - a line amount on the fast path has |fen| <= MAX_FEN_LINE = 10^15 (10^13 yuan); an amount
 *   read from input is below it (|fen| < MAX_FEN_LINE: the product's limit, money.ts
 *   MONEY_LIMIT_YUAN), and only sums and products of lines reach it;
 * - a rate on the fast path is r basis points, r an integer in [0, MAX_RATE_BP = 10000]
 *   (a rate in [0, 1] with at most 4 decimals);
 * - every intermediate below stays an integer of magnitude <= 2^53, where doubles are exact.
 */
import { ArError } from "./errors";

/** The largest |fen| of one line on the fast path: 10^15 fen = 10^13 yuan. */
export const MAX_FEN_LINE = 1e15;

/** The largest rate on the fast path, in basis points (1 bp = 0.0001): 10000 bp = 100%. */
export const MAX_RATE_BP = 10000;

/** 2^53: every integer of magnitude up to here is exactly a double. */
const TWO_53 = 9007199254740992;

/**
 * FenSum keeps a double while |running| <= FLUSH_AT. Adding a line of |fen| <= MAX_FEN_LINE
 * then gives |running| <= 2^53, still exact; past FLUSH_AT the running value moves to a BigInt.
 */
const FLUSH_AT = TWO_53 - MAX_FEN_LINE;

/**
 * Integer fen for a JS number that is the nearest double to an amount with at most two
 * decimals and |fen| < MAX_FEN_LINE (below the product's limit of 10^13 yuan); NaN for anything
 * else (the caller then uses decimal.js, which refuses an amount beyond the limit).
 *
 * Why this is exact. Let f = Math.round(x × 100) (the product rounded to a double first).
 * 1. Acceptance means f/100 === x. f is an integer with |f| <= 10^15 < 2^53, so f is exact;
 *    f/100 is the correctly rounded quotient, i.e. the double nearest to the real f/100.
 *    So x is the nearest double to the two-decimal value f/100: x "means" exactly f fen.
 * 2. That value is unique: |x| <= 10^13 < 2^44, so ulp(x) <= 2^-9 < 0.01, and the reals that
 *    round to x form an interval of width <= ulp(x), which holds at most one multiple of 0.01.
 * 3. Nothing valid is rejected: if x is nearest to k/100 (|k| <= 10^15), then
 *    |100x − k| <= 100 × ulp(x)/2 <= 100 × 2^-10 < 0.1, and rounding the product 100x
 *    (< 2^50, so ulp <= 2^-3) adds at most 2^-4; the total error < 0.5, so Math.round gives k
 *    (no tie can occur) and the check passes.
 * Agreement with Excel's 15 significant digits (money.ts parses numbers via toPrecision(15)):
 * an accepted amount has |f| <= 10^15, so f/100 has at most 15 significant digits, and a
 * double round-trips every decimal of <= 15 significant digits (DBL_DIG = 15), so
 * x.toPrecision(15) spells exactly f/100. The two parsers agree on every accepted value.
 */
export function numberToFen(x: number): number {
  const f = Math.round(x * 100);
  if (f / 100 !== x || !(f < MAX_FEN_LINE && f > -MAX_FEN_LINE)) return NaN;
  return f + 0; // + 0 turns -0 into 0
}

/**
 * The integer r with rate = r / 10000 exactly, for a decimal string in [0, 1] with at most 4
 * decimals ("0.05" → 500, "1" → 10000, "0.30" → 3000, "5e-2" → 500). NaN when the rate has
 * more than 4 significant decimals, is outside [0, 1], or is not a plain decimal: the caller
 * then uses decimal.js (and policy validation reports a malformed rate).
 */
export function rateToBasisPoints(rate: string): number {
  const m = /^\s*\+?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?\s*$/.exec(rate);
  if (m === null) return NaN;
  const intPart = m[1];
  const fracPart = m[2] ?? "";
  if (intPart.length === 0 && fracPart.length === 0) return NaN;
  const digits = BigInt(intPart + fracPart || "0");
  // rate = digits × 10^-(fracPart.length − exponent); in basis points, × 10^4.
  const shift = 4 - fracPart.length + Number(m[3] ?? "0");
  let bp: bigint;
  if (shift >= 0) {
    bp = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    if (digits % divisor !== 0n) return NaN;
    bp = digits / divisor;
  }
  return bp <= BigInt(MAX_RATE_BP) ? Number(bp) : NaN;
}

/**
 * Round-half-up (half away from zero, as decimal.js ROUND_HALF_UP) of fen × rateBp / 10000,
 * exactly, for an integer |fen| <= MAX_FEN_LINE and an integer rateBp in [0, MAX_RATE_BP];
 * NaN outside that domain.
 *
 * fen × rateBp can reach 10^19 > 2^53, so it is never formed. With a = |fen| = q × 10000 + r:
 *   a × rateBp / 10000 = q × rateBp + r × rateBp / 10000, and q × rateBp is an integer,
 * so rounding the whole equals q × rateBp + round(r × rateBp / 10000). Bounds:
 *   r = a % 10000 is exact (fmod is exact); a − r is an integer <= 10^15 divisible by 10000,
 *   so q = (a − r) / 10000 <= 10^11 is exact; q × rateBp <= 10^15 < 2^53;
 *   p = r × rateBp <= 9999 × 10000 < 10^8; p % 10000 and (p − rem) / 10000 exact likewise;
 *   the result <= 10^15 + 10^4 < 2^53. The sign is applied last (sign-magnitude).
 */
export function mulRateHalfUp(fen: number, rateBp: number): number {
  if (!(fen <= MAX_FEN_LINE && fen >= -MAX_FEN_LINE) || !Number.isInteger(fen)) return NaN;
  if (!(rateBp >= 0 && rateBp <= MAX_RATE_BP) || !Number.isInteger(rateBp)) return NaN;
  const a = fen < 0 ? -fen : fen;
  const r = a % 10000;
  const q = (a - r) / 10000;
  const p = r * rateBp;
  const rem = p % 10000;
  let frac = (p - rem) / 10000;
  if (rem >= 5000) frac += 1; // half up: .5 and above away from zero
  const magnitude = q * rateBp + frac;
  return fen < 0 ? 0 - magnitude : magnitude;
}

/** "1234.50" for 123450 fen; "-0.05" for -5. Throws for a non-integer or a non-safe integer. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) {
    throw new ArError(
      "fen.not-integer",
      { "zh-CN": "金额(分)不是精确整数。", "en-US": "The amount in fen is not an exact integer." },
      { excel: "#NUM!" },
    );
  }
  const a = fen < 0 ? -fen : fen;
  const cents = a % 100; // exact; (a − cents) / 100 is then an exact integer quotient
  const yuan = (a - cents) / 100;
  return (fen < 0 ? "-" : "") + String(yuan) + "." + (cents < 10 ? "0" : "") + String(cents);
}

/** formatFen for any size. */
export function formatFenBigInt(fen: bigint): string {
  const negative = fen < 0n;
  const a = negative ? -fen : fen;
  const cents = a % 100n;
  return (negative ? "-" : "") + (a / 100n).toString() + "." + (cents < 10n ? "0" : "") + cents.toString();
}

/**
 * An exact running total of fen for any number of lines. It adds in a double while that is
 * provably exact (|running| <= 2^53 − MAX_FEN_LINE before each add, so <= 2^53 after) and
 * flushes into a BigInt past that, so the hot path never touches a BigInt in practice.
 */
export class FenSum {
  private small = 0;
  private big = 0n;

  /** Adds one line: an integer with |fen| <= MAX_FEN_LINE (anything else throws). */
  add(fen: number): void {
    if (!(fen <= MAX_FEN_LINE && fen >= -MAX_FEN_LINE) || fen !== Math.floor(fen)) {
      throw new ArError(
        "fen.line-out-of-range",
        {
          "zh-CN": "单行金额不是整数分或超出快速路径范围(10^13 元)。",
          "en-US": "A line amount is not whole fen or exceeds the fast path's range (10^13 yuan).",
        },
        { excel: "#NUM!" },
      );
    }
    const s = this.small + fen; // exact: |small| <= FLUSH_AT, |fen| <= MAX_FEN_LINE
    if (s > FLUSH_AT || s < -FLUSH_AT) {
      this.big += BigInt(s);
      this.small = 0;
    } else {
      this.small = s;
    }
  }

  /** Adds any whole number of fen (used for lines beyond MAX_FEN_LINE). */
  addBigInt(fen: bigint): void {
    this.big += fen;
  }

  addSum(other: FenSum): void {
    this.big += other.toBigInt();
  }

  toBigInt(): bigint {
    return this.big + BigInt(this.small);
  }

  /** The exact total in yuan, two decimals: "1234.50". */
  toDecimalString(): string {
    return formatFenBigInt(this.toBigInt());
  }
}
