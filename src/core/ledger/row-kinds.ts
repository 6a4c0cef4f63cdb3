/**
 * Row classification: which rows of a table are data, and why the others are not (blank,
 * subtotal, carry-forward, repeated header, note). Runs once per row of up to a million: no
 * allocation per row.
 */
import { normalizeLabel, unwrapCell } from "./headers";
import { trimmed as trimmedText } from "./cell-text";
import type { SkippedRow, SkipReason } from "./parse-issues";
import type { OpenedTable } from "./table";

// Taken once: through tsx (CommonJS) every use of an imported name calls a getter (cell-reader.ts).
const trimmed = trimmedText;

const ZH_TOTAL_WORDS = ["合计", "小计", "总计", "累计"];
const CARRY_WORDS = /^(承前页|过次页|转下页|接上页|承上页|过下页|转次页)/;
const EN_TOTAL = /^(grand\s*|sub-?\s*)?totals?(\s*\(.*\))?$|\s(sub-?)?totals?$|^sum$/;
const EN_CARRY = /^(brought|carried)\s+forward$|^(b\/f|c\/f)$/;
/** Every marker contains 计 or 页, or one of the letters t, m, f (total, sum, forward, b/f). */
const MARKER_SCREEN = /[计页TMFtmf]/;

/**
 * Whether a text cell marks a subtotal or a page carry-forward line. Chinese: the text ends
 * with 合计/小计/总计/累计 ("本月合计", "成都军通小计"), or starts with one followed by at most
 * two more characters besides a parenthesis ("合计：", "小计(华东区)", "总计金额") — so a
 * customer named "总计科技有限公司" is not a subtotal. English: "Total", "Subtotal (East)",
 * "Grand total", "... total", "Sum" — "Total Telecom Ltd" is a customer.
 */
export function totalMarker(text: string): "subtotal" | "carry-forward" | null {
  // Cheap screen first: it runs on every text cell of every row, and almost none is a marker.
  if (!MARKER_SCREEN.test(text)) return null;
  let ji = false;
  let ye = false;
  let letters = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x8ba1) ji = true;
    else if (c === 0x9875) ye = true;
    else if (c < 0x80) {
      const lower = c | 0x20;
      if (lower === 0x74 || lower === 0x6d || lower === 0x66) letters = true;
    }
  }
  const latin = letters && /otal|um|orward|[bc]\/f/i.test(text);
  if (!ji && !ye && !latin) return null;
  const t = text.normalize("NFKC").toLowerCase().replace(/\s+/g, "").replace(/[:：]+$/, "");
  if (ye && CARRY_WORDS.test(t)) return "carry-forward";
  if (ji) {
    for (const w of ZH_TOTAL_WORDS) {
      if (t.endsWith(w)) return "subtotal";
      if (t.startsWith(w)) {
        const rest = t.slice(w.length).replace(/\([^)]*\)/g, "").replace(/[^\p{L}\p{N}]/gu, "");
        if (rest.length <= 2) return "subtotal";
      }
    }
  }
  if (latin) {
    const s = text.normalize("NFKC").toLowerCase().trim().replace(/\s*:+$/, "").replace(/\s+/g, " ");
    if (EN_TOTAL.test(s)) return "subtotal";
    if (EN_CARRY.test(s)) return "carry-forward";
  }
  return null;
}

const ROW_DATA = 0;
const ROW_BLANK = 1;
const ROW_SUBTOTAL = 2;
const ROW_CARRY = 3;
const ROW_REPEATED_HEADER = 4;
const ROW_NOTE = 5;
const SKIP_REASONS: readonly (SkipReason | null)[] = [null, "blank", "subtotal", "carry-forward", "repeated-header", "note"];

/** What classifyRow needs to know about the table. */
export interface RowClassifier {
  /** By column index, true where a subtotal word is not looked for: free text, where "累计" is just a word. */
  freeText: readonly boolean[];
  /** Index and text of a header cell used to spot a repeated header (-1: none). */
  probeIndex: number;
  probeText: string;
  headerTexts: ReadonlyMap<number, string>;
  /** The leftmost header column, whose text names a repeated header in `skipped`. */
  firstIndex: number;
  /** Columns the table reads. */
  mapped: ReadonlySet<number>;
}

/** The text classifyRow found (a subtotal word, a note line); set with each non-data answer. */
let classifiedText = "";

