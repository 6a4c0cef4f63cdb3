/**
 * Problem cells marked with conditional formats the add-in owns: on the sample workbook after a
 * check, each error or warning cell gets a fill (consecutive cells of a column share a rule), the
 * ledger's values and the user's own rules stay as they are, and removing takes away exactly the
 * add-in's rules.
 */
import { createFakeExcel, type FakeExcel } from "../../src/preview/fake-excel";
import type { FakeWorkbookData } from "../../src/preview/fake-excel/data";
import sample from "../../src/preview/sample-workbook.json";
import { fromYmd } from "../../src/core/calendar";
import type { Finding } from "../../src/core/ledger/findings";
import { addHighlights, HIGHLIGHT_FILL, highlightRuns, removeHighlights } from "../../src/excel/highlights";
import { runValidate } from "../../src/excel/validate-run";
import { runner } from "../helpers/fake-excel";

const LEDGER = "应收账款台账";

function finding(column: string, row: number, severity: Finding["severity"], sheet = LEDGER): Finding {
  return { rule: "bad-date", severity, sheet, row, column, cell: `${sheet}!${column}${row}`, message: { "zh-CN": "x", "en-US": "x" } };
}

test("runs: worst severity per cell, consecutive rows of a column together, whole-row and note findings unmarked", () => {
  const runs = highlightRuns(
    [
      finding("G", 5, "warning"),
      finding("G", 6, "warning"),
      finding("G", 6, "error"), // the same cell: error wins
      finding("G", 7, "error"),
      finding("G", 9, "error"),
      finding("AA", 3, "warning"),
      finding("B", 4, "info"),
      finding("", 8, "error"),
      finding("G", 10, "error", "其他表"),
    ],
    LEDGER
  );
  expect(runs).toEqual([
    { column: "G", first: 5, last: 5, severity: "warning" },
    { column: "G", first: 6, last: 7, severity: "error" },
    { column: "G", first: 9, last: 9, severity: "error" },
    { column: "AA", first: 3, last: 3, severity: "warning" },
  ]);
});

async function checked(): Promise<{ fake: FakeExcel; findings: Finding[] }> {
  const fake = createFakeExcel(JSON.parse(JSON.stringify(sample)) as FakeWorkbookData);
  const out = await runValidate(runner(fake), { source: { kind: "range", sheet: LEDGER }, asOf: fromYmd(2011, 8, 31), lang: "zh-CN" });
  if (out.kind !== "done") throw new Error("the check did not finish");
  return { fake, findings: out.summary.findings };
}

test("on the sample: the findings' cells are filled by the add-in's rules, the user's own rule and every value stay", async () => {
  const { fake, findings } = await checked();
  const run = runner(fake);
  const sheet = fake.workbook.getSheet(LEDGER);
  // The user's own rule, which must survive.
  await fake.Excel.run(async (context) => {
    const cf = context.workbook.worksheets.getItem(LEDGER).getRange("L4:L30").conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
    cf.cellValue.format.font.color = "#FF0000";
    cf.cellValue.rule = { formula1: "0", operator: "LessThan" };
    await context.sync();
  });
  const values = JSON.stringify(sheet.values());
  const out = await run((context) => addHighlights(context, LEDGER, findings));
  const expected = highlightRuns(findings, LEDGER);
  expect(out).toEqual({ rules: expected.length, cells: expected.reduce((n, r) => n + r.last - r.first + 1, 0), left: 0 });
  expect(out.rules).toBeGreaterThan(3);
  // F7, the sample's repeated document number, has the fill of its worst finding, read back through the API.
  const atF7 = findings.filter((f) => f.sheet === LEDGER && f.column === "F" && f.row === 7);
  expect(atF7.length).toBeGreaterThan(0);
  const worst = atF7.some((f) => f.severity === "error") ? "error" : "warning";
  const fills = await run(async (context) => {
    const cfs = context.workbook.worksheets.getItem(LEDGER).getRange("F7").conditionalFormats;
    cfs.load("items/type");
    await context.sync();
    const custom = cfs.items.filter((cf) => cf.type === "Custom").map((cf) => cf.custom.format.fill.load("color"));
    await context.sync();
    return custom.map((f) => f.color);
  });
  expect(fills).toEqual([HIGHLIGHT_FILL[worst]]);
  expect(sheet.conditionalFormats.filter((cf) => !cf.deleted)).toHaveLength(out.rules + 1);
  expect(JSON.stringify(sheet.values())).toBe(values);

  // Again: the old marks go first, so there are never two sets.
  await run((context) => addHighlights(context, LEDGER, findings));
  expect(sheet.conditionalFormats.filter((cf) => !cf.deleted)).toHaveLength(out.rules + 1);

  // Removed: only the user's rule is left.
  expect(await run((context) => removeHighlights(context))).toBe(out.rules);
  const left = sheet.conditionalFormats.filter((cf) => !cf.deleted);
  expect(left).toHaveLength(1);
  expect(left[0].type).toBe("CellValue");
  expect(JSON.stringify(sheet.values())).toBe(values);
  expect(await run((context) => removeHighlights(context))).toBe(0);
});

