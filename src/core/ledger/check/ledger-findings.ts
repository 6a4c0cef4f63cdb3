/**
 * Findings about the reading as a whole, before any rule about an item: the ledger's own totals
 * against what was read (control totals), a reading that left most lines unusable, an as-of view
 * that cannot be exact, opening balances aged from the period's start, and customers' advances.
 */
import { bi, type Bilingual } from "../../../i18n/bilingual";
import { Dec } from "../../money";
import { cellRef, makeFinding } from "../findings";
import { normalizeLabel, parseHeaderLabel } from "../headers";
import type { AsOfView, LedgerReading } from "../index";
import { day, customerName, money } from "./message-values";
import type { AuditRun } from "./run";

/** Figures compared with the ledger's own totals, the lines read and what the as-of view left out: the summary's first lines. */
export interface ReadingSummary {
  /** reconciled / differences / none (the ledger states no total to reconcile against). */
  reconciliation: LedgerReading["reconciliation"]["status"];
  /** Figures of the ledger's own compared with what was read. */
  controlsChecked: number;
  controlDifferences: number;
  /** Lines read (items, receipts, opening lines), and of them: */
  lines: number;
  /** items settled on the as-of date (not open items); */
  settled: number;
  /** receipts, reversals and credit notes applied; */
  credits: number;
  /** lines dated after the as-of date, left out. */
  leftOut: AsOfView["leftOut"];
  /** Customers' net credits: advances received (预收), kept apart from the aging. */
  advances: { count: number; total: string };
  /** The as-of view cannot be exact (settlements without dates, an export later than the as-of date). */
  inexact: boolean;
  /** More than half the lines lack or have unreadable customer, date or amount. */
  mostlyUnusable: boolean;
  /** The sheets read together (one per customer). */
  sheets: string[];
  /** How the customer and the dates were found. */
  customerFrom: LedgerReading["layout"]["customerFrom"];
  datesFrom: LedgerReading["layout"]["datesFrom"];
  runningBalance: boolean;
}

/** A stated figure less what was read, as "more" or "less" than it: 多 54,000.00 / 54,000.00 more. */
function moreOrLess(stated: string, computed: string): Bilingual {
  const s = new Dec(stated);
  const c = new Dec(computed);
  // Two credit balances (贷方余额) compare by size: 贷 6,000 against 贷 5,000 is 1,000 more.
  const d = s.lte(0) && c.lte(0) ? s.abs().minus(c.abs()) : s.minus(c);
  const size = money(d.abs());
  return d.isNegative() ? bi(`少 ${size}`, `${size} less`) : bi(`多 ${size}`, `${size} more`);
}

/** The lines a stated figure was compared with: 第 5–7 行（3 行）, 第 13 行, or none above it. */
function rowsSummed(from: number, to: number, count: number): Bilingual {
  if (count === 0) return bi("上方明细（没有读取到的行）", "the lines above it (none read)");
  if (count === 1) return bi(`第 ${from} 行`, `row ${from}`);
  return bi(`第 ${from}–${to} 行（${count} 行）`, `rows ${from}–${to} (${count} rows)`);
}

const CORE_FIELDS = ["customer", "dateArisen", "dueDate", "month", "day", "amount", "received", "balance"];

