/** The Credit tab shows a score only for a complete questionnaire, or once blanks are confirmed as don't know. */
import { emptyForm, scoreForm } from "../../src/core/credit-forms/questionnaire";
import { DEFAULT_POLICY } from "../../src/core/policy/defaults";
import { creditDisplay } from "../../src/taskpane/credit/gate";

test("blank: no score, every item unanswered", () => {
  const d = creditDisplay(scoreForm(emptyForm(DEFAULT_POLICY, 1), DEFAULT_POLICY), false);
  expect(d).toEqual({ kind: "incomplete", unanswered: Array.from({ length: 32 }, (_, i) => i + 1) });
});

test("all answered 1 (90): scored 90, AAA; nothing assumed", () => {
  const form = emptyForm(DEFAULT_POLICY, 1);
  form.raters[0].answers = form.raters[0].answers.map(() => ({ option: 1, score: null }));
  expect(creditDisplay(scoreForm(form, DEFAULT_POLICY), false)).toMatchObject({ kind: "scored", grade: "AAA", assumedDontKnow: [] });
});

test("two blanks confirmed as don't know: 90 − 0.04 × 30 = 88.8, AA, the two named", () => {
  const form = emptyForm(DEFAULT_POLICY, 1);
  form.raters[0].answers = form.raters[0].answers.map((_, i) => ({ option: i === 4 || i === 8 ? null : 1, score: null }));
  const score = scoreForm(form, DEFAULT_POLICY);
  expect(creditDisplay(score, false)).toEqual({ kind: "incomplete", unanswered: [5, 9] });
  const d = creditDisplay(score, true);
  expect(d).toMatchObject({ kind: "scored", grade: "AA", assumedDontKnow: [5, 9] });
  if (d.kind === "scored") expect(Number(d.score)).toBeCloseTo(88.8, 10);
});

test("a problem (an exact score outside its answer's range) shows no score at all", () => {
  const form = emptyForm(DEFAULT_POLICY, 1);
  form.raters[0].answers = form.raters[0].answers.map(() => ({ option: 1, score: null }));
  form.raters[0].answers[0] = { option: 1, score: "75" };
  expect(creditDisplay(scoreForm(form, DEFAULT_POLICY), true)).toEqual({ kind: "problems" });
});
