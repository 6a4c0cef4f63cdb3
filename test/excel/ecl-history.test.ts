/**
 * Issue 19 in the pane: each Validate run saves its aging snapshot to a history sheet the add-in
 * owns (AR账龄快照), and the expected credit loss report reads the snapshots before its as-of
 * date. Issue 19's worked example: band totals typed in for 2008–2010 (migration 20%, 40%, 50%,
 * 60%, 80% in both transitions) and the six-item ledger of 12,000 / 2,500 / 900 / 400 / 200 / 180
 * 万元 on 2011-12-31. With k = 0 (the policy's default) the historical loss rates 1.92%, 9.6%, 24%,
 * 48%, 80%, 100% give 2,304,000 + 2,400,000 + 2,160,000 + 1,920,000 + 1,600,000 + 1,800,000 =
 * 12,184,000.00 yuan.
 */
import { fromYmd } from "../../src/core/calendar";
import { historyFromSheet } from "../../src/core/ecl/history-sheet";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { runReport } from "../../src/excel/report-run";
import { OWNED_SETTING } from "../../src/excel/owned";
import { runValidate, type ValidateParams } from "../../src/excel/validate-run";
import { createFakeExcel, type FakeSheetData } from "../../src/preview/fake-excel";
import { serial } from "../helpers/serial-dates";
import { runner } from "../helpers/fake-excel";

const LEDGER: FakeSheetData["cells"] = [
  ["客户名称", "单据号", "发生日期", "余额(万元)"],
  ["甲", "A", "2011-06-30", 12000],
  ["乙", "B", "2010-06-30", 2500],
  ["丙", "C", "2009-06-30", 900],
  ["丁", "D", "2008-06-30", 400],
  ["戊", "E", "2007-06-30", 200],
  ["己", "F", "2005-06-30", 180],
];
const LABELS = DEFAULT_POLICY.provision.bands.map((b) => b.label["zh-CN"]);

/** Band totals typed in for three year ends, item blank (an open-items ledger has no past of its own). */
function typedHistory(): (string | number)[][] {
  const years: [number, number[]][] = [
    [2008, [100, 100, 100, 100, 100, 100]],
    [2009, [100, 20, 40, 50, 60, 80]],
    [2010, [100, 20, 8, 20, 30, 48]],
  ];
  return [["截止日", "账龄段", "款项（客户 · 单据号）", "余额"], ...years.flatMap(([y, bands]) => bands.map((b, i) => [serial(y, 12, 31), LABELS[i], "", b]))];
}

const params = (asOf = fromYmd(2011, 12, 31)): ValidateParams => ({ source: { kind: "range", sheet: "台账" }, asOf, lang: "zh-CN" });

test("a check saves its snapshot item by item; a second check on another date adds one; the same date again replaces it", async () => {
  const fake = createFakeExcel({ sheets: [{ name: "台账", cells: LEDGER }] });
  await runValidate(runner(fake), params());
  const rows = fake.workbook.getSheet("AR账龄快照").values();
  expect(rows[0]).toEqual(["截止日", "账龄段", "款项（客户 · 单据号）", "余额"]);
  // 12,000万 arisen 2011-06-30 is within a year; 180万 arisen 2005-06-30 is over five years old.
  expect(rows.slice(1)).toEqual([
    [serial(2011, 12, 31), LABELS[0], "甲 · A", 120000000],
    [serial(2011, 12, 31), LABELS[1], "乙 · B", 25000000],
    [serial(2011, 12, 31), LABELS[2], "丙 · C", 9000000],
    [serial(2011, 12, 31), LABELS[3], "丁 · D", 4000000],
    [serial(2011, 12, 31), LABELS[4], "戊 · E", 2000000],
    [serial(2011, 12, 31), LABELS[5], "己 · F", 1800000],
  ]);
  await runValidate(runner(fake), params(fromYmd(2010, 12, 31)));
  await runValidate(runner(fake), params());
  const after = fake.workbook.getSheet("AR账龄快照").values().slice(1);
  // 2010-12-31 first (by date): 甲 had not arisen, so five items; then 2011-12-31's six, once.
  expect(after.map((r) => r[0])).toEqual([...Array(5).fill(serial(2010, 12, 31)), ...Array(6).fill(serial(2011, 12, 31))]);
  expect(after[0]).toEqual([serial(2010, 12, 31), LABELS[0], "乙 · B", 25000000]);
  // The ledger itself: as it was.
  expect(fake.workbook.getSheet("台账").values()).toEqual(LEDGER);
});

