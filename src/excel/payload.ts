/**
 * Excel on the web refuses a request or a response over about 5 MB, and it counts bytes of UTF-8
 * JSON (resource-limits-and-performance-optimization.md): a Chinese character is 3 bytes, not the
 * 1 that `JSON.stringify(...).length` counts. Chunks are sized here, in bytes, and a chunk that
 * comes back too large either way is retried smaller.
 */

const encoder = new TextEncoder();

/** The UTF-8 size of values as JSON, as the payload limit counts them. */
function jsonUtf8Bytes(values: unknown): number {
  return encoder.encode(JSON.stringify(values)).length;
}

/** Rows per chunk: a budget in bytes over twice the sample's bytes per row (longer rows later leave room), at least one. */
export function rowsPerChunk(budgetBytes: number, sample: readonly unknown[], floorBytesPerRow = 16): number {
  const perRow = sample.length === 0 ? floorBytesPerRow : Math.max(floorBytesPerRow, jsonUtf8Bytes(sample) / sample.length);
  return Math.max(1, Math.floor(budgetBytes / (2 * perRow)));
}

/** Either payload limit: the request (what we send) or the response (what a read brings back). */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = e !== null && typeof e === "object" ? (e as { code?: unknown }).code : undefined;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** The UTF-8 bytes a cell takes in the JSON of a request, counted without building the JSON. */
function cellJsonBytes(v: unknown): number {
  if (typeof v === "string") {
    let n = 2;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c < 0x20) n += 6;
      else if (c === 0x22 || c === 0x5c) n += 2;
      else if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < v.length) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }
  if (typeof v === "number") return String(v).length;
  if (typeof v === "boolean") return v ? 4 : 5;
  return 4;
}

/**
 * How many rows from `start` fit in `budgetBytes` of JSON (at least one): rows to write are all
 * known, so a write chunk is measured exactly rather than estimated from a sample.
 */
export function rowsWithin(rows: readonly (readonly unknown[])[], start: number, budgetBytes: number): number {
  let bytes = 2;
  let i = start;
  for (; i < rows.length; i++) {
    const row = rows[i];
    let b = 2 + row.length;
    for (const v of row) b += cellJsonBytes(v);
    if (i > start && bytes + b > budgetBytes) break;
    bytes += b;
  }
  return i - start;
}
