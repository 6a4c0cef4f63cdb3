/**
 * The group run's columnar data set, version 1: items, findings and totals, as Parquet
 * (`--parquet DIR`) and CSV (`--csv DIR`). One declaration per table, from which the staging
 * files the workers write, the SQL that types them on the way into DuckDB, the Parquet's key/value
 * metadata and the README's schema table all follow.
 *
 * Names follow the JSON contract (core/ledger/audit-json.ts: customer, document, dateArisen,
 * balance, provision…) plus what a group needs: entity (the branch), source (the workbook's
 * path, as the JSON's "source"), asOf. Dates are DATE; money is DECIMAL(18,2), never floating
 * point: an amount is below 10^13 yuan to the fen (DESIGN.md), 15 digits, which DECIMAL(18,2)
 * holds exactly. Totals are sums of up to a million amounts and may pass 10^16, so they are
 * DECIMAL(38,2) (what SUM of a DECIMAL(18,2) gives in DuckDB).
 *
 * A change to a column's name, type or meaning is a new version (the README lists them): a
 * warehouse that loads the files checks the `receivables_steward_schema` key of the metadata.
 */

export const GROUP_SCHEMA_VERSION = 1;

type ColumnType = "VARCHAR" | "DATE" | "INTEGER" | "BIGINT" | "BOOLEAN" | "DECIMAL(18,2)" | "DECIMAL(38,2)";

interface ColumnDefinition {
  name: string;
  type: ColumnType;
  /** What the column holds (the README's schema table). */
  meaning: string;
}

export type TableName = "items" | "findings" | "totals";

export const TABLE_NAMES: readonly TableName[] = ["items", "findings", "totals"];

const ENTITY: ColumnDefinition = { name: "entity", type: "VARCHAR", meaning: "the branch (--entity-from: the file name, the ledger sheet's name, or a cell)" };
const SOURCE: ColumnDefinition = { name: "source", type: "VARCHAR", meaning: "the workbook's path as given on the command line (or found in the folder)" };
const AS_OF: ColumnDefinition = { name: "asOf", type: "DATE", meaning: "the run's as-of date" };

