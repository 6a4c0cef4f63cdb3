/**
 * A ribbon report, end to end inside Excel: the workbook's saved setup says which ledger and
 * which as-of date (a check from the task pane saved them); the ledger and its companion tables
 * are read as the check reads them; the core checks and builds the report; sheet-writer.ts
 * writes it to the add-in's own sheet. One Excel.run, a bounded number of syncs, and the user's
 * cells are only ever read.
 */
import type { DayNumber } from "../core/calendar";
import { parseDate } from "../core/dates";
import { auditLedger } from "../core/ledger/check";
import { snapshotsFromSaved } from "../core/ecl/saved";
import { buildReport, REPORT_IDS, type ReportId, type ReportInput } from "../core/reports/index";
import { stringsFor, type Lang } from "../i18n";
import { cancelled, GatewayError } from "./errors";
import { readLedgerBlock, readLedgerBlocks } from "./ledger-read";
import { companyNameFor, mergeCompany } from "../core/notices/company";
import { queueStoredCompany, storedCompanyFrom } from "./company";
import { HISTORY_SHEET_NAMES, historySheetName, readHistorySheetIfAny } from "./ecl-history";
import { ownedStates } from "./owned";
import type { ReadOptions } from "./read";
import { loadSetup, readPolicy } from "./setup";
import { writeReportSheets } from "./sheet-writer";
import type { ExcelRun } from "./validate-run";

interface ReportProgress {
  phase: "read" | "build" | "write";
  done: number;
  total: number;
}

interface ReportParams {
  lang: Lang;
  /** Default: the as-of date of the last check, saved in the workbook. */
  asOf?: DayNumber;
  onProgress?: (p: ReportProgress) => void;
  /** The user agreed to replace the report sheet although someone edited it since the last run. */
  replaceEdited?: boolean;
  signal?: { readonly aborted: boolean };
  maxRequestBytes?: number;
  /** See WriteReportOptions.chartSeries. */
  chartSeries?: boolean;
}

export type ReportOutcome = { kind: "done"; sheet: string } | { kind: "confirm"; edited: string[] };

const NO_LEDGER = {
  "zh-CN": "此工作簿尚未设置台账。请先在任务窗格中选择台账并运行一次检查，然后再生成报表。",
  "en-US": "This workbook has no ledger set up yet. Choose the ledger in the task pane and run a check first, then make the report.",
};

/** Writes go in smaller requests than reads, as the check's do. */
const WRITE_BUDGET = 2 * 1024 * 1024;

/** Every report sheet name in both languages: never read as a companion table. */
function reportSheetNames(): string[] {
  return (["zh-CN", "en-US"] as const).flatMap((lang) => REPORT_IDS.map((id) => stringsFor(lang).reports.sheetNames[id]));
}

export async function runReport(run: ExcelRun, reportId: ReportId, p: ReportParams): Promise<ReportOutcome> {
  const progress = p.onProgress ?? (() => undefined);
  return run(async (context) => {
    const storedCompany = queueStoredCompany(context); // read with the setup's round trip
    const setup = await loadSetup(context);
    // A report runs on the ledger and as-of date of the last check; without one there is nothing to report on.
    const asOf = p.asOf ?? (setup.asOf === null ? null : parseDate(setup.asOf, "asOf"));
    if (setup.ledger === null || asOf === null) throw new GatewayError("NoLedger", NO_LEDGER);
    const { policy, sheet: policySheet } = await readPolicy(context);
    const s = stringsFor(p.lang).output;
    const skip = [setup.sheets?.results ?? s.resultsSheet, setup.sheets?.findings ?? s.findingsSheet, ...(policySheet === null ? [] : [policySheet]), ...(setup.sheets?.history === undefined ? [] : [setup.sheets.history]), ...HISTORY_SHEET_NAMES, ...reportSheetNames()];
    const read: ReadOptions = { onProgress: (done, total) => progress({ phase: "read", done, total }), ...(p.signal ? { signal: p.signal } : {}), ...(p.maxRequestBytes ? { maxRequestBytes: p.maxRequestBytes } : {}) };
    const blocks = await readLedgerBlocks(context, setup.ledger, skip, read);
    if (p.signal?.aborted) throw cancelled();

    progress({ phase: "build", done: 0, total: blocks.ledger.values.length });
    // The saved mapping and the same reading as the check: a header that is no longer found is the core's ArError, passed on.
    const { ledger: reading, companions } = readLedgerBlock(blocks.ledger, setup.mapping, blocks.merges, blocks.companions, blocks.whole, blocks.order);
    const audit = auditLedger(reading, companions, asOf, policy);
    // The expected credit loss reads the aging snapshots the checks saved (before this as-of date);
    // a row of that sheet that does not read stops it, naming the row, rather than leave a period out.
    let ecl: ReportInput["ecl"];
    if (reportId === "expectedCreditLoss") {
      const kept = await readHistorySheetIfAny(context, await historySheetName(context, setup.sheets?.history, p.lang), policy);
      if (kept.problems.length > 0) throw new GatewayError("HistoryUnreadable", { "zh-CN": kept.problems.map((x) => x["zh-CN"]).join("\n"), "en-US": kept.problems.map((x) => x["en-US"]).join("\n") });
      if (kept.history.length > 0) ecl = { history: snapshotsFromSaved(kept.history, asOf - 1) };
    }
    const company = companyNameFor(mergeCompany(storedCompanyFrom(storedCompany), policy), p.lang);
    const spec = buildReport(reportId, { reading, audit, companions, policy, asOf, company, ...(ecl === undefined ? {} : { ecl }) }, p.lang);
    progress({ phase: "build", done: blocks.ledger.values.length, total: blocks.ledger.values.length });
    if (p.signal?.aborted) throw cancelled();

    const states = await ownedStates(context, [spec.name]);
    if (states[spec.name] === "edited" && !p.replaceEdited) return { kind: "confirm", edited: [spec.name] };
    await writeReportSheets(context, [spec], {
      ...(p.signal ? { signal: p.signal } : {}),
      ...(p.chartSeries === undefined ? {} : { chartSeries: p.chartSeries }),
      maxRequestBytes: Math.min(p.maxRequestBytes ?? WRITE_BUDGET, WRITE_BUDGET),
      onProgress: (done, total) => progress({ phase: "write", done, total }),
    });
    return { kind: "done", sheet: spec.name };
  });
}
