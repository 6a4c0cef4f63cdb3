/**
 * One batch (one `context.sync()`) running against the in-memory workbook: an undo log so a
 * failed batch can be taken back, the proxies the batch resolved, and the write checks
 * (read-only workbook, protected sheet) every mutating command goes through.
 */
import { accessDenied } from "./errors";

export interface WriteGuard {
  readonly readOnly: boolean;
}

interface ProtectedThing {
  readonly name: string;
  readonly protection: { readonly protected: boolean };
}

export class Tx {
  private readonly undoLog: (() => void)[] = [];
  /** Proxy → what its path resolved to in this batch (null for a null object). */
  readonly resolved = new Map<object, unknown>();

  constructor(
    readonly workbook: WriteGuard,
    /** False for test-side direct edits: nothing to undo, no protection checks. */
    readonly hostSide = true,
  ) {}

  onUndo(undo: () => void): void {
    if (this.hostSide) this.undoLog.push(undo);
  }

  /** Runs one command; if it throws, its own partial changes are undone before rethrowing. */
  runCommand<R>(fn: () => R): R {
    const mark = this.undoLog.length;
    try {
      return fn();
    } catch (e) {
      this.rollbackTo(mark);
      throw e;
    }
  }

  rollback(): void {
    this.rollbackTo(0);
    this.resolved.clear();
  }

  private rollbackTo(mark: number): void {
    for (let i = this.undoLog.length - 1; i >= mark; i--) this.undoLog[i]();
    this.undoLog.length = mark;
  }

  /** Every write to the workbook (settings, names, sheets) passes here. */
  assertWorkbookWritable(what: string): void {
    if (this.hostSide && this.workbook.readOnly) throw accessDenied(`the workbook is read-only: ${what}`);
  }

  /**
   * A write to cells' contents: on a protected sheet, allowed when every cell is unlocked ("Locked
   * … False if the object can be modified when the sheet is protected", Range.Locked in the Excel
   * VBA reference, https://learn.microsoft.com/office/vba/api/excel.range.locked; FormatProtection.locked
   * in the JavaScript API).
   */
  assertCellsWritable(sheet: ProtectedThing, allUnlocked: () => boolean, what: string): void {
    this.assertWorkbookWritable(what);
    if (this.hostSide && sheet.protection.protected && !allUnlocked()) throw accessDenied(`the sheet '${sheet.name}' is protected and the cells are locked: ${what}`);
  }

  /** Every write to a sheet's cells, formats, tables, charts or conditional formats passes here. */
  assertSheetWritable(sheet: ProtectedThing, what: string): void {
    this.assertWorkbookWritable(what);
    if (this.hostSide && sheet.protection.protected) throw accessDenied(`the sheet '${sheet.name}' is protected: ${what}`);
  }
}
