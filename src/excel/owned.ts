/**
 * The add-in's own sheets. The add-in never changes a user's cells: everything it writes goes to
 * sheets it created and registered in the workbook's settings, with a fingerprint of what it
 * wrote, so a re-run can tell its untouched output (replace silently) from output someone has
 * since edited (ask first) and from a user's sheet that happens to have the same name (never
 * touch).
 *
 * A re-run updates a sheet in place: it clears the sheet and writes into it, and the sheet object
 * stays, so the formulas, names and charts a user pointed at it keep working. (Deleting a sheet
 * turns every reference to it into #REF!, and a new sheet renamed into its place does not repair
 * them; renaming a backup would not help either, as references follow a renamed sheet.)
 *
 * An Excel batch is not a transaction: a failure part-way leaves the commands before it applied.
 * So the writes are ordered for every command boundary: each owned sheet holds its old output,
 * its new output, or is visibly marked incomplete. The registry says "incomplete" before anything
 * is touched; a banner goes into A1 before anything is cleared and stays until the header row
 * replaces it, last; the fingerprint replaces "incomplete" after that. The next run rewrites an
 * incomplete sheet without asking. A sheet is never missing, a reference never broken, and a run
 * never blocked by what an earlier one left.
 */
import { columnLetterOf } from "../core/column-letters";
import { applyLook, type LookKey } from "./cell-look";
import { exactCellNumber } from "../core/money";
import { headerFooterText } from "../core/reports/sheet-spec";
import { stringsFor } from "../i18n";
import { GatewayError } from "./errors";
import { canonicalFormula } from "./formula-text";
import { rowsWithin } from "./payload";
import { DEFAULT_REQUEST_BUDGET, readRowsInChunks } from "./read";

export const OWNED_SETTING = "receivablesSteward.ownedSheets";

/** The registry's word for a sheet whose writing was cut off (never a fingerprint, which is 8 hex digits). */
export const INCOMPLETE = "incomplete";

/** What A1 says while the add-in writes a sheet, in both languages: it stays there if the writing is cut off. */
export const INCOMPLETE_BANNER = `${stringsFor("zh-CN").output.incompleteBanner} / ${stringsFor("en-US").output.incompleteBanner}`;

export type ColumnKind = "text" | "money" | "date" | "integer" | "number";

export interface OwnedSheetSpec {
  name: string;
  /** The first row: column headings (with `look`, simply the sheet's first row of cells). */
  header: (string | number | boolean | null)[];
  columns: ColumnKind[];
  /** Cells: text columns take strings (written as text, never as formulas), others numbers or null. */
  rows: (string | number | boolean | null)[][];
  widths?: number[];
  /** Rows after the data (totals), written in bold. */
  footer?: (string | number | boolean | null)[][];
  /** The sheet's own look instead of the table look (column formats, bold first row, one frozen row). */
  look?: OwnedSheetLook;
  /** fingerprint() of header, rows and footer, when the maker already worked it out (the check's worker does, off the UI thread). */
  fingerprint?: string;
  /**
   * The SheetSpec's named looks for a table-look sheet (the audit's sheets, validation-output.ts),
   * as plain data a worker can post: the header row's, each column's for the item rows, each footer
   * row's by column; set in `font`. Without it, the plain table look (a bold, tinted header row).
   */
  looks?: TableLooks;
  /** How a table-look sheet prints: A4 landscape, one page wide, the header row on every page, these words in the page header and footer. */
  print?: PrintHeading;
}

export interface TableLooks {
  font: string;
  header: LookKey;
  body: LookKey[];
  footer: LookKey[][];
}

/** Runs of equal looks along a row: [first column, last column, look]. */
function lookRuns(keys: readonly LookKey[]): [number, number, LookKey][] {
  const out: [number, number, LookKey][] = [];
  keys.forEach((key, c) => {
    const last = out[out.length - 1];
    if (last !== undefined && last[2] === key) last[1] = c;
    else out.push([c, c, key]);
  });
  return out;
}

