/**
 * Notices through the gateway, on the in-memory Excel loaded with the sample workbook (the
 * preview's): which customers get a letter and why the others do not, worked out by hand from the
 * sample ledger (assets/sample-ledger.xlsx, as-of 2011-08-31) and POLICY §6; the sheets written;
 * the collection log gaining exactly one row per notice, as text where it is text; the ledger
 * untouched; a re-run logging nothing twice; the selection honoured.
 */
import { createFakeExcel, installFakeOffice, type FakeExcel } from "../../src/preview/fake-excel";
import type { FakeWorkbookData } from "../../src/preview/fake-excel/data";
import sample from "../../src/preview/sample-workbook.json";
import { fromYmd } from "../../src/core/calendar";
import { toExcelSerial } from "../../src/core/dates";
import { runNotices, type NoticesParams } from "../../src/excel/notices-run";
import { readCollectionLog } from "../../src/core/ledger/companions";
import { DEFAULT_POLICY } from "../../src/core/policy/defaults";
import { queuePolicySheet } from "../../src/excel/setup";
import { COMPANY_SETTING, queueSaveCompany } from "../../src/excel/company";
import type { CompanyInfo } from "../../src/core/notices/company";
import { classify, sheetValues } from "./owned-states";
import { runner } from "../helpers/fake-excel";

const DATE = fromYmd(2011, 8, 31);
const LEDGER = "应收账款台账";
const LOG = "催收记录";

/** 单位信息 as the setup form saves it: every field a letter prints filled in. */
const COMPANY: CompanyInfo = {
  nameZh: "四川省通信产业服务有限公司遂宁分公司",
  nameEn: "Sichuan Telecom Services, Suining Branch",
  address: "遂宁市船山区明月路 1 号",
  phone: "0825-2221234",
  accountName: "四川省通信产业服务有限公司遂宁分公司",
  bank: "中国工商银行遂宁分行",
  accountNo: "2310 4012 0900 1234 567",
  signatory: "总经理 王建国",
  letterPrefix: "遂通催",
  handler: "李明",
  handlerPhone: "13812345678",
};

async function saveCompany(fake: FakeExcel, info: CompanyInfo): Promise<void> {
  await fake.Excel.run(async (context) => {
    queueSaveCompany(context, info);
    await context.sync();
  });
}

/** The sample workbook; its company details filled in unless `company` is null. */
function sampleFake(edit?: (data: FakeWorkbookData) => void, company: CompanyInfo | null = COMPANY): FakeExcel {
  const data = JSON.parse(JSON.stringify(sample)) as FakeWorkbookData;
  edit?.(data);
  // As queueSaveCompany stores it.
  if (company) data.settings = { ...(data.settings ?? {}), [COMPANY_SETTING]: JSON.stringify(company) };
  return createFakeExcel(data);
}

/** Letters one sheet per customer unless a test asks for the batch. */
function run(fake: FakeExcel, p: Partial<NoticesParams> = {}) {
  return runNotices(runner(fake), { lang: "zh-CN", kind: "collection", date: DATE, layout: "per-customer", ...p });
}

/** Makes the letters, then marks the batch as sent (which is when the log gets its rows). */
async function makeAndSend(fake: FakeExcel, p: Partial<NoticesParams> = {}) {
  const made = await run(fake, p);
  if (made.kind !== "done") throw new Error(`not made: ${made.kind}`);
  const sent = await run(fake, { ...p, customers: made.notices.map((n) => n.customer), logSent: true });
  if (sent.kind !== "logged") throw new Error(`not logged: ${sent.kind}`);
  return { made, sent, notices: made.notices, log: sent.log };
}

/**
 * By hand, from the sample ledger's open items (positive balance) and 004 六.第三条's tiers
 * (≥ 90% wait, 70–90% courteous, over 50–70% firm, 50% and below legal); a customer's probability
 * is the balance-weighted mean of its items' (an item with only an expected recovery counts
 * recovery ÷ balance); a customer nobody assessed gets the courteous letter. A customer in the
 * wait tier with a stale or bad item still gets the courteous letter: 004 五.第六条、第七条
 * (policy collection.neverWaitFromClass = stale), as the collection plan assigns it a collector.
 */
