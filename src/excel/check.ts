/**
 * The check itself, between reading the workbook and writing the add-in's sheets: the core's
 * ledger reading and audit, then the results and findings sheets as plain data. Everything in and
 * out is structured-clonable, so the task pane can run it in a Web Worker (the UI thread stays
 * free while a large ledger is checked) and tests and the bench run it in process.
 */
import type { DayNumber } from "../core/calendar";
import type { Bilingual } from "../i18n/bilingual";
import { auditLedger, type AuditResult, type AuditTotals, type ReadingSummary } from "../core/ledger/check";
import type { Finding } from "../core/ledger/findings";
import type { LedgerReading } from "../core/ledger/index";
import type { CellArea, SheetInput } from "../core/ledger/workbook";
import type { Policy } from "../core/policy/types";
import type { Lang } from "../i18n";
import { type PlainSnapshot, toPlainSnapshot } from "../core/ecl/history-sheet";
import { snapshotOfCheck } from "../core/ecl/saved";
import { readLedgerBlock } from "./ledger-read";
import { allRows, fingerprint, type OwnedSheetSpec } from "./owned";
import type { SheetBlock } from "./read";
import { findingsSheet, resultsSheet } from "./validation-output";

export interface CheckInput {
  block: SheetBlock;
  /** The ledger block's merged areas (sheet coordinates). */
  merges?: CellArea[];
  /** Companion tables, and the other sheets the ledger may be read with (ledger-read.readCompanionSheets). */
  companions: SheetInput[];
  /** The ledger is a whole sheet the user picked: read as the workbook's ledger it is part of (a sheet per month). */
  whole?: boolean;
  /** The workbook's sheet names in workbook order (ledger-read.readLedgerBlocks). */
  order?: string[];
  mapping?: Record<string, number | string>;
  asOf: DayNumber;
  policy: Policy;
  lang: Lang;
  names: { results: string; findings: string };
}

/** What the pane shows after a check. */
export interface CheckSummary {
  totals: AuditTotals;
  findings: Finding[];
  /** Reconciliation with the ledger's own totals, what was read and left out: said first. */
  reading: ReadingSummary;
  /** The earliest date arisen among the items read (a day number), or null: an as-of date before it asks first. */
  firstDate: number | null;
}

export interface CheckOutput {
  summary: CheckSummary;
  /** This check's aging snapshot, for the history sheet the expected credit loss reads (ecl-history.ts). */
  snapshot: PlainSnapshot;
  results: OwnedSheetSpec;
  findings: OwnedSheetSpec;
  warnings: Bilingual[];
}

/** The check with its intermediate results (in process only: AuditResult is not clonable). */
export interface CheckDetail extends CheckOutput {
  audit: AuditResult;
  reading: LedgerReading;
}

export type Checker = (input: CheckInput) => Promise<CheckOutput>;

/** A finding as plain data: the core builds messages lazily (a getter), which a worker cannot post. */
function plainFinding(f: Finding): Finding {
  const out: Finding = { rule: f.rule, severity: f.severity, sheet: f.sheet, row: f.row, column: f.column, cell: f.cell, message: { "zh-CN": f.message["zh-CN"], "en-US": f.message["en-US"] } };
  if (f.field !== undefined) out.field = f.field;
  return out;
}

/** Runs the check; `pause` is awaited between its slices (a UI thread yields there). */
export async function runCheck(input: CheckInput, pause: () => Promise<void> = async () => undefined): Promise<CheckDetail> {
  const { ledger: reading, companions, warnings } = readLedgerBlock(input.block, input.mapping, input.merges ?? [], input.companions, input.whole === true, input.order ?? []);
  await pause();
  const audit = auditLedger(reading, companions, input.asOf, input.policy);
  await pause();
  const results = resultsSheet(audit, input.lang, input.names.results);
  await pause();
  const findings = findingsSheet(audit, input.lang, input.names.findings);
  // Worked out here, where the rows are made (the pane's worker), not on the UI thread at the swap.
  results.fingerprint = fingerprint(allRows(results));
  findings.fingerprint = fingerprint(allRows(findings));
  const snapshot = toPlainSnapshot(snapshotOfCheck({ audit, policy: input.policy, asOf: input.asOf }));
  return { summary: { totals: audit.totals, findings: audit.findings.map(plainFinding), reading: audit.reading, firstDate: firstDateOf(reading) }, snapshot, results, findings, warnings, audit, reading };
}

/** The ledger's first date: the earliest date arisen of every line read, settled ones too. */
function firstDateOf(reading: LedgerReading): number | null {
  let first: number | null = null;
  for (const r of reading.rows) {
    const d = r.dateArisen;
    if (d !== null && (first === null || d < first)) first = d;
  }
  return first;
}

/** The check as a Web Worker posts it back: its plain-data part (CheckOutput), without the core's objects. */
export async function runPlainCheck(input: CheckInput): Promise<CheckOutput> {
  const { summary, snapshot, results, findings, warnings } = await runCheck(input);
  return { summary, snapshot, results, findings, warnings };
}
