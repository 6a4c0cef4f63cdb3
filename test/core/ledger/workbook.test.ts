/**
 * Which sheet of a workbook is the ledger (readWorkbookLedger): a visible one before any hidden
 * one, a hidden one only when named, and when none reads as a ledger, one line saying what each
 * sheet is and how to name the ledger.
 */
import { readWorkbookLedger, type SheetInput, sheetNameDate } from "../../../src/core/ledger/workbook";
import { fromYmd } from "../../../src/core/calendar";
import { auditLedger } from "../../../src/core/ledger/check";
import { readLedger } from "../../../src/core/ledger/index";
import { DEFAULT_POLICY } from "../../../src/core/policy";
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

describe("sheets of one layout with a customer column (a sheet per month or per year) are one ledger", () => {
  // 一月: 赣江 invoices 25,000 on 1-12; 二月 opens with 赣江's 期初余额 25,000 (what 一月 left open)
  // and adds 浔阳's 8,000 on 2-20; 三月 opens with both and adds 赣江's 9,000 on 3-28.
  const HEADER = ["日期", "客户名称", "摘要", "借方", "贷方"];
  const JAN = [HEADER, ["2011-01-12", "赣江", "销售", 25000, null]];
  const FEB = [HEADER, ["2011-02-01", "赣江", "期初余额", 25000, null], ["2011-02-20", "浔阳", "销售", 8000, null]];
  const MAR = [HEADER, ["2011-03-01", "赣江", "期初余额", 25000, null], ["2011-03-01", "浔阳", "期初余额", 8000, null], ["2011-03-28", "赣江", "销售", 9000, null]];
  const sheets: SheetInput[] = [
    { name: "一月", values: JAN },
    { name: "二月", values: FEB },
    { name: "三月", values: MAR },
  ];

  it("reads them together in workbook order; a later month's 期初余额 is what the earlier months left, not counted again", () => {
    const chosen = readWorkbookLedger(sheets);
    expect(chosen.ledger.layout.sheets).toEqual(["一月", "二月", "三月"]);
    // The three openings are carried (reconciled), the three entries are the ledger: 25,000 + 8,000 + 9,000 = 42,000.
    expect(chosen.ledger.rows.map((r) => [r.sheet, r.row, r.customer, r.amount?.toFixed(2)])).toEqual([
      ["一月", 2, "赣江", "25000.00"],
      ["二月", 3, "浔阳", "8000.00"],
      ["三月", 4, "赣江", "9000.00"],
    ]);
    expect(chosen.ledger.layout.openingsCarried).toEqual([
      { sheet: "二月", row: 2 },
      { sheet: "三月", row: 2 },
      { sheet: "三月", row: 3 },
    ]);
    expect(chosen.ledger.reconciliation.differences).toEqual([]);
    expect(chosen.warnings.map((w) => w["en-US"])).toContain(
      'Sheets "一月", "二月", "三月" have one layout and were read together as one ledger, in workbook order (each period\'s opening balance reconciled with the one before, not counted twice); if one is a copy or a summary, name the sheet to check with --sheet.',
    );
  });

  it("reads only the sheet named, and says which sheets of the same layout were not read", () => {
    const chosen = readWorkbookLedger(sheets, { sheet: "三月" });
    expect(chosen.ledger.layout.sheets).toEqual(["三月"]);
    expect(chosen.warnings.map((w) => w["zh-CN"])).toEqual(["只检查了指定的工作表“三月”；工作表“一月”“二月”版式相同，未读取。"]);
  });

  it("passes over a summary sheet in front of the detail, and says the ledger-like sheet was not read, and why", () => {
    const SUMMARY = [
      ["客户名称", "应收余额"],
      ["赣江", 34000],
      ["浔阳", 8000],
    ];
    const chosen = readWorkbookLedger([{ name: "汇总表", values: SUMMARY }, ...sheets]);
    expect(chosen.ledgerSheet).toBe("一月");
    expect(chosen.ledger.layout.sheets).toEqual(["一月", "二月", "三月"]);
    // Its header lacks a date column: it cannot be read as a ledger, and the note says so and why.
    expect(chosen.warnings.map((w) => w["en-US"]).filter((n) => n.startsWith('Sheet "汇总表" also looks like a ledger but could not be read, and was not used: Sheet "汇总表": the header in row 1 lacks required columns'))).toHaveLength(1);
  });
});

