/**
 * The Web Worker that runs the check for the pane (src/excel/check.ts), so reading and auditing a
 * large ledger never blocks the UI thread. Plain data in and out, in slices (check-protocol.ts);
 * an ArError comes back as its id and bilingual text.
 */
import { runPlainCheck } from "../../excel/check";
import { describeError, workerSide, type FromWorker, type ToWorker } from "../../excel/check-protocol";

const scope = self as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(message: FromWorker): void };

const post = (m: FromWorker): void => {
  try {
    scope.postMessage(m);
  } catch (error) {
    scope.postMessage({ type: "error", error: describeError(error) }); // e.g. a value that cannot be cloned: say so rather than go quiet
  }
};
const handle = workerSide(post, runPlainCheck, describeError);
scope.onmessage = (e) => handle(e.data);
