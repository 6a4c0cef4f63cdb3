import { auditFindingsSheet } from "../../../src/core/audit-sheets";
import { RULES } from "../../../src/core/ledger/findings";
import { checked } from "./fixture";

describe("auditFindingsSheet", () => {
  it("lists every finding, most severe first, each rule by its name in the sheet's language", () => {
    const audit = checked();
    for (const lang of ["zh-CN", "en-US"] as const) {
      const spec = auditFindingsSheet(audit, lang, "F");
      expect(spec.rows).toHaveLength(audit.findings.length + 1);
      const order = lang === "zh-CN" ? ["错误", "警告", "提示"] : ["Error", "Warning", "Note"];
      const ranks = spec.rows.slice(1).map((r) => order.indexOf(r.cells[0]!.v as string));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(ranks.every((k) => k >= 0)).toBe(true);
      const titles = new Set(Object.values(RULES).map((r) => r.title[lang]));
      for (const row of spec.rows.slice(1)) expect(titles.has(row.cells[1]!.v as string)).toBe(true);
    }
  });
});
