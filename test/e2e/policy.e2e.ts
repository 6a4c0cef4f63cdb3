/**
 * The Policy tab's form, end to end on the preview page (the in-memory workbook loaded with the
 * sample ledger, which has no policy sheet yet): a figure that breaks the policy is marked on its
 * field with the policy's own words and nothing is saved; a valid change is saved into a new
 * policy sheet, only the changed values differ from the defaults, and the form shows the change.
 */
import { harnessPerFile, screenshot } from "./harness";
import { sheetNames, sheetValues } from "./preview-workbook";

const h = harnessPerFile();

test("edit the policy in the pane: an invalid figure is marked on its field; a valid one is saved into the policy sheet", async () => {
  const page = await h.newPage();
  await page.setViewportSize({ width: 360, height: 900 });
  await page.goto(`${h.url}/preview.html?lang=zh-CN`);
  await page.getByRole("tab", { name: "制度" }).click();
  const form = page.getByTestId("policy-form");
  await form.waitFor({ timeout: 15000 });
  const field = (key: string) => form.locator(`[data-key="${key}"]`);

  // Beside each figure, its article and kind (五.第二条 is policy text; the 5% ladder a product default).
  expect(await form.textContent()).toContain("004 五.第二条 1、2 · 制度原文");
  expect(await form.textContent()).toContain("产品默认（原文未规定）");
  expect(await field("provision.rates.y2-3").inputValue()).toBe("30");

  // 五.第二条: overdue must end after normal (20): 15 is refused on the overdue field, in the policy's words.
  await field("agingClass.overdueMaxDays").fill("15");
  await form.getByText("必须大于 normalMaxDays（20）").waitFor();
  await form.getByRole("button", { name: "保存到制度参数表" }).click();
  await form.getByText("请先改正标红的项目。").waitFor();
  expect(await sheetNames(page)).not.toContain("AR制度参数");
  await screenshot(page, "policy-form-error.png");

  // Put it back; the 2–3 year rate to 40% and 七.第五条's blank compensation ratio to 30%.
  await field("agingClass.overdueMaxDays").fill("90");
  await field("provision.rates.y2-3").fill("40");
  await field("writeOff.compensationRatio").fill("30");
  await form.getByRole("button", { name: "保存到制度参数表" }).click();
  await form.getByText("已新建制度参数表“AR制度参数”并保存：2 项。").waitFor({ timeout: 10000 });
  const values = await sheetValues(page, "AR制度参数");
  const valueOf = (key: string) => values.find((r) => r[0] === key)?.[1];
  expect([valueOf("provision.rates.y2-3"), valueOf("writeOff.compensationRatio"), valueOf("agingClass.overdueMaxDays"), valueOf("provision.rates.y0-1")]).toEqual(["0.4", "0.3", "90", "0.05"]);
  // The form now shows the workbook's policy, the change marked against the default.
  expect(await field("provision.rates.y2-3").inputValue()).toBe("40");
  expect(await form.textContent()).toContain("默认：30%");
  await page.getByTestId("policy-source").filter({ hasText: "AR制度参数" }).waitFor();
  await field("provision.rates.y2-3").scrollIntoViewIfNeeded();
  await screenshot(page, "policy-form.png");
  await page.close();
});
