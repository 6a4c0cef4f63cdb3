import Decimal from "decimal.js";
import {
  Dec,
  EXCEL_ERROR_TEXTS,
  exactCellNumber,
  formatMoney,
  formatMoneyGrouped,
  groupThousands,
  isExcelErrorValue,
  parseMoney,
  quoteInput,
  roundMoney,
  toHalfWidth,
} from "../../src/core/money";
import { thrown } from "../helpers/errors";

/** parseMoney's result as a plain decimal string, for readable expectations. */
function read(input: unknown): string | null {
  const d = parseMoney(input);
  return d === null ? null : d.toString();
}

describe("Dec", () => {
  it("is a local clone: 40 digits, half-up, the global Decimal untouched", () => {
    expect(Dec.precision).toBe(40);
    expect(Dec.rounding).toBe(Decimal.ROUND_HALF_UP);
    expect(Decimal.precision).toBe(20); // decimal.js's own default, not configured by us
    // 1/3 to 40 significant digits
    expect(new Dec(1).div(3).toString()).toBe("0." + "3".repeat(40));
  });
});

describe("parseMoney: missing values", () => {
  it.each([undefined, null, "", "   ", "\t\n", "\u3000", "\u00a0"])("%p is missing", (input) => {
    expect(parseMoney(input)).toBeNull();
  });

  it.each(EXCEL_ERROR_TEXTS.map((t) => [t]))("Excel error text %s is missing", (t) => {
    expect(parseMoney(t)).toBeNull();
    expect(parseMoney(` ${t.toLowerCase()} `)).toBeNull();
  });

  it("lists the 15 Excel error values", () => {
    expect(EXCEL_ERROR_TEXTS).toHaveLength(15);
  });

  it("Excel error objects are missing", () => {
    expect(parseMoney({ error: "#N/A" })).toBeNull();
    expect(parseMoney({ type: "Error", basicValue: "#DIV/0!", errorType: "Div0" })).toBeNull();
  });

  it("0 is an amount, not missing", () => {
    expect(read(0)).toBe("0");
    expect(read("0")).toBe("0");
  });
});

describe("parseMoney: numbers", () => {
  it("reads finite numbers at Excel's 15 significant digits", () => {
    expect(read(1234.5)).toBe("1234.5");
    expect(read(0.1 + 0.2)).toBe("0.3"); // 0.30000000000000004 as a double; Excel shows 0.3
    expect(read(1234.56)).toBe("1234.56"); // the double is 1234.5599999999999454...
    expect(read(-42)).toBe("-42");
    expect(read(1e11)).toBe("100000000000");
    expect(read(9999999999999.99)).toBe("9999999999999.99"); // the largest amount below the limit
  });

  it("refuses 10^13 yuan and beyond, either sign, naming the limit (#VALUE!, so Excel shows it)", () => {
    // 9999999999999.996 is 9999999999999.99 at 14 digits but 10000000000000.0 at Excel's 15.
    for (const x of [1e13, -1e13, 9999999999999.996, 123456789012345680, 1e308, -1e308]) {
      const e = thrown(() => parseMoney(x, "balance"));
      expect(e.id).toBe("money.out-of-range");
      expect(e.excel).toBe("#VALUE!");
      expect(e.field).toBe("balance");
      expect(e.text["en-US"]).toContain("10,000,000,000,000");
      expect(e.text["zh-CN"]).toContain("10,000,000,000,000");
    }
  });

  it("-0 reads as 0 (never a negative zero)", () => {
    const d = parseMoney(-0);
    expect(d?.isNegative()).toBe(false);
    expect(parseMoney("-0")?.isNegative()).toBe(false);
    expect(parseMoney("(0.00)")?.isNegative()).toBe(false);
  });

  it.each([NaN, Infinity, -Infinity])("%p is an error", (x) => {
    const e = thrown(() => parseMoney(x));
    expect(e.id).toBe("money.unparseable");
  });

  it("accepts a Decimal as is", () => {
    expect(read(new Decimal("12.345"))).toBe("12.345");
    expect(read(new Dec("-0"))).toBe("0");
    expect(thrown(() => parseMoney(new Decimal(NaN))).id).toBe("money.unparseable");
  });
});

