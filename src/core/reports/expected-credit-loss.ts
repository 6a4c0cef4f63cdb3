/**
 * 预期信用损失计提表, the expected credit loss provision (CAS 22 / IFRS 9, simplified approach)
 * as annual-report notes show it: the items assessed individually (单项计提), then the collective
 * provision matrix (组合计提: band, gross balance, migration rate, historical loss rate, adjusted
 * rate, provision), the migration rates of each period, and beside them the policy method's
 * provision, the allowance on the books and this period's charge or reversal (信用减值损失) with
 * its journal lines. The figures are ecl/assessment.ts's.
 */
import type Decimal from "decimal.js";
import { formatIsoDate } from "../dates";
import { assessEcl, type EclAssessment, type EclOptions } from "../ecl/assessment";
import type { Lang } from "../../i18n/bilingual";
import { Dec, formatMoneyGrouped } from "../money";
import { format } from "../../i18n";
import { balanceCell, decimalCell, finishSheet, openSheet, reportContext, type ReportInput, reportStrings } from "./input";
import { integerCell, rateCell, type SheetSpec, textCell } from "./sheet-spec";

const WIDTH = 7;

function rateOf(d: Decimal | null | undefined, style?: "total") {
  return d === null || d === undefined ? textCell(null, style) : rateCell(d.toNumber(), style);
}

