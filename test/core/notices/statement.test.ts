/**
 * 对账单 (customer statements), worked by hand. The transactions ledger below, period
 * 2024-01-01 to 2024-06-30, aging bands the policy's defaults (1年以内（含1年）…, age from the date
 * arisen; "within 1 year" includes the anniversary: as of 2024-06-30, arisen on or after 2023-06-30).
 *
 * 甲公司  opening: 30,000.00 (INV-A) + 50,000.00 (INV-B) − 20,000.00 (RC-1) = 60,000.00
 *         2024-01-01 INV-C +12,000.50 → 72,000.50   (dated exactly `from`: in the period)
 *         2024-03-15 RC-2  −35,000.00 → 37,000.50
 *         2024-06-30 INV-D  +8,000.00 → 45,000.50   (dated exactly `to`: in the period)
 *         2024-07-01 INV-E  after the period: left out
 *         debits 20,000.50, credits 35,000.00; closing 60,000 + 20,000.50 − 35,000 = 45,000.50
 *         FIFO at 2024-06-30: RC-1 pays 20,000 of INV-A; RC-2 pays INV-A's 10,000 and 25,000 of INV-B.
 *         Open: INV-B 25,000.00 (2023-05-10: 1–2 years), INV-C 12,000.50 + INV-D 8,000.00 (within 1 year)
 *         → within 1 year 20,000.50, 1–2 years 25,000.00; total 45,000.50 = closing.
 * 乙公司  opening 6,000.00 (INV-F); 2024-02-10 RC-3 −9,000.25 overpays → closing −3,000.25;
 *         aging: nothing open, an advance of 3,000.25 → −3,000.25 = closing.
 * 丙公司  opening 4,500.75 (INV-G, 2023-06-30), no movement in the period; closing 4,500.75, within
 *         1 year (the anniversary is included).
 * 丁公司  only a line after the period; 戊公司 paid in full before it: no statement ("no-activity").
 */
import { fromYmd } from "../../../src/core/calendar";
import { toExcelSerial } from "../../../src/core/dates";
import { readLedger } from "../../../src/core/ledger/index";
import { buildStatements } from "../../../src/core/notices/statement";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import type { SheetSpec } from "../../../src/core/reports/sheet-spec";
import { money, rowWith } from "../reports/spec-helpers";
import { NOTICE_LEDGER } from "./notice-ledger";

const FROM = fromYmd(2024, 1, 1);
const TO = fromYmd(2024, 6, 30);
const PERIOD = { from: FROM, to: TO };

const LEDGER: unknown[][] = [
  ["日期", "客户名称", "单据号", "摘要", "借方", "贷方"],
  ["2022-03-15", "甲公司", "INV-A", "销售货款", 30000, ""], // row 2
  ["2023-05-10", "甲公司", "INV-B", "工程款", 50000, ""], // row 3
  ["2023-11-20", "甲公司", "RC-1", "收款", "", 20000], // row 4
  ["2024-01-01", "甲公司", "INV-C", "进度款", 12000.5, ""], // row 5
  ["2024-03-15", "甲公司", "RC-2", "收款", "", 35000], // row 6
  ["2024-06-30", "甲公司", "INV-D", "质保金", 8000, ""], // row 7
  ["2024-07-01", "甲公司", "INV-E", "下期货款", 99999, ""], // row 8
  ["2023-12-01", "乙公司", "INV-F", "货款", 6000, ""], // row 9
  ["2024-02-10", "乙公司", "RC-3", "收款", "", 9000.25], // row 10
  ["2023-06-30", "丙公司", "INV-G", "货款", 4500.75, ""], // row 11
  ["2024-08-01", "丁公司", "INV-H", "货款", 2000, ""], // row 12
  ["2022-01-01", "戊公司", "INV-I", "货款", 1000, ""], // row 13
  ["2022-02-01", "戊公司", "RC-4", "收款", "", 1000], // row 14
];

const reading = () => readLedger(LEDGER, { sheet: "往来明细" });

function texts(spec: SheetSpec): string[] {
  const out: string[] = [];
  for (const r of spec.rows) for (const c of r.cells) if (c !== null && typeof c.v === "string") out.push(c.v);
  return out;
}

