/**
 * A1 addresses: parsing "A1", "$A$1", "A1:C3", "A:C", "2:5" with an optional sheet prefix
 * ("Sheet1!A1", "'Sheet 1'!A1"), and printing them the way Excel prints `Range.address`.
 * Rows and columns are 0-based inside the fake; rectangles are inclusive.
 */
import { columnLetterOf } from "../../core/column-letters";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

interface ParsedAddress {
  /** Sheet name from a "Sheet!" prefix, unquoted; undefined when the address has none. */
  readonly sheet?: string;
  readonly rect: Rect;
}

export function rect(r0: number, c0: number, r1: number, c1: number): Rect {
  return { r0, c0, r1, c1 };
}

export function rectRows(r: Rect): number {
  return r.r1 - r.r0 + 1;
}

export function rectColumns(r: Rect): number {
  return r.c1 - r.c0 + 1;
}

export function rectCells(r: Rect): number {
  return rectRows(r) * rectColumns(r);
}

export function isEntireColumns(r: Rect): boolean {
  return r.r0 === 0 && r.r1 === MAX_ROWS - 1;
}

export function isEntireRows(r: Rect): boolean {
  return r.c0 === 0 && r.c1 === MAX_COLUMNS - 1;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r0, b.r0);
  const c0 = Math.max(a.c0, b.c0);
  const r1 = Math.min(a.r1, b.r1);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, c0, r1, c1 } : null;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

export function boundingRect(a: Rect, b: Rect): Rect {
  return { r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) };
}

function columnLetters(index: number): string {
  return columnLetterOf(index + 1);
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

interface Corner {
  row?: number;
  col?: number;
}

function parseCorner(text: string): Corner | null {
  let m = CELL.exec(text);
  if (m) return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
  m = COLUMN.exec(text);
  if (m) return { col: columnIndex(m[1]) };
  m = ROW.exec(text);
  if (m) return { row: Number(m[1]) - 1 };
  return null;
}

/** Splits "'My Sheet'!A1:B2" into sheet and range text; the sheet part may be quoted. */
function splitSheetPrefix(address: string): { sheet?: string; local: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i];
      i++;
    }
    if (text[i] === "'" && text[i + 1] === "!") return { sheet: name, local: text.slice(i + 2) };
    return { local: text };
  }
  const bang = text.lastIndexOf("!");
  if (bang > 0) return { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
  return { local: text };
}

/** Parses an A1 address; returns null when the text is not one (it may be a defined name). */
export function parseAddress(address: string): ParsedAddress | null {
  const { sheet, local } = splitSheetPrefix(address);
  const parts = local.split(":");
  if (parts.length < 1 || parts.length > 2 || parts.some((p) => p.length === 0)) return null;
  const a = parseCorner(parts[0]);
  const b = parts.length === 2 ? parseCorner(parts[1]) : a;
  if (!a || !b) return null;
  const aIsCell = a.row !== undefined && a.col !== undefined;
  const bIsCell = b.row !== undefined && b.col !== undefined;
  let r: Rect;
  if (aIsCell && bIsCell) {
    r = rect(Math.min(a.row!, b.row!), Math.min(a.col!, b.col!), Math.max(a.row!, b.row!), Math.max(a.col!, b.col!));
  } else if (parts.length === 2 && a.row === undefined && b.row === undefined && a.col !== undefined && b.col !== undefined) {
    r = rect(0, Math.min(a.col, b.col), MAX_ROWS - 1, Math.max(a.col, b.col));
  } else if (parts.length === 2 && a.col === undefined && b.col === undefined && a.row !== undefined && b.row !== undefined) {
    r = rect(Math.min(a.row, b.row), 0, Math.max(a.row, b.row), MAX_COLUMNS - 1);
  } else {
    return null;
  }
  if (r.r0 < 0 || r.c0 < 0 || r.r1 >= MAX_ROWS || r.c1 >= MAX_COLUMNS) return null;
  return sheet === undefined ? { rect: r } : { sheet, rect: r };
}

/** Excel quotes a sheet name in an address unless it is a plain identifier that is not a cell reference. */
function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

/** "A1", "A1:C3", "A:C" or "2:5", as Excel prints a range's local address. */
export function localAddress(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (isEntireColumns(r) && !isEntireRows(r)) return `${d}${columnLetters(r.c0)}:${d}${columnLetters(r.c1)}`;
  if (isEntireRows(r)) return `${d}${r.r0 + 1}:${d}${r.r1 + 1}`;
  if (r.r0 === r.r1 && r.c0 === r.c1) return cellAddress(r.r0, r.c0, absolute);
  return `${cellAddress(r.r0, r.c0, absolute)}:${cellAddress(r.r1, r.c1, absolute)}`;
}

export function fullAddress(sheetName: string, r: Rect, absolute = false): string {
  return `${quoteSheetName(sheetName)}!${localAddress(r, absolute)}`;
}

/** Accepts "A1" or [row, col] for the test-side accessors. */
export function toCell(ref: string | readonly [number, number]): { row: number; col: number } {
  if (typeof ref !== "string") return { row: ref[0], col: ref[1] };
  const parsed = parseAddress(ref);
  if (!parsed) throw new Error(`FakeExcel: '${ref}' is not a cell address`);
  return { row: parsed.rect.r0, col: parsed.rect.c0 };
}
