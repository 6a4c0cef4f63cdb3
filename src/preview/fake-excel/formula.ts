/**
 * A deliberately tiny formula evaluator: numbers, "strings", TRUE/FALSE, cell and range
 * references (optionally sheet-qualified), + - * / ^ & and comparisons, parentheses, SUM, and
 * the custom functions the workbook was given (AR.CREDIT_SCORE…, called by the runtime's rules
 * in custom-functions.ts). Anything else (other functions, names, @, arrays, unregistered custom
 * functions, HYPERLINK) evaluates to the marker '#FAKE_FORMULA', so a test can always tell that
 * a cell holds a formula the fake did not run.
 */
import { parseAddress, type Rect } from "./address";
import { CellError, cellError, FAKE_FORMULA_VALUE, type StoredValue } from "./cell-values";
import { isSpillArray, type BoundCustomFunction, type FormulaArgument, type SpillArray } from "./custom-functions";

interface FormulaHost {
  /** Value of a cell; `sheet` undefined means the formula's own sheet; #REF! for a missing sheet. */
  cell(sheet: string | undefined, row: number, col: number): StoredValue | undefined;
  /** The values of a range's used part, row by row (for SUM). */
  range(sheet: string | undefined, rect: Rect): (StoredValue | undefined)[];
  /** Every cell of a range, in its full shape (for a custom function's argument). */
  matrix(sheet: string | undefined, rect: Rect): (StoredValue | undefined)[][];
  /** A registered custom function by upper-case full name ("AR.CREDIT_SCORE"). */
  customFunction(name: string): BoundCustomFunction | undefined;
}

class Unsupported extends Error {}

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; sheet?: string; text: string }
  | { t: "fn"; v: string }
  | { t: "op"; v: string }
  | { t: "("; v: "(" }
  | { t: ")"; v: ")" }
  | { t: ","; v: "," }
  | { t: "bool"; v: boolean }
  | { t: "err"; v: string };

