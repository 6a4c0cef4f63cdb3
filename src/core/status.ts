/**
 * The status vocabulary (POLICY §2, §8): reading a ledger's free-text status or note against the
 * policy's conditions — 004 五.第三条 (straight to 呆账) and 七.第一条 (may be written off).
 *
 * A condition is stated only by its phrases, never guessed from a loose word:
 * - it holds when the text has one phrase of every group of the condition (宣告破产 … and
 *   剩余财产不足 …), each occurrence neither in an uncertain clause (HEDGES: 担心, 可能, 暂时,
 *   直到, until…) nor negated by a word written just before it
 *   (policy.statusNegations: 未, 不是, not…) nor inside one of the condition's negations
 *   (撤销起诉, 破产风险); an occurrence overlapping a negated one does not count either, so in
 *   "未进入破产程序" neither 进入破产程序 nor 破产程序 does;
 * - it comes close when it does not hold but the text shares one of its key words (破产, 事故),
 *   negates a phrase, or states its first group without the rest (宣告破产 without the remaining
 *   assets being insufficient). Close is for a person to decide: the check says so in a finding
 *   (status-near-condition), and nothing is classed, provided or written off because of it.
 *
 * Texts are compared after NFKC (full-width to half-width), traditional characters read as
 * simplified (traditional.ts: 宣告破產, 呆帳), lower case and collapsed spaces.
 */
import type { Bilingual } from "../i18n/bilingual";
import type { Policy, StatusCondition } from "./policy/types";
import { simplifiedForMatching } from "./traditional";

/** Full-width to half-width, traditional characters to simplified, Latin to lower case, runs of white space to one space. */
function normalizeStatus(text: string): string {
  return simplifiedForMatching(text.normalize("NFKC")).toLowerCase().replace(/\s+/g, " ");
}

interface CompiledCondition {
  condition: StatusCondition;
  groups: string[][];
  keyWords: string[];
  negations: string[];
}

interface CompiledVocabulary {
  conditions: CompiledCondition[];
  negationWords: string[];
}

const compiledCache = new WeakMap<readonly StatusCondition[], WeakMap<readonly string[], CompiledVocabulary>>();

function words(list: readonly string[]): string[] {
  return list.map(normalizeStatus).filter((w) => w.trim().length > 0);
}

function compile(conditions: readonly StatusCondition[], negationWords: readonly string[]): CompiledVocabulary {
  let byNegations = compiledCache.get(conditions);
  if (byNegations === undefined) {
    byNegations = new WeakMap();
    compiledCache.set(conditions, byNegations);
  }
  let compiled = byNegations.get(negationWords);
  if (compiled === undefined) {
    compiled = {
      conditions: conditions.map((condition) => ({
        condition,
        groups: condition.phrases.map(words).filter((g) => g.length > 0),
        keyWords: words(condition.keyWords),
        negations: words(condition.negations),
      })),
      // Longest first, so "没有" is tried before "没".
      negationWords: words(negationWords).sort((a, b) => b.length - a.length),
    };
    byNegations.set(negationWords, compiled);
  }
  return compiled;
}

const LATIN = /[a-z0-9]/;
/** Words that may sit between a negation and what it negates: 未被宣告破产, 未进入破产程序, 未遭受自然灾害, not yet bankrupt. */
const CONNECTOR = /(?:被|经|已|曾|经过|进入|处于|发生|遭受|yet|been|be|being)\s*$/;

/** Whether the text just before `at` ends with a negation word (a Latin one standing as a word). */
function negatedAt(text: string, at: number, negationWords: readonly string[]): boolean {
  let before = text.slice(Math.max(0, at - 16), at).replace(/[\s-]+$/, "");
  before = before.replace(CONNECTOR, "").replace(/[\s-]+$/, "");
  for (const w of negationWords) {
    if (!before.endsWith(w)) continue;
    const start = before.length - w.length;
    if (LATIN.test(w[0]) && start > 0 && LATIN.test(before[start - 1])) continue;
    return true;
  }
  return false;
}

