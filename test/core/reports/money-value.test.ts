/** moneyValue: what a writer puts in a money cell. Its fast path gives what the exact path gives. */
import fc from "fast-check";
import { exactCellNumber } from "../../../src/core/money";
import { moneyCell, moneyCellExact, moneyValue } from "../../../src/core/reports/sheet-spec";

const exactPath = (exact: string): number | string => exactCellNumber(exact) ?? exact;

test("a money cell from fen: the number, exact, for every amount within the limit and beyond", () => {
  fc.assert(
    fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (fen) => {
      const cell = moneyCell(fen);
      expect(moneyValue(cell)).toBe(exactPath(cell.exact!));
    }),
    { numRuns: 2000 },
  );
});

test("a money cell from exact text with any number of decimals", () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: 0, max: 6 }), (units, decimals) => {
      const negative = units < 0n;
      const digits = (negative ? -units : units).toString().padStart(decimals + 1, "0");
      const exact = `${negative ? "-" : ""}${decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`}`;
      expect(moneyValue(moneyCellExact(exact))).toBe(exactPath(exact));
    }),
    { numRuns: 2000 },
  );
});

test("edges: a negative zero is 0, 16 digits stay text, an empty cell is null", () => {
  expect(moneyValue(moneyCellExact("-0.00"))).toBe(0);
  expect(Object.is(moneyValue(moneyCellExact("-0.00")), -0)).toBe(false);
  expect(moneyValue(moneyCellExact("19999999999999.98"))).toBe("19999999999999.98");
  expect(moneyValue(moneyCell(999999999999999))).toBe(9999999999999.99);
  expect(moneyValue(moneyCell(null))).toBeNull();
});
