/**
 * A questionnaire sheet read back into the form, each cell that cannot be read named.
 */
import { format } from "../../../i18n";
import { bi, type Bilingual } from "../../../i18n/bilingual";
import { ArError } from "../../errors";
import { Dec, formatMoneyGrouped, parseMoney, quoteInput } from "../../money";
import type { Policy } from "../../policy/types";
import { emptyForm, FIELD_LABELS, formAnswerOf, HEADER_KEYS, type HeaderKey, L, MAX_RATERS, type QuestionnaireForm } from "./form";
import { raterLabel } from "./score";
import { address, COL, PAIR } from "./sheet";

export interface SheetProblem {
  /** "客户A-调查表!H13". */
  cell: string;
  /** 0-based, as in the values grid. */
  row: number;
  col: number;
  message: Bilingual;
}

export function both(text: Bilingual): string[] {
  return [text["zh-CN"], text["en-US"]];
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** A label as typed, without the colon a user may add. */
function labelKey(v: unknown): string {
  return cellText(v).trim().replace(/[:：]$/, "");
}

const LABEL_TO_KEY = new Map<string, HeaderKey>(HEADER_KEYS.flatMap((k) => both(FIELD_LABELS[k]).map((l) => [l, k] as const)));

export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function contractValueText(v: unknown): string {
  if (typeof v === "number" && Number.isFinite(v)) {
    const d = parseMoney(v, "contractValue");
    if (d !== null) return d.decimalPlaces() <= 2 ? formatMoneyGrouped(d) : d.toFixed();
  }
  return cellText(v);
}

function weightText(v: unknown): string | null {
  if (isBlankCell(v)) return null;
  if (typeof v === "number" && Number.isFinite(v)) return new Dec(v.toPrecision(15)).toFixed();
  return cellText(v);
}

/**
 * Reads a questionnaire sheet's values (as getUsedRange(true).values gives them from A1; cells a
 * user added elsewhere are ignored) back into a form. An answer cell that cannot be read is listed
 * with its address and read as unanswered; so is a weight cell that no longer holds the policy's
 * weight (the pane scores with the policy's). Returns null when the sheet is not a questionnaire
 * (no title, or no table header below it). Never throws for a bad cell.
 */
export function readQuestionnaireSheet(
  sheetName: string,
  values: readonly (readonly unknown[])[],
  policy: Policy,
): { form: QuestionnaireForm; problems: SheetProblem[] } | null {
  const at = (r: number, c: number): unknown => values[r]?.[c];
  const titles = both(L.title);
  const titleRow = values.findIndex((row, r) => r < 5 && titles.includes(labelKey(row[0])));
  if (titleRow < 0) return null;
  const headerRow = values.findIndex((row, r) => r > titleRow && both(L.no).includes(labelKey(row[COL.no])) && both(L.group).includes(labelKey(row[COL.group])));
  if (headerRow < 0) return null;

  const problems: SheetProblem[] = [];
  const problem = (row: number, col: number, message: Bilingual): void => {
    problems.push({ cell: `${sheetName}!${address(row, col)}`, row, col, message });
  };

  const form = emptyForm(policy, 1);
  for (let r = titleRow + 1; r < headerRow; r++) {
    for (const { label, value } of PAIR) {
      const key = LABEL_TO_KEY.get(labelKey(at(r, label)));
      if (key === undefined) continue;
      const v = at(r, value);
      form.header[key] = key === "contractValue" ? contractValueText(v) : cellText(v);
    }
  }

  let raters = 0;
  while (raters < MAX_RATERS && !isBlankCell(at(headerRow, COL.raters + raters))) raters += 1;
  raters = Math.max(raters, 1);
  const items = policy.credit.items;
  form.raters = Array.from({ length: raters }, (_, i) => {
    const heading = cellText(at(headerRow, COL.raters + i));
    const isDefault = both(L.rater).some((t) => format(t, { n: i + 1 }) === heading);
    return { name: isDefault ? "" : heading, weight: null, answers: items.map(() => ({ option: null, score: null })) };
  });

  // Item rows by their number in column A, so a row a user inserted in the table is passed over.
  const raterWeightLabels = both(L.raterWeights);
  const seen = new Set<number>();
  let r = headerRow + 1;
  for (; r < values.length; r++) {
    const first = at(r, COL.no);
    if (raterWeightLabels.includes(labelKey(first))) break;
    const no = typeof first === "number" ? first : /^\s*\d+\s*$/.test(cellText(first)) ? Number(cellText(first)) : NaN;
    const item = items[no - 1];
    if (!Number.isInteger(no) || item === undefined || seen.has(no)) continue;
    seen.add(no);
    const weight = at(r, COL.weight);
    if (!(typeof weight === "number" && Number.isFinite(weight) && new Dec(weight.toPrecision(15)).eq(item.weight))) {
      const pct = `${new Dec(item.weight).times(100).toFixed()}%`;
      const q = quoteInput(isBlankCell(weight) ? "" : weight);
      problem(r, COL.weight, bi(`第 ${no} 项的权重“${q}”与制度的 ${pct} 不同；评分按制度的权重计算。`, `Item ${no}'s weight "${q}" differs from the policy's ${pct}; the score uses the policy's weight.`));
    }
    form.raters.forEach((rater, i) => {
      const cell = at(r, COL.raters + i);
      try {
        rater.answers[no - 1] = formAnswerOf(no, cell, policy);
      } catch (e) {
        if (!(e instanceof ArError)) throw e;
        const who = raterLabel(rater, i);
        problem(r, COL.raters + i, bi(`${who["zh-CN"]}：${e.text["zh-CN"]}`, `${who["en-US"]}: ${e.text["en-US"]}`));
      }
    });
  }
  for (const item of items) {
    if (seen.has(item.no)) continue;
    problem(headerRow + item.no, COL.no, bi(`找不到第 ${item.no} 项所在的行；该项按未回答处理。`, `Item ${item.no}'s row is missing; it is read as unanswered.`));
  }
  if (r < values.length) form.raters.forEach((rater, i) => (rater.weight = weightText(at(r, COL.raters + i))));
  return { form, problems };
}

