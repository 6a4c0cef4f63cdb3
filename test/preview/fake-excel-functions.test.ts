/**
 * Custom functions in the fake's formulas: the add-in's AR.* functions computing live, read
 * through the Excel API, and the runtime's conventions (custom-functions.ts) for arguments,
 * blanks, omitted arguments, errors and results.
 */
import { createFakeExcel, installFakeCustomFunctions, type CreateFakeExcelOptions, type FakeCustomFunction, type FakeExcel } from "../../src/preview/fake-excel";
import { creditGradeFn, creditScoreFn, suggestedLimitFn } from "../../src/functions/functions";
import { DEFAULT_POLICY } from "../../src/core/policy/defaults";

const AR: Record<string, FakeCustomFunction> = {
  "AR.CREDIT_SCORE": creditScoreFn,
  "AR.CREDIT_GRADE": creditGradeFn,
  "AR.SUGGESTED_LIMIT": suggestedLimitFn,
};

/** The product's 32 questionnaire weights, D9:D40. */
const weights = DEFAULT_POLICY.credit.items.map((item) => [Number(item.weight)]);
const answers = (rows: number, v: number | string): (number | string)[][] => Array.from({ length: 32 }, () => Array.from({ length: rows }, () => v));

/** A questionnaire sheet: weights in D9:D40, raters' answers in H9:J40, contract value in C12. */
function questionnaire(answer: number, options: CreateFakeExcelOptions = { functions: AR }): FakeExcel {
  const fake = createFakeExcel({ sheets: [{ name: "Credit", cells: { C12: 1000000 } }] }, options);
  const sheet = fake.workbook.getSheet("Credit");
  sheet.setValues("D9", weights);
  sheet.setValues("H9", answers(3, answer));
  sheet.setFormula("K45", "=AR.CREDIT_SCORE(H9:J40,D9:D40)");
  sheet.setFormula("K46", "=AR.CREDIT_GRADE(K45)");
  sheet.setFormula("K47", "=AR.SUGGESTED_LIMIT(K45,C12)");
  sheet.setFormula("K48", "=AR.CREDIT_SCORE(H9:H40)");
  return fake;
}

async function read(fake: FakeExcel, address: string, sheet = "Credit"): Promise<{ values: unknown[][]; formulas: unknown[][] }> {
  return fake.Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load("values, formulas");
    await context.sync();
    return { values: range.values, formulas: range.formulas };
  });
}

async function write(fake: FakeExcel, address: string, values: unknown[][], sheet = "Credit"): Promise<void> {
  await fake.Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = values;
    await context.sync();
  });
}

