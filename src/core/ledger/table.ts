/**
 * Opening a table: its header found (or taken), its columns mapped (detected, then the explicit
 * mapping laid over), the required columns checked and the units found, giving the plan of which
 * field to read from which column and how.
 */
import type { ExcelDateSystem } from "../dates";
import { ArError } from "../errors";
import {
  detectHeader,
  detectUnits,
  type FieldDeclaration,
  HEADER_SCAN_ROWS,
  type FieldKind,
  headerAt,
  type HeaderDetection,
  type TableSchema,
} from "./headers";
import {
  applyOverride,
  columnLetter,
  DEFAULT_ORIGIN,
  describeGroups,
  type MappedColumn,
  type MappingOverride,
  type MappingResult,
  mappingFromHeader,
  requireColumns,
  type SheetOrigin,
} from "./mapping";

export interface TableOptions<F extends string = string> {
  /** The sheet's name, for messages. */
  sheet: string;
  /** Explicit columns, laid over the detected ones (mapping.applyOverride). */
  mapping?: MappingOverride<F>;
  /**
   * The header's 1-based sheet row, when the caller knows it (skips detection); 0 when the
   * rows have no header at all (then `mapping` must name every required column).
   */
  headerRow?: number;
  /** Where values[0][0] sits in the sheet; default A1. Row numbers and letters in messages follow it. */
  origin?: SheetOrigin;
  /** The workbook's date system for serial dates; default "1900". */
  dateSystem?: ExcelDateSystem;
  /**
   * Fields the sheet gives other than by a column (the customer named in a title line above a
   * one-customer ledger): a required group they belong to needs no column.
   */
  provided?: readonly F[];
}

/** The units amounts are read in. */
export interface UnitsInfo<F extends string = string> {
  /** The sheet's own unit (1 yuan, 10000 for 万元...), from a units line; 1 when there is none. */
  scale: number;
  /** Where the sheet declared it. */
  source: { row: number; column: string; text: string } | null;
  /** The scale each money column is read at (a header's own "(万元)" or "(元)" wins over the sheet's). */
  columns: Partial<Record<F, number>>;
}

export interface HeaderInfo<F extends string = string> {
  /** 1-based sheet row of the (last) header row; null when the rows have no header. */
  row: number | null;
  /** Every header row (two for a two-row header). */
  rows: number[];
  columns: MappedColumn<F>[];
}

/** One field to read: its column and how. */
export interface ColumnPlan<F extends string = string> {
  field: F;
  decl: FieldDeclaration<F>;
  kind: FieldKind;
  index: number;
  letter: string;
  /** Yuan per unit written (money only). */
  scale: number;
  /** A credit term whose header counts it in months (账期（月）, 信用期(个月)): 3 is three months, not three days. */
  months?: boolean;
}

/** A header that counts its figures in months: 账期（月）, 信用期(个月), 账期/月, term (months). */
const IN_MONTHS = /[(（]\s*(?:个?月|months?)\s*[)）]\s*$|\/\s*个?月\s*$/i;

export interface OpenedTable<F extends string = string> {
  sheet: string;
  schema: TableSchema<F>;
  origin: SheetOrigin;
  dateSystem: ExcelDateSystem;
  header: HeaderInfo<F>;
  detection: HeaderDetection<F> | null;
  mapping: MappingResult<F>;
  units: UnitsInfo<F>;
  plan: ColumnPlan<F>[];
  /** 0-based index of the first data row. */
  dataStart: number;
  width: number;
}

