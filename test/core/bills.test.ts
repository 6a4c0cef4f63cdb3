import { billStatus, discountInterest } from "../../src/core/bills";
import { fromYmd } from "../../src/core/calendar";
import { Dec } from "../../src/core/money";
import { DEFAULT_POLICY, loadPolicy } from "../../src/core/policy";
import { thrown } from "../helpers/errors";

const P = DEFAULT_POLICY;

describe("discountInterest = face × annual rate × days ÷ 360 (POLICY §9)", () => {
  it("computes a plain case: 100000 × 0.036 × 90 / 360 = 900", () => {
    expect(discountInterest(new Dec(100000), "0.036", 0, 90, P).toFixed(2)).toBe("900.00");
    expect(discountInterest(100000, "3.6%", 0, 90, P).toFixed(2)).toBe("900.00");
    expect(discountInterest("100,000.00", 0.036, 0, 90, P).toFixed(2)).toBe("900.00");
  });

  it("counts calendar days across a leap February: 2024-01-15 -> 2024-04-15 is 16 + 29 + 31 + 15 = 91 days", () => {
    // 1000000 × 0.035 × 91 / 360 = 8847.2222… -> 8847.22
    expect(discountInterest(new Dec(1_000_000), "0.035", fromYmd(2024, 1, 15), fromYmd(2024, 4, 15), P).toFixed(2)).toBe("8847.22");
  });

  it("rounds half-up once: 3600 × 0.0345 × 1 / 360 = 0.345 -> 0.35", () => {
    expect(discountInterest(new Dec(3600), "0.0345", 10, 11, P).toFixed(2)).toBe("0.35");
  });

  it("handles a 10^11 yuan face value exactly", () => {
    // 100000000000 × 0.03 × 180 / 360 = 1500000000
    expect(discountInterest(new Dec("100000000000"), "0.03", 0, 180, P).toFixed(2)).toBe("1500000000.00");
    // 100000000000.01 × 0.03 × 180 / 360 = 1500000000.00015 -> 1500000000.00
    expect(discountInterest(new Dec("100000000000.01"), "0.03", 0, 180, P).toFixed(2)).toBe("1500000000.00");
  });

  it("uses the policy's day basis", () => {
    const basis365 = loadPolicy({ bills: { discountDayBasis: 365 } });
    expect(discountInterest(new Dec(36500), "0.1", 0, 10, basis365).toFixed(2)).toBe("100.00"); // 36500 × 0.1 × 10 / 365
  });

  it("gives 0 for a zero face value or a zero rate", () => {
    expect(discountInterest(0, "0.03", 0, 30, P).toFixed(2)).toBe("0.00");
    expect(discountInterest(new Dec(5000), 0, 0, 30, P).toFixed(2)).toBe("0.00");
  });

  it("refuses to discount on or after maturity (#NUM!)", () => {
    const maturity = fromYmd(2024, 6, 30);
    for (const discountDate of [maturity, maturity + 1]) {
      const e = thrown(() => discountInterest(new Dec(1000), "0.03", discountDate, maturity, P));
      expect(e).toMatchObject({ id: "bills.discount-after-maturity", excel: "#NUM!" });
      expect(e.text["zh-CN"]).toContain("贴现日必须早于到期日");
    }
  });

  it("rejects a negative face value or rate (#NUM!), a rate above 100% (#NUM!) and unreadable input (#VALUE!)", () => {
    expect(thrown(() => discountInterest(new Dec(-1), "0.03", 0, 30, P))).toMatchObject({ id: "bills.amount", excel: "#NUM!" });
    expect(thrown(() => discountInterest(new Dec(1000), "-0.03", 0, 30, P))).toMatchObject({ id: "bills.rate", excel: "#NUM!" });
    expect(thrown(() => discountInterest(new Dec(1000), 3.6, 0, 30, P))).toMatchObject({ id: "bills.rate", excel: "#NUM!" });
    expect(thrown(() => discountInterest(new Dec(1000), "cheap", 0, 30, P))).toMatchObject({ id: "bills.rate", excel: "#VALUE!" });
    expect(thrown(() => discountInterest("", "0.03", 0, 30, P))).toMatchObject({ id: "bills.amount", excel: "#VALUE!" });
    expect(thrown(() => discountInterest(new Dec(1000), "0.03", 0.5, 30, P))).toMatchObject({ id: "bills.date", field: "discountDate" });
  });
});

describe("billStatus", () => {
  const maturity = fromYmd(2024, 3, 1);

  it("says how far a bill is from maturity, in days", () => {
    expect(billStatus(maturity, fromYmd(2024, 2, 28))).toEqual({ status: "not-due", days: 2 }); // 2024 is a leap year
    expect(billStatus(maturity, maturity)).toEqual({ status: "due-today", days: 0 });
    expect(billStatus(maturity, fromYmd(2024, 3, 11))).toEqual({ status: "past-maturity", days: 10 });
  });

  it("rejects dates that are not day numbers", () => {
    expect(thrown(() => billStatus(Number.NaN, maturity))).toMatchObject({ id: "bills.date", field: "maturity" });
  });
});
