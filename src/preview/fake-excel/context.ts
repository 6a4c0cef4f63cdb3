/**
 * `Excel.run`, `RequestContext` and the batch engine: what one `context.sync()` does.
 *
 * One sync = one request to Excel carrying every queued command, in order:
 * 1. An empty queue makes no round trip (Office.js resolves such a sync locally).
 * 2. The request's JSON size is measured; over the limit (5 MB on Excel on the web) the sync
 *    rejects with RequestPayloadSizeLimitExceeded and nothing runs: the request is never sent.
 * 3. Commands run in order. When one fails, the sync rejects with its error (debugInfo.statement
 *    names the statement) and the rest are dropped. What the earlier commands did stays, as in
 *    Excel, where a batch is not a transaction (failureMode "partial", the default); with
 *    failureMode "atomic" the whole batch is taken back instead. A failing command itself never
 *    leaves half its work behind.
 * 4. The response's JSON size is measured; over the limit the sync rejects with
 *    ResponsePayloadSizeLimitExceeded and the batch is taken back (Excel's own behaviour here is
 *    not documented; the fake chooses "nothing applied" so tests see the failure plainly).
 * 5. Loaded values and isNullObject reach the proxies only when the whole sync succeeded.
 *
 * Cell-edit mode (`startCellEdit()` … `endCellEdit()`): a request that reaches Excel while the user
 * edits a cell fails with InvalidOperationInCellEditMode and runs nothing, unless its Excel.run
 * asked for `{ delayForCellEdit: true }`: then it waits until the edit ends ("the batch request is
 * delayed until the user exits cell edit mode", Excel.RunOptions in the API reference,
 * https://learn.microsoft.com/javascript/api/excel/excel.runoptions). Office.js sends the flag only to
 * hosts with the DelayForCellEdit set (`onBeforeExcelRun` in excel-web-16.00.debug.js); the fake's
 * host has it when requirementSets list DelayForCellEdit 1.1 or are not limited.
 */
import { FakeClientObject, type Command, type ProxyContext } from "./client-object";
import {
  cellEditMode,
  ErrorCodes,
  FakeOfficeError,
  invalidArgument,
  invalidObjectPath,
  notImplemented,
  requestPayloadTooLarge,
  responsePayloadTooLarge,
} from "./errors";
import { jsonByteSize } from "./payload";
import { FakeApplication, FakeWorkbookProxy } from "./proxies-workbook";
import { Tx } from "./tx";
import type { FakeWorkbook } from "./workbook";

export const DEFAULT_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface FakeExcelOptions {
  /** Largest request and largest response, in bytes of JSON; default 5 MiB as on Excel on the web. */
  payloadLimitBytes?: number;
  /** What a failed command leaves behind: "partial" (default, like Excel) or "atomic" (nothing from the batch). */
  failureMode?: "partial" | "atomic";
  /** Simulated round-trip time per sync, in ms; 0 (default) resolves on a microtask. */
  latencyMs?: number;
  /**
   * The requirement sets the host supports, e.g. { ExcelApi: "1.9", CustomFunctionsRuntime: "1.3" }:
   * touching a member of a later set throws ApiNotFound. null (default): every set.
   */
  requirementSets?: Readonly<Record<string, string>> | null;
}

/** a ≤ b for dotted versions ("1.9" < "1.14"). */
export function versionAtMost(a: string, b: string): boolean {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i] ?? 0;
    const q = y[i] ?? 0;
    if (p !== q) return p < q;
  }
  return true;
}

export interface FakeRequestRecord {
  /** JSON bytes of the commands sent (statements and the values they carry). */
  readonly bytesOut: number;
  /** JSON bytes of what came back (loaded values, results). */
  readonly bytesIn: number;
  readonly commands: number;
  /** The error code, when the sync failed. */
  readonly error?: string;
}

export interface FakeExcelStats {
  /** Round trips: syncs that carried at least one command (Excel.run's closing sync included). */
  syncs: number;
  /** Every call to context.sync(), empty ones included. */
  syncCalls: number;
  /** One entry per round trip. */
  requests: FakeRequestRecord[];
  /** Largest bytesOut so far. */
  readonly maxRequestBytes: number;
  /** Largest bytesIn so far. */
  readonly maxResponseBytes: number;
}

