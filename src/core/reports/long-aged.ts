/**
 * 长账龄应收款清理统计表, the long-aged receivables clean-up statistics, laid out as plan 000
 * keeps them: every item over one year — debtor, nature, age, balance, expected recovery,
 * provision made, responsible department and person, target date, collected so far and the
 * story of the item — grouped by band with a subtotal per band and a grand total; then the
 * situation by age as the plan opens with it ("一至二年的应收款94.61万元，二年至三年13.44万元，
 * 三年以上90.96万元"). The item table comes first so that its header can repeat on every
 * printed page.
 *
 * "Over one year": the report bands that start at policy.longAgedFromMonths (12 by default)
 * or later (POLICY §3 bands are parameters too). An item settled with an amount collected stays listed, as the plan lists
 * 华亿 and 巴中 after they paid.
 */
import type Decimal from "decimal.js";
import { bandCutoffs, bandFromCutoffs } from "../aging";
import type { Lang } from "../../i18n/bilingual";
import { mulRateHalfUp, rateToBasisPoints } from "../fen";
import { roundMoney } from "../money";
import { format } from "../../i18n";
import {
  addProvision,
  addRowBalance,
  addRowMoney,
  balanceCell,
  dayCell,
  decimalCell,
  finishSheet,
  joinText,
  moneyFieldCell,
  openSheet,
  provisionCell,
  reportContext,
  type ReportInput,
  reportStrings,
  shareOf,
  totalCell,
} from "./input";
import { MoneySum } from "../money-sum";
import { integerCell, moneyCell, percentCell, type SheetSpec, type SpecCell, textCell } from "./sheet-spec";

const WIDTH = 13;

interface BandSums {
  count: number;
  balance: MoneySum;
  recovery: MoneySum;
  provision: MoneySum;
  collected: MoneySum;
}

function sums(): BandSums {
  return { count: 0, balance: new MoneySum(), recovery: new MoneySum(), provision: new MoneySum(), collected: new MoneySum() };
}

function addSums(to: BandSums, from: BandSums): void {
  to.count += from.count;
  to.balance.addSum(from.balance);
  to.recovery.addSum(from.recovery);
  to.provision.addSum(from.provision);
  to.collected.addSum(from.collected);
}

/** Indices of the report bands that start at `fromMonths` or later (the policy's longAgedFromMonths). */
export function longAgedBands(bands: readonly { upToMonths: number | null }[], fromMonths: number): number[] {
  const out: number[] = [];
  for (let k = 1; k < bands.length; k++) {
    const from = bands[k - 1].upToMonths;
    if (from !== null && from >= fromMonths) out.push(k);
  }
  return out;
}

/** The threshold in words: "一年" / "one year", "18个月" / "18 months". */
function ageInWords(months: number, lang: Lang): string {
  const years = months / 12;
  if (lang === "zh-CN") return Number.isInteger(years) ? `${years === 1 ? "一" : years}年` : `${months}个月`;
  if (Number.isInteger(years)) return years === 1 ? "one year" : `${years} years`;
  return `${months} months`;
}

