import { fromYmd } from "../../src/core/calendar";
import { ArError } from "../../src/core/errors";
import { Dec } from "../../src/core/money";
import { DEFAULT_POLICY, loadPolicy } from "../../src/core/policy";
import { conditionsInText, lateFilingCompensation, recoveryReward, taxFilingDeadline, writeOffEligibility } from "../../src/core/writeoff";

const P = DEFAULT_POLICY;

function thrown(fn: () => unknown): ArError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ArError) return e;
    throw e;
  }
  throw new Error("expected an ArError");
}

describe("writeOffEligibility: overdue more than 3 years (POLICY §8)", () => {
  it("is not eligible on the 3-year anniversary of the due date, eligible the day after", () => {
    const dueDate = fromYmd(2010, 6, 30);
    const onAnniversary = writeOffEligibility({ dueDate, asOf: fromYmd(2013, 6, 30) }, P);
    expect(onAnniversary).toEqual({ eligible: false, reasons: [], overdueSince: fromYmd(2010, 7, 1), overdueRuleFrom: fromYmd(2013, 7, 1) });
    const dayAfter = writeOffEligibility({ dueDate, asOf: fromYmd(2013, 7, 1) }, P);
    expect(dayAfter.eligible).toBe(true);
    expect(dayAfter.reasons).toEqual([{ key: "overdue", label: { "zh-CN": "逾期3年以上仍未收回", "en-US": "Overdue more than 3 years" } }]);
  });

  it("counts a leap-day due date's anniversary as Feb 28 (due 2008-02-29)", () => {
    // addMonths(2008-02-29, 36) = 2011-02-28 (clamped); strictly after it: 2011-03-01.
    const dueDate = fromYmd(2008, 2, 29);
    expect(writeOffEligibility({ dueDate, asOf: fromYmd(2011, 2, 28) }, P).eligible).toBe(false);
    const r = writeOffEligibility({ dueDate, asOf: fromYmd(2011, 3, 1) }, P);
    expect(r.eligible).toBe(true);
    expect(r.overdueRuleFrom).toBe(fromYmd(2011, 3, 1));
    expect(r.overdueSince).toBe(fromYmd(2008, 3, 1));
    // Due 2008-02-28: anniversary 2011-02-28 too, so the same first eligible day.
    expect(writeOffEligibility({ dueDate: fromYmd(2008, 2, 28), asOf: fromYmd(2011, 3, 1) }, P).eligible).toBe(true);
  });

  it("reports no overdueSince before or on the due date", () => {
    const dueDate = fromYmd(2024, 5, 31);
    expect(writeOffEligibility({ dueDate, asOf: dueDate }, P).overdueSince).toBeUndefined();
    expect(writeOffEligibility({ dueDate, asOf: dueDate - 10 }, P)).toMatchObject({ eligible: false, reasons: [] });
  });

  it("takes the number of years from the policy", () => {
    const twoYears = loadPolicy({ writeOff: { overdueYears: 2 } });
    const r = writeOffEligibility({ dueDate: fromYmd(2020, 1, 15), asOf: fromYmd(2022, 1, 16) }, twoYears);
    expect(r.reasons[0].label["en-US"]).toBe("Overdue more than 2 years");
    expect(writeOffEligibility({ dueDate: fromYmd(2020, 1, 15), asOf: fromYmd(2022, 1, 15) }, twoYears).eligible).toBe(false);
  });

  it("rejects dates that are not day numbers", () => {
    expect(thrown(() => writeOffEligibility({ dueDate: 1.5, asOf: 0 }, P))).toMatchObject({ id: "writeoff.date", field: "dueDate" });
    expect(thrown(() => writeOffEligibility({ dueDate: 0, asOf: "2024-01-01" as unknown as number }, P))).toMatchObject({ id: "writeoff.date", field: "asOf" });
  });
});