interface Span {
  from: number;
  to: number;
}

function occurrences(text: string, word: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) out.push(at);
  return out;
}

const overlaps = (a: Span, b: Span): boolean => a.from < b.to && b.from < a.to;

/**
 * Why a text comes close: a negation word before the phrase (未破产), the phrase inside one of the
 * condition's excluded phrases (撤销起诉 is not the debtor 撤销), an uncertain clause (担心客户拒付,
 * 暂时不再付款, won't pay until…), only part stated, or shared words only.
 */
type NearReason = "negated" | "excluded" | "hedged" | "partial" | "shared-words";

/**
 * Words that make a clause uncertain or deny it, wherever they stand in it: a condition written
 * in such a clause is not stated (a person decides). Latin words stand as words.
 */
const HEDGES = [
  "担心", "担忧", "可能", "或许", "也许", "恐怕", "如果", "假如", "倘若", "若", "暂时", "暂不", "直到", "除非", "等待",
  "否认", "不存在", "并不", "不会", "无意",
  "if", "might", "could", "possibly", "probably", "unlikely", "until", "unless", "pending", "worried", "concern", "intention",
  "deny", "denies", "denied", "didn't", "doesn't", "isn't", "wasn't", "won't refuse", "temporarily",
];
const CLAUSE_END = /[，,。；;！!？?\n]/;

/** Whether the clause holding text[from, to) carries a hedge (HEDGES) outside the phrase itself. */
function hedgedAt(text: string, from: number, to: number): boolean {
  let start = from;
  while (start > 0 && !CLAUSE_END.test(text[start - 1])) start--;
  let end = to;
  while (end < text.length && !CLAUSE_END.test(text[end])) end++;
  const clause = text.slice(start, from) + " \u0000 " + text.slice(to, end);
  for (const h of HEDGES) {
    for (let at = clause.indexOf(h); at >= 0; at = clause.indexOf(h, at + 1)) {
      if (LATIN.test(h[0]) && ((at > 0 && LATIN.test(clause[at - 1])) || LATIN.test(clause[at + h.length] ?? ""))) continue;
      return true;
    }
  }
  return false;
}

interface Reading {
  holds: boolean;
  /** Why it comes close, when it does not hold; null when it does not come close either. */
  near: NearReason | null;
}

function readCondition(text: string, c: CompiledCondition, negationWords: readonly string[]): Reading {
  const excludedSpans: Span[] = [];
  for (const n of c.negations) for (const at of occurrences(text, n)) excludedSpans.push({ from: at, to: at + n.length });
  const masked: Span[] = [];
  let negated = false;
  let excluded = false;
  let hedged = false;
  const found: { group: number; span: Span }[] = [];
  c.groups.forEach((group, g) => {
    for (const phrase of group) {
      for (const at of occurrences(text, phrase)) {
        const span = { from: at, to: at + phrase.length };
        if (negatedAt(text, at, negationWords)) {
          masked.push(span);
          negated = true;
        } else if (hedgedAt(text, span.from, span.to)) {
          masked.push(span);
          hedged = true;
        } else found.push({ group: g, span });
      }
    }
  });
  const stated = new Array<boolean>(c.groups.length).fill(false);
  for (const f of found) {
    if (excludedSpans.some((m) => overlaps(m, f.span))) excluded = true;
    else if (masked.some((m) => overlaps(m, f.span))) negated = true;
    else stated[f.group] = true;
  }
  if (c.groups.length > 0 && stated.every(Boolean)) return { holds: true, near: null };
  let shared = false;
  for (const k of c.keyWords) {
    for (const at of occurrences(text, k)) {
      shared = true;
      if (negatedAt(text, at, negationWords)) negated = true;
    }
  }
  if (negated) return { holds: false, near: "negated" };
  if (excluded) return { holds: false, near: "excluded" };
  if (hedged) return { holds: false, near: "hedged" };
  if (stated[0]) return { holds: false, near: "partial" };
  return { holds: false, near: shared ? "shared-words" : null };
}

