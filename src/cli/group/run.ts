/**
 * The group run: `npm run audit -- branches/ --as-of 2011-08-31 [--entity-from …] [--jobs N]
 * [--parquet DIR] [--csv DIR] [--out group.xlsx] [--json group.json]`. Every workbook is a branch:
 * read and checked on worker threads (pool.ts, branch.ts), its rows staged to disk, then
 * consolidated on DuckDB (consolidate.ts): the Parquet data set, the roll-ups of sql/ over it,
 * the CSV copy and the group report (rollup-sheets.ts → xlsx-writer.ts).
 *
 * One bad workbook never stops the others: it is listed with its reason (stderr, the summary,
 * the report, the JSON) and the run exits 4 once every output is written with the rest.
 * Memory stays bounded: at most `jobs` branches are in memory, one per worker; the parent holds
 * a few numbers per branch; DuckDB streams the staging files into Parquet under a memory limit.
 */
import { once } from "node:events";
import { accessSync, constants as fsConstants, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import ExcelJS from "exceljs";
import type { DayNumber } from "../../core/calendar";
import { formatIsoDate } from "../../core/dates";
import { ArError } from "../../core/errors";
import type { Bilingual, Lang } from "../../i18n/bilingual";
import { GROUP_CLI } from "../../i18n/group-cli";
import { Dec, formatMoneyGrouped } from "../../core/money";
import { policyToJson } from "../../core/policy";
import type { Policy } from "../../core/policy/types";
import { type NamedFile, refuseOutputOverInput, writeAtomically } from "../safe-output";
import { addSpecSheet } from "../xlsx-writer";
import type { BranchDone, BranchTask } from "./branch";
import { createViews, openGroupDatabase, runRollups, writeCsv, writeParquet } from "./consolidate";
import type { EntityFrom } from "./entity";
import { groupInputs } from "./inputs";
import { type BranchFailure, runBranches } from "./pool";
import { GroupProgress, type ProgressSink } from "./progress";
import { type BranchLine, buildGroupReport } from "./rollup-sheets";
import { GROUP_SCHEMA_VERSION, TABLE_NAMES } from "./schema";

/** Exit status of a run in which some workbooks could not be used (the rest are complete). */
const EXIT_SOME_BRANCHES_FAILED = 4;

const GROUP_JSON_VERSION = 1;

interface GroupArgs {
  /** Folders, files and patterns as given. */
  names: readonly string[];
  asOf: DayNumber;
  policy: Policy;
  policyPath?: string;
  sheet?: string;
  entityFrom: EntityFrom;
  /** Worker threads (default: the CPU count). */
  jobs?: number;
  parquet?: string;
  csv?: string;
  out?: string;
  json?: string;
  strict: boolean;
}

interface GroupStreams {
  stdout: { write(text: string): unknown };
  stderr: ProgressSink;
}

/** One line for stderr: a reason never spans lines. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

function usage(id: string, text: Bilingual, cause?: unknown): ArError {
  return new ArError(id, text, cause === undefined ? {} : { cause });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** An output folder, made when missing; ArError cli.write-failed when it cannot be written to. */
function outputFolder(option: string, path: string): void {
  try {
    mkdirSync(path, { recursive: true });
    accessSync(path, fsConstants.W_OK);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw usage("cli.write-failed", GROUP_CLI.folderNotWritable(option, path, why), e);
  }
}

function outputFile(path: string): void {
  try {
    accessSync(resolve(path, ".."), fsConstants.W_OK);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw usage("cli.write-failed", GROUP_CLI.fileNotWritable(path, why), e);
  }
}

async function writing(path: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw usage("cli.write-failed", GROUP_CLI.fileNotWritable(path, why), e);
  }
}

function yuan(exact: string): string {
  return formatMoneyGrouped(new Dec(exact));
}

