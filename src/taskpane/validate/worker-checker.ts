/**
 * Runs the check in a Web Worker (check-worker.ts), one worker per run. Where workers are not
 * available the caller falls back to the in-process check, which yields between slices.
 */
import { ArError, type Bilingual, type ExcelErrorKind } from "../../core/errors";
import type { Checker, CheckOutput } from "../../excel/check";

type Reply = { ok: true; output: CheckOutput } | { ok: false; error: { id: string; text: Bilingual; excel: ExcelErrorKind } };

export function workerChecker(): Checker | undefined {
  if (typeof Worker === "undefined") return undefined;
  return (input) =>
    new Promise<CheckOutput>((resolve, reject) => {
      const worker = new Worker(new URL("./check-worker.ts", import.meta.url));
      worker.onmessage = (e: MessageEvent<Reply>) => {
        worker.terminate();
        if (e.data.ok) resolve(e.data.output);
        else reject(new ArError(e.data.error.id, e.data.error.text, { excel: e.data.error.excel }));
      };
      worker.onmessageerror = () => {
        worker.terminate();
        reject(new ArError("check.worker", { "zh-CN": "检查结果无法传回任务窗格。", "en-US": "The check's results could not be passed back to the pane." }));
      };
      worker.onerror = (e) => {
        worker.terminate();
        reject(new ArError("check.worker", { "zh-CN": `检查进程出错：${e.message}`, "en-US": `The check failed: ${e.message}` }));
      };
      worker.postMessage(input);
    });
}
