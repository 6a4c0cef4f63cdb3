import { fromYmd } from "../../src/core/calendar";
import { Dec } from "../../src/core/money";
import { DEFAULT_POLICY, loadPolicy } from "../../src/core/policy";
import { conditionsInText, lateFilingCompensation, recoveryReward, taxFilingDeadline, writeOffEligibility } from "../../src/core/writeoff";
import { thrown } from "../helpers/errors";

const P = DEFAULT_POLICY;
const d = fromYmd;

describe("004 七.第一条 5 逾期3年以上: 以上 includes exactly 3 years (Civil Code art. 1259), counted from the due date", () => {
  // [due date, as of, eligible?]: the anniversary is addMonths(due, 36), a leap day's on Feb 28.
  const cases: [string, number, number, boolean][] = [
    ["due 2008-08-31, on the 3rd anniversary", d(2008, 8, 31), d(2011, 8, 31), true],
    ["due 2008-08-31, the day before", d(2008, 8, 31), d(2011, 8, 30), false],
    ["due 2008-02-29 (leap day), on 2011-02-28", d(2008, 2, 29), d(2011, 2, 28), true],
    ["due 2008-02-29, on 2011-02-27", d(2008, 2, 29), d(2011, 2, 27), false],
    ["due 2008-02-28, on 2011-02-28", d(2008, 2, 28), d(2011, 2, 28), true],
    ["due 2010-06-30, on 2013-06-30", d(2010, 6, 30), d(2013, 6, 30), true],
    ["due 2010-06-30, on 2013-06-29", d(2010, 6, 30), d(2013, 6, 29), false],
  ];
  it.each(cases)("%s → eligible %s", (_name, dueDate, asOf, eligible) => {
    expect(writeOffEligibility({ dueDate, asOf }, P).eligible).toBe(eligible);
  });

  it("labels the reason 逾期3年以上 (含3年) and says from when it applies", () => {
    const r = writeOffEligibility({ dueDate: d(2008, 8, 31), asOf: d(2011, 8, 31) }, P);
    expect(r).toEqual({
      eligible: true,
      reasons: [{ key: "overdue", label: { "zh-CN": "逾期3年以上仍未收回（含3年）", "en-US": "Overdue 3 years or more (3 years included)" } }],
      overdueSince: d(2008, 9, 1),
      overdueRuleFrom: d(2011, 8, 31),
    });
  });

  it("reads 超过3年 instead when the company sets writeOff.atOverdueYears to not-eligible", () => {
    const strict = loadPolicy({ writeOff: { atOverdueYears: "not-eligible" } });
    expect(writeOffEligibility({ dueDate: d(2008, 8, 31), asOf: d(2011, 8, 31) }, strict).eligible).toBe(false);
    const next = writeOffEligibility({ dueDate: d(2008, 8, 31), asOf: d(2011, 9, 1) }, strict);
    expect(next.eligible).toBe(true);
    expect(next.reasons[0].label["zh-CN"]).toBe("逾期超过3年仍未收回");
  });

  it("takes the number of years from the policy (2 years: due 2020-01-15 eligible on 2022-01-15)", () => {
    const two = loadPolicy({ writeOff: { overdueYears: 2 } });
    const r = writeOffEligibility({ dueDate: d(2020, 1, 15), asOf: d(2022, 1, 15) }, two);
    expect(r.eligible).toBe(true);
    expect(r.reasons[0].label["en-US"]).toBe("Overdue 2 years or more (2 years included)");
    expect(writeOffEligibility({ dueDate: d(2020, 1, 15), asOf: d(2022, 1, 14) }, two).eligible).toBe(false);
  });

  it("reports no overdueSince before or on the due date", () => {
    const dueDate = d(2024, 5, 31);
    expect(writeOffEligibility({ dueDate, asOf: dueDate }, P).overdueSince).toBeUndefined();
    expect(writeOffEligibility({ dueDate, asOf: dueDate - 10 }, P)).toMatchObject({ eligible: false, reasons: [] });
  });

  it("rejects dates that are not day numbers", () => {
    expect(thrown(() => writeOffEligibility({ dueDate: 1.5, asOf: 0 }, P))).toMatchObject({ id: "writeoff.date", field: "dueDate" });
    expect(thrown(() => writeOffEligibility({ dueDate: 0, asOf: "2024-01-01" as unknown as number }, P))).toMatchObject({ id: "writeoff.date", field: "asOf" });
  });
});

