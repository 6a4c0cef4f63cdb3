import { fromYmd } from "../../../src/core/calendar";
import {
  buildSupplierLetter,
  readSupplierLetter,
  scoreSupplierReplies,
  SUPPLIER_LETTER_LAYOUT,
  supplierLetterSheetName,
  type SupplierLetterInput,
} from "../../../src/core/credit-forms/supplier-letter";
import { type Lang } from "../../../src/core/errors";
import { DEFAULT_POLICY, loadPolicy } from "../../../src/core/policy";
import type { Policy } from "../../../src/core/policy/types";
import type { SheetSpec, SpecCell } from "../../../src/core/reports/sheet-spec";
import { thrown } from "../../helpers/errors";

const P = DEFAULT_POLICY;
const DATE = fromYmd(2024, 5, 6);
const REPLY_BY = fromYmd(2024, 5, 31);
const INPUT: SupplierLetterInput = { customer: "甲建设公司", customerAddress: "北京市朝阳区建国路1号", supplier: "乙建材公司", date: DATE, replyBy: REPLY_BY };

/** The sheet's values as Excel's used range gives them from A1: each cell's v, empty as "". */
function grid(spec: SheetSpec): unknown[][] {
  const width = Math.max(spec.columns.length, ...spec.rows.map((r) => r.cells.length));
  return spec.rows.map((r) => Array.from({ length: width }, (_, c) => r.cells[c]?.v ?? ""));
}

/** "D9" -> [8, 3]. */
function cellIndex(a1: string): [number, number] {
  const m = /^([A-Z])(\d+)$/.exec(a1);
  if (m === null) throw new Error(a1);
  return [Number(m[2]) - 1, m[1].charCodeAt(0) - 65];
}

/** The letter built, with `replies` typed into its reply cells (undefined: left as built). */
function typedIn(replies: readonly unknown[], lang: Lang = "zh-CN", input: SupplierLetterInput = INPUT, policy: Policy = P): unknown[][] {
  const { spec, replyCells } = buildSupplierLetter(input, policy, lang, "sheet");
  const values = grid(spec);
  replies.forEach((v, i) => {
    if (v === undefined) return;
    const [r, c] = cellIndex(replyCells[i]);
    values[r][c] = v;
  });
  return values;
}

function cell(spec: SheetSpec, a1: string): SpecCell | null {
  const [r, c] = cellIndex(a1);
  return spec.rows[r]?.cells[c] ?? null;
}

function texts(spec: SheetSpec): string[] {
  const out: string[] = [];
  for (const r of spec.rows) for (const c of r.cells) if (c !== null && typeof c.v === "string") out.push(c.v);
  return out;
}

describe("scoreSupplierReplies (POLICY §5.2, weights and option scores from defaults.ts)", () => {
  test("the best replies score 100", () => {
    // 1 准确 100×0.10 = 10; 4 两年以上 100×0.15 = 15; 4 10万元以上 100×0.15 = 15; 4 90天以上 100×0.10 = 10;
    // 1 绝对及时 100×0.30 = 30; 1 没有关系 100×0.05 = 5; 2 否 100×0.15 = 15. 10+15+15+10+30+5+15 = 100.
    expect(scoreSupplierReplies([1, 4, 4, 4, 1, 1, 2], P)).toEqual({ score: "100", unanswered: [] });
  });

  test("a mixed reference scores to the exact hundredth: 54.75", () => {
    // 1 准确 100×0.10 = 10; 2 一年内 50×0.15 = 7.5; 3 10万元以下 75×0.15 = 11.25; 1 30天内 25×0.10 = 2.5;
    // 2 很少拖欠 70×0.30 = 21; 2 有关系 50×0.05 = 2.5; 1 是 (stopped shipping) 0×0.15 = 0.
    // 10 + 7.5 + 11.25 + 2.5 + 21 + 2.5 + 0 = 54.75.
    expect(scoreSupplierReplies([1, 2, 3, 1, 2, 2, 1], P)).toEqual({ score: "54.75", unanswered: [] });
  });

  test("question 1 answered 不准确 (incorrect) scores 0 and costs its whole weight, 100×0.10 = 10 points", () => {
    // The best replies but question 1: 0×0.10 + 15 + 15 + 10 + 30 + 5 + 15 = 90.
    expect(scoreSupplierReplies([2, 4, 4, 4, 1, 1, 2], P).score).toBe("90");
    // The mixed reference above: 54.75 − 10 = 44.75.
    expect(scoreSupplierReplies([2, 2, 3, 1, 2, 2, 1], P).score).toBe("44.75");
  });

  test("no score while any question is unanswered; the unanswered are listed by number", () => {
    expect(scoreSupplierReplies([1, null, 4, null, 1, 1, 2], P)).toEqual({ score: null, unanswered: [2, 4] });
    expect(scoreSupplierReplies([null, null, null, null, null, null, null], P)).toEqual({ score: null, unanswered: [1, 2, 3, 4, 5, 6, 7] });
    // Fewer replies than questions: the missing ones are unanswered.
    expect(scoreSupplierReplies([1, 4], P)).toEqual({ score: null, unanswered: [3, 4, 5, 6, 7] });
  });

  test("too many replies, or an option a question does not have, is an error naming it", () => {
    expect(thrown(() => scoreSupplierReplies([1, 1, 1, 1, 1, 1, 1, 1], P)).id).toBe("credit.supplier-reply");
    const e = thrown(() => scoreSupplierReplies([3, 1, 1, 1, 1, 1, 1], P)); // question 1 has two options
    expect(e).toMatchObject({ id: "credit.supplier-reply", field: "question 1" });
  });
});

