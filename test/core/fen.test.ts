import fc from "fast-check";
import {
  FenSum,
  formatFen,
  formatFenBigInt,
  MAX_FEN_LINE,
  MAX_RATE_BP,
  mulRateHalfUp,
  numberToFen,
  rateToBasisPoints,
} from "../../src/core/fen";
import { Dec, parseMoney } from "../../src/core/money";

/** Reference: round-half-up (away from zero) of fen × bp / 10000 in BigInt. */
function refMulRate(fen: number, bp: number): bigint {
  const a = BigInt(Math.abs(fen)) * BigInt(bp);
  const q = (a + 5000n) / 10000n; // floor((a + 5000) / 10000) = half up for a >= 0
  return fen < 0 ? -q : q;
}

describe("numberToFen", () => {
  it("takes amounts with at most two decimals", () => {
    expect(numberToFen(1234.56)).toBe(123456);
    expect(numberToFen(-1234.5)).toBe(-123450);
    expect(numberToFen(0.07)).toBe(7); // 0.07 × 100 = 7.000000000000001 in doubles
    expect(numberToFen(916600)).toBe(91660000); // 91.66万
    expect(numberToFen(1e11)).toBe(1e13); // 10^11 yuan
    expect(numberToFen(9999999999999.99)).toBe(MAX_FEN_LINE - 1); // the edge: the largest amount below 10^13 yuan
    expect(numberToFen(-9999999999999.99)).toBe(-(MAX_FEN_LINE - 1));
  });

  it("turns -0 into 0", () => {
    expect(Object.is(numberToFen(-0), 0)).toBe(true);
  });

  it("refuses what is not fen-exact, so the caller uses decimal.js", () => {
    expect(numberToFen(0.1 + 0.2)).toBeNaN(); // 0.30000000000000004
    expect(numberToFen(1.005)).toBeNaN();
    expect(numberToFen(0.005)).toBeNaN();
    expect(numberToFen(1e13)).toBeNaN(); // the product's limit itself (money.ts MONEY_LIMIT_YUAN)
    expect(numberToFen(-1e13)).toBeNaN();
    expect(numberToFen(1e13 + 0.01)).toBeNaN(); // beyond MAX_FEN_LINE
    expect(numberToFen(1e16)).toBeNaN();
    expect(numberToFen(NaN)).toBeNaN();
    expect(numberToFen(Infinity)).toBeNaN();
    expect(numberToFen(-Infinity)).toBeNaN();
  });

  it("is exactly k for k/100, for every |k| < MAX_FEN_LINE", () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_FEN_LINE + 1, max: MAX_FEN_LINE - 1 }), (k) => {
        expect(numberToFen(k / 100)).toBe(k + 0);
      }),
      { numRuns: 20000 },
    );
  });

  it("agrees with parseMoney (15 significant digits) on every value it accepts", () => {
    const amounts = fc.oneof(
      fc.integer({ min: -MAX_FEN_LINE, max: MAX_FEN_LINE }).map((k) => k / 100), // ±10^13 yuan itself: refused by both
      fc.integer({ min: -1e9, max: 1e9 }).map((k) => k / 100),
      fc.double({ min: -2e13, max: 2e13, noNaN: true }),
      fc.integer({ min: -1e12, max: 1e12 }).map((k) => k / 1000),
    );
    fc.assert(
      fc.property(amounts, (x) => {
        const fen = numberToFen(x);
        if (Number.isNaN(fen)) return;
        const parsed = parseMoney(x);
        expect(parsed).not.toBeNull();
        expect(parsed!.times(100).toFixed()).toBe(new Dec(fen).toFixed());
      }),
      { numRuns: 20000 },
    );
  });
});

