/**
 * Reading cells by kind (text, date, money, integer, probability, yes/no), with an issue for each
 * cell that cannot be read, named by sheet, row and column.
 *
 * Speed: a number cell takes no regex and no Decimal: money is kept as integer fen (fen.ts) and
 * a Decimal is made only when a caller asks for it; serial dates go straight to a day number.
 */
import type Decimal from "decimal.js";
import { parseProbability } from "../collection";
import { type DayNumber, fromYmd } from "../calendar";
import { type ExcelDateSystem, formatIsoDate, type ParseDateOptions, parseDate } from "../dates";
import { isArError } from "../errors";
import type { Bilingual } from "../../i18n/bilingual";
import { MAX_FEN_LINE, numberToFen } from "../fen";
import { Dec, isExcelErrorValue, moneyOutOfRange, parseMoney, quoteInput, toHalfWidth, withinMoneyLimit } from "../money";
import { type CreditTerm, creditTerm } from "../credit-terms";
import { isBlankValue, trimmed as trimmedText } from "./cell-text";
import { unwrapCell } from "./headers";
import type { ParseIssue, ParseIssueKind } from "./parse-issues";
import type { ColumnPlan } from "./table";

export type { CreditTerm } from "../credit-terms";

/** The days a ledger's dates may fall on: a date outside them is a typing slip, not a date (CellReader.date). */
const FIRST_LEDGER_DAY = fromYmd(1950, 1, 1);
const LAST_LEDGER_DAY = fromYmd(2099, 12, 31);

// Imported functions and constants the per-cell path uses, taken once. Run through tsx (the CLI,
// the bench) a module is CommonJS and every use of an imported name calls a getter of its export
// table: per cell, those calls took about a seventh of reading a million rows.
const parseDateValue = parseDate;
const isExcelError = isExcelErrorValue;
const fenOfNumber = numberToFen;
const MAX_FEN = MAX_FEN_LINE;
const trimmed = trimmedText;
const withinLimit = withinMoneyLimit;
const outOfRange = moneyOutOfRange;
const ROUND_HALF_UP = Dec.ROUND_HALF_UP;
/** Below this (yuan), a number's difference from its fen is a float residue, not money. */
const FLOAT_RESIDUE = new Dec("1e-6");

/** money() results. */
export const MONEY_BLANK = 0;
export const MONEY_READ = 1;
export const MONEY_BAD = 2;

function textHasOwnUnit(text: string): boolean {
  return /[万亿元]/.test(text);
}

/** Fen of a Decimal when it is a whole number of fen on the fast path's scale, else NaN. */
export function fenOfDecimal(d: Decimal): number {
  const f = d.times(100);
  if (!f.isInteger() || f.abs().gt(MAX_FEN_LINE)) return NaN;
  return f.toNumber() + 0;
}

/** A Decimal for an exact fen amount. */
export function fenToDecimal(fen: number): Decimal {
  return new Dec(fen).div(100);
}

const ACCEPTED_INTEGER = { zh: "非负整数天数，如 30、30天", en: "a whole number of days, e.g. 30 or 30天" };
const ACCEPTED_BOOLEAN = { zh: "是/否、有/无、Y/N", en: "yes/no, 是/否, Y/N" };

const TRUE_WORDS = new Set(["是", "有", "已", "y", "yes", "true", "1", "√", "✓", "✔"]);
const FALSE_WORDS = new Set(["否", "无", "未", "n", "no", "false", "0", "×", "✗", "✘"]);

/**
 * Reads cells by kind and records an issue for each bad one. Money results land in `fen` and
 * `dec` (not a returned object: the hot path makes no garbage per cell).
 */
export class CellReader {
  readonly issues: ParseIssue[] = [];
  fen = NaN;
  dec: Decimal | null = null;
  /**
   * Whether a credit-days cell may give its term in months (3个月, 半年) or as month-end
   * settlement (月结60天): then `integer` returns null and leaves the term here for the caller,
   * which makes the due date of it (a ledger line has its date). Off for a customer master.
   */
  acceptTerms = false;
  term: CreditTerm | null = null;
  /** parseDate's options, made once (not an object per date cell). */
  private readonly dateOptions: ParseDateOptions;

  constructor(
    readonly sheet: string,
    readonly dateSystem: ExcelDateSystem,
  ) {
    this.dateOptions = { dateSystem };
  }

