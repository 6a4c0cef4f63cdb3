/**
 * What hand-kept ledgers put beside and below the table (issue 13: "never silently wrong"): a
 * summary table to the right, an analysis of the total (其中：…), a statement's confirmation
 * footer. None of it is a receivable, and none of it turns a ledger line into something else.
 */
import { fromYmd } from "../../../src/core/calendar";
import { auditLedger } from "../../../src/core/ledger/check";
import { readLedger } from "../../../src/core/ledger/index";
import { DEFAULT_POLICY } from "../../../src/core/policy";

const HEADER = ["客户", "日期", "摘要", "金额", "已收", "余额"];

test("a 合计 in a summary table beside the ledger, across an empty column, leaves the ledger's line a line", () => {
  const r = readLedger(
    [
      [...HEADER, null, "客户", "余额"],
      ["内江华西公司", "2011-07-15", "货款", 78000, 30000, 48000, null, "内江华西公司", 48000], // row 2
      ["绵阳九洲电器", "2010-12-01", "货款", 200000, 150000, 50000, null, "合计", 98000], // row 3: a line, not a total
      ["合计", null, null, 278000, 180000, 98000], // row 4: the ledger's own total
    ],
    { sheet: "台账" },
  );
  expect(r.rows.map((x) => x.row)).toEqual([2, 3]);
  expect(r.reconciliation.status).toBe("reconciled");
  expect(r.reconciliation.differences).toEqual([]);
});

test("其中, 减：and 加：lines under a total analyse it: skipped as notes, never items", () => {
  const r = readLedger(
    [
      HEADER,
      ["内江华西公司", "2011-07-15", "货款", 78000, 30000, 48000], // row 2
      ["绵阳九洲电器", "2011-12-20", "货款", 36000, null, 36000], // row 3
      ["合计", null, null, 114000, 30000, 84000], // row 4
      ["其中：关联方（绵阳九洲电器）", null, null, null, null, 36000], // row 5
      ["减：坏账准备", null, null, null, null, 4200], // row 6
      ["加多宝（中国）饮料有限公司", "2011-12-21", "货款", 1000, null, 1000], // row 7: a customer whose name starts with 加
    ],
    { sheet: "台账" },
  );
  expect(r.rows.map((x) => `${x.row} ${x.customer}`)).toEqual(["2 内江华西公司", "3 绵阳九洲电器", "7 加多宝（中国）饮料有限公司"]);
  expect(r.skipped.filter((s) => s.reason === "note").map((s) => s.row)).toEqual([5, 6]);
  const a = auditLedger(r, {}, fromYmd(2011, 12, 31), DEFAULT_POLICY);
  // 48,000 + 36,000 + 1,000: the 其中 line's 36,000 is not counted twice.
  expect(a.totals.all.balance).toBe("85000.00");
});

test("a statement's confirmation footer (经办人：, 客户确认（盖章）：) ends the table", () => {
  const r = readLedger(
    [
      HEADER,
      ["内江华西公司", "2011-07-15", "货款", 78000, 30000, 48000], // row 2
      ["经办人：", null, null, null, "客户确认（盖章）：", null], // row 3
      [null, null, null, null, "2012年1月5日", null], // row 4: under the footer
    ],
    { sheet: "对账单" },
  );
  expect(r.rows.map((x) => x.row)).toEqual([2]);
  expect(r.issues).toEqual([]);
  expect(r.skipped.map((s) => `${s.row} ${s.reason}`)).toEqual(["3 footer", "4 footer"]);
});
