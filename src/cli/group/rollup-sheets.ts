/**
 * The group report (`--out group.xlsx`) as SheetSpecs, built with the same SheetBuilder, cells
 * and layout rules as the single-ledger reports (core/reports) and written by the same exceljs
 * writer (xlsx-writer.ts). Its figures are the roll-ups of sql/ as DuckDB returns them: money as
 * exact decimal strings, summed here with decimal.js for subtotals, so every total is the exact
 * sum of the lines above it.
 *
 * Sheets: the branches (each workbook, checked or failed and why), group aging by branch × class
 * × band, provision by branch, the group's largest long-aged customers, intercompany balances.
 * No pure-TypeScript rule is restated here: classes, bands and provisions come from the core
 * through the data set, and the labels from the policy.
 */
import type { DayNumber } from "../../core/calendar";
import { formatIsoDate, parseDate, toExcelSerial } from "../../core/dates";
import type { Bilingual, Lang } from "../../i18n/bilingual";
import { GROUP_REPORT } from "../../i18n/group-cli";
import { Dec } from "../../core/money";
import type { Policy } from "../../core/policy/types";
import {
  type ColumnPlan,
  dateCell,
  type GroupReportId,
  integerCell,
  moneyCellExact,
  orientationFor,
  percentCell,
  SheetBuilder,
  type SheetSpec,
  textCell,
} from "../../core/reports/sheet-spec";
import type { RollupName, SqlRow } from "./consolidate";

/** One workbook of the run, as the Branches sheet lists it. */
export interface BranchLine {
  source: string;
  /** null when the branch failed before its entity was known. */
  entity: string | null;
  sheet: string | null;
  items: number | null;
  balance: string | null;
  provision: string | null;
  errors: number | null;
  warnings: number | null;
  /** Why the branch could not be used; null when it was checked. */
  failure: Bilingual | null;
}

interface GroupReportInput {
  asOf: DayNumber;
  policy: Policy;
  branches: readonly BranchLine[];
  rollups: Readonly<Record<RollupName, readonly SqlRow[]>>;
}

const CLASS_ORDER = ["normal", "overdue", "stale", "bad"] as const;

const CLASS_LABELS: Record<string, Bilingual> = {
  normal: { "zh-CN": "正常", "en-US": "Normal" },
  overdue: { "zh-CN": "逾期", "en-US": "Overdue" },
  stale: { "zh-CN": "呆滞", "en-US": "Stale" },
  bad: { "zh-CN": "呆账", "en-US": "Bad debt" },
};

const UNCLASSIFIED: Bilingual = { "zh-CN": "无法分类", "en-US": "Unclassified" };
const UNBANDED: Bilingual = { "zh-CN": "账龄不详", "en-US": "Age unknown" };

function text(v: SqlRow[string]): string | null {
  return v === null || v === undefined ? null : String(v);
}

function count(v: SqlRow[string]): number {
  return v === null || v === undefined ? 0 : Number(v);
}

/** An exact running sum of decimal strings. */
class Money {
  private sum = new Dec(0);
  add(v: SqlRow[string] | string | null): void {
    if (v !== null && v !== undefined) this.sum = this.sum.plus(new Dec(String(v)));
  }
  get exact(): string {
    return this.sum.toFixed(2);
  }
}

function share(part: string | null, whole: string | null): number | null {
  if (part === null || whole === null) return null;
  const w = new Dec(whole);
  return w.isZero() ? null : new Dec(part).div(w).toNumber();
}

class GroupSheets {
  constructor(
    private readonly input: GroupReportInput,
    private readonly lang: Lang,
  ) {}

  label(b: Bilingual): string {
    return b[this.lang];
  }

  private open(width: number, title: string): SheetBuilder {
    const b = new SheetBuilder(width);
    b.title(title);
    const ok = this.input.branches.filter((x) => x.failure === null).length;
    const failed = this.input.branches.length - ok;
    b.meta(
      this.label(GROUP_REPORT.meta(formatIsoDate(this.input.asOf), this.input.branches.length, ok, failed)),
    );
    return b;
  }

  private finish(id: GroupReportId, name: string, title: string, b: SheetBuilder, headerRow: number, plans: readonly ColumnPlan[]): SheetSpec {
    const columns = b.layout(plans);
    return {
      id,
      lang: this.lang,
      name,
      title,
      columns,
      rows: b.rows,
      merges: b.merges,
      freezeRows: headerRow + 1,
      print: { paper: "A4", orientation: orientationFor(columns), fitToWidth: true, printTitleRows: { first: 0, last: headerRow } },
      charts: [],
    };
  }

