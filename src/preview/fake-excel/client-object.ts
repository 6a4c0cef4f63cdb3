/**
 * The proxy-object machinery Office.js gives every Excel object, rebuilt for the fake:
 *
 * - A proxy holds a path (a resolver run inside a batch), not the object itself. Creating a
 *   proxy sends nothing; `getItem("Missing")` fails only when a batch uses it.
 * - Setting a property or calling a method queues a command; `load()` queues a read. Nothing
 *   touches the workbook until `context.sync()`.
 * - Reading a scalar property that was neither loaded (and synced) nor set on this proxy throws
 *   PropertyNotLoaded, as Office.js does (`Utility.throwIfNotLoaded` in excel-web-16.00.debug.js).
 *   A value set on the proxy reads back locally, unsynced, also as in Office.js (the setter
 *   stores it before queueing the command).
 * - *OrNullObject proxies learn `isNullObject` at the next sync. A property of a null object reads
 *   undefined, not PropertyNotLoaded (Office.js `Utility.throwIfNotLoaded` skips the check when
 *   the object is null); a load through a null object gives a null object; a command that needs
 *   one (a write, a method) rejects ItemNotFound.
 * - Every member belongs to its requirement set (api-sets.ts, from @types/office-js). When the
 *   host runs at given sets (FakeExcelOptions.requirementSets), touching a member of a later set
 *   throws ApiNotFound at once, on the client, as Office.js does
 *   (`CommonUtility.throwIfApiNotSupported`, called from every generated getter, setter and method).
 * - Members of the real Excel class that the fake does not model throw
 *   "FakeExcel: Type.member is not implemented" as soon as they are touched.
 */
import { EXCEL_API_SETS } from "./api-sets";
import { EXCEL_MEMBERS } from "./excel-members";
import {
  apiNotFound,
  invalidArgument,
  invalidRequestContext,
  itemNotFound,
  notImplemented,
  NullTargetError,
  propertyNotLoaded,
  readOnlyProperty,
  valueNotLoaded,
} from "./errors";
import type { Tx } from "./tx";
import type { FakeWorkbook } from "./workbook";

/** One queued statement of a batch. */
export interface Command {
  /** Shown in debugInfo.statement when the batch fails, and in context.debugInfo.pendingStatements. */
  readonly statement: string;
  /** What the statement carries to Excel (values written, arguments), for the request size. */
  readonly payload?: unknown;
  /** Runs against the workbook inside the batch; the result travels back. */
  run(tx: Tx): unknown;
  /** The part of the result that counts toward the response size (default: all of it). */
  measure?(result: unknown): unknown;
  /** After the whole batch succeeded: hand results to proxies. */
  apply?(result: unknown): void;
}

export interface ProxyContext {
  readonly _workbook: FakeWorkbook;
  _enqueue(command: Command): void;
  /** Whether the host runs at a requirement set ("1.14" is ExcelApi 1.14; "ExcelApiOnline 1.1"). */
  _supports(set: string): boolean;
}

export interface ScalarSpec<T> {
  readonly name: string;
  get(target: T, tx: Tx, workbook: FakeWorkbook): unknown;
  set?(target: T, value: unknown, tx: Tx, workbook: FakeWorkbook): void;
  /** Left out of a parameterless load(), like Range.numberFormatCategories in Excel. */
  readonly explicitOnly?: boolean;
}

interface TypeSpec<T> {
  readonly typeName: string;
  readonly scalars: readonly ScalarSpec<T>[];
  /** Navigation properties usable in load paths ("format/font/bold"). */
  readonly navigation?: readonly string[];
}

interface CompiledSpec<T> extends TypeSpec<T> {
  readonly byName: ReadonlyMap<string, ScalarSpec<T>>;
  readonly members: ReadonlySet<string>;
  /** Member → requirement set (api-sets.ts). */
  readonly sets: ReadonlyMap<string, string>;
}

export type Resolver<T> = (tx: Tx) => T | null;

type LoadPaths = string[] | null; // null: every scalar

