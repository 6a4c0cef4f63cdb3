/** What every panel shows the same way: an error's text in the pane's language, and money. */
import { Dec, formatMoneyGrouped } from "../../core/money";
import type { Lang } from "../../i18n";

/** The message of an ArError or GatewayError in the pane's language; any other error's own message. */
export function errorText(e: unknown, lang: Lang): string {
  if (e && typeof e === "object" && "text" in e) {
    const t = (e as { text: Record<Lang, string> }).text;
    if (t && typeof t[lang] === "string") return t[lang];
  }
  return e instanceof Error ? e.message : String(e);
}

/** An exact decimal string from the core, grouped for display ("1,234.50"). */
export function money(text: string): string {
  return formatMoneyGrouped(new Dec(text));
}

/** Today as the surface sees it (the engine never reads the clock), as YYYY-MM-DD. */
export function todayIso(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A probability or weight from the core ("0.85", "0.163648…") as a percentage to one decimal at most, half-up ("85%", "16.4%"). */
export function percent(fraction: string): string {
  return `${new Dec(fraction).times(100).toDecimalPlaces(1, Dec.ROUND_HALF_UP).toString()}%`;
}
