/**
 * The roll-up queries of sql/ run unchanged on Spark SQL and on DuckDB (issue 20). Spark is not
 * here, so every file is parsed with a Spark SQL grammar (dt-sql-parser) and checked for the
 * spellings on which the two engines agree to parse but disagree in meaning; then each runs,
 * as its text stands, on DuckDB over a small Parquet data set of the documented schema, and
 * its result is compared with figures worked out by hand.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { GROUP_SCHEMA, type TableName } from "../../src/cli/group/schema";
import { ROLLUPS, SQL_DIR } from "../../src/cli/group/consolidate";
import { ROOT } from "./helpers/run-audit";

jest.setTimeout(120_000);

const SQL_FILES = readdirSync(SQL_DIR)
  .filter((f) => f.endsWith(".sql"))
  .sort();

function sparkErrors(files: readonly string[]): Record<string, { line: number; column: number; message: string }[]> {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "test", "cli", "helpers", "spark-sql-check.ts"), ...files], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`the Spark SQL check failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, { line: number; column: number; message: string }[]>;
}

/** The SQL without its comments. */
function code(text: string): string {
  return text.replace(/--[^\n]*/g, "");
}

describe("every roll-up parses as Spark SQL", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "group-sql-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has a SQL file for every roll-up the report runs, and no other", () => {
    expect(SQL_FILES).toEqual([...ROLLUPS].sort().map((r) => `${r}.sql`));
  });

  it("parses every file, and Spark's views over the Parquet, without a syntax error (and the check does catch one)", () => {
    const broken = join(dir, "broken.sql");
    writeFileSync(broken, "SELEC entity FROM items GROUP entity");
    const files = [...SQL_FILES, join("spark", "views.sql")];
    const errors = sparkErrors([...files.map((f) => join(SQL_DIR, f)), broken]);
    for (const f of files) expect({ file: f, errors: errors[join(SQL_DIR, f)] }).toEqual({ file: f, errors: [] });
    expect(errors[broken].length).toBeGreaterThan(0);
  });

  it.each(SQL_FILES)("%s avoids what the two engines read differently", (file) => {
    const sql = code(readFileSync(join(SQL_DIR, file), "utf8"));
    // Spark reads "x" as a string where DuckDB reads a column; backquotes are Spark's only.
    expect(sql).not.toMatch(/["`]/);
    // DuckDB-only spellings: casts with ::, GROUP BY ALL, QUALIFY, string_agg, list functions.
    expect(sql).not.toMatch(/::|\bGROUP\s+BY\s+ALL\b|\bQUALIFY\b|\bstring_agg\b|\blist_|\bstruct_pack\b/i);
    // Sorting NULLs: Spark puts them first, DuckDB last, unless the query says.
    const orderBy = /ORDER BY([\s\S]*?)(?:\bLIMIT\b|$)/i.exec(sql)?.[1] ?? "";
    for (const key of orderBy.split(",")) if (/agingClass|agingBand/.test(key)) expect(key).toMatch(/NULLS (FIRST|LAST)/);
    // One statement per file, so `spark-sql -f` and DuckDB run the same thing.
    expect(sql.trim().replace(/;$/, "")).not.toContain(";");
  });
});

// -------------------------------------------------------------------------------------------
// The queries on DuckDB, over Parquet of the documented schema
// -------------------------------------------------------------------------------------------

type Value = string | number | boolean | null;

/** Hand-made items: three branches, and a fourth (D) with no open item. */
const ITEMS: Record<string, Value>[] = [
  { entity: "A", customer: "B", dateArisen: "2011-06-30", balance: "100.00", agingClass: "normal", agingBand: "y0-1", longAged: false, provision: "5.00" },
  { entity: "A", customer: "X", dateArisen: "2007-01-01", balance: "1000.00", agingClass: "bad", agingBand: "y3+", longAged: true, provision: "1000.00" },
  { entity: "B", customer: "X", dateArisen: "2009-05-01", balance: "500.00", agingClass: "stale", agingBand: "y1-2", longAged: true, provision: "50.00" },
  { entity: "B", customer: " A ", dateArisen: "2011-05-01", balance: "20.50", agingClass: "overdue", agingBand: "y0-1", longAged: false, provision: "1.03" },
  { entity: "C", customer: "Y", dateArisen: "2008-03-01", balance: "300.00", agingClass: "stale", agingBand: "y2-3", longAged: true, provision: "90.00" },
  { entity: "C", customer: null, dateArisen: null, balance: "7.00", agingClass: null, agingBand: null, longAged: false, provision: null },
  { entity: "C", customer: "Z", dateArisen: "2009-01-01", balance: "-40.00", agingClass: "bad", agingBand: "y2-3", longAged: true, provision: "0.00" },
];