const REF = /^(?:(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!)?(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?)(?![\w(])/u;
/** An error literal, and "#REF!A1", what a reference to a deleted sheet becomes. */
const ERROR_LITERAL = /^(#REF!|#N\/A|#DIV\/0!|#VALUE!|#NAME\?|#NUM!|#NULL!)(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?)?/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === " ") {
      i++;
      continue;
    }
    const rest = src.slice(i);
    let m = /^(\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (m) {
      out.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (j >= src.length) throw new Unsupported("unterminated string");
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    m = ERROR_LITERAL.exec(rest);
    if (m) {
      out.push({ t: "err", v: m[1] });
      i += m[0].length;
      continue;
    }
    m = REF.exec(rest);
    if (m) {
      const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
      out.push(sheet === undefined ? { t: "ref", text: m[3] } : { t: "ref", sheet, text: m[3] });
      i += m[0].length;
      continue;
    }
    m = /^([A-Za-z_][\w.]*)\s*\(/.exec(rest);
    if (m) {
      out.push({ t: "fn", v: m[1].toUpperCase() });
      i += m[0].length;
      continue;
    }
    m = /^(TRUE|FALSE)(?![\w(])/i.exec(rest);
    if (m) {
      out.push({ t: "bool", v: m[1].toUpperCase() === "TRUE" });
      i += m[0].length;
      continue;
    }
    m = /^(<=|>=|<>|[-+*/^&=<>])/.exec(rest);
    if (m) {
      out.push({ t: "op", v: m[1] });
      i += m[0].length;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ t: ch, v: ch } as Token);
      i++;
      continue;
    }
    throw new Unsupported(`token at ${i}`);
  }
  return out;
}

/** A multi-cell reference, read only by what takes it: SUM as a list, a custom function as a matrix. */
interface RangeRef {
  readonly range: { readonly sheet: string | undefined; readonly rect: Rect };
}

type Value = StoredValue | undefined | RangeRef | SpillArray;

/** An argument left out: F(1,,3) or F(1,). */
const OMITTED = Symbol("omitted");
type Argument = Value | typeof OMITTED;

function isRange(v: Value | typeof OMITTED): v is RangeRef {
  return v !== null && typeof v === "object" && "range" in v;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly host: FormulaHost,
  ) {}

  parse(): Value {
    const v = this.comparison();
    if (this.pos !== this.tokens.length) throw new Unsupported("trailing tokens");
    return v;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isOp(...ops: string[]): string | null {
    const t = this.peek();
    return t && t.t === "op" && ops.includes(t.v) ? t.v : null;
  }

  private comparison(): Value {
    let left = this.concat();
    for (let op = this.isOp("=", "<>", "<", ">", "<=", ">="); op; op = this.isOp("=", "<>", "<", ">", "<=", ">=")) {
      this.pos++;
      const right = this.concat();
      left = compare(op, scalar(left), scalar(right));
    }
    return left;
  }

  private concat(): Value {
    let left = this.additive();
    while (this.isOp("&")) {
      this.pos++;
      const right = this.additive();
      const a = scalar(left);
      const b = scalar(right);
      left = a instanceof CellError ? a : b instanceof CellError ? b : text(a) + text(b);
    }
    return left;
  }

  private additive(): Value {
    let left = this.term();
    for (let op = this.isOp("+", "-"); op; op = this.isOp("+", "-")) {
      this.pos++;
      left = arith(op, left, this.term());
    }
    return left;
  }

  private term(): Value {
    let left = this.power();
    for (let op = this.isOp("*", "/"); op; op = this.isOp("*", "/")) {
      this.pos++;
      left = arith(op, left, this.power());
    }
    return left;
  }

  private power(): Value {
    let left = this.unary();
    while (this.isOp("^")) {
      this.pos++;
      left = arith("^", left, this.unary());
    }
    return left;
  }

  private unary(): Value {
    const op = this.isOp("+", "-");
    if (op) {
      this.pos++;
      const v = this.unary();
      return op === "-" ? arith("-", 0, v) : v;
    }
    return this.primary();
  }

  private primary(): Value {
    const t = this.tokens[this.pos++];
    if (!t) throw new Unsupported("unexpected end");
    switch (t.t) {
      case "num":
      case "str":
      case "bool":
        return t.v;
      case "err":
        return cellError(t.v);
      case "(": {
        const v = this.comparison();
        if (this.tokens[this.pos++]?.t !== ")") throw new Unsupported("missing )");
        return v;
      }
      case "ref": {
        const parsed = parseAddress(t.text);
        if (!parsed) throw new Unsupported("bad reference");
        const r = parsed.rect;
        if (r.r0 === r.r1 && r.c0 === r.c1) return this.host.cell(t.sheet, r.r0, r.c0);
        return { range: { sheet: t.sheet, rect: r } };
      }
      case "fn":
        return this.call(t.v);
      default:
        throw new Unsupported(`unexpected ${t.t}`);
    }
  }

  private call(name: string): Value {
    const args = this.arguments();
    if (name === "SUM") return this.sum(args);
    const fn = this.host.customFunction(name);
    if (!fn) throw new Unsupported(name);
    return fn(args.map((a) => this.toFormulaArgument(a)));
  }

  /** The arguments up to and including the closing ")"; an empty one is OMITTED. */
  private arguments(): Argument[] {
    const args: Argument[] = [];
    if (this.peek()?.t === ")") {
      this.pos++;
      return args;
    }
    for (;;) {
      const next = this.peek()?.t;
      args.push(next === "," || next === ")" ? OMITTED : this.comparison());
      const sep = this.tokens[this.pos++];
      if (sep?.t === ",") continue;
      if (sep?.t === ")") return args;
      throw new Unsupported("missing )");
    }
  }

  private sum(args: Argument[]): Value {
    let sum = 0;
    for (const a of args) {
      if (a === OMITTED) continue;
      if (isRange(a)) {
        for (const v of this.host.range(a.range.sheet, a.range.rect)) {
          if (v instanceof CellError) return v;
          if (typeof v === "number") sum += v;
        }
      } else {
        const n = toNumber(a);
        if (n instanceof CellError) return n;
        sum += n;
      }
    }
    return sum;
  }

  private toFormulaArgument(a: Argument): FormulaArgument {
    if (a === OMITTED) return { kind: "omitted" };
    if (isRange(a)) return { kind: "range", cells: this.host.matrix(a.range.sheet, a.range.rect) };
    if (isSpillArray(a)) return { kind: "range", cells: a.spill };
    return { kind: "value", value: a };
  }
}

function scalar(v: Value): StoredValue | undefined {
  // An array inside a larger formula: its top-left value (the fake does no array arithmetic).
  if (isSpillArray(v)) return v.spill[0]?.[0];
  return isRange(v) ? cellError("#VALUE!") : v;
}

function text(v: StoredValue | undefined): string {
  if (v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function toNumber(v: Value): number | CellError {
  const s = scalar(v);
  if (s === undefined) return 0;
  if (s instanceof CellError) return s;
  if (typeof s === "number") return s;
  if (typeof s === "boolean") return s ? 1 : 0;
  const n = s.trim() === "" ? NaN : Number(s);
  return Number.isFinite(n) ? n : cellError("#VALUE!");
}

function arith(op: string, a: Value, b: Value): Value {
  const x = toNumber(a);
  if (x instanceof CellError) return x;
  const y = toNumber(b);
  if (y instanceof CellError) return y;
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return y === 0 ? cellError("#DIV/0!") : x / y;
    default:
      return Math.pow(x, y);
  }
}

function compare(op: string, a: StoredValue | undefined, b: StoredValue | undefined): StoredValue {
  if (a instanceof CellError) return a;
  if (b instanceof CellError) return b;
  const rank = (v: StoredValue | undefined): number => (typeof v === "number" || v === undefined ? 0 : typeof v === "string" ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  let c: number;
  if (ra !== rb) c = ra - rb;
  else if (ra === 1) c = String(a).toLowerCase().localeCompare(String(b).toLowerCase());
  else c = Number(a ?? 0) - Number(b ?? 0);
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}

/** Parentheses and quotes balance: the check Excel's formula bar would fail first. */
export function isWellFormedFormula(formula: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 1; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")") {
      depth--;
      if (depth < 0) return false;
    }
  }
  return depth === 0 && !quoted;
}

/** Evaluates a formula ("=..."); unsupported syntax gives the '#FAKE_FORMULA' marker; a custom function's array result comes back whole, to spill. */
export function evaluateFormula(formula: string, host: FormulaHost): StoredValue | SpillArray {
  try {
    const v = new Parser(tokenize(formula.slice(1)), host).parse();
    if (isSpillArray(v)) return v;
    const s = scalar(v);
    if (s === undefined) return 0;
    if (typeof s === "number" && !Number.isFinite(s)) return cellError("#NUM!");
    return s;
  } catch (e) {
    if (e instanceof Unsupported) return cellError(FAKE_FORMULA_VALUE);
    throw e;
  }
}

/** A sheet name as a formula writes it: quoted unless it is a plain name ('AR Results', 'It''s'). */
export function sheetPrefix(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

const SHEET_PREFIX = /^(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!/u;

/**
 * Rewrites the sheet part ("Sheet1!", "'AR Results'!") of every reference in a formula, outside
 * string literals: `edit(sheet)` returns the new prefix (with its "!"), or null to leave it.
 */
export function rewriteSheetReferences(formula: string, edit: (sheet: string) => string | null): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const before = i === 0 ? "" : formula[i - 1];
    if (!/[\p{L}\p{N}_.'$!#]/u.test(before)) {
      const m = SHEET_PREFIX.exec(formula.slice(i));
      if (m) {
        const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
        const replaced = edit(sheet);
        out += replaced ?? m[0];
        i += m[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}
