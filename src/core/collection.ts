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
 * A recovery probability as a fraction in [0, 1]. Accepts a number or Decimal, or text such as
 * "0.85", "85%" (full-width ％ too) or "85". A number (or numberless text) above 1 is read as a
 * percentage, so 85 means 85%; 1 itself means 100% (write "1%" or 0.01 for one percent).
 * Blank or unreadable -> ArError "collection.probability" (#VALUE!); outside 0–100% -> (#NUM!).
 */
export function parseProbability(input: unknown): Decimal {
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

/**
 * The collection tier for a recovery probability (004 六.第三条): the first tier (they run from
 * most to least likely) the probability is in — above its minProbability, or at it when the tier
 * includes it (atMinProbability). With the defaults: exactly 0.90 -> wait (90%以上 includes 90%),
 * 0.70 -> gentle (the stated choice for a number named in two tiers), 0.50 -> legal (50%以下
 * includes 50%), 0.5001 -> firm.
 */
export function collectionTier(probability: unknown, policy: Pick<Policy, "collectionTiers">): CollectionTier {
  const p = parseProbability(probability);
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
