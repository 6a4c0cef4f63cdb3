/**
 * Boundary words (Civil Code art. 1259: 以上, 以下, 以内, 届满 include the number; 不满, 超过,
 * 以外 exclude it; 不足 reads as 不满), rule by rule as the seeds write them, each worked by hand.
 */
import { agingBandOf, agingClass, classLimits } from "../../src/core/aging";
import { runBatch } from "../../src/core/batch";
import { fromYmd } from "../../src/core/calendar";
import { toExcelSerial } from "../../src/core/dates";
import { DEFAULT_POLICY, fieldNote, loadPolicy, policyFromTable, policySheetRows } from "../../src/core/policy";
import { classRuleNotes } from "../../src/core/reports/classification";
import { writeOffEligibility } from "../../src/core/writeoff";

const P = DEFAULT_POLICY;
const d = fromYmd;

describe("004 五.第二条: 不足20天 normal, 超过20天且在90天内 overdue, 超过90天且在360天内 stale, 超过360天以上 bad", () => {
  // d = days past the credit term. 20 is in neither 不足20天 nor 超过20天: normal by the stated
  // choice; 在90天内 / 在360天内 include the number.
  const cases: [number, string][] = [
    [-5, "normal"], // within the credit term
    [0, "normal"],
    [19, "normal"], // 不足20天
    [20, "normal"], // the choice (agingClass.atNormalMaxDays)
    [21, "overdue"], // 超过20天
    [89, "overdue"],
    [90, "overdue"], // 在90天内 includes 90
    [91, "stale"], // 超过90天
    [360, "stale"], // 在360天内 includes 360
    [361, "bad"], // 超过信用期360天以上: after 360
  ];
  it.each(cases)("d = %d → %s", (days, cls) => {
    expect(agingClass(days, P.agingClass)).toBe(cls);
  });

  it.each(cases)("d = %d → %s through the check's batch path too", (days, cls) => {
    const asOf = d(2011, 8, 31);
    const due = asOf - days;
    const r = runBatch({ dateArisen: [toExcelSerial(due - 30)], dueDate: [toExcelSerial(due)], balance: [1000] }, asOf, P);
    expect(["normal", "overdue", "stale", "bad"][r.agingClass[0]]).toBe(cls);
  });

  it("moves d = 20 to overdue when the company chooses so, and nothing else", () => {
    const p = loadPolicy({ agingClass: { atNormalMaxDays: "overdue" } });
    expect([19, 20, 21, 90, 91, 360, 361].map((x) => agingClass(x, p.agingClass))).toEqual(["normal", "overdue", "overdue", "overdue", "stale", "stale", "bad"]);
    expect(classLimits(p.agingClass)).toEqual({ normal: 19, overdue: 90, stale: 360 });
  });

  it("reads 90 and 360 otherwise only when the company sets it", () => {
    const p = loadPolicy({ agingClass: { atOverdueMaxDays: "stale", atStaleMaxDays: "bad" } });
    expect([89, 90, 359, 360].map((x) => agingClass(x, p.agingClass))).toEqual(["overdue", "stale", "stale", "bad"]);
  });

  it("the classification report quotes the policy's words (不足20天) and states the choice for d = 20 apart", () => {
    const [rules, at20, at90, at360] = classRuleNotes(P.agingClass, "zh-CN");
    expect(rules).toContain("正常应收账款：账龄在信用期内或超过信用期不足20天");
    expect(rules).toContain("逾期应收账款：账龄超过信用期20天且在90天内");
    expect(rules).toContain("呆账：账龄超过信用期360天以上");
    expect(rules).not.toContain("不超过20天");
    expect(at20).toBe("超过信用期恰好20天的：原文“不足20天”“超过20天”均不含本数，不属任何一类；本制度计为正常（制度参数 agingClass.atNormalMaxDays）。");
    expect(at90).toBe("“在90天内”含本数（《民法典》第一千二百五十九条）：超过信用期恰好90天的为逾期。");
    expect(at360).toBe("“在360天内”含本数（《民法典》第一千二百五十九条）：超过信用期恰好360天的为呆滞。");
    const en = classRuleNotes(P.agingClass, "en-US");
    expect(en[0]).toContain("less than 20 days (不足20天)");
    expect(en[1]).toContain("this policy counts it as Normal");
  });
});

