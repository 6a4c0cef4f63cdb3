/**
 * The self-test in the preview (preview.html?selftest=1): the hidden Self-test tab runs every
 * check on a new in-memory workbook, all of them pass, the sample workbook is not touched, and the
 * table a tester would copy is there. Screenshot: test-artifacts/self-test.png.
 */
import * as path from "path";
import { harnessPerFile, ARTIFACTS } from "./harness";

const h = harnessPerFile();

test("the self-test runs in the preview, all green, and leaves the sample workbook as it was", async () => {
  const page = await h.newPage();
  // Tall enough for the whole table: the pane scrolls on its own, so a page screenshot would cut it.
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.goto(`${h.url}/preview.html?lang=en-US&selftest=1`);
  const tab = page.getByRole("tab", { name: "Self-test" });
  await tab.waitFor({ timeout: 15000 });
  const before = await page.evaluate(() => JSON.stringify((window as unknown as { __fakeExcel: { workbook: { toData(): unknown } } }).__fakeExcel.workbook.toData()));
  await tab.click();
  const panel = page.getByTestId("panel-self-test");
  await panel.waitFor();
  await panel.getByRole("button", { name: "Run self-test on this host" }).click();
  const summary = page.getByTestId("self-test-summary");
  await summary.waitFor({ timeout: 90000 });
  expect(await summary.textContent()).toBe("8 of 8 passed on Preview (in-memory Excel, not a real host).");
  const rows = page.getByTestId("self-test-table").locator("tbody tr");
  expect(await rows.count()).toBe(8);
  expect(await page.getByTestId("self-test-table").getByText("Fail", { exact: true }).count()).toBe(0);
  const report = await panel.locator("textarea").inputValue();
  expect(report.split("\n")[0]).toBe("Receivables Steward self-test · Preview (in-memory Excel, not a real host)");
  expect(report).toContain("| rerun-reference: A re-run keeps a user's formula that points at the results | PASS |");
  const after = await page.evaluate(() => JSON.stringify((window as unknown as { __fakeExcel: { workbook: { toData(): unknown } } }).__fakeExcel.workbook.toData()));
  expect(after).toBe(before);
  await page.locator("main").screenshot({ path: path.join(ARTIFACTS, "self-test.png") });
  await page.close();
});

test("without ?selftest=1 there is no Self-test tab", async () => {
  const page = await h.newPage();
  await page.goto(`${h.url}/taskpane.html?lang=en-US`);
  await page.getByRole("tab", { name: "Validate" }).waitFor({ timeout: 15000 });
  expect(await page.getByRole("tab", { name: "Self-test" }).count()).toBe(0);
  await page.close();
});
