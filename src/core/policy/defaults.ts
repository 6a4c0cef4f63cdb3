/**
 * The default policy: every figure POLICY.md states, and — where the source documents are
 * silent — the product's own proposal, marked "product default" here and, where a user reads
 * it (grade labels), in the label too. Companies edit a copy through loadPolicy; this object
 * is deep-frozen so nothing can change the defaults under another caller's feet.
 *
 * Chinese wording is taken from the source text (seed 004) wherever it has one.
 */
import { bi, type Bilingual } from "../../i18n/bilingual";
import type {
  AgingBand,
  CollectionTier,
  CreditGradeBand,
  NoticeTemplates,
  Policy,
  ProvisionRate,
  QuestionnaireItem,
  StatusCondition,
  SupplierLetterQuestion,
} from "./types";

/** Freezes a plain JSON-like value and everything inside it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

// What a debtor's inability to pay is written as, the consequence several conditions require.
const CANNOT_PAY = ["无法清偿", "不能清偿", "无力清偿", "不足清偿", "不足以清偿", "无法偿还", "无力偿还", "cannot pay", "unable to pay", "insufficient to pay"];

/**
 * 004 五.第三条: conditions that make a receivable bad regardless of days. Each is stated by its
 * phrases only; a text that merely shares a word with it (破产风险, 拒绝签收) or negates it
 * (未破产, 不是拒付) comes close, and the check asks a person (status.ts).
 */
const DIRECT_TO_BAD: StatusCondition[] = [
  {
    key: "bankrupt",
    label: bi("债务人经法院宣告破产或进入破产程序", "Debtor declared bankrupt or in bankruptcy proceedings"),
    article: "004 五.第三条 1",
    phrases: [
      [
        "宣告破产", "破产宣告", "进入破产程序", "破产程序", "破产清算", "破产重整", "破产和解", "已破产", "裁定破产", "受理破产",
        "declared bankrupt", "bankruptcy proceedings", "in bankruptcy", "went bankrupt", "is bankrupt", "insolvency proceedings",
      ],
    ],
    keyWords: ["破产", "清算", "bankrupt", "insolven", "liquidat"],
    negations: ["破产风险", "濒临破产", "撤回破产申请", "bankruptcy risk", "risk of bankruptcy"],
  },
  {
    key: "refuses-to-pay",
    label: bi("债务人明示拒绝还款", "Debtor explicitly refuses to pay"),
    article: "004 五.第三条 2",
    phrases: [
      [
        "拒绝还款", "拒绝付款", "拒绝支付", "拒绝偿还", "拒付", "拒不支付", "拒不还款", "拒不付款", "拒不偿还", "明确表示不再付款", "表示不再付款", "不再付款", "明示拒绝",
        "refuses to pay", "refused to pay", "refuse to pay", "will not pay", "won't pay",
      ],
    ],
    keyWords: ["拒绝", "拒不", "不付", "refus"],
    negations: ["拒付风险", "拒绝签收"],
  },
  {
    key: "deteriorated",
    label: bi("债务人经营状况急剧恶化，长期看没有好转可能", "Debtor's business has deteriorated sharply with no prospect of recovery"),
    article: "004 五.第三条 3",
    phrases: [["经营状况急剧恶化", "经营急剧恶化", "经营状况严重恶化", "经营严重恶化", "资不抵债", "deteriorated sharply", "sharply deteriorated"]],
    keyWords: ["恶化", "经营困难", "停产", "停业", "deteriorat", "difficult"],
    negations: [],
  },
  {
    key: "disaster",
    label: bi("债务人遭受巨大自然灾害，短期内难以恢复", "Debtor suffered a major natural disaster"),
    article: "004 五.第三条 4",
    phrases: [["自然灾害", "natural disaster"]],
    keyWords: ["灾害", "灾", "地震", "洪水", "洪灾", "台风", "disaster", "flood", "earthquake"],
    negations: [],
  },
];

/** Words written just before a phrase that negate it ("未破产", "不是拒付", "not bankrupt"). */
const STATUS_NEGATIONS = ["未", "尚未", "并未", "从未", "非", "并非", "无", "没", "没有", "不是", "不属于", "不", "not", "no", "non", "never"];

