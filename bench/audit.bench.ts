/**
 * The ledger check and the headless audit at full size.
 *
 * audit-check-1m-rows: 1,048,576 rows (Excel's row limit) of a realistic ledger's cell values
 *   to findings and totals — index.readLedger, then core/ledger/check.auditLedger with a
 *   customer master — as the task pane and the CLI call them. Median of 5 runs after a warm-up.
 * audit-check-only-1m-rows (informational): auditLedger alone, on a reading made before the
 *   clock starts.
 * audit-cli-100k-xlsx / audit-cli-100k-peak-memory: `npm run audit` (node + tsx, a fresh
 *   process, as a user runs it) on a 100,000-row .xlsx generated once into os.tmpdir(), with
 *   --json; wall time and the process's peak resident set size (its maxRSS, reported by a
 *   preload hook at exit). Medians of 3 runs.
 *
 * audit-cli-100k-transactions-xlsx: `npm run audit` on a 100,000-line U8-style 客户往来明细账
 *   (bench/u8-ledger.ts: 摘要 totals, vouchers, a running 借/贷 balance, a year of entries aged as
 *   of 2011-08-31), median of 3 runs.
 * audit-cli-vs-bare-read: that run's median over the median time a plain node process takes to
 *   visit every cell of the same file with exceljs's streaming reader (no checking, no output),
 *   measured in the same run: what reading it as a ledger, checking and writing JSON add.
 *
 * Rows are generated deterministically (a seeded PRNG): dates as serial numbers, amounts with
 * two decimals, some 万-scale amounts, credit notes, statuses that make an item bad, a collector
 * on most rows and a last confirmation date on half, so every pass of the check does real work
 * and a realistic share of rows (about a fifth, mostly old items that may be written off) has
 * a finding.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { fromYmd } from "../src/core/calendar";
import { excelSerialToUtcDate, toExcelSerial } from "../src/core/dates";
import { auditLedger } from "../src/core/ledger/check";
import { readCustomerMaster, readLedger } from "../src/core/ledger/index";
import { DEFAULT_POLICY } from "../src/core/policy/defaults";
import type { Report } from "./run";
import { median } from "./stats";
import { writeU8Ledger } from "./u8-ledger";

const ROWS_1M = 1_048_576;
const ROWS_CLI = 100_000;
const CHECK_RUNS = 5;
const CLI_RUNS = 3;
const AS_OF = fromYmd(2024, 12, 31);
const AS_OF_TEXT = "2024-12-31";
const CUSTOMERS = 5000;

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const LEDGER_HEADER = ["序号", "客户名称", "客户编号", "单据号", "发生日期", "信用期(天)", "金额", "已收金额", "余额", "最近对账日", "责任人", "状态"];

const STATUSES = ["正常", "催收中", "已对账", "拒绝支付", "经营恶化", "客户承诺月底付款"];
const COLLECTORS = ["张伟", "李明", "王芳", "赵丽", "刘洋"];

/** `rows` ledger rows after a title line and the header (the sheet's first data row is 3). */
export function generateLedgerValues(rows: number, seed = 20240601): unknown[][] {
  const random = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const asOfSerial = toExcelSerial(AS_OF);
  const values: unknown[][] = [["应收账款台账（基准测试）  单位：元"], LEDGER_HEADER];
  for (let i = 0; i < rows; i++) {
    // Skewed to recent items as a live ledger is: 6 years × the product of two uniforms.
    const age = Math.floor(6 * 365 * random() * random());
    const customer = int(1, CUSTOMERS);
    const kind = random();
    let fen: number;
    if (kind < 0.7) fen = int(1, 10_000_000);
    else if (kind < 0.9) fen = int(1, 1_000_000_000);
    else if (kind < 0.98) fen = int(1, 10_000) * 100 * 100;
    else fen = -int(1, 50_000_000);
    const receivedFen = fen > 0 && random() < 0.4 ? Math.floor(fen * random()) : 0;
    values.push([
      i + 1,
      `客户${customer}有限公司`,
      `K${String(customer).padStart(5, "0")}`,
      `INV-${2018 + Math.floor(i / 200_000)}-${String(i).padStart(7, "0")}`,
      asOfSerial - age,
      random() < 0.3 ? [30, 60, 90][int(0, 2)] : null,
      fen / 100,
      receivedFen / 100,
      (fen - receivedFen) / 100,
      random() < 0.5 ? asOfSerial - int(0, 400) : null,
      random() < 0.9 ? COLLECTORS[int(0, COLLECTORS.length - 1)] : null,
      random() < 0.05 ? STATUSES[int(0, STATUSES.length - 1)] : null,
    ]);
  }
  return values;
}

