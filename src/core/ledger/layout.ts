/**
 * Ledger layouts as accounting systems and hand-kept books write them, brought to one shape
 * before the check:
 * - a three-column ledger (三栏式明细账: U8, T3/T+, Kingdee) names its customer only in a line
 *   above the header (科目：112201 应收账款—遂宁市城投, 客户：…), splits its dates into 月 and 日
 *   under a "2011年" banner, and writes an unsigned 余额 beside 借/贷/平;
 * - a hand-kept 台账 merges a customer's name down its rows (Excel keeps the value in the merged
 *   area's top cell only);
 * - opening lines (期初余额, 上年结转) carry what the period started with in their balance.
 *
 * Each function works on values or on the column store, and reports what it could not read as a
 * ParseIssue naming the cell.
 */
import { type DayNumber, fromYmd, isValidYmd, toYmd } from "../calendar";
import { dueWithTerm } from "../credit-terms";
import type { Bilingual } from "../../i18n/bilingual";
import type Decimal from "decimal.js";
import { fenOfDecimal, fenToDecimal } from "./cell-reader";
import { detectHeader, HEADER_SCAN_ROWS, LEDGER_FIELDS, type HeaderDetection, type LedgerField, normalizeLabel, unwrapCell } from "./headers";
import type { LedgerRow, LedgerStore } from "./ledger-store";
import { columnLetter, type SheetOrigin } from "./mapping";
import { simplifiedForMatching } from "../traditional";
import type { ParseIssue, SkippedRow } from "./parse-issues";
import type { OpenedTable } from "./table";
import { isCreditType, isReceiptType } from "./transactions";
import type { CellArea } from "./workbook";

const LABELS = new Map(LEDGER_FIELDS.map((d) => [d.field as string, d.label]));

function textOf(value: unknown): string {
  const v = unwrapCell(value);
  return typeof v === "string" ? v.normalize("NFKC").trim() : "";
}

// ---------------------------------------------------------------------------------------------
// The customer of a one-customer sheet
// ---------------------------------------------------------------------------------------------

/** Where a sheet names its one customer, above the header. */
export interface TitleCustomer {
  name: string;
  /** 1-based sheet row and letter of the cell that names it. */
  row: number;
  column: string;
  /** The line as written. */
  text: string;
}

// 科目：112201 应收账款—遂宁市城市建设投资有限公司 (the customer after the account's name; 应收帐款—客户—项目部
// names the project department after it, POLICY §1).
const ACCOUNT_LINE = /^(?:会计科目|明细科目|二级科目|明细账户|科目名称|科目)\s*[:：]\s*(.+)$/;
const ACCOUNT_NAME = /^(?:\d{4,}\s*)?(?:应收账款|应收帐款|应收款项?)\s*([—–\-－_/\\|:：]+)\s*(.+)$/;
const SEGMENT_SEPARATOR = /\s*[—–－/\\|]+\s*/;
// 客户：XX公司, 往来单位：XX公司 (the value after the colon, or in the next cell); a 往来对账单's
// addressee, 致：XX公司 财务部 (the department after the name left off: ADDRESSEE_DEPARTMENT).
const CUSTOMER_LINE = /^(?:客户名称|客户|往来单位名称|往来单位|单位名称|户名|核算项目|辅助核算|客户\/供应商|致|customer|client|account name)\s*[:：]\s*(.*)$/i;
const ADDRESSEE_DEPARTMENT = /\s+(?:财务部|财务科|财务处|财务室|财务中心|会计部|会计科|财会部|结算中心|采购部|负责人|经理|收)$/;

/** The customer a line's cells name, or null. `cells` is the line's row. */
function customerInLine(cells: readonly unknown[], detailAllowed = false): { name: string; index: number; text: string } | null {
  for (let c = 0; c < cells.length; c++) {
    const text = textOf(cells[c]);
    if (text === "") continue;
    // The label may open the cell, or follow a title after a wide gap ("应收账款明细账, a wide gap, 客户：XX公司, a wide gap, 单位：元").
    const parts = text.split(/\s{2,}|\t/).filter((p) => p !== "");
    for (let k = 0; k < parts.length; k++) {
      const part = k === 0 ? text : parts.slice(k).join("  ");
      // Labels matched with traditional characters read as simplified (客戶, 應收賬款); the name
      // is taken as written, from the same place (the mapping keeps every character's position).
      const label = simplifiedForMatching(part);
      const tail = (m: string): string => part.slice(part.length - m.length);
      const account = ACCOUNT_LINE.exec(label);
      if (account !== null) {
        const rest = account[1]; // the line's end: at part.length - rest.length
        const field = firstField(rest);
        const after = ACCOUNT_NAME.exec(field);
        if (after === null) {
          // 明细科目：雅安雨城茶业有限公司 beside 总账科目：应收账款: the detail account is the customer.
          const start = part.length - rest.length + rest.indexOf(field);
          const detail = detailAllowed && DETAIL_ACCOUNT.test(label) ? detailName(part.slice(start, start + field.length)) : "";
          if (detail !== "") return { name: detail, index: c, text };
          continue;
        }
        // after[2] ends the field, which starts where it is found in the rest.
        const at = part.length - rest.length + rest.indexOf(field) + field.length - after[2].length;
        const written = part.slice(at, at + after[2].length);
        const name = (written.split(SEGMENT_SEPARATOR)[0] ?? "").trim();
        if (name !== "") return { name, index: c, text };
        continue; // "科目：1122 应收账款" alone: a 客户： may follow after a gap
      }
      const customer = CUSTOMER_LINE.exec(label);
      if (customer !== null) {
        let name = firstField(tail(customer[1]));
        if (name === "" && k === parts.length - 1) {
          // "客户：" in one cell and the name in the next filled one.
          for (let n = c + 1; n < cells.length && name === ""; n++) name = firstField(textOf(cells[n]));
        }
        name = withoutCode(name).replace(ADDRESSEE_DEPARTMENT, "");
        if (name !== "") return { name, index: c, text };
      }
    }
  }
  return null;
}

