/** The Credit tab's state transitions (src/taskpane/credit/credit-state.ts), without React or Office. */
import { emptyForm, MAX_RATERS, type QuestionnaireForm } from "../../src/core/credit-forms/questionnaire";
import { DEFAULT_POLICY } from "../../src/core/policy/defaults";
import type { Policy } from "../../src/core/policy/types";
import { creditReducer, editForm, initialCreditState, isDirty, type CreditAction, type CreditState } from "../../src/taskpane/credit/credit-state";

const P = DEFAULT_POLICY;

function run(...actions: CreditAction[]): CreditState {
  return actions.reduce(creditReducer, initialCreditState());
}

function typed(customer = "遂宁市河东新区管理委员会"): QuestionnaireForm {
  return editForm(emptyForm(P, 1), { kind: "header", field: "customer", value: customer }, P);
}

/** The default policy with one item fewer: a form made for it has 31 answers. */
const SHORT: Policy = { ...P, credit: { ...P.credit, items: P.credit.items.slice(0, 31) } };

describe("initial state", () => {
  test("one blank rater under the default policy, nothing loaded, nothing to save, draft not yet read", () => {
    const s = initialCreditState();
    expect(s.form).toEqual(emptyForm(P, 1));
    expect(s).toMatchObject({ policy: P, sheet: null, restored: false, picked: null, busy: false, message: null, savedForm: null, touched: false, discard: null, dontKnowConfirmed: false, exactOn: false });
    expect(isDirty(s)).toBe(false);
  });
});

describe("started: the policy read and the draft looked for", () => {
  const started = (given: Partial<Extract<CreditAction, { type: "started" }>>): CreditAction => ({ type: "started", policy: P, draft: null, restoredText: "restored", unreadText: null, ...given });

  test("a draft with something typed is restored, with its sheet, and says so", () => {
    const s = run(started({ draft: { form: typed(), sheet: "调查表1" } }));
    expect(s.form.header.customer).toBe("遂宁市河东新区管理委员会");
    expect(s.sheet).toBe("调查表1");
    expect(s.message).toEqual({ intent: "info", text: "restored" });
    expect(s.restored).toBe(true);
    // Restoring is not an edit: the draft is written again only after the user's own.
    expect(s.touched).toBe(false);
  });

  test("an empty draft is not restored: a blank form for the policy, no message, the sheet as it was", () => {
    const s = run(started({ policy: SHORT, draft: { form: emptyForm(SHORT, 1), sheet: "调查表1" } }));
    expect(s.form).toEqual(emptyForm(SHORT, 1));
    expect(s.sheet).toBeNull();
    expect(s.message).toBeNull();
    expect(s.restored).toBe(true);
  });

  test("a policy that could not be read: the warning wins over the restored draft's message", () => {
    const s = run(started({ draft: { form: typed(), sheet: null }, unreadText: "policy unread" }));
    expect(s.message).toEqual({ intent: "warning", text: "policy unread" });
    expect(s.form.header.customer).toBe("遂宁市河东新区管理委员会");
  });

  test("no draft and no problem: a message already shown stays", () => {
    const s = run({ type: "message", message: { intent: "error", text: "sheets unread" } }, started({}));
    expect(s.message).toEqual({ intent: "error", text: "sheets unread" });
  });
});

