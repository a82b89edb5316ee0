/** The zip layer's CRC-32: zlib's own (newer Node) and the table kept for older Node give the standard check value. */
import { describe, expect, it } from 'vitest';
import { crc32, crc32Table } from '../../file-host/xlsx/zip.js';

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
