/**
 * What the Validate run writes: the audit's own sheets, built once in the core as SheetSpecs
 * (src/core/audit-sheets, the same specs the headless run writes into its report workbook) and
 * given here the owned table form that owned.ts writes: the header row, the item rows in chunks,
 * the total rows last, one number format per column, and the spec's named looks (cell-look.ts) per
 * column rather than per cell, so the sheets look as the headless writer's do. That form is plain
 * data, so the pane's Web Worker makes it and posts it back a slice at a time, and a results sheet
 * of 100,000 rows takes a few range commands per column. Pure: AuditResult in, OwnedSheetSpec out.
 */
import { auditFindingsSheet, auditResultsSheet } from "../core/audit-sheets";
import type { AuditResult } from "../core/ledger/check";
import { type CellType, cellType, moneyValue, type SheetSpec, type SpecCell, type SpecRow } from "../core/reports/sheet-spec";
import type { Lang } from "../i18n";
import { fontNameFor, type LookKey, lookOf } from "./cell-look";
import type { ColumnKind, OwnedSheetSpec, TableLooks } from "./owned";
import { widthToPoints } from "./sheet-writer";

type CellValue = string | number | boolean | null;

const KIND: Readonly<Record<CellType, ColumnKind>> = {
  text: "text",
  money: "money",
  date: "date",
  integer: "integer",
  number: "number",
  percent: "number",
  rate: "number",
  decimal: "number",
};

/** The value written: text as text (never a formula: the column is "@"), money exact or as its text, the rest as numbers. */
function valueOf(cell: SpecCell | null | undefined): CellValue {
  if (cell === null || cell === undefined || cell.v === null) return null;
  const type = cellType(cell);
  if (type === "text") return typeof cell.v === "string" ? cell.v : String(cell.v);
  if (type === "money") return moneyValue(cell);
  return cell.v;
}

function valuesOf(row: SpecRow, width: number): CellValue[] {
  const out = new Array<CellValue>(width);
  for (let c = 0; c < width; c++) out[c] = valueOf(row.cells[c]);
  return out;
}

/** The spec's looks as plain data: the header's, each column's in the first item row (or the first row below the header), each footer row's. */
function looksOf(spec: SheetSpec, below: readonly SpecRow[], items: number, width: number): TableLooks {
  const key = (cell: SpecCell | null | undefined): LookKey => (cell === null || cell === undefined ? "body|left" : lookOf(cell, cellType(cell)));
  const first = below[0];
  const header = spec.rows[0]?.cells[0];
  return {
    font: fontNameFor(spec.lang),
    header: header === null || header === undefined ? "header|center" : key(header),
    body: Array.from({ length: width }, (_, c) => key(first?.cells[c])),
    footer: below.slice(items).map((row) => Array.from({ length: width }, (_, c) => key(row.cells[c]))),
  };
}

/** Each column's kind: the type of its first cell below the header (the total row's when there are no items). */
function columnKinds(rows: readonly SpecRow[], width: number): ColumnKind[] {
  const kinds: ColumnKind[] = [];
  for (let c = 0; c < width; c++) {
    let kind: ColumnKind = "text";
    for (const row of rows) {
      const cell = row.cells[c];
      if (cell !== null && cell !== undefined) {
        kind = KIND[cellType(cell)];
        break;
      }
    }
    kinds.push(kind);
  }
  return kinds;
}

/**
 * A table-shaped audit sheet (its header in the first row, the items, then the total rows) as
 * owned.ts writes it: the rows from the first that is not an item on are its footer, in bold.
 */
export function auditOwnedSheet(spec: SheetSpec): OwnedSheetSpec {
  const width = spec.columns.length;
  const [header, ...below] = spec.rows;
  let items = below.findIndex((r) => r.kind !== "body");
  if (items < 0) items = below.length;
  const out: OwnedSheetSpec = {
    name: spec.name,
    header: header === undefined ? new Array<CellValue>(width).fill(null) : valuesOf(header, width),
    columns: columnKinds(below, width),
    widths: spec.columns.map((c) => widthToPoints(c.width)),
    rows: below.slice(0, items).map((r) => valuesOf(r, width)),
    looks: looksOf(spec, below, items, width),
  };
  if (items < below.length) out.footer = below.slice(items).map((r) => valuesOf(r, width));
  const h = spec.print.pageHeading;
  if (h !== undefined) out.print = { title: h.title, meta: h.meta, pages: h.pages };
  return out;
}

/** The results sheet: one row per open item and the total row that reconciles to the ledger. */
export function resultsSheet(audit: AuditResult, lang: Lang, name: string): OwnedSheetSpec {
  return auditOwnedSheet(auditResultsSheet(audit, lang, name));
}

/** The findings, most severe first, each rule by its name in the sheet's language (not its id). */
export function findingsSheet(audit: AuditResult, lang: Lang, name: string): OwnedSheetSpec {
  return auditOwnedSheet(auditFindingsSheet(audit, lang, name));
}
