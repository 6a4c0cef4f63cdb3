/**
 * The customer questionnaire (客户情况调查表, POLICY §5.1) as the credit pane edits it: a form
 * (header fields and one answer column per rater), its live score, the print-ready sheet with
 * the add-in's own formulas (AR.CREDIT_SCORE / CREDIT_GRADE / SUGGESTED_LIMIT) over the sheet's
 * cells, and the way back from a filled-in sheet to the form. Pure: no Office.js.
 */
import type Decimal from "decimal.js";
import { creditGrade, creditScore, scoreAnswer, suggestedLimit } from "../credit";
import { format } from "../../i18n";
import { ArError, type Bilingual, type Lang } from "../errors";
import { Dec, formatMoneyGrouped, parseMoney, quoteInput, toHalfWidth } from "../money";
import { uniqueSheetName } from "../notices/letter";
import { DEFAULT_POLICY } from "../policy/defaults";
import type { Policy, QuestionnaireItem } from "../policy/types";
import {
  type CellRange,
  type NoticeId,
  type CellStyle,
  type ColumnPlan,
  integerCell,
  moneyCellExact,
  percentCell,
  rangeAddress,
  SheetBuilder,
  type SheetSpec,
  type SpecCell,
  textCell,
} from "../reports/sheet-spec";

// ---------------------------------------------------------------------------------------------
// The form
// ---------------------------------------------------------------------------------------------

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

type HeaderKey = keyof QuestionnaireHeader;

