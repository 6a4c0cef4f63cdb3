import { fromYmd } from "../../../src/core/calendar";
import { toExcelSerial } from "../../../src/core/dates";
import { buildCollectionNotices } from "../../../src/core/notices";
import { DEFAULT_POLICY, loadPolicy } from "../../../src/core/policy";
import type { SheetSpec, SpecRow } from "../../../src/core/reports/sheet-spec";
import { HYPERLINK_CUSTOMER, SMALL_LEDGER, smallReportInput } from "../../fixtures/reports/small-ledger";
import { money, rowsOf } from "../reports/spec-helpers";
import { LONG_1, LONG_2, noticeInput } from "./notice-ledger";

const AS_OF = fromYmd(2024, 12, 31);

function texts(spec: SheetSpec): string[] {
  const out: string[] = [];
  for (const r of spec.rows) for (const c of r.cells) if (c !== null && typeof c.v === "string") out.push(c.v);
  return out;
}

function sheetOf(result: { sheets: SheetSpec[]; notices: { customer: string; sheet: string }[] }, customer: string): SheetSpec {
  const n = result.notices.find((x) => x.customer === customer);
  if (n === undefined) throw new Error(`no notice for ${customer}`);
  const s = result.sheets.find((x) => x.name === n.sheet);
  if (s === undefined) throw new Error(`no sheet ${n.sheet}`);
  return s;
}

function totalRows(spec: SheetSpec): SpecRow[] {
  return rowsOf(spec, "total");
}

describe("buildCollectionNotices on the small ledger", () => {
  const input = smallReportInput();
  const r = buildCollectionNotices(input, {}, AS_OF, "zh-CN");

  test("one sheet per customer with open items; customers with nothing open skipped with the reason", () => {
    expect(r.notices.map((n) => [n.customer, n.approach, n.total, n.items])).toEqual([
      ["甲公司", "gentle", "150000.00", 2], // not assessed: the mildest letter
      ["乙公司", "firm", "50000.55", 2], // (40,000 × 0.6 + 10,000.55 × 0.8) ÷ 50,000.55 = 0.64
      ["丙公司", "legal", "200000.00", 1], // expected recovery 50,000 ÷ 200,000 = 0.25
      ["丁公司", "gentle", "30000.00", 1],
      ["戊公司", "legal", "8000.00", 1],
      // 95% is the wait tier, but its item is 呆账: 004 五.第七条 wants it collected (a named
      // collector, as the collection plan says), so it gets the mildest letter rather than none.
      ["庚公司", "gentle", "12345.67", 1],
      ["壬公司", "gentle", "5000.00", 1],
    ]);
    expect(r.sheets).toHaveLength(7);
    expect(r.skipped).toEqual([
      { customer: HYPERLINK_CUSTOMER, reason: "no-open-items", probability: null, explanation: null }, // 已核销
    ]);
  });

  test("items, days past due, the total in figures and in capitals", () => {
    const s = sheetOf(r, "甲公司");
    const body = rowsOf(s, "body");
    expect(body.map((b) => [b.cells[0]?.v, b.cells[1]?.v, b.cells[3]?.v, b.cells[4]?.v, b.cells[5]?.v, money(b.cells[6])])).toEqual([
      [1, "INV-01", toExcelSerial(fromYmd(2024, 11, 30)), toExcelSerial(fromYmd(2024, 12, 30)), 1, "100000.00"],
      [2, "INV-02", toExcelSerial(fromYmd(2024, 6, 30)), toExcelSerial(fromYmd(2024, 7, 30)), 154, "50000.00"],
    ]);
    const [total, words] = totalRows(s);
    expect(money(total.cells[6])).toBe("150000.00");
    expect(words.cells[0]?.v).toBe("合计人民币（大写）");
    expect(words.cells[2]).toEqual({ v: "壹拾伍万元整", t: "text", style: "total" });
    expect(texts(s)).toContain("根据双方签订的合同约定，截至2024年12月31日，贵单位尚欠我公司款项共计人民币150,000.00元（大写：人民币壹拾伍万元整），明细如下：");
    expect(money(totalRows(sheetOf(r, "乙公司"))[0].cells[6])).toBe("50000.55");
    expect(totalRows(sheetOf(r, "乙公司"))[1].cells[2]?.v).toBe("伍万元零伍角伍分");
  });

  test("an item without a due date shows no days past due", () => {
    const body = rowsOf(sheetOf(r, "壬公司"), "body");
    expect(body[0].cells[4]).toEqual({ v: null, t: "date" });
    expect(body[0].cells[5]).toEqual({ v: null, t: "integer" });
  });

  test("payee account, pay-by date (as-of + 15 days), already-paid line and the general manager's signature lines", () => {
    const t = texts(sheetOf(r, "甲公司"));
    expect(t).toContain("付款期限：2025年1月15日");
    expect(t).toContain(`账号：${DEFAULT_POLICY.company.payee.accountNo}`);
    expect(t).toContain(`开户银行：${DEFAULT_POLICY.company.payee.bank}`);
    expect(t).toContain(`户名：${DEFAULT_POLICY.company.payee.accountName}`);
    expect(t).toContain("如贵单位在收到本通知前已付清上述款项，请忽略本通知，并请将付款凭证复印件寄送我公司，以便核对。");
    expect(t).toContain("总经理（签字）：＿＿＿＿＿＿＿＿");
    expect(t).toContain("（公司盖章）");
    expect(r.notices[0].payBy).toBe(fromYmd(2025, 1, 15));
  });

  test("one collection log row per notice: date, customer, method letter, amount, collector", () => {
    expect(r.logRows.map((l) => [l.contactDate, l.customer, l.method, l.amount, l.collector])).toEqual([
      [AS_OF, "甲公司", "信函", "150000.00", "张三"],
      [AS_OF, "乙公司", "信函", "50000.55", "李四"],
      [AS_OF, "丙公司", "信函", "200000.00", "张三"],
      [AS_OF, "丁公司", "信函", "30000.00", "李四"],
      [AS_OF, "戊公司", "信函", "8000.00", "王五"],
      [AS_OF, "庚公司", "信函", "12345.67", "孙七"],
      [AS_OF, "壬公司", "信函", "5000.00", "李四"],
    ]);
    expect(r.logRows[0].note).toBe("应收账款催款通知书（甲公司-应收账款催款通知书）");
  });

  test("print setup: portrait on the policy's paper, fit to width, one customer per sheet, nothing repeated", () => {
    for (const s of r.sheets) {
      expect(s.id).toBe("collectionNotice");
      expect(s.print).toEqual({ paper: "A4", orientation: "portrait", fitToWidth: true, printTitleRows: null });
      expect(s.charts).toEqual([]);
    }
    const a5 = buildCollectionNotices(input, { customers: ["甲公司"] }, AS_OF, "zh-CN");
    expect(a5.sheets[0].print.paper).toBe("A4");
    const onA5 = buildCollectionNotices(smallReportInput({ policy: loadPolicy({ notices: { paper: "A5" } }) }), { customers: ["甲公司"] }, AS_OF, "zh-CN");
    expect(onA5.sheets[0].print.paper).toBe("A5");
  });
});

