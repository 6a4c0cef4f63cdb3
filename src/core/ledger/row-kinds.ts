/**
 * Row classification: which rows of a table are data, and why the others are not (blank,
 * subtotal, carry-forward, repeated header, note). Runs once per row of up to a million: no
 * allocation per row.
 */
import { normalizeLabel, unwrapCell } from "./headers";
import { trimmed as trimmedText } from "./cell-text";
import { simplifiedForMatching } from "../traditional";
import type { SkippedRow, SkipReason } from "./parse-issues";
import type { OpenedTable } from "./table";

// Taken once: through tsx (CommonJS) every use of an imported name calls a getter (cell-reader.ts).
const trimmed = trimmedText;
const simplified = simplifiedForMatching;

const ZH_TOTAL_WORDS = ["合计", "小计", "总计", "累计"];
/** 汇总 and 共计 only as the whole cell or its last word after a space ("甲公司 共计"): 汇总开票, 按月汇总 and 共计3张 are values. */
const ZH_SPACED_TOTAL = /(?:^|\s)(?:汇总|共计)\s*[:：]?$/;
const CARRY_WORDS = /^(承前页|过次页|转下页|接上页|承上页|过下页|转次页)/;
const EN_TOTAL = /^(grand\s*|sub-?\s*)?totals?(\s*\(.*\))?$|\s(sub-?)?totals?$|^sum$/;
const EN_CARRY = /^(brought|carried)\s+forward$|^(b\/f|c\/f)$/;
/** Every marker contains 计, 总 or 页 (計, 總, 頁), or one of the letters t, m, f (total, sum, forward, b/f). */
const MARKER_SCREEN = /[计页總总計頁TMFtmf]/;

/**
 * Whether a text cell marks a subtotal or a page carry-forward line. Chinese: the text ends
 * with 合计/小计/总计/累计 ("本月合计", "成都军通小计") or, after a space, 汇总/共计 ("甲公司 共计"), or starts with one followed by at most
 * two more characters besides a parenthesis ("合计：", "小计(华东区)", "总计金额") — so a
 * customer named "总计科技有限公司" is not a subtotal. English: "Total", "Subtotal (East)",
 * "Grand total", "... total", "Sum" — "Total Telecom Ltd" is a customer.
 */
export function totalMarker(text: string): "subtotal" | "carry-forward" | null {
  // Cheap screen first: it runs on every text cell of every row, and almost none is a marker.
  if (!MARKER_SCREEN.test(text)) return null;
  let ji = false;
  let ye = false;
  let letters = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x8ba1 || c === 0x8a08 || c === 0x603b || c === 0x7e3d) ji = true;
    else if (c === 0x9875 || c === 0x9801) ye = true;
    else if (c < 0x80) {
      const lower = c | 0x20;
      if (lower === 0x74 || lower === 0x6d || lower === 0x66) letters = true;
    }
  }
  const latin = letters && /otal|um|orward|[bc]\/f/i.test(text);
  if (!ji && !ye && !latin) return null;
  const t = simplified(text.normalize("NFKC")).toLowerCase().replace(/\s+/g, "").replace(/[:：]+$/, "");
  if (ye && CARRY_WORDS.test(t)) return "carry-forward";
  if (ji) {
    if (ZH_SPACED_TOTAL.test(simplified(text.normalize("NFKC")).trim())) return "subtotal";
    for (const w of ZH_TOTAL_WORDS) {
      if (t.endsWith(w)) return "subtotal";
      if (t.startsWith(w)) {
        const rest = t.slice(w.length).replace(/\([^)]*\)/g, "").replace(/[^\p{L}\p{N}]/gu, "");
        if (rest.length <= 2) return "subtotal";
      }
    }
  }
  if (latin) {
    const s = text.normalize("NFKC").toLowerCase().trim().replace(/\s*:+$/, "").replace(/\s+/g, " ");
    if (EN_TOTAL.test(s)) return "subtotal";
    if (EN_CARRY.test(s)) return "carry-forward";
  }
  return null;
}

