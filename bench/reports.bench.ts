/**
 * The report builders on a 100,000-row ledger: each of the six reports from the checked ledger
 * to its SheetSpec, in the core (no writer). Target: <= 1 s each (the budget).
 *
 * The ledger is generated deterministically (a seeded PRNG) as a sheet's values: a header row,
 * then rows with 5,000 customers over 12 departments, dates over six years, some recovery
 * probabilities and expected recoveries, statuses that make items bad or writable-off, and a
 * customer master and collection log to join. Reading and checking happen before the clock
 * starts; each timed run gets a fresh ReportInput, so the shared lookups (reports/input.ts) are
 * rebuilt every time, as they are when a report is made from the ribbon. Median of 5 runs after
 * one warm-up.
 */
import { fromYmd } from "../src/core/calendar";
import { toExcelSerial } from "../src/core/dates";
import { auditLedger } from "../src/core/ledger/check";
import { readCollectionLog, readCustomerMaster, readLedger } from "../src/core/ledger/index";
import { DEFAULT_POLICY } from "../src/core/policy";
import { REPORTS } from "../src/core/reports/index";
import type { ReportInput } from "../src/core/reports/input";
import type { Report } from "./run";
import { timeMs } from "./stats";

const ROWS = 100_000;
const CUSTOMERS = 5_000;
const RUNS = 5;
const AS_OF = fromYmd(2024, 12, 31);

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

const STATUSES = [null, null, null, "催收中", "已对账", "拒绝支付", "已破产", "客户承诺月底付款", "诉讼中"];
const TYPES = ["工程款", "货款", "保证金", "押金", "维护款"];

export function generateReportLedger(rows: number, seed = 20241231): { ledger: unknown[][]; customers: unknown[][]; log: unknown[][] } {
  const random = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const asOfSerial = toExcelSerial(AS_OF);
  const name = (k: number) => `客户${String(k).padStart(4, "0")}有限公司`;
  const ledger: unknown[][] = [["序号", "客户名称", "责任部门", "单据号", "款项性质", "发生日期", "到期日", "金额", "已收金额", "余额", "回收可能性", "预计可收回金额", "责任人", "状态", "备注"]];
  for (let i = 0; i < rows; i++) {
    const c = int(1, CUSTOMERS);
    const arisen = asOfSerial - Math.floor(6 * 365 * random() * random());
    const due = arisen + [30, 60, 90][int(0, 2)];
    const amount = int(100, 50_000_000) / 100;
    const received = random() < 0.3 ? Math.round(amount * random() * 100) / 100 : 0;
    const balance = Math.round((amount - received) * 100) / 100;
    const p = random() < 0.3 ? int(0, 100) / 100 : null;
    const recovery = random() < 0.05 ? Math.round(balance * random() * 100) / 100 : null;
    ledger.push([i + 1, name(c), `第${(c % 12) + 1}项目部`, `INV-${i}`, TYPES[c % TYPES.length], arisen, due, amount, received, balance, p, recovery, `催收员${c % 40}`, STATUSES[int(0, STATUSES.length - 1)], null]);
  }
  const customers: unknown[][] = [["客户名称", "信用额度", "信用期", "责任部门", "责任人"]];
  for (let c = 1; c <= CUSTOMERS; c += 2) customers.push([name(c), 1_000_000, 30, `第${(c % 12) + 1}项目部`, `催收员${c % 40}`]);
  const log: unknown[][] = [["催收日期", "客户名称", "催收方式", "承诺付款金额", "承诺付款日期", "收回金额"]];
  for (let k = 0; k < 10_000; k++) {
    const d = asOfSerial - int(0, 400);
    log.push([d, name(int(1, CUSTOMERS)), "电话", random() < 0.5 ? int(1000, 100000) : null, random() < 0.5 ? d + int(-30, 60) : null, random() < 0.2 ? int(100, 5000) : null]);
  }
  return { ledger, customers, log };
}

export async function run(report: Report): Promise<void> {
  const { ledger, customers, log } = generateReportLedger(ROWS);
  const reading = readLedger(ledger, { sheet: "台账" });
  const companions = { customers: readCustomerMaster(customers, { sheet: "客户档案" }), collections: readCollectionLog(log, { sheet: "催收记录" }) };
  const audit = auditLedger(reading, companions, AS_OF, DEFAULT_POLICY);
  const input: ReportInput = { reading, audit, companions, policy: DEFAULT_POLICY, asOf: AS_OF };
  for (const def of REPORTS) {
    const ms = timeMs(() => def.build({ ...input }, "zh-CN"), RUNS);
    report(`reports-100k-rows-${def.id}`, ms.toFixed(1), "ms", "<= 1000 ms");
  }
}
