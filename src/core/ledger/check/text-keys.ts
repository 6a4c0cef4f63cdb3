/**
 * Comparing free text: customer names and document numbers as keys (NFKC, case, white space),
 * and words looked for in status and note texts.
 */
import { simplifiedForMatching } from "../../traditional";

/** Customer names and document numbers compared after NFKC, case and white space (as transactions.ts). */
export function keyOf(text: string | null): string | null {
  if (text === null) return null;
  const k = text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  return k === "" ? null : k;
}

/** Free text as words are looked for in it: NFKC, traditional characters as simplified (訴訟), lower case. */
export function normalizeWords(text: string): string {
  return simplifiedForMatching(text.normalize("NFKC")).toLowerCase();
}

export function containsAny(text: string | null | undefined, words: readonly string[]): boolean {
  if (text === null || text === undefined || text === "") return false;
  const t = normalizeWords(text);
  for (const w of words) if (t.includes(w)) return true;
  return false;
}

/** Two or three free texts as one (status and note, say); null when all are blank. Fixed arity: called per row. */
export function recordText(a: string | null | undefined, b: string | null | undefined, c: string | null | undefined = null): string | null {
  let out: string | null = a === undefined || a === "" ? null : a;
  if (b !== null && b !== undefined && b !== "") out = out === null ? b : `${out} ${b}`;
  if (c !== null && c !== undefined && c !== "") out = out === null ? c : `${out} ${c}`;
  return out;
}
