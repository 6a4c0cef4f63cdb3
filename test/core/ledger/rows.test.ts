/**
 * Reading ledger rows, layout by layout (test/fixtures/ledgers), then cell by cell.
 *
 * Timing (not a timed test; measured by hand with a bundled script, node 20, one core, GC
 * between runs): readLedger over 1,048,575 data rows —
 *   6 columns of numbers (serial date, credit days, amount, received, balance, a numeric
 *   customer code as text): about 0.33 s;
 *   8 columns with 3 text columns (customer, document, collector) and 4 money columns:
 *   about 0.55 s.
 * The input array itself is not counted. The money stays in integer fen (Float64Array) and
 * rows are views over column arrays; making one Decimal or one 30-field object per row
 * instead costs over a second on its own.
 */
import Decimal from "decimal.js";
import { fromYmd } from "../../../src/core/calendar";
import { readLedger, totalMarker, unwrapCell, type LedgerReading, type ParseIssue } from "../../../src/core/ledger";
import { BANNER_TWO_ROW } from "../../fixtures/ledgers/bannerTwoRow";
import { ENGLISH } from "../../fixtures/ledgers/english";
import { NO_HEADER } from "../../fixtures/ledgers/noHeader";
import { PLAIN_ZH } from "../../fixtures/ledgers/plainZh";
import { SUBTOTALS } from "../../fixtures/ledgers/subtotals";
import { TELECOM_000 } from "../../fixtures/ledgers/telecom000";
import { TEXT_AMOUNTS } from "../../fixtures/ledgers/textAmounts";
import { TITLE_UNITS } from "../../fixtures/ledgers/titleUnits";
import { thrown } from "../../helpers/errors";

const d = fromYmd;

/** Issues as "row column field issue" for compact expectations. */
function brief(issues: readonly ParseIssue[]): string[] {
  return issues.map((i) => `${i.row} ${i.column} ${i.field} ${i.issue}`);
}

function read(values: unknown[][], sheet = "应收"): LedgerReading {
  return readLedger(values, { sheet });
}

describe("layout 1: plain zh header in row 1", () => {
  const r = read(PLAIN_ZH);

  it("reads every column into its field", () => {
    expect(r.shape).toBe("open-items");
    expect(r.header).toMatchObject({ row: 1, rows: [1] });
    expect(r.rows.map((x) => x.toJSON())).toEqual([
      {
        sheet: "应收",
        row: 2,
        customer: "遂宁市华亿网络工程有限公司",
        customerCode: null,
        project: "城区电子警察系统",
        department: "工程一部",
        document: "FP-001",
        voucher: null,
        appliesTo: null,
        dateArisen: "2011-01-10", // serial 40553
        creditDays: 30,
        dueDate: null,
        amount: "120000.00",
        received: "20000.00",
        balance: "100000.00",
        balanceDerived: false,
        contractAmount: null,
        status: "正常",
        recoveryProbability: "0.9",
        expectedRecovery: null,
        lastConfirmed: "2011-06-30", // serial 40724
        lastPaymentDate: null,
        targetDate: null,
        collector: "王强",
        type: "工程款",
        agingLabel: null,
        note: null,
      },
      {
        sheet: "应收",
        row: 3,
        customer: "成都千嘉科技有限公司",
        customerCode: null,
        project: "电话线销售",
        department: "市场部",
        document: "FP-002",
        voucher: null,
        appliesTo: null,
        dateArisen: "2011-03-10",
        creditDays: 60,
        dueDate: "2011-05-09", // 40672 = 40612 + 60
        amount: "15900.00",
        received: "0.00",
        balance: "15900.00",
        balanceDerived: false,
        contractAmount: null,
        status: "对方拒绝支付",
        recoveryProbability: "0.3", // "30%"
        expectedRecovery: "0.00",
        lastConfirmed: "2010-09-12", // 40433
        lastPaymentDate: null,
        targetDate: null,
        collector: "李明",
        type: "货款",
        agingLabel: null,
        note: "质量争议",
      },
      {
        sheet: "应收",
        row: 4,
        customer: "中国联通遂宁分公司",
        customerCode: null,
        project: null,
        department: "工程二部",
        document: "778899", // a number in a text column, as written
        voucher: null,
        appliesTo: null,
        dateArisen: "2011-03-10",
        creditDays: null,
        dueDate: null,
        amount: "50000.50",
        received: null,
        balance: "50000.50", // derived: 50000.50 − (blank received = 0)
        balanceDerived: true,
        contractAmount: null,
        status: null,
        recoveryProbability: null,
        expectedRecovery: null,
        lastConfirmed: null,
        lastPaymentDate: null,
        targetDate: null,
        collector: "张华",
        type: "押金",
        agingLabel: null,
        note: null,
      },
    ]);
    expect(r.issues).toEqual([]);
    expect(r.skipped).toEqual([]);
  });

  it("gives money as Decimal and as exact fen", () => {
    const row = r.rows[2];
    expect(row.amount).toBeInstanceOf(Decimal);
    expect(row.amount?.toString()).toBe("50000.5");
    expect(row.amountFen).toBe(5000050);
    expect(row.balanceFen).toBe(5000050);
    expect(row.receivedFen).toBeNaN(); // no value
    expect(row.received).toBeNull();
    expect(row.hasMoney("received")).toBe(false);
    expect(row.moneySign("balance")).toBe(1);
    expect(row.dateArisen).toBe(d(2011, 3, 10));
    expect(row.raw).toBe(PLAIN_ZH[3]);
  });
});

