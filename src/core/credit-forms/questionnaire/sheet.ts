/**
 * The print-ready questionnaire sheet (POLICY §5.1) as a SheetSpec, with the add-in's own score,
 * grade and limit formulas.
 */
import { format } from "../../../i18n";
import type { Lang } from "../../../i18n/bilingual";
import { Dec, parseMoney } from "../../money";
import { uniqueSheetName } from "../../notices/letter";
import { DEFAULT_POLICY } from "../../policy/defaults";
import type { Policy } from "../../policy/types";
import { type CellRange, type CellStyle, type ColumnPlan, integerCell, moneyCellExact, type NoticeId, percentCell, rangeAddress, SheetBuilder, type SheetSpec, type SpecCell, textCell } from "../../reports/sheet-spec";
import type Decimal from "decimal.js";
import { answerCellValue, checkShape, decimalOf, FIELD_LABELS, FIELD_ROWS, type FormAnswer, L, type QuestionnaireForm } from "./form";
import { type FormScore, scoreForm } from "./score";

/** The fixed columns before the raters': 序号 | 类别 | 项目 | 权重 | option 1 | option 2 | option 3. */
export const COL = { no: 0, group: 1, item: 2, weight: 3, options: 4, raters: 7 } as const;
/** Label and value columns of the field rows: a label spans two columns, its value the next two (the last one to the edge). */
export const PAIR = [
  { label: 0, value: 2 },
  { label: 4, value: 6 },
] as const;
/** The result rows: label over 序号..项目, value over 权重..option 3. */
const RESULT = { label: 0, labelCols: 3, value: 3, valueCols: 4 } as const;

export interface QuestionnaireCells {
  /** A1 addresses on the questionnaire sheet (no sheet name, no $). */
  score: string;
  grade: string;
  limit: string;
  contractValue: string;
  /** The rater columns over the item rows. */
  answers: string;
  /** The weight column over the item rows. */
  weights: string;
  /** The rater weights row, when the score formula uses it (some rater has a weight); else null. */
  raterWeights: string | null;
  /** Each rater's own score cell. */
  perRater: string[];
  /** The grade table passed to CREDIT_GRADE and SUGGESTED_LIMIT when the policy's grades are not the defaults. */
  grades: string | null;
}

export interface QuestionnaireSheet {
  spec: SheetSpec;
  cells: QuestionnaireCells;
  /** The pane's score the formula cells show as their values (problems included: a caller may refuse to print). */
  score: FormScore;
}

const QUESTIONNAIRE_ID: NoticeId = "questionnaire";

export function address(row: number, col: number): string {
  return rangeAddress({ row, col, rows: 1, cols: 1 });
}

export function numberCell(d: Decimal, style?: CellStyle): SpecCell {
  const cell: SpecCell = d.isInteger() ? integerCell(d.toNumber()) : { v: d.toNumber(), t: "decimal" };
  if (style !== undefined) cell.style = style;
  return cell;
}

/** An answer cell: General, so a code shows as 1 and a score as typed (85.5), and a blank takes either. */
function answerCell(a: FormAnswer): SpecCell {
  const v = answerCellValue(a);
  if (typeof v === "string") return textCell(v);
  return { v: v === null ? null : new Dec(v).toNumber(), t: "number" };
}

/** A rater weight as a number; text the writers keep as text when it is not one (the formula then shows the error). */
function raterWeightCell(weight: string | null): SpecCell {
  const w = decimalOf(weight);
  if (w === "blank") return integerCell(null);
  if (w === "invalid") return textCell(weight);
  return numberCell(w);
}

function contractValueCell(text: string): SpecCell {
  try {
    const value = parseMoney(text, "contractValue");
    return moneyCellExact(value === null ? null : value.toFixed());
  } catch {
    // Kept as typed, so it is not lost; SUGGESTED_LIMIT shows #VALUE! and scoreForm names it.
    return textCell(text, "wrap");
  }
}

/**
 * Whether the policy scores answers as the functions' defaults do. CREDIT_SCORE takes the item
 * weights from the sheet but not the answer ranges or the don't-know score, so a policy that
 * changes those is scored by the pane, and the sheet's note says which figure counts.
 */
