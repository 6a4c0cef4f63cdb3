import { fromYmd } from "../../../src/core/calendar";
import {
  BILLS_REGISTER_SCHEMA,
  COLLECTION_LOG_SCHEMA,
  CUSTOMER_MASTER_SCHEMA,
  readBillsRegister,
  readCollectionLog,
  readCustomerMaster,
  type CustomerMasterRow,
} from "../../../src/core/ledger";
import { BILLS_REGISTER, COLLECTION_LOG, CUSTOMER_MASTER } from "../../fixtures/ledgers/companions";
import { thrown } from "../../helpers/errors";

const d = fromYmd;

describe("customer master", () => {
  const r = readCustomerMaster(CUSTOMER_MASTER, { sheet: "客户档案" });

  it("finds the header under the title and maps its columns", () => {
    expect(r.header.row).toBe(2);
    expect(r.mapping.columns.map((c) => `${c.letter}:${c.field}`)).toEqual(["A:customerCode", "B:customer", "C:creditGrade", "D:creditLimit", "E:creditDays", "F:lastReview"]);
    // 信用额度(万元): this column is read in 万元.
    expect(r.units.columns).toEqual({ creditLimit: 10000 });
  });

  it("reads typed records", () => {
    const juntong: CustomerMasterRow = r.records[0];
    expect(juntong).toMatchObject({ sheet: "客户档案", row: 3, customer: "成都军通通信有限公司", customerCode: "C001", creditGrade: "B", creditDays: 90, lastReview: d(2010, 6, 30) });
    // 50万 = 500,000 yuan
    expect(juntong.creditLimit?.toFixed(2)).toBe("500000.00");
    // "30万" says its own unit: 300,000, not 30万 × 万. "60天" is 60 days; "2010-12-31" text.
    expect([r.records[1].creditLimit?.toFixed(2), r.records[1].creditDays, r.records[1].lastReview]).toEqual(["300000.00", 60, d(2010, 12, 31)]);
    // Unmapped fields are null, not missing.
    expect(juntong.phone).toBeNull();
  });

  it("reports the unreadable review date and keeps the row", () => {
    expect(r.issues.map((i) => `${i.row} ${i.column} ${i.field} ${i.issue}`)).toEqual(["5 F lastReview bad-date"]);
    expect(r.issues[0].zh).toContain("工作表“客户档案”第 5 行 F 列（最近评审日期）：无法识别的日期“去年”");
    expect(r.records[2]).toMatchObject({ customer: "成都千嘉科技有限公司", creditLimit: null, lastReview: null });
  });

  it("needs a customer column", () => {
    const e = thrown(() => readCustomerMaster([["信用等级", "信用额度"], ["A", 1]], { sheet: "M" }));
    expect(e.id).toBe("ledger.missing-columns");
    expect(e.field).toBe("customer-master");
    expect(e.text["en-US"]).toContain("lacks required columns: customer (客户/客户名称");
  });

  it("reports a row without a customer", () => {
    const r2 = readCustomerMaster([["客户", "信用等级"], ["", "A"]], { sheet: "M" });
    expect(r2.issues.map((i) => `${i.row} ${i.column} ${i.issue}`)).toEqual(["2 A missing-field"]);
  });

  it("declares its schema", () => {
    expect(CUSTOMER_MASTER_SCHEMA.required).toEqual([["customer", "customerShort"]]);
  });
});