const EXPECTED = [
  // C001 rows 4–5: (786,500 × 0.95 + 260,000 × 0.85) ÷ 1,046,500 = 0.92516… ≥ 0.90, the wait tier;
  // but row 5 (arisen 2011-03-15, 60 days: due 2011-05-14) is 17 + 30 + 31 + 31 = 109 days past due: stale.
  { customer: "遂宁市城市建设投资有限公司", amount: "1046500.00", items: 2, approach: "gentle" },
  // rows 3–4: 450,000 + 450,000 at 0.80
  { customer: "四川华西建设集团有限公司", amount: "900000.00", items: 2, approach: "gentle", probability: "0.8" },
  // rows 5–6: 1,580,000 + 320,000, not assessed
  { customer: "遂宁市河东新区管理委员会", amount: "1900000.00", items: 2, approach: "gentle", probability: null },
  // row 7: 280,000 at 0.40
  { customer: "射洪县交通运输局", amount: "280000.00", items: 1, approach: "legal", probability: "0.4" },
  // C005 at 0.90 (wait): row 11 due 2011-05-15 (108 days) and row 12 due 2011-04-10 (143 days), both stale.
  { customer: "蓬溪县人民医院", amount: "125000.00", items: 2, approach: "gentle", probability: "0.9" },
  // row 14: 91.66万 with 15万 expected back: 150,000 ÷ 916,600 ≈ 0.164
  { customer: "成都军通通信有限公司", amount: "916600.00", items: 1, approach: "legal" },
  // 华亿 (row 15) is settled: 5万 deducted by agreement, 23.14万 paid (plan 000 (2)); no notice.
  { customer: "成都千嘉科技有限公司", amount: "15900.00", items: 1, approach: "gentle", probability: null },
  { customer: "中国联通遂宁分公司", amount: "50000.00", items: 1, approach: "gentle", probability: null },
  { customer: "遂宁市大英县执法局", amount: "30000.00", items: 1, approach: "gentle", probability: null },
  // T006 at 0.90 (wait): arisen 2009-10-31, 90 days: due 2010-01-29, 579 days past due: bad.
  { customer: "中国电信股份有限公司阿坝分公司", amount: "140000.00", items: 1, approach: "gentle", probability: "0.9" },
  // row 21: 1.32万 at 0.10
  { customer: "中国电信集团公司遂宁网络资产分公司", amount: "13200.00", items: 1, approach: "legal", probability: "0.1" },
];

test("a dry run finds the customers to write to, with tone by tier, and writes nothing", async () => {
  const fake = sampleFake();
  const before = JSON.stringify(fake.workbook.toData());
  const r = await run(fake, { dryRun: true });
  expect(r.kind).toBe("planned");
  if (r.kind === "confirm") return;
  expect(r.notices).toHaveLength(EXPECTED.length);
  r.notices.forEach((n, i) => expect(n).toMatchObject(EXPECTED[i]));
  expect(r.notices[0].probability!.startsWith("0.92515")).toBe(true); // 968,175 / 1,046,500 = 0.925155…
  expect(r.notices[5].probability!.startsWith("0.1636")).toBe(true); // 150000 / 916600 = 0.16364…
  // Every wait-tier customer here has a stale or bad item, so none is left undisturbed.
  expect(r.skipped.filter((k) => k.reason === "wait-tier")).toEqual([]);
  // Unreadable: nothing open. Overpaid and prepaid customers (advances) and a settled one are no open items at all.
  const none = r.skipped.filter((k) => k.reason === "no-open-items").map((k) => k.customer);
  expect(none).toEqual(["安居区政务服务中心"]);
  expect(r.log).toMatchObject({ sheet: LOG, created: false, rows: [9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19], alreadyLogged: [] });
  expect(r.departments).toEqual(["第一项目部", "第二项目部", "遂宁分公司"]);
  expect(JSON.stringify(fake.workbook.toData())).toBe(before);
});