// POLICY §3: the bands of the long-aged receivables report (plan 000's own table: 一至二年,
// 二年至三年, 三年以上). Labels as Chinese financial-statement notes print them, the 含 notes
// saying where each anniversary falls; a band's age runs from the date arisen.
const REPORT_BANDS: AgingBand[] = [
  { key: "y0-1", label: bi("1年以内（含1年）", "Within 1 year (1 year included)"), upToMonths: 12 },
  { key: "y1-2", label: bi("1至2年（含2年）", "1–2 years (2 years included)"), upToMonths: 24 },
  { key: "y2-3", label: bi("2至3年（含3年）", "2–3 years (3 years included)"), upToMonths: 36 },
  { key: "y3+", label: bi("3年以上", "Over 3 years"), upToMonths: null },
];

// POLICY §4: the documents give no rates; these are common practice under the aging method.
const PROVISION_BANDS: AgingBand[] = [
  { key: "y0-1", label: bi("1年以内（含1年）", "Within 1 year (1 year included)"), upToMonths: 12 },
  { key: "y1-2", label: bi("1至2年（含2年）", "1–2 years (2 years included)"), upToMonths: 24 },
  { key: "y2-3", label: bi("2至3年（含3年）", "2–3 years (3 years included)"), upToMonths: 36 },
  { key: "y3-4", label: bi("3至4年（含4年）", "3–4 years (4 years included)"), upToMonths: 48 },
  { key: "y4-5", label: bi("4至5年（含5年）", "4–5 years (5 years included)"), upToMonths: 60 },
  { key: "y5+", label: bi("5年以上", "Over 5 years"), upToMonths: null },
];

const PROVISION_RATES: ProvisionRate[] = [
  { bandKey: "y0-1", rate: "0.05" },
  { bandKey: "y1-2", rate: "0.10" },
  { bandKey: "y2-3", rate: "0.30" },
  { bandKey: "y3-4", rate: "0.50" },
  { bandKey: "y4-5", rate: "0.80" },
  { bandKey: "y5+", rate: "1.00" },
];

// POLICY §5.1: the customer questionnaire (客户情况调查表), 32 items, weights as in the form.
const G_APPEARANCE = bi("公司表面现象", "Outward impression");
const G_INTERNAL = bi("公司内部管理", "Internal management");
const G_EQUIPMENT = bi("设备与市场", "Equipment and market");
const G_COMPETITION = bi("市场竞争力", "Competitiveness");
const G_MANAGEMENT = bi("经营管理", "Management");
const G_PROSPECTS = bi("发展前景", "Prospects");
const G_DEAL = bi("交易", "The transaction");

type Answers = [Bilingual, Bilingual, Bilingual];
const GOOD_FAIR_POOR: Answers = [bi("较好", "Good"), bi("一般", "Fair"), bi("较差", "Poor")];
const STRONG_FAIR_WEAK: Answers = [bi("较强", "Strong"), bi("一般", "Fair"), bi("较差", "Weak")];
const EXPANDING: Answers = [bi("扩大", "Expanding"), bi("保持现状", "Steady"), bi("下降", "Declining")];
const GROWING: Answers = [bi("发展", "Growing"), bi("保持", "Holding steady"), bi("衰退", "Declining")];
const IMPORTANCE: Answers = [bi("重要", "Important"), bi("一般", "Moderate"), bi("无足轻重", "Negligible")];
const CAN_MEET: Answers = [bi("能满足", "Can meet them"), bi("有一定困难", "Some difficulty"), bi("很困难", "Great difficulty")];

function item(no: number, group: Bilingual, zh: string, en: string, answers: Answers, weight: string): QuestionnaireItem {
  return { no, group, item: bi(zh, en), answers: answers.map((a) => ({ ...a })) as Answers, weight };
}

