/**
 * The .xlsx reader (src/cli/xlsx-reader.ts through readWorkbook) on what exporters and damage
 * produce: parts in any zip order, hidden sheets and merged areas, Chinese text across chunk
 * boundaries, far cells read sparsely, zip bombs, other formats in an .xlsx's clothing, and the
 * XML variants of SpreadsheetML (prefixed tags, inline and phonetic strings, rows without numbers).
 */
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/cli/read-workbook";
import { numberCell, reorder, textCell, withDeclaredSize, workbookParts, zipParts } from "../fixtures/xlsx-parts";
import { rejection } from "../helpers/errors";
import { tempFolderPerFile } from "./helpers/temp-files";

const temp = tempFolderPerFile("read-workbook-");
const file = temp.file;



/** A two-sheet workbook as exceljs writes it: a ledger with a date, and a customer master. */
async function ledgerWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ledger = wb.addWorksheet("应收账款台账");
  ledger.addRow(["客户名称", "发生日期", "应收余额"]);
  ledger.addRow(["遂宁市城市建设投资有限公司", new Date(Date.UTC(2011, 5, 30)), 786500]);
  ledger.getCell("B2").numFmt = "yyyy-mm-dd";
  ledger.addRow(["成都千嘉科技有限公司", new Date(Date.UTC(2011, 2, 15)), 15900.5]);
  ledger.getCell("B3").numFmt = "yyyy-mm-dd";
  const master = wb.addWorksheet("客户档案");
  master.addRow(["客户名称", "信用额度", "信用期(天)"]);
  master.addRow(["成都千嘉科技有限公司", 800000, 60]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("parts in any zip order (issue 13: ERP exports list worksheets before xl/workbook.xml)", () => {
  it("reads the same sheets, in tab order, whatever order the zip stores its parts in", async () => {
    const original = await ledgerWorkbook();
    // Relationships, shared strings, styles and the worksheets first; the workbook part last.
    const rank = (name: string): number => (name === "xl/workbook.xml" ? 9 : name.startsWith("xl/worksheets/sheet2") ? 3 : name.startsWith("xl/worksheets/") ? 4 : name.includes("_rels") ? 0 : name.includes("sharedStrings") || name.includes("styles") ? 1 : 5);
    const reordered = await reorder(original, rank);
    const expected = await readWorkbook(file("original.xlsx", original));
    const book = await readWorkbook(file("worksheets-first.xlsx", reordered));
    expect(book.sheets.map((s) => s.name)).toEqual(["应收账款台账", "客户档案"]);
    expect(book.sheets.map((s) => s.values)).toEqual(expected.sheets.map((s) => s.values));
    expect(book.sheets[0].values[1]).toEqual(["遂宁市城市建设投资有限公司", new Date(Date.UTC(2011, 5, 30)), 786500]);
  });
});

describe("hidden sheets and merged areas (SheetInput.hidden, .merges)", () => {
  it("says which sheets are hidden or very hidden, and lists every merged area in 1-based sheet coordinates", async () => {
    const wb = new ExcelJS.Workbook();
    const visible = wb.addWorksheet("台账");
    visible.addRow(["客户名称", "发生日期", "应收余额"]);
    visible.addRow(["甲公司", "2011-08-01", 100]);
    visible.addRow([null, "2011-08-02", 200]);
    visible.mergeCells("A2:A3");
    visible.mergeCells("D1:F2");
    wb.addWorksheet("旧台账").state = "hidden";
    wb.addWorksheet("参数").state = "veryHidden";
    const book = await readWorkbook(file("hidden.xlsx", Buffer.from(await wb.xlsx.writeBuffer())));
    expect(book.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["台账", false],
      ["旧台账", true],
      ["参数", true],
    ]);
    const byTop = [...(book.sheets[0].merges ?? [])].sort((a, b) => a.top - b.top);
    expect(byTop).toEqual([
      { top: 1, left: 4, bottom: 2, right: 6 },
      { top: 2, left: 1, bottom: 3, right: 1 },
    ]);
    expect(book.sheets[1].merges).toEqual([]);
  });
});

describe("Chinese text is never garbled where the inflated bytes split a character", () => {
  it("reads 30,000 distinct Chinese names exactly (exceljs's stream reader garbles some)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("台账");
    ws.addRow(["客户名称", "发生日期", "应收余额"]);
    const names: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      const name = `四川省遂宁市第${i}号建设有限公司`;
      names.push(name);
      ws.addRow([name, 40724, i]);
    }
    const book = await readWorkbook(file("names.xlsx", Buffer.from(await wb.xlsx.writeBuffer())));
    const read = book.sheets[0].values.slice(1).map((r) => r[0]);
    expect(read.filter((v, i) => v !== names[i])).toEqual([]);
  });
});

