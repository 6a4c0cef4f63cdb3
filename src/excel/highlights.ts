/**
 * Problem cells marked in the ledger with conditional formats the add-in owns (issue 6): a fill
 * over each cell a finding names, never a change to a value or to the user's own formats. Each
 * rule's id is kept in the workbook's settings, so the add-in removes exactly its own rules again
 * (and before it adds new ones) and leaves every rule the user made alone.
 */
import type { Finding, Severity } from "../core/ledger/findings";
import { GatewayError } from "./errors";

export const HIGHLIGHT_SETTING = "receivablesSteward.highlights";

/**
 * At most this many rules: beyond a few thousand rules Excel itself slows down. Consecutive cells
 * of one column share a rule, so this covers far more cells; what is left over is said.
 */
export const HIGHLIGHT_RULE_LIMIT = 2000;

/** Light fills that keep the text readable: errors rose, warnings amber (notes are not marked). */
export const HIGHLIGHT_FILL: Readonly<Record<Exclude<Severity, "info">, string>> = { error: "#F8CBAD", warning: "#FFE699" };

interface Saved {
  sheet: string;
  ids: string[];
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
  const o = (typeof v === "string" ? JSON.parse(v) : v) as Saved | null;
  return o && typeof o.sheet === "string" && Array.isArray(o.ids) ? o : null;
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
  if (!ws.isNullObject) {
    const all = ws.getRange().conditionalFormats;
    // By id: a rule the user deleted or made is never touched.
    for (const id of saved.ids) all.getItemOrNullObject(id).delete();
  }
  item.delete();
  return saved.ids.length;
}

/** Removes the add-in's highlight rules; the user's own conditional formats stay. */
export async function removeHighlights(context: Excel.RequestContext): Promise<number> {
  const n = await queueRemoval(context);
  await context.sync();
  return n;
}

/**
 * Marks the findings' cells on `sheet` (the ledger), replacing the add-in's earlier marks. Two
 * round trips to add, however many rules.
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
  const added = kept.map((r) => {
    const cf = ws.getRange(`${r.column}${r.first}:${r.column}${r.last}`).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    cf.custom.rule.formula = "=TRUE";
    cf.custom.format.fill.color = HIGHLIGHT_FILL[r.severity];
    cf.load("id");
    return cf;
  });
  await context.sync();
  context.workbook.settings.add(HIGHLIGHT_SETTING, JSON.stringify({ sheet, ids: added.map((cf) => cf.id) } satisfies Saved));
  await context.sync();
  return { rules: added.length, cells: cellsIn(kept), left: cellsIn(runs) - cellsIn(kept) };
}
