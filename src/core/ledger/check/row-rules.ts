/**
 * The rules that look at one row at a time (dates, amounts, duplicates, aging labels, write-off,
 * bad debts without a collector, low recovery), and the per-customer sums the next pass needs.
 */
import type Decimal from "decimal.js";
import { bi, type Bilingual } from "../../../i18n/bilingual";
import { AGING_CLASSES } from "../../aging";
import { type BatchResult, NO_DAYS, NO_VALUE } from "../../batch";
import { addMonths, type DayNumber } from "../../calendar";
import { collectionTier } from "../../collection";
import { formatDateZh, formatIsoDate } from "../../dates";
import { Dec, parseMoney, quoteInput } from "../../money";
import { unwrapCell } from "../headers";
import type { Policy, StatusCondition } from "../../policy/types";
import { type NearCondition, nearConditions } from "../../status";
import { conditionsInText, overdueRuleFrom, writeOffEligibility } from "../../writeoff";
import { cellRef, type MessageParams, type ParamsAt } from "../findings";
import type { LedgerRow } from "../ledger-store";
import { agingLabelReader } from "./aging-label";
import { firstDuplicateRows } from "./duplicates";
import { balanceMoney, CLASS_LABELS, customerName, day, fenMoney, money } from "./message-values";
import { AuditRun, type CustomerGroup } from "./run";
import { containsAny } from "./text-keys";


/**
 * The last due date that writeoff.writeOffEligibility finds overdue policy.writeOff.overdueYears
 * years on asOf (asOf >= writeoff.overdueRuleFrom(due): 逾期3年以上 includes the anniversary, so
 * due 2008-08-31 qualifies on 2011-08-31). overdueRuleFrom is non-decreasing in its day, so
 * exactly the due dates up to this one qualify.
 */
export function lastDueOverdueForWriteOff(asOf: DayNumber, policy: Policy): DayNumber {
  const months = 12 * policy.writeOff.overdueYears;
  const qualifies = (due: DayNumber): boolean => asOf >= overdueRuleFrom(due, policy);
  let d = addMonths(asOf, -months);
  for (let step = 0; step < 64 && !qualifies(d); step++) d -= 1;
  for (let step = 0; step < 64 && qualifies(d + 1); step++) d += 1;
  return d;
}

