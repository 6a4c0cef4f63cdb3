import fc from "fast-check";
import type Decimal from "decimal.js";
import { classify } from "../../src/core/aging";
import { fromYmd } from "../../src/core/calendar";
import { Dec } from "../../src/core/money";
import { formatFen } from "../../src/core/fen";
import { DEFAULT_POLICY } from "../../src/core/policy/defaults";
import type { AgingBand, Policy } from "../../src/core/policy/types";
import {
  bandRate,
  itemProvision,
  plainRateProvisionFen,
  type ItemProvisionInput,
  provisionSchedule,
  type ScheduleFigures,
  type ScheduleItem,
} from "../../src/core/provision";

const d = fromYmd;
const bi = (zh: string, en: string) => ({ "zh-CN": zh, "en-US": en });
const yuan = (s: string | number) => new Dec(s);

const SIX_BANDS: AgingBand[] = [
  { key: "y0-1", label: bi("1年以内", "Within 1 year"), upToMonths: 12 },
  { key: "y1-2", label: bi("1-2年", "1–2 years"), upToMonths: 24 },
  { key: "y2-3", label: bi("2-3年", "2–3 years"), upToMonths: 36 },
  { key: "y3-4", label: bi("3-4年", "3–4 years"), upToMonths: 48 },
  { key: "y4-5", label: bi("4-5年", "4–5 years"), upToMonths: 60 },
  { key: "y5+", label: bi("5年以上", "Over 5 years"), upToMonths: null },
];

/** A local fixture, so these tests do not move when the product defaults do. */
const SIX: Pick<Policy, "provision"> = {
  provision: {
    method: "aging",
    balanceRate: "0.05",
    bands: SIX_BANDS,
    rates: [
      { bandKey: "y0-1", rate: "0.05" },
      { bandKey: "y1-2", rate: "0.10" },
      { bandKey: "y2-3", rate: "0.30" },
      { bandKey: "y3-4", rate: "0.50" },
      { bandKey: "y4-5", rate: "0.80" },
      { bandKey: "y5+", rate: "1.00" },
    ],
  },
};

const ONE: Pick<Policy, "provision"> = {
  provision: {
    method: "aging",
    balanceRate: "0.05",
    bands: [{ key: "all", label: bi("全部", "All"), upToMonths: null }],
    rates: [{ bandKey: "all", rate: "0.03" }],
  },
};

const DIRECT: Pick<Policy, "provision"> = { provision: { ...SIX.provision, method: "direct-write-off" } };

const AS_OF = d(2010, 12, 31);

function input(balance: string | number, dateArisen: number, extra: Partial<ItemProvisionInput> = {}): ItemProvisionInput {
  return { balance: yuan(balance), dateArisen, asOf: AS_OF, ...extra };
}