  branches(): SheetSpec {
    const title = this.label(GROUP_REPORT.branchesTitle);
    const b = this.open(10, title);
    const header = b.header([
      this.label(GROUP_REPORT.branch),
      this.label(GROUP_REPORT.file),
      this.label(GROUP_REPORT.ledgerSheet),
      this.label(GROUP_REPORT.status),
      this.label(GROUP_REPORT.openItems),
      this.label(GROUP_REPORT.balance),
      this.label(GROUP_REPORT.provision),
      this.label(GROUP_REPORT.errors),
      this.label(GROUP_REPORT.warnings),
      this.label(GROUP_REPORT.reason),
    ]);
    const balance = new Money();
    const provision = new Money();
    let items = 0;
    let errors = 0;
    let warnings = 0;
    for (const x of this.input.branches) {
      const ok = x.failure === null;
      if (ok) {
        items += x.items ?? 0;
        errors += x.errors ?? 0;
        warnings += x.warnings ?? 0;
        balance.add(x.balance);
        provision.add(x.provision);
      }
      b.add("body", [
        textCell(x.entity),
        textCell(x.source),
        textCell(x.sheet),
        textCell(ok ? this.label(GROUP_REPORT.checked) : this.label(GROUP_REPORT.failed)),
        ok ? integerCell(x.items) : null,
        ok ? moneyCellExact(x.balance) : null,
        ok ? moneyCellExact(x.provision) : null,
        ok ? integerCell(x.errors) : null,
        ok ? integerCell(x.warnings) : null,
        textCell(x.failure === null ? null : this.label(x.failure), "wrap"),
      ]);
    }
    b.add("total", [
      textCell(this.label(GROUP_REPORT.totalChecked), "total"),
      null,
      null,
      null,
      integerCell(items, "total"),
      moneyCellExact(balance.exact, "total"),
      moneyCellExact(provision.exact, "total"),
      integerCell(errors, "total"),
      integerCell(warnings, "total"),
      null,
    ]);
    return this.finish("groupBranches", this.label(GROUP_REPORT.branchesSheet), title, b, header, [{}, { max: 40 }, {}, {}, {}, {}, {}, {}, {}, { min: 30, max: 80 }]);
  }

  aging(): SheetSpec {
    const title = this.label(GROUP_REPORT.agingTitle);
    const b = this.open(6, title);
    const header = b.header([this.label(GROUP_REPORT.branch), this.label(GROUP_REPORT.class), this.label(GROUP_REPORT.band), this.label(GROUP_REPORT.items), this.label(GROUP_REPORT.balance), this.label(GROUP_REPORT.provision)]);
    const bandOrder = new Map(this.input.policy.reportBands.map((band, k) => [band.key, k]));
    const bandLabel = new Map(this.input.policy.reportBands.map((band) => [band.key, band.label]));
    const classRank = (c: string | null): number => (c === null ? CLASS_ORDER.length : Math.max(0, CLASS_ORDER.indexOf(c as (typeof CLASS_ORDER)[number])));
    const bandRank = (k: string | null): number => (k === null ? bandOrder.size : (bandOrder.get(k) ?? bandOrder.size));
    const byEntity = new Map<string, SqlRow[]>();
    for (const r of this.input.rollups["group-aging"]) {
      const e = text(r.entity) ?? "";
      const list = byEntity.get(e);
      if (list === undefined) byEntity.set(e, [r]);
      else list.push(r);
    }
    const all = { items: 0, balance: new Money(), provision: new Money() };
    for (const [entity, rows] of byEntity) {
      rows.sort((p, q) => classRank(text(p.agingClass)) - classRank(text(q.agingClass)) || bandRank(text(p.agingBand)) - bandRank(text(q.agingBand)));
      const sub = { items: 0, balance: new Money(), provision: new Money() };
      for (const r of rows) {
        const cls = text(r.agingClass);
        const band = text(r.agingBand);
        b.add("body", [
          textCell(entity),
          textCell(this.label(cls === null ? UNCLASSIFIED : (CLASS_LABELS[cls] ?? { "zh-CN": cls, "en-US": cls }))),
          textCell(band === null ? this.label(UNBANDED) : this.label(bandLabel.get(band) ?? { "zh-CN": band, "en-US": band })),
          integerCell(count(r.items)),
          moneyCellExact(text(r.balance)),
          moneyCellExact(text(r.provision)),
        ]);
        sub.items += count(r.items);
        sub.balance.add(r.balance);
        sub.provision.add(r.provision);
      }
      b.add("subtotal", [textCell(this.label(GROUP_REPORT.subtotal(entity)), "subtotal"), null, null, integerCell(sub.items, "subtotal"), moneyCellExact(sub.balance.exact, "subtotal"), moneyCellExact(sub.provision.exact, "subtotal")]);
      all.items += sub.items;
      all.balance.add(sub.balance.exact);
      all.provision.add(sub.provision.exact);
    }
    b.add("total", [textCell(this.label(GROUP_REPORT.groupTotal), "total"), null, null, integerCell(all.items, "total"), moneyCellExact(all.balance.exact, "total"), moneyCellExact(all.provision.exact, "total")]);
    return this.finish("groupAging", this.label(GROUP_REPORT.agingSheet), title, b, header, [{ max: 30 }, {}, {}, {}, {}, {}]);
  }

