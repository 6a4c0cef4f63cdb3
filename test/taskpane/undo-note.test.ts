/**
 * When the pane says, before writing, that a write clears the undo list: in Excel without
 * ExcelApi 1.20 only (excel-add-ins-undo-capabilities); never in the preview or outside Excel.
 */
import { writesClearUndo } from "../../src/taskpane/host";
import type { Requirements } from "../../src/excel/run";

const at = (excelApi: string): Requirements => ({
  isSetSupported: (name, v) => name === "ExcelApi" && (v === undefined || Number(v.split(".")[1]) <= Number(excelApi.split(".")[1])),
});

test("Excel at ExcelApi 1.19 clears the undo list on each write: the pane says so; at 1.20 it does not", () => {
  expect(writesClearUndo("excel", at("1.19"))).toBe(true);
  expect(writesClearUndo("excel", at("1.20"))).toBe(false);
});

test("the preview and a plain browser never show the undo note", () => {
  expect(writesClearUndo("preview", at("1.17"))).toBe(false);
  expect(writesClearUndo("none", at("1.1"))).toBe(false);
});
