/**
 * Custom functions, namespace AR (manifest: Functions.Namespace). Each is a thin wrapper: cells
 * in, core call, cells out (conventions in cells.ts; arguments declared and coerced by args.ts). The JSDoc is what
 * custom-functions-metadata-plugin turns into functions.json: every function and parameter is
 * described there, and parameters that take a cell or a range of mixed values (dates as
 * serials or text, amounts as numbers or "90.96万") are typed any[][]. Each @helpurl is the
 * function's anchor on the served help.html, and each function's zh-CN descriptions are in
 * src/i18n/function-descriptions.zh-CN.json (functions.zh-CN.json; scripts/function-metadata.js
 * fails the build when either is missing).
 *
 * Deterministic: the as-of date is always an argument (write TODAY() to get today).
 */
import { agingBandOf, classify, daysPastDue, directToBadCondition, dueDate as dueDateOf } from "../core/aging";
import { amountInWords } from "../core/capitals";
import { discountInterest } from "../core/bills";
import { collectionTier } from "../core/collection";
import { creditGrade, creditScore, suggestedLimit } from "../core/credit";
import { toExcelSerial } from "../core/dates";
import type Decimal from "decimal.js";
import { Dec, moneyOutOfRange, withinMoneyLimit } from "../core/money";
import { itemProvision, plainRateProvisionFen } from "../core/provision";
import { FLAG_ERROR, runBatch, type CellValue } from "../core/batch";
import type { Policy } from "../core/policy/types";
import { taxFilingDeadline, writeOffEligibility } from "../core/writeoff";
import { AGING_CLASS_LABELS } from "../i18n/aging-class";
import { asMatrix, broadcast, CallError, cellError, throwAsExcel, toCellError, type Cell, type Result } from "./cells";
import * as arg from "./args";
import { eclProvision, lossRates } from "../core/ecl/matrix";
import { migrationRates, snapshotsFromTable } from "../core/ecl/snapshots";

// Each function's arguments are declared in a table just above it (args.ts): name, kind, whether
// optional, what a blank gives. The body receives them coerced, as `a.<name>`; Excel passes them
// by position, in the JSDoc's @param order, which is the table's (test/functions/arg-specs.test.ts).

/**
 * Money for display in a cell: the exact rounded decimal as the nearest double (Excel shows it to
 * the cent). Below the product's limit (10^13 yuan) that double spells the amount exactly at
 * Excel's 15 digits; a result beyond it is #VALUE! saying so, never a rounded or infinite number.
 */
function moneyCell(d: Decimal): number {
  if (!withinMoneyLimit(d)) throw moneyOutOfRange(d.toFixed(2));
  return Number(d.toFixed(2));
}

function run(fn: () => Result[][]): Result[][] {
  try {
    return fn();
  } catch (e) {
    throwAsExcel(e);
  }
}

const AGING_CLASS_ARGS = {
  due_date: arg.date(),
  as_of: arg.date(),
  status: arg.optional(arg.status()),
  thresholds: arg.optional(arg.policyRange("thresholds")),
  language: arg.optional(arg.language()),
};

/**
 * Aging class of a receivable (POLICY §2): 正常 / 逾期 / 呆滞 / 呆账 (Normal / Overdue / Stale / Bad debt),
 * by days past the due date: up to 20 normal, up to 90 overdue, up to 360 stale, beyond bad; a status
 * such as 破产 or 拒绝还款 makes it bad at once. Blank due dates give an empty result.
 * @customfunction AGING_CLASS
 * @helpurl https://localhost:3000/help.html#ar-aging_class
 * @param due_date Due date (end of the credit term): a date, a serial number or date text; a cell or a range.
 * @param as_of As-of date (基准日), e.g. TODAY() or the month end; a cell or a range of the same size.
 * @param [status] Status or note text (已破产, 拒不支付, declared bankrupt…) that makes an item bad regardless of days.
 * @param [thresholds] Policy range (the policy sheet's rows) or three day counts: normal, overdue, stale maxima.
 * @param [language] "zh-CN" (default) or "en-US" for the label's language.
 * @returns The class label for each row.
 */
