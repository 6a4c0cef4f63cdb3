/**
 * Runs the check in a Web Worker (check-worker.ts), one worker per run, the data in slices both
 * ways (check-protocol.ts) so the pane stays responsive while a large ledger crosses. Where
 * workers are not available the caller falls back to the in-process check, which yields between
 * slices.
 */
import { ArError } from "../../core/errors";
import type { Checker, CheckOutput } from "../../excel/check";
import { outputCollector, postInput, type FromWorker, type WorkerError } from "../../excel/check-protocol";
import { yieldToUi } from "../../excel/yield-to-ui";

export function workerChecker(): Checker | undefined {
  if (typeof Worker === "undefined") return undefined;
  return (input) =>
    new Promise<CheckOutput>((resolve, reject) => {
      const worker = new Worker(new URL("./check-worker.ts", import.meta.url));
      const collect = outputCollector(() => worker.postMessage({ type: "ack" }));
      const fail = (e: ArError) => {
        worker.terminate();
        reject(e);
      };
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        let output: CheckOutput | null;
        try {
          output = collect(e.data);
        } catch (error) {
          const w = error as WorkerError;
          fail(new ArError(w.id, w.text, { excel: w.excel }));
          return;
        }
        if (output !== null) {
          worker.terminate();
          resolve(output);
        }
      };
      worker.onmessageerror = () => fail(new ArError("check.worker", { "zh-CN": "检查结果无法传回任务窗格。", "en-US": "The check's results could not be passed back to the pane." }));
      worker.onerror = (e) => fail(new ArError("check.worker", { "zh-CN": `检查进程出错：${e.message}`, "en-US": `The check failed: ${e.message}` }));
      postInput((m) => worker.postMessage(m), input, yieldToUi).catch((e: unknown) =>
        fail(new ArError("check.worker", { "zh-CN": `无法把台账交给检查进程：${String(e)}`, "en-US": `The ledger could not be passed to the check: ${String(e)}` }))
      );
    });
}
