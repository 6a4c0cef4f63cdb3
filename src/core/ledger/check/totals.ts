/**
 * Totals by class, band and worst severity, each an exact sum of its rows' own figures.
 */
import type Decimal from "decimal.js";
import { bi } from "../../../i18n/bilingual";
import { AGING_CLASSES } from "../../aging";
import { NO_VALUE, runBatch } from "../../batch";
import { MAX_FEN_LINE } from "../../fen";
import { Dec } from "../../money";
import type { Policy } from "../../policy/types";
import { type Finding, type RuleId, SEVERITIES, type Severity } from "../findings";
import type { LedgerRow } from "../ledger-store";
import { MoneySum } from "../../money-sum";
import type { AmountTotal, AuditTotals } from "./result";

/** A count of rows with the exact sums of their balances and provisions. */
class TotalBuilder {
  count = 0;
  readonly balance = new MoneySum();
  readonly provision = new MoneySum();

  addTotal(other: TotalBuilder): void {
    this.count += other.count;
    this.balance.addSum(other.balance);
    this.provision.addSum(other.provision);
  }

  result(): AmountTotal {
    return { count: this.count, balance: this.balance.toString(), provision: this.provision.toString() };
  }
}

export function add(t: TotalBuilder, bf: number, bd: Decimal | null, pf: number, exact: string | undefined, maxFen: number): void {
  t.count += 1;
  if (bf === bf) t.balance.addFen(bf);
  else if (bd !== null) t.balance.addDecimal(bd);
  if (pf === pf && pf <= maxFen && pf >= -maxFen) t.provision.addFen(pf);
  else if (pf === pf) t.provision.addDecimal(new Dec(pf).div(100));
  else if (exact !== undefined) t.provision.addText(exact);
}

/**
 * Totals by class, band and worst severity: sums of the rows' own figures. Each row adds to one
 * (class, band, severity) cell; the totals are rolled up from the cells, so every figure is an
 * exact sum of its rows and the groupings agree with each other and with the whole.
 */
export function totalsOf(rows: readonly LedgerRow[], batch: ReturnType<typeof runBatch>, worst: Uint8Array, findings: readonly Finding[], policy: Policy): AuditTotals {
  const nClass = AGING_CLASSES.length + 1; // + unclassified
  const nBand = policy.reportBands.length + 1; // + unbanded
  const nSeverity = SEVERITIES.length + 1; // + none
  const unclassified = AGING_CLASSES.length;
  const unbanded = policy.reportBands.length;
  const clean = SEVERITIES.length;
  const cells: (TotalBuilder | null)[] = new Array<TotalBuilder | null>(nClass * nBand * nSeverity).fill(null);
  const { agingClass, reportBand, provisionFen, provisionExact } = batch;
  const maxFen = MAX_FEN_LINE;
  const noValue = NO_VALUE;
  for (let i = 0; i < rows.length; i++) {
    const cls = agingClass[i];
    const band = reportBand[i];
    const sev = worst[i];
    const c = ((cls === noValue ? unclassified : cls) * nBand + (band === noValue ? unbanded : band)) * nSeverity + (sev === noValue ? clean : sev);
    let cell = cells[c];
    if (cell === null) {
      cell = new TotalBuilder();
      cells[c] = cell;
    }
    const r = rows[i];
    const bf = r.balanceFen;
    const pf = provisionFen[i];
    add(cell, bf, bf === bf ? null : r.balance, pf, pf === pf ? undefined : provisionExact.get(i), maxFen);
  }
  const all = new TotalBuilder();
  const classes = Array.from({ length: nClass }, () => new TotalBuilder());
  const bands = Array.from({ length: nBand }, () => new TotalBuilder());
  const severities = Array.from({ length: nSeverity }, () => new TotalBuilder());
  cells.forEach((cell, c) => {
    if (cell === null) return;
    const sev = c % nSeverity;
    const band = ((c - sev) / nSeverity) % nBand;
    const cls = (c - sev - band * nSeverity) / (nSeverity * nBand);
    for (const t of [all, classes[cls], bands[band], severities[sev]]) t.addTotal(cell);
  });
  const byRule: Partial<Record<RuleId, number>> = {};
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  // Indexed, not for...of: this loop runs once per check, before V8 optimises it, and an
  // unoptimised for...of makes an iterator result per finding.
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k];
    counts[f.severity] += 1;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  return {
    all: all.result(),
    byClass: {
      normal: classes[0].result(),
      overdue: classes[1].result(),
      stale: classes[2].result(),
      bad: classes[3].result(),
      unclassified: classes[unclassified].result(),
    },
    byBand: [
      ...policy.reportBands.map((b, i) => ({ key: b.key, label: b.label, ...bands[i].result() })),
      { key: "unbanded", label: bi("账龄不详", "age unknown"), ...bands[unbanded].result() },
    ],
    bySeverity: {
      error: severities[0].result(),
      warning: severities[1].result(),
      info: severities[2].result(),
      none: severities[clean].result(),
    },
    findings: { ...counts, total: findings.length, byRule },
  };
}