describe("rateToBasisPoints", () => {
  it.each([
    ["0.05", 500],
    ["0.10", 1000],
    ["0.30", 3000],
    ["1", 10000],
    ["1.00", 10000],
    ["0", 0],
    [".5", 5000],
    ["0.1234", 1234],
    ["0.12340", 1234],
    ["5e-2", 500],
    [" 0.8 ", 8000],
  ])("%s is %d bp", (rate, bp) => {
    expect(rateToBasisPoints(rate)).toBe(bp);
  });

  it.each(["0.12345", "0.123450", "0.00001", "1.5", "-0.05", "", ".", "abc", "5%", "0x10", "1e2"])(
    "%s is NaN (more than 4 decimals, outside [0, 1], or not a decimal)",
    (rate) => {
      expect(rateToBasisPoints(rate)).toBeNaN();
    },
  );
});

describe("mulRateHalfUp", () => {
  it("rounds half up, away from zero", () => {
    expect(mulRateHalfUp(1, 5000)).toBe(1); // 0.5 → 1
    expect(mulRateHalfUp(-1, 5000)).toBe(-1); // −0.5 → −1 (decimal.js ROUND_HALF_UP)
    expect(mulRateHalfUp(1, 4999)).toBe(0); // 0.4999 → 0
    expect(mulRateHalfUp(10, 500)).toBe(1); // 0.10 yuan × 5% = 0.005 yuan → 0.01
    expect(mulRateHalfUp(9, 500)).toBe(0); // 0.0045 yuan → 0.00
    expect(mulRateHalfUp(100010, 500)).toBe(5001); // 1000.10 × 5% = 50.005 → 50.01
    expect(Object.is(mulRateHalfUp(-1, 1), 0)).toBe(true); // −0.0001 → 0, not −0
  });

  it("is exact where fen × bp exceeds 2^53", () => {
    // 10^15 × 9999 = 9.999 × 10^18; / 10^4 = 999,900,000,000,000 exactly.
    expect(mulRateHalfUp(MAX_FEN_LINE, 9999)).toBe(999900000000000);
    expect(mulRateHalfUp(MAX_FEN_LINE, MAX_RATE_BP)).toBe(MAX_FEN_LINE);
    // 999,999,999,999,999 × 3333 / 10^4 = 333,299,999,999,999.6667 → …,000
    expect(mulRateHalfUp(999999999999999, 3333)).toBe(333300000000000);
    // 10^11 yuan = 10^13 fen, × 30% = 3 × 10^12 fen.
    expect(mulRateHalfUp(1e13, 3000)).toBe(3e12);
  });

  it("returns NaN outside its proven domain", () => {
    expect(mulRateHalfUp(MAX_FEN_LINE + 1, 500)).toBeNaN();
    expect(mulRateHalfUp(1.5, 500)).toBeNaN();
    expect(mulRateHalfUp(100, NaN)).toBeNaN();
    expect(mulRateHalfUp(100, 10001)).toBeNaN();
    expect(mulRateHalfUp(100, -1)).toBeNaN();
  });

  it("matches BigInt and decimal.js on random inputs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX_FEN_LINE, max: MAX_FEN_LINE }),
        fc.integer({ min: 0, max: MAX_RATE_BP }),
        (fen, bp) => {
          const got = mulRateHalfUp(fen, bp);
          expect(BigInt(got)).toBe(refMulRate(fen, bp));
          const viaDecimal = new Dec(fen).times(bp).div(10000).toDecimalPlaces(0, Dec.ROUND_HALF_UP);
          expect(new Dec(got).equals(viaDecimal)).toBe(true);
        },
      ),
      { numRuns: 20000 },
    );
  });

  it("matches on the exact halves (fen × bp ≡ 5000 mod 10000)", () => {
    // bp 1 with fen ≡ 5000 (mod 10000); bp 5000 with odd fen; bp 2500 with fen ≡ 2 (mod 4);
    // bp 500 (5%) with fen ≡ 10 (mod 20): 0.10 yuan × 5% = 0.005 yuan.
    const cases: [number, (q: number) => number][] = [
      [1, (q) => q * 10000 + 5000],
      [5000, (q) => q * 2 + 1],
      [2500, (q) => q * 4 + 2],
      [500, (q) => q * 20 + 10],
    ];
    fc.assert(
      fc.property(fc.integer({ min: -9e10, max: 9e10 }), fc.integer({ min: 0, max: cases.length - 1 }), (q, c) => {
        const [bp, make] = cases[c];
        const fen = make(q);
        expect((BigInt(Math.abs(fen)) * BigInt(bp)) % 10000n).toBe(5000n);
        expect(BigInt(mulRateHalfUp(fen, bp))).toBe(refMulRate(fen, bp));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("formatFen", () => {
  it.each([
    [123450, "1234.50"],
    [-5, "-0.05"],
    [0, "0.00"],
    [7, "0.07"],
    [-123456, "-1234.56"],
    [MAX_FEN_LINE, "10000000000000.00"],
    [Number.MAX_SAFE_INTEGER, "90071992547409.91"],
  ])("%d fen is %s", (fen, text) => {
    expect(formatFen(fen)).toBe(text);
    expect(formatFenBigInt(BigInt(fen))).toBe(text);
  });

  it("throws ArError for a non-integer", () => {
    expect(() => formatFen(0.5)).toThrow(expect.objectContaining({ id: "fen.not-integer", excel: "#NUM!" }));
    expect(() => formatFen(NaN)).toThrow(expect.objectContaining({ id: "fen.not-integer" }));
  });
});

describe("FenSum", () => {
  it("stays exact far beyond 2^53", () => {
    const sum = new FenSum();
    for (let i = 0; i < 10000; i++) sum.add(MAX_FEN_LINE);
    // 10^4 × 10^15 fen = 10^19 fen = 10^17 yuan.
    expect(sum.toDecimalString()).toBe("100000000000000000.00");
    sum.add(1);
    expect(sum.toDecimalString()).toBe("100000000000000000.01");
    expect(sum.toBigInt()).toBe(10n ** 19n + 1n);
  });

  it("handles signs and alternating large lines", () => {
    const sum = new FenSum();
    for (let i = 0; i < 1000; i++) {
      sum.add(MAX_FEN_LINE);
      sum.add(MAX_FEN_LINE - 1);
      sum.add(-MAX_FEN_LINE);
    }
    expect(sum.toBigInt()).toBe(1000n * (10n ** 15n - 1n));
    const negative = new FenSum();
    negative.add(-5);
    expect(negative.toDecimalString()).toBe("-0.05");
  });

  it("equals the BigInt sum of any lines", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -MAX_FEN_LINE, max: MAX_FEN_LINE }), { maxLength: 300 }), (lines) => {
        const sum = new FenSum();
        let ref = 0n;
        for (const fen of lines) {
          sum.add(fen);
          ref += BigInt(fen);
        }
        expect(sum.toBigInt()).toBe(ref);
        expect(sum.toDecimalString()).toBe(formatFenBigInt(ref));
      }),
    );
  });

  it("adds BigInt lines and other sums", () => {
    const a = new FenSum();
    a.add(150);
    a.addBigInt(10n ** 20n);
    const b = new FenSum();
    b.add(-50);
    b.addSum(a);
    expect(b.toDecimalString()).toBe("1000000000000000001.00");
  });

  it("refuses a line that is not whole fen within MAX_FEN_LINE", () => {
    const sum = new FenSum();
    expect(() => sum.add(1.5)).toThrow(expect.objectContaining({ id: "fen.line-out-of-range" }));
    expect(() => sum.add(NaN)).toThrow(expect.objectContaining({ id: "fen.line-out-of-range" }));
    expect(() => sum.add(MAX_FEN_LINE + 1)).toThrow(expect.objectContaining({ id: "fen.line-out-of-range" }));
    expect(sum.toDecimalString()).toBe("0.00");
  });
});
