/**
 * The Notices tab, end to end on the preview page (the in-memory Excel with the sample workbook):
 * select ledger rows, find the customers, make the notices, check the sheets and the collection
 * log, open one notice, save screenshots (notices-found.png, notice-<customer>.png).
 */
import type { Page } from "playwright-core";
import { harnessPerFile, screenshot } from "./harness";
import { sheetNames, sheetValues, type PreviewFake } from "./preview-workbook";

const h = harnessPerFile();

/** Selects 应收账款台账!A6:S10 as a user would in Excel. */
async function selectLedgerRows(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const fake = (window as unknown as { __fakeExcel: PreviewFake }).__fakeExcel;
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("应收账款台账");
      ws.activate();
      ws.getRange("A6:S10").select();
      await context.sync();
    });
  });
}

async function fillCompany(page: Page): Promise<void> {
  const values: Record<string, string> = {
    nameZh: "四川省通信产业服务有限公司遂宁分公司",
    address: "遂宁市船山区明月路 1 号",
    phone: "0825-2221234",
    accountName: "四川省通信产业服务有限公司遂宁分公司",
    bank: "中国工商银行遂宁分行",
    accountNo: "2310 4012 0900 1234 567",
    signatory: "总经理 王建国",
    letterPrefix: "遂通催",
    handler: "李明",
  };
  for (const [field, value] of Object.entries(values)) await page.getByTestId(`company-${field}`).fill(value);
  await page.getByTestId("company-save").click();
  await page.getByTestId("company-message").getByText("单位信息已保存在本工作簿中。").waitFor();
}

test("collection notices from the rows selected in the ledger: refused until 单位信息 is filled in, then one printable sheet for the batch, logged when marked sent", async () => {
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
  expect(await rows.nth(0).textContent()).toMatch(/四川华西建设集团有限公司.*900,000\.00.*2 笔.*委婉提醒.*80%/);
  expect(await rows.nth(1).textContent()).toMatch(/遂宁市河东新区管理委员会.*1,900,000\.00.*委婉提醒.*未评估/);
  expect(await rows.nth(2).textContent()).toMatch(/射洪县交通运输局.*280,000\.00.*1 笔.*法律措施.*40%/);
  // The sample has no company details: the pane names them in words and will not make the letters.
  const warning = (await page.getByTestId("notices-unfilled").textContent()) ?? "";
  expect(warning).toContain("单位名称（中文）、地址、联系电话、收款账户名称、开户银行、银行账号、签字人、编号前缀、经办人");
  expect(warning).not.toContain("company.");
  expect(await page.getByTestId("generate").isDisabled()).toBe(true);
  await page.getByTestId("notices-found").evaluate((e) => e.scrollIntoView({ block: "end" }));
  await screenshot(page, "notices-found.png");

  // "填写单位信息" opens the form with the first field to fill in focused.
  await page.getByTestId("open-company").click();
  await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.getAttribute("data-testid") === "company-nameZh");
  await fillCompany(page);

  await page.getByTestId("find").click();
  await page.getByTestId("notices-found").waitFor({ timeout: 30000 });
  expect(await page.getByTestId("notices-unfilled").count()).toBe(0);
  await page.getByTestId("generate").click();
  await page.getByTestId("notices-done").waitFor({ timeout: 30000 });

  // One sheet for the batch, a page per customer; nothing logged until the batch is marked sent; the ledger untouched.
  const names = await sheetNames(page);
  expect(names.filter((n) => n.includes("应收账款催款通知书"))).toEqual(["应收账款催款通知书-20110831"]);
  expect(await sheetValues(page, "催收记录")).toEqual(logBefore);
  const batch = await sheetValues(page, "应收账款催款通知书-20110831");
  const text = batch.flat().filter((v): v is string => typeof v === "string");
  expect(text).toEqual(expect.arrayContaining(["编号：遂通催20110831-001", "编号：遂通催20110831-002", "编号：遂通催20110831-003", "（总经理 王建国）"]));
  expect(text.some((t) => /请填写|to be filled in/.test(t))).toBe(false);
  expect(batch.find((r) => r[0] === "合计人民币（大写）" && r[2] === "贰拾捌万元整")).toBeTruthy();
  const breaks = await page.evaluate(() => (window as unknown as { __fakeExcel: { workbook: { getSheet(n: string): { pageBreaks: number[] } } } }).__fakeExcel.workbook.getSheet("应收账款催款通知书-20110831").pageBreaks);
  expect(breaks).toHaveLength(2);

  await page.getByTestId("mark-sent").click();
  await page.getByTestId("notices-logged").waitFor({ timeout: 30000 });
  expect(await page.getByTestId("notices-logged").textContent()).toContain("新增 3 行（第 9–11 行）");
  const log = await sheetValues(page, "催收记录");
  expect(log.slice(0, logBefore.length)).toEqual(logBefore);
  expect(log.slice(logBefore.length).map((r) => [r[1], r[4], r[5]])).toEqual([
    ["四川华西建设集团有限公司", "信函", 900000],
    ["遂宁市河东新区管理委员会", "信函", 1900000],
    ["射洪县交通运输局", "信函", 280000],
  ]);
  expect(JSON.stringify(await sheetValues(page, "应收账款台账"))).toBe(ledgerBefore);

  // The link goes to the customer's letter on the batch sheet.
  await page.getByTestId("notice-link").filter({ hasText: "射洪县交通运输局" }).click();
  await page.waitForFunction(() => (window as unknown as { __fakeExcel: PreviewFake }).__fakeExcel.workbook.activeSheet.name === "应收账款催款通知书-20110831");
  await page.waitForTimeout(400); // the grid redraws on a timer
  await screenshot(page, "notice-batch.png");

  // Making them again the same day and marking them sent again: the sheet is replaced, the log is not written twice.
  await selectLedgerRows(page);
  await page.getByTestId("find").click();
  await page.getByTestId("generate").click();
  await page.getByTestId("mark-sent").click();
  await page.getByText("以下通知书已在催收记录中，未重复登记", { exact: false }).first().waitFor({ timeout: 30000 });
  expect(await sheetValues(page, "催收记录")).toHaveLength(log.length);
  expect(await sheetNames(page)).toEqual(names);
  await page.close();
});
