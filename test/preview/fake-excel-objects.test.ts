/**
 * The objects a report writer touches: worksheets, formats, merges, tables, names, conditional
 * formats, page layout, charts, freeze panes, selection. The fake records them so tests can
 * assert on `fake.workbook`.
 */
import { createFakeExcel, type FakeExcel } from "../../src/preview/fake-excel";

function ledger(): FakeExcel {
  return createFakeExcel({
    sheets: [
      {
        name: "Ledger",
        cells: [
          ["Customer", "Due", "Amount", ""],
          ["Acme", 45672, 1200.5, "x"],
          ["Globex", 45700, 80, "y"],
        ],
        numberFormats: { "B2:B3": "yyyy-mm-dd" },
        tables: [{ name: "LedgerTable", range: "A1:D3" }],
      },
      { name: "Notes", cells: [["n"]] },
    ],
    names: [{ name: "Rate", ref: "=0.05" }],
  });
}

describe("worksheets", () => {
  test("add, items, name, position, visibility, activate, delete", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const report = sheets.add("Report");
      report.position = 0;
      report.activate();
      sheets.getItem("Notes").visibility = "Hidden";
      const active = sheets.getActiveWorksheet().load("name");
      sheets.load("items/name, items/position, items/visibility");
      const count = sheets.getCount();
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.position, s.visibility])).toEqual([
        ["Report", 0, "Visible"],
        ["Ledger", 1, "Visible"],
        ["Notes", 2, "Hidden"],
      ]);
      expect(active.name).toBe("Report");
      expect(count.value).toBe(3);
      sheets.getItem("Notes").delete();
      report.name = "Aging report";
      await context.sync();
    });
    expect(fake.workbook.sheets().map((s) => s.name)).toEqual(["Aging report", "Ledger"]);
    expect(fake.workbook.activeSheet.name).toBe("Aging report");
  });

  test("names are unique case-insensitively and limited as in Excel", async () => {
    const fake = ledger();
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.add("ledger");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.add("bad/name");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("a workbook keeps at least one visible sheet", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Only" }] });
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Only").delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  test("getUsedRange(valuesOnly) and whole-sheet getRange()", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ledger");
      sheet.getRange("F10").format.fill.color = "yellow";
      const used = sheet.getUsedRange().load("address");
      const usedValues = sheet.getUsedRange(true).load("address");
      const whole = sheet.getRange().load("address, cellCount");
      await context.sync();
      expect(used.address).toBe("Ledger!A1:F10");
      expect(usedValues.address).toBe("Ledger!A1:D3");
      expect(whole.address).toBe("Ledger!1:1048576");
    });
  });

  test("freezePanes.freezeRows and getLocationOrNullObject", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ledger");
      sheet.freezePanes.freezeRows(1);
      const where = sheet.freezePanes.getLocationOrNullObject().load("address");
      await context.sync();
      expect(where.address).toBe("Ledger!1:1");
    });
    expect(fake.workbook.getSheet("Ledger").frozen).toEqual({ rows: 1, columns: 0 });
  });

  test("protection.protect() then writes are denied; protecting twice fails", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").protection.protect({ allowFormatCells: false });
      await context.sync();
    });
    expect(fake.workbook.getSheet("Notes").isProtected).toBe(true);
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Notes").protection.protect();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Notes").getRange("A1").format.font.bold = true;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });
});

