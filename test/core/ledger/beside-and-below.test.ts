/**
 * What hand-kept ledgers put beside and below the table (issue 13: "never silently wrong"): a
 * summary table to the right, an analysis of the total (其中：…), a statement's confirmation
 * footer. None of it is a receivable, and none of it turns a ledger line into something else.
 */
import { fromYmd } from "../../../src/core/calendar";
import { auditLedger } from "../../../src/core/ledger/check";
import { readLedger } from "../../../src/core/ledger/index";
import { saysSettled } from "../../../src/core/ledger/layout";
import { DEFAULT_POLICY } from "../../../src/core/policy";

const HEADER = ["客户", "日期", "摘要", "金额", "已收", "余额"];

test("a 合计 in a summary table beside the ledger, across an empty column, leaves the ledger's line a line", () => {
  const r = readLedger(
    [
      [...HEADER, null, "客户", "余额"],
      ["内江华西公司", "2011-07-15", "货款", 78000, 30000, 48000, null, "内江华西公司", 48000], // row 2
      ["绵阳九洲电器", "2010-12-01", "货款", 200000, 150000, 50000, null, "合计", 98000], // row 3: a line, not a total
      ["合计", null, null, 278000, 180000, 98000], // row 4: the ledger's own total
    ],
    { sheet: "台账" },
  );
  expect(r.rows.map((x) => x.row)).toEqual([2, 3]);
  expect(r.reconciliation.status).toBe("reconciled");
  expect(r.reconciliation.differences).toEqual([]);
});

test("其中, 减：and 加：lines under a total analyse it: skipped as notes, never items", () => {
  const r = readLedger(
    [
      HEADER,
      ["内江华西公司", "2011-07-15", "货款", 78000, 30000, 48000], // row 2
      ["绵阳九洲电器", "2011-12-20", "货款", 36000, null, 36000], // row 3
      ["合计", null, null, 114000, 30000, 84000], // row 4
      ["其中：关联方（绵阳九洲电器）", null, null, null, null, 36000], // row 5
      ["减：坏账准备", null, null, null, null, 4200], // row 6
      ["加多宝（中国）饮料有限公司", "2011-12-21", "货款", 1000, null, 1000], // row 7: a customer whose name starts with 加
    ],
    { sheet: "台账" },
  );
  expect(r.rows.map((x) => `${x.row} ${x.customer}`)).toEqual(["2 内江华西公司", "3 绵阳九洲电器", "7 加多宝（中国）饮料有限公司"]);
  expect(r.skipped.filter((s) => s.reason === "note").map((s) => s.row)).toEqual([5, 6]);
  const a = auditLedger(r, {}, fromYmd(2011, 12, 31), DEFAULT_POLICY);
  // 48,000 + 36,000 + 1,000: the 其中 line's 36,000 is not counted twice.
  expect(a.totals.all.balance).toBe("85000.00");
});

test("a statement's confirmation footer (经办人：, 客户确认（盖章）：) ends the table", () => {
  const r = readLedger(
    [
      HEADER,
      ["内江华西公司", "2011-07-15", "货款", 78000, 30000, 48000], // row 2
      ["经办人：", null, null, null, "客户确认（盖章）：", null], // row 3
      [null, null, null, null, "2012年1月5日", null], // row 4: under the footer
    ],
    { sheet: "对账单" },
  );
  expect(r.rows.map((x) => x.row)).toEqual([2]);
  expect(r.issues).toEqual([]);
  expect(r.skipped.map((s) => `${s.row} ${s.reason}`)).toEqual(["3 footer", "4 footer"]);
});

