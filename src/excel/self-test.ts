/**
 * The self-test for real hosts (issue 15): a scripted run, in a new blank workbook, of the things
 * our in-memory Excel can only claim about Excel, each checked against what this host does. A
 * tester runs it once per host (Excel on the web, Windows, Mac) and sends back the table
 * (formatSelfTest). In the preview it runs against the in-memory Excel, where every row passes.
 *
 * It writes only to sheets of its own, all named "AR自检…", in a workbook that must be blank
 * when it starts, and leaves them there for the tester to look at.
 */
import { fromYmd } from "../core/calendar";
import { toExcelSerial } from "../core/dates";
import type { Bilingual, Lang } from "../i18n/bilingual";
import type { Finding } from "../core/ledger/findings";
import { stringsFor } from "../i18n";
import { canonicalFormula } from "./formula-text";
import { addHighlights, removeHighlights } from "./highlights";
import { INCOMPLETE_BANNER } from "./owned";
import { rowsPerChunk } from "./payload";
import { readSource } from "./read";
import { undoGroupsSupported, type Requirements } from "./run";
import { runValidate, type ExcelRun, type ValidateOutcome, type ValidateParams } from "./validate-run";

type SelfTestStatus = "pass" | "fail";

interface SelfTestRow {
  id: string;
  title: Bilingual;
  status: SelfTestStatus;
  /** What the host did, for the tester to send back. */
  detail: Bilingual;
  ms: number;
}

export interface SelfTestReport {
  host: string;
  rows: SelfTestRow[];
}

export interface SelfTestHost {
  run: ExcelRun;
  requirements: Requirements;
  /** "Excel OfficeOnline 16.0.1234" or "Preview (in-memory Excel)". */
  label: string;
  /** Preview only: does what a tester does by hand on a real host. */
  simulate?: {
    startCellEdit(): void;
    endCellEdit(): void;
    /** false: the add-in's custom functions have not registered yet (a workbook's first load). */
    functionsRegistered(registered: boolean): void;
  };
  /** Real hosts: shows the tester what to do now and resolves after `seconds`. */
  prompt?(text: Bilingual, seconds: number): Promise<void>;
  onProgress?(title: Bilingual): void;
}

const LEDGER = "AR自检台账";
const USER = "AR自检公式";
const FUNCTIONS = "AR自检函数";
const LONG = "AR自检长台账";
const BIG = "AR自检大台账";
const AS_OF = fromYmd(2011, 8, 31);
const serial = (y: number, m: number, d: number): number => toExcelSerial(fromYmd(y, m, d));
const HEADER = ["客户名称", "单据号", "发生日期", "到期日", "应收余额"];

function ledgerRows(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [HEADER];
  for (let i = 0; i < n; i++) rows.push([`遂宁市客户${i + 1}`, `FP-${String(i + 1).padStart(5, "0")}`, serial(2011, 5, 1 + (i % 28)), serial(2011, 6, 1 + (i % 28)), 1000 + i]);
  return rows;
}

const both = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, "en-US": en });
const quoted = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const codeOf = (e: unknown): string => (e !== null && typeof e === "object" && typeof (e as { code?: unknown }).code === "string" ? (e as { code: string }).code : String(e));

/** Writes rows to a new sheet of the self-test's, in chunks under the payload limit (text as text). */
async function writeSheet(run: ExcelRun, name: string, rows: (string | number)[][]): Promise<void> {
  await run(async (context) => {
    const sheet = context.workbook.worksheets.add(name);
    const chunk = rowsPerChunk(2 * 1024 * 1024, rows.slice(0, 64), 64);
    const cols = rows[0].length;
    for (let start = 0; start < rows.length; start += chunk) {
      const part = rows.slice(start, start + chunk);
      const range = sheet.getRangeByIndexes(start, 0, part.length, cols);
      range.numberFormat = part.map((r) => r.map((v) => (typeof v === "string" ? "@" : "General")));
      range.values = part;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ~2 MB chunk: the payload limit forces chunks
      await context.sync();
    }
  });
}

