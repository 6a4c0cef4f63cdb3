import { creditGradeFn, creditScoreFn, suggestedLimitFn } from "../../src/functions/functions";
import { col, errorIn, one, thrown } from "./excel";

const column = (v: unknown) => Array.from({ length: 32 }, () => [v]);

describe("AR.CREDIT_SCORE", () => {
  // POLICY §5.1: option 1 scores 90, 2 → 70, 3 → 50, don't know 60; weights sum to 100%.
  test("every answer the best: 90", () => expect(creditScoreFn(column(1))).toBe(90));
  test("every answer don't know (4 or ?): 60", () => {
    expect(creditScoreFn(column(4))).toBe(60);
    expect(creditScoreFn(column("?"))).toBe(60);
  });
  test("item 24 (weight 10%) at the third answer, the rest the best: 90 − 0.10 × (90 − 50) = 86", () => {
    const a = column(1);
    a[23] = [3];
    expect(creditScoreFn(a)).toBe(86);
  });
  test("answers as text and as exact scores", () => {
    const a = column(85); // 85 lies in the first answer's range (80–100)
    expect(creditScoreFn(a)).toBe(85);
    const b = column(1);
    b[0] = ["一般"]; // item 1 (weight 2%) second answer: 90 − 0.02 × 20 = 89.6
    expect(creditScoreFn(b)).toBe(89.6);
  });
  test("answers in a row", () => expect(creditScoreFn([Array.from({ length: 32 }, () => 2)])).toBe(70));
  test("two raters, one column each: mean of 90 and 70 = 80; weighted 3:1 = 85", () => {
    const two = Array.from({ length: 32 }, () => [1, 2]);
    expect(creditScoreFn(two)).toBe(80);
    expect(creditScoreFn(two, undefined, [[3, 1]])).toBe(85);
  });
  test("a rater-weights row left blank (null on the web, 0 on desktop) is the plain mean, not an error", () => {
    const two = Array.from({ length: 32 }, () => [1, 2]);
    expect(creditScoreFn(two, undefined, [[null, null]])).toBe(80);
    expect(creditScoreFn(two, undefined, [[0, 0]])).toBe(80);
    expect(creditScoreFn(two, undefined, [["", " "]])).toBe(80);
    // One weight given and one blank is not "no weights": the blank one is a missing weight.
    const missing = thrown(() => creditScoreFn(two, undefined, [[1, ""]]));
    expect(missing.code).toBe("#VALUE!");
    expect(missing.message).toContain("Rater 2's weight \"\" is not a number");
  });
  test("blank cells (0 on desktop) count as don't know", () => expect(creditScoreFn(column(0))).toBe(60));
  test("weights from a 32-cell column", () => {
    const w = column("0.03125"); // 32 × 0.03125 = 1 exactly
    const a = column(1);
    a[0] = [3]; // 90 − 0.03125 × 40 = 88.75
    expect(creditScoreFn(a, w)).toBe(88.75);
  });
  test("an answer out of range names the item", () => {
    const a = column(1);
    a[2] = [30]; // below the third answer's 40–60
    const e = thrown(() => creditScoreFn(a));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toMatch(/item 3|第 3 项/);
  });
  test("weights not summing to 100% fail the call", () => {
    expect(thrown(() => creditScoreFn(column(1), column("0.03"))).message).toContain("weights");
  });
  test("a range of the wrong shape says what is expected", () => {
    expect(thrown(() => creditScoreFn(col(1, 2, 3))).message).toContain("32 rows");
  });
});

describe("AR.CREDIT_GRADE and AR.SUGGESTED_LIMIT", () => {
  test("grade bands at their edges (product defaults: AAA ≥ 90, AA ≥ 80, A ≥ 70, B ≥ 60, C below)", () => {
    expect(creditGradeFn(col(100, 90, 89.99, 80, 70, 60, 59.99, 0, null))).toEqual([["AAA"], ["AAA"], ["AA"], ["AA"], ["A"], ["B"], ["C"], ["C"], [""]]);
  });
  test("a score outside 0–100 is an error in its cell", () => {
    expect(errorIn(one(creditGradeFn([[101]]))).code).toMatch(/#NUM!|#VALUE!/);
  });
  test("limit = contract value × the grade's factor (AA: 0.8 × 1,000,000 = 800,000; C: 0)", () => {
    expect(suggestedLimitFn(col(85, 10), [["100万"]])).toEqual([[800000], [0]]);
  });
  test("custom grades as [grade, minimum, factor] rows", () => {
    expect(creditGradeFn([[75]], [["甲", 80, 1], ["乙", 0, 0.5]])).toEqual([["乙"]]);
  });
});
