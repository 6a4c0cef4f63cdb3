/**
 * The customer questionnaire (客户情况调查表, POLICY §5.1) as the credit pane edits it: a form
 * (header fields and one answer column per rater, form.ts), its live score (score.ts), the
 * print-ready sheet with the add-in's own formulas (AR.CREDIT_SCORE / CREDIT_GRADE /
 * SUGGESTED_LIMIT) over the sheet's cells (sheet.ts), and the way back from a filled-in sheet to
 * the form (read-back.ts). Pure: no Office.js.
 */
export {
  answerCellValue,
  emptyForm,
  FIELD_LABELS,
  type FormAnswer,
  formAnswerOf,
  type FormOption,
  HEADER_KEYS,
  MAX_RATERS,
  QUESTIONNAIRE_TITLE,
  type QuestionnaireForm,
  type QuestionnaireHeader,
  type Rater,
} from "./form";
export { type FormProblem, type FormScore, scoreForm } from "./score";
export { type QuestionnaireCells, type QuestionnaireSheet, questionnaireSheet, questionnaireSheetName, sameAnswerScores } from "./sheet";
export { readQuestionnaireSheet, type SheetProblem } from "./read-back";
