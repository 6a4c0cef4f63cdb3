/**
 * Statements (对账单) through the gateway, on the in-memory Excel loaded with the sample workbook
 * (an open-items ledger, as of 2011-08-31). The period defaults to 2011-01-01 – 2011-08-31.
 * Worked by hand from the sample ledger's balances:
 *
 *  遂宁市城市建设投资有限公司  JS-2011-018 arisen 2011-03-15, 260,000.00 → 260,000.00
 *                              JS-2011-031 arisen 2011-06-30, 786,500.00 → 1,046,500.00
 *                              opening 0.00; closing 1,046,500.00, all within 1 year.
 *  射洪县交通运输局            JS-2009-077 arisen 2009-05-12 (serial 39945), 280,000.00: opening;
 *                              nothing in the period; closing 280,000.00, 2–3 years (arisen between
 *                              2008-08-31 and 2009-08-31).
 *  大英县天然气公司            JS-2011-066 arisen 2011-06-05, −5,000.00 (overpaid): a credit line;
 *                              closing −5,000.00, in the aging as received in advance.
 */
import { createFakeExcel, type FakeExcel } from "../../src/preview/fake-excel";
import type { FakeWorkbookData } from "../../src/preview/fake-excel/data";
import sample from "../../src/preview/sample-workbook.json";
import { fromYmd } from "../../src/core/calendar";
import { toExcelSerial } from "../../src/core/dates";
import { runNotices, type NoticesParams } from "../../src/excel/notices-run";
import type { ExcelRun } from "../../src/excel/validate-run";
import { COMPANY_SETTING } from "../../src/excel/company";
import type { CompanyInfo } from "../../src/core/notices/company";
import { classify, sheetValues } from "./owned-states";

const DATE = fromYmd(2011, 8, 31);
const LEDGER = "应收账款台账";
const LOG = "催收记录";
const CUSTOMERS = ["遂宁市城市建设投资有限公司", "射洪县交通运输局", "大英县天然气公司"];

const COMPANY: CompanyInfo = {
  nameZh: "四川省通信产业服务有限公司遂宁分公司",
  nameEn: "Sichuan Telecom Services, Suining Branch",
  address: "遂宁市船山区明月路 1 号",
  phone: "0825-2221234",
  accountName: "",
  bank: "",
  accountNo: "",
  signatory: "",
  letterPrefix: "遂通对",
  handler: "李明",
  handlerPhone: "13812345678",
};

function sampleFake(edit?: (data: FakeWorkbookData) => void): FakeExcel {
  const data = JSON.parse(JSON.stringify(sample)) as FakeWorkbookData;
  edit?.(data);
  data.settings = { ...(data.settings ?? {}), [COMPANY_SETTING]: JSON.stringify(COMPANY) };
  return createFakeExcel(data);
}

function run(fake: FakeExcel, p: Partial<NoticesParams> = {}) {
  return runNotices(fake.Excel.run as unknown as ExcelRun, { lang: "zh-CN", kind: "statement", date: DATE, layout: "per-customer", customers: CUSTOMERS, ...p });
}

test("a dry run finds each customer's closing balance and lines in the period, and writes nothing", async () => {
  const fake = sampleFake();
  const before = JSON.stringify(fake.workbook.toData());
  const r = await run(fake, { dryRun: true });
  if (r.kind === "confirm") throw new Error("a dry run never asks");
  expect(r.notices.map((n) => [n.customer, n.amount, n.items])).toEqual([
    ["遂宁市城市建设投资有限公司", "1046500.00", 2],
    ["射洪县交通运输局", "280000.00", 0],
    ["大英县天然气公司", "-5000.00", 1],
  ]);
  // Only the fields a statement prints: no payee account, no signatory.
  expect(r.companyProblems).toEqual([]);
  expect(r.log).toBeNull();
  // Every customer of the ledger is offered, the settled and the prepaid too.
  expect(r.customers).toEqual(expect.arrayContaining(["遂宁市华亿网络工程有限公司", "遂宁市第一中学", "大英县天然气公司"]));
  expect(JSON.stringify(fake.workbook.toData())).toBe(before);
});

