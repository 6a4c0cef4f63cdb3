/**
 * The columnar hot path: aging class, aging bands and provision for up to Excel's 1,048,576
 * rows in one synchronous pass, with results in typed arrays and exact totals.
 *
 * It computes what aging.ts and provision.ts compute row by row, without a Decimal or a
 * calendar conversion on the per-row path:
 * - amounts go through fen.ts (integer fen in doubles, provably exact); a row whose amount is
 *   not fen-exact (more than 2 decimals, > 10^13 yuan, text such as "90.96万") or whose band
 *   rate has more than 4 decimals takes the decimal path (provision.itemProvision on
 *   money.parseMoney values) and gets the identical rounded result, flagged FLAG_DECIMAL;
 * - bands are comparisons against cutoff days computed once for the as-of date
 *   (aging.bandCutoffs), not addMonths per row;
 * - statuses are matched once per distinct text (a cache), not once per row.
 *
 * Dates are Excel serial numbers, because that is what a range read from Excel holds (1900
 * date system unless options.dateSystem says "1904"); a fraction (a time of day) is dropped,
 * text dates are read with dates.parseDate, and 0 or an empty cell is "no date"
 * (dates.parseDate's zeroIsBlank). The as-of date is a DayNumber.
 */
import type Decimal from "decimal.js";
import type { Bilingual } from "../i18n/bilingual";
import { AGING_CLASSES, bandCutoffs, classLimits, directToBadCondition } from "./aging";
import { type DayNumber, fromYmd } from "./calendar";
import { type ExcelDateSystem, EXCEL_1900_EPOCH_OFFSET, EXCEL_1900_MAX_SERIAL, parseDate } from "./dates";
import { ArError } from "./errors";
import { formatFenBigInt, mulRateHalfUp, numberToFen, rateToBasisPoints } from "./fen";
import { Dec, parseMoney } from "./money";
import { MoneySum } from "./money-sum";
import type { Policy } from "./policy/types";
import { bandRate, itemProvision, PROVISION_BASES } from "./provision";

/** A Uint8Array cell with nothing in it (an error row's class or band, a row without condition). */
export const NO_VALUE = 255;
/** daysPastDue of a row whose dates could not be read. */
export const NO_DAYS = -2147483648;

/** flags bits. */
export const FLAG_DECIMAL = 1; // computed on the decimal path
export const FLAG_ERROR = 2; // bad input: see errorCode; not in the totals
export const FLAG_CONDITION = 4; // a direct-to-bad condition matched the status text

/** The batch's input errors; a row's errorCode is the error's index here (0 = no error). */
const BATCH_ERROR_LIST = [
  { id: "", text: { "zh-CN": "", "en-US": "" } },
  {
    id: "batch.date-arisen-missing",
    text: { "zh-CN": "缺少发生日期。", "en-US": "The date arisen is missing." },
  },
  {
    id: "batch.date-arisen-invalid",
    text: { "zh-CN": "发生日期无效。", "en-US": "The date arisen is not a valid date." },
  },
  {
    id: "batch.due-date-invalid",
    text: { "zh-CN": "到期日无效。", "en-US": "The due date is not a valid date." },
  },
  {
    id: "batch.credit-days-invalid",
    text: { "zh-CN": "信用期天数必须是非负整数。", "en-US": "Credit days must be a non-negative whole number." },
  },
  {
    id: "batch.balance-missing",
    text: { "zh-CN": "缺少余额。", "en-US": "The balance is missing." },
  },
  {
    id: "batch.balance-invalid",
    text: { "zh-CN": "余额不是有效金额。", "en-US": "The balance is not a valid amount." },
  },
  {
    id: "batch.recovery-invalid",
    text: {
      "zh-CN": "预计回收金额不是有效的非负金额。",
      "en-US": "The expected recovery is not a valid non-negative amount.",
    },
  },
  {
    id: "aging.arisen-after-as-of",
    text: {
      "zh-CN": "发生日期晚于截止日期,无法计算账龄。",
      "en-US": "The date arisen is after the as-of date, so there is no age.",
    },
  },
  {
    id: "aging.no-band",
    text: {
      "zh-CN": "账龄超出账龄段表的范围(最后一段应不设上限)。",
      "en-US": "The age is beyond every aging band (the last band should be open-ended).",
    },
  },
  {
    id: "provision.probability-invalid",
    text: { "zh-CN": "回收可能性应在 0% 到 100% 之间。", "en-US": "The recovery probability must be between 0% and 100%." },
  },
] as const;

