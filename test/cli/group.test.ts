/**
 * The group run end to end (issue 20): a folder of generated branch ledgers, three of them bad,
 * audited as a user runs it (a child process, worker threads, DuckDB), then every output read
 * back and compared with figures worked out independently: each good branch checked on its own
 * in this process and its JSON (auditJsonChunks, the single-ledger contract) summed with
 * decimal.js. DuckDB reads the Parquet here as any engine would.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/cli/read-workbook";
import { fromYmd } from "../../src/core/calendar";
import { auditJsonChunks, type AuditJson } from "../../src/core/ledger/audit-json";
import { auditLedger } from "../../src/core/ledger/check";
import { readWorkbookLedger } from "../../src/core/ledger/workbook";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { GROUP_SCHEMA } from "../../src/cli/group/schema";
import { type GroupFolder, writeGroupFolder } from "./helpers/branch-ledgers";
import { audit, type Run } from "./helpers/run-audit";

jest.setTimeout(180_000);

const AS_OF = "2011-08-31";

let dir: string;
let branches: string;
let out: string;
let folder: GroupFolder;
let run: Run;
/** Each good branch's JSON, checked on its own, by entity. */
const single = new Map<string, AuditJson>();
let db: DuckDBInstance;
let sql: DuckDBConnection;

async function rows(query: string): Promise<Record<string, unknown>[]> {
  return (await sql.runAndReadAll(query)).getRowObjectsJson() as Record<string, unknown>[];
}

function parquet(name: string): string {
  return `read_parquet('${join(out, "parquet", `${name}.parquet`)}')`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "audit-group-"));
  branches = join(dir, "branches");
  out = join(dir, "out");
  mkdirSync(branches);
  mkdirSync(out);
  folder = await writeGroupFolder(branches);
  run = audit([
    branches,
    "--as-of",
    AS_OF,
    "--jobs",
    "2",
    "--parquet",
    join(out, "parquet"),
    "--csv",
    join(out, "csv"),
    "--out",
    join(out, "group.xlsx"),
    "--json",
    join(out, "group.json"),
  ]);
  for (const name of folder.good) {
    const path = join(branches, name);
    const book = await readWorkbook(path);
    const chosen = readWorkbookLedger(book.sheets, { dateSystem: book.dateSystem });
    const result = auditLedger(chosen.ledger, chosen.companions, fromYmd(2011, 8, 31), DEFAULT_POLICY);
    single.set(name.replace(/\.(xlsx|csv)$/, ""), JSON.parse([...auditJsonChunks(result, path)].join("")) as AuditJson);
  }
  db = await DuckDBInstance.create(":memory:");
  sql = await db.connect();
});