describe("layout 2: title, units line, blank row, header in row 4", () => {
  const r = read(TITLE_UNITS);

  it("finds the header and the units line", () => {
    expect(r.header.row).toBe(4);
    expect(r.units).toEqual({
      scale: 10000,
      source: { row: 2, column: "F", text: "单位：万元" },
      columns: { amount: 10000, received: 10000, balance: 10000 },
    });
  });

  it("reads numbers in 万元 and text that names its own unit as written", () => {
    // 91.66万 = 916,600.00 yuan = 91,660,000 fen; 83 − 69 = 14 万 balance as given.
    expect(r.rows.map((x) => [x.row, x.amountFen, x.receivedFen, x.balanceFen])).toEqual([
      [5, 91660000, 0, 91660000],
      [6, 83000000, 69000000, 14000000],
      // "50000元" says 元 itself: 50,000.00 yuan, not 50000万.
      [7, 5000000, 5000000, 0],
    ]);
    expect(r.rows[0].amount?.toString()).toBe("916600");
  });
});

describe("layout 3: English headers", () => {
  const r = read(ENGLISH, "AR");

  it("maps the English words and reads the rows", () => {
    expect(r.mapping.confidence).toBe(1);
    expect(r.rows.map((x) => [x.customer, x.document, x.dateArisen, x.creditDays, x.dueDate, x.balanceFen, x.expectedRecoveryFen])).toEqual([
      // 40553 = 2011-01-10, 40583 = 2011-02-09
      ["Total Telecom Ltd", "INV-1001", d(2011, 1, 10), 30, d(2011, 2, 9), 20000000, NaN],
      ["Acme Construction", "INV-1002", d(2011, 3, 10), 45, null, 8000000, 1600000],
    ]);
    expect(r.rows.map((x) => x.recoveryProbability?.toString())).toEqual(["0.95", "0.2"]);
  });

  it("does not take a customer called Total Telecom for a total line", () => {
    expect(r.skipped).toEqual([]);
  });
});

describe("layout 4: merged banner and a two-row header", () => {
  const r = read(BANNER_TWO_ROW);

  it("reads under the two header rows", () => {
    expect(r.header).toMatchObject({ row: 3, rows: [2, 3] });
    expect(r.mapping.columns.map((c) => `${c.letter}:${c.field}:${c.header}`)).toEqual([
      "A:customer:客户",
      "B:dateArisen:发生日期",
      "C:amount:金额(元) / 应收",
      "D:received:金额(元) / 已收",
      "E:balance:金额(元) / 余额",
      "F:collector:责任人",
    ]);
    expect(r.rows.map((x) => [x.row, x.customer, x.amountFen, x.receivedFen, x.balanceFen])).toEqual([
      [4, "成都军通通信有限公司", 1000000, 400000, 600000],
      [5, "遂宁市大英县执法局", 3000000, 0, 3000000],
    ]);
  });
});

