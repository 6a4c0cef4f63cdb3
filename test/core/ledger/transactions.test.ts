import { fromYmd } from "../../../src/core/calendar";
import { type AsOfView, openItemsAsOf } from "../../../src/core/ledger/as-of";
import { readLedger, type LedgerReading } from "../../../src/core/ledger";
import { isCreditType, isReceiptType, transactionKind } from "../../../src/core/ledger/transactions";
import { auditLedger } from "../../../src/core/ledger/check";
import { combineReadings } from "../../../src/core/ledger/combine";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import { TRANSACTIONS } from "../../fixtures/ledgers/transactionsLedger";

/** Far after every line: the ledger as it stands at its end. */
const END = fromYmd(2099, 12, 31);

function tx(r: LedgerReading, asOf = END): AsOfView {
  return openItemsAsOf(r.rows, asOf, { shape: r.shape, columns: () => r.letters });
}

/** Open items as "row customer amount received balance" in yuan. */
function open(r: LedgerReading): string[] {
  return tx(r).open.map((x) => `${x.row} ${x.customer} ${x.amount?.toFixed(2)} ${x.received?.toFixed(2)} ${x.balance?.toFixed(2)}`);
}

function allocations(r: LedgerReading): string[] {
  return tx(r).allocations.map((a) => `${a.receiptRow}->${a.itemRow} ${a.amount.toFixed(2)}`);
}

const HEADER = ["日期", "客户名称", "单据号", "业务类型", "金额", "已收金额"];

describe("layout 6: a transactions ledger", () => {
  const r = readLedger(TRANSACTIONS, { sheet: "往来" });

  it("is recognised as transactions", () => {
    expect(r.shape).toBe("transactions");
  });

  it("leaves the right items open", () => {
    // 甲: INV-4 8000 is named by the 3000 receipt (row 7) -> 5000 open. The unnamed 12000
    //     (row 5) pays the oldest first: INV-1 10000 in full, then 2000 of INV-2 -> 18000 open.
    // 乙: INV-3 5000; -2000 (row 8) -> 3000; 4000 received (row 9) pays 3000 -> 0, 1000 over.
    // 丙: INV-9 1000; 400 whose own number INV-X is none of 丙's invoices goes FIFO -> 600 open.
    expect(open(r)).toEqual([
      "3 甲公司 20000.00 2000.00 18000.00",
      "6 甲公司 8000.00 3000.00 5000.00",
      "10 丙公司 1000.00 400.00 600.00",
    ]);
    expect(tx(r).settledRows.map((x) => x.row)).toEqual([2, 4]);
    // Receipts and credits: rows 5, 7, 8, 9, 11, 12.
    expect(tx(r).credits).toBe(6);
  });

  it("records each allocation", () => {
    expect(allocations(r)).toEqual(["5->2 10000.00", "5->3 2000.00", "7->6 3000.00", "8->4 2000.00", "9->4 3000.00", "11->10 400.00"]);
  });

  it("reports what was paid and not applied, per customer", () => {
    expect(tx(r).advances.map((c) => [c.customer, c.amount.toFixed(2), c.amountFen, c.rows])).toEqual([
      ["乙公司", "1000.00", 100000, [9]], // 2000 + 4000 − 5000
      [null, "250.00", 25000, [12]], // no customer
    ]);
  });

  it("reports the receipt without a customer; a receipt's own number that is no invoice of its customer is no warning (issue 13.3)", () => {
    expect(r.issues.map((i) => `${i.row} ${i.column} ${i.field} ${i.issue} ${i.severity}`)).toEqual(["12 B customer missing-field error"]);
    const issues = tx(r).issues;
    expect(issues.map((i) => `${i.row} ${i.column} ${i.field} ${i.issue} ${i.severity}`)).toEqual(["12 B customer unallocated-receipt warning"]);
    expect(issues[0].en).toBe('Sheet "往来", row 12, column B (customer): this receipt or credit (250 yuan) has no customer, so it cannot be applied to any item; it is counted as unapplied.');
  });
});

