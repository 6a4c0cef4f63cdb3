/**
 * The first pass: customers joined to the master, due dates, the day each age counts from, and
 * aging and provision for every row through runBatch.
 */
import type Decimal from "decimal.js";
import { bi } from "../../../i18n/bilingual";
import { type BatchColumns, type BatchResult, type CellValue, NO_DAYS, runBatch } from "../../batch";
import { fromYmd } from "../../calendar";
import { EXCEL_1900_EPOCH_OFFSET, formatIsoDate, toExcelSerial } from "../../dates";
import { MoneySum } from "../../money-sum";
import type { MessageParams } from "../findings";
import type { LedgerRow } from "../ledger-store";
import { masterByShortName } from "../companions";
import { customerName, fenMoney, money } from "./message-values";
import { AuditRun, type CustomerGroup, type MasterRecord } from "./run";
import { containsAny, keyOf, recordText as joinTexts } from "./text-keys";

// Taken once: through tsx (CommonJS) every use of an imported name calls a getter, here once per row.
const recordText = joinTexts;

const DAY_1900_03_01 = fromYmd(1900, 3, 1);
const DAY_1900_01_01 = fromYmd(1900, 1, 1);
const SERIAL_OFFSET = EXCEL_1900_EPOCH_OFFSET;

/** A day as a 1900-system serial for runBatch; 0 ("no date") when there is none. */
export function serialOf(d: number): number {
  if (d !== d || d < DAY_1900_01_01) return 0;
  return d >= DAY_1900_03_01 ? d + SERIAL_OFFSET : toExcelSerial(d);
}

/** Customer master by name and by code; customers with a legal step in the collection log. */
export function indexCompanions(run: AuditRun): void {
  if (run.master !== null) {
    for (const rec of run.master.records) {
      const name = keyOf(rec.customer);
      if (name !== null) {
        const first = run.masterByName.get(name);
        if (first === undefined) run.masterByName.set(name, rec);
        else {
          const shared = run.masterNameShared.get(name);
          if (shared === undefined) run.masterNameShared.set(name, [first, rec]);
          else shared.push(rec);
        }
      }
      const code = keyOf(rec.customerCode);
      if (code !== null && !run.masterByCode.has(code)) run.masterByCode.set(code, rec);
    }
    for (const [short, rec] of masterByShortName(run.master.records, keyOf)) run.masterByName.set(short, rec);
  }
  if (run.log !== null) {
    for (const rec of run.log.records) {
      const key = keyOf(rec.customer);
      if (key !== null && containsAny(recordText(rec.method, rec.result, rec.note), run.legalWords)) run.legalStepOf.add(key);
    }
  }
}

/**
 * A customer is its master row when the master has it: by the row's code first (客户编号 names
 * one customer, whatever the name cell says), else by name. Two codes under one name are two
 * customers; a name and a code of one master row are one. A customer the master lacks is its
 * name. Lookups go by the cell's own strings first, so a name or code is normalised once, not
 * per row.
 */
class CustomerLookup {
  private readonly byRaw = new Map<string, CustomerGroup>();
  private readonly byRawCode = new Map<string, CustomerGroup | null>();
  private readonly byKey = new Map<string, CustomerGroup>();
  private readonly byMaster = new Map<MasterRecord, CustomerGroup>();
  private namesMatchedByCode: Map<string, MasterRecord> | null = null;

  constructor(private readonly run: AuditRun) {}

  groupOf(r: LedgerRow, i: number): CustomerGroup | null {
    const raw = r.customer;
    if (raw === null) return null;
    const run = this.run;
    const rawCode = run.masterByCode.size > 0 ? r.customerCode : null;
    if (rawCode !== null) {
      let byCode = this.byRawCode.get(rawCode);
      if (byCode === undefined) {
        const code = keyOf(rawCode);
        const m = code === null ? undefined : run.masterByCode.get(code);
        byCode = m === undefined ? null : this.forMaster(m, raw, i);
        if (this.byRawCode.size < 1 << 20) this.byRawCode.set(rawCode, byCode);
      }
      if (byCode !== null) {
        if (!byCode.mismatchSaid && byCode.nameChecked !== raw) {
          byCode.nameChecked = raw;
          this.codeNameMismatch(byCode, raw, rawCode, i);
        }
        return byCode;
      }
    }
    let g = this.byRaw.get(raw);
    if (g !== undefined) return g;
    const key = keyOf(raw);
    if (key === null) return null;
    g = this.byKey.get(key);
    if (g === undefined) {
      const m = run.masterByName.get(key) ?? this.matchedByCodeElsewhere(key);
      g = m === undefined ? this.newGroup(raw, key, null, i) : this.forMaster(m, raw, i);
      this.byKey.set(key, g);
      const shared = run.masterNameShared.get(key);
      if (shared !== undefined && !g.mismatchSaid) {
        g.mismatchSaid = true;
        // The row's own code, when it has one, is not in the master (else it would have matched).
        const params = rawCode === null ? sharedNameParams(raw, shared) : { ...sharedNameParams(raw, shared), rowCode: rawCode };
        run.rowFinding(i, "customer-master-mismatch", run.col("customer"), params, rawCode === null ? "shared-name" : "shared-name-unknown-code", "customer");
      }
    }
    if (this.byRaw.size < 1 << 20) this.byRaw.set(raw, g);
    return g;
  }