/** errorCode values; 0 = no error. */
export const BATCH_ERRORS: readonly { code: number; id: string; text: Bilingual }[] = BATCH_ERROR_LIST.map((e, code) => ({ code, id: e.id, text: e.text }));

/** The errorCode of an error, by its place in the list, so no code is stated twice. */
function errorCodeOf(id: Exclude<(typeof BATCH_ERROR_LIST)[number]["id"], "">): number {
  return BATCH_ERROR_LIST.findIndex((e) => e.id === id);
}

const E_ARISEN_MISSING = errorCodeOf("batch.date-arisen-missing");
const E_ARISEN_INVALID = errorCodeOf("batch.date-arisen-invalid");
const E_DUE_INVALID = errorCodeOf("batch.due-date-invalid");
const E_CREDIT_DAYS = errorCodeOf("batch.credit-days-invalid");
const E_BALANCE_MISSING = errorCodeOf("batch.balance-missing");
const E_BALANCE_INVALID = errorCodeOf("batch.balance-invalid");
const E_RECOVERY = errorCodeOf("batch.recovery-invalid");
const E_AFTER_AS_OF = errorCodeOf("aging.arisen-after-as-of");
const E_NO_BAND = errorCodeOf("aging.no-band");
const E_PROBABILITY = errorCodeOf("provision.probability-invalid");

const BASIS_AGING_RATE = PROVISION_BASES.indexOf("aging-rate");
const BASIS_FULL_BAD = PROVISION_BASES.indexOf("full-bad");
const BASIS_SPECIFIC = PROVISION_BASES.indexOf("specific");
const BASIS_NON_POSITIVE = PROVISION_BASES.indexOf("none-non-positive");
const BASIS_DIRECT = PROVISION_BASES.indexOf("none-direct-write-off");
const BASIS_SPECIFIC_PROBABILITY = PROVISION_BASES.indexOf("specific-probability");
const BASIS_BALANCE_RATE = PROVISION_BASES.indexOf("balance-rate");
const BASIS_NOT_ASSESSED = PROVISION_BASES.indexOf("none-not-assessed");
const CLASS_BAD = AGING_CLASSES.indexOf("bad");

/**
 * A cell as a range read gives it: a number, text, or empty. Empty is null, undefined, "" (what
 * Office.js `range.values` gives for a blank cell) or NaN (a blank in a Float64Array).
 */
export type CellValue = number | string | null | undefined;

export interface BatchColumns {
  /** Required. Excel serials (or date text). */
  dateArisen: ArrayLike<CellValue>;
  /** Explicit due dates; an empty cell (null, undefined, NaN, 0) means "arisen + credit days". */
  dueDate?: ArrayLike<CellValue>;
  /** Credit days per row; empty (null, undefined, NaN) means policy.defaultCreditDays. */
  creditDays?: ArrayLike<number | null | undefined>;
  /** Required. Yuan, as Excel numbers (or money text such as "90.96万"). */
  balance: ArrayLike<CellValue>;
  /** Empty (null, undefined, NaN, blank text) means "not assessed". */
  expectedRecovery?: ArrayLike<CellValue>;
  /**
   * Recovery probabilities as fractions in [0, 1] (a number, or decimal text "0.85" for an exact
   * one); empty means "not assessed". Used by 账龄分析法 and 个别认定法 when there is no expected
   * recovery (provision.itemProvision).
   */
  recoveryProbability?: ArrayLike<CellValue>;
  statusText?: ArrayLike<string | null | undefined>;
}

