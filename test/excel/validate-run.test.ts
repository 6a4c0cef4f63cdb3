/**
 * The Validate run against the in-memory Excel (load/sync rules, 5 MB payload limit): what it
 * writes, what it never touches, how it fails, and how many round trips it takes.
 */
import { createFakeExcel, type FakeExcel } from "../../src/preview/fake-excel";
import { fromYmd } from "../../src/core/calendar";
import { runValidate } from "../../src/excel/validate-run";
import { OWNED_SETTING } from "../../src/excel/owned";
import { channelChecker } from "./worker-channel";
import { serial } from "../helpers/serial-dates";
import { runner } from "../helpers/fake-excel";

const AS_OF = fromYmd(2011, 8, 31);

// A small ledger under a title and a units line (元), with a customer whose name is a formula
// and one whose name starts with "+", and a customer master on another sheet.
function ledgerSheet() {
  return {
    name: "应收台账",
    cells: [
      ["2011年8月应收账款台账", null, null, null, null, null],
      ["单位：元", null, null, null, null, null],
      ["客户名称", "单据号", "发生日期", "到期日", "应收余额", "状态"],
      ["华亿网络", "FP-001", serial(2011, 7, 1), serial(2011, 8, 11), 1000, null], // 20 days: normal, 5%: 50.00
      ["=HYPERLINK(\"http://x\",\"点我\")", "FP-002", serial(2011, 5, 1), serial(2011, 6, 1), 2000.5, null], // 91 days: stale
      ["+千嘉科技", "FP-003", serial(2009, 3, 1), serial(2009, 4, 1), 15900, "对方拒绝支付"], // bad, 100%
      ["军通通信", "FP-004", serial(2010, 7, 1), serial(2010, 8, 1), "91.66万", null], // 395 days: bad by days; 1–2 yrs 10%
    ],
  };
}

function makeFake(extra: Partial<Parameters<typeof createFakeExcel>[0]> = {}): FakeExcel {
  return createFakeExcel({ sheets: [ledgerSheet()], ...extra });
}

const params = { source: { kind: "range" as const, sheet: "应收台账" }, asOf: AS_OF, lang: "zh-CN" as const };

test("writes the results and findings sheets; totals reconcile to the ledger", async () => {
  const fake = makeFake();
  const before = JSON.stringify(fake.workbook.toData().sheets.find((s) => s.name === "应收台账"));
  const out = await runValidate(runner(fake), params);
  expect(out.kind).toBe("done");
  if (out.kind !== "done") return;
  const results = fake.workbook.getSheet("AR检查结果");
  // Header, 4 items, total row.
  expect(results.cell("C2").value).toBe("华亿网络");
  expect(results.cell("G2").value).toBe(1000);
  expect(results.cell("I2").value).toBe("正常");
  expect(results.cell("K2").value).toBe(50);
  // 1000 + 2000.50 + 15900 + 916600 = 935,500.50; provisions 50 + 100.03 (2000.5 × 5%, 100.025 → 100.03) + 15900 + 91660 = 107,710.03
  expect(results.cell("G6").value).toBe(935500.5);
  expect(results.cell("K6").value).toBe(107710.03);
  expect(out.summary.totals.all.balance).toBe("935500.50");
  expect(out.summary.totals.all.provision).toBe("107710.03");
  // The ledger itself: byte for byte as it was.
  expect(JSON.stringify(fake.workbook.toData().sheets.find((s) => s.name === "应收台账"))).toBe(before);
});

test("strings from the ledger are written as text, never as formulas", async () => {
  const fake = makeFake();
  await runValidate(runner(fake), params);
  const results = fake.workbook.getSheet("AR检查结果");
  const injected = results.cell("C3");
  expect(injected.value).toBe('=HYPERLINK("http://x","点我")');
  expect(injected.valueType).toBe("String");
  expect(injected.numberFormat).toBe("@");
  expect(results.cell("C4").value).toBe("+千嘉科技");
  // No cell of the add-in's sheets is a formula.
  for (const name of ["AR检查结果", "AR检查发现"]) {
    const values = fake.workbook.getSheet(name).values();
    values.forEach((row, r) => row.forEach((_, c) => expect(fake.workbook.getSheet(name).cell(r, c).valueType).not.toBe("Formula")));
  }
});

