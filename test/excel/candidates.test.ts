/**
 * Ledger detection that says no (issue 18.4): with the ledger sheet cleared, the sample workbook's
 * companion tables (客户档案, 应收票据登记簿, 催收记录) are named as what they are and none is
 * offered as the ledger; with the ledger there, it is the only candidate.
 */
import { createFakeExcel } from "../../src/preview/fake-excel";
import type { FakeWorkbookData } from "../../src/preview/fake-excel/data";
import sample from "../../src/preview/sample-workbook.json";
import { surveyWorkbook } from "../../src/excel/candidates";

function survey(edit?: (d: FakeWorkbookData) => void) {
  const data = JSON.parse(JSON.stringify(sample)) as FakeWorkbookData;
  edit?.(data);
  const fake = createFakeExcel(data);
  return fake.Excel.run((context) => surveyWorkbook(context as unknown as Excel.RequestContext, new Set()));
}

test("the sample: the ledger is the one candidate; the three companion tables are set apart", async () => {
  const s = await survey();
  expect(s.candidates.map((c) => c.sheet)).toEqual(["应收账款台账"]);
  expect(s.companions).toEqual([
    { sheet: "客户档案", kind: "customers" },
    { sheet: "应收票据登记簿", kind: "bills" },
    { sheet: "催收记录", kind: "collections" },
  ]);
});

test("the ledger sheet cleared: no candidate at all, the collection log is not taken for the ledger", async () => {
  const s = await survey((d) => {
    d.sheets.find((x) => x.name === "应收账款台账")!.cells = [];
  });
  expect(s.candidates).toEqual([]);
  expect(s.companions.map((c) => c.kind)).toEqual(["customers", "bills", "collections"]);
});
