/** The pane's dates: shown and typed in the display language's order; which dates ask first. */
import { fromYmd } from "../../src/core/calendar";
import { dateConcern, dayOfIso, formatDisplayDate, isoToDisplay, parseDisplayDate } from "../../src/taskpane/dates";

const D = fromYmd(2011, 8, 31);

test("shown as Excel shows short dates in each display language", () => {
  expect(formatDisplayDate(D, "zh-CN")).toBe("2011/8/31");
  expect(formatDisplayDate(D, "en-US")).toBe("8/31/2011");
  expect(isoToDisplay("2011-08-31", "en-US")).toBe("8/31/2011");
  expect(isoToDisplay("", "zh-CN")).toBe("");
});

test("typed in that order, or as the ledgers spell dates", () => {
  for (const t of ["2011/8/31", "2011-08-31", "2011年8月31日", "20110831", " 2011/08/31 "]) expect(parseDisplayDate(t, "zh-CN")).toBe(D);
  for (const t of ["8/31/2011", "08/31/2011", "2011-08-31"]) expect(parseDisplayDate(t, "en-US")).toBe(D);
  // Month first in en-US, as Excel there reads it: 31/8/2011 has no month 31.
  expect(parseDisplayDate("31/8/2011", "en-US")).toBeNull();
  expect(parseDisplayDate("2/29/2011", "en-US")).toBeNull();
  // Day-first text is never guessed in zh-CN either.
  expect(parseDisplayDate("8/31/2011", "zh-CN")).toBeNull();
  expect(parseDisplayDate("", "zh-CN")).toBeNull();
  expect(parseDisplayDate("昨天", "zh-CN")).toBeNull();
});

test("a date more than a year ahead, or before the ledger's first date, asks first", () => {
  const today = fromYmd(2025, 3, 15);
  expect(dateConcern(fromYmd(2026, 3, 15), today, null)).toBeNull(); // exactly a year: fine
  expect(dateConcern(fromYmd(2026, 3, 16), today, null)).toEqual({ kind: "future", today });
  expect(dateConcern(fromYmd(2031, 1, 1), today, null)?.kind).toBe("future");
  expect(dateConcern(fromYmd(2024, 3, 15), today, null)).toBeNull();
  expect(dateConcern(fromYmd(1999, 12, 31), today, null)).toEqual({ kind: "past", today });
  // With the ledger known: before its first date asks; an old date inside the ledger's years does not.
  const first = fromYmd(2007, 12, 31);
  expect(dateConcern(fromYmd(1999, 12, 31), today, first)).toEqual({ kind: "before-ledger", first });
  expect(dateConcern(D, today, first)).toBeNull();
});

test("the pane's ISO date as a day, or null for text that names none (the tabs then say how to type it)", () => {
  expect(dayOfIso("2011-08-31")).toBe(fromYmd(2011, 8, 31));
  expect(dayOfIso("2011-02-30")).toBeNull();
  expect(dayOfIso("")).toBeNull();
  expect(dayOfIso("下个月")).toBeNull();
});
