/**
 * The headless audit: `npm run audit -- <ledger.xlsx|.csv> --as-of YYYY-MM-DD [--policy policy.json]
 * [--sheet NAME] [--out report.xlsx] [--json result.json] [--strict]`.
 *
 * Reads the file (read-workbook.ts), picks the ledger sheet (--sheet, else the first sheet whose
 * header reads best as a ledger) and the companion sheets by their headers, runs the core check
 * (core/ledger/check.ts) and prints a short summary in the language of LANG (zh… → Chinese, else
 * English). The as-of date is always given: the check never reads the clock.
 *
 * Exit status: 0 when the check ran (findings or not); 1 with --strict when there are findings
 * of severity error; 2 when the input cannot be used (file missing, damaged or not a
 * spreadsheet, no header row, an output that names an input, an output that cannot be written,
 * a bad argument or policy file), with a one-line reason on stderr; 3 on an internal error,
 * also when the run stops without a result (runCli); 4 when a group run (a folder, several files
 * or patterns: src/cli/group/run.ts) could not use some workbooks and wrote the rest. Outputs are written through a temporary
 * file renamed over the target when complete (safe-output.ts): never over the input, never partial.
 */
import { once } from "node:events";
import { accessSync, constants as fsConstants, existsSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import type Decimal from "decimal.js";
import type ExcelJS from "exceljs";
import { formatIsoDate, parseDate } from "../core/dates";
import { ArError, type Bilingual, isArError, type Lang } from "../core/errors";
import { AUDIT_CLI } from "../i18n/cli";
import { bi } from "../i18n/bilingual";
import { auditJsonChunks } from "../core/ledger/audit-json";
import { auditLedger, type AuditResult, type AmountTotal } from "../core/ledger/check";
import { readWorkbookLedger } from "../core/ledger/workbook";
import { LEDGER_FIELDS, type LedgerField } from "../core/ledger/headers";

/** Which table a sheet's header reads as (kept here for callers that import it from the CLI). */
export { tableKindOf } from "../core/ledger/workbook";
import { Dec, formatMoneyGrouped, parseMoney } from "../core/money";
import { DEFAULT_POLICY, policyFromJson } from "../core/policy";
import type { Policy } from "../core/policy/types";
import { readWorkbook } from "./read-workbook";
import { assessEcl, type EclAssessment } from "../core/ecl/assessment";
import { companyNameFor, mergeCompany } from "../core/notices/company";
import { historyFromJson, historyToJson, type SavedSnapshot, snapshotOfCheck, snapshotsFromSaved, withSnapshot } from "../core/ecl/saved";
import type { ReportInput } from "../core/reports/input";
import { type NamedFile, refuseOutputOverInput, removePendingOutputs, writeAtomically } from "./safe-output";
// The group run (a folder, several files or patterns): src/cli/group.
import { parseEntityFrom, type EntityFrom } from "./group/entity";
import { namesAGroup } from "./group/inputs";

const USAGE = {
  "zh-CN": `用法：npm run audit -- <台账.xlsx|.csv> --as-of YYYY-MM-DD [--policy policy.json] [--sheet 工作表名] [--out report.xlsx] [--json result.json] [--strict]
  --as-of    检查截止日（必填；不读系统时钟）
  --policy   制度参数文件（JSON，缺省为内置默认值）
  --sheet    台账所在工作表（缺省：第一个表头可识别为台账的工作表）
  --out      写出检查报告 .xlsx（检查发现、逐行结果、汇总、规则说明，及各管理报表）
  --json     写出 JSON 结果
  --strict   有“错误”级发现时以状态 1 退出
预期信用损失：[--history history.json] [--ecl-adjustment K] [--allowance 金额] [--segment 列]
  --history         账龄快照历史文件（读取，并加入本次的快照）
  --ecl-adjustment  前瞻性调整 k（如 0.1 或 10%）
  --allowance       账面坏账准备余额
  --segment         按台账的某一列（表头文字或列字母，如“客户类型”）划分组合，各组合分别计算；"" 不分组合
集团（多个分支机构）：npm run audit -- <文件夹|文件…|通配符> --as-of YYYY-MM-DD [--entity-from filename|sheet|cell:B2] [--jobs N] [--parquet 目录] [--csv 目录] [--out group.xlsx] [--json group.json]
  --entity-from  分支机构名称取自文件名（缺省）、台账工作表名或某个单元格
  --jobs         并行的工作线程数（缺省为 CPU 核数）
  --parquet      写出 items.parquet、findings.parquet、totals.parquet（金额为 DECIMAL(18,2)）
  --csv          同样的数据写成 CSV（UTF-8，带 BOM）
退出状态：0 已完成检查；1 --strict 且有错误；2 输入无法使用（原因写在标准错误的一行里）；3 内部错误；4 集团检查中有工作簿无法使用（其余的已完整写出）。
不会覆盖输入文件，也不会留下写了一半的输出文件。`,
  "en-US": `Usage: npm run audit -- <ledger.xlsx|.csv> --as-of YYYY-MM-DD [--policy policy.json] [--sheet NAME] [--out report.xlsx] [--json result.json] [--strict]
  --as-of    the as-of date of the check (required; the clock is never read)
  --policy   a policy file (JSON; the built-in defaults when absent)
  --sheet    the ledger's sheet (default: the first sheet whose header reads as a ledger)
  --out      write a report .xlsx (findings, per-row results, totals, rules, the supervisor reports)
  --json     write the result as JSON
  --strict   exit 1 when there are findings of severity error
Expected credit loss: [--history history.json] [--ecl-adjustment K] [--allowance AMOUNT] [--segment COLUMN]
  --history         an aging-snapshot history file (read, and this run's snapshot added)
  --ecl-adjustment  the forward-looking adjustment k (0.1 or 10%)
  --allowance       the allowance on the books (坏账准备)
  --segment         divide the pool by a ledger column (its header text or letter, e.g. 客户类型), each segment on its own rates; "" for one pool
A group (many branches): npm run audit -- <folder|files…|patterns> --as-of YYYY-MM-DD [--entity-from filename|sheet|cell:B2] [--jobs N] [--parquet DIR] [--csv DIR] [--out group.xlsx] [--json group.json]
  --entity-from  the branch's name: the file name (default), the ledger sheet's name, or a cell
  --jobs         worker threads in parallel (default: the CPU count)
  --parquet      write items.parquet, findings.parquet, totals.parquet (money as DECIMAL(18,2))
  --csv          the same data as CSV (UTF-8 with a BOM)
Exit status: 0 the check ran; 1 --strict and errors found; 2 unusable input (the reason in one line on stderr); 3 internal error; 4 a group run in which some workbooks could not be used (the rest are complete).
Never overwrites its input, never leaves a partial output file.`,
};

/** LANG decides the language: zh_CN.UTF-8, zh_TW… → Chinese; anything else → English. */
function languageOf(env: NodeJS.ProcessEnv): Lang {
  return (env.LANG ?? "").toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

function usageError(zh: string, en: string): ArError {
  return new ArError("cli.usage", { "zh-CN": zh, "en-US": en });
}

/** The number of rows from which progress is shown on stderr. */
const LARGE_ROWS = 50_000;
const LARGE_BYTES = 5 * 1024 * 1024;

interface Args {
  file: string;
  asOf: number;
  policyPath?: string;
  sheet?: string;
  out?: string;
  json?: string;
  strict: boolean;
  /** Expected credit loss: an aging history file (read, and this run's snapshot added), the adjustment k, the allowance on the books. */
  history?: string;
  eclAdjustment?: string;
  allowance?: string;
  /** The ledger column dividing the ECL pool into segments (组合), by header text or letter; "" for one pool. */
  segment?: string;
  /** Set for a group run: a folder, several files or patterns, or a group-only option. */
  group?: { names: string[]; jobs?: number; entityFrom: EntityFrom; parquet?: string; csv?: string };
}

function parseCommandLine(argv: string[]): Args | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        "as-of": { type: "string" },
        policy: { type: "string" },
        sheet: { type: "string" },
        out: { type: "string" },
        json: { type: "string" },
        strict: { type: "boolean", default: false },
        history: { type: "string" },
        "ecl-adjustment": { type: "string" },
        allowance: { type: "string" },
        segment: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
        jobs: { type: "string" },
        "entity-from": { type: "string" },
        parquet: { type: "string" },
        csv: { type: "string" },
      },
    });
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    throw usageError(`参数有误：${m}（--help 查看用法）`, `Bad arguments: ${m} (see --help)`);
  }
  const v = parsed.values;
  if (v.help === true) return "help";
  const group = parsed.positionals.length > 0 && (v.jobs !== undefined || v["entity-from"] !== undefined || v.parquet !== undefined || v.csv !== undefined || namesAGroup(parsed.positionals));
  if (!group && parsed.positionals.length !== 1) {
    throw usageError(
      parsed.positionals.length === 0 ? "缺少台账文件（--help 查看用法）。" : `只能检查一个文件，收到 ${parsed.positionals.length} 个。`,
      parsed.positionals.length === 0 ? "No ledger file given (see --help)." : `One file at a time; got ${parsed.positionals.length}.`,
    );
  }
  const asOfText = v["as-of"];
  if (asOfText === undefined) throw usageError("缺少 --as-of YYYY-MM-DD：检查截止日必须写明。", "Missing --as-of YYYY-MM-DD: the as-of date must be given.");
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOfText.trim());
  let asOf: number | null = null;
  try {
    asOf = m === null ? null : parseDate(asOfText.trim());
  } catch {
    asOf = null;
  }
  if (asOf === null) throw usageError(`--as-of “${asOfText}”不是 YYYY-MM-DD 格式的有效日期。`, `--as-of "${asOfText}" is not a valid date in the form YYYY-MM-DD.`);
  const args: Args = { file: parsed.positionals[0], asOf, strict: v.strict === true };
  if (v.policy !== undefined) args.policyPath = v.policy;
  if (v.sheet !== undefined) args.sheet = v.sheet;
  if (v.out !== undefined) args.out = v.out;
  if (v.json !== undefined) args.json = v.json;
  if (v.history !== undefined) args.history = v.history;
  if (v.segment !== undefined) args.segment = v.segment.trim();
  if (v["ecl-adjustment"] !== undefined) args.eclAdjustment = rateArgument(v["ecl-adjustment"], "--ecl-adjustment");
  if (v.allowance !== undefined) {
    const amount = parseMoneyOrNull(v.allowance);
    if (amount === null) throw usageError(`--allowance “${v.allowance}”不是金额。`, `--allowance "${v.allowance}" is not an amount.`);
    args.allowance = amount.toFixed();
  }
  if (group) {
    // The expected credit loss is one ledger's history and one set of books: a group run has neither.
    const oneLedgerOnly = (["history", "ecl-adjustment", "allowance", "segment"] as const).filter((o) => v[o] !== undefined);
    if (oneLedgerOnly.length > 0) {
      const named = oneLedgerOnly.map((o) => `--${o}`).join(", ");
      throw usageError(`${named} 只用于单个台账的检查，集团运行（多个文件、文件夹或通配符）不接受。`, `${named} applies to one ledger's audit; a group run (several files, a folder or a pattern) does not take it.`);
    }
    args.group = { names: parsed.positionals, entityFrom: parseEntityFrom(v["entity-from"] ?? "filename") };
    if (v.jobs !== undefined) args.group.jobs = parseJobs(v.jobs);
    if (v.parquet !== undefined) args.group.parquet = v.parquet;
    if (v.csv !== undefined) args.group.csv = v.csv;
  }
  return args;
}

