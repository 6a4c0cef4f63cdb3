/**
 * 账龄分析表, the aging analysis (POLICY §3): customers × the policy's report bands, each
 * customer's total and share, band totals and shares, and a stacked column chart of the largest
 * customers. Bands and balances are the check's (AuditResult), so the grand total is the
 * check's total to the fen.
 *
 * Also the pivot (groups × columns of balances) the classification report reuses.
 */
import { NO_VALUE } from "../batch";
import type { Lang } from "../../i18n/bilingual";
import { Dec, formatMoneyGrouped } from "../money";
import { format } from "../../i18n";
import { addRowBalance, chartRows, finishSheet, openSheet, type ReportContext, reportContext, type ReportInput, reportStrings, shareOf, totalCell } from "./input";
import { MoneySum } from "../money-sum";
import { type ChartSpec, type ColumnPlan, integerCell, moneyCell, percentCell, type SheetBuilder, type SheetSpec, type SpecCell, textCell } from "./sheet-spec";

/** Balances of groups (customers, departments) by column (bands, classes), with totals. */
interface Pivot {
  /** Group ids in display order: largest total first, ties in first-seen order; the "missing" group (-1) last. */
  order: number[];
  /** cells[g][c]; null where the group has no row in the column. */
  cells: (MoneySum | null)[][];
  counts: number[];
  groupTotals: MoneySum[];
  columnTotals: MoneySum[];
  /** Rows per column (all groups). */
  columnCounts: number[];
  grand: MoneySum;
  count: number;
}

/**
 * Sums row balances by group and column. groupOf(i) in [0, groups) or -1 (no group: kept as the
 * last group, index `groups`); columnOf(i) in [0, columns).
 */
export function pivot(ctx: ReportContext, groups: number, columns: number, groupOf: (i: number) => number, columnOf: (i: number) => number): Pivot {
  const g = groups + 1;
  const cells: (MoneySum | null)[][] = Array.from({ length: g }, () => new Array<MoneySum | null>(columns).fill(null));
  const counts = new Array<number>(g).fill(0);
  const columnCounts = new Array<number>(columns).fill(0);
  const rows = ctx.rows;
  for (let i = 0; i < ctx.n; i++) {
    let k = groupOf(i);
    if (k < 0) k = groups;
    const c = columnOf(i);
    counts[k] += 1;
    columnCounts[c] += 1;
    let cell = cells[k][c];
    if (cell === null) {
      cell = new MoneySum();
      cells[k][c] = cell;
    }
    addRowBalance(cell, rows[i]);
  }
  const groupTotals = cells.map((row) => {
    const t = new MoneySum();
    for (const cell of row) if (cell !== null) t.addSum(cell);
    return t;
  });
  const columnTotals = Array.from({ length: columns }, (_, c) => {
    const t = new MoneySum();
    for (const row of cells) if (row[c] !== null) t.addSum(row[c] as MoneySum);
    return t;
  });
  const grand = new MoneySum();
  for (const t of groupTotals) grand.addSum(t);
  const present: number[] = [];
  for (let k = 0; k < groups; k++) if (counts[k] > 0) present.push(k);
  const value = present.map((k) => groupTotals[k].toNumber());
  const byPosition = present.map((_, p) => p);
  byPosition.sort((a, b) => value[b] - value[a] || a - b);
  const order = byPosition.map((p) => present[p]);
  if (counts[groups] > 0) order.push(-1);
  return { order, cells, counts, groupTotals, columnTotals, columnCounts, grand, count: ctx.n };
}

export interface PivotLayout {
  /** Header labels of the pivot's columns that are shown. */
  columnLabels: string[];
  /** Which pivot columns are shown, in order. */
  shown: number[];
  groupName: (k: number) => string;
  /** Label of the first header cell after "No.": customer, department. */
  groupLabel: string;
}

/**
 * Writes a pivot as a table: header, one row per group (No., name, items, columns, total, share),
 * a total row and a row of column shares. Returns the rows it wrote.
 */
