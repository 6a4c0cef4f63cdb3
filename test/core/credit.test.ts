import Decimal from "decimal.js";
import { creditGrade, creditScore, scoreAnswer, suggestedLimit, supplierLetterScore } from "../../src/core/credit";
import { Dec } from "../../src/core/money";
import { DEFAULT_POLICY, loadPolicy } from "../../src/core/policy";
import { thrown } from "../helpers/errors";

const P = DEFAULT_POLICY;
const all = (answer: unknown): unknown[] => Array.from({ length: 32 }, () => answer);

describe("scoreAnswer", () => {
  it("reads 1/2/3 as options scored at their mids (90/70/50), as numbers or text", () => {
    expect(scoreAnswer(1, 1, P)).toEqual({ kind: "option", option: 1, score: new Dec(90) });
    expect(scoreAnswer(1, "2", P)).toEqual({ kind: "option", option: 2, score: new Dec(70) });
    expect(scoreAnswer(1, "３", P)).toEqual({ kind: "option", option: 3, score: new Dec(50) }); // full-width 3
  });

  it("reads 4, ?, 不知道 and don't know as don't know (60)", () => {
    for (const a of [4, "4", "?", "？", "不知道", "don't know", "Don’t know", " DONT KNOW "]) {
      expect(scoreAnswer(5, a, P)).toEqual({ kind: "dont-know", score: new Dec(60) });
    }
  });

  it("reads the option's text, zh exactly and en in any case, after trimming", () => {
    expect(scoreAnswer(24, "低于平均利润", P)).toMatchObject({ kind: "option", option: 3 });
    expect(scoreAnswer(24, " below-average profit ", P)).toMatchObject({ kind: "option", option: 3 });
    expect(scoreAnswer(1, "较好", P)).toMatchObject({ kind: "option", option: 1 });
    expect(scoreAnswer(30, "一般", P)).toMatchObject({ kind: "option", option: 2 });
  });

  it("reads other numbers as explicit scores that must lie in an option's range", () => {
    expect(scoreAnswer(8, 85, P)).toEqual({ kind: "score", option: 1, score: new Dec(85) });
    // 80 is the top of the 2nd range and the bottom of the 1st: valid, the score is 80.
    expect(scoreAnswer(8, 80, P)).toEqual({ kind: "score", option: 1, score: new Dec(80) });
    expect(scoreAnswer(8, "61.5", P)).toEqual({ kind: "score", option: 2, score: new Dec("61.5") });
    expect(scoreAnswer(8, 40, P)).toEqual({ kind: "score", option: 3, score: new Dec(40) });
    expect(scoreAnswer(8, 100, P)).toMatchObject({ kind: "score", score: new Dec(100) });
    expect(scoreAnswer(8, new Decimal("72.25"), P)).toMatchObject({ kind: "score", option: 2 });
  });

  it("rejects a score in no range with #NUM!, naming the item", () => {
    for (const a of [0, 39, 39.99, 101, -1, "1.0", "3.5"]) {
      const e = thrown(() => scoreAnswer(8, a, P));
      expect(e.id).toBe("credit.answer");
      expect(e.excel).toBe("#NUM!");
      expect(e.text["zh-CN"]).toContain("第 8 项“客户财务管理和信用管理”");
      expect(e.text["en-US"]).toContain(`item 8 "Customer's financial and credit management"`);
    }
  });

  it("rejects an unknown answer with #VALUE!, naming the item and its options", () => {
    const e = thrown(() => scoreAnswer(24, "maybe", P));
    expect(e.id).toBe("credit.answer");
    expect(e.excel).toBe("#VALUE!");
    expect(e.field).toBe("item 24");
    expect(e.text["zh-CN"]).toContain("第 24 项“此交易产生的利润”");
    expect(e.text["zh-CN"]).toContain("超过平均利润/平均利润/低于平均利润");
    expect(e.text["en-US"]).toContain(`item 24 "Profit from this transaction"`);
    expect(thrown(() => scoreAnswer(1, true, P)).id).toBe("credit.answer");
    expect(thrown(() => scoreAnswer(1, "Fine", P)).id).toBe("credit.answer");
  });

  it("gives 'unanswered' for a blank cell", () => {
    for (const a of [undefined, null, "", "   ", "#N/A"]) expect(scoreAnswer(1, a, P)).toEqual({ kind: "unanswered" });
  });

  it("rejects an item number the questionnaire does not have", () => {
    for (const n of [0, 33, 1.5]) expect(thrown(() => scoreAnswer(n, 1, P)).id).toBe("credit.item");
  });
});

