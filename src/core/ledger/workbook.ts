/**
 * A workbook's sheets in, the ledger and its companion tables out: which sheet is the ledger
 * (the one named, else the first whose header reads best as a ledger) and which are the customer
 * master, the bills register and the collection log (by their headers). Shared by the headless
 * audit and the task pane, so both pick the same sheets from the same workbook.
 */
import { type DayNumber, fromYmd, isValidYmd } from "../calendar";
import { type ExcelDateSystem, formatDateZh, formatIsoDate } from "../dates";
import { ArError, isArError } from "../errors";
import type { Bilingual } from "../../i18n/bilingual";
import type { AuditCompanions } from "./check";
import { BILLS_REGISTER_SCHEMA, COLLECTION_LOG_SCHEMA, CUSTOMER_MASTER_SCHEMA, readBillsRegister, readCollectionLog, readCustomerMaster } from "./companions";
import { LEDGER_FIELDS, LEDGER_SCHEMA, detectHeader, type TableSchema } from "./headers";
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

interface CompanionsFound {
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

export interface WorkbookLedgerOptions {
  /** The ledger's sheet, named (the headless audit's --sheet): read alone, hidden or not. */
  sheet?: string;
  /**
   * The sheet the user works on (the task pane's choice), when none is named: read with the sheets
   * it is one ledger with (a sheet per month, per year or per customer), as when no sheet is
   * named; else (or with a column mapping, made for its columns) alone, as if named.
   */
  active?: string;
  mapping?: MappingOverride<LedgerField>;
  dateSystem?: ExcelDateSystem;
  /**
   * The as-of date of the check that follows, when no sheet is named: of sheets of one layout not
   * read together (a list per month-end, 7月 8月 9月), the one whose title says it stands at the
   * latest date on or before it is read (the headless audit; the pane reads the sheet the user is on).
   */
  asOf?: DayNumber;
  /** Where the notes are read, for how they say to check another sheet (default: the headless audit). */
  surface?: Surface;
}

type Surface = "cli" | "pane";

/** How each surface says to check a sheet of the user's choosing. */
interface Hint {
  /** "…, name it with --sheet": the Chinese serves for one sheet and for one of several. */
  pick: Bilingual;
  /** English for one of several ("name one with --sheet"). */
  pickOne: string;
  /** How to check one of the sheets read together on its own. */
  alone: Bilingual;
  /** How the sheet checked was chosen ("named", "chosen"). */
  chosen: Bilingual;
}

const HINTS: Record<Surface, Hint> = {
  cli: {
    pick: { "zh-CN": "请用 --sheet 指定", "en-US": "name it with --sheet" },
    pickOne: "name one with --sheet",
    alone: { "zh-CN": "请用 --sheet 指定要检查的工作表", "en-US": "name the sheet to check with --sheet" },
    chosen: { "zh-CN": "指定的", "en-US": "named" },
  },
  pane: {
    pick: { "zh-CN": "请在任务窗格的台账列表中选择它", "en-US": "pick it in the task pane's list of ledgers" },
    pickOne: "pick one in the task pane's list of ledgers",
    alone: {
      "zh-CN": "请把要单独检查的那张工作表的数据设为 Excel 表格，再在台账列表中选择该表格",
      "en-US": "format the data of the one to check alone as an Excel table and pick that table in the list of ledgers",
    },
    chosen: { "zh-CN": "选定的", "en-US": "chosen" },
  },
};

interface WorkbookLedger extends CompanionsFound {
  ledger: LedgerReading;
  ledgerSheet: string;
}

const KIND_NAMES: Record<TableKind, Bilingual> = {
  ledger: { "zh-CN": "应收账款台账", "en-US": "a receivables ledger" },
  customers: { "zh-CN": "客户档案", "en-US": "customer master" },
  bills: { "zh-CN": "应收票据登记簿", "en-US": "bills register" },
  collections: { "zh-CN": "催收记录", "en-US": "collection log" },
};

function isEmptySheet(values: readonly unknown[][]): boolean {
  return values.every((row) => !Array.isArray(row) || row.every((v) => v === null || v === undefined || (typeof v === "string" && v.trim() === "")));
}

/**
 * No sheet reads as a ledger: what each sheet is, in one line, and how to say which is the
 * ledger. "ledger.no-ledger-sheet" (#VALUE!).
 */
function noLedgerSheet(sheets: readonly SheetInput[]): ArError {
  const zh: string[] = [];
  const en: string[] = [];
  for (const s of sheets) {
    const kind = isEmptySheet(s.values) ? "empty" : tableKindOf(s.values);
    const hidden = s.hidden === true;
    const what: Bilingual =
      kind === "empty"
        ? { "zh-CN": "空白", "en-US": "empty" }
        : kind === null
          ? { "zh-CN": "找不到表头", "en-US": "no header" }
          : kind === "ledger" && hidden
            ? { "zh-CN": "台账（隐藏的工作表，只有指定时才使用）", "en-US": "a ledger (hidden, used only when named)" }
            : KIND_NAMES[kind];
    zh.push(`${s.name}${hidden ? "（隐藏）" : ""}：${what["zh-CN"]}`);
    en.push(`${s.name}${hidden ? " (hidden)" : ""}: ${what["en-US"]}`);
  }
  return new ArError(
    "ledger.no-ledger-sheet",
    {
      "zh-CN": `没有一个工作表能识别为应收账款台账。各工作表：${zh.join("；")}。请指定台账所在的工作表（命令行用 --sheet 工作表名，隐藏的也可以），或给出列对应（任务窗格的“列对应”）。`,
      "en-US": `No sheet reads as a receivables ledger. Sheets: ${en.join("; ")}. Name the ledger's sheet (--sheet NAME in the headless audit; a hidden sheet too), or map its columns (the task pane's column mapping).`,
    },
    { excel: "#VALUE!" },
  );
}

/**
 * The ledger and the companions among the other sheets:
 * - the sheet named (hidden or not), else the first visible sheet whose header reads as a ledger;
 *   a hidden sheet is never chosen unless named (a hidden copy of last year's ledger is not this
 *   month's), and a warning says when one was passed over;
 * - a one-customer sheet (三栏式明细账, the customer named above its header) is read together
 *   with every other visible sheet of the same layout, one per customer, as one ledger;
 * - an opening line the workbook's earlier entries account for is reconciled, not counted again;
 * - `active`, the sheet a user works on (the task pane's), is read as the workbook's ledger when it
 *   is one of the sheets that ledger is read from, else alone, as if named.
 * Companion tables (customer master, bills register, collection log) are recognised by their
 * headers first and never read as part of the ledger. Throws the ledger's ArError
 * ("ledger.no-header", …) when the one candidate cannot be read, and "ledger.no-ledger-sheet"
 * (what each sheet is, and how to name the ledger) when a workbook of several sheets has none.
 */
export function readWorkbookLedger(sheets: readonly SheetInput[], options: WorkbookLedgerOptions = {}): WorkbookLedger {
  const { active, ...rest } = options;
  // A column mapping is made for one sheet's columns: with one, the sheet is read alone.
  if (active !== undefined && options.sheet === undefined && options.mapping === undefined) {
    // The sheet the user works on: the ledger the workbook reads as when it is part of it (a
    // month of a ledger kept a sheet per month, read with the others, as the headless audit reads
    // them); else that sheet alone, as if named.
    let whole: WorkbookLedger | null = null;
    try {
      whole = chooseLedger(sheets, rest);
    } catch (e) {
      if (!isArError(e)) throw e;
      whole = null; // the sheet alone says why, below
    }
    if (whole !== null && whole.ledger.layout.sheets.includes(active)) return whole;
    return chooseLedger(sheets, { ...rest, sheet: active });
  }
  return chooseLedger(sheets, active !== undefined && options.sheet === undefined ? { ...rest, sheet: active } : rest);
}

function chooseLedger(sheets: readonly SheetInput[], options: Omit<WorkbookLedgerOptions, "active">): WorkbookLedger {
  const hint = HINTS[options.surface ?? "cli"];
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
  const notes: Bilingual[] = [];
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
    const visible = sheets.filter((s) => s.hidden !== true);
    // A summary sheet (汇总表) in front of the detail sheets is not the ledger while another sheet reads as one.
    const details = visible.filter((s) => kinds.get(s) === "ledger" && !SUMMARY_NAME.test(s.name));
    const candidates = details.length > 0 ? [...details, ...visible.filter((s) => !details.includes(s))] : visible;
    for (const sheet of candidates) {
      if (kinds.get(sheet) !== "ledger") continue;
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
      const first = visible[0];
      if (first === undefined || sheets.length > 1) {
        if (sheets.length === 0) throw new ArError("ledger.no-header", { "zh-CN": "工作簿中没有工作表。", "en-US": "The workbook has no sheets." });
        throw noLedgerSheet(sheets);
      }
      ledger = read(first); // throws the one sheet's own reason (no header row found)
      ledgerSheet = first;
    }
    for (const s of sheets) {
      if (s.hidden !== true || kinds.get(s) !== "ledger") continue;
      notes.push({
        "zh-CN": `隐藏的工作表“${s.name}”也像台账，未使用（要检查它，${hint.pick["zh-CN"]}）。`,
        "en-US": `Hidden sheet "${s.name}" also reads as a ledger and was not used (${hint.pick["en-US"]} to check it).`,
      });
    }
  }
  let chosen = ledgerSheet as SheetInput;
  const together: SheetInput[] = [chosen];
  // One sheet per customer (the customer above each header) is one ledger, named or not; sheets
  // of one layout with a customer column (a sheet per month or per year) are, when no sheet was
  // named. Either way in workbook order, so an earlier period's entries come first.
  const byTitle = ledger.layout.customerFrom === "title";
  const combine = byTitle || options.sheet === undefined;
  const sameKind: SheetInput[] = [];
  const otherLayout: SheetInput[] = [];
  const unreadable: { sheet: SheetInput; why: Bilingual }[] = [];
  const parts = new Map<SheetInput, LedgerReading>([[chosen, ledger]]);
  const sameKindReadings = new Map<SheetInput, LedgerReading>();
  let lastEntry = entryDates(ledger).last;
  for (const sheet of sheets) {
    if (sheet === chosen || sheet.hidden === true || kinds.get(sheet) !== "ledger") continue;
    let other: LedgerReading;
    try {
      other = read(sheet);
    } catch (e) {
      unreadable.push({ sheet, why: isArError(e) ? e.text : { "zh-CN": String(e), "en-US": String(e) } });
      continue;
    }
    if (other.layout.customerFrom !== ledger.layout.customerFrom || !sameLayout(ledger, other)) {
      otherLayout.push(sheet);
      continue;
    }
    // A sheet of one layout with a customer column is a later period of the ledger only when it
    // opens from the one before (期初余额, 上年结转, 承前页) and is no summary: a copy, a summary
    // or a month-end snapshot of the same list would be counted twice.
    // Its entries must also come after the sheets before it: a copy (三月 (2)) repeats their dates.
    const dates = entryDates(other);
    const later = lastEntry === null || dates.first === null || dates.first > lastEntry;
    if (!combine || (!byTitle && (SUMMARY_NAME.test(sheet.name) || SUMMARY_NAME.test(chosen.name) || COPY_NAME.test(sheet.name) || !later || !other.rows.some((r) => r.isOpening)))) {
      sameKind.push(sheet);
      sameKindReadings.set(sheet, other);
      continue;
    }
    if (!byTitle && dates.last !== null) lastEntry = dates.last;
    parts.set(sheet, other);
    together.push(sheet);
  }
  // Lists of one layout at several dates (a sheet per month-end): the one standing at the as-of
  // date, or the latest before it, is the ledger as of then.
  if (parts.size === 1 && options.sheet === undefined && options.asOf !== undefined && sameKindReadings.size > 0) {
    const asOf = options.asOf;
    // The date a list stands at: its title's, else its sheet's name's (2024.06, 2024年6月末).
    const dateOf = (sheet: SheetInput, r: LedgerReading): DayNumber | null => r.layout.listDate ?? sheetNameDate(sheet.name);
    const standing = (sheet: SheetInput, r: LedgerReading): number => {
      const d = dateOf(sheet, r);
      return d !== null && d <= asOf ? d : -Infinity;
    };
    let best: SheetInput = chosen;
    let bestReading = ledger;
    for (const [sheet, reading] of sameKindReadings) {
      if (standing(sheet, reading) > standing(best, bestReading)) {
        best = sheet;
        bestReading = reading;
      }
    }
    if (best !== chosen) {
      sameKind.splice(sameKind.indexOf(best), 1, chosen);
      sameKind.sort((a, b) => sheets.indexOf(a) - sheets.indexOf(b));
      parts.clear();
      parts.set(best, bestReading);
      together[0] = best;
      ledger = bestReading;
      notes.push(pickedByDate(best.name, dateOf(best, bestReading) as DayNumber, asOf, bestReading.layout.listDate === null));
      chosen = best;
    }
  }
  if (parts.size > 1) {
    const ordered = sheets.filter((s) => parts.has(s));
    ledger = combineReadings(ordered.map((s) => parts.get(s) as LedgerReading));
    if (ledger.layout.customerFrom !== "title") notes.push(readTogether(ordered.map((s) => s.name), hint));
  }
  if (sameKind.length > 0) notes.push(combine ? sameLayoutNotCombined(chosen.name, sameKind.map((s) => s.name), hint) : sameLayoutNotRead(chosen.name, sameKind.map((s) => s.name), hint));
  if (otherLayout.length > 0) notes.push(otherLayoutNotRead(chosen.name, otherLayout.map((s) => s.name), hint));
  for (const u of unreadable) {
    notes.push({ "zh-CN": `工作表“${u.sheet.name}”也像台账，但无法读取，未使用：${u.why["zh-CN"]}`, "en-US": `Sheet "${u.sheet.name}" also looks like a ledger but could not be read, and was not used: ${u.why["en-US"]}` });
  }
  // Said as findings too (the JSON, the pane's list): a customer's sheet laid out a little
  // otherwise is a customer missing from the totals. Not where a sheet was named and read alone:
  // the others were left out by choice (the notes still name them).
  const sheetsNotRead = !combine ? [] : [...otherLayout.map((s) => ({ sheet: s.name, why: "other-layout" as const, reason: null })), ...unreadable.map((u) => ({ sheet: u.sheet.name, why: "unreadable" as const, reason: u.why }))];
  if (sheetsNotRead.length > 0) ledger = { ...ledger, layout: { ...ledger.layout, sheetsNotRead } };
  ledger = carryOpenings(ledger);
  notes.push(...columnsNotRead(ledger), ...ledger.layout.installments.map(installmentsRead));
  const others = sheets.filter((s) => !together.includes(s));
  const found = readCompanions(others, { dateSystem: options.dateSystem });
  return { ledger, ledgerSheet: chosen.name, companions: found.companions, warnings: [...notes, ...found.warnings] };
}