describe("layout 5: amounts as text, dates in every spelling", () => {
  const r = read(TEXT_AMOUNTS);

  it("reads every spelling of the same day", () => {
    const sept8 = d(2011, 9, 8);
    // Rows 2-7: "2011-09-08", "2011/9/8", "2011年9月8日", serial 40794, a JS Date at UTC midnight, 20110908.
    expect(r.rows.slice(0, 6).map((x) => x.dateArisen)).toEqual([sept8, sept8, sept8, sept8, sept8, sept8]);
  });

  it("reads every spelling of an amount", () => {
    expect(r.rows.slice(0, 6).map((x) => x.amount?.toFixed(2))).toEqual([
      "1234.50", // ¥1,234.50
      "12000.00", // 12,000.00元
      "-500.00", // (500.00)
      "15000.00", // 1.5万
      "2468.00", // exceljs formula cell {formula, result: 2468}
      "1234.00", // full-width １，２３４．００
    ]);
    expect(r.rows.slice(0, 6).map((x) => x.creditDays)).toEqual([30, 30, null, 45, null, null]); // "30天", "30", "", 45
  });

  it("reports each bad cell by sheet, row, column and field, and still returns the row", () => {
    expect(brief(r.issues)).toEqual([
      "8 B dateArisen bad-date", // 2011-13-01
      "8 D amount bad-amount", // 一千元
      "8 E balance excel-error", // #N/A
      "8 F creditDays bad-number", // 三十天
      "9 B dateArisen bad-date", // 9/8/2011: day and month order unknown
      "9 F creditDays bad-number", // -5
    ]);
    const bad = r.rows.find((x) => x.row === 8);
    expect(bad?.toJSON()).toMatchObject({ customer: "庚公司", dateArisen: null, amount: null, balance: null, creditDays: null });
    // Row 9: the amount reads, the balance is derived from it, only the bad cells are null.
    expect(r.rows.find((x) => x.row === 9)?.toJSON()).toMatchObject({ amount: "1234.50", balance: "1234.50", balanceDerived: true, dateArisen: null });
  });

  it("writes messages that name the place and say what was expected, in both languages", () => {
    const i = r.issues[0];
    expect(i).toMatchObject({ sheet: "应收", row: 8, column: "B", field: "dateArisen", issue: "bad-date", severity: "error", value: "2011-13-01" });
    expect(i.zh).toBe("工作表“应收”第 8 行 B 列（发生日期）：日期“2011-13-01”不存在：没有13月。");
    expect(i.en).toBe('Sheet "应收", row 8, column B (date arisen): The date "2011-13-01" does not exist: there is no month 13.');
    expect(r.issues[3].en).toBe('Sheet "应收", row 8, column F (credit days): "三十天" is not valid for credit days; expected a whole number of days, e.g. 30 or 30天.');
    expect(r.issues[2].en).toContain("holds the Excel error #N/A and is read as blank");
    expect(r.issues[4].en).toContain("Accepted spellings");
  });
});

describe("layout 7: subtotal, total, blank, carry-forward and repeated header rows", () => {
  const r = read(SUBTOTALS);

  it("skips them and lists each, with the words that made it", () => {
    expect(r.skipped).toEqual([
      { row: 4, reason: "subtotal", text: "成都军通通信有限公司 小计" },
      { row: 5, reason: "blank", text: "" },
      { row: 7, reason: "blank", text: "" },
      { row: 8, reason: "carry-forward", text: "承前页" },
      { row: 9, reason: "repeated-header", text: "客户" },
      { row: 11, reason: "subtotal", text: "合计：" },
      { row: 12, reason: "footer", text: "制表人：张三　审核：李四" },
      // Rows 13-14 are blank after the last row of the table: not listed.
    ]);
  });

  it("keeps the receivables, including a note that says 累计 and a customer named 总计…", () => {
    expect(r.rows.map((x) => [x.row, x.customer, x.balanceFen])).toEqual([
      [2, "成都军通通信有限公司", 100000],
      [3, "成都军通通信有限公司", 200000],
      [6, "总计科技有限公司", 50000],
      [10, "遂宁市华亿网络工程有限公司", 70000],
    ]);
    // 1000 + 2000 + 500 + 700 = 4200, the 合计 line's own figure.
    expect(r.rows.reduce((s, x) => s + x.balanceFen, 0)).toBe(420000);
    expect(r.issues).toEqual([]);
  });
});

