/**
 * The pane's Web Worker, in Node (worker_threads) for the bench: the same runCheck and the same
 * sliced protocol (src/excel/check-protocol.ts), so the bench measures the architecture the pane runs.
 */
import { parentPort } from "node:worker_threads";
import { runPlainCheck } from "../src/excel/check";
import { describeError, workerSide, type ToWorker } from "../src/excel/check-protocol";

const handle = workerSide(
  (m) => parentPort?.postMessage(m),
  runPlainCheck,
  describeError
);
parentPort?.on("message", (m: ToWorker) => handle(m));
