/**
 * The requirement sets manifest.xml declares are the ones the add-in needs: every gateway path
 * runs on the in-memory Excel limited to exactly those sets (a member of a later set throws
 * ApiNotFound there, as Office.js does on such a host), with Office's isSetSupported answering
 * from the same sets, and the custom functions run on a runtime of the declared version. A
 * member above the declared sets, used without an isSetSupported check, fails here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createFakeExcel, installFakeCustomFunctions, installFakeOffice, type FakeExcel, type InstalledOffice } from "../../src/preview/fake-excel";
import type { FakeWorkbookData } from "../../src/preview/fake-excel/data";
import sample from "../../src/preview/sample-workbook.json";
import { fromYmd } from "../../src/core/calendar";
import { emptyForm } from "../../src/core/credit-forms/questionnaire";
import { DEFAULT_POLICY } from "../../src/core/policy/defaults";
import { REPORT_IDS } from "../../src/core/reports/index";
import { findLedgerCandidates } from "../../src/excel/candidates";
import { findCreditSheets, loadQuestionnaire, loadSupplierLetter, makeSupplierLetter, saveQuestionnaire, saveSupplierReplies } from "../../src/excel/credit-run";
import { runMasterUpdate } from "../../src/excel/credit-master";
import { previewHeader } from "../../src/excel/header-preview";
import { addHighlights, removeHighlights } from "../../src/excel/highlights";
import { queueSaveCompany } from "../../src/excel/company";
import { runNotices } from "../../src/excel/notices-run";
import { runReport } from "../../src/excel/report-run";
import { excelRunner, hostRequirements } from "../../src/excel/run";
import { readPolicy, selectCell } from "../../src/excel/setup";
import { runValidate } from "../../src/excel/validate-run";

const LEDGER = "应收账款台账";
const AS_OF = fromYmd(2011, 8, 31);

/** <Set Name="…" MinVersion="…"/> under the manifest's <Requirements>. */
function declaredSets(): Record<string, string> {
  const xml = readFileSync(join(__dirname, "../../manifest.xml"), "utf8").replace(/<!--[\s\S]*?-->/g, "");
  const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml)?.[1] ?? "";
  return Object.fromEntries([...requirements.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\s*\/>/g)].map((m) => [m[1], m[2]]));
}

const sets = declaredSets();

test("the manifest declares the ExcelApi and CustomFunctionsRuntime sets the add-in needs", () => {
  expect(Object.keys(sets).sort()).toEqual(["CustomFunctionsRuntime", "ExcelApi"]);
  // CustomFunctions.Error is 1.2 and its ErrorCode values 1.3 (src/functions/cells.ts uses both).
  expect(sets.CustomFunctionsRuntime).toBe("1.3");
});

