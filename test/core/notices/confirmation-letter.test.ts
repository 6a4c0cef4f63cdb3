import { fromYmd } from "../../../src/core/calendar";
import { toExcelSerial } from "../../../src/core/dates";
import { buildConfirmationLetters } from "../../../src/core/notices";
import { loadPolicy } from "../../../src/core/policy";
import type { SheetSpec } from "../../../src/core/reports/sheet-spec";
import { HYPERLINK_CUSTOMER, smallReportInput } from "../../fixtures/reports/small-ledger";
import { money, rowsOf } from "../reports/spec-helpers";
import { noticeInput } from "./notice-ledger";

const AS_OF = fromYmd(2024, 12, 31);

function texts(spec: SheetSpec): string[] {
  const out: string[] = [];
  for (const r of spec.rows) for (const c of r.cells) if (c !== null && typeof c.v === "string") out.push(c.v);
  return out;
}

describe("buildConfirmationLetters", () => {
  test("no confirmation column: every customer owing us gets a letter, whatever its collection tier", () => {
    const r = buildConfirmationLetters(smallReportInput(), {}, AS_OF, "zh-CN");
    expect(r.letters.map((l) => [l.customer, l.balance, l.lastConfirmed])).toEqual([
      ["甲公司", "150000.00", null],
      ["乙公司", "50000.55", null],
      ["丙公司", "200000.00", null],
      ["丁公司", "30000.00", null],
      ["戊公司", "8000.00", null],
      ["庚公司", "12345.67", null], // wait tier: no dunning, but still confirmed (POLICY §7)
      ["壬公司", "5000.00", null],
    ]);
    expect(r.skipped).toEqual([
      { customer: HYPERLINK_CUSTOMER, reason: "no-balance", lastConfirmed: null }, // written off: off the books
    ]);
  });

  test("six months to the day, as the check counts: confirmed 2024-06-30 is due on 2024-12-31, 2024-07-01 is not", () => {
    const r = buildConfirmationLetters(noticeInput(), { customers: ["=SUM(A1)", "边界九十公司"] }, AS_OF, "zh-CN");
    expect(r.letters.map((l) => [l.customer, l.balance, l.lastConfirmed])).toEqual([["=SUM(A1)", "909600.00", fromYmd(2024, 6, 30)]]);
    expect(r.skipped).toEqual([{ customer: "边界九十公司", reason: "confirmed-recently", lastConfirmed: fromYmd(2024, 7, 1) }]);
    // With a 12-month interval neither is due.
    const yearly = buildConfirmationLetters(noticeInput(loadPolicy({ reconciliationIntervalMonths: 12 })), { customers: ["=SUM(A1)"] }, AS_OF, "zh-CN");
    expect(yearly.letters).toEqual([]);
    expect(yearly.skipped.map((s) => s.reason)).toEqual(["confirmed-recently"]);
  });

  test("the letter: cut-off date, balance per our books in figures and capitals, reply section, not a demand for payment", () => {
    const r = buildConfirmationLetters(noticeInput(), { customers: ["=SUM(A1)"] }, AS_OF, "zh-CN");
    const s = r.sheets[0];
    expect(s.id).toBe("confirmationLetter");
    expect(s.title).toBe("应收账款询证函");
    expect(s.name).toBe("=SUM(A1)-应收账款询证函");
    expect(s.print).toEqual({ paper: "A4", orientation: "portrait", fitToWidth: true, printTitleRows: null });
    const [figures] = rowsOf(s, "body");
    expect(figures.cells[0]).toEqual({ v: toExcelSerial(AS_OF), t: "date" });
    expect(money(figures.cells[1])).toBe("909600.00");
    expect(figures.cells[2]).toEqual({ v: "玖拾万玖仟陆佰元整", t: "text", style: "wrap" });
    const t = texts(s);
    expect(t).toContain("=SUM(A1)：");
    expect(t.some((x) => x.includes("截至2024年12月31日贵单位尚欠我公司款项人民币909,600.00元（大写：人民币玖拾万玖仟陆佰元整）"))).toBe(true);
    expect(t).toContain("本函仅为复核账目之用，并非催款结算。若款项在上述日期之后已经付清，仍请及时函复为盼。");
    expect(t.some((x) => x.startsWith("1. 数据证明无误。"))).toBe(true);
    expect(t.some((x) => x.startsWith("2. 数据不符") && x.includes("贵单位记录的余额"))).toBe(true);
    for (const row of s.rows) for (const c of row.cells) if (c !== null && typeof c.v === "string" && c.v.startsWith("=")) expect(c.t).toBe("text");
  });

  test("the balance per our books is the customer's whole balance, whatever rows were selected", () => {
    const r = buildConfirmationLetters(noticeInput(), { rows: [5] }, AS_OF, "en-US");
    expect(r.letters.map((l) => [l.customer, l.balance])).toEqual([["边界五十公司", "500.30"]]);
    const t = texts(r.sheets[0]);
    expect(r.sheets[0].name).toBe("边界五十公司-Balance Confirmation");
    expect(t.some((x) => x.includes("not a demand for payment"))).toBe(true);
    expect(t.some((x) => x.includes("CNY 500.30 (in words: 伍佰元零叁角)"))).toBe(true);
  });

  test("on A5 when the policy says so", () => {
    const r = buildConfirmationLetters(noticeInput(loadPolicy({ notices: { paper: "A5" } })), { customers: ["@客户"] }, AS_OF, "zh-CN");
    expect(r.sheets[0].print.paper).toBe("A5");
  });
});