  report(row: number, plan: Pick<ColumnPlan, "letter" | "field" | "decl">, issue: ParseIssueKind, value: unknown, detail: Bilingual, severity: "error" | "warning" = "error"): void {
    const label = plan.decl.label;
    this.issues.push({
      sheet: this.sheet,
      row,
      column: plan.letter,
      field: plan.field,
      issue,
      severity,
      value: value === undefined ? "" : quoteInput(value),
      zh: `工作表“${this.sheet}”第 ${row} 行 ${plan.letter} 列（${label["zh-CN"]}）：${detail["zh-CN"]}`,
      en: `Sheet "${this.sheet}", row ${row}, column ${plan.letter} (${label["en-US"]}): ${detail["en-US"]}`,
    });
  }

  private excelError(row: number, plan: ColumnPlan, value: unknown): undefined {
    const q = typeof value === "string" ? value.trim() : quoteInput((value as { error?: unknown }).error ?? value);
    this.report(row, plan, "excel-error", value, {
      "zh-CN": `单元格是 Excel 错误值 ${q}，按空白处理；请修正公式或填入${plan.decl.label["zh-CN"]}。`,
      "en-US": `the cell holds the Excel error ${q} and is read as blank; fix the formula or enter the ${plan.decl.label["en-US"]}.`,
    });
    return undefined;
  }

  private fromError(row: number, plan: ColumnPlan, issue: ParseIssueKind, value: unknown, e: unknown, expected: Bilingual): undefined {
    if (isArError(e)) {
      this.report(row, plan, issue, value, { "zh-CN": e.text["zh-CN"], "en-US": e.text["en-US"] });
    } else {
      // Not ours (a throwing toString, say): still a clear message, never a stack trace.
      this.report(row, plan, issue, value, {
        "zh-CN": `无法读取“${quoteInput(value)}”，应为${expected["zh-CN"]}。`,
        "en-US": `cannot read "${quoteInput(value)}"; expected ${expected["en-US"]}.`,
      });
    }
    return undefined;
  }

  /** Text: trimmed; a number as written; a date as yyyy-mm-dd. null blank, undefined bad. */
  text(value: unknown, row: number, plan: ColumnPlan): string | null | undefined {
    let v = value;
    if (typeof v === "object" && v !== null && !(v instanceof Date)) v = unwrapCell(v);
    if (typeof v === "string") {
      const t = trimmed(v);
      if (t === "") return null;
      if (t.charCodeAt(0) === 0x23 && isExcelError(t)) return this.excelError(row, plan, t);
      return t;
    }
    if (v === null || v === undefined) return null;
    if (typeof v === "number") return Number.isFinite(v) ? String(v) : this.excelError(row, plan, v);
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    if (v instanceof Date) {
      const day = this.date(v, row, plan);
      return day === null || day === undefined ? undefined : formatIsoDate(day);
    }
    if (isExcelError(v)) return this.excelError(row, plan, v);
    return this.fromError(row, plan, "bad-text", v, null, { "zh-CN": "文字", "en-US": "text" });
  }

  /** A day: Excel serial, JS Date, or a date spelling (dates.parseDate). */
  date(value: unknown, row: number, plan: ColumnPlan): DayNumber | null | undefined {
    let v = value;
    if (typeof v === "object" && v !== null && !(v instanceof Date)) v = unwrapCell(v);
    if (typeof v === "number" && v >= 19000101 && v <= 99991231 && Number.isInteger(v)) {
      // 20110908 typed as a number: far beyond any serial (9999-12-31 is 2958465), so it can only be YYYYMMDD.
      v = String(v);
    }
    if (isExcelError(v)) return this.excelError(row, plan, v);
    try {
      const day = parseDateValue(v, undefined, this.dateOptions);
      if (day !== null && (day < FIRST_LEDGER_DAY || day > LAST_LEDGER_DAY)) {
        // 2011035 (20110305 short of a digit) or 201106 (a period) is an Excel serial of the year
        // 7406 or 2450: read so, the line would be left out as after any as-of date, unsaid.
        this.report(row, plan, "bad-date", value, {
          "zh-CN": `“${quoteInput(value)}”作为日期是 ${formatIsoDate(day)}，不在 1950 至 2099 年之间，不像台账上的日期（是否少输或多输了数字？），按没有日期处理。`,
          "en-US": `"${quoteInput(value)}" as a date is ${formatIsoDate(day)}, outside the years 1950 to 2099, which no ledger line carries (a digit missing or too many?); it is taken as no date.`,
        });
        return undefined;
      }
      return day;
    } catch (e) {
      return this.fromError(row, plan, "bad-date", v, e, { "zh-CN": "日期", "en-US": "a date" });
    }
  }

