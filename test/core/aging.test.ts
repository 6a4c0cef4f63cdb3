import {
  agingBand,
  agingBandOf,
  agingClass,
  bandCutoffs,
  bandFromCutoffs,
  classify,
  daysPastDue,
  directToBadCondition,
  dueDate,
} from "../../src/core/aging";
import { addMonths, fromYmd } from "../../src/core/calendar";
import type { AgingBand, AgingClassThresholds, Policy, StatusCondition } from "../../src/core/policy/types";

const d = fromYmd;
const bi = (zh: string, en: string) => ({ "zh-CN": zh, "en-US": en });

const THRESHOLDS: AgingClassThresholds = { normalMaxDays: 20, overdueMaxDays: 90, staleMaxDays: 360, atNormalMaxDays: "normal", atOverdueMaxDays: "overdue", atStaleMaxDays: "stale" };

const condition = (key: string, phrases: string[], keyWords: string[] = []): StatusCondition => ({ key, label: bi(key, key), article: "", phrases: [phrases], keyWords, negations: [] });
const BANKRUPT = condition("bankrupt", ["已破产", "破产程序", "in bankruptcy"], ["破产", "bankrupt"]);
const REFUSES = condition("refuses-to-pay", ["拒绝支付", "拒付", "refuses to pay"], ["拒绝"]);
const DETERIORATED = condition("deteriorated", ["经营急剧恶化", "no prospect"], ["恶化"]);

const POLICY: Pick<Policy, "defaultCreditDays" | "agingClass" | "directToBad" | "statusNegations"> = {
  defaultCreditDays: 30,
  agingClass: THRESHOLDS,
  directToBad: [BANKRUPT, REFUSES, DETERIORATED],
  statusNegations: ["未", "尚未", "非", "无", "没有", "不是", "not", "no", "non", "never"],
};

const REPORT_BANDS: AgingBand[] = [
  { key: "y0-1", label: bi("1年以内", "Within 1 year"), upToMonths: 12 },
  { key: "y1-2", label: bi("1-2年", "1–2 years"), upToMonths: 24 },
  { key: "y2-3", label: bi("2-3年", "2–3 years"), upToMonths: 36 },
  { key: "y3+", label: bi("3年以上", "Over 3 years"), upToMonths: null },
];

const SIX_BANDS: AgingBand[] = [
  { key: "y0-1", label: bi("1年以内", "Within 1 year"), upToMonths: 12 },
  { key: "y1-2", label: bi("1-2年", "1–2 years"), upToMonths: 24 },
  { key: "y2-3", label: bi("2-3年", "2–3 years"), upToMonths: 36 },
  { key: "y3-4", label: bi("3-4年", "3–4 years"), upToMonths: 48 },
  { key: "y4-5", label: bi("4-5年", "4–5 years"), upToMonths: 60 },
  { key: "y5+", label: bi("5年以上", "Over 5 years"), upToMonths: null },
];

const MONTHLY_BANDS: AgingBand[] = [
  { key: "m0-1", label: bi("1个月内", "1 month"), upToMonths: 1 },
  { key: "m1-3", label: bi("1-3个月", "1–3 months"), upToMonths: 3 },
  { key: "m3-6", label: bi("3-6个月", "3–6 months"), upToMonths: 6 },
  { key: "m6+", label: bi("6个月以上", "Over 6 months"), upToMonths: null },
];