/** A name without the code written before it: [0103]泸州老窖, （C001）甲公司, 112201 甲公司 (a code in brackets, or four digits or more and a space: 1 号店 keeps its 1). */
function withoutCode(name: string): string {
  const bare = name.replace(/^(?:[[(（【]\s*[\w.-]+\s*[\])）】]|\d{4,}[\d.-]*\s+)\s*/, "").trim();
  return /\p{L}/u.test(bare) ? bare : name;
}

/**
 * A voucher written in two columns under a merged 凭证 (字 | 号: 转 | 15) as one (转-15), as a
 * 摘要 names it (冲销3月18日转-15号凭证). The voucher column read is the 号; its 字 is the column
 * just left of it under the same banner.
 */
export function joinVoucherWord(store: LedgerStore, values: readonly unknown[][], table: OpenedTable<LedgerField>): void {
  const numbers = store.text.voucher;
  const plan = table.plan.find((p) => p.field === "voucher");
  const columns = table.detection?.columns;
  if (numbers === null || plan === undefined || columns === undefined) return;
  const word = columns.find((c) => c.index === plan.index - 1 && /^凭证\s*\/\s*(?:字|种类)$/.test(c.text));
  if (word === undefined) return;
  const origin = table.origin.row;
  for (let i = 0; i < store.length; i++) {
    const n = numbers[i];
    const w = textOf(values[store.sheetRow[i] - origin]?.[word.index]);
    if (n !== null && n !== undefined && w !== "" && /^\d+$/.test(n.trim())) numbers[i] = `${w}-${n.trim()}`;
  }
}

/** A 三栏式 book's general account, 总账科目：应收账款 (1122): only under it is the detail account a customer. */
const GENERAL_RECEIVABLES = /(?:总账科目|一级科目|总分类科目)\s*[:：]\s*(?:1122\d*\s*)?应收账款/;

/** A title that names the book: 应收账款明细账, 应收账款三栏式明细账. */
const RECEIVABLES_BOOK = /^(?:\d{4}年度?)?应收账款(?:三栏式)?明细(?:分类)?账$/;

/** Whether a line above the header says the book's general account is 应收账款 (or its title names an 应收账款 book). */
function underReceivables(values: readonly unknown[][], headerTop: number): boolean {
  for (let r = Math.min(headerTop, values.length) - 1; r >= 0; r--) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    for (const cell of row) {
      const text = textOf(cell);
      if (text === "") continue;
      const t = simplifiedForMatching(text).replace(/帐/g, "账");
      if (GENERAL_RECEIVABLES.test(t) || RECEIVABLES_BOOK.test(t.replace(/\s+/g, ""))) return true;
    }
  }
  return false;
}

/** A 三栏式 book's detail account (明细科目, 二级科目), which under 应收账款 is the customer. */
const DETAIL_ACCOUNT = /^(?:明细科目|二级科目|明细账户)\s*[:：]/;

/** An account's own name, where a detail account would name the customer. */
const ACCOUNT_ONLY = /^(?:应收账款|应收款项?|应收票据|预收账款)$/;

/** The customer a detail account names: its text without a leading code (112201, [0103]); "" for an account's own name or a code alone. */
function detailName(field: string): string {
  const name = withoutCode(field);
  if (!/\p{L}/u.test(name) || ACCOUNT_ONLY.test(simplifiedForMatching(name).replace(/帐/g, "账"))) return "";
  return name;
}

/** The first field of a title's text: up to a wide gap or the next label ("XX公司    期间：2011年"). */
function firstField(text: string): string {
  return text
    .split(/\s{2,}|\t|(?=\s*(?:期间|币种|单位|月份|会计期间|年度)\s*[:：])/)[0]
    .trim()
    .replace(/[;；,，。]+$/, "");
}

/** The customer named in the lines above the header (the nearest one), or null. */
export function titleCustomer(values: readonly unknown[][], headerTop: number, origin: SheetOrigin): TitleCustomer | null {
  const detailAllowed = underReceivables(values, headerTop);
  for (let r = Math.min(headerTop, values.length) - 1; r >= 0; r--) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const found = customerInLine(row, detailAllowed);
    if (found !== null) return { name: found.name, row: origin.row + r, column: columnLetter(found.index, origin), text: found.text };
  }
  return null;
}

/**
 * The header of a one-customer sheet (a ledger header without a customer column, the customer
 * named in a line above it) as one key, so sheets of one ledger kept one per customer can be told
 * by their top rows alone; null for any other sheet.
 */
export function oneCustomerHeaderKey(values: readonly unknown[][]): string | null {
  const header = detectHeader(values, LEDGER_FIELDS);
  if (header === null || header.columns.some((c) => c.match?.field === "customer")) return null;
  if (titleCustomer(values, header.rowIndices[0], { row: 1, column: 1 }) === null) return null;
  return header.columns.map((c) => `${c.index}:${c.match?.field ?? c.label.base}`).join("|");
}

/** The year a three-column ledger's banner ("2011年") or title ("2011年度应收账款明细账") gives. */
export function headerYear(values: readonly unknown[][], detection: HeaderDetection | null): number | null {
  if (detection === null) return null;
  const find = (rows: readonly number[], short: boolean): number | null => {
    for (const r of rows) {
      const row = values[r];
      if (!Array.isArray(row)) continue;
      for (const cell of row) {
        const text = textOf(cell);
        if (text === "" || (short && text.length > 8)) continue;
        const m = /(?:^|[^\d])((?:19|20)\d\d)\s*年/.exec(text);
        if (m !== null) return Number(m[1]);
      }
    }
    return null;
  };
  const above: number[] = [];
  for (let r = detection.rowIndices[0] - 1; r >= 0 && r >= detection.rowIndices[0] - HEADER_SCAN_ROWS; r--) above.push(r);
  return find(detection.rowIndices, true) ?? find(above, false);
}

// ---------------------------------------------------------------------------------------------
// Merged cells
// ---------------------------------------------------------------------------------------------

