/**
 * The basics of a cell's text that both the row classifier and the cell reader need, below
 * both so neither sends the reader to the other.
 */

/**
 * A code unit that is certainly not white space (printable ASCII, a CJK ideograph): a text
 * that starts and ends with one is its own trim(), found without calling trim on every cell.
 */
function solid(c: number): boolean {
  return (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff);
}

/** text.trim(), skipping the call for the usual text with nothing to trim. */
export function trimmed(text: string): string {
  const n = text.length;
  return n > 0 && solid(text.charCodeAt(0)) && solid(text.charCodeAt(n - 1)) ? text : text.trim();
}

export function isBlankValue(v: unknown): boolean {
  if (v === null || v === undefined || v === "") return true;
  if (typeof v === "string") return v.trim() === "";
  return false;
}

