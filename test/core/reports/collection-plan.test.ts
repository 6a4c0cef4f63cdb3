/** 催收计划 (POLICY §6) against the hand-worked figures of the small ledger. */
import { fromYmd } from "../../../src/core/calendar";
import { toExcelSerial } from "../../../src/core/dates";
import { buildCollectionPlan } from "../../../src/core/reports/collection-plan";
import { readCollectionLog, readCustomerMaster } from "../../../src/core/ledger/index";
import { loadPolicy } from "../../../src/core/policy";
import { HYPERLINK_CUSTOMER, SMALL_COLLECTIONS, SMALL_CUSTOMERS, SMALL_LEDGER, smallReportInput } from "../../fixtures/reports/small-ledger";
import { bodyAfter, labels, money, moneys, rowWith, rowsOf } from "./spec-helpers";

const input = smallReportInput();
const spec = buildCollectionPlan(input, "zh-CN");
const header = rowsOf(spec, "header")[0];
const rows = bodyAfter(spec, header);

test("columns as POLICY §6 and plan 000 ask", () => {
  expect(labels(header)).toEqual(["序号", "客户名称", "责任部门", "责任人", "余额", "其中逾期", "最长逾期天数", "回收可能性", "催收方式", "最近联系", "方式", "承诺付款金额", "承诺付款日期", "下一步"]);
});

test("customers with a balance, least likely to pay first; not assessed but stale or bad (五.第六、七条) ranked with the least likely, by balance; the rest not assessed last; 己公司 (an advance) left out", () => {
  // Legal tier and unassessed with stale/bad items, by balance: 丙 200,000 (25%), 甲 150,000 (stale INV-02),
  // 丁 30,000 (bad), 戊 8,000 (10%), 辛 1,000 (stale); then 乙 (firm), 庚 (wait, overridden by 呆账); 壬 (unclassified) last.
  expect(rows.map((r) => r.cells[1]?.v)).toEqual(["丙公司", "甲公司", "丁公司", "戊公司", HYPERLINK_CUSTOMER, "乙公司", "庚公司", "壬公司"]);
});

test("probability → approach: 丙 25% (expected recovery ÷ balance) and 戊 10% legal, 乙 64% firm; 庚 95% would wait, but it is 呆账", () => {
  const 丙 = rowWith(spec, "丙公司", 1);
  expect(丙.cells[7]).toEqual({ v: 0.25, t: "percent" });
  expect(丙.cells[8]?.v).toBe("措辞严厉，必要时提请有关部门仲裁或提请诉讼");
  // (40,000 × 60% + 10,000.55 × 80%) ÷ 50,000.55 = 32,000.44 ÷ 50,000.55
  const 乙 = rowWith(spec, "乙公司", 1);
  expect(乙.cells[7]?.v).toBeCloseTo(32000.44 / 50000.55, 14);
  expect(乙.cells[8]?.v).toBe("频繁地信件催款、电话催询及人员上门催收");
  expect(rowWith(spec, "庚公司", 1).cells[8]?.v).toBe("指定专人负责清收（五.第七条），不因回收可能性而不打扰");
  expect(rowWith(spec, "甲公司", 1).cells[7]).toEqual({ v: "未评估", t: "text" });
});

test("balances, the past-due part and the most days past due", () => {
  const 甲 = rowWith(spec, "甲公司", 1);
  expect(moneys(甲, 4, 5)).toEqual(["150000.00", "50000.00"]);
  expect(甲.cells[6]?.v).toBe(154);
  const 乙 = rowWith(spec, "乙公司", 1);
  expect(moneys(乙, 4, 5)).toEqual(["50000.55", "50000.55"]);
  expect(乙.cells[6]?.v).toBe(428);
  // 戊公司 is bad by its status but not yet due.
  expect(rowWith(spec, "戊公司", 1).cells[6]?.v).toBe(0);
  expect(moneys(rowsOf(spec, "total")[0], 4, 5)).toEqual(["456346.22", "351346.22"]);
});

test("responsibility: the ledger's, else the customer master's", () => {
  expect(rowWith(spec, "庚公司", 1).cells.slice(2, 4).map((c) => c?.v)).toEqual(["三部", "孙七"]);
});

