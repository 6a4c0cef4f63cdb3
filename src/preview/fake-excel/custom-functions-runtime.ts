/**
 * Installs a `CustomFunctions` global as Excel's custom-functions runtime provides it:
 * `associate` (both overloads), `Error` and `ErrorCode` (@types/custom-functions-runtime). Code
 * built with custom-functions-metadata-plugin calls `CustomFunctions.associate(id, fn)` for every
 * @customfunction when its module loads, so installing this first and then importing that module
 * collects exactly the functions Excel would be given, by id.
 * Stricter than Excel, whose behaviour here is not documented: associating an id twice throws.
 * `version` is the host's CustomFunctionsRuntime set: `Error` comes with 1.2 and `ErrorCode` with
 * 1.3 (the "[Api set: CustomFunctionsRuntime …]" remarks of @types/custom-functions-runtime);
 * below those they are undefined, as on such a host.
 * Works on `globalThis` in Node (jest) and on `window` in the browser (preview page).
 */
import { ERROR_CODE_TEXT } from "../../functions/cells";
import { versionAtMost } from "./context";
import type { FakeCustomFunction } from "./custom-functions";

export interface InstalledCustomFunctions {
  /** Functions passed to CustomFunctions.associate, by id as given (the metadata's `id`). */
  readonly associated: ReadonlyMap<string, FakeCustomFunction>;
  /** Restores the `CustomFunctions` global that was there before. */
  uninstall(): void;
}

class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export function installFakeCustomFunctions(target: object, options: { version?: string } = {}): InstalledCustomFunctions {
  const version = options.version ?? "1.3";
  const holder = target as Record<string, unknown>;
  const had = "CustomFunctions" in holder;
  const previous = holder.CustomFunctions;
  const associated = new Map<string, FakeCustomFunction>();
  const add = (id: string, fn: unknown): void => {
    if (typeof fn !== "function") throw new Error(`FakeExcel: CustomFunctions.associate('${id}') was given a ${typeof fn}, not a function`);
    if (associated.has(id)) throw new Error(`FakeExcel: custom function id '${id}' is associated twice`);
    associated.set(id, fn as FakeCustomFunction);
  };
  holder.CustomFunctions = {
    associate(idOrMappings: string | Record<string, unknown>, fn?: unknown): void {
      if (typeof idOrMappings === "string") add(idOrMappings, fn);
      else for (const [id, f] of Object.entries(idOrMappings)) add(id, f);
    },
    Error: versionAtMost("1.2", version) ? FakeCustomFunctionsError : undefined,
    ErrorCode: versionAtMost("1.3", version) ? { ...ERROR_CODE_TEXT } : undefined,
  };
  return {
    associated,
    uninstall(): void {
      if (had) holder.CustomFunctions = previous;
      else delete holder.CustomFunctions;
    },
  };
}
