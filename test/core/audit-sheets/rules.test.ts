import { auditRulesSheet, auditSheets } from "../../../src/core/audit-sheets";
import { RULES } from "../../../src/core/ledger/findings";
import { checked } from "./fixture";

describe("auditRulesSheet", () => {
  it("lists every rule with its severity, source, name and definition in the sheet's language", () => {
    const spec = auditRulesSheet(checked(), "zh-CN", "规则说明");
    expect(spec.rows[0].cells.map((c) => c?.v)).toEqual(["规则", "级别", "依据", "名称", "定义"]);
    expect(spec.rows.slice(1).map((r) => r.cells[0]?.v)).toEqual(Object.keys(RULES));
    const dup = spec.rows.find((r) => r.cells[0]?.v === "duplicate-document")!;
    expect(dup.cells[3]?.v).toBe(RULES["duplicate-document"].title["zh-CN"]);
  });
});

describe("auditSheets", () => {
  it("gives the report workbook's four sheets, named in the language", () => {
    expect(auditSheets(checked(), "zh-CN").map((s) => s.name)).toEqual(["检查发现", "逐行结果", "汇总", "规则说明"]);
    expect(auditSheets(checked(), "en-US").map((s) => [s.id, s.name])).toEqual([
      ["auditFindings", "Findings"],
      ["auditResults", "Results"],
      ["auditTotals", "Totals"],
      ["auditRules", "Rules"],
    ]);
  });
});