describe("汇总, 共计 and 总额 lines are totals, not customers", () => {
  it("skips them, reconciles against them, and keeps the customers", () => {
    const r = readLedger(
      [
        ["客户名称", "发票号", "发生日期", "金额", "余额"],
        ["甲公司", "F1", 40553, 50000, 50000], // row 2
        ["甲公司", "F2", 40584, 30000, 30000], // row 3
        ["甲公司 共计", "", "", 80000, 80000], // row 4
        ["乙公司", "F3", 40612, 42999.99, 42999.99], // row 5
        ["汇总", "", "", 122999.99, 122999.99], // row 6: 80,000 + 42,999.99
        ["总额", "", "", 122999.99, 122999.99], // row 7
      ],
      { sheet: "应收" },
    );
    expect(r.rows.map((x) => x.row)).toEqual([2, 3, 5]);
    expect(r.skipped.map((x) => `${x.row} ${x.reason}`)).toEqual(["4 subtotal", "6 subtotal", "7 subtotal"]);
    expect(r.reconciliation.status).toBe("reconciled");
  });

  it("keeps lines whose values merely start or end with 汇总 or 共计 (汇总开票, 共计3张)", () => {
    const r = readLedger(
      [
        ["客户名称", "发票号", "开票日期", "开票方式", "金额", "余额"],
        ["甲公司", "F1", 40553, "单张开票", 50000, 50000],
        ["乙公司", "F2", 40584, "汇总开票", 30000, 30000],
        ["丙公司", "F3", 40584, "共计3张", 20000, 20000],
        ["合计", "", "", "", 100000, 100000],
      ],
      { sheet: "应收" },
    );
    expect(r.rows.map((x) => x.row)).toEqual([2, 3, 4]);
    expect(r.reconciliation.status).toBe("reconciled");
  });

  it("says a 汇总 that disagrees with the lines above it", () => {
    const r = readLedger(
      [
        ["客户名称", "发票号", "发生日期", "金额", "余额"],
        ["甲公司", "F1", 40553, 50000, 50000],
        ["乙公司", "F3", 40612, 42999.99, 42999.99],
        ["汇总", "", "", 93000, 93000], // 0.01 more than the lines: 92,999.99
      ],
      { sheet: "应收" },
    );
    expect(r.reconciliation.status).toBe("differences");
  });
});

describe("a balance left blank is checked against the stated total too", () => {
  it("says the 合计 that SUM()s the 余额 column disagrees with a blank balance read as amount − received", () => {
    const r = readLedger(
      [
        ["客户名称", "发票号", "发生日期", "金额", "已收金额", "余额", "状态"],
        ["甲公司", "F1", 40553, 100000, 20000, 80000, ""], // row 2
        ["乙公司", "F2", 40584, 30000, "", "", ""], // row 3: 余额 blank, read as 30,000 − 0
        ["丙公司", "F3", 40612, 75500.5, "", 75500.5, ""], // row 4
        ["合计", "", "", 205500.5, 20000, 155500.5, ""], // row 5: =SUM(F2:F4) counts row 3 as 0
      ],
      { sheet: "台账" },
    );
    // Read: 80,000 + 30,000 + 75,500.50 = 185,500.50 open against the stated 155,500.50; 金额
    // (205,500.50) and 已收 (20,000) agree. Before, the blank balance was left out of the sum and
    // the ledger "reconciled" while 30,000 more was reported open than it states.
    expect(r.reconciliation.status).toBe("differences");
    expect(r.reconciliation.differences.map((d) => `${d.row} ${d.column} ${d.field} ${d.stated} ${d.computed} ${d.difference}`)).toEqual(["5 F balance 155500.50 185500.50 -30000.00"]);
  });

  it("does not count a receipt line's blank balance, nor a 余额 column never filled", () => {
    // A 收款单 of 60,000 in 金额 with 余额 blank: a credit, not 60,000 more owed; 40,000 + 50,000 = 90,000 stated and read.
    const receipt = readLedger(
      [
        ["客户名称", "日期", "单据类型", "单据号", "金额", "余额"],
        ["甲公司", "2011-01-10", "销售发票", "F1", 100000, 40000],
        ["甲公司", "2011-02-10", "收款单", "SK1", 60000, ""],
        ["乙公司", "2011-02-11", "销售发票", "F2", 50000, 50000],
        ["合计", "", "", "", 210000, 90000],
      ],
      { sheet: "应收" },
    );
    expect(receipt.reconciliation.status).toBe("reconciled");
    // A template whose 余额 column is never filled: its 合计 =SUM() shows 0 and states nothing of the balances.
    const never = readLedger(
      [
        ["客户名称", "发票号", "开票日期", "金额", "已收金额", "余额"],
        ["甲公司", "F1", "2011-01-10", 100000, 60000, ""],
        ["乙公司", "F2", "2011-02-10", 50000, "", ""],
        ["合计", "", "", 150000, 60000, 0],
      ],
      { sheet: "应收" },
    );
    expect(never.reconciliation.status).toBe("reconciled");
    expect(never.reconciliation.differences).toEqual([]);
  });
});