function bi(zh: string, en: string): Bilingual {
  return { "zh-CN": zh, "en-US": en };
}

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
const FIELD_ROWS: readonly (readonly HeaderKey[])[] = [
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

const L = {
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

function checkShape(form: QuestionnaireForm, policy: Policy): void {
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

// ---------------------------------------------------------------------------------------------
// Answers: form <-> cell
// ---------------------------------------------------------------------------------------------

/** A plain decimal as typed (full-width digits allowed), or "blank", or "invalid". */
function decimalOf(text: string | null): Decimal | "blank" | "invalid" {
  if (text === null) return "blank";
  const t = toHalfWidth(text).trim();
  if (t === "") return "blank";
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? new Dec(t) : "invalid";
}

/** A whole number 1–4 in an answer cell reads as an option code (or don't know), never as a score. */
function readsAsCode(d: Decimal): boolean {
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

// ---------------------------------------------------------------------------------------------
// The live score
// ---------------------------------------------------------------------------------------------

export interface FormProblem {
  /** 1-based rater, when the problem is one rater's. */
  rater: number | null;
  /** Item number, when the problem is one item's. */
  item: number | null;
  field: "raters" | "answer" | "rater-weight" | "contract-value";
  message: Bilingual;
}

export interface FormScore {
  /** The combined score, exact; null while an answer or a rater weight has a problem. */
  score: string | null;
  grade: string | null;
  gradeLabel: Bilingual | null;
  /** Contract value × the grade's limit factor, to the cent ("800000.00"); null without a contract value or a score. */
  limit: string | null;
  /** The contract value read, exact; null when blank or unreadable. */
  contractValue: string | null;
  /** true when the raters combine by their weights (any rater has one). */
  weighted: boolean;
  /** Each rater's own score, exact; null for a rater whose answers have a problem. */
  perRater: (string | null)[];
  /** Answers given, over all raters. */
  answered: number;
  /** Items left blank by at least one rater (scored as don't know, as CREDIT_SCORE does). */
  unanswered: number[];
  unansweredByRater: number[][];
  problems: FormProblem[];
}

function raterLabel(rater: Rater, index: number): Bilingual {
  const name = rater.name.trim();
  return name === ""
    ? bi(`第 ${index + 1} 位评分人`, `Rater ${index + 1}`)
    : bi(`评分人“${name}”（第 ${index + 1} 位）`, `Rater "${name}" (no. ${index + 1})`);
}

function itemLabel(item: QuestionnaireItem): Bilingual {
  return bi(`第 ${item.no} 项“${item.item["zh-CN"]}”`, `item ${item.no} "${item.item["en-US"]}"`);
}

/** An answer's problem, or null when the answer is well formed for the policy (POLICY §5.1 ranges). */
function answerProblem(a: FormAnswer, item: QuestionnaireItem, who: Bilingual, policy: Policy): Bilingual | null {
  const exact = decimalOf(a.score);
  if (exact === "blank") return null;
  const what = itemLabel(item);
  const q = quoteInput(a.score);
  if (exact === "invalid") {
    return bi(`${who["zh-CN"]}${what["zh-CN"]}的分数“${q}”不是数字。`, `${who["en-US"]}, ${what["en-US"]}: the score "${q}" is not a number.`);
  }
  const ranges = policy.credit.answerScores;
  if (a.option === "dont-know") {
    return bi(`${who["zh-CN"]}${what["zh-CN"]}选了“不知道”，不能再给分数 ${q}。`, `${who["en-US"]}, ${what["en-US"]}: "don't know" takes no score, but ${q} was given.`);
  }
  if (a.option === null) {
    if (ranges.some((r) => exact.gte(r.min) && exact.lte(r.max)) && !readsAsCode(exact)) return null;
    const all = ranges.map((r) => `${r.min}–${r.max}`).join(", ");
    return bi(`${who["zh-CN"]}${what["zh-CN"]}的分数 ${q} 不在任何选项的区间内（${all}）。`, `${who["en-US"]}, ${what["en-US"]}: the score ${q} lies in no answer's range (${all}).`);
  }
  const r = ranges[a.option - 1];
  if (exact.gte(r.min) && exact.lte(r.max) && !readsAsCode(exact)) return null;
  const answer = item.answers[a.option - 1];
  return bi(
    `${who["zh-CN"]}${what["zh-CN"]}的分数 ${q} 不在所选选项“${answer["zh-CN"]}”的区间 ${r.min}–${r.max} 内。`,
    `${who["en-US"]}, ${what["en-US"]}: the score ${q} is outside the range ${r.min}–${r.max} of the chosen answer "${answer["en-US"]}".`,
  );
}

function raterWeightProblem(rater: Rater, index: number, anyGiven: boolean): Bilingual | null {
  if (!anyGiven) return null;
  const who = raterLabel(rater, index);
  const w = decimalOf(rater.weight);
  const q = quoteInput(rater.weight);
  if (w === "blank") {
    return bi(`${who["zh-CN"]}没有权重：按权重合并时，每位评分人都要有权重（或都不填）。`, `${who["en-US"]} has no weight: give every rater a weight, or none.`);
  }
  if (w === "invalid") return bi(`${who["zh-CN"]}的权重“${q}”不是数字。`, `${who["en-US"]}: the weight "${q}" is not a number.`);
  if (w.isNegative() && !w.isZero()) return bi(`${who["zh-CN"]}的权重 ${q} 为负数。`, `${who["en-US"]}: the weight ${q} is negative.`);
  return null;
}

function hasWeight(r: Rater): boolean {
  return decimalOf(r.weight) !== "blank";
}

/**
 * The live score (POLICY §5.1): creditScore over the form (rater weights used when any rater has
 * one), grade and suggested limit, unanswered items and each rater's score, exact decimals as
 * strings. Problems in the input come back in `problems` (bilingual, naming rater and item), never
 * thrown; a problem in an answer or a rater weight leaves the combined score null, a problem in
 * the contract value only the limit.
 */
export function scoreForm(form: QuestionnaireForm, policy: Policy): FormScore {
  const { items } = policy.credit;
  const problems: FormProblem[] = [];
  const result: FormScore = {
    score: null,
    grade: null,
    gradeLabel: null,
    limit: null,
    contractValue: null,
    weighted: false,
    perRater: form.raters.map(() => null),
    answered: 0,
    unanswered: [],
    unansweredByRater: form.raters.map(() => []),
    problems,
  };

  const count = form.raters.length;
  if (count < 1 || count > MAX_RATERS) {
    problems.push({ rater: null, item: null, field: "raters", message: bi(`调查表应有 1–${MAX_RATERS} 位评分人，现有 ${count} 位。`, `A questionnaire has 1–${MAX_RATERS} raters, not ${count}.`) });
  }

  const cells: (number | string | null)[][] = [];
  const raterOk: boolean[] = [];
  form.raters.forEach((rater, r) => {
    const who = raterLabel(rater, r);
    if (rater.answers.length !== items.length) {
      problems.push({
        rater: r + 1,
        item: null,
        field: "answer",
        message: bi(`${who["zh-CN"]}有 ${rater.answers.length} 个回答，调查表共 ${items.length} 项。`, `${who["en-US"]} has ${rater.answers.length} answers; the questionnaire has ${items.length} items.`),
      });
      cells.push([]);
      raterOk.push(false);
      return;
    }
    let ok = true;
    const row = items.map((item, i) => {
      const a = rater.answers[i];
      const problem = answerProblem(a, item, who, policy);
      if (problem !== null) {
        problems.push({ rater: r + 1, item: item.no, field: "answer", message: problem });
        ok = false;
      }
      const v = answerCellValue(a);
      if (v === null) result.unansweredByRater[r].push(item.no);
      else result.answered += 1;
      return v;
    });
    cells.push(row);
    raterOk.push(ok);
    if (ok) result.perRater[r] = creditScore(row, policy).score.toFixed();
  });
  result.unanswered = [...new Set(result.unansweredByRater.flat())].sort((a, b) => a - b);

  const anyWeight = form.raters.some(hasWeight);
  result.weighted = anyWeight;
  form.raters.forEach((rater, r) => {
    const problem = raterWeightProblem(rater, r, anyWeight);
    if (problem !== null) problems.push({ rater: r + 1, item: null, field: "rater-weight", message: problem });
  });

  let contract: Decimal | null = null;
  try {
    contract = parseMoney(form.header.contractValue, "contractValue");
    if (contract !== null && contract.isNegative()) {
      problems.push({ rater: null, item: null, field: "contract-value", message: bi(`合同金额 ${contract.toFixed()} 为负数。`, `The contract value ${contract.toFixed()} is negative.`) });
      contract = null;
    }
  } catch (e) {
    if (!(e instanceof ArError)) throw e;
    const q = quoteInput(form.header.contractValue);
    problems.push({ rater: null, item: null, field: "contract-value", message: bi(`无法识别合同金额“${q}”。`, `Cannot read the contract value "${q}".`) });
  }
  result.contractValue = contract === null ? null : contract.toFixed();

  if (problems.some((p) => p.field !== "contract-value")) return result;
  try {
    const weights = anyWeight ? form.raters.map((r) => toHalfWidth(r.weight ?? "").trim()) : undefined;
    const combined = creditScore(cells, policy, weights === undefined ? {} : { raterWeights: weights });
    const grade = creditGrade(combined.score, policy);
    result.score = combined.score.toFixed();
    result.grade = grade.grade;
    result.gradeLabel = grade.label;
    if (contract !== null) result.limit = suggestedLimit(combined.score, contract, policy).toFixed(2);
  } catch (e) {
    // creditScore's own rules not checked above: all rater weights 0, or a weighted-mean policy without weights.
    if (!(e instanceof ArError)) throw e;
    problems.push({ rater: null, item: null, field: e.id === "credit.rater-weights" ? "rater-weight" : "answer", message: e.text });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// The sheet
// ---------------------------------------------------------------------------------------------

/** The fixed columns before the raters': 序号 | 类别 | 项目 | 权重 | option 1 | option 2 | option 3. */
const COL = { no: 0, group: 1, item: 2, weight: 3, options: 4, raters: 7 } as const;
/** Label and value columns of the field rows: a label spans two columns, its value the next two (the last one to the edge). */
const PAIR = [
  { label: 0, value: 2 },
  { label: 4, value: 6 },
] as const;
/** The result rows: label over 序号..项目, value over 权重..option 3. */
const RESULT = { label: 0, labelCols: 3, value: 3, valueCols: 4 } as const;

export interface QuestionnaireCells {
  /** A1 addresses on the questionnaire sheet (no sheet name, no $). */
  score: string;
  grade: string;
  limit: string;
  contractValue: string;
  /** The rater columns over the item rows. */
  answers: string;
  /** The weight column over the item rows. */
  weights: string;
  /** The rater weights row, when the score formula uses it (some rater has a weight); else null. */
  raterWeights: string | null;
  /** Each rater's own score cell. */
  perRater: string[];
  /** The grade table passed to CREDIT_GRADE and SUGGESTED_LIMIT when the policy's grades are not the defaults. */
  grades: string | null;
}

export interface QuestionnaireSheet {
  spec: SheetSpec;
  cells: QuestionnaireCells;
  /** The pane's score the formula cells show as their values (problems included: a caller may refuse to print). */
  score: FormScore;
}

const QUESTIONNAIRE_ID: NoticeId = "questionnaire";

function address(row: number, col: number): string {
  return rangeAddress({ row, col, rows: 1, cols: 1 });
}

function numberCell(d: Decimal, style?: CellStyle): SpecCell {
  const cell: SpecCell = d.isInteger() ? integerCell(d.toNumber()) : { v: d.toNumber(), t: "decimal" };
  if (style !== undefined) cell.style = style;
  return cell;
}

/** An answer cell: General, so a code shows as 1 and a score as typed (85.5), and a blank takes either. */
function answerCell(a: FormAnswer): SpecCell {
  const v = answerCellValue(a);
  if (typeof v === "string") return textCell(v);
  return { v: v === null ? null : new Dec(v).toNumber(), t: "number" };
}

/** A rater weight as a number; text the writers keep as text when it is not one (the formula then shows the error). */
function raterWeightCell(weight: string | null): SpecCell {
  const w = decimalOf(weight);
  if (w === "blank") return integerCell(null);
  if (w === "invalid") return textCell(weight);
  return numberCell(w);
}

function contractValueCell(text: string): SpecCell {
  try {
    const value = parseMoney(text, "contractValue");
    return moneyCellExact(value === null ? null : value.toFixed());
  } catch {
    // Kept as typed, so it is not lost; SUGGESTED_LIMIT shows #VALUE! and scoreForm names it.
    return textCell(text, "wrap");
  }
}

/**
 * Whether the policy scores answers as the functions' defaults do. CREDIT_SCORE takes the item
 * weights from the sheet but not the answer ranges or the don't-know score, so a policy that
 * changes those is scored by the pane, and the sheet's note says which figure counts.
 */
export function sameAnswerScores(policy: Policy): boolean {
  const a = policy.credit;
  const d = DEFAULT_POLICY.credit;
  return (
    new Dec(a.dontKnowScore).eq(d.dontKnowScore) &&
    a.answerScores.length === d.answerScores.length &&
    a.answerScores.every((r, i) => new Dec(r.min).eq(d.answerScores[i].min) && new Dec(r.max).eq(d.answerScores[i].max) && new Dec(r.mid).eq(d.answerScores[i].mid))
  );
}

function sameGrades(policy: Policy): boolean {
  const a = policy.credit.grades;
  const b = DEFAULT_POLICY.credit.grades;
  return a.length === b.length && a.every((g, i) => g.grade === b[i].grade && g.minScore === b[i].minScore && new Dec(g.limitFactor).eq(b[i].limitFactor));
}

function legend(policy: Policy, lang: Lang, raters: number): string {
  const [r1, r2, r3] = policy.credit.answerScores;
  const dk = policy.credit.dontKnowScore;
  const weighted = policy.credit.raterCombination === "weighted-mean" && raters > 1;
  if (lang === "zh-CN") {
    return (
      `填写说明：1、2、3 表示第一、二、三个选项（按 ${r1.mid}、${r2.mid}、${r3.mid} 分计）；? 或 4 表示不知道（按 ${dk} 分计），留空亦按不知道计分；` +
      `也可填写所选选项区间内的具体分数（${r1.min}–${r1.max}、${r2.min}–${r2.max}、${r3.min}–${r3.max}）。` +
      (weighted ? "各评分人的得分按评分人权重加权平均，须填写每位评分人的权重。" : "各评分人的得分取算术平均；填写评分人权重则按权重加权平均。")
    );
  }
  return (
    `How to answer: 1, 2, 3 = the first, second, third answer (scored ${r1.mid}, ${r2.mid}, ${r3.mid}); ? or 4 = don't know (scored ${dk}); a blank counts as don't know. ` +
    `Or give an exact score inside the chosen answer's range (${r1.min}–${r1.max}, ${r2.min}–${r2.max}, ${r3.min}–${r3.max}). ` +
    (weighted ? "Raters' scores are combined by their weights: give every rater a weight." : "Raters' scores are averaged; give rater weights for a weighted mean.")
  );
}

/**
 * The print-ready questionnaire (POLICY §5.1): A4 portrait, fit to width, the table header repeated
 * on every page. Header values are text cells (a customer called "=cmd|…" stays that text), the
 * contract value a money cell; the score, grade and limit are formulas over the sheet's own
 * cells, their values the pane's (scoreForm), for a writer that cannot compute. Throws ArError
 * "credit-form.raters" / "credit-form.answers" for a form of the wrong shape.
 */
export function questionnaireSheet(form: QuestionnaireForm, policy: Policy, lang: Lang, name: string): QuestionnaireSheet {
  checkShape(form, policy);
  // Live score formulas only where CREDIT_SCORE scores as the policy does (see sameAnswerScores).
  const live = sameAnswerScores(policy);
  const items = policy.credit.items;
  const raters = form.raters.length;
  const width = COL.raters + raters;
  const score = scoreForm(form, policy);
  const b = new SheetBuilder(width);
  const title = L.title[lang];
  b.title(title);

  // The meta line: who surveys, and when (the date's cells sit where a pair's value would).
  const meta = b.add("meta", [textCell(`${L.company[lang]}${policy.company.name[lang]}`, "meta"), null, null, null, textCell(FIELD_LABELS.surveyDate[lang], "meta"), null, textCell(form.header.surveyDate, "meta")]);
  b.merge({ row: meta, col: 0, rows: 1, cols: PAIR[1].label });
  b.merge({ row: meta, col: PAIR[1].label, rows: 1, cols: 2 });
  b.merge({ row: meta, col: PAIR[1].value, rows: 1, cols: width - PAIR[1].value });

  let contractValueAt = { row: -1, col: -1 };
  for (const keys of FIELD_ROWS) {
    const cells: (SpecCell | null)[] = new Array<SpecCell | null>(width).fill(null);
    const r = b.rowCount;
    keys.forEach((key, k) => {
      const { label, value } = PAIR[k];
      const last = keys.length === 1 || k === PAIR.length - 1 ? width : PAIR[k + 1].label;
      cells[label] = textCell(FIELD_LABELS[key][lang], "header");
      cells[value] = key === "contractValue" ? contractValueCell(form.header.contractValue) : textCell(form.header[key], "wrap");
      if (key === "contractValue") contractValueAt = { row: r, col: value };
      b.merge({ row: r, col: label, rows: 1, cols: 2 });
      if (last - value > 1) b.merge({ row: r, col: value, rows: 1, cols: last - value });
    });
    b.add("body", cells);
  }

  const ranges = policy.credit.answerScores;
  const headerRow = b.header([
    L.no[lang],
    L.group[lang],
    L.item[lang],
    L.weight[lang],
    ...ranges.map((s, i) => format(L.option[lang], { n: i + 1, min: s.min, max: s.max })),
    ...form.raters.map((r, i) => (r.name.trim() === "" ? format(L.rater[lang], { n: i + 1 }) : r.name)),
  ]);

  const firstItem = b.rowCount;
  items.forEach((item, i) => {
    const firstOfGroup = i === 0 || items[i - 1].group[lang] !== item.group[lang];
    b.add("body", [
      integerCell(item.no),
      firstOfGroup ? textCell(item.group[lang], "wrap") : textCell(null),
      textCell(item.item[lang], "wrap"),
      percentCell(Number(item.weight)),
      ...item.answers.map((a) => textCell(a[lang], "wrap")),
      ...form.raters.map((r) => answerCell(r.answers[i])),
    ]);
  });
  const answersBlock: CellRange = { row: firstItem, col: COL.raters, rows: items.length, cols: raters };
  const weightsBlock: CellRange = { row: firstItem, col: COL.weight, rows: items.length, cols: 1 };
  const answers = rangeAddress(answersBlock);
  const weights = rangeAddress(weightsBlock);

  const fixedLabel = (text: string): (SpecCell | null)[] => [textCell(text, "header"), ...new Array<null>(COL.raters - 1).fill(null)];
  const raterWeightsRow = b.add("body", [...fixedLabel(L.raterWeights[lang]), ...form.raters.map((r) => raterWeightCell(r.weight))]);
  b.merge({ row: raterWeightsRow, col: 0, rows: 1, cols: COL.raters });
  // Always passed when there are several raters: weights typed on the printed sheet later count,
  // as its legend says (an all-blank row is the plain mean).
  const raterWeights = raters > 1 ? rangeAddress({ row: raterWeightsRow, col: COL.raters, rows: 1, cols: raters }) : null;

  const perRaterRow = b.rowCount;
  const perRater = form.raters.map((_, r) => address(perRaterRow, COL.raters + r));
  b.add("body", [
    ...fixedLabel(L.raterScores[lang]),
    ...form.raters.map((_, r): SpecCell => {
      const column = rangeAddress({ ...answersBlock, col: COL.raters + r, cols: 1 });
      const s = score.perRater[r];
      const cell: SpecCell = { v: s === null ? null : Number(s), t: "decimal" };
      if (live) cell.f = `=AR.CREDIT_SCORE(${column},${weights})`;
      return cell;
    }),
  ]);
  b.merge({ row: perRaterRow, col: 0, rows: 1, cols: COL.raters });
  b.note(legend(policy, lang, raters) + (live ? "" : ` ${L.customScores[lang]}`));

  // The grade formulas read the policy's grades from the sheet when they are not the functions'
  // defaults: a table after the three result rows, a blank row, its heading and its header.
  const scoreAt = b.rowCount;
  const gradesAt = scoreAt + 6;
  const grades = sameGrades(policy) ? null : rangeAddress({ row: gradesAt, col: 0, rows: policy.credit.grades.length, cols: 3 });
  const bands = grades === null ? "" : `,${grades}`;

  const scoreCell = address(scoreAt, RESULT.value);
  const contractValue = address(contractValueAt.row, contractValueAt.col);
  const result = (label: string, cell: SpecCell): string => {
    const r = b.add("total", [textCell(label, "total"), null, null, { ...cell, style: "total" }]);
    b.merge({ row: r, col: RESULT.label, rows: 1, cols: RESULT.labelCols });
    b.merge({ row: r, col: RESULT.value, rows: 1, cols: RESULT.valueCols });
    return address(r, RESULT.value);
  };
  result(L.score[lang], {
    v: score.score === null ? null : Number(score.score),
    t: "decimal",
    ...(live ? { f: `=AR.CREDIT_SCORE(${answers},${weights}${raterWeights === null ? "" : `,${raterWeights}`})` } : {}),
  });
  const grade = result(L.grade[lang], { v: score.grade, t: "text", f: `=AR.CREDIT_GRADE(${scoreCell}${bands})` });
  const limit = result(L.limit[lang], { ...moneyCellExact(score.limit), f: `=AR.SUGGESTED_LIMIT(${scoreCell},${contractValue}${bands})` });

  if (grades !== null) {
    b.blank();
    b.section(L.gradeTable[lang]);
    const h = b.header([...L.gradeColumns.map((c) => c[lang]), null, null, null]);
    b.merge({ row: h, col: 3, rows: 1, cols: 4 });
    if (b.rowCount !== gradesAt) throw new Error("questionnaireSheet: the grade table is not where its formulas look");
    for (const g of policy.credit.grades) {
      const r = b.add("body", [textCell(g.grade), numberCell(new Dec(g.minScore)), { v: Number(g.limitFactor), t: "decimal" }, textCell(g.label[lang], "wrap")]);
      b.merge({ row: r, col: 3, rows: 1, cols: 4 });
    }
  }

  b.blank();
  b.note((grades === null ? L.gradesDefault : L.gradesCompany)[lang]);
  b.blank();
  for (const line of L.signatures) b.spanning("meta", line[lang], "letter", 28);

  const plans: ColumnPlan[] = [
    { min: 5, max: 6 },
    { min: 8, max: 12 },
    { min: 16, max: 26 },
    { min: 8, max: 9 },
    { min: 8, max: 12 },
    { min: 8, max: 12 },
    { min: 8, max: 12 },
    ...form.raters.map(() => ({ min: 8, max: 12 })),
  ];
  const columns = b.layout(plans);
  const spec: SheetSpec = {
    // The SheetSpec id union does not name the credit forms yet.
    id: QUESTIONNAIRE_ID,
    lang,
    name,
    title,
    columns,
    rows: b.rows,
    merges: b.merges,
    freezeRows: 0,
    print: { paper: "A4", orientation: "portrait", fitToWidth: true, printTitleRows: { first: headerRow, last: headerRow } },
    charts: [],
  };
  return { spec, cells: { score: scoreCell, grade, limit, contractValue, answers, weights, raterWeights, perRater, grades }, score };
}

/** "客户-调查表" / "Customer-Questionnaire", unique among `existing` (as Excel compares names). */
export function questionnaireSheetName(customer: string, lang: Lang, existing: readonly string[]): string {
  const who = customer.trim() === "" ? L.unnamedCustomer[lang] : customer;
  return uniqueSheetName(who, L.sheetTitle[lang], new Set(existing.map((n) => n.toLowerCase())));
}

// ---------------------------------------------------------------------------------------------
// Back from a sheet
// ---------------------------------------------------------------------------------------------

export interface SheetProblem {
  /** "客户A-调查表!H13". */
  cell: string;
  /** 0-based, as in the values grid. */
  row: number;
  col: number;
  message: Bilingual;
}

function both(text: Bilingual): string[] {
  return [text["zh-CN"], text["en-US"]];
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** A label as typed, without the colon a user may add. */
function labelKey(v: unknown): string {
  return cellText(v).trim().replace(/[:：]$/, "");
}

const LABEL_TO_KEY = new Map<string, HeaderKey>(HEADER_KEYS.flatMap((k) => both(FIELD_LABELS[k]).map((l) => [l, k] as const)));

function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function contractValueText(v: unknown): string {
  if (typeof v === "number" && Number.isFinite(v)) {
    const d = parseMoney(v, "contractValue");
    if (d !== null) return d.decimalPlaces() <= 2 ? formatMoneyGrouped(d) : d.toFixed();
  }
  return cellText(v);
}

function weightText(v: unknown): string | null {
  if (isBlankCell(v)) return null;
  if (typeof v === "number" && Number.isFinite(v)) return new Dec(v.toPrecision(15)).toFixed();
  return cellText(v);
}

/**
 * Reads a questionnaire sheet's values (as getUsedRange(true).values gives them from A1; cells a
 * user added elsewhere are ignored) back into a form. An answer cell that cannot be read is listed
 * with its address and read as unanswered; so is a weight cell that no longer holds the policy's
 * weight (the pane scores with the policy's). Returns null when the sheet is not a questionnaire
 * (no title, or no table header below it). Never throws for a bad cell.
 */
export function readQuestionnaireSheet(
  sheetName: string,
  values: readonly (readonly unknown[])[],
  policy: Policy,
): { form: QuestionnaireForm; problems: SheetProblem[] } | null {
  const at = (r: number, c: number): unknown => values[r]?.[c];
  const titles = both(L.title);
  const titleRow = values.findIndex((row, r) => r < 5 && titles.includes(labelKey(row[0])));
  if (titleRow < 0) return null;
  const headerRow = values.findIndex((row, r) => r > titleRow && both(L.no).includes(labelKey(row[COL.no])) && both(L.group).includes(labelKey(row[COL.group])));
  if (headerRow < 0) return null;

  const problems: SheetProblem[] = [];
  const problem = (row: number, col: number, message: Bilingual): void => {
    problems.push({ cell: `${sheetName}!${address(row, col)}`, row, col, message });
  };

  const form = emptyForm(policy, 1);
  for (let r = titleRow + 1; r < headerRow; r++) {
    for (const { label, value } of PAIR) {
      const key = LABEL_TO_KEY.get(labelKey(at(r, label)));
      if (key === undefined) continue;
      const v = at(r, value);
      form.header[key] = key === "contractValue" ? contractValueText(v) : cellText(v);
    }
  }

  let raters = 0;
  while (raters < MAX_RATERS && !isBlankCell(at(headerRow, COL.raters + raters))) raters += 1;
  raters = Math.max(raters, 1);
  const items = policy.credit.items;
  form.raters = Array.from({ length: raters }, (_, i) => {
    const heading = cellText(at(headerRow, COL.raters + i));
    const isDefault = both(L.rater).some((t) => format(t, { n: i + 1 }) === heading);
    return { name: isDefault ? "" : heading, weight: null, answers: items.map(() => ({ option: null, score: null })) };
  });

  // Item rows by their number in column A, so a row a user inserted in the table is passed over.
  const raterWeightLabels = both(L.raterWeights);
  const seen = new Set<number>();
  let r = headerRow + 1;
  for (; r < values.length; r++) {
    const first = at(r, COL.no);
    if (raterWeightLabels.includes(labelKey(first))) break;
    const no = typeof first === "number" ? first : /^\s*\d+\s*$/.test(cellText(first)) ? Number(cellText(first)) : NaN;
    const item = items[no - 1];
    if (!Number.isInteger(no) || item === undefined || seen.has(no)) continue;
    seen.add(no);
    const weight = at(r, COL.weight);
    if (!(typeof weight === "number" && Number.isFinite(weight) && new Dec(weight.toPrecision(15)).eq(item.weight))) {
      const pct = `${new Dec(item.weight).times(100).toFixed()}%`;
      const q = quoteInput(isBlankCell(weight) ? "" : weight);
      problem(r, COL.weight, bi(`第 ${no} 项的权重“${q}”与制度的 ${pct} 不同；评分按制度的权重计算。`, `Item ${no}'s weight "${q}" differs from the policy's ${pct}; the score uses the policy's weight.`));
    }
    form.raters.forEach((rater, i) => {
      const cell = at(r, COL.raters + i);
      try {
        rater.answers[no - 1] = formAnswerOf(no, cell, policy);
      } catch (e) {
        if (!(e instanceof ArError)) throw e;
        const who = raterLabel(rater, i);
        problem(r, COL.raters + i, bi(`${who["zh-CN"]}：${e.text["zh-CN"]}`, `${who["en-US"]}: ${e.text["en-US"]}`));
      }
    });
  }
  for (const item of items) {
    if (seen.has(item.no)) continue;
    problem(headerRow + item.no, COL.no, bi(`找不到第 ${item.no} 项所在的行；该项按未回答处理。`, `Item ${item.no}'s row is missing; it is read as unanswered.`));
  }
  if (r < values.length) form.raters.forEach((rater, i) => (rater.weight = weightText(at(r, COL.raters + i))));
  return { form, problems };
}