describe("formats and merges", () => {
  test("font, fill, alignment, wrap, column width, autofit; mixed values read as null", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ledger");
      const header = sheet.getRange("A1:D1");
      header.format.font.bold = true;
      header.format.font.color = "#ffffff";
      header.format.fill.color = "Navy";
      header.format.horizontalAlignment = "Center";
      header.format.wrapText = true;
      sheet.getRange("A:A").format.columnWidth = 120;
      sheet.getRange("B:C").format.autofitColumns();
      sheet.getRange("A2").format.font.bold = true;
      const mixed = sheet.getRange("A1:A3").format.font.load("bold");
      const uniform = header.format.load("horizontalAlignment, wrapText");
      const fill = header.format.fill.load("color");
      await context.sync();
      expect(mixed.bold).toBeNull();
      expect(uniform.horizontalAlignment).toBe("Center");
      expect(uniform.wrapText).toBe(true);
      expect(fill.color).toBe("#000080");
    });
    const s = fake.workbook.getSheet("Ledger");
    expect(s.style("B1")).toMatchObject({ "font.bold": true, "font.color": "#FFFFFF", "fill.color": "#000080" });
    expect(s.style("B2")["font.bold"]).toBe(false);
    expect(s.columnWidth("A")).toBe(120);
    expect(s.autofitColumns.has(1)).toBe(true);
    expect(s.columnWidth("B")).toBeGreaterThan(0);
  });

  test("range.set() with nested format, borders, and toJSON of loaded values", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Ledger").getRange("A1:B1");
      range.set({ format: { font: { italic: true }, fill: { color: "#FFFF00" } } });
      range.format.borders.getItem("EdgeBottom").style = "Continuous";
      range.load("address, values");
      await context.sync();
      expect(range.toJSON()).toMatchObject({ address: "Ledger!A1:B1", values: [["Customer", "Due"]] });
    });
    expect(fake.workbook.getSheet("Ledger").style("A1")).toMatchObject({ "font.italic": true, "fill.color": "#FFFF00", "border.EdgeBottom.style": "Continuous" });
  });

  test("merge() keeps the top-left value and clears the rest, as Excel does", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Ledger").getRange("A2:B2").merge();
      await context.sync();
    });
    const s = fake.workbook.getSheet("Ledger");
    expect(s.mergedAreas()).toEqual(["A2:B2"]);
    expect(s.values("A2:B2")).toEqual([["Acme", ""]]);
  });

  test("clear('Contents') keeps formats; clear() removes both", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ledger");
      sheet.getRange("B2").clear("Contents");
      sheet.getRange("C2").format.font.bold = true;
      sheet.getRange("C2").clear();
      await context.sync();
    });
    const s = fake.workbook.getSheet("Ledger");
    expect(s.cell("B2")).toMatchObject({ value: "", numberFormat: "yyyy-mm-dd" });
    expect(s.cell("C2").value).toBe("");
    expect(s.style("C2")["font.bold"]).toBe(false);
  });

  test("application.suspendApiCalculationUntilNextSync is a harmless no-op", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.worksheets.getItem("Ledger").getRange("E1").values = [[1]];
      await context.sync();
    });
    expect(fake.workbook.getSheet("Ledger").cell("E1").value).toBe(1);
  });
});

describe("tables", () => {
  test("workbook.tables and worksheet.tables: getItem, items, ranges, name", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("LedgerTable");
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("address, values");
      const all = table.getRange().load("address");
      const onSheet = context.workbook.worksheets.getItem("Ledger").tables.load("items/name");
      const columns = table.columns.load("items/name");
      table.load("name, showHeaders");
      await context.sync();
      expect(header.values).toEqual([["Customer", "Due", "Amount", "Column4"]]);
      expect(body.address).toBe("Ledger!A2:D3");
      expect(all.address).toBe("Ledger!A1:D3");
      expect(onSheet.items.map((t) => t.name)).toEqual(["LedgerTable"]);
      expect(columns.items.map((c) => c.name)).toEqual(["Customer", "Due", "Amount", "Column4"]);
      table.name = "Receivables";
    });
    expect(fake.workbook.tables().map((t) => t.name)).toEqual(["Receivables"]);
  });

  test("add(address, true) makes headers unique text and names the table; rows.add appends", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", cells: [["Name", "Name", 2024, ""]] }] });
    await fake.Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("S").tables.add("A1:D1", true);
      table.load("name");
      await context.sync();
      expect(table.name).toBe("Table1");
      table.rows.add(undefined, [
        ["a", "b", 1, 2],
        ["c", "d", 3, 4],
      ]);
      const range = table.getRange().load("address");
      await context.sync();
      expect(range.address).toBe("S!A1:D3");
    });
    const s = fake.workbook.getSheet("S");
    expect(s.values("A1:D1")).toEqual([["Name", "Name2", "2024", "Column4"]]);
    expect(s.values("A3:D3")).toEqual([["c", "d", 3, 4]]);
  });

  test("tables cannot overlap", async () => {
    const fake = ledger();
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.tables.add("Ledger!C2:E5", true);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "MergedRangeConflict" });
  });
});

