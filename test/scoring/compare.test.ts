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
    expect(compareWithPrevious(report, prev).items.slice(0, 2).map((r) => r.change)).toEqual(['unchanged', 'declined']);
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
