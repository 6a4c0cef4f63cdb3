/**
 * The month-end check, end to end inside Excel: read the policy sheet, the ledger (in chunks)
 * and the companion tables; run the core's audit; write the add-in's results and findings
 * sheets; remember the setup. One Excel.run, a bounded number of syncs (no sync per row), and the
 * user's own cells are only ever read.
 */
import type { DayNumber } from "../core/calendar";
import { formatIsoDate } from "../core/dates";
import type { AuditResult } from "../core/ledger/check";
import type { LedgerReading } from "../core/ledger/index";
import { stringsFor, type Lang } from "../i18n";
import { cancelled } from "./errors";
import { HISTORY_SHEET_NAMES, readHistorySheet } from "./ecl-history";
import { ownedStates, type OwnedSheetSpec, writeOwnedSheets } from "./owned";
import type { CheckDetail, CheckInput, CheckOutput, CheckSummary, Checker } from "./check";
import { readLedgerBlocks } from "./ledger-read";
import type { LedgerSource, ReadOptions } from "./read";
import { loadSetup, newPolicySheetName, queuePolicyRepair, readPolicy, saveSetup } from "./setup";
import { yieldToUi } from "./yield-to-ui";

export interface ValidateProgress {
  phase: "read" | "check" | "write";
  done: number;
  total: number;
}

export interface ValidateParams {
  source: LedgerSource;
  /** Field → column (0-based index within the ledger block, a letter, or a header text); overrides detection. */
  mapping?: Record<string, number | string>;
  asOf: DayNumber;
  lang: Lang;
  /** The user agreed to replace output sheets someone has edited since the last run. */
  replaceEdited?: boolean;
  onProgress?: (p: ValidateProgress) => void;
  signal?: { readonly aborted: boolean };
  maxRequestBytes?: number;
  /** Runs the check elsewhere (the pane's Web Worker); in process, in slices, without it. */
  checker?: Checker;
  /** Commands queued into the last batch of the write (the self-test's forced failure there). */
  inFinalBatch?: (context: Excel.RequestContext) => void;
}

export type ValidateOutcome =
  | {
      kind: "done";
      summary: CheckSummary;
      sheets: { results: string; findings: string };
      warnings: { "zh-CN": string; "en-US": string }[];
      /** In-process checks only (a worker's results are plain data). */
      audit?: AuditResult;
      reading?: LedgerReading;
    }
  | { kind: "confirm"; edited: string[] };

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Writes go in smaller requests than reads, so progress moves at least every few hundred ms. */
const WRITE_BUDGET = 2 * 1024 * 1024;

