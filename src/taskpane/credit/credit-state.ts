/**
 * The Credit tab's state and every change to it, as a reducer: pure, so each transition (a draft
 * restored, a form loaded, saved or started afresh, an answer given) is testable without React
 * or Office. The panel (panels/CreditPanel.tsx) does the gateway calls and the wording, and
 * dispatches what came of them; messages arrive here already worded.
 */
import { emptyForm, MAX_RATERS, type FormAnswer, type QuestionnaireForm, type QuestionnaireHeader } from "../../core/credit-forms/questionnaire";
import { DEFAULT_POLICY } from "../../core/policy/defaults";
import type { Policy } from "../../core/policy/types";
import type { MasterPlan, MasterProposal } from "../../excel/credit-master";
import { isEmptyForm, type Draft } from "./draft";

export type CreditMessage = { intent: "success" | "info" | "warning" | "error"; text: string; details?: string[] };

/** The customer-master dialog: what would be written, and whether the row changed since it was shown. */
interface MasterDialog {
  proposal: MasterProposal;
  plan: MasterPlan;
  changed: boolean;
}

export interface CreditSheets {
  questionnaires: string[];
  letters: string[];
}

export interface CreditState {
  policy: Policy;
  form: QuestionnaireForm;
  /** The sheet the form was loaded from or saved to; null for a new one. */
  sheet: string | null;
  /** The policy and the draft have been read: from then on the draft follows the form. */
  restored: boolean;
  sheets: CreditSheets;
  /** The questionnaire sheet chosen in the picker. */
  picked: string | null;
  busy: boolean;
  message: CreditMessage | null;
  /** A save refused because the sheet was edited by hand: the sheet to ask about. */
  confirmReplace: string | null;
  master: MasterDialog | null;
  /** The form as last saved or loaded (JSON): what differs from it is unsaved. */
  savedForm: string | null;
  /** Set by the user's own edits: only then is the draft written, so a draft that was not restored is never overwritten by an empty form. */
  touched: boolean;
  /** What to do once the user agrees to drop unsaved answers (the dialog is open while set). */
  discard: (() => void) | null;
  /** The user said the unanswered items count as "don't know" (reset by a new or loaded form). */
  dontKnowConfirmed: boolean;
  /**
   * The exact-score boxes, shown on request: off, only the answers are in the Tab order (32 stops
   * per rater, not 64); a score already given keeps its box.
   */
  exactOn: boolean;
}

/** One edit of the form by the user. */
type FormEdit =
  | { kind: "header"; field: keyof QuestionnaireHeader; value: string }
  | { kind: "answer"; rater: number; item: number; change: Partial<FormAnswer> }
  | { kind: "rater"; rater: number; change: { name?: string; weight?: string | null } }
  | { kind: "add-rater" }
  | { kind: "remove-rater"; rater: number };

export type CreditAction =
  /** The policy in force was read (or the defaults, with `unreadText` saying why) and the draft looked for. */
  | { type: "started"; policy: Policy; draft: Draft | null; restoredText: string; unreadText: string | null }
  | { type: "edit"; edit: FormEdit }
  | { type: "sheets-found"; sheets: CreditSheets }
  | { type: "pick"; sheet: string | null }
  | { type: "busy"; busy: boolean }
  | { type: "message"; message: CreditMessage | null }
  | { type: "loaded"; sheet: string; policy: Policy; form: QuestionnaireForm; message: CreditMessage }
  | { type: "new-form" }
  | { type: "confirm-replace"; sheet: string | null }
  /** Saved to `sheet`; `savedForm` is the form as it was sent (JSON), edits since then stay unsaved. */
  | { type: "saved"; sheet: string; savedForm: string; message: CreditMessage }
  | { type: "master"; master: MasterDialog | null }
  | { type: "ask-discard"; then: (() => void) | null }
  | { type: "confirm-dont-know" }
  | { type: "exact-scores"; on: boolean };

