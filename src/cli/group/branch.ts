/**
 * One branch of a group run, as a worker does it: read the workbook (read-workbook.ts), pick the
 * ledger and its companions (core readWorkbookLedger), name the entity, run the check (core
 * auditLedger) and write the items, findings and totals to staging files (staging.ts). What
 * goes back to the parent is a few numbers per branch, never its rows, so the parent's memory
 * does not grow with the group.
 *
 * Money stays exact: balances and provisions are the core's decimal strings. DECIMAL(18,2) holds
 * them when they are to the fen, as nearly every ledger's are; a balance read with fractions of a
 * fen (a formula's unrounded result) is rounded half-up to the fen (POLICY §4) in `balance`, and
 * its exact text kept in `balanceExact`. The branch's totals rows are summed here from exactly
 * the values written, and when no balance needed rounding they must equal the core's own totals
 * to the fen: a difference is an internal error and the branch fails, rather than a data set
 * whose totals disagree with the JSON.
 */
import { join } from "node:path";
import { AGING_CLASSES } from "../../core/aging";
import { NO_VALUE } from "../../core/batch";
import type { DayNumber } from "../../core/calendar";
import { formatIsoDate } from "../../core/dates";
import { ArError } from "../../core/errors";
import type { Bilingual } from "../../i18n/bilingual";
import { auditLedger, type AmountTotal, type AuditResult } from "../../core/ledger/check";
import { SEVERITIES, type Severity } from "../../core/ledger/findings";
import { readWorkbookLedger } from "../../core/ledger/workbook";
import { Dec, formatMoney } from "../../core/money";
import type { Policy } from "../../core/policy/types";
import { formatFenBigInt } from "../../core/fen";
import { longAgedBands } from "../../core/reports/long-aged";
import { readWorkbook } from "../read-workbook";
import { type EntityFrom, entityOf } from "./entity";
import { StagingFile, type StagingValue } from "./staging";
import type { TableName } from "./schema";
import { GROUP_CLI } from "../../i18n/group-cli";

export interface BranchSettings {
  asOf: DayNumber;
  entityFrom: EntityFrom;
  /** --sheet: the ledger's sheet in every workbook. */
  sheet?: string;
  /** Where the staging files go: <dir>/<table>/<branch>.csv. */
  stagingDir: string;
}

export interface BranchTask {
  /** The branch's place in the run (names its staging files). */
  index: number;
  source: string;
}

/** What a branch sends back: its identity and the figures the summary and the report show. */
export interface BranchDone {
  index: number;
  source: string;
  entity: string;
  sheet: string;
  /** Lines read from the ledger, and open items on the as-of date. */
  lines: number;
  items: number;
  /** The core's totals (as in the branch's JSON). */
  balance: string;
  provision: string;
  findings: Record<Severity, number>;
  reconciliation: AuditResult["reading"]["reconciliation"];
  /** Items whose balance had fractions of a fen (rounded in `balance`, exact in `balanceExact`). */
  subFen: number;
  /** What the reader and the sheet choice said (encodings, companion sheets not used). */
  notes: Bilingual[];
}

/** The staging file of one table for one branch. */
export function stagingPath(stagingDir: string, table: TableName, index: number): string {
  return join(stagingDir, table, `b${String(index).padStart(7, "0")}.csv`);
}

const TWO_DECIMALS = /^-?\d+\.\d\d$/;

/** A money string as DECIMAL(18,2) text; `exact` is set when that needed rounding. */
function toDecimal2(text: string): { fixed: string; exact: string | null } {
  if (TWO_DECIMALS.test(text)) return { fixed: text, exact: null };
  const fixed = formatMoney(new Dec(text));
  return { fixed, exact: new Dec(text).eq(fixed) ? null : text };
}

function fenOf(fixed: string): bigint {
  return BigInt(fixed.replace(".", ""));
}

class Sum {
  items = 0;
  balance = 0n;
  provision = 0n;
}

/** Items whose figures go into the totals rows: the same cells of scope/key as the JSON's totals. */
class Sums {
  readonly cells = new Map<string, Sum>();
  at(scope: string, key: string): Sum {
    const k = `${scope}\u0000${key}`;
    let s = this.cells.get(k);
    if (s === undefined) {
      s = new Sum();
      this.cells.set(k, s);
    }
    return s;
  }
}

function sameTotal(sum: Sum, core: AmountTotal): boolean {
  return sum.items === core.count && new Dec(core.balance).eq(formatFenBigInt(sum.balance)) && new Dec(core.provision).eq(formatFenBigInt(sum.provision));
}

function internalMismatch(what: string): ArError {
  return new ArError("group.totals-mismatch", GROUP_CLI.totalsMismatch(what));
}

