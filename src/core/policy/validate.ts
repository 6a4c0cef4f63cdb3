/**
 * Loading and checking a policy. The policy's shape is declared once, as data (POLICY_SCHEMA):
 * the checker below walks it, and serialize.ts walks the same declaration to write and read the
 * key/value table, so a field added here is checked, serialised and read back everywhere.
 *
 * loadPolicy merges a partial policy over DEFAULT_POLICY (objects merge key by key, arrays
 * replace whole), checks everything, and either returns a fresh deep-frozen Policy in the
 * canonical key order or throws one ArError "policy.invalid" listing every problem found.
 */
import { ArError } from "../errors";
import type { Bilingual } from "../../i18n/bilingual";
import { Dec, quoteInput } from "../money";
import { DEFAULT_POLICY, deepFreeze } from "./defaults";
import type { AgingClassThresholds, Policy } from "./types";

/** One problem with a policy: the field (e.g. `credit.items[3].weight`) and a message in each language naming it. */
export interface PolicyProblem {
  path: string;
  zh: string;
  en: string;
}

export type PathSegment = string | number;

/** A problem before formatting: structured path, message bodies without the path (serialize.ts re-words them per table row). */
interface SchemaProblem {
  segments: PathSegment[];
  zh: string;
  en: string;
}

type Report = (segments: PathSegment[], zh: string, en: string) => void;
/** A cross-field check; runs only when the node it hangs on is structurally valid, so the casts inside are safe. */
type Refine = (value: unknown, at: PathSegment[], report: Report) => void;

export type SchemaNode =
  | { kind: "int"; min: number; max?: number; oneOf?: readonly number[] }
  | { kind: "number"; min: number; max: number }
  | { kind: "decimal"; min: string; max?: string }
  | { kind: "string"; nonEmpty: boolean; pattern?: RegExp }
  | { kind: "literal"; value: string | number }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "nullable"; of: SchemaNode }
  | { kind: "object"; fields: Readonly<Record<string, SchemaNode>>; refine?: Refine }
  | {
      kind: "array";
      of: SchemaNode;
      minLength: number;
      length?: number;
      /** In the key/value table, elements are addressed by this field's value instead of a position (provision.rates.y1-2). */
      keyedBy?: { keyField: string; valueField: string };
      refine?: Refine;
    };

// ---------------------------------------------------------------------------------------------
// Paths and small helpers
// ---------------------------------------------------------------------------------------------

/** `["credit", "items", 3, "weight"]` -> `credit.items[3].weight` (0-based positions, as in JSON). */
function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else out += out === "" ? s : `.${s}`;
  }
  return out;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** Sets a property even when its name is "__proto__" (JSON.parse produces such own keys). */
