/**
 * The pane's Web Worker, in Node (worker_threads) for the bench: the same runCheck, plain data
 * across, so the bench measures the architecture the pane runs.
 */
import { parentPort } from "node:worker_threads";
import { runCheck, type CheckInput } from "../src/excel/check";

parentPort?.on("message", (input: CheckInput) => {
  runCheck(input).then(
    ({ summary, results, findings, warnings }) => parentPort?.postMessage({ ok: true, output: { summary, results, findings, warnings } }),
    (error: unknown) => parentPort?.postMessage({ ok: false, error: String(error) })
  );
});
