/**
 * The Validate tab's state, as a reducer jest can test without a browser: which ledger is picked
 * and how its columns are mapped, the run in progress, the last result, the replace question, the
 * marks on the ledger and the error shown. The rules a user relies on live here:
 * - a result is never shown for inputs it was not made from: picking another ledger, changing a
 *   column's mapping or the as-of date clears it;
 * - picking another ledger drops the mapping made for the previous one;
 * - a run starts clean (no old error, result or question) and ends with no progress shown, whatever
 *   happened.
 */
import type { LedgerField } from "../../core/ledger/headers";
import type { CompanionFound, LedgerCandidate } from "../../excel/candidates";
import type { HeaderPreview } from "../../excel/header-preview";
import type { HighlightOutcome } from "../../excel/highlights";
import type { ValidateOutcome, ValidateProgress } from "../../excel/validate-run";
import type { DateConcern } from "../dates";

export type Override = Partial<Record<LedgerField, number | null>>;

/** The last check's outcome, with the as-of date (ISO) it was run for. */
export type ShownOutcome = Extract<ValidateOutcome, { kind: "done" }> & { asOf: string };

export interface ValidateState {
  /** null until the workbook has been looked at. */
  candidates: LedgerCandidate[] | null;
  companions: CompanionFound[];
  /** The picked candidate's key (candidateKey). */
  selected: string | null;
  header: HeaderPreview | null;
  /** Columns the user mapped by hand (field → 0-based column, null for none), over detection's. */
  override: Override;
  progress: ValidateProgress | null;
  outcome: ShownOutcome | null;
  /** Output sheets someone edited, while the replace question is open. */
  confirm: string[] | null;
  error: string | null;
  highlight: boolean;
  marked: HighlightOutcome | null;
  concern: DateConcern;
}

export const INITIAL_VALIDATE_STATE: ValidateState = {
  candidates: null,
  companions: [],
  selected: null,
  header: null,
  override: {},
  progress: null,
  outcome: null,
  confirm: null,
  error: null,
  highlight: false,
  marked: null,
  concern: null,
};

export type ValidateAction =
  /** The workbook looked at: its candidates, the one to pick (the saved ledger, else the best) and its saved mapping. */
  | { type: "surveyed"; candidates: LedgerCandidate[]; companions: CompanionFound[]; selected: string | null; override: Override }
  | { type: "select"; key: string | null }
  | { type: "header"; header: HeaderPreview | null }
  | { type: "map"; field: LedgerField; index: number | null }
  /** The as-of date changed (it lives in the pane, shared by every tab). */
  | { type: "asOfChanged" }
  | { type: "error"; text: string | null }
  | { type: "started"; total: number }
  | { type: "progress"; progress: ValidateProgress }
  | { type: "confirm"; edited: string[] | null }
  | { type: "done"; outcome: ShownOutcome }
  | { type: "finished" }
  | { type: "highlight"; on: boolean }
  | { type: "marked"; marked: HighlightOutcome | null }
  | { type: "concern"; concern: DateConcern };

export function validateReducer(state: ValidateState, action: ValidateAction): ValidateState {
  switch (action.type) {
    case "surveyed":
      return {
        ...state,
        error: null,
        candidates: action.candidates,
        companions: action.companions,
        selected: action.selected,
        override: action.override,
        // Kept only when the same ledger is picked, mapped the same way.
        outcome: state.selected === action.selected && JSON.stringify(state.override) === JSON.stringify(action.override) ? state.outcome : null,
      };
    case "select":
      if (action.key === state.selected) return state;
      return { ...state, selected: action.key, override: {}, header: null, outcome: null };
    case "header":
      return { ...state, header: action.header };
    case "map":
      return { ...state, override: { ...state.override, [action.field]: action.index }, outcome: null };
    case "asOfChanged":
      return state.outcome === null ? state : { ...state, outcome: null };
    case "error":
      return { ...state, error: action.text };
    case "started":
      return { ...state, error: null, outcome: null, confirm: null, progress: { phase: "read", done: 0, total: action.total } };
    case "progress":
      return { ...state, progress: action.progress };
    case "confirm":
      return { ...state, confirm: action.edited };
    case "done":
      return { ...state, outcome: action.outcome, confirm: null };
    case "finished":
      return { ...state, progress: null };
    case "highlight":
      return { ...state, highlight: action.on };
    case "marked":
      return { ...state, marked: action.marked };
    case "concern":
      return { ...state, concern: action.concern };
  }
}
