/**
 * The headless audit's expected credit loss (issue 19): `--history` reads the aging snapshots saved
 * by earlier runs (an open-items ledger carries no past of its own) and adds this run's;
 * `--ecl-adjustment` and `--allowance` complete the matrix; the JSON carries it. Worked by hand on
 * issue 19's example: band balances that migrate at 20/40/50/60/80% in both transitions, k = 10%,
 * 12,000 / 2,500 / 900 / 400 / 200 / 180 万元 on 2011-12-31: 13,222,400.00; with 10,000,000.00 on
 * the books, a charge of 3,222,400.00.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Decimal from "decimal.js";
import { main } from "../../src/cli/audit";
import { fromYmd } from "../../src/core/calendar";
import { historyToJson } from "../../src/core/ecl/saved";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { rejection } from "../helpers/errors";
import { tempFolderPerFile } from "./helpers/temp-files";
import { SEGMENT_CSV, THREE_BANDS } from "../fixtures/ecl/segment-ledger";

const folder = tempFolderPerFile("ecl-");

const CSV = ["客户名称,单据号,发生日期,余额(万元)", "甲,A,2011-06-30,12000", "乙,B,2010-06-30,2500", "丙,C,2009-06-30,900", "丁,D,2008-06-30,400", "戊,E,2007-06-30,200", "己,F,2005-06-30,180"].join("\n");
const KEYS = DEFAULT_POLICY.provision.bands.map((b) => b.key);
const snapshot = (y: number, bands: number[]) => ({ asOf: fromYmd(y, 12, 31), bandKeys: KEYS, bands: bands.map((b) => new Decimal(b)), items: null });

test("--history, --ecl-adjustment and --allowance: the matrix in the JSON, and this run's snapshot saved", async () => {
  const ledger = folder.file("ledger.csv", CSV);
  const json = join(folder.path(), "result.json");
  const history = folder.file("history.json", historyToJson([snapshot(2008, [100, 100, 100, 100, 100, 100]), snapshot(2009, [100, 20, 40, 50, 60, 80]), snapshot(2010, [100, 20, 8, 20, 30, 48])]));
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    expect(await main([ledger, "--as-of", "2011-12-31", "--json", json, "--history", history, "--ecl-adjustment", "10%", "--allowance", "10000000"], { LANG: "en_US.UTF-8" })).toBe(0);
  } finally {
    process.stdout.write = write;
  }
  const out = JSON.parse(readFileSync(json, "utf8"));
  expect(out.version).toBe(3);
  expect(out.ecl.method).toBe("band-totals");
  expect(out.ecl.history).toEqual({ source: "given", ends: ["2008-12-31", "2009-12-31", "2010-12-31"] });
  expect(out.ecl.bands.map((b: { adjusted: string }) => b.adjusted)).toEqual(["0.02112", "0.1056", "0.264", "0.528", "0.88", "1"]);
  expect(out.ecl.totals).toEqual({ pool: "13222400.00", individual: "0.00", ecl: "13222400.00", policy: "16600000.00" });
  expect(out.ecl.charge).toBe("3222400.00");
  const saved = JSON.parse(readFileSync(history, "utf8"));
  expect(saved.snapshots.map((s: { asOf: string }) => s.asOf)).toEqual(["2008-12-31", "2009-12-31", "2010-12-31", "2011-12-31"]);
  expect(saved.snapshots[3].bands).toEqual(["120000000.00", "25000000.00", "9000000.00", "4000000.00", "2000000.00", "1800000.00"]);
  expect(saved.snapshots[3].items[0]).toEqual({ key: "甲 · A", band: 0, balance: "120000000.00" });
});

test("a history file of other bands, or not one at all, is refused with exit 2 before anything is written", async () => {
  const ledger = folder.file("ledger2.csv", CSV);
  const history = folder.file("other.json", JSON.stringify({ version: 1, bands: ["a", "b"], snapshots: [] }));
  expect((await rejection(main([ledger, "--as-of", "2011-12-31", "--history", history], { LANG: "en_US.UTF-8" }))).id).toBe("ecl.history-invalid");
  expect(readFileSync(history, "utf8")).toContain('"a"');
});

test("--segment 客户类型: a matrix per segment in the JSON, each from its own lines (worked in test/core/ecl/segments.test.ts)", async () => {
  const ledger = folder.file("segments.csv", SEGMENT_CSV);
  const policy = folder.file("policy.json", JSON.stringify({ provision: { bands: THREE_BANDS.bands, rates: THREE_BANDS.rates } }));
  const json = join(folder.path(), "segments.json");
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    expect(await main([ledger, "--as-of", "2013-03-31", "--policy", policy, "--segment", "客户类型", "--json", json], { LANG: "en_US.UTF-8" })).toBe(0);
  } finally {
    process.stdout.write = write;
  }
  const out = JSON.parse(readFileSync(json, "utf8"));
  expect(out.ecl.segmentColumn).toEqual({ header: "客户类型", letter: "C" });
  expect(out.ecl.segments.map((s: { name: string; provision: string; rates: string }) => [s.name, s.provision, s.rates])).toEqual([
    ["国企", "3750.00", "own"],
    ["民企", "300.00", "own"],
  ]);
  expect(out.ecl.totals.pool).toBe("4050.00");
});