/** Runs the group audit; resolves to the exit status (0, 1, 4), or rejects with an ArError (2). */
export async function runGroup(args: GroupArgs, lang: Lang, streams: GroupStreams): Promise<number> {
  const inputs = groupInputs(args.names);
  if (inputs.length === 0) {
    throw usage("cli.no-workbooks", GROUP_CLI.noWorkbooks(args.names));
  }

  // Before any work: no output names an input (nor another output), and every folder is writable.
  const outputs: NamedFile[] = [];
  const tableFiles = (option: string, dir: string, ext: string): void => {
    for (const table of TABLE_NAMES) outputs.push({ option, path: join(dir, `${table}.${ext}`) });
  };
  if (args.parquet !== undefined) tableFiles("--parquet", args.parquet, "parquet");
  if (args.csv !== undefined) tableFiles("--csv", args.csv, "csv");
  if (args.out !== undefined) outputs.push({ option: "--out", path: args.out });
  if (args.json !== undefined) outputs.push({ option: "--json", path: args.json });
  const inputFiles: NamedFile[] = inputs.filter((i) => i.unmatchedPattern !== true).map((i) => ({ option: GROUP_CLI.theInput[lang], path: i.path }));
  if (args.policyPath !== undefined) inputFiles.push({ option: "--policy", path: args.policyPath });
  refuseOutputOverInput(outputs, inputFiles);
  // An output that the next run over the same folder would read as a branch (the CSVs, the report).
  const folders = new Set(args.names.filter(isDirectory).map((n) => resolve(n)));
  for (const o of outputs) {
    if (!/\.(xlsx|xlsm|csv)$/i.test(o.path) || !folders.has(dirname(resolve(o.path)))) continue;
    throw usage("cli.output-is-input", GROUP_CLI.outputIsInput(o.option, o.path));
  }
  if (args.parquet !== undefined) outputFolder("--parquet", args.parquet);
  if (args.csv !== undefined) outputFolder("--csv", args.csv);
  if (args.out !== undefined) outputFile(args.out);
  if (args.json !== undefined) outputFile(args.json);

  const staging = mkdtempSync(join(tmpdir(), "receivables-group-"));
  const removeStaging = (): void => rmSync(staging, { recursive: true, force: true });
  process.once("exit", removeStaging);
  try {
    for (const table of TABLE_NAMES) mkdirSync(join(staging, table));
    return await runInStaging(args, lang, streams, inputs, staging);
  } finally {
    removeStaging();
    process.removeListener("exit", removeStaging);
  }
}

async function runInStaging(args: GroupArgs, lang: Lang, streams: GroupStreams, inputs: ReturnType<typeof groupInputs>, staging: string): Promise<number> {
  const tasks: BranchTask[] = [];
  const failures: BranchFailure[] = [];
  inputs.forEach((input, index) => {
    if (input.unmatchedPattern === true) {
      failures.push({ index, source: input.path, reason: GROUP_CLI.noMatch(input.path), internal: false });
    } else tasks.push({ index, source: input.path });
  });
  const sizes = new Map(tasks.map((task) => [task.index, fileSize(task.source)]));
  const totalBytes = [...sizes.values()].reduce((a, b) => a + b, 0);
  const jobs = Math.max(1, Math.min(args.jobs ?? availableParallelism(), Math.max(1, tasks.length)));
  const progress = new GroupProgress(inputs.length, totalBytes, streams.stderr, lang);
  for (let k = 0; k < failures.length; k++) progress.fileDone(0, 0, true);

  const done: BranchDone[] = [];
  await runBranches(
    tasks,
    jobs,
    {
      branch: { asOf: args.asOf, entityFrom: args.entityFrom, stagingDir: staging, ...(args.sheet === undefined ? {} : { sheet: args.sheet }) },
      policyJson: policyToJson(args.policy),
    },
    {
      rows: () => undefined,
      done: (d) => {
        done.push(d);
        progress.fileDone(sizes.get(d.index) ?? 0, d.items, false);
      },
      failed: (f) => {
        failures.push(f);
        progress.fileDone(sizes.get(f.index) ?? 0, 0, true);
      },
    },
  );
  progress.finish();
  done.sort((a, b) => a.index - b.index);
  failures.sort((a, b) => a.index - b.index);

  // What the readers said about each branch, and every failure with its reason: one line each.
  const err = (line: string): void => void streams.stderr.write(`audit: ${oneLine(line)}\n`);
  for (const d of done) for (const note of d.notes) err(`${d.source}: ${note[lang]}`);
  for (const f of failures) {
    const reason = f.reason[lang];
    err(reason.includes(f.source) ? reason : `${f.source}: ${reason}`);
    if (f.internal && process.env.AUDIT_DEBUG === "1" && f.stack !== undefined) streams.stderr.write(`${f.stack}\n`);
  }
  const sources = new Map<string, string[]>();
  for (const d of done) sources.set(d.entity, [...(sources.get(d.entity) ?? []), d.source]);
  for (const [entity, files] of sources) {
    if (files.length > 1) err(GROUP_CLI.branchFromFiles(entity, files)[lang]);
  }
  const subFen = done.reduce((n, d) => n + d.subFen, 0);
  if (subFen > 0) {
    err(GROUP_CLI.subFen(subFen)[lang]);
  }

  // Consolidation: Parquet (the named folder, else a staging one for the roll-ups), then the roll-ups over it.
  const parquetDir = args.parquet ?? join(staging, "parquet");
  if (args.parquet === undefined) mkdirSync(parquetDir);
  const db = await openGroupDatabase({ threads: jobs, spillDir: join(staging, "spill") });
  let rollups;
  try {
    for (const table of TABLE_NAMES) {
      const target = join(parquetDir, `${table}.parquet`);
      await writing(target, () => writeParquet(db, staging, table, target));
    }
    await createViews(db, parquetDir);
    rollups = await runRollups(db);
    if (args.csv !== undefined) {
      for (const table of TABLE_NAMES) {
        const target = join(args.csv, `${table}.csv`);
        await writing(target, () => writeCsv(db, table, target, staging));
      }
    }
  } finally {
    db.close();
  }

  const lines: BranchLine[] = inputs.map((input, index) => {
    const d = done.find((x) => x.index === index);
    if (d !== undefined) {
      return { source: d.source, entity: d.entity, sheet: d.sheet, items: d.items, balance: d.balance, provision: d.provision, errors: d.findings.error, warnings: d.findings.warning, failure: null };
    }
    const f = failures.find((x) => x.index === index);
    return { source: input.path, entity: null, sheet: null, items: null, balance: null, provision: null, errors: null, warnings: null, failure: f?.reason ?? GROUP_CLI.notProcessed };
  });
  if (args.out !== undefined) {
    const specs = buildGroupReport({ asOf: args.asOf, policy: args.policy, branches: lines, rollups }, lang);
    const out = args.out;
    await writing(out, () =>
      writeAtomically(out, async (stream, watch) => {
        const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
        for (const spec of specs) addSpecSheet(wb as unknown as ExcelJS.Workbook, spec).commit();
        await watch(wb.commit());
      }),
    );
  }
  if (args.json !== undefined) {
    const json = args.json;
    await writing(json, () => writeGroupJson(json, args.asOf, done, failures, lines));
  }

  streams.stdout.write(`${summaryLines(args.asOf, lines, done, lang).join("\n")}\n`);
  if (failures.length > 0) {
    err(GROUP_CLI.someFailed(failures.length, inputs.length, done.length)[lang]);
    return EXIT_SOME_BRANCHES_FAILED;
  }
  const errors = done.reduce((n, d) => n + d.findings.error, 0);
  return args.strict && errors > 0 ? 1 : 0;
}

