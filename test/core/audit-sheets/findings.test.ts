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

  it("says each cell once (its own column), and a message longer than its column is given the height of its lines", () => {
    const audit = checked();
    const spec = auditFindingsSheet(audit, "zh-CN", "F");
    const width = spec.columns[3]!.width;
    audit.findings.forEach((f) => {
      const row = spec.rows.find((r) => r.cells[2]!.v === f.cell && (f.message["zh-CN"].endsWith(r.cells[3]!.v as string)));
      expect(row).toBeDefined();
      expect(String(row!.cells[3]!.v).startsWith(f.cell)).toBe(false);
    });
    // One line holds about width ÷ 1.85 Chinese characters: a message of more than twice that wraps to three lines or more.
    for (const row of spec.rows.slice(1)) {
      const text = String(row.cells[3]!.v);
      if (text.length * 1.85 > 2 * (width - 1)) expect(row.height).toBeGreaterThanOrEqual(3 * 12);
      if ([...text].length <= (width - 1) / 2) expect(row.height).toBeUndefined();
    }
  });
});
