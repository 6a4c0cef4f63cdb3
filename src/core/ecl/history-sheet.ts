/**
 * The aging history as a sheet the add-in owns (issue 19: "each Validate run can save an aging
 * snapshot … to a history sheet"): the pane's counterpart of the headless audit's --history file
 * (saved.ts). One row per item of each snapshot — as-of date, band, item (customer · document),
 * balance — or, for a snapshot whose items have no key, one row per band with the item blank.
 * People may type earlier period ends in (an open-items ledger holds no past): a band is read by
 * its label in either language or its key, a date as Excel or text gives it, an amount exactly.
 * A row that does not read is named (row and column) and nothing is rewritten over it.
 */
import type Decimal from "decimal.js";
import type { DayNumber } from "../calendar";
import { parseDate, toExcelSerial } from "../dates";
import type { Bilingual, Lang } from "../../i18n/bilingual";
import { Dec, parseMoney } from "../money";
import type { Policy } from "../policy/types";
import type { SavedSnapshot } from "./saved";

/** A snapshot as plain data (a Web Worker posts it): amounts as exact decimal text. */
export interface PlainSnapshot {
  asOf: DayNumber;
  bandKeys: string[];
  bands: string[];
  items: [key: string, band: number, balance: string][] | null;
}

export function toPlainSnapshot(s: SavedSnapshot): PlainSnapshot {
  return {
    asOf: s.asOf,
    bandKeys: [...s.bandKeys],
    bands: s.bands.map((b) => b.toFixed(2)),
    items: s.items === null ? null : s.items.map((it) => [it.key, it.band, it.balance.toFixed(2)]),
  };
}

export function fromPlainSnapshot(p: PlainSnapshot): SavedSnapshot {
  return {
    asOf: p.asOf,
    bandKeys: [...p.bandKeys],
    bands: p.bands.map((b) => new Dec(b)),
    items: p.items === null ? null : p.items.map(([key, band, balance]) => ({ key, band, balance: new Dec(balance) })),
  };
}

const HEADER: Record<Lang, string[]> = {
  "zh-CN": ["截止日", "账龄段", "款项（客户 · 单据号）", "余额"],
  "en-US": ["As of", "Aging band", "Item (customer · document)", "Balance"],
};

interface HistoryTable {
  header: string[];
  /** Date serial, band label, item key ("" for a band total), balance. */
  rows: [number, string, string, number][];
}

/** The history as the sheet's rows, oldest snapshot first. */
export function historyTable(history: readonly SavedSnapshot[], policy: Policy, lang: Lang): HistoryTable {
  const labels = policy.provision.bands.map((b) => b.label[lang]);
  const rows: HistoryTable["rows"] = [];
  for (const s of history) {
    const serial = toExcelSerial(s.asOf);
    if (s.items !== null) {
      for (const it of s.items) rows.push([serial, labels[it.band] ?? String(it.band), it.key, Number(it.balance.toFixed(2))]);
    } else {
      s.bands.forEach((b, band) => rows.push([serial, labels[band] ?? String(band), "", Number(b.toFixed(2))]));
    }
  }
  return { header: HEADER[lang], rows };
}

export interface HistoryReading {
  history: SavedSnapshot[];
  /** Rows that do not read, each naming its row and column: the sheet is then left as it is. */
  problems: Bilingual[];
}

function bandIndex(text: string, policy: Policy): number {
  const t = text.trim();
  return policy.provision.bands.findIndex((b) => b.key === t || b.label["zh-CN"] === t || b.label["en-US"] === t);
}

const COLUMN = ["A", "B", "C", "D"] as const;

/** The history a sheet holds (its used range's values, header first), against the policy's bands. */
export function historyFromSheet(values: readonly (readonly unknown[])[], policy: Policy, sheet: string): HistoryReading {
  const bands = policy.provision.bands;
  const byDate = new Map<DayNumber, { totals: Decimal[]; items: { key: string; band: number; balance: Decimal }[]; keyless: boolean }>();
  const problems: Bilingual[] = [];
  const problem = (row: number, col: number, zh: string, en: string): void => {
    const at = `${sheet}!${COLUMN[col]}${row + 1}`;
    problems.push({ "zh-CN": `${at}：${zh}`, "en-US": `${at}: ${en}` });
  };
  values.forEach((raw, r) => {
    if (r === 0) return; // the header
    const [dateCell, bandCell, keyCell, balanceCell] = [raw[0], raw[1], raw[2], raw[3]];
    const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
    if ([dateCell, bandCell, keyCell, balanceCell].every(blank)) return;
    let asOf: DayNumber | null = null;
    try {
      asOf = parseDate(dateCell);
    } catch {
      asOf = null;
    }
    if (asOf === null) return problem(r, 0, "应为截止日（日期）", "expected the as-of date (a date)");
    const band = bandIndex(String(bandCell ?? ""), policy);
    if (band < 0) {
      const names = bands.map((b) => b.label["zh-CN"]).join("、");
      const namesEn = bands.map((b) => b.label["en-US"]).join(", ");
      return problem(r, 1, `“${String(bandCell ?? "")}”不是制度的账龄段（${names}）`, `"${String(bandCell ?? "")}" is not one of the policy's bands (${namesEn})`);
    }
    let balance: Decimal | null = null;
    try {
      balance = parseMoney(balanceCell);
    } catch {
      balance = null;
    }
    if (balance === null) return problem(r, 3, "应为余额（金额）", "expected the balance (an amount)");
    let entry = byDate.get(asOf);
    if (entry === undefined) {
      entry = { totals: bands.map(() => new Dec(0)), items: [], keyless: false };
      byDate.set(asOf, entry);
    }
    entry.totals[band] = entry.totals[band].plus(balance);
    const key = blank(keyCell) ? null : String(keyCell).trim();
    if (key === null) entry.keyless = true;
    else entry.items.push({ key, band, balance });
  });
  const history = [...byDate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([asOf, e]) => ({ asOf, bandKeys: bands.map((b) => b.key), bands: e.totals, items: e.keyless ? null : e.items }));
  return { history, problems };
}
