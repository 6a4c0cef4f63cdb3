/**
 * AR.MIGRATION_RATES, AR.ECL_RATES and AR.ECL_PROVISION on issue 19's worked example, by hand:
 * a history whose band balances migrate at 20%, 40%, 50%, 60%, 80% in both transitions; loss rates
 * with k = 10%: 2.112%, 10.56%, 26.4%, 52.8%, 88%, 100%; 12,000万 in the youngest band: 253.44万.
 */
import { eclProvisionFn, eclRatesFn, migrationRatesFn } from "../../src/functions/functions";
import { thrown } from "./excel";
import { serial } from "../helpers/serial-dates";

const HISTORY = [
  ["期末", "1年以内", "1-2年", "2-3年", "3-4年", "4-5年", "5年以上"],
  [serial(2008, 12, 31), 100, 100, 100, 100, 100, 100],
  [serial(2009, 12, 31), 100, 20, 40, 50, 60, 80],
  [serial(2010, 12, 31), 100, 20, 8, 20, 30, 48],
];

test("MIGRATION_RATES: one averaged rate per band but the oldest, from a history table with a header row", () => {
  expect(migrationRatesFn(HISTORY)).toEqual([[0.2, 0.4, 0.5, 0.6, 0.8]]);
});

test("MIGRATION_RATES: fewer than three period ends is #N/A, saying what is missing", () => {
  expect(thrown(() => migrationRatesFn(HISTORY.slice(0, 3)))).toMatchObject({ code: "#N/A" });
});

test("MIGRATION_RATES: a band with no balance at any period's start has no rate (#N/A in its cell, never 0)", () => {
  const out = migrationRatesFn([
    [serial(2008, 12, 31), 100, 0, 5],
    [serial(2009, 12, 31), 100, 0, 0],
    [serial(2010, 12, 31), 100, 50, 0],
  ]);
  // Band 1: 0 / 100, then 50 / 100: 25% on average. Band 2 never had a balance at a period's start.
  expect(out[0][0]).toBe(0.25);
  expect(out[0][1]).toMatchObject({ code: "#N/A" });
});

test("ECL_RATES: backwards from the oldest band at 100%, adjusted by k = 10%, capped at 100%", () => {
  const out = eclRatesFn([[0.2, 0.4, 0.5, 0.6, 0.8]], [["10%"]]);
  expect(out[0].map((x) => Number((x as number).toFixed(6)))).toEqual([0.02112, 0.1056, 0.264, 0.528, 0.88, 1]);
});

test("ECL_PROVISION: balance × the band's rate, half-up to the cent; a band out of range is #NUM!", () => {
  const rates = [[0.02112, 0.1056, 0.264, 0.528, 0.88, 1]];
  expect(eclProvisionFn([["12000万"], [2500], [""]], [[1], [2], [1]], rates)).toEqual([[2534400], [264], [""]]);
  expect(eclProvisionFn([[100]], [[7]], rates)[0][0]).toMatchObject({ code: "#NUM!" });
});