describe("dueDate", () => {
  it("takes the explicit due date first", () => {
    expect(dueDate(d(2011, 1, 1), 60, d(2011, 5, 1), POLICY)).toBe(d(2011, 5, 1));
  });
  it("else adds the row's credit days", () => {
    expect(dueDate(d(2011, 1, 1), 60, null, POLICY)).toBe(d(2011, 3, 2)); // 31 + 28 = 59, day 60 = Mar 2
    expect(dueDate(d(2011, 1, 1), 0, null, POLICY)).toBe(d(2011, 1, 1));
  });
  it("else the policy's default credit days", () => {
    expect(dueDate(d(2011, 1, 1), null, null, POLICY)).toBe(d(2011, 1, 31)); // + 30
  });
  it("refuses negative or fractional credit days", () => {
    expect(() => dueDate(d(2011, 1, 1), -1, null, POLICY)).toThrow(
      expect.objectContaining({ id: "aging.credit-days-invalid", excel: "#NUM!" }),
    );
    expect(() => dueDate(d(2011, 1, 1), 1.5, null, POLICY)).toThrow(expect.objectContaining({ id: "aging.credit-days-invalid" }));
  });
});

describe("daysPastDue", () => {
  it("is asOf − due, negative when not yet due", () => {
    expect(daysPastDue(d(2011, 1, 31), d(2011, 2, 20))).toBe(20);
    expect(daysPastDue(d(2011, 1, 31), d(2011, 1, 1))).toBe(-30);
    expect(daysPastDue(d(2011, 1, 31), d(2011, 1, 31))).toBe(0);
  });
});

describe("agingClass (POLICY §2)", () => {
  it.each([
    [-30, "normal"],
    [0, "normal"],
    [19, "normal"],
    [20, "normal"], // the text leaves 20 in no class; we put it in normal
    [21, "overdue"],
    [90, "overdue"],
    [91, "stale"],
    [360, "stale"],
    [361, "bad"],
    [5000, "bad"],
  ])("%d days past due is %s", (days, cls) => {
    expect(agingClass(days, THRESHOLDS)).toBe(cls);
  });

  it("follows edited thresholds", () => {
    const t = { ...THRESHOLDS, normalMaxDays: 0, overdueMaxDays: 30, staleMaxDays: 180 };
    expect(agingClass(1, t)).toBe("overdue");
    expect(agingClass(181, t)).toBe("bad");
  });

  it("refuses NaN", () => {
    expect(() => agingClass(NaN, THRESHOLDS)).toThrow(expect.objectContaining({ id: "aging.days-invalid" }));
  });
});

describe("directToBadCondition (POLICY §2): the first condition stated, in policy order", () => {
  it.each([
    ["已破产", "bankrupt"],
    ["进入破产程序", "bankrupt"],
    ["ＩＮ ＢＡＮＫＲＵＰＴＣＹ since 2010", "bankrupt"], // full-width, any case
    ["对方拒绝支付", "refuses-to-pay"], // plan 000, 成都千嘉
    ["未破产,但拒绝支付", "refuses-to-pay"],
    ["未破产,后已破产", "bankrupt"], // one occurrence negated, one not
    ["business: no prospect", "deteriorated"],
  ])("%s → %s", (text, key) => {
    expect(directToBadCondition(text, POLICY)?.key).toBe(key);
  });

  it.each(["未破产", "破产", "未进入破产程序", "not in bankruptcy", "未拒绝支付", "不是拒付", "正常", "已回款", ""])("%s → none", (text) => {
    expect(directToBadCondition(text, POLICY)).toBeNull();
  });

  it("is null for no text", () => {
    expect(directToBadCondition(null, POLICY)).toBeNull();
    expect(directToBadCondition(undefined, POLICY)).toBeNull();
  });

  it("returns the first matching condition in policy order", () => {
    expect(directToBadCondition("已破产且拒付", POLICY)).toBe(BANKRUPT);
    expect(directToBadCondition("已破产且拒付", { ...POLICY, directToBad: [REFUSES, BANKRUPT] })).toBe(REFUSES);
  });

  it("ignores empty phrases", () => {
    const blank: StatusCondition = { ...condition("blank", ["", "  "]) };
    expect(directToBadCondition("anything", { ...POLICY, directToBad: [blank] })).toBeNull();
  });
});

