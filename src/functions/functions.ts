/**
 * Custom functions, namespace AR (manifest: Functions.Namespace). Each is a thin wrapper: cells
 * in, core call, cells out (conventions in cells.ts). The JSDoc is what
 * custom-functions-metadata-plugin turns into functions.json: every function and parameter is
 * described there, and parameters that take a cell or a range of mixed values (dates as
 * serials or text, amounts as numbers or "90.96万") are typed any[][].
 *
 * Deterministic: the as-of date is always an argument (write TODAY() to get today).
 */
import { agingBandOf, classify, daysPastDue, directToBadCondition, dueDate as dueDateOf } from "../core/aging";
import { amountInWords } from "../core/capitals";
import { discountInterest } from "../core/bills";
import { collectionTier } from "../core/collection";
import { creditGrade, creditScore, suggestedLimit } from "../core/credit";
import { parseDate, toExcelSerial } from "../core/dates";
import type Decimal from "decimal.js";
import { moneyOutOfRange, parseMoney, toHalfWidth, withinMoneyLimit } from "../core/money";
import { policyFromRange } from "../core/policy/ranges";
import { itemProvision, plainRateProvisionFen } from "../core/provision";
import { FLAG_ERROR, runBatch, type CellValue } from "../core/batch";
import type { Policy } from "../core/policy/types";
import { taxFilingDeadline, writeOffEligibility } from "../core/writeoff";
import { ArError } from "../core/errors";
import type { Lang } from "../i18n";
import { AGING_CLASS_LABELS } from "../i18n/aging-class";
import { asMatrix, broadcast, CallError, cellError, isMissing, refuseErrorValue, scalarArg, throwAsExcel, toCellError, type Cell, type Result } from "./cells";
import { eclProvision, lossRates } from "../core/ecl/matrix";
import { migrationRates, snapshotsFromTable } from "../core/ecl/snapshots";
import { Dec } from "../core/money";


function languageOf(v: unknown): Lang {
  if (isMissing(v)) return "zh-CN";
  const cell = scalarArg(v, "language");
  if (cell === null || cell === undefined || cell === "" || cell === 0) return "zh-CN";
  const t = String(cell).trim().toLowerCase();
  if (/^(zh|zh-cn|zh-hans|cn|chinese|中文|简体中文)$/.test(t)) return "zh-CN";
  if (/^(en|en-us|english|英文|英语)$/.test(t)) return "en-US";
  throw new CallError("#VALUE!", `language must be "zh-CN" or "en-US", not "${String(cell)}" / language 应为 "zh-CN" 或 "en-US"`);
}

function policyArg(v: unknown, kind: Parameters<typeof policyFromRange>[1], name: string) {
  try {
    return policyFromRange(isMissing(v) ? null : asMatrix(v), kind);
  } catch (e) {
    if (e instanceof ArError) throw new CallError(e.excel, `${name}: ${e.text["en-US"]} / ${e.text["zh-CN"]}`);
    throw e;
  }
}

/** A date cell: null for a blank (or Excel desktop's 0 for a blank), a day number otherwise; an Excel error passed on. */
function date(c: Cell, name: string): number | null {
  refuseErrorValue(c, name);
  return parseDate(c, name);
}

/** An amount cell: null for a blank, the exact amount otherwise; an Excel error passed on. */
function moneyArg(c: Cell, name: string): Decimal | null {
  refuseErrorValue(c, name);
  return parseMoney(c, name);
}

function text(c: Cell): string | null {
  return typeof c === "string" && c.trim() !== "" ? c : null;
}

/**
 * Money for display in a cell: the exact rounded decimal as the nearest double (Excel shows it to
 * the cent). Below the product's limit (10^13 yuan) that double spells the amount exactly at
 * Excel's 15 digits; a result beyond it is #VALUE! saying so, never a rounded or infinite number.
 */
