/**
 * Findings: what the ledger check (check.ts) reports, and the catalogue of its rules.
 *
 * Every rule is declared once, as data: a stable id, a severity and the POLICY section it comes
 * from here; its words, a definition (when exactly it fires — the documentation of the rule) and
 * message templates in both languages, in src/i18n/rules.ts. A finding names its cell as Excel does ("应收账款台账!F12"), so
 * a user can go straight to it. Checking code never writes a message of its own: it picks a
 * rule and a template and fills in the blanks.
 *
 * Severity:
 * - error: the ledger says something that cannot be right (a date or amount that cannot be
 *   read, figures that do not add up, the same document twice); the row's figures are not to
 *   be trusted until it is fixed;
 * - warning: the figures are readable but the policy is not being followed (a limit exceeded,
 *   a confirmation overdue, a bill left past maturity...);
 * - info: something to act on that is not a fault (a write-off candidate).
 */
import type { Bilingual } from "../../i18n/bilingual";
import { RULE_TEXTS, type RuleText } from "../../i18n/rules";

export type Severity = "error" | "warning" | "info";

/** Severities from most to least severe. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export type RuleId =
  | "missing-field"
  | "bad-date"
  | "bad-amount"
  | "bad-value"
  | "excel-error"
  | "sub-fen-amount"
  | "unknown-document"
  | "unallocated-receipt"
  | "control-total-mismatch"
  | "reading-mostly-unusable"
  | "as-of-inexact"
  | "list-dated-before"
  | "opening-balance-dated"
  | "credits-from-balance"
  | "customer-filled-down"
  | "status-says-settled"
  | "voided-or-draft"
  | "sheet-not-read"
  | "receipt-on-debit"
  | "foreign-currency"
  | "due-before-date"
  | "received-exceeds-amount"
  | "balance-mismatch"
  | "duplicate-document"
  | "class-mismatch"
  | "allowance-mismatch"
  | "customer-not-in-master"
  | "customer-master-mismatch"
  | "credit-limit-exceeded"
  | "credit-review-overdue"
  | "reconciliation-overdue"
  | "write-off-candidate"
  | "status-near-condition"
  | "bad-debt-unassigned"
  | "low-recovery-no-action"
  | "promise-missing"
  | "log-states-condition"
  | "bill-past-maturity"
  | "overpayment";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** Sheet column letter ("F"); "" when the finding concerns the whole row. */
  column: string;
  /** The cell as Excel names it: "应收账款台账!F12" ('My sheet'!F12 when the name needs quotes; 台账!12:12 for a row). */
  cell: string;
  /** The field the finding is about (a ledger or companion field key), when there is one. */
  field?: string;
  message: Bilingual;
}

/**
 * One rule: its severity and source here, its words (title, definition, message templates) in
 * src/i18n/rules.ts. `messages` are templates: `{name}` is replaced by the parameter of that name
 * (every message starts with `{cell}`); "default" is always present, other keys are variants
 * (e.g. "never" for a customer never confirmed at all).
 */
interface RuleDefinition extends RuleText {
  id: RuleId;
  severity: Severity;
  /** Where the rule comes from: a POLICY.md section, or "data" for a plain data fault. */
  source: string;
}

/** Each rule's facts joined with its words; a rule without words (or words without a rule) is a fault of the catalogue. */
function rulesOf(facts: Record<RuleId, { severity: Severity; source: string }>): Record<RuleId, RuleDefinition> {
  const out = {} as Record<RuleId, RuleDefinition>;
  for (const id of Object.keys(facts) as RuleId[]) {
    const text = RULE_TEXTS[id];
    if (text === undefined) throw new Error(`rule ${id} has no words in src/i18n/rules.ts`);
    out[id] = { id, ...facts[id], ...text };
  }
  for (const id of Object.keys(RULE_TEXTS)) if (!(id in facts)) throw new Error(`src/i18n/rules.ts words a rule ${id} the catalogue does not have`);
  return out;
}

/**
 * Words in a collection log entry (method, result, note) or in a ledger row's status/note that
 * mean a legal step was taken (POLICY §6, "< 50%: arbitration or lawsuit where needed").
 * A word list, not a threshold: AuditOptions.legalStepWords replaces it.
 */
export const LEGAL_STEP_WORDS: readonly string[] = [
  "诉讼",
  "起诉",
  "仲裁",
  "律师函",
  "法院",
  "判决",
  "支付令",
  "强制执行",
  "legal",
  "lawsuit",
  "sued",
  "arbitration",
  "court",
  "attorney",
  "solicitor",
];

/**
 * Words in a bills register's status or note that mean the bill has left the drawer: presented
 * for collection, paid, discounted, endorsed on, or taken back to accounts receivable
 * (POLICY §9). AuditOptions.billSettledWords replaces it.
 */