test("the notices are written, one sheet per customer, and each adds one row to the collection log", async () => {
  const fake = sampleFake();
  const ledgerBefore = JSON.stringify(fake.workbook.getSheet(LEDGER).values());
  const logBefore = fake.workbook.getSheet(LOG).values();
  const made = await run(fake);
  expect(made.kind).toBe("done");
  // Making the letters logs nothing: a letter is a contact when it is sent.
  expect(fake.workbook.getSheet(LOG).values()).toEqual(logBefore);
  const r = await run(fake, { customers: EXPECTED.map((e) => e.customer), logSent: true });
  expect(r.kind).toBe("logged");
  if (r.kind === "confirm" || made.kind === "confirm") return;
  for (const n of made.notices) expect(fake.workbook.getSheet(n.sheet).values().length).toBeGreaterThan(10);

  // The 华西 notice (the second): its total is the two open balances, in figures and in capitals.
  const huaxi = made.notices[1];
  expect(huaxi.customer).toBe("四川华西建设集团有限公司");
  const sheet = fake.workbook.getSheet(huaxi.sheet).values();
  const totalRow = sheet.find((row) => row[0] === "合计")!;
  expect(totalRow[6]).toBe(900000);
  const wordsRow = sheet.find((row) => row[0] === "合计人民币（大写）")!;
  expect(wordsRow[2]).toBe("玖拾万元整");

  const log = fake.workbook.getSheet(LOG).values();
  expect(log.slice(0, logBefore.length)).toEqual(logBefore);
  const added = log.slice(logBefore.length);
  expect(added).toHaveLength(EXPECTED.length);
  // 催收日期 | 客户名称 | 单据号 | 催收人 | 催收方式 | 欠款金额 | … | 备注 (column L)
  expect(added[1].slice(0, 6)).toEqual([toExcelSerial(DATE), "四川华西建设集团有限公司", "", "李明", "信函", 900000]);
  // The note names the letter by its number (编号), which is on the letter.
  expect(huaxi.letterNumber).toBe("遂通催20110831-002");
  expect(added[1][11]).toBe("应收账款催款通知书（遂通催20110831-002）");
  expect(added.map((row) => row[1])).toEqual(EXPECTED.map((e) => e.customer));
  const amounts = added.map((row) => Math.round((row[5] as number) * 100));
  expect(amounts).toEqual(EXPECTED.map((e) => Math.round(Number(e.amount) * 100)));
  const logSheet = fake.workbook.getSheet(LOG);
  expect(logSheet.cell(`B${logBefore.length + 1}`).numberFormat).toBe("@");
  expect(logSheet.cell(`A${logBefore.length + 1}`).numberFormat).toBe("yyyy-mm-dd");
  expect(JSON.stringify(fake.workbook.getSheet(LEDGER).values())).toBe(ledgerBefore);

  // The same day's notices again: the sheets are replaced in place, and the log gains nothing.
  const names = fake.workbook.sheets().map((s) => s.name);
  const remade = await run(fake);
  if (remade.kind === "confirm") return;
  // Each letter keeps its number when the same day's batch is made again.
  expect(remade.notices.map((n) => n.letterNumber)).toEqual(made.notices.map((n) => n.letterNumber));
  const again = await run(fake, { customers: EXPECTED.map((e) => e.customer), logSent: true });
  expect(again.kind).toBe("logged");
  if (again.kind === "confirm") return;
  expect(again.log!.rows).toEqual([]);
  expect(again.log!.alreadyLogged).toEqual(EXPECTED.map((e) => e.customer));
  expect(fake.workbook.getSheet(LOG).values()).toHaveLength(log.length);
  expect(fake.workbook.sheets().map((s) => s.name)).toEqual(names);
});

test("only the rows selected in the ledger: rows 6–9 are 华西's two items and 河东's two", async () => {
  const fake = sampleFake();
  await fake.Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(LEDGER);
    ws.activate();
    ws.getRange("A6:S9").select();
    await context.sync();
  });
  const r = await run(fake, { selectedRows: true, dryRun: true });
  if (r.kind === "confirm") throw new Error("a dry run never asks");
  expect(r.selection).toBe(`${LEDGER}!A6:S9`);
  expect(r.notices.map((n) => [n.customer, n.amount])).toEqual([
    ["四川华西建设集团有限公司", "900000.00"],
    ["遂宁市河东新区管理委员会", "1900000.00"],
  ]);
});

test("a selection on another sheet is refused with a message naming the ledger", async () => {
  const fake = sampleFake();
  await fake.Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("客户档案");
    ws.activate();
    ws.getRange("A2:B3").select();
    await context.sync();
  });
  await expect(run(fake, { selectedRows: true, dryRun: true })).rejects.toMatchObject({ code: "Selection", text: { "zh-CN": expect.stringContaining(`不在台账“${LEDGER}”上`) } });
});