  provision(): SheetSpec {
    const title = this.label(GROUP_REPORT.provisionTitle);
    const b = this.open(8, title);
    const header = b.header([
      this.label(GROUP_REPORT.branch),
      this.label(GROUP_REPORT.items),
      this.label(GROUP_REPORT.balance),
      this.label(GROUP_REPORT.provision),
      this.label(GROUP_REPORT.provisionRate),
      this.label(GROUP_REPORT.longAgedBalance),
      this.label(GROUP_REPORT.badBalance),
      this.label(GROUP_REPORT.badProvision),
    ]);
    const sums = { items: 0, balance: new Money(), provision: new Money(), longAged: new Money(), bad: new Money(), badProvision: new Money() };
    for (const r of this.input.rollups["provision-by-branch"]) {
      b.add("body", [
        textCell(text(r.entity)),
        integerCell(count(r.items)),
        moneyCellExact(text(r.balance)),
        moneyCellExact(text(r.provision)),
        percentCell(share(text(r.provision), text(r.balance))),
        moneyCellExact(text(r.longAgedBalance)),
        moneyCellExact(text(r.badBalance)),
        moneyCellExact(text(r.badProvision)),
      ]);
      sums.items += count(r.items);
      sums.balance.add(r.balance);
      sums.provision.add(r.provision);
      sums.longAged.add(r.longAgedBalance);
      sums.bad.add(r.badBalance);
      sums.badProvision.add(r.badProvision);
    }
    b.add("total", [
      textCell(this.label(GROUP_REPORT.groupTotal), "total"),
      integerCell(sums.items, "total"),
      moneyCellExact(sums.balance.exact, "total"),
      moneyCellExact(sums.provision.exact, "total"),
      percentCell(share(sums.provision.exact, sums.balance.exact), "total"),
      moneyCellExact(sums.longAged.exact, "total"),
      moneyCellExact(sums.bad.exact, "total"),
      moneyCellExact(sums.badProvision.exact, "total"),
    ]);
    return this.finish("groupProvision", this.label(GROUP_REPORT.provision), title, b, header, [{ max: 30 }, {}, {}, {}, {}, {}, {}, {}]);
  }

  longAged(): SheetSpec {
    const title = this.label(GROUP_REPORT.longAgedTitle);
    const b = this.open(7, title);
    const header = b.header([this.label(GROUP_REPORT.rank), this.label(GROUP_REPORT.customer), this.label(GROUP_REPORT.counterpartBranches), this.label(GROUP_REPORT.items), this.label(GROUP_REPORT.balance), this.label(GROUP_REPORT.provision), this.label(GROUP_REPORT.oldestDateArisen)]);
    const rows = this.input.rollups["long-aged-customers"];
    rows.forEach((r, k) => {
      const oldest = text(r.oldestDateArisen);
      const day = oldest === null ? null : parseDate(oldest);
      b.add("body", [
        integerCell(k + 1),
        textCell(text(r.customer)),
        integerCell(count(r.branches)),
        integerCell(count(r.items)),
        moneyCellExact(text(r.balance)),
        moneyCellExact(text(r.provision)),
        dateCell(day === null ? null : toExcelSerial(day)),
      ]);
    });
    if (rows.length === 0) b.note(this.label(GROUP_REPORT.noLongAged));
    else b.note(this.label(GROUP_REPORT.longAgedNote(rows.length)));
    return this.finish("groupLongAged", this.label(GROUP_REPORT.longAgedSheet), title, b, header, [{}, { max: 40 }, {}, {}, {}, {}, {}]);
  }

  intercompany(): SheetSpec {
    const title = this.label(GROUP_REPORT.intercompanyTitle);
    const b = this.open(5, title);
    const header = b.header([this.label(GROUP_REPORT.branch), this.label(GROUP_REPORT.counterparty), this.label(GROUP_REPORT.items), this.label(GROUP_REPORT.balance), this.label(GROUP_REPORT.provision)]);
    const rows = this.input.rollups.intercompany;
    const sums = { items: 0, balance: new Money(), provision: new Money() };
    for (const r of rows) {
      b.add("body", [textCell(text(r.entity)), textCell(text(r.counterparty)), integerCell(count(r.items)), moneyCellExact(text(r.balance)), moneyCellExact(text(r.provision))]);
      sums.items += count(r.items);
      sums.balance.add(r.balance);
      sums.provision.add(r.provision);
    }
    b.add("total", [textCell(this.label(GROUP_REPORT.total), "total"), null, integerCell(sums.items, "total"), moneyCellExact(sums.balance.exact, "total"), moneyCellExact(sums.provision.exact, "total")]);
    b.note(
      rows.length === 0
        ? this.label(GROUP_REPORT.noIntercompany)
        : this.label(GROUP_REPORT.intercompanyNote),
    );
    return this.finish("groupIntercompany", this.label(GROUP_REPORT.intercompanySheet), title, b, header, [{ max: 30 }, { max: 30 }, {}, {}, {}]);
  }
}

/** Every sheet of the group report, in order. */
export function buildGroupReport(input: GroupReportInput, lang: Lang): SheetSpec[] {
  const s = new GroupSheets(input, lang);
  return [s.branches(), s.aging(), s.provision(), s.longAged(), s.intercompany()];
}