test("the log: last contact up to the as-of date, the latest promise, kept or broken", () => {
  const 乙 = rowWith(spec, "乙公司", 1);
  // The 2025-01-05 contact is after the as-of date and does not count.
  expect(乙.cells[9]).toEqual({ v: toExcelSerial(fromYmd(2024, 12, 10)), t: "date" });
  expect(乙.cells[10]?.v).toBe("电话");
  expect(money(乙.cells[11])).toBe("20000.00");
  // 乙 is firm (64%) and has a 呆账 item (INV-03, 428 days): 五.第七条's named collector, 李四, on top of the tier's step.
  expect(乙.cells[13]?.v).toBe("2024年12月20日的付款承诺未兑现，升级催收；频繁发函、电话催询并上门催收，取得书面付款承诺；由责任人李四负责清收：联系客户、取得书面付款承诺，拒不付款的升级处理");
  const 甲 = rowWith(spec, "甲公司", 1);
  expect(甲.cells[12]).toEqual({ v: toExcelSerial(fromYmd(2025, 1, 15)), t: "date" });
  // 甲 is not assessed and has a stale item (INV-02, 154 days): 五.第六条's special attention besides estimating the probability.
  expect(甲.cells[13]?.v).toBe("跟进承诺：2025年1月15日前付款 50,000.00；在季度评审会上估计回收可能性并确定催收方式；特别关注：联系客户并取得书面付款承诺");
  expect(甲.cells[8]?.v).toBe("特别关注，努力清收（五.第六条），不因回收可能性而不打扰");
  expect(rowWith(spec, "丙公司", 1).cells[13]?.v).toBe("发出措辞严厉的催款函，准备仲裁或诉讼材料；由责任人张三负责清收：联系客户、取得书面付款承诺，拒不付款的升级处理；尚无催收记录");
  expect(money(rowsOf(spec, "total")[0].cells[11])).toBe("70000.00");
});

test("without a collection log the plan still stands, and says what is missing", () => {
  const s = buildCollectionPlan(smallReportInput({ extra: { companions: {} } }), "en-US");
  const first = bodyAfter(s, rowsOf(s, "header")[0])[0];
  // 丙 (25%: legal) holds a 呆账 item: the named collector, 张三, as 五.第七条 asks, besides the tier's step.
  expect(first.cells[13]?.v).toBe("Stern demand letter; prepare arbitration or a lawsuit; 张三, the named collector, pursues it: contact, get a written promise to pay, escalate if refused");
  expect(rowsOf(s, "note").map((r) => r.cells[0]?.v)).toContain("No collection log was given: last contact and promises are blank.");
});

test("a promise followed by money collected is not called broken", () => {
  const collections = readCollectionLog([...SMALL_COLLECTIONS, ["2024-12-22", "乙公司", "李四", "电话", null, null, 10000, "收到部分款项"]], { sheet: "催收记录" });
  const customers = readCustomerMaster(SMALL_CUSTOMERS, { sheet: "客户档案" });
  const s = buildCollectionPlan(smallReportInput({ extra: { companions: { customers, collections } } }), "zh-CN");
  const 乙 = rowWith(s, "乙公司", 1);
  expect(乙.cells[9]).toEqual({ v: toExcelSerial(fromYmd(2024, 12, 22)), t: "date" });
  expect(乙.cells[13]?.v).toBe("频繁发函、电话催询并上门催收，取得书面付款承诺；由责任人李四负责清收：联系客户、取得书面付款承诺，拒不付款的升级处理");
});

test("004 五.第六/七条: a stale or bad item is never left undisturbed; the plan says why the class overrides the tier", () => {
  // 庚公司: 95% (the wait tier) but INV-09 12,345.67 is 呆账 (1,066 days); 孙七 collects it (customer master).
  const 庚 = rowWith(spec, "庚公司", 1);
  expect(庚.cells[13]?.v).toBe(
    "回收可能性 95% 按六.第三条属“一般不打扰”，但该客户有呆账款项 12,345.67 元：五.第六条、第七条要求特别关注、指定专人清收，分类优先于回收可能性；由责任人孙七负责清收：联系客户、取得书面付款承诺，拒不付款的升级处理；尚无催收记录",
  );
  for (const row of rows) expect(String(row.cells[13]?.v)).not.toContain("不打扰客户，到期后核对回款");
});

test("a customer whose worst item is only overdue may still wait by default (neverWaitFromClass stale); set to overdue, it may not", () => {
  // 乙公司 INV-04 alone: 47 days past due (overdue), 95% expected back: the wait tier.
  const ledger = [SMALL_LEDGER[0], SMALL_LEDGER[1], [4, "乙公司", "二部", "INV-04", "货款", "2024-10-15", "2024-11-14", 10000.55, 0, 10000.55, 0.95, null, "李四", null, null, null]];
  const wait = buildCollectionPlan(smallReportInput({ ledger }), "en-US");
  const line = bodyAfter(wait, rowsOf(wait, "header")[0])[0];
  expect(line.cells[8]?.v).toBe("Do not disturb the customer; wait for payment");
  const strict = buildCollectionPlan(smallReportInput({ ledger, policy: loadPolicy({ collection: { neverWaitFromClass: "overdue" } }) }), "en-US");
  const over = bodyAfter(strict, rowsOf(strict, "header")[0])[0];
  expect(over.cells[8]?.v).toBe("Special attention and collection (五.第六条), whatever the probability");
  expect(over.cells[13]?.v).toBe(
    "The promise to pay by 2024-12-20 was not kept: escalate; At 95% the tier would be “do not disturb” (六.第三条), but the customer has overdue items of 10,000.55: 五.第六/七条 call for special attention and a named collector, so the class overrides the tier; Special attention: contact the customer and get a written promise to pay",
  );
});
