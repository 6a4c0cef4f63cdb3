/**
 * What a cell holds, and how a string written through `Range.values` / `Range.formulas` becomes
 * one: Excel treats such a string as if the user had typed it (Range.values docs in
 * @types/office-js: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign
 * ("="), Excel interprets this value as a formula"; excel-add-ins-blank-null-values.md: '' clears,
 * null leaves a cell alone; its example writes '29.96' and '15-Feb' expecting a number and a date).
 *
 * The fake converts only what Excel (en-US input rules) is sure to convert, and leaves the rest as
 * text; every rule is listed in `interpretTyped`.
 */

import { fromYmd, isValidYmd, toYmd } from "../../core/calendar";
import { EXCEL_1900_EPOCH_OFFSET } from "../../core/dates";
import { EXCEL_ERROR_TEXTS } from "../../core/money";

/** 1900-03-01: from here on a serial is a straight count of days. */
const FIRST_STRAIGHT_DAY = fromYmd(1900, 3, 1);

// Read once: inside jest's vm context every global lookup is slow, and typed input is parsed per cell.
const toNumber = Number;

/** An error value in a cell (#N/A, #DIV/0!, ...). One instance per code. */
export class CellError {
  constructor(readonly code: string) {}
  toString(): string {
    return this.code;
  }
}

// Excel's error values: the table the core's parsers recognise (core/money.ts).
const ERRORS = new Map(EXCEL_ERROR_TEXTS.map((code) => [code, new CellError(code)]));

/** The value `Range.values` reports for a formula the fake cannot compute. */
export const FAKE_FORMULA_VALUE = "#FAKE_FORMULA";
const FAKE_FORMULA_ERROR = new CellError(FAKE_FORMULA_VALUE);

export function cellError(code: string): CellError {
  if (code === FAKE_FORMULA_VALUE) return FAKE_FORMULA_ERROR;
  const e = ERRORS.get(code.toUpperCase());
  if (!e) throw new Error(`FakeExcel: '${code}' is not an Excel error value`);
  return e;
}

export function isErrorLiteral(text: string): boolean {
  return ERRORS.has(text.toUpperCase());
}

/** A constant a cell can hold. Empty cells hold nothing (undefined in storage). */
export type StoredValue = string | number | boolean | CellError;

/** A cell's value as `Range.values` reports it: '' for empty, error codes as strings. */
export type ReportedValue = string | number | boolean;

export function reportValue(v: StoredValue | undefined): ReportedValue {
  if (v === undefined) return "";
  if (typeof v === "object") return v.code;
  return v;
}

type TypedInput =
  | { readonly kind: "clear" }
  | { readonly kind: "value"; readonly value: StoredValue; readonly numberFormat?: string }
  | { readonly kind: "formula"; readonly formula: string };

const CLEAR: TypedInput = { kind: "clear" };

/** Excel keeps 15 significant digits of a typed number. */
function excelNumber(n: number): number {
  return n === 0 ? 0 : toNumber(n.toPrecision(15));
}

/** Up to 15 digits, optional sign and decimals: converts exactly, no format change. */
const SIMPLE_NUMBER = /^-?\d{1,15}(?:\.\d{1,15})?$/;
const PLAIN_NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** "12", "-1.5", "+3", "1,234.50", "12%", "(5)", "1e3" → number and the format Excel would pick. */
function parseNumber(text: string): { value: number; numberFormat?: string } | null {
  let s = text;
  let negative = false;
  if (s.length > 2 && s[0] === "(" && s[s.length - 1] === ")") {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s[0] === "+" || s[0] === "-") {
    if (s[0] === "-") negative = !negative;
    s = s.slice(1);
  }
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1);
  }
  let numberFormat: string | undefined;
  let digits: string;
  if (PLAIN_NUMBER.test(s)) {
    digits = s;
    if (/[eE]/.test(s)) numberFormat = "0.00E+00";
  } else if (GROUPED_NUMBER.test(s)) {
    digits = s.replace(/,/g, "");
    numberFormat = s.includes(".") ? "#,##0.00" : "#,##0";
  } else {
    return null;
  }
  let value = toNumber(digits);
  if (!Number.isFinite(value)) return null;
  if (negative) value = -value;
  if (percent) {
    value = value / 100;
    numberFormat = /\./.test(digits) ? "0.00%" : "0%";
  }
  return { value: excelNumber(value), numberFormat };
}

