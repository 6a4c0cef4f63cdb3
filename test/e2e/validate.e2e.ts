/**
 * The Validate tab, end to end: the real built pane on the preview page, whose Excel is the
 * in-memory fake loaded with assets/sample-ledger.xlsx (load/sync rules, 5 MB limit). Validate,
 * reconcile the output to the ledger, click a finding, check the selection, check the ledger is
 * unchanged, save screenshots.
 */
import type { Page } from "playwright-core";
import { harnessPerFile, screenshot } from "./harness";
import { sheetValues, type Cell, type PreviewFake } from "./preview-workbook";
import { parseMoney } from "../../src/core/money";

const h = harnessPerFile();

async function workbookState(page: Page): Promise<{ ledger: string; sheets: string[]; syncs: number; maxReq: number; maxRes: number }> {
  return page.evaluate(() => {
    const fake = (window as unknown as { __fakeExcel: PreviewFake }).__fakeExcel;
    const data = fake.workbook.toData();
    return {
      ledger: JSON.stringify(data.sheets.find((s) => s.name === "应收账款台账")),
      sheets: data.sheets.map((s) => s.name),
      syncs: fake.stats.syncs,
      maxReq: fake.stats.maxRequestBytes,
      maxRes: fake.stats.maxResponseBytes,
    };
  });
}

/** Exact cents of a number Excel holds (amounts have at most two decimals). */
const fen = (v: Cell) => (typeof v === "number" ? Math.round(v * 100) : 0);

