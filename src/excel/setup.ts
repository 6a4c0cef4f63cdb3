/**
 * What a workbook remembers about its ledger, so the next person who opens the file gets the same
 * setup: the chosen ledger, the column mapping and the as-of date live in the workbook's settings
 * (which belong to this file and this add-in); the policy lives on a visible sheet people can read
 * and edit (two columns, key and value: core/policy/serialize's table), created once and then the
 * company's: runs read it and never rewrite it.
 */
import { DEFAULT_POLICY } from "../core/policy/defaults";
import type { Lang } from "../i18n/bilingual";
import { policySheetRows } from "../core/policy/notes";
import { policyFromTable } from "../core/policy/serialize";
import type { Policy } from "../core/policy/types";
import { stringsFor } from "../i18n";
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
  sheets?: { results: string; findings: string; history?: string };
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

/** The names the add-in gives its policy sheet, in either language: how a run recognises one the settings lost. */
const POLICY_SHEET_NAMES: readonly string[] = (["zh-CN", "en-US"] as const).map((l) => stringsFor(l).output.policySheet);
const POLICY_HEADERS: readonly string[] = (["zh-CN", "en-US"] as const).map((l) => stringsFor(l).output.policyHeader.slice(0, 2).join("\u0000"));

interface PolicyReading {
  policy: Policy;
  /** The policy sheet, or null when the workbook has none (yet). */
  sheet: string | null;
  /**
   * What a run still has to do for the sheet: "register" one found by its name and its header
   * but missing from the settings (an earlier run was cut off between creating and recording it),
   * "fill" one that is still empty (cut off before its values), or nothing.
   */
  pending: "register" | "fill" | null;
  /** Sheets with a policy sheet's name that are someone else's (not a policy table): a new one is named around them. */
  foreign: string[];
}

function isPolicyTable(values: readonly (readonly unknown[])[]): boolean {
  const head = values[0];
  return head !== undefined && POLICY_HEADERS.includes(`${String(head[0] ?? "").trim()}\u0000${String(head[1] ?? "").trim()}`);
}

/**
 * The policy in force and where it lives. The policy sheet is created once and then belongs to
 * the company: runs read it and never rewrite it. The settings name it; when they do not (a run
 * was cut off, or an older version's was), a sheet with the add-in's policy-sheet name is
 * recognised by its header. policyFromTable says which row is wrong when one does not read.
 */
export async function readPolicy(context: Excel.RequestContext): Promise<PolicyReading> {
  const nameItem = context.workbook.settings.getItemOrNullObject(POLICY_SHEET_SETTING);
  nameItem.load("value");
  const byName = POLICY_SHEET_NAMES.map((n) => ({ name: n, sheet: context.workbook.worksheets.getItemOrNullObject(n) }));
  await context.sync();
  const registered = nameItem.isNullObject ? null : String(nameItem.value);
  const registeredSheet = registered === null ? null : context.workbook.worksheets.getItemOrNullObject(registered);
  const candidates = [
    ...(registered === null ? [] : [{ name: registered, sheet: registeredSheet!, known: true }]),
    ...byName.filter((c) => !c.sheet.isNullObject && c.name.toLowerCase() !== registered?.toLowerCase()).map((c) => ({ ...c, known: false })),
  ];
  if (registeredSheet) await context.sync();
  const present = candidates.filter((c) => !c.sheet.isNullObject);
  const used = present.map((c) => {
    const u = c.sheet.getUsedRangeOrNullObject(true);
    u.load("values");
    return u;
  });
  if (present.length > 0) await context.sync();
  const foreign: string[] = [];
  for (let i = 0; i < present.length; i++) {
    const c = present[i];
    const u = used[i];
    if (u.isNullObject) return { policy: DEFAULT_POLICY, sheet: c.name, pending: "fill", foreign };
    if (c.known) return { policy: policyFromTable(u.values), sheet: c.name, pending: null, foreign };
    if (isPolicyTable(u.values)) return { policy: policyFromTable(u.values), sheet: c.name, pending: "register", foreign };
    foreign.push(c.name);
  }
  return { policy: DEFAULT_POLICY, sheet: null, pending: null, foreign };
}

/** A name for a new policy sheet that no sheet of someone else's has: "AR Policy", else "AR Policy (2)"… */
export function newPolicySheetName(base: string, foreign: readonly string[]): string {
  const taken = new Set(foreign.map((n) => n.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
  return name;
}

/**
 * Queues the policy's rows into a sheet: key, value and (with a third header) the source of each
 * field beside it (core/policy/notes); as text, so "0.05" stays "0.05".
 */
function queuePolicyRows(sheet: Excel.Worksheet, header: readonly string[], policy: Policy, lang: Lang): void {
  const width = header.length >= 3 ? 3 : 2;
  const rows: string[][] = [header.slice(0, width), ...policySheetRows(policy, lang).map((r) => r.slice(0, width))];
  const range = sheet.getRange(blockAddress(0, 0, rows.length, width));
  range.numberFormat = rows.map((r) => r.map(() => "@"));
  range.values = rows;
  sheet.getRange(blockAddress(0, 0, 1, width)).format.font.bold = true;
  sheet.getRange("A:A").format.columnWidth = 260;
  sheet.getRange("B:B").format.columnWidth = 200;
  if (width === 3) sheet.getRange("C:C").format.columnWidth = 520;
  sheet.freezePanes.freezeRows(1);
}

/**
 * Queues the visible policy sheet's creation from a policy (the caller's next sync writes it).
 * The settings name it first, so a run cut off after the sheet is added finds it again (empty:
 * filled by the next run). Call only when readPolicy found none: it never overwrites a policy sheet.
 */
export function queuePolicySheet(context: Excel.RequestContext, name: string, header: readonly string[], policy: Policy = DEFAULT_POLICY, lang: Lang = "zh-CN"): void {
  context.workbook.settings.add(POLICY_SHEET_SETTING, name);
  queuePolicyRows(context.workbook.worksheets.add(name), header, policy, lang);
}

/**
 * What a run does for the policy sheet, as readPolicy found it: create it (none yet, under
 * `name`), record it (found by name), fill it (empty), or nothing at all (it is the company's).
 */
export function queuePolicyRepair(context: Excel.RequestContext, reading: PolicyReading, name: string, header: readonly string[], policy: Policy, lang: Lang = "zh-CN"): void {
  if (reading.sheet === null) return queuePolicySheet(context, name, header, policy, lang);
  if (reading.pending === null) return;
  context.workbook.settings.add(POLICY_SHEET_SETTING, reading.sheet);
  if (reading.pending === "fill") queuePolicyRows(context.workbook.worksheets.getItem(reading.sheet), header, policy, lang);
}

/** Selects a cell (a finding's link). */
export async function selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}