export function buildLongAgedCleanup(input: ReportInput, lang: Lang): SheetSpec {
  const ctx = reportContext(input, lang);
  const s = reportStrings(lang);
  const sl = s.longAged;
  const { audit, policy } = input;
  const bands = policy.reportBands;
  const long = longAgedBands(bands, policy.longAgedFromMonths);
  const age = ageInWords(policy.longAgedFromMonths, lang);
  const bandOf = audit.rows.agingBand;

  // The items, by band, in ledger order.
  const itemsOf = new Map<number, number[]>(long.map((k) => [k, []]));
  for (let i = 0; i < ctx.n; i++) {
    const list = itemsOf.get(bandOf[i]);
    if (list === undefined) continue;
    const r = ctx.rows[i];
    const sign = r.moneySign("balance");
    if (sign > 0 || (sign === 0 && r.moneySign("received") > 0)) list.push(i);
  }

  const basisPoints = new Map<string, number>();
  const basisPointsOf = (p: Decimal): number => {
    const text = p.toString();
    let bp = basisPoints.get(text);
    if (bp === undefined) {
      bp = rateToBasisPoints(text);
      basisPoints.set(text, bp);
    }
    return bp;
  };

  // Expected recovery: the ledger's; else balance × recovery probability, rounded to the fen.
  const recoveryOf = (i: number): { cell: SpecCell; fen: number; value: Decimal | null } => {
    const r = ctx.rows[i];
    const f = r.expectedRecoveryFen;
    if (f === f) return { cell: moneyCell(f), fen: f, value: null };
    if (r.expectedRecovery !== null) return { cell: decimalCell(r.expectedRecovery), fen: NaN, value: r.expectedRecovery };
    const p = r.recoveryProbability;
    if (p === null || !(r.moneySign("balance") > 0)) return { cell: moneyCell(null), fen: NaN, value: null };
    // Integer fen × basis points where both allow it (fen.ts: exact, rounded half-up as roundMoney).
    const bf = r.balanceFen;
    const bp = bf === bf ? basisPointsOf(p) : NaN;
    const fast = bp === bp ? mulRateHalfUp(bf, bp) : NaN;
    if (fast === fast) return { cell: moneyCell(fast), fen: fast, value: null };
    const estimate = roundMoney((r.balance as Decimal).times(p));
    return { cell: decimalCell(estimate), fen: NaN, value: estimate };
  };

  const perBand = new Map<number, BandSums>(long.map((k) => [k, sums()]));
  const detail: { band: number; i: number; recovery: SpecCell }[] = [];
  for (const k of long) {
    const t = perBand.get(k) as BandSums;
    for (const i of itemsOf.get(k) as number[]) {
      const r = ctx.rows[i];
      t.count += 1;
      addRowBalance(t.balance, r);
      const rec = recoveryOf(i);
      if (rec.fen === rec.fen) t.recovery.addFen(rec.fen);
      else if (rec.value !== null) t.recovery.addDecimal(rec.value);
      addProvision(t.provision, audit, i);
      const cf = r.receivedFen;
      if (cf === cf) t.collected.addFen(cf);
      else if (r.received !== null) t.collected.addDecimal(r.received);
      detail.push({ band: k, i, recovery: rec.cell });
    }
  }
  const all = sums();
  for (const k of long) addSums(all, perBand.get(k) as BandSums);

  const b = openSheet(ctx, "longAgedCleanup", WIDTH);
  const blank = (style: "total" | "body" | "subtotal" = "body"): SpecCell => textCell(null, style);

  // 1. The items, by band.
  b.section(sl.sectionItems);
  const header = b.header([
    s.columns.no,
    s.columns.debtor,
    s.columns.nature,
    s.columns.dateArisen,
    s.columns.band,
    s.columns.balance,
    s.columns.expectedRecovery,
    s.columns.provision,
    s.columns.department,
    s.columns.collector,
    sl.targetDate,
    sl.collected,
    s.columns.status,
  ]);
  if (detail.length === 0) b.note(format(sl.none, { age }));
  let no = 0;
  let at = 0;
  for (const k of long) {
    const t = perBand.get(k) as BandSums;
    if (t.count === 0) continue;
    for (; at < detail.length && detail[at].band === k; at++) {
      const { i, recovery } = detail[at];
      const r = ctx.rows[i];
      no += 1;
      b.add("body", [
        integerCell(no),
        textCell(ctx.customerName(i, s.common.noCustomer), "wrap"),
        textCell(r.type),
        dayCell(r.dateArisen),
        textCell(bands[k].label[lang]),
        balanceCell(r),
        recovery,
        provisionCell(audit, i),
        textCell(ctx.departmentOf(i)),
        textCell(ctx.collectorOf(i)),
        dayCell(r.targetDate),
        moneyFieldCell(r.receivedFen, r.received),
        textCell(ctx.statusText(i), "wrap"),
      ]);
    }
    const sub = b.add("subtotal", [
      textCell(format(s.common.subtotal, { label: bands[k].label[lang] }), "subtotal"),
      blank("subtotal"),
      blank("subtotal"),
      blank("subtotal"),
      integerCell(t.count, "subtotal"),
      totalCell(t.balance, "subtotal"),
      totalCell(t.recovery, "subtotal"),
      totalCell(t.provision, "subtotal"),
      blank("subtotal"),
      blank("subtotal"),
      blank("subtotal"),
      totalCell(t.collected, "subtotal"),
      blank("subtotal"),
    ]);
    b.merge({ row: sub, col: 0, rows: 1, cols: 4 });
  }
  const total = b.add("total", [
    textCell(s.common.total, "total"),
    blank("total"),
    blank("total"),
    blank("total"),
    integerCell(all.count, "total"),
    totalCell(all.balance, "total"),
    totalCell(all.recovery, "total"),
    totalCell(all.provision, "total"),
    blank("total"),
    blank("total"),
    blank("total"),
    totalCell(all.collected, "total"),
    blank("total"),
  ]);
  b.merge({ row: total, col: 0, rows: 1, cols: 4 });

  // 2. The situation by age.
  b.blank();
  b.section(sl.sectionSummary);
  // Columns as the item table's: balance, expected recovery and provision under theirs, collected
  // so far spanning to its column.
  const h1 = b.header([s.columns.band, null, s.columns.items, s.columns.share, null, s.columns.balance, s.columns.expectedRecovery, s.columns.provision, sl.collected, null, null, null]);
  b.merge({ row: h1, col: 0, rows: 1, cols: 2 });
  b.merge({ row: h1, col: 3, rows: 1, cols: 2 });
  b.merge({ row: h1, col: 8, rows: 1, cols: 4 });
  const summaryRow = (label: string, t: BandSums, style: "body" | "total"): void => {
    const r = b.add(style === "total" ? "total" : "body", [
      textCell(label, style),
      blank(style),
      integerCell(t.count, style),
      percentCell(t.balance.isZero() && all.balance.isZero() ? null : shareOf(t.balance, all.balance), style),
      blank(style),
      totalCell(t.balance, style),
      totalCell(t.recovery, style),
      totalCell(t.provision, style),
      totalCell(t.collected, style),
      blank(style),
      blank(style),
      blank(style),
    ]);
    b.merge({ row: r, col: 0, rows: 1, cols: 2 });
    b.merge({ row: r, col: 3, rows: 1, cols: 2 });
    b.merge({ row: r, col: 8, rows: 1, cols: 4 });
  };
  for (const k of long) summaryRow(bands[k].label[lang], perBand.get(k) as BandSums, "body");
  summaryRow(s.common.total, all, "total");

  // 3. Settled long-aged items: what the clean-up collected (not open items, so apart).
  const cutoffs = bandCutoffs(input.asOf, bands);
  const settled = input.audit.settledRows.filter((r) => {
    const from = r.dateArisen ?? r.dueDate;
    return from !== null && from <= input.asOf && long.includes(bandFromCutoffs(from, cutoffs)) && r.moneySign("received") === 1;
  });
  if (settled.length > 0) {
    b.blank();
    b.section(sl.sectionSettled);
    b.header([s.columns.no, s.columns.debtor, s.columns.nature, s.columns.dateArisen, s.columns.band, null, null, null, s.columns.department, s.columns.collector, null, sl.collected, s.columns.status]);
    const collected = new MoneySum();
    settled.forEach((r, k) => {
      addRowMoney(collected, r, "received");
      b.add("body", [
        integerCell(k + 1),
        textCell(r.customer ?? s.common.noCustomer, "wrap"),
        textCell(r.type),
        dayCell(r.dateArisen),
        textCell(bands[bandFromCutoffs((r.dateArisen ?? r.dueDate) as number, cutoffs)].label[lang]),
        blank(),
        blank(),
        blank(),
        textCell(r.department),
        textCell(r.collector),
        blank(),
        moneyFieldCell(r.receivedFen, r.received),
        textCell(joinText(r.status, r.note), "wrap"),
      ]);
    });
    const t = b.add("total", [textCell(sl.settledTotal, "total"), blank("total"), blank("total"), blank("total"), integerCell(settled.length, "total"), blank("total"), blank("total"), blank("total"), blank("total"), blank("total"), blank("total"), totalCell(collected, "total"), blank("total")]);
    b.merge({ row: t, col: 0, rows: 1, cols: 4 });
  }

  b.blank();
  b.note(format(sl.noteScope, { age }));
  b.note(sl.noteProvision);
  b.note(sl.noteRecovery);
  b.note(sl.noteMonthly);

  return finishSheet(ctx, "longAgedCleanup", b, {
    columns: [
      { min: 5 },
      { min: 16, max: 30 },
      { min: 8, max: 16 },
      { min: 11 },
      { min: 8 },
      { min: 13 },
      { min: 13 },
      { min: 13 },
      { min: 8, max: 14 },
      { min: 8, max: 12 },
      { min: 11 },
      { min: 13 },
      { min: 16, max: 30 },
    ],
    headerRow: header,
    printTitles: "header",
  });
}