const QUESTIONNAIRE: QuestionnaireItem[] = [
  item(1, G_APPEARANCE, "客户经营规范性", "How properly the customer's business is run", GOOD_FAIR_POOR, "0.02"),
  item(2, G_APPEARANCE, "业务人员素质", "Quality of the customer's staff", GOOD_FAIR_POOR, "0.01"),
  item(3, G_APPEARANCE, "业务员士气", "Morale of the customer's sales staff", GOOD_FAIR_POOR, "0.01"),
  item(4, G_APPEARANCE, "客户面临的经营环境", "Business environment the customer faces", GOOD_FAIR_POOR, "0.02"),
  item(5, G_INTERNAL, "客户内部管理制度", "Customer's internal management rules", GOOD_FAIR_POOR, "0.02"),
  item(6, G_INTERNAL, "人员变动情况", "Staff turnover", GOOD_FAIR_POOR, "0.01"),
  item(7, G_INTERNAL, "客户工作的计划性", "How well the customer plans its work", GOOD_FAIR_POOR, "0.02"),
  item(8, G_INTERNAL, "客户财务管理和信用管理", "Customer's financial and credit management", GOOD_FAIR_POOR, "0.04"),
  item(9, G_EQUIPMENT, "客户设备先进性", "How advanced the customer's equipment is", STRONG_FAIR_WEAK, "0.02"),
  item(10, G_EQUIPMENT, "客户的市场前景", "Customer's market outlook", EXPANDING, "0.01"),
  item(11, G_EQUIPMENT, "客户业务发展趋势", "Trend of the customer's business", EXPANDING, "0.01"),
  item(12, G_EQUIPMENT, "客户经营活动市场范围", "Geographic reach of the customer's business",
    [bi("全球", "Global"), bi("全国", "National"), bi("地区", "Regional")], "0.02"),
  item(13, G_COMPETITION, "客户在其行业内规模", "Customer's size within its industry",
    [bi("平均以上", "Above average"), bi("平均", "Average"), bi("平均以下", "Below average")], "0.03"),
  item(14, G_COMPETITION, "客户竞争对手情况", "Customer's competitors",
    [bi("少有对手", "Few competitors"), bi("有个别强有力对手", "A few strong competitors"), bi("众多对手", "Many competitors")], "0.01"),
  item(15, G_COMPETITION, "客户市场地位", "Customer's market position",
    [bi("市场领导者", "Market leader"), bi("市场跟随者", "Market follower"), bi("市场挑战者", "Market challenger")], "0.02"),
  item(16, G_COMPETITION, "客户在其行业内的名气", "Customer's reputation in its industry",
    [bi("较高", "High"), bi("一般", "Moderate"), bi("较小", "Low")], "0.01"),
  item(17, G_MANAGEMENT, "决策者的实践经验", "Decision-makers' practical experience", STRONG_FAIR_WEAK, "0.01"),
  item(18, G_MANAGEMENT, "决策者投资方式", "Decision-makers' investment style",
    [bi("平稳", "Steady"), bi("保守", "Conservative"), bi("激进", "Aggressive")], "0.02"),
  item(19, G_MANAGEMENT, "客户投资项目", "Customer's investment projects",
    [bi("长期", "Long-term"), bi("短期", "Short-term"), bi("即期", "Immediate")], "0.03"),
  item(20, G_MANAGEMENT, "客户领导风格", "Customer's leadership style",
    [bi("民主", "Democratic"), bi("专制", "Autocratic"), bi("自由放任", "Laissez-faire")], "0.04"),
  item(21, G_PROSPECTS, "客户业务发展前景", "Prospects of the customer's business", GROWING, "0.01"),
  item(22, G_PROSPECTS, "国家宏观政策的支持", "Support from national macro policy",
    [bi("大力支持", "Strongly supported"), bi("不明确", "Unclear"), bi("限制", "Restricted")], "0.02"),
  item(23, G_PROSPECTS, "客户与我方发展前景", "Prospects of the customer's business with us", GROWING, "0.04"),
  item(24, G_DEAL, "此交易产生的利润", "Profit from this transaction",
    [bi("超过平均利润", "Above-average profit"), bi("平均利润", "Average profit"), bi("低于平均利润", "Below-average profit")], "0.10"),
  item(25, G_DEAL, "公司满足客户工期的要求", "Our ability to meet the customer's schedule", CAN_MEET, "0.05"),
  item(26, G_DEAL, "公司满足客户质量的要求", "Our ability to meet the customer's quality requirements", CAN_MEET, "0.05"),
  item(27, G_DEAL, "本交易对本企业的影响", "Importance of this transaction to our company", IMPORTANCE, "0.08"),
  item(28, G_DEAL, "本交易对本企业市场战略的影响", "Importance of this transaction to our market strategy", IMPORTANCE, "0.06"),
  item(29, G_DEAL, "客户提供的债权保障", "Security the customer offers",
    [bi("现金或担保抵押", "Cash, guarantee or collateral"), bi("货到付款", "Payment on delivery"), bi("赊销", "Open credit")], "0.05"),
  item(30, G_DEAL, "该客户能否被其他客户替代", "Whether other customers could replace this one",
    [bi("不可替代", "Irreplaceable"), bi("一般", "Partly replaceable"), bi("完全可以被替代", "Fully replaceable")], "0.06"),
  item(31, G_DEAL, "客户对商业债务的付款情况", "Customer's payment of trade debts",
    [bi("按时", "On time"), bi("有时拖欠", "Sometimes late"), bi("经常性拖欠", "Often late")], "0.05"),
  item(32, G_DEAL, "客户对银行贷款偿还情况", "Customer's repayment of bank loans",
    [bi("按时全部偿还", "Fully on time"), bi("部分按时偿还", "Partly on time"), bi("基本无法按时偿还", "Mostly not on time")], "0.05"),
];