describe("buildStatements from a transactions ledger", () => {
  const r = buildStatements(reading(), DEFAULT_POLICY, {}, PERIOD, "zh-CN");

  test("the ledger is read as transactions", () => {
    expect(reading().shape).toBe("transactions");
  });

  test("opening, each line with its running balance, closing (lines dated exactly from and to included)", () => {
    const jia = r.statements[0];
    expect(jia.customer).toBe("甲公司");
    expect([jia.opening, jia.debits, jia.credits, jia.closing]).toEqual(["60000.00", "20000.50", "35000.00", "45000.50"]);
    expect(jia.lines.map((l) => [l.date, l.row, l.document, l.summary, l.debit, l.credit, l.balance])).toEqual([
      [fromYmd(2024, 1, 1), 5, "INV-C", "进度款", "12000.50", null, "72000.50"],
      [fromYmd(2024, 3, 15), 6, "RC-2", "收款", null, "35000.00", "37000.50"],
      [fromYmd(2024, 6, 30), 7, "INV-D", "质保金", "8000.00", null, "45000.50"],
    ]);
  });

  test("the closing balance by aging band as of the period's end adds up to the closing balance", () => {
    expect(r.statements[0].aging.map((a) => [a.key, a.amount])).toEqual([
      ["y0-1", "20000.50"],
      ["y1-2", "25000.00"],
      ["y2-3", "0.00"],
      ["y3+", "0.00"],
    ]);
  });

  test("a receipt that overpays: the closing balance is a credit, shown in the aging as received in advance", () => {
    const yi = r.statements[1];
    expect(yi.customer).toBe("乙公司");
    expect([yi.opening, yi.debits, yi.credits, yi.closing]).toEqual(["6000.00", "0.00", "9000.25", "-3000.25"]);
    expect(yi.lines.map((l) => [l.credit, l.balance])).toEqual([["9000.25", "-3000.25"]]);
    expect(yi.aging.map((a) => [a.key, a.amount])).toEqual([
      ["y0-1", "0.00"],
      ["y1-2", "0.00"],
      ["y2-3", "0.00"],
      ["y3+", "0.00"],
      ["advance", "-3000.25"],
    ]);
    const t = texts(r.sheets[1]);
    expect(t.some((x) => x.includes("截至2024年6月30日，我公司预收贵单位款项人民币3,000.25元（大写：人民币叁仟元零贰角伍分）"))).toBe(true);
  });

  test("a customer with no movement in the period still gets its balance; one with nothing at all gets none", () => {
    const bing = r.statements[2];
    expect(bing.customer).toBe("丙公司");
    expect([bing.opening, bing.debits, bing.credits, bing.closing, bing.lines.length]).toEqual(["4500.75", "0.00", "0.00", "4500.75", 0]);
    // Arisen 2023-06-30: exactly one year before the period's end, still within 1 year.
    expect(bing.aging[0]).toMatchObject({ key: "y0-1", amount: "4500.75" });
    expect(r.statements).toHaveLength(3);
    expect(r.skipped).toEqual([
      { customer: "丁公司", reason: "no-activity" },
      { customer: "戊公司", reason: "no-activity" },
    ]);
  });

  test("the sheet: A4 portrait, the account, the aging, the reply slip; 账 never 帐", () => {
    const s = r.sheets[0];
    expect(s.id).toBe("statement");
    expect(s.title).toBe("对账单");
    expect(s.name).toBe("甲公司-对账单");
    expect(s.print).toEqual({ paper: "A4", orientation: "portrait", fitToWidth: true, printTitleRows: null });
    expect(s.columns).toHaveLength(6);
    const opening = rowWith(s, "期初余额", 2);
    expect(opening.cells[0]).toMatchObject({ v: toExcelSerial(FROM), t: "date" });
    expect(money(opening.cells[5])).toBe("60000.00");
    const line = s.rows.find((row) => row.kind === "body" && row.cells[1]?.v === "RC-2")!;
    expect(line.cells.map((c) => (c?.t === "money" ? money(c) : c?.v))).toEqual([toExcelSerial(fromYmd(2024, 3, 15)), "RC-2", "收款", "", "35000.00", "37000.50"]);
    const totals = rowWith(s, "本期合计", 2);
    expect([money(totals.cells[3]), money(totals.cells[4])]).toEqual(["20000.50", "35000.00"]);
    const closing = rowWith(s, "期末余额", 2);
    expect(closing.cells[0]).toMatchObject({ v: toExcelSerial(TO), t: "date" });
    expect(money(closing.cells[5])).toBe("45000.50");
    expect(money(rowWith(s, "1至2年（含2年）").cells[3])).toBe("25000.00");
    expect(money(rowWith(s, "合计（等于期末余额）").cells[3])).toBe("45000.50");
    const t = texts(s);
    expect(t).toContain("期末余额账龄分析（截至2024年6月30日）");
    expect(t.some((x) => x.includes("截至2024年6月30日，贵单位尚欠我公司款项人民币45,000.50元（大写：人民币肆万伍仟元零伍角）"))).toBe(true);
    expect(t.some((x) => x.startsWith("1. 余额相符。"))).toBe(true);
    expect(t.some((x) => x.startsWith("2. 余额不符，不符金额及原因") && x.includes("不符金额：人民币"))).toBe(true);
    expect(t.some((x) => x.includes("签章后寄回"))).toBe(true);
    expect(t.filter((x) => x.includes("帐"))).toEqual([]);
    // Not a receipts-less ledger: no such note.
    expect(t.some((x) => x.includes("不记录收款"))).toBe(false);
    // INV-E is after the period.
    expect(t).not.toContain("INV-E");
  });

  test("in English: ISO dates, the same figures", () => {
    const en = buildStatements(reading(), DEFAULT_POLICY, { customers: ["甲公司"] }, PERIOD, "en-US");
    expect(en.statements.map((x) => x.closing)).toEqual(["45000.50"]);
    const s = en.sheets[0];
    expect(s.title).toBe("Statement of Account");
    const t = texts(s);
    expect(t).toContain("Period: 2024-01-01 to 2024-06-30    Amounts in CNY");
    expect(t.some((x) => x.startsWith("1. Balance agreed."))).toBe(true);
    expect(t.some((x) => x.startsWith("2. Balance not agreed"))).toBe(true);
    expect(t).toContain("Aging of the closing balance (as at 2024-06-30)");
  });

  test("selection by customer and by the rows selected in the ledger", () => {
    expect(buildStatements(reading(), DEFAULT_POLICY, { customers: [" 丙公司 "] }, PERIOD, "zh-CN").statements.map((x) => x.customer)).toEqual(["丙公司"]);
    expect(buildStatements(reading(), DEFAULT_POLICY, { rows: [9, 11] }, PERIOD, "zh-CN").statements.map((x) => x.customer)).toEqual(["乙公司", "丙公司"]);
  });

  test("a period that ends before it starts is refused", () => {
    expect(() => buildStatements(reading(), DEFAULT_POLICY, {}, { from: TO, to: FROM }, "zh-CN")).toThrow(expect.objectContaining({ id: "statement.period-invalid" }));
  });
});

