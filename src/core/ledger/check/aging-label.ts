/**
 * What a ledger's own aging column says (a class such as 逾期, or a band such as 1-2年), for
 * class-mismatch.
 */
import { AGING_CLASSES } from "../../aging";
import type { AgingClass, Policy } from "../../policy/types";
import { CLASS_WORDS } from "../findings";
import { simplifiedForMatching } from "../../traditional";

/**
 * What an aging column's text names: a class, a report band (index), a band of the provision
 * table (index) finer than the report's (3至4年 inside 3年以上), or nothing we know.
 */
type AgingLabelMeaning = { kind: "class"; value: AgingClass } | { kind: "band"; value: number } | { kind: "provision-band"; value: number } | null;

const ZH_DIGITS: Record<string, string> = { 一: "1", 二: "2", 两: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9", 十: "10" };

function normalizeAgingLabel(text: string): string {
  // Traditional characters as simplified (呆帳, 呆賬, 呆滯, 壞帳, 逾期應收帳款).
  return simplifiedForMatching(text.normalize("NFKC"))
    .toLowerCase()
    // A band's 含 note ("1年以内（含1年）", "(2 years included)") says where its edge falls; the
    // band is the same written with or without it.
    .replace(/\((?:含|incl)[^)]*\)|\([^)]*included\)/g, "")
    .replace(/帐/g, "账")
    .replace(/[一二两三四五六七八九十]/g, (c) => ZH_DIGITS[c] ?? c)
    .replace(/[~～—–至到]/g, "-")
    .replace(/以|\s+|years?|yrs?/g, (m) => (m.startsWith("y") ? "y" : ""))
    .replace(/[()（）]/g, "");
}

/** What an aging column's text names, by CLASS_WORDS and the policy's own report and provision band labels (cached per text). */
export function agingLabelReader(policy: Policy): (text: string) => AgingLabelMeaning {
  const classes = new Map<string, AgingClass>();
  for (const cls of AGING_CLASSES) for (const w of CLASS_WORDS[cls]) classes.set(normalizeAgingLabel(w), cls);
  const bands = new Map<string, number>();
  policy.reportBands.forEach((b, i) => {
    bands.set(normalizeAgingLabel(b.label["zh-CN"]), i);
    bands.set(normalizeAgingLabel(b.label["en-US"]), i);
    bands.set(normalizeAgingLabel(b.key), i);
  });
  // The provision table's bands that are not also report bands (3至4年, 4至5年, 5年以上 under 3年以上).
  const provisionBands = new Map<string, number>();
  policy.provision.bands.forEach((b, i) => {
    for (const label of [b.label["zh-CN"], b.label["en-US"], b.key]) {
      const t = normalizeAgingLabel(label);
      if (!bands.has(t)) provisionBands.set(t, i);
    }
  });
  const cache = new Map<string, AgingLabelMeaning>();
  return (text) => {
    let m = cache.get(text);
    if (m === undefined) {
      const t = normalizeAgingLabel(text);
      const cls = classes.get(t);
      const band = bands.get(t);
      const provisionBand = provisionBands.get(t);
      m =
        cls !== undefined
          ? { kind: "class", value: cls }
          : band !== undefined
            ? { kind: "band", value: band }
            : provisionBand !== undefined
              ? { kind: "provision-band", value: provisionBand }
              : null;
      if (cache.size < 4096) cache.set(text, m);
    }
    return m;
  };
}
