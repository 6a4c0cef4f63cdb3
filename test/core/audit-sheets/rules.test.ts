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

describe("auditRulesSheet in a Chinese workbook speaks Chinese and plain words", () => {
  const spec = auditRulesSheet(checked(), "zh-CN", "规则说明");
  const body = spec.rows.slice(1);

  it("sources in Chinese: 制度 §n, 数据检查, 000 清理方案; never POLICY, data or plan", () => {
    for (const r of body) expect(String(r.cells[2]?.v)).not.toMatch(/POLICY|data|plan/);
    expect(body.find((r) => r.cells[0]?.v === "bad-date")?.cells[2]?.v).toBe("数据检查");
    expect(body.find((r) => r.cells[0]?.v === "bad-debt-unassigned")?.cells[2]?.v).toBe("制度 §6、000 清理方案");
  });

  it("definitions name no code (no policy.x, module.function or CONSTANT); the write-off rule says 3 years included (七.第一条: 以上 includes the number)", () => {
    for (const lang of ["zh-CN", "en-US"] as const) {
      for (const rule of Object.values(RULES)) expect([rule.id, rule.definition[lang]]).toEqual([rule.id, expect.not.stringMatching(/\bpolicy\.[a-zA-Z]|\b[a-z]+\.[a-z]+[A-Z][a-zA-Z]*\b|\b[A-Z]+_[A-Z_]+\b/)]);
    }
    expect(RULES["write-off-candidate"].definition["zh-CN"]).toContain("恰好满 3 年即可");
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
