/**
 * 绩效考核扣减表, what the policy charges against each department's performance (经营部 / 项目部,
 * the ledger's responsible department, else the customer master's):
 * 1. per department: 呆账 on the as-of date and what it takes off the year's performance profit
 *    (004 五.第七条, balance × performance.badDebtDeductionRate, 全额 by default); amounts
 *    recovered this year on items that were 呆账 at the last year end, added back; discount
 *    interest on bills discounted this year, deducted from the collections credited (八.第六条);
 *    compensation for losses on assets taken in settlement (六.第九条);
 * 2. the bills discounted this year, each with its interest;
 * 3. the asset settlements given to the run, each loss shared by the departments' amounts to collect.
 * Figures the text leaves blank (六.第九条's ratio) read "to be set in the policy" until set.
 */
import type Decimal from "decimal.js";
import { AGING_CLASSES, classLimits, directToBadCondition } from "../aging";
import { discountInterest } from "../bills";
import { type DayNumber, fromYmd, toYmd } from "../calendar";
import { formatDate } from "../dates";
import type { Lang } from "../../i18n/bilingual";
import type { BillsRegisterRow } from "../ledger/companions";
import type { LedgerRow } from "../ledger/ledger-store";
import { Dec, formatMoneyGrouped } from "../money";
import { assetLossShares, badDebtDeduction, type DepartmentShare } from "../performance";
import { format } from "../../i18n";
import { addRowBalance, addRowMoney, customerKey, dayCell, decimalCell, dueDayOf, finishSheet, joinText, openSheet, reportContext, type ReportInput, reportStrings, totalCell } from "./input";
import { MoneySum } from "../money-sum";
import { integerCell, percentCell, type SheetSpec, type SpecCell, textCell } from "./sheet-spec";

const WIDTH = 9;

/** A loss on assets taken in settlement of a receivable (004 六.第九条), as finance records it. */
export interface AssetSettlement {
  customer?: string | null;
  /** When the assets were taken. */
  date?: DayNumber | null;
  /** The loss: the amount settled less the assets' appraised value (三.第九条, 六.第八条). */
  loss: Decimal;
  /** The departments responsible, each with the amount it should have collected. */
  shares: readonly DepartmentShare[];
}

interface DepartmentFigures {
  name: string | null;
  badCount: number;
  bad: MoneySum;
  deducted: MoneySum;
  recovered: MoneySum;
  discount: MoneySum;
  compensation: MoneySum;
}