function installmentsRead(x: LedgerReading["layout"]["installments"][number]): Bilingual {
  const dated = x.dates.length > 0;
  return {
    "zh-CN": `工作表“${x.sheet}”的 ${x.columns.join("、")} 列是分次回款，相加作为各笔的已收金额${dated ? `，每次回款按其日期（${x.dates.join("、")} 列）计入截止日视图` : ""}。`,
    "en-US": `Sheet "${x.sheet}": columns ${x.columns.join(", ")} are payments in installments, summed as what each item received${dated ? `, each counted in the as-of view from its own date (columns ${x.dates.join(", ")})` : ""}.`,
  };
}

/** A sheet named as a summary (汇总表, 合计, 总表, summary): not the ledger while a detail sheet reads as one. */
const SUMMARY_NAME = /汇总|匯總|总表|總表|合计|合計|summary|total/i;

/** A sheet named as a copy (三月 (2), 副本, 备份, copy): never read together with the one it copies. */
const COPY_NAME = /[(（]\s*\d+\s*[)）]\s*$|副本|备份|備份|copy/i;

/** The first and last dates of a reading's entries (opening lines aside); nulls when none is dated. */
function entryDates(reading: LedgerReading): { first: number | null; last: number | null } {
  let first: number | null = null;
  let last: number | null = null;
  for (const r of reading.rows) {
    const d = r.dateArisen;
    if (r.isOpening || d === null) continue;
    if (first === null || d < first) first = d;
    if (last === null || d > last) last = d;
  }
  return { first, last };
}