/** Office.js load options: "a, b", ["a", "b"], { select, expand }, or { a: true, format: { font: { bold: true } } }. */
function parseLoadOption(option: unknown): LoadPaths {
  if (option === undefined || option === null) return null;
  if (typeof option === "string") return splitSelect(option);
  if (Array.isArray(option)) return option.flatMap((o) => (typeof o === "string" ? splitSelect(o) : []));
  if (typeof option === "object") {
    const o = option as Record<string, unknown>;
    if ("select" in o || "expand" in o || "top" in o || "skip" in o) {
      const select = o.select === undefined ? [] : parseLoadOption(o.select) ?? [];
      const expand = o.expand === undefined ? [] : parseLoadOption(o.expand) ?? [];
      if ("top" in o || "skip" in o) throw notImplemented("load option top/skip");
      return select.length + expand.length === 0 ? null : [...select, ...expand];
    }
    const out: string[] = [];
    const walk = (obj: Record<string, unknown>, prefix: string): void => {
      for (const [k, v] of Object.entries(obj)) {
        if (v === true) out.push(prefix + k);
        else if (v && typeof v === "object") walk(v as Record<string, unknown>, `${prefix}${k}/`);
      }
    };
    walk(o, "");
    return out;
  }
  throw invalidArgument("load option", "load");
}

function splitSelect(s: string): string[] {
  return s
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** A short rendering of an argument for statements: arrays as their shape, long strings cut. */
export function preview(v: unknown): string {
  if (Array.isArray(v)) {
    const inner = v[0];
    return Array.isArray(inner) ? `[${v.length}×${inner.length}]` : `[${v.length}]`;
  }
  if (v !== null && typeof v === "object") {
    if (v instanceof FakeClientObject) return v._path;
    try {
      const s = JSON.stringify(v);
      return s.length > 80 ? `${s.slice(0, 77)}...` : s;
    } catch {
      return "{…}";
    }
  }
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}..."` : s;
}

function isDead(t: unknown): boolean {
  if (t === null || typeof t !== "object") return false;
  const o = t as { deleted?: boolean; sheet?: { deleted?: boolean }; table?: { deleted?: boolean } };
  return o.deleted === true || o.sheet?.deleted === true || o.table?.deleted === true;
}

const IGNORED_LOAD = new Set(["isNullObject", "context", "*"]);

/** A member of a requirement set the host lacks throws ApiNotFound; one the fake lacks, NotImplemented. */
function memberTrap(spec: CompiledSpec<unknown>): ProxyHandler<object> {
  const check = (target: object, prop: string | symbol): void => {
    if (typeof prop !== "string") return;
    const set = spec.sets.get(prop);
    if (set !== undefined && !(target as { _ctx: ProxyContext })._ctx._supports(set)) throw apiNotFound(`${spec.typeName}.${prop}`, setLabel(set));
    if (!(prop in target) && spec.members.has(prop)) throw notImplemented(`${spec.typeName}.${prop}`);
  };
  return {
    get(target, prop, receiver) {
      check(target, prop);
      return Reflect.get(target, prop, receiver);
    },
    set(target, prop, value, receiver) {
      check(target, prop);
      return Reflect.set(target, prop, value, receiver);
    },
  };
}

/** "1.14" → "ExcelApi 1.14"; a named set stays as it is. */
function setLabel(set: string): string {
  return /^\d/.test(set) ? `ExcelApi ${set}` : set;
}

/** Snapshot of loaded values, as it travels back from Excel. */
interface Snapshot {
  v: Record<string, unknown>;
  n?: Record<string, Snapshot | null>;
}

export abstract class FakeClientObject<T> {
  declare readonly _spec: CompiledSpec<T>;
  /** @internal */ readonly _ctx: ProxyContext;
  /** @internal */ readonly _path: string;
  /** @internal */ readonly _resolver: Resolver<T>;
  /** @internal */ _bound: T | null | undefined = undefined;
  /** @internal */ _isNull: boolean | undefined = undefined;
  /**
   * @internal Resolve again in every batch instead of keeping what the path found first: an item
   * of a collection addressed by a position-like id (ConditionalFormat.id is its priority).
   */
  _positional = false;
  /** @internal */ readonly _values = new Map<string, unknown>();
  /** @internal */ readonly _children = new Map<string, unknown>();

