/**
 * File names the command line has to take as typed: names beginning with "-", names with spaces and shell
 * characters in the hints it prints, and a responses file that is the review itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
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
    const r = await bin(dir, 'new', '-review.xlsx', '--framework', 'hallmarks', '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'partnership-review: "-review.xlsx" begins with "-", so it reads as an option, not a file name: give it as ./-review.xlsx (or put -- after every option and before the file names). Run "partnership-review --help" for the commands.\n',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('as ./-x.xlsx or after --, it is made and read', async () => {
    const made = await bin(dir, 'new', './-x.xlsx', '--framework', 'partnership-tree', '--quiet');
    expect(made.code, made.stderr).toBe(0);
    const after = await bin(dir, 'new', '--framework', 'partnership-tree', '--quiet', '--', '-y.xlsx');
    expect(after.code, after.stderr).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['-x.xlsx', '-y.xlsx']);
    const checked = await bin(dir, 'check', '--quiet', '--', '-x.xlsx');
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/^No errors: every entry can be scored\./);
    const dotSlash = await bin(dir, 'check', './-y.xlsx', '--quiet');
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
    [['report', 'a.xlsx', '--out', '-r.docx'], '--out is followed by "-r.docx", which begins with "-" and so reads as an option: write --out=-r.docx or --out ./-r.docx.'],
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
