/**
 * The Credit tab's workbook side: the questionnaire sheets and supplier reference letters the
 * add-in made (found by their title in A1, so one a colleague copied in is found too), saved
 * through owned.ts (in place, asks before replacing one someone edited), and read back into the
 * form. Replies to a letter go into its reply cells only.
 */
import type { DayNumber } from "../core/calendar";
import { QUESTIONNAIRE_TITLE, questionnaireSheet, questionnaireSheetName, readQuestionnaireSheet, type QuestionnaireForm, type SheetProblem } from "../core/credit-forms/questionnaire";
import { buildSupplierLetter, readSupplierLetter, SUPPLIER_LETTER_LAYOUT, SUPPLIER_LETTER_WORDING, supplierLetterSheetName, type SupplierLetterProblem } from "../core/credit-forms/supplier-letter";
import type { Lang } from "../i18n/bilingual";
import type { Policy } from "../core/policy/types";
import { columnName } from "../core/reports/sheet-spec";
import { GatewayError } from "./errors";
import { ownedStates } from "./owned";
import { readPolicy } from "./setup";
import { writeReportSheets } from "./sheet-writer";
import type { ExcelRun } from "./validate-run";

export interface CreditSheets {
  questionnaires: string[];
  letters: string[];
}

/** Sheets whose A1 is a questionnaire's or a supplier letter's title, in workbook order. */
export async function findCreditSheets(context: Excel.RequestContext): Promise<CreditSheets> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const tops = sheets.items.map((s) => {
    const a1 = s.getRange("A1");
    a1.load("values");
    return { name: s.name, a1 };
  });
  await context.sync();
  const title = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const q = Object.values(QUESTIONNAIRE_TITLE);
  const l = Object.values(SUPPLIER_LETTER_WORDING.title);
  return {
    questionnaires: tops.filter((t) => q.includes(title(t.a1.values[0]?.[0]))).map((t) => t.name),
    letters: tops.filter((t) => l.includes(title(t.a1.values[0]?.[0]))).map((t) => t.name),
  };
}

async function usedValues(context: Excel.RequestContext, sheet: string): Promise<unknown[][]> {
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  await context.sync();
  if (ws.isNullObject) {
    throw new GatewayError("ItemNotFound", { "zh-CN": `找不到工作表“${sheet}”：它可能已被重命名或删除。`, "en-US": `The sheet "${sheet}" is gone: it may have been renamed or deleted.` });
  }
  // From A1, so the readers' fixed positions hold whatever the used range's first cell is.
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (used.isNullObject) return [];
  const block = ws.getRange(`A1:${columnName(used.columnIndex + used.columnCount - 1)}${used.rowIndex + used.rowCount}`);
  block.load("values");
  await context.sync();
  return block.values;
}

function notA(kind: "questionnaire" | "letter", sheet: string): GatewayError {
  return new GatewayError("NotCreditSheet", {
    "zh-CN": kind === "questionnaire" ? `工作表“${sheet}”不是客户情况调查表，无法载入。` : `工作表“${sheet}”不是客户供应商咨询评价函，无法载入。`,
    "en-US": kind === "questionnaire" ? `The sheet "${sheet}" is not a customer questionnaire and cannot be loaded.` : `The sheet "${sheet}" is not a supplier reference letter and cannot be loaded.`,
  });
}

export async function loadQuestionnaire(run: ExcelRun, sheet: string): Promise<{ form: QuestionnaireForm; problems: SheetProblem[]; policy: Policy }> {
  return run(async (context) => {
    const { policy } = await readPolicy(context);
    const read = readQuestionnaireSheet(sheet, await usedValues(context, sheet), policy);
    if (read === null) throw notA("questionnaire", sheet);
    return { ...read, policy };
  });
}

/**
 * scorePending: what the live score cell showed just after saving when it was not yet a score:
 * "#NAME?" until the add-in's functions have registered in this workbook (right after install,
 * or on first opening; office-js issues #6611, #6395), "#BUSY!" while Excel is still calculating
 * (custom functions run asynchronously). The sheet is saved all the same.
 */
export type SaveOutcome = { kind: "done"; sheet: string; scorePending?: "#NAME?" | "#BUSY!" } | { kind: "confirm"; edited: string[] };

/** Writes go in smaller requests than reads, as the check's do. */
const WRITE_BUDGET = 2 * 1024 * 1024;

/**
 * Writes the questionnaire to `sheet` (the one it was loaded from or saved to before) or, for a
 * new one, to a new sheet named for the customer. Asks first (kind "confirm") when that sheet was
 * edited since the add-in wrote it, unless replaceEdited.
 */