export function sameAnswerScores(policy: Policy): boolean {
  const a = policy.credit;
  const d = DEFAULT_POLICY.credit;
  return (
    new Dec(a.dontKnowScore).eq(d.dontKnowScore) &&
    a.answerScores.length === d.answerScores.length &&
    a.answerScores.every((r, i) => new Dec(r.min).eq(d.answerScores[i].min) && new Dec(r.max).eq(d.answerScores[i].max) && new Dec(r.mid).eq(d.answerScores[i].mid))
  );
}

function sameGrades(policy: Policy): boolean {
  const a = policy.credit.grades;
  const b = DEFAULT_POLICY.credit.grades;
  return a.length === b.length && a.every((g, i) => g.grade === b[i].grade && g.minScore === b[i].minScore && new Dec(g.limitFactor).eq(b[i].limitFactor));
}

/** "未回答 2 项（第 3、7 项），按“不知道”计 60 分。" before the legend; "" when every item was answered. */
export function unansweredNote(items: readonly number[], policy: Policy, lang: Lang): string {
  if (items.length === 0) return "";
  const dk = policy.credit.dontKnowScore;
  return lang === "zh-CN"
    ? `未回答 ${items.length} 项（第 ${items.join("、")} 项），按“不知道”计 ${dk} 分。`
    : `${items.length === 1 ? "1 item was" : `${items.length} items were`} left unanswered (no. ${items.join(", ")}), scored as don't know (${dk}). `;
}

export function legend(policy: Policy, lang: Lang, raters: number): string {
  const [r1, r2, r3] = policy.credit.answerScores;
  const dk = policy.credit.dontKnowScore;
  const weighted = policy.credit.raterCombination === "weighted-mean" && raters > 1;
  if (lang === "zh-CN") {
    return (
      `填写说明：1、2、3 表示第一、二、三个选项（按 ${r1.mid}、${r2.mid}、${r3.mid} 分计）；? 或 4 表示不知道（按 ${dk} 分计），留空亦按不知道计分；` +
      `也可填写所选选项区间内的具体分数（${r1.min}–${r1.max}、${r2.min}–${r2.max}、${r3.min}–${r3.max}）。` +
      (weighted ? "各评分人的得分按评分人权重加权平均，须填写每位评分人的权重。" : "各评分人的得分取算术平均；填写评分人权重则按权重加权平均。")
    );
  }
  return (
    `How to answer: 1, 2, 3 = the first, second, third answer (scored ${r1.mid}, ${r2.mid}, ${r3.mid}); ? or 4 = don't know (scored ${dk}); a blank counts as don't know. ` +
    `Or give an exact score inside the chosen answer's range (${r1.min}–${r1.max}, ${r2.min}–${r2.max}, ${r3.min}–${r3.max}). ` +
    (weighted ? "Raters' scores are combined by their weights: give every rater a weight." : "Raters' scores are averaged; give rater weights for a weighted mean.")
  );
}

/**
 * The print-ready questionnaire (POLICY §5.1): A4 portrait, fit to width, the table header repeated
 * on every page. Header values are text cells (a customer called "=cmd|…" stays that text), the
 * contract value a money cell; the score, grade and limit are formulas over the sheet's own
 * cells, their values the pane's (scoreForm), for a writer that cannot compute. Throws ArError
 * "credit-form.raters" / "credit-form.answers" for a form of the wrong shape.
 */