describe("the sheet a pane user works on (active) is read as the workbook's ledger it is part of", () => {
  // The months of "sheets of one layout with a customer column" above: 42,000 in three entries.
  const HEADER = ["日期", "客户名称", "摘要", "借方", "贷方"];
  const JAN = [HEADER, ["2011-01-12", "赣江", "销售", 25000, null]];
  const FEB = [HEADER, ["2011-02-01", "赣江", "期初余额", 25000, null], ["2011-02-20", "浔阳", "销售", 8000, null]];
  const MAR = [HEADER, ["2011-03-01", "赣江", "期初余额", 25000, null], ["2011-03-01", "浔阳", "期初余额", 8000, null], ["2011-03-28", "赣江", "销售", 9000, null]];
  const months: SheetInput[] = [
    { name: "一月", values: JAN },
    { name: "二月", values: FEB },
    { name: "三月", values: MAR },
  ];

  it("a month's sheet is read with the months before it, as the headless audit reads the workbook, and the note speaks of the pane", () => {
    const chosen = readWorkbookLedger(months, { active: "三月", surface: "pane" });
    expect(chosen.ledger.layout.sheets).toEqual(["一月", "二月", "三月"]);
    expect(chosen.ledger.rows.map((r) => [r.sheet, r.row])).toEqual([
      ["一月", 2],
      ["二月", 3],
      ["三月", 4],
    ]);
    expect(chosen.warnings.map((w) => w["en-US"])).toEqual([
      'Sheets "一月", "二月", "三月" have one layout and were read together as one ledger, in workbook order (each period\'s opening balance reconciled with the one before, not counted twice); if one is a copy or a summary, format the data of the one to check alone as an Excel table and pick that table in the list of ledgers.',
    ]);
    expect(chosen.warnings[0]["zh-CN"]).not.toContain("--sheet");
  });

  it("with a column mapping (made for the active sheet's columns) the sheet is read alone, and the others are said", () => {
    const chosen = readWorkbookLedger(months, { active: "三月", surface: "pane", mapping: { customer: "B" } });
    expect(chosen.ledger.layout.sheets).toEqual(["三月"]);
    expect(chosen.warnings.map((w) => w["zh-CN"])).toEqual(["只检查了选定的工作表“三月”；工作表“一月”“二月”版式相同，未读取。"]);
  });

  it("a later month-end list is read alone (the first is not its earlier period), and the other is said", () => {
    const LIST = ["客户名称", "单据号", "发生日期", "余额"];
    const end1 = [LIST, ["甲", "A1", "2011-01-10", 25000]];
    const end2 = [LIST, ["甲", "A1", "2011-01-10", 25000], ["甲", "A2", "2011-02-15", 9000]];
    const chosen = readWorkbookLedger(
      [
        { name: "1月末", values: end1 },
        { name: "2月末", values: end2 },
      ],
      { active: "2月末", surface: "pane" },
    );
    expect(chosen.ledger.layout.sheets).toEqual(["2月末"]);
    expect(chosen.ledger.rows.length).toBe(2);
    expect(chosen.warnings.map((w) => w["en-US"])).toEqual(['Only the sheet chosen, "2月末", was checked; sheet "1月末" has the same layout and was not read.']);
  });

  it("a hidden sheet picked is read (as if named); another hidden ledger is said in the pane's words", () => {
    const hidden: SheetInput[] = [{ name: "旧台账", values: OLD_LEDGER, hidden: true }, ...months];
    expect(readWorkbookLedger(hidden, { active: "旧台账", surface: "pane" }).ledger.layout.sheets).toEqual(["旧台账"]);
    const notes = readWorkbookLedger(hidden, { active: "三月", surface: "pane" }).warnings.map((w) => w["zh-CN"]);
    expect(notes).toContain("隐藏的工作表“旧台账”也像台账，未使用（要检查它，请在任务窗格的台账列表中选择它）。");
  });

  it("a sheet that cannot be read says its own reason, not another sheet's", () => {
    const broken = [["客户名称", "备注"], ["甲", "x"]];
    expect(thrown(() => readWorkbookLedger([...months, { name: "坏表", values: broken }], { active: "坏表", surface: "pane" })).text["en-US"]).toContain('Sheet "坏表"');
  });
});