describe("far cells are read sparsely", () => {
  it("a value in column XFD (16,384) leaves a hole, not 16,000 cells", async () => {
    const rows = `<row r="1">${textCell("A1", "客户名称")}${textCell("B1", "应收余额")}</row><row r="2">${textCell("A2", "甲")}${numberCell("B2", 100)}${numberCell("XFD2", 7)}</row>`;
    const book = await readWorkbook(file("xfd.xlsx", await zipParts(workbookParts([{ name: "台账", rows }]))));
    const row = book.sheets[0].values[1];
    expect(row.length).toBe(16_384);
    expect(row[16_383]).toBe(7);
    expect(Object.keys(row)).toEqual(["0", "1", "16383"]);
  });

  it("reads a cell's column from any form of reference a writer uses: plain, absolute ($C$2), lower case (d2)", async () => {
    const rows = `<row r="1">${textCell("A1", "客户名称")}</row><row r="2">${textCell("A2", "甲")}${numberCell("$C$2", 3)}${numberCell("d2", 4)}${numberCell("AB2", 28)}</row>`;
    const book = await readWorkbook(file("refs.xlsx", await zipParts(workbookParts([{ name: "台账", rows }]))));
    const row = book.sheets[0].values[1];
    expect([row.length, row[0], row[2], row[3], row[27]]).toEqual([28, "甲", 3, 4, 28]);
  });

  it("a row gap is one shared empty row each, not a row of nulls", async () => {
    const rows = `<row r="1">${textCell("A1", "客户名称")}</row><row r="1048576">${numberCell("A1048576", 1)}</row>`;
    const book = await readWorkbook(file("last-row.xlsx", await zipParts(workbookParts([{ name: "台账", rows }]))));
    const values = book.sheets[0].values;
    expect(values.length).toBe(1_048_576);
    expect(values[1_048_575]).toEqual([1]);
    expect(values[500_000]).toEqual([]);
    expect(values[500_000]).toBe(values[2]);
  });

  it.each([
    ["a row past 1,048,576", `<row r="1048577">${numberCell("A1048577", 1)}</row>`, "A1048577"],
    ["a column past XFD", `<row r="1">${numberCell("XFE1", 1)}</row>`, "XFE1"],
    ["a merged area past the last row", `<row r="1">${numberCell("A1", 1)}</row>`, "A2000000"],
  ])("refuses %s, naming the cell (cli.beyond-excel-limits)", async (_name, rows, cell) => {
    const after = cell === "A2000000" ? `<mergeCells count="1"><mergeCell ref="A1:A2000000"/></mergeCells>` : "";
    const e = await rejection(readWorkbook(file(`${cell}.xlsx`, await zipParts(workbookParts([{ name: "Sheet1", rows, after }])))));
    expect(e.id).toBe("cli.beyond-excel-limits");
    expect(e.text["en-US"]).toContain(`sheet "Sheet1" declares cell ${cell}`);
    expect(e.text["zh-CN"]).toContain(cell);
  });
});

describe("zip bombs stop at the first sign", () => {
  const whitespace = (): string => `<row r="1">${textCell("A1", "客户名称")}</row>` + " ".repeat(48 * 1024 * 1024);

  it("an entry that says it inflates more than 200 times its size", async () => {
    const e = await rejection(readWorkbook(file("bomb.xlsx", await zipParts(workbookParts([{ name: "Sheet1", rows: whitespace() }])))));
    expect(e.id).toBe("cli.zip-bomb");
    expect(e.text["en-US"]).toContain("zip bomb");
  });

  it("an entry that lies about its size", async () => {
    const honest = await zipParts(workbookParts([{ name: "Sheet1", rows: whitespace() }]));
    const e = await rejection(readWorkbook(file("liar.xlsx", withDeclaredSize(honest, "xl/worksheets/sheet1.xml", 5000))));
    expect(e.id).toBe("cli.xlsx-unreadable");
    expect(e.text["en-US"]).toContain("inflates to more than the 5000 bytes");
  });
});

describe("a zip that is not an .xlsx says what it is", () => {
  it.each([
    ["an OpenDocument spreadsheet", [["mimetype", "application/vnd.oasis.opendocument.spreadsheet"], ["content.xml", "<office:document-content/>"]], "OpenDocument spreadsheet (.ods)"],
    ["an Excel binary workbook", [["xl/workbook.bin", "\u0000"], ["[Content_Types].xml", "<Types/>"]], "Excel binary workbook (.xlsb)"],
    ["a Word document", [["word/document.xml", "<w:document/>"]], "Word document (.docx)"],
  ] as [string, [string, string][], string][])("%s", async (_name, parts, what) => {
    const e = await rejection(readWorkbook(file("other.xlsx", await zipParts(parts))));
    expect(e.id).toBe("cli.not-a-spreadsheet");
    expect(e.text["en-US"]).toContain(what);
  });
});

describe("SpreadsheetML as other programs write it", () => {
  it("prefixed tags, inline and rich strings without their phonetic guide, _xHHHH_ escapes, rows and cells without numbers, booleans, errors, the 1904 date system", async () => {
    const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const parts = workbookParts([{ name: "台账", rows: "" }], { sharedStrings: ["客户名称", "<r><t>遂宁</t></r><r><t>公司</t></r><rPh sb=\"0\" eb=\"2\"><t>スイネイ</t></rPh>"], date1904: true });
    // The worksheet with every tag prefixed (x:), as some exporters write it.
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData>` +
      `<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:t>备注_x000D_第二行</x:t></x:is></x:c></x:row>` +
      `<x:row><x:c t="s"><x:v>1</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c><x:f>1/0</x:f><x:v>12.5</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>a &amp; b</x:v></x:c></x:row>` +
      `</x:sheetData></x:worksheet>`;
    const withSheet = parts.map(([name, content]): [string, string] => (name === "xl/worksheets/sheet1.xml" ? [name, sheet] : [name, content]));
    const book = await readWorkbook(file("variants.xlsx", await zipParts(withSheet)));
    expect(book.dateSystem).toBe("1904");
    expect(book.sheets[0].values).toEqual([
      ["客户名称", "备注\r第二行"],
      ["遂宁公司", true, "#N/A", 12.5, "a & b"],
    ]);
  });
});