export function agingClassFn(due_date: any[][], as_of: any[][], status?: any[][], thresholds?: any[][], language?: string): any[][] {
  return arg.perRow(AGING_CLASS_ARGS, arguments, (a) => AGING_CLASS_LABELS[a.language][classify(a.due_date, a.as_of, a.status, a.thresholds).agingClass]);
}

const DAYS_PAST_DUE_ARGS = {
  due_date: arg.date(),
  as_of: arg.date(),
};

/**
 * Days past the due date on the as-of date; negative while not yet due. Blank due dates give an empty result.
 * @customfunction DAYS_PAST_DUE
 * @helpurl https://localhost:3000/help.html#ar-days_past_due
 * @param due_date Due date: a date, a serial number or date text; a cell or a range.
 * @param as_of As-of date (基准日); a cell or a range of the same size.
 * @returns Whole days, as_of − due_date.
 */
export function daysPastDueFn(due_date: any[][], as_of: any[][]): any[][] {
  return arg.perRow(DAYS_PAST_DUE_ARGS, arguments, (a) => daysPastDue(a.due_date, a.as_of));
}

const AGING_BAND_ARGS = {
  date_arisen: arg.date(),
  as_of: arg.date(),
  bands: arg.optional(arg.policyRange("bands")),
  language: arg.optional(arg.language()),
};

/**
 * Aging band (账龄) counted from the date the receivable arose, in calendar months (POLICY §3):
 * 1年以内 / 1-2年 / 2-3年 / 3年以上 by default. "Within 1 year" includes the anniversary day.
 * @customfunction AGING_BAND
 * @helpurl https://localhost:3000/help.html#ar-aging_band
 * @param date_arisen Date the receivable arose (发生日期); a cell or a range.
 * @param as_of As-of date (基准日); a cell or a range of the same size.
 * @param [bands] Policy range (the policy sheet's rows) or rows of [label, up-to months], the last with blank months.
 * @param [language] "zh-CN" (default) or "en-US" for the label's language.
 * @returns The band label for each row.
 */
export function agingBandFn(date_arisen: any[][], as_of: any[][], bands?: any[][], language?: string): any[][] {
  return arg.perRow(AGING_BAND_ARGS, arguments, (a) => agingBandOf(a.date_arisen, a.as_of, a.bands.reportBands).label[a.language]);
}

const PROVISION_ARGS = {
  balance: arg.money(),
  date_arisen: arg.date(),
  as_of: arg.date(),
  rate_table: arg.optional(arg.policyRange("rates")),
  // A numeric 0 is how Excel desktop hands over a blank cell: "not assessed" (see @param).
  expected_recovery: arg.optional(arg.assessedMoney()),
  status: arg.optional(arg.status()),
};
const readProvisionRow = arg.rowReader(PROVISION_ARGS);

/** One row of AR.PROVISION, the reference rules (core/provision.itemProvision); `cells` in PROVISION_ARGS's order of cell arguments. */
function provisionCell(policy: Policy, cells: Cell[]): Result {
  const a = readProvisionRow({ rate_table: policy }, cells);
  if (a === arg.BLANK) return "";
  const balanceCell = cells[0];
  if (typeof balanceCell === "number" && a.expected_recovery === null && a.status === null) {
    const fen = plainRateProvisionFen(balanceCell, a.date_arisen, a.as_of, policy);
    if (fen === fen) return fen / 100;
  }
  const condition = directToBadCondition(a.status, policy);
  return moneyCell(itemProvision({ balance: a.balance, dateArisen: a.date_arisen, asOf: a.as_of, expectedRecovery: a.expected_recovery, condition }, policy).amount);
}

const BATCH_MIN_CELLS = 256;

/**
 * A whole range against one as-of date, through the core's integer-fen batch path (exact, and
 * ~50× faster than a Decimal per row). Rows the batch flags (blank, unreadable, beyond the fast
 * path) are redone by provisionCell, so every cell is what the reference rules give. Returns
 * null when the arguments do not have that shape.
 */
