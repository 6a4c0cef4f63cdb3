/**
 * The policy: every number and word list a company may change (POLICY.md). Surfaces and the
 * engine read these fields; none of them is ever a literal elsewhere.
 *
 * Conventions: rates and weights are decimal strings ("0.05" = 5%) so they survive JSON and a
 * key/value sheet exactly; day and month counts are integers; labels are bilingual.
 */
import type { Bilingual } from "../../i18n/bilingual";

export type AgingClass = "normal" | "overdue" | "stale" | "bad";

/**
 * POLICY §2: d = days past the end of the credit term. The three numbers are the policy's own
 * (004 五.第二条: 不足20天 / 超过20天, 在90天内, 在360天内 / 360天以上); what happens at exactly
 * each number is a field of its own, because the text decides two of them and leaves one open
 * (Civil Code art. 1259: 以内 and 以上 include the number, 超过 and 不足 exclude it).
 */
export interface AgingClassThresholds {
  normalMaxDays: number; // 20
  overdueMaxDays: number; // 90
  staleMaxDays: number; // 360; above it: bad
  /** d = normalMaxDays exactly: 不足20天 and 超过20天 both exclude 20, so the policy chooses ("normal"). */
  atNormalMaxDays: "normal" | "overdue";
  /** d = overdueMaxDays exactly: 在90天内 includes 90 ("overdue"). */
  atOverdueMaxDays: "overdue" | "stale";
  /** d = staleMaxDays exactly: 在360天内 includes 360, 360天以上 starts after it ("stale"). */
  atStaleMaxDays: "stale" | "bad";
}

/**
 * A condition that makes a receivable bad regardless of days (004 五.第三条) or allows it to be
 * written off (七.第一条), as words a ledger's status or note may use (status.ts reads them).
 * A text states the condition when it holds one phrase of every group, none of them negated;
 * it comes close when it shares a key word, negates a phrase, or states only the first group
 * (what happened, without the consequence the policy requires).
 */
export interface StatusCondition {
  key: string; // stable id, e.g. "bankrupt"
  label: Bilingual;
  /** Where the policy states it, e.g. "004 五.第三条 1" (empty for a company's own). */
  article: string;
  /** Every group must be stated, by one of its phrases: [[宣告破产, 被撤销…], [不足清偿…]]. */
  phrases: string[][];
  /** Words a text may share with the condition without stating it (破产, 事故): close, never a match. */
  keyWords: string[];
  /** Phrases that mean something else (撤销起诉, 破产风险): a phrase written inside one does not count. */
  negations: string[];
}

/**
 * An age band counted from the date arisen in whole calendar months (POLICY §3).
 * A receivable whose age is at most `upToMonths` (and above the previous band's) falls in it;
 * the last band has upToMonths = null (open-ended). "Within 1 year" includes the anniversary day.
 */
export interface AgingBand {
  key: string; // e.g. "y0-1"
  label: Bilingual;
  upToMonths: number | null;
}

export interface ProvisionRate {
  bandKey: string; // refers to Policy.provision.bands
  rate: string; // decimal string in [0, 1]
}

/**
 * POLICY §4: 直接转销法 (no allowance, the loss is expensed when written off: 004 七.第七条),
 * 账龄分析法 (rates per band; items assessed one by one provided individually, as plan 000 does),
 * 个别认定法 (balance − expected recovery, item by item), 余额百分比法 (one rate on every balance).
 */
export type ProvisionMethod = "aging" | "individual" | "balance-percentage" | "direct-write-off";

interface ProvisionPolicy {
  method: ProvisionMethod; // default "aging" (plan 000); policy 004 uses "direct-write-off"
  /** Bands for the provision rate table; may be finer than the report bands. */
  bands: AgingBand[];
  rates: ProvisionRate[]; // one per band
  /** 余额百分比法's one rate (product default; the seeds give none). */
  balanceRate: string;
}

interface AnswerScoreRange {
  min: number; // 80
  max: number; // 100
  mid: number; // 90, used when the answer is given without an explicit score
}