describe("itemProvision (POLICY §4)", () => {
  it("balance × the band rate, rounded half-up once", () => {
    // 1000.10 × 5% = 50.005 → 50.01
    const p = itemProvision(input("1000.10", d(2010, 6, 30)), SIX);
    expect(p).toEqual({ amount: yuan("50.01"), basis: "aging-rate", rate: "0.05", bandKey: "y0-1" });
    expect(p.amount.toFixed(2)).toBe("50.01");
    // 0.10 × 5% = 0.005 → 0.01; 0.09 × 5% = 0.0045 → 0.00
    expect(itemProvision(input("0.10", d(2010, 6, 30)), SIX).amount.toFixed(2)).toBe("0.01");
    expect(itemProvision(input("0.09", d(2010, 6, 30)), SIX).amount.toFixed(2)).toBe("0.00");
    // 2–3 years: 12,345.67 × 30% = 3,703.701 → 3,703.70
    expect(itemProvision(input("12345.67", d(2008, 1, 1)), SIX)).toMatchObject({ bandKey: "y2-3", rate: "0.30" });
    expect(itemProvision(input("12345.67", d(2008, 1, 1)), SIX).amount.toFixed(2)).toBe("3703.70");
  });

  it("uses the right band at 12/24/36 months", () => {
    const a = d(2008, 12, 31);
    const at = (asOf: number) => itemProvision({ balance: yuan(100), dateArisen: a, asOf }, SIX);
    expect(at(d(2009, 12, 31))).toMatchObject({ bandKey: "y0-1", amount: yuan(5) });
    expect(at(d(2010, 1, 1))).toMatchObject({ bandKey: "y1-2", amount: yuan(10) });
    expect(at(d(2010, 12, 31))).toMatchObject({ bandKey: "y1-2" });
    expect(at(d(2011, 1, 1))).toMatchObject({ bandKey: "y2-3", amount: yuan(30) });
    expect(at(d(2012, 1, 1))).toMatchObject({ bandKey: "y3-4", amount: yuan(50) });
  });

  it("10^11 yuan", () => {
    // 100,000,000,000 × 5% = 5,000,000,000.00
    expect(itemProvision(input("100000000000", d(2010, 6, 30)), SIX).amount.toFixed(2)).toBe("5000000000.00");
    // 100,000,000,000.01 × 30% = 30,000,000,000.003 → 30,000,000,000.00
    expect(itemProvision(input("100000000000.01", d(2008, 1, 1)), SIX).amount.toFixed(2)).toBe("30000000000.00");
  });

  it("a one-band table", () => {
    // 333.33 × 3% = 9.9999 → 10.00
    expect(itemProvision(input("333.33", d(1999, 1, 1)), ONE)).toEqual({
      amount: yuan("10.00"),
      basis: "aging-rate",
      rate: "0.03",
      bandKey: "all",
    });
  });

  it("0 and negative balances get none", () => {
    expect(itemProvision(input(0, d(2010, 6, 30)), SIX)).toEqual({ amount: yuan(0), basis: "none-non-positive", bandKey: "y0-1" });
    const advance = itemProvision(input("-5000.00", d(2005, 6, 30)), SIX);
    expect(advance).toEqual({ amount: yuan(0), basis: "none-non-positive", bandKey: "y5+" });
  });

  it("direct write-off method (policy 004): none", () => {
    expect(itemProvision(input("5000", d(2005, 1, 1), { condition: DEFAULT_POLICY.directToBad[0] }), DIRECT)).toEqual({
      amount: yuan(0),
      basis: "none-direct-write-off",
      bandKey: "y5+",
    });
  });

  it("a specific provision: balance − expected recovery, floored at 0", () => {
    // 1,000.00 − 300.00 = 700.00
    expect(itemProvision(input("1000", d(2010, 6, 30), { expectedRecovery: yuan(300) }), SIX)).toEqual({
      amount: yuan("700.00"),
      basis: "specific",
      bandKey: "y0-1",
    });
    // recovery above balance: max(0, 1,000 − 1,200) = 0
    expect(itemProvision(input("1000", d(2010, 6, 30), { expectedRecovery: yuan(1200) }), SIX).amount.isZero()).toBe(true);
    // recovery 0 = nothing comes back: 100%
    expect(itemProvision(input("1000", d(2010, 6, 30), { expectedRecovery: yuan(0) }), SIX).amount.toFixed(2)).toBe("1000.00");
    // rounded once: 1,000.005 − 0.001 = 1,000.004 → 1,000.00
    expect(itemProvision(input("1000.005", d(2010, 6, 30), { expectedRecovery: yuan("0.001") }), SIX).amount.toFixed(2)).toBe("1000.00");
  });

  it("refuses a negative expected recovery", () => {
    expect(() => itemProvision(input("1000", d(2010, 6, 30), { expectedRecovery: yuan(-1) }), SIX)).toThrow(
      expect.objectContaining({ id: "provision.recovery-negative" }),
    );
  });

  it("a direct-to-bad condition: 100%; bad by days alone keeps the band rate (issue: 100% where a condition holds)", () => {
    const condition = DEFAULT_POLICY.directToBad[0];
    expect(itemProvision(input("1234.56", d(2010, 6, 30), { condition }), SIX)).toEqual({
      amount: yuan("1234.56"),
      basis: "full-bad",
      rate: "1",
      bandKey: "y0-1",
    });
    // Arisen 2008-06-30, as-of 2010-12-31: over 360 days past due (bad by days), 2–3 years old → 30%:
    // 1,234.56 × 0.30 = 370.368 → 370.37.
    expect(itemProvision(input("1234.56", d(2008, 6, 30)), SIX)).toEqual({ amount: yuan("370.37"), basis: "aging-rate", rate: "0.30", bandKey: "y2-3" });
  });

  it("plan 000, 成都军通: 91.66万 with 15万 expected back → specific 76.66万", () => {
    // Arisen in 2007 (the plan: "2007年...分包"), so over 3 years and bad by days as well;
    // the expected recovery decides: 916,600.00 − 150,000.00 = 766,600.00. The plan's "76万" rounds this.
    const asOf = d(2010, 12, 31);
    const arisen = d(2007, 6, 30);
    const cls = classify(arisen + DEFAULT_POLICY.defaultCreditDays, asOf, null, DEFAULT_POLICY);
    expect(cls.agingClass).toBe("bad");
    const p = itemProvision(
      { balance: yuan(916600), dateArisen: arisen, asOf, expectedRecovery: yuan(150000) },
      DEFAULT_POLICY,
    );
    expect(p.basis).toBe("specific");
    expect(p.amount.toFixed(2)).toBe("766600.00");
  });

  it("plan 000, 成都千嘉: 1.59万, the debtor refused to pay → full provision 15,900.00", () => {
    const asOf = d(2010, 12, 31);
    const arisen = d(2009, 3, 1);
    const cls = classify(arisen + DEFAULT_POLICY.defaultCreditDays, asOf, "经多次协商后,对方拒绝支付", DEFAULT_POLICY);
    expect(cls.condition?.key).toBe("refuses-to-pay");
    const p = itemProvision(
      { balance: yuan(15900), dateArisen: arisen, asOf, condition: cls.condition },
      DEFAULT_POLICY,
    );
    expect(p).toMatchObject({ basis: "full-bad", rate: "1" });
    expect(p.amount.toFixed(2)).toBe("15900.00");
  });

  it("errors: arisen after as-of, missing or malformed rate", () => {
    expect(() => itemProvision(input("1", AS_OF + 1), SIX)).toThrow(expect.objectContaining({ id: "aging.arisen-after-as-of" }));
    const missing: Pick<Policy, "provision"> = { provision: { ...SIX.provision, rates: SIX.provision.rates.slice(1) } };
    expect(() => itemProvision(input("1", d(2010, 6, 30)), missing)).toThrow(expect.objectContaining({ id: "provision.rate-missing" }));
    const malformed: Pick<Policy, "provision"> = {
      provision: { ...SIX.provision, rates: [{ bandKey: "y0-1", rate: "five" }, ...SIX.provision.rates.slice(1)] },
    };
    expect(() => itemProvision(input("1", d(2010, 6, 30)), malformed)).toThrow(expect.objectContaining({ id: "provision.rate-invalid" }));
    expect(() => bandRate("y0-1", { provision: { ...SIX.provision, rates: [{ bandKey: "y0-1", rate: "1.5" }] } })).toThrow(
      expect.objectContaining({ id: "provision.rate-invalid" }),
    );
  });
});

