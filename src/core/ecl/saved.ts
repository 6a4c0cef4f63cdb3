/**
 * Aging snapshots kept between runs (CAS 22 / IFRS 9 history for an open-items ledger, whose own
 * lines hold no past): each check saves its as-of date's band balances, and the items by a key
 * that survives re-exports (customer and document), to a history the add-in owns — a sheet in
 * the pane, a JSON file for the headless audit (`--history`). Snapshots saved on irregular dates
 * are kept, and used only where they fall on the bands' period ends (snapshots.onPeriodEnds).
 *
 * The file (version 1):
 *   { "version": 1, "bands": ["y0-1", …],
 *     "snapshots": [ { "asOf": "2010-12-31", "bands": ["1000.00", …],
 *                      "items": [ { "key": "客户 · 单据号", "band": 0, "balance": "100.00" } ] | null } ] }
 */
import type Decimal from "decimal.js";
import { bandCutoffs, bandFromCutoffs } from "../aging";
import { NO_DAYS } from "../batch";
import type { DayNumber } from "../calendar";
import { formatIsoDate, parseDate } from "../dates";
import { ArError } from "../errors";
import { Dec } from "../money";
import type { ReportInput } from "../reports/input";
import { type AgingSnapshot, snapshotItems } from "./snapshots";

const HISTORY_VERSION = 1;

export interface SavedSnapshot {
  asOf: DayNumber;
  /** Band keys (policy.provision.bands), so a changed band table is noticed. */
  bandKeys: string[];
  bands: Decimal[];
  /** Items by key; null when some open item has no key (no document), then only band totals are kept. */
  items: { key: string; band: number; balance: Decimal }[] | null;
}

/** The snapshot of a checked ledger on its as-of date: the open items by provision band. */
export function snapshotOfCheck(input: Pick<ReportInput, "audit" | "policy" | "asOf">): SavedSnapshot {
  const { audit, policy, asOf } = input;
  const bands = policy.provision.bands;
  const cutoffs = bandCutoffs(asOf, bands);
  const totals = bands.map(() => new Dec(0));
  let items: { key: string; band: number; balance: Decimal }[] | null = [];
  const rows = audit.rows.ledgerRows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const from = audit.rows.ageFrom[i];
    const balance = r.balance;
    if (balance === null || !balance.gt(0) || from === NO_DAYS || from > asOf) continue;
    const band = bandFromCutoffs(from, cutoffs);
    if (band < 0) continue;
    totals[band] = totals[band].plus(balance);
    if (items !== null) {
      if (r.customer === null || r.document === null) items = null;
      else items.push({ key: `${r.customer} · ${r.document}`, band, balance });
    }
  }
  return { asOf, bandKeys: bands.map((b) => b.key), bands: totals, items };
}

/** The history with `snapshot` in it (replacing one of the same date), by date. */
export function withSnapshot(history: readonly SavedSnapshot[], snapshot: SavedSnapshot): SavedSnapshot[] {
  return [...history.filter((s) => s.asOf !== snapshot.asOf), snapshot].sort((a, b) => a.asOf - b.asOf);
}

/** Saved snapshots as the core's (snapshots.ts), up to `asOf`. */
export function snapshotsFromSaved(history: readonly SavedSnapshot[], asOf: DayNumber): AgingSnapshot[] {
  return history
    .filter((s) => s.asOf <= asOf)
    .map((s) => ({
      asOf: s.asOf,
      bands: s.bands,
      items: s.items === null ? null : snapshotItems(s.items),
      writtenOffByBand: null,
    }));
}

export function historyToJson(history: readonly SavedSnapshot[]): string {
  return `${JSON.stringify(
    {
      version: HISTORY_VERSION,
      bands: history[0]?.bandKeys ?? [],
      snapshots: history.map((s) => ({
        asOf: formatIsoDate(s.asOf),
        bands: s.bands.map((b) => b.toFixed(2)),
        items: s.items === null ? null : s.items.map((it) => ({ key: it.key, band: it.band, balance: it.balance.toFixed(2) })),
      })),
    },
    null,
    1,
  )}\n`;
}

function bad(why: string, whyZh: string): ArError {
  return new ArError("ecl.history-invalid", { "zh-CN": `账龄历史文件无效：${whyZh}`, "en-US": `The aging history file is invalid: ${why}` });
}

/** A history file's snapshots; ArError "ecl.history-invalid" naming what is wrong. */
export function historyFromJson(text: string, bandKeys: readonly string[]): SavedSnapshot[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw bad(`not JSON (${e instanceof Error ? e.message : String(e)})`, `不是 JSON（${e instanceof Error ? e.message : String(e)}）`);
  }
  const d = data as { version?: unknown; bands?: unknown; snapshots?: unknown };
  if (d.version !== HISTORY_VERSION || !Array.isArray(d.snapshots)) throw bad(`expected version ${HISTORY_VERSION} and a list of snapshots`, `应为第 ${HISTORY_VERSION} 版，含快照列表`);
  const keys = Array.isArray(d.bands) ? d.bands.map(String) : [];
  if (keys.length > 0 && keys.join("|") !== bandKeys.join("|")) {
    throw bad(`its bands (${keys.join(", ")}) are not the policy's (${bandKeys.join(", ")})`, `其账龄段（${keys.join("、")}）与制度的（${bandKeys.join("、")}）不同`);
  }
  return d.snapshots.map((raw, k) => {
    const s = raw as { asOf?: unknown; bands?: unknown; items?: unknown };
    let asOf: DayNumber | null = null;
    try {
      asOf = parseDate(s.asOf);
    } catch {
      asOf = null;
    }
    if (asOf === null) throw bad(`snapshot ${k + 1} has no date`, `第 ${k + 1} 个快照没有日期`);
    if (!Array.isArray(s.bands) || s.bands.length !== bandKeys.length) throw bad(`snapshot ${k + 1} needs ${bandKeys.length} band balances`, `第 ${k + 1} 个快照应有 ${bandKeys.length} 个账龄段余额`);
    const bands = s.bands.map((b) => new Dec(String(b)));
    const items = Array.isArray(s.items)
      ? s.items.map((it) => {
          const item = it as { key?: unknown; band?: unknown; balance?: unknown };
          return { key: String(item.key), band: Number(item.band), balance: new Dec(String(item.balance)) };
        })
      : null;
    return { asOf, bandKeys: [...bandKeys], bands, items };
  });
}