/** ROW_DATA, ROW_BLANK or the code of a skip reason; no allocation (it runs once per row). */
function classifyRow(cells: unknown, c: RowClassifier): number {
  if (!Array.isArray(cells)) return ROW_BLANK;
  let filled = 0;
  let onlyText: string | null = null;
  let onlyIndex = -1;
  let total = ROW_DATA;
  let totalText = "";
  for (let i = 0; i < cells.length; i++) {
    let v: unknown = cells[i];
    if (v === null || v === undefined || v === "") continue;
    if (typeof v === "number" || typeof v === "boolean") {
      filled++;
      onlyText = null;
      continue;
    }
    if (typeof v === "object" && !(v instanceof Date)) v = unwrapCell(v);
    if (typeof v !== "string") {
      if (v === null || v === undefined) continue;
      filled++;
      onlyText = null;
      continue;
    }
    if (trimmed(v) === "") continue;
    filled++;
    onlyText = filled === 1 ? v : null;
    onlyIndex = i;
    if (total === ROW_DATA && !(i < c.freeText.length && c.freeText[i])) {
      const m = totalMarker(v);
      if (m !== null) {
        total = m === "subtotal" ? ROW_SUBTOTAL : ROW_CARRY;
        totalText = v;
      }
    }
  }
  if (filled === 0) return ROW_BLANK;
  if (total !== ROW_DATA) {
    classifiedText = totalText.trim();
    return total;
  }
  const probe = c.probeIndex >= 0 ? cells[c.probeIndex] : undefined;
  if (typeof probe === "string" && normalizeLabel(probe) === c.probeText) {
    let same = 0;
    for (const [index, text] of c.headerTexts) {
      const v = cells[index];
      if (typeof v === "string" && normalizeLabel(v) === text) same++;
    }
    if (same * 2 >= c.headerTexts.size) {
      const first = cells[c.firstIndex];
      classifiedText = typeof first === "string" ? first.trim() : probe.trim();
      return ROW_REPEATED_HEADER;
    }
  }
  // One text cell at the left edge or outside the table's columns: a banner, a section title or
  // a footer ("制表人：…"). Alone in a column the table reads, it is a row with values missing.
  if (filled === 1 && onlyText !== null && (onlyIndex <= c.firstIndex || !c.mapped.has(onlyIndex))) {
    classifiedText = onlyText.trim();
    return ROW_NOTE;
  }
  return ROW_DATA;
}

function classifierFor<F extends string>(table: OpenedTable<F>, freeTextFields: readonly string[]): RowClassifier {
  const freeText: boolean[] = [];
  for (const p of table.plan) if (freeTextFields.includes(p.field)) freeText[p.index] = true;
  for (let i = 0; i < freeText.length; i++) freeText[i] = freeText[i] === true; // no holes
  const headerTexts = new Map<number, string>();
  let probeIndex = -1;
  let probeText = "";
  const kinds = new Map(table.plan.map((p) => [p.index, p.kind]));
  for (const col of table.detection?.columns ?? []) {
    if (col.match === null || table.detection?.rowIndices.length !== 1) continue;
    const text = normalizeLabel(col.text);
    headerTexts.set(col.index, text);
    // Probe a money or date column: its data cells are numbers, so most rows cost one typeof.
    const kind = kinds.get(col.index);
    if (probeIndex < 0 || ((kind === "money" || kind === "date") && kinds.get(probeIndex) !== "money" && kinds.get(probeIndex) !== "date")) {
      probeIndex = col.index;
      probeText = text;
    }
  }
  const mapped = new Set(table.plan.map((p) => p.index));
  const firstIndex = Math.min(...headerTexts.keys(), ...mapped);
  return { freeText, probeIndex, probeText, headerTexts, firstIndex: Number.isFinite(firstIndex) ? firstIndex : 0, mapped };
}

/**
 * Walks the data rows, classifying each; calls `onData` for a row to read and records the
 * others. Blank rows are listed only when a later row has data (the used range of a sheet
 * often runs far past the table).
 */
export function walkRows<F extends string>(
  values: readonly unknown[][],
  table: OpenedTable<F>,
  freeTextFields: readonly string[],
  skipped: SkippedRow[],
  onData: (cells: readonly unknown[], sheetRow: number, valueIndex: number) => void,
): void {
  const classifier = classifierFor(table, freeTextFields);
  const originRow = table.origin.row;
  let pendingBlankFrom = -1;
  for (let r = table.dataStart; r < values.length; r++) {
    const cells = values[r];
    const cls = classifyRow(cells, classifier);
    if (cls === ROW_BLANK) {
      if (pendingBlankFrom < 0) pendingBlankFrom = r;
      continue;
    }
    if (pendingBlankFrom >= 0) {
      for (let b = pendingBlankFrom; b < r; b++) skipped.push({ row: originRow + b, reason: "blank", text: "" });
      pendingBlankFrom = -1;
    }
    if (cls === ROW_DATA) onData(cells, originRow + r, r);
    else skipped.push({ row: originRow + r, reason: SKIP_REASONS[cls] ?? "note", text: classifiedText });
  }
}
