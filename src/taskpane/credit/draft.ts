/**
 * The questionnaire being filled, kept in the pane's local storage on every change, so a reload
 * of the pane (or a save that failed) loses nothing. A draft that does not fit the policy in force
 * (another number of items) is not restored.
 */
import { HEADER_KEYS, MAX_RATERS, type QuestionnaireForm } from "../../core/credit-forms/questionnaire";
import type { Policy } from "../../core/policy/types";

const DRAFT_KEY = "receivablesSteward.creditDraft";

/** One draft per workbook (its URL or path, where Office gives one), so one file's draft never turns up in another's pane. */
export function draftKey(document: string): string {
  return document === "" ? DRAFT_KEY : `${DRAFT_KEY}:${document}`;
}

export interface Draft {
  form: QuestionnaireForm;
  /** The sheet the form was loaded from or saved to; null for a new one. */
  sheet: string | null;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage blocked (private mode, policy): the form still works, unsaved
  }
}

function isForm(v: unknown, items: number): v is QuestionnaireForm {
  if (!v || typeof v !== "object") return false;
  const f = v as QuestionnaireForm;
  if (!f.header || typeof f.header !== "object" || !HEADER_KEYS.every((k) => typeof f.header[k] === "string")) return false;
  if (!Array.isArray(f.raters) || f.raters.length < 1 || f.raters.length > MAX_RATERS) return false;
  return f.raters.every(
    (r) =>
      typeof r.name === "string" &&
      (r.weight === null || typeof r.weight === "string") &&
      Array.isArray(r.answers) &&
      r.answers.length === items &&
      r.answers.every((a) => a && [1, 2, 3, "dont-know", null].includes(a.option) && (a.score === null || typeof a.score === "string"))
  );
}

export function loadDraft(policy: Policy, key = DRAFT_KEY): Draft | null {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Draft;
    if (!isForm(d.form, policy.credit.items.length)) return null;
    return { form: d.form, sheet: typeof d.sheet === "string" ? d.sheet : null };
  } catch {
    return null;
  }
}

export function saveDraft(draft: Draft, key = DRAFT_KEY): void {
  try {
    storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the form on screen is still there.
  }
}

/** Whether anything has been typed: an empty form is not worth restoring. */
export function isEmptyForm(form: QuestionnaireForm): boolean {
  return (
    HEADER_KEYS.every((k) => form.header[k].trim() === "") &&
    form.raters.every((r) => r.name.trim() === "" && r.weight === null && r.answers.every((a) => a.option === null && a.score === null))
  );
}
