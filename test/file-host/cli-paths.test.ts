/**
 * File names the command line has to take as typed: names beginning with "-", names with spaces and shell
 * characters in the hints it prints, and a responses file that is the review itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { shellPath } from '../../file-host/cli/io.js';
import { buildCliOnce } from '../support/cli-build.js';
import { cli } from './cli-helpers.js';
import { tempDir } from './helpers.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-cli-paths-'));
});
afterAll(() => cleanup());

const BIN = join(process.cwd(), 'file-host', 'bin', 'partnership-review.mjs');

/** The built command line run in `cwd`, as a person would type it there. */
async function bin(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [BIN, ...args], { cwd }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('a file name beginning with "-"', () => {
  beforeAll(buildCliOnce, 60_000);

  it('bare, it is refused with how to give it, and nothing is made', async () => {
    const sub = join(dir, 'bare');
    await mkdir(sub);
    const r = await bin(sub, 'new', '-review.xlsx', '--framework', 'hallmarks', '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'partnership-review: "-review.xlsx" begins with "-", so it reads as an option, not a file name: give it as ./-review.xlsx (or put -- after every option and before the file names). Run "partnership-review --help" for the commands.\n',
    );
    expect(await readdir(sub)).toEqual([]);
  });

  it('as ./-x.xlsx or after --, it is made and read', async () => {
    const sub = join(dir, 'given');
    await mkdir(sub);
    const made = await bin(sub, 'new', './-x.xlsx', '--framework', 'partnership-tree', '--quiet');
    expect(made.code, made.stderr).toBe(0);
    const after = await bin(sub, 'new', '--framework', 'partnership-tree', '--quiet', '--', '-y.xlsx');
    expect(after.code, after.stderr).toBe(0);
    // the command it prints to paste gives the name as ./-y.xlsx
    expect(after.stdout).toContain('then "partnership-review check ./-y.xlsx".');
    expect((await readdir(sub)).sort()).toEqual(['-x.xlsx', '-y.xlsx']);
    const checked = await bin(sub, 'check', '--quiet', '--', '-x.xlsx');
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/^No errors: every entry can be scored\./);
    const dotSlash = await bin(sub, 'check', './-y.xlsx', '--quiet');
    expect(dotSlash.code, dotSlash.stderr).toBe(0);
  });

  it('an option written after -- is named as such', async () => {
    const r = await cli('new', '--', '-z.xlsx', '--framework', 'hallmarks');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'partnership-review: new takes <review.xlsx>; "--framework" is one too many: everything after -- is read as a file name, so put options such as --framework before --. Run "partnership-review --help" for the commands.',
    );
  });

  it.each([
    [['import', '-r.xlsx', 'answers.csv'], '"-r.xlsx" begins with "-", so it reads as an option, not a file name: give it as ./-r.xlsx'],
    // -q is an option, so "-q.xlsx" is not options either
    [['check', '-q.xlsx'], '"-q.xlsx" begins with "-", so it reads as an option, not a file name: give it as ./-q.xlsx'],
    [['check', 'sub/-a.xlsx'], 'sub/-a.xlsx was not found'],
    [
      ['report', 'a.xlsx', '--out', '-r.docx'],
      '--out is followed by "-r.docx", which begins with "-" and so reads as an option: write --out=-r.docx or --out ./-r.docx.',
    ],
    [['summarise', 'a.xlsx', '--previous', '-last.xlsx'], 'write --previous=-last.xlsx or --previous ./-last.xlsx.'],
    // a name is not a file: no ./ for it
    [['new', 'a.xlsx', '--framework', 'hallmarks', '--partnership', '-J.Smith'], 'write --partnership=-J.Smith. Run'],
    // not a file name: the option parser's own words
    [['check', 'a.xlsx', '-x'], "unknown option '-x'"],
  ])('%j → exit 2, one line', async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
  });
});