function quoted(names: readonly string[]): Bilingual {
  return { "zh-CN": names.map((n) => `“${n}”`).join(""), "en-US": names.map((n) => `"${n}"`).join(", ") };
}

function readTogether(names: readonly string[], hint: Hint): Bilingual {
  const q = quoted(names);
  return {
    "zh-CN": `工作表${q["zh-CN"]}版式相同，按工作簿顺序作为一本台账合并读取（各期的期初余额与前期结余核对，不重复计入）；如其中有副本或汇总表，${hint.alone["zh-CN"]}。`,
    "en-US": `Sheets ${q["en-US"]} have one layout and were read together as one ledger, in workbook order (each period's opening balance reconciled with the one before, not counted twice); if one is a copy or a summary, ${hint.alone["en-US"]}.`,
  };
}

const MONEY_FIELDS: ReadonlySet<string> = new Set(["amount", "received", "balance"]);
/** Dates aging counts from: the one read decides each item's class and band. */
const AGING_DATE_FIELDS: ReadonlySet<string> = new Set(["dateArisen", "dueDate"]);

/**
 * A money or aging-date column whose header names the same field as the one read (two 金额
 * columns; 记账日期 beside 开票日期) is left unread: said, as it may hold the receipts or the
 * balances the reading then lacks, or the date the items should be aged from.
 */
