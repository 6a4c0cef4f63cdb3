/**
 * What the fake learnt from reading the Excel JavaScript API reference and the office-js issue
 * tracker against real Excel (issue 15): each block names the behaviour and the fake's header
 * cites its source. Expected values are worked out by hand from those sources.
 */
import { createFakeExcel, type FakeExcel, type FakeWorkbookData } from "../../src/preview/fake-excel";
import { runner } from "../helpers/fake-excel";


function book(extra: Partial<FakeWorkbookData> = {}): FakeWorkbookData {
  return {
    sheets: [
      { name: "AR Results", cells: [["Customer", "Balance"], ["Acme", 100]] },
      { name: "Mine", cells: [["note"]] },
    ],
    ...extra,
  };
}

describe("sheet references follow the sheet, not its name", () => {
  test("deleting a sheet turns the references to it into #REF!, and a new sheet of that name does not repair them", async () => {
    const fake = createFakeExcel({ ...book(), names: [{ name: "Balances", ref: "'AR Results'!B2" }] });
    const mine = fake.workbook.getSheet("Mine");
    mine.setFormula("B1", "='AR Results'!B2*10");
    mine.setFormula("B2", '="AR Results!B2 stays text"');
    expect(mine.cell("B1").value).toBe(1000);
    await runner(fake)(async (context) => {
      context.workbook.worksheets.getItem("AR Results").delete();
      await context.sync();
      const again = context.workbook.worksheets.add("AR Results");
      again.getRange("B2").values = [[7]];
      await context.sync();
    });
    expect(mine.cell("B1").formula).toBe("=#REF!B2*10");
    expect(mine.cell("B1").value).toBe("#REF!");
    // Text that merely looks like a reference is left alone.
    expect(mine.cell("B2").formula).toBe('="AR Results!B2 stays text"');
    expect(fake.workbook.names()[0].formula).toBe("=#REF!");
  });

  test("a failed batch takes the #REF! back (atomic), as it takes the deletion back", async () => {
    const fake = createFakeExcel(book(), { failureMode: "atomic" });
    const mine = fake.workbook.getSheet("Mine");
    mine.setFormula("B1", "='AR Results'!B2");
    fake.failSync(1, { afterCommands: 1 });
    await expect(
      runner(fake)(async (context) => {
        context.workbook.worksheets.getItem("AR Results").delete();
        context.workbook.worksheets.getItem("Mine").getRange("C1").values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(mine.cell("B1").formula).toBe("='AR Results'!B2");
    expect(mine.cell("B1").value).toBe(100);
  });

  test("renaming a sheet rewrites the references to it, quoting the new name where it needs quotes", async () => {
    const fake = createFakeExcel(book());
    const mine = fake.workbook.getSheet("Mine");
    mine.setFormula("B1", "=SUM('AR Results'!B2:B9)+'ar results'!B2");
    await runner(fake)(async (context) => {
      context.workbook.worksheets.getItem("AR Results").name = "Old";
      await context.sync();
    });
    expect(mine.cell("B1").formula).toBe("=SUM(Old!B2:B9)+Old!B2");
    await runner(fake)(async (context) => {
      context.workbook.worksheets.getItem("Old").name = "检查 结果";
      await context.sync();
    });
    expect(mine.cell("B1").formula).toBe("=SUM('检查 结果'!B2:B9)+'检查 结果'!B2");
    expect(mine.cell("B1").value).toBe(200);
  });

  test("a VeryHidden sheet cannot be deleted (InvalidOperation, as the API reference warns)", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A" }, { name: "Secret", visibility: "VeryHidden" }] });
    await expect(
      runner(fake)(async (context) => {
        context.workbook.worksheets.getItem("Secret").delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});

describe("requirement sets", () => {
  test("a member above the host's sets throws ApiNotFound when touched, naming the member and the set", async () => {
    const fake = createFakeExcel(book(), { requirementSets: { ExcelApi: "1.9" } });
    await runner(fake)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("AR Results");
      // PageLayout is 1.9: fine.
      sheet.pageLayout.orientation = "Landscape" as Excel.PageOrientation;
      const cfs = sheet.getRange("A1").conditionalFormats; // 1.6
      let error: { code?: string; message?: string } = {};
      try {
        cfs.getItemOrNullObject("0"); // 1.14
      } catch (e) {
        error = e as typeof error;
      }
      expect(error).toMatchObject({ code: "ApiNotFound", message: expect.stringContaining("ConditionalFormatCollection.getItemOrNullObject is part of the ExcelApi 1.14 requirement set") });
      // Loading a property of a later set fails the same way, before anything is sent.
      expect(() => sheet.load("tabId")).toThrow(expect.objectContaining({ code: "ApiNotFound" })); // 1.14
      await context.sync();
    });
    expect(fake.workbook.getSheet("AR Results").pageLayout.orientation).toBe("Landscape");
  });

  test("at ExcelApi 1.8 even the page layout (1.9) is refused; without limits everything works", async () => {
    const old = createFakeExcel(book(), { requirementSets: { ExcelApi: "1.8" } });
    await runner(old)(async (context) => {
      expect(() => context.workbook.worksheets.getItem("AR Results").pageLayout).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
      await context.sync();
    });
    const current = createFakeExcel(book());
    await runner(current)(async (context) => {
      context.workbook.worksheets.getItem("AR Results").getRange("A1").conditionalFormats.getItemOrNullObject("0");
      await context.sync();
    });
  });
});

describe("conditional formats: the id is a position", () => {
  async function threeRules(fake: FakeExcel): Promise<void> {
    await runner(fake)(async (context) => {
      const range = context.workbook.worksheets.getItem("AR Results").getRange("B2:B9");
      for (const color of ["#FF0000", "#00FF00", "#0000FF"]) {
        const cf = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
        cf.custom.rule.formula = "=TRUE";
        cf.custom.format.fill.color = color;
      }
      await context.sync();
    });
  }

  test("a new rule goes first; ids are 0, 1, 2 in priority order and shift when a rule is deleted", async () => {
    const fake = createFakeExcel(book());
    await threeRules(fake);
    const read = () =>
      runner(fake)(async (context) => {
        const cfs = context.workbook.worksheets.getItem("AR Results").getRange().conditionalFormats.load("items/id");
        await context.sync();
        const fills = cfs.items.map((cf) => cf.custom.format.fill.load("color"));
        await context.sync();
        return cfs.items.map((cf, i) => `${cf.id}:${fills[i].color}`);
      });
    // Added red, green, blue: blue is first.
    expect(await read()).toEqual(["0:#0000FF", "1:#00FF00", "2:#FF0000"]);
    // The user deletes the first rule: the others move up, so "1" is now red.
    await runner(fake)(async (context) => {
      context.workbook.worksheets.getItem("AR Results").getRange().conditionalFormats.getItem("0").delete();
      await context.sync();
    });
    expect(await read()).toEqual(["0:#00FF00", "1:#FF0000"]);
  });

  test("items loaded earlier are found by their id when used: a stored id finds whatever rule holds that place now", async () => {
    const fake = createFakeExcel(book());
    await threeRules(fake);
    await runner(fake)(async (context) => {
      const cfs = context.workbook.worksheets.getItem("AR Results").getRange().conditionalFormats.load("items/id");
      await context.sync();
      const [first, second] = cfs.items;
      first!.delete();
      second!.delete(); // "1" after the first deletion is the rule that was "2" (red)
      await context.sync();
    });
    const left = fake.workbook.getSheet("AR Results").conditionalFormats.filter((cf) => !cf.deleted);
    expect(left.map((cf) => cf.format.fill?.color)).toEqual(["#00FF00"]);
  });
});

describe("cell-edit mode", () => {
  test("a request while the user edits a cell fails with InvalidOperationInCellEditMode and runs nothing", async () => {
    const fake = createFakeExcel(book());
    fake.startCellEdit();
    await expect(
      runner(fake)(async (context) => {
        context.workbook.worksheets.getItem("Mine").getRange("A2").values = [["x"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode", message: expect.stringContaining("cell-editing mode") });
    expect(fake.workbook.getSheet("Mine").cell("A2").value).toBe("");
    expect(fake.stats.requests.at(-1)?.error).toBe("InvalidOperationInCellEditMode");
  });

  test("with delayForCellEdit the request waits until the edit ends, then runs", async () => {
    const fake = createFakeExcel(book());
    fake.startCellEdit();
    let done = false;
    const write = (fake.Excel.run as unknown as (o: Excel.RunOptions, b: (c: Excel.RequestContext) => Promise<void>) => Promise<void>)({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem("Mine").getRange("A2").values = [["x"]];
      await context.sync();
    }).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(done).toBe(false);
    expect(fake.workbook.getSheet("Mine").cell("A2").value).toBe("");
    fake.endCellEdit();
    await write;
    expect(fake.workbook.getSheet("Mine").cell("A2").value).toBe("x");
  });

  test("a host without the DelayForCellEdit set ignores the option and fails as without it", async () => {
    const fake = createFakeExcel(book(), { requirementSets: { ExcelApi: "1.9" } });
    fake.startCellEdit();
    const write = (fake.Excel.run as unknown as (o: Excel.RunOptions, b: (c: Excel.RequestContext) => Promise<void>) => Promise<void>)({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem("Mine").getRange("A2").values = [["x"]];
      await context.sync();
    });
    await expect(write).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });
});

describe("null objects", () => {
  test("a load through a null object gives a null object whose properties read undefined (read.ts's empty-sheet branch)", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Blank" }] });
    await runner(fake)(async (context) => {
      const used = context.workbook.worksheets.getItem("Blank").getUsedRangeOrNullObject(true);
      used.load("address,rowCount");
      const sheet = used.worksheet.load("name");
      await context.sync();
      expect(used.isNullObject).toBe(true);
      expect(used.address).toBeUndefined();
      expect(used.rowCount).toBeUndefined();
      expect(sheet.isNullObject).toBe(true);
      expect(sheet.name).toBeUndefined();
    });
  });
});

describe("spills", () => {
  const column = (n: number) => Array.from({ length: n }, (_, i) => [i + 1]);
  test("an array result spills below its cell; formulas of a spilled cell give its value; a blocked spill is #SPILL!", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S" }] }, { functions: { "AR.SEQ": () => column(3) } });
    const s = fake.workbook.getSheet("S");
    s.setFormula("A1", "=AR.SEQ()");
    const read = () =>
      runner(fake)(async (context) => {
        const r = context.workbook.worksheets.getItem("S").getRange("A1:A3").load("values,formulas,hasSpill");
        await context.sync();
        return { values: r.values, formulas: r.formulas, hasSpill: r.hasSpill };
      });
    expect(await read()).toEqual({ values: [[1], [2], [3]], formulas: [["=AR.SEQ()"], [2], [3]], hasSpill: true });
    s.setValues("A3", [["in the way"]]);
    expect(await read()).toEqual({ values: [["#SPILL!"], [""], ["in the way"]], formulas: [["=AR.SEQ()"], [""], ["in the way"]], hasSpill: false });
  });
});

describe("protection", () => {
  test("a protected sheet takes values in unlocked cells only; formats stay refused", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Form", cells: [["Answer", null]] }] });
    await runner(fake)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Form");
      sheet.getRange("B1:B3").format.protection.locked = false;
      sheet.protection.protect();
      await context.sync();
    });
    await runner(fake)(async (context) => {
      context.workbook.worksheets.getItem("Form").getRange("B1:B2").values = [[1], [2]];
      await context.sync();
    });
    expect(fake.workbook.getSheet("Form").values("B1:B2")).toEqual([[1], [2]]);
    for (const write of [
      (s: Excel.Worksheet) => (s.getRange("A1").values = [["x"]]),
      (s: Excel.Worksheet) => (s.getRange("B3:B4").values = [[1], [2]]), // B4 is locked
      (s: Excel.Worksheet) => (s.getRange("B1").format.fill.color = "#FF0000"),
    ]) {
      await expect(
        runner(fake)(async (context) => {
          write(context.workbook.worksheets.getItem("Form"));
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "AccessDenied" });
    }
  });
});

describe("what the ledger reader needs", () => {
  test("getMergedAreasOrNullObject lists the merged areas meeting the range (ExcelApi 1.13); none gives a null object", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "台账", cells: [["应收账款台账", null, null], ["客户", "金额", null]] }] });
    await runner(fake)(async (context) => {
      const s = context.workbook.worksheets.getItem("台账");
      s.getRange("A1:C1").merge(false);
      s.getRange("C2:C4").merge(false);
      await context.sync();
    });
    const out = await runner(fake)(async (context) => {
      const s = context.workbook.worksheets.getItem("台账");
      const areas = s.getRange("A1:D9").getMergedAreasOrNullObject().load("address,areaCount,cellCount");
      const items = areas.areas.load("items/address");
      const none = s.getRange("A5:D9").getMergedAreasOrNullObject().load("address");
      await context.sync();
      return { address: areas.address, count: areas.areaCount, cells: areas.cellCount, items: items.items.map((r) => r.address), none: none.isNullObject };
    });
    expect(out).toEqual({ address: "台账!A1:C1,台账!C2:C4", count: 2, cells: 6, items: ["台账!A1:C1", "台账!C2:C4"], none: true });
    const old = createFakeExcel({ sheets: [{ name: "S" }] }, { requirementSets: { ExcelApi: "1.12" } });
    await runner(old)(async (context) => {
      expect(() => context.workbook.worksheets.getItem("S").getRange("A1").getMergedAreasOrNullObject()).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
      await context.sync();
    });
  });

  test("Worksheet.visibility reads Visible, Hidden or VeryHidden (ExcelApi 1.1)", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A" }, { name: "B", visibility: "Hidden" }, { name: "C", visibility: "VeryHidden" }] }, { requirementSets: { ExcelApi: "1.1" } });
    const seen = await runner(fake)(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/visibility");
      await context.sync();
      return sheets.items.map((s) => `${s.name}:${s.visibility}`);
    });
    expect(seen).toEqual(["A:Visible", "B:Hidden", "C:VeryHidden"]);
  });
});

