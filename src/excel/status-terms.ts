/**
 * The status vocabulary (POLICY §2 and §8: 004 五.第三条 and 七.第一条) offered as a drop-down on a
 * status column of the add-in's own sheets: the collection log it starts (its 催收结果 column).
 *
 * The list lives on a sheet the add-in owns ("AR状态用语"), one term per row with what choosing it
 * does and the article, so the drop-down and the reader's reference are the same words. A defined
 * name points at the terms, and the drop-down's source is the name: a re-run rewrites the sheet
 * in place (owned.ts) and moves the name to the new length, so a company's own conditions added in
 * the policy sheet reach every drop-down made before. A list typed into the rule itself could not
 * hold them: Excel keeps a list's source to 255 characters, and the English terms are longer.
 *
 * The alert is Information, not Stop: free text stays allowed (a result like "承诺月底付款" is not
 * a condition), and the check reads any text by the same rules (status.ts), never guessing.
 */
import { statusChoices } from "../core/status";
import type { Policy } from "../core/policy/types";
import type { Lang } from "../i18n/bilingual";
import { stringsFor } from "../i18n";
import { ownedStates, writeOwnedSheets, type OwnedSheetSpec } from "./owned";
import { hostRequirements, type Requirements } from "./run";

/** The defined name of each language's list (a workbook may hold a log in either). */
const STATUS_TERMS_NAME: Readonly<Record<Lang, string>> = {
  "zh-CN": "ReceivablesSteward_StatusTerms_zh",
  "en-US": "ReceivablesSteward_StatusTerms_en",
};

/** Rows of a log that get the drop-down: the header's row is left alone. */
export const STATUS_DROPDOWN_ROWS = 5000;

/** The vocabulary as an owned sheet: the term (what the drop-down offers), what it does, the article. */
function statusTermsSpec(policy: Pick<Policy, "directToBad" | "writeOff">, lang: Lang): OwnedSheetSpec {
  const s = stringsFor(lang).statusTerms;
  return {
    name: s.sheet,
    header: [s.term, s.effect, s.article],
    columns: ["text", "text", "text"],
    rows: statusChoices(policy).map((c) => [c.text[lang], c.effect === "bad" ? s.effectBad : s.effectWriteOff, c.article]),
    widths: [44, 30, 14],
  };
}

/**
 * Writes the vocabulary sheet and points the language's defined name at its terms. Returns the
 * drop-down's source ("=ReceivablesSteward_StatusTerms_zh"), or null where there is no list to
 * offer: a user's own sheet holds the name (never touched), or the host lacks defined names.
 * A sheet someone edited since it was written is kept as it is (they may have added terms), and
 * the name, which already points at it, too.
 */
export async function writeStatusTerms(
  context: Excel.RequestContext,
  policy: Pick<Policy, "directToBad" | "writeOff">,
  lang: Lang,
  requirements: Requirements = hostRequirements(),
): Promise<string | null> {
  if (!requirements.isSetSupported("ExcelApi", "1.4")) return null;
  const spec = statusTermsSpec(policy, lang);
  const nameKey = STATUS_TERMS_NAME[lang];
  const state = (await ownedStates(context, [spec.name]))[spec.name];
  if (state === "foreign") return null;
  const existing = context.workbook.names.getItemOrNullObject(nameKey);
  await context.sync();
  if (state === "edited") return existing.isNullObject ? null : `=${nameKey}`;
  await writeOwnedSheets(context, [spec]);
  const terms = context.workbook.worksheets.getItem(spec.name).getRange(`A2:A${spec.rows.length + 1}`);
  if (existing.isNullObject) context.workbook.names.add(nameKey, terms);
  else {
    terms.load("address");
    await context.sync();
    existing.formula = `=${terms.address}`;
  }
  await context.sync();
  return `=${nameKey}`;
}

/** Queues the drop-down on a column's cells (ExcelApi 1.8); false where the host lacks data validation. */
export function queueStatusDropDown(range: Excel.Range, source: string, lang: Lang, requirements: Requirements = hostRequirements()): boolean {
  if (!requirements.isSetSupported("ExcelApi", "1.8")) return false;
  const s = stringsFor(lang).statusTerms;
  range.dataValidation.clear();
  range.dataValidation.rule = { list: { inCellDropDown: true, source } };
  range.dataValidation.prompt = { showPrompt: true, title: s.promptTitle, message: s.prompt };
  range.dataValidation.errorAlert = { showAlert: true, style: "Information", title: s.promptTitle, message: s.notInList };
  return true;
}