describe("edits", () => {
  test("each edit marks the form touched and changes only what it names", () => {
    const s = run({ type: "edit", edit: { kind: "answer", rater: 0, item: 4, change: { option: 2 } } }, { type: "edit", edit: { kind: "answer", rater: 0, item: 4, change: { score: "70" } } });
    expect(s.touched).toBe(true);
    expect(s.form.raters[0].answers[4]).toEqual({ option: 2, score: "70" });
    expect(s.form.raters[0].answers.filter((a) => a.option !== null)).toHaveLength(1);
    expect(isDirty(s)).toBe(true);
  });

  test("raters: added up to MAX_RATERS, named and weighted, removed down to one", () => {
    let f = emptyForm(P, 1);
    for (let i = 0; i < MAX_RATERS + 2; i++) f = editForm(f, { kind: "add-rater" }, P);
    expect(f.raters).toHaveLength(MAX_RATERS);
    f = editForm(f, { kind: "rater", rater: 1, change: { name: "李明", weight: "40%" } }, P);
    expect(f.raters[1]).toMatchObject({ name: "李明", weight: "40%" });
    f = editForm(f, { kind: "remove-rater", rater: 0 }, P);
    expect(f.raters[0]).toMatchObject({ name: "李明" });
    for (let i = 0; i < MAX_RATERS + 2; i++) f = editForm(f, { kind: "remove-rater", rater: 0 }, P);
    expect(f.raters).toHaveLength(1);
  });

  test("an added rater has the policy's number of items", () => {
    const s = run({ type: "started", policy: SHORT, draft: null, restoredText: "", unreadText: null }, { type: "edit", edit: { kind: "add-rater" } });
    expect(s.form.raters.map((r) => r.answers.length)).toEqual([31, 31]);
  });

  test("edits never change the form they were given", () => {
    const before = emptyForm(P, 1);
    const copy = JSON.stringify(before);
    editForm(before, { kind: "answer", rater: 0, item: 0, change: { option: 1 } }, P);
    editForm(before, { kind: "header", field: "customer", value: "x" }, P);
    editForm(before, { kind: "add-rater" }, P);
    expect(JSON.stringify(before)).toBe(copy);
  });
});

describe("loaded, saved, new", () => {
  const loaded: CreditAction = { type: "loaded", sheet: "调查表1", policy: SHORT, form: typed(), message: { intent: "success", text: "loaded" } };

  test("a loaded form is the saved one: not dirty until edited; don't-know confirmation is reset", () => {
    const s = run({ type: "confirm-dont-know" }, loaded);
    expect(s).toMatchObject({ sheet: "调查表1", policy: SHORT, touched: true, dontKnowConfirmed: false, message: { intent: "success", text: "loaded" } });
    expect(isDirty(s)).toBe(false);
    expect(isDirty(creditReducer(s, { type: "edit", edit: { kind: "header", field: "customer", value: "x" } }))).toBe(true);
  });

  test("saved: the sheet and the form as sent; an edit made while saving stays unsaved", () => {
    const sent = typed();
    const s = run({ type: "edit", edit: { kind: "header", field: "customer", value: "遂宁市河东新区管理委员会" } }, { type: "edit", edit: { kind: "header", field: "address", value: "遂宁" } }, {
      type: "saved",
      sheet: "调查表2",
      savedForm: JSON.stringify(sent),
      message: { intent: "success", text: "saved" },
    });
    expect(s.sheet).toBe("调查表2");
    expect(isDirty(s)).toBe(true);
    expect(isDirty({ form: sent, savedForm: s.savedForm })).toBe(false);
  });

  test("a new form: blank for the policy in force, no sheet, no pick, no message, and the draft follows", () => {
    const s = run(loaded, { type: "pick", sheet: "调查表1" }, { type: "confirm-dont-know" }, { type: "new-form" });
    expect(s.form).toEqual(emptyForm(SHORT, 1));
    expect(s).toMatchObject({ sheet: null, picked: null, message: null, savedForm: null, dontKnowConfirmed: false, touched: true });
    expect(isDirty(s)).toBe(false);
  });
});

describe("dialogs and switches", () => {
  test("discard holds what to do once the user agrees, and is cleared", () => {
    const then = (): void => undefined;
    const asked = run({ type: "ask-discard", then });
    expect(asked.discard).toBe(then);
    expect(creditReducer(asked, { type: "ask-discard", then: null }).discard).toBeNull();
  });

  test("busy, confirm-replace, exact scores and the picker are plain settings", () => {
    const s = run({ type: "busy", busy: true }, { type: "confirm-replace", sheet: "调查表1" }, { type: "exact-scores", on: true }, { type: "pick", sheet: "调查表3" });
    expect(s).toMatchObject({ busy: true, confirmReplace: "调查表1", exactOn: true, picked: "调查表3" });
    expect(creditReducer(s, { type: "busy", busy: false }).busy).toBe(false);
  });

  test("sheets found replace the lists", () => {
    const s = run({ type: "sheets-found", sheets: { questionnaires: ["调查表1"], letters: ["咨询函1"] } });
    expect(s.sheets).toEqual({ questionnaires: ["调查表1"], letters: ["咨询函1"] });
  });
});
