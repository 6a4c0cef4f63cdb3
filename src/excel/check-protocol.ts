/**
 * How the check's data crosses to a worker and back without freezing the pane. Structured clone
 * of a 100,000-row ledger (or of the results sheet's rows) takes the UI thread 100–150 ms in one
 * go; sent as slices of SLICE_ROWS rows, one message each, every slice costs a few milliseconds
 * and the UI runs between them (the sender yields between slices; each message arriving is a task
 * of its own). The same protocol serves the pane's Web Worker and the bench's worker_threads.
 */
import { isArError, type ExcelErrorKind } from "../core/errors";
import type { Bilingual } from "../i18n/bilingual";
import type { CheckInput, CheckOutput } from "./check";

export const SLICE_ROWS = 5000;

type Row = unknown[];

/** "ack": the UI has taken a slice of the output; the worker sends the next one only then. */
export type ToWorker = { type: "rows"; rows: Row[] } | { type: "run"; input: CheckInput } | { type: "ack" };

export type WorkerError = { id: string; text: Bilingual; excel: ExcelErrorKind };

export type FromWorker =
  | { type: "rows"; sheet: "results" | "findings"; rows: Row[] }
  | { type: "done"; output: CheckOutput }
  | { type: "error"; error: WorkerError };

function slices<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += SLICE_ROWS) out.push(rows.slice(i, i + SLICE_ROWS));
  return out;
}

/** UI side: the ledger's rows in slices, `pause` awaited between them, then the rest of the input. */
export async function postInput(post: (m: ToWorker) => void, input: CheckInput, pause: () => Promise<void>): Promise<void> {
  for (const rows of slices(input.block.values)) {
    post({ type: "rows", rows });
    await pause();
  }
  post({ type: "run", input: { ...input, block: { ...input.block, values: [] } } });
}

/**
 * Worker side: one handler for every message from the UI. It gathers the input's slices and calls
 * `run` with the whole input on "run"; the output then goes back a slice at a time, the next one
 * only when the UI has acknowledged the last, so each slice is a task of its own on the UI thread
 * (a browser would deliver queued messages one task each anyway; Node's worker_threads delivers
 * them in one batch, and the bench measures what the pane would feel).
 */
export function workerSide(post: (m: FromWorker) => void, run: (input: CheckInput) => Promise<CheckOutput>, describe: (error: unknown) => WorkerError): (m: ToWorker) => void {
  const rows: Row[] = [];
  let pending: FromWorker[] = [];
  const next = (): void => {
    const m = pending.shift();
    if (m !== undefined) post(m);
  };
  return (m) => {
    if (m.type === "rows") {
      for (const r of m.rows) rows.push(r);
      return;
    }
    if (m.type === "ack") {
      next();
      return;
    }
    run({ ...m.input, block: { ...m.input.block, values: rows } }).then(
      (output) => {
        pending = outputMessages(output);
        next();
      },
      (error: unknown) => post({ type: "error", error: describe(error) })
    );
  };
}

function outputMessages(output: CheckOutput): FromWorker[] {
  const out: FromWorker[] = [];
  for (const sheet of ["results", "findings"] as const) {
    for (const rows of slices(output[sheet].rows)) out.push({ type: "rows", sheet, rows });
  }
  out.push({ type: "done", output: { ...output, results: { ...output.results, rows: [] }, findings: { ...output.findings, rows: [] } } });
  return out;
}

/**
 * UI side: gathers the slices, acknowledging each (`ack`); returns the whole output on "done",
 * null before; throws what the worker reported on "error" (the caller turns it into its own error).
 */
export function outputCollector(ack: () => void): (m: FromWorker) => CheckOutput | null {
  const rows: Record<"results" | "findings", Row[]> = { results: [], findings: [] };
  return (m) => {
    if (m.type === "rows") {
      const list = rows[m.sheet];
      for (const r of m.rows) list.push(r);
      ack();
      return null;
    }
    if (m.type === "error") throw m.error;
    const { output } = m;
    return {
      ...output,
      results: { ...output.results, rows: rows.results as CheckOutput["results"]["rows"] },
      findings: { ...output.findings, rows: rows.findings as CheckOutput["findings"]["rows"] },
    };
  };
}

/** An error as the worker reports it: an ArError's id and bilingual text, anything else as text. */
export function describeError(error: unknown): WorkerError {
  return isArError(error) ? { id: error.id, text: error.text, excel: error.excel } : { id: "internal", text: { "zh-CN": String(error), "en-US": String(error) }, excel: "#VALUE!" };
}