describe("names", () => {
  test("names.add / getItem / getItemOrNullObject / getRange", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ledger");
      context.workbook.names.add("Amounts", sheet.getRange("C2:C3"), "ledger amounts");
      await context.sync();
      const amounts = context.workbook.names.getItem("amounts").load("name, type, formula, comment");
      const rate = context.workbook.names.getItem("Rate").load("type, value");
      const missing = context.workbook.names.getItemOrNullObject("Nope");
      const values = amounts.getRange().load("values");
      await context.sync();
      expect(amounts).toMatchObject({ name: "Amounts", type: "Range", formula: "=Ledger!$C$2:$C$3", comment: "ledger amounts" });
      expect(rate).toMatchObject({ type: "Double", value: 0.05 });
      expect(missing.isNullObject).toBe(true);
      expect(values.values).toEqual([[1200.5], [80]]);
    });
  });

  test("worksheet.getRange accepts a defined name", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", cells: [[1, 2]] }], names: [{ name: "Pair", ref: "S!A1:B1" }] });
    await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("Pair").load("values");
      await context.sync();
      expect(r.values).toEqual([[1, 2]]);
    });
  });
});

describe("conditional formats", () => {
  test("add(custom) and add(cellValue) are recorded with their range, rule and format; getCount; clearAll", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Ledger").getRange("C2:C3");
      const overdue = range.conditionalFormats.add(fake.Excel.ConditionalFormatType.custom);
      overdue.custom.rule.formula = "=$B2<TODAY()-90";
      overdue.custom.format.fill.color = "#FFC7CE";
      overdue.custom.format.font.color = "#9C0006";
      const big = range.conditionalFormats.add("CellValue");
      big.cellValue.format.font.bold = true;
      big.cellValue.rule = { formula1: "=1000", operator: "GreaterThan" };
      const count = range.conditionalFormats.getCount();
      await context.sync();
      expect(count.value).toBe(2);
    });
    const cfs = fake.workbook.getSheet("Ledger").conditionalFormats;
    expect(cfs.map((cf) => ({ type: cf.type, address: cf.address, rule: cf.rule, format: cf.format, priority: cf.priority }))).toEqual([
      { type: "CellValue", address: "Ledger!C2:C3", rule: { formula1: "=1000", operator: "GreaterThan" }, format: { font: { bold: true } }, priority: 0 },
      { type: "Custom", address: "Ledger!C2:C3", rule: { formula: "=$B2<TODAY()-90" }, format: { fill: { color: "#FFC7CE" }, font: { color: "#9C0006" } }, priority: 1 },
    ]);
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Ledger").getRange("A1:D10");
      range.conditionalFormats.clearAll();
      const count = range.conditionalFormats.getCount();
      await context.sync();
      expect(count.value).toBe(0);
    });
    expect(fake.workbook.getSheet("Ledger").conditionalFormats).toEqual([]);
  });

  test("a rule of the wrong type is refused at sync; custom on a cellValue format throws InvalidOperation", async () => {
    const fake = ledger();
    await expect(
      fake.Excel.run(async (context) => {
        const cf = context.workbook.worksheets.getItem("Ledger").getRange("C2").conditionalFormats.add("CellValue");
        cf.custom.rule.formula = "=TRUE";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});

describe("data validation (ExcelApi 1.8, Range.dataValidation)", () => {
  test("a list rule is recorded for its cells; type reads None outside, List over it, Inconsistent across its edge; clear removes it", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ledger");
      const dv = sheet.getRange("D2:D10").dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: "=Terms" } };
      dv.errorAlert = { showAlert: true, style: "Information", title: "t", message: "m" };
      const inside = sheet.getRange("D3:D4").dataValidation.load("type, rule, errorAlert");
      const across = sheet.getRange("D1:D2").dataValidation.load("type");
      const outside = sheet.getRange("A1").dataValidation.load("type, rule");
      await context.sync();
      expect(inside.type).toBe("List");
      expect(inside.rule).toEqual({ list: { inCellDropDown: true, source: "=Terms" } });
      expect(inside.errorAlert).toEqual({ showAlert: true, style: "Information", title: "t", message: "m" });
      expect(across.type).toBe("Inconsistent");
      expect([outside.type, outside.rule]).toEqual(["None", {}]);
    });
    expect(fake.workbook.getSheet("Ledger").dataValidations.map((v) => v.areas)).toEqual([[{ r0: 1, c0: 3, r1: 9, c1: 3 }]]);
    await fake.Excel.run(async (context) => {
      // A cell holds one validation: clearing the middle splits the rest in two.
      context.workbook.worksheets.getItem("Ledger").getRange("D5:D6").dataValidation.clear();
      await context.sync();
    });
    expect(fake.workbook.getSheet("Ledger").dataValidations[0].areas).toEqual([
      { r0: 1, c0: 3, r1: 3, c1: 3 },
      { r0: 6, c0: 3, r1: 9, c1: 3 },
    ]);
  });

  test("a rule with two kinds, a list of more than 255 characters, and an alert style Excel lacks are refused; a refused command changes nothing, the commands before it stay", async () => {
    const fake = ledger();
    const tryRule = (rule: unknown) =>
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Ledger").getRange("D2").dataValidation.rule = rule as Excel.DataValidationRule;
        await context.sync();
      });
    await expect(tryRule({ list: { source: "a,b" }, custom: { formula: "=TRUE" } })).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(tryRule({ list: { inCellDropDown: true, source: "x,".repeat(128) } })).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      fake.Excel.run(async (context) => {
        const dv = context.workbook.worksheets.getItem("Ledger").getRange("D2").dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: "a,b" } };
        dv.errorAlert = { showAlert: false, style: "Loud" as "Stop", title: "", message: "" };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    // A batch is not a transaction: the rule set before the refused alert stays, with its default alert.
    expect(fake.workbook.getSheet("Ledger").dataValidations.map((v) => [v.rule, v.errorAlert.style])).toEqual([[{ list: { inCellDropDown: true, source: "a,b" } }, "Stop"]]);
  });
});

