/**
 * Ledgers of several currencies (外币应收账款): the aging and the provision are in the books' own
 * currency (记账本位币, 人民币). Where the ledger gives both, the 本位币 columns are read, whatever
 * their order; where it gives only the original currency, the lines in another currency are said
 * as an error, never summed as yuan in silence.
 */
import { fromYmd } from "../../../src/core/calendar";
import { auditLedger } from "../../../src/core/ledger/check";
import { readLedger } from "../../../src/core/ledger/index";
import { parseHeaderLabel } from "../../../src/core/ledger/headers";
import { DEFAULT_POLICY } from "../../../src/core/policy";

const AS_OF = fromYmd(2024, 12, 31);

test("a header's currency words are taken off and kept", () => {
  expect(parseHeaderLabel("价税合计本位币")).toMatchObject({ base: "价税合计", currency: "home" });
  expect(parseHeaderLabel("未核销金额(本位币)")).toMatchObject({ base: "未核销金额", currency: "home" });
  expect(parseHeaderLabel("原币金额")).toMatchObject({ base: "金额", currency: "foreign" });
  expect(parseHeaderLabel("本位币")).toMatchObject({ base: "本位币", currency: null });
  expect(parseHeaderLabel("金额")).toMatchObject({ base: "金额", currency: null });
});

test("the 本位币 columns are read when the 原币 ones come first", () => {
  const r = readLedger(
    [
      ["客户名称", "发票号", "开票日期", "信用期(天)", "币种", "原币金额", "汇率", "本位币金额", "已收原币", "已收本位币", "未收原币", "未收本位币"],
      ["Pacific", "INV-US-002", "2024-06-20", 60, "USD", 25000, 7.1268, 178170, 10000, 71268, 15000, 106902], // row 2
      ["华美", "INV-CN-003", "2023-11-10", 60, "CNY", 56500, 1, 56500, 0, 0, 56500, 56500], // row 3
      ["合计", null, null, null, null, null, null, 234670, null, 71268, null, 163402], // row 4
    ],
    { sheet: "外币" },
  );
  expect(r.mapping.columns.filter((c) => ["amount", "received", "balance"].includes(c.field)).map((c) => `${c.field}:${c.header}`)).toEqual([
    "amount:本位币金额",
    "received:已收本位币",
    "balance:未收本位币",
  ]);
  const a = auditLedger(r, {}, AS_OF, DEFAULT_POLICY);
  // 106,902.00: 6-20 + 60 = 8-19, 134 days → stale, 5%: 5,345.10. 56,500.00: 2023-11-10 + 60 =
  // 2024-01-09, 357 days → stale; 1–2 years old → 10%: 5,650.00.
  expect(a.totals.all).toEqual({ count: 2, balance: "163402.00", provision: "10995.10" });
  expect(r.reconciliation.status).toBe("reconciled");
  expect(a.findings.map((f) => f.rule)).not.toContain("foreign-currency");
});

test("the 本位币 columns are read when 原币 and 本位币 are banners merged over the same sub-headers (K/3 到期债权表)", () => {
  const r = readLedger(
    [
      ["到期债权表（外销）"],
      ["客户名称", "单据日期", "单据号码", "原币", null, null, "本位币", null, null],
      [null, null, null, "应收金额", "已收金额", "余额", "应收金额", "已收金额", "余额"],
      ["新加坡华联贸易公司", "2011-09-15", "XS110915", 10000, 4000, 6000, 64000, 25600, 38400], // row 4
      ["香港永利达国际有限公司", "2011-11-03", "XS111103", 20000, 0, 20000, 127000, 0, 127000], // row 5
    ],
    { sheet: "到期债权表", merges: [{ top: 2, left: 4, bottom: 2, right: 6 }, { top: 2, left: 7, bottom: 2, right: 9 }, ...[1, 2, 3].map((c) => ({ top: 2, left: c, bottom: 3, right: c }))] },
  );
  expect(r.mapping.columns.filter((c) => c.field === "amount" || c.field === "received" || c.field === "balance").map((c) => c.letter)).toEqual(["G", "H", "I"]);
  // 38,400 + 127,000 in yuan; the 原币 columns (USD 6,000 + 20,000) were read as 26,000.00 yuan.
  const a = auditLedger(r, {}, fromYmd(2011, 12, 31), DEFAULT_POLICY);
  expect(a.totals.all.balance).toBe("165400.00");
  expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
});

test("a 外币金额式 明细账 (借方, 贷方 and 余额 each over 原币 | 本币) is read in 本币, its second header row not a line", () => {
  const r = readLedger(
    [
      ["应收账款明细账（外币金额式）"],
      ["科目：112203 应收账款—日本丸红株式会社"],
      ["日期", "凭证号", "摘要", "汇率", "借方", null, "贷方", null, "方向", "余额", null],
      [null, null, null, null, "原币", "本币", "原币", "本币", null, "原币", "本币"],
      ["2011-04-12", "记-0031", "出口销售", 6.5, 50000, 325000, null, null, "借", 50000, 325000], // row 5
      ["2011-07-20", "记-0040", "收汇", 6.45, null, null, 30000, 193500, "借", 20000, 131500], // row 6
      ["2011-10-08", "记-0012", "出口销售", 6.35, 40000, 254000, null, null, "借", 60000, 385500], // row 7
    ],
    { sheet: "明细账", merges: [{ top: 3, left: 5, bottom: 3, right: 6 }, { top: 3, left: 7, bottom: 3, right: 8 }, { top: 3, left: 10, bottom: 3, right: 11 }, ...[1, 2, 3, 4, 9].map((c) => ({ top: 3, left: c, bottom: 4, right: c }))] },
  );
  expect(r.issues).toEqual([]);
  // In 本币: 325,000 − 193,500 = 131,500 of 2011-04-12 and 254,000 of 2011-10-08: 385,500, the
  // book's own closing 余额 (the 原币 columns gave 60,000.00 "yuan").
  const a = auditLedger(r, {}, fromYmd(2011, 12, 31), DEFAULT_POLICY);
  expect(Array.from({ length: a.rows.length }, (_, i) => a.rows.get(i)).map((x) => `${x.row} ${x.balance}`)).toEqual(["5 131500.00", "7 254000.00"]);
  expect(r.reconciliation.status).toBe("reconciled");
});