  /**
   * The master row a name is matched to by a code on another of the ledger's rows (甲公司（遂宁）
   * without a code here, with C001 further down): one customer, not one in the master and one
   * not. The rows are scanned once, the first time a name alone finds nothing.
   */
  private matchedByCodeElsewhere(key: string): MasterRecord | undefined {
    if (this.namesMatchedByCode === null) {
      const found = new Map<string, MasterRecord>();
      const run = this.run;
      if (run.masterByCode.size > 0 && run.mapped("customerCode")) {
        for (let j = 0; j < run.n; j++) {
          const r = run.rows[j];
          const code = keyOf(r.customerCode);
          const m = code === null ? undefined : run.masterByCode.get(code);
          const name = m === undefined ? null : keyOf(r.customer);
          if (name !== null && m !== undefined && !found.has(name)) found.set(name, m);
        }
      }
      this.namesMatchedByCode = found;
    }
    return this.namesMatchedByCode.get(key);
  }

  private forMaster(m: MasterRecord, raw: string, i: number): CustomerGroup {
    let g = this.byMaster.get(m);
    if (g === undefined) {
      g = this.newGroup(raw, keyOf(raw) ?? raw, m, i);
      this.byMaster.set(m, g);
    }
    return g;
  }

  private newGroup(raw: string, key: string, m: MasterRecord | null, i: number): CustomerGroup {
    const run = this.run;
    const masterKey = m === null ? null : keyOf(m.customer);
    const g: CustomerGroup = {
      name: raw,
      key,
      first: i,
      balance: new MoneySum(),
      lastConfirmed: NaN,
      master: m,
      legalStep: run.legalStepOf.has(key) || (masterKey !== null && run.legalStepOf.has(masterKey)),
      defaultTermItems: 0,
      mismatchSaid: false,
      nameChecked: null,
      id: run.groups.length,
    };
    run.groups.push(g);
    return g;
  }

  /** A row whose code is a master row of another name: matched by the code, and said once per customer. */
  private codeNameMismatch(g: CustomerGroup, raw: string, rawCode: string, i: number): void {
    const m = g.master;
    if (m === null || m.customer === null) return;
    const name = keyOf(raw);
    if (name === null || name === keyOf(m.customer) || name === keyOf(m.customerShort)) return;
    g.mismatchSaid = true;
    const run = this.run;
    run.rowFinding(i, "customer-master-mismatch", run.col("customerCode", "customer"), { customer: customerName(raw), code: rawCode, masterName: customerName(m.customer), masterRow: m.row }, undefined, "customerCode");
  }
}

function sharedNameParams(raw: string, shared: readonly MasterRecord[]): MessageParams {
  const rows = shared.map((m) => m.row).join(", ");
  const first = shared[0];
  const code = first.customerCode ?? "";
  return {
    customer: customerName(raw),
    count: shared.length,
    rows: bi(rows.replace(/, /g, "、"), rows),
    firstRow: first.row,
    code: code === "" ? bi("无编号", "no code") : code,
  };
}

/** A column of amounts for runBatch: yuan numbers (NaN = blank) until a row needs its exact text. */
class AmountColumn {
  private numbers: Float64Array | null;
  private cells: CellValue[] | null = null;

  constructor(n: number) {
    this.numbers = new Float64Array(n);
  }

  setFen(i: number, fen: number): void {
    if (this.numbers !== null) this.numbers[i] = fen / 100;
    else (this.cells as CellValue[])[i] = fen / 100;
  }

  setBlank(i: number): void {
    if (this.numbers !== null) this.numbers[i] = NaN;
    else (this.cells as CellValue[])[i] = null;
  }

  setExact(i: number, d: Decimal): void {
    if (this.numbers !== null) {
      this.cells = Array.from(this.numbers, (x) => (x === x ? x : null));
      this.numbers = null;
    }
    (this.cells as CellValue[])[i] = d.toFixed();
  }

