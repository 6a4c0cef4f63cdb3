/**
 * Credit management (POLICY §5): the customer questionnaire score, the grade and suggested
 * limit it leads to, and the supplier reference letter score. All arithmetic is exact decimal;
 * weights and rates come from the policy, never from here.
 */
import type Decimal from "decimal.js";
import type { Bilingual } from "../i18n/bilingual";
import { ArError } from "./errors";
import { Dec, isExcelErrorValue, parseMoney, quoteInput, roundMoney, toHalfWidth } from "./money";
import type { CreditGradeBand, Policy, QuestionnaireItem, SupplierLetterQuestion } from "./policy/types";

/**
 * One questionnaire answer, scored (POLICY §5.1):
 * - "option": answer 1/2/3 given by index or text, scored at the option's mid (90/70/50);
 * - "score": an explicit score inside some option's range (option = the best range holding it);
 * - "dont-know": 4, "?", "不知道", "don't know", scored dontKnowScore (60);
 * - "unanswered": a blank cell (or an Excel error value: the cell gives no answer).
 */
type ScoredAnswer =
  | { kind: "option"; option: 1 | 2 | 3; score: Decimal }
  | { kind: "score"; option: 1 | 2 | 3; score: Decimal }
  | { kind: "dont-know"; score: Decimal }
  | { kind: "unanswered" };

const DONT_KNOW_WORDS = new Set(["?", "不知道", "不清楚", "don't know", "dont know", "do not know", "unknown"]);

function isBlank(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === "string" && input.trim() === "") || isExcelErrorValue(input);
}

/** A plain number (JS number, Decimal, or digits as text, full-width allowed); undefined if the input is not one. */
function plainNumber(input: unknown): { value: Decimal; writtenAsInteger: boolean } | undefined {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return undefined;
    return { value: new Dec(input.toPrecision(15)), writtenAsInteger: Number.isInteger(input) };
  }
  if (Dec.isDecimal(input)) {
    const d = input as Decimal;
    return d.isFinite() ? { value: new Dec(d), writtenAsInteger: d.isInteger() } : undefined;
  }
  if (typeof input === "string") {
    const t = toHalfWidth(input).trim();
    if (/^[+-]?\d+(\.\d+)?$/.test(t)) return { value: new Dec(t), writtenAsInteger: !t.includes(".") };
  }
  return undefined;
}

function itemOf(itemNo: number, policy: Policy): QuestionnaireItem {
  const item = Number.isInteger(itemNo) ? policy.credit.items[itemNo - 1] : undefined;
  if (item === undefined) {
    const n = policy.credit.items.length;
    throw new ArError(
      "credit.item",
      { "zh-CN": `调查表没有第 ${quoteInput(itemNo)} 项（共 ${n} 项）。`, "en-US": `The questionnaire has no item ${quoteInput(itemNo)} (it has ${n} items).` },
      { excel: "#VALUE!", field: "itemNo" },
    );
  }
  return item;
}

function rangesText(policy: Policy): string {
  return policy.credit.answerScores.map((r) => `${r.min}–${r.max}`).join(", ");
}

function answerError(item: QuestionnaireItem, answer: unknown, policy: Policy, outOfRange: boolean): ArError {
  const q = quoteInput(answer);
  const zhName = `第 ${item.no} 项“${item.item["zh-CN"]}”`;
  const enName = `item ${item.no} "${item.item["en-US"]}"`;
  const zhOptions = item.answers.map((a) => a["zh-CN"]).join("/");
  const enOptions = item.answers.map((a) => a["en-US"]).join("/");
  const text: Bilingual = outOfRange
    ? {
        "zh-CN": `${zhName}的分数 ${q} 不在任何选项的分值区间内（${rangesText(policy)}）。`,
        "en-US": `The score ${q} for ${enName} lies in no answer's range (${rangesText(policy)}).`,
      }
    : {
        "zh-CN": `${zhName}的回答“${q}”无法识别。可填 1、2、3（选项序号）、4 或 ?（不知道）、选项文字（${zhOptions}），或落在某一选项区间内的分数（${rangesText(policy)}）。`,
        "en-US": `Cannot read the answer "${q}" for ${enName}. Give 1, 2 or 3 (the option), 4 or ? (don't know), the option's text (${enOptions}), or a score inside an option's range (${rangesText(policy)}).`,
      };
  return new ArError("credit.answer", text, { excel: outOfRange ? "#NUM!" : "#VALUE!", field: `item ${item.no}` });
}