/**
 * The values with each vertically merged text or date cell of the data area filled down over its
 * area (a customer merged down its rows in a hand-kept 台账). Money is not filled: an amount
 * merged over several lines belongs to the block once, and repeating it would count it again.
 * Rows are copied only where they change; the caller's arrays are never written to.
 */
export function fillMergedDown(values: readonly unknown[][], merges: readonly CellArea[] | undefined, table: OpenedTable<LedgerField>): readonly unknown[][] {
  if (merges === undefined || merges.length === 0) return values;
  const fillable = new Set(table.plan.filter((p) => p.kind === "text" || p.kind === "date").map((p) => p.index));
  const firstDataRow = table.origin.row + table.dataStart;
  let out: unknown[][] | null = null;
  for (const m of merges) {
    if (m.bottom <= m.top || m.top < firstDataRow) continue;
    const index = m.left - table.origin.column;
    if (!fillable.has(index)) continue;
    const topIndex = m.top - table.origin.row;
    const value = values[topIndex]?.[index];
    if (value === null || value === undefined || value === "") continue;
    out ??= values.slice();
    for (let r = m.top + 1; r <= m.bottom; r++) {
      const k = r - table.origin.row;
      if (k < 0 || k >= out.length) continue;
      const row = out[k];
      const current = Array.isArray(row) ? row[index] : undefined;
      if (current !== null && current !== undefined && current !== "") continue;
      const copy = Array.isArray(row) ? row.slice() : [];
      while (copy.length <= index) copy.push(null);
      copy[index] = value;
      out[k] = copy;
    }
  }
  return out ?? values;
}

// ---------------------------------------------------------------------------------------------
// On the column store
// ---------------------------------------------------------------------------------------------

function issueAt(table: OpenedTable<LedgerField>, row: number, field: LedgerField, kind: ParseIssue["issue"], value: string, detail: Bilingual): ParseIssue {
  const plan = table.plan.find((p) => p.field === field);
  const column = plan?.letter ?? "";
  const label = LABELS.get(field) ?? { "zh-CN": field, "en-US": field };
  return {
    sheet: table.sheet,
    row,
    column,
    field,
    issue: kind,
    severity: "error",
    value,
    zh: `工作表“${table.sheet}”第 ${row} 行 ${column} 列（${label["zh-CN"]}）：${detail["zh-CN"]}`,
    en: `Sheet "${table.sheet}", row ${row}, column ${column} (${label["en-US"]}): ${detail["en-US"]}`,
  };
}

/**
 * Dates from 年/月/日 columns (the year column, else the banner's year). The year moves on when
 * the month goes back (12 → 1, a ledger running into the next year). A month and day that make
 * no date are a bad-date issue on the month cell; a month and day without any year, one too.
 */
export function composeDates(store: LedgerStore, table: OpenedTable<LedgerField>, bannerYear: number | null, issues: ParseIssue[]): void {
  const { month, day, year } = store.dateParts;
  if (month === null || day === null || store.date.dateArisen !== null) return;
  const arisen = store.dateColumn("dateArisen");
  let currentYear = bannerYear;
  let lastMonth = 0;
  let lastDay = 0;
  // Each customer's block runs from the header's year again: a month lower than the one before
  // means the next year only within one customer's lines (安居's block ending in July and 明达's
  // starting in March are both the banner's year, not 明达's a year later).
  const customers = store.text.customer;
  let lastCustomer: string | null = null;
  for (let i = 0; i < store.length; i++) {
    let m = month[i];
    const d = day[i];
    const y = year !== null && year[i] === year[i] ? year[i] : null;
    const c = customers === null ? null : customers[i];
    if (c !== null && c !== undefined && c !== lastCustomer) {
      if (lastCustomer !== null) {
        currentYear = bannerYear;
        lastMonth = 0;
        lastDay = 0;
      }
      lastCustomer = c;
    }
    if (y !== null) {
      currentYear = y;
      lastMonth = 0;
      lastDay = 0;
    }
    if (m !== m && d !== d) continue;
    const row = store.sheetRow[i];
    // A book written by hand, or printed so, gives the month on a month's first line only (3 | 2,
    // then _ | 20): a day with no month, on or after the day above it, is of the month above.
    if (m !== m && lastMonth > 0 && d >= lastDay) m = lastMonth;
    if (m !== m || d !== d) {
      issues.push(issueAt(table, row, m !== m ? "month" : "day", "missing-field", "", { "zh-CN": "只有月或日之一，无法组成日期。", "en-US": "only one of the month and the day is given, so there is no date." }));
      continue;
    }
    if (y === null && m < lastMonth && currentYear !== null) currentYear += 1;
    lastMonth = m;
    lastDay = d;
    if (currentYear === null) {
      issues.push(
        issueAt(table, row, "month", "bad-date", `${m}月${d}日`, {
          "zh-CN": `${m}月${d}日没有年份：表头和标题中都找不到“××××年”。请在表头上方写明年份，或加一列“年”。`,
          "en-US": `${m}/${d} has no year: neither the header nor the title says "YYYY年". Write the year above the header, or add a year column.`,
        }),
      );
      continue;
    }
    if (!isValidYmd(currentYear, m, d)) {
      issues.push(
        issueAt(table, row, "month", "bad-date", `${currentYear}年${m}月${d}日`, {
          "zh-CN": `${currentYear}年${m}月${d}日不是有效日期。`,
          "en-US": `${currentYear}-${m}-${d} is not a valid date.`,
        }),
      );
      continue;
    }
    arisen[i] = fromYmd(currentYear, m, d);
  }
}

const DEBIT_WORDS = new Set(["借", "dr", "debit", "d", "借方"]);
const CREDIT_WORDS = new Set(["贷", "cr", "credit", "c", "贷方"]);
const NIL_WORDS = new Set(["平", "0", "nil", "-", "—", "bal"]);

/**
 * Signs an unsigned 余额 by its 借/贷/平: a credit balance is negative (the customer has paid in
 * advance), 平 is zero. A direction that is none of these is a bad-value issue and the balance
 * stays as written.
 */
