/**
 * The command line's promises when something is wrong: one clear line on stderr, a non-zero exit, and the file
 * exactly as it was (compared byte for byte).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFile, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { frameworkSummaries } from '../../core/framework/catalogue.js';
import { TAB } from '../../core/sheet-plan/layout.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { buildCliOnce } from '../support/cli-build.js';
import { cli } from './cli-helpers.js';
import { tempDir } from './helpers.js';
import { OUR_REVIEW } from './support/custom-framework.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let review = '';
let original: Buffer;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-cli-errors-'));
  review = join(dir, 'review.xlsx');
  const r = await cli('new', review, '--framework', 'partnership-tree', '--respondent', 'Alex', '--respondent', 'Sam', '--quiet');
  expect(r.code).toBe(0);
  original = await readFile(review);
});
afterAll(() => cleanup());

/** The error line: the last line on stderr, which must be one line saying what to do. */
function errorLine(stderr: string): string {
  const lines = stderr.split('\n').filter(Boolean);
  return lines[lines.length - 1] ?? '';
}

async function unchanged(path: string, bytes: Buffer): Promise<void> {
  expect((await readFile(path)).equals(bytes)).toBe(true);
  // and no temporary file left beside it
  expect((await readdir(dir)).filter((n) => n.includes('.tmp'))).toEqual([]);
}

describe('frameworks', () => {
  it('--json lists every built-in as {id, title, source, items}', async () => {
    const r = await cli('frameworks', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ id: string; title: string; source: string; items: number }>;
    const expected = frameworkSummaries();
    // the seven built-ins, in the catalogue's order (a hand list: a framework added or dropped must show here)
    expect(list.map((f) => f.id)).toEqual([
      'partnership-tree',
      'hallmarks',
      'nru-partnership',
      'delivery-tracker',
      'risk-exercise',
      'framework-review',
      'biannual-review',
    ]);
    for (const [i, f] of list.entries()) {
      expect(f).toMatchObject({
        id: expected[i]!.id,
        title: expected[i]!.title,
        source: expected[i]!.source.reference,
        items: expected[i]!.items,
      });
    }
    expect(list.find((f) => f.id === 'hallmarks')!.items).toBe(67);
    expect(list.find((f) => f.id === 'partnership-tree')!.items).toBe(6);
  });

  it('without --json prints one entry per framework', async () => {
    const r = await cli('frameworks');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^partnership-tree +Partnership tree self-assessment \(6 scored items\)$/m);
  });
});

describe('arguments', () => {
  it.each([
    [['bogus'], /"bogus" is not a command/],
    [['check'], /check needs <review\.xlsx>/],
    [['check', 'a.xlsx', 'b.xlsx'], /"b\.xlsx" is one too many/],
    [['check', 'a.xlsx', '--framework', 'x'], /check does not take --framework/],
    [['check', 'a.xlsx', '--colour'], /unknown option '--colour'/i],
    [['new', 'a.xlsx', '--framework', 'hallmarks', '--respondents', 'ten'], /--respondents needs a whole number/],
    [['check', 'a.xlsx', '--today', '31/03/2026'], /--today needs a date written YYYY-MM-DD/],
    [['new', 'a.xlsx', '--framework', 'hallmarks', '--respondent', '-1'], /use '--respondent=-XYZ'/],
  ])('%j → exit 2 with one line', async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^partnership-review: /);
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('partnership-review summarise <review.xlsx> [--json] [--previous <last-review.xlsx>]');
  });
});