/**
 * The conditions of `conditions` the text states, in the list's order (see the file comment).
 * `negationWords` is policy.statusNegations.
 */
export function conditionsStated(text: string | null | undefined, conditions: readonly StatusCondition[], negationWords: readonly string[]): StatusCondition[] {
  if (typeof text !== "string" || text.trim() === "") return [];
  const v = compile(conditions, negationWords);
  const t = normalizeStatus(text);
  const out: StatusCondition[] = [];
  for (const c of v.conditions) if (readCondition(t, c, v.negationWords).holds) out.push(c.condition);
  return out;
}

/** The first condition of the list the text states, or null. */
export function firstConditionStated(text: string | null | undefined, conditions: readonly StatusCondition[], negationWords: readonly string[]): StatusCondition | null {
  if (typeof text !== "string" || text.trim() === "") return null;
  const v = compile(conditions, negationWords);
  const t = normalizeStatus(text);
  for (const c of v.conditions) if (readCondition(t, c, v.negationWords).holds) return c.condition;
  return null;
}

/** Which of the policy's lists a condition belongs to. */
type ConditionList = "directToBad" | "writeOff";

/** A condition a text comes close to without stating it. */
export interface NearCondition {
  list: ConditionList;
  condition: StatusCondition;
  reason: NearReason;
}

/**
 * The conditions of both lists (五.第三条, then 七.第一条) a text comes close to without stating
 * them: for a person to decide. Empty for a blank text or one that shares nothing with any.
 */
export function nearConditions(text: string | null | undefined, policy: Pick<Policy, "directToBad" | "statusNegations" | "writeOff">): NearCondition[] {
  if (typeof text !== "string" || text.trim() === "") return [];
  const t = normalizeStatus(text);
  const out: NearCondition[] = [];
  const lists: [ConditionList, readonly StatusCondition[]][] = [
    ["directToBad", policy.directToBad],
    ["writeOff", policy.writeOff.conditions],
  ];
  for (const [list, conditions] of lists) {
    const v = compile(conditions, policy.statusNegations);
    for (const c of v.conditions) {
      const r = readCondition(t, c, v.negationWords);
      if (!r.holds && r.near !== null) out.push({ list, condition: c.condition, reason: r.near });
    }
  }
  return out;
}

/** What choosing a status does: make the item bad at once (五.第三条), or allow its write-off (七.第一条). */
type StatusEffect = "bad" | "write-off";

/** One entry of the status vocabulary as a surface offers it (a drop-down of a status column). */
interface StatusChoice {
  key: string;
  list: ConditionList;
  effect: StatusEffect;
  /** The text to put in the status cell: the condition's own label, which states it. */
  text: Bilingual;
  article: string;
}

/**
 * The status vocabulary as a list to choose from: every condition of 五.第三条 and 七.第一条 (and
 * the company's own), in policy order, each offered as its label. Choosing one writes a text that
 * states exactly that condition, so a status picked from the list is read as meant.
 */
export function statusChoices(policy: Pick<Policy, "directToBad" | "writeOff">): StatusChoice[] {
  return [
    ...policy.directToBad.map((c): StatusChoice => ({ key: c.key, list: "directToBad", effect: "bad", text: c.label, article: c.article })),
    ...policy.writeOff.conditions.map((c): StatusChoice => ({ key: c.key, list: "writeOff", effect: "write-off", text: c.label, article: c.article })),
  ];
}

/** The vocabulary's texts in one language, for a list validation (Excel data validation takes a list of strings). */
export function statusChoiceTexts(policy: Pick<Policy, "directToBad" | "writeOff">, lang: keyof Bilingual): string[] {
  return statusChoices(policy).map((c) => c.text[lang]);
}