describe("layout 8: the telecom branch's long-aged items (seed 000), in 万元", () => {
  const r = read(TELECOM_000, "长账龄");

  it("reads the eight items in yuan and skips the 合计 line", () => {
    expect(r.header.row).toBe(3);
    expect(r.units.source).toEqual({ row: 2, column: "K", text: "单位：万元" });
    expect(r.skipped).toEqual([{ row: 12, reason: "subtotal", text: "合计" }]);
    expect(r.rows.map((x) => [x.customer, x.balance?.toFixed(2)])).toEqual([
      ["成都军通通信有限公司", "916600.00"], // 91.66万
      ["遂宁市华亿网络工程有限公司", "0.00"],
      ["成都千嘉科技有限公司", "15900.00"], // 1.59万
      ["中国联通遂宁分公司", "50000.00"],
      ["遂宁市大英县执法局", "30000.00"],
      ["中国电信股份有限公司阿坝分公司", "140000.00"], // 83 − 69 = 14万
      ["四川省电信有限公司巴中市分公司", "0.00"],
      ["中国电信集团公司遂宁网络资产分公司", "13200.00"], // 1.32万
    ]);
    expect(r.issues).toEqual([]);
  });

  it("adds up to the sheet's own totals", () => {
    const sum = (f: (x: (typeof r.rows)[number]) => number) => r.rows.reduce((s, x) => s + f(x), 0);
    // Balances: 91.66 + 0 + 1.59 + 5 + 3 + 14 + 0 + 1.32 = 116.57万 = 1,165,700.00 yuan.
    expect(sum((x) => x.balanceFen)).toBe(116570000);
    // Amounts: 91.66 + 28.14 + 1.59 + 5 + 3 + 83 + 5 + 1.32 = 218.71万.
    expect(sum((x) => x.amountFen)).toBe(218710000);
    // Received: 23.14 + 69 + 5 = 97.14万.
    expect(sum((x) => x.receivedFen)).toBe(97140000);
  });

  it("keeps the plan's expected recovery, dates and target", () => {
    const juntong = r.rows[0];
    expect(juntong.expectedRecovery?.toFixed(2)).toBe("150000.00"); // 预计回收金额15万元
    expect(juntong.dateArisen).toBe(d(2007, 12, 31));
    expect(juntong.targetDate).toBe(d(2011, 11, 30));
    expect(juntong.department).toBe("市场部");
    // 91.66 − 15 = 76.66万 = 766,600.00 yuan = 76,660,000 fen not expected back (the plan says "76万元").
    expect(juntong.balanceFen - juntong.expectedRecoveryFen).toBe(76660000);
  });
});

describe("units said only in a note under the table", () => {
  const ledger = (note: string): unknown[][] => [
    ["客户名称", "发票号", "日期", "金额", "余额"],
    ["甲公司", "F1", "2011-01-10", 51.07, 51.07], // row 2
    ["合计", "", "", 51.07, 51.07], // row 3
    ["制表人：张三"], // row 4
    [note], // row 5
  ];
  it("reads 注：本表金额单位为万元 at the foot as the sheet's units: 51.07 is 510,700.00 yuan, not 51.07", () => {
    const r = readLedger(ledger("注：本表金额单位为万元"), { sheet: "S" });
    expect(r.units.scale).toBe(10000);
    expect(r.units.source).toEqual({ row: 5, column: "A", text: "注：本表金额单位为万元" });
    expect(r.rows.map((x) => x.balance?.toFixed(2))).toEqual(["510700.00"]);
    expect(r.reconciliation.status).toBe("reconciled");
    expect(readLedger(ledger("说明：金额单位：千元"), { sheet: "S" }).units.scale).toBe(1000);
  });

  it("takes no unit from a note that states none, nor from a company line", () => {
    for (const note of ["注：本表数据截至8月31日", "编制单位：某某有限公司"]) {
      const r = readLedger(ledger(note), { sheet: "S" });
      expect([r.units.scale, r.units.source]).toEqual([1, null]);
    }
  });
});

describe("a sheet with no recognisable header", () => {
  it("throws ledger.no-header naming the sheet and what was looked for", () => {
    const e = thrown(() => read(NO_HEADER, "会议纪要"));
    expect(e.id).toBe("ledger.no-header");
    expect(e.field).toBe("ledger");
    expect(e.text["zh-CN"]).toContain("工作表“会议纪要”的前 6 行中找不到应收账款台账的表头行");
    expect(e.text["zh-CN"]).toContain("客户（客户/客户名称/单位名称/债务人");
    expect(e.text["en-US"]).toContain('No header row of a receivables ledger found in the first 6 rows of sheet "会议纪要"');
    expect(e.text["en-US"]).toContain("Looked for: customer (客户/客户名称/单位名称/债务人/债务单位/欠款单位); date arisen (");
    expect(e.text["en-US"]).toContain("or amount (金额/应收金额");
  });

  it("throws the same for an empty sheet", () => {
    expect(thrown(() => read([])).id).toBe("ledger.no-header");
    expect(thrown(() => read([[], [null, ""]])).id).toBe("ledger.no-header");
  });
});

