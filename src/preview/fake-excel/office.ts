/**
 * Installs the fake as the globals office.js would provide inside Excel on the web: `Office`
 * (onReady → { host: "Excel", platform: "OfficeOnline" }, context.displayLanguage,
 * HostType/PlatformType, actions.associate), `Excel` and `OfficeExtension` (Error, ErrorCodes).
 * Works on `globalThis` in Node (jest) and on `window` in the browser (preview page, e2e).
 */
import { versionAtMost } from "./context";
import { ErrorCodes, FakeOfficeError, notImplemented } from "./errors";
import type { FakeExcel } from "./index";

export interface InstallOptions {
  /** Office's display language, e.g. "zh-CN" or "en-US" (default "en-US"). */
  lang?: string;
  /** Highest ExcelApi requirement set to report as supported (default: the fake's requirementSets, else "1.17"). */
  excelApi?: string;
}

export interface AddinCommandEvent {
  readonly source: { readonly id: string };
  completed(options?: { allowEvent?: boolean }): void;
}

export interface InstalledOffice {
  /** Functions registered with Office.actions.associate, by id. */
  readonly actions: ReadonlyMap<string, (event: AddinCommandEvent) => unknown>;
  /** Runs a ribbon command as Excel would and resolves when it calls event.completed(). */
  invokeAction(id: string): Promise<void>;
  /** Restores the globals that were there before. */
  uninstall(): void;
}

const GLOBALS = ["Office", "Excel", "OfficeExtension"] as const;

/** A version asked for (none: any) at most the host's. */
function upTo(version: string | undefined, max: string): boolean {
  return version === undefined || versionAtMost(version, max);
}

export function installFakeOffice(target: object, fake: FakeExcel, options: InstallOptions = {}): InstalledOffice {
  const lang = options.lang ?? "en-US";
  const sets = fake.options.requirementSets;
  const excelApi = options.excelApi ?? sets?.ExcelApi ?? "1.17";
  const actions = new Map<string, (event: AddinCommandEvent) => unknown>();
  const info = { host: "Excel", platform: "OfficeOnline" };
  const holder = target as Record<string, unknown>;
  const previous = new Map<string, unknown>(GLOBALS.map((g) => [g, holder[g]]));

  const office = {
    HostType: { Word: "Word", Excel: "Excel", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    initialize: undefined as ((reason: string) => void) | undefined,
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    context: {
      displayLanguage: lang,
      contentLanguage: lang,
      host: "Excel",
      platform: "OfficeOnline",
      diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.0000.0000" },
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const v = minVersion === undefined ? undefined : String(minVersion);
          if (name === "ExcelApi") return upTo(v, excelApi);
          if (sets !== null) return sets[name] !== undefined && upTo(v, sets[name]);
          if (name === "SharedRuntime" || name === "RibbonApi" || name === "DialogApi" || name === "DelayForCellEdit") return upTo(v, "1.1");
          if (name === "CustomFunctionsRuntime") return upTo(v, "1.3");
          return false;
        },
      },
      get document(): { mode: string; url: string } {
        return { mode: fake.workbook.readOnly ? "ReadOnly" : "ReadWrite", url: `https://fake.invalid/${encodeURIComponent(fake.workbook.name)}` };
      },
      ui: {
        displayDialogAsync(): never {
          throw notImplemented("Office.context.ui.displayDialogAsync");
        },
      },
    },
    actions: {
      associate(id: string, action: (event: AddinCommandEvent) => unknown): void {
        actions.set(id, action);
      },
    },
    addin: {
      showAsTaskpane: (): Promise<void> => Promise.resolve(),
      hide: (): Promise<void> => Promise.resolve(),
    },
  };

  const officeExtension = {
    Error: FakeOfficeError,
    ErrorCodes: {
      accessDenied: ErrorCodes.accessDenied,
      generalException: ErrorCodes.generalException,
      activityLimitReached: "ActivityLimitReached",
      invalidObjectPath: ErrorCodes.invalidObjectPath,
      propertyNotLoaded: ErrorCodes.propertyNotLoaded,
      valueNotLoaded: ErrorCodes.valueNotLoaded,
      invalidRequestContext: ErrorCodes.invalidRequestContext,
      invalidArgument: ErrorCodes.invalidArgument,
      runMustReturnPromise: ErrorCodes.runMustReturnPromise,
      cannotRegisterEvent: "CannotRegisterEvent",
      apiNotFound: ErrorCodes.apiNotFound,
      connectionFailure: "ConnectionFailure",
    },
    config: { extendedErrorLogging: false },
  };

  holder.Office = office;
  holder.Excel = fake.Excel;
  holder.OfficeExtension = officeExtension;

  // Office calls Office.initialize (if the page set one) once it is ready.
  void Promise.resolve().then(() => office.initialize?.("inserted"));

  return {
    actions,
    invokeAction(id: string): Promise<void> {
      const action = actions.get(id);
      if (!action) return Promise.reject(new Error(`FakeExcel: no action '${id}' was associated (known: ${[...actions.keys()].join(", ")})`));
      return new Promise<void>((resolve, reject) => {
        try {
          const out = action({ source: { id }, completed: () => resolve() });
          if (out && typeof (out as Promise<unknown>).then === "function") (out as Promise<unknown>).catch(reject);
        } catch (e) {
          reject(e);
        }
      });
    },
    uninstall(): void {
      for (const g of GLOBALS) {
        if (previous.get(g) === undefined) delete holder[g];
        else holder[g] = previous.get(g);
      }
    },
  };
}