describe("writeOffEligibility: status conditions", () => {
  const recent = { dueDate: fromYmd(2024, 1, 1), asOf: fromYmd(2024, 6, 30) };
  const keysFor = (statusText: string): string[] => writeOffEligibility({ ...recent, statusText }, P).reasons.map((r) => r.key);

  it("finds each condition from its keywords, whatever the age", () => {
    expect(keysFor("债务人已被法院宣告破产")).toEqual(["bankrupt-deregistered"]);
    expect(keysFor("营业执照已注销")).toEqual(["bankrupt-deregistered"]);
    expect(keysFor("法定代表人失踪")).toEqual(["dead-missing"]);
    expect(keysFor("Debtor deceased in 2023")).toEqual(["dead-missing"]);
    expect(keysFor("厂房遭受自然灾害")).toEqual(["disaster-accident"]);
    expect(keysFor("Flood DISASTERS in the region")).toEqual(["disaster-accident"]); // case-insensitive
    expect(keysFor("ＢＡＮＫＲＵＰＴ")).toEqual(["bankrupt-deregistered"]); // full-width
    expect(keysFor("经法院裁定无财产可供执行")).toEqual(["court-ruling"]);
    expect(keysFor("Court ruled: no assets")).toEqual(["court-ruling"]);
    expect(writeOffEligibility({ ...recent, statusText: "Bankruptcy filed" }, P)).toMatchObject({ eligible: true });
  });

  it("lists several reasons in policy order, the overdue rule last", () => {
    const r = writeOffEligibility({ dueDate: fromYmd(2015, 1, 1), asOf: fromYmd(2024, 1, 1), statusText: "法院裁决无法清偿；债务人破产" }, P);
    expect(r.reasons.map((x) => x.key)).toEqual(["bankrupt-deregistered", "court-ruling", "overdue"]);
  });

  it("finds nothing in an ordinary note, a blank one, or a negated keyword (matching shared with aging.ts)", () => {
    expect(keysFor("客户承诺月底付款")).toEqual([]);
    expect(keysFor("")).toEqual([]);
    expect(writeOffEligibility({ ...recent, statusText: undefined }, P).eligible).toBe(false);
    expect(conditionsInText("债务人未破产，正在协商", P.writeOff.conditions)).toEqual([]);
    expect(conditionsInText("not bankrupt", P.writeOff.conditions)).toEqual([]);
  });
});

describe("taxFilingDeadline", () => {
  it("is 45 days after the end of the year the loss was recognised (2011-06-30 -> 2012-02-14)", () => {
    expect(taxFilingDeadline(fromYmd(2011, 6, 30), P)).toBe(fromYmd(2012, 2, 14));
    expect(taxFilingDeadline(fromYmd(2011, 1, 1), P)).toBe(fromYmd(2012, 2, 14));
    expect(taxFilingDeadline(fromYmd(2011, 12, 31), P)).toBe(fromYmd(2012, 2, 14));
    expect(taxFilingDeadline(fromYmd(2012, 1, 1), P)).toBe(fromYmd(2013, 2, 14));
    expect(taxFilingDeadline(fromYmd(2011, 6, 30), loadPolicy({ writeOff: { taxFilingDaysAfterYearEnd: 0 } }))).toBe(fromYmd(2011, 12, 31));
  });
});

describe("lateFilingCompensation = loss × 25% × 0.5, rounded half-up once", () => {
  it("computes the product defaults", () => {
    expect(lateFilingCompensation(new Dec(100000), P).toFixed(2)).toBe("12500.00"); // 100000 × 0.125
    expect(lateFilingCompensation("1234.57", P).toFixed(2)).toBe("154.32"); // 154.32125
    expect(lateFilingCompensation(new Dec("0.04"), P).toFixed(2)).toBe("0.01"); // 0.005 -> 0.01 (half-up)
  });

  it("rounds once, at the end: 10.02 × 0.25 × 0.5 = 1.2525 -> 1.25 (rounding 2.505 first would give 1.26)", () => {
    expect(lateFilingCompensation(new Dec("10.02"), P).toFixed(2)).toBe("1.25");
  });

  it("handles 10^11 yuan and the 2008 rate when a company sets it", () => {
    expect(lateFilingCompensation(new Dec("100000000000"), P).toFixed(2)).toBe("12500000000.00");
    const old = loadPolicy({ writeOff: { incomeTaxRate: "0.33", compensationRatio: "1" } });
    expect(lateFilingCompensation(new Dec(1000), old).toFixed(2)).toBe("330.00");
  });

  it("gives 0 for 0 and rejects a negative or missing loss", () => {
    expect(lateFilingCompensation(0, P).toFixed(2)).toBe("0.00");
    expect(thrown(() => lateFilingCompensation(new Dec(-1), P))).toMatchObject({ id: "writeoff.amount", excel: "#NUM!", field: "loss" });
    expect(thrown(() => lateFilingCompensation("", P))).toMatchObject({ id: "writeoff.amount", excel: "#VALUE!" });
  });
});

describe("recoveryReward = recovered × 5%, rounded half-up", () => {
  it("computes the product default", () => {
    expect(recoveryReward(new Dec(10000), P).toFixed(2)).toBe("500.00");
    expect(recoveryReward("12345.67", P).toFixed(2)).toBe("617.28"); // 617.2835
    expect(recoveryReward(new Dec("0.1"), P).toFixed(2)).toBe("0.01"); // 0.005 -> 0.01
    expect(recoveryReward(0, P).toFixed(2)).toBe("0.00");
    expect(recoveryReward("90.96万", P).toFixed(2)).toBe("45480.00"); // 909600 × 0.05
  });

  it("rejects a negative recovery", () => {
    expect(thrown(() => recoveryReward(-100, P))).toMatchObject({ id: "writeoff.amount", excel: "#NUM!", field: "recovered" });
  });
});
