/**
 * The headless audit end to end: `npx tsx src/cli/audit.ts …` as a child process, on the
 * sample workbook and on inputs it must refuse. Exit codes (0 ran, 1 --strict with errors,
 * 2 unusable input with a one-line reason), the JSON shape, totals that reconcile with the
 * rows, the report workbook, the language switch.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { audit, expectRefusal, type Run, SAMPLE } from "./helpers/run-audit";

let dir: string;

jest.setTimeout(120_000);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "audit-cli-"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface JsonRow {
  sheet: string;
  row: number;
  customer: string | null;
  document: string | null;
  dateArisen: string | null;
  dueDate: string | null;
  balance: string | null;
  ageDays: number | null;
  daysPastDue: number | null;
  agingClass: string | null;
  agingBand: string | null;
  provision: string | null;
  findings: { rule: string; cell: string }[];
}

interface AmountTotal {
  count: number;
  balance: string;
  provision: string;
}

interface JsonResult {
  asOf: string;
  source: string;
  rows: JsonRow[];
  findings: { rule: string; severity: string; sheet: string; row: number; column: string; cell: string; message: { "zh-CN": string; "en-US": string } }[];
  totals: {
    all: AmountTotal;
    byClass: Record<string, AmountTotal>;
    byBand: (AmountTotal & { key: string })[];
    bySeverity: Record<string, AmountTotal>;
    findings: { error: number; warning: number; info: number; total: number };
  };
}

const CLEAN_CSV = "客户名称,单据号,发生日期,金额,已收金额,余额\r\n甲公司,A-1,2011-08-20,1000,200,800\r\n乙公司,\"B-1, 补\",2011/8/1,\"1,500.00\",0,1500\r\n";

describe("the sample workbook", () => {
  let run: Run;
  let json: JsonResult;

  beforeAll(() => {
    const out = join(dir, "sample.json");
    run = audit([SAMPLE, "--as-of", "2011-08-31", "--json", out]);
    json = JSON.parse(readFileSync(out, "utf8")) as JsonResult;
  });

  it("runs, exits 0 with findings, and prints a summary", () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("Receivables audit of");
    expect(run.stdout).toContain('Ledger: sheet "应收账款台账", header in row 3, 17 open items');
    expect(run.stdout).toMatch(/Findings: \d+ errors, \d+ warnings, \d+ info/);
  });

  it("writes the JSON shape: ISO dates, decimal strings, 1-based sheet rows", () => {
    expect(json.asOf).toBe("2011-08-31");
    expect(json.source).toContain("sample-ledger.xlsx");
    // 21 lines: 2 advances (rows 13, 14) and two settled (row 20, 华亿 after the agreed deduction;
    // row 25, 巴中) are no open items.
    expect(json.rows).toHaveLength(17);
    for (const r of json.rows) {
      expect(Object.keys(r)).toEqual(["sheet", "row", "customer", "document", "dateArisen", "dueDate", "balance", "ageDays", "daysPastDue", "agingClass", "agingBand", "provision", "findings"]);
      for (const d of [r.dateArisen, r.dueDate]) if (d !== null) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const m of [r.balance, r.provision]) if (m !== null) expect(m).toMatch(/^-?\d+\.\d{2,}$/);
      if (r.agingClass !== null) expect(["normal", "overdue", "stale", "bad"]).toContain(r.agingClass);
      expect(r.row).toBeGreaterThanOrEqual(4);
    }
    expect(json.rows[0]).toMatchObject({ row: 4, customer: "遂宁市城市建设投资有限公司", dateArisen: "2011-06-30", dueDate: "2011-08-29", balance: "786500.00", daysPastDue: 2, agingClass: "normal", agingBand: "y0-1", provision: "39325.00" });
  });

  it("has totals that reconcile with the rows", () => {
    const sum = (xs: (string | null)[]): Decimal => xs.reduce((a, x) => (x === null ? a : a.plus(x)), new Decimal(0));
    expect(sum(json.rows.map((r) => r.balance)).equals(json.totals.all.balance)).toBe(true);
    expect(sum(json.rows.map((r) => r.provision)).equals(json.totals.all.provision)).toBe(true);
    for (const groups of [Object.values(json.totals.byClass), json.totals.byBand, Object.values(json.totals.bySeverity)]) {
      expect(groups.reduce((n, g) => n + g.count, 0)).toBe(json.rows.length);
      expect(sum(groups.map((g) => g.balance)).equals(json.totals.all.balance)).toBe(true);
      expect(sum(groups.map((g) => g.provision)).equals(json.totals.all.provision)).toBe(true);
    }
    for (const [cls, t] of Object.entries(json.totals.byClass)) {
      const rows = json.rows.filter((r) => (r.agingClass ?? "unclassified") === cls);
      expect(sum(rows.map((r) => r.balance)).equals(t.balance)).toBe(true);
      expect(sum(rows.map((r) => r.provision)).equals(t.provision)).toBe(true);
    }
    expect(json.totals.findings.total).toBe(json.findings.length);
  });

  it("000 (2): 华亿's 5万 was an agreed deduction (协商扣减) and the rest paid in March 2011: settled, not bad, not provided, no write-off candidate", () => {
    expect(json.rows.find((r) => r.customer === "遂宁市华亿网络工程有限公司")).toBeUndefined();
    expect(json.findings.filter((f) => f.cell.endsWith("20")).map((f) => f.rule)).toEqual([]);
    expect(json.findings.filter((f) => f.rule === "write-off-candidate").map((f) => f.cell)).toEqual(["应收账款台账!G19"]);
    // Bad: 射洪 280,000 + 军通 916,600 + 千嘉 15,900 + 阿坝 140,000 + 遂宁网络 13,200 = 1,365,700.00;
    // provided 168,000 (60%) + 766,600 (less 15万) + 15,900 (拒绝支付) + 14,000 (10%) + 11,880 (90%) = 976,380.00.
    expect(json.totals.byClass.bad).toEqual({ count: 5, balance: "1365700.00", provision: "976380.00" });
  });

  it("reads plan 000's items in 万元 with their provisions (76.66万 specific for 成都军通)", () => {
    const juntong = json.rows.find((r) => r.customer === "成都军通通信有限公司");
    expect(juntong).toMatchObject({ balance: "916600.00", provision: "766600.00", agingClass: "bad", agingBand: "y3+" });
    const abazhou = json.rows.find((r) => r.customer === "中国电信股份有限公司阿坝分公司");
    expect(abazhou?.balance).toBe("140000.00");
  });

  it("reports each deliberate mistake at its cell", () => {
    const cells = json.findings.map((f) => `${f.rule} ${f.cell}`);
    for (const expected of [
      "class-mismatch 应收账款台账!M5",
      "duplicate-document 应收账款台账!F7",
      "credit-limit-exceeded 应收账款台账!L6",
      "bad-date 应收账款台账!G9",
      "balance-mismatch 应收账款台账!L11",
      "due-before-date 应收账款台账!I12",
      "received-exceeds-amount 应收账款台账!K13",
      "overpayment 应收账款台账!L14",
      "missing-field 应收账款台账!C15",
      "bad-amount 应收账款台账!J16",
      "write-off-candidate 应收账款台账!G19",
      "low-recovery-no-action 应收账款台账!O19",
      "credit-review-overdue 客户档案!F5",
      "bill-past-maturity 应收票据登记簿!F4",
      "promise-missing 催收记录!I5",
    ]) {
      expect(cells).toContain(expected);
    }
  });

  it("follows a partial policy file merged over the defaults", () => {
    const out = join(dir, "policy-result.json");
    const policy = file("yearly.json", JSON.stringify({ reconciliationIntervalMonths: 12 }));
    const r = audit([SAMPLE, "--as-of", "2011-08-31", "--policy", policy, "--json", out]);
    expect(r.status).toBe(0);
    const cells = (JSON.parse(readFileSync(out, "utf8")) as JsonResult).findings.map((f) => `${f.rule} ${f.cell}`);
    expect(json.findings.map((f) => `${f.rule} ${f.cell}`)).toContain("reconciliation-overdue 应收账款台账!P10");
    expect(cells).not.toContain("reconciliation-overdue 应收账款台账!P10"); // confirmed 2010-10-15: within 12 months
    expect(cells).toContain("reconciliation-overdue 应收账款台账!P8"); // never confirmed
  });

  it("exits 1 with --strict, since the sample has errors", () => {
    const r = audit([SAMPLE, "--as-of", "2011-08-31", "--strict"]);
    expect(r.status).toBe(1);
  });

  it("prints the summary in Chinese when LANG says zh", () => {
    const r = audit([SAMPLE, "--as-of", "2011-08-31"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("应收账款检查：");
    expect(r.stdout).toContain("台账：工作表“应收账款台账”，表头在第 3 行");
    expect(r.stdout).toContain("应收账款台账!G9（发生日期）");
  });
});

describe("the report workbook (--out)", () => {
  it("writes findings, results and totals, with ledger text as text (never a formula)", async () => {
    const csv = file("formula.csv", "客户名称,单据号,发生日期,金额,已收金额,余额\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",@SUM(1),2011-08-01,100,0,100\n");
    const out = join(dir, "report.xlsx");
    const r = audit([csv, "--as-of", "2011-08-31", "--out", out]);
    expect(r.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Findings",
      "Results",
      "Totals",
      "Rules",
      // The supervisor reports, the same specs the ribbon writes in Excel.
      "Aging analysis",
      "Classification",
      "Provision schedule",
      "Long-aged clean-up",
      "Write-off candidates",
      "Collection plan",
      "Expected credit loss",
      "Performance deductions",
    ]);
    // The formula-looking customer is text in the reports too.
    wb.worksheets.forEach((ws) => ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))));
    const results = wb.getWorksheet("Results");
    const customer = results?.getRow(2).getCell(3);
    expect(customer?.type).toBe(ExcelJS.ValueType.String);
    expect(customer?.value).toBe('=HYPERLINK("http://x","y")');
    expect(results?.getRow(2).getCell(4).value).toBe("@SUM(1)");
    results?.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});

describe("CSV input", () => {
  it("reads UTF-8 with a BOM and quoted fields, and exits 0 with --strict on a clean ledger", () => {
    const path = file("clean.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CLEAN_CSV)]));
    const out = join(dir, "clean.json");
    const r = audit([path, "--as-of", "2011-08-31", "--strict", "--json", out]);
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8")) as JsonResult;
    expect(json.rows.map((x) => [x.customer, x.document, x.balance])).toEqual([
      ["甲公司", "A-1", "800.00"],
      ["乙公司", "B-1, 补", "1500.00"],
    ]);
    expect(json.totals.findings.error).toBe(0);
  });

  it("says which columns carry a unit of their own (金额(万元)), and states them in the JSON", () => {
    const out = join(dir, "wan.json");
    const r = audit([file("wan.csv", "客户名称,单据号,发生日期,金额(万元),余额(万元)\n甲公司,A1,2011-07-01,1.2345,1.2345\n"), "--as-of", "2011-08-31", "--json", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("amounts in yuan (amount, balance in 10,000 yuan (万元), converted to yuan)");
    const json = JSON.parse(readFileSync(out, "utf8")) as { ledger: { unitScale: number; columnUnits?: Record<string, number> }; rows: JsonRow[] };
    expect(json.ledger).toMatchObject({ unitScale: 1, columnUnits: { amount: 10000, balance: 10000 } });
    // 1.2345万 = 12,345.00 yuan.
    expect(json.rows[0].balance).toBe("12345.00");
  });

  it("reads GBK and says so on stderr", () => {
    const gbk = Buffer.from(
      // "客户名称,发生日期,余额\n甲公司,2011-08-01,100\n" in GBK
      "bfcdbba7c3fbb3c62cb7a2c9fac8d5c6da2cd3e0b6ee0abcd7b9abcbbe2c323031312d30382d30312c3130300a",
      "hex",
    );
    const out = join(dir, "gbk.json");
    const r = audit([file("gbk.csv", gbk), "--as-of", "2011-08-31", "--json", out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("GBK");
    const json = JSON.parse(readFileSync(out, "utf8")) as JsonResult;
    expect(json.rows[0].customer).toBe("甲公司");
  });
});

describe("unusable input exits 2 with a one-line reason", () => {
  const cases: [string, () => string[], RegExp][] = [
    ["a missing file", () => [join(dir, "nope.xlsx"), "--as-of", "2011-08-31"], /File not found/],
    ["a file that is not a spreadsheet", () => [file("binary.xlsx", Buffer.from([0, 1, 2, 3, 255, 0, 7])), "--as-of", "2011-08-31"], /not a spreadsheet/],
    ["an old .xls", () => [file("old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), "--as-of", "2011-08-31"], /legacy \.xls/],
    ["a sheet without a header row", () => [file("noheader.csv", "1,2,3\n4,5,6\n"), "--as-of", "2011-08-31"], /No header row/],
    ["no --as-of", () => [SAMPLE], /--as-of/],
    ["a malformed --as-of", () => [SAMPLE, "--as-of", "31/08/2011"], /--as-of/],
    ["an unknown --sheet", () => [SAMPLE, "--as-of", "2011-08-31", "--sheet", "没有这个表"], /No sheet named/],
    ["an output folder that does not exist", () => [SAMPLE, "--as-of", "2011-08-31", "--json", join(dir, "no", "such", "folder", "r.json")], /Cannot write/],
    ["an invalid policy file", () => [SAMPLE, "--as-of", "2011-08-31", "--policy", file("policy.json", '{"agingClass": {"normalMaxDays": "x"}}')], /Policy file .* is invalid/],
  ];
  it.each(cases)("%s", (_name, args, reason) => {
    expectRefusal(audit(args()), reason);
  });
});
