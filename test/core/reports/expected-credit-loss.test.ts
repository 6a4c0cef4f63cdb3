/**
 * 预期信用损失计提表 on issue 19's worked example: six items, one per band, of 12,000 / 2,500 / 900 /
 * 400 / 200 / 180 万元 on 2011-12-31; a typed history whose migration rates are 20%, 40%, 50%, 60%,
 * 80% in both transitions (t1: band i+1 = m_i × band i of t0; t2 likewise); k = 10%. By hand:
 * adjusted loss rates 2.112%, 10.56%, 26.4%, 52.8%, 88%, 100% → 253.44 + 264 + 237.6 + 211.2 + 176 +
 * 180 = 1,322.24万 = 13,222,400.00 yuan; the policy's ladder (5/10/30/50/80/100%) gives 16,600,000.00;
 * with 10,000,000.00 on the books the charge is 3,222,400.00 (Dr 信用减值损失 / Cr 坏账准备).
 */
import { fromYmd } from "../../../src/core/calendar";
import { assessEcl } from "../../../src/core/ecl/assessment";
import { snapshotsFromTable } from "../../../src/core/ecl";
import { auditLedger } from "../../../src/core/ledger/check";
import { readLedger } from "../../../src/core/ledger/index";
import { DEFAULT_POLICY, loadPolicy } from "../../../src/core/policy";
import { buildExpectedCreditLoss } from "../../../src/core/reports/expected-credit-loss";
import type { ReportInput } from "../../../src/core/reports/input";
import { money, rowWith } from "./spec-helpers";

const AS_OF = fromYmd(2011, 12, 31);
const LEDGER = [
  ["客户名称", "单据号", "发生日期", "余额(万元)"],
  ["甲", "A", "2011-06-30", 12000],
  ["乙", "B", "2010-06-30", 2500],
  ["丙", "C", "2009-06-30", 900],
  ["丁", "D", "2008-06-30", 400],
  ["戊", "E", "2007-06-30", 200],
  ["己", "F", "2005-06-30", 180],
];
const HISTORY = snapshotsFromTable([
  { asOf: fromYmd(2008, 12, 31), bands: [100, 100, 100, 100, 100, 100] },
  { asOf: fromYmd(2009, 12, 31), bands: [100, 20, 40, 50, 60, 80] },
  { asOf: fromYmd(2010, 12, 31), bands: [100, 20, 8, 20, 30, 48] },
]);

function input(): ReportInput {
  const reading = readLedger(LEDGER, { sheet: "台账" });
  const audit = auditLedger(reading, {}, AS_OF, DEFAULT_POLICY);
  return { reading, audit, companions: {}, policy: DEFAULT_POLICY, asOf: AS_OF, ecl: { history: HISTORY, k: "0.1", existingAllowance: "10000000" } };
}

test("the matrix: band balances, averaged migration, historical and adjusted loss rates, provision per band", () => {
  const a = assessEcl(input(), input().ecl);
  expect(a.migration.method).toBe("band-totals");
  expect(a.pool.map((l) => l.balance.toFixed(2))).toEqual(["120000000.00", "25000000.00", "9000000.00", "4000000.00", "2000000.00", "1800000.00"]);
  expect(a.pool.map((l) => l.migration?.toString() ?? null)).toEqual(["0.2", "0.4", "0.5", "0.6", "0.8", null]);
  expect(a.pool.map((l) => l.adjusted?.times(100).toString())).toEqual(["2.112", "10.56", "26.4", "52.8", "88", "100"]);
  expect(a.pool.map((l) => l.provision?.toFixed(2))).toEqual(["2534400.00", "2640000.00", "2376000.00", "2112000.00", "1760000.00", "1800000.00"]);
  expect(a.totals.ecl.toFixed(2)).toBe("13222400.00");
  expect(a.totals.policy.toFixed(2)).toBe("16600000.00");
  expect(a.charge.toFixed(2)).toBe("3222400.00");
  expect(a.problems).toEqual([]);
});

test("k and the allowance on the books from the policy sheet (ecl.adjustment, ecl.existingAllowance) give the same figures; a run's own override wins", () => {
  const policy = loadPolicy({ ecl: { adjustment: "0.1", existingAllowance: "10000000" } });
  const fromPolicy = { ...input(), policy };
  const a = assessEcl(fromPolicy, { history: HISTORY });
  expect(a.totals.ecl.toFixed(2)).toBe("13222400.00");
  expect(a.existingAllowance?.toFixed(2)).toBe("10000000.00");
  expect(a.charge.toFixed(2)).toBe("3222400.00");
  // --allowance 13,000,000 for this run: 13,222,400 − 13,000,000 = 222,400 charged.
  expect(assessEcl(fromPolicy, { history: HISTORY, existingAllowance: "13000000" }).charge.toFixed(2)).toBe("222400.00");
  // k = 0 given for the run: historical rates 1.92%, 9.6%, 24%, 48%, 80%, 100% →
  // 2,304,000 + 2,400,000 + 2,160,000 + 1,920,000 + 1,600,000 + 1,800,000 = 12,184,000.00.
  expect(assessEcl(fromPolicy, { history: HISTORY, k: "0" }).totals.ecl.toFixed(2)).toBe("12184000.00");
});

test("the report: the matrix's total, the comparison and the journal line", () => {
  const spec = buildExpectedCreditLoss(input(), "zh-CN");
  expect(spec.title).toBe("预期信用损失计提表");
  const totals = spec.rows.filter((r) => r.kind === "total");
  expect(money(totals[1].cells[6])).toBe("13222400.00");
  expect(money(rowWith(spec, "按制度方法计提的坏账准备").cells[3])).toBe("16600000.00");
  expect(money(rowWith(spec, "差额").cells[3])).toBe("-3377600.00");
  expect(money(rowWith(spec, "本期计提信用减值损失").cells[3])).toBe("3222400.00");
  expect(rowWith(spec, "会计分录").cells[3]?.v).toBe("借：信用减值损失 3,222,400.00　贷：坏账准备 3,222,400.00");
});

test("without history or allowance: no rate is a silent 0 — each band's unprovided balance and the missing history are said", () => {
  const base = input();
  const spec = buildExpectedCreditLoss({ ...base, ecl: {} }, "en-US");
  const notes = spec.rows.filter((r) => r.kind === "note").map((r) => String(r.cells[0]?.v));
  expect(notes.some((n) => n.includes("list of open items") && n.includes("save an aging snapshot"))).toBe(true);
  expect(notes.some((n) => n.startsWith("Within 1 year") && n.includes("120,000,000.00") && n.includes("not provided for"))).toBe(true);
  expect(rowWith(spec, "Allowance on the books (坏账准备)").cells[3]?.v).toBe("not given: taken as 0");
});
