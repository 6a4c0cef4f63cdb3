/**
 * The group run at group size (issue 20): `npm run audit -- <folder> --as-of … --parquet DIR
 * --out group.xlsx` in a fresh process, as a user runs it — every workbook read and checked on
 * worker threads (the CPU count), staged, written to Parquet by DuckDB and rolled up by the SQL
 * of sql/ into the group report.
 *
 * group-200-branches-1m-rows / -peak-memory: 200 workbooks of 5,000 ledger rows each (1,000,000
 *   rows; bench/audit.bench.ts's generator, a seed per branch, about 0.4 MB each), generated once
 *   into os.tmpdir(). Wall time and the process's peak resident set size (maxRSS, worker threads
 *   included: they share the process), reported by a preload hook at exit.
 * group-scaling-50-branches / -100-branches: the same for the first 50 and 100 workbooks, so the
 *   growth is visible; group-scaling-200-vs-50 is the 200-branch time over the 50-branch time
 *   (4 would be linear).
 * One run each (a 200-branch run is long, and its parts are the medians of 200 branches already).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeLedgerWorkbook } from "./audit.bench";
import type { Report } from "./run";

const BRANCHES = 200;
const ROWS = 5000;
const AS_OF_TEXT = "2024-12-31";
/** Bump when the generated workbooks change, so a stale set in tmpdir is made again. */
const GENERATION = "group-v1";

const RSS_HOOK = "process.on('exit', () => { process.stderr.write('\\nAUDIT_BENCH_MAXRSS_KB ' + process.resourceUsage().maxRSS + '\\n'); });\n";

function branchFile(dir: string, k: number): string {
  return join(dir, `branch-${String(k + 1).padStart(3, "0")}.xlsx`);
}

async function generate(dir: string): Promise<void> {
  const marker = join(dir, ".generated");
  if (existsSync(marker) && readFileSync(marker, "utf8") === `${GENERATION} ${BRANCHES}x${ROWS}`) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let k = 0; k < BRANCHES; k++) await writeLedgerWorkbook(branchFile(dir, k), ROWS, { seed: 1000 + k, customerMaster: false });
  writeFileSync(marker, `${GENERATION} ${BRANCHES}x${ROWS}`);
}

interface GroupRun {
  seconds: number;
  peakMb: number;
}

function runGroup(files: readonly string[], branches: number, work: string): GroupRun {
  const root = join(__dirname, "..");
  const hook = join(work, "maxrss-hook.cjs");
  writeFileSync(hook, RSS_HOOK);
  const out = join(work, "out");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    ["--require", hook, "--import", "tsx", join(root, "src", "cli", "audit.ts"), ...files, "--as-of", AS_OF_TEXT, "--parquet", join(out, "parquet"), "--out", join(out, "group.xlsx")],
    { cwd: root, encoding: "utf8", env: { ...process.env, LANG: "en_US.UTF-8" }, maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.status !== 0) throw new Error(`the group audit exited ${String(child.status)}: ${child.stderr.slice(-2000)}`);
  if (!child.stdout.includes(`${branches} workbooks, ${branches} checked`)) throw new Error(`not every branch was checked:\n${child.stdout.slice(0, 2000)}`);
  for (const f of ["items.parquet", "findings.parquet", "totals.parquet"]) if (!existsSync(join(out, "parquet", f))) throw new Error(`no ${f} written`);
  const m = /AUDIT_BENCH_MAXRSS_KB (\d+)/.exec(child.stderr);
  if (m === null) throw new Error("the run did not report its peak memory");
  return { seconds, peakMb: Number(m[1]) / 1024 };
}

export async function run(report: Report): Promise<void> {
  const base = join(tmpdir(), "receivables-steward-bench");
  const dir = join(base, "group-branches");
  await generate(dir);
  const all = Array.from({ length: BRANCHES }, (_, k) => branchFile(dir, k));
  const work = join(base, "group-run");
  mkdirSync(work, { recursive: true });
  const r50 = runGroup(all.slice(0, 50), 50, work);
  report("group-scaling-50-branches", r50.seconds.toFixed(1), "s", "informational");
  report("group-scaling-50-branches-peak-memory", r50.peakMb.toFixed(0), "MB", "informational");
  const r100 = runGroup(all.slice(0, 100), 100, work);
  report("group-scaling-100-branches", r100.seconds.toFixed(1), "s", "informational");
  report("group-scaling-100-branches-peak-memory", r100.peakMb.toFixed(0), "MB", "informational");
  const r200 = runGroup([dir], BRANCHES, work);
  report("group-200-branches-1m-rows", r200.seconds.toFixed(1), "s", "<= 60 s");
  report("group-200-branches-1m-rows-peak-memory", r200.peakMb.toFixed(0), "MB", "<= 1536 MB");
  report("group-scaling-200-vs-50", (r200.seconds / r50.seconds).toFixed(2), "x", "informational (4 = linear)");
  rmSync(work, { recursive: true, force: true });
}
