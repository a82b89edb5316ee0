/**
 * A workbook that counts dates from 1904 (`<workbookPr date1904="1"/>`: Excel for Mac's old default, XlsxWriter's
 * `date_1904`, openpyxl's `CALENDAR_MAC_1904`). The same serial number is a day 1,462 days later there, so the plan
 * dates `summarise` writes must be that system's serials, and dates people type must read as the days they show.
 * The review is made by `new`, then its workbook part is switched to 1904 here (as a person's program would save it).
 * Expected serials worked out by hand: 23/05/2027 is 46,530 days after 30/12/1899 and 45,068 after 01/01/1904;
 * 23/02/2027 is 46,441 and 44,979; 01/07/2027 is 45,107 after 01/01/1904.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { formsCsv, newArgs } from '../support/review-files.js';
import { cli } from './cli-helpers.js';
import { sheetXml, tempDir } from './helpers.js';

const FRAMEWORK = builtinFrameworks().find((f) => f.id === 'partnership-tree')!;
let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let csv = '';

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-1904-'));
  csv = join(dir, 'responses.csv');
  await writeFile(csv, formsCsv(FRAMEWORK));
});
afterAll(() => cleanup());

/** A review with the two respondents imported, in the 1900 or the 1904 date system. */
async function review(name: string, date1904: boolean): Promise<string> {
  const file = join(dir, name);
  expect((await cli(...newArgs(file, FRAMEWORK))).code).toBe(0);
  if (date1904) {
    const zip = await JSZip.loadAsync(await readFile(file));
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    expect(wb).toContain('<workbookPr ');
    zip.file('xl/workbook.xml', wb.replace('<workbookPr ', '<workbookPr date1904="1" '));
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  }
  expect((await cli('import', file, csv, '--quiet')).code).toBe(0);
  return file;
}

/** The `<v>` of a cell on the Improvement Plan tab. */
async function stored(file: string, ref: string): Promise<string | undefined> {
  const xml = await sheetXml(await readFile(file), 'Improvement Plan');
  return new RegExp(`<c r="${ref}"[^>]*>(?:<f>[^<]*</f>)?<v>([^<]*)</v>`).exec(xml)?.[1];
}

describe('a workbook counting dates from 1904', () => {
  it('control: in the usual 1900 system the first plan row is due 23/05/2027 (46530), progress report 23/02/2027 (46441)', async () => {
    const file = await review('r1900.xlsx', false);
    expect((await cli('summarise', file, '--quiet')).code).toBe(0);
    expect([await stored(file, 'F5'), await stored(file, 'K5')]).toEqual(['46530', '46441']);
  });

  it("summarise writes the plan's dates as that system's serials: the same days, 23/05/2027 and 23/02/2027", async () => {
    const file = await review('r1904.xlsx', true);
    expect((await cli('summarise', file, '--quiet')).code).toBe(0);
    expect([await stored(file, 'F5'), await stored(file, 'K5')]).toEqual(['45068', '44979']);
    const host = await XlsxHost.open(file);
    expect([host.valueAt('Improvement Plan', 5, 6), host.valueAt('Improvement Plan', 5, 11)]).toEqual(['2027-05-23', '2027-02-23']);
  });

  it('a second summarise finds the rows as it drafted them (not "edited by people")', async () => {
    const file = await review('again.xlsx', true);
    expect((await cli('summarise', file, '--quiet')).code).toBe(0);
    const again = await cli('summarise', file);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Improvement Plan: 6 rows.');
    expect(again.stdout).not.toMatch(/edited or added by people/);
  });

  it('a date a person types (01/07/2027, stored as 45107) reads as that day and is kept', async () => {
    const file = await review('typed.xlsx', true);
    expect((await cli('summarise', file, '--quiet')).code).toBe(0);
    const zip = await JSZip.loadAsync(await readFile(file));
    const wbRels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const wbXml = await zip.file('xl/workbook.xml')!.async('string');
    const rid = /<sheet [^>]*name="Improvement Plan"[^>]*r:id="([^"]+)"/.exec(wbXml)![1];
    const part = `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(wbRels)![1]}`;
    const xml = await zip.file(part)!.async('string');
    expect(xml).toMatch(/<c r="F5"([^>]*)><v>45068<\/v>/);
    zip.file(part, xml.replace(/(<c r="F5"[^>]*>)<v>45068<\/v>/, '$1<v>45107</v>'));
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const host = await XlsxHost.open(file);
    expect(host.valueAt('Improvement Plan', 5, 6)).toBe('2027-07-01');
    expect((await cli('summarise', file, '--quiet')).code).toBe(0);
    expect(await stored(file, 'F5')).toBe('45107');
  });
});
