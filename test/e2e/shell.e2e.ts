/**
 * The task pane shell: loads the built pane from a local server in headless Chromium, in both
 * languages, clicks through every tab and saves screenshots (test-artifacts/pane-shell-*.png).
 */
import { harnessPerFile, screenshot } from "./harness";

const h = harnessPerFile();

const TABS = {
  "zh-CN": [
    ["检查", "panel-validate", "按制度检查应收台账"],
    ["信用", "panel-credit", "客户情况调查表"],
    ["通知书", "panel-notices", "催款通知书、询证函与对账单"],
    ["制度", "panel-policy", "现行制度参数"],
  ],
  "en-US": [
    ["Validate", "panel-validate", "Check a ledger against the policy"],
    ["Credit", "panel-credit", "Customer credit questionnaire"],
    ["Notices", "panel-notices", "Collection notices, confirmation letters and statements"],
    ["Policy", "panel-policy", "The policy in force"],
  ],
} as const;

for (const lang of ["zh-CN", "en-US"] as const) {
  test(`the pane shell in ${lang}: every tab opens its panel`, async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/taskpane.html?lang=${lang}`);
    await page.getByRole("tab", { name: TABS[lang][0][0] }).waitFor({ timeout: 15000 });
    expect(await page.locator("html").getAttribute("lang")).toBe(lang);
    await screenshot(page, `pane-shell-${lang}.png`);
    for (const [tabName, testId, heading] of TABS[lang]) {
      await page.getByRole("tab", { name: tabName }).click();
      const panel = page.getByTestId(testId);
      await panel.waitFor();
      expect(await panel.getByRole("heading").first().textContent()).toBe(heading);
      expect(await page.getByRole("tab", { name: tabName }).getAttribute("aria-selected")).toBe("true");
    }
    await screenshot(page, `pane-shell-policy-${lang}.png`);
    await page.close();
  });
}

test("the Policy tab shows the policy's own figures", async () => {
  const page = await h.newPage();
  await page.goto(`${h.url}/taskpane.html?lang=en-US`);
  await page.getByRole("tab", { name: "Policy" }).click();
  const panel = page.getByTestId("panel-policy");
  await panel.waitFor();
  const text = (await panel.textContent()) ?? "";
  // POLICY §2 thresholds and §4 default rates (5% within one year … 100% over five years).
  expect(text).toContain("up to 20 days (or not yet due)");
  expect(text).toContain("21–90 days");
  expect(text).toContain("91–360 days");
  expect(text).toContain("over 360 days");
  expect(text).toContain("5%");
  expect(text).toContain("100%");
  await page.close();
});

test("the Validate tab proposes the last day of the previous month as the as-of date", async () => {
  const page = await h.newPage();
  await page.goto(`${h.url}/taskpane.html?lang=en-US`);
  const input = page.getByTestId("as-of");
  await input.waitFor();
  const now = new Date();
  const lastOfPrev = new Date(now.getFullYear(), now.getMonth(), 0);
  // In en-US's short-date order, as Excel shows dates there.
  const expected = `${lastOfPrev.getMonth() + 1}/${lastOfPrev.getDate()}/${lastOfPrev.getFullYear()}`;
  expect(await input.inputValue()).toBe(expected);
  await page.close();
});

test("the preview page is labelled as a preview", async () => {
  const page = await h.newPage();
  await page.goto(`${h.url}/preview.html?lang=zh-CN`);
  await page.getByText("预览：内存中的示例工作簿").first().waitFor({ timeout: 15000 });
  await screenshot(page, "preview.png");
  await page.close();
});
