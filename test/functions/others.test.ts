import {
  amountInWordsFn,
  agingBandFn,
  collectionActionFn,
  discountInterestFn,
  dueDateFn,
  taxFilingDeadlineFn,
  writeOffEligibleFn,
} from "../../src/functions/functions";
import { col, errorIn, one } from "./excel";
import { serial } from "../helpers/serial-dates";

const asOf = serial(2011, 8, 31);

describe("AR.AGING_BAND", () => {
  test("bands counted in calendar months from the date arisen (POLICY §3)", () => {
    const out = agingBandFn(col(serial(2011, 1, 1), serial(2010, 8, 31), serial(2010, 8, 30), serial(2008, 8, 31), serial(2008, 8, 30), 0), [[asOf]]);
    // Each band includes its upper anniversary: exactly 36 months old is still 2–3 years.
    expect(out).toEqual([["1年以内（含1年）"], ["1年以内（含1年）"], ["1至2年（含2年）"], ["2至3年（含3年）"], ["3年以上"], [""]]);
  });
  test("English labels and custom bands", () => {
    expect(one(agingBandFn([[serial(2009, 1, 1)]], [[asOf]], undefined, "en-US"))).toMatch(/2.3 years/);
    expect(one(agingBandFn([[serial(2011, 6, 1)]], [[asOf]], [["半年内", 6], ["半年以上", null]]))).toBe("半年内");
  });
});

describe("AR.COLLECTION_ACTION (POLICY §6)", () => {
  test("tiers at their edges", () => {
    const out = collectionActionFn(col(1, 0.9, "85%", 0.7, 0.6999, 0.5, 0.4999, 0, null));
    expect(out.map((r) => r[0])).toEqual([
      "一般不打扰客户，等待客户主动付款",
      "一般不打扰客户，等待客户主动付款",
      "措辞委婉地催收，尽量取得客户对催收的理解",
      "措辞委婉地催收，尽量取得客户对催收的理解",
      "频繁地信件催款、电话催询及人员上门催收",
      "措辞严厉，必要时提请有关部门仲裁或提请诉讼", // 0.5: 004 六.第三条 4 50%以下 includes 50%
      "措辞严厉，必要时提请有关部门仲裁或提请诉讼",
      "措辞严厉，必要时提请有关部门仲裁或提请诉讼",
      "",
    ]);
  });
  test("English", () => {
    expect(one(collectionActionFn([[0.75]], "en"))).toBe("Gentle, tactful reminders; seek the customer's understanding");
  });
  test("a percentage typed with %: Excel's 85% arrives as 0.85; the text \"85%\" and \"１００％\" read too", () => {
    const out = collectionActionFn(col(0.85, "85%", "100%", "１００％", "0%", "0.5"), "en-US");
    expect(out.map((r) => r[0])).toEqual([
      "Gentle, tactful reminders; seek the customer's understanding",
      "Gentle, tactful reminders; seek the customer's understanding",
      "Do not disturb the customer; wait for payment",
      "Do not disturb the customer; wait for payment",
      "Stern wording; arbitration or a lawsuit where needed",
      // "0.5" is 50%: 004 六.第三条 回收可能性在50%以下 includes 50% (Civil Code art. 1259), the legal tier.
      "Stern wording; arbitration or a lawsuit where needed",
    ]);
  });
  test.each([[1.5], [85], [101], ["85"], ["1.5"], [-0.1], ["150%"], ["-5%"], ["高"]])(
    "%p is neither a fraction in [0, 1] nor a percentage with %: #VALUE! saying to write 85%% or 0.85",
    (p) => {
      const e = errorIn(one(collectionActionFn([[p]], "en-US")));
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toContain("write 85% or 0.85");
      expect(e.message).toContain("请写作 85% 或 0.85");
    },
  );
});

describe("AR.WRITE_OFF_ELIGIBLE (POLICY §8)", () => {
  test("004 七.第一条 5 逾期3年以上 includes 3 years: eligible on the third anniversary, not the day before", () => {
    const due = [[serial(2008, 8, 31)]];
    expect(writeOffEligibleFn(due, col(serial(2011, 8, 30), serial(2011, 8, 31)))).toEqual([[false], [true]]);
  });
  test("a write-off condition in the status, whatever the age", () => {
    expect(one(writeOffEligibleFn([[asOf]], [[asOf]], [["法院裁定无法清偿"]]))).toBe(true);
    expect(one(writeOffEligibleFn([[asOf]], [[asOf]], [["进入破产程序"]]))).toBe(false);
    expect(one(writeOffEligibleFn([[0]], [[asOf]]))).toBe("");
  });
});

describe("AR.DISCOUNT_INTEREST (POLICY §9)", () => {
  test("face × rate × days ÷ 360: 100,000 × 4.5% × 183 ÷ 360 = 2,287.50", () => {
    // 2011-06-01 → 2011-12-01 is 183 days.
    expect(one(discountInterestFn([[100000]], [[serial(2011, 6, 1)]], [[serial(2011, 12, 1)]], [["4.5%"]]))).toBe(2287.5);
  });
  test("rounded half-up once: 1,000 × 5% × 1 ÷ 360 = 0.13888… → 0.14", () => {
    expect(one(discountInterestFn([[1000]], [[serial(2011, 6, 1)]], [[serial(2011, 6, 2)]], [[0.05]]))).toBe(0.14);
  });
  test("discounting on the maturity date is #NUM!", () => {
    expect(errorIn(one(discountInterestFn([[1000]], [[asOf]], [[asOf]], [[0.05]]))).code).toBe("#NUM!");
  });
});

describe("AR.AMOUNT_IN_WORDS", () => {
  test("the bank's spelling", () => {
    expect(amountInWordsFn(col(909600, "90.96万", 100.05, 0.5, 10, null))).toEqual([
      ["玖拾万玖仟陆佰元整"],
      ["玖拾万玖仟陆佰元整"],
      ["壹佰元零伍分"],
      ["伍角"],
      ["壹拾元整"],
      [""],
    ]);
  });
});

describe("AR.DUE_DATE and AR.TAX_FILING_DEADLINE", () => {
  test("date arisen + credit days, the policy's 30 when blank; a serial back", () => {
    expect(dueDateFn(col(serial(2011, 1, 31), serial(2011, 1, 31)), col(null, 45))).toEqual([[serial(2011, 3, 2)], [serial(2011, 3, 17)]]);
  });
  test("45 days after the year end: a loss recognised 2011-06-30 is declared by 2012-02-14", () => {
    expect(one(taxFilingDeadlineFn([["2011-06-30"]]))).toBe(serial(2012, 2, 14));
  });
});
