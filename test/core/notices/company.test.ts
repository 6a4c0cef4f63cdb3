/**
 * 单位信息: which details each letter needs, what counts as not filled in (blank or the product's
 * placeholder), the checks on what is typed, and how the letters print the signatory, the letter
 * number and a batch of letters.
 */
import { companyFormProblems, companyFromPolicy, companyProblemsFor, EMPTY_COMPANY, fieldNames, letterNumber, mergeCompany, parseCompany, type CompanyInfo } from "../../../src/core/notices/company";
import { combineLetters, signatureWithSignatory } from "../../../src/core/notices/letter";
import { DEFAULT_POLICY } from "../../../src/core/policy/defaults";
import type { SheetSpec } from "../../../src/core/reports/sheet-spec";

const FULL: CompanyInfo = {
  nameZh: "遂宁建设有限公司",
  nameEn: "Suining Construction Co., Ltd.",
  address: "遂宁市船山区明月路 1 号",
  phone: "0825-2221234",
  accountName: "遂宁建设有限公司",
  bank: "中国工商银行遂宁分行",
  accountNo: "2310 4012 0900 1234 567",
  signatory: "总经理 王建国",
  letterPrefix: "遂建催",
  handler: "李明",
  handlerPhone: "",
};

test("a complete set of details stops no letter, in either language", () => {
  for (const use of ["collection", "confirmation", "statement"] as const) {
    expect(companyProblemsFor(FULL, use, "zh-CN")).toEqual([]);
    expect(companyProblemsFor(FULL, use, "en-US")).toEqual([]);
  }
});

test("each letter needs what it prints: the account and signatory only on a collection notice; the English name only in English", () => {
  const fields = (use: "collection" | "confirmation" | "statement", lang: "zh-CN" | "en-US") => companyProblemsFor(EMPTY_COMPANY, use, lang).map((p) => p.field);
  expect(fields("collection", "zh-CN")).toEqual(["nameZh", "address", "phone", "accountName", "bank", "accountNo", "signatory", "letterPrefix", "handler"]);
  expect(fields("confirmation", "zh-CN")).toEqual(["nameZh", "address", "phone", "letterPrefix", "handler"]);
  expect(fields("collection", "en-US")[0]).toBe("nameEn");
  expect(fieldNames(["nameZh", "accountNo"], "zh-CN")).toBe("单位名称（中文）、银行账号");
  expect(fieldNames(["nameZh", "accountNo"], "en-US")).toBe("Company name (Chinese), Account number");
});

test("the product's placeholders from the policy defaults count as not filled in", () => {
  const fromDefaults = companyFromPolicy(DEFAULT_POLICY);
  expect(fromDefaults).toEqual(EMPTY_COMPANY);
  const typedPlaceholder = { ...FULL, bank: "（请填写开户银行）(bank: to be filled in)" };
  expect(companyProblemsFor(typedPlaceholder, "collection", "zh-CN").map((p) => [p.field, p.kind])).toEqual([["bank", "missing"]]);
});

test("what is typed is checked: phone numbers, account numbers, the prefix", () => {
  expect(companyFormProblems({ ...FULL, phone: "0825-2221234转8001", handlerPhone: "+86 138 1234 5678" })).toEqual([]);
  expect(companyFormProblems({ ...FULL, phone: "call me" }).map((p) => p.field)).toEqual(["phone"]);
  expect(companyFormProblems({ ...FULL, accountNo: "6222-0210-0111-2345" })).toEqual([]);
  expect(companyFormProblems({ ...FULL, accountNo: "1234567" }).map((p) => p.field)).toEqual(["accountNo"]); // 7 digits
  expect(companyFormProblems({ ...FULL, letterPrefix: "催/2011" }).map((p) => p.field)).toEqual(["letterPrefix"]);
  // A wrong field the letter does not print still stops it (it was typed, so it is meant).
  expect(companyProblemsFor({ ...FULL, handlerPhone: "x" }, "confirmation", "zh-CN").map((p) => [p.field, p.kind])).toEqual([["handlerPhone", "invalid"]]);
});

test("the form's details over the policy sheet's, field by field; stored text read back safely", () => {
  const policy = { ...DEFAULT_POLICY, company: { ...DEFAULT_POLICY.company, address: "遂宁市" } };
  expect(mergeCompany(null, policy).address).toBe("遂宁市");
  expect(mergeCompany({ ...EMPTY_COMPANY, phone: "0825-1234567" }, policy)).toMatchObject({ address: "遂宁市", phone: "0825-1234567" });
  expect(mergeCompany({ ...EMPTY_COMPANY, address: "成都市" }, policy).address).toBe("成都市");
  expect(parseCompany('{"nameZh":"甲","unknown":1,"phone":5}')).toEqual({ ...EMPTY_COMPANY, nameZh: "甲" });
  expect(parseCompany("not json")).toBeNull();
});

test("letter numbers: prefix, date, three digits", () => {
  expect(letterNumber("遂建催", "2011-08-31", 7)).toBe("遂建催20110831-007");
  expect(letterNumber(" SJ ", "2011-08-31", 123)).toBe("SJ20110831-123");
});

test("the signatory's name goes under the line to sign on, unless the wording places it", () => {
  const tpl = "{company}\n总经理（签字）：＿＿＿＿\n（公司盖章）\n{asOf}";
  const filled = "甲公司\n总经理（签字）：＿＿＿＿\n（公司盖章）\n2011年8月31日";
  expect(signatureWithSignatory(tpl, filled, "王建国", "zh-CN")).toBe("甲公司\n总经理（签字）：＿＿＿＿\n（王建国）\n（公司盖章）\n2011年8月31日");
  expect(signatureWithSignatory("{company}\nSigned: ____", "A\nSigned: ____", "Wang", "en-US")).toBe("A\nSigned: ____\n(Wang)");
  expect(signatureWithSignatory("{signatory}", "王建国", "王建国", "zh-CN")).toBe("王建国");
  expect(signatureWithSignatory(tpl, filled, "", "zh-CN")).toBe(filled);
});

test("a batch: letters one after another, merges moved with their rows, a page break before each letter but the first", () => {
  const letter = (rows: number, width: number): SheetSpec => ({
    id: "collectionNotice",
    lang: "zh-CN",
    name: "x",
    title: "通知书",
    columns: [{ width }, { width: 10 }],
    rows: Array.from({ length: rows }, () => ({ kind: "meta" as const, cells: [] })),
    merges: [{ row: 1, col: 0, rows: 1, cols: 2 }],
    freezeRows: 0,
    print: { paper: "A4", orientation: "portrait", fitToWidth: true, printTitleRows: null },
    charts: [],
  });
  const b = combineLetters([{ customer: "甲", spec: letter(5, 8) }, { customer: "乙", spec: letter(3, 12) }, { customer: "丙", spec: letter(4, 9) }], "通知书-20110831", "通知书");
  expect(b.rows).toHaveLength(12);
  expect(b.pageBreaks).toEqual([5, 8]);
  expect(b.letters).toEqual([{ customer: "甲", row: 0 }, { customer: "乙", row: 5 }, { customer: "丙", row: 8 }]);
  expect(b.merges.map((m) => m.row)).toEqual([1, 6, 9]);
  expect(b.columns.map((c) => c.width)).toEqual([12, 10]);
  expect(b.name).toBe("通知书-20110831");
});