test("a statement's stamp line (对账单位（盖章）, 本公司（公章）：…) ends the table, with or without its colon", () => {
  for (const stamp of ["对账单位（盖章）", "贵公司（盖章）：", "本公司（公章）：成都某某有限公司", "成都锦城建材有限公司（签章）"]) {
    const r = readLedger(
      [
        HEADER,
        ["内江华西公司", "2011-07-15", "货款", 78000, 30000, 48000], // row 2
        [stamp, null, null, null, null, null], // row 3
        [null, "2012-01-05", null, null, null, null], // row 4: the stamp's date
      ],
      { sheet: "对账单" },
    );
    expect([stamp, r.rows.map((x) => x.row), r.issues]).toEqual([stamp, [2], []]);
    expect(r.skipped.map((s) => `${s.row} ${s.reason}`)).toEqual(["3 footer", "4 footer"]);
  }
  // A customer whose name holds none of the stamp's bracketed words is a customer.
  const named = readLedger([HEADER, ["对外贸易公司（章丘）", "2011-07-15", "货款", 78000, 30000, 48000]], { sheet: "对账单" });
  expect(named.rows.map((x) => x.customer)).toEqual(["对外贸易公司（章丘）"]);
});

describe("a customer written once per block, blank below (not merged)", () => {
  const H = ["客户名称", "发票号", "开票日期", "发票金额", "已收金额", "未收金额"];
  it("reads each blank as the line above's customer, and says so once", () => {
    const r = readLedger(
      [
        H,
        ["德阳东汽", "FP0001", "2011-01-18", 200000, 200000, 0], // row 2
        [null, "FP0007", "2011-04-22", 150000, 50000, 100000], // row 3: 德阳东汽
        [null, "FP0015", "2011-11-30", 80000, 0, 80000], // row 4: 德阳东汽
        ["小计", null, null, 430000, 250000, 180000], // row 5
        ["广元川北", "FP0003", "2010-06-10", 60000, 10000, 50000], // row 6
        [null, "FP0011", "2011-08-05", 45000, null, 45000], // row 7: 广元川北
        ["小计", null, null, 105000, 10000, 95000], // row 8
      ],
      { sheet: "台账" },
    );
    expect(r.rows.map((x) => `${x.row} ${x.customer}`)).toEqual(["2 德阳东汽", "3 德阳东汽", "4 德阳东汽", "6 广元川北", "7 广元川北"]);
    expect(r.issues).toEqual([]);
    expect(r.layout.customersFilled).toEqual([3, 4, 7].map((row) => ({ sheet: "台账", row })));
    const a = auditLedger(r, {}, fromYmd(2011, 12, 31), DEFAULT_POLICY);
    const said = a.findings.filter((f) => f.rule === "customer-filled-down");
    expect(said.map((f) => f.message["zh-CN"])).toEqual(["台账!A3：客户名称空白，按上一行的客户读取；本行起共 3 行（第 3、4、7 行）如此读取。请核对这些行确属上一行的客户。"]);
  });

  it("fills nothing when a blank follows a 小计 (a customer missing), and says each missing one", () => {
    const r = readLedger(
      [
        H,
        ["德阳东汽", "FP0001", "2011-01-18", 200000, 0, 200000], // row 2
        [null, "FP0007", "2011-04-22", 150000, 50000, 100000], // row 3: would continue row 2
        ["小计", null, null, 350000, 50000, 300000], // row 4
        [null, "FP0003", "2010-06-10", 60000, 10000, 50000], // row 5: after a 小计: missing
      ],
      { sheet: "台账" },
    );
    expect(r.layout.customersFilled).toEqual([]);
    expect(r.issues.filter((i) => i.field === "customer").map((i) => i.row)).toEqual([3, 5]);
  });

  it("fills nothing over another customer code, nor into a receipt its type names", () => {
    const coded = readLedger(
      [
        ["客户编码", "客户名称", "单据号", "日期", "金额", "余额"],
        ["C001", "甲公司", "A1", "2011-01-10", 100, 100], // row 2
        ["C002", null, "B1", "2011-02-10", 200, 200], // row 3: another code: not 甲公司's
        ["C002", null, "B2", "2011-03-10", 300, 300], // row 4
      ],
      { sheet: "台账" },
    );
    expect(coded.layout.customersFilled).toEqual([]);
    expect(coded.issues.filter((i) => i.field === "customer").map((i) => i.row)).toEqual([3, 4]);
    const typed = readLedger(
      [
        ["客户名称", "单据号", "日期", "类型", "金额"],
        ["甲", "A1", "2011-01-10", "销售", 100], // row 2
        [null, "A2", "2011-02-10", "销售", 50], // row 3: 甲
        [null, "A3", "2011-02-11", "销售", 70], // row 4: 甲
        ["乙", "B1", "2011-04-10", "销售", 30], // row 5
        [null, "R1", "2011-05-10", "收款", 20], // row 6: a receipt by its type: stays unidentified
      ],
      { sheet: "明细" },
    );
    expect(typed.rows.map((x) => x.customer)).toEqual(["甲", "甲", "甲", "乙", null]);
  });

  it("never gives a receipt without a customer the line above's (money to identify, 待查)", () => {
    const r = readLedger(
      [
        ["客户名称", "单据号", "日期", "借方", "贷方"],
        ["甲", "A1", "2011-01-10", 100, null], // row 2
        [null, "A2", "2011-02-10", 50, null], // row 3: 甲
        [null, "A3", "2011-03-10", 70, null], // row 4: 甲
        ["乙", "B1", "2011-04-10", 30, null], // row 5
        [null, "R1", "2011-05-10", null, 40], // row 6: a receipt: stays without a customer
      ],
      { sheet: "明细" },
    );
    expect(r.rows.map((x) => x.customer)).toEqual(["甲", "甲", "甲", "乙", null]);
  });

  it("outside an account book (no 余额), a 本月合计 between two lines ends the run: the blank after it is a customer missing", () => {
    const r = readLedger(
      [
        ["日期", "客户名称", "摘要", "金额"],
        ["2011-01-05", "甲", "销售", 100], // row 2
        ["2011-01-20", null, "销售", 50], // row 3: continues 甲
        ["2011-01-31", null, "本月合计", 150], // row 4
        ["2011-02-03", null, "销售", 70], // row 5: after a total, in a list by date: whose?
      ],
      { sheet: "台账" },
    );
    expect(r.layout.customersFilled).toEqual([]);
    expect(r.issues.filter((i) => i.field === "customer").map((i) => i.row)).toEqual([3, 5]);
  });

  describe("in an account book (T3 客户往来明细账: 借方, 贷方, a running 余额), the name on each block's first line only", () => {
    // Every line of a block is an entry of that customer's account, receipts included, and a
    // 本月合计 between two entries does not end the block; the next customer's first line names it.
    // By hand, as of 2011-08-31: 达州 opens 45,000 (2011-01-01), sells 117,000 (01-20), receives
    // 100,000 (03-08: clears the opening and 55,000 of the sale), allows 5,850 (red 借方, 06-28:
    // 62,000 − 5,850 = 56,150 of the sale) and sells 58,500 (06-15); the 09-06 receipt is after
    // the date. 南充's 35,100 is received, and 20,000 more is an advance. Open: 56,150 + 58,500
    // = 114,650, the 余额 stated on 06-30; provision 5%: 2,807.50 + 2,925.00 = 5,732.50.
    const rows = [
      ["客户", "日期", "凭证号", "摘要", "借方", "贷方", "方向", "余额"],
      ["达州钢铁", "2011-01-01", null, "期初余额", null, null, "借", 45000], // row 2
      [null, "2011-01-20", "记-0015", "销售钢坯", 117000, null, "借", 162000], // row 3
      [null, "2011-01-31", null, "本月合计", 117000, 0, "借", 162000], // row 4
      [null, "2011-03-08", "记-0022", "收到货款", null, 100000, "借", 62000], // row 5: a receipt of 达州's
      [null, "2011-03-31", null, "本月合计", 0, 100000, "借", 62000], // row 6
      [null, "2011-06-15", "记-0040", "销售钢坯", 58500, null, "借", 120500], // row 7
      [null, "2011-06-28", "记-0049", "销售折让", -5850, null, "借", 114650], // row 8
      [null, "2011-06-30", null, "本月合计", 52650, 0, "借", 114650], // row 9
      [null, "2011-09-06", "记-0008", "收到货款", null, 50000, "借", 64650], // row 10
      [null, null, null, "本年累计", 169650, 150000, "借", 64650], // row 11
      ["南充炼化", "2011-02-11", "记-0018", "销售钢材", 35100, null, "借", 35100], // row 12
      [null, "2011-08-30", "记-0061", "收到货款", null, 35100, "平", 0], // row 13
      [null, "2011-08-30", "记-0062", "预收货款", null, 20000, "贷", 20000], // row 14
    ];
    const r = readLedger(rows, { sheet: "明细账" });
    const a = auditLedger(r, {}, fromYmd(2011, 8, 31), DEFAULT_POLICY);

    it("reads every blank as its block's customer, receipts included, across the 本月合计 lines", () => {
      expect(r.rows.map((x) => `${x.row} ${x.customer}`)).toEqual(["2 达州钢铁", "3 达州钢铁", "5 达州钢铁", "7 达州钢铁", "8 达州钢铁", "10 达州钢铁", "12 南充炼化", "13 南充炼化", "14 南充炼化"]);
      expect(r.issues).toEqual([]);
      expect(a.reading.reconciliation).toBe("reconciled");
    });

    it("gives the hand-worked open items, and 南充's advance", () => {
      expect(a.totals.all).toEqual({ count: 2, balance: "114650.00", provision: "5732.50" });
      expect(a.reading.advances).toEqual({ count: 1, total: "20000.00" });
    });

    it("a receipt whose 余额 does not carry on the block's (a 待查 receipt, its 余额 blank) stays without a customer", () => {
      const pending = readLedger([...rows, [null, "2011-08-31", "记-0070", "收到不明款项（待查）", null, 25000, null, null]], { sheet: "明细账" });
      expect(pending.rows.map((x) => x.customer).at(-1)).toBeNull();
      expect(pending.issues.filter((i) => i.field === "customer").map((i) => i.row)).toEqual([15]);
    });

    it("a blank after a 本年累计 starts no block of the one above: a customer missing, and nothing filled", () => {
      const after = readLedger([...rows.slice(0, 11), [null, "2011-02-11", "记-0018", "销售钢材", 35100, null, "借", 35100]], { sheet: "明细账" });
      expect(after.layout.customersFilled).toEqual([]);
      expect(after.issues.filter((i) => i.field === "customer").map((i) => i.row)).toEqual([3, 5, 7, 8, 10, 12]);
    });
  });
});