  values(): ArrayLike<CellValue> {
    return this.numbers ?? (this.cells as CellValue[]);
  }
}

/**
 * Customers, due dates (the customer master's credit days joined), the date the age counts from
 * (estimated from the due date when the ledger gives only that), and aging and provision for
 * every row through runBatch.
 */
export function prepareRows(run: AuditRun): BatchResult {
  const { rows, n, policy } = run;
  const lookup = new CustomerLookup(run);
  // Serials for runBatch; 0 is "no date" there.
  const arisenSerial = new Int32Array(n);
  const dueSerial = new Int32Array(n);
  const noDays = NO_DAYS;
  const balance = new AmountColumn(n);
  const recovery = run.mapped("expectedRecovery") ? new AmountColumn(n) : null;
  // Recovery probabilities as exact decimal text (provision.itemProvision's rule 2).
  const probability: (string | null)[] | null = run.mapped("recoveryProbability") ? new Array<string | null>(n).fill(null) : null;
  const recoveryColumn = run.col("expectedRecovery");
  const defaultCreditDays = policy.defaultCreditDays;
  const { dueDay, ageFrom, statusText, groupId } = run;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const g = lookup.groupOf(r, i);
    groupId[i] = g === null ? -1 : g.id;
    const masterDays = g === null || g.master === null ? null : g.master.creditDays;
    const ledgerDays = r.creditDays;
    const credit = ledgerDays ?? masterDays ?? defaultCreditDays;
    const arisen = r.dateArisen;
    const explicitDue = r.dueDate;
    // The default term dates only an item with a date arisen and no due date of its own.
    if (ledgerDays === null && masterDays === null && explicitDue === null && arisen !== null && g !== null) g.defaultTermItems++;
    let due = explicitDue !== null ? explicitDue : arisen === null ? NaN : arisen + credit;
    if (due > LAST_EXCEL_DAY) {
      // Past Excel's last day (9999-12-31): no date at all, and said, never a due date no cell can hold.
      run.rowFinding(i, "bad-date", run.col("creditDays", "dateArisen"), dueBeyondExcel(r.dateArisen, credit), undefined, "dueDate");
      due = NaN;
    }
    const from = arisen !== null ? arisen : due - credit;
    dueDay[i] = due === due ? due : noDays;
    ageFrom[i] = from === from ? from : noDays;
    arisenSerial[i] = serialOf(from);
    dueSerial[i] = serialOf(due);

    const bf = r.balanceFen;
    if (bf === bf) balance.setFen(i, bf);
    else {
      const b = r.balance;
      if (b === null) balance.setBlank(i);
      else balance.setExact(i, b);
    }
    if (recovery !== null) {
      const ef = r.expectedRecoveryFen;
      if (ef === ef && ef >= 0) recovery.setFen(i, ef);
      else {
        const ed = ef === ef ? null : r.expectedRecovery;
        if (ef === ef || (ed !== null && ed.isNegative() && !ed.isZero())) {
          // A negative expected recovery would put the row out of the provision: reported and ignored.
          run.rowFinding(i, "bad-amount", recoveryColumn, negativeRecoveryParams(ef, ed), "negative", "expectedRecovery");
          recovery.setBlank(i);
        } else if (ed === null) recovery.setBlank(i);
        else recovery.setExact(i, ed);
      }
    }
    statusText[i] = recordText(r.status, r.note);
    if (probability !== null) {
      const p = r.recoveryProbability;
      if (p !== null) probability[i] = p.toFixed();
    }
  }
  const columns: BatchColumns = { dateArisen: arisenSerial, dueDate: dueSerial, balance: balance.values(), statusText };
  if (recovery !== null) columns.expectedRecovery = recovery.values();
  if (probability !== null) columns.recoveryProbability = probability;
  return runBatch(columns, run.asOf, policy);
}

export /** The last day Excel can hold, 9999-12-31. */
const LAST_EXCEL_DAY = fromYmd(9999, 12, 31);

function dueBeyondExcel(arisen: number | null, credit: number): MessageParams {
  const from = arisen === null ? "?" : formatIsoDate(arisen);
  return {
    label: bi("到期日", "due date"),
    detail: bi(`发生日期 ${from} 加信用期 ${credit} 天晚于 Excel 能表示的最后一天 9999-12-31，按没有到期日处理。`, `the date arisen ${from} plus ${credit} credit days falls after 9999-12-31, Excel's last day; the item is taken as having no due date.`),
  };
}

function negativeRecoveryParams(fen: number, dec: Decimal | null): MessageParams {
  return { label: bi("预计可收回金额", "expected recovery"), value: fen === fen ? fenMoney(fen) : money(dec as Decimal) };
}
