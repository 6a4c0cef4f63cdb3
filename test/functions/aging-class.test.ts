import { agingClassFn, daysPastDueFn } from "../../src/functions/functions";
import { col, errorIn, one, thrown } from "./excel";
import { serial } from "../helpers/serial-dates";

const asOf = serial(2011, 8, 31);
const dueDaysBefore = (d: number) => asOf - d;

describe("AR.AGING_CLASS", () => {
  // POLICY §2: d <= 20 normal (d = 20 is in no class in the text; we say normal), 21..90 overdue,
  // 91..360 stale, >= 361 bad.
  test.each([
    [-5, "正常"],
    [0, "正常"],
    [20, "正常"],
    [21, "逾期"],
    [90, "逾期"],
    [91, "呆滞"],
    [360, "呆滞"],
    [361, "呆账"],
  ])("%i days past due is %s", (d, label) => {
    expect(one(agingClassFn([[dueDaysBefore(d)]], [[asOf]]))).toBe(label);
  });

  test("English labels on request", () => {
    expect(one(agingClassFn([[dueDaysBefore(21)]], [[asOf]], undefined, undefined, "en-US"))).toBe("Overdue");
    expect(one(agingClassFn([[dueDaysBefore(400)]], [[asOf]], null as never, null as never, "English"))).toBe("Bad debt");
  });

  test("a direct-to-bad status makes a current item bad; a negated one does not", () => {
    expect(one(agingClassFn([[asOf]], [[asOf]], [["债务人已进入破产程序"]]))).toBe("呆账");
    expect(one(agingClassFn([[asOf]], [[asOf]], [["明示拒绝还款"]]))).toBe("呆账");
    expect(one(agingClassFn([[asOf]], [[asOf]], [["未破产"]]))).toBe("正常");
  });

  test("dates as text in the spellings ledgers use", () => {
    expect(one(agingClassFn([["2011-08-11"]], [["2011年8月31日"]]))).toBe("正常"); // 20 days
    expect(one(agingClassFn([["2011/8/10"]], [["20110831"]]))).toBe("逾期"); // 21 days
  });

  test("a range spills a result of the same shape; as_of broadcasts", () => {
    const out = agingClassFn(col(dueDaysBefore(10), dueDaysBefore(50), dueDaysBefore(200), dueDaysBefore(500)), [[asOf]]);
    expect(out).toEqual([["正常"], ["逾期"], ["呆滞"], ["呆账"]]);
  });

  test("blank rows (0 on desktop, null on the web) give empty results, not 1899 dates or errors", () => {
    const out = agingClassFn(col(0, null, "", dueDaysBefore(30)), [[asOf]]);
    expect(out).toEqual([[""], [""], [""], ["逾期"]]);
  });

  test("a bad date is an error in its own cell only, naming the argument", () => {
    const out = agingClassFn(col(dueDaysBefore(30), "2011-02-30", "next week", "#N/A"), [[asOf]]);
    expect(out[0]).toEqual(["逾期"]);
    const e1 = errorIn(out[1][0]);
    expect(e1.code).toBe("#VALUE!");
    expect(e1.message).toContain("due_date");
    expect(e1.message).toContain("2011-02-30");
    expect(errorIn(out[2][0]).message).toContain("next week");
    expect(errorIn(out[3][0]).code).toBe("#N/A"); // an error value is passed on, not a blank result
  });

  test("Excel's phantom 1900-02-29 is rejected, not taken for a real day", () => {
    expect(errorIn(one(agingClassFn([[60]], [[asOf]]))).message).toMatch(/1900-02-29/);
  });

  test("thresholds from a policy range (the policy sheet's rows) or as three day counts", () => {
    const d25 = [[dueDaysBefore(25)]];
    expect(one(agingClassFn(d25, [[asOf]]))).toBe("逾期");
    expect(one(agingClassFn(d25, [[asOf]], null as never, [[30], [60], [180]]))).toBe("正常");
    expect(one(agingClassFn(d25, [[asOf]], null as never, [[30, 60, 180]]))).toBe("正常");
    expect(one(agingClassFn(d25, [[asOf]], null as never, [["agingClass.normalMaxDays", 30], [0, 0], [null, null]]))).toBe("正常");
  });

  test("thresholds out of order fail the call with a message naming the field", () => {
    const e = thrown(() => agingClassFn([[asOf]], [[asOf]], null as never, [[90], [20], [360]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("thresholds");
    expect(e.message).toContain("agingClass");
  });

  test("ranges of different sizes fail the call", () => {
    const e = thrown(() => agingClassFn(col(asOf, asOf), col(asOf, asOf, asOf)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("as_of is 3×1 but due_date is 2×1");
  });

  test("an unknown language fails the call", () => {
    expect(thrown(() => agingClassFn([[asOf]], [[asOf]], undefined, undefined, "fr")).message).toContain("language");
  });
});

describe("AR.DAYS_PAST_DUE", () => {
  test("as_of − due_date, negative while not due, blanks empty", () => {
    expect(daysPastDueFn(col(serial(2011, 8, 1), serial(2011, 9, 30), 0), [[asOf]])).toEqual([[30], [-30], [""]]);
  });
  test("across a leap day: 2012-02-28 to 2012-03-01 is 2 days", () => {
    expect(one(daysPastDueFn([["2012-02-28"]], [["2012-03-01"]]))).toBe(2);
  });
});