export interface InjectedFailure {
  /** Error code; default "GeneralException". */
  code?: string;
  message?: string;
  /** Fail after this many commands of the batch have run (default 0: before any runs). */
  afterCommands?: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class FakeExcelHost {
  readonly options: Required<FakeExcelOptions>;
  readonly stats: FakeExcelStats;
  private roundTrips = 0;
  private readonly failures = new Map<number, InjectedFailure>();
  private editing: { ended: Promise<void>; end: () => void } | null = null;

  constructor(
    readonly workbook: FakeWorkbook,
    options: FakeExcelOptions = {},
  ) {
    this.options = {
      payloadLimitBytes: options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT_BYTES,
      failureMode: options.failureMode ?? "partial",
      latencyMs: options.latencyMs ?? 0,
      requirementSets: options.requirementSets ?? null,
    };
    this.stats = FakeExcelHost.freshStats();
  }

  private static freshStats(): FakeExcelStats {
    return {
      syncs: 0,
      syncCalls: 0,
      requests: [],
      get maxRequestBytes() {
        return this.requests.reduce((m, r) => Math.max(m, r.bytesOut), 0);
      },
      get maxResponseBytes() {
        return this.requests.reduce((m, r) => Math.max(m, r.bytesIn), 0);
      },
    };
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.syncCalls = 0;
    this.stats.requests = [];
  }

  /** The n-th round trip from now (1 = the next one) fails. */
  failSync(n: number, failure: InjectedFailure = {}): void {
    if (!Number.isInteger(n) || n < 1) throw new Error("FakeExcel: failSync(n) counts round trips from 1");
    this.failures.set(this.roundTrips + n, failure);
  }

  /** Whether the host runs at a requirement set: "1.14" is ExcelApi 1.14, else "Name 1.2". */
  supports(set: string): boolean {
    const sets = this.options.requirementSets;
    if (sets === null) return true;
    const m = /^(?:(\w+) )?([\d.]+)$/.exec(set);
    if (!m) return false;
    const have = sets[m[1] ?? "ExcelApi"];
    return have !== undefined && versionAtMost(m[2], have);
  }

  /** The user starts editing a cell: requests fail (or wait, with delayForCellEdit) until endCellEdit. */
  startCellEdit(): void {
    if (this.editing) return;
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.editing = { ended, end };
  }

  endCellEdit(): void {
    const e = this.editing;
    this.editing = null;
    e?.end();
  }

  get inCellEdit(): boolean {
    return this.editing !== null;
  }

  /** Resolves when no cell is being edited. */
  async cellEditEnded(): Promise<void> {
    while (this.editing) await this.editing.ended;
  }

  /** A request refused because a cell is being edited: a round trip that ran nothing. */
  refuseForCellEdit(batch: readonly Command[]): never {
    this.roundTrips++;
    this.stats.syncs++;
    const e = cellEditMode();
    this.stats.requests.push({ bytesOut: 0, bytesIn: 0, commands: batch.length, error: e.code });
    throw e;
  }

  delay(): Promise<void> {
    const ms = this.options.latencyMs;
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }

  /** Runs one batch synchronously (see the module comment). */
  execute(batch: readonly Command[]): void {
    this.roundTrips++;
    this.stats.syncs++;
    const limit = this.options.payloadLimitBytes;
    let bytesOut = 2;
    for (const c of batch) bytesOut += jsonByteSize(c.statement) + jsonByteSize(c.payload ?? null) + 8;
    const record: Mutable<FakeRequestRecord> = { bytesOut, bytesIn: 0, commands: batch.length };
    this.stats.requests.push(record);
    const fail = (e: FakeOfficeError): never => {
      record.error = e.code;
      throw e;
    };
    if (bytesOut > limit) fail(requestPayloadTooLarge(bytesOut, limit));

    const injected = this.failures.get(this.roundTrips);
    this.failures.delete(this.roundTrips);
    const injectedError = injected
      ? new FakeOfficeError(injected.code ?? ErrorCodes.generalException, injected.message ?? `FakeExcel: injected failure at round trip ${this.roundTrips}`)
      : undefined;

    const tx = new Tx(this.workbook);
    const results: unknown[] = [];
    let i = 0;
    try {
      for (; i < batch.length; i++) {
        if (injectedError && (injected?.afterCommands ?? 0) === i) throw injectedError;
        const command = batch[i];
        results.push(tx.runCommand(() => command.run(tx)));
      }
      if (injectedError && (injected?.afterCommands ?? 0) >= batch.length) throw injectedError;
    } catch (e) {
      if (this.options.failureMode === "atomic") tx.rollback();
      else this.bind(tx, false);
      if (e instanceof FakeOfficeError) {
        if (i < batch.length && !e.debugInfo.statement) e.withStatement(batch[i].statement);
        fail(e);
      }
      record.error = "FakeExcelBug";
      throw e;
    }

    let bytesIn = 2;
    for (let k = 0; k < batch.length; k++) {
      const c = batch[k];
      bytesIn += jsonByteSize(c.measure ? c.measure(results[k]) : (results[k] ?? null)) + 1;
    }
    record.bytesIn = bytesIn;
    if (bytesIn > limit) {
      tx.rollback();
      fail(responsePayloadTooLarge(bytesIn, limit));
    }
    this.bind(tx, true);
    for (let k = 0; k < batch.length; k++) batch[k].apply?.(results[k]);
  }

  /** Proxies keep what they resolved to; isNullObject becomes known only after a successful sync. */
  private bind(tx: Tx, succeeded: boolean): void {
    for (const [proxy, target] of tx.resolved) {
      if (!(proxy instanceof FakeClientObject)) continue;
      if (!proxy._positional) proxy._bound = target;
      if (succeeded) proxy._isNull = target === null;
    }
  }
}

export class FakeRequestContext implements ProxyContext {
  /** @internal */ _pending: Command[] = [];
  /** @internal */ _open = true;
  readonly requestHeaders: Record<string, string> = {};
  /** Tracking only matters for object lifetimes in Excel; the fake keeps every object alive. */
  readonly trackedObjects = {
    add: (): void => undefined,
    remove: (): void => undefined,
  };
  private workbookProxy: FakeWorkbookProxy | undefined;
  /** @internal Excel.run({ delayForCellEdit: true }): wait out a cell edit instead of failing. */
  _delayForCellEdit = false;