test("filters: a department, a class, a customer", async () => {
  const fake = sampleFake();
  const byDept = await run(fake, { dryRun: true, departments: ["第二项目部"] });
  if (byDept.kind === "confirm") throw new Error("a dry run never asks");
  // 第二项目部: 射洪 (legal) and 蓬溪 (0.90, but stale items).
  expect(byDept.notices.map((n) => n.customer)).toEqual(["射洪县交通运输局", "蓬溪县人民医院"]);
  // Bad debt: more than 360 days past the credit term (30 days where the row gives none) at 2011-08-31:
  // row 7 (due 2009-06-11), 14 (2008-01-30), 15 (2008-07-30), 16 (2009-10-30), 21 (2010-01-30).
  const byClass = await run(fake, { dryRun: true, classes: ["bad"] });
  if (byClass.kind === "confirm") throw new Error("a dry run never asks");
  // Also row 19 (阿坝, T006: due 2010-01-29, 579 days), at 0.90 but bad, so not left in the wait tier.
  expect(byClass.notices.map((n) => n.customer)).toEqual(["射洪县交通运输局", "成都军通通信有限公司", "成都千嘉科技有限公司", "中国电信股份有限公司阿坝分公司", "中国电信集团公司遂宁网络资产分公司"]);
  const byCustomer = await run(fake, { dryRun: true, customers: ["成都千嘉科技有限公司"] });
  if (byCustomer.kind === "confirm") throw new Error("a dry run never asks");
  expect(byCustomer.notices.map((n) => n.customer)).toEqual(["成都千嘉科技有限公司"]);
});

test("a customer whose name looks like a formula is written as text, on the notice and in the log", async () => {
  const evil = "=HYPERLINK(\"http://x\",\"点此\")";
  const fake = sampleFake((data) => {
    const ledger = data.sheets.find((s) => s.name === LEDGER)!;
    const cells = ledger.cells as unknown[][];
    cells[9][2] = evil; // sheet row 10: 射洪县交通运输局's row
  });
  const r = await makeAndSend(fake, { customers: [evil] });
  expect(r.notices.map((n) => n.customer)).toEqual([evil]);
  const log = fake.workbook.getSheet(LOG);
  const row = log.values().length;
  expect(log.cell(`B${row}`)).toMatchObject({ value: evil, valueType: "String", formula: null });
  const notice = fake.workbook.getSheet(r.notices[0].sheet);
  const found = notice.values().flat().filter((v) => typeof v === "string" && v.includes(evil));
  expect(found.length).toBeGreaterThan(0);
  for (let rr = 0; rr < notice.values().length; rr++) {
    for (let c = 0; c < 8; c++) expect(notice.cell(rr, c).formula).toBeNull();
  }
});

test("a workbook without a collection log gets one started, headed so the check reads it", async () => {
  const fake = sampleFake((data) => {
    data.sheets = data.sheets.filter((s) => s.name !== LOG);
  });
  const r = await makeAndSend(fake, { customers: ["射洪县交通运输局"] });
  // No Office here to say the host has defined names and data validation: no drop-down, and the outcome says none.
  expect(r.log).toMatchObject({ sheet: "催收记录", created: true, rows: [2], statusTerms: null });
  const values = fake.workbook.getSheet("催收记录").values();
  expect(values).toEqual([
    ["催收日期", "客户名称", "催收人", "催收方式", "欠款金额", "催收结果", "备注"],
    [toExcelSerial(DATE), "射洪县交通运输局", "", "信函", 280000, "", "应收账款催款通知书（遂通催20110831-001）"],
  ]);
  // The core reads it back as the collection log, every column where it was written.
  const read = readCollectionLog(values, { sheet: "催收记录" });
  expect(read.records).toHaveLength(1);
  expect(read.records[0]).toMatchObject({ contactDate: DATE, customer: "射洪县交通运输局", method: "信函", note: "应收账款催款通知书（遂通催20110831-001）" });
  expect(read.records[0].amountDue!.toFixed(2)).toBe("280000.00");
});

