/**
 * Generic records: the data rows of any opened table (the companion tables: customer master,
 * bills register, collection log) read into records typed by the table's field declarations.
 */
import { alternativesOf, CellReader, fenToDecimal, MONEY_BLANK, MONEY_READ } from "./cell-reader";
import type { FieldDeclaration, RecordOf } from "./headers";
import type { ParseIssue, SkippedRow } from "./parse-issues";
import { walkRows } from "./row-kinds";
import { type ColumnPlan, type OpenedTable, planOf } from "./table";

/** A companion row: where it is, and each field's value by its kind. */
export type TableRecord<D extends readonly FieldDeclaration[]> = { sheet: string; row: number } & RecordOf<D>;

export interface RecordsResult<D extends readonly FieldDeclaration[]> {
  records: TableRecord<D>[];
  issues: ParseIssue[];
  skipped: SkippedRow[];
}

/**
 * Reads the data rows of any opened table into records typed by its declarations (companions
 * are small: money is read straight to Decimal). Required groups are checked per row.
 */
export function readRecords<D extends readonly FieldDeclaration[]>(
  values: readonly unknown[][],
  table: OpenedTable<D[number]["field"]>,
  freeTextFields: readonly string[],
): RecordsResult<D> {
  const reader = new CellReader(table.sheet, table.dateSystem);
  const skipped: SkippedRow[] = [];
  const records: TableRecord<D>[] = [];
  const fields = table.schema.fields;
  const required = table.schema.required
    .map((group) => group.map((f) => planOf(table, f)).filter((p): p is ColumnPlan<D[number]["field"]> => p !== undefined))
    .filter((plans) => plans.length > 0);
  walkRows(values, table, freeTextFields, skipped, (cells, sheetRow) => {
    const record: Record<string, unknown> = { sheet: table.sheet, row: sheetRow };
    for (const decl of fields) record[decl.field] = null;
    const bad = new Set<string>();
    for (const p of table.plan) {
      const v = cells[p.index];
      let value: unknown;
      switch (p.kind) {
        case "money": {
          const got = reader.money(v, sheetRow, p);
          value = got === MONEY_READ ? (reader.dec ?? fenToDecimal(reader.fen)) : got === MONEY_BLANK ? null : undefined;
          break;
        }
        case "date":
          value = reader.date(v, sheetRow, p);
          break;
        case "text":
          value = reader.text(v, sheetRow, p);
          break;
        case "integer":
          value = reader.integer(v, sheetRow, p);
          break;
        case "probability":
          value = reader.probability(v, sheetRow, p);
          break;
        case "boolean":
          value = reader.boolean(v, sheetRow, p);
          break;
      }
      if (value === undefined) bad.add(p.field);
      else record[p.field] = value;
    }
    for (const plans of required) {
      if (plans.some((p) => record[p.field] !== null || bad.has(p.field))) continue;
      reader.missing(sheetRow, plans[0], alternativesOf(plans));
    }
    records.push(record as TableRecord<D>);
  });
  return { records, issues: reader.issues, skipped };
}
