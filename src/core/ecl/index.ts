/**
 * Expected credit loss (CAS 22 / IFRS 9, simplified approach): history (history.ts) → migration
 * rates → loss rates → a provision matrix (matrix.ts). Pure: every surface calls it.
 */
export * from "./history";
export * from "./matrix";