describe("bills register", () => {
  const r = readBillsRegister(BILLS_REGISTER, { sheet: "应收票据" });

  it("reads bills and skips the subtotal", () => {
    expect(r.records.map((b) => [b.row, b.billNo, b.billType, b.customer, b.acceptor, b.issueDate, b.dueDate, b.amount?.toFixed(2), b.status])).toEqual([
      // 40602 = 2011-02-28, 40786 = 2011-08-31
      [3, "31000051-20110228", "银行承兑汇票", "遂宁市华亿网络工程有限公司", "工商银行遂宁分行", d(2011, 2, 28), d(2011, 8, 31), "231400.00", "在库"],
      // 40663 = 2011-04-30
      [4, "GS-0002", "商业承兑汇票", "成都军通通信有限公司", "成都军通通信有限公司", d(2011, 4, 30), null, "100000.00", "已背书"],
    ]);
    expect(r.skipped).toEqual([{ row: 5, reason: "subtotal", text: "小计" }]);
  });

  it("reports a bill without a maturity", () => {
    expect(r.issues.map((i) => `${i.row} ${i.column} ${i.field} ${i.issue}`)).toEqual(["4 F dueDate missing-field"]);
    expect(r.issues[0].en).toBe('Sheet "应收票据", row 4, column F (maturity): the maturity is missing, so the row cannot be fully assessed.');
  });

  it("requires bill number, amount and maturity columns", () => {
    expect(BILLS_REGISTER_SCHEMA.required).toEqual([["billNo"], ["amount"], ["dueDate"]]);
    const e = thrown(() => readBillsRegister([["票据号码", "票面金额"], ["1", 1]], { sheet: "B" }));
    expect(e.id).toBe("ledger.missing-columns");
    expect(e.text["zh-CN"]).toContain("到期日（到期日/到期日期");
  });

  it("gives ledger.no-header for a sheet that is not a register", () => {
    const e = thrown(() => readBillsRegister([["会议纪要"], ["无"]], { sheet: "B" }));
    expect(e.id).toBe("ledger.no-header");
    expect(e.text["en-US"]).toContain("No header row of a bills register");
  });
});

describe("collection log", () => {
  const r = readCollectionLog(COLLECTION_LOG, { sheet: "收款情况" });

  it("reads contacts, promises and collections", () => {
    expect(r.records[0]).toMatchObject({
      row: 2,
      contactDate: d(2011, 5, 31), // 40694
      customer: "中国电信股份有限公司阿坝分公司",
      collector: "工程部 周",
      method: "上门",
      promisedDate: d(2011, 8, 31),
      writtenPromise: true, // 是
      result: "已付部分",
    });
    expect(r.records[0].promisedAmount?.toFixed(2)).toBe("690000.00");
    expect(r.records[0].collected?.toFixed(2)).toBe("230000.00");
    expect(r.records[1]).toMatchObject({ writtenPromise: false, promisedAmount: null, collected: null }); // 否
  });

  it("reports a contact without a date and an answer that is not yes or no", () => {
    expect(r.issues.map((i) => `${i.row} ${i.column} ${i.field} ${i.issue}`)).toEqual(["4 A contactDate missing-field", "4 G writtenPromise bad-boolean"]);
    expect(r.issues[1].en).toBe('Sheet "收款情况", row 4, column G (written promise): "也许" is not a yes or no; expected yes/no, 是/否, Y/N.');
    expect(r.records[2]).toMatchObject({ customer: "成都千嘉科技有限公司", contactDate: null, writtenPromise: null });
  });

  it("accepts the usual ways of writing yes and no", () => {
    const rows = [["日期", "客户", "书面承诺"], ...[true, "Y", "有", "√", 1, false, "否", "no", "×", 0].map((v) => [40694, "甲", v])];
    expect(readCollectionLog(rows, { sheet: "L" }).records.map((x) => x.writtenPromise)).toEqual([true, true, true, true, true, false, false, false, false, false]);
  });

  it("requires customer and date columns", () => {
    expect(COLLECTION_LOG_SCHEMA.required).toEqual([["customer"], ["contactDate"]]);
  });

  it("takes an explicit mapping like the ledger", () => {
    const values = [
      ["日期", "单位", "情况"],
      [40694, "甲", "答应下月付"],
    ];
    expect(thrown(() => readCollectionLog(values, { sheet: "L" })).id).toBe("ledger.no-header");
    const withMapping = readCollectionLog(values, { sheet: "L", headerRow: 1, mapping: { customer: "B", result: "C" } });
    expect(withMapping.records[0]).toMatchObject({ contactDate: d(2011, 5, 31), customer: "甲", result: "答应下月付" });
  });
});