async function readCell(run: ExcelRun, sheet: string, address: string): Promise<{ value: unknown; formula: unknown }> {
  return run(async (context) => {
    const r = context.workbook.worksheets.getItem(sheet).getRange(address).load("values,formulas");
    await context.sync();
    return { value: r.values[0]?.[0], formula: r.formulas[0]?.[0] };
  });
}

async function isBlankWorkbook(run: ExcelRun): Promise<boolean> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const settings = context.workbook.settings.load("items/key");
    await context.sync();
    const used = sheets.items.map((s) => s.getUsedRangeOrNullObject(true));
    await context.sync();
    return used.every((u) => u.isNullObject) && !settings.items.some((s) => s.key.startsWith("receivablesSteward."));
  });
}

function done(o: ValidateOutcome): Extract<ValidateOutcome, { kind: "done" }> {
  if (o.kind !== "done") throw new Error(`the check asked to confirm replacing ${o.edited.join(", ")}`);
  return o;
}

type Check = { id: string; title: Bilingual; run: (host: SelfTestHost, lang: Lang, state: State) => Promise<{ ok: boolean; detail: Bilingual }> };

interface State {
  params: ValidateParams;
  results: string;
  /** The results sheet's total row (1-based) and its balance then. */
  totalRow: number;
  total: number;
}

