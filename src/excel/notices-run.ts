/**
 * Notices from the task pane, end to end inside Excel: the ledger and its companion tables are
 * read as a check reads them (the workbook's saved setup says which ledger), the rows are chosen
 * (the rows selected in the ledger, narrowed by class, department and customer), the core builds
 * one print-ready sheet per customer, and they are written to the add-in's own sheets. A statement
 * (对账单) is built from every line of the ledger as read, for its period, whatever is open. A
 * collection notice is also a contact by letter: each one appends a row to the collection log, in
 * the last batch of the write, just before the header rows that complete the notice sheets; a run
 * cut off after it leaves the sheets marked incomplete, and the next run completes them and logs
 * nothing twice (it recognises what the log holds). The ledger's cells are only ever read; the log
 * only gains rows below its last one.
 */
import { type DayNumber, fromYmd, toYmd } from "../core/calendar";
import { toExcelSerial } from "../core/dates";
import type { Bilingual, Lang } from "../i18n/bilingual";
import { auditLedger } from "../core/ledger/check";
import type { CollectionLogField } from "../core/ledger/companions";
import { sheetColumnOf } from "../core/column-letters";
import { Dec } from "../core/money";
import {
  buildCollectionNotices,
  buildConfirmationLetters,
  buildStatements,
  type CollectionLogEntry,
  type NoticeSelection,
} from "../core/notices/index";
import type { AgingClass } from "../core/policy/types";
import { type CompanyInfo, type CompanyProblem, companyProblemsFor, fieldNames, policyWithCompany } from "../core/notices/company";
import { combineLetters, uniqueSheetName } from "../core/notices/letter";
import { formatIsoDate } from "../core/dates";
import { letterNumbers, loadCompany } from "./company";
import { reportContext, type ReportInput } from "../core/reports/input";
import type { SheetSpec } from "../core/reports/sheet-spec";
import { stringsFor } from "../i18n";
import { findLedgerCandidates } from "./candidates";
import { cancelled, GatewayError } from "./errors";
import { readLedgerBlock, readLedgerBlocks } from "./ledger-read";
import { blockAddress, ownedSheetNames, ownedStates } from "./owned";
import type { ReadOptions } from "./read";
import { loadSetup, readPolicy } from "./setup";
import { writeReportSheets } from "./sheet-writer";
import { queueStatusDropDown, STATUS_DROPDOWN_ROWS, writeStatusTerms } from "./status-terms";
import type { ExcelRun } from "./validate-run";

/** collection: 催款通知书; confirmation: 询证函; statement: 对账单 for a period. */
export type NoticeKind = "collection" | "confirmation" | "statement";

export interface NoticesParams {
  /** The pane's language: what the outcome's messages are in. */
  lang: Lang;
  /** The letters' language (the customer's), when not the pane's. */
  letterLang?: Lang;
  /** One printable sheet for the batch, a page per customer (default), or a sheet per customer. */
  layout?: "batch" | "per-customer";
  kind: NoticeKind;
  /** The notices' date: days past due are counted to it; a confirmation letter's cut-off; a statement's period end. */
  date: DayNumber;
  /** A statement's first day (default: 1 January of `date`'s year). */
  from?: DayNumber;
  /** Only the rows selected in the ledger sheet (one block of rows), read from Excel's selection now. */
  selectedRows?: boolean;
  /** Only these 1-based ledger rows (what a dry run's selection was: making the notices later does not read the selection again). */
  rows?: number[];
  classes?: AgingClass[];
  departments?: string[];
  customers?: string[];
  /** Find what would be made and write nothing. */
  dryRun?: boolean;
  /**
   * The batch was sent: write nothing but the collection log's rows for these letters (a
   * collection notice is a contact by letter once it goes out, not when it is printed; Office.js
   * has no print event, so the pane asks).
   */
  logSent?: boolean;
  /** The user agreed to replace notice sheets someone edited since they were made. */
  replaceEdited?: boolean;
  signal?: { readonly aborted: boolean };
  onProgress?: (done: number, total: number) => void;
  maxRequestBytes?: number;
}

