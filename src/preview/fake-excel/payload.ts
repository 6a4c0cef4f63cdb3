/**
 * The UTF-8 byte length of `JSON.stringify(value)`, computed without building the string: a
 * 100,000 × 12 range is measured in a few milliseconds. Used for the request/response sizes
 * that Excel on the web limits to 5 MB (resource-limits-and-performance-optimization.md).
 */

// Globals are read once: inside jest's vm context every global lookup is slow, and this runs per cell.
const isArray = Array.isArray;
const objectKeys = Object.keys;
const finite = Number.isFinite;
const integer = Number.isInteger;
const toText = String;

const ASCII_SAFE = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function stringBytes(s: string): number {
  if (ASCII_SAFE.test(s)) return s.length + 2;
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x0c || c === 0x0a || c === 0x0d || c === 0x09) n += 2;
    else if (c < 0x20) n += 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 6; // a lone surrogate: JSON.stringify writes it as \udXXX
    } else if (c >= 0xdc00 && c <= 0xdfff) n += 6;
    else n += 3;
  }
  return n;
}

function digits(n: number): number {
  let d = 1;
  while (n >= 10) {
    n = (n - (n % 10)) / 10;
    d++;
  }
  return d;
}

const POWERS = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/** Length of String(x), without the (slow) double-to-string conversion for the usual short decimals. */
function numberBytes(x: number): number {
  if (!finite(x)) return 4; // null
  const a = x < 0 ? -x : x;
  const sign = x < 0 ? 1 : 0;
  if (integer(x) && a < 1e21) return sign + digits(a);
  if (a >= 1e-6 && a < 1e15) {
    for (let k = 1; k < POWERS.length; k++) {
      let m = a * POWERS[k];
      if (integer(m) && m / POWERS[k] === a) {
        let decimals = k;
        while (decimals > 0 && m % 10 === 0) {
          m /= 10;
          decimals--;
        }
        const d = digits(m);
        return sign + (d > decimals ? d : decimals + 1) + 1;
      }
    }
  }
  return toText(x).length;
}

export function jsonByteSize(value: unknown): number {
  switch (typeof value) {
    case "string":
      return stringBytes(value);
    case "number":
      return numberBytes(value);
    case "boolean":
      return value ? 4 : 5;
    case "undefined":
    case "function":
    case "symbol":
      return 0;
    case "bigint":
      throw new TypeError("Do not know how to serialize a BigInt");
    default:
      break;
  }
  if (value === null) return 4;
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === "function") return jsonByteSize(withJson.toJSON());
  if (isArray(value)) {
    let n = value.length > 0 ? value.length + 1 : 2;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      // Cells are primitives: size them inline rather than through a call per cell.
      if (typeof item === "string") n += stringBytes(item);
      else if (typeof item === "number") n += numberBytes(item);
      else if (typeof item === "boolean") n += item ? 4 : 5;
      else if (item === null || item === undefined || typeof item === "function" || typeof item === "symbol") n += 4;
      else n += jsonByteSize(item);
    }
    return n;
  }
  let n = 2;
  let first = true;
  for (const key of objectKeys(value as object)) {
    const item: unknown = (value as Record<string, unknown>)[key];
    const t = typeof item;
    if (t === "undefined" || t === "function" || t === "symbol") continue;
    n += (first ? 0 : 1) + stringBytes(key) + 1 + jsonByteSize(item);
    first = false;
  }
  return n;
}
