/**
 * A zip archive read from its central directory, the way a zip is meant to be read (APPNOTE.TXT
 * §4.3.6: the central directory at the end is the archive's index; local headers may lie), so
 * the parts of an .xlsx can be read in the order that makes sense rather than the order some
 * exporter stored them. exceljs's streaming reader reads the zip front to back instead; it
 * fails when a worksheet comes before xl/workbook.xml and can wait forever on a damaged file.
 *
 * Every entry is checked as it is inflated: its size against the directory's (a zip bomb that
 * lies about its size stops there), its inflation ratio (an honest bomb stops too), its CRC-32 at
 * the end. Every failure is a ZipError with a reason; no read is left waiting.
 */
import { createReadStream } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { createInflateRaw } from "node:zlib";
import * as zlib from "node:zlib";
import { ArError } from "../core/errors";

export interface ZipEntry {
  /** The entry's path in the archive, "/" separated, no leading "/". */
  name: string;
  /** 0 stored, 8 deflated; others are refused when read. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

type ZipFailure = "not-a-zip" | "damaged" | "encrypted" | "unsupported" | "bomb";

/** Why a zip cannot be read (id "zip.<kind>"): the file is not a zip, is damaged, or is a zip bomb. */
export class ZipError extends ArError {
  constructor(
    readonly kind: ZipFailure,
    zh: string,
    en: string,
  ) {
    super(`zip.${kind}`, { "zh-CN": zh, "en-US": en });
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** A central directory larger than this is not an .xlsx's (a million entries of 64 bytes). */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

/**
 * An entry may inflate to at most this many times its compressed size once past the grace size
 * below. Real worksheets compress 5–50 times (a sheet of empty styled cells nearer 100); zip
 * bombs compress a thousand times and more. The same idea, with a similar bound, as Apache POI's
 * ZipSecureFile (MIN_INFLATE_RATIO 0.01).
 */
const MAX_INFLATE_RATIO = 200;
const RATIO_GRACE_BYTES = 16 * 1024 * 1024;

interface ZipLimits {
  maxInflateRatio?: number;
}

export class ZipFile {
  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    readonly size: number,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  /** Opens the archive and reads its central directory; throws ZipError when there is none. */
  static async open(path: string): Promise<ZipFile> {
    const handle = await open(path, "r");
    try {
      const size = (await handle.stat()).size;
      const entries = await readDirectory(handle, size);
      return new ZipFile(path, handle, size, entries);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  /** The entry of that name (case as stored; an exact match first, then ignoring case). */
  find(name: string): ZipEntry | undefined {
    const exact = this.entries.get(name);
    if (exact !== undefined) return exact;
    const lower = name.toLowerCase();
    for (const [key, entry] of this.entries) if (key.toLowerCase() === lower) return entry;
    return undefined;
  }

  /**
   * The entry's bytes as they inflate, in chunks. Throws ZipError when the entry is damaged
   * (bad local header, inflate error, wrong size or CRC), encrypted, compressed by a method
   * other than deflate, or inflates beyond MAX_INFLATE_RATIO.
   */
  async *read(entry: ZipEntry, limits: ZipLimits = {}): AsyncGenerator<Buffer> {
    if ((entry.flags & 1) !== 0) throw new ZipError("encrypted", `“${entry.name}”已加密`, `"${entry.name}" is encrypted`);
    if (entry.method !== 0 && entry.method !== 8) throw new ZipError("unsupported", `“${entry.name}”使用压缩方法 ${entry.method}，无法读取`, `"${entry.name}" is compressed with method ${entry.method}, which cannot be read`);
    const dataStart = await this.dataStart(entry);
    if (dataStart + entry.compressedSize > this.size) throw damaged(`“${entry.name}”超出文件末尾（文件不完整）`, `"${entry.name}" runs past the end of the file (the file is cut short)`);
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw damaged(`“${entry.name}”记录了两个不同的大小`, `"${entry.name}" is stored with two different sizes`);
    const ratio = limits.maxInflateRatio ?? MAX_INFLATE_RATIO;
    const allowed = Math.max(RATIO_GRACE_BYTES, entry.compressedSize * ratio);
    if (entry.uncompressedSize > allowed) throw bomb(entry, ratio);
    if (entry.compressedSize === 0) {
      if (entry.uncompressedSize !== 0) throw damaged(`“${entry.name}”为空，但应有 ${entry.uncompressedSize} 字节`, `"${entry.name}" is empty but should hold ${entry.uncompressedSize} bytes`);
      return;
    }
    // A stream of its own per entry (the directory's handle stays for the small reads).
    const raw = createReadStream(this.path, { start: dataStart, end: dataStart + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
    const inflate = entry.method === 8 ? createInflateRaw() : null;
    const stream = inflate === null ? raw : raw.pipe(inflate);
    // pipe() does not pass errors on: a read error must end the inflated stream too.
    if (inflate !== null) raw.on("error", (e) => inflate.destroy(e));
    let total = 0;
    let crc = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > entry.uncompressedSize) throw damaged(`“${entry.name}”解压后超过目录所记的 ${entry.uncompressedSize} 字节`, `"${entry.name}" inflates to more than the ${entry.uncompressedSize} bytes its directory entry says`);
        crc = crc32(chunk, crc);
        yield chunk;
      }
    } catch (e) {
      if (e instanceof ZipError) throw e;
      throw damaged(`“${entry.name}”无法解压：${e instanceof Error ? e.message : String(e)}`, `"${entry.name}" cannot be inflated: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      raw.destroy();
      inflate?.destroy();
    }
    if (total !== entry.uncompressedSize) throw damaged(`“${entry.name}”解压为 ${total} 字节，而目录记为 ${entry.uncompressedSize} 字节`, `"${entry.name}" inflates to ${total} bytes, not the ${entry.uncompressedSize} its directory entry says`);
    if (crc >>> 0 !== entry.crc32 >>> 0) throw damaged(`“${entry.name}”未通过 CRC-32 校验`, `"${entry.name}" fails its CRC-32 check`);
  }

  /** Reads a small entry whole (a part of the workbook such as xl/workbook.xml). */
  async readAll(entry: ZipEntry, limits: ZipLimits = {}): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.read(entry, limits)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  private async dataStart(entry: ZipEntry): Promise<number> {
    const header = Buffer.alloc(30);
    const { bytesRead } = await this.handle.read(header, 0, 30, entry.localHeaderOffset);
    if (bytesRead < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw damaged(`“${entry.name}”在目录所指位置没有本地文件头`, `"${entry.name}" has no local header where the directory says`);
    return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  }
}

function damaged(zh: string, en: string): ZipError {
  return new ZipError("damaged", zh, en);
}

function bomb(entry: ZipEntry, ratio: number): ZipError {
  return new ZipError(
    "bomb",
    `“${entry.name}”从 ${entry.compressedSize} 字节解压为 ${entry.uncompressedSize} 字节，超过 ${ratio} 倍：这是压缩炸弹，不是工作簿`,
    `"${entry.name}" inflates from ${entry.compressedSize} to ${entry.uncompressedSize} bytes, more than ${ratio} times: a zip bomb, not a workbook`,
  );
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buf, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buf : buf.subarray(0, done);
}

async function readDirectory(handle: FileHandle, size: number): Promise<Map<string, ZipEntry>> {
  if (size < EOCD_SIZE) throw new ZipError("not-a-zip", "文件太短，不是 zip", "too short to be a zip");
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = size - tailLength;
  const tail = await readAt(handle, tailStart, tailLength);
  let eocd = -1;
  for (let p = tail.length - EOCD_SIZE; p >= 0; p--) {
    if (tail.readUInt32LE(p) === EOCD_SIGNATURE) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw damaged("找不到中央目录结束记录：文件不完整或不是 zip", "no end-of-central-directory record: the file is cut short or is not a zip");
  let count = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    // Zip64: the locator sits just before the end record and points at the zip64 end record.
    const locator = eocd - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) throw damaged("zip64 压缩包缺少定位记录", "a zip64 archive without its locator");
    const recordOffset = Number(tail.readBigUInt64LE(locator + 8));
    const record = await readAt(handle, recordOffset, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) throw damaged("zip64 压缩包缺少结束记录", "a zip64 archive without its end record");
    count = Number(record.readBigUInt64LE(32));
    directorySize = Number(record.readBigUInt64LE(40));
    directoryOffset = Number(record.readBigUInt64LE(48));
  }
  if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > size || count * 46 > directorySize) {
    throw damaged("中央目录位于文件之外", "the central directory lies outside the file");
  }
  const directory = await readAt(handle, directoryOffset, directorySize);
  if (directory.length < directorySize) throw damaged("中央目录不完整", "the central directory is cut short");
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw damaged(`中央目录第 ${i + 1} 项已损坏`, `central directory entry ${i + 1} is damaged`);
    const flags = directory.readUInt16LE(p + 8);
    const method = directory.readUInt16LE(p + 10);
    const crc = directory.readUInt32LE(p + 16);
    let compressedSize = directory.readUInt32LE(p + 20);
    let uncompressedSize = directory.readUInt32LE(p + 24);
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    let localHeaderOffset = directory.readUInt32LE(p + 42);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > directory.length) throw damaged(`中央目录第 ${i + 1} 项超出目录`, `central directory entry ${i + 1} runs past the directory`);
    const nameBytes = directory.subarray(p + 46, p + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise CP437, which for the ASCII names of an .xlsx is the same.
    const name = ((flags & 0x800) !== 0 ? nameBytes.toString("utf8") : nameBytes.toString("latin1")).replace(/\\/g, "/").replace(/^\/+/, "");
    // The zip64 extra field holds the sizes and offset that did not fit, in this order.
    let q = p + 46 + nameLength;
    const extraEnd = q + extraLength;
    while (q + 4 <= extraEnd) {
      const id = directory.readUInt16LE(q);
      const length = directory.readUInt16LE(q + 2);
      if (id === 0x0001) {
        let r = q + 4;
        const take = (): number => {
          if (r + 8 > q + 4 + length) throw damaged(`中央目录项“${name}”的 zip64 字段不完整`, `central directory entry "${name}" has a short zip64 field`);
          const v = Number(directory.readBigUInt64LE(r));
          r += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      }
      q += 4 + length;
    }
    if (localHeaderOffset + 30 > size) throw damaged(`“${name}”的起点超出文件末尾`, `"${name}" starts past the end of the file`);
    if (!entries.has(name)) entries.set(name, { name, method, flags, crc32: crc, compressedSize, uncompressedSize, localHeaderOffset });
    p = end;
  }
  return entries;
}

// zlib.crc32 arrived in Node 20.15 and 22.2; the table below serves older runtimes.
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
let table: Uint32Array | null = null;

function crc32(data: Uint8Array, previous: number): number {
  if (nativeCrc32 !== undefined) return nativeCrc32(data, previous);
  if (table === null) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
