/** Types of scripts/function-metadata.js (plain CommonJS: webpack.config.js runs it). */
export interface FunctionParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
export interface FunctionEntry {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: FunctionParameter[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}
export interface FunctionsMetadata {
  functions: FunctionEntry[];
  [key: string]: unknown;
}
/** src/i18n/function-descriptions.zh-CN.json: per function id, its description and each parameter's. */
export type ZhTable = Record<string, { description: string; parameters: Record<string, string> }>;

export const ADDIN_ORIGIN: string;
export const NAMESPACE: string;
export const HELP_PAGE: string;
export const HELP_MARKER: string;
export const ZH_TABLE: string;
export const HELP_TEMPLATE: string;
export function anchorOf(name: string): string;
export function helpUrlOf(name: string): string;
export function readZhTable(file?: string): ZhTable;
export function zhTextProblem(text: unknown): string | null;
export function helpUrlProblems(metadata: FunctionsMetadata): string[];
export function localizeMetadata(metadata: FunctionsMetadata, table: ZhTable): { metadata: FunctionsMetadata; problems: string[] };
export function compareLocalized(en: FunctionsMetadata, zh: FunctionsMetadata | null | undefined): string[];
export function helpSection(metadata: FunctionsMetadata, table: ZhTable): string;
export function renderHelp(template: string, metadata: FunctionsMetadata, table: ZhTable): string;
export function anchorsIn(html: string): Set<string>;
export class FunctionMetadataPlugin {
  apply(compiler: unknown): void;
}