describe("the wait tier against the aging class (004 六.第三条 against 五.第六条、第七条)", () => {
  // 庚公司 at 95% (wait), its one item made recent: arisen 2024-11-01, due 2024-12-01, 30 days past due
  // on 2024-12-31: overdue, below the default collection.neverWaitFromClass (stale).
  const ledger = SMALL_LEDGER.map((r) => (r[1] === "庚公司" ? [...r.slice(0, 5), "2024-11-01", "2024-12-01", ...r.slice(7)] : r));

  test("only overdue: the tier's 'do not disturb' stands, and the reason is the tier's own words", () => {
    const r = buildCollectionNotices(smallReportInput({ ledger }), { customers: ["庚公司"] }, AS_OF, "zh-CN");
    expect(r.notices).toEqual([]);
    expect(r.skipped).toEqual([{ customer: "庚公司", reason: "wait-tier", probability: "0.95", explanation: "一般不打扰客户，等待客户主动付款" }]);
  });

  test("a company that sets neverWaitFromClass to overdue (五.第六条 names overdue too) gets the courteous letter", () => {
    const policy = loadPolicy({ collection: { neverWaitFromClass: "overdue" } });
    const r = buildCollectionNotices(smallReportInput({ ledger, policy }), { customers: ["庚公司"] }, AS_OF, "zh-CN");
    expect(r.notices.map((n) => [n.customer, n.approach, n.total])).toEqual([["庚公司", "gentle", "12345.67"]]);
    expect(r.skipped).toEqual([]);
  });
});

