/**
 * `summarise --previous`, names given on the command line, and the well-formedness of every part of a saved
 * package (what Excel checks before it opens a file).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';
import { TAB } from '../../core/sheet-plan/layout.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { cli, TODAY } from './cli-helpers.js';
import { tempDir } from './helpers.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let last = '';
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-cli-options-'));
  last = join(dir, 'last-cycle.xlsx');
  expect((await cli('demo', last, '--today', TODAY, '--quiet')).code).toBe(0);
});
afterAll(() => cleanup());

describe('summarise --previous', () => {
  it('compares each item with last cycle’s workbook', async () => {
    const path = join(dir, 'this-cycle.xlsx');
    expect((await cli('new', path, '--framework', 'partnership-tree', '--cycle', '2008/09', '--quiet')).code).toBe(0);
    const csv = join(dir, 'scores.csv');
    await writeFile(csv, 'Name,ASPIRE,THINK,LEAD,COLLABORATE,ACCOUNT,DELIVER\nAlex,3,3,1,2,2,2\nSam,3,2,1,2,3,2\n');
    expect((await cli('import', path, csv, '--quiet')).code).toBe(0);
    const r = await cli('summarise', path, '--previous', last, '--json', '--quiet');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    const row = (id: string) => s.comparison.items.find((c: { id: string }) => c.id === id);
    // last cycle (the workshop): ASPIRE 19/9, LEAD 18/9 = 2, ACCOUNT 20/9; this cycle: ASPIRE 3, LEAD 1, ACCOUNT 2.5
    expect(row('ASPIRE')).toMatchObject({ current: 3, change: 'improved' });
    expect(row('ASPIRE').previous).toBeCloseTo(19 / 9, 12);
    expect(row('ASPIRE').delta).toBeCloseTo(3 - 19 / 9, 12);
    expect(row('LEAD')).toMatchObject({ previous: 2, current: 1, delta: -1, change: 'declined' });
    expect(row('ACCOUNT').delta).toBeCloseTo(2.5 - 20 / 9, 12);
    const human = await cli('summarise', path, '--previous', last, '--quiet');
    // the first run filled the Previous Review tab with the same means, so the second may fill it again
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(
      `Compared with ${last} (2007/08); its figures are now on the Previous Review tab, which later runs compare with until you clear it.`,
    );
  });

  it('refuses a previous workbook that is not a review, leaving this one untouched', async () => {
    const path = join(dir, 'this-cycle-2.xlsx');
    expect((await cli('new', path, '--framework', 'partnership-tree', '--quiet')).code).toBe(0);
    const before = await readFile(path);
    const other = join(dir, 'other.xlsx');
    const host = XlsxHost.create();
    await host.apply({
      tabs: [
        {
          name: 'Data',
          role: 'summary',
          mode: 'create',
          blocks: [{ row: 1, col: 1, owner: 'input', cells: [[{ v: 'x' }]] }],
          formats: [],
          columnWidths: [],
          merges: [],
          validations: [],
          conditionalFormats: [],
          charts: [],
        },
      ],
      namedRanges: [],
    });
    await host.save(other);
    const r = await cli('summarise', path, '--previous', other, '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect((await readFile(path)).equals(before)).toBe(true);
  });
});

describe('names typed on the command line', () => {
  it('stay text, however they begin', async () => {
    const path = join(dir, 'names.xlsx');
    const r = await cli(
      'new',
      path,
      '--framework',
      'hallmarks',
      '--partnership',
      '@Community Safety',
      '--partnership',
      '+Health',
      '--respondent',
      '=HYPERLINK("http://example.invalid")',
      '--respondent=-1',
      '--quiet',
    );
    expect(r.code).toBe(0);
    const values = (await (await XlsxHost.open(path)).read({ tabs: [TAB.entry, TAB.settings] })).tabs;
    const cells = Object.values(values).flatMap((t) => t.values.flat());
    expect(cells).toContain('=HYPERLINK("http://example.invalid")');
    expect(cells).toContain('-1');
    expect(cells).toContain('@Community Safety');
    expect(cells).toContain('+Health');
    expect(cells).not.toContain(-1);
  });
});

describe('the saved package', () => {
  it('has only well-formed XML parts, each with a content type', async () => {
    const zip = await JSZip.loadAsync(await readFile(last));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    const defaults = [...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase());
    const overrides = new Set([...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]!));
    const parts = Object.keys(zip.files).filter((p) => !zip.files[p]!.dir);
    expect(parts).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml']));
    for (const p of parts) {
      const ext = p.slice(p.lastIndexOf('.') + 1).toLowerCase();
      expect(overrides.has(p) || defaults.includes(ext), `${p} has a content type`).toBe(true);
      if (ext === 'xml' || ext === 'rels') {
        const result = XMLValidator.validate(await zip.file(p)!.async('string'));
        expect(result, `${p} is well-formed`).toBe(true);
      }
    }
    for (const o of overrides) expect(parts, `override for a missing part ${o}`).toContain(o);
  });
});
