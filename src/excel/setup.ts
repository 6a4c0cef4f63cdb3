/**
 * What a workbook remembers about its ledger, so the next person who opens the file gets the same
 * setup: the chosen ledger, the column mapping and the as-of date live in the workbook's settings
 * (which belong to this file and this add-in); the policy lives on a visible sheet people can read
 * and edit (two columns, key and value: core/policy/serialize's table).
 */
import { DEFAULT_POLICY } from "../core/policy/defaults";
import type { Lang } from "../core/errors";
import { policySheetRows } from "../core/policy/notes";
import { policyFromTable } from "../core/policy/serialize";
import type { Policy } from "../core/policy/types";
import type { LedgerSource } from "./read";
import { blockAddress } from "./owned";

export const SETUP_SETTING = "receivablesSteward.setup";
export const POLICY_SHEET_SETTING = "receivablesSteward.policySheet";

export interface WorkbookSetup {
  version: 1;
  ledger: LedgerSource | null;
  /** Field → column (0-based index within the ledger block, letter or header text); overrides detection. */
  mapping: Record<string, number | string>;
  /** ISO date, e.g. "2011-08-31". */
  asOf: string | null;
  /** The names the add-in's output sheets were given on the first run (they keep them). */
  sheets?: { results: string; findings: string };
}

export const EMPTY_SETUP: WorkbookSetup = { version: 1, ledger: null, mapping: {}, asOf: null };

function parseSetup(v: unknown): WorkbookSetup {
  const o = (typeof v === "string" ? (JSON.parse(v) as unknown) : v) as Partial<WorkbookSetup> | null;
  if (!o || typeof o !== "object" || o.version !== 1) return EMPTY_SETUP;
  return { version: 1, ledger: o.ledger ?? null, mapping: o.mapping ?? {}, asOf: o.asOf ?? null, ...(o.sheets ? { sheets: o.sheets } : {}) };
}

export async function loadSetup(context: Excel.RequestContext): Promise<WorkbookSetup> {
  const item = context.workbook.settings.getItemOrNullObject(SETUP_SETTING);
  item.load("value");
  await context.sync();
  return item.isNullObject ? EMPTY_SETUP : parseSetup(item.value);
}

/** Queues the save; the caller's next sync writes it. */
export function saveSetup(context: Excel.RequestContext, setup: WorkbookSetup): void {
  context.workbook.settings.add(SETUP_SETTING, JSON.stringify(setup));
}

/**
 * The policy sheet's values, or null when the workbook has none. The sheet is the user's to edit;
 * policyFromTable says which row is wrong when it does not read.
 */
export async function readPolicy(context: Excel.RequestContext): Promise<{ policy: Policy; sheet: string | null }> {
  const nameItem = context.workbook.settings.getItemOrNullObject(POLICY_SHEET_SETTING);
  nameItem.load("value");
  await context.sync();
  if (nameItem.isNullObject) return { policy: DEFAULT_POLICY, sheet: null };
  const name = String(nameItem.value);
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  await context.sync();
  if (sheet.isNullObject) return { policy: DEFAULT_POLICY, sheet: null };
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  return { policy: used.isNullObject ? DEFAULT_POLICY : policyFromTable(used.values), sheet: name };
}

/**
 * Queues the visible policy sheet's creation from a policy (the caller's next sync writes it).
 * Call only when readPolicy found none: it never overwrites a policy sheet.
 */
export function queuePolicySheet(context: Excel.RequestContext, name: string, header: readonly string[], policy: Policy = DEFAULT_POLICY, lang: Lang = "zh-CN"): void {
  // Key, value and (with a third header) the source of each field beside it (core/policy/notes).
  const width = header.length >= 3 ? 3 : 2;
  const rows: string[][] = [header.slice(0, width), ...policySheetRows(policy, lang).map((r) => r.slice(0, width))];
  const sheet = context.workbook.worksheets.add(name);
  const range = sheet.getRange(blockAddress(0, 0, rows.length, width));
  range.numberFormat = rows.map((r) => r.map(() => "@")); // keys and values as text: "0.05" stays "0.05"
  range.values = rows;
  sheet.getRange(blockAddress(0, 0, 1, width)).format.font.bold = true;
  sheet.getRange("A:A").format.columnWidth = 260;
  sheet.getRange("B:B").format.columnWidth = 200;
  if (width === 3) sheet.getRange("C:C").format.columnWidth = 520;
  sheet.freezePanes.freezeRows(1);
  context.workbook.settings.add(POLICY_SHEET_SETTING, name);
}

/** Creates the visible policy sheet from a policy when the workbook has none; never overwrites one. */
export async function ensurePolicySheet(context: Excel.RequestContext, name: string, header: readonly string[], policy: Policy = DEFAULT_POLICY, lang: Lang = "zh-CN"): Promise<string> {
  const existing = await readPolicy(context);
  if (existing.sheet !== null) return existing.sheet;
  queuePolicySheet(context, name, header, policy, lang);
  await context.sync();
  return name;
}

/** Selects a cell (a finding's link). */
export async function selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}
