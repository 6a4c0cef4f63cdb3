/**
 * How a cell looks in Excel, from SheetSpec's named styles (CELL_STYLES): the one place the add-in
 * turns a style into Office.js range formats, for the report writer (sheet-writer.ts) and for the
 * owned table sheets that carry the spec's looks (owned.ts), as the headless writer renders them.
 */
import type { Lang } from "../i18n/bilingual";
import { CELL_STYLES, type CellStyle, type CellType, type SpecCell } from "../core/reports/sheet-spec";

/** The font the sheets are set in, as the headless writer sets them (xlsx-writer.ts fontNameFor). */
export function fontNameFor(lang: Lang): string {
  return lang === "zh-CN" ? "等线" : "Calibri";
}

const BORDER_COLOR = "#A6A6A6";

/** A rectangle of cells sharing one look, 0-based and inclusive (inside borders where it spans rows or columns). */
interface LookBlock {
  key: LookKey;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** A cell's look: its named style and, where the style leaves alignment to the value, its side. */
export type LookKey = `${CellStyle}|${"left" | "center" | "right"}`;

export function lookOf(cell: SpecCell, type: CellType): LookKey {
  const style = cell.style ?? "body";
  return `${style}|${CELL_STYLES[style].align ?? (type === "text" ? "left" : "right")}`;
}

const ALIGN: Readonly<Record<"left" | "center" | "right", "Left" | "Center" | "Right">> = { left: "Left", center: "Center", right: "Right" };

export function applyLook(range: Excel.Range, block: LookBlock, fontName: string): void {
  const [style, align] = block.key.split("|") as [CellStyle, "left" | "center" | "right"];
  const d = CELL_STYLES[style];
  const format = range.format;
  const font = format.font;
  font.name = fontName;
  font.size = d.size;
  font.bold = d.bold;
  font.italic = d.italic;
  font.color = `#${d.color}`;
  if (d.fill !== null) format.fill.color = `#${d.fill}`;
  format.horizontalAlignment = ALIGN[align];
  format.verticalAlignment = style === "note" ? "Top" : "Center";
  format.wrapText = d.wrap;
  if (d.border) {
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal")[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (block.c1 > block.c0) edges.push("InsideVertical");
    if (block.r1 > block.r0) edges.push("InsideHorizontal");
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
      border.color = BORDER_COLOR;
    }
  }
}
