/**
 * The CLI's printed summary (summaryLines), its wording now in src/i18n/cli.ts: the lines a
 * user reads first, in both languages, with figures worked out by hand.
 */
import { fromYmd } from "../../src/core/calendar";
import { auditLedger } from "../../src/core/ledger/check";
import { readLedger } from "../../src/core/ledger/index";
import { DEFAULT_POLICY } from "../../src/core/policy/defaults";
import { summaryLines } from "../../src/cli/audit";

// Serial 40553 = 2011-01-10, 40617 = 2011-03-15, 40801 = 2011-09-15, 40817 = 2011-10-01.
const TRANSACTIONS = [
  ["客户名称", "单据号", "日期", "摘要", "借方金额(万元)", "贷方金额(万元)"],
  ["甲公司", "A1", 40553, "销售", 10, ""],
  ["甲公司", "A2", 40617, "销售", 5, ""],
  ["甲公司", "R1", 40617, "收款", "", 3],
  ["甲公司", "R2", 40801, "收款", "", 10],
  ["乙公司", "B1", 40817, "销售", 5, ""],
];

function summary(lang: "zh-CN" | "en-US"): string[] {
  const read = readLedger(TRANSACTIONS, { sheet: "往来" });
  const result = auditLedger(read, {}, fromYmd(2011, 8, 31), DEFAULT_POLICY);
  return summaryLines(result, "往来.xlsx", lang);
}

describe("the CLI summary", () => {
  it("says first that there is no control total, then what the as-of view left out, in English", () => {
    const lines = summary("en-US");
    expect(lines[0]).toBe("Control totals: the ledger states no total to reconcile against.");
    // R2 (2011-09-15) and B1 (2011-10-01) are after 2011-08-31: one item, one receipt. R1 (30,000) is applied to A1.
    expect(lines[1]).toBe("As of 2011-08-31: 5 lines read; 2 lines dated after 2011-08-31 left out (1 item, 1 receipt or credit); 1 receipt or credit applied.");
    expect(lines[2]).toBe("Receivables audit of 往来.xlsx as of 2011-08-31");
    // Open: A1 100,000 − 30,000 = 70,000 and A2 50,000: two items.
    expect(lines[3]).toBe(
      'Ledger: sheet "往来", header in row 1, 2 open items (transactions; receipts applied per customer), 0 rows skipped (totals, blanks…), amounts in yuan (amount, received in 10,000 yuan (万元), converted to yuan)',
    );
    expect(lines[4]).toBe("Companion sheets: none");
    expect(lines.find((l) => l.startsWith("Total"))).toMatch(/^Total\s+2\s+120,000\.00\s/);
    // No customer master, no collector: the findings' own count, said with its plural.
    const F = lines.find((l) => l.startsWith("Findings:")) ?? "";
    const [e, w] = (/^Findings: (\d+) errors?, (\d+) warnings?, \d+ info$/.exec(F) ?? []).slice(1).map(Number);
    expect(F).toBe(`Findings: ${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}, ${F.split(", ")[2]}`);
  });

  it("says the same in Chinese", () => {
    const lines = summary("zh-CN");
    expect(lines[0]).toBe("对账：台账没有可核对的合计或余额。");
    expect(lines[1]).toBe("截止日视图：读取 5 行；2 行日期晚于截止日 2011-08-31，未计入（应收 1、收款或贷项 1）；1 笔收款或贷项已冲销。");
    expect(lines[2]).toBe("应收账款检查：往来.xlsx，截止 2011-08-31");
    expect(lines[3]).toBe("台账：工作表“往来”，表头在第 1 行，2 笔未清款项（收付明细，已按客户冲销收款），跳过 0 行（合计、空行等），金额单位 元（金额、已收金额列为万元，已折算为元）");
    expect(lines[4]).toBe("伴随表：无");
    expect(lines.find((l) => l.startsWith("合计"))).toMatch(/^合计\s+2\s+120,000\.00\s/);
  });

  it("says first that most lines could not be used, before saying the totals of what remains agree", () => {
    // Four of five lines have no date: the 合计 still agrees with the amounts read, and says nothing of their ages.
    const read = readLedger(
      [
        ["客户名称", "发票号", "开票日期", "金额", "余额"],
        ["甲公司", "F1", 40553, 1000, 1000],
        ["乙公司", "F2", "", 2000, 2000],
        ["丙公司", "F3", "", 3000, 3000],
        ["丁公司", "F4", "", 4000, 4000],
        ["戊公司", "F5", "", 5000, 5000],
        ["合计", "", "", 15000, 15000],
      ],
      { sheet: "台账" },
    );
    const lines = summaryLines(auditLedger(read, {}, fromYmd(2011, 8, 31), DEFAULT_POLICY), "台账.xlsx", "en-US");
    expect(lines[0]).toMatch(/^Warning: more than half of the lines read lack, or have unreadable, customer, date or amount/);
    expect(lines[1]).toMatch(/^Control totals: what was read agrees with the ledger's own totals/);
  });
});

