/**
 * How every surface calls Excel.run: with `delayForCellEdit`, so a batch that reaches Excel while
 * the user is typing in a cell waits for the edit to end instead of failing with
 * InvalidOperationInCellEditMode (the pane's writes hand control back between chunks, so a user
 * typing mid-run is likely). Office.js sends the flag only to hosts that have it (its own check of
 * the DelayForCellEdit set, `onBeforeExcelRun` in excel-web-16.00.debug.js); elsewhere the batch
 * fails as before and errors.ts words it. Where the host has ExcelApi 1.20, each run is also one
 * undo group (`mergeUndoGroup`); without it every sync is its own undo record, or (on older
 * hosts) a run clears the undo list, as the self-test reports.
 */
import { cancelled } from "./errors";
import type { ExcelRun } from "./validate-run";

export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Office.context.requirements where Office is there; nothing supported elsewhere. */
export function hostRequirements(): Requirements {
  return {
    isSetSupported(name, minVersion) {
      try {
        return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported(name, minVersion) === true;
      } catch {
        return false;
      }
    },
  };
}

/** Whether a run is one undo group on this host (ExcelApi 1.20). */
export function undoGroupsSupported(requirements: Requirements = hostRequirements()): boolean {
  return requirements.isSetSupported("ExcelApi", "1.20");
}

type RunWithOptions = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

function isUndoNotSupported(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "UndoNotSupported";
}

/**
 * Asked before a run is done outside an undo group: true to go on (the user's undo list is then
 * cleared from this step), false to stop with nothing more written.
 */
export type ConfirmUndoClear = () => Promise<boolean>;

/**
 * Excel.run with the options above, as the ExcelRun the gateway takes. "If an API within the group
 * doesn't offer undo support, the UndoNotSupported error is thrown … Your add-in should gracefully
 * handle this error" and "If you call an unsupported API in your add-in, the user's undo stack is
 * cleared from that API call" (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities):
 * so before the run is done again without the group, `confirm` (the pane's dialog) asks whether to
 * go on at the cost of the undo list; "no" ends the run as cancelled. Without `confirm` (the ribbon,
 * the self-test) it goes on. Every run of the gateway completes in place what an interrupted one
 * left (owned.ts marks and rewrites its sheets; logs skip rows already written), so the second run
 * finishes the work. Any other error, and one from the second run, goes to the caller as it is.
 */
export function excelRunner(excel: { run: unknown }, requirements: Requirements = hostRequirements(), confirm?: ConfirmUndoClear): ExcelRun {
  const grouped = undoGroupsSupported(requirements);
  const run = excel.run as RunWithOptions;
  return async (batch) => {
    if (!grouped) return run({ delayForCellEdit: true }, batch);
    try {
      return await run({ delayForCellEdit: true, mergeUndoGroup: true }, batch);
    } catch (e) {
      if (!isUndoNotSupported(e)) throw e;
      if (confirm && !(await confirm())) throw cancelled();
      return run({ delayForCellEdit: true }, batch);
    }
  };
}
