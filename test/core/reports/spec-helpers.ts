/** Reading a SheetSpec in tests: rows by kind or first text, money as exact strings, column sums. */
import Decimal from "decimal.js";
import type { SheetSpec, SpecCell, SpecRow } from "../../../src/core/reports/sheet-spec";

export function rowsOf(spec: SheetSpec, kind: SpecRow["kind"]): SpecRow[] {
  return spec.rows.filter((r) => r.kind === kind);
}

/** The first row (of a kind, if given) whose cell `col` holds `text`. */
export function rowWith(spec: SheetSpec, text: string, col = 0, kind?: SpecRow["kind"]): SpecRow {
  const row = spec.rows.find((r) => (kind === undefined || r.kind === kind) && r.cells[col]?.v === text);
  if (row === undefined) throw new Error(`no row with "${text}" in column ${col} of ${spec.name}`);
  return row;
}

/** The exact amount of a money cell ("" for an empty one); throws for another type. */
export function money(cell: SpecCell | null | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell.t !== "money") throw new Error(`not a money cell: ${JSON.stringify(cell)}`);
  if (cell.v === null) return "";
  expect(cell.v).toBe(Number(cell.exact));
  return cell.exact as string;
}

export function moneys(row: SpecRow, from: number, to: number): string[] {
  return row.cells.slice(from, to + 1).map((c) => money(c));
}

/** The header labels of a header row. */
export function labels(row: SpecRow): (string | null)[] {
  return row.cells.map((c) => (c === null ? null : (c.v as string | null)));
}

/** Exact sum of a money column over some rows (empty cells are 0). */
export function sumOf(rows: readonly SpecRow[], col: number): string {
  let total = new Decimal(0);
  for (const r of rows) {
    const m = money(r.cells[col]);
    if (m !== "") total = total.plus(m);
  }
  return total.toFixed(2);
}

/** Rows between the header at `header` and the next row of kind `until`. */
export function bodyAfter(spec: SheetSpec, header: SpecRow, until: SpecRow["kind"] = "total"): SpecRow[] {
  const start = spec.rows.indexOf(header) + 1;
  const out: SpecRow[] = [];
  for (let i = start; i < spec.rows.length && spec.rows[i].kind !== until; i++) if (spec.rows[i].kind === "body") out.push(spec.rows[i]);
  return out;
}

export function texts(spec: SheetSpec, kind: SpecRow["kind"]): string[] {
  return rowsOf(spec, kind).map((r) => String(r.cells[0]?.v ?? ""));
}
