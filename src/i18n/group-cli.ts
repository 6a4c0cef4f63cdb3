/**
 * What the group run (`npm run audit -- <folder>`, src/cli/group) says and writes, in zh-CN and
 * en-US: the report workbook's sheets (GROUP_REPORT) and the lines on stdout and stderr
 * (GROUP_CLI). Each entry takes its figures already formatted, and the raw count where English
 * needs a plural.
 */
import { bi, type Bilingual } from "./bilingual";

function s(n: number): string {
  return n === 1 ? "" : "s";
}

/** The group report workbook: sheet names, titles, headers, notes. */
export const GROUP_REPORT = {
  meta: (asOf: string, workbooks: number, checked: number, failed: number): Bilingual =>
    bi(
      `截止 ${asOf}；${workbooks} 个工作簿，已检查 ${checked} 个${failed === 0 ? "" : `，${failed} 个无法使用（见“分支机构”表）`}。`,
      `As of ${asOf}; ${workbooks} workbooks, ${checked} checked${failed === 0 ? "" : `, ${failed} could not be used (see the Branches sheet)`}.`,
    ),
  branchesSheet: bi("分支机构", "Branches"),
  branchesTitle: bi("集团应收账款检查：分支机构", "Group receivables audit: branches"),
  branch: bi("分支机构", "Branch"),
  file: bi("文件", "File"),
  ledgerSheet: bi("台账工作表", "Ledger sheet"),
  status: bi("状态", "Status"),
  openItems: bi("未清笔数", "Open items"),
  balance: bi("余额", "Balance"),
  provision: bi("坏账准备", "Provision"),
  errors: bi("错误", "Errors"),
  warnings: bi("警告", "Warnings"),
  reason: bi("原因", "Reason"),
  checked: bi("已检查", "checked"),
  failed: bi("无法使用", "failed"),
  totalChecked: bi("合计（已检查）", "Total (checked)"),

  agingSheet: bi("集团账龄", "Group aging"),
  agingTitle: bi("集团账龄分析：分支机构 × 分类 × 账龄", "Group aging: branch × class × band"),
  class: bi("分类", "Class"),
  band: bi("账龄", "Band"),
  items: bi("笔数", "Items"),
  subtotal: (entity: string): Bilingual => bi(`${entity} 小计`, `${entity} subtotal`),
  groupTotal: bi("集团合计", "Group total"),

  provisionTitle: bi("各分支机构坏账准备", "Provision by branch"),
  provisionRate: bi("计提比例", "Provision rate"),
  longAgedBalance: bi("超过一年余额", "Long-aged balance"),
  badBalance: bi("呆账余额", "Bad-debt balance"),
  badProvision: bi("呆账坏账准备", "Bad-debt provision"),

  longAgedSheet: bi("长账龄客户", "Long-aged customers"),
  longAgedTitle: bi("集团长账龄客户（超过一年，按余额排序）", "The group's long-aged customers (over one year, largest first)"),
  rank: bi("名次", "Rank"),
  customer: bi("客户", "Customer"),
  counterpartBranches: bi("涉及分支机构", "Branches"),
  oldestDateArisen: bi("最早发生日期", "Oldest date arisen"),
  noLongAged: bi("没有超过一年的未清款项。", "No open item is more than one year old."),
  longAgedNote: (listed: number): Bilingual =>
    bi(
      `客户按台账中的名称归并（不同分支机构的同名客户合并计算），最多列出 ${listed} 户。`,
      `Customers are matched by their name as the ledgers write it (the same name in several branches adds up); at most ${listed} are listed.`,
    ),

  intercompanySheet: bi("内部往来", "Intercompany"),
  intercompanyTitle: bi("内部往来：客户为集团内其他分支机构", "Intercompany: customers that are other branches"),
  counterparty: bi("对方分支机构", "Counterparty"),
  total: bi("合计", "Total"),
  noIntercompany: bi("没有客户名称与其他分支机构名称相同的款项。", "No item's customer is named as another branch is."),
  intercompanyNote: bi(
    "客户名称（去掉首尾空格）与另一分支机构的名称相同的款项；合并报表时应抵销，双方金额应一致。",
    "Items whose customer (trimmed) is named as another branch is; consolidation eliminates them, and both sides should agree.",
  ),
} as const;