const ROW_DATA = 0;
const ROW_BLANK = 1;
const ROW_SUBTOTAL = 2;
const ROW_CARRY = 3;
const ROW_REPEATED_HEADER = 4;
const ROW_NOTE = 5;
const ROW_CLOSING = 6;
const ROW_FOOTER = 7;
const ROW_OPENING = 8;
/** 其中：…, 减：…: an analysis of a total, skipped as a note; only outside free-text columns (a 摘要 may begin 减：销售折让 on a real line). */
const ROW_ANALYSIS = 9;
const SKIP_REASONS: readonly (SkipReason | null)[] = [null, "blank", "subtotal", "carry-forward", "repeated-header", "note", "closing", "footer", null];

/** What a data row is besides an ordinary line. */
type RowRole = "line" | "opening" | "brought-forward";

/** A carry line that brings a page's balance forward (承前页, 接上页, brought forward), as against one that carries it to the next page (过次页). */
const BROUGHT_FORWARD = /^(承前页|接上页|承上页|brought\s+forward|b\/f)/i;

/** The kind of a line that states the ledger's own figures (control-totals.ts reconciles them). */
export type StatedLineKind = "subtotal" | "carry-forward" | "closing";

// Special lines, recognised in any text column (摘要 included) by the whole cell, so a note that
// merely contains a word ("累计欠款三年") is not one. Text is compared after NFKC, without white
// space and without the punctuation around it.
// 当前合计 and 当前累计: U8's 本月合计 and 本年累计 for a month not yet closed.
const SPECIAL_TOTAL = /^(本(日|月|季|期|年|季度|年度)|全年|当月|当期|当前|年度)?(发生额|发生)?(合计|小计|累计|总计|汇总|共计|总额|总金额)$/;
const SPECIAL_CARRY = /^(承前页|过次页|转下页|接上页|承上页|过下页|转次页)$/;
const SPECIAL_CLOSING = /^(结转下年度?|结转下期|结转下月|转下年|转下期|年末余额|期末余额|本期期末余额|月末余额|期末结存)$/;
const SPECIAL_OPENING = /^(期初余额|期初|期初结存|年初余额|月初余额|上年结转|上期结转|上月结转|结转上年|承上年|承上期|上年余额|初始余额|承前期)$/;
// A footer: who made, checked or approved the table, or when it was printed; with a colon and a
// name, or alone. Only on a row without a number (a footer states no amounts).
const SPECIAL_FOOTER = /^(制表人?|编制人?|制单人?|填表人?|审核人?|复核人?|审批人?|财务负责人|财务经理|财务总监|会计主管|财务主管|主管会计|单位负责人|企业负责人|部门负责人|记账人?|出纳|打印日期|打印时间|打印人|制表日期|编制日期|报出日期)(:.*)?$/;
// A statement's confirmation footer (经办人：, 客户确认（盖章）：): only with its colon, as 确认,
// 签收 or 经办 alone may be a line's status.
const SPECIAL_FOOTER_COLON = /^(经办人?|经手人|确认人|(客户|对方|对方单位|债务人)?确认(\(?(盖章|签章|签字|签字盖章)\)?)?|(单位)?(盖章|签章)|签字|签收人?):.*$/;
// A statement's stamp line (对账单位（盖章）, 本公司（公章）：…, 贵单位（签章）): the words in brackets
// end a party's name, which no line of the ledger does.
const SPECIAL_FOOTER_STAMP = /^[^\d]{0,12}\((盖章|签章|公章)\)(:.*)?$/;
// An analysis of the figures above, not a line of its own: 其中：关联方 86,000 under a 合计,
// 减：坏账准备, 加：… Never a receivable (a probe's 其中 line was read as an 86,000 item).
const SPECIAL_ANALYSIS = /^(其中|(减|加)[:：])/;
/** First characters of every special phrase: most cells fail this one lookup. */
const SPECIAL_FIRST = new Set("本全当年发合小累总汇共承过转接结期月上初制编填审复财会主单企部记出打报其减加经确盖签當發總匯彙過轉結製編審複財會單記報減".split("").map((c) => c.charCodeAt(0)));

