/**
 * `partnership-review demo`: the Kensington and Chelsea workshop of seed 000 as a filled review, and a generated,
 * repeatable example for every other built-in framework.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { builtinFrameworkIds, getFramework } from '../../core/framework/catalogue.js';
import { readReviewSnapshot } from '../../core/operations/run.js';
import { readReview } from '../../core/reader/read-review.js';
import { scoreReview } from '../../core/scoring/score-review.js';
import { TAB } from '../../core/sheet-plan/layout.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { WORKSHOP_SCORES } from '../../file-host/demo/kensington-chelsea.js';
import { generatedReview } from '../../file-host/demo/generated.js';
import { SeededRandom } from '../../file-host/demo/seeded-random.js';
import { cli, dumpWorkbook, TODAY } from './cli-helpers.js';
import { tempDir } from './helpers.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let kc = '';
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-demo-'));
  kc = join(dir, 'demo-review.xlsx');
  const r = await cli('demo', kc, '--quiet');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});
afterAll(() => cleanup());

describe('the Kensington and Chelsea workshop (seed 000)', () => {
  it('is a complete review: nine participants, summarised, planned, and clean under check', async () => {
    // no errors (reminders, such as plan dates of the 2008 cycle now past, do not fail the check)
    const r = await cli('check', kc, '--quiet', '--today', '2008-03-03');
    expect(r.stdout.split('\n')[0]).toBe('No errors: every entry can be scored.');
    expect(r.code).toBe(0);
    const s = JSON.parse((await cli('summarise', kc, '--json', '--quiet')).stdout);
    expect(s.framework).toBe('partnership-tree');
    expect(s.respondents).toBe(9);
    // hand-worked from the table in kensington-chelsea.ts: ASPIRE 2×7 + 3 + 2 = 19 → 19/9; THINK 21/9; LEAD 18/9;
    // COLLABORATE 22/9; ACCOUNT 20/9; DELIVER 18/9
    const means = Object.fromEntries(s.items.map((i: { id: string; mean: number }) => [i.id, i.mean]));
    expect(means.ASPIRE).toBeCloseTo(19 / 9, 12);
    expect(means.THINK).toBeCloseTo(21 / 9, 12);
    expect(means.LEAD).toBeCloseTo(2, 12);
    expect(means.COLLABORATE).toBeCloseTo(22 / 9, 12);
    expect(means.ACCOUNT).toBeCloseTo(20 / 9, 12);
    expect(means.DELIVER).toBeCloseTo(2, 12);
    expect(s.overall.mean).toBeCloseTo((19 + 21 + 18 + 22 + 20 + 18) / 54, 12);
    expect(s.plan.length).toBeGreaterThan(0);
    for (const row of s.plan) expect(row.keyContact).toBe('KCP Manager');
    // the demo's dates belong to its cycle (2007/08, workshop 22/02/2008, built on 29/02/2008): +6 and +3 months
    expect(s.cycle).toBe('2007/08');
    for (const row of s.plan) expect([row.date, row.progressReportDate]).toEqual(['2008-08-29', '2008-05-29']);
    // the areas for improvement the workshop agreed are plan rows, word for word
    expect(s.plan.find((row: { ref: string }) => row.ref === 'COLLABORATE – agreed at the workshop').action).toBe('Link with LDF needed');
  });

  it('puts every comment of the seed under the score it came with', async () => {
    const snap = await readReviewSnapshot(await XlsxHost.open(kc));
    const { framework, review } = readReview(snap);
    const report = scoreReview(framework, review.responses);
    for (const [id, entries] of Object.entries(WORKSHOP_SCORES)) {
      const groups = report.comments.find((c) => c.itemId === id)!.groups;
      for (const score of ['1', '2', '3']) {
        const want = entries.filter(([s, c]) => String(s) === score && c !== null).map(([, c]) => c);
        const got = groups.find((g) => g.score === score)?.comments ?? [];
        expect([...got].sort()).toEqual([...want].sort());
      }
    }
    // spot checks against the seed's wording
    expect(WORKSHOP_SCORES['THINK']!.filter(([s]) => s === 3).map(([, c]) => c)).toContain(
      'Confidence in partnership which allows all partners to be valued',
    );
    expect(WORKSHOP_SCORES['DELIVER']!.filter(([s]) => s === 1)).toHaveLength(3);
  });

  it('records the strengths and areas for improvement of the seed’s table on Workshop Notes', async () => {
    const snap = await readReviewSnapshot(await XlsxHost.open(kc));
    const { review } = readReview(snap);
    const deliver = review.sectionFreeText.find((t) => t.sectionId === 'DELIVER')!;
    expect(deliver.strengths).toContain("LAA – an opportunity for 'joined up' work e.g. worklessness (transformational)");
    expect(deliver.areasForImprovement.split('\n')).toHaveLength(4);
    const collaborate = review.sectionFreeText.find((t) => t.sectionId === 'COLLABORATE')!;
    expect(collaborate.areasForImprovement).toBe('Link with LDF needed');
  });

  it('will not overwrite a file unless told to (--force)', async () => {
    const path = join(dir, 'mine.xlsx');
    await writeFile(path, 'precious');
    const r = await cli('demo', path, '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mine\.xlsx already exists/);
    expect(await readFile(path, 'utf8')).toBe('precious');
    expect((await cli('demo', path, '--force', '--quiet')).code).toBe(0);
    expect((await XlsxHost.open(path)).tabNames()).toContain(TAB.summary);
  });
});

describe('generated demos', () => {
  it.each(builtinFrameworkIds().filter((id) => id !== 'partnership-tree'))('%s: a filled review that summarises and checks', async (id) => {
    const path = join(dir, `${id}.xlsx`);
    const r = await cli('demo', path, '--framework', id, '--today', TODAY, '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = JSON.parse((await cli('summarise', path, '--json', '--quiet')).stdout);
    const f = getFramework(id);
    if (f.sections.length > 0) expect(s.respondents).toBe(f.multiplePartnerships ? 12 : 8);
    if (f.kind === 'risk') expect(s.risks.reduce((n: number, t: { red: number }) => n + t.red, 0)).toBe(1);
    if (f.kind === 'tracker') expect(s.tracker.reduce((n: number, t: { rows: number }) => n + t.rows, 0)).toBeGreaterThanOrEqual(10);
    if (f.kind === 'tracker') {
      // the champions (stage 2) raise one co-ordinator's score and lower another, and leave the last two rows for later
      const rows: { coordinator: number | null; confirmed: number | null; used: number | null; changed: boolean }[] = s.trackerRows;
      const changed = rows.filter((x) => x.changed);
      expect(changed.some((x) => x.confirmed! > x.coordinator!)).toBe(true);
      expect(changed.some((x) => x.confirmed! < x.coordinator!)).toBe(true);
      for (const x of changed) expect(x.used).toBe(x.confirmed);
      expect(rows.slice(-2).map((x) => x.confirmed)).toEqual([null, null]);
      expect(s.plan.some((p: { ref: string }) => p.ref.includes('key actions agreed with the champions'))).toBe(true);
    }
    // no error; reminders (blank answers the generator leaves, plan rows to complete) do not fail the check
    const check = await cli('check', path, '--quiet', '--today', TODAY);
    expect(check.stdout.split('\n')[0]).toBe('No errors: every entry can be scored.');
    expect(check.code).toBe(0);
  });

  it('is the same every time (seeded, no Math.random)', async () => {
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    expect((await cli('demo', a, '--framework', 'nru-partnership', '--today', TODAY, '--quiet')).code).toBe(0);
    expect((await cli('demo', b, '--framework', 'nru-partnership', '--today', TODAY, '--quiet')).code).toBe(0);
    expect(await dumpWorkbook(b)).toEqual(await dumpWorkbook(a));
    const f = getFramework('hallmarks');
    expect(generatedReview(f, { cycle: '2026/27', today: TODAY })).toEqual(generatedReview(f, { cycle: '2026/27', today: TODAY }));
  });

  it('the seeded generator gives the published mulberry32 sequence', () => {
    // mulberry32(1): first outputs 0.6270739405881613, 0.002735721180215478
    const rnd = new SeededRandom(1);
    expect(rnd.next()).toBeCloseTo(0.6270739405881613, 15);
    expect(rnd.next()).toBeCloseTo(0.002735721180215478, 15);
  });
});
