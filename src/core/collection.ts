/**
 * Collection approach by recovery probability (POLICY §6): the quarterly review estimates each
 * customer's probability of recovery and the policy's tiers turn it into an approach.
 */
import type Decimal from "decimal.js";
import { ArError } from "./errors";
import { Dec, isExcelErrorValue, quoteInput, toHalfWidth } from "./money";
import type { CollectionTier, Policy } from "./policy/types";

function probabilityError(input: unknown, excel: "#VALUE!" | "#NUM!"): ArError {
  const q = quoteInput(input);
  return new ArError(
    "collection.probability",
    excel === "#NUM!"
      ? {
          "zh-CN": `回收可能性 ${q} 不在 0%–100% 之间。`,
          "en-US": `The recovery probability ${q} is not between 0% and 100%.`,
        }
      : {
          "zh-CN": `无法识别回收可能性“${q}”。可写作 0.85、85% 或 85。`,
          "en-US": `Cannot read "${q}" as a recovery probability. Write 0.85, 85% or 85.`,
        },
    { excel, field: "probability" },
  );
}

/**
 * How a probability may be written. "lenient" (a ledger's column, written by hand for years):
 * a number above 1 is a percentage, so 85 means 85%. "fraction-or-percent" (AR.COLLECTION_ACTION):
 * a fraction in [0, 1], or a percentage typed with % (Excel stores 85% as 0.85); anything else,
 * 85 and 1.5 included, is refused, because 1.5 cannot be told from a typo.
 */
type ProbabilityReading = "lenient" | "fraction-or-percent";

function notFractionOrPercent(input: unknown): ArError {
  const q = quoteInput(input);
  return new ArError(
    "collection.probability",
    {
      "zh-CN": `回收可能性“${q}”不是 0 到 1 之间的比例，也不是带 % 的百分数：请写作 85% 或 0.85。`,
      "en-US": `The recovery probability "${q}" is neither a fraction between 0 and 1 nor a percentage with %: write 85% or 0.85.`,
    },
    { excel: "#VALUE!", field: "probability" },
  );
}

/**
 * A recovery probability as a fraction in [0, 1]. Accepts a number or Decimal, or text such as
 * "0.85", "85%" (full-width ％ too) or "85". Read "lenient" (the default), a number (or numberless
 * text) above 1 is read as a percentage, so 85 means 85%; 1 itself means 100% (write "1%" or 0.01
 * for one percent). Blank or unreadable -> ArError "collection.probability" (#VALUE!); outside
 * 0–100% -> (#NUM!). Read "fraction-or-percent", every refusal is #VALUE! saying to write 85% or
 * 0.85 (Excel shows a function's own message only on #VALUE! and #N/A).
 */
export function parseProbability(input: unknown, reading: ProbabilityReading = "lenient"): Decimal {
  if (reading === "fraction-or-percent") {
    try {
      return strictProbability(input);
    } catch (e) {
      if (e instanceof ArError && e.id === "collection.probability") throw notFractionOrPercent(input);
      throw e;
    }
  }
  let value: Decimal | undefined;
  let percent = false;
  if (typeof input === "number") {
    if (Number.isNaN(input)) throw probabilityError(input, "#VALUE!");
    if (!Number.isFinite(input)) throw probabilityError(input, "#NUM!");
    value = new Dec(input.toPrecision(15));
  } else if (Dec.isDecimal(input)) {
    const d = input as Decimal;
    if (d.isNaN()) throw probabilityError(input, "#VALUE!");
    if (!d.isFinite()) throw probabilityError(input, "#NUM!");
    value = new Dec(d);
  } else if (typeof input === "string" && !isExcelErrorValue(input)) {
    const m = /^([+-]?\d+(?:\.\d+)?)\s*(%)?$/.exec(toHalfWidth(input).trim());
    if (m !== null) {
      value = new Dec(m[1]);
      percent = m[2] !== undefined;
    }
  }
  if (value === undefined) throw probabilityError(input, "#VALUE!");
  const fraction = percent || value.gt(1) ? value.div(100) : value;
  if (fraction.lt(0) || fraction.gt(1)) throw probabilityError(input, "#NUM!");
  return fraction.isZero() ? new Dec(0) : fraction;
}

/** A fraction in [0, 1] or text with %: the lenient reading of a value that is not above 1, or that has its %. */
function strictProbability(input: unknown): Decimal {
  let bare: Decimal | null = null;
  if (typeof input === "number" && Number.isFinite(input)) bare = new Dec(input.toPrecision(15));
  else if (Dec.isDecimal(input)) bare = new Dec(input as Decimal);
  else if (typeof input === "string" && !/[%％]\s*$/.test(input.trim())) {
    const m = /^([+-]?\d+(?:\.\d+)?)$/.exec(toHalfWidth(input).trim());
    if (m !== null) bare = new Dec(m[1]);
  }
  // Without a %, only [0, 1] is a probability: 1.5 and 85 are refused, not guessed.
  if (bare !== null && (bare.gt(1) || bare.lt(0))) throw probabilityError(input, "#VALUE!");
  return parseProbability(input);
}

/**
 * The collection tier for a recovery probability (004 六.第三条): the first tier (they run from
 * most to least likely) the probability is in — above its minProbability, or at it when the tier
 * includes it (atMinProbability). With the defaults: exactly 0.90 -> wait (90%以上 includes 90%),
 * 0.70 -> gentle (the stated choice for a number named in two tiers), 0.50 -> legal (50%以下
 * includes 50%), 0.5001 -> firm.
 */
export function collectionTier(probability: unknown, policy: Pick<Policy, "collectionTiers">, reading: ProbabilityReading = "lenient"): CollectionTier {
  const p = parseProbability(probability, reading);
  const tier = policy.collectionTiers.find((t) => p.gt(t.minProbability) || (t.atMinProbability === "included" && p.eq(t.minProbability)));
  // A valid policy's last tier starts at 0, so every probability in [0, 1] finds one.
  if (tier === undefined) {
    throw new ArError(
      "policy.invalid",
      { "zh-CN": "策略的催收档次没有覆盖到 0（请用 loadPolicy 校验策略）。", "en-US": "The policy's collection tiers do not reach down to 0 (check the policy with loadPolicy)." },
      { field: "collectionTiers" },
    );
  }
  return tier;
}
