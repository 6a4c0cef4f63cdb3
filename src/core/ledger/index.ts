/**
 * The ledger layer's reading half: a sheet's values in, typed receivables out, with every
 * problem reported by sheet, row and column. The checking rules build on `readLedger`.
 */
import type Decimal from "decimal.js";
import { type DayNumber, fromYmd, isValidYmd, lastDayOfPreviousMonth } from "../calendar";
import type { Policy } from "../policy/types";
import type { Bilingual } from "../../i18n/bilingual";
import { parseDate } from "../dates";
import { CellReader } from "./cell-reader";
import { type Reconciliation, reconcileSheet, type RunningBalances } from "./control-totals";
import { detectHeader, headerAt, LEDGER_FIELDS, LEDGER_SCHEMA, type LedgerField, lineNumberColumn } from "./headers";
import {
  applyCreditTerms,
  applyDirection,
  composeDates,
  customerGroupLines,
  fillCustomerDown,
  unifyCustomerNames,
  fillGroupCustomers,
  joinVoucherWord,
  onlyPeriodTotalsBetween,
  fillMergedDown,
  fillTitleCustomer,
  headerYear,
  isRunningBalance,
  unsignedCredits,
  openingAmounts,
  periodStart,
  receiptsOnDebit,
  registerPaymentLines,
  voidedOrDraftLines,
  settledByStatus,
  type TitleCustomer,
  titleCustomer,
} from "./layout";
import { installmentColumns } from "./installments";
import { checkRequiredValues, readLedgerRows, type StatedLine } from "./ledger-rows";
import { FIELD_BIT, type LedgerMoneyField, type LedgerRow, type LedgerStore } from "./ledger-store";
import { columnLetter, DEFAULT_ORIGIN, type MappedColumn, type MappingResult, type SheetOrigin } from "./mapping";
import { type ParseIssue, type SkippedRow, sortIssues } from "./parse-issues";
import { type HeaderInfo, type OpenedTable, openTable, type TableOptions, type UnitsInfo } from "./table";
import { isCreditType, isReceiptType, reversedReceiptSign, typeText } from "./transactions";
import type { CellArea } from "./workbook";

export * from "./headers";
export * from "./mapping";
export { CellReader, fenOfDecimal, fenToDecimal } from "./cell-reader";
export { type LedgerMoneyField, LedgerRow, LedgerStore } from "./ledger-store";
export { readLedgerRows } from "./ledger-rows";
export type { ParseIssue, ParseIssueKind, SkippedRow, SkipReason } from "./parse-issues";
export { readRecords, type RecordsResult, type TableRecord } from "./records";
export { totalMarker } from "./row-kinds";
export { type ColumnPlan, type HeaderInfo, type OpenedTable, openTable, type TableOptions } from "./table";
export type { UnitsInfo } from "./table";
export * from "./transactions";
export * from "./companions";
// Types only: the view itself (as-of.ts) is the check's, imported from there, so the pane's
// reading of a ledger (in its first bundle) does not carry it.
export type { Advance, Allocation, AsOfView, LeftOut } from "./as-of";
export type { ControlDifference, Reconciliation } from "./control-totals";
export type { StatedLine } from "./ledger-rows";
export type { TitleCustomer } from "./layout";

/**
 * open-items: one row per receivable, with its received amount and balance.
 * transactions: invoices and receipts as rows (a 明细账); receipts are allocated as of the
 * check's date (as-of.ts).
 */
type LedgerShape = "open-items" | "transactions";

interface ReadLedgerOptions extends TableOptions<LedgerField> {
  /** Default "auto": transactions when some row is a receipt (see looksLikeReceipt), else open items. */
  shape?: LedgerShape | "auto";
  /**
   * Accepted so one options object can travel through reading and checking; reading itself
   * needs no policy figure (a due date from credit days is aging.dueDate's business, with the
   * customer master joined).
   */
  policy?: Policy;
  /** The sheet's merged areas (SheetInput.merges): merged text and dates are filled down. */
  merges?: readonly CellArea[];
}

