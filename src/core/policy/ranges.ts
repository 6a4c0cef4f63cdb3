/**
 * A policy from a worksheet range, as custom functions and the pane receive it. Two layouts:
 *
 * 1. The policy sheet's own key/value layout (serialize.ts): any subset of its rows, so a named
 *    range over the whole sheet or over a few rows works; keys not given keep the defaults.
 * 2. A short table for one part of the policy, for people who keep it beside their formulas:
 *    - "thresholds": three day counts, normal/overdue/stale maxima (20, 90, 360), in a row or a column;
 *    - "bands":      rows of [label, up-to months] (blank months = open-ended last band);
 *    - "rates":      rows of [up-to months, rate] (blank months = open-ended) — the provision table;
 *    - "weights":    the 32 questionnaire weights, in a row or a column;
 *    - "grades":     rows of [grade, minimum score, limit factor].
 *    "policy" takes no short table: the functions whose figures are scattered over the policy
 *    (write-off years, collection tiers, the default term…) take the policy sheet's rows only.
 *
 * Rows that are entirely blank are ignored: Excel hands a blank cell to a custom function as 0
 * on desktop and as null on the web, so [0, 0] and [null, null] are both blank rows.
 */
import { ArError } from "../errors";
import { Dec } from "../money";
import { DEFAULT_POLICY } from "./defaults";
import { policyFromTable } from "./serialize";
import type { AgingBand, CreditGradeBand, Policy, ProvisionRate } from "./types";
import { loadPolicy } from "./validate";

type RangeShorthand = "thresholds" | "bands" | "rates" | "weights" | "grades" | "policy";

const TOP_LEVEL_KEYS = new Set(Object.keys(DEFAULT_POLICY));

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === 0 || (typeof v === "string" && v.trim() === "");
}

function nonBlankRows(rows: unknown[][]): unknown[][] {
  return rows.filter((r) => Array.isArray(r) && !r.every(isBlank));
}

function looksLikePolicyTable(rows: unknown[][]): boolean {
  const first = rows.find((r) => typeof r[0] === "string" && r[0].trim() !== "");
  if (!first) return false;
  const key = String(first[0]).trim();
  const top = key.split(".")[0] as string;
  return TOP_LEVEL_KEYS.has(top) || /^(key|键|参数|字段|名称|path)$/i.test(key);
}

function rangeError(kind: RangeShorthand, zh: string, en: string): ArError {
  return new ArError(`policy.range.${kind}`, { "zh-CN": zh, "en-US": en }, { field: kind });
}

/** The cells of a single row or column, in order. */
function vector(rows: unknown[][]): unknown[] | null {
  if (rows.length === 1) return rows[0] as unknown[];
  if (rows.every((r) => r.length === 1)) return rows.map((r) => r[0]);
  return null;
}