/** The group run's lines on stdout and stderr, and its refusals. */
export const GROUP_CLI = {
  theInput: bi("输入文件", "the input"),
  noWorkbooks: (names: readonly string[]): Bilingual => bi(`在 ${names.join("、")} 中没有找到 .xlsx、.xlsm 或 .csv 工作簿。`, `No .xlsx, .xlsm or .csv workbook found in ${names.join(", ")}.`),
  outputIsInput: (option: string, path: string): Bilingual =>
    bi(
      `${option} “${path}”在要检查的文件夹里：下次检查这个文件夹时它会被当作一个分支机构的台账；请写到别的文件夹。`,
      `${option} "${path}" is in the folder being audited: the next run over that folder would read it as a branch; write it elsewhere.`,
    ),
  folderNotWritable: (option: string, path: string, why: string): Bilingual => bi(`${option}：无法写入文件夹“${path}”：${why}`, `${option}: cannot write to the folder "${path}": ${why}`),
  fileNotWritable: (path: string, why: string): Bilingual => bi(`无法写入“${path}”：${why}`, `Cannot write "${path}": ${why}`),
  noMatch: (pattern: string): Bilingual => bi(`没有文件与“${pattern}”匹配。`, `No file matches "${pattern}".`),
  notProcessed: bi("未处理", "not processed"),
  branchFromFiles: (entity: string, files: readonly string[]): Bilingual =>
    bi(`分支机构“${entity}”来自 ${files.length} 个文件（${files.join("、")}），其数字合并计算。`, `Branch "${entity}" comes from ${files.length} files (${files.join(", ")}); their figures are added together.`),
  subFen: (n: number): Bilingual =>
    bi(
      `${n} 笔余额有分以下的尾数：数据集中的 balance 按四舍五入到分，原值在 balanceExact 中。`,
      `${n} balance${s(n)} had fractions of a fen: the data set's balance is rounded half-up to the fen, the value as read is in balanceExact.`,
    ),
  someFailed: (failed: number, all: number, done: number): Bilingual =>
    bi(`${all} 个工作簿中有 ${failed} 个无法使用（原因见上）；其余 ${done} 个已完整写出。`, `${failed} of ${all} workbooks could not be used (reasons above); the other ${done} are complete in the outputs.`),
  summaryTitle: (asOf: string, workbooks: number, checked: number, failed: number): Bilingual =>
    bi(
      `集团应收账款检查，截止 ${asOf}：${workbooks} 个工作簿，已检查 ${checked} 个${failed === 0 ? "" : `，${failed} 个无法使用`}`,
      `Group receivables audit as of ${asOf}: ${workbooks} workbooks, ${checked} checked${failed === 0 ? "" : `, ${failed} could not be used`}`,
    ),
  branch: bi("分支机构", "Branch"),
  items: bi("笔数", "items"),
  balance: bi("余额", "balance"),
  provision: bi("坏账准备", "provision"),
  errors: bi("错误", "errors"),
  failed: bi("无法使用", "failed"),
  total: bi("合计", "Total"),

  internalError: (why: string): Bilingual => bi(`内部错误（程序缺陷）：${why}`, `internal error: ${why}`),
  workerStopped: (why: string): Bilingual => bi(`内部错误：处理该文件的工作线程意外停止：${why}`, `internal error: the worker thread reading it stopped: ${why}`),
  totalsMismatch: (what: string): Bilingual =>
    bi(`内部错误：写出的明细合计与检查结果的合计不一致（${what}），该分支未写入数据集。`, `Internal error: the items written do not add up to the check's totals (${what}); the branch was left out of the data set.`),
  entityFromInvalid: (text: string): Bilingual =>
    bi(
      `--entity-from “${text}”无效：可用 filename（文件名）、sheet（台账工作表名）或 cell:B2、cell:工作表!B2（单元格内容）。`,
      `--entity-from "${text}" is not valid: use filename, sheet (the ledger sheet's name), or cell:B2 or cell:Sheet!B2 (a cell's text).`,
    ),
  entitySheetMissing: (cell: string, sheet: string): Bilingual => bi(`--entity-from cell:${cell}：工作簿中没有工作表“${sheet}”。`, `--entity-from cell:${cell}: the workbook has no sheet "${sheet}".`),
  entityCellEmpty: (cell: string): Bilingual => bi(`分支机构名称所在的单元格 ${cell} 为空（--entity-from）。`, `The cell that names the branch, ${cell}, is empty (--entity-from).`),
} as const;
