/**
 * The gateway's small calls against office-addin-mock (Microsoft's mock of the Office.js object
 * model). The mock does not throw on an unloaded property, so these tests assert the values the
 * calls produce; load/sync slips are caught by office-addin-lint and by the in-memory fake
 * (test/excel/validate-run.test.ts), which throws on an unloaded property as Excel does.
 */
import { OfficeMockObject } from "office-addin-mock";
import { EMPTY_SETUP, SETUP_SETTING, saveSetup, selectCell } from "../../src/excel/setup";

test("saveSetup stores the setup as JSON under the add-in's key", () => {
  const stored: Record<string, unknown> = {};
  const mock = new OfficeMockObject({
    context: { workbook: { settings: { add: (key: string, value: unknown) => void (stored[key] = value) } } },
  });
  saveSetup((mock as unknown as { context: Excel.RequestContext }).context, { ...EMPTY_SETUP, asOf: "2011-08-31" });
  expect(JSON.parse(String(stored[SETUP_SETTING]))).toEqual({ ...EMPTY_SETUP, asOf: "2011-08-31" });
});

test("selectCell activates the sheet and selects the finding's cell", async () => {
  const calls: string[] = [];
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
            activate: () => calls.push(`activate ${name}`),
            getRange: (address: string) => ({ select: () => calls.push(`select ${address}`) }),
          }),
        },
      },
    },
  });
  await selectCell((mock as unknown as { context: Excel.RequestContext }).context, "应收账款台账", "F7");
  expect(calls).toEqual(["activate 应收账款台账", "select F7"]);
});