function define(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function show(value: unknown): string {
  if (typeof value === "string") return `"${quoteInput(value)}"`;
  if (Array.isArray(value)) return "[…]";
  if (typeof value === "object" && value !== null) return "{…}";
  return quoteInput(value);
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
const KEY_TEXT = /^[A-Za-z0-9][A-Za-z0-9_+-]*$/;

// ---------------------------------------------------------------------------------------------
// The declaration
// ---------------------------------------------------------------------------------------------

const int = (min: number, max?: number): SchemaNode => (max === undefined ? { kind: "int", min } : { kind: "int", min, max });
const score: SchemaNode = { kind: "number", min: 0, max: 100 };
const fraction: SchemaNode = { kind: "decimal", min: "0", max: "1" };
const text: SchemaNode = { kind: "string", nonEmpty: false };
const nonEmptyText: SchemaNode = { kind: "string", nonEmpty: true };
const keyText: SchemaNode = { kind: "string", nonEmpty: true, pattern: KEY_TEXT };
const obj = (fields: Record<string, SchemaNode>, refine?: Refine): SchemaNode =>
  refine === undefined ? { kind: "object", fields } : { kind: "object", fields, refine };
const arr = (of: SchemaNode, minLength: number, refine?: Refine): SchemaNode =>
  refine === undefined ? { kind: "array", of, minLength } : { kind: "array", of, minLength, refine };

const bilingual: SchemaNode = obj({ "zh-CN": nonEmptyText, "en-US": nonEmptyText });
const bilingualMayBeEmpty: SchemaNode = obj({ "zh-CN": text, "en-US": text });

interface Keyed {
  key: string;
}

function uniqueField(field: string): Refine {
  return (value, at, report) => {
    const seen = new Map<string, number>();
    (value as Record<string, unknown>[]).forEach((el, i) => {
      const k = String(el[field]);
      const first = seen.get(k);
      if (first === undefined) seen.set(k, i);
      else {
        const other = formatPath([...at, first, field]);
        report([...at, i, field], `与 ${other} 重复（“${k}”）`, `duplicates ${other} ("${k}")`);
      }
    });
  };
}

const conditionList: SchemaNode = arr(
  obj({ key: keyText, label: bilingual, article: text, phrases: arr(arr(nonEmptyText, 1), 1), keyWords: arr(nonEmptyText, 0), negations: arr(nonEmptyText, 0) }),
  0,
  uniqueField("key"),
);
const nullableFraction: SchemaNode = { kind: "nullable", of: fraction };

interface BandLike extends Keyed {
  upToMonths: number | null;
}

/** POLICY §3/§4 bands: upToMonths strictly increasing, only the last open-ended (null). */
const refineBands: Refine = (value, at, report) => {
  uniqueField("key")(value, at, report);
  const bands = value as BandLike[];
  let previous: number | null = null;
  bands.forEach((band, i) => {
    const here = [...at, i, "upToMonths"];
    const last = i === bands.length - 1;
    if (last && band.upToMonths !== null) {
      report(here, "最后一档必须不设上限（null），否则更长账龄无档可归", "the last band must be open-ended (null), or older receivables fall in no band");
    } else if (!last && band.upToMonths === null) {
      report(here, "只有最后一档可以不设上限（null）", "only the last band may be open-ended (null)");
    } else if (band.upToMonths !== null && previous !== null && band.upToMonths <= previous) {
      report(here, `必须大于上一档的 ${previous} 个月（各档须按顺序排列且不重叠）`, `must be greater than the previous band's ${previous} months (bands must be sorted and must not overlap)`);
    }
    if (band.upToMonths !== null) previous = band.upToMonths;
  });
};

const band: SchemaNode = obj({ key: keyText, label: bilingual, upToMonths: { kind: "nullable", of: int(1) } });
const bandList: SchemaNode = arr(band, 1, refineBands);

/** Exact decimal sum of a list's `weight` strings; must be exactly 1 (0.9999 is not 1). */
function weightsSumToOne(value: unknown, at: PathSegment[], report: Report): void {
  const total = (value as { weight: string }[]).reduce((sum, el) => sum.plus(el.weight), new Dec(0));
  if (!total.eq(1)) {
    report(at, `各项权重合计为 ${total.toFixed()}，必须恰好等于 1`, `the weights add up to ${total.toFixed()}; they must add up to exactly 1`);
  }
}

function numberedFromOne(value: unknown, at: PathSegment[], report: Report): void {
  (value as { no: number }[]).forEach((el, i) => {
    if (el.no !== i + 1) report([...at, i, "no"], `编号应为 ${i + 1}（按顺序从 1 编号），实际为 ${el.no}`, `must be ${i + 1} (numbered in order from 1), got ${el.no}`);
  });
}

function distinctLabels(listField: string, labelOf: (el: unknown) => Bilingual): Refine {
  return (value, at, report) => {
    const list = (value as Record<string, unknown[]>)[listField] ?? [];
    for (const lang of ["zh-CN", "en-US"] as const) {
      const seen = new Map<string, number>();
      list.forEach((el, i) => {
        const t = labelOf(el)[lang].trim().toLowerCase();
        const first = seen.get(t);
        if (first === undefined) seen.set(t, i);
        else {
          const other = formatPath([...at, listField, first]);
          report([...at, listField, i, lang], `与 ${other} 相同，无法按文字区分选项`, `is the same as ${other}; answers given as text could not be told apart`);
        }
      });
    }
  };
}

const questionnaireItem: SchemaNode = obj(
  {
    no: int(1),
    group: bilingual,
    item: bilingual,
    answers: { kind: "array", of: bilingual, minLength: 3, length: 3 },
    weight: fraction,
  },
  distinctLabels("answers", (a) => a as Bilingual),
);

interface RangeLike {
  min: number;
  max: number;
  mid: number;
}

const answerScoreRange: SchemaNode = obj({ min: score, max: score, mid: score }, (value, at, report) => {
  const r = value as RangeLike;
  if (r.min > r.max) report([...at, "min"], `下限 ${r.min} 大于上限 ${r.max}`, `${r.min} is above max ${r.max}`);
  else if (r.mid < r.min || r.mid > r.max) report([...at, "mid"], `中值 ${r.mid} 不在 ${r.min}–${r.max} 之内`, `${r.mid} is not within ${r.min}–${r.max}`);
});

const answerScores: SchemaNode = {
  kind: "array",
  of: answerScoreRange,
  minLength: 3,
  length: 3,
  refine: (value, at, report) => {
    const ranges = value as RangeLike[];
    for (let i = 1; i < ranges.length; i++) {
      if (ranges[i].max > ranges[i - 1].min) {
        report(
          [...at, i, "max"],
          `${ranges[i].max} 高于上一选项的下限 ${ranges[i - 1].min}：分值区间须从好到差排列且不重叠`,
          `${ranges[i].max} is above the previous answer's min ${ranges[i - 1].min}: ranges must run best first without overlapping`,
        );
      }
    }
  },
};

interface GradeLike {
  grade: string;
  minScore: number;
  limitFactor: string;
}

const grades: SchemaNode = arr(
  obj({ grade: nonEmptyText, minScore: score, label: bilingual, limitFactor: { kind: "decimal", min: "0" } }),
  1,
  (value, at, report) => {
    uniqueField("grade")(value, at, report);
    const list = value as GradeLike[];
    list.forEach((g, i) => {
      if (i > 0 && g.minScore >= list[i - 1].minScore) {
        report([...at, i, "minScore"], `必须小于上一等级的 ${list[i - 1].minScore}（等级须从高到低排列）`, `must be below the previous grade's ${list[i - 1].minScore} (grades run from best to worst)`);
      }
      if (i > 0 && new Dec(g.limitFactor).gt(list[i - 1].limitFactor)) {
        report([...at, i, "limitFactor"], `不能大于上一（更好）等级的 ${list[i - 1].limitFactor}`, `must not exceed the better grade's ${list[i - 1].limitFactor}`);
      }
    });
    const last = list[list.length - 1];
    if (last.minScore !== 0) {
      report([...at, list.length - 1, "minScore"], "最低一级的下限必须为 0，否则低分无级可归", "the lowest grade must start at 0, or low scores get no grade");
    }
  },
);

const supplierQuestion: SchemaNode = obj(
  {
    no: int(1),
    question: bilingual,
    options: arr(obj({ label: bilingual, score }), 2),
    weight: fraction,
  },
  distinctLabels("options", (o) => (o as { label: Bilingual }).label),
);

const collectionTiers: SchemaNode = arr(
  obj({
    minProbability: fraction,
    atMinProbability: { kind: "enum", values: ["included", "excluded"] },
    approach: { kind: "enum", values: ["wait", "gentle", "firm", "legal"] },
    label: bilingual,
  }),
  1,
  (value, at, report) => {
    const tiers = value as { minProbability: string; atMinProbability: string }[];
    tiers.forEach((t, i) => {
      if (i > 0 && new Dec(t.minProbability).gte(tiers[i - 1].minProbability)) {
        report([...at, i, "minProbability"], `必须小于上一档的 ${tiers[i - 1].minProbability}（按回收可能性从高到低排列）`, `must be below the previous tier's ${tiers[i - 1].minProbability} (tiers run from most to least likely)`);
      }
    });
    const last = tiers[tiers.length - 1];
    if (!new Dec(last.minProbability).isZero()) {
      report([...at, tiers.length - 1, "minProbability"], "最后一档的下限必须为 0，否则低回收可能性无档可归", "the last tier must start at 0, or low probabilities get no approach");
    } else if (last.atMinProbability !== "included") {
      report([...at, tiers.length - 1, "atMinProbability"], "最后一档必须包含 0（included），否则回收可能性为 0 时无档可归", "the last tier must include 0 (included), or a probability of 0 gets no approach");
    }
  },
);

interface ProvisionLike {
  bands: Keyed[];
  rates: { bandKey: string }[];
}

const noticeWording: SchemaNode = obj({ opening: bilingual, body: bilingual, closing: bilingual });

const NOTICE_LABELS = [
  "addressee", "contact", "phone", "address", "basis", "no", "document", "project", "dateArisen", "dueDate", "daysPastDue", "balance",
  "total", "totalInWords", "payBy", "payee", "accountName", "bank", "accountNo", "cutOff", "balancePerBooks", "date", "letterMethod", "noticeLogNote",
] as const;

// POLICY §6 collection notice, §7 confirmation letter: the wording a company may edit.
const notices: SchemaNode = obj({
  payByDays: int(0, 366),
  paper: { kind: "enum", values: ["A4", "A5"] },
  collection: obj({
    title: bilingual,
    salutation: bilingual,
    gentle: noticeWording,
    firm: noticeWording,
    legal: noticeWording,
    alreadyPaid: bilingual,
    signature: bilingual,
  }),
  confirmation: obj({
    title: bilingual,
    salutation: bilingual,
    body: bilingual,
    notDemand: bilingual,
    agree: bilingual,
    disagree: bilingual,
    signature: bilingual,
  }),
  labels: obj(Object.fromEntries(NOTICE_LABELS.map((k) => [k, bilingual]))),
});

export const POLICY_SCHEMA: SchemaNode = obj({
  schemaVersion: { kind: "literal", value: 1 },
  currency: { kind: "literal", value: "CNY" },
  defaultCreditDays: int(0),
  agingClass: obj(
    {
      normalMaxDays: int(0),
      overdueMaxDays: int(0),
      staleMaxDays: int(0),
      atNormalMaxDays: { kind: "enum", values: ["normal", "overdue"] },
      atOverdueMaxDays: { kind: "enum", values: ["overdue", "stale"] },
      atStaleMaxDays: { kind: "enum", values: ["stale", "bad"] },
    },
    (value, at, report) => {
      const a = value as AgingClassThresholds;
      if (a.overdueMaxDays <= a.normalMaxDays) {
        report([...at, "overdueMaxDays"], `必须大于 normalMaxDays（${a.normalMaxDays}）`, `must be greater than normalMaxDays (${a.normalMaxDays})`);
      } else if (a.staleMaxDays <= a.overdueMaxDays) {
        report([...at, "staleMaxDays"], `必须大于 overdueMaxDays（${a.overdueMaxDays}）`, `must be greater than overdueMaxDays (${a.overdueMaxDays})`);
      } else {
        // The classes as read at the boundaries must each hold at least one day.
        const lastNormal = a.normalMaxDays - (a.atNormalMaxDays === "normal" ? 0 : 1);
        const lastOverdue = a.overdueMaxDays - (a.atOverdueMaxDays === "overdue" ? 0 : 1);
        const lastStale = a.staleMaxDays - (a.atStaleMaxDays === "stale" ? 0 : 1);
        if (lastOverdue <= lastNormal) {
          report([...at, "atOverdueMaxDays"], `这样读边界，逾期类一天也没有（正常到第 ${lastNormal} 天，逾期也到第 ${lastOverdue} 天）`, `read this way the overdue class holds no day (normal up to day ${lastNormal}, overdue up to day ${lastOverdue})`);
        } else if (lastStale <= lastOverdue) {
          report([...at, "atStaleMaxDays"], `这样读边界，呆滞类一天也没有（逾期到第 ${lastOverdue} 天，呆滞也到第 ${lastStale} 天）`, `read this way the stale class holds no day (overdue up to day ${lastOverdue}, stale up to day ${lastStale})`);
        }
      }
    },
  ),
  directToBad: conditionList,
  statusNegations: arr(nonEmptyText, 0),
  reportBands: bandList,
  longAgedFromMonths: int(1),
  provision: obj(
    {
      method: { kind: "enum", values: ["aging", "individual", "balance-percentage", "direct-write-off"] },
      bands: bandList,
      rates: {
        kind: "array",
        of: obj({ bandKey: keyText, rate: fraction }),
        minLength: 1,
        keyedBy: { keyField: "bandKey", valueField: "rate" },
      },
      balanceRate: fraction,
    },
    (value, at, report) => {
      const p = value as ProvisionLike;
      const bandKeys = new Set(p.bands.map((b) => b.key));
      const rated = new Set<string>();
      p.rates.forEach((r, i) => {
        const here = [...at, "rates", i, "bandKey"];
        if (!bandKeys.has(r.bandKey)) report(here, `“${r.bandKey}”不是 provision.bands 中的账龄档`, `"${r.bandKey}" is not a band in provision.bands`);
        else if (rated.has(r.bandKey)) report(here, `账龄档“${r.bandKey}”的计提比例重复`, `a second rate for band "${r.bandKey}"`);
        rated.add(r.bandKey);
      });
      p.bands.forEach((b, j) => {
        if (!rated.has(b.key)) {
          const where = formatPath([...at, "bands", j]);
          report([...at, "rates"], `缺少账龄档“${b.key}”（${where}）的计提比例`, `no rate for band "${b.key}" (${where})`);
        }
      });
    },
  ),
  credit: obj({
    items: arr(questionnaireItem, 1, (value, at, report) => {
      numberedFromOne(value, at, report);
      weightsSumToOne(value, at, report);
    }),
    answerScores,
    dontKnowScore: score,
    raterCombination: { kind: "enum", values: ["mean", "weighted-mean"] },
    grades,
    limitBasis: { kind: "literal", value: "contract" },
    reviewIntervalMonths: int(1),
    supplierLetter: arr(supplierQuestion, 1, (value, at, report) => {
      numberedFromOne(value, at, report);
      weightsSumToOne(value, at, report);
    }),
  }),
  collectionTiers,
  collection: obj({ neverWaitFromClass: { kind: "enum", values: ["overdue", "stale", "bad"] } }),
  reconciliationIntervalMonths: int(1),
  writeOff: obj({
    overdueYears: int(1),
    atOverdueYears: { kind: "enum", values: ["eligible", "not-eligible"] },
    conditions: conditionList,
    taxFilingDaysAfterYearEnd: int(0),
    incomeTaxRate: fraction,
    compensationRatio: nullableFraction,
    recoveryRewardRate: nullableFraction,
  }),
  performance: obj({ badDebtDeductionRate: fraction, assetLossCompensationRatio: nullableFraction }),
  ecl: obj({
    adjustment: { kind: "decimal", min: "-1" },
    existingAllowance: { kind: "nullable", of: { kind: "decimal", min: "0" } },
    segmentColumn: { kind: "nullable", of: { kind: "string", nonEmpty: true } },
  }),
  bills: obj({ discountDayBasis: { kind: "int", min: 1, oneOf: [360, 365] } }),
  company: obj({
    name: bilingualMayBeEmpty,
    payee: obj({ accountName: text, bank: text, accountNo: text }),
    address: text,
    phone: text,
  }),
  notices,
});

// ---------------------------------------------------------------------------------------------
// The walk
// ---------------------------------------------------------------------------------------------

const INVALID: unique symbol = Symbol("invalid");

function walk(node: SchemaNode, value: unknown, at: PathSegment[], report: Report, problems: () => number): unknown {
  switch (node.kind) {
    case "int": {
      if (typeof value !== "number" || !Number.isInteger(value)) {
        report(at, `应为整数，实际为 ${show(value)}`, `must be a whole number, got ${show(value)}`);
        return INVALID;
      }
      if (node.oneOf !== undefined && !node.oneOf.includes(value)) {
        report(at, `只能是 ${node.oneOf.join(" 或 ")}，实际为 ${value}`, `must be ${node.oneOf.join(" or ")}, got ${value}`);
        return INVALID;
      }
      if (value < node.min || (node.max !== undefined && value > node.max)) {
        const range = node.max === undefined ? `≥ ${node.min}` : `${node.min}–${node.max}`;
        report(at, `应为 ${range} 的整数，实际为 ${value}`, `must be a whole number ${range}, got ${value}`);
        return INVALID;
      }
      return value === 0 ? 0 : value; // no -0
    }
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        report(at, `应为数字，实际为 ${show(value)}`, `must be a number, got ${show(value)}`);
        return INVALID;
      }
      if (value < node.min || value > node.max) {
        report(at, `应在 ${node.min}–${node.max} 之间，实际为 ${value}`, `must be between ${node.min} and ${node.max}, got ${value}`);
        return INVALID;
      }
      return value === 0 ? 0 : value;
    }
    case "decimal": {
      if (typeof value !== "string" || !DECIMAL_TEXT.test(value)) {
        report(at, `应为文本形式的小数（如 "0.05"），实际为 ${show(value)}`, `must be a decimal written as text (e.g. "0.05"), got ${show(value)}`);
        return INVALID;
      }
      const d = new Dec(value);
      if (d.lt(node.min) || (node.max !== undefined && d.gt(node.max))) {
        const range = node.max === undefined ? `≥ ${node.min}` : `${node.min}–${node.max}`;
        report(at, `应在 ${range} 范围内，实际为 ${value}`, `must be ${node.max === undefined ? "" : "between "}${range.replace("–", " and ")}, got ${value}`);
        return INVALID;
      }
      return value;
    }
    case "string": {
      if (typeof value !== "string") {
        report(at, `应为文本，实际为 ${show(value)}`, `must be text, got ${show(value)}`);
        return INVALID;
      }
      if (node.nonEmpty && value.trim() === "") {
        report(at, "不能为空", "must not be empty");
        return INVALID;
      }
      if (node.pattern !== undefined && !node.pattern.test(value)) {
        report(at, `只能由字母、数字和 - _ + 组成（如 "y1-2"），实际为 ${show(value)}`, `must be letters, digits, "-", "_" or "+" (e.g. "y1-2"), got ${show(value)}`);
        return INVALID;
      }
      return value;
    }
    case "literal": {
      if (value !== node.value) {
        report(at, `必须为 ${show(node.value)}，实际为 ${show(value)}`, `must be ${show(node.value)}, got ${show(value)}`);
        return INVALID;
      }
      return value;
    }
    case "enum": {
      if (typeof value !== "string" || !node.values.includes(value)) {
        const allowed = node.values.map((v) => `"${v}"`).join(", ");
        report(at, `必须是 ${allowed} 之一，实际为 ${show(value)}`, `must be one of ${allowed}, got ${show(value)}`);
        return INVALID;
      }
      return value;
    }
    case "nullable":
      return value === null ? null : walk(node.of, value, at, report, problems);
    case "object": {
      if (!isPlainObject(value)) {
        report(at, `应为对象 {…}，实际为 ${show(value)}`, `must be an object {…}, got ${show(value)}`);
        return INVALID;
      }
      const before = problems();
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node.fields)) {
        if (!hasOwn(value, key)) {
          report([...at, key], "缺少此字段", "is missing");
          continue;
        }
        const v = walk(child, value[key], [...at, key], report, problems);
        if (v !== INVALID) define(out, key, v);
      }
      for (const key of Object.keys(value)) {
        if (!hasOwn(node.fields, key)) report([...at, key], "不是策略中的字段（拼写错误？）", "is not a policy field (a typo?)");
      }
      if (problems() !== before) return INVALID;
      node.refine?.(out, at, report);
      return problems() === before ? out : INVALID;
    }
    case "array": {
      if (!Array.isArray(value)) {
        report(at, `应为数组 […]，实际为 ${show(value)}`, `must be an array […], got ${show(value)}`);
        return INVALID;
      }
      const before = problems();
      if (node.length !== undefined && value.length !== node.length) {
        report(at, `应恰好有 ${node.length} 项，实际有 ${value.length} 项`, `must have exactly ${node.length} entries, has ${value.length}`);
      } else if (value.length < node.minLength) {
        report(at, `至少需要 ${node.minLength} 项`, `needs at least ${node.minLength} ${node.minLength === 1 ? "entry" : "entries"}`);
      }
      const out = value.map((el, i) => walk(node.of, el, [...at, i], report, problems));
      if (problems() !== before) return INVALID;
      node.refine?.(out, at, report);
      return problems() === before ? out : INVALID;
    }
  }
}

