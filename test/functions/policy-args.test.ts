/**
 * Issue 16.6: the workbook's policy reaches every function that applies a policy figure. The
 * functions run without a shared runtime, so they cannot read the policy sheet themselves: each
 * takes it as an optional last argument, the policy sheet's rows as Excel hands them over
 * (header, key, value and the third "source" column included). Expected values are worked by hand.
 */
import {
  collectionActionFn,
  discountInterestFn,
  dueDateFn,
  taxFilingDeadlineFn,
  writeOffEligibleFn,
} from "../../src/functions/functions";
import { DEFAULT_POLICY } from "../../src/core/policy/defaults";
import { policySheetRows } from "../../src/core/policy/notes";
import { stringsFor } from "../../src/i18n";
import { col, errorIn, one, thrown } from "./excel";
import { serial } from "../helpers/serial-dates";

/** The policy sheet as a range A1:C…, header first, with some keys' values changed. */
function policySheet(changes: Record<string, string | number>): unknown[][] {
  const rows = policySheetRows(DEFAULT_POLICY, "zh-CN").map((r) => [...r]);
  for (const [key, value] of Object.entries(changes)) {
    const row = rows.find((r) => r[0] === key);
    if (row === undefined) throw new Error(`no policy key ${key}`);
    row[1] = String(value);
  }
  return [[...stringsFor("zh-CN").output.policyHeader], ...rows];
}

describe("AR.DUE_DATE: a blank credit term is the policy's default (README; 004 四 and POLICY §2)", () => {
  const jan31 = serial(2011, 1, 31);
  test("blank, a desktop blank (0) and no argument give date arisen + 30: 2011-01-31 → 2011-03-02", () => {
    // 31 Jan + 28 days = 28 Feb; + 2 more = 2 Mar (2011 is not a leap year).
    expect(dueDateFn(col(jan31, jan31, jan31), col(null, 0, ""))).toEqual([[serial(2011, 3, 2)], [serial(2011, 3, 2)], [serial(2011, 3, 2)]]);
    expect(one(dueDateFn([[jan31]]))).toBe(serial(2011, 3, 2));
  });
  test('the text "0" is zero days (货到付款), in half- or full-width digits', () => {
    expect(dueDateFn(col(jan31, jan31), col("0", "０"))).toEqual([[jan31], [jan31]]);
  });
  test("a number of days is added as given: 45 → 2011-03-17", () => {
    expect(one(dueDateFn([[jan31]], [[45]]))).toBe(serial(2011, 3, 17));
    expect(one(dueDateFn([[jan31]], [["45"]]))).toBe(serial(2011, 3, 17));
  });
  test("the policy's own default term: defaultCreditDays 60 → 2011-04-01 for a blank, 45 still 2011-03-17", () => {
    // 31 Jan + 59 days = 31 Mar; + 60 = 1 Apr.
    const policy = policySheet({ defaultCreditDays: 60 });
    expect(dueDateFn(col(jan31, jan31, jan31), col(null, 0, 45), policy)).toEqual([[serial(2011, 4, 1)], [serial(2011, 4, 1)], [serial(2011, 3, 17)]]);
  });
  test("a term as the ledger reader reads it (the same cell copied from the ledger): 30天, net 30, 货到付款, 月结60天, 次月结, 3个月", () => {
    // 30天 and net 30: 31 Jan + 30 = 2 Mar. 货到付款: no credit, the date itself.
    expect(dueDateFn(col(jan31, jan31, jan31), col("30天", "net 30", "货到付款"))).toEqual([[serial(2011, 3, 2)], [serial(2011, 3, 2)], [jan31]]);
    // 月结60天 counts from the end of the month arisen: 2011-03-05 → 03-31 + 60 = 05-30.
    // 次月结 is the end of the month after: 2011-03-05 → 04-30.
    const mar5 = serial(2011, 3, 5);
    expect(dueDateFn(col(mar5, mar5), col("月结60天", "次月结"))).toEqual([[serial(2011, 5, 30)], [serial(2011, 4, 30)]]);
    // 1个月 from 31 Jan: February has no 31st, so its last day (Civil Code art. 202); 3个月 → 30 Apr.
    expect(dueDateFn(col(jan31, jan31), col("1个月", "三个月"))).toEqual([[serial(2011, 2, 28)], [serial(2011, 4, 30)]]);
  });
  test("days that are not a count are an error naming the value, never a guess", () => {
    for (const bad of ["-5", "abc", "2.5", -5, "30天或60天", "月底"]) {
      const e = errorIn(one(dueDateFn([[jan31]], [[bad]])));
      expect(e.message).toContain(String(bad));
    }
  });
});