/**
 * Grade bands and limit factors: PRODUCT DEFAULTS. POLICY §5 says finance proposes a grade
 * and a limit "scaled to the size of the work" but gives neither the bands nor the formula.
 * Suggested limit = contract value × limitFactor.
 */
const GRADES: CreditGradeBand[] = [
  { grade: "AAA", minScore: 90, label: bi("AAA 信用优秀（产品默认，可修改）", "AAA excellent (product default, editable)"), limitFactor: "1.0" },
  { grade: "AA", minScore: 80, label: bi("AA 信用良好（产品默认，可修改）", "AA good (product default, editable)"), limitFactor: "0.8" },
  { grade: "A", minScore: 70, label: bi("A 信用一般（产品默认，可修改）", "A fair (product default, editable)"), limitFactor: "0.6" },
  { grade: "B", minScore: 60, label: bi("B 信用较差（产品默认，可修改）", "B weak (product default, editable)"), limitFactor: "0.3" },
  { grade: "C", minScore: 0, label: bi("C 不予赊销（产品默认，可修改）", "C no credit (product default, editable)"), limitFactor: "0" },
];

/**
 * POLICY §5.2: the supplier reference letter (客户供应商咨询评价函). Only question 1's scoring
 * survives in the source (correct 100 / incorrect 0, weight 10%). Questions 2–7: PRODUCT
 * DEFAULTS — a longer relationship, a larger limit and a longer term granted by another supplier
 * show more trust in the customer and score higher; punctual payment carries the most weight;
 * other ties to the referee make the reference less independent; a stop in shipments or a
 * chase for overdue amounts scores 0. Weights 0.10 + 0.15 + 0.15 + 0.10 + 0.30 + 0.05 + 0.15 = 1.
 */
const SUPPLIER_LETTER: SupplierLetterQuestion[] = [
  {
    no: 1,
    question: bi("客户名称、地址是否准确", "Are the customer's name and address correct?"),
    options: [
      { label: bi("准确", "Correct"), score: 100 },
      { label: bi("不准确", "Incorrect"), score: 0 },
    ],
    weight: "0.10",
  },
  {
    no: 2,
    question: bi("贵公司和该公司业务时间多长", "How long have you traded with the customer?"),
    options: [
      { label: bi("半年内", "Less than half a year"), score: 25 },
      { label: bi("一年内", "Less than 1 year"), score: 50 },
      { label: bi("两年内", "Less than 2 years"), score: 75 },
      { label: bi("两年以上", "2 years or more"), score: 100 },
    ],
    weight: "0.15",
  },
  {
    no: 3,
    question: bi("贵公司目前给该公司的信用额度是多少", "What credit limit do you currently give the customer?"),
    options: [
      { label: bi("一万元以下", "Under 10,000 yuan"), score: 25 },
      { label: bi("5万元以下", "Under 50,000 yuan"), score: 50 },
      { label: bi("10万元以下", "Under 100,000 yuan"), score: 75 },
      { label: bi("10万元以上", "100,000 yuan or more"), score: 100 },
    ],
    weight: "0.15",
  },
  {
    no: 4,
    question: bi("贵公司给予的信用期限是多长", "What credit term do you give the customer?"),
    options: [
      { label: bi("30天内", "Up to 30 days"), score: 25 },
      { label: bi("60天内", "Up to 60 days"), score: 50 },
      { label: bi("90天内", "Up to 90 days"), score: 75 },
      { label: bi("90天以上", "Over 90 days"), score: 100 },
    ],
    weight: "0.10",
  },
  {
    no: 5,
    question: bi("该企业的付款是否及时", "Does the customer pay on time?"),
    options: [
      { label: bi("绝对及时", "Always on time"), score: 100 },
      { label: bi("很少拖欠", "Rarely late"), score: 70 },
      { label: bi("拖欠", "Late"), score: 30 },
      { label: bi("经常拖欠", "Often late"), score: 0 },
    ],
    weight: "0.30",
  },
  {
    no: 6,
    question: bi(
      "除了业务往来关系，贵公司是否有其他人员、财务、管理等方面的关系",
      "Apart from trade, do you have other ties with the customer (staff, finance, management)?",
    ),
    options: [
      { label: bi("没有关系", "No other ties"), score: 100 },
      { label: bi("有关系", "Other ties"), score: 50 },
    ],
    weight: "0.05",
  },
  {
    no: 7,
    question: bi(
      "在过去9个月内，贵公司是否曾经停止向该企业发货或采取措施追收逾期账款",
      "In the last 9 months, have you stopped shipping to the customer or chased overdue amounts?",
    ),
    options: [
      { label: bi("是", "Yes"), score: 0 },
      { label: bi("否", "No"), score: 100 },
    ],
    weight: "0.15",
  },
];