/** The reading's own findings (added to the run) and the summary figures. */
export function readingWideFindings(run: AuditRun, read: LedgerReading, view: AsOfView): ReadingSummary {
  const asOf = run.asOf;
  // Control totals.
  for (const d of read.reconciliation.differences) {
    if (d.basis.kind === "running") {
      const previousCell = d.basis.previousRow === null ? "—" : cellRef(d.sheet, d.column, d.basis.previousRow);
      run.lineFindingAt(d.sheet, d.row, "control-total-mismatch", d.column, { stated: money(new Dec(d.stated)), computed: money(new Dec(d.computed)), difference: moreOrLess(d.stated, d.computed), previousCell, text: d.text }, "running", d.field);
    } else {
      const basis = d.basis;
      run.lineFindingAt(
        d.sheet,
        d.row,
        "control-total-mismatch",
        d.column,
        {
          stated: money(new Dec(d.stated)),
          computed: money(new Dec(d.computed)),
          difference: moreOrLess(d.stated, d.computed),
          text: d.text,
          rows: rowsSummed(basis.fromRow, basis.toRow, basis.count),
          unreadable: basis.unreadable.join(", "),
        },
        basis.unreadable.length > 0 ? "unreadable" : undefined,
        d.field,
      );
    }
  }

  // Most lines unusable: a missing or unreadable customer, date or amount on more than half of them.
  const lines = read.rows.length;
  const bad = new Set<string>();
  for (const issue of read.issues) if (issue.severity === "error" && CORE_FIELDS.includes(issue.field)) bad.add(`${issue.sheet}\u0000${issue.row}`);
  const mostlyUnusable = lines >= 4 && bad.size * 2 > lines;
  if (mostlyUnusable) {
    const headerRow = read.header.row ?? 1;
    run.addFinding(makeFinding("reading-mostly-unusable", read.sheet, headerRow, "", { total: lines, bad: bad.size, good: lines - bad.size, headerRow }));
  }

  // Foreign currency: a 币种 column naming another currency while the money read is not in the
  // books' own (no 本位币 column): those lines are summed as if yuan.
  const foreign = foreignCurrencyLines(read);
  if (foreign !== null) {
    run.addFinding(
      makeFinding("foreign-currency", foreign.sheet, foreign.row, foreign.column, {
        count: foreign.count,
        currencies: foreign.currencies.join("、"),
        columns: foreign.moneyHeaders.join("、"),
      }),
    );
  }

  // A units line naming a foreign currency (单位：美元) over money columns not marked as the
  // books' own: every amount is summed as if yuan.
  const units = read.layout.foreignUnits;
  if (foreign === null && units !== null && !read.mapping.columns.some((c) => (c.field === "amount" || c.field === "received" || c.field === "balance") && parseHeaderLabel(c.header).currency === "home")) {
    run.addFinding(makeFinding("foreign-currency", units.sheet, units.row, units.column, { text: units.text }, { variant: "units" }));
  }

  // Money read only from columns headed 原币 (the original currency: 原币金额, 借方 / 原币), the
  // ledger giving no 本位币 column and no currency: a line in another currency is summed as yuan.
  const moneyRead = moneyColumnsRead(read);
  if (foreign === null && units === null && moneyRead.length > 0 && moneyRead.every((c) => parseHeaderLabel(c.header).currency === "foreign")) {
    run.addFinding(makeFinding("foreign-currency", read.sheet, read.header.row ?? 1, moneyRead[0].letter, { columns: moneyRead.map((c) => c.header).join("、") }, { variant: "original" }));
  }

  // As of a date before the export, settlements without dates cannot be taken back out; ones
  // dated after the as-of date (收款日期, 核销日期) were taken back out by the view (open again).
  let inexact = false;
  // The export's own date: the title's 导出日期, else the latest date a line carries.
  const exported = read.layout.exportDate !== null && read.layout.exportDate > asOf ? read.layout.exportDate : null;
  const latest = exported ?? (view.latestDate !== null && view.latestDate > asOf ? view.latestDate : null);
  if (read.shape === "open-items" && run.mapped("received") && (latest !== null || run.mapped("lastPaymentDate"))) {
    // Items of the as-of date (settled ones too) with an amount received: undated ones may have
    // been paid after it (known only when the ledger runs past it); ones last paid after it were
    // counted open by what they received, which is exact when it all came on that date.
    let undated = 0;
    let paidAfter = 0;
    let firstPaidAfter: { sheet: string; row: number } | null = null;
    for (const r of read.rows) {
      const date = r.dateArisen ?? r.dueDate;
      if (!((date === null || date <= asOf) && r.moneySign("received") === 1 && r.moneySign("balance") >= 0)) continue;
      // Installments each dated (第一次回款 | 第二次回款): exact; some undated: as undated.
      const payments = r.source.installments.size === 0 ? undefined : r.source.installments.get(r.index);
      if (payments !== undefined) {
        let dated = 0;
        for (const x of payments) dated += x.fen;
        if (dated !== r.receivedFen) undated++;
        continue;
      }
      const paid = r.lastPaymentDate;
      if (paid === null) undated++;
      else if (paid > asOf) {
        paidAfter++;
        firstPaidAfter ??= { sheet: r.sheet, row: r.row };
      }
    }
    if (undated > 0 && latest !== null) {
      inexact = true;
      const where = exported !== null && read.layout.exportDateAt !== null ? read.layout.exportDateAt : { column: "", ...(view.leftOut.first ?? { sheet: read.sheet, row: read.header.row ?? 1 }) };
      run.addFinding(makeFinding("as-of-inexact", where.sheet, where.row, where.column, { latest: day(latest), asOf: day(asOf), count: undated }, exported !== null ? { variant: "exported" } : undefined));
    }
    if (paidAfter > 0 && firstPaidAfter !== null) {
      inexact = true;
      run.addFinding(makeFinding("as-of-inexact", firstPaidAfter.sheet, firstPaidAfter.row, run.col("lastPaymentDate"), { asOf: day(asOf), count: paidAfter }, { variant: "paid-after" }));
    }
  }

  // A transactions ledger's invoice line carrying what it received and when (a register's first
  // 回款 on the invoice's own line): received after the date, it was not counted (open by all of
  // it), which is exact only when it all came on that date.
  if (read.shape === "transactions" && run.mapped("received") && run.mapped("lastPaymentDate")) {
    let paidAfter = 0;
    let first: { sheet: string; row: number } | null = null;
    for (const r of read.rows) {
      const date = r.dateArisen ?? r.dueDate;
      const paid = r.lastPaymentDate;
      if (date === null || date > asOf || paid === null || !(paid > asOf) || r.moneySign("amount") !== 1 || r.moneySign("received") !== 1) continue;
      paidAfter++;
      first ??= { sheet: r.sheet, row: r.row };
    }
    if (first !== null) {
      inexact = true;
      run.addFinding(makeFinding("as-of-inexact", first.sheet, first.row, run.col("lastPaymentDate"), { asOf: day(asOf), count: paidAfter }, { variant: "paid-after" }));
    }
  }

  // An as-of date before every line read (the earlier periods on sheets not read, or not in the
  // workbook): nothing shows open, and that is no answer.
  const first = view.leftOut.first;
  const standsOn = (r: LedgerReading["rows"][number]): boolean => {
    const d = r.dateArisen ?? r.dueDate;
    return d === null || d <= asOf;
  };
  if (first !== null && read.rows.length > 0 && !read.rows.some(standsOn)) {
    inexact = true;
    run.addFinding(makeFinding("as-of-inexact", first.sheet, first.row, run.col("dateArisen"), { asOf: day(asOf), first: day(first.date) }, { variant: "before-ledger" }));
  }

  // A list that stands at an earlier date than the as-of date lacks what came after.
  const listDate = read.layout.listDate;
  if (listDate !== null && listDate < asOf && read.layout.listDateAt !== null) {
    const at = read.layout.listDateAt;
    run.addFinding(makeFinding("list-dated-before", at.sheet, at.row, at.column, { listDate: day(listDate), asOf: day(asOf) }));
  }

  // Opening balances aged from the period's start.
  for (const o of read.layout.openingsDated) {
    const i = run.indexOfSheetRow(o.sheet, o.row);
    if (i < 0) continue;
    const r = run.rows[i];
    const params = { customer: customerName(r.customer), balance: r.balance === null ? "?" : money(r.balance), date: day(o.date) };
    run.lineFindingAt(o.sheet, o.row, "opening-balance-dated", run.col("dateArisen", "balance"), params, r.isBroughtForward ? "brought-forward" : undefined);
  }

  // Receipts told from a running balance in a ledger of one unsigned amount column, customers
  // read from the line above: each said once, with the lines.
  const byBalance = read.layout.creditsByBalance;
  if (byBalance.length > 0) run.addFinding(makeFinding("credits-from-balance", byBalance[0].sheet, byBalance[0].row, run.col("amount"), linesParams(byBalance)));
  const filled = read.layout.customersFilled;
  if (filled.length > 0) run.addFinding(makeFinding("customer-filled-down", filled[0].sheet, filled[0].row, run.col("customer"), linesParams(filled)));
  const onDebit = read.layout.receiptsOnDebit;
  if (onDebit.length > 0) run.addFinding(makeFinding("receipt-on-debit", onDebit[0].sheet, onDebit[0].row, run.col("amount"), linesParams(onDebit)));
  // A 状态 of 已结清: over a blank 余额 it settled the line (what amount − received gave is said);
  // over a stated balance above 0 the two disagree.
  const bySettled = read.layout.settledByStatus;
  if (bySettled.length > 0) {
    const left = money(new Dec(read.layout.settledByStatusLeft));
    run.addFinding(makeFinding("status-says-settled", bySettled[0].sheet, bySettled[0].row, run.col("status"), { balance: left, ...linesParams(bySettled) }));
  }
  const byNote = read.layout.settledByNote;
  if (byNote.length > 0) {
    const left = money(new Dec(read.layout.settledByNoteLeft));
    run.addFinding(makeFinding("status-says-settled", byNote[0].sheet, byNote[0].row, run.col("note"), { balance: left, ...linesParams(byNote) }, { variant: "note" }));
  }
  for (const why of ["voided", "draft"] as const) {
    const lines = read.layout.voidedOrDraft.filter((v) => v.why === why);
    if (lines.length === 0) continue;
    run.addFinding(makeFinding("voided-or-draft", lines[0].sheet, lines[0].row, lines[0].column, { text: lines[0].text, ...linesParams(lines) }, why === "draft" ? { variant: "draft" } : undefined));
  }
  for (const t of read.layout.tablesBeside) {
    run.addFinding(makeFinding("sheet-not-read", t.sheet, t.row, t.column, { sheet: t.sheet, ledger: read.sheet, columns: t.columns }, { variant: "beside" }));
  }
  for (const s of read.layout.sheetsNotRead) {
    const params = { sheet: s.sheet, ledger: read.sheet, ...(s.reason !== null ? { reason: s.reason } : {}) };
    run.addFinding(makeFinding("sheet-not-read", s.sheet, 1, "A", params, s.why === "unreadable" ? { variant: "unreadable" } : undefined));
  }
  const conflicts = read.layout.statusConflicts;
  if (conflicts.length > 0) {
    const first = run.rows[run.indexOfSheetRow(conflicts[0].sheet, conflicts[0].row)];
    const stated = first === undefined || first.balance === null ? "?" : money(first.balance);
    run.addFinding(makeFinding("status-says-settled", conflicts[0].sheet, conflicts[0].row, run.col("status"), { balance: stated, ...linesParams(conflicts) }, { variant: "conflict" }));
  }

    // Advances: a customer's net credit.
  let advanceTotal = new Dec(0);
  for (const a of view.advances) {
    advanceTotal = advanceTotal.plus(a.amount);
    // Receipts without a customer are already each an unallocated-receipt finding.
    if (a.customer === null) continue;
    const row = a.rows[a.rows.length - 1];
    run.lineFindingAt(a.sheet, row, "overpayment", run.col("balance", "received"), { customer: customerName(a.customer), balance: money(a.amount) }, undefined, "balance");
  }

  return {
    reconciliation: read.reconciliation.status,
    controlsChecked: read.reconciliation.checked,
    controlDifferences: read.reconciliation.differences.length,
    lines,
    settled: view.settled,
    credits: view.credits,
    leftOut: view.leftOut,
    advances: { count: view.advances.length, total: advanceTotal.toFixed(2) },
    inexact,
    mostlyUnusable,
    sheets: read.layout.sheets,
    customerFrom: read.layout.customerFrom,
    datesFrom: read.layout.datesFrom,
    runningBalance: read.layout.runningBalance,
  };
}

