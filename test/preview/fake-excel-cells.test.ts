/**
 * What a cell holds after a write, read back as Excel reports it: typed-input conversion of
 * strings, formula injection and how '@' (Text) prevents it, errors, formulas, `text`.
 */
import { createFakeExcel, formatValue, interpretTyped, jsonByteSize, type FakeExcel } from "../../src/preview/fake-excel";

async function write(fake: FakeExcel, address: string, values: unknown[][], numberFormat?: unknown[][]): Promise<void> {
  await fake.Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("S").getRange(address);
    if (numberFormat) range.numberFormat = numberFormat;
    range.values = values;
    await context.sync();
  });
}

function blank(): FakeExcel {
  return createFakeExcel({ sheets: [{ name: "S" }] });
}

describe("formula injection", () => {
  test("'=HYPERLINK(\"x\")' written as a value becomes a formula", async () => {
    const fake = blank();
    await write(fake, "A1", [['=HYPERLINK("http://evil.example","click")']]);
    const cell = fake.workbook.getSheet("S").cell("A1");
    expect(cell.formula).toBe('=HYPERLINK("http://evil.example","click")');
    expect(cell.value).toBe("#FAKE_FORMULA");
  });

  test("with numberFormat '@' set first in the same batch, it stays text", async () => {
    const fake = blank();
    await write(fake, "A1:B1", [['=HYPERLINK("x")', "00123"]], [["@", "@"]]);
    const s = fake.workbook.getSheet("S");
    expect(s.cell("A1")).toMatchObject({ formula: null, value: '=HYPERLINK("x")', valueType: "String", numberFormat: "@" });
    expect(s.cell("B1").value).toBe("00123");
  });

  test("setting '@' after the values (later in the batch) is too late", async () => {
    const fake = blank();
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1");
      range.values = [["=1+1"]];
      range.numberFormat = [["@"]];
      await context.sync();
    });
    expect(fake.workbook.getSheet("S").cell("A1").formula).toBe("=1+1");
  });

  test("a leading apostrophe stores the rest as text", async () => {
    const fake = blank();
    await write(fake, "A1:B1", [["'=cmd|' /C calc'!A0", "'00123"]]);
    const s = fake.workbook.getSheet("S");
    expect(s.cell("A1")).toMatchObject({ formula: null, value: "=cmd|' /C calc'!A0" });
    expect(s.cell("B1").value).toBe("00123");
  });

  test("'+', '-' and '@' prefixes become formulas unless the rest is a number", async () => {
    const fake = blank();
    await write(fake, "A1:F1", [["+A1", "-abc", "@SUM(B1)", "-5", "+3", "-"]]);
    const s = fake.workbook.getSheet("S");
    expect(["A1", "B1", "C1"].map((a) => s.cell(a).formula)).toEqual(["=+A1", "=-abc", "=@SUM(B1)"]);
    expect(["D1", "E1", "F1"].map((a) => s.cell(a).value)).toEqual([-5, 3, "-"]);
  });

  test("range.formulas writes formulas; an unbalanced formula rejects with InvalidArgument", async () => {
    const fake = blank();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:C1").formulas = [[2, 3, "=A1*B1"]];
      await context.sync();
    });
    expect(fake.workbook.getSheet("S").cell("C1")).toMatchObject({ value: 6, formula: "=A1*B1", text: "6" });
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("D1").formulas = [["=SUM(A1"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("typed-input conversion of strings", () => {
  test("numeric strings become numbers (15 significant digits, leading zeros dropped)", async () => {
    const fake = blank();
    await write(fake, "A1:F1", [["123", "-1.5", "00123", "1,234.50", "12%", "12345678901234567890"]]);
    const s = fake.workbook.getSheet("S");
    expect(s.values("A1:F1")).toEqual([[123, -1.5, 123, 1234.5, 0.12, 12345678901234600000]]);
    expect(s.cell("D1")).toMatchObject({ numberFormat: "#,##0.00", text: "1,234.50" });
    expect(s.cell("E1")).toMatchObject({ numberFormat: "0%", text: "12%" });
  });

  test("dates become serial numbers with a date format; booleans and error literals convert", async () => {
    const fake = blank();
    await write(fake, "A1:E1", [["2025-01-15", "1/15/2025", "TRUE", "#N/A", "2025-02-30"]]);
    const s = fake.workbook.getSheet("S");
    expect(s.cell("A1")).toMatchObject({ value: 45672, numberFormat: "yyyy-mm-dd", text: "2025-01-15", valueType: "Double" });
    expect(s.cell("B1")).toMatchObject({ value: 45672, text: "1/15/2025" });
    expect(s.cell("C1")).toMatchObject({ value: true, valueType: "Boolean", text: "TRUE" });
    expect(s.cell("D1")).toMatchObject({ value: "#N/A", valueType: "Error" });
    expect(s.cell("E1")).toMatchObject({ value: "2025-02-30", valueType: "String" });
  });

  test("text that Excel would not convert stays text", () => {
    for (const text of ["Acme Ltd", "1,23", "$5", " 12", "15-Feb", "user@example.com", "true story", "应收账款", "-"]) {
      expect(interpretTyped(text, "General")).toEqual({ kind: "value", value: text });
    }
  });

  test("values reads give numbers, strings, booleans, '' for blanks and error codes as strings", async () => {
    const fake = blank();
    await write(fake, "A1:D1", [["x", 1, false, "#DIV/0!"]]);
    await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A1:E1").load("values, valueTypes, valuesAsJson");
      await context.sync();
      expect(r.values).toEqual([["x", 1, false, "#DIV/0!", ""]]);
      expect(r.valueTypes).toEqual([["String", "Double", "Boolean", "Error", "Empty"]]);
      expect(r.valuesAsJson[0][3]).toMatchObject({ type: "Error", errorType: "Div0", basicValue: "#DIV/0!" });
    });
  });

  test("NaN, Infinity and objects are refused with InvalidArgument; a Date travels as its JSON string", async () => {
    const fake = blank();
    for (const bad of [NaN, Infinity, { a: 1 }]) {
      await expect(write(fake, "A1", [[bad]])).rejects.toMatchObject({ code: "InvalidArgument" });
    }
    const input = [[new Date(Date.UTC(2025, 0, 15))]];
    await write(fake, "A1", input);
    expect(fake.workbook.getSheet("S").cell("A1").value).toBe("2025-01-15T00:00:00.000Z");
    expect(input[0][0]).toBeInstanceOf(Date); // the caller's array is not rewritten
  });
});

