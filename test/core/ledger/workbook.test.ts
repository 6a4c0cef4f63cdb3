/**
 * Which sheet of a workbook is the ledger (readWorkbookLedger): a visible one before any hidden
 * one, a hidden one only when named, and when none reads as a ledger, one line saying what each
 * sheet is and how to name the ledger.
 */
import { readWorkbookLedger, type SheetInput } from "../../../src/core/ledger/workbook";
import { CUSTOMER_MASTER } from "../../fixtures/ledgers/companions";
import { PLAIN_ZH } from "../../fixtures/ledgers/plainZh";
import { thrown } from "../../helpers/errors";

/** Last year's ledger, kept hidden: one item of a customer that is not in this year's. */
const OLD_LEDGER: unknown[][] = [
  ["客户名称", "开票日期", "应收余额"],
  ["旧客户有限公司", 40179, 999],
];

describe("a hidden sheet is never taken for the ledger unless named", () => {
  const sheets: SheetInput[] = [
    { name: "旧台账", values: OLD_LEDGER, hidden: true },
    { name: "应收账款台账", values: PLAIN_ZH },
  ];

  it("takes the visible ledger even when a hidden one comes first, and says the hidden one was passed over", () => {
    const chosen = readWorkbookLedger(sheets);
    expect(chosen.ledgerSheet).toBe("应收账款台账");
    expect(chosen.ledger.rows.map((r) => r.customer)).toEqual(["遂宁市华亿网络工程有限公司", "成都千嘉科技有限公司", "中国联通遂宁分公司"]);
    expect(chosen.warnings.map((w) => w["en-US"])).toContain('Hidden sheet "旧台账" also reads as a ledger and was not used (name it with --sheet to check it).');
  });

  it("takes the hidden sheet when it is named", () => {
    const chosen = readWorkbookLedger(sheets, { sheet: "旧台账" });
    expect(chosen.ledgerSheet).toBe("旧台账");
    expect(chosen.ledger.rows.map((r) => r.customer)).toEqual(["旧客户有限公司"]);
  });

  it("refuses a workbook whose only ledger is hidden, naming it", () => {
    const e = thrown(() => readWorkbookLedger([sheets[0], { name: "客户档案", values: CUSTOMER_MASTER }]));
    expect(e.id).toBe("ledger.no-ledger-sheet");
    expect(e.text["en-US"]).toContain("旧台账 (hidden): a ledger (hidden, used only when named)");
  });
});

describe("no sheet reads as a ledger: one line on what each sheet is and how to name the ledger", () => {
  const sheets: SheetInput[] = [
    { name: "Sheet1", values: [["说明"], ["本表按月更新"]] },
    { name: "客户档案", values: CUSTOMER_MASTER },
    { name: "Sheet3", values: [] },
  ];

  it("in English and in Chinese", () => {
    const e = thrown(() => readWorkbookLedger(sheets));
    expect(e.id).toBe("ledger.no-ledger-sheet");
    expect(e.text["en-US"]).toBe(
      "No sheet reads as a receivables ledger. Sheets: Sheet1: no header; 客户档案: customer master; Sheet3: empty. Name the ledger's sheet (--sheet NAME in the headless audit; a hidden sheet too), or map its columns (the task pane's column mapping).",
    );
    expect(e.text["zh-CN"]).toContain("各工作表：Sheet1：找不到表头；客户档案：客户档案；Sheet3：空白。");
    for (const text of Object.values(e.text)) expect(text).not.toContain("\n");
  });

  it("a single sheet keeps its own reason (no header row found, and what was looked for)", () => {
    expect(thrown(() => readWorkbookLedger([sheets[0]])).id).toBe("ledger.no-header");
  });
});
