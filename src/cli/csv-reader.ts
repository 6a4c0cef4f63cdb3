/**
 * A CSV file as rows of cell values, streamed: the bytes are read in chunks and split into
 * fields (RFC 4180: quoted fields, "" for a quote, line breaks inside quotes; comma, tab or
 * semicolon) before any decoding, so no string ever holds the whole file and each field is a
 * string of its own (not a slice keeping a 64 KB chunk alive). The separators, the quote and
 * the line breaks are ASCII bytes, which never occur inside a UTF-8 or GB18030 character.
 *
 * The encoding is decided on the evidence of the whole file, read once before the parse: a BOM
 * says UTF-8 or UTF-16; otherwise UTF-8 when the bytes are UTF-8, or nearly so (a few invalid
 * bytes among many valid UTF-8 characters: read as U+FFFD "�", and said where), else GB18030 (a
 * superset of GBK), as Chinese Excel saves CSV. The decision and where any bad byte sits (row,
 * byte offset) are returned for the CLI to say.
 */
import { createReadStream } from "node:fs";
import { ArError } from "../core/errors";

/**
 * A CSV field as the value a spreadsheet would hold: a plain decimal number (no leading zeros,
 * at most 15 significant digits, so "00123" and long reference numbers stay text) becomes a
 * number; blank is null; anything else stays text for the core's parsers (dates, "90.96万").
 */
function csvCellValue(text: string): unknown {
  const t = text.trim();
  if (t === "") return null;
  if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(t)) {
    const digits = t.replace(/^-/, "").replace(".", "").replace(/^0+/, "");
    if (digits.length <= 15) return Number(t);
  }
  return text;
}

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/** What the bytes showed, and what was decided. */
export interface CsvEvidence {
  encoding: CsvEncoding;
  bom: boolean;
  /** Valid multi-byte UTF-8 characters seen (no BOM). */
  utf8Characters: number;
  /** Invalid UTF-8 sequences seen (no BOM). */
  invalidUtf8: number;
  /** The first invalid UTF-8 byte: its 0-based offset in the file and its 1-based CSV row. */
  firstInvalid: { offset: number; row: number; byte: number } | null;
  /** A NUL byte outside a UTF-16 file: binary, not text. */
  binary: boolean;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * UTF-8 when there is no invalid sequence, or when the invalid ones are few beside the valid
 * characters (at most one for every ten, and at least one valid): one bad byte in a UTF-8
 * export is a bad byte, not a sign of GBK. GBK text read as UTF-8 is mostly invalid: only about
 * one GBK character in ten happens to be a valid UTF-8 sequence.
 */
function utf8OnTheEvidence(valid: number, invalid: number): boolean {
  return invalid === 0 || (valid > 0 && invalid * 10 <= valid);
}

/** Reads the file once, validating it as UTF-8 (the WHATWG decoder's rules) and counting rows. */
export async function csvEvidence(path: string): Promise<CsvEvidence> {
  let offset = 0;
  let first = true;
  let bom = false;
  let utf16: CsvEncoding | null = null;
  let valid = 0;
  let invalid = 0;
  let firstInvalid: CsvEvidence["firstInvalid"] = null;
  let binary = false;
  // UTF-8 decoder state: continuation bytes still expected, and the allowed range of the next one.
  let needed = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let row = 1;
  let quoted = false;
  const bad = (at: number, byte: number): void => {
    invalid++;
    if (firstInvalid === null) firstInvalid = { offset: at, row, byte };
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    let i = 0;
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        bom = true;
        i = 3;
      } else if (chunk[0] === 0xff && chunk[1] === 0xfe) utf16 = "utf-16le";
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) utf16 = "utf-16be";
      if (utf16 !== null) return { encoding: utf16, bom: true, utf8Characters: 0, invalidUtf8: 0, firstInvalid: null, binary: false };
    }
    for (; i < chunk.length; i++) {
      const b = chunk[i];
      if (b < 0x80) {
        if (needed > 0) {
          bad(offset + i, b);
          needed = 0;
        }
        if (b === QUOTE) quoted = !quoted;
        else if (b === LF && !quoted) row++;
        else if (b === 0) binary = true;
        continue;
      }
      if (needed === 0) {
        if (b >= 0xc2 && b <= 0xdf) needed = 1;
        else if (b >= 0xe0 && b <= 0xef) {
          needed = 2;
          if (b === 0xe0) lower = 0xa0;
          if (b === 0xed) upper = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
          needed = 3;
          if (b === 0xf0) lower = 0x90;
          if (b === 0xf4) upper = 0x8f;
        } else bad(offset + i, b);
        continue;
      }
      if (b < lower || b > upper) {
        bad(offset + i, b);
        needed = 0;
        lower = 0x80;
        upper = 0xbf;
        i--; // the byte starts again as a lead byte
        continue;
      }
      lower = 0x80;
      upper = 0xbf;
      if (--needed === 0) valid++;
    }
    offset += chunk.length;
  }
  if (needed > 0) bad(offset, 0);
  const encoding: CsvEncoding = bom || utf8OnTheEvidence(valid, invalid) ? "utf-8" : "gb18030";
  return { encoding, bom, utf8Characters: valid, invalidUtf8: invalid, firstInvalid, binary };
}