function summaryLines(asOf: DayNumber, lines: readonly BranchLine[], done: readonly BranchDone[], lang: Lang): string[] {
  const failed = lines.filter((l) => l.failure !== null).length;
  const out = [
    GROUP_CLI.summaryTitle(formatIsoDate(asOf), lines.length, done.length, failed)[lang],
  ];
  const table: string[][] = [[GROUP_CLI.branch, GROUP_CLI.items, GROUP_CLI.balance, GROUP_CLI.provision, GROUP_CLI.errors].map((b) => b[lang])];
  let balance = new Dec(0);
  let provision = new Dec(0);
  let items = 0;
  let errors = 0;
  for (const l of lines) {
    if (l.failure !== null) {
      table.push([l.source, GROUP_CLI.failed[lang], "", "", ""]);
      continue;
    }
    table.push([l.entity ?? "", (l.items ?? 0).toLocaleString("en-US"), yuan(l.balance ?? "0"), yuan(l.provision ?? "0"), String(l.errors ?? 0)]);
    balance = balance.plus(l.balance ?? "0");
    provision = provision.plus(l.provision ?? "0");
    items += l.items ?? 0;
    errors += l.errors ?? 0;
  }
  table.push([GROUP_CLI.total[lang], items.toLocaleString("en-US"), yuan(balance.toFixed(2)), yuan(provision.toFixed(2)), String(errors)]);
  const width = (s: string): number => [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x1100 ? 2 : 1), 0);
  const widths = [0, 1, 2, 3, 4].map((c) => Math.max(...table.map((r) => width(r[c]))));
  for (const r of table) {
    out.push(`  ${r[0]}${" ".repeat(widths[0] - width(r[0]))}  ${r.slice(1).map((v, k) => " ".repeat(widths[k + 1] - width(v)) + v).join("  ")}`.trimEnd());
  }
  return out;
}

async function writeGroupJson(path: string, asOf: DayNumber, done: readonly BranchDone[], failures: readonly BranchFailure[], lines: readonly BranchLine[]): Promise<void> {
  let balance = new Dec(0);
  let provision = new Dec(0);
  for (const d of done) {
    balance = balance.plus(d.balance);
    provision = provision.plus(d.provision);
  }
  const body = {
    version: GROUP_JSON_VERSION,
    schemaVersion: GROUP_SCHEMA_VERSION,
    asOf: formatIsoDate(asOf),
    branches: lines.map((l, index) => {
      const d = done.find((x) => x.index === index);
      if (d === undefined) return { source: l.source, status: "failed", reason: failures.find((f) => f.index === index)?.reason ?? l.failure };
      return {
        source: d.source,
        status: "checked",
        entity: d.entity,
        sheet: d.sheet,
        lines: d.lines,
        items: d.items,
        balance: d.balance,
        provision: d.provision,
        findings: d.findings,
        reconciliation: d.reconciliation,
        balancesRounded: d.subFen,
      };
    }),
    totals: {
      workbooks: lines.length,
      checked: done.length,
      failed: failures.length,
      items: done.reduce((n, d) => n + d.items, 0),
      balance: balance.toFixed(Math.max(2, balance.decimalPlaces())),
      provision: provision.toFixed(Math.max(2, provision.decimalPlaces())),
    },
  };
  await writeAtomically(path, async (out, watch) => {
    if (!out.write(`${JSON.stringify(body, null, 2)}\n`, "utf8")) await watch(once(out, "drain"));
    out.end();
  });
}

