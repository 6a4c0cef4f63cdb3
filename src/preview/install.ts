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

const lang = resolveLang(new URLSearchParams(window.location.search).get("lang") ?? navigator.language);
export const fake: FakeExcel = createFakeExcel(sample as unknown as FakeWorkbookData, { functions: byFormulaName(customFunctionsRuntime.associated) });
installFakeOffice(window, fake, { lang });
// The end-to-end test inspects the workbook through this handle.
(window as unknown as { __fakeExcel?: FakeExcel }).__fakeExcel = fake;
