/**
 * What the collection notice and the confirmation letter share: one sheet per customer laid out
 * as a printed letter (paragraphs spanning the page, a small table, signature lines), unique
 * sheet names, and the policy's wording filled in.
 */
import type { Bilingual, Lang } from "../../i18n/bilingual";
import { format } from "../../i18n";
import type { Policy } from "../policy/types";
import { type CellRange, type ColumnPlan, type ColumnSpec, type NoticeId, SheetBuilder, type SheetSpec, textCell } from "../reports/sheet-spec";
import type { CompanyInfo } from "./company";

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
  /** Our side's details (单位信息): the letter number, the signatory, 经办人 and phone printed on every letter. */
  company?: CompanyInfo;
  /** Each customer's letter number (编号), given by the surface that keeps the sequence; none printed without it. */
  letterNumbers?: ReadonlyMap<string, string>;
}

/** The names taken, as uniqueSheetName compares them. */
export function usedNames(options: NoticeOptions): Set<string> {
  return new Set((options.existingSheetNames ?? []).map((n) => n.toLowerCase()));
}

/** A policy text in a language with its placeholders filled. */
export function fill(text: Bilingual, lang: Lang, values: Record<string, string | number>): string {
  return format(text[lang], values);
}

/** The company's own placeholders ({company}, {address}, {phone}, {signatory}). */
export function companyValues(policy: Policy, lang: Lang, company?: CompanyInfo): Record<string, string> {
  return { company: policy.company.name[lang], address: policy.company.address, phone: policy.company.phone, signatory: company?.signatory.trim() ?? "" };
}

/**
 * The signature lines with the signatory's name: where the policy's wording has no {signatory},
 * the name goes in parentheses on its own line under the line to sign on (the one with the blank
 * "＿＿＿" or "___"), so the printed letter says who signs.
 */
export function signatureWithSignatory(template: string, filled: string, signatory: string, lang: Lang): string {
  if (signatory.trim() === "" || template.includes("{signatory}")) return filled;
  const lines = filled.split("\n");
  const at = lines.findIndex((l) => /＿{2,}|_{3,}/.test(l));
  const name = lang === "zh-CN" ? `（${signatory.trim()}）` : `(${signatory.trim()})`;
  if (at < 0) return filled;
  lines.splice(at + 1, 0, name);
  return lines.join("\n");
}

/** A letter sheet and where its rows sit, for a batch: the letters one after another, a page break before each. */
export interface LetterBatch extends SheetSpec {
  /** 0-based rows that start a new printed page (each letter's first row but the first). */
  pageBreaks: number[];
  /** Each letter's first row and its customer, in order. */
  letters: { customer: string; row: number }[];
}

/**
 * Several letters in one printable sheet: each letter's rows and merges as they were, one after
 * another, with a page break before every letter but the first; columns as wide as the widest
 * letter needs. Print titles none (each letter has its own header rows).
 */
export function combineLetters(letters: readonly { customer: string; spec: SheetSpec }[], name: string, title: string): LetterBatch {
  const first = letters[0].spec;
  const columns: ColumnSpec[] = first.columns.map((_, c) => ({ width: Math.max(...letters.map((l) => l.spec.columns[c]?.width ?? 0)) }));
  const rows: SheetSpec["rows"] = [];
  const merges: CellRange[] = [];
  const pageBreaks: number[] = [];
  const starts: { customer: string; row: number }[] = [];
  for (const l of letters) {
    const offset = rows.length;
    if (offset > 0) pageBreaks.push(offset);
    starts.push({ customer: l.customer, row: offset });
    rows.push(...l.spec.rows);
    for (const m of l.spec.merges) merges.push({ ...m, row: m.row + offset });
  }
  return { ...first, name, title, columns, rows, merges, freezeRows: 0, charts: [], pageBreaks, letters: starts };
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

  /** "编号：…" in the right half of the page, under the title. */
  letterNumber(number: string, lang: Lang, fromCol: number): void {
    this.signature(`${lang === "zh-CN" ? "编号：" : "No.: "}${number}`, fromCol);
  }

  /** Our side's contact for the letter: "经办人：张三", an ideographic space, "联系电话：0825-2221234". */
  contact(company: CompanyInfo, lang: Lang): void {
    const phone = company.handlerPhone.trim() || company.phone.trim();
    const parts: string[] = [];
    if (company.handler.trim() !== "") parts.push(`${lang === "zh-CN" ? "经办人：" : "Handled by: "}${company.handler.trim()}`);
    if (phone !== "") parts.push(`${lang === "zh-CN" ? "联系电话：" : "Phone: "}${phone}`);
    if (parts.length > 0) this.paragraph(parts.join(lang === "zh-CN" ? "　" : "    "));
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
