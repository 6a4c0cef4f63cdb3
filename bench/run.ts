/**
 * The bench driver: runs every bench/*.bench.ts (each exports `async function run(report)`) in
 * name order, or only those whose file name contains one of the command-line arguments.
 * Each figure is printed as exactly one line:
 *   BENCH <name> <value> <unit> (target <bound>)
 * so CI and people can grep the same output. Usage: npx tsx bench/run.ts [filter...]
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Prints one figure. `value` is already the median the bench computed; `target` reads like "<= 1 s". */
export type Report = (name: string, value: string, unit: string, target: string) => void;

export interface BenchModule {
  run(report: Report): Promise<void>;
}

const report: Report = (name, value, unit, target) => {
  if (/\s/.test(name) || /\s/.test(value) || /\s/.test(unit)) throw new Error(`bench figure parts may not contain spaces: ${name} ${value} ${unit}`);
  process.stdout.write(`BENCH ${name} ${value} ${unit} (target ${target})\n`);
};

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  if (files.length === 0) throw new Error(`no bench files matched in ${__dirname}`);
  if (files.length > 1) {
    // One process per bench file: peak memory (maxRSS) is per process, and one bench's garbage
    // must not be charged to the next.
    let failed = false;
    for (const file of files) {
      const r = spawnSync(process.execPath, [...process.execArgv, __filename, file], { stdio: "inherit" });
      if (r.status !== 0) failed = true;
    }
    if (failed) process.exitCode = 1;
    return;
  }
  for (const file of files) {
    const mod = (await import(join(__dirname, file))) as Partial<BenchModule>;
    if (typeof mod.run !== "function") throw new Error(`${file} does not export run(report)`);
    await mod.run(report);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