function provisionRange(policy: Policy, args: { name: string; value: unknown }[]): Result[][] | null {
  const [bal, arisen, asOf, recovery, st] = args.map((a) => (a.value === null ? null : asMatrix(a.value)));
  if (!bal || !arisen || !asOf || asOf.length !== 1 || asOf[0].length !== 1) return null;
  const rows = bal.length;
  const cols = bal[0].length;
  if (rows * cols < BATCH_MIN_CELLS) return null;
  for (const m of [arisen, recovery, st]) if (m && (m.length !== rows || m[0].length !== cols)) return null;
  let asOfDay: number | null;
  try {
    const day = PROVISION_ARGS.as_of.read(asOf[0][0], "as_of");
    if (day === arg.BLANK) return null;
    asOfDay = day;
  } catch {
    return null; // every cell then shows the as_of error, from provisionCell
  }
  const n = rows * cols;
  const balance: Cell[] = new Array(n);
  const dateArisen: Cell[] = new Array(n);
  const expectedRecovery: Cell[] | undefined = recovery ? new Array(n) : undefined;
  const statusText: (string | null)[] | undefined = st ? new Array(n) : undefined;
  for (let r = 0, i = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++, i++) {
      balance[i] = bal[r][c];
      dateArisen[i] = arisen[r][c];
      if (expectedRecovery) expectedRecovery[i] = recovery![r][c] === 0 ? null : recovery![r][c];
      if (statusText) statusText[i] = arg.statusText(st![r][c]);
    }
  }
  const batch = runBatch(
    { balance: balance as CellValue[], dateArisen: dateArisen as CellValue[], expectedRecovery: expectedRecovery as CellValue[] | undefined, statusText },
    asOfDay,
    policy
  );
  const out: Result[][] = new Array(rows);
  for (let r = 0, i = 0; r < rows; r++) {
    const line: Result[] = new Array(cols);
    for (let c = 0; c < cols; c++, i++) {
      const fen = batch.provisionFen[i];
      if ((batch.flags[i] & FLAG_ERROR) === 0 && fen === fen) {
        line[c] = fen / 100; // the nearest double to the exact amount, as Number("…") would give
      } else {
        try {
          line[c] = provisionCell(policy, [bal[r][c], arisen[r][c], asOf[0][0], recovery ? recovery[r][c] : null, st ? st[r][c] : null]);
        } catch (e) {
          line[c] = toCellError(e);
        }
      }
    }
    out[r] = line;
  }
  return out;
}

/**
 * Bad-debt provision for a receivable (POLICY §4), rounded half-up to the cent: balance × the rate of its
 * age band (5% within 1 year … 100% over 5 years by default); balance − expected recovery where a recovery
 * is estimated; 100% under a direct-to-bad status (破产, 拒绝还款, …); 0 under the direct write-off method
 * and for balances of 0 or less.
 * @customfunction PROVISION
 * @helpurl https://localhost:3000/help.html#ar-provision
 * @param balance Balance (应收余额) in yuan: a number or text such as "90.96万"; a cell or a range.
 * @param date_arisen Date the receivable arose (发生日期); a cell or a range of the same size.
 * @param as_of As-of date (基准日).
 * @param [rate_table] Policy range (the policy sheet's rows) or rows of [up-to months, rate], the last with blank months.
 * @param [expected_recovery] Amount still expected back; blank (or 0 from a blank cell) = not assessed; write "0" as text for nothing expected.
 * @param [status] Status or note text (已破产, 拒不支付, declared bankrupt…) that makes the item a bad debt, provided in full.
 * @returns The provision in yuan for each row.
 */
export function provisionFn(balance: any[][], date_arisen: any[][], as_of: any[][], rate_table?: any[][], expected_recovery?: any[][], status?: any[][]): any[][] {
  return run(() => {
    const call = arg.readCall(PROVISION_ARGS, arguments);
    const cells = arg.cellArguments(PROVISION_ARGS, arguments);
    const policy = call.rate_table!;
    return provisionRange(policy, cells) ?? broadcast(cells, (row) => provisionCell(policy, row));
  });
}

