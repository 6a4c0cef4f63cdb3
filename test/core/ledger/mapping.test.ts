import { detectHeader, LEDGER_FIELDS, LEDGER_SCHEMA, type LedgerField } from "../../../src/core/ledger/headers";
import {
  applyOverride,
  columnLetter,
  columnLetterOf,
  mappingFromHeader,
  missingRequired,
  requireColumns,
  sheetColumnOf,
  type MappingResult,
} from "../../../src/core/ledger/mapping";
import { readLedger } from "../../../src/core/ledger";
import { PLAIN_ZH } from "../../fixtures/ledgers/plainZh";
import { thrown } from "../../helpers/errors";

function detect(values: unknown[][]): MappingResult<LedgerField> {
  const header = detectHeader(values, LEDGER_FIELDS);
  if (header === null) throw new Error("no header");
  return mappingFromHeader(header);
}

const ctx = (values: unknown[][], width: number) => ({
  sheet: "应收",
  schema: LEDGER_SCHEMA,
  width,
  origin: { row: 1, column: 1 },
  header: detectHeader(values, LEDGER_FIELDS),
});

describe("column letters", () => {
  it("converts both ways", () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetterOf)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    expect(["A", "z", "AA", "xfd", " F "].map(sheetColumnOf)).toEqual([1, 26, 27, 16384, 6]);
    expect(sheetColumnOf("XFE")).toBeNaN(); // beyond Excel's last column
    expect(sheetColumnOf("A1")).toBeNaN();
  });

  it("offsets by the origin of the values", () => {
    // values[0][0] at C5: index 0 is column C, index 3 is F.
    expect(columnLetter(0, { row: 5, column: 3 })).toBe("C");
    expect(columnLetter(3, { row: 5, column: 3 })).toBe("F");
  });
});

describe("mappingFromHeader", () => {
  it("maps every field of a clean header, confidence 1", () => {
    const m = detect(PLAIN_ZH);
    expect(m.mapping).toMatchObject({ customer: 1, dateArisen: 5, amount: 8, received: 9, balance: 10 });
    expect(m.unmapped).toEqual([]); // 序号 is a row-number column, not "unmapped"
    expect(m.confidence).toBe(1);
  });

  it("chooses between two columns for one field by synonym order and reports the other", () => {
    const values = [["客户", "入账日期", "开票日期", "余额"]];
    const m = detect(values);
    // 开票日期 is listed before 入账日期 among date-arisen's synonyms, so C wins over B.
    expect(m.mapping.dateArisen).toBe(2);
    expect(m.ambiguous).toEqual([
      { field: "dateArisen", chosen: { index: 2, letter: "C", header: "开票日期" }, others: [{ index: 1, letter: "B", header: "入账日期" }], alsoFields: [] },
    ]);
    // 3 mapped columns of quality 1, 1 column left unread: 3 / 4 = 0.75.
    expect(m.confidence).toBe(0.75);
  });

  it("prefers an exact header to a contained one, then the earlier synonym, then the left column", () => {
    // 余额 exact (1) beats 调整后余额 (contains 余额: 0.6), though it is further right.
    expect(detect([["客户", "调整后余额", "余额"]]).mapping.balance).toBe(2);
    // Both exact: 余额 is balance's first synonym, 期末余额 a later one.
    expect(detect([["客户", "期末余额", "余额"]]).mapping.balance).toBe(2);
    // Same header twice: the left one.
    expect(detect([["客户", "余额", "余额"]]).mapping.balance).toBe(1);
  });

  it("lists headers that name nothing, and lowers confidence for them", () => {
    const m = detect([["客户", "余额", "联系电话", "序号"]]);
    expect(m.unmapped).toEqual([{ index: 2, letter: "C", header: "联系电话" }]);
    // 2 mapped (1 + 1), 1 unmapped, 序号 ignored: 2 / 3 = 0.67.
    expect(m.confidence).toBe(0.67);
  });

  it("counts a contained match at 0.6", () => {
    const m = detect([["客户", "调整后余额"]]);
    // (1 + 0.6) / 2 = 0.8
    expect(m.confidence).toBe(0.8);
    expect(m.columns.map((c) => c.quality)).toEqual([1, 0.6]);
  });
});