export function applyDirection(store: LedgerStore, table: OpenedTable<LedgerField>, issues: ParseIssue[]): void {
  const direction = store.text.direction;
  if (direction === null) return;
  for (let i = 0; i < store.length; i++) {
    const text = direction[i];
    if (text === null) continue;
    const t = text.normalize("NFKC").trim().toLowerCase();
    if (DEBIT_WORDS.has(t)) continue;
    if (NIL_WORDS.has(t)) {
      const f = store.fen.balance?.[i] ?? NaN;
      if ((f === f && f !== 0) || store.exact.balance.has(i)) {
        issues.push(issueAt(table, store.sheetRow[i], "balance", "bad-amount", text, { "zh-CN": "方向为“平”，余额却不为零。", "en-US": 'the direction says "nil" (平) but the balance is not zero.' }));
      }
      store.setMoney("balance", i, 0, null);
      continue;
    }
    if (CREDIT_WORDS.has(t)) {
      const f = store.fen.balance?.[i] ?? NaN;
      const exact = store.exact.balance.get(i);
      if (exact !== undefined) store.setMoney("balance", i, fenOfDecimal(exact.neg()), exact.neg());
      else if (f === f) store.setMoney("balance", i, -f + 0, null);
      continue;
    }
    issues.push(issueAt(table, store.sheetRow[i], "direction", "bad-text", text, { "zh-CN": `“${text}”不是借、贷或平。`, "en-US": `"${text}" is not a debit (借), credit (贷) or nil (平).` }));
  }
}

/**
 * An opening line (期初余额) states what the period began with in its balance: it becomes an item
 * of that amount (a debit balance is owed; a credit balance was paid in advance), unless the line
 * itself has a debit or credit.
 */
export function openingAmounts(store: LedgerStore): void {
  for (let i = 0; i < store.length; i++) {
    if (store.opening[i] === 0) continue;
    if (store.hasMoney("amount", i) || store.hasMoney("received", i) || !store.hasMoney("balance", i)) continue;
    const exact = store.exact.balance.get(i);
    const f = store.fen.balance?.[i] ?? NaN;
    if (exact !== undefined) store.setMoney("amount", i, fenOfDecimal(exact), exact);
    else if (f === f) store.setMoney("amount", i, f, null);
    store.amountFromBalance.add(i);
    store.derived[i] = 0;
  }
}

/**
 * A 状态 that says the item is settled (已结清, 已收讫, 已付清, 已收回, paid, settled, closed). Not
 * 已核销: an item written off is a memorandum item (reports/input.WRITTEN_OFF_WORDS), a loss, not a collection.
 */
const SETTLED_STATUS = /^(?:已经?|全部|全额|款已)?(?:结清|收讫|付清|收清|付讫)(?:完毕)?$|^(?:已经?|全部|全额|款已)(?:收回|回款|收款|收齐|到账)(?:完毕)?$|^(?:paid|settled|closed|cleared)(?: in full)?$|^paid in full$/i;
/** Words that undo it: 未结清, 部分收回, 尚未收回, 待核销, 催收款, 计划回款, 回款中, not paid, partly paid. */
const NOT_SETTLED = /未|部分|尚|待|没|无|不|欠|催|计划|预计|承诺|申请|拟|将|中|partial|partly|not|un|part/i;

/** Whether a 状态 cell says, as the whole cell, that its item is settled (收回困难, 收款逾期 do not). */
export function saysSettled(status: string | null): boolean {
  if (status === null) return false;
  const t = status.normalize("NFKC").trim();
  return t !== "" && SETTLED_STATUS.test(t) && !NOT_SETTLED.test(t);
}

/** A column that marks a document voided: 作废状态, 作废标志, 是否作废, void. */
const VOID_HEADER = /^(是否)?(已)?作废(状态|标志|标识|否)?$|^(void|voided|isvoid|cancelled)$/;
const VOID_YES = /^(是|y|yes|true|1|已作废|作废|√|✓)$/i;
/** A document's status (单据状态, 审核状态): 暂存, 未审核… say it is not in the books yet, 已作废 that it was voided. */
const DOCUMENT_STATUS_HEADER = /单据状态|审核状态|documentstatus|billstatus|approvalstatus/;
const DRAFT_STATUS = /^(暂存|草稿|保存|已保存|创建|新建|未提交|未审核|审核中|重新审核|draft|saved|created|unapproved|pendingapproval)$/i;
const VOID_STATUS = /^(已?作废|voided|cancell?ed)$/i;

/**
 * Lines of an ERP bill list (云星空 应收单列表, K/3 应收单) that are no receivable on the books: a
 * document voided (作废状态 是, 单据状态 已作废) or not yet approved (单据状态 暂存, 创建, 未审核,
 * 审核中). A probe's list counted a voided 45,000 and a draft 25,000 as open, with no word. Each
 * such line, its reason, the cell's text and its column (index in the values), in sheet order.
 */
export function voidedOrDraftLines(store: LedgerStore, table: OpenedTable<LedgerField>): { i: number; why: "voided" | "draft"; text: string; column: number }[] {
  const columns = table.detection?.columns ?? [];
  const voidColumns = columns.filter((c) => VOID_HEADER.test(normalizeLabel(c.text)));
  const statusColumns = columns.filter((c) => DOCUMENT_STATUS_HEADER.test(normalizeLabel(c.text)));
  if (voidColumns.length === 0 && statusColumns.length === 0) return [];
  const out: { i: number; why: "voided" | "draft"; text: string; column: number }[] = [];
  const textOf = (v: unknown): string => (v === null || v === undefined ? "" : String(unwrapCell(v)).normalize("NFKC").replace(/\s+/g, ""));
  for (let i = 0; i < store.length; i++) {
    const cells = store.values[store.valueIndex[i]];
    let found: { i: number; why: "voided" | "draft"; text: string; column: number } | null = null;
    for (const c of voidColumns) {
      const t = textOf(cells[c.index]);
      if (VOID_YES.test(t)) found = { i, why: "voided", text: t, column: c.index };
    }
    for (const c of statusColumns) {
      if (found !== null) break;
      const t = textOf(cells[c.index]);
      if (VOID_STATUS.test(t)) found = { i, why: "voided", text: t, column: c.index };
      else if (DRAFT_STATUS.test(t)) found = { i, why: "draft", text: t, column: c.index };
    }
    if (found !== null) out.push(found);
  }
  return out;
}

