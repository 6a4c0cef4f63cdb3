/**
 * Questionnaires and supplier letters through the gateway, on the in-memory Excel that runs the
 * add-in's own AR.* functions: a saved questionnaire's live =AR.CREDIT_SCORE gives the score worked
 * out by hand from POLICY §5.1; it loads back into the same form; a re-save asks before replacing
 * a sheet someone edited; a sheet the add-in did not make is never overwritten; a supplier
 * letter's replies go into its reply cells only.
 */
import { createFakeExcel, type FakeExcel } from "../../src/preview/fake-excel";
import type { FakeWorkbookData } from "../../src/preview/fake-excel/data";
import sample from "../../src/preview/sample-workbook.json";
import { fromYmd } from "../../src/core/calendar";
import { emptyForm, type QuestionnaireForm } from "../../src/core/credit-forms/questionnaire";
import { DEFAULT_POLICY } from "../../src/core/policy/defaults";
import { creditGradeFn, creditScoreFn, suggestedLimitFn } from "../../src/functions/functions";
import { findCreditSheets, loadQuestionnaire, loadSupplierLetter, makeSupplierLetter, saveQuestionnaire, saveSupplierReplies } from "../../src/excel/credit-run";
import { runner } from "../helpers/fake-excel";

function sampleFake(): FakeExcel {
  return createFakeExcel(JSON.parse(JSON.stringify(sample)) as FakeWorkbookData, {
    functions: { "AR.CREDIT_SCORE": creditScoreFn, "AR.CREDIT_GRADE": creditGradeFn, "AR.SUGGESTED_LIMIT": suggestedLimitFn },
  });
}


/**
 * One rater: option 1 everywhere (90) except item 24 (weight 10%) option 3 (50) and item 27
 * (weight 8%) don't know (60): 90 − 0.10 × 40 − 0.08 × 30 = 83.6 → AA (80–90), limit factor 0.8,
 * so a contract of 1,000,000 gives 800,000.00.
 */
function filledForm(): QuestionnaireForm {
  const form = emptyForm(DEFAULT_POLICY, 1);
  form.header.customer = "四川华西建设集团有限公司";
  form.header.customerCode = "C002";
  form.header.contractValue = "1,000,000.00";
  form.header.surveyDate = "2011-09-05";
  form.raters[0].name = "王经理";
  form.raters[0].answers = form.raters[0].answers.map((_, i) => ({ option: i === 23 ? 3 : i === 26 ? "dont-know" : 1, score: null }));
  return form;
}

async function cell(fake: FakeExcel, sheet: string, address: string): Promise<unknown> {
  return fake.Excel.run(async (context) => {
    const r = context.workbook.worksheets.getItem(sheet).getRange(address);
    r.load("values");
    await context.sync();
    return r.values[0][0];
  });
}

test("a saved questionnaire scores itself with =AR.CREDIT_SCORE, and loads back into the same form", async () => {
  const fake = sampleFake();
  const saved = await saveQuestionnaire(runner(fake), { form: filledForm(), lang: "zh-CN", sheet: null });
  expect(saved).toEqual({ kind: "done", sheet: "四川华西建设集团有限公司-调查表" });
  const sheet = "四川华西建设集团有限公司-调查表";
  // The layout (questionnaire.ts): score D48, grade D49, limit D50, as live formulas.
  expect(fake.workbook.getSheet(sheet).cell("D48").formula).toBe("=AR.CREDIT_SCORE(H13:H44,D13:D44)");
  expect(await cell(fake, sheet, "D48")).toBeCloseTo(83.6, 10);
  expect(await cell(fake, sheet, "D49")).toBe("AA");
  expect(await cell(fake, sheet, "D50")).toBe(800000);

  const loaded = await loadQuestionnaire(runner(fake), sheet);
  expect(loaded.problems).toEqual([]);
  expect(loaded.form).toEqual(filledForm());
  expect(await findCreditSheets_(fake)).toEqual({ questionnaires: [sheet], letters: [] });

  // A rater edits an answer on the sheet: the score follows, and a save from the form asks first.
  fake.workbook.getSheet(sheet).setValues("H36", [[1]]); // item 24 back to option 1: 83.6 + 4 = 87.6
  expect(await cell(fake, sheet, "D48")).toBeCloseTo(87.6, 10);
  expect(await saveQuestionnaire(runner(fake), { form: filledForm(), lang: "zh-CN", sheet })).toEqual({ kind: "confirm", edited: [sheet] });
  expect(await cell(fake, sheet, "H36")).toBe(1);
  expect(await saveQuestionnaire(runner(fake), { form: filledForm(), lang: "zh-CN", sheet, replaceEdited: true })).toEqual({ kind: "done", sheet });
  expect(await cell(fake, sheet, "H36")).toBe(3);
});

