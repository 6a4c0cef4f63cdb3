/**
 * The product's errors as a test sees them: the ArError a call throws or a promise rejects with,
 * to assert its id (and fields, messages) rather than only that something failed.
 */
import { type ArError, isArError } from "../../src/core/errors";

/** The ArError `fn` throws; fails the test when it returns, and rethrows any other error as it is. */
export function thrown(fn: () => unknown): ArError {
  try {
    fn();
  } catch (e) {
    if (isArError(e)) return e;
    throw e;
  }
  throw new Error("expected an ArError, nothing was thrown");
}

/** The ArError the promise rejects with; fails the test when it resolves, and rethrows any other error. */
export async function rejection(p: Promise<unknown>): Promise<ArError> {
  try {
    await p;
  } catch (e) {
    if (isArError(e)) return e;
    throw e;
  }
  throw new Error("expected the promise to reject with an ArError");
}