describe("sheets of one layout that are not later periods are not read together (a copy, a summary, month-end lists)", () => {
  const HEADER = ["客户名称", "单据号", "发生日期", "余额"];
  const JAN = [HEADER, ["甲", "A1", "2011-01-10", 25000], ["乙", "B1", "2011-01-20", 8000]];
  const FEB = [HEADER, ["甲", "A1", "2011-01-10", 25000], ["乙", "B1", "2011-01-20", 8000], ["甲", "A2", "2011-02-15", 9000]];

  it("reads only the first of two month-end lists (no 期初余额 line: the second repeats the first), and says why the other was not read", () => {
    const chosen = readWorkbookLedger([
      { name: "1月末", values: JAN },
      { name: "2月末", values: FEB },
    ]);
    expect(chosen.ledger.layout.sheets).toEqual(["1月末"]);
    expect(chosen.ledger.rows.length).toBe(2);
    expect(chosen.warnings.map((w) => w["en-US"])).toEqual([
      'Only the sheet "1月末" was checked; sheet "2月末" has the same layout but does not read as the next period (no 期初余额, 上年结转 or 承前页 line, entries not after the period before, or named as a summary or a copy): a copy, a summary or a list at another date, not read together (name one with --sheet to check it).',
    ]);
  });

  it("never reads a copy of a month together with it, even when the copy opens with 期初余额 (its entries are not after the month's)", () => {
    const HEAD = ["日期", "客户名称", "摘要", "借方", "贷方"];
    const MAR = [HEAD, ["2011-03-01", "赣江", "期初余额", 25000, null], ["2011-03-28", "赣江", "销售", 9000, null]];
    for (const copyName of ["三月 (2)", "三月副本", "三月-a"]) {
      const chosen = readWorkbookLedger([
        { name: "三月", values: MAR },
        { name: copyName, values: MAR },
      ]);
      expect([copyName, chosen.ledger.layout.sheets]).toEqual([copyName, ["三月"]]);
    }
  });

  it("says a ledger-like sheet of other columns was not read", () => {
    const list = [["客户名称", "发生日期", "余额"], ["甲", "2011-01-10", 100]];
    const chosen = readWorkbookLedger([{ name: "1月末", values: JAN }, { name: "清单", values: list }]);
    expect(chosen.ledger.layout.sheets).toEqual(["1月末"]);
    expect(chosen.warnings.map((w) => w["zh-CN"])).toEqual(["工作表“清单”也像台账，但列与“1月末”不同，未读取（要检查它，请用 --sheet 指定）。"]);
  });

  it("says when a sheet that looks like a ledger could not be read, and why", () => {
    const broken = [["客户名称", "备注"], ["甲", "x"]];
    const chosen = readWorkbookLedger([
      { name: "一月", values: JAN },
      { name: "坏表", values: broken },
    ]);
    const notes = chosen.warnings.map((w) => w["zh-CN"]);
    expect(notes.filter((n) => n.startsWith("工作表“坏表”也像台账，但无法读取，未使用："))).toHaveLength(1);
  });

  it("never reads a summary sheet of the same layout together with the detail", () => {
    const summary = [HEADER, ["甲", "期初余额", "2011-01-01", 25000]];
    const chosen = readWorkbookLedger([
      { name: "明细", values: JAN },
      { name: "汇总", values: summary },
    ]);
    expect(chosen.ledger.layout.sheets).toEqual(["明细"]);
  });
});

