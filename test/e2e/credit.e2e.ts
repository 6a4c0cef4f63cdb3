/**
 * The Credit tab, end to end on the preview page (the in-memory Excel with the sample workbook,
 * running the add-in's own AR.* functions): fill the questionnaire, survive a reload of the pane,
 * save it to a sheet whose live =AR.CREDIT_SCORE gives the hand-worked score, load it back, update
 * the customer master after confirming, and make a supplier letter and score its replies.
 * Screenshot: credit-questionnaire.png.
 */
import type { Page } from "playwright-core";
import { harnessPerFile, screenshot } from "./harness";
import { sheetCell, type PreviewFake } from "./preview-workbook";

const h = harnessPerFile();

async function openCredit(page: Page): Promise<void> {
  await page.goto(`${h.url}/preview.html?lang=zh-CN`);
  await page.getByRole("tab", { name: "信用" }).click();
  await page.getByTestId("panel-credit").waitFor({ timeout: 15000 });
}

test("no score until every item is answered or the rest are confirmed as don't know, which the saved sheet then says; exact-score boxes out of the Tab order", async () => {
  const page = await h.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => localStorage.clear()).catch(() => undefined);
  await openCredit(page);
  await page.getByTestId("new-questionnaire").click().catch(() => undefined);
  await page.getByTestId("header-customer").fill("遂宁市河东新区管理委员会");
  // 30 of 32 answered (option 1, 90): items 5 and 9 left blank.
  for (let n = 1; n <= 32; n++) if (n !== 5 && n !== 9) await page.getByTestId(`answer-${n}-1`).selectOption("1");
  await expect(page.getByTestId("credit-result").textContent()).resolves.toBe("尚有 2 项未回答，暂不评分");
  // Saving asks for the same decision first.
  await page.getByTestId("save-questionnaire").click();
  await page.getByTestId("credit-message").filter({ hasText: "尚有 2 项未回答" }).waitFor();
  // Tab from one answer goes to the next answer: no exact-score box between them.
  await page.getByTestId("answer-1-1").focus();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("answer-2-1");

  await page.getByTestId("confirm-dont-know").click();
  // Items 5 (weight 2%) and 9 (2%) at 60 instead of 90: 90 − 0.04 × 30 = 88.8 → AA.
  const weights = await page.evaluate(() => [5, 9].map((n) => document.querySelector(`[data-testid="item-${n}"]`)?.textContent ?? ""));
  expect(weights.every((t) => t.includes("2%"))).toBe(true);
  await expect(page.getByTestId("credit-result").textContent()).resolves.toBe("评分 88.80 · 信用等级 AA");
  await page.getByTestId("save-questionnaire").click();
  await page.getByText("已保存到“遂宁市河东新区管理委员会-调查表”").first().waitFor({ timeout: 30000 });
  const note = await page.evaluate(() =>
    (window as unknown as { __fakeExcel: PreviewFake }).__fakeExcel.workbook.getSheet("遂宁市河东新区管理委员会-调查表").values().flat().find((v) => typeof v === "string" && v.startsWith("未回答")),
  );
  expect(note).toContain("未回答 2 项（第 5、9 项），按“不知道”计 60 分。");
  await page.close();
});

/**
 * By hand (POLICY §5.1): every item option 1 (90) but item 24 (weight 10%) option 3 (50) and item 27
 * (8%) don't know (60): 90 − 0.10 × 40 − 0.08 × 30 = 83.6 → AA (80 ≤ s < 90), limit 0.8 × 1,000,000.
 */