describe("cells", () => {
  const header = ["客户", "发生日期", "金额", "已收金额", "余额", "回收可能性", "到期日"];

  function one(cells: unknown[], extra: Partial<Parameters<typeof readLedger>[1]> = {}): LedgerReading {
    return readLedger([header, cells], { sheet: "S", ...extra });
  }

  it("reports missing values the row needs, naming the alternatives", () => {
    const r = one(["", "", "", "", "", "", ""].map((x, i) => (i === 5 ? 0.5 : x)));
    // The issue points at the first mapped column of the group: balance (E) before amount (C).
    expect(brief(r.issues)).toEqual(["2 A customer missing-field", "2 B dateArisen missing-field", "2 E balance missing-field"]);
    expect(r.issues[1].en).toBe('Sheet "S", row 2, column B (date arisen): the date arisen or due date is missing, so the row cannot be fully assessed.');
    expect(r.issues[2].zh).toBe("工作表“S”第 2 行 E 列（余额）：缺少余额或金额，该行无法完整判断。");
    expect(r.rows).toHaveLength(1);
  });

  it("accepts a due date instead of a date arisen", () => {
    expect(one(["甲", "", 100, "", "", "", 40553]).issues).toEqual([]);
  });

  it("does not double-report a value whose cell was bad", () => {
    // The date is unreadable (bad-date), so it is not also "missing".
    expect(brief(one(["甲", "昨天", 100, "", "", "", ""]).issues)).toEqual(["2 B dateArisen bad-date"]);
  });

  it("derives the balance only from readable amounts", () => {
    expect(one(["甲", 40553, 100, 30, "", "", ""]).rows[0].balanceFen).toBe(7000); // 100 − 30 = 70.00
    const badReceived = one(["甲", 40553, 100, "三十", "", "", ""]);
    expect(badReceived.rows[0].balance).toBeNull();
    expect(brief(badReceived.issues)).toEqual(["2 D received bad-amount"]);
    // A balance in the sheet is taken as written, even when it disagrees (a check's business).
    expect(one(["甲", 40553, 100, 30, 80, "", ""]).rows[0].toJSON()).toMatchObject({ balance: "80.00", balanceDerived: false });
  });

  it("keeps amounts that are not whole fen exact, off the fast path", () => {
    const r = one(["甲", 40553, 1234.567, 0.001, "", "", ""]);
    const row = r.rows[0];
    expect(row.amountFen).toBeNaN();
    expect(row.amount?.toString()).toBe("1234.567");
    // 1234.567 − 0.001 = 1234.566
    expect(row.balance?.toString()).toBe("1234.566");
    expect(row.balanceFen).toBeNaN();
    expect(row.hasMoney("balance")).toBe(true);
    expect(row.toJSON().balance).toBe("1234.566");
  });

  it("reads the largest amount below the limit exactly, and refuses 10^13 yuan and beyond", () => {
    const below = one(["甲", 40553, 9999999999999.99, "", "", "", ""]).rows[0];
    expect(below.amountFen).toBe(999999999999999);
    // 2e13 yuan is beyond the product's limit (10^13 yuan): a bad amount, not a different number.
    const reading = one(["甲", 40553, 2e13, "", "", "", ""]);
    expect(reading.rows[0].amount).toBeNull();
    expect(reading.issues.map((i) => [i.issue, i.column])).toContainEqual(["bad-amount", "C"]);
  });

  it("reads the double Excel shows, not its binary tail", () => {
    // =0.1+0.2 gives 0.30000000000000004; Excel shows 0.3.
    const row = one(["甲", 40553, 0.1 + 0.2, "", "", "", ""]).rows[0];
    expect(row.amountFen).toBe(30);
  });

  it("reads probabilities and reports unreadable ones", () => {
    const r = readLedger(
      [header, ["甲", 40553, 1, "", "", "85%", ""], ["乙", 40553, 1, "", "", 85, ""], ["丙", 40553, 1, "", "", "很高", ""], ["丁", 40553, 1, "", "", "120%", ""]],
      { sheet: "S" },
    );
    expect(r.rows.map((x) => x.recoveryProbability?.toString() ?? null)).toEqual(["0.85", "0.85", null, null]);
    expect(brief(r.issues)).toEqual(["4 F recoveryProbability bad-probability", "5 F recoveryProbability bad-probability"]);
    expect(r.issues[1].en).toContain("not between 0% and 100%");
  });

  it("reads exceljs cell objects: rich text, hyperlinks, formulas, errors", () => {
    const r = one([{ richText: [{ text: "甲" }, { text: "公司" }] }, { formula: "TODAY()", result: new Date(Date.UTC(2011, 0, 10)) }, { text: "100", hyperlink: "x" }, { error: "#REF!" }, "", "", ""]);
    expect(r.rows[0].customer).toBe("甲公司");
    expect(r.rows[0].dateArisen).toBe(d(2011, 1, 10));
    expect(r.rows[0].amountFen).toBe(10000);
    expect(brief(r.issues)).toEqual(["2 D received excel-error"]);
    expect(unwrapCell({ sharedFormula: "A1", result: 5 })).toBe(5);
    expect(unwrapCell({ formula: "A1" })).toBeNull();
  });

  it("never throws on a hostile cell", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("boom");
        },
        has() {
          throw new Error("boom");
        },
      },
    );
    const r = one([hostile, 40553, hostile, "", "", "", ""]);
    expect(brief(r.issues)).toEqual(["2 A customer bad-text", "2 C amount bad-amount"]);
  });

  it("reads a boolean in a money column as bad, naming the accepted spellings", () => {
    const r = one(["甲", 40553, true, "", "", "", ""]);
    expect(brief(r.issues)).toEqual(["2 C amount bad-amount"]);
    expect(r.issues[0].value).toBe("TRUE");
    expect(r.issues[0].zh).toContain("可接受的写法");
  });

  it("numbers rows and letters columns as the sheet does when the values start elsewhere", () => {
    // The values were read from C5: the header is sheet row 5, the bad cell is E6 (index 2 + C).
    const r = readLedger([header, ["甲", 40553, "坏", "", "", "", ""]], { sheet: "S", origin: { row: 5, column: 3 } });
    expect(r.header.row).toBe(5);
    expect(r.rows[0].row).toBe(6);
    expect(brief(r.issues)).toEqual(["6 E amount bad-amount"]);
    expect(r.mapping.columns[0].letter).toBe("C");
  });

  it("reads serials in the 1904 date system when told to", () => {
    // Serial 39985 is 2009-06-21 in the 1900 system and 2013-06-22 in the 1904 system (1462 days later).
    expect(one(["甲", 39985, 1, "", "", "", ""]).rows[0].dateArisen).toBe(d(2009, 6, 21));
    expect(one(["甲", 39985, 1, "", "", "", ""], { dateSystem: "1904" }).rows[0].dateArisen).toBe(d(2013, 6, 22));
  });

  it("honours a column's own unit over the sheet's", () => {
    const values = [
      ["单位：万元"],
      ["客户", "发生日期", "金额(元)", "余额"],
      ["甲", 40553, 5000, 1.2345],
    ];
    const r = readLedger(values, { sheet: "S" });
    expect(r.units.columns).toEqual({ amount: 1, balance: 10000 });
    expect(r.rows[0].amountFen).toBe(500000); // 5000 元
    expect(r.rows[0].balance?.toString()).toBe("12345"); // 1.2345万 = 12,345 元 (4 decimals: the Decimal path)
    expect(r.rows[0].balanceFen).toBe(1234500);
  });

  it("applies the limit of 10^13 yuan after the unit: 2,000,000,000 万元 is a bad amount", () => {
    const values = [
      ["单位：万元"],
      ["客户", "发生日期", "余额"],
      ["甲", 40553, 2e9], // 2 × 10^13 yuan
      ["乙", 40553, 999999999.9999], // 9,999,999,999,999 yuan: the largest whole yuan below the limit
    ];
    const r = readLedger(values, { sheet: "S" });
    expect(r.rows[0].balance).toBeNull();
    expect(brief(r.issues)).toEqual(["3 C balance bad-amount"]);
    expect(r.issues[0].en).toContain("10,000,000,000,000");
    expect(r.rows[1].balance?.toFixed(2)).toBe("9999999999999.00");
  });

  it("scales only money columns by the sheet's unit", () => {
    const values = [
      ["单位：万元"],
      ["客户", "发生日期", "信用期", "余额", "回收可能性"],
      ["甲", 40553, 30, 2, 0.5],
    ];
    const row = readLedger(values, { sheet: "S" }).rows[0];
    expect([row.creditDays, row.balanceFen, row.recoveryProbability?.toString()]).toEqual([30, 2000000, "0.5"]);
  });

  it("takes a lone text cell at the left edge or outside the table for a note, elsewhere for a row missing values", () => {
    const r = readLedger(
      [
        ["客户", "发生日期", "余额", "状态"],
        ["一、华东区", null, null, null], // row 2: a section title in column A
        ["甲", 40553, 5, ""], // row 3
        [null, null, null, null, "注：金额含税"], // row 4: outside the table's columns
        [null, null, null, "破产"], // row 5: a status alone is a row whose other values are missing
      ],
      { sheet: "S" },
    );
    expect(r.skipped).toEqual([
      { row: 2, reason: "note", text: "一、华东区" },
      { row: 4, reason: "note", text: "注：金额含税" },
    ]);
    expect(r.rows.map((x) => [x.row, x.status])).toEqual([
      [3, null],
      [5, "破产"],
    ]);
    expect(r.issues.map((i) => `${i.row} ${i.field} ${i.issue}`)).toEqual(["5 customer missing-field", "5 dateArisen missing-field", "5 balance missing-field"]);
  });

  it("sorts issues by row, then column", () => {
    const r = readLedger(
      [header, ["甲", "坏", "坏", "", "", "", ""], ["", 40553, 1, "", "", "", ""]],
      { sheet: "S" },
    );
    expect(brief(r.issues)).toEqual(["2 B dateArisen bad-date", "2 C amount bad-amount", "3 A customer missing-field"]);
  });
});

