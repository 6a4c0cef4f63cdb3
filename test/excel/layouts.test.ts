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
  const out = await runValidate(run, { source: { kind: "range", sheet: f.sheets[0].name }, asOf: asOfOf(f), lang: "zh-CN" });
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