describe("custom functions on first load", () => {
  test("until the functions register a formula calling one shows #NAME?, then its value; formulas may come back spelt by the host", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Q" }] }, { functions: { "AR.CREDIT_SCORE": () => 90 }, formulaSpelling: (f) => f.replace(/\bAR\./g, "_xldudf_AR_") });
    fake.workbook.getSheet("Q").setFormula("A1", "=AR.CREDIT_SCORE(B1:B32)");
    fake.workbook.customFunctionsRegistered = false;
    const read = () =>
      runner(fake)(async (context) => {
        const r = context.workbook.worksheets.getItem("Q").getRange("A1").load("values,formulas");
        await context.sync();
        return [r.values[0][0], r.formulas[0][0]];
      });
    expect(await read()).toEqual(["#NAME?", "=_xldudf_AR_CREDIT_SCORE(B1:B32)"]);
    fake.workbook.customFunctionsRegistered = true;
    expect(await read()).toEqual([90, "=_xldudf_AR_CREDIT_SCORE(B1:B32)"]);
  });
});

describe("chart series and the custom-functions runtime's sets", () => {
  test("a chart has one series per column of its source (ExcelApi 1.7): names and category labels are recorded", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "R", cells: [["", "2010", "2011"], ["A", 1, 2], ["B", 3, 4]] }] });
    const names = await runner(fake)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("R");
      const chart = sheet.charts.add("ColumnClustered" as Excel.ChartType, sheet.getRange("B2:C3"), "Columns" as Excel.ChartSeriesBy);
      chart.series.getItemAt(0).name = "2010";
      chart.series.getItemAt(1).setXAxisValues(sheet.getRange("A2:A3"));
      const all = chart.series.load("items/name");
      await context.sync();
      return all.items.map((s) => s.name);
    });
    expect(names).toEqual(["2010", "Series2"]);
    expect(fake.workbook.getSheet("R").charts[0].series).toEqual([{ name: "2010" }, { xAxisValues: "'R'!A2:A3" }]);
  });

  test("CustomFunctions.Error is there from runtime 1.2 and its ErrorCode values from 1.3", async () => {
    const { installFakeCustomFunctions } = await import("../../src/preview/fake-excel");
    const holder: Record<string, unknown> = {};
    for (const [version, error, codes] of [["1.1", false, false], ["1.2", true, false], ["1.3", true, true]] as const) {
      const r = installFakeCustomFunctions(holder, { version });
      const cf = holder.CustomFunctions as { Error?: unknown; ErrorCode?: unknown };
      expect([version, cf.Error !== undefined, cf.ErrorCode !== undefined]).toEqual([version, error, codes]);
      r.uninstall();
    }
  });
});