test("validate the sample ledger: output reconciles, a finding selects its cell, the ledger is untouched", async () => {
  const page = await h.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${h.url}/preview.html?lang=zh-CN`);
  const picker = page.getByTestId("ledger-picker");
  await picker.waitFor({ timeout: 15000 });
  await page.waitForFunction(() => (document.querySelector('[data-testid="ledger-picker"]') as HTMLElement | null)?.textContent?.includes("应收账款台账"));
  // The workbook remembers its as-of date (settings): the sample's 2011-08-31.
  // Shown in the display language's short-date order.
  expect(await page.getByTestId("as-of").inputValue()).toBe("2011/8/31");
  const before = await workbookState(page);

  await page.getByTestId("run").click();
  const results = page.getByTestId("results");
  await results.waitFor({ timeout: 30000 });
  await screenshot(page, "validate-results.png");

  // The results sheet: one line per open item, then the total; the total is the sum of the lines,
  // and every line's balance is the ledger's own balance cell for that row (column L, 余额).
  const ledger = await sheetValues(page, "应收账款台账");
  const out = await sheetValues(page, "AR检查结果");
  expect(out[0]).toEqual(["台账行", "行号", "客户", "单据号", "发生日期", "到期日", "余额", "逾期天数", "分类", "账龄", "坏账准备", "问题数"]);
  const lines = out.slice(1, -1);
  const total = out[out.length - 1];
  expect(total[0]).toBe("合计");
  expect(total[1]).toBe(lines.length);
  expect(fen(total[6])).toBe(lines.reduce((n, r) => n + fen(r[6]), 0));
  expect(fen(total[10])).toBe(lines.reduce((n, r) => n + fen(r[10]), 0));
  const findingsSheet = await sheetValues(page, "AR检查发现");
  for (const line of lines) {
    const row = line[1] as number;
    if (line[6] === "" || line[6] === null) {
      // An unreadable balance is left out of the totals, and the findings say why.
      expect(findingsSheet.some((f) => f[1] === "金额无法识别" && String(f[2]).endsWith(`${row}`))).toBe(true);
      continue;
    }
    // The ledger may write a balance as text ("91.66万"): read it as the engine's unit tests pin it
    // down. A blank balance is amount (J) − received (K).
    const money = (v: Cell) => (typeof v === "number" ? fen(v) : Number((parseMoney(v) ?? parseMoney(0)!).times(100).toFixed(0)));
    const r = ledger[row - 1];
    const ledgerFen = r[11] === "" || r[11] === null ? money(r[9]) - money(r[10]) : money(r[11]);
    expect([row, fen(line[6])]).toEqual([row, ledgerFen]);
  }
  // The pane shows the same total as the sheet.
  const totalText = (await page.getByTestId("by-class").textContent()) ?? "";
  const shown = (total[6] as number).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  expect(totalText).toContain(shown);

  // The findings sheet lists every finding; the pane groups them by rule.
  const findings = await sheetValues(page, "AR检查发现");
  expect(findings.length).toBeGreaterThan(10);
  const dup = findings.find((r) => r[1] === "单据号重复")!;
  expect(dup[2]).toBe("应收账款台账!F7");

  // Click the duplicate-document finding: Excel selects 应收账款台账!F7.
  await page.getByTestId("findings").getByRole("button", { name: /单据号重复/ }).click();
  const link = page.getByTestId("finding-link").filter({ hasText: "应收账款台账!F7" });
  await link.click();
  await page.waitForFunction(() => (window as unknown as { __fakeExcel: PreviewFake }).__fakeExcel.workbook.selectedAddress.endsWith("!F7"));
  await page.waitForTimeout(400); // the grid redraws on a timer
  await screenshot(page, "validate-findings.png");

  // The ledger, byte for byte; the add-in's sheets added; few round trips, none over 5 MB.
  const after = await workbookState(page);
  expect(after.ledger).toBe(before.ledger);
  // The aging snapshot (AR账龄快照) is saved by every check for the expected credit loss (issue 19).
  expect(after.sheets).toEqual([...before.sheets, "AR检查结果", "AR检查发现", "AR账龄快照", "AR制度参数"]);
  expect(after.syncs - before.syncs).toBeLessThanOrEqual(30);
  expect(after.maxReq).toBeLessThan(5 * 1024 * 1024);
  expect(after.maxRes).toBeLessThan(5 * 1024 * 1024);

  // Problem cells marked with the add-in's own conditional formats, then the marks taken away again;
  // the ledger's values stay as they were either way.
  const ledgerBefore = JSON.stringify(await sheetValues(page, "应收账款台账"));
  await page.getByTestId("highlight").click();
  await page.getByTestId("highlighted").waitFor({ timeout: 15000 });
  const rulesOn = await page.evaluate(() => (window as unknown as { __fakeExcel: { workbook: { getSheet(n: string): { conditionalFormats: { deleted: boolean }[] } } } }).__fakeExcel.workbook.getSheet("应收账款台账").conditionalFormats.filter((cf) => !cf.deleted).length);
  expect(rulesOn).toBeGreaterThan(3);
  expect(await page.getByTestId("highlighted").textContent()).toContain(`${rulesOn} 条条件格式`);
  await page.evaluate(() => document.getElementById("root")?.scrollTo(0, 0));
  await page.waitForTimeout(400); // the grid redraws on a timer
  await screenshot(page, "validate-highlights.png");
  await page.getByTestId("highlight").click();
  await page.waitForFunction(() => (window as unknown as { __fakeExcel: { workbook: { getSheet(n: string): { conditionalFormats: { deleted: boolean }[] } } } }).__fakeExcel.workbook.getSheet("应收账款台账").conditionalFormats.every((cf) => cf.deleted));

  expect(JSON.stringify(await sheetValues(page, "应收账款台账"))).toBe(ledgerBefore);


  // The Policy tab now shows the workbook's own policy sheet, which the first check created.
  await page.getByRole("tab", { name: "制度" }).click();
  await page.getByTestId("policy-source").filter({ hasText: "AR制度参数" }).waitFor({ timeout: 10000 });
  await page.close();
});

test("a second run asks before replacing an output sheet someone edited", async () => {
  const page = await h.newPage();
  await page.goto(`${h.url}/preview.html?lang=en-US`);
  await page.waitForFunction(() => (document.querySelector('[data-testid="ledger-picker"]') as HTMLElement | null)?.textContent?.includes("应收账款台账"));
  await page.getByTestId("run").click();
  await page.getByTestId("results").waitFor({ timeout: 30000 });
  await page.evaluate(() => {
    const fake = (window as unknown as { __fakeExcel: { workbook: { getSheet(n: string): { setValues(a: string, v: unknown[][]): void } } } }).__fakeExcel;
    fake.workbook.getSheet("AR Results").setValues("N2", [["checked by Li"]]);
  });
  await page.getByTestId("run").click();
  await page.getByText("Replace edited sheets?").first().waitFor();
  await screenshot(page, "validate-confirm.png");
  await page.getByRole("button", { name: "Keep them" }).click();
  expect((await sheetValues(page, "AR Results"))[1][13]).toBe("checked by Li");
  await page.close();
});

test("the result is announced and takes the focus; changing the as-of date clears it, and Esc on a dialog gives the focus back", async () => {
  const page = await h.newPage();
  await page.goto(`${h.url}/preview.html?lang=zh-CN`);
  await page.waitForFunction(() => (document.querySelector('[data-testid="ledger-picker"]') as HTMLElement | null)?.textContent?.includes("应收账款台账"));
  const live = page.getByTestId("live-region");
  expect(await live.getAttribute("aria-live")).toBe("polite");
  await page.getByTestId("run").click();
  await page.getByTestId("results").waitFor({ timeout: 30000 });
  // The polite live region says what was done, for which date, and where the output is.
  await page.waitForFunction(() => document.querySelector('[data-testid="live-region"]')?.textContent?.includes("已按基准日 2011/8/31 检查"));
  expect(await live.textContent()).toMatch(/已按基准日 2011\/8\/31 检查 \d+ 笔应收款：结果见“AR检查结果”，问题见“AR检查发现”。/);
  // Focus moves to the results, not back to the page.
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="results"]') !== null);

  // Another as-of date: the old result is cleared, never shown beside the new date.
  await page.getByTestId("as-of").fill("2011/9/30");
  await page.getByTestId("results").waitFor({ state: "detached", timeout: 5000 });

  // A dialog (the second run asks before replacing an edited sheet): Esc returns the focus to Run.
  await page.evaluate(() => {
    const fake = (window as unknown as { __fakeExcel: { workbook: { getSheet(n: string): { setValues(a: string, v: unknown[][]): void } } } }).__fakeExcel;
    fake.workbook.getSheet("AR检查结果").setValues("N2", [["李会计已核"]]);
  });
  await page.getByTestId("run").click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.testid === "run");
  await page.close();
});