/** The separator of the first line: a tab when it has tabs and no more commas, a semicolon likewise, else a comma. */
function separatorOf(firstLine: Uint8Array): number {
  let commas = 0;
  let tabs = 0;
  let semis = 0;
  for (const b of firstLine) {
    if (b === 0x2c) commas++;
    else if (b === 0x09) tabs++;
    else if (b === 0x3b) semis++;
  }
  if (tabs > commas && tabs >= semis) return 0x09;
  if (semis > commas) return 0x3b;
  return 0x2c;
}

/** Distinct texts per column are shared while a column repeats itself (customers, statuses), up to a bound. */
const INTERN_LIMIT = 20_000;

/** A cell holds at most 32,767 characters (Excel's limit), at most 4 bytes each in UTF-8. */
const MAX_FIELD_BYTES = 32_767 * 4;
/** The separator is read off the first line, or off this much of it when it is longer. */
const FIRST_LINE_BYTES = 64 * 1024;

function fieldTooLong(row: number, column: number): ArError {
  return new ArError("csv.field-too-long", {
    "zh-CN": `第 ${row} 行第 ${column} 个字段超过 32,767 个字符（Excel 单元格的上限）：这不是台账的 CSV，或者引号没有配对。`,
    "en-US": `row ${row}, field ${column} is longer than 32,767 characters (an Excel cell's limit): not a ledger's CSV, or a quote left open.`,
  });
}

const START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;

/** Fields and records out of bytes; each field decoded on its own when it ends. */
class CsvTokenizer {
  private field: Buffer = Buffer.allocUnsafe(1024);
  private length = 0;
  private state = START;
  private afterCr = false;
  private rowsDone = 0;
  /** The row being read (a scratch array, copied out at its end). */
  private readonly row: unknown[] = [];
  private readonly interned: (Map<string, string> | null)[] = [];

  constructor(
    private readonly separator: number,
    private readonly decode: (bytes: Buffer, length: number) => string,
    private readonly onRow: (row: unknown[]) => void,
  ) {}

  private push(b: number): void {
    if (this.length >= MAX_FIELD_BYTES) throw fieldTooLong(this.rowsDone + 1, this.row.length + 1);
    if (this.length === this.field.length) {
      const bigger = Buffer.allocUnsafe(this.field.length * 2);
      this.field.copy(bigger, 0, 0, this.length);
      this.field = bigger;
    }
    this.field[this.length++] = b;
  }

  private endField(): void {
    const column = this.row.length;
    let text = this.length === 0 ? "" : this.decode(this.field, this.length);
    this.length = 0;
    const value = csvCellValue(text);
    if (typeof value === "string" && text.length <= 64) {
      let pool = this.interned[column];
      if (pool === undefined) pool = this.interned[column] = new Map();
      if (pool !== null) {
        const known = pool.get(text);
        if (known !== undefined) text = known;
        else if (pool.size < INTERN_LIMIT) pool.set(text, text);
        else this.interned[column] = null; // a column of distinct texts (document numbers): stop
      }
      this.row.push(text);
    } else {
      this.row.push(value);
    }
  }

