/**
 * Ledger headers: which row of a sheet is the header, what each of its columns means, and in
 * what unit its amounts are written.
 *
 * Every table the ledger layer reads (the ledger itself, and the companions in companions.ts)
 * is described by a list of field declarations: a field's key, the kind of value it holds and
 * the header words (zh and en) that name it. Detection, validation and messages all follow
 * from that one list; nothing here knows a particular table.
 *
 * Header words are compared after `normalizeLabel`: NFKC (full-width to half-width, "（" to
 * "("), lower case, no white space, 帐 read as 账 (seed 004 writes 应收帐款), a parenthesised
 * annotation removed and kept apart ("金额(万元)" is "金额" in 万元, "信用期(天)" is "信用期").
 */
import type Decimal from "decimal.js";
import { bi, type Bilingual } from "../../i18n/bilingual";
import type { DayNumber } from "../calendar";
import { simplifiedForMatching } from "../traditional";

// ---------------------------------------------------------------------------------------------
// Field declarations
// ---------------------------------------------------------------------------------------------

/**
 * What a column holds, which decides how its cells are read (rows.ts):
 * text; date (Excel serial, JS Date or a date spelling, dates.parseDate); money (exact amount,
 * money.parseMoney, scaled by the column's unit); integer (a whole number ≥ 0, e.g. credit
 * days); probability (a fraction in [0, 1], collection.parseProbability); boolean (是/否, Y/N).
 */
export type FieldKind = "text" | "date" | "money" | "integer" | "probability" | "boolean";

/** The value a field of each kind has once read; null when the cell is blank or unreadable. */
interface KindValues {
  text: string;
  date: DayNumber;
  money: Decimal;
  integer: number;
  probability: Decimal;
  boolean: boolean;
}

/**
 * One column a table may have. Synonyms are header words, most preferred first; a synonym
 * written with a leading "=" matches only a whole header ("=日期" matches "日期" but is not
 * found inside "回款日期"), for words too short or too common to be searched for inside a
 * longer header.
 */
export interface FieldDeclaration<F extends string = string, K extends FieldKind = FieldKind> {
  readonly field: F;
  readonly kind: K;
  readonly label: Bilingual;
  readonly zh: readonly string[];
  readonly en: readonly string[];
}

/** Declares a field, keeping its key and kind as literal types (so a table's record type follows). */
export function declareField<const F extends string, const K extends FieldKind>(
  field: F,
  kind: K,
  label: Bilingual,
  zh: readonly string[],
  en: readonly string[],
): FieldDeclaration<F, K> {
  return { field, kind, label, zh, en };
}

/** The field keys of a table. */
export type FieldOf<D extends readonly FieldDeclaration[]> = D[number]["field"];

/** A row of a table as read: each field's value by its kind, or null. */
export type RecordOf<D extends readonly FieldDeclaration[]> = {
  [Decl in D[number] as Decl["field"]]: KindValues[Decl["kind"]] | null;
};

/**
 * A table: its fields, which of them a sheet must have (each inner list is "one of these"),
 * and its name for messages.
 */
export interface TableSchema<F extends string = string> {
  readonly key: string;
  readonly name: Bilingual;
  readonly fields: readonly FieldDeclaration<F>[];
  readonly required: readonly (readonly F[])[];
  /**
   * A whole-number column whose cells are dates is read as another field: 收款期限 is a term in
   * days in one export and the due date itself in another (金蝶 到期债权表).
   */
  readonly datesAs?: Partial<Record<F, F>>;
}

// Fields several tables share are declared once and reused (companions.ts).

export const CUSTOMER_FIELD = declareField(
  "customer",
  "text",
  bi("客户", "customer"),
  ["客户", "客户名称", "单位名称", "债务人", "债务单位", "欠款单位", "往来单位", "往来单位名称", "对方单位", "客户全称", "购货单位", "建设单位", "发包单位", "发包方", "付款单位", "核算项目名称", "=甲方"],
  ["customer", "customer name", "client", "client name", "debtor", "account name", "counterparty", "bill-to", "=payer"],
);

export const CUSTOMER_CODE_FIELD = declareField(
  "customerCode",
  "text",
  bi("客户编号", "customer code"),
  ["客户编号", "客户编码", "客户代码", "单位编码", "单位编号", "往来单位编码", "客户号"],
  ["customer code", "customer id", "customer no", "customer number", "client id", "client code", "account code"],
);

const PROJECT_FIELD = declareField(
  "project",
  "text",
  bi("项目", "project"),
  ["=项目", "=工程", "项目名称", "工程名称", "工程项目", "合同名称"],
  ["project", "project name", "job", "job name"],
);

export const DEPARTMENT_FIELD = declareField(
  "department",
  "text",
  bi("责任部门", "department"),
  ["责任部门", "项目部", "部门", "经办部门", "所属部门", "责任单位", "承办部门", "业务部门"],
  ["department", "dept", "division", "business unit", "responsible department"],
);

export const DOCUMENT_FIELD = declareField(
  "document",
  "text",
  bi("单据号", "document"),
  ["单据号", "单据编号", "单据号码", "单据编码", "发票号", "发票号码", "发票编号", "合同号", "合同编号", "结算单号", "单号", "应收单号", "应收单编号", "销售发票号", "票号", "业务编号", "业务单号", "业务单据号", "销售单号", "出库单号", "发货单号", "送货单号"],
  ["document", "document no", "doc no", "=invoice", "invoice no", "invoice number", "contract no", "contract number", "reference", "=ref", "bill no"],
);

