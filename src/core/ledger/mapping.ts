/**
 * Column mapping: which column holds which field. Detection proposes one from the header
 * (headers.ts), the caller may override any part of it, and a table cannot be read without its
 * required fields.
 */
import { columnLetterOf, sheetColumnOf } from "../column-letters";
import { ArError } from "../errors";
import {
  type FieldDeclaration,
  type HeaderDetection,
  type LedgerField,
  normalizeLabel,
  type TableSchema,
} from "./headers";

/** field -> 0-based column index into the row arrays. */
type ColumnMapping<F extends string = LedgerField> = Partial<Record<F, number>>;

/**
 * How a caller names a column: a 0-based index into the row arrays, a column letter as the
 * sheet shows it ("F"; the sheet's own letter, so it accounts for options.origin), or the
 * header text as written ("应收余额").
 */
export type ColumnRef = number | string;

/** An explicit mapping: each field to a column, or null to leave a detected field unread. */
export type MappingOverride<F extends string = LedgerField> = Partial<Record<F, ColumnRef | null>>;

/** Where the row arrays sit in the sheet: values[0][0] is at sheet row `row`, column `column` (both 1-based). */
export interface SheetOrigin {
  row: number;
  column: number;
}

export const DEFAULT_ORIGIN: SheetOrigin = { row: 1, column: 1 };

// Re-exported for the tests that still import them from here.
export { columnLetterOf, sheetColumnOf };

/** The sheet letter of a 0-based index into the row arrays. */
export function columnLetter(index: number, origin: SheetOrigin = DEFAULT_ORIGIN): string {
  return columnLetterOf(index + origin.column);
}


export interface MappedColumn<F extends string = LedgerField> {
  field: F;
  index: number;
  letter: string;
  /** The header text ("" when the column has none, e.g. an explicit mapping without a header). */
  header: string;
  /** 1 exact synonym or explicit, 0.6 a synonym inside the header. */
  quality: number;
  source: "detected" | "explicit";
}

interface UnmappedColumn {
  index: number;
  letter: string;
  header: string;
}

/** A field more than one column could hold, or a header that names more than one field. */
interface AmbiguousField<F extends string = LedgerField> {
  field: F;
  /** The column read for the field. */
  chosen: UnmappedColumn;
  /** Other columns whose header also names the field (not read). */
  others: UnmappedColumn[];
  /** Other fields the chosen header also names, as closely. */
  alsoFields: F[];
}

export interface MappingResult<F extends string = LedgerField> {
  mapping: ColumnMapping<F>;
  /** Mapped columns in column order. */
  columns: MappedColumn<F>[];
  /** Header cells naming no field (row-number columns such as 序号 excepted). */
  unmapped: UnmappedColumn[];
  ambiguous: AmbiguousField<F>[];
  /**
   * How sure detection is, in [0, 1], two decimals: the mapped columns' qualities over the
   * columns with a header (mapped, unmapped, or losing a field to another column). 1 when every
   * header names its own field exactly.
   */
  confidence: number;
}

