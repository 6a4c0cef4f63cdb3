/**
 * Excel on the web refuses a request or a response over about 5 MB, and it counts bytes of UTF-8
 * JSON (resource-limits-and-performance-optimization.md): a Chinese character is 3 bytes, not the
 * 1 that `JSON.stringify(...).length` counts. Chunks are sized here, in bytes, and a chunk that
 * comes back too large either way is retried smaller.
 */

const encoder = new TextEncoder();

/** The UTF-8 size of values as JSON, as the payload limit counts them. */
export function jsonUtf8Bytes(values: unknown): number {
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