describe("parseMoney: accepted spellings", () => {
  it.each([
    ["1234", "1234"],
    ["1234.5", "1234.5"],
    ["1234.50", "1234.5"],
    ["0.123456789", "0.123456789"], // decimals of any length, not rounded here
    [".5", "0.5"],
    ["5.", "5"],
    ["  1234.5  ", "1234.5"],
    ["+1234", "1234"],
    ["-1234", "-1234"],
    ["\u22121234", "-1234"], // U+2212 MINUS SIGN
    ["1,234", "1234"],
    ["1,234,567.8", "1234567.8"],
    ["12,345,678.90", "12345678.9"],
    ["(1,234.00)", "-1234"],
    ["( 1,234.00 )", "-1234"],
    ["¥1,234.50", "1234.5"],
    ["¥ 1,234.50", "1234.5"],
    ["￥1,234.50", "1234.5"], // full-width yen
    ["RMB 1,234.50", "1234.5"],
    ["rmb1234.5", "1234.5"],
    ["CNY 1234.5", "1234.5"],
    ["-¥1,234.50", "-1234.5"],
    ["¥-1,234.50", "-1234.5"], // Excel's zh-CN currency format puts the sign after ¥
    ["(¥1,234.00)", "-1234"], // Excel's en-style currency negative
    ["¥(1,234.00)", "-1234"],
    ["¥ (1,234.00)", "-1234"], // accounting format
    ["1234.50元", "1234.5"],
    ["1234.50 元", "1234.5"],
    ["¥1234元", "1234"],
    ["90.96万", "909600"], // POLICY §1: balances written in 万元
    ["90.96万元", "909600"],
    ["-13.44万", "-134400"],
    ["(13.44万)", "-134400"],
    ["1.5亿", "150000000"],
    ["1.5亿元", "150000000"],
    ["0.00000001亿", "1"],
    ["１２３４．５", "1234.5"], // full-width digits and point
    ["１，２３４．５０", "1234.5"],
    ["－１２３４", "-1234"],
    ["＋１２３４", "1234"],
    ["（１，２３４．００）", "-1234"], // full-width parentheses
    ["\u3000１２３４\u3000", "1234"], // ideographic spaces
    ["ＲＭＢ１２３４", "1234"],
    ["2.675", "2.675"],
  ])("%p -> %s", (input, expected) => {
    expect(read(input)).toBe(expected);
  });
});

describe("parseMoney: the limit of 10^13 yuan in text", () => {
  it("reads the largest amount below it, in any spelling", () => {
    expect(read("9,999,999,999,999.99")).toBe("9999999999999.99");
    expect(read("-9999999999999.99")).toBe("-9999999999999.99");
    expect(read("999999999.9999万")).toBe("9999999999999"); // × 10,000: the unit applied first, then the limit
  });

  it.each([
    ["10000000000000"],
    ["-10,000,000,000,000.00"],
    ["(10000000000000)"],
    ["1000000000万"], // 10^13 after the unit
    ["100000亿元"],
    ["9".repeat(400)], // a 400-digit amount: refused, never Infinity
  ])("%p is beyond it", (input) => {
    const e = thrown(() => parseMoney(input, "balance"));
    expect(e.id).toBe("money.out-of-range");
    expect(e.excel).toBe("#VALUE!");
    expect(e.text["en-US"]).toMatch(/below 10,000,000,000,000 yuan/);
  });

  it("applies to a Decimal passed in", () => {
    expect(thrown(() => parseMoney(new Decimal("1e13"))).id).toBe("money.out-of-range");
  });
});

describe("exactCellNumber: money a number cell holds exactly", () => {
  it.each([
    ["1234.50", 1234.5],
    ["-0.05", -0.05],
    ["0.00", 0],
    ["-0.00", 0],
    ["9999999999999.99", 9999999999999.99], // 15 significant digits
    ["100000000000000000.00", 1e17], // one significant digit
  ])("%p -> %p", (text, n) => {
    expect(Object.is(exactCellNumber(text), n)).toBe(true);
  });

  it.each([["19999999999999.98"], ["12345678901234567890.12"], ["0.1234567890123456"], ["abc"]])("%p has no exact number cell", (text) => {
    expect(exactCellNumber(text)).toBeNull();
  });
});

