/**
 * The audit result as JSON: the file `npm run audit -- … --json result.json` writes. Dates are
 * ISO (yyyy-mm-dd), money is exact decimal strings ("1234.50"), so the file means the same in
 * any language that reads it, and totals can be checked against the rows without rounding.
 *
 * Shape (version 3; version 2 had no "ecl"; version 1 had no "reading", and counted every line in
 * rowCount):
 * {
 *   "version": 3, "asOf": "2011-08-31", "source": "ledger.xlsx",
 *   "ledger": { "sheet", "shape", "headerRow", "rowCount" (open items on the as-of date), "skippedCount", "unitScale",
 *               "columnUnits" (only when some money column has a unit of its own: { "amount": 10000 }) },
 *   "reading": { "reconciliation" ("reconciled" | "differences" | "none"), "controlsChecked", "controlDifferences",
 *                "lines", "settled", "credits", "leftOut": { "count", "items", "credits", "first", "latest" },
 *                "advances": { "count", "total" }, "inexact", "mostlyUnusable", "sheets", "customerFrom",
 *                "datesFrom", "runningBalance" },
 *   "companions": { "customers", "bills", "collections" },   // sheet names or null
 *   "rows": [ { "sheet", "row", "customer", "document", "dateArisen", "dueDate", "balance",
 *               "ageDays", "daysPastDue", "agingClass", "agingBand", "provision", "findings" } ],
 *   "findings": [ { "rule", "severity", "sheet", "row", "column", "cell", "field"?, "message": { "zh-CN", "en-US" } } ],
 *   "totals": { "all", "byClass", "byBand", "bySeverity", "findings" },
 *   "unchecked": [ { "rule", "reason": { "zh-CN", "en-US" } } ],
 *   "ecl": { "history": { "source", "ends" }, "method", "bands": [ { "key", "balance", "count", "migration",
 *            "historical", "adjusted", "provision" } ], "individual": { "count", "balance", "provision" },
 *            "k", "totals": { "pool", "individual", "ecl", "policy" }, "existingAllowance", "existingAllowanceFrom", "charge",
 *            "problems": [ { "id", "message" } ] }          // when the caller assessed it
 * }
 */
import type { DayNumber } from "../calendar";
import { formatIsoDate } from "../dates";
import type { EclAssessment } from "../ecl/assessment";
import type { AuditResult, AuditRow, AuditTotals, ReadingSummary, UncheckedRule } from "./check";
import type { Finding } from "./findings";

const AUDIT_JSON_VERSION = 3;

interface AuditJsonRow {
  sheet: string;
  row: number;
  customer: string | null;
  document: string | null;
  dateArisen: string | null;
  dueDate: string | null;
  balance: string | null;
  ageDays: number | null;
  daysPastDue: number | null;
  agingClass: AuditRow["agingClass"];
  agingBand: string | null;
  provision: string | null;
  findings: Finding[];
}

export interface AuditJson {
  version: typeof AUDIT_JSON_VERSION;
  asOf: string;
  source: string;
  ledger: AuditResult["ledger"];
  reading: ReadingJson;
  companions: AuditResult["companions"];
  rows: AuditJsonRow[];
  findings: Finding[];
  totals: AuditTotals;
  unchecked: UncheckedRule[];
}

/** The reading summary with its dates in ISO form. */
type ReadingJson = Omit<ReadingSummary, "leftOut"> & {
  leftOut: { count: number; items: number; credits: number; first: { sheet: string; row: number; date: string } | null; latest: string | null };
};

function readingToJson(r: ReadingSummary): ReadingJson {
  const l = r.leftOut;
  return {
    ...r,
    leftOut: {
      count: l.count,
      items: l.items,
      credits: l.credits,
      first: l.first === null ? null : { sheet: l.first.sheet, row: l.first.row, date: formatIsoDate(l.first.date) },
      latest: l.latest === null ? null : formatIsoDate(l.latest),
    },
  };
}

function iso(day: DayNumber | null): string | null {
  return day === null ? null : formatIsoDate(day);
}

/** One row as JSON. */
function auditRowToJson(row: AuditRow): AuditJsonRow {
  return {
    sheet: row.sheet,
    row: row.row,
    customer: row.customer,
    document: row.document,
    dateArisen: iso(row.dateArisen),
    dueDate: iso(row.dueDate),
    balance: row.balance,
    ageDays: row.ageDays,
    daysPastDue: row.daysPastDue,
    agingClass: row.agingClass,
    agingBand: row.agingBand,
    provision: row.provision,
    findings: row.findings,
  };
}