describe('new', () => {
  it('refuses to overwrite a file that exists', async () => {
    const r = await cli('new', review, '--framework', 'hallmarks');
    expect(r.code).toBe(2);
    expect(errorLine(r.stderr)).toMatch(/review\.xlsx already exists: choose another name/);
    await unchanged(review, original);
  });

  it('names the built-in frameworks when the one asked for does not exist', async () => {
    const path = join(dir, 'nope.xlsx');
    const r = await cli('new', path, '--framework', 'partnership-trees');
    expect(r.code).toBe(2);
    expect(errorLine(r.stderr)).toMatch(/no built-in framework "partnership-trees"\. Choose one of: partnership-tree, hallmarks/);
    await expect(readFile(path)).rejects.toThrow();
  });

  it('needs --framework and a name ending .xlsx', async () => {
    expect(errorLine((await cli('new', join(dir, 'x.xlsx'))).stderr)).toMatch(/new needs --framework <id>/);
    expect(errorLine((await cli('new', join(dir, 'x.csv'), '--framework', 'hallmarks')).stderr)).toMatch(
      /give the workbook a name ending in \.xlsx/,
    );
  });

  it('says so when the folder does not exist', async () => {
    const r = await cli('new', join(dir, 'no-such-folder', 'r.xlsx'), '--framework', 'hallmarks', '--quiet');
    expect(r.code).toBe(2);
    expect(errorLine(r.stderr)).toMatch(/could not be written: the folder .*no-such-folder does not exist/);
  });

  it('takes a custom framework from a .json file, and explains what is wrong with a bad one', async () => {
    const good = join(dir, 'custom.json');
    await writeFile(good, JSON.stringify(OUR_REVIEW));
    const path = join(dir, 'custom.xlsx');
    const r = await cli('new', path, '--framework', good, '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((await cli('check', path, '--quiet')).code).toBe(0);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"id": "x", "title": "X", "sections": []}');
    const b = await cli('new', join(dir, 'bad.xlsx'), '--framework', bad);
    expect(b.code).toBe(2);
    expect(errorLine(b.stderr)).toMatch(/bad\.json is not a framework that can be used: /);
  });
});

describe('files that cannot be used', () => {
  it('a missing file', async () => {
    const r = await cli('check', join(dir, 'missing.xlsx'));
    expect(r.code).toBe(2);
    expect(errorLine(r.stderr)).toMatch(/missing\.xlsx was not found: check the name and the folder\./);
  });

  it('a damaged or non-xlsx file is refused with one line and left untouched', async () => {
    const cases: Array<[string, Buffer, RegExp]> = [
      [
        'junk.xlsx',
        Buffer.from('this is not a spreadsheet\n'),
        /junk\.xlsx is not an \.xlsx workbook \(or is damaged\): it is not a zip package/,
      ],
      ['empty.xlsx', Buffer.alloc(0), /empty\.xlsx is not an \.xlsx workbook \(or is damaged\): the file is empty/],
      [
        'truncated.xlsx',
        original.subarray(0, Math.floor(original.length / 2)),
        /truncated\.xlsx is not an \.xlsx workbook \(or is damaged\)/,
      ],
      [
        'old.xlsx',
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        /old\.xlsx is not an \.xlsx workbook \(or is damaged\): it is an older Excel 97–2003 workbook \(\.xls\)/,
      ],
      [
        // a password-protected .xlsx: a compound file whose directory names the EncryptedPackage stream (UTF-16)
        'locked.xlsx',
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(504),
          Buffer.from('EncryptedPackage', 'utf16le'),
        ]),
        /locked\.xlsx is protected with a password \(encrypted\), so it cannot be read: open it in Excel, remove the password/,
      ],
      [
        'responses.csv',
        Buffer.from('Name,ASPIRE\r\nAlex,2\r\n'),
        /responses\.csv is a text file \(CSV\), not a review workbook: give the review \.xlsx first; a Forms export is imported with "partnership-review import <review\.xlsx> .*responses\.csv"/,
      ],
    ];
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    cases.push([
      'letter.xlsx',
      await zip.generateAsync({ type: 'nodebuffer' }),
      /letter\.xlsx is not an \.xlsx workbook \(or is damaged\): it holds no spreadsheet/,
    ]);
    for (const [name, bytes, message] of cases) {
      const path = join(dir, name);
      await writeFile(path, bytes);
      for (const args of [
        ['check', path],
        ['summarise', path],
        ['import', path, path],
      ]) {
        const r = await cli(...args, '--quiet');
        expect(r.code, `${args.join(' ')}`).toBe(2);
        expect(r.stderr.split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(message);
        await unchanged(path, bytes);
      }
    }
  });

  it('a workbook from another tool is not a review workbook (exit 2) and is left untouched', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Budget').getCell('A1').value = 'Spend 2026/27';
    const path = join(dir, 'budget.xlsx');
    await wb.xlsx.writeFile(path);
    const bytes = await readFile(path);
    const c = await cli('check', path, '--quiet');
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/^partnership-review: .*budget\.xlsx is not a Partnership Review workbook: /);
    expect(c.stderr.split('\n')).toHaveLength(1);
    const s = await cli('summarise', path, '--quiet');
    expect(s.code).toBe(2);
    await unchanged(path, bytes);
  });

  it.each([
    ['LibreOffice', (name: string) => `.~lock.${name}#`],
    // Excel's owner file is ~$ and the whole name (Word's drops letters: see file-safety.test.ts)
    ['Excel', (name: string) => `~$${name}`],
  ])('a file open in %s is not touched', async (app, lockName) => {
    const path = join(dir, 'open-review.xlsx');
    await copyFile(review, path);
    const lock = join(dir, lockName('open-review.xlsx'));
    await writeFile(lock, 'owner');
    try {
      const r = await cli('summarise', path);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `partnership-review: ${path} is open in ${app} (its lock file ${lockName('open-review.xlsx')} is beside it): close it there and try again; if it is not open anywhere, delete that lock file.`,
      );
      await unchanged(path, original);
    } finally {
      await rm(lock);
    }
  });
});

