/**
 * 核销候选表, write-off candidates (POLICY §8): every open item that meets a write-off condition
 * (a status condition, or overdue more than policy.writeOff.overdueYears years), why, the
 * evidence still to collect, the provision already required for it and the deadline for
 * declaring the loss to the tax bureau; then the memorandum register (备查簿) of what was written
 * off and is still pursued.
 *
 * Eligibility is writeoff.writeOffEligibility's, on the check's effective due date; an item
 * already marked written off is a memorandum entry, not a candidate.
 */
import type Decimal from "decimal.js";
import type { Lang } from "../../i18n/bilingual";
import { Dec } from "../money";
import { lateFilingCompensation, recoveryReward, taxFilingDeadline } from "../writeoff";
import { format } from "../../i18n";
import {
  addProvision,
  addRowBalance,
  balanceCell,
  customerKey,
  dayCell,
  decimalCell,
  dueDayOf,
  finishSheet,
  openSheet,
  provisionCell,
  reportContext,
  type ReportInput,
  reportStrings,
  totalCell,
  type WrittenOffItem,
} from "./input";
import { MoneySum } from "../money-sum";
import { integerCell, type SheetSpec, type SpecCell, textCell } from "./sheet-spec";

const WIDTH = 13;

function percentText(rate: string | null, unset: string): string {
  return rate === null ? unset : `${new Dec(rate).times(100).toString()}%`;
}

/** A candidate's late-filing compensation (writeoff.lateFilingCompensation), added to the total: the total is the sum of its lines. */
function compensationCell(balance: Decimal | null, policy: ReportInput["policy"], total: MoneySum): SpecCell {
  if (balance === null) return decimalCell(null);
  const c = lateFilingCompensation(balance, policy);
  total.addDecimal(c);
  return decimalCell(c);
}

/** A memorandum item's reward on its recovery (writeoff.recoveryReward), added to the total. */
function rewardCell(recovered: Decimal | null, policy: ReportInput["policy"], total: MoneySum): SpecCell {
  if (recovered === null) return decimalCell(null);
  const r = recoveryReward(recovered, policy);
  total.addDecimal(r);
  return decimalCell(r);
}

