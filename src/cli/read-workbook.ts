/**
 * A spreadsheet file as plain cell values: .xlsx through exceljs's streaming reader (a sheet at
 * a time, rows as they are inflated, so a 100,000-row workbook never sits in memory as exceljs
 * objects), .csv through a small RFC 4180 parser. Values come out as the core expects them:
 * numbers, strings, booleans, Dates (UTC midnight) and null; formulas as their cached results,
 * rich text and hyperlinks as their text, Excel errors as their text ("#N/A").
 *
 * Every failure is an ArError with a one-line reason (file missing, not a spreadsheet, an old
 * .xls, a damaged .xlsx), so the CLI can print it and exit 2.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import ExcelJS from "exceljs";
import { ArError } from "../core/errors";

export interface SheetValues {
  name: string;
  /** values[r][c]: sheet row r + 1, column c + 1. */
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

/** An exceljs cell value as a plain value (see the file comment). */
export function plainCellValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v !== "object" || v instanceof Date) return v;
  const o = v as { result?: unknown; formula?: unknown; sharedFormula?: unknown; richText?: unknown; text?: unknown; error?: unknown };
  if ("formula" in o || "sharedFormula" in o || "result" in o) return plainCellValue(o.result);
  if (Array.isArray(o.richText)) return o.richText.map((p: { text?: unknown }) => (typeof p?.text === "string" ? p.text : "")).join("");
  if (typeof o.text === "string") return o.text;
  if (typeof o.error === "string") return o.error;
  return null;
}

interface StreamModel {
  model?: { sheets?: { name?: string }[]; properties?: { date1904?: boolean } };
  properties?: { model?: { date1904?: boolean } };
}

async function readXlsx(path: string, options: ReadWorkbookOptions): Promise<WorkbookValues> {
  const every = options.progressEvery ?? 50_000;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const sheets: SheetValues[] = [];
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as { name: string } & AsyncIterable<{ number: number; values: unknown }>;
      const values: unknown[][] = [];
      let count = 0;
      for await (const row of ws) {
        const raw = row.values as unknown[];
        const cells: unknown[] = [];
        // exceljs rows are 1-based and sparse.
        for (let c = 1; c < raw.length; c++) cells.push(plainCellValue(raw[c]));
        while (values.length < row.number - 1) values.push([]);
        values[row.number - 1] = cells;
        count++;
        if (options.onProgress !== undefined && count % every === 0) options.onProgress(ws.name, count);
      }
      sheets.push({ name: ws.name, values });
    }
  } catch (e) {
    throw fail(
      "cli.xlsx-unreadable",
      `“${path}”无法作为 .xlsx 读取（文件可能已损坏）：${e instanceof Error ? e.message : String(e)}`,
      `"${path}" cannot be read as .xlsx (the file may be damaged): ${e instanceof Error ? e.message : String(e)}`,
      e,
    );
  }
  // Worksheets arrive in the zip's order; the workbook lists them in tab order.
  const model = reader as unknown as StreamModel;
  const tabOrder = (model.model?.sheets ?? []).map((s) => s.name);
  sheets.sort((a, b) => rank(tabOrder, a.name) - rank(tabOrder, b.name));
  const date1904 = model.properties?.model?.date1904 === true || model.model?.properties?.date1904 === true;
  return { format: "xlsx", dateSystem: date1904 ? "1904" : "1900", sheets };
}

function rank(order: readonly (string | undefined)[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
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