/**
 * Scores one answer to questionnaire item `itemNo` (1-based). The answer may be:
 * - 1, 2 or 3 (number or text): the option, scored at its range's mid;
 * - 4, "?", "不知道", "don't know": don't know (policy.credit.dontKnowScore);
 * - the option's text, zh-CN exactly or en-US in any case, after trimming;
 * - any other number in 0..100 (or one written with a decimal point, "3.0"): an explicit score,
 *   which must lie inside some option's range, bounds included (80 is valid: top of the 2nd range
 *   and bottom of the 1st; the score is 80 either way);
 * - blank: { kind: "unanswered" }.
 * Anything else throws ArError "credit.answer" naming the item (#NUM! for a score in no range).
 */
export function scoreAnswer(itemNo: number, answer: unknown, policy: Policy): ScoredAnswer {
  const item = itemOf(itemNo, policy);
  const { answerScores, dontKnowScore } = policy.credit;
  if (isBlank(answer)) return { kind: "unanswered" };

  const n = plainNumber(answer);
  if (n !== undefined) {
    if (n.writtenAsInteger && n.value.gte(1) && n.value.lte(3)) {
      const option = n.value.toNumber() as 1 | 2 | 3;
      return { kind: "option", option, score: new Dec(answerScores[option - 1].mid) };
    }
    if (n.writtenAsInteger && n.value.eq(4)) return { kind: "dont-know", score: new Dec(dontKnowScore) };
    const index = answerScores.findIndex((r) => n.value.gte(r.min) && n.value.lte(r.max));
    if (index < 0) throw answerError(item, answer, policy, true);
    return { kind: "score", option: (index + 1) as 1 | 2 | 3, score: n.value };
  }

  if (typeof answer === "string") {
    const t = toHalfWidth(answer).trim();
    const lower = t.toLowerCase().replace(/[\u2018\u2019]/g, "'");
    if (DONT_KNOW_WORDS.has(lower)) return { kind: "dont-know", score: new Dec(dontKnowScore) };
    const index = item.answers.findIndex((a) => a["zh-CN"].trim() === t || a["en-US"].trim().toLowerCase() === lower);
    if (index >= 0) {
      const option = (index + 1) as 1 | 2 | 3;
      return { kind: "option", option, score: new Dec(answerScores[index].mid) };
    }
  }
  throw answerError(item, answer, policy, false);
}

interface CreditScoreOptions {
  /** One weight per rater: gives a weighted mean (whatever policy.credit.raterCombination says). */
  raterWeights?: unknown[];
  /** true: a blank answer is an error ("credit.unanswered"). Default false: scored as don't know and reported. */
  requireAll?: boolean;
}

interface CreditScoreResult {
  /** The combined score: the mean (or weighted mean) of the raters' weighted sums. */
  score: Decimal;
  /** Each rater's weighted sum Σ weight × answer score, exact. */
  perRater: Decimal[];
  /** Answers given (not blank), over all raters. */
  answered: number;
  /** Item numbers left blank by at least one rater, ascending; scored as don't know. */
  unanswered: number[];
  /** Item numbers left blank, per rater. */
  unansweredByRater: number[][];
}

function withRater(e: unknown, rater: number, raters: number): unknown {
  if (!(e instanceof ArError) || raters === 1) return e;
  return new ArError(
    e.id,
    { "zh-CN": `第 ${rater} 位评分人：${e.text["zh-CN"]}`, "en-US": `Rater ${rater}: ${e.text["en-US"]}` },
    e.field === undefined ? { excel: e.excel, cause: e } : { excel: e.excel, field: e.field, cause: e },
  );
}

function countError(id: string, zh: string, en: string, excel: "#VALUE!" | "#NUM!" = "#VALUE!"): ArError {
  return new ArError(id, { "zh-CN": zh, "en-US": en }, { excel });
}

function raterWeightsOf(input: unknown[], raters: number): Decimal[] {
  if (input.length !== raters) {
    throw countError("credit.rater-weights", `给出了 ${input.length} 个评分人权重，但有 ${raters} 位评分人。`, `${input.length} rater weights were given for ${raters} raters.`);
  }
  const weights = input.map((w, i) => {
    const n = plainNumber(w);
    if (n === undefined) {
      throw countError("credit.rater-weights", `第 ${i + 1} 位评分人的权重“${quoteInput(w)}”不是数字。`, `Rater ${i + 1}'s weight "${quoteInput(w)}" is not a number.`);
    }
    if (n.value.isNegative() && !n.value.isZero()) {
      throw countError("credit.rater-weights", `第 ${i + 1} 位评分人的权重 ${n.value.toFixed()} 为负数。`, `Rater ${i + 1}'s weight ${n.value.toFixed()} is negative.`, "#NUM!");
    }
    return n.value;
  });
  if (weights.every((w) => w.isZero())) {
    throw countError("credit.rater-weights", "评分人权重全部为 0。", "All rater weights are 0.", "#NUM!");
  }
  return weights;
}

