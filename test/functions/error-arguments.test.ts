/**
 * Arguments that hold an Excel error as text ("#N/A" pasted as a value, from a CSV or a web
 * query) and dates past Excel's last day. An error in a date or amount argument is that error,
 * as Excel's own functions pass an error on, never a blank result; a date after 9999-12-31,
 * typed or computed, is an error.
 */
import {
  agingClassFn,
  amountInWordsFn,
  daysPastDueFn,
  discountInterestFn,
  dueDateFn,
  provisionFn,
  suggestedLimitFn,
  taxFilingDeadlineFn,
  writeOffEligibleFn,
} from "../../src/functions/functions";
import { col, errorIn, one } from "./excel";
import { serial } from "../helpers/serial-dates";

const asOf = serial(2011, 8, 31);

describe("an Excel error as text in a date or amount argument gives that error", () => {
  test.each([
    ["AR.AGING_CLASS due_date", () => agingClassFn([["#N/A"]], [[asOf]]), "due_date"],
    ["AR.AGING_CLASS as_of", () => agingClassFn([[asOf]], [["#N/A"]]), "as_of"],
    ["AR.DAYS_PAST_DUE", () => daysPastDueFn([["#N/A"]], [[asOf]]), "due_date"],
    ["AR.WRITE_OFF_ELIGIBLE", () => writeOffEligibleFn([[" #n/a "]], [[asOf]]), "due_date"],
    ["AR.DUE_DATE", () => dueDateFn([["#N/A"]]), "date_arisen"],
    ["AR.TAX_FILING_DEADLINE", () => taxFilingDeadlineFn([["#N/A"]]), "loss_date"],
    ["AR.PROVISION balance", () => provisionFn([["#N/A"]], [[serial(2011, 3, 1)]], [[asOf]]), "balance"],
    ["AR.PROVISION date_arisen", () => provisionFn([[1000]], [["#N/A"]], [[asOf]]), "date_arisen"],
    ["AR.PROVISION expected_recovery", () => provisionFn([[1000]], [[serial(2011, 3, 1)]], [[asOf]], undefined, [["#N/A"]]), "expected_recovery"],
    ["AR.SUGGESTED_LIMIT", () => suggestedLimitFn([[85]], [["#N/A"]]), "contract_value"],
    ["AR.DISCOUNT_INTEREST face", () => discountInterestFn([["#N/A"]], [["2011-06-01"]], [["2011-12-01"]], [["4.5%"]]), "face"],
    ["AR.AMOUNT_IN_WORDS", () => amountInWordsFn([["#N/A"]]), "amount"],
  ])("%s", (_name, call, argument) => {
    const e = errorIn(one(call() as unknown[][]));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain(`${argument} holds the error #N/A`);
  });

  test("each error its own code; one a function cannot return is #VALUE! naming it", () => {
    const out = dueDateFn(col("#DIV/0!", "#REF!", "#NUM!", "#SPILL!", "2011-01-31"));
    expect(out.slice(0, 4).map((r) => errorIn(r[0]).code)).toEqual(["#DIV/0!", "#REF!", "#NUM!", "#VALUE!"]);
    expect(errorIn(out[3][0]).message).toContain("#SPILL!");
    expect(out[4][0]).toBe(serial(2011, 3, 2));
  });

  test("in a range on the batch path, only the row that holds it", () => {
    const balances: unknown[] = Array.from({ length: 300 }, (_, i) => (i === 11 ? "#N/A" : 2000));
    const out = provisionFn(col(...balances), col(...balances.map(() => serial(2011, 3, 1))), [[asOf]]);
    expect(errorIn(out[11][0]).code).toBe("#N/A");
    expect(out[10][0]).toBe(100); // 2,000 × 5% within one year
  });

  test("a truly blank cell is still a blank result", () => {
    expect(one(dueDateFn([[null]]))).toBe("");
    expect(one(provisionFn([[""]], [[serial(2011, 3, 1)]], [[asOf]]))).toBe("");
  });
});

describe("dates after 9999-12-31, Excel's last day, are errors", () => {
  test("a due date computed past it (9999-12-31 + 30 days = 10000-01-30)", () => {
    const e = errorIn(one(dueDateFn([["9999-12-31"]])));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toContain("9999");
    // The last day itself is a date: 9999-12-01 + 30 days = 9999-12-31, serial 2958465.
    expect(one(dueDateFn([["9999-12-01"]]))).toBe(2958465);
  });

  test("a filing deadline computed past it", () => {
    expect(errorIn(one(taxFilingDeadlineFn([["9999-06-30"]]))).code).toBe("#NUM!");
  });

  test("a serial or a text beyond it", () => {
    expect(errorIn(one(daysPastDueFn([[2958466]], [[asOf]]))).code).toBe("#NUM!");
    expect(isError(one(daysPastDueFn([["10000-01-01"]], [[asOf]])))).toBe(true);
  });
});

function isError(v: unknown): boolean {
  return errorIn(v).code.startsWith("#");
}
