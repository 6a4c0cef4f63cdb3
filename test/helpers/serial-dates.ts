/**
 * Excel's date serials for tests, computed independently of the code under test (src/core/dates):
 * days since 1899-12-30 in the 1900 date system, valid from 1900-03-01 (Excel's phantom 1900-02-29
 * is serial 60, which these helpers never produce).
 */
const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01, the Unix epoch. */
const UNIX_EPOCH_SERIAL = 25569;

/** The serial of a calendar date (month 1–12). */
export function serial(y: number, m: number, d: number): number {
  return serialOfDate(new Date(Date.UTC(y, m - 1, d)));
}

/** The serial of a date at UTC midnight, as exceljs hands a date cell over. */
export function serialOfDate(date: Date): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** The ISO date (yyyy-mm-dd) of a serial. */
export function isoOfSerial(serial: number): string {
  return new Date((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY).toISOString().slice(0, 10);
}
