/**
 * What the policy charges against a department's performance (绩效考核):
 * - 004 五.第七条: at year end 呆账 is deducted in full from the performance profit (the share a
 *   year's policy sets: performance.badDebtDeductionRate, 全额 = 1), and added back in the year it
 *   is recovered;
 * - 004 八.第六条 (with 第四条's discounting): discount interest on bills is deducted from the
 *   collections a department is credited with;
 * - 004 六.第九条: a loss on assets taken in settlement is shared by the departments responsible,
 *   each by its share of the amount it should have collected, then × the compensation ratio the
 *   year's policy sets (performance.assetLossCompensationRatio; blank in the text, so nothing is
 *   computed until the company sets it).
 * Exact decimals; each figure rounded half-up to 0.01 once.
 */
import type Decimal from "decimal.js";
import { ArError } from "./errors";
import { Dec, roundMoney } from "./money";
import type { Policy } from "./policy/types";
import { policyUnsetError } from "./writeoff";

function negativeError(field: string, value: Decimal): ArError {
  return new ArError(
    "performance.amount",
    { "zh-CN": `金额（${field}）${value.toFixed()} 不能为负数。`, "en-US": `The amount (${field}) ${value.toFixed()} must not be negative.` },
    { excel: "#NUM!", field },
  );
}

/** 五.第七条: what a bad debt's balance takes off the year's performance profit (balance × badDebtDeductionRate). */
export function badDebtDeduction(balance: Decimal, policy: Pick<Policy, "performance">): Decimal {
  if (!balance.gt(0)) return new Dec(0);
  return roundMoney(balance.times(policy.performance.badDebtDeductionRate));
}

export interface DepartmentShare {
  department: string;
  /** What the department was responsible for collecting of the debt settled by the assets. */
  amountToCollect: Decimal;
}

interface AssetLossShare extends DepartmentShare {
  /** The department's share of the loss: loss × amountToCollect ÷ the total, to the fen. */
  lossShare: Decimal;
  /** lossShare × the compensation ratio, to the fen; null while the ratio is not set. */
  compensation: Decimal | null;
}

/**
 * 六.第九条: a loss on assets taken in settlement, shared by the departments in proportion to the
 * amounts each should have collected, then × performance.assetLossCompensationRatio. The shares
 * are rounded to the fen so that they add up to the loss exactly (largest remainder: the fen left
 * over go, one each, to the shares rounded down the most, the earlier first on a tie).
 * compensation is null while the ratio is blank (the text leaves it to the year's policy).
 * Throws "performance.amount" for a negative loss or amount, "performance.no-shares" when there is
 * no department or nothing to collect.
 */
export function assetLossShares(loss: Decimal, shares: readonly DepartmentShare[], policy: Pick<Policy, "performance">): AssetLossShare[] {
  if (loss.isNegative()) throw negativeError("loss", loss);
  let total = new Dec(0);
  for (const s of shares) {
    if (s.amountToCollect.isNegative()) throw negativeError("amountToCollect", s.amountToCollect);
    total = total.plus(s.amountToCollect);
  }
  if (shares.length === 0 || total.isZero()) {
    throw new ArError(
      "performance.no-shares",
      { "zh-CN": "没有可分摊损失的部门（各部门应收款额度合计为 0）。", "en-US": "No department to share the loss (the amounts to collect add up to 0)." },
      { excel: "#VALUE!", field: "shares" },
    );
  }
  const lossFen = loss.times(100);
  // Exact shares in fen, floored; the remainder fen go to the largest fractions.
  const exact = shares.map((s) => lossFen.times(s.amountToCollect).div(total));
  const floors = exact.map((e) => e.floor());
  let left = lossFen.floor().minus(floors.reduce((a, f) => a.plus(f), new Dec(0))).toNumber();
  const order = exact.map((e, k) => ({ k, frac: e.minus(floors[k]) })).sort((a, b) => b.frac.comparedTo(a.frac) || a.k - b.k);
  const fen = floors.slice();
  for (const { k } of order) {
    if (left <= 0) break;
    fen[k] = fen[k].plus(1);
    left -= 1;
  }
  // A loss finer than a fen keeps its sub-fen part on the first share, so the shares still add up.
  const sub = lossFen.minus(lossFen.floor());
  if (!sub.isZero()) fen[0] = fen[0].plus(sub);
  const ratio = policy.performance.assetLossCompensationRatio;
  return shares.map((s, k) => {
    const lossShare = fen[k].div(100);
    return { ...s, lossShare, compensation: ratio === null ? null : roundMoney(lossShare.times(ratio)) };
  });
}

/** The compensation ratio of 六.第九条, or "policy.unset" while the text's blank is not filled in. */
export function assetLossCompensationRatio(policy: Pick<Policy, "performance">): string {
  const r = policy.performance.assetLossCompensationRatio;
  if (r === null) throw policyUnsetError("performance.assetLossCompensationRatio", { "zh-CN": "以资产抵债损失的赔偿比例", "en-US": "The compensation ratio for losses on assets taken in settlement" });
  return r;
}