function ref(index: number, header: string, origin: SheetOrigin): UnmappedColumn {
  return { index, letter: columnLetter(index, origin), header };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function confidenceOf(columns: readonly MappedColumn<string>[], unread: number): number {
  const denominator = columns.length + unread;
  if (denominator === 0) return 0;
  let sum = 0;
  for (const c of columns) sum += c.quality;
  return round2(sum / denominator);
}

/**
 * The mapping a detected header proposes. When several columns name one field, the best match
 * wins (exact over contained, then the synonym listed first — 开票日期 before 入账日期 — then
 * the leftmost column); the others are reported in `ambiguous`.
 */
function vatRank(field: string, synonym: string): number {
  return field === "amount" && /价税合计|含税/.test(synonym) ? 0 : 1;
}

/**
 * The date a header gives (截至2024年6月30日余额, 2024.05 余额, 2024年5月 余额: a month is its last day
 * for ordering), as yyyymmdd; 0 for a header without one.
 */
function headerDate(text: string): number {
  const m = /(\d{4})\s*[年.\-/]\s*(\d{1,2})(?:\s*[月.\-/]\s*(\d{1,2}))?/.exec(text.normalize("NFKC"));
  if (m === null) return 0;
  return Number(m[1]) * 10000 + Number(m[2]) * 100 + (m[3] === undefined ? 31 : Number(m[3]));
}

/** Of two columns both dated by their headers (a balance at 5月31日 and at 6月30日), the later first: it is the list as it stands. */
function laterFirst(a: string, b: string): number {
  const da = headerDate(a);
  const db = headerDate(b);
  return da > 0 && db > 0 ? db - da : 0;
}

function currencyRank(currency: "home" | "foreign" | null): number {
  return currency === "home" ? 0 : currency === null ? 1 : 2;
}

export function mappingFromHeader<F extends string>(header: HeaderDetection<F>, origin: SheetOrigin = DEFAULT_ORIGIN): MappingResult<F> {
  const byField = new Map<F, HeaderDetection<F>["columns"]>();
  const unmapped: UnmappedColumn[] = [];
  for (const col of header.columns) {
    if (col.match === null) {
      if (!col.ignored) unmapped.push(ref(col.index, col.text, origin));
      continue;
    }
    const list = byField.get(col.match.field);
    if (list === undefined) byField.set(col.match.field, [col]);
    else list.push(col);
  }
  const columns: MappedColumn<F>[] = [];
  const ambiguous: AmbiguousField<F>[] = [];
  const mapping: ColumnMapping<F> = {};
  let losers = 0;
  for (const [field, candidates] of byField) {
    const sorted = [...candidates].sort((a, b) => {
      const ma = a.match;
      const mb = b.match;
      if (ma === null || mb === null) return 0;
      // A money column in the books' own currency (本位币) before one in the original (原币); the
      // amount with VAT (价税合计) before an ERP list's 金额 beside it, which is before tax.
      return currencyRank(a.label.currency) - currencyRank(b.label.currency) || vatRank(field, ma.synonym) - vatRank(field, mb.synonym) || laterFirst(a.text, b.text) || mb.quality - ma.quality || ma.rank - mb.rank || a.index - b.index;
    });
    const [chosen, ...others] = sorted;
    const match = chosen.match;
    if (match === null) continue;
    mapping[field] = chosen.index;
    columns.push({ field, index: chosen.index, letter: columnLetter(chosen.index, origin), header: chosen.text, quality: match.quality, source: "detected" });
    losers += others.length;
    if (others.length > 0 || match.alsoMatched.length > 0) {
      ambiguous.push({
        field,
        chosen: ref(chosen.index, chosen.text, origin),
        others: others.map((o) => ref(o.index, o.text, origin)),
        alsoFields: [...match.alsoMatched],
      });
    }
  }
  columns.sort((a, b) => a.index - b.index);
  return { mapping, columns, unmapped, ambiguous, confidence: confidenceOf(columns, unmapped.length + losers) };
}

function mappingError(id: string, zh: string, en: string, table: string): ArError {
  return new ArError(id, { "zh-CN": zh, "en-US": en }, { excel: "#VALUE!", field: table });
}

interface OverrideContext<F extends string> {
  sheet: string;
  schema: TableSchema<F>;
  /** Number of columns in the rows (an index must be below it). */
  width: number;
  origin: SheetOrigin;
  header: HeaderDetection<F> | null;
}

function resolveRef<F extends string>(field: F, value: ColumnRef, ctx: OverrideContext<F>): number {
  const where = `工作表“${ctx.sheet}”`;
  const whereEn = `sheet "${ctx.sheet}"`;
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0 || value >= Math.max(ctx.width, 1)) {
      throw mappingError(
        "ledger.mapping-invalid",
        `${where}：字段“${field}”指定的列序号 ${String(value)} 无效，应为 0 到 ${Math.max(ctx.width - 1, 0)} 之间的整数（从 0 起算）。`,
        `In ${whereEn}, the column index ${String(value)} given for field "${field}" is invalid: expected a whole number from 0 to ${Math.max(ctx.width - 1, 0)} (0-based).`,
        ctx.schema.key,
      );
    }
    return value;
  }
  if (typeof value === "string") {
    const sheetColumn = sheetColumnOf(value);
    if (!Number.isNaN(sheetColumn)) {
      const index = sheetColumn - ctx.origin.column;
      if (index >= 0 && index < Math.max(ctx.width, 1)) return index;
      throw mappingError(
        "ledger.mapping-invalid",
        `${where}：字段“${field}”指定的列 ${value.trim().toUpperCase()} 不在所读区域内（${columnLetter(0, ctx.origin)} 至 ${columnLetter(Math.max(ctx.width - 1, 0), ctx.origin)}）。`,
        `In ${whereEn}, column ${value.trim().toUpperCase()} given for field "${field}" is outside the range read (${columnLetter(0, ctx.origin)} to ${columnLetter(Math.max(ctx.width - 1, 0), ctx.origin)}).`,
        ctx.schema.key,
      );
    }
    const wanted = normalizeLabel(value);
    const col = ctx.header?.columns.find((c) => normalizeLabel(c.text) === wanted || c.label.base === wanted);
    if (col !== undefined && wanted !== "") return col.index;
  }
  throw mappingError(
    "ledger.mapping-invalid",
    `${where}：字段“${field}”指定的列“${String(value)}”无法识别。应为列字母（如 F）、从 0 起算的列序号，或表头中的列名。`,
    `In ${whereEn}, the column "${String(value)}" given for field "${field}" is not recognised: expected a column letter (e.g. F), a 0-based column index, or a header text of the sheet.`,
    ctx.schema.key,
  );
}