/**
 * A bookkeeping voucher (记-0012, 凭证字号): numbered per month, so it repeats across months and
 * never identifies a receivable. Read so that it is never taken for a document number.
 */
const VOUCHER_FIELD = declareField(
  "voucher",
  "text",
  bi("凭证字号", "voucher"),
  ["凭证字号", "凭证号", "凭证编号", "凭证号数", "凭证号码", "凭证", "记账凭证号", "字号"],
  ["voucher", "voucher no", "voucher number", "journal no", "je no", "journal entry"],
);

/**
 * The invoice a receipt or credit settles, in a column meant for that (对应单据, 核销单号). A
 * receipt is matched to a particular invoice only through such a column, or when its own
 * document number is one of the customer's invoices'.
 */
const APPLIES_TO_FIELD = declareField(
  "appliesTo",
  "text",
  bi("对应单据", "applies to"),
  ["对应单据", "对应单据号", "对应发票号", "对应发票", "核销单号", "核销单据号", "核销单据", "源单编号", "源单号", "源单单号", "关联单据", "关联单据号", "所冲单据"],
  ["applies to", "applied to", "matched document", "invoice ref", "against invoice", "settles"],
);

export const CREDIT_DAYS_FIELD = declareField(
  "creditDays",
  "integer",
  bi("信用期(天)", "credit days"),
  ["信用期", "信用天数", "信用期限", "账期", "账期天数", "收款期限", "收款条件", "付款条件", "付款期限", "信用条件", "结算期限"],
  ["credit days", "credit term", "credit terms", "payment terms", "=terms", "=days", "term days"],
);

const DUE_DATE_FIELD = declareField(
  "dueDate",
  "date",
  bi("到期日", "due date"),
  [
    // The first six are the ones a "no header" message lists.
    "到期日",
    "到期日期",
    "应收款到期日",
    "约定付款日",
    "约定收款日",
    "付款到期日",
    "合同约定付款日",
    "到期时间",
    "约定付款日期",
    "约定付款时间",
    "约定收款日期",
    "约定回款日",
    "约定回款日期",
    "约定回款时间",
    "最迟付款日",
    "最迟付款日期",
    "最晚付款日",
    "最晚付款日期",
    "最迟回款日",
    "最迟回款日期",
    "最迟收款日",
    "付款截止日",
    "付款截止日期",
    "回款截止日",
    "回款截止日期",
  ],
  ["due date", "=due", "maturity date", "payment due date", "due on"],
);

export const STATUS_FIELD = declareField(
  "status",
  "text",
  bi("状态", "status"),
  ["状态", "客户状态", "款项状态", "催收状态", "客户状况", "经营状况", "逾期情况"],
  ["status", "=state", "customer status"],
);

export const COLLECTOR_FIELD = declareField(
  "collector",
  "text",
  bi("责任人", "collector"),
  ["责任人", "催收人", "催收责任人", "收款责任人", "经办人", "业务员", "负责人", "项目经理", "销售员"],
  ["collector", "=owner", "responsible", "person responsible", "salesperson", "account manager", "sales rep"],
);

export const NOTE_FIELD = declareField(
  "note",
  "text",
  bi("备注", "note"),
  ["备注", "说明", "摘要", "情况说明", "备注说明", "原因", "欠款原因"],
  ["note", "notes", "remark", "remarks", "memo", "comment", "comments", "description"],
);

/**
 * The receivables ledger, both shapes (one row per open item, or invoices and receipts as
 * rows). Order matters only for messages (fields are listed in this order).
 */