describe("page layout and charts", () => {
  test("orientation, paper size, print titles, zoom fit-to-pages, centering are recorded", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Ledger").pageLayout;
      layout.orientation = fake.Excel.PageOrientation.landscape;
      layout.paperSize = fake.Excel.PaperType.a4;
      layout.setPrintTitleRows("$1:$1");
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.centerHorizontally = true;
      const titles = layout.getPrintTitleRowsOrNullObject().load("address");
      layout.load("orientation, zoom");
      await context.sync();
      expect(titles.address).toBe("Ledger!1:1");
      expect(layout.orientation).toBe("Landscape");
      expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    });
    expect(fake.workbook.getSheet("Ledger").pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$1:$1",
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
  });

  test("setting zoom.scale through the unloaded zoom object fails, as in Excel", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Ledger").pageLayout;
      expect(() => {
        layout.zoom.scale = 200;
      }).toThrow(/'zoom'/);
    });
  });

  test("charts.add(type, range, seriesBy) with a title and position is recorded", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ledger");
      const chart = sheet.charts.add(fake.Excel.ChartType.columnClustered, sheet.getRange("A1:C3"), fake.Excel.ChartSeriesBy.columns);
      chart.title.text = "Aging";
      chart.setPosition("F2", "M20");
      chart.load("name");
      await context.sync();
      expect(chart.name).toBe("Chart 1");
    });
    const [chart] = fake.workbook.getSheet("Ledger").charts;
    expect(chart).toMatchObject({ chartType: "ColumnClustered", seriesBy: "Columns", sourceAddress: "Ledger!A1:C3", title: { text: "Aging", visible: true }, position: { start: "F2", end: "M20" } });
  });
});

describe("selection", () => {
  test("range.select() moves the selection; workbook.getSelectedRange() reads it", async () => {
    const fake = ledger();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("B2:C4").select();
      await context.sync();
      const selected = context.workbook.getSelectedRange().load("address, rowCount");
      await context.sync();
      expect(selected.address).toBe("Notes!B2:C4");
    });
    expect(fake.workbook.selectedAddress).toBe("Notes!B2:C4");
  });
});

describe("workbook data round trip", () => {
  test("toData() gives back values, formulas, errors, formats, tables, names and settings", () => {
    const fake = createFakeExcel({
      sheets: [{ name: "S", cells: [["a", 1]], formulas: { C1: "=B1*2" }, errors: { D1: "#N/A" }, numberFormats: { B1: "0.00" }, tables: [{ name: "T", range: "A1:A2" }] }],
      settings: { k: [1, 2] },
      names: [{ name: "N", ref: "S!A1" }],
    });
    const again = createFakeExcel(fake.workbook.toData());
    const s = again.workbook.getSheet("S");
    expect(s.cell("C1")).toMatchObject({ formula: "=B1*2", value: 2 });
    expect(s.cell("D1").value).toBe("#N/A");
    expect(s.cell("B1").text).toBe("1.00");
    expect(again.workbook.tables()[0].address).toBe("S!A1:A2");
    expect(again.workbook.settings.get("k")).toEqual([1, 2]);
    expect(again.workbook.names()[0].formula).toBe("=S!$A$1");
  });
});