export function buildPerformanceDeduction(input: ReportInput, lang: Lang): SheetSpec {
  const ctx = reportContext(input, lang);
  const s = reportStrings(lang);
  const sp = s.performance;
  const { audit, policy, asOf } = input;
  // The year of the as-of date: 五.第七条 deducts at year end and adds back in the year recovered.
  const { y } = toYmd(asOf);
  const lastYearEnd = fromYmd(y - 1, 12, 31);
  const yearStart = fromYmd(y, 1, 1);
  const staleLimit = classLimits(policy.agingClass).stale;
  const bad = AGING_CLASSES.indexOf("bad");

  // Departments, first seen first; the rows without one last.
  const departments = new Map<string, DepartmentFigures>();
  const none: DepartmentFigures = figures(null);
  function figures(name: string | null): DepartmentFigures {
    return { name, badCount: 0, bad: new MoneySum(), deducted: new MoneySum(), recovered: new MoneySum(), discount: new MoneySum(), compensation: new MoneySum() };
  }
  const of = (name: string | null): DepartmentFigures => {
    const key = customerKey(name);
    if (key === null) return none;
    let f = departments.get(key);
    if (f === undefined) {
      f = figures(name);
      departments.set(key, f);
    }
    return f;
  };
  const departmentOfCustomer = new Map<string, string>();

  // 五.第七条: 呆账 now, deducted in full (or the year's share).
  for (let i = 0; i < ctx.n; i++) {
    const r = ctx.rows[i];
    const dept = ctx.departmentOf(i);
    const key = customerKey(r.customer);
    if (key !== null && dept !== null && !departmentOfCustomer.has(key)) departmentOfCustomer.set(key, dept);
    const f = of(dept);
    if (audit.rows.agingClass[i] !== bad || !(r.moneySign("balance") > 0)) continue;
    f.badCount += 1;
    addRowBalance(f.bad, r);
    f.deducted.addDecimal(badDebtDeduction(r.balance as Decimal, policy));
  }

  // 五.第七条: recovered this year on what was 呆账 at the last year end, added back.
  let undated = 0;
  const wasBad = (due: DayNumber | null, from: DayNumber | null, statusText: string | null): boolean => {
    if (due === null || from === null || from > lastYearEnd) return false;
    return lastYearEnd - due > staleLimit || directToBadCondition(statusText, policy) !== null;
  };
  const recovered = (r: LedgerRow, due: DayNumber | null, dept: string | null): void => {
    if (!(r.moneySign("received") > 0) || !wasBad(due, r.dateArisen ?? due, joinText(r.status, r.note))) return;
    const paid = r.lastPaymentDate;
    if (paid === null) {
      undated += 1;
      return;
    }
    if (paid < yearStart || paid > asOf) return;
    addRowMoney(of(dept).recovered, r, "received");
  };
  for (let i = 0; i < ctx.n; i++) recovered(ctx.rows[i], dueDayOf(audit, i), ctx.departmentOf(i));
  for (const r of audit.settledRows) {
    const due = r.dueDate ?? (r.dateArisen === null ? null : r.dateArisen + (r.creditDays ?? policy.defaultCreditDays));
    recovered(r, due, r.department);
  }

  // 八.第六条: discount interest on bills discounted this year, deducted from collections.
  const bills: { rec: BillsRegisterRow; department: string | null; interest: Decimal | null }[] = [];
  for (const rec of input.companions.bills?.records ?? []) {
    const on = rec.discountDate;
    if (on === null || on < yearStart || on > asOf) continue;
    let interest: Decimal | null = rec.discountInterest;
    if (interest === null && rec.discountRate !== null && rec.amount !== null && rec.dueDate !== null && on < rec.dueDate) {
      interest = discountInterest(rec.amount, rec.discountRate, on, rec.dueDate, policy);
    }
    const key = customerKey(rec.customer);
    const department = key === null ? null : (departmentOfCustomer.get(key) ?? null);
    bills.push({ rec, department, interest });
    if (interest !== null) of(department).discount.addDecimal(interest);
  }

  // 六.第九条: losses on assets taken in settlement, shared and × the ratio.
  const ratio = policy.performance.assetLossCompensationRatio;
  const settlements = (input.assetSettlements ?? []).map((a) => ({ a, shares: assetLossShares(a.loss, a.shares, policy) }));
  for (const { shares } of settlements) for (const sh of shares) if (sh.compensation !== null) of(sh.department).compensation.addDecimal(sh.compensation);

  const b = openSheet(ctx, "performanceDeduction", WIDTH);
  b.section(sp.sectionDepartments);
  const header = b.header([s.columns.no, s.columns.department, sp.badItems, sp.badBalance, sp.deducted, sp.recovered, sp.net, sp.discount, sp.compensation]);
  const total = figures(null);
  const lines = [...departments.values()];
  if (none.badCount > 0 || !none.recovered.isZero() || !none.discount.isZero() || !none.compensation.isZero()) lines.push(none);
  const unset = ratio === null && settlements.length > 0;
  lines.forEach((f, k) => {
    const net = new MoneySum();
    net.addSum(f.recovered);
    net.addDecimal(new Dec(f.deducted.toString()).negated());
    b.add("body", [
      integerCell(k + 1),
      textCell(f.name ?? s.common.noDepartment),
      integerCell(f.badCount),
      totalCell(f.bad),
      totalCell(f.deducted),
      totalCell(f.recovered),
      totalCell(net),
      totalCell(f.discount),
      unset ? textCell(s.common.toBeSet) : totalCell(f.compensation),
    ] satisfies SpecCell[]);
    total.badCount += f.badCount;
    total.bad.addSum(f.bad);
    total.deducted.addSum(f.deducted);
    total.recovered.addSum(f.recovered);
    total.discount.addSum(f.discount);
    total.compensation.addSum(f.compensation);
  });
  const net = new MoneySum();
  net.addSum(total.recovered);
  net.addDecimal(new Dec(total.deducted.toString()).negated());
  const t = b.add("total", [
    textCell(s.common.total, "total"),
    textCell(null, "total"),
    integerCell(total.badCount, "total"),
    totalCell(total.bad, "total"),
    totalCell(total.deducted, "total"),
    totalCell(total.recovered, "total"),
    totalCell(net, "total"),
    totalCell(total.discount, "total"),
    unset ? textCell(s.common.toBeSet, "total") : totalCell(total.compensation, "total"),
  ]);
  b.merge({ row: t, col: 0, rows: 1, cols: 2 });

  // 2. Bills discounted this year.
  b.blank();
  b.section(sp.sectionBills);
  if (bills.length === 0) b.note(input.companions.bills ? sp.noBills : sp.noBillsRegister);
  else {
    b.header([sp.billNo, s.columns.customer, s.columns.department, sp.face, sp.discountDate, sp.maturity, sp.rate, sp.interest, null]);
    const sum = new MoneySum();
    for (const { rec, department, interest } of bills) {
      if (interest !== null) sum.addDecimal(interest);
      b.add("body", [
        textCell(rec.billNo),
        textCell(rec.customer, "wrap"),
        textCell(department ?? s.common.noDepartment),
        decimalCell(rec.amount),
        dayCell(rec.discountDate),
        dayCell(rec.dueDate),
        percentCell(rec.discountRate === null ? null : rec.discountRate.toNumber()),
        interest === null ? textCell(sp.interestUnknown, "wrap") : decimalCell(interest),
        null,
      ]);
    }
    const bt = b.add("total", [textCell(s.common.total, "total"), ...Array.from({ length: 6 }, () => textCell(null, "total")), totalCell(sum, "total"), textCell(null, "total")]);
    b.merge({ row: bt, col: 0, rows: 1, cols: 2 });
  }

  // 3. Asset settlements.
  b.blank();
  b.section(sp.sectionAssets);
  if (settlements.length === 0) b.note(sp.noAssets);
  else {
    b.header([s.columns.customer, sp.assetDate, sp.loss, s.columns.department, sp.toCollect, sp.lossShare, sp.ratio, sp.compensation, null]);
    const lossTotal = new MoneySum();
    const shareTotal = new MoneySum();
    const compensationTotal = new MoneySum();
    for (const { a, shares } of settlements) {
      lossTotal.addDecimal(a.loss);
      shares.forEach((sh, k) => {
        shareTotal.addDecimal(sh.lossShare);
        if (sh.compensation !== null) compensationTotal.addDecimal(sh.compensation);
        b.add("body", [
          textCell(k === 0 ? (a.customer ?? null) : null, "wrap"),
          dayCell(k === 0 ? (a.date ?? null) : null),
          k === 0 ? decimalCell(a.loss) : decimalCell(null),
          textCell(sh.department),
          decimalCell(sh.amountToCollect),
          decimalCell(sh.lossShare),
          ratio === null ? textCell(s.common.toBeSet) : percentCell(Number(ratio)),
          sh.compensation === null ? textCell(s.common.toBeSet) : decimalCell(sh.compensation),
          null,
        ]);
      });
    }
    const at = b.add("total", [
      textCell(s.common.total, "total"),
      textCell(null, "total"),
      totalCell(lossTotal, "total"),
      textCell(null, "total"),
      textCell(null, "total"),
      totalCell(shareTotal, "total"),
      textCell(null, "total"),
      ratio === null ? textCell(s.common.toBeSet, "total") : totalCell(compensationTotal, "total"),
      textCell(null, "total"),
    ]);
    b.merge({ row: at, col: 0, rows: 1, cols: 2 });
  }

  b.blank();
  b.note(format(sp.noteDeduction, { rate: `${new Dec(policy.performance.badDebtDeductionRate).times(100).toFixed()}%`, lastYearEnd: formatDate(lastYearEnd, lang) }));
  if (undated > 0) b.note(format(sp.noteUndated, { count: undated }));
  b.note(sp.noteDiscount);
  b.note(ratio === null ? sp.noteRatioUnset : format(sp.noteRatio, { ratio: `${new Dec(ratio).times(100).toFixed()}%` }));
  b.note(format(sp.noteSum, { amount: formatMoneyGrouped(new Dec(total.bad.toString())) }));

  return finishSheet(ctx, "performanceDeduction", b, {
    columns: [{ min: 8 }, { min: 12, max: 24 }, { min: 8 }, { min: 13 }, { min: 13 }, { min: 13 }, { min: 13 }, { min: 13 }, { min: 13 }],
    headerRow: header,
    printTitles: "title",
  });
}