describe("the add-in's rules are known by their content, not by id (ids are positions and shift)", () => {
  /** A user's CellValue rule over `address`, red text under zero. */
  async function userRule(fake: FakeExcel, address: string): Promise<void> {
    await fake.Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem(LEDGER).getRange(address).conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
      cf.cellValue.format.font.color = "#FF0000";
      cf.cellValue.rule = { formula1: "0", operator: "LessThan" };
      await context.sync();
    });
  }

  const left = (fake: FakeExcel) =>
    fake.workbook
      .getSheet(LEDGER)
      .conditionalFormats.filter((cf) => !cf.deleted)
      .map((cf) => `${cf.type} ${cf.rect.r0 + 1}`)
      .sort();

  test("a rule the user adds after the highlights (it goes first and moves ours down) is kept; every highlight goes", async () => {
    const { fake, findings } = await checked();
    const run = runner(fake);
    const out = await run((context) => addHighlights(context, LEDGER, findings));
    await userRule(fake, "L4:L30");
    expect(await run((context) => removeHighlights(context))).toBe(out.rules);
    expect(left(fake)).toEqual(["CellValue 4"]);
  });

  test("after the user deletes one of their own rules, the add-in still removes exactly its own", async () => {
    const { fake, findings } = await checked();
    const run = runner(fake);
    await userRule(fake, "L4:L30");
    await userRule(fake, "K4:K30");
    const out = await run((context) => addHighlights(context, LEDGER, findings));
    // The user deletes their first rule (K4:K30 went first, so L4:L30 is behind ours): the rules after it move up.
    await fake.Excel.run(async (context) => {
      const cfs = context.workbook.worksheets.getItem(LEDGER).getRange("K4").conditionalFormats.load("items/type");
      await context.sync();
      cfs.items[0].delete();
      await context.sync();
    });
    expect(await run((context) => removeHighlights(context))).toBe(out.rules);
    expect(left(fake)).toEqual(["CellValue 4"]);
    expect(fake.workbook.getSheet(LEDGER).conditionalFormats.find((cf) => !cf.deleted)!.rect.c0).toBe(11); // L
  });

  test("a rule of ours the user deleted is simply not there: the others go, the user's stay", async () => {
    const { fake, findings } = await checked();
    const run = runner(fake);
    await userRule(fake, "L4:L30");
    const out = await run((context) => addHighlights(context, LEDGER, findings));
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem(LEDGER).getRange().conditionalFormats.getItem("0").delete();
      await context.sync();
    });
    expect(await run((context) => removeHighlights(context))).toBe(out.rules - 1);
    expect(left(fake)).toEqual(["CellValue 4"]);
  });

  test("each rule's formula carries the marker (TRUE for every cell) and the settings keep the ranges, not ids", async () => {
    const { fake, findings } = await checked();
    await runner(fake)((context) => addHighlights(context, LEDGER, findings));
    const ours = fake.workbook.getSheet(LEDGER).conditionalFormats.filter((cf) => !cf.deleted);
    expect(new Set(ours.map((cf) => String(cf.rule.formula)))).toEqual(new Set(['=ISTEXT("receivablesSteward.highlight:error")', '=ISTEXT("receivablesSteward.highlight:warning")']));
    const saved = JSON.parse(String(fake.workbook.settings.get("receivablesSteward.highlights"))) as { sheet: string; ranges: string[] };
    expect(saved.sheet).toBe(LEDGER);
    expect(saved.ranges.length).toBe(ours.length);
    expect(saved).not.toHaveProperty("ids");
  });

  test("rules an older version made (formula =TRUE, our fills, ids in the settings) are still removed, and no user rule with them", async () => {
    const { fake } = await checked();
    await userRule(fake, "L4:L30");
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(LEDGER);
      for (const [address, color] of [["G5:G7", HIGHLIGHT_FILL.error], ["F9", HIGHLIGHT_FILL.warning]] as const) {
        const cf = ws.getRange(address).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
        cf.custom.rule.formula = "=TRUE";
        cf.custom.format.fill.color = color;
      }
      context.workbook.settings.add("receivablesSteward.highlights", JSON.stringify({ sheet: LEDGER, ids: ["0", "1"] }));
      await context.sync();
    });
    expect(await runner(fake)((context) => removeHighlights(context))).toBe(2);
    expect(left(fake)).toEqual(["CellValue 4"]);
  });
});