describe("a summary brought for a ledger is named for what it is", () => {
  const thrown = (values: unknown[][]): { id: string; zh: string; en: string } => {
    try {
      readLedger(values, { sheet: "表" });
    } catch (e) {
      const err = e as { id: string; text: { "zh-CN": string; "en-US": string } };
      return { id: err.id, zh: err.text["zh-CN"], en: err.text["en-US"] };
    }
    throw new Error("read without error");
  };

  it("an aging analysis (余额 spread over 1-30天, 31-60天 … 3年以上): no dates per item, export the detail ledger", () => {
    const e = thrown([
      ["客户编码", "客户名称", "余额", "1-30天", "31-60天", "61-90天", "1-2年", "3年以上"],
      ["K001", "南充炼化", 150000, 50000, 0, 0, 100000, 0],
    ]);
    expect(e.id).toBe("ledger.missing-columns");
    expect(e.zh).toContain("工作表“表”是账龄分析表");
    expect(e.zh).toContain("请从财务软件导出应收账款明细账（客户往来明细账）或应收单列表（含单据日期）再检查");
    expect(e.en).toContain("is an aging analysis");
  });

  it("a balance table (期初余额, 本期发生, 期末余额): the same", () => {
    const e = thrown([
      ["客户编码", "客户名称", "期初余额", "本期借方", "本期贷方", "期末余额"],
      ["01001", "峨眉电力", 100000, 200000, 150000, 150000],
    ]);
    expect(e.zh).toContain("是余额表（每个客户的期初、本期发生和期末余额）");
  });

  it("a ledger that merely lacks its date column is told to rename or map it, as before", () => {
    const e = thrown([
      ["客户名称", "单据号", "金额", "余额"],
      ["甲", "A1", 100, 100],
    ]);
    expect(e.zh).toContain("可把表头改为常用的列名");
  });
});

