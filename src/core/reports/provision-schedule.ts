/**
 * 坏账准备计提表, the provision schedule (POLICY §4): per provision band the book balance, the
 * part provided at the band's rate, the rate, the provision at rate, the individual provisions,
 * the required allowance, the existing allowance and this period's charge (or reversal); then
 * the items provided individually. The figures are provision.provisionSchedule's, fed with the
 * check's per-row provisions, so every total is the sum of its lines to the fen.
 *
 * Existing provision: ReportInput.existingProvisionByBand (the books), else 0 with a note saying
 * so — the ledger does not hold the allowance account.
 */
import type Decimal from "decimal.js";
import { NO_VALUE } from "../batch";
import type { Lang } from "../../i18n/bilingual";
import { formatFen } from "../fen";
import { Dec, formatMoneyGrouped } from "../money";
import { isIndividualBasis, type ProvisionBasis, provisionSchedule, type ScheduleItem } from "../provision";
import { format } from "../../i18n";
import { ledgerAllowance } from "./ledger-allowance";
import {
  addProvision,
  addRowBalance,
  balanceCell,
  decimalCell,
  finishSheet,
  moneyFieldCell,
  openSheet,
  provisionCell,
  reportContext,
  type ReportInput,
  reportStrings,
  totalCell,
} from "./input";
import { MoneySum } from "../money-sum";
import { integerCell, moneyCell, percentCell, type SheetSpec, type SpecCell, textCell } from "./sheet-spec";

const WIDTH = 10;

/** A row's balance as an exact Decimal (fen on the fast path). */
function balanceDecimal(fen: number, exact: () => Decimal | null): Decimal | null {
  return fen === fen ? new Dec(formatFen(fen)) : exact();
}

