/**
 * Issue #11, the previous review through the command line: `summarise --previous last.xlsx` fills the Previous
 * Review tab, later plain runs (and --json) compare with that tab until a person clears it; a change counts only past
 * the framework's threshold (a tenth of the scale's range: 0.2 on the partnership tree's 1–3 scale); the comparison
 * has an overall row; per-partnership figures stay per partnership; another framework, the same file or a copy of it,
 * and a tab holding other means are refused (exit 2, nothing written). Also: a drafted action quoting a comment cut
 * at an emoji reads back as drafted, so it is refreshed when the scores change.
 * Every expected figure is worked out by hand in the comments.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/review/types.js';
import { newTab } from '../../core/sheet-plan/tab.js';
import type { TabPlan } from '../../core/sheet-plan/types.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { cli, dumpWorkbook } from './cli-helpers.js';
import { tempDir } from './helpers.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-previous-'));
});
afterAll(() => cleanup());

async function csv(name: string, text: string): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, text);
  return p;
}

/** Cells typed as a person types them, through the file host. */
async function type(file: string, sheet: string, cells: { row: number; col: number; value: CellValue }[]): Promise<void> {
  const host = await XlsxHost.open(file);
  const tab: TabPlan = {
    ...newTab(sheet, 'previous', 'update'),
    blocks: cells.map((c) => ({ row: c.row, col: c.col, cells: [[{ v: c.value }]], owner: 'input' as const })),
  };
  await host.apply({ tabs: [tab], namedRanges: [] });
  await host.save(file);
}

interface Row {
  id: string;
  previous: number | null;
  current: number | null;
  delta: number | null;
  change: string;
  threshold?: number;
}
interface Cmp {
  items: Row[];
  sections: Row[];
  overall: Row;
  thresholdFraction: number;
  partnerships?: Record<string, Cmp>;
}