/** How the sheet was laid out, as far as reading it needed to know. */
interface LedgerLayout {
  /** The sheets read together as one ledger (one per customer), in workbook order. */
  sheets: string[];
  /** Where each line's customer came from: a column, the line above the header (科目：…—客户; one customer per sheet), or lines of their own between the blocks (客户：…). */
  customerFrom: "column" | "title" | "lines";
  /** The title lines that named a customer, per sheet. */
  titleCustomers: TitleCustomer[];
  /** Dates from a date column, or composed from 年/月/日 columns (the year from the banner). */
  datesFrom: "column" | "parts";
  /** The 余额 column is a running balance (明细账), checked line by line, not each item's balance. */
  runningBalance: boolean;
  /** Cells filled down from merged areas. */
  filledFromMerges: number;
  /** Opening lines (期初余额, 上年结转) taken as items, aged from the period's start (their own date, else the ledger's first): their age is a lower bound. */
  openingsDated: { sheet: string; row: number; date: DayNumber }[];
  /** Opening lines the workbook's earlier lines account for (上年结转 after last year's entries): reconciled, not counted again. */
  openingsCarried: { sheet: string; row: number }[];
  /** Lines of one unsigned amount column read as credits (收款), because the running 余额 fell by their amount or their 摘要 says so (layout.unsignedCredits). */
  creditsByBalance: { sheet: string; row: number }[];
  /** Lines without a customer of their own, read as the customer of the line above them (a block's name written once, not merged: layout.fillCustomerDown). */
  customersFilled: { sheet: string; row: number }[];
  /** Lines of a ledger of 借方 and 贷方 whose type or 摘要 says a receipt while the figure is on 借方 (read as owed: layout.receiptsOnDebit). */
  receiptsOnDebit: { sheet: string; row: number }[];
  /** Open-items lines a 状态 of 已结清 settles, their 余额 blank (balance 0, not amount − received: layout.settledByStatus). */
  settledByStatus: { sheet: string; row: number }[];
  /** What amount − received gave the lines settledByStatus settled, in all (yuan, two decimals). */
  settledByStatusLeft: string;
  /** Lines a 备注 says are settled (已收讫, 6月20日已结清), their 余额 blank, settled the same way; and what amount − received gave them. */
  settledByNote: { sheet: string; row: number }[];
  settledByNoteLeft: string;
  /** Open-items lines whose 状态 says 已结清 while the ledger states a balance above 0 (kept). */
  statusConflicts: { sheet: string; row: number }[];
  /** Lines left out as no receivable on the books: voided (作废状态 是) or not yet approved (单据状态 暂存): layout.voidedOrDraftLines. */
  voidedOrDraft: { sheet: string; row: number; column: string; why: "voided" | "draft"; text: string }[];
  /** A second table beside the ledger on its sheet, under the same header (华东区 | 华南区), not read: where its header stands and its columns. */
  tablesBeside: { sheet: string; row: number; column: string; columns: string }[];
  /** Installment columns summed as what each item received (installments.ts): their letters, and their dates' where dated. */
  installments: { sheet: string; columns: string[]; dates: string[] }[];
  /**
   * Other sheets of the workbook that read (or look) like a ledger but were not read with this
   * one (workbook.readWorkbookLedger): columns laid out otherwise, or not readable (`reason`).
   */
  sheetsNotRead: { sheet: string; why: "other-layout" | "unreadable"; reason: Bilingual | null }[];
  /** A line above the header saying the amounts are in a foreign currency (单位：美元, 币种：USD), and where; null when none. */
  foreignUnits: { sheet: string; row: number; column: string; text: string } | null;
  /**
   * The date a title line above the header says the list stands at (截至 2011年7月31日, 截止日期：…,
   * 应收账款明细表（2011年7月31日）, 余额表（2011年7月）: its last day), and where; null when none
   * does. A list of an earlier date lacks what came after it (list-dated-before).
   */
  listDate: DayNumber | null;
  listDateAt: { sheet: string; row: number; column: string } | null;
  /** The date a title line above the header says the sheet was exported or printed (导出日期：2011-09-10), and where; null when none does. */
  exportDate: DayNumber | null;
  exportDateAt: { sheet: string; row: number; column: string } | null;
}

