/**
 * Real ledgers as accountants export them (issue 13): each layout of test/fixtures/layouts gives
 * its hand-worked open items, class totals and provision to the cent, through the core (the
 * sheets as Excel gives them) and through the headless audit (the .xlsx or .csv a user brings).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../src/cli/audit";
import { auditJsonChunks } from "../../../src/core/ledger/audit-json";
import { auditLedger, type AuditResult } from "../../../src/core/ledger/check";
import { readLedger } from "../../../src/core/ledger/index";
import { readWorkbookLedger, type SheetInput } from "../../../src/core/ledger/workbook";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import { writeLayoutFixture } from "../../../scripts/make-layout-fixtures";
import { asOfOf, LAYOUT_FIXTURES, type LayoutFixture, valuesOf } from "../../fixtures/layouts";
import { fromYmd } from "../../../src/core/calendar";
import { formatIsoDate } from "../../../src/core/dates";
import { thrown } from "../../helpers/errors";

function sheetsOf(f: LayoutFixture): SheetInput[] {
  return f.sheets.map((s) => ({ name: s.name, values: valuesOf(s), ...(s.merges ? { merges: s.merges } : {}), ...(s.hidden ? { hidden: true } : {}) }));
}

interface Outcome {
  shape: string;
  items: { sheet: string; row: number; customer: string | null; balance: string | null; agingClass: string | null; agingBand: string | null; provision: string | null }[];
  total: { count: number; balance: string; provision: string };
  byClass: Record<string, { count: number; balance: string; provision: string }>;
  reconciliation: string;
  leftOut: number;
  settled: number;
  advances: { count: number; total: string };
  rules: string[];
}

function outcomeOfJson(json: ReturnType<typeof JSON.parse>): Outcome {
  return {
    shape: json.ledger.shape,
    items: json.rows.map((r: Outcome["items"][number]) => ({ sheet: r.sheet, row: r.row, customer: r.customer, balance: r.balance, agingClass: r.agingClass, agingBand: r.agingBand, provision: r.provision })),
    total: json.totals.all,
    byClass: json.totals.byClass,
    reconciliation: json.reading.reconciliation,
    leftOut: json.reading.leftOut.count,
    settled: json.reading.settled,
    advances: json.reading.advances,
    rules: json.findings.map((f: { rule: string }) => f.rule),
  };
}

function outcomeOf(result: AuditResult): Outcome {
  return outcomeOfJson(JSON.parse([...auditJsonChunks(result, "fixture")].join("")));
}

function expectMatches(f: LayoutFixture, o: Outcome): void {
  const e = f.expected;
  expect(o.shape).toBe(e.shape);
  expect(o.items).toEqual(e.items);
  expect(o.total).toEqual(e.total);
  for (const [cls, t] of Object.entries(e.byClass)) expect(o.byClass[cls]).toEqual(t);
  // Classes not named hold nothing.
  for (const cls of ["normal", "overdue", "stale", "bad", "unclassified"]) if (!(cls in e.byClass)) expect(o.byClass[cls].count).toBe(0);
  expect(o.reconciliation).toBe(e.reconciliation);
  expect(o.leftOut).toBe(e.leftOut);
  expect(o.settled).toBe(e.settled);
  expect(o.advances).toEqual(e.advances);
  for (const rule of e.findings) expect(o.rules).toContain(rule);
  for (const rule of e.noFindings) expect(o.rules).not.toContain(rule);
}

describe.each(LAYOUT_FIXTURES)("$title", (f) => {
  test("the core, on the sheets as Excel gives them, gives the hand-worked open items to the cent", () => {
    const chosen = readWorkbookLedger(sheetsOf(f));
    expectMatches(f, outcomeOf(auditLedger(chosen.ledger, chosen.companions, asOfOf(f), DEFAULT_POLICY)));
  });

  test("the headless audit, on the file a user brings, gives the same", async () => {
    const dir = mkdtempSync(join(tmpdir(), "layout-"));
    const file = await writeLayoutFixture(f, dir);
    const out = join(dir, "result.json");
    const [y, m, d] = f.asOf;
    const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      expect(await main([file, "--as-of", iso, "--json", out], { LANG: "en_US.UTF-8" })).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expectMatches(f, outcomeOfJson(JSON.parse(readFileSync(out, "utf8"))));
  });
});

describe("special lines in 摘要 (issue 13.1)", () => {
  const ledger = [
    ["日期", "客户名称", "摘要", "借方", "贷方"],
    ["2011-03-01", "甲公司", "销售商品", 1000, null], // row 2
    ["2011-03-31", "甲公司", "本月合计", 1000, null], // row 3
    ["2011-03-31", "甲公司", "本年累计", 1000, null], // row 4
    ["2011-03-31", "甲公司", "过次页", 1000, null], // row 5
    ["2011-04-02", "甲公司", "承前页", 1000, null], // row 6
    ["2011-04-10", "甲公司", "本期合计", 1500, null], // row 7: a wrong figure: no span of lines gives 1,500
    ["2011-12-31", "甲公司", "结转下年", null, null], // row 8
  ];

  test("are not transactions: only the one sale is read", () => {
    const r = readLedger(ledger, { sheet: "明细" });
    expect(r.rows.map((x) => x.row)).toEqual([2]);
    expect(r.skipped.map((s) => [s.row, s.reason, s.text])).toEqual([
      [3, "subtotal", "本月合计"],
      [4, "subtotal", "本年累计"],
      [5, "carry-forward", "过次页"],
      [6, "carry-forward", "承前页"],
      [7, "subtotal", "本期合计"],
      [8, "closing", "结转下年"],
    ]);
  });

  test("and what they state is reconciled: a 本期合计 of 1,500 that no span of lines gives is a difference naming the cell", () => {
    const r = readLedger(ledger, { sheet: "明细" });
    expect(r.reconciliation.status).toBe("differences");
    expect(r.reconciliation.differences.map((d) => [d.row, d.column, d.stated, d.computed])).toEqual([[7, "D", "1500.00", "1000.00"]]);
    const result = auditLedger(r, {}, fromYmd(2011, 12, 31), DEFAULT_POLICY);
    const f = result.findings.find((x) => x.rule === "control-total-mismatch");
    expect(f?.cell).toBe("明细!D7");
    expect(f?.severity).toBe("error");
    expect(result.reading.reconciliation).toBe("differences");
  });

  test("a note that merely contains 累计 or 合计 stays a note of its row", () => {
    const r = readLedger(
      [
        ["日期", "客户名称", "摘要", "借方"],
        ["2011-03-01", "甲公司", "欠款逐年累计", 1000],
        ["2011-03-02", "乙公司", "合计两笔发票", 500],
      ],
      { sheet: "S" },
    );
    expect(r.rows.map((x) => x.row)).toEqual([2, 3]);
  });
});

test("U8's 当前合计 and 当前累计 (the totals of a month not yet closed) are totals, reconciled, not entries", () => {
  const r = readLedger(
    [
      ["日期", "客户名称", "摘要", "借方", "贷方", "方向", "余额"],
      ["2011-01-01", "华西建材", "上年结转", null, null, "借", 80000], // row 2
      ["2011-11-18", "华西建材", "收到货款", null, 10000, "借", 70000], // row 3
      ["2011-11-30", "华西建材", "本月合计", 0, 10000, "借", 70000], // row 4
      ["2011-12-05", "华西建材", "销售货物", 45000, null, "借", 115000], // row 5
      ["2011-12-31", "华西建材", "当前合计", 45000, 0, "借", 115000], // row 6
      ["2011-12-31", "华西建材", "当前累计", 45000, 10000, "借", 115000], // row 7
    ],
    { sheet: "明细" },
  );
  expect(r.skipped.map((s) => [s.row, s.reason, s.text])).toEqual([
    [4, "subtotal", "本月合计"],
    [6, "subtotal", "当前合计"],
    [7, "subtotal", "当前累计"],
  ]);
  expect(r.reconciliation.status).toBe("reconciled");
  // 80,000 − 10,000 + 45,000: read as entries, the two lines added 45,000 and 45,000 − 10,000 more.
  expect(auditLedger(r, {}, fromYmd(2011, 12, 31), DEFAULT_POLICY).totals.all.balance).toBe("115000.00");
});

describe("the as-of view (issue 13.2)", () => {
  test("a receipt after the as-of date does not count; before it, it does", () => {
    const values = [
      ["客户名称", "日期", "借方", "贷方"],
      ["甲公司", "2011-01-10", 100000, null],
      ["甲公司", "2011-09-15", null, 100000],
    ];
    const read = readLedger(values, { sheet: "S" });
    const before = auditLedger(read, {}, fromYmd(2011, 8, 31), DEFAULT_POLICY);
    expect(before.totals.all).toEqual({ count: 1, balance: "100000.00", provision: "5000.00" });
    expect(before.reading.leftOut).toMatchObject({ count: 1, credits: 1, items: 0 });
    const after = auditLedger(read, {}, fromYmd(2011, 9, 30), DEFAULT_POLICY);
    expect(after.totals.all.count).toBe(0);
    expect(after.reading.settled).toBe(1);
    // The same reading, checked twice at two dates: the lines as read are unchanged.
    expect(read.rows.map((x) => [x.amountFen, x.receivedFen])).toEqual([
      [10000000, NaN],
      [NaN, 10000000],
    ]);
  });
});

describe("月/日 under one merged year, several customers on one sheet (issue 13.1, 三栏式)", () => {
  // The year moves on only within one customer's lines: 甲's block ends in July, 乙's starts in
  // March of the same 2011 (a probe once read 乙's lines as 2012 and left them out as after the as-of date).
  const rows = [
    ["客户往来明细账", null, null, null, null, null, null],
    ["2011年", null, "客户", "凭证字号", "摘要", "借方", "贷方"],
    ["月", "日", null, null, null, null, null],
    [3, 10, "甲公司", "记-0012", "销售", 40000, null],
    [7, 5, "甲公司", "记-0003", "收款", null, 10000],
    [12, 20, "甲公司", "记-0090", "销售", 5000, null],
    [2, 3, "甲公司", "记-0001", "收款", null, 5000],
    [3, 12, "乙公司", "记-0012", "销售", 24000, null],
    [5, 20, "乙公司", "记-0030", "销售", 6000, null],
    [12, 28, "乙公司", "记-0101", "销售", 1000, null],
    [1, 15, "乙公司", "记-0002", "收款", null, 1000],
  ];
  const reading = readLedger(rows, { sheet: "明细" });
  const dates = reading.rows.map((r) => [r.customer, r.dateArisen === null ? null : formatIsoDate(r.dateArisen)]);

  it("each customer's block starts from the banner's year; within a block, a lower month is the next year", () => {
    expect(dates).toEqual([
      ["甲公司", "2011-03-10"],
      ["甲公司", "2011-07-05"],
      ["甲公司", "2011-12-20"],
      ["甲公司", "2012-02-03"],
      ["乙公司", "2011-03-12"],
      ["乙公司", "2011-05-20"],
      ["乙公司", "2011-12-28"],
      ["乙公司", "2012-01-15"],
    ]);
  });
});

describe("a 本月合计 sums its own month (issue 13.4), whether or not the months before had a total line", () => {
  // February has entries and no 本月合计; March's 本月合计 states March's 借方 0 and 贷方 30,000;
  // 本年累计 states the year's 借方 90,000 and 贷方 30,000. (A probe once had March's total read
  // against every line since the top, February's 90,000 included, and reported a false difference.)
  const rows = (marchCredit: number) => [
    ["日期", "客户名称", "摘要", "借方", "贷方"],
    ["2012-02-10", "甲公司", "销售", 90000, null], // row 2
    ["2012-03-05", "甲公司", "收款", null, 30000], // row 3
    ["2012-03-31", "甲公司", "本月合计", 0, marchCredit], // row 4
    ["2012-03-31", "甲公司", "本年累计", 90000, 30000], // row 5
  ];

  test("March's own lines agree: reconciled, every stated figure checked", () => {
    const r = readLedger(rows(30000), { sheet: "明细" });
    expect([r.reconciliation.status, r.reconciliation.checked, r.reconciliation.differences]).toEqual(["reconciled", 4, []]);
  });

  test("a wrong March figure is still a difference, naming its cell and March's own sum as the nearest", () => {
    const r = readLedger(rows(35000), { sheet: "明细" });
    expect(r.reconciliation.differences.map((d) => [d.row, d.column, d.stated, d.computed])).toEqual([[4, "E", "35000.00", "30000.00"]]);
    // Said as the accountant reads it: which rows, and whether the ledger says more or less.
    const a = auditLedger(r, {}, fromYmd(2012, 3, 31), DEFAULT_POLICY);
    expect(a.findings.filter((f) => f.rule === "control-total-mismatch").map((f) => f.message["zh-CN"])).toEqual([
      "明细!E4：台账写明“本月合计”为 35,000.00，读取到的第 2–3 行（2 行）合计为 30,000.00，台账所写多 5,000.00。",
    ]);
    const less = auditLedger(readLedger(rows(25000), { sheet: "明细" }), {}, fromYmd(2012, 3, 31), DEFAULT_POLICY);
    expect(less.findings.filter((f) => f.rule === "control-total-mismatch").map((f) => f.message["en-US"])).toEqual([
      '明细!E4: the ledger states 25,000.00 on its "本月合计" line, but what was read in rows 2–3 (2 rows) comes to 30,000.00; the ledger\'s figure is 5,000.00 less.',
    ]);
  });
});

test("a plain 合计 that disagrees is said against every line above it, not a customer's block that happens to come closer", () => {
  // A probe's 余额表: the 合计 states 79,000 (a filtered SUBTOTAL), the lines 151,000. The last
  // customer's one line, 9,000, is nearer 79,000, but a 合计 does not sum one block.
  const r = readLedger(
    [
      ["客户", "日期", "单号", "应收", "已收", "余额"],
      ["射洪水泥厂", "2011-02-01", "A01", 60000, 20000, 40000], // row 2
      ["射洪水泥厂", "2011-09-09", "A05", 30000, 0, 30000], // row 3
      ["蓬溪建材", "2011-05-05", "A02", 25000, 5000, 20000], // row 4
      ["蓬溪建材", "2011-12-12", "A09", 12000, 0, 12000], // row 5
      ["大英纺织", "2009-12-31", "A00", 44000, 4000, 40000], // row 6
      ["船山物流", "2011-11-01", "A07", 9000, 0, 9000], // row 7
      ["合计", null, null, 180000, 29000, 79000], // row 8: 180,000 and 29,000 agree; 79,000 does not
    ],
    { sheet: "应收账款" },
  );
  const a = auditLedger(r, {}, fromYmd(2011, 12, 31), DEFAULT_POLICY);
  expect(a.findings.filter((f) => f.rule === "control-total-mismatch").map((f) => f.message["zh-CN"])).toEqual([
    "应收账款!F8：台账写明“合计”为 79,000.00，读取到的第 2–7 行（6 行）合计为 151,000.00，台账所写少 72,000.00。",
  ]);
});

test("a 合计 at the top of the table states every line below it", () => {
  const rows = (stated: number) => [
    ["年", "月", "日", "客户名称", "发票号", "金额", "已收金额", "未收金额"],
    [null, null, null, "合计", null, 80000, 12000, stated], // row 2: above the lines
    [2024, 3, 15, "攀枝花", "FP801", 30000, 10000, 20000], // row 3
    [2024, 7, 20, "攀枝花", "FP802", 15000, null, 15000], // row 4
    [null, null, null, "小计", null, 45000, 10000, 35000], // row 5
    [2023, 6, 30, "雅安", "FP803", 22000, 2000, 20000], // row 6
    [2024, 8, 31, "雅安", "FP804", 13000, null, 13000], // row 7
    [null, null, null, "小计", null, 35000, 2000, 33000], // row 8
  ];
  const ok = readLedger(rows(68000), { sheet: "应收明细" });
  expect([ok.reconciliation.status, ok.reconciliation.checked, ok.reconciliation.differences]).toEqual(["reconciled", 9, []]);
  const a = auditLedger(readLedger(rows(60000), { sheet: "应收明细" }), {}, fromYmd(2024, 8, 31), DEFAULT_POLICY);
  expect(a.findings.filter((f) => f.rule === "control-total-mismatch").map((f) => f.message["zh-CN"])).toEqual([
    "应收明细!H2：台账写明“合计”为 60,000.00，读取到的第 3–7 行（4 行）合计为 68,000.00，台账所写少 8,000.00。",
  ]);
});

test("a 本月合计 of nothing above the first line (a month without movements) agrees", () => {
  const r = readLedger(
    [
      ["日期", "客户名称", "摘要", "借方", "贷方"],
      ["2011-01-31", "甲公司", "本月合计", 0, 0], // row 2: January, nothing moved
      ["2011-02-10", "甲公司", "销售", 1000, null], // row 3
      ["2011-02-20", "甲公司", "收款", null, 400], // row 4
      ["2011-02-28", "甲公司", "本月合计", 1000, 400], // row 5
    ],
    { sheet: "明细" },
  );
  expect([r.reconciliation.status, r.reconciliation.differences]).toEqual(["reconciled", []]);
});

describe("a grand 合计 under several customers' running balances (管家婆 应收明细表: 增加应收, 减少应收, 应收余额)", () => {
  // Each customer's 应收余额 runs on its own; the grand 合计 states the sum of their closing
  // balances, 20,000 + 12,000 = 32,000, not the last customer's running balance. (A probe had it
  // reported as "余额 32,000.00 不等于上一行余额 + 借方 − 贷方 = 12,000.00".)
  const rows = (grand: number) => [
    ["日期", "单据编号", "单位名称", "摘要", "增加应收", "减少应收", "应收余额"],
    ["2011-01-05", "XSD-001", "湘江电器", "销售", 18000, null, 18000], // row 2
    ["2011-02-10", "SKD-001", "湘江电器", "收款", null, 18000, 0], // row 3
    ["2011-05-20", "XSD-015", "湘江电器", "销售", 26000, null, 26000], // row 4
    ["2011-06-02", "XSTHD-01", "湘江电器", "退货", null, 6000, 20000], // row 5
    [null, null, "湘江电器", "小计", 44000, 24000, 20000], // row 6
    ["2011-03-31", "XSD-088", "动力机械", "销售", 21000, null, 21000], // row 7
    ["2011-07-03", "SKD-030", "动力机械", "收款", null, 9000, 12000], // row 8
    [null, null, "动力机械", "小计", 21000, 9000, 12000], // row 9
    ["合计", null, null, null, 65000, 33000, grand], // row 10
  ];

  test("reads 增加应收 and 减少应收 as 借方 and 贷方, and the grand total agrees", () => {
    const r = readLedger(rows(32000), { sheet: "应收明细" });
    expect([r.mapping.mapping.amount, r.mapping.mapping.received, r.mapping.mapping.balance]).toEqual([4, 5, 6]);
    expect([r.shape, r.reconciliation.status, r.reconciliation.differences]).toEqual(["transactions", "reconciled", []]);
    const a = auditLedger(r, {}, fromYmd(2011, 7, 31), DEFAULT_POLICY);
    // Open: 湘江 XSD-015 26,000 − 6,000 returned = 20,000; 动力 XSD-088 21,000 − 9,000 = 12,000.
    expect([a.totals.all.count, a.totals.all.balance]).toEqual([2, "32000.00"]);
  });

  test("a wrong grand total is still a difference", () => {
    const r = readLedger(rows(35000), { sheet: "应收明细" });
    expect(r.reconciliation.differences.map((d) => [d.row, d.column, d.stated])).toEqual([[10, "G", "35000.00"]]);
  });
});

describe("a page that starts with 承前页 (issue 13.1: the earlier pages are not in the workbook, or are on a sheet before)", () => {
  // Page 2 of 华亿's 三栏式 account: 承前页 brings 借 100,000, 贷 40,000 and a balance of 60,000
  // from page 1; April adds 借 12,000 and 贷 20,000. 本月合计 states April's own 12,000 / 20,000;
  // 本年累计 states the year's, 112,000 / 60,000; the balance after April is 52,000.
  const HEADER = ["日期", "凭证字号", "摘要", "借方", "贷方", "方向", "余额"];
  const page2 = [
    ["科目：112201 应收账款—华亿网络", null, null, null, null, null, null],
    HEADER,
    ["2011-04-01", null, "承前页", 100000, 40000, "借", 60000], // row 3
    ["2011-04-10", "记-0031", "销售", 12000, null, "借", 72000], // row 4
    ["2011-04-20", "记-0044", "收款", null, 20000, "借", 52000], // row 5
    ["2011-04-30", null, "本月合计", 12000, 20000, "借", 52000], // row 6
    ["2011-04-30", null, "本年累计", 112000, 60000, "借", 52000], // row 7
  ];
  const page1 = [
    ["科目：112201 应收账款—华亿网络", null, null, null, null, null, null],
    HEADER,
    ["2011-01-15", "记-0003", "销售", 100000, null, "借", 100000], // row 3
    ["2011-02-20", "记-0017", "收款", null, 40000, "借", 60000], // row 4
    ["2011-03-31", null, "过次页", 100000, 40000, "借", 60000], // row 5
  ];

  test("alone, the balance brought forward is an opening item, the totals agree, and its age is said to be a lower bound", () => {
    const r = readLedger(page2, { sheet: "第2页" });
    expect([r.reconciliation.status, r.reconciliation.differences]).toEqual(["reconciled", []]);
    expect(r.rows.map((x) => [x.row, x.isOpening, x.amount?.toFixed(2) ?? null, x.received?.toFixed(2) ?? null])).toEqual([
      [3, true, "60000.00", null],
      [4, false, "12000.00", null],
      [5, false, null, "20000.00"],
    ]);
    const a = auditLedger(r, {}, fromYmd(2011, 4, 30), DEFAULT_POLICY);
    // 60,000 + 12,000 − 20,000 (FIFO: the brought-forward balance is the oldest) = 52,000.
    expect([a.totals.all.count, a.totals.all.balance]).toEqual([2, "52000.00"]);
    expect(a.findings.filter((f) => f.rule === "opening-balance-dated").map((f) => f.message["zh-CN"])).toEqual([
      // 60,000 brought forward, 20,000 of it paid by the April receipt (FIFO): 40,000 still open.
      "第2页!A3：“华亿网络”承前页结转的余额（之前各页不在工作簿中）按期初 2011年4月1日 计算账龄，截止日仍有 40,000.00 未收；其中款项发生得更早，实际账龄不短于此，可能属于更早的账龄段。",
    ]);
  });

  test("with the pages' sheets in reverse order, it is still what the earlier page left (by date, not by sheet order)", () => {
    const chosen = readWorkbookLedger([
      { name: "第2页", values: page2 },
      { name: "第1页", values: page1 },
    ]);
    expect(chosen.ledger.layout.openingsCarried).toEqual([{ sheet: "第2页", row: 3 }]);
    const a = auditLedger(chosen.ledger, chosen.companions, fromYmd(2011, 4, 30), DEFAULT_POLICY);
    expect(a.totals.all.balance).toBe("52000.00");
  });

  test("in traditional characters (承前頁), and on a list with 借方 and 贷方 only: it brings 借方 − 贷方", () => {
    const r = readLedger(
      [
        ["科目：112201 應收賬款—華亿網絡", null, null, null],
        ["日期", "摘要", "借方", "貸方"],
        ["2011-04-01", "承前頁", 100000, 40000], // row 3: brings 60,000
        ["2011-04-10", "銷售", 12000, null], // row 4
        ["2011-04-30", "本年累計", 112000, 40000], // row 5
      ],
      { sheet: "第2頁" },
    );
    expect(r.rows.map((x) => [x.row, x.isOpening, x.amount?.toFixed(2) ?? null])).toEqual([
      [3, true, "60000.00"],
      [4, false, "12000.00"],
    ]);
    expect([r.reconciliation.status, r.reconciliation.differences]).toEqual(["reconciled", []]);
  });

  test("after the page before it on an earlier sheet, it is what that page left: not counted again", () => {
    const chosen = readWorkbookLedger([
      { name: "第1页", values: page1 },
      { name: "第2页", values: page2 },
    ]);
    expect(chosen.ledger.layout.openingsCarried).toEqual([{ sheet: "第2页", row: 3 }]);
    expect([chosen.ledger.reconciliation.status, chosen.ledger.reconciliation.differences]).toEqual(["reconciled", []]);
    const a = auditLedger(chosen.ledger, chosen.companions, fromYmd(2011, 4, 30), DEFAULT_POLICY);
    // 100,000 − 40,000 − 20,000 on the January invoice = 40,000, and April's 12,000: 52,000.
    expect([a.totals.all.count, a.totals.all.balance]).toEqual([2, "52000.00"]);
  });
});

test("after a slip, a second wrong balance is still said", () => {
  const r = readLedger(
    [
      ["日期", "客户名称", "摘要", "借方", "贷方", "方向", "余额"],
      ["2011-01-10", "华亿", "销售", 1000, null, "借", 1000], // row 2
      ["2011-02-10", "华亿", "销售", 500, null, "借", 1500], // row 3
      ["2011-03-10", "华亿", "销售", 500, null, "借", 1900], // row 4: a slip, 2,000 is right
      ["2011-04-10", "华亿", "销售", 200, null, "借", 2200], // row 5: right (2,000 + 200)
      ["2011-05-10", "华亿", "销售", 100, null, "借", 2400], // row 6: wrong, 2,300 is right
    ],
    { sheet: "明细" },
  );
  expect(r.reconciliation.differences.map((d) => [d.row, d.stated, d.computed])).toEqual([
    [4, "1900.00", "2000.00"],
    [6, "2400.00", "2300.00"],
  ]);
});

test("a credit balance stated larger than what was read is said as more (贷 6,000 against 贷 5,000)", () => {
  const r = readLedger(
    [
      ["日期", "客户名称", "摘要", "借方", "贷方", "方向", "余额"],
      ["2011-01-10", "华亿", "预收", null, 5000, "贷", 5000], // row 2
      ["2011-01-31", "华亿", "本月合计", null, 5000, "贷", 6000], // row 3: the ledger says 贷 6,000
    ],
    { sheet: "明细" },
  );
  const a = auditLedger(r, {}, fromYmd(2011, 1, 31), DEFAULT_POLICY);
  const said = a.findings.filter((f) => f.rule === "control-total-mismatch").map((f) => f.message["zh-CN"]);
  expect(said.some((m) => m.includes("台账所写多 1,000.00"))).toBe(true);
  expect(said.some((m) => m.includes("少"))).toBe(false);
});

test("one slip in a running 余额 is said once, at the slip, not again on the next line that agrees with the lines", () => {
  const r = readLedger(
    [
      ["日期", "客户名称", "摘要", "借方", "贷方", "方向", "余额"],
      ["2011-01-10", "华亿", "销售", 35000, null, "借", 35000], // row 2
      ["2011-02-10", "华亿", "销售", 18000, null, "借", 35000], // row 3: a slip, 53,000 is right
      ["2011-03-10", "华亿", "收款", null, 53000, "平", 0], // row 4: agrees with 35,000 + 18,000 − 53,000
    ],
    { sheet: "明细" },
  );
  expect(r.reconciliation.differences.map((d) => [d.row, d.stated, d.computed])).toEqual([[3, "35000.00", "53000.00"]]);
});

test("a total over one line names that row alone", () => {
  const r = readLedger(
    [
      ["日期", "客户名称", "摘要", "借方", "贷方"],
      ["2024-02-28", "甲公司", "销售开票", 100, null], // row 2
      [null, "合计", null, 150, null], // row 3
    ],
    { sheet: "表" },
  );
  const a = auditLedger(r, {}, fromYmd(2024, 3, 31), DEFAULT_POLICY);
  expect(a.findings.filter((f) => f.rule === "control-total-mismatch").map((f) => [f.message["zh-CN"], f.message["en-US"]])).toEqual([
    ["表!D3：台账写明“合计”为 150.00，读取到的第 2 行合计为 100.00，台账所写多 50.00。", '表!D3: the ledger states 150.00 on its "合计" line, but what was read in row 2 comes to 100.00; the ledger\'s figure is 50.00 more.'],
  ]);
});

test("a list's 合计 = SUM() over a 借方 column where the 期初余额 was typed in 借方 agrees (the books' 本年累计 leaves it out; both are tried)", () => {
  const r = readLedger(
    [
      ["日期", "客户名称", "摘要", "借方", "贷方"],
      ["2024-01-01", "丁公司", "期初余额", 3000, null], // row 2
      ["2024-02-28", "甲公司", "销售开票", 10000, null], // row 3
      ["2024-03-05", "甲公司", "收款", null, 4000], // row 4
      [null, "合计", null, 13000, 4000], // row 5: 3,000 + 10,000
    ],
    { sheet: "应收账款" },
  );
  expect([r.reconciliation.status, r.reconciliation.differences]).toEqual(["reconciled", []]);
  const wrong = readLedger(
    [
      ["日期", "客户名称", "摘要", "借方", "贷方"],
      ["2024-01-01", "丁公司", "期初余额", 3000, null],
      ["2024-02-28", "甲公司", "销售开票", 10000, null],
      [null, "合计", null, 13100, null], // row 4: neither 13,000 nor 10,000
    ],
    { sheet: "应收账款" },
  );
  expect(wrong.reconciliation.differences.map((d) => [d.row, d.column, d.stated])).toEqual([[4, "D", "13100.00"]]);
});

test.each([
  ["客户：南充市政工程公司", "南充市政工程公司"],
  ["应收账款明细账　　客户：南充市政工程公司　　单位：元", "南充市政工程公司"],
  ["2011年  科目：112201 应收账款—遂宁城投  期间：2011年", "遂宁城投"],
  ["科目：1122 应收账款　　客户：南充市政工程公司", "南充市政工程公司"],
])("takes the customer from the title line %s", (title, customer) => {
  const r = readLedger(
    [
      [title, null, null, null],
      ["日期", "摘要", "借方", "贷方"],
      ["2011-03-10", "销售", 1000, null],
    ],
    { sheet: "Sheet1" },
  );
  expect([r.layout.customerFrom, r.rows.map((x) => x.customer)]).toEqual(["title", [customer]]);
});

test.each([
  ["明细科目：雅安雨城茶业有限公司", "雅安雨城茶业有限公司"],
  ["二级科目：[0103]泸州老窖配套包装有限公司", "泸州老窖配套包装有限公司"],
  ["明细科目：112201 应收账款—遂宁城投", "遂宁城投"],
])("takes the customer from a 三栏式 book's detail account %s, beside 总账科目：应收账款", (detail, customer) => {
  const r = readLedger(
    [
      ["总账科目：应收账款", null, detail, null],
      ["日期", "摘要", "借方", "贷方"],
      ["2011-03-10", "销售", 1000, null],
    ],
    { sheet: "Sheet1" },
  );
  expect([r.layout.customerFrom, r.rows.map((x) => x.customer)]).toEqual(["title", [customer]]);
});

test.each([["总账科目：应付账款"], ["总账科目：其他应收款"], [null]])("a detail account under %s (or under no general account) names no customer: another account's book is no receivables ledger", (general) => {
  const read = () =>
    readLedger(
      [
        [general, null, "明细科目：成都钢材供应有限公司", null],
        ["日期", "摘要", "借方", "贷方"],
        ["2011-03-10", "采购", null, 80000],
      ],
      { sheet: "Sheet1" },
    );
  expect(thrown(read).id).toBe("ledger.missing-columns");
});

test("a 明细科目 under a title naming the book (2011年度应收账款明细账) names the customer", () => {
  const r = readLedger(
    [
      ["2011年度应收账款明细账", null, null, null],
      ["明细科目：雅安雨城茶业有限公司", null, null, null],
      ["日期", "摘要", "借方", "贷方"],
      ["2011-03-10", "销售", 1000, null],
    ],
    { sheet: "Sheet1" },
  );
  expect(r.rows.map((x) => x.customer)).toEqual(["雅安雨城茶业有限公司"]);
});

test.each([["明细科目：112201"], ["明细科目：应收账款"]])("a detail account of a code or the account's own name (%s) names no customer: the missing column is said", (detail) => {
  const read = () =>
    readLedger(
      [
        [detail, null, null, null],
        ["日期", "摘要", "借方", "贷方"],
        ["2011-03-10", "销售", 1000, null],
      ],
      { sheet: "Sheet1" },
    );
  expect(thrown(read).id).toBe("ledger.missing-columns");
});

describe("a 三栏式 book whose 凭证 is merged over 字 | 号 in a second header row (issue 13.1)", () => {
  // 年/月/日, 摘要, 借方, 贷方, 借或贷 and 余额 merged down over both header rows; 凭证 merged across
  // 字 and 号 only. The 字/号 row names no field, yet it is header: a probe once took the header
  // one row high, read 字 | 号 as a line with its values missing (4 errors), and the 承前页 balance as 0.
  // By hand, as of 2011-08-31: 承前页 brings 60,000 (2009-12-31); +48,000 (2010-03-18); the
  // 60,000 received 2010-06-30 clears the opening; +75,000 (2010-11-05); 上年结转 123,000 is
  // what 2010 left, not counted again; 50,000 received 2011-04-12 clears 48,000 and 2,000 of
  // the 75,000; +36,000 (2011-07-22); 20,000 received 2011-08-31 leaves 53,000 of 2010-11-05;
  // the 2011-09-03 sale is after the date. Open: 53,000 + 36,000 = 89,000, within one year:
  // provision 5% = 2,650.00 + 1,800.00 = 4,450.00.
  const rows = [
    ["应收账款明细账", null, null, null, null, null, null, null, null, null],
    ["总账科目：应收账款", null, null, null, null, "明细科目：雅安雨城茶业有限公司", null, null, null, null],
    ["年", "月", "日", "凭证", null, "摘要", "借方", "贷方", "借或贷", "余额"],
    [null, null, null, "字", "号", null, null, null, null, null],
    [2009, 12, 31, null, null, "承前页", 350000, 290000, "借", 60000],
    [2010, 3, 18, "转", 15, "销售茶叶包装", 48000, null, "借", 108000],
    [null, 6, 30, "银", 42, "收到货款", null, 60000, "借", 48000],
    [null, 11, 5, "转", 8, "销售茶叶包装", 75000, null, "借", 123000],
    [null, 12, 31, null, null, "本年累计", 123000, 60000, "借", 123000],
    [null, 12, 31, null, null, "结转下年", null, null, "借", 123000],
    [2011, 1, 1, null, null, "上年结转", null, null, "借", 123000],
    [null, 4, 12, "银", 9, "收到货款", null, 50000, "借", 73000],
    [null, 7, 22, "转", 31, "销售茶叶包装", 36000, null, "借", 109000],
    [null, 8, 31, "银", 55, "收到货款", null, 20000, "借", 89000],
    [null, 9, 3, "转", 2, "销售茶叶包装", 10000, null, "借", 99000],
  ];
  const chosen = readWorkbookLedger([{ name: "明细账", values: rows }]);
  const o = outcomeOf(auditLedger(chosen.ledger, chosen.companions, fromYmd(2011, 8, 31), DEFAULT_POLICY));

  test("the header is both rows: no line is made of 字 | 号, and the book's own figures agree", () => {
    expect(chosen.ledger.header.rows).toEqual([3, 4]);
    expect(chosen.ledger.layout.openingsCarried).toEqual([{ sheet: "明细账", row: 11 }]);
    expect(o.rules).toEqual([]);
    expect(o.reconciliation).toBe("reconciled");
  });

  test("the voucher is its 字 and 号 together (转-15), so a red reversal naming it (冲销7月22日转-31号凭证) undoes that entry, not the oldest", () => {
    // By hand, as of 2011-08-31: 48,000 (2010-03-18, 1–2 years: 10%) and 36,000 (2011-07-22);
    // the reversal names 转-31 of 7月22日: the 2011 entry goes, 48,000 stays: 4,800.00. FIFO
    // would have cut the 2010 entry to 12,000: 1,200.00 + 1,800.00 = 3,000.00.
    const book = readWorkbookLedger([
      {
        name: "明细账",
        values: [
          ...rows.slice(0, 4),
          [2010, 3, 18, "转", 15, "销售茶叶包装", 48000, null, "借", 48000],
          [2011, 7, 22, "转", 31, "销售茶叶包装", 36000, null, "借", 84000],
          [null, 8, 10, "转", 40, "冲销7月22日转-31号凭证", -36000, null, "借", 48000],
        ],
      },
    ]);
    expect(book.ledger.rows.map((r) => r.voucher)).toEqual(["转-15", "转-31", "转-40"]);
    const named = outcomeOf(auditLedger(book.ledger, book.companions, fromYmd(2011, 8, 31), DEFAULT_POLICY));
    expect(named.items.map((i) => [i.row, i.balance, i.provision])).toEqual([[5, "48000.00", "4800.00"]]);
  });

  test("its open items are the hand-worked ones", () => {
    expect(o.items.map((i) => [i.row, i.customer, i.balance, i.provision])).toEqual([
      [8, "雅安雨城茶业有限公司", "53000.00", "2650.00"],
      [13, "雅安雨城茶业有限公司", "36000.00", "1800.00"],
    ]);
    expect(o.total).toEqual({ count: 2, balance: "89000.00", provision: "4450.00" });
  });
});

describe("customers named on lines of their own between the blocks (金蝶 应收款明细表 grouped by customer; issue 13.1)", () => {
  // No customer column: each block opens with 客户：… (merged across the row), its entries, and
  // its 小计. By hand, as of 2011-08-31: 成都锦城 opens 42,000 (undated: 2011-01-01), sells
  // 56,160 (02-15), receives 42,000 (04-20: the opening), sells 23,400 (07-05); its 09-12 receipt
  // is after the date. 绵阳科达 opens 15,000, sells 31,590 (03-01), receives 15,000 and 10,000:
  // 21,590 open; its 09-20 sale is after the date. 德阳东汽 opens 5,000 and receives 8,000: an
  // advance of 3,000. Open: 56,160 + 23,400 + 21,590 = 101,150.00, all within one year: 5%,
  // 5,057.50.
  const rows = [
    ["应收款明细表", null, null, null, null, null, null],
    ["期间：2011-01-01 至 2011-09-30", null, null, null, "币种：人民币  单位：元", null, null],
    ["日期", "单据类型", "单据编号", "摘要", "本期应收", "本期收回", "余额"],
    ["客户：[01.002]成都锦城建材有限公司", null, null, null, null, null, null], // row 4
    [null, null, null, "期初余额", null, null, 42000],
    ["2011-02-15", "销售发票", "XS-0211", "销售钢材", 56160, null, 98160], // row 6
    ["2011-04-20", "收款单", "SK-0420", "收货款", null, 42000, 56160],
    ["2011-07-05", "销售发票", "XS-0705", "销售钢材", 23400, null, 79560], // row 8
    ["2011-09-12", "收款单", "SK-0912", "收货款", null, 30000, 49560],
    [null, null, null, "小计", 79560, 72000, 49560],
    ["客户：绵阳科达电子有限公司", null, null, null, null, null, null], // row 11
    [null, null, null, "期初余额", null, null, 15000],
    ["2011-03-01", "销售发票", "XS-0301", "销售元器件", 31590, null, 46590], // row 13
    ["2011-05-10", "收款单", "SK-0510", "收货款", null, 15000, 31590],
    ["2011-06-18", "收款单", "SK-0618", "收货款", null, 10000, 21590],
    ["2011-09-20", "销售发票", "XS-0920", "销售元器件", 8000, null, 29590],
    [null, null, null, "小计", 39590, 25000, 29590],
    ["客户：德阳东汽配套有限公司", null, null, null, null, null, null], // row 18
    [null, null, null, "期初余额", null, null, 5000],
    ["2011-08-10", "收款单", "SK-0810", "收货款", null, 8000, -3000],
    [null, null, null, "小计", 0, 8000, -3000],
    [null, null, null, "合计", 119150, 105000, 76150],
    ["制表：刘洋", null, "审核：张敏", null, null, null, null],
  ];
  const chosen = readWorkbookLedger([{ name: "应收款明细表", values: rows }]);
  const a = auditLedger(chosen.ledger, chosen.companions, fromYmd(2011, 8, 31), DEFAULT_POLICY);

  test("each line is the customer of the line above its block, the code before the name left off", () => {
    expect(chosen.ledger.layout.customerFrom).toBe("lines");
    expect(new Set(chosen.ledger.rows.map((r) => `${r.customer}`))).toEqual(new Set(["成都锦城建材有限公司", "绵阳科达电子有限公司", "德阳东汽配套有限公司"]));
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(a.reading.reconciliation).toBe("reconciled");
  });

  test("its open items and the advance are the hand-worked ones", () => {
    const o = outcomeOf(a);
    expect(o.items.map((i) => [i.row, i.customer, i.balance])).toEqual([
      [6, "成都锦城建材有限公司", "56160.00"],
      [8, "成都锦城建材有限公司", "23400.00"],
      [13, "绵阳科达电子有限公司", "21590.00"],
    ]);
    expect(o.total).toEqual({ count: 3, balance: "101150.00", provision: "5057.50" });
    expect(o.advances).toEqual({ count: 1, total: "3000.00" });
  });

  test("a customer's number before a space is its name, not a code: 1 号店 and 2 号店 are two customers", () => {
    const two = readLedger([rows[2], ["客户：1 号店", null, null, null, null, null, null], ["2011-01-05", "销售发票", "A1", "销售", 100, null, 100], ["客户：2 号店", null, null, null, null, null, null], ["2011-02-05", "销售发票", "B1", "销售", 200, null, 200]], { sheet: "表" });
    expect(two.rows.map((x) => x.customer)).toEqual(["1 号店", "2 号店"]);
  });

  test("under a title's customer, a 客户：line in the data (a note, a repeated page title) names no other customer", () => {
    const titled = readLedger(
      [
        ["科目：112201 应收账款—遂宁城投", null, null, null],
        ["日期", "摘要", "借方", "贷方"],
        ["2011-03-10", "销售", 40000, null],
        ["客户：见附表（代付方）", null, null, null],
        ["2011-05-10", "收到货款", null, 10000],
      ],
      { sheet: "遂宁" },
    );
    expect(titled.layout.customerFrom).toBe("title");
    expect(titled.rows.map((x) => x.customer)).toEqual(["遂宁城投", "遂宁城投"]);
  });

  test("a line above the first group line has no customer, and is said", () => {
    const early = readLedger([rows[2], ["2011-01-05", "销售发票", "XS-0105", "销售", 100, null, 100], ...rows.slice(3, 10)], { sheet: "表" });
    expect(early.rows[0].customer).toBeNull();
    const said = auditLedger(early, {}, fromYmd(2011, 8, 31), DEFAULT_POLICY).findings.filter((f) => f.rule === "missing-field");
    expect(said.map((f) => [f.row, f.column])).toEqual([[2, "A"]]);
  });
});

describe("an invoice register with a line per later payment (发票登记表: 回款日期, 回款金额, 未回款金额; issue 13.1)", () => {
  // The invoice's first payment on its own line, each later one on a line of its own naming the
  // invoice, its 开票日期 and 价税合计 blank, and 未回款金额 running per invoice.
  const values = [
    ["2011年度销售发票登记表"],
    ["序号", "开票日期", "发票号码", "客户名称", "价税合计", "回款日期", "回款金额", "未回款金额", "备注"],
    [1, "2010-06-18", "00008876", "绵阳九洲物流有限公司", 58500, "2010-09-30", 20000, 38500, ""], // row 3
    [2, null, "00008876", "绵阳九洲物流有限公司", null, "2011-01-15", 8500, 30000, "第二次回款"], // row 4
    [3, "2011-03-05", "00012301", "成都华西建材有限公司", 117000, "2011-04-10", 50000, 67000, ""], // row 5
    [4, null, "00012301", "成都华西建材有限公司", null, "2011-06-20", 30000, 37000, ""], // row 6
    [5, null, "00012301", "成都华西建材有限公司", null, "2011-09-15", 20000, 17000, ""], // row 7
    [6, "2009-05-10", "00005120", "德阳东方电气配套厂", 45678.9, "2009-08-01", 45678.9, 0, "已结清"], // row 8
    [7, "2011-07-22", "00013555", "成都华西建材有限公司", 234000, null, null, 234000, ""], // row 9
  ];
  const r = readLedger(values, { sheet: "发票登记表" });
  const openOn = (y: number, m: number, d: number) => {
    const a = auditLedger(r, {}, fromYmd(y, m, d), DEFAULT_POLICY);
    return { open: Array.from({ length: a.rows.length }, (_, i) => a.rows.get(i)).map((x) => `${x.row} ${x.balance}`), total: a.totals.all.balance, findings: a.findings.map((f) => f.rule) };
  };

  it("reads the payment lines as receipts of the invoice they name, not as items counted again", () => {
    expect(r.shape).toBe("transactions");
    // 00008876: 58,500 − 20,000 − 8,500 = 30,000; 00012301: 117,000 − 50,000 − 30,000 − 20,000 =
    // 17,000; 00005120 settled; 00013555: 234,000. Read as items, every line's 未回款金额 was
    // counted: 38,500 + 30,000 + 67,000 + 37,000 + 17,000 + 234,000 = 423,500, with a
    // duplicate-document error on each payment line.
    expect(openOn(2011, 12, 31)).toEqual({ open: ["3 30000.00", "5 17000.00", "9 234000.00"], total: "281000.00", findings: [] });
  });

  it("dates a payment line by its 回款日期, and an invoice line's own payment too", () => {
    // 2011-06-30: the 2011-09-15 payment and 00013555 are later. 00012301: 117,000 − 50,000 − 30,000 = 37,000.
    expect(openOn(2011, 6, 30)).toEqual({ open: ["3 30000.00", "5 37000.00"], total: "67000.00", findings: [] });
    // 2011-03-31: 00012301's own 50,000 came on 2011-04-10, after it: all 117,000 open, and said.
    expect(openOn(2011, 3, 31)).toEqual({ open: ["3 30000.00", "5 117000.00"], total: "147000.00", findings: ["as-of-inexact"] });
  });
});

describe("an ERP bill list's voided and unapproved documents (云星空 应收单列表: 单据状态, 作废状态)", () => {
  const r = readLedger(
    [
      ["单据编号", "单据状态", "作废状态", "业务日期", "往来单位", "价税合计", "已结算金额", "未结算金额"],
      ["AR2011-0101", "已审核", "否", "2011-04-01", "眉山通威饲料有限公司", 80000, 30000, 50000], // row 2
      ["AR2011-0102", "已审核", "是", "2011-05-03", "眉山通威饲料有限公司", 45000, 0, 45000], // row 3: voided
      ["AR2011-0160", "暂存", "否", "2011-12-28", "眉山通威饲料有限公司", 25000, 0, 25000], // row 4: a draft
      ["AR2011-0133", "已审核", "否", "2011-10-09", "遂宁舍得酒业股份有限公司", 66000, 0, 66000], // row 5
      ["AR2011-0170", "已作废", "", "2011-11-09", "遂宁舍得酒业股份有限公司", 9000, 0, 9000], // row 6: voided by its status
    ],
    { sheet: "应收单列表" },
  );

  it("leaves them out of the open items, and says which and why", () => {
    expect(r.rows.map((x) => x.row)).toEqual([2, 5]);
    expect(r.skipped.map((s) => `${s.row} ${s.reason} ${s.text}`)).toEqual(["3 voided 是", "4 draft 暂存", "6 voided 已作废"]);
    const a = auditLedger(r, {}, fromYmd(2011, 12, 31), DEFAULT_POLICY);
    // 50,000 + 66,000; the voided 45,000 and 9,000 and the draft 25,000 are no receivable on the books.
    expect(a.totals.all.balance).toBe("116000.00");
    expect(a.findings.filter((f) => f.rule === "voided-or-draft").map((f) => `${f.cell} ${f.message["en-US"].includes("1 line(s)") ? 1 : 2}`)).toEqual(["应收单列表!C3 2", "应收单列表!B4 1"]);
  });

  it("takes a 合计 that still counts them as agreeing (the list's own total is over every document), and one that does not as not", () => {
    const header = ["单据编号", "单据状态", "作废状态", "业务日期", "往来单位", "价税合计", "已结算金额", "未结算金额"];
    const lines = [
      ["AR1", "已审核", "否", "2011-04-01", "甲公司", 80000, 30000, 50000], // row 2
      ["AR2", "暂存", "否", "2011-12-28", "甲公司", 25000, 0, 25000], // row 3: a draft
      ["AR3", "已审核", "否", "2011-10-09", "乙公司", 66000, 0, 66000], // row 4
    ];
    // Over every document: 171,000 | 30,000 | 141,000 (the draft's 25,000 in it); over those read: 146,000 | 30,000 | 116,000.
    const withDraft = readLedger([header, ...lines, ["合计", null, null, null, null, 171000, 30000, 141000]], { sheet: "S" });
    expect([withDraft.reconciliation.status, withDraft.reconciliation.differences]).toEqual(["reconciled", []]);
    const readOnly = readLedger([header, ...lines, ["合计", null, null, null, null, 146000, 30000, 116000]], { sheet: "S" });
    expect(readOnly.reconciliation.status).toBe("reconciled");
    const neither = readLedger([header, ...lines, ["合计", null, null, null, null, 171000, 30000, 140000]], { sheet: "S" });
    expect(neither.reconciliation.differences.map((d) => [d.column, d.stated, d.computed])).toEqual([["H", "140000.00", "116000.00"]]);
  });

  it("reads a list without such columns, and a 状态 of collection (催收中), as before", () => {
    const plain = readLedger([["单据编号", "状态", "业务日期", "往来单位", "价税合计"], ["AR1", "催收中", "2011-04-01", "甲", 80000], ["AR2", "是", "2011-04-02", "甲", 1000]], { sheet: "S" });
    expect(plain.rows.map((x) => x.row)).toEqual([2, 3]);
  });
});

describe("a hand-kept 台賬 in traditional characters (a Hong Kong or Taiwan office, or a traditional input method)", () => {
  // Headers, the unit line, the subtotals and the footer read as their simplified words; the
  // customers' names stay as written (遂寧 is not 遂宁: two companies' spellings).
  const rows = [
    ["應收賬款台賬", null, null, null, null],
    ["單位：萬元", null, null, null, null],
    ["客戶名稱", "單據號", "發生日期", "應收金額", "餘額"],
    ["遂寧城投", "A1", "2011-03-10", 10, 10], // row 4: 100,000 yuan
    ["遂寧城投", "A2", "2011-06-10", 5.5, 5.5], // row 5: 55,000 yuan
    ["遂寧城投小計", null, null, 15.5, 15.5], // row 6
    ["華亿網絡", "B1", "2011-07-01", 2, 2], // row 7: 20,000 yuan
    ["合計", null, null, 17.5, 17.5], // row 8
    ["製表人：王芳", null, null, null, null], // row 9
    ["舊客戶", "C1", "2011-01-01", 1, 1], // row 10: after the footer, not read
  ];

  test("reads the columns, the unit, the subtotals and the footer; the totals agree", () => {
    const r = readLedger(rows, { sheet: "台賬" });
    expect([r.mapping.mapping.customer, r.mapping.mapping.document, r.mapping.mapping.dateArisen, r.mapping.mapping.amount, r.mapping.mapping.balance]).toEqual([0, 1, 2, 3, 4]);
    expect(r.units.scale).toBe(10000);
    expect(r.rows.map((x) => [x.row, x.customer, x.balance?.toFixed(2)])).toEqual([
      [4, "遂寧城投", "100000.00"],
      [5, "遂寧城投", "55000.00"],
      [7, "華亿網絡", "20000.00"],
    ]);
    expect(r.skipped.map((k) => [k.row, k.reason])).toEqual([
      [6, "subtotal"],
      [8, "subtotal"],
      [9, "footer"],
      [10, "footer"],
    ]);
    expect([r.reconciliation.status, r.reconciliation.differences]).toEqual(["reconciled", []]);
  });

  test("takes a one-customer sheet's customer from a traditional title line, as written", () => {
    const r = readLedger(
      [
        ["科目：112201 應收賬款—遂寧市城市建設投資有限公司", null, null, null],
        ["日期", "摘要", "借方", "貸方"],
        ["2011-03-10", "銷售", 1000, null],
      ],
      { sheet: "Sheet1" },
    );
    expect(r.rows.map((x) => x.customer)).toEqual(["遂寧市城市建設投資有限公司"]);
  });
});

test("a hand-kept 台账's 余额 written \"-\" (zero, as Excel's accounting format shows it) is a settled row, not an open item without a balance", () => {
  const r = readLedger(
    [
      ["客户名称", "单据号", "发生日期", "金额", "已收金额", "余额"],
      ["甲公司", "A1", "2014-01-10", 5000, 5000, "-"], // settled
      ["甲公司", "A2", "2014-06-10", 8000, "-", 8000],
    ],
    { sheet: "台账" },
  );
  const a = auditLedger(r, {}, fromYmd(2014, 12, 31), DEFAULT_POLICY);
  expect(a.findings.filter((f) => f.rule === "bad-amount")).toEqual([]);
  expect([a.totals.all.count, a.totals.all.balance]).toEqual([1, "8000.00"]);
});

test("an advance in an open-items list (金额 0, 已收 5,000, 余额 −5,000: its own balance) keeps the list open items, not transactions", () => {
  const r = readLedger(
    [
      ["客户名称", "单据号", "发生日期", "金额", "已收金额", "余额", "状态"],
      ["甲公司", "A1", "2011-06-30", 100000, 0, 100000, null],
      ["乙公司", "E2", "2011-08-20", 0, 5000, -5000, "预收"],
    ],
    { sheet: "台账" },
  );
  expect(r.shape).toBe("open-items");
  // Without a balance of its own, the same line is a receipt: the list is read as transactions.
  expect(readLedger([["客户名称", "单据号", "发生日期", "金额", "已收金额"], ["甲公司", "A1", "2011-06-30", 100000, 0], ["甲公司", "R1", "2011-08-20", 0, 5000]], { sheet: "台账" }).shape).toBe("transactions");
});

test("an undated 期初余额 is aged from the start of its fiscal year (1 January), not from the first entry's date", () => {
  // Opening 120,000; receipts 2011-02-18 60,000 and 2011-06-30 35,000 (FIFO to the opening): 25,000
  // open from 2011-01-01, due 2011-01-31 (30 days); as of 2012-02-10: 375 days past due (bad),
  // band 1–2 years (arisen 2011-01-01, more than a year before) at 10% = 2,500.00.
  const r = readLedger(
    [
      ["日期", "客户名称", "摘要", "借方", "贷方"],
      [null, "甲公司", "期初余额", 120000, null],
      ["2011-02-18", "甲公司", "收款", null, 60000],
      ["2011-06-30", "甲公司", "收款", null, 35000],
    ],
    { sheet: "明细" },
  );
  const a = auditLedger(r, {}, fromYmd(2012, 2, 10), DEFAULT_POLICY);
  expect(a.rows.get(0)).toMatchObject({ balance: "25000.00", agingClass: "bad", provision: "2500.00" });
  expect(a.findings.find((f) => f.rule === "opening-balance-dated")?.message["zh-CN"]).toContain("2011年1月1日");
});

test("a control total differs only by 0.01 or more: an amount finer than the fen does not make a 0.00 difference", () => {
  const rows = (stated: number) => [
    ["客户名称", "单据号", "发生日期", "余额"],
    ["甲公司", "A1", "2011-06-30", 15000.005],
    ["甲公司", "A2", "2011-07-30", 5000],
    ["合计", null, null, stated],
  ];
  expect(readLedger(rows(20000.01), { sheet: "台账" }).reconciliation.differences).toEqual([]);
  expect(readLedger(rows(20000), { sheet: "台账" }).reconciliation.differences).toEqual([]);
  expect(readLedger(rows(20000.02), { sheet: "台账" }).reconciliation.differences.map((d) => [d.stated, d.computed])).toEqual([["20000.02", "20000.01"]]);
});

test("a written-off debt received (收回已核销坏账款) pays the debt reinstated the same day (坏账收回 on 借方), not the customer's oldest invoice", () => {
  // By hand, as of 2011-08-31: the 2009-06-30 sale of 20,000 is 2–3 years old (30%): 6,000.00.
  // The 8,000 reinstated on 2011-04-01 and received that day net to nothing. FIFO would have
  // cut the 2009 sale to 12,000 and left the reinstatement open: 3,600.00 + 400.00 = 4,000.00.
  const r = readLedger(
    [
      ["客户：宜宾天原化工有限公司", null, null, null, null, null],
      ["日期", "凭证字号", "摘要", "借方", "贷方", "余额"],
      ["2009-06-30", "记-30", "销售化工原料", 20000, null, 20000],
      ["2011-04-01", "记-03", "坏账收回", 8000, null, 28000],
      ["2011-04-01", "记-04", "收回已核销坏账款", null, 8000, 20000],
    ],
    { sheet: "往来对账" },
  );
  const o = outcomeOf(auditLedger(r, {}, fromYmd(2011, 8, 31), DEFAULT_POLICY));
  expect(o.items.map((i) => [i.row, i.balance, i.provision])).toEqual([[3, "20000.00", "6000.00"]]);
});

test("a number that is no plausible date (2011035, 20110305 short of a digit; 201106, a period) is a bad date, not a line of the year 7406 left out as after the as-of date", () => {
  // By hand: 甲's 10,000 of 2011-03-05 is open; 乙's 20,000 has no date: kept, and said, not dropped.
  const r = readLedger(
    [
      ["客户名称", "单据号", "日期", "金额"],
      ["甲", "S1", 40607, 10000], // row 2: 2011-03-05
      ["乙", "S2", 2011035, 20000], // row 3: serial 2011035 is 7406-…
      ["丙", "S3", 201106, 5000], // row 4: serial 201106 is 2450-…
    ],
    { sheet: "台账" },
  );
  expect(r.issues.filter((i) => i.issue === "bad-date").map((i) => [i.row, i.column])).toEqual([
    [3, "C"],
    [4, "C"],
  ]);
  const a = auditLedger(r, {}, fromYmd(2011, 8, 31), DEFAULT_POLICY);
  expect(a.reading.leftOut.count).toBe(0);
  expect(a.totals.all.balance).toBe("35000.00");
});

test.each([
  ["单位：百万元", "1800000.00"],
  ["金额单位：人民币百万元", "1800000.00"],
  ["单位：万元", "18000.00"],
])("a unit line %s scales the amounts", (unit, balance) => {
  const r = readLedger(
    [
      ["应收账款台账", null, unit],
      ["客户名称", "日期", "余额"],
      ["甲", "2011-03-05", 1.8],
    ],
    { sheet: "台账" },
  );
  expect(r.rows.map((x) => x.balance?.toFixed(2))).toEqual([balance]);
});

test.each([
  ["单位：美元", true],
  ["币种：USD", true],
  ["金额单位：千美元", true],
  ["币种：人民币", false],
  ["单位：元", false],
])("a line above the header saying %s: the amounts are in a foreign currency, summed as yuan, and said (%s)", (line, said) => {
  const r = readLedger(
    [
      ["应收账款明细表", null, line],
      ["客户名称", "日期", "余额"],
      ["甲", "2011-03-05", 1000],
    ],
    { sheet: "台账" },
  );
  const found = auditLedger(r, {}, fromYmd(2011, 8, 31), DEFAULT_POLICY).findings.filter((f) => f.rule === "foreign-currency");
  expect(found.map((f) => [f.row, f.column, f.severity])).toEqual(said ? [[1, "C", "error"]] : []);
  if (said) expect(found[0].message["zh-CN"]).toContain(`“${line}”`);
});

test("a credit-term column counted in months (账期（月）: 3, 1) dates each item that many months on, not days", () => {
  // By hand: 2011-05-10 + 3 months = 2011-08-10, 21 days past on 2011-08-31: overdue; 2011-07-20
  // + 1 month = 2011-08-20, 11 days past: normal. Read as days, both were a year-old kind of late.
  const r = readLedger(
    [
      ["客户名称", "发票号", "开票日期", "账期（月）", "余额"],
      ["甲", "FP-201", "2011-05-10", 3, 60000],
      ["甲", "FP-202", "2011-07-20", "1", 30000],
    ],
    { sheet: "台账" },
  );
  expect(r.rows.map((x) => (x.dueDate === null ? null : formatIsoDate(x.dueDate)))).toEqual(["2011-08-10", "2011-08-20"]);
  const o = outcomeOf(auditLedger(r, {}, fromYmd(2011, 8, 31), DEFAULT_POLICY));
  expect(o.items.map((i) => [i.row, i.agingClass])).toEqual([
    [2, "overdue"],
    [3, "normal"],
  ]);
});

describe("an as-of date before every line read (issue 13.2)", () => {
  const values = [
    ["客户名称", "日期", "凭证号", "摘要", "借方", "贷方", "余额"],
    ["泸州老窖股份有限公司", "2011-12-01", null, "上月结转", null, null, 150000], // row 2
    ["泸州老窖股份有限公司", "2011-12-15", "记-0015", "收款", null, 100000, 50000], // row 3
  ];
  it("says the view is not exact, rather than showing nothing open as the answer", () => {
    const r = readLedger(values, { sheet: "12月" });
    const a = auditLedger(r, {}, fromYmd(2011, 11, 30), DEFAULT_POLICY);
    expect(a.totals.all.count).toBe(0);
    expect(a.reading.inexact).toBe(true);
    expect(a.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(["as-of-inexact '12月'!B2"]);
    expect(a.findings[0].message["en-US"]).toContain("every line read is dated after the as-of date 2011-11-30 (the first on 2011-12-01)");
  });
  it("says nothing of the kind once a line stands on the as-of date", () => {
    const r = readLedger(values, { sheet: "12月" });
    expect(auditLedger(r, {}, fromYmd(2011, 12, 10), DEFAULT_POLICY).findings.filter((f) => f.rule === "as-of-inexact")).toEqual([]);
  });
});

describe("a 往来对账单 addressed to its customer (致：XX公司 财务部)", () => {
  it("takes the addressee, without its department, as the sheet's customer", () => {
    const r = readLedger(
      [
        ["往来对账单"],
        ["致：重庆长安民生物流股份有限公司 财务部"],
        ["对账截止日：2011年12月31日", null, null, null, null, "单位：元"],
        ["日期", "单据编号", "摘要", "发货金额", "收款金额", "余额"],
        ["2011-01-01", null, "期初余额", null, null, 42000], // row 5
        ["2011-03-15", "FH1103015", "发货", 38000, null, 80000], // row 6
        ["2011-04-30", "SK110430", "收款", null, 42000, 38000], // row 7
        ["2011-08-08", "FH1108008", "发货", 61500, null, 99500], // row 8
        ["2011-10-10", "SK111010", "收款", null, 30000, 69500], // row 9
        ["2011-12-20", "FH1112020", "发货", 12300, null, 81800], // row 10
        [null, null, "合计", 111800, 72000, 81800], // row 11
      ],
      { sheet: "对账单" },
    );
    expect(r.layout.titleCustomers.map((t) => t.name)).toEqual(["重庆长安民生物流股份有限公司"]);
    // FIFO: the 72,000 received pays the 42,000 opening and 30,000 of row 6: 8,000 + 61,500 + 12,300 = 81,800, the 余额.
    const a = auditLedger(r, {}, fromYmd(2011, 12, 31), DEFAULT_POLICY);
    expect(Array.from({ length: a.rows.length }, (_, i) => a.rows.get(i)).map((x) => `${x.row} ${x.customer} ${x.balance}`)).toEqual([
      "6 重庆长安民生物流股份有限公司 8000.00",
      "8 重庆长安民生物流股份有限公司 61500.00",
      "10 重庆长安民生物流股份有限公司 12300.00",
    ]);
  });
});

test("a 数量金额式 明细账 (借方, 贷方 and 余额 each over 数量 | 单价 | 金额) reads money from 金额, never a quantity or a unit price", () => {
  const r = readLedger(
    [
      ["应收账款明细账（数量金额式）"],
      ["科目：1122 应收账款—甲公司"],
      ["日期", "凭证号", "摘要", "借方", null, null, "贷方", null, null, "方向", "余额", null, null],
      [null, null, null, "数量", "单价", "金额", "数量", "单价", "金额", null, "数量", "单价", "金额"],
      ["2024-01-10", "记-1", "销售A", 100, 500, 50000, null, null, null, "借", 100, 500, 50000], // row 5
      ["2024-02-10", "记-2", "收款", null, null, null, 40, 500, 20000, "借", 60, 500, 30000], // row 6
      ["2024-03-10", "记-3", "销售B", 20, 1000, 20000, null, null, null, "借", 80, 625, 50000], // row 7
      [null, null, "本月合计", 20, null, 20000, null, null, null, "借", 80, 625, 50000], // row 8
    ],
    { sheet: "甲", merges: [{ top: 3, left: 4, bottom: 3, right: 6 }, { top: 3, left: 7, bottom: 3, right: 9 }, { top: 3, left: 11, bottom: 3, right: 13 }] },
  );
  // The second header row is header, not a line with its values missing.
  expect(r.issues).toEqual([]);
  expect(r.letters).toMatchObject({ amount: "F", received: "I", balance: "M" });
  // By hand: 50,000 on 01-10 less the receipt of 20,000 (FIFO) leaves 30,000 of 2024-01-10;
  // 20,000 of 2024-03-10: 50,000 open, the book's own 余额 (read from 数量, 80.00 "yuan").
  const a = auditLedger(r, {}, fromYmd(2024, 6, 30), DEFAULT_POLICY);
  expect(Array.from({ length: a.rows.length }, (_, i) => a.rows.get(i)).map((x) => `${x.row} ${x.balance}`)).toEqual(["5 30000.00", "7 20000.00"]);
  expect(a.totals.all.balance).toBe("50000.00");
  expect(r.reconciliation.status).toBe("reconciled");
});

describe("a 台账 with a column per payment (第一次回款 | 第二次回款)", () => {
  // By hand: 甲 100,000 of 2024-01-10, paid 30,000 on 02-10 and 20,000 on 03-10: 50,000 open;
  // 乙 80,000 of 2024-02-15, paid in full on 04-01: settled; 丙 60,000 of 2024-05-20: open.
  // On 2024-06-30: 110,000 (the first payment alone taken as received gave 130,000).
  const rows = [
    ["甲公司", "2024-01-10", 100000, "2024-02-10", 30000, "2024-03-10", 20000], // row 2 (row 3 under two header rows)
    ["乙公司", "2024-02-15", 80000, "2024-04-01", 80000, null, null],
    ["丙公司", "2024-05-20", 60000, null, null, null, null],
  ];
  const open = (r: ReturnType<typeof readLedger>, asOf = fromYmd(2024, 6, 30)): string[] => {
    const a = auditLedger(r, {}, asOf, DEFAULT_POLICY);
    return Array.from({ length: a.rows.length }, (_, i) => a.rows.get(i)).map((x) => `${x.customer} ${x.balance}`);
  };
  const single = (h: string[]) => readLedger([["客户名称", "开票日期", "发票金额", ...h], ...rows], { sheet: "台账" });
  const twoRow = () =>
    readLedger([["客户名称", "开票日期", "发票金额", "第一次回款", null, "第二次回款", null], [null, null, null, "日期", "金额", "日期", "金额"], ...rows], {
      sheet: "台账",
      merges: [{ top: 1, left: 4, bottom: 1, right: 5 }, { top: 1, left: 6, bottom: 1, right: 7 }, ...[1, 2, 3].map((c) => ({ top: 1, left: c, bottom: 2, right: c }))],
    });

  test("sums the payments as what each item received, whichever way the headers name them", () => {
    for (const r of [single(["第一次回款日期", "第一次回款金额", "第二次回款日期", "第二次回款金额"]), single(["回款日期1", "回款金额1", "回款日期2", "回款金额2"]), twoRow()]) {
      expect(r.issues).toEqual([]);
      expect(open(r)).toEqual(["甲公司 50000.00", "丙公司 60000.00"]);
      expect(r.layout.installments).toEqual([{ sheet: "台账", columns: ["E", "G"], dates: ["D", "F"] }]);
    }
  });

  test("as of a date between two payments, only the payment made by then counts", () => {
    // On 2024-02-29: 甲 had paid 30,000 (70,000 open); 乙 not yet paid (80,000 open); 丙 not yet invoiced.
    for (const r of [single(["第一次回款日期", "第一次回款金额", "第二次回款日期", "第二次回款金额"]), twoRow()]) {
      expect(open(r, fromYmd(2024, 2, 29))).toEqual(["甲公司 70000.00", "乙公司 80000.00"]);
      // Each payment is dated: the view is exact, and not said otherwise.
      expect(auditLedger(r, {}, fromYmd(2024, 2, 29), DEFAULT_POLICY).findings.filter((f) => f.rule === "as-of-inexact")).toEqual([]);
    }
  });

  test("month columns without dates are summed too (1月回款 | 2月回款)", () => {
    const r = readLedger(
      [
        ["客户名称", "开票日期", "发票金额", "1月回款", "2月回款", "3月回款"],
        ["甲公司", "2023-12-10", 100000, 30000, null, 20000],
        ["乙公司", "2023-12-15", 80000, null, 80000, null],
      ],
      { sheet: "台账" },
    );
    expect(open(r, fromYmd(2024, 3, 31))).toEqual(["甲公司 50000.00"]);
  });

  test("a 合计 line states the payments together, and reconciles", () => {
    // 回款金额1: 30,000 + 80,000 = 110,000; 回款金额2: 20,000; received 130,000 in all.
    const r = readLedger([["客户名称", "开票日期", "发票金额", "回款日期1", "回款金额1", "回款日期2", "回款金额2"], ...rows, ["合计", null, 240000, null, 110000, null, 20000]], { sheet: "台账" });
    expect(r.reconciliation.status).toBe("reconciled");
    const wrong = readLedger([["客户名称", "开票日期", "发票金额", "回款日期1", "回款金额1", "回款日期2", "回款金额2"], ...rows, ["合计", null, 240000, null, 110000, null, 10000]], { sheet: "台账" });
    expect(wrong.reconciliation.differences.map((d) => [d.column, d.stated, d.computed])).toEqual([["E", "120000.00", "130000.00"]]);
  });

  test("a running total beside the payments (累计回款) is what was received, the payments not added to it", () => {
    const r = readLedger(
      [
        ["客户名称", "开票日期", "发票金额", "第一次回款金额", "第二次回款金额", "累计回款"],
        ["甲公司", "2024-01-10", 100000, 30000, 20000, 50000],
      ],
      { sheet: "台账" },
    );
    expect(r.layout.installments).toEqual([]);
    expect(open(r)).toEqual(["甲公司 50000.00"]);
  });
});

test("a 明细账 with a customer column and a running 余额 (no 方向), each customer a line or two, is read as a running balance, not as items", () => {
  const r = readLedger(
    [
      ["日期", "客户名称", "凭证字号", "摘要", "借方", "贷方", "余额"],
      ["2024-01-05", "甲公司", "记-1", "开票", 10000, null, 10000], // row 2
      ["2024-02-05", "甲公司", "记-7", "工行到账", null, 4000, 6000], // row 3
      ["2024-02-10", "乙公司", "记-9", "开票", 20000, null, 20000], // row 4
      ["2024-03-10", "乙公司", "记-3", "承兑汇票", null, 20000, 0], // row 5
      ["2024-05-01", "丁公司", "记-5", "开票", 7000, null, 7000], // row 6
    ],
    { sheet: "明细账" },
  );
  // By hand: 甲 10,000 − 4,000 = 6,000 of 2024-01-05; 乙 20,000 − 20,000 = 0; 丁 7,000: 13,000.
  // Each customer's first line fits both readings; counted for items, they outvoted the two
  // running lines, and the running balances were added up: 43,000.
  expect(r.layout.runningBalance).toBe(true);
  const a = auditLedger(r, {}, fromYmd(2024, 6, 30), DEFAULT_POLICY);
  expect(Array.from({ length: a.rows.length }, (_, i) => a.rows.get(i)).map((x) => `${x.row} ${x.balance}`)).toEqual(["2 6000.00", "6 7000.00"]);
  expect(a.totals.all.balance).toBe("13000.00");
});

test("headers of receipts and dates other systems use (回笼金额, 到账金额, 本期实收; 立账日, 凭证日期) are read", () => {
  for (const received of ["回笼金额", "到账金额", "本期实收"]) {
    const r = readLedger([["客户名称", "开票日期", "开票金额", received], ["甲公司", "2024-03-01", 40000, 25000]], { sheet: "S" });
    expect(r.letters.received).toBe("D");
    // 40,000 − 25,000 = 15,000 open (the receipt unread left 40,000).
    expect(auditLedger(r, {}, fromYmd(2024, 6, 30), DEFAULT_POLICY).totals.all.balance).toBe("15000.00");
  }
  for (const date of ["立账日", "凭证日期"]) {
    const r = readLedger([["客户名称", "单据号", date, "到期日", "本币余额"], ["乙公司", "0000000102", "2024-06-10", "2024-07-10", 15000]], { sheet: "S" });
    expect(r.letters.dateArisen).toBe("C");
    // Arisen 2024-06-10, before the as-of date: open, not yet due (dated by its due date alone, it was left out as after it).
    expect(auditLedger(r, {}, fromYmd(2024, 6, 30), DEFAULT_POLICY).totals.all.balance).toBe("15000.00");
  }
});

test("an item with a due date and no date arisen counts in the as-of view from its due date less its credit days, not from its due date", () => {
  const r = readLedger(
    [
      ["客户名称", "单据号", "到期日", "余额"],
      ["甲公司", "0000000101", "2024-05-31", 20000], // row 2
      ["乙公司", "0000000102", "2024-07-10", 15000], // row 3: due after the as-of date
      ["丙公司", "0000000103", "2024-08-15", 9000], // row 4
    ],
    { sheet: "S" },
  );
  // As of 2024-06-30, with the policy's 30 credit days: 乙 arose about 2024-06-10 (07-10 − 30),
  // before the date: open, not yet due; 丙 about 2024-07-16, after it: left out. 20,000 + 15,000.
  const a = auditLedger(r, {}, fromYmd(2024, 6, 30), DEFAULT_POLICY);
  expect(Array.from({ length: a.rows.length }, (_, i) => a.rows.get(i)).map((x) => `${x.row} ${x.balance}`)).toEqual(["2 20000.00", "3 15000.00"]);
  expect(a.reading.leftOut.count).toBe(1);
});

test("a 三栏式 book that writes the month on a month's first line only dates the lines below it in that month", () => {
  const values = [
    ["应收账款明细账"],
    ["明细科目：成都锦城建材有限公司"],
    ["2024年", null, "凭证", "摘要", "借方", "贷方", "借或贷", "余额"],
    ["月", "日", "字号"],
    [1, 1, null, "上年结转", null, null, "借", 5000], // row 5
    [3, 2, "记-1", "销售", 20000, null, "借", 25000], // row 6
    [null, 20, "记-9", "收款", null, 5000, "借", 20000], // row 7: 3月20日
    [null, 31, null, "本月合计", 20000, 5000, "借", 20000], // row 8
    [7, 8, "记-2", "收款", null, 20000, "平", 0], // row 9
    [null, 3, "记-5", "销售", 1000, null, "借", 1000], // row 10: a day before the one above, no month: not guessed
  ];
  const r = readLedger(values, { sheet: "甲", merges: [{ top: 3, left: 1, bottom: 3, right: 2 }, ...[4, 5, 6, 7, 8].map((c) => ({ top: 3, left: c, bottom: 4, right: c }))] });
  expect(r.rows.filter((x) => x.row === 7).map((x) => formatIsoDate(x.dateArisen as number))).toEqual(["2024-03-20"]);
  expect(r.issues.map((i) => [i.row, i.issue])).toEqual([[10, "missing-field"]]);
  // As of 2024-06-30: the 5,000 brought forward is paid by the receipt of 03-20 (FIFO); the sale of
  // 03-02 is open, 20,000; the July receipt is after the date; row 10, undated, is open as read (and said).
  const a = auditLedger(r, {}, fromYmd(2024, 6, 30), DEFAULT_POLICY);
  expect(Array.from({ length: a.rows.length }, (_, i) => a.rows.get(i)).map((x) => `${x.row} ${x.balance}`)).toEqual(["6 20000.00", "10 1000.00"]);
});

test("a 备注 that says settled over a blank 余额 (已收讫, 6月20日已结清) settles the item on that day, and is said", () => {
  const r = readLedger(
    [
      ["客户名称", "开票日期", "金额", "已收金额", "余额", "备注"],
      ["甲公司", "2024-01-10", 30000, null, null, "已收讫"], // row 2
      ["甲公司", "2024-04-10", 12000, null, null, null], // row 3
      ["乙公司", "2024-05-10", 5000, null, null, "6月20日已结清"], // row 4
      ["丙公司", "2024-05-12", 7000, null, null, "未结清"], // row 5
    ],
    { sheet: "台账" },
  );
  const openOn = (y: number, m: number, d: number) => {
    const a = auditLedger(r, {}, fromYmd(y, m, d), DEFAULT_POLICY);
    return Array.from({ length: a.rows.length }, (_, i) => a.rows.get(i)).map((x) => `${x.row} ${x.balance}`);
  };
  // By hand, 2024-06-30: 甲's 30,000 and 乙's 5,000 settled (the notes say so); 12,000 + 7,000 open
  // (read as amount − received, 54,000 was open).
  expect(openOn(2024, 6, 30)).toEqual(["3 12000.00", "5 7000.00"]);
  const said = auditLedger(r, {}, fromYmd(2024, 6, 30), DEFAULT_POLICY).findings.filter((f) => f.rule === "status-says-settled");
  expect(said.map((f) => [f.cell, f.severity])).toEqual([["台账!F2", "warning"]]);
  expect(said[0].message["zh-CN"]).toContain("备注写明已结清");
  expect(said[0].message["zh-CN"]).toContain("35,000.00");
  // 2024-06-15: 乙 paid on 06-20, after it: open then.
  expect(openOn(2024, 6, 15)).toEqual(["3 12000.00", "4 5000.00", "5 7000.00"]);
});

test("a 台账 rolling each invoice over the period (期初余额 | 本期增加 | 本期收回 | 期末余额) checks opening + increase − received against the balance", () => {
  const values = (lastBalance: number) => [
    ["2024年6月应收账款台账"],
    ["客户名称", "发票号", "开票日期", "期初余额", "本期增加", "本期收回", "期末余额"],
    ["甲公司", "FP-11", "2024-03-10", 30000, 0, 10000, 20000], // row 3: 30,000 + 0 − 10,000
    ["甲公司", "FP-18", "2024-06-12", 0, 25000, 0, 25000], // row 4
    ["乙公司", "FP-09", "2024-01-20", 40000, 0, 40000, 0], // row 5: settled
    ["乙公司", "FP-20", "2024-06-25", 0, 6000, 0, lastBalance], // row 6
  ];
  const audit = (v: unknown[][]) => auditLedger(readLedger(v, { sheet: "6月台账" }), {}, fromYmd(2024, 6, 30), DEFAULT_POLICY);
  // Read against amount − received, rows 3 and 5 were errors (0 − 10,000 is not 20,000).
  const a = audit(values(6000));
  expect(a.findings.filter((f) => f.rule === "balance-mismatch")).toEqual([]);
  expect(a.totals.all.balance).toBe("51000.00");
  // A slip is still said, with the opening balance in the sum: 0 + 6,000 − 0 = 6,000, not 6,600.
  const slip = audit(values(6600)).findings.filter((f) => f.rule === "balance-mismatch");
  expect(slip.map((f) => [f.cell, f.message["zh-CN"]])).toEqual([["'6月台账'!G6", "'6月台账'!G6：余额 6,600.00 不等于 期初余额 0.00 + 金额 6,000.00 − 已收 0.00 = 6,000.00，相差 600.00。"]]);
});

test("one customer written with its code before the name, or a mark after it, on some lines only is one customer", () => {
  const r = readLedger(
    [
      ["客户", "日期", "摘要", "借方", "贷方"],
      ["0101 成都锦城建材有限公司", "2024-03-01", "销售", 50000, null], // row 2
      ["成都锦城建材有限公司", "2024-04-01", "收款", null, 30000], // row 3
      ["甲公司（已注销）", "2024-02-01", "销售", 15000, null], // row 4
      ["甲公司", "2024-05-01", "收款", null, 5000], // row 5
      ["[0103]雅安雨城茶业有限公司", "2024-06-01", "销售", 20000, null], // row 6: its bare name is nowhere: as written
      ["1 号店", "2024-06-02", "销售", 1000, null], // row 7
      ["2 号店", "2024-06-03", "销售", 2000, null], // row 8
    ],
    { sheet: "应收明细" },
  );
  // By hand: 锦城 50,000 − 30,000 = 20,000; 甲 15,000 − 5,000 = 10,000; 雅安 20,000; 1 号店 1,000;
  // 2 号店 2,000: 53,000. Each way its own customer, the receipts were advances: 86,000 open.
  const a = auditLedger(r, {}, fromYmd(2024, 6, 30), DEFAULT_POLICY);
  expect(Array.from({ length: a.rows.length }, (_, i) => a.rows.get(i)).map((x) => `${x.row} ${x.customer} ${x.balance}`)).toEqual([
    "2 成都锦城建材有限公司 20000.00",
    "4 甲公司 10000.00",
    "6 [0103]雅安雨城茶业有限公司 20000.00",
    "7 1 号店 1000.00",
    "8 2 号店 2000.00",
  ]);
  expect(a.advances).toEqual([]);
});

test("of two balance columns dated by their headers, the later is read, and the list stands at its date", () => {
  const r = readLedger(
    [
      ["客户名称", "开票日期", "发票号", "开票金额", "截至2024年5月31日余额", "截至2024年6月30日余额"],
      ["甲公司", "2024-01-10", "FP-1", 50000, 30000, 10000], // row 2
      ["乙公司", "2024-02-10", "FP-2", 20000, 20000, 0], // row 3
      ["丙公司", "2024-06-01", "FP-3", 9000, null, 9000], // row 4
    ],
    { sheet: "应收台账" },
  );
  expect(r.letters.balance).toBe("F");
  expect(r.layout.listDate).toBe(fromYmd(2024, 6, 30));
  // By hand, the June column: 10,000 + 0 + 9,000 = 19,000 (the May column gave 59,000).
  expect(auditLedger(r, {}, fromYmd(2024, 6, 30), DEFAULT_POLICY).totals.all.balance).toBe("19000.00");
  // As of a later date, the list is said to stand before it.
  expect(auditLedger(r, {}, fromYmd(2024, 7, 31), DEFAULT_POLICY).findings.filter((f) => f.rule === "list-dated-before").map((f) => f.cell)).toEqual(["应收台账!F1"]);
});

test("a register of one amount column whose 摘要 names how a payment came (电汇, 收银行承兑汇票) reads those lines as receipts", () => {
  const values = [
    ["客户名称", "日期", "摘要", "金额"],
    ["甲公司", "2024-02-01", "发货", 50000], // row 2
    ["甲公司", "2024-03-15", "收银行承兑汇票", 30000], // row 3
    ["甲公司", "2024-04-20", "电汇", 10000], // row 4
    ["乙公司", "2024-03-01", "发货", 40000], // row 5
    ["乙公司", "2024-05-10", "收商业承兑汇票", 40000], // row 6
    ["丙公司", "2024-06-01", "发货 部分回款另行结算", 12000], // row 7: an invoice whose note mentions payment
  ];
  const r = readLedger(values, { sheet: "往来登记" });
  expect(r.shape).toBe("transactions");
  // By hand: 甲 50,000 − 30,000 − 10,000 = 10,000 of 2024-02-01; 乙 40,000 − 40,000 = 0; 丙 12,000: 22,000
  // (every line an invoice: 182,000).
  const a = auditLedger(r, {}, fromYmd(2024, 6, 30), DEFAULT_POLICY);
  expect(Array.from({ length: a.rows.length }, (_, i) => a.rows.get(i)).map((x) => `${x.row} ${x.balance}`)).toEqual(["2 10000.00", "7 12000.00"]);
  // With a 借贷 column, the side says what a line is: 甲 50,000 − 20,000; 乙 10,000 − 15,000 an advance of 5,000.
  const sided = readLedger(
    [
      ["客户", "单据号", "单据日期", "摘要", "借贷", "金额"],
      ["甲公司", "INV-01", "2024-03-01", "销售发票", "借", 50000],
      ["甲公司", "SK-01", "2024-04-01", "收款未核销", "贷", 20000],
      ["乙公司", "INV-02", "2024-05-01", "销售发票", "借", 10000],
      ["乙公司", "YS-01", "2024-05-20", "预收款", "贷", 15000],
    ],
    { sheet: "未清项" },
  );
  const sidedAudit = auditLedger(sided, {}, fromYmd(2024, 6, 30), DEFAULT_POLICY);
  expect([sidedAudit.totals.all.balance, sidedAudit.advances.map((x) => `${x.customer} ${x.amount.toFixed(2)}`)]).toEqual(["30000.00", ["乙公司 5000.00"]]);
  // With a received column, a 摘要 is a note: the line is what its columns say.
  const withReceived = readLedger([["客户名称", "日期", "摘要", "金额", "已收金额"], ["甲公司", "2024-02-01", "电汇", 50000, 20000]], { sheet: "S" });
  expect(auditLedger(withReceived, {}, fromYmd(2024, 6, 30), DEFAULT_POLICY).totals.all.balance).toBe("30000.00");
});

test("a hand-kept 欠款 register (欠款单位 | 欠款日期 | 欠款金额 | 已还金额 | 剩余欠款) reads what is left as the balance, amounts with spaces between thousands", () => {
  const r = readLedger(
    [
      ["欠款单位", "欠款日期", "欠款金额", "已还金额", "剩余欠款"],
      ["甲公司", "2024-01-15", "30 000.00", "10 000.00", "20 000.00"], // row 2
      ["乙公司", "2024-03-01", 20000, 20000, 0], // row 3
      ["丙公司", "2024-05-20", "人民币 8,000.00元", null, "人民币 8,000.00元"], // row 4
    ],
    { sheet: "Sheet1" },
  );
  expect(r.issues).toEqual([]);
  expect(r.letters).toMatchObject({ customer: "A", dateArisen: "B", received: "D", balance: "E" });
  // By hand: 20,000 + 0 + 8,000 = 28,000.
  expect(auditLedger(r, {}, fromYmd(2024, 6, 30), DEFAULT_POLICY).totals.all.balance).toBe("28000.00");
});
