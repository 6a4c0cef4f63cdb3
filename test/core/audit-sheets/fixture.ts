/** A checked ledger for the audit sheets' tests: the plain zh fixture, and one with hostile text and a 16-digit total. */
import { fromYmd } from "../../../src/core/calendar";
import { auditLedger, type AuditResult } from "../../../src/core/ledger/check";
import { readWorkbookLedger } from "../../../src/core/ledger/workbook";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import { PLAIN_ZH } from "../../fixtures/ledgers/plainZh";

export const AS_OF = fromYmd(2011, 8, 31);

export function checked(values: unknown[][] = PLAIN_ZH, sheet = "应收账款台账"): AuditResult {
  const chosen = readWorkbookLedger([{ name: sheet, values }]);
  return auditLedger(chosen.ledger, chosen.companions, AS_OF, DEFAULT_POLICY);
}

export const HOSTILE: unknown[][] = [
  ["客户名称", "单据号", "发生日期", "余额"],
  ['=HYPERLINK("http://x","y")', "@SUM(1)", 40756, 9999999999999.99],
  ["+86 甲公司", "-1", 40252, 9999999999999.99],
];
