/**
 * Consolidation on DuckDB (@duckdb/node-api), embedded: the workers' staging files become the
 * Parquet data set (`COPY … TO … (FORMAT PARQUET)`), the roll-up queries of sql/ run over that
 * Parquet — the same files Spark or a warehouse would read — and `--csv` copies the tables out as
 * UTF-8 with a BOM. We write no engine of our own (DESIGN.md, Beyond one machine).
 *
 * Money never passes through a double: staging holds exact decimal text, cast to DECIMAL in SQL
 * (schema.selectFromStaging), and results come back as decimal strings (getRowObjectsJson).
 * Every file is written as the CLI writes any output (safe-output.ts): DuckDB writes into the
 * temporary file beside the target, which is flushed and renamed over the target only when
 * complete; a failure or an interrupt leaves the previous file, never a partial one.
 */
import { once } from "node:events";
import { createReadStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { writeAtomically } from "../safe-output";
import { GROUP_SCHEMA, SCHEMA_METADATA_KEY, schemaTag, selectEmpty, selectFromStaging, sqlIdentifier, sqlString, type TableName } from "./schema";

/** The folder of the roll-up queries (plain SQL, portable to Spark SQL). */
export const SQL_DIR = join(__dirname, "..", "..", "..", "sql");

/** The roll-ups the group report shows, by the name of their SQL file. */
export const ROLLUPS = ["group-aging", "provision-by-branch", "long-aged-customers", "intercompany"] as const;
export type RollupName = (typeof ROLLUPS)[number];

/** A result row as DuckDB gives it in JSON form: DECIMAL and BIGINT as exact strings, DATE as ISO text. */
export type SqlRow = Record<string, string | number | boolean | null>;

interface GroupDatabase {
  connection: DuckDBConnection;
  close(): void;
}

interface DatabaseOptions {
  /** DuckDB's threads (default: its own choice, the CPU count). */
  threads?: number;
  /** Where DuckDB may spill (a large sort or join); the run's staging folder. */
  spillDir?: string;
}

export async function openGroupDatabase(options: DatabaseOptions = {}): Promise<GroupDatabase> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  // A bound DuckDB keeps to: the run's memory is the workers' plus this, never the whole group.
  await connection.run("SET memory_limit = '1GB'");
  if (options.threads !== undefined) await connection.run(`SET threads = ${Math.max(1, Math.floor(options.threads))}`);
  if (options.spillDir !== undefined) await connection.run(`SET temp_directory = ${sqlString(options.spillDir)}`);
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function hasStaging(stagingDir: string, table: TableName): boolean {
  const dir = join(stagingDir, table);
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith(".csv"));
}

/** The table's rows from the staging files (typed), or an empty SELECT with its columns. */
function tableSource(stagingDir: string, table: TableName): string {
  return hasStaging(stagingDir, table) ? selectFromStaging(table, join(stagingDir, table, "*.csv")) : selectEmpty(table);
}

/** Writes one table of the data set as Parquet, through a temporary file renamed over `target`. */
export async function writeParquet(db: GroupDatabase, stagingDir: string, table: TableName, target: string): Promise<void> {
  await writeAtomically(target, async (out, watch) => {
    out.end();
    await watch(once(out, "close"));
    const path = String(out.path);
    await db.connection.run(`COPY (${tableSource(stagingDir, table)}) TO ${sqlString(path)} (FORMAT PARQUET, KV_METADATA {${SCHEMA_METADATA_KEY}: ${sqlString(schemaTag(table))}})`);
  });
}

/** Makes items, findings and totals views over the data set's Parquet files, for the roll-ups. */
export async function createViews(db: GroupDatabase, parquetDir: string): Promise<void> {
  for (const table of Object.keys(GROUP_SCHEMA) as TableName[]) {
    await db.connection.run(`CREATE OR REPLACE VIEW ${table} AS SELECT * FROM read_parquet(${sqlString(join(parquetDir, `${table}.parquet`))})`);
  }
}

/** The text of a roll-up's SQL file. */
function rollupSql(name: RollupName): string {
  return readFileSync(join(SQL_DIR, `${name}.sql`), "utf8");
}

/** Runs one query; rows with money as exact decimal strings. */
export async function query(db: GroupDatabase, sql: string): Promise<SqlRow[]> {
  const reader = await db.connection.runAndReadAll(sql);
  return reader.getRowObjectsJson() as SqlRow[];
}

/** Every roll-up of sql/, run on the views. */
export async function runRollups(db: GroupDatabase): Promise<Record<RollupName, SqlRow[]>> {
  const out: Partial<Record<RollupName, SqlRow[]>> = {};
  for (const name of ROLLUPS) out[name] = await query(db, rollupSql(name));
  return out as Record<RollupName, SqlRow[]>;
}

/**
 * A text column for the CSV: text Excel would take for a formula (starting with = + - @, a tab
 * or a carriage return) gets a leading apostrophe, so a customer called "=HYPERLINK(…)" opens as
 * text (DESIGN.md: ledger strings are never formulas). The Parquet keeps the text as it is.
 */
function csvColumn(name: string, type: string): string {
  const id = sqlIdentifier(name);
  if (type !== "VARCHAR") return id;
  return `CASE WHEN left(${id}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${id} ELSE ${id} END AS ${id}`;
}

/**
 * Writes one table as CSV for Excel users: UTF-8 with a BOM (so Excel reads the Chinese text),
 * a header row of the column names, dates ISO, money as plain decimals ("1234.50"). Read from
 * the Parquet (the views of createViews), so the CSV is the same data set.
 */
export async function writeCsv(db: GroupDatabase, table: TableName, target: string, scratchDir: string): Promise<void> {
  const columns = GROUP_SCHEMA[table].map((c) => csvColumn(c.name, c.type)).join(", ");
  const scratch = join(scratchDir, `${table}.export.csv`);
  await db.connection.run(`COPY (SELECT ${columns} FROM ${table}) TO ${sqlString(scratch)} (FORMAT CSV, HEADER true, DELIMITER ',', QUOTE '"', ESCAPE '"')`);
  await writeAtomically(target, async (out, watch) => {
    out.write("\uFEFF", "utf8");
    for await (const chunk of createReadStream(scratch)) {
      if (!out.write(chunk)) await watch(once(out, "drain"));
    }
    out.end();
  });
}