describe("words that end or analyse a table only where they can", () => {
  it("a status of 确认, 签收 or 经办 on a line of text amounts (a CSV) is a status, not a footer", () => {
    const r = readLedger(
      [
        ["客户", "单据号", "日期", "金额", "状态"],
        ["甲公司", "FP001", "2011-01-10", "30,000.00", "确认"], // row 2
        ["乙公司", "FP002", "2011-02-10", "20,000.00", "签收"], // row 3
        ["丙公司", "FP003", "2011-03-10", "10,000.00", "经办"], // row 4
      ],
      { sheet: "a" },
    );
    expect(r.rows.map((x) => x.row)).toEqual([2, 3, 4]);
    expect(r.skipped).toEqual([]);
  });

  it("a line whose 摘要 begins 减：or 加：is a line", () => {
    const r = readLedger(
      [
        ["客户", "日期", "摘要", "借方", "贷方"],
        ["甲公司", "2011-01-10", "销售", 30000, null], // row 2
        ["甲公司", "2011-02-10", "减：销售折让", -2000, null], // row 3: a red reversal
        ["乙公司", "2011-03-10", "加：代垫运费", 500, null], // row 4
        ["合计", null, null, 28500, 0], // row 5
      ],
      { sheet: "明细" },
    );
    expect(r.rows.map((x) => x.row)).toEqual([2, 3, 4]);
    expect(r.reconciliation.status).toBe("reconciled");
  });
});