export function writePivot(b: SheetBuilder, lang: Lang, p: Pivot, layout: PivotLayout): { header: number; firstBody: number; lastBody: number; total: number; share: number } {
  const s = reportStrings(lang);
  const header = b.header([s.columns.no, layout.groupLabel, s.columns.items, ...layout.columnLabels, s.columns.total, s.columns.share]);
  const firstBody = b.rowCount;
  let no = 0;
  for (const id of p.order) {
    const k = id < 0 ? p.cells.length - 1 : id;
    no += 1;
    const cells: (SpecCell | null)[] = [integerCell(no), textCell(layout.groupName(id)), integerCell(p.counts[k])];
    for (const c of layout.shown) {
      const cell = p.cells[k][c];
      cells.push(cell === null ? moneyCell(null) : totalCell(cell));
    }
    cells.push(totalCell(p.groupTotals[k]));
    cells.push(percentCell(shareOf(p.groupTotals[k], p.grand)));
    b.add("body", cells);
  }
  const lastBody = b.rowCount - 1;
  const total = b.add("total", [
    textCell(s.common.total, "total"),
    textCell(null, "total"),
    integerCell(p.count, "total"),
    ...layout.shown.map((c) => totalCell(p.columnTotals[c], "total")),
    totalCell(p.grand, "total"),
    percentCell(p.grand.isZero() ? null : 1, "total"),
  ]);
  b.merge({ row: total, col: 0, rows: 1, cols: 2 });
  const share = b.add("subtotal", [
    textCell(s.common.shareRow, "subtotal"),
    textCell(null, "subtotal"),
    textCell(null, "subtotal"),
    ...layout.shown.map((c) => percentCell(shareOf(p.columnTotals[c], p.grand), "subtotal")),
    percentCell(p.grand.isZero() ? null : 1, "subtotal"),
    textCell(null, "subtotal"),
  ]);
  b.merge({ row: share, col: 0, rows: 1, cols: 3 });
  return { header, firstBody, lastBody, total, share };
}

/**
 * Customers' net credits (预收, POLICY §1) on a line of their own under a pivot table, never as
 * negative balances in the classes or bands: the number of customers with an advance and the
 * amount (a credit), in the table's total column; then a note naming them. Nothing when none.
 */
export function writeAdvances(b: SheetBuilder, ctx: ReportContext, totalColumn: number): void {
  const advances = ctx.input.audit.advances;
  if (advances.length === 0) return;
  const s = reportStrings(ctx.lang);
  const total = new MoneySum();
  for (const a of advances) total.addDecimal(a.amount);
  const cells: (SpecCell | null)[] = Array.from({ length: b.width }, () => textCell(null, "subtotal"));
  cells[0] = textCell(s.advances.line, "subtotal");
  cells[2] = integerCell(advances.length, "subtotal");
  cells[totalColumn] = totalCell(total, "subtotal");
  const row = b.add("subtotal", cells);
  b.merge({ row, col: 0, rows: 1, cols: 2 });
  const sep = ctx.lang === "zh-CN" ? "、" : "; ";
  const names = advances.map((a) => `${a.customer ?? s.common.noCustomer} ${formatMoneyGrouped(a.amount)}`).join(sep);
  b.note(format(s.advances.note, { names, amount: formatMoneyGrouped(new Dec(total.toString())) }));
}

/** Columns: No., name, items, the pivot's columns, total, share. */
export function pivotColumnPlans(shown: number): ColumnPlan[] {
  return [{ min: 5 }, { min: 16, max: 36 }, { min: 6 }, ...Array.from({ length: shown }, () => ({ min: 12 })), { min: 13 }, { min: 8 }];
}

const CHART_CUSTOMERS = 10;
const CHART_ROWS = 18;

export function buildAgingAnalysis(input: ReportInput, lang: Lang): SheetSpec {
  const ctx = reportContext(input, lang);
  const s = reportStrings(lang);
  const bands = input.policy.reportBands;
  const bandOf = input.audit.rows.agingBand;
  const unbanded = bands.length;
  const p = pivot(
    ctx,
    ctx.customers.length,
    bands.length + 1,
    (i) => ctx.customerOf[i],
    (i) => (bandOf[i] === NO_VALUE ? unbanded : bandOf[i]),
  );
  const shown = bands.map((_, k) => k);
  const labels = bands.map((band) => band.label[lang]);
  if (p.columnCounts[unbanded] > 0) {
    shown.push(unbanded);
    labels.push(s.common.unbanded);
  }
  const width = shown.length + 5;
  const b = openSheet(ctx, "agingAnalysis", width);
  const t = writePivot(b, lang, p, {
    columnLabels: labels,
    shown,
    groupName: (k) => (k < 0 ? s.common.noCustomer : ctx.customers[k].name),
    groupLabel: s.columns.customer,
  });
  writeAdvances(b, ctx, 3 + shown.length);
  b.note(s.aging.noteAge);
  if (p.columnCounts[unbanded] > 0) b.note(format(s.aging.noteUnbanded, { count: p.columnCounts[unbanded] }));

  const charts: ChartSpec[] = [];
  const charted = Math.min(CHART_CUSTOMERS, p.order.filter((k) => k >= 0).length);
  if (charted > 0) {
    const title = format(s.aging.chartTitle, { n: charted });
    charts.push({
      type: "columnStacked",
      title,
      categories: { row: t.firstBody, col: 1, rows: charted, cols: 1 },
      series: bands.map((band, k) => ({
        name: band.label[lang],
        nameCell: { row: t.header, col: 3 + k },
        values: { row: t.firstBody, col: 3 + k, rows: charted, cols: 1 },
      })),
      anchor: chartRows(b, CHART_ROWS),
      omittedNote: format(s.common.chartOmitted, { title }),
    });
  }
  return finishSheet(ctx, "agingAnalysis", b, { columns: pivotColumnPlans(shown.length), headerRow: t.header, printTitles: "header", charts });
}