/** The whole result as one JSON-ready object (fine up to a few hundred thousand rows; see auditJsonChunks beyond). */
export function auditToJson(result: AuditResult, source: string): AuditJson {
  const rows: AuditJsonRow[] = new Array<AuditJsonRow>(result.rows.length);
  for (let i = 0; i < result.rows.length; i++) rows[i] = auditRowToJson(result.rows.get(i));
  return {
    version: AUDIT_JSON_VERSION,
    asOf: formatIsoDate(result.asOf),
    source,
    ledger: result.ledger,
    reading: readingToJson(result.reading),
    companions: result.companions,
    rows,
    findings: result.findings,
    totals: result.totals,
    unchecked: result.unchecked,
  };
}

/**
 * The same JSON text as `JSON.stringify(auditToJson(result, source))`, in pieces (one per row
 * plus the frame), so a writer can stream a million rows without holding the whole text.
 */
export function* auditJsonChunks(result: AuditResult, source: string, ecl?: EclAssessment): Generator<string> {
  yield `{"version":${AUDIT_JSON_VERSION},"asOf":${JSON.stringify(formatIsoDate(result.asOf))},"source":${JSON.stringify(source)}`;
  yield `,"ledger":${JSON.stringify(result.ledger)},"reading":${JSON.stringify(readingToJson(result.reading))},"companions":${JSON.stringify(result.companions)},"rows":[`;
  const n = result.rows.length;
  let batch = "";
  for (let i = 0; i < n; i++) {
    batch += (i === 0 ? "" : ",") + JSON.stringify(auditRowToJson(result.rows.get(i)));
    if (batch.length > 1 << 16) {
      yield batch;
      batch = "";
    }
  }
  if (batch !== "") yield batch;
  yield `],"findings":[`;
  batch = "";
  const findings = result.findings;
  for (let i = 0; i < findings.length; i++) {
    batch += (i === 0 ? "" : ",") + JSON.stringify(findings[i]);
    if (batch.length > 1 << 16) {
      yield batch;
      batch = "";
    }
  }
  yield batch;
  yield `],"totals":${JSON.stringify(result.totals)},"unchecked":${JSON.stringify(result.unchecked)}`;
  if (ecl !== undefined) yield `,"ecl":${JSON.stringify(eclToJson(ecl))}`;
  yield "}";
}

/** The expected credit loss as JSON: exact decimal strings, rates as exact decimals. */
function eclToJson(a: EclAssessment): unknown {
  const text = (d: { toString(): string } | null) => (d === null ? null : d.toString());
  const money = (d: { toFixed(n: number): string } | null) => (d === null ? null : d.toFixed(2));
  return {
    history: { source: a.history.source, ends: a.history.ends.map((d) => formatIsoDate(d)) },
    method: a.migration.method,
    bands: a.pool.map((l) => ({
      key: l.key,
      balance: money(l.balance),
      count: l.count,
      migration: text(l.migration),
      historical: text(l.historical),
      adjusted: text(l.adjusted),
      provision: money(l.provision),
    })),
    // The segments (组合) by the column named, each with its own rates; null for one pool.
    segmentColumn: a.segmentColumn === null ? null : { header: a.segmentColumn.header, letter: a.segmentColumn.letter },
    segments:
      a.segments === null
        ? null
        : a.segments.map((sg) => ({
            name: sg.name,
            rates: sg.rates,
            method: sg.migration.method,
            bands: sg.pool.map((l) => ({ key: l.key, balance: money(l.balance), count: l.count, migration: text(l.migration), historical: text(l.historical), adjusted: text(l.adjusted), provision: money(l.provision) })),
            provision: money(sg.total),
          })),
    individual: {
      count: a.individual.length,
      balance: money(a.individual.reduce((x, i) => x.plus(i.balance), a.totals.individual.times(0))),
      provision: money(a.totals.individual),
    },
    k: a.loss.k.toString(),
    totals: { pool: money(a.totals.pool), individual: money(a.totals.individual), ecl: money(a.totals.ecl), policy: money(a.totals.policy) },
    existingAllowance: money(a.existingAllowance),
    // "given" (--allowance), "policy" (the policy sheet), "ledger:<column>" (its 坏账准备 column), or null (taken as 0).
    existingAllowanceFrom: a.allowanceSource === null ? null : a.allowanceSource.kind === "ledger" ? `ledger:${a.allowanceSource.column}` : a.allowanceSource.kind,
    charge: money(a.charge),
    // The balance in bands without a loss rate: above 0, the ECL (and the charge) is incomplete.
    unprovided: money(a.unprovided),
    problems: a.problems.map((p) => ({ id: p.id, message: p.message })),
  };
}
