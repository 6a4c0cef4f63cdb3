/**
 * The pane's worker protocol (src/excel/check-protocol.ts) over an in-memory channel: every message
 * structured-cloned, as postMessage does, and delivered as a task of its own. What went across is
 * recorded, so tests can check the slicing and the flow control.
 */
import { runPlainCheck, type Checker, type CheckOutput } from "../../src/excel/check";
import { describeError, outputCollector, postInput, workerSide, type FromWorker, type ToWorker } from "../../src/excel/check-protocol";

export interface ChannelLog {
  toWorker: ToWorker["type"][];
  fromWorker: FromWorker["type"][];
  /** The most output slices the worker had sent that the UI had not acknowledged. */
  maxUnacknowledged: number;
}

export function channelChecker(log?: ChannelLog): Checker {
  return (input) =>
    new Promise<CheckOutput>((resolve, reject) => {
      let outstanding = 0;
      const toUi = (m: FromWorker): void => {
        log?.fromWorker.push(m.type);
        if (m.type === "rows") {
          outstanding++;
          if (log) log.maxUnacknowledged = Math.max(log.maxUnacknowledged, outstanding);
        }
        const copy = structuredClone(m);
        setTimeout(() => {
          try {
            const out = collect(copy);
            if (out !== null) resolve(out);
          } catch (e) {
            reject(e);
          }
        }, 0);
      };
      const worker = workerSide(toUi, runPlainCheck, describeError);
      const toWorker = (m: ToWorker): void => {
        log?.toWorker.push(m.type);
        if (m.type === "ack") outstanding--;
        const copy = structuredClone(m);
        setTimeout(() => worker(copy), 0);
      };
      const collect = outputCollector(() => toWorker({ type: "ack" }));
      postInput(toWorker, input, () => new Promise((r) => setTimeout(r, 0))).catch(reject);
    });
}
