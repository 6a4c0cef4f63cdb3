/**
 * Which ledger rows a notice run covers: the rows the user selected in the ledger, narrowed by
 * aging class, department and customer, grouped by customer in ledger order. Only open items
 * go on a notice: a positive balance, not marked written off (those are memorandum items,
 * POLICY §8, pursued outside the ledger's balance).
 */
import { AGING_CLASSES } from "../aging";
import { NO_VALUE } from "../batch";
import type { AgingClass } from "../policy/types";
import { type CustomerInfo, customerKey, customerRecoveryProbability, type ReportContext } from "../reports/input";

/** Every filter given must match (an absent or empty one matches every row). */
export interface NoticeSelection {
  /** The ledger's 1-based sheet rows the user selected. */
  rows?: readonly number[];
  classes?: readonly AgingClass[];
  /** Compared as customer names are: after NFKC, case and white space. */
  departments?: readonly string[];
  customers?: readonly string[];
}

export interface SelectedCustomer {
  customer: CustomerInfo;
  /** Row indices (into the reading) the selection matched, in ledger order. */
  matched: number[];
  /** The matched rows that are open items. */
  open: number[];
}

function keySet(list: readonly string[] | undefined): Set<string> | null {
  if (list === undefined || list.length === 0) return null;
  const set = new Set<string>();
  for (const v of list) {
    const k = customerKey(v);
    if (k !== null) set.add(k);
  }
  return set;
}

/** Whether row i is an open item: a positive balance and not written off. */
export function isOpenItem(ctx: ReportContext, i: number): boolean {
  return ctx.rows[i].moneySign("balance") > 0 && !ctx.isWrittenOff(i);
}

/** The customers the selection touches, in ledger order; rows without a customer are left out. */
export function selectCustomers(ctx: ReportContext, selection: NoticeSelection): SelectedCustomer[] {
  const sheetRows = selection.rows === undefined || selection.rows.length === 0 ? null : new Set(selection.rows);
  const classes = selection.classes === undefined || selection.classes.length === 0 ? null : new Set(selection.classes);
  const departments = keySet(selection.departments);
  const customers = keySet(selection.customers);
  const classOf = ctx.input.audit.rows.agingClass;
  const out: SelectedCustomer[] = [];
  for (const c of ctx.customers) {
    if (customers !== null && !customers.has(c.key)) continue;
    const matched: number[] = [];
    const open: number[] = [];
    for (const i of c.rows) {
      if (sheetRows !== null && !sheetRows.has(ctx.rows[i].row)) continue;
      if (classes !== null && (classOf[i] === NO_VALUE || !classes.has(AGING_CLASSES[classOf[i]]))) continue;
      if (departments !== null) {
        const d = customerKey(ctx.departmentOf(i));
        if (d === null || !departments.has(d)) continue;
      }
      matched.push(i);
      if (isOpenItem(ctx, i)) open.push(i);
    }
    if (matched.length > 0) out.push({ customer: c, matched, open });
  }
  return out;
}

/** The customer's recovery probability, by the collection plan's own rule (reports/input.ts). */
export const customerProbability = customerRecoveryProbability;