describe("AR.WRITE_OFF_ELIGIBLE with the workbook's policy (004 七.第一条 5: 逾期3年以上)", () => {
  const asOf = serial(2011, 8, 31);
  test("writeOff.overdueYears 2: due 2009-08-31 is eligible on 2011-08-31 (以上 includes the number); the defaults say no", () => {
    const due = serial(2009, 8, 31);
    expect(one(writeOffEligibleFn([[due]], [[asOf]]))).toBe(false);
    expect(one(writeOffEligibleFn([[due]], [[asOf]], undefined, policySheet({ "writeOff.overdueYears": 2 })))).toBe(true);
  });
  test("writeOff.atOverdueYears not-eligible: exactly 3 years is not yet, the day after is", () => {
    const policy = policySheet({ "writeOff.atOverdueYears": "not-eligible" });
    expect(one(writeOffEligibleFn([[serial(2008, 8, 31)]], [[asOf]]))).toBe(true);
    expect(one(writeOffEligibleFn([[serial(2008, 8, 31)]], [[asOf]], undefined, policy))).toBe(false);
    expect(one(writeOffEligibleFn([[serial(2008, 8, 30)]], [[asOf]], undefined, policy))).toBe(true);
  });
});

describe("AR.COLLECTION_ACTION with the workbook's policy (004 六.第三条)", () => {
  test("50% is the legal tier by default (50%以下 includes 50%); a company that puts it in the firm tier gets that", () => {
    const policy = policySheet({ "collectionTiers.3.atMinProbability": "included" });
    expect(one(collectionActionFn([[0.5]], "zh-CN"))).toBe("措辞严厉，必要时提请有关部门仲裁或提请诉讼");
    expect(one(collectionActionFn([[0.5]], "zh-CN", policy))).toBe("频繁地信件催款、电话催询及人员上门催收");
  });
  test("a tier's edge moved: gentle from 80% on, so 75% is firm", () => {
    const policy = policySheet({ "collectionTiers.2.minProbability": "0.80" });
    expect(one(collectionActionFn([[0.75]], "en-US"))).toBe("Gentle, tactful reminders; seek the customer's understanding");
    expect(one(collectionActionFn([[0.75]], "en-US", policy))).toBe("Frequent letters, calls and visits");
  });
});

describe("AR.TAX_FILING_DEADLINE and AR.DISCOUNT_INTEREST with the workbook's policy", () => {
  test("writeOff.taxFilingDaysAfterYearEnd 30: a loss of 2011-06-30 is declared by 2012-01-30 (default 45: 2012-02-14)", () => {
    const loss = serial(2011, 6, 30);
    expect(one(taxFilingDeadlineFn([[loss]]))).toBe(serial(2012, 2, 14));
    expect(one(taxFilingDeadlineFn([[loss]], policySheet({ "writeOff.taxFilingDaysAfterYearEnd": 30 })))).toBe(serial(2012, 1, 30));
  });
  test("bills.discountDayBasis 365: 100,000 × 4.5% × 183 ÷ 365 = 2,256.16 (÷ 360: 2,287.50)", () => {
    // 1 Jun → 1 Dec 2011: 30 + 31 + 31 + 30 + 31 + 30 = 183 days; 823,500 ÷ 365 = 2,256.164… → 2,256.16.
    const args: [unknown[][], unknown[][], unknown[][], unknown[][]] = [[[100000]], [[serial(2011, 6, 1)]], [[serial(2011, 12, 1)]], [["4.5%"]]];
    expect(one(discountInterestFn(...args))).toBe(2287.5);
    expect(one(discountInterestFn(...args, policySheet({ "bills.discountDayBasis": 365 })))).toBe(2256.16);
  });
});

describe("the policy argument takes the policy sheet's rows only, and says so", () => {
  test("a short table is refused with what to pass instead (#VALUE!)", () => {
    // The whole call fails, as AGING_CLASS's thresholds do: no cell could use that policy.
    const e = thrown(() => taxFilingDeadlineFn([[serial(2011, 6, 30)]], [[30]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/policy must be the policy sheet's rows/);
  });
  test("a policy sheet with a bad value names the key", () => {
    const e = thrown(() => writeOffEligibleFn([[serial(2008, 8, 31)]], [[serial(2011, 8, 31)]], undefined, policySheet({ "writeOff.overdueYears": "三" })));
    expect(e.message).toMatch(/writeOff\.overdueYears\): expected a number, got "三"/);
  });
  test("an empty range (a named range over blank cells, desktop's zeros) is the defaults", () => {
    expect(one(taxFilingDeadlineFn([[serial(2011, 6, 30)]], [[0, 0], [null, null]]))).toBe(serial(2012, 2, 14));
  });
});
