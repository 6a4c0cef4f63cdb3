import fc from "fast-check";
import {
  answerCellValue,
  emptyForm,
  type FormAnswer,
  formAnswerOf,
  MAX_RATERS,
  type QuestionnaireForm,
  questionnaireSheet,
  questionnaireSheetName,
  readQuestionnaireSheet,
  sameAnswerScores,
  scoreForm,
} from "../../../src/core/credit-forms/questionnaire";
import type { Lang } from "../../../src/core/errors";
import { thrown } from "../../helpers/errors";
import { DEFAULT_POLICY, loadPolicy } from "../../../src/core/policy";
import type { Policy } from "../../../src/core/policy/types";
import type { SheetSpec, SpecCell } from "../../../src/core/reports/sheet-spec";
import { creditGradeFn, creditScoreFn, suggestedLimitFn } from "../../../src/functions/functions";

const P = DEFAULT_POLICY;
const ITEMS = 32;

/** A form whose raters answer every item with `answer` (one per rater). */
function formOf(...answers: FormAnswer[]): QuestionnaireForm {
  const form = emptyForm(P, answers.length);
  form.raters.forEach((r, i) => (r.answers = r.answers.map(() => ({ ...answers[i] }))));
  return form;
}
const opt = (option: FormAnswer["option"], score: string | null = null): FormAnswer => ({ option, score });

/** The mixed case: item 24 (10%) option 3, item 27 (8%) don't know, the rest option 1. */
function mixedForm(): QuestionnaireForm {
  const form = formOf(opt(1));
  form.raters[0].answers[23] = opt(3);
  form.raters[0].answers[26] = opt("dont-know");
  return form;
}

/** The sheet as Excel's values give it: each cell's v, blanks as "". */
function grid(spec: SheetSpec): unknown[][] {
  return spec.rows.map((r) => r.cells.map((c) => (c === null || c.v === null ? "" : c.v)));
}