export interface NoticeLine {
  customer: string;
  /** The sheet the letter is on (the batch's sheet, or its own). */
  sheet: string;
  /** Its first row on that sheet (1-based): where the pane's link goes. */
  row: number;
  /** The letter's number (编号); null when the company has no prefix yet (a dry run). */
  letterNumber: string | null;
  /** Exact ("909600.00"): the notice's total or the letter's balance. */
  amount: string;
  /** Open items on a collection notice, a statement's lines in the period; null for a confirmation letter (one balance). */
  items: number | null;
  /** gentle | firm | legal for a collection notice; null for a confirmation letter. */
  approach: "gentle" | "firm" | "legal" | null;
  /** "0.85", or null when not assessed. */
  probability: string | null;
}

interface SkippedLine {
  customer: string;
  reason: "wait-tier" | "no-open-items" | "confirmed-recently" | "no-balance" | "no-activity" | "unreadable";
  probability: string | null;
  /** Why, in the policy's words (the tier's own wording), when there is one. */
  explanation: string | null;
}

interface LogOutcome {
  /** The collection log's sheet, or the one made for it. */
  sheet: string;
  /** True when the workbook had no collection log and the add-in started one. */
  created: boolean;
  /** 1-based sheet rows written. */
  rows: number[];
  /** Notices already in the log (same date, customer, method, amount and note): not written twice. */
  alreadyLogged: string[];
  /** The sheet of status terms the started log's result column offers as a drop-down; null when none was added. */
  statusTerms?: string | null;
}

export type NoticesOutcome =
  | {
      /** planned: found (dry run); done: the sheets made; logged: the batch marked sent. */
      kind: "planned" | "done" | "logged";
      notices: NoticeLine[];
      skipped: SkippedLine[];
      /** What the selection was, when selected rows were asked for ("应收账款台账!A5:S9"). */
      selection: string | null;
      /** Written (done) or to be written (planned); null for confirmation letters. */
      log: LogOutcome | null;
      /** For the pane's filters: every department and customer of the ledger, in ledger order. */
      departments: string[];
      customers: string[];
      /**
       * What stops the letters: company details (单位信息) they print that are blank, still the
       * product's placeholder, or not readable. A batch is never made while there is one.
       */
      companyProblems: CompanyProblem[];
      /** The batch's one sheet, when the letters go on one sheet. */
      batchSheet: string | null;
      /** The workbook's policy sheet; null before the first check makes one. */
      policySheet: string | null;
      /** The ledger rows the run was limited to (the selection), to pass back as `rows`; null when not limited. */
      rows: number[] | null;
    }
  | { kind: "confirm"; edited: string[] };

const NO_LEDGER: Bilingual = {
  "zh-CN": "在此工作簿中找不到台账。请在“检查”页选择台账并运行一次检查，再生成通知书。",
  "en-US": "No ledger was found in this workbook. Choose the ledger on the Validate tab and run a check, then make the notices.",
};

/** Writes go in smaller requests than reads, as the check's do. */
const WRITE_BUDGET = 2 * 1024 * 1024;

/** The 1-based sheet rows of the selection, when it lies on the ledger's sheet. */
async function selectedLedgerRows(context: Excel.RequestContext, ledgerSheet: string): Promise<{ rows: number[]; address: string }> {
  let range: Excel.Range;
  try {
    range = context.workbook.getSelectedRange();
    range.load("address,rowIndex,rowCount,worksheet/name");
    await context.sync();
  } catch (e) {
    // Excel refuses getSelectedRange when several blocks are selected; any other error is Office's own.
    const code = (e as { code?: unknown } | null)?.code;
    if (code !== "InvalidSelection" && code !== "InvalidOperation") throw e;
    throw new GatewayError("Selection", {
      "zh-CN": `请在“${ledgerSheet}”中选中一块连续的行（不要按住 Ctrl 多选），然后重试。`,
      "en-US": `Select one block of rows in "${ledgerSheet}" (not several with Ctrl) and try again.`,
    });
  }
  if (range.worksheet.name !== ledgerSheet) {
    throw new GatewayError("Selection", {
      "zh-CN": `所选区域（${range.address}）不在台账“${ledgerSheet}”上。请在台账中选中要发通知的行，或取消“仅所选行”。`,
      "en-US": `The selection (${range.address}) is not on the ledger "${ledgerSheet}". Select the rows to write to in the ledger, or untick "Selected rows only".`,
    });
  }
  const rows: number[] = [];
  for (let r = 0; r < range.rowCount; r++) rows.push(range.rowIndex + r + 1);
  return { rows, address: range.address };
}

