/**
 * The preview page's workbook: assets/sample-ledger.xlsx as the in-memory Excel fake's data
 * (src/preview/sample-workbook.json, committed). Dates become 1900-system serials shown as dates,
 * as Excel holds them. Run after the sample changes: `npx tsx scripts/make-preview-workbook.ts`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readWorkbook } from "../src/cli/read-workbook";
import { utcDateToExcelSerial } from "../src/core/dates";
import { a1 } from "../src/excel/owned";

async function main(): Promise<void> {
  const root = join(__dirname, "..");
  const book = await readWorkbook(join(root, "assets", "sample-ledger.xlsx"));
  const sheets = book.sheets.map((s) => {
    const numberFormats: Record<string, string> = {};
    const cells = s.values.map((row, r) =>
      row.map((v, c) => {
        if (v instanceof Date) {
          numberFormats[a1(r, c)] = "yyyy-mm-dd";
          return utcDateToExcelSerial(v);
        }
        return v === undefined ? null : (v as string | number | boolean | null);
      })
    );
    return { name: s.name, cells, numberFormats };
  });
  const out = join(root, "src", "preview", "sample-workbook.json");
  // The sample's own as-of date (its title says 截止日期 2011年8月31日), remembered as a workbook would.
  const settings = { "receivablesSteward.setup": JSON.stringify({ version: 1, ledger: null, mapping: {}, asOf: "2011-08-31" }) };
  writeFileSync(out, JSON.stringify({ name: "sample-ledger.xlsx", sheets, settings }) + "\n");
  process.stdout.write(`wrote ${out} (${sheets.length} sheets)\n`);
}

void main();
