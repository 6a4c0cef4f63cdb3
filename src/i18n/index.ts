/**
 * Every string a user sees, in zh-CN and en-US. The language follows Office's display
 * language (zh-* → zh-CN, anything else → en-US). Pure: usable from the pane, the commands,
 * the functions and the CLI.
 */
import { bi, type Bilingual, type Lang } from "./bilingual";
import { enUS } from "./en-US";
import { zhCN } from "./zh-CN";

export { bi, type Bilingual, type Lang };
export type Strings = typeof enUS;

const CATALOGUE: Record<Lang, Strings> = { "en-US": enUS, "zh-CN": zhCN };

export function resolveLang(displayLanguage: string | null | undefined): Lang {
  return displayLanguage && /^zh\b/i.test(displayLanguage.trim()) ? "zh-CN" : "en-US";
}

export function stringsFor(lang: Lang): Strings {
  return CATALOGUE[lang];
}

/** Fills {name} placeholders. Unknown placeholders stay visible, so a missing value shows up in review. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