describe("a 状态 that says 已结清 (POLICY §10: the books as kept)", () => {
  const H = ["客户名称", "发票号", "发生日期", "金额", "已收金额", "余额", "状态"];
  it("settles a line whose 余额 is blank, so the ledger's own 合计 agrees, and says so once with the amount left out", () => {
    const r = readLedger(
      [
        H,
        ["甲公司", "F1", 40553, 100000, 20000, 80000, ""], // row 2
        ["乙公司", "F2", 40584, 30000, "", "", "已结清"], // row 3: nothing received written, 余额 blank
        ["丙公司", "F3", 40612, 75500.5, 500, "", "已收讫"], // row 4: 75,000 more than received written
        ["丁公司", "F4", 40612, 12000, "", 12000, "未结清"], // row 5: 未 undoes it: 12,000 open
        ["合计", "", "", 217500.5, 20500, 92000, ""], // row 6: =SUM(F2:F5), the blank 余额 cells as 0
      ],
      { sheet: "台账" },
    );
    // Open: 80,000 (F1) + 12,000 (F4) = 92,000, as the 合计 states; rows 3 and 4 settled. Read as
    // amount − received they were 105,000.50 more open, and the 合计 disagreed by as much.
    expect(r.layout.settledByStatus).toEqual([3, 4].map((row) => ({ sheet: "台账", row })));
    expect(r.layout.settledByStatusLeft).toBe("105000.50"); // 30,000 + (75,500.50 − 500)
    expect(r.reconciliation.differences).toEqual([]);
    const a = auditLedger(r, {}, fromYmd(2011, 12, 31), DEFAULT_POLICY);
    expect(a.totals.all.balance).toBe("92000.00");
    expect(a.totals.all.count).toBe(2);
    const said = a.findings.filter((f) => f.rule === "status-says-settled");
    expect(said.map((f) => f.message["zh-CN"])).toEqual([
      "台账!G3：状态写明已结清，余额栏空白，按已结清处理；本行起共 2 行（第 3、4 行）如此处理，按金额减已收金额合计 105,000.50 元，未计入未结清款项。请补填已收金额或余额，或核对状态。",
    ]);
    expect(said[0].severity).toBe("warning");
  });

  it("keeps a balance the ledger states, and says the status disagrees", () => {
    const r = readLedger(
      [
        H,
        ["甲公司", "F1", 40553, 100000, 20000, 80000, "已结清"], // row 2: 80,000 stated
        ["乙公司", "F2", 40584, 30000, 30000, 0, "已结清"], // row 3: agrees
      ],
      { sheet: "台账" },
    );
    expect(r.layout.settledByStatus).toEqual([]);
    expect(r.layout.statusConflicts).toEqual([{ sheet: "台账", row: 2 }]);
    const a = auditLedger(r, {}, fromYmd(2011, 12, 31), DEFAULT_POLICY);
    expect(a.totals.all.balance).toBe("80000.00");
    const said = a.findings.filter((f) => f.rule === "status-says-settled");
    expect(said.map((f) => f.message["en-US"])).toEqual([
      "台账!G2: the status says settled but the balance is 80,000.00, which is counted as open as written. From this line on, 1 line(s) (rows 2) have a status and a balance that disagree. Check the status or the balance.",
    ]);
  });

  it("reads settled words, and not the ones that say otherwise", () => {
    expect(["已结清", "结清", "已收讫", "已付清", "已收回", "全部收回", "Paid", "settled", "paid in full"].map(saysSettled)).toEqual(Array(9).fill(true));
    // 已核销 is written off (a memorandum item, reports' WRITTEN_OFF_WORDS), not collected.
    expect(["未结清", "部分收回", "尚未收回", "已核销", "待核销", "催收款项", "计划回款", "回款中", "unpaid", "not settled", "partly paid", "客户承诺月底付款", "正常", "", null].map(saysSettled)).toEqual(Array(15).fill(false));
    // Collection trouble a 催收状态 column writes is no settlement (the whole cell must say settled).
    expect(["收回困难", "难以收回", "已起诉，收回困难", "回款缓慢", "回款逾期", "收款逾期", "逾期应收款", "应收款", "收款正常", "账龄较长，收回可能性小"].map(saysSettled)).toEqual(Array(10).fill(false));
  });
});

