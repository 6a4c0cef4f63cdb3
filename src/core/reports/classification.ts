/**
 * 应收账款分类表, receivables by class (POLICY §2): normal / overdue / stale / bad, by customer
 * and by department, with a pie chart of the classes. Classes are the check's (days past the
 * credit term, or bad by a direct-to-bad condition); a row whose due date is unknown is
 * "unclassified", shown only when there is one.
 */
import { AGING_CLASSES } from "../aging";
import { NO_VALUE } from "../batch";
import type { Lang } from "../errors";
import { format, stringsFor } from "../../i18n";
import { pivot, pivotColumnPlans, writePivot } from "./aging-analysis";
import { chartRows, customerKey, finishSheet, openSheet, reportContext, type ReportInput, reportStrings } from "./input";
import type { ChartSpec, SheetSpec } from "./sheet-spec";

const CHART_ROWS = 16;

export function buildClassification(input: ReportInput, lang: Lang): SheetSpec {
  const ctx = reportContext(input, lang);
  const s = reportStrings(lang);
  const classNames = stringsFor(lang).agingClass;
  const classOf = input.audit.rows.agingClass;
  const unclassified = AGING_CLASSES.length;
  const columnOf = (i: number): number => (classOf[i] === NO_VALUE ? unclassified : classOf[i]);

  // Departments, in first-seen order, compared as customer names are.
  const departments: string[] = [];
  const departmentIds = new Map<string, number>();
  const departmentOf = new Int32Array(ctx.n).fill(-1);
  for (let i = 0; i < ctx.n; i++) {
    const d = ctx.departmentOf(i);
    const key = customerKey(d);
    if (key === null || d === null) continue;
    let id = departmentIds.get(key);
    if (id === undefined) {
      id = departments.length;
      departments.push(d);
      departmentIds.set(key, id);
    }
    departmentOf[i] = id;
  }

  const byCustomer = pivot(ctx, ctx.customers.length, AGING_CLASSES.length + 1, (i) => ctx.customerOf[i], columnOf);
  const byDepartment = pivot(ctx, departments.length, AGING_CLASSES.length + 1, (i) => departmentOf[i], columnOf);
  const shown = AGING_CLASSES.map((_, k) => k);
  const labels = AGING_CLASSES.map((c) => classNames[c]);
  if (byCustomer.columnCounts[unclassified] > 0) {
    shown.push(unclassified);
    labels.push(s.common.unclassified);
  }

  const b = openSheet(ctx, "classification", shown.length + 5);
  b.section(s.classification.byCustomer);
  const customers = writePivot(b, lang, byCustomer, {
    columnLabels: labels,
    shown,
    groupName: (k) => (k < 0 ? s.common.noCustomer : ctx.customers[k].name),
    groupLabel: s.columns.customer,
  });
  b.blank();
  b.section(s.classification.byDepartment);
  writePivot(b, lang, byDepartment, {
    columnLabels: labels,
    shown,
    groupName: (k) => (k < 0 ? s.common.noDepartment : departments[k]),
    groupLabel: s.columns.department,
  });
  const t = input.policy.agingClass;
  b.note(
    [
      format(s.classification.ruleNormal, { days: t.normalMaxDays }),
      format(s.classification.ruleOverdue, { from: t.normalMaxDays + 1, to: t.overdueMaxDays }),
      format(s.classification.ruleStale, { from: t.overdueMaxDays + 1, to: t.staleMaxDays }),
      format(s.classification.ruleBad, { days: t.staleMaxDays }),
    ].join(lang === "zh-CN" ? "；" : "; ") + (lang === "zh-CN" ? "。" : "."),
  );
  b.note(s.classification.noteDepartment);
  if (byCustomer.columnCounts[unclassified] > 0) b.note(format(s.classification.noteUnclassified, { count: byCustomer.columnCounts[unclassified] }));

  const charts: ChartSpec[] = [];
  if (ctx.n > 0) {
    const title = s.classification.chartTitle;
    charts.push({
      type: "pie",
      title,
      categories: { row: customers.header, col: 3, rows: 1, cols: shown.length },
      series: [{ name: s.columns.total, values: { row: customers.total, col: 3, rows: 1, cols: shown.length } }],
      anchor: chartRows(b, CHART_ROWS),
      omittedNote: format(s.common.chartOmitted, { title }),
    });
  }
  return finishSheet(ctx, "classification", b, { columns: pivotColumnPlans(shown.length), headerRow: customers.header, printTitles: "header", charts });
}
