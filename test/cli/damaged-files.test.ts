/**
 * Fuzzing the headless audit with damaged files: the sample workbook truncated and bit-flipped
 * (the issue's regular pattern and seeded random flips), zip bombs, sparse far rows, garbage
 * behind a zip signature. Every run, in a child process with a 256 MB heap and a generous kill
 * timeout (a bound, not a speed test), ends with exit 0 and a result, or exit 2 (3 for an
 * internal error) and exactly one line on stderr, and never leaves a partial output file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { numberCell, textCell, withDeclaredSize, workbookParts, zipParts } from "../fixtures/xlsx-parts";
import { audit, SAMPLE } from "./helpers/run-audit";

jest.setTimeout(600_000);

const HEAP_MB = 256;
const KILL_AFTER_MS = 60_000;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "damaged-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A small deterministic generator (a 32-bit LCG), so a failing case can be made again. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const sample = readFileSync(SAMPLE);

function truncated(length: number): Buffer {
  return sample.subarray(0, length);
}

function randomFlips(seed: number): Buffer {
  const next = lcg(seed);
  const b = Buffer.from(sample);
  const flips = 1 + Math.floor(next() * 6);
  for (let k = 0; k < flips; k++) b[Math.floor(next() * b.length)] ^= 1 << Math.floor(next() * 8);
  return b;
}

function regularFlips(): Buffer {
  const b = Buffer.from(sample);
  for (let i = 2000; i < b.length - 2000; i += 97) b[i] ^= 0x5a;
  return b;
}

const header = `<row r="1">${textCell("A1", "客户名称")}${textCell("B1", "发生日期")}${textCell("C1", "应收余额")}</row>`;
const item = (r: number): string => `<row r="${r}">${textCell(`A${r}`, "甲公司")}${textCell(`B${r}`, "2011-08-01")}${numberCell(`C${r}`, 100)}</row>`;

const CASES: [string, () => Promise<Buffer> | Buffer][] = [
  ...[500, 6000, 12000, sample.length - 200, sample.length - 23].map((n): [string, () => Buffer] => [`truncated to ${n} bytes`, () => truncated(n)]),
  ["bit-flipped every 97th byte from 2000 (the issue's file)", regularFlips],
  // Seeds 41, 51, 64, 66 and 75 made the old reader exit 0 with no output.
  ...[1, 41, 51, 64, 66, 75, 233].map((seed): [string, () => Buffer] => [`random bit flips, seed ${seed}`, () => randomFlips(seed)]),
  ["a zip bomb: a 24 MB sheet of spaces", () => zipParts(workbookParts([{ name: "Sheet1", rows: header + " ".repeat(24 * 1024 * 1024) }]))],
  [
    "a zip bomb lying about its size",
    async () => withDeclaredSize(await zipParts(workbookParts([{ name: "Sheet1", rows: header + " ".repeat(24 * 1024 * 1024) }])), "xl/worksheets/sheet1.xml", 4096),
  ],
  ["a cell at row 999,999,999", () => zipParts(workbookParts([{ name: "Sheet1", rows: header + item(2) + `<row r="999999999">${numberCell("A999999999", 1)}</row>` }]))],
  ["a cell in column XFD on each of 300 rows", () => zipParts(workbookParts([{ name: "Sheet1", rows: header + Array.from({ length: 300 }, (_, i) => item(i + 2).replace("</row>", `${numberCell(`XFD${i + 2}`, 1)}</row>`)).join("") }]))],
  ["one item at Excel's last row, 1,048,576", () => zipParts(workbookParts([{ name: "Sheet1", rows: header + item(1_048_576) }]))],
  ["garbage behind a zip signature", () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) & 0xff))])],
];

describe.each(CASES)("%s", (name, make) => {
  it("ends with a result, or a one-line refusal, within the heap and the time bound", async () => {
    const input = join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.xlsx`);
    writeFileSync(input, await make());
    const json = join(dir, "result.json");
    rmSync(json, { force: true });
    const r = audit([input, "--as-of", "2011-08-31", "--json", json], { maxOldSpaceMb: HEAP_MB, timeoutMs: KILL_AFTER_MS });
    expect(r.signal).toBeNull(); // not killed: neither the time bound nor an abort
    if (r.status === 0) {
      expect(r.stdout).toMatch(/^Receivables audit of /m);
      expect(JSON.parse(readFileSync(json, "utf8"))).toHaveProperty("totals");
    } else {
      expect([2, 3]).toContain(r.status);
      expect(r.stderr.split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^audit: /);
      expect(existsSync(json)).toBe(false);
    }
  });
});
