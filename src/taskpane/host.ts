/**
 * Where the pane is running, decided once. Office.onReady resolves with host null outside
 * Office (a plain browser, the preview page, the e2e test); it never resolves if office.js
 * failed to load, so we give it a deadline.
 */
import { resolveLang, type Lang } from "../i18n";
import { hostRequirements, undoGroupsSupported, type Requirements } from "../excel/run";

type HostKind = "excel" | "preview" | "none";

export interface HostInfo {
  kind: HostKind;
  lang: Lang;
}

const OFFICE_READY_TIMEOUT_MS = 3000;

function officeReady(): Promise<{ host: Office.HostType | null } | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(null);
  return Promise.race([
    Office.onReady().then((info) => ({ host: info.host ?? null })),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS)),
  ]);
}

function displayLanguage(): string | undefined {
  const fromQuery = new URLSearchParams(window.location.search).get("lang");
  if (fromQuery) return fromQuery;
  try {
    if (typeof Office !== "undefined" && Office.context?.displayLanguage) return Office.context.displayLanguage;
  } catch {
    // Office.context is not there outside a host; fall through to the browser's language.
  }
  return navigator.language;
}

export async function detectHost(): Promise<HostInfo> {
  const ready = await officeReady();
  const preview = (window as unknown as { __AR_PREVIEW__?: boolean }).__AR_PREVIEW__ === true;
  // The preview installs a fake Excel whose onReady says "Excel": the flag is checked first.
  const kind: HostKind = preview ? "preview" : String(ready?.host) === "Excel" ? "excel" : "none";
  return { kind, lang: resolveLang(displayLanguage()) };
}

/**
 * Whether the pane must say, before it writes, that each write clears the user's undo list: in
 * Excel without ExcelApi 1.20 an add-in's writes are not on the undo list and clear it
 * (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities). Not said in the
 * preview (an in-memory workbook with no undo list) or outside Excel.
 */
export function writesClearUndo(kind: HostKind, requirements: Requirements = hostRequirements()): boolean {
  return kind === "excel" && !undoGroupsSupported(requirements);
}
