/**
 * Custom-function arguments as data (in the spirit of HyperFormula's function plugins, whose
 * tables give each argument's type and default): each function declares its arguments once, in
 * a spec table next to it — name (the table's key, in the order Excel passes them), kind,
 * whether it may be left out, and what a blank gives — and they are coerced here, in one place.
 * A function body receives the values already read: day numbers, exact amounts, a Policy, a Lang.
 *
 * Two scopes:
 * - "cell": a cell or a range, read in each position of the broadcast shape (cells.ts).
 * - "call": read once for the whole call (a policy range, a language, a table of rates); a
 *   failure there fails the call.
 *
 * A position is read in two steps, so an error in a date or an amount shows even beside a blank:
 * first every "cell" argument up to the last whose blank empties the row; if one of them was
 * blank the position's result is empty (""); only then the rest, in order.
 */
import type Decimal from "decimal.js";
import { type CreditTerm, creditTerm } from "../core/credit-terms";
import { parseDate } from "../core/dates";
import { ArError } from "../core/errors";
import { Dec, parseMoney, toHalfWidth } from "../core/money";
import { policyFromRange } from "../core/policy/ranges";
import type { Policy } from "../core/policy/types";
import type { Lang } from "../i18n";
import { asMatrix, broadcast, CallError, isMissing, refuseErrorValue, scalarArg, throwAsExcel, type Cell, type Matrix, type Result } from "./cells";

/** What a blank cell (or an omitted optional argument) gives. */
type BlankRule =
  | "empty result" // the position's result is "" (nothing to say about a blank row)
  | "default" // the argument's default: no status, the policy's defaults, the policy's credit term, zh-CN…
  | "to the core" // passed on as it is; the core decides (e.g. a blank annual rate is its error)
  | "error"; // the call fails (a table that must be given)

type ArgKind = "date" | "money" | "status" | "value" | "credit days" | "policy range" | "language" | "rates" | "range" | "weights" | "history";

/** Returned by `read` for a blank whose rule is "empty result". */
export const BLANK: unique symbol = Symbol("blank");

interface Arg<T> {
  readonly kind: ArgKind;
  readonly scope: "cell" | "call";
  readonly optional: boolean;
  readonly blank: BlankRule;
  /** The coercion: one cell (scope "cell") or the whole argument (scope "call") to the value the body receives. */
  readonly read: (raw: unknown, name: string) => T | typeof BLANK;
}

/** A function's arguments, keyed by parameter name in Excel's order (the JSDoc @param names; a test checks them). */
export type ArgSpec = Record<string, Arg<unknown>>;

/** The values a body receives: each argument's name with its coerced value. */
type ArgValues<S extends ArgSpec> = { [K in keyof S]: S[K] extends Arg<infer T> ? T : never };

export function optional<T>(arg: Arg<T>): Arg<T> {
  return { ...arg, optional: true };
}

// ---------------------------------------------------------------------------------------------
// Kinds of "cell" argument
// ---------------------------------------------------------------------------------------------

/** A date (serial, date text, Date): its day number. Blank (or Excel desktop's 0 for a blank): empty result; an Excel error passed on. */
export function date(): Arg<number> {
  return {
    kind: "date",
    scope: "cell",
    optional: false,
    blank: "empty result",
    read: (c, name) => {
      refuseErrorValue(c, name);
      return parseDate(c, name) ?? BLANK;
    },
  };
}

/** An amount in yuan (a number or text such as "90.96万"), exact. Blank: empty result; an Excel error passed on. */
export function money(): Arg<Decimal> {
  return {
    kind: "money",
    scope: "cell",
    optional: false,
    blank: "empty result",
    read: (c, name) => {
      refuseErrorValue(c, name);
      return parseMoney(c, name) ?? BLANK;
    },
  };
}

/**
 * An amount that may be "not assessed": blank, or a numeric 0 (how Excel desktop hands over a blank
 * cell), gives null; "0" written as text is a real zero. An Excel error passed on.
 */
export function assessedMoney(): Arg<Decimal | null> {
  return {
    kind: "money",
    scope: "cell",
    optional: false,
    blank: "default",
    read: (c, name) => {
      if (c === 0) return null;
      refuseErrorValue(c, name);
      return parseMoney(c, name);
    },
  };
}

/** Status or note text; null when the cell holds no text (a number, a blank). */
export function statusText(c: unknown): string | null {
  return typeof c === "string" && c.trim() !== "" ? c : null;
}

export function status(): Arg<string | null> {
  return { kind: "status", scope: "cell", optional: false, blank: "default", read: (c) => statusText(c) };
}

/** A number or text the core reads itself (a score, a probability, a band): the cell as it is; null, undefined or "": empty result. */
export function value(): Arg<number | string | boolean> {
  return {
    kind: "value",
    scope: "cell",
    optional: false,
    blank: "empty result",
    read: (c) => (c === null || c === undefined || c === "" ? BLANK : (c as number | string | boolean)),
  };
}

/** A cell passed to the core as it is, blank included (the core's own check names the problem). */
export function valueForCore(): Arg<Cell> {
  return { kind: "value", scope: "cell", optional: false, blank: "to the core", read: (c) => c as Cell };
}

