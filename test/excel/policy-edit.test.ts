/**
 * Saving the Policy tab's form (src/excel/policy-edit.ts) on the in-memory Excel: only the value
 * (and note) cells of the keys changed, checked first; a sheet made when there is none; a
 * protected sheet or a policy that would not read refused with nothing written.
 */
import { createFakeExcel, type FakeExcel } from "../../src/preview/fake-excel";
import { DEFAULT_POLICY } from "../../src/core/policy/defaults";
import { policyFormGroups } from "../../src/core/policy/form";
import { policySheetRows } from "../../src/core/policy/notes";
import { POLICY_SHEET_SETTING, queuePolicySheet, readPolicy } from "../../src/excel/setup";
import { savePolicyEdits } from "../../src/excel/policy-edit";
import { stringsFor } from "../../src/i18n";

const SHEET = "AR制度参数";
const fields = policyFormGroups(DEFAULT_POLICY).flatMap((g) => g.fields);

async function withPolicySheet(): Promise<FakeExcel> {
  const fake = createFakeExcel({ sheets: [{ name: "台账", cells: [["客户名称", "余额"]] }] });
  await fake.Excel.run(async (context) => {
    queuePolicySheet(context, SHEET, stringsFor("zh-CN").output.policyHeader, DEFAULT_POLICY, "zh-CN");
    await context.sync();
  });
  return fake;
}

const save = (fake: FakeExcel, edits: [string, string][]) => fake.Excel.run((context) => savePolicyEdits(context, new Map(edits), fields, "zh-CN"));
const rowOf = (values: unknown[][], key: string) => values.findIndex((r) => r[0] === key);

test("a save writes the changed keys' values as the sheet stores them, notes the company's change, and leaves every other cell as it was", async () => {
  const fake = await withPolicySheet();
  const before = fake.workbook.getSheet(SHEET).values();
  const r = await save(fake, [
    ["provision.rates.y2-3", "40"],
    ["writeOff.compensationRatio", "30"],
  ]);
  expect(r).toMatchObject({ sheet: SHEET, written: ["provision.rates.y2-3", "writeOff.compensationRatio"], added: [], created: false });
  const after = fake.workbook.getSheet(SHEET).values();
  const y23 = rowOf(after, "provision.rates.y2-3");
  const comp = rowOf(after, "writeOff.compensationRatio");
  expect(after[y23].slice(0, 2)).toEqual(["provision.rates.y2-3", "0.4"]);
  expect(String(after[y23][2])).toContain("（已由公司修改，默认为“0.30”）");
  expect(after[comp].slice(0, 2)).toEqual(["writeOff.compensationRatio", "0.3"]);
  expect(String(after[comp][2])).toContain("004 七.第五条");
  // Every other row, cell for cell.
  after.forEach((row, i) => {
    if (i !== y23 && i !== comp) expect(row).toEqual(before[i]);
  });
  // The next run reads what was saved.
  const read = await fake.Excel.run((context) => readPolicy(context));
  expect(read.policy.provision.rates.find((x) => x.bandKey === "y2-3")!.rate).toBe("0.4");
  expect(read.policy.writeOff.compensationRatio).toBe("0.3");
});

test("a policy that would not read is refused, naming the field, and nothing is written (五.第二条: overdue ends after normal)", async () => {
  const fake = await withPolicySheet();
  const before = fake.workbook.getSheet(SHEET).values();
  await expect(save(fake, [["agingClass.overdueMaxDays", "15"]])).rejects.toMatchObject({
    code: "PolicyInvalid",
    text: { "zh-CN": "未保存：agingClass.overdueMaxDays：必须大于 normalMaxDays（20）" },
  });
  expect(fake.workbook.getSheet(SHEET).values()).toEqual(before);
});

test("a protected policy sheet is refused before any change", async () => {
  const fake = await withPolicySheet();
  fake.workbook.getSheet(SHEET).protect();
  const before = fake.workbook.getSheet(SHEET).values();
  await expect(save(fake, [["provision.rates.y0-1", "6"]])).rejects.toMatchObject({ code: "AccessDenied" });
  expect(fake.workbook.getSheet(SHEET).values()).toEqual(before);
});

test("a key whose row the company deleted is added below the table", async () => {
  const rows = policySheetRows(DEFAULT_POLICY, "zh-CN").filter((r) => r[0] !== "ecl.adjustment");
  const fake = createFakeExcel({
    sheets: [{ name: SHEET, cells: [stringsFor("zh-CN").output.policyHeader, ...rows] }],
    settings: { [POLICY_SHEET_SETTING]: SHEET },
  });
  const r = await save(fake, [["ecl.adjustment", "10"]]);
  expect(r.added).toEqual(["ecl.adjustment"]);
  const after = fake.workbook.getSheet(SHEET).values();
  expect(after).toHaveLength(rows.length + 2);
  expect(after.at(-1)!.slice(0, 2)).toEqual(["ecl.adjustment", "0.1"]);
  expect(r.policy.ecl.adjustment).toBe("0.1");
});

test("with no policy sheet yet, the save makes one from the edited policy and records it", async () => {
  const fake = createFakeExcel({ sheets: [{ name: "台账", cells: [["客户名称", "余额"]] }] });
  const r = await save(fake, [["reconciliationIntervalMonths", "3"]]);
  expect(r).toMatchObject({ sheet: SHEET, created: true });
  const values = fake.workbook.getSheet(SHEET).values();
  expect(values[rowOf(values, "reconciliationIntervalMonths")].slice(0, 2)).toEqual(["reconciliationIntervalMonths", "3"]);
  expect(fake.workbook.settings.get(POLICY_SHEET_SETTING)).toBe(SHEET);
});