test("every customer of the ledger with a balance or a line in the period gets one; the rest are named", async () => {
  const fake = sampleFake();
  const r = await run(fake, { dryRun: true, customers: [] });
  if (r.kind === "confirm") throw new Error("a dry run never asks");
  // 16 customers: 华亿 and 巴中 (settled, balance 0) have nothing in the period and nothing owed;
  // 安居区's only amount ("12,34.50") cannot be read, which is said rather than "nothing"; the row
  // without a customer is no one's account.
  expect(r.notices).toHaveLength(13);
  expect(r.skipped.map((k) => [k.customer, k.reason])).toEqual([
    ["安居区政务服务中心", "unreadable"],
    ["遂宁市华亿网络工程有限公司", "no-activity"],
    ["四川省电信有限公司巴中市分公司", "no-activity"],
  ]);
  // 河东: JS-2011-046's date "2011.13.05" is no date: an undated line counts before the period
  // (320,000.00), and JS-2011-045 of 2011-07-20 (1,580,000.00) is in it.
  expect(r.notices.find((n) => n.customer === "遂宁市河东新区管理委员会")).toMatchObject({ amount: "1900000.00", items: 1 });
  // 第一中学: an advance received (预收工程款), −8,000.00.
  expect(r.notices.find((n) => n.customer === "遂宁市第一中学")).toMatchObject({ amount: "-8000.00", items: 1 });
});

test("the statements are written to the add-in's own sheets; the ledger and the log are untouched; ledger text is text", async () => {
  const fake = sampleFake();
  const ledgerBefore = JSON.stringify(fake.workbook.getSheet(LEDGER).values());
  const logBefore = JSON.stringify(fake.workbook.getSheet(LOG).values());
  const r = await run(fake);
  if (r.kind !== "done") throw new Error(`not made: ${r.kind}`);
  expect(r.notices.map((n) => [n.sheet, n.letterNumber])).toEqual([
    ["遂宁市城市建设投资有限公司-对账单", "遂通对20110831-001"],
    ["射洪县交通运输局-对账单", "遂通对20110831-002"],
    ["大英县天然气公司-对账单", "遂通对20110831-003"],
  ]);
  expect(JSON.stringify(fake.workbook.getSheet(LEDGER).values())).toBe(ledgerBefore);
  expect(JSON.stringify(fake.workbook.getSheet(LOG).values())).toBe(logBefore);

  const sheet = fake.workbook.getSheet("遂宁市城市建设投资有限公司-对账单");
  const values = sheet.values();
  expect(values[0][0]).toBe("对账单");
  expect(sheet.pageLayout).toMatchObject({ paperSize: "A4", orientation: "Portrait" });
  const at = (label: string) => values.findIndex((row) => row[2] === label);
  const opening = at("期初余额");
  expect(values[opening]).toEqual([toExcelSerial(fromYmd(2011, 1, 1)), "", "期初余额", "", "", 0]);
  // The lines in date order, each with its running balance; the summary is the 摘要/备注, else the type, else the project.
  expect(values[opening + 1]).toEqual([toExcelSerial(fromYmd(2011, 3, 15)), "JS-2011-018", "滨江北路管网工程", 260000, "", 260000]);
  expect(values[opening + 2]).toEqual([toExcelSerial(fromYmd(2011, 6, 30)), "JS-2011-031", "进度款", 786500, "", 1046500]);
  expect(values[at("本期合计")].slice(3, 5)).toEqual([1046500, 0]);
  expect(values[at("期末余额")]).toEqual([toExcelSerial(DATE), "", "期末余额", "", "", 1046500]);
  // Dates as dates, the document number as text.
  expect(sheet.numberFormatAt(opening + 1, 0)).toBe("yyyy-mm-dd");
  expect(sheet.numberFormatAt(opening + 1, 1)).toBe("@");
  expect(sheet.numberFormatAt(opening + 1, 5)).toBe("#,##0.00");
  const aging = values.findIndex((row) => row[0] === "1年以内（含1年）");
  expect(values[aging][3]).toBe(1046500);
  expect(values.find((row) => row[0] === "合计（等于期末余额）")![3]).toBe(1046500);
  const text = values.flat().filter((v): v is string => typeof v === "string");
  expect(text).toContain("遂宁市城市建设投资有限公司：");
  expect(text).toContain("经办人：李明　联系电话：13812345678");
  expect(text).toContain("四川省通信产业服务有限公司遂宁分公司（盖章）");
  expect(text.some((t) => t.includes("不记录收款"))).toBe(true);
  expect(text.some((t) => t.startsWith("1. 余额相符。"))).toBe(true);
  expect(text.some((t) => t.startsWith("2. 余额不符，不符金额及原因"))).toBe(true);
  expect(text.some((t) => t.includes("帐"))).toBe(false);

  // No movement in the period: the opening balance carried to the closing, aged 2–3 years.
  const shehong = fake.workbook.getSheet("射洪县交通运输局-对账单").values();
  expect(shehong.find((row) => row[2] === "期初余额")![5]).toBe(280000);
  expect(shehong.find((row) => row[2] === "期末余额")![5]).toBe(280000);
  expect(shehong.find((row) => row[0] === "2至3年（含3年）")![3]).toBe(280000);
  // Overpaid: a credit, received in advance.
  const dayin = fake.workbook.getSheet("大英县天然气公司-对账单").values();
  expect(dayin.find((row) => row[1] === "JS-2011-066")!.slice(3, 6)).toEqual(["", 5000, -5000]);
  expect(dayin.find((row) => row[0] === "预收款项（尚未冲销的收款）")![3]).toBe(-5000);
});

