/**
 * What the Validate panel asks of the workbook, as plain async functions (the components never
 * touch Office.js; tests and the preview pass their own). The Excel implementation wraps each
 * call in Excel.run and turns Office errors into GatewayErrors with a message to show.
 */
import type { WorkbookSurvey } from "../../excel/candidates";
import { toGatewayError } from "../../excel/errors";
import { previewHeader, type HeaderPreview } from "../../excel/header-preview";
import type { LedgerSource } from "../../excel/read";
import { loadSetup, readPolicy, saveSetup, selectCell, type WorkbookSetup } from "../../excel/setup";
import type { Policy } from "../../core/policy/types";
import type { PolicySaved } from "../../excel/policy-edit";
import type { ExcelRun, ValidateOutcome, ValidateParams } from "../../excel/validate-run";
import type { Checker } from "../../excel/check";
import type { NoticesOutcome, NoticesParams } from "../../excel/notices-run";
import type { CreditSheets, LetterParams, LetterReplies, SaveOutcome } from "../../excel/credit-run";
import type { MasterOutcome, MasterProposal, MasterValues } from "../../excel/credit-master";
import type { QuestionnaireForm, SheetProblem } from "../../core/credit-forms/questionnaire";
import type { Lang } from "../../i18n/bilingual";
import type { Finding } from "../../core/ledger/findings";
import { addHighlights, removeHighlights, type HighlightOutcome } from "../../excel/highlights";
import type { CompanyInfo } from "../../core/notices/company";
import { loadCompany, queueSaveCompany } from "../../excel/company";

export interface ValidateGateway {
  /** The ledger candidates, best first, and the companion tables found (never offered as the ledger). */
  candidates(): Promise<WorkbookSurvey>;
  setup(): Promise<WorkbookSetup>;
  header(source: LedgerSource): Promise<HeaderPreview>;
  validate(params: ValidateParams): Promise<ValidateOutcome>;
  select(sheet: string, address: string): Promise<void>;
  /** The policy in force: the workbook's policy sheet, else the defaults (sheet null). */
  policy(): Promise<{ policy: Policy; sheet: string | null }>;
  /** Saves the Policy tab's edits (typed values by policy-table key) into the policy sheet; returns the policy now in force. */
  savePolicy(edits: Map<string, string>, lang: Lang): Promise<PolicySaved>;
  /** Finds (dryRun) or makes collection notices or confirmation letters. */
  notices(params: NoticesParams): Promise<NoticesOutcome>;
  /** Marks the findings' cells on the ledger with the add-in's own conditional formats (replacing earlier marks). */
  highlight(sheet: string, findings: Finding[]): Promise<HighlightOutcome>;
  /** Removes the add-in's marks; returns how many rules there were. */
  unhighlight(): Promise<number>;
  /** Shows a sheet (a notice just made). */
  showSheet(sheet: string): Promise<void>;
  creditSheets(): Promise<CreditSheets>;
  /** The workbook's URL or path ("" for a new, unsaved one): what the pane keys its drafts by. */
  documentKey(): string;
  loadQuestionnaire(sheet: string): Promise<{ form: QuestionnaireForm; problems: SheetProblem[]; policy: Policy }>;
  saveQuestionnaire(p: { form: QuestionnaireForm; lang: Lang; sheet: string | null; replaceEdited?: boolean }): Promise<SaveOutcome>;
  /** Shows (apply false) or makes (apply true, with what was shown) the customer master update. */
  masterUpdate(p: { proposal: MasterProposal; lang: Lang; apply: boolean; expected?: MasterValues }): Promise<MasterOutcome>;
  makeSupplierLetter(p: LetterParams): Promise<{ sheet: string }>;
  loadSupplierLetter(sheet: string): Promise<LetterReplies>;
  /** Writes the replies that differ from the letter's; returns how many. */
  saveSupplierReplies(p: { sheet: string; replies: (number | null)[] }): Promise<number>;
  /** 单位信息: the details in force (the form's over the policy sheet's). */
  company(): Promise<CompanyInfo>;
  /** Saves the setup form's details in the workbook. */
  saveCompany(info: CompanyInfo): Promise<void>;
  /** Remembers the as-of date for every tab (and the next person who opens the workbook). */
  saveAsOf(iso: string): Promise<void>;
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e && typeof e === "object" && "id" in e && "text" in e) throw e; // an ArError from the core: already worded
    throw toGatewayError(e);
  }
}

