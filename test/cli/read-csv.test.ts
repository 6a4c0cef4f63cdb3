/**
 * CSV through readWorkbook: the encoding decided on the evidence and said (with where a bad
 * byte is), fields that span the reader's chunks, memory bounded on a 50 MB file, and the files
 * an ERP calls "xls" that are not, each named for what it is.
 */
import { spawnSync } from "node:child_process";
import { closeSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { readWorkbook } from "../../src/cli/read-workbook";
import { ROOT } from "./helpers/run-audit";
import { rejection } from "../helpers/errors";
import { tempFolderPerFile } from "./helpers/temp-files";

jest.setTimeout(180_000);

const temp = tempFolderPerFile("read-csv-");
const file = temp.file;



const HEADER = "客户名称,发生日期,余额\n";

describe("the encoding, decided on the evidence and said", () => {
  it("UTF-8 with one invalid byte stays UTF-8; the note names the row and the byte offset", async () => {
    // Row 3's customer has a stray 0xFF inside it.
    const bytes = Buffer.concat([Buffer.from(`${HEADER}甲公司,2011-08-01,100\n乙公`), Buffer.from([0xff]), Buffer.from("司,2011-08-02,200\n丙公司,2011-08-03,300\n")]);
    const book = await readWorkbook(file("one-bad-byte.csv", bytes));
    expect(book.encoding).toBe("utf-8");
    expect(book.sheets[0].values).toEqual([
      ["客户名称", "发生日期", "余额"],
      ["甲公司", "2011-08-01", 100],
      ["乙公\uFFFD司", "2011-08-02", 200],
      ["丙公司", "2011-08-03", 300],
    ]);
    // The bad byte: after the header (33 bytes: 10 three-byte characters, 2 commas, a newline),
    // "甲公司,2011-08-01,100\n" (25 bytes: 3 characters of 3 bytes, 16 ASCII) and "乙公" (6 bytes):
    // offset 33 + 25 + 6 = 64. Valid multi-byte characters: 10 + 3 + 2 + 1 (司) + 3 = 19.
    expect(book.notes?.map((n) => n["en-US"])).toEqual([
      'Note: the file was read as UTF-8 (19 valid multi-byte characters), but 1 invalid byte, the first in row 3 at byte offset 64 (0xFF), read as "�"; check that row.',
    ]);
    expect(book.notes?.[0]["zh-CN"]).toContain("第 3 行，字节偏移 64");
  });

  it("GBK stays GBK/GB18030, and says so", async () => {
    // "客户名称,发生日期,余额\n甲公司,2011-08-01,100\n" in GBK.
    const gbk = Buffer.from("bfcdbba7c3fbb3c62cb7a2c9fac8d5c6da2cd3e0b6ee0ad7d7b9abcbbe2c323031312d30382d30312c3130300a", "hex");
    const book = await readWorkbook(file("gbk.csv", gbk));
    expect(book.encoding).toBe("gb18030");
    expect(book.sheets[0].values[0]).toEqual(["客户名称", "发生日期", "余额"]);
    // Said as what was done, not as an error: a GBK CSV is what Excel saves on a Chinese system.
    expect(book.notes?.[0]["en-US"]).toMatch(/^Read as GBK\/GB18030, the encoding Excel and most Chinese software save CSV in: the file is not UTF-8 \(\d+ byte sequences are not UTF-8, the first in row 1, byte offset 0\)\.$/);
  });

  it("UTF-16LE with its byte order mark", async () => {
    const book = await readWorkbook(file("utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("客户名称\t余额\r\n甲公司\t100\r\n", "utf16le")])));
    expect(book.encoding).toBe("utf-16le");
    expect(book.sheets[0].values).toEqual([
      ["客户名称", "余额"],
      ["甲公司", 100],
    ]);
  });
});

describe("streamed: a field or a line break across the reader's chunks reads as one", () => {
  it("a quoted field with a line break and a quote, straddling the 256 KB chunk boundary; CRLF split between chunks", async () => {
    const filler = `甲公司,2011-08-01,1\r\n`.repeat(12_000); // about 264 KB: the quoted field below starts near 256 KB
    const before = Buffer.from(HEADER + filler);
    const pad = "x".repeat(262_144 - before.length - 20 > 0 ? 262_144 - before.length - 20 : 0);
    const text = `${HEADER}${filler}"${pad}第一行\r\n第二行""引号""",2011-08-02,2\r\n乙公司,2011-08-03,3\r\n`;
    const book = await readWorkbook(file("chunks.csv", text));
    const values = book.sheets[0].values;
    expect(values).toHaveLength(1 + 12_000 + 2);
    expect(values[12_001]).toEqual([`${pad}第一行\r\n第二行"引号"`, "2011-08-02", 2]);
    expect(values[12_002]).toEqual(["乙公司", "2011-08-03", 3]);
    expect(values.every((row) => row.length === 3)).toBe(true);
  });

  it("a 50 MB CSV is read within a 256 MB heap (the whole-file string needed more than 384 MB)", () => {
    const path = join(temp.path(), "big.csv");
    const fd = openSync(path, "w");
    writeSync(fd, "客户名称,单据号,发生日期,金额,已收金额,余额\n");
    let size = 0;
    for (let i = 0; size < 50 * 1024 * 1024; ) {
      const lines: string[] = [];
      for (let k = 0; k < 10_000; k++, i++) lines.push(`客户${i % 5000}有限公司,INV-${i},2011-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")},${(i % 100_000) + 0.5},0,${(i % 100_000) + 0.5}\n`);
      const chunk = lines.join("");
      size += Buffer.byteLength(chunk);
      writeSync(fd, chunk);
    }
    closeSync(fd);
    const r = spawnSync(process.execPath, ["--max-old-space-size=256", "--import", "tsx", "test/cli/helpers/read-and-count.ts", path], { cwd: ROOT, encoding: "utf8", timeout: 150_000, killSignal: "SIGKILL" });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: number[]; encoding: string };
    expect(out.encoding).toBe("utf-8");
    expect(out.rows[0]).toBeGreaterThan(800_000);
  });
});

describe("a field no cell could hold", () => {
  it("a quote left open swallowing the rest of a 200 KB file is refused at its row, not read as one 200 KB cell", async () => {
    const e = await rejection(readWorkbook(file("open-quote.csv", `${HEADER}甲公司,"2011-08-01,100\n${"乙公司,2011-08-02,200\n".repeat(8000)}`)));
    expect(e.id).toBe("cli.csv-unreadable");
    expect(e.text["en-US"]).toContain("row 2, field 2 is longer than 32,767 characters");
  });
});

describe("a file that is not .xlsx or CSV says what it is", () => {
  /** An OLE compound file whose first directory sector names these streams (MS-CFB, 512-byte sectors). */
  function compoundFile(streams: string[]): Buffer {
    const header = Buffer.alloc(512);
    Buffer.from("d0cf11e0a1b11ae1", "hex").copy(header, 0);
    header.writeUInt16LE(9, 0x1e); // 2^9 = 512-byte sectors
    header.writeUInt32LE(0, 0x30); // the directory starts at sector 0, right after the header
    const directory = Buffer.alloc(512);
    ["Root Entry", ...streams].slice(0, 4).forEach((name, i) => {
      directory.write(name, i * 128, "utf16le");
      directory.writeUInt16LE((name.length + 1) * 2, i * 128 + 0x40);
    });
    return Buffer.concat([header, directory]);
  }

  it.each([
    ["an ERP's \"xls\" that is an HTML table", "erp.xls", Buffer.from("\uFEFF<html><head><meta charset=utf-8></head><body><table><tr><td>客户名称</td></tr></table></body></html>"), "cli.not-a-spreadsheet", /is not \.xlsx or CSV: it is an HTML page/],
    ["an Excel 2003 XML spreadsheet", "erp2003.xls", Buffer.from('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), "cli.not-a-spreadsheet", /Excel 2003 XML spreadsheet/],
    ["a real BIFF .xls", "old.xls", compoundFile(["Workbook", "\u0005SummaryInformation"]), "cli.xls-unsupported", /legacy Excel 97–2003 workbook \(\.xls\)/],
    ["a password-protected workbook", "locked.xlsx", compoundFile(["EncryptionInfo", "EncryptedPackage"]), "cli.xls-unsupported", /password-protected workbook/],
    ["a PDF", "statement.csv", Buffer.from("%PDF-1.7\n%âãÏÓ\n"), "cli.not-a-spreadsheet", /it is a PDF document/],
  ])("%s", async (_name, name, bytes, id, reason) => {
    const e = await rejection(readWorkbook(file(name, bytes)));
    expect(e.id).toBe(id);
    expect(e.text["en-US"]).toMatch(reason);
  });
});