describe("buildSupplierLetter", () => {
  test("the layout: title A1, salutation A3, customer B5, address B6, header row 8, one question per row from 9, replies in D", () => {
    const { spec, replyCells } = buildSupplierLetter(INPUT, P, "zh-CN", "甲建设公司-乙建材公司-咨询函");
    expect(spec.name).toBe("甲建设公司-乙建材公司-咨询函");
    expect(spec.title).toBe("客户供应商咨询评价函");
    expect(spec.print).toEqual({ paper: "A4", orientation: "portrait", fitToWidth: true, printTitleRows: null });
    expect(spec.columns).toHaveLength(4);
    expect(cell(spec, "A1")).toEqual({ v: "客户供应商咨询评价函", t: "text", style: "title" });
    expect(cell(spec, "A3")?.v).toBe("乙建材公司：");
    expect(cell(spec, "A4")?.v).toContain("甲建设公司（地址：北京市朝阳区建国路1号）");
    expect(cell(spec, "A4")?.v).toContain("严格保密");
    expect([cell(spec, "A5")?.v, cell(spec, "B5")?.v]).toEqual(["被咨询单位", "甲建设公司"]);
    expect([cell(spec, "A6")?.v, cell(spec, "B6")?.v]).toEqual(["单位地址", "北京市朝阳区建国路1号"]);
    expect(spec.rows[7].cells.map((c) => c?.v)).toEqual(["序号", "问题", "选项", "回复（填序号）"]);
    expect(replyCells).toEqual(["D9", "D10", "D11", "D12", "D13", "D14", "D15"]);
    expect(spec.rows[8].cells.map((c) => c?.v)).toEqual([1, "客户名称、地址是否准确", "1 准确  2 不准确", null]);
    expect(cell(spec, "C10")?.v).toBe("1 半年内  2 一年内  3 两年内  4 两年以上");
    // The reply box: an empty cell with the table's border.
    expect(cell(spec, "D9")).toEqual({ v: null, t: "integer" });
    expect(spec.merges).toContainEqual({ row: 4, col: 1, rows: 1, cols: 3 });
    expect(SUPPLIER_LETTER_LAYOUT).toMatchObject({ salutationRow: 2, customerRow: 4, addressRow: 5, headerRow: 7, firstQuestionRow: 8, replyCol: 3 });
    const t = texts(spec);
    expect(t).toContain("请于2024年5月31日前将本函填妥寄回我公司，谢谢！");
    expect(t).toContain("回函地址：（请填写公司地址）(address: to be filled in)");
    expect(t).toContain("联系电话：（请填写联系电话）(phone: to be filled in)");
    expect(t).toContain("回复单位（盖章）：");
    expect(t).toContain("（请填写公司名称）");
    expect(t).toContain("2024年5月6日");
  });

  test("in English, without a reply-by date or an address, on the policy's A5 paper", () => {
    const policy = loadPolicy({ notices: { paper: "A5" }, company: { name: { "zh-CN": "丙公司", "en-US": "Bing Ltd" }, address: "1 Road", phone: "010-1234" } });
    const input: SupplierLetterInput = { customer: "Jia Co", customerAddress: " ", supplier: "Yi Co", date: DATE };
    const { spec } = buildSupplierLetter(input, policy, "en-US", "Jia Co-Yi Co-Ref");
    expect(spec.print.paper).toBe("A5");
    expect(spec.print.orientation).toBe("portrait");
    expect(cell(spec, "A1")?.v).toBe("Supplier reference enquiry");
    expect(cell(spec, "A3")?.v).toBe("To Yi Co:");
    expect(cell(spec, "A4")?.v).toContain("credit standing of Jia Co, with whom");
    expect(cell(spec, "C9")?.v).toBe("1 Correct  2 Incorrect");
    const t = texts(spec);
    expect(t).toContain("Please complete this letter and return it to us. Thank you.");
    expect(t).toContain("Return to: 1 Road");
    expect(t).toContain("Phone: 010-1234");
    expect(t).toContain("Bing Ltd");
    expect(t).toContain("2024-05-06");
    expect(t.some((x) => x.includes("by 2024"))).toBe(false);
  });

  test("names that look like formulas or numbers stay text cells, and read back as written", () => {
    const input: SupplierLetterInput = {
      customer: '=HYPERLINK("http://example.com","甲公司")',
      customerAddress: "=1+1",
      supplier: "+86 138 0000 0000",
      date: DATE,
    };
    const { spec } = buildSupplierLetter(input, P, "zh-CN", "x");
    expect(cell(spec, "B5")).toEqual({ v: input.customer, t: "text", style: "wrap" });
    expect(cell(spec, "B6")).toEqual({ v: "=1+1", t: "text", style: "wrap" });
    expect(cell(spec, "A3")).toMatchObject({ v: "+86 138 0000 0000：", t: "text" });
    for (const row of spec.rows) for (const c of row.cells) if (c !== null && typeof c.v === "string") expect(c.t).toBe("text");
    const read = readSupplierLetter("x", grid(spec), P);
    expect(read).toMatchObject({ customer: input.customer, supplier: input.supplier, problems: [] });
  });

  test("a blank customer or supplier is an error", () => {
    expect(thrown(() => buildSupplierLetter({ ...INPUT, customer: " " }, P, "zh-CN", "x"))).toMatchObject({ id: "supplier-letter.input", field: "customer" });
    expect(thrown(() => buildSupplierLetter({ ...INPUT, supplier: "" }, P, "zh-CN", "x"))).toMatchObject({ id: "supplier-letter.input", field: "supplier" });
  });
});