function distinctInOrder(values: readonly (string | null)[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    if (v === null) continue;
    const t = v.trim();
    if (t === "" || seen.has(t)) continue;
    seen.add(t);
    out.push(t);
  }
  return out;
}

/** The collection log's columns the notices fill, and how each cell is written. */
const LOG_FIELDS: readonly { field: CollectionLogField; format: string; heading: Bilingual }[] = [
  { field: "contactDate", format: "yyyy-mm-dd", heading: { "zh-CN": "催收日期", "en-US": "Contact date" } },
  { field: "customer", format: "@", heading: { "zh-CN": "客户名称", "en-US": "Customer" } },
  { field: "collector", format: "@", heading: { "zh-CN": "催收人", "en-US": "Collector" } },
  { field: "method", format: "@", heading: { "zh-CN": "催收方式", "en-US": "Method" } },
  { field: "amountDue", format: "#,##0.00", heading: { "zh-CN": "欠款金额", "en-US": "Amount due" } },
  // Blank when logged: the customer's answer, filled in later, with the policy's status terms offered (status-terms.ts).
  { field: "result", format: "@", heading: { "zh-CN": "催收结果", "en-US": "Result" } },
  { field: "note", format: "@", heading: { "zh-CN": "备注", "en-US": "Note" } },
];

type LogCell = string | number | null;

function logCell(field: CollectionLogField, e: CollectionLogEntry): LogCell {
  switch (field) {
    case "contactDate":
      return toExcelSerial(e.contactDate);
    case "customer":
      return e.customer;
    case "collector":
      return e.collector;
    case "method":
      return e.method;
    case "amountDue":
      // The exact amount has at most two decimals: the nearest double shows it to the cent.
      return Number(e.amount);
    case "note":
      return e.note;
    case "result":
      return null;
    default:
      return null;
  }
}

interface LogPlan {
  outcome: LogOutcome;
  /** Finds the log's end again (and refuses a protected log): awaited just before the last batch. */
  refresh(): Promise<void>;
  /** For a log the add-in starts: writes the status terms its result column offers. Awaited before queue. */
  prepare(): Promise<void>;
  /** Queues the rows' formats and values (the caller's next sync writes them). */
  queue(): void;
}

/**
 * Where and what to append to the collection log. Rows go below the log's last used row, only in
 * the columns the log has for them (a log without a note column gets no note); a notice the log
 * already records (same date, customer, method, amount and note: a re-run of the same day's
 * notices) is not written again. A workbook without a log gets one, headed as the core reads it.
 */
