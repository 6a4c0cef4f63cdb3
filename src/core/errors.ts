/**
 * The engine's one error type. Every failure the core reports is an ArError with a stable
 * id (for tests, logs and custom-function error mapping) and a message in both languages.
 * Surfaces choose the language; the core never does.
 */
import type { Bilingual, Lang } from "../i18n/bilingual";

// Re-exported for the CLI's audit and the tests, which still import them from here.
export type { Bilingual, Lang };

/** Which Excel error a custom function should return for this failure. */
export type ExcelErrorKind = "#VALUE!" | "#NUM!" | "#N/A";

export class ArError extends Error {
  readonly id: string;
  readonly text: Bilingual;
  readonly excel: ExcelErrorKind;
  /** The field, argument or item the error is about, when there is one. */
  readonly field?: string;

  constructor(id: string, text: Bilingual, options: { excel?: ExcelErrorKind; field?: string; cause?: unknown } = {}) {
    super(text["en-US"]);
    this.name = "ArError";
    this.id = id;
    this.text = text;
    this.excel = options.excel ?? "#VALUE!";
    if (options.field !== undefined) this.field = options.field;
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }

  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

export function isArError(e: unknown): e is ArError {
  return e instanceof ArError;
}
