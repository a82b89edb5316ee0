/** The zip layer's CRC-32: zlib's own (newer Node) and the table kept for older Node give the standard check value. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { inflateRawSync } from 'node:zlib';
import { crc32, crc32Table, makeEntry } from '../../file-host/xlsx/zip.js';

describe('CRC-32 of zip entries', () => {
  it('"123456789" is CBF43926 (the standard check value) both ways, and they agree on other bytes', () => {
    const check = new TextEncoder().encode('123456789');
    expect(crc32(check)).toBe(0xcbf43926);
    expect(crc32Table(check)).toBe(0xcbf43926);
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) & 0xff);
    expect(crc32(bytes)).toBe(crc32Table(bytes));
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('an entry made of pieces', () => {
  const text = (s: string) => new TextEncoder().encode(s);

  it('the CRC-32 goes on over pieces: "12345" then "6789" is CBF43926, both ways', () => {
    expect(crc32(text('6789'), crc32(text('12345')))).toBe(0xcbf43926);
    expect(crc32Table(text('6789'), crc32Table(text('12345')))).toBe(0xcbf43926);
  });

  it('pieces deflated apart are one raw deflate stream: zlib and Python inflate it to the pieces joined', () => {
    const row = (r: number) => `<row r="${r}"><c r="A${r}" s="16"/><c r="B${r}" s="12"/></row>`;
    const pieces = [
      text('<sheetData>'),
      text(Array.from({ length: 4000 }, (_, i) => row(i + 1)).join('')),
      text('é😀'),
      text('</sheetData>'),
    ];
    const joined = Buffer.concat(pieces);
    const e = makeEntry('xl/worksheets/sheet1.xml', pieces, 4);
    expect(e.method).toBe(8);
    expect(e.size).toBe(joined.length);
    expect(e.crc).toBe(crc32(joined));
    expect(Buffer.from(inflateRawSync(e.compressed)).equals(joined)).toBe(true);
    // another implementation: Python's zlib (wbits -15: raw deflate)
    const py = spawnSync('python3', ['-c', 'import sys, zlib; sys.stdout.buffer.write(zlib.decompress(sys.stdin.buffer.read(), -15))'], {
      input: e.compressed,
    });
    expect(py.status).toBe(0);
    expect(Buffer.from(py.stdout).equals(joined)).toBe(true);
    // one piece is deflated as before; an entry not worth deflating is stored joined
    expect(makeEntry('a', [joined], 4).compressed).toEqual(makeEntry('a', joined, 4).compressed);
    const stored = makeEntry('b', [text('ab'), text('c')], 4);
    expect(stored.method).toBe(0);
    expect(Buffer.from(stored.compressed).toString()).toBe('abc');
  });
});
