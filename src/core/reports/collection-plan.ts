/**
 * 催收计划, the collection plan (POLICY §6): per customer with an open balance, its recovery
 * probability and the approach the policy sets for it, who is responsible, the last contact and
 * the latest promise to pay from the collection log, and the next step.
 *
 * A customer's probability is the balance-weighted mean of its items' probabilities (an item
 * with only an expected recovery counts as expected recovery ÷ balance, at most 100%), exactly
 * in decimals, so a customer on a tier's boundary gets that tier. Customers are listed least
 * likely to pay first; those not assessed last; by balance within each approach.
 */
import type Decimal from "decimal.js";
import { NO_DAYS, NO_VALUE } from "../batch";
import { collectionTier } from "../collection";
import type { Lang } from "../../i18n/bilingual";
import { AGING_CLASSES } from "../aging";
import { Dec, formatMoneyGrouped } from "../money";
import type { CollectionTier } from "../policy/types";
import { format, stringsFor } from "../../i18n";
import { formatDate } from "../dates";
import { addRowBalance, customerRecoveryProbability, dayCell, decimalCell, finishSheet, openSheet, reportContext, type ReportInput, reportStrings, totalCell } from "./input";
import { MoneySum } from "../money-sum";
import { integerCell, percentCell, type SheetSpec, textCell } from "./sheet-spec";

interface PlanLine {
  customer: number;
  balance: MoneySum;
  pastDue: MoneySum;
  maxDays: number;
  /** The latest payment date of the customer's items in the ledger; -Infinity when none. */
  lastPayment: number;
  probability: Decimal | null;
  tier: CollectionTier | null;
  departments: string[];
  collectors: string[];
  /** The most severe class among the customer's open items (index into AGING_CLASSES); -1 when none is known. */
  worstClass: number;
  /** The balance of its items in classes at or above policy.collection.neverWaitFromClass. */
  neverWait: MoneySum;
}

/**
 * Adds a name to a short list once. Names go through one Map first, so equal names are the same
 * string and the list compares pointers, not characters (a ledger's cells are separate strings).
 */
function distinctAdder(): (list: string[], value: string | null) => void {
  const interned = new Map<string, string>();
  return (list, value) => {
    if (value === null || value === "") return;
    let v = interned.get(value);
    if (v === undefined) {
      v = value;
      interned.set(value, value);
    }
    for (let k = 0; k < list.length; k++) if (list[k] === v) return;
    list.push(v);
  };
}