/** Answers as raters × items, from a 32-row column per rater or a 32-column row per rater. */
function ratersOf(m: Cell[][], items: number): Cell[][] {
  const rows = m.length;
  const cols = (m[0] ?? []).length;
  // Excel desktop hands a blank cell over as 0, and 0 is no answer's score: read it as unanswered.
  const cell = (v: Cell): Cell => (v === 0 ? null : v);
  if (rows === items) return Array.from({ length: cols }, (_, c) => m.map((row) => cell(row[c])));
  if (cols === items) return m.map((row) => row.map(cell));
  throw new CallError("#VALUE!", `answers must have ${items} rows (one column per rater) or ${items} columns, not ${rows}×${cols} / 回答应为 ${items} 行（每位评分人一列）或 ${items} 列`);
}

const CREDIT_SCORE_ARGS = {
  answers: arg.range(),
  weights: arg.optional(arg.policyRange("weights")),
  rater_weights: arg.optional(arg.weights()),
};

/**
 * Credit score of a customer, 0–100, from the 32-item questionnaire (客户情况调查表, POLICY §5.1): each answer
 * is 1, 2 or 3 (best first; scored 90/70/50), 4 or "?" for don't know (60), the answer text, or an exact score
 * inside the answer's range (e.g. 85); weights add up to 100%. Several raters, one column each, are averaged.
 * @customfunction CREDIT_SCORE
 * @helpurl https://localhost:3000/help.html#ar-credit_score
 * @param answers The 32 answers in a column (one column per rater) or in a row.
 * @param [weights] Policy range (the policy sheet's rows) or the 32 item weights in a row or a column.
 * @param [rater_weights] One weight per rater for a weighted mean; the plain mean without it.
 * @returns The combined score.
 */
export function creditScoreFn(answers: any[][], weights?: any[][], rater_weights?: any[][]): number {
  return arg.wholeCall(CREDIT_SCORE_ARGS, arguments, (a) => {
    const raters = ratersOf(a.answers, a.weights.credit.items.length);
    const result = creditScore(raters, a.weights, a.rater_weights ? { raterWeights: a.rater_weights } : {});
    return Number(result.score.toString());
  });
}

const CREDIT_GRADE_ARGS = {
  score: arg.value(),
  bands: arg.optional(arg.policyRange("grades")),
};

/**
 * Credit grade for a score (AAA ≥ 90, AA ≥ 80, A ≥ 70, B ≥ 60, C below: the product's default bands, editable in the policy).
 * @customfunction CREDIT_GRADE
 * @helpurl https://localhost:3000/help.html#ar-credit_grade
 * @param score Credit score 0–100; a cell or a range.
 * @param [bands] Policy range (the policy sheet's rows) or rows of [grade, minimum score, limit factor].
 * @returns The grade for each row.
 */
export function creditGradeFn(score: any[][], bands?: any[][]): any[][] {
  return arg.perRow(CREDIT_GRADE_ARGS, arguments, (a) => creditGrade(a.score as number | string, a.bands).grade);
}

const SUGGESTED_LIMIT_ARGS = {
  score: arg.value(),
  contract_value: arg.money(),
  bands: arg.optional(arg.policyRange("grades")),
};

/**
 * Suggested credit limit: the contract value × the grade's limit factor (product default, editable), to the cent.
 * @customfunction SUGGESTED_LIMIT
 * @helpurl https://localhost:3000/help.html#ar-suggested_limit
 * @param score Credit score 0–100; a cell or a range.
 * @param contract_value Size of the work (contract value) in yuan; a cell or a range of the same size.
 * @param [bands] Policy range (the policy sheet's rows) or rows of [grade, minimum score, limit factor].
 * @returns The suggested limit in yuan.
 */
export function suggestedLimitFn(score: any[][], contract_value: any[][], bands?: any[][]): any[][] {
  return arg.perRow(SUGGESTED_LIMIT_ARGS, arguments, (a) => moneyCell(suggestedLimit(a.score as number | string, a.contract_value, a.bands)));
}

const COLLECTION_ACTION_ARGS = {
  recovery_probability: arg.value(),
  language: arg.optional(arg.language()),
  policy: arg.optional(arg.policyRange("policy")),
};