export interface LedgerReading {
  /** The ledger's sheet (the first, when several one-customer sheets are read together). */
  sheet: string;
  shape: LedgerShape;
  header: HeaderInfo<LedgerField>;
  /** The mapping used, with detection's confidence, unmapped and ambiguous columns. */
  mapping: MappingResult<LedgerField>;
  units: UnitsInfo<LedgerField>;
  /**
   * Every line as read, in sheet order: an open-items ledger's items (settled ones too), a
   * transactions ledger's invoices, receipts and opening lines. What is open on a date is
   * as-of.openItemsAsOf's answer.
   */
  rows: LedgerRow[];
  /** In sheet order (row, then column). */
  issues: ParseIssue[];
  skipped: SkippedRow[];
  /** Lines where the ledger states its own figures (subtotals, carry-forwards, closing balances). */
  stated: StatedLine[];
  /** What was read against those figures. */
  reconciliation: Reconciliation;
  layout: LedgerLayout;
  /** Sheet column letters of the mapped fields (the same on every sheet read together). */
  letters: Partial<Record<LedgerField, string>>;
}

/** Values a row of each shape needs (the sheet-level columns are checked by LEDGER_SCHEMA). */
const ROW_REQUIRED: Record<LedgerShape, readonly (readonly LedgerField[])[]> = {
  "open-items": LEDGER_SCHEMA.required,
  transactions: [["customer"], ["dateArisen", "dueDate"], ["amount", "received", "balance"]],
};

/**
 * A row that only a transactions ledger has: its type says receipt (or return, credit note); or, with no balance of its
 * own, a received amount and no amount (a 贷方-only line) or a negative amount. A credit note or
 * an advance (预收: 金额 0, 已收 5,000, 余额 −5,000) in an open-items list carries its own balance,
 * so it is not one: one such line must not turn the whole list into transactions.
 */
function looksLikeReceipt(row: LedgerRow): boolean {
  const type = typeText(row);
  if (type !== null && isReceiptType(type)) return true;
  const ownBalance = !row.balanceDerived && row.hasMoney("balance");
  if (ownBalance) return false;
  // A return or a red invoice with its own 余额 is a credit of an open-items list (netted there).
  if (type !== null && isCreditType(type)) return true;
  const amount = row.moneySign("amount");
  if ((amount !== amount || amount === 0) && row.moneySign("received") === 1) return true;
  return amount === -1;
}

/**
 * Reads a receivables ledger from a sheet's values (a 2-D array as range.values or exceljs
 * give it). Finds the header in the first 30 rows (or takes options.headerRow), maps columns
 * by header words (or options.mapping), reads amounts in the sheet's units, skips blank,
 * subtotal and footer rows (listed in `skipped`; stated totals kept in `stated`), brings the
 * layouts of layout.ts to one shape (the customer from a title line, dates from 年/月/日,
 * a signed balance from 借/贷, merged cells filled down, opening lines), reconciles what was
 * read with the ledger's own totals, and reports every unreadable or missing value as a
 * ParseIssue while still returning the row.
 *
 * Throws ArError only when the sheet as a whole cannot be read: "ledger.no-header",
 * "ledger.missing-columns", "ledger.mapping-invalid", "ledger.mapping-conflict",
 * "ledger.header-row-invalid". A caller reading several sheets catches it per sheet and
 * goes on with the others.
 */
