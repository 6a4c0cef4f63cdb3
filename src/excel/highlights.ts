/**
 * Problem cells marked in the ledger with conditional formats the add-in owns (issue 6): a fill
 * over each cell a finding names, never a change to a value or to the user's own formats.
 *
 * A rule is known as ours by its content: its formula carries the add-in's marker
 * (`=ISTEXT("receivablesSteward.highlight:error")`, which is simply TRUE) and its range is one the
 * settings recorded. Never by its id: ConditionalFormat.id is the rule's priority, which moves
 * whenever a rule is added or deleted, so a stored id can name the user's rule a day later. The
 * ranges are recorded before the rules are added, and removed rules go highest position first (a
 * deletion moves only the rules after it), so the add-in removes exactly its own rules again and
 * leaves every rule the user made alone. All of it is ExcelApi 1.6.
 */
import type { Finding, Severity } from "../core/ledger/findings";
import { GatewayError } from "./errors";

const HIGHLIGHT_SETTING = "receivablesSteward.highlights";

/**
 * At most this many rules: beyond a few thousand rules Excel itself slows down. Consecutive cells
 * of one column share a rule, so this covers far more cells; what is left over is said.
 */
const HIGHLIGHT_RULE_LIMIT = 2000;

/** Light fills that keep the text readable: errors rose, warnings amber (notes are not marked). */
export const HIGHLIGHT_FILL: Readonly<Record<Exclude<Severity, "info">, string>> = { error: "#F8CBAD", warning: "#FFE699" };

/** In the formula of each rule the add-in makes: a string literal, which no host rewrites. */
export const HIGHLIGHT_MARKER = "receivablesSteward.highlight";

/** The rule's formula: TRUE for every cell of its range, and recognisably ours. */
function highlightFormula(severity: "error" | "warning"): string {
  return `=ISTEXT("${HIGHLIGHT_MARKER}:${severity}")`;
}

/** What the settings keep: the ledger sheet and the ranges the add-in's rules apply to ("G5:G7"). */
interface Saved {
  sheet: string;
  ranges: string[];
}

export interface HighlightOutcome {
  /** Rules added. */
  rules: number;
  /** Cells marked. */
  cells: number;
  /** Cells with a finding left unmarked because of the rule limit. */
  left: number;
}

const RANK: Readonly<Record<Severity, number>> = { error: 2, warning: 1, info: 0 };

interface Run {
  column: string;
  first: number;
  last: number;
  severity: "error" | "warning";
}

/** The cells to mark, worst severity per cell, as runs of consecutive rows within a column. */
export function highlightRuns(findings: readonly Finding[], sheet: string): Run[] {
  const worst = new Map<string, { column: string; row: number; severity: "error" | "warning" }>();
  for (const f of findings) {
    // A finding about a whole row (no column) is not marked: a fill across the row would hide the cells' own.
    if (f.sheet !== sheet || f.column === "" || f.severity === "info") continue;
    const key = `${f.column}${f.row}`;
    const had = worst.get(key);
    if (had === undefined || RANK[f.severity] > RANK[had.severity]) worst.set(key, { column: f.column, row: f.row, severity: f.severity });
  }
  const cells = [...worst.values()].sort((a, b) => (a.column === b.column ? a.row - b.row : a.column.length - b.column.length || (a.column < b.column ? -1 : 1)));
  const runs: Run[] = [];
  for (const c of cells) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.column === c.column && last.severity === c.severity && last.last === c.row - 1) last.last = c.row;
    else runs.push({ column: c.column, first: c.row, last: c.row, severity: c.severity });
  }
  return runs;
}

function savedOf(item: Excel.Setting): Saved | null {
  if (item.isNullObject) return null;
  const v = item.value as unknown;
  const o = (typeof v === "string" ? JSON.parse(v) : v) as { sheet?: unknown; ranges?: unknown; ids?: unknown } | null;
  if (!o || typeof o.sheet !== "string") return null;
  // An older version kept ids instead (unreliable, see above): its rules are found by their look below.
  return { sheet: o.sheet, ranges: Array.isArray(o.ranges) ? o.ranges.map(String) : [] };
}

const FILLS = new Set<string>(Object.values(HIGHLIGHT_FILL));

