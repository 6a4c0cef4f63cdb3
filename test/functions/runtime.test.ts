/**
 * Inside Excel the runtime defines CustomFunctions: errors must then be its own Error objects
 * (Excel shows #VALUE!/#NUM! only for those), with the runtime's codes and our message.
 */
class RuntimeError {
  constructor(readonly code: string, readonly message?: string) {}
}
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: RuntimeError,
  ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
};

import { agingClassFn, creditScoreFn } from "../../src/functions/functions";

afterAll(() => {
  delete (globalThis as unknown as { CustomFunctions?: unknown }).CustomFunctions;
});

test("a bad row yields the runtime's own error object in that cell", () => {
  const out = agingClassFn([["2011-13-01"], [40786]], [[40786]]);
  expect(out[0][0]).toBeInstanceOf(RuntimeError);
  expect((out[0][0] as RuntimeError).code).toBe("#VALUE!");
  expect(out[1][0]).toBe("正常");
});

test("a failed call throws the runtime's error with the right code", () => {
  const answers = Array.from({ length: 32 }, () => [1]);
  answers[5] = [101];
  let caught: unknown;
  try {
    creditScoreFn(answers);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(RuntimeError);
  expect((caught as RuntimeError).code).toBe("#NUM!");
  expect((caught as RuntimeError).message).toMatch(/6/);
});
