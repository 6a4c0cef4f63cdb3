/**
 * Reading a ledger under Excel on the web's 5 MB limit, which counts UTF-8 bytes of JSON: a
 * Chinese character is 3 bytes, so chunks sized in UTF-16 characters came back too large for a
 * Chinese ledger; and a chunk that still comes back too large (ResponsePayloadSizeLimitExceeded,
 * not only the request's code) is halved and read again.
 */
import { createFakeExcel } from "../../src/preview/fake-excel";
import { readSource } from "../../src/excel/read";
import { runner } from "../helpers/fake-excel";

const text = (n: number, i: number) => `遂宁市河东新区管理委员会应收账款${"款".repeat(n)}${i}`;

test("a Chinese ledger of about 8 MB of UTF-8 reads in chunks under 5 MB with the default budget", async () => {
  const rows: string[][] = [];
  for (let i = 0; i < 20_000; i++) rows.push([text(4, i), text(4, i), text(4, i), text(4, i), text(4, i), text(4, i)]);
  const fake = createFakeExcel({ sheets: [{ name: "台账", cells: rows }] });
  const block = await runner(fake)((context) => readSource(context, { kind: "range", sheet: "台账" }));
  expect(block.values.length).toBe(20_000);
  expect(block.values[19_999][5]).toBe(text(4, 19_999));
  expect(fake.stats.requests.every((r) => r.error === undefined)).toBe(true);
  expect(fake.stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
  // About 8 MB in all: more than one chunk, and not one per few rows.
  const total = fake.stats.requests.reduce((n, r) => n + r.bytesIn, 0);
  expect(total).toBeGreaterThan(7 * 1024 * 1024);
  expect(fake.stats.syncs).toBeLessThan(12);
});

test("rows much longer than the sample's: the chunk that comes back too large is halved and read again", async () => {
  const rows: string[][] = [];
  for (let i = 0; i < 64; i++) rows.push([`r${i}`, "x"]);
  for (let i = 64; i < 400; i++) rows.push([`r${i}`, "长".repeat(700)]);
  const fake = createFakeExcel({ sheets: [{ name: "台账", cells: rows }] }, { payloadLimitBytes: 200_000 });
  const block = await runner(fake)((context) => readSource(context, { kind: "range", sheet: "台账" }, { maxRequestBytes: 150_000 }));
  expect(block.values.map((r) => r[0])).toEqual(rows.map((r) => r[0]));
  expect(fake.stats.requests.some((r) => r.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
});

test("an empty sheet reads as no rows, named (the null-object branch, which Excel answers with undefined properties)", async () => {
  const fake = createFakeExcel({ sheets: [{ name: "Blank" }] });
  const block = await runner(fake)((context) => readSource(context, { kind: "range", sheet: "Blank" }));
  expect(block).toEqual({ sheet: "Blank", address: "A1", rowIndex: 0, columnIndex: 0, values: [] });
});
