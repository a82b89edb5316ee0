/**
 * Issue #11 on the in-memory workbook: filling the Previous Review tab from a previous review (planSummary with
 * fillPrevious), keeping what a person typed there, later runs comparing with the tab, and refusals (another
 * framework, the same review id, a person's own tab under the name). Expectations are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { previousFromSnapshot } from '../../core/operations/previous.js';
import { planSummary } from '../../core/operations/summarise.js';
import { reportFromSnapshot } from '../../core/report/from-snapshot.js';
import { ReviewRequestError } from '../../core/operations/types.js';
import type { MemoryWorkbook } from '../../memory-host/index.js';
import { TODAY, newReview, snap } from './helpers.js';

/** Partnership tree, two respondents: ASPIRE (D) and THINK (F) scored as given. */
function review(cycle: string, aspire: [number, number], think: [number, number], reviewId?: string): MemoryWorkbook {
  const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann', 'Bob'], cycle, ...(reviewId ? { reviewId } : {}) });
  wb.setCell('Responses', 6, 4, aspire[0]);
  wb.setCell('Responses', 7, 4, aspire[1]);
  wb.setCell('Responses', 6, 6, think[0]);
  wb.setCell('Responses', 7, 6, think[1]);
  return wb;
}

const col = (wb: MemoryWorkbook, c: number, rows: number[]) => rows.map((r) => wb.getCell('Previous Review', r, c));

describe('filling the Previous Review tab', () => {
  // last: ASPIRE (1 + 3) / 2 = 2, THINK 2; overall 2. Now: ASPIRE 3, THINK 2; overall 2.5
  const last = () => previousFromSnapshot(snap(review('2025/26', [1, 3], [2, 2], 'id-last')));

  it('writes the cycle and the means (rows 5–10 the characteristics, row 11 overall); a plain run then compares with them', () => {
    const wb = review('2026/27', [3, 3], [2, 2], 'id-now');
    const { plan, summary } = planSummary(snap(wb), { today: TODAY, previous: last(), fillPrevious: true, previousLabel: 'last.xlsx' });
    expect(plan.tabs.map((t) => t.name)).toContain('Previous Review');
    wb.applyNow(plan);
    expect(wb.getCell('Previous Review', 2, 2)).toBe('2025/26');
    expect(col(wb, 3, [5, 6, 7, 8, 9, 10, 11])).toEqual([2, 2, null, null, null, null, 2]);
    expect(summary.comparison!.overall).toEqual({
      id: 'overall',
      previous: 2,
      current: 2.5,
      delta: 0.5,
      change: 'improved',
      threshold: 0.2,
    });
    const plain = planSummary(snap(wb), { today: TODAY });
    expect(plain.summary.comparison!.items.slice(0, 2).map((r) => [r.id, r.previous, r.change])).toEqual([
      ['ASPIRE', 2, 'improved'],
      ['THINK', 2, 'unchanged'],
    ]);
    expect(plain.summary.comparison!.overall.previous).toBe(2);
    // the board report says the same, with the overall mean and the rule
    const { content } = reportFromSnapshot(snap(wb), { today: TODAY });
    const texts = content.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(texts).toContain(
      "Compared with the last review (2025/26): of the items, 1 improved, 0 declined, 1 unchanged. Overall mean: 2.00 then, 2.50 now (improved). A mean counts as improved or declined only when it moved by at least 10% of its scale's range.",
    );
  });

  it('never writes over a mean a person typed: refused, naming the cell and both values', () => {
    const wb = review('2026/27', [3, 3], [2, 2], 'id-now');
    wb.setCell('Previous Review', 6, 3, 2.6); // THINK, typed by a person
    const before = col(wb, 3, [5, 6, 11]);
    expect(() => planSummary(snap(wb), { today: TODAY, previous: last(), fillPrevious: true, previousLabel: 'last.xlsx' })).toThrow(
      /Previous Review!C6 holds 2\.6, last\.xlsx gives 2\b.*It was not filled and nothing was written/,
    );
    expect(col(wb, 3, [5, 6, 11])).toEqual(before);
    // a typed mean equal to the one the previous review gives is no conflict
    wb.setCell('Previous Review', 6, 3, 2);
    wb.applyNow(planSummary(snap(wb), { today: TODAY, previous: last(), fillPrevious: true }).plan);
    expect(col(wb, 3, [5, 6, 11])).toEqual([2, 2, 2]);
  });

  it('a tab made before the overall row existed gets it below its last row', () => {
    const wb = review('2026/27', [3, 3], [2, 2], 'id-now');
    wb.setCell('Previous Review', 11, 1, null);
    wb.setCell('Previous Review', 11, 2, null);
    wb.applyNow(planSummary(snap(wb), { today: TODAY, previous: last(), fillPrevious: true }).plan);
    expect([wb.getCell('Previous Review', 11, 1), wb.getCell('Previous Review', 11, 2), wb.getCell('Previous Review', 11, 3)]).toEqual([
      'overall',
      'Overall',
      2,
    ]);
  });

  it('a person’s own tab named Previous Review is not written over', () => {
    const wb = review('2026/27', [3, 3], [2, 2], 'id-now');
    wb.deleteTab('Previous Review');
    wb.addTab('Previous Review').set(1, 1, { value: 'My notes on last year' });
    expect(() => planSummary(snap(wb), { today: TODAY, previous: last(), fillPrevious: true })).toThrow(ReviewRequestError);
    expect(wb.getCell('Previous Review', 1, 1)).toBe('My notes on last year');
  });

  it('a deleted Previous Review tab is made again, filled', () => {
    const wb = review('2026/27', [3, 3], [2, 2], 'id-now');
    wb.deleteTab('Previous Review');
    wb.applyNow(planSummary(snap(wb), { today: TODAY, previous: last(), fillPrevious: true }).plan);
    expect(col(wb, 3, [5, 6, 11])).toEqual([2, 2, 2]);
  });

  it('refuses another framework and the same review id; without fillPrevious nothing is planned for the tab', () => {
    const wb = review('2026/27', [3, 3], [2, 2], 'id-now');
    const other = newReview({ framework: 'nru-partnership', cycle: '2025/26', reviewId: 'id-other' });
    expect(() => planSummary(snap(wb), { today: TODAY, previous: previousFromSnapshot(snap(other)), previousLabel: 'nru.xlsx' })).toThrow(
      /nru\.xlsx is a review of “.*”, but this review uses “Partnership tree self-assessment”/,
    );
    const copy = previousFromSnapshot(snap(review('2026/27', [1, 1], [1, 1], 'id-now')));
    expect(() => planSummary(snap(wb), { today: TODAY, previous: copy, previousLabel: 'copy.xlsx' })).toThrow(
      /copy\.xlsx is this same review \(cycle 2026\/27\), or a copy of it/,
    );
    const scoreOnly = planSummary(snap(wb), { today: TODAY, previous: last() });
    expect(scoreOnly.plan.tabs.map((t) => t.name)).not.toContain('Previous Review');
  });
});
