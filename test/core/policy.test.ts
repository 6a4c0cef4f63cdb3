import fc from "fast-check";
import { isExcelErrorValue } from "../../src/core/money";
import {
  DEFAULT_POLICY,
  loadPolicy,
  policyFromJson,
  policyFromTable,
  policyProblemsOf,
  policyToJson,
  policyToTable,
  validatePolicy,
  type Policy,
} from "../../src/core/policy";
import { thrown } from "../helpers/errors";

type Mutable = Record<string, any>;

/** A deep, mutable copy of the defaults, to break on purpose. */
function draft(): Mutable {
  return JSON.parse(JSON.stringify(DEFAULT_POLICY)) as Mutable;
}

describe("DEFAULT_POLICY", () => {
  it("passes its own validation", () => {
    expect(validatePolicy(DEFAULT_POLICY)).toEqual([]);
  });

  it("is deep-frozen", () => {
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.credit.items[23].answers[2])).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.directToBad[0].phrases[0])).toBe(true);
    expect(() => {
      (DEFAULT_POLICY.agingClass as Mutable).normalMaxDays = 1;
    }).toThrow(TypeError); // strict mode: a frozen object's property is read-only
  });

  it("holds POLICY.md's figures", () => {
    const p = DEFAULT_POLICY;
    // 004 五.第二条: 20 / 90 / 360; at exactly 20 the stated choice (normal), 在90天内 and 在360天内 inclusive.
    expect(p.agingClass).toEqual({ normalMaxDays: 20, overdueMaxDays: 90, staleMaxDays: 360, atNormalMaxDays: "normal", atOverdueMaxDays: "overdue", atStaleMaxDays: "stale" });
    expect(p.defaultCreditDays).toBe(30);
    expect(p.directToBad.map((c) => c.key)).toEqual(["bankrupt", "refuses-to-pay", "deteriorated", "disaster"]);
    expect(p.reportBands.map((b) => [b.label["zh-CN"], b.upToMonths])).toEqual([
      ["1年以内（含1年）", 12],
      ["1至2年（含2年）", 24],
      ["2至3年（含3年）", 36],
      ["3年以上", null],
    ]);
    expect(p.provision.method).toBe("aging");
    expect(p.provision.rates.map((r) => r.rate)).toEqual(["0.05", "0.10", "0.30", "0.50", "0.80", "1.00"]);
    expect(p.credit.items).toHaveLength(32);
    expect(p.credit.items[23]).toMatchObject({ no: 24, weight: "0.10" });
    expect(p.credit.items[23].item["zh-CN"]).toBe("此交易产生的利润");
    expect(p.credit.items[31].answers.map((a) => a["zh-CN"])).toEqual(["按时全部偿还", "部分按时偿还", "基本无法按时偿还"]);
    expect(p.credit.answerScores).toEqual([
      { min: 80, max: 100, mid: 90 },
      { min: 60, max: 80, mid: 70 },
      { min: 40, max: 60, mid: 50 },
    ]);
    expect(p.credit.dontKnowScore).toBe(60);
    expect(p.credit.grades.map((g) => [g.grade, g.minScore, g.limitFactor])).toEqual([
      ["AAA", 90, "1.0"],
      ["AA", 80, "0.8"],
      ["A", 70, "0.6"],
      ["B", 60, "0.3"],
      ["C", 0, "0"],
    ]);
    expect(p.credit.grades[0].label["en-US"]).toContain("product default");
    expect(p.credit.supplierLetter).toHaveLength(7);
    expect(p.credit.supplierLetter[0]).toMatchObject({ weight: "0.10", options: [{ score: 100 }, { score: 0 }] });
    expect(p.collectionTiers.map((t) => [t.minProbability, t.atMinProbability, t.approach])).toEqual([
      ["0.90", "included", "wait"], // 90%以上
      ["0.70", "included", "gentle"], // 70% named twice: the gentle tier, a stated choice
      ["0.50", "excluded", "firm"], // 50%以下 includes 50%: legal
      ["0", "included", "legal"],
    ]);
    expect(p.reconciliationIntervalMonths).toBe(6);
    expect(p.writeOff).toMatchObject({ overdueYears: 3, atOverdueYears: "eligible", taxFilingDaysAfterYearEnd: 45, incomeTaxRate: "0.33", compensationRatio: null, recoveryRewardRate: null });
    expect(p.performance).toEqual({ badDebtDeductionRate: "1", assetLossCompensationRatio: null });
    expect(p.bills.discountDayBasis).toBe(360);
  });

  it("has questionnaire weights that add up to exactly 100% (2+1+1+2 ... +5+5 = 100)", () => {
    const cents = DEFAULT_POLICY.credit.items.reduce((s, i) => s + Math.round(Number(i.weight) * 100), 0);
    expect(cents).toBe(100);
  });
});