/** The rules that look at one row at a time, and the per-customer sums the next pass needs. */
export function checkRows(run: AuditRun, batch: BatchResult): void {
  const { rows, n, policy, asOf, groupId, groups, dueDay, statusText } = run;
  const hasBalanceColumns = run.mapped("amount") && run.mapped("received") && run.mapped("balance");
  const readAgingLabel = run.mapped("agingLabel") ? agingLabelReader(policy) : null;
  const hasCollectorColumn = run.mapped("collector") || run.masterLetter.collector !== undefined;
  const hasProbability = run.mapped("recoveryProbability") || run.mapped("expectedRecovery");
  if (!hasCollectorColumn) run.skipRule("bad-debt-unassigned", "台账和客户档案都没有责任人列。", "Neither the ledger nor the customer master has a collector column.");
  if (!hasProbability) run.skipRule("low-recovery-no-action", "台账没有回收可能性或预计可收回金额列。", "The ledger has no recovery probability or expected recovery column.");
  if (readAgingLabel === null) run.skipRule("class-mismatch", "台账没有账龄列。", "The ledger has no aging column.");
  if (!hasBalanceColumns) run.skipRule("balance-mismatch", "台账没有同时具备金额、已收和余额三列。", "The ledger does not have all of amount, received and balance.");
  if (!run.mapped("document")) run.skipRule("duplicate-document", "台账没有单据号列。", "The ledger has no document column.");
  const hasAllowance = run.mapped("allowance");
  if (!hasAllowance) run.skipRule("allowance-mismatch", "台账没有坏账准备列。", "The ledger has no allowance column.");

  const lastOverdueDue = lastDueOverdueForWriteOff(asOf, policy);
  const writeOffConditions = new Map<string, number>();
  const nearCache = new Map<string, NearCondition[]>();
  const duplicateOf = run.mapped("document") ? firstDuplicateRows(n, (j) => documentLine(rows[j]), (j) => groupId[j]) : null;
  const columns = {
    dateArisen: run.col("dateArisen"),
    dueDate: run.col("dueDate"),
    received: run.col("received"),
    balance: run.col("balance"),
    balanceOrAmount: run.col("balance", "amount"),
    arisenOrDue: run.col("dateArisen", "dueDate"),
    document: run.col("document"),
    agingLabel: run.col("agingLabel"),
    collector: run.col("collector", "customer"),
    probability: run.col("recoveryProbability"),
    recovery: run.col("expectedRecovery"),
    status: run.col("status", "note"),
    allowance: run.col("allowance"),
  };
  const params = rowParams(run, batch, duplicateOf, columns.document, nearCache);
  const classBad = AGING_CLASSES.indexOf("bad");
  const noValue = NO_VALUE;
  const noDays = NO_DAYS;
  const { agingClass, reportBand, provisionBand } = batch;

  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const gid = groupId[i];
    const g = gid < 0 ? null : groups[gid];
    const bf = r.balanceFen;
    // Sign of the balance without a Decimal on the fast path: 1, 0, -1, or NaN when unknown.
    let sign = NaN;
    if (bf === bf) sign = bf > 0 ? 1 : bf < 0 ? -1 : 0;
    else {
      const b = r.balance;
      if (b !== null) sign = b.isZero() ? 0 : b.isNegative() ? -1 : 1;
    }
    const explicitDue = r.dueDate;

    if (duplicateOf !== null && duplicateOf[i] >= 0) run.rowFindingWith(i, "duplicate-document", columns.document, params.duplicate, undefined, "document");

    const cls = agingClass[i];
    if (readAgingLabel !== null) {
      const label = r.agingLabel;
      if (label !== null) {
        const meaning = readAgingLabel(label);
        if (meaning !== null && meaning.kind === "class" && cls !== noValue && AGING_CLASSES[cls] !== meaning.value) {
          run.rowFindingWith(i, "class-mismatch", columns.agingLabel, params.classMismatch, undefined, "agingLabel");
        } else if (meaning !== null && meaning.kind === "band" && reportBand[i] !== noValue && reportBand[i] !== meaning.value) {
          run.rowFindingWith(i, "class-mismatch", columns.agingLabel, params.bandMismatch, undefined, "agingLabel");
        } else if (meaning !== null && meaning.kind === "provision-band" && provisionBand[i] !== noValue && provisionBand[i] !== meaning.value) {
          run.rowFindingWith(i, "class-mismatch", columns.agingLabel, params.provisionBandMismatch, undefined, "agingLabel");
        }
      }
    }

    // POLICY §4: the allowance the ledger books on the item against the policy's provision.
    if (hasAllowance) checkAllowance(run, i, r, batch, columns.allowance);

    // POLICY §2, §8: a status close to a condition without stating it, for a person to decide.
    const near = statusText[i];
    if (near !== null && nearConditionsOf(nearCache, near, policy).length > 0) run.rowFindingWith(i, "status-near-condition", columns.status, params.nearStatus, undefined, "status");

    if (sign === 1) {
      // POLICY §8: writeoff.writeOffEligibility's answer without its calendar work per row: the
      // overdue-years rule holds exactly for due dates up to lastOverdueDue; the status conditions
      // are matched once per distinct text; the reasons are listed when the message is read.
      const due = dueDay[i];
      const text = statusText[i];
      const longOverdue = due !== noDays && due <= lastOverdueDue;
      if (due !== noDays && (longOverdue || (text !== null && writeOffConditionCount(writeOffConditions, text, policy) > 0))) {
        // At the cell that makes it one: the date when it is long overdue, else the status stating the condition.
        const column = longOverdue || columns.status === "" ? (explicitDue !== null ? columns.dueDate : columns.arisenOrDue) : columns.status;
        run.rowFindingWith(i, "write-off-candidate", column, params.writeOff);
      }

      // Bad debts need someone responsible (POLICY §6; plan 000: per-item responsible person).
      if (hasCollectorColumn && cls === classBad && r.collector === null && (g === null || g.master === null || g.master.collector === null)) {
        run.rowFindingWith(i, "bad-debt-unassigned", columns.collector, params.badDebt, undefined, "collector");
      }

      // Low recovery with no legal step (POLICY §6).
      if (hasProbability) checkRecovery(run, i, r, g, text, columns.probability, columns.recovery);
    }

    // Per customer: balances and the latest confirmation.
    if (g !== null) {
      if (bf === bf) g.balance.addFen(bf);
      else {
        const b = r.balance;
        if (b !== null) g.balance.addDecimal(b);
      }
      const lc = r.lastConfirmed;
      if (lc !== null && !(lc <= g.lastConfirmed)) g.lastConfirmed = lc;
    }
  }
}

