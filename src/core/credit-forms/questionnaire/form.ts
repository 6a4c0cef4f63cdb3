/**
 * The questionnaire's form (客户情况调查表, POLICY §5.1) as the pane edits it: header fields, raters,
 * each rater's answer per item; and an answer as it goes into a cell and comes back.
 */
import { bi, type Bilingual } from "../../../i18n/bilingual";
import { scoreAnswer } from "../../credit";
import { ArError } from "../../errors";
import { Dec, quoteInput, toHalfWidth } from "../../money";
import type { Policy } from "../../policy/types";
import type Decimal from "decimal.js";

export interface QuestionnaireHeader {
  customer: string;
  customerCode: string;
  address: string;
  companyPostcode: string;
  companyPhone: string;
  projectPostcode: string;
  projectPhone: string;
  legalRepresentative: string;
  generalManager: string;
  mainContact: string;
  projectManager: string;
  otherContacts: string;
  licenceNo: string;
  registeredCapital: string;
  projectStatus: string;
  /** Money text as typed ("1,200,000.00" / "120万"); "" if none. The basis of the suggested limit (POLICY §5). */
  contractValue: string;
  /** ISO yyyy-mm-dd or "". */
  surveyDate: string;
}

/** 1/2/3: the option (best first); "dont-know"; null: unanswered. */
export type FormOption = 1 | 2 | 3 | "dont-know" | null;

/** score: an exact score inside the option's range, as typed ("85"); null when the option's mid is meant. */
export interface FormAnswer {
  option: FormOption;
  score: string | null;
}

/** weight: the rater's weight for a weighted mean, as typed; null when none. answers: one per policy item. */
export interface Rater {
  name: string;
  weight: string | null;
  answers: FormAnswer[];
}

export interface QuestionnaireForm {
  header: QuestionnaireHeader;
  /** 1..MAX_RATERS. */
  raters: Rater[];
}

/** POLICY §5.1 names several insiders who may each fill the form; six columns still print on A4. */
export const MAX_RATERS = 6;

export type HeaderKey = keyof QuestionnaireHeader;

/** The header fields' labels, one declaration for the sheet and the reader (POLICY §5.1 header fields). */
export const FIELD_LABELS: Readonly<Record<HeaderKey, Bilingual>> = {
  customer: bi("客户名称", "Customer"),
  customerCode: bi("客户编号", "Customer no."),
  address: bi("地址", "Address"),
  companyPostcode: bi("公司邮编", "Company post code"),
  companyPhone: bi("公司电话", "Company phone"),
  projectPostcode: bi("项目部邮编", "Project office post code"),
  projectPhone: bi("项目部电话", "Project office phone"),
  legalRepresentative: bi("法定代表人", "Legal representative"),
  generalManager: bi("总经理", "General manager"),
  mainContact: bi("主要联系人", "Main contact"),
  projectManager: bi("项目经理", "Project manager"),
  otherContacts: bi("其他主要联系人及联系方式", "Other key contacts and their details"),
  licenceNo: bi("营业执照号码", "Business licence no."),
  registeredCapital: bi("注册资本", "Registered capital"),
  projectStatus: bi("项目情况", "Project status"),
  contractValue: bi("合同金额（元）", "Contract value (CNY)"),
  surveyDate: bi("调查日期", "Survey date"),
};

export const HEADER_KEYS = Object.keys(FIELD_LABELS) as HeaderKey[];

/** The field rows under the meta line: two label/value pairs a row, or one field across the page. */
export const FIELD_ROWS: readonly (readonly HeaderKey[])[] = [
  ["customer", "customerCode"],
  ["address"],
  ["companyPostcode", "companyPhone"],
  ["projectPostcode", "projectPhone"],
  ["legalRepresentative", "generalManager"],
  ["mainContact", "projectManager"],
  ["otherContacts"],
  ["licenceNo", "registeredCapital"],
  ["projectStatus", "contractValue"],
];

/** The sheet's title, in A1: how a questionnaire sheet is recognised. */
export const QUESTIONNAIRE_TITLE: Bilingual = bi("客户情况调查表", "Customer questionnaire");