/** The looks, each on one rectangle: the header row, each run of columns over every item row, each footer row's runs. */
function applyTableLooks(sheet: Excel.Worksheet, looks: TableLooks, rowCount: number, footerRows: number, cols: number): void {
  const block = (key: LookKey, r0: number, r1: number, c0: number, c1: number): void =>
    applyLook(sheet.getRange(blockAddress(r0, c0, r1 - r0 + 1, c1 - c0 + 1)), { key, r0, c0, r1, c1 }, looks.font);
  block(looks.header, 0, 0, 0, cols - 1);
  const items = rowCount - 1 - footerRows;
  if (items > 0) for (const [c0, c1, key] of lookRuns(looks.body.slice(0, cols))) block(key, 1, items, c0, c1);
  looks.footer.slice(0, footerRows).forEach((keys, k) => {
    const r = rowCount - footerRows + k;
    for (const [c0, c1, key] of lookRuns(keys.slice(0, cols))) block(key, r, r, c0, c1);
  });
}

/** What a printed page of an output sheet says about itself. */
interface PrintHeading {
  /** Centre of the page header: what the sheet is ("应收账款检查发现"). */
  title: string;
  /** Left of the footer: the as-of date and the source ("基准日：2011年8月31日", then the ledger's name). */
  meta: string;
  /** Right of the footer: "第 &P 页，共 &N 页" (Excel's page codes). */
  pages: string;
}

/** Text for a header or footer (kept with SheetSpec, which the headless writer shares). */
export { headerFooterText };

/**
 * A sheet that draws itself (a report): both steps only queue commands on the sheet (cleared, and
 * marked incomplete); owned.ts syncs. `beforeValues` lands in the round trip before the first
 * value, so number formats ("@" for text) are in place when the values arrive; `afterValues` is
 * queued in the last batch, before the header row replaces the banner, so a failure there leaves
 * the sheet marked incomplete.
 */
interface OwnedSheetLook {
  beforeValues(sheet: Excel.Worksheet): void;
  afterValues(sheet: Excel.Worksheet): void;
}

/** "incomplete": ours, and an earlier run was cut off while writing it: rewritten without asking. */
type OwnedState = "absent" | "unchanged" | "edited" | "foreign" | "incomplete";

const NUMBER_FORMAT: Record<ColumnKind, string> = {
  text: "@",
  money: "#,##0.00",
  date: "yyyy-mm-dd",
  integer: "0",
  number: "General",
};

/**
 * FNV-1a over the cells as Excel gives their formulas back (a constant's value; blank → ""), to
 * notice a user's edits. A formula calling the add-in's functions counts in its canonical
 * spelling (formula-text.ts), so the host's own spelling of it is not taken for an edit. Fed a
 * block of rows at a time (a large sheet is read back in chunks), it gives the digest one pass
 * over all the rows would.
 */
class Fingerprinter {
  private h = 0x811c9dc5;