describe("a money column left unread because another of its field was read", () => {
  it("is said, naming both columns, so receipts in a second 金额 column are not lost without a word", () => {
    const sheets: SheetInput[] = [
      {
        name: "明细",
        values: [
          ["日期", "客户名称", "金额", "金额", "余额"],
          [40553, "甲公司", 100000, "", 100000],
          [40584, "甲公司", "", 60000, 40000],
        ],
      },
    ];
    const read = readWorkbookLedger(sheets);
    expect(read.ledger.mapping.columns.map((c) => `${c.letter}:${c.field}`)).toEqual(["A:dateArisen", "B:customer", "C:amount", "E:balance"]);
    expect(read.warnings.map((w) => w["en-US"])).toContain(
      'Sheet "明细": column D ("金额") could also be the amount and was not read; column C ("金额") was. If it holds something else (credits, balances), map it in the task pane\'s column mapping.',
    );
    expect(read.warnings.map((w) => w["zh-CN"])).toContain("工作表“明细”的D 列（金额）也可读作“金额”，未读取；读取的是 C 列（金额）。若它另有含义（如贷方发生额、余额），请在任务窗格的“列对应”中指定。");
  });
});
describe("an aging date column left unread because another of its field was read", () => {
  it("is said, naming both columns: the items are aged from the one read", () => {
    const read = readWorkbookLedger([
      {
        name: "应收",
        values: [
          ["客户名称", "单据号", "记账日期", "开票日期", "金额", "余额"],
          ["甲公司", "A1", "2011-08-01", "2010-01-10", 100000, 100000],
        ],
      },
    ]);
    expect(read.ledger.mapping.columns.find((c) => c.field === "dateArisen")?.letter).toBe("D");
    expect(read.warnings.map((w) => w["zh-CN"])).toContain("工作表“应收”的C 列（记账日期）也可读作“发生日期”，未读取；读取的是 D 列（开票日期）。账龄按读取的这一列计算；若应按另一列计算，请在任务窗格的“列对应”中指定。");
    expect(read.warnings.map((w) => w["en-US"])).toContain(
      'Sheet "应收": column C ("记账日期") could also be the date arisen and was not read; column D ("开票日期") was. Ages are counted from the column read; if they should be counted from the other, map it in the task pane\'s column mapping.',
    );
  });
});