describe("creditScore", () => {
  it("scores all option 1 as 90 (Σ weight × 90 = 90 × 1)", () => {
    const r = creditScore(all(1), P);
    expect(r.score.toFixed()).toBe("90");
    expect(r.perRater.map((s) => s.toFixed())).toEqual(["90"]);
    expect(r).toMatchObject({ answered: 32, unanswered: [] });
  });

  it("scores all don't know as 60", () => {
    expect(creditScore(all("不知道"), P).score.toFixed()).toBe("60");
    expect(creditScore(all(4), P).score.toFixed()).toBe("60");
  });

  it("scores item 24 (weight 10%) at option 3, the rest option 1, as 90 − 0.10 × (90 − 50) = 86", () => {
    const answers = all(1);
    answers[23] = 3;
    expect(creditScore(answers, P).score.toFixed()).toBe("86");
  });

  it("uses an explicit score exactly: item 8 (4%) at 85 gives 90 − 0.04 × 5 = 89.8", () => {
    const answers = all(1);
    answers[7] = 85;
    expect(creditScore(answers, P).score.toFixed()).toBe("89.8");
  });

  it("scores blank answers as don't know and reports them: items 1 (2%) and 24 (10%) blank -> 90 − 0.02×30 − 0.10×30 = 86.4", () => {
    const answers = all(1);
    answers[0] = "";
    answers[23] = null;
    const r = creditScore(answers, P);
    expect(r.score.toFixed()).toBe("86.4");
    expect(r.answered).toBe(30);
    expect(r.unanswered).toEqual([1, 24]);
    expect(r.unansweredByRater).toEqual([[1, 24]]);
  });

  it("refuses blanks when requireAll", () => {
    const answers = all(1);
    answers[4] = undefined;
    const e = thrown(() => creditScore(answers, P, { requireAll: true }));
    expect(e.id).toBe("credit.unanswered");
    expect(e.text["en-US"]).toContain("5");
    expect(creditScore(all(1), P, { requireAll: true }).score.toFixed()).toBe("90");
  });

  it("combines two raters by the mean: (90 + 70) / 2 = 80", () => {
    const r = creditScore([all(1), all(2)], P);
    expect(r.score.toFixed()).toBe("80");
    expect(r.perRater.map((s) => s.toFixed())).toEqual(["90", "70"]);
    expect(r.answered).toBe(64);
  });

  it("combines three raters by the mean without losing precision: (90 + 70 + 60) / 3 = 73.33…", () => {
    const r = creditScore([all(1), all(2), all("?")], P);
    expect(r.score.toDecimalPlaces(10).toFixed()).toBe("73.3333333333");
    expect(r.score.times(3).toDecimalPlaces(30).toFixed()).toBe("220");
  });

  it("combines raters by weighted mean when rater weights are given: (3×90 + 1×70) / 4 = 85", () => {
    expect(creditScore([all(1), all(2)], P, { raterWeights: [3, 1] }).score.toFixed()).toBe("85");
    expect(creditScore([all(1), all(2)], P, { raterWeights: ["0.75", "0.25"] }).score.toFixed()).toBe("85");
    // A zero weight drops a rater: 90.
    expect(creditScore([all(1), all(2)], P, { raterWeights: [1, 0] }).score.toFixed()).toBe("90");
  });

  it("rejects bad rater weights", () => {
    expect(thrown(() => creditScore([all(1), all(2)], P, { raterWeights: [1, -1] })).excel).toBe("#NUM!");
    expect(thrown(() => creditScore([all(1), all(2)], P, { raterWeights: [0, 0] })).excel).toBe("#NUM!");
    expect(thrown(() => creditScore([all(1), all(2)], P, { raterWeights: [1] })).id).toBe("credit.rater-weights");
    expect(thrown(() => creditScore([all(1), all(2)], P, { raterWeights: ["x", 1] })).id).toBe("credit.rater-weights");
  });

  it("requires rater weights when the policy says weighted-mean and there are several raters", () => {
    const weighted = loadPolicy({ credit: { raterCombination: "weighted-mean" } });
    expect(thrown(() => creditScore([all(1), all(2)], weighted)).id).toBe("credit.rater-weights");
    expect(creditScore([all(1), all(2)], weighted, { raterWeights: [1, 1] }).score.toFixed()).toBe("80");
    expect(creditScore(all(1), weighted).score.toFixed()).toBe("90");
  });

  it("names the rater of a bad answer", () => {
    const second = all(1);
    second[2] = "maybe";
    const e = thrown(() => creditScore([all(1), second], P));
    expect(e.id).toBe("credit.answer");
    expect(e.text["en-US"]).toMatch(/^Rater 2: .*item 3/);
    expect(e.text["zh-CN"]).toMatch(/^第 2 位评分人：.*第 3 项/);
  });

  it("rejects the wrong number of answers, no answers and a mix of lists and values", () => {
    expect(thrown(() => creditScore(all(1).slice(1), P)).id).toBe("credit.answers");
    expect(thrown(() => creditScore([all(1), all(1).slice(2)], P)).text["en-US"]).toContain("Rater 2");
    expect(thrown(() => creditScore([], P)).id).toBe("credit.answers");
    expect(thrown(() => creditScore([all(1), 1] as unknown[], P)).id).toBe("credit.answers");
  });
});

