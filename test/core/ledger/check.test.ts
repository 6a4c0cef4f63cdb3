/**
 * The ledger check, rule by rule: each rule fires on a row made to break it, naming the exact
 * sheet, row and column, and stays silent on the clean row. Ledgers are built as cell values
 * (as Excel or exceljs give them) and go through the real reader, so the cells named are the
 * cells a user would open.
 *
 * The clean ledger (as of 2011-08-31), header in row 1, one item in row 2:
 *   A 客户名称  B 单据号  C 发生日期  D 到期日  E 金额  F 已收金额  G 余额  H 账龄
 *   I 回收可能性  J 预计可收回金额  K 最近对账日  L 责任人  M 状态  N 备注
 * 甲公司, A-1, arisen 2011-07-01 (due 2011-07-31 by the 30 default credit days: 31 days past
 * due, overdue), 1,000 − 200 = 800, "逾期", 95%, confirmed 2011-06-30, collector 张三.
 */
import Decimal from "decimal.js";
import { type DayNumber, fromYmd } from "../../../src/core/calendar";
import { toExcelSerial } from "../../../src/core/dates";
import { writeOffEligibility } from "../../../src/core/writeoff";
import { auditJsonChunks, auditToJson } from "../../../src/core/ledger/audit-json";
import { type AuditCompanions, auditLedger, type AuditResult, firstDuplicateRows, lastDueOverdueForWriteOff } from "../../../src/core/ledger/check";
import { cellRef, type Finding, RULE_IDS, RULES, type RuleId } from "../../../src/core/ledger/findings";
import { readBillsRegister, readCollectionLog, readCustomerMaster, readLedger } from "../../../src/core/ledger/index";
import { DEFAULT_POLICY, loadPolicy } from "../../../src/core/policy";
import type { Policy } from "../../../src/core/policy/types";

const AS_OF = fromYmd(2011, 8, 31);
const SHEET = "台账";

const HEADER = ["客户名称", "单据号", "发生日期", "到期日", "金额", "已收金额", "余额", "账龄", "回收可能性", "预计可收回金额", "最近对账日", "责任人", "状态", "备注"] as const;
type Column = (typeof HEADER)[number];
type Row = Partial<Record<Column, unknown>>;

const CLEAN: Row = {
  客户名称: "甲公司",
  单据号: "A-1",
  发生日期: "2011-07-01",
  金额: 1000,
  已收金额: 200,
  余额: 800,
  账龄: "逾期",
  回收可能性: 0.95,
  最近对账日: "2011-06-30",
  责任人: "张三",
};

function values(rows: Row[], header: readonly string[] = HEADER): unknown[][] {
  return [[...header], ...rows.map((r) => header.map((h) => (h in r ? r[h as Column] : null)))];
}