describe("parseMoney: a dash alone is zero (Excel's accounting format shows 0 as \"-\"; hand-kept 台账 write it so)", () => {
  it.each([["-"], ["—"], ["－"], ["--"], ["¥ -"], ["￥-"], [" - "]])("%s → 0", (text) => {
    expect(parseMoney(text)!.toFixed(2)).toBe("0.00");
  });
  it("a dash with digits is still a sign: \"-5\" is −5, \"--5\" an error", () => {
    expect(parseMoney("-5")!.toFixed(2)).toBe("-5.00");
    expect(() => parseMoney("--5")).toThrow();
  });
  it("a space between groups of three digits is a thousands separator, and 人民币 a currency", () => {
    expect(parseMoney("12 345.00元")!.toFixed(2)).toBe("12345.00");
    expect(parseMoney("¥ 8 500.50 元")!.toFixed(2)).toBe("8500.50");
    expect(parseMoney("1 234 567.89")!.toFixed(2)).toBe("1234567.89");
    expect(parseMoney("人民币 3,000.00元")!.toFixed(2)).toBe("3000.00");
    // Groups that are not of three are still refused: "12 34" is no amount.
    expect(() => parseMoney("12 34")).toThrow();
    expect(() => parseMoney("1234 567")).toThrow();
  });
  it("a minus after the figure (SAP's and some banks' exports: 5,000.00-) is a negative amount; two signs are still an error", () => {
    expect(parseMoney("5,000.00-")!.toFixed(2)).toBe("-5000.00");
    expect(parseMoney("¥1,234.50 -")!.toFixed(2)).toBe("-1234.50");
    expect(parseMoney("2.5万-")!.toFixed(2)).toBe("-25000.00");
    expect(() => parseMoney("-5,000.00-")).toThrow();
    expect(() => parseMoney("(5,000.00)-")).toThrow();
  });
});

describe("parseMoney: rejections", () => {
  it.each([
    ["12,34"], // wrong group size
    ["1234,567"], // first group too long
    ["1,2345"],
    ["0,123"], // a decimal comma elsewhere; not guessed
    [",123"],
    ["1,234,56"],
    ["1.234,56"],
    ["1,234.5,6"],
    ["1.2.3"],
    ["abc"],
    ["."],
    ["()"],
    ["¥"],
    ["元"],
    ["万"],
    ["--5"],
    ["+-5"],
    ["-¥-5"], // two signs
    ["-(5)"], // sign and parentheses
    ["((5))"],
    ["(5"],
    ["5)"],
    ["(-5)"],
    ["¥(-5)"],
    ["1e5"], // scientific notation is refused in text
    ["1.5E+3"],
    ["5 5"],
    ["5$"],
    ["$5"],
    ["USD 5"],
    ["5万万"],
    ["5千"],
    ["元5"],
    ["5元万"],
    ["0x10"],
    ["Infinity"],
    ["NaN"],
    ["#N/A!"],
    ["TRUE"],
  ])("%p is an error", (input) => {
    const e = thrown(() => parseMoney(input));
    expect(e.id).toBe("money.unparseable");
    expect(e.excel).toBe("#VALUE!");
  });

  it.each([[true], [false], [{}], [[]], [[1]], [new Date(0)], [Symbol("x")], [10n], [() => 1], [{ error: 1 }]])(
    "%p is an error",
    (input) => {
      expect(thrown(() => parseMoney(input)).id).toBe("money.unparseable");
    },
  );

  it("quotes the input and names the field in both languages", () => {
    const e = thrown(() => parseMoney("12,34", "balance"));
    expect(e.field).toBe("balance");
    expect(e.messageIn("zh-CN")).toContain("“12,34”");
    expect(e.messageIn("zh-CN")).toContain("字段：balance");
    expect(e.messageIn("en-US")).toContain('"12,34"');
    expect(e.messageIn("en-US")).toContain("field: balance");
  });

  it("has no field when none is given", () => {
    const e = thrown(() => parseMoney("x"));
    expect(e.field).toBeUndefined();
    expect(e.messageIn("en-US")).not.toContain("field");
  });

  // How fast (linear, not backtracking): bench/parsers.bench.ts.
  it("refuses long runs of spaces as unparseable (a cell holds up to 32,767 characters)", () => {
    for (const s of ["-" + " ".repeat(30000) + "x", "¥" + " ".repeat(30000) + "1" + " ".repeat(30000) + "x", "1,".repeat(15000)]) {
      expect(thrown(() => parseMoney(s)).id).toBe("money.unparseable");
    }
  });

  it("quotes booleans as Excel shows them", () => {
    expect(thrown(() => parseMoney(true)).messageIn("en-US")).toContain('"TRUE"');
  });

  it("truncates a long input to 40 characters", () => {
    const long = "x".repeat(100);
    const e = thrown(() => parseMoney(long));
    expect(e.messageIn("en-US")).toContain(`"${"x".repeat(40)}…"`);
    expect(e.messageIn("en-US")).not.toContain("x".repeat(41));
  });
});

