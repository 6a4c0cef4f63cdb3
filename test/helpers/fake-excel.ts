/** The in-memory Excel as the product's code takes it: its Excel.run, typed as the ExcelRun every runner accepts. */
import type { ExcelRun } from "../../src/excel/validate-run";
import type { FakeExcel } from "../../src/preview/fake-excel";

export function runner(fake: FakeExcel): ExcelRun {
  return fake.Excel.run as unknown as ExcelRun;
}