describe("readSupplierLetter", () => {
  test.each<Lang>(["zh-CN", "en-US"])("round trip (%s): numbers typed into the reply cells read back as typed", (lang) => {
    const read = readSupplierLetter("S", typedIn([1, 4, 4, 4, 1, 1, 2], lang), P);
    expect(read).toEqual({ customer: "甲建设公司", supplier: "乙建材公司", replies: [1, 4, 4, 4, 1, 1, 2], problems: [] });
    expect(scoreSupplierReplies(read?.replies ?? [], P).score).toBe("100");
  });

  test("the letter as sent: every reply blank, listed as unanswered, no problems", () => {
    const read = readSupplierLetter("S", typedIn([]), P);
    expect(read?.replies).toEqual([null, null, null, null, null, null, null]);
    expect(read?.problems).toEqual([]);
    const partly = readSupplierLetter("S", typedIn([1, "", 3, "  ", 2, 2, 1]), P);
    expect(partly?.replies).toEqual([1, null, 3, null, 2, 2, 1]);
    expect(scoreSupplierReplies(partly?.replies ?? [], P)).toEqual({ score: null, unanswered: [2, 4] });
  });

  test("replies as digits, full-width or circled digits, option texts (zh or en) or number and text together", () => {
    const replies = ["准确", "２", "10万元以下", "up to 30 DAYS", "2 很少拖欠", "②", " 是 "];
    const read = readSupplierLetter("S", typedIn(replies), P);
    expect(read?.problems).toEqual([]);
    expect(read?.replies).toEqual([1, 2, 3, 1, 2, 2, 1]);
    // The mixed reference of the scoring tests: 54.75.
    expect(scoreSupplierReplies(read?.replies ?? [], P).score).toBe("54.75");
  });

  test("an unreadable reply is null with a problem naming its cell", () => {
    const read = readSupplierLetter("咨询函X", typedIn([3, "maybe", 1.5, "#N/A", "2 绝对及时", true, 2]), P);
    expect(read?.replies).toEqual([null, null, null, null, null, null, 2]);
    expect(read?.problems.map((p) => p.cell)).toEqual(["D9", "D10", "D11", "D12", "D13", "D14"]);
    const [first, second] = read?.problems ?? [];
    expect(first.message["zh-CN"]).toBe("工作表“咨询函X”的 D9 单元格：第 1 题的回复“3”无法识别。请填写选项序号 1–2 或选项文字（1 准确  2 不准确）。");
    expect(second.message["en-US"]).toContain('Sheet "咨询函X", cell D10: cannot read the reply "maybe" to question 2');
  });

  test("not a supplier letter, or one whose rows were moved: null", () => {
    expect(readSupplierLetter("S", [], P)).toBeNull();
    expect(readSupplierLetter("S", [["应收账款询证函"]], P)).toBeNull();
    const moved = typedIn([1, 1, 1, 1, 1, 1, 1]);
    moved.splice(1, 0, ["", "", "", ""]); // a row inserted under the title
    expect(readSupplierLetter("S", moved, P)).toBeNull();
  });

  test("a salutation edited out of shape is a problem naming A3", () => {
    const values = typedIn([1, 1, 1, 1, 1, 1, 1]);
    values[2][0] = "致乙建材公司";
    const read = readSupplierLetter("S", values, P);
    expect(read?.supplier).toBe("致乙建材公司");
    expect(read?.problems.map((p) => p.cell)).toEqual(["A3"]);
  });

  test("a letter built under another policy: a question whose options differ is not read, and questions the policy lacks are flagged", () => {
    const letter = P.credit.supplierLetter;
    const sixQuestions = loadPolicy({
      credit: { supplierLetter: [...letter.slice(0, 5), { ...letter[5], weight: "0.20" }] },
    });
    const values = typedIn([1, 4, 4, 4, 1, 1, 2]); // built with the seven default questions
    const fewer = readSupplierLetter("S", values, sixQuestions);
    expect(fewer?.replies).toEqual([1, 4, 4, 4, 1, 1]);
    expect(fewer?.problems.map((p) => p.cell)).toEqual(["A15"]);

    const reordered = loadPolicy({
      credit: { supplierLetter: [letter[0], { ...letter[1], options: [...letter[1].options].reverse() }, ...letter.slice(2)] },
    });
    const read = readSupplierLetter("S", values, reordered);
    expect(read?.replies).toEqual([1, null, 4, 4, 1, 1, 2]);
    expect(read?.problems.map((p) => p.cell)).toEqual(["C10"]);
  });
});