/**
 * Payment lines of an invoice register (发票登记表, 开票回款登记表) that writes each later payment
 * of an invoice on a line of its own: no amount, a received amount (回款金额) and the document
 * number of an earlier line of the same customer's that has one (00008876 | 58,500 | 回款 20,000,
 * then 00008876 | blank | 回款 8,500). Such a register is a transactions ledger: its 未回款金额 runs
 * per invoice, and a payment line is a receipt of the invoice it names, not an item (read as
 * items, each line's 未回款金额 was counted again: a probe's register gave 428,500 open for 286,000). A payment line
 * without a date arisen is dated by its 回款日期. Returns the lines, in sheet order.
 */
export function registerPaymentLines(store: LedgerStore): number[] {
  const docs = store.text.document;
  const received = store.fen.received;
  const amount = store.fen.amount;
  if (docs === null || received === null || amount === null) return [];
  const customers = store.text.customer;
  const noAmount = (i: number): boolean => !(amount[i] !== 0 && (amount[i] === amount[i] || store.exact.amount.has(i)));
  const paidSome = (i: number): boolean => received[i] > 0 || (store.exact.received.get(i)?.gt(0) ?? false);
  const candidates: number[] = [];
  for (let i = 0; i < store.length; i++) if (docs[i] !== null && noAmount(i) && paidSome(i)) candidates.push(i);
  if (candidates.length === 0) return [];
  const key = (i: number): string => `${customers === null ? "" : (customers[i] ?? "").trim()}\u0000${(docs[i] ?? "").trim()}`;
  // The first line of each invoice with an amount, by customer and document.
  const invoiced = new Map<string, number>();
  for (let i = 0; i < store.length; i++) {
    if (docs[i] === null || noAmount(i)) continue;
    const k = key(i);
    if (!invoiced.has(k)) invoiced.set(k, i);
  }
  const lines = candidates.filter((i) => (invoiced.get(key(i)) ?? Infinity) < i);
  const arisen = store.date.dateArisen;
  const paid = store.date.lastPaymentDate;
  if (paid !== null) {
    const dates = store.dateColumn("dateArisen");
    for (const i of lines) if ((arisen === null || arisen[i] !== arisen[i]) && paid[i] === paid[i]) dates[i] = paid[i];
  }
  return lines;
}

/**
 * Open-items lines whose 状态 says settled (已结清) while a balance is read: where the ledger left
 * its 余额 blank (the balance read is amount − received, ours, not the ledger's), the status is
 * the ledger's own word and the line is settled, its balance 0 (`settled`; `left`: what amount −
 * received gave them, in all); where the ledger
 * states a balance above 0, the balance is kept and the two disagree (`conflicting`). Both are
 * said by the check (status-says-settled): a hand-kept 台账 that marks 已结清 and leaves the cells
 * blank was read with the whole amount open.
 */
export function settledByStatus(store: LedgerStore): { settled: number[]; conflicting: number[]; left: Decimal; byNote: number[]; noteLeft: Decimal } {
  const status = store.text.status;
  const note = store.text.note;
  const settled: number[] = [];
  const conflicting: number[] = [];
  const byNote: number[] = [];
  let left = fenToDecimal(0);
  let noteLeft = fenToDecimal(0);
  if ((status === null && note === null) || store.fen.balance === null) return { settled, conflicting, left, byNote, noteLeft };
  for (let i = 0; i < store.length; i++) {
    const text = status === null ? null : status[i];
    const fromStatus = text !== null && text !== undefined && saysSettled(text);
    // Else a 备注 that says so as its whole text, after the date it was paid (6月20日已结清): only
    // over a blank 余额 (a note beside a stated balance is no evidence against it).
    const paid = fromStatus || note === null || store.derived[i] !== 1 ? null : noteSettled(note[i] ?? null);
    if (!fromStatus && paid === null) continue;
    const exact = store.exact.balance.get(i);
    const f = store.fen.balance[i];
    const positive = exact !== undefined ? exact.gt(0) : f > 0;
    if (!positive) continue;
    if (store.derived[i] === 1) {
      if (fromStatus) left = left.plus(exact ?? fenToDecimal(f));
      else noteLeft = noteLeft.plus(exact ?? fenToDecimal(f));
      if (exact === undefined) store.statusSettled.set(i, f);
      if (paid !== null && paid.month > 0) datePaymentFromNote(store, i, paid);
      store.setMoney("balance", i, 0, null);
      (fromStatus ? settled : byNote).push(i);
    } else conflicting.push(i);
  }
  return { settled, conflicting, left, byNote, noteLeft };
}

