import { fromYmd } from "../../src/core/calendar";
import {
  EXCEL_1900_EPOCH_OFFSET,
  EXCEL_1900_MAX_SERIAL,
  EXCEL_1900_PHANTOM_SERIAL,
  formatDate,
  formatDateZh,
  formatIsoDate,
  fromExcelSerial,
  parseDate,
  toExcelSerial,
} from "../../src/core/dates";
import { EXCEL_ERROR_TEXTS } from "../../src/core/money";
import { thrown } from "../helpers/errors";

/** 2011-09-08 is Excel serial 40794, so day 40794 - 25569 = 15225. */
const SEP_8_2011 = 15225;

describe("Excel serials, 1900 system", () => {
  it("names Excel's constants", () => {
    expect(EXCEL_1900_PHANTOM_SERIAL).toBe(60);
    expect(EXCEL_1900_EPOCH_OFFSET).toBe(25569);
    expect(EXCEL_1900_MAX_SERIAL).toBe(2958465);
  });

  it.each([
    [1, 1900, 1, 1],
    [2, 1900, 1, 2],
    [31, 1900, 1, 31],
    [32, 1900, 2, 1],
    [59, 1900, 2, 28], // the last day before the phantom
    [61, 1900, 3, 1], // the first day after it: from here serial - 25569
    [367, 1901, 1, 1], // 1900 had 365 real days + the phantom
    [25569, 1970, 1, 1],
    [36526, 2000, 1, 1],
    [40794, 2011, 9, 8],
    [2958465, 9999, 12, 31],
  ])("serial %d is %d-%d-%d, and back", (serial, y, m, d) => {
    expect(fromExcelSerial(serial)).toBe(fromYmd(y, m, d));
    expect(toExcelSerial(fromYmd(y, m, d))).toBe(serial);
  });

  it("serial 25569 is day 0 and 40794 is 2011-09-08", () => {
    expect(fromExcelSerial(25569)).toBe(0);
    expect(fromExcelSerial(40794)).toBe(SEP_8_2011);
  });

  it("serial 60, the phantom 1900-02-29, is an error", () => {
    const e = thrown(() => fromExcelSerial(60));
    expect(e.id).toBe("date.phantom-1900-02-29");
    expect(e.excel).toBe("#NUM!");
    expect(e.messageIn("zh-CN")).toContain("1900-02-29");
    expect(thrown(() => fromExcelSerial(60.5)).id).toBe("date.phantom-1900-02-29");
  });

  it("the serials on either side of the phantom are consecutive days", () => {
    expect(fromExcelSerial(61) - fromExcelSerial(59)).toBe(1);
    expect(toExcelSerial(fromYmd(1900, 3, 1)) - toExcelSerial(fromYmd(1900, 2, 28))).toBe(2);
  });

  it("a fraction is a time of day: floor", () => {
    expect(fromExcelSerial(40794.0001)).toBe(SEP_8_2011);
    expect(fromExcelSerial(40794.9999)).toBe(SEP_8_2011);
    expect(fromExcelSerial(1.5)).toBe(fromYmd(1900, 1, 1));
    expect(fromExcelSerial(2958465.99)).toBe(fromYmd(9999, 12, 31));
  });

  it.each([0, 0.5, -1, -0.5, 2958466, 1e10, NaN, Infinity, -Infinity])("serial %p is out of range", (s) => {
    const e = thrown(() => fromExcelSerial(s));
    expect(e.id).toBe("date.out-of-range");
    expect(e.excel).toBe("#NUM!");
  });

  it("toExcelSerial refuses days Excel cannot hold", () => {
    expect(thrown(() => toExcelSerial(fromYmd(1899, 12, 31))).id).toBe("date.out-of-range");
    expect(thrown(() => toExcelSerial(fromYmd(10000, 1, 1))).id).toBe("date.out-of-range");
    expect(thrown(() => toExcelSerial(0.5)).id).toBe("date.out-of-range");
  });
});

describe("Excel serials, 1904 system", () => {
  const opts = { dateSystem: "1904" } as const;
  it.each([
    [0, 1904, 1, 1],
    [1, 1904, 1, 2],
    [24107, 1970, 1, 1], // 1462 fewer than the 1900 system's 25569
    [39332, 2011, 9, 8], // 40794 - 1462
    [2957003, 9999, 12, 31],
  ])("serial %d is %d-%d-%d, and back", (serial, y, m, d) => {
    expect(fromExcelSerial(serial, opts)).toBe(fromYmd(y, m, d));
    expect(toExcelSerial(fromYmd(y, m, d), opts)).toBe(serial);
  });

  it("has no phantom day and its own range", () => {
    expect(fromExcelSerial(60, opts)).toBe(fromYmd(1904, 3, 1)); // 1904 is a leap year: Feb has 29 days
    expect(thrown(() => fromExcelSerial(-1, opts)).id).toBe("date.out-of-range");
    expect(thrown(() => fromExcelSerial(2957004, opts)).id).toBe("date.out-of-range");
    expect(thrown(() => toExcelSerial(fromYmd(1903, 12, 31), opts)).id).toBe("date.out-of-range");
  });
});