export const L = {
  title: QUESTIONNAIRE_TITLE,
  sheetTitle: bi("调查表", "Questionnaire"),
  unnamedCustomer: bi("未填客户", "Unnamed"),
  company: bi("调查单位：", "Surveyed by: "),
  no: bi("序号", "No."),
  group: bi("类别", "Group"),
  item: bi("项目", "Item"),
  weight: bi("权重", "Weight"),
  option: bi("选项{n}（{min}–{max}分）", "Answer {n} ({min}–{max})"),
  rater: bi("评分人{n}", "Rater {n}"),
  raterWeights: bi("评分人权重", "Rater weights"),
  customScores: bi(
    "注意：本工作簿制度参数中的选项分值或“不知道”分值与 AR.CREDIT_SCORE 的内置默认值不同，因此本表的评分为保存时按制度计算的数值，而非公式；修改回答后请在任务窗格中载入本表并重新保存。",
    "Note: this workbook's policy scores the answers (or \"don't know\") differently from AR.CREDIT_SCORE's built-in defaults, so the scores on this sheet are the policy's figures at the time of saving, not formulas; after changing an answer, load the sheet in the task pane and save it again.",
  ),
  raterScores: bi("各评分人得分", "Each rater's score"),
  score: bi("综合评分", "Credit score"),
  grade: bi("信用等级", "Credit grade"),
  limit: bi("建议信用额度（元）", "Suggested credit limit (CNY)"),
  gradeTable: bi("信用等级标准（建议信用额度 = 合同金额 × 额度系数）", "Credit grades (suggested limit = contract value × limit factor)"),
  gradeColumns: [bi("等级", "Grade"), bi("最低分", "Min. score"), bi("额度系数", "Limit factor"), bi("说明", "Meaning")] as const,
  // POLICY §5 / 004 四.第七条: finance proposes a grade and a limit "根据工程量大小", no bands, no formula.
  gradesDefault: bi(
    "信用等级标准与额度系数（建议信用额度 = 合同金额 × 额度系数）为产品默认，制度原文未规定（004 四.第七条只要求根据工程量大小确定信用额度）；可在制度参数表 credit.grades 中修改。",
    "The grade bands and limit factors (suggested limit = contract value × limit factor) are product defaults, not stated by the policy (004 四.第七条 only scales the limit to the size of the work); change them on the policy sheet (credit.grades).",
  ),
  gradesCompany: bi("信用等级标准与额度系数为本公司设定（制度参数 credit.grades）。", "The grade bands and limit factors are the company's own (policy field credit.grades)."),
  signatures: [
    bi("调查人（经营部）：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿", "Surveyed by (Operations): ________________    Date: ____________"),
    bi("财务部审核：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿", "Reviewed by Finance: ________________    Date: ____________"),
    bi("总经理审批：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿", "Approved by the General Manager: ________________    Date: ____________"),
  ] as const,
};

function formError(id: string, zh: string, en: string): ArError {
  return new ArError(id, bi(zh, en));
}

export function checkShape(form: QuestionnaireForm, policy: Policy): void {
  const n = form.raters.length;
  if (n < 1 || n > MAX_RATERS) {
    throw formError("credit-form.raters", `调查表应有 1–${MAX_RATERS} 位评分人，现有 ${n} 位。`, `A questionnaire has 1–${MAX_RATERS} raters, not ${n}.`);
  }
  const items = policy.credit.items.length;
  form.raters.forEach((r, i) => {
    if (r.answers.length !== items) {
      throw formError("credit-form.answers", `第 ${i + 1} 位评分人有 ${r.answers.length} 个回答，调查表共 ${items} 项。`, `Rater ${i + 1} has ${r.answers.length} answers; the questionnaire has ${items} items.`);
    }
  });
}

export function emptyForm(policy: Policy, raters = 1): QuestionnaireForm {
  if (!Number.isInteger(raters) || raters < 1 || raters > MAX_RATERS) {
    throw formError("credit-form.raters", `调查表应有 1–${MAX_RATERS} 位评分人，不是 ${quoteInput(raters)} 位。`, `A questionnaire has 1–${MAX_RATERS} raters, not ${quoteInput(raters)}.`);
  }
  const header = Object.fromEntries(HEADER_KEYS.map((k) => [k, ""])) as unknown as QuestionnaireHeader;
  return {
    header,
    raters: Array.from({ length: raters }, () => ({ name: "", weight: null, answers: policy.credit.items.map(() => ({ option: null, score: null })) })),
  };
}

/** A plain decimal as typed (full-width digits allowed), or "blank", or "invalid". */
export function decimalOf(text: string | null): Decimal | "blank" | "invalid" {
  if (text === null) return "blank";
  const t = toHalfWidth(text).trim();
  if (t === "") return "blank";
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? new Dec(t) : "invalid";
}

/** A whole number 1–4 in an answer cell reads as an option code (or don't know), never as a score. */
export function readsAsCode(d: Decimal): boolean {
  return d.isInteger() && d.gte(1) && d.lte(4);
}

/**
 * What goes in a rater's answer cell: the exact score as a number if given, else 1/2/3, "?" for
 * don't know, null for unanswered. An exact score that is not a number, or that a cell would
 * read as an option code (a whole 1–4), or that comes with "don't know", is left out (scoreForm
 * reports it) and the option's code is written instead.
 */
export function answerCellValue(a: FormAnswer): number | string | null {
  const exact = decimalOf(a.score);
  if (a.option !== "dont-know" && typeof exact !== "string" && !readsAsCode(exact)) return Number(exact.toString());
  if (a.option === "dont-know") return "?";
  return a.option;
}

/**
 * The inverse of answerCellValue, through scoreAnswer (POLICY §5.1): a number inside an option's
 * range → { option, score } (a bound shared by two ranges, 80 or 60, goes to the better one, as
 * scoreAnswer reads it); 1/2/3 or the option's text → the option; 4, "?", 不知道 → don't know;
 * blank → unanswered. Anything else throws scoreAnswer's ArError ("credit.answer", naming the item).
 */
export function formAnswerOf(itemNo: number, cell: unknown, policy: Policy): FormAnswer {
  const scored = scoreAnswer(itemNo, cell, policy);
  switch (scored.kind) {
    case "unanswered":
      return { option: null, score: null };
    case "dont-know":
      return { option: "dont-know", score: null };
    case "option":
      return { option: scored.option, score: null };
    case "score":
      return { option: scored.option, score: scored.score.toFixed() };
  }
}