const CHECKS: Check[] = [
  {
    id: "requirement-sets",
    title: both("本机支持的要求集", "Requirement sets this host supports"),
    async run(host) {
      let top = "1.0";
      for (let minor = 1; minor <= 30; minor++) if (host.requirements.isSetSupported("ExcelApi", `1.${minor}`)) top = `1.${minor}`;
      const cf = host.requirements.isSetSupported("CustomFunctionsRuntime", "1.3");
      const text = `ExcelApi ${top}; CustomFunctionsRuntime 1.3: ${cf ? "yes" : "no"}; DelayForCellEdit: ${host.requirements.isSetSupported("DelayForCellEdit", "1.1") ? "yes" : "no"}`;
      const ok = host.requirements.isSetSupported("ExcelApi", "1.9") && cf;
      return { ok, detail: both(`${text}（清单要求 ExcelApi 1.9、CustomFunctionsRuntime 1.3）`, `${text} (the manifest needs ExcelApi 1.9, CustomFunctionsRuntime 1.3)`) };
    },
  },
  {
    id: "rerun-reference",
    title: both("再次运行后，用户指向结果表的公式仍然有效", "A re-run keeps a user's formula that points at the results"),
    async run(host, _lang, state) {
      await host.run(async (context) => {
        context.workbook.worksheets.add(USER).getRange("A1").formulas = [[`=${quoted(state.results)}!G${state.totalRow}*10`]];
        await context.sync();
      });
      const before = await readCell(host.run, USER, "A1");
      await host.run(async (context) => {
        context.workbook.worksheets.getItem(LEDGER).getRange("E2").values = [[2000]];
        await context.sync();
      });
      done(await runValidate(host.run, state.params));
      state.total += 2000 - 1000;
      const after = await readCell(host.run, USER, "A1");
      const ok = before.value === (state.total - 1000) * 10 && after.value === state.total * 10 && !String(after.formula).includes("#REF!");
      return { ok, detail: both(`公式 ${String(after.formula)}：之前 ${String(before.value)}，之后 ${String(after.value)}（应为 ${state.total * 10}）`, `formula ${String(after.formula)}: before ${String(before.value)}, after ${String(after.value)} (expected ${state.total * 10})`) };
    },
  },
  {
    id: "final-batch-failure",
    title: both("最后一批写入中途失败，然后恢复", "A failure inside the final batch, then recovery"),
    async run(host, _lang, state) {
      await host.run(async (context) => {
        context.workbook.worksheets.getItem(LEDGER).getRange("E3").values = [[1500]];
        await context.sync();
      });
      state.total += 1500 - 1001;
      // A command that fails (no such sheet) queued in the last batch of the write, after the data and before the header row.
      const failed = await runValidate(host.run, { ...state.params, inFinalBatch: (context) => void (context.workbook.worksheets.getItem("AR自检-不存在的表").getRange("A1").values = [["x"]]) }).then(
        () => "none",
        (e: unknown) => codeOf(e),
      );
      const left = await readCell(host.run, state.results, "A1");
      const formula = await readCell(host.run, USER, "A1");
      const marked = left.value === INCOMPLETE_BANNER;
      const header = left.value === stringsFor(state.params.lang).output.rowRef;
      done(await runValidate(host.run, state.params));
      const repaired = await readCell(host.run, USER, "A1");
      const ok = failed !== "none" && (marked || header) && !String(formula.formula).includes("#REF!") && repaired.value === state.total * 10;
      const shown = marked ? both("标为“未写完”", "marked incomplete") : header ? both("原样或新结果", "old or new output") : both(`其他内容：${String(left.value)}`, `something else: ${String(left.value)}`);
      return {
        ok,
        detail: both(`失败：${failed}；失败后结果表：${shown["zh-CN"]}；用户公式：${String(formula.formula)}；恢复后 ${String(repaired.value)}（应为 ${state.total * 10}）`, `failed with ${failed}; the results sheet after it: ${shown["en-US"]}; the user's formula: ${String(formula.formula)}; after the next run ${String(repaired.value)} (expected ${state.total * 10})`),
      };
    },
  },
  {
    id: "conditional-format-identity",
    title: both("用户删除一条规则后，加载项的条件格式仍能准确识别", "Conditional-format identity after the user deletes a rule"),
    async run(host) {
      const finding = (column: string, row: number, severity: "error" | "warning"): Finding => ({ rule: "bad-date", severity, sheet: LEDGER, row, column, cell: `${LEDGER}!${column}${row}`, message: both("自检", "self-test") });
      const userRule = (address: string, color: string) =>
        host.run(async (context) => {
          const cf = context.workbook.worksheets.getItem(LEDGER).getRange(address).conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
          cf.cellValue.format.font.color = color;
          cf.cellValue.rule = { formula1: "0", operator: "LessThan" };
          await context.sync();
        });
      await userRule("E2:E6", "#FF0000");
      const added = await host.run((context) => addHighlights(context, LEDGER, [finding("C", 2, "error"), finding("C", 3, "error"), finding("D", 4, "warning"), finding("B", 5, "error")]));
      await userRule("D2:D6", "#0000FF");
      // The user deletes their first rule (on column E): the rules after it move up a place.
      const ids = await host.run(async (context) => {
        const all = context.workbook.worksheets.getItem(LEDGER).getRange("E2").conditionalFormats.load("items/type,items/id");
        await context.sync();
        const mine = all.items.find((cf) => cf.type === "CellValue");
        const before = all.items.map((cf) => cf.id).join(",");
        mine?.delete();
        await context.sync();
        return before;
      });
      const removed = await host.run((context) => removeHighlights(context));
      const left = await host.run(async (context) => {
        const all = context.workbook.worksheets.getItem(LEDGER).getRange().conditionalFormats.load("items/type");
        await context.sync();
        const fonts = all.items.map((cf) => (cf.type === "CellValue" ? cf.cellValue.format.font.load("color") : null));
        await context.sync();
        return all.items.map((cf, i) => `${cf.type}${fonts[i] ? ` ${fonts[i].color}` : ""}`);
      });
      const ok = removed === added.rules && left.length === 1 && left[0] === "CellValue #0000FF";
      return { ok, detail: both(`加了 ${added.rules} 条，删了 ${removed} 条；E2 上规则的 id：${ids}；剩下：${left.join("; ") || "无"}`, `${added.rules} added, ${removed} removed; ids on E2 before the deletion: ${ids}; left: ${left.join("; ") || "none"}`) };
    },
  },
  {
    id: "custom-function-formula",
    title: both("=AR.CREDIT_SCORE(...) 的 formulas 文本，及首次加载时的 #NAME?", "What formulas gives for =AR.CREDIT_SCORE(...), and #NAME? on first load"),
    async run(host) {
      const written = "=AR.CREDIT_SCORE(A1:A32)";
      const firstLoad: string[] = [];
      host.simulate?.functionsRegistered(false);
      await writeSheet(host.run, FUNCTIONS, Array.from({ length: 32 }, () => [1]));
      await host.run(async (context) => {
        context.workbook.worksheets.getItem(FUNCTIONS).getRange("B1").formulas = [[written]];
        await context.sync();
      });
      if (host.simulate) {
        firstLoad.push(String((await readCell(host.run, FUNCTIONS, "B1")).value));
        host.simulate.functionsRegistered(true);
      }
      let cell = await readCell(host.run, FUNCTIONS, "B1");
      for (let i = 0; i < 20 && cell.value === "#BUSY!"; i++) {
        // Excel is still running the (asynchronous) function: look again half a second later.
        await pause(500);
        cell = await readCell(host.run, FUNCTIONS, "B1");
      }
      const same = canonicalFormula(String(cell.formula)) === written;
      const first = firstLoad.length > 0 ? `; first load: ${firstLoad[0]}` : "";
      const pending = cell.value === "#NAME?" ? both("（#NAME?：本工作簿中函数尚未注册，重新打开后再运行一次）", " (#NAME?: the functions have not registered in this workbook yet; reopen it and run again)") : both("", "");
      return {
        ok: same && cell.value === 90,
        detail: both(`formulas 返回 ${String(cell.formula)}，值 ${String(cell.value)}${first.replace("first load", "首次加载")}${pending["zh-CN"]}`, `formulas gives ${String(cell.formula)}, value ${String(cell.value)}${first}${pending["en-US"]}`),
      };
    },
  },
  {
    id: "cell-edit",
    title: both("长时间检查中编辑单元格", "Editing a cell during a long validation"),
    async run(host, lang) {
      await writeSheet(host.run, LONG, ledgerRows(3000));
      await host.prompt?.(both(`接下来的检查约需十几秒：请现在点选“${LONG}”中的一个单元格并开始输入，几秒后再按 Enter。`, `The next check takes a dozen seconds or so: click a cell on "${LONG}" now and start typing; press Enter a few seconds later.`), 5);
      let longest = 0;
      let last = Date.now();
      let editing = false;
      const params: ValidateParams = {
        source: { kind: "range", sheet: LONG },
        asOf: AS_OF,
        lang,
        maxRequestBytes: 40_000,
        onProgress: (p) => {
          const now = Date.now();
          longest = Math.max(longest, now - last);
          last = now;
          const simulate = host.simulate;
          if (simulate && p.phase === "write" && p.done > 0 && !editing) {
            editing = true;
            simulate.startCellEdit();
            setTimeout(() => simulate.endCellEdit(), 300);
          }
        },
      };
      const outcome = await runValidate(host.run, params).then(
        () => "done",
        (e: unknown) => codeOf(e),
      );
      if (outcome === "done") return { ok: true, detail: both(`检查完成；两次进度之间最长等待 ${longest} ms（等待编辑结束时会变长）`, `the check finished; the longest wait between progress steps was ${longest} ms (longer while it waited for the edit to end)`) };
      const again = await runValidate(host.run, params).then(
        () => "done",
        (e: unknown) => codeOf(e),
      );
      return {
        ok: outcome === "InvalidOperationInCellEditMode" && again === "done",
        detail: both(`检查失败：${outcome}；再运行一次：${again}`, `the check failed with ${outcome}; run again: ${again}`),
      };
    },
  },
  {
    id: "chinese-100k",
    title: both("读取 10 万行中文台账", "Reading a 100,000-row Chinese ledger"),
    async run(host) {
      const rows: string[][] = [["客户名称", "单据号", "摘要", "责任部门", "备注", "状态"]];
      for (let i = 0; i < 100_000; i++) rows.push([`遂宁市河东新区客户${i}`, `发票${i}`, "销售商品应收款项，按合同约定分期收回", "市场营销部", `第${i}行备注：已电话催收`, "正常"]);
      await writeSheet(host.run, BIG, rows);
      let requests = 0;
      const t = Date.now();
      const block = await host.run((context) => readSource(context, { kind: "range", sheet: BIG }, { onProgress: () => void requests++ }));
      const seconds = ((Date.now() - t) / 1000).toFixed(1);
      const ok = block.values.length === rows.length && JSON.stringify(block.values[77_777]) === JSON.stringify(rows[77_777]);
      return { ok, detail: both(`读到 ${block.values.length} 行，分 ${requests} 次，用时 ${seconds} 秒`, `${block.values.length} rows read in ${requests} chunks, ${seconds} s`) };
    },
  },
  {
    id: "undo",
    title: both("撤消", "Undo"),
    async run(host) {
      const groups = undoGroupsSupported(host.requirements);
      return {
        ok: true,
        detail: groups
          ? both("本机有 ExcelApi 1.20：每次运行合并为一个撤消步骤。请现在按 Ctrl+Z（Mac 上 Cmd+Z）一次，并记下撤消了什么。", "This host has ExcelApi 1.20: each run is one undo step. Press Ctrl+Z (Cmd+Z on a Mac) once now and note what it undid.")
          : both("本机没有 ExcelApi 1.20（撤消分组）：请现在按 Ctrl+Z（Mac 上 Cmd+Z），记下撤消了什么（加载项的更改常会清空撤消列表）。", "This host lacks ExcelApi 1.20 (undo groups): press Ctrl+Z (Cmd+Z on a Mac) now and note what it undid (an add-in's changes often clear the undo list)."),
      };
    },
  },
];