describe("amounts finer than a fen", () => {
  test("each line is rounded half-up once; the aging's rounding difference is a row of its own", () => {
    // 100.005 → 100.01 and 50.004 → 50.00: closing 50.01. Open at the end, exactly 50.001 → 50.00;
    // the 0.01 left is the rounding difference, so the aging still adds up to the closing balance.
    const r = buildStatements(
      readLedger(
        [
          ["日期", "客户名称", "单据号", "摘要", "借方", "贷方"],
          ["2024-02-01", "己公司", "INV-1", "货款", 100.005, ""],
          ["2024-03-01", "己公司", "RC-1", "收款", "", 50.004],
        ],
        { sheet: "S" },
      ),
      DEFAULT_POLICY,
      {},
      PERIOD,
      "zh-CN",
    );
    const st = r.statements[0];
    expect([st.opening, st.debits, st.credits, st.closing]).toEqual(["0.00", "100.01", "50.00", "50.01"]);
    expect(st.aging.filter((a) => a.amount !== "0.00").map((a) => [a.key, a.amount])).toEqual([
      ["y0-1", "50.00"],
      ["rounding", "0.01"],
    ]);
    expect(texts(r.sheets[0])).toContain("部分金额精确到分以下，已按四舍五入至分列示（每笔只取整一次）。");
  });
});