export async function saveQuestionnaire(run: ExcelRun, p: { form: QuestionnaireForm; lang: Lang; sheet: string | null; replaceEdited?: boolean }): Promise<SaveOutcome> {
  return run(async (context) => {
    const { policy } = await readPolicy(context);
    const fresh = () => freshName(context, (existing) => questionnaireSheetName(p.form.header.customer, p.lang, existing));
    let name = p.sheet ?? (await fresh());
    let state = (await ownedStates(context, [name]))[name];
    if (state === "foreign") {
      // Loaded from a sheet the add-in did not make (copied in from another workbook): the
      // user's sheet stays as it is and the questionnaire goes to a new one beside it.
      name = await fresh();
      state = "absent";
    }
    if (state === "edited" && p.replaceEdited !== true) return { kind: "confirm", edited: [name] };
    const { spec } = questionnaireSheet(p.form, policy, p.lang, name);
    await writeReportSheets(context, [spec], { maxRequestBytes: WRITE_BUDGET });
    // The first live formula (the score), read back: a #NAME? or #BUSY! there is said, not taken for a score.
    const at = firstFormulaCell(spec);
    if (at === null) return { kind: "done", sheet: name };
    const score = context.workbook.worksheets.getItem(name).getRange(at).load("values");
    await context.sync();
    const shown = score.values[0]?.[0];
    return shown === "#NAME?" || shown === "#BUSY!" ? { kind: "done", sheet: name, scorePending: shown } : { kind: "done", sheet: name };
  });
}

function firstFormulaCell(spec: { rows: readonly { cells: readonly ({ f?: string } | null)[] }[] }): string | null {
  for (let r = 0; r < spec.rows.length; r++) {
    const c = spec.rows[r].cells.findIndex((cell) => cell?.f !== undefined);
    if (c >= 0) return `${columnName(c)}${r + 1}`;
  }
  return null;
}

/** A name no sheet has yet. */
async function freshName(context: Excel.RequestContext, pick: (existing: string[]) => string): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return pick(sheets.items.map((s) => s.name));
}

export interface LetterParams {
  customer: string;
  customerAddress: string;
  supplier: string;
  date: DayNumber;
  replyBy?: DayNumber;
  lang: Lang;
}

/** A new supplier reference letter on its own sheet. */
export async function makeSupplierLetter(run: ExcelRun, p: LetterParams): Promise<{ sheet: string }> {
  return run(async (context) => {
    const { policy } = await readPolicy(context);
    const name = await freshName(context, (existing) => supplierLetterSheetName(p.customer, p.supplier, p.lang, existing));
    const { spec } = buildSupplierLetter(
      { customer: p.customer, customerAddress: p.customerAddress, supplier: p.supplier, date: p.date, ...(p.replyBy === undefined ? {} : { replyBy: p.replyBy }) },
      policy,
      p.lang,
      name
    );
    await writeReportSheets(context, [spec], { maxRequestBytes: WRITE_BUDGET });
    return { sheet: name };
  });
}

export interface LetterReplies {
  sheet: string;
  customer: string;
  supplier: string;
  replies: (number | null)[];
  problems: SupplierLetterProblem[];
  policy: Policy;
}

export async function loadSupplierLetter(run: ExcelRun, sheet: string): Promise<LetterReplies> {
  return run(async (context) => {
    const { policy } = await readPolicy(context);
    const read = readSupplierLetter(sheet, await usedValues(context, sheet), policy);
    if (read === null) throw notA("letter", sheet);
    return { sheet, ...read, policy };
  });
}

/**
 * Writes the replies that changed into the letter's reply cells, and nothing else: the letter is
 * read again first, so replies only ever go to a sheet that is still that letter, and a reply the
 * user did not change (one the reader could not make out included) stays as the supplier wrote it.
 */
export async function saveSupplierReplies(run: ExcelRun, p: { sheet: string; replies: (number | null)[] }): Promise<number> {
  return run(async (context) => {
    const { policy } = await readPolicy(context);
    const read = readSupplierLetter(p.sheet, await usedValues(context, p.sheet), policy);
    if (read === null) throw notA("letter", p.sheet);
    const first = SUPPLIER_LETTER_LAYOUT.firstQuestionRow;
    const col = columnName(SUPPLIER_LETTER_LAYOUT.replyCol);
    const ws = context.workbook.worksheets.getItem(p.sheet);
    let written = 0;
    read.replies.forEach((was, i) => {
      const now = p.replies[i] ?? null;
      if (now === was) return;
      ws.getRange(`${col}${first + 1 + i}`).values = [[now === null ? "" : now]];
      written++;
    });
    await context.sync();
    return written;
  });
}
