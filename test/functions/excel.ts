/**
 * Calling custom functions the way Excel does: serial numbers, 2-D arrays, blank cells (0 on
 * desktop, null on the web), error values. Serials: test/helpers/serial-dates.
 */
import { isCellError, type CellError } from "../../src/functions/cells";

/** A column range from values. */
export function col(...values: unknown[]): unknown[][] {
  return values.map((v) => [v]);
}

export function one<T>(result: T[][]): T {
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0][0];
}

/** The error value in a cell, asserting it is one. */
export function errorIn(v: unknown): CellError {
  expect(isCellError(v)).toBe(true);
  return v as CellError;
}

/** Runs a function expected to fail as a whole; returns the error Excel would show. */
export function thrown(fn: () => unknown): CellError {
  try {
    fn();
  } catch (e) {
    return errorIn(e);
  }
  throw new Error("expected the call to fail");
}