/** A rate as typed on the command line: 10%, 0.1 or -5%. */
function rateArgument(text: string, option: string): string {
  const t = text.trim();
  const pct = /^([+-]?\d+(?:\.\d+)?)%$/.exec(t);
  if (pct !== null) return new Dec(pct[1]).div(100).toString();
  if (/^[+-]?\d+(?:\.\d+)?$/.test(t)) return new Dec(t).toString();
  throw usageError(`${option} “${text}”不是比率，应写 10% 或 0.1。`, `${option} "${text}" is not a rate; write 10% or 0.1.`);
}

function parseMoneyOrNull(text: string): Decimal | null {
  try {
    return parseMoney(text);
  } catch {
    return null;
  }
}

function parseJobs(text: string): number {
  const n = /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(n >= 1 && n <= 1024)) throw usageError(`--jobs “${text}”应为 1 到 1024 之间的整数。`, `--jobs "${text}" must be a whole number from 1 to 1024.`);
  return n;
}

function loadPolicyFile(path: string): Policy {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ArError("cli.policy-missing", { "zh-CN": `找不到制度参数文件“${path}”。`, "en-US": `Policy file not found: "${path}".` }, { cause: e });
  }
  try {
    return policyFromJson(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const why = isArError(e) ? e.text : { "zh-CN": String(e), "en-US": String(e) };
    throw new ArError(
      "cli.policy-invalid",
      { "zh-CN": `制度参数文件“${path}”无效：${why["zh-CN"]}`, "en-US": `Policy file "${path}" is invalid: ${why["en-US"]}` },
      { cause: e },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The summary
// ---------------------------------------------------------------------------------------------

/** Columns a character takes in a terminal: 2 for CJK and full-width forms. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}

function yuan(text: string): string {
  return formatMoneyGrouped(new Dec(text));
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

const MAX_FINDINGS_SHOWN = 40;

const CLASS_NAMES = AUDIT_CLI.classNames;
const SEVERITY_NAMES = AUDIT_CLI.severityNames;

/** Columns read at a unit of their own, as the summary names them: "（金额、余额列为万元）". Results are in yuan either way. */
function ownUnits(units: AuditResult["ledger"]["columnUnits"]): Bilingual {
  if (units === undefined) return bi("", "");
  const byUnit = new Map<number, LedgerField[]>();
  for (const [field, scale] of Object.entries(units) as [LedgerField, number][]) byUnit.set(scale, [...(byUnit.get(scale) ?? []), field]);
  const label = (field: LedgerField, lang: Lang): string => LEDGER_FIELDS.find((d) => d.field === field)?.label[lang] ?? field;
  const parts = [...byUnit].map(([scale, fields]) =>
    AUDIT_CLI.columnsInUnit(
      fields.map((f) => label(f, "zh-CN")),
      fields.map((f) => label(f, "en-US")),
      AUDIT_CLI.unitName(scale),
    ),
  );
  return AUDIT_CLI.ownUnits(parts);
}

/**
 * The lines said before anything else: whether what was read agrees with the ledger's own
 * totals, whether most rows were unusable, and what the as-of view left out.
 */
function readingLines(result: AuditResult, lang: Lang): string[] {
  const R = result.reading;
  const out: Bilingual[] = [];
  // A control difference first; else most rows unusable before any word that the totals agree
  // (the totals of what remains agreeing says nothing of what was not read).
  if (R.reconciliation === "differences") out.push(AUDIT_CLI.controlDifferences(count(R.controlDifferences), R.controlDifferences));
  if (R.mostlyUnusable) out.push(AUDIT_CLI.mostlyUnusable);
  if (R.reconciliation === "reconciled") out.push(AUDIT_CLI.controlsReconciled(count(R.controlsChecked)));
  else if (R.reconciliation !== "differences") out.push(AUDIT_CLI.noControls);
  const asOf = formatIsoDate(result.asOf);
  const parts: Bilingual[] = [];
  const L = R.leftOut;
  if (L.count > 0) parts.push(AUDIT_CLI.leftOut(asOf, count(L.count), L.count, count(L.items), L.items, count(L.credits), L.credits));
  if (R.settled > 0) parts.push(AUDIT_CLI.settled(count(R.settled)));
  if (R.credits > 0) parts.push(AUDIT_CLI.creditsApplied(count(R.credits), R.credits));
  if (R.advances.count > 0) parts.push(AUDIT_CLI.advances(count(R.advances.count), R.advances.count, yuan(R.advances.total)));
  if (parts.length > 0) out.push(AUDIT_CLI.asOfView(asOf, count(R.lines), parts));
  if (R.inexact) out.push(AUDIT_CLI.asOfInexact);
  return out.map((b) => b[lang]);
}

/** The human summary printed on stdout. */
export function summaryLines(result: AuditResult, source: string, lang: Lang, warnings: readonly Bilingual[] = []): string[] {
  const say = AUDIT_CLI;
  const out: string[] = [];
  const L = result.ledger;
  for (const line of readingLines(result, lang)) out.push(line);
  out.push(say.title(source, formatIsoDate(result.asOf))[lang]);
  const headerAt = L.headerRow === null ? bi("", "") : say.headerAt(L.headerRow);
  const shape = L.shape === "transactions" ? say.transactionsShape : bi("", "");
  out.push(say.ledgerLine(say.sheets(result.reading.sheets.length > 0 ? result.reading.sheets : [L.sheet]), headerAt, count(L.rowCount), shape, count(L.skippedCount), say.unitName(L.unitScale), ownUnits(L.columnUnits))[lang]);
  const C = result.companions;
  const companions: Bilingual[] = [];
  if (C.customers !== null) companions.push(say.customerMaster(C.customers));
  if (C.bills !== null) companions.push(say.billsRegister(C.bills));
  if (C.collections !== null) companions.push(say.collectionLog(C.collections));
  out.push(say.companions(companions)[lang]);
  for (const w of warnings) out.push(`  ${w[lang]}`);
  out.push("");

  const T = result.totals;
  const table: string[][] = [];
  const line = (label: string, a: AmountTotal): string[] => [label, count(a.count), yuan(a.balance), yuan(a.provision)];
  table.push([say.byClass[lang], say.items[lang], say.balance[lang], say.provision[lang]]);
  for (const key of ["normal", "overdue", "stale", "bad", "unclassified"] as const) {
    const a = T.byClass[key];
    if (key === "unclassified" && a.count === 0) continue;
    table.push(line(`  ${CLASS_NAMES[key][lang]}`, a));
  }
  table.push([say.byBand[lang], "", "", ""]);
  for (const b of T.byBand) {
    if (b.key === "unbanded" && b.count === 0) continue;
    table.push(line(`  ${b.label[lang]}`, b));
  }
  table.push(line(say.total[lang], T.all));
  const widths = [0, 1, 2, 3].map((c) => Math.max(...table.map((r) => displayWidth(r[c]))));
  for (const r of table) out.push(`${padEnd(r[0], widths[0])}  ${padStart(r[1], widths[1])}  ${padStart(r[2], widths[2])}  ${padStart(r[3], widths[3])}`.trimEnd());
  out.push("");

  const F = T.findings;
  out.push(say.findingCounts(count(F.error), F.error, count(F.warning), F.warning, count(F.info))[lang]);
  const shown = result.findings.slice(0, MAX_FINDINGS_SHOWN);
  const sevWidth = Math.max(...Object.values(SEVERITY_NAMES).map((s) => displayWidth(s[lang])));
  const ruleWidth = Math.max(0, ...shown.map((f) => f.rule.length));
  for (const f of shown) out.push(`  ${padEnd(SEVERITY_NAMES[f.severity][lang], sevWidth)}  ${padEnd(f.rule, ruleWidth)}  ${f.message[lang]}`);
  if (result.findings.length > shown.length) out.push(say.moreFindings(count(result.findings.length - shown.length))[lang]);
  if (result.unchecked.length > 0) {
    out.push(say.rulesNotChecked[lang]);
    for (const u of result.unchecked) out.push(`  ${u.rule}: ${u.reason[lang]}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Output files
// ---------------------------------------------------------------------------------------------

async function writeJson(path: string, result: AuditResult, source: string, ecl?: EclAssessment): Promise<void> {
  await writeAtomically(path, async (out, watch) => {
    for (const chunk of auditJsonChunks(result, source, ecl)) {
      if (!out.write(chunk, "utf8")) await watch(once(out, "drain"));
    }
    out.end("\n");
  });
}

/**
 * The report workbook: the audit's own sheets (findings, per-row results, totals, rules: the
 * SheetSpecs the pane writes too, src/core/audit-sheets), then the supervisor reports. Written
 * with exceljs's streaming writer through the SheetSpec writer (xlsx-writer.ts), which writes
 * every ledger string as a text cell, never a formula, so "=HYPERLINK(…)" stays text.
 */
export async function writeReport(path: string, result: AuditResult, lang: Lang, reports: ReportInput): Promise<void> {
  // Loaded when a report is asked for (exceljs alone takes ~0.4 s to load): a check with --json
  // or a summary only reads (through xlsx-reader.ts).
  const [{ default: ExcelJS }, { addSpecSheet }, { auditSheets }, { buildReports }] = await Promise.all([import("exceljs"), import("./xlsx-writer"), import("../core/audit-sheets"), import("../core/reports")]);
  await writeAtomically(path, async (out, watch) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
    // The supervisor reports, the same SheetSpecs the ribbon writes in Excel (charts become a note here).
    for (const spec of [...auditSheets(result, lang), ...buildReports(reports, lang)]) addSpecSheet(wb as unknown as ExcelJS.Workbook, spec).commit();
    await watch(wb.commit());
  });
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const lang = languageOf(env);
  const args = parseCommandLine(argv);
  if (args === "help") {
    process.stdout.write(`${USAGE[lang]}\n`);
    return 0;
  }
  if (args.group !== undefined) {
    const g = args.group;
    const policy = args.policyPath === undefined ? DEFAULT_POLICY : loadPolicyFile(args.policyPath);
    // Loaded only for a group run: DuckDB's native module stays out of the single-ledger audit.
    const { runGroup } = await import("./group/run");
    return runGroup(
      {
        names: g.names,
        asOf: args.asOf,
        policy,
        entityFrom: g.entityFrom,
        strict: args.strict,
        ...(args.policyPath === undefined ? {} : { policyPath: args.policyPath }),
        ...(args.sheet === undefined ? {} : { sheet: args.sheet }),
        ...(g.jobs === undefined ? {} : { jobs: g.jobs }),
        ...(g.parquet === undefined ? {} : { parquet: g.parquet }),
        ...(g.csv === undefined ? {} : { csv: g.csv }),
        ...(args.out === undefined ? {} : { out: args.out }),
        ...(args.json === undefined ? {} : { json: args.json }),
      },
      lang,
      { stdout: process.stdout, stderr: process.stderr },
    );
  }
  // Before any work: an output never names an input (nor the other output), and its folder is writable.
  const outputs: NamedFile[] = [];
  if (args.json !== undefined) outputs.push({ option: "--json", path: args.json });
  if (args.out !== undefined) outputs.push({ option: "--out", path: args.out });
  if (args.history !== undefined) outputs.push({ option: "--history", path: args.history });
  const inputs: NamedFile[] = [{ option: AUDIT_CLI.theInput[lang], path: args.file }];
  if (args.policyPath !== undefined) inputs.push({ option: "--policy", path: args.policyPath });
  refuseOutputOverInput(outputs, inputs);
  for (const { path } of outputs) checkWritable(path);
  const policy = args.policyPath === undefined ? DEFAULT_POLICY : loadPolicyFile(args.policyPath);

  let large = false;
  try {
    large = statSync(args.file).size >= LARGE_BYTES;
  } catch {
    // readWorkbook says why the file cannot be read.
  }
  const progress = (text: string): void => {
    process.stderr.write(`${text}\n`);
  };
  const book = await readWorkbook(args.file, {
    onProgress: (sheet, rows) => progress(AUDIT_CLI.readingSheet(sheet, count(rows))[lang]),
  });
  // What the reader decided (a CSV's encoding, a bad byte and where it is), one line each.
  for (const note of book.notes ?? []) process.stderr.write(`${oneLine(note[lang])}\n`);
  // The ledger sheet (--sheet, else the first whose header reads as a ledger) and the companion
  // sheets by their headers: the same choice the task pane makes (core/ledger/workbook.ts).
  const chosen = readWorkbookLedger(book.sheets, args.sheet === undefined ? { dateSystem: book.dateSystem, asOf: args.asOf } : { sheet: args.sheet, dateSystem: book.dateSystem });
  const rows = chosen.ledger.rows.length;
  if (large || rows >= LARGE_ROWS) progress(AUDIT_CLI.checkingItems(count(rows))[lang]);
  const result = auditLedger(chosen.ledger, chosen.companions, args.asOf, policy);

  // Expected credit loss: the history given (this run's snapshot added), else the ledger's own.
  // 编制单位 on the reports: the policy file's company name (a placeholder counts as none).
  const company = companyNameFor(mergeCompany(null, policy), lang);
  const reports: ReportInput = { reading: chosen.ledger, audit: result, companions: chosen.companions, policy, asOf: args.asOf, company };
  const bandKeys = policy.provision.bands.map((b) => b.key);
  let history: SavedSnapshot[] | null = null;
  if (args.history !== undefined) {
    history = existsSync(args.history) ? historyFromJson(readFileSync(args.history, "utf8"), bandKeys) : [];
    history = withSnapshot(history, snapshotOfCheck(reports));
  }
  reports.ecl = {
    ...(history !== null ? { history: snapshotsFromSaved(history, args.asOf - 1) } : {}),
    ...(args.eclAdjustment !== undefined ? { k: args.eclAdjustment } : {}),
    ...(args.allowance !== undefined ? { existingAllowance: args.allowance } : {}),
    ...(args.segment !== undefined ? { segmentBy: args.segment === "" ? null : args.segment } : {}),
  };
  const ecl = assessEcl(reports, reports.ecl);

  process.stdout.write(`${summaryLines(result, args.file, lang, chosen.warnings).join("\n")}\n`);
  if (args.json !== undefined) await writing(args.json, () => writeJson(args.json as string, result, args.file, ecl));
  if (args.out !== undefined) await writing(args.out, () => writeReport(args.out as string, result, lang, reports));
  if (args.history !== undefined && history !== null) {
    const saved = history;
    await writing(args.history, () =>
      writeAtomically(args.history as string, async (out) => {
        out.write(historyToJson(saved), "utf8");
      }),
    );
  }
  return args.strict && result.totals.findings.error > 0 ? 1 : 0;
}

/** Fails before any work when an output file's folder does not exist or cannot be written to. */
function checkWritable(path: string): void {
  try {
    accessSync(dirname(resolve(path)), fsConstants.W_OK);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ArError("cli.write-failed", { "zh-CN": `无法写入“${path}”：${why}`, "en-US": `Cannot write "${path}": ${why}` }, { cause: e });
  }
}

/** An output file that cannot be written is a usage problem (exit 2), said in one line. */
async function writing(path: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ArError("cli.write-failed", { "zh-CN": `无法写入“${path}”：${why}`, "en-US": `Cannot write "${path}": ${why}` }, { cause: e });
  }
}

function debugRequested(): boolean {
  return process.env.AUDIT_DEBUG === "1";
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

function reportInternalError(lang: Lang, e: unknown): void {
  const why = oneLine(e instanceof Error ? e.message : String(e));
  process.stderr.write(`${AUDIT_CLI.internalError(why)[lang]}\n`);
  if (debugRequested()) process.stderr.write(`${e instanceof Error ? (e.stack ?? "") : ""}\n`);
}

/**
 * Runs the CLI to a documented exit: 0 or 1 from `run`, 2 for an ArError (one line on stderr),
 * 3 for anything else. The last guard: when the event loop empties and `run` has neither
 * returned nor thrown (a stream that never ended, a promise nobody settles), Node would exit 0
 * with nothing said, and a batch job would take the file as checked; that is exit 3 with a
 * line saying so. A failure outside the promise (an 'error' event nobody listens to) is exit 3
 * in one line too, and an interrupt leaves no partial output behind.
 */
export function runCli(run: () => Promise<number>, lang: Lang): void {
  let settled = false;
  let said = false;
  process.on("beforeExit", () => {
    if (settled || said) return;
    said = true;
    removePendingOutputs();
    process.stderr.write(`${AUDIT_CLI.stoppedBeforeResult[lang]}\n`);
    process.exitCode = 3;
  });
  const internal = (e: unknown): void => {
    if (said) return;
    said = true;
    removePendingOutputs();
    reportInternalError(lang, e);
    process.exit(3);
  };
  process.on("uncaughtException", internal);
  process.on("unhandledRejection", internal);
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.on(signal, () => {
      removePendingOutputs();
      process.exit(code);
    });
  }
  run().then(
    (code) => {
      settled = true;
      process.exitCode = code;
    },
    (e: unknown) => {
      settled = true;
      if (isArError(e)) {
        process.stderr.write(`audit: ${oneLine(e.messageIn(lang))}\n`);
        process.exitCode = 2;
      } else {
        reportInternalError(lang, e);
        process.exitCode = 3;
      }
    },
  );
}

if (require.main === module) {
  runCli(() => main(process.argv.slice(2)), languageOf(process.env));
}
