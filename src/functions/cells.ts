/**
 * How custom functions meet Excel: the argument and result conventions, once, for every AR
 * function (in the spirit of HyperFormula's function plugins: the shapes and the error mapping
 * live here, each argument's coercion in args.ts, and the function bodies only call the core).
 *
 * - A range argument arrives as a 2-D array (rows of cells); a single cell as [[v]].
 * - An empty cell arrives as 0 on Excel desktop and as null on the web; an omitted optional
 *   argument as null (or undefined).
 * - Results are 2-D arrays of the broadcast shape: one call over 100,000 rows, one spill.
 * - A failure in one row becomes an error value in that cell only; a failure of the call as a
 *   whole (an unreadable table argument, mismatched range sizes) is thrown and shows in the
 *   formula's cell.
 */
import { isArError, type ExcelErrorKind } from "../core/errors";
import { isExcelErrorValue } from "../core/money";

export type Cell = number | string | boolean | null | undefined;
export type Matrix = Cell[][];
export type Result = number | string | boolean | CellError;

/** The runtime's error value where the runtime exists; a structurally equal stand-in elsewhere (tests). */
export type CellError = { readonly code: string; readonly message?: string };

/**
 * The errors a custom function can return (CustomFunctions.ErrorCode in
 * @types/custom-functions-runtime), by name and by the text Excel shows. The fake runtime
 * installs this same table.
 */
export const ERROR_CODE_TEXT = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;
type ErrorCodeName = keyof typeof ERROR_CODE_TEXT;
const RETURNABLE_CODES: ReadonlyMap<string, ErrorCodeName> = new Map(Object.entries(ERROR_CODE_TEXT).map(([name, text]) => [text, name as ErrorCodeName]));

class StandInError implements CellError {
  constructor(readonly code: string, readonly message?: string) {}
}

function errorByName(name: ErrorCodeName, message: string): CellError {
  if (typeof CustomFunctions !== "undefined" && CustomFunctions.Error) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode[name], message);
  }
  return new StandInError(ERROR_CODE_TEXT[name], message);
}

export function cellError(kind: ExcelErrorKind, message: string): CellError {
  return errorByName(RETURNABLE_CODES.get(kind)!, message);
}

/**
 * An argument that holds an Excel error as its text ("#N/A" from a lookup pasted as values, a
 * CSV, a web query): the function's answer is that error, as Excel's own functions pass an error
 * on, never a blank result that looks like "nothing to say". Errors a custom function cannot
 * return (#SPILL!, #CALC!…) become #VALUE! naming them.
 */
class ErrorArgument extends Error {
  constructor(
    readonly errorText: string,
    readonly argument: string,
  ) {
    super(`${argument} holds the error ${errorText}`);
  }
}

/** Throws ErrorArgument when the cell holds an Excel error (as text or as an error object). */
export function refuseErrorValue(c: unknown, argument: string): void {
  if (!isExcelErrorValue(c)) return;
  const text = typeof c === "string" ? c.trim().toUpperCase() : String((c as { error?: unknown }).error ?? "#VALUE!");
  throw new ErrorArgument(text, argument);
}

function errorArgumentCell(e: ErrorArgument): CellError {
  const message = `${e.argument} holds the error ${e.errorText} / ${e.argument} 为错误值 ${e.errorText}`;
  return errorByName(RETURNABLE_CODES.get(e.errorText) ?? "invalidValue", message);
}

export function isCellError(v: unknown): v is CellError {
  if (typeof CustomFunctions !== "undefined" && CustomFunctions.Error && v instanceof CustomFunctions.Error) return true;
  return v instanceof StandInError;
}

/** The language error messages are written in: functions have no pane to ask, so English with the Chinese after it. */
export function errorText(e: { text: { "zh-CN": string; "en-US": string } }): string {
  // Excel shows the message in the cell's error tooltip; one language would fail half our users.
  return `${e.text["en-US"]} / ${e.text["zh-CN"]}`;
}

/** Any failure as an error value: ArErrors keep their kind and message; anything else is a bug we still show. */
export function toCellError(e: unknown, argument?: string): CellError {
  if (e instanceof ErrorArgument) return errorArgumentCell(e);
  if (e instanceof CallError) return cellError(e.kind, e.message);
  if (isArError(e)) {
    const where = argument ? `${argument}: ` : "";
    return cellError(e.excel, where + errorText(e));
  }
  return cellError("#VALUE!", `${argument ? argument + ": " : ""}${e instanceof Error ? e.message : String(e)}`);
}

export function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

/** A scalar or a range, as a matrix. */
export function asMatrix(v: unknown): Matrix {
  if (Array.isArray(v)) {
    if (v.length === 0) return [[null]];
    return Array.isArray(v[0]) ? (v as Matrix) : [v as Cell[]];
  }
  return [[v as Cell]];
}

/** A failure of the whole call, thrown to Excel (the formula's own cell shows it). */
export class CallError extends Error {
  constructor(readonly kind: ExcelErrorKind, message: string) {
    super(message);
  }
}

export function throwAsExcel(e: unknown): never {
  if (e instanceof CallError) throw cellError(e.kind, e.message);
  throw toCellError(e);
}

/**
 * Broadcasts row-wise arguments to one shape (Excel's rule: a single cell goes with any range;
 * ranges must have the same rows × columns) and maps each position through `fn`. A thrown
 * error in one position becomes that cell's error value.
 */
export function broadcast(args: { name: string; value: unknown }[], fn: (cells: Cell[]) => Result): Result[][] {
  const matrices = args.map((a) => asMatrix(a.value));
  let rows = 1;
  let cols = 1;
  let shapeFrom = "";
  matrices.forEach((m, i) => {
    const r = m.length;
    const c = (m[0] ?? []).length;
    if (r === 1 && c === 1) return;
    if (rows === 1 && cols === 1) {
      rows = r;
      cols = c;
      shapeFrom = args[i].name;
    } else if (r !== rows || c !== cols) {
      throw new CallError(
        "#VALUE!",
        `${args[i].name} is ${r}×${c} but ${shapeFrom} is ${rows}×${cols}: ranges must have the same size / ${args[i].name} 为 ${r}×${c}，而 ${shapeFrom} 为 ${rows}×${cols}：区域大小必须相同`
      );
    }
  });
  const out: Result[][] = new Array(rows);
  const cells: Cell[] = new Array(args.length);
  for (let r = 0; r < rows; r++) {
    const row: Result[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      for (let k = 0; k < matrices.length; k++) {
        const m = matrices[k];
        cells[k] = m.length === 1 && m[0].length === 1 ? m[0][0] : m[r][c];
      }
      try {
        row[c] = fn(cells);
      } catch (e) {
        row[c] = toCellError(e);
      }
    }
    out[r] = row;
  }
  return out;
}

/** A single value argument that must not be a range (e.g. a language code). */
export function scalarArg(v: unknown, name: string): Cell {
  const m = asMatrix(v);
  if (m.length !== 1 || m[0].length !== 1) throw new CallError("#VALUE!", `${name} must be a single cell / ${name} 必须是单个单元格`);
  return m[0][0];
}
