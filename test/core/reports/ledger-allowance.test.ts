/**
 * The allowance on the books read from a ledger's own 坏账准备 column (issue 19.6: "the existing
 * allowance comes from the policy sheet or a 坏账准备 column of the ledger; without either it is
 * taken as 0, and the report says so"), for the provision schedule (per band) and the expected
 * credit loss (in all).
 *
 * By hand, as of 2011-08-31 (default provision bands):
 * - 甲 2011-06-30, 10,000.00, allowance 500.00: within 1 year (y0-1);
 * - 乙 2009-03-31, 20,000.00, allowance 6,000.50: 2 years 5 months, 2–3 years (y2-3);
 * - 丙 2011-01-01, 5,000.00, allowance blank: 0;
 * - 丁 no date, 1,000.00, allowance 100.00: age unknown, in no band;
 * - 戊 2010-12-31, 3,000.00, settled before the as-of date (balance 0), allowance 300.00: no open item.
 * Total 500.00 + 6,000.50 + 100.00 = 6,600.50 over 3 items; y0-1 500.00, y2-3 6,000.50, unbanded 100.00.
 */
import { fromYmd } from "../../../src/core/calendar";
import { assessEcl } from "../../../src/core/ecl/assessment";
import { auditLedger } from "../../../src/core/ledger/check";
import { readLedger } from "../../../src/core/ledger/index";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import type { Policy } from "../../../src/core/policy/types";
import { buildExpectedCreditLoss } from "../../../src/core/reports/expected-credit-loss";
import { reportContext, type ReportInput } from "../../../src/core/reports/input";
import { ledgerAllowance } from "../../../src/core/reports/ledger-allowance";
import { buildProvisionSchedule } from "../../../src/core/reports/provision-schedule";
import type { SheetSpec } from "../../../src/core/reports/sheet-spec";
import { money, rowWith } from "./spec-helpers";

const AS_OF = fromYmd(2011, 8, 31);
const LEDGER = [
  ["客户名称", "单据号", "发生日期", "余额", "坏账准备"],
  ["甲", "A", "2011-06-30", 10000, 500],
  ["乙", "B", "2009-03-31", 20000, 6000.5],
  ["丙", "C", "2011-01-01", 5000, ""],
  ["丁", "D", "", 1000, 100],
  ["戊", "E", "2010-12-31", 0, 300],
];

function input(policy: Policy = DEFAULT_POLICY, rows: unknown[][] = LEDGER): ReportInput {
  const reading = readLedger(rows, { sheet: "台账" });
  const audit = auditLedger(reading, {}, AS_OF, policy);
  return { reading, audit, companions: {}, policy, asOf: AS_OF };
}

function notes(spec: SheetSpec): string[] {
  return spec.rows.filter((r) => r.kind === "note").map((r) => String(r.cells[0]?.v ?? ""));
}

test("reads the 坏账准备 column as a money field, column E", () => {
  const i = input();
  expect(i.reading.letters.allowance).toBe("E");
  expect(i.reading.rows.map((r) => (r.hasMoney("allowance") ? r.allowance?.toFixed(2) : null))).toEqual(["500.00", "6000.50", null, "100.00", "300.00"]);
});

test("sums the open items' allowances exactly, by provision band, the undated apart", () => {
  const a = ledgerAllowance(reportContext(input(), "zh-CN"));
  expect(a).not.toBeNull();
  expect(a?.column).toBe("E");
  expect(a?.total.toFixed(2)).toBe("6600.50");
  expect(a?.items).toBe(3);
  expect(a?.byBand.get("y0-1")?.toFixed(2)).toBe("500.00");
  expect(a?.byBand.get("y2-3")?.toFixed(2)).toBe("6000.50");
  expect(a?.unbanded.toFixed(2)).toBe("100.00");
  // The bands' allowances and the unbanded make the total, to the fen.
  const banded = [...(a?.byBand.values() ?? [])].reduce((x, d) => x + Math.round(d.toNumber() * 100), 0);
  expect(banded + 10000).toBe(660050);
});

test("a ledger without the column has no allowance of its own", () => {
  const rows = LEDGER.map((r) => r.slice(0, 4));
  expect(ledgerAllowance(reportContext(input(DEFAULT_POLICY, rows), "zh-CN"))).toBeNull();
});

test("the provision schedule takes each band's existing provision from the column, and says where it came from", () => {
  const spec = buildProvisionSchedule(input(), "zh-CN");
  const existingCol = 8;
  expect(money(rowWith(spec, "1年以内（含1年）").cells[existingCol])).toBe("500.00");
  expect(money(rowWith(spec, "2至3年（含3年）").cells[existingCol])).toBe("6000.50");
  expect(money(rowWith(spec, "合计", 0, "total").cells[existingCol])).toBe("6500.50");
  const said = notes(spec);
  expect(said.some((n) => n.includes("“坏账准备”列（E 列）") && n.includes("3 笔") && n.includes("6,600.50"))).toBe(true);
  expect(said.some((n) => n.includes("100.00") && n.includes("账龄不明"))).toBe(true);
  expect(said.some((n) => n.includes("按 0 计"))).toBe(false);
});

test("the expected credit loss: the policy sheet's allowance first, then the ledger's column, then none (taken as 0)", () => {
  const fromLedger = assessEcl(input(), {});
  expect(fromLedger.existingAllowance?.toFixed(2)).toBe("6600.50");
  expect(fromLedger.allowanceSource).toEqual({ kind: "ledger", column: "E" });
  expect(fromLedger.charge.toFixed(2)).toBe(fromLedger.totals.ecl.minus(6600.5).toFixed(2));

  const policy: Policy = { ...DEFAULT_POLICY, ecl: { ...DEFAULT_POLICY.ecl, existingAllowance: "7000" } };
  const onPolicy = assessEcl(input(policy), {});
  expect([onPolicy.existingAllowance?.toFixed(2), onPolicy.allowanceSource]).toEqual(["7000.00", { kind: "policy" }]);

  const given = assessEcl(input(policy), { existingAllowance: "1234.56" });
  expect([given.existingAllowance?.toFixed(2), given.allowanceSource]).toEqual(["1234.56", { kind: "given" }]);

  const none = assessEcl(input(DEFAULT_POLICY, LEDGER.map((r) => r.slice(0, 4))), {});
  expect([none.existingAllowance, none.allowanceSource]).toEqual([null, null]);

  const spec = buildExpectedCreditLoss({ ...input(), ecl: {} }, "en-US");
  const row = rowWith(spec, "Allowance on the books (坏账准备), the ledger's column E summed");
  expect(money(row.cells[3])).toBe("6600.50");
});

test("a 坏账准备 cell that is not an amount is a bad-amount finding naming its cell, and counts as 0", () => {
  const rows = [LEDGER[0], ["甲", "A", "2011-06-30", 10000, "约五百"], ["乙", "B", "2009-03-31", 20000, 6000.5]];
  const i = input(DEFAULT_POLICY, rows);
  const bad = i.audit.findings.filter((f) => f.rule === "bad-amount");
  expect(bad.map((f) => [f.sheet, f.row, f.column])).toEqual([["台账", 2, "E"]]);
  const a = ledgerAllowance(reportContext(i, "zh-CN"));
  expect([a?.total.toFixed(2), a?.items]).toEqual(["6000.50", 1]);
});
