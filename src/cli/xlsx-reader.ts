/**
 * An .xlsx workbook as plain cell values, read part by part in the order the format defines
 * (ECMA-376 Part 1 §12): the package's relationships, the workbook (sheet names, tab order,
 * hidden state, date system), its relationships, the shared strings and the styles' number
 * formats, then each worksheet streamed through a SAX parser a chunk at a time. The parts are
 * found through the zip's central directory (zip-reader.ts), so the order an exporter stored
 * them in does not matter.
 *
 * Values come out as the core expects them: numbers, strings, booleans, Dates (UTC, for a number
 * in a date format, as exceljs gives them) and null; formulas as their cached results, rich
 * text as its text (phonetic guides left out), Excel errors as their text ("#N/A"). Rows are
 * sparse: a row holds the cells present (a gap of a few cells is filled with null, a far cell
 * leaves a hole), and a gap between rows is one shared empty row, so memory follows the cells
 * actually present. A cell past Excel's limits (row 1,048,576, column XFD = 16,384) is refused,
 * named. Merged areas and the hidden state are read for the core (SheetInput).
 *
 * What is not read: charts, comments, hyperlinks, styles beyond "is this number a date".
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { columnLetterOf } from "../core/column-letters";
import { excelSerialToUtcDate } from "../core/dates";
import { ArError } from "../core/errors";
import type { CellArea } from "../core/ledger/workbook";
import { type ZipEntry, ZipFile } from "./zip-reader";

/** Excel's sheet limits (Excel specifications and limits). */
const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLUMNS = 16_384;

interface XlsxSheet {
  name: string;
  /** values[r][c]: sheet row r + 1, column c + 1; sparse (see the file comment). */
  values: unknown[][];
  hidden: boolean;
  merges: CellArea[];
}

interface XlsxBook {
  dateSystem: "1900" | "1904";
  sheets: XlsxSheet[];
}

interface XlsxReadOptions {
  onProgress?: (sheet: string, rows: number) => void;
  progressEvery?: number;
}

/** Why an .xlsx cannot be read: id "xlsx.<kind>", both languages, without the file's name. */
class XlsxError extends ArError {
  constructor(
    readonly kind: "not-xlsx" | "damaged" | "beyond-limits",
    zh: string,
    en: string,
  ) {
    super(`xlsx.${kind}`, { "zh-CN": zh, "en-US": en });
  }
}

function damaged(zh: string, en: string): XlsxError {
  return new XlsxError("damaged", zh, en);
}

const RELS_TYPE = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  sharedStrings: "/sharedStrings",
  styles: "/styles",
};

// ---------------------------------------------------------------------------------------------
// XML
// ---------------------------------------------------------------------------------------------

/** A tag's name without its namespace prefix ("x:row" → "row"): some exporters prefix every tag. */
function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by its local name (r:id, ns1:id … all are "id"). */
function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  const plain = tag.attributes[name];
  if (plain !== undefined) return plain;
  // Prefixed names only ("ns1:id"), compared in place: a cell lacks t or s more often than not,
  // and this runs for each.
  for (const key in tag.attributes) {
    const colon = key.indexOf(":");
    if (colon >= 0 && key.length - colon - 1 === name.length && key.endsWith(name)) return tag.attributes[key];
  }
  return undefined;
}