/** status.nearConditions, once per distinct text. */
function nearConditionsOf(cache: Map<string, NearCondition[]>, text: string, policy: Policy): NearCondition[] {
  let c = cache.get(text);
  if (c === undefined) {
    c = nearConditions(text, policy);
    if (cache.size < 65536) cache.set(text, c);
  }
  return c;
}

const NEAR_REASONS: Record<NearCondition["reason"], Bilingual> = {
  negated: bi("文字含否定", "negated"),
  excluded: bi("是该条件排除的说法，如“撤销起诉”（撤回诉讼）、“破产风险”", "a phrase the condition excludes, such as 撤销起诉 (a lawsuit withdrawn) or 破产风险 (a risk of bankruptcy)"),
  hedged: bi("文字不确定，如“担心”“可能”“暂时”“直到”", "said uncertainly: worried, might, temporarily, until…"),
  partial: bi("只写明部分要件", "only part of it is stated"),
  "shared-words": bi("只是用词相近", "shares words only"),
};

function writeOffConditionCount(cache: Map<string, number>, text: string, policy: Policy): number {
  let c = cache.get(text);
  if (c === undefined) {
    c = conditionsInText(text, policy.writeOff.conditions, policy).length;
    if (cache.size < 65536) cache.set(text, c);
  }
  return c;
}

/**
 * The rules on each line as read, whatever it is on the as-of date (an open item, a settled one,
 * a credit): its dates and its amounts against each other. A finding goes on the open item the
 * line is, else stands on its own.
 */
export function checkLines(run: AuditRun, lines: readonly LedgerRow[], runningBalance: boolean): void {
  const hasBalanceColumns = run.mapped("amount") && run.mapped("received") && run.mapped("balance") && !runningBalance;
  const dueColumn = run.col("dueDate");
  const receivedColumn = run.col("received");
  const balanceColumn = run.col("balance");
  const same = run.sameRowsAs(lines);
  for (let k = 0; k < lines.length; k++) {
    const r = lines[k];
    const at = same ? k : -2;
    const explicitDue = r.dueDate;
    const arisen = r.dateArisen;
    if (explicitDue !== null && arisen !== null && explicitDue < arisen) {
      run.lineFinding(r, at, "due-before-date", dueColumn, { due: day(explicitDue), arisen: day(arisen) }, undefined, "dueDate");
    }
    checkReceived(run, r, at, receivedColumn);
    if (hasBalanceColumns && !r.balanceDerived && r.hasMoney("balance")) checkBalance(run, r, at, balanceColumn);
  }
}

/** A line's document for duplicate-document: with its line number where the ledger numbers each document's lines (行号). */
function documentLine(r: LedgerRow): string | null {
  const d = r.document;
  if (d === null) return null;
  const line = r.lineNumber;
  return line === null ? d : `${d}\u0001${line}`;
}

/**
 * received-exceeds-amount: more received than the line's amount (the excess is an advance). A
 * line of no amount (0, or a dash: a 明细账's empty 借方 on a receipt line) is a receipt, not one.
 */
function checkReceived(run: AuditRun, r: LedgerRow, at: number, column: string): void {
  const af = r.amountFen;
  const rf = r.receivedFen;
  if (af === 0) return;
  if (af === af && rf === rf) {
    if (rf > 0 && rf > af) run.lineFinding(r, at, "received-exceeds-amount", column, { received: fenMoney(rf), amount: fenMoney(af), excess: fenMoney(rf - af) }, undefined, "received");
    return;
  }
  const a = r.amount;
  const rc = a === null ? null : r.received;
  if (a !== null && !a.isZero() && rc !== null && rc.gt(0) && rc.gt(a)) {
    run.lineFinding(r, at, "received-exceeds-amount", column, { received: money(rc), amount: money(a), excess: money(rc.minus(a)) }, undefined, "received");
  }
}