describe("totalMarker", () => {
  it.each([
    ["合计", "subtotal"],
    ["合 计", "subtotal"],
    ["合计：", "subtotal"],
    ["本月合计", "subtotal"],
    ["本年累计", "subtotal"],
    ["成都军通 小计", "subtotal"],
    ["小计(华东区)", "subtotal"],
    ["总计金额", "subtotal"],
    ["汇总", "subtotal"],
    ["华东区汇总", null],
    ["汇总开票", null],
    ["按月汇总", null],
    ["共计3张", null],
    ["彙總", "subtotal"],
    ["共计：", "subtotal"],
    ["甲公司 共计", "subtotal"],
    ["Total", "subtotal"],
    ["Grand Total:", "subtotal"],
    ["Sub-total (East)", "subtotal"],
    ["Customer A total", "subtotal"],
    ["SUM", "subtotal"],
    ["承前页", "carry-forward"],
    ["过次页", "carry-forward"],
    ["Brought forward", "carry-forward"],
    ["总计科技有限公司", null],
    ["汇总科技有限公司", null],
    ["共计", "subtotal"],
    ["累计回款为零的客户说明", null],
    ["Total Telecom Ltd", null],
    ["Sumitomo Corp", null],
    ["计算机公司", null],
    ["成都军通通信有限公司", null],
  ])("%s -> %s", (text, expected) => {
    expect(totalMarker(text)).toBe(expected);
  });
});