/** 0-based [row, col] of an A1 cell reference. */
function pos(a1: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (m === null) throw new Error(`not a cell: ${a1}`);
  return [Number(m[2]) - 1, [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1];
}

function cellAt(spec: SheetSpec, a1: string): SpecCell | null {
  const [row, col] = pos(a1);
  return spec.rows[row]?.cells[col] ?? null;
}

/** A block of the values grid as a custom function receives it (blank cells null, as on the web). */
function block(values: unknown[][], a1: string): unknown[][] {
  const [first, last = first] = a1.split(":");
  const [r0, c0] = pos(first);
  const [r1, c1] = pos(last);
  const out: unknown[][] = [];
  for (let r = r0; r <= r1; r++) {
    const row: unknown[] = [];
    for (let c = c0; c <= c1; c++) {
      const v = values[r]?.[c];
      row.push(v === "" || v === undefined ? null : v);
    }
    out.push(row);
  }
  return out;
}

/** Evaluates the formula of a cell with the custom functions over the sheet's own values. */
function evaluate(spec: SheetSpec, a1: string): unknown {
  const f = cellAt(spec, a1)?.f;
  if (f === undefined) throw new Error(`no formula in ${a1}`);
  const m = /^=AR\.(\w+)\((.*)\)$/.exec(f)!;
  const refs = m[2].split(",");
  const values = grid(spec);
  const args = refs.map((ref) => block(values, ref));
  // The score a grade or limit formula reads is itself a formula: computed first, as Excel would.
  const score = (): unknown[][] => [[evaluate(spec, refs[0])]];
  switch (m[1]) {
    case "CREDIT_SCORE":
      return creditScoreFn(args[0], args[1], args[2]);
    case "CREDIT_GRADE":
      return creditGradeFn(score(), args[1])[0][0];
    case "SUGGESTED_LIMIT":
      return suggestedLimitFn(score(), args[1], args[2])[0][0];
    default:
      throw new Error(f);
  }
}

describe("scoreForm (POLICY §5.1: option 1/2/3 score 90/70/50 at their mids, don't know 60)", () => {
  test("one rater, option 1 everywhere: 90; option 3: 50; don't know: 60", () => {
    expect(scoreForm(formOf(opt(1)), P).score).toBe("90");
    expect(scoreForm(formOf(opt(3)), P).score).toBe("50");
    expect(scoreForm(formOf(opt("dont-know")), P).score).toBe("60");
  });

  test("mixed: item 24 (10%) option 3, item 27 (8%) don't know, the rest option 1 = 90 − 0.10×40 − 0.08×30 = 83.6", () => {
    const s = scoreForm(mixedForm(), P);
    expect(s.score).toBe("83.6");
    expect(s.perRater).toEqual(["83.6"]);
    expect(s.problems).toEqual([]);
  });

  test("two raters: the plain mean, (90 + 70) / 2 = 80", () => {
    const s = scoreForm(formOf(opt(1), opt(2)), P);
    expect(s.score).toBe("80");
    expect(s.perRater).toEqual(["90", "70"]);
    expect(s.weighted).toBe(false);
  });

  test("rater weights 3 and 1: (3×90 + 1×70) / 4 = 85", () => {
    const form = formOf(opt(1), opt(2));
    form.raters[0].weight = "3";
    form.raters[1].weight = "１"; // full-width, as an IME may type it
    const s = scoreForm(form, P);
    expect(s.weighted).toBe(true);
    expect(s.score).toBe("85");
  });

  test("an exact score of 85 on item 1 (2%), the rest option 1: 90 − 0.02×5 = 89.9", () => {
    const form = formOf(opt(1));
    form.raters[0].answers[0] = opt(1, "85");
    expect(scoreForm(form, P).score).toBe("89.9");
  });

  test("grade and suggested limit: 83.6 is AA (80–90), factor 0.8 of a contract value of 1,000,000 = 800,000.00", () => {
    const form = mixedForm();
    form.header.contractValue = "1,000,000";
    const s = scoreForm(form, P);
    expect([s.grade, s.limit, s.contractValue]).toEqual(["AA", "800000.00", "1000000"]);
    expect(s.gradeLabel?.["zh-CN"]).toContain("AA");
    form.header.contractValue = "120万"; // 1,200,000 × 0.8
    expect(scoreForm(form, P).limit).toBe("960000.00");
    form.header.contractValue = "";
    expect(scoreForm(form, P)).toMatchObject({ limit: null, contractValue: null, grade: "AA", problems: [] });
  });

  test("blank answers are scored as don't know and listed, per rater", () => {
    const form = formOf(opt(1), opt(1));
    form.raters[1].answers[23] = opt(null); // item 24, 10%: 90 − 0.10×30 = 87 for rater 2
    const s = scoreForm(form, P);
    expect(s.unanswered).toEqual([24]);
    expect(s.unansweredByRater).toEqual([[], [24]]);
    expect(s.answered).toBe(63);
    expect(s.perRater).toEqual(["90", "87"]);
    expect(s.score).toBe("88.5");
  });

  test("problems are listed, naming rater and item, never thrown; the score waits for them", () => {
    const form = formOf(opt(1), opt(1));
    form.raters[0].name = "张三";
    form.raters[0].answers[0] = opt(2, "85"); // 85 is not inside option 2's 60–80
    form.raters[1].answers[7] = opt(1, "八十"); // not a number
    const s = scoreForm(form, P);
    expect(s.score).toBeNull();
    expect(s.grade).toBeNull();
    expect(s.perRater).toEqual([null, null]);
    expect(s.problems.map((p) => [p.rater, p.item, p.field])).toEqual([
      [1, 1, "answer"],
      [2, 8, "answer"],
    ]);
    expect(s.problems[0].message["zh-CN"]).toBe("评分人“张三”（第 1 位）第 1 项“客户经营规范性”的分数 85 不在所选选项“一般”的区间 60–80 内。");
    expect(s.problems[0].message["en-US"]).toContain(`Rater "张三" (no. 1), item 1 "How properly the customer's business is run": the score 85 is outside the range 60–80`);
    expect(s.problems[1].message["zh-CN"]).toBe("第 2 位评分人第 8 项“客户财务管理和信用管理”的分数“八十”不是数字。");
  });

  test("a score with don't know, or in no range without an option, is a problem", () => {
    const form = formOf(opt(1));
    form.raters[0].answers[2] = opt("dont-know", "60");
    form.raters[0].answers[3] = opt(null, "30");
    const s = scoreForm(form, P);
    expect(s.problems.map((p) => p.item)).toEqual([3, 4]);
    // A score without an option, inside a range, is that range's answer: 90 − 0.02×5 = 89.9.
    form.raters[0].answers[2] = opt(1);
    form.raters[0].answers[3] = opt(null, "85");
    expect(scoreForm(form, P)).toMatchObject({ score: "89.9", problems: [] });
  });

  test("rater weights: every rater needs one once any has one; numbers, not negative, not all 0", () => {
    const form = formOf(opt(1), opt(2), opt(3));
    form.raters[0].weight = "2";
    form.raters[1].weight = "abc";
    form.raters[2].weight = null;
    let s = scoreForm(form, P);
    expect(s.score).toBeNull();
    expect(s.problems.map((p) => [p.rater, p.field])).toEqual([
      [2, "rater-weight"],
      [3, "rater-weight"],
    ]);
    expect(s.problems[1].message["en-US"]).toBe("Rater 3 has no weight: give every rater a weight, or none.");
    form.raters[1].weight = "-1";
    form.raters[2].weight = "1";
    expect(scoreForm(form, P).problems.map((p) => p.message["zh-CN"])).toEqual(["第 2 位评分人的权重 -1 为负数。"]);
    form.raters.forEach((r) => (r.weight = "0"));
    s = scoreForm(form, P);
    expect(s.problems.map((p) => [p.field, p.message["en-US"]])).toEqual([["rater-weight", "All rater weights are 0."]]);
  });

  test("a weighted-mean policy needs rater weights for several raters", () => {
    const weighted = loadPolicy({ credit: { raterCombination: "weighted-mean" } });
    expect(scoreForm(formOf(opt(1)), weighted).score).toBe("90");
    const s = scoreForm(formOf(opt(1), opt(2)), weighted);
    expect(s.score).toBeNull();
    expect(s.problems.map((p) => p.field)).toEqual(["rater-weight"]);
  });

  test("a bad contract value is a problem for the limit only", () => {
    const form = mixedForm();
    form.header.contractValue = "about a million";
    let s = scoreForm(form, P);
    expect([s.score, s.grade, s.limit]).toEqual(["83.6", "AA", null]);
    expect(s.problems.map((p) => [p.field, p.message["en-US"]])).toEqual([["contract-value", `Cannot read the contract value "about a million".`]]);
    form.header.contractValue = "-5";
    s = scoreForm(form, P);
    expect(s.problems.map((p) => p.message["zh-CN"])).toEqual(["合同金额 -5 为负数。"]);
  });

  test("a form of the wrong shape is a problem, not an exception", () => {
    const form = formOf(opt(1));
    form.raters[0].answers.pop();
    expect(scoreForm(form, P).problems.map((p) => p.message["en-US"])).toEqual(["Rater 1 has 31 answers; the questionnaire has 32 items."]);
    expect(scoreForm({ ...form, raters: [] }, P).problems.map((p) => p.field)).toEqual(["raters"]);
  });
});

describe("answer cells", () => {
  test("answerCellValue: the exact score, else the option's code, ? for don't know, null when unanswered", () => {
    expect(answerCellValue(opt(1))).toBe(1);
    expect(answerCellValue(opt(3))).toBe(3);
    expect(answerCellValue(opt("dont-know"))).toBe("?");
    expect(answerCellValue(opt(null))).toBeNull();
    expect(answerCellValue(opt(1, "85"))).toBe(85);
    expect(answerCellValue(opt(2, " 61.5 "))).toBe(61.5);
    expect(answerCellValue(opt(null, "85"))).toBe(85);
    // Not written as scores: text, a whole 1–4 (a cell reads it as a code), a score with don't know.
    expect(answerCellValue(opt(1, "abc"))).toBe(1);
    expect(answerCellValue(opt(2, "3"))).toBe(2);
    expect(answerCellValue(opt("dont-know", "60"))).toBe("?");
    expect(answerCellValue(opt(null, "x"))).toBeNull();
  });

  test("formAnswerOf reads codes, text, exact scores and blanks", () => {
    expect(formAnswerOf(1, 1, P)).toEqual(opt(1));
    expect(formAnswerOf(1, "2", P)).toEqual(opt(2));
    expect(formAnswerOf(1, "较差", P)).toEqual(opt(3));
    expect(formAnswerOf(1, 4, P)).toEqual(opt("dont-know"));
    expect(formAnswerOf(1, "?", P)).toEqual(opt("dont-know"));
    expect(formAnswerOf(1, "不知道", P)).toEqual(opt("dont-know"));
    expect(formAnswerOf(1, 85, P)).toEqual(opt(1, "85"));
    expect(formAnswerOf(1, 61.5, P)).toEqual(opt(2, "61.5"));
    expect(formAnswerOf(1, "", P)).toEqual(opt(null));
    expect(formAnswerOf(1, null, P)).toEqual(opt(null));
    // 80 tops option 2's range and starts option 1's: read as option 1, the score unchanged.
    expect(formAnswerOf(1, answerCellValue(opt(2, "80")), P)).toEqual(opt(1, "80"));
  });

  test("formAnswerOf throws the core's ArError for anything else", () => {
    for (const bad of ["maybe", 30, true, 101]) expect(thrown(() => formAnswerOf(8, bad, P)).id).toBe("credit.answer");
  });
});

describe("questionnaireSheet", () => {
  test("layout for one rater: fields, table, results; formulas over exactly the answer and weight blocks", () => {
    const form = mixedForm();
    form.header.contractValue = "1,000,000";
    form.header.surveyDate = "2024-05-01";
    const { spec, cells, score } = questionnaireSheet(form, P, "zh-CN", "甲-调查表");
    // Rows (1-based): 1 title, 2 meta, 3–11 nine field rows, 12 table header, 13–44 the 32 items,
    // 45 rater weights, 46 each rater's score, 47 legend, 48 score, 49 grade, 50 limit.
    // Columns: A no, B group, C item, D weight, E–G options 1–3, H the rater.
    expect(cells).toEqual({
      score: "D48",
      grade: "D49",
      limit: "D50",
      contractValue: "G11",
      answers: "H13:H44",
      weights: "D13:D44",
      raterWeights: null,
      perRater: ["H46"],
      grades: null,
    });
    expect(spec.rows[0].cells[0]?.v).toBe("客户情况调查表");
    expect(spec.rows[11].cells.map((c) => c?.v)).toEqual(["序号", "类别", "项目", "权重", "选项1（80–100分）", "选项2（60–80分）", "选项3（40–60分）", "评分人1"]);
    expect(spec.rows[12].cells.map((c) => c?.v)).toEqual([1, "公司表面现象", "客户经营规范性", 0.02, "较好", "一般", "较差", 1]);
    expect(spec.rows[13].cells[1]?.v).toBeNull(); // the group shows on its first item only
    expect(spec.rows[35].cells.map((c) => c?.v)).toEqual([24, "交易", "此交易产生的利润", 0.1, "超过平均利润", "平均利润", "低于平均利润", 3]);
    expect(spec.rows[38].cells[7]).toEqual({ v: "?", t: "text" });
    expect(spec.rows[12].cells[3]?.t).toBe("percent");
    expect(cellAt(spec, "D48")).toEqual({ v: 83.6, t: "decimal", style: "total", f: "=AR.CREDIT_SCORE(H13:H44,D13:D44)" });
    expect(cellAt(spec, "D49")).toEqual({ v: "AA", t: "text", style: "total", f: "=AR.CREDIT_GRADE(D48)" });
    expect(cellAt(spec, "D50")).toEqual({ v: 800000, t: "money", exact: "800000.00", style: "total", f: "=AR.SUGGESTED_LIMIT(D48,G11)" });
    expect(cellAt(spec, "G11")).toEqual({ v: 1000000, t: "money", exact: "1000000" });
    expect(cellAt(spec, "E11")?.v).toBe("合同金额（元）");
    expect(spec.rows[1].cells.map((c) => c?.v)).toEqual(["调查单位：（请填写公司名称）", undefined, undefined, undefined, "调查日期", undefined, "2024-05-01"]);
    expect(score.score).toBe("83.6");
    const texts = spec.rows.flatMap((r) => r.cells.map((c) => c?.v)).filter((v): v is string => typeof v === "string");
    expect(texts.some((t) => t.startsWith("填写说明：1、2、3 表示第一、二、三个选项") && t.includes("（80–100、60–80、40–60）"))).toBe(true);
    for (const sig of ["调查人（经营部）", "财务部审核", "总经理审批"]) expect(texts.some((t) => t.startsWith(sig))).toBe(true);
    expect(spec.print).toEqual({ paper: "A4", orientation: "portrait", fitToWidth: true, printTitleRows: { first: 11, last: 11 } });
    expect(spec.columns).toHaveLength(8);
  });

  test("the formulas compute, with the custom functions over the sheet's own cells, what the pane shows", () => {
    const form = mixedForm();
    form.header.contractValue = "1,000,000";
    const { spec, cells } = questionnaireSheet(form, P, "en-US", "x");
    expect(evaluate(spec, cells.score)).toBe(83.6);
    expect(evaluate(spec, cells.grade)).toBe("AA");
    expect(evaluate(spec, cells.limit)).toBe(800000);
    expect(evaluate(spec, cells.perRater[0])).toBe(83.6);
  });

  test("three raters with weights: the rater columns H–J and the rater-weights row as the third argument", () => {
    const form = formOf(opt(1), opt(2), opt(3));
    form.raters[0].name = "张三";
    [form.raters[0].weight, form.raters[1].weight, form.raters[2].weight] = ["2", "1", "1"];
    form.header.contractValue = "500000";
    const { spec, cells, score } = questionnaireSheet(form, P, "zh-CN", "x");
    expect(cells).toMatchObject({ answers: "H13:J44", weights: "D13:D44", raterWeights: "H45:J45", perRater: ["H46", "I46", "J46"], score: "D48", contractValue: "G11" });
    expect(cellAt(spec, "D48")?.f).toBe("=AR.CREDIT_SCORE(H13:J44,D13:D44,H45:J45)");
    expect(cellAt(spec, "I46")?.f).toBe("=AR.CREDIT_SCORE(I13:I44,D13:D44)");
    expect(spec.rows[11].cells.slice(7).map((c) => c?.v)).toEqual(["张三", "评分人2", "评分人3"]);
    expect(spec.rows[44].cells.slice(7).map((c) => c?.v)).toEqual([2, 1, 1]);
    // (2×90 + 70 + 50) / 4 = 75 → A (70–80), factor 0.6 of 500,000 = 300,000.00
    expect([score.score, score.grade, score.limit]).toEqual(["75", "A", "300000.00"]);
    expect(evaluate(spec, cells.score)).toBe(75);
    expect(evaluate(spec, cells.grade)).toBe("A");
    expect(evaluate(spec, cells.limit)).toBe(300000);
    expect(spec.columns).toHaveLength(10);
  });

  test("three raters without weights: the blank weights row is still passed, so weights typed on the sheet later count", () => {
    const { spec, cells } = questionnaireSheet(formOf(opt(1), opt(2), opt(3)), P, "zh-CN", "x");
    expect(cells.raterWeights).toBe("H45:J45");
    expect(cellAt(spec, cells.score)?.f).toBe("=AR.CREDIT_SCORE(H13:J44,D13:D44,H45:J45)");
    expect(spec.rows[44].cells.slice(7).map((c) => c?.v)).toEqual([null, null, null]);
    // Blank weights: the plain mean (90 + 70 + 50) / 3 = 70.
    expect(evaluate(spec, cells.score)).toBe(70);
    // Someone weighs the raters on the printed sheet, 3 : 1 : 0: (3×90 + 70) / 4 = 85.
    spec.rows[44].cells[7] = { v: 3, t: "number" };
    spec.rows[44].cells[8] = { v: 1, t: "number" };
    spec.rows[44].cells[9] = { v: 0, t: "number" };
    expect(evaluate(spec, cells.score)).toBe(85);
  });

  test("a formula-looking customer name stays a text cell, without a formula", () => {
    const form = formOf(opt(1));
    form.header.customer = "=cmd|' /C calc'!A0";
    form.raters[0].name = "=HYPERLINK(\"x\")";
    const { spec } = questionnaireSheet(form, P, "zh-CN", "x");
    expect(cellAt(spec, "C3")).toEqual({ v: "=cmd|' /C calc'!A0", t: "text", style: "wrap" });
    expect(cellAt(spec, "H12")).toEqual({ v: "=HYPERLINK(\"x\")", t: "text", style: "header" });
    const formulas = spec.rows.flatMap((r) => r.cells.filter((c) => c?.f !== undefined).map((c) => c!.f));
    expect(formulas.every((f) => f!.startsWith("=AR."))).toBe(true);
  });

  test("a policy with its own grades puts them on the sheet for the grade and limit formulas", () => {
    const policy = loadPolicy({
      credit: {
        grades: [
          { grade: "甲", minScore: 85, label: { "zh-CN": "甲级", "en-US": "Class 1" }, limitFactor: "1" },
          { grade: "乙", minScore: 60, label: { "zh-CN": "乙级", "en-US": "Class 2" }, limitFactor: "0.5" },
          { grade: "丙", minScore: 0, label: { "zh-CN": "丙级", "en-US": "Class 3" }, limitFactor: "0" },
        ],
      },
    });
    const form = mixedForm();
    form.header.contractValue = "1000000";
    const { spec, cells, score } = questionnaireSheet(form, policy, "zh-CN", "x");
    // Results on rows 48–50, a blank row, the table's heading and header, then its rows 54–56.
    expect(cells.grades).toBe("A54:C56");
    expect(cellAt(spec, cells.grade)?.f).toBe("=AR.CREDIT_GRADE(D48,A54:C56)");
    expect(cellAt(spec, cells.limit)?.f).toBe("=AR.SUGGESTED_LIMIT(D48,G11,A54:C56)");
    expect([score.grade, score.limit]).toEqual(["乙", "500000.00"]);
    expect(evaluate(spec, cells.grade)).toBe("乙");
    expect(evaluate(spec, cells.limit)).toBe(500000);
    expect(spec.rows.filter((r) => r.kind === "note").map((r) => r.cells[0]?.v)).toContain("信用等级标准与额度系数为本公司设定（制度参数 credit.grades）。");
  });

  test("grades and limit factors the seeds do not give are labelled product defaults on the sheet (004 四.第七条)", () => {
    const { spec } = questionnaireSheet(mixedForm(), P, "en-US", "x");
    expect(spec.rows.filter((r) => r.kind === "note").map((r) => r.cells[0]?.v)).toContain(
      "The grade bands and limit factors (suggested limit = contract value × limit factor) are product defaults, not stated by the policy (004 四.第七条 only scales the limit to the size of the work); change them on the policy sheet (credit.grades).",
    );
    expect(P.credit.grades.every((g) => g.label["zh-CN"].includes("产品默认"))).toBe(true);
  });

  test("a form of the wrong shape throws", () => {
    expect(thrown(() => questionnaireSheet({ ...formOf(opt(1)), raters: [] }, P, "zh-CN", "x")).id).toBe("credit-form.raters");
    expect(thrown(() => emptyForm(P, MAX_RATERS + 1)).id).toBe("credit-form.raters");
    expect(emptyForm(P, MAX_RATERS).raters).toHaveLength(MAX_RATERS);
  });
});

describe("questionnaireSheetName", () => {
  test("customer-title, unique as Excel compares names", () => {
    expect(questionnaireSheetName("甲公司", "zh-CN", [])).toBe("甲公司-调查表");
    expect(questionnaireSheetName("甲公司", "zh-CN", ["甲公司-调查表"])).toBe("甲公司(2)-调查表");
    expect(questionnaireSheetName("ACME", "en-US", ["acme-questionnaire"])).toBe("ACME(2)-Questionnaire");
    expect(questionnaireSheetName("  ", "zh-CN", [])).toBe("未填客户-调查表");
    expect(questionnaireSheetName("a/b:c", "zh-CN", []).length).toBeLessThanOrEqual(31);
  });
});

describe("readQuestionnaireSheet", () => {
  test("an unreadable answer cell is a problem naming the cell; the rest still reads", () => {
    const form = mixedForm();
    form.header.customer = "甲公司";
    const { spec } = questionnaireSheet(form, P, "zh-CN", "甲公司-调查表");
    const values = grid(spec);
    values[19][7] = "maybe"; // H20: item 8
    values[20][7] = 30; // H21: item 9, a score in no range
    const read = readQuestionnaireSheet("甲公司-调查表", values, P)!;
    expect(read.problems.map((p) => [p.cell, p.row, p.col])).toEqual([
      ["甲公司-调查表!H20", 19, 7],
      ["甲公司-调查表!H21", 20, 7],
    ]);
    expect(read.problems[0].message["zh-CN"]).toContain("第 1 位评分人：第 8 项“客户财务管理和信用管理”的回答“maybe”无法识别");
    expect(read.problems[1].message["en-US"]).toContain("The score 30 for item 9");
    const answers = read.form.raters[0].answers;
    expect(answers[7]).toEqual(opt(null));
    expect(answers[8]).toEqual(opt(null));
    expect(answers[23]).toEqual(opt(3));
    expect(answers[26]).toEqual(opt("dont-know"));
    expect(read.form.header.customer).toBe("甲公司");
  });

  test("not a questionnaire: null", () => {
    expect(readQuestionnaireSheet("台账", [["客户名称", "余额"], ["甲", 1]], P)).toBeNull();
    expect(readQuestionnaireSheet("空", [], P)).toBeNull();
    expect(readQuestionnaireSheet("x", [["客户情况调查表"], ["no table"]], P)).toBeNull();
  });

  test("user edits around the form are tolerated: a row inserted in the table, notes, colons after labels", () => {
    const form = formOf(opt(2));
    form.header.customerCode = "C-001";
    const { spec } = questionnaireSheet(form, P, "en-US", "x");
    const values = grid(spec);
    values[2][4] = "Customer no.:"; // a colon typed after the label
    values[15].push("", "", "a note to the right");
    values.splice(20, 0, ["checked by 李四", "", "", "", "", "", "", "remark"]); // inserted among the items
    values.push([], ["handwritten note"]);
    const read = readQuestionnaireSheet("x", values, P)!;
    expect(read.problems).toEqual([]);
    expect(read.form).toEqual(form);
  });

  test("a weight on the sheet that is not the policy's is reported (the pane scores with the policy's)", () => {
    const { spec } = questionnaireSheet(formOf(opt(1)), P, "zh-CN", "x");
    const values = grid(spec);
    values[12][3] = 0.05; // D13: item 1 is 2%
    const read = readQuestionnaireSheet("x", values, P)!;
    expect(read.problems.map((p) => [p.cell, p.message["zh-CN"]])).toEqual([["x!D13", "第 1 项的权重“0.05”与制度的 2% 不同；评分按制度的权重计算。"]]);
  });

  test("a missing item row is reported and read as unanswered", () => {
    const { spec } = questionnaireSheet(formOf(opt(1)), P, "zh-CN", "x");
    const values = grid(spec);
    values.splice(14, 1); // item 3's row
    const read = readQuestionnaireSheet("x", values, P)!;
    expect(read.problems.map((p) => p.cell)).toEqual(["x!A15"]);
    expect(read.form.raters[0].answers[2]).toEqual(opt(null));
  });

  test("round trip: form → sheet values → form, for any answers, raters and header text", () => {
    const ranges = P.credit.answerScores;
    // An exact score the cell reads back as the same option: a bound shared with a better option's range is left out.
    const exactScore = (option: 1 | 2 | 3) =>
      fc.integer({ min: ranges[option - 1].min * 10, max: ranges[option - 1].max * 10 - (option === 1 ? 0 : 1) }).map((n) => String(n / 10));
    const answer: fc.Arbitrary<FormAnswer> = fc.oneof(
      fc.constant(opt(null)),
      fc.constant(opt("dont-know")),
      fc.constantFrom<1 | 2 | 3>(1, 2, 3).map((o) => opt(o)),
      fc.constantFrom<1 | 2 | 3>(1, 2, 3).chain((o) => exactScore(o).map((s) => opt(o, s))),
    );
    const text = fc.oneof(fc.string(), fc.constantFrom("=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "  ", "客户名称", "Survey date", "序号"));
    const contract = fc.oneof(
      fc.constant(""),
      fc.constantFrom("about a million", "=1+1"),
      fc.bigInt({ min: 0n, max: 10n ** 13n }).map((fen) => {
        const s = (fen / 100n).toString().replace(/\B(?=(\d{3})+$)/g, ",");
        return `${s}.${(fen % 100n).toString().padStart(2, "0")}`;
      }),
    );
    const header = fc.record({
      customer: text,
      customerCode: text,
      address: text,
      companyPostcode: text,
      companyPhone: text,
      projectPostcode: text,
      projectPhone: text,
      legalRepresentative: text,
      generalManager: text,
      mainContact: text,
      projectManager: text,
      otherContacts: text,
      licenceNo: text,
      registeredCapital: text,
      projectStatus: text,
      contractValue: contract,
      surveyDate: fc.oneof(fc.constant(""), fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
    });
    const rater = fc.record({
      name: fc.oneof(fc.constant(""), text),
      weight: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1000 }).map((n) => String(n / 4)), fc.constant("abc")),
      answers: fc.array(answer, { minLength: ITEMS, maxLength: ITEMS }),
    });
    const form = fc.record({ header, raters: fc.array(rater, { minLength: 1, maxLength: MAX_RATERS }) });
    fc.assert(
      fc.property(form, fc.constantFrom<Lang>("zh-CN", "en-US"), (f, lang) => {
        const { spec } = questionnaireSheet(f, P, lang, "x");
        const read = readQuestionnaireSheet("x", grid(spec), P);
        // A blank name prints as "评分人N" / "Rater N" and reads back blank.
        const expected = { ...f, raters: f.raters.map((r, i) => ({ ...r, name: r.name.trim() === "" || r.name === `评分人${i + 1}` || r.name === `Rater ${i + 1}` ? "" : r.name })) };
        expect(read?.problems).toEqual([]);
        expect(read?.form).toEqual(expected);
        // The sheet's formula values are the pane's.
        expect(cellAt(spec, "D48")?.v).toBe(((s) => (s === null ? null : Number(s)))(scoreForm(f, P).score));
      }),
      { numRuns: 150 },
    );
  });
});

describe("a policy that scores answers differently from CREDIT_SCORE's defaults", () => {
  // Mids 95/75/52 and don't know 40 (POLICY §5.1's ranges kept): CREDIT_SCORE cannot be told these.
  const custom: Policy = JSON.parse(JSON.stringify(P)) as Policy;
  const [a1, a2, a3] = custom.credit.answerScores;
  custom.credit.answerScores = [{ ...a1, mid: 95 }, { ...a2, mid: 75 }, { ...a3, mid: 52 }];
  custom.credit.dontKnowScore = 40;

  test("the scores are written as the policy's figures, not as formulas that would disagree, and the note says so", () => {
    expect(sameAnswerScores(P)).toBe(true);
    expect(sameAnswerScores(custom)).toBe(false);
    const { spec, cells } = questionnaireSheet(formOf(opt(1), opt("dont-know")), custom, "zh-CN", "x");
    // (95 + 40) / 2 = 67.5
    expect(cellAt(spec, cells.score)).toMatchObject({ v: 67.5 });
    expect(cellAt(spec, cells.score)?.f).toBeUndefined();
    for (const a of cells.perRater) expect(cellAt(spec, a)?.f).toBeUndefined();
    expect(cellAt(spec, cells.grade)?.f).toBe(`=AR.CREDIT_GRADE(${cells.score})`);
    expect(spec.rows.some((r) => r.cells.some((c) => typeof c?.v === "string" && c.v.includes("而非公式")))).toBe(true);
  });
});

test("the saved questionnaire says which unanswered items were scored as don't know (issue 18.5)", () => {
  const { unansweredNote } = jest.requireActual("../../../src/core/credit-forms/questionnaire/sheet") as typeof import("../../../src/core/credit-forms/questionnaire/sheet");
  expect(unansweredNote([5, 9], DEFAULT_POLICY, "zh-CN")).toBe("未回答 2 项（第 5、9 项），按“不知道”计 60 分。");
  expect(unansweredNote([5], DEFAULT_POLICY, "en-US")).toBe("1 item was left unanswered (no. 5), scored as don't know (60). ");
  expect(unansweredNote([], DEFAULT_POLICY, "zh-CN")).toBe("");
});