/**
 * The detected mapping with the caller's explicit one laid over it. An explicit column wins:
 * a field detection had put on that column loses it. null removes a field. Throws ArError
 * "ledger.mapping-invalid" for an unknown field or a column that is not in the rows, and
 * "ledger.mapping-conflict" when two fields are given the same column.
 */
export function applyOverride<F extends string>(
  detected: MappingResult<F>,
  override: MappingOverride<F> | Partial<Record<string, ColumnRef | null>>,
  ctx: OverrideContext<F>,
): MappingResult<F> {
  const known = new Map<string, FieldDeclaration<F>>(ctx.schema.fields.map((d) => [d.field, d]));
  const explicit = new Map<F, number | null>();
  const taken = new Map<number, F>();
  for (const [key, value] of Object.entries(override) as [string, ColumnRef | null | undefined][]) {
    if (value === undefined) continue;
    const decl = known.get(key);
    if (decl === undefined) {
      throw mappingError(
        "ledger.mapping-invalid",
        `工作表“${ctx.sheet}”：列映射中的字段“${key}”不存在。可用字段：${ctx.schema.fields.map((d) => d.field).join("、")}。`,
        `Sheet "${ctx.sheet}": the column mapping names an unknown field "${key}". Known fields: ${ctx.schema.fields.map((d) => d.field).join(", ")}.`,
        ctx.schema.key,
      );
    }
    const field = decl.field;
    if (value === null) {
      explicit.set(field, null);
      continue;
    }
    const index = resolveRef(field, value, ctx);
    const other = taken.get(index);
    if (other !== undefined) {
      throw mappingError(
        "ledger.mapping-conflict",
        `工作表“${ctx.sheet}”：列映射把字段“${other}”和“${field}”都指向 ${columnLetter(index, ctx.origin)} 列；一列只能对应一个字段。`,
        `Sheet "${ctx.sheet}": the column mapping puts both "${other}" and "${field}" on column ${columnLetter(index, ctx.origin)}; a column holds one field.`,
        ctx.schema.key,
      );
    }
    taken.set(index, field);
    explicit.set(field, index);
  }
  if (explicit.size === 0) return detected;

  const headerText = new Map<number, string>((ctx.header?.columns ?? []).map((c) => [c.index, c.text]));
  const columns: MappedColumn<F>[] = [];
  const mapping: ColumnMapping<F> = {};
  for (const c of detected.columns) {
    if (explicit.has(c.field) || taken.has(c.index)) continue;
    columns.push(c);
    mapping[c.field] = c.index;
  }
  for (const [field, index] of explicit) {
    if (index === null) continue;
    mapping[field] = index;
    columns.push({ field, index, letter: columnLetter(index, ctx.origin), header: headerText.get(index) ?? "", quality: 1, source: "explicit" });
  }
  columns.sort((a, b) => a.index - b.index);
  const mappedIndices = new Set(columns.map((c) => c.index));
  const unmapped = [
    ...detected.unmapped.filter((u) => !mappedIndices.has(u.index)),
    ...detected.columns.filter((c) => !mappedIndices.has(c.index)).map((c) => ref(c.index, c.header, ctx.origin)),
  ].sort((a, b) => a.index - b.index);
  const ambiguous = detected.ambiguous.filter((a) => !explicit.has(a.field));
  const losers = ambiguous.reduce((n, a) => n + a.others.filter((o) => !mappedIndices.has(o.index)).length, 0);
  return { mapping, columns, unmapped, ambiguous, confidence: confidenceOf(columns, unmapped.length + losers) };
}

/** The required groups (TableSchema.required) the mapping leaves without any column. */
export function missingRequired<F extends string>(schema: TableSchema<F>, mapping: ColumnMapping<F>, provided: ReadonlySet<F> = new Set()): (readonly F[])[] {
  return schema.required.filter((group) => group.every((f) => mapping[f] === undefined && !provided.has(f)));
}

function synonymsFor(decl: FieldDeclaration, max: number): string {
  return [...decl.zh, ...decl.en]
    .map((s) => (s.startsWith("=") ? s.slice(1) : s))
    .slice(0, max)
    .join("/");
}

/** "客户（客户/客户名称/…）或…" for messages: the fields of required groups and some of their header words. */
export function describeGroups<F extends string>(schema: TableSchema<F>, groups: readonly (readonly F[])[], lang: "zh" | "en"): string {
  const byField = new Map<string, FieldDeclaration>(schema.fields.map((d) => [d.field, d]));
  return groups
    .map((group) =>
      group
        .map((f) => {
          const decl = byField.get(f);
          if (decl === undefined) return f;
          return lang === "zh" ? `${decl.label["zh-CN"]}（${synonymsFor(decl, 6)}）` : `${decl.label["en-US"]} (${synonymsFor(decl, 6)})`;
        })
        .join(lang === "zh" ? " 或 " : " or "),
    )
    .join(lang === "zh" ? "；" : "; ");
}