test("money read only from columns headed 原币, with no 本位币 and no currency column, is said: a foreign line would be summed as yuan", () => {
  const single = readLedger([["客户名称", "单据日期", "原币金额", "原币余额"], ["甲", "2011-09-15", 10000, 6000]], { sheet: "S" });
  const banner = readLedger(
    [["客户名称", "单据日期", "原币", null], [null, null, "应收金额", "余额"], ["甲", "2011-09-15", 10000, 6000]],
    { sheet: "S", merges: [{ top: 1, left: 3, bottom: 1, right: 4 }, { top: 1, left: 1, bottom: 2, right: 1 }, { top: 1, left: 2, bottom: 2, right: 2 }] },
  );
  for (const [r, cell] of [[single, "S!C1"], [banner, "S!C2"]] as const) {
    const f = auditLedger(r, {}, fromYmd(2011, 12, 31), DEFAULT_POLICY).findings.filter((x) => x.rule === "foreign-currency");
    expect(f.map((x) => [x.cell, x.severity])).toEqual([[cell, "error"]]);
  }
  // Plain 金额 and 余额 say nothing of a currency: no finding.
  const plain = readLedger([["客户名称", "单据日期", "金额", "余额"], ["甲", "2011-09-15", 10000, 6000]], { sheet: "S" });
  expect(auditLedger(plain, {}, fromYmd(2011, 12, 31), DEFAULT_POLICY).findings.filter((x) => x.rule === "foreign-currency")).toEqual([]);
});

test("lines in another currency, with only the original amounts, are an error naming them", () => {
  const r = readLedger(
    [
      ["客户名称", "发票号", "开票日期", "币种", "金额", "余额"],
      ["华美", "INV-CN-003", "2024-11-10", "人民币", 56500, 56500], // row 2
      ["Pacific", "INV-US-001", "2024-10-15", "USD", 10000, 10000], // row 3
      ["Berlin", "INV-EU-004", "2024-12-01", "欧元", 8000, 8000], // row 4
    ],
    { sheet: "外币" },
  );
  const a = auditLedger(r, {}, AS_OF, DEFAULT_POLICY);
  const said = a.findings.filter((f) => f.rule === "foreign-currency");
  expect(said.map((f) => [f.severity, f.cell, f.message["zh-CN"]])).toEqual([
    ["error", "外币!D3", "外币!D3：本行起共 2 行是外币（USD、欧元），而读取的金额列（金额、余额）不是本位币：这些金额按人民币计入合计，以下合计和坏账准备不可采信。请加本位币金额列，或在列对应中指定本位币列。"],
  ]);
});


test("no foreign-currency error when the money read is in 人民币, or the sheet marks its 原币 columns apart", () => {
  const rmb = readLedger(
    [
      ["客户名称", "开票日期", "币种", "原币", "人民币金额"],
      ["Pacific", "2024-10-15", "USD", 1000, 7120], // row 2
    ],
    { sheet: "外币" },
  );
  expect(auditLedger(rmb, {}, AS_OF, DEFAULT_POLICY).findings.map((f) => f.rule)).not.toContain("foreign-currency");
  const marked = readLedger(
    [
      ["客户名称", "开票日期", "币种", "原币金额", "汇率", "金额"],
      ["Pacific", "2024-10-15", "USD", 1000, 7.12, 7120], // row 2
    ],
    { sheet: "外币" },
  );
  expect(marked.mapping.columns.find((c) => c.field === "amount")?.header).toBe("金额");
  const a = auditLedger(marked, {}, AS_OF, DEFAULT_POLICY);
  expect(a.findings.map((f) => f.rule)).not.toContain("foreign-currency");
  expect(a.totals.all.balance).toBe("7120.00");
});

test("an ERP list's 价税合计 (VAT included) is the amount, not the 金额 before tax beside it", () => {
  const r = readLedger(
    [
      ["单据编号", "单据日期", "客户", "金额", "税额", "价税合计", "已核销金额", "未核销金额"],
      ["AR1", "2024-10-10", "甲", 10000, 1300, 11300, 1300, 10000], // row 2: 11,300 − 1,300 = 10,000
    ],
    { sheet: "应收单" },
  );
  expect(r.mapping.columns.find((c) => c.field === "amount")?.header).toBe("价税合计");
  // Read with 金额 (10,000), amount − received would be 8,700 against the 10,000 open: a false balance-mismatch.
  expect(auditLedger(r, {}, AS_OF, DEFAULT_POLICY).findings.map((f) => f.rule)).not.toContain("balance-mismatch");
});
