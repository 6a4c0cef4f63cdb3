/**
 * The pane's dates as the person reads and types them: in the short-date order Excel shows in
 * the Office display language (zh-CN 2011/8/31, en-US 8/31/2011), with the spellings Chinese
 * ledgers use also accepted (2011-08-31, 2011年8月31日, 20110831). One parser and one printer for
 * every tab, and one check of dates worth a second look (far from today, before the ledger).
 */
import { addMonths, fromYmd, isValidYmd, toYmd, type DayNumber } from "../core/calendar";
import { formatIsoDate, MAX_YEAR, MIN_YEAR, parseDate } from "../core/dates";
import type { Lang } from "../i18n";

/** "2011/8/31" (zh-CN) or "8/31/2011" (en-US). */
export function formatDisplayDate(day: DayNumber, lang: Lang): string {
  const { y, m, d } = toYmd(day);
  return lang === "zh-CN" ? `${y}/${m}/${d}` : `${m}/${d}/${y}`;
}

/** The ISO text ("2011-08-31") shown in the display format; the text as it is when it is not a date. */
export function isoToDisplay(iso: string, lang: Lang): string {
  const day = parseDisplayDate(iso, lang);
  return day === null ? iso : formatDisplayDate(day, lang);
}

const US = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;

/**
 * A typed date, or null when it is not one. In en-US, D/M/Y digits are read as Excel reads them
 * there: month first (8/31/2011). In zh-CN a slash date is year first (2011/8/31), as the core
 * reads every ledger's.
 */
export function parseDisplayDate(text: string, lang: Lang): DayNumber | null {
  const t = text.trim();
  if (t === "") return null;
  if (lang === "en-US") {
    const m = US.exec(t);
    if (m) {
      const [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return y >= MIN_YEAR && y <= MAX_YEAR && isValidYmd(y, mo, d) ? fromYmd(y, mo, d) : null;
    }
  }
  try {
    return parseDate(t);
  } catch {
    return null;
  }
}

/** Why a date deserves a second look before a run, or null. */
export type DateConcern = { kind: "future" | "past"; today: DayNumber } | { kind: "before-ledger"; first: DayNumber } | null;

/**
 * More than a year after or before today, or before the ledger's first date: usually a typo
 * (2031 for 2013) or the wrong year, so the pane asks once before it runs.
 */
export function dateConcern(day: DayNumber, today: DayNumber, ledgerFirst: DayNumber | null): DateConcern {
  if (day > addMonths(today, 12)) return { kind: "future", today };
  if (ledgerFirst !== null && day < ledgerFirst) return { kind: "before-ledger", first: ledgerFirst };
  if (day < addMonths(today, -12) && (ledgerFirst === null || day < ledgerFirst)) return { kind: "past", today };
  return null;
}

/** The ISO text of a day, for storing. */
export function toIso(day: DayNumber): string {
  return formatIsoDate(day);
}

/** The day an ISO date text names (what the pane keeps: "2011-08-31"), or null when it names none. */
export function dayOfIso(iso: string): DayNumber | null {
  try {
    return parseDate(iso);
  } catch {
    return null;
  }
}
