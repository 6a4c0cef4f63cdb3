import { outcomeMessage, REPORT_COMMANDS } from "../../src/commands/commands";
import { GatewayError } from "../../src/excel/errors";
import { RIBBON_REPORT_IDS } from "../../src/core/reports";

test("every ribbon report command is a report the core can build", () => {
  expect([...REPORT_COMMANDS].sort()).toEqual([...RIBBON_REPORT_IDS].sort());
});

test("the dialog names the sheet written", () => {
  expect(outcomeMessage({ kind: "done", sheet: "账龄分析表" }, "zh-CN")).toEqual({ kind: "ok", text: "报表已生成，见工作表“账龄分析表”。" });
  expect(outcomeMessage({ kind: "done", sheet: "Aging analysis" }, "en-US").text).toBe("The report is on the sheet “Aging analysis”.");
});

test("an edited report sheet is left alone and the dialog says how to proceed", () => {
  const m = outcomeMessage({ kind: "confirm", edited: ["账龄分析表"] }, "zh-CN");
  expect(m.kind).toBe("error");
  expect(m.text).toContain("“账龄分析表”");
});

test("no configured ledger: the gateway's own words, in the user's language", () => {
  const e = new GatewayError("NoLedger", { "zh-CN": "此工作簿尚未设置台账。", "en-US": "This workbook has no ledger set up yet." });
  expect(outcomeMessage({ kind: "error", error: e }, "en-US")).toEqual({ kind: "error", text: "This workbook has no ledger set up yet." });
  expect(outcomeMessage({ kind: "error", error: e }, "zh-CN").text).toBe("此工作簿尚未设置台账。");
});

test("an Office error becomes a message, never a stack trace", () => {
  const m = outcomeMessage({ kind: "error", error: Object.assign(new Error("x"), { code: "AccessDenied" }) }, "en-US");
  expect(m.text).toMatch(/protected or the workbook is read-only/);
});
