-- The group's largest long-aged customers: balances in bands from one year on, by customer
-- across every branch (the same customer text in several branches adds up), largest first.
-- Reads items.parquet (schema version 1). Portable SQL: DuckDB and Spark SQL.
SELECT
  customer,
  COUNT(DISTINCT entity) AS branches,
  COUNT(*) AS items,
  SUM(balance) AS balance,
  SUM(provision) AS provision,
  MIN(dateArisen) AS oldestDateArisen
FROM items
WHERE longAged AND customer IS NOT NULL
GROUP BY customer
HAVING SUM(balance) > 0
ORDER BY SUM(balance) DESC, customer
LIMIT 100
