import { DEFAULT_POLICY } from "../../src/core/policy/defaults";
import { policyFromRange } from "../../src/core/policy/ranges";
import { policyToTable } from "../../src/core/policy/serialize";
import { ArError } from "../../src/core/errors";

function failure(fn: () => unknown): ArError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ArError) return e;
    throw e;
  }
  throw new Error("expected an ArError");
}

test("no range, or an all-blank one (0s from desktop, nulls from the web), is the default policy", () => {
  expect(policyFromRange(null, "thresholds")).toBe(DEFAULT_POLICY);
  expect(policyFromRange([[0, 0], [null, null], ["", " "]], "rates")).toBe(DEFAULT_POLICY);
});

test("the whole policy sheet (with a header row) gives back the same policy", () => {
  const rows = [["键", "值"], ...policyToTable(DEFAULT_POLICY)];
  expect(policyFromRange(rows, "rates")).toEqual(DEFAULT_POLICY);
});

test("a few of the sheet's rows change only those fields", () => {
  const p = policyFromRange([["agingClass.staleMaxDays", 720], ["provision.method", "direct-write-off"]], "thresholds");
  expect(p.agingClass).toEqual({ ...DEFAULT_POLICY.agingClass, staleMaxDays: 720 });
  expect(p.provision.method).toBe("direct-write-off");
  expect(p.provision.rates).toEqual(DEFAULT_POLICY.provision.rates);
  expect(p.credit).toEqual(DEFAULT_POLICY.credit);
});

test("a list (the rate table) is given whole: one rate alone is an error naming the missing bands", () => {
  const e = failure(() => policyFromRange([["provision.rates.y0-1", "3%"]], "thresholds"));
  expect(e.text["en-US"]).toContain('no rate for band "y1-2"');
});

test("the same contents give the same (cached) policy object", () => {
  const a = policyFromRange([[12, 0.05], [null, 1]], "rates");
  const b = policyFromRange([[12, 0.05], [null, 1]], "rates");
  expect(a).toBe(b);
  expect(a.provision.bands.map((x) => [x.key, x.upToMonths])).toEqual([["m0-12", 12], ["m12+", null]]);
  expect(a.provision.rates).toEqual([{ bandKey: "m0-12", rate: "0.05" }, { bandKey: "m12+", rate: "1" }]);
});

test("percentages are divided exactly: 12.5% is 0.125", () => {
  expect(policyFromRange([[12, "12.5%"], [null, "100%"]], "rates").provision.rates[0].rate).toBe("0.125");
});

test("shorthand mistakes name what was expected", () => {
  expect(failure(() => policyFromRange([[20], [90]], "thresholds")).text["en-US"]).toContain("three day counts");
  expect(failure(() => policyFromRange([["x", 0.05]], "rates")).text["en-US"]).toContain("row 1");
  expect(failure(() => policyFromRange([[1], [2]], "weights")).text["en-US"]).toContain("32 numbers");
});

test("an open band that is not last, or rates above 100%, are rejected by the policy checks", () => {
  expect(failure(() => policyFromRange([[null, 0.05], [12, 1]], "rates")).id).toBe("policy.invalid");
  expect(failure(() => policyFromRange([[12, 1.5], [null, 1]], "rates")).id).toBe("policy.invalid");
});

test("an unknown key in the sheet layout names its row", () => {
  const e = failure(() => policyFromRange([["agingClass.normalMaxDays", 20], ["agingClass.sometimes", 3]], "thresholds"));
  expect(e.text["en-US"]).toMatch(/row 2/);
});