/** How many lines, and the first eight as 第 4、5、8 行 / rows 4, 5, 8 (another sheet's as 二月!4). */
function linesParams(lines: readonly { sheet: string; row: number }[]): { count: number; rows: Bilingual } {
  const first = lines[0];
  const rows = lines.slice(0, 8).map((c) => (c.sheet === first.sheet ? String(c.row) : `${c.sheet}!${c.row}`));
  const more = lines.length > 8 ? "…" : "";
  return { count: lines.length, rows: bi(`第 ${rows.join("、")}${more} 行`, `rows ${rows.join(", ")}${more}`) };
}

/** Headers of a currency column (币种, 币别, currency). */
const CURRENCY_HEADERS: ReadonlySet<string> = new Set(["币种", "币别", "货币", "币种名称", "币别名称", "币制", "原币币种", "currency", "ccy", "cur"]);
/** The books' own currency as a 币种 cell writes it. */
const HOME_CURRENCY_TEXT: ReadonlySet<string> = new Set(["人民币", "本位币", "rmb", "cny", "¥", "￥", "元", "cn¥", "renminbi"]);

/** The money columns read (amount, received, balance). */
function moneyColumnsRead(read: LedgerReading): LedgerReading["mapping"]["columns"] {
  return read.mapping.columns.filter((c) => c.field === "amount" || c.field === "received" || c.field === "balance");
}

