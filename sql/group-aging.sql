-- Group aging by branch × aging class × aging band: open items, balance and provision.
-- Reads the group run's items table (items.parquet, schema version 1; README "Beyond one machine").
-- Portable SQL: the same text runs on DuckDB and Spark SQL (test/cli/group-sql.test.ts checks both grammars).
SELECT
  entity,
  agingClass,
  agingBand,
  COUNT(*) AS items,
  SUM(balance) AS balance,
  SUM(provision) AS provision
FROM items
GROUP BY entity, agingClass, agingBand
ORDER BY entity, agingClass NULLS LAST, agingBand NULLS LAST