// POLICY §6 (004 六.第三条): the quarterly review sets the approach by recovery probability.
// 90%以上 includes 90% and 50%以下 includes 50% (Civil Code art. 1259); 70% is named in both
// "70%～90%" and "50%～70%": it goes to the gentle tier, a choice the policy sheet shows.
const COLLECTION_TIERS: CollectionTier[] = [
  {
    minProbability: "0.90",
    atMinProbability: "included",
    approach: "wait",
    label: bi("一般不打扰客户，等待客户主动付款", "Do not disturb the customer; wait for payment"),
  },
  {
    minProbability: "0.70",
    atMinProbability: "included",
    approach: "gentle",
    label: bi("措辞委婉地催收，尽量取得客户对催收的理解", "Gentle, tactful reminders; seek the customer's understanding"),
  },
  {
    minProbability: "0.50",
    atMinProbability: "excluded",
    approach: "firm",
    label: bi("频繁地信件催款、电话催询及人员上门催收", "Frequent letters, calls and visits"),
  },
  {
    minProbability: "0",
    atMinProbability: "included",
    approach: "legal",
    label: bi("措辞严厉，必要时提请有关部门仲裁或提请诉讼", "Stern wording; arbitration or a lawsuit where needed"),
  },
];

/**
 * 004 七.第一条 conditions 1–4 (condition 5, overdue years, is writeOff.overdueYears; 6, the
 * company's own, are entries it adds). Each needs what happened and that the debtor cannot pay:
 * 进入破产程序 makes an item bad (五.第三条) but is no ground for a write-off until the debtor is
 * declared bankrupt or deregistered and its remaining assets cannot pay.
 */
