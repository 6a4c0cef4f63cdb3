/**
 * The status vocabulary (004 五.第三条, 七.第一条): conditions stated by their phrases, never guessed
 * from a loose word; texts that come close are for a person to decide. Worked by hand from the text.
 */
import { classify } from "../../src/core/aging";
import { fromYmd } from "../../src/core/calendar";
import { auditLedger } from "../../src/core/ledger/check";
import { readCollectionLog, readLedger } from "../../src/core/ledger/index";
import { Dec } from "../../src/core/money";
import { DEFAULT_POLICY, policyFromTable, policyToTable } from "../../src/core/policy";
import { itemProvision } from "../../src/core/provision";
import { conditionsStated, nearConditions, statusChoices, statusChoiceTexts } from "../../src/core/status";
import { conditionsInText } from "../../src/core/writeoff";

const P = DEFAULT_POLICY;
const d = fromYmd;

describe("004 五.第三条: straight to 呆账 only when the text states a condition", () => {
  // Due 2011-08-26, as of 2011-08-31: 5 days past due, normal by days.
  const due = d(2011, 8, 26);
  const asOf = d(2011, 8, 31);
  const cases: [string, string | null][] = [
    ["拒不支付", "refuses-to-pay"], // 2. 债务人明示拒绝还款
    ["拒不还款", "refuses-to-pay"],
    ["对方明确表示不再付款", "refuses-to-pay"],
    ["经多次协商后，对方拒绝支付", "refuses-to-pay"], // plan 000, 成都千嘉
    ["进入破产程序", "bankrupt"], // 1. 宣告破产或进入破产程序
    ["已被法院宣告破产", "bankrupt"],
    ["经营状况急剧恶化，扭亏无望", "deteriorated"], // 3.
    ["遭受巨大自然灾害", "disaster"], // 4.
    ["未破产", null],
    ["存在破产风险", null],
    ["未进入破产程序", null],
    ["不是拒付，是对账差异", null],
    ["拒绝签收对账单", null],
    ["经营恶化", null], // 恶化, not 急剧恶化
    ["客户承诺月底付款", null],
    ["", null],
  ];
  it.each(cases)("%s → %s", (text, key) => {
    const c = classify(due, asOf, text, P);
    expect(c.condition?.key ?? null).toBe(key);
    expect(c.agingClass).toBe(key === null ? "normal" : "bad");
  });

  it("an item 5 days overdue with 拒不支付 is provided in full: 10,000.00, not 5% (500.00)", () => {
    const c = classify(due, asOf, "拒不支付", P);
    const p = itemProvision({ balance: new Dec(10000), dateArisen: d(2011, 7, 27), asOf, condition: c.condition }, P);
    expect(p).toEqual({ amount: new Dec("10000"), basis: "full-bad", rate: "1", bandKey: "y0-1" });
  });
});

describe("004 七.第一条 1–4 through conditionsStated: what happened and that the debtor cannot pay", () => {
  const cases: [string, string[]][] = [
    ["进入破产程序", []],
    ["已撤销起诉", []],
    ["对方司机发生交通事故", []],
    ["经法院判决确实无法清偿", ["court-ruling"]],
    ["债务人被依法宣告破产，其剩余财产确实不足清偿", ["bankrupt-deregistered"]],
  ];
  it.each(cases)("%s → %j", (text, keys) => {
    expect(conditionsStated(text, P.writeOff.conditions, P.statusNegations).map((c) => c.key)).toEqual(keys);
  });
});

describe("traditional characters read as the simplified words they are (a ledger kept in Hong Kong or Taiwan, or typed so)", () => {
  const due = d(2011, 8, 26);
  const asOf = d(2011, 8, 31);
  it.each([
    ["對方明確表示不再付款", "refuses-to-pay"], // 五.第三条 2
    ["已被法院宣告破產", "bankrupt"], // 五.第三条 1
    ["經營狀況急劇惡化，扭虧無望", "deteriorated"], // 五.第三条 3
    ["未進入破產程序", null], // negated, as in simplified (and close: see below)
  ] as [string, string | null][])("%s → %s", (text, key) => {
    expect(classify(due, asOf, text, P).condition?.key ?? null).toBe(key);
  });
  it.each([
    ["債務人被依法宣告破產，其剩餘財產確實不足清償", ["bankrupt-deregistered"]], // 七.第一条 1
    ["經法院判決確實無法清償", ["court-ruling"]], // 七.第一条 4
    ["已撤銷起訴", []],
  ] as [string, string[]][])("%s → %j (七.第一条)", (text, keys) => {
    expect(conditionsStated(text, P.writeOff.conditions, P.statusNegations).map((c) => c.key)).toEqual(keys);
  });
  it("a negation and an excluded phrase read as in simplified: close, for a person to decide (unmapped text would match nothing)", () => {
    expect(nearConditions("未進入破產程序", P).map((n) => [n.list, n.condition.key, n.reason])).toEqual(nearConditions("未进入破产程序", P).map((n) => [n.list, n.condition.key, n.reason]));
    expect(nearConditions("未進入破產程序", P).length).toBeGreaterThan(0);
    expect(nearConditions("已撤銷起訴", P).map((n) => [n.list, n.condition.key, n.reason])).toEqual([["writeOff", "bankrupt-deregistered", "excluded"]]);
  });
});