describe("parseDate: missing values", () => {
  it.each([undefined, null, "", "  ", "\u3000"])("%p is missing", (input) => {
    expect(parseDate(input)).toBeNull();
  });

  it.each(EXCEL_ERROR_TEXTS.map((t) => [t]))("Excel error text %s is missing", (t) => {
    expect(parseDate(t)).toBeNull();
  });

  it("Excel error objects are missing", () => {
    expect(parseDate({ error: "#N/A" })).toBeNull();
    expect(parseDate({ type: "Error", basicValue: "#VALUE!" })).toBeNull();
  });

  it("0 is a blank cell by default (zeroIsBlank)", () => {
    expect(parseDate(0)).toBeNull();
    expect(parseDate(-0)).toBeNull();
    expect(thrown(() => parseDate(0, "due", { zeroIsBlank: false })).id).toBe("date.out-of-range");
    // In the 1904 system serial 0 is a real day, readable once zeroIsBlank is off.
    expect(parseDate(0, undefined, { zeroIsBlank: false, dateSystem: "1904" })).toBe(fromYmd(1904, 1, 1));
    expect(parseDate(0, undefined, { dateSystem: "1904" })).toBeNull();
  });
});

describe("parseDate: numbers and Dates", () => {
  it("reads a number as a serial", () => {
    expect(parseDate(40794)).toBe(SEP_8_2011);
    expect(parseDate(40794.75)).toBe(SEP_8_2011);
    expect(parseDate(39332, undefined, { dateSystem: "1904" })).toBe(SEP_8_2011);
    expect(thrown(() => parseDate(60)).id).toBe("date.phantom-1900-02-29");
    expect(thrown(() => parseDate(-3)).id).toBe("date.out-of-range");
    expect(thrown(() => parseDate(NaN)).id).toBe("date.out-of-range");
  });

  it("reads a Date by its UTC calendar date", () => {
    expect(parseDate(new Date(Date.UTC(2011, 8, 8)))).toBe(SEP_8_2011);
    expect(parseDate(new Date(Date.UTC(2011, 8, 8, 23, 59, 59)))).toBe(SEP_8_2011);
    expect(parseDate(new Date("2011-09-08T00:00:00Z"))).toBe(SEP_8_2011);
  });

  it("refuses an invalid Date and one outside 1900..9999", () => {
    expect(thrown(() => parseDate(new Date(NaN))).id).toBe("date.unparseable");
    expect(thrown(() => parseDate(new Date(Date.UTC(1899, 11, 31)))).id).toBe("date.out-of-range");
    expect(thrown(() => parseDate(new Date(Date.UTC(10000, 0, 1)))).id).toBe("date.out-of-range");
  });

  it.each([[true], [false], [{}], [[40794]], [10n], [Symbol("d")]])("%p is an error", (input) => {
    expect(thrown(() => parseDate(input)).id).toBe("date.unparseable");
  });
});

describe("parseDate: accepted spellings", () => {
  it.each([
    "2011-09-08",
    "2011-9-8",
    "2011-09-8",
    "2011/09/08",
    "2011/9/8",
    "2011.09.08",
    "2011.9.8",
    "2011年9月8日",
    "2011年09月08日",
    "2011 年 9 月 8 日",
    "20110908",
    "  2011-09-08  ",
    "2011-09-08 10:30",
    "2011-09-08 10:30:15",
    "2011/9/8 0:05",
    "2011年9月8日 10:30",
    "20110908 10:30",
    "2011-09-08T10:30",
    "2011-09-08T10:30:15",
    "2011-09-08T10:30:15.123",
    "2011-09-08T10:30:15Z",
    "2011-09-08T23:30:00-05:00", // the written date, offset not applied
    "2011-09-08T00:30:00+08:00",
    "2011-09-08T00:30:00+0800",
    "２０１１－０９－０８", // full-width
    "２０１１／９／８",
    "２０１１年９月８日",
    "２０１１０９０８",
    "\u30002011-09-08\u3000",
    "2011-09-08\u300010:30", // ideographic space before the time
  ])("%p is 2011-09-08", (text) => {
    expect(parseDate(text)).toBe(SEP_8_2011);
  });

  it.each([
    ["2012-02-29", 2012, 2, 29], // leap year
    ["2000-02-29", 2000, 2, 29], // divisible by 400: leap
    ["2004-02-29", 2004, 2, 29],
    ["1900-01-01", 1900, 1, 1], // first day
    ["1900-02-28", 1900, 2, 28],
    ["1900-03-01", 1900, 3, 1],
    ["9999-12-31", 9999, 12, 31], // last day
    ["2011-12-31", 2011, 12, 31],
    ["2011-04-30", 2011, 4, 30],
  ])("%p", (text, y, m, d) => {
    expect(parseDate(text)).toBe(fromYmd(y, m, d));
  });
});