  constructor(
    /** @internal */ readonly _host: FakeExcelHost,
  ) {}

  /** @internal */
  _supports(set: string): boolean {
    return this._host.supports(set);
  }

  get _workbook(): FakeWorkbook {
    return this._host.workbook;
  }

  get workbook(): FakeWorkbookProxy {
    this.workbookProxy ??= new FakeWorkbookProxy(this, "workbook", () => this._host.workbook);
    return this.workbookProxy;
  }

  get application(): FakeApplication {
    return this.workbook.application;
  }

  get runtime(): never {
    throw notImplemented("RequestContext.runtime");
  }

  get debugInfo(): { pendingStatements: string[] } {
    return { pendingStatements: this._pending.map((c) => c.statement) };
  }

  /** @internal */
  _enqueue(command: Command): void {
    if (!this._open) throw invalidObjectPath(command.statement);
    this._pending.push(command);
  }

  load(object: unknown, option?: unknown): void {
    if (!(object instanceof FakeClientObject)) throw invalidArgument("load() needs a proxy object", "RequestContext.load");
    if (object._ctx !== this) throw new FakeOfficeError(ErrorCodes.invalidRequestContext, "Cannot use the object across different request contexts.");
    object.load(option);
  }

  loadRecursive(): never {
    throw notImplemented("RequestContext.loadRecursive");
  }

  trace(message: string): void {
    this._enqueue({ statement: `trace(${JSON.stringify(message)})`, payload: message, run: () => undefined });
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    this._host.stats.syncCalls++;
    const batch = this._pending;
    this._pending = [];
    if (batch.length === 0) {
      await Promise.resolve();
      return passThroughValue as T;
    }
    await this._host.delay();
    if (this._host.inCellEdit) {
      if (this._delayForCellEdit && this._host.supports("DelayForCellEdit 1.1")) await this._host.cellEditEnded();
      else this._host.refuseForCellEdit(batch);
    }
    this._host.execute(batch);
    return passThroughValue as T;
  }
}

type Batch<T> = (context: FakeRequestContext) => Promise<T>;

/** Excel.run(batch), Excel.run(options, batch), Excel.run(object | objects | context, batch). */
export function createRun(host: FakeExcelHost): <T>(...args: unknown[]) => Promise<T> {
  return async function run<T>(...args: unknown[]): Promise<T> {
    let batch: unknown;
    let context: FakeRequestContext | undefined;
    let delayForCellEdit = false;
    if (args.length === 1) {
      batch = args[0];
    } else if (args.length === 2) {
      const first = args[0];
      batch = args[1];
      if (first instanceof FakeRequestContext) context = first;
      else if (first instanceof FakeClientObject) context = first._ctx as FakeRequestContext;
      else if (Array.isArray(first) && first[0] instanceof FakeClientObject) context = (first[0] as FakeClientObject<unknown>)._ctx as FakeRequestContext;
      else if (first !== null && typeof first === "object") delayForCellEdit = (first as { delayForCellEdit?: unknown }).delayForCellEdit === true;
    } else {
      throw invalidArgument("Excel.run takes a batch function", "Excel.run");
    }
    if (typeof batch !== "function") throw invalidArgument("Excel.run takes a batch function", "Excel.run");
    const owned = context === undefined;
    const ctx = context ?? new FakeRequestContext(host);
    if (owned) ctx._delayForCellEdit = delayForCellEdit;
    try {
      const pending = (batch as Batch<T>)(ctx);
      if (pending === null || pending === undefined || typeof (pending as { then?: unknown }).then !== "function") {
        throw new FakeOfficeError(
          ErrorCodes.runMustReturnPromise,
          'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
        );
      }
      const result = await pending;
      // Office.js flushes whatever is still queued once the batch function is done.
      await ctx.sync();
      return result;
    } finally {
      if (owned) ctx._open = false;
    }
  };
}