describe("helpers shared by the parsers", () => {
  it("toHalfWidth maps full-width forms and the ideographic space", () => {
    expect(toHalfWidth("０１２３４５６７８９．，－＋（）\u3000￥／：")).toBe("0123456789.,-+() ¥/:");
    expect(toHalfWidth("plain")).toBe("plain");
  });

  it("isExcelErrorValue", () => {
    expect(isExcelErrorValue("#REF!")).toBe(true);
    expect(isExcelErrorValue("#ref!")).toBe(true);
    expect(isExcelErrorValue("#REF")).toBe(false);
    expect(isExcelErrorValue({ type: "Error" })).toBe(true);
    expect(isExcelErrorValue({ type: "Double" })).toBe(false);
    expect(isExcelErrorValue(null)).toBe(false);
  });

  it("quoteInput never throws and never splits a surrogate pair", () => {
    expect(quoteInput(Object.create(null))).toBe("[object Object]");
    expect(quoteInput({ toString: 5 })).toBe("[object Object]");
    const emoji = "😀".repeat(50);
    expect(quoteInput(emoji)).toBe("😀".repeat(40) + "…");
    expect(quoteInput(new Date(NaN))).toBe("Invalid Date");
  });
});

describe("roundMoney", () => {
  it.each([
    ["0.005", "0.01"],
    ["-0.005", "-0.01"], // half away from zero
    ["2.675", "2.68"], // as a string it is exact (the double 2.675 is 2.67499999...)
    ["-2.675", "-2.68"],
    ["0.004999", "0"],
    ["1.005", "1.01"],
    ["1.0049999999999999999999", "1"],
    ["123456789012.345", "123456789012.35"],
    ["-0.004", "0"], // not -0
    ["7", "7"],
  ])("%s -> %s", (input, expected) => {
    const r = roundMoney(new Dec(input));
    expect(r.toString()).toBe(expected);
    expect(r.isNegative() && r.isZero()).toBe(false);
  });

  it("follows our settings even for a Decimal from the global constructor", () => {
    expect(roundMoney(new Decimal("0.125")).toString()).toBe("0.13");
  });
});

describe("formatMoney / formatMoneyGrouped", () => {
  it.each([
    ["1234.5", "1234.50", "1,234.50"],
    ["-0.05", "-0.05", "-0.05"],
    ["0", "0.00", "0.00"],
    ["-0.001", "0.00", "0.00"], // never "-0.00"
    ["0.005", "0.01", "0.01"],
    ["-1234567.891", "-1234567.89", "-1,234,567.89"],
    ["999", "999.00", "999.00"],
    ["1000", "1000.00", "1,000.00"],
    ["100000000000", "100000000000.00", "100,000,000,000.00"],
    ["1e21", "1000000000000000000000.00", "1,000,000,000,000,000,000,000.00"], // no exponent notation
  ])("%s -> %s / %s", (input, plain, grouped) => {
    expect(formatMoney(new Dec(input))).toBe(plain);
    expect(formatMoneyGrouped(new Dec(input))).toBe(grouped);
  });

  it("formatted text parses back", () => {
    expect(read(formatMoneyGrouped(new Dec("-1234567.891")))).toBe("-1234567.89");
  });
});

describe("groupThousands: the one grouping of money text", () => {
  it.each([
    ["0.00", "0.00"],
    ["123.45", "123.45"],
    ["1234.50", "1,234.50"],
    ["-1234567.00", "-1,234,567.00"],
    ["12345", "12,345"],
    ["1000000.125", "1,000,000.125"],
  ])("%s → %s", (plain, grouped) => {
    expect(groupThousands(plain)).toBe(grouped);
  });
});