  constructor(ctx: ProxyContext, path: string, resolver: Resolver<T>) {
    this._ctx = ctx;
    this._path = path;
    this._resolver = resolver;
    const spec = (new.target.prototype as { _spec?: CompiledSpec<T> })._spec;
    if (!spec) throw new Error(`FakeExcel: ${new.target.name} has no type spec`);
    return new Proxy(this, memberTrap(spec as CompiledSpec<unknown>)) as this;
  }

  get context(): ProxyContext {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._spec.typeName, "isNullObject");
    return this._isNull;
  }

  // --- resolution inside a batch -------------------------------------------------------

  /** @internal What this proxy stands for in the running batch; null for a null object. */
  _resolveIn(tx: Tx): T | null {
    if (this._bound !== undefined) {
      if (this._bound !== null && isDead(this._bound)) throw itemNotFound(`${this._path} was deleted`, this._path);
      return this._bound;
    }
    if (tx.resolved.has(this)) return tx.resolved.get(this) as T | null;
    const t = this._resolver(tx);
    if (t !== null && isDead(t)) throw itemNotFound(`${this._path} was deleted`, this._path);
    tx.resolved.set(this, t);
    return t;
  }

  /** @internal Like _resolveIn, but a null object is an error (methods and writes need the object). */
  _targetIn(tx: Tx): T {
    const t = this._resolveIn(tx);
    if (t === null) throw new NullTargetError(this._path);
    return t;
  }

  /** @internal Binds a proxy created by a command (add) to what the command created. */
  _bindIn(tx: Tx, target: T): void {
    tx.resolved.set(this, target);
  }

  /** @internal */
  _assertSameContext(other: unknown): void {
    if (other instanceof FakeClientObject && other._ctx !== this._ctx) throw invalidRequestContext();
  }

  /** @internal A cached navigation child (format, fill, protection, ...). */
  _child<C>(key: string, make: () => C): C {
    let c = this._children.get(key) as C | undefined;
    if (c === undefined) {
      c = make();
      this._children.set(key, c);
    }
    return c;
  }

  // --- queued operations -----------------------------------------------------------------

  /** @internal Queues a method call. */
  _call<R>(name: string, args: readonly unknown[], run: (target: T, tx: Tx) => R, apply?: (result: R) => void): void {
    for (const a of args) this._assertSameContext(a);
    this._ctx._enqueue({
      statement: `${this._path}.${name}(${args.map(preview).join(", ")})`,
      payload: args.map((a) => (a instanceof FakeClientObject ? a._path : a)),
      run: (tx) => run(this._targetIn(tx), tx),
      apply: apply as ((r: unknown) => void) | undefined,
    });
  }

  /** @internal Queues a method that returns a primitive (ClientResult). */
  _result<R>(name: string, args: readonly unknown[], run: (target: T, tx: Tx) => R): FakeClientResult<R> {
    const result = new FakeClientResult<R>();
    this._call(name, args, run, (r) => result._settle(r));
    return result;
  }

  /** @internal Queues resolution of an *OrNullObject proxy so its isNullObject is known after sync. */
  _announce(proxy: FakeClientObject<unknown>): void {
    this._ctx._enqueue({ statement: proxy._path, run: (tx) => (proxy._resolveIn(tx) === null ? null : true) });
  }

  /** @internal */
  _readScalar(name: string): unknown {
    if (this._values.has(name)) return this._values.get(name);
    if (this._isNull === true) return undefined;
    throw propertyNotLoaded(this._spec.typeName, name);
  }

  /** @internal */
  _writeScalar(spec: ScalarSpec<T>, value: unknown): void {
    const setter = spec.set;
    if (!setter) throw readOnlyProperty(this._spec.typeName, spec.name);
    this._values.set(spec.name, value);
    const wb = this._ctx._workbook;
    this._ctx._enqueue({
      statement: `${this._path}.${spec.name} = ${preview(value)}`,
      payload: value,
      run: (tx) => {
        setter(this._targetIn(tx), value, tx, wb);
        return undefined;
      },
    });
  }

  // --- load ----------------------------------------------------------------------------

  load(option?: unknown): this {
    const paths = parseLoadOption(option);
    this._checkLoadPaths(paths);
    this._ctx._enqueue({
      statement: `${this._path}.load(${paths === null ? "" : JSON.stringify(paths.join(", "))})`,
      payload: paths,
      run: (tx) => this._snapshot(paths, tx),
      apply: (snap) => this._applySnapshot(snap as Snapshot | null),
    });
    return this;
  }

  /** @internal Throws at once for members the fake does not model (so gaps are loud). */
  _checkLoadPaths(paths: LoadPaths): void {
    if (paths === null) return;
    for (const p of paths) {
      const [head, ...rest] = p.split(/[/.]/);
      if (IGNORED_LOAD.has(head)) continue;
      const set = this._spec.sets.get(head);
      if (set !== undefined && !this._ctx._supports(set)) throw apiNotFound(`${this._spec.typeName}.${head}`, setLabel(set));
      if (this._spec.byName.has(head)) continue;
      if (this._spec.navigation?.includes(head)) {
        const child = (this as unknown as Record<string, unknown>)[head];
        if (child instanceof FakeClientObject && rest.length > 0) child._checkLoadPaths([rest.join("/")]);
        continue;
      }
      if (this._spec.members.has(head)) throw notImplemented(`${this._spec.typeName}.${head}`);
    }
  }

  /** @internal Reads the requested properties (and navigation children) inside a batch. */
  _snapshot(paths: LoadPaths, tx: Tx): Snapshot | null {
    let t: T | null;
    try {
      t = this._resolveIn(tx);
    } catch (e) {
      // Loaded through a null object (a navigation or method of one): a null object too.
      if (e instanceof NullTargetError) return null;
      throw e;
    }
    if (t === null) return null;
    const wb = this._ctx._workbook;
    const values: Record<string, unknown> = {};
    let nav: Record<string, Snapshot | null> | undefined;
    const own: ScalarSpec<T>[] = [];
    const children = new Map<string, string[] | null>();
    if (paths === null) {
      for (const s of this._spec.scalars) if (!s.explicitOnly) own.push(s);
    } else {
      for (const p of paths) {
        const [head, ...rest] = p.split(/[/.]/);
        if (IGNORED_LOAD.has(head)) continue;
        const s = this._spec.byName.get(head);
        if (s) {
          if (!own.includes(s)) own.push(s);
          continue;
        }
        if (this._spec.navigation?.includes(head)) {
          if (rest.length === 0) children.set(head, null);
          else if (children.get(head) !== null) children.set(head, [...(children.get(head) ?? []), rest.join("/")]);
          continue;
        }
        throw invalidArgument(`The property '${head}' does not exist on ${this._spec.typeName}`, `${this._spec.typeName}.${head}`);
      }
    }
    for (const s of own) values[s.name] = s.get(t, tx, wb);
    for (const [head, sub] of children) {
      const child = (this as unknown as Record<string, unknown>)[head];
      if (!(child instanceof FakeClientObject)) continue;
      nav ??= {};
      nav[head] = (child as FakeClientObject<unknown>)._snapshot(sub, tx);
    }
    return nav ? { v: values, n: nav } : { v: values };
  }

  /** @internal */
  _applySnapshot(snap: Snapshot | null): void {
    if (snap === null) {
      this._isNull = true;
      return;
    }
    this._isNull = false;
    for (const [k, v] of Object.entries(snap.v)) this._values.set(k, v);
    for (const [head, sub] of Object.entries(snap.n ?? {})) {
      const child = (this as unknown as Record<string, unknown>)[head];
      if (child instanceof FakeClientObject) (child as FakeClientObject<unknown>)._applySnapshot(sub);
    }
  }

  // --- Office.js conveniences ------------------------------------------------------------

  /** Sets several properties at once, descending into navigation properties (range.set({ format: { fill: { color } } })). */
  set(properties: Record<string, unknown>): void {
    if (properties === null || typeof properties !== "object") throw invalidArgument("set() takes an object", `${this._spec.typeName}.set`);
    for (const [k, v] of Object.entries(properties)) {
      if (this._spec.byName.has(k)) {
        (this as unknown as Record<string, unknown>)[k] = v;
      } else if (this._spec.navigation?.includes(k) && v && typeof v === "object") {
        const child = (this as unknown as Record<string, unknown>)[k];
        if (child instanceof FakeClientObject) child.set(v as Record<string, unknown>);
      } else if (this._spec.members.has(k)) {
        throw notImplemented(`${this._spec.typeName}.${k}`);
      } else {
        throw invalidArgument(`The property '${k}' does not exist on ${this._spec.typeName}`, `${this._spec.typeName}.set`);
      }
    }
  }

  /** The loaded (or locally set) properties, as Office.js's toJSON gives them. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._values) out[k] = v;
    for (const [k, c] of this._children) {
      if (c instanceof FakeClientObject) {
        const j = (c as FakeClientObject<unknown>).toJSON();
        if (Object.keys(j).length > 0) out[k] = j;
      }
    }
    return out;
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** A collection proxy: `items` after load, getCount(). */
export abstract class FakeCollectionObject<T, I extends FakeClientObject<unknown>> extends FakeClientObject<T> {
  /** @internal */ _items: I[] | undefined = undefined;

