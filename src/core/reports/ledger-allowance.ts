/**
 * The allowance on the books (坏账准备) as a ledger's own column states it, item by item: the
 * provision schedule's "existing provision" per band and the expected credit loss's existing
 * allowance, when nothing more explicit is given (issue 19.6: "from the policy sheet or a 坏账准备
 * column of the ledger; without either it is taken as 0, and the report says so").
 *
 * Summed over the check's open items on the as-of date (an item settled or written off carries
 * no allowance forward), exactly (MoneySum: fen, or decimals for amounts that are not whole fen).
 * A blank cell is 0; a cell that does not read is already a bad-amount finding, and counts as 0.
 */
import type Decimal from "decimal.js";
import { NO_VALUE } from "../batch";
import { Dec } from "../money";
import { MoneySum } from "../money-sum";
import type { ReportContext } from "./input";

interface LedgerAllowance {
  /** The ledger's column letter (for notes). */
  column: string;
  total: Decimal;
  /** By provision band key (every band of the policy, zero ones too). */
  byBand: Map<string, Decimal>;
  /** Held by open items whose age is unknown (no band): in the total, in no band's line. */
  unbanded: Decimal;
  /** Open items with an allowance other than zero. */
  items: number;
}

/** The ledger's allowance, or null when the ledger has no 坏账准备 column. */
export function ledgerAllowance(ctx: ReportContext): LedgerAllowance | null {
  const column = ctx.input.reading.letters.allowance;
  if (column === undefined) return null;
  const bands = ctx.input.policy.provision.bands;
  const byBand = bands.map(() => new MoneySum());
  const unbanded = new MoneySum();
  const total = new MoneySum();
  let items = 0;
  for (let i = 0; i < ctx.n; i++) {
    const r = ctx.rows[i];
    if (!r.hasMoney("allowance")) continue;
    const fen = r.allowanceFen;
    const sum = ctx.provisionBand[i] === NO_VALUE ? unbanded : byBand[ctx.provisionBand[i]];
    if (fen === fen) {
      if (fen === 0) continue;
      sum.addFen(fen);
      total.addFen(fen);
    } else {
      const d = r.allowance as Decimal;
      if (d.isZero()) continue;
      sum.addDecimal(d);
      total.addDecimal(d);
    }
    items++;
  }
  return {
    column,
    total: new Dec(total.toString()),
    byBand: new Map(bands.map((b, k) => [b.key, new Dec(byBand[k].toString())])),
    unbanded: new Dec(unbanded.toString()),
    items,
  };
}
