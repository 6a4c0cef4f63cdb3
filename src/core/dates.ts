/**
 * Dates as ledgers hold them: Excel serial numbers, JS Dates (from the headless reader) and
 * the text spellings Chinese ledgers use. Everything becomes a DayNumber (calendar.ts); the
 * core never sees a time of day or a time zone, and never reads the clock.
 *
 * Ages (POLICY §2, §3), reconciliation intervals (§7) and the three-year write-off rule (§8)
 * are all counted on these day numbers, so a date read one day off moves a receivable
 * between classes. Hence the strictness below: a spelling is accepted only when it can mean
 * exactly one day.
 */
import type { Lang } from "../i18n/bilingual";
import { ArError } from "./errors";
import { type DayNumber, fromYmd, isValidYmd, toYmd } from "./calendar";
import { isExcelErrorValue, quoteInput, toHalfWidth } from "./money";

// ---------------------------------------------------------------------------------------------
// Excel serial numbers
// ---------------------------------------------------------------------------------------------

/**
 * Which Excel date system a workbook uses (Excel: File > Options > Advanced > "Use 1904 date
 * system"; Office.js `workbook.use1904DateSystem`).
 *
 * "1900" (the default, and what Windows Excel creates): serial 1 = 1900-01-01. Excel keeps
 * Lotus 1-2-3's bug of treating 1900 as a leap year, so serial 60 is a phantom 1900-02-29
 * that never existed; serials 1..59 are therefore one day "early" against a straight count,
 * and from serial 61 (1900-03-01) on, serial 25569 = 1970-01-01.
 * "1904" (old Mac workbooks): serial 0 = 1904-01-01, no phantom day.
 */
export type ExcelDateSystem = "1900" | "1904";

interface ExcelSerialOptions {
  /** Default "1900". */
  dateSystem?: ExcelDateSystem;
}

export interface ParseDateOptions extends ExcelSerialOptions {
  /**
   * Default true. An empty cell reaches a custom function as 0 on Excel desktop (not as an
   * empty string), and serial 0 is not a date in the 1900 system ("1900-01-00"), so a 0 is
   * read as "missing". Set false to have 0 read as a serial (an error in the 1900 system,
   * 1904-01-01 in the 1904 system).
   */
  zeroIsBlank?: boolean;
}

/** Excel's phantom 1900-02-29 in the 1900 date system (the Lotus 1-2-3 leap-year bug). */
export const EXCEL_1900_PHANTOM_SERIAL = 60;
/** Serial of 1970-01-01 (day number 0) in the 1900 system, valid from serial 61 on. */
export const EXCEL_1900_EPOCH_OFFSET = 25569;
/** Serial of 1970-01-01 in the 1904 system (1462 days fewer than in the 1900 system). */
const EXCEL_1904_EPOCH_OFFSET = EXCEL_1900_EPOCH_OFFSET - 1462;
/** 9999-12-31, the last day Excel can hold, in the 1900 system. */
export const EXCEL_1900_MAX_SERIAL = 2958465;

const DAY_1900_01_01: DayNumber = fromYmd(1900, 1, 1);
const DAY_1900_03_01: DayNumber = fromYmd(1900, 3, 1);
const DAY_1904_01_01: DayNumber = fromYmd(1904, 1, 1);
const DAY_9999_12_31: DayNumber = fromYmd(9999, 12, 31);