function columnsNotRead(ledger: LedgerReading): Bilingual[] {
  const out: Bilingual[] = [];
  for (const a of ledger.mapping.ambiguous) {
    const money = MONEY_FIELDS.has(a.field);
    if ((!money && !AGING_DATE_FIELDS.has(a.field)) || a.others.length === 0) continue;
    const label = LEDGER_FIELDS.find((d) => d.field === a.field)?.label ?? { "zh-CN": a.field, "en-US": a.field };
    const zhOthers = a.others.map((o) => `${o.letter} 列（${o.header}）`).join("、");
    const enOthers = a.others.map((o) => `column ${o.letter} ("${o.header}")`).join(", ");
    const zhHint = money ? "若它另有含义（如贷方发生额、余额），请在任务窗格的“列对应”中指定。" : "账龄按读取的这一列计算；若应按另一列计算，请在任务窗格的“列对应”中指定。";
    const enHint = money ? "If it holds something else (credits, balances), map it in the task pane's column mapping." : "Ages are counted from the column read; if they should be counted from the other, map it in the task pane's column mapping.";
    out.push({
      "zh-CN": `工作表“${ledger.sheet}”的${zhOthers}也可读作“${label["zh-CN"]}”，未读取；读取的是 ${a.chosen.letter} 列（${a.chosen.header}）。${zhHint}`,
      "en-US": `Sheet "${ledger.sheet}": ${enOthers} could also be the ${label["en-US"]} and ${a.others.length === 1 ? "was" : "were"} not read; column ${a.chosen.letter} ("${a.chosen.header}") was. ${enHint}`,
    });
  }
  return out;
}

