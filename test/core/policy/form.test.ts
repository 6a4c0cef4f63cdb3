/**
 * The Policy tab's form (core/policy/form.ts): the fields, percent in and out, and each edit
 * checked as the policy sheet is read, its problem on the field it names. Worked by hand from
 * POLICY.md and the seeds' articles.
 */
import { DEFAULT_POLICY } from "../../../src/core/policy";
import { checkPolicyEdits, policyFormGroups, shownValue, storedValue } from "../../../src/core/policy/form";

const groups = policyFormGroups(DEFAULT_POLICY);
const fields = groups.flatMap((g) => g.fields);
const byKey = new Map(fields.map((f) => [f.key, f]));
const edit = (entries: [string, string][]) => checkPolicyEdits(DEFAULT_POLICY, new Map(entries), fields);

test("grouped as POLICY.md: classes, provision (a rate per band of the policy), credit, collection tiers, write-off, tax and compensation, ECL", () => {
  expect(groups.map((g) => g.id)).toEqual(["classes", "provision", "credit", "collection", "writeOff", "taxAndCompensation", "ecl"]);
  expect(groups[1].fields.map((f) => f.key)).toEqual([
    "provision.method",
    "provision.rates.y0-1",
    "provision.rates.y1-2",
    "provision.rates.y2-3",
    "provision.rates.y3-4",
    "provision.rates.y4-5",
    "provision.rates.y5+",
    "provision.balanceRate",
  ]);
  expect(byKey.get("provision.method")!.options).toEqual(["aging", "individual", "balance-percentage", "direct-write-off"]);
  expect(byKey.get("agingClass.atNormalMaxDays")!.options).toEqual(["normal", "overdue"]);
});

test("each field carries its article and kind: 五.第二条 is policy text, the 5% ladder a product default, 33% the text's, the compensation ratio still to be set", () => {
  expect(byKey.get("agingClass.normalMaxDays")!.note).toMatchObject({ kind: "policy-text", article: "004 五.第二条 1、2" });
  expect(byKey.get("agingClass.atNormalMaxDays")!.note).toMatchObject({ kind: "choice" });
  expect(byKey.get("provision.rates.y0-1")!.note).toMatchObject({ kind: "product-default" });
  expect(byKey.get("writeOff.incomeTaxRate")!.note).toMatchObject({ kind: "policy-text", article: "004 七.第五条" });
  expect(byKey.get("writeOff.compensationRatio")).toMatchObject({ optional: true, note: { kind: "to-be-set" } });
  expect(byKey.get("writeOff.atOverdueYears")!.note).toMatchObject({ kind: "boundary", article: "004 七.第一条 5" });
});

test("the segment column is text: kept as typed (trimmed), blank for one pool", () => {
  const seg = byKey.get("ecl.segmentColumn")!;
  expect(seg).toMatchObject({ input: "text", optional: true });
  expect(storedValue(seg, " 客户类型 ")).toBe("客户类型");
  expect(storedValue(seg, "")).toBe("");
  expect(edit([["ecl.segmentColumn", "客户类型"]]).policy!.ecl.segmentColumn).toBe("客户类型");
});

test("rates are typed in percent and stored as the sheet stores them", () => {
  const rate = byKey.get("provision.rates.y0-1")!;
  expect(shownValue(rate, "0.05")).toBe("5");
  expect(shownValue(rate, "1.00")).toBe("100");
  expect(storedValue(rate, "5")).toBe("0.05");
  expect(storedValue(rate, "5%")).toBe("0.05");
  expect(storedValue(rate, "１２.５％")).toBe("0.125"); // full-width, as an IME types it
  expect(storedValue(rate, "五")).toBeNull();
  expect(storedValue(rate, "5 6")).toBeNull();
  expect(storedValue(byKey.get("writeOff.compensationRatio")!, "")).toBe("");
  expect(storedValue(byKey.get("agingClass.normalMaxDays")!, "")).toBeNull();
});

test("an edit that reads and passes gives the new policy: 30% compensation (七.第五条's blank filled), the 2–3 year rate 40%", () => {
  const r = edit([
    ["writeOff.compensationRatio", "30"],
    ["provision.rates.y2-3", "40"],
  ]);
  expect([...r.problems.keys(), ...r.other]).toEqual([]);
  expect(r.policy!.writeOff.compensationRatio).toBe("0.3");
  expect(r.policy!.provision.rates.find((x) => x.bandKey === "y2-3")!.rate).toBe("0.4");
  // Nothing else moved.
  expect(r.policy!.provision.rates.find((x) => x.bandKey === "y0-1")!.rate).toBe("0.05");
  expect(r.policy!.agingClass).toEqual(DEFAULT_POLICY.agingClass);
});

test("problems land on the field they name, without the key: normal beyond overdue (五.第二条 puts 20 < 90), a tier above the one before (六.第三条), a rate over 100%, letters", () => {
  const classes = edit([["agingClass.normalMaxDays", "100"]]);
  expect(classes.policy).toBeNull();
  expect(classes.problems.get("agingClass.overdueMaxDays")?.["zh-CN"]).toBe("必须大于 normalMaxDays（100）");
  const tiers = edit([["collectionTiers.2.minProbability", "95"]]);
  expect(tiers.problems.get("collectionTiers.2.minProbability")?.["en-US"]).toBe("must be below the previous tier's 0.90 (tiers run from most to least likely)");
  const over = edit([["provision.rates.y0-1", "150"]]);
  expect([...over.problems.keys()]).toEqual(["provision.rates.y0-1"]);
  const letters = edit([["defaultCreditDays", "thirty"]]);
  expect(letters.problems.get("defaultCreditDays")).toEqual({ "zh-CN": "请填写数字", "en-US": "Enter a number" });
});
