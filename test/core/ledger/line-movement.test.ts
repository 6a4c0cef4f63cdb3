/**
 * lineMovement (as-of.ts): what each line moves on a customer's account. The statement's closing
 * balance and its aging agree because, on any date, the movements of the lines in view add up to
 * the open items less the advances, per customer, to the fen.
 */
import { fromYmd } from "../../../src/core/calendar";
import { fenOfDecimal, readLedger } from "../../../src/core/ledger";
import { lineMovement, prepareAsOf, viewAsOf } from "../../../src/core/ledger/as-of";
import { TRANSACTIONS } from "../../fixtures/ledgers/transactionsLedger";

const r = readLedger(TRANSACTIONS, { sheet: "往来" });
const p = prepareAsOf(r.rows, { shape: r.shape, columns: () => r.letters });

test("each line's debit and credit", () => {
  const moved = r.rows.map((row, i) => {
    const m = lineMovement(p, i);
    return [row.row, m?.debit?.fen ?? null, m?.credit?.fen ?? null];
  });
  expect(moved).toEqual([
    [2, 1000000, null], // INV-1 10,000.00
    [3, 2000000, null],
    [4, 500000, null],
    [5, null, 1200000], // a receipt (收款) of 12,000.00
    [6, 800000, null],
    [7, null, 300000],
    [8, null, 200000], // a negative amount: a credit of 2,000.00
    [9, null, 400000], // received only
    [10, 100000, null],
    [11, null, 40000],
    [12, null, 25000], // no customer: moves no one's account
  ]);
});

test("on every date, per customer: Σ debits − Σ credits in view = Σ open − advance", () => {
  for (const asOf of [fromYmd(2011, 1, 31), fromYmd(2011, 3, 10), fromYmd(2011, 5, 20), fromYmd(2011, 6, 1), fromYmd(2011, 12, 31)]) {
    const view = viewAsOf(p, asOf, { rows: false });
    const net = new Map<number, number>();
    p.rows.forEach((_, i) => {
      const g = p.group[i];
      const d = p.date[i];
      const m = lineMovement(p, i);
      if (g < 0 || m === null || d > asOf) return;
      net.set(g, (net.get(g) ?? 0) + (m.debit?.fen ?? 0) - (m.credit?.fen ?? 0));
    });
    const open = new Map<number, number>();
    for (const i of view.openLines) {
      const g = p.group[i];
      if (g >= 0) open.set(g, (open.get(g) ?? 0) + view.openAmount(i)!.fen);
    }
    for (const a of view.advances) {
      if (a.customer === null) continue;
      const g = p.names.indexOf(a.customer);
      open.set(g, (open.get(g) ?? 0) - fenOfDecimal(a.amount));
    }
    for (const g of new Set([...net.keys(), ...open.keys()])) expect([asOf, p.names[g], net.get(g) ?? 0]).toEqual([asOf, p.names[g], open.get(g) ?? 0]);
  }
});