export function readLedger(values: readonly unknown[][], options: ReadLedgerOptions): LedgerReading {
  const origin = options.origin ?? DEFAULT_ORIGIN;
  // The customer of a one-customer sheet is named above its header (科目：…—客户, 客户：…).
  const probe =
    options.headerRow !== undefined
      ? options.headerRow > 0 && options.headerRow - origin.row < values.length && options.headerRow >= origin.row
        ? headerAt(values, options.headerRow - origin.row, LEDGER_FIELDS)
        : null
      : detectHeader(values, LEDGER_FIELDS);
  const titled = probe === null ? null : titleCustomer(values, probe.rowIndices[0], origin);
  const hasCustomerColumn = probe?.columns.some((c) => c.match?.field === "customer") === true || options.mapping?.customer !== undefined;
  const fromTitle = titled !== null && !hasCustomerColumn ? titled : null;
  // Or, on a sheet without a title's customer, each block's customer is named on a line of its
  // own between the blocks (客户：…). Under a title's customer, such a line is a repeated page
  // title or a note (客户：见附表), never another customer.
  const groupLines = probe === null || hasCustomerColumn || fromTitle !== null ? [] : customerGroupLines(values, probe.dataStart, origin);
  const table = openTable(values, LEDGER_SCHEMA, fromTitle === null && groupLines.length === 0 ? options : { ...options, provided: ["customer"] });

  const filled = fillMergedDown(values, options.merges, table);
  // A payment per column (第一次回款 | 第二次回款): what an item received is their sum.
  const installments = installmentColumns(table);
  const { rows, store, issues, skipped, stated } = readLedgerRows(filled, table, installments);
  // A voided or draft document (an ERP list's 作废状态, 单据状态) is no line of the ledger: left out, and said.
  const voidedOrDraft = voidedOrDraftLines(store, table);
  const leftOutRows: LedgerRow[] = [];
  if (voidedOrDraft.length > 0) {
    const out = new Set(voidedOrDraft.map((v) => v.i));
    let k = 0;
    for (const r of rows) {
      if (!out.has(r.index)) rows[k++] = r;
      else leftOutRows.push(r);
    }
    rows.length = k;
    for (const v of voidedOrDraft) skipped.push({ row: store.sheetRow[v.i], reason: v.why, text: v.text });
    skipped.sort((a, b) => a.row - b.row);
  }
  store.sided = sidedColumns(table.mapping.columns);
  joinVoucherWord(store, filled, table);
  store.lineColumn = restartingColumn(store, lineNumberColumn(table.detection));
  const allIssues = issues;
  const mapped = new Set(table.plan.map((p) => p.field));

  if (groupLines.length > 0) {
    const first = groupLines[0];
    for (const i of fillGroupCustomers(store, groupLines)) {
      store.issueMask[i] |= FIELD_BIT.customer;
      allIssues.push({
        sheet: table.sheet,
        row: store.sheetRow[i],
        column: first.column,
        field: "customer",
        issue: "missing-field",
        severity: "error",
        value: "",
        zh: `缺少客户：该行在第 ${first.row} 行“${first.text}”之上，不属于任何客户的明细。`,
        en: `the customer is missing: the line stands above the first customer line (row ${first.row}, "${first.text}"), so it belongs to no customer's block.`,
      });
    }
  }
  else if (fromTitle !== null) fillTitleCustomer(store, fromTitle.name);
  // A customer written once per block, blank below (not merged): read down, and said.
  const accountBook = store.sided && mapped.has("balance");
  const customersFilled = fromTitle === null && groupLines.length === 0 ? fillCustomerDown(store, { accountBook, totalsOnly: onlyPeriodTotalsBetween(skipped) }) : [];
  // One customer written with its code before the name, or a mark after it, on some lines only.
  if (fromTitle === null) unifyCustomerNames(store);
  const year = mapped.has("month") && mapped.has("day") && !mapped.has("dateArisen") ? headerYear(values, table.detection) : null;
  composeDates(store, table, year, allIssues);
  applyCreditTerms(store);
  applyDirection(store, table, allIssues);

  // A running 余额 (明细账) is the ledger's own control figure, not an item's balance: kept for the
  // reconciliation, cleared from the lines (an opening line keeps its balance as its amount).
  const running = isRunningBalance(store) || (mapped.has("direction") && mapped.has("balance") && (mapped.has("amount") || mapped.has("received")));
  // One unsigned amount column: the running balance says which lines are credits (收款).
  const creditsByBalance = running && mapped.has("amount") && !mapped.has("received") ? unsignedCredits(store) : [];
  // With one amount column and no running 余额 to tell by, a receipt of the sign the others do not share is one undone.
  // One amount column with a 摘要 and nothing else to say what a line is: the 摘要 says (transactions.typeText).
  // A 借贷 column says each line's side itself (applyDirection).
  store.typedByNote = !store.sided && !running && mapped.has("amount") && mapped.has("note") && !mapped.has("type") && !mapped.has("received") && !mapped.has("balance") && !mapped.has("direction");
  if (!store.sided && !running && (store.text.type !== null || store.typedByNote)) store.reversedReceiptSign = reversedReceiptSign(rows);
  openingAmounts(store);
  let runningBalances: RunningBalances | null = null;
  if (running) {
    runningBalances = { stated: takeRunningBalances(store), column: table.plan.find((p) => p.field === "balance")?.letter ?? "" };
  }

  const requested = options.shape ?? "auto";
  // An invoice register with a line per later payment (registerPaymentLines) is a transactions ledger.
  const paymentLines = requested === "open-items" || running ? [] : registerPaymentLines(store);
  const shape: LedgerShape = requested !== "auto" ? requested : running || paymentLines.length > 0 || rows.some(looksLikeReceipt) ? "transactions" : "open-items";

  const openingsDated = dateOpenings(store, periodStart(store, year));
  // A 状态 of 已结清 over a blank 余额 settles the item (the 余额 read was ours: amount − received).
  const byStatus = shape === "open-items" ? settledByStatus(store) : null;

  const reader = new CellReader(table.sheet, table.dateSystem);
  checkRequiredValues(store, table, ROW_REQUIRED[shape], reader);
  for (const i of reader.issues) allIssues.push(i);

  const letters: Partial<Record<LedgerField, string>> = {};
  for (const c of table.mapping.columns) letters[c.field] = c.letter;
  // A balance read as amount − received counts against a stated 余额 total only in a list of items
  // that keeps its 余额 (not on a receipt line, not where the column is never filled).
  const derivedCount = shape === "open-items" && rows.some((x) => !x.balanceDerived && x.hasMoney("balance"));
  const reconciliation = reconcileSheet(table.sheet, rows, stated, letters as Partial<Record<LedgerMoneyField, string>>, runningBalances, derivedCount, leftOutRows);
  return {
    sheet: table.sheet,
    shape,
    header: table.header,
    // Installments are read, each of them: no other column of received (or of its dates) was passed over.
    mapping: installments.length === 0 ? table.mapping : { ...table.mapping, ambiguous: table.mapping.ambiguous.filter((a) => a.field !== "received" && a.field !== "lastPaymentDate") },
    units: table.units,
    rows,
    issues: sortIssues(allIssues),
    skipped,
    stated,
    reconciliation,
    layout: {
      sheets: [table.sheet],
      customerFrom: groupLines.length > 0 ? "lines" : fromTitle === null ? "column" : "title",
      titleCustomers: fromTitle === null ? [] : [fromTitle],
      datesFrom: year !== null || (mapped.has("month") && mapped.has("day") && !mapped.has("dateArisen")) ? "parts" : "column",
      runningBalance: running,
      filledFromMerges: countFilled(values, filled),
      openingsDated: openingsDated.map((o) => ({ sheet: table.sheet, ...o })),
      openingsCarried: [],
      creditsByBalance: creditsByBalance.map((i) => ({ sheet: table.sheet, row: store.sheetRow[i] })),
      customersFilled: customersFilled.map((i) => ({ sheet: table.sheet, row: store.sheetRow[i] })),
      receiptsOnDebit: receiptsOnDebit(rows).map((k) => ({ sheet: table.sheet, row: rows[k].row })),
      settledByStatus: byStatus === null ? [] : byStatus.settled.map((i) => ({ sheet: table.sheet, row: store.sheetRow[i] })),
      settledByStatusLeft: byStatus === null ? "0.00" : byStatus.left.toFixed(2),
      settledByNote: byStatus === null ? [] : byStatus.byNote.map((i) => ({ sheet: table.sheet, row: store.sheetRow[i] })),
      settledByNoteLeft: byStatus === null ? "0.00" : byStatus.noteLeft.toFixed(2),
      statusConflicts: byStatus === null ? [] : byStatus.conflicting.map((i) => ({ sheet: table.sheet, row: store.sheetRow[i] })),
      voidedOrDraft: voidedOrDraft.map((v) => ({ sheet: table.sheet, row: store.sheetRow[v.i], column: columnLetter(v.column, origin), why: v.why, text: v.text })),
      sheetsNotRead: [],
      tablesBeside: tableBeside(table),
      installments: installments.length === 0 ? [] : [{ sheet: table.sheet, columns: installments.map((x) => x.amount.letter), dates: installments.flatMap((x) => (x.date === null ? [] : [x.date.letter])) }],
      ...exportDateOf(values, table.header.rows[0] ?? null, origin, table.sheet),
      ...listDateOrBalanceDate(listDateOf(values, table.header.rows[0] ?? null, origin, table.sheet), table),
      foreignUnits: foreignUnitsOf(values, table.header.rows[0] ?? null, origin, table.sheet),
    },
    letters,
  };
}