// ---------------------------------------------------------------------------------------------

const FIELDS: (keyof Omit<ScheduleFigures, "itemCount">)[] = [
  "balance",
  "balanceAtRate",
  "requiredAtRate",
  "requiredSpecific",
  "required",
  "existing",
  "charge",
];

function expectTotalsAreSums(schedule: ReturnType<typeof provisionSchedule>): void {
  for (const field of FIELDS) {
    const sum = schedule.lines.reduce((acc: Decimal, line) => acc.plus(line[field]), yuan(0));
    expect(schedule.totals[field].toFixed(2)).toBe(sum.toFixed(2));
    expect(schedule.totals[field].equals(sum)).toBe(true);
  }
  expect(schedule.totals.itemCount).toBe(schedule.lines.reduce((n, l) => n + l.itemCount, 0));
  for (const line of schedule.lines) {
    expect(line.required.equals(line.requiredAtRate.plus(line.requiredSpecific))).toBe(true);
    expect(line.charge.equals(line.required.minus(line.existing))).toBe(true);
  }
  const specificSum = schedule.specific.reduce((acc: Decimal, l) => acc.plus(l.provision), yuan(0));
  expect(schedule.specificTotal.provision.equals(specificSum)).toBe(true);
  expect(schedule.specificTotal.provision.equals(schedule.totals.requiredSpecific)).toBe(true);
}

