/**
 * The Notices tab, end to end on the preview page (the in-memory Excel with the sample workbook):
 * select ledger rows, find the customers, make the notices, check the sheets and the collection
 * log, open one notice, save screenshots (notices-found.png, notice-<customer>.png).
 */
import type { Page } from "playwright-core";
import { startHarness, screenshot, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

type Cell = string | number | boolean | null;
interface FakeHandle {
  workbook: {
    toData(): { sheets: { name: string }[] };
    getSheet(name: string): { values(): Cell[][] };
    activeSheet: { name: string };
  };
  Excel: { run<T>(f: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
}

async function sheetValues(page: Page, name: string): Promise<Cell[][]> {
  return page.evaluate((n) => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.workbook.getSheet(n).values(), name);
}

async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.workbook.toData().sheets.map((s) => s.name));
}

/** Selects 应收账款台账!A6:S10 as a user would in Excel. */
async function selectLedgerRows(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const fake = (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel;
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("应收账款台账");
      ws.activate();
      ws.getRange("A6:S10").select();
      await context.sync();
    });
  });
}

test("collection notices from the rows selected in the ledger: one sheet per customer, one log row per notice", async () => {
  const page = await h.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${h.url}/preview.html?lang=zh-CN`);
  await page.getByRole("tab", { name: "通知书" }).waitFor({ timeout: 15000 });
  const ledgerBefore = JSON.stringify(await sheetValues(page, "应收账款台账"));
  const logBefore = await sheetValues(page, "催收记录");

  // The accountant selects ledger rows 6–10 (华西's two items, 河东's two, 射洪's one), as in Excel.
  await selectLedgerRows(page);
  await page.getByRole("tab", { name: "通知书" }).click();
  await page.getByTestId("notice-date").fill("2011-08-31");
  await page.getByTestId("selected-rows").click();
  await page.getByTestId("find").click();
  await page.getByTestId("notices-found").waitFor({ timeout: 30000 });
  const rows = page.getByTestId("notice-row");
  expect(await rows.count()).toBe(3);
  // Totals are the ledger's open balances: 450,000 × 2; 1,580,000 + 320,000; 280,000. Tone by tier.
  expect(await rows.nth(0).textContent()).toMatch(/四川华西建设集团有限公司.*900,000\.00.*委婉提醒.*80%/);
  expect(await rows.nth(1).textContent()).toMatch(/遂宁市河东新区管理委员会.*1,900,000\.00.*委婉提醒.*未评估/);
  expect(await rows.nth(2).textContent()).toMatch(/射洪县交通运输局.*280,000\.00.*法律措施.*40%/);
  // The sample's policy still has the product's placeholders for the payee account: the pane says so.
  expect(await page.getByTestId("notices-unfilled").textContent()).toContain("company.payee.accountNo");
  await page.getByTestId("notices-found").evaluate((e) => e.scrollIntoView({ block: "end" }));
  await screenshot(page, "notices-found.png");

  await page.getByTestId("generate").click();
  await page.getByTestId("notices-done").waitFor({ timeout: 30000 });
  expect(await page.getByTestId("notices-logged").textContent()).toContain("新增 3 行（第 9–11 行）");

  // One sheet per customer; the collection log gains exactly three rows; the ledger is untouched.
  const names = await sheetNames(page);
  const notices = names.filter((n) => n.endsWith("-应收帐款催款通知书"));
  expect(notices).toHaveLength(3);
  const log = await sheetValues(page, "催收记录");
  expect(log.slice(0, logBefore.length)).toEqual(logBefore);
  expect(log.slice(logBefore.length).map((r) => [r[1], r[4], r[5]])).toEqual([
    ["四川华西建设集团有限公司", "信函", 900000],
    ["遂宁市河东新区管理委员会", "信函", 1900000],
    ["射洪县交通运输局", "信函", 280000],
  ]);
  expect(JSON.stringify(await sheetValues(page, "应收账款台账"))).toBe(ledgerBefore);

  // The legal-tier notice: total in figures and capitals, opened from the pane.
  const sheet = notices.find((n) => n.startsWith("射洪县交通运输局"))!;
  const values = await sheetValues(page, sheet);
  expect(values.find((r) => r[0] === "合计")![6]).toBe(280000);
  expect(values.find((r) => r[0] === "合计人民币（大写）")![2]).toBe("贰拾捌万元整");
  await page.getByTestId("notice-link").filter({ hasText: sheet }).click();
  await page.waitForFunction((n) => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.workbook.activeSheet.name === n, sheet);
  await page.waitForTimeout(400); // the grid redraws on a timer
  await screenshot(page, "notice-射洪县交通运输局.png");

  // Making them again the same day: the sheets are replaced, the log is not written twice.
  await selectLedgerRows(page);
  await page.getByTestId("find").click();
  await page.getByTestId("generate").click();
  await page.getByText("以下通知书已在催收记录中，未重复登记", { exact: false }).waitFor({ timeout: 30000 });
  expect(await sheetValues(page, "催收记录")).toHaveLength(log.length);
  expect(await sheetNames(page)).toEqual(names);
  await page.close();
});
