import { auditResultsSheet } from "../../../src/core/audit-sheets";
import { cellType } from "../../../src/core/reports/sheet-spec";
import { checked, HOSTILE } from "./fixture";

describe("auditResultsSheet", () => {
  const audit = checked();

  it("has the header first, one row per open item, then the total, twelve columns each", () => {
    const spec = auditResultsSheet(audit, "zh-CN", "AR检查结果");
    expect(spec.rows.map((r) => r.kind)).toEqual(["header", "body", "body", "body", "total"]);
    expect(spec.rows[0].cells.map((c) => c?.v)).toEqual(["台账行", "行号", "客户", "单据号", "发生日期", "到期日", "余额", "逾期天数", "分类", "账龄", "坏账准备", "问题数"]);
    expect(spec.columns).toHaveLength(12);
    for (const row of spec.rows) expect(row.cells).toHaveLength(12);
    expect(spec.rows[1].cells.slice(0, 3).map((c) => c?.v)).toEqual(["应收账款台账!2:2", 2, "遂宁市华亿网络工程有限公司"]);
  });

  it("keeps money exact: the balance from integer fen, the total the check's exact sum", () => {
    const spec = auditResultsSheet(audit, "en-US", "AR Results");
    const third = spec.rows[3].cells[6]!;
    expect(third).toEqual({ v: 50000.5, t: "money", exact: "50000.50" });
    const total = spec.rows[4].cells;
    expect(total[6]).toMatchObject({ t: "money", exact: audit.totals.all.balance, style: "total" });
    expect(total[10]).toMatchObject({ t: "money", exact: audit.totals.all.provision });
    expect(total[0]?.v).toBe("Total");
  });

  it("the total's finding count is the sum of its lines' (a finding on a row not listed, a settled line, is on the findings sheet only)", () => {
    // 甲's two lines: an advance (no open item: not listed) with a bad date, and an open item.
    const a = checked(
      [
        ["客户名称", "单据号", "发生日期", "余额"],
        ["甲公司", "A1", "2011-13-01", -5000],
        ["甲公司", "A2", "2011-06-30", 8000],
        ["乙公司", "B1", "2011-07-01", 0],
      ],
      "台账",
    );
    const spec = auditResultsSheet(a, "zh-CN", "R");
    const lines = spec.rows.filter((r) => r.kind === "body").map((r) => Number(r.cells[11]!.v));
    const total = Number(spec.rows.at(-1)!.cells[11]!.v);
    expect(total).toBe(lines.reduce((x, y) => x + y, 0));
    expect(a.findings.length).toBeGreaterThan(total);
  });

  it("writes dates as Excel serials", () => {
    const spec = auditResultsSheet(audit, "en-US", "AR Results");
    expect(spec.rows[1].cells[4]).toEqual({ v: 40553, t: "date" });
  });

  it("keeps ledger text as text cells, never formulas", () => {
    const spec = auditResultsSheet(checked(HOSTILE, "台账"), "en-US", "AR Results");
    const customers = spec.rows.slice(1, 3).map((r) => r.cells[2]!);
    expect(customers.map((c) => c.v)).toEqual(['=HYPERLINK("http://x","y")', "+86 甲公司"]);
    for (const c of customers) {
      expect(cellType(c)).toBe("text");
      expect(c.f).toBeUndefined();
    }
    expect(spec.rows[3].cells[6]).toMatchObject({ exact: "19999999999999.98" });
  });

  it("prints A4 landscape, one page wide, the header row repeated, title and as-of on the page", () => {
    const spec = auditResultsSheet(audit, "zh-CN", "AR检查结果");
    expect(spec.freezeRows).toBe(1);
    expect(spec.print).toEqual({
      paper: "A4",
      orientation: "landscape",
      fitToWidth: true,
      printTitleRows: { first: 0, last: 0 },
      pageHeading: { title: "应收账款检查结果", meta: "基准日：2011年8月31日　台账：应收账款台账", pages: "第 &P 页，共 &N 页" },
    });
  });
});
