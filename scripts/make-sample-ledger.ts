/**
 * Generates assets/sample-ledger.xlsx: a realistic receivables workbook to try the audit on
 * (`npm run audit -- assets/sample-ledger.xlsx --as-of 2011-08-31`), deterministically — the
 * same bytes on every run (fixed document dates and fixed zip entry times).
 *
 * Sheets:
 * - 应收账款台账: a title, a units line (单位：元), Chinese headers, three units' items — two
 *   project departments of a construction company (seed 004) and the telecom branch's long-aged
 *   items from plan 000 (遂宁分公司, amounts written as the plan writes them: "91.66万"), with
 *   subtotal lines, a blank line, a grand total, mixed date spellings (Excel dates, 2011年3月15日,
 *   2011/7/20, 2011.05.20, 20110415) and a few deliberate mistakes, each noted in MISTAKES below;
 * - 客户档案: the customer master (grade, credit limit, credit days, last review, collector);
 * - 应收票据登记簿: the bills register;
 * - 催收记录: the collection log (收款情况报告表).
 *
 * Usage: npx tsx scripts/make-sample-ledger.ts [out.xlsx]
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";

/** What the sample gets wrong on purpose (sheet row → the mistake), for the README and the tests. */
export const MISTAKES: Record<number, string> = {
  5: "账龄栏写“逾期”，按截止日已属呆滞 (class-mismatch)",
  7: "与第 6 行同一客户同一单据号 JS-2010-112 (duplicate-document)；客户合计超过信用额度 (credit-limit-exceeded)",
  9: "发生日期 2011.13.05 不存在 (bad-date)",
  11: "余额 80,000 ≠ 156,000 − 100,000 (balance-mismatch)",
  12: "到期日早于发生日期 (due-before-date)",
  13: "已收 35,000 超过金额 30,000 (received-exceeds-amount)",
  14: "余额为负：预收工程款 (overpayment)",
  15: "缺少客户名称 (missing-field)",
  16: "金额写成 12,34.50 (bad-amount)",
  17: "小计按 1,234.50 计入第 16 行的金额，读到的明细少这一笔 (control-total-mismatch)",
};

const FIXED_TIME = new Date(Date.UTC(2011, 8, 8, 9, 0, 0)); // 2011-09-08, the date of plan 000

function d(y: number, m: number, day: number): Date {
  return new Date(Date.UTC(y, m - 1, day));
}

type Cell = string | number | Date | null;

const LEDGER_HEADER = [
  "序号",
  "责任部门",
  "客户名称",
  "客户编号",
  "项目名称",
  "单据号",
  "发生日期",
  "信用期(天)",
  "到期日",
  "金额",
  "已收金额",
  "余额",
  "账龄",
  "回收可能性",
  "预计可收回金额",
  "最近对账日",
  "责任人",
  "状态",
  "备注",
];

