/**
 * duplicate-document: the first earlier row of the same customer with the same document, found
 * by partitioned hashing over up to a million rows.
 */
import { keyOf } from "./text-keys";

/**
 * For duplicate-document: for each row, the first earlier row of the same customer (group id)
 * with the same document, or -1. Documents compare as keyOf compares them (NFKC, case, white
 * space); the usual plain-ASCII number ("INV-2011-031") is hashed and compared folding case on
 * the fly, anything else through keyOf. Rows are partitioned by the top bits of their hash
 * first and each partition gets a small hash table, so memory is read in sequence rather than
 * at random over a table of a million slots (which costs a cache miss per row).
 */
export function firstDuplicateRows(n: number, documentOf: (i: number) => string | null, groupOf: (i: number) => number): Int32Array {
  const hashes = new Int32Array(n);
  const has = new Uint8Array(n);
  const BUCKET_BITS = 12;
  const buckets = 1 << BUCKET_BITS;
  const counts = new Int32Array(buckets + 1);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const doc = documentOf(i);
    const group = groupOf(i);
    if (doc === null || group < 0) continue;
    const h = documentHash(doc, group);
    hashes[i] = h;
    has[i] = 1;
    counts[(h >>> (32 - BUCKET_BITS)) + 1] += 1;
    m++;
  }
  for (let b = 0; b < buckets; b++) counts[b + 1] += counts[b];
  const order = new Int32Array(m);
  const orderHash = new Int32Array(m);
  const at = counts.slice(0, buckets);
  for (let i = 0; i < n; i++) {
    if (has[i] === 0) continue;
    const h = hashes[i];
    const k = at[h >>> (32 - BUCKET_BITS)]++;
    order[k] = i;
    orderHash[k] = h;
  }
  // The hashes are in orderHash now: their array becomes the answer.
  const first = hashes.fill(-1);
  let largest = 0;
  for (let b = 0; b < buckets; b++) largest = Math.max(largest, counts[b + 1] - counts[b]);
  let size = 16;
  while (size < largest * 2) size *= 2;
  const table = new Int32Array(size); // positions in `order` + 1; 0 = empty
  for (let b = 0; b < buckets; b++) {
    const from = counts[b];
    const to = counts[b + 1];
    if (to - from < 2) continue;
    let tableSize = 16;
    while (tableSize < (to - from) * 2) tableSize *= 2;
    const mask = tableSize - 1;
    table.fill(0, 0, tableSize);
    for (let k = from; k < to; k++) {
      const h = orderHash[k];
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        const stored = table[slot];
        if (stored === 0) {
          table[slot] = k + 1;
          break;
        }
        const other = stored - 1;
        if (orderHash[other] !== h) continue;
        const i = order[k];
        const j = order[other];
        if (groupOf(j) === groupOf(i) && sameDocument(documentOf(j) as string, documentOf(i) as string)) {
          first[i] = j; // order is ascending within a bucket, so j is the earliest
          break;
        }
      }
    }
  }
  return first;
}

/** FNV-1a over the document's key (case folded for plain ASCII, keyOf otherwise), seeded with the group. */
function documentHash(doc: string, group: number): number {
  let h = Math.imul(group + 1, 0x9e3779b1) ^ 0x811c9dc5;
  for (let k = 0; k < doc.length; k++) {
    let c = doc.charCodeAt(k);
    if (c <= 0x20 || c >= 0x7f) return documentHashSlow(doc, group);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h ^ (h >>> 15);
}

function documentHashSlow(doc: string, group: number): number {
  const key = keyOf(doc) ?? "";
  let h = Math.imul(group + 1, 0x9e3779b1) ^ 0x811c9dc5;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
  return h ^ (h >>> 15);
}

function isPlainAscii(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  return true;
}

function sameDocument(a: string, b: string): boolean {
  if (a === b) return true;
  if (isPlainAscii(a) && isPlainAscii(b)) {
    if (a.length !== b.length) return false;
    for (let k = 0; k < a.length; k++) {
      let x = a.charCodeAt(k);
      let y = b.charCodeAt(k);
      if (x >= 0x41 && x <= 0x5a) x += 0x20;
      if (y >= 0x41 && y <= 0x5a) y += 0x20;
      if (x !== y) return false;
    }
    return true;
  }
  return keyOf(a) === keyOf(b);
}