// Headers of an aging analysis's columns (1-30天, 31-60天, 1年以内, 1-2年, 3年以上, 1至2年…) and
// of a balance table's (期初余额, 本期发生, 本期借方, 期末余额).
const AGE_COLUMN = /^(\d+\s*[-—–~至到]\s*\d+\s*(天|日|个?月|年)|\d+\s*(天|日|个?月|年)(以内|以上|以下)|(半年|一年|两年|三年)(以内|以上))/;
const BALANCE_COLUMN = /^(期初|年初|本期|本年|期末|年末)(余额|发生|借方|贷方|累计)/;

/** Whether a header that lacks dates is a summary: an aging analysis or a balance table (null when neither). */
function summaryTableKind<F extends string>(result: MappingResult<F>): "aging" | "balance" | null {
  const headers = [...result.columns.map((c) => c.header), ...result.unmapped.map((c) => c.header)].map((h) => h.normalize("NFKC").replace(/\s+/g, ""));
  if (headers.filter((h) => AGE_COLUMN.test(h)).length >= 2) return "aging";
  if (headers.filter((h) => BALANCE_COLUMN.test(h.replace(/^.*\//, ""))).length >= 2 || headers.filter((h) => BALANCE_COLUMN.test(h)).length >= 2) return "balance";
  return null;
}

/** Throws ArError "ledger.missing-columns" naming every required field the mapping lacks. */
export function requireColumns<F extends string>(
  schema: TableSchema<F>,
  result: MappingResult<F>,
  sheet: string,
  headerRow: number | null,
  provided: ReadonlySet<F> = new Set(),
): void {
  const missing = missingRequired(schema, result.mapping, provided);
  if (missing.length === 0) return;
  const found = result.columns.map((c) => `${c.letter}:${c.header === "" ? c.field : c.header}`).join(", ");
  const at = headerRow === null ? "" : `第 ${headerRow} 行的`;
  const atEn = headerRow === null ? "" : ` in row ${headerRow}`;
  const summary = schema.key === "ledger" && missing.some((g) => (g as readonly string[]).includes("dateArisen")) ? summaryTableKind(result) : null;
  if (summary !== null) {
    const what = summary === "aging" ? { zh: "账龄分析表（按账龄段列示每个客户的余额）", en: "an aging analysis (each customer's balance spread over age columns)" } : { zh: "余额表（每个客户的期初、本期发生和期末余额）", en: "a balance table (each customer's opening, movements and closing balance)" };
    throw mappingError(
      "ledger.missing-columns",
      `工作表“${sheet}”是${what.zh}，只有汇总数，没有逐笔款项的发生日期或到期日，无法按制度逐笔计算账龄和坏账准备。请从财务软件导出应收账款明细账（客户往来明细账）或应收单列表（含单据日期）再检查。已识别的列：${found === "" ? "无" : found}。`,
      `Sheet "${sheet}" is ${what.en}: it holds totals only, with no date arisen or due date per item, so items cannot be aged and provided for as the policy says. Export the receivables detail ledger (客户往来明细账) or the list of receivable bills (with their dates) from the accounting system and check that. Columns recognised: ${found === "" ? "none" : found}.`,
      schema.key,
    );
  }
  // A sheet per customer names its customer on the tab only: the tab is not read as one (a tab is
  // often 1月, Sheet1 or a short name), so say how the customer can be given.
  const noCustomer = schema.key === "ledger" && missing.some((g) => (g as readonly string[]).includes("customer"));
  const customerZh = noCustomer ? "客户不取自工作表名称：一户一表的明细账，请在表头上方写一行“客户：××公司”或“科目：1122 应收账款—××公司”，或加一列客户名称。" : "";
  const customerEn = noCustomer ? " The customer is not taken from the sheet's name: for a sheet per customer, write a line above the header such as 客户：XX公司 or 科目：1122 应收账款—XX公司, or add a customer column." : "";
  throw mappingError(
    "ledger.missing-columns",
    `工作表“${sheet}”${at}表头缺少必需的列：${describeGroups(schema, missing, "zh")}。已识别的列：${found === "" ? "无" : found}。可把表头改为常用的列名（如“客户名称”“发生日期”“金额”“余额”），或在任务窗格的“列对应”中指定这些列。${customerZh}`,
    `Sheet "${sheet}": the header${atEn} lacks required columns: ${describeGroups(schema, missing, "en")}. Columns recognised: ${found === "" ? "none" : found}. Rename the headers to usual names (客户名称, 发生日期, 金额, 余额: customer, date, amount, balance), or map these columns in the task pane's column mapping.${customerEn}`,
    schema.key,
  );
}