test("a re-run replaces only the add-in's own sheets; an edited one needs the user's yes", async () => {
  const fake = makeFake();
  await runValidate(runner(fake), params);
  const again = await runValidate(runner(fake), params);
  expect(again.kind).toBe("done");
  fake.workbook.getSheet("AR检查结果").setValues("M2", [["my note"]]);
  const asked = await runValidate(runner(fake), params);
  expect(asked).toEqual({ kind: "confirm", edited: ["AR检查结果"] });
  expect(fake.workbook.getSheet("AR检查结果").cell("M2").value).toBe("my note");
  const replaced = await runValidate(runner(fake), { ...params, replaceEdited: true });
  expect(replaced.kind).toBe("done");
  expect(fake.workbook.getSheet("AR检查结果").cell("M2").value).toBe("");
});

test("a user's sheet with the add-in's sheet name is never overwritten", async () => {
  const fake = makeFake({ sheets: [ledgerSheet(), { name: "AR检查结果", cells: [["mine"]] }] });
  await expect(runValidate(runner(fake), params)).rejects.toMatchObject({ code: "ForeignSheet" });
  expect(fake.workbook.getSheet("AR检查结果").cell("A1").value).toBe("mine");
});

test("a read-only workbook fails with AccessDenied and nothing changes", async () => {
  const fake = makeFake({ readOnly: true });
  const before = JSON.stringify(fake.workbook.toData());
  await expect(runValidate(runner(fake), params)).rejects.toMatchObject({ code: "AccessDenied" });
  expect(JSON.stringify(fake.workbook.toData())).toBe(before);
});

// A failure at any point of a run: see owned-in-place.test.ts (every round trip and command, both batch modes).

test("the setup is remembered in the workbook's settings", async () => {
  const fake = makeFake();
  await runValidate(runner(fake), params);
  const settings = fake.workbook.toData().settings ?? {};
  const setup = JSON.parse(String(settings["receivablesSteward.setup"]));
  expect(setup).toMatchObject({ version: 1, ledger: { kind: "range", sheet: "应收台账" }, asOf: "2011-08-31", sheets: { results: "AR检查结果", findings: "AR检查发现" } });
  expect(setup.sheets.history).toBe("AR账龄快照");
  expect(Object.keys(JSON.parse(String(settings[OWNED_SETTING])))).toEqual(["AR检查结果", "AR检查发现", "AR账龄快照"]);
});

test("the first run creates a visible policy sheet; an edit on it changes the next run", async () => {
  const fake = makeFake();
  await runValidate(runner(fake), params);
  const policy = fake.workbook.getSheet("AR制度参数");
  const rows = policy.values();
  expect(rows[0]).toEqual(["键", "值", "依据与说明"]);
  const normal = rows.findIndex((r) => r[0] === "agingClass.normalMaxDays");
  expect(rows[normal][1]).toBe("20");
  expect(rows[normal][2]).toContain("004 五.第二条"); // the article beside the field
  // 华亿网络 is 20 days past due: normal. With the threshold at 10 days it is overdue.
  expect(fake.workbook.getSheet("AR检查结果").cell("I2").value).toBe("正常");
  policy.setValues(`B${normal + 1}`, [["10"]]);
  await runValidate(runner(fake), params);
  expect(fake.workbook.getSheet("AR检查结果").cell("I2").value).toBe("逾期");
});

test("a mistake on the policy sheet stops the run with the row named, and writes nothing", async () => {
  const fake = makeFake();
  await runValidate(runner(fake), params);
  const policy = fake.workbook.getSheet("AR制度参数");
  const normal = policy.values().findIndex((r) => r[0] === "agingClass.normalMaxDays");
  policy.setValues(`B${normal + 1}`, [["abc"]]);
  const before = JSON.stringify(fake.workbook.toData());
  await expect(runValidate(runner(fake), params)).rejects.toMatchObject({ name: "ArError", id: "policy.table", text: { "en-US": expect.stringContaining(`row ${normal + 1}`) } });
  expect(JSON.stringify(fake.workbook.toData())).toBe(before);
});

test("the check's output crosses a worker boundary intact (structured clone, in slices), and a worker-style checker writes the same sheets", async () => {
  const inProcess = makeFake();
  await runValidate(runner(inProcess), params);
  const viaWorker = makeFake();
  const out = await runValidate(runner(viaWorker), { ...params, checker: channelChecker() });
  expect(out.kind).toBe("done");
  if (out.kind !== "done") return;
  expect(out.summary.totals.all.balance).toBe("935500.50");
  for (const f of out.summary.findings) expect(typeof f.message["zh-CN"]).toBe("string");
  for (const name of ["AR检查结果", "AR检查发现"]) {
    expect(viaWorker.workbook.getSheet(name).values()).toEqual(inProcess.workbook.getSheet(name).values());
  }
});