export const LEDGER_FIELDS = [
  CUSTOMER_FIELD,
  CUSTOMER_CODE_FIELD,
  PROJECT_FIELD,
  DEPARTMENT_FIELD,
  DOCUMENT_FIELD,
  VOUCHER_FIELD,
  APPLIES_TO_FIELD,
  // A three-column ledger (三栏式明细账) writes its dates as 月 and 日 under a "2011年" banner.
  declareField("year", "integer", bi("年", "year"), ["=年", "=年度", "=年份"], ["=year", "=yr"]),
  declareField("month", "integer", bi("月", "month"), ["=月", "=月份"], ["=month", "=mon"]),
  declareField("day", "integer", bi("日", "day"), ["=日"], ["=day"]),
  declareField(
    "dateArisen",
    "date",
    bi("发生日期", "date arisen"),
    ["发生日期", "确认日期", "开票日期", "入账日期", "记账日期", "业务日期", "单据日期", "发票日期", "结算日期", "挂账日期", "形成日期", "销售日期", "发货日期", "出库日期", "交货日期", "送货日期", "出口日期", "报关日期", "出运日期", "装船日期", "提单日期", "立账日期", "立账日", "凭证日期", "过账日期", "欠款日期", "借款日期", "=日期"],
    ["date arisen", "invoice date", "posting date", "document date", "transaction date", "booking date", "date incurred", "shipment date", "export date", "=date"],
  ),
  CREDIT_DAYS_FIELD,
  DUE_DATE_FIELD,
  declareField(
    "amount",
    "money",
    bi("金额", "amount"),
    ["金额", "应收金额", "应收款金额", "发生额", "发生金额", "原始金额", "开票金额", "发票金额", "结算金额", "挂账金额", "借方", "借方金额", "借方发生额", "本期增加", "增加应收", "应收增加", "本期应收", "=应收", "价税合计", "价税合计金额", "含税金额", "应收金额(含税)", "本币价税合计"],
    ["amount", "invoice amount", "original amount", "=debit", "debit amount", "gross amount", "amount billed", "=billed", "amount incl. vat", "total incl. tax"],
  ),
  declareField(
    "received",
    "money",
    bi("已收金额", "received"),
    ["已收金额", "已收", "已收款", "回款", "回款金额", "已回款", "收款金额", "累计收款", "累计回款", "实收金额", "收回金额", "贷方", "贷方金额", "贷方发生额", "本期减少", "减少应收", "应收减少", "本期收回", "已核销金额", "已核销", "核销金额", "本币已核销金额", "已结算金额", "已结算", "已收款金额", "本期实收", "实收", "回笼金额", "回笼", "到账金额", "已到账金额", "到款金额", "已还金额", "已还款", "已还款金额", "还款金额", "已付金额", "已付款"],
    ["received", "amount received", "=paid", "amount paid", "payments", "=credit", "credit amount", "collected", "receipts", "settled amount", "amount settled", "=settled", "applied amount"],
  ),
  declareField(
    "balance",
    "money",
    bi("余额", "balance"),
    ["余额", "应收余额", "应收账款余额", "应收款余额", "期末余额", "账面余额", "未收金额", "未收款", "剩余欠款", "剩余欠款金额", "欠款", "欠款金额", "尚欠金额", "未回款金额", "未核销金额", "未核销", "本币未核销金额", "未结金额", "=未结", "未结算金额", "未结算", "未收款金额", "剩余金额", "余额金额", "尚欠款", "尚欠", "=未收"],
    ["balance", "outstanding", "open amount", "amount due", "balance due", "outstanding balance", "amount outstanding", "open balance", "unsettled amount", "=unsettled", "remaining amount"],
  ),
  // 借/贷/平 beside an unsigned 余额 (三栏式明细账): the balance's side.
  declareField("direction", "text", bi("借或贷", "Dr/Cr"), ["借或贷", "方向", "余额方向", "借贷方向", "借/贷", "借贷"], ["dr/cr", "=direction", "debit/credit", "=side"]),
  declareField(
    "contractAmount",
    "money",
    bi("合同金额", "contract amount"),
    ["合同金额", "合同额", "合同价款", "合同总价", "合同总额"],
    ["contract amount", "contract value", "contract sum"],
  ),
  STATUS_FIELD,
  declareField(
    "recoveryProbability",
    "probability",
    bi("回收可能性", "recovery probability"),
    ["回收可能性", "收回可能性", "回收概率", "可收回比例", "预计回收比例"],
    ["recovery probability", "probability", "likelihood", "probability of recovery"],
  ),
  declareField(
    "expectedRecovery",
    "money",
    bi("预计可收回金额", "expected recovery"),
    ["预计可收回金额", "预计回收金额", "预计收回金额", "预计可回收金额", "可收回金额"],
    ["expected recovery", "recoverable amount", "expected recoverable amount", "expected amount"],
  ),
  declareField(
    "allowance",
    "money",
    bi("坏账准备", "allowance"),
    ["坏账准备", "已计提坏账准备", "已提坏账准备", "坏账准备余额", "坏账准备金额", "计提坏账准备"],
    ["allowance", "bad debt allowance", "allowance for doubtful accounts", "provision for bad debts", "loss allowance"],
  ),
  declareField(
    "lastConfirmed",
    "date",
    bi("最近对账日", "last confirmed"),
    ["对账日期", "最近对账日", "最近对账日期", "最后对账日期", "确认对账日期", "函证日期", "询证日期"],
    ["last confirmed", "confirmation date", "last confirmation", "reconciled on", "last reconciled", "last reconciliation"],
  ),
  declareField(
    "lastPaymentDate",
    "date",
    bi("最近回款日期", "last payment date"),
    ["最近回款日期", "最近收款日期", "最后回款日期", "最后收款日期", "回款日期", "收款日期", "核销日期", "最近核销日期", "最后核销日期", "结清日期"],
    ["last payment date", "last payment", "payment date", "date paid", "last paid"],
  ),
  declareField(
    "targetDate",
    "date",
    bi("预计收回日期", "target date"),
    ["预计收回日期", "计划收回日期", "预计回款日期", "计划回款日期", "承诺付款日期", "目标日期"],
    ["target date", "promised date", "expected payment date", "collection target date"],
  ),
  COLLECTOR_FIELD,
  declareField(
    "type",
    "text",
    bi("款项性质", "type"),
    ["款项性质", "款项类别", "款项类型", "业务类型", "会计科目", "科目", "类型", "类别", "性质"],
    ["type", "nature", "account", "category", "transaction type", "=kind"],
  ),
  declareField("agingLabel", "text", bi("账龄", "aging"), ["账龄", "账龄区间", "账龄段"], ["aging", "ageing", "=age", "aging bucket"]),
  NOTE_FIELD,
] as const;

export type LedgerField = FieldOf<typeof LEDGER_FIELDS>;

/** POLICY §1: a receivable is kept per customer; its age needs a date; its size an amount. */
export const LEDGER_SCHEMA: TableSchema<LedgerField> = {
  key: "ledger",
  name: bi("应收账款台账", "receivables ledger"),
  fields: LEDGER_FIELDS,
  required: [["customer"], ["dateArisen", "dueDate"], ["balance", "amount"]],
  datesAs: { creditDays: "dueDate" },
};