interface BatchOptions {
  dateSystem?: ExcelDateSystem;
  /** Send every row down the decimal path (for verification; about 100× slower). */
  forceDecimal?: boolean;
}

interface BatchTotal {
  key: string;
  count: number;
  /** Exact sum of the balances, two decimals at least ("1234.50"; more only if an input had more). */
  balance: string;
  /** Exact sum of the rounded provisions, two decimals. */
  provision: string;
}

export interface BatchResult {
  rowCount: number;
  /** asOf − due date; NO_DAYS when the dates could not be read. */
  daysPastDue: Int32Array;
  /** Index into AGING_CLASSES; NO_VALUE when unknown. */
  agingClass: Uint8Array;
  /** Index into policy.reportBands; NO_VALUE when unknown. */
  reportBand: Uint8Array;
  /** Index into policy.provision.bands; NO_VALUE when unknown. */
  provisionBand: Uint8Array;
  /** Index into policy.directToBad; NO_VALUE for none. */
  condition: Uint8Array;
  /** Index into PROVISION_BASES; NO_VALUE for an error row. */
  basis: Uint8Array;
  /** The rounded provision in integer fen; NaN for an error row or one beyond 2^53 fen (see provisionExact). */
  provisionFen: Float64Array;
  /** Exact provisions (yuan, "1234.50") of rows whose fen do not fit a double exactly. */
  provisionExact: Map<number, string>;
  flags: Uint8Array;
  /** Index into BATCH_ERRORS; 0 = no error. */
  errorCode: Uint8Array;
  errorCount: number;
  decimalCount: number;
  totals: {
    all: BatchTotal;
    byClass: BatchTotal[];
    byReportBand: BatchTotal[];
    byProvisionBand: BatchTotal[];
  };
}

/** A running total of rows: their balances exactly, their provisions in whole fen. */
class TotalAccumulator {
  count = 0;
  readonly balance = new MoneySum();
  readonly provision = new MoneySum();

  constructor(readonly key: string) {}

  addFen(balanceFen: number, provisionFen: number): void {
    this.count += 1;
    this.balance.addFen(balanceFen);
    this.provision.addFen(provisionFen);
  }

  addDecimal(balance: Decimal, provision: Decimal): void {
    this.count += 1;
    this.balance.addDecimal(balance);
    this.provision.addFenBigInt(BigInt(provision.times(100).toFixed(0)));
  }

  addAccumulator(other: TotalAccumulator): void {
    this.count += other.count;
    this.balance.addSum(other.balance);
    this.provision.addSum(other.provision);
  }

  result(): BatchTotal {
    return { key: this.key, count: this.count, balance: this.balance.toString(), provision: this.provision.toString() };
  }
}

function batchInputError(id: string, text: Bilingual, field?: string): ArError {
  return new ArError(id, text, field === undefined ? { excel: "#VALUE!" } : { excel: "#VALUE!", field });
}

const MISSING = NaN;
const INVALID = -Infinity;

/** A date cell off the fast path: a day, MISSING or INVALID. */
function slowDay(value: unknown, dateSystem: ExcelDateSystem): number {
  try {
    const day = parseDate(value, undefined, { dateSystem });
    return day === null ? MISSING : day;
  } catch {
    return INVALID;
  }
}

/** A money cell as a decimal: the Decimal, null when empty, undefined when unreadable. */
function slowMoney(value: unknown): Decimal | null | undefined {
  if (typeof value === "number" && Number.isNaN(value)) return null;
  try {
    return parseMoney(value);
  } catch {
    return undefined;
  }
}