describe("FIFO order", () => {
  it("pays the oldest by date arisen, then by sheet row, whatever the sheet order", () => {
    const r = readLedger(
      [
        HEADER,
        [40612, "甲", "B", "开票", 100, ""], // row 2: 2011-03-10
        [40553, "甲", "A", "开票", 100, ""], // row 3: 2011-01-10, oldest
        [40612, "甲", "C", "开票", 100, ""], // row 4: same day as row 2, later row
        [40700, "甲", "", "收款", 150, ""], // row 5
      ],
      { sheet: "S" },
    );
    // 150 pays A (row 3) 100, then B (row 2) 50; C untouched.
    expect(allocations(r)).toEqual(["5->2 50.00", "5->3 100.00"]);
    expect(open(r)).toEqual(["2 甲 100.00 50.00 50.00", "4 甲 100.00 0.00 100.00"]);
  });

  it("puts items without a date last, and uses the due date when there is no date arisen", () => {
    const r = readLedger(
      [
        ["客户", "发生日期", "到期日", "金额", "已收金额"],
        ["甲", "", "", 100, ""], // row 2: no date at all
        ["甲", "", 40553, 100, ""], // row 3: due 2011-01-10
        ["甲", 40600, "", 100, ""], // row 4
        ["甲", 40700, "", "", 250], // row 5: receipt
      ],
      { sheet: "S" },
    );
    // 250: row 3 (dated by its due date) 100, row 4 100, row 2 (no date) 50.
    expect(allocations(r)).toEqual(["5->2 50.00", "5->3 100.00", "5->4 100.00"]);
    expect(r.issues.map((i) => `${i.row} ${i.issue}`)).toEqual(["2 missing-field"]);
  });

  it("nets a red reversal or a receipt against the invoice its 摘要 names, when no column names one", () => {
    // Issue 13: "Reversals (red 借方) and credit memos net against the customer's invoices: the
    // named document first, else FIFO". A 明细账 names the invoice in 摘要 only.
    const r = readLedger(
      [
        ["日期", "客户名称", "单据号", "摘要", "借方", "贷方"],
        [40553, "甲", "FP-101", "销售", 10000, ""], // row 2: 2011-01-10, oldest
        [40704, "甲", "FP-102", "销售", 8000, ""], // row 3: 2011-06-10
        [40725, "甲", "HC-01", "冲销ＦＰ－102多开", -3000, ""], // row 4: names FP-102 (full-width, as typed)
        [40760, "甲", "", "收回 fp-102 货款", "", 1000], // row 5: names FP-102 too
        [40770, "甲", "", "收款 记-0012", "", 500], // row 6: 0012 is no invoice of 甲: FIFO, no warning
      ],
      { sheet: "S" },
    );
    // FP-102: 8,000 − 3,000 − 1,000 = 4,000 open; FP-101: 10,000 − 500 (FIFO) = 9,500 open.
    // By FIFO alone FP-101 would have taken all 4,500.
    expect(allocations(r)).toEqual(["4->3 3000.00", "5->3 1000.00", "6->2 500.00"]);
    expect(open(r)).toEqual(["2 甲 10000.00 500.00 9500.00", "3 甲 8000.00 4000.00 4000.00"]);
    expect(tx(r).issues).toEqual([]);
  });

  it("finds the invoice by the number its own 摘要 gives when the ledger has no document column", () => {
    // A 明细账 of 日期, 凭证号, 客户, 摘要, 借方, 贷方: the invoice number is in 摘要 only.
    const r = readLedger(
      [
        ["日期", "凭证号", "客户", "摘要", "借方", "贷方"],
        [40607, "记-003", "攀枝花", "销售钢材 发票号00123", 88000, null], // row 2: 2011-03-05
        [40828, "记-011", "攀枝花", "收回货款", null, 20000], // row 3: FIFO to 00123
        [40867, "记-027", "攀枝花", "销售钢材 发票号00131", 42000, null], // row 4: 2011-11-20
        [40887, "记-030", "攀枝花", "收回货款 冲00131", -42000, null], // row 5: names 00131
      ],
      { sheet: "S" },
    );
    // 00123: 88,000 − 20,000 = 68,000 open; 00131 settled by its own reversal (FIFO would have
    // left 00123 at 26,000 and 00131 at 42,000).
    expect(allocations(r)).toEqual(["3->2 20000.00", "5->4 42000.00"]);
    expect(open(r)).toEqual(["2 攀枝花 88000.00 20000.00 68000.00"]);
  });

  it("nets by customer code (客户编码) whatever the name cell says; one name under two codes is two customers", () => {
    const H = ["客户编码", "客户名称", "单据日期", "单据号", "单据类型", "应收金额", "收款金额", "对应单据"];
    const r = readLedger(
      [
        H,
        ["C001", "成都华信（集团）有限公司", 40584, "YS001", "销售发票", 100000, null, null], // row 2: 2011-02-10
        ["C001", "成都华信(集团)有限公司", 40673, "YS005", "销售发票", 50000, null, null], // row 3: 2011-05-10
        ["C001", "成都华信（集团）有限责任公司", 40724, "SK003", "收款单", null, 80000, null], // row 4: FIFO, C001
        ["C002", "绵竹剑南春酒类销售有限公司", 40603, "YS002", "销售发票", 120000, null, null], // row 5
        ["C002", "绵竹剑南春酒类销售有限责任公司", 40787, "SK010", "收款单", null, 120000, "YS002"], // row 6: names YS002
        ["C003", "成都华信集团有限公司", 40848, "YS015", "销售发票", 25000, null, null], // row 7
        [null, "成都华信集团有限公司", 40878, "SK021", "收款单", null, 5000, null], // row 8: no code: its name's (C003)
        ["C009", "绵竹剑南春酒类销售有限公司", 40880, "SK030", "收款单", null, 1000, null], // row 9: another code: an advance
      ],
      { sheet: "应收单据" },
    );
    // C001: 80,000 pays YS001 (oldest) → 20,000 open, YS005 50,000 open. C002: YS002 settled.
    // C003: 25,000 − 5,000 = 20,000. C009: 1,000 received, nothing owed → an advance.
    expect(open(r)).toEqual(["2 成都华信（集团）有限公司 100000.00 80000.00 20000.00", "3 成都华信(集团)有限公司 50000.00 0.00 50000.00", "7 成都华信集团有限公司 25000.00 5000.00 20000.00"]);
    expect(tx(r).advances.map((a) => `${a.customer} ${a.amount.toFixed(2)} ${a.rows.join(",")}`)).toEqual(["绵竹剑南春酒类销售有限公司 1000.00 9"]);
    expect(tx(r).issues).toEqual([]);
  });

  it("does not take a date or a voucher number in 摘要 for an invoice number", () => {
    const r = readLedger(
      [
        ["日期", "客户名称", "单据号", "摘要", "借方", "贷方"],
        [40200, "甲", "001", "销售", 10000, ""], // row 2: 2010-01-22, oldest
        [40877, "甲", "003", "销售 2011.11.30发货", 10000, ""], // row 3
        [40878, "甲", "2011.11.30", "销售", 10000, ""], // row 4: numbered as a date (a poor number, but its own)
        [40880, "甲", "", "收款 2011.11.30到账 记字003号", "", 10000], // row 5: a date and a voucher: FIFO
      ],
      { sheet: "S" },
    );
    expect(allocations(r)).toEqual(["5->2 10000.00"]);
  });

  it("nets a red reversal against the entry its 摘要 names by voucher and date (冲销6月30日转-0045号凭证), when one of its customer's entries is that one", () => {
    const values = (note: string) => [
      ["日期", "凭证字号", "客户名称", "摘要", "借方", "贷方"],
      ["2009-06-30", "转-0031", "广元剑门", "销售白酒", 50000, ""], // row 2
      ["2011-06-30", "转-0045", "广元剑门", "销售白酒", 50000, ""], // row 3
      ["2011-07-10", "转-0052", "广元剑门", note, -50000, ""], // row 4: the 2011 sale reversed
      ["2010-06-30", "转-0045", "绵阳", "销售白酒", 30000, ""], // row 5: another customer's 转-0045
    ];
    // The 2011 sale is undone: the 2009 item stays open (2–3 years old on 2011-08-31, 30%), not the other way round (FIFO cleared 2009's).
    expect(open(readLedger(values("冲销6月30日转-0045号凭证（退货）"), { sheet: "S" }))).toEqual(["2 广元剑门 50000.00 0.00 50000.00", "5 绵阳 30000.00 0.00 30000.00"]);
    expect(open(readLedger(values("红字冲销转字45号凭证"), { sheet: "S" }))).toEqual(["2 广元剑门 50000.00 0.00 50000.00", "5 绵阳 30000.00 0.00 30000.00"]);
    // A date that is no entry's of that voucher names none: FIFO, as before.
    expect(open(readLedger(values("冲销5月30日转-0045号凭证"), { sheet: "S" }))).toEqual(["3 广元剑门 50000.00 0.00 50000.00", "5 绵阳 30000.00 0.00 30000.00"]);
  });

  it("does not take a 摘要's number for another customer's invoice", () => {
    const r = readLedger(
      [
        ["日期", "客户名称", "单据号", "摘要", "借方", "贷方"],
        [40553, "甲", "FP-101", "销售", 100, ""], // row 2
        [40704, "乙", "FP-102", "销售", 100, ""], // row 3
        [40725, "甲", "", "冲销 FP-102", -40, ""], // row 4: FP-102 is 乙's: 甲's FIFO
      ],
      { sheet: "S" },
    );
    expect(allocations(r)).toEqual(["4->2 40.00"]);
  });

  it("applies a named receipt's remainder to the oldest items", () => {
    const r = readLedger(
      [
        HEADER,
        [40553, "甲", "A", "开票", 100, ""], // row 2
        [40612, "甲", "B", "开票", 100, ""], // row 3
        [40700, "甲", "B", "收款", 150, ""], // row 4: names B; 100 to B, 50 left to A
      ],
      { sheet: "S" },
    );
    expect(allocations(r)).toEqual(["4->2 50.00", "4->3 100.00"]);
    expect(open(r)).toEqual(["2 甲 100.00 50.00 50.00"]);
  });

  it("gives named receipts their document before any unnamed receipt takes it", () => {
    const r = readLedger(
      [
        HEADER,
        [40553, "甲", "A", "开票", 100, ""], // row 2
        [40560, "甲", "", "收款", 100, ""], // row 3: earlier, unnamed
        [40600, "甲", "B", "开票", 100, ""], // row 4
        [40700, "甲", "A", "收款", 100, ""], // row 5: later, names A
      ],
      { sheet: "S" },
    );
    // Named first: row 5 pays A; then FIFO: row 3 pays B.
    expect(allocations(r)).toEqual(["3->4 100.00", "5->2 100.00"]);
    expect(tx(r).open).toEqual([]);
  });

  it("keeps oldest-first order when the dates lie a century and a half apart", () => {
    // 1950-01-01 (serial 18264) and 2099-12-31 (73050), the widest a ledger's dates may lie apart.
    const r = readLedger(
      [
        HEADER,
        [73050, "甲", "C", "开票", 100, ""], // row 2: newest
        [40553, "甲", "B", "开票", 100, ""], // row 3
        [18264, "甲", "A", "开票", 100, ""], // row 4: oldest
        [73050, "甲", "", "收款", 150, ""], // row 5
      ],
      { sheet: "S" },
    );
    expect(allocations(r)).toEqual(["5->3 50.00", "5->4 100.00"]);
  });

  it("matches a named document whatever its case or width, and only among the credit's own customer's invoices", () => {
    const r = readLedger(
      [
        HEADER,
        [40553, "乙", "inv-7", "开票", 100, ""], // row 2: 乙's, same number
        [40553, "甲", "X1", "开票", 100, ""], // row 3: 甲's oldest
        [40600, "甲", "ＩＮＶ－７", "开票", 100, ""], // row 4: full-width, reads as inv-7
        [40612, "甲", "INV-7", "开票", 100, ""], // row 5: upper case, the same number again
        [40700, "甲", "Inv-7", "收款", 150, ""], // row 6: names inv-7
      ],
      { sheet: "S" },
    );
    // 甲's two inv-7 lines, oldest first: row 4 takes 100, row 5 50; 乙's and 甲's X1 untouched.
    expect(allocations(r)).toEqual(["6->4 100.00", "6->5 50.00"]);
    expect(open(r)).toEqual(["2 乙 100.00 0.00 100.00", "3 甲 100.00 0.00 100.00", "5 甲 100.00 50.00 50.00"]);
  });

  it("lets an invoice line's own received amount pay that invoice first", () => {
    const r = readLedger(
      [
        HEADER,
        [40553, "甲", "A", "开票", 100, ""], // row 2
        [40600, "甲", "B", "开票", 100, 130], // row 3: 100 pays itself, 30 goes to A
        [40700, "甲", "", "", "", 20], // row 4: a received-only line makes it a transactions sheet
      ],
      { sheet: "S" },
    );
    expect(r.shape).toBe("transactions");
    expect(allocations(r)).toEqual(["3->2 30.00", "3->3 100.00", "4->2 20.00"]);
    expect(open(r)).toEqual(["2 甲 100.00 50.00 50.00"]);
  });

  it("keeps an invoice without a customer open at its full amount", () => {
    const r = readLedger(
      [
        HEADER,
        [40553, "", "A", "开票", 100, ""], // row 2
        [40600, "甲", "", "收款", 30, ""], // row 3: 甲 has nothing to pay
      ],
      { sheet: "S" },
    );
    expect(open(r)).toEqual(["2 null 100.00 0.00 100.00"]);
    expect(tx(r).advances.map((c) => [c.customer, c.amount.toFixed(2)])).toEqual([["甲", "30.00"]]);
    expect(r.issues.map((i) => `${i.row} ${i.field} ${i.issue}`)).toEqual(["2 customer missing-field"]);
  });

  it("groups customers whatever their spacing, width or case", () => {
    const r = readLedger(
      [
        HEADER,
        [40553, "ＡＢＣ 公司", "A", "开票", 100, ""],
        [40600, "abc公司 ", "", "收款", 100, ""],
      ],
      { sheet: "S" },
    );
    expect(tx(r).open).toEqual([]);
    expect(tx(r).advances).toEqual([]);
  });

  it("keeps amounts that are not whole fen exact (the decimal path)", () => {
    const r = readLedger(
      [
        HEADER,
        [40553, "甲", "A", "开票", 100.005, ""],
        [40600, "甲", "", "收款", 60.0025, ""],
        [40553, "乙", "C", "开票", 10, ""],
        [40600, "乙", "", "收款", 10.001, ""],
      ],
      { sheet: "S" },
    );
    // 100.005 − 60.0025 = 40.0025 open; 乙 overpays 10.001 − 10 = 0.001.
    expect(tx(r).open.map((x) => [x.row, x.balance?.toString(), x.balanceFen])).toEqual([[2, "40.0025", NaN]]);
    expect(tx(r).advances.map((c) => [c.customer, c.amount.toString(), c.amountFen])).toEqual([["乙", "0.001", NaN]]);
    expect(tx(r).allocations.map((a) => [a.receiptRow, a.amount.toString()])).toEqual([
      [3, "60.0025"],
      [5, "10"],
    ]);
  });

  it("decides per customer whether allocation runs in whole fen: one customer's fraction of a fen does not move another off it", () => {
    const r = readLedger(
      [
        HEADER,
        [40553, "甲", "A", "开票", 100.005, ""], // row 2
        [40600, "甲", "", "收款", 60, ""], // row 3
        ["", "乙", "D", "开票", 30, ""], // row 4: undated, allocated last
        [40553, "乙", "C", "开票", 10, ""], // row 5
        [40560, "乙", "", "调整", 0, 0], // row 6: moves nothing
        [40600, "乙", "", "收款", 25, ""], // row 7
      ],
      { sheet: "S" },
    );
    // 甲: 100.005 − 60 = 40.005, exact (not whole fen). 乙: 25 pays C's 10 (dated) first, then 15 of the undated D.
    const shares = tx(r).allocations.map((a) => [a.receiptRow, a.itemRow, a.amount.toString(), a.amountFen]);
    // Listed by credit row, then item row.
    expect(shares).toEqual([
      [3, 2, "60", 6000],
      [7, 4, "15", 1500],
      [7, 5, "10", 1000],
    ]);
    expect(open(r)).toEqual(["2 甲 100.01 60.00 40.01", "4 乙 30.00 15.00 15.00"]);
    expect(tx(r).open.map((x) => [x.row, x.balance?.toString(), x.balanceFen])).toEqual([
      [2, "40.005", NaN],
      [4, "15", 1500],
    ]);
  });
});