describe("selection", () => {
  const input = smallReportInput();

  test("explicit sheet rows: only those items, the tone still from the customer's whole assessment", () => {
    // Sheet rows 3 (甲 INV-01) and 5 (乙 INV-03): the fixture's data starts on sheet row 3.
    const r = buildCollectionNotices(input, { rows: [3, 5] }, AS_OF, "zh-CN");
    expect(r.notices.map((n) => [n.customer, n.approach, n.total])).toEqual([
      ["甲公司", "gentle", "100000.00"],
      ["乙公司", "firm", "40000.00"],
    ]);
    expect(r.skipped).toEqual([]);
  });

  test("by aging class", () => {
    const r = buildCollectionNotices(input, { classes: ["bad"] }, AS_OF, "zh-CN");
    expect(r.notices.map((n) => [n.customer, n.total])).toEqual([
      ["乙公司", "40000.00"],
      ["丙公司", "200000.00"],
      ["丁公司", "30000.00"],
      ["戊公司", "8000.00"],
      ["庚公司", "12345.67"],
    ]);
    expect(r.skipped).toEqual([]);
  });

  test("by department (the customer master's department when the row has none)", () => {
    const r = buildCollectionNotices(input, { departments: ["二部"] }, AS_OF, "zh-CN");
    expect(r.notices.map((n) => [n.customer, n.total])).toEqual([
      ["乙公司", "50000.55"],
      ["丁公司", "30000.00"],
      ["壬公司", "5000.00"],
    ]);
    // 己公司's −3,000.00 is an advance, not an open item: no customer of the notices at all.
    expect(r.skipped.map((s) => [s.customer, s.reason])).toEqual([]);
    const third = buildCollectionNotices(input, { departments: ["三部"] }, AS_OF, "zh-CN");
    // 三部 is 庚公司's, from the customer master: its 呆账 gets a letter despite the 95% (五.第七条).
    expect(third.notices.map((n) => n.customer)).toEqual(["庚公司"]);
  });

  test("by customer, compared as the check compares names; filters combine", () => {
    const r = buildCollectionNotices(input, { customers: [" 甲公司 "] }, AS_OF, "zh-CN");
    expect(r.notices.map((n) => n.customer)).toEqual(["甲公司"]);
    const both = buildCollectionNotices(input, { customers: ["甲公司", "乙公司"], classes: ["stale"] }, AS_OF, "zh-CN");
    expect(both.notices.map((n) => [n.customer, n.total])).toEqual([["甲公司", "50000.00"]]);
    expect(buildCollectionNotices(input, { customers: ["无此客户"] }, AS_OF, "zh-CN")).toEqual({ sheets: [], notices: [], skipped: [], logRows: [] });
  });
});

