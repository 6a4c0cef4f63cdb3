/**
 * What the collection notice and the confirmation letter share: one sheet per customer laid out
 * as a printed letter (paragraphs spanning the page, a small table, signature lines), unique
 * sheet names, and the policy's wording filled in.
 */
import type { Bilingual, Lang } from "../errors";
import { format } from "../../i18n";
import type { Policy } from "../policy/types";
import { type CellRange, type ColumnPlan, type NoticeId, SheetBuilder, type SheetSpec, textCell } from "../reports/sheet-spec";

/** Excel's limit on a worksheet's name. */
export const SHEET_NAME_MAX = 31;

/** Characters Excel refuses in a sheet name. */
const FORBIDDEN = /[\\/?*[\]:]/g;

/** Cuts a text to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/**
 * A sheet name "customer-title", at most 31 characters and not in `used` (compared without
 * case, as Excel compares them); the customer part is cut first and a repeat gets "(2)", "(3)"….
 * The name found is added to `used`.
 */
export function uniqueSheetName(customer: string, title: string, used: Set<string>): string {
  const clean = (s: string): string => s.replace(FORBIDDEN, "_").replace(/\s+/g, " ").trim();
  // Excel also refuses a name that starts or ends with an apostrophe.
  const who = clean(customer).replace(/^'+|'+$/g, "");
  const what = clean(title);
  for (let n = 1; ; n++) {
    const tail = `${n === 1 ? "" : `(${n})`}-${what}`;
    let name = tail.length >= SHEET_NAME_MAX ? cut(`${who}${n === 1 ? "" : `(${n})`}`, SHEET_NAME_MAX) : `${cut(who, SHEET_NAME_MAX - tail.length)}${tail}`;
    name = name.replace(/^'+|'+$/g, "");
    if (name === "") name = `${n}`;
    const key = name.toLowerCase();
    if (!used.has(key)) {
      used.add(key);
      return name;
    }
  }
}

export interface NoticeOptions {
  /** Names already taken in the workbook; the sheets' names avoid them (and each other). */
  existingSheetNames?: readonly string[];
}

/** The names taken, as uniqueSheetName compares them. */
export function usedNames(options: NoticeOptions): Set<string> {
  return new Set((options.existingSheetNames ?? []).map((n) => n.toLowerCase()));
}

/** A policy text in a language with its placeholders filled. */
export function fill(text: Bilingual, lang: Lang, values: Record<string, string | number>): string {
  return format(text[lang], values);
}

/** The company's own placeholders ({company}, {address}, {phone}). */
export function companyValues(policy: Policy, lang: Lang): Record<string, string> {
  return { company: policy.company.name[lang], address: policy.company.address, phone: policy.company.phone };
}

/** A sheet laid out as a letter of `width` columns. */
export class LetterBuilder extends SheetBuilder {
  /** A paragraph across the page. */
  paragraph(text: string): number {
    return this.spanning("meta", text, "letter");
  }

  /** A "label：value" line across the page. */
  field(label: string, value: string, lang: Lang): number {
    return this.paragraph(`${label}${lang === "zh-CN" ? "：" : ": "}${value}`);
  }

  /** Lines in the right half of the page (signature and seal), one row each. */
  signature(text: string, fromCol: number): void {
    for (const line of text.split("\n")) {
      const r = this.add("meta", [...new Array<null>(fromCol).fill(null), textCell(line, "letter")]);
      if (this.width - fromCol > 1) this.merge({ row: r, col: fromCol, rows: 1, cols: this.width - fromCol });
    }
  }

  /** A text over several columns of one row. */
  spanCells(row: number, col: number, cols: number): void {
    const range: CellRange = { row, col, rows: 1, cols };
    if (cols > 1) this.merge(range);
  }

  finish(id: NoticeId, lang: Lang, name: string, title: string, plans: readonly ColumnPlan[], paper: "A4" | "A5"): SheetSpec {
    const columns = this.layout(plans);
    return {
      id,
      lang,
      name,
      title,
      columns,
      rows: this.rows,
      merges: this.merges,
      freezeRows: 0,
      // One customer's letter per sheet, so per printed page; no rows repeat.
      print: { paper, orientation: "portrait", fitToWidth: true, printTitleRows: null },
      charts: [],
    };
  }
}
