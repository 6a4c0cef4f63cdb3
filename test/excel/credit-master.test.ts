/**
 * The customer master update after a questionnaire, on the in-memory Excel with the sample
 * workbook: shown first, written only on confirm, only the grade, limit and review cells of the
 * customer's row, the old values kept on the history sheet in the same batch; a row that changed
 * in between is not written; a new customer gets a new row; a failure leaves the workbook as it was.
 */
import { createFakeExcel, type FakeExcel } from "../../src/preview/fake-excel";
import type { FakeWorkbookData } from "../../src/preview/fake-excel/data";
import sample from "../../src/preview/sample-workbook.json";
import { fromYmd } from "../../src/core/calendar";
import { fromExcelSerial, toExcelSerial } from "../../src/core/dates";
import { runMasterUpdate, type MasterProposal } from "../../src/excel/credit-master";
import { runner } from "../helpers/fake-excel";

const MASTER = "客户档案";
const REVIEW = fromYmd(2011, 9, 5);

function sampleFake(): FakeExcel {
  return createFakeExcel(JSON.parse(JSON.stringify(sample)) as FakeWorkbookData);
}

const HUAXI: MasterProposal = {
  customer: "四川华西建设集团有限公司",
  customerCode: "C002",
  grade: "AA",
  limit: "1000000.00",
  reviewDate: REVIEW,
  score: "83.6",
  questionnaire: "四川华西建设集团有限公司-调查表",
};

function update(fake: FakeExcel, p: Partial<Parameters<typeof runMasterUpdate>[1]>) {
  return runMasterUpdate(runner(fake), { proposal: HUAXI, lang: "zh-CN", apply: false, ...p });
}

test("shown first: the row and its values now, nothing written", async () => {
  const fake = sampleFake();
  const before = JSON.stringify(fake.workbook.toData());
  const r = await update(fake, {});
  // 客户档案 row 3: C002 四川华西建设集团有限公司, grade A, limit 800,000, last review serial 40532.
  expect(r).toEqual({
    kind: "planned",
    plan: { sheet: MASTER, row: 3, newRow: 18, old: { grade: "A", limit: "800000.00", lastReview: fromExcelSerial(40532) }, missing: [] },
  });
  expect(JSON.stringify(fake.workbook.toData())).toBe(before);
});

test("on confirm: the grade, limit and review cells of that row change, the old values go to the history", async () => {
  const fake = sampleFake();
  const master = fake.workbook.getSheet(MASTER);
  const before = master.values();
  const shown = await update(fake, {});
  const r = await update(fake, { apply: true, expected: shown.plan.old });
  expect(r.kind).toBe("done");
  const after = master.values();
  // Only C3 (grade), D3 (limit) and F3 (last review) differ.
  const changed: string[] = [];
  after.forEach((row, i) => row.forEach((v, j) => v !== before[i][j] && changed.push(`${"ABCDEFGHIJK"[j]}${i + 1}`)));
  expect(changed).toEqual(["C3", "D3", "F3"]);
  expect([after[2][2], after[2][3], after[2][5]]).toEqual(["AA", 1000000, toExcelSerial(REVIEW)]);
  const history = fake.workbook.getSheet("信用评审记录").values();
  expect(history).toEqual([
    ["日期", "客户名称", "客户编号", "原信用等级", "原信用额度", "原评审日期", "新信用等级", "新信用额度", "新评审日期", "评分", "调查表", "客户档案行"],
    [toExcelSerial(REVIEW), "四川华西建设集团有限公司", "C002", "A", 800000, 40532, "AA", 1000000, toExcelSerial(REVIEW), 83.6, "四川华西建设集团有限公司-调查表", "客户档案!3"],
  ]);
  if (r.kind === "done") expect(r.history).toEqual({ sheet: "信用评审记录", row: 2 });

  // A second review appends below the first.
  const again = await update(fake, { apply: true, expected: (await update(fake, {})).plan.old, proposal: { ...HUAXI, grade: "A", limit: "600000.00" } });
  if (again.kind === "done") expect(again.history.row).toBe(3);
  expect(fake.workbook.getSheet("信用评审记录").values()[2].slice(3, 8)).toEqual(["AA", 1000000, toExcelSerial(REVIEW), "A", 600000]);
});

