/**
 * What the headless audit (src/cli/audit.ts) prints, in zh-CN and en-US: the summary on stdout
 * and the progress and failure lines on stderr. Each entry takes its figures already formatted
 * (counts with separators, amounts grouped) and the raw count where English needs a plural.
 * Kept apart from the pane's catalogue: the CLI loads no pane strings, the pane none of these.
 */
import { bi, type Bilingual } from "./bilingual";

/** English plural ending: "" for one, else "s". */
function s(n: number): string {
  return n === 1 ? "" : "s";
}

/** A money column's unit as the summary names it. */
const UNIT_NAMES: Readonly<Record<number, Bilingual>> = {
  1: bi("元", "yuan"),
  1000: bi("千元", "thousand yuan"),
  10000: bi("万元", "10,000 yuan (万元)"),
  100000000: bi("亿元", "100 million yuan (亿元)"),
};

export const AUDIT_CLI = {
  unitName: (scale: number): Bilingual => UNIT_NAMES[scale] ?? bi(String(scale), String(scale)),
  /** One unit's columns: "金额、余额列为万元" / "amount, balance in 10,000 yuan (万元)". */
  columnsInUnit: (zhLabels: readonly string[], enLabels: readonly string[], unit: Bilingual): Bilingual =>
    bi(`${zhLabels.join("、")}列为${unit["zh-CN"]}`, `${enLabels.join(", ")} in ${unit["en-US"]}`),
  ownUnits: (parts: readonly Bilingual[]): Bilingual =>
    bi(`（${parts.map((p) => p["zh-CN"]).join("；")}，已折算为元）`, ` (${parts.map((p) => p["en-US"]).join("; ")}, converted to yuan)`),

  controlDifferences: (shown: string, n: number): Bilingual =>
    bi(
      `对账：有 ${shown} 处与台账自身的合计或余额不符（见下方 control-total-mismatch），以下数字不可直接采信。`,
      `Control totals: ${shown} figure${s(n)} disagree${n === 1 ? "s" : ""} with the ledger's own totals or balances (control-total-mismatch below); do not rely on the figures until they are explained.`,
    ),
  controlsReconciled: (shown: string): Bilingual =>
    bi(`对账：读取结果与台账自身的合计一致（核对 ${shown} 项）。`, `Control totals: what was read agrees with the ledger's own totals (${shown} figures checked).`),
  noControls: bi("对账：台账没有可核对的合计或余额。", "Control totals: the ledger states no total to reconcile against."),
  mostlyUnusable: bi(
    "注意：读取的行中超过一半缺少或无法识别客户、日期或金额，以下合计不代表台账（见 reading-mostly-unusable）。",
    "Warning: more than half of the lines read lack, or have unreadable, customer, date or amount; the totals below do not represent the ledger (see reading-mostly-unusable).",
  ),
  leftOut: (asOf: string, all: string, n: number, items: string, itemCount: number, credits: string, creditCount: number): Bilingual =>
    bi(
      `${all} 行日期晚于截止日 ${asOf}，未计入（应收 ${items}、收款或贷项 ${credits}）`,
      `${all} line${s(n)} dated after ${asOf} left out (${items} item${s(itemCount)}, ${credits} receipt${s(creditCount)} or credit${s(creditCount)})`,
    ),
  settled: (shown: string): Bilingual => bi(`${shown} 笔已结清`, `${shown} settled`),
  creditsApplied: (shown: string, n: number): Bilingual => bi(`${shown} 笔收款或贷项已冲销`, `${shown} receipt${s(n)} or credit${s(n)} applied`),
  advances: (shown: string, n: number, total: string): Bilingual =>
    bi(`${shown} 户预收款共 ${total} 元，不计入账龄`, `${shown} advance${s(n)} received totalling ${total}, kept out of the aging`),
  asOfView: (asOf: string, lines: string, parts: readonly Bilingual[]): Bilingual =>
    bi(`截止日视图：读取 ${lines} 行；${parts.map((p) => p["zh-CN"]).join("；")}。`, `As of ${asOf}: ${lines} lines read; ${parts.map((p) => p["en-US"]).join("; ")}.`),
  asOfInexact: bi(
    "截止日视图不精确：部分已收或已核销金额不能确定是在截止日之前还是之后收到的，截止日之后的核销无法剔除（见 as-of-inexact）。",
    "The as-of view is not exact: some amounts received or settled cannot be told to have come before or after the as-of date, so settlements after it cannot be taken out (see as-of-inexact).",
  ),

  title: (source: string, asOf: string): Bilingual => bi(`应收账款检查：${source}，截止 ${asOf}`, `Receivables audit of ${source} as of ${asOf}`),
  headerAt: (row: number): Bilingual => bi(`，表头在第 ${row} 行`, `, header in row ${row}`),
  transactionsShape: bi("（收付明细，已按客户冲销收款）", " (transactions; receipts applied per customer)"),
  /** The ledger's sheet, or the sheets read together as one ledger. */
  sheets: (names: readonly string[]): Bilingual =>
    names.length === 1
      ? bi(`工作表“${names[0]}”`, `sheet "${names[0]}"`)
      : bi(`工作表${names.map((n) => `“${n}”`).join("")}（${names.length} 个，合并读取）`, `sheets ${names.map((n) => `"${n}"`).join(", ")} (${names.length}, read together)`),
  ledgerLine: (sheets: Bilingual, headerAt: Bilingual, items: string, shape: Bilingual, skipped: string, unit: Bilingual, ownUnits: Bilingual): Bilingual =>
    bi(
      `台账：${sheets["zh-CN"]}${headerAt["zh-CN"]}，${items} 笔未清款项${shape["zh-CN"]}，跳过 ${skipped} 行（合计、空行等），金额单位 ${unit["zh-CN"]}${ownUnits["zh-CN"]}`,
      `Ledger: ${sheets["en-US"]}${headerAt["en-US"]}, ${items} open items${shape["en-US"]}, ${skipped} rows skipped (totals, blanks…), amounts in ${unit["en-US"]}${ownUnits["en-US"]}`,
    ),
  customerMaster: (sheet: string): Bilingual => bi(`客户档案“${sheet}”`, `customer master "${sheet}"`),
  billsRegister: (sheet: string): Bilingual => bi(`应收票据登记簿“${sheet}”`, `bills register "${sheet}"`),
  collectionLog: (sheet: string): Bilingual => bi(`催收记录“${sheet}”`, `collection log "${sheet}"`),
  companions: (list: readonly Bilingual[]): Bilingual =>
    list.length === 0
      ? bi("伴随表：无", "Companion sheets: none")
      : bi(`伴随表：${list.map((c) => c["zh-CN"]).join("、")}`, `Companion sheets: ${list.map((c) => c["en-US"]).join(", ")}`),

  /** The totals table's heads and row labels. */
  items: bi("笔数", "items"),
  balance: bi("余额", "balance"),
  provision: bi("坏账准备", "provision"),
  byClass: bi("按分类", "By class"),
  byBand: bi("按账龄", "By aging band"),
  total: bi("合计", "Total"),
  classNames: {
    normal: bi("正常", "normal"),
    overdue: bi("逾期", "overdue"),
    stale: bi("呆滞", "stale"),
    bad: bi("呆账", "bad"),
    unclassified: bi("无法分类", "unclassified"),
  } as Readonly<Record<"normal" | "overdue" | "stale" | "bad" | "unclassified", Bilingual>>,
  severityNames: {
    error: bi("错误", "error"),
    warning: bi("警告", "warning"),
    info: bi("提示", "info"),
  } as Readonly<Record<string, Bilingual>>,

  findingCounts: (errors: string, e: number, warnings: string, w: number, infos: string): Bilingual =>
    bi(`发现：错误 ${errors}，警告 ${warnings}，提示 ${infos}`, `Findings: ${errors} error${s(e)}, ${warnings} warning${s(w)}, ${infos} info`),
  moreFindings: (shown: string): Bilingual => bi(`  ……另有 ${shown} 条（--json 或 --out 可写出全部）`, `  … and ${shown} more (--json or --out writes them all)`),
  rulesNotChecked: bi("未检查的规则：", "Rules not checked:"),

  theInput: bi("输入文件", "the input"),
  readingSheet: (sheet: string, rows: string): Bilingual => bi(`读取工作表“${sheet}”：${rows} 行…`, `reading sheet "${sheet}": ${rows} rows…`),
  checkingItems: (items: string): Bilingual => bi(`检查 ${items} 笔款项…`, `checking ${items} items…`),
  internalError: (why: string): Bilingual => bi(`audit: 内部错误（程序缺陷）：${why}`, `audit: internal error: ${why}`),
  stoppedBeforeResult: bi(
    "audit: 内部错误：运行在得出结果之前就停止了（有一项读取或写入没有完成），未写出任何文件。",
    "audit: internal error: the run stopped before a result (a read or a write never finished); no file was written.",
  ),
};
