/**
 * A workbook's sheets in, the ledger and its companion tables out: which sheet is the ledger
 * (the one named, else the first whose header reads best as a ledger) and which are the customer
 * master, the bills register and the collection log (by their headers). Shared by the headless
 * audit and the task pane, so both pick the same sheets from the same workbook.
 */
import type { ExcelDateSystem } from "../dates";
import { ArError, type Bilingual, isArError } from "../errors";
import type { AuditCompanions } from "./check";
import { BILLS_REGISTER_SCHEMA, COLLECTION_LOG_SCHEMA, CUSTOMER_MASTER_SCHEMA, readBillsRegister, readCollectionLog, readCustomerMaster } from "./companions";
import { LEDGER_SCHEMA, detectHeader, type TableSchema } from "./headers";
import { readLedger, type LedgerReading } from "./index";
import type { MappingOverride } from "./mapping";
import type { LedgerField } from "./headers";
import { carryOpenings, combineReadings, sameLayout } from "./combine";

/** A rectangle of cells in sheet coordinates: 1-based rows and columns, both ends included. */
export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetInput {
  name: string;
  values: readonly unknown[][];
  /** Where values[0][0] sits on the sheet (1-based); default A1. */
  origin?: { row: number; column: number };
  /** Hidden (or very hidden) in the workbook: never taken as the ledger unless named. */
  hidden?: boolean;
  /**
   * The sheet's merged areas. Excel and exceljs give a merged area's value in its top-left cell
   * only; a hand-kept ledger merges a customer's name down its rows, so the reader fills a
   * vertically merged value down over its area.
   */
  merges?: readonly CellArea[];
}

export type TableKind = "ledger" | "customers" | "bills" | "collections";

const SCHEMAS: readonly { kind: TableKind; schema: TableSchema }[] = [
  { kind: "ledger", schema: LEDGER_SCHEMA },
  { kind: "customers", schema: CUSTOMER_MASTER_SCHEMA },
  { kind: "bills", schema: BILLS_REGISTER_SCHEMA },
  { kind: "collections", schema: COLLECTION_LOG_SCHEMA },
];

/** What a sheet's header reads best as (ties go to the ledger); null when no header is found. */
export function tableKindOf(values: readonly unknown[][]): TableKind | null {
  let best: TableKind | null = null;
  let bestScore = 0;
  for (const { kind, schema } of SCHEMAS) {
    const d = detectHeader(values, schema.fields);
    if (d !== null && d.score > bestScore) {
      best = kind;
      bestScore = d.score;
    }
  }
  return best;
}

export interface CompanionsFound {
  companions: AuditCompanions;
  /** Sheets that looked like a companion table but could not be read, and why. */
  warnings: Bilingual[];
}

/** The companion tables among `sheets` (the ledger's own sheet left out by the caller). */
export function readCompanions(sheets: readonly SheetInput[], options: { dateSystem?: ExcelDateSystem } = {}): CompanionsFound {
  const kinds = new Map(sheets.map((s) => [s, tableKindOf(s.values)]));
  const warnings: Bilingual[] = [];
  const find = (kind: TableKind) => sheets.find((s) => kinds.get(s) === kind);
  const attempt = <T>(sheet: SheetInput | undefined, read: (s: SheetInput) => T): T | null => {
    if (sheet === undefined) return null;
    try {
      return read(sheet);
    } catch (e) {
      const why = isArError(e) ? e.text : { "zh-CN": String(e), "en-US": String(e) };
      warnings.push({ "zh-CN": `工作表“${sheet.name}”未使用：${why["zh-CN"]}`, "en-US": `Sheet "${sheet.name}" not used: ${why["en-US"]}` });
      return null;
    }
  };
  const opts = (s: SheetInput) => ({ sheet: s.name, dateSystem: options.dateSystem, ...(s.origin ? { origin: s.origin } : {}) });
  const companions: AuditCompanions = {};
  const customers = attempt(find("customers"), (s) => readCustomerMaster(s.values, opts(s)));
  const bills = attempt(find("bills"), (s) => readBillsRegister(s.values, opts(s)));
  const collections = attempt(find("collections"), (s) => readCollectionLog(s.values, opts(s)));
  if (customers !== null) companions.customers = customers;
  if (bills !== null) companions.bills = bills;
  if (collections !== null) companions.collections = collections;
  return { companions, warnings };
}