/**
 * Lines a currency column says are in another currency (USD, 美元, EUR…), when none of the money
 * columns read is in the books' own currency (本位币, 折人民币): the first such line, how many,
 * which currencies, and the money columns' headers. null when there are none.
 */
function foreignCurrencyLines(read: LedgerReading): { sheet: string; row: number; column: string; count: number; currencies: string[]; moneyHeaders: string[] } | null {
  const currency = read.mapping.unmapped.find((c) => CURRENCY_HEADERS.has(normalizeLabel(c.header)));
  if (currency === undefined) return null;
  const money = moneyColumnsRead(read);
  if (money.length === 0 || money.some((c) => parseHeaderLabel(c.header).currency === "home")) return null;
  // A sheet that marks its original-currency columns (原币金额) and reads others (金额) reads the books' own.
  const others = [...read.mapping.unmapped.map((c) => c.header), ...read.mapping.ambiguous.flatMap((a) => a.others.map((o) => o.header))];
  if (others.some((h) => parseHeaderLabel(h).currency === "foreign") && !money.some((c) => parseHeaderLabel(c.header).currency === "foreign")) return null;
  let first: LedgerReading["rows"][number] | null = null;
  let count = 0;
  const currencies = new Set<string>();
  for (const r of read.rows) {
    const cell = r.raw[currency.index];
    if (typeof cell !== "string") continue;
    const text = cell.trim();
    if (text === "" || HOME_CURRENCY_TEXT.has(text.normalize("NFKC").toLowerCase())) continue;
    first ??= r;
    count++;
    if (currencies.size < 6) currencies.add(text);
  }
  if (first === null) return null;
  return { sheet: first.sheet, row: first.row, column: currency.letter, count, currencies: [...currencies], moneyHeaders: money.map((c) => c.header) };
}