describe("applyOverride", () => {
  const values = [["客户", "日期", "金额", "备注二", "经手"]];
  const detected = () => detect(values);

  it("places a field by letter, by index and by header text", () => {
    const m = applyOverride(detected(), { collector: "E", note: 3 }, ctx(values, 5));
    expect(m.mapping).toMatchObject({ customer: 0, dateArisen: 1, amount: 2, note: 3, collector: 4 });
    expect(m.columns.find((c) => c.field === "collector")).toMatchObject({ letter: "E", header: "经手", source: "explicit", quality: 1 });
    const byText = applyOverride(detected(), { collector: "经手" }, ctx(values, 5));
    expect(byText.mapping.collector).toBe(4);
  });

  it("wins over detection: a column given to another field leaves its detected field", () => {
    // C was detected as amount; the caller says C is the balance.
    const m = applyOverride(detected(), { balance: "C" }, ctx(values, 5));
    expect(m.mapping.balance).toBe(2);
    expect(m.mapping.amount).toBeUndefined();
  });

  it("removes a field with null", () => {
    const m = applyOverride(detected(), { note: null }, ctx(values, 5));
    expect(m.mapping.note).toBeUndefined();
    expect(m.unmapped.map((u) => u.letter)).toContain("D");
  });

  it("returns detection untouched when nothing is overridden", () => {
    const d = detected();
    expect(applyOverride(d, {}, ctx(values, 5))).toBe(d);
    expect(applyOverride(d, { note: undefined }, ctx(values, 5))).toBe(d);
  });

  it("refuses an unknown field, a bad column and two fields on one column", () => {
    const unknown = thrown(() => applyOverride(detected(), { customerName: "A" } as never, ctx(values, 5)));
    expect(unknown.id).toBe("ledger.mapping-invalid");
    expect(unknown.text["en-US"]).toContain('unknown field "customerName"');
    expect(unknown.text["zh-CN"]).toContain("customerName");

    const far = thrown(() => applyOverride(detected(), { note: "Z" }, ctx(values, 5)));
    expect(far.id).toBe("ledger.mapping-invalid");
    expect(far.text["en-US"]).toContain("column Z given for field \"note\" is outside the range read (A to E)");

    expect(thrown(() => applyOverride(detected(), { note: 7 }, ctx(values, 5))).text["en-US"]).toContain("expected a whole number from 0 to 4");
    expect(thrown(() => applyOverride(detected(), { note: 1.5 }, ctx(values, 5))).id).toBe("ledger.mapping-invalid");
    expect(thrown(() => applyOverride(detected(), { note: "没有这一列" }, ctx(values, 5))).text["en-US"]).toContain("not recognised");

    const conflict = thrown(() => applyOverride(detected(), { note: "D", status: "D" }, ctx(values, 5)));
    expect(conflict.id).toBe("ledger.mapping-conflict");
    expect(conflict.text["en-US"]).toContain('both "note" and "status" on column D');
  });
});