/**
 * `column` when it numbers each document's lines: every document starts at 1 and goes up by one
 * (FP1: 1, 2; FP2: 1), some document having more than one line and the count restarting at
 * least once; else -1 (a list's row count, 1…n, or a count that restarts per customer or page,
 * where a repeated document is a duplicate).
 */
function restartingColumn(store: LedgerStore, column: number): number {
  const docs = store.text.document;
  if (column < 0 || docs === null) return -1;
  let prevDoc: string | null = null;
  let prevLine = 0;
  let lines = false;
  let starts = 0;
  for (let i = 0; i < store.length; i++) {
    const v = store.values[store.valueIndex[i]]?.[column];
    const line = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    const doc = docs[i];
    if (line !== line || doc === null) return -1;
    if (doc === prevDoc && line === prevLine + 1) lines = true;
    else if (line !== 1) return -1;
    else starts++;
    prevDoc = doc;
    prevLine = line;
  }
  return lines && starts >= 2 ? column : -1;
}

const DEBIT_HEADER = /借|debit|\bdr\b|增加/i;
const CREDIT_HEADER = /贷|credit|\bcr\b|减少/i;

/** Whether the amount column is headed as a 借方 (debit, 本期增加) and the received column as a 贷方 (credit, 本期减少). */
function sidedColumns(columns: readonly MappedColumn[]): boolean {
  const amount = columns.find((c) => c.field === "amount");
  const received = columns.find((c) => c.field === "received");
  return amount !== undefined && received !== undefined && DEBIT_HEADER.test(amount.header) && CREDIT_HEADER.test(received.header);
}

