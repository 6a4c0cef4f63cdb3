/**
 * The preview's stand-in for Excel's grid: the in-memory workbook's sheets as tabs and the active
 * sheet as a table, redrawn whenever a sync has changed something, with the selected cell marked
 * (a finding's link selects its cell). Plain DOM, text only: values are set with textContent.
 */
import type { FakeExcel } from "./fake-excel";
import { columnLetterOf } from "../core/column-letters";
import { HIGHLIGHT_MARKER } from "../excel/highlights";

const MAX_ROWS = 400;
const MAX_COLS = 26;

/** "A" for the first column (0-based index). */
const letter = (c: number): string => columnLetterOf(c + 1);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function mountWorkbookView(host: HTMLElement, fake: FakeExcel, title: string): void {
  let shown: string | null = null;
  let lastSyncs = -1;
  let lastSelection = "";

  const draw = () => {
    const wb = fake.workbook;
    const active = wb.activeSheet.name;
    const sheetName = shown && wb.sheets().some((s) => s.name === shown) && shown !== active && lastSelection === wb.selectedAddress ? shown : active;
    shown = sheetName;
    lastSelection = wb.selectedAddress;
    const sheet = wb.getSheet(sheetName);
    const selected = wb.selectedAddress.startsWith(`${sheetName}!`) || wb.selectedAddress.startsWith(`'${sheetName}'!`) ? wb.selectedAddress.slice(wb.selectedAddress.lastIndexOf("!") + 1) : "";

    host.replaceChildren();
    host.append(el("div", "wb-title", title));
    const tabs = el("div", "wb-tabs");
    for (const s of wb.sheets()) {
      const b = el("button", s.name === sheetName ? "wb-tab wb-tab-on" : "wb-tab", s.name);
      b.onclick = () => {
        shown = s.name;
        lastSyncs = -1;
        draw();
      };
      tabs.append(b);
    }
    host.append(tabs);

    // Fills of the add-in's highlights (always-true rules carrying its marker, or an older "=TRUE"), the only conditional formats drawn here.
    const alwaysTrue = (formula: string) => formula.includes(HIGHLIGHT_MARKER) || formula.toUpperCase() === "=TRUE";
    const fills = sheet.conditionalFormats.filter((cf) => !cf.deleted && cf.type === "Custom" && alwaysTrue(String(cf.rule.formula)) && cf.format.fill?.color);
    const fillAt = (r: number, c: number): string | undefined => fills.find((cf) => r >= cf.rect.r0 && r <= cf.rect.r1 && c >= cf.rect.c0 && c <= cf.rect.c1)?.format.fill?.color;
    const values = sheet.values();
    const rows = Math.min(values.length, MAX_ROWS);
    const cols = Math.min(values.reduce((m, r) => Math.max(m, r.length), 0), MAX_COLS);
    const table = el("table", "wb-grid");
    const head = el("tr");
    head.append(el("th", "wb-corner"));
    for (let c = 0; c < cols; c++) head.append(el("th", undefined, letter(c)));
    table.append(head);
    for (let r = 0; r < rows; r++) {
      const tr = el("tr");
      tr.append(el("th", undefined, String(r + 1)));
      for (let c = 0; c < cols; c++) {
        const cell = sheet.cell(r, c);
        const td = el("td", typeof cell.value === "number" ? "wb-num" : undefined, cell.text);
        const fill = fills.length > 0 ? fillAt(r, c) : undefined;
        if (fill) td.style.backgroundColor = fill;
        const ref = `${letter(c)}${r + 1}`;
        if (selected === ref || selected.startsWith(`${ref}:`)) {
          td.classList.add("wb-selected");
          queueMicrotask(() => td.scrollIntoView({ block: "center", inline: "nearest" }));
        }
        tr.append(td);
      }
      table.append(tr);
    }
    const scroller = el("div", "wb-scroll");
    scroller.append(table);
    host.append(scroller);
    if (values.length > MAX_ROWS) host.append(el("div", "wb-more", `… ${values.length - MAX_ROWS} more rows`));
  };

  draw();
  setInterval(() => {
    if (fake.stats.syncs !== lastSyncs || fake.workbook.selectedAddress !== lastSelection) {
      lastSyncs = fake.stats.syncs;
      draw();
    }
  }, 300);
}