describe("loadPolicy", () => {
  it("gives a fresh frozen copy of the defaults for {}", () => {
    const p = loadPolicy({});
    expect(p).toEqual(DEFAULT_POLICY);
    expect(p).not.toBe(DEFAULT_POLICY);
    expect(Object.isFrozen(p.credit.grades[0])).toBe(true);
  });

  it("merges objects key by key and replaces arrays whole", () => {
    const p = loadPolicy({
      agingClass: { normalMaxDays: 15 },
      collectionTiers: [{ minProbability: "0", atMinProbability: "included", approach: "firm", label: { "zh-CN": "催", "en-US": "Chase" } }],
      writeOff: { incomeTaxRate: "0.15" },
    });
    expect(p.agingClass).toMatchObject({ normalMaxDays: 15, overdueMaxDays: 90, staleMaxDays: 360 });
    expect(p.collectionTiers).toHaveLength(1);
    expect(p.writeOff.incomeTaxRate).toBe("0.15");
    expect(p.writeOff.overdueYears).toBe(3);
  });

  it("does not modify its input", () => {
    const input = { agingClass: { normalMaxDays: 15 } };
    loadPolicy(input);
    expect(input).toEqual({ agingClass: { normalMaxDays: 15 } });
  });

  it("rejects a non-object", () => {
    for (const bad of [null, 42, "policy", [1, 2]]) {
      expect(thrown(() => loadPolicy(bad)).id).toBe("policy.invalid");
    }
  });

  it("rejects questionnaire weights summing to 0.9999 (decimal arithmetic, not rounding)", () => {
    const p = draft();
    p.credit.items[0].weight = "0.0199"; // 1 − 0.02 + 0.0199 = 0.9999
    const e = thrown(() => loadPolicy(p));
    expect(e.id).toBe("policy.invalid");
    expect(e.field).toBe("credit.items");
    expect(e.text["en-US"]).toContain("0.9999");
    expect(e.text["zh-CN"]).toContain("0.9999");
  });

  it("rejects questionnaire weights summing to 1.0001", () => {
    const p = draft();
    p.credit.items[0].weight = "0.0201"; // 1 − 0.02 + 0.0201 = 1.0001
    expect(validatePolicy(p)).toEqual([expect.objectContaining({ path: "credit.items" })]);
    expect(validatePolicy(p)[0].en).toContain("1.0001");
  });

  it("accepts weights that sum to 1 in decimals but not in binary floating point", () => {
    // 0.1+0.2+0.3+0.1+0.1+0.1+0.1 = 1.0000000000000002 in doubles, exactly 1 in decimals.
    const p = draft();
    ["0.1", "0.2", "0.3", "0.1", "0.1", "0.1", "0.1"].forEach((w, i) => (p.credit.supplierLetter[i].weight = w));
    expect(validatePolicy(p)).toEqual([]);
  });

  it("rejects supplier letter weights that do not sum to 1", () => {
    const p = draft();
    p.credit.supplierLetter[6].weight = "0.05"; // 0.90
    expect(validatePolicy(p).map((x) => x.path)).toEqual(["credit.supplierLetter"]);
  });

  // Each case breaks one thing; the problem must name that field, in both languages.
  const cases: [string, (p: Mutable) => void, string][] = [
    ["threshold not increasing", (p) => (p.agingClass.overdueMaxDays = 20), "agingClass.overdueMaxDays"],
    ["negative threshold", (p) => (p.agingClass.normalMaxDays = -1), "agingClass.normalMaxDays"],
    ["fractional threshold", (p) => (p.agingClass.staleMaxDays = 360.5), "agingClass.staleMaxDays"],
    ["threshold as text", (p) => (p.agingClass.staleMaxDays = "360"), "agingClass.staleMaxDays"],
    ["negative days", (p) => (p.defaultCreditDays = -5), "defaultCreditDays"],
    ["overlapping bands", (p) => (p.reportBands[1].upToMonths = 12), "reportBands[1].upToMonths"],
    ["unsorted bands", (p) => (p.reportBands[0].upToMonths = 30), "reportBands[1].upToMonths"],
    ["duplicate band key", (p) => (p.reportBands[1].key = "y0-1"), "reportBands[1].key"],
    ["open band in the middle", (p) => (p.reportBands[1].upToMonths = null), "reportBands[1].upToMonths"],
    ["last band closed", (p) => (p.reportBands[3].upToMonths = 48), "reportBands[3].upToMonths"],
    ["zero-month band", (p) => (p.provision.bands[0].upToMonths = 0), "provision.bands[0].upToMonths"],
    ["band key with a dot", (p) => (p.reportBands[0].key = "y0.1"), "reportBands[0].key"],
    ["rate above 1", (p) => (p.provision.rates[0].rate = "1.5"), "provision.rates[0].rate"],
    ["negative rate", (p) => (p.provision.rates[1].rate = "-0.1"), "provision.rates[1].rate"],
    ["rate as a number", (p) => (p.provision.rates[2].rate = 0.3), "provision.rates[2].rate"],
    ["rate as a percentage", (p) => (p.provision.rates[2].rate = "30%"), "provision.rates[2].rate"],
    ["band without a rate", (p) => p.provision.rates.pop(), "provision.rates"],
    ["rate for an unknown band", (p) => (p.provision.rates[0].bandKey = "y9"), "provision.rates[0].bandKey"],
    ["unknown provision method", (p) => (p.provision.method = "percent-of-sales"), "provision.method"],
    ["weight as a number", (p) => (p.credit.items[3].weight = 0.02), "credit.items[3].weight"],
    ["item misnumbered", (p) => (p.credit.items[3].no = 7), "credit.items[3].no"],
    ["two answers alike", (p) => (p.credit.items[0].answers[2]["zh-CN"] = "较好"), "credit.items[0].answers[2].zh-CN"],
    ["only two answers", (p) => p.credit.items[5].answers.pop(), "credit.items[5].answers"],
    ["score above 100", (p) => (p.credit.answerScores[0].max = 101), "credit.answerScores[0].max"],
    ["min above max", (p) => (p.credit.answerScores[1].min = 85), "credit.answerScores[1].min"],
    ["mid outside its range", (p) => (p.credit.answerScores[0].mid = 70), "credit.answerScores[0].mid"],
    ["ranges overlapping", (p) => (p.credit.answerScores[1].max = 85), "credit.answerScores[1].max"],
    ["don't-know score above 100", (p) => (p.credit.dontKnowScore = 120), "credit.dontKnowScore"],
    ["unknown rater combination", (p) => (p.credit.raterCombination = "median"), "credit.raterCombination"],
    ["grades not descending", (p) => (p.credit.grades[1].minScore = 95), "credit.grades[1].minScore"],
    ["grades not covering 0", (p) => (p.credit.grades[4].minScore = 10), "credit.grades[4].minScore"],
    ["worse grade, larger limit", (p) => (p.credit.grades[3].limitFactor = "0.9"), "credit.grades[3].limitFactor"],
    ["review interval 0", (p) => (p.credit.reviewIntervalMonths = 0), "credit.reviewIntervalMonths"],
    ["supplier option score", (p) => (p.credit.supplierLetter[1].options[0].score = -1), "credit.supplierLetter[1].options[0].score"],
    ["tiers not descending", (p) => (p.collectionTiers[1].minProbability = "0.95"), "collectionTiers[1].minProbability"],
    ["tiers not covering 0", (p) => (p.collectionTiers[3].minProbability = "0.1"), "collectionTiers[3].minProbability"],
    ["probability above 1", (p) => (p.collectionTiers[0].minProbability = "90"), "collectionTiers[0].minProbability"],
    ["unknown approach", (p) => (p.collectionTiers[0].approach = "nag"), "collectionTiers[0].approach"],
    ["negative filing days", (p) => (p.writeOff.taxFilingDaysAfterYearEnd = -1), "writeOff.taxFilingDaysAfterYearEnd"],
    ["tax rate as 33%", (p) => (p.writeOff.incomeTaxRate = "33%"), "writeOff.incomeTaxRate"],
    ["empty phrase", (p) => (p.writeOff.conditions[0].phrases[0][0] = " "), "writeOff.conditions[0].phrases[0][0]"],
    ["a condition without phrases", (p) => (p.directToBad[1].phrases = []), "directToBad[1].phrases"],
    ["a boundary reading that is no class", (p) => (p.agingClass.atNormalMaxDays = "stale" as never), "agingClass.atNormalMaxDays"],
    ["an overdue class of no day", (p) => ((p.agingClass.overdueMaxDays = 21), (p.agingClass.atOverdueMaxDays = "stale")), "agingClass.atOverdueMaxDays"],
    ["a last tier that excludes 0", (p) => (p.collectionTiers[3].atMinProbability = "excluded"), "collectionTiers[3].atMinProbability"],
    ["an unknown method", (p) => (p.provision.method = "fifo" as never), "provision.method"],
    ["day basis 300", (p) => (p.bills.discountDayBasis = 300), "bills.discountDayBasis"],
    ["schema version", (p) => (p.schemaVersion = 2), "schemaVersion"],
    ["currency", (p) => (p.currency = "USD"), "currency"],
    ["empty label", (p) => (p.directToBad[0].label["en-US"] = ""), "directToBad[0].label.en-US"],
    ["unknown top-level key", (p) => (p.colour = "blue"), "colour"],
    ["unknown nested key", (p) => (p.agingClass.normalMaxDay = 20), "agingClass.normalMaxDay"],
    ["list as text", (p) => (p.reportBands = "12/24/36"), "reportBands"],
    ["company phone as a number", (p) => (p.company.phone = 12345678), "company.phone"],
  ];

  it.each(cases)("names the field: %s", (_name, breakIt, path) => {
    const p = draft();
    breakIt(p);
    const problems = validatePolicy(p);
    expect(problems.map((x) => x.path)).toContain(path);
    const problem = problems.find((x) => x.path === path)!;
    expect(problem.zh).toContain(path);
    expect(problem.en).toContain(path);
    const e = thrown(() => loadPolicy(p));
    expect(e.id).toBe("policy.invalid");
    expect(e.text["en-US"]).toContain(path);
    expect(e.text["zh-CN"]).toContain(path);
  });

  it("names a missing field in a complete policy; loadPolicy fills it from the defaults", () => {
    const p = draft();
    delete p.writeOff.recoveryRewardRate;
    expect(validatePolicy(p)).toEqual([
      { path: "writeOff.recoveryRewardRate", zh: "writeOff.recoveryRewardRate：缺少此字段", en: "writeOff.recoveryRewardRate: is missing" },
    ]);
    expect(loadPolicy(p).writeOff.recoveryRewardRate).toBeNull();
  });

  it("collects every problem into one error", () => {
    const p = draft();
    p.agingClass.normalMaxDays = -1;
    p.credit.items[3].weight = 0.02;
    p.collectionTiers[0].approach = "nag";
    p.colour = "blue";
    const e = thrown(() => loadPolicy(p));
    const paths = ["agingClass.normalMaxDays", "credit.items[3].weight", "collectionTiers[0].approach", "colour"];
    expect(policyProblemsOf(e).map((x) => x.path)).toEqual(paths);
    expect(e.field).toBe("agingClass.normalMaxDays");
    expect(e.excel).toBe("#VALUE!");
    for (const path of paths) {
      expect(e.text["en-US"]).toContain(path);
      expect(e.text["zh-CN"]).toContain(path);
    }
    expect(e.text["en-US"]).toMatch(/^The policy has 4 problems/);
  });
});

