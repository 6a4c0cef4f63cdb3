/**
 * Reads a file with readWorkbook and prints its sheets' row counts and the heap in use after
 * the read: for the test that a CSV is streamed, run under a small --max-old-space-size.
 */
import { readWorkbook } from "../../../src/cli/read-workbook";

readWorkbook(process.argv[2]).then(
  (book) => {
    const heapMb = Math.round(process.memoryUsage().heapUsed / 1048576);
    process.stdout.write(`${JSON.stringify({ rows: book.sheets.map((s) => s.values.length), heapMb, encoding: book.encoding ?? null })}\n`);
  },
  (error: unknown) => {
    // The test reads stderr and the exit code: the failure in full, and no JSON line.
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
