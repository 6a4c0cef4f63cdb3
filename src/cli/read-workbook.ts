/**
 * A spreadsheet file as plain cell values: .xlsx through our own streaming reader (xlsx-reader.ts:
 * the zip's central directory, then each part through a SAX parser, a sheet at a time, so a
 * 100,000-row workbook never sits in memory as XML or objects), .csv through a small RFC 4180
 * parser. Values come out as the core expects them: numbers, strings, booleans, Dates (UTC
 * midnight) and null; formulas as their cached results, rich text as its text, Excel errors as
 * their text ("#N/A").
 *
 * Every failure is an ArError with a one-line reason (file missing, not a spreadsheet, an old
 * .xls, a damaged .xlsx), so the CLI can print it and exit 2.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { ArError, isArError } from "../core/errors";
import type { SheetInput } from "../core/ledger/workbook";
import { readXlsxFile } from "./xlsx-reader";

/** A sheet's values (values[r][c]: sheet row r + 1, column c + 1), its hidden state and merged areas. */
export interface SheetValues extends SheetInput {
  values: unknown[][];
}

export interface WorkbookValues {
  format: "xlsx" | "csv";
  /** CSV only: how the bytes were decoded. */
  encoding?: "utf-8" | "utf-16le" | "gb18030";
  dateSystem: "1900" | "1904";
  sheets: SheetValues[];
}

export interface ReadWorkbookOptions {
  /** Called every `progressEvery` rows read (default 50,000) with the sheet and the rows read so far. */
  onProgress?: (sheet: string, rows: number) => void;
  progressEvery?: number;
}

function fail(id: string, zh: string, en: string, cause?: unknown): ArError {
  return new ArError(id, { "zh-CN": zh, "en-US": en }, cause === undefined ? {} : { cause });
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function head(path: string, length: number): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(length);
    const got = readSync(fd, buf, 0, length, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** Reads a .xlsx or .csv file (decided by its bytes, not only its name). */
export async function readWorkbook(path: string, options: ReadWorkbookOptions = {}): Promise<WorkbookValues> {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw fail("cli.not-a-file", `“${path}”不是文件。`, `"${path}" is not a file.`);
    size = st.size;
  } catch (e) {
    if (e instanceof ArError) throw e;
    throw fail("cli.file-missing", `找不到文件“${path}”。`, `File not found: "${path}".`, e);
  }
  if (size === 0) throw fail("cli.not-a-spreadsheet", `“${path}”是空文件，不是电子表格。`, `"${path}" is empty, not a spreadsheet.`);
  const bytes = head(path, 4096);
  const ext = extname(path).toLowerCase();
  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(path, options);
  if (startsWith(bytes, OLE_MAGIC)) {
    throw fail(
      "cli.xls-unsupported",
      `“${path}”是旧版 .xls（或加密的）工作簿，无法读取；请在 Excel 中另存为 .xlsx（并取消密码）。`,
      `"${path}" is a legacy .xls (or password-protected) workbook, which cannot be read; save it as .xlsx (without a password) in Excel.`,
    );
  }
  if (ext === ".xlsx" || ext === ".xlsm" || (bytes.includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe))) {
    throw fail("cli.not-a-spreadsheet", `“${path}”不是电子表格（既不是 .xlsx 也不是 CSV 文本）。`, `"${path}" is not a spreadsheet (neither .xlsx nor CSV text).`);
  }
  return readCsv(path, options);
}

// ---------------------------------------------------------------------------------------------
// .xlsx
// ---------------------------------------------------------------------------------------------