function pickedByDate(name: string, listDate: DayNumber, asOf: DayNumber, byName: boolean): Bilingual {
  return {
    "zh-CN": `检查的是工作表“${name}”：它的${byName ? "表名" : "标题"}写明截至 ${formatDateZh(listDate)}，是截止日 ${formatDateZh(asOf)} 当日或之前最近的一张。`,
    "en-US": `The sheet checked is "${name}": its ${byName ? "name" : "title"} says it stands at ${formatIsoDate(listDate)}, the latest on or before the as-of date ${formatIsoDate(asOf)}.`,
  };
}

/**
 * The date a sheet's name gives a list (a month-end snapshot per sheet): a whole date (2024-06-30,
 * 20240630, 2024年6月30日), else a year and a month, the month's last day (2024.06, 202406,
 * 2024年6月, 2024年6月末). null for any other name (6月 has no year; 三月 (2) is a copy).
 */
export function sheetNameDate(name: string): DayNumber | null {
  const t = name.normalize("NFKC").replace(/\s+/g, "");
  const m = /(?<!\d)(\d{4})(?:[-./_年](\d{1,2})(?:[-./_月](\d{1,2})日?|月)?|(\d{2})(\d{2})?)(?!\d)/.exec(t);
  if (m === null) return null;
  const y = Number(m[1]);
  const month = Number(m[2] ?? m[4]);
  const day = m[3] ?? m[5];
  if (y < 1950 || y > 2099 || !(month >= 1 && month <= 12)) return null;
  if (day !== undefined) return isValidYmd(y, month, Number(day)) ? fromYmd(y, month, Number(day)) : null;
  return (month === 12 ? fromYmd(y + 1, 1, 1) : fromYmd(y, month + 1, 1)) - 1;
}

