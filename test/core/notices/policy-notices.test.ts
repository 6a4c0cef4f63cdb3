import { DEFAULT_POLICY, loadPolicy, policyFromTable, policyToTable, validatePolicy } from "../../../src/core/policy";

describe("policy.notices", () => {
  test("the defaults are valid and carry both languages for every text", () => {
    expect(validatePolicy(DEFAULT_POLICY)).toEqual([]);
    const n = DEFAULT_POLICY.notices;
    expect(n.payByDays).toBe(15);
    for (const approach of ["gentle", "firm", "legal"] as const) {
      for (const part of ["opening", "body", "closing"] as const) {
        expect(n.collection[approach][part]["zh-CN"]).not.toBe("");
        expect(n.collection[approach][part]["en-US"]).not.toBe("");
      }
      expect(n.collection[approach].body["zh-CN"]).toContain("{totalInWords}");
      expect(n.collection[approach].closing["zh-CN"]).toContain("{payBy}");
    }
    expect(n.confirmation.notDemand["zh-CN"]).toContain("并非催款");
  });

  test("bad values are reported at their path", () => {
    const paths = (over: unknown): string[] => {
      try {
        loadPolicy(over);
        return [];
      } catch (e) {
        return ((e as { cause?: { path: string }[] }).cause ?? []).map((p) => p.path);
      }
    };
    expect(paths({ notices: { payByDays: -1 } })).toEqual(["notices.payByDays"]);
    expect(paths({ notices: { paper: "Letter" } })).toEqual(["notices.paper"]);
    expect(paths({ notices: { collection: { legal: { closing: { "zh-CN": " ", "en-US": "x" } } } } })).toEqual(["notices.collection.legal.closing.zh-CN"]);
    expect(paths({ notices: { labels: { extra: { "zh-CN": "a", "en-US": "b" } } } })).toEqual(["notices.labels.extra"]);
  });

  test("an edited wording survives the key/value table", () => {
    const p = loadPolicy({ notices: { payByDays: 10, collection: { firm: { body: { "zh-CN": "请于{payBy}前付款。", "en-US": "Pay by {payBy}." } } } } });
    const rows = policyToTable(p);
    expect(rows).toContainEqual(["notices.collection.firm.body.zh-CN", "请于{payBy}前付款。"]);
    const back = policyFromTable(rows);
    expect(back.notices.payByDays).toBe(10);
    expect(back.notices.collection.firm.body["en-US"]).toBe("Pay by {payBy}.");
  });
});
