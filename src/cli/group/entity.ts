/**
 * Which branch (entity) a workbook is: `--entity-from filename` (the default: the file's name
 * without its extension), `sheet` (the ledger sheet's name), or `cell:B2` / `cell:Sheet!B2` (a
 * cell's text: on the ledger sheet, or on the sheet named). The entity names the branch in every
 * output and is what the intercompany roll-up matches customers against.
 */
import { basename, extname } from "node:path";
import { ArError } from "../../core/errors";
import type { SheetInput } from "../../core/ledger/workbook";
import { GROUP_CLI } from "../../i18n/group-cli";

export type EntityFrom = { kind: "filename" } | { kind: "sheet" } | { kind: "cell"; sheet: string | null; row: number; column: number; address: string };

const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The option's text as an EntityFrom; ArError "cli.usage" when it is none of the three. */
export function parseEntityFrom(text: string): EntityFrom {
  const t = text.trim();
  if (t === "filename") return { kind: "filename" };
  if (t === "sheet") return { kind: "sheet" };
  const m = /^cell:(?:(.+)!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(t);
  if (m !== null) {
    const column = columnNumber(m[2]);
    const row = Number(m[3]);
    if (row >= 1 && row <= EXCEL_ROWS && column >= 1 && column <= EXCEL_COLUMNS) {
      const sheet = m[1] === undefined ? null : m[1].replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
      return { kind: "cell", sheet, row, column, address: `${m[2].toUpperCase()}${m[3]}` };
    }
  }
  throw new ArError("cli.usage", GROUP_CLI.entityFromInvalid(text));
}

/** A cell's value as entity text ("" for blank). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/**
 * The entity of one workbook. ArError "group.entity-missing" when the cell (or its sheet) gives
 * no text: the branch is then listed as failed rather than filed under an empty name.
 */
export function entityOf(from: EntityFrom, file: string, ledgerSheet: string, sheets: readonly SheetInput[]): string {
  if (from.kind === "filename") return basename(file, extname(file));
  if (from.kind === "sheet") return ledgerSheet;
  const sheetName = from.sheet ?? ledgerSheet;
  const sheet = sheets.find((s) => s.name === sheetName);
  if (sheet === undefined) {
    throw new ArError("group.entity-missing", GROUP_CLI.entitySheetMissing(`${from.sheet ?? ""}${from.sheet === null ? "" : "!"}${from.address}`, sheetName));
  }
  const top = sheet.origin?.row ?? 1;
  const left = sheet.origin?.column ?? 1;
  const text = cellText(sheet.values[from.row - top]?.[from.column - left]);
  if (text === "") {
    throw new ArError("group.entity-missing", GROUP_CLI.entityCellEmpty(`${sheetName}!${from.address}`));
  }
  return text;
}
