/**
 * The Validate tab's state (src/taskpane/validate/validate-state.ts): a result is never shown for
 * inputs it was not made from, a new ledger drops the old one's mapping, and a run starts clean
 * and always ends without progress.
 */
import { INITIAL_VALIDATE_STATE, type ShownOutcome, type ValidateAction, type ValidateState, validateReducer } from "../../src/taskpane/validate/validate-state";

const outcome = { kind: "done", asOf: "2011-08-31" } as unknown as ShownOutcome;
const run = (actions: ValidateAction[], from: ValidateState = INITIAL_VALIDATE_STATE) => actions.reduce(validateReducer, from);
const surveyed: ValidateAction = { type: "surveyed", candidates: [], companions: [], selected: "range:台账", override: { balance: 8 } };
const shown = run([surveyed, { type: "started", total: 21 }, { type: "done", outcome }, { type: "finished" }]);

test("the workbook looked at: its candidates, the saved ledger picked with its saved mapping", () => {
  const s = run([surveyed]);
  expect([s.selected, s.override]).toEqual(["range:台账", { balance: 8 }]);
});

test("a result made for one ledger, mapping and date is cleared when any of them changes", () => {
  expect(shown.outcome).toBe(outcome);
  expect(run([{ type: "select", key: "range:其他" }], shown).outcome).toBeNull();
  expect(run([{ type: "map", field: "customer", index: 2 }], shown).outcome).toBeNull();
  expect(run([{ type: "asOfChanged" }], shown).outcome).toBeNull();
  // Looking at the workbook again keeps a result for the same ledger mapped the same way; picking the same one again is no change.
  expect(run([surveyed], shown).outcome).toBe(outcome);
  expect(run([{ ...surveyed, override: {} } as ValidateAction], shown).outcome).toBeNull();
  expect(run([{ type: "select", key: "range:台账" }], shown)).toBe(shown);
});

test("another ledger drops the mapping made for the previous one, and its header", () => {
  const s = run([surveyed, { type: "header", header: { columns: [] } as never }, { type: "select", key: "range:其他" }]);
  expect([s.override, s.header]).toEqual([{}, null]);
  expect(run([{ type: "map", field: "customer", index: 2 }], s).override).toEqual({ customer: 2 });
  expect(run([{ type: "map", field: "customer", index: null }], s).override).toEqual({ customer: null });
});

test("a run starts clean (no old error, result or question) and ends without progress, done or failed", () => {
  const before = run([{ type: "error", text: "旧错误" }, { type: "confirm", edited: ["AR检查结果"] }], shown);
  const started = run([{ type: "started", total: 21 }], before);
  expect([started.error, started.outcome, started.confirm, started.progress]).toEqual([null, null, null, { phase: "read", done: 0, total: 21 }]);
  const failed = run([{ type: "error", text: "工作表受保护" }, { type: "finished" }], started);
  expect([failed.error, failed.progress]).toEqual(["工作表受保护", null]);
  const asked = run([{ type: "confirm", edited: ["AR检查结果"] }, { type: "finished" }], started);
  expect([asked.confirm, asked.progress, asked.outcome]).toEqual([["AR检查结果"], null, null]);
  expect(run([{ type: "done", outcome }], asked).confirm).toBeNull();
});
