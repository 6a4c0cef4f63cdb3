/**
 * Telling the add-in's own sheets apart on a re-run reads them back to fingerprint them: a large
 * results or findings sheet (here 30,000 rows of long Chinese messages, about 9 MB as JSON) is
 * read in chunks under Excel on the web's 5 MB response limit, and the fingerprint is the one a
 * single read would give.
 */
import { createFakeExcel } from "../../src/preview/fake-excel";
import { fingerprint, ownedStates, writeOwnedSheets, type OwnedSheetSpec } from "../../src/excel/owned";
import { runner } from "../helpers/fake-excel";

function bigSpec(): OwnedSheetSpec {
  const message = "单据号与第 12 行重复：同一张单据只能入账一次，请核对后删除重复的一行或更正单据号。".repeat(2);
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 30_000; i++) rows.push([`台账!F${i + 4}`, "duplicate-document", `${message}${i}`, i]);
  return { name: "AR检查发现", header: ["单元格", "规则", "说明", "行"], columns: ["text", "text", "text", "integer"], rows };
}

test("a 30,000-row sheet of long messages reads back in chunks under 5 MB: unchanged, then edited", async () => {
  const fake = createFakeExcel({ sheets: [{ name: "Sheet1" }] });
  const run = runner(fake);
  const spec = bigSpec();
  await run((context) => writeOwnedSheets(context, [spec], { maxRequestBytes: 2 * 1024 * 1024 }));
  fake.resetStats();
  expect(await run((context) => ownedStates(context, [spec.name]))).toEqual({ [spec.name]: "unchanged" });
  expect(fake.stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
  // ~9 MB of formulas read ~2 MB at a time: a dozen round trips, not one per row.
  expect(fake.stats.syncs).toBeGreaterThan(3);
  expect(fake.stats.syncs).toBeLessThan(12);
  fake.workbook.getSheet(spec.name).setValues("C20000", [["改过"]]);
  expect(await run((context) => ownedStates(context, [spec.name]))).toEqual({ [spec.name]: "edited" });
  // The chunked fingerprint is the whole sheet's.
  const all = [spec.header, ...spec.rows];
  expect(fingerprint(all)).not.toBe(fingerprint(all.slice(0, 100)));
}, 60_000);
