/**
 * The Notices tab's state, as a reducer jest can test without a browser: what to look for (the
 * kind of letter, its language, the filters), what was found and which customers are ticked, what
 * was written and logged, the run in progress, the replace question, the company's details and the
 * error shown. The rules a user relies on live here:
 * - what was found, written or logged is never shown for other choices: changing the kind, a date,
 *   the letter's language, a filter or the layout clears it, and so does saving the company's
 *   details (the letters would carry the old ones);
 * - customers found start ticked, and the filters offer the departments and customers the ledger has;
 * - a search or a write starts clean (no old error, nothing written or logged shown) and ends with
 *   no progress shown, whatever happened; a write that is done replaces the list it was made from.
 */
import type { AgingClass } from "../../core/policy/types";
import { type CompanyInfo, EMPTY_COMPANY } from "../../core/notices/company";
import type { NoticeKind, NoticesOutcome } from "../../excel/notices-run";
import type { Lang } from "../../i18n";

export type Found = Extract<NoticesOutcome, { kind: "planned" | "done" | "logged" }>;

export interface NoticesProgress {
  phase: "find" | "write";
  done: number;
  total: number;
}

export interface NoticesState {
  kind: NoticeKind;
  letterLang: Lang;
  /** One sheet per customer instead of one batch sheet. */
  perCustomer: boolean;
  /** A statement's first day as typed; null: 1 January of the as-of year. */
  fromTyped: string | null;
  selectedRows: boolean;
  classes: AgingClass[];
  departments: string[];
  customers: string[];
  found: Found | null;
  /** The customers ticked in the list found. */
  checked: ReadonlySet<string>;
  done: Found | null;
  sent: Found | null;
  /** What the filters offer: the departments and customers of the ledger, from the last search. */
  choices: { departments: string[]; customers: string[] };
  progress: NoticesProgress | null;
  /** Output sheets someone edited, while the replace question is open. */
  confirm: string[] | null;
  error: string | null;
  company: CompanyInfo;
  setupOpen: boolean;
}

export const INITIAL_NOTICES_STATE: NoticesState = {
  kind: "collection",
  letterLang: "zh-CN",
  perCustomer: false,
  fromTyped: null,
  selectedRows: false,
  classes: [],
  departments: [],
  customers: [],
  found: null,
  checked: new Set(),
  done: null,
  sent: null,
  choices: { departments: [], customers: [] },
  progress: null,
  confirm: null,
  error: null,
  company: EMPTY_COMPANY,
  setupOpen: false,
};

/** The choices of what to look for; changing any of them makes what was found, made or sent stale. */
export type NoticesChoice =
  | { field: "kind"; value: NoticeKind }
  | { field: "letterLang"; value: Lang }
  | { field: "perCustomer"; value: boolean }
  | { field: "fromTyped"; value: string }
  | { field: "selectedRows"; value: boolean }
  | { field: "departments"; value: string[] }
  | { field: "customers"; value: string[] };

export type NoticesAction =
  | ({ type: "choose" } & NoticesChoice)
  | { type: "class"; agingClass: AgingClass; on: boolean }
  /** The as-of date changed (it lives in the pane, shared by every tab). */
  | { type: "dateChanged" }
  | { type: "findStarted" }
  | { type: "found"; found: Found }
  | { type: "writeStarted" }
  | { type: "progress"; done: number; total: number }
  | { type: "confirm"; edited: string[] }
  | { type: "keep" }
  | { type: "written"; done: Found }
  | { type: "sent"; sent: Found }
  | { type: "finished" }
  | { type: "tick"; customer: string; on: boolean }
  | { type: "error"; text: string | null }
  | { type: "company"; company: CompanyInfo }
  | { type: "companySaved"; company: CompanyInfo }
  | { type: "setup"; open: boolean };

const STALE = { found: null, done: null, sent: null } as const;

function sameChoice(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export function noticesReducer(state: NoticesState, action: NoticesAction): NoticesState {
  switch (action.type) {
    case "choose":
      // Choosing what is already chosen changes nothing (a list of the same entries included).
      if (sameChoice(state[action.field], action.value)) return state;
      return { ...state, [action.field]: action.value, ...STALE };
    case "class": {
      const has = state.classes.includes(action.agingClass);
      if (has === action.on) return state;
      const classes = action.on ? [...state.classes, action.agingClass] : state.classes.filter((c) => c !== action.agingClass);
      return { ...state, classes, ...STALE };
    }
    case "dateChanged":
      return state.found === null && state.done === null && state.sent === null ? state : { ...state, ...STALE };
    case "findStarted":
      return { ...state, error: null, done: null, sent: null, progress: { phase: "find", done: 0, total: 0 } };
    case "found":
      return {
        ...state,
        found: action.found,
        checked: new Set(action.found.notices.map((n) => n.customer)),
        choices: { departments: action.found.departments, customers: action.found.customers },
      };
    case "writeStarted":
      return { ...state, error: null, confirm: null, progress: { phase: "write", done: 0, total: 0 } };
    case "progress":
      return state.progress === null ? state : { ...state, progress: { phase: state.progress.phase, done: action.done, total: action.total } };
    case "confirm":
      return { ...state, confirm: action.edited };
    case "keep":
      return { ...state, confirm: null };
    case "written":
      return { ...state, done: action.done, found: null };
    case "sent":
      return { ...state, sent: action.sent };
    case "finished":
      return { ...state, progress: null };
    case "tick": {
      if (state.checked.has(action.customer) === action.on) return state;
      const checked = new Set(state.checked);
      if (action.on) checked.add(action.customer);
      else checked.delete(action.customer);
      return { ...state, checked };
    }
    case "error":
      return { ...state, error: action.text };
    case "company":
      return { ...state, company: action.company };
    case "companySaved":
      return { ...state, company: action.company, found: null };
    case "setup":
      return { ...state, setupOpen: action.open };
  }
}
