/**
 * Properties of the cell parsers and of amountInWords, over generated inputs. numRuns is kept
 * at ~500 per property so the file runs in a couple of seconds.
 */
import fc from "fast-check";
import { amountInWords } from "../../src/core/capitals";
import { fromYmd, toYmd } from "../../src/core/calendar";
import { formatDateZh, formatIsoDate, fromExcelSerial, parseDate, toExcelSerial } from "../../src/core/dates";
import { ArError } from "../../src/core/errors";
import { Dec, formatMoney, formatMoneyGrouped, parseMoney, roundMoney, withinMoneyLimit } from "../../src/core/money";

const RUNS = { numRuns: 500 };

/** True when parseMoney refuses the input as beyond the product's limit of 10^13 yuan. */
function refusedAsOutOfRange(input: unknown): boolean {
  try {
    parseMoney(input);
    return false;
  } catch (e) {
    return e instanceof ArError && e.id === "money.out-of-range";
  }
}

/** Runs f; a result or an ArError is fine, anything else thrown fails the property. */
function onlyArErrors(f: () => unknown): boolean {
  try {
    f();
    return true;
  } catch (e) {
    if (e instanceof ArError) return true;
    throw e;
  }
}

const anyValue = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Strings from the characters the parsers care about, so generation reaches the deep branches. */
function stringFrom(chars: string[]): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...chars), maxLength: 24 });
}
const moneyish = stringFrom([..."0123456789.,+-−() ¥元万亿", "RMB", "CNY", "（", "）", "０", "９", "．", "，", "e", "#N/A"]);
const dateish = stringFrom([..."0123456789-/.年月日 T:Z+", "０", "９", "－", "／", "\u3000"]);

describe("parsers throw nothing but ArError", () => {
  it("parseMoney on arbitrary values", () => {
    fc.assert(fc.property(anyValue, (v) => onlyArErrors(() => parseMoney(v, "f"))), RUNS);
  });

  it("parseMoney on arbitrary strings (full Unicode, lone surrogates included)", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => onlyArErrors(() => parseMoney(s))), RUNS);
  });

  it("parseMoney on money-like strings; a result is never -0", () => {
    fc.assert(
      fc.property(moneyish, (s) =>
        onlyArErrors(() => {
          const d = parseMoney(s);
          if (d !== null && d.isZero() && d.isNegative()) throw new Error(`-0 from ${s}`);
        }),
      ),
      RUNS,
    );
  });

  it("parseMoney on any double", () => {
    fc.assert(fc.property(fc.double(), (x) => onlyArErrors(() => parseMoney(x))), RUNS);
  });

  it("parseDate on arbitrary values", () => {
    fc.assert(fc.property(anyValue, (v) => onlyArErrors(() => parseDate(v, "f"))), RUNS);
  });

  it("parseDate on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => onlyArErrors(() => parseDate(s))), RUNS);
  });

  it("parseDate on date-like strings; a result is a whole day in 1900..9999", () => {
    fc.assert(
      fc.property(dateish, (s) =>
        onlyArErrors(() => {
          const day = parseDate(s);
          if (day !== null) {
            const { y } = toYmd(day);
            if (!Number.isInteger(day) || y < 1900 || y > 9999) throw new Error(`bad day ${day} from ${s}`);
          }
        }),
      ),
      RUNS,
    );
  });

  it("parseDate on any double", () => {
    fc.assert(fc.property(fc.double(), (x) => onlyArErrors(() => parseDate(x))), RUNS);
  });
});

describe("formatMoney round-trips", () => {
  /** Decimals with up to 26 integer digits and up to 8 decimals, exact. */
  const decimals = fc
    .tuple(fc.bigInt({ min: -(10n ** 26n), max: 10n ** 26n }), fc.integer({ min: 0, max: 8 }))
    .map(([units, scale]) => new Dec(units.toString()).div(new Dec(10).pow(scale)));

  it("parseMoney(formatMoney(x)) equals roundMoney(x)", () => {
    fc.assert(
      fc.property(decimals, (x) => {
        const r = roundMoney(x);
        // At or beyond the product's limit (10^13 yuan) the spelling is refused, never misread.
        if (!withinMoneyLimit(r)) return refusedAsOutOfRange(formatMoney(x)) && refusedAsOutOfRange(formatMoneyGrouped(x));
        return parseMoney(formatMoney(x))!.equals(r) && parseMoney(formatMoneyGrouped(x))!.equals(r);
      }),
      RUNS,
    );
  });

  it("for doubles read as cells too", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (x) => {
        // A double of 10^13 or more (at 15 digits) is refused; everything below reads and round-trips.
        if (Math.abs(x) >= 1e13 || !withinMoneyLimit(new Dec(x.toPrecision(15)))) return refusedAsOutOfRange(x);
        const d = parseMoney(x)!;
        const r = roundMoney(d);
        if (!withinMoneyLimit(r)) return refusedAsOutOfRange(formatMoney(d)); // 9999999999999.996 rounds to 10^13
        return parseMoney(formatMoney(d))!.equals(r);
      }),
      RUNS,
    );
  });

  it("formatMoney has exactly two decimals and never '-0.00'", () => {
    fc.assert(
      fc.property(decimals, (x) => {
        const s = formatMoney(x);
        return /^-?\d+\.\d{2}$/.test(s) && s !== "-0.00";
      }),
      RUNS,
    );
  });
});