describe('import', () => {
  it('reports columns it cannot match, keeps formula-like text as text, and updates people already there', async () => {
    const path = join(dir, 'import.xlsx');
    await copyFile(review, path);
    const csv = join(dir, 'forms.csv');
    await writeFile(
      csv,
      [
        'Name,Email,ASPIRE,ASPIRE comment,THINK How the partnership thinks,Favourite colour',
        'Alex,alex@example.invalid,3,"=HYPERLINK(""http://example.invalid"",""click"")",2,blue',
        'Robin,robin@example.invalid,present in parts,@SUM(1),,green',
      ].join('\n'),
    );
    const r = await cli('import', path, csv, '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 respondent added (Robin), 1 updated (Alex)');
    expect(r.stdout).toContain('"Favourite colour"');
    const host = await XlsxHost.open(path);
    const values = (await host.read({ tabs: [TAB.entry] })).tabs[TAB.entry]!.values;
    const alex = values.find((row) => row[0] === 'Alex')!;
    const robin = values.find((row) => row[0] === 'Robin')!;
    expect(alex).toContain('=HYPERLINK("http://example.invalid","click")');
    expect(alex).toContain(3);
    expect(robin).toContain('@SUM(1)');
    // nothing typed became a formula
    const wb = new JSZip();
    const zip = await wb.loadAsync(await readFile(path));
    const sheets = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    let responsesXml = '';
    for (const p of sheets) {
      const x = await zip.file(p)!.async('string');
      if (x.includes('HYPERLINK')) responsesXml = x;
    }
    expect(responsesXml).toBe('');
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('=HYPERLINK(&quot;http://example.invalid&quot;,&quot;click&quot;)');
  });

  it('reads the first sheet of an .xlsx export (Microsoft Forms)', async () => {
    const path = join(dir, 'import2.xlsx');
    await copyFile(review, path);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Form1');
    ws.addRow(['Id', 'Start time', 'Name', 'ASPIRE', 'DELIVER comment']);
    ws.addRow([1, new Date(Date.UTC(2026, 10, 20, 9, 0)), 'Sam', 2, 'Good potential to join up the delivery chain']);
    wb.addWorksheet('Other').getCell('A1').value = 'not read';
    const xlsx = join(dir, 'forms.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const r = await cli('import', path, xlsx, '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 updated (Sam)');
  });

  it('a missing responses file leaves the review untouched', async () => {
    const path = join(dir, 'import3.xlsx');
    await copyFile(review, path);
    const r = await cli('import', path, join(dir, 'nothing.csv'));
    expect(r.code).toBe(2);
    expect(errorLine(r.stderr)).toMatch(/nothing\.csv was not found/);
    await unchanged(path, original);
  });
});

describe('the package bin', () => {
  beforeAll(buildCliOnce, 60_000);

  it('runs the built JavaScript from any folder', async () => {
    const bin = join(process.cwd(), 'file-host', 'bin', 'partnership-review.mjs');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'frameworks', '--json'], { cwd: dir });
    expect((JSON.parse(stdout) as unknown[]).length).toBe(7); // the seven built-in frameworks
  });

  it('ends with exit code 2 and one line on a damaged file', async () => {
    const bin = join(process.cwd(), 'file-host', 'bin', 'partnership-review.mjs');
    const path = join(dir, 'bad-bin.xlsx');
    await writeFile(path, 'nonsense');
    const res = await promisify(execFile)(process.execPath, [bin, 'check', path]).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
  });
});
