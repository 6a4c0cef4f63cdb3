/** The ledger's own allowance (坏账准备) column against the policy's provision (POLICY §4). */
import { fromYmd } from "../../../src/core/calendar";
import { auditLedger } from "../../../src/core/ledger/check";
import { readLedger } from "../../../src/core/ledger/index";
import { DEFAULT_POLICY } from "../../../src/core/policy";

const AS_OF = fromYmd(2024, 12, 31);

describe("allowance-mismatch (POLICY §4: the ledger's own 坏账准备 against the policy's)", () => {
  it("says each item whose booked allowance differs by a fen or more, with more or less; a blank cell is not said", () => {
    const r = readLedger(
      [
        ["客户名称", "发生日期", "余额", "坏账准备"],
        ["甲", "2023-06-30", 60000, 3000], // row 2: 1–2 years old on 2024-12-31 → 10%: 6,000.00; 3,000 less
        ["乙", "2024-09-30", 30000, 3000], // row 3: within a year → 5%: 1,500.00; 1,500 more
        ["丙", "2024-09-30", 12345.67, 617.29], // row 4: 5% of 12,345.67 = 617.2835 → 617.28; 0.01 more
        ["丁", "2024-09-30", 10000, 500], // row 5: 500.00, agrees
        ["戊", "2024-09-30", 10000, null], // row 6: blank: not said
      ],
      { sheet: "账龄表" },
    );
    const a = auditLedger(r, {}, AS_OF, DEFAULT_POLICY);
    expect(a.findings.filter((f) => f.rule === "allowance-mismatch").map((f) => f.message["zh-CN"])).toEqual([
      "账龄表!D2：台账计提坏账准备 3,000.00，按制度应为 6,000.00，少提 3,000.00。",
      "账龄表!D3：台账计提坏账准备 3,000.00，按制度应为 1,500.00，多提 1,500.00。",
      "账龄表!D4：台账计提坏账准备 617.29，按制度应为 617.28，多提 0.01。",
    ]);
    expect(a.unchecked.map((u) => u.rule)).not.toContain("allowance-mismatch");
  });

  it("reads an allowance written as a contra figure (−500.00) by its size", () => {
    const r = readLedger(
      [
        ["客户名称", "发生日期", "余额", "坏账准备"],
        ["甲", "2024-09-30", 10000, -500], // row 2: 5%: 500.00, agrees
        ["乙", "2024-09-30", 10000, -300], // row 3: 200.00 less
      ],
      { sheet: "账龄表" },
    );
    const a = auditLedger(r, {}, AS_OF, DEFAULT_POLICY);
    expect(a.findings.filter((f) => f.rule === "allowance-mismatch").map((f) => f.message["zh-CN"])).toEqual(["账龄表!D3：台账计提坏账准备 300.00，按制度应为 500.00，少提 200.00。"]);
  });

  it("is listed as not checked when the ledger has no allowance column", () => {
    const a = auditLedger(readLedger([["客户名称", "发生日期", "余额"], ["甲", "2024-09-30", 100]], { sheet: "S" }), {}, AS_OF, DEFAULT_POLICY);
    expect(a.unchecked.map((u) => u.rule)).toContain("allowance-mismatch");
  });
});
