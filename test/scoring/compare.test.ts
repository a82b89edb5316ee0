import { describe, expect, it } from 'vitest';
import { compareAcrossPartnerships, compareWithPrevious } from '../../core/scoring/compare.js';
import { scoreReview } from '../../core/scoring/score-review.js';
import { resetRows, response, treeFramework, workedResponses } from './fixtures.js';

describe('compareWithPrevious', () => {
  // current (worked example): A1 2.75, A2 2, L1 1.75, L2 —; ASPIRE 2.375, LEAD 1.75
  const report = scoreReview(treeFramework(), workedResponses());

  it('items: improved, unchanged, declined, new, not scored', () => {
    const c = compareWithPrevious(report, { cycle: '2025/26', itemMeans: { A1: 2.5, A2: 2, L1: 2, L2: 3, OLD: 1 }, sectionMeans: {} });
    expect(c.items).toEqual([
      { id: 'A1', previous: 2.5, current: 2.75, delta: 0.25, change: 'improved' },
      { id: 'A2', previous: 2, current: 2, delta: 0, change: 'unchanged' },
      { id: 'L1', previous: 2, current: 1.75, delta: -0.25, change: 'declined' },
      { id: 'L2', previous: 3, current: null, delta: null, change: 'not scored' },
    ]);
  });

  it('an item missing from, or not scored in, the previous review is new', () => {
    const c = compareWithPrevious(report, { cycle: '2025/26', itemMeans: { A2: null }, sectionMeans: {} });
    expect(c.items[0]).toEqual({ id: 'A1', previous: null, current: 2.75, delta: null, change: 'new' });
    expect(c.items[1]).toEqual({ id: 'A2', previous: null, current: 2, delta: null, change: 'new' });
  });

  it('sections', () => {
    const c = compareWithPrevious(report, { cycle: '2025/26', itemMeans: {}, sectionMeans: { ASPIRE: 2.5, LEAD: 1.75 } });
    expect(c.sections).toEqual([
      { id: 'ASPIRE', previous: 2.5, current: 2.375, delta: -0.125, change: 'declined' },
      { id: 'LEAD', previous: 1.75, current: 1.75, delta: 0, change: 'unchanged' },
    ]);
  });

  it('unchanged within floating-point rounding by default; a wider tolerance is an option', () => {
    const prev = { cycle: 'x', itemMeans: { A1: 2.75 - 1e-12, A2: 2.001 }, sectionMeans: {} };
    expect(
      compareWithPrevious(report, prev)
        .items.slice(0, 2)
        .map((r) => r.change),
    ).toEqual(['unchanged', 'declined']);
    expect(compareWithPrevious(report, prev, { tolerance: 0.005 }).items[1]!.change).toBe('unchanged');
  });
});

describe('compareAcrossPartnerships', () => {
  it('settings order first, then others by first appearance; rows count as COUNTIFS counts them (case ignored, spaces not)', () => {
    resetRows();
    const rs = [
      response('A', 'Other LSP', { A1: 1 }),
      response('B', ' golborne ', { A1: 3 }),
      response('C', 'Westway', { A1: 2 }),
      response('D', 'WESTWAY', { A1: 3 }),
      response('E', '', { A1: 1 }),
    ];
    const c = compareAcrossPartnerships(treeFramework(), rs, ['Westway', 'Golborne']);
    expect(c.partnerships).toEqual(['Westway', 'Golborne', 'Other LSP']);
    expect(c.reports['Westway']!.items[0]!.mean).toBe(2.5); // (2 + 3) / 2
    expect(c.reports['Westway']!.respondents).toBe(2);
    // " golborne " is not Golborne to the Summary's COUNTIFS, so not to core either (check reports it as an error)
    expect(c.reports['Golborne']!.items[0]!.mean).toBeNull();
    expect(c.reports['Other LSP']!.items[0]!.mean).toBe(1);
  });

  it('without a settings order: order of first appearance; a listed partnership with no rows still gets a report', () => {
    const c = compareAcrossPartnerships(treeFramework(), workedResponses());
    expect(c.partnerships).toEqual(['Westway', 'Golborne']);
    const both = compareAcrossPartnerships(treeFramework(), workedResponses(), ['Nobody']);
    expect(both.partnerships).toEqual(['Nobody', 'Westway', 'Golborne']);
    expect(both.reports['Nobody']!.respondents).toBe(0);
    expect(both.reports['Nobody']!.overall.mean).toBeNull();
  });
});