/** "Ledger!$G$5:$G$5" → "G5": an address as the settings keep it (Excel gives one cell without ":"). */
function rangeKey(address: string): string {
  const bang = address.lastIndexOf("!");
  const bare = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "").toUpperCase();
  const [a, b] = bare.split(":");
  return b === undefined || a === b ? a : bare;
}

/** Queues the removal of the add-in's rules (the caller syncs); returns how many there were. */
async function queueRemoval(context: Excel.RequestContext): Promise<number> {
  const item = context.workbook.settings.getItemOrNullObject(HIGHLIGHT_SETTING);
  item.load("value");
  await context.sync();
  const saved = savedOf(item);
  if (saved === null) return 0;
  const ws = context.workbook.worksheets.getItemOrNullObject(saved.sheet);
  await context.sync();
  if (ws.isNullObject) {
    item.delete();
    return 0;
  }
  const all = ws.getRange().conditionalFormats;
  all.load("items/type,items/id");
  await context.sync();
  const custom = all.items
    .filter((cf) => cf.type === "Custom")
    .map((cf) => ({ cf, rule: cf.custom.rule.load("formula"), fill: cf.custom.format.fill.load("color"), range: cf.getRange().load("address") }));
  await context.sync();
  const ranges = new Set(saved.ranges.map(rangeKey));
  const ours = custom.filter(({ rule, fill, range }) => {
    const formula = String(rule.formula ?? "");
    if (formula.includes(HIGHLIGHT_MARKER)) return ranges.has(rangeKey(range.address));
    // An older version's rules: "=TRUE" with one of the add-in's fills, over one column.
    return saved.ranges.length === 0 && formula.replace(/\s/g, "").toUpperCase() === "=TRUE" && FILLS.has(String(fill.color).toUpperCase()) && /^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(rangeKey(range.address)) && sameColumn(rangeKey(range.address));
  });
  // Highest position first: deleting a rule moves up only the rules after it.
  ours.sort((a, b) => Number(b.cf.id) - Number(a.cf.id));
  for (const { cf } of ours) cf.delete();
  // The record goes last, so a rule of ours is never left unrecorded.
  item.delete();
  return ours.length;
}

function sameColumn(address: string): boolean {
  const [a, b] = address.split(":");
  return b === undefined || a.replace(/\d+/g, "") === b.replace(/\d+/g, "");
}

/** Removes the add-in's highlight rules; the user's own conditional formats stay. */
export async function removeHighlights(context: Excel.RequestContext): Promise<number> {
  const n = await queueRemoval(context);
  await context.sync();
  return n;
}

/**
 * Marks the findings' cells on `sheet` (the ledger), replacing the add-in's earlier marks. One
 * round trip to add, however many rules (after up to four to find and remove the earlier ones).
 */
export async function addHighlights(context: Excel.RequestContext, sheet: string, findings: readonly Finding[]): Promise<HighlightOutcome> {
  await queueRemoval(context);
  const runs = highlightRuns(findings, sheet);
  const kept = runs.slice(0, HIGHLIGHT_RULE_LIMIT);
  const cellsIn = (list: readonly Run[]) => list.reduce((n, r) => n + r.last - r.first + 1, 0);
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  await context.sync();
  if (ws.isNullObject) {
    throw new GatewayError("ItemNotFound", { "zh-CN": `找不到台账“${sheet}”：它可能已被重命名或删除。`, "en-US": `The ledger "${sheet}" is gone: it may have been renamed or deleted.` });
  }
  // The ranges recorded first, so every rule of ours that exists at any moment is in the settings.
  const ranges = kept.map((r) => (r.first === r.last ? `${r.column}${r.first}` : `${r.column}${r.first}:${r.column}${r.last}`));
  context.workbook.settings.add(HIGHLIGHT_SETTING, JSON.stringify({ sheet, ranges } satisfies Saved));
  kept.forEach((r, k) => {
    const cf = ws.getRange(ranges[k]).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    cf.custom.rule.formula = highlightFormula(r.severity);
    cf.custom.format.fill.color = HIGHLIGHT_FILL[r.severity];
  });
  await context.sync();
  return { rules: kept.length, cells: cellsIn(kept), left: cellsIn(runs) - cellsIn(kept) };
}