/** First characters of a confirmation or stamp line that SPECIAL_FIRST leaves out (客户确认, 对账单位（盖章）, 贵公司（盖章）): screened by their words, as most customers' names start with 客户 or 对. */
const CONFIRM_FIRST = new Set("客对债贵我甲乙".split("").map((c) => c.charCodeAt(0)));
/** Last characters of a stamp line (…（盖章）, …（盖章）：), screened before its words are looked for. */
const STAMP_LAST = new Set("）):：".split("").map((c) => c.charCodeAt(0)));
const STAMP_WORDS = /盖章|签章|公章/;

/** What a cell's whole text says the row is, by the special phrases above; ROW_DATA when nothing. */
function specialLine(text: string): number {
  const t = trimmed(text);
  if (t.length === 0 || t.length > 40) return ROW_DATA;
  if (!SPECIAL_FIRST.has(t.charCodeAt(0)) && !(CONFIRM_FIRST.has(t.charCodeAt(0)) && (t.includes("确认") || STAMP_WORDS.test(t))) && !(STAMP_LAST.has(t.charCodeAt(t.length - 1)) && STAMP_WORDS.test(t))) return ROW_DATA;
  const n = simplified(t.normalize("NFKC")).replace(/\s+/g, "").replace(/帐/g, "账");
  if (SPECIAL_FOOTER.test(n) || SPECIAL_FOOTER_COLON.test(n) || SPECIAL_FOOTER_STAMP.test(n)) return ROW_FOOTER;
  if (SPECIAL_ANALYSIS.test(n)) return ROW_ANALYSIS;
  const bare = n.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, "");
  if (SPECIAL_TOTAL.test(bare)) return ROW_SUBTOTAL;
  if (SPECIAL_CARRY.test(bare)) return ROW_CARRY;
  if (SPECIAL_CLOSING.test(bare)) return ROW_CLOSING;
  if (SPECIAL_OPENING.test(bare)) return ROW_OPENING;
  return ROW_DATA;
}

/** What classifyRow needs to know about the table. */
interface RowClassifier {
  /** By column index, true where a subtotal word is not looked for: free text, where "累计" is just a word. */
  freeText: readonly boolean[];
  /** Index and text of a header cell used to spot a repeated header (-1: none). */
  probeIndex: number;
  probeText: string;
  headerTexts: ReadonlyMap<number, string>;
  /** The leftmost header column, whose text names a repeated header in `skipped`. */
  firstIndex: number;
  /** Columns the table reads. */
  mapped: ReadonlySet<number>;
  /**
   * The table's last column: the rightmost column read, and the header cells that run on from it
   * without a gap. A summary table beside the ledger, across an empty column (客户 | 余额 | 合计
   * 174,000), is not the ledger's: its 合计 does not make the ledger's row a total line.
   */
  lastIndex: number;
}

/** The text classifyRow found (a subtotal word, a note line); set with each non-data answer. */
let classifiedText = "";

/** Rows longer than this are visited by the cells present (Array.prototype.forEach skips holes). */
const SPARSE_FROM = 256;
let present = new Int32Array(SPARSE_FROM);

/** Fills `present` with the indices of the row's present cells; returns how many. */
function presentIndices(cells: unknown[]): number {
  let n = 0;
  cells.forEach((_, i) => {
    if (n === present.length) {
      const grown = new Int32Array(present.length * 2);
      grown.set(present);
      present = grown;
    }
    present[n++] = i;
  });
  return n;
}

/**
 * ROW_DATA, ROW_BLANK or the code of a skip reason; no allocation (it runs once per row). Cells
 * right of the table (c.lastIndex) are looked at only when the row has none in it (a footer or a
 * note written off to the side).
 */
function classifyRow(cells: unknown, c: RowClassifier): number {
  const inTable = classifyCells(cells, c, c.lastIndex);
  return inTable === ROW_BLANK && beyondTable ? classifyCells(cells, c, Infinity) : inTable;
}

