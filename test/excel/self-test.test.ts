/**
 * The self-test on the in-memory Excel: every check passes (the preview's run), a workbook that
 * is not blank is refused before anything is written, and the table a tester copies names the
 * host and every check.
 */
import { createFakeExcel, type FakeExcel } from "../../src/preview/fake-excel";
import { creditScoreFn } from "../../src/functions/functions";
import { excelRunner } from "../../src/excel/run";
import { formatSelfTest, runSelfTest, type SelfTestHost } from "../../src/excel/self-test";

function previewHost(fake: FakeExcel): SelfTestHost {
  const requirements = { isSetSupported: (name: string, v?: string) => (name === "ExcelApi" ? Number((v ?? "1.1").split(".")[1]) <= 17 : true) };
  return {
    run: excelRunner(fake.Excel, requirements),
    requirements,
    label: "Preview (in-memory Excel)",
    simulate: {
      startCellEdit: () => fake.startCellEdit(),
      endCellEdit: () => fake.endCellEdit(),
      functionsRegistered: (r) => (fake.workbook.customFunctionsRegistered = r),
    },
  };
}

test("on the in-memory Excel every check passes, and the table a tester copies has a line for each", async () => {
  const fake = createFakeExcel({ sheets: [{ name: "Sheet1" }] }, { functions: { "AR.CREDIT_SCORE": creditScoreFn } });
  const report = await runSelfTest(previewHost(fake), "en-US");
  expect(report.rows.map((r) => [r.id, r.status, r.detail["en-US"]]).filter(([, s]) => s !== "pass")).toEqual([]);
  expect(report.rows.map((r) => r.id)).toEqual(["requirement-sets", "rerun-reference", "final-batch-failure", "conditional-format-identity", "custom-function-formula", "cell-edit", "chinese-100k", "undo"]);
  const byId = Object.fromEntries(report.rows.map((r) => [r.id, r.detail["en-US"]]));
  expect(byId["final-batch-failure"]).toMatch(/marked incomplete/);
  expect(byId["custom-function-formula"]).toMatch(/first load: #NAME\?/);
  expect(byId["chinese-100k"]).toMatch(/^100001 rows read/);
  const table = formatSelfTest(report, "en-US");
  expect(table.split("\n")[0]).toBe("Receivables Steward self-test · Preview (in-memory Excel)");
  expect(table.split("\n").filter((l) => l.includes("| PASS |"))).toHaveLength(8);
}, 120_000);

test("a workbook that is not blank is refused, and nothing is written to it", async () => {
  const fake = createFakeExcel({ sheets: [{ name: "Ledger", cells: [["mine"]] }] });
  const before = JSON.stringify(fake.workbook.toData());
  const report = await runSelfTest(previewHost(fake), "zh-CN");
  expect(report.rows).toMatchObject([{ id: "blank-workbook", status: "fail" }]);
  expect(JSON.stringify(fake.workbook.toData())).toBe(before);
});
