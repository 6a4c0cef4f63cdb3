/**
 * The product's one limit on amounts (|amount| < 10^13 yuan, two decimals) in the custom
 * functions: an amount beyond it, as a number or as text, is #VALUE! whose message names the
 * limit (Excel shows a custom message only on #VALUE! and #N/A), never Infinity or a rounded
 * number; the largest amount below it still computes to the cent.
 */
import { amountInWordsFn, discountInterestFn, provisionFn, suggestedLimitFn } from "../../src/functions/functions";
import { col, errorIn, one } from "./excel";
import { serial } from "../helpers/serial-dates";

const asOf = serial(2011, 8, 31);
const FOUR_HUNDRED_DIGITS = "9".repeat(400);

function beyondTheLimit(v: unknown): void {
  const e = errorIn(v);
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toContain("10,000,000,000,000");
}

describe("amounts beyond 10^13 yuan are #VALUE! naming the limit", () => {
  test("AR.PROVISION: a 400-digit text, 1e308, and 10^13 itself", () => {
    for (const balance of [FOUR_HUNDRED_DIGITS, 1e308, 1e13, "-10,000,000,000,000.00", "1000000000万"]) {
      beyondTheLimit(one(provisionFn([[balance]], [[serial(2011, 3, 1)]], [[asOf]])));
    }
  });

  test("AR.PROVISION over a range (the batch path) marks only the row beyond the limit", () => {
    // 300 rows: enough for the integer-fen batch path; row 7 holds 1e308.
    const balances = Array.from({ length: 300 }, (_, i) => (i === 7 ? 1e308 : 1000));
    const batch = provisionFn(col(...balances), col(...balances.map(() => serial(2011, 3, 1))), [[asOf]]);
    beyondTheLimit(batch[7][0]);
    // 1,000 × 5% (within one year) = 50.00 for every other row.
    expect(batch[6][0]).toBe(50);
    expect(batch[8][0]).toBe(50);
    // One date arisen for every row: the per-cell path, the same answer.
    const perCell = provisionFn(col(...balances), [[serial(2011, 3, 1)]], [[asOf]]);
    beyondTheLimit(perCell[7][0]);
    expect(perCell[8][0]).toBe(50);
  });

  test("the largest amount below the limit still computes to the cent", () => {
    // 9,999,999,999,999.99 × 5% = 499,999,999,999.9995 → 500,000,000,000.00 half-up.
    expect(one(provisionFn([["9999999999999.99"]], [[serial(2011, 3, 1)]], [[asOf]]))).toBe(500000000000);
  });

  test("AR.SUGGESTED_LIMIT: a contract value beyond the limit", () => {
    beyondTheLimit(one(suggestedLimitFn([[85]], [[FOUR_HUNDRED_DIGITS]])));
    beyondTheLimit(one(suggestedLimitFn([[85]], [[2e13]])));
  });

  test("AR.DISCOUNT_INTEREST: a face value beyond the limit, and a result beyond it", () => {
    beyondTheLimit(one(discountInterestFn([[FOUR_HUNDRED_DIGITS]], [["2011-06-01"]], [["2011-12-01"]], [["4.5%"]])));
    // 9,000,000,000,000 × 100% × 2,000 days ÷ 360 = 50,000,000,000,000: an amount beyond the limit.
    beyondTheLimit(one(discountInterestFn([[9e12]], [["2011-01-01"]], [["2016-06-23"]], [["100%"]])));
  });

  test("AR.AMOUNT_IN_WORDS: beyond the limit it is the limit's message, not a 309-digit capital", () => {
    beyondTheLimit(one(amountInWordsFn([[1e308]])));
  });
});
