/**
 * Statements (对账单) on the Notices tab, end to end on the preview page (the in-memory Excel with
 * the sample workbook, as of 2011-08-31): the third kind, its period defaulting to 1 January of the
 * as-of year, the filters that do not apply hidden; one printable batch sheet, a page per customer;
 * the ledger untouched. Saves statement-found.png and statement-batch.png.
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
    getSheet(name: string): { values(): Cell[][]; pageBreaks: number[] };
    activeSheet: { name: string };
  };
}

async function sheetValues(page: Page, name: string): Promise<Cell[][]> {
  return page.evaluate((n) => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.workbook.getSheet(n).values(), name);
}

test("statements for the sample ledger: period from 1 January, one batch sheet with a page per customer, the ledger untouched", async () => {
  const page = await h.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${h.url}/preview.html?lang=zh-CN`);
  await page.getByRole("tab", { name: "通知书" }).waitFor({ timeout: 15000 });
  const ledgerBefore = JSON.stringify(await sheetValues(page, "应收账款台账"));
  await page.getByRole("tab", { name: "通知书" }).click();

  // What a statement prints of 单位信息: no payee account, no signatory.
  await page.getByTestId("company-toggle").click();
  const company: Record<string, string> = { nameZh: "四川省通信产业服务有限公司遂宁分公司", address: "遂宁市船山区明月路 1 号", phone: "0825-2221234", letterPrefix: "遂通对", handler: "李明" };
  for (const [field, value] of Object.entries(company)) await page.getByTestId(`company-${field}`).fill(value);
  await page.getByTestId("company-save").click();
  await page.getByTestId("company-message").getByText("单位信息已保存在本工作簿中。").waitFor();

  await page.getByTestId("notice-date").fill("2011-08-31");
  await page.getByTestId("kind-statement").click();
  // The period: from 1 January of the as-of year; aging classes and departments do not choose accounts.
  await page.getByTestId("statement-from").waitFor();
  expect(await page.getByTestId("statement-from").inputValue()).toBe("2011/1/1");
  expect(await page.getByTestId("departments").count()).toBe(0);
  expect(await page.getByText("应收账款分类", { exact: true }).count()).toBe(0);

  await page.getByTestId("find").click();
  await page.getByTestId("notices-found").waitFor({ timeout: 30000 });
  const rows = page.getByTestId("notice-row");
  expect(await rows.count()).toBe(13);
  expect(await rows.nth(0).textContent()).toMatch(/遂宁市城市建设投资有限公司.*1,046,500\.00.*2 笔/);
  expect(await page.getByTestId("notices-unfilled").count()).toBe(0);
  expect(await page.getByTestId("notices-skipped").textContent()).toContain("对账期间内无往来，且无余额");
  await screenshot(page, "statement-found.png");

  await page.getByTestId("generate").click();
  await page.getByTestId("notices-done").waitFor({ timeout: 30000 });
  expect(await page.getByTestId("notices-done").textContent()).toContain("可直接打印");
  expect(await page.getByTestId("mark-sent").count()).toBe(0);

  const batch = await sheetValues(page, "对账单-20110831");
  const titles = batch.filter((r) => r[0] === "对账单");
  expect(titles).toHaveLength(13);
  const breaks = await page.evaluate(() => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.workbook.getSheet("对账单-20110831").pageBreaks);
  expect(breaks).toHaveLength(12);
  const text = batch.flat().filter((v): v is string => typeof v === "string");
  expect(text).toEqual(expect.arrayContaining(["编号：遂通对20110831-001", "遂宁市城市建设投资有限公司：", "期末余额账龄分析（截至2011年8月31日）"]));
  expect(text.some((t) => t.includes("帐"))).toBe(false);
  expect(JSON.stringify(await sheetValues(page, "应收账款台账"))).toBe(ledgerBefore);

  await page.getByTestId("notice-link").filter({ hasText: "射洪县交通运输局" }).click();
  await page.waitForFunction(() => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.workbook.activeSheet.name === "对账单-20110831");
  await page.waitForTimeout(400); // the grid redraws on a timer
  await screenshot(page, "statement-batch.png");
  await page.close();
});