/** The clean row with some cells replaced (undefined removes a cell). */
function row(changes: Row = {}): Row {
  const out: Row = { ...CLEAN };
  for (const [k, v] of Object.entries(changes) as [Column, unknown][]) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

const MASTER_HEADER = ["客户名称", "信用额度", "信用期(天)", "最近评审日期", "责任人"];
const CLEAN_MASTER = ["甲公司", 10000, 30, "2011-01-01", "张三"];

const LOG_HEADER = ["催收日期", "客户名称", "催收方式", "承诺付款金额", "承诺付款日期", "书面承诺", "收回金额", "催收结果"];
const CLEAN_LOG = ["2011-08-01", "甲公司", "电话", 800, "2011-09-15", "是", null, "承诺9月中旬付清"];

const BILLS_HEADER = ["票据号码", "出票人", "到期日", "票面金额", "托收日期", "状态"];
const CLEAN_BILL = ["B-001", "甲公司", "2011-10-31", 5000, null, "在库"];

interface Setup {
  rows?: Row[];
  header?: readonly string[];
  master?: unknown[][] | null;
  log?: unknown[][] | null;
  bills?: unknown[][] | null;
  policy?: Policy;
}

function audit(setup: Setup = {}): AuditResult {
  const read = readLedger(values(setup.rows ?? [row()], setup.header ?? HEADER), { sheet: SHEET });
  return auditLedger(read, companionsOf(setup), AS_OF, setup.policy ?? DEFAULT_POLICY);
}

function companionsOf(setup: Setup = {}): AuditCompanions {
  const companions: AuditCompanions = {};
  const master = setup.master === undefined ? [CLEAN_MASTER] : setup.master;
  if (master !== null) companions.customers = readCustomerMaster([MASTER_HEADER, ...master], { sheet: "客户档案" });
  const log = setup.log === undefined ? [CLEAN_LOG] : setup.log;
  if (log !== null) companions.collections = readCollectionLog([LOG_HEADER, ...log], { sheet: "催收记录" });
  const bills = setup.bills === undefined ? [CLEAN_BILL] : setup.bills;
  if (bills !== null) companions.bills = readBillsRegister([BILLS_HEADER, ...bills], { sheet: "票据" });
  return companions;
}

function of(result: AuditResult, rule: RuleId): Finding[] {
  return result.findings.filter((f) => f.rule === rule);
}

function where(f: Finding): [string, number, string] {
  return [f.sheet, f.row, f.column];
}

/** The clean setup finds nothing at all: every rule below is silent on it. */
describe("the clean ledger", () => {
  it("has no finding and every rule is checked", () => {
    // With the allowance the ledger books, as the policy gives it (5% of 800.00), so allowance-mismatch is checked too.
    const withAllowance = values([row()]).map((cells, k) => [...cells, k === 0 ? "坏账准备" : 40]);
    const result = auditLedger(readLedger(withAllowance, { sheet: SHEET }), companionsOf(), AS_OF, DEFAULT_POLICY);
    expect(result.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
    expect(result.unchecked).toEqual([]);
    expect(audit().unchecked.map((u) => u.rule)).toEqual(["allowance-mismatch"]);
    const r = result.rows.get(0);
    expect(r).toMatchObject({ sheet: SHEET, row: 2, customer: "甲公司", document: "A-1", balance: "800.00", daysPastDue: 31, agingClass: "overdue", agingBand: "y0-1", provision: "40.00" });
    expect(r.dueDate).toBe(fromYmd(2011, 7, 31));
    expect(r.ageDays).toBe(AS_OF - fromYmd(2011, 7, 1));
  });
});

describe("missing-field", () => {
  it("fires on a row without a customer, at the customer cell", () => {
    const found = of(audit({ rows: [row({ 客户名称: undefined })] }), "missing-field");
    expect(found.map(where)).toEqual([[SHEET, 2, "A"]]);
    expect(found[0].severity).toBe("error");
    expect(found[0].cell).toBe("台账!A2");
    expect(found[0].message["zh-CN"]).toMatch(/^台账!A2（客户）：缺少客户/);
    expect(found[0].message["en-US"]).toMatch(/^台账!A2 \(customer\): /);
  });
  it("is silent on the clean row", () => {
    expect(of(audit(), "missing-field")).toEqual([]);
  });
});

describe("bad-date", () => {
  it("fires on a date that does not exist, at its cell, and the rest of the row is still checked", () => {
    const result = audit({ rows: [row({ 发生日期: "2011-02-30", 余额: 700 })] });
    expect(of(result, "bad-date").map(where)).toEqual([[SHEET, 2, "C"]]);
    expect(of(result, "bad-date")[0].message["en-US"]).toMatch(/^台账!C2 \(date arisen\): .*2011-02-30/);
    // One bad cell never stops the run: the balance is still compared.
    expect(of(result, "balance-mismatch").map(where)).toEqual([[SHEET, 2, "G"]]);
    expect(result.rows.get(0).agingClass).toBeNull();
    expect(result.rows.get(0).balance).toBe("700.00");
  });
  it("is silent on the clean row", () => {
    expect(of(audit(), "bad-date")).toEqual([]);
  });
});

describe("bad-amount", () => {
  it("fires on an unreadable amount, at its cell", () => {
    const found = of(audit({ rows: [row({ 金额: "12,34.5" })] }), "bad-amount");
    expect(found.map(where)).toEqual([[SHEET, 2, "E"]]);
    expect(found[0].message["zh-CN"]).toContain("12,34.5");
  });
  it("fires on a negative expected recovery, which is then ignored for the provision", () => {
    const result = audit({ rows: [row({ 预计可收回金额: -100 })] });
    expect(of(result, "bad-amount").map(where)).toEqual([[SHEET, 2, "J"]]);
    expect(of(result, "bad-amount")[0].message["en-US"]).toContain("negative");
    expect(result.rows.get(0).provision).toBe("40.00"); // the band rate, as if no recovery were given
  });
  it("is silent on the clean row", () => {
    expect(of(audit(), "bad-amount")).toEqual([]);
  });
});

describe("bad-value", () => {
  it("fires on a probability that is not one, at its cell", () => {
    expect(of(audit({ rows: [row({ 回收可能性: "较高" })] }), "bad-value").map(where)).toEqual([[SHEET, 2, "I"]]);
  });
  it("is silent on the clean row", () => {
    expect(of(audit(), "bad-value")).toEqual([]);
  });
});

describe("excel-error", () => {
  it("fires on an Excel error value, at its cell", () => {
    expect(of(audit({ rows: [row({ 余额: "#N/A" })] }), "excel-error").map(where)).toEqual([[SHEET, 2, "G"]]);
  });
  it("is silent on the clean row", () => {
    expect(of(audit(), "excel-error")).toEqual([]);
  });
});

describe("as of the as-of date (issue 13: a true as-of view)", () => {
  it("leaves out an item dated after the as-of date, and counts it", () => {
    const result = audit({ rows: [row(), row({ 单据号: "A-2", 发生日期: "2011-09-15", 账龄: undefined })] });
    expect(result.rows.length).toBe(1);
    expect(result.rows.get(0).row).toBe(2);
    expect(result.reading.leftOut).toMatchObject({ count: 1, items: 1, credits: 0, first: { sheet: SHEET, row: 3, date: fromYmd(2011, 9, 15) } });
    expect(result.totals.all.balance).toBe("800.00");
  });
  it("says the view is not exact when settled amounts have no dates and the ledger runs past the as-of date", () => {
    const result = audit({ rows: [row(), row({ 单据号: "A-2", 发生日期: "2011-09-15", 账龄: undefined })] });
    // Row 2 has 200 received on no date: it may have been received after 2011-08-31.
    expect(of(result, "as-of-inexact").map(where)).toEqual([[SHEET, 3, ""]]);
    expect(of(result, "as-of-inexact")[0].message["en-US"]).toContain("1 items with a received or settled amount");
    expect(result.reading.inexact).toBe(true);
  });
  it("counts an amount received as dated when the row's last payment date (收款日期) is on or before the as-of date", () => {
    const list = (paid: string | null): unknown[][] => [
      ["客户名称", "发票号码", "发票日期", "价税合计", "已收款", "未收款", "收款日期"],
      ["广汉", "02345688", "2011-05-20", 117000, 50000, 67000, paid], // row 2
      ["什邡", "02345720", "2011-10-08", 23400, null, 23400, null], // row 3: after the as-of date
    ];
    // Paid last on 08-25, before 08-31: all of the 50,000 came by then; the view is exact.
    const before = auditLedger(readLedger(list("2011-08-25"), { sheet: "发票" }), {}, AS_OF, DEFAULT_POLICY);
    expect(of(before, "as-of-inexact")).toEqual([]);
    expect(before.reading.inexact).toBe(false);
    expect(before.totals.all.balance).toBe("67000.00");
    // Paid last on 09-05, after 08-31: on 08-31 the 50,000 was not yet received, and the item was
    // open in full, 117,000 (it was read as 67,000, and the view said nothing of it). Exact when
    // the 50,000 came at once; too much open if part came by 08-31: said.
    const after = auditLedger(readLedger(list("2011-09-05"), { sheet: "发票" }), {}, AS_OF, DEFAULT_POLICY);
    expect(after.totals.all.balance).toBe("117000.00");
    expect(after.reading.inexact).toBe(true);
    expect(of(after, "as-of-inexact").map(where)).toEqual([["发票", 2, "G"]]);
    expect(of(after, "as-of-inexact")[0].message["zh-CN"]).toBe(
      "发票!G2：截止日为 2011年8月31日，本行起 1 笔款项的回款（核销）日期晚于截止日，其已收金额按截止日尚未收到计入余额。若其中有截止日前收到的部分回款（台账只记最近一次的日期），这些款项按截止日的余额偏高。",
    );
    const item = after.rows.ledgerRows.find((r) => r.row === 2);
    expect([item?.received?.toFixed(2), item?.balance?.toFixed(2)]).toEqual(["0.00", "117000.00"]);
    // No payment date: as before, undated.
    const undated = auditLedger(readLedger(list(null), { sheet: "发票" }), {}, AS_OF, DEFAULT_POLICY);
    expect(of(undated, "as-of-inexact")[0].message["zh-CN"]).toContain("已核销金额没有日期");
  });
  it("opens again, as of a date before its 核销日期, an item an ERP list shows settled since (issue 13.2: a settlement after the as-of date is left out)", () => {
    const bills = [
      ["单据编号", "业务日期", "到期日", "客户", "价税合计", "已核销金额", "未核销金额", "核销日期"],
      ["AR-002", "2011-05-10", "2011-06-09", "甲公司", 23400, 10000, 13400, "2011-09-10"], // row 2
      ["AR-003", "2011-07-01", "2011-07-31", "乙公司", 5850, 5850, 0, "2011-09-20"], // row 3: settled, but on 09-20
      ["AR-004", "2011-07-05", "2011-08-04", "乙公司", 1000, 1000, 0, "2011-08-20"], // row 4: settled on 08-20, before
    ];
    const result = auditLedger(readLedger(bills, { sheet: "应收单" }), {}, AS_OF, DEFAULT_POLICY);
    // On 08-31: AR-002 23,400 (its 10,000 came on 09-10) and AR-003 5,850 open; AR-004 settled.
    // Both overdue within a year: 5% of 29,250 = 1,462.50. Read as settled, it was 13,400 and 670.00, and nothing said.
    expect([result.totals.all.count, result.totals.all.balance, result.totals.all.provision]).toEqual([2, "29250.00", "1462.50"]);
    expect(result.reading.settled).toBe(1);
    expect(of(result, "as-of-inexact").map(where)).toEqual([["应收单", 2, "H"]]);
    // As of 09-30, after every settlement: as read.
    const later = auditLedger(readLedger(bills, { sheet: "应收单" }), {}, fromYmd(2011, 9, 30), DEFAULT_POLICY);
    expect([later.totals.all.count, later.totals.all.balance]).toEqual([1, "13400.00"]);
    expect(of(later, "as-of-inexact")).toEqual([]);
  });
  it("applies a customer's credits to what a row paid after the date had open then, on the Decimal path too, and a 已收款 status's amount by its 收款日期", () => {
    // 甲: 10,000 paid on 09-15 (open on 08-31) and a −2,000 credit memo: 8,000 open, no advance
    // (the credit once skipped the settled row and the 10,000 was added on top: 10,000 and a 2,000 advance).
    const credit = auditLedger(
      readLedger(
        [
          ["客户", "发票日期", "金额", "已收金额", "余额", "收款日期"],
          ["甲公司", "2011-06-01", 10000, 10000, 0, "2011-09-15"],
          ["甲公司", "2011-07-01", -2000, 0, -2000, null],
        ],
        { sheet: "S" },
      ),
      {},
      AS_OF,
      DEFAULT_POLICY,
    );
    expect([credit.totals.all.balance, credit.totals.all.provision]).toEqual(["8000.00", "400.00"]);
    expect(of(credit, "overpayment")).toEqual([]);
    // 10,000.005 less 8,000 received on 09-15: 10,000.005 open on 08-31 (a balance off whole fen kept exact); 乙 5,000.
    const exact = auditLedger(
      readLedger(
        [
          ["客户", "发票日期", "金额", "已收金额", "余额", "收款日期"],
          ["甲公司", "2011-06-01", 10000.005, 8000, 2000.005, "2011-09-15"],
          ["乙公司", "2011-06-01", 5000, 0, 5000, null],
        ],
        { sheet: "S" },
      ),
      {},
      AS_OF,
      DEFAULT_POLICY,
    );
    expect(exact.totals.all.balance).toBe("15000.005");
    // 甲 已收款 on 09-15, its 余额 and 已收 blank: settled by its status, but open on 08-31; 乙 30,000.
    const byStatus = (asOf: DayNumber) =>
      auditLedger(
        readLedger(
          [
            ["客户", "发票日期", "金额", "收款日期", "状态"],
            ["甲公司", "2011-06-01", 50000, "2011-09-15", "已收款"],
            ["乙公司", "2011-06-01", 30000, null, "未收款"],
          ],
          { sheet: "S" },
        ),
        {},
        asOf,
        DEFAULT_POLICY,
      );
    expect(byStatus(AS_OF).totals.all.balance).toBe("80000.00");
    const later = byStatus(fromYmd(2011, 9, 30));
    expect(later.totals.all.balance).toBe("30000.00");
  });

  it("is silent on the clean ledger", () => {
    const result = audit();
    expect(of(result, "as-of-inexact")).toEqual([]);
    expect(result.reading.leftOut.count).toBe(0);
  });
  it("says so, at the title's cell, when no line is dated after the as-of date but the title says the list was exported after it (导出日期)", () => {
    const bills = [
      ["应收单序时簿"],
      ["导出日期：2011-09-10"],
      ["单据编号", "单据日期", "客户名称", "到期日", "价税合计", "已核销金额", "未核销金额"],
      ["AR2011060002", "2011-06-20", "渝达", "2011-08-19", 234000, 100000, 134000], // row 4
      ["AR2011070005", "2011-07-20", "渝达", "2011-08-19", 50000, 50000, 0], // row 5: settled, on no date
    ];
    const read = readLedger(bills, { sheet: "应收单" });
    expect([read.layout.exportDate, read.layout.exportDateAt]).toEqual([fromYmd(2011, 9, 10), { sheet: "应收单", row: 2, column: "A" }]);
    const result = auditLedger(read, {}, AS_OF, DEFAULT_POLICY);
    expect(of(result, "as-of-inexact").map(where)).toEqual([["应收单", 2, "A"]]);
    expect(of(result, "as-of-inexact")[0].message["zh-CN"]).toBe(
      "应收单!A2：台账标明的导出日期为 2011年9月10日，晚于截止日 2011年8月31日；已核销金额没有日期，截止日之后的核销无法剔除，2 笔有已收或已核销金额的款项按截止日的余额可能偏低。",
    );
    // Exported on the as-of date itself: nothing after it to take out.
    bills[1] = ["导出日期：2011-08-31"];
    expect(of(auditLedger(readLedger(bills, { sheet: "应收单" }), {}, AS_OF, DEFAULT_POLICY), "as-of-inexact")).toEqual([]);
  });
});

describe("due-before-date", () => {
  it("fires on a due date before the date arisen, at the due date cell", () => {
    expect(of(audit({ rows: [row({ 到期日: "2011-06-01", 账龄: undefined })] }), "due-before-date").map(where)).toEqual([[SHEET, 2, "D"]]);
  });
  it("is silent when the due date is after the date arisen", () => {
    expect(of(audit({ rows: [row({ 到期日: "2011-07-31" })] }), "due-before-date")).toEqual([]);
  });
});

describe("received-exceeds-amount", () => {
  it("fires when more was received than billed, at the received cell; the customer's net credit is an advance", () => {
    const result = audit({ rows: [row({ 已收金额: 1200, 余额: -200 })] });
    expect(of(result, "received-exceeds-amount").map(where)).toEqual([[SHEET, 2, "F"]]);
    expect(of(result, "received-exceeds-amount")[0].message["en-US"]).toContain("by 200.00");
    // 甲公司 has no other item: −200 is an advance, not an open item (POLICY §1).
    expect(of(result, "overpayment").map(where)).toEqual([[SHEET, 2, "G"]]);
    expect(result.rows.length).toBe(0);
    expect(result.reading.advances).toEqual({ count: 1, total: "200.00" });
  });
  it("is silent on the clean row", () => {
    expect(of(audit(), "received-exceeds-amount")).toEqual([]);
  });
  it("is silent on a receipt line whose empty 借方 is written 0 or a dash: it is a receipt, not a line paid over its amount", () => {
    const header = ["客户名称", "日期", "摘要", "借方", "贷方"];
    const ledger = [
      header,
      ["甲公司", "2011-07-01", "销售", 1000, "-"], // row 2
      ["甲公司", "2011-07-20", "收款", "-", 600], // row 3: 借方 a dash (read as 0)
      ["甲公司", "2011-07-25", "收款", 0, 100], // row 4: 借方 0
    ];
    const result = auditLedger(readLedger(ledger, { sheet: SHEET }), companionsOf(), AS_OF, DEFAULT_POLICY);
    expect(of(result, "received-exceeds-amount")).toEqual([]);
    // 1,000 − 600 − 100 = 300 open on row 2.
    expect(result.rows.length).toBe(1);
    expect([result.rows.get(0).row, result.rows.get(0).balance]).toEqual([2, "300.00"]);
  });
});

describe("balance-mismatch", () => {
  it("fires when amount − received ≠ balance, at the balance cell", () => {
    const found = of(audit({ rows: [row({ 余额: 790 })] }), "balance-mismatch");
    expect(found.map(where)).toEqual([[SHEET, 2, "G"]]);
    expect(found[0].message["en-US"]).toContain("1,000.00 − received 200.00 = 800.00");
  });
  it("counts a blank received as nothing received", () => {
    expect(of(audit({ rows: [row({ 已收金额: undefined })] }), "balance-mismatch").map(where)).toEqual([[SHEET, 2, "G"]]);
    expect(of(audit({ rows: [row({ 已收金额: undefined, 余额: 1000 })] }), "balance-mismatch")).toEqual([]);
  });
  it("compares to the fen: a difference below 0.01 (万 amounts with more decimals) is not one", () => {
    expect(of(audit({ rows: [row({ 金额: "0.1000001万", 已收金额: 0, 余额: 1000 })] }), "balance-mismatch")).toEqual([]);
    expect(of(audit({ rows: [row({ 金额: "0.100001万", 已收金额: 0, 余额: 1000 })] }), "balance-mismatch")).toHaveLength(1);
  });
  it("is silent on the clean row, and not checked without a balance column", () => {
    expect(of(audit(), "balance-mismatch")).toEqual([]);
    const header = HEADER.filter((h) => h !== "余额");
    const result = audit({ header });
    expect(result.unchecked.map((u) => u.rule)).toContain("balance-mismatch");
  });
});

describe("duplicate-document", () => {
  it("fires on the second occurrence of a customer's document, at its document cell, naming the first", () => {
    const found = of(audit({ rows: [row(), row({ 单据号: " a-1 " })] }), "duplicate-document");
    expect(found.map(where)).toEqual([[SHEET, 3, "B"]]);
    expect(found[0].message["en-US"]).toContain("already at 台账!B2");
  });
  it("is silent for the same number under two customers, and on the clean row", () => {
    expect(of(audit({ rows: [row(), row({ 客户名称: "乙公司" })] }), "duplicate-document")).toEqual([]);
    expect(of(audit(), "duplicate-document")).toEqual([]);
  });
  it("takes a document's numbered lines (行号 1, 2, 1…) as lines of one document, and a repeated line as a duplicate", () => {
    const header = ["客户名称", "发票号", "行号", "发生日期", "金额"];
    const ledger = [
      header,
      ["甲公司", "FP1", 1, "2011-07-01", 1000], // row 2
      ["甲公司", "FP1", 2, "2011-07-01", 500], // row 3: FP1's second line
      ["甲公司", "FP2", 1, "2011-07-05", 300], // row 4
      ["甲公司", "FP2", 1, "2011-07-05", 300], // row 5: FP2 line 1 again
    ];
    const found = of(auditLedger(readLedger(ledger, { sheet: SHEET }), companionsOf(), AS_OF, DEFAULT_POLICY), "duplicate-document");
    expect(found.map(where)).toEqual([[SHEET, 5, "B"]]);
    expect(found[0].message["en-US"]).toContain("already at 台账!B4");
  });
  it("reads a 行号 that never repeats (1…n) as the list's row count: the same document twice is still a duplicate", () => {
    const header = ["行号", "客户名称", "发票号", "发生日期", "金额"];
    const ledger = [header, [1, "甲公司", "FP1", "2011-07-01", 1000], [2, "甲公司", "FP1", "2011-07-01", 1000]];
    const found = of(auditLedger(readLedger(ledger, { sheet: SHEET }), companionsOf(), AS_OF, DEFAULT_POLICY), "duplicate-document");
    expect(found.map(where)).toEqual([[SHEET, 3, "C"]]);
  });
  it("reads a 行号 that restarts per customer, not per document, as a row count: a repeated document is still a duplicate", () => {
    const header = ["行号", "客户名称", "发票号", "发生日期", "金额"];
    const ledger = [
      header,
      [1, "甲公司", "F1", "2011-07-01", 500], // row 2
      [2, "甲公司", "F2", "2011-07-02", 300], // row 3: a new document numbered 2
      [3, "甲公司", "F1", "2011-07-01", 500], // row 4: F1 again
      [1, "乙公司", "F3", "2011-07-02", 200], // row 5
      [2, "乙公司", "F4", "2011-07-02", 200], // row 6
    ];
    const found = of(auditLedger(readLedger(ledger, { sheet: SHEET }), companionsOf(), AS_OF, DEFAULT_POLICY), "duplicate-document");
    expect(found.map(where)).toEqual([[SHEET, 4, "C"]]);
  });
  it("finds every duplicate among many rows (firstDuplicateRows)", () => {
    const docs = ["X-1", "x-1", "Y-2", "X-1", "Ｘ－１", "X-1"];
    const groups = [0, 0, 0, 0, 0, 1];
    expect(Array.from(firstDuplicateRows(docs.length, (i) => docs[i], (i) => groups[i]))).toEqual([-1, 0, -1, 0, 0, -1]);
  });
});

describe("class-mismatch", () => {
  it("fires when the aging column names another class, at its cell", () => {
    const found = of(audit({ rows: [row({ 账龄: "正常" })] }), "class-mismatch");
    expect(found.map(where)).toEqual([[SHEET, 2, "H"]]);
    expect(found[0].message["zh-CN"]).toContain("应为“逾期”（逾期 31 天）");
  });
  it("fires when the aging column names another band", () => {
    const found = of(audit({ rows: [row({ 账龄: "1-2年" })] }), "class-mismatch");
    expect(found.map(where)).toEqual([[SHEET, 2, "H"]]);
    expect(found[0].message["en-US"]).toContain('"Within 1 year (1 year included)"');
  });
  it("compares a band of the provision table finer than the report's (3至4年 inside 3年以上): 含4年 includes the fourth anniversary (POLICY §3, Civil Code art. 1259)", () => {
    // Arisen 2007-10-15, as of 2011-08-31: more than 3 years, less than 4 → 3至4年（含4年）.
    const old = (label: string) => of(audit({ rows: [row({ 发生日期: "2007-10-15", 账龄: label })] }), "class-mismatch");
    for (const label of ["3-4年", "3至4年", "三至四年", "3～4年（含4年）", "3年以上"]) expect([label, old(label)]).toEqual([label, []]);
    const found = old("4-5年");
    expect(found.map(where)).toEqual([[SHEET, 2, "H"]]);
    expect(found[0].message["zh-CN"]).toContain("“3至4年（含4年）”");
    expect(old("5年以上").map(where)).toEqual([[SHEET, 2, "H"]]);
    // Arisen 2007-08-31: exactly 4 years on 2011-08-31, still 3至4年 (含4年); one day earlier is 4至5年.
    expect(of(audit({ rows: [row({ 发生日期: "2007-08-31", 账龄: "3-4年" })] }), "class-mismatch")).toEqual([]);
    expect(of(audit({ rows: [row({ 发生日期: "2007-08-30", 账龄: "4-5年" })] }), "class-mismatch")).toEqual([]);
    expect(of(audit({ rows: [row({ 发生日期: "2007-08-30", 账龄: "3-4年" })] }), "class-mismatch").map(where)).toEqual([[SHEET, 2, "H"]]);
  });
  it("is silent when the column agrees (a class or a band, however spelt), or names neither", () => {
    for (const label of ["逾期", "1年以内", "一年以内", "1年内", "overdue", "未知"]) expect(of(audit({ rows: [row({ 账龄: label })] }), "class-mismatch")).toEqual([]);
    // In traditional characters: 逾期應收帳款 is the overdue class; 呆帳 and 呆滯 name classes the row is not in.
    expect(of(audit({ rows: [row({ 账龄: "逾期應收帳款" })] }), "class-mismatch")).toEqual([]);
    for (const label of ["呆帳", "呆滯", "壞賬"]) expect([label, of(audit({ rows: [row({ 账龄: label })] }), "class-mismatch").map(where)]).toEqual([label, [[SHEET, 2, "H"]]]);
  });
});

describe("credit-limit-exceeded", () => {
  it("fires once per customer whose total exceeds its limit, on its first row, naming the limit cell", () => {
    const found = of(audit({ rows: [row(), row({ 单据号: "A-2" })], master: [["甲公司", 1500, 30, "2011-01-01", "张三"]] }), "credit-limit-exceeded");
    expect(found.map(where)).toEqual([[SHEET, 2, "G"]]);
    expect(found[0].message["en-US"]).toContain("owes 1,600.00 in total, above its credit limit of 1,500.00 (客户档案!B2) by 100.00");
  });
  it("is silent within the limit, and not checked without a customer master", () => {
    expect(of(audit(), "credit-limit-exceeded")).toEqual([]);
    expect(audit({ master: null }).unchecked.map((u) => u.rule)).toEqual(expect.arrayContaining(["credit-limit-exceeded", "credit-review-overdue"]));
  });
});

describe("customer-not-in-master (POLICY §5: the limit and the review need the customer's master row)", () => {
  it("fires once, on the customer's first row, for a customer with a balance the master lacks; names the default term its items took", () => {
    // 乙公司: two items, neither with a credit term in the ledger (no 信用期 column): both take the default 30 days.
    const rows = [row(), row({ 客户名称: "乙公司", 单据号: "B-1" }), row({ 客户名称: "乙公司", 单据号: "B-2" })];
    const found = of(audit({ rows }), "customer-not-in-master");
    expect(found.map(where)).toEqual([[SHEET, 3, "A"]]);
    expect(found[0].severity).toBe("warning");
    expect(found[0].message["zh-CN"]).toBe("台账!A3：客户“乙公司”不在客户档案（客户档案）中，信用额度和信用评审无法检查；其 2 笔款项台账中没有信用期和到期日，按默认信用期 30 天计算到期日。");
  });
  it("says nothing of a default term when the ledger gives the item its credit term", () => {
    const header = [...HEADER, "信用期(天)"];
    const found = of(audit({ header, rows: [row(), { ...row({ 客户名称: "乙公司", 单据号: "B-1" }), ["信用期(天)" as Column]: 45 }] }), "customer-not-in-master");
    expect(found.map(where)).toEqual([[SHEET, 3, "A"]]);
    expect(found[0].message["en-US"]).toBe('台账!A3: customer "乙公司" is not in the customer master (客户档案), so its credit limit and credit review cannot be checked.');
  });
  it("is silent for customers in the master, for one with nothing owed, and not checked without a master", () => {
    expect(of(audit(), "customer-not-in-master")).toEqual([]);
    expect(of(audit({ rows: [row(), row({ 客户名称: "乙公司", 单据号: "B-1", 金额: 500, 已收金额: 500, 余额: 0 })] }), "customer-not-in-master")).toEqual([]);
    const none = audit({ master: null });
    expect(of(none, "customer-not-in-master")).toEqual([]);
    expect(none.unchecked.map((u) => u.rule)).toContain("customer-not-in-master");
  });
});

describe("a customer is its master row, by code first (POLICY §5: the term, limit and review are the master's)", () => {
  const CODE_MASTER_HEADER = ["客户编号", "客户名称", "信用额度", "信用期(天)", "最近评审日期", "责任人"];
  const withCode = (changes: Row, code: string | null): Row => ({ ...row(changes), ["客户编号" as Column]: code });
  function auditCodes(rows: Row[], master: unknown[][]): AuditResult {
    const read = readLedger(values(rows, [...HEADER, "客户编号"]), { sheet: SHEET });
    const customers = readCustomerMaster([CODE_MASTER_HEADER, ...master], { sheet: "客户档案" });
    return auditLedger(read, { customers }, AS_OF, DEFAULT_POLICY);
  }

  it("two master rows of one name are two customers: a coded row takes its own row's term and limit; a name alone takes the first, and says so", () => {
    const master = [
      ["C010", "重庆建工有限公司", 1000, 60, "2011-01-01", "张三"],
      ["C011", "重庆建工有限公司", 1000, 90, "2011-01-01", "张三"],
    ];
    const result = auditCodes([withCode({ 客户名称: "重庆建工有限公司" }, null), withCode({ 客户名称: "重庆建工有限公司", 单据号: "A-2" }, "C011")], master);
    // 2011-07-01 + 60 and + 90 days.
    expect([result.rows.get(0).dueDate, result.rows.get(1).dueDate]).toEqual([fromYmd(2011, 8, 30), fromYmd(2011, 9, 29)]);
    // 800 each against limits of 1,000: together (1,600) they would exceed one.
    expect(of(result, "credit-limit-exceeded")).toEqual([]);
    const found = of(result, "customer-master-mismatch");
    expect(found.map(where)).toEqual([[SHEET, 2, "A"]]);
    expect(found[0].message["zh-CN"]).toBe("台账!A2：客户档案中有 2 行名为“重庆建工有限公司”（第 2、3 行），台账没有客户编号可以区分；按第 2 行（C010）匹配。请在台账中填写客户编号。");
    expect(of(result, "customer-not-in-master")).toEqual([]);
    // A code the master does not have falls back to the name, and the message names that code.
    const unknown = of(auditCodes([withCode({ 客户名称: "重庆建工有限公司" }, "C099")], master), "customer-master-mismatch");
    expect(unknown.map((f) => f.message["zh-CN"])).toEqual(["台账!A2：客户档案中有 2 行名为“重庆建工有限公司”（第 2、3 行），台账的客户编号 C099 在客户档案中找不到；按第 2 行（C010）匹配。请核对客户编号。"]);
  });

  it("a code whose master row has another name: matched by the code, said once at the code cell", () => {
    const result = auditCodes([withCode({ 客户名称: "甲公司（遂宁）" }, "C001"), withCode({ 客户名称: "甲公司（遂宁）", 单据号: "A-2" }, "C001")], [["C001", "甲公司", 10000, 45, "2011-01-01", "张三"]]);
    expect(result.rows.get(0).dueDate).toBe(fromYmd(2011, 8, 15));
    const found = of(result, "customer-master-mismatch");
    expect(found.map(where)).toEqual([[SHEET, 2, "O"]]);
    expect(found[0].message["en-US"]).toBe('台账!O2: customer code C001 is "甲公司" in the customer master (row 2), not "甲公司（遂宁）" as the ledger says; matched by the code.');
    expect(of(result, "customer-not-in-master")).toEqual([]);
  });

  it("a row with the name alone joins the customer another row's code matched, even before it", () => {
    const result = auditCodes([withCode({ 客户名称: "甲公司（遂宁）" }, null), withCode({ 客户名称: "甲公司（遂宁）", 单据号: "A-2" }, "C001")], [["C001", "甲公司", 10000, 45, "2011-01-01", "张三"]]);
    expect([result.rows.get(0).dueDate, result.rows.get(1).dueDate]).toEqual([fromYmd(2011, 8, 15), fromYmd(2011, 8, 15)]);
    expect(of(result, "customer-not-in-master")).toEqual([]);
    expect(of(result, "customer-master-mismatch").map(where)).toEqual([[SHEET, 3, "O"]]);
  });

  it("customer-not-in-master counts only the items the default term dated (no due date of their own), is silent on a credit, and is not checked against an empty master", () => {
    const rows = [row(), row({ 客户名称: "乙公司", 单据号: "B-1", 到期日: "2011-08-15" }), row({ 客户名称: "乙公司", 单据号: "B-2" }), row({ 客户名称: "丙公司", 单据号: "C-1", 金额: -500, 已收金额: 0, 余额: -500 })];
    const result = audit({ rows });
    const found = of(result, "customer-not-in-master");
    expect(found.map(where)).toEqual([[SHEET, 3, "A"]]);
    expect(found[0].message["zh-CN"]).toContain("其 1 笔款项台账中没有信用期和到期日");
    const empty = audit({ rows, master: [] });
    expect(of(empty, "customer-not-in-master")).toEqual([]);
    expect(empty.unchecked.map((u) => u.rule)).toContain("customer-not-in-master");
  });
});

describe("sub-fen-amount", () => {
  it("notes an amount finer than a fen at its cell, and the totals take the exact value, rounded once", () => {
    // 800.004 + 0.003 = 800.007, kept exact in the result (reports round it once: 800.01; each
    // rounded first would give 800.00 + 0.00).
    const rows = [row({ 余额: 800.004, 已收金额: 199.996 }), row({ 单据号: "A-2", 金额: 0.003, 已收金额: 0, 余额: 0.003 })];
    const result = audit({ rows });
    const found = of(result, "sub-fen-amount");
    expect(found.map(where)).toEqual([
      [SHEET, 2, "F"],
      [SHEET, 2, "G"],
      [SHEET, 3, "E"],
      [SHEET, 3, "G"],
    ]);
    expect(found.every((f) => f.severity === "info")).toBe(true);
    expect(found[1].message["zh-CN"]).toBe("台账!G2（余额）：800.004 有分以下的尾数（到分为 800.00）；按原值计入合计和坏账准备，合计最后四舍五入到分一次。");
    expect(result.totals.all.balance).toBe("800.007");
    expect(new Decimal(result.totals.all.balance).toFixed(2, Decimal.ROUND_HALF_UP)).toBe("800.01");
    expect(of(result, "balance-mismatch")).toEqual([]);
  });
  it("is silent on whole fen, on a formula's float residue, and on 万 amounts that are whole fen in yuan (1.2345万 = 12,345.00)", () => {
    expect(of(audit(), "sub-fen-amount")).toEqual([]);
    // =2345678.90-2345678.80 gives 0.10000000009313226 (a binary residue): read as 0.10.
    const residue = audit({ rows: [row({ 金额: 2345678.9 - 2345678.8, 已收金额: 0, 余额: 2345678.9 - 2345678.8 })] });
    expect(2345678.9 - 2345678.8).not.toBe(0.1);
    expect(of(residue, "sub-fen-amount")).toEqual([]);
    expect(residue.totals.all.balance).toBe("0.10");
    const cells = values([row({ 金额: 1.2345, 已收金额: 0, 余额: 1.2345 })]);
    cells[0] = cells[0].map((h) => (h === "金额" || h === "已收金额" || h === "余额" ? `${String(h)}(万元)` : h));
    const wan = auditLedger(readLedger(cells, { sheet: SHEET }), {}, AS_OF, DEFAULT_POLICY);
    expect(of(wan, "sub-fen-amount")).toEqual([]);
    expect(wan.totals.all.balance).toBe("12345.00");
  });
});

describe("credit-review-overdue", () => {
  it("fires on the master row of a customer with a balance whose review is older than the policy's interval", () => {
    const found = of(audit({ master: [["甲公司", 10000, 30, "2010-08-30", "张三"]] }), "credit-review-overdue");
    expect(found.map(where)).toEqual([["客户档案", 2, "D"]]);
  });
  it("fires when there is no review date at all", () => {
    const found = of(audit({ master: [["甲公司", 10000, 30, null, "张三"]] }), "credit-review-overdue");
    expect(found.map(where)).toEqual([["客户档案", 2, "D"]]);
    expect(found[0].message["en-US"]).toContain("has no credit review date");
  });
  it("is silent on a review exactly reviewIntervalMonths before the as-of date, and on the clean row", () => {
    expect(of(audit({ master: [["甲公司", 10000, 30, "2010-08-31", "张三"]] }), "credit-review-overdue")).toEqual([]);
    expect(of(audit(), "credit-review-overdue")).toEqual([]);
  });
});

describe("reconciliation-overdue", () => {
  it("fires once per customer confirmed longer ago than the policy's interval, on its first row", () => {
    const found = of(audit({ rows: [row({ 最近对账日: "2011-02-27" }), row({ 单据号: "A-2", 最近对账日: "2011-01-31" })] }), "reconciliation-overdue");
    expect(found.map(where)).toEqual([[SHEET, 2, "K"]]);
  });
  it("fires for a customer never confirmed", () => {
    const found = of(audit({ rows: [row({ 最近对账日: undefined })] }), "reconciliation-overdue");
    expect(found.map(where)).toEqual([[SHEET, 2, "K"]]);
    expect(found[0].message["zh-CN"]).toContain("没有对账记录");
  });
  it("takes the latest confirmation over the customer's rows, and follows the policy's interval", () => {
    expect(of(audit({ rows: [row({ 最近对账日: "2011-01-31" }), row({ 单据号: "A-2", 最近对账日: "2011-02-28" })] }), "reconciliation-overdue")).toHaveLength(1);
    // The latest of the two counts: 2011-02-28 + 6 months = 2011-08-28 is before the as-of date; 2011-03-01 + 6 months is not.
    expect(of(audit({ rows: [row({ 最近对账日: "2011-01-31" }), row({ 单据号: "A-2", 最近对账日: "2011-02-28" })] }), "reconciliation-overdue")[0].message["en-US"]).toContain("on 2011-02-28");
    expect(of(audit({ rows: [row({ 最近对账日: "2011-01-31" }), row({ 单据号: "A-2", 最近对账日: "2011-03-01" })] }), "reconciliation-overdue")).toEqual([]);
    const strict = loadPolicy({ reconciliationIntervalMonths: 1 });
    expect(of(audit({ policy: strict }), "reconciliation-overdue").map(where)).toEqual([[SHEET, 2, "K"]]);
  });
  it("is silent for a customer without an open balance", () => {
    expect(of(audit({ rows: [row({ 最近对账日: undefined, 已收金额: 1000, 余额: 0 })] }), "reconciliation-overdue")).toEqual([]);
  });
});

describe("write-off-candidate", () => {
  it("fires on an item overdue overdueYears years or more, at the date cell", () => {
    const found = of(audit({ rows: [row({ 发生日期: "2008-01-01", 账龄: undefined })] }), "write-off-candidate");
    expect(found.map(where)).toEqual([[SHEET, 2, "C"]]);
    expect(found[0].severity).toBe("info");
    expect(found[0].message["en-US"]).toContain("Overdue 3 years or more (3 years included)");
  });
  it("004 七.第一条 5 逾期3年以上 includes the anniversary: due 2008-08-31 fires on 2011-08-31, due 2008-09-01 does not", () => {
    expect(of(audit({ rows: [row({ 发生日期: "2008-08-01", 到期日: "2008-08-31", 账龄: undefined })] }), "write-off-candidate").map(where)).toEqual([[SHEET, 2, "D"]]);
    expect(of(audit({ rows: [row({ 发生日期: "2008-08-01", 到期日: "2008-09-01", 账龄: undefined })] }), "write-off-candidate")).toEqual([]);
  });
  it("fires on a status that states a write-off condition (七.第一条 1), whatever the age; not on 已破产 or 进入破产程序 alone", () => {
    const found = of(audit({ rows: [row({ 状态: "债务人被法院宣告破产，剩余财产不足清偿", 账龄: undefined })] }), "write-off-candidate");
    // At the status cell that states it (M), not the date: the item is 31 days past due.
    expect(found.map(where)).toEqual([[SHEET, 2, "M"]]);
    expect(found[0].message["zh-CN"]).toContain("宣告破产");
    for (const status of ["已破产", "进入破产程序", "已撤销起诉"]) expect(of(audit({ rows: [row({ 状态: status, 账龄: undefined })] }), "write-off-candidate")).toEqual([]);
  });
  it("is silent on the clean row", () => {
    expect(of(audit(), "write-off-candidate")).toEqual([]);
  });
  it("agrees with writeoff.writeOffEligibility on every due date around the boundary", () => {
    for (const asOf of [fromYmd(2011, 8, 31), fromYmd(2012, 2, 29), fromYmd(2011, 3, 1), fromYmd(2011, 2, 28)]) {
      const last = lastDueOverdueForWriteOff(asOf, DEFAULT_POLICY);
      for (let due = last - 40; due <= last + 40; due++) {
        expect(due <= last).toBe(writeOffEligibility({ dueDate: due, asOf }, DEFAULT_POLICY).eligible);
      }
    }
  });
});

describe("bad-debt-unassigned", () => {
  it("fires on a bad item with no collector on the row nor in the master, at the collector cell", () => {
    const found = of(audit({ rows: [row({ 发生日期: "2010-06-01", 责任人: undefined, 账龄: undefined })], master: [["甲公司", 10000, 30, "2011-01-01", null]] }), "bad-debt-unassigned");
    expect(found.map(where)).toEqual([[SHEET, 2, "L"]]);
  });
  it("is silent when the master names the collector, and on the clean row", () => {
    expect(of(audit({ rows: [row({ 发生日期: "2010-06-01", 责任人: undefined, 账龄: undefined })] }), "bad-debt-unassigned")).toEqual([]);
    expect(of(audit(), "bad-debt-unassigned")).toEqual([]);
  });
});

describe("low-recovery-no-action", () => {
  it("fires on a probability in the legal tier with no legal step logged, at the probability cell", () => {
    expect(of(audit({ rows: [row({ 回收可能性: 0.3 })] }), "low-recovery-no-action").map(where)).toEqual([[SHEET, 2, "I"]]);
  });
  it("reads expected recovery ÷ balance when there is no probability (plan 000: 15万 of 91.66万)", () => {
    const found = of(audit({ rows: [row({ 回收可能性: undefined, 金额: "91.66万", 已收金额: 0, 余额: "91.66万", 预计可收回金额: "15万" })] }), "low-recovery-no-action");
    expect(found.map(where)).toEqual([[SHEET, 2, "J"]]);
    expect(found[0].message["en-US"]).toContain("16.36%");
  });
  it("is silent when the log shows a legal step, or the row's status does, and on the clean row", () => {
    const withLawsuit = [...CLEAN_LOG];
    withLawsuit[2] = "已起诉";
    expect(of(audit({ rows: [row({ 回收可能性: 0.3 })], log: [withLawsuit] }), "low-recovery-no-action")).toEqual([]);
    expect(of(audit({ rows: [row({ 回收可能性: 0.3, 备注: "已发律师函" })] }), "low-recovery-no-action")).toEqual([]);
    // Traditional characters: 律師函, 起訴 are the same steps.
    expect(of(audit({ rows: [row({ 回收可能性: 0.3, 备注: "已發律師函" })] }), "low-recovery-no-action")).toEqual([]);
    const traditional = [...CLEAN_LOG];
    traditional[2] = "已起訴";
    expect(of(audit({ rows: [row({ 回收可能性: 0.3 })], log: [traditional] }), "low-recovery-no-action")).toEqual([]);
    expect(of(audit({ rows: [row({ 回收可能性: 0.5001 })] }), "low-recovery-no-action")).toEqual([]);
    expect(of(audit(), "low-recovery-no-action")).toEqual([]);
  });
  it("fires at exactly 50%: 004 六.第三条 4 回收可能性在50%以下 includes 50%", () => {
    expect(of(audit({ rows: [row({ 回收可能性: 0.5 })] }), "low-recovery-no-action").map(where)).toEqual([[SHEET, 2, "I"]]);
  });
});

describe("promise-missing", () => {
  it("fires on a contact without a promised amount, date or written promise, on the log row", () => {
    const found = of(audit({ log: [["2011-08-01", "甲公司", "电话", null, null, null, null, "无答复"]] }), "promise-missing");
    expect(found.map(where)).toEqual([["催收记录", 2, "F"]]);
  });
  it("fires on a contact marked as without a written promise", () => {
    const found = of(audit({ log: [["2011-08-01", "甲公司", "电话", 800, "2011-09-15", "否", null, null]] }), "promise-missing");
    expect(found.map(where)).toEqual([["催收记录", 2, "F"]]);
    expect(found[0].message["en-US"]).toContain("marked as without a written promise");
  });
  it("is silent when money was collected at the contact, and on the clean log", () => {
    expect(of(audit({ log: [["2011-08-01", "甲公司", "上门", null, null, null, 500, "收回500元"]] }), "promise-missing")).toEqual([]);
    expect(of(audit(), "promise-missing")).toEqual([]);
  });
});

describe("bill-past-maturity", () => {
  it("fires on a bill past maturity with no presentation, at its maturity cell", () => {
    const found = of(audit({ bills: [["B-002", "甲公司", "2011-07-31", 5000, null, "在库"]] }), "bill-past-maturity");
    expect(found.map(where)).toEqual([["票据", 2, "C"]]);
    expect(found[0].message["en-US"]).toContain("31 days before 2011-08-31");
  });
  it("is silent when the bill was presented, discounted (status), not yet due, or due today", () => {
    expect(of(audit({ bills: [["B-002", "甲公司", "2011-07-31", 5000, "2011-07-31", "在库"]] }), "bill-past-maturity")).toEqual([]);
    expect(of(audit({ bills: [["B-002", "甲公司", "2011-07-31", 5000, null, "已贴现"]] }), "bill-past-maturity")).toEqual([]);
    expect(of(audit({ bills: [["B-002", "甲公司", "2011-08-31", 5000, null, "在库"]] }), "bill-past-maturity")).toEqual([]);
    expect(of(audit(), "bill-past-maturity")).toEqual([]);
  });
});

describe("overpayment (an advance: a customer's net credit)", () => {
  it("fires on a customer whose credits exceed its items, at the last credit's balance cell", () => {
    const found = of(audit({ rows: [row({ 金额: undefined, 已收金额: undefined, 余额: -500 })] }), "overpayment");
    expect(found.map(where)).toEqual([[SHEET, 2, "G"]]);
    expect(found[0].message["zh-CN"]).toContain("500.00");
  });
  it("nets a credit note against the same customer's items first: only the rest is an advance", () => {
    const result = audit({ rows: [row(), row({ 单据号: "CN-1", 金额: undefined, 已收金额: undefined, 余额: -300, 账龄: undefined })] });
    expect(of(result, "overpayment")).toEqual([]);
    // 800 − 300 = 500 left open on A-1.
    expect(result.rows.length).toBe(1);
    expect(result.rows.get(0).balance).toBe("500.00");
  });
  it("is silent on the clean row and on a zero balance", () => {
    expect(of(audit(), "overpayment")).toEqual([]);
    expect(of(audit({ rows: [row({ 已收金额: 1000, 余额: 0 })] }), "overpayment")).toEqual([]);
  });
});

describe("unknown-document and unallocated-receipt (from a transactions ledger)", () => {
  const header = ["客户名称", "单据号", "对应单据", "日期", "类型", "借方", "贷方"];
  it("carries the allocation's warnings over as findings: a credit naming, in its 对应单据 column, no invoice of its customer", () => {
    const read = readLedger(
      [
        header,
        ["甲公司", "A-1", null, "2011-07-01", "开票", 1000, null],
        ["甲公司", "SK-9", "Z-9", "2011-07-20", "收款", null, 300],
        [null, "SK-10", null, "2011-07-21", "收款", null, 50],
      ],
      { sheet: SHEET },
    );
    const result = auditLedger(read, {}, AS_OF, DEFAULT_POLICY);
    expect(of(result, "unknown-document").map(where)).toEqual([[SHEET, 3, "C"]]);
    expect(of(result, "unallocated-receipt").map(where)).toEqual([[SHEET, 4, "A"]]);
    expect(result.rows.length).toBe(1);
    expect(result.rows.get(0).balance).toBe("700.00");
  });
  it("a receipt's own number that is none of its customer's invoices goes FIFO without a warning (issue 13.3)", () => {
    const read = readLedger(
      [
        ["客户名称", "单据号", "日期", "类型", "借方", "贷方"],
        ["甲公司", "A-1", "2011-07-01", "开票", 1000, null],
        ["甲公司", "SK-9", "2011-07-20", "收款", null, 300],
      ],
      { sheet: SHEET },
    );
    const result = auditLedger(read, {}, AS_OF, DEFAULT_POLICY);
    expect(of(result, "unknown-document")).toEqual([]);
    expect(result.rows.get(0).balance).toBe("700.00");
  });
});

describe("the catalogue", () => {
  it("declares every rule once, with a severity, a definition and messages in both languages naming the cell", () => {
    for (const id of RULE_IDS) {
      const rule = RULES[id];
      expect(rule.id).toBe(id);
      expect(["error", "warning", "info"]).toContain(rule.severity);
      expect(rule.definition["zh-CN"].length).toBeGreaterThan(10);
      expect(rule.definition["en-US"].length).toBeGreaterThan(10);
      for (const m of Object.values(rule.messages)) {
        expect(m["zh-CN"].startsWith("{cell}")).toBe(true);
        expect(m["en-US"].startsWith("{cell}")).toBe(true);
      }
    }
  });
  it("names cells as Excel does, quoting sheet names that need it", () => {
    expect(cellRef("台账", "F", 12)).toBe("台账!F12");
    expect(cellRef("My ledger", "F", 12)).toBe("'My ledger'!F12");
    expect(cellRef("O'Brien", "A", 1)).toBe("'O''Brien'!A1");
    expect(cellRef("A1", "B", 2)).toBe("'A1'!B2");
    expect(cellRef("台账", "", 7)).toBe("台账!7:7");
  });
});

describe("totals", () => {
  const mixed = (): AuditResult =>
    audit({
      rows: [
        row(),
        row({ 单据号: "A-2", 发生日期: "2008-03-15", 金额: 2500.5, 已收金额: 0, 余额: 2500.5, 账龄: undefined }),
        row({ 单据号: "A-3", 发生日期: "2010-12-01", 金额: "1.2345万", 已收金额: 0, 余额: "1.2345万", 账龄: undefined }),
        row({ 单据号: "A-4", 发生日期: "2011-13-01", 余额: 333.33, 金额: 333.33, 已收金额: 0 }),
        row({ 客户名称: "乙公司", 单据号: "B-1", 金额: undefined, 已收金额: undefined, 余额: -120.1 }),
        row({ 客户名称: "丙公司", 单据号: "C-1", 发生日期: "2011-08-20", 金额: "0.10000001万", 已收金额: 0, 余额: "0.10000001万", 账龄: undefined }),
      ],
    });
  const sum = (xs: (string | null)[]): string => xs.reduce((a, x) => (x === null ? a : a.plus(x)), new Decimal(0)).toFixed(2);
  const sumExact = (xs: (string | null)[]): Decimal => xs.reduce((a, x) => (x === null ? a : a.plus(x)), new Decimal(0));

  it("equal the sums of the rows' own figures, exactly", () => {
    const result = mixed();
    const rows = [...result.rows];
    expect(new Decimal(result.totals.all.balance).equals(sumExact(rows.map((r) => r.balance)))).toBe(true);
    expect(result.totals.all.provision).toBe(sum(rows.map((r) => r.provision)));
    expect(result.totals.all.count).toBe(rows.length);
    // 800 + 2,500.50 + 12,345 + 333.33 + 1,000.0001: the 万 amount finer than a fen is kept, not rounded;
    // 乙公司's −120.10 is an advance, apart from the open items.
    expect(result.totals.all.balance).toBe("16978.8301");
    expect(result.reading.advances).toEqual({ count: 1, total: "120.10" });
  });
  it("by class, by band and by severity each add up to the whole", () => {
    const T = mixed().totals;
    for (const groups of [Object.values(T.byClass), T.byBand, Object.values(T.bySeverity)]) {
      expect(groups.reduce((n, g) => n + g.count, 0)).toBe(T.all.count);
      expect(sumExact(groups.map((g) => g.balance)).equals(new Decimal(T.all.balance))).toBe(true);
      expect(sumExact(groups.map((g) => g.provision)).equals(new Decimal(T.all.provision))).toBe(true);
    }
    expect(T.byClass.unclassified.count).toBe(1);
    expect(T.findings.total).toBe(T.findings.error + T.findings.warning + T.findings.info);
  });
  it("count every finding by rule and severity", () => {
    const result = mixed();
    const byRule: Record<string, number> = {};
    for (const f of result.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    expect(result.totals.findings.byRule).toEqual(byRule);
  });
});

describe("results", () => {
  it("keep per-row findings in sheet order and in the list of all findings", () => {
    const result = audit({ rows: [row({ 账龄: "正常", 余额: 700 }), row({ 单据号: "A-2" })] });
    const first = result.rows.get(0).findings.map((f) => f.rule);
    expect(first).toEqual(["balance-mismatch", "class-mismatch"]);
    for (const f of result.rows.get(0).findings) expect(result.findings).toContain(f);
  });
  it("serialise to the JSON shape, in one piece or streamed, identically", () => {
    const result = audit({ rows: [row({ 余额: 700 })] });
    const json = auditToJson(result, "x.xlsx");
    expect(Object.keys(json)).toEqual(["version", "asOf", "source", "ledger", "reading", "companions", "rows", "findings", "totals", "unchecked"]);
    expect(json.asOf).toBe("2011-08-31");
    expect(json.rows[0]).toEqual({
      sheet: SHEET,
      row: 2,
      customer: "甲公司",
      document: "A-1",
      dateArisen: "2011-07-01",
      dueDate: "2011-07-31",
      balance: "700.00",
      ageDays: 61,
      daysPastDue: 31,
      agingClass: "overdue",
      agingBand: "y0-1",
      provision: "35.00",
      findings: [expect.objectContaining({ rule: "balance-mismatch", cell: "台账!G2" })],
    });
    const text = JSON.stringify(json);
    expect([...auditJsonChunks(result, "x.xlsx")].join("")).toBe(text);
    const parsed = JSON.parse(text) as { findings: Record<string, unknown>[] };
    expect(Object.keys(parsed.findings[0])).toEqual(["rule", "severity", "sheet", "row", "column", "cell", "message", "field"]);
  });
  it("use the customer master's credit days for the due date", () => {
    const result = audit({ master: [["甲公司", 10000, 60, "2011-01-01", "张三"]], rows: [row({ 账龄: undefined })] });
    expect(result.rows.get(0).dueDate).toBe(fromYmd(2011, 8, 30));
    expect(result.rows.get(0).agingClass).toBe("normal");
  });
  it("accept Excel serial dates as the reader gives them", () => {
    const result = audit({ rows: [row({ 发生日期: toExcelSerial(fromYmd(2011, 7, 1)) })] });
    expect(result.findings).toEqual([]);
  });
});

describe("a due date past Excel's last day (issue 14.11)", () => {
  it("is a bad-date finding, and the item has no due date rather than 10000-01-30", () => {
    // A date a ledger may carry (2099-12-20) and a credit term that runs past 9999-12-31.
    const header = [...HEADER, "信用期(天)"];
    const read = readLedger(values([{ ...row({ 发生日期: "2099-12-20", 账龄: undefined }), ["信用期(天)" as Column]: 3000000 }], header), { sheet: SHEET });
    const result = auditLedger(read, {}, fromYmd(2099, 12, 31), DEFAULT_POLICY);
    const found = of(result, "bad-date");
    expect(found.map(where)).toEqual([[SHEET, 2, "O"]]); // the credit term's cell
    expect(found[0].message["en-US"]).toContain("falls after 9999-12-31");
    expect(result.rows.get(0).dueDate).toBeNull();
  });
});