export async function runValidate(run: ExcelRun, p: ValidateParams): Promise<ValidateOutcome> {
  const s = stringsFor(p.lang).output;
  const progress = p.onProgress ?? (() => undefined);
  return run(async (context) => {
    const setup = await loadSetup(context);
    // The policy lives on a visible sheet people can read and edit: later runs read it (a mistake on
    // it is reported with its row) and never rewrite it; the first run to finish creates it from the defaults.
    const policyReading = await readPolicy(context);
    const policy = policyReading.policy;
    const policySheet = policyReading.sheet ?? newPolicySheetName(s.policySheet, policyReading.foreign);
    const names = { results: setup.sheets?.results ?? s.resultsSheet, findings: setup.sheets?.findings ?? s.findingsSheet };
    const read: ReadOptions = { onProgress: (done, total) => progress({ phase: "read", done, total }), ...(p.signal ? { signal: p.signal } : {}), ...(p.maxRequestBytes ? { maxRequestBytes: p.maxRequestBytes } : {}) };
    // The aging-snapshot sheet: the one the setup recorded, else either language's name found with
    // the owned sheets' states below (no round trip of its own).
    const historyCandidates = setup.sheets?.history !== undefined ? [setup.sheets.history] : [...HISTORY_SHEET_NAMES];
    const { ledger: block, merges, companions: companionSheets, whole, order } = await readLedgerBlocks(context, p.source, [names.results, names.findings, policySheet, ...new Set([...historyCandidates, ...HISTORY_SHEET_NAMES])], read);
    if (p.signal?.aborted) throw cancelled();

    const input: CheckInput = { block, merges, companions: companionSheets, whole, order, asOf: p.asOf, policy, lang: p.lang, names, ...(p.mapping && Object.keys(p.mapping).length > 0 ? { mapping: p.mapping } : {}) };
    let checked: CheckOutput & Partial<Pick<CheckDetail, "audit" | "reading">>;
    if (p.checker) {
      // Off the UI thread (the pane's Web Worker): say "checking" while it works.
      const ticker = setInterval(() => progress({ phase: "check", done: 0, total: 0 }), 100);
      try {
        checked = await p.checker(input);
      } finally {
        clearInterval(ticker);
      }
    } else {
      progress({ phase: "check", done: 0, total: block.values.length });
      await yieldToUi();
      // Loaded only here: the pane always passes its worker, so the engine stays out of the pane's first bundle.
      const { runCheck } = await import("./check");
      checked = await runCheck(input, yieldToUi);
    }
    progress({ phase: "check", done: block.values.length, total: block.values.length });
    await yieldToUi();
    if (p.signal?.aborted) throw cancelled();

    const states = await ownedStates(context, [...new Set([names.results, names.findings, ...historyCandidates])]);
    const historyName = setup.sheets?.history ?? historyCandidates.find((n) => states[n] !== "absent") ?? s.historySheet;
    const edited = [names.results, names.findings].filter((k) => states[k] === "edited");
    if (edited.length > 0 && !p.replaceEdited) return { kind: "confirm", edited };
    const { results, findings } = checked;
    // The expected credit loss's history: this check's aging snapshot joins the ones kept (rows
    // typed in included, so an "edited" history sheet is rewritten with them); a sheet of that name
    // the add-in did not make is left alone, and said.
    const warnings = [...checked.warnings];
    let history: OwnedSheetSpec | null = null;
    if (states[historyName] === "foreign") {
      warnings.push({
        "zh-CN": `工作表“${historyName}”不是本加载项创建的，本次账龄快照未保存（预期信用损失需要以往各期的快照）。请将该表重命名后再检查；以往各期的余额可在检查生成的账龄快照表中补录。`,
        "en-US": `The sheet "${historyName}" was not made by the add-in, so this check's aging snapshot was not saved (the expected credit loss needs earlier periods' snapshots). Rename that sheet and check again; earlier periods' balances can then be typed into the snapshot sheet the check makes.`,
      });
    } else {
      const { historySheetWith } = await import("./ecl-history-update");
      const kept = historySheetWith(states[historyName] === "absent" ? { history: [], problems: [] } : await readHistorySheet(context, historyName, policy), checked.snapshot, policy, p.lang, historyName);
      history = kept.spec;
      warnings.push(...kept.warnings);
    }
    progress({ phase: "write", done: 0, total: results.rows.length + findings.rows.length });
    await yieldToUi();
    const hook = p.inFinalBatch;
    await writeOwnedSheets(context, history === null ? [results, findings] : [results, findings, history], {
      ...read,
      maxRequestBytes: Math.min(p.maxRequestBytes ?? WRITE_BUDGET, WRITE_BUDGET),
      onProgress: (done, total) => progress({ phase: "write", done, total }),
      afterEachChunk: yieldToUi,
      ...(hook ? { inFinalBatch: () => hook(context) } : {}),
    });
    // Queued with the setup below: one round trip for both.
    queuePolicyRepair(context, policyReading, policySheet, s.policyHeader, policy, p.lang);
    saveSetup(context, { ...setup, ledger: p.source, mapping: numericMapping(p.mapping), asOf: formatIsoDate(p.asOf), sheets: { ...names, history: historyName } });
    await context.sync();
    return { kind: "done", summary: checked.summary, sheets: names, warnings, ...(checked.audit && checked.reading ? { audit: checked.audit, reading: checked.reading } : {}) };
  });
}

function numericMapping(m: Record<string, number | string> | undefined): Record<string, number | string> {
  return m ? { ...m } : {};
}