describe("formulas the fake computes", () => {
  test("arithmetic, references across sheets, SUM, concatenation, errors; anything else is '#FAKE_FORMULA'", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", cells: [[2, 3, "x"]] }, { name: "Other sheet", cells: [[10]] }] });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A2:G2").formulas = [["=A1+B1*2", "=SUM(A1:B1)", "='Other sheet'!A1/4", '=C1&"y"', "=A1/0", "=AR.AGING_CLASS(A1)", "=A1>B1"]];
      await context.sync();
    });
    expect(fake.workbook.getSheet("S").values("A2:G2")).toEqual([[8, 5, 2.5, "xy", "#DIV/0!", "#FAKE_FORMULA", false]]);
  });

  test("a formula's value follows the cells it reads", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", cells: [[1]], formulas: { B1: "=A1*10" } }] });
    await write(fake, "A1", [[7]]);
    expect(fake.workbook.getSheet("S").cell("B1").value).toBe(70);
  });
});

describe("number formats and text", () => {
  test.each([
    [1234.5, "#,##0.00", "1,234.50"],
    [0.125, "0%", "13%"],
    [-1234.5, "#,##0.00;(#,##0.00)", "(1,234.50)"],
    [0, '#,##0.00;-#,##0.00;"-"', "-"],
    [45672, "yyyy-mm-dd", "2025-01-15"],
    [45672, 'yyyy"年"m"月"d"日"', "2025年1月15日"],
    [45672.75, "yyyy-mm-dd hh:mm", "2025-01-15 18:00"],
    [1234.5, "[$¥-804]#,##0.00", "¥1,234.50"],
    [123456789012, "General", "1.23457E+11"],
    [0.1 + 0.2, "General", "0.3"],
    [12, "@", "12"],
  ])("%p with %p shows %p", (value, format, text) => {
    expect(formatValue(value, format)).toBe(text);
  });

  test("'' resets a number format to General; null leaves it alone", async () => {
    const fake = blank();
    await write(fake, "A1:B1", [[1, 2]], [["0.00", "0%"]]);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B1").numberFormat = [["", null]];
      await context.sync();
    });
    expect(fake.workbook.getSheet("S").cell("A1").numberFormat).toBe("General");
    expect(fake.workbook.getSheet("S").cell("B1").numberFormat).toBe("0%");
  });

  test("values, formulas and number formats on whole columns or rows are refused, as Excel refuses them (excel-add-ins-ranges-unbounded)", async () => {
    const fake = blank();
    const before = JSON.stringify(fake.workbook.toData());
    for (const [address, prop] of [["A:A", "numberFormat"], ["B:C", "values"], ["3:3", "formulas"]] as const) {
      await expect(
        fake.Excel.run(async (context) => {
          (context.workbook.worksheets.getItem("S").getRange(address) as unknown as Record<string, unknown>)[prop] = prop === "numberFormat" ? "@" : "x";
          await context.sync();
        })
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
    expect(JSON.stringify(fake.workbook.toData())).toBe(before);
  });
});

describe("JSON byte size", () => {
  test("matches the UTF-8 length of JSON.stringify", () => {
    const samples: unknown[] = [
      [["a", 1, true, null, 1.25, -0.5, 1e21, "中文", 'q"\\\n', "😀"]],
      { a: [1, undefined, { b: "x" }], c: undefined },
      12345678901234600000,
      0.30000000000000004,
    ];
    for (const s of samples) expect(jsonByteSize(s)).toBe(new TextEncoder().encode(JSON.stringify(s)).length);
  });
});
