/**
 * The month-end check, end to end inside Excel: read the policy sheet, the ledger (in chunks)
 * and the companion tables; run the core's audit; write the add-in's results and findings
 * sheets; remember the setup. One Excel.run, a bounded number of syncs (no sync per row), and the
 * user's own cells are only ever read.
 */
import type { DayNumber } from "../core/calendar";
import { formatIsoDate } from "../core/dates";
import { auditLedger, type AuditResult } from "../core/ledger/check";
import type { LedgerReading } from "../core/ledger/index";
import { readCompanions } from "../core/ledger/workbook";
import { stringsFor, type Lang } from "../i18n";
import { cancelled } from "./errors";
import { ownedStates, writeOwnedSheets } from "./owned";
import { readLedgerBlock, readLedgerBlocks } from "./ledger-read";
import type { LedgerSource, ReadOptions } from "./read";
import { loadSetup, queuePolicySheet, readPolicy, saveSetup } from "./setup";
import { findingsSheet, resultsSheet } from "./validation-output";

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
}

export type ValidateOutcome =
  | { kind: "done"; audit: AuditResult; reading: LedgerReading; sheets: { results: string; findings: string }; warnings: { "zh-CN": string; "en-US": string }[] }
  | { kind: "confirm"; edited: string[] };

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Lets the pane repaint and take a Cancel click between slices of work (a macrotask, not a microtask). */
function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Writes go in smaller requests than reads, so progress moves at least every few hundred ms. */
const WRITE_BUDGET = 2 * 1024 * 1024;

export async function runValidate(run: ExcelRun, p: ValidateParams): Promise<ValidateOutcome> {
  const s = stringsFor(p.lang).output;
  const progress = p.onProgress ?? (() => undefined);
  return run(async (context) => {
    const setup = await loadSetup(context);
    // The policy lives on a visible sheet people can read and edit: later runs read it (a mistake on
    // it is reported with its row); the first successful run creates it from the defaults.
    const { policy, sheet: existingPolicySheet } = await readPolicy(context);
    const policySheet = existingPolicySheet ?? s.policySheet;
    const names = { results: setup.sheets?.results ?? s.resultsSheet, findings: setup.sheets?.findings ?? s.findingsSheet };
    const read: ReadOptions = { onProgress: (done, total) => progress({ phase: "read", done, total }), ...(p.signal ? { signal: p.signal } : {}), ...(p.maxRequestBytes ? { maxRequestBytes: p.maxRequestBytes } : {}) };
    const { ledger: block, companions: companionSheets } = await readLedgerBlocks(context, p.source, [names.results, names.findings, policySheet], read);
    if (p.signal?.aborted) throw cancelled();

    progress({ phase: "check", done: 0, total: block.values.length });
    await yieldToUi();
    const reading = readLedgerBlock(block, p.mapping);
    const { companions, warnings } = readCompanions(companionSheets);
    progress({ phase: "check", done: Math.floor(block.values.length / 2), total: block.values.length });
    await yieldToUi();
    const audit = auditLedger(reading, companions, p.asOf, policy);
    progress({ phase: "check", done: block.values.length, total: block.values.length });
    await yieldToUi();
    if (p.signal?.aborted) throw cancelled();

    const states = await ownedStates(context, [names.results, names.findings]);
    const edited = Object.entries(states).filter(([, v]) => v === "edited").map(([k]) => k);
    if (edited.length > 0 && !p.replaceEdited) return { kind: "confirm", edited };
    progress({ phase: "write", done: 0, total: audit.rows.length });
    await yieldToUi();

    const results = await resultsSheet(audit, p.lang, names.results, yieldToUi);
    progress({ phase: "write", done: 0, total: results.rows.length });
    await yieldToUi();
    const findings = findingsSheet(audit, p.lang, names.findings);
    progress({ phase: "write", done: 0, total: results.rows.length + findings.rows.length });
    await yieldToUi();
    await writeOwnedSheets(context, [results, findings], {
      ...read,
      maxRequestBytes: Math.min(p.maxRequestBytes ?? WRITE_BUDGET, WRITE_BUDGET),
      onProgress: (done, total) => progress({ phase: "write", done, total }),
      afterEachChunk: yieldToUi,
    });
    // Queued with the setup below: one round trip for both.
    if (existingPolicySheet === null) queuePolicySheet(context, policySheet, s.policyHeader as [string, string], policy);
    saveSetup(context, { ...setup, ledger: p.source, mapping: numericMapping(p.mapping), asOf: formatIsoDate(p.asOf), sheets: names });
    await context.sync();
    return { kind: "done", audit, reading, sheets: names, warnings };
  });
}

function numericMapping(m: Record<string, number | string> | undefined): Record<string, number | string> {
  return m ? { ...m } : {};
}