describe("收款期限: a term in days in one export, the due date in another", () => {
  const HEADER = ["客户名称", "单据编号", "业务日期", "收款期限", "未收款金额"];

  it("reads a column of dates under 收款期限 as due dates (金蝶 到期债权表)", () => {
    const r = readLedger(
      [
        HEADER,
        ["甲", "QT0003", new Date(Date.UTC(2011, 1, 14)), new Date(Date.UTC(2011, 8, 15)), 22000],
        ["乙", "QT0004", new Date(Date.UTC(2011, 2, 1)), "2011-10-01", 1000],
      ],
      { sheet: "到期债权表" },
    );
    expect(r.mapping.mapping.dueDate).toBe(3);
    expect(r.mapping.mapping.creditDays).toBeUndefined();
    expect(r.rows.map((x) => [x.dueDate, x.creditDays])).toEqual([
      [d(2011, 9, 15), null],
      [d(2011, 10, 1), null],
    ]);
    expect(r.issues).toEqual([]);
  });

  it("keeps credit days formatted as dates (30 shows as 1900-01-30) as credit days", () => {
    const r = readLedger(
      [
        HEADER,
        ["甲", "QT0003", new Date(Date.UTC(2011, 1, 14)), new Date(Date.UTC(1900, 0, 30)), 22000],
        ["乙", "QT0004", new Date(Date.UTC(2011, 2, 1)), new Date(Date.UTC(1900, 1, 28)), 1000],
      ],
      { sheet: "应收单" },
    );
    expect(r.mapping.mapping.creditDays).toBe(3);
    expect(r.mapping.mapping.dueDate).toBeUndefined();
  });

  it("keeps a column of whole numbers under 收款期限 as credit days", () => {
    const r = readLedger(
      [
        HEADER,
        ["甲", "QT0003", new Date(Date.UTC(2011, 1, 14)), 30, 22000],
        ["乙", "QT0004", new Date(Date.UTC(2011, 2, 1)), 60, 1000],
      ],
      { sheet: "应收单" },
    );
    expect(r.mapping.mapping.creditDays).toBe(3);
    expect(r.rows.map((x) => [x.dueDate, x.creditDays])).toEqual([
      [null, 30],
      [null, 60],
    ]);
  });
});