describe("texts that come close: shared key words, a negation, an excluded phrase, an uncertain clause, or only part stated (for a person to decide)", () => {
  const cases: [string, [string, string, string][]][] = [
    ["未破产", [["directToBad", "bankrupt", "negated"], ["writeOff", "bankrupt-deregistered", "negated"]]],
    ["存在破产风险", [["directToBad", "bankrupt", "shared-words"], ["writeOff", "bankrupt-deregistered", "shared-words"]]],
    // 撤销起诉 withdraws a lawsuit: not the debtor 撤销 (an excluded phrase, not a negation).
    ["已撤销起诉", [["writeOff", "bankrupt-deregistered", "excluded"]]],
    // 五.第三条 2 needs the debtor to refuse explicitly (明示拒绝): a negation, a denial, a worry, a
    // temporary stop, a condition after it, or a small chance is no refusal (a probe found each read as one).
    ["客户不拒绝付款", [["directToBad", "refuses-to-pay", "negated"]]],
    ["客户并不拒绝付款", [["directToBad", "refuses-to-pay", "negated"]]],
    ["客户不会拒付", [["directToBad", "refuses-to-pay", "hedged"]]],
    ["客户否认拒付", [["directToBad", "refuses-to-pay", "hedged"]]],
    ["不存在拒付情况", [["directToBad", "refuses-to-pay", "hedged"]]],
    ["担心客户拒付", [["directToBad", "refuses-to-pay", "hedged"]]],
    ["客户暂时不再付款，等待结算", [["directToBad", "refuses-to-pay", "hedged"]]],
    ["不再付款的可能性很小", [["directToBad", "refuses-to-pay", "hedged"]]],
    ["won't pay until the dispute is settled", [["directToBad", "refuses-to-pay", "hedged"]]],
    ["customer didn't refuse to pay", [["directToBad", "refuses-to-pay", "hedged"]]],
    // Bad at once (so not near 五.第三条 1), but only close to the write-off condition.
    ["进入破产程序", [["writeOff", "bankrupt-deregistered", "shared-words"]]],
    ["已被法院宣告破产", [["writeOff", "bankrupt-deregistered", "partial"]]],
    ["对方司机发生交通事故", [["writeOff", "disaster-accident", "shared-words"]]],
    ["法定代表人失踪", [["writeOff", "dead-missing", "partial"]]],
    ["不是拒付", [["directToBad", "refuses-to-pay", "negated"]]],
    ["客户承诺月底付款", []],
    ["经法院判决确实无法清偿", []], // states 七.第一条 4 in full: not near anything
    // A refusal in its own clause stays one, whatever the next clause says.
    ["客户拒不支付，已起诉", []],
  ];
  it.each(cases)("%s → %j", (text, expected) => {
    expect(nearConditions(text, P).map((n) => [n.list, n.condition.key, n.reason])).toEqual(expected);
  });
});