describe("what is a receipt", () => {
  it("reads the type column, ignoring 应收 and 未收", () => {
    expect(["收款", "银行回款", "收到货款", "预收工程款", "Payment", "cash received", "Receipt"].map(isReceiptType)).toEqual([true, true, true, true, true, true, true]);
    expect(["应收款", "其他应收款", "开票", "未收款", "Accounts receivable", null].map(isReceiptType)).toEqual([false, false, false, false, false, false]);
  });

  it("tells receipts, invoices and nothing apart by amounts", () => {
    const r = readLedger(
      [
        ["日期", "客户", "摘要", "借方", "贷方", "余额"],
        [40544, "甲", "期初余额", "", "", 500], // row 2: opening balance -> invoice of 500
        [40553, "甲", "开票", 1000, "", 1500], // row 3: invoice
        [40600, "甲", "收到货款", "", 800, 700], // row 4: 贷方 only -> receipt
        [40610, "甲", "红字冲销", -100, "", 600], // row 5: negative amount -> receipt of 100
        [40620, "甲", "调整", 0, 0, 600], // row 6: nothing to allocate
      ],
      { sheet: "明细账" },
    );
    expect(r.shape).toBe("transactions");
    // 摘要 maps to note, not type; 借方 -> amount, 贷方 -> received, 余额 (running) -> balance.
    expect(r.mapping.columns.map((c) => c.field)).toEqual(["dateArisen", "customer", "note", "amount", "received", "balance"]);
    expect(r.layout.runningBalance).toBe(true);
    expect(r.rows[0].isOpening).toBe(true);
    // 800 + 100 = 900 pays the 500 opening balance (oldest), then 400 of the 1000 invoice.
    expect(open(r)).toEqual(["3 甲 1000.00 400.00 600.00"]);
    expect(tx(r).settledRows.map((x) => x.toJSON())).toMatchObject([{ row: 2, amount: "500.00", received: "500.00", balance: "0.00" }]);
    // The running balance agrees line by line: 500 + 1000 = 1500, − 800 = 700, − 100 = 600, + 0 = 600.
    expect(r.reconciliation).toEqual({ status: "reconciled", checked: 4, differences: [] });
  });

  it("classifies single rows", () => {
    const r = readLedger(
      [
        ["日期", "客户", "类型", "金额", "已收金额", "余额"],
        [40553, "甲", "收款", 100, "", ""],
        [40553, "甲", "收款", "", "", ""],
        [40553, "甲", "", 100, "", ""],
        [40553, "甲", "", -100, "", -100],
        [40553, "甲", "", 0, "", ""],
      ],
      { sheet: "S", shape: "open-items" },
    );
    expect(r.rows.map(transactionKind)).toEqual(["receipt", null, "invoice", "receipt", null]);
  });

  it("does not take a refund for a receipt, and takes a return, a red reversal or a credit note for a credit", () => {
    // 收款退款单 and 退还预收货款 contain 收款 and 预收, but money paid back is owed again.
    expect(["收款退款单", "退还预收货款", "预收款退回货款", "Refund of payment", "收款退回", "预收款退回", "退回收款"].map(isReceiptType)).toEqual([false, false, false, false, false, false, false]);
    expect(["收款退款单", "退还预收货款", "退货款"].map(isCreditType)).toEqual([false, false, false]);
    expect(["销售退货单", "销售退回", "红冲", "冲红", "红字发票", "销售折让", "Credit note", "credit memo", "收款单"].map(isCreditType)).toEqual([true, true, true, true, true, true, true, true, true]);
    expect(["销售发票", "应收单", null].map(isCreditType)).toEqual([false, false, false]);
  });

  it("takes a receivable settled otherwise than in cash, or written off, for a credit against the invoice it names (U8 单据类型)", () => {
    // By hand, to the list's end: 广安's 50,000 less 20,000 offset against payables and 10,000
    // settled by a bill: 20,000 open. 攀枝花's 6,000 is written off (坏账发生), 资阳's 12,000
    // settled in goods (以物抵债): nothing open. Read as invoices, these lines made 116,000 open.
    expect(["应收冲应付", "应收冲预收", "票据结算", "以物抵债", "债务重组", "坏账核销", "坏账发生", "Write-off"].map(isCreditType)).toEqual([true, true, true, true, true, true, true, true]);
    const r = readLedger(
      [
        ["单据日期", "单据类型", "单据编号", "客户名称", "金额", "对应单据"],
        ["2011-01-10", "销售专用发票", "XF001", "广安爱众", 50000, null], // row 2
        ["2011-03-20", "应收冲应付", "ZZ001", "广安爱众", 20000, "XF001"],
        ["2011-05-12", "票据结算", "PJ001", "广安爱众", 10000, "XF001"],
        ["2009-04-01", "销售专用发票", "XF002", "攀枝花钛业", 6000, null],
        ["2011-06-30", "坏账发生", "HZ001", "攀枝花钛业", 6000, "XF002"],
        ["2011-02-01", "销售专用发票", "XF003", "资阳南骏", 12000, null],
        ["2011-04-01", "以物抵债", "DZ001", "资阳南骏", 12000, "XF003"],
      ],
      { sheet: "应收单" },
    );
    expect(open(r)).toEqual(["2 广安爱众 50000.00 30000.00 20000.00"]);
    expect(tx(r).advances).toEqual([]);
  });

  it("lets the side win over the type in a ledger of 借方 and 贷方: a 坏账收回 or a refund on 借方 is owed, not received", () => {
    const r = readLedger(
      [
        ["日期", "客户", "业务类型", "借方金额", "贷方金额"],
        [40553, "甲", "销售", 100000, ""], // row 2: 2011-01-10
        [40584, "甲", "收款", "", 100000], // row 3: pays row 2
        [40612, "乙", "预收货款", "", 30000], // row 4: 2011-03-10, an advance
        [40643, "乙", "退还预收货款", 30000, ""], // row 5: the advance paid back
        [40673, "丙", "坏账收回", 45000, ""], // row 6: 2011-05-10, the written-off debt reinstated (Dr 应收账款, Cr 坏账准备)
        [40704, "丙", "坏账收回", "", 25000], // row 7: and 25,000 of it received
      ],
      { sheet: "S" },
    );
    expect(r.rows.map(transactionKind)).toEqual(["invoice", "receipt", "receipt", "invoice", "invoice", "receipt"]);
    // 乙: the 30,000 advance settles the 30,000 paid back: nothing open, nothing in advance.
    // 丙: 45,000 − 25,000 = 20,000 open. (Read by the type, rows 5 and 6 were credits: 乙 60,000 and 丙 70,000 in advance.)
    expect(open(r)).toEqual(["6 丙 45000.00 25000.00 20000.00"]);
    expect(tx(r).advances).toEqual([]);
    // A 退还预收 or a 坏账收回 on 借方 is the usual entry: nothing said.
    expect(r.layout.receiptsOnDebit).toEqual([]);
  });

  it("says a receipt keyed on 借方: read as owed by its side, twice its amount too much open if it was received", () => {
    const r = readLedger(
      [
        ["日期", "客户名称", "摘要", "借方金额", "贷方金额"],
        [40553, "甲公司", "销售", 100000, ""], // row 2
        [40584, "甲公司", "收款", 40000, ""], // row 3: on 借方
        [40612, "甲公司", "收回货款", "", 10000], // row 4: on 贷方, as it should be
        [40643, "乙公司", "坏账收回", 5000, ""], // row 5: the reinstatement, on 借方 as it should be
      ],
      { sheet: "明细账" },
    );
    // By the side: 100,000 + 40,000 owed, 10,000 received: 90,000 on row 2 and 40,000 on row 3; 乙 5,000.
    expect(open(r)).toEqual(["2 甲公司 100000.00 10000.00 90000.00", "3 甲公司 40000.00 0.00 40000.00", "5 乙公司 5000.00 0.00 5000.00"]);
    expect(r.layout.receiptsOnDebit).toEqual([{ sheet: "明细账", row: 3 }]);
    const a = auditLedger(r, {}, fromYmd(2011, 12, 31), DEFAULT_POLICY);
    const said = a.findings.filter((f) => f.rule === "receipt-on-debit");
    expect(said.map((f) => `${f.severity} ${f.cell}`)).toEqual(["warning 明细账!D3"]);
    expect(said[0].message["zh-CN"]).toBe("明细账!D3：摘要或类型写着收款，金额却记在借方，按借方（应收增加）读取；本行起共 1 行（第 3 行）如此。如确为收款，应记在贷方，否则未结清款项多计两倍该金额。");
  });

  it("reads 金额（借） and 金额（贷） as 借方 and 贷方: the 贷方 receipts were left unread (140,000 open for 40,000)", () => {
    const r = readLedger(
      [
        ["日期", "客户名称", "摘要", "金额（借）", "金额（贷）", "余额"],
        [40553, "甲公司", "销售", 100000, "", 100000], // row 2
        [40584, "甲公司", "收款", "", 60000, 40000], // row 3
        [40600, "甲公司", "销售", 5000, "", 45000], // row 4
        [40553, "乙公司", "销售", 7000, "", 7000], // row 5
        [40584, "乙公司", "收款", "", 7000, 0], // row 6
      ],
      { sheet: "S" },
    );
    expect(r.mapping.columns.map((c) => c.field)).toEqual(["dateArisen", "customer", "note", "amount", "received", "balance"]);
    expect(r.shape).toBe("transactions");
    // 甲: 100,000 − 60,000 = 40,000 on row 2, and 5,000 on row 4; 乙 settled. The running 余额 agrees on every later line.
    expect(open(r)).toEqual(["2 甲公司 100000.00 60000.00 40000.00", "4 甲公司 5000.00 0.00 5000.00"]);
    expect(r.reconciliation).toEqual({ status: "reconciled", checked: 3, differences: [] });
  });

  it("reads an ERP list's unsigned amounts by their type: a 销售退货单 reduces, a 收款退款单 is owed again", () => {
    const r = readLedger(
      [
        ["单据日期", "客户", "单据类型", "单据编号", "金额"],
        [40553, "甲", "销售发票", "XS1", 100000], // row 2
        [40584, "甲", "销售退货单", "TH1", 20000], // row 3: a return, written unsigned
        [40612, "甲", "收款单", "SK1", 50000], // row 4
        [40643, "甲", "收款退款单", "TK1", 10000], // row 5: 10,000 of the receipt paid back
      ],
      { sheet: "S" },
    );
    expect(r.shape).toBe("transactions");
    expect(r.rows.map(transactionKind)).toEqual(["invoice", "receipt", "receipt", "invoice"]);
    // XS1: 100,000 − 20,000 − 50,000 = 30,000 open; TK1 10,000 open: 40,000 in all.
    expect(open(r)).toEqual(["2 甲 100000.00 70000.00 30000.00", "5 甲 10000.00 0.00 10000.00"]);
  });

  it("makes a 红字收款单 in a list of one amount column a receipt undone: owed again, not received twice", () => {
    const r = readLedger(
      [
        ["单据日期", "客户", "单据类型", "单据编号", "金额"],
        [40553, "甲", "销售发票", "XS1", 100000], // row 2: 2011-01-10
        [40584, "甲", "收款单", "SK1", 40000], // row 3
        [40612, "甲", "红字收款单", "SK2", -10000], // row 4: 10,000 of SK1 undone
        [40612, "乙", "销售发票", "XS2", 30000], // row 5
        [40643, "乙", "收款单（红字）", "SK3", 5000], // row 6: a red receipt written unsigned
      ],
      { sheet: "S" },
    );
    expect(r.rows.map(transactionKind)).toEqual(["invoice", "receipt", "reversal", "invoice", "reversal"]);
    // 甲: SK2 undoes 10,000 of SK1, the receipt before it, so SK1 paid XS1 30,000: 70,000 open on
    // XS1, aged from 2011-01-10 (read as a credit it was 50,000; read as an item of its own, 10,000
    // of it was aged from row 4's date). 乙: no receipt before SK3 to undo, so its 5,000 is owed
    // from its own line: 30,000 and 5,000, 35,000 (it was 25,000).
    expect(open(r)).toEqual(["2 甲 100000.00 30000.00 70000.00", "5 乙 30000.00 0.00 30000.00", "6 乙 5000.00 0.00 5000.00"]);
  });

  it("takes a receipt whose sign is not the ledger's receipts' for a receipt undone, and a negative refund for money owed again", () => {
    const r = readLedger(
      [
        ["单据日期", "客户", "单据类型", "单据编号", "金额"],
        [40553, "甲", "销售发票", "XS1", 100000], // row 2
        [40584, "甲", "收款单", "SK1", 40000], // row 3
        [40585, "甲", "收款单", "SK2", 20000], // row 4
        [40612, "甲", "收款单", "SK3", -10000], // row 5: negative among positive receipts: a red one
        [40553, "乙", "销售发票", "XS2", 30000], // row 6
        [40584, "乙", "收款退款单", "TK1", -1500], // row 7: a refund written negative
        [40585, "乙", "收款单", "SK4", 30000], // row 8
      ],
      { sheet: "S" },
    );
    expect(r.rows.map(transactionKind)).toEqual(["invoice", "receipt", "receipt", "reversal", "invoice", "reversal", "receipt"]);
    // 甲: SK3 undoes 10,000 of SK2 (the latest receipt before it; none of its size), so XS1
    // received 40,000 + 10,000: 50,000 open on XS1. 乙: no receipt before the refund (SK4 is a day
    // later), so its 1,500 stays owed on row 7; SK4 pays XS2 (oldest).
    expect(open(r)).toEqual(["2 甲 100000.00 50000.00 50000.00", "7 乙 1500.00 0.00 1500.00"]);
  });

  it("lets a running 余额 say what a receipt is, whatever its sign, and decides the receipts' sign over sheets read together", () => {
    // The 余额 falls 60,000 → 45,000: the −15,000 收款 was received, not undone (read so, 75,000 was open).
    const running = readLedger(
      [
        ["日期", "客户", "类型", "摘要", "金额", "余额"],
        ["2011-06-01", "甲公司", "发货", "销货", 100000, 100000],
        ["2011-06-10", "甲公司", "收款", "收货款", 20000, 80000],
        ["2011-06-20", "甲公司", "收款", "收货款", 20000, 60000],
        ["2011-07-01", "甲公司", "收款", "收货款", -15000, 45000],
      ],
      { sheet: "S" },
    );
    expect(tx(running).open.reduce((sum, x) => sum + Number(x.balance), 0)).toBe(45000);
    // 6月 writes receipts positive; 7月's one receipt is negative: one ledger, a red one among positives.
    const june = readLedger([["单据日期", "客户", "单据类型", "金额"], [40695, "甲", "销售发票", 100000], [40700, "甲", "收款单", 40000], [40705, "甲", "收款单", 20000]], { sheet: "6月" });
    const july = readLedger([["单据日期", "客户", "单据类型", "金额"], [40725, "甲", "收款单", -10000]], { sheet: "7月" });
    const both = combineReadings([june, july]);
    expect(both.rows.map(transactionKind)).toEqual(["invoice", "receipt", "receipt", "reversal"]);
  });

  it("reads receipts written with one sign, either sign, as received: nothing is a reversal without a ledger convention to break", () => {
    const values = (sign: number) => [
      ["单据日期", "客户", "单据类型", "金额"],
      [40553, "甲", "销售发票", 100000],
      [40584, "甲", "收款单", sign * 40000],
      [40612, "甲", "收款单", sign * 10000],
    ];
    for (const sign of [1, -1]) {
      const r = readLedger(values(sign), { sheet: "S" });
      expect(r.rows.map(transactionKind)).toEqual(["invoice", "receipt", "receipt"]);
      expect(open(r)).toEqual(["2 甲 100000.00 50000.00 50000.00"]);
    }
    // One positive and one negative: no convention to tell by; each is received by its size.
    const tied = readLedger([...values(1).slice(0, 3), [40612, "甲", "收款单", -10000]], { sheet: "S" });
    expect(tied.rows.map(transactionKind)).toEqual(["invoice", "receipt", "receipt"]);
  });

  it("makes a negative 贷方 (a receipt reversed: a bounced cheque, 红字贷方) an amount owed again, not nothing", () => {
    const r = readLedger(
      [
        ["日期", "客户", "摘要", "借方", "贷方"],
        [40553, "顺发", "销售", 50000, ""], // row 2: 2011-01-10
        [40560, "顺发", "收款", "", 20000], // row 3
        [40570, "顺发", "退票冲回", "", -3000], // row 4: the receipt bounced for 3,000
      ],
      { sheet: "S" },
    );
    expect(r.rows.map(transactionKind)).toEqual(["invoice", "receipt", "receipt"]);
    // The 3,000 bounced undoes that much of row 3's receipt: 50,000 − 17,000 = 33,000 open on row 2,
    // aged from 2011-01-10 (it was 30,000 there and 3,000 aged from the bounce on row 4).
    expect(open(r)).toEqual(["2 顺发 50000.00 17000.00 33000.00"]);
  });

  it("ages what a bounced cheque left owed from the invoice the cheque paid, not from the day it bounced", () => {
    const r = readLedger(
      [
        ["日期", "客户", "摘要", "借方", "贷方"],
        ["2011-01-10", "甲", "销售", 100000, ""], // row 2
        ["2011-02-20", "甲", "收款", "", 60000], // row 3
        ["2011-03-15", "甲", "收款", "", 40000], // row 4
        ["2011-07-20", "甲", "退票", "", -60000], // row 5: row 3's cheque bounced
        ["2011-07-25", "甲", "销售", 10000, ""], // row 6
      ],
      { sheet: "S" },
    );
    // On 2011-07-19, before the bounce: 100,000 received against 100,000, nothing open.
    expect(tx(r, fromYmd(2011, 7, 19)).open).toEqual([]);
    // After it: row 3's 60,000 never paid (the bounce is of its size), so row 2 received only row
    // 4's 40,000 and is open 60,000 from 2011-01-10, not from 2011-07-20 on row 5.
    expect(open(r)).toEqual(["2 甲 100000.00 40000.00 60000.00", "6 甲 10000.00 0.00 10000.00"]);
    expect(allocations(r)).toEqual(["3->5 60000.00", "4->2 40000.00"]);
    // Aged on 2011-08-31: 2011-01-10 is 21 + 28 + 31 + 30 + 31 + 30 + 31 + 31 = 233 days back (the
    // bounce on 2011-07-20 would have made it 42).
    const audit = auditLedger(r, {}, fromYmd(2011, 8, 31), DEFAULT_POLICY);
    const row = audit.rows.get(0);
    expect([row.row, row.balance, row.ageDays]).toEqual([2, "60000.00", 233]);
  });

  it("undoes a receipt in exact decimals where the amounts are not whole fen", () => {
    const r = readLedger(
      [
        ["日期", "客户", "摘要", "借方", "贷方"],
        ["2011-01-10", "乙", "销售", 1000.125, ""], // row 2
        ["2011-02-20", "乙", "收款", "", 600.125], // row 3
        ["2011-03-20", "乙", "收款", "", 100], // row 4
        ["2011-07-20", "乙", "退票", "", -600.125], // row 5: row 3 bounced
      ],
      { sheet: "S" },
    );
    // Row 3 undone: row 2 received row 4's 100 only, 900.125 open from 2011-01-10.
    expect(tx(r).open.map((x) => `${x.row} ${x.received?.toString()} ${x.balance?.toString()}`)).toEqual(["2 100 900.125"]);
  });
});