export function buildWriteOffCandidates(input: ReportInput, lang: Lang): SheetSpec {
  const ctx = reportContext(input, lang);
  const s = reportStrings(lang);
  const sw = s.writeOff;
  const { audit, policy, asOf } = input;
  const sep = lang === "zh-CN" ? "；" : "; ";
  const b = openSheet(ctx, "writeOffCandidates", WIDTH);
  b.section(sw.sectionCandidates);
  const header = b.header([
    s.columns.no,
    s.columns.customer,
    s.columns.document,
    s.columns.dateArisen,
    s.columns.dueDate,
    sw.daysPastDue,
    s.columns.balance,
    s.columns.provision,
    sw.reason,
    sw.evidence,
    sw.taxDeadline,
    s.columns.collector,
    format(sw.compensation, { rate: percentText(policy.writeOff.incomeTaxRate, s.common.toBeSet) }),
  ]);
  const deadline = taxFilingDeadline(asOf, policy);
  const balance = new MoneySum();
  const provision = new MoneySum();
  // 七.第五条: 赔偿金额 = 应收账款损失 × 33% × 赔偿比率, per item, rounded once; the ratio is blank
  // in the text, and until the company sets it the column says so rather than invent a figure.
  const ratioSet = policy.writeOff.compensationRatio !== null;
  const compensation = new MoneySum();
  let no = 0;
  for (const i of ctx.writeOffCandidates()) {
    const r = ctx.rows[i];
    const due = dueDayOf(audit, i);
    const reasons = ctx.writeOffReasons(i);
    const key = customerKey(r.customer);
    const contacts = key === null ? 0 : (ctx.log.get(key)?.contacts ?? 0);
    const evidence = reasons.map((reason) => {
      const byKey = sw.evidenceByCondition as Record<string, string>;
      const needed = byKey[reason.key] ?? sw.evidenceByCondition.other;
      if (reason.key !== "overdue" || contacts === 0) return needed;
      const logged = format(sw.evidenceLogged, { count: contacts });
      return lang === "zh-CN" ? `${needed}（${logged}）` : `${needed} (${logged})`;
    });
    evidence.push(sw.evidenceCommon);
    no += 1;
    addRowBalance(balance, r);
    addProvision(provision, audit, i);
    b.add("body", [
      integerCell(no),
      textCell(ctx.customerName(i, s.common.noCustomer), "wrap"),
      textCell(r.document),
      dayCell(r.dateArisen),
      dayCell(due),
      integerCell(audit.rows.daysPastDue[i]),
      balanceCell(r),
      provisionCell(audit, i),
      textCell(reasons.map((x) => x.label[lang]).join(sep), "wrap"),
      textCell(evidence.join(sep), "wrap"),
      dayCell(deadline),
      textCell(ctx.collectorOf(i)),
      ratioSet ? compensationCell(r.balance, policy, compensation) : textCell(s.common.toBeSet),
    ]);
  }
  if (no === 0) b.note(sw.noneCandidates);
  else {
    const t = b.add("total", [
      textCell(s.common.total, "total"),
      ...Array.from({ length: 5 }, () => textCell(null, "total")),
      totalCell(balance, "total"),
      totalCell(provision, "total"),
      ...Array.from({ length: 4 }, () => textCell(null, "total")),
      ratioSet ? totalCell(compensation, "total") : textCell(s.common.toBeSet, "total"),
    ]);
    b.merge({ row: t, col: 0, rows: 1, cols: 6 });
  }

  // The memorandum register.
  b.blank();
  b.section(sw.sectionMemo);
  const memo: { customer: string; document: string | null; on: number | null; amount: Decimal; recovered: Decimal | null; collector: string | null; note: string | null }[] = [];
  for (const item of input.writtenOff ?? ([] as readonly WrittenOffItem[])) {
    memo.push({
      customer: item.customer,
      document: item.document ?? null,
      on: item.writtenOffOn ?? null,
      amount: item.amount,
      recovered: item.recovered ?? null,
      collector: item.collector ?? null,
      note: item.note ?? null,
    });
  }
  for (let i = 0; i < ctx.n; i++) {
    if (!ctx.isWrittenOff(i)) continue;
    const r = ctx.rows[i];
    const amount = r.balance !== null && r.balance.gt(0) ? r.balance : r.amount;
    if (amount === null) continue;
    memo.push({ customer: ctx.customerName(i, s.common.noCustomer), document: r.document, on: null, amount, recovered: null, collector: ctx.collectorOf(i), note: ctx.statusText(i) });
  }
  if (memo.length === 0) b.note(sw.noneMemo);
  else {
    const rewardRate = policy.writeOff.recoveryRewardRate;
    const h = b.header([
      s.columns.no,
      s.columns.customer,
      s.columns.document,
      sw.writtenOffOn,
      null,
      null,
      sw.amountWrittenOff,
      sw.recovered,
      sw.stillPursued,
      s.columns.status,
      null,
      s.columns.collector,
      format(sw.reward, { rate: percentText(rewardRate, s.common.toBeSet) }),
    ]);
    b.merge({ row: h, col: 3, rows: 1, cols: 3 });
    b.merge({ row: h, col: 9, rows: 1, cols: 2 });
    const amount = new MoneySum();
    const recovered = new MoneySum();
    const still = new MoneySum();
    const reward = new MoneySum();
    memo.forEach((m, k) => {
      const left = m.recovered === null ? m.amount : m.amount.minus(m.recovered);
      amount.addDecimal(m.amount);
      if (m.recovered !== null) recovered.addDecimal(m.recovered);
      still.addDecimal(left);
      const row = b.add("body", [
        integerCell(k + 1),
        textCell(m.customer, "wrap"),
        textCell(m.document),
        dayCell(m.on),
        null,
        null,
        decimalCell(m.amount),
        decimalCell(m.recovered),
        decimalCell(left),
        textCell(m.note, "wrap"),
        null,
        textCell(m.collector),
        // 七.第六条: the reward on what was recovered after the write-off, once the rate is set.
        rewardRate === null ? textCell(s.common.toBeSet) : rewardCell(m.recovered, policy, reward),
      ] satisfies (SpecCell | null)[]);
      b.merge({ row, col: 3, rows: 1, cols: 3 });
      b.merge({ row, col: 9, rows: 1, cols: 2 });
    });
    const t = b.add("total", [
      textCell(s.common.total, "total"),
      ...Array.from({ length: 5 }, () => textCell(null, "total")),
      totalCell(amount, "total"),
      totalCell(recovered, "total"),
      totalCell(still, "total"),
      ...Array.from({ length: 3 }, () => textCell(null, "total")),
      rewardRate === null ? textCell(s.common.toBeSet, "total") : totalCell(reward, "total"),
    ]);
    b.merge({ row: t, col: 0, rows: 1, cols: 6 });
  }

  b.blank();
  const w = policy.writeOff;
  b.note(format(sw.noteTax, { days: w.taxFilingDaysAfterYearEnd, rate: percentText(w.incomeTaxRate, s.common.toBeSet), ratio: percentText(w.compensationRatio, s.common.toBeSet) }));
  b.note(format(sw.noteMemo, { reward: percentText(w.recoveryRewardRate, s.common.toBeSet) }));
  b.note(sw.noteMemoSources);

  return finishSheet(ctx, "writeOffCandidates", b, {
    columns: [
      { min: 5 },
      { min: 16, max: 28 },
      { min: 10, max: 16 },
      { min: 11 },
      { min: 11 },
      { min: 8 },
      { min: 13 },
      { min: 13 },
      { min: 16, max: 24 },
      { min: 24, max: 36 },
      { min: 11 },
      { min: 8, max: 12 },
      { min: 13, max: 20 },
    ],
    headerRow: header, printTitles: "header",
  });
}