describe('compareWithPrevious — the change threshold (issue #11), a share of each scale’s range', () => {
  /** A framework of one item on a scale from `lo` to `hi`, scored by the given people. */
  function one(lo: number, hi: number, scores: number[], changeThreshold?: number) {
    const points = Array.from({ length: hi - lo + 1 }, (_, i) => ({ value: lo + i, label: String(lo + i) }));
    const f = treeFramework({
      scales: [{ id: 's', points }],
      defaultScale: 's',
      sections: [{ id: 'S', title: 'S', items: [{ id: 'Q', text: 'Q?', fields: ['score'] }] }],
      ...(changeThreshold !== undefined ? { changeThreshold } : {}),
    });
    resetRows();
    return {
      f,
      report: scoreReview(
        f,
        scores.map((s, i) => response(`P${i}`, '', { Q: s })),
      ),
    };
  }
  const prev = (q: number) => ({ cycle: 'last', itemMeans: { Q: q }, sectionMeans: {} });

  it('one person of eight moving one step on 1–3 (±0.125) is not a change; the threshold is 0.2', () => {
    // seven 2s and one 3: 17 / 8 = 2.125
    const { f, report } = one(1, 3, [2, 2, 2, 2, 2, 2, 2, 3]);
    expect(compareWithPrevious(report, prev(2), { framework: f }).items[0]).toEqual({
      id: 'Q',
      previous: 2,
      current: 2.125,
      delta: 0.125,
      change: 'unchanged',
      threshold: 0.2,
    });
    // seven 2s and one 1: 15 / 8 = 1.875
    const down = one(1, 3, [2, 2, 2, 2, 2, 2, 2, 1]);
    expect(compareWithPrevious(down.report, prev(2), { framework: down.f }).items[0]!.change).toBe('unchanged');
  });

  it('two people of eight moving one step on 1–3 (0.25) is a change', () => {
    const { f, report } = one(1, 3, [2, 2, 2, 2, 2, 2, 3, 3]);
    expect(compareWithPrevious(report, prev(2), { framework: f }).items[0]!.change).toBe('improved');
  });

  it('the same share of every scale: 0.3 on 1–4, 0.4 on 1–5 and on 0–4; a move equal to it counts', () => {
    // 1–4: five people, one moves 2 → 3 … (2·4 + 3) / 5 = 2.2: +0.2 < 0.3 unchanged; two move: 2.4, +0.4 improved
    const a = one(1, 4, [2, 2, 2, 2, 3]);
    expect(compareWithPrevious(a.report, prev(2), { framework: a.f }).items[0]).toMatchObject({
      change: 'unchanged',
      threshold: 0.30000000000000004,
    });
    const b = one(1, 4, [2, 2, 2, 3, 3]);
    expect(compareWithPrevious(b.report, prev(2), { framework: b.f }).items[0]!.change).toBe('improved');
    // 1–5: mean 3.4 against 3: +0.4 exactly the threshold → counts; 3.2 → unchanged
    const c = one(1, 5, [3, 3, 3, 4, 4]);
    expect(compareWithPrevious(c.report, prev(3), { framework: c.f }).items[0]).toMatchObject({ change: 'improved', threshold: 0.4 });
    const d = one(1, 5, [3, 3, 3, 3, 4]);
    expect(compareWithPrevious(d.report, prev(3), { framework: d.f }).items[0]!.change).toBe('unchanged');
    // 0–4: range 4, threshold 0.4: 1.6 against 2 is −0.4 → declined; 1.8 → unchanged
    const e = one(0, 4, [2, 2, 2, 1, 1]);
    expect(compareWithPrevious(e.report, prev(2), { framework: e.f }).items[0]).toMatchObject({ change: 'declined', threshold: 0.4 });
    const g = one(0, 4, [2, 2, 2, 2, 1]);
    expect(compareWithPrevious(g.report, prev(2), { framework: g.f }).items[0]!.change).toBe('unchanged');
  });

  it('is set per framework: 0 counts any change, 0.5 needs half the range', () => {
    const any = one(1, 3, [2, 2, 2, 2, 2, 2, 2, 3], 0);
    expect(compareWithPrevious(any.report, prev(2), { framework: any.f }).items[0]).toEqual({
      id: 'Q',
      previous: 2,
      current: 2.125,
      delta: 0.125,
      change: 'improved',
    });
    const half = one(1, 3, [3, 3, 3, 3, 2, 2, 2, 2], 0.5);
    // 2.5 against 2: +0.5 < 1 (half of 1–3's range of 2)
    expect(compareWithPrevious(half.report, prev(2), { framework: half.f }).items[0]!.change).toBe('unchanged');
  });

  it('has an overall row: the given overall mean, else the sections’ mean', () => {
    // worked example: ASPIRE 2.375, LEAD 1.75 → overall (2.375 + 1.75) / 2 = 2.0625
    const f = treeFramework();
    const report = scoreReview(f, workedResponses());
    const given = compareWithPrevious(report, { cycle: 'x', itemMeans: {}, sectionMeans: {}, overall: 2.5 }, { framework: f });
    expect(given.overall).toEqual({ id: 'overall', previous: 2.5, current: 2.0625, delta: -0.4375, change: 'declined', threshold: 0.2 });
    // previous sections 2 and 2 → overall 2; +0.0625 is under 0.2
    const worked = compareWithPrevious(report, { cycle: 'x', itemMeans: {}, sectionMeans: { ASPIRE: 2, LEAD: 2 } }, { framework: f });
    expect(worked.overall).toEqual({ id: 'overall', previous: 2, current: 2.0625, delta: 0.0625, change: 'unchanged', threshold: 0.2 });
  });
});

describe('the change threshold in a custom framework', () => {
  it('must be a share from 0 to 1', async () => {
    const { parseCustomFramework } = await import('../../core/framework/custom.js');
    const base = {
      id: 'my-review',
      title: 'My review',
      scales: [
        {
          id: 's',
          points: [
            { value: 1, label: '1' },
            { value: 3, label: '3' },
          ],
        },
      ],
      sections: [{ id: 'S', title: 'S', items: [{ id: 'Q', text: 'Q?' }] }],
    };
    const ok = parseCustomFramework({ ...base, changeThreshold: 0.25 });
    expect(ok.ok && ok.framework.changeThreshold).toBe(0.25);
    const defaulted = parseCustomFramework(base);
    expect(defaulted.ok && defaulted.framework.changeThreshold).toBe(0.1);
    const bad = parseCustomFramework({ ...base, changeThreshold: 2 });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.errors.join(' ')).toContain('the change threshold ("changeThreshold")');
  });
});
