/**
 * The aging classes' short labels, on their own so the custom functions' bundle carries these
 * eight words and not the pane's whole catalogue (functions.js has a size budget).
 */
import type { Lang } from "./bilingual";

export const AGING_CLASS_LABELS: Readonly<Record<Lang, Readonly<Record<"normal" | "overdue" | "stale" | "bad", string>>>> = {
  "en-US": { normal: "Normal", overdue: "Overdue", stale: "Stale", bad: "Bad debt" },
  "zh-CN": { normal: "正常", overdue: "逾期", stale: "呆滞", bad: "呆账" },
};
