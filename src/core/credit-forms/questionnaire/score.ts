/**
 * The live score of a form (POLICY §5.1): creditScore over the answers given, each problem named.
 */
import { bi, type Bilingual } from "../../../i18n/bilingual";
import { creditGrade, creditScore, suggestedLimit } from "../../credit";
import { ArError } from "../../errors";
import { parseMoney, quoteInput, toHalfWidth } from "../../money";
import type { Policy, QuestionnaireItem } from "../../policy/types";
import type Decimal from "decimal.js";
import { answerCellValue, decimalOf, type FormAnswer, MAX_RATERS, type QuestionnaireForm, type Rater, readsAsCode } from "./form";

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

export function raterLabel(rater: Rater, index: number): Bilingual {
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
