/**
 * The core's hot path on a full worksheet: 1,048,576 rows (Excel's row limit) of a realistic
 * ledger through batch.runBatch — aging class, report and provision bands, provision, totals.
 *
 * Rows are generated deterministically (a seeded PRNG), as Excel hands them over: dates as
 * serial numbers, amounts as doubles with two decimals. Timed: runBatch alone (the columns
 * exist before the clock starts, as they do after a range read), median of 7 runs after one
 * warm-up. Memory: the process's peak resident set size from process.resourceUsage().maxRSS
 * (the kernel's high-water mark, so it includes the generated input, every run's output and
 * the Node runtime itself — a conservative figure).
 */
import { type BatchColumns, runBatch } from "../src/core/batch";
import { fromYmd } from "../src/core/calendar";
import { toExcelSerial } from "../src/core/dates";
import { DEFAULT_POLICY } from "../src/core/policy/defaults";
import type { Report } from "./run";

const ROWS = 1_048_576;
const RUNS = 7;
const AS_OF = fromYmd(2024, 12, 31);

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same ledger every time. */
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

const STATUSES = ["正常", "催收中", "已对账", "拒绝支付", "未破产", "已破产", "经营恶化", "客户承诺月底付款"];

export function generateLedger(rows: number, seed = 20240601): BatchColumns {
  const random = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const asOfSerial = toExcelSerial(AS_OF);
  const dateArisen = new Float64Array(rows);
  const dueDate = new Float64Array(rows);
  const creditDays = new Float64Array(rows);
  const balance: number[] = new Array<number>(rows);
  const expectedRecovery: (number | null)[] = new Array<number | null>(rows);
  const statusText: (string | null)[] = new Array<string | null>(rows);
  for (let i = 0; i < rows; i++) {
    // Dates over 6 years up to the as-of date, skewed to recent ones as a live ledger is: the age
    // is 6 years × the product of two uniforms, whose median is 0.187, so half are under ~1.1 years.
    const age = Math.floor(6 * 365 * random() * random());
    const arisen = asOfSerial - age;
    dateArisen[i] = arisen;
    const p = random();
    dueDate[i] = p < 0.3 ? arisen + int(15, 180) : NaN; // 30% carry their own due date
    creditDays[i] = p >= 0.3 && p < 0.6 ? [30, 60, 90, 180][int(0, 3)] : NaN; // else the policy's 30 days
    const kind = random();
    let fen: number;
    if (kind < 0.7) fen = int(1, 10_000_000); // up to 10^5 yuan, two decimals
    else if (kind < 0.9) fen = int(1, 1_000_000_000); // up to 10^7 yuan
    else if (kind < 0.98) fen = int(1, 10_000) * 100 * 100; // 万-scale: 90.96万 = 909,600.00
    else fen = -int(1, 50_000_000); // advances received
    balance[i] = fen / 100;
    expectedRecovery[i] = random() < 0.01 && fen > 0 ? Math.floor(fen * random()) / 100 : null;
    statusText[i] = random() < 0.05 ? STATUSES[int(0, STATUSES.length - 1)] : null;
  }
  return { dateArisen, dueDate, creditDays, balance, expectedRecovery, statusText };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function run(report: Report): Promise<void> {
  const columns = generateLedger(ROWS);
  const warm = runBatch(columns, AS_OF, DEFAULT_POLICY);
  if (warm.errorCount !== 0) throw new Error(`the generated ledger has ${warm.errorCount} bad rows`);

  const seconds: number[] = [];
  let checksum = "";
  for (let r = 0; r < RUNS; r++) {
    const start = process.hrtime.bigint();
    const result = runBatch(columns, AS_OF, DEFAULT_POLICY);
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
    // Every run must give the same exact totals (and using the result keeps the work honest).
    if (checksum === "") checksum = result.totals.all.provision;
    else if (result.totals.all.provision !== checksum) throw new Error("runs disagree");
  }
  const s = median(seconds);
  report("core-1m-rows", s.toFixed(3), "s", "<= 1 s");
  report("core-1m-rows-per-second", String(Math.round(ROWS / s)), "rows/s", ">= 1048576 rows/s");
  // resourceUsage().maxRSS is in kilobytes on Linux and macOS.
  report("core-1m-peak-memory", (process.resourceUsage().maxRSS / 1024).toFixed(1), "MB", "<= 500 MB");
}