const WRITE_OFF_CONDITIONS: StatusCondition[] = [
  {
    key: "bankrupt-deregistered",
    label: bi("债务人被依法宣告破产、撤销，剩余财产确实不足清偿", "Debtor declared bankrupt, dissolved or deregistered; remaining assets cannot pay"),
    article: "004 七.第一条 1",
    phrases: [
      ["宣告破产", "破产宣告", "裁定破产", "被撤销", "依法撤销", "已撤销", "被吊销", "吊销营业执照", "已注销", "被注销", "declared bankrupt", "dissolved", "deregistered"],
      ["剩余财产不足", "财产不足", "无财产可供", "无可供执行", "assets cannot pay", "insufficient assets", "no assets", ...CANNOT_PAY],
    ],
    keyWords: ["破产", "撤销", "吊销", "注销", "清算", "bankrupt", "insolven", "liquidat"],
    negations: ["撤销起诉", "撤销诉讼", "撤销案件", "撤销仲裁", "撤销申请", "撤销合同", "撤销订单", "撤诉", "破产风险", "濒临破产", "withdrew the lawsuit", "withdrawn"],
  },
  {
    key: "dead-missing",
    label: bi("债务人死亡或被宣告死亡、失踪，财产或遗产确实不足清偿", "Debtor dead or declared missing; estate cannot pay"),
    article: "004 七.第一条 2",
    phrases: [
      ["死亡", "失踪", "deceased", "died", "declared dead", "declared missing"],
      ["遗产不足", "无遗产", "财产不足", "no estate", "estate cannot pay", ...CANNOT_PAY],
    ],
    keyWords: ["死亡", "失踪", "去世", "病故", "下落不明", "dead", "death"],
    negations: [],
  },
  {
    key: "disaster-accident",
    label: bi("债务人遭受重大自然灾害或意外事故，确实无法清偿", "Debtor suffered a major natural disaster or accident; cannot pay"),
    article: "004 七.第一条 3",
    phrases: [
      ["自然灾害", "意外事故", "重大事故", "重大灾害", "natural disaster", "major accident"],
      CANNOT_PAY,
    ],
    keyWords: ["灾害", "事故", "火灾", "disaster", "accident"],
    negations: [],
  },
  {
    key: "court-ruling",
    label: bi("债务人逾期未履行偿债义务，经法院裁决确实无法清偿", "A court ruled the debtor cannot pay"),
    article: "004 七.第一条 4",
    phrases: [
      ["法院判决", "法院裁决", "法院裁定", "判决书", "裁定书", "经判决", "经裁决", "经裁定", "court ruled", "court ruling", "court judgment", "court found"],
      ["无财产可供执行", "无可供执行", "终结本次执行", "终结执行", "no assets", ...CANNOT_PAY],
    ],
    keyWords: ["判决", "裁决", "终结执行", "court", "judgment"],
    negations: [],
  },
];

/**
 * POLICY §6 and §7: the collection notice (应收账款催款通知书) and the balance confirmation letter
 * (应收账款询证函), in the register of a Chinese official letter. The tone follows the approach:
 * gentle asks for understanding, firm says what happens next (a visit), legal names arbitration
 * or a lawsuit and who bears the costs. The confirmation letter's "not a demand for payment"
 * sentence is the auditing profession's standard wording.
 */
