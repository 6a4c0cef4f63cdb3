/**
 * Office errors in words a user can act on. Every gateway call goes through runExcel, so a
 * protected sheet, a read-only workbook or a table that changed underneath becomes one
 * GatewayError with a zh/en message, never a stack trace.
 */
import type { Bilingual } from "../i18n/bilingual";

export class GatewayError extends Error {
  constructor(
    readonly code: string,
    readonly text: Bilingual,
    readonly cause?: unknown
  ) {
    super(text["en-US"]);
    this.name = "GatewayError";
  }
}

const MESSAGES: Record<string, Bilingual> = {
  AccessDenied: {
    "zh-CN": "Excel 拒绝了写入：工作表受保护，或工作簿为只读。请取消保护或另存一份后重试；工作簿未作任何更改。",
    "en-US": "Excel refused the change: a sheet is protected or the workbook is read-only. Unprotect it or save a copy and try again; nothing in the workbook was changed.",
  },
  ItemNotFound: {
    "zh-CN": "找不到所需的工作表或表格：它可能已被重命名或删除。请重新选择台账。",
    "en-US": "A sheet or table could not be found: it may have been renamed or deleted. Choose the ledger again.",
  },
  InvalidArgument: {
    "zh-CN": "台账区域已变化（行列数与读取时不同）。请重新运行检查。",
    "en-US": "The ledger's range changed while it was being read. Run the check again.",
  },
  RequestPayloadSizeLimitExceeded: {
    "zh-CN": "一次请求的数据超过了 Excel 网页版的 5 MB 上限。",
    "en-US": "A request went over Excel on the web's 5 MB limit.",
  },
  ResponsePayloadSizeLimitExceeded: {
    "zh-CN": "一次读取的数据超过了 Excel 网页版的 5 MB 上限。",
    "en-US": "A read went over Excel on the web's 5 MB limit.",
  },
  // Excel.ErrorCodes.invalidOperationInCellEditMode: a batch that reached Excel while a cell was being edited.
  InvalidOperationInCellEditMode: {
    "zh-CN": "Excel 正处于单元格编辑状态，无法执行。请按 Enter、Tab 或 Esc 结束编辑（或点选其他单元格），然后重试；加载项的表若已开始写入，会标为“未写完”，下次运行会写好。",
    "en-US": "Excel is busy: a cell is being edited. Press Enter, Tab or Esc (or click another cell) to finish editing, then try again; a sheet of the add-in's that was being written is marked incomplete and the next run completes it.",
  },
  ApiNotFound: {
    "zh-CN": "此版本的 Excel 不支持加载项需要的一项功能。请更新 Office，或改用 Excel 网页版。",
    "en-US": "This version of Excel lacks a feature the add-in needs. Update Office, or use Excel on the web.",
  },
  Cancelled: { "zh-CN": "已取消；工作簿未作任何更改。", "en-US": "Cancelled; nothing in the workbook was changed." },
  // Excel.ErrorCodes.undoNotSupported: an API in a mergeUndoGroup run without undo support (run.ts retries without the group first).
  UndoNotSupported: {
    "zh-CN": "Excel 无法将这一步合并为一次“撤消”。请重试；加载项的表若已开始写入，会标为“未写完”，下次运行会写好。",
    "en-US": "Excel could not make this step a single undo. Try again; a sheet of the add-in's that was being written is marked incomplete and the next run completes it.",
  },
};

function codeOf(e: unknown): string {
  if (e && typeof e === "object" && "code" in e && typeof (e as { code: unknown }).code === "string") return (e as { code: string }).code;
  return "Unknown";
}

export function toGatewayError(e: unknown): GatewayError {
  if (e instanceof GatewayError) return e;
  const code = codeOf(e);
  const known = MESSAGES[code];
  if (known) return new GatewayError(code, known, e);
  const detail = e instanceof Error ? e.message : String(e);
  return new GatewayError(code, { "zh-CN": `Excel 报告了错误：${detail}`, "en-US": `Excel reported an error: ${detail}` }, e);
}

export function cancelled(): GatewayError {
  return new GatewayError("Cancelled", MESSAGES.Cancelled);
}
