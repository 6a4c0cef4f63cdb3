/**
 * Excel refuses to make a step one undo (UndoNotSupported, on a host with ExcelApi 1.20): the pane
 * asks before doing the step outside the group, which clears the user's undo list
 * (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities). "Stop" leaves the
 * workbook as it was; "Go on" completes the check. Screenshot: undo-confirm.png.
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

interface FakeHandle {
  workbook: { toData(): { sheets: { name: string }[] } };
  failSync(n: number, e: { code: string; message?: string }): void;
}
const sheets = (page: Page) => page.evaluate(() => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.workbook.toData().sheets.map((s) => s.name));
const refuseUndoGroup = (page: Page) =>
  page.evaluate(() => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.failSync(1, { code: "UndoNotSupported", message: "This operation cannot be undone as part of a group." }));

test("UndoNotSupported: the pane asks first; Stop changes nothing, Go on finishes the check", async () => {
  const page = await h.newPage();
  await page.goto(`${h.url}/preview.html?lang=zh-CN&excelapi=1.20`);
  await page.waitForFunction(() => (document.querySelector('[data-testid="ledger-picker"]') as HTMLElement | null)?.textContent?.includes("应收账款台账"));
  // ExcelApi 1.20: each run is one undo group, so no standing note about the undo list.
  expect(await page.getByTestId("undo-clears").count()).toBe(0);
  const before = await sheets(page);

  await refuseUndoGroup(page);
  await page.getByTestId("run").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText("清空撤消记录？").waitFor({ timeout: 15000 });
  await screenshot(page, "undo-confirm.png");
  await dialog.getByRole("button", { name: "停止" }).click();
  await page.getByText("已取消").first().waitFor({ timeout: 15000 });
  await dialog.waitFor({ state: "detached" });
  expect(await sheets(page)).toEqual(before);
  // Focus goes back to the button pressed (once the run lets go of it), not to the page.
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "run", undefined, { timeout: 5000 });

  await refuseUndoGroup(page);
  await page.getByTestId("run").click();
  await dialog.getByText("清空撤消记录？").waitFor({ timeout: 15000 });
  await page.getByTestId("confirm-undo-clear").click();
  await page.getByTestId("results").waitFor({ timeout: 30000 });
  expect(await sheets(page)).toEqual(expect.arrayContaining(["AR检查结果", "AR检查发现"]));
  await page.close();
});
