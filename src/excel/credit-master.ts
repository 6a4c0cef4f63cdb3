/**
 * The customer master row a questionnaire updates (POLICY §5: finance proposes a grade and a limit,
 * the general manager approves). The master is the user's own sheet, so it changes only after the
 * user has seen the old and the new values side by side and confirmed, and only in the grade,
 * limit and review-date cells of that one row (or a new row for a customer not in it yet). The old
 * values go first to a history sheet, in the same batch, so nothing is lost. If the row changed
 * between the look and the confirm, nothing is written and the user is shown the row as it is now.
 */
import type { DayNumber } from "../core/calendar";
import { toExcelSerial } from "../core/dates";
import type { Bilingual, Lang } from "../i18n/bilingual";
import type { CustomerMasterRow } from "../core/ledger/companions";
import { sheetColumnOf } from "../core/column-letters";
import { readCompanions } from "../core/ledger/workbook";
import { Dec } from "../core/money";
import { customerKey } from "../core/reports/input";
import { stringsFor } from "../i18n";
import { GatewayError } from "./errors";
import { readCompanionSheets } from "./ledger-read";
import { blockAddress, ownedSheetNames } from "./owned";
import type { ExcelRun } from "./validate-run";

/** What the questionnaire proposes for the customer. */
export interface MasterProposal {
  customer: string;
  customerCode: string;
  grade: string;
  /** Exact, to the cent ("800000.00"); null when no limit was worked out (no contract value). */
  limit: string | null;
  reviewDate: DayNumber;
  /** Exact ("83.6"), for the history. */
  score: string;
  /** The questionnaire sheet it came from, for the history. */
  questionnaire: string;
}

export interface MasterValues {
  grade: string | null;
  /** Exact ("3000000.00"). */
  limit: string | null;
  lastReview: DayNumber | null;
}

export interface MasterPlan {
  sheet: string;
  /** 1-based sheet row of the customer; null when the customer is not in the master (a row is added). */
  row: number | null;
  /** The row a new customer would get. */
  newRow: number;
  old: MasterValues;
  /** Fields the master has no column for: not written (the history still records them). */
  missing: ("grade" | "limit" | "lastReview")[];
}

export type MasterOutcome =
  | { kind: "planned"; plan: MasterPlan }
  /** The row changed since the plan was shown: nothing written; here is the row now. */
  | { kind: "changed"; plan: MasterPlan }
  | { kind: "done"; plan: MasterPlan; history: { sheet: string; row: number } };

const NO_MASTER: Bilingual = {
  "zh-CN": "此工作簿中没有客户档案（带有“客户名称”“信用等级”“信用额度”等列的工作表），无法更新。请先建立客户档案表。",
  "en-US": "This workbook has no customer master (a sheet with columns such as customer, credit grade and credit limit), so there is nothing to update. Add one first.",
};

type Field = "grade" | "limit" | "lastReview";
const FIELD_OF: Record<Field, "creditGrade" | "creditLimit" | "lastReview"> = { grade: "creditGrade", limit: "creditLimit", lastReview: "lastReview" };


function valuesOf(rec: CustomerMasterRow | null): MasterValues {
  if (rec === null) return { grade: null, limit: null, lastReview: null };
  return {
    grade: rec.creditGrade === null ? null : rec.creditGrade.trim(),
    limit: rec.creditLimit === null ? null : rec.creditLimit.toFixed(2),
    lastReview: rec.lastReview,
  };
}

function same(a: MasterValues, b: MasterValues): boolean {
  return a.grade === b.grade && a.limit === b.limit && a.lastReview === b.lastReview;
}

function protectedSheet(sheet: string): GatewayError {
  return new GatewayError("AccessDenied", {
    "zh-CN": `工作表“${sheet}”受保护，无法写入。请取消保护后重试；工作簿未作任何更改。`,
    "en-US": `The sheet "${sheet}" is protected and cannot be written to. Unprotect it and try again; nothing in the workbook was changed.`,
  });
}

/** The history sheet's heading row. */
function historyHeader(lang: Lang): string[] {
  const h = stringsFor(lang).credit.history;
  return [h.date, h.customer, h.code, h.oldGrade, h.oldLimit, h.oldReview, h.newGrade, h.newLimit, h.newReview, h.score, h.questionnaire, h.where];
}

const HISTORY_FORMATS = ["yyyy-mm-dd", "@", "@", "@", "#,##0.00", "yyyy-mm-dd", "@", "#,##0.00", "yyyy-mm-dd", "0.00", "@", "@"];

/**
 * Shows (apply false) or makes (apply true) the master update. With apply, `expected` is what the
 * user was shown: if the row holds anything else now, nothing is written (kind "changed").
 */
