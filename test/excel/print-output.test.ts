/**
 * The check's own sheets print ready (issue 18.7): A4 landscape, one page wide, the header row on
 * every page, a title in the page header, the as-of date and the ledger in the footer with page
 * numbers; the findings sheet names each rule in the sheet's language, not by its id.
 */
import { createFakeExcel } from "../../src/preview/fake-excel";
import type { FakeWorkbookData } from "../../src/preview/fake-excel/data";
import sample from "../../src/preview/sample-workbook.json";
import { fromYmd } from "../../src/core/calendar";
import { runValidate } from "../../src/excel/validate-run";
import { headerFooterText } from "../../src/excel/owned";
import { runner } from "../helpers/fake-excel";

for (const lang of ["zh-CN", "en-US"] as const) {
  test(`results and findings sheets in ${lang}`, async () => {
    const fake = createFakeExcel(JSON.parse(JSON.stringify(sample)) as FakeWorkbookData);
    const r = await runValidate(runner(fake), { source: { kind: "range", sheet: "应收账款台账" }, asOf: fromYmd(2011, 8, 31), lang });
    if (r.kind !== "done") throw new Error("a first run never asks");
    for (const [name, title] of [
      [r.sheets.results, lang === "zh-CN" ? "应收账款检查结果" : "Receivables check: results"],
      [r.sheets.findings, lang === "zh-CN" ? "应收账款检查发现" : "Receivables check: findings"],
    ] as const) {
      const layout = fake.workbook.getSheet(name).pageLayout;
      expect(layout).toMatchObject({ paperSize: "A4", orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: "$1:$1" });
      expect(layout.headerFooter).toEqual({
        leftHeader: "",
        centerHeader: `&B${title}&B`,
        rightHeader: "",
        leftFooter: lang === "zh-CN" ? "基准日：2011年8月31日　台账：应收账款台账" : "As of 2011-08-31    Ledger: 应收账款台账",
        centerFooter: "",
        rightFooter: lang === "zh-CN" ? "第 &P 页，共 &N 页" : "Page &P of &N",
      });
    }
    const rules = fake.workbook.getSheet(r.sheets.findings).values().slice(1).map((row) => row[1]);
    expect(rules).toContain(lang === "zh-CN" ? "单据号重复" : "Duplicate document");
    expect(rules.some((v) => typeof v === "string" && /^[a-z]+(-[a-z]+)+$/.test(v))).toBe(false);
  });
}

test("an ampersand in a header text is doubled (Excel's code character)", () => {
  expect(headerFooterText("A&B 公司")).toBe("A&&B 公司");
});