test("the log started offers the policy's status terms (004 五.第三条, 七.第一条) as a drop-down on its result column, from a sheet the add-in owns, free text still allowed", async () => {
  const fake = sampleFake((data) => {
    data.sheets = data.sheets.filter((s) => s.name !== LOG);
  });
  // A host with ExcelApi 1.8 (data validation): Office answers isSetSupported from the fake's sets.
  const office = installFakeOffice(globalThis, fake, { lang: "zh-CN" });
  try {
    const r = await makeAndSend(fake, { customers: ["射洪县交通运输局"] });
    expect(r.log).toMatchObject({ sheet: "催收记录", created: true, statusTerms: "AR状态用语" });
  } finally {
    office.uninstall();
  }
  // The terms: every condition of 五.第三条 (4) and 七.第一条 (4) in policy order, each with what choosing it does.
  const terms = fake.workbook.getSheet("AR状态用语").values();
  expect(terms[0]).toEqual(["状态用语", "选用后", "制度条款"]);
  expect(terms.slice(1).map((r) => r[0])).toEqual([
    "债务人经法院宣告破产或进入破产程序",
    "债务人明示拒绝还款",
    "债务人经营状况急剧恶化，长期看没有好转可能",
    "债务人遭受巨大自然灾害，短期内难以恢复",
    "债务人被依法宣告破产、撤销，剩余财产确实不足清偿",
    "债务人死亡或被宣告死亡、失踪，财产或遗产确实不足清偿",
    "债务人遭受重大自然灾害或意外事故，确实无法清偿",
    "债务人逾期未履行偿债义务，经法院裁决确实无法清偿",
  ]);
  expect(terms.slice(1).map((r) => r[1])).toEqual([...Array(4).fill("直接划为呆账（五.第三条）"), ...Array(4).fill("可以申请核销（七.第一条）")]);
  // The name the drop-down reads points at exactly the terms.
  const name = fake.workbook.names().find((n) => n.name === "ReceivablesSteward_StatusTerms_zh");
  expect(name?.formula).toBe("=AR状态用语!$A$2:$A$9");
  // The drop-down: column F (催收结果), from row 2 down, the header left alone; an Information alert lets free text through.
  const dv = fake.workbook.getSheet("催收记录").dataValidations;
  expect(dv).toHaveLength(1);
  expect(dv[0].areas).toEqual([{ r0: 1, c0: 5, r1: 5000, c1: 5 }]);
  expect(dv[0].rule).toEqual({ list: { inCellDropDown: true, source: "=ReceivablesSteward_StatusTerms_zh" } });
  expect(dv[0].errorAlert).toMatchObject({ showAlert: true, style: "Information" });
  expect(dv[0].prompt).toMatchObject({ showPrompt: true, title: "制度的状态用语" });
});

test("a company's own condition added in the policy joins the terms, and the name the drop-downs read moves to the longer list", async () => {
  const fake = sampleFake();
  const { writeStatusTerms } = await import("../../src/excel/status-terms");
  const all = { isSetSupported: () => true };
  await fake.Excel.run((context) => writeStatusTerms(context, DEFAULT_POLICY, "zh-CN", all));
  expect(fake.workbook.names().find((n) => n.name === "ReceivablesSteward_StatusTerms_zh")?.formula).toBe("=AR状态用语!$A$2:$A$9");
  const policy = structuredClone(DEFAULT_POLICY) as typeof DEFAULT_POLICY;
  policy.directToBad.push({ ...policy.directToBad[1], key: "dissolved-partner", label: { "zh-CN": "合伙企业已解散", "en-US": "Partnership dissolved" }, phrases: [["合伙企业已解散"]], keyWords: ["解散"], negations: [] });
  const source = await fake.Excel.run((context) => writeStatusTerms(context, policy, "zh-CN", all));
  expect(source).toBe("=ReceivablesSteward_StatusTerms_zh");
  const terms = fake.workbook.getSheet("AR状态用语").values();
  expect(terms).toHaveLength(10);
  expect(terms[5]).toEqual(["合伙企业已解散", "直接划为呆账（五.第三条）", policy.directToBad[1].article]);
  expect(fake.workbook.names().find((n) => n.name === "ReceivablesSteward_StatusTerms_zh")?.formula).toBe("=AR状态用语!$A$2:$A$10");
});

