/**
 * The findings in sheet order, and each ledger row's findings as index lists over them.
 */
import type { Finding } from "../findings";
import { AuditRun } from "./run";

/**
 * The findings in sheet order, and each ledger row's findings as index lists over them (no array
 * per row): rowFindings[rowStart[i] … rowStart[i + 1] − 1] are row i's, in the same order.
 */
export function sortFindings(run: AuditRun, compare: (a: Finding, b: Finding) => number): { findings: Finding[]; rowStart: Int32Array; rowFindings: Int32Array } {
  const all = run.findings;
  const rowOf = run.rowOfFinding;
  const m = all.length;
  const n = run.n;
  const order = new Array<number>(m);
  for (let k = 0; k < m; k++) order[k] = k;
  order.sort((a, b) => compare(all[a], all[b]) || a - b);
  const findings = new Array<Finding>(m);
  for (let sorted = 0; sorted < m; sorted++) findings[sorted] = all[order[sorted]];
  const rowStart = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) if (rowOf[k] >= 0) rowStart[rowOf[k] + 1] += 1;
  for (let i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
  const rowFindings = new Int32Array(rowStart[n]);
  // rowStart[i] is row i's fill position while filling (it ends at row i + 1's start), then
  // everything moves up one place: no second array of a million positions.
  for (let sorted = 0; sorted < m; sorted++) {
    const i = rowOf[order[sorted]];
    if (i >= 0) rowFindings[rowStart[i]++] = sorted;
  }
  rowStart.copyWithin(1, 0, n);
  rowStart[0] = 0;
  return { findings, rowStart, rowFindings };
}
