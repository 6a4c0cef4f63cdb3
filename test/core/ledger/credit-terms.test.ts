/**
 * Credit terms as hand-kept ledgers write them (信用期 3个月, 月结60天, 货到付款), not only as days.
 * A term in months ends on the corresponding day of the last month, or that month's last day
 * when it has none (Civil Code art. 202: 按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，
 * 月末日为期间的最后一日); 月结N天 counts N days from the end of the month the item arose in.
 */
import { fromYmd } from "../../../src/core/calendar";
import { creditTerm } from "../../../src/core/credit-terms";
import { readCustomerMaster } from "../../../src/core/ledger/companions";
import { readLedger } from "../../../src/core/ledger/index";
import { formatIsoDate } from "../../../src/core/dates";

test("creditTerm reads days, months and month-end settlement", () => {
  expect(creditTerm("货到付款")).toBe(0);
  expect(creditTerm("现结")).toBe(0);
  expect(creditTerm("Net 45")).toBe(45);
  expect(creditTerm("3个月")).toMatchObject({ months: 3, monthEnd: false, days: 0 });
  expect(creditTerm("一个月")).toMatchObject({ months: 1 });
  expect(creditTerm("十二个月")).toMatchObject({ months: 12 });
  expect(creditTerm("半年")).toMatchObject({ months: 6 });
  expect(creditTerm("1年")).toMatchObject({ months: 12 });
  expect(creditTerm("月结60天")).toMatchObject({ months: 0, monthEnd: true, days: 60 });
  expect(creditTerm("月结")).toMatchObject({ monthEnd: true, days: 0 });
  expect(creditTerm("次月结")).toMatchObject({ months: 1, monthEnd: true, days: 0 });
  expect(creditTerm("货到30天付款")).toBe(30);
  expect(creditTerm("预付30%，余款60天内付清")).toBe(60);
  expect(creditTerm("票到60天")).toBe(60);
  expect(creditTerm("30天或60天")).toBeNull();
  expect(creditTerm("0个月")).toBeNull();
  expect(creditTerm("看情况")).toBeNull();
});

test("a ledger line's term in months or 月结 gives its due date; its own due date wins", () => {
  const r = readLedger(
    [
      ["客户", "发生日期", "信用期", "到期日", "余额"],
      ["甲", "2011-01-31", "1个月", null, 100], // row 2: 2-31 does not exist: 2011-02-28
      ["甲", "2011-03-05", "3个月", null, 100], // row 3: 2011-06-05
      ["甲", "2011-03-05", "月结60天", null, 100], // row 4: 3-31 + 60 = 2011-05-30
      ["甲", "2012-01-31", "1个月", null, 100], // row 5: 2012 is a leap year: 2012-02-29
      ["甲", "2011-03-05", "3个月", "2011-04-01", 100], // row 6: its own due date
      ["甲", "2011-03-05", "货到付款", null, 100], // row 7: 0 days
      ["甲", "2011-03-05", "次月结", null, 100], // row 8: 2011-04-30
    ],
    { sheet: "S" },
  );
  expect(r.issues).toEqual([]);
  expect(r.rows.map((x) => (x.dueDate === null ? null : formatIsoDate(x.dueDate)))).toEqual(["2011-02-28", "2011-06-05", "2011-05-30", "2012-02-29", "2011-04-01", null, "2011-04-30"]);
  expect(r.rows[5].creditDays).toBe(0);
  expect(r.rows[0].dateArisen).toBe(fromYmd(2011, 1, 31));
});

test("a customer master's term in months is said plainly: the master needs days", () => {
  const m = readCustomerMaster([["客户名称", "信用期(天)"], ["甲", "3个月"]], { sheet: "客户档案" });
  expect(m.records[0].creditDays).toBeNull();
  expect(m.issues).toHaveLength(1);
  expect(m.issues[0].zh).toContain("“3个月”是按月计的信用期，这里需要天数（如 90）");
  expect(m.issues[0].zh).toContain("第 2 行 B 列");
});
