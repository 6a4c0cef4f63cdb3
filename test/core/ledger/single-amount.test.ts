/**
 * One amount column, written unsigned, beside a running 余额 (a hand-kept 应收登记表): which lines
 * are receipts, told by the balance (layout.unsignedCredits); and bill lists that only look so.
 */
import { fromYmd } from "../../../src/core/calendar";
import { auditLedger } from "../../../src/core/ledger/check";
import { readLedger } from "../../../src/core/ledger/index";
import { DEFAULT_POLICY } from "../../../src/core/policy";

const AS_OF = fromYmd(2011, 12, 31);

test("a customer's first line can be a receipt: the balance after it is minus its amount", () => {
  const r = readLedger(
    [
      ["客户", "日期", "摘要", "金额", "余额"],
      ["甲", "2011-01-10", "发货", 30000, 30000], // row 2
      ["甲", "2011-02-10", "电汇", 20000, 10000], // row 3: fell by 20,000: a receipt
      ["甲", "2011-03-10", "发货", 5000, 15000], // row 4
      ["乙", "2011-03-01", "银行承兑汇票", 5000, -5000], // row 5: 0 − 5,000: received before any sale
      ["乙", "2011-04-01", "发货", 8000, 3000], // row 6
      ["乙", "2011-05-01", "发货", 2000, 5000], // row 7
    ],
    { sheet: "登记" },
  );
  expect(r.layout.creditsByBalance.map((c) => c.row)).toEqual([3, 5]);
  expect(r.reconciliation.status).toBe("reconciled");
  // 甲: 30,000 − 20,000 = 10,000 of 01-10, and 5,000 of 03-10. 乙: 5,000 received pays 04-01's 8,000
  // down to 3,000; 05-01's 2,000. Total 20,000.00, all within a year: 5% = 1,000.00.
  const a = auditLedger(r, {}, AS_OF, DEFAULT_POLICY);
  expect(a.totals.all).toEqual({ count: 4, balance: "20000.00", provision: "1000.00" });
});

test("a bill list without a received column whose settled bills sit under open ones of the same amount stays a bill list", () => {
  const r = readLedger(
    [
      ["客户名称", "单据号", "单据日期", "价税合计", "未核销金额"],
      ["甲公司", "XS001", "2011-01-31", 10000, 10000], // row 2
      ["甲公司", "XS002", "2011-02-28", 10000, 0], // row 3: settled, not a receipt
      ["甲公司", "XS003", "2011-03-31", 10000, 10000], // row 4
      ["甲公司", "XS004", "2011-04-30", 10000, 0], // row 5: settled
      ["乙公司", "XS005", "2011-05-10", 6000, 2000], // row 6
    ],
    { sheet: "应收单" },
  );
  expect(r.layout.runningBalance).toBe(false);
  expect(r.layout.creditsByBalance).toEqual([]);
  const a = auditLedger(r, {}, AS_OF, DEFAULT_POLICY);
  expect(a.totals.all.balance).toBe("22000.00");
});
