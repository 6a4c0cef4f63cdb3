/**
 * The group run's worker threads (node:worker_threads): `jobs` workers, each given one branch at
 * a time, the next as soon as it answers. A branch that fails — a damaged file, no ledger, an
 * internal error, even a worker that dies — is reported with its reason and the pool goes on
 * with the others (a dead worker is replaced). At most `jobs` branches are in memory at once,
 * one per worker; their rows go to staging files, never through the parent.
 */
import { Worker } from "node:worker_threads";
import { join } from "node:path";
import type { Bilingual } from "../../i18n/bilingual";
import type { BranchDone, BranchSettings, BranchTask } from "./branch";
import { GROUP_CLI } from "../../i18n/group-cli";

/** What each worker is started with. */
export interface WorkerSetup {
  branch: BranchSettings;
  /** The policy as policyToJson writes it (a structured clone of plain JSON text). */
  policyJson: string;
}

export type FromWorker =
  | { type: "rows"; index: number; rows: number }
  | { type: "done"; done: BranchDone }
  | { type: "failed"; index: number; reason: Bilingual; internal: boolean; stack?: string };

export interface BranchFailure {
  index: number;
  source: string;
  reason: Bilingual;
  /** A bug or a crash rather than a problem of the file. */
  internal: boolean;
  stack?: string;
}

interface PoolEvents {
  /** Rows read so far in a large workbook (every 50,000). */
  rows(index: number, rows: number): void;
  done(done: BranchDone): void;
  failed(failure: BranchFailure): void;
}

/** The worker's entry: a CommonJS bootstrap that registers tsx, then loads branch-worker.ts. */
const WORKER_ENTRY = join(__dirname, "branch-worker.cjs");

/** Runs every task on `jobs` workers; resolves when each has been reported done or failed. */
export function runBranches(tasks: readonly BranchTask[], jobs: number, setup: WorkerSetup, events: PoolEvents): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let live = 0;
    if (tasks.length === 0) {
      resolve();
      return;
    }
    const start = (): void => {
      const worker = new Worker(WORKER_ENTRY, { workerData: setup, stdout: false, stderr: false });
      live += 1;
      let current: BranchTask | null = null;
      let crash: Error | null = null;
      const give = (): void => {
        if (next >= tasks.length) {
          current = null;
          void worker.terminate();
          return;
        }
        current = tasks[next++];
        worker.postMessage(current);
      };
      worker.on("message", (m: FromWorker) => {
        if (m.type === "rows") {
          events.rows(m.index, m.rows);
          return;
        }
        if (m.type === "done") events.done(m.done);
        else events.failed({ index: m.index, source: current?.source ?? "", reason: m.reason, internal: m.internal, ...(m.stack === undefined ? {} : { stack: m.stack }) });
        give();
      });
      worker.on("error", (e: Error) => {
        crash = e;
      });
      worker.on("exit", (code) => {
        live -= 1;
        if (current !== null) {
          // The worker died with a branch in hand (out of memory, a native crash): that branch fails, the run goes on.
          const why = crash === null ? `the worker stopped (exit code ${code})` : crash.message;
          events.failed({
            index: current.index,
            source: current.source,
            reason: GROUP_CLI.workerStopped(why),
            internal: true,
            ...(crash?.stack === undefined ? {} : { stack: crash.stack }),
          });
          current = null;
        }
        if (next < tasks.length) start();
        else if (live === 0) resolve();
      });
      give();
    };
    for (let k = 0; k < Math.min(jobs, tasks.length); k++) start();
  });
}