  /** A whole number ≥ 0 (credit days): 30, "30", "30天", "30 days". */
  integer(value: unknown, row: number, plan: ColumnPlan): number | null | undefined {
    let v = value;
    if (typeof v === "object" && v !== null && !(v instanceof Date)) v = unwrapCell(v);
    // A credit term in months (账期（月）: 3): a term of three months, as 3个月 written out.
    if (plan.months === true && plan.field === "creditDays" && (typeof v === "number" || typeof v === "string")) {
      const t = typeof v === "number" ? String(v) : toHalfWidth(v).trim();
      if (/^\d{1,3}$/.test(t)) {
        if (!this.acceptTerms) return Number(t) === 0 ? 0 : this.integer(`${t}个月`, row, plan);
        if (Number(t) === 0) return 0;
        this.term = { months: Number(t), monthEnd: false, days: 0, text: `${t}个月` };
        return null;
      }
    }
    if (typeof v === "number") {
      if (Number.isSafeInteger(v) && v >= 0) return v + 0;
    } else if (typeof v === "string") {
      const t = toHalfWidth(v).trim();
      if (t === "") return null;
      if (isExcelError(t)) return this.excelError(row, plan, v);
      const m = /^\+?(\d{1,9})(?:\.0*)?\s*(天|日|days?|d)?$/i.exec(t);
      if (m !== null) return Number(m[1]);
      if (plan.field === "creditDays") {
        const term = creditTerm(t);
        if (typeof term === "number") return term;
        if (term !== null) {
          if (this.acceptTerms) {
            this.term = term;
            return null;
          }
          this.report(row, plan, "bad-number", v, {
            "zh-CN": `“${quoteInput(v)}”是按月计的信用期，这里需要天数（如 90），以便按客户推算每笔款项的到期日。`,
            "en-US": `"${quoteInput(v)}" is a credit term in months; a number of days is needed here (e.g. 90), to date each of the customer's items.`,
          });
          return undefined;
        }
      }
    } else if (v === null || v === undefined) {
      return null;
    } else if (isExcelError(v)) {
      return this.excelError(row, plan, v);
    }
    this.report(row, plan, "bad-number", v, {
      "zh-CN": `“${quoteInput(v)}”不是有效的${plan.decl.label["zh-CN"]}，应为${ACCEPTED_INTEGER.zh}。`,
      "en-US": `"${quoteInput(v)}" is not valid for ${plan.decl.label["en-US"]}; expected ${ACCEPTED_INTEGER.en}.`,
    });
    return undefined;
  }