/** A date a note begins with (2024-06-20, 2024年6月20日, 6月20日, 6/20), then its words. */
const NOTE_PAID = /^(?:(\d{4})\s*[年./-]\s*)?(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*[日号]?\s*[,，、:：]?\s*(.*)$/;

/** Whether a 备注 says its item is settled (已收讫, 6月20日已结清): the date it gives (month 0 when none), else null. */
function noteSettled(text: string | null): { year: number | null; month: number; day: number } | null {
  if (text === null) return null;
  const t = text.normalize("NFKC").trim();
  if (saysSettled(t)) return { year: null, month: 0, day: 0 };
  const m = NOTE_PAID.exec(t);
  if (m === null || !saysSettled(m[4])) return null;
  return { year: m[1] === undefined ? null : Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * The date a note says an item was paid, as its last payment date (the as-of view takes what it
 * settled back out before then): a date without a year is the first such day on or after the
 * item's own date. Left undated when the ledger has its own payment date there, or no year can be had.
 */
function datePaymentFromNote(store: LedgerStore, i: number, paid: { year: number | null; month: number; day: number }): void {
  const own = store.date.lastPaymentDate;
  if (own !== null && own[i] === own[i]) return;
  const arisen = store.date.dateArisen === null ? NaN : store.date.dateArisen[i];
  let year = paid.year;
  if (year === null) {
    if (arisen !== arisen) return;
    year = toYmd(arisen).y;
    if (isValidYmd(year, paid.month, paid.day) && fromYmd(year, paid.month, paid.day) < arisen) year++;
  }
  if (!isValidYmd(year, paid.month, paid.day)) return;
  store.dateColumn("lastPaymentDate")[i] = fromYmd(year, paid.month, paid.day);
}

/**
 * Whether the ledger's 余额 is a running balance (each line's balance = the previous line's + debit
 * − credit, per customer), as in a 明细账, rather than each item's own balance (amount − received).
 * Decided on the evidence: the rule that more lines satisfy, ties to "item". Without a received
 * column, a balance that fell by the line's amount counts for "running" (see unsignedCredits).
 */
export function isRunningBalance(store: LedgerStore): boolean {
  const balance = store.fen.balance;
  const amount = store.fen.amount;
  if (balance === null || amount === null) return false;
  const received = store.fen.received;
  const customer = store.text.customer;
  let running = 0;
  let item = 0;
  let prev = NaN;
  let prevCustomer: string | null = null;
  const docs = store.text.document;
  let prevDoc: string | null = null;
  for (let i = 0; i < store.length; i++) {
    const b = balance[i];
    if (b !== b || store.derived[i] === 1) {
      prev = NaN;
      prevDoc = null;
      continue;
    }
    const a = amount[i] === amount[i] ? amount[i] : 0;
    const r = received !== null && received[i] === received[i] ? received[i] : 0;
    const c = customer === null ? null : customer[i];
    // A customer's first line (or one after a line without a balance) fits both readings: a
    // running balance starts at its first line's amount. Counted for items, it outvoted the
    // running lines of a 明细账 whose customers have a line or two each (a probe's gave 43,000
    // open for 13,000, its running balances added up).
    const follows = prev === prev && c === prevCustomer;
    if (b === a - r && follows) item++;
    // A line of the document above (a register's later payment of an invoice, its 未回款金额
    // running per invoice: registerPaymentLines) is no evidence of a balance run per customer.
    const doc = docs === null ? null : docs[i];
    const sameDocument = doc !== null && doc !== undefined && doc === prevDoc;
    prevDoc = doc ?? null;
    if (sameDocument) {
      prev = b;
      prevCustomer = c;
      continue;
    }
    // One amount column written unsigned (发货 30,000, 收款 20,000): a balance that fell by the
    // amount and still leaves one is a running balance too (unsignedCredits reads such a line as a
    // credit). One that fell to nothing is evidence only when its 摘要 says 收款: in a bill list
    // without a received column, a settled bill (未核销 0) under an open one of the same amount
    // looks just so.
    if (follows && (b === prev + a - r || (received === null && a > 0 && b === prev - a && (b !== 0 || saysReceipt(store, i))))) running++;
    prev = b;
    prevCustomer = c;
  }
  return running > item;
}

/** Whether a line's type or 摘要 says it is a receipt or another credit (收款, 回款, 销售退回…). */
function saysReceipt(store: LedgerStore, i: number): boolean {
  const type = store.text.type;
  const note = store.text.note;
  return (type !== null && isCreditType(type[i])) || (note !== null && isCreditType(note[i]));
}

/** A 坏账收回 (Dr 应收账款, Cr 坏账准备: the written-off debt reinstated) belongs on 借方. */
const REINSTATED = /坏[账帐]/;

/**
 * Lines of a ledger of 借方 and 贷方 whose type or 摘要 says a receipt (收款, 回款…) while the figure
 * stands on 借方 alone: read by the side, as owed (transactionKind), and said, since a receipt
 * keyed into the wrong column doubles what is open. A 坏账收回 on 借方 is the usual entry, not said.
 */
export function receiptsOnDebit(rows: readonly LedgerRow[]): number[] {
  const out: number[] = [];
  if (!rows.some((r) => r.source.sided)) return out;
  const says = (text: string | null): boolean => text !== null && isReceiptType(text) && !REINSTATED.test(text);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (!r.source.sided || r.moneySign("amount") !== 1) continue;
    const received = r.moneySign("received");
    if (received === 1 || received === -1) continue;
    const t = r.type;
    if (says(t) || (t === null && says(r.note))) out.push(k);
  }
  return out;
}

/**
 * A ledger with one amount column beside a running 余额, amounts written unsigned (a hand-kept
 * 应收登记表: 发货 30,000 then 收款 20,000): a line is a credit (贷方) when the balance after it is
 * the previous line's (same customer) less its amount, or, where the balances cannot tell (the
 * first line of a customer, a blank or a slipped balance), when its 摘要 or type says it is a
 * receipt (收款, 回款…). Its amount moves to `received`. Returns the lines so read (store
 * indices), for the reading to say. Amounts off the fen fast path are left as they are.
 */
export function unsignedCredits(store: LedgerStore): number[] {
  const amount = store.fen.amount;
  const balance = store.fen.balance;
  const out: number[] = [];
  if (amount === null || balance === null) return out;
  const customer = store.text.customer;
  let prev = NaN;
  let prevCustomer: string | null | undefined = undefined;
  for (let i = 0; i < store.length; i++) {
    const a = amount[i];
    const b = store.derived[i] === 1 ? NaN : balance[i];
    const c = customer === null ? null : customer[i];
    // A customer's first line starts from nothing; a later one from the line before (NaN when that
    // line's balance is blank: the balances cannot tell).
    const before = c !== prevCustomer ? 0 : prev;
    prev = b;
    prevCustomer = c;
    if (!(a > 0) || store.opening[i] !== 0) continue;
    const saysFell = before === before && b === b && b === before - a;
    const saysRose = before === before && b === b && b === before + a;
    if (saysFell || (!saysRose && saysReceipt(store, i))) {
      store.setMoney("received", i, a, null);
      store.setMoney("amount", i, NaN, null);
      out.push(i);
    }
  }
  return out;
}

/**
 * Due dates of lines whose credit term is in months or month-end settlement (cell-reader
 * CreditTerm): 3个月 from 2011-01-31 is 2011-04-30 (Civil Code art. 202: the corresponding day of
 * the last month, else its last day); 月结60天 from 2011-03-05 is 2011-03-31 + 60 = 2011-05-30;
 * 次月结 from 2011-03-05 is 2011-04-30. A
 * line's own due date wins; a line without a date arisen is left to the missing-date issue.
 */
export function applyCreditTerms(store: LedgerStore): void {
  if (store.creditTerms.size === 0) return;
  const arisen = store.date.dateArisen;
  if (arisen === null) return;
  const own = store.date.dueDate;
  const due = store.dateColumn("dueDate");
  for (const [i, term] of store.creditTerms) {
    const a = arisen[i];
    if (a !== a || (own !== null && own[i] === own[i])) continue;
    due[i] = dueWithTerm(a, term);
  }
}

/**
 * A hand-kept 台账 that writes a customer once, on the first line of its block, and leaves the
 * cell blank below (not merged: merged cells are filled by fillMergedDown): each blank is the
 * customer of the line right above it. Only when every line without a customer continues one
 * (the sheet row just above is a line with a customer, or another such continuation, or only a
 * period's total lines stand between: `totalsOnly`) and there are at least two: a blank after a
 * customer's 小计, a blank line or the header is a customer missing, and then nothing is filled.
 * A receipt without a customer stays without one (money to identify), except in an account book
 * (`accountBook`: 借方, 贷方 and a running 余额, a T3 客户往来明细账 that names each customer on its
 * block's first line), where every line of a block is an entry of that customer's account.
 * Returns the lines filled (store indices), for the reading to say.
 */
export function fillCustomerDown(store: LedgerStore, options: { accountBook?: boolean; totalsOnly?: (from: number, to: number) => boolean } = {}): number[] {
  const customer = store.text.customer;
  const out: number[] = [];
  if (customer === null) return out;
  const amount = store.fen.amount;
  const received = store.fen.received;
  const code = store.text.customerCode;
  const rows = store.sheetRow;
  for (let i = 0; i < store.length; i++) {
    if (customer[i] !== null && customer[i] !== undefined) continue;
    // A receipt without a customer is money not yet identified (待查), never the line above's.
    const a = amount === null ? NaN : amount[i];
    const receipt = a < 0 || (!(a > 0) && received !== null && received[i] > 0) || saysReceipt(store, i);
    // In an account book, a receipt is the block's only where its 余额 carries on from the line
    // above (a 待查 receipt with a blank 余额, or one the balance does not follow, is not).
    if (receipt && (options.accountBook !== true || i === 0 || !balanceCarriesOn(store, i - 1, i))) continue;
    // Continues the line above it on the sheet, which has (or was given) a customer, and names
    // no other customer code.
    const otherCode = code !== null && code[i] !== null && code[i] !== undefined && i > 0 && code[i] !== code[i - 1];
    const adjacent = i > 0 && (rows[i] === rows[i - 1] + 1 || (options.accountBook === true && options.totalsOnly !== undefined && options.totalsOnly(rows[i - 1], rows[i])));
    if (!adjacent || otherCode || customer[i - 1] === null || customer[i - 1] === undefined) {
      for (const k of out) customer[k] = null;
      return [];
    }
    customer[i] = customer[i - 1];
    out.push(i);
  }
  if (out.length < 2) {
    for (const k of out) customer[k] = null;
    return [];
  }
  return out;
}

/** A stated 余额 signed by its 方向 (贷 negative, 平 zero), in fen; NaN when blank or off the fast path. */
function signedBalanceFen(store: LedgerStore, i: number): number {
  const f = store.fen.balance?.[i] ?? NaN;
  const dir = store.text.direction?.[i] ?? null;
  if (dir === null) return f;
  const t = dir.normalize("NFKC").trim().toLowerCase();
  if (NIL_WORDS.has(t)) return 0;
  return CREDIT_WORDS.has(t) ? -f : f;
}

/** Whether line `i`'s stated 余额 is line `prev`'s plus its 借方 less its 贷方 (a running balance carried on). */
function balanceCarriesOn(store: LedgerStore, prev: number, i: number): boolean {
  const before = signedBalanceFen(store, prev);
  const after = signedBalanceFen(store, i);
  const debit = store.fen.amount?.[i] ?? NaN;
  const credit = store.fen.received?.[i] ?? NaN;
  return before === before && after === after && after === before + (debit === debit ? debit : 0) - (credit === credit ? credit : 0);
}

/**
 * A total line within one account's block (本月合计, 本期合计, 过次页), as against a customer's 小计,
 * a grand 合计 or a 本年累计, which end a block (the next customer's first line names it).
 */
const PERIOD_TOTAL = /^(?:本(?:日|月|季|期|季度)|当月|当期)(?:发生额)?(?:合计|累计|小计|发生)$|^当前合计$|^(?:承前页|过次页|转下页|接上页|承上页|过下页|转次页)$/;

/** Whether every sheet row strictly between `from` and `to` is a period's total line (skipped rows, by sheet row). */
export function onlyPeriodTotalsBetween(skipped: readonly SkippedRow[]): (from: number, to: number) => boolean {
  const totals = new Set<number>();
  for (const s of skipped) {
    if (s.reason !== "subtotal" && s.reason !== "carry-forward") continue;
    if (PERIOD_TOTAL.test(simplifiedForMatching(s.text.normalize("NFKC")).replace(/\s+/g, "").replace(/[:：]+$/, ""))) totals.add(s.row);
  }
  return (from, to) => {
    for (let r = from + 1; r < to; r++) if (!totals.has(r)) return false;
    return to > from;
  };
}

/** A line between the blocks of one sheet naming the customer of the lines below it (客户：成都锦城建材, 往来单位：[0103]泸州老窖): 1-based sheet row and the name. */
export interface GroupLine {
  row: number;
  name: string;
  column: string;
  text: string;
}

/**
 * The lines below the header that name a customer and hold nothing else (a 金蝶 应收款明细表
 * grouped by customer: 客户：…, then its entries, then its 小计). Only for a sheet without a
 * customer column; every row is looked at, but a row whose first filled cell is not text costs
 * one typeof.
 */
export function customerGroupLines(values: readonly unknown[][], dataStart: number, origin: SheetOrigin): GroupLine[] {
  const out: GroupLine[] = [];
  for (let r = dataStart; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    let only = -1;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === "") continue;
      if (only >= 0 || typeof v === "number" || v instanceof Date) {
        only = -2;
        break;
      }
      only = c;
    }
    if (only < 0) continue;
    const found = customerInLine(row);
    if (found !== null) out.push({ row: origin.row + r, name: found.name, column: columnLetter(found.index, origin), text: found.text });
  }
  return out;
}