describe("000 一 and financial-statement notes: 1年以内（含1年）, 1至2年（含2年）, 2至3年（含3年）, 3年以上, aged from the date arisen", () => {
  const asOf = d(2011, 8, 31);
  const cases: [string, number, string][] = [
    ["arisen 2011-08-31", d(2011, 8, 31), "1年以内（含1年）"],
    ["arisen 2010-08-31: exactly 1 year", d(2010, 8, 31), "1年以内（含1年）"],
    ["arisen 2010-08-30", d(2010, 8, 30), "1至2年（含2年）"],
    ["arisen 2009-08-31: exactly 2 years", d(2009, 8, 31), "1至2年（含2年）"],
    ["arisen 2009-08-30", d(2009, 8, 30), "2至3年（含3年）"],
    ["arisen 2008-08-31: exactly 3 years", d(2008, 8, 31), "2至3年（含3年）"],
    ["arisen 2008-08-30", d(2008, 8, 30), "3年以上"],
  ];
  it.each(cases)("%s → %s", (_name, arisen, label) => {
    expect(agingBandOf(arisen, asOf, P.reportBands).label["zh-CN"]).toBe(label);
  });

  it("prints the 含 note on every band with an upper edge, in both languages", () => {
    expect(P.reportBands.map((b) => b.label["en-US"])).toEqual(["Within 1 year (1 year included)", "1–2 years (2 years included)", "2–3 years (3 years included)", "Over 3 years"]);
    expect(P.provision.bands.map((b) => b.label["zh-CN"])).toEqual(["1年以内（含1年）", "1至2年（含2年）", "2至3年（含3年）", "3至4年（含4年）", "4至5年（含5年）", "5年以上"]);
  });

  it("the band counts from the date arisen and the write-off rule (七.第一条 5) from the due date: the edges differ on purpose", () => {
    // Arisen 2008-08-31, 30 days' credit, due 2008-09-30: 3 years old to the day on 2011-08-31
    // (band 2至3年（含3年）) but overdue only since 2008-10-01: not yet 3 years overdue.
    const late = { arisen: d(2008, 8, 31), due: d(2008, 9, 30) };
    expect(agingBandOf(late.arisen, asOf, P.reportBands).label["zh-CN"]).toBe("2至3年（含3年）");
    expect(writeOffEligibility({ dueDate: late.due, asOf }, P).eligible).toBe(false);
    expect(writeOffEligibility({ dueDate: late.due, asOf: d(2011, 9, 30) }, P).eligible).toBe(true);
    // Arisen 2008-08-01, due 2008-08-31: 3年以上 by age, and exactly 3 years overdue: eligible.
    expect(agingBandOf(d(2008, 8, 1), asOf, P.reportBands).label["zh-CN"]).toBe("3年以上");
    expect(writeOffEligibility({ dueDate: d(2008, 8, 31), asOf }, P).eligible).toBe(true);
  });
});

describe("the policy sheet shows each boundary choice as an editable field with its article beside it", () => {
  const rows = policySheetRows(P, "zh-CN");
  const row = (key: string): [string, string, string] => {
    const found = rows.find(([k]) => k === key);
    if (found === undefined) throw new Error(`no row ${key}`);
    return found;
  };
  const cases: [string, string, string[]][] = [
    ["agingClass.atNormalMaxDays", "normal", ["本制度的选择", "004 五.第二条 1、2", "不足20天"]],
    ["agingClass.atOverdueMaxDays", "overdue", ["边界读法", "在90天内", "第一千二百五十九条"]],
    ["agingClass.atStaleMaxDays", "stale", ["边界读法", "在360天内"]],
    ["collectionTiers.1.atMinProbability", "included", ["90%以上"]],
    ["collectionTiers.2.atMinProbability", "included", ["本制度的选择", "70%"]],
    ["collectionTiers.3.atMinProbability", "excluded", ["50%以下"]],
    ["writeOff.atOverdueYears", "eligible", ["004 七.第一条 5", "恰好满3年"]],
    ["writeOff.incomeTaxRate", "0.33", ["004 七.第五条", "33%"]],
    ["writeOff.compensationRatio", "", ["待公司设定", "004 七.第五条"]],
    ["writeOff.recoveryRewardRate", "", ["待公司设定", "004 七.第六条"]],
    ["performance.assetLossCompensationRatio", "", ["待公司设定", "004 六.第九条"]],
    ["provision.method", "aging", ["产品默认", "直接转销法"]],
    ["provision.rates.y0-1", "0.05", ["产品默认", "不是制度规定"]],
    ["credit.grades.1.grade", "AAA", ["产品默认", "不是制度规定"]],
  ];
  it.each(cases)("%s = %j, noted %j", (key, value, words) => {
    const [, v, note] = row(key);
    expect(v).toBe(value);
    for (const w of words) expect(note).toContain(w);
  });

  it("marks a value the company changed, and reads back with the notes column ignored", () => {
    const p = loadPolicy({ agingClass: { atNormalMaxDays: "overdue" }, writeOff: { compensationRatio: "0.5" } });
    const sheet = policySheetRows(p, "en-US");
    expect(sheet.find(([k]) => k === "agingClass.atNormalMaxDays")?.[2]).toContain('changed by the company; default "normal"');
    expect(policyFromTable([["Key", "Value", "Source and note"], ...sheet])).toEqual(p);
  });

  it("has a note for every boundary field", () => {
    for (const key of ["agingClass.atNormalMaxDays", "agingClass.atOverdueMaxDays", "agingClass.atStaleMaxDays", "writeOff.atOverdueYears", "collectionTiers.4.atMinProbability"]) {
      expect(fieldNote(key)?.kind).toMatch(/boundary|choice/);
    }
  });
});
