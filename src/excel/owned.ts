/**
 * The add-in's own sheets. The add-in never changes a user's cells: everything it writes goes to
 * sheets it created and registered in the workbook's settings, with a fingerprint of what it
 * wrote, so a re-run can tell its untouched output (replace silently) from output someone has
 * since edited (ask first) and from a user's sheet that happens to have the same name (never
 * touch). A sheet is replaced atomically from the user's point of view: the new one is written
 * under a temporary name and swapped in only when every chunk has landed; a failure deletes the
 * temporary sheet and leaves the old one as it was.
 */
import { columnLetterOf } from "../core/ledger/mapping";
import { cancelled, GatewayError } from "./errors";
import { DEFAULT_REQUEST_BUDGET } from "./read";

export const OWNED_SETTING = "receivablesSteward.ownedSheets";

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
}

/**
 * A sheet that draws itself (a report): both steps only queue commands on the new, still
 * temporary sheet; owned.ts syncs. `beforeValues` lands in the round trip before the first value,
 * so number formats ("@" for text) are in place when the values arrive; `afterValues` is queued
 * after the sheet's last value and before the swap, so a failure there leaves the workbook as it
 * was too.
 */
export interface OwnedSheetLook {
  beforeValues(sheet: Excel.Worksheet): void;
  afterValues(sheet: Excel.Worksheet): void;
}

export type OwnedState = "absent" | "unchanged" | "edited" | "foreign";

const NUMBER_FORMAT: Record<ColumnKind, string> = {
  text: "@",
  money: "#,##0.00",
  date: "yyyy-mm-dd",
  integer: "0",
  number: "General",
};

/**
 * FNV-1a over the cells as Excel gives their formulas back (a constant's value; blank → ""), to
 * notice a user's edits. Fed a block of rows at a time (a large sheet is read back in chunks), it
 * gives the digest one pass over all the rows would.
 */
export class Fingerprinter {
  private h = 0x811c9dc5;

