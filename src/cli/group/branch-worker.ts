/**
 * A worker thread of the group run (pool.ts): takes one branch at a time from the parent, runs
 * branch.auditBranch on it and answers with the branch's figures or its one-line reason. Loaded
 * through branch-worker.cjs, which registers tsx first.
 */
import { parentPort, workerData } from "node:worker_threads";
import { isArError } from "../../core/errors";
import { policyFromJson } from "../../core/policy";
import { auditBranch, type BranchTask } from "./branch";
import type { FromWorker, WorkerSetup } from "./pool";
import { GROUP_CLI } from "../../i18n/group-cli";

const setup = workerData as WorkerSetup;
const policy = policyFromJson(setup.policyJson);
const port = parentPort;

function post(message: FromWorker): void {
  port?.postMessage(message);
}

port?.on("message", (task: BranchTask) => {
  auditBranch(task, setup.branch, policy, (rows) => post({ type: "rows", index: task.index, rows })).then(
    (done) => post({ type: "done", done }),
    (e: unknown) => {
      if (isArError(e)) post({ type: "failed", index: task.index, reason: e.text, internal: false });
      else {
        const why = e instanceof Error ? e.message : String(e);
        post({
          type: "failed",
          index: task.index,
          reason: GROUP_CLI.internalError(why),
          internal: true,
          ...(e instanceof Error && e.stack !== undefined ? { stack: e.stack } : {}),
        });
      }
    },
  );
});
