/**
 * The pane's gateway (src/taskpane/validate/gateway.ts): every call goes through one guard that
 * lets the core's ArErrors through as they are (already worded) and turns anything else Excel
 * throws into a GatewayError with a message to show, keeping the original as its cause.
 */
import { ArError } from "../../src/core/errors";
import { GatewayError } from "../../src/excel/errors";
import type { ExcelRun } from "../../src/excel/validate-run";
import { createFakeExcel } from "../../src/preview/fake-excel";
import { excelGateway } from "../../src/taskpane/validate/gateway";
import { runner } from "../helpers/fake-excel";

/** A run that fails with `error` before any batch reaches Excel. */
function failingRun(error: unknown): ExcelRun {
  return () => Promise.reject(error);
}

const gatewayFailingWith = (error: unknown) => excelGateway(failingRun(error), () => []);

test("an ArError from the core passes through untouched", async () => {
  const error = new ArError("policy.table", { "zh-CN": "制度表第 3 行有误", "en-US": "row 3 of the policy sheet" });
  await expect(gatewayFailingWith(error).policy()).rejects.toBe(error);
});

test("a GatewayError passes through untouched", async () => {
  const error = new GatewayError("Cancelled", { "zh-CN": "已取消", "en-US": "Cancelled" });
  await expect(gatewayFailingWith(error).setup()).rejects.toBe(error);
});

test("an Office error with a code the catalogue knows gets the catalogue's words, and keeps the error as its cause", async () => {
  const office = Object.assign(new Error("The requested resource doesn't exist."), { name: "RichApi.Error", code: "ItemNotFound" });
  const error = await gatewayFailingWith(office).candidates().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GatewayError);
  expect(error).toMatchObject({ code: "ItemNotFound", cause: office, text: { "en-US": expect.stringContaining("could not be found") } });
});

test("anything else is an Unknown GatewayError that quotes what Excel said, in both languages", async () => {
  await expect(gatewayFailingWith(new Error("boom")).unhighlight()).rejects.toMatchObject({
    name: "GatewayError",
    code: "Unknown",
    text: { "zh-CN": "Excel 报告了错误：boom", "en-US": "Excel reported an error: boom" },
  });
  await expect(gatewayFailingWith("plain text").showSheet("A")).rejects.toMatchObject({ code: "Unknown", text: { "en-US": "Excel reported an error: plain text" } });
});

test("a failure inside Excel's own round trip (the fake's AccessDenied) reaches the pane worded", async () => {
  const fake = createFakeExcel({ sheets: [{ name: "台账", cells: [["客户", "余额"]] }] });
  const gateway = excelGateway(runner(fake), () => []);
  fake.failSync(1, { code: "AccessDenied" });
  const error = await gateway.saveAsOf("2011-08-31").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GatewayError);
  expect(error).toMatchObject({ code: "AccessDenied", cause: { name: "RichApi.Error", code: "AccessDenied" } });
  // And without the failure the same call goes through.
  await expect(gateway.saveAsOf("2011-08-31")).resolves.toBeUndefined();
});

describe("documentKey: the workbook's URL, \"\" where Office gives none", () => {
  type WithOffice = { Office?: unknown };
  const g = globalThis as WithOffice;
  afterEach(() => {
    delete g.Office;
  });
  const key = () => excelGateway(failingRun(new Error("unused")), () => []).documentKey();

  test("outside Office", () => {
    expect(key()).toBe("");
  });
  test("a saved workbook's URL; a new one has none", () => {
    g.Office = { context: { document: { url: "https://contoso.sharepoint.com/ar.xlsx" } } };
    expect(key()).toBe("https://contoso.sharepoint.com/ar.xlsx");
    g.Office = { context: { document: {} } };
    expect(key()).toBe("");
  });
  test("Office.context that throws (office.js loaded outside a host)", () => {
    g.Office = {
      get context(): never {
        throw new Error("Office.context is not available");
      },
    };
    expect(key()).toBe("");
  });
});