describe("the AR functions in a questionnaire sheet", () => {
  test("32 answers of 1 from three raters score 90: grade AAA, limit 1.0 × the contract value", async () => {
    const { values, formulas } = await read(questionnaire(1), "K45:K47");
    expect(values).toEqual([[90], ["AAA"], [1000000]]);
    expect(formulas).toEqual([["=AR.CREDIT_SCORE(H9:J40,D9:D40)"], ["=AR.CREDIT_GRADE(K45)"], ["=AR.SUGGESTED_LIMIT(K45,C12)"]]);
  });

  test("answers of 3 score 50: grade C, no credit", async () => {
    expect((await read(questionnaire(3), "K45:K47")).values).toEqual([[50], ["C"], [0]]);
  });

  test("a changed answer recomputes the score and what depends on it", async () => {
    const fake = questionnaire(1);
    // Item 24 (weight 10%) at the third answer for the first rater: 90 − 0.10 × (90 − 50) = 86.
    await write(fake, "H32", [[3]]);
    const { values } = await read(fake, "K45:K48");
    expect(values[3]).toEqual([86]);
    expect(values[0][0]).toBeCloseTo((86 + 90 + 90) / 3, 9);
    expect(values.slice(1, 3)).toEqual([["AA"], [800000]]);
    expect(fake.workbook.getSheet("Credit").cell("K48").value).toBe(86);
  });

  test("an error value among the arguments is the result; the function is not called", async () => {
    const fake = questionnaire(1);
    await write(fake, "D20", [["#N/A"]]);
    expect((await read(fake, "K45:K46")).values).toEqual([["#N/A"], ["#N/A"]]);
    await write(fake, "H20", [["#DIV/0!"]]);
    expect((await read(fake, "K48")).values).toEqual([["#DIV/0!"]]);
  });

  test("an error the function throws shows as that error", async () => {
    const fake = questionnaire(1);
    await write(fake, "H11", [[101]]); // no answer scores above 100
    expect((await read(fake, "K48:K48")).values).toEqual([["#NUM!"]]);
    await write(fake, "D9", [[0.5]]); // weights no longer add up to 100%
    expect((await read(fake, "K45")).values).toEqual([["#VALUE!"]]);
    await write(fake, "H11", [[1]]);
    expect((await read(fake, "K48")).values).toEqual([[90]]);
  });

  test("without the functions registered, the formulas still give the marker", async () => {
    const fake = questionnaire(1, {});
    expect((await read(fake, "K45:K46")).values).toEqual([["#FAKE_FORMULA"], ["#FAKE_FORMULA"]]);
  });

  test("an unregistered function, AR or built in, still gives the marker; formulas read back as written", async () => {
    const fake = questionnaire(1);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Credit").getRange("L1:L3").formulas = [["=AR.NOT_A_FUNCTION(H9)"], ["=TODAY()"], ["=ar.credit_grade(95)"]];
      await context.sync();
    });
    const { values, formulas } = await read(fake, "L1:L3");
    expect(values).toEqual([["#FAKE_FORMULA"], ["#FAKE_FORMULA"], ["AAA"]]);
    expect(formulas).toEqual([["=AR.NOT_A_FUNCTION(H9)"], ["=TODAY()"], ["=ar.credit_grade(95)"]]);
  });
});

describe("arguments, as Excel's JavaScript runtime passes them", () => {
  function capture(formula: string, options: CreateFakeExcelOptions = {}, fn: FakeCustomFunction = (() => 1) as FakeCustomFunction): unknown[] {
    let seen: unknown[] = [];
    const spy = (...args: unknown[]): unknown => {
      seen = args;
      return (fn as (...a: unknown[]) => unknown)(...args);
    };
    Object.defineProperty(spy, "length", { value: fn.length }); // the declared parameter count is the function's
    const fake = createFakeExcel({ sheets: [{ name: "S", cells: [[1, null, "x"], [true, 2.5, null]] }] }, { ...options, functions: { "T.F": spy } });
    fake.workbook.getSheet("S").setFormula("Z1", formula);
    fake.workbook.getSheet("S").cell("Z1");
    return seen;
  }

  test("a range as rows of cells, blanks as null (Excel on the web)", () => {
    expect(capture("=T.F(A1:C2)")).toEqual([[[1, null, "x"], [true, 2.5, null]]]);
  });

  test("blanks as 0 with blankCellArgument: 0 (Excel desktop)", () => {
    expect(capture("=T.F(A1:C2,B1)", { blankCellArgument: 0 })).toEqual([[[1, 0, "x"], [true, 2.5, 0]], [[0]]]);
  });

  test("a single cell, a literal and a computed value each as a 1×1 matrix", () => {
    expect(capture('=T.F(C1,B1,42,"a b",FALSE,A1+B2*2,SUM(A1:B2))')).toEqual([[["x"]], [[null]], [[42]], [["a b"]], [[false]], [[6]], [[3.5]]]);
  });

  test("omitted arguments, between commas or trailing, are null, up to the declared parameter count", () => {
    const threeParameters = ((a: unknown, b: unknown, c: unknown) => [a, b, c].length) as FakeCustomFunction;
    expect(capture("=T.F(A1,,C1)", {}, threeParameters)).toEqual([[[1]], null, [["x"]]]);
    expect(capture("=T.F(A1)", {}, threeParameters)).toEqual([[[1]], null, null]);
    expect(capture("=T.F(A1,)", {}, threeParameters)).toEqual([[[1]], null, null]);
    expect(capture("=T.F()", {}, threeParameters)).toEqual([null, null, null]);
  });

  test("a range on another sheet; a missing sheet is #REF! without a call", () => {
    const calls: unknown[][] = [];
    const fake = createFakeExcel(
      { sheets: [{ name: "S" }, { name: "Other data", cells: [[5, 6]] }] },
      { functions: { "T.F": ((...args: unknown[]) => (calls.push(args), "ok")) as FakeCustomFunction } },
    );
    const s = fake.workbook.getSheet("S");
    s.setFormula("A1", "=T.F('Other data'!A1:B1)");
    s.setFormula("A2", "=T.F(Nowhere!A1:B1)");
    expect(s.values("A1:A2")).toEqual([["ok"], ["#REF!"]]);
    expect(calls).toEqual([[[[5, 6]]]]);
  });
});