/** Each line's customer from the group line above it. Returns the lines above the first, left without one (store indices), for the reading to say. */
export function fillGroupCustomers(store: LedgerStore, groups: readonly GroupLine[]): number[] {
  const col = store.textColumn("customer");
  const none: number[] = [];
  let g = -1;
  for (let i = 0; i < store.length; i++) {
    while (g + 1 < groups.length && groups[g + 1].row < store.sheetRow[i]) g++;
    if (col[i] !== null && col[i] !== undefined) continue;
    if (g >= 0) col[i] = groups[g].name;
    else none.push(i);
  }
  return none;
}

/** The customer named in a title line, written into every row of the sheet that has none. */
export function fillTitleCustomer(store: LedgerStore, name: string): void {
  const col = store.textColumn("customer");
  for (let i = 0; i < store.length; i++) if (col[i] === null || col[i] === undefined) col[i] = name;
}

/**
 * The first day of the period an undated opening line (期初余额, 上年结转) stands at: the start of
 * the fiscal year (Chinese books run from 1 January) of the ledger's first dated entry, else of
 * the year its header names. Never the first entry's own date: an opening balance is older than
 * every entry after it, and its age is a lower bound (a probe's 期初余额 was aged from 2011-02-18,
 * its customer's first entry, and fell a band too young).
 */