test("confirmation letters go to customers not confirmed within six months, and log nothing", async () => {
  const fake = sampleFake();
  const r = await run(fake, { kind: "confirmation", dryRun: true });
  if (r.kind === "confirm") throw new Error("a dry run never asks");
  expect(r.log).toBeNull();
  // Confirmed within 6 months of 2011-08-31 (on or after 2011-02-28): C001 (2011-06-30), C002 (2011-05-31), …
  // Never confirmed or confirmed before: C003 (blank), C004 (2010-10-15), T001 (blank), T003 (blank), T008 (blank).
  expect(r.notices.map((n) => n.customer)).toEqual(["遂宁市河东新区管理委员会", "射洪县交通运输局", "成都军通通信有限公司", "成都千嘉科技有限公司", "中国电信集团公司遂宁网络资产分公司"]);
  expect(r.notices.map((n) => n.amount)).toEqual(["1900000.00", "280000.00", "916600.00", "15900.00", "13200.00"]);
});

test("in English the log started is headed in English and still reads as the collection log", async () => {
  const fake = sampleFake((data) => {
    data.sheets = data.sheets.filter((s) => s.name !== LOG);
  });
  const r = await makeAndSend(fake, { lang: "en-US", customers: ["射洪县交通运输局"] });
  expect(r.log).toMatchObject({ sheet: "Collection log", created: true });
  const values = fake.workbook.getSheet("Collection log").values();
  expect(values[0]).toEqual(["Contact date", "Customer", "Collector", "Method", "Amount due", "Result", "Note"]);
  const read = readCollectionLog(values, { sheet: "Collection log" });
  expect(read.records[0]).toMatchObject({ contactDate: DATE, customer: "射洪县交通运输局", method: "letter" });
});

test("a failure at any round trip leaves the ledger untouched, each notice sheet absent or marked incomplete, and the log without a row or with each row once; the next run completes the notices and logs nothing twice", async () => {
  const customers = ["射洪县交通运输局", "成都军通通信有限公司"];
  const probe = sampleFake();
  probe.resetStats();
  const done = await run(probe, { customers });
  if (done.kind !== "done") throw new Error("nothing was edited");
  const syncs = probe.stats.syncs;
  expect(syncs).toBeGreaterThan(5);
  const logAfter = probe.workbook.getSheet(LOG).values();
  const sheets = done.notices.map((n) => n.sheet);
  const finished = sheets.map((name) => sheetValues(probe, name)!);
  for (let n = 1; n <= syncs; n++) {
    const fake = sampleFake();
    const ledger = JSON.stringify(fake.workbook.toData().sheets.find((s) => s.name === LEDGER));
    const logBefore = fake.workbook.getSheet(LOG).values();
    fake.failSync(n, { code: "AccessDenied" });
    await expect(run(fake, { customers })).rejects.toMatchObject({ name: "RichApi.Error", code: "AccessDenied" });
    expect([n, JSON.stringify(fake.workbook.toData().sheets.find((s) => s.name === LEDGER))]).toEqual([n, ledger]);
    expect([n, sheets.map((name, i) => classify(fake, name, null, finished[i])).filter((o) => o === "broken")]).toEqual([n, []]);
    const log = fake.workbook.getSheet(LOG).values();
    expect([n, JSON.stringify(log) === JSON.stringify(logBefore) || JSON.stringify(log) === JSON.stringify(logAfter)]).toEqual([n, true]);
    const again = await run(fake, { customers });
    expect([n, again.kind]).toEqual([n, "done"]);
    expect([n, sheets.map((name) => sheetValues(fake, name))]).toEqual([n, finished]);
    expect([n, fake.workbook.getSheet(LOG).values()]).toEqual([n, logAfter]);
  }
});