function literal(v: Value | undefined, type: string): string {
  if (v === null || v === undefined) return `CAST(NULL AS ${type})`;
  if (typeof v === "boolean" || typeof v === "number") return `CAST(${String(v)} AS ${type})`;
  return `CAST('${v.replace(/'/g, "''")}' AS ${type})`;
}

async function writeTable(sql: DuckDBConnection, table: TableName, rows: readonly Record<string, Value>[], path: string): Promise<void> {
  const columns = GROUP_SCHEMA[table];
  const selects = rows.map((r) => `SELECT ${columns.map((c) => `${literal(r[c.name], c.type)} AS "${c.name}"`).join(", ")}`);
  const body = selects.length === 0 ? `SELECT ${columns.map((c) => `CAST(NULL AS ${c.type}) AS "${c.name}"`).join(", ")} WHERE false` : selects.join(" UNION ALL ");
  await sql.run(`COPY (${body}) TO '${path}' (FORMAT PARQUET)`);
}

describe("every roll-up on DuckDB, over Parquet, gives the hand-worked figures", () => {
  let dir: string;
  let db: DuckDBInstance;
  let sql: DuckDBConnection;
  const run = async (name: string): Promise<Record<string, unknown>[]> => (await sql.runAndReadAll(readFileSync(join(SQL_DIR, `${name}.sql`), "utf8"))).getRowObjectsJson() as Record<string, unknown>[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "group-sql-"));
    db = await DuckDBInstance.create(":memory:");
    sql = await db.connect();
    await writeTable(sql, "items", ITEMS, join(dir, "items.parquet"));
    await writeTable(sql, "findings", [], join(dir, "findings.parquet"));
    await writeTable(sql, "totals", ["A", "B", "C", "D"].map((entity) => ({ entity, scope: "all", key: "all" })), join(dir, "totals.parquet"));
    for (const t of ["items", "findings", "totals"]) await sql.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${join(dir, `${t}.parquet`)}')`);
  });
  afterAll(() => {
    sql?.closeSync();
    db?.closeSync();
    rmSync(dir, { recursive: true, force: true });
  });

  it("group-aging: by branch × class × band, unknown class and band last", async () => {
    expect(await run("group-aging")).toEqual([
      { entity: "A", agingClass: "bad", agingBand: "y3+", items: "1", balance: "1000.00", provision: "1000.00" },
      { entity: "A", agingClass: "normal", agingBand: "y0-1", items: "1", balance: "100.00", provision: "5.00" },
      { entity: "B", agingClass: "overdue", agingBand: "y0-1", items: "1", balance: "20.50", provision: "1.03" },
      { entity: "B", agingClass: "stale", agingBand: "y1-2", items: "1", balance: "500.00", provision: "50.00" },
      { entity: "C", agingClass: "bad", agingBand: "y2-3", items: "1", balance: "-40.00", provision: "0.00" },
      { entity: "C", agingClass: "stale", agingBand: "y2-3", items: "1", balance: "300.00", provision: "90.00" },
      { entity: "C", agingClass: null, agingBand: null, items: "1", balance: "7.00", provision: null },
    ]);
  });

  it("provision-by-branch: totals, long-aged and bad parts", async () => {
    expect(await run("provision-by-branch")).toEqual([
      { entity: "A", items: "2", balance: "1100.00", provision: "1005.00", longAgedBalance: "1000.00", badBalance: "1000.00", badProvision: "1000.00" },
      { entity: "B", items: "2", balance: "520.50", provision: "51.03", longAgedBalance: "500.00", badBalance: "0.00", badProvision: "0.00" },
      { entity: "C", items: "3", balance: "267.00", provision: "90.00", longAgedBalance: "260.00", badBalance: "-40.00", badProvision: "0.00" },
    ]);
  });

  it("long-aged-customers: across branches, largest first, credits and unnamed customers left out", async () => {
    expect(await run("long-aged-customers")).toEqual([
      { customer: "X", branches: "2", items: "2", balance: "1500.00", provision: "1050.00", oldestDateArisen: "2007-01-01" },
      { customer: "Y", branches: "1", items: "1", balance: "300.00", provision: "90.00", oldestDateArisen: "2008-03-01" },
    ]);
  });

  it("intercompany: customers named as another branch, trimmed, both ways", async () => {
    expect(await run("intercompany")).toEqual([
      { entity: "A", counterparty: "B", items: "1", balance: "100.00", provision: "5.00" },
      { entity: "B", counterparty: "A", items: "1", balance: "20.50", provision: "1.03" },
    ]);
  });
});