/** The .xlsx reader's (and the zip reader's) reason, with the file's name in front. */
function xlsxFailure(path: string, e: unknown): ArError {
  if (isArError(e)) {
    const { "zh-CN": zh, "en-US": en } = e.text;
    if (e.id === "xlsx.not-xlsx") return new ArError("cli.not-a-spreadsheet", { "zh-CN": `“${path}”不是 .xlsx 工作簿：${zh}。`, "en-US": `"${path}" is not an .xlsx workbook: ${en}.` }, { cause: e });
    if (e.id === "xlsx.beyond-limits") return new ArError("cli.beyond-excel-limits", { "zh-CN": `“${path}”：${zh}。`, "en-US": `"${path}": ${en}.` }, { cause: e });
    return new ArError(e.id === "zip.bomb" ? "cli.zip-bomb" : "cli.xlsx-unreadable", { "zh-CN": `“${path}”无法作为 .xlsx 读取（文件已损坏）：${zh}。`, "en-US": `"${path}" cannot be read as .xlsx (the file is damaged): ${en}.` }, { cause: e });
  }
  const why = e instanceof Error ? e.message : String(e);
  return fail("cli.xlsx-unreadable", `“${path}”无法作为 .xlsx 读取：${why}`, `"${path}" cannot be read as .xlsx: ${why}`, e);
}

async function readXlsx(path: string, options: ReadWorkbookOptions): Promise<WorkbookValues> {
  try {
    const book = await readXlsxFile(path, options);
    return { format: "xlsx", dateSystem: book.dateSystem, sheets: book.sheets };
  } catch (e) {
    throw xlsxFailure(path, e);
  }
}

// ---------------------------------------------------------------------------------------------
// .csv
// ---------------------------------------------------------------------------------------------

/** Text of a CSV file: UTF-8 (BOM or not), UTF-16LE with a BOM, else GB18030 (a superset of GBK). */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: WorkbookValues["encoding"] & string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** The separator of the first line: a tab when it has tabs and no commas, a semicolon likewise, else a comma. */
function separatorOf(text: string): string {
  const nl = text.indexOf("\n");
  const first = nl < 0 ? text : text.slice(0, nl);
  const commas = first.split(",").length - 1;
  const tabs = first.split("\t").length - 1;
  const semis = first.split(";").length - 1;
  if (tabs > commas && tabs >= semis) return "\t";
  if (semis > commas) return ";";
  return ",";
}

/**
 * RFC 4180: fields separated by `separator`, records by CRLF or LF (a lone CR too); a field in
 * double quotes may hold separators, line breaks and "" for a quote. Fields are strings.
 */
export function parseCsv(text: string, separator = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  const n = text.length;
  const sep = separator.charCodeAt(0);
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */ && field === "") {
      // A quoted field.
      i++;
      let start = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(start);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 0x22) {
          field += text.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        field += text.slice(start, q);
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the separator is kept (lenient, as Excel is).
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === sep || d === 0x0a || d === 0x0d) break;
        field += text[i];
        i++;
      }
      continue;
    }
    if (c === sep) {
      row.push(field);
      field = "";
      i++;
      continue;
    }
    if (c === 0x0a || c === 0x0d) {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      continue;
    }
    // An unquoted run up to the next special character.
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === sep || d === 0x0a || d === 0x0d) break;
      j++;
    }
    field += text.slice(i, j);
    i = j;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * A CSV field as the value a spreadsheet would hold: a plain decimal number (no leading zeros,
 * at most 15 significant digits, so "00123" and long reference numbers stay text) becomes a
 * number; blank is null; anything else stays text for the core's parsers (dates, "90.96万").
 */
export function csvCellValue(text: string): unknown {
  const t = text.trim();
  if (t === "") return null;
  if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(t)) {
    const digits = t.replace(/^-/, "").replace(".", "").replace(/^0+/, "");
    if (digits.length <= 15) return Number(t);
  }
  return text;
}

function readCsv(path: string, options: ReadWorkbookOptions): WorkbookValues {
  const bytes = readFileSync(path);
  const { text, encoding } = decodeCsv(bytes);
  if (text.includes("\u0000")) {
    throw fail("cli.not-a-spreadsheet", `“${path}”不是电子表格（二进制内容）。`, `"${path}" is not a spreadsheet (binary content).`);
  }
  const every = options.progressEvery ?? 50_000;
  const name = basename(path, extname(path));
  const raw = parseCsv(text, separatorOf(text));
  const values: unknown[][] = new Array<unknown[]>(raw.length);
  for (let r = 0; r < raw.length; r++) {
    values[r] = raw[r].map(csvCellValue);
    if (options.onProgress !== undefined && (r + 1) % every === 0) options.onProgress(name, r + 1);
  }
  return { format: "csv", encoding, dateSystem: "1900", sheets: [{ name, values }] };
}
