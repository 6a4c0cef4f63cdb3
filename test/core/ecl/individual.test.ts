/**
 * 单项计提 in the expected-credit-loss assessment is what the policy's own method assesses item by
 * item (POLICY §4): an expected recovery, a recovery probability, or a direct-to-bad condition.
 * A probe found items with a recovery probability provided individually in the provision
 * schedule but pooled in the ECL matrix.
 *
 * As of 2011-08-31: A 30,000 at 95% → provision 30,000 − 30,000 × 0.95 = 1,500.00 (specific);
 * B 80,000 at 40% → 80,000 − 32,000 = 48,000.00; C 70,000 拒不支付 → 70,000.00 (五.第三条 2);
 * D 100,000 with nothing said stays in the pool.
 */
import { fromYmd } from "../../../src/core/calendar";
import { assessEcl } from "../../../src/core/ecl/assessment";
import { auditLedger } from "../../../src/core/ledger/check";
import { readLedger } from "../../../src/core/ledger/index";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import { buildExpectedCreditLoss } from "../../../src/core/reports/expected-credit-loss";

test("items with an expected recovery, a recovery probability or a direct-to-bad condition leave the pool with the policy method's provision", () => {
  const reading = readLedger(
    [
      ["客户名称", "单据号", "发生日期", "到期日", "余额", "回收可能性", "状态"],
      ["甲公司", "A", "2010-05-15", "2010-06-14", 30000, "95%", null],
      ["乙公司", "B", "2009-03-10", "2009-04-09", 80000, "40%", null],
      ["丙公司", "C", "2010-01-10", "2010-02-09", 70000, null, "拒不支付"],
      ["丁公司", "D", "2011-06-30", "2011-07-30", 100000, null, null],
    ],
    { sheet: "台账" },
  );
  const asOf = fromYmd(2011, 8, 31);
  const a = assessEcl({ reading, audit: auditLedger(reading, {}, asOf, DEFAULT_POLICY), companions: {}, policy: DEFAULT_POLICY, asOf });
  expect(a.individual.map((x) => [x.row.document, x.basis, x.provision.toFixed(2)])).toEqual([
    ["A", "specific-probability", "1500.00"],
    ["B", "specific-probability", "48000.00"],
    ["C", "full-bad", "70000.00"],
  ]);
  expect(a.totals.individual.toFixed(2)).toBe("119500.00");
  expect(a.pool.reduce((n, l) => n + l.count, 0)).toBe(1);
  expect(a.pool[0].balance.toFixed(2)).toBe("100000.00");
  // An open-items list has no history: D's band has no loss rate, so the ECL is incomplete and no
  // journal is proposed for part of it.
  expect(a.unprovided.toFixed(2)).toBe("100000.00");
  const spec = buildExpectedCreditLoss({ reading, audit: auditLedger(reading, {}, asOf, DEFAULT_POLICY), companions: {}, policy: DEFAULT_POLICY, asOf }, "zh-CN");
  const texts = spec.rows.flatMap((r) => r.cells.map((c) => (c === null ? "" : String(c.v ?? ""))));
  expect(texts).toContain("未编制分录：100,000.00 元的余额所在账龄段没有损失率，预期信用损失不完整；补齐历史资料后再计提。");
  expect(texts.some((t) => t.startsWith("借：信用减值损失"))).toBe(false);
});
