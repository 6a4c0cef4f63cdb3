/**
 * Ribbon command handlers (ExecuteFunction buttons). Each report button builds one supervisor
 * report on the workbook's configured ledger and as-of date (those of the last check in the task
 * pane) and writes it to the report's own sheet. The button shows as busy while it works; the
 * outcome — the sheet written, or what to fix — opens in a small dialog.
 */
import { runReport, type ReportOutcome } from "../excel/report-run";
import { toGatewayError } from "../excel/errors";
import { excelRunner } from "../excel/run";
import { format, resolveLang, stringsFor, type Lang } from "../i18n";

export const REPORT_COMMANDS = [
  "agingAnalysis",
  "classification",
  "provisionSchedule",
  "longAgedCleanup",
  "writeOffCandidates",
  "collectionPlan",
  "expectedCreditLoss",
  "performanceDeduction",
] as const;

type ReportCommand = (typeof REPORT_COMMANDS)[number];

/** What the dialog says, in the user's language. */
export function outcomeMessage(outcome: ReportOutcome | { kind: "error"; error: unknown }, lang: Lang): { kind: "ok" | "error"; text: string } {
  const s = stringsFor(lang).commands;
  if (outcome.kind === "done") return { kind: "ok", text: format(s.done, { sheet: outcome.sheet }) };
  if (outcome.kind === "confirm") return { kind: "error", text: format(s.edited, { sheets: outcome.edited.map((n) => `“${n}”`).join(", ") }) };
  const e = outcome.error;
  const worded = e && typeof e === "object" && "text" in e ? (e as { text: Record<Lang, string> }).text : toGatewayError(e).text;
  return { kind: "error", text: worded[lang] };
}

function showOutcome(message: { kind: "ok" | "error"; text: string }): void {
  const url = `${window.location.origin}/outcome.html?kind=${message.kind}&text=${encodeURIComponent(message.text)}`;
  Office.context.ui.displayDialogAsync(url, { height: 25, width: 35, displayInIframe: true }, (result) => {
    if (result.status !== Office.AsyncResultStatus.Succeeded) return;
    const dialog = result.value;
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
  });
}

async function runCommand(name: ReportCommand, event: Office.AddinCommands.Event): Promise<void> {
  const lang = resolveLang(Office.context.displayLanguage);
  try {
    // Chart series names and categories use ExcelApi 1.7 when Office has it (runReport asks);
    // without them a chart falls back to its spec's source block.
    const outcome = await runReport(excelRunner(Excel), name, { lang });
    showOutcome(outcomeMessage(outcome, lang));
  } catch (error) {
    showOutcome(outcomeMessage({ kind: "error", error }, lang));
  } finally {
    // Completing the event is mandatory: Office otherwise shows the button as busy for good.
    event.completed();
  }
}

function reportHandler(name: ReportCommand) {
  return (event: Office.AddinCommands.Event): void => {
    // Office does not await a command's handler, it waits for event.completed(), which runCommand's
    // finally always calls. A report's failure is shown in the dialog; only a failure to show the
    // dialog itself is left, and the console is the one place left to report it.
    runCommand(name, event).catch((error: unknown) => console.error(error));
  };
}

if (typeof Office !== "undefined") {
  // Fire and forget: the callback does the work; the promise onReady also returns carries nothing more.
  void Office.onReady(() => {
    for (const name of REPORT_COMMANDS) Office.actions.associate(name, reportHandler(name));
  });
}