test("company details the letters print must be filled in: named in words, and nothing is made until they are", async () => {
  const fake = sampleFake(undefined, null);
  const r = await run(fake, { dryRun: true });
  if (r.kind === "confirm") throw new Error("a dry run never asks");
  expect(r.companyProblems.map((p) => p.field)).toEqual(["nameZh", "address", "phone", "accountName", "bank", "accountNo", "signatory", "letterPrefix", "handler"]);
  // Confirmation letters ask for no payment nor a signature: the account and the signatory do not matter to them.
  const c = await run(fake, { dryRun: true, kind: "confirmation" });
  if (c.kind === "confirm") throw new Error("a dry run never asks");
  expect(c.companyProblems.map((p) => p.field)).toEqual(["nameZh", "address", "phone", "letterPrefix", "handler"]);
  // An English letter needs the English name, not the Chinese one.
  const en = await run(fake, { dryRun: true, kind: "confirmation", letterLang: "en-US" });
  if (en.kind === "confirm") throw new Error("a dry run never asks");
  expect(en.companyProblems.map((p) => p.field)).toEqual(["nameEn", "address", "phone", "letterPrefix", "handler"]);

  // Making them is refused, in words, pointing to the form; the workbook is unchanged.
  const before = JSON.stringify(fake.workbook.toData());
  await expect(run(fake, { customers: ["射洪县交通运输局"] })).rejects.toMatchObject({
    code: "CompanyIncomplete",
    text: { "zh-CN": expect.stringContaining("请先在“通知书”页的“单位信息”中填写：单位名称（中文）、地址、联系电话、收款账户名称、开户银行、银行账号、签字人、编号前缀、经办人") },
  });
  expect(JSON.stringify(fake.workbook.toData())).toBe(before);

  // Details an older workbook filled in on its policy sheet count; the form's fill the rest.
  const policy = JSON.parse(JSON.stringify(DEFAULT_POLICY)) as typeof DEFAULT_POLICY;
  policy.company = { name: { "zh-CN": COMPANY.nameZh, "en-US": COMPANY.nameEn }, payee: { accountName: COMPANY.accountName, bank: COMPANY.bank, accountNo: COMPANY.accountNo }, address: COMPANY.address, phone: COMPANY.phone };
  await fake.Excel.run(async (context) => {
    queuePolicySheet(context, "AR制度参数", ["参数", "值"], policy);
    await context.sync();
  });
  const half = await run(fake, { dryRun: true });
  if (half.kind === "confirm") throw new Error("a dry run never asks");
  expect(half.companyProblems.map((p) => p.field)).toEqual(["signatory", "letterPrefix", "handler"]);
  await saveCompany(fake, { ...COMPANY, nameZh: "", address: "", accountNo: "12-34" });
  const bad = await run(fake, { dryRun: true });
  if (bad.kind === "confirm") throw new Error("a dry run never asks");
  // The account number typed is not one (the policy's is overridden by what the form says).
  expect(bad.companyProblems).toEqual([{ field: "accountNo", kind: "invalid", message: expect.objectContaining({ "zh-CN": "银行账号应为 8 至 30 位数字（可用空格分组）。" }) }]);
  await saveCompany(fake, COMPANY);
  const filled = await run(fake, { dryRun: true });
  if (filled.kind === "confirm") throw new Error("a dry run never asks");
  expect(filled.companyProblems).toEqual([]);
  expect(filled.policySheet).toBe("AR制度参数");
});

test("one printable sheet per batch: each letter from a new page, with its number, our 经办人 and phone, and the signatory", async () => {
  const fake = sampleFake();
  const customers = ["四川华西建设集团有限公司", "射洪县交通运输局"];
  const r = await run(fake, { layout: "batch", customers });
  if (r.kind !== "done") throw new Error("nothing was edited");
  expect(r.batchSheet).toBe("应收账款催款通知书-20110831");
  expect(r.notices.map((n) => [n.sheet, n.letterNumber])).toEqual([
    ["应收账款催款通知书-20110831", "遂通催20110831-001"],
    ["应收账款催款通知书-20110831", "遂通催20110831-002"],
  ]);
  const sheet = fake.workbook.getSheet(r.batchSheet!);
  const values = sheet.values();
  // Each letter starts with its title; the second one's title row is where the page break is.
  const titles = values.map((row, i) => [row[0], i] as const).filter(([v]) => v === "应收账款催款通知书").map(([, i]) => i);
  expect(titles).toEqual([0, r.notices[1].row - 1]);
  expect(sheet.pageBreaks).toEqual([r.notices[1].row - 1]);
  expect(sheet.pageLayout).toMatchObject({ paperSize: "A4", orientation: "Portrait" });
  const text = values.flat().filter((v): v is string => typeof v === "string");
  expect(text).toContain("编号：遂通催20110831-001");
  expect(text).toContain("编号：遂通催20110831-002");
  expect(text.filter((t) => t === "经办人：李明　联系电话：13812345678")).toHaveLength(2);
  expect(text.filter((t) => t === "（总经理 王建国）")).toHaveLength(2);
  // No placeholder and no English on a Chinese letter.
  expect(text.some((t) => /请填写|to be filled in/.test(t))).toBe(false);
  expect(text.some((t) => /[A-Za-z]{3,}/.test(t.replace(/遂通催\d+-\d+/, "")))).toBe(false);
  // Only the two customers' sheet was made: no sheet per customer.
  expect(fake.workbook.sheets().filter((s) => s.name.endsWith("应收账款催款通知书"))).toHaveLength(0);
});