afterAll(() => {
  sql?.closeSync();
  db?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

function sum(values: readonly string[]): string {
  return values.reduce((s, v) => s.plus(v), new Decimal(0)).toFixed(2);
}

describe("a folder of branches with bad ones among them", () => {
  it("exits 4, lists each bad workbook with its reason on stderr, and completes the others", () => {
    expect(run.status).toBe(4);
    for (const [name, reason] of folder.bad) {
      const line = run.stderr.split("\n").find((l) => l.startsWith("audit: ") && l.includes(name));
      expect(line).toBeDefined();
      expect(line).toMatch(reason);
    }
    expect(run.stderr).toMatch(/3 of 7 workbooks could not be used \(reasons above\); the other 4 are complete in the outputs\./);
    // The progress bar, on stderr: workbooks done, rows, elapsed and the estimate.
    expect(run.stderr).toMatch(/\[#{24}\] 7\/7 workbooks, 3 failed · [\d,]+ rows · \d+:\d\d elapsed · ~0:00 left/);
    expect(run.stdout).toMatch(/7 workbooks, 4 checked, 3 could not be used/);
  });

  it("DuckDB's totals read from the Parquet equal the sum of the per-branch JSON totals, to the cent", async () => {
    const json = [...single.values()];
    const [all] = await rows(`SELECT COUNT(*) AS n, SUM(balance) AS balance, SUM(provision) AS provision FROM ${parquet("items")}`);
    expect(all).toEqual({
      n: String(json.reduce((n, j) => n + j.totals.all.count, 0)),
      balance: sum(json.map((j) => j.totals.all.balance)),
      provision: sum(json.map((j) => j.totals.all.provision)),
    });
    // And branch by branch, class by class, band by band.
    const byBranch = await rows(`SELECT entity, agingClass, agingBand, COUNT(*) AS n, SUM(balance) AS balance, SUM(provision) AS provision FROM ${parquet("items")} GROUP BY ALL`);
    for (const [entity, j] of single) {
      const mine = byBranch.filter((r) => r.entity === entity);
      for (const [cls, t] of Object.entries(j.totals.byClass)) {
        const r = mine.filter((x) => (x.agingClass ?? "unclassified") === cls);
        expect({ cls, n: r.reduce((n, x) => n + Number(x.n), 0), balance: sum(r.map((x) => String(x.balance ?? "0"))), provision: sum(r.map((x) => String(x.provision ?? "0"))) }).toEqual({
          cls,
          n: t.count,
          balance: new Decimal(t.balance).toFixed(2),
          provision: new Decimal(t.provision).toFixed(2),
        });
      }
      for (const b of j.totals.byBand) {
        const r = mine.filter((x) => (x.agingBand ?? "unbanded") === b.key);
        expect({ band: b.key, balance: sum(r.map((x) => String(x.balance ?? "0"))) }).toEqual({ band: b.key, balance: new Decimal(b.balance).toFixed(2) });
      }
    }
    // totals.parquet holds each branch's totals as the JSON states them.
    const totals = await rows(`SELECT entity, scope, key, items, balance, provision, findings FROM ${parquet("totals")} WHERE scope IN ('all', 'class', 'band')`);
    for (const [entity, j] of single) {
      const at = (scope: string, key: string) => totals.find((r) => r.entity === entity && r.scope === scope && r.key === key);
      expect(at("all", "all")).toEqual({ entity, scope: "all", key: "all", items: String(j.totals.all.count), balance: new Decimal(j.totals.all.balance).toFixed(2), provision: new Decimal(j.totals.all.provision).toFixed(2), findings: String(j.findings.length) });
      for (const b of j.totals.byBand) expect(at("band", b.key)?.balance).toBe(new Decimal(b.balance).toFixed(2));
    }
  });

  it("has the good branches' every item and finding, and nothing of the bad ones", async () => {
    const entities = await rows(`SELECT entity, COUNT(*) AS n FROM ${parquet("items")} GROUP BY entity ORDER BY entity`);
    expect(entities).toEqual(
      [...single.entries()].map(([entity, j]) => ({ entity, n: String(j.rows.length) })).sort((a, b) => (a.entity < b.entity ? -1 : 1)),
    );
    const findings = await rows(`SELECT entity, COUNT(*) AS n FROM ${parquet("findings")} GROUP BY entity`);
    for (const [entity, j] of single) expect(Number(findings.find((r) => r.entity === entity)?.n ?? 0)).toBe(j.findings.length);
  });

  it("keeps the limit amount and awkward text exact through staging, Parquet and CSV", async () => {
    const [limit] = await rows(`SELECT balance, CAST(balance AS VARCHAR) AS text FROM ${parquet("items")} WHERE customer = '限额客户'`);
    expect(limit).toEqual({ balance: "9999999999999.99", text: "9999999999999.99" });
    const names = (await rows(`SELECT DISTINCT customer FROM ${parquet("items")} WHERE entity = '遂宁分公司' ORDER BY customer`)).map((r) => r.customer);
    const expected = new Set(single.get("遂宁分公司")?.rows.map((r) => r.customer));
    expect(new Set(names)).toEqual(expected);
    expect(names).toEqual(expect.arrayContaining(['He said "pay", later', "逗号,分号;公司", "换行\n公司", '=HYPERLINK("http://x")', "\\N"]));

    const csv = readFileSync(join(out, "csv", "items.csv"));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString("utf8");
    expect(text.split("\n")[0]).toBe(`\uFEFF${GROUP_SCHEMA.items.map((c) => c.name).join(",")}`);
    expect(text).toContain(",9999999999999.99,");
    // A name Excel would take for a formula opens as text; the Parquet keeps it as it is.
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    const [fromCsv] = await rows(
      `SELECT COUNT(*) AS n, SUM(CAST(balance AS DECIMAL(18,2))) AS balance FROM read_csv('${join(out, "csv", "items.csv")}', header = true, all_varchar = true)`,
    );
    const [fromParquet] = await rows(`SELECT COUNT(*) AS n, SUM(balance) AS balance FROM ${parquet("items")}`);
    expect(fromCsv).toEqual(fromParquet);
  });

  it("writes the documented column types: money DECIMAL(18,2) (totals DECIMAL(38,2)), dates DATE, never DOUBLE", async () => {
    for (const table of ["items", "findings", "totals"] as const) {
      const described = await rows(`DESCRIBE SELECT * FROM ${parquet(table)}`);
      expect(described.map((c) => [c.column_name, c.column_type])).toEqual(GROUP_SCHEMA[table].map((c) => [c.name, c.type]));
      expect(described.some((c) => /DOUBLE|FLOAT|REAL/.test(String(c.column_type)))).toBe(false);
      // In the file itself: Parquet's own decimal and date logical types.
      const physical = await rows(`SELECT name, converted_type, precision, scale FROM parquet_schema('${join(out, "parquet", `${table}.parquet`)}') WHERE name <> 'duckdb_schema'`);
      for (const c of GROUP_SCHEMA[table]) {
        const p = physical.find((x) => x.name === c.name);
        if (c.type === "DECIMAL(18,2)") expect(p).toMatchObject({ converted_type: "DECIMAL", precision: "18", scale: "2" });
        if (c.type === "DECIMAL(38,2)") expect(p).toMatchObject({ converted_type: "DECIMAL", precision: "38", scale: "2" });
        if (c.type === "DATE") expect(p).toMatchObject({ converted_type: "DATE" });
      }
      const [meta] = await rows(`SELECT decode(value) AS value FROM parquet_kv_metadata('${join(out, "parquet", `${table}.parquet`)}') WHERE decode(key) = 'receivables_steward_schema'`);
      expect(meta).toEqual({ value: `${table}/1` });
    }
  });

  it("finds the intercompany balances both ways", async () => {
    const r = await rows(`SELECT entity, counterparty, items, balance FROM (${readFileSync(join(__dirname, "..", "..", "sql", "intercompany.sql"), "utf8").replace(/\bFROM items\b/, `FROM ${parquet("items")}`).replace(/\bFROM totals\b/, `FROM ${parquet("totals")}`)})`);
    expect(r).toEqual([
      { entity: "绵阳分公司", counterparty: "遂宁分公司", items: "1", balance: "3000.25" },
      { entity: "遂宁分公司", counterparty: "绵阳分公司", items: "1", balance: "120000.50" },
    ]);
  });

  it("writes the group report with the roll-ups, the bad branches listed with their reasons", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "group.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Branches", "Group aging", "Provision", "Long-aged customers", "Intercompany"]);
    const sheet = wb.getWorksheet("Branches");
    const cells: string[][] = [];
    sheet?.eachRow((row) => cells.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))));
    for (const [name, reason] of folder.bad) {
      const line = cells.find((c) => c[1]?.endsWith(name));
      expect(line?.[3]).toBe("failed");
      expect(line?.[9]).toMatch(reason);
    }
    const total = cells.find((c) => c[0] === "Total (checked)");
    const json = [...single.values()];
    // Money cells hold the number when 15 digits hold it exactly, else the exact text.
    expect(new Decimal(total?.[5] ?? "0").toFixed(2)).toBe(sum(json.map((j) => j.totals.all.balance)));
    const aging = wb.getWorksheet("Group aging");
    let groupTotal = "";
    aging?.eachRow((row) => {
      if (row.getCell(1).value === "Group total") groupTotal = String(row.getCell(5).value);
    });
    expect(new Decimal(groupTotal).toFixed(2)).toBe(sum(json.map((j) => j.totals.all.balance)));
  });

  it("says in the group JSON which branches failed and why, and leaves no partial or staging file", () => {
    const group = JSON.parse(readFileSync(join(out, "group.json"), "utf8")) as { branches: { source: string; status: string; reason?: { "en-US": string } }[]; totals: { failed: number; balance: string } };
    expect(group.totals.failed).toBe(3);
    for (const [name, reason] of folder.bad) {
      const b = group.branches.find((x) => x.source.endsWith(name));
      expect(b?.status).toBe("failed");
      expect(b?.reason?.["en-US"]).toMatch(reason);
    }
    expect(group.totals.balance).toBe(sum([...single.values()].map((j) => j.totals.all.balance)));
    for (const sub of ["parquet", "csv"]) expect(readdirSync(join(out, sub)).filter((f) => f.includes(".partial"))).toEqual([]);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith("receivables-group-") && existsSync(join(tmpdir(), f, "items")))).toEqual([]);
  });
});

