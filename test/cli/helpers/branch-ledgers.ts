/**
 * Branch ledgers for the group run's tests: small workbooks (and one CSV) of a plain zh layout,
 * generated from a seed, with what a group run must carry through exactly — the largest amount
 * the product allows (9,999,999,999,999.99), customers whose names hold quotes, commas, line
 * breaks or look like formulas, a customer that is another branch (intercompany) — and the bad
 * workbooks a group always has: a damaged file, a workbook with no ledger sheet, an empty file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { isoOfSerial } from "../../helpers/serial-dates";

export const LEDGER_HEADER = ["序号", "客户名称", "发票号", "开票日期", "信用期(天)", "应收金额", "已收金额", "应收余额", "最近对账日", "责任人"];

/** mulberry32. */
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

const CUSTOMERS = ["遂宁市城市建设投资有限公司", "成都千嘉科技有限公司", "四川华西建设集团有限公司", "射洪县交通运输局", 'He said "pay", later', "逗号,分号;公司", "换行\n公司", "=HYPERLINK(\"http://x\")", "\\N"];

export interface BranchSpec {
  /** File name, e.g. "遂宁分公司.xlsx" (the entity is the name without extension). */
  file: string;
  rows: number;
  seed: number;
  /** Extra rows: [customer, amount] with amounts as numbers, dated 2010-06-30, nothing received. */
  extra?: [string, number][];
}

const AS_OF_SERIAL = 40786; // 2011-08-31

/** The ledger's cell values (header first), as a sheet holds them: serial dates, numbers for money. */
export function branchValues(spec: BranchSpec): unknown[][] {
  const random = prng(spec.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const values: unknown[][] = [LEDGER_HEADER];
  for (let i = 0; i < spec.rows; i++) {
    const fen = int(1, 500_000_000);
    const received = random() < 0.3 ? Math.floor(fen * random()) : 0;
    values.push([
      i + 1,
      CUSTOMERS[int(0, CUSTOMERS.length - 1)],
      `FP-${spec.seed}-${String(i).padStart(4, "0")}`,
      AS_OF_SERIAL - Math.floor(5 * 365 * random() * random()),
      random() < 0.5 ? 30 : 90,
      fen / 100,
      received / 100,
      (fen - received) / 100,
      random() < 0.5 ? AS_OF_SERIAL - int(0, 300) : "",
      random() < 0.8 ? "张伟" : "",
    ]);
  }
  for (const [k, [customer, amount]] of (spec.extra ?? []).entries()) {
    values.push([spec.rows + k + 1, customer, `FP-${spec.seed}-X${k}`, 40359, 30, amount, 0, amount, "", "李明"]);
  }
  return values;
}

export async function writeBranchXlsx(path: string, spec: BranchSpec): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("应收账款台账");
  for (const row of branchValues(spec)) ws.addRow(row);
  await wb.xlsx.writeFile(path);
}

/** The same ledger as CSV text (dates ISO). */
export function writeBranchCsv(path: string, spec: BranchSpec): void {
  const iso = (v: unknown): unknown => (typeof v === "number" ? isoOfSerial(v) : v);
  const quote = (v: unknown): string => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = branchValues(spec).map((row, r) => (r === 0 ? row : row.map((v, c) => (c === 3 || c === 8 ? iso(v) : v))).map(quote).join(","));
  writeFileSync(path, `${lines.join("\n")}\n`);
}

export interface GroupFolder {
  /** The branches that must be checked, by file name. */
  good: string[];
  /** The bad ones, by file name, with a pattern their reason must match. */
  bad: [string, RegExp][];
}

/** The limit amount: the largest |amount| the product takes, 15 significant digits. */
export const LIMIT_AMOUNT = 9999999999999.99;

/**
 * Writes a folder of branch ledgers: four good branches (three .xlsx, one .csv), one holding the
 * limit amount and two of them owing each other (intercompany), and three bad ones.
 */
export async function writeGroupFolder(dir: string): Promise<GroupFolder> {
  await writeBranchXlsx(join(dir, "遂宁分公司.xlsx"), { file: "遂宁分公司.xlsx", rows: 40, seed: 1, extra: [["绵阳分公司", 120000.5], ["限额客户", LIMIT_AMOUNT]] });
  await writeBranchXlsx(join(dir, "绵阳分公司.xlsx"), { file: "绵阳分公司.xlsx", rows: 25, seed: 2, extra: [[" 遂宁分公司 ", 3000.25]] });
  await writeBranchXlsx(join(dir, "巴中分公司.xlsx"), { file: "巴中分公司.xlsx", rows: 30, seed: 3 });
  writeBranchCsv(join(dir, "阿坝分公司.csv"), { file: "阿坝分公司.csv", rows: 20, seed: 4 });

  // Damaged: a good workbook cut off halfway.
  await writeBranchXlsx(join(dir, "damaged.xlsx"), { file: "damaged.xlsx", rows: 30, seed: 5 });
  const bytes = readFileSync(join(dir, "damaged.xlsx"));
  writeFileSync(join(dir, "damaged.xlsx"), bytes.subarray(0, Math.floor(bytes.length / 2)));
  // No ledger sheet: a note and a customer master, sent instead of the ledger.
  const notes = new ExcelJS.Workbook();
  notes.addWorksheet("说明").addRow(["本工作簿只有说明文字和客户档案，没有台账。"]);
  const master = notes.addWorksheet("客户档案");
  master.addRow(["客户编号", "客户名称", "信用额度", "信用期(天)", "最近评审日期", "责任人"]);
  master.addRow(["K00001", "遂宁市城市建设投资有限公司", 800000, 30, new Date(Date.UTC(2011, 5, 30)), "张伟"]);
  await notes.xlsx.writeFile(join(dir, "no-ledger.xlsx"));
  // An empty file.
  writeFileSync(join(dir, "empty.csv"), "");
  return {
    good: ["巴中分公司.xlsx", "绵阳分公司.xlsx", "遂宁分公司.xlsx", "阿坝分公司.csv"],
    bad: [
      ["damaged.xlsx", /damaged/],
      ["no-ledger.xlsx", /No sheet reads as a receivables ledger\. Sheets: 说明: no header; 客户档案: customer master/],
      ["empty.csv", /is empty, not a spreadsheet/],
    ],
  };
}
