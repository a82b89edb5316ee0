import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCsv, readImportTable } from '../../file-host/import-table.js';
import { FileProblem } from '../../file-host/file-safety.js';
import { tempDir } from './helpers.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-import-table-'));
});
afterAll(() => cleanup());

describe('parseCsv', () => {
  it('drops a byte-order mark, keeps text exactly, turns plain numbers into numbers and pads short rows', () => {
    const t = parseCsv('\uFEFFName,ASPIRE,ASPIRE comment,Ref\r\nAlex,"3","=SUM(1)\nsecond line",007\r\nSam,2.5\r\n\r\n', 'x.csv');
    expect(t).toEqual([
      ['Name', 'ASPIRE', 'ASPIRE comment', 'Ref'],
      ['Alex', 3, '=SUM(1)\nsecond line', '007'],
      ['Sam', 2.5, null, null],
    ]);
  });

  it('keeps numbers written with separators or signs as a person might mean them, as text', () => {
    expect(parseCsv('a,b,c,d\n"1,000",+3,1e3,-2\n', 'x.csv')[1]).toEqual(['1,000', '+3', '1e3', -2]);
  });

  it('says which line it could not read', () => {
    expect(() => parseCsv('a,b\n"open,2\n', 'bad.csv')).toThrow(FileProblem);
    expect(() => parseCsv('a,b\n"open,2\n', 'bad.csv')).toThrow(/^bad\.csv is not a CSV file that can be read/);
  });
});

describe('readImportTable', () => {
  it('refuses text that is not UTF-8, and old .xls files, with what to do instead', async () => {
    const latin1 = join(dir, 'latin1.csv');
    await writeFile(latin1, Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a]));
    await expect(readImportTable(latin1)).rejects.toThrow(/latin1\.csv is not UTF-8 text: save or export it as "CSV UTF-8"/);
    const xls = join(dir, 'old.xls');
    await writeFile(xls, 'whatever');
    await expect(readImportTable(xls)).rejects.toThrow(/old\.xls is an older \.xls workbook: save it as \.xlsx or CSV \(UTF-8\)/);
  });
});