/** balance-mismatch: amount − received (blank = 0) against the ledger's own balance, to the fen. */
function checkBalance(run: AuditRun, r: LedgerRow, at: number, column: string): void {
  if (r.hasIssue("received")) return;
  if (run.openingColumn !== null) {
    checkRollForward(run, r, at, column, run.openingColumn);
    return;
  }
  const af = r.amountFen;
  const rf = r.receivedFen;
  const bf = r.balanceFen;
  if (af === af && bf === bf && rf === rf) {
    const expected = af - rf;
    if (expected !== bf) run.lineFinding(r, at, "balance-mismatch", column, balanceMismatchFen(bf, af, rf, expected), undefined, "balance");
    return;
  }
  const a = r.amount;
  if (a === null) return;
  const received = r.received;
  if (af === af && bf === bf && received === null) {
    if (af !== bf) run.lineFinding(r, at, "balance-mismatch", column, balanceMismatchFen(bf, af, 0, af), undefined, "balance");
    return;
  }
  const rc = received ?? new Dec(0);
  const b = r.balance as Decimal;
  const expected = a.minus(rc);
  if (b.minus(expected).abs().gte("0.01")) {
    run.lineFinding(
      r,
      at,
      "balance-mismatch",
      column,
      { balance: money(b), amount: money(a), received: money(rc), expected: money(expected), difference: money(b.minus(expected)) },
      undefined,
      "balance",
    );
  }
}

/**
 * balance-mismatch where each line rolls a period forward (期初余额 | 本期增加 | 本期收回 | 期末余额):
 * opening + amount − received against the balance. An opening cell that is not money leaves the line unjudged.
 */
function checkRollForward(run: AuditRun, r: LedgerRow, at: number, column: string, opening: { index: number; scale: number }): void {
  const b = r.balance;
  if (b === null || r.balanceDerived) return;
  let o: Decimal;
  try {
    o = (parseMoney(unwrapCell(r.raw[opening.index])) ?? new Dec(0)).times(opening.scale);
  } catch {
    return;
  }
  const a = r.amount ?? new Dec(0);
  const rc = r.received ?? new Dec(0);
  const expected = o.plus(a).minus(rc);
  if (b.minus(expected).abs().gte("0.01")) {
    run.lineFinding(
      r,
      at,
      "balance-mismatch",
      column,
      { balance: money(b), opening: money(o), amount: money(a), received: money(rc), expected: money(expected), difference: money(b.minus(expected)) },
      "opening",
      "balance",
    );
  }
}

function balanceMismatchFen(bf: number, af: number, rf: number, expected: number): MessageParams {
  return { balance: fenMoney(bf), amount: fenMoney(af), received: fenMoney(rf), expected: fenMoney(expected), difference: fenMoney(bf - expected) };
}

/** low-recovery-no-action: the row's recovery probability (else expected recovery ÷ balance) in the legal tier. */
function checkRecovery(run: AuditRun, i: number, r: LedgerRow, g: CustomerGroup | null, text: string | null, probabilityColumn: string, recoveryColumn: string): void {
  let p: Decimal | null = r.recoveryProbability;
  let column = probabilityColumn;
  if (p === null) {
    const expected = r.expectedRecovery;
    if (expected === null || expected.isNegative()) return;
    const b = r.balance as Decimal;
    p = Dec.min(expected.div(b), 1);
    column = recoveryColumn;
  }
  if (collectionTier(p, run.policy).approach !== "legal") return;
  if ((g !== null && g.legalStep) || containsAny(text, run.legalWords)) return;
  const shown = `${p.times(100).toDecimalPlaces(2).toString()}%`;
  run.rowFinding(i, "low-recovery-no-action", column, { customer: customerName(r.customer), probability: shown });
}

/** The parameters of checkRows' per-row rules whose figures the run keeps anyway, each made from a row's index. */
interface RowParams {
  duplicate: ParamsAt;
  classMismatch: ParamsAt;
  bandMismatch: ParamsAt;
  provisionBandMismatch: ParamsAt;
  writeOff: ParamsAt;
  badDebt: ParamsAt;
  nearStatus: ParamsAt;
}

/**
 * One function per rule for the whole check (findings.ParamsAt), each reading the row's figures
 * from the run's columns when a message is read. Made outside checkRows so its loop variables
 * stay out of any closure's context.
 */