describe("lists of one layout at several month-ends (a sheet per month)", () => {
  const month = (m: number, rows: unknown[][]): SheetInput => ({
    name: `${m}月`,
    values: [[`应收账款明细表（2011年${m}月${m === 9 ? 30 : 31}日）`], ["客户名称", "发票号", "开票日期", "金额", "已收金额", "余额"], ...rows],
  });
  const JUL = month(7, [["甲公司", "F1", "2011-05-10", 100000, 0, 100000]]);
  const AUG = month(8, [
    ["甲公司", "F1", "2011-05-10", 100000, 30000, 70000],
    ["乙公司", "F8", "2011-08-05", 20000, 0, 20000],
  ]);
  const SEP = month(9, [["乙公司", "F8", "2011-08-05", 20000, 0, 20000]]);

  it("reads the one whose title stands at the as-of date, or the latest before it, and says so", () => {
    const aug = readWorkbookLedger([JUL, AUG, SEP], { asOf: fromYmd(2011, 8, 31) });
    expect(aug.ledgerSheet).toBe("8月");
    expect(aug.ledger.layout.listDate).toBe(fromYmd(2011, 8, 31));
    expect(aug.warnings.map((w) => w["zh-CN"])).toContain("检查的是工作表“8月”：它的标题写明截至 2011年8月31日，是截止日 2011年8月31日 当日或之前最近的一张。");
    expect(aug.warnings.map((w) => w["en-US"]).some((w) => w.startsWith('Only the sheet "8月" was checked; sheets "7月", "9月" have the same layout'))).toBe(true);
    // As of 08-15: no list stands then; July's is the latest before it.
    expect(readWorkbookLedger([JUL, AUG, SEP], { asOf: fromYmd(2011, 8, 15) }).ledgerSheet).toBe("7月");
    // Without an as-of date (or with a sheet named), the first is read, as before.
    expect(readWorkbookLedger([JUL, AUG, SEP]).ledgerSheet).toBe("7月");
    expect(readWorkbookLedger([JUL, AUG, SEP], { sheet: "9月", asOf: fromYmd(2011, 8, 31) }).ledgerSheet).toBe("9月");
  });

  it("says a list standing at an earlier date than the as-of date lacks what came after (list-dated-before)", () => {
    const jul = readWorkbookLedger([JUL], { asOf: fromYmd(2011, 8, 31) });
    const result = auditLedger(jul.ledger, jul.companions, fromYmd(2011, 8, 31), DEFAULT_POLICY);
    const said = result.findings.filter((f) => f.rule === "list-dated-before");
    expect(said.map((f) => [f.cell, f.severity])).toEqual([["'7月'!A1", "warning"]]);
    expect(said[0].message["zh-CN"]).toBe(
      "'7月'!A1：台账截至 2011年7月31日，早于截止日 2011年8月31日；其后的收款、新增款项和核销不在表中，按截止日的余额和账龄不准确。请用截至 2011年8月31日 的台账（如另一张工作表），或以 2011年7月31日 为截止日检查。",
    );
    // As of its own date: nothing to say.
    expect(auditLedger(jul.ledger, jul.companions, fromYmd(2011, 7, 31), DEFAULT_POLICY).findings.filter((f) => f.rule === "list-dated-before")).toEqual([]);
  });

  it("reads the date a title gives in its words or its brackets, and a month as its last day", () => {
    const dateOf = (title: string) => readLedger([[title], ["客户名称", "发票号", "开票日期", "余额"], ["甲公司", "F1", "2011-05-10", 100]], { sheet: "S" }).layout.listDate;
    expect(dateOf("应收账款余额表 截至2011年7月31日")).toBe(fromYmd(2011, 7, 31));
    expect(dateOf("截止日期：2011-07-31")).toBe(fromYmd(2011, 7, 31));
    expect(dateOf("应收账款余额表 2011年8月31日")).toBe(fromYmd(2011, 8, 31));
    expect(dateOf("应收账款余额表（2011年2月）")).toBe(fromYmd(2011, 2, 28));
    expect(dateOf("应收账款余额表(2011年12月)")).toBe(fromYmd(2011, 12, 31));
    expect(dateOf("导出日期：2011-09-10")).toBe(null);
    expect(dateOf("应收账款明细表（2011年1月1日至2011年12月31日）")).toBe(null);
    expect(dateOf("应收账款明细表")).toBe(null);
  });
});

describe("lists of one layout at several month-ends dated by their sheets' names only (2024.05, 2024.06)", () => {
  const header = ["客户名称", "发票号", "开票日期", "金额", "已收", "余额"];
  const MAY: SheetInput = { name: "2024.05", values: [header, ["甲公司", "FP-1", "2024-03-01", 30000, 10000, 20000], ["乙公司", "FP-2", "2024-05-10", 8000, 0, 8000]] };
  const JUN: SheetInput = {
    name: "2024.06",
    values: [header, ["甲公司", "FP-1", "2024-03-01", 30000, 30000, 0], ["乙公司", "FP-2", "2024-05-10", 8000, 0, 8000], ["甲公司", "FP-3", "2024-06-15", 12000, 0, 12000]],
  };

  it("reads the one standing at the as-of date, and says its name dated it", () => {
    // As of 2024-06-30 the June list stands: 乙 8,000 + 甲 12,000 = 20,000 (May's gave 28,000).
    const jun = readWorkbookLedger([MAY, JUN], { asOf: fromYmd(2024, 6, 30) });
    expect(jun.ledgerSheet).toBe("2024.06");
    expect(auditLedger(jun.ledger, jun.companions, fromYmd(2024, 6, 30), DEFAULT_POLICY).totals.all.balance).toBe("20000.00");
    expect(jun.warnings.map((w) => w["zh-CN"])).toContain("检查的是工作表“2024.06”：它的表名写明截至 2024年6月30日，是截止日 2024年6月30日 当日或之前最近的一张。");
    expect(readWorkbookLedger([MAY, JUN], { asOf: fromYmd(2024, 6, 15) }).ledgerSheet).toBe("2024.05");
  });

  it("takes a date, or a year and month (its last day), from a sheet's name", () => {
    expect(sheetNameDate("2024.06")).toBe(fromYmd(2024, 6, 30));
    expect(sheetNameDate("2024年2月末")).toBe(fromYmd(2024, 2, 29));
    expect(sheetNameDate("202412")).toBe(fromYmd(2024, 12, 31));
    expect(sheetNameDate("余额表20240531")).toBe(fromYmd(2024, 5, 31));
    expect(sheetNameDate("2024-06-15")).toBe(fromYmd(2024, 6, 15));
    expect(sheetNameDate("6月")).toBe(null);
    expect(sheetNameDate("2024年")).toBe(null);
    expect(sheetNameDate("2024.13")).toBe(null);
    expect(sheetNameDate("三月 (2)")).toBe(null);
  });
});