describe("tone by tier, capitals, formula-looking names and sheet names", () => {
  const r = buildCollectionNotices(noticeInput(), {}, AS_OF, "zh-CN");

  test("tiers at their edges: 0.90 wait, 0.8999 and 0.70 gentle, 0.6999 firm, 0.50 and 0.4999 legal (004 六.第三条: 50%以下 includes 50%)", () => {
    expect(r.notices.map((n) => [n.customer, n.approach])).toEqual([
      ["=SUM(A1)", "gentle"],
      ["边界五十公司", "legal"],
      ["+86客户", "legal"],
      ["-客户", "gentle"],
      ["@客户", "firm"],
      [LONG_1, "firm"],
      [LONG_2, "firm"],
    ]);
    expect(r.skipped).toEqual([{ customer: "边界九十公司", reason: "wait-tier", probability: "0.9", explanation: DEFAULT_POLICY.collectionTiers[0].label["zh-CN"] }]);
  });

  test("each tone's own wording: courteous, firm, stern with the legal step", () => {
    const gentle = texts(sheetOf(r, "=SUM(A1)"));
    const firm = texts(sheetOf(r, "@客户"));
    const legal = texts(sheetOf(r, "+86客户"));
    expect(gentle).toContain("首先感谢贵单位一直以来对我公司的信任与支持！");
    expect(firm).toContain("我公司已就下列款项多次与贵单位联系，但至今仍未收到贵单位的付款。");
    expect(firm.some((t) => t.includes("派专人上门催收"))).toBe(true);
    expect(legal.some((t) => t.includes("依法提请仲裁或向人民法院提起诉讼"))).toBe(true);
    expect(gentle.some((t) => t.includes("仲裁"))).toBe(false);
    expect(firm.some((t) => t.includes("仲裁"))).toBe(false);
  });

  test("totals to the cent and in capitals", () => {
    const cases: [string, string, string][] = [
      ["=SUM(A1)", "909600.00", "玖拾万玖仟陆佰元整"],
      ["边界五十公司", "500.30", "伍佰元零叁角"],
      ["+86客户", "1680.32", "壹仟陆佰捌拾元零叁角贰分"],
      ["-客户", "100.05", "壹佰元零伍分"],
      ["@客户", "10.00", "壹拾元整"],
    ];
    for (const [customer, total, words] of cases) {
      const [figures, capitals] = totalRows(sheetOf(r, customer));
      expect(money(figures.cells[6])).toBe(total);
      expect(capitals.cells[2]?.v).toBe(words);
    }
    expect(texts(sheetOf(r, "=SUM(A1)"))).toContain("根据双方签订的港口一期合同约定，截至2024年12月31日，贵单位尚欠我公司款项共计人民币909,600.00元（大写：人民币玖拾万玖仟陆佰元整），明细如下：");
  });

  test("addressee, contacts from the customer master and the contract/project basis", () => {
    const t = texts(sheetOf(r, "=SUM(A1)"));
    expect(t).toContain("=SUM(A1)：");
    expect(t).toContain("联系人：赵六　联系电话：0771-1234567　地址：南宁市青秀区");
    expect(t).toContain("合同/项目：港口一期");
    expect(texts(sheetOf(r, "边界五十公司"))).toContain("合同/项目：码头、仓库");
    const body = rowsOf(sheetOf(r, "=SUM(A1)"), "body");
    expect(body[0].cells[5]?.v).toBe(61); // 2024-10-31 → 2024-12-31
    expect(rowsOf(sheetOf(r, "-客户"), "body")[0].cells[5]?.v).toBe(0); // not yet due
  });

  test("names starting with = + - @ are text cells everywhere they appear", () => {
    for (const name of ["=SUM(A1)", "+86客户", "-客户", "@客户"]) {
      const s = sheetOf(r, name);
      const cells = s.rows.flatMap((row) => row.cells).filter((c) => c !== null && typeof c.v === "string" && c.v.includes(name));
      expect(cells.length).toBeGreaterThan(0);
      for (const c of cells) expect(c?.t).toBe("text");
      // The addressee line starts with the name itself.
      expect(cells.some((c) => typeof c?.v === "string" && c.v.startsWith(name[0]))).toBe(true);
    }
  });

  test("sheet names: at most 31 characters, unique without case, none of \\ / ? * [ ] :", () => {
    const names = r.sheets.map((s) => s.name);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[\\/?*[\]:]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(sheetOf(r, LONG_1).name).toBe("广西壮族自治区北部湾国际港务集团有限公司第-应收账款催款通知书");
    expect(sheetOf(r, LONG_2).name).toBe("广西壮族自治区北部湾国际港务集团有限(2)-应收账款催款通知书");
    const again = buildCollectionNotices(noticeInput(), { customers: ["@客户"] }, AS_OF, "zh-CN", { existingSheetNames: ["@客户-应收账款催款通知书".toUpperCase()] });
    expect(again.sheets[0].name).toBe("@客户(2)-应收账款催款通知书");
  });

  test("in English: the policy's English wording, dates in ISO, capitals kept", () => {
    const en = buildCollectionNotices(noticeInput(), { customers: ["+86客户"] }, AS_OF, "en-US");
    const s = en.sheets[0];
    expect(s.title).toBe("Collection Notice");
    expect(s.name).toBe("+86客户-Collection Notice");
    const t = texts(s);
    expect(t).toContain("To +86客户:");
    expect(t).toContain("Pay by: 2025-01-15");
    expect(t.some((x) => x.includes("arbitration"))).toBe(true);
    expect(t).toContain("Under the contract between us, as of 2024-12-31 your company owes us a total of CNY 1,680.32 (in words: 壹仟陆佰捌拾元零叁角贰分), itemised below:");
    expect(en.logRows[0]).toMatchObject({ customer: "+86客户", method: "letter", amount: "1680.32", collector: "李四" });
  });

  test("a company's own wording and pay-by days from the policy", () => {
    const policy = loadPolicy({ notices: { payByDays: 7, collection: { gentle: { opening: { "zh-CN": "您好，{customer}！", "en-US": "Hello {customer}" } } } } });
    const own = buildCollectionNotices(noticeInput(policy), { customers: ["-客户"] }, AS_OF, "zh-CN");
    const t = texts(own.sheets[0]);
    expect(t).toContain("您好，-客户！");
    expect(t).toContain("付款期限：2025年1月7日");
  });
});