/** Runs every check in order; one that throws is a failure with its error, and the rest still run. */
export async function runSelfTest(host: SelfTestHost, lang: Lang): Promise<SelfTestReport> {
  if (!(await isBlankWorkbook(host.run))) {
    return {
      host: host.label,
      rows: [{ id: "blank-workbook", title: both("空白工作簿", "A blank workbook"), status: "fail", detail: both("请在一个新的空白工作簿中运行自检（它会写入自己的工作表）。", "Run the self-test in a new, blank workbook (it writes sheets of its own)."), ms: 0 }],
    };
  }
  await writeSheet(host.run, LEDGER, ledgerRows(5));
  const params: ValidateParams = { source: { kind: "range", sheet: LEDGER }, asOf: AS_OF, lang };
  const first = done(await runValidate(host.run, params));
  // Header, five items, the total row; balances 1000 … 1004.
  const state: State = { params, results: first.sheets.results, totalRow: 7, total: 1000 + 1001 + 1002 + 1003 + 1004 };
  const rows: SelfTestRow[] = [];
  for (const check of CHECKS) {
    host.onProgress?.(check.title);
    const t = Date.now();
    try {
      // The checks run one after another on the same workbook.
      const r = await check.run(host, lang, state);
      rows.push({ id: check.id, title: check.title, status: r.ok ? "pass" : "fail", detail: r.detail, ms: Date.now() - t });
    } catch (e) {
      const text = e instanceof Error ? `${codeOf(e)}: ${e.message}` : String(e);
      rows.push({ id: check.id, title: check.title, status: "fail", detail: both(`出错：${text}`, `error: ${text}`), ms: Date.now() - t });
    }
  }
  return { host: host.label, rows };
}

/** The table a tester copies and sends back: the host, then one line per check (Markdown). */
export function formatSelfTest(report: SelfTestReport, lang: Lang): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const head = lang === "zh-CN" ? ["检查", "结果", "详情", "毫秒"] : ["Check", "Result", "Detail", "ms"];
  const word = (s: SelfTestStatus) => (lang === "zh-CN" ? (s === "pass" ? "通过" : "失败") : s === "pass" ? "PASS" : "FAIL");
  return [
    `Receivables Steward self-test · ${report.host}`,
    "",
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...report.rows.map((r) => `| ${cell(`${r.id}: ${r.title[lang]}`)} | ${word(r.status)} | ${cell(r.detail[lang])} | ${r.ms} |`),
  ].join("\n");
}