export function excelGateway(run: ExcelRun, ownSheets: () => string[], checker?: Checker): ValidateGateway {
  return {
    // On demand like the runs below: the survey reads headers with the ledger reader, which
    // would otherwise weigh on the pane's first bundle (its budget, issue: ≤ 300 KB gzipped).
    candidates: () =>
      guarded(async () => {
        const { surveyWorkbook } = await import("../../excel/candidates");
        return run((context) => surveyWorkbook(context, new Set(ownSheets())));
      }),
    setup: () => guarded(() => run((context) => loadSetup(context))),
    header: (source) => guarded(() => run((context) => previewHeader(context, source))),
    // Loaded on the first check, as the other tabs' runs are: the pane opens on the Validate tab,
    // and what it shows first (the ledgers found, their headers) needs none of the check's writing.
    validate: (params) => guarded(async () => (await import("../../excel/validate-run")).runValidate(run, checker ? { ...params, checker } : params)),
    select: (sheet, address) => guarded(() => run((context) => selectCell(context, sheet, address))),
    policy: () => guarded(() => run((context) => readPolicy(context))),
    // With the Policy tab's chunk, not the pane's.
    savePolicy: (edits, lang) =>
      guarded(async () => {
        const [{ savePolicyEdits }, { policyFormGroups }] = await Promise.all([import("../../excel/policy-edit"), import("../../core/policy/form")]);
        return run(async (context) => {
          const current = await readPolicy(context);
          return savePolicyEdits(context, edits, policyFormGroups(current.policy).flatMap((g) => g.fields), lang);
        });
      }),
    // The Credit and Notices tabs' workbook code loads with the tab (its own chunk), not with the pane.
    notices: (params) => guarded(async () => (await import("../../excel/notices-run")).runNotices(run, params)),
    highlight: (sheet, findings) => guarded(() => run((context) => addHighlights(context, sheet, findings))),
    unhighlight: () => guarded(() => run((context) => removeHighlights(context))),
    showSheet: (sheet) => guarded(() => run((context) => selectCell(context, sheet, "A1"))),
    creditSheets: () => guarded(async () => {
      const { findCreditSheets } = await import("../../excel/credit-run");
      return run((context) => findCreditSheets(context));
    }),
    documentKey: () => {
      try {
        return typeof Office !== "undefined" ? (Office.context?.document?.url ?? "") : "";
      } catch {
        return "";
      }
    },
    loadQuestionnaire: (sheet) => guarded(async () => (await import("../../excel/credit-run")).loadQuestionnaire(run, sheet)),
    saveQuestionnaire: (p) => guarded(async () => (await import("../../excel/credit-run")).saveQuestionnaire(run, p)),
    masterUpdate: (p) => guarded(async () => (await import("../../excel/credit-master")).runMasterUpdate(run, p)),
    makeSupplierLetter: (p) => guarded(async () => (await import("../../excel/credit-run")).makeSupplierLetter(run, p)),
    loadSupplierLetter: (sheet) => guarded(async () => (await import("../../excel/credit-run")).loadSupplierLetter(run, sheet)),
    saveSupplierReplies: (p) => guarded(async () => (await import("../../excel/credit-run")).saveSupplierReplies(run, p)),
    company: () => guarded(() => run(async (context) => loadCompany(context, (await readPolicy(context)).policy))),
    saveCompany: (info) =>
      guarded(() =>
        run(async (context) => {
          queueSaveCompany(context, info);
          await context.sync();
        }),
      ),
    saveAsOf: (iso) =>
      guarded(() =>
        run(async (context) => {
          const setup = await loadSetup(context);
          if (setup.asOf === iso) return;
          saveSetup(context, { ...setup, asOf: iso });
          await context.sync();
        }),
      ),
  };
}
