/**
 * A ledger of 100,000 rows × 12 columns in the in-memory Excel: written in one sync (payload limit
 * lifted) it reads back whole; under the 5 MB limit one sync is refused and 10,000-row chunks pass.
 * How fast (well under a second each): bench/fake-excel.bench.ts, whose ledger this is.
 */
import { ledgerRows } from "../../bench/fake-excel.bench";
import { createFakeExcel } from "../../src/preview/fake-excel";

const ROWS = 100_000;
const COLUMNS = 12;

describe("a 100,000 × 12 ledger", () => {
  const data = ledgerRows();

  test("written in one sync (limit lifted), reads back whole", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Ledger" }] }, { payloadLimitBytes: Infinity });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Ledger").getRangeByIndexes(0, 0, ROWS, COLUMNS).values = data;
      await context.sync();
    });
    const read = await fake.Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Ledger").getUsedRange(true).load("values, address");
      await context.sync();
      return used.values;
    });
    expect(read).toHaveLength(ROWS);
    expect(read[ROWS - 1]).toHaveLength(COLUMNS);
    expect(read[5][3]).toBe(35.3);
    expect(fake.stats.requests[0].bytesOut).toBeGreaterThan(5 * 1024 * 1024);
  });

  test("the same write is refused in one sync under the 5 MB limit, and passes in 10,000-row chunks", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Ledger" }] });
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Ledger").getRangeByIndexes(0, 0, ROWS, COLUMNS).values = data;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.workbook.getSheet("Ledger").usedAddress()).toBeNull();

    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ledger");
      for (let start = 0; start < ROWS; start += 10_000) {
        sheet.getRangeByIndexes(start, 0, 10_000, COLUMNS).values = data.slice(start, start + 10_000);
        await context.sync();
      }
    });
    expect(fake.stats.syncs).toBe(11);
    expect(Math.max(...fake.stats.requests.slice(1).map((r) => r.bytesOut))).toBeLessThan(5 * 1024 * 1024);
    expect(fake.workbook.getSheet("Ledger").usedAddress()).toBe("A1:L100000");
  });
});