describe("shape", () => {
  it("keeps an open-items ledger with a credit note as open items, the credit netted against its customer's items", () => {
    const r = readLedger(
      [
        ["客户", "发生日期", "金额", "已收金额", "余额"],
        ["甲", 40553, 1000, 0, 1000],
        ["甲", 40600, -200, "", -200], // a credit note carries its own (negative) balance
      ],
      { sheet: "S" },
    );
    expect(r.shape).toBe("open-items");
    expect(r.rows.map((x) => x.balanceFen)).toEqual([100000, -20000]);
    // The −200 credit note nets against 甲's 1,000: 800 open, no advance.
    expect(tx(r).open.map((x) => [x.row, x.balanceFen])).toEqual([[2, 80000]]);
    expect(tx(r).advances).toEqual([]);
  });

  it("keeps, in an open-items ledger, the rows a credit did not reach as read: their balance is the sheet's, and the balance check still sees them", () => {
    const r = readLedger(
      [
        ["客户", "发生日期", "金额", "已收金额", "余额"],
        ["甲", 40553, 1000, 0, 1000],
        ["甲", 40560, 500, 100, 400],
        ["甲", 40600, -200, "", -200],
      ],
      { sheet: "S" },
    );
    const view = tx(r);
    // FIFO: the −200 takes 200 of the oldest (row 2: 1,000 → 800); row 3 is untouched.
    expect(view.open.map((x) => [x.row, x.balanceFen, x.receivedFen, x.balanceDerived])).toEqual([
      [2, 80000, 20000, true],
      [3, 40000, 10000, false],
    ]);
    // The untouched row is the reading's own row, not a copy.
    expect(view.open[1]).toBe(r.rows[1]);
  });

  it("keeps an open-items list with a red invoice carrying its own 余额 as open items (its 余额 are read, not re-derived)", () => {
    const r = readLedger(
      [
        ["客户名称", "单据类型", "单据号", "单据日期", "金额", "未核销余额"],
        ["甲公司", "销售发票", "F1", "2011-01-10", 100000, 30000], // row 2
        ["甲公司", "销售发票", "F2", "2011-02-10", 50000, 50000], // row 3
        ["甲公司", "红字销售发票", "F3", "2011-03-10", -5000, -5000], // row 4
        ["乙公司", "销售发票", "F4", "2011-03-10", 20000, 20000], // row 5
      ],
      { sheet: "S" },
    );
    expect(r.shape).toBe("open-items");
    // The 5,000 credit nets against 甲's oldest item: F1 30,000 − 5,000 = 25,000; F2 50,000; F4 20,000: 95,000.
    expect(tx(r).open.map((x) => `${x.row} ${x.balance?.toFixed(2)}`)).toEqual(["2 25000.00", "3 50000.00", "5 20000.00"]);
  });

  it("follows an explicit shape", () => {
    const asOpen = readLedger(TRANSACTIONS, { sheet: "S", shape: "open-items" });
    expect(asOpen.shape).toBe("open-items");
    expect(asOpen.rows).toHaveLength(11);
    // Read as open items, the received-only row 9 has neither balance nor amount.
    expect(asOpen.issues.filter((i) => i.issue === "missing-field").map((i) => `${i.row} ${i.field}`)).toEqual(["9 amount", "12 customer"]);

    const plain = readLedger(
      [
        ["客户", "发生日期", "金额"],
        ["甲", 40553, 100],
      ],
      { sheet: "S", shape: "transactions" },
    );
    expect(plain.shape).toBe("transactions");
    expect(open(plain)).toEqual(["2 甲 100.00 0.00 100.00"]);
  });

  it("reports a transactions row with no amount at all", () => {
    const r = readLedger([HEADER, [40553, "甲", "", "收款", "", ""], [40553, "甲", "A", "开票", 10, ""]], { sheet: "S" });
    expect(r.shape).toBe("transactions");
    expect(r.issues.map((i) => `${i.row} ${i.column} ${i.field} ${i.issue}`)).toEqual(["2 E amount missing-field"]);
    expect(r.issues[0].en).toContain("the amount or received is missing");
  });
});