describe("classify", () => {
  it("classes by days", () => {
    expect(classify(d(2011, 1, 1), d(2011, 4, 2), null, POLICY)).toEqual({
      daysPastDue: 91, // Jan 31 + Feb 28 + Mar 31 + Apr 1 = 91
      agingClass: "stale",
      condition: null,
    });
  });
  it("a condition forces bad whatever the days", () => {
    const c = classify(d(2011, 1, 1), d(2011, 1, 5), "对方拒绝支付", POLICY);
    expect(c).toEqual({ daysPastDue: 4, agingClass: "bad", condition: REFUSES });
  });
});

describe("agingBand (POLICY §3)", () => {
  it("within 1 year includes the anniversary", () => {
    expect(agingBand(d(2010, 8, 31), d(2011, 8, 31), REPORT_BANDS)).toBe(0);
    expect(agingBand(d(2010, 8, 31), d(2011, 9, 1), REPORT_BANDS)).toBe(1);
    expect(agingBandOf(d(2010, 8, 31), d(2011, 9, 1), REPORT_BANDS).key).toBe("y1-2");
  });

  it("same day is within the first band", () => {
    expect(agingBand(d(2011, 1, 1), d(2011, 1, 1), REPORT_BANDS)).toBe(0);
  });

  it("edges at 12, 24, 36 months", () => {
    const a = d(2007, 6, 15);
    expect(agingBand(a, d(2008, 6, 15), REPORT_BANDS)).toBe(0);
    expect(agingBand(a, d(2008, 6, 16), REPORT_BANDS)).toBe(1);
    expect(agingBand(a, d(2009, 6, 15), REPORT_BANDS)).toBe(1);
    expect(agingBand(a, d(2009, 6, 16), REPORT_BANDS)).toBe(2);
    expect(agingBand(a, d(2010, 6, 15), REPORT_BANDS)).toBe(2);
    expect(agingBand(a, d(2010, 6, 16), REPORT_BANDS)).toBe(3);
    expect(agingBand(a, d(2030, 1, 1), REPORT_BANDS)).toBe(3);
  });

  it("leap day: 2008-02-29 + 12 months = 2009-02-28, + 48 months = 2012-02-29", () => {
    const a = d(2008, 2, 29);
    expect(agingBand(a, d(2009, 2, 28), SIX_BANDS)).toBe(0);
    expect(agingBand(a, d(2009, 3, 1), SIX_BANDS)).toBe(1);
    expect(agingBand(a, d(2010, 2, 28), SIX_BANDS)).toBe(1);
    expect(agingBand(a, d(2010, 3, 1), SIX_BANDS)).toBe(2);
    expect(agingBand(a, d(2011, 2, 28), SIX_BANDS)).toBe(2);
    expect(agingBand(a, d(2011, 3, 1), SIX_BANDS)).toBe(3);
    expect(agingBand(a, d(2012, 2, 29), SIX_BANDS)).toBe(3);
    expect(agingBand(a, d(2012, 3, 1), SIX_BANDS)).toBe(4);
    expect(agingBand(a, d(2013, 2, 28), SIX_BANDS)).toBe(4);
    expect(agingBand(a, d(2013, 3, 1), SIX_BANDS)).toBe(5);
  });

  it("leap day as of: arisen 2011-02-28 is within 1 year on 2012-02-28, not on 2012-02-29", () => {
    expect(agingBand(d(2011, 2, 28), d(2012, 2, 28), REPORT_BANDS)).toBe(0);
    expect(agingBand(d(2011, 2, 28), d(2012, 2, 29), REPORT_BANDS)).toBe(1);
    expect(agingBand(d(2011, 3, 1), d(2012, 2, 29), REPORT_BANDS)).toBe(0);
  });

  it("a one-band table", () => {
    const one: AgingBand[] = [{ key: "all", label: bi("全部", "All"), upToMonths: null }];
    expect(agingBand(d(2000, 1, 1), d(2011, 1, 1), one)).toBe(0);
  });

  it("arisen after as-of is #NUM!", () => {
    expect(() => agingBand(d(2011, 1, 2), d(2011, 1, 1), REPORT_BANDS)).toThrow(
      expect.objectContaining({ name: "ArError", id: "aging.arisen-after-as-of", excel: "#NUM!" }),
    );
  });

  it("a table without an open last band runs out", () => {
    const closed = REPORT_BANDS.slice(0, 3);
    expect(() => agingBand(d(2000, 1, 1), d(2011, 1, 1), closed)).toThrow(expect.objectContaining({ id: "aging.no-band" }));
  });

  it("refuses a band with negative or fractional months", () => {
    const bad: AgingBand[] = [{ key: "x", label: bi("x", "x"), upToMonths: 1.5 }, REPORT_BANDS[3]];
    expect(() => agingBand(d(2011, 1, 1), d(2011, 3, 1), bad)).toThrow(expect.objectContaining({ id: "aging.band-invalid" }));
  });
});