/** 导出日期：2011-09-10, 打印日期, 制表日期, 报表日期, 生成时间 (the time of day, if any, is not read). */
const EXPORT_DATE = /(?:导出|打印|制表|报表|生成|查询)(?:日期|时间)\s*[:：]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)/;

type CellAt = { sheet: string; row: number; column: string };

/** The first text cell above the header that `read` gives a value for (a date, a currency), and where; null when none does. */
function aboveHeader<T>(values: readonly unknown[][], headerRow: number | null, origin: SheetOrigin, sheet: string, read: (cell: string) => T | null): { value: T; at: CellAt } | null {
  const above = headerRow === null ? 0 : Math.min(values.length, headerRow - origin.row);
  for (let r = 0; r < above; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell !== "string") continue;
      const value = read(cell);
      if (value !== null) return { value, at: { sheet, row: origin.row + r, column: columnLetter(c, origin) } };
    }
  }
  return null;
}

/** The export date a line above the header states, and its row; nulls when none does (or it cannot be read). */
function exportDateOf(values: readonly unknown[][], headerRow: number | null, origin: SheetOrigin, sheet: string): { exportDate: DayNumber | null; exportDateAt: CellAt | null } {
  const found = aboveHeader(values, headerRow, origin, sheet, (cell): DayNumber | null => {
    const m = EXPORT_DATE.exec(cell);
    if (m === null) return null;
    try {
      return parseDate(m[1].replace(/\s+/g, ""));
    } catch {
      return null; // Not a date after all: no export date.
    }
  });
  return found === null ? { exportDate: null, exportDateAt: null } : { exportDate: found.value, exportDateAt: found.at };
}

