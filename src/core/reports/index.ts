/**
 * The report registry: the supervisor reports of the ribbon (DESIGN.md), the expected credit loss
 * (CAS 22) among them, each a builder from
 * a ReportInput to a SheetSpec. The ids are the ribbon buttons' ExecuteFunction names
 * (manifest.xml), so a command handler finds its report by its own name.
 */
import { ArError } from "../errors";
import type { Bilingual, Lang } from "../../i18n/bilingual";
import { stringsFor } from "../../i18n";
import { buildAgingAnalysis } from "./aging-analysis";
import { buildClassification } from "./classification";
import { buildCollectionPlan } from "./collection-plan";
import { buildExpectedCreditLoss } from "./expected-credit-loss";
import type { ReportInput } from "./input";
import { buildLongAgedCleanup } from "./long-aged";
import { buildPerformanceDeduction } from "./performance";
import { buildProvisionSchedule } from "./provision-schedule";
import type { ReportId, SheetSpec } from "./sheet-spec";
import { buildWriteOffCandidates } from "./write-off";

export type { ReportInput, WrittenOffItem } from "./input";
export type { AssetSettlement } from "./performance";
export { WRITTEN_OFF_WORDS } from "./input";
export * from "./sheet-spec";
export { buildAgingAnalysis, buildClassification, buildCollectionPlan, buildExpectedCreditLoss, buildLongAgedCleanup, buildPerformanceDeduction, buildProvisionSchedule, buildWriteOffCandidates };

interface ReportDefinition {
  id: ReportId;
  title: Bilingual;
  build: (input: ReportInput, lang: Lang) => SheetSpec;
  /** Whether the ribbon has a button for it (manifest.xml); the headless audit writes every report. */
  onRibbon: boolean;
}

function titleOf(id: ReportId): Bilingual {
  return { "zh-CN": stringsFor("zh-CN").reports.titles[id], "en-US": stringsFor("en-US").reports.titles[id] };
}

/** In the ribbon's order. */
export const REPORTS: readonly ReportDefinition[] = [
  { id: "agingAnalysis", title: titleOf("agingAnalysis"), build: buildAgingAnalysis, onRibbon: true },
  { id: "classification", title: titleOf("classification"), build: buildClassification, onRibbon: true },
  { id: "provisionSchedule", title: titleOf("provisionSchedule"), build: buildProvisionSchedule, onRibbon: true },
  { id: "longAgedCleanup", title: titleOf("longAgedCleanup"), build: buildLongAgedCleanup, onRibbon: true },
  { id: "writeOffCandidates", title: titleOf("writeOffCandidates"), build: buildWriteOffCandidates, onRibbon: true },
  { id: "collectionPlan", title: titleOf("collectionPlan"), build: buildCollectionPlan, onRibbon: true },
  { id: "expectedCreditLoss", title: titleOf("expectedCreditLoss"), build: (input, lang) => buildExpectedCreditLoss(input, lang), onRibbon: true },
  { id: "performanceDeduction", title: titleOf("performanceDeduction"), build: buildPerformanceDeduction, onRibbon: true },
];

export const REPORT_IDS: readonly ReportId[] = REPORTS.map((r) => r.id);
/** The reports the ribbon has a button for (manifest.xml's ExecuteFunction names). */
export const RIBBON_REPORT_IDS: readonly ReportId[] = REPORTS.filter((r) => r.onRibbon).map((r) => r.id);

export function isReportId(name: string): name is ReportId {
  return (REPORT_IDS as readonly string[]).includes(name);
}

/** One report by id. */
export function buildReport(id: ReportId, input: ReportInput, lang: Lang): SheetSpec {
  const def = REPORTS.find((r) => r.id === id);
  if (def === undefined) {
    throw new ArError("reports.unknown", { "zh-CN": `没有名为“${String(id)}”的报表。`, "en-US": `There is no report called "${String(id)}".` });
  }
  return def.build(input, lang);
}

/** Every report (or the ones named), in the ribbon's order. */
export function buildReports(input: ReportInput, lang: Lang, ids: readonly ReportId[] = REPORT_IDS): SheetSpec[] {
  return REPORTS.filter((r) => ids.includes(r.id)).map((r) => r.build(input, lang));
}