test("a second table beside the ledger under the same header (华东区 | 华南区) is said not read; a summary beside it is not such a table", () => {
  const header = ["客户名称", "开票日期", "发票号", "金额", "未收金额"];
  const r = readLedger(
    [
      ["华东区", null, null, null, null, null, "华南区"],
      [...header, null, ...header],
      ["甲公司", "2024-03-01", "E-1", 30000, 30000, null, "丁公司", "2024-04-01", "S-1", 25000, 25000], // row 3
      ["乙公司", "2024-05-01", "E-2", 2000, 2000, null, "戊公司", "2024-05-10", "S-2", 18000, 18000], // row 4
      ["合计", null, null, 32000, 32000, null, "合计", null, null, 43000, 43000], // row 5
    ],
    { sheet: "应收账款" },
  );
  // The left table is read and agrees with its 合计 (32,000); the right one's 43,000 is not in it, and that is said.
  const a = auditLedger(r, {}, fromYmd(2024, 6, 30), DEFAULT_POLICY);
  expect(a.totals.all.balance).toBe("32000.00");
  const said = a.findings.filter((f) => f.rule === "sheet-not-read");
  expect(said.map((f) => [f.cell, f.severity, f.message["zh-CN"]])).toEqual([
    ["应收账款!G2", "warning", "应收账款!G2：工作表“应收账款”在所读的表右侧另有一张表头相同的表（G:K），未读取：其中的款项不在以下合计之内。请把它接在所读的表下方，或单独检查这几列。"],
  ]);
  // A summary beside the ledger (客户 | 余额) names too few of its fields to be a second table.
  const summary = readLedger(
    [
      [...HEADER, null, "客户", "余额"],
      ["内江华西公司", "2011-07-15", "货款", 78000, 30000, 48000, null, "内江华西公司", 48000],
    ],
    { sheet: "台账" },
  );
  expect(auditLedger(summary, {}, fromYmd(2011, 12, 31), DEFAULT_POLICY).findings.filter((f) => f.rule === "sheet-not-read")).toEqual([]);
});