export function questionnaireSheet(form: QuestionnaireForm, policy: Policy, lang: Lang, name: string): QuestionnaireSheet {
  checkShape(form, policy);
  // Live score formulas only where CREDIT_SCORE scores as the policy does (see sameAnswerScores).
  const live = sameAnswerScores(policy);
  const items = policy.credit.items;
  const raters = form.raters.length;
  const width = COL.raters + raters;
  const score = scoreForm(form, policy);
  const b = new SheetBuilder(width);
  const title = L.title[lang];
  b.title(title);

  // The meta line: who surveys, and when (the date's cells sit where a pair's value would).
  const meta = b.add("meta", [textCell(`${L.company[lang]}${policy.company.name[lang]}`, "meta"), null, null, null, textCell(FIELD_LABELS.surveyDate[lang], "meta"), null, textCell(form.header.surveyDate, "meta")]);
  b.merge({ row: meta, col: 0, rows: 1, cols: PAIR[1].label });
  b.merge({ row: meta, col: PAIR[1].label, rows: 1, cols: 2 });
  b.merge({ row: meta, col: PAIR[1].value, rows: 1, cols: width - PAIR[1].value });

  let contractValueAt = { row: -1, col: -1 };
  for (const keys of FIELD_ROWS) {
    const cells: (SpecCell | null)[] = new Array<SpecCell | null>(width).fill(null);
    const r = b.rowCount;
    keys.forEach((key, k) => {
      const { label, value } = PAIR[k];
      const last = keys.length === 1 || k === PAIR.length - 1 ? width : PAIR[k + 1].label;
      cells[label] = textCell(FIELD_LABELS[key][lang], "header");
      cells[value] = key === "contractValue" ? contractValueCell(form.header.contractValue) : textCell(form.header[key], "wrap");
      if (key === "contractValue") contractValueAt = { row: r, col: value };
      b.merge({ row: r, col: label, rows: 1, cols: 2 });
      if (last - value > 1) b.merge({ row: r, col: value, rows: 1, cols: last - value });
    });
    b.add("body", cells);
  }

  const ranges = policy.credit.answerScores;
  const headerRow = b.header([
    L.no[lang],
    L.group[lang],
    L.item[lang],
    L.weight[lang],
    ...ranges.map((s, i) => format(L.option[lang], { n: i + 1, min: s.min, max: s.max })),
    ...form.raters.map((r, i) => (r.name.trim() === "" ? format(L.rater[lang], { n: i + 1 }) : r.name)),
  ]);

  const firstItem = b.rowCount;
  items.forEach((item, i) => {
    const firstOfGroup = i === 0 || items[i - 1].group[lang] !== item.group[lang];
    b.add("body", [
      integerCell(item.no),
      firstOfGroup ? textCell(item.group[lang], "wrap") : textCell(null),
      textCell(item.item[lang], "wrap"),
      percentCell(Number(item.weight)),
      ...item.answers.map((a) => textCell(a[lang], "wrap")),
      ...form.raters.map((r) => answerCell(r.answers[i])),
    ]);
  });
  const answersBlock: CellRange = { row: firstItem, col: COL.raters, rows: items.length, cols: raters };
  const weightsBlock: CellRange = { row: firstItem, col: COL.weight, rows: items.length, cols: 1 };
  const answers = rangeAddress(answersBlock);
  const weights = rangeAddress(weightsBlock);

  const fixedLabel = (text: string): (SpecCell | null)[] => [textCell(text, "header"), ...new Array<null>(COL.raters - 1).fill(null)];
  const raterWeightsRow = b.add("body", [...fixedLabel(L.raterWeights[lang]), ...form.raters.map((r) => raterWeightCell(r.weight))]);
  b.merge({ row: raterWeightsRow, col: 0, rows: 1, cols: COL.raters });
  // Always passed when there are several raters: weights typed on the printed sheet later count,
  // as its legend says (an all-blank row is the plain mean).
  const raterWeights = raters > 1 ? rangeAddress({ row: raterWeightsRow, col: COL.raters, rows: 1, cols: raters }) : null;

  const perRaterRow = b.rowCount;
  const perRater = form.raters.map((_, r) => address(perRaterRow, COL.raters + r));
  b.add("body", [
    ...fixedLabel(L.raterScores[lang]),
    ...form.raters.map((_, r): SpecCell => {
      const column = rangeAddress({ ...answersBlock, col: COL.raters + r, cols: 1 });
      const s = score.perRater[r];
      const cell: SpecCell = { v: s === null ? null : Number(s), t: "decimal" };
      if (live) cell.f = `=AR.CREDIT_SCORE(${column},${weights})`;
      return cell;
    }),
  ]);
  b.merge({ row: perRaterRow, col: 0, rows: 1, cols: COL.raters });
  // Items someone left blank were scored as don't know: the printed sheet says so first (issue 18.5).
  b.note(unansweredNote(score.unanswered, policy, lang) + legend(policy, lang, raters) + (live ? "" : ` ${L.customScores[lang]}`));

  // The grade formulas read the policy's grades from the sheet when they are not the functions'
  // defaults: a table after the three result rows, a blank row, its heading and its header.
  const scoreAt = b.rowCount;
  const gradesAt = scoreAt + 6;
  const grades = sameGrades(policy) ? null : rangeAddress({ row: gradesAt, col: 0, rows: policy.credit.grades.length, cols: 3 });
  const bands = grades === null ? "" : `,${grades}`;

  const scoreCell = address(scoreAt, RESULT.value);
  const contractValue = address(contractValueAt.row, contractValueAt.col);
  const result = (label: string, cell: SpecCell): string => {
    const r = b.add("total", [textCell(label, "total"), null, null, { ...cell, style: "total" }]);
    b.merge({ row: r, col: RESULT.label, rows: 1, cols: RESULT.labelCols });
    b.merge({ row: r, col: RESULT.value, rows: 1, cols: RESULT.valueCols });
    return address(r, RESULT.value);
  };
  result(L.score[lang], {
    v: score.score === null ? null : Number(score.score),
    t: "decimal",
    ...(live ? { f: `=AR.CREDIT_SCORE(${answers},${weights}${raterWeights === null ? "" : `,${raterWeights}`})` } : {}),
  });
  const grade = result(L.grade[lang], { v: score.grade, t: "text", f: `=AR.CREDIT_GRADE(${scoreCell}${bands})` });
  const limit = result(L.limit[lang], { ...moneyCellExact(score.limit), f: `=AR.SUGGESTED_LIMIT(${scoreCell},${contractValue}${bands})` });

  if (grades !== null) {
    b.blank();
    b.section(L.gradeTable[lang]);
    const h = b.header([...L.gradeColumns.map((c) => c[lang]), null, null, null]);
    b.merge({ row: h, col: 3, rows: 1, cols: 4 });
    if (b.rowCount !== gradesAt) throw new Error("questionnaireSheet: the grade table is not where its formulas look");
    for (const g of policy.credit.grades) {
      const r = b.add("body", [textCell(g.grade), numberCell(new Dec(g.minScore)), { v: Number(g.limitFactor), t: "decimal" }, textCell(g.label[lang], "wrap")]);
      b.merge({ row: r, col: 3, rows: 1, cols: 4 });
    }
  }

  b.blank();
  b.note((grades === null ? L.gradesDefault : L.gradesCompany)[lang]);
  b.blank();
  for (const line of L.signatures) b.spanning("meta", line[lang], "letter", 28);

  const plans: ColumnPlan[] = [
    { min: 5, max: 6 },
    { min: 8, max: 12 },
    { min: 16, max: 26 },
    { min: 8, max: 9 },
    { min: 8, max: 12 },
    { min: 8, max: 12 },
    { min: 8, max: 12 },
    ...form.raters.map(() => ({ min: 8, max: 12 })),
  ];
  const columns = b.layout(plans);
  const spec: SheetSpec = {
    // The SheetSpec id union does not name the credit forms yet.
    id: QUESTIONNAIRE_ID,
    lang,
    name,
    title,
    columns,
    rows: b.rows,
    merges: b.merges,
    freezeRows: 0,
    print: { paper: "A4", orientation: "portrait", fitToWidth: true, printTitleRows: { first: headerRow, last: headerRow } },
    charts: [],
  };
  return { spec, cells: { score: scoreCell, grade, limit, contractValue, answers, weights, raterWeights, perRater, grades }, score };
}

/** "客户-调查表" / "Customer-Questionnaire", unique among `existing` (as Excel compares names). */
export function questionnaireSheetName(customer: string, lang: Lang, existing: readonly string[]): string {
  const who = customer.trim() === "" ? L.unnamedCustomer[lang] : customer;
  return uniqueSheetName(who, L.sheetTitle[lang], new Set(existing.map((n) => n.toLowerCase())));
}
