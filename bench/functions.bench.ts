/**
 * Custom functions as Excel calls them: one call over a 100,000-row range (a single spill), and
 * single-cell calls (Excel's recalculation calls a function once per formula cell).
 * Targets (issue 4): a 100,000-row AGING_CLASS and PROVISION call ≤ 100 ms each; a single-cell
 * call ≤ 5 µs (median).
 */
import { agingClassFn, provisionFn } from "../src/functions/functions";
import type { Report } from "./run";
import { median, timeMs } from "./stats";

const ROWS = 100_000;
const AS_OF = 40786; // 2011-08-31

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822519) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

export async function run(report: Report): Promise<void> {
  const r = rng(42);
  const due: number[][] = [];
  const arisen: number[][] = [];
  const balance: number[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const a = AS_OF - Math.floor(r() * 6 * 365);
    arisen.push([a]);
    due.push([a + 30]);
    balance.push([Math.round(r() * 1e8) / 100]);
  }
  const asOf = [[AS_OF]];

  const classMs = timeMs(() => agingClassFn(due, asOf), 7);
  report("functions-aging-class-100k-rows", classMs.toFixed(1), "ms", "<= 100 ms");
  const provisionMs = timeMs(() => provisionFn(balance, arisen, asOf), 7);
  report("functions-provision-100k-rows", provisionMs.toFixed(1), "ms", "<= 100 ms");

  // Single cells: batches of 10,000 calls, the median batch divided by its size.
  const cells = due.slice(0, 10_000).map((row) => [row]);
  const perCall: number[] = [];
  for (let rep = 0; rep < 9; rep++) {
    const t0 = process.hrtime.bigint();
    for (const c of cells) agingClassFn(c, asOf);
    perCall.push(Number(process.hrtime.bigint() - t0) / 1e3 / cells.length);
  }
  report("functions-aging-class-single-cell", median(perCall.slice(1)).toFixed(2), "us", "<= 5 us");
  const pcells: [number[][], number[]][] = balance.slice(0, 10_000).map((row, i) => [[row], arisen[i]]);
  const perProvision: number[] = [];
  for (let rep = 0; rep < 9; rep++) {
    const t0 = process.hrtime.bigint();
    for (const [b, a] of pcells) provisionFn(b, [a], asOf);
    perProvision.push(Number(process.hrtime.bigint() - t0) / 1e3 / pcells.length);
  }
  report("functions-provision-single-cell", median(perProvision.slice(1)).toFixed(2), "us", "<= 5 us");
}