/** The years a date may have: Excel's own range (it has no date before 1900 or after 9999). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

function serialOutOfRange(serial: number, system: ExcelDateSystem, field?: string): ArError {
  const q = quoteInput(serial);
  const max = system === "1900" ? EXCEL_1900_MAX_SERIAL : DAY_9999_12_31 - DAY_1904_01_01;
  const min = system === "1900" ? 1 : 0;
  const zhField = field === undefined ? "" : `（字段：${field}）`;
  const enField = field === undefined ? "" : ` (field: ${field})`;
  return new ArError(
    "date.out-of-range",
    {
      "zh-CN": `日期序列号 ${q} 超出 Excel 日期范围${zhField}：应为 ${min} 到 ${max} 之间（${system} 日期系统，${system === "1900" ? "1900-01-01" : "1904-01-01"} 至 9999-12-31）。`,
      "en-US": `Date serial ${q} is outside Excel's date range${enField}: it must be between ${min} and ${max} (${system} date system, ${system === "1900" ? "1900-01-01" : "1904-01-01"} to 9999-12-31).`,
    },
    field === undefined ? { excel: "#NUM!" } : { excel: "#NUM!", field },
  );
}

function phantomDay(field?: string): ArError {
  const zhField = field === undefined ? "" : `（字段：${field}）`;
  const enField = field === undefined ? "" : ` (field: ${field})`;
  return new ArError(
    "date.phantom-1900-02-29",
    {
      "zh-CN": `日期序列号 60 是 Excel 的 1900-02-29${zhField}：1900 年不是闰年，这一天并不存在（Excel 沿袭了 Lotus 1-2-3 的错误）。请填写实际日期。`,
      "en-US": `Date serial 60 is Excel's 1900-02-29${enField}, a day that never existed: 1900 was not a leap year (Excel keeps a Lotus 1-2-3 bug). Enter the actual date.`,
    },
    field === undefined ? { excel: "#NUM!" } : { excel: "#NUM!", field },
  );
}

function dayOutOfRange(what: string, field?: string): ArError {
  const zhField = field === undefined ? "" : `（字段：${field}）`;
  const enField = field === undefined ? "" : ` (field: ${field})`;
  return new ArError(
    "date.out-of-range",
    {
      "zh-CN": `日期“${what}”超出范围${zhField}：年份应在 ${MIN_YEAR} 到 ${MAX_YEAR} 之间（Excel 的日期范围）。`,
      "en-US": `The date "${what}" is out of range${enField}: the year must be between ${MIN_YEAR} and ${MAX_YEAR} (Excel's date range).`,
    },
    field === undefined ? { excel: "#NUM!" } : { excel: "#NUM!", field },
  );
}

/**
 * The day an Excel serial stands for. A fraction is a time of day and is dropped (floor), so
 * 40794.75 (2011-09-08 18:00) is 2011-09-08. Throws "date.phantom-1900-02-29" for serial 60 in
 * the 1900 system and "date.out-of-range" (#NUM!) outside 1..2958465 (1900) / 0..2957003 (1904)
 * or for a non-finite number.
 */
export function fromExcelSerial(serial: number, options: ExcelSerialOptions = {}, field?: string): DayNumber {
  const system = options.dateSystem ?? "1900";
  if (!Number.isFinite(serial)) throw serialOutOfRange(serial, system, field);
  const whole = Math.floor(serial);
  if (system === "1904") {
    const day = DAY_1904_01_01 + whole;
    if (whole < 0 || day > DAY_9999_12_31) throw serialOutOfRange(serial, system, field);
    return day;
  }
  if (whole < 1 || whole > EXCEL_1900_MAX_SERIAL) throw serialOutOfRange(serial, system, field);
  if (whole === EXCEL_1900_PHANTOM_SERIAL) throw phantomDay(field);
  // Before the phantom day the serial counts from 1900-01-01 = 1; after it, one extra.
  return whole < EXCEL_1900_PHANTOM_SERIAL ? DAY_1900_01_01 + (whole - 1) : whole - EXCEL_1900_EPOCH_OFFSET;
}

/**
 * The Excel serial of a day (inverse of fromExcelSerial; never produces the phantom 60).
 * Throws "date.out-of-range" for a day before the system's first day or after 9999-12-31,
 * or for a non-integer.
 */
export function toExcelSerial(day: DayNumber, options: ExcelSerialOptions = {}): number {
  const system = options.dateSystem ?? "1900";
  const first = system === "1900" ? DAY_1900_01_01 : DAY_1904_01_01;
  if (!Number.isInteger(day) || day < first || day > DAY_9999_12_31) throw dayOutOfRange(describeDay(day));
  if (system === "1904") return day - DAY_1904_01_01;
  return day < DAY_1900_03_01 ? day - DAY_1900_01_01 + 1 : day + EXCEL_1900_EPOCH_OFFSET;
}

const DAY_MS = 86_400_000;

/**
 * A serial, time of day kept, as the UTC instant exceljs makes of a date cell. A straight count,
 * as exceljs does: in the 1900 system serials before 61 (1900-03-01) land a day late.
 */