  add(values: readonly (readonly unknown[])[]): this {
    let h = this.h;
    for (const row of values) {
      for (const v of row) {
        const s = v === null || v === undefined ? "" : String(v);
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

/** The UTF-8 size of values as JSON, as the payload limit counts them. */
function utf8Bytes(values: unknown[][]): number {
  return new TextEncoder().encode(JSON.stringify(values)).length;
}

/** Rows read back at first, to size the chunks that follow. */
const SAMPLE_ROWS = 64;

/**
 * What a re-run would replace: for each name, whether it is ours and untouched. Each of our sheets
 * is read back to fingerprint it, in chunks that keep every response under the payload limit (a
 * results sheet of 100,000 rows is tens of megabytes as JSON).
 */
export async function ownedStates(context: Excel.RequestContext, names: string[], maxResponseBytes = DEFAULT_REQUEST_BUDGET): Promise<Record<string, OwnedState>> {
  const registryItem = queueRegistry(context);
  const sheets = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
  await context.sync();
  const registry = registryOf(registryItem);
  const used = sheets.map((s, i) => (s.isNullObject || !(names[i]! in registry) ? null : s.getUsedRangeOrNullObject(true)));
  used.forEach((u) => u?.load("rowCount,columnCount"));
  await context.sync();
  const out: Record<string, OwnedState> = {};
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const u = used[i];
    if (sheets[i]!.isNullObject) out[name] = "absent";
    else if (!u) out[name] = "foreign";
    else {
      // Formulas, not values: a formula the add-in wrote fingerprints as written, whatever it computes to now.
      const digest = new Fingerprinter();
      if (!u.isNullObject) {
        let start = 0;
        let chunk = Math.min(SAMPLE_ROWS, u.rowCount);
        while (start < u.rowCount) {
          const block = u.getCell(start, 0).getResizedRange(chunk - 1, u.columnCount - 1);
          block.load("formulas");
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of ~2 MB, never per row: the payload limit forces chunks
          await context.sync();
          const formulas: unknown[][] = block.formulas;
          digest.add(formulas);
          if (start === 0) {
            // The sample's UTF-8 size (a Chinese character is 3 bytes), with room to spare below.
            const bytesPerRow = Math.max(16, utf8Bytes(formulas) / chunk);
            start = chunk;
            chunk = Math.max(1, Math.floor(maxResponseBytes / (2 * bytesPerRow)));
          } else start += chunk;
          chunk = Math.min(chunk, u.rowCount - start);
        }
      }
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
   * Queues more commands in the last batch, the one that swaps the new sheets in (the notices'
   * collection-log rows): they land with the sheets, or, when an earlier round trip fails, not at all.
   */
  inFinalBatch?: () => void;
  /** Awaited before the last batch is queued (it may sync): the caller's last look before inFinalBatch. */
  beforeFinalBatch?: () => Promise<void>;
}

/** The cells exactly as written, for the fingerprint (Excel gives numbers back as numbers, text as text). */
export function allRows(spec: OwnedSheetSpec): (string | number | boolean | null)[][] {
  return [spec.header, ...spec.rows, ...(spec.footer ?? [])];
}

/**
 * Writes (or replaces) the add-in's sheets, all or none. The caller has checked ownedStates: this
 * replaces "absent", "unchanged" and (after the user agreed) "edited" sheets, and refuses a
 * "foreign" one by design (a user's sheet of the same name is never touched). Every sheet is
 * first written in full under a temporary name; only then, in one last batch, do the new sheets
 * take the old ones' names and places. A failure before that deletes the temporary sheets, so the
 * workbook is as it was.
 */
export async function writeOwnedSheets(context: Excel.RequestContext, specs: OwnedSheetSpec[], options: WriteOptions = {}): Promise<void> {
  const budget = options.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET;
  const registryItem = queueRegistry(context);
  const plans = specs.map((spec) => {
    const tempName = `${spec.name.slice(0, 26)}~new`;
    const existing = context.workbook.worksheets.getItemOrNullObject(spec.name);
    existing.load("position");
    const leftover = context.workbook.worksheets.getItemOrNullObject(tempName);
    return { spec, tempName, existing, leftover, rows: allRows(spec) };
  });
  await context.sync();
  const registry = registryOf(registryItem);
  for (const p of plans) {
    if (!p.existing.isNullObject && !(p.spec.name in registry)) {
      throw new GatewayError("ForeignSheet", {
        "zh-CN": `工作表“${p.spec.name}”不是本加载项创建的，不会被覆盖。请将其重命名后再运行。`,
        "en-US": `The sheet "${p.spec.name}" was not made by the add-in and will not be overwritten. Rename it and run again.`,
      });
    }
    if (!p.leftover.isNullObject) p.leftover.delete(); // from an earlier run that was cut off
  }

  const total = plans.reduce((n, p) => n + p.rows.length, 0);
  let written = 0;
  const created: string[] = [];
  try {
    for (const p of plans) {
      const { spec, rows } = p;
      const cols = spec.header.length;
      const sheet = context.workbook.worksheets.add(p.tempName);
      created.push(p.tempName);
      if (spec.look) spec.look.beforeValues(sheet);
      else {
        const head = sheet.getRange(blockAddress(0, 0, 1, cols));
        head.numberFormat = "@" as unknown as string[][];
        head.format.font.bold = true;
        head.format.fill.color = "#E8F1FB";
        sheet.freezePanes.freezeRows(1);
      }
      // The sheet and its formats in their own round trip, so the first chunk of values is not held up by them.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- once per output sheet (two), not per row
      await context.sync();
      options.onProgress?.(written, total);
      await options.afterEachChunk?.();
      const bytesPerRow = Math.max(64, JSON.stringify(rows.slice(0, 64)).length / Math.min(64, rows.length));
      const chunk = Math.max(1, Math.floor(budget / (2 * bytesPerRow)));
      for (let start = 0; start < rows.length; ) {
        if (options.signal?.aborted) throw cancelled();
        const count = Math.min(chunk, rows.length - start);
        if (!spec.look) {
          // Each chunk's formats in its own request, just before its values, so text lands as text
          // (a value starting with "=" stays a string) and money shows to the cent. A single value
          // (not an array) applies to every cell of the range, as Range.numberFormat documents; the
          // range is bounded (Excel refuses cell properties on whole columns), and the header row
          // has its own format from the first round trip.
          const first = Math.max(start, 1);
          const dataRows = start + count - first;
          if (dataRows > 0) {
            spec.columns.forEach((kind, c) => {
              sheet.getRange(blockAddress(first, c, dataRows, 1)).numberFormat = NUMBER_FORMAT[kind] as unknown as string[][];
            });
          }
        }
        sheet.getRange(blockAddress(start, 0, count, cols)).values = rows.slice(start, start + count) as (string | number | boolean)[][];
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of ~4 MB, never per row: the payload limit forces chunks
        await context.sync();
        start += count;
        written += count;
        options.onProgress?.(written, total);
        await options.afterEachChunk?.();
      }
      if (spec.footer && spec.footer.length > 0) {
        sheet.getRange(blockAddress(rows.length - spec.footer.length, 0, spec.footer.length, cols)).format.font.bold = true;
      }
      spec.widths?.forEach((w, c) => {
        sheet.getRange(blockAddress(0, c, 1, 1)).format.columnWidth = w;
      });
      spec.look?.afterValues(sheet);
    }
    await options.beforeFinalBatch?.();
    // The caller's last commands first (the collection log's rows): if Excel refuses them, the
    // swap has not happened and the temporary sheets are dropped below.
    options.inFinalBatch?.();
    // The swap, in one batch: the new sheets take the old ones' places and names.
    for (const p of plans) {
      const fresh = context.workbook.worksheets.getItem(p.tempName);
      if (!p.existing.isNullObject) {
        fresh.position = p.existing.position;
        p.existing.delete();
      }
      fresh.name = p.spec.name;
      registry[p.spec.name] = p.spec.fingerprint ?? fingerprint(p.rows);
    }
    context.workbook.settings.add(OWNED_SETTING, JSON.stringify(registry));
    await context.sync();
  } catch (e) {
    // Leave the workbook as it was: drop the temporary sheets, keep the old ones.
    try {
      for (const name of created) context.workbook.worksheets.getItemOrNullObject(name).delete();
      await context.sync();
    } catch {
      // Best effort: a temporary sheet that was never created has nothing to undo.
    }
    throw e;
  }
}