describe('the commands printed for pasting ("Next: …")', () => {
  beforeAll(buildCliOnce, 60_000);

  it('quote a path as a POSIX shell needs it, and only when it needs it', () => {
    expect(shellPath('review.xlsx')).toBe('review.xlsx');
    expect(shellPath('/srv/reviews/2026-27/Café_v2,final.xlsx')).toBe('/srv/reviews/2026-27/Café_v2,final.xlsx');
    expect(shellPath('my review.xlsx')).toBe("'my review.xlsx'");
    expect(shellPath("my review's (1).xlsx")).toBe("'my review'\\''s (1).xlsx'");
    expect(shellPath('$HOME & `x`;*.xlsx')).toBe("'$HOME & `x`;*.xlsx'");
    expect(shellPath('~/r.xlsx')).toBe("'~/r.xlsx'");
    expect(shellPath('-x.xlsx')).toBe('./-x.xlsx');
    expect(shellPath('-a b.xlsx')).toBe("'./-a b.xlsx'");
  });

  it('after new and import, the printed command runs when pasted into sh', async () => {
    const sub = join(dir, 'pasting');
    await mkdir(sub);
    const name = "my review's (1) & $x.xlsx";
    const made = await bin(sub, 'new', name, '--framework', 'partnership-tree', '--respondents', '0', '--quiet');
    expect(made.code, made.stderr).toBe(0);
    const quoted = "'my review'\\''s (1) & $x.xlsx'";
    expect(made.stdout.split('\n')[1]).toBe(
      `Next: fill in the Responses tab (or run "partnership-review import ${quoted} <responses.csv>"), then "partnership-review check ${quoted}".`,
    );
    await writeFile(join(sub, 'forms.csv'), 'Name,ASPIRE\nAlex,3\n');
    const imported = await bin(sub, 'import', name, 'forms.csv', '--quiet');
    expect(imported.code, imported.stderr).toBe(0);
    const next = imported.stdout.trim().split('\n').at(-1)!;
    expect(next).toBe(`Next: partnership-review check ${quoted}`);
    // pasted into a shell, with the bin for "partnership-review"
    const pasted = next.replace(/^Next: partnership-review /, `"${process.execPath}" "${BIN}" `) + ' --quiet';
    const ran = await promisify(execFile)('/bin/sh', ['-c', pasted], { cwd: sub }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stderr }),
    );
    expect(ran.code, ran.stdout).toBe(0);
    expect(ran.stdout).toMatch(/^No errors: every entry can be scored\./);
  });
});

describe('import given a review where the responses export belongs', () => {
  const SAY =
    "not the responses export: the second file must be the export of the form's responses — the CSV, or the .xlsx that Microsoft Forms or Google Forms downloads. Nothing was changed.";

  it('the review itself (the same path, another spelling of it, a link), or a copy of a review: said plainly, nothing written', async () => {
    const sub = join(dir, 'self');
    await mkdir(sub);
    const review = join(sub, 'review.xlsx');
    expect((await cli('new', review, '--framework', 'partnership-tree', '--quiet')).code).toBe(0);
    const before = await readFile(review);
    await symlink('review.xlsx', join(sub, 'link.xlsx'));
    await copyFile(review, join(sub, 'copy.xlsx'));
    for (const [responses, what] of [
      [review, 'the review workbook itself'],
      [join(sub, '.', 'review.xlsx'), 'the review workbook itself'],
      [join(sub, 'link.xlsx'), 'the review workbook itself'],
      [join(sub, 'copy.xlsx'), 'a Partnership Review workbook (a review or an LSP plan)'],
    ] as const) {
      const r = await cli('import', review, responses, '--quiet');
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`partnership-review: ${responses} is ${what}, ${SAY}`);
    }
    expect((await readFile(review)).equals(before)).toBe(true);
    expect((await readdir(sub)).sort()).toEqual(['copy.xlsx', 'link.xlsx', 'review.xlsx']);
  });
});