interface XmlHandlers {
  open?: (name: string, tag: SaxesTagPlain) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** Feeds an entry's bytes through a SAX parser (UTF-8, or UTF-16 with a BOM); a malformed part throws. */
async function parseXml(zip: ZipFile, entry: ZipEntry, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  if (handlers.open !== undefined) {
    const open = handlers.open;
    parser.on("opentag", (tag) => open(localName(tag.name), tag));
  }
  if (handlers.close !== undefined) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(localName(tag.name)));
  }
  if (handlers.text !== undefined) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  let decoder: TextDecoder | null = null;
  try {
    for await (const chunk of zip.read(entry)) {
      if (decoder === null) {
        // A decoder in streaming mode: a character split across two chunks stays one character.
        decoder = new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? "utf-16le" : chunk[0] === 0xfe && chunk[1] === 0xff ? "utf-16be" : "utf-8");
      }
      parser.write(decoder.decode(chunk, { stream: true }));
    }
    if (decoder !== null) parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    if (e instanceof ArError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw damaged(`“${entry.name}”不是格式正确的 XML：${why}`, `"${entry.name}" is not well-formed XML: ${why}`);
  }
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (ST_Xstring): "_x000D_" is a carriage return. */
function unescapeXstring(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// ---------------------------------------------------------------------------------------------
// Package parts
// ---------------------------------------------------------------------------------------------

interface Relationship {
  id: string;
  type: string;
  /** The target resolved to a path in the package. */
  path: string;
}

/** "xl/workbook.xml" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"; "/xl/…" is from the root. */
function resolvePath(base: string, target: string): string {
  const parts = target.startsWith("/") ? [] : base.split("/").slice(0, -1);
  for (const part of target.replace(/^\/+/, "").split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

async function readRelationships(zip: ZipFile, part: string): Promise<Relationship[]> {
  const entry = zip.find(relsPathOf(part));
  if (entry === undefined) return [];
  const rels: Relationship[] = [];
  await parseXml(zip, entry, {
    open: (name, tag) => {
      if (name !== "Relationship") return;
      const id = attribute(tag, "Id");
      const target = attribute(tag, "Target");
      if (id === undefined || target === undefined || attribute(tag, "TargetMode") === "External") return;
      rels.push({ id, type: attribute(tag, "Type") ?? "", path: resolvePath(part, target) });
    },
  });
  return rels;
}

interface SheetEntry {
  name: string;
  rid: string | undefined;
  hidden: boolean;
}

interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
}

async function readWorkbookPart(zip: ZipFile, entry: ZipEntry): Promise<WorkbookPart> {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  await parseXml(zip, entry, {
    open: (name, tag) => {
      if (name === "workbookPr") {
        const v = attribute(tag, "date1904");
        date1904 = v === "1" || v === "true";
      } else if (name === "sheet") {
        const state = attribute(tag, "state");
        sheets.push({ name: attribute(tag, "name") ?? `Sheet${sheets.length + 1}`, rid: attribute(tag, "id"), hidden: state === "hidden" || state === "veryHidden" });
      }
    },
  });
  return { sheets, date1904 };
}

/** The shared strings, each as its text: rich runs joined, phonetic guides (<rPh>) left out. */
async function readSharedStrings(zip: ZipFile, entry: ZipEntry): Promise<string[]> {
  const strings: string[] = [];
  let current: string | null = null;
  let inT = false;
  let phonetic = 0;
  await parseXml(zip, entry, {
    open: (name) => {
      if (name === "si") current = "";
      else if (name === "t") inT = true;
      else if (name === "rPh") phonetic++;
    },
    close: (name) => {
      if (name === "si") {
        strings.push(unescapeXstring(current ?? ""));
        current = null;
      } else if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
    },
    text: (text) => {
      if (inT && phonetic === 0 && current !== null) current += text;
    },
  });
  return strings;
}

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30; 27–36 and 50–58 are the CJK ones). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code that shows a date or a time (exceljs's test: y, m, d, h, s outside quotes and brackets). */
function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}

/** For each cell format (the `s` index of a cell), whether its number format is a date or time. */
async function readDateStyles(zip: ZipFile, entry: ZipEntry): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await parseXml(zip, entry, {
    open: (name, tag) => {
      if (name === "numFmt") custom.set(Number(attribute(tag, "numFmtId")), attribute(tag, "formatCode") ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfFormats.push(Number(attribute(tag, "numFmtId") ?? "0"));
    },
    close: (name) => {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return xfFormats.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

// ---------------------------------------------------------------------------------------------
// Worksheets
// ---------------------------------------------------------------------------------------------

/** A row that holds nothing, shared by every empty row and every gap between rows. */
const EMPTY_ROW: unknown[] = Object.freeze([]) as unknown as unknown[];
/** A gap of up to this many cells inside a row is filled with null; a wider one is left a hole. */
const DENSE_GAP = 16;

/** "A" → 1, "XFD" → 16384; 0 for anything that is not 1–3 letters. */
function columnNumber(letters: string): number {
  if (letters.length === 0 || letters.length > 3) return 0;
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    const v = c >= 65 && c <= 90 ? c - 64 : c >= 97 && c <= 122 ? c - 96 : 0;
    if (v === 0) return 0;
    n = n * 26 + v;
  }
  return n;
}

const CELL_REF = /^\$?([A-Za-z]{1,4})\$?(\d{1,10})$/;

function beyondLimits(sheet: string, cell: string, what: "row" | "column"): XlsxError {
  return new XlsxError(
    "beyond-limits",
    what === "row"
      ? `工作表“${sheet}”声明了单元格 ${cell}，超出 Excel 的最后一行（第 1,048,576 行）；文件可能已损坏或由其他程序生成`
      : `工作表“${sheet}”声明了单元格 ${cell}，超出 Excel 的最后一列（XFD，第 16,384 列）；文件可能已损坏或由其他程序生成`,
    what === "row"
      ? `sheet "${sheet}" declares cell ${cell}, past Excel's last row (1,048,576); the file is damaged or was not made by a spreadsheet program`
      : `sheet "${sheet}" declares cell ${cell}, past Excel's last column (XFD, 16,384); the file is damaged or was not made by a spreadsheet program`,
  );
}

/**
 * The column of a plain cell reference as writers put it on every cell ("B7": one to three
 * capitals, then digits, the first not 0), read without a regular expression or an array (a
 * sheet has millions of them); 0 for any other form, which parseCellRef then reads or rejects.
 */
function plainRefColumn(ref: string): number {
  let column = 0;
  let k = 0;
  for (; k < ref.length && k < 4; k++) {
    const c = ref.charCodeAt(k);
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  if (k === 0 || k > 3 || k === ref.length || ref.length - k > 7 || ref.charCodeAt(k) === 48) return 0;
  let row = 0;
  for (let j = k; j < ref.length; j++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) return 0;
    row = row * 10 + (c - 48);
  }
  return column <= EXCEL_MAX_COLUMNS && row <= EXCEL_MAX_ROWS ? column : 0;
}

/** Cell reference → [row, column], 1-based; throws beyond Excel's limits or for a malformed one. */
function parseCellRef(ref: string, sheet: string): [number, number] {
  const m = CELL_REF.exec(ref);
  if (m === null) throw damaged(`工作表“${sheet}”中有无法识别的单元格地址“${ref.slice(0, 20)}”`, `sheet "${sheet}" has a cell reference "${ref.slice(0, 20)}" that cannot be read`);
  const column = columnNumber(m[1]);
  const row = Number(m[2]);
  if (column === 0 || column > EXCEL_MAX_COLUMNS) throw beyondLimits(sheet, ref, "column");
  if (row < 1 || row > EXCEL_MAX_ROWS) throw beyondLimits(sheet, ref, "row");
  return [row, column];
}

interface SheetContext {
  name: string;
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  onRow?: (rows: number) => void;
}

/** A number cell in a date format as the Date exceljs makes of it (UTC; the time of day kept). */
function excelDate(serial: number, date1904: boolean): Date {
  return excelSerialToUtcDate(serial, date1904 ? "1904" : "1900");
}

async function readWorksheet(zip: ZipFile, entry: ZipEntry, ctx: SheetContext): Promise<{ values: unknown[][]; merges: CellArea[] }> {
  const values: unknown[][] = [];
  const merges: CellArea[] = [];
  const sheet = ctx.name;
  let inData = false;
  let rowNumber = 0;
  let row: unknown[] | null = null;
  let column = 0;
  // The cell being read.
  let type = "";
  let style = -1;
  let text = "";
  let inValue = false;
  let inInline = false;
  let inInlineT = false;
  let phonetic = 0;
  let hasValue = false;
  let rowsRead = 0;

  const cellValue = (): unknown => {
    if (!hasValue) return null;
    switch (type) {
      case "s": {
        const index = Number(text);
        const s = Number.isInteger(index) ? ctx.sharedStrings[index] : undefined;
        if (s === undefined) throw damaged(`工作表“${sheet}”的 ${columnLetterOf(column)}${rowNumber} 指向不存在的共享字符串 ${text.slice(0, 12)}`, `sheet "${sheet}" cell ${columnLetterOf(column)}${rowNumber} points at shared string ${text.slice(0, 12)}, which does not exist`);
        return s;
      }
      case "str":
      case "inlineStr":
        return unescapeXstring(text);
      case "b":
        return text.trim() === "1" || text.trim().toLowerCase() === "true";
      case "e":
        return text.trim();
      case "d":
        return text.trim(); // an ISO 8601 date as text, for the core's date parser
      default: {
        const t = text.trim();
        if (t === "") return null;
        const n = Number(t);
        // A number Excel cannot have written is kept as the text it is, for the core to report.
        if (!Number.isFinite(n)) return t;
        return style >= 0 && ctx.dateStyles[style] === true ? excelDate(n, ctx.date1904) : n;
      }
    }
  };

  const endRow = (): void => {
    if (row === null) return;
    while (values.length < rowNumber - 1) values.push(EMPTY_ROW);
    values[rowNumber - 1] = row.length === 0 ? EMPTY_ROW : row;
    row = null;
    rowsRead++;
    ctx.onRow?.(rowsRead);
  };

  await parseXml(zip, entry, {
    open: (name, tag) => {
      switch (name) {
        case "sheetData":
          inData = true;
          return;
        case "row": {
          if (!inData) return;
          const r = attribute(tag, "r");
          const n = r === undefined ? rowNumber + 1 : Number(r);
          if (!Number.isInteger(n) || n < 1) throw damaged(`工作表“${sheet}”中有无法识别的行号“${String(r).slice(0, 20)}”`, `sheet "${sheet}" has a row number "${String(r).slice(0, 20)}" that cannot be read`);
          if (n > EXCEL_MAX_ROWS) throw beyondLimits(sheet, `A${n}`, "row");
          rowNumber = n;
          row = [];
          column = 0;
          return;
        }
        case "c": {
          if (row === null) return;
          const ref = attribute(tag, "r");
          if (ref === undefined) {
            column++;
            if (column > EXCEL_MAX_COLUMNS) throw beyondLimits(sheet, `${columnLetterOf(column)}${rowNumber}`, "column");
          } else {
            column = plainRefColumn(ref) || parseCellRef(ref, sheet)[1];
          }
          type = attribute(tag, "t") ?? "n";
          const s = attribute(tag, "s");
          style = s === undefined ? -1 : Number(s);
          text = "";
          hasValue = false;
          return;
        }
        case "v":
          if (row !== null) {
            inValue = true;
            hasValue = true;
            text = "";
          }
          return;
        case "is":
          if (row !== null) {
            inInline = true;
            hasValue = true;
            text = "";
          }
          return;
        case "t":
          if (inInline) inInlineT = true;
          return;
        case "rPh":
          phonetic++;
          return;
        case "mergeCell": {
          const ref = attribute(tag, "ref");
          if (ref === undefined) return;
          const [from, to = from] = ref.split(":");
          const [top, left] = parseCellRef(from, sheet);
          const [bottom, right] = parseCellRef(to, sheet);
          merges.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
          return;
        }
        default:
          return;
      }
    },
    close: (name) => {
      switch (name) {
        case "sheetData":
          endRow();
          inData = false;
          return;
        case "row":
          endRow();
          return;
        case "c": {
          const r = row;
          if (r === null) return;
          const v = cellValue();
          if (v === null) return;
          const index = column - 1;
          if (index >= r.length && index - r.length <= DENSE_GAP) while (r.length < index) r.push(null);
          r[index] = v;
          return;
        }
        case "v":
          inValue = false;
          return;
        case "is":
          inInline = false;
          return;
        case "t":
          inInlineT = false;
          return;
        case "rPh":
          phonetic--;
          return;
        default:
          return;
      }
    },
    text: (chunk) => {
      if (inValue || (inInlineT && phonetic === 0)) text += chunk;
    },
  });
  return { values, merges };
}

// ---------------------------------------------------------------------------------------------
// The workbook
// ---------------------------------------------------------------------------------------------

function notXlsx(zh: string, en: string): XlsxError {
  return new XlsxError("not-xlsx", zh, en);
}

/** What a zip that is not an .xlsx is, said in a way its owner recognises. */
async function whatElse(zip: ZipFile): Promise<XlsxError> {
  const mimetype = zip.find("mimetype");
  if (mimetype !== undefined && mimetype.uncompressedSize < 200) {
    const type = (await zip.readAll(mimetype)).toString("latin1").trim();
    if (type === "application/vnd.oasis.opendocument.spreadsheet") {
      return notXlsx("这是 OpenDocument 电子表格（.ods），不是 .xlsx；请在 LibreOffice 或 Excel 中另存为 .xlsx", "it is an OpenDocument spreadsheet (.ods), not .xlsx; save it as .xlsx in LibreOffice or Excel");
    }
    if (type.startsWith("application/vnd.oasis.opendocument.")) return notXlsx(`这是 OpenDocument 文档（${type}），不是电子表格`, `it is an OpenDocument document (${type}), not a spreadsheet`);
  }
  if (zip.find("xl/workbook.bin") !== undefined) return notXlsx("这是 Excel 二进制工作簿（.xlsb），无法读取；请在 Excel 中另存为 .xlsx", "it is an Excel binary workbook (.xlsb), which cannot be read; save it as .xlsx in Excel");
  if (zip.find("word/document.xml") !== undefined) return notXlsx("这是 Word 文档（.docx），不是电子表格", "it is a Word document (.docx), not a spreadsheet");
  if (zip.find("ppt/presentation.xml") !== undefined) return notXlsx("这是 PowerPoint 演示文稿（.pptx），不是电子表格", "it is a PowerPoint presentation (.pptx), not a spreadsheet");
  return notXlsx("这是 zip 压缩包，但其中没有 Excel 工作簿（xl/workbook.xml）", "it is a zip archive, but holds no Excel workbook (xl/workbook.xml)");
}

/** Reads every worksheet of an .xlsx file, in tab order. Throws XlsxError or ZipError (both ArErrors). */
export async function readXlsxFile(path: string, options: XlsxReadOptions = {}): Promise<XlsxBook> {
  const zip = await ZipFile.open(path);
  try {
    const root = await readRelationships(zip, "");
    const officeDocument = root.find((r) => r.type.endsWith(RELS_TYPE.officeDocument))?.path ?? "xl/workbook.xml";
    const workbookEntry = zip.find(officeDocument) ?? zip.find("xl/workbook.xml");
    if (workbookEntry === undefined) throw await whatElse(zip);
    const workbook = await readWorkbookPart(zip, workbookEntry);
    const rels = await readRelationships(zip, workbookEntry.name);
    const byId = new Map(rels.map((r) => [r.id, r]));
    const partOf = (type: string, fallback: string): ZipEntry | undefined => {
      const rel = rels.find((r) => r.type.endsWith(type));
      return zip.find(rel?.path ?? fallback);
    };
    const stringsEntry = partOf(RELS_TYPE.sharedStrings, "xl/sharedStrings.xml");
    const stylesEntry = partOf(RELS_TYPE.styles, "xl/styles.xml");
    const sharedStrings = stringsEntry === undefined ? [] : await readSharedStrings(zip, stringsEntry);
    const dateStyles = stylesEntry === undefined ? [] : await readDateStyles(zip, stylesEntry);
    const every = options.progressEvery ?? 50_000;
    const sheets: XlsxSheet[] = [];
    for (const [i, sheet] of workbook.sheets.entries()) {
      const rel = sheet.rid === undefined ? undefined : byId.get(sheet.rid);
      // A chart sheet or a dialog sheet has no cells to read.
      if (rel !== undefined && !rel.type.endsWith(RELS_TYPE.worksheet)) continue;
      const entry = rel !== undefined ? zip.find(rel.path) : zip.find(`xl/worksheets/sheet${i + 1}.xml`);
      if (entry === undefined) {
        throw damaged(`工作簿列出了工作表“${sheet.name}”，但文件中没有它的内容`, `the workbook lists sheet "${sheet.name}", but the file does not hold it`);
      }
      const onProgress = options.onProgress;
      const { values, merges } = await readWorksheet(zip, entry, {
        name: sheet.name,
        sharedStrings,
        dateStyles,
        date1904: workbook.date1904,
        ...(onProgress === undefined ? {} : { onRow: (rows: number) => (rows % every === 0 ? onProgress(sheet.name, rows) : undefined) }),
      });
      sheets.push({ name: sheet.name, values, hidden: sheet.hidden, merges });
    }
    return { dateSystem: workbook.date1904 ? "1904" : "1900", sheets };
  } finally {
    await zip.close();
  }
}
