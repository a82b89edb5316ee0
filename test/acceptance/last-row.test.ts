/**
 * A respondent typed in Excel's last row (1,048,576): `summarise` counts them, no Summary formula refers past that
 * row, and LibreOffice recalculating the saved workbook gets the same figures as the command line (it counted 1
 * respondent where the command line counted 3 when the ranges ran to row 1,049,576).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import { cli } from '../file-host/cli-helpers.js';
import { tempDir } from '../file-host/helpers.js';
import { convert, freshProfile, soffice } from '../parity/libreoffice.js';
import { unzipPackage } from '../support/ooxml-validate.js';
import { newArgs } from '../support/review-files.js';
import { parseXml, sharedStrings, sheetParts } from '../support/sheet-canonical.js';

const SCRIPT = fileURLToPath(new URL('./fixtures/make_fixtures.py', import.meta.url));
const HAVE_PYTHON = (() => {
  try {
    execFileSync('python3', ['-c', 'import lxml'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const HAVE_SOFFICE = soffice() !== null;
if (!HAVE_PYTHON) console.warn('last-row test: skipped — python3 with lxml is needed; scripts/setup.sh installs it.');

/** Summary formula cells: address → { formula, cached value } read from the package. */
function summaryFormulas(bytes: Uint8Array): Map<string, { f: string; v: string | number | null }> {
  const parts = unzipPackage(bytes);
  const sst = sharedStrings(parts.get('xl/sharedStrings.xml'));
  const doc = parseXml(parts.get(sheetParts(parts).get('Summary')!)!);
  const out = new Map<string, { f: string; v: string | number | null }>();
  for (const c of Array.from(doc.getElementsByTagName('c'))) {
    const f = c.getElementsByTagName('f')[0]?.textContent;
    if (!f) continue;
    const raw = c.getElementsByTagName('v')[0]?.textContent ?? null;
    const t = c.getAttribute('t');
    const v = raw === null ? null : t === 's' ? sst[Number(raw)]! : t === 'str' || t === 'e' || t === 'b' ? raw : Number(raw);
    out.set(c.getAttribute('r')!, { f, v });
  }
  return out;
}

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let summarised: Uint8Array;
let stdout = '';

beforeAll(async () => {
  if (!HAVE_PYTHON) return;
  ({ dir, cleanup } = await tempDir('pr-last-row-'));
  const base = join(dir, 'base.xlsx');
  const f = builtinFrameworks().find((x) => x.id === 'partnership-tree')!;
  const made = await cli(...newArgs(base, f, ['--respondents', '2']));
  if (made.code !== 0) throw new Error(made.stderr);
  execFileSync('python3', [SCRIPT, base, dir, 'last-row.xlsx'], { stdio: 'pipe' });
  const r = await cli('summarise', join(dir, 'last-row.xlsx'), '--quiet');
  if (r.code !== 0) throw new Error(r.stderr);
  stdout = r.stdout;
  summarised = new Uint8Array(await readFile(join(dir, 'last-row.xlsx')));
}, 300_000);
afterAll(() => cleanup());

describe.skipIf(!HAVE_PYTHON)('a value typed in row 1,048,576', () => {
  it('is counted: three respondents (rows 6, 7 and 1,048,576)', () => {
    expect(stdout).toContain('3 respondents');
    const cells = summaryFormulas(summarised);
    const counta = [...cells.values()].find((c) => c.f.startsWith('COUNTA(Responses!$A$6:'));
    expect(counta).toEqual({ f: 'COUNTA(Responses!$A$6:$A$1048576)', v: 3 });
  });

  it('no Summary formula refers past row 1,048,576', () => {
    const rows = [...summaryFormulas(summarised).values()].flatMap((c) =>
      [...c.f.replace(/"(?:[^"]|"")*"/g, '""').matchAll(/\$?[A-Z]{1,3}\$?(\d+)\b/g)].map((m) => Number(m[1])),
    );
    expect(rows.length).toBeGreaterThan(50);
    expect(Math.max(...rows)).toBe(1_048_576);
  });

  it.skipIf(!HAVE_SOFFICE)(
    'LibreOffice recalculates every Summary formula to the command line’s figure',
    async () => {
      const out = join(dir, 'lo');
      await convert([join(dir, 'last-row.xlsx')], 'xlsx', out, await freshProfile());
      const core = summaryFormulas(summarised);
      const lo = summaryFormulas(new Uint8Array(await readFile(join(out, 'last-row.xlsx'))));
      let numbers = 0;
      for (const [at, c] of core) {
        const l = lo.get(at);
        if (typeof c.v === 'number') {
          numbers++;
          expect(typeof l?.v, `${at} ${c.f}`).toBe('number');
          expect(Math.abs((l!.v as number) - c.v), `${at} ${c.f}`).toBeLessThan(1e-9);
        }
      }
      expect(numbers).toBeGreaterThan(20);
    },
    300_000,
  );
});
