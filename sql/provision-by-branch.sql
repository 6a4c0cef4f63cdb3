-- Provision by branch: open items, balance, provision, and the part of each in long-aged items
-- (bands from one year on) and in bad items (aging class bad).
-- Reads items.parquet (schema version 1). Portable SQL: DuckDB and Spark SQL.
SELECT
  entity,
  COUNT(*) AS items,
  SUM(balance) AS balance,
  SUM(provision) AS provision,
  SUM(CASE WHEN longAged THEN balance ELSE 0 END) AS longAgedBalance,
  SUM(CASE WHEN agingClass = 'bad' THEN balance ELSE 0 END) AS badBalance,
  SUM(CASE WHEN agingClass = 'bad' THEN provision ELSE 0 END) AS badProvision
FROM items
GROUP BY entity
ORDER BY entity