export interface QuestionnaireItem {
  no: number; // 1..32
  group: Bilingual;
  item: Bilingual;
  answers: [Bilingual, Bilingual, Bilingual]; // best first
  weight: string; // decimal string, "0.02"
}

export interface CreditGradeBand {
  grade: string; // "AAA", "AA", ...
  minScore: number; // inclusive lower bound; bands sorted descending by minScore
  label: Bilingual;
  /** Suggested limit = limitBase × limitFactor (product default, editable; POLICY §5 is silent). */
  limitFactor: string; // decimal string
}

interface SupplierLetterOption {
  label: Bilingual;
  score: number; // 0..100
}

export interface SupplierLetterQuestion {
  no: number; // 1..7
  question: Bilingual;
  options: SupplierLetterOption[];
  weight: string; // decimal string
}

interface CreditPolicy {
  items: QuestionnaireItem[]; // 32 items, weights sum to exactly 1
  answerScores: [AnswerScoreRange, AnswerScoreRange, AnswerScoreRange];
  dontKnowScore: number; // 60
  raterCombination: "mean" | "weighted-mean";
  grades: CreditGradeBand[];
  /** What the limit factor multiplies: "contract" = the size of the work (POLICY §5). */
  limitBasis: "contract";
  reviewIntervalMonths: number; // 12: reviewed yearly
  supplierLetter: SupplierLetterQuestion[];
}

export type CollectionApproach = "wait" | "gentle" | "firm" | "legal";

export interface CollectionTier {
  /** Lower bound of recovery probability, a decimal string in [0, 1]. */
  minProbability: string;
  /**
   * Whether a probability of exactly minProbability is in this tier (004 六.第三条: 90%以上 and
   * 50%以下 include the number; 70% is named in two tiers and the policy chooses).
   */
  atMinProbability: "included" | "excluded";
  approach: CollectionApproach;
  label: Bilingual;
}

/** POLICY §6 with §2: what no probability tier may override. */
interface CollectionPolicy {
  /**
   * The least severe class whose items are never left undisturbed, whatever the probability:
   * 004 五.第六条 asks special attention for overdue and stale items and 五.第七条 a named
   * collector for bad ones; default "stale".
   */
  neverWaitFromClass: "overdue" | "stale" | "bad";
}

interface WriteOffPolicy {
  overdueYears: number; // 3
  /** Exactly overdueYears overdue: 逾期3年以上 includes 3 years ("eligible"). */
  atOverdueYears: "eligible" | "not-eligible";
  conditions: StatusCondition[]; // POLICY §8 1–4, 6
  taxFilingDaysAfterYearEnd: number; // 45
  /** 七.第五条: 赔偿金额 = 应收账款损失 × 33% × 赔偿比率 ("0.33"). */
  incomeTaxRate: string;
  /** 七.第五条's 赔偿比率: blank in the text, the company sets it; null until then. */
  compensationRatio: string | null;
  /** 七.第六条: the reward, a share of what is recovered after write-off; blank in the text; null until set. */
  recoveryRewardRate: string | null;
}

/** POLICY §2 and §6, 004 五.第七条, 六.第九条, 八.第六条: what counts against a department's performance. */
/**
 * The expected credit loss beside the policy's method (CAS 22 / IFRS 9, simplified approach): the
 * seeds predate the standard, so both figures are the company's to set.
 */
interface EclPolicy {
  /** The forward-looking adjustment k: loss rates × (1 + k), at most 100% (decimal text, ≥ −1; "0" none). */
  adjustment: string;
  /** The allowance on the books (坏账准备) before this period's charge; null: not given, taken as 0 and said. */
  existingAllowance: string | null;
  /**
   * The ledger column whose values make the collective pool's segments (组合: customer type,
   * department), by its header text or letter; null: one pool.
   */
  segmentColumn: string | null;
}