test("letters in English for an English-speaking customer while the pane is in Chinese", async () => {
  const fake = sampleFake();
  const r = await run(fake, { lang: "zh-CN", letterLang: "en-US", kind: "confirmation", layout: "batch", customers: ["射洪县交通运输局"] });
  if (r.kind !== "done") throw new Error("nothing was edited");
  const text = fake.workbook.getSheet(r.batchSheet!).values().flat().filter((v): v is string => typeof v === "string");
  expect(text.some((t) => t.includes(COMPANY.nameEn))).toBe(true);
  expect(text).toContain("Handled by: 李明    Phone: 13812345678");
  // Chinese only where it is a name, the address as the company wrote it, or the amount in 人民币大写 (kept on English letters).
  const chinese = text.filter((t) => /[\u4e00-\u9fff]/.test(t.replace("射洪县交通运输局", "").replace("李明", "").replace(/遂通催/g, "").replace(COMPANY.address, "").replace(/（?in words: [^)]*\)?|贰拾捌万元整/g, "")));
  expect(chinese).toEqual([]);
});

test("a log kept in 万元 gets the amounts in 万元, and one without note or method columns still logs each notice once", async () => {
  const fake = sampleFake((data) => {
    const log = data.sheets.find((s) => s.name === LOG)!;
    const cells = log.cells as unknown[][];
    // Headings: 催收日期 | 客户名称 | 单据号 | 催收人 | 催收方式 | 欠款金额（万元） | … ; drop 催收方式 (E) and 备注 (L).
    cells[1][5] = "欠款金额（万元）";
    cells[1][4] = null;
    cells[1][11] = null;
    for (const row of cells.slice(2)) row[5] = typeof row[5] === "number" ? row[5] / 10000 : row[5];
  });
  const r = await makeAndSend(fake, { customers: ["四川华西建设集团有限公司"] });
  const log = fake.workbook.getSheet(LOG);
  const last = log.values()[r.log!.rows[0] - 1];
  // 900,000.00 yuan = 90 万元; no method or note column: nothing written there.
  expect([last[1], last[4], last[5], last[11] ?? ""]).toEqual(["四川华西建设集团有限公司", "", 90, ""]);
  const again = await makeAndSend(fake, { customers: ["四川华西建设集团有限公司"] });
  expect(again.log).toMatchObject({ rows: [], alreadyLogged: ["四川华西建设集团有限公司"] });
});

test("a protected collection log is refused when the batch is marked sent, and nothing changes", async () => {
  const fake = sampleFake();
  await fake.Excel.run(async (context) => {
    context.workbook.worksheets.getItem(LOG).protection.protect();
    await context.sync();
  });
  const before = JSON.stringify(fake.workbook.toData());
  await expect(run(fake, { customers: ["射洪县交通运输局"], logSent: true })).rejects.toMatchObject({ code: "AccessDenied", text: { "zh-CN": expect.stringContaining(LOG) } });
  expect(JSON.stringify(fake.workbook.toData())).toBe(before);
});

test("making the notices uses the rows the list was found with, not the selection now", async () => {
  const fake = sampleFake();
  await fake.Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(LEDGER);
    ws.activate();
    ws.getRange("A6:S9").select();
    await context.sync();
  });
  const found = await run(fake, { selectedRows: true, dryRun: true });
  if (found.kind === "confirm") throw new Error("a dry run never asks");
  expect(found.rows).toEqual([6, 7, 8, 9]);
  // The user clicks elsewhere, then makes the notices.
  await fake.Excel.run(async (context) => {
    context.workbook.worksheets.getItem(LEDGER).getRange("C12").select();
    await context.sync();
  });
  const made = await run(fake, { rows: found.rows! });
  if (made.kind === "confirm") throw new Error("nothing was edited");
  expect(made.notices.map((n) => n.customer)).toEqual(["四川华西建设集团有限公司", "遂宁市河东新区管理委员会"]);
});