/** Whether the last classifyCells skipped a filled cell right of its limit. */
let beyondTable = false;

function classifyCells(cells: unknown, c: RowClassifier, limit: number): number {
  beyondTable = false;
  if (!Array.isArray(cells)) return ROW_BLANK;
  let filled = 0;
  let onlyText: string | null = null;
  let onlyIndex = -1;
  let total = ROW_DATA;
  let totalText = "";
  let special = ROW_DATA;
  let specialText = "";
  let numbers = 0;
  // A row as a reader keeps it sparse (a cell far to the right leaves a hole): only the cells
  // present are visited, not every position up to column XFD.
  const dense = cells.length <= SPARSE_FROM;
  const count = dense ? cells.length : presentIndices(cells);
  for (let k = 0; k < count; k++) {
    const i = dense ? k : present[k];
    let v: unknown = cells[i];
    if (v === null || v === undefined || v === "") continue;
    if (i > limit) {
      beyondTable = true;
      continue;
    }
    if (typeof v === "number" || typeof v === "boolean") {
      filled++;
      numbers++;
      onlyText = null;
      continue;
    }
    if (typeof v === "object" && !(v instanceof Date)) v = unwrapCell(v);
    if (typeof v !== "string") {
      if (v === null || v === undefined) continue;
      filled++;
      onlyText = null;
      continue;
    }
    if (trimmed(v) === "") continue;
    filled++;
    onlyText = filled === 1 ? v : null;
    onlyIndex = i;
    if (special === ROW_DATA) {
      special = specialLine(v);
      if (special === ROW_ANALYSIS) special = i < c.freeText.length && c.freeText[i] ? ROW_DATA : ROW_NOTE;
      if (special !== ROW_DATA) specialText = v;
    }
    if (total === ROW_DATA && !(i < c.freeText.length && c.freeText[i])) {
      const m = totalMarker(v);
      if (m !== null) {
        total = m === "subtotal" ? ROW_SUBTOTAL : ROW_CARRY;
        totalText = v;
      }
    }
  }
  if (filled === 0) return ROW_BLANK;
  if (special === ROW_FOOTER && numbers > 0) special = ROW_DATA;
  if (special !== ROW_DATA) {
    classifiedText = specialText.trim();
    return special;
  }
  if (total !== ROW_DATA) {
    classifiedText = totalText.trim();
    return total;
  }
  const probe = c.probeIndex >= 0 ? cells[c.probeIndex] : undefined;
  if (typeof probe === "string" && normalizeLabel(probe) === c.probeText) {
    let same = 0;
    for (const [index, text] of c.headerTexts) {
      const v = cells[index];
      if (typeof v === "string" && normalizeLabel(v) === text) same++;
    }
    if (same * 2 >= c.headerTexts.size) {
      const first = cells[c.firstIndex];
      classifiedText = typeof first === "string" ? first.trim() : probe.trim();
      return ROW_REPEATED_HEADER;
    }
  }
  // One text cell at the left edge or outside the table's columns: a banner, a section title or
  // a footer ("制表人：…"). Alone in a column the table reads, it is a row with values missing.
  if (filled === 1 && onlyText !== null && (onlyIndex <= c.firstIndex || !c.mapped.has(onlyIndex))) {
    classifiedText = onlyText.trim();
    return ROW_NOTE;
  }
  return ROW_DATA;
}

