/**
 * The zip container of an OPC package, read and written entry by entry. An entry the engine does not change is
 * written back with its original compressed bytes, CRC, date and name (so it is byte-identical and costs no
 * inflate or deflate); only changed or new entries are compressed again (Node's zlib, raw deflate).
 */
import * as zlib from 'node:zlib';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { MAX_PART_BYTES } from './part-paths.js';

export class ZipError extends Error {
  override name = 'ZipError';
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate */
  method: number;
  crc: number;
  compressed: Uint8Array;
  size: number;
  dosTime: number;
  dosDate: number;
  /** bit 11: UTF-8 name */
  flags: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** zlib's own CRC-32 where Node has it (20.15 and later), else the table below */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** The CRC-32 of `data`, or of the bytes after those whose CRC-32 is `prev` (to go on over pieces). */
export function crc32(data: Uint8Array, prev = 0): number {
  if (nativeCrc32) return nativeCrc32(data, prev) >>> 0;
  return crc32Table(data, prev);
}

export function crc32Table(data: Uint8Array, prev = 0): number {
  let c = (prev ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export { MAX_PART_BYTES };

function megabytes(n: number): string {
  return `${Math.round(n / (1024 * 1024)).toLocaleString('en-GB')} MB`;
}

/** The entries of a zip file, in the order of its central directory. Two entries with the same name (or names that
 *  differ only in case, the same part in OPC) are refused: programs differ in which one they read. */
export function readZip(buf: Uint8Array): ZipEntry[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('the end of its zip directory is missing (the file is cut short or not a zip)');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new ZipError('it is a ZIP64 package, which workbooks never need');
  const decoder = new TextDecoder('utf-8');
  const out: ZipEntry[] = [];
  const seen = new Set<string>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || view.getUint32(at, true) !== 0x02014b50) throw new ZipError('its zip directory is damaged');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const dosTime = view.getUint16(at + 12, true);
    const dosDate = view.getUint16(at + 14, true);
    const crc = view.getUint32(at + 16, true);
    const csize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(buf.subarray(at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw new ZipError('it is encrypted (saved with a password)');
    if (method !== 0 && method !== 8) throw new ZipError(`${name} is compressed in a way workbooks do not use (method ${method})`);
    if (local + 30 > buf.length || view.getUint32(local, true) !== 0x04034b50) throw new ZipError(`the entry ${name} is damaged`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + csize > buf.length) throw new ZipError(`the entry ${name} is cut short`);
    if (name.endsWith('/')) continue; // a folder entry
    const key = name.toLowerCase();
    if (seen.has(key)) throw new ZipError(`it holds two entries named ${name}, so programs differ in which one they read`);
    seen.add(key);
    if (csize === 0xffffffff || size === 0xffffffff) throw new ZipError('it is a ZIP64 package, which workbooks never need');
    out.push({ name, method, crc, compressed: buf.subarray(start, start + csize), size, dosTime, dosDate, flags: flags & 0x0800 });
  }
  return out;
}

/** An entry's bytes: never more than its declared size (nor more than `MAX_PART_BYTES`), and exactly that size. */
export function inflateEntry(e: ZipEntry): Uint8Array {
  if (e.size > MAX_PART_BYTES)
    throw new ZipError(
      `the entry ${e.name} would unpack to ${megabytes(e.size)}, more than the ${megabytes(MAX_PART_BYTES)} a workbook part can be here`,
    );
  let out: Uint8Array;
  if (e.method === 0) out = e.compressed;
  else {
    try {
      // one byte more than declared, to tell a part that is larger than its directory says (a zip bomb) from one that fits;
      // output in one chunk of that size (zlib's 16 KB chunks, joined at the end, took 11 ms of the 3 MB Responses
      // part's 12 ms), but never larger than deflate can expand what is there (at most 1,032 to 1)
      const chunkSize = Math.max(64, Math.min(e.size + 1, e.compressed.length * 1032 + 64));
      out = inflateRawSync(e.compressed, { maxOutputLength: e.size + 1, chunkSize });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError(`the entry ${e.name} unpacks to more than its declared ${e.size} bytes`);
      throw new ZipError(`the entry ${e.name} cannot be decompressed (${(err as Error).message})`);
    }
  }
  if (out.length !== e.size)
    throw new ZipError(`the entry ${e.name} unpacks to ${out.length} bytes, not the ${e.size} its directory declares`);
  return out;
}

/** zlib level for changed parts. 4 rather than zlib's default 6: on the 7.3 MB Responses part of a 1,000-respondent
 *  review, 2.3× quicker for a part 15% larger. */
export const DEFLATE_LEVEL = 4;

/** zlib level for a worksheet part written again with all its rows as read (only its view or print settings
 *  changed: summarise clears the "selected" mark of the Responses tab): the quickest, as the part's size was the
 *  person's choice, not this command's. On the 3 MB Responses part of a 10-respondent Hallmarks review, level 1 is
 *  348 KB → 396 KB (+14%) for about a third of the time. */
export const KEPT_PART_LEVEL = 1;

/**
 * Raw deflate of `pieces` as one stream, without joining them first (a 3 MB part written as a few runs copied as
 * read is not copied again): every piece but the last ends with a sync flush (an empty stored block, not final, that
 * leaves the stream at a byte boundary), so the compressed pieces joined are one valid deflate stream (RFC 1951).
 * The pieces are compressed each on its own, so a match never reaches back across a boundary.
 */
export function deflatePieces(pieces: readonly Uint8Array[], level: number): Buffer {
  if (pieces.length === 1) return deflateRawSync(pieces[0]!, { level });
  const out = pieces.map((p, i) =>
    i < pieces.length - 1 ? deflateRawSync(p, { level, finishFlush: zlib.constants.Z_SYNC_FLUSH }) : deflateRawSync(p, { level }),
  );
  return Buffer.concat(out);
}

/** A new entry for `data`, whole or in pieces to be joined in order (deflated; stored when that is not smaller). */
export function makeEntry(name: string, data: Uint8Array | readonly Uint8Array[], level = DEFLATE_LEVEL): ZipEntry {
  const pieces = data instanceof Uint8Array ? [data] : data.filter((p) => p.length > 0);
  let size = 0;
  let crc = 0;
  for (const p of pieces) {
    size += p.length;
    crc = crc32(p, crc);
  }
  const deflated = size > 64 && pieces.length > 0 ? deflatePieces(pieces, level) : null;
  const useDeflate = deflated !== null && deflated.length < size;
  return {
    name,
    method: useDeflate ? 8 : 0,
    crc,
    compressed: useDeflate ? deflated : pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, size),
    size,
    dosTime: 0,
    dosDate: 0x21, // 1980-01-01: the package's own dates live in docProps/core.xml
    flags: /[^\x20-\x7e]/.test(name) ? 0x0800 : 0,
  };
}

export function writeZip(entries: ZipEntry[]): Buffer {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + names[i]!.length + e.compressed.length + 46 + names[i]!.length));
  const out = Buffer.alloc(total);
  let at = 0;
  const offsets: number[] = [];
  entries.forEach((e, i) => {
    const name = names[i]!;
    offsets.push(at);
    out.writeUInt32LE(0x04034b50, at);
    out.writeUInt16LE(20, at + 4);
    out.writeUInt16LE(e.flags, at + 6);
    out.writeUInt16LE(e.method, at + 8);
    out.writeUInt16LE(e.dosTime, at + 10);
    out.writeUInt16LE(e.dosDate, at + 12);
    out.writeUInt32LE(e.crc, at + 14);
    out.writeUInt32LE(e.compressed.length, at + 18);
    out.writeUInt32LE(e.size, at + 22);
    out.writeUInt16LE(name.length, at + 26);
    out.writeUInt16LE(0, at + 28);
    out.set(name, at + 30);
    out.set(e.compressed, at + 30 + name.length);
    at += 30 + name.length + e.compressed.length;
  });
  const cdStart = at;
  entries.forEach((e, i) => {
    const name = names[i]!;
    out.writeUInt32LE(0x02014b50, at);
    out.writeUInt16LE(20, at + 4);
    out.writeUInt16LE(20, at + 6);
    out.writeUInt16LE(e.flags, at + 8);
    out.writeUInt16LE(e.method, at + 10);
    out.writeUInt16LE(e.dosTime, at + 12);
    out.writeUInt16LE(e.dosDate, at + 14);
    out.writeUInt32LE(e.crc, at + 16);
    out.writeUInt32LE(e.compressed.length, at + 20);
    out.writeUInt32LE(e.size, at + 24);
    out.writeUInt16LE(name.length, at + 28);
    out.writeUInt16LE(0, at + 30);
    out.writeUInt16LE(0, at + 32);
    out.writeUInt16LE(0, at + 34);
    out.writeUInt16LE(0, at + 36);
    out.writeUInt32LE(0, at + 38);
    out.writeUInt32LE(offsets[i]!, at + 42);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(0, at + 4);
  out.writeUInt16LE(0, at + 6);
  out.writeUInt16LE(entries.length, at + 8);
  out.writeUInt16LE(entries.length, at + 10);
  out.writeUInt32LE(at - cdStart, at + 12);
  out.writeUInt32LE(cdStart, at + 16);
  out.writeUInt16LE(0, at + 20);
  return out;
}
