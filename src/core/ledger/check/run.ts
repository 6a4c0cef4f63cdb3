/**
 * One run of the check: its inputs, what the passes share, and the findings so far.
 */
import { bi } from "../../../i18n/bilingual";
import { NO_VALUE } from "../../batch";
import type { DayNumber } from "../../calendar";
import { MoneySum } from "../../money-sum";
import type { Policy } from "../../policy/types";
import type { CUSTOMER_MASTER_FIELDS } from "../companions";
import { BILL_SETTLED_WORDS, type Finding, findingAt, findingAtWith, LEGAL_STEP_WORDS, type MessageParams, type ParamsAt, type RuleId, type Severity } from "../findings";
import { type LedgerField, normalizeLabel } from "../headers";
import type { AsOfView, LedgerReading } from "../index";
import type { LedgerRow } from "../ledger-store";
import type { TableRecord } from "../records";
import type { AuditOptions, BillsRegisterReading, CollectionLogReading, CustomerMasterReading, UncheckedRule } from "./result";
import { normalizeWords } from "./text-keys";

/** Sheet letters of a reading's mapped fields. */
export function lettersOf<F extends string>(columns: readonly { field: F; letter: string }[]): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const c of columns) out[c.field] = c.letter;
  return out;
}

/** A customer of the ledger: its rows' total, latest confirmation, master record and legal steps. */
export interface CustomerGroup {
  /** The name as first written. */
  name: string | null;
  key: string;
  first: number;
  balance: MoneySum;
  lastConfirmed: number;
  master: TableRecord<typeof CUSTOMER_MASTER_FIELDS> | null;
  legalStep: boolean;
  /** Items whose credit term is neither the ledger's nor the master's: the policy's default applies. */
  defaultTermItems: number;
  /** Whether a customer-master-mismatch finding was made for the group (once per group). */
  mismatchSaid: boolean;
  /** The name cell last compared with the master's name (so each spelling is normalised once, not per row). */
  nameChecked: string | null;
  /** Position in the list of groups. */
  id: number;
}

export type MasterRecord = TableRecord<typeof CUSTOMER_MASTER_FIELDS>;

/**
 * One run of the check: its inputs, what the passes share, and the findings so far. Each pass
 * is a function of its own with one loop, so V8 optimises each loop on its own (one function
 * with many loops and closures is re-optimised loop by loop and boxes every number meanwhile).
 */
export class AuditRun {
  readonly sheet: string;
  readonly rows: readonly LedgerRow[];
  readonly n: number;
  readonly letter: Partial<Record<LedgerField, string>>;
  readonly findings: Finding[] = [];
  /** The ledger row (index into rows) of each finding in `findings`, -1 for one on no ledger row. */
  readonly rowOfFinding: number[] = [];
  /** Index into SEVERITIES of each row's most severe finding; NO_VALUE for none. */
  readonly worst: Uint8Array;
  readonly unchecked: UncheckedRule[] = [];
  readonly legalWords: readonly string[];
  readonly billWords: readonly string[];

  // Customers (prepareRows).
  readonly groups: CustomerGroup[] = [];
  /** Each row's customer group (index into groups), -1 for none. */
  readonly groupId: Int32Array;
  readonly masterByName = new Map<string, MasterRecord>();
  readonly masterByCode = new Map<string, MasterRecord>();
  /** Names the master gives to more than one customer (by name key), with those records. */
  readonly masterNameShared = new Map<string, MasterRecord[]>();
  readonly masterLetter: Record<string, string | undefined>;
  readonly legalStepOf = new Set<string>();

  // Per row (prepareRows).
  /** Effective due date per row; NO_DAYS when unknown. */
  readonly dueDay: Int32Array;
  /** The day the age counts from (the date arisen, or estimated from the due date); NO_DAYS when unknown. */
  readonly ageFrom: Int32Array;
  readonly statusText: (string | null)[];

  /** Row positions by sheet and row, when the ledger spans several sheets (else a binary search does). */
  private readonly positions: Map<string, number> | null;

  constructor(
    read: LedgerReading,
    view: AsOfView,
    readonly master: CustomerMasterReading | null,
    readonly bills: BillsRegisterReading | null,
    readonly log: CollectionLogReading | null,
    readonly asOf: DayNumber,
    readonly policy: Policy,
    options: AuditOptions,
  ) {
    this.sheet = read.sheet;
    this.rows = view.open;
    this.n = view.open.length;
    this.positions = read.layout.sheets.length > 1 ? new Map(view.open.map((r, i) => [`${r.sheet}\u0000${r.row}`, i])) : null;
    this.letter = lettersOf<LedgerField>(read.mapping.columns);
    this.worst = new Uint8Array(this.n).fill(NO_VALUE);
    this.legalWords = (options.legalStepWords ?? LEGAL_STEP_WORDS).map(normalizeWords);
    this.billWords = (options.billSettledWords ?? BILL_SETTLED_WORDS).map(normalizeWords);
    this.groupId = new Int32Array(this.n);
    this.dueDay = new Int32Array(this.n);
    this.ageFrom = new Int32Array(this.n);
    this.statusText = new Array<string | null>(this.n); // every slot set by prepareRows
    this.masterLetter = master === null ? {} : lettersOf(master.mapping.columns);
    this.openingColumn = openingBalanceColumn(read);
  }