  add(values: readonly (readonly unknown[])[]): this {
    let h = this.h;
    for (const row of values) {
      for (const v of row) {
        const s = v === null || v === undefined ? "" : typeof v === "string" && v.startsWith("=") ? canonicalFormula(v) : String(v);
        for (let i = 0; i < s.length; i++) {
          h ^= s.charCodeAt(i);
          h = Math.imul(h, 0x01000193) >>> 0;
        }
        h ^= 0x1f; // cell separator
        h = Math.imul(h, 0x01000193) >>> 0;
      }
      h ^= 0x1e; // row separator
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    this.h = h;
    return this;
  }

  digest(): string {
    return this.h.toString(16).padStart(8, "0");
  }
}

export function fingerprint(values: readonly (readonly unknown[])[]): string {
  return new Fingerprinter().add(values).digest();
}

export function a1(rowIndex: number, columnIndex: number): string {
  return `${columnLetterOf(columnIndex + 1)}${rowIndex + 1}`;
}

export function blockAddress(rowIndex: number, columnIndex: number, rows: number, cols: number): string {
  return `${a1(rowIndex, columnIndex)}:${a1(rowIndex + rows - 1, columnIndex + cols - 1)}`;
}

/** Queues the registry's load; read it with registryOf after the caller's next sync. */
function queueRegistry(context: Excel.RequestContext): Excel.Setting {
  const item = context.workbook.settings.getItemOrNullObject(OWNED_SETTING);
  item.load("value");
  return item;
}

function registryOf(item: Excel.Setting): Record<string, string> {
  if (item.isNullObject) return {};
  const v = item.value as unknown;
  const parsed = typeof v === "string" ? (JSON.parse(v) as unknown) : v;
  return parsed && typeof parsed === "object" ? (parsed as Record<string, string>) : {};
}

/** The names of the sheets the add-in made (its registry), whatever became of them since. */
export async function ownedSheetNames(context: Excel.RequestContext): Promise<string[]> {
  const item = queueRegistry(context);
  await context.sync();
  return Object.keys(registryOf(item));
}

/**
 * What a re-run would replace: for each name, whether it is ours and untouched. Each of our sheets
 * is read back to fingerprint it, in chunks that keep every response under the payload limit (a
 * results sheet of 100,000 rows is tens of megabytes as JSON); a chunk refused as too large is
 * halved and read again.
 */
export async function ownedStates(context: Excel.RequestContext, names: string[], maxResponseBytes = DEFAULT_REQUEST_BUDGET): Promise<Record<string, OwnedState>> {
  const registryItem = queueRegistry(context);
  const sheets = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
  await context.sync();
  const registry = registryOf(registryItem);
  const readBack = (i: number): boolean => !sheets[i].isNullObject && names[i] in registry && registry[names[i]] !== INCOMPLETE;
  const used = sheets.map((s, i) => (readBack(i) ? s.getUsedRangeOrNullObject(true) : null));
  used.forEach((u) => u?.load("rowCount,columnCount"));
  await context.sync();
  const out: Record<string, OwnedState> = {};
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const u = used[i];
    if (sheets[i].isNullObject) out[name] = "absent";
    else if (!(name in registry)) out[name] = "foreign";
    else if (!u) out[name] = "incomplete";
    else {
      // Formulas, not values: a formula the add-in wrote fingerprints as written, whatever it computes to now.
      const digest = new Fingerprinter();
      if (!u.isNullObject) await readRowsInChunks(context, u, u.rowCount, u.columnCount, "formulas", maxResponseBytes, (_, formulas) => void digest.add(formulas));
      out[name] = digest.digest() === registry[name] ? "unchanged" : "edited";
    }
  }
  return out;
}

export interface WriteOptions {
  maxRequestBytes?: number;
  /** Awaited after each chunk's sync (the pane yields to the UI here). */
  afterEachChunk?: () => Promise<void>;
  onProgress?: (rowsWritten: number, totalRows: number) => void;
  signal?: { readonly aborted: boolean };
  /**
   * Queues more commands in the last batch (the notices' collection-log rows), before the header
   * rows that complete the sheets: when an earlier round trip fails they are not sent at all.
   */
  inFinalBatch?: () => void;
  /** Awaited before the last batch is queued (it may sync): the caller's last look before inFinalBatch. */
  beforeFinalBatch?: () => Promise<void>;
}

/** The cells exactly as written, for the fingerprint (Excel gives numbers back as numbers, text as text). */
export function allRows(spec: OwnedSheetSpec): (string | number | boolean | null)[][] {
  return [spec.header, ...spec.rows, ...(spec.footer ?? [])];
}

/** An exact decimal ("19999999999999.98") that a number cell would round: more than 15 significant digits. */
function beyondCellDigits(text: string): boolean {
  return /^-?\d+(?:\.\d+)?$/.test(text) && exactCellNumber(text) === null;
}

/** What an older version named its temporary sheet (it wrote a new sheet and swapped it in). */
function legacyTempName(name: string): string {
  return `${name.slice(0, 26)}~new`;
}

function protectedSheet(name: string): GatewayError {
  return new GatewayError("AccessDenied", {
    "zh-CN": `工作表“${name}”受保护，加载项无法更新它。请取消保护后重试；工作簿未作任何更改。`,
    "en-US": `The sheet "${name}" is protected, so the add-in cannot update it. Unprotect it and try again; nothing in the workbook was changed.`,
  });
}