describe("every gateway path at exactly the declared sets", () => {
  let fake: FakeExcel;
  let office: InstalledOffice;
  beforeEach(() => {
    fake = createFakeExcel(JSON.parse(JSON.stringify(sample)) as FakeWorkbookData, { requirementSets: sets });
    office = installFakeOffice(globalThis, fake, { lang: "zh-CN" });
  });
  afterEach(() => office.uninstall());

  test("Office answers isSetSupported from the declared sets", () => {
    expect(hostRequirements().isSetSupported("ExcelApi", sets.ExcelApi)).toBe(true);
    expect(hostRequirements().isSetSupported("ExcelApi", "1.14")).toBe(false);
  });

  test("validate (first run and re-run), highlights on and off, the policy, the candidates and header preview, selecting a finding", async () => {
    const run = excelRunner(fake.Excel);
    const params = { source: { kind: "range" as const, sheet: LEDGER }, asOf: AS_OF, lang: "zh-CN" as const };
    const first = await runValidate(run, params);
    expect(first.kind).toBe("done");
    expect((await runValidate(run, params)).kind).toBe("done");
    if (first.kind !== "done") return;
    const marked = await run((context) => addHighlights(context, LEDGER, first.summary.findings));
    expect(marked.rules).toBeGreaterThan(0);
    expect(await run((context) => removeHighlights(context))).toBe(marked.rules);
    expect((await run((context) => readPolicy(context))).sheet).toBe("AR制度参数");
    expect((await run((context) => findLedgerCandidates(context, new Set()))).length).toBeGreaterThan(0);
    await run((context) => previewHeader(context, params.source));
    await run((context) => selectCell(context, LEDGER, "F7"));
  });

  test("every report, twice (in place the second time), with chart series where the host has them", async () => {
    const run = excelRunner(fake.Excel);
    await runValidate(run, { source: { kind: "range", sheet: LEDGER }, asOf: AS_OF, lang: "zh-CN" });
    for (const id of REPORT_IDS) {
      expect((await runReport(run, id, { lang: "zh-CN" })).kind).toBe("done");
      expect((await runReport(run, id, { lang: "zh-CN" })).kind).toBe("done");
    }
    const named = fake.workbook.sheets().flatMap((s) => s.charts.filter((c) => !c.deleted)).flatMap((c) => c.series.map((x) => x.name));
    expect(named.length).toBeGreaterThan(0);
  });

  test("notices and confirmation letters, planned, made (one batch sheet with page breaks, and a sheet each) and marked sent; company details saved", async () => {
    const run = excelRunner(fake.Excel);
    await run(async (context) => {
      queueSaveCompany(context, { nameZh: "甲公司", nameEn: "A Co.", address: "遂宁市", phone: "0825-2221234", accountName: "甲公司", bank: "工商银行", accountNo: "1234 5678 9012", signatory: "王某", letterPrefix: "甲", handler: "李明", handlerPhone: "" });
      await context.sync();
    });
    for (const kind of ["collection", "confirmation"] as const) {
      expect((await runNotices(run, { lang: "zh-CN", kind, date: AS_OF, dryRun: true })).kind).toBe("planned");
      expect((await runNotices(run, { lang: "zh-CN", kind, date: AS_OF, customers: ["射洪县交通运输局", "成都军通通信有限公司"] })).kind).toBe("done");
      expect((await runNotices(run, { lang: "zh-CN", kind, date: AS_OF, layout: "per-customer", customers: ["射洪县交通运输局"] })).kind).toBe("done");
    }
    expect((await runNotices(run, { lang: "zh-CN", kind: "collection", date: AS_OF, customers: ["射洪县交通运输局"], logSent: true })).kind).toBe("logged");
  });

  test("credit: a questionnaire saved, found, loaded; the master update; a supplier letter made, loaded and answered", async () => {
    const run = excelRunner(fake.Excel);
    const form = emptyForm(DEFAULT_POLICY, 1);
    form.header.customer = "四川华西建设集团有限公司";
    form.header.contractValue = "1,000,000.00";
    form.raters[0].answers = form.raters[0].answers.map(() => ({ option: 1, score: null }));
    const saved = await saveQuestionnaire(run, { form, lang: "zh-CN", sheet: null });
    if (saved.kind !== "done") throw new Error("a new sheet never asks");
    expect((await run((context) => findCreditSheets(context))).questionnaires).toContain(saved.sheet);
    await loadQuestionnaire(run, saved.sheet);
    const proposal = { customer: "四川华西建设集团有限公司", customerCode: "C002", grade: "AA", limit: "1000000.00", reviewDate: fromYmd(2011, 9, 5), score: "90", questionnaire: saved.sheet };
    const shown = await runMasterUpdate(run, { proposal, lang: "zh-CN", apply: false });
    if (shown.kind !== "planned") throw new Error("shown first");
    expect((await runMasterUpdate(run, { proposal, lang: "zh-CN", apply: true, expected: shown.plan.old })).kind).toBe("done");
    const letter = await makeSupplierLetter(run, { customer: "四川华西建设集团有限公司", customerAddress: "成都", supplier: "某供应商", date: fromYmd(2011, 9, 5), lang: "zh-CN" });
    const read = await loadSupplierLetter(run, letter.sheet);
    expect(await saveSupplierReplies(run, { sheet: letter.sheet, replies: read.replies.map(() => 1) })).toBeGreaterThan(0);
  });

  test("a member above the declared sets fails here: ConditionalFormatCollection.getItemOrNullObject (1.14)", async () => {
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem(LEDGER).getRange().conditionalFormats.getItemOrNullObject("0");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

test("the custom functions on a runtime of the declared version: a bad argument gives CustomFunctions.Error with its code and message", async () => {
  const runtime = installFakeCustomFunctions(globalThis, { version: sets.CustomFunctionsRuntime });
  try {
    const { agingClassFn } = await import("../../src/functions/functions");
    const out = agingClassFn([["not a date"]], [[AS_OF + 25569]]);
    const cell = (out as unknown[][])[0][0] as { code?: string; message?: string };
    expect(cell).toBeInstanceOf(CustomFunctions.Error);
    expect(cell.code).toBe("#VALUE!");
    expect(cell.message).toMatch(/date/i);
  } finally {
    runtime.uninstall();
  }
});
