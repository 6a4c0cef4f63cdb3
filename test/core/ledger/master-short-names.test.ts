/**
 * A hand-kept ledger names customers as the customer master's 客户简称 column does (华润 for
 * 华润万家生活超市（广州）有限公司): the master row is found by its short name, so its credit days
 * date the items (POLICY §2: 信用期 from the customer's credit terms) and no "not in the master"
 * warning is given. A short name two rows share, or one that is another row's full name, finds
 * nothing by itself.
 */
import { auditLedger } from "../../../src/core/ledger/check";
import { masterByShortName, readCustomerMaster } from "../../../src/core/ledger/companions";
import { readLedger } from "../../../src/core/ledger/index";
import { fromYmd } from "../../../src/core/calendar";
import { formatIsoDate } from "../../../src/core/dates";
import { DEFAULT_POLICY } from "../../../src/core/policy";

const key = (t: string | null): string | null => (t === null || t === "" ? null : t);

test("a short name one master row has finds that row; shared ones and full names of another row do not", () => {
  const recs = [
    { customer: "华润万家生活超市（广州）有限公司", customerShort: "华润" },
    { customer: "甲公司", customerShort: "甲" },
    { customer: "甲建设有限公司", customerShort: "甲" },
    { customer: "乙", customerShort: null },
    { customer: "丙贸易有限公司", customerShort: "乙" },
  ];
  const map = masterByShortName(recs, key);
  expect([...map.keys()]).toEqual(["华润"]);
  expect(map.get("华润")).toBe(recs[0]);
});

test("a master of short names only reads the short name as the name", () => {
  const master = readCustomerMaster([["客户简称", "信用期(天)"], ["华润", 45]], { sheet: "客户档案" });
  expect(master.records.map((r) => [r.customer, r.creditDays])).toEqual([["华润", 45]]);
});

test("ledger rows under the short name take the master row's credit days", () => {
  const customers = readCustomerMaster(
    [
      ["客户编号", "客户简称", "客户名称", "信用期(天)"],
      ["C01", "华润", "华润万家生活超市（广州）有限公司", 45],
    ],
    { sheet: "客户档案" },
  );
  const ledger = readLedger(
    [
      ["客户编号", "客户", "发生日期", "余额"],
      ["C01", "华润", "2011-03-05", 8000],
      [null, "华润", "2011-04-05", 1000],
    ],
    { sheet: "台账" },
  );
  const a = auditLedger(ledger, { customers }, fromYmd(2011, 8, 31), DEFAULT_POLICY);
  // 3-05 + 45 days = 4-19; 4-05 + 45 = 5-20 (the second row by name alone).
  expect(formatIsoDate(a.rows.get(0).dueDate as number)).toBe("2011-04-19");
  expect(formatIsoDate(a.rows.get(1).dueDate as number)).toBe("2011-05-20");
  expect(a.findings.map((f) => f.rule)).not.toContain("customer-not-in-master");
  // The code's row is named 华润 in the ledger, its short name: not a mismatch.
  expect(a.findings.map((f) => f.rule)).not.toContain("customer-master-mismatch");
});