function money(d: Decimal): number {
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

/**
 * Aging class of a receivable (POLICY §2): 正常 / 逾期 / 呆滞 / 呆帐 (Normal / Overdue / Stale / Bad debt),
 * by days past the due date: up to 20 normal, up to 90 overdue, up to 360 stale, beyond bad; a status
 * such as 破产 or 拒绝还款 makes it bad at once. Blank due dates give an empty result.
 * @customfunction AGING_CLASS
 * @param due_date Due date (end of the credit term): a date, a serial number or date text; a cell or a range.
 * @param as_of As-of date (基准日), e.g. TODAY() or the month end; a cell or a range of the same size.
 * @param [status] Status or note text (已破产, 拒不支付, declared bankrupt…) that makes an item bad regardless of days.
 * @param [thresholds] Policy range (the policy sheet's rows) or three day counts: normal, overdue, stale maxima.
 * @param [language] "zh-CN" (default) or "en-US" for the label's language.
 * @returns The class label for each row.
 */
export function agingClassFn(due_date: any[][], as_of: any[][], status?: any[][], thresholds?: any[][], language?: string): any[][] {
  return run(() => {
    const policy = policyArg(thresholds, "thresholds", "thresholds");
    const labels = AGING_CLASS_LABELS[languageOf(language)];
    return broadcast(
      [
        { name: "due_date", value: due_date },
        { name: "as_of", value: as_of },
        { name: "status", value: isMissing(status) ? null : status },
      ],
      ([due, asOf, st]) => {
        const d = date(due, "due_date");
        const a = date(asOf, "as_of");
        if (d === null || a === null) return "";
        return labels[classify(d, a, text(st), policy).agingClass];
      }
    );
  });
}

/**
 * Days past the due date on the as-of date; negative while not yet due. Blank due dates give an empty result.
 * @customfunction DAYS_PAST_DUE
 * @param due_date Due date: a date, a serial number or date text; a cell or a range.
 * @param as_of As-of date (基准日); a cell or a range of the same size.
 * @returns Whole days, as_of − due_date.
 */
export function daysPastDueFn(due_date: any[][], as_of: any[][]): any[][] {
  return run(() =>
    broadcast(
      [
        { name: "due_date", value: due_date },
        { name: "as_of", value: as_of },
      ],
      ([due, asOf]) => {
        const d = date(due, "due_date");
        const a = date(asOf, "as_of");
        return d === null || a === null ? "" : daysPastDue(d, a);
      }
    )
  );
}

/**
 * Aging band (账龄) counted from the date the receivable arose, in calendar months (POLICY §3):
 * 1年以内 / 1-2年 / 2-3年 / 3年以上 by default. "Within 1 year" includes the anniversary day.
 * @customfunction AGING_BAND
 * @param date_arisen Date the receivable arose (发生日期); a cell or a range.
 * @param as_of As-of date (基准日); a cell or a range of the same size.
 * @param [bands] Policy range (the policy sheet's rows) or rows of [label, up-to months], the last with blank months.
 * @param [language] "zh-CN" (default) or "en-US" for the label's language.
 * @returns The band label for each row.
 */
export function agingBandFn(date_arisen: any[][], as_of: any[][], bands?: any[][], language?: string): any[][] {
  return run(() => {
    const policy = policyArg(bands, "bands", "bands");
    const lang = languageOf(language);
    return broadcast(
      [
        { name: "date_arisen", value: date_arisen },
        { name: "as_of", value: as_of },
      ],
      ([arisen, asOf]) => {
        const d = date(arisen, "date_arisen");
        const a = date(asOf, "as_of");
        if (d === null || a === null) return "";
        return agingBandOf(d, a, policy.reportBands).label[lang];
      }
    );
  });
}

/** One row of AR.PROVISION, the reference rules (core/provision.itemProvision). */
function provisionCell(policy: Policy, [bal, arisen, asOf, recovery, st]: Cell[]): Result {
  const b = moneyArg(bal, "balance");
  const d = date(arisen, "date_arisen");
  const a = date(asOf, "as_of");
  if (b === null || d === null || a === null) return "";
  if (typeof bal === "number" && (recovery === null || recovery === undefined || recovery === 0) && text(st) === null) {
    const fen = plainRateProvisionFen(bal, d, a, policy);
    if (fen === fen) return fen / 100;
  }
  // A numeric 0 is how Excel desktop hands over a blank cell: "not assessed" (see @param).
  const r = recovery === 0 ? null : moneyArg(recovery, "expected_recovery");
  const condition = directToBadCondition(text(st), policy);
  return money(itemProvision({ balance: b, dateArisen: d, asOf: a, expectedRecovery: r, condition }, policy).amount);
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
    asOfDay = date(asOf[0][0], "as_of");
  } catch {
    return null; // every cell then shows the as_of error, from provisionCell
  }
  if (asOfDay === null) return null;
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
      if (statusText) statusText[i] = text(st![r][c]);
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
    const policy = policyArg(rate_table, "rates", "rate_table");
    const args = [
      { name: "balance", value: balance },
      { name: "date_arisen", value: date_arisen },
      { name: "as_of", value: as_of },
      { name: "expected_recovery", value: isMissing(expected_recovery) ? null : expected_recovery },
      { name: "status", value: isMissing(status) ? null : status },
    ];
    return provisionRange(policy, args) ?? broadcast(args, (cells) => provisionCell(policy, cells));
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

/**
 * Credit score of a customer, 0–100, from the 32-item questionnaire (客户情况调查表, POLICY §5.1): each answer
 * is 1, 2 or 3 (best first; scored 90/70/50), 4 or "?" for don't know (60), the answer text, or an exact score
 * inside the answer's range (e.g. 85); weights add up to 100%. Several raters, one column each, are averaged.
 * @customfunction CREDIT_SCORE
 * @param answers The 32 answers in a column (one column per rater) or in a row.
 * @param [weights] Policy range (the policy sheet's rows) or the 32 item weights in a row or a column.
 * @param [rater_weights] One weight per rater for a weighted mean; the plain mean without it.
 * @returns The combined score.
 */
export function creditScoreFn(answers: any[][], weights?: any[][], rater_weights?: any[][]): number {
  try {
    const policy = policyArg(weights, "weights", "weights");
    const raters = ratersOf(asMatrix(answers), policy.credit.items.length);
    // An all-blank weights row (a questionnaire sheet's, before anyone weighs the raters) is the plain
    // mean; Excel desktop hands those blanks over as 0, and all-zero weights would weigh nobody anyway.
    const given = isMissing(rater_weights) ? [] : asMatrix(rater_weights).flat();
    const raterWeights = given.every((w) => w === null || w === undefined || w === 0 || (typeof w === "string" && w.trim() === "")) ? undefined : given;
    const result = creditScore(raters, policy, raterWeights ? { raterWeights } : {});
    return Number(result.score.toString());
  } catch (e) {
    throwAsExcel(e);
  }
}

/**
 * Credit grade for a score (AAA ≥ 90, AA ≥ 80, A ≥ 70, B ≥ 60, C below: the product's default bands, editable in the policy).
 * @customfunction CREDIT_GRADE
 * @param score Credit score 0–100; a cell or a range.
 * @param [bands] Policy range (the policy sheet's rows) or rows of [grade, minimum score, limit factor].
 * @returns The grade for each row.
 */
export function creditGradeFn(score: any[][], bands?: any[][]): any[][] {
  return run(() => {
    const policy = policyArg(bands, "grades", "bands");
    return broadcast([{ name: "score", value: score }], ([s]) => (s === null || s === undefined || s === "" ? "" : creditGrade(s as number | string, policy).grade));
  });
}

/**
 * Suggested credit limit: the contract value × the grade's limit factor (product default, editable), to the cent.
 * @customfunction SUGGESTED_LIMIT
 * @param score Credit score 0–100; a cell or a range.
 * @param contract_value Size of the work (contract value) in yuan; a cell or a range of the same size.
 * @param [bands] Policy range (the policy sheet's rows) or rows of [grade, minimum score, limit factor].
 * @returns The suggested limit in yuan.
 */
export function suggestedLimitFn(score: any[][], contract_value: any[][], bands?: any[][]): any[][] {
  return run(() => {
    const policy = policyArg(bands, "grades", "bands");
    return broadcast(
      [
        { name: "score", value: score },
        { name: "contract_value", value: contract_value },
      ],
      ([s, v]) => {
        const value = moneyArg(v, "contract_value");
        if (s === null || s === undefined || s === "" || value === null) return "";
        return money(suggestedLimit(s as number | string, value, policy));
      }
    );
  });
}

/**
 * Collection approach for a recovery probability (004 六.第三条): ≥ 90% wait for payment; 70% to 90% gentle reminders;
 * over 50% to 70% frequent letters, calls and visits; 50% and below stern wording, arbitration or lawsuit.
 * @customfunction COLLECTION_ACTION
 * @param recovery_probability Probability of recovery: a fraction in [0, 1] such as 0.85, or a percentage with % (85%, "85%"); a cell or a range.
 * @param [language] "zh-CN" (default) or "en-US".
 * @param [policy] The policy sheet's rows (key, value), e.g. 'AR制度参数'!A:B: its collection tiers; the defaults without it.
 * @returns The approach for each row.
 */
export function collectionActionFn(recovery_probability: any[][], language?: string, policy?: any[][]): any[][] {
  return run(() => {
    const lang = languageOf(language);
    const p0 = policyArg(policy, "policy", "policy");
    return broadcast([{ name: "recovery_probability", value: recovery_probability }], ([p]) =>
      p === null || p === undefined || p === "" ? "" : collectionTier(p, p0, "fraction-or-percent").label[lang]
    );
  });
}

/**
 * Whether a receivable may be written off (004 七.第一条): overdue 3 years or more (the anniversary included), or a
 * status stating a write-off condition whole (declared bankrupt with assets insufficient, debtor dead or missing with no estate, disaster, court ruling).
 * @customfunction WRITE_OFF_ELIGIBLE
 * @param due_date Due date; a cell or a range.
 * @param as_of As-of date (基准日).
 * @param [status] Status or note text.
 * @param [policy] The policy sheet's rows (key, value), e.g. 'AR制度参数'!A:B: its write-off years and conditions; the defaults without it.
 * @returns TRUE when eligible, for each row.
 */
export function writeOffEligibleFn(due_date: any[][], as_of: any[][], status?: any[][], policy?: any[][]): any[][] {
  return run(() => {
    const rules = policyArg(policy, "policy", "policy");
    return broadcast(
      [
        { name: "due_date", value: due_date },
        { name: "as_of", value: as_of },
        { name: "status", value: isMissing(status) ? null : status },
      ],
      ([due, asOf, st]) => {
        const d = date(due, "due_date");
        const a = date(asOf, "as_of");
        if (d === null || a === null) return "";
        return writeOffEligibility({ dueDate: d, asOf: a, statusText: text(st) }, rules).eligible;
      }
    );
  });
}

/**
 * Discount interest on a bill (POLICY §9): face × annual rate × days to maturity ÷ 360, to the cent.
 * @customfunction DISCOUNT_INTEREST
 * @param face Face value of the bill in yuan; a cell or a range.
 * @param discount_date Date the bill is discounted.
 * @param maturity_date Date the bill matures.
 * @param annual_rate Annual discount rate: 0.045 or "4.5%".
 * @param [policy] The policy sheet's rows (key, value), e.g. 'AR制度参数'!A:B: its day-count basis; the defaults without it.
 * @returns The interest in yuan.
 */
export function discountInterestFn(face: any[][], discount_date: any[][], maturity_date: any[][], annual_rate: any[][], policy?: any[][]): any[][] {
  return run(() => {
    const rules = policyArg(policy, "policy", "policy");
    return broadcast(
      [
        { name: "face", value: face },
        { name: "discount_date", value: discount_date },
        { name: "maturity_date", value: maturity_date },
        { name: "annual_rate", value: annual_rate },
      ],
      ([f, from, to, rate]) => {
        const a = date(from, "discount_date");
        const b = date(to, "maturity_date");
        const faceValue = moneyArg(f, "face");
        if (a === null || b === null || faceValue === null) return "";
        return money(discountInterest(faceValue, rate as number | string, a, b, rules));
      }
    );
  });
}

/**
 * The amount in Chinese capitals (人民币大写) as banks require, e.g. 909600 → 玖拾万玖仟陆佰元整.
 * @customfunction AMOUNT_IN_WORDS
 * @param amount Amount in yuan: a number or text such as "90.96万"; a cell or a range.
 * @returns The amount in capitals for each row.
 */
export function amountInWordsFn(amount: any[][]): any[][] {
  return run(() =>
    broadcast([{ name: "amount", value: amount }], ([a]) => {
      const value = moneyArg(a, "amount");
      return value === null ? "" : amountInWords(value);
    })
  );
}

/**
 * Credit days as a cell holds them. Desktop Excel hands a custom function a blank cell as 0, so a
 * numeric 0 (and a blank) is "not given": the policy's default term, as PROVISION's
 * expected_recovery reads a blank. Zero days (货到付款) is written as the text "0".
 */
function creditDays(c: Cell): number | null {
  refuseErrorValue(c, "credit_days");
  if (c === null || c === undefined || c === "" || c === 0) return null;
  if (typeof c === "number") return c;
  const t = toHalfWidth(String(c)).trim();
  if (t === "") return null;
  return /^[+-]?\d+(?:\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/**
 * Due date: the date arisen plus the credit days (the policy's default term, 30 days, when blank). Returned as a
 * date serial: format the cell as a date.
 * @customfunction DUE_DATE
 * @param date_arisen Date the receivable arose; a cell or a range.
 * @param [credit_days] Credit days (信用期); a cell or a range of the same size. Blank or 0 = the policy's default term; the text "0" = no credit (货到付款).
 * @param [policy] The policy sheet's rows (key, value), e.g. 'AR制度参数'!A:B: its default term; the defaults without it.
 * @returns The due date as a serial number.
 */
export function dueDateFn(date_arisen: any[][], credit_days?: any[][], policy?: any[][]): any[][] {
  return run(() => {
    const rules = policyArg(policy, "policy", "policy");
    return broadcast(
      [
        { name: "date_arisen", value: date_arisen },
        { name: "credit_days", value: isMissing(credit_days) ? null : credit_days },
      ],
      ([arisen, days]) => {
        const d = date(arisen, "date_arisen");
        if (d === null) return "";
        const n = creditDays(days);
        if (n !== null && !(Number.isInteger(n) && n >= 0)) throw new ArError("aging.credit-days-invalid", { "zh-CN": `信用期“${String(days)}”不是天数（0 或正整数；文字“0”表示货到付款）`, "en-US": `credit_days "${String(days)}" is not a number of days (0 or a whole number above it; the text "0" for none)` });
        return toExcelSerial(dueDateOf(d, n, null, rules));
      }
    );
  });
}

/**
 * Last day to declare a bad-debt loss to the tax bureau (POLICY §8): 45 days after the end of the year the
 * loss is recognised in. Returned as a date serial.
 * @customfunction TAX_FILING_DEADLINE
 * @param loss_date Date the loss is recognised; a cell or a range.
 * @param [policy] The policy sheet's rows (key, value), e.g. 'AR制度参数'!A:B: its days after the year end; the defaults without it.
 * @returns The deadline as a serial number.
 */
export function taxFilingDeadlineFn(loss_date: any[][], policy?: any[][]): any[][] {
  return run(() => {
    const rules = policyArg(policy, "policy", "policy");
    return broadcast([{ name: "loss_date", value: loss_date }], ([d]) => {
      const day = date(d, "loss_date");
      return day === null ? "" : toExcelSerial(taxFilingDeadline(day, rules));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Expected credit loss (CAS 22 / IFRS 9, simplified approach): core/ecl
// ---------------------------------------------------------------------------------------------

/** A history table: one row per period end (its date first, then the balance of each band, youngest first); a header row of text is skipped. */
function historyArg(v: unknown): { asOf: number; bands: Decimal[] }[] {
  const m = asMatrix(v);
  const rows = m.filter((r) => !(typeof r[0] === "string" && r[0].trim() !== "" && !/\d/.test(r[0])));
  if (rows.length < 3) {
    throw new CallError("#N/A", `history needs at least three period ends (two transitions), got ${rows.length} / 迁徙率至少需要三个期末时点（两个期间），只有 ${rows.length} 个`);
  }
  return rows.map((r, k) => {
    const d = date(r[0] as Cell, `history row ${k + 1} date`);
    if (d === null) throw new CallError("#VALUE!", `history row ${k + 1}: the first column must be the period end's date / 历史表第 ${k + 1} 行：第一列应为期末日期`);
    return { asOf: d, bands: r.slice(1).map((c, b) => moneyArg(c as Cell, `history row ${k + 1} band ${b + 1}`) ?? new Dec(0)) };
  });
}

/** A row or column of rates (fractions, or percentages typed with %). */
function ratesArg(v: unknown, name: string): (Decimal | null)[] {
  return asMatrix(v)
    .flat()
    .map((c, k) => {
      if (c === null || c === undefined || c === "") return null;
      refuseErrorValue(c, name);
      if (typeof c === "number") return new Dec(c);
      const t = String(c).trim();
      const m = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(t);
      if (m !== null) return new Dec(m[1]).div(100);
      if (/^[+-]?\d+(?:\.\d+)?$/.test(t)) return new Dec(t);
      throw new CallError("#VALUE!", `${name} ${k + 1}: "${t}" is not a rate; write 20% or 0.2 / ${name} 第 ${k + 1} 项“${t}”不是比率，应写 20% 或 0.2`);
    });
}

/**
 * Migration rates (迁徙率) per aging band, averaged over the transitions of a history table
 * (CAS 22 / IFRS 9 provision matrix): band i's balance at one period end that sits in band i+1 at
 * the next, over band i's. A band with no balance at a period's start has no rate for it (#N/A when
 * none of the periods has one).
 * @customfunction MIGRATION_RATES
 * @param history One row per period end, ascending: its date, then the balance of each aging band, youngest first (at least three rows).
 * @returns One rate per band but the oldest, in a row.
 */
export function migrationRatesFn(history: any[][]): any[][] {
  return run(() => {
    const snapshots = snapshotsFromTable(historyArg(history));
    const bandCount = snapshots[0].bands.length;
    const m = migrationRates(snapshots, bandCount);
    return [
      m.average.slice(0, bandCount - 1).map((r, b) =>
        r === null ? cellError("#N/A", `band ${b + 1} has no balance at the start of any period / 第 ${b + 1} 个账龄段在各期期初都没有余额`) : r.toNumber(),
      ),
    ];
  });
}

/**
 * Expected credit loss rates per aging band from migration rates (CAS 22 / IFRS 9): the oldest band
 * loses 100% (or the last_band_loss given), each younger band its migration rate × the next band's
 * loss rate; then the forward-looking adjustment, × (1 + adjustment), at most 100%.
 * @customfunction ECL_RATES
 * @param migration The migration rates, youngest band first (as MIGRATION_RATES gives them).
 * @param [adjustment] The forward-looking adjustment k, e.g. 10% (default 0).
 * @param [last_band_loss] The oldest band's loss rate (default 100%; 1 − the recovery rate after write-off).
 * @returns One loss rate per band, the oldest included, in a row.
 */
export function eclRatesFn(migration: any[][], adjustment?: any[][], last_band_loss?: any[][]): any[][] {
  return run(() => {
    const m = ratesArg(migration, "migration");
    const k = isMissing(adjustment) ? [new Dec(0)] : ratesArg(adjustment, "adjustment");
    const last = isMissing(last_band_loss) ? [new Dec(1)] : ratesArg(last_band_loss, "last_band_loss");
    const loss = lossRates([...m, null], k[0] ?? 0, last[0] ?? 1);
    return [loss.adjusted.map((r, b) => (r === null ? cellError("#N/A", `band ${b + 1}: no migration rate for it or an older band / 第 ${b + 1} 段或更老的账龄段没有迁徙率`) : r.toNumber()))];
  });
}

/**
 * Expected credit loss of a balance in an aging band (CAS 22 / IFRS 9): balance × the band's loss
 * rate, rounded half-up to the cent.
 * @customfunction ECL_PROVISION
 * @param balance Balance (应收余额) in yuan: a number or text such as "90.96万"; a cell or a range.
 * @param band The aging band, 1 for the youngest; a cell or a range of the same size.
 * @param rates The loss rates per band, youngest first (as ECL_RATES gives them).
 * @returns The expected credit loss in yuan for each row.
 */
export function eclProvisionFn(balance: any[][], band: any[][], rates: any[][]): any[][] {
  return run(() => {
    const table = ratesArg(rates, "rates");
    return broadcast(
      [
        { name: "balance", value: balance },
        { name: "band", value: band },
      ],
      ([b, n]) => {
        const amount = moneyArg(b, "balance");
        if (amount === null || n === null || n === undefined || n === "") return "";
        const k = Number(n);
        if (!Number.isInteger(k) || k < 1 || k > table.length) throw new CallError("#NUM!", `band must be 1 to ${table.length}, not ${String(n)} / 账龄段应为 1 到 ${table.length}`);
        const rate = table[k - 1];
        if (rate === null) throw new CallError("#N/A", `band ${k} has no rate / 第 ${k} 段没有损失率`);
        return money(eclProvision(amount, rate));
      },
    );
  });
}
