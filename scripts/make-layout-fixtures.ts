/**
 * Writes the ledger-layout fixtures of test/fixtures/layouts as the files a user would bring:
 * .xlsx with real date cells, merged areas and hidden sheets (exceljs), or .csv (UTF-8 with BOM,
 * as Excel saves it). The tests call writeLayoutFixture; run directly, it writes them all into a
 * folder to open in Excel or LibreOffice.
 *
 * Usage: npx tsx scripts/make-layout-fixtures.ts [out-dir]   (default: test-artifacts/layouts)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { type FixtureCell, LAYOUT_FIXTURES, type LayoutFixture } from "../test/fixtures/layouts";

function xlsxValue(c: FixtureCell): ExcelJS.CellValue {
  if (c !== null && typeof c === "object") return new Date(Date.UTC(c.date[0], c.date[1] - 1, c.date[2]));
  return c;
}

function csvField(c: FixtureCell): string {
  const text = c === null ? "" : typeof c === "object" ? `${c.date[0]}-${String(c.date[1]).padStart(2, "0")}-${String(c.date[2]).padStart(2, "0")}` : String(c);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes one fixture into `dir`; returns the file's path. */
export async function writeLayoutFixture(fixture: LayoutFixture, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  if (fixture.csv === true) {
    const path = join(dir, `${fixture.name}.csv`);
    const text = fixture.sheets[0].rows.map((r) => r.map(csvField).join(",")).join("\r\n");
    writeFileSync(path, `\uFEFF${text}\r\n`, "utf8");
    return path;
  }
  const wb = new ExcelJS.Workbook();
  for (const sheet of fixture.sheets) {
    const ws = wb.addWorksheet(sheet.name, sheet.hidden === true ? { state: "hidden" } : {});
    sheet.rows.forEach((row, r) => {
      row.forEach((c, k) => {
        if (c === null) return;
        const cell = ws.getCell(r + 1, k + 1);
        cell.value = xlsxValue(c);
        if (typeof c === "object") cell.numFmt = "yyyy-mm-dd";
      });
    });
    for (const m of sheet.merges ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  const path = join(dir, `${fixture.name}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

if (require.main === module) {
  const dir = process.argv[2] ?? join(__dirname, "..", "test-artifacts", "layouts");
  void (async () => {
    for (const f of LAYOUT_FIXTURES) process.stdout.write(`wrote ${await writeLayoutFixture(f, dir)}\n`);
  })();
}