  /**
   * An amount in yuan, the cell's number times the column's scale (a text that names its own
   * unit, "90.96万" or "1,234元", is taken as it says). Sets `fen` (NaN off the fast path) and
   * `dec` (null on the fast path). An amount of 10^13 yuan or more, after the scale, is a bad
   * amount (money.ts MONEY_LIMIT_YUAN), never a different number.
   */
  money(value: unknown, row: number, plan: ColumnPlan): number {
    if (typeof value === "number") {
      const f = fenOfNumber(value);
      if (f === f) {
        const scaled = plan.scale === 1 ? f : f * plan.scale;
        if (scaled < MAX_FEN && scaled > -MAX_FEN) {
          this.fen = scaled;
          this.dec = null;
          return MONEY_READ;
        }
      }
    }
    let v = value;
    if (typeof v === "object" && v !== null && !(v instanceof Date)) v = unwrapCell(v);
    if (isExcelError(v)) {
      this.excelError(row, plan, v);
      return MONEY_BAD;
    }
    let d: Decimal | null;
    try {
      d = parseMoney(v);
    } catch (e) {
      this.fromError(row, plan, "bad-amount", v, e, { "zh-CN": "金额", "en-US": "an amount" });
      return MONEY_BAD;
    }
    if (d === null) return MONEY_BLANK;
    if (plan.scale !== 1 && !(typeof v === "string" && textHasOwnUnit(v))) {
      d = d.times(plan.scale);
      if (!withinLimit(d)) {
        this.fromError(row, plan, "bad-amount", v, outOfRange(`${quoteInput(v)} × ${plan.scale}`), { "zh-CN": "金额", "en-US": "an amount" });
        return MONEY_BAD;
      }
    }
    if (typeof v === "number" && d.decimalPlaces() > 2) {
      // A formula's binary residue (=2345678.90-2345678.80 is 0.10000000009313226): the fen it
      // shows is what it means. A real fraction of a fen (15000.005, =100/3) is far larger.
      const atFen = d.toDecimalPlaces(2, ROUND_HALF_UP);
      if (d.minus(atFen).abs().lt(FLOAT_RESIDUE)) d = atFen;
    }
    this.dec = d;
    this.fen = fenOfDecimal(d);
    if (this.fen !== this.fen && d.decimalPlaces() > 2) {
      const exact = d.toFixed();
      const shown = d.toFixed(2, ROUND_HALF_UP);
      this.report(
        row,
        plan,
        "sub-fen",
        v,
        {
          "zh-CN": `${exact} 有分以下的尾数（到分为 ${shown}）；按原值计入合计和坏账准备，合计最后四舍五入到分一次。`,
          "en-US": `${exact} has a fraction of a fen (${shown} to the fen); totals and provisions take the exact value and are rounded to the fen once, at the end.`,
        },
        "warning",
      );
    }
    return MONEY_READ;
  }

  /** A fraction in [0, 1] (collection.parseProbability: 0.85, "85%", 85). */
  probability(value: unknown, row: number, plan: ColumnPlan): Decimal | null | undefined {
    let v = value;
    if (typeof v === "object" && v !== null && !(v instanceof Date)) v = unwrapCell(v);
    if (isBlankValue(v)) return null;
    if (isExcelError(v)) return this.excelError(row, plan, v);
    try {
      return parseProbability(v);
    } catch (e) {
      return this.fromError(row, plan, "bad-probability", v, e, { "zh-CN": "0 到 100% 之间的比例", "en-US": "a share between 0 and 100%" });
    }
  }

  /** Yes or no: TRUE/FALSE, 是/否, 有/无, Y/N, 1/0, √/×. */
  boolean(value: unknown, row: number, plan: ColumnPlan): boolean | null | undefined {
    let v = value;
    if (typeof v === "object" && v !== null && !(v instanceof Date)) v = unwrapCell(v);
    if (typeof v === "boolean") return v;
    if (isBlankValue(v)) return null;
    if (isExcelError(v)) return this.excelError(row, plan, v);
    const t = typeof v === "number" ? String(v) : typeof v === "string" ? toHalfWidth(v).trim().toLowerCase() : "";
    if (TRUE_WORDS.has(t)) return true;
    if (FALSE_WORDS.has(t)) return false;
    this.report(row, plan, "bad-boolean", v, {
      "zh-CN": `“${quoteInput(v)}”不是是/否，应为${ACCEPTED_BOOLEAN.zh}。`,
      "en-US": `"${quoteInput(v)}" is not a yes or no; expected ${ACCEPTED_BOOLEAN.en}.`,
    });
    return undefined;
  }

  /** A missing value the row needs; `names` lists the alternatives when one of several would do. */
  missing(row: number, plan: Pick<ColumnPlan, "letter" | "field" | "decl">, names: Bilingual | null = null): void {
    this.report(row, plan, "missing-field", undefined, {
      "zh-CN": `缺少${names === null ? plan.decl.label["zh-CN"] : names["zh-CN"]}，该行无法完整判断。`,
      "en-US": `the ${names === null ? plan.decl.label["en-US"] : names["en-US"]} is missing, so the row cannot be fully assessed.`,
    });
  }
}

/** "发生日期或到期日" / "date arisen or due date" for a group of several columns; null for one. */
export function alternativesOf(plans: readonly Pick<ColumnPlan, "decl">[]): Bilingual | null {
  if (plans.length < 2) return null;
  return {
    "zh-CN": plans.map((p) => p.decl.label["zh-CN"]).join("或"),
    "en-US": plans.map((p) => p.decl.label["en-US"]).join(" or "),
  };
}