describe("bandCutoffs: the comparison form of agingBand", () => {
  const start = d(2007, 1, 1);
  const end = d(2013, 12, 31); // leap years 2008 and 2012

  it("addMonths is non-decreasing, every day, for the months the bands use", () => {
    for (const n of [1, 3, 6, 12, 24, 36, 48, 60]) {
      let prev = -Infinity;
      for (let a = start - 2000; a <= end; a++) {
        const m = addMonths(a, n);
        expect(m >= prev).toBe(true);
        prev = m;
      }
    }
  });

  it("each cutoff is exactly the earliest day within the band's limit, for every as-of day over 7 years", () => {
    for (const bands of [SIX_BANDS, MONTHLY_BANDS]) {
      for (let asOf = start; asOf <= end; asOf++) {
        const cutoffs = bandCutoffs(asOf, bands);
        bands.forEach((band, i) => {
          if (band.upToMonths === null) {
            expect(cutoffs[i]).toBe(-Infinity);
            return;
          }
          const c = cutoffs[i];
          // c is within (asOf <= addMonths(c, n)) and c − 1 is not; with monotonicity that is the whole set.
          if (!(asOf <= addMonths(c, band.upToMonths) && asOf > addMonths(c - 1, band.upToMonths))) {
            throw new Error(`cutoff ${c} wrong for as-of ${asOf}, band ${band.key}`);
          }
        });
      }
    }
  });

  it("gives agingBand's answer for every arisen day, for month-end and leap-day as-of dates", () => {
    const asOfs = [
      d(2012, 2, 29),
      d(2012, 2, 28),
      d(2012, 3, 1),
      d(2013, 2, 28),
      d(2013, 3, 1),
      d(2011, 3, 31),
      d(2011, 8, 31),
      d(2011, 9, 1),
      d(2012, 12, 31),
      d(2012, 4, 30),
      d(2012, 1, 31),
    ];
    for (const bands of [REPORT_BANDS, SIX_BANDS, MONTHLY_BANDS]) {
      for (const asOf of asOfs) {
        const cutoffs = bandCutoffs(asOf, bands);
        for (let a = d(2005, 1, 1); a <= asOf; a++) {
          const expected = agingBand(a, asOf, bands);
          const got = bandFromCutoffs(a, cutoffs);
          if (got !== expected) throw new Error(`arisen ${a} as of ${asOf}: ${got} vs ${expected}`);
        }
      }
    }
  });

  it("one month back from 2011-03-31 is not the cutoff: 2011-02-28 + 1 month = 2011-03-28", () => {
    const [c] = bandCutoffs(d(2011, 3, 31), MONTHLY_BANDS);
    expect(c).toBe(d(2011, 3, 1));
    expect(agingBand(d(2011, 2, 28), d(2011, 3, 31), MONTHLY_BANDS)).toBe(1);
    expect(agingBand(d(2011, 3, 1), d(2011, 3, 31), MONTHLY_BANDS)).toBe(0);
  });
});