export const GROUP_SCHEMA: Readonly<Record<TableName, readonly ColumnDefinition[]>> = {
  items: [
    ENTITY,
    SOURCE,
    AS_OF,
    { name: "sheet", type: "VARCHAR", meaning: "the ledger sheet the item is on" },
    { name: "row", type: "INTEGER", meaning: "1-based sheet row" },
    { name: "customer", type: "VARCHAR", meaning: "as the ledger writes it" },
    { name: "document", type: "VARCHAR", meaning: "the document number, as the ledger writes it" },
    { name: "dateArisen", type: "DATE", meaning: "the date arisen, as the ledger gives it" },
    { name: "dueDate", type: "DATE", meaning: "the due date the check used (the ledger's, else date arisen + credit days)" },
    { name: "balance", type: "DECIMAL(18,2)", meaning: "the open balance on the as-of date" },
    { name: "balanceExact", type: "VARCHAR", meaning: "the balance as read when it has fractions of a fen (balance is then that, rounded half-up to the fen); null otherwise" },
    { name: "ageDays", type: "INTEGER", meaning: "as-of date − date arisen" },
    { name: "daysPastDue", type: "INTEGER", meaning: "as-of date − due date (negative while not yet due)" },
    { name: "agingClass", type: "VARCHAR", meaning: "normal, overdue, stale, bad; null when the due date is unknown" },
    { name: "agingBand", type: "VARCHAR", meaning: "the policy's report band key (y0-1, y1-2, y2-3, y3+ by default); null when unknown" },
    { name: "longAged", type: "BOOLEAN", meaning: "the band starts at one year or later (the long-aged clean-up report's items)" },
    { name: "provision", type: "DECIMAL(18,2)", meaning: "the item's bad-debt provision, rounded half-up to the fen" },
    { name: "severity", type: "VARCHAR", meaning: "the item's most severe finding: error, warning, info; null when none" },
    { name: "rules", type: "VARCHAR", meaning: "the rule ids of the item's findings, comma-separated, in finding order; null when none" },
  ],
  findings: [
    ENTITY,
    SOURCE,
    AS_OF,
    { name: "rule", type: "VARCHAR", meaning: "the rule id (README, The rules)" },
    { name: "severity", type: "VARCHAR", meaning: "error, warning or info" },
    { name: "sheet", type: "VARCHAR", meaning: "the sheet of the cell (the ledger or a companion sheet)" },
    { name: "row", type: "INTEGER", meaning: "1-based sheet row" },
    { name: "column", type: "VARCHAR", meaning: "the column letter; empty when the finding is about the whole row" },
    { name: "cell", type: "VARCHAR", meaning: "the cell as Excel names it (应收账款台账!F12)" },
    { name: "field", type: "VARCHAR", meaning: "the field the finding is about, when there is one" },
    { name: "messageZh", type: "VARCHAR", meaning: "the message in Chinese" },
    { name: "messageEn", type: "VARCHAR", meaning: "the message in English" },
  ],
  totals: [
    ENTITY,
    SOURCE,
    AS_OF,
    { name: "sheet", type: "VARCHAR", meaning: "the ledger sheet" },
    { name: "scope", type: "VARCHAR", meaning: "all, class, band, severity (items by their most severe finding) or rule" },
    { name: "key", type: "VARCHAR", meaning: "all; the class, band key, severity (none: no finding) or rule id" },
    { name: "items", type: "BIGINT", meaning: "open items (null for scope rule)" },
    { name: "balance", type: "DECIMAL(38,2)", meaning: "the sum of the items' balance (null for scope rule)" },
    { name: "provision", type: "DECIMAL(38,2)", meaning: "the sum of the items' provision (null for scope rule)" },
    { name: "findings", type: "BIGINT", meaning: "findings counted: all of them (scope all), of the severity, of the rule; null otherwise" },
  ],
};

/** The key/value metadata every Parquet file carries, so a loader can check what it reads. */
export function schemaTag(table: TableName): string {
  return `${table}/${GROUP_SCHEMA_VERSION}`;
}

export const SCHEMA_METADATA_KEY = "receivables_steward_schema";

/** A column name as a SQL identifier (quoted: "column" and "row" are keywords in some engines). */
export function sqlIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A string as a SQL literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** How a staging column is read: money as text (then CAST, never through a double), the rest as its type. */
function stagingType(type: ColumnType): string {
  return type.startsWith("DECIMAL") ? "VARCHAR" : type;
}

/**
 * DuckDB's SELECT from a table's staging CSV files (glob): the files hold every value as the
 * worker wrote it — money as exact decimal text — and the SELECT gives each column its type.
 * Text to DECIMAL is an exact decimal parse in DuckDB; no value passes through a double.
 */
export function selectFromStaging(table: TableName, glob: string): string {
  const columns = GROUP_SCHEMA[table];
  const spec = columns.map((c) => `${sqlString(c.name)}: ${sqlString(stagingType(c.type))}`).join(", ");
  const list = columns.map((c) => (c.type.startsWith("DECIMAL") ? `CAST(${sqlIdentifier(c.name)} AS ${c.type}) AS ${sqlIdentifier(c.name)}` : sqlIdentifier(c.name))).join(", ");
  const read = `read_csv(${sqlString(glob)}, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '\\N', allow_quoted_nulls = false, strict_mode = true, columns = {${spec}})`;
  return `SELECT ${list} FROM ${read}`;
}

/** An empty SELECT with the table's columns and types (the data set when no branch could be read). */
export function selectEmpty(table: TableName): string {
  const list = GROUP_SCHEMA[table].map((c) => `CAST(NULL AS ${c.type}) AS ${sqlIdentifier(c.name)}`).join(", ");
  return `SELECT ${list} WHERE false`;
}
