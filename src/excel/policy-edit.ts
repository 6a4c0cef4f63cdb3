/**
 * Saving the Policy tab's form into the policy sheet. The sheet is the company's (setup.ts): the
 * add-in writes into it only here, when the user saves the form, and only the value cells of the
 * keys they changed (with each one's note, which says the value is the company's own and what the
 * default was). Other rows, other columns and anything the company wrote around the table stay as
 * they are. A key the sheet lacks (someone deleted its row) is added below the table. With no
 * policy sheet yet, it is made from the edited policy, as a first check would make it.
 *
 * The whole sheet is read and checked with the edits before anything is written, so a save never
 * leaves a policy the next run cannot read; a protected sheet is refused before any change.
 */
import { checkPolicyEdits, type PolicyFormField } from "../core/policy/form";
import { formatFieldNote, fieldNote } from "../core/policy/notes";
import { policyFromTable, policyToTable } from "../core/policy/serialize";
import { DEFAULT_POLICY } from "../core/policy/defaults";
import type { Policy } from "../core/policy/types";
import { policyProblemsOf } from "../core/policy/validate";
import type { Lang } from "../i18n/bilingual";
import { stringsFor } from "../i18n";
import { GatewayError } from "./errors";
import { a1 } from "./owned";
import { newPolicySheetName, queuePolicyRepair, readPolicy } from "./setup";

export interface PolicySaved {
  policy: Policy;
  sheet: string;
  /** Keys whose value cell was written. */
  written: string[];
  /** Keys added below the table (their rows were missing). */
  added: string[];
  created: boolean;
}

/** The note column's text for a key's new value: its source, and the default when the company's value differs. */
function noteFor(key: string, value: string, lang: Lang): string {
  const note = fieldNote(key);
  if (note === null) return "";
  const def = new Map(policyToTable(DEFAULT_POLICY)).get(key);
  return formatFieldNote(note, lang, def !== undefined && def !== value ? def : undefined);
}

function invalid(problems: { zh: string; en: string }[]): GatewayError {
  return new GatewayError("PolicyInvalid", {
    "zh-CN": `未保存：${problems.map((p) => p.zh).join("；")}`,
    "en-US": `Not saved: ${problems.map((p) => p.en).join("; ")}`,
  });
}

/**
 * Writes `edits` (typed values by table key, as the form has them) into the policy sheet, after
 * checking the policy they make. Returns the policy now in force.
 */
export async function savePolicyEdits(context: Excel.RequestContext, edits: ReadonlyMap<string, string>, fields: readonly PolicyFormField[], lang: Lang): Promise<PolicySaved> {
  const reading = await readPolicy(context);
  const checked = checkPolicyEdits(reading.policy, edits, fields);
  if (checked.policy === null) {
    throw invalid([...[...checked.problems].map(([k, t]) => ({ zh: `${k}：${t["zh-CN"]}`, en: `${k}: ${t["en-US"]}` })), ...checked.other.map((t) => ({ zh: t["zh-CN"], en: t["en-US"] }))]);
  }
  const next = checked.policy;
  const stored = new Map(policyToTable(next));
  const keys = [...edits.keys()].filter((k) => stored.has(k));

  if (reading.sheet === null || reading.pending !== null) {
    // None yet (or one a cut-off run left empty or unrecorded): made or completed from the edited policy.
    const s = stringsFor(lang).output;
    const name = reading.sheet ?? newPolicySheetName(s.policySheet, reading.foreign);
    queuePolicyRepair(context, reading, name, s.policyHeader, next, lang);
    await context.sync();
    // A sheet found by its name and only now recorded still holds its own values: the edits go in as below.
    if (reading.pending === "register") return saveInto(context, name, keys, stored, lang);
    return { policy: next, sheet: name, written: keys, added: [], created: reading.sheet === null };
  }
  return saveInto(context, reading.sheet, keys, stored, lang);
}

async function saveInto(context: Excel.RequestContext, name: string, keys: readonly string[], stored: ReadonlyMap<string, string>, lang: Lang): Promise<PolicySaved> {
  const sheet = context.workbook.worksheets.getItem(name);
  const used = sheet.getUsedRange(true);
  used.load("values, rowIndex, columnIndex, rowCount");
  sheet.load("protection/protected");
  await context.sync();
  if (sheet.protection.protected) {
    throw new GatewayError("AccessDenied", {
      "zh-CN": `制度参数表“${name}”受保护，无法保存。请取消保护后重试；工作簿未作任何更改。`,
      "en-US": `The policy sheet "${name}" is protected, so the policy cannot be saved. Unprotect it and try again; nothing in the workbook was changed.`,
    });
  }
  const values = used.values as unknown[][];
  const rowOf = new Map<string, number>();
  values.forEach((row, r) => {
    const k = typeof row[0] === "string" ? row[0].trim() : "";
    if (k !== "" && !rowOf.has(k)) rowOf.set(k, r);
  });
  // The sheet as it would read after the save: checked before a cell is written.
  const after = values.map((row) => [...row]);
  const added: string[] = [];
  for (const k of keys) {
    const r = rowOf.get(k);
    if (r === undefined) {
      added.push(k);
      after.push([k, stored.get(k)]);
    } else after[r][1] = stored.get(k);
  }
  let policy: Policy;
  try {
    policy = policyFromTable(after);
  } catch (e) {
    const problems = policyProblemsOf(e);
    if (problems.length === 0) throw e;
    throw invalid(problems);
  }
  const hasNotes = (values[0]?.length ?? 0) >= 3;
  // The notes in the sheet's own language, as its header shows it.
  const head = String(values[0]?.[0] ?? "").trim();
  const sheetLang: Lang = head === stringsFor("en-US").output.policyHeader[0] ? "en-US" : head === stringsFor("zh-CN").output.policyHeader[0] ? "zh-CN" : lang;
  const row0 = used.rowIndex;
  const col0 = used.columnIndex;
  let next = row0 + values.length; // 0-based sheet row below the table
  for (const k of keys) {
    const value = stored.get(k) as string;
    const r = rowOf.get(k);
    const at = r === undefined ? next++ : row0 + r;
    const cells = r === undefined ? [k, value, ...(hasNotes ? [noteFor(k, value, sheetLang)] : [])] : [value, ...(hasNotes ? [noteFor(k, value, sheetLang)] : [])];
    const from = r === undefined ? col0 : col0 + 1;
    const range = sheet.getRange(`${a1(at, from)}:${a1(at, from + cells.length - 1)}`);
    // As text, so "0.05" stays "0.05" (and a value is never taken as a formula).
    range.numberFormat = [cells.map(() => "@")];
    range.values = [cells];
  }
  await context.sync();
  return { policy, sheet: name, written: keys.filter((k) => !added.includes(k)), added, created: false };
}
