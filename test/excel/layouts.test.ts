/**
 * Real ledgers through the pane's gateway (issue 13): each layout of test/fixtures/layouts on the
 * in-memory Excel — merged cells made with Range.merge, hidden sheets hidden — validated as the
 * pane does, gives the hand-worked open items, class totals and provision to the cent, as the
 * core and the headless audit do (test/core/ledger/layouts.test.ts).
 */
import { runValidate } from "../../src/excel/validate-run";
import { createFakeExcel, installFakeOffice, type InstalledOffice } from "../../src/preview/fake-excel";
import { columnLetterOf } from "../../src/core/ledger/mapping";
import { asOfOf, LAYOUT_FIXTURES, type LayoutFixture, valuesOf } from "../fixtures/layouts";
import { runner } from "../helpers/fake-excel";

let office: InstalledOffice | null = null;
afterEach(() => {
  office?.uninstall();
  office = null;
});

async function validate(f: LayoutFixture) {
  const fake = createFakeExcel({
    sheets: f.sheets.map((s) => ({ name: s.name, cells: valuesOf(s) as never, ...(s.hidden ? { visibility: "Hidden" as const } : {}) })),
  });
  office = installFakeOffice(globalThis, fake, { lang: "zh-CN" });
  const run = runner(fake);
  await run(async (context) => {
    for (const s of f.sheets) {
      for (const m of s.merges ?? []) context.workbook.worksheets.getItem(s.name).getRange(`${columnLetterOf(m.left)}${m.top}:${columnLetterOf(m.right)}${m.bottom}`).merge(false);
    }
    await context.sync();
  });
  const before = JSON.stringify(fake.workbook.toData().sheets.filter((s) => f.sheets.some((x) => x.name === s.name)));
  const out = await runValidate(run, { source: { kind: "range", sheet: f.paneSheet ?? f.sheets[0].name }, asOf: asOfOf(f), lang: "zh-CN" });
  const after = JSON.stringify(fake.workbook.toData().sheets.filter((s) => f.sheets.some((x) => x.name === s.name)));
  return { out, fake, unchanged: before === after };
}

describe.each(LAYOUT_FIXTURES.filter((f) => f.csv !== true))("$title", (f) => {
  test("the pane's Validate gives the hand-worked totals, classes and reconciliation, and leaves the ledger as it was", async () => {
    const { out, unchanged } = await validate(f);
    expect(out.kind).toBe("done");
    if (out.kind !== "done") return;
    const e = f.expected;
    expect(out.summary.totals.all).toEqual(e.total);
    for (const [cls, t] of Object.entries(e.byClass)) expect(out.summary.totals.byClass[cls as "normal"]).toEqual(t);
    expect(out.summary.reading.reconciliation).toBe(e.reconciliation);
    expect(out.summary.reading.leftOut.count).toBe(e.leftOut);
    expect(out.summary.reading.settled).toBe(e.settled);
    const rules = out.summary.findings.map((x) => x.rule);
    for (const rule of e.findings) expect(rules).toContain(rule);
    for (const rule of e.noFindings) expect(rules).not.toContain(rule);
    expect(unchanged).toBe(true);
  });
});

describe("a ledger kept a sheet per year, checked from the current year's sheet", () => {
  const f = LAYOUT_FIXTURES.find((x) => x.name === "detail-ledger-sheet-per-year") as LayoutFixture;
  const cells = (name: string) => valuesOf(f.sheets.find((s) => s.name === name) as LayoutFixture["sheets"][number]);

  test("the pane says which sheets it read together, in its own words (no --sheet)", async () => {
    const { out } = await validate(f);
    expect(out.kind).toBe("done");
    if (out.kind !== "done") return;
    expect(out.warnings.map((w) => w["zh-CN"])).toEqual([
      "工作表“2010年”“2011年”版式相同，按工作簿顺序作为一本台账合并读取（各期的期初余额与前期结余核对，不重复计入）；如其中有副本或汇总表，请把要单独检查的那张工作表的数据设为 Excel 表格，再在台账列表中选择该表格。",
    ]);
  });

  test("an Excel table on the current year's sheet is read alone: its 上年结转 dated at the year's start, said", async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: "2010年", cells: cells("2010年") as never },
        { name: "2011年", cells: cells("2011年") as never, tables: [{ name: "本年明细", range: "A1:F6" }] },
      ],
    });
    office = installFakeOffice(globalThis, fake, { lang: "zh-CN" });
    const out = await runValidate(runner(fake), { source: { kind: "table", table: "本年明细" }, asOf: asOfOf(f), lang: "zh-CN" });
    expect(out.kind).toBe("done");
    if (out.kind !== "done") return;
    // 甲 40,000 from 2011-01-01: due 01-31, 212 days → stale, 1年以内 5% = 2,000.00; 乙 1,000.00; 丙 2,500.00.
    expect(out.summary.totals.all).toEqual({ count: 3, balance: "110000.00", provision: "5500.00" });
    expect(out.summary.findings.filter((x) => x.rule === "opening-balance-dated").map((x) => x.cell)).toEqual(["'2011年'!A2", "'2011年'!A3"]);
    // A table is the way the notes give to check one sheet alone: the other year is not read, nor said.
    expect(out.warnings).toEqual([]);
  });
});
