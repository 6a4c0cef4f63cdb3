/**
 * The languages the product speaks, and a text in both. The bottom of the tree: the core's
 * errors, findings and reports carry Bilingual texts, so nothing here imports from src/core.
 */
export type Lang = "zh-CN" | "en-US";

export interface Bilingual {
  "zh-CN": string;
  "en-US": string;
}

/** A text in both languages, Chinese first as the policy writes it. */
export function bi(zh: string, en: string): Bilingual {
  return { "zh-CN": zh, "en-US": en };
}
