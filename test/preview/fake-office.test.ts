/**
 * installFakeOffice: the globals office.js would define inside Excel on the web, backed by the fake.
 */
import { createFakeExcel, FakeOfficeError, installFakeOffice, type InstalledOffice } from "../../src/preview/fake-excel";

type Globals = { Office?: typeof Office; Excel?: typeof Excel; OfficeExtension?: typeof OfficeExtension };

describe("installFakeOffice", () => {
  let installed: InstalledOffice | undefined;
  afterEach(() => {
    installed?.uninstall();
    installed = undefined;
  });

  test("Office.onReady reports Excel on the web and the display language", async () => {
    const fake = createFakeExcel();
    installed = installFakeOffice(globalThis, fake, { lang: "zh-CN" });
    const g = globalThis as Globals;
    await expect(g.Office!.onReady()).resolves.toEqual({ host: "Excel", platform: "OfficeOnline" });
    expect(g.Office!.context.displayLanguage).toBe("zh-CN");
    expect(String(g.Office!.HostType.Excel)).toBe("Excel");
    expect(g.Office!.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(g.Office!.context.requirements.isSetSupported("ExcelApi", "1.99")).toBe(false);
  });

  test("the global Excel is the fake, and OfficeExtension.Error matches its errors", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Data", cells: [["x"]] }] });
    installed = installFakeOffice(globalThis, fake);
    const g = globalThis as Globals;
    const value = await g.Excel!.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A1").load("values");
      await context.sync();
      return r.values[0][0] as string;
    });
    expect(value).toBe("x");
    const error = await g.Excel!.run(async (context) => {
      context.workbook.worksheets.getItem("Missing").load("name");
      await context.sync();
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(g.OfficeExtension!.Error as unknown as typeof FakeOfficeError);
    expect(error).toMatchObject({ code: g.Excel!.ErrorCodes.itemNotFound });
  });

  test("Office.actions.associate registers ribbon commands that invokeAction runs to completion", async () => {
    const fake = createFakeExcel();
    installed = installFakeOffice(globalThis, fake);
    const info = jest.spyOn(console, "info").mockImplementation(() => undefined);
    // The outcome dialog's URL needs window, which node lacks: the command reports that on the console.
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    jest.isolateModules(() => {
      require("../../src/commands/commands");
    });
    await (globalThis as Globals).Office!.onReady();
    await Promise.resolve();
    expect([...installed.actions.keys()]).toContain("agingAnalysis");
    await expect(installed.invokeAction("agingAnalysis")).resolves.toBeUndefined();
    await expect(installed.invokeAction("nope")).rejects.toThrow(/no action 'nope'/);
    await new Promise((r) => setImmediate(r));
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ name: "ReferenceError" }));
    info.mockRestore();
    logged.mockRestore();
  });

  test("uninstall restores what was there before", () => {
    const g = globalThis as Globals;
    const before = g.Office;
    const fake = createFakeExcel();
    installFakeOffice(globalThis, fake).uninstall();
    expect(g.Office).toBe(before);
  });
});