/**
 * The questionnaire score (POLICY §5.1). `answers` is one rater's answers (one per item, in item
 * order) or several raters' (one array per rater: raters × items). Each rater's score is
 * Σ weight × answer score; raters combine by the plain mean, or a weighted mean when rater
 * weights are given (required when the policy says "weighted-mean" and there are several raters).
 * Blank answers count as don't know and are listed in `unanswered`, unless requireAll.
 */
export function creditScore(answers: unknown[] | unknown[][], policy: Policy, options: CreditScoreOptions = {}): CreditScoreResult {
  const { items, dontKnowScore, raterCombination } = policy.credit;
  if (!Array.isArray(answers) || answers.length === 0) {
    throw countError("credit.answers", "没有给出调查表的回答。", "No questionnaire answers were given.");
  }
  const severalRaters = answers.every((a) => Array.isArray(a));
  if (!severalRaters && answers.some((a) => Array.isArray(a))) {
    throw countError("credit.answers", "回答应为一组（一位评分人）或每位评分人一组，不能混合。", "Give one list of answers (one rater) or one list per rater, not a mix.");
  }
  const raters: unknown[][] = severalRaters ? (answers as unknown[][]) : [answers as unknown[]];

  const perRater: Decimal[] = [];
  const unansweredByRater: number[][] = [];
  let answered = 0;
  raters.forEach((list, r) => {
    if (list.length !== items.length) {
      const who = raters.length === 1 ? "" : `第 ${r + 1} 位评分人`;
      const whoEn = raters.length === 1 ? "" : `Rater ${r + 1}: `;
      throw countError("credit.answers", `${who}给出了 ${list.length} 个回答，调查表共 ${items.length} 项。`, `${whoEn}${list.length} answers were given; the questionnaire has ${items.length} items.`);
    }
    let sum = new Dec(0);
    const blank: number[] = [];
    items.forEach((item, i) => {
      let scored: ScoredAnswer;
      try {
        scored = scoreAnswer(item.no, list[i], policy);
      } catch (e) {
        throw withRater(e, r + 1, raters.length);
      }
      let value: Decimal;
      if (scored.kind === "unanswered") {
        blank.push(item.no);
        value = new Dec(dontKnowScore);
      } else {
        answered += 1;
        value = scored.score;
      }
      sum = sum.plus(value.times(item.weight));
    });
    perRater.push(sum);
    unansweredByRater.push(blank);
  });

  const unanswered = [...new Set(unansweredByRater.flat())].sort((a, b) => a - b);
  if (options.requireAll === true && unanswered.length > 0) {
    const detail = unansweredByRater
      .map((blank, r) => (blank.length === 0 ? "" : raters.length === 1 ? blank.join(", ") : `${r + 1}: ${blank.join(", ")}`))
      .filter((s) => s !== "")
      .join("; ");
    throw new ArError(
      "credit.unanswered",
      { "zh-CN": `调查表有未回答的项目：${detail}。`, "en-US": `Questionnaire items left unanswered: ${detail}.` },
      { excel: "#N/A" },
    );
  }

  let score: Decimal;
  if (options.raterWeights !== undefined) {
    const weights = raterWeightsOf(options.raterWeights, raters.length);
    const total = weights.reduce((a, w) => a.plus(w), new Dec(0));
    score = perRater.reduce((a, s, i) => a.plus(s.times(weights[i])), new Dec(0)).div(total);
  } else if (raterCombination === "weighted-mean" && raters.length > 1) {
    throw countError("credit.rater-weights", "策略规定按加权平均合并评分人，但未给出评分人权重。", "The policy combines raters by weighted mean, but no rater weights were given.");
  } else {
    score = perRater.reduce((a, s) => a.plus(s), new Dec(0)).div(raters.length);
  }
  return { score, perRater, answered, unanswered, unansweredByRater };
}

function scoreValue(score: unknown): Decimal {
  const n = plainNumber(score);
  if (n === undefined) {
    throw new ArError(
      "credit.score",
      { "zh-CN": `信用评分“${quoteInput(score)}”不是数字。`, "en-US": `The credit score "${quoteInput(score)}" is not a number.` },
      { excel: "#VALUE!", field: "score" },
    );
  }
  if (n.value.lt(0) || n.value.gt(100)) {
    throw new ArError(
      "credit.score",
      { "zh-CN": `信用评分 ${n.value.toFixed()} 不在 0–100 之间。`, "en-US": `The credit score ${n.value.toFixed()} is not between 0 and 100.` },
      { excel: "#NUM!", field: "score" },
    );
  }
  return n.value;
}

