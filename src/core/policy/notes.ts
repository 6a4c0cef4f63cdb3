/**
 * Where each policy field comes from, for the policy sheet's third column and for the reports:
 * the article of the source text (004 五.第二条…), and what kind of figure it is —
 * - "policy-text": the text states it;
 * - "boundary": how the text's boundary word reads (Civil Code art. 1259: 以上, 以下, 以内 and
 *   届满 include the number; 不满, 超过 and 以外 exclude it; 不足 reads as 不满);
 * - "choice": the text leaves it open (a number named in two ranges, a day in no class) and the
 *   product states a choice the company may change;
 * - "product-default": the seeds are silent; the product proposes a figure, never as policy;
 * - "to-be-set": the text leaves a blank the company must fill in (nothing is invented meanwhile);
 * - "company": the company's own details.
 * A field whose value differs from the default is marked as the company's own setting.
 */
import type { Bilingual, Lang } from "../../i18n/bilingual";
import { DEFAULT_POLICY } from "./defaults";
import { policyToTable } from "./serialize";
import type { Policy } from "./types";

export type NoteKind = "policy-text" | "boundary" | "choice" | "product-default" | "to-be-set" | "company";

export interface FieldNote {
  kind: NoteKind;
  /** The article, e.g. "004 五.第二条 2"; "" when none. */
  article: string;
  text: Bilingual;
}

const KIND_LABELS: Record<NoteKind, Bilingual> = {
  "policy-text": { "zh-CN": "制度原文", "en-US": "Policy text" },
  boundary: { "zh-CN": "边界读法", "en-US": "Boundary reading" },
  choice: { "zh-CN": "本制度的选择", "en-US": "Stated choice" },
  "product-default": { "zh-CN": "产品默认（原文未规定）", "en-US": "Product default (the policy text is silent)" },
  "to-be-set": { "zh-CN": "待公司设定（原文留空）", "en-US": "To be set by the company (blank in the text)" },
  company: { "zh-CN": "公司信息", "en-US": "Company details" },
};

export function noteKindLabel(kind: NoteKind, lang: Lang): string {
  return KIND_LABELS[kind][lang];
}

type Rule = [RegExp, NoteKind, string, string, string];

const ART_1259 = "《民法典》第一千二百五十九条";

