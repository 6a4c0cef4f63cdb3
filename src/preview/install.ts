/**
 * Installs the in-memory Excel, loaded with the sample workbook, as the page's Office and Excel
 * globals. Imported before the pane, so the pane finds "Excel" already there.
 */
import { createFakeExcel, installFakeOffice, type FakeExcel } from "./fake-excel";
import type { FakeWorkbookData } from "./fake-excel/data";
import sample from "./sample-workbook.json";
import { resolveLang } from "../i18n";

const lang = resolveLang(new URLSearchParams(window.location.search).get("lang") ?? navigator.language);
export const fake: FakeExcel = createFakeExcel(sample as unknown as FakeWorkbookData);
installFakeOffice(window, fake, { lang });
// The end-to-end test inspects the workbook through this handle.
(window as unknown as { __fakeExcel?: FakeExcel }).__fakeExcel = fake;
