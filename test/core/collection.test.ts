import Decimal from "decimal.js";
import { collectionTier, parseProbability } from "../../src/core/collection";
import { DEFAULT_POLICY, loadPolicy } from "../../src/core/policy";
import { thrown } from "../helpers/errors";

const P = DEFAULT_POLICY;

describe("collectionTier (004 六.第三条: 90%以上 and 50%以下 include the number, Civil Code art. 1259; 70% in the gentle tier by the stated choice)", () => {
  // ≥ 90% wait; [70%, 90%) gentle; (50%, 70%) firm; ≤ 50% legal.
  const cases: [unknown, string][] = [
    [1, "wait"], // 1 = 100%
    [0.9, "wait"],
    ["90%", "wait"],
    [90, "wait"],
    [0.8999, "gentle"],
    [0.7, "gentle"],
    [0.1 * 7, "gentle"], // 0.7000000000000001 in doubles: read at Excel's 15 digits, 0.7
    ["70", "gentle"],
    ["７０％", "gentle"], // full-width
    [new Decimal("0.7"), "gentle"],
    [0.6999, "firm"],
    [0.5001, "firm"],
    [0.5, "legal"], // 50%以下 includes 50%
    ["50.00%", "legal"],
    [new Decimal("0.50"), "legal"],
    [0.4999, "legal"],
    ["49.99%", "legal"],
    [0, "legal"],
    ["0%", "legal"],
    [100, "wait"],
    ["100%", "wait"],
    ["85", "gentle"], // numbers above 1 are percentages
  ];

  it.each(cases)("%p -> %s", (probability, approach) => {
    expect(collectionTier(probability, P).approach).toBe(approach);
  });

  it("returns the tier with its bilingual label", () => {
    const tier = collectionTier(0.95, P);
    expect(tier).toBe(P.collectionTiers[0]);
    expect(tier.label["zh-CN"]).toContain("等待客户主动付款");
    expect(tier.label["en-US"]).toContain("wait for payment");
  });

  it("rejects probabilities outside 0–100% with #NUM!", () => {
    for (const p of [-0.1, -5, 100.5, "101%", "-5%", Infinity, new Decimal(-1)]) {
      expect(thrown(() => collectionTier(p, P))).toMatchObject({ id: "collection.probability", excel: "#NUM!", field: "probability" });
    }
  });

  it("rejects what is not a probability with #VALUE!", () => {
    for (const p of ["high", "", null, undefined, NaN, true, "#N/A", "0.5.1", {}]) {
      expect(thrown(() => collectionTier(p, P))).toMatchObject({ id: "collection.probability", excel: "#VALUE!" });
    }
  });

  it("follows the policy's tiers", () => {
    const twoTiers = loadPolicy({
      collectionTiers: [
        { minProbability: "0.6", atMinProbability: "included", approach: "gentle", label: { "zh-CN": "提醒", "en-US": "Remind" } },
        { minProbability: "0", atMinProbability: "included", approach: "legal", label: { "zh-CN": "起诉", "en-US": "Sue" } },
      ],
    });
    expect(collectionTier(0.6, twoTiers).approach).toBe("gentle");
    expect(collectionTier(0.95, twoTiers).approach).toBe("gentle");
    expect(collectionTier(0.5999, twoTiers).approach).toBe("legal");
  });

  it("puts 70% in the firm tier when the company sets the gentle tier to exclude it", () => {
    const p = loadPolicy({ collectionTiers: DEFAULT_POLICY.collectionTiers.map((t, i) => (i === 1 ? { ...t, atMinProbability: "excluded" } : t)) });
    expect(collectionTier(0.7, p).approach).toBe("firm");
    expect(collectionTier(0.7001, p).approach).toBe("gentle");
  });
});

describe("parseProbability", () => {
  it("gives an exact fraction", () => {
    expect(parseProbability("85%").toFixed()).toBe("0.85");
    expect(parseProbability(85).toFixed()).toBe("0.85");
    expect(parseProbability(0.85).toFixed()).toBe("0.85");
    expect(parseProbability("12.5 %").toFixed()).toBe("0.125");
    expect(parseProbability(1).toFixed()).toBe("1");
    expect(parseProbability("1%").toFixed()).toBe("0.01");
  });
});

describe('parseProbability, read "fraction-or-percent" (AR.COLLECTION_ACTION)', () => {
  it("takes a fraction in [0, 1] or a percentage with %", () => {
    for (const [input, fraction] of [
      [0.85, "0.85"],
      ["0.85", "0.85"],
      ["85%", "0.85"],
      ["８５％", "0.85"],
      [1, "1"],
      ["100%", "1"],
      [0, "0"],
    ] as const) {
      expect(parseProbability(input, "fraction-or-percent").toFixed()).toBe(fraction);
    }
  });

  it.each([[1.5], [85], [101], ["85"], ["1.5"], [-0.1], ["150%"], ["-5%"], ["x"], [Infinity]])("refuses %p with #VALUE!, saying to write 85%% or 0.85", (input) => {
    const e = thrown(() => parseProbability(input, "fraction-or-percent"));
    expect(e).toMatchObject({ id: "collection.probability", excel: "#VALUE!", field: "probability" });
    expect(e.text["en-US"]).toContain("write 85% or 0.85");
    expect(e.text["zh-CN"]).toContain("请写作 85% 或 0.85");
  });

  it("leaves the lenient reading of a ledger's column as it was: 85 is 85%", () => {
    expect(parseProbability(85).toFixed()).toBe("0.85");
    expect(collectionTier(1.5, P).approach).toBe("legal"); // 1.5% by the lenient reading
  });
});