  /** @internal Item targets in order. */
  abstract _itemTargets(target: T, tx: Tx): unknown[];
  /** @internal A proxy bound to one item. */
  abstract _itemProxy(target: unknown): I;

  get items(): I[] {
    if (this._items === undefined) {
      if (this._isNull === true) return undefined as unknown as I[];
      throw propertyNotLoaded(this._spec.typeName, "items");
    }
    return this._items;
  }

  override load(option?: unknown): this {
    const raw = parseLoadOption(option);
    // For collections, names select item properties; "items" alone means all of them.
    let paths: LoadPaths = raw;
    if (raw !== null) {
      const stripped = raw.map((p) => (p.toLowerCase() === "items" ? "*" : p.replace(/^items[/.]/i, ""))).filter((p) => p !== "*");
      paths = stripped.length === 0 ? null : stripped;
    }
    let made: { proxy: I; snap: Snapshot | null }[] = [];
    this._ctx._enqueue({
      statement: `${this._path}.load(${raw === null ? "" : JSON.stringify(raw.join(", "))})`,
      payload: raw,
      run: (tx) => {
        const t = this._resolveIn(tx);
        if (t === null) return null;
        made = this._itemTargets(t, tx).map((target) => {
          const proxy = this._itemProxy(target);
          return { proxy, snap: proxy._snapshot(paths, tx) };
        });
        return made;
      },
      measure: (r) => (r === null ? null : (r as typeof made).map((m) => m.snap)),
      apply: (r) => {
        if (r === null) {
          this._isNull = true;
          return;
        }
        this._isNull = false;
        for (const m of made) m.proxy._applySnapshot(m.snap);
        this._items = made.map((m) => m.proxy);
      },
    });
    return this;
  }

