/**
 * Issue #16 through the command line, on .xlsx files: `summarise --previous last.xlsx` on a delivery tracker carries
 * last cycle's Improvement Plan rows forward (with their status, as people left them) and fills a Previous Review
 * tab with last cycle's mean achievement per theme; a person's "Achieved?" and "Carry forward?" survive later runs
 * with and without --previous; a risk workbook or the same file is refused (exit 2, nothing written); the written
 * workbook is valid against the OOXML schemas. Every expected figure is worked out by hand in the comments.
 */
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/review/types.js';
import { newTab } from '../../core/sheet-plan/tab.js';
import type { TabPlan } from '../../core/sheet-plan/types.js';
import { columnLetter } from '../../core/util/a1.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { describeErrors, haveXmllint, validatePackages } from '../support/ooxml-validate.js';
import { cli, dumpWorkbook } from './cli-helpers.js';
import { tempDir } from './helpers.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-carry-'));
});
afterAll(() => cleanup());

const HAVE_XMLLINT = await haveXmllint();
const PLAN = 'Improvement Plan';

/** Cells typed as a person types them, through the file host; `key` names the column by its hidden key (row 4). */
async function type(file: string, sheet: string, cells: { row: number; key: string; value: CellValue }[]): Promise<void> {
  const keys = await keyColumns(file, sheet);
  const host = await XlsxHost.open(file);
  const tab: TabPlan = {
    ...newTab(sheet, 'register', 'update'),
    blocks: cells.map((c) => ({ row: c.row, col: keys[c.key]!, cells: [[{ v: c.value }]], owner: 'input' as const })),
  };
  await host.apply({ tabs: [tab], namedRanges: [] });
  await host.save(file);
}

async function keyColumns(file: string, sheet: string): Promise<Record<string, number>> {
  const tab = (await dumpWorkbook(file))[sheet]!;
  const out: Record<string, number> = {};
  for (let c = 1; c <= 40; c++) {
    const v = tab[`${columnLetter(c)}4`]?.value;
    if (typeof v === 'string') out[v] = c;
  }
  return out;
}

async function planCells(file: string, row: number, keys: string[]): Promise<unknown[]> {
  const cols = await keyColumns(file, PLAN);
  const tab = (await dumpWorkbook(file))[PLAN]!;
  return keys.map((k) => tab[`${columnLetter(cols[k]!)}${row}`]?.value ?? null);
}

/** A delivery tracker with one row per [theme, achievement]. */
async function tracker(name: string, cycle: string, rows: [string, number][]): Promise<string> {
  const file = join(dir, name);
  const made = await cli('new', file, '--framework', 'delivery-tracker', '--cycle', cycle, '-q');
  expect(made.code, made.stderr).toBe(0);
  await type(
    file,
    'Progress Tracker',
    rows.flatMap(([theme, achievement], i) => [
      { row: 5 + i, key: 'theme', value: theme },
      { row: 5 + i, key: 'issue', value: `Issue ${i + 1}` },
      { row: 5 + i, key: 'achievement', value: achievement },
    ]),
  );
  return file;
}

const WHAT = ['ref', 'status', 'keyContact', 'carriedFrom', 'achieved', 'carryForward'];