describe("required columns", () => {
  it("names the groups a mapping lacks", () => {
    expect(missingRequired(LEDGER_SCHEMA, { customer: 0, amount: 2 })).toEqual([["dateArisen", "dueDate"]]);
    expect(missingRequired(LEDGER_SCHEMA, { customer: 0, dueDate: 1, balance: 2 })).toEqual([]);
  });

  it("throws ledger.missing-columns listing what was looked for and what was found", () => {
    const values = [["客户", "金额", "备注"]];
    const e = thrown(() => requireColumns(LEDGER_SCHEMA, detect(values), "应收", 1));
    expect(e.id).toBe("ledger.missing-columns");
    expect(e.text["en-US"]).toContain('Sheet "应收": the header in row 1 lacks required columns: date arisen (发生日期/确认日期');
    expect(e.text["en-US"]).toContain("or due date (到期日");
    expect(e.text["en-US"]).toContain("Columns recognised: A:客户, B:金额, C:备注");
    expect(e.text["zh-CN"]).toContain("工作表“应收”第 1 行的表头缺少必需的列：发生日期（发生日期/确认日期");
    // What to do, where it can be done: the headless audit has no mapping option, the pane has.
    expect(e.text["zh-CN"]).toContain("可把表头改为常用的列名（如“客户名称”“发生日期”“金额”“余额”），或在任务窗格的“列对应”中指定这些列。");
    expect(e.text["en-US"]).toContain("or map these columns in the task pane's column mapping.");
  });

  it("says, when the customer is missing, that a sheet's name is not read as one and how to give it", () => {
    // A sheet per customer named on its tab only ("遂宁城投"): the tab is not a customer.
    const e = thrown(() => readLedger([["日期", "摘要", "借方", "贷方", "余额"], [40553, "销售", 1000, "", 1000]], { sheet: "遂宁城投" }));
    expect(e.id).toBe("ledger.missing-columns");
    expect(e.text["zh-CN"]).toContain("客户不取自工作表名称：一户一表的明细账，请在表头上方写一行“客户：××公司”");
    expect(e.text["en-US"]).toContain("The customer is not taken from the sheet's name");
    // With the line above the header, the same sheet reads.
    const r = readLedger([["客户：遂宁市城市建设投资有限公司"], ["日期", "摘要", "借方", "贷方", "余额"], [40553, "销售", 1000, "", 1000]], { sheet: "遂宁城投" });
    expect(r.rows.map((x) => x.customer)).toEqual(["遂宁市城市建设投资有限公司"]);
    // A missing date says nothing of customers.
    const d = thrown(() => readLedger([["客户", "金额", "备注"], ["甲", 1, ""]], { sheet: "应收" }));
    expect(d.text["en-US"]).not.toContain("sheet's name");
  });

  it("is satisfied by an explicit mapping through readLedger", () => {
    const values = [
      ["客户", "金额", "登记时间"],
      ["甲", 100, 40553],
    ];
    expect(thrown(() => readLedger(values, { sheet: "S" })).id).toBe("ledger.missing-columns");
    const r = readLedger(values, { sheet: "S", mapping: { dateArisen: "C" } });
    expect(r.rows[0].dateArisen).toBe(14984); // 40553 = 2011-01-10 = day 14984
    expect(r.mapping.columns.map((c) => `${c.letter}:${c.field}:${c.source}`)).toEqual(["A:customer:detected", "B:amount:detected", "C:dateArisen:explicit"]);
  });

  it("reads a sheet without a header when the caller maps every required column (headerRow 0)", () => {
    const values = [
      ["甲公司", 40553, 1000],
      ["乙公司", 40612, 2000],
    ];
    expect(thrown(() => readLedger(values, { sheet: "S" })).id).toBe("ledger.no-header");
    const r = readLedger(values, { sheet: "S", headerRow: 0, mapping: { customer: "A", dateArisen: "B", balance: "C" } });
    expect(r.header.row).toBeNull();
    expect(r.rows.map((x) => [x.row, x.customer, x.balanceFen])).toEqual([
      [1, "甲公司", 100000],
      [2, "乙公司", 200000],
    ]);
    expect(thrown(() => readLedger(values, { sheet: "S", headerRow: 0 })).id).toBe("ledger.missing-columns");
    expect(thrown(() => readLedger(values, { sheet: "S", headerRow: 9 })).id).toBe("ledger.header-row-invalid");
  });

  it("takes the header row the caller names instead of detecting one", () => {
    // Row 1 would be detected (it names 客户 and 余额); the caller says row 2.
    const values = [
      ["客户", "余额"],
      ["单位名称", "应收余额", "发生日期"],
      ["甲", 5, 40553],
    ];
    const r = readLedger(values, { sheet: "S", headerRow: 2 });
    expect(r.header.row).toBe(2);
    expect(r.rows.map((x) => x.customer)).toEqual(["甲"]);
  });
});