// Rows from sheet row 4 on; null = a blank cell. Money in 元 unless the text says 万.
const LEDGER_ROWS: (Cell[] | "blank")[] = [
  // 第一项目部
  [1, "第一项目部", "遂宁市城市建设投资有限公司", "C001", "滨江北路管网工程", "JS-2011-031", d(2011, 6, 30), 60, null, 1286500, 500000, 786500, "1年以内", 0.95, null, d(2011, 6, 30), "李明", "正常", "进度款"],
  [2, "第一项目部", "遂宁市城市建设投资有限公司", "C001", "滨江北路管网工程", "JS-2011-018", "2011年3月15日", 60, null, 860000, 600000, 260000, "逾期", 0.85, null, d(2011, 6, 30), "李明", "催收中", null],
  [3, "第一项目部", "四川华西建设集团有限公司", "C002", "船山区道路改造工程", "JS-2010-112", d(2010, 11, 20), 90, null, 2450000, 2000000, 450000, "1年以内", 0.8, null, d(2011, 5, 31), "李明", "催收中", null],
  [4, "第一项目部", "四川华西建设集团有限公司", "C002", "船山区道路改造工程", "JS-2010-112", d(2010, 11, 20), 90, null, 450000, null, 450000, "1年以内", 0.8, null, d(2011, 5, 31), "李明", "催收中", "质保金"],
  [5, "第一项目部", "遂宁市河东新区管理委员会", "C003", "河东新区安置房配套工程", "JS-2011-045", "2011/7/20", null, null, 1580000, 0, 1580000, "1年以内", null, null, null, "张伟", null, null],
  [6, "第一项目部", "遂宁市河东新区管理委员会", "C003", "河东新区安置房配套工程", "JS-2011-046", "2011.13.05", null, null, 320000, 0, 320000, null, null, null, null, "张伟", null, "变更签证"],
  // 第二项目部
  [7, "第二项目部", "射洪县交通运输局", "C004", "射洪县农村公路通信管道", "JS-2009-077", d(2009, 5, 12), 30, null, 680000, 400000, 280000, "2-3年", 0.4, null, d(2010, 10, 15), null, "催收中", "多次催收未果，已发律师函"],
  [8, "第二项目部", "蓬溪县人民医院", "C005", "医院综合布线工程", "JS-2011-052", 20110415, 30, null, 156000, 100000, 80000, "1年以内", 0.9, null, d(2011, 6, 30), "张伟", null, null],
  [9, "第二项目部", "蓬溪县人民医院", "C005", "医院综合布线工程", "JS-2011-060", "2011.05.20", 30, "2011-04-10", 45000, 0, 45000, "1年以内", 0.9, null, d(2011, 6, 30), "张伟", null, null],
  [10, "第二项目部", "大英县天然气公司", "C006", "场站监控系统", "JS-2011-066", d(2011, 6, 5), 30, null, 30000, 35000, -5000, "1年以内", null, null, d(2011, 7, 31), "张伟", null, "对方多付"],
  [11, "第二项目部", "遂宁市第一中学", "C007", "校园网改造", "YS-2011-003", d(2011, 7, 1), null, null, null, null, -8000, null, null, null, d(2011, 7, 31), "张伟", "预收工程款", null],
  [12, "第二项目部", null, null, "零星维修", "JS-2011-071", d(2011, 7, 15), 30, null, 12600, 0, 12600, "1年以内", null, null, null, "张伟", null, null],
  [13, "第二项目部", "安居区政务服务中心", "C008", "政务网络设备安装", "JS-2011-074", d(2011, 8, 10), 30, null, "12,34.50", null, null, "1年以内", null, null, null, "张伟", null, null],
  [null, "第二项目部小计", null, null, null, null, null, null, null, 924834.5, 535000, 405834.5, null, null, null, null, null, null, null],
  "blank",
  // 遂宁分公司: plan 000's long-aged items (四川省通信产业服务有限公司遂宁市分公司, 2011-09-08)
  [14, "遂宁分公司", "成都军通通信有限公司", "T001", "凉山及雅安村通线路工程（分包）", "JT-2007-01", d(2007, 12, 31), null, null, "91.66万", null, "91.66万", "3年以上", null, "15万", null, "王志强", "竣工审计中", "工作量与合同差异较大，预计回收15万元，其余已计提坏账准备"],
  // Plan 000 (2): 28.14万 booked; 5万 of material price deducted by agreement (协商扣减: the amount
  // is reduced, nothing is refused), the 23.14万 left paid in full in March 2011: settled, nothing open.
  [15, "遂宁分公司", "遂宁市华亿网络工程有限公司", "T002", "遂宁城区电子警察系统工程", "HY-2008-03", "2008年6月30日", null, null, "23.14万", "23.14万", 0, "3年以上", null, null, d(2011, 3, 31), "王志强", "已结清", "原挂账28.14万元，经协商扣减工程材料价款5万元，2011年3月已按23.14万元全部付清"],
  [16, "遂宁分公司", "成都千嘉科技有限公司", "T003", "电话线产品销售", "QJ-2009-11", "2009/9/30", null, null, "1.59万", null, "1.59万", "1-2年", null, null, null, "赵丽", "对方拒绝支付", "质量问题，回收成本高于账面，已全额计提"],
  [17, "遂宁分公司", "中国联通遂宁分公司", "T004", "工程押金", "LT-2009-YJ", d(2009, 3, 1), null, d(2012, 12, 31), "5万", null, "5万", "2-3年", null, null, d(2011, 6, 30), "赵丽", "押金未清退", "仍承接联通工程"],
  [18, "遂宁分公司", "遂宁市大英县执法局", "T005", "管道路政设施修复押金", "DY-2010-YJ", d(2010, 4, 15), null, d(2012, 12, 31), "3万", null, "3万", "1-2年", null, null, d(2011, 6, 30), "赵丽", "押金未清退", "仍在大英县城区施工"],
  [19, "遂宁分公司", "中国电信股份有限公司阿坝分公司", "T006", "阿坝2009年通信工程余款", "AB-2009-07", d(2009, 10, 31), 90, null, "83万", "69万", "14万", "1-2年", 0.9, null, d(2011, 8, 15), "王志强", "竣工审计已完成", "6、7、8月已收回69万元"],
  [20, "遂宁分公司", "四川省电信有限公司巴中市分公司", "T007", "巴中通信工程款", "BZ-2010-02", d(2010, 6, 30), 90, null, "5万", "5万", 0, "1-2年", null, null, d(2011, 7, 31), "王志强", "已全部收回", "2011年7月收回"],
  [21, "遂宁分公司", "中国电信集团公司遂宁网络资产分公司", "T008", "2009年C网基站维护款", "SN-2009-C", "2009-12-31", null, null, "1.32万", null, "1.32万", "1-2年", 0.1, null, null, null, "被考核扣款", "涉及关联方，协商账务处理方式"],
  [null, "遂宁分公司小计", null, null, null, null, null, null, null, "2,137,100.00", "971,400.00", "1,165,700.00", null, null, null, null, null, null, null],
  "blank",
  [null, "合计", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
];

const MASTER_HEADER = ["客户编号", "客户名称", "信用等级", "信用额度(元)", "信用期(天)", "最近评审日期", "责任部门", "责任人", "联系人", "联系电话", "状态"];
const MASTER_ROWS: Cell[][] = [
  ["C001", "遂宁市城市建设投资有限公司", "AA", 3000000, 60, d(2011, 3, 31), "第一项目部", "李明", "陈建国", "0825-2221001", "正常"],
  ["C002", "四川华西建设集团有限公司", "A", 800000, 90, d(2010, 12, 20), "第一项目部", "李明", "周红", "028-86661002", "正常"],
  ["C003", "遂宁市河东新区管理委员会", "AA", 2500000, 90, d(2011, 1, 10), "第一项目部", "张伟", "黄涛", "0825-2221003", "正常"],
  ["C004", "射洪县交通运输局", "B", 500000, 30, d(2009, 6, 30), "第二项目部", null, "吴斌", "0825-6621004", "欠款较多"],
  ["C005", "蓬溪县人民医院", "A", 300000, 30, d(2010, 11, 30), "第二项目部", "张伟", "郑琳", "0825-5421005", "正常"],
  ["C006", "大英县天然气公司", "A", 200000, 30, d(2011, 2, 28), "第二项目部", "张伟", "孙强", "0825-7821006", "正常"],
  ["C007", "遂宁市第一中学", "A", 200000, 30, d(2011, 2, 28), "第二项目部", "张伟", "冯敏", "0825-2221007", "正常"],
  ["C008", "安居区政务服务中心", "A", 200000, 30, null, "第二项目部", "张伟", "何静", "0825-8621008", "新客户"],
  ["T001", "成都军通通信有限公司", "C", null, 30, d(2008, 12, 31), "市场部", "王志强", "刘军", "028-85551011", "竣工审计中"],
  ["T002", "遂宁市华亿网络工程有限公司", "B", 300000, 30, d(2010, 12, 31), "市场部", "王志强", "杨华", "0825-2221012", "正常"],
  ["T003", "成都千嘉科技有限公司", "C", 50000, 30, d(2009, 12, 31), "市场部", "赵丽", "林嘉", "028-84441013", "拒付"],
  ["T004", "中国联通遂宁分公司", "AAA", 500000, 30, d(2011, 3, 1), "综合部", "赵丽", "唐亮", "0825-2221014", "正常"],
  ["T005", "遂宁市大英县执法局", "AA", 100000, 30, d(2011, 3, 1), "综合部", "赵丽", "许刚", "0825-7821015", "正常"],
  ["T006", "中国电信股份有限公司阿坝分公司", "AAA", 2000000, 90, d(2011, 4, 30), "市场部", "王志强", "马骏", "0837-2821016", "正常"],
  ["T007", "四川省电信有限公司巴中市分公司", "AAA", 500000, 90, d(2011, 4, 30), "市场部", "王志强", "罗平", "0827-5221017", "正常"],
  ["T008", "中国电信集团公司遂宁网络资产分公司", "AAA", 100000, 30, d(2011, 5, 31), "财务部", null, "曾勇", "0825-2221018", "关联方"],
];

const BILLS_HEADER = ["票据号码", "票据种类", "出票人", "承兑人", "出票日期", "到期日", "票面金额", "收票日期", "托收日期", "保管人", "状态", "备注"];
const BILLS_ROWS: Cell[][] = [
  ["31300051-20110215", "银行承兑汇票", "遂宁市城市建设投资有限公司", "中国工商银行遂宁分行", d(2011, 2, 15), d(2011, 8, 15), 300000, d(2011, 2, 20), d(2011, 8, 15), "刘芳", "已托收", null],
  ["31300052-20110301", "银行承兑汇票", "四川华西建设集团有限公司", "中国建设银行成都分行", d(2011, 3, 1), d(2011, 7, 31), 200000, d(2011, 3, 5), null, "刘芳", "在库", null],
  ["00100061-20110510", "商业承兑汇票", "遂宁市河东新区管理委员会", "遂宁市河东新区管理委员会", d(2011, 5, 10), d(2011, 11, 10), 500000, d(2011, 5, 12), null, "刘芳", "在库", null],
  ["31300053-20110120", "银行承兑汇票", "蓬溪县人民医院", "中国农业银行蓬溪支行", d(2011, 1, 20), d(2011, 7, 20), 100000, d(2011, 1, 25), null, "刘芳", "已贴现", "经总经理批准贴现"],
];

const LOG_HEADER = ["催收日期", "客户名称", "单据号", "催收人", "催收方式", "欠款金额", "承诺付款金额", "承诺付款日期", "书面承诺", "收回金额", "催收结果", "备注"];
const LOG_ROWS: Cell[][] = [
  [d(2011, 6, 15), "射洪县交通运输局", "JS-2009-077", "张伟", "发律师函", 280000, null, null, "否", null, "对方未回复", null],
  [d(2011, 7, 20), "四川华西建设集团有限公司", "JS-2010-112", "李明", "上门催收", 450000, 200000, d(2011, 9, 30), "是", null, "同意9月底前付20万元", null],
  [d(2011, 8, 5), "成都军通通信有限公司", "JT-2007-01", "王志强", "电话", 916600, null, null, null, null, "对方称竣工审计未完成", "计划10月初上门协商"],
  [d(2011, 8, 10), "中国电信股份有限公司阿坝分公司", "AB-2009-07", "王志强", "上门催收", 340000, null, null, null, 200000, "收回20万元", null],
  [d(2011, 8, 20), "蓬溪县人民医院", "JS-2011-052", "张伟", "电话", 56000, 56000, d(2011, 9, 15), "是", null, "承诺9月中旬付清", null],
  [d(2011, 8, 25), "四川华西建设集团有限公司", "JS-2010-112", "李明", "信函", 450000, null, d(2011, 9, 30), null, null, "重申9月底付款", null],
];

const MONEY_FORMAT = "#,##0.00";
const DATE_FORMAT = "yyyy-mm-dd";

/** Adds data rows; money columns get a #,##0.00 format and date columns yyyy-mm-dd where the value is one. */
function addBody(ws: ExcelJS.Worksheet, rows: readonly (Cell[] | "blank")[], moneyColumns: number[], dateColumns: number[]): void {
  for (const data of rows) {
    const added = ws.addRow(data === "blank" ? [] : data);
    if (data === "blank") continue;
    for (const c of moneyColumns) if (typeof data[c - 1] === "number") added.getCell(c).numFmt = MONEY_FORMAT;
    for (const c of dateColumns) if (data[c - 1] instanceof Date) added.getCell(c).numFmt = DATE_FORMAT;
  }
}

function headerRow(ws: ExcelJS.Worksheet, r: number): void {
  const row = ws.getRow(r);
  row.font = { bold: true };
  row.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
}

export function buildWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Receivables Steward sample";
  wb.lastModifiedBy = "Receivables Steward sample";
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;

  const ledger = wb.addWorksheet("应收账款台账", { views: [{ state: "frozen", ySplit: 3 }] });
  ledger.addRow(["四川省通信产业服务有限公司 应收账款台账"]);
  ledger.mergeCells(1, 1, 1, LEDGER_HEADER.length);
  ledger.getCell(1, 1).font = { bold: true, size: 14 };
  ledger.getCell(1, 1).alignment = { horizontal: "center" };
  ledger.addRow(["编制单位：财务部　　截止日期：2011年8月31日　　单位：元"]);
  ledger.mergeCells(2, 1, 2, LEDGER_HEADER.length);
  ledger.addRow(LEDGER_HEADER);
  headerRow(ledger, 3);
  addBody(ledger, LEDGER_ROWS, [10, 11, 12, 15], [7, 9, 16]);
  const widths = [6, 14, 32, 9, 28, 13, 12, 9, 12, 15, 15, 15, 9, 9, 13, 12, 9, 22, 36];
  widths.forEach((w, i) => (ledger.getColumn(i + 1).width = w));

  const master = wb.addWorksheet("客户档案");
  master.addRow(MASTER_HEADER);
  headerRow(master, 1);
  addBody(master, MASTER_ROWS, [4], [6]);
  [9, 34, 9, 15, 10, 13, 12, 9, 9, 15, 12].forEach((w, i) => (master.getColumn(i + 1).width = w));

  const bills = wb.addWorksheet("应收票据登记簿");
  bills.addRow(["应收票据登记簿"]);
  bills.mergeCells(1, 1, 1, BILLS_HEADER.length);
  bills.getCell(1, 1).font = { bold: true, size: 14 };
  bills.addRow(BILLS_HEADER);
  headerRow(bills, 2);
  addBody(bills, BILLS_ROWS, [7], [5, 6, 8, 9]);
  [20, 14, 30, 24, 12, 12, 14, 12, 12, 8, 10, 18].forEach((w, i) => (bills.getColumn(i + 1).width = w));

  const log = wb.addWorksheet("催收记录");
  log.addRow(["收款情况报告表（催收记录）"]);
  log.mergeCells(1, 1, 1, LOG_HEADER.length);
  log.getCell(1, 1).font = { bold: true, size: 14 };
  log.addRow(LOG_HEADER);
  headerRow(log, 2);
  addBody(log, LOG_ROWS, [6, 7, 10], [1, 8]);
  [12, 32, 13, 9, 11, 13, 13, 13, 9, 13, 22, 20].forEach((w, i) => (log.getColumn(i + 1).width = w));
  return wb;
}

/** MS-DOS time and date of FIXED_TIME (local fields as written, no time zone). */
function dosTimeDate(t: Date): [number, number] {
  const time = (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | (t.getUTCSeconds() >> 1);
  const date = ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate();
  return [time, date];
}

/**
 * Sets every zip entry's modification time to FIXED_TIME (the zip writer stamps the current
 * time), walking the central directory from the end-of-central-directory record, so the file
 * is byte-for-byte the same on every run.
 */
export function fixZipTimes(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  const [time, date] = dosTimeDate(FIXED_TIME);
  let eocd = -1;
  for (let p = out.length - 22; p >= Math.max(0, out.length - 22 - 65535); p--) {
    if (out.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip: no end of central directory");
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory entry");
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(date, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error("bad local file header");
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

async function main(): Promise<void> {
  const target = process.argv[2] ?? join(__dirname, "..", "assets", "sample-ledger.xlsx");
  const buffer = Buffer.from(await buildWorkbook().xlsx.writeBuffer());
  writeFileSync(target, fixZipTimes(buffer));
  process.stdout.write(`wrote ${target}\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
