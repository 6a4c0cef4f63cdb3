/**
 * The preview page's in-memory workbook as the end-to-end tests read it: src/preview/install.ts puts
 * the fake on window.__fakeExcel. The functions below run inside the page (page.evaluate), so they
 * may use only their arguments and the page's globals, and `PreviewFake` is a type for those
 * closures' casts, the part of the fake the tests touch.
 */
import type { Page } from "playwright-core";

export type Cell = string | number | boolean | null;

export interface PreviewFake {
  workbook: {
    toData(): { sheets: { name: string }[] };
    getSheet(name: string): { values(): Cell[][]; cell(address: string): { value: Cell; formula: string | null } };
    activeSheet: { name: string };
    selectedAddress: string;
  };
  stats: { syncs: number; maxRequestBytes: number; maxResponseBytes: number };
  Excel: { run<T>(f: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
}

/** A sheet's values, as the workbook holds them. */
export function sheetValues(page: Page, name: string): Promise<Cell[][]> {
  return page.evaluate((n) => (window as unknown as { __fakeExcel: PreviewFake }).__fakeExcel.workbook.getSheet(n).values(), name);
}

/** The workbook's sheet names, in tab order. */
export function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __fakeExcel: PreviewFake }).__fakeExcel.workbook.toData().sheets.map((s) => s.name));
}

/** One cell's value and formula. */
export function sheetCell(page: Page, sheet: string, address: string): Promise<{ value: Cell; formula: string | null }> {
  return page.evaluate(
    ([s, a]) => {
      const c = (window as unknown as { __fakeExcel: PreviewFake }).__fakeExcel.workbook.getSheet(s!).cell(a!);
      return { value: c.value, formula: c.formula };
    },
    [sheet, address],
  );
}