  getCount(): FakeClientResult<number> {
    return this._result("getCount", [], (t, tx) => this._itemTargets(t, tx).length);
  }
}

/** OfficeExtension.ClientResult: `value` is readable after the sync that carried the call. */
export class FakeClientResult<V> {
  private settled = false;
  private result: V | undefined;

  get value(): V {
    if (!this.settled) throw valueNotLoaded();
    return this.result as V;
  }

  /** @internal */
  _settle(v: V): void {
    this.result = v;
    this.settled = true;
  }

  toJSON(): { value: V | undefined } {
    return { value: this.result };
  }
}

/** Attaches a type spec to a proxy class and defines its scalar properties as load-checked accessors. */
export function defineType<T>(cls: { prototype: object }, spec: TypeSpec<T>): void {
  const compiled: CompiledSpec<T> = {
    ...spec,
    byName: new Map(spec.scalars.map((s) => [s.name, s])),
    members: new Set(EXCEL_MEMBERS[spec.typeName] ?? []),
    sets: new Map(Object.entries(EXCEL_API_SETS[spec.typeName] ?? {})),
  };
  Object.defineProperty(cls.prototype, "_spec", { value: compiled, configurable: true });
  for (const s of spec.scalars) {
    Object.defineProperty(cls.prototype, s.name, {
      configurable: true,
      enumerable: false,
      get(this: FakeClientObject<T>) {
        return this._readScalar(s.name);
      },
      set(this: FakeClientObject<T>, value: unknown) {
        this._writeScalar(s, value);
      },
    });
  }
}