/** First match wins; a key no rule matches has no note. */
const RULES: readonly Rule[] = [
  [/^defaultCreditDays$/, "product-default", "", "信用期按合同约定；台账和客户档案都未写信用期时用此天数", "The credit term is the contract's; this applies when neither the ledger nor the customer master gives one"],
  [/^agingClass\.normalMaxDays$/, "policy-text", "004 五.第二条 1、2", "正常：超过信用期不足20天；逾期：超过信用期20天且在90天内", "Normal: past the term by less than 20 days (不足20天); overdue: by more than 20 days (超过20天)"],
  [/^agingClass\.atNormalMaxDays$/, "choice", "004 五.第二条 1、2", `“不足20天”“超过20天”都不含20（${ART_1259}），原文未把恰好20天归入任何一类；默认计为正常（normal），可改为 overdue`, "不足20天 and 超过20天 both exclude 20 (Civil Code art. 1259): the text puts exactly 20 days in no class; counted as normal by default, may be set to overdue"],
  [/^agingClass\.overdueMaxDays$/, "policy-text", "004 五.第二条 2、3", "逾期：超过信用期20天且在90天内；呆滞：超过信用期90天且在360天内", "Overdue: within 90 days (在90天内); stale: by more than 90 days"],
  [/^agingClass\.atOverdueMaxDays$/, "boundary", "004 五.第二条 2", `“在90天内”含本数（${ART_1259}）：恰好90天为逾期（overdue）`, "在90天内 includes 90 (Civil Code art. 1259): exactly 90 days is overdue"],
  [/^agingClass\.staleMaxDays$/, "policy-text", "004 五.第二条 3、4", "呆滞：在360天内；呆账：超过信用期360天以上", "Stale: within 360 days (在360天内); bad: beyond 360 days (超过信用期360天以上)"],
  [/^agingClass\.atStaleMaxDays$/, "boundary", "004 五.第二条 3、4", `“在360天内”含本数（${ART_1259}）：恰好360天为呆滞，“超过…360天以上”自第361天起`, "在360天内 includes 360 (Civil Code art. 1259): exactly 360 days is stale; 超过…360天以上 starts at day 361"],
  [/^directToBad(\.\d+\.key)?$/, "policy-text", "004 五.第三条", "直接划入呆账的情形；第5项“其他在公司年度应收帐款管理政策中规定的情况”：公司可在表末按同样格式增加条目", "Conditions that make an item bad at once; item 5 (the company's own) is added at the end in the same layout"],
  [/^directToBad\.\d+\.phrases/, "product-default", "", "表述该情形的词语：每组至少出现一个、且未被否定，才算该情形；可按台账的写法增加", "Phrases stating the condition: one of every group, not negated; add the ledger's own wording"],
  [/^directToBad\.\d+\.keyWords/, "product-default", "", "相近词语：只相近不成立，检查时提示人工判断", "Words that come close: never a match; the check asks a person to decide"],
  [/^directToBad\.\d+\.negations/, "product-default", "", "意思不同的说法（如“撤销起诉”“破产风险”）：出现在其中的词语不算", "Phrases that mean something else (撤销起诉, 破产风险): a phrase inside one does not count"],
  [/^statusNegations/, "product-default", "", "紧接在词语前表示否定的字词（未、不是、not…）", "Words written just before a phrase that negate it (未, 不是, not…)"],
  [/^reportBands/, "policy-text", "000 一", "一至二年、二年至三年、三年以上；按财务报表附注惯例标注“含”：1年以内（含1年）、1至2年（含2年）、2至3年（含3年）；账龄自发生日期起算", "1–2 years, 2–3 years, over 3 years; labelled as financial-statement notes do (含 = included); age runs from the date arisen"],
  [/^longAgedFromMonths$/, "policy-text", "000 一", "长账龄应收款清理统计表列示账龄超过一年的应收款（计划所列“一至二年”“二年至三年”“三年以上”）：自此月数起的报表账龄段", "The long-aged clean-up lists receivables more than one year old (the plan's 一至二年, 二年至三年, 三年以上): the report bands from this many months on"],
  [/^provision\.method$/, "product-default", "004 七.第七条；000 一", "004 规定“坏帐损失采用直接转销法”（direct-write-off）；000 按账龄计提并单项计提。默认 aging（账龄分析法）；可选 individual（个别认定法）、balance-percentage（余额百分比法）、direct-write-off", "004 says 坏账损失采用直接转销法 (direct-write-off); plan 000 provides by aging and item by item. Default aging; also individual, balance-percentage, direct-write-off"],
  [/^provision\.bands/, "product-default", "", "计提用的账龄段，原文未规定；标注“含”的读法同报表账龄段", "The bands provision rates are given for; not in the texts; 含 notes read as the report bands'"],
  [/^provision\.rates/, "product-default", "", "原文未给计提比例：5%、10%、30%、50%、80%、100% 为产品默认（常见做法），不是制度规定", "The texts give no rates: 5/10/30/50/80/100% are product defaults (common practice), not policy"],
  [/^provision\.balanceRate$/, "product-default", "", "余额百分比法的统一比例；原文未规定", "The one rate of the percentage-of-balance method; the texts give none"],
  [/^credit\.items/, "policy-text", "004 客户情况调查表", "32 项、权重合计 100%", "32 items, weights adding up to 100%"],
  [/^credit\.(answerScores|dontKnowScore)/, "policy-text", "004 客户情况调查表 填表说明", "100–80（中值90）、60–80（70）、40–60（50）、不知道 60", "100–80 (mid 90), 60–80 (70), 40–60 (50), don't know 60"],
  [/^credit\.raterCombination$/, "policy-text", "004 客户情况调查表 填表说明", "多人打分取算术平均数或加权平均数", "Several raters: arithmetic or weighted mean"],
  [/^credit\.grades/, "product-default", "004 四.第七条", "原文未给信用等级标准和额度公式：等级与额度系数为产品默认，不是制度规定", "The text gives neither grade bands nor a limit formula: grades and limit factors are product defaults, not policy"],
  [/^credit\.limitBasis$/, "policy-text", "004 四.第七条", "根据工程量大小确定信用额度", "The limit is scaled to the size of the work"],
  [/^credit\.reviewIntervalMonths$/, "policy-text", "004 四.第八条", "一般一年进行一次", "Reviewed once a year"],
  [/^credit\.supplierLetter\.1\./, "policy-text", "004 客户供应商咨询评价函 使用说明", "第一题：准确100分、不准确0分、权重10%", "Question 1: correct 100, incorrect 0, weight 10%"],
  [/^credit\.supplierLetter/, "product-default", "004 客户供应商咨询评价函", "原文只保留第一题的评分，其余为产品默认", "Only question 1's scoring survives; the rest are product defaults"],
  [/^collectionTiers\.1\.atMinProbability$/, "boundary", "004 六.第三条 1", `“90%以上”含90%（${ART_1259}）：恰好90%为不打扰`, "90%以上 includes 90% (Civil Code art. 1259): exactly 90% is wait"],
  [/^collectionTiers\.2\.atMinProbability$/, "choice", "004 六.第三条 2、3", "70%同时出现在“70%～90%”与“50%～70%”两档：默认归入委婉催收档（included），可改为 excluded", "70% is named in both 70%～90% and 50%～70%: the gentle tier by default (included); may be set to excluded"],
  [/^collectionTiers\.3\.atMinProbability$/, "boundary", "004 六.第三条 3、4", `“50%以下”含50%（${ART_1259}）：恰好50%归入诉讼档，本档不含（excluded）`, "50%以下 includes 50% (Civil Code art. 1259): exactly 50% goes to the legal tier, so this tier excludes it"],
  [/^collectionTiers\.\d+\.atMinProbability$/, "boundary", "004 六.第三条", "恰好等于下限时是否属于本档", "Whether exactly the lower bound is in this tier"],
  [/^collectionTiers/, "policy-text", "004 六.第三条", "按回收可能性确定收账方针", "The collection approach by recovery probability"],
  [/^ecl\.adjustment$/, "product-default", "企业会计准则第22号；IFRS 9 5.5.17", "预期信用损失的前瞻性调整 k：损失率 ×（1 + k），最高 100%。制度早于新准则，未作规定；默认 0（不调整）", "The expected credit loss's forward-looking adjustment k: loss rates × (1 + k), at most 100%. The policy predates the standard; default 0 (none)"],
  [/^ecl\.segmentColumn$/, "product-default", "企业会计准则第22号", "按信用风险特征划分组合所依据的台账列（表头文字或列字母，如“客户类型”“部门”或 F）：各组合分别计算迁徙率和预期信用损失。空白时未单项计提的款项为一个组合", "The ledger column whose values divide the pool by credit-risk characteristics (its header text or letter: 客户类型, department, F): each segment gets its own migration and loss rates. Blank: one pool"],
  [/^ecl\.existingAllowance$/, "to-be-set", "企业会计准则第22号", "账面已计提的坏账准备余额，用于计算本期信用减值损失（计提或转回）；未填写时按 0 计算并在报表中说明", "The allowance on the books, for this period's charge or reversal; blank: taken as 0, and the report says so"],
  [/^collection\.neverWaitFromClass$/, "choice", "004 五.第六条、第七条", "对逾期和呆滞应收账款特别关注、对呆账指定专人清收：该类及更严重的款项，回收可能性再高也不“不打扰”。默认 stale；五.第六条也提到逾期，可改为 overdue", "Overdue and stale items get special attention, bad ones a named collector: from this class on, no probability means 'do not disturb'. Default stale; 五.第六条 also names overdue, which may be set"],
  [/^reconciliationIntervalMonths$/, "policy-text", "004 二.第三条 2、3", "对账频率一般应该不少于半年一次", "Reconcile at least once every six months"],
  [/^writeOff\.overdueYears$/, "policy-text", "004 七.第一条 5", "逾期3年以上仍未收回的应收账款", "Overdue 3 years or more (逾期3年以上)"],
  [/^writeOff\.atOverdueYears$/, "boundary", "004 七.第一条 5", `“以上”含本数（${ART_1259}）：自到期日起恰好满3年即可核销（eligible）`, "以上 includes the number (Civil Code art. 1259): exactly 3 years from the due date is eligible"],
  [/^writeOff\.conditions(\.\d+\.key)?$/, "policy-text", "004 七.第一条", "可以确认损失的情形；第6项“公司根据管理的需要设定的应收帐款核销条件”：公司可在表末增加条目", "Conditions for a write-off; item 6 (the company's own) is added at the end"],
  [/^writeOff\.conditions\.\d+\.phrases/, "product-default", "", "每组至少出现一个：既要有发生的事（如宣告破产），也要有无法清偿的结果", "One of every group: what happened (宣告破产) and that the debtor cannot pay"],
  [/^writeOff\.conditions\.\d+\.keyWords/, "product-default", "", "相近词语：只相近不成立，检查时提示人工判断", "Words that come close: never a match; the check asks a person to decide"],
  [/^writeOff\.conditions\.\d+\.negations/, "product-default", "", "意思不同的说法（如“撤销起诉”）：出现在其中的词语不算", "Phrases that mean something else (撤销起诉): a phrase inside one does not count"],
  [/^writeOff\.taxFilingDaysAfterYearEnd$/, "policy-text", "004 七.第五条", "向税务局申报损失最迟不得超过第二年后45日", "Declare the loss to the tax bureau within 45 days after the year"],
  [/^writeOff\.incomeTaxRate$/, "policy-text", "004 七.第五条", "赔偿金额＝应收账款损失×33%×赔偿比率；33%为原文所写（公司自己的赔偿公式），可修改", "Compensation = loss × 33% × ratio; 33% as the text writes it (the company's own formula), editable"],
  [/^writeOff\.compensationRatio$/, "to-be-set", "004 七.第五条", "原文“按损失的＿赔偿”留空：公司填写前，报表显示“待在制度中设定”", "Left blank in the text: until filled in, reports show “to be set in the policy”"],
  [/^writeOff\.recoveryRewardRate$/, "to-be-set", "004 七.第六条", "原文“根据回收额的＿%给予奖励”留空：公司填写前，报表显示“待在制度中设定”", "Left blank in the text: until filled in, reports show “to be set in the policy”"],
  [/^performance\.badDebtDeductionRate$/, "policy-text", "004 五.第七条", "年末从绩效考核利润指标中全额扣除呆账，收回时计入当年", "Bad debts deducted in full from the year's performance profit, added back when recovered"],
  [/^performance\.assetLossCompensationRatio$/, "to-be-set", "004 六.第九条", "以资产抵付发生损失，按各自应收款额度分摊后乘以赔偿比例，比例在年度政策中规定（原文未给）", "A loss on assets taken in settlement is shared by each department's amount to collect, times a ratio the year's policy sets (not in the text)"],
  [/^bills\.discountDayBasis$/, "product-default", "004 八.第六条", "贴现利息＝票面金额×年利率×贴现天数÷360（银行惯例）", "Discount interest = face × annual rate × days ÷ 360 (bank convention)"],
  [/^company\./, "company", "", "公司名称、收款账户等，打印通知书前填写", "Company name, payee account…: fill in before printing notices"],
  [/^notices\./, "product-default", "004 六.第一条；二.第三条 2", "通知书与询证函的措辞，可修改", "The wording of notices and letters, editable"],
];