const DATE_TEXT = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
/** 截至2011年7月31日, 截止日期：2011-07-31, as of 2011-07-31. */
const LIST_DATE_WORD = new RegExp(String.raw`(?:截至|截止(?:日期|日)?|as\s+(?:of|at))\s*[:：]?\s*` + DATE_TEXT, "i");
/** A whole date closing a title after its table's name: 应收账款余额表 2011年8月31日. */
const LIST_DATE_AFTER_NAME = new RegExp(String.raw`(?:表|账|帐)\s*` + DATE_TEXT + String.raw`\s*$`);
/** A whole date, or a year and month (its last day), alone in brackets: 明细表（2011年7月31日）, 余额表(2011年7月). */
const LIST_DATE_BRACKETS = new RegExp(String.raw`[（(]\s*(?:` + DATE_TEXT + String.raw`|(\d{4})\s*年\s*(\d{1,2})\s*月(?:末|底|份)?)\s*[)）]`);

/** A units or currency line naming a currency other than the yuan: 单位：美元, 币种：港币, 金额单位：千美元, Currency: USD. */
const FOREIGN_UNITS = /(?:单位|币种|币别|货币|记账本位币|currency)\s*[:：]?\s*(?:万|千|百万)?\s*(美元|港币|港元|欧元|日元|英镑|澳元|加元|新加坡元|韩元|泰铢|usd|hkd|eur|jpy|gbp|aud|cad|sgd)(?![a-z])/i;

/** See LedgerLayout.foreignUnits: the lines above the header, nearest the top first. */
function foreignUnitsOf(values: readonly unknown[][], headerRow: number | null, origin: SheetOrigin, sheet: string): (CellAt & { text: string }) | null {
  const found = aboveHeader(values, headerRow, origin, sheet, (cell) => (FOREIGN_UNITS.test(cell.normalize("NFKC")) ? cell.trim() : null));
  return found === null ? null : { ...found.at, text: found.value };
}

/** The date a title line above the header says the list stands at (see LedgerLayout.listDate). */
/**
 * A table to the right of the one read that repeats its header (two regions' lists side by side):
 * header cells past the last column read that name again at least three of the fields read, a
 * date and a money field among them. Its lines are not read, and that is said (sheet-not-read):
 * a probe's second table was dropped while the first table's 合计 reconciled. A summary beside
 * the ledger (客户 | 余额) names too few to be one.
 */
function tableBeside(table: OpenedTable<LedgerField>): { sheet: string; row: number; column: string; columns: string }[] {
  const detection = table.detection;
  if (detection === null || table.header.row === null) return [];
  const read = new Map(table.plan.map((p) => [p.index, p.field]));
  const fields = new Set(read.values());
  const last = Math.max(...read.keys());
  const again = detection.columns.filter((c) => c.index > last && c.match !== null && !read.has(c.index) && fields.has(c.match.field));
  const named = new Set(again.map((c) => (c.match as { field: LedgerField }).field));
  const money = [...named].some((f) => f === "amount" || f === "received" || f === "balance");
  const dated = named.has("dateArisen") || named.has("dueDate");
  if (named.size < 3 || !money || !dated) return [];
  const first = columnLetter(again[0].index, table.origin);
  const lastLetter = columnLetter(again[again.length - 1].index, table.origin);
  return [{ sheet: table.sheet, row: table.header.row, column: first, columns: `${first}:${lastLetter}` }];
}

