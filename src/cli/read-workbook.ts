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
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { ArError, isArError } from "../core/errors";
import type { Bilingual } from "../i18n/bilingual";
import type { SheetInput } from "../core/ledger/workbook";
import { type CsvEncoding, type CsvEvidence, csvEvidence, readCsvRows } from "./csv-reader";
import { readXlsxFile } from "./xlsx-reader";

/** A sheet's values (values[r][c]: sheet row r + 1, column c + 1), its hidden state and merged areas. */
interface SheetValues extends SheetInput {
  values: unknown[][];
}

interface WorkbookValues {
  format: "xlsx" | "csv";
  /** CSV only: how the bytes were decoded. */
  encoding?: CsvEncoding;
  /** What the reader decided that the user should know (the encoding of a CSV, a bad byte and where). */
  notes?: Bilingual[];
  dateSystem: "1900" | "1904";
  sheets: SheetValues[];
}

interface ReadWorkbookOptions {
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

/**
 * What a file that is neither a zip nor an OLE file is, when its first bytes say so: an HTML page
 * (the "xls" many ERP systems export is a web table), Excel 2003's XML spreadsheet, other XML,
 * a PDF. null for anything else (then it is read as CSV text).
 */
function otherFormat(bytes: Uint8Array): Bilingual | null {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const text = Buffer.from(bytes.subarray(start)).toString("latin1").replace(/^\s+/, "").slice(0, 2048).toLowerCase();
  if (text.startsWith("%pdf-")) return { "zh-CN": "这是 PDF 文档", "en-US": "it is a PDF document" };
  if (text.startsWith("<?xml") || text.startsWith("<workbook")) {
    if (text.includes("urn:schemas-microsoft-com:office:spreadsheet")) {
      return { "zh-CN": "这是 Excel 2003 XML 电子表格（SpreadsheetML）；请在 Excel 中打开并另存为 .xlsx", "en-US": "it is an Excel 2003 XML spreadsheet (SpreadsheetML); open it in Excel and save it as .xlsx" };
    }
    if (!text.includes("<html")) return { "zh-CN": "这是 XML 文件，不是电子表格", "en-US": "it is an XML file, not a spreadsheet" };
  }
  if (/^<(!doctype html|html|head|body|meta|table|style|title)\b/.test(text) || (text.startsWith("<") && text.includes("<html"))) {
    return {
      "zh-CN": "这是 HTML 网页（很多 ERP 系统导出的“xls”其实是网页表格）；请在 Excel 中打开并另存为 .xlsx",
      "en-US": "it is an HTML page (the \"xls\" many ERP systems export is a web table); open it in Excel and save it as .xlsx",
    };
  }
  return null;
}

/**
 * The names of the first streams of an OLE compound file (MS-CFB: the header gives the sector
 * size and the first directory sector, whose entries are 128 bytes with a UTF-16LE name), enough
 * to tell a legacy workbook (Workbook, Book) from a password-protected one (EncryptedPackage)
 * or a Word document. Empty when the header cannot be read.
 */
function compoundStreams(path: string): string[] {
  try {
    const header = head(path, 512);
    const sectorSize = 2 ** Buffer.from(header).readUInt16LE(0x1e);
    const firstDirectory = Buffer.from(header).readUInt32LE(0x30);
    if (sectorSize < 512 || sectorSize > 4096 || firstDirectory >= 0xfffffffa) return [];
    const fd = openSync(path, "r");
    try {
      const sector = Buffer.alloc(sectorSize);
      const got = readSync(fd, sector, 0, sectorSize, (firstDirectory + 1) * sectorSize);
      const names: string[] = [];
      for (let p = 0; p + 128 <= got; p += 128) {
        const length = sector.readUInt16LE(p + 0x40);
        if (length >= 2 && length <= 64) names.push(sector.toString("utf16le", p, p + length - 2));
      }
      return names;
    } finally {
      closeSync(fd);
    }
  } catch {
    return [];
  }
}

function oleFailure(path: string, streams: readonly string[]): ArError {
  if (streams.includes("EncryptedPackage")) {
    return fail("cli.xls-unsupported", `“${path}”是设了密码的工作簿，无法读取；请在 Excel 中取消密码后另存为 .xlsx。`, `"${path}" is a password-protected workbook, which cannot be read; remove the password in Excel and save it as .xlsx.`);
  }
  if (streams.includes("Workbook") || streams.includes("Book")) {
    return fail("cli.xls-unsupported", `“${path}”是旧版 Excel 97–2003 工作簿（.xls），无法读取；请在 Excel 中另存为 .xlsx。`, `"${path}" is a legacy Excel 97–2003 workbook (.xls), which cannot be read; save it as .xlsx in Excel.`);
  }
  if (streams.includes("WordDocument")) {
    return fail("cli.not-a-spreadsheet", `“${path}”是 Word 97–2003 文档（.doc），不是电子表格。`, `"${path}" is a Word 97–2003 document (.doc), not a spreadsheet.`);
  }
  return fail(
    "cli.xls-unsupported",
    `“${path}”是旧版 .xls（或加密的）工作簿，无法读取；请在 Excel 中另存为 .xlsx（并取消密码）。`,
    `"${path}" is a legacy .xls (or password-protected) workbook, which cannot be read; save it as .xlsx (without a password) in Excel.`,
  );
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
  if (startsWith(bytes, OLE_MAGIC)) throw oleFailure(path, compoundStreams(path));
  const other = otherFormat(bytes);
  if (other !== null) {
    throw fail("cli.not-a-spreadsheet", `“${path}”不是 .xlsx 或 CSV：${other["zh-CN"]}。`, `"${path}" is not .xlsx or CSV: ${other["en-US"]}.`);
  }
  if (ext === ".xlsx" || ext === ".xlsm") {
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

const ENCODING_NAMES: Record<CsvEncoding, string> = { "utf-8": "UTF-8", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", "gb18030": "GBK/GB18030" };

/** What was decided about the bytes, for the CLI to say on stderr (nothing for clean UTF-8). */
function encodingNotes(evidence: CsvEvidence): Bilingual[] {
  const name = ENCODING_NAMES[evidence.encoding];
  const bad = evidence.firstInvalid;
  const where = bad === null ? null : { row: bad.row.toLocaleString("en-US"), offset: bad.offset.toLocaleString("en-US"), byte: `0x${bad.byte.toString(16).toUpperCase().padStart(2, "0")}` };
  if (evidence.encoding === "gb18030") {
    return [
      {
        "zh-CN": `已按 GBK/GB18030 编码读取（Excel 和多数国内软件保存 CSV 时的编码）：文件不是 UTF-8，共 ${evidence.invalidUtf8.toLocaleString("en-US")} 处不符合 UTF-8${where === null ? "" : `，第一处在第 ${where.row} 行（字节偏移 ${where.offset}）`}。`,
        "en-US": `Read as GBK/GB18030, the encoding Excel and most Chinese software save CSV in: the file is not UTF-8 (${evidence.invalidUtf8.toLocaleString("en-US")} byte sequences are not UTF-8${where === null ? "" : `, the first in row ${where.row}, byte offset ${where.offset}`}).`,
      },
    ];
  }
  if (evidence.encoding === "utf-8" && where !== null) {
    const n = evidence.invalidUtf8.toLocaleString("en-US");
    return [
      {
        "zh-CN": `注意：文件按 UTF-8 读取（${evidence.utf8Characters.toLocaleString("en-US")} 个有效的 UTF-8 汉字等字符），但有 ${n} 处无效字节，第一处在第 ${where.row} 行，字节偏移 ${where.offset}（${where.byte}），读作“�”；请检查该行。`,
        "en-US": `Note: the file was read as UTF-8 (${evidence.utf8Characters.toLocaleString("en-US")} valid multi-byte characters), but ${n} invalid byte${evidence.invalidUtf8 === 1 ? "" : "s"}, the first in row ${where.row} at byte offset ${where.offset} (${where.byte}), read as "�"; check that row.`,
      },
    ];
  }
  if (evidence.encoding !== "utf-8") return [{ "zh-CN": `注意：文件按 ${name} 读取（文件开头的字节顺序标记）。`, "en-US": `Note: the file was read as ${name} (its byte order mark says so).` }];
  return [];
}

async function readCsv(path: string, options: ReadWorkbookOptions): Promise<WorkbookValues> {
  const evidence = await csvEvidence(path);
  if (evidence.binary) {
    throw fail("cli.not-a-spreadsheet", `“${path}”不是电子表格（二进制内容）。`, `"${path}" is not a spreadsheet (binary content).`);
  }
  const every = options.progressEvery ?? 50_000;
  const name = basename(path, extname(path));
  const onProgress = options.onProgress;
  let values: unknown[][];
  try {
    values = await readCsvRows(path, evidence, onProgress === undefined ? {} : { onRow: (rows) => (rows % every === 0 ? onProgress(name, rows) : undefined) });
  } catch (e) {
    if (!isArError(e)) throw e;
    throw new ArError("cli.csv-unreadable", { "zh-CN": `“${path}”无法作为 CSV 读取：${e.text["zh-CN"]}`, "en-US": `"${path}" cannot be read as CSV: ${e.text["en-US"]}` }, { cause: e });
  }
  return { format: "csv", encoding: evidence.encoding, notes: encodingNotes(evidence), dateSystem: "1900", sheets: [{ name, values }] };
}