/** Header words of columns that carry no field (row numbers): recognised, so not "unmapped". */
const IGNORED_HEADERS: readonly string[] = ["序号", "序", "行号", "编号", "no", "no.", "#", "seq", "line", "分录号", "分录行号", "明细行号", "单据行号", "发票行号", "line no", "line no."];
/** Of those, the ones that number a document's lines (an invoice of three goods is three lines of one 发票号), not the list's rows. */
const LINE_NUMBER_HEADERS: readonly string[] = ["行号", "分录号", "分录行号", "明细行号", "单据行号", "发票行号", "line", "line no", "line no."];

// ---------------------------------------------------------------------------------------------
// Header text
// ---------------------------------------------------------------------------------------------

/** A header cell's text, split into the words that name the field and an annotation. */
interface HeaderLabel {
  /** normalizeLabel of the text without its annotations. */
  base: string;
  /** Money scale written in the header: 10000 for "金额(万元)", 1 for "金额(元)"; null when none. */
  scale: number | null;
  /** The header says "%" ("回收可能性(%)"). */
  percent: boolean;
  /**
   * The currency the header names: "home" for the books' own (本位币, 折人民币: 价税合计本位币,
   * 未收本位币), "foreign" for the original currency (原币, 外币: 原币金额); null when none.
   * The words are taken off `base`, so both columns name the same field and the home one wins.
   */
  currency: "home" | "foreign" | null;
}

const ANNOTATION = /[([【〔<]([^()[\]【】〔〕<>]*)[)\]】〕>]/g;

