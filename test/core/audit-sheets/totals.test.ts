import { auditTotalsSheet } from "../../../src/core/audit-sheets";
import { checked } from "./fixture";

describe("auditTotalsSheet", () => {
  it("gives count, balance and provision by class, by band and in all, exactly as the check summed them", () => {
    const audit = checked();
    const spec = auditTotalsSheet(audit, "en-US", "Totals");
    expect(spec.rows[0].cells.map((c) => c?.v)).toEqual(["Group", "Items", "Balance", "Provision"]);
    const labels = spec.rows.map((r) => r.cells[0]?.v);
    expect(labels.slice(1, 6)).toEqual(["Normal", "Overdue", "Stale", "Bad debt", "Unclassified"]);
    const total = spec.rows.find((r) => r.kind === "total")!;
    expect(total.cells.map((c) => c?.exact ?? c?.v)).toEqual(["Total", audit.totals.all.count, audit.totals.all.balance, audit.totals.all.provision]);
    expect(spec.rows[spec.rows.length - 1].cells[0]?.v).toBe("As of 2011-08-31    Ledger: 应收账款台账");
    expect(spec.rows).toHaveLength(1 + 5 + audit.totals.byBand.length + 2);
  });
});
