/**
 * A real export in the preview (issue 13): a U8-style 客户往来明细账 (摘要 totals, vouchers, a running
 * 借/贷 balance, September's entries already posted) pasted into the workbook as a user's sheet,
 * picked in the pane and validated as of 2011-08-31. The pane says first that what was read agrees
 * with the ledger's own totals and that two later lines were left out, and shows the hand-worked
 * figures of test/fixtures/layouts: 3 open items, 75,000.00, provision 3,750.00.
 */
import { harnessPerFile, screenshot } from "./harness";
import { LAYOUT_FIXTURES, valuesOf } from "../fixtures/layouts";

const h = harnessPerFile();

test("validate a U8 customer ledger as of last month-end", async () => {
  const fixture = LAYOUT_FIXTURES.find((f) => f.name === "u8-customer-ledger");
  if (fixture === undefined) throw new Error("no U8 fixture");
  const sheet = fixture.sheets[0];
  const values = valuesOf(sheet);
  const page = await h.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${h.url}/preview.html?lang=zh-CN`);
  await page.getByTestId("ledger-picker").waitFor({ timeout: 15000 });
  // The user's own sheet, typed into the workbook through the Excel API as any sheet would be.
  await page.evaluate(
    async ({ name, cells }) => {
      const excel = (window as unknown as { Excel: { run<T>(f: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> } }).Excel;
      await excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.add(name);
        const width = Math.max(...cells.map((r) => r.length));
        const padded = cells.map((r) => [...r, ...new Array(width - r.length).fill("")].map((v) => (v === null ? "" : v)));
        ws.getRangeByIndexes(0, 0, padded.length, width).values = padded;
        ws.getRange("A3:A16").numberFormat = padded.slice(2, 16).map(() => ["yyyy-mm-dd"]);
        await ctx.sync();
      });
    },
    { name: sheet.name, cells: values as (string | number | null)[][] },
  );
  await page.getByRole("button", { name: "重新查找" }).click();
  await page.getByTestId("ledger-picker").click();
  await page.getByRole("option", { name: new RegExp(sheet.name) }).click();
  await page.getByTestId("as-of").fill("2011-08-31");
  await page.getByTestId("run").click();
  await page.getByTestId("results").waitFor({ timeout: 30000 });
  const banner = (await page.getByTestId("reconciliation").textContent()) ?? "";
  expect(banner).toContain("读取结果与台账自身的合计一致");
  expect(banner).toContain("2 行日期晚于基准日 2011/8/31，未计入（应收 1 笔，收款或贷项 1 笔）");
  const totals = (await page.getByTestId("by-class").textContent()) ?? "";
  expect(totals).toContain("75,000.00");
  expect(totals).toContain("3,750.00");
  await screenshot(page, "validate-u8-ledger.png");
  await page.close();
});
