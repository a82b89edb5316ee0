/**
 * Issue #16, carry forward across partnerships: a review of one partnership, compared with last cycle's review of
 * several, takes in only the rows of the partnerships it covers — never another partnership's actions under its own
 * name (found by trying it: a Hallmarks review of one partnership took in all 18 of last cycle's rows). Rows a person
 * added, and rows naming no partnership, still come in. Expectations are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { previousFromSnapshot } from '../../core/operations/previous.js';
import { planSummary } from '../../core/operations/summarise.js';
import { planRowPartnership } from '../../core/plan/carry.js';
import type { MemoryWorkbook } from '../../memory-host/index.js';
import { TODAY, keyCol, newReview, snap } from '../operations/helpers.js';

const PLAN = 'Improvement Plan';

describe('the partnership a plan row was drafted for, read from its Ref', () => {
  const listed = ['South', 'Economic Development Partnership'];
  it.each([
    ['Hallmark 2 – South', 'South'],
    ['Hallmark 2 –  SOUTH ', 'South'],
    ['Hallmark 2 – Economic Development Partnership (2025/26)', 'Economic Development Partnership'],
    ['Hallmark 2 – North South', null],
    ['Joint work with South', null],
    ['South', null],
    ['', null],
  ])('%j → %j', (ref, expected) => {
    expect(planRowPartnership(ref, listed)).toBe(expected);
  });
});

/** Last cycle: a Hallmarks review of North and South whose plan people filled by hand (rows 5–8). */
function lastCycle(): MemoryWorkbook {
  const wb = newReview({
    framework: 'hallmarks',
    partnerships: ['North', 'South'],
    respondents: [],
    cycle: '2025/26',
    reviewId: 'id-last',
  });
  wb.applyNow(planSummary(snap(wb), { today: '2025-05-01' }).plan);
  const c = (k: string) => keyCol(wb, PLAN, k).col;
  const rows: [string, string][] = [
    ['Hallmark 2 – North', 'Agree a shared data protocol'],
    ['Hallmark 2 – South', 'Train board members'],
    ['Hallmark 5 – South', 'Publish minutes within a week'],
    ['', 'Hold a joint away day'],
  ];
  rows.forEach(([ref, action], i) => {
    if (ref) wb.setCell(PLAN, 5 + i, c('ref'), ref);
    wb.setCell(PLAN, 5 + i, c('part'), 'Part 2 Partnership');
    wb.setCell(PLAN, 5 + i, c('action'), action);
    wb.setCell(PLAN, 5 + i, c('status'), 'In progress');
  });
  return wb;
}

describe('carrying last cycle’s plan into a review of fewer partnerships', () => {
  it('takes North’s row and the row naming no partnership, leaves South’s two rows behind and says so', () => {
    const wb = newReview({ framework: 'hallmarks', partnerships: ['North'], respondents: [], cycle: '2026/27', reviewId: 'id-now' });
    const previous = previousFromSnapshot(snap(lastCycle()));
    const { plan, summary } = planSummary(snap(wb), { today: TODAY, previous, fillPrevious: true, previousLabel: 'last.xlsx' });
    wb.applyNow(plan);
    const c = (k: string) => keyCol(wb, PLAN, k).col;
    const refs: unknown[] = [];
    for (let r = 5; r < 12; r++) if (wb.getCell(PLAN, r, c('action')) !== null) refs.push(wb.getCell(PLAN, r, c('ref')));
    expect(refs).toEqual(['Hallmark 2 – North (2025/26)', 'Row 8 (2025/26)']);
    expect(summary.carriedLeftOut).toEqual([{ partnership: 'South', rows: 2 }]);
  });

  it('takes every row when this review lists the same partnerships', () => {
    const wb = newReview({
      framework: 'hallmarks',
      partnerships: ['North', 'South'],
      respondents: [],
      cycle: '2026/27',
      reviewId: 'id-now',
    });
    const { plan, summary } = planSummary(snap(wb), {
      today: TODAY,
      previous: previousFromSnapshot(snap(lastCycle())),
      fillPrevious: true,
    });
    wb.applyNow(plan);
    const c = (k: string) => keyCol(wb, PLAN, k).col;
    const refs: unknown[] = [];
    for (let r = 5; r < 12; r++) if (wb.getCell(PLAN, r, c('action')) !== null) refs.push(wb.getCell(PLAN, r, c('ref')));
    expect(refs).toEqual([
      'Hallmark 2 – North (2025/26)',
      'Hallmark 2 – South (2025/26)',
      'Hallmark 5 – South (2025/26)',
      'Row 8 (2025/26)',
    ]);
    expect(summary.carriedLeftOut).toBeUndefined();
  });
});