function cancelledWhileWriting(names: readonly string[]): GatewayError {
  const list = names.map((n) => `“${n}”`).join("、");
  return new GatewayError("Cancelled", {
    "zh-CN": `已取消。${list} 已标为“未写完”，下次运行会在原处写好；其他内容未作更改。`,
    "en-US": `Cancelled. ${names.map((n) => `"${n}"`).join(", ")} ${names.length === 1 ? "is" : "are"} marked incomplete and the next run completes ${names.length === 1 ? "it" : "them"} in place; nothing else was changed.`,
  });
}

/**
 * Writes (or rewrites in place) the add-in's sheets. The caller has checked ownedStates: this
 * rewrites "absent", "unchanged", "incomplete" and (after the user agreed) "edited" sheets, and
 * refuses a "foreign" one by design (a user's sheet of the same name is never touched), and a
 * protected one, before anything is changed. See the module comment for the order of the writes.
 */
export async function writeOwnedSheets(context: Excel.RequestContext, specs: OwnedSheetSpec[], options: WriteOptions = {}): Promise<void> {
  const budget = options.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET;
  const registryItem = queueRegistry(context);
  const plans = specs.map((spec) => ({
    spec,
    rows: allRows(spec),
    existing: context.workbook.worksheets.getItemOrNullObject(spec.name),
    legacy: context.workbook.worksheets.getItemOrNullObject(legacyTempName(spec.name)),
  }));
  await context.sync();
  const registry = registryOf(registryItem);
  for (const p of plans) {
    if (!p.existing.isNullObject && !(p.spec.name in registry)) {
      throw new GatewayError("ForeignSheet", {
        "zh-CN": `工作表“${p.spec.name}”不是本加载项创建的，不会被覆盖。请将其重命名后再运行。`,
        "en-US": `The sheet "${p.spec.name}" was not made by the add-in and will not be overwritten. Rename it and run again.`,
      });
    }
  }
  // The sheets there already: refused if protected (before anything changes); their charts, to remove.
  const present = plans.filter((p) => !p.existing.isNullObject);
  const charts = present.map((p) => {
    p.existing.protection.load("protected");
    return p.existing.charts.load("items/name");
  });
  if (present.length > 0) await context.sync();
  const locked = present.find((p) => p.existing.protection.protected);
  if (locked) throw protectedSheet(locked.spec.name);

  // Marked incomplete, in the registry first and then on each sheet, before anything is cleared.
  for (const p of plans) registry[p.spec.name] = INCOMPLETE;
  context.workbook.settings.add(OWNED_SETTING, JSON.stringify(registry));
  const sheets = plans.map((p) => {
    if (!p.legacy.isNullObject) p.legacy.delete(); // an older version's temporary sheet, left by a run that was cut off
    const fresh = p.existing.isNullObject;
    const sheet = fresh ? context.workbook.worksheets.add(p.spec.name) : p.existing;
    sheet.getRange("A1").values = [[INCOMPLETE_BANNER]];
    if (!fresh) {
      // Cleared around the banner: values, formats, merges, the add-in's conditional formats and charts, frozen panes.
      sheet.getRange("B1:XFD1").clear();
      sheet.getRange("2:1048576").clear();
      sheet.getRange().unmerge();
      sheet.getRange().conditionalFormats.clearAll();
      for (const chart of charts[present.indexOf(p)].items) chart.delete();
      sheet.freezePanes.unfreeze();
    }
    return sheet;
  });
  const names = plans.map((p) => p.spec.name);

  const total = plans.reduce((n, p) => n + p.rows.length, 0);
  let written = 0;
  for (let k = 0; k < plans.length; k++) {
    const { spec, rows } = plans[k];
    const sheet = sheets[k];
    const cols = spec.header.length;
    if (spec.look) spec.look.beforeValues(sheet);
    else {
      const head = sheet.getRange(blockAddress(0, 0, 1, cols));
      head.numberFormat = "@" as unknown as string[][];
      if (spec.looks) applyTableLooks(sheet, spec.looks, rows.length, spec.footer?.length ?? 0, cols);
      else {
        head.format.font.bold = true;
        head.format.fill.color = "#E8F1FB";
      }
      sheet.freezePanes.freezeRows(1);
    }
    // The marks and formats in their own round trip, so the first chunk of a large sheet's values is
    // not held up by them; a sheet whose rows go in one chunk takes them with that chunk (or with the
    // final batch, if it has no rows): one round trip fewer, the same commands in the same order.
    if (rows.length > 1 && 1 + rowsWithin(rows, 1, budget) < rows.length) {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- once per large output sheet, not per row
      await context.sync();
      options.onProgress?.(written, total);
      await options.afterEachChunk?.();
    }
    // The data rows now, each chunk measured to fit the budget; the header row (row 0, where the banner is) goes last.
    for (let start = 1; start < rows.length; ) {
      if (options.signal?.aborted) throw cancelledWhileWriting(names);
      const count = rowsWithin(rows, start, budget);
      if (!spec.look) {
        // Each chunk's formats in its own request, just before its values, so text lands as text
        // (a value starting with "=" stays a string) and money shows to the cent. A single value
        // (not an array) applies to every cell of the range, as Range.numberFormat documents; the
        // range is bounded (Excel refuses cell properties on whole columns).
        spec.columns.forEach((kind, c) => {
          sheet.getRange(blockAddress(start, c, count, 1)).numberFormat = NUMBER_FORMAT[kind] as unknown as string[][];
          if (kind !== "money") return;
          // An amount no number cell holds exactly (a total beyond 15 digits) comes as its exact
          // text: that cell alone is text, else Excel would parse it into a number and drop digits.
          for (let r = start; r < start + count; r++) {
            const v = rows[r][c];
            if (typeof v === "string" && beyondCellDigits(v)) sheet.getRange(a1(r, c)).numberFormat = [["@"]];
          }
        });
      }
      sheet.getRange(blockAddress(start, 0, count, cols)).values = rows.slice(start, start + count) as (string | number | boolean)[][];
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of ~2 MB, never per row: the payload limit forces chunks
      await context.sync();
      start += count;
      written += count;
      options.onProgress?.(written, total);
      await options.afterEachChunk?.();
    }
  }
  if (options.signal?.aborted) throw cancelledWhileWriting(names);
  await options.beforeFinalBatch?.();
  // The last batch: the caller's commands (the collection log's rows), then each sheet's finish and,
  // last for each, its header row over the banner; then the fingerprints replace "incomplete".
  options.inFinalBatch?.();
  plans.forEach((p, k) => {
    const { spec, rows } = p;
    const sheet = sheets[k];
    const cols = spec.header.length;
    if (spec.footer && spec.footer.length > 0 && !spec.looks) {
      sheet.getRange(blockAddress(rows.length - spec.footer.length, 0, spec.footer.length, cols)).format.font.bold = true;
    }
    spec.widths?.forEach((w, c) => {
      sheet.getRange(blockAddress(0, c, 1, 1)).format.columnWidth = w;
    });
    spec.look?.afterValues(sheet);
    if (spec.print) {
      // A4 landscape, one page wide, the header row repeated (ExcelApi 1.9, the manifest's minimum).
      const layout = sheet.pageLayout;
      layout.paperSize = "A4" as Excel.PaperType;
      layout.orientation = "Landscape" as Excel.PageOrientation;
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintTitleRows("$1:$1");
      const hf = layout.headersFooters.defaultForAllPages;
      hf.centerHeader = `&B${headerFooterText(spec.print.title)}&B`;
      hf.leftFooter = headerFooterText(spec.print.meta);
      hf.rightFooter = spec.print.pages;
    }
    // A1 always gets a value (a blank one clears the banner); other blanks leave the cleared cells alone.
    sheet.getRange(blockAddress(0, 0, 1, cols)).values = [spec.header.map((v, c) => (c === 0 && v === null ? "" : v))] as (string | number | boolean)[][];
    registry[spec.name] = spec.fingerprint ?? fingerprint(p.rows);
  });
  written += plans.length;
  context.workbook.settings.add(OWNED_SETTING, JSON.stringify(registry));
  await context.sync();
  options.onProgress?.(Math.min(written, total), total);
}