export function buildExpectedCreditLoss(input: ReportInput, lang: Lang, options?: EclOptions, assessed?: EclAssessment): SheetSpec {
  const ctx = reportContext(input, lang);
  const s = reportStrings(lang);
  const se = s.ecl;
  const bands = input.policy.provision.bands;
  const a = assessed ?? assessEcl(input, options ?? input.ecl ?? {});
  const b = openSheet(ctx, "expectedCreditLoss", WIDTH);

  // 1. Individually.
  b.section(se.sectionIndividual);
  const h1 = b.header([s.columns.customer, s.columns.document, se.balance, s.columns.expectedRecovery, se.provision, se.basis, s.columns.status]);
  if (a.individual.length === 0) b.note(se.noIndividual);
  for (const item of a.individual) {
    const r = item.row;
    const condition = item.basis === "full-bad" ? ctx.directToBad(item.index) : null;
    b.add("body", [
      textCell(ctx.customerName(item.index, s.common.noCustomer), "wrap"),
      textCell(r.document),
      balanceCell(r),
      item.basis === "specific" ? decimalCell(r.expectedRecovery) : item.basis === "specific-probability" ? decimalCell(item.balance.minus(item.provision)) : textCell(null),
      decimalCell(item.provision),
      textCell(
        item.basis === "specific"
          ? se.basisSpecific
          : item.basis === "specific-probability"
            ? format(s.provision.basisProbability, { probability: `${(r.recoveryProbability as Decimal).times(100).toFixed()}%` })
            : format(se.basisFullBad, { condition: condition === null ? "" : condition.label[lang] }),
        "wrap",
      ),
      textCell(ctx.statusText(item.index), "wrap"),
    ]);
  }
  const sumOf = (xs: Decimal[]) => xs.reduce((x, y) => x.plus(y), new Dec(0));
  b.add("total", [
    textCell(s.common.total, "total"),
    textCell(null, "total"),
    decimalCell(sumOf(a.individual.map((x) => x.balance)), "total"),
    textCell(null, "total"),
    decimalCell(a.totals.individual, "total"),
    textCell(null, "total"),
    textCell(null, "total"),
  ]);

  // 2. The matrix: one, or one per segment (组合) with their sum.
  b.blank();
  b.section(se.sectionPool);
  const matrixRows = (lines: EclAssessment["pool"], totalLabel: string, total: Decimal, withRates: boolean) => {
    b.header([se.band, s.columns.items, se.balance, se.migration, se.historical, se.adjusted, se.provision]);
    for (const line of lines) {
      b.add("body", [
        textCell(bands[line.band].label[lang]),
        integerCell(line.count),
        decimalCell(line.balance),
        !withRates ? textCell(null) : line.band === bands.length - 1 ? textCell("—") : rateOf(line.migration),
        withRates ? rateOf(line.historical) : textCell(null),
        withRates ? rateOf(line.adjusted) : textCell(null),
        line.provision === null ? textCell(se.noRate) : decimalCell(line.provision),
      ]);
    }
    b.add("total", [
      textCell(totalLabel, "total"),
      integerCell(lines.reduce((n, l) => n + l.count, 0), "total"),
      decimalCell(sumOf(lines.map((l) => l.balance)), "total"),
      textCell(null, "total"),
      textCell(null, "total"),
      textCell(null, "total"),
      decimalCell(total, "total"),
    ]);
  };
  const segmentName = (name: string) => format(se.segment, { name: name === "" ? se.segmentBlank : name, column: a.segmentColumn?.header ?? "" });
  if (a.segments === null) matrixRows(a.pool, s.common.total, a.totals.pool, true);
  else {
    for (const sg of a.segments) {
      b.note(segmentName(sg.name));
      matrixRows(sg.pool, s.common.total, sg.total, true);
    }
    b.blank();
    matrixRows(a.pool, se.segmentsTotal, a.totals.pool, false);
  }

  // 3. Migration per period (per segment, with segments).
  b.blank();
  b.section(se.sectionMigration);
  const migrationRows = (migration: EclAssessment["migration"]) => {
    const periods = migration.periods;
    b.header([se.band, ...periods.slice(-5).map((p) => format(se.period, { from: formatIsoDate(p.from), to: formatIsoDate(p.to) })), se.average, ...new Array<null>(Math.max(0, WIDTH - 2 - Math.min(5, periods.length))).fill(null)]);
    for (let band = 0; band < bands.length - 1; band++) {
      const cells = [textCell(bands[band].label[lang]), ...periods.slice(-5).map((p) => rateOf(p.rates[band])), rateOf(migration.average[band])];
      while (cells.length < WIDTH) cells.push(textCell(null));
      b.add("body", cells);
    }
  };
  if (a.segments === null || a.segments.every((sg) => sg.rates === "whole-pool")) migrationRows(a.migration);
  else
    for (const sg of a.segments) {
      b.note(segmentName(sg.name));
      migrationRows(sg.migration);
    }
  const periods = a.migration.periods;

  // 4. Against the policy and the books.
  b.blank();
  b.section(se.sectionCompare);
  const pair = (label: string, value: Decimal | string) => {
    const row = b.add("body", [textCell(label), textCell(null), textCell(null), typeof value === "string" ? textCell(value) : decimalCell(value), textCell(null), textCell(null), textCell(null)]);
    b.merge({ row, col: 0, rows: 1, cols: 3 });
    b.merge({ row, col: 3, rows: 1, cols: 4 });
  };
  pair(se.policyProvision, a.totals.policy);
  pair(se.eclProvision, a.totals.ecl);
  pair(se.difference, a.totals.ecl.minus(a.totals.policy));
  const src = a.allowanceSource;
  pair(src?.kind === "ledger" ? format(se.existingLedger, { column: src.column }) : se.existing, a.existingAllowance ?? se.existingMissing);
  pair(a.charge.isNegative() ? se.reversal : se.charge, a.charge.abs());
  const amount = formatMoneyGrouped(a.charge.abs());
  // A journal books the whole expected loss, never part of it: with bands unprovided, none is proposed.
  pair(
    se.journal,
    a.unprovided.gt(0)
      ? format(se.journalIncomplete, { amount: formatMoneyGrouped(a.unprovided) })
      : a.charge.isZero()
        ? se.journalNone
        : format(a.charge.isNegative() ? se.journalReversal : se.journalCharge, { amount }),
  );

  // Notes: the method, the history, and every problem, said.
  b.blank();
  const ends = a.history.ends.map((d) => formatIsoDate(d)).join(lang === "zh-CN" ? "、" : ", ");
  b.note(format(a.history.source === "ledger" ? se.noteHistoryLedger : se.noteHistoryGiven, { ends: ends === "" ? "—" : ends }));
  if (periods.length > 0) b.note(format(a.migration.method === "cohort" ? se.noteMethodCohort : se.noteMethodTotals, { periods: periods.length }));
  if (a.segments !== null) b.note(format(se.noteSegments, { column: a.segmentColumn?.header ?? "", n: a.segments.length }));
  b.note(format(se.noteLoss, { last: `${(a.loss.historical[bands.length - 1] ?? new Dec(1)).times(100).toString()}%`, k: `${a.loss.k.times(100).toString()}%` }));
  // Each band without a loss rate that holds a balance: the pool's, or with segments each segment's.
  const noRate = a.segments === null ? a.pool.map((line) => ({ line, prefix: "" })) : a.segments.flatMap((sg) => sg.pool.map((line) => ({ line, prefix: `${segmentName(sg.name)}${lang === "zh-CN" ? "：" : ": "}` })));
  for (const { line, prefix } of noRate) {
    if (line.provision === null && line.balance.gt(0)) b.note(prefix + format(se.noteNoRate, { band: bands[line.band].label[lang], amount: formatMoneyGrouped(line.balance) }));
  }
  for (const p of a.problems) b.note(p.message[lang]);
  b.note(se.noteDefaults);

  return finishSheet(ctx, "expectedCreditLoss", b, {
    columns: [{ min: 14, max: 30 }, { min: 12, max: 20 }, { min: 13 }, { min: 13 }, { min: 13 }, { min: 13 }, { min: 14, max: 30 }],
    headerRow: h1,
    printTitles: "title",
  });
}
