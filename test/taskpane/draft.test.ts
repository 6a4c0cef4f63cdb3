/** The Credit tab's draft in local storage (src/taskpane/credit/draft.ts): per workbook, checked against the policy on the way back. */
import { emptyForm } from "../../src/core/credit-forms/questionnaire";
import { DEFAULT_POLICY } from "../../src/core/policy/defaults";
import type { Policy } from "../../src/core/policy/types";
import { DRAFT_KEY, draftKey, isEmptyForm, loadDraft, saveDraft } from "../../src/taskpane/credit/draft";

const P = DEFAULT_POLICY;
const SHORT: Policy = { ...P, credit: { ...P.credit, items: P.credit.items.slice(0, 31) } };

/** Just the Storage calls the draft makes, over a Map. */
class MapStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

type WithStorage = { localStorage?: unknown };
const g = globalThis as WithStorage;
let storage: MapStorage;
beforeEach(() => {
  storage = new MapStorage();
  g.localStorage = storage;
});
afterEach(() => {
  delete g.localStorage;
});

function answered() {
  const form = emptyForm(P, 1);
  form.header.customer = "遂宁市河东新区管理委员会";
  form.raters[0].answers[0] = { option: 2, score: "70" };
  return form;
}

test("one key per workbook; a new, unsaved workbook shares the plain key", () => {
  expect(draftKey("")).toBe(DRAFT_KEY);
  expect(draftKey("https://contoso.sharepoint.com/ar.xlsx")).toBe(`${DRAFT_KEY}:https://contoso.sharepoint.com/ar.xlsx`);
});

test("a draft saved comes back as it was, under its own key only", () => {
  const key = draftKey("C:\\ar.xlsx");
  saveDraft({ form: answered(), sheet: "调查表1" }, key);
  expect(loadDraft(P, key)).toEqual({ form: answered(), sheet: "调查表1" });
  expect(loadDraft(P)).toBeNull();
  expect(loadDraft(P, draftKey("D:\\other.xlsx"))).toBeNull();
});

test("a draft for another number of items (another policy) is not restored", () => {
  saveDraft({ form: answered(), sheet: null });
  expect(loadDraft(SHORT)).toBeNull();
  expect(loadDraft(P)).not.toBeNull();
});

test("anything else in the slot is ignored: not JSON, a wrong shape, an unknown option; a sheet that is not text is null", () => {
  for (const raw of ["{", "null", JSON.stringify({ form: { header: {}, raters: [] } }), JSON.stringify({ form: { ...answered(), raters: [] } })]) {
    storage.setItem(DRAFT_KEY, raw);
    expect([raw, loadDraft(P)]).toEqual([raw, null]);
  }
  const bad = answered();
  (bad.raters[0].answers[1] as { option: unknown }).option = 4;
  storage.setItem(DRAFT_KEY, JSON.stringify({ form: bad, sheet: null }));
  expect(loadDraft(P)).toBeNull();
  storage.setItem(DRAFT_KEY, JSON.stringify({ form: answered(), sheet: 7 }));
  expect(loadDraft(P)?.sheet).toBeNull();
});

test("without storage, or with storage that refuses, the form still works: nothing saved, nothing restored, nothing thrown", () => {
  delete g.localStorage;
  expect(() => saveDraft({ form: answered(), sheet: null })).not.toThrow();
  expect(loadDraft(P)).toBeNull();
  g.localStorage = {
    getItem: () => null,
    setItem: () => {
      throw new Error("QuotaExceededError");
    },
  };
  expect(() => saveDraft({ form: answered(), sheet: null })).not.toThrow();
});

test("a form is empty until something is typed: a header field, a rater's name or weight, an answer or a score", () => {
  expect(isEmptyForm(emptyForm(P, 2))).toBe(true);
  const spaces = emptyForm(P, 1);
  spaces.header.customer = "  ";
  expect(isEmptyForm(spaces)).toBe(true);
  const edits: ((f: ReturnType<typeof emptyForm>) => void)[] = [
    (f) => (f.header.address = "遂宁"),
    (f) => (f.raters[0].name = "李明"),
    (f) => (f.raters[0].weight = "50%"),
    (f) => (f.raters[0].answers[31] = { option: "dont-know", score: null }),
    (f) => (f.raters[0].answers[0] = { option: null, score: "80" }),
  ];
  for (const edit of edits) {
    const f = emptyForm(P, 1);
    edit(f);
    expect(isEmptyForm(f)).toBe(false);
  }
});
