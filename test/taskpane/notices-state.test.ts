/**
 * The Notices tab's state (src/taskpane/notices/notices-state.ts): what was found, written or
 * logged is never shown for other choices; customers found start ticked; a search or a write
 * starts clean and always ends without progress; a write that is done replaces its list.
 */
import { EMPTY_COMPANY } from "../../src/core/notices/company";
import { type Found, INITIAL_NOTICES_STATE, type NoticesAction, type NoticesState, noticesReducer } from "../../src/taskpane/notices/notices-state";

const run = (actions: NoticesAction[], from: NoticesState = INITIAL_NOTICES_STATE) => actions.reduce(noticesReducer, from);

function found(kind: Found["kind"], customers: string[]): Found {
  return { kind, notices: customers.map((customer) => ({ customer })), departments: ["工程一部", "市场部"], customers: ["甲公司", "乙公司", "丙公司"], skipped: [] } as unknown as Found;
}

const planned = found("planned", ["甲公司", "乙公司"]);
const listed = run([{ type: "findStarted" }, { type: "found", found: planned }, { type: "finished" }]);

test("customers found start ticked, and the filters offer the ledger's departments and customers", () => {
  expect([...listed.checked]).toEqual(["甲公司", "乙公司"]);
  expect(listed.choices).toEqual({ departments: ["工程一部", "市场部"], customers: ["甲公司", "乙公司", "丙公司"] });
  const unticked = run([{ type: "tick", customer: "乙公司", on: false }], listed);
  expect([...unticked.checked]).toEqual(["甲公司"]);
  expect([...run([{ type: "tick", customer: "乙公司", on: true }], unticked).checked]).toEqual(["甲公司", "乙公司"]);
  // Ticking what is already ticked is no change.
  expect(run([{ type: "tick", customer: "甲公司", on: true }], listed)).toBe(listed);
});

test("every choice of what to look for, and the as-of date, clears what was found, written and logged", () => {
  const choices: NoticesAction[] = [
    { type: "choose", field: "kind", value: "confirmation" },
    { type: "choose", field: "letterLang", value: "en-US" },
    { type: "choose", field: "perCustomer", value: true },
    { type: "choose", field: "fromTyped", value: "2011-03-01" },
    { type: "choose", field: "selectedRows", value: true },
    { type: "choose", field: "departments", value: ["市场部"] },
    { type: "choose", field: "customers", value: ["甲公司"] },
    { type: "class", agingClass: "overdue", on: true },
    { type: "dateChanged" },
  ];
  const written = run([{ type: "writeStarted" }, { type: "written", done: found("done", ["甲公司"]) }, { type: "sent", sent: found("logged", ["甲公司"]) }, { type: "finished" }], listed);
  for (const action of choices) {
    for (const from of [listed, written]) {
      const s = run([action], from);
      expect([action, s.found, s.done, s.sent]).toEqual([action, null, null, null]);
    }
  }
  expect(run([choices[0]], listed).kind).toBe("confirmation");
  expect(run([{ type: "class", agingClass: "overdue", on: true }, { type: "class", agingClass: "bad", on: true }, { type: "class", agingClass: "overdue", on: false }]).classes).toEqual(["bad"]);
  // Choosing what is already chosen changes nothing: the list stays.
  expect(run([{ type: "choose", field: "kind", value: "collection" }], listed)).toBe(listed);
  const twoDepartments = run([{ type: "choose", field: "departments", value: ["市场部", "工程一部"] }]);
  expect(run([{ type: "choose", field: "departments", value: ["市场部", "工程一部"] }], twoDepartments)).toBe(twoDepartments);
  // Nothing shown: a date change leaves the state as it is.
  expect(run([{ type: "dateChanged" }])).toBe(INITIAL_NOTICES_STATE);
});

test("saving the company's details clears the list found (its letters would carry the old details)", () => {
  const company = { ...EMPTY_COMPANY, name: "四川省通信产业服务有限公司遂宁市分公司" };
  const saved = run([{ type: "companySaved", company }], listed);
  expect([saved.company, saved.found]).toEqual([company, null]);
  // Loaded when the tab opens: nothing found is touched.
  expect(run([{ type: "company", company }], listed).found).toBe(planned);
});

test("a search starts clean and ends without progress, found or failed", () => {
  const before = run([{ type: "error", text: "旧错误" }, { type: "written", done: found("done", ["甲公司"]) }, { type: "sent", sent: found("logged", ["甲公司"]) }]);
  const started = run([{ type: "findStarted" }], before);
  expect([started.error, started.done, started.sent, started.progress]).toEqual([null, null, null, { phase: "find", done: 0, total: 0 }]);
  expect(run([{ type: "progress", done: 3, total: 17 }], started).progress).toEqual({ phase: "find", done: 3, total: 17 });
  const failed = run([{ type: "error", text: "找不到台账" }, { type: "finished" }], started);
  expect([failed.error, failed.progress]).toEqual(["找不到台账", null]);
  // Progress reported after the run ended is not shown.
  expect(run([{ type: "progress", done: 1, total: 2 }], failed).progress).toBeNull();
});

test("a write asks before replacing edited sheets, and once done replaces the list it was made from", () => {
  const started = run([{ type: "error", text: "旧错误" }, { type: "writeStarted" }], listed);
  expect([started.error, started.confirm, started.progress]).toEqual([null, null, { phase: "write", done: 0, total: 0 }]);
  const asked = run([{ type: "confirm", edited: ["催收通知书-甲公司"] }, { type: "finished" }], started);
  expect([asked.confirm, asked.progress, asked.found]).toEqual([["催收通知书-甲公司"], null, planned]);
  expect(run([{ type: "keep" }], asked).confirm).toBeNull();
  const done = found("done", ["甲公司", "乙公司"]);
  const written = run([{ type: "writeStarted" }, { type: "written", done }, { type: "finished" }], asked);
  expect([written.done, written.found, written.confirm, written.progress]).toEqual([done, null, null, null]);
});
