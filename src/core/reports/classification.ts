/**
 * 应收账款分类表, receivables by class (POLICY §2): normal / overdue / stale / bad, by customer
 * and by department, with a pie chart of the classes. Classes are the check's (days past the
 * credit term, or bad by a direct-to-bad condition); a row whose due date is unknown is
 * "unclassified", shown only when there is one.
 */
import { AGING_CLASSES } from "../aging";
import { NO_VALUE } from "../batch";
import type { Lang } from "../../i18n/bilingual";
import type { AgingClassThresholds } from "../policy/types";
import { format, stringsFor } from "../../i18n";
import { pivot, pivotColumnPlans, writeAdvances, writePivot } from "./aging-analysis";
import { chartRows, customerKey, finishSheet, openSheet, reportContext, type ReportInput, reportStrings } from "./input";
import type { ChartSpec, SheetSpec } from "./sheet-spec";

const CHART_ROWS = 16;

/**
 * The classes in the policy's own words (004 五.第二条: 不足20天, 超过20天且在90天内…), then how
 * each boundary day is read: the day the text leaves in no class as the policy's stated choice,
 * and 在…天内 as including the number (Civil Code art. 1259) unless the company set otherwise.
 */
export function classRuleNotes(t: AgingClassThresholds, lang: Lang): string[] {
  const sc = reportStrings(lang).classification;
  const names = stringsFor(lang).agingClass;
  const n = { normal: t.normalMaxDays, overdue: t.overdueMaxDays, stale: t.staleMaxDays };
  const rules = [format(sc.ruleNormal, n), format(sc.ruleOverdue, n), format(sc.ruleStale, n), format(sc.ruleBad, n)].join(lang === "zh-CN" ? "；" : "; ");
  const lines = [format(sc.rules, { rules })];
  lines.push(format(sc.boundaryChoice, { days: t.normalMaxDays, cls: names[t.atNormalMaxDays] }));
  lines.push(
    t.atOverdueMaxDays === "overdue"
      ? format(sc.boundaryIncluded, { days: t.overdueMaxDays, cls: names.overdue })
      : format(sc.boundarySet, { days: t.overdueMaxDays, cls: names[t.atOverdueMaxDays], key: "agingClass.atOverdueMaxDays" }),
  );
  lines.push(
    t.atStaleMaxDays === "stale"
      ? format(sc.boundaryIncluded, { days: t.staleMaxDays, cls: names.stale })
      : format(sc.boundarySet, { days: t.staleMaxDays, cls: names[t.atStaleMaxDays], key: "agingClass.atStaleMaxDays" }),
  );
  return lines;
}

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
  writeAdvances(b, ctx, 3 + shown.length);
  b.blank();
  b.section(s.classification.byDepartment);
  writePivot(b, lang, byDepartment, {
    columnLabels: labels,
    shown,
    groupName: (k) => (k < 0 ? s.common.noDepartment : departments[k]),
    groupLabel: s.columns.department,
  });
  for (const line of classRuleNotes(input.policy.agingClass, lang)) b.note(line);
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