export function initialCreditState(): CreditState {
  return {
    policy: DEFAULT_POLICY,
    form: emptyForm(DEFAULT_POLICY, 1),
    sheet: null,
    restored: false,
    sheets: { questionnaires: [], letters: [] },
    picked: null,
    busy: false,
    message: null,
    confirmReplace: null,
    master: null,
    savedForm: null,
    touched: false,
    discard: null,
    dontKnowConfirmed: false,
    exactOn: false,
  };
}

/** The form after one edit; adding beyond MAX_RATERS or removing the last rater leaves it as it is. */
export function editForm(form: QuestionnaireForm, edit: FormEdit, policy: Policy): QuestionnaireForm {
  switch (edit.kind) {
    case "header":
      return { ...form, header: { ...form.header, [edit.field]: edit.value } };
    case "answer":
      return {
        ...form,
        raters: form.raters.map((r, i) => (i !== edit.rater ? r : { ...r, answers: r.answers.map((a, j) => (j !== edit.item ? a : { ...a, ...edit.change })) })),
      };
    case "rater":
      return { ...form, raters: form.raters.map((r, i) => (i === edit.rater ? { ...r, ...edit.change } : r)) };
    case "add-rater":
      return form.raters.length >= MAX_RATERS ? form : { ...form, raters: [...form.raters, emptyForm(policy, 1).raters[0]] };
    case "remove-rater":
      return form.raters.length <= 1 ? form : { ...form, raters: form.raters.filter((_, i) => i !== edit.rater) };
  }
}

/** Whether the form holds answers not yet saved: anything typed into a new form, any change to a loaded or saved one. */
export function isDirty(state: Pick<CreditState, "form" | "savedForm">): boolean {
  return state.savedForm === null ? !isEmptyForm(state.form) : JSON.stringify(state.form) !== state.savedForm;
}

export function creditReducer(state: CreditState, action: CreditAction): CreditState {
  switch (action.type) {
    case "started": {
      // A draft is restored only when something was typed into it; the policy's failure, if any, is the message that stays.
      const draft = action.draft !== null && !isEmptyForm(action.draft.form) ? action.draft : null;
      const message: CreditMessage | null =
        action.unreadText !== null ? { intent: "warning", text: action.unreadText } : draft !== null ? { intent: "info", text: action.restoredText } : state.message;
      return {
        ...state,
        policy: action.policy,
        form: draft !== null ? draft.form : emptyForm(action.policy, 1),
        sheet: draft !== null ? draft.sheet : state.sheet,
        message,
        restored: true,
      };
    }
    case "edit":
      return { ...state, touched: true, form: editForm(state.form, action.edit, state.policy) };
    case "sheets-found":
      return { ...state, sheets: action.sheets };
    case "pick":
      return { ...state, picked: action.sheet };
    case "busy":
      return { ...state, busy: action.busy };
    case "message":
      return { ...state, message: action.message };
    case "loaded":
      return {
        ...state,
        policy: action.policy,
        form: action.form,
        sheet: action.sheet,
        savedForm: JSON.stringify(action.form),
        touched: true,
        dontKnowConfirmed: false,
        message: action.message,
      };
    case "new-form":
      // The user asked for a new form: the draft follows (touched).
      return { ...state, form: emptyForm(state.policy, 1), sheet: null, picked: null, message: null, savedForm: null, dontKnowConfirmed: false, touched: true };
    case "confirm-replace":
      return { ...state, confirmReplace: action.sheet };
    case "saved":
      return { ...state, sheet: action.sheet, savedForm: action.savedForm, message: action.message };
    case "master":
      return { ...state, master: action.master };
    case "ask-discard":
      return { ...state, discard: action.then };
    case "confirm-dont-know":
      return { ...state, dontKnowConfirmed: true };
    case "exact-scores":
      return { ...state, exactOn: action.on };
  }
}
