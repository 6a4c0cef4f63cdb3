/**
 * The rule at every command boundary, as tests check it: each of the add-in's sheets holds its old
 * output, its new output, or is visibly marked incomplete (the banner in A1 and "incomplete" in
 * the registry). Anything else, a sheet missing where there was output, or any other content, is
 * "broken".
 */
import type { FakeExcel } from "../../src/preview/fake-excel";
import { INCOMPLETE, INCOMPLETE_BANNER, OWNED_SETTING } from "../../src/excel/owned";

export type OwnedOutcome = "old" | "new" | "marked" | "broken";

/** A sheet's values as a user sees them (the used range from A1), or null when there is no such sheet. */
export function sheetValues(fake: FakeExcel, name: string): unknown[][] | null {
  if (!fake.workbook.hasSheet(name)) return null;
  const sheet = fake.workbook.getSheet(name);
  const used = sheet.usedAddress(true);
  if (used === null) return [];
  return sheet.values(`A1:${used.split(":").pop()}`);
}

export function registryOf(fake: FakeExcel): Record<string, string> {
  const v = fake.workbook.settings.get(OWNED_SETTING);
  return typeof v === "string" ? (JSON.parse(v) as Record<string, string>) : {};
}

/**
 * old and next: the sheet's values before and after a successful run (null: no sheet before).
 * Where there was no output, a sheet just added and still blank (the moment between adding it and
 * writing its banner) holds no output either: "old".
 */
export function classify(fake: FakeExcel, name: string, old: unknown[][] | null, next: unknown[][]): OwnedOutcome {
  const now = sheetValues(fake, name);
  const same = (a: unknown[][] | null, b: unknown[][] | null) => JSON.stringify(a) === JSON.stringify(b);
  if (same(now, old) || (old === null && now !== null && now.length === 0)) return "old";
  if (same(now, next)) return "new";
  if (now !== null && now[0]?.[0] === INCOMPLETE_BANNER && registryOf(fake)[name] === INCOMPLETE) return "marked";
  return "broken";
}