async function planLog(
  context: Excel.RequestContext,
  input: ReportInput,
  entries: readonly CollectionLogEntry[],
  lang: Lang,
  sheetNames: readonly string[]
): Promise<LogPlan> {
  const log = input.companions.collections ?? null;
  // Compared on the fields the log has: a log without a note (or method) column still recognises
  // the notices it already holds.
  const has = (field: CollectionLogField) => log === null || log.header.columns.some((c) => c.field === field);
  const key = (date: number | null, customer: string | null, method: string | null, amount: string | null, note: string | null) =>
    JSON.stringify([
      has("contactDate") ? date : null,
      (customer ?? "").trim(),
      has("method") ? (method ?? "").trim() : "",
      has("amountDue") ? amount : null,
      has("note") ? (note ?? "").trim() : "",
    ]);
  const existing = new Set((log?.records ?? []).map((r) => key(r.contactDate, r.customer, r.method, r.amountDue === null ? null : r.amountDue.toFixed(2), r.note)));
  const fresh: CollectionLogEntry[] = [];
  const alreadyLogged: string[] = [];
  for (const e of entries) {
    if (existing.has(key(e.contactDate, e.customer, e.method, new Dec(e.amount).toFixed(2), e.note))) alreadyLogged.push(e.customer);
    else fresh.push(e);
  }

  if (log !== null) {
    // The log's columns as the core found them (absolute: header.columns carry the sheet's letters).
    // The result is the user's to fill in later: a notice writes nothing there.
    const columns = LOG_FIELDS.flatMap(({ field, format }) => {
      if (field === "result") return [];
      const col = log.header.columns.find((c) => c.field === field);
      return col === undefined ? [] : [{ field, format, index: sheetColumnOf(col.letter) - 1 }];
    });
    const sheet = context.workbook.worksheets.getItem(log.sheet);
    // The amount in the column's own unit: a log kept in 万元 gets 90 for 900,000.00.
    const scale = log.units.columns.amountDue ?? log.units.scale;
    const outcome: LogOutcome = { sheet: log.sheet, created: false, rows: [], alreadyLogged };
    let next = 0;
    const locate = async (): Promise<void> => {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,rowCount");
      sheet.load("protection/protected");
      await context.sync();
      if (fresh.length > 0 && sheet.protection.protected) {
        throw new GatewayError("AccessDenied", {
          "zh-CN": `催收记录“${log.sheet}”受保护，无法登记通知书。请取消保护后重试；工作簿未作任何更改。`,
          "en-US": `The collection log "${log.sheet}" is protected, so the notices cannot be logged. Unprotect it and try again; nothing in the workbook was changed.`,
        });
      }
      next = used.isNullObject ? 0 : used.rowIndex + used.rowCount; // 0-based row after the last used one
      outcome.rows = fresh.map((_, k) => next + k + 1);
    };
    await locate();
    return {
      outcome,
      // Again just before the last batch: rows someone typed into the log meanwhile are not written over.
      refresh: locate,
      prepare: async () => undefined,
      queue() {
        if (fresh.length === 0) return;
        for (const c of columns) {
          const range = sheet.getRange(blockAddress(next, c.index, fresh.length, 1));
          // The format first, so a customer called "=…" is text, and a date shows as one.
          range.numberFormat = fresh.map(() => [c.format]);
          range.values = fresh.map((e) => {
            const v = logCell(c.field, e);
            return [c.field === "amountDue" && typeof v === "number" && scale !== 1 ? Number(new Dec(e.amount).div(scale).toString()) : (v ?? "")];
          });
        }
      },
    };
  }

  // No log yet: start one on a new sheet the core will read as the collection log next time.
  const s = stringsFor(lang).notices;
  const taken = new Set(sheetNames.map((n) => n.toLowerCase()));
  let name = s.logSheet;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${s.logSheet}(${n})`;
  const header = LOG_FIELDS.map((f) => f.heading[lang]);
  const rows = fresh.map((_, k) => k + 2);
  const resultColumn = LOG_FIELDS.findIndex((f) => f.field === "result");
  let statusSource: string | null = null;
  const outcome: LogOutcome = { sheet: name, created: true, rows, alreadyLogged, statusTerms: null };
  return {
    outcome,
    refresh: async () => undefined,
    prepare: async () => {
      if (fresh.length > 0) statusSource = await writeStatusTerms(context, input.policy, lang);
      outcome.statusTerms = statusSource === null ? null : stringsFor(lang).statusTerms.sheet;
    },
    queue() {
      if (fresh.length === 0) return;
      const sheet = context.workbook.worksheets.add(name);
      const all = sheet.getRange(blockAddress(0, 0, fresh.length + 1, LOG_FIELDS.length));
      all.numberFormat = [LOG_FIELDS.map(() => "@"), ...fresh.map(() => LOG_FIELDS.map((f) => f.format))];
      all.values = [header, ...fresh.map((e) => LOG_FIELDS.map((f) => logCell(f.field, e) ?? ""))];
      sheet.getRange(blockAddress(0, 0, 1, LOG_FIELDS.length)).format.font.bold = true;
      sheet.getRange(blockAddress(0, 0, 1, LOG_FIELDS.length)).format.autofitColumns();
      sheet.freezePanes.freezeRows(1);
      if (statusSource !== null && !queueStatusDropDown(sheet.getRange(blockAddress(1, resultColumn, STATUS_DROPDOWN_ROWS, 1)), statusSource, lang)) outcome.statusTerms = null;
    },
  };
}


/** Why a batch cannot be made yet, naming the fields in words and where to fill them in. */
function companyIncomplete(problems: readonly CompanyProblem[]): GatewayError {
  const missing = problems.filter((p) => p.kind === "missing").map((p) => p.field);
  const invalid = problems.filter((p) => p.kind === "invalid").map((p) => p.field);
  const zh = [missing.length > 0 ? `请先在“通知书”页的“单位信息”中填写：${fieldNames(missing, "zh-CN")}` : "", invalid.length > 0 ? `请改正：${fieldNames(invalid, "zh-CN")}` : ""].filter(Boolean).join("；");
  const en = [missing.length > 0 ? `Fill in ${fieldNames(missing, "en-US")} under Company details on the Notices tab first` : "", invalid.length > 0 ? `correct ${fieldNames(invalid, "en-US")}` : ""].filter(Boolean).join("; ");
  return new GatewayError("CompanyIncomplete", {
    "zh-CN": `信函上会出现空白或占位内容，未生成任何表。${zh}。`,
    "en-US": `The letters would print blanks or placeholders, so nothing was made. ${en.charAt(0).toUpperCase()}${en.slice(1)}.`,
  });
}

/**
 * Finds (dryRun), makes, or logs as sent (logSent) the notices. A dry run reads and builds but
 * writes nothing; making asks first (kind "confirm") when a sheet it would replace was edited
 * since it was made, and refuses while the company details the letters print are incomplete;
 * logging writes only the collection log's rows.
 */
export async function runNotices(run: ExcelRun, p: NoticesParams): Promise<NoticesOutcome> {
  const letterLang = p.letterLang ?? p.lang;
  return run(async (context) => {
    const setup = await loadSetup(context);
    const { policy: sheetPolicy, sheet: policySheet } = await readPolicy(context);
    const company = await loadCompany(context, sheetPolicy);
    const policy = policyWithCompany(sheetPolicy, company);
    const owned = await ownedSheetNames(context);
    // The ledger of the last check; before any check, the ledger the Check tab would offer first.
    const ledgerSource = setup.ledger ?? (await findLedgerCandidates(context, new Set([...owned, ...(policySheet === null ? [] : [policySheet])])))[0]?.source;
    if (ledgerSource === undefined) throw new GatewayError("NoLedger", NO_LEDGER);
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const allNames = sheets.items.map((s) => s.name);

    const read: ReadOptions = {
      ...(p.onProgress ? { onProgress: p.onProgress } : {}),
      ...(p.signal ? { signal: p.signal } : {}),
      ...(p.maxRequestBytes ? { maxRequestBytes: p.maxRequestBytes } : {}),
    };
    // The add-in's own sheets (output, reports, notices) are never companion tables.
    const blocks = await readLedgerBlocks(context, ledgerSource, [...owned, ...(policySheet === null ? [] : [policySheet])], read);
    if (p.signal?.aborted) throw cancelled();
    const { ledger: reading, companions } = readLedgerBlock(blocks.ledger, setup.mapping, blocks.merges, blocks.companions, blocks.whole, blocks.order);
    const audit = auditLedger(reading, companions, p.date, policy);
    const input: ReportInput = { reading, audit, companions, policy, asOf: p.date };

    let selection: string | null = null;
    const sel: NoticeSelection = {};
    let rows: number[] | null = null;
    if (p.rows) {
      sel.rows = p.rows;
      rows = p.rows;
    } else if (p.selectedRows) {
      const picked = await selectedLedgerRows(context, blocks.ledger.sheet);
      sel.rows = picked.rows;
      rows = picked.rows;
      selection = picked.address;
    }
    if (p.classes && p.classes.length > 0) sel.classes = p.classes;
    if (p.departments && p.departments.length > 0) sel.departments = p.departments;
    if (p.customers && p.customers.length > 0) sel.customers = p.customers;

    // A notice made before for the same customer keeps its sheet name (and is replaced); any other
    // sheet's name is taken.
    const ownedSet = new Set(owned);
    const existingSheetNames = allNames.filter((n) => !ownedSet.has(n));
    const companyProblems = companyProblemsFor(company, p.kind, letterLang);
    // First without numbers: who gets a letter. Numbers are handed out only for letters made.
    let built = build(input, sel, p.kind, p.date, letterLang, { existingSheetNames, company }, p.from);
    const iso = formatIsoDate(p.date);
    // Marking a batch sent finds the numbers its letters were given (the log's note names them).
    const numbering = !p.dryRun && companyProblems.length === 0 && built.specs.length > 0 ? await letterNumbers(context, company.letterPrefix, p.kind, iso, built.notices.map((n) => n.customer)) : null;
    if (numbering) built = build(input, sel, p.kind, p.date, letterLang, { existingSheetNames, company, letterNumbers: numbering.numbers }, p.from);
    const { notices, skipped, logRows } = built;
    let specs: SheetSpec[] = built.specs;
    let batchSheet: string | null = null;
    if ((p.layout ?? "batch") === "batch" && specs.length > 0) {
      const title = specs[0].title;
      batchSheet = uniqueSheetName(title, iso.replace(/-/g, ""), new Set(existingSheetNames.map((n) => n.toLowerCase())));
      const batch = combineLetters(specs.map((spec, i) => ({ customer: notices[i].customer, spec })), batchSheet, title);
      notices.forEach((n, i) => {
        n.sheet = batchSheet!;
        n.row = batch.letters[i].row + 1;
      });
      specs = [batch];
    }

    const ctx = reportContext(input, p.lang);
    const departments = distinctInOrder(ctx.rows.map((_, i) => ctx.departmentOf(i)));
    // A statement may go to a customer with nothing open (settled, or paid in advance): every customer of the ledger.
    const customers = p.kind === "statement" ? distinctInOrder(reading.rows.map((r) => r.customer)) : ctx.customers.map((c) => c.name);

    const logPlan = p.kind === "collection" && specs.length > 0 ? await planLog(context, input, logRows, p.lang, allNames) : null;
    const common = { notices, skipped, selection, log: logPlan?.outcome ?? null, departments, customers, companyProblems, batchSheet, policySheet, rows };
    if (p.dryRun || specs.length === 0) return { kind: "planned", ...common };
    if (p.logSent) {
      if (logPlan) {
        await logPlan.refresh();
        await logPlan.prepare();
        logPlan.queue();
        await context.sync();
      }
      return { kind: "logged", ...common };
    }
    if (companyProblems.length > 0) throw companyIncomplete(companyProblems);

    const states = await ownedStates(context, specs.map((s) => s.name));
    const edited = specs.filter((s) => states[s.name] === "edited").map((s) => s.name);
    if (edited.length > 0 && !p.replaceEdited) return { kind: "confirm", edited };
    await writeReportSheets(context, specs, {
      ...(p.signal ? { signal: p.signal } : {}),
      maxRequestBytes: Math.min(p.maxRequestBytes ?? WRITE_BUDGET, WRITE_BUDGET),
      ...(p.onProgress ? { onProgress: p.onProgress } : {}),
      ...(numbering ? { inFinalBatch: () => numbering.queueSave() } : {}),
    });
    return { kind: "done", ...common };
  });
}

function build(
  input: ReportInput,
  sel: NoticeSelection,
  kind: NoticeKind,
  date: DayNumber,
  lang: Lang,
  options: { existingSheetNames: string[]; company: CompanyInfo; letterNumbers?: ReadonlyMap<string, string> },
  from?: DayNumber
): { specs: SheetSpec[]; notices: NoticeLine[]; skipped: SkippedLine[]; logRows: CollectionLogEntry[] } {
  if (kind === "statement") {
    // The rows and customers chosen pick whose statements; aging classes and departments do not apply to an account.
    const period = { from: from ?? fromYmd(toYmd(date).y, 1, 1), to: date };
    const r = buildStatements(input.reading, input.policy, { ...(sel.rows ? { rows: sel.rows } : {}), ...(sel.customers ? { customers: sel.customers } : {}) }, period, lang, options);
    return {
      specs: r.sheets,
      notices: r.statements.map((st) => ({ customer: st.customer, sheet: st.sheet, row: 1, letterNumber: st.letterNumber, amount: st.closing, items: st.lines.length, approach: null, probability: null })),
      skipped: r.skipped.map((k) => ({ customer: k.customer, reason: k.reason, probability: null, explanation: null })),
      logRows: [],
    };
  }
  if (kind === "collection") {
    const r = buildCollectionNotices(input, sel, date, lang, options);
    return {
      specs: r.sheets,
      notices: r.notices.map((n) => ({ customer: n.customer, sheet: n.sheet, row: 1, letterNumber: n.letterNumber, amount: n.total, items: n.items, approach: n.approach, probability: n.probability })),
      skipped: r.skipped.map((s) => ({ customer: s.customer, reason: s.reason, probability: s.probability, explanation: s.explanation })),
      logRows: r.logRows,
    };
  }
  const r = buildConfirmationLetters(input, sel, date, lang, options);
  return {
    specs: r.sheets,
    notices: r.letters.map((l) => ({ customer: l.customer, sheet: l.sheet, row: 1, letterNumber: l.letterNumber, amount: l.balance, items: null, approach: null, probability: null })),
    skipped: r.skipped.map((s) => ({ customer: s.customer, reason: s.reason, probability: null, explanation: null })),
    logRows: [],
  };
}
