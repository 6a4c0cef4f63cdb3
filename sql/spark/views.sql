-- Spark SQL: the group run's Parquet data set as the views the roll-ups read (items, findings,
-- totals). Run the roll-ups with it as the initialization file:
--   spark-sql --hivevar parquet=/data/group/2011-08-31 -i sql/spark/views.sql -f sql/group-aging.sql
-- ${hivevar:parquet} is the folder given to --parquet (a local path, hdfs://, s3a://, abfss://…).
CREATE OR REPLACE TEMPORARY VIEW items USING parquet OPTIONS (path '${hivevar:parquet}/items.parquet');
CREATE OR REPLACE TEMPORARY VIEW findings USING parquet OPTIONS (path '${hivevar:parquet}/findings.parquet');
CREATE OR REPLACE TEMPORARY VIEW totals USING parquet OPTIONS (path '${hivevar:parquet}/totals.parquet');