describe('summarise --previous on a delivery tracker', () => {
  let last = '';
  let now = '';
  beforeAll(async () => {
    // last cycle: Crime 1 and 2 → mean 1.5, both at or below 2: the plan drafts "Delivery – Crime"; Health 4
    last = await tracker('last.xlsx', '2025/26', [
      ['Crime', 1],
      ['Crime', 2],
      ['Health', 4],
    ]);
    expect((await cli('summarise', last, '--today', '2025-11-01', '-q')).code).toBe(0);
    expect(await planCells(last, 5, ['ref'])).toEqual(['Delivery – Crime']);
    // people worked on it: In progress, with a key contact
    await type(last, PLAN, [
      { row: 5, key: 'status', value: 'In progress' },
      { row: 5, key: 'keyContact', value: 'Sam Lee' },
    ]);
    // this cycle: Crime 4 and 5 → 4.5 (+3, past 0.4: improved); Health 3 (−1: declined); nothing weak to draft
    now = await tracker('now.xlsx', '2026/27', [
      ['Crime', 4],
      ['Crime', 5],
      ['Health', 3],
    ]);
  });

  it('carries the plan row forward with its status and fills the Previous Review tab', async () => {
    const r = await cli('summarise', now, '--previous', last, '-q');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Change by theme in mean achievement: 1 improved, 1 declined, 0 unchanged.');
    expect(r.stdout).toContain(
      'Last cycle\'s actions on the plan: 1 (0 achieved, 0 partly achieved, 0 not achieved, 1 not yet judged); 1 still open. Set "Achieved?" and "Carry forward?" on the Improvement Plan.',
    );
    expect(await planCells(now, 5, WHAT)).toEqual(['Delivery – Crime (2025/26)', 'In progress', 'Sam Lee', '2025/26', null, null]);
    expect(await planCells(now, 6, ['ref'])).toEqual([null]);
    const prev = (await dumpWorkbook(now))['Previous Review']!;
    // rows 5–11 the seven themes (Crime first, Health fourth), row 12 overall (1 + 2 + 4) / 3 = 2.3333
    expect([prev['B2']?.value, prev['A5']?.value, prev['C5']?.value, prev['A8']?.value, prev['C8']?.value]).toEqual([
      '2025/26',
      'Crime',
      1.5,
      'Health',
      4,
    ]);
    expect(prev['A12']?.value).toBe('overall');
    expect(Math.round((prev['C12']!.value as number) * 1e4) / 1e4).toBe(2.3333);
    if (HAVE_XMLLINT) {
      const res = await validatePackages(new Map([['now.xlsx', new Uint8Array(await readFile(now))]]));
      expect(res.errors, describeErrors(res.errors)).toEqual([]);
    }
  });

  it('keeps a person’s judgement and choice on later runs, with and without --previous', async () => {
    await type(now, PLAN, [
      { row: 5, key: 'achieved', value: 'Partly achieved' },
      { row: 5, key: 'carryForward', value: 'Yes' },
    ]);
    expect((await cli('summarise', now, '--previous', last, '-q')).code).toBe(0);
    expect((await cli('summarise', now, '-q')).code).toBe(0);
    expect(await planCells(now, 5, [...WHAT, 'sourceStatus'])).toEqual([
      'Delivery – Crime (2025/26)',
      'In progress',
      'Sam Lee',
      '2025/26',
      'Partly achieved',
      'Yes',
      'Partly achieved (2025/26): carried forward',
    ]);
    expect(await planCells(now, 6, ['ref'])).toEqual([null]);
    const model = JSON.parse((await cli('summarise', now, '--json', '-q')).stdout) as {
      carried: { partly: number; open: number };
      registerComparison: { themes: { id: string; previous: number | null; current: number | null; change: string }[] };
    };
    expect(model.carried).toMatchObject({ partly: 1, open: 1 });
    expect(model.registerComparison.themes.slice(0, 4)).toEqual([
      { id: 'Crime', previous: 1.5, current: 4.5, delta: 3, change: 'improved', threshold: 0.4 },
      { id: 'Education', previous: null, current: null, delta: null, change: 'not scored', threshold: 0.4 },
      { id: 'Employment', previous: null, current: null, delta: null, change: 'not scored', threshold: 0.4 },
      { id: 'Health', previous: 4, current: 3, delta: -1, change: 'declined', threshold: 0.4 },
    ]);
  });

  it('refuses a risk workbook and the tracker itself, writing nothing', async () => {
    const risk = join(dir, 'risk.xlsx');
    expect((await cli('new', risk, '--framework', 'risk-exercise', '--cycle', '2025/26', '-q')).code).toBe(0);
    const before = await readFile(now);
    const other = await cli('summarise', now, '--previous', risk, '-q');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`${risk} is a review of “Risk exercise”, but this review uses “Reviewing delivery (progress trackers)”`);
    const same = await cli('summarise', now, '--previous', now, '-q');
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('is the review itself');
    expect((await readFile(now)).equals(before)).toBe(true);
  });

  it('a figure a person typed on the Previous Review tab is not overwritten: refused, naming the cell', async () => {
    const file = join(dir, 'typed.xlsx');
    await copyFile(now, file);
    const host = await XlsxHost.open(file);
    await host.apply({
      tabs: [{ ...newTab('Previous Review', 'previous', 'update'), blocks: [{ row: 5, col: 3, cells: [[{ v: 2 }]], owner: 'input' }] }],
      namedRanges: [],
    });
    await host.save(file);
    const before = await readFile(file);
    const r = await cli('summarise', file, '--previous', last, '-q');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Previous Review!C5 holds 2, ${last} gives 1.5`);
    expect((await readFile(file)).equals(before)).toBe(true);
  });
});