async function json(...args: string[]): Promise<{ comparison?: Cmp; plan: { ref: string; action: string; origin: string }[] }> {
  const r = await cli(...args, '--json', '-q');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** A review of the partnership tree with eight respondents' ASPIRE and THINK scores. */
async function review(name: string, cycle: string, aspire: number[], think: number[]): Promise<string> {
  const file = join(dir, name);
  const made = await cli('new', file, '--framework', 'partnership-tree', '--respondents', '0', '--cycle', cycle, '-q');
  expect(made.code, made.stderr).toBe(0);
  const rows = aspire.map((a, i) => `${i + 1},Person ${i + 1},${a},${think[i]}`).join('\n');
  const r = await cli('import', file, await csv(`${name}.csv`, `ID,Name,ASPIRE,THINK\n${rows}\n`), '-q');
  expect(r.code, r.stderr).toBe(0);
  return file;
}

const row = (id: string, previous: number | null, current: number | null, delta: number | null, change: string): Row => ({
  id,
  previous,
  current,
  delta,
  change,
  threshold: 0.2,
});

describe('summarise --previous fills the Previous Review tab, and later runs compare with it', () => {
  // last cycle: ASPIRE all 2 (mean 2), THINK all 2 (mean 2); overall (2 + 2) / 2 = 2
  // this cycle: ASPIRE seven 2s and one 3 → 17 / 8 = 2.125 (one person one step: +0.125, under 0.2: unchanged);
  // THINK all 3 → 3 (+1: improved); overall (2.125 + 3) / 2 = 2.5625 (+0.5625: improved)
  let last = '';
  let now = '';
  const expected = {
    aspire: row('ASPIRE', 2, 2.125, 0.125, 'unchanged'),
    think: row('THINK', 2, 3, 1, 'improved'),
    overall: row('overall', 2, 2.5625, 0.5625, 'improved'),
  };
  beforeAll(async () => {
    last = await review('last.xlsx', '2025/26', [2, 2, 2, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2, 2, 2]);
    now = await review('now.xlsx', '2026/27', [2, 2, 2, 2, 2, 2, 2, 3], [3, 3, 3, 3, 3, 3, 3, 3]);
  });

  it('compares, fills the tab, and the next plain summarise (and --json) compares with the tab', async () => {
    const first = await cli('summarise', now, '--previous', last, '-q');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Compared with ${last} (2025/26); its figures are now on the Previous Review tab`);
    const tab = (await dumpWorkbook(now))['Previous Review']!;
    // rows 5–10: the six characteristics (each its own section), row 11: overall
    expect(tab['B2']!.value).toBe('2025/26');
    expect([tab['C5']?.value, tab['C6']?.value, tab['C7']?.value, tab['C11']?.value]).toEqual([2, 2, undefined, 2]);
    expect([tab['A11']?.value, tab['B11']?.value]).toEqual(['overall', 'Overall']);

    const again = await cli('summarise', now, '-q');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Compared with the figures on the Previous Review tab');
    const model = await json('summarise', now);
    expect(model.comparison!.items.slice(0, 2)).toEqual([expected.aspire, expected.think]);
    expect(model.comparison!.overall).toEqual(expected.overall);
    expect(model.comparison!.thresholdFraction).toBe(0.1);
    // the Summary shows the overall row and the rule
    const summary = Object.values((await dumpWorkbook(now))['Summary']!).map((c) => c.value);
    expect(summary).toContain('Change since the previous review (2025/26)');
    expect(summary).toContain('Overall (mean of the sections)');
    expect(summary).toContain(
      "Improved or Declined only when the mean moved by at least 10% of the scale's range (0.2 on the 1–3 scale); a smaller move is Unchanged (a setting of the framework).",
    );
    // the same --previous again: the tab already holds exactly these means, so it is filled (unchanged) again
    expect((await cli('summarise', now, '--previous', last, '-q')).code).toBe(0);
  });

  it('a tab holding other means is not overwritten: refused, naming the cell, nothing written', async () => {
    const file = join(dir, 'typed.xlsx');
    await copyFile(now, file);
    await type(file, 'Previous Review', [{ row: 5, col: 3, value: 2.4 }]);
    const before = await readFile(file);
    const r = await cli('summarise', file, '--previous', last, '-q');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Previous Review!C5 holds 2.4, ${last} gives 2`);
    expect(r.stderr).toContain('clear the means and the previous cycle');
    expect((await readFile(file)).equals(before)).toBe(true);
    // without --previous it compares with what the person typed: 2.125 − 2.4 = −0.275, past 0.2: declined
    const model = await json('summarise', file);
    expect(model.comparison!.items[0]!.change).toBe('declined');
    expect(model.comparison!.items[0]!.previous).toBe(2.4);
  });

  it('cleared by a person: no comparison any more', async () => {
    const file = join(dir, 'cleared.xlsx');
    await copyFile(now, file);
    await type(file, 'Previous Review', [5, 6, 11].map((r) => ({ row: r, col: 3, value: null })).concat([{ row: 2, col: 2, value: null }]));
    const model = await json('summarise', file);
    expect(model.comparison).toBeUndefined();
    const summary = Object.values((await dumpWorkbook(file))['Summary']!).map((c) => String(c.value));
    expect(summary.some((v) => v.startsWith('Change since the previous review'))).toBe(false);
  });

  it('a review of another framework is refused, nothing written', async () => {
    const other = join(dir, 'other.xlsx');
    expect((await cli('new', other, '--framework', 'nru-partnership', '--respondents', '0', '--cycle', '2025/26', '-q')).code).toBe(0);
    const before = await readFile(now);
    const r = await cli('summarise', now, '--previous', other, '-q');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${other} is a review of “`);
    expect(r.stderr).toContain('so their scores cannot be compared');
    expect((await readFile(now)).equals(before)).toBe(true);
    expect((await cli('score', now, '--previous', other, '-q')).code).toBe(2);
  });

  it('the same file, a copy of it, and a copy saved since are refused, nothing written', async () => {
    const before = await readFile(now);
    const same = await cli('summarise', now, '--previous', now, '-q');
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('is the review itself');
    const copy = join(dir, 'copy.xlsx');
    await copyFile(now, copy);
    const copied = await cli('summarise', now, '--previous', copy, '-q');
    expect(copied.code).toBe(2);
    expect(copied.stderr).toContain('is a copy of the review itself');
    // the copy changed since (summarised again, other bytes): the same review id in PR_Meta
    expect((await cli('summarise', copy, '--today', '2026-12-01', '-q')).code).toBe(0);
    const saved = await cli('summarise', now, '--previous', copy, '-q');
    expect(saved.code).toBe(2);
    expect(saved.stderr).toContain('is this same review (cycle 2026/27), or a copy of it');
    expect((await readFile(now)).equals(before)).toBe(true);
  });
});

describe('per-partnership figures stay per partnership', () => {
  it('fills a column per partnership and compares each partnership with its own', async () => {
    const make = async (name: string, cycle: string, north: number, south: number) => {
      const file = join(dir, name);
      expect(
        (
          await cli(
            'new',
            file,
            '--framework',
            'partnership-tree',
            '--respondents',
            '0',
            '--cycle',
            cycle,
            '--partnership',
            'North',
            '--partnership',
            'South',
            '-q',
          )
        ).code,
      ).toBe(0);
      const rows = [1, 2, 3, 4].map((i) => `${i},N${i},North,${north}`).concat([5, 6, 7, 8].map((i) => `${i},S${i},South,${south}`));
      const r = await cli('import', file, await csv(`${name}.csv`, `ID,Name,Partnership,ASPIRE\n${rows.join('\n')}\n`), '-q');
      expect(r.code, r.stderr).toBe(0);
      return file;
    };
    // last: North 1, South 3 → whole 2; now: North 2 (+1 improved), South 3 (0 unchanged) → whole 2.5 (+0.5 improved)
    const last = await make('p-last.xlsx', '2025/26', 1, 3);
    const now = await make('p-now.xlsx', '2026/27', 2, 3);
    expect((await cli('summarise', now, '--previous', last, '-q')).code).toBe(0);
    const tab = (await dumpWorkbook(now))['Previous Review']!;
    expect([tab['C3']?.value, tab['D3']?.value, tab['E3']?.value]).toEqual([
      'Previous mean',
      'Previous mean: North',
      'Previous mean: South',
    ]);
    expect([tab['C5']?.value, tab['D5']?.value, tab['E5']?.value]).toEqual([2, 1, 3]);
    const model = await json('summarise', now);
    expect(model.comparison!.items[0]).toEqual(row('ASPIRE', 2, 2.5, 0.5, 'improved'));
    expect(model.comparison!.partnerships!['North']!.items[0]).toEqual(row('ASPIRE', 1, 2, 1, 'improved'));
    expect(model.comparison!.partnerships!['South']!.items[0]).toEqual(row('ASPIRE', 3, 3, 0, 'unchanged'));
    expect(model.comparison!.partnerships!['North']!.overall).toEqual(row('overall', 1, 2, 1, 'improved'));
  });
});

describe('a drafted action quoting a comment cut at an emoji', () => {
  it('reads back as drafted, so it is refreshed when the scores rise', async () => {
    const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
    const file = join(dir, 'emoji.xlsx');
    expect((await cli('new', file, '--framework', 'partnership-tree', '--respondents', '0', '-q')).code).toBe(0);
    // 158 letters, then the family as the 159th character: the quote keeps it whole, then "…"
    const comment = `${'x'.repeat(158)}${FAMILY} and more`;
    const r = await cli('import', file, await csv('emoji.csv', `ID,Name,ASPIRE,ASPIRE comment\n1,Ann,1,${comment}\n2,Bob,1,\n`), '-q');
    expect(r.code, r.stderr).toBe(0);
    const first = await json('summarise', file);
    const aspire = first.plan.find((p) => p.ref === 'ASPIRE')!;
    expect(aspire.action).toContain(`“${'x'.repeat(158)}${FAMILY}…”`);
    expect(aspire.action).toContain('scored 1 of 3');
    // the scores rise to 2: the untouched row is refreshed (not kept as if a person had edited it)
    const up = await cli(
      'import',
      file,
      await csv('emoji2.csv', `ID,Name,ASPIRE,ASPIRE comment\n1,Ann,2,${comment}\n2,Bob,2,\n`),
      '-q',
      '--prefer-export',
    );
    expect(up.code, up.stderr).toBe(0);
    const second = await json('summarise', file);
    const again = second.plan.find((p) => p.ref === 'ASPIRE')!;
    expect(again.origin).toBe('drafted');
    expect(again.action).toContain('scored 2 of 3');
  });
});