/**
 * Credit days as a cell holds them: a number of days, or a term as a ledger writes it (30天, net
 * 30, 货到付款, 3个月, 月结60天, 次月结: credit-terms.creditTerm, as the ledger reader reads the
 * same cell). Desktop Excel hands a custom function a blank cell as 0, so a numeric 0 (and a
 * blank) is "not given" (null: the policy's default term), as PROVISION's expected_recovery reads
 * a blank. Zero days is written as the text "0" or a word for it (货到付款, 现款).
 */
export function creditDays(): Arg<number | CreditTerm | null> {
  return {
    kind: "credit days",
    scope: "cell",
    optional: false,
    blank: "default",
    read: (c, name) => {
      refuseErrorValue(c, name);
      const n = creditDaysOf(c);
      if (n !== null && typeof n === "number" && !(Number.isInteger(n) && n >= 0)) {
        throw new ArError("aging.credit-days-invalid", {
          "zh-CN": `信用期“${String(c)}”不是天数或账期（0 或正整数天数，或 30天、月结60天、3个月、货到付款 这样的写法；文字“0”表示货到付款）`,
          "en-US": `${name} "${String(c)}" is not a number of days or a credit term (0 or a whole number of days, or a term such as 30天, 月结60天, 3个月, 货到付款; the text "0" for none)`,
        });
      }
      return n;
    },
  };
}

function creditDaysOf(c: unknown): number | CreditTerm | null {
  if (c === null || c === undefined || c === "" || c === 0) return null;
  if (typeof c === "number") return c;
  const t = toHalfWidth(String(c)).trim();
  if (t === "") return null;
  if (/^[+-]?\d+(?:\.\d+)?$/.test(t)) return Number(t);
  const days = /^\+?(\d{1,5})\s*(?:天|日|days?|d)$/i.exec(t);
  if (days !== null) return Number(days[1]);
  return creditTerm(t) ?? NaN;
}

// ---------------------------------------------------------------------------------------------
// Kinds of "call" argument
// ---------------------------------------------------------------------------------------------

/** A policy range (the policy sheet's rows) or the shorthand table of one section; omitted: the defaults. */
export function policyRange(shorthand: Parameters<typeof policyFromRange>[1]): Arg<Policy> {
  return {
    kind: "policy range",
    scope: "call",
    optional: false,
    blank: "default",
    read: (v, name) => {
      try {
        return policyFromRange(isMissing(v) ? null : asMatrix(v), shorthand);
      } catch (e) {
        if (e instanceof ArError) throw new CallError(e.excel, `${name}: ${e.text["en-US"]} / ${e.text["zh-CN"]}`);
        throw e;
      }
    },
  };
}

/** "zh-CN" or "en-US" (and their everyday spellings) in one cell; blank or omitted: zh-CN. */
export function language(): Arg<Lang> {
  return {
    kind: "language",
    scope: "call",
    optional: false,
    blank: "default",
    read: (v, name) => {
      if (isMissing(v)) return "zh-CN";
      const cell = scalarArg(v, name);
      if (cell === null || cell === undefined || cell === "" || cell === 0) return "zh-CN";
      const t = String(cell).trim().toLowerCase();
      if (/^(zh|zh-cn|zh-hans|cn|chinese|中文|简体中文)$/.test(t)) return "zh-CN";
      if (/^(en|en-us|english|英文|英语)$/.test(t)) return "en-US";
      throw new CallError("#VALUE!", `${name} must be "zh-CN" or "en-US", not "${String(cell)}" / ${name} 应为 "zh-CN" 或 "en-US"`);
    },
  };
}

/**
 * A row or column of rates (fractions, or percentages typed with %); a blank cell in it is null.
 * Omitted: `ifOmitted` when given (a default), else read as one blank cell.
 */
export function rates(ifOmitted?: Decimal[]): Arg<(Decimal | null)[]> {
  return {
    kind: "rates",
    scope: "call",
    optional: false,
    blank: ifOmitted ? "default" : "to the core",
    read: (v, name) => (ifOmitted && isMissing(v) ? ifOmitted : ratesOf(v, name)),
  };
}

function ratesOf(v: unknown, name: string): (Decimal | null)[] {
  return asMatrix(v)
    .flat()
    .map((c, k) => {
      if (c === null || c === undefined || c === "") return null;
      refuseErrorValue(c, name);
      if (typeof c === "number") return new Dec(c);
      const t = String(c).trim();
      const m = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(t);
      if (m !== null) return new Dec(m[1]).div(100);
      if (/^[+-]?\d+(?:\.\d+)?$/.test(t)) return new Dec(t);
      throw new CallError("#VALUE!", `${name} ${k + 1}: "${t}" is not a rate; write 20% or 0.2 / ${name} 第 ${k + 1} 项“${t}”不是比率，应写 20% 或 0.2`);
    });
}

/** A range as rows of cells, for a body that reads its shape (answers per rater). */
export function range(): Arg<Matrix> {
  return { kind: "range", scope: "call", optional: false, blank: "to the core", read: (v) => asMatrix(v) };
}