export function excelSerialToUtcDate(serial: number, system: ExcelDateSystem = "1900"): Date {
  const epoch = system === "1904" ? EXCEL_1904_EPOCH_OFFSET : EXCEL_1900_EPOCH_OFFSET;
  return new Date(Math.round((serial - epoch) * DAY_MS));
}

/** A UTC instant as a 1900-system serial, the time of day as its fraction (from 1900-03-01 on). */
export function utcDateToExcelSerial(date: Date): number {
  return date.getTime() / DAY_MS + EXCEL_1900_EPOCH_OFFSET;
}

function describeDay(day: DayNumber): string {
  return Number.isSafeInteger(day) ? formatYmd(day) : quoteInput(day);
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/**
 * A time of day after the date, which is ignored: " HH:MM", " HH:MM:SS" (what Excel and most
 * exports write), or ISO 8601 "THH:MM[:SS[.fff]]" with an optional "Z" or offset. The offset is
 * NOT applied: the date as written is the date meant ("2011-09-08T23:00-05:00" is 2011-09-08),
 * since a ledger's date is a calendar date, not an instant.
 */
const TIME_SUFFIX = String.raw`(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?`;

/** 2011-09-08, 2011/9/8, 2011.9.8: four-digit year first, one separator used twice. */
const SEPARATED_DATE = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})` + TIME_SUFFIX + "$", "i");
/** 2011年9月8日, or 8号 as hand-kept ledgers write it (日 or 号 required: "2011年9月" is a month, not a day). Spaces around the marks allowed. */
const CHINESE_DATE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]` + TIME_SUFFIX + "$", "i");
/** 20110908: exactly eight digits, as banks and ERP exports write it. */
const COMPACT_DATE = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})` + TIME_SUFFIX + "$", "i");

const ACCEPTED_SPELLINGS = "2011-09-08、2011/9/8、2011.9.8、2011年9月8日（或8号）、20110908";

function unparseableDate(input: unknown, field?: string): ArError {
  const q = quoteInput(input);
  const zhField = field === undefined ? "" : `（字段：${field}）`;
  const enField = field === undefined ? "" : ` (field: ${field})`;
  return new ArError(
    "date.unparseable",
    {
      "zh-CN": `无法识别的日期“${q}”${zhField}。可接受的写法：${ACCEPTED_SPELLINGS}（可带时间，如 2011-09-08 10:30），或 Excel 日期。年份须为四位并写在最前；不接受两位年份、英文月份和“8/9/2011”这类日月次序不明的写法。`,
      "en-US": `Cannot read "${q}" as a date${enField}. Accepted spellings: 2011-09-08, 2011/9/8, 2011.9.8, 2011年9月8日, 20110908 (optionally followed by a time, e.g. 2011-09-08 10:30), or an Excel date. The year must have four digits and come first; two-digit years, month names and "8/9/2011" (day and month order unknown) are not accepted.`,
    },
    field === undefined ? { excel: "#VALUE!" } : { excel: "#VALUE!", field },
  );
}

function nonexistentDate(input: string, y: number, m: number, d: number, field?: string): ArError {
  const q = quoteInput(input);
  const zhField = field === undefined ? "" : `（字段：${field}）`;
  const enField = field === undefined ? "" : ` (field: ${field})`;
  const monthOk = m >= 1 && m <= 12;
  const zhWhy = monthOk ? `${y}年${m}月没有${d}日` : `没有${m}月`;
  const enWhy = monthOk ? `${y}-${String(m).padStart(2, "0")} has no day ${d}` : `there is no month ${m}`;
  return new ArError(
    "date.invalid",
    {
      "zh-CN": `日期“${q}”不存在${zhField}：${zhWhy}。`,
      "en-US": `The date "${q}" does not exist${enField}: ${enWhy}.`,
    },
    field === undefined ? { excel: "#VALUE!" } : { excel: "#VALUE!", field },
  );
}

/**
 * A cell value as a day, or null when the cell holds no date.
 *
 * null ("missing"): undefined, null, empty or blank text, an Excel error value (text or
 * object), and the number 0 while `zeroIsBlank` (default) holds.
 * A number is an Excel serial (fromExcelSerial; its errors apply).
 * A JS Date is taken by its UTC calendar date: the headless reader (exceljs) gives a date
 * cell as a Date at UTC midnight, and the local date would be the day before west of UTC.
 * A string (trimmed, full-width to ASCII) must be one of: YYYY-MM-DD, YYYY/M/D, YYYY.M.D,
 * YYYY年M月D日 (month and day with one or two digits), or YYYYMMDD (exactly eight digits); each
 * may be followed by a time, which is ignored.
 *
 * Throws ArError: "date.unparseable" for any other spelling (no guessing: "8/9/2011" is
 * August or September depending on who typed it), "date.invalid" for a day the calendar does
 * not have (2011-02-29, 1900-02-29), "date.out-of-range" for a year outside 1900..9999.
 */
export function parseDate(input: unknown, field?: string, options: ParseDateOptions = {}): DayNumber | null {
  if (typeof input === "number") {
    if (input === 0 && (options.zeroIsBlank ?? true)) return null;
    return fromExcelSerial(input, options, field);
  }
  if (input === undefined || input === null) return null;
  if (typeof input === "string") return parseDateText(input, field);
  if (input instanceof Date) {
    const time = input.getTime();
    if (Number.isNaN(time)) throw unparseableDate(input, field);
    const y = input.getUTCFullYear();
    if (y < MIN_YEAR || y > MAX_YEAR) throw dayOutOfRange(quoteInput(input), field);
    return fromYmd(y, input.getUTCMonth() + 1, input.getUTCDate());
  }
  if (isExcelErrorValue(input)) return null;
  throw unparseableDate(input, field);
}

function parseDateText(raw: string, field: string | undefined): DayNumber | null {
  const trimmed = raw.trim();
  if (trimmed === "") return null;
  if (isExcelErrorValue(trimmed)) return null;
  const text = toHalfWidth(trimmed).trim();

  let y: string | undefined;
  let mo: string | undefined;
  let d: string | undefined;
  let time: [string | undefined, string | undefined, string | undefined];
  let match = SEPARATED_DATE.exec(text);
  if (match !== null) {
    [y, mo, d] = [match[1], match[3], match[4]];
    time = [match[5], match[6], match[7]];
  } else if ((match = CHINESE_DATE.exec(text) ?? COMPACT_DATE.exec(text)) !== null) {
    [y, mo, d] = [match[1], match[2], match[3]];
    time = [match[4], match[5], match[6]];
  } else {
    throw unparseableDate(raw, field);
  }
  if (y === undefined || mo === undefined || d === undefined) throw unparseableDate(raw, field);
  // The time is ignored, but a clock that cannot exist (25:00) means the text is not what we think.
  const [hh, mm, ss] = time;
  if ((hh !== undefined && Number(hh) > 23) || (mm !== undefined && Number(mm) > 59) || (ss !== undefined && Number(ss) > 59)) {
    throw unparseableDate(raw, field);
  }
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!isValidYmd(year, month, day)) throw nonexistentDate(raw, year, month, day, field);
  if (year < MIN_YEAR || year > MAX_YEAR) throw dayOutOfRange(quoteInput(raw), field);
  return fromYmd(year, month, day);
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

function checkDay(day: DayNumber): void {
  if (!Number.isSafeInteger(day)) throw dayOutOfRange(quoteInput(day));
}

function formatYmd(day: DayNumber): string {
  const { y, m, d } = toYmd(day);
  const yy = y < 0 ? "-" + String(-y).padStart(4, "0") : String(y).padStart(4, "0");
  return `${yy}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "2011-09-08". Throws "date.out-of-range" for a non-integer day number. */
export function formatIsoDate(day: DayNumber): string {
  checkDay(day);
  return formatYmd(day);
}

/** "2011年9月8日", as Chinese notices and letters write a date. */
export function formatDateZh(day: DayNumber): string {
  checkDay(day);
  const { y, m, d } = toYmd(day);
  return `${y}年${m}月${d}日`;
}

/**
 * A date for a reader of `lang`: zh-CN as formatDateZh; en-US as ISO 8601, because the US
 * M/D/Y and the British D/M/Y orders read the same digits as different days.
 */
export function formatDate(day: DayNumber, lang: Lang): string {
  return lang === "zh-CN" ? formatDateZh(day) : formatIsoDate(day);
}