test("rows typed into the add-in's history sheet are kept by the next check, and the report reads them", async () => {
  // A check has made the sheet (it is in the add-in's registry); the accountant then typed 2008–2010
  // in: the sheet is "edited". The next check keeps those rows and adds its own snapshot.
  const fake = createFakeExcel({
    sheets: [
      { name: "台账", cells: LEDGER },
      { name: "AR账龄快照", cells: typedHistory() as FakeSheetData["cells"] },
    ],
    settings: { [OWNED_SETTING]: JSON.stringify({ AR账龄快照: "fingerprint of the sheet as the add-in wrote it" }) },
  });
  const checked = await runValidate(runner(fake), params());
  if (checked.kind !== "done") throw new Error(checked.kind);
  expect(checked.warnings).toEqual([]);
  const rows = fake.workbook.getSheet("AR账龄快照").values();
  expect(rows.slice(0, 19)).toEqual(typedHistory());
  expect(rows.slice(19).map((r) => [r[0], r[2]])).toEqual(["甲 · A", "乙 · B", "丙 · C", "丁 · D", "戊 · E", "己 · F"].map((k) => [serial(2011, 12, 31), k]));

  const out = await runReport(runner(fake), "expectedCreditLoss", { lang: "zh-CN", chartSeries: false });
  expect(out).toEqual({ kind: "done", sheet: "预期信用损失" });
  // The pool's provision on the report: 12,184,000.00 (k = 0, no allowance on the books: all charged).
  expect(fake.workbook.getSheet("预期信用损失").values().flat()).toContain(12184000);
});

test("a sheet of that name the add-in did not make is left alone, and the check says so", async () => {
  const fake = createFakeExcel({ sheets: [{ name: "台账", cells: LEDGER }, { name: "AR账龄快照", cells: [["我的", "表"]] }] });
  const checked = await runValidate(runner(fake), params());
  if (checked.kind !== "done") throw new Error(checked.kind);
  expect(checked.warnings.map((w) => w["en-US"])).toEqual([expect.stringContaining('The sheet "AR账龄快照" was not made by the add-in, so this check\'s aging snapshot was not saved')]);
  expect(fake.workbook.getSheet("AR账龄快照").values()).toEqual([["我的", "表"]]);
});

test("a history row that does not read is named by sheet, row and column, and the sheet is left as it was", async () => {
  const cells = typedHistory();
  cells[3] = [serial(2008, 12, 31), "七年以上", "", 100];
  cells[5] = ["去年底", LABELS[0], "", 100];
  const r = historyFromSheet(cells, DEFAULT_POLICY, "AR账龄快照");
  expect(r.problems.map((p) => p["zh-CN"])).toEqual([
    expect.stringMatching(/^AR账龄快照!B4：“七年以上”不是制度的账龄段/),
    "AR账龄快照!A6：应为截止日（日期）",
  ]);
  // In the pane: the check says so and does not rewrite the sheet over the rows it cannot read.
  const fake = createFakeExcel({
    sheets: [
      { name: "台账", cells: LEDGER },
      { name: "AR账龄快照", cells: cells as FakeSheetData["cells"] },
    ],
    settings: { [OWNED_SETTING]: JSON.stringify({ AR账龄快照: "edited since" }) },
  });
  const checked = await runValidate(runner(fake), params());
  if (checked.kind !== "done") throw new Error(checked.kind);
  expect(checked.warnings.map((w) => w["zh-CN"])).toEqual([
    "账龄快照表“AR账龄快照”有无法读取的行，本次快照未保存，该表保持原样：",
    expect.stringContaining("AR账龄快照!B4"),
    "AR账龄快照!A6：应为截止日（日期）",
  ]);
  expect(fake.workbook.getSheet("AR账龄快照").values()).toEqual(cells);
  // And the report refuses to leave those periods out silently: it names the rows.
  await expect(runReport(runner(fake), "expectedCreditLoss", { lang: "zh-CN", chartSeries: false })).rejects.toMatchObject({ code: "HistoryUnreadable", text: { "zh-CN": expect.stringContaining("AR账龄快照!A6") } });
});

test("typed band totals read as snapshots without items; item rows as snapshots with them", () => {
  const r = historyFromSheet(typedHistory(), DEFAULT_POLICY, "AR账龄快照");
  expect(r.problems).toEqual([]);
  expect(r.history.map((s) => [s.asOf, s.items, s.bands.map((b) => b.toFixed(2))])).toEqual([
    [fromYmd(2008, 12, 31), null, ["100.00", "100.00", "100.00", "100.00", "100.00", "100.00"]],
    [fromYmd(2009, 12, 31), null, ["100.00", "20.00", "40.00", "50.00", "60.00", "80.00"]],
    [fromYmd(2010, 12, 31), null, ["100.00", "20.00", "8.00", "20.00", "30.00", "48.00"]],
  ]);
  // English labels and the band keys read too.
  const en = historyFromSheet([["As of", "Aging band", "Item", "Balance"], [serial(2010, 12, 31), DEFAULT_POLICY.provision.bands[1].label["en-US"], "甲 · A", "1.5万"], [serial(2010, 12, 31), DEFAULT_POLICY.provision.bands[1].key, "乙 · B", 0.01]], DEFAULT_POLICY, "h");
  expect(en.history[0].items).toEqual([
    { key: "甲 · A", band: 1, balance: expect.anything() },
    { key: "乙 · B", band: 1, balance: expect.anything() },
  ]);
  expect(en.history[0].bands[1].toFixed(2)).toBe("15000.01");
});
