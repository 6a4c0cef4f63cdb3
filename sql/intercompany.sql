-- Intercompany balances: items whose customer is another branch of the group (the customer's
-- text, trimmed, equals that branch's entity), by branch and counterparty. Consolidation
-- eliminates these; the two sides should agree.
-- Reads items.parquet and totals.parquet (schema version 1). Portable SQL: DuckDB and Spark SQL.
SELECT
  i.entity AS entity,
  b.entity AS counterparty,
  COUNT(*) AS items,
  SUM(i.balance) AS balance,
  SUM(i.provision) AS provision
FROM items i
JOIN (SELECT DISTINCT entity FROM totals WHERE scope = 'all') b
  ON TRIM(i.customer) = TRIM(b.entity) AND i.entity <> b.entity
GROUP BY i.entity, b.entity
ORDER BY i.entity, b.entity