export const BILL_SETTLED_WORDS: readonly string[] = [
  "已托收",
  "托收",
  "已收款",
  "已收",
  "收妥",
  "兑付",
  "已兑现",
  "已贴现",
  "贴现",
  "已背书",
  "背书",
  "转回应收",
  "转应收",
  "已退票",
  "paid",
  "collected",
  "presented",
  "discounted",
  "endorsed",
  "honoured",
  "honored",
];

/**
 * Words of a ledger's aging column (账龄) naming an aging class (POLICY §2). Report bands
 * ("1年以内", "1-2年") are matched against policy.reportBands' own labels in check.ts.
 */
export const CLASS_WORDS: Readonly<Record<"normal" | "overdue" | "stale" | "bad", readonly string[]>> = {
  normal: ["正常", "正常应收账款", "正常应收帐款", "未逾期", "信用期内", "normal", "current", "not due"],
  overdue: ["逾期", "逾期应收账款", "逾期应收帐款", "overdue", "past due"],
  stale: ["呆滞", "呆滞应收账款", "呆滞应收帐款", "stale", "doubtful"],
  bad: ["呆帐", "呆账", "坏账", "坏帐", "bad", "bad debt"],
};

export const RULES: Readonly<Record<RuleId, RuleDefinition>> = rulesOf({
  "missing-field": { severity: "error", source: "data" },
  "bad-date": { severity: "error", source: "data" },
  "bad-amount": { severity: "error", source: "data" },
  "bad-value": { severity: "error", source: "data" },
  "excel-error": { severity: "error", source: "data" },
  "sub-fen-amount": { severity: "info", source: "data" },
  "unknown-document": { severity: "warning", source: "data" },
  "unallocated-receipt": { severity: "warning", source: "data" },
  "control-total-mismatch": { severity: "error", source: "data" },
  "reading-mostly-unusable": { severity: "error", source: "data" },
  "as-of-inexact": { severity: "warning", source: "POLICY §2" },
  "list-dated-before": { severity: "warning", source: "POLICY §2" },
  "opening-balance-dated": { severity: "info", source: "POLICY §3" },
  "credits-from-balance": { severity: "info", source: "POLICY §1" },
  "foreign-currency": { severity: "error", source: "POLICY §1" },
  "customer-filled-down": { severity: "info", source: "POLICY §1" },
  "status-says-settled": { severity: "warning", source: "POLICY §10" },
  "voided-or-draft": { severity: "warning", source: "POLICY §1" },
  "sheet-not-read": { severity: "warning", source: "data" },
  "receipt-on-debit": { severity: "warning", source: "POLICY §10" },
  "due-before-date": { severity: "error", source: "POLICY §2" },
  "received-exceeds-amount": { severity: "warning", source: "POLICY §10" },
  "balance-mismatch": { severity: "error", source: "POLICY §10" },
  "duplicate-document": { severity: "error", source: "POLICY §10" },
  "allowance-mismatch": { severity: "warning", source: "POLICY §4" },
  "class-mismatch": { severity: "warning", source: "POLICY §2, §3" },
  "customer-not-in-master": { severity: "warning", source: "POLICY §5" },
  "customer-master-mismatch": { severity: "warning", source: "POLICY §5" },
  "credit-limit-exceeded": { severity: "warning", source: "POLICY §5" },
  "credit-review-overdue": { severity: "warning", source: "POLICY §5" },
  "reconciliation-overdue": { severity: "warning", source: "POLICY §7" },
  "write-off-candidate": { severity: "info", source: "POLICY §8" },
  "status-near-condition": { severity: "info", source: "POLICY §2, §8" },
  "bad-debt-unassigned": { severity: "warning", source: "POLICY §6, plan 000" },
  "low-recovery-no-action": { severity: "warning", source: "POLICY §6" },
  "promise-missing": { severity: "warning", source: "POLICY §6" },
  "log-states-condition": { severity: "warning", source: "POLICY §2, §8" },
  "bill-past-maturity": { severity: "warning", source: "POLICY §9" },
  "overpayment": { severity: "warning", source: "POLICY §1, §10" },
});

/** Every rule, in catalogue order (data faults first, then the policy's rules). */
export const RULE_IDS: readonly RuleId[] = Object.keys(RULES) as RuleId[];

// ---------------------------------------------------------------------------------------------
// Cells and messages
// ---------------------------------------------------------------------------------------------

const sheetRefCache = new Map<string, string>();

/** A sheet name as a formula writes it: quoted when it holds anything but letters, digits, _ and CJK. */
function sheetRefName(sheet: string): string {
  let ref = sheetRefCache.get(sheet);
  if (ref === undefined) {
    ref = /^[\p{L}\p{N}_.]+$/u.test(sheet) && !/^\d/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
    if (sheetRefCache.size < 1024) sheetRefCache.set(sheet, ref);
  }
  return ref;
}

/** "台账!F12"; for a whole row (column ""), "台账!12:12". */
export function cellRef(sheet: string, column: string, row: number): string {
  return column === "" ? `${sheetRefName(sheet)}!${row}:${row}` : `${sheetRefName(sheet)}!${column}${row}`;
}