/**
 * Collection approach for a recovery probability (004 六.第三条): ≥ 90% wait for payment; 70% to 90% gentle reminders;
 * over 50% to 70% frequent letters, calls and visits; 50% and below stern wording, arbitration or lawsuit.
 * @customfunction COLLECTION_ACTION
 * @helpurl https://localhost:3000/help.html#ar-collection_action
 * @param recovery_probability Probability of recovery: a fraction in [0, 1] such as 0.85, or a percentage with % (85%, "85%"); a cell or a range.
 * @param [language] "zh-CN" (default) or "en-US".
 * @param [policy] The policy sheet's rows (key, value), e.g. 'AR制度参数'!A:B: its collection tiers; the defaults without it.
 * @returns The approach for each row.
 */
export function collectionActionFn(recovery_probability: any[][], language?: string, policy?: any[][]): any[][] {
  return arg.perRow(COLLECTION_ACTION_ARGS, arguments, (a) => collectionTier(a.recovery_probability, a.policy, "fraction-or-percent").label[a.language]);
}

const WRITE_OFF_ELIGIBLE_ARGS = {
  due_date: arg.date(),
  as_of: arg.date(),
  status: arg.optional(arg.status()),
  policy: arg.optional(arg.policyRange("policy")),
};

/**
 * Whether a receivable may be written off (004 七.第一条): overdue 3 years or more (the anniversary included), or a
 * status stating a write-off condition whole (declared bankrupt with assets insufficient, debtor dead or missing with no estate, disaster, court ruling).
 * @customfunction WRITE_OFF_ELIGIBLE
 * @helpurl https://localhost:3000/help.html#ar-write_off_eligible
 * @param due_date Due date; a cell or a range.
 * @param as_of As-of date (基准日).
 * @param [status] Status or note text.
 * @param [policy] The policy sheet's rows (key, value), e.g. 'AR制度参数'!A:B: its write-off years and conditions; the defaults without it.
 * @returns TRUE when eligible, for each row.
 */
export function writeOffEligibleFn(due_date: any[][], as_of: any[][], status?: any[][], policy?: any[][]): any[][] {
  return arg.perRow(WRITE_OFF_ELIGIBLE_ARGS, arguments, (a) => writeOffEligibility({ dueDate: a.due_date, asOf: a.as_of, statusText: a.status }, a.policy).eligible);
}

const DISCOUNT_INTEREST_ARGS = {
  face: arg.money(),
  discount_date: arg.date(),
  maturity_date: arg.date(),
  annual_rate: arg.valueForCore(),
  policy: arg.optional(arg.policyRange("policy")),
};

/**
 * Discount interest on a bill (POLICY §9): face × annual rate × days to maturity ÷ 360, to the cent.
 * @customfunction DISCOUNT_INTEREST
 * @helpurl https://localhost:3000/help.html#ar-discount_interest
 * @param face Face value of the bill in yuan; a cell or a range.
 * @param discount_date Date the bill is discounted.
 * @param maturity_date Date the bill matures.
 * @param annual_rate Annual discount rate: 0.045 or "4.5%".
 * @param [policy] The policy sheet's rows (key, value), e.g. 'AR制度参数'!A:B: its day-count basis; the defaults without it.
 * @returns The interest in yuan.
 */
export function discountInterestFn(face: any[][], discount_date: any[][], maturity_date: any[][], annual_rate: any[][], policy?: any[][]): any[][] {
  return arg.perRow(DISCOUNT_INTEREST_ARGS, arguments, (a) => moneyCell(discountInterest(a.face, a.annual_rate as number | string, a.discount_date, a.maturity_date, a.policy)));
}

const AMOUNT_IN_WORDS_ARGS = {
  amount: arg.money(),
};

/**
 * The amount in Chinese capitals (人民币大写) as banks require, e.g. 909600 → 玖拾万玖仟陆佰元整.
 * @customfunction AMOUNT_IN_WORDS
 * @helpurl https://localhost:3000/help.html#ar-amount_in_words
 * @param amount Amount in yuan: a number or text such as "90.96万"; a cell or a range.
 * @returns The amount in capitals for each row.
 */