test("a row someone changed between the look and the confirm is not written", async () => {
  const fake = sampleFake();
  const shown = await update(fake, {});
  fake.workbook.getSheet(MASTER).setValues("D3", [[900000]]);
  const before = JSON.stringify(fake.workbook.toData());
  const r = await update(fake, { apply: true, expected: shown.plan.old });
  expect(r.kind).toBe("changed");
  expect(r.plan.old.limit).toBe("900000.00");
  expect(JSON.stringify(fake.workbook.toData())).toBe(before);
});

test("a customer not in the master gets a new row, its name written as text", async () => {
  const fake = sampleFake();
  const proposal: MasterProposal = { ...HUAXI, customer: "=新客户()", customerCode: "C009", grade: "B", limit: "90000.00" };
  const shown = await update(fake, { proposal });
  expect(shown.plan).toMatchObject({ row: null, newRow: 18, old: { grade: null, limit: null, lastReview: null } });
  await update(fake, { proposal, apply: true, expected: shown.plan.old });
  const master = fake.workbook.getSheet(MASTER);
  expect(master.values()[17].slice(0, 6)).toEqual(["C009", "=新客户()", "B", 90000, "", toExcelSerial(REVIEW)]);
  expect(master.cell("B18")).toMatchObject({ valueType: "String", formula: null });
});

test("a failure at any round trip of the update leaves the workbook as it was", async () => {
  const probe = sampleFake();
  const shown = await update(probe, {});
  probe.resetStats();
  await update(probe, { apply: true, expected: shown.plan.old });
  const syncs = probe.stats.syncs;
  for (let n = 1; n <= syncs; n++) {
    const fake = sampleFake();
    const before = JSON.stringify(fake.workbook.toData());
    fake.failSync(n, { code: "AccessDenied" });
    await expect(update(fake, { apply: true, expected: shown.plan.old })).rejects.toMatchObject({ name: "RichApi.Error", code: "AccessDenied" });
    expect([n, JSON.stringify(fake.workbook.toData())]).toEqual([n, before]);
  }
});

test("a workbook without a customer master says so", async () => {
  const fake = createFakeExcel({ sheets: [{ name: "Sheet1", cells: [["x"]] }] });
  await expect(update(fake, {})).rejects.toMatchObject({ code: "NoMaster" });
});

test("a master kept in 万元 gets the limit in 万元", async () => {
  const fake = sampleFake();
  const master = fake.workbook.getSheet(MASTER);
  master.setValues("D1", [["信用额度(万元)"]]);
  master.setValues("D3", [[80]]);
  const shown = await update(fake, {});
  expect(shown.plan.old.limit).toBe("800000.00");
  await update(fake, { apply: true, expected: shown.plan.old });
  // 1,000,000.00 yuan = 100 万元.
  expect(master.cell("D3").value).toBe(100);
  expect(fake.workbook.getSheet("信用评审记录").values()[1].slice(4, 8)).toEqual([800000, 40532, "AA", 1000000]);
});

test("no contract value, no limit: the master's limit stays as it is", async () => {
  const fake = sampleFake();
  const proposal = { ...HUAXI, limit: null };
  const shown = await update(fake, { proposal });
  await update(fake, { proposal, apply: true, expected: shown.plan.old });
  const master = fake.workbook.getSheet(MASTER);
  expect([master.cell("C3").value, master.cell("D3").value]).toEqual(["AA", 800000]);
  // The history records the limit as unchanged.
  expect(fake.workbook.getSheet("信用评审记录").values()[1].slice(3, 8)).toEqual(["A", 800000, 40532, "AA", 800000]);
});

test("a protected master is refused before anything is written, history included", async () => {
  const fake = sampleFake();
  const shown = await update(fake, {});
  await fake.Excel.run(async (context) => {
    context.workbook.worksheets.getItem(MASTER).protection.protect();
    await context.sync();
  });
  const before = JSON.stringify(fake.workbook.toData());
  await expect(update(fake, { apply: true, expected: shown.plan.old })).rejects.toMatchObject({ code: "AccessDenied", text: { "zh-CN": expect.stringContaining("客户档案") } });
  expect(JSON.stringify(fake.workbook.toData())).toBe(before);
});

test("the history sheet, whose headings look like a master's, is never taken for the master", async () => {
  const fake = sampleFake();
  const shown = await update(fake, {});
  await update(fake, { apply: true, expected: shown.plan.old });
  await fake.Excel.run(async (context) => {
    context.workbook.worksheets.getItem("信用评审记录").position = 0;
    await context.sync();
  });
  const again = await update(fake, {});
  expect(again.plan).toMatchObject({ sheet: MASTER, row: 3, old: { grade: "AA" } });
});
