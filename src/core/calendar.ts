/**
 * Calendar arithmetic on day numbers: whole days since 1970-01-01 in the proleptic
 * Gregorian calendar, no time of day and no time zone. Every date in the engine is a
 * DayNumber; parsing and Excel serials live in dates.ts.
 */
export type DayNumber = number;

interface Ymd {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

// Days-from-civil and its inverse (H. Hinnant's algorithms), exact for any year, no Date object.
export function fromYmd(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function toYmd(day: DayNumber): Ymd {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The same day of the month n months later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: DayNumber, n: number): DayNumber {
  const { y, m, d } = toYmd(day);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return fromYmd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function lastDayOfPreviousMonth(day: DayNumber): DayNumber {
  const { y, m } = toYmd(day);
  return fromYmd(y, m, 1) - 1;
}

export function yearEnd(day: DayNumber): DayNumber {
  return fromYmd(toYmd(day).y, 12, 31);
}