export function periodStart(store: LedgerStore, bannerYear: number | null): DayNumber | null {
  const arisen = store.date.dateArisen;
  let first = Infinity;
  if (arisen !== null) for (let i = 0; i < store.length; i++) if (arisen[i] === arisen[i] && arisen[i] < first) first = arisen[i];
  if (first !== Infinity) return fromYmd(toYmd(first).y, 1, 1);
  return bannerYear === null ? null : fromYmd(bannerYear, 1, 1);
}

/** A customer code written before the name ("0101 成都锦城建材", "[0103]雅安雨城茶业", "（C012）甲公司"). */
const CODE_BEFORE_NAME = /^[[【(（]?\s*([A-Za-z]{0,3}\d{3,}[A-Za-z0-9-]*)\s*[\]】)）]?\s*(\S.*)$/;
/** A mark after the name (甲公司（已注销）, 乙公司(停用)): the customer's state, not another customer. */
const MARK_AFTER_NAME = /^(.+?)\s*[(（]\s*(?:已?注销|已?吊销|已?停用|已?作废|已?撤销|已?关闭|已?破产|已?清算|清算中|closed|inactive|deregistered)\s*[)）]$/i;

/**
 * One customer written two ways in one ledger: with its code before the name on some lines and
 * the name alone on others (U8 writes 0101 成都锦城… on an invoice, 成都锦城… on its receipt), or
 * with a mark after it (甲公司（已注销）). Where the bare name is also a customer of the ledger,
 * those lines are read as it: each way was its own customer, the receipts parked as advances and
 * the invoices left open (a probe's ledger gave 90,000 open for 40,000). A code or a mark on a
 * name that appears nowhere bare is left as written (1 号店 and 2 号店 stay two customers).
 * Returns how many lines were read so.
 */
export function unifyCustomerNames(store: LedgerStore): number {
  const customers = store.text.customer;
  if (customers === null) return 0;
  // Most ledgers have neither: a look at each name's first and last character says so.
  let candidates = false;
  for (let i = 0; i < store.length && !candidates; i++) {
    const c = customers[i];
    if (c === null || c === undefined || c.length === 0) continue;
    const first = c.charCodeAt(0);
    const last = c.charCodeAt(c.length - 1);
    candidates = (first >= 0x30 && first <= 0x39) || (first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a) || first === 0x5b || first === 0x3010 || first === 0x28 || first === 0xff08 || last === 0x29 || last === 0xff09;
  }
  if (!candidates) return 0;
  const bare = new Set<string>();
  for (let i = 0; i < store.length; i++) {
    const c = customers[i];
    if (c !== null && c !== undefined) bare.add(c.trim());
  }
  const renamed = new Map<string, string | null>();
  const renameOf = (name: string): string | null => {
    let out = renamed.get(name);
    if (out !== undefined) return out;
    out = null;
    const t = name.trim();
    const code = CODE_BEFORE_NAME.exec(t);
    if (code !== null && bare.has(code[2].trim())) out = code[2].trim();
    const mark = MARK_AFTER_NAME.exec(out ?? t);
    if (mark !== null && bare.has(mark[1].trim())) out = mark[1].trim();
    renamed.set(name, out);
    return out;
  };
  let count = 0;
  for (let i = 0; i < store.length; i++) {
    const c = customers[i];
    if (c === null || c === undefined) continue;
    const to = renameOf(c);
    if (to === null) continue;
    customers[i] = to;
    count++;
  }
  return count;
}
