/**
 * The Validate run over a 100,000-row ledger through the in-memory Excel (its load/sync rules and
 * 5 MB payload limit): round trips, the largest request and response, wall time, and the longest
 * gap between progress updates (the pane's responsiveness).
 * Targets (issue 6): ≤ 30 syncs, no request over 5 MB, progress at least every 250 ms.
 */
import { createFakeExcel } from "../src/preview/fake-excel";
import { runValidate, type ExcelRun } from "../src/excel/validate-run";
import type { Checker, CheckOutput } from "../src/excel/check";
import { outputCollector, postInput, type FromWorker } from "../src/excel/check-protocol";
import { Worker } from "node:worker_threads";
import { join } from "node:path";
import { fromYmd } from "../src/core/calendar";
import type { Report } from "./run";
import { median } from "./stats";

const ROWS = 100_000;
const AS_OF = fromYmd(2011, 8, 31);

export function ledger(): (string | number | null)[][] {
  let s = 7;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const rows: (string | number | null)[][] = [["客户名称", "单据号", "责任部门", "发生日期", "信用期(天)", "到期日", "金额", "已收金额", "余额", "状态", "责任人", "回收可能性"]];
  for (let i = 0; i < ROWS; i++) {
    const arisen = 40786 - Math.floor(rnd() * 2000);
    const amount = Math.round(rnd() * 5e7) / 100;
    const received = Math.round(amount * rnd() * 50) / 100;
    rows.push([`客户${i % 900}`, `FP-${i}`, `第${i % 7}项目部`, arisen, 30, arisen + 30, amount, received, Math.round((amount - received) * 100) / 100, i % 97 === 0 ? "拒绝付款" : null, `张${i % 40}`, 0.8]);
  }
  return rows;
}

/** The pane's worker, as worker_threads: the check runs off the main thread, the data crosses in slices. */
export const nodeWorkerChecker: Checker = (input) =>
  new Promise<CheckOutput>((resolve, reject) => {
    const worker = new Worker(join(__dirname, "check-worker-node.cjs")); // registers tsx, then runs check-worker-node.ts
    const collect = outputCollector(() => worker.postMessage({ type: "ack" }));
    worker.on("message", (m: FromWorker) => {
      try {
        const output = collect(m);
        if (output === null) return;
        void worker.terminate();
        resolve(output);
      } catch (e) {
        void worker.terminate();
        reject(new Error(JSON.stringify(e)));
      }
    });
    worker.once("error", reject);
    postInput((m) => worker.postMessage(m), input, () => new Promise((r) => setTimeout(r, 0))).catch(reject);
  });

/** The longest the main thread went without running a 10 ms timer: how long the UI would have been frozen. */
function blockingProbe(): () => number {
  let last = performance.now();
  let worst = 0;
  const t = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  return () => {
    clearInterval(t);
    return worst;
  };
}

export async function run(report: Report): Promise<void> {
  const cells = ledger();
  const times: number[] = [];
  let syncs = 0;
  let maxReq = 0;
  let maxRes = 0;
  let maxGap = 0;
  const blocked: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    const fake = createFakeExcel({ sheets: [{ name: "台账", cells }] });
    let last = performance.now();
    let gap = 0;
    const t0 = performance.now();
    const stopProbe = blockingProbe();
    const out = await runValidate(fake.Excel.run as unknown as ExcelRun, {
      checker: nodeWorkerChecker,
      source: { kind: "range", sheet: "台账" },
      asOf: AS_OF,
      lang: "zh-CN",
      onProgress: () => {
        const now = performance.now();
        gap = Math.max(gap, now - last);
        last = now;
      },
    });
    gap = Math.max(gap, performance.now() - last);
    times.push((performance.now() - t0) / 1000);
    blocked.push(stopProbe());
    if (out.kind !== "done" || out.summary.totals.all.count !== ROWS) throw new Error("the bench run did not check every row");
    syncs = fake.stats.syncs;
    maxReq = Math.max(maxReq, fake.stats.maxRequestBytes);
    maxRes = Math.max(maxRes, fake.stats.maxResponseBytes);
    maxGap = Math.max(maxGap, gap);
  }
  report("gateway-validate-100k-rows", median(times).toFixed(2), "s", "informational");
  report("gateway-validate-100k-syncs", String(syncs), "syncs", "<= 30");
  report("gateway-validate-100k-max-request", (maxReq / 1048576).toFixed(2), "MB", "< 5 MB");
  report("gateway-validate-100k-max-response", (maxRes / 1048576).toFixed(2), "MB", "< 5 MB");
  report("gateway-validate-100k-max-progress-gap", maxGap.toFixed(0), "ms", "<= 250 ms");
  // The main thread's longest stall (the in-memory Excel runs on it too, as Excel's own work does not).
  report("gateway-validate-100k-main-thread-max-stall", median(blocked).toFixed(0), "ms", "informational");
}
