/**
 * The policy: every number and word list a company may change (POLICY.md). Surfaces and the
 * engine read these fields; none of them is ever a literal elsewhere.
 *
 * Conventions: rates and weights are decimal strings ("0.05" = 5%) so they survive JSON and a
 * key/value sheet exactly; day and month counts are integers; labels are bilingual.
 */
import type { Bilingual } from "../errors";

export type AgingClass = "normal" | "overdue" | "stale" | "bad";

/** POLICY §2: d = days past the end of the credit term. d <= normalMaxDays is normal, etc. */
export interface AgingClassThresholds {
  normalMaxDays: number; // 20
  overdueMaxDays: number; // 90
  staleMaxDays: number; // 360; above it: bad
}

/** A condition that makes a receivable bad regardless of days (POLICY §2) or writable-off (§8). */
export interface StatusCondition {
  key: string; // stable id, e.g. "bankrupt"
  label: Bilingual;
  /** Words that, found in a ledger's status/note text (case-insensitive for Latin), mean this condition. */
  keywords: string[];
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

export type ProvisionMethod = "aging" | "direct-write-off";

export interface ProvisionPolicy {
  method: ProvisionMethod; // default "aging" (plan 000); policy 004 uses "direct-write-off"
  /** Bands for the provision rate table; may be finer than the report bands. */
  bands: AgingBand[];
  rates: ProvisionRate[]; // one per band
}

export interface AnswerScoreRange {
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

export interface SupplierLetterOption {
  label: Bilingual;
  score: number; // 0..100
}

export interface SupplierLetterQuestion {
  no: number; // 1..7
  question: Bilingual;
  options: SupplierLetterOption[];
  weight: string; // decimal string
}

export interface CreditPolicy {
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
  /** Inclusive lower bound of recovery probability, a decimal string in [0, 1]. */
  minProbability: string;
  approach: CollectionApproach;
  label: Bilingual;
}

export interface WriteOffPolicy {
  overdueYears: number; // 3
  conditions: StatusCondition[]; // POLICY §8 1–4, 6
  taxFilingDaysAfterYearEnd: number; // 45
  incomeTaxRate: string; // "0.25"
  compensationRatio: string; // decimal string
  recoveryRewardRate: string; // decimal string
}

export interface CompanyDetails {
  name: Bilingual;
  payee: { accountName: string; bank: string; accountNo: string };
  address: string;
  phone: string;
}

/** One approach's letter (POLICY §6): the paragraphs before, in and after the table of open items. */
export interface NoticeWording {
  opening: Bilingual;
  body: Bilingual;
  closing: Bilingual;
}

/**
 * The wording of the collection notice (应收帐款催款通知书, POLICY §6) and the balance
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
  reportBands: AgingBand[]; // POLICY §3: within 1 year, 1–2, 2–3, over 3
  provision: ProvisionPolicy; // POLICY §4
  credit: CreditPolicy; // POLICY §5
  collectionTiers: CollectionTier[]; // POLICY §6, sorted by minProbability descending
  reconciliationIntervalMonths: number; // POLICY §7: 6
  writeOff: WriteOffPolicy; // POLICY §8
  bills: { discountDayBasis: number }; // POLICY §9: 360
  company: CompanyDetails;
  notices: NoticeTemplates; // POLICY §6 collection notice, §7 confirmation letter
}