test("one batch sheet, a page per customer; a period typed by the user; in English", async () => {
  const fake = sampleFake();
  const r = await run(fake, { layout: "batch", letterLang: "en-US", from: fromYmd(2011, 6, 1), customers: CUSTOMERS.slice(0, 2) });
  if (r.kind !== "done") throw new Error(`not made: ${r.kind}`);
  expect(r.batchSheet).toBe("Statement of Account-20110831");
  const sheet = fake.workbook.getSheet(r.batchSheet!);
  expect(sheet.pageBreaks).toEqual([r.notices[1].row - 1]);
  const values = sheet.values();
  // From 2011-06-01 the 260,000.00 of 2011-03-15 is in the opening balance.
  const opening = values.find((row) => row[2] === "Opening balance")!;
  expect(opening).toEqual([toExcelSerial(fromYmd(2011, 6, 1)), "", "Opening balance", "", "", 260000]);
  const text = values.flat().filter((v): v is string => typeof v === "string");
  expect(text).toContain("Period: 2011-06-01 to 2011-08-31    Amounts in CNY");
  expect(r.notices.map((n) => n.amount)).toEqual(["1046500.00", "280000.00"]);
});

test("a period that ends before it starts is refused in both languages, and nothing is written", async () => {
  const fake = sampleFake();
  const before = JSON.stringify(fake.workbook.toData());
  await expect(run(fake, { from: fromYmd(2011, 9, 1) })).rejects.toMatchObject({ id: "statement.period-invalid" });
  expect(JSON.stringify(fake.workbook.toData())).toBe(before);
});

test("a failure at any round trip leaves the ledger untouched and each statement sheet absent or marked incomplete; the next run completes them", async () => {
  const customers = CUSTOMERS.slice(0, 2);
  const probe = sampleFake();
  probe.resetStats();
  const done = await run(probe, { customers });
  if (done.kind !== "done") throw new Error("nothing was edited");
  const syncs = probe.stats.syncs;
  const sheets = done.notices.map((n) => n.sheet);
  const finished = sheets.map((name) => sheetValues(probe, name)!);
  for (let n = 1; n <= syncs; n++) {
    const fake = sampleFake();
    const ledger = JSON.stringify(fake.workbook.getSheet(LEDGER).values());
    fake.failSync(n, { code: "AccessDenied" });
    await expect(run(fake, { customers })).rejects.toMatchObject({ name: "RichApi.Error", code: "AccessDenied" });
    expect([n, JSON.stringify(fake.workbook.getSheet(LEDGER).values())]).toEqual([n, ledger]);
    expect([n, sheets.map((name, i) => classify(fake, name, null, finished[i])).filter((o) => o === "broken")]).toEqual([n, []]);
    const again = await run(fake, { customers });
    expect([n, again.kind]).toEqual([n, "done"]);
    expect([n, sheets.map((name) => sheetValues(fake, name))]).toEqual([n, finished]);
  }
});
