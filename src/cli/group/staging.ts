/**
 * The staging files a branch's worker writes: one CSV per table (schema.ts), every value as
 * text the way the core gives it — money as exact decimal strings, dates ISO — for DuckDB to
 * read and type in one pass (schema.selectFromStaging). Strings are always quoted (a quote
 * doubled), NULL is an unquoted \N, so an empty text, a text "\N" and a missing value stay
 * three different things. Written synchronously in large pieces: a worker thread has nothing
 * else to do meanwhile, and the parent never sees the rows.
 */
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { GROUP_SCHEMA, type TableName } from "./schema";

export type StagingValue = string | number | boolean | null;

const FLUSH_AT = 1 << 16;

function quoted(text: string): string {
  return text.includes('"') ? `"${text.replace(/"/g, '""')}"` : `"${text}"`;
}

export class StagingFile {
  private readonly fd: number;
  private buffer = "";
  private readonly text: boolean[];
  readonly partialPath: string;
  rows = 0;

  constructor(
    table: TableName,
    readonly path: string,
  ) {
    this.partialPath = `${path}.partial`;
    this.fd = openSync(this.partialPath, "w");
    this.text = GROUP_SCHEMA[table].map((c) => c.type === "VARCHAR");
  }

  /** One row, its values in the table's column order. */
  add(values: readonly StagingValue[]): void {
    let line = "";
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      if (c > 0) line += ",";
      if (v === null) line += "\\N";
      else if (this.text[c]) line += quoted(String(v));
      else line += String(v);
    }
    this.buffer += `${line}\n`;
    this.rows += 1;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.buffer === "") return;
    writeSync(this.fd, this.buffer, null, "utf8");
    this.buffer = "";
  }

  /** Flushes and closes the partial file (it takes its name in commit). */
  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  commit(): void {
    renameSync(this.partialPath, this.path);
  }

  /** Removes the partial file (after a failure); never throws. */
  discard(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    try {
      unlinkSync(this.partialPath);
    } catch {
      // never written
    }
  }
}