describe("creditGrade", () => {
  it("finds the grade band, bounds inclusive (product default bands)", () => {
    const cases: [Decimal | number | string, string][] = [
      [100, "AAA"],
      [90, "AAA"],
      [new Dec("89.99"), "AA"],
      [80, "AA"],
      ["79.5", "A"],
      [70, "A"],
      [60, "B"],
      [new Dec("59.999"), "C"],
      [0, "C"],
    ];
    for (const [score, grade] of cases) expect(creditGrade(score, P).grade).toBe(grade);
  });

  it("takes a creditScore result directly", () => {
    const answers = all(1);
    answers[23] = 3;
    expect(creditGrade(creditScore(answers, P).score, P).grade).toBe("AA"); // 86
  });

  it("rejects scores outside 0–100 (#NUM!) and non-numbers (#VALUE!)", () => {
    expect(thrown(() => creditGrade(100.01, P))).toMatchObject({ id: "credit.score", excel: "#NUM!" });
    expect(thrown(() => creditGrade(-1, P))).toMatchObject({ id: "credit.score", excel: "#NUM!" });
    expect(thrown(() => creditGrade("high", P))).toMatchObject({ id: "credit.score", excel: "#VALUE!" });
  });
});

describe("suggestedLimit", () => {
  it("is contract value × the grade's limit factor, rounded half-up once", () => {
    expect(suggestedLimit(86, new Dec(1_000_000), P).toFixed(2)).toBe("800000.00"); // AA × 0.8
    expect(suggestedLimit(95, "1,234.56", P).toFixed(2)).toBe("1234.56"); // AAA × 1.0
    expect(suggestedLimit(65, new Dec("1234.45"), P).toFixed(2)).toBe("370.34"); // B × 0.3 = 370.335 -> 370.34
    expect(suggestedLimit(50, 1_000_000, P).toFixed(2)).toBe("0.00"); // C × 0
  });

  it("handles 10^11 yuan exactly", () => {
    expect(suggestedLimit(75, new Dec("100000000000.01"), P).toFixed(2)).toBe("60000000000.01"); // × 0.6 = 60000000000.006
  });

  it("gives 0 for a zero contract and rejects a negative or missing one", () => {
    expect(suggestedLimit(90, 0, P).toFixed(2)).toBe("0.00");
    expect(thrown(() => suggestedLimit(90, -1, P))).toMatchObject({ id: "credit.contract-value", excel: "#NUM!" });
    expect(thrown(() => suggestedLimit(90, "", P))).toMatchObject({ id: "credit.contract-value", excel: "#VALUE!" });
  });
});

describe("supplierLetterScore", () => {
  it("scores the best replies 100", () => {
    // 准确, 两年以上, 10万元以上, 90天以上, 绝对及时, 没有关系, 否
    expect(supplierLetterScore([1, 4, 4, 4, 1, 1, 2], P).toFixed()).toBe("100");
  });

  it("scores the worst replies 0 + .15×25 + .15×25 + .10×25 + 0 + .05×50 + 0 = 12.5", () => {
    expect(supplierLetterScore([2, 1, 1, 1, 4, 2, 1], P).toFixed()).toBe("12.5");
  });

  it("reads replies as text: 10 + 7.5 + 7.5 + 5 + 21 + 5 + 15 = 71", () => {
    const replies = ["准确", "一年内", "5万元以下", "60天内", "rarely late", "没有关系", "否"];
    expect(supplierLetterScore(replies, P).toFixed()).toBe("71");
  });

  it("rejects blank, unknown and out-of-range replies, naming the question", () => {
    const blank = thrown(() => supplierLetterScore([1, "", 1, 1, 1, 1, 1], P));
    expect(blank).toMatchObject({ id: "credit.supplier-reply", excel: "#N/A", field: "question 2" });
    expect(blank.text["zh-CN"]).toContain("第 2 题");
    expect(thrown(() => supplierLetterScore([1, 1, 1, 1, 1, 1, "maybe"], P)).field).toBe("question 7");
    expect(thrown(() => supplierLetterScore([3, 1, 1, 1, 1, 1, 1], P)).field).toBe("question 1");
    expect(thrown(() => supplierLetterScore([1, 1, 1], P)).id).toBe("credit.supplier-reply");
  });
});
