/**
 * The add-in's own formulas as hosts give them back (office-js #2051, #5611, #2568; the docs are
 * silent): every spelling reads as the formula written, so a saved questionnaire is not taken for
 * an edited one; and a score cell showing #NAME? or #BUSY! right after saving is said, not read as
 * a score.
 */
import { createFakeExcel, type FakeExcel } from "../../src/preview/fake-excel";
import type { FakeWorkbookData } from "../../src/preview/fake-excel/data";
import sample from "../../src/preview/sample-workbook.json";
import { emptyForm } from "../../src/core/credit-forms/questionnaire";
import { DEFAULT_POLICY } from "../../src/core/policy/defaults";
import { creditGradeFn, creditScoreFn, suggestedLimitFn } from "../../src/functions/functions";
import { saveQuestionnaire } from "../../src/excel/credit-run";
import { canonicalFormula } from "../../src/excel/formula-text";
import { ownedStates } from "../../src/excel/owned";
import { runner } from "../helpers/fake-excel";

test.each([
  ["=AR.CREDIT_SCORE(H13:H44,D13:D44)", "=AR.CREDIT_SCORE(H13:H44,D13:D44)"],
  ["=ar.credit_score(H13:H44,D13:D44)", "=AR.CREDIT_SCORE(H13:H44,D13:D44)"],
  ["=_xludf.AR.CREDIT_SCORE(H13:H44)", "=AR.CREDIT_SCORE(H13:H44)"],
  ["=_xlfn._xludf.AR.CREDIT_GRADE(D48)", "=AR.CREDIT_GRADE(D48)"],
  ["=_xldudf_AR_CREDIT_SCORE(H13:H44)", "=AR.CREDIT_SCORE(H13:H44)"],
  ["=[2]!_xldudf_AR_SUGGESTED_LIMIT(D48,C7)", "=AR.SUGGESTED_LIMIT(D48,C7)"],
  ["=IF(D48>0,_xldudf_ar_credit_grade(D48),\"ar.x(\")", "=IF(D48>0,AR.CREDIT_GRADE(D48),\"ar.x(\")"],
  ["=SUM(A1:A3)", "=SUM(A1:A3)"],
  ["ar.credit_score(", "ar.credit_score("],
])("%s reads as %s", (given, canonical) => {
  expect(canonicalFormula(given)).toBe(canonical);
});

const AR = { "AR.CREDIT_SCORE": creditScoreFn, "AR.CREDIT_GRADE": creditGradeFn, "AR.SUGGESTED_LIMIT": suggestedLimitFn };

function form() {
  const f = emptyForm(DEFAULT_POLICY, 1);
  f.header.customer = "四川华西建设集团有限公司";
  f.header.contractValue = "1,000,000.00";
  f.raters[0].answers = f.raters[0].answers.map(() => ({ option: 1, score: null }));
  return f;
}

function fake(options: Parameters<typeof createFakeExcel>[1]): FakeExcel {
  return createFakeExcel(JSON.parse(JSON.stringify(sample)) as FakeWorkbookData, options);
}

test.each([
  ["_xldudf_", (f: string) => f.replace(/AR\./g, "_xldudf_AR_")],
  ["[2]!_xldudf_", (f: string) => f.replace(/AR\./g, "[2]!_xldudf_AR_")],
  ["_xludf.", (f: string) => f.replace(/AR\./g, "_xludf.AR.")],
  ["lower case", (f: string) => f.replace(/AR\.[A-Z_]+/g, (m) => m.toLowerCase())],
])("a saved questionnaire whose formulas come back spelt %s is still the add-in's, unchanged", async (_, spelling) => {
  const f = fake({ functions: AR, formulaSpelling: spelling });
  const run = runner(f);
  const saved = await saveQuestionnaire(run, { form: form(), lang: "zh-CN", sheet: null });
  if (saved.kind !== "done") throw new Error("a new sheet never asks");
  expect(f.workbook.getSheet(saved.sheet).formulasOf("D48:D48")[0][0]).not.toBe("=AR.CREDIT_SCORE(H13:H44,D13:D44)");
  expect(await run((context) => ownedStates(context, [saved.sheet]))).toEqual({ [saved.sheet]: "unchanged" });
  // So a re-save replaces it without asking.
  expect((await saveQuestionnaire(run, { form: form(), lang: "zh-CN", sheet: saved.sheet })).kind).toBe("done");
});

test("saved before the functions have registered: the score shows #NAME?, and the outcome says so", async () => {
  const f = fake({ functions: AR });
  f.workbook.customFunctionsRegistered = false;
  const saved = await saveQuestionnaire(runner(f), { form: form(), lang: "en-US", sheet: null });
  expect(saved).toMatchObject({ kind: "done", scorePending: "#NAME?" });
});

test("saved while Excel still calculates an asynchronous function: #BUSY! is said too; a score is not", async () => {
  const busy = fake({ functions: { ...AR, "AR.CREDIT_SCORE": () => new Promise(() => undefined) } });
  expect(await saveQuestionnaire(runner(busy), { form: form(), lang: "en-US", sheet: null })).toMatchObject({ kind: "done", scorePending: "#BUSY!" });
  const ready = fake({ functions: AR });
  const saved = await saveQuestionnaire(runner(ready), { form: form(), lang: "en-US", sheet: null });
  expect(saved).not.toHaveProperty("scorePending");
});
