/**
 * What the headless audit never does (issue 14): overwrite its input, leave a partial output
 * file, exit without a result, or write money that is not the result's. Each run is a child
 * process, as a user or a batch job runs it.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { numberCell, textCell, workbookParts, zipParts } from "../fixtures/xlsx-parts";
import { audit, expectRefusal, ROOT, SAMPLE } from "./helpers/run-audit";

jest.setTimeout(180_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "audit-outputs-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function folder(name: string): string {
  const path = join(dir, name);
  mkdirSync(path);
  return path;
}

describe("an output never overwrites the input", () => {
  let work: string;
  let input: string;
  const before = readFileSync(SAMPLE);
  beforeAll(() => {
    work = folder("same-file");
    input = join(work, "ledger.xlsx");
    copyFileSync(SAMPLE, input);
    symlinkSync(input, join(work, "link.xlsx"));
    linkSync(input, join(work, "hard.xlsx"));
    writeFileSync(join(work, "ledger.csv"), "客户名称,发生日期,余额\n甲公司,2011-08-01,100\n");
  });

  it.each([
    ["--out, the same path", () => [input, "--as-of", "2011-08-31", "--out", input]],
    ["--out, the same file by another spelling", () => [input, "--as-of", "2011-08-31", "--out", join(work, "..", "same-file", "ledger.xlsx")]],
    ["--out, a symbolic link to the input", () => [input, "--as-of", "2011-08-31", "--out", join(work, "link.xlsx")]],
    ["--out, a hard link to the input", () => [input, "--as-of", "2011-08-31", "--out", join(work, "hard.xlsx")]],
    ["--json over the input", () => [input, "--as-of", "2011-08-31", "--json", input]],
    ["--json over a CSV input", () => [join(work, "ledger.csv"), "--as-of", "2011-08-31", "--json", join(work, "ledger.csv")]],
  ])("%s: exit 2 with one line, before any work, the input untouched", (_name, args) => {
    const csvBefore = readFileSync(join(work, "ledger.csv"));
    expectRefusal(audit(args()), /is the same file as the input .*never overwrites its input/);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readFileSync(join(work, "ledger.csv")).equals(csvBefore)).toBe(true);
  });

  it("refuses --out and --json naming one file, and says so in Chinese under LANG=zh", () => {
    const r = audit([input, "--as-of", "2011-08-31", "--out", join(work, "r.json"), "--json", join(work, "r.json")], { env: { LANG: "zh_CN.UTF-8" } });
    expectRefusal(r, /--out “.*r\.json”与 --json “.*r\.json”是同一个文件/);
  });
});

describe("a write that fails part-way leaves the previous file and no partial one", () => {
  let work: string;
  let json: string;
  let report: string;
  let previousJson: Buffer;
  let previousReport: Buffer;
  beforeAll(() => {
    work = folder("ulimit");
    json = join(work, "result.json");
    report = join(work, "report.xlsx");
    const first = audit([SAMPLE, "--as-of", "2011-08-31", "--json", json, "--out", report]);
    expect(first.status).toBe(0);
    previousJson = readFileSync(json);
    previousReport = readFileSync(report);
    // Both are larger than the 20 KB the runs below may write.
    expect(Math.min(previousJson.length, previousReport.length)).toBeGreaterThan(20 * 1024);
  });

  it.each([
    ["the JSON", () => ["--json", json]],
    ["the report workbook", () => ["--out", report]],
  ])("%s, with the file size limited to 20 KB (ulimit -f 20): exit 2, one line", (_name, output) => {
    const r = audit([SAMPLE, "--as-of", "2011-08-31", ...output()], { shellPrefix: "ulimit -f 20" });
    expect(r.status).toBe(2);
    const lines = r.stderr.split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^audit: Cannot write ".*": EFBIG/);
    expect(readFileSync(json).equals(previousJson)).toBe(true);
    expect(readFileSync(report).equals(previousReport)).toBe(true);
    expect(readdirSync(work).sort()).toEqual(["report.xlsx", "result.json"]);
  });
});

describe("no silent exit", () => {
  it("a run whose work never settles ends with exit 3 and one line, not exit 0 and nothing", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "test/cli/helpers/never-settles.ts"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual(["audit: internal error: the run stopped before a result (a read or a write never finished); no file was written."]);
  });

  it("the issue's bit-flipped sample (every 97th byte from 2000) is refused in one line, not exit 0 with no output", () => {
    const b = Buffer.from(readFileSync(SAMPLE));
    for (let i = 2000; i < b.length - 2000; i += 97) b[i] ^= 0x5a;
    const path = join(dir, "flipped.xlsx");
    writeFileSync(path, b);
    expectRefusal(audit([path, "--as-of", "2011-08-31", "--json", join(dir, "flipped.json")]), /cannot be read as \.xlsx \(the file is damaged\)/);
    expect(readdirSync(dir)).not.toContain("flipped.json");
  });
});

describe("money in the inputs and in the report", () => {
  it("1e308 in an xlsx number cell is a bad-amount finding naming the cell and the limit, not a 309-digit balance", () => {
    const rows =
      `<row r="1">${textCell("A1", "客户名称")}${textCell("B1", "发生日期")}${textCell("C1", "应收余额")}</row>` +
      `<row r="2">${textCell("A2", "甲公司")}${textCell("B2", "2011-08-01")}${numberCell("C2", "1e308")}</row>` +
      `<row r="3">${textCell("A3", "乙公司")}${textCell("B3", "2011-08-01")}${numberCell("C3", 100)}</row>`;
    return zipParts(workbookParts([{ name: "台账", rows }])).then((xlsx) => {
      const path = join(dir, "huge.xlsx");
      writeFileSync(path, xlsx);
      const out = join(dir, "huge.json");
      const r = audit([path, "--as-of", "2011-08-31", "--json", out]);
      expect(r.status).toBe(0);
      const json = JSON.parse(readFileSync(out, "utf8")) as { rows: { balance: string | null }[]; findings: { rule: string; cell: string; message: { "en-US": string } }[]; totals: { all: { balance: string } } };
      expect(json.rows.map((x) => x.balance)).toEqual([null, "100.00"]);
      const finding = json.findings.find((f) => f.cell === "台账!C2");
      expect(finding?.rule).toBe("bad-amount");
      expect(finding?.message["en-US"]).toContain("below 10,000,000,000,000 yuan");
      expect(json.totals.all.balance).toBe("100.00");
    });
  });

  it("a total of more than 15 digits is written to the report as its exact text, not a float", async () => {
    const csv = join(dir, "large.csv");
    writeFileSync(csv, "客户名称,发生日期,余额\n甲公司,2011-08-01,9999999999999.99\n乙公司,2011-08-01,9999999999999.99\n");
    const out = join(dir, "large.xlsx");
    expect(audit([csv, "--as-of", "2011-08-31", "--out", out]).status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const totals = wb.getWorksheet("Totals") as ExcelJS.Worksheet;
    let total: ExcelJS.Row | undefined;
    totals.eachRow((row) => {
      if (row.getCell(1).value === "Total") total = row;
    });
    // 9,999,999,999,999.99 × 2 = 19,999,999,999,999.98: 16 digits, more than a number cell holds.
    expect(total?.getCell(3).value).toBe("19999999999999.98");
    // Each line's own balance has 15 digits: a number, exact.
    expect((wb.getWorksheet("Results") as ExcelJS.Worksheet).getRow(2).getCell(7).value).toBe(9999999999999.99);
  });
});

describe("sheets and limits through the CLI", () => {
  it("uses the visible ledger, not a hidden one before it, and says which and why", async () => {
    const ledgerRows = (customer: string): string =>
      `<row r="1">${textCell("A1", "客户名称")}${textCell("B1", "发生日期")}${textCell("C1", "应收余额")}</row><row r="2">${textCell("A2", customer)}${textCell("B2", "2011-08-01")}${numberCell("C2", 100)}</row>`;
    const path = join(dir, "hidden-first.xlsx");
    writeFileSync(path, await zipParts(workbookParts([{ name: "旧台账", rows: ledgerRows("旧客户"), state: "hidden" }, { name: "本月台账", rows: ledgerRows("新客户") }])));
    const r = audit([path, "--as-of", "2011-08-31"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Ledger: sheet "本月台账", header in row 1, 1 open items');
    expect(r.stdout).toContain('Hidden sheet "旧台账" also reads as a ledger and was not used (name it with --sheet to check it).');
  });

  it("a 2 KB workbook declaring a cell at row 999,999,999 is refused by name, within a 256 MB heap", async () => {
    const rows = `<row r="1">${textCell("A1", "客户名称")}${textCell("B1", "余额")}</row><row r="999999999">${numberCell("A999999999", 1)}</row>`;
    const path = join(dir, "far.xlsx");
    writeFileSync(path, await zipParts(workbookParts([{ name: "Sheet1", rows }])));
    expectRefusal(audit([path, "--as-of", "2011-08-31"], { maxOldSpaceMb: 256, timeoutMs: 60_000 }), /sheet "Sheet1" declares cell A999999999, past Excel's last row \(1,048,576\)/);
  });
});