export function buildProvisionSchedule(input: ReportInput, lang: Lang): SheetSpec {
  const ctx = reportContext(input, lang);
  const s = reportStrings(lang);
  const sp = s.provision;
  const { audit, policy } = input;
  const bands = policy.provision.bands;

  // The schedule's items: every row with a provision and a provision band. Items provided
  // individually go in one by one (the schedule lists them); the others go in summed per band and
  // basis — the schedule's band figures are sums, so a band's sum is the same figure, and 100,000
  // rows need a few Decimals instead of 200,000. Items are counted here, per band.
  const items: ScheduleItem[] = [];
  const counts = new Array<number>(bands.length).fill(0);
  const summed = bands.map(() => new Map<ProvisionBasis, { balance: MoneySum; provision: MoneySum }>());
  const left = new MoneySum();
  let leftCount = 0;
  for (let i = 0; i < ctx.n; i++) {
    const r = ctx.rows[i];
    const band = ctx.provisionBand[i];
    const basis = ctx.provisionBasis(i);
    if (band === NO_VALUE || basis === null || !r.hasMoney("balance")) {
      leftCount += 1;
      addRowBalance(left, r);
      continue;
    }
    counts[band] += 1;
    if (isIndividualBasis(basis)) {
      const balance = balanceDecimal(r.balanceFen, () => r.balance) as Decimal;
      const pf = audit.rows.provisionFen[i];
      const provision = pf === pf ? new Dec(formatFen(pf)) : new Dec(audit.rows.provisionExact.get(i) ?? "0");
      items.push({ bandKey: bands[band].key, balance, provision, basis, ref: String(i) });
      continue;
    }
    let sum = summed[band].get(basis);
    if (sum === undefined) {
      sum = { balance: new MoneySum(), provision: new MoneySum() };
      summed[band].set(basis, sum);
    }
    addRowBalance(sum.balance, r);
    addProvision(sum.provision, audit, i);
  }
  summed.forEach((byBasis, band) => {
    for (const [basis, sum] of byBasis) {
      items.push({ bandKey: bands[band].key, balance: new Dec(sum.balance.toString()), provision: new Dec(sum.provision.toString()), basis });
    }
  });
  // The books' allowance: as given for the run, else the ledger's own 坏账准备 column.
  const fromLedger = input.existingProvisionByBand === undefined ? ledgerAllowance(ctx) : null;
  const schedule = provisionSchedule(items, input.existingProvisionByBand ?? fromLedger?.byBand ?? null, policy);

  const b = openSheet(ctx, "provisionSchedule", WIDTH);
  b.section(sp.sectionBands);
  const header = b.header([
    sp.band,
    s.columns.items,
    sp.balance,
    sp.balanceAtRate,
    sp.rate,
    sp.requiredAtRate,
    sp.requiredSpecific,
    sp.required,
    sp.existing,
    sp.charge,
  ]);
  schedule.lines.forEach((line, k) => {
    b.add("body", [
      textCell(line.label[lang]),
      integerCell(counts[k]),
      decimalCell(line.balance),
      decimalCell(line.balanceAtRate),
      percentCell(line.rate === "" ? null : Number(line.rate)),
      decimalCell(line.requiredAtRate),
      decimalCell(line.requiredSpecific),
      decimalCell(line.required),
      decimalCell(line.existing),
      decimalCell(line.charge),
    ]);
  });
  const tt = schedule.totals;
  b.add("total", [
    textCell(s.common.total, "total"),
    integerCell(counts.reduce((a, c) => a + c, 0), "total"),
    decimalCell(tt.balance, "total"),
    decimalCell(tt.balanceAtRate, "total"),
    textCell(null, "total"),
    decimalCell(tt.requiredAtRate, "total"),
    decimalCell(tt.requiredSpecific, "total"),
    decimalCell(tt.required, "total"),
    decimalCell(tt.existing, "total"),
    decimalCell(tt.charge, "total"),
  ]);

  // Part 2: the items provided individually.
  b.blank();
  b.section(sp.sectionSpecific);
  if (schedule.specific.length === 0) {
    b.note(sp.noSpecific);
  } else {
    const h2 = b.header([s.columns.customer, s.columns.document, sp.balance, s.columns.expectedRecovery, sp.band, sp.provisionAmount, sp.basis, null, s.columns.status, null]);
    b.merge({ row: h2, col: 6, rows: 1, cols: 2 });
    b.merge({ row: h2, col: 8, rows: 1, cols: 2 });
    const recoveryTotal = new MoneySum();
    const bandLabel = new Map(bands.map((band) => [band.key, band.label[lang]]));
    for (const line of schedule.specific) {
      const i = Number(line.ref);
      const r = ctx.rows[i];
      const condition = line.basis === "full-bad" ? ctx.directToBad(i) : null;
      const basisText =
        line.basis === "specific"
          ? sp.basisSpecific
          : line.basis === "specific-probability"
            ? format(sp.basisProbability, { probability: `${(r.recoveryProbability as Decimal).times(100).toFixed()}%` })
            : format(sp.basisFullBad, { condition: condition === null ? "" : condition.label[lang] });
      let recovery = moneyCell(null);
      if (line.basis === "specific") {
        recovery = moneyFieldCell(r.expectedRecoveryFen, r.expectedRecovery);
        const f = r.expectedRecoveryFen;
        if (f === f) recoveryTotal.addFen(f);
        else if (r.expectedRecovery !== null) recoveryTotal.addDecimal(r.expectedRecovery);
      } else if (line.basis === "specific-probability") {
        // What the provision leaves: balance × probability, rounded once (provision.itemProvision).
        const expected = line.balance.minus(line.provision);
        recovery = decimalCell(expected);
        recoveryTotal.addDecimal(expected);
      }
      const row = b.add("body", [
        textCell(ctx.customerName(i, s.common.noCustomer)),
        textCell(r.document),
        balanceCell(r),
        recovery,
        textCell(bandLabel.get(line.bandKey) ?? line.bandKey),
        provisionCell(audit, i),
        textCell(basisText, "wrap"),
        textCell(null, "wrap"),
        textCell(ctx.statusText(i), "wrap"),
        textCell(null, "wrap"),
      ] satisfies (SpecCell | null)[]);
      b.merge({ row, col: 6, rows: 1, cols: 2 });
      b.merge({ row, col: 8, rows: 1, cols: 2 });
    }
    const total = b.add("total", [
      textCell(s.common.total, "total"),
      textCell(null, "total"),
      decimalCell(schedule.specificTotal.balance, "total"),
      totalCell(recoveryTotal, "total"),
      textCell(null, "total"),
      decimalCell(schedule.specificTotal.provision, "total"),
      textCell(null, "total"),
      textCell(null, "total"),
      textCell(null, "total"),
      textCell(null, "total"),
    ]);
    b.merge({ row: total, col: 0, rows: 1, cols: 2 });
    b.merge({ row: total, col: 6, rows: 1, cols: 4 });
  }

  // 直接转销法 (004 七.第七条): no allowance; the loss is expensed when an item is written off.
  if (policy.provision.method === "direct-write-off") {
    b.blank();
    b.section(sp.sectionDirect);
    const candidates = ctx.writeOffCandidates();
    if (candidates.length === 0) b.note(sp.noDirectExpense);
    else {
      const h3 = b.header([s.columns.customer, s.columns.document, sp.balance, null, sp.band, sp.expense, sp.reason, null, s.columns.status, null]);
      b.merge({ row: h3, col: 2, rows: 1, cols: 2 });
      b.merge({ row: h3, col: 6, rows: 1, cols: 2 });
      b.merge({ row: h3, col: 8, rows: 1, cols: 2 });
      const expense = new MoneySum();
      const bandLabel = new Map(bands.map((band) => [band.key, band.label[lang]]));
      for (const i of candidates) {
        const r = ctx.rows[i];
        addRowBalance(expense, r);
        const band = ctx.provisionBand[i];
        const row = b.add("body", [
          textCell(ctx.customerName(i, s.common.noCustomer)),
          textCell(r.document),
          balanceCell(r),
          null,
          textCell(band === NO_VALUE ? null : (bandLabel.get(bands[band].key) ?? null)),
          balanceCell(r),
          textCell(ctx.writeOffReasons(i).map((x) => x.label[lang]).join(lang === "zh-CN" ? "；" : "; "), "wrap"),
          null,
          textCell(ctx.statusText(i), "wrap"),
          null,
        ]);
        b.merge({ row, col: 2, rows: 1, cols: 2 });
        b.merge({ row, col: 6, rows: 1, cols: 2 });
        b.merge({ row, col: 8, rows: 1, cols: 2 });
      }
      const t = b.add("total", [
        textCell(s.common.total, "total"),
        textCell(null, "total"),
        totalCell(expense, "total"),
        textCell(null, "total"),
        textCell(null, "total"),
        totalCell(expense, "total"),
        textCell(null, "total"),
        textCell(null, "total"),
        textCell(null, "total"),
        textCell(null, "total"),
      ]);
      b.merge({ row: t, col: 0, rows: 1, cols: 2 });
      b.merge({ row: t, col: 2, rows: 1, cols: 2 });
      b.merge({ row: t, col: 6, rows: 1, cols: 4 });
    }
  }

  b.blank();
  if (policy.provision.method === "direct-write-off") b.note(sp.noteDirect);
  if (fromLedger !== null) {
    b.note(format(sp.noteExistingLedger, { column: fromLedger.column, count: fromLedger.items, amount: formatMoneyGrouped(fromLedger.total) }));
    if (!fromLedger.unbanded.isZero()) b.note(format(sp.noteExistingUnbanded, { amount: formatMoneyGrouped(fromLedger.unbanded) }));
  } else b.note(input.existingProvisionByBand === undefined ? sp.noteExistingMissing : sp.noteExistingGiven);
  b.note(sp.noteCharge);
  b.note(sp.noteSpecificInBands);
  if (leftCount > 0) b.note(format(sp.noteUnbanded, { count: leftCount, amount: formatMoneyGrouped(new Dec(left.toString())) }));

  return finishSheet(ctx, "provisionSchedule", b, {
    columns: [{ min: 14, max: 36 }, { min: 8, max: 20 }, { min: 13 }, { min: 13 }, { min: 8 }, { min: 13 }, { min: 12 }, { min: 13 }, { min: 13 }, { min: 13 }],
    headerRow: header, printTitles: "title",
  });
}