describe("the vocabulary as a list to choose from (a status column's drop-down)", () => {
  const choices = statusChoices(P);

  it("offers every condition of 五.第三条 and 七.第一条, with its article", () => {
    expect(choices.map((c) => [c.list, c.key, c.article])).toEqual([
      ["directToBad", "bankrupt", "004 五.第三条 1"],
      ["directToBad", "refuses-to-pay", "004 五.第三条 2"],
      ["directToBad", "deteriorated", "004 五.第三条 3"],
      ["directToBad", "disaster", "004 五.第三条 4"],
      ["writeOff", "bankrupt-deregistered", "004 七.第一条 1"],
      ["writeOff", "dead-missing", "004 七.第一条 2"],
      ["writeOff", "disaster-accident", "004 七.第一条 3"],
      ["writeOff", "court-ruling", "004 七.第一条 4"],
    ]);
    expect(statusChoiceTexts(P, "zh-CN")[1]).toBe("债务人明示拒绝还款");
  });

  it.each(choices.flatMap((c) => (["zh-CN", "en-US"] as const).map((lang) => [c.key, lang, c] as const)))("choosing %s (%s) writes a text that states exactly that condition of its list", (_key, lang, c) => {
    const list = c.list === "directToBad" ? P.directToBad : P.writeOff.conditions;
    expect(conditionsStated(c.text[lang], list, P.statusNegations).map((x) => x.key)).toEqual([c.key]);
  });

  it("takes a company's own condition from the policy sheet (五.第三条 5), and reads it as the others", () => {
    const rows = policyToTable(P);
    rows.push(["directToBad.5.key", "dissolved-partner"], ["directToBad.5.label.zh-CN", "挂靠单位已解散"], ["directToBad.5.label.en-US", "Partner dissolved"]);
    rows.push(["directToBad.5.article", "公司年度政策"], ["directToBad.5.phrases.1.1", "挂靠单位已解散"], ["directToBad.5.keyWords.1", "挂靠"], ["directToBad.5.negations", ""]);
    const p = policyFromTable(rows);
    expect(classify(d(2011, 8, 1), d(2011, 8, 31), "挂靠单位已解散", p)).toMatchObject({ agingClass: "bad", condition: { key: "dissolved-partner" } });
    expect(nearConditions("挂靠单位正常经营", p).map((n) => n.condition.key)).toEqual(["dissolved-partner"]);
    expect(statusChoices(p).map((c) => c.key)).toContain("dissolved-partner");
  });
});

describe("the check says so, on the status cell, and still classes the row by its days", () => {
  const header = ["客户名称", "发生日期", "到期日", "余额", "状态"];
  function check(status: string): ReturnType<typeof auditLedger> {
    const reading = readLedger([header, ["甲公司", "2011-07-01", "2011-07-31", 1000, status]], { sheet: "台账" });
    return auditLedger(reading, {}, d(2011, 8, 31), P);
  }

  it("an info finding names the condition and why it comes close (未破产: 五.第三条 1 and 七.第一条 1, negated)", () => {
    const a = check("未破产");
    const found = a.findings.filter((f) => f.rule === "status-near-condition");
    expect(found.map((f) => [f.cell, f.severity])).toEqual([["台账!E2", "info"]]);
    expect(found[0].message["zh-CN"]).toBe(
      "台账!E2：“未破产”与以下制度条件相近，但没有写明该条件，不按该条件处理：004 五.第三条 1 债务人经法院宣告破产或进入破产程序（文字含否定）；004 七.第一条 1 债务人被依法宣告破产、撤销，剩余财产确实不足清偿（文字含否定）。请人工判断；如确属该情形，请按制度用语填写（可从状态列表中选择）。",
    );
    expect(a.rows.get(0)).toMatchObject({ daysPastDue: 31, agingClass: "overdue", provision: "50.00" }); // 1,000 × 5%
  });

  it("进入破产程序: bad and provided in full, not a write-off candidate, and close to 七.第一条 1", () => {
    const a = check("进入破产程序");
    expect(a.rows.get(0)).toMatchObject({ agingClass: "bad", provision: "1000.00" });
    expect(a.findings.filter((f) => f.rule === "write-off-candidate")).toEqual([]);
    const near = a.findings.filter((f) => f.rule === "status-near-condition");
    expect(near).toHaveLength(1);
    expect(near[0].message["en-US"]).toContain("004 七.第一条 1 Debtor declared bankrupt, dissolved or deregistered; remaining assets cannot pay (shares words only)");
  });

  it("free text matching no condition triggers nothing", () => {
    const a = check("客户承诺月底付款");
    expect(a.findings.filter((f) => f.rule === "status-near-condition" || f.rule === "write-off-candidate")).toEqual([]);
    expect(a.rows.get(0)).toMatchObject({ agingClass: "overdue", provision: "50.00" });
  });

  it("conditionsInText agrees with the check (七.第一条 4 stated in full: a candidate, no near finding)", () => {
    expect(conditionsInText("经法院判决确实无法清偿", P.writeOff.conditions, P).map((c) => c.key)).toEqual(["court-ruling"]);
    const a = check("经法院判决确实无法清偿");
    expect(a.findings.map((f) => f.rule)).toEqual(["write-off-candidate"]);
  });
});