// A policy unlike the defaults in every kind of field: an empty list, empty company text,
// a changed band layout, non-default rates and method.
function customPolicy(): Policy {
  const p = draft();
  p.directToBad = [];
  p.company.phone = "";
  p.company.name = { "zh-CN": "广西XX港湾公司", "en-US": "" };
  p.reportBands = [
    { key: "m6", label: { "zh-CN": "半年以内", "en-US": "Within 6 months" }, upToMonths: 6 },
    { key: "over", label: { "zh-CN": "半年以上", "en-US": "Over 6 months" }, upToMonths: null },
  ];
  p.provision.method = "direct-write-off";
  p.provision.rates[0].rate = "0.055";
  p.credit.answerScores[0] = { min: 80, max: 100, mid: 92.5 };
  p.credit.raterCombination = "weighted-mean";
  p.writeOff.conditions[0].phrases[0].push("破产清算");
  p.writeOff.compensationRatio = "0.5";
  p.collectionTiers[1].atMinProbability = "excluded";
  return loadPolicy(p);
}

describe("JSON", () => {
  it("round-trips the defaults and a custom policy exactly", () => {
    expect(policyFromJson(policyToJson(DEFAULT_POLICY))).toEqual(DEFAULT_POLICY);
    const custom = customPolicy();
    expect(policyFromJson(policyToJson(custom))).toEqual(custom);
  });

  it("is stable: the same policy with keys in another order gives the same text", () => {
    const shuffled = draft();
    const reordered: Mutable = {};
    for (const key of Object.keys(shuffled).reverse()) reordered[key] = shuffled[key];
    reordered.agingClass = { atStaleMaxDays: "stale", staleMaxDays: 360, atOverdueMaxDays: "overdue", normalMaxDays: 20, atNormalMaxDays: "normal", overdueMaxDays: 90 };
    const text = policyToJson(DEFAULT_POLICY);
    expect(policyToJson(reordered as Policy)).toBe(text);
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "currency": "CNY",')).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("reads a partial policy over the defaults, with a byte-order mark", () => {
    const p = policyFromJson('\ufeff{ "bills": { "discountDayBasis": 365 } }');
    expect(p.bills.discountDayBasis).toBe(365);
    expect(p.agingClass.normalMaxDays).toBe(20);
  });

  it("reports a syntax error as policy.json and a bad policy as policy.invalid", () => {
    const e = thrown(() => policyFromJson('{ "bills": '));
    expect(e.id).toBe("policy.json");
    expect(e.text["zh-CN"]).toContain("JSON");
    expect(thrown(() => policyFromJson('{ "bills": { "discountDayBasis": 0 } }')).field).toBe("bills.discountDayBasis");
    expect(thrown(() => policyFromJson("[]")).id).toBe("policy.invalid");
  });

  it("refuses to write an invalid policy", () => {
    const p = draft();
    p.agingClass.normalMaxDays = -1;
    expect(thrown(() => policyToJson(p as Policy)).id).toBe("policy.invalid");
  });

  it("keeps a '__proto__' key as an unknown key, not a prototype", () => {
    const e = thrown(() => policyFromJson('{ "__proto__": { "x": 1 } }'));
    expect(e.field).toBe("__proto__");
  });
});