/** Reads, checks and stages one branch. Throws an ArError (the branch's one-line reason) when it cannot be used. */
export async function auditBranch(task: BranchTask, settings: BranchSettings, policy: Policy, onRows?: (rows: number) => void): Promise<BranchDone> {
  const { source, index } = task;
  const book = await readWorkbook(source, onRows === undefined ? {} : { onProgress: (_sheet, rows) => onRows(rows) });
  const chosen = readWorkbookLedger(book.sheets, settings.sheet === undefined ? { dateSystem: book.dateSystem, asOf: settings.asOf } : { sheet: settings.sheet, dateSystem: book.dateSystem });
  const entity = entityOf(settings.entityFrom, source, chosen.ledgerSheet, book.sheets);
  // The cell values are no longer needed once the ledger is read: let them go before the check.
  book.sheets.length = 0;
  const result = auditLedger(chosen.ledger, chosen.companions, settings.asOf, policy);
  const notes = [...(book.notes ?? []), ...chosen.warnings];
  const asOf = formatIsoDate(settings.asOf);
  const sheet = result.ledger.sheet;

  const files = {
    items: new StagingFile("items", stagingPath(settings.stagingDir, "items", index)),
    findings: new StagingFile("findings", stagingPath(settings.stagingDir, "findings", index)),
    totals: new StagingFile("totals", stagingPath(settings.stagingDir, "totals", index)),
  };
  try {
    const { sums, subFen } = writeItems(files.items, result, entity, source, asOf, policy);
    writeTotals(files.totals, sums, subFen, result, entity, source, asOf, sheet);
    writeFindings(files.findings, result, entity, source, asOf);
    for (const f of Object.values(files)) f.close();
    for (const f of Object.values(files)) f.commit();
    const T = result.totals;
    return {
      index,
      source,
      entity,
      sheet,
      lines: result.reading.lines,
      items: result.rows.length,
      balance: T.all.balance,
      provision: T.all.provision,
      findings: { error: T.findings.error, warning: T.findings.warning, info: T.findings.info },
      reconciliation: result.reading.reconciliation,
      subFen,
      notes,
    };
  } catch (e) {
    for (const f of Object.values(files)) f.discard();
    throw e;
  }
}

/** Writes the items; returns their sums by scope and key, and how many balances had fractions of a fen. */
function writeItems(out: StagingFile, result: AuditResult, entity: string, source: string, asOf: string, policy: Policy): { sums: Sums; subFen: number } {
  const rows = result.rows;
  const long = new Set(longAgedBands(policy.reportBands, policy.longAgedFromMonths));
  const bandKeys = rows.bandKeys;
  const s = new Sums();
  // Every class, band and severity the JSON's totals list, in their order, even when empty.
  s.at("all", "all");
  for (const k of Object.keys(result.totals.byClass)) s.at("class", k);
  for (const b of result.totals.byBand) s.at("band", b.key);
  for (const k of Object.keys(result.totals.bySeverity)) s.at("severity", k);
  let subFen = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows.get(i);
    const balance = r.balance === null ? null : toDecimal2(r.balance);
    if (balance !== null && balance.exact !== null) subFen += 1;
    const provision = r.provision === null ? null : toDecimal2(r.provision).fixed;
    let worst: Severity | null = null;
    let rules = "";
    for (const f of r.findings) {
      if (worst === null || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(worst)) worst = f.severity;
      rules += rules === "" ? f.rule : `,${f.rule}`;
    }
    const band = rows.agingBand[i];
    const values: StagingValue[] = [
      entity,
      source,
      asOf,
      r.sheet,
      r.row,
      r.customer,
      r.document,
      r.dateArisen === null ? null : formatIsoDate(r.dateArisen),
      r.dueDate === null ? null : formatIsoDate(r.dueDate),
      balance === null ? null : balance.fixed,
      balance === null ? null : balance.exact,
      r.ageDays,
      r.daysPastDue,
      r.agingClass,
      r.agingBand,
      band !== NO_VALUE && long.has(band),
      provision,
      worst,
      rules === "" ? null : rules,
    ];
    out.add(values);
    const b = balance === null ? 0n : fenOf(balance.fixed);
    const p = provision === null ? 0n : fenOf(provision);
    for (const cell of [s.at("all", "all"), s.at("class", r.agingClass ?? "unclassified"), s.at("band", band === NO_VALUE ? "unbanded" : bandKeys[band]), s.at("severity", worst ?? "none")]) {
      cell.items += 1;
      cell.balance += b;
      cell.provision += p;
    }
  }
  return { sums: s, subFen };
}

function writeTotals(out: StagingFile, s: Sums, subFen: number, result: AuditResult, entity: string, source: string, asOf: string, sheet: string): void {
  const T = result.totals;
  if (subFen === 0) {
    // The data set's totals are the JSON's totals, to the fen, or the branch does not go in.
    if (!sameTotal(s.at("all", "all"), T.all)) throw internalMismatch("all");
    for (const k of AGING_CLASSES) if (!sameTotal(s.at("class", k), T.byClass[k])) throw internalMismatch(`class ${k}`);
    if (!sameTotal(s.at("class", "unclassified"), T.byClass.unclassified)) throw internalMismatch("class unclassified");
    for (const b of T.byBand) if (!sameTotal(s.at("band", b.key), b)) throw internalMismatch(`band ${b.key}`);
    for (const k of [...SEVERITIES, "none" as const]) if (!sameTotal(s.at("severity", k), T.bySeverity[k])) throw internalMismatch(`severity ${k}`);
  }
  const findingsOf = (scope: string, key: string): number | null => {
    if (scope === "all") return T.findings.total;
    if (scope === "severity" && key !== "none") return T.findings[key as Severity];
    return null;
  };
  for (const [k, sum] of s.cells) {
    const [scope, key] = k.split("\u0000");
    out.add([entity, source, asOf, sheet, scope, key, sum.items, formatFenBigInt(sum.balance), formatFenBigInt(sum.provision), findingsOf(scope, key)]);
  }
  for (const [rule, n] of Object.entries(T.findings.byRule)) out.add([entity, source, asOf, sheet, "rule", rule, null, null, null, n ?? 0]);
}

function writeFindings(out: StagingFile, result: AuditResult, entity: string, source: string, asOf: string): void {
  for (const f of result.findings) {
    out.add([entity, source, asOf, f.rule, f.severity, f.sheet, f.row, f.column, f.cell, f.field ?? null, f.message["zh-CN"], f.message["en-US"]]);
  }
}