describe("dates: every spelling of a day parses to that day", () => {
  const days = fc.integer({ min: fromYmd(1900, 1, 1), max: fromYmd(9999, 12, 31) });
  const pad = (n: number): string => String(n).padStart(2, "0");
  const fullWidth = (s: string): string =>
    s.replace(/[0-9\-/.:]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  it("ISO, slashes, dots, 年月日, eight digits, padded or not, with a time, full-width", () => {
    fc.assert(
      fc.property(days, fc.boolean(), fc.constantFrom("", " 10:30", " 23:59:59", "T08:00:00Z", "T00:00+08:00"), (day, padded, time) => {
        const { y, m, d } = toYmd(day);
        const mm = padded ? pad(m) : String(m);
        const dd = padded ? pad(d) : String(d);
        const spellings = [
          `${y}-${mm}-${dd}`,
          `${y}/${mm}/${dd}`,
          `${y}.${mm}.${dd}`,
          `${y}年${mm}月${dd}日`,
          `${y}${pad(m)}${pad(d)}`,
        ];
        for (const s of spellings) {
          for (const text of [s + time, fullWidth(s + time), `  ${s}${time} `]) {
            if (parseDate(text) !== day) throw new Error(`${text} did not parse to ${formatIsoDate(day)}`);
          }
        }
        return true;
      }),
      RUNS,
    );
  });

  it("formatIsoDate and formatDateZh round-trip", () => {
    fc.assert(
      fc.property(days, (day) => parseDate(formatIsoDate(day)) === day && parseDate(formatDateZh(day)) === day),
      RUNS,
    );
  });

  it("Excel serials round-trip, and the day after is the next serial except across the phantom", () => {
    fc.assert(
      fc.property(days, fc.constantFrom("1900" as const, "1904" as const), (day, dateSystem) => {
        if (dateSystem === "1904" && day < fromYmd(1904, 1, 1)) return true;
        const serial = toExcelSerial(day, { dateSystem });
        if (fromExcelSerial(serial, { dateSystem }) !== day) return false;
        if (parseDate(serial + 0.5, undefined, { dateSystem }) !== day) return false;
        if (day === fromYmd(9999, 12, 31)) return true;
        const step = toExcelSerial(day + 1, { dateSystem }) - serial;
        return step === (dateSystem === "1900" && day === fromYmd(1900, 2, 28) ? 2 : 1);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// amountInWords, decoded back
// ---------------------------------------------------------------------------------------------

const DIGIT_VALUE: Record<string, bigint> = {
  零: 0n, 壹: 1n, 贰: 2n, 叁: 3n, 肆: 4n, 伍: 5n, 陆: 6n, 柒: 7n, 捌: 8n, 玖: 9n,
};
const SMALL_UNIT: Record<string, bigint> = { 拾: 10n, 佰: 100n, 仟: 1000n };

/** The integer part in words (before 元) back to a number. Throws on anything malformed. */
function decodeInteger(words: string): bigint {
  let total = 0n; // finished 亿 part
  let section = 0n; // the current group of four, before its 万/亿
  let digit: bigint | null = null;
  let wan = 0n;
  for (const ch of words) {
    if (ch === "零") continue;
    if (ch in SMALL_UNIT) {
      if (digit === null) throw new Error(`unit ${ch} without a digit in ${words}`); // 拾 must be 壹拾
      section += digit * SMALL_UNIT[ch];
      digit = null;
    } else if (ch === "万") {
      wan = (section + (digit ?? 0n)) * 10_000n;
      section = 0n;
      digit = null;
    } else if (ch === "亿") {
      total = (wan + section + (digit ?? 0n)) * 100_000_000n;
      wan = 0n;
      section = 0n;
      digit = null;
    } else if (ch in DIGIT_VALUE) {
      if (digit !== null) throw new Error(`two digits in a row in ${words}`);
      digit = DIGIT_VALUE[ch];
    } else {
      throw new Error(`unexpected ${ch} in ${words}`);
    }
  }
  return total + wan + section + (digit ?? 0n);
}

/** 大写 back to a signed amount in 分. */
function decodeWords(words: string): bigint {
  const negative = words.startsWith("负");
  const body = negative ? words.slice(1) : words;
  if (body === "零元整") return 0n;
  const yuanAt = body.indexOf("元");
  const intWords = yuanAt >= 0 ? body.slice(0, yuanAt) : "";
  const rest = yuanAt >= 0 ? body.slice(yuanAt + 1) : body;
  const m = /^(?:整|零?(?:([壹贰叁肆伍陆柒捌玖])角)?(?:([壹贰叁肆伍陆柒捌玖])分)?)$/.exec(rest);
  if (m === null || rest === "" || rest === "零") throw new Error(`bad tail ${rest} in ${words}`);
  const jiao = m[1] === undefined ? 0n : DIGIT_VALUE[m[1]];
  const fen = m[2] === undefined ? 0n : DIGIT_VALUE[m[2]];
  const fenTotal = decodeInteger(intWords) * 100n + jiao * 10n + fen;
  return negative ? -fenTotal : fenTotal;
}

/** The house spelling rules (capitals.ts) as checks on the text. */
function spellingProblems(words: string, fen: bigint): string | null {
  const abs = fen < 0n ? -fen : fen;
  const yuan = abs / 100n;
  const jiao = (abs / 10n) % 10n;
  const fenDigit = abs % 10n;
  if (words.includes("零零")) return "two 零 in a row";
  if (/零[万亿元]/.test(words) && words !== "零元整") return "零 before a group unit or 元";
  if (/^负?零/.test(words) && words !== "零元整") return "leading 零";
  if (/^负?拾/.test(words)) return "bare leading 拾";
  if (/万亿|亿万/.test(words)) return "empty group unit";
  if ((fen < 0n) !== words.startsWith("负")) return "sign";
  if (words.endsWith("整") !== (jiao === 0n && fenDigit === 0n)) return "整 placement";
  if (yuan > 0n && yuan % 10n === 0n && jiao > 0n && !words.includes("元零")) return "missing 元零 before 角";
  if (yuan > 0n && jiao === 0n && fenDigit > 0n && !words.includes("元零")) return "missing 元零 before 分";
  if (yuan === 0n && abs > 0n && words.includes("元")) return "元 for a fraction-only amount";
  return null;
}

function fenToAmount(fen: bigint): string {
  const abs = fen < 0n ? -fen : fen;
  return `${fen < 0n ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

describe("amountInWords decodes back to the amount", () => {
  const MAX_FEN = 10n ** 14n - 1n; // 999,999,999,999.99 yuan
  const anyFen = fc.bigInt({ min: -MAX_FEN, max: MAX_FEN });
  /** Amounts full of zeros, where the 零 rules bite. */
  const zeroRichFen = fc
    .tuple(fc.array(fc.constantFrom(0, 0, 0, 0, 1, 5, 9), { minLength: 1, maxLength: 14 }), fc.boolean())
    .map(([digits, neg]) => {
      const v = BigInt(digits.join(""));
      return neg ? -v : v;
    });

  for (const [name, arb] of [
    ["random amounts", anyFen],
    ["zero-rich amounts", zeroRichFen],
  ] as const) {
    it(name, () => {
      fc.assert(
        fc.property(arb, (fen) => {
          const amount = fenToAmount(fen);
          const words = amountInWords(amount);
          const problem = spellingProblems(words, fen);
          if (problem !== null) throw new Error(`${amount} -> ${words}: ${problem}`);
          return decodeWords(words) === fen;
        }),
        RUNS,
      );
    });
  }

  it("a number argument decodes to the same amount as its string", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), (fen) => {
        const amount = fenToAmount(fen);
        return amountInWords(Number(amount)) === amountInWords(amount);
      }),
      RUNS,
    );
  });

  it("the decoder reads the official examples", () => {
    expect(decodeWords("壹仟陆佰捌拾元零叁角贰分")).toBe(168032n);
    expect(decodeWords("壹拾万柒仟元零伍角叁分")).toBe(10700053n);
    expect(decodeWords("壹拾万零柒仟元伍角叁分")).toBe(10700053n); // the other allowed spelling
    expect(decodeWords("壹亿零壹元整")).toBe(10000000100n);
    expect(decodeWords("负伍分")).toBe(-5n);
  });
});