interface PerformancePolicy {
  /** 五.第七条: the share of bad debts deducted from the year's performance profit (全额 = "1"). */
  badDebtDeductionRate: string;
  /** 六.第九条: the ratio applied to a department's share of a loss on assets taken in settlement; null until set. */
  assetLossCompensationRatio: string | null;
}

interface CompanyDetails {
  name: Bilingual;
  payee: { accountName: string; bank: string; accountNo: string };
  address: string;
  phone: string;
}

/** One approach's letter (POLICY §6): the paragraphs before, in and after the table of open items. */
interface NoticeWording {
  opening: Bilingual;
  body: Bilingual;
  closing: Bilingual;
}

/**
 * The wording of the collection notice (应收账款催款通知书, POLICY §6) and the balance
 * confirmation letter (应收账款询证函, POLICY §7), editable per company. Texts may use the
 * placeholders {customer} {company} {total} {totalInWords} {payBy} {asOf} {cutOff} {count}
 * {projects} {months}; an unknown placeholder is left as written.
 */
export interface NoticeTemplates {
  /** Pay-by date = the notice's date + payByDays. */
  payByDays: number;
  /** Paper the notices and letters print on. */
  paper: "A4" | "A5";
  collection: {
    title: Bilingual;
    /** The addressee line ("{customer}："). */
    salutation: Bilingual;
    gentle: NoticeWording;
    firm: NoticeWording;
    legal: NoticeWording;
    /** "If already paid, please ignore this notice." */
    alreadyPaid: Bilingual;
    /** The signature and seal lines, one per line ("\n"). */
    signature: Bilingual;
  };
  confirmation: {
    title: Bilingual;
    salutation: Bilingual;
    body: Bilingual;
    /** "This letter is not a demand for payment." */
    notDemand: Bilingual;
    /** The customer's reply: balance agreed. */
    agree: Bilingual;
    /** The customer's reply: balance disputed, with the customer's figures. */
    disagree: Bilingual;
    signature: Bilingual;
  };
  /** Headings and field names on the sheets. */
  labels: {
    addressee: Bilingual;
    contact: Bilingual;
    phone: Bilingual;
    address: Bilingual;
    basis: Bilingual;
    no: Bilingual;
    document: Bilingual;
    project: Bilingual;
    dateArisen: Bilingual;
    dueDate: Bilingual;
    daysPastDue: Bilingual;
    balance: Bilingual;
    total: Bilingual;
    totalInWords: Bilingual;
    payBy: Bilingual;
    payee: Bilingual;
    accountName: Bilingual;
    bank: Bilingual;
    accountNo: Bilingual;
    cutOff: Bilingual;
    balancePerBooks: Bilingual;
    date: Bilingual;
    /** The collection log's method for a notice sent ("信函"). */
    letterMethod: Bilingual;
    /** The collection log's note for a notice sent ("{title} {sheet}"). */
    noticeLogNote: Bilingual;
  };
}

export interface Policy {
  schemaVersion: 1;
  currency: "CNY";
  defaultCreditDays: number;
  agingClass: AgingClassThresholds;
  directToBad: StatusCondition[]; // POLICY §2
  /** Words written just before a phrase that negate it (未, 不是, not…): the status vocabulary's grammar. */
  statusNegations: string[];
  reportBands: AgingBand[]; // POLICY §3: within 1 year, 1–2, 2–3, over 3
  /** The long-aged clean-up lists the report bands that start at this age or later (000 一: over one year). */
  longAgedFromMonths: number;
  provision: ProvisionPolicy; // POLICY §4
  credit: CreditPolicy; // POLICY §5
  collectionTiers: CollectionTier[]; // POLICY §6, sorted by minProbability descending
  collection: CollectionPolicy;
  reconciliationIntervalMonths: number; // POLICY §7: 6
  writeOff: WriteOffPolicy; // POLICY §8
  performance: PerformancePolicy;
  ecl: EclPolicy;
  bills: { discountDayBasis: number }; // POLICY §9: 360
  company: CompanyDetails;
  notices: NoticeTemplates; // POLICY §6 collection notice, §7 confirmation letter
}
