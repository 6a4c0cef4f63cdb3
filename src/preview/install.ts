/**
 * Installs the in-memory Excel, loaded with the sample workbook, as the page's Office and Excel
 * globals, with the add-in's custom functions computing live in its formulas. Imported before
 * the pane, so the pane finds "Excel" already there.
 */
// Import order matters: the CustomFunctions global must exist before functions.ts runs the
// associate calls the build appends to it.
import { customFunctionsRuntime } from "./custom-functions-global";
import "../functions/functions";
import { byFormulaName } from "./custom-functions";
import { createFakeExcel, installFakeOffice, type FakeExcel } from "./fake-excel";
import type { FakeWorkbookData } from "./fake-excel/data";
import sample from "./sample-workbook.json";
import { resolveLang } from "../i18n";
import { excelRunner } from "../excel/run";
import type { SelfTestHostBase } from "../taskpane/self-test-host";

const query = new URLSearchParams(window.location.search);
const lang = resolveLang(query.get("lang") ?? navigator.language);
// ?excelapi=1.20 makes the preview's Office report that ExcelApi set (the end-to-end test of the
// undo-group path); by default it reports 1.17.
const excelApi = /^1\.\d{1,2}$/.test(query.get("excelapi") ?? "") ? query.get("excelapi")! : undefined;
export const fake: FakeExcel = createFakeExcel(sample as unknown as FakeWorkbookData, { functions: byFormulaName(customFunctionsRuntime.associated) });
installFakeOffice(window, fake, { lang, ...(excelApi ? { excelApi } : {}) });
// The end-to-end test inspects the workbook through this handle.
(window as unknown as { __fakeExcel?: FakeExcel }).__fakeExcel = fake;

// The self-test (?selftest=1) runs on a new, blank in-memory workbook each time, never on the sample.
window.__AR_SELF_TEST_HOST__ = (): SelfTestHostBase => {
  // Sets like the preview's own Office reports, enforced by the scratch workbook too.
  const scratch = createFakeExcel(
    { sheets: [{ name: "Sheet1" }] },
    { functions: byFormulaName(customFunctionsRuntime.associated), requirementSets: { ExcelApi: "1.17", CustomFunctionsRuntime: "1.3", DelayForCellEdit: "1.1" } },
  );
  const holder: { Office?: { context: { requirements: { isSetSupported(name: string, version?: string): boolean } } } } = {};
  installFakeOffice(holder, scratch, { lang });
  const requirements = holder.Office!.context.requirements;
  return {
    run: excelRunner(scratch.Excel, requirements),
    requirements,
    label: "Preview (in-memory Excel, not a real host)",
    simulate: {
      startCellEdit: () => scratch.startCellEdit(),
      endCellEdit: () => scratch.endCellEdit(),
      functionsRegistered: (registered) => (scratch.workbook.customFunctionsRegistered = registered),
    },
  };
};