describe("key/value table", () => {
  const table = policyToTable(DEFAULT_POLICY);
  const valueOf = (key: string): string | undefined => table.find(([k]) => k === key)?.[1];

  it("writes readable dotted keys with 1-based positions and text values", () => {
    expect(valueOf("agingClass.normalMaxDays")).toBe("20");
    expect(valueOf("credit.items.3.weight")).toBe("0.01");
    expect(valueOf("credit.items.24.weight")).toBe("0.10");
    expect(valueOf("credit.items.3.answers.1.zh-CN")).toBe("较好");
    expect(valueOf("provision.rates.y1-2")).toBe("0.10");
    expect(valueOf("provision.rates.y5+")).toBe("1.00");
    expect(valueOf("reportBands.4.upToMonths")).toBe("");
    expect(valueOf("directToBad.1.phrases.1.3")).toBe("进入破产程序");
    expect(valueOf("agingClass.atNormalMaxDays")).toBe("normal");
    expect(valueOf("writeOff.compensationRatio")).toBe(""); // blank: to be set
    expect(valueOf("credit.supplierLetter.1.options.2.score")).toBe("0");
    expect(table.every(([k, v]) => typeof k === "string" && typeof v === "string")).toBe(true);
    expect(new Set(table.map(([k]) => k)).size).toBe(table.length);
  });

  it("round-trips the defaults and a custom policy exactly", () => {
    expect(policyFromTable(table)).toEqual(DEFAULT_POLICY);
    const custom = customPolicy();
    const rows = policyToTable(custom);
    expect(rows).toContainEqual(["directToBad", ""]);
    expect(policyFromTable(rows)).toEqual(custom);
  });

  it("tolerates a header row, blank rows, extra columns and numbers as numbers", () => {
    const rows: unknown[][] = [
      ["键", "值"],
      [],
      ["agingClass.normalMaxDays", 15, "a note in column C"],
      [null, ""],
      ["  credit.dontKnowScore ", "55"],
      ["provision.rates.y0-1", 0.04],
      ["provision.rates.y1-2", "12%"],
      ["provision.rates.y2-3", "0.30"],
      ["provision.rates.y3-4", "0.5"],
      ["provision.rates.y4-5", "0.8"],
      ["provision.rates.y5+", 1],
      ["company.phone", 12345678],
    ];
    const p = policyFromTable(rows);
    expect(p.agingClass.normalMaxDays).toBe(15);
    expect(p.credit.dontKnowScore).toBe(55);
    expect(p.provision.rates.map((r) => r.rate)).toEqual(["0.04", "0.12", "0.30", "0.5", "0.8", "1"]);
    expect(p.company.phone).toBe("12345678");
    expect(p.credit.items).toEqual(DEFAULT_POLICY.credit.items);
    expect(policyFromTable([["key", "value"]])).toEqual(DEFAULT_POLICY);
  });

  it("names the row of an unknown key, a duplicate and an unreadable value, all at once", () => {
    const e = thrown(() =>
      policyFromTable([
        ["agingClass.normalMaxDays", 20],
        ["agingClass.normalMaxDayz", 20],
        ["agingClass.normalMaxDays", 21],
        ["agingClass.overdueMaxDays", "ninety"],
        ["credit.items.0.weight", "0.02"],
        ["credit", ""],
      ]),
    );
    expect(e.id).toBe("policy.table");
    expect(e.text["en-US"]).toContain("row 2 (agingClass.normalMaxDayz)");
    expect(e.text["zh-CN"]).toContain("第 2 行 agingClass.normalMaxDayz");
    expect(e.text["en-US"]).toContain("row 3 (agingClass.normalMaxDays): repeats the key of row 1");
    expect(e.text["en-US"]).toContain("row 4 (agingClass.overdueMaxDays): expected a number");
    expect(e.text["en-US"]).toContain("row 5 (credit.items.0.weight)");
    expect(e.text["en-US"]).toContain("row 6 (credit)");
    expect(policyProblemsOf(e)).toHaveLength(5);
  });

  it("reports a gap in a list's numbering", () => {
    const rows = table.filter(([k]) => !k.startsWith("credit.items.5."));
    const e = thrown(() => policyFromTable(rows));
    expect(e.id).toBe("policy.table");
    expect(e.text["en-US"]).toContain("credit.items.5: entry 5 is missing");
  });

  it("names the table key and row when the policy read from it is invalid", () => {
    const rows = table.map(([k, v]): [string, string] => [k, k === "credit.items.3.weight" ? "0.0099" : k === "provision.rates.y1-2" ? "2" : v]);
    const e = thrown(() => policyFromTable(rows));
    expect(e.id).toBe("policy.invalid");
    const rowOf = (key: string): number => rows.findIndex(([k]) => k === key) + 1;
    expect(e.text["en-US"]).toContain(`row ${rowOf("provision.rates.y1-2")} (provision.rates.y1-2): must be between 0 and 1, got 2`);
    // The weights' sum is about the whole list: named by the list's key and its first row.
    expect(e.text["en-US"]).toContain(`row ${rowOf("credit.items.1.no")} (credit.items): the weights add up to 0.9999`);
    expect(policyProblemsOf(e).map((x) => x.path)).toEqual(["provision.rates.y1-2", "credit.items"]);
  });

  it("reports a missing field of a list entry by its table key", () => {
    const rows = table.filter(([k]) => k !== "credit.items.7.weight");
    const e = thrown(() => policyFromTable(rows));
    expect(e.text["en-US"]).toContain("credit.items.7.weight");
    expect(e.text["en-US"]).toContain("is missing");
  });

  it("refuses entries after a list given as empty, and a non-range input", () => {
    const e = thrown(() =>
      policyFromTable([
        ["directToBad", ""],
        ["directToBad.1.key", "x"],
      ]),
    );
    expect(e.text["en-US"]).toContain("row 2 (directToBad.1.key): row 1 already gives this list as empty");
    expect(thrown(() => policyFromTable("x" as unknown as unknown[][])).id).toBe("policy.table");
  });
});

