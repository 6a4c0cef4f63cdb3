/**
 * A ledger for the notices' tests, as of 2024-12-31 under DEFAULT_POLICY, worked by hand:
 *
 *  sheet row  customer                 p        balance      tier (POLICY §6, bounds inclusive)
 *  3          =SUM(A1)                 0.7      909,600.00   gentle (edge 0.70); dpd 61; confirmed 2024-06-30
 *  4          边界九十公司             0.9        1,000.00   wait (edge 0.90): no notice; confirmed 2024-07-01
 *  5, 6       边界五十公司             0.5 each   300.10 + 200.20 = 500.30  legal (edge 0.50: 50%以下 includes 50%)
 *  7          +86客户                  0.4999     1,680.32   legal
 *  8          -客户                    0.8999       100.05   gentle
 *  9          @客户                    0.6999        10.00   firm
 *  10, 11     two long names, equal in their first 21 characters, 0.6 → firm
 *
 * Capitals: 909,600.00 玖拾万玖仟陆佰元整 · 500.30 伍佰元零叁角 · 1,680.32 壹仟陆佰捌拾元零叁角贰分 ·
 * 100.05 壹佰元零伍分 · 10.00 壹拾元整.
 */
import { fromYmd } from "../../../src/core/calendar";
import { auditLedger } from "../../../src/core/ledger/check";
import { readCollectionLog, readCustomerMaster, readLedger } from "../../../src/core/ledger/index";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import type { Policy } from "../../../src/core/policy/types";
import type { ReportInput } from "../../../src/core/reports/input";

export const LONG_1 = "广西壮族自治区北部湾国际港务集团有限公司第一工程分公司";
export const LONG_2 = "广西壮族自治区北部湾国际港务集团有限公司第二工程分公司";

export const NOTICE_LEDGER: unknown[][] = [
  ["应收账款台账"],
  ["序号", "客户名称", "责任部门", "项目名称", "单据号", "发生日期", "到期日", "余额", "回收可能性", "责任人", "对账日期"],
  [1, "=SUM(A1)", "一部", "港口一期", "N-01", "2024-10-01", "2024-10-31", 909600, 0.7, "张三", "2024-06-30"],
  [2, "边界九十公司", "一部", "港口二期", "N-02", "2024-10-01", "2024-10-31", 1000, 0.9, "张三", "2024-07-01"],
  [3, "边界五十公司", "二部", "码头", "N-03", "2024-09-01", "2024-10-01", 300.1, 0.5, "李四", null],
  [4, "边界五十公司", "二部", "仓库", "N-04", "2024-11-01", "2024-12-01", 200.2, 0.5, "王五", null],
  [5, "+86客户", "二部", null, "N-05", "2023-01-01", "2023-01-31", 1680.32, 0.4999, "李四", null],
  [6, "-客户", "一部", null, "N-06", "2024-12-01", "2025-01-15", 100.05, 0.8999, "张三", null],
  [7, "@客户", "一部", null, "N-07", "2024-12-01", "2024-12-21", 10, 0.6999, null, null],
  [8, LONG_1, "二部", null, "N-08", "2024-12-01", "2024-12-21", 5000, 0.6, "李四", null],
  [9, LONG_2, "二部", null, "N-09", "2024-12-01", "2024-12-21", 6000, 0.6, "李四", null],
];

export const NOTICE_CUSTOMERS: unknown[][] = [
  ["客户名称", "联系人", "联系电话", "地址"],
  ["=SUM(A1)", "赵六", "0771-1234567", "南宁市青秀区"],
];

export function noticeInput(policy: Policy = DEFAULT_POLICY): ReportInput {
  const reading = readLedger(NOTICE_LEDGER, { sheet: "台账" });
  const companions = {
    customers: readCustomerMaster(NOTICE_CUSTOMERS, { sheet: "客户档案" }),
    collections: readCollectionLog([["催收日期", "客户名称"]], { sheet: "催收记录" }),
  };
  const asOf = fromYmd(2024, 12, 31);
  return { reading, audit: auditLedger(reading, companions, asOf, policy), companions, policy, asOf };
}
