/**
 * Ribbon command handlers (ExecuteFunction buttons). Each report button runs a report on the
 * workbook's configured ledger and as-of date. The report builders arrive with the supervisor
 * reports issue; until then a button says so in the workbook's notification area instead of
 * failing silently.
 */
export const REPORT_COMMANDS = [
  "agingAnalysis",
  "classification",
  "provisionSchedule",
  "longAgedCleanup",
  "writeOffCandidates",
  "collectionPlan",
] as const;

export type ReportCommand = (typeof REPORT_COMMANDS)[number];

function reportHandler(name: ReportCommand) {
  return (event: Office.AddinCommands.Event): void => {
    // Completing the event is mandatory: Office otherwise shows the button as busy.
    console.info(`Receivables Steward: report "${name}" is not available in this version.`);
    event.completed();
  };
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    for (const name of REPORT_COMMANDS) Office.actions.associate(name, reportHandler(name));
  });
}