const NOTICES: NoticeTemplates = {
  payByDays: 15, // product default: POLICY §6 sets no term for payment after a notice
  paper: "A4",
  collection: {
    title: bi("应收账款催款通知书", "Collection Notice"),
    salutation: bi("{customer}：", "To {customer}:"),
    gentle: {
      opening: bi("首先感谢贵单位一直以来对我公司的信任与支持！", "Thank you for your continued trust in and support of our company."),
      body: bi(
        "根据双方签订的{projects}合同约定，截至{asOf}，贵单位尚欠我公司款项共计人民币{total}元（大写：人民币{totalInWords}），明细如下：",
        "Under the contract between us{projects}, as of {asOf} your company owes us a total of CNY {total} (in words: {totalInWords}), itemised below:",
      ),
      closing: bi(
        "我公司理解贵单位在资金安排上可能存在的困难，恳请贵单位核对无误后，于{payBy}前将上述款项汇入我公司下列账户。如有疑问，请与我公司联系，我们将积极配合核对。",
        "We understand that payments must fit your plans, and would be grateful if you could check the items and transfer the amount to the account below by {payBy}. Should you have any question, please contact us and we will gladly go through the items with you.",
      ),
    },
    firm: {
      opening: bi("我公司已就下列款项多次与贵单位联系，但至今仍未收到贵单位的付款。", "We have contacted you several times about the items below, but have not yet received your payment."),
      body: bi(
        "根据双方签订的{projects}合同约定，截至{asOf}，贵单位逾期未付我公司款项共计人民币{total}元（大写：人民币{totalInWords}），明细如下：",
        "Under the contract between us{projects}, as of {asOf} your company owes us a total of CNY {total} (in words: {totalInWords}), overdue as itemised below:",
      ),
      closing: bi(
        "请贵单位务必于{payBy}前将上述款项足额汇入我公司下列账户，并将付款安排书面回复我公司。逾期未付，我公司将派专人上门催收。",
        "Please pay the full amount into the account below by {payBy} and confirm your payment arrangements to us in writing. If payment has not been received by then, our staff will call on you to collect it.",
      ),
    },
    legal: {
      opening: bi("贵单位拖欠我公司款项已久，经我公司多次催收，至今仍未支付。", "Your company's debt to us has long been overdue and remains unpaid despite our repeated requests."),
      body: bi(
        "根据双方签订的{projects}合同约定，截至{asOf}，贵单位尚欠我公司款项共计人民币{total}元（大写：人民币{totalInWords}），明细如下：",
        "Under the contract between us{projects}, as of {asOf} your company owes us a total of CNY {total} (in words: {totalInWords}), itemised below:",
      ),
      closing: bi(
        "现郑重通知：请贵单位于{payBy}前将上述款项全部付清。逾期仍未付清的，我公司将依法提请仲裁或向人民法院提起诉讼，由此产生的诉讼费、律师费及逾期付款利息等一切费用均由贵单位承担。",
        "We hereby formally demand payment of the full amount by {payBy}. If it remains unpaid after that date, we will refer the matter to arbitration or bring proceedings before the People's Court, and all costs arising, including court and lawyers' fees and interest on late payment, will be borne by your company.",
      ),
    },
    alreadyPaid: bi(
      "如贵单位在收到本通知前已付清上述款项，请忽略本通知，并请将付款凭证复印件寄送我公司，以便核对。",
      "If you have already paid the above amount before receiving this notice, please disregard it and send us a copy of the payment slip so that we can reconcile our records.",
    ),
    signature: bi("{company}\n总经理（签字）：＿＿＿＿＿＿＿＿\n（公司盖章）\n{asOf}", "{company}\nGeneral Manager (signature): ________________\n(Company seal)\n{asOf}"),
  },
  confirmation: {
    title: bi("应收账款询证函", "Balance Confirmation"),
    salutation: bi("{customer}：", "To {customer}:"),
    body: bi(
      "为核对双方往来账项，特函请贵单位核对截至{cutOff}的往来余额。根据我公司账簿记载，截至{cutOff}贵单位尚欠我公司款项人民币{total}元（大写：人民币{totalInWords}）。如与贵单位记录相符，请在本函下端“数据证明无误”处签章证明；如有不符，请在“数据不符”处列明不符金额及明细。请于收到本函后十日内签章寄回我公司。",
      "To reconcile the accounts between us, please confirm the balance as at {cutOff}. According to our books, as at {cutOff} your company owed us CNY {total} (in words: {totalInWords}). If this agrees with your records, please sign and seal under \"Balance confirmed\" below; if not, please give the amount and details of the difference under \"Balance disputed\". Please return this letter, signed and sealed, within ten days of receiving it.",
    ),
    notDemand: bi(
      "本函仅为复核账目之用，并非催款结算。若款项在上述日期之后已经付清，仍请及时函复为盼。",
      "This letter is for the reconciliation of accounts only and is not a demand for payment. If the amount has been paid after the above date, please still reply.",
    ),
    agree: bi(
      "1. 数据证明无误。\n（公司盖章）\n经办人：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日",
      "1. Balance confirmed.\n(Company seal)\nSigned by: ____________    Date: ____________",
    ),
    disagree: bi(
      "2. 数据不符，请列明不符金额及明细：\n贵单位记录的余额：人民币＿＿＿＿＿＿＿＿元\n不符原因及明细：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿\n（公司盖章）\n经办人：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日",
      "2. Balance disputed; the amount and details of the difference:\nBalance per your records: CNY ____________\nDetails of the difference: ______________________________\n(Company seal)\nSigned by: ____________    Date: ____________",
    ),
    signature: bi("{company}（盖章）\n地址：{address}　电话：{phone}\n{asOf}", "{company} (seal)\nAddress: {address}    Phone: {phone}\n{asOf}"),
  },
  labels: {
    addressee: bi("致", "To"),
    contact: bi("联系人", "Contact"),
    phone: bi("联系电话", "Phone"),
    address: bi("地址", "Address"),
    basis: bi("合同/项目", "Contract / project"),
    no: bi("序号", "No."),
    document: bi("单据号", "Document"),
    project: bi("项目", "Project"),
    dateArisen: bi("发生日期", "Date"),
    dueDate: bi("到期日", "Due date"),
    daysPastDue: bi("逾期天数", "Days past due"),
    balance: bi("欠款余额", "Balance"),
    total: bi("合计", "Total"),
    totalInWords: bi("合计人民币（大写）", "Total in words (CNY)"),
    payBy: bi("付款期限", "Pay by"),
    payee: bi("收款账户", "Payee account"),
    accountName: bi("户名", "Account name"),
    bank: bi("开户银行", "Bank"),
    accountNo: bi("账号", "Account no."),
    cutOff: bi("截止日期", "Cut-off date"),
    balancePerBooks: bi("我公司账面余额", "Balance per our books"),
    date: bi("日期", "Date"),
    letterMethod: bi("信函", "letter"),
    noticeLogNote: bi("{title}（{sheet}）", "{title} ({sheet})"),
  },
};

