/**
 * The one exact sum of money, for every total the product prints (the check's totals, the
 * batch's, the reports' and the letters'): whole fen on the fast path (FenSum), and an exact
 * remainder of any scale only for the rare amount finer than a fen. Decimal addition would
 * round at its precision when magnitudes differ widely; this never rounds.
 */
import type Decimal from "decimal.js";
import { FenSum, MAX_FEN_LINE } from "./fen";
import { Dec } from "./money";

// Taken once: through tsx (CommonJS) every use of an imported name calls a getter, here once per
// line added (a million-row check adds each balance to several sums).
const MAX_FEN = MAX_FEN_LINE;

/** An exact sum of decimals of any scale: value = units / 10^scale. */
class ScaledSum {
  private units = 0n;
  private scale = 0;

  add(d: Decimal): void {
    const text = d.toFixed(); // plain notation, exact
    const negative = text.startsWith("-");
    const [intPart, fracPart = ""] = (negative ? text.slice(1) : text).split(".");
    this.addScaled(BigInt(intPart + fracPart) * (negative ? -1n : 1n), fracPart.length);
  }

  addSum(other: ScaledSum): void {
    this.addScaled(other.units, other.scale);
  }

  addScaled(units: bigint, scale: number): void {
    if (scale > this.scale) {
      this.units *= 10n ** BigInt(scale - this.scale);
      this.scale = scale;
    }
    this.units += units * 10n ** BigInt(this.scale - scale);
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  /** At least two decimals, trailing zeros beyond them dropped: "3.505", "2.01". */
  toDecimalString(): string {
    let units = this.units;
    let scale = this.scale;
    if (scale < 2) {
      units *= 10n ** BigInt(2 - scale);
      scale = 2;
    }
    while (scale > 2 && units % 10n === 0n) {
      units /= 10n;
      scale -= 1;
    }
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
    return (negative ? "-" : "") + digits.slice(0, digits.length - scale) + "." + digits.slice(digits.length - scale);
  }
}

/** An exact running total of money: integer fen on the fast path, exact decimals for amounts finer than a fen. */
export class MoneySum {
  private readonly fen = new FenSum();
  private finer: ScaledSum | null = null;

  /** Adds a whole number of fen (beyond the fast path's line limit too). */
  addFen(fen: number): void {
    if (fen <= MAX_FEN && fen >= -MAX_FEN) this.fen.add(fen);
    else this.fen.addBigInt(BigInt(fen));
  }

  addFenBigInt(fen: bigint): void {
    this.fen.addBigInt(fen);
  }

  addDecimal(d: Decimal): void {
    const f = d.times(100);
    if (f.isInteger()) this.fen.addBigInt(BigInt(f.toFixed(0)));
    else (this.finer ??= new ScaledSum()).add(d);
  }

  /** Adds an exact decimal string such as "1234.50" or "-0.125". */
  addText(text: string): void {
    this.addDecimal(new Dec(text));
  }

  addSum(other: MoneySum): void {
    this.fen.addSum(other.fen);
    if (other.finer !== null) (this.finer ??= new ScaledSum()).addSum(other.finer);
  }

  /** True while every amount added was whole fen. */
  isExactFen(): boolean {
    return this.finer === null;
  }

  /** The whole-fen part: the total itself when isExactFen(). */
  fenBigInt(): bigint {
    return this.fen.toBigInt();
  }

  isZero(): boolean {
    if (this.finer === null || this.finer.isZero()) return this.fen.toBigInt() === 0n;
    return this.toString() === "0.00";
  }

  /** The exact total: "1234.50" (more decimals only when an input had them). */
  toString(): string {
    if (this.finer === null) return this.fen.toDecimalString();
    const exact = new ScaledSum();
    exact.addSum(this.finer);
    exact.addScaled(this.fen.toBigInt(), 2);
    return exact.toDecimalString();
  }

  toDecimal(): Decimal {
    return new Dec(this.toString());
  }

  /** As a double, for shares and sorting only. */
  toNumber(): number {
    return this.finer === null ? Number(this.fen.toBigInt()) / 100 : Number(this.toString());
  }
}
