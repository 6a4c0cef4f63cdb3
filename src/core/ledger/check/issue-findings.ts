/**
 * Every cell the reading could not use (a ParseIssue) as a finding of the check.
 */
import { bi } from "../../../i18n/bilingual";
import { type Finding, makeFinding, type MessageParams, type RuleId } from "../findings";
import type { AsOfView, LedgerReading } from "../index";
import type { ParseIssue } from "../parse-issues";
import { AuditRun } from "./run";

const ISSUE_RULES: Record<ParseIssue["issue"], RuleId> = {
  "missing-field": "missing-field",
  "bad-date": "bad-date",
  "bad-amount": "bad-amount",
  "bad-number": "bad-value",
  "bad-probability": "bad-value",
  "bad-boolean": "bad-value",
  "bad-text": "bad-value",
  "excel-error": "excel-error",
  "unknown-document": "unknown-document",
  "unallocated-receipt": "unallocated-receipt",
  "sub-fen": "sub-fen-amount",
};

/**
 * The label and the explanation of a ParseIssue, without the "工作表“…”第 N 行 F 列（label）："
 * prefix its text starts with (the finding names the cell its own way).
 */
function issueParts(issue: ParseIssue): MessageParams {
  const zhPrefix = `工作表“${issue.sheet}”第 ${issue.row} 行 ${issue.column} 列（`;
  const enPrefix = `Sheet "${issue.sheet}", row ${issue.row}, column ${issue.column} (`;
  const split = (text: string, prefix: string, close: string): [string, string] => {
    if (!text.startsWith(prefix)) return [issue.field, text];
    const end = text.indexOf(close, prefix.length);
    if (end < 0) return [issue.field, text];
    return [text.slice(prefix.length, end), text.slice(end + close.length)];
  };
  const [zhLabel, zhDetail] = split(issue.zh, zhPrefix, "）：");
  const [enLabel, enDetail] = split(issue.en, enPrefix, "): ");
  return { label: bi(zhLabel, enLabel), detail: bi(zhDetail, enDetail) };
}

function issueFinding(issue: ParseIssue): Finding {
  return makeFinding(ISSUE_RULES[issue.issue], issue.sheet, issue.row, issue.column, issueParts(issue), { field: issue.field });
}

/** Every cell the reading could not use, as a finding (ledger and companions). */
export function readingFindings(run: AuditRun, read: LedgerReading, view: AsOfView): void {
  for (const issue of [...read.issues, ...view.issues]) {
    const f = issueFinding(issue);
    const i = run.indexOfSheetRow(issue.sheet, issue.row);
    if (i >= 0) run.attach(i, f);
    else run.addFinding(f);
  }
  for (const c of [run.master, run.bills, run.log]) if (c !== null) for (const issue of c.issues) run.addFinding(issueFinding(issue));
}
