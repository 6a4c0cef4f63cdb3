import { MoneySum } from "../../src/core/money-sum";
import { Dec } from "../../src/core/money";

describe("MoneySum: the one exact sum of money", () => {
  it("sums whole fen on the fast path, two decimals out", () => {
    const s = new MoneySum();
    s.addFen(123450);
    s.addFen(-50);
    expect(s.toString()).toBe("1234.00");
    expect(s.isExactFen()).toBe(true);
    expect(s.fenBigInt()).toBe(123400n);
  });

  it("keeps amounts finer than a fen exactly, with only the decimals they need", () => {
    const s = new MoneySum();
    s.addText("0.125");
    s.addText("1.005");
    s.addFen(100);
    expect(s.toString()).toBe("2.13");
    s.addText("0.001");
    expect(s.toString()).toBe("2.131");
    expect(s.isExactFen()).toBe(false);
  });

  it("does not round when magnitudes differ widely (Decimal would, at its precision)", () => {
    const s = new MoneySum();
    s.addDecimal(new Dec("1e30"));
    s.addText("0.0000000000001");
    expect(s.toString()).toBe("1000000000000000000000000000000.0000000000001");
  });

  it("adds lines beyond the fast path's limit and sums of sums", () => {
    const a = new MoneySum();
    a.addFen(1e17);
    a.addText("-0.005");
    const b = new MoneySum();
    b.addText("0.005");
    b.addSum(a);
    expect(b.toString()).toBe("1000000000000000.00");
  });

  it("is zero when finer parts cancel with whole fen", () => {
    const s = new MoneySum();
    expect(s.isZero()).toBe(true);
    s.addText("0.005");
    expect(s.isZero()).toBe(false);
    s.addText("0.005");
    s.addFen(-1);
    expect(s.isZero()).toBe(true);
    expect(s.toString()).toBe("0.00");
    expect(s.toNumber()).toBe(0);
  });
});