/** The note of a policy-table key (serialize.ts's keys), or null. */
export function fieldNote(key: string): FieldNote | null {
  for (const [re, kind, article, zh, en] of RULES) if (re.test(key)) return { kind, article, text: { "zh-CN": zh, "en-US": en } };
  return null;
}

let defaultRows: Map<string, string> | null = null;
function defaultValueOf(key: string): string | undefined {
  defaultRows ??= new Map(policyToTable(DEFAULT_POLICY));
  return defaultRows.get(key);
}

/** A note as the policy sheet prints it: kind | article | text, and whether the company changed the value. */
export function formatFieldNote(note: FieldNote, lang: Lang, changedFrom?: string): string {
  const parts = [noteKindLabel(note.kind, lang)];
  if (note.article !== "") parts.push(note.article);
  parts.push(note.text[lang]);
  let out = parts.join(lang === "zh-CN" ? "｜" : " | ");
  if (changedFrom !== undefined) {
    out += lang === "zh-CN" ? `（已由公司修改，默认为“${changedFrom}”）` : ` (changed by the company; default "${changedFrom}")`;
  }
  return out;
}

/**
 * The policy sheet's rows: key, value, and the source beside it (a note is printed where it
 * begins, not repeated on every row it covers; a value the company changed is always marked).
 */