describe("supplierLetterSheetName", () => {
  test("customer, supplier and the title part", () => {
    expect(supplierLetterSheetName("甲建设公司", "乙建材公司", "zh-CN", [])).toBe("甲建设公司-乙建材公司-咨询函");
    expect(supplierLetterSheetName("Jia Co", "Yi Co", "en-US", [])).toBe("Jia Co-Yi Co-Ref");
  });

  test("long names keep a part of each, at most 31 characters", () => {
    const customer = "北京市某某建设工程集团有限公司第三工程分公司";
    const supplier = "上海市某某建筑材料贸易有限责任公司";
    const name = supplierLetterSheetName(customer, supplier, "zh-CN", []);
    // 31 − "-" − "-" − "咨询函" leaves 26: 13 characters each.
    expect(name).toBe("北京市某某建设工程集团有限-上海市某某建筑材料贸易有限-咨询函");
    expect(name.length).toBe(31);
    // A short customer leaves the room to the supplier.
    const short = supplierLetterSheetName("甲", supplier + supplier, "zh-CN", []);
    expect(short.length).toBe(31);
    expect(short.startsWith("甲-上海市")).toBe(true);
  });

  test("unique against the workbook's names, without case; characters Excel refuses are replaced", () => {
    expect(supplierLetterSheetName("Jia Co", "Yi Co", "en-US", ["jia co-yi co-ref"])).toBe("Jia Co-Yi Co(2)-Ref");
    const long = supplierLetterSheetName("北京市某某建设工程集团有限公司", "上海市某某建筑材料贸易有限责任公司", "zh-CN", []);
    const again = supplierLetterSheetName("北京市某某建设工程集团有限公司", "上海市某某建筑材料贸易有限责任公司", "zh-CN", [long]);
    expect(again).not.toBe(long);
    expect(again.length).toBeLessThanOrEqual(31);
    expect(again.endsWith("(2)-咨询函")).toBe(true);
    expect(supplierLetterSheetName("A/B", "C:D", "en-US", [])).toBe("A_B-C_D-Ref");
  });
});