function rowParams(run: AuditRun, batch: BatchResult, duplicateOf: Int32Array | null, documentColumn: string, nearCache: Map<string, NearCondition[]>): RowParams {
  const { rows, sheet, asOf, policy, dueDay, ageFrom, statusText } = run;
  const { agingClass, daysPastDue, condition, reportBand, provisionBand } = batch;
  const conditionOf = (i: number): StatusCondition | null => (condition[i] === NO_VALUE ? null : policy.directToBad[condition[i]]);
  return {
    duplicate: (i) => {
      const r = rows[i];
      const first = rows[(duplicateOf as Int32Array)[i]];
      return { customer: customerName(r.customer), document: quoteInput(r.document), firstCell: cellRef(sheet, documentColumn, first.row) };
    },
    classMismatch: (i) => {
      const cond = conditionOf(i);
      const dpd = daysPastDue[i];
      return {
        written: rows[i].agingLabel as string,
        expected: CLASS_LABELS[AGING_CLASSES[agingClass[i]]],
        asOf: day(asOf),
        why: cond !== null ? cond.label : bi(dpd > 0 ? `逾期 ${dpd} 天` : "未逾期", dpd > 0 ? `${dpd} days past due` : "not past due"),
      };
    },
    bandMismatch: (i) => {
      const from = ageFrom[i];
      return {
        written: rows[i].agingLabel as string,
        expected: policy.reportBands[reportBand[i]].label,
        asOf: day(asOf),
        why: bi(`发生于 ${formatDateZh(from)}`, `arisen on ${formatIsoDate(from)}`),
      };
    },
    provisionBandMismatch: (i) => {
      const from = ageFrom[i];
      return {
        written: rows[i].agingLabel as string,
        expected: policy.provision.bands[provisionBand[i]].label,
        asOf: day(asOf),
        why: bi(`发生于 ${formatDateZh(from)}`, `arisen on ${formatIsoDate(from)}`),
      };
    },
    writeOff: (i) => {
      const r = rows[i];
      const e = writeOffEligibility({ dueDate: dueDay[i], asOf, statusText: statusText[i] }, policy);
      const reasons = bi(e.reasons.map((x) => x.label["zh-CN"]).join("；"), e.reasons.map((x) => x.label["en-US"]).join("; "));
      return { customer: customerName(r.customer), balance: balanceMoney(r), reasons };
    },
    badDebt: (i) => {
      const r = rows[i];
      const cond = conditionOf(i);
      const dpd = daysPastDue[i];
      return { customer: customerName(r.customer), balance: balanceMoney(r), why: cond !== null ? cond.label : bi(`逾期 ${dpd} 天`, `${dpd} days past due`) };
    },
    nearStatus: (i) => {
      const text = statusText[i] as string;
      const near = nearConditionsOf(nearCache, text, policy);
      const one = (lang: "zh-CN" | "en-US"): string =>
        near.map((n) => `${n.condition.article === "" ? "" : `${n.condition.article} `}${n.condition.label[lang]}（${NEAR_REASONS[n.reason][lang]}）`).join(lang === "zh-CN" ? "；" : "; ");
      return { text: quoteInput(text), conditions: bi(one("zh-CN"), one("en-US").replace(/（/g, " (").replace(/）/g, ")")) };
    },
  };
}

/**
 * The ledger's own 坏账准备 on an item against the provision the policy gives it (POLICY §4), when
 * the cell has a figure: a difference of 0.01 or more is said, with whether the books hold more or
 * less. A blank cell is no allowance booked, and is not said (the provision schedule shows it).
 */
function checkAllowance(run: AuditRun, i: number, r: LedgerRow, batch: BatchResult, column: string): void {
  if (!r.hasMoney("allowance")) return;
  const pf = batch.provisionFen[i];
  const exact = batch.provisionExact.get(i);
  if (pf !== pf && exact === undefined) return; // no provision worked out (an error row): said elsewhere
  // An allowance written as a contra figure (−50 against a provision of 50) is read by its size.
  const af = Math.abs(r.allowanceFen);
  if (af === af && pf === pf) {
    if (af === pf) return;
    run.rowFinding(i, "allowance-mismatch", column, () => ({ booked: fenMoney(af), policy: fenMoney(pf), difference: fenMoney(Math.abs(af - pf)) }), af > pf ? "more" : "less", "allowance");
    return;
  }
  const booked = (r.allowance as Decimal).abs();
  const policy = exact !== undefined ? new Dec(exact) : new Dec(pf).div(100);
  const diff = booked.minus(policy);
  if (diff.abs().lt("0.01")) return;
  run.rowFinding(i, "allowance-mismatch", column, () => ({ booked: money(booked), policy: money(policy), difference: money(diff.abs()) }), diff.isPositive() ? "more" : "less", "allowance");
}