function num(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

/** "5%", "0.05", 0.05 → "0.05" (exact: the percentage is divided in decimal, not in binary). */
function decimalText(v: unknown): string | null {
  if (typeof v === "number" && Number.isFinite(v)) return new Dec(v.toPrecision(15)).toFixed();
  if (typeof v === "string") {
    const t = v.trim();
    const pct = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(t);
    if (pct) return new Dec(pct[1] as string).div(100).toFixed();
    if (/^-?\d+(\.\d+)?$/.test(t)) return t;
  }
  return null;
}

function monthsLabel(prev: number, upTo: number | null): AgingBand["label"] {
  if (upTo === null) return { "zh-CN": `${prev}个月以上`, "en-US": `over ${prev} months` };
  return { "zh-CN": `${prev}-${upTo}个月`, "en-US": `${prev}–${upTo} months` };
}

function shorthandPolicy(rows: unknown[][], kind: RangeShorthand): Partial<Record<keyof Policy, unknown>> {
  switch (kind) {
    case "policy":
      throw rangeError(
        kind,
        "policy 应为制度参数表的行（键、值两列，如 AR制度参数!A:B 或其命名区域）",
        "policy must be the policy sheet's rows (key and value columns, e.g. 'AR Policy'!A:B or a named range over them)",
      );
    case "thresholds": {
      const v = vector(rows)?.map(num);
      if (!v || v.length !== 3 || v.some((x) => x === null)) {
        throw rangeError(kind, "分类阈值应为三个天数（正常、逾期、呆滞的上限，如 20、90、360）", "thresholds must be three day counts (the normal, overdue and stale maxima, e.g. 20, 90, 360)");
      }
      return { agingClass: { normalMaxDays: v[0], overdueMaxDays: v[1], staleMaxDays: v[2] } };
    }
    case "bands": {
      let prev = 0;
      const bands: AgingBand[] = rows.map((r, i) => {
        const label = r[0];
        const upTo = isBlank(r[1]) ? null : num(r[1]);
        if (typeof label !== "string" || label.trim() === "" || (upTo === null && !isBlank(r[1]))) {
          throw rangeError(kind, `账龄区间第 ${i + 1} 行应为 [名称, 月数上限]`, `bands row ${i + 1} must be [label, up-to months]`);
        }
        const band = { key: `b${i + 1}`, label: { "zh-CN": label.trim(), "en-US": label.trim() }, upToMonths: upTo };
        prev = upTo ?? prev;
        return band;
      });
      return { reportBands: bands };
    }
    case "rates": {
      let prev = 0;
      const bands: AgingBand[] = [];
      const rates: ProvisionRate[] = [];
      rows.forEach((r, i) => {
        const upTo = isBlank(r[0]) ? null : num(r[0]);
        const rate = decimalText(r[1]);
        if ((upTo === null && !isBlank(r[0])) || rate === null) {
          throw rangeError(kind, `计提比例表第 ${i + 1} 行应为 [月数上限, 比例]（最后一行月数可留空）`, `rate table row ${i + 1} must be [up-to months, rate] (months blank on the last row)`);
        }
        const key = upTo === null ? `m${prev}+` : `m${prev}-${upTo}`;
        bands.push({ key, label: monthsLabel(prev, upTo), upToMonths: upTo });
        rates.push({ bandKey: key, rate });
        prev = upTo ?? prev;
      });
      return { provision: { ...DEFAULT_POLICY.provision, bands, rates } };
    }
    case "weights": {
      const v = vector(rows)?.map(decimalText);
      const items = DEFAULT_POLICY.credit.items;
      if (!v || v.length !== items.length || v.some((x) => x === null)) {
        throw rangeError(kind, `权重应为 ${items.length} 个数（一行或一列）`, `weights must be ${items.length} numbers in a row or a column`);
      }
      return { credit: { ...DEFAULT_POLICY.credit, items: items.map((it, i) => ({ ...it, weight: v[i] as string })) } };
    }
    case "grades": {
      const grades: CreditGradeBand[] = rows.map((r, i) => {
        const min = num(r[1]);
        const factor = r.length > 2 && !isBlank(r[2]) ? decimalText(r[2]) : "0";
        if (typeof r[0] !== "string" || r[0].trim() === "" || min === null || factor === null) {
          throw rangeError(kind, `信用等级第 ${i + 1} 行应为 [等级, 最低分, 额度系数]`, `grades row ${i + 1} must be [grade, minimum score, limit factor]`);
        }
        const g = r[0].trim();
        return { grade: g, minScore: min, label: { "zh-CN": g, "en-US": g }, limitFactor: factor };
      });
      return { credit: { ...DEFAULT_POLICY.credit, grades } };
    }
  }
}

const cache = new Map<string, Policy>();
const CACHE_LIMIT = 64;

/**
 * The policy a range describes, merged over the defaults and checked. Missing (null/undefined
 * or an all-blank range) gives DEFAULT_POLICY. Same range contents, same frozen Policy object
 * (cached), so a recalculation over many cells parses the table once.
 */
export function policyFromRange(range: unknown, shorthand: RangeShorthand): Policy {
  if (range === null || range === undefined) return DEFAULT_POLICY;
  const rows = nonBlankRows(Array.isArray(range) ? (Array.isArray(range[0]) ? (range as unknown[][]) : [range as unknown[]]) : [[range]]);
  if (rows.length === 0) return DEFAULT_POLICY;
  const key = `${shorthand}\u0000${JSON.stringify(rows)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const policy = looksLikePolicyTable(rows) ? policyFromTable(rows) : loadPolicy(shorthandPolicy(rows, shorthand));
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, policy);
  return policy;
}
