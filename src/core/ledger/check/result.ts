/**
 * What the check returns: per-row results (held column by column in AuditRows), exact totals,
 * findings and the rules it could not apply; and what it takes besides the ledger.
 */
import type { LedgerField } from "../headers";
import { AGING_CLASSES } from "../../aging";
import { NO_DAYS, NO_VALUE } from "../../batch";
import type { DayNumber } from "../../calendar";
import type { Bilingual } from "../../../i18n/bilingual";
import { formatFen } from "../../fen";
import type { AgingClass } from "../../policy/types";
import type { BILLS_REGISTER_FIELDS, COLLECTION_LOG_FIELDS, CompanionReading, CUSTOMER_MASTER_FIELDS } from "../companions";
import type { Finding, RuleId, Severity } from "../findings";
import type { Advance } from "../as-of";
import type { LedgerReading } from "../index";
import type { LedgerRow } from "../ledger-store";
import { balanceText } from "./message-values";
import type { ReadingSummary } from "./ledger-findings";

export type CustomerMasterReading = CompanionReading<typeof CUSTOMER_MASTER_FIELDS>;
export type BillsRegisterReading = CompanionReading<typeof BILLS_REGISTER_FIELDS>;
export type CollectionLogReading = CompanionReading<typeof COLLECTION_LOG_FIELDS>;

/** The companion tables, each as its reader returns it; any may be absent. */
export interface AuditCompanions {
  customers?: CustomerMasterReading | null;
  bills?: BillsRegisterReading | null;
  collections?: CollectionLogReading | null;
}

export interface AuditOptions {
  /** Words that mean a legal step was taken (default LEGAL_STEP_WORDS). */
  legalStepWords?: readonly string[];
  /** Words that mean a bill has been presented, paid, discounted or endorsed (default BILL_SETTLED_WORDS). */
  billSettledWords?: readonly string[];
}

/** One open item's result. Money as exact decimal strings ("1234.50"), dates as day numbers. */
export interface AuditRow {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  customer: string | null;
  document: string | null;
  /** As the ledger gives it (null when blank or unreadable). */
  dateArisen: DayNumber | null;
  /** The due date the check used: the ledger's, else date arisen + credit days (row, customer master, policy). */
  dueDate: DayNumber | null;
  /** The balance as read, exactly ("1234.50"); null when unknown. */
  balance: string | null;
  /** asOf − date arisen (estimated from the due date when the date arisen is blank). */
  ageDays: number | null;
  /** asOf − due date; negative while not yet due. */
  daysPastDue: number | null;
  agingClass: AgingClass | null;
  /** Key of the report band (policy.reportBands). */
  agingBand: string | null;
  /** The item's provision, rounded to the fen ("45.50"); null when it cannot be computed. */
  provision: string | null;
  findings: Finding[];
}

/** Count and exact sums of a group of rows. */
export interface AmountTotal {
  count: number;
  balance: string;
  provision: string;
}

export interface BandTotal extends AmountTotal {
  key: string;
  label: Bilingual;
}

export interface AuditTotals {
  /** Every open item. */
  all: AmountTotal;
  /** By aging class; "unclassified" for rows whose due date is unknown. */
  byClass: Record<AgingClass | "unclassified", AmountTotal>;
  /** By report band, in policy order, then "unbanded" (date arisen unknown or after the as-of date). */
  byBand: BandTotal[];
  /** Rows by their most severe finding; "none" for rows without a finding. */
  bySeverity: Record<Severity | "none", AmountTotal>;
  /** Number of findings, everywhere (companion sheets included). */
  findings: Record<Severity, number> & { total: number; byRule: Partial<Record<RuleId, number>> };
}

/** A rule the check could not apply, and why (a column or a table it needs is missing). */
export interface UncheckedRule {
  rule: RuleId;
  reason: Bilingual;
}

