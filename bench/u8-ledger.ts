/**
 * A U8-style 客户往来明细账 for the benches (issue 13): per customer, 上年结转, then each month's
 * invoices and receipts with 凭证字号 numbered per month (so vouchers repeat), a 本月合计 line
 * and a 本年累计 line in 摘要, and a running 余额 beside 借/贷/平 that agrees with every line.
 * Deterministic (a seeded PRNG), so every run reads the same file.
 */
import ExcelJS from "exceljs";

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

export const U8_HEADER = ["日期", "凭证字号", "客户名称", "摘要", "借方", "贷方", "方向", "余额"];

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * About `lines` lines of a year (2011) of a customer ledger, in customer blocks. Yields rows of
 * cell values: a title, the header, then the lines (dates as JS Dates, money as yuan numbers).
 */
export function* u8LedgerRows(lines: number, seed = 2011): Generator<unknown[]> {
  const random = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  yield ["客户往来明细账（基准测试）  2011年1月至12月  单位：元"];
  yield U8_HEADER;
  const voucher = new Array<number>(13).fill(0);
  let written = 0;
  for (let c = 1; written < lines; c++) {
    const name = `客户${c}有限公司`;
    let balance = int(0, 5) === 0 ? 0 : int(1, 20_000_000); // fen
    const side = (b: number) => (b > 0 ? "借" : b < 0 ? "贷" : "平");
    yield [utc(2011, 1, 1), null, name, "上年结转", null, null, side(balance), Math.abs(balance) / 100];
    written++;
    let yearDebit = 0;
    let yearCredit = 0;
    for (let m = 1; m <= 12 && written < lines; m++) {
      let debit = 0;
      let credit = 0;
      const count = int(2, 4);
      for (let k = 0; k < count; k++) {
        const day = Math.min(28, 1 + k * 7 + int(0, 6));
        voucher[m] += 1;
        const v = `记-${String(voucher[m]).padStart(4, "0")}`;
        if (random() < 0.6 || balance <= 0) {
          const amount = int(100, 10_000_000);
          debit += amount;
          balance += amount;
          yield [utc(2011, m, day), v, name, "销售商品", amount / 100, null, side(balance), Math.abs(balance) / 100];
        } else {
          const amount = int(1, balance);
          credit += amount;
          balance -= amount;
          yield [utc(2011, m, day), v, name, "收到货款", null, amount / 100, side(balance), Math.abs(balance) / 100];
        }
        written++;
      }
      yearDebit += debit;
      yearCredit += credit;
      const monthEnd = new Date(Date.UTC(2011, m, 0));
      yield [monthEnd, null, name, "本月合计", debit / 100, credit / 100, side(balance), Math.abs(balance) / 100];
      yield [monthEnd, null, name, "本年累计", yearDebit / 100, yearCredit / 100, side(balance), Math.abs(balance) / 100];
      written += 2;
    }
  }
}

/** Writes the ledger with exceljs's streaming writer. */
export async function writeU8Ledger(path: string, lines: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet("客户往来明细账");
  for (const row of u8LedgerRows(lines)) {
    const added = ws.addRow(row);
    if (row[0] instanceof Date) added.getCell(1).numFmt = "yyyy-mm-dd";
    added.commit();
  }
  ws.commit();
  await wb.commit();
}
