/**
 * Parses SQL files with a Spark SQL grammar (dt-sql-parser's SparkSQL, from the npm registry):
 * `node --import tsx test/cli/helpers/spark-sql-check.ts a.sql b.sql` prints a JSON object of
 * each file's syntax errors. A separate process because dt-sql-parser is an ES module with
 * directory imports that jest's CommonJS runtime cannot load; tsx can.
 */
import { readFileSync } from "node:fs";
import { SparkSQL } from "dt-sql-parser";

const spark = new SparkSQL();
const out: Record<string, { line: number; column: number; message: string }[]> = {};
for (const file of process.argv.slice(2)) {
  out[file] = spark.validate(readFileSync(file, "utf8")).map((e) => ({ line: e.startLine, column: e.startColumn, message: e.message }));
}
process.stdout.write(JSON.stringify(out));