export interface WorkbookLedger extends CompanionsFound {
  ledger: LedgerReading;
  ledgerSheet: string;
}

/**
 * The ledger and the companions among the other sheets:
 * - the sheet named (hidden or not), else the first visible sheet whose header reads as a ledger
 *   (a hidden sheet is never taken unless named), else the first sheet's own reason why not;
 * - a one-customer sheet (三栏式明细账, the customer named above its header) is read together
 *   with every other visible sheet of the same layout, one per customer, as one ledger;
 * - an opening line the workbook's earlier entries account for is reconciled, not counted again.
 * Companion tables (customer master, bills register, collection log) are recognised by their
 * headers first and never read as part of the ledger. Throws the ledger's ArError
 * ("ledger.no-header", …) when there is no usable ledger.
 */
export function readWorkbookLedger(
  sheets: readonly SheetInput[],
  options: { sheet?: string; mapping?: MappingOverride<LedgerField>; dateSystem?: ExcelDateSystem } = {}
): WorkbookLedger {
  const read = (s: SheetInput) =>
    readLedger(s.values, {
      sheet: s.name,
      dateSystem: options.dateSystem,
      ...(s.origin ? { origin: s.origin } : {}),
      ...(s.merges ? { merges: s.merges } : {}),
      ...(options.mapping ? { mapping: options.mapping } : {}),
    });
  let ledger: LedgerReading | null = null;
  let ledgerSheet: SheetInput | null = null;
  const kinds = new Map(sheets.map((s) => [s, tableKindOf(s.values)]));
  if (options.sheet !== undefined) {
    const wanted = options.sheet;
    const sheet = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (sheet === undefined) {
      const names = sheets.map((s) => s.name).join(", ");
      throw new ArError("ledger.no-sheet", { "zh-CN": `找不到工作表“${wanted}”；工作簿中的工作表：${names}。`, "en-US": `No sheet named "${wanted}"; the workbook has: ${names}.` });
    }
    ledger = read(sheet);
    ledgerSheet = sheet;
  } else {
    let firstError: unknown = null;
    for (const sheet of sheets) {
      if (sheet.hidden === true || kinds.get(sheet) !== "ledger") continue;
      try {
        ledger = read(sheet);
        ledgerSheet = sheet;
        break;
      } catch (e) {
        firstError ??= e;
      }
    }
    if (ledger === null) {
      if (firstError !== null) throw firstError;
      const first = sheets.find((s) => s.hidden !== true) ?? sheets[0];
      if (first === undefined) throw new ArError("ledger.no-header", { "zh-CN": "工作簿中没有工作表。", "en-US": "The workbook has no sheets." });
      ledger = read(first); // throws the first sheet's own reason (no header row found)
      ledgerSheet = first;
    }
  }
  const chosen = ledgerSheet as SheetInput;
  const together: SheetInput[] = [chosen];
  if (ledger.layout.customerFrom === "title") {
    const parts = [ledger];
    for (const sheet of sheets) {
      if (sheet === chosen || sheet.hidden === true || kinds.get(sheet) !== "ledger") continue;
      let other: LedgerReading;
      try {
        other = read(sheet);
      } catch {
        continue;
      }
      if (other.layout.customerFrom !== "title" || !sameLayout(ledger, other)) continue;
      parts.push(other);
      together.push(sheet);
    }
    ledger = combineReadings(parts);
  }
  ledger = carryOpenings(ledger);
  const others = sheets.filter((s) => !together.includes(s));
  return { ledger, ledgerSheet: chosen.name, ...readCompanions(others, { dateSystem: options.dateSystem }) };
}