  private endRow(): void {
    this.endField();
    this.rowsDone++;
    // A copy of exactly the row's size (the scratch row's spare capacity would cost more than its cells).
    this.onRow(this.row.slice());
    this.row.length = 0;
    this.state = START;
  }

  write(chunk: Uint8Array): void {
    const sep = this.separator;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (this.afterCr) {
        this.afterCr = false;
        if (b === LF) continue; // CRLF is one line break
      }
      switch (this.state) {
        case START:
          if (b === QUOTE) this.state = QUOTED;
          else if (b === sep) this.endField();
          else if (b === CR || b === LF) {
            this.afterCr = b === CR;
            this.endRow();
          } else {
            this.push(b);
            this.state = UNQUOTED;
          }
          break;
        case UNQUOTED:
          if (b === sep) {
            this.endField();
            this.state = START;
          } else if (b === CR || b === LF) {
            this.afterCr = b === CR;
            this.endRow();
          } else this.push(b);
          break;
        case QUOTED:
          if (b === QUOTE) this.state = QUOTE_SEEN;
          else this.push(b);
          break;
        default: // QUOTE_SEEN
          if (b === QUOTE) {
            this.push(QUOTE); // "" inside quotes
            this.state = QUOTED;
          } else if (b === sep) {
            this.endField();
            this.state = START;
          } else if (b === CR || b === LF) {
            this.afterCr = b === CR;
            this.endRow();
          } else {
            // Anything between the closing quote and the separator is kept (lenient, as Excel is).
            this.push(b);
            this.state = UNQUOTED;
          }
      }
    }
  }

  end(): void {
    if (this.state !== START || this.row.length > 0 || this.length > 0) this.endRow();
  }
}

interface CsvReadOptions {
  onRow?: (rows: number) => void;
}

/**
 * The file's rows as cell values (csvCellValue), streamed in the encoding decided beforehand.
 * UTF-16 is transcoded to UTF-8 chunk by chunk, so one tokenizer serves every encoding.
 */
export async function readCsvRows(path: string, evidence: CsvEvidence, options: CsvReadOptions = {}): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  const gb = evidence.encoding === "gb18030" ? new TextDecoder("gb18030") : null;
  const decode = gb === null ? (bytes: Buffer, length: number) => bytes.toString("utf8", 0, length) : (bytes: Buffer, length: number) => gb.decode(bytes.subarray(0, length));
  const utf16 = evidence.encoding === "utf-16le" || evidence.encoding === "utf-16be" ? new TextDecoder(evidence.encoding) : null;
  let tokenizer: CsvTokenizer | null = null;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skip = evidence.bom && evidence.encoding === "utf-8" ? 3 : 0;
  const onRow = (row: unknown[]): void => {
    rows.push(row);
    options.onRow?.(rows.length);
  };
  const feed = (bytes: Buffer): void => {
    if (tokenizer !== null) {
      tokenizer.write(bytes);
      return;
    }
    // The separator is read off the first line, so wait until it is complete (or the file ends).
    pending.push(bytes);
    pendingBytes += bytes.length;
    if (bytes.indexOf(LF) < 0 && pendingBytes < FIRST_LINE_BYTES) return;
    const head = Buffer.concat(pending);
    pending = [];
    const lf = head.indexOf(LF);
    const firstLine = head.subarray(0, lf < 0 ? FIRST_LINE_BYTES : lf);
    tokenizer = new CsvTokenizer(separatorOf(firstLine), decode, onRow);
    tokenizer.write(head);
  };
  for await (const raw of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    let chunk = raw;
    if (skip > 0) {
      const cut = Math.min(skip, chunk.length);
      chunk = chunk.subarray(cut);
      skip -= cut;
    }
    if (utf16 !== null) {
      // The BOM is dropped by the decoder; the text goes on as UTF-8 bytes.
      feed(Buffer.from(utf16.decode(chunk, { stream: true }), "utf8"));
    } else feed(chunk);
  }
  if (utf16 !== null) feed(Buffer.from(utf16.decode(), "utf8"));
  if (tokenizer === null) {
    const head = Buffer.concat(pending);
    tokenizer = new CsvTokenizer(separatorOf(head), decode, onRow);
    tokenizer.write(head);
  }
  (tokenizer as CsvTokenizer).end();
  return rows;
}