describe("buildStatements from an open-items ledger", () => {
  // NOTICE_LEDGER: 边界五十公司 N-03 300.10 arisen 2024-09-01 (before the period: opening),
  // N-04 200.20 arisen 2024-11-01 (in it); =SUM(A1) N-01 909,600.00 arisen exactly on `from`.
  const period = { from: fromYmd(2024, 10, 1), to: fromYmd(2024, 11, 30) };
  const r = buildStatements(readLedger(NOTICE_LEDGER, { sheet: "台账" }), DEFAULT_POLICY, { customers: ["边界五十公司", "=SUM(A1)"] }, period, "zh-CN");

  test("opening = open items arisen before the period; lines = items arisen in it, at their balances", () => {
    expect(r.statements.map((x) => [x.customer, x.opening, x.debits, x.credits, x.closing, x.lines.map((l) => l.document)])).toEqual([
      ["=SUM(A1)", "0.00", "909600.00", "0.00", "909600.00", ["N-01"]],
      ["边界五十公司", "300.10", "200.20", "0.00", "500.30", ["N-04"]],
    ]);
    expect(r.statements[1].aging[0]).toMatchObject({ key: "y0-1", amount: "500.30" });
  });

  test("an item marked written off is a memorandum item: not on the statement, and the sheet says so", () => {
    // 庚公司: G-1 1,000.00 (2024-10-15) open; G-2 2,500.00 (2024-10-20) 已核销 → closing 1,000.00.
    const ledger = [
      ["客户名称", "单据号", "发生日期", "余额", "状态"],
      ["庚公司", "G-1", "2024-10-15", 1000, "正常"],
      ["庚公司", "G-2", "2024-10-20", 2500, "已核销"],
    ];
    const w = buildStatements(readLedger(ledger, { sheet: "台账" }), DEFAULT_POLICY, {}, period, "zh-CN");
    expect(w.statements.map((x) => [x.customer, x.closing, x.lines.map((l) => l.document)])).toEqual([["庚公司", "1000.00", ["G-1"]]]);
    expect(w.statements[0].aging[0]).toMatchObject({ key: "y0-1", amount: "1000.00" });
    expect(texts(w.sheets[0])).toContain("1笔已核销的款项为备查登记事项，不在账面，未列入本对账单。");
  });

  test("an amount that cannot be read is said, on the statement or instead of it", () => {
    // 辛公司: H-1 700.00 (2024-10-10) and H-2 "七百" (unreadable); 壬公司: only an unreadable amount.
    const ledger = [
      ["客户名称", "单据号", "发生日期", "余额"],
      ["辛公司", "H-1", "2024-10-10", 700],
      ["辛公司", "H-2", "2024-10-12", "七百"],
      ["壬公司", "K-1", "2024-10-12", "七百"],
    ];
    const u = buildStatements(readLedger(ledger, { sheet: "台账" }), DEFAULT_POLICY, {}, period, "zh-CN");
    expect(u.statements.map((x) => [x.customer, x.closing])).toEqual([["辛公司", "700.00"]]);
    expect(texts(u.sheets[0])).toContain("1笔款项的金额无法读取，未列入本对账单，详见检查发现。");
    expect(u.skipped).toEqual([{ customer: "壬公司", reason: "unreadable" }]);
  });

  test("an item settled after the period's end (核销日期 later) is on the statement at its balance then, and its aging agrees", () => {
    const ledger = [
      ["客户名称", "单据号", "发生日期", "金额", "已收金额", "余额", "核销日期"],
      ["癸公司", "M-1", "2024-10-10", 8000, 8000, 0, "2024-12-15"], // settled on 12-15, after the period
      ["癸公司", "M-2", "2024-11-05", 3000, 1000, 2000, "2024-11-20"], // 1,000 received in the period
    ];
    const m = buildStatements(readLedger(ledger, { sheet: "台账" }), DEFAULT_POLICY, {}, period, "zh-CN");
    // On 11-30: M-1 8,000 still open, M-2 2,000: closing 10,000, aged within a year, no difference row.
    expect(m.statements.map((x) => [x.customer, x.debits, x.closing])).toEqual([["癸公司", "10000.00", "10000.00"]]);
    expect(m.statements[0].aging[0]).toMatchObject({ key: "y0-1", amount: "10000.00" });
  });

  test("the sheet says receipts are not in such a ledger, and ledger text stays text", () => {
    const t = texts(r.sheets[0]);
    expect(t.some((x) => x.includes("不记录收款"))).toBe(true);
    expect(t).toContain("=SUM(A1)：");
    for (const row of r.sheets[0].rows) for (const c of row.cells) if (c !== null && typeof c.v === "string" && c.v.startsWith("=")) expect(c.t).toBe("text");
  });
});