function noHeader<F extends string>(schema: TableSchema<F>, sheet: string, scanned: number): ArError {
  const others = schema.fields.filter((d) => !schema.required.some((g) => g.includes(d.field))).map((d) => d.label["zh-CN"]);
  const othersEn = schema.fields.filter((d) => !schema.required.some((g) => g.includes(d.field))).map((d) => d.label["en-US"]);
  return new ArError(
    "ledger.no-header",
    {
      "zh-CN": `工作表“${sheet}”的前 ${scanned} 行中找不到${schema.name["zh-CN"]}的表头行（需要一行至少认出两列，其中一列与列名完全一致）。查找的列：${describeGroups(schema, schema.required, "zh")}；以及${others.join("、")}。请检查表头文字，或指定表头所在行和列映射。`,
      "en-US": `No header row of a ${schema.name["en-US"]} found in the first ${scanned} rows of sheet "${sheet}" (a header row must name at least two columns, one of them exactly). Looked for: ${describeGroups(schema, schema.required, "en")}; and ${othersEn.join(", ")}. Check the header texts, or give the header row and an explicit column mapping.`,
    },
    { excel: "#VALUE!", field: schema.key },
  );
}

function badHeaderRow(sheet: string, headerRow: number, origin: SheetOrigin, rows: number): ArError {
  return new ArError(
    "ledger.header-row-invalid",
    {
      "zh-CN": `工作表“${sheet}”：指定的表头行 ${headerRow} 不在所读区域内（第 ${origin.row} 至 ${origin.row + rows - 1} 行），应为其中一行，或 0 表示没有表头。`,
      "en-US": `Sheet "${sheet}": the header row ${headerRow} given is outside the rows read (${origin.row} to ${origin.row + rows - 1}); expected one of them, or 0 for no header.`,
    },
    { excel: "#VALUE!", field: "headerRow" },
  );
}

function maxWidth(values: readonly unknown[][], from: number, count: number): number {
  let width = 0;
  for (let r = from; r < values.length && r < from + count; r++) {
    const row = values[r];
    if (Array.isArray(row) && row.length > width) width = row.length;
  }
  return width;
}

/**
 * Finds (or takes) a table's header, maps its columns, applies the explicit mapping, checks
 * the required columns and finds the units. Throws ArError "ledger.no-header",
 * "ledger.header-row-invalid", "ledger.mapping-invalid", "ledger.mapping-conflict" or
 * "ledger.missing-columns"; these concern the whole sheet, which cannot be read without them.
 */
/** The data rows looked at to tell a column of dates from one of whole numbers. */
const DATES_SAMPLE = 200;
/** A day count no credit term reaches (about ten years): above it, a number in such a column is a date serial. */
const SERIAL_FROM = 3653;

/**
 * Each detected column of a `datesAs` field (not one the user mapped) whose filled cells are
 * mostly dates (Date values, date serials, date texts) becomes a column of the field it names,
 * unless that field has a column already.
 */
function readDatesAs<F extends string>(
  values: readonly unknown[][],
  dataStart: number,
  mapping: MappingResult<F>,
  datesAs: Partial<Record<F, F>>,
  explicit: Partial<Record<F, unknown>> | undefined,
): MappingResult<F> {
  let out = mapping;
  for (const [from, to] of Object.entries(datesAs) as [F, F][]) {
    const index = out.mapping[from];
    if (index === undefined || out.mapping[to] !== undefined || explicit?.[from] !== undefined) continue;
    let filled = 0;
    let dates = 0;
    for (let r = dataStart; r < values.length && r < dataStart + DATES_SAMPLE; r++) {
      const v = values[r]?.[index];
      if (v === null || v === undefined || v === "") continue;
      filled++;
      // A Date before 1910 is a day count formatted as a date (30 shows as 1900-01-30).
      if ((v instanceof Date && v.getUTCFullYear() >= 1910) || (typeof v === "number" && v >= SERIAL_FROM) || (typeof v === "string" && /^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/.test(v))) dates++;
    }
    if (filled === 0 || dates * 2 <= filled) continue;
    const mappingNow: Partial<Record<F, number>> = { ...out.mapping, [to]: index };
    delete mappingNow[from];
    out = { ...out, mapping: mappingNow, columns: out.columns.map((c) => (c.index === index && c.field === from ? { ...c, field: to } : c)) };
  }
  return out;
}