function sameLayoutNotRead(chosen: string, names: readonly string[], hint: Hint): Bilingual {
  const q = quoted(names);
  return {
    "zh-CN": `只检查了${hint.chosen["zh-CN"]}工作表“${chosen}”；工作表${q["zh-CN"]}版式相同，未读取。`,
    "en-US":
      names.length === 1
        ? `Only the sheet ${hint.chosen["en-US"]}, "${chosen}", was checked; sheet ${q["en-US"]} has the same layout and was not read.`
        : `Only the sheet ${hint.chosen["en-US"]}, "${chosen}", was checked; sheets ${q["en-US"]} have the same layout and were not read.`,
  };
}

function sameLayoutNotCombined(chosen: string, names: readonly string[], hint: Hint): Bilingual {
  const q = quoted(names);
  return {
    "zh-CN": `只检查了工作表“${chosen}”；工作表${q["zh-CN"]}版式相同，但不像是接续前一期的账页（没有期初余额、上年结转或承前页行，日期不在前一期之后，或名为汇总、副本），可能是副本、汇总或另一时点的余额表，未合并读取（要检查其中一个，${hint.pick["zh-CN"]}）。`,
    "en-US": `Only the sheet "${chosen}" was checked; ${names.length === 1 ? "sheet" : "sheets"} ${q["en-US"]} ${names.length === 1 ? "has" : "have"} the same layout but ${names.length === 1 ? "does" : "do"} not read as the next period (no 期初余额, 上年结转 or 承前页 line, entries not after the period before, or named as a summary or a copy): a copy, a summary or a list at another date, not read together (${hint.pickOne} to check it).`,
  };
}

function otherLayoutNotRead(chosen: string, names: readonly string[], hint: Hint): Bilingual {
  const q = quoted(names);
  return {
    "zh-CN": `工作表${q["zh-CN"]}也像台账，但列与“${chosen}”不同，未读取（要检查它，${hint.pick["zh-CN"]}）。`,
    "en-US":
      names.length === 1
        ? `Sheet ${q["en-US"]} also reads as a ledger but its columns differ from "${chosen}"'s; it was not read (${hint.pick["en-US"]} to check it).`
        : `Sheets ${q["en-US"]} also read as a ledger but their columns differ from "${chosen}"'s; they were not read (${hint.pickOne} to check it).`,
  };
}