function listDateOrBalanceDate(title: { listDate: DayNumber | null; listDateAt: CellAt | null }, table: OpenedTable<LedgerField>): { listDate: DayNumber | null; listDateAt: CellAt | null } {
  return title.listDate !== null ? title : balanceHeaderDate(table);
}

/** The date the balance read is headed with (截至2024年6月30日余额): the date the list stands at, where its title gives none. */
function balanceHeaderDate(table: OpenedTable<LedgerField>): { listDate: DayNumber | null; listDateAt: CellAt | null } {
  const col = table.mapping.columns.find((c) => c.field === "balance");
  const m = col === undefined ? null : /(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})/.exec(col.header.normalize("NFKC"));
  if (col === undefined || m === null || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3])) || table.header.row === null) return { listDate: null, listDateAt: null };
  return { listDate: fromYmd(Number(m[1]), Number(m[2]), Number(m[3])), listDateAt: { sheet: table.sheet, row: table.header.row, column: col.letter } };
}

function listDateOf(values: readonly unknown[][], headerRow: number | null, origin: SheetOrigin, sheet: string): { listDate: DayNumber | null; listDateAt: CellAt | null } {
  const found = aboveHeader(values, headerRow, origin, sheet, (cell): DayNumber | null => {
    if (EXPORT_DATE.test(cell)) return null;
    const word = LIST_DATE_WORD.exec(cell) ?? LIST_DATE_AFTER_NAME.exec(cell);
    const m = word ?? LIST_DATE_BRACKETS.exec(cell);
    if (m === null) return null;
    if (m[1] !== undefined && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))) return fromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    if (word !== null || m[4] === undefined || !(Number(m[5]) >= 1 && Number(m[5]) <= 12)) return null;
    // A year and month: its last day.
    const y = Number(m[4]);
    const mo = Number(m[5]);
    return lastDayOfPreviousMonth(mo === 12 ? fromYmd(y + 1, 1, 1) : fromYmd(y, mo + 1, 1));
  });
  return found === null ? { listDate: null, listDateAt: null } : { listDate: found.value, listDateAt: found.at };
}

/** The running balances as stated (fen, or a Decimal off the fast path), taken off the lines (an opening line keeps its own as its amount). */
function takeRunningBalances(store: LedgerStore): (number | Decimal | null)[] {
  const out: (number | Decimal | null)[] = new Array<number | Decimal | null>(store.length).fill(null);
  const fen = store.fen.balance;
  for (let i = 0; i < store.length; i++) {
    const exact = store.exact.balance.get(i);
    const f = fen === null ? NaN : fen[i];
    if (store.derived[i] !== 1) out[i] = exact ?? (f === f ? f : null);
    store.setMoney("balance", i, NaN, null);
    store.derived[i] = 0;
  }
  return out;
}

/**
 * Opening lines are aged from the period's start: their own date (1月1日) or, without one, the
 * ledger's first date. Either way what they carry arose earlier, so their age is a lower bound;
 * they are returned for the check to say so.
 */
function dateOpenings(store: LedgerStore, start: DayNumber | null): { row: number; date: DayNumber }[] {
  const out: { row: number; date: DayNumber }[] = [];
  for (let i = 0; i < store.length; i++) {
    if (store.opening[i] === 0) continue;
    const d = store.date.dateArisen?.[i] ?? NaN;
    const due = store.date.dueDate?.[i] ?? NaN;
    if (d === d) {
      out.push({ row: store.sheetRow[i], date: d });
      continue;
    }
    if (due === due || start === null) continue;
    store.dateColumn("dateArisen")[i] = start;
    out.push({ row: store.sheetRow[i], date: start });
  }
  return out;
}

function countFilled(before: readonly unknown[][], after: readonly unknown[][]): number {
  if (before === after) return 0;
  let n = 0;
  for (let r = 0; r < after.length; r++) {
    if (before[r] === after[r]) continue;
    const a = after[r];
    const b = before[r];
    for (let c = 0; c < a.length; c++) if (a[c] !== (Array.isArray(b) ? b[c] : undefined)) n++;
  }
  return n;
}