/**
 * Weights in a row or column, as cells; undefined (not given) when omitted or all blank. An
 * all-blank weights row (a questionnaire sheet's, before anyone weighs the raters) means the
 * plain mean; Excel desktop hands those blanks over as 0, and all-zero weights would weigh nobody anyway.
 */
export function weights(): Arg<Cell[] | undefined> {
  return {
    kind: "weights",
    scope: "call",
    optional: false,
    blank: "default",
    read: (v) => {
      const given = isMissing(v) ? [] : asMatrix(v).flat();
      return given.every((w) => w === null || w === undefined || w === 0 || (typeof w === "string" && w.trim() === "")) ? undefined : given;
    },
  };
}

/** A history table: one row per period end (its date first, then the balance of each band, youngest first); a header row of text is skipped. */
export function history(): Arg<{ asOf: number; bands: Decimal[] }[]> {
  return {
    kind: "history",
    scope: "call",
    optional: false,
    blank: "error",
    read: (v, name) => {
      const m = asMatrix(v);
      const rows = m.filter((r) => !(typeof r[0] === "string" && r[0].trim() !== "" && !/\d/.test(r[0])));
      if (rows.length < 3) {
        throw new CallError("#N/A", `${name} needs at least three period ends (two transitions), got ${rows.length} / 迁徙率至少需要三个期末时点（两个期间），只有 ${rows.length} 个`);
      }
      const asDate = date().read;
      const asMoney = money().read;
      return rows.map((r, k) => {
        const d = asDate(r[0], `${name} row ${k + 1} date`);
        if (d === BLANK) throw new CallError("#VALUE!", `${name} row ${k + 1}: the first column must be the period end's date / 历史表第 ${k + 1} 行：第一列应为期末日期`);
        // A blank band holds nothing.
        return { asOf: d, bands: r.slice(1).map((c, b) => { const amount = asMoney(c, `${name} row ${k + 1} band ${b + 1}`); return amount === BLANK ? new Dec(0) : amount; }) };
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Reading a call
// ---------------------------------------------------------------------------------------------

/** The arguments Excel passed, by position: a function's `arguments`, in the order of its spec. */
export type Given = ArrayLike<unknown>;

/** The "call" arguments, read once in spec order. */
export function readCall<S extends ArgSpec>(spec: S, given: Given): Partial<ArgValues<S>> {
  const values: Record<string, unknown> = {};
  Object.entries(spec).forEach(([name, arg], i) => {
    if (arg.scope === "call") values[name] = arg.read(given[i], name);
  });
  return values as Partial<ArgValues<S>>;
}

/** The "cell" arguments as broadcast takes them: an omitted optional one is a blank. */
export function cellArguments(spec: ArgSpec, given: Given): { name: string; value: unknown }[] {
  return Object.entries(spec).flatMap(([name, arg], i) => {
    if (arg.scope !== "cell") return [];
    const v = given[i];
    return [{ name, value: arg.optional && isMissing(v) ? null : v }];
  });
}

/**
 * How one position is read: the "cell" arguments from its cells (in the order cellArguments gives
 * them), joined to the call's values; BLANK when the position's result is empty.
 */
export function rowReader<S extends ArgSpec>(spec: S): (call: Partial<ArgValues<S>>, cells: readonly Cell[]) => ArgValues<S> | typeof BLANK {
  const cellArgs = Object.entries(spec).filter(([, arg]) => arg.scope === "cell");
  const names = cellArgs.map(([name]) => name);
  const args = cellArgs.map(([, arg]) => arg);
  const lastEmptying = args.map((arg) => arg.blank).lastIndexOf("empty result");
  return (call, cells) => {
    // Once per position (100,000 rows in one call): Object.assign, as a spread made AR.DUE_DATE over 100,000 rows ~15× slower.
    const values: Record<string, unknown> = Object.assign({}, call);
    let blank = false;
    for (let k = 0; k < args.length; k++) {
      if (blank && k > lastEmptying) return BLANK;
      const v = args[k].read(cells[k], names[k]);
      if (v === BLANK) blank = true;
      else values[names[k]] = v;
    }
    return blank ? BLANK : (values as ArgValues<S>);
  };
}

/**
 * A row-wise function: reads the call's arguments, broadcasts the cell arguments, and gives `row`
 * each position's values; a blank position is "". Failures of the call are thrown to Excel.
 */
export function perRow<S extends ArgSpec>(spec: S, given: Given, row: (values: ArgValues<S>) => Result): Result[][] {
  try {
    const call = readCall(spec, given);
    const readRow = rowReader(spec);
    return broadcast(cellArguments(spec, given), (cells) => {
      const values = readRow(call, cells);
      return values === BLANK ? "" : row(values);
    });
  } catch (e) {
    throwAsExcel(e);
  }
}

/** A function of whole arguments only (tables in, one result or one row out). Failures are thrown to Excel. */
export function wholeCall<S extends ArgSpec, R>(spec: S, given: Given, body: (values: ArgValues<S>) => R): R {
  try {
    return body(readCall(spec, given) as ArgValues<S>);
  } catch (e) {
    throwAsExcel(e);
  }
}
