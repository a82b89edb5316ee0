/** Cases the fuzz test found, kept as plain tests. */
import { describe, expect, it } from 'vitest';
import { planSummary } from '../../core/operations/summarise.js';
import { readReview } from '../../core/reader/read-review.js';
import { expectFormulasMatch, newReview, snap, TODAY, typedCells } from '../operations/helpers.js';

describe('regressions', () => {
  it('a key cell overwritten with a number: the column is reported, and the Summary still builds', () => {
    const wb = newReview({ framework: 'nru-partnership', partnerships: ['Crime', 'Health'], respondents: ['Ann', 'Bob', 'Cat'] });
    const key = wb.getCell('Responses', 5, 6);
    wb.setCell('Responses', 5, 6, 0);
    wb.setCell('Responses', 6, 6, 4);
    const r = readReview(snap(wb));
    expect(r.problems.map((p) => p.code)).toEqual(['layout.unknown-key', 'layout.missing-column', 'layout.unread-column']);
    expect(r.problems[1]!.message).toContain(`no column for “${String(key)}”`);
    const before = typedCells(wb, ['Responses']);
    wb.applyNow(planSummary(snap(wb), { today: TODAY }).plan);
    expect(typedCells(wb, ['Responses'])).toEqual(before);
    expectFormulasMatch(wb, 'Summary');
  });
});