export function generateCustomerMaster(seed = 7): unknown[][] {
  const random = prng(seed);
  const values: unknown[][] = [["客户编号", "客户名称", "信用额度", "信用期(天)", "最近评审日期", "责任人"]];
  const asOfSerial = toExcelSerial(AS_OF);
  for (let c = 1; c <= CUSTOMERS; c++) {
    values.push([`K${String(c).padStart(5, "0")}`, `客户${c}有限公司`, Math.floor(random() * 5000) * 10_000, 30, asOfSerial - Math.floor(random() * 500), null]);
  }
  return values;
}

/**
 * Writes a ledger workbook (ledger + customer master) with exceljs's streaming writer. `seed`
 * varies the rows (the group bench's branches); `customerMaster: false` leaves the master out.
 */
export async function writeLedgerWorkbook(path: string, rows: number, options: { seed?: number; customerMaster?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  const ledger = wb.addWorksheet("应收账款台账");
  const asDate = (serial: unknown): Date | null => (typeof serial === "number" ? excelSerialToUtcDate(serial) : null);
  for (const [r, row] of generateLedgerValues(rows, options.seed).entries()) {
    if (r < 2) {
      ledger.addRow(row).commit();
      continue;
    }
    const cells = [...row];
    cells[4] = asDate(cells[4]);
    cells[9] = asDate(cells[9]);
    const added = ledger.addRow(cells);
    added.getCell(5).numFmt = "yyyy-mm-dd";
    if (cells[9] !== null) added.getCell(10).numFmt = "yyyy-mm-dd";
    added.commit();
  }
  ledger.commit();
  if (options.customerMaster === false) {
    await wb.commit();
    return;
  }
  const master = wb.addWorksheet("客户档案");
  for (const [r, row] of generateCustomerMaster().entries()) {
    const cells = [...row];
    if (r > 0) cells[4] = asDate(cells[4]);
    master.addRow(cells).commit();
  }
  master.commit();
  await wb.commit();
}

function seconds(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function benchCheck(report: Report): Promise<void> {
  const values = generateLedgerValues(ROWS_1M);
  const customers = readCustomerMaster(generateCustomerMaster(), { sheet: "客户档案" });
  const check = () => auditLedger(readLedger(values, { sheet: "应收账款台账" }), { customers }, AS_OF, DEFAULT_POLICY);
  let warm: ReturnType<typeof auditLedger> | null = check();
  if (warm.reading.lines !== ROWS_1M) throw new Error(`read ${warm.reading.lines} lines, expected ${ROWS_1M}`);
  const checksum = warm.totals.all.provision;
  const findings = warm.findings.length;
  warm = null; // a result holds its reading: let it go before the clock runs

  // From the sheet's values to findings and totals: reading (index.readLedger) and checking.
  const fullTimes: number[] = [];
  for (let r = 0; r < CHECK_RUNS; r++) {
    let total = "";
    let count = 0;
    fullTimes.push(
      seconds(() => {
        const result = check();
        total = result.totals.all.provision;
        count = result.findings.length;
      }),
    );
    if (total !== checksum || count !== findings) throw new Error("runs disagree");
  }
  report("audit-check-1m-rows", median(fullTimes).toFixed(3), "s", "<= 2 s");

  // The check alone, on a reading made before the clock starts (as the task pane re-checks).
  const reading = readLedger(values, { sheet: "应收账款台账" });
  const checkTimes: number[] = [];
  for (let r = 0; r < CHECK_RUNS; r++) {
    let total = "";
    checkTimes.push(seconds(() => (total = auditLedger(reading, { customers }, AS_OF, DEFAULT_POLICY).totals.all.provision)));
    if (total !== checksum) throw new Error("runs disagree");
  }
  report("audit-check-only-1m-rows", median(checkTimes).toFixed(3), "s", "informational");
  report("audit-1m-rows-findings", String(findings), "findings", "informational");
}

/** A preload that prints the process's peak RSS (kB) on stderr at exit. */
const RSS_HOOK = "process.on('exit', () => { process.stderr.write('\\nAUDIT_BENCH_MAXRSS_KB ' + process.resourceUsage().maxRSS + '\\n'); });\n";

async function benchCli(report: Report): Promise<void> {
  const dir = join(tmpdir(), "receivables-steward-bench");
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const xlsx = join(dir, `ledger-${ROWS_CLI}.xlsx`);
  const json = join(dir, `ledger-${ROWS_CLI}.json`);
  const hook = join(dir, "maxrss-hook.cjs");
  // Generated once per bench run (the generator is deterministic, so the file is the same).
  await writeLedgerWorkbook(xlsx, ROWS_CLI);
  writeFileSync(hook, RSS_HOOK);
  const root = join(__dirname, "..");
  const times: number[] = [];
  const peaks: number[] = [];
  for (let r = 0; r < CLI_RUNS; r++) {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ["--require", hook, "--import", "tsx", join(root, "src", "cli", "audit.ts"), xlsx, "--as-of", AS_OF_TEXT, "--json", json], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, LANG: "en_US.UTF-8" },
      maxBuffer: 64 * 1024 * 1024,
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (child.status !== 0) throw new Error(`audit exited ${String(child.status)}: ${child.stderr}`);
    const m = /AUDIT_BENCH_MAXRSS_KB (\d+)/.exec(child.stderr);
    if (m === null) throw new Error("the child did not report its peak memory");
    peaks.push(Number(m[1]) / 1024);
    if (statSync(json).size === 0) throw new Error("no JSON written");
  }
  report("audit-cli-100k-xlsx", median(times).toFixed(2), "s", "<= 10 s");
  report("audit-cli-100k-peak-memory", median(peaks).toFixed(0), "MB", "<= 1024 MB");
  rmSync(json, { force: true });
}

/** A plain node script visiting every cell of an .xlsx with exceljs's streaming reader. */
const BARE_READ = `
const ExcelJS = require("exceljs");
(async () => {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[1], { sharedStrings: "cache", styles: "cache", worksheets: "emit", hyperlinks: "ignore" });
  let cells = 0;
  for await (const ws of reader) for await (const row of ws) row.eachCell({ includeEmpty: false }, () => { cells++; });
  process.stdout.write(String(cells));
})();
`;

async function benchTransactions(report: Report): Promise<void> {
  const dir = join(tmpdir(), "receivables-steward-bench");
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const xlsx = join(dir, `u8-${ROWS_CLI}.xlsx`);
  const json = join(dir, `u8-${ROWS_CLI}.json`);
  await writeU8Ledger(xlsx, ROWS_CLI);
  const root = join(__dirname, "..");
  const cli: number[] = [];
  const bare: number[] = [];
  for (let r = 0; r < CLI_RUNS; r++) {
    let start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ["--import", "tsx", join(root, "src", "cli", "audit.ts"), xlsx, "--as-of", "2011-08-31", "--json", json], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, LANG: "en_US.UTF-8" },
      maxBuffer: 64 * 1024 * 1024,
    });
    cli.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (child.status !== 0) throw new Error(`audit exited ${String(child.status)}: ${child.stderr}`);
    if (!/Control totals: what was read agrees/.test(child.stdout)) throw new Error(`the U8 ledger did not reconcile:\n${child.stdout.slice(0, 2000)}`);
    start = process.hrtime.bigint();
    const plain = spawnSync(process.execPath, ["-e", BARE_READ, xlsx], { cwd: root, encoding: "utf8" });
    bare.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (plain.status !== 0 || !(Number(plain.stdout) > ROWS_CLI)) throw new Error(`the bare read failed: ${plain.stderr}`);
  }
  report("audit-cli-100k-transactions-xlsx", median(cli).toFixed(2), "s", "<= 10 s");
  report("audit-cli-vs-bare-read", (median(cli) / median(bare)).toFixed(2), "x", "<= 1.5");
  rmSync(json, { force: true });
}

export async function run(report: Report): Promise<void> {
  await benchCheck(report);
  await benchCli(report);
  await benchTransactions(report);
}
