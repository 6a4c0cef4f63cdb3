/** 核销候选表 against the hand-worked figures of the small ledger (POLICY §8). */
import Decimal from "decimal.js";
import { fromYmd } from "../../../src/core/calendar";
import { toExcelSerial } from "../../../src/core/dates";
import { loadPolicy } from "../../../src/core/policy";
import { buildWriteOffCandidates } from "../../../src/core/reports/write-off";
import { HYPERLINK_CUSTOMER, smallReportInput } from "../../fixtures/reports/small-ledger";
import { bodyAfter, labels, money, moneys, rowsOf } from "./spec-helpers";

const input = smallReportInput();
const spec = buildWriteOffCandidates(input, "zh-CN");
const [candidateHeader, memoHeader] = rowsOf(spec, "header");

test("candidates: 丁公司 overdue more than 3 years, 戊公司 bankrupt; 辛 already written off is not one", () => {
  expect(labels(candidateHeader)).toEqual(["序号", "客户名称", "单据号", "发生日期", "到期日", "逾期天数", "余额", "坏账准备", "核销条件", "尚需取得的证据", "税前扣除申报截止日", "责任人", "逾期申报赔偿（损失×33%×赔偿比率，七.第五条）"]);
  const rows = bodyAfter(spec, candidateHeader);
  expect(rows.map((r) => r.cells[1]?.v)).toEqual(["丁公司", "戊公司"]);
  const [丁, 戊] = rows;
  expect(丁.cells[4]).toEqual({ v: toExcelSerial(fromYmd(2020, 4, 30)), t: "date" });
  expect(丁.cells[5]?.v).toBe(1706);
  expect(moneys(丁, 6, 7)).toEqual(["30000.00", "24000.00"]);
  expect(丁.cells[8]?.v).toBe("逾期3年以上仍未收回（含3年）");
  expect(戊.cells[8]?.v).toBe("债务人被依法宣告破产、撤销，剩余财产确实不足清偿");
  expect(戊.cells[11]?.v).toBe("王五");
  // 戊公司 is provided at 8,000 − 10% expected back = 7,200.00.
  expect(money(戊.cells[7])).toBe("7200.00");
});

test("the evidence still needed, by condition, with the collection log counted", () => {
  const [丁, 戊] = bodyAfter(spec, candidateHeader);
  expect(丁.cells[9]?.v).toBe("逾期期间的催收记录；无法收回的情况说明（催收记录已有 1 次）；合同、发票及对方确认的债权证明；执行董事审批");
  expect(戊.cells[9]?.v).toBe("法院破产裁定或工商注销、吊销证明；清算财产分配文件；合同、发票及对方确认的债权证明；执行董事审批");
});

test("the tax-loss filing deadline: 45 days after the year of the as-of date (2025-02-14)", () => {
  for (const row of bodyAfter(spec, candidateHeader)) expect(row.cells[10]).toEqual({ v: toExcelSerial(fromYmd(2025, 2, 14)), t: "date" });
  const notes = rowsOf(spec, "note").map((r) => String(r.cells[0]?.v));
  expect(notes[0]).toContain("45 日内");
  expect(notes[0]).toContain("33% × 待在制度中设定"); // 七.第五条: 33% as written, the ratio blank
});

test("candidate totals to the fen", () => {
  expect(moneys(rowsOf(spec, "total")[0], 6, 7)).toEqual(["38000.00", "31200.00"]);
});

test("004 七.第五条 compensation = loss × 33% × ratio: \"to be set in the policy\" until the company sets the ratio", () => {
  for (const row of [...bodyAfter(spec, candidateHeader), rowsOf(spec, "total")[0]]) expect(row.cells[12]?.v).toBe("待在制度中设定");
  const policy = loadPolicy({ writeOff: { compensationRatio: "0.5" } });
  const s = buildWriteOffCandidates(smallReportInput({ policy }), "zh-CN");
  const h = rowsOf(s, "header")[0];
  // 丁公司 30,000 × 33% × 50% = 4,950.00; 戊公司 8,000 × 0.165 = 1,320.00; total 6,270.00.
  expect(bodyAfter(s, h).map((r) => money(r.cells[12]))).toEqual(["4950.00", "1320.00"]);
  expect(money(rowsOf(s, "total")[0].cells[12])).toBe("6270.00");
});

test("004 七.第六条 the reward on recoveries after write-off: \"to be set\" until the rate is set, then recovered × rate", () => {
  const writtenOff = [{ customer: "癸公司", writtenOffOn: fromYmd(2023, 6, 30), amount: new Decimal("20000"), recovered: new Decimal("5000.50") }];
  const unset = buildWriteOffCandidates(smallReportInput({ extra: { writtenOff } }), "zh-CN");
  expect(bodyAfter(unset, rowsOf(unset, "header")[1]).map((r) => r.cells[12]?.v)).toEqual(["待在制度中设定", "待在制度中设定"]);
  const policy = loadPolicy({ writeOff: { recoveryRewardRate: "0.05" } });
  const s = buildWriteOffCandidates(smallReportInput({ policy, extra: { writtenOff } }), "zh-CN");
  // 5,000.50 × 5% = 250.025 → 250.03; 辛公司 (the ledger's 已核销 row) has recovered nothing.
  expect(bodyAfter(s, rowsOf(s, "header")[1]).map((r) => money(r.cells[12]))).toEqual(["250.03", ""]);
  expect(money(rowsOf(s, "total")[1].cells[12])).toBe("250.03");
});

test("the memorandum register: ledger rows marked 已核销 and the register given, still pursued", () => {
  const rows = bodyAfter(spec, memoHeader);
  expect(rows).toHaveLength(1);
  expect(rows[0].cells[1]).toEqual({ v: HYPERLINK_CUSTOMER, t: "text", style: "wrap" });
  expect(moneys(rows[0], 6, 8)).toEqual(["1000.00", "", "1000.00"]);

  const writtenOff = [{ customer: "癸公司", document: "INV-2019-7", writtenOffOn: fromYmd(2023, 6, 30), amount: new Decimal("20000"), recovered: new Decimal("5000.50"), collector: "李四" }];
  const s = buildWriteOffCandidates(smallReportInput({ extra: { writtenOff } }), "zh-CN");
  const memo = bodyAfter(s, rowsOf(s, "header")[1]);
  expect(memo.map((r) => r.cells[1]?.v)).toEqual(["癸公司", HYPERLINK_CUSTOMER]);
  expect(memo[0].cells[3]).toEqual({ v: toExcelSerial(fromYmd(2023, 6, 30)), t: "date" });
  expect(moneys(memo[0], 6, 8)).toEqual(["20000.00", "5000.50", "14999.50"]);
  expect(moneys(rowsOf(s, "total")[1], 6, 8)).toEqual(["21000.00", "5000.50", "15999.50"]);
});

test("nothing to write off, nothing written off: said in words", () => {
  const s = buildWriteOffCandidates(smallReportInput({ ledger: [["客户名称", "发生日期", "余额"], ["甲公司", "2024-12-01", 100]] }), "en-US");
  const notes = rowsOf(s, "note").map((r) => r.cells[0]?.v);
  expect(notes).toContain("No receivable meets a write-off condition.");
  expect(notes).toContain("No written-off item is recorded.");
  expect(money(rowsOf(s, "total")[0]?.cells[6])).toBe("");
});