export function amountInWordsFn(amount: any[][]): any[][] {
  return arg.perRow(AMOUNT_IN_WORDS_ARGS, arguments, (a) => amountInWords(a.amount));
}

const DUE_DATE_ARGS = {
  date_arisen: arg.date(),
  credit_days: arg.optional(arg.creditDays()),
  policy: arg.optional(arg.policyRange("policy")),
};

/**
 * Due date: the date arisen plus the credit days (the policy's default term, 30 days, when blank); a term in
 * months ends on the same day of the last month, or its last day (Civil Code art. 202); 月结 counts from the
 * month's end. Returned as a date serial: format the cell as a date.
 * @customfunction DUE_DATE
 * @helpurl https://localhost:3000/help.html#ar-due_date
 * @param date_arisen Date the receivable arose; a cell or a range.
 * @param [credit_days] Credit days (信用期), or a term as a ledger writes it (30天, 月结60天, 3个月, 货到付款); a cell or a range of the same size. Blank or 0 = the policy's default term; the text "0" = no credit (货到付款).
 * @param [policy] The policy sheet's rows (key, value), e.g. 'AR制度参数'!A:B: its default term; the defaults without it.
 * @returns The due date as a serial number.
 */
export function dueDateFn(date_arisen: any[][], credit_days?: any[][], policy?: any[][]): any[][] {
  return arg.perRow(DUE_DATE_ARGS, arguments, (a) => toExcelSerial(dueDateOf(a.date_arisen, a.credit_days, null, a.policy)));
}

const TAX_FILING_DEADLINE_ARGS = {
  loss_date: arg.date(),
  policy: arg.optional(arg.policyRange("policy")),
};

/**
 * Last day to declare a bad-debt loss to the tax bureau (POLICY §8): 45 days after the end of the year the
 * loss is recognised in. Returned as a date serial.
 * @customfunction TAX_FILING_DEADLINE
 * @helpurl https://localhost:3000/help.html#ar-tax_filing_deadline
 * @param loss_date Date the loss is recognised; a cell or a range.
 * @param [policy] The policy sheet's rows (key, value), e.g. 'AR制度参数'!A:B: its days after the year end; the defaults without it.
 * @returns The deadline as a serial number.
 */
export function taxFilingDeadlineFn(loss_date: any[][], policy?: any[][]): any[][] {
  return arg.perRow(TAX_FILING_DEADLINE_ARGS, arguments, (a) => toExcelSerial(taxFilingDeadline(a.loss_date, a.policy)));
}

// ---------------------------------------------------------------------------------------------
// Expected credit loss (CAS 22 / IFRS 9, simplified approach): core/ecl
// ---------------------------------------------------------------------------------------------

const MIGRATION_RATES_ARGS = {
  history: arg.history(),
};

/**
 * Migration rates (迁徙率) per aging band, averaged over the transitions of a history table
 * (CAS 22 / IFRS 9 provision matrix): band i's balance at one period end that sits in band i+1 at
 * the next, over band i's. A band with no balance at a period's start has no rate for it (#N/A when
 * none of the periods has one).
 * @customfunction MIGRATION_RATES
 * @helpurl https://localhost:3000/help.html#ar-migration_rates
 * @param history One row per period end, ascending: its date, then the balance of each aging band, youngest first (at least three rows).
 * @returns One rate per band but the oldest, in a row.
 */
export function migrationRatesFn(history: any[][]): any[][] {
  return arg.wholeCall(MIGRATION_RATES_ARGS, arguments, (a) => {
    const snapshots = snapshotsFromTable(a.history);
    const bandCount = snapshots[0].bands.length;
    const m = migrationRates(snapshots, bandCount);
    return [
      m.average.slice(0, bandCount - 1).map((r, b) =>
        r === null ? cellError("#N/A", `band ${b + 1} has no balance at the start of any period / 第 ${b + 1} 个账龄段在各期期初都没有余额`) : r.toNumber(),
      ),
    ];
  });
}

const ECL_RATES_ARGS = {
  migration: arg.rates(),
  adjustment: arg.optional(arg.rates([new Dec(0)])),
  last_band_loss: arg.optional(arg.rates([new Dec(1)])),
};