describe("round trips, property-based", () => {
  // Any text a user may type (an Excel error's text aside: a sheet cannot tell "#N/A" typed as
  // text from an error cell, so the table reader refuses it).
  const anyText = fc.string({ unit: "grapheme", maxLength: 12 }).filter((t) => !isExcelErrorValue(t));
  const label = anyText.filter((t) => t.trim() !== "");
  const rate = fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 4 })).map(([i, f, pad]) =>
    i === 1 ? "1" + ".0".repeat(pad > 0 ? 1 : 0) : `0.${String(f).padStart(4, "0")}${"0".repeat(pad)}`,
  );

  it("JSON and table give back exactly the policy written", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        label,
        fc.array(label, { minLength: 1, maxLength: 4 }),
        anyText,
        rate,
        fc.double({ min: 40, max: 60, noNaN: true }),
        (normal, gap1, gap2, zhLabel, keywords, phone, firstRate, lowMid) => {
          const p = draft();
          p.agingClass = { ...p.agingClass, normalMaxDays: normal, overdueMaxDays: normal + gap1, staleMaxDays: normal + gap1 + gap2 };
          p.directToBad[0].label["zh-CN"] = zhLabel;
          p.directToBad[0].phrases = [keywords];
          p.company.phone = phone;
          p.provision.rates[0].rate = firstRate;
          p.credit.answerScores[2].mid = lowMid;
          const policy = loadPolicy(p);
          expect(policyFromTable(policyToTable(policy))).toEqual(policy);
          expect(policyFromJson(policyToJson(policy))).toEqual(policy);
        },
      ),
      { numRuns: 150 },
    );
  });
});
