/**
 * Expected credit loss (CAS 22 / IFRS 9, simplified approach): history (history.ts from a ledger's
 * lines, snapshots.ts from saved or typed balances) → migration rates → loss rates → a provision
 * matrix (matrix.ts). Pure: every surface calls it.
 */
export * from "./history";
export * from "./matrix";
export * from "./snapshots";