describe("a sheet that reads as a ledger but is not read is a finding, not only a note", () => {
  const h = ["日期", "凭证字号", "摘要", "借方", "贷方", "方向", "余额"];
  const sheets: SheetInput[] = [
    { name: "眉山东坡", values: [["应收账款明细账"], ["科目：1122 应收账款—眉山东坡建筑工程有限公司"], h, ["2011-03-01", "记-0001", "工程款", 300000, null, "借", 300000], ["2011-08-01", "记-0002", "收款", null, 100000, "借", 200000]] },
    // Exported without 凭证字号: laid out otherwise, so not read with the others.
    { name: "华蓥山煤业", values: [["应收账款明细账"], ["科目：1122 应收账款—广安华蓥山煤业有限公司"], ["日期", "摘要", "借方", "贷方", "方向", "余额"], ["2011-02-01", "销售", 90000, null, "借", 90000]] },
    // An opening-balance list with no date: looks like a ledger, cannot be read as one.
    { name: "期初", values: [["客户名称", "期初余额"], ["甲公司", 50000]] },
  ];

  it("says each such sheet in the findings (the JSON and the pane's list carry them), with why", () => {
    const chosen = readWorkbookLedger(sheets);
    const a = auditLedger(chosen.ledger, chosen.companions, fromYmd(2011, 12, 31), DEFAULT_POLICY);
    // 眉山东坡 alone: 300,000 − 100,000.
    expect(a.totals.all.balance).toBe("200000.00");
    const f = a.findings.filter((x) => x.rule === "sheet-not-read");
    expect(f.map((x) => [x.cell, x.severity])).toEqual([
      ["华蓥山煤业!A1", "warning"],
      ["期初!A1", "warning"],
    ]);
    expect(f[0].message["en-US"]).toContain('laid out otherwise than "眉山东坡"');
    expect(f[1].message["en-US"]).toContain("lacks required columns");
  });

  it("says nothing of the kind where a list (a customer column) was named and read alone: the others were left out by choice", () => {
    const lists: SheetInput[] = [
      { name: "台账", values: [["客户名称", "发生日期", "金额", "余额"], ["甲公司", "2011-03-01", 1000, 1000]] },
      { name: "回款", values: [["客户名称", "日期", "摘要", "借方", "贷方"], ["甲公司", "2011-04-01", "收款", null, 500]] },
    ];
    expect(readWorkbookLedger(lists).ledger.layout.sheetsNotRead.map((x) => x.sheet)).toEqual(["回款"]);
    const chosen = readWorkbookLedger(lists, { sheet: "台账" });
    expect(auditLedger(chosen.ledger, chosen.companions, fromYmd(2011, 12, 31), DEFAULT_POLICY).findings.filter((x) => x.rule === "sheet-not-read")).toEqual([]);
  });

  it("says nothing of the kind when every ledger-like sheet is read", () => {
    const chosen = readWorkbookLedger([sheets[0]]);
    expect(auditLedger(chosen.ledger, chosen.companions, fromYmd(2011, 12, 31), DEFAULT_POLICY).findings.filter((x) => x.rule === "sheet-not-read")).toEqual([]);
  });
});