async function findCreditSheets_(fake: FakeExcel) {
  return runner(fake)((context) => findCreditSheets(context));
}

test("a questionnaire loaded from a sheet the add-in did not make is saved beside it, never over it", async () => {
  const fake = sampleFake();
  await saveQuestionnaire(runner(fake), { form: filledForm(), lang: "zh-CN", sheet: null });
  // A colleague's copy: the same cells on a sheet the add-in never registered.
  const values = fake.workbook.getSheet("四川华西建设集团有限公司-调查表").values();
  const data = fake.workbook.toData();
  const copy = createFakeExcel({ ...data, settings: {}, sheets: [...data.sheets.filter((s) => !s.name.endsWith("调查表")), { name: "华西调查表(复制)", cells: values }] });
  const loaded = await loadQuestionnaire(runner(copy), "华西调查表(复制)");
  expect(loaded.form.header.customer).toBe("四川华西建设集团有限公司");
  const before = JSON.stringify(copy.workbook.getSheet("华西调查表(复制)").values());
  const saved = await saveQuestionnaire(runner(copy), { form: loaded.form, lang: "zh-CN", sheet: "华西调查表(复制)" });
  expect(saved).toEqual({ kind: "done", sheet: "四川华西建设集团有限公司-调查表" });
  expect(JSON.stringify(copy.workbook.getSheet("华西调查表(复制)").values())).toBe(before);
});

test("loading a sheet that is not a questionnaire says so", async () => {
  const fake = sampleFake();
  await expect(loadQuestionnaire(runner(fake), "客户档案")).rejects.toMatchObject({ code: "NotCreditSheet" });
});

test("a supplier letter: made on its own sheet, replies saved into its reply cells only, read back and scored", async () => {
  const fake = sampleFake();
  const made = await makeSupplierLetter(runner(fake), {
    customer: "四川华西建设集团有限公司",
    customerAddress: "成都市金牛区",
    supplier: "乙建材公司",
    date: fromYmd(2011, 9, 5),
    lang: "zh-CN",
  });
  expect(made.sheet).toBe("四川华西建设集团有限公司-乙建材公司-咨询函");
  expect(await findCreditSheets_(fake)).toEqual({ questionnaires: [], letters: [made.sheet] });
  const before = fake.workbook.getSheet(made.sheet).values();
  await saveSupplierReplies(runner(fake), { sheet: made.sheet, replies: [1, 4, 4, 4, 1, 1, 2] });
  const after = fake.workbook.getSheet(made.sheet).values();
  // Only D9:D15 changed.
  const changed: string[] = [];
  after.forEach((row, i) => row.forEach((v, j) => v !== (before[i]?.[j] ?? "") && changed.push(`${"ABCD"[j]}${i + 1}`)));
  expect(changed).toEqual(["D9", "D10", "D11", "D12", "D13", "D14", "D15"]);
  const read = await loadSupplierLetter(runner(fake), made.sheet);
  expect(read).toMatchObject({ customer: "四川华西建设集团有限公司", supplier: "乙建材公司", replies: [1, 4, 4, 4, 1, 1, 2], problems: [] });
});

test("saving replies writes only the ones that changed: a reply the reader could not make out stays as written", async () => {
  const fake = sampleFake();
  const made = await makeSupplierLetter(runner(fake), { customer: "甲公司", customerAddress: "", supplier: "乙公司", date: fromYmd(2011, 9, 5), lang: "zh-CN" });
  fake.workbook.getSheet(made.sheet).setValues("D9", [["准确"], ["看不清"]]);
  const read = await loadSupplierLetter(runner(fake), made.sheet);
  expect(read.replies.slice(0, 2)).toEqual([1, null]);
  expect(read.problems.map((p) => p.cell)).toEqual(["D10"]);
  // The user answers question 3 only.
  const replies = [...read.replies];
  replies[2] = 4;
  expect(await saveSupplierReplies(runner(fake), { sheet: made.sheet, replies })).toBe(1);
  const sheet = fake.workbook.getSheet(made.sheet);
  expect([sheet.cell("D9").value, sheet.cell("D10").value, sheet.cell("D11").value]).toEqual(["准确", "看不清", 4]);
});