/** The serial Excel stores for a date after 1900-02-28 (days since 1899-12-30); null otherwise. */
function dateSerial(year: number, month: number, day: number): number | null {
  if (year < 1900 || year > 9999 || !isValidYmd(year, month, day)) return null;
  const d = fromYmd(year, month, day);
  return d < FIRST_STRAIGHT_DAY ? null : d + EXCEL_1900_EPOCH_OFFSET; // before 1900-03-01 Excel's serials are off by its 1900 leap-year bug
}

/** A serial's date, counted straight from 1899-12-30. */
export function serialToDate(serial: number): { year: number; month: number; day: number } {
  const { y, m, d } = toYmd(Math.floor(serial) - EXCEL_1900_EPOCH_OFFSET);
  return { year: y, month: m, day: d };
}

const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function parseDate(text: string): { value: number; numberFormat: string } | null {
  let m = ISO_DATE.exec(text);
  if (m) {
    const serial = dateSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    return serial === null ? null : { value: serial, numberFormat: "yyyy-mm-dd" };
  }
  m = US_DATE.exec(text);
  if (m) {
    const serial = dateSerial(Number(m[3]), Number(m[1]), Number(m[2]));
    return serial === null ? null : { value: serial, numberFormat: "m/d/yyyy" };
  }
  return null;
}

/**
 * A string written to a cell, read as Excel reads typed input (en-US):
 * - ''                          → the cell is cleared;
 * - cell formatted '@' (Text)   → the text, verbatim (so '=HYPERLINK(...)' stays text);
 * - "'..."                      → the text after the apostrophe ("'=x" stores "=x"); the apostrophe is not kept;
 * - "=..."                      → a formula;
 * - "#N/A", "#DIV/0!", ...      → that error value (typing an error literal makes an error);
 * - "TRUE" / "FALSE" (any case) → a boolean;
 * - numbers: "123", "-1.5", "+3", ".5", "1e3", "1,234" (thousands groups must be exact), "12%",
 *   "(5)" (negative) → a number rounded to 15 significant digits, so "00123" becomes 123 and a
 *   20-digit account number loses its tail, as in Excel; a General cell gets the matching format;
 * - dates: "2025-01-15", "2025/1/15" and "1/15/2025" → the date serial, a General cell gets a date format;
 * - otherwise "+..." / "-..." / "@..." (longer than one character) → a formula "=+...", "=-...", "=@..."
 *   (Excel turns typed '+A1' into '=+A1'; '@' is its Lotus-style formula prefix);
 * - anything else → text.
 * Not converted (left as text, where Excel might convert): currency ("$5", "¥5"), times ("9:30"),
 * month names ("15-Feb"), locale-shaped dates ("15.01.2025"), strings with leading/trailing spaces.
 */
export function interpretTyped(input: string, cellNumberFormat: string): TypedInput {
  if (input === "") return CLEAR;
  if (cellNumberFormat === "@") return { kind: "value", value: input };
  const first = input.charCodeAt(0);
  // Fast path: text starting with a letter other than t/f (TRUE/FALSE) or a CJK character is plain text.
  if ((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first > 127) {
    const upper = first & ~32;
    if (upper !== 84 && upper !== 70) return { kind: "value", value: input };
  }
  if (first === 39 /* ' */) return input.length === 1 ? CLEAR : { kind: "value", value: input.slice(1) };
  if (first === 61 /* = */) return { kind: "formula", formula: input };
  if (first === 35 /* # */ && isErrorLiteral(input)) return { kind: "value", value: cellError(input) };
  const upper = input.length <= 5 ? input.toUpperCase() : "";
  if (upper === "TRUE") return { kind: "value", value: true };
  if (upper === "FALSE") return { kind: "value", value: false };
  if (SIMPLE_NUMBER.test(input)) return { kind: "value", value: toNumber(input) };
  const n = parseNumber(input);
  if (n) return { kind: "value", value: n.value, numberFormat: n.numberFormat };
  const d = parseDate(input);
  if (d) return { kind: "value", value: d.value, numberFormat: d.numberFormat };
  if (input.length > 1 && (first === 43 /* + */ || first === 45 /* - */ || first === 64 /* @ */)) {
    return { kind: "formula", formula: `=${input}` };
  }
  return { kind: "value", value: input };
}