export async function runMasterUpdate(run: ExcelRun, p: { proposal: MasterProposal; lang: Lang; apply: boolean; expected?: MasterValues }): Promise<MasterOutcome> {
  return run(async (context) => {
    const owned = await ownedSheetNames(context);
    // The history sheet's headings read like a customer master's: it is never taken for one.
    const historyNames = (["zh-CN", "en-US"] as const).map((l) => stringsFor(l).credit.history.sheet);
    const sheets = await readCompanionSheets(context, new Set([...owned, ...historyNames]), {});
    const master = readCompanions(sheets).companions.customers ?? null;
    if (master === null) throw new GatewayError("NoMaster", NO_MASTER);

    const byName = customerKey(p.proposal.customer);
    const byCode = customerKey(p.proposal.customerCode);
    const rec =
      master.records.find((r) => byCode !== null && customerKey(r.customerCode) === byCode) ??
      master.records.find((r) => byName !== null && customerKey(r.customer) === byName) ??
      null;
    const columns = (["grade", "limit", "lastReview"] as const).map((f) => ({ f, col: master.header.columns.find((c) => c.field === FIELD_OF[f]) }));
    const missing = columns.filter((c) => c.col === undefined).map((c) => c.f);
    const ws = context.workbook.worksheets.getItem(master.sheet);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,rowCount");
    ws.load("protection/protected");
    await context.sync();
    const newRow = used.isNullObject ? 1 : used.rowIndex + used.rowCount + 1;
    const plan: MasterPlan = { sheet: master.sheet, row: rec?.row ?? null, newRow, old: valuesOf(rec), missing };
    if (!p.apply) return { kind: "planned", plan };
    if (p.expected === undefined || !same(p.expected, plan.old)) return { kind: "changed", plan };
    if (missing.length === 3) {
      throw new GatewayError("NoMasterColumns", {
        "zh-CN": `客户档案“${master.sheet}”没有“信用等级”“信用额度”“最近评审日期”列，无法写入。`,
        "en-US": `The customer master "${master.sheet}" has no credit grade, credit limit or last review column to write to.`,
      });
    }

    // A protected sheet refuses the write part-way through a batch (Excel's batches are not
    // transactions): refuse before writing anything, and say which sheet.
    if (ws.protection.protected) throw protectedSheet(master.sheet);
    // The history first, in the same batch: the old values are kept whatever happens to the row.
    const history = await historySheet(context, p.lang);
    const { proposal } = p;
    const where = `${master.sheet}!${plan.row ?? newRow}`;
    const line = [
      toExcelSerial(proposal.reviewDate),
      proposal.customer,
      proposal.customerCode,
      plan.old.grade ?? "",
      plan.old.limit === null ? "" : Number(plan.old.limit),
      // No limit worked out (no contract value): the master's limit stays, and so does the history's "new" one.
      plan.old.lastReview === null ? "" : toExcelSerial(plan.old.lastReview),
      proposal.grade,
      proposal.limit === null ? (plan.old.limit === null ? "" : Number(plan.old.limit)) : Number(proposal.limit),
      toExcelSerial(proposal.reviewDate),
      Number(proposal.score),
      proposal.questionnaire,
      where,
    ];
    const historyRange = history.sheet.getRange(blockAddress(history.next, 0, 1, line.length));
    historyRange.numberFormat = [HISTORY_FORMATS];
    historyRange.values = [line];

    const row0 = (plan.row ?? newRow) - 1;
    const put = (letter: string, value: string | number, format: string | null): void => {
      const cell = ws.getRange(blockAddress(row0, sheetColumnOf(letter) - 1, 1, 1));
      // The master's own formats stay; a new row's cells get one so a name or a grade stays text.
      if (format !== null) cell.numberFormat = [[format]];
      cell.values = [[value]];
    };
    const fresh = plan.row === null;
    if (fresh) {
      const nameCol = master.header.columns.find((c) => c.field === "customer");
      const codeCol = master.header.columns.find((c) => c.field === "customerCode");
      if (nameCol) put(nameCol.letter, proposal.customer, "@");
      if (codeCol && proposal.customerCode.trim() !== "") put(codeCol.letter, proposal.customerCode, "@");
    }
    for (const { f, col } of columns) {
      if (col === undefined) continue;
      if (f === "grade") put(col.letter, proposal.grade, fresh ? "@" : null);
      else if (f === "limit") {
        // In the column's own unit: a master kept in 万元 gets 80 for 800,000.00 (exact: cents over a power of ten).
        if (proposal.limit !== null) put(col.letter, Number(new Dec(proposal.limit).div(master.units.columns.creditLimit ?? master.units.scale).toString()), fresh ? "#,##0.00" : null);
      }
      else put(col.letter, toExcelSerial(proposal.reviewDate), fresh ? "yyyy-mm-dd" : null);
    }
    await context.sync();
    return { kind: "done", plan, history: { sheet: history.name, row: history.next + 1 } };
  });
}

/** The credit review history sheet, made with its heading row when the workbook has none; the next free row (0-based). */
async function historySheet(context: Excel.RequestContext, lang: Lang): Promise<{ sheet: Excel.Worksheet; name: string; next: number }> {
  const names = (["zh-CN", "en-US"] as const).map((l) => stringsFor(l).credit.history.sheet);
  const found = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
  await context.sync();
  const i = found.findIndex((s) => !s.isNullObject);
  if (i >= 0) {
    const sheet = found[i];
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,rowCount");
    const head = sheet.getRange("A1");
    head.load("values");
    sheet.load("protection/protected");
    await context.sync();
    if (sheet.protection.protected) throw protectedSheet(names[i]);
    const expected = [historyHeader("zh-CN")[0], historyHeader("en-US")[0]];
    if (!expected.includes(String(head.values[0]?.[0] ?? ""))) {
      throw new GatewayError("ForeignSheet", {
        "zh-CN": `工作表“${names[i]}”不是本加载项的信用评审记录，不会写入。请将其重命名后再试。`,
        "en-US": `The sheet "${names[i]}" is not the add-in's credit review history and will not be written to. Rename it and try again.`,
      });
    }
    return { sheet, name: names[i], next: used.isNullObject ? 1 : used.rowIndex + used.rowCount };
  }
  const name = stringsFor(lang).credit.history.sheet;
  const sheet = context.workbook.worksheets.add(name);
  const header = historyHeader(lang);
  const head = sheet.getRange(blockAddress(0, 0, 1, header.length));
  head.numberFormat = [header.map(() => "@")];
  head.values = [header];
  head.format.font.bold = true;
  sheet.freezePanes.freezeRows(1);
  return { sheet, name, next: 1 };
}