  /**
   * A column of each line's opening balance beside the balance read (期初余额 | 本期增加 | 本期收回 |
   * 期末余额: a period's roll-forward per invoice), its index in the row's cells and its unit;
   * balance-mismatch then compares opening + amount − received. null for any other ledger.
   */
  readonly openingColumn: { index: number; scale: number } | null;

  mapped(field: LedgerField): boolean {
    return this.letter[field] !== undefined;
  }

  /** The sheet letter of the first of `fields` the ledger has; "" (the whole row) when none. */
  col(field: LedgerField, fallback?: LedgerField): string {
    return this.letter[field] ?? (fallback === undefined ? undefined : this.letter[fallback]) ?? "";
  }

  /** A finding on ledger row i (an index into rows). */
  rowFinding(i: number, rule: RuleId, column: string, params: MessageParams | (() => MessageParams), variant?: string, field?: string): void {
    const r = this.rows[i];
    this.attach(i, findingAt(rule, r.sheet, r.row, column, params, variant, field));
  }

  /** A finding on ledger row i whose parameters are `paramsAt(i)`, made when its message is read. */
  rowFindingWith(i: number, rule: RuleId, column: string, paramsAt: ParamsAt, variant?: string, field?: string): void {
    const r = this.rows[i];
    this.attach(i, findingAtWith(rule, r.sheet, r.row, column, paramsAt, i, variant, field));
  }

  /**
   * A finding on a line as read: attached to the open item it is (position `at` when known, -2 to
   * look it up), else a finding of its own.
   */
  lineFinding(line: LedgerRow, at: number, rule: RuleId, column: string, params: MessageParams | (() => MessageParams), variant?: string, field?: string): void {
    const i = at === -2 ? this.indexOfSheetRow(line.sheet, line.row) : at;
    const f = findingAt(rule, line.sheet, line.row, column, params, variant, field);
    if (i >= 0) this.attach(i, f);
    else this.addFinding(f);
  }

  /** A finding at a ledger cell: on the open item of that sheet row when there is one, else on its own. */
  lineFindingAt(sheet: string, row: number, rule: RuleId, column: string, params: MessageParams | (() => MessageParams), variant?: string, field?: string): void {
    const i = this.indexOfSheetRow(sheet, row);
    const f = findingAt(rule, sheet, row, column, params, variant, field);
    if (i >= 0) this.attach(i, f);
    else this.addFinding(f);
  }

  /** Whether `lines` are the open items themselves, position for position (nothing settled, netted or left out). */
  sameRowsAs(lines: readonly LedgerRow[]): boolean {
    if (lines.length !== this.n) return false;
    for (let i = 0; i < this.n; i++) if (lines[i] !== this.rows[i]) return false;
    return true;
  }

  /** A finding on no ledger row (a companion sheet's, or a row that is not an open item). */
  addFinding(f: Finding): void {
    this.findings.push(f);
    this.rowOfFinding.push(-1);
  }

  /** A finding on ledger row i. */
  attach(i: number, f: Finding): void {
    this.findings.push(f);
    this.rowOfFinding.push(i);
    const s = SEVERITY_INDEX[f.severity];
    const w = this.worst[i];
    if (w === NO_VALUE || s < w) this.worst[i] = s;
  }

  skipRule(rule: RuleId, zh: string, en: string): void {
    this.unchecked.push({ rule, reason: bi(zh, en) });
  }

  /** Where a ledger sheet row sits in `rows` (which are in sheet order); -1 when it is not an open item. */
  indexOfSheetRow(sheet: string, sheetRow: number): number {
    if (this.positions !== null) return this.positions.get(`${sheet}\u0000${sheetRow}`) ?? -1;
    if (sheet !== this.sheet) return -1;
    const rows = this.rows;
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = rows[mid].row;
      if (r === sheetRow) return mid;
      if (r < sheetRow) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

const SEVERITY_INDEX: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** An opening balance header: 期初余额, 年初余额, 上期余额, 月初余额, 期初数, 期初. */
const OPENING_HEADER = /^(期初|年初|月初|上期|上月|上年)(余额|金额|数|应收余额|应收)?$/;

function openingBalanceColumn(read: LedgerReading): { index: number; scale: number } | null {
  if (read.shape !== "open-items" || read.letters.balance === undefined) return null;
  const others = [...read.mapping.ambiguous.filter((a) => a.field === "balance").flatMap((a) => a.others), ...read.mapping.unmapped];
  const found = others.find((c) => OPENING_HEADER.test(normalizeLabel(c.header)));
  return found === undefined ? null : { index: found.index, scale: read.units.columns.balance ?? read.units.scale };
}