function classifierFor<F extends string>(table: OpenedTable<F>, freeTextFields: readonly string[]): RowClassifier {
  const freeText: boolean[] = [];
  for (const p of table.plan) if (freeTextFields.includes(p.field)) freeText[p.index] = true;
  for (let i = 0; i < freeText.length; i++) freeText[i] = freeText[i] === true; // no holes
  const headerTexts = new Map<number, string>();
  let probeIndex = -1;
  let probeText = "";
  const kinds = new Map(table.plan.map((p) => [p.index, p.kind]));
  for (const col of table.detection?.columns ?? []) {
    if (col.match === null || table.detection?.rowIndices.length !== 1) continue;
    const text = normalizeLabel(col.text);
    headerTexts.set(col.index, text);
    // Probe a money or date column: its data cells are numbers, so most rows cost one typeof.
    const kind = kinds.get(col.index);
    if (probeIndex < 0 || ((kind === "money" || kind === "date") && kinds.get(probeIndex) !== "money" && kinds.get(probeIndex) !== "date")) {
      probeIndex = col.index;
      probeText = text;
    }
  }
  const mapped = new Set(table.plan.map((p) => p.index));
  const firstIndex = Math.min(...headerTexts.keys(), ...mapped);
  let lastIndex = Infinity;
  if (table.detection !== null && table.detection !== undefined && mapped.size > 0) {
    const headed = new Set(table.detection.columns.map((col) => col.index));
    lastIndex = Math.max(...mapped);
    while (headed.has(lastIndex + 1)) lastIndex++;
  }
  return { freeText, probeIndex, probeText, headerTexts, firstIndex: Number.isFinite(firstIndex) ? firstIndex : 0, mapped, lastIndex };
}

/**
 * Walks the data rows, classifying each; calls `onData` for a row to read (with its role: an
 * opening balance line, or an ordinary line), `onStated` for a line that states the ledger's own
 * figures (subtotals, page carry-forwards, closing balances), and records every row not read.
 * Blank rows are listed only when a later row has data (the used range of a sheet often runs far
 * past the table). A footer ends the table: the rows after it are skipped as "footer" until the
 * header comes again (a sheet of several printed blocks).
 */
export function walkRows<F extends string>(
  values: readonly unknown[][],
  table: OpenedTable<F>,
  freeTextFields: readonly string[],
  skipped: SkippedRow[],
  onData: (cells: readonly unknown[], sheetRow: number, valueIndex: number, role: RowRole) => void,
  onStated?: (cells: readonly unknown[], sheetRow: number, kind: StatedLineKind, text: string) => void,
): void {
  const classifier = classifierFor(table, freeTextFields);
  const originRow = table.origin.row;
  let pendingBlankFrom = -1;
  let afterFooter = false;
  let dataSeen = false;
  for (let r = table.dataStart; r < values.length; r++) {
    const cells = values[r];
    const cls = classifyRow(cells, classifier);
    if (cls === ROW_BLANK) {
      if (pendingBlankFrom < 0) pendingBlankFrom = r;
      continue;
    }
    if (pendingBlankFrom >= 0) {
      for (let b = pendingBlankFrom; b < r; b++) skipped.push({ row: originRow + b, reason: "blank", text: "" });
      pendingBlankFrom = -1;
    }
    if (afterFooter) {
      if (cls === ROW_REPEATED_HEADER) afterFooter = false;
      skipped.push({ row: originRow + r, reason: cls === ROW_REPEATED_HEADER ? "repeated-header" : "footer", text: cls === ROW_DATA ? "" : classifiedText });
      continue;
    }
    if (cls === ROW_DATA || cls === ROW_OPENING) {
      dataSeen = true;
      onData(cells, originRow + r, r, cls === ROW_DATA ? "line" : "opening");
    } else if (cls === ROW_CARRY && !dataSeen && onStated !== undefined && BROUGHT_FORWARD.test(simplified(classifiedText.normalize("NFKC")).replace(/\s+/g, ""))) {
      // A page that starts with 承前页 and no earlier page on the sheet: the balance it brings is
      // what the page began with, an opening line (its 借方 and 贷方 are the earlier pages' totals).
      dataSeen = true;
      onData(cells, originRow + r, r, "brought-forward");
    } else {
      if (cls === ROW_FOOTER) afterFooter = true;
      skipped.push({ row: originRow + r, reason: SKIP_REASONS[cls] ?? "note", text: classifiedText });
      if (onStated !== undefined && (cls === ROW_SUBTOTAL || cls === ROW_CARRY || cls === ROW_CLOSING)) {
        onStated(cells, originRow + r, cls === ROW_SUBTOTAL ? "subtotal" : cls === ROW_CARRY ? "carry-forward" : "closing", classifiedText);
      }
    }
  }
}