/** Parameters of a message template; `cell` is filled in by makeFinding. */
export type MessageParams = Record<string, string | number | Bilingual>;

/**
 * Parameters made when a message is first read, from the finding's `at` (a ledger row's index,
 * say). One such function per rule and check serves all its findings: a closure per finding
 * costs an object and a context each, and a check may make a hundred thousand findings.
 */
export type ParamsAt = (at: number) => MessageParams;

function fill(template: string, params: MessageParams, lang: "zh-CN" | "en-US"): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (typeof v === "object") return v[lang];
    return String(v);
  });
}

/** The message of a rule's template (a variant, else "default") with its blanks filled in. */
function renderMessage(rule: RuleId, params: MessageParams, variant = "default"): Bilingual {
  const messages = RULES[rule].messages;
  const template = messages[variant] ?? messages.default;
  return { "zh-CN": fill(template["zh-CN"], params, "zh-CN"), "en-US": fill(template["en-US"], params, "en-US") };
}

/**
 * A finding whose cell name and message are made when first read: a check over a million rows
 * may find a hundred thousand things, and most messages are never displayed. JSON.stringify
 * sees the plain Finding shape (toJSON).
 */
class LazyFinding implements Finding {
  readonly severity: Severity;
  private cellText: string | null = null;
  private text: Bilingual | null = null;

  constructor(
    readonly rule: RuleId,
    readonly sheet: string,
    readonly row: number,
    readonly column: string,
    /** A function is called with `at` (a `() => MessageParams` ignores it). */
    private readonly params: MessageParams | ParamsAt,
    private readonly at: number,
    private readonly variant: string | undefined,
    readonly field: string | undefined,
  ) {
    this.severity = RULES[rule].severity;
  }

  get cell(): string {
    return (this.cellText ??= cellRef(this.sheet, this.column, this.row));
  }

  get message(): Bilingual {
    if (this.text === null) {
      const params = typeof this.params === "function" ? this.params(this.at) : this.params;
      this.text = renderMessage(this.rule, { ...params, cell: this.cell }, this.variant);
    }
    return this.text;
  }

  toJSON(): Finding {
    const out: Finding = { rule: this.rule, severity: this.severity, sheet: this.sheet, row: this.row, column: this.column, cell: this.cell, message: this.message };
    if (this.field !== undefined) out.field = this.field;
    return out;
  }
}

/**
 * A finding of `rule` at a cell; the message names the cell. `params` may be a function, called
 * only when the message is first read (so formatting costs nothing for findings nobody reads).
 */
export function makeFinding(
  rule: RuleId,
  sheet: string,
  row: number,
  column: string,
  params: MessageParams | (() => MessageParams),
  options: { variant?: string; field?: string } = {},
): Finding {
  return new LazyFinding(rule, sheet, row, column, params, -1, options.variant, options.field);
}

/** makeFinding with the options spelt out (no options object per finding, for the per-row loop). */
export function findingAt(
  rule: RuleId,
  sheet: string,
  row: number,
  column: string,
  params: MessageParams | (() => MessageParams),
  variant: string | undefined,
  field: string | undefined,
): Finding {
  return new LazyFinding(rule, sheet, row, column, params, -1, variant, field);
}

/** findingAt whose parameters are `paramsAt(at)`, made when the message is first read. */
export function findingAtWith(
  rule: RuleId,
  sheet: string,
  row: number,
  column: string,
  paramsAt: ParamsAt,
  at: number,
  variant: string | undefined,
  field: string | undefined,
): Finding {
  return new LazyFinding(rule, sheet, row, column, paramsAt, at, variant, field);
}

/** Sheet order: by sheet (first seen first, via `sheetOrder`), row, column (B before AA), then rule. */
export function compareFindings(sheetOrder: ReadonlyMap<string, number>) {
  return (a: Finding, b: Finding): number =>
    (sheetOrder.get(a.sheet) ?? 1e9) - (sheetOrder.get(b.sheet) ?? 1e9) ||
    a.row - b.row ||
    a.column.length - b.column.length ||
    (a.column < b.column ? -1 : a.column > b.column ? 1 : 0) ||
    RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule);
}

/**
 * A finding's message without its leading cell reference: the pane's link and the findings
 * sheet's cell column already name the cell ("应收账款台账!G9（发生日期）：…" shows as "（发生日期）：…" → "发生日期：…").
 */
export function messageWithoutCell(message: string, cell: string): string {
  if (!message.startsWith(cell)) return message;
  const rest = message.slice(cell.length);
  const field = /^(?:（([^）]*)）|\s\(([^)]*)\))([：:]\s?)/.exec(rest);
  if (field) return `${field[1] ?? field[2]}${field[3]}${rest.slice(field[0].length)}`;
  return rest.replace(/^[：:]\s?/, "").replace(/^[，,]\s?/, "");
}
