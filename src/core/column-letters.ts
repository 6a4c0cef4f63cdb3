/**
 * Excel's column letters, both ways: the one copy for the core, the surfaces, the CLI's xlsx
 * reader and the fake Excel. Columns here are 1-based, as Excel numbers them; callers holding
 * a 0-based index add 1.
 */

/** The last column Excel has (XFD). */
const EXCEL_MAX_COLUMN = 16384;

/** "A" for 1, "Z" for 26, "AA" for 27, "XFD" for 16384. */
export function columnLetterOf(sheetColumn: number): string {
  let n = sheetColumn;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = (n - 1 - rem) / 26;
  }
  return out;
}

/** The 1-based sheet column of a letter ("F" -> 6); NaN when the text is not one (beyond XFD too). */
export function sheetColumnOf(letters: string): number {
  const t = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(t)) return NaN;
  let n = 0;
  for (let i = 0; i < t.length; i++) n = n * 26 + (t.charCodeAt(i) - 64);
  return n <= EXCEL_MAX_COLUMN ? n : NaN;
}