export function policySheetRows(policy: Policy, lang: Lang): [string, string, string][] {
  let previous = "";
  return policyToTable(policy).map(([key, value]) => {
    const note = fieldNote(key);
    const def = defaultValueOf(key);
    const changed = def !== undefined && def !== value ? def : undefined;
    let text = "";
    if (note !== null) {
      const plain = formatFieldNote(note, lang);
      if (plain !== previous || changed !== undefined) text = formatFieldNote(note, lang, changed);
      previous = plain;
    } else previous = "";
    return [key, value, text];
  });
}

const sameCache = new WeakMap<Policy, Map<string, boolean>>();

/** Whether every row of the policy under `prefix` (a table key, e.g. "provision.rates") is the default's, no more and no fewer. */
export function isDefaultAt(policy: Policy, prefix: string): boolean {
  let byPrefix = sameCache.get(policy);
  if (byPrefix === undefined) {
    byPrefix = new Map();
    sameCache.set(policy, byPrefix);
  }
  let same = byPrefix.get(prefix);
  if (same === undefined) {
    const under = (rows: [string, string][]): string => JSON.stringify(rows.filter(([k]) => k === prefix || k.startsWith(`${prefix}.`)));
    same = under(policyToTable(policy)) === under(policyToTable(DEFAULT_POLICY));
    byPrefix.set(prefix, same);
  }
  return same;
}