export function openTable<F extends string>(values: readonly unknown[][], schema: TableSchema<F>, options: TableOptions<F>): OpenedTable<F> {
  const origin = options.origin ?? DEFAULT_ORIGIN;
  const sheet = options.sheet;
  let detection: HeaderDetection<F> | null;
  if (options.headerRow !== undefined) {
    const rowIndex = options.headerRow === 0 ? -1 : options.headerRow - origin.row;
    if (!Number.isInteger(options.headerRow) || (options.headerRow !== 0 && (rowIndex < 0 || rowIndex >= values.length))) {
      throw badHeaderRow(sheet, options.headerRow, origin, values.length);
    }
    detection = rowIndex < 0 ? null : headerAt(values, rowIndex, schema.fields);
  } else {
    detection = detectHeader(values, schema.fields);
    if (detection === null) throw noHeader(schema, sheet, Math.min(values.length, HEADER_SCAN_ROWS));
  }
  const dataStart = detection === null ? 0 : detection.dataStart;
  const width = Math.max(maxWidth(values, 0, dataStart + 50), ...((detection?.columns ?? []).map((c) => c.index + 1)));
  let mapping: MappingResult<F> =
    detection === null ? { mapping: {}, columns: [], unmapped: [], ambiguous: [], confidence: 0 } : mappingFromHeader(detection, origin);
  if (options.mapping !== undefined) {
    mapping = applyOverride(mapping, options.mapping, { sheet, schema, width, origin, header: detection });
  }
  if (schema.datesAs !== undefined) mapping = readDatesAs(values, dataStart, mapping, schema.datesAs, options.mapping);
  const headerRow = detection === null ? null : origin.row + detection.rowIndices[detection.rowIndices.length - 1];
  const provided = new Set<F>(options.provided ?? []);
  // 年/月/日 columns together make a date (三栏式明细账); a year may come from the header's banner.
  if (mapping.mapping["month" as F] !== undefined && mapping.mapping["day" as F] !== undefined) provided.add("dateArisen" as F);
  requireColumns(schema, mapping, sheet, headerRow, provided);

  const sheetUnits = detectUnits(values, detection);
  const byIndex = new Map((detection?.columns ?? []).map((c) => [c.index, c]));
  const decls = new Map<F, FieldDeclaration<F>>(schema.fields.map((d) => [d.field, d]));
  const plan: ColumnPlan<F>[] = [];
  const columnScales: Partial<Record<F, number>> = {};
  for (const col of mapping.columns) {
    const decl = decls.get(col.field);
    if (decl === undefined) continue;
    const scale = decl.kind === "money" ? (byIndex.get(col.index)?.label.scale ?? sheetUnits.scale) : 1;
    if (decl.kind === "money") columnScales[col.field] = scale;
    plan.push({ field: col.field, decl, kind: decl.kind, index: col.index, letter: col.letter, scale, ...(decl.kind === "integer" && IN_MONTHS.test(col.header.normalize("NFKC")) ? { months: true } : {}) });
  }
  return {
    sheet,
    schema,
    origin,
    dateSystem: options.dateSystem ?? "1900",
    header: {
      row: headerRow,
      rows: detection === null ? [] : detection.rowIndices.map((i) => origin.row + i),
      columns: mapping.columns,
    },
    detection,
    mapping,
    units: {
      scale: sheetUnits.scale,
      source:
        sheetUnits.source === null
          ? null
          : { row: origin.row + sheetUnits.source.rowIndex, column: columnLetter(sheetUnits.source.columnIndex, origin), text: sheetUnits.source.text },
      columns: columnScales,
    },
    plan,
    dataStart,
    width,
  };
}

/** The plan entry of a field, when the table has its column. */
export function planOf<F extends string>(table: OpenedTable<F>, field: F): ColumnPlan<F> | undefined {
  return table.plan.find((p) => p.field === field);
}