describe("parseDate: rejections", () => {
  it.each([
    ["2011-02-29"], // 2011 is not a leap year
    ["1900-02-29"], // 1900 is not (divisible by 100, not by 400): Excel's phantom, refused as text too
    ["2100-02-29"], // same rule
    ["2011-04-31"],
    ["2011-13-01"],
    ["2011-00-10"],
    ["2011-09-00"],
    ["2011-09-32"],
    ["20110229"],
    ["2011年2月29日"],
  ])("%p does not exist", (text) => {
    const e = thrown(() => parseDate(text, "arisen"));
    expect(e.id).toBe("date.invalid");
    expect(e.field).toBe("arisen");
    expect(e.messageIn("zh-CN")).toContain(text);
  });

  it.each([["1899-12-31"], ["0001-01-01"], ["0000-01-01"], ["18991231"]])("%p is out of range", (text) => {
    expect(thrown(() => parseDate(text)).id).toBe("date.out-of-range");
  });

  it.each([
    ["11-09-08"], // two-digit year
    ["11/9/8"],
    ["8/9/2011"], // day and month order unknown
    ["9/8/2011"],
    ["08-09-2011"],
    ["Sep 8 2011"],
    ["8 September 2011"],
    ["2011-Sep-08"],
    ["2011-9"], // a month, not a day
    ["2011年9月"],
    ["2011年9月8"], // 日 required
    ["9月8日"],
    ["2011"],
    ["201198"], // numeric text other than 8 digits
    ["2011098"],
    ["201109081"],
    ["40794"], // a serial as text is refused; numbers are serials, text is not
    ["40794.5"],
    ["2011-09/08"], // mixed separators
    ["2011/09-08"],
    ["2011-09-08-"],
    ["2011--09-08"],
    ["2011-009-08"],
    ["2011-09-008"],
    ["12011-09-08"],
    ["2011-09-08 25:00"], // a clock that cannot exist
    ["2011-09-08 10:60"],
    ["2011-09-08 10:30:60"],
    ["2011-09-08 10"],
    ["2011-09-08 10:3"],
    ["2011-09-08T"],
    ["2011-09-08 am"],
    ["2011-09-08x"],
    ["today"],
    ["TRUE"],
    ["-2011-09-08"],
  ])("%p is unparseable", (text) => {
    const e = thrown(() => parseDate(text, "due"));
    expect(e.id).toBe("date.unparseable");
    expect(e.excel).toBe("#VALUE!");
    expect(e.field).toBe("due");
  });

  it("quotes the input and names the accepted spellings in both languages", () => {
    const e = thrown(() => parseDate("8/9/2011", "due"));
    expect(e.messageIn("zh-CN")).toContain("“8/9/2011”");
    expect(e.messageIn("zh-CN")).toContain("字段：due");
    expect(e.messageIn("zh-CN")).toContain("2011年9月8日");
    expect(e.messageIn("en-US")).toContain('"8/9/2011"');
    expect(e.messageIn("en-US")).toContain("field: due");
    expect(e.messageIn("en-US")).toContain("2011-09-08, 2011/9/8, 2011.9.8, 2011年9月8日, 20110908");
  });

  // How fast (linear, not backtracking): bench/parsers.bench.ts.
  it("refuses long runs of spaces as unparseable", () => {
    for (const s of ["2011-09-08" + " ".repeat(30000) + "x", "2011 " + " ".repeat(30000) + "年", "2011年" + " ".repeat(30000) + "9月8日x"]) {
      expect(thrown(() => parseDate(s)).id).toBe("date.unparseable");
    }
  });

  it("truncates a long input in the message", () => {
    const e = thrown(() => parseDate("9".repeat(80)));
    expect(e.messageIn("en-US")).toContain(`"${"9".repeat(40)}…"`);
  });
});

describe("formatting", () => {
  it("formatIsoDate", () => {
    expect(formatIsoDate(SEP_8_2011)).toBe("2011-09-08");
    expect(formatIsoDate(0)).toBe("1970-01-01");
    expect(formatIsoDate(fromYmd(1900, 1, 1))).toBe("1900-01-01");
    expect(formatIsoDate(fromYmd(9999, 12, 31))).toBe("9999-12-31");
    expect(thrown(() => formatIsoDate(1.5)).id).toBe("date.out-of-range");
    expect(thrown(() => formatIsoDate(NaN)).id).toBe("date.out-of-range");
  });

  it("formatDateZh has no leading zeros", () => {
    expect(formatDateZh(SEP_8_2011)).toBe("2011年9月8日");
    expect(formatDateZh(fromYmd(2011, 12, 31))).toBe("2011年12月31日");
  });

  it("formatDate follows the language", () => {
    expect(formatDate(SEP_8_2011, "zh-CN")).toBe("2011年9月8日");
    expect(formatDate(SEP_8_2011, "en-US")).toBe("2011-09-08");
  });

  it("each format parses back", () => {
    expect(parseDate(formatIsoDate(SEP_8_2011))).toBe(SEP_8_2011);
    expect(parseDate(formatDateZh(SEP_8_2011))).toBe(SEP_8_2011);
  });
});

test("2011年3月5号: 号 for 日, as hand-kept ledgers write the day", () => {
  expect(parseDate("2011年3月5号")).toBe(fromYmd(2011, 3, 5));
  expect(parseDate("2011年 3 月 5 号")).toBe(fromYmd(2011, 3, 5));
});