/**
 * Checks a complete policy against POLICY_SCHEMA. Returns the normalised copy (canonical key
 * order, not frozen) when there is no problem.
 */
export function checkPolicy(value: unknown): { policy: Policy | undefined; problems: SchemaProblem[] } {
  const problems: SchemaProblem[] = [];
  const report: Report = (segments, zh, en) => problems.push({ segments, zh, en });
  if (!isPlainObject(value)) {
    problems.push({ segments: [], zh: `策略应为对象 {…}，实际为 ${show(value)}`, en: `The policy must be an object {…}, got ${show(value)}` });
    return { policy: undefined, problems };
  }
  const out = walk(POLICY_SCHEMA, value, [], report, () => problems.length);
  return { policy: out === INVALID || problems.length > 0 ? undefined : (out as Policy), problems };
}

export function toPolicyProblem(p: SchemaProblem): PolicyProblem {
  const path = formatPath(p.segments);
  if (path === "") return { path, zh: p.zh, en: p.en };
  return { path, zh: `${path}：${p.zh}`, en: `${path}: ${p.en}` };
}

/** Every problem with a complete policy (no merging over defaults); empty when it is valid. */
export function validatePolicy(p: unknown): PolicyProblem[] {
  return checkPolicy(p).problems.map(toPolicyProblem);
}