export const DEFAULT_POLICY: Policy = deepFreeze<Policy>({
  schemaVersion: 1,
  currency: "CNY",
  // Product default: POLICY is silent; the credit term is per contract and overrides this.
  defaultCreditDays: 30,
  // POLICY §2: 不足20天 / 超过20天 leave d = 20 in neither class (→ normal, a stated choice);
  // 在90天内 and 在360天内 include the number (Civil Code art. 1259).
  agingClass: { normalMaxDays: 20, overdueMaxDays: 90, staleMaxDays: 360, atNormalMaxDays: "normal", atOverdueMaxDays: "overdue", atStaleMaxDays: "stale" },
  directToBad: DIRECT_TO_BAD,
  statusNegations: STATUS_NEGATIONS,
  reportBands: REPORT_BANDS,
  // 000 一: the clean-up plan lists the receivables over one year old (一至二年, 二年至三年, 三年以上).
  longAgedFromMonths: 12,
  // Product defaults: the seeds give no rates (POLICY §4); 004 itself uses direct write-off.
  provision: { method: "aging", bands: PROVISION_BANDS, rates: PROVISION_RATES, balanceRate: "0.05" },
  credit: {
    items: QUESTIONNAIRE,
    // POLICY §5.1 填表说明: 100–80 mid 90, 60–80 mid 70, 40–60 mid 50, don't know 60.
    answerScores: [
      { min: 80, max: 100, mid: 90 },
      { min: 60, max: 80, mid: 70 },
      { min: 40, max: 60, mid: 50 },
    ],
    dontKnowScore: 60,
    raterCombination: "mean",
    grades: GRADES,
    limitBasis: "contract",
    reviewIntervalMonths: 12, // POLICY §5: "一般一年进行一次"
    supplierLetter: SUPPLIER_LETTER,
  },
  collectionTiers: COLLECTION_TIERS,
  collection: { neverWaitFromClass: "stale" }, // 004 五.第六/七条
  reconciliationIntervalMonths: 6, // POLICY §7: at least once every six months
  writeOff: {
    overdueYears: 3,
    atOverdueYears: "eligible", // 逾期3年以上: 以上 includes exactly 3 years
    conditions: WRITE_OFF_CONDITIONS,
    taxFilingDaysAfterYearEnd: 45,
    // 七.第五条: 赔偿金额 = 应收账款损失 × 33% × 赔偿比率. The company's own penalty formula, so
    // the text's 33% stays the default (the income-tax rate of 2007; editable).
    incomeTaxRate: "0.33",
    // Blank in the text ("按损失的__赔偿", "回收额的_%"): the company fills them in.
    compensationRatio: null,
    recoveryRewardRate: null,
  },
  performance: {
    badDebtDeductionRate: "1", // 五.第七条: 全额扣除
    assetLossCompensationRatio: null, // 六.第九条: 具体比例在年度政策中规定
  },
  // CAS 22 / IFRS 9 (not in the seeds): no forward-looking adjustment until the company sets one;
  // the allowance on the books is the company's figure, blank until given.
  ecl: { adjustment: "0", existingAllowance: null, segmentColumn: null },

  bills: { discountDayBasis: 360 }, // POLICY §9
  // Placeholders: every company fills in its own details before printing notices or letters.
  company: {
    name: bi("（请填写公司名称）", "(Company name: to be filled in)"),
    payee: {
      accountName: "（请填写收款账户名）(payee account name: to be filled in)",
      bank: "（请填写开户银行）(bank: to be filled in)",
      accountNo: "（请填写银行账号）(account number: to be filled in)",
    },
    address: "（请填写公司地址）(address: to be filled in)",
    phone: "（请填写联系电话）(phone: to be filled in)",
  },
  notices: NOTICES,
});
