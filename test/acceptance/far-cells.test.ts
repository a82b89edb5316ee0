/**
 * A person's note in Excel's last cell (XFD1048576) or last column (XFD2) of Responses. The tab is then read as a
 * rectangle from A1 to that cell: 17 billion cells, which ran `check` out of memory after minutes. Now `check` names
 * the cell, `summarise` works, and `import` (whose two hidden columns go to the right of everything used) is refused
 * with a line that says why, leaving the file unchanged. Fixtures are made by test/acceptance/fixtures/make_fixtures.py.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import { cli } from '../file-host/cli-helpers.js';
import { tempDir } from '../file-host/helpers.js';
import { newArgs } from '../support/review-files.js';

const SCRIPT = fileURLToPath(new URL('./fixtures/make_fixtures.py', import.meta.url));
const HAVE_PYTHON = (() => {
  try {
    execFileSync('python3', ['-c', 'import lxml'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!HAVE_PYTHON) console.warn('far-cells test: skipped — python3 with lxml is needed; scripts/setup.sh installs it.');

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  if (!HAVE_PYTHON) return;
  ({ dir, cleanup } = await tempDir('pr-far-cells-'));
  const base = join(dir, 'base.xlsx');
  const f = builtinFrameworks().find((x) => x.id === 'partnership-tree')!;
  const made = await cli(...newArgs(base, f, ['--respondents', '2']));
  if (made.code !== 0) throw new Error(made.stderr);
  execFileSync('python3', [SCRIPT, base, dir, 'far-corner.xlsx', 'last-column.xlsx'], { stdio: 'pipe' });
  await writeFile(join(dir, 'export.csv'), 'Name,ASPIRE\r\nAlex Example,2\r\n');
}, 120_000);
afterAll(() => cleanup());

describe.skipIf(!HAVE_PYTHON)('a note in Excel’s last cell or column', () => {
  it('check names the note at XFD1048576 and does not fail', async () => {
    const r = await cli('check', join(dir, 'far-corner.xlsx'), '--quiet');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Responses!XFD1048576: Column XFD holds entries but has no key in the hidden key row');
  }, 60_000);

  it('summarise works and leaves the note where it is', async () => {
    const file = join(dir, 'far-corner.xlsx');
    const r = await cli('summarise', file, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Summary written to');
    const again = await cli('check', file, '--quiet');
    expect(again.stdout).toContain('Responses!XFD1048576:');
  }, 60_000);

  it('import is refused, saying there is no room to the right, and the file is unchanged', async () => {
    const file = join(dir, 'last-column.xlsx');
    const before = await readFile(file);
    const r = await cli('import', file, join(dir, 'export.csv'), '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Responses has something typed in its last columns (up to XFD');
    expect(r.stderr).toContain('clear the cells far to the right on Responses');
    expect((await readFile(file)).equals(before)).toBe(true);
  }, 60_000);
});
