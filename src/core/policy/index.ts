/** The policy layer: the Policy type, its defaults (POLICY.md), loading/validation and (de)serialisation. */
export type * from "./types";
export { DEFAULT_POLICY } from "./defaults";
export { loadPolicy, validatePolicy, policyProblemsOf, type PolicyProblem } from "./validate";
export { policyToJson, policyFromJson, policyToTable, policyFromTable } from "./serialize";
export { fieldNote, formatFieldNote, isDefaultAt, noteKindLabel, policySheetRows, type FieldNote, type NoteKind } from "./notes";