describe("refusals before any work", () => {
  it.each([
    ["--jobs 0", () => [branches, "--as-of", AS_OF, "--jobs", "0"], /--jobs "0" must be a whole number from 1 to 1024/],
    ["--entity-from bogus", () => [branches, "--as-of", AS_OF, "--entity-from", "bogus"], /--entity-from "bogus" is not valid/],
    ["--csv into the folder being audited", () => [branches, "--as-of", AS_OF, "--csv", branches], /--csv ".*items\.csv" is in the folder being audited: the next run over that folder would read it as a branch/],
    ["--out into the folder being audited", () => [branches, "--as-of", AS_OF, "--out", join(branches, "group.xlsx")], /--out ".*group\.xlsx" is in the folder being audited/],
    ["--history with a group", () => [branches, "--as-of", AS_OF, "--history", join(dir, "never", "h.json")], /--history applies to one ledger's audit; a group run .* does not take it/],
    ["a folder without workbooks", () => [join(dir, "out", "parquet"), "--as-of", AS_OF, "--parquet", join(dir, "never")], /No \.xlsx, \.xlsm or \.csv workbook found in/],
  ])("%s: exit 2, one line on stderr, nothing written", (_name, args, reason) => {
    const r = audit(args());
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 2, stdout: "" });
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^audit: /);
    expect(r.stderr).toMatch(reason);
    expect(existsSync(join(dir, "never"))).toBe(false);
    expect(readdirSync(branches).some((f) => /^(items|findings|totals)\.csv$|^group\.xlsx$/.test(f))).toBe(false);
  });
});