/** A probability cell as a fraction in [0, 1]: the Decimal, null when empty, undefined when it is none. */
function slowFraction(value: CellValue): Decimal | null | undefined {
  if (value === null || value === undefined || value === "" || (typeof value === "number" && value !== value)) return null;
  try {
    const d = new Dec(typeof value === "number" ? value.toPrecision(15) : value.trim());
    return d.isFinite() && d.gte(0) && d.lte(1) ? d : undefined;
  } catch {
    return undefined;
  }
}

const STATUS_CACHE_LIMIT = 65536;

/**
 * Classifies, bands and provides every row (see the file comment). Throws only for a bad call
 * (columns of different lengths, an invalid as-of date, a policy whose bands or rates cannot be
 * used); a bad row is flagged (FLAG_ERROR, errorCode) and left out of the totals.
 */
export function runBatch(columns: BatchColumns, asOf: DayNumber, policy: Policy, options: BatchOptions = {}): BatchResult {
  const n = columns.balance.length;
  for (const [name, column] of Object.entries(columns) as [string, ArrayLike<unknown> | undefined][]) {
    if (column !== undefined && column.length !== n) {
      throw batchInputError(
        "batch.column-length",
        {
          "zh-CN": `列“${name}”有 ${column.length} 行,余额列有 ${n} 行,行数必须相同。`,
          "en-US": `Column "${name}" has ${column.length} rows and the balance column ${n}; they must be equal.`,
        },
        name,
      );
    }
  }
  if (!Number.isSafeInteger(asOf)) {
    throw batchInputError(
      "batch.as-of-invalid",
      { "zh-CN": "截止日期不是有效的日期。", "en-US": "The as-of date is not a valid day." },
      "asOf",
    );
  }
  const reportBands = policy.reportBands;
  const provisionBands = policy.provision.bands;
  if (reportBands.length >= NO_VALUE || provisionBands.length >= NO_VALUE || policy.directToBad.length >= NO_VALUE) {
    throw batchInputError(
      "batch.policy-too-large",
      { "zh-CN": "账龄段或坏账条件超过 254 个。", "en-US": "More than 254 aging bands or bad-debt conditions." },
      "policy",
    );
  }

  // Once per call: band cutoffs, rates in basis points, thresholds.
  const reportCutoffs = bandCutoffs(asOf, reportBands);
  const provisionCutoffs = bandCutoffs(asOf, provisionBands);
  const method = policy.provision.method;
  const directWriteOff = method === "direct-write-off";
  const balancePercentage = method === "balance-percentage";
  const individual = method === "individual";
  const rateBp = provisionBands.map((band) => {
    if (method !== "aging") return 0;
    const { rate } = bandRate(band.key, policy); // validates every rate once, before any row
    return rateToBasisPoints(rate);
  });
  const balanceRateBp = balancePercentage ? rateToBasisPoints(policy.provision.balanceRate) : 0;
  // Probabilities in basis points, once per distinct value; NaN sends a row to the decimal path.
  const probabilityBp = new Map<CellValue, number>();
  const probabilityBpOf = (v: CellValue): number => {
    let bp = probabilityBp.get(v);
    if (bp === undefined) {
      bp = rateToBasisPoints(typeof v === "number" ? String(v) : String(v).trim());
      if (!(bp <= 10000)) bp = NaN;
      if (probabilityBp.size < 4096) probabilityBp.set(v, bp);
    }
    return bp;
  };
  const limits = classLimits(policy.agingClass);
  const normalMaxDays = limits.normal;
  const overdueMaxDays = limits.overdue;
  const staleMaxDays = limits.stale;
  const defaultCreditDays = policy.defaultCreditDays;
  const dateSystem = options.dateSystem ?? "1900";
  // Serial → day without parseDate for the common case: a number in the system's range.
  const serialLow = dateSystem === "1900" ? 61 : 1; // 1..60 in 1900 and 0 go the slow way
  const serialHighExclusive = dateSystem === "1900" ? EXCEL_1900_MAX_SERIAL + 1 : fromYmd(9999, 12, 31) - fromYmd(1904, 1, 1) + 1;
  const serialOffset = dateSystem === "1900" ? -EXCEL_1900_EPOCH_OFFSET : fromYmd(1904, 1, 1);
  const forceDecimal = options.forceDecimal === true;

  const { dateArisen, dueDate, creditDays, balance, expectedRecovery, recoveryProbability, statusText } = columns;

  const daysPastDueOut = new Int32Array(n);
  const classOut = new Uint8Array(n);
  const reportBandOut = new Uint8Array(n);
  const provisionBandOut = new Uint8Array(n);
  const conditionOut = new Uint8Array(n).fill(NO_VALUE);
  const basisOut = new Uint8Array(n);
  const provisionOut = new Float64Array(n);
  const provisionExact = new Map<number, string>();
  const flags = new Uint8Array(n);
  const errorCode = new Uint8Array(n);
  let errorCount = 0;
  let decimalCount = 0;

  // One accumulator per (class, provision band, report band) cell, so a row adds to one place;
  // the totals by class, by band and overall are rolled up from the cells at the end.
  const nP = provisionBands.length;
  const nR = reportBands.length;
  const cells = Array.from({ length: AGING_CLASSES.length * nP * nR }, () => new TotalAccumulator(""));
  // Bound once per call: a CommonJS build (tsx, ts-jest) reads every import through a getter.
  const toFen = numberToFen;
  const mulRate = mulRateHalfUp;

  const statusCache = new Map<string, number>();
  const conditionIndex = (text: string): number => {
    let c = statusCache.get(text);
    if (c === undefined) {
      const found = directToBadCondition(text, policy);
      c = found === null ? NO_VALUE : policy.directToBad.indexOf(found);
      if (statusCache.size < STATUS_CACHE_LIMIT) statusCache.set(text, c);
    }
    return c;
  };

  for (let i = 0; i < n; i++) {
    let error = 0;

    // Dates (POLICY §2): due = explicit due, else arisen + credit days.
    const a = dateArisen[i];
    let arisen: number;
    if (typeof a === "number" && a >= serialLow && a < serialHighExclusive) arisen = Math.floor(a) + serialOffset;
    else arisen = slowDay(a, dateSystem);
    if (arisen !== arisen) error = E_ARISEN_MISSING; // NaN: missing
    else if (arisen === INVALID) error = E_ARISEN_INVALID;

    let due = NaN;
    if (dueDate !== undefined) {
      const d = dueDate[i];
      if (typeof d === "number" && d >= serialLow && d < serialHighExclusive) due = Math.floor(d) + serialOffset;
      else if (d !== null && d !== undefined && d !== "" && !(typeof d === "number" && d !== d)) {
        due = slowDay(d, dateSystem);
        if (due === INVALID) error = error || E_DUE_INVALID;
      }
    }
    if (due !== due && error === 0) {
      let credit = defaultCreditDays;
      if (creditDays !== undefined) {
        const c = creditDays[i];
        if (c !== null && c !== undefined && c === c) credit = c;
      }
      // aging.dueDate's rule; above 10^6 days (2,700 years) is a typo, and would overflow Int32.
      if (credit >= 0 && credit === Math.floor(credit) && credit <= 1e6) due = arisen + credit;
      else error = E_CREDIT_DAYS;
    }

    let classCode = NO_VALUE;
    if (due === due && due !== INVALID) {
      const days = asOf - due;
      daysPastDueOut[i] = days;
      classCode = days <= normalMaxDays ? 0 : days <= overdueMaxDays ? 1 : days <= staleMaxDays ? 2 : 3;
    } else {
      daysPastDueOut[i] = NO_DAYS;
    }

    let cond = NO_VALUE;
    if (statusText !== undefined) {
      const s = statusText[i];
      if (typeof s === "string" && s.length > 0) {
        cond = conditionIndex(s);
        if (cond !== NO_VALUE) {
          conditionOut[i] = cond;
          flags[i] |= FLAG_CONDITION;
          if (classCode !== NO_VALUE) classCode = CLASS_BAD;
        }
      }
    }
    classOut[i] = classCode;

    // Bands (POLICY §3, §4): comparisons against the cutoffs.
    let rb = NO_VALUE;
    let pb = NO_VALUE;
    if (arisen === arisen && arisen !== INVALID) {
      if (arisen > asOf) {
        error = error || E_AFTER_AS_OF;
      } else {
        rb = 0;
        while (rb < reportCutoffs.length && arisen < reportCutoffs[rb]) rb++;
        pb = 0;
        while (pb < provisionCutoffs.length && arisen < provisionCutoffs[pb]) pb++;
        // Only a band table without an open last band leaves a row here (aging.agingBand throws).
        if (rb === reportCutoffs.length || pb === provisionCutoffs.length) {
          rb = NO_VALUE;
          pb = NO_VALUE;
          error = error || E_NO_BAND;
        }
      }
    }
    reportBandOut[i] = rb;
    provisionBandOut[i] = pb;

    // Money: integer fen when exact, else the decimal path.
    const b = balance[i];
    let balanceFen = NaN;
    let needsDecimal = forceDecimal;
    if (typeof b === "number") {
      balanceFen = toFen(b);
      if (balanceFen !== balanceFen) {
        if (b !== b) error = error || E_BALANCE_MISSING; // NaN in a Float64Array: an empty cell
        else if (!Number.isFinite(b)) error = error || E_BALANCE_INVALID;
        else needsDecimal = true;
      }
    } else if (b === null || b === undefined || b === "") {
      error = error || E_BALANCE_MISSING;
    } else {
      needsDecimal = true;
    }

    let recoveryFen = NaN; // NaN = none
    let hasRecovery = false;
    if (expectedRecovery !== undefined) {
      const r = expectedRecovery[i];
      if (typeof r === "number") {
        if (r === r) {
          hasRecovery = true;
          recoveryFen = toFen(r);
          if (recoveryFen !== recoveryFen) {
            if (!Number.isFinite(r)) error = error || E_RECOVERY;
            else needsDecimal = true;
          } else if (recoveryFen < 0) {
            error = error || E_RECOVERY;
          }
        }
      } else if (r !== null && r !== undefined && r !== "") {
        needsDecimal = true; // text: parsed on the decimal path
      }
    }

    let probability: CellValue = null; // null = not assessed
    if (recoveryProbability !== undefined) {
      const v = recoveryProbability[i];
      if (typeof v === "number" ? v === v : v !== null && v !== undefined && v !== "") probability = v;
    }

    if (!needsDecimal && error === 0) {
      // The fast path: the same rules as provision.itemProvision, in fen.
      let provisionFen: number;
      let basis: number;
      if (directWriteOff) {
        provisionFen = 0;
        basis = BASIS_DIRECT;
      } else if (balanceFen <= 0) {
        provisionFen = 0;
        basis = BASIS_NON_POSITIVE;
      } else if (balancePercentage) {
        provisionFen = mulRate(balanceFen, balanceRateBp);
        basis = BASIS_BALANCE_RATE;
      } else if (hasRecovery) {
        const shortfall = balanceFen - recoveryFen; // |·| <= 2 × 10^15 < 2^53: exact
        provisionFen = shortfall > 0 ? shortfall : 0;
        basis = BASIS_SPECIFIC;
      } else if (probability !== null) {
        // balance − round(balance × p): NaN (the decimal path) for a probability finer than 0.01%.
        provisionFen = balanceFen - mulRate(balanceFen, probabilityBpOf(probability));
        basis = BASIS_SPECIFIC_PROBABILITY;
      } else if (cond !== NO_VALUE) {
        provisionFen = balanceFen;
        basis = BASIS_FULL_BAD;
      } else if (individual) {
        provisionFen = 0;
        basis = BASIS_NOT_ASSESSED;
      } else {
        provisionFen = mulRate(balanceFen, rateBp[pb]); // NaN when the rate is not in bp
        basis = BASIS_AGING_RATE;
      }
      if (provisionFen === provisionFen) {
        provisionOut[i] = provisionFen;
        basisOut[i] = basis;
        cells[(classCode * nP + pb) * nR + rb].addFen(balanceFen, provisionFen);
        continue;
      }
      needsDecimal = true;
    }

    if (error === 0) {
      error = decimalRow(i, b, expectedRecovery === undefined ? null : expectedRecovery[i], probability, arisen, classCode, cond);
      if (error === 0) {
        decimalCount += 1;
        continue;
      }
    }

    // An error row: kept out of the totals.
    flags[i] |= FLAG_ERROR;
    errorCode[i] = error;
    basisOut[i] = NO_VALUE;
    provisionOut[i] = NaN;
    errorCount += 1;
  }

  /** The decimal path for row i: provision.itemProvision itself, on parseMoney values. */
  function decimalRow(i: number, b: CellValue, r: CellValue, p: CellValue, arisen: number, classCode: number, cond: number): number {
    const balanceDec = slowMoney(b);
    if (balanceDec === null) return E_BALANCE_MISSING;
    if (balanceDec === undefined) return E_BALANCE_INVALID;
    const recoveryDec = slowMoney(r);
    if (recoveryDec === undefined || (recoveryDec !== null && recoveryDec.isNegative() && !recoveryDec.isZero())) {
      return E_RECOVERY;
    }
    const probabilityDec = slowFraction(p);
    if (probabilityDec === undefined) return E_PROBABILITY;
    const item = itemProvision(
      {
        balance: balanceDec,
        dateArisen: arisen,
        asOf,
        expectedRecovery: recoveryDec,
        recoveryProbability: probabilityDec,
        condition: cond === NO_VALUE ? null : policy.directToBad[cond],
      },
      policy,
    );
    const fen = item.amount.times(100);
    const fenNumber = fen.toNumber();
    if (Number.isSafeInteger(fenNumber)) {
      provisionOut[i] = fenNumber;
    } else {
      provisionOut[i] = NaN;
      provisionExact.set(i, formatFenBigInt(BigInt(fen.toFixed(0))));
    }
    basisOut[i] = PROVISION_BASES.indexOf(item.basis);
    flags[i] |= FLAG_DECIMAL;
    cells[(classCode * nP + provisionBandOut[i]) * nR + reportBandOut[i]].addDecimal(balanceDec, item.amount);
    return 0;
  }

  const all = new TotalAccumulator("all");
  const byClass = AGING_CLASSES.map((c) => new TotalAccumulator(c));
  const byReportBand = reportBands.map((b) => new TotalAccumulator(b.key));
  const byProvisionBand = provisionBands.map((b) => new TotalAccumulator(b.key));
  cells.forEach((cell, c) => {
    if (cell.count === 0) return;
    const rb = c % nR;
    const pb = ((c - rb) / nR) % nP;
    const cls = (c - rb - pb * nR) / (nR * nP);
    all.addAccumulator(cell);
    byClass[cls].addAccumulator(cell);
    byReportBand[rb].addAccumulator(cell);
    byProvisionBand[pb].addAccumulator(cell);
  });

  return {
    rowCount: n,
    daysPastDue: daysPastDueOut,
    agingClass: classOut,
    reportBand: reportBandOut,
    provisionBand: provisionBandOut,
    condition: conditionOut,
    basis: basisOut,
    provisionFen: provisionOut,
    provisionExact,
    flags,
    errorCode,
    errorCount,
    decimalCount,
    totals: {
      all: all.result(),
      byClass: byClass.map((t) => t.result()),
      byReportBand: byReportBand.map((t) => t.result()),
      byProvisionBand: byProvisionBand.map((t) => t.result()),
    },
  };
}
