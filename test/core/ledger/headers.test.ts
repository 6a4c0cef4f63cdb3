import {
  declareField,
  detectHeader,
  detectUnits,
  LEDGER_FIELDS,
  matchHeader,
  normalizeLabel,
  parseHeaderLabel,
  QUALITY_CONTAINED,
  QUALITY_EXACT,
  unitScaleOf,
  unitsInText,
  type FieldDeclaration,
} from "../../../src/core/ledger/headers";
import { BILLS_REGISTER_FIELDS, COLLECTION_LOG_FIELDS, CUSTOMER_MASTER_FIELDS } from "../../../src/core/ledger/companions";
import { BANNER_TWO_ROW } from "../../fixtures/ledgers/bannerTwoRow";
import { NO_HEADER } from "../../fixtures/ledgers/noHeader";
import { PLAIN_ZH } from "../../fixtures/ledgers/plainZh";
import { TELECOM_000 } from "../../fixtures/ledgers/telecom000";
import { TITLE_UNITS } from "../../fixtures/ledgers/titleUnits";

/** The field a header text names in the ledger table, or null. */
function fieldOf(text: string): string | null {
  return matchHeader(parseHeaderLabel(text), LEDGER_FIELDS)?.field ?? null;
}

describe("the synonym tables", () => {
  const tables: [string, readonly FieldDeclaration[]][] = [
    ["ledger", LEDGER_FIELDS],
    ["customer master", CUSTOMER_MASTER_FIELDS],
    ["bills register", BILLS_REGISTER_FIELDS],
    ["collection log", COLLECTION_LOG_FIELDS],
  ];

  it.each(tables)("%s: no header word names two fields (after normalisation)", (_name, fields) => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const decl of fields) {
      for (const raw of [...decl.zh, ...decl.en]) {
        const word = normalizeLabel(raw.replace(/^=/, ""));
        const prev = owner.get(word);
        if (prev !== undefined && prev !== decl.field) clashes.push(`${raw}: ${prev} / ${decl.field}`);
        owner.set(word, decl.field);
      }
    }
    expect(clashes).toEqual([]);
  });

  it.each(tables)("%s: every synonym, written as a header, names its own field", (_name, fields) => {
    const wrong: string[] = [];
    for (const decl of fields) {
      for (const raw of [...decl.zh, ...decl.en]) {
        const m = matchHeader(parseHeaderLabel(raw.replace(/^=/, "")), fields);
        if (m?.field !== decl.field || m.quality !== QUALITY_EXACT) wrong.push(`${raw} -> ${m?.field ?? "nothing"}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("every field has a bilingual label and at least one zh and one en word", () => {
    for (const decl of LEDGER_FIELDS) {
      expect(decl.label["zh-CN"].length).toBeGreaterThan(0);
      expect(decl.label["en-US"].length).toBeGreaterThan(0);
      expect(decl.zh.length).toBeGreaterThan(0);
      expect(decl.en.length).toBeGreaterThan(0);
    }
  });

  it("has the words of the issue for each field", () => {
    const expected: Record<string, string[]> = {
      customer: ["客户", "客户名称", "单位名称", "债务人", "Customer"],
      project: ["项目", "工程", "Project"],
      department: ["责任部门", "项目部", "部门", "Department"],
      document: ["单据号", "发票号", "合同号", "Document"],
      dateArisen: ["发生日期", "确认日期", "开票日期", "入账日期", "Date"],
      creditDays: ["信用期", "信用期(天)", "账期", "Credit days"],
      dueDate: ["到期日", "Due date", "最迟付款日", "最迟付款日期", "约定回款时间", "约定回款日期", "付款截止日期"],
      amount: ["金额", "应收金额", "Amount"],
      received: ["已收金额", "回款", "Received"],
      balance: ["余额", "应收余额", "Balance"],
      status: ["状态", "Status"],
      recoveryProbability: ["回收可能性", "Recovery probability"],
      expectedRecovery: ["预计可收回金额", "Expected recovery"],
      lastConfirmed: ["对账日期", "最近对账日", "Last confirmed"],
      collector: ["责任人", "Collector"],
      type: ["款项性质", "科目", "Type"],
    };
    for (const [field, words] of Object.entries(expected)) {
      for (const w of words) expect([w, fieldOf(w)]).toEqual([w, field]);
    }
  });

  it("declareField keeps the key and kind", () => {
    const d = declareField("x", "money", { "zh-CN": "甲", "en-US": "x" }, ["甲"], ["x"]);
    expect(d).toEqual({ field: "x", kind: "money", label: { "zh-CN": "甲", "en-US": "x" }, zh: ["甲"], en: ["x"] });
  });
});

describe("normalizeLabel / parseHeaderLabel", () => {
  it("folds width, case, white space, 帐 and markers", () => {
    expect(normalizeLabel("  Due　Date ")).toBe("duedate");
    expect(normalizeLabel("应收帐款余额")).toBe("应收账款余额"); // seed 004 writes 帐
    expect(normalizeLabel("*客户名称：")).toBe("客户名称");
    expect(normalizeLabel("Invoice No.")).toBe("invoiceno");
    expect(normalizeLabel("发生\n日期")).toBe("发生日期"); // Alt+Enter inside a header cell
  });

  it("splits a unit annotation off the header", () => {
    expect(parseHeaderLabel("金额(万元)")).toEqual({ base: "金额", scale: 10000, percent: false, currency: null });
    expect(parseHeaderLabel("金额（元）")).toEqual({ base: "金额", scale: 1, percent: false, currency: null });
    expect(parseHeaderLabel("信用期(天)")).toEqual({ base: "信用期", scale: null, percent: false, currency: null });
    expect(parseHeaderLabel("余额/万元")).toEqual({ base: "余额", scale: 10000, percent: false, currency: null });
    expect(parseHeaderLabel("回收可能性(%)")).toEqual({ base: "回收可能性", scale: null, percent: true, currency: null });
    expect(parseHeaderLabel("Balance (CNY 10,000)")).toEqual({ base: "balance", scale: 10000, percent: false, currency: "home" });
    expect(parseHeaderLabel("Amount (in thousands)")).toEqual({ base: "amount", scale: 1000, percent: false, currency: null });
  });

  it("reads a side written in brackets: 金额(借) is 借方金额, 金额（贷） 贷方金额, 发生额(Dr) 借方发生额", () => {
    expect(parseHeaderLabel("金额(借)").base).toBe("借方金额");
    expect(parseHeaderLabel("金额（贷）").base).toBe("贷方金额");
    expect(parseHeaderLabel("发生额(Dr)").base).toBe("借方发生额");
    expect(parseHeaderLabel("本期发生额(贷方)").base).toBe("贷方发生额");
    expect(fieldOf("金额（借）")).toBe("amount");
    expect(fieldOf("金额（贷）")).toBe("received");
    // Only a side: 金额(元) is 金额 in yuan, 余额(借) is no movement.
    expect(parseHeaderLabel("金额(元)").base).toBe("金额");
    expect(parseHeaderLabel("余额(借)").base).toBe("余额");
  });

  it("reads money units", () => {
    expect(unitScaleOf("万元")).toBe(10000);
    expect(unitScaleOf("人民币万元")).toBe(10000);
    expect(unitScaleOf("单位:万元")).toBe(10000);
    expect(unitScaleOf("千元")).toBe(1000);
    expect(unitScaleOf("亿元")).toBe(100000000);
    expect(unitScaleOf("元")).toBe(1);
    expect(unitScaleOf("rmb")).toBe(1);
    expect(unitScaleOf("天")).toBeNull();
    expect(unitScaleOf("")).toBeNull();
  });
});

describe("matchHeader", () => {
  it("reads an export sale's date (出口日期, 报关日期, 提单日期, shipment date) as the date arisen", () => {
    for (const label of ["出口日期", "报关日期", "出运日期", "装船日期", "提单日期", "Shipment date", "Export date"]) {
      expect([label, matchHeader(parseHeaderLabel(label), LEDGER_FIELDS)?.field]).toEqual([label, "dateArisen"]);
    }
  });

  it("reads K/3's 核算项目名称 (the customer an 应收 report is kept by) as the customer", () => {
    expect(matchHeader(parseHeaderLabel("核算项目名称"), LEDGER_FIELDS)?.field).toBe("customer");
  });

  it("prefers an exact synonym to a contained one", () => {
    const m = matchHeader(parseHeaderLabel("应收余额"), LEDGER_FIELDS);
    expect(m).toMatchObject({ field: "balance", quality: QUALITY_EXACT });
  });

  it("finds a synonym inside a longer header, the longest one winning", () => {
    // "本次收款金额" contains 收款金额 (received, 4 chars) and 金额 (amount, 2 chars).
    expect(matchHeader(parseHeaderLabel("本次收款金额"), LEDGER_FIELDS)).toMatchObject({ field: "received", quality: QUALITY_CONTAINED });
    expect(fieldOf("期末应收账款余额")).toBe("balance");
  });

  it("does not let a header's last word point to another kind", () => {
    // Contains 结算金额 (amount) and 确认日期 (date arisen), both 4 characters; the header ends
    // in 日期, so only the date field may match. Without the rule it would be a tie.
    expect(matchHeader(parseHeaderLabel("结算金额确认日期"), LEDGER_FIELDS)).toMatchObject({ field: "dateArisen", alsoMatched: [] });
    // Contains 欠款 (balance, money) but ends in 天数: a count of days, not an amount.
    expect(fieldOf("欠款天数")).toBeNull();
  });

  it("reports a tie between two fields' contained synonyms", () => {
    // 已收 (received) and 余额 (balance) are both 2 characters inside "已收余额备查".
    expect(matchHeader(parseHeaderLabel("已收余额备查"), LEDGER_FIELDS)).toMatchObject({ field: "received", alsoMatched: ["balance"] });
  });

  it("searches inside headers only for words of 2+ CJK or 4+ Latin characters", () => {
    const fields = [declareField("x", "text", { "zh-CN": "甲", "en-US": "x" }, ["甲", "乙丙"], ["ab", "abcd"])];
    expect(matchHeader(parseHeaderLabel("甲"), fields)?.field).toBe("x"); // exact: always
    expect(matchHeader(parseHeaderLabel("ab"), fields)?.field).toBe("x");
    expect(matchHeader(parseHeaderLabel("甲方单位"), fields)).toBeNull(); // 1 CJK character inside
    expect(matchHeader(parseHeaderLabel("abc"), fields)).toBeNull(); // 2 Latin letters inside
    expect(matchHeader(parseHeaderLabel("乙丙丁"), fields)?.field).toBe("x");
    expect(matchHeader(parseHeaderLabel("abcde"), fields)?.field).toBe("x");
  });

  it("keeps exact-only words exact", () => {
    expect(fieldOf("日期")).toBe("dateArisen");
    expect(fieldOf("工程")).toBe("project");
    // "工程款" is not a project column; =工程 is exact-only, so nothing matches.
    expect(fieldOf("工程款")).toBeNull();
    expect(fieldOf("Date")).toBe("dateArisen");
  });

  it("does not search long text (titles, notes)", () => {
    expect(fieldOf("四川省通信产业服务有限公司遂宁市分公司应收账款余额明细表")).toBeNull();
  });

  it("matches nothing for unrelated headers and for blanks", () => {
    expect(fieldOf("联系电话")).toBeNull();
    expect(fieldOf("")).toBeNull();
  });
});

describe("detectHeader", () => {
  it("finds a header in row 1", () => {
    const h = detectHeader(PLAIN_ZH, LEDGER_FIELDS);
    expect(h?.rowIndices).toEqual([0]);
    expect(h?.dataStart).toBe(1);
    // 18 headers: 序号 is a row-number column, the other 17 each name a field exactly.
    expect(h?.score).toBe(17);
  });

  it("finds a header below a title, a units line and a blank row (row 4)", () => {
    const h = detectHeader(TITLE_UNITS, LEDGER_FIELDS);
    expect(h?.rowIndices).toEqual([3]);
    expect(h?.columns.map((c) => c.match?.field)).toEqual(["customer", "project", "dateArisen", "amount", "received", "balance"]);
  });

  it("joins a two-row header under a merged banner", () => {
    const h = detectHeader(BANNER_TWO_ROW, LEDGER_FIELDS);
    expect(h?.rowIndices).toEqual([1, 2]);
    expect(h?.dataStart).toBe(3);
    expect(h?.columns.map((c) => [c.index, c.match?.field])).toEqual([
      [0, "customer"],
      [1, "dateArisen"],
      [2, "amount"], // 应收 under 金额
      [3, "received"], // 已收
      [4, "balance"], // 余额
      [5, "collector"],
    ]);
    // The banner's unit (元) holds for every column under it.
    expect(h?.columns[3].label.scale).toBe(1);
  });

  it("does not take a title above the header as a second header row", () => {
    // Row 1 of TELECOM_000 is a title: it names no field by itself.
    expect(detectHeader(TELECOM_000, LEDGER_FIELDS)?.rowIndices).toEqual([2]);
  });

  it("does not take a row of text data under the header for a second header row", () => {
    // Each data cell below contains a header word ("已收", "状态", "项目部"), and with the
    // header above them they would name five fields; but no cell of the row names a field by
    // itself, so the row is data.
    const values = [
      ["客户", "余额", "备忘一", "备忘二", "备忘三"],
      ["甲公司", "¥100", "已收若干", "状态良好", "项目部甲"],
      ["乙公司", 200, "", "", ""],
    ];
    expect(detectHeader(values, LEDGER_FIELDS)).toMatchObject({ rowIndices: [0], dataStart: 1 });
  });

  it("prefers the upper row on a tie", () => {
    const values = [
      ["客户", "余额"],
      ["客户", "余额"],
    ];
    expect(detectHeader(values, LEDGER_FIELDS)?.rowIndices).toEqual([0]);
  });

  it("needs two fields, one named exactly", () => {
    expect(detectHeader([["客户", "备注二"]], LEDGER_FIELDS)).toMatchObject({ rowIndices: [0] }); // 客户 exact + 备注 contained
    expect(detectHeader([["客户"]], LEDGER_FIELDS)).toBeNull();
    expect(detectHeader([["客户全部名单", "期末账面余额合计数"]], LEDGER_FIELDS)).toBeNull(); // contained only
    expect(detectHeader(NO_HEADER, LEDGER_FIELDS)).toBeNull();
  });

  it("looks at the first 30 rows only", () => {
    const filler = Array.from({ length: 30 }, (_, i) => [`说明第 ${i + 1} 行`]);
    expect(detectHeader([...filler, ["客户", "余额"]], LEDGER_FIELDS)).toBeNull();
    expect(detectHeader([...filler.slice(1), ["客户", "余额"]], LEDGER_FIELDS)?.rowIndices).toEqual([29]);
  });

  it("reads exceljs rich text in header cells", () => {
    const values = [[{ richText: [{ text: "客户" }, { text: "名称" }] }, "余额"]];
    expect(detectHeader(values, LEDGER_FIELDS)?.columns[0].match?.field).toBe("customer");
  });
});

describe("units", () => {
  it("reads units lines", () => {
    expect(unitsInText("单位：万元")).toBe(10000);
    expect(unitsInText("金额单位：人民币万元")).toBe(10000);
    expect(unitsInText("编制单位：遂宁分公司　　单位：元")).toBe(1);
    expect(unitsInText("（万元）")).toBe(10000);
    expect(unitsInText("单位:千元")).toBe(1000);
    expect(unitsInText("Unit: RMB 10,000")).toBe(10000);
    expect(unitsInText("(in CNY thousands)")).toBe(1000);
    // A company is not a unit; a title is not a unit.
    expect(unitsInText("编制单位：遂宁市分公司")).toBeNull();
    expect(unitsInText("单位：元器件公司")).toBeNull();
    expect(unitsInText("应收账款明细表")).toBeNull();
  });

  it("finds the sheet's units above the header", () => {
    const units = detectUnits(TITLE_UNITS, detectHeader(TITLE_UNITS, LEDGER_FIELDS));
    expect(units).toEqual({ scale: 10000, source: { rowIndex: 1, columnIndex: 5, text: "单位：万元" } });
  });

  it("finds a units cell in the header row when it names no field", () => {
    const values = [["客户", "余额", "单位：万元"], ["甲", 1, null]];
    expect(detectUnits(values, detectHeader(values, LEDGER_FIELDS)).scale).toBe(10000);
  });

  it("is 1 yuan when the sheet says nothing", () => {
    expect(detectUnits(PLAIN_ZH, detectHeader(PLAIN_ZH, LEDGER_FIELDS))).toEqual({ scale: 1, source: null });
  });
});
