/**
 * Exact sums of money for totals: integer fen on the fast path, a Decimal for amounts finer than
 * a fen.
 */
import type Decimal from "decimal.js";
import { FenSum } from "../../fen";
import { Dec } from "../../money";
import type { AmountTotal } from "./result";

/** An exact sum of money: fen on the fast path, a Decimal for amounts finer than a fen. */
export class MoneySum {
  count = 0;
  private readonly fen = new FenSum();
  private finer: Decimal | null = null;

  addFen(fen: number): void {
    this.fen.add(fen);
  }

  addDecimal(d: Decimal): void {
    const f = d.times(100);
    if (f.isInteger()) this.fen.addBigInt(BigInt(f.toFixed(0)));
    else this.finer = this.finer === null ? d : this.finer.plus(d);
  }

  addSum(other: MoneySum): void {
    this.count += other.count;
    this.fen.addSum(other.fen);
    if (other.finer !== null) this.finer = this.finer === null ? other.finer : this.finer.plus(other.finer);
  }

  /** Adds an exact decimal string such as "1234.50" or "-0.125". */
  addText(text: string): void {
    this.addDecimal(new Dec(text));
  }

  toString(): string {
    if (this.finer === null) return this.fen.toDecimalString();
    const total = new Dec(this.fen.toBigInt().toString()).div(100).plus(this.finer);
    return total.toFixed(Math.max(2, total.decimalPlaces()));
  }

  toDecimal(): Decimal {
    return new Dec(this.toString());
  }
}

export class TotalBuilder {
  count = 0;
  readonly balance = new MoneySum();
  readonly provision = new MoneySum();

  addTotal(other: TotalBuilder): void {
    this.count += other.count;
    this.balance.addSum(other.balance);
    this.provision.addSum(other.provision);
  }

  result(): AmountTotal {
    return { count: this.count, balance: this.balance.toString(), provision: this.provision.toString() };
  }
}
