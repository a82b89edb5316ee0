/**
 * Part names as OPC (ECMA-376 Part 2, §6.2.2.3 and Annex A) and Excel read them: a relationship's target matches its
 * part without regard to case, and may be percent-encoded (`sheet%202.xml` is the zip entry `sheet 2.xml`). Files from
 * generators that spell a target differently from the zip entry must read whole (the shared strings included, or
 * every typed text reads as blank) and be written back under the names they had, with no second copy of a part.
 * Fixtures: a review `new` wrote and `import` filled, its relationship part edited here with JSZip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { formsCsv, newArgs } from '../support/review-files.js';
import { cli } from './cli-helpers.js';
import { tempDir, zipPaths } from './helpers.js';

const FRAMEWORK = builtinFrameworks().find((f) => f.id === 'partnership-tree')!;
let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let base: Buffer;
let responsesPart = '';

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-part-names-'));
  const file = join(dir, 'base.xlsx');
  expect((await cli(...newArgs(file, FRAMEWORK))).code).toBe(0);
  await writeFile(join(dir, 'responses.csv'), formsCsv(FRAMEWORK));
  expect((await cli('import', file, join(dir, 'responses.csv'), '--quiet')).code).toBe(0);
  base = await readFile(file);
  const zip = await JSZip.loadAsync(base);
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rid = /<sheet [^>]*name="Responses"[^>]*r:id="([^"]+)"/.exec(wb)![1];
  responsesPart = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
  expect(responsesPart).toMatch(/^worksheets\/sheet\d+\.xml$/);
});
afterAll(() => cleanup());

/** The base review with its workbook relationships edited by `edit` (and entries renamed by `rename`). */
async function variant(name: string, edit: (rels: string) => string, rename: Record<string, string> = {}): Promise<string> {
  const zip = await JSZip.loadAsync(base);
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file('xl/_rels/workbook.xml.rels', edit(rels));
  for (const [from, to] of Object.entries(rename)) {
    zip.file(to, await zip.file(from)!.async('uint8array'));
    zip.remove(from);
    const relsOf = (p: string) => p.replace(/([^/]+)$/, '_rels/$1.rels');
    const partRels = zip.file(relsOf(from));
    if (partRels) {
      zip.file(relsOf(to), await partRels.async('uint8array'));
      zip.remove(relsOf(from));
    }
    // the content type's part name, percent-encoded as a part name is
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace(`PartName="/${from}"`, `PartName="/${encodeURI(to)}"`));
  }
  const file = join(dir, name);
  await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

async function readsWholeAndKeepsNames(file: string): Promise<void> {
  const namesBefore = (await zipPaths(await readFile(file))).sort();
  const host = await XlsxHost.open(file);
  // A6 holds the first imported respondent: a shared string, so the strings part was found
  expect([host.valueAt('Responses', 6, 1), host.valueAt('Responses', 6, 2), host.valueAt('Responses', 6, 4)]).toEqual([
    'Alex Example',
    'Safer Streets Partnership',
    3,
  ]);
  const check = await cli('check', file, '--quiet');
  expect(check.stderr).toBe('');
  const summarise = await cli('summarise', file, '--quiet');
  expect(summarise.code).toBe(0);
  expect(summarise.stdout).toContain('2 respondents');
  // no part written a second time under the target's spelling
  expect((await zipPaths(await readFile(file))).sort()).toEqual(namesBefore);
}

describe('relationship targets spelt differently from the zip entries', () => {
  it('targets in other case (SharedStrings.xml, Sheet2.xml) read the parts they name', async () => {
    const file = await variant('case.xlsx', (rels) =>
      rels
        .replace('Target="sharedStrings.xml"', 'Target="SharedStrings.xml"')
        .replace(`Target="${responsesPart}"`, `Target="${responsesPart.replace('sheet', 'Sheet')}"`),
    );
    await readsWholeAndKeepsNames(file);
  });

  it('a percent-encoded target (sheet%202.xml) reads the entry "sheet 2.xml"', async () => {
    const spaced = responsesPart.replace(/sheet(\d+)/, 'sheet $1');
    const file = await variant(
      'percent.xlsx',
      (rels) => rels.replace(`Target="${responsesPart}"`, `Target="${spaced.replace(' ', '%20')}"`),
      { [`xl/${responsesPart}`]: `xl/${spaced}` },
    );
    await readsWholeAndKeepsNames(file);
  });
});

describe('parts OPC allows in other forms', () => {
  it('a shared strings part in UTF-16 (with its byte order mark) reads, and is written back as UTF-8 saying so', async () => {
    const zip = await JSZip.loadAsync(base);
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    const wide = sst.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
    expect(wide).toContain('encoding="UTF-16"');
    zip.file('xl/sharedStrings.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(wide, 'utf16le')]));
    const file = join(dir, 'utf16.xlsx');
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    await readsWholeAndKeepsNames(file);
    const after = await (await JSZip.loadAsync(await readFile(file))).file('xl/sharedStrings.xml')!.async('uint8array');
    const head = Buffer.from(after.subarray(0, 60)).toString('utf8');
    expect(head.startsWith('<?xml')).toBe(true);
    expect(head).toContain('encoding="UTF-8"');
    expect(Buffer.from(after).toString('utf8')).toContain('<t>Alex Example</t>');
  });

  it('a content types part named in other case ([content_types].xml) is the one changed, not joined by a second', async () => {
    const zip = await JSZip.loadAsync(base);
    const types = await zip.file('[Content_Types].xml')!.async('uint8array');
    zip.remove('[Content_Types].xml');
    zip.file('[content_types].xml', types);
    const file = join(dir, 'types-case.xlsx');
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    await readsWholeAndKeepsNames(file);
  });
});