function scheduleItem(p: ReturnType<typeof itemProvision>, balance: string | number, ref?: string): ScheduleItem {
  const item: ScheduleItem = { bandKey: p.bandKey, balance: yuan(balance), provision: p.amount, basis: p.basis };
  if (ref !== undefined) item.ref = ref;
  return item;
}

describe("provisionSchedule", () => {
  it("plan 000's long-aged table: 94.61万 1–2 years, 13.44万 2–3 years, 90.96万 over 3 years", () => {
    const asOf = d(2010, 12, 31);
    const items = [
      [946100, d(2009, 6, 30)], // 1–2 years × 10% = 94,610.00
      [134400, d(2008, 6, 30)], // 2–3 years × 30% = 40,320.00
      [909600, d(2007, 6, 30)], // 3–4 years × 50% = 454,800.00
    ].map(([balance, arisen]) => scheduleItem(itemProvision({ balance: yuan(balance), dateArisen: arisen, asOf }, SIX), balance));
    const existing = new Map([
      ["y1-2", yuan("90000.00")],
      ["y3-4", yuan("500000.00")],
    ]);
    const s = provisionSchedule(items, existing, SIX);
    expect(s.lines.map((l) => l.bandKey)).toEqual(["y0-1", "y1-2", "y2-3", "y3-4", "y4-5", "y5+"]);
    const byKey = Object.fromEntries(s.lines.map((l) => [l.bandKey, l]));
    expect(byKey["y1-2"].required.toFixed(2)).toBe("94610.00");
    expect(byKey["y1-2"].charge.toFixed(2)).toBe("4610.00"); // 94,610 − 90,000
    expect(byKey["y2-3"].required.toFixed(2)).toBe("40320.00");
    expect(byKey["y3-4"].required.toFixed(2)).toBe("454800.00");
    expect(byKey["y3-4"].charge.toFixed(2)).toBe("-45200.00"); // a reversal: 454,800 − 500,000
    expect(byKey["y0-1"]).toMatchObject({ itemCount: 0, rate: "0.05" });
    expect(byKey["y0-1"].required.isZero()).toBe(true);
    // 946,100 + 134,400 + 909,600 = 1,990,100 (199.01万)
    expect(s.totals.balance.toFixed(2)).toBe("1990100.00");
    // 94,610 + 40,320 + 454,800 = 589,730
    expect(s.totals.required.toFixed(2)).toBe("589730.00");
    // 589,730 − 590,000 = −270
    expect(s.totals.charge.toFixed(2)).toBe("-270.00");
    expect(s.specific).toEqual([]);
    expectTotalsAreSums(s);
  });

  it("lists specific provisions separately and counts them in their band", () => {
    const asOf = d(2010, 12, 31);
    const junTong = itemProvision(
      { balance: yuan(916600), dateArisen: d(2007, 6, 30), asOf, expectedRecovery: yuan(150000) },
      SIX,
    );
    const qianJia = itemProvision({ balance: yuan(15900), dateArisen: d(2009, 3, 1), asOf, condition: DEFAULT_POLICY.directToBad[1] }, SIX);
    const ordinary = itemProvision({ balance: yuan("2000.00"), dateArisen: d(2007, 5, 1), asOf }, SIX);
    const advance = itemProvision({ balance: yuan("-300.00"), dateArisen: d(2010, 5, 1), asOf }, SIX);
    const s = provisionSchedule(
      [
        scheduleItem(junTong, 916600, "成都军通"),
        scheduleItem(qianJia, 15900, "成都千嘉"),
        scheduleItem(ordinary, "2000.00"),
        scheduleItem(advance, "-300.00"),
      ],
      null,
      SIX,
    );
    expect(s.specific.map((l) => [l.ref, l.basis, l.provision.toFixed(2)])).toEqual([
      ["成都军通", "specific", "766600.00"],
      ["成都千嘉", "full-bad", "15900.00"],
    ]);
    // 766,600 + 15,900 = 782,500
    expect(s.specificTotal.provision.toFixed(2)).toBe("782500.00");
    expect(s.specificTotal.balance.toFixed(2)).toBe("932500.00");
    const y34 = s.lines.find((l) => l.bandKey === "y3-4")!;
    // 军通 (specific 766,600) + ordinary 2,000 × 50% = 1,000 → 767,600
    expect(y34.requiredSpecific.toFixed(2)).toBe("766600.00");
    expect(y34.requiredAtRate.toFixed(2)).toBe("1000.00");
    expect(y34.required.toFixed(2)).toBe("767600.00");
    expect(y34.balance.toFixed(2)).toBe("918600.00");
    const y01 = s.lines.find((l) => l.bandKey === "y0-1")!;
    expect(y01.balance.toFixed(2)).toBe("-300.00"); // the advance counts in the band's balance
    expect(y01.required.isZero()).toBe(true);
    expect(s.totals.required.toFixed(2)).toBe("783500.00");
    expect(s.totals.existing.isZero()).toBe(true);
    expectTotalsAreSums(s);
  });

  it("direct write-off: nothing required, an existing allowance is reversed", () => {
    const p = itemProvision({ balance: yuan(5000), dateArisen: d(2005, 1, 1), asOf: AS_OF }, DIRECT);
    const s = provisionSchedule([scheduleItem(p, 5000)], new Map([["y5+", yuan("100.00")]]), DIRECT);
    expect(s.method).toBe("direct-write-off");
    expect(s.totals.required.isZero()).toBe(true);
    expect(s.totals.charge.toFixed(2)).toBe("-100.00");
    expectTotalsAreSums(s);
  });

  it("refuses bands the policy lacks", () => {
    const item: ScheduleItem = { bandKey: "nope", balance: yuan(1), provision: yuan(0), basis: "aging-rate" };
    expect(() => provisionSchedule([item], null, SIX)).toThrow(expect.objectContaining({ id: "provision.unknown-band" }));
    expect(() => provisionSchedule([], new Map([["nope", yuan(1)]]), SIX)).toThrow(
      expect.objectContaining({ id: "provision.unknown-band" }),
    );
  });

  it("every total equals the sum of its lines to the fen, for random ledgers", () => {
    const asOf = d(2012, 6, 30);
    const row = fc.record({
      fen: fc.integer({ min: -1e9, max: 1e12 }),
      age: fc.integer({ min: 0, max: 3000 }),
      recovery: fc.option(fc.integer({ min: 0, max: 1e12 })),
      bad: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 60 }),
        fc.dictionary(fc.constantFrom(...SIX_BANDS.map((b) => b.key)), fc.integer({ min: 0, max: 1e12 })),
        (rows, existingFen) => {
          const items = rows.map((r) => {
            const balance = yuan(r.fen).div(100);
            const p = itemProvision(
              {
                balance,
                dateArisen: asOf - r.age,
                asOf,
                expectedRecovery: r.recovery === null ? null : yuan(r.recovery).div(100),
                condition: r.bad ? DEFAULT_POLICY.directToBad[0] : null,
              },
              SIX,
            );
            expect(p.amount.decimalPlaces()).toBeLessThanOrEqual(2);
            expect(p.amount.isNegative()).toBe(false);
            return { bandKey: p.bandKey, balance, provision: p.amount, basis: p.basis };
          });
          const existing = new Map(Object.entries(existingFen).map(([k, v]) => [k, yuan(v).div(100)]));
          const s = provisionSchedule(items, existing, SIX);
          expectTotalsAreSums(s);
          const itemSum = items.reduce((acc: Decimal, i) => acc.plus(i.provision), yuan(0));
          expect(s.totals.required.equals(itemSum)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("plainRateProvisionFen", () => {
  it("gives itemProvision's amount in fen for plain rows, NaN where it does not apply", () => {
    const asOf = d(2011, 8, 31);
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e13 }), fc.integer({ min: 0, max: 4000 }), (fen, age) => {
        const balance = fen / 100;
        const fast = plainRateProvisionFen(balance, asOf - age, asOf, DEFAULT_POLICY);
        const ref = itemProvision({ balance: yuan(fen).div(100), dateArisen: asOf - age, asOf }, DEFAULT_POLICY);
        if (fen <= 0) expect(fast).toBeNaN();
        else expect(formatFen(fast)).toBe(ref.amount.toFixed(2));
      }),
      { numRuns: 400 },
    );
    expect(plainRateProvisionFen(0.001, asOf, asOf, DEFAULT_POLICY)).toBeNaN(); // not fen-exact
  });
});