test("fill, reload, save, reload from the sheet, update the master, score a supplier letter", async () => {
  const page = await h.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => localStorage.clear()).catch(() => undefined);
  await openCredit(page);

  await page.getByTestId("header-customer").fill("四川华西建设集团有限公司");
  await page.getByTestId("header-customerCode").fill("C002");
  await page.getByTestId("header-contractValue").fill("1,000,000.00");
  await page.getByTestId("header-surveyDate").fill("2011-09-05");
  await page.getByTestId("rater-name-1").fill("王经理");
  // Nothing answered yet: no score and no grade (a blank questionnaire is not a B customer).
  await expect(page.getByTestId("credit-result").textContent()).resolves.toBe("尚有 32 项未回答，暂不评分");
  for (let n = 1; n <= 32; n++) {
    await page.getByTestId(`answer-${n}-1`).selectOption(n === 24 ? "3" : n === 27 ? "dont-know" : "1");
  }
  const card = page.getByTestId("credit-score");
  await expect(card.textContent()).resolves.toContain("评分 83.60 · 信用等级 AA");
  await expect(page.getByTestId("credit-limit").textContent()).resolves.toContain("800,000.00");

  // An exact score outside the chosen answer's range is named, and the score waits for it.
  expect(await page.getByTestId("score-1-1").count()).toBe(0); // the boxes are shown on request
  await page.getByTestId("exact-switch").click();
  await page.getByTestId("score-1-1").fill("75");
  await page.getByText("不在所选选项“较好”的区间 80–100 内").first().waitFor();
  await expect(card.textContent()).resolves.toContain("请先改正标红的回答");
  await expect(card.textContent()).resolves.not.toContain("评分 ");
  await page.getByTestId("score-1-1").fill("");

  // The pane reloads (Excel reopens it, or the user refreshes): nothing typed is lost.
  await page.reload();
  await page.getByRole("tab", { name: "信用" }).click();
  await page.getByText("已恢复尚未保存的填写内容").first().waitFor({ timeout: 15000 });
  expect(await page.getByTestId("header-customer").inputValue()).toBe("四川华西建设集团有限公司");
  expect(await page.getByTestId("answer-24-1").inputValue()).toBe("3");
  await expect(card.textContent()).resolves.toContain("评分 83.60 · 信用等级 AA");

  // A save Excel refuses (a protected workbook, say): the message says so, the form is all still there.
  await page.evaluate(() => (window as unknown as { __fakeExcel: { failSync(n: number, e: { code: string }): void } }).__fakeExcel.failSync(2, { code: "AccessDenied" }));
  await page.getByTestId("save-questionnaire").click();
  await page.getByTestId("credit-message").filter({ hasText: "拒绝了写入" }).waitFor({ timeout: 15000 });
  expect(await page.getByTestId("header-customer").inputValue()).toBe("四川华西建设集团有限公司");
  expect(await page.getByTestId("answer-27-1").inputValue()).toBe("dont-know");
  expect(await page.evaluate(() => (window as unknown as { __fakeExcel: PreviewFake }).__fakeExcel.workbook.toData().sheets.some((s) => s.name.endsWith("调查表")))).toBe(false);

  // Save: the sheet's own formula computes the same score.
  await page.getByTestId("save-questionnaire").click();
  await page.getByText("已保存到“四川华西建设集团有限公司-调查表”").first().waitFor({ timeout: 30000 });
  const sheet = "四川华西建设集团有限公司-调查表";
  const score = await sheetCell(page, sheet, "D48");
  expect(score.formula).toBe("=AR.CREDIT_SCORE(H13:H44,D13:D44)");
  expect(score.value).toBeCloseTo(83.6, 10);
  expect((await sheetCell(page, sheet, "D49")).value).toBe("AA");
  expect((await sheetCell(page, sheet, "D50")).value).toBe(800000);
  // The sheet just saved is shown; the pane back at its top, the score card stays in view.
  await page.waitForFunction((n) => (window as unknown as { __fakeExcel: { workbook: { activeSheet: { name: string } } } }).__fakeExcel.workbook.activeSheet.name === n, sheet);
  await page.evaluate(() => document.getElementById("root")?.scrollTo(0, 0));
  await page.waitForTimeout(400); // the grid redraws on a timer
  await screenshot(page, "credit-questionnaire.png");

  // A new form, then the saved questionnaire loaded back from its sheet.
  await page.getByTestId("new-questionnaire").click();
  expect(await page.getByTestId("header-customer").inputValue()).toBe("");
  await page.getByTestId("questionnaire-picker").click();
  await page.getByRole("option", { name: sheet }).click();
  await page.getByTestId("load-questionnaire").click();
  await page.getByText(`已从“${sheet}”载入`).first().waitFor({ timeout: 15000 });
  expect(await page.getByTestId("header-customer").inputValue()).toBe("四川华西建设集团有限公司");
  expect(await page.getByTestId("answer-27-1").inputValue()).toBe("dont-know");
  await expect(card.textContent()).resolves.toContain("评分 83.60 · 信用等级 AA");

  // An unsaved change: the master waits for a save, and New asks before dropping it.
  await page.getByTestId("header-projectStatus").fill("在建");
  expect(await page.getByTestId("update-master").isDisabled()).toBe(true);
  await page.getByTestId("new-questionnaire").click();
  await page.getByText("放弃未保存的填写？").first().waitFor();
  await page.getByRole("button", { name: "继续填写" }).click();
  expect(await page.getByTestId("header-projectStatus").inputValue()).toBe("在建");
  await page.getByTestId("header-projectStatus").fill("");
  expect(await page.getByTestId("update-master").isDisabled()).toBe(false);

  // The master row changes only after the user has seen old and new and confirmed.
  await page.getByTestId("update-master").click();
  const dialog = page.getByTestId("master-dialog");
  await dialog.waitFor();
  expect(await dialog.textContent()).toMatch(/信用等级A\s*AA/);
  expect((await sheetCell(page, "客户档案", "C3")).value).toBe("A");
  await page.getByTestId("master-confirm").click();
  await page.getByText("已更新“客户档案”第 3 行").first().waitFor({ timeout: 15000 });
  expect((await sheetCell(page, "客户档案", "C3")).value).toBe("AA");
  expect((await sheetCell(page, "信用评审记录", "D2")).value).toBe("A");

  // A supplier letter for the same customer, its replies entered and scored:
  // [1, 4, 4, 4, 1, 1, 2] = every question at its best option but 7 (no stop in shipments = 100) → 100.
  await page.getByTestId("supplier-name").fill("乙建材公司");
  await page.getByTestId("make-letter").click();
  await page.getByText("咨询函已生成在“四川华西建设集团有限公司-乙建材公司-咨询函”").first().waitFor({ timeout: 15000 });
  const replies = [1, 4, 4, 4, 1, 1, 2];
  for (let q = 1; q <= 7; q++) await page.getByTestId(`reply-${q}`).selectOption(String(replies[q - 1]));
  await expect(page.getByTestId("supplier-score").textContent()).resolves.toBe("供应商评价得分：100");
  await page.getByTestId("save-replies").click();
  await page.getByText("答复已保存到").first().waitFor();
  expect((await sheetCell(page, "四川华西建设集团有限公司-乙建材公司-咨询函", "D10")).value).toBe(4);
  await page.close();
});