/** The grade band of a 0–100 score: the first (best) grade whose minScore the score reaches. */
export function creditGrade(score: Decimal | number | string, policy: Policy): CreditGradeBand {
  const s = scoreValue(score);
  const grade = policy.credit.grades.find((g) => s.gte(g.minScore));
  // A valid policy's last grade starts at 0, so a score in 0..100 always finds one.
  if (grade === undefined) {
    throw new ArError(
      "policy.invalid",
      { "zh-CN": "策略的信用等级没有覆盖到 0 分（请用 loadPolicy 校验策略）。", "en-US": "The policy's credit grades do not reach down to 0 (check the policy with loadPolicy)." },
      { field: "credit.grades" },
    );
  }
  return grade;
}

/**
 * Suggested credit limit: contract value × the grade's limitFactor (product default factors;
 * POLICY §5 scales the limit to the size of the work), rounded half-up once to 0.01.
 * A blank contract value -> "credit.contract-value" (#VALUE!); a negative one -> #NUM!.
 */
export function suggestedLimit(score: Decimal | number | string, contractValue: Decimal | number | string, policy: Policy): Decimal {
  const grade = creditGrade(score, policy);
  const value = parseMoney(contractValue, "contractValue");
  if (value === null) {
    throw new ArError("credit.contract-value", { "zh-CN": "缺少合同金额。", "en-US": "The contract value is missing." }, { excel: "#VALUE!", field: "contractValue" });
  }
  if (value.isNegative()) {
    throw new ArError(
      "credit.contract-value",
      { "zh-CN": `合同金额 ${value.toFixed()} 为负数。`, "en-US": `The contract value ${value.toFixed()} is negative.` },
      { excel: "#NUM!", field: "contractValue" },
    );
  }
  return roundMoney(value.times(grade.limitFactor));
}

function replyOption(question: SupplierLetterQuestion, reply: unknown): number {
  const count = question.options.length;
  const n = plainNumber(reply);
  if (n !== undefined && n.writtenAsInteger && n.value.gte(1) && n.value.lte(count)) return n.value.toNumber() - 1;
  if (typeof reply === "string") {
    const t = toHalfWidth(reply).trim();
    const lower = t.toLowerCase();
    const index = question.options.findIndex((o) => o.label["zh-CN"].trim() === t || o.label["en-US"].trim().toLowerCase() === lower);
    if (index >= 0) return index;
  }
  const q = quoteInput(reply);
  const zhOptions = question.options.map((o, i) => `${i + 1} ${o.label["zh-CN"]}`).join("、");
  const enOptions = question.options.map((o, i) => `${i + 1} ${o.label["en-US"]}`).join(", ");
  const blank = isBlank(reply);
  throw new ArError(
    "credit.supplier-reply",
    {
      "zh-CN": blank
        ? `供应商咨询函第 ${question.no} 题“${question.question["zh-CN"]}”未回答。可选：${zhOptions}。`
        : `供应商咨询函第 ${question.no} 题“${question.question["zh-CN"]}”的回答“${q}”无法识别。可选：${zhOptions}。`,
      "en-US": blank
        ? `Supplier letter question ${question.no} "${question.question["en-US"]}" is unanswered. Options: ${enOptions}.`
        : `Cannot read the reply "${q}" to supplier letter question ${question.no} "${question.question["en-US"]}". Options: ${enOptions}.`,
    },
    { excel: blank ? "#N/A" : "#VALUE!", field: `question ${question.no}` },
  );
}

/**
 * The supplier reference letter score, 0–100 (POLICY §5.2): Σ weight × the chosen option's score.
 * One reply per question, in order, each the option's number (1-based) or its text. Every
 * question must be answered: a blank reply -> "credit.supplier-reply" (#N/A).
 */
export function supplierLetterScore(replies: unknown[], policy: Policy): Decimal {
  const questions = policy.credit.supplierLetter;
  if (!Array.isArray(replies) || replies.length !== questions.length) {
    const given = Array.isArray(replies) ? replies.length : 0;
    throw countError("credit.supplier-reply", `供应商咨询函共 ${questions.length} 题，给出了 ${given} 个回答。`, `The supplier letter has ${questions.length} questions; ${given} replies were given.`);
  }
  return questions.reduce((sum, question, i) => {
    const option = question.options[replyOption(question, replies[i])];
    return sum.plus(new Dec(option.score).times(question.weight));
  }, new Dec(0));
}