/**
 * Expected credit loss rates per aging band from migration rates (CAS 22 / IFRS 9): the oldest band
 * loses 100% (or the last_band_loss given), each younger band its migration rate × the next band's
 * loss rate; then the forward-looking adjustment, × (1 + adjustment), at most 100%.
 * @customfunction ECL_RATES
 * @helpurl https://localhost:3000/help.html#ar-ecl_rates
 * @param migration The migration rates, youngest band first (as MIGRATION_RATES gives them).
 * @param [adjustment] The forward-looking adjustment k, e.g. 10% (default 0).
 * @param [last_band_loss] The oldest band's loss rate (default 100%; 1 − the recovery rate after write-off).
 * @returns One loss rate per band, the oldest included, in a row.
 */
export function eclRatesFn(migration: any[][], adjustment?: any[][], last_band_loss?: any[][]): any[][] {
  return arg.wholeCall(ECL_RATES_ARGS, arguments, (a) => {
    const loss = lossRates([...a.migration, null], a.adjustment[0] ?? 0, a.last_band_loss[0] ?? 1);
    return [loss.adjusted.map((r, b) => (r === null ? cellError("#N/A", `band ${b + 1}: no migration rate for it or an older band / 第 ${b + 1} 段或更老的账龄段没有迁徙率`) : r.toNumber()))];
  });
}

const ECL_PROVISION_ARGS = {
  balance: arg.money(),
  band: arg.value(),
  rates: arg.rates(),
};

/**
 * Expected credit loss of a balance in an aging band (CAS 22 / IFRS 9): balance × the band's loss
 * rate, rounded half-up to the cent.
 * @customfunction ECL_PROVISION
 * @helpurl https://localhost:3000/help.html#ar-ecl_provision
 * @param balance Balance (应收余额) in yuan: a number or text such as "90.96万"; a cell or a range.
 * @param band The aging band, 1 for the youngest; a cell or a range of the same size.
 * @param rates The loss rates per band, youngest first (as ECL_RATES gives them).
 * @returns The expected credit loss in yuan for each row.
 */
export function eclProvisionFn(balance: any[][], band: any[][], rates: any[][]): any[][] {
  return arg.perRow(ECL_PROVISION_ARGS, arguments, (a) => {
    const table = a.rates;
    const k = Number(a.band);
    if (!Number.isInteger(k) || k < 1 || k > table.length) throw new CallError("#NUM!", `band must be 1 to ${table.length}, not ${String(a.band)} / 账龄段应为 1 到 ${table.length}`);
    const rate = table[k - 1];
    if (rate === null) throw new CallError("#N/A", `band ${k} has no rate / 第 ${k} 段没有损失率`);
    return moneyCell(eclProvision(a.balance, rate));
  });
}

/** Every function's argument table, by the name Excel knows it by (test/functions/arg-specs.test.ts checks them against the metadata). */
export const ARG_SPECS: Readonly<Record<string, arg.ArgSpec>> = {
  AGING_CLASS: AGING_CLASS_ARGS,
  DAYS_PAST_DUE: DAYS_PAST_DUE_ARGS,
  AGING_BAND: AGING_BAND_ARGS,
  PROVISION: PROVISION_ARGS,
  CREDIT_SCORE: CREDIT_SCORE_ARGS,
  CREDIT_GRADE: CREDIT_GRADE_ARGS,
  SUGGESTED_LIMIT: SUGGESTED_LIMIT_ARGS,
  COLLECTION_ACTION: COLLECTION_ACTION_ARGS,
  WRITE_OFF_ELIGIBLE: WRITE_OFF_ELIGIBLE_ARGS,
  DISCOUNT_INTEREST: DISCOUNT_INTEREST_ARGS,
  AMOUNT_IN_WORDS: AMOUNT_IN_WORDS_ARGS,
  DUE_DATE: DUE_DATE_ARGS,
  TAX_FILING_DEADLINE: TAX_FILING_DEADLINE_ARGS,
  MIGRATION_RATES: MIGRATION_RATES_ARGS,
  ECL_RATES: ECL_RATES_ARGS,
  ECL_PROVISION: ECL_PROVISION_ARGS,
};
