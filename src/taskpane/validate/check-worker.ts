/**
 * The Web Worker that runs the check for the pane (src/excel/check.ts), so reading and auditing a
 * large ledger never blocks the UI thread. Plain data in, plain data out; an ArError comes back as
 * its id and bilingual text.
 */
import { runCheck, type CheckInput } from "../../excel/check";
import { isArError } from "../../core/errors";

const scope = self as unknown as { onmessage: ((e: MessageEvent<CheckInput>) => void) | null; postMessage(message: unknown): void };

function failure(error: unknown): void {
  scope.postMessage({
    ok: false,
    error: isArError(error) ? { id: error.id, text: error.text, excel: error.excel } : { id: "internal", text: { "zh-CN": String(error), "en-US": String(error) }, excel: "#VALUE!" },
  });
}

scope.onmessage = (e) => {
  runCheck(e.data).then(({ summary, results, findings, warnings }) => {
    try {
      scope.postMessage({ ok: true, output: { summary, results, findings, warnings } });
    } catch (error) {
      failure(error); // e.g. a value that cannot be cloned: say so rather than go quiet
    }
  }, failure);
};