export interface AuditResult {
  asOf: DayNumber;
  ledger: {
    sheet: string;
    shape: LedgerReading["shape"];
    headerRow: number | null;
    rowCount: number;
    skippedCount: number;
    unitScale: number;
    /** Money columns read at a unit of their own (a header's "(万元)"), by field; absent when none differs from unitScale. */
    columnUnits?: Partial<Record<LedgerField, number>>;
  };
  /** What was read, reconciled and left out: the first thing to tell the user. */
  reading: ReadingSummary;
  companions: { customers: string | null; bills: string | null; collections: string | null };
  rows: AuditRows;
  /** Items settled on the as-of date (not open items; the clean-up statistics list what was collected on them). */
  settledRows: readonly LedgerRow[];
  /** Customers' net credits on the as-of date: advances received (预收), kept apart from the aging. */
  advances: readonly Advance[];
  /** Every finding, in sheet order (ledger first, then the companions). */
  findings: Finding[];
  totals: AuditTotals;
  unchecked: UncheckedRule[];
}

/**
 * The per-row results, column by column. `get(i)` makes the i-th row's object (rows in the
 * order of LedgerReading.rows); iterating makes each in turn.
 */
export class AuditRows implements Iterable<AuditRow> {
  constructor(
    private readonly source: readonly LedgerRow[],
    /** Effective due date; NO_DAYS when unknown. */
    readonly dueDay: Int32Array,
    /** Date arisen used for the age (the ledger's, or estimated from the due date); NO_DAYS when unknown. */
    readonly ageFrom: Int32Array,
    readonly daysPastDue: Int32Array,
    /** Index into AGING_CLASSES; NO_VALUE when unknown. */
    readonly agingClass: Uint8Array,
    /** Index into bandKeys; NO_VALUE when unknown. */
    readonly agingBand: Uint8Array,
    /** Rounded provision in fen; NaN when unknown or in provisionExact. */
    readonly provisionFen: Float64Array,
    readonly provisionExact: ReadonlyMap<number, string>,
    readonly bandKeys: readonly string[],
    private readonly asOf: DayNumber,
    /** Row i's findings are findings[rowFindings[rowStart[i]] … rowFindings[rowStart[i + 1] − 1]]. */
    private readonly allFindings: readonly Finding[],
    private readonly rowStart: Int32Array,
    private readonly rowFindings: Int32Array,
    /** Index into provision.PROVISION_BASES of the rule that gave each row its provision; NO_VALUE when none. */
    readonly provisionBasis: Uint8Array = new Uint8Array(source.length).fill(NO_VALUE),
  ) {}

  get length(): number {
    return this.source.length;
  }

  /** The open items the results are about, in order. */
  get ledgerRows(): readonly LedgerRow[] {
    return this.source;
  }

  /** The LedgerRow the i-th result is about. */
  ledgerRow(i: number): LedgerRow {
    return this.source[i];
  }

  /** The i-th row's provision, exactly, or null. */
  provision(i: number): string | null {
    const fen = this.provisionFen[i];
    if (fen === fen) return formatFen(fen);
    return this.provisionExact.get(i) ?? null;
  }

  /** How many findings the i-th row has (without making the list). */
  findingCount(i: number): number {
    return this.rowStart[i + 1] - this.rowStart[i];
  }

  findings(i: number): Finding[] {
    const from = this.rowStart[i];
    const to = this.rowStart[i + 1];
    const out: Finding[] = new Array<Finding>(to - from);
    for (let k = from; k < to; k++) out[k - from] = this.allFindings[this.rowFindings[k]];
    return out;
  }

  get(i: number): AuditRow {
    const r = this.source[i];
    const due = this.dueDay[i];
    const from = this.ageFrom[i];
    const none = NO_DAYS;
    const days = this.daysPastDue[i];
    const cls = this.agingClass[i];
    const band = this.agingBand[i];
    return {
      sheet: r.sheet,
      row: r.row,
      customer: r.customer,
      document: r.document,
      dateArisen: r.dateArisen,
      dueDate: due === none ? null : due,
      balance: balanceText(r),
      ageDays: from === none ? null : this.asOf - from,
      daysPastDue: days === NO_DAYS ? null : days,
      agingClass: cls === NO_VALUE ? null : AGING_CLASSES[cls],
      agingBand: band === NO_VALUE ? null : this.bandKeys[band],
      provision: this.provision(i),
      findings: this.findings(i),
    };
  }

  *[Symbol.iterator](): Iterator<AuditRow> {
    for (let i = 0; i < this.source.length; i++) yield this.get(i);
  }
}