describe("a condition the collection log records but the ledger does not (004 五.第三条 2, 七.第一条): said, never acted on", () => {
  // 甲 owes 10,000 (arisen 2011-07-27, due 2011-08-26: 5 days past due on 2011-08-31, normal; band
  // 1年以内 at 5% = 500, as issue 16 worked it); 乙 owes nothing open.
  const header = ["客户名称", "发生日期", "到期日", "余额", "状态"];
  const LOG = ["催收日期", "客户名称", "催收方式", "催收结果", "备注"];
  function check(ledgerStatus: string, log: unknown[][]): ReturnType<typeof auditLedger> {
    const reading = readLedger(
      [header, ["甲公司", "2011-07-27", "2011-08-26", 10000, ledgerStatus], ["乙公司", "2011-07-01", "2011-07-31", 0, ""]],
      { sheet: "台账" },
    );
    return auditLedger(reading, { collections: readCollectionLog([LOG, ...log], { sheet: "催收记录" }) }, d(2011, 8, 31), P);
  }
  const logFindings = (a: ReturnType<typeof auditLedger>) => a.findings.filter((f) => f.rule === "log-states-condition");

  it("the log's result says 明确表示不再付款 (五.第三条 2) and the ledger's status is blank: a warning on the log's cell; the item stays classed by its days", () => {
    const a = check("", [["2011-08-20", "甲公司", "电话", "对方明确表示不再付款", ""]]);
    const found = logFindings(a);
    expect(found.map((f) => [f.cell, f.severity, f.field])).toEqual([["催收记录!D2", "warning", "result"]]);
    expect(found[0].message["zh-CN"]).toBe(
      "催收记录!D2：2011年8月20日 对客户“甲公司”的催收记载“对方明确表示不再付款”，即004 五.第三条 2 债务人明示拒绝还款；台账中该客户的未结款项未记载此状态，仍按天数分类。请核实后在台账状态列登记。",
    );
    // Nothing acted on: 5 days past due is normal, band 1年以内 10,000 × 5% = 500.00 (the ledger decides, not the log).
    expect(a.rows.get(0)).toMatchObject({ agingClass: "normal", provision: "500.00" });
  });

  it("no finding when the ledger states it too (the item is then bad, 10,000 provided in full)", () => {
    const a = check("拒不支付", [["2011-08-20", "甲公司", "电话", "对方明确表示不再付款", ""]]);
    expect(logFindings(a)).toEqual([]);
    expect(a.rows.get(0)).toMatchObject({ agingClass: "bad", provision: "10000.00" });
  });

  it("a term picked from the drop-down states its condition: 七.第一条 4 in the note", () => {
    const term = P.writeOff.conditions.find((c) => c.key === "court-ruling")!.label["zh-CN"];
    const found = logFindings(check("", [["2011-08-20", "甲公司", "信函", "", term]]));
    expect(found.map((f) => [f.cell, f.field])).toEqual([["催收记录!E2", "note"]]);
    expect(found[0].message["en-US"]).toContain("that is 004 七.第一条 4 A court ruled the debtor cannot pay");
  });

  it("nothing for: a negated or partial text, free text, an entry after the as-of date, a customer with nothing open", () => {
    expect(
      logFindings(
        check("", [
          ["2011-08-20", "甲公司", "电话", "对方表示未破产", ""],
          ["2011-08-20", "甲公司", "电话", "承诺月底付款", ""],
          ["2011-09-05", "甲公司", "电话", "拒不支付", ""],
          ["2011-08-20", "乙公司", "电话", "拒不支付", ""],
        ]),
      ),
    ).toEqual([]);
  });

  it("a log without result or note columns: the rule says it was not checked", () => {
    const reading = readLedger([header, ["甲公司", "2011-07-27", "2011-08-26", 10000, ""]], { sheet: "台账" });
    const a = auditLedger(reading, { collections: readCollectionLog([["催收日期", "客户名称"], ["2011-08-20", "甲公司"]], { sheet: "催收记录" }) }, d(2011, 8, 31), P);
    expect(a.unchecked.find((u) => u.rule === "log-states-condition")?.reason["zh-CN"]).toBe("催收记录表没有催收结果或备注列。");
  });
});