/**
 * The one error for a policy that fails its checks: id "policy.invalid", the text lists every
 * problem, `field` is the first problem's path and `cause` is the PolicyProblem[] (read it with
 * policyProblemsOf).
 */
export function policyInvalidError(problems: PolicyProblem[], id = "policy.invalid"): ArError {
  const n = problems.length;
  const zh = `策略有 ${n} 处问题：\n` + problems.map((p) => `• ${p.zh}`).join("\n");
  const en = `The policy has ${n} problem${n === 1 ? "" : "s"}:\n` + problems.map((p) => `• ${p.en}`).join("\n");
  return new ArError(id, { "zh-CN": zh, "en-US": en }, { excel: "#VALUE!", field: problems[0]?.path ?? "", cause: problems });
}

/** The problems carried by a "policy.invalid" / "policy.table" error; empty for any other value. */
export function policyProblemsOf(error: unknown): PolicyProblem[] {
  if (error instanceof ArError && (error.id === "policy.invalid" || error.id === "policy.table")) {
    const cause = (error as { cause?: unknown }).cause;
    if (Array.isArray(cause)) return cause as PolicyProblem[];
  }
  return [];
}

/** Deep merge: plain objects key by key, anything else (arrays included) replaces. Never mutates. */
export function mergeOver(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base)) define(out, key, hasOwn(over, key) ? mergeOver(base[key], over[key]) : base[key]);
  for (const key of Object.keys(over)) if (!hasOwn(base, key)) define(out, key, over[key]);
  return out;
}

/**
 * A policy from a partial one: `input` is merged over DEFAULT_POLICY (objects key by key, arrays
 * replace whole: give all 32 questionnaire items or none), then checked. Returns a deep-frozen
 * Policy; throws ArError "policy.invalid" listing every problem otherwise. `{}` gives the defaults.
 */
export function loadPolicy(input: unknown): Policy {
  const merged = isPlainObject(input) ? mergeOver(DEFAULT_POLICY, input) : input;
  const { policy, problems } = checkPolicy(merged);
  if (policy === undefined) throw policyInvalidError(problems.map(toPolicyProblem));
  return deepFreeze(policy);
}