describe("results, as Excel shows them", () => {
  function result(fn: (...args: unknown[]) => unknown, formula = "=T.F(1)"): unknown {
    const fake = createFakeExcel({ sheets: [{ name: "S" }] }, { functions: { "t.f": fn as FakeCustomFunction } });
    fake.workbook.getSheet("S").setFormula("A1", formula);
    return fake.workbook.getSheet("S").cell("A1").value;
  }

  test("numbers, text and booleans as they are; a matrix by its top-left cell (no spill)", () => {
    expect(result(() => 2.5)).toBe(2.5);
    expect(result(() => "text")).toBe("text");
    expect(result(() => true)).toBe(true);
    expect(result(() => [["top-left", "b"], ["c", "d"]])).toBe("top-left");
  });

  test("null is 0; NaN and infinities are #NUM!; a promise stays #BUSY!", () => {
    expect(result(() => null)).toBe(0);
    expect(result(() => [[null]])).toBe(0);
    expect(result(() => NaN)).toBe("#NUM!");
    expect(result(() => Infinity)).toBe("#NUM!");
    expect(result(() => Promise.resolve(1))).toBe("#BUSY!");
  });

  test("a thrown or returned CustomFunctions.Error is its error; any other exception is #VALUE!", () => {
    const runtime = installFakeCustomFunctions(globalThis);
    try {
      expect(result(() => new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "no data"))).toBe("#N/A");
      expect(result(() => [[new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber)]])).toBe("#NUM!");
      expect(
        result(() => {
          throw new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
        }),
      ).toBe("#DIV/0!");
    } finally {
      runtime.uninstall();
    }
    expect(
      result(() => {
        throw new TypeError("bug");
      }),
    ).toBe("#VALUE!");
    expect(result(() => ({ code: "not an error code" }))).toBe("#VALUE!");
  });

  test("a result takes part in the rest of the formula", () => {
    expect(result(() => 4, '=T.F(1)*2&"!"')).toBe("8!");
    expect(result((x) => (x as number[][])[0][0] * 10, "=T.F(T.F(1)+1)")).toBe(110);
  });
});

describe("installFakeCustomFunctions", () => {
  test("collects both forms of CustomFunctions.associate by id, and uninstalls", () => {
    const runtime = installFakeCustomFunctions(globalThis);
    const one = (): number => 1;
    const two = (): number => 2;
    try {
      CustomFunctions.associate("ONE", one);
      CustomFunctions.associate({ TWO: two });
      expect([...runtime.associated]).toEqual([
        ["ONE", one],
        ["TWO", two],
      ]);
      expect(() => CustomFunctions.associate("ONE", two)).toThrow(/twice/);
      const e = new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "why");
      expect([e.code, e.message]).toEqual(["#VALUE!", "why"]);
    } finally {
      runtime.uninstall();
    }
    expect(typeof (globalThis as { CustomFunctions?: unknown }).CustomFunctions).toBe("undefined");
  });
});