/** Case, width, white space and 帐/账 out of the way; leading/trailing markers (*, #, :) dropped. */
export function normalizeLabel(text: string): string {
  // Traditional characters of the ledger's words read as simplified (單位名稱, 餘額, 萬元).
  return simplifiedForMatching(text.normalize("NFKC"))
    .toLowerCase()
    .replace(/帐/g, "账")
    .replace(/\s+/g, "")
    .replace(/^[*※★#>·.:_-]+|[*※★#.:_-]+$/g, "");
}

/**
 * A money scale spelt in a unit annotation or a units line, normalised: "万元", "人民币万元",
 * "单位:万元", "rmb10,000", "10kyuan", "tenthousandyuan", "千元", "'000", "元", "yuan"...;
 * null when the text names no money unit.
 */
export function unitScaleOf(normalized: string): number | null {
  let t = normalized.replace(/^(金额单位|货币单位|单位|units?|in)[:]?/, "");
  const currency = /^(人民币|rmb|cny)/.exec(t);
  if (currency !== null) t = t.slice(currency[0].length);
  if (/^(百万元?|1,?000,?000|millions?)(yuan|元)?$/.test(t)) return 1000000;
  if (/^(万元?|10k|10,?000|ten-?thousands?)(yuan|元)?$/.test(t)) return 10000;
  if (/^(亿元?|100m|hundred-?millions?)(yuan|元)?$/.test(t)) return 100000000;
  if (/^(千元|k|1,?000|thousands?|'000)(yuan|元)?$/.test(t)) return 1000;
  if (t === "元" || t === "yuan" || (t === "" && currency !== null)) return 1;
  return null;
}

// 本位币金额, 价税合计本位币, 未核销金额(本位币), 折人民币金额; 原币金额, 外币余额, 已收原币.
const HOME_CURRENCY = /本位币|本币|折人民币|折合人民币|人民币|折rmb|rmb|cny/;
const FOREIGN_CURRENCY = /原币|外币/;

/** A side written in a money header's brackets (金额(借), 发生额(Cr)), and the headers it makes a 借方 or 贷方 column of. */
const DEBIT_NOTE = /^(借|借方|dr|debit)$/;
const CREDIT_NOTE = /^(贷|贷方|cr|credit)$/;
const SIDED_MONEY = /^(本期)?(金额|发生额|发生金额|发生)$/;

/** The currency a banner over several columns names (原币, 本位币金额, 人民币), or null. */
function bannerCurrency(banner: string): HeaderLabel["currency"] {
  const t = normalizeLabel(banner);
  return HOME_CURRENCY.test(t) ? "home" : FOREIGN_CURRENCY.test(t) ? "foreign" : null;
}

/** Splits a header cell's text into its field words and its unit annotation. */
export function parseHeaderLabel(text: string): HeaderLabel {
  let scale: number | null = null;
  let percent = false;
  let noted: HeaderLabel["currency"] = null;
  let side: "借方" | "贷方" | null = null;
  const withoutNotes = text.normalize("NFKC").replace(ANNOTATION, (_whole, inner: string) => {
    const note = normalizeLabel(inner);
    if (DEBIT_NOTE.test(note)) side = "借方";
    else if (CREDIT_NOTE.test(note)) side = "贷方";
    const s = unitScaleOf(note);
    if (s !== null) scale = s;
    if (note === "%" || note === "百分比") percent = true;
    // "(本位币)", "(原币)"; "(人民币元)" is a unit, not a currency word.
    if (HOME_CURRENCY.test(note)) noted = "home";
    else if (FOREIGN_CURRENCY.test(note)) noted = "foreign";
    return " ";
  });
  let base = normalizeLabel(withoutNotes);
  // "金额/万元", "余额 万元": a unit after a slash or at the very end of a longer header.
  const tail = /^(.+?)\/?(百万元|万元|千元|亿元)$/.exec(base);
  if (tail !== null && tail[1].length > 0) {
    base = tail[1].replace(/\/$/, "");
    scale = unitScaleOf(tail[2]);
  }
  // "金额(借)" and "金额(贷)", "发生额(Dr)": the side a two-column ledger writes in brackets.
  if (side !== null && SIDED_MONEY.test(base)) base = side + (base.includes("发生") ? "发生额" : "金额");
  if (base.endsWith("%")) {
    percent = true;
    base = base.slice(0, -1);
  }
  let currency: HeaderLabel["currency"] = noted;
  const home = HOME_CURRENCY.exec(base);
  const foreign = home === null ? FOREIGN_CURRENCY.exec(base) : null;
  const word = home ?? foreign;
  if (word !== null) {
    const rest = (base.slice(0, word.index) + base.slice(word.index + word[0].length)).replace(/^[/(（-]+|[/)）-]+$/g, "");
    if (rest !== "") {
      base = rest;
      currency = home !== null ? "home" : "foreign";
    }
  }
  return { base, scale, percent, currency };
}


/**
 * A quantity or a unit price (数量金额式 明细账: 借方, 贷方 and 余额 each over 数量 | 单价 | 金额): no
 * field of ours, whatever banner it is read with; 借方数量 is not a debit of money.
 */
const QUANTITY_HEADER = /(数量|单价|件数|重量|qty|quantity|unitprice)$/;

/** The kind a header's own last word points to: "...日期" is a date, "...天数" a count of days. */
function kindHint(base: string): FieldKind | null {
  if (/(日期|日|date|dated)$/.test(base)) return "date";
  if (/(天数|天|days)$/.test(base)) return "integer";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Matching a header to a field
// ---------------------------------------------------------------------------------------------

/** How well a header names a field: 1 = a synonym exactly, CONTAINED = a synonym inside it. */
export const QUALITY_EXACT = 1;
export const QUALITY_CONTAINED = 0.6;

interface PreparedSynonym<F extends string> {
  field: F;
  kind: FieldKind;
  text: string;
  exactOnly: boolean;
  /** Position in the field's own list: earlier is preferred when two columns claim a field. */
  rank: number;
}

interface HeaderMatch<F extends string = string> {
  field: F;
  quality: number;
  /** The synonym that matched, normalised. */
  synonym: string;
  rank: number;
  /** Other fields a contained synonym of the same length also named (the match is a guess). */
  alsoMatched: F[];
}

const prepared = new WeakMap<readonly FieldDeclaration[], PreparedSynonym<string>[]>();

function isLatin(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

function prepare<F extends string>(fields: readonly FieldDeclaration<F>[]): PreparedSynonym<F>[] {
  const cached = prepared.get(fields);
  if (cached !== undefined) return cached as PreparedSynonym<F>[];
  const out: PreparedSynonym<F>[] = [];
  for (const decl of fields) {
    const all = [...decl.zh, ...decl.en];
    all.forEach((raw, rank) => {
      const exactOnly = raw.startsWith("=");
      const text = normalizeLabel(exactOnly ? raw.slice(1) : raw);
      // Short words are found inside longer headers only when they cannot be part of another word.
      const tooShort = isLatin(text) ? text.length < 4 : text.length < 2;
      out.push({ field: decl.field, kind: decl.kind, text, exactOnly: exactOnly || tooShort, rank });
    });
  }
  prepared.set(fields, out);
  return out;
}

/** Longest header text that is still searched for contained synonyms (longer text is a title or a note). */
const MAX_CONTAINING_LENGTH = 24;

/**
 * The field a header names, or null. An exact synonym wins; otherwise the longest synonym found
 * inside the header, provided the header's own last word does not point to another kind
 * ("回款日期" is a date, so it does not match the money field "回款").
 */
export function matchHeader<F extends string>(label: HeaderLabel, fields: readonly FieldDeclaration<F>[]): HeaderMatch<F> | null {
  const base = label.base;
  if (base === "" || QUANTITY_HEADER.test(base)) return null;
  const synonyms = prepare(fields);
  let exact: PreparedSynonym<F> | null = null;
  let contained: PreparedSynonym<F>[] = [];
  const hint = base.length <= MAX_CONTAINING_LENGTH ? kindHint(base) : null;
  for (const s of synonyms) {
    if (s.text === base) {
      if (exact === null) exact = s;
      continue;
    }
    if (s.exactOnly || base.length > MAX_CONTAINING_LENGTH || !base.includes(s.text)) continue;
    if (hint !== null && hint !== s.kind) continue;
    if (contained.length === 0 || s.text.length > contained[0].text.length) contained = [s];
    else if (s.text.length === contained[0].text.length && !contained.some((c) => c.field === s.field)) contained.push(s);
  }
  if (exact !== null) return { field: exact.field, quality: QUALITY_EXACT, synonym: exact.text, rank: exact.rank, alsoMatched: [] };
  if (contained.length === 0) return null;
  const [best, ...rest] = contained;
  return { field: best.field, quality: QUALITY_CONTAINED, synonym: best.text, rank: best.rank, alsoMatched: rest.map((r) => r.field) };
}

const IGNORED_NORMALIZED: ReadonlySet<string> = new Set(IGNORED_HEADERS.map(normalizeLabel));
const LINE_NUMBER_NORMALIZED: ReadonlySet<string> = new Set(LINE_NUMBER_HEADERS.map(normalizeLabel));

/** The index of a header's line-number column (行号, 分录号: see LINE_NUMBER_HEADERS), or -1. */
export function lineNumberColumn(detection: HeaderDetection<string> | null): number {
  const c = detection?.columns.find((col) => col.ignored && LINE_NUMBER_NORMALIZED.has(col.label.base));
  return c === undefined ? -1 : c.index;
}

/** A row-number column, or a header of symbols only. */
function isIgnoredHeader(base: string): boolean {
  return base === "" || IGNORED_NORMALIZED.has(base);
}

// ---------------------------------------------------------------------------------------------
// Header row detection
// ---------------------------------------------------------------------------------------------

/** How many rows from the top are searched for the header. */
export const HEADER_SCAN_ROWS = 30;

/** One column of a detected header. */
interface HeaderColumn<F extends string = string> {
  /** 0-based index into the row arrays. */
  index: number;
  /** The header as written (two-row headers: "金额 / 应收"). */
  text: string;
  label: HeaderLabel;
  match: HeaderMatch<F> | null;
  /** A row-number column (序号, No.): known, carries no field. */
  ignored: boolean;
}

export interface HeaderDetection<F extends string = string> {
  /** 0-based indices into `values` of the header rows (one, or two for a two-row header). */
  rowIndices: number[];
  /** 0-based index of the first row after the header. */
  dataStart: number;
  columns: HeaderColumn<F>[];
  /** Sum over distinct fields of the best match quality: how the row was chosen. */
  score: number;
}

/**
 * exceljs cell objects to the value they show: a formula's result, rich text's text, a
 * hyperlink's text, an error object stays (isExcelErrorValue knows it).
 */
export function unwrapCell(value: unknown): unknown {
  if (typeof value !== "object" || value === null || value instanceof Date) return value;
  try {
    return unwrapObject(value);
  } catch {
    // An exotic object (a throwing getter): left as it is, so the reader reports it as unreadable.
    return value;
  }
}

function unwrapObject(value: object): unknown {
  const o = value as { result?: unknown; formula?: unknown; sharedFormula?: unknown; richText?: unknown; text?: unknown; hyperlink?: unknown };
  if ("result" in o || typeof o.formula === "string" || typeof o.sharedFormula === "string") return unwrapCell(o.result ?? null);
  if (Array.isArray(o.richText)) {
    return o.richText.map((p: unknown) => (typeof p === "object" && p !== null && typeof (p as { text?: unknown }).text === "string" ? (p as { text: string }).text : "")).join("");
  }
  if (typeof o.text === "string") return o.text;
  return value;
}

/** A header cell's text ("" for anything that is not text). */
function cellText(value: unknown): string {
  const v = unwrapCell(value);
  return typeof v === "string" ? v : "";
}

function rowWidth(values: readonly unknown[][], from: number, to: number): number {
  let width = 0;
  for (let r = from; r < to && r < values.length; r++) {
    const row = values[r];
    if (Array.isArray(row) && row.length > width) width = row.length;
  }
  return width;
}

function scoreColumns<F extends string>(columns: readonly HeaderColumn<F>[]): { score: number; fields: number; exact: number } {
  const best = new Map<F, number>();
  for (const c of columns) {
    if (c.match === null) continue;
    const prev = best.get(c.match.field) ?? 0;
    if (c.match.quality > prev) best.set(c.match.field, c.match.quality);
  }
  let score = 0;
  let exact = 0;
  for (const q of best.values()) {
    score += q;
    if (q === QUALITY_EXACT) exact += 1;
  }
  return { score, fields: best.size, exact };
}

function singleRowColumns<F extends string>(row: unknown, width: number, fields: readonly FieldDeclaration<F>[]): HeaderColumn<F>[] {
  const cells = Array.isArray(row) ? row : [];
  const out: HeaderColumn<F>[] = [];
  for (let c = 0; c < width; c++) {
    const text = cellText(cells[c]).trim();
    if (text === "") continue;
    const label = parseHeaderLabel(text);
    out.push({ index: c, text, label, match: matchHeader(label, fields), ignored: isIgnoredHeader(label.base) });
  }
  return out;
}

/**
 * Two header rows read as one: a banner cell ("金额", merged over three columns, so only its
 * first cell holds the text) over sub-headers ("应收 / 已收 / 余额"). For each column: the
 * bottom text alone, the banner's text before or after it, whichever names a field best; a
 * column with a blank bottom cell keeps its top text (a header merged down over both rows).
 */
function twoRowColumns<F extends string>(top: unknown, bottom: unknown, width: number, fields: readonly FieldDeclaration<F>[]): HeaderColumn<F>[] {
  const t = Array.isArray(top) ? top : [];
  const b = Array.isArray(bottom) ? bottom : [];
  const out: HeaderColumn<F>[] = [];
  let banner = "";
  for (let c = 0; c < width; c++) {
    const topText = cellText(t[c]).trim();
    const bottomText = cellText(b[c]).trim();
    if (topText !== "") banner = topText;
    else if (bottomText === "") banner = "";
    if (bottomText === "") {
      if (topText === "") continue;
      const label = parseHeaderLabel(topText);
      out.push({ index: c, text: topText, label, match: matchHeader(label, fields), ignored: isIgnoredHeader(label.base) });
      continue;
    }
    // A generic money word under a banner (借方 over 数量 | 单价 | 金额, 余额 over 原币 | 本币) is the
    // banner's column: 金额 under 贷方 is a credit, not an amount; the banner alone is its last resort.
    // So is a bare 日期 under a banner that dates something (第一次回款 over 日期 | 金额: the payment's
    // date, not the invoice's); under one that does not (凭证 over 日期 | 字 | 号) it stays a date.
    const bottomKey = bottomText.normalize("NFKC").replace(/\s+/g, "");
    const generic = banner !== "" && MONEY_SUB_LABELS.has(bottomKey);
    const dated = banner !== "" && bottomKey === "日期";
    const candidates = banner === "" ? [bottomText] : generic ? [banner + bottomText, bottomText + banner, banner] : dated ? [banner + bottomText, bottomText] : [bottomText, bottomText + banner, banner + bottomText];
    let chosen: HeaderColumn<F> | null = null;
    for (const text of candidates) {
      const label = parseHeaderLabel(text);
      // A unit written on the banner ("金额(万元)") holds for every column under it, and so does a
      // currency (原币 or 本位币 merged over 应收金额 | 已收金额 | 余额: the K/3 到期债权表 of an
      // export customer; read without it, the 原币 columns, leftmost, were summed as yuan).
      if (label.scale === null && banner !== "") label.scale = parseHeaderLabel(banner).scale;
      if (label.currency === null && banner !== "") label.currency = bannerCurrency(banner);
      const match = matchHeader(label, fields);
      // Under a banner that gives a generic word its meaning, the first reading that names a field wins.
      if (chosen === null || (match !== null && (chosen.match === null || (!generic && !dated && match.quality > chosen.match.quality)))) {
        chosen = { index: c, text: banner === "" ? bottomText : `${banner} / ${bottomText}`, label, match, ignored: isIgnoredHeader(label.base) };
      }
    }
    if (chosen !== null) out.push(chosen);
  }
  return out;
}

interface DetectHeaderOptions {
  /** Rows searched from the top; default HEADER_SCAN_ROWS. */
  scanRows?: number;
}

/**
 * The header of a table: among the first `scanRows` rows, the row naming the most fields
 * (sum of match qualities over distinct fields; ties go to the upper row), at least two fields
 * with at least one named exactly. The row below or above it joins it as a two-row header
 * when it holds only words, names a field exactly by itself, and the two together name more
 * fields than the chosen row alone. null when no row qualifies.
 */
export function detectHeader<F extends string>(
  values: readonly unknown[][],
  fields: readonly FieldDeclaration<F>[],
  options: DetectHeaderOptions = {},
): HeaderDetection<F> | null {
  const scan = Math.min(values.length, options.scanRows ?? HEADER_SCAN_ROWS);
  const width = rowWidth(values, 0, Math.min(values.length, scan + 1));
  let best: { r: number; columns: HeaderColumn<F>[]; score: number; fields: number } | null = null;
  for (let r = 0; r < scan; r++) {
    const columns = singleRowColumns(values[r], width, fields);
    const s = scoreColumns(columns);
    if (s.fields < 2 || s.exact < 1) continue;
    if (best === null || s.score > best.score) best = { r, columns, score: s.score, fields: s.fields };
  }
  if (best === null) return null;
  let result: HeaderDetection<F> = { rowIndices: [best.r], dataStart: best.r + 1, columns: best.columns, score: best.score };
  const pairs: [number, number][] = [];
  if (best.r + 1 < values.length) pairs.push([best.r, best.r + 1]);
  if (best.r > 0) pairs.push([best.r - 1, best.r]);
  for (const [top, bottom] of pairs) {
    if (!isTextOnly(values[bottom]) || !isTextOnly(values[top])) continue;
    // The other row must name a field by itself: a title above or a row of text data below does not.
    const other = top === best.r ? bottom : top;
    if (scoreColumns(singleRowColumns(values[other], width, fields)).exact < 1) continue;
    const columns = twoRowColumns(values[top], values[bottom], width, fields);
    const s = scoreColumns(columns);
    if (s.fields > best.fields && s.score > result.score) {
      result = { rowIndices: [top, bottom], dataStart: bottom + 1, columns, score: s.score };
    }
  }
  // A 三栏式 book's second header row may hold only the parts of a banner above it: 凭证 merged
  // over 字 | 号 (or 种类 | 号数). Those words name no field by themselves, yet the row is header,
  // not a first line of data with its values missing.
  const last = result.rowIndices[result.rowIndices.length - 1];
  if (result.rowIndices.length === 1 && last + 1 < values.length && isSubLabelRow(values[last + 1])) {
    const columns = twoRowColumns(values[last], values[last + 1], width, fields);
    const s = scoreColumns(columns);
    if (s.fields >= best.fields) result = { rowIndices: [last, last + 1], dataStart: last + 2, columns, score: s.score };
  }
  return result;
}

/**
 * The words a 三栏式 header's second row holds under a merged 凭证 (or a date split under 日期),
 * and a 外币金额式 book's under each of 借方, 贷方 and 余额: the original currency and the books' own.
 */
const MONEY_SUB_LABELS: ReadonlySet<string> = new Set(["金额", "原币", "外币", "本币", "本位币", "人民币", "折人民币", "原币金额", "外币金额", "本币金额", "本位币金额"]);
const SUB_LABELS = new Set(["字", "号", "种类", "号数", "字号", "编号", "年", "月", "日", "数量", "单价", ...MONEY_SUB_LABELS]);

/** A row whose every filled cell is one of SUB_LABELS (after NFKC, without white space). */
function isSubLabelRow(row: unknown): boolean {
  if (!Array.isArray(row)) return false;
  let any = false;
  for (const v of row) {
    if (v === null || v === undefined || v === "") continue;
    if (typeof v !== "string" && (typeof v !== "object" || v instanceof Date)) return false;
    const text = cellText(v).normalize("NFKC").replace(/\s+/g, "");
    if (text === "") continue;
    if (!SUB_LABELS.has(text)) return false;
    any = true;
  }
  return any;
}

/** A header row holds words only: a number or a date in it means it is data. */
function isTextOnly(row: unknown): boolean {
  if (!Array.isArray(row)) return false;
  let any = false;
  for (const v of row) {
    if (v === null || v === undefined || v === "") continue;
    if (typeof v === "number" || typeof v === "boolean" || v instanceof Date) return false;
    if (cellText(v).trim() !== "") any = true;
  }
  return any;
}

/** A header the caller names (options.headerRow): its columns matched like a detected one. */
export function headerAt<F extends string>(values: readonly unknown[][], rowIndex: number, fields: readonly FieldDeclaration<F>[]): HeaderDetection<F> {
  const width = rowWidth(values, rowIndex, rowIndex + 2);
  const columns = rowIndex >= 0 && rowIndex < values.length ? singleRowColumns(values[rowIndex], width, fields) : [];
  return { rowIndices: rowIndex >= 0 ? [rowIndex] : [], dataStart: rowIndex + 1, columns, score: scoreColumns(columns).score };
}

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

/** The money unit a sheet declares in a line above its header ("单位：万元"). */
interface SheetUnits {
  /** Yuan per unit written: 1, 1000 (千元), 10000 (万元), 1000000 (百万元), 100000000 (亿元). */
  scale: number;
  /** Where it was said (0-based indices), null when the sheet says nothing (scale 1). */
  source: { rowIndex: number; columnIndex: number; text: string } | null;
}

/**
 * The units a text cell declares: "单位：万元", "金额单位：万元", "编制单位：XX公司 单位：万元"
 * (the unit anywhere after "单位"), "(万元)" or "万元" alone, "Unit: RMB 10,000",
 * "(in CNY thousands)". null when it declares none ("编制单位：XX公司" is a company, not a unit).
 */
export function unitsInText(text: string): number | null {
  const t = normalizeLabel(text);
  if (t === "") return null;
  const zh = /单位[:]?(人民币)?(百万元|万元|千元|亿元|元)(?![\u4e00-\u9fff])/.exec(t);
  if (zh !== null) return unitScaleOf(zh[2]);
  const alone = /^\(?(人民币)?(百万元|万元|千元|亿元|元)\)?$/.exec(t);
  if (alone !== null) return unitScaleOf(alone[2]);
  const en = /^\(?(?:amounts?)?(?:units?:?|in)(rmb|cny)?(10,?000|ten-?thousands?|thousands?|'000|yuan|rmb|cny)(yuan|rmb|cny)?\)?$/.exec(t);
  if (en !== null) return unitScaleOf((en[1] ?? "") + en[2]);
  return null;
}

/**
 * The sheet's units: the first text cell above the header (then an unmatched cell of the
 * header row itself) that declares a unit. Scale 1 and no source when none does.
 */
export function detectUnits(values: readonly unknown[][], header: HeaderDetection | null): SheetUnits {
  const headerTop = header === null ? Math.min(values.length, HEADER_SCAN_ROWS) : header.rowIndices[0] ?? 0;
  for (let r = 0; r < headerTop; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]);
      if (text === "") continue;
      const scale = unitsInText(text);
      if (scale !== null) return { scale, source: { rowIndex: r, columnIndex: c, text: text.trim() } };
    }
  }
  if (header !== null) {
    for (const col of header.columns) {
      if (col.match !== null) continue;
      const scale = unitsInText(col.text);
      if (scale !== null) return { scale, source: { rowIndex: header.rowIndices[header.rowIndices.length - 1], columnIndex: col.index, text: col.text } };
    }
  }
  // A note under the table (注：本表金额单位为万元), where nothing above it says: the sheet's last
  // lines that hold no number.
  const below = header === null ? values.length : (header.rowIndices[header.rowIndices.length - 1] ?? 0) + 1;
  for (let r = Math.max(below, values.length - FOOTER_UNIT_ROWS); r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row) || row.some((v) => typeof v === "number")) continue;
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]);
      const m = text === "" ? null : FOOTER_UNIT.exec(normalizeLabel(text));
      if (m !== null) return { scale: unitScaleOf(m[1]) ?? 1, source: { rowIndex: r, columnIndex: c, text: text.trim() } };
    }
  }
  return { scale: 1, source: null };
}

/** How many of a sheet's last lines are searched for a note of its units. */
const FOOTER_UNIT_ROWS = 30;
/** A note of the units under a table: 注：本表金额单位为万元, 说明：金额单位：千元, 单位：万元. */
const FOOTER_UNIT = /^(?:注|说明|备注|附注)?\d*[:.、]?[^0-9]{0,12}?单位(?:为|是)?[:]?(?:人民币)?(百万元|万元|千元|亿元|元)/;