export function buildCollectionPlan(input: ReportInput, lang: Lang): SheetSpec {
  const ctx = reportContext(input, lang);
  const s = reportStrings(lang);
  const sc = s.collection;
  const { audit, policy, asOf } = input;
  const sep = lang === "zh-CN" ? "、" : ", ";
  const stepSep = lang === "zh-CN" ? "；" : "; ";
  const classOf = audit.rows.agingClass;
  const days = audit.rows.daysPastDue;
  // 004 五.第六条 (special attention to overdue and stale items) and 第七条 (a named collector for
  // 呆账): from this class on, no probability tier leaves a customer undisturbed.
  const neverWaitFrom = AGING_CLASSES.indexOf(policy.collection.neverWaitFromClass);
  const classNames = stringsFor(lang).agingClass;

  const addDistinct = distinctAdder();
  const lines: PlanLine[] = [];
  for (const c of ctx.customers) {
    const balance = new MoneySum();
    const pastDue = new MoneySum();
    let maxDays = 0;
    let lastPayment = -Infinity;
    let worstClass = -1;
    const neverWait = new MoneySum();
    const departments: string[] = [];
    const collectors: string[] = [];
    for (const i of c.rows) {
      const r = ctx.rows[i];
      addRowBalance(balance, r);
      const paid = r.lastPaymentDate;
      if (paid !== null && paid > lastPayment) lastPayment = paid;
      addDistinct(departments, ctx.departmentOf(i));
      addDistinct(collectors, ctx.collectorOf(i));
      if (!(r.moneySign("balance") > 0)) continue;
      if (classOf[i] !== NO_VALUE && classOf[i] > 0) addRowBalance(pastDue, r);
      if (classOf[i] !== NO_VALUE && classOf[i] > worstClass) worstClass = classOf[i];
      if (classOf[i] !== NO_VALUE && classOf[i] >= neverWaitFrom) addRowBalance(neverWait, r);
      if (days[i] !== NO_DAYS && days[i] > maxDays) maxDays = days[i];
    }
    if (balance.toNumber() <= 0) continue;
    const probability = customerRecoveryProbability(ctx, c);
    lines.push({ customer: c.id, balance, pastDue, maxDays, lastPayment, probability, tier: probability === null ? null : collectionTier(probability, policy), departments, collectors, worstClass, neverWait });
  }
  // 五.第六、七条 ask for attention (stale) and a named collector (bad) whatever the probability says.
  const classDemand = (line: PlanLine): boolean => line.worstClass >= neverWaitFrom;
  // Least likely first; a customer not assessed but with items the class marks ranks with the least likely.
  const tierRank = (line: PlanLine): number => (line.tier !== null ? policy.collectionTiers.indexOf(line.tier) : classDemand(line) ? policy.collectionTiers.length - 1 : -1);
  lines.sort((a, b) => tierRank(b) - tierRank(a) || b.balance.toNumber() - a.balance.toNumber() || a.customer - b.customer);

  const b = openSheet(ctx, "collectionPlan", 14);
  const header = b.header([
    s.columns.no,
    s.columns.customer,
    s.columns.department,
    s.columns.collector,
    s.columns.balance,
    sc.overdue,
    sc.maxDays,
    sc.probability,
    sc.approach,
    sc.lastContact,
    sc.method,
    sc.promisedAmount,
    sc.promisedDate,
    sc.nextStep,
  ]);
  const balanceTotal = new MoneySum();
  const pastDueTotal = new MoneySum();
  const promisedTotal = new MoneySum();
  const hasLog = input.companions.collections !== null && input.companions.collections !== undefined;
  const overriddenOf = (line: PlanLine): boolean => line.tier !== null && line.tier.approach === "wait" && line.worstClass >= neverWaitFrom;
  lines.forEach((line, k) => {
    const c = ctx.customers[line.customer];
    const log = ctx.log.get(c.key) ?? null;
    const promise = log?.promise ?? null;
    const steps: string[] = [];
    if (promise !== null && promise.promisedDate !== null) {
      const date = formatDate(promise.promisedDate, lang);
      if (promise.promisedDate >= asOf) {
        const amount = promise.promisedAmount === null ? "" : formatMoneyGrouped(promise.promisedAmount);
        steps.push(format(sc.followPromise, { amount, date }).replace(/\s+/g, " ").trim());
      } else {
        // Kept if the log shows money collected since the promise, or the ledger a payment since.
        const paidSince = promise.contactDate !== null && line.lastPayment >= promise.contactDate;
        if (!(log?.collectedSincePromise ?? false) && !paidSince) steps.push(format(sc.promiseBroken, { date }));
      }
    }
    // The class overrides a tier that says wait: the plan says so, and why.
    if (overriddenOf(line)) {
      const cls = AGING_CLASSES[line.worstClass];
      steps.push(
        format(sc.overrideWhy, {
          probability: `${(line.probability as Decimal).times(100).toDecimalPlaces(2).toString()}%`,
          cls: lang === "en-US" ? classNames[cls].toLowerCase() : classNames[cls],
          amount: formatMoneyGrouped(new Dec(line.neverWait.toString())),
        }),
      );
      steps.push(cls === "bad" ? (line.collectors.length === 0 ? sc.steps.namedCollectorMissing : format(sc.steps.namedCollector, { collector: line.collectors.join(sep) })) : sc.steps.specialAttention);
    } else {
      steps.push(sc.steps[line.tier === null ? "unknown" : line.tier.approach]);
      // Whatever the tier (or none yet), stale and bad items keep the class's own demand.
      if (classDemand(line)) {
        const bad = AGING_CLASSES[line.worstClass] === "bad";
        steps.push(bad ? (line.collectors.length === 0 ? sc.steps.namedCollectorMissing : format(sc.steps.namedCollector, { collector: line.collectors.join(sep) })) : sc.steps.specialAttention);
      }
    }
    if (hasLog && log === null) steps.push(sc.noContact);
    balanceTotal.addSum(line.balance);
    pastDueTotal.addSum(line.pastDue);
    if (promise?.promisedAmount != null) promisedTotal.addDecimal(promise.promisedAmount);
    b.add("body", [
      integerCell(k + 1),
      textCell(c.name, "wrap"),
      textCell(line.departments.length === 0 ? null : line.departments.join(sep)),
      textCell(line.collectors.length === 0 ? null : line.collectors.join(sep)),
      totalCell(line.balance),
      totalCell(line.pastDue),
      integerCell(line.maxDays),
      line.probability === null ? textCell(sc.notAssessed) : percentCell(line.probability.toNumber()),
      textCell(
        (line.tier === null && classDemand(line)) || overriddenOf(line)
          ? sc.overrideApproach[AGING_CLASSES[line.worstClass] === "bad" ? "bad" : "attention"]
          : line.tier === null
            ? null
            : line.tier.label[lang],
        "wrap",
      ),
      dayCell(log?.last?.contactDate ?? null),
      textCell(log?.last?.method ?? null),
      decimalCell(promise?.promisedAmount ?? null),
      dayCell(promise?.promisedDate ?? null),
      textCell(steps.join(stepSep), "wrap"),
    ]);
  });
  const total = b.add("total", [
    textCell(s.common.total, "total"),
    textCell(null, "total"),
    textCell(null, "total"),
    textCell(null, "total"),
    totalCell(balanceTotal, "total"),
    totalCell(pastDueTotal, "total"),
    textCell(null, "total"),
    textCell(null, "total"),
    textCell(null, "total"),
    textCell(null, "total"),
    textCell(null, "total"),
    totalCell(promisedTotal, "total"),
    textCell(null, "total"),
    textCell(null, "total"),
  ]);
  b.merge({ row: total, col: 0, rows: 1, cols: 4 });

  b.blank();
  b.note(sc.notePriority);
  const logSheet = input.companions.collections?.sheet;
  b.note(logSheet === undefined ? sc.noteNoLog : format(sc.noteLog, { sheet: logSheet }));

  return finishSheet(ctx, "collectionPlan", b, {
    columns: [
      { min: 5 },
      { min: 14, max: 26 },
      { min: 8, max: 14 },
      { min: 8, max: 12 },
      { min: 13 },
      { min: 13 },
      { min: 8 },
      { min: 9 },
      { min: 14, max: 22 },
      { min: 11 },
      { min: 6, max: 12 },
      { min: 12 },
      { min: 11 },
      { min: 20, max: 32 },
    ],
    headerRow: header, printTitles: "header",
  });
}