describe("004 七.第一条 1–4: a condition is stated in full, never guessed from a word", () => {
  const recent = { dueDate: d(2024, 1, 1), asOf: d(2024, 6, 30) };
  const keysFor = (statusText: string): string[] => writeOffEligibility({ ...recent, statusText }, P).reasons.map((r) => r.key);
  const cases: [string, string[]][] = [
    // 1. 宣告破产、撤销 and remaining assets insufficient, both
    ["进入破产程序", []], // bad at once (五.第三条 1) but no ground for a write-off
    ["债务人已被法院宣告破产", []], // no word on the remaining assets
    ["债务人被法院宣告破产，剩余财产不足清偿", ["bankrupt-deregistered"]],
    ["公司已被依法撤销，剩余财产确实不足清偿", ["bankrupt-deregistered"]],
    ["营业执照已注销，无财产可供清偿", ["bankrupt-deregistered"]],
    ["已撤销起诉", []], // 撤销 of a lawsuit, not of the debtor
    ["债务人未破产，正在协商", []],
    // 2. dead or missing and the estate cannot pay
    ["法定代表人失踪", []],
    ["债务人死亡，遗产不足清偿", ["dead-missing"]],
    // 3. a major disaster or accident and the debtor cannot pay
    ["对方司机发生交通事故", []],
    ["债务人遭受重大自然灾害，确实无法清偿", ["disaster-accident"]],
    // 4. a court ruled it cannot be paid
    ["经法院判决确实无法清偿", ["court-ruling"]],
    ["经法院裁定无财产可供执行", ["court-ruling"]],
    ["Court ruled: the debtor is unable to pay", ["court-ruling"]],
    ["ＣＯＵＲＴ ＲＵＬＥＤ: debtor cannot pay", ["court-ruling"]], // full-width, any case
    // several, in policy order
    ["经法院裁决无法清偿；债务人被宣告破产，剩余财产不足", ["bankrupt-deregistered", "court-ruling"]],
    ["客户承诺月底付款", []],
    ["", []],
  ];
  it.each(cases)("%s → %j", (text, keys) => {
    expect(keysFor(text)).toEqual(keys);
  });

  it("puts the overdue rule after the stated conditions", () => {
    const r = writeOffEligibility({ dueDate: d(2015, 1, 1), asOf: d(2024, 1, 1), statusText: "经法院判决确实无法清偿" }, P);
    expect(r.reasons.map((x) => x.key)).toEqual(["court-ruling", "overdue"]);
  });

  it("conditionsInText reads a list with the policy's negation words", () => {
    expect(conditionsInText("not declared bankrupt; assets cannot pay", P.writeOff.conditions, P)).toEqual([]);
    expect(conditionsInText("declared bankrupt; remaining assets cannot pay", P.writeOff.conditions, P).map((c) => c.key)).toEqual(["bankrupt-deregistered"]);
    expect(conditionsInText(undefined, P.writeOff.conditions, P)).toEqual([]);
  });
});

describe("taxFilingDeadline (004 七.第五条: 最迟不得超过第二年后45日)", () => {
  it("is 45 days after the end of the year the loss was recognised (2011-06-30 -> 2012-02-14)", () => {
    expect(taxFilingDeadline(d(2011, 6, 30), P)).toBe(d(2012, 2, 14));
    expect(taxFilingDeadline(d(2011, 1, 1), P)).toBe(d(2012, 2, 14));
    expect(taxFilingDeadline(d(2011, 12, 31), P)).toBe(d(2012, 2, 14));
    expect(taxFilingDeadline(d(2012, 1, 1), P)).toBe(d(2013, 2, 14));
    expect(taxFilingDeadline(d(2011, 6, 30), loadPolicy({ writeOff: { taxFilingDaysAfterYearEnd: 0 } }))).toBe(d(2011, 12, 31));
  });
});

describe("004 七.第五条 赔偿金额 = 应收账款损失 × 33% × 赔偿比率", () => {
  const half = loadPolicy({ writeOff: { compensationRatio: "0.5" } });

  it("has 33% as the default and no ratio: the text leaves it blank, so nothing is computed", () => {
    expect(P.writeOff.incomeTaxRate).toBe("0.33");
    expect(P.writeOff.compensationRatio).toBeNull();
    expect(thrown(() => lateFilingCompensation(new Dec(100000), P))).toMatchObject({ id: "policy.unset", field: "writeOff.compensationRatio", excel: "#N/A" });
  });

  // loss × 0.33 × 0.5 = loss × 0.165, rounded half-up once
  const cases: [string, string][] = [
    ["100000", "16500.00"],
    ["1234.57", "203.70"], // 203.70405
    ["0.04", "0.01"], // 0.0066
    ["10.02", "1.65"], // 1.6533; rounding 10.02 × 0.33 = 3.3066 to 3.31 first would give 1.66 (1.655)
    ["100000000000", "16500000000.00"],
    ["0", "0.00"],
  ];
  it.each(cases)("with a ratio of 50%%: %s → %s", (loss, expected) => {
    expect(lateFilingCompensation(loss, half).toFixed(2)).toBe(expected);
  });

  it("uses the rate and ratio the company sets (25%, 100%: 1,000 → 250.00)", () => {
    const p = loadPolicy({ writeOff: { incomeTaxRate: "0.25", compensationRatio: "1" } });
    expect(lateFilingCompensation(new Dec(1000), p).toFixed(2)).toBe("250.00");
  });

  it("rejects a negative or missing loss", () => {
    expect(thrown(() => lateFilingCompensation(new Dec(-1), half))).toMatchObject({ id: "writeoff.amount", excel: "#NUM!", field: "loss" });
    expect(thrown(() => lateFilingCompensation("", half))).toMatchObject({ id: "writeoff.amount", excel: "#VALUE!" });
  });
});

describe("004 七.第六条 the reward on a recovery after write-off (根据回收额的_%给予奖励)", () => {
  it("is blank in the text: no reward is computed until the company sets the rate", () => {
    expect(P.writeOff.recoveryRewardRate).toBeNull();
    expect(thrown(() => recoveryReward(10000, P))).toMatchObject({ id: "policy.unset", field: "writeOff.recoveryRewardRate" });
  });

  const fivePercent = loadPolicy({ writeOff: { recoveryRewardRate: "0.05" } });
  const cases: [string, string][] = [
    ["10000", "500.00"],
    ["12345.67", "617.28"], // 617.2835
    ["0.1", "0.01"], // 0.005
    ["0", "0.00"],
    ["90.96万", "45480.00"], // 909,600 × 5%
  ];
  it.each(cases)("at 5%%: %s → %s", (recovered, expected) => {
    expect(recoveryReward(recovered, fivePercent).toFixed(2)).toBe(expected);
  });

  it("rejects a negative recovery", () => {
    expect(thrown(() => recoveryReward(-100, fivePercent))).toMatchObject({ id: "writeoff.amount", excel: "#NUM!", field: "recovered" });
  });
});
