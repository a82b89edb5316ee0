/**
 * The Theme Review (the 2004 review paper's summary sheet, appendix 3) on the Summary and in the plan: per theme,
 * achievements, barriers, possible solutions and the action for improvement; the action becomes a plan row word for
 * word. Hand-typed on the in-memory workbook.
 */
import { describe, expect, it } from 'vitest';
import { planSummary } from '../../core/operations/summarise.js';
import { keyCol, newReview, rowOf, snap, TODAY } from './helpers.js';

describe('Theme Review on the Summary and the plan', () => {
  it("lists each theme that has anything, in the paper's four categories, and plans its action word for word", () => {
    const wb = newReview({ framework: 'delivery-tracker' });
    const at = (key: string) => keyCol(wb, 'Theme Review', key).col;
    const row = 5;
    wb.setCell('Theme Review', row, at('theme'), 'Environment & Transport');
    wb.setCell('Theme Review', row, at('achievements'), 'Consultation with residents and agencies undertaken');
    wb.setCell('Theme Review', row, at('barriers'), 'Structural integrity of the bridge');
    wb.setCell('Theme Review', row, at('action'), 'Develop a streetscape proposal for Golborne Road and/or Ladbroke Grove.');
    const { plan, summary } = planSummary(snap(wb), { today: TODAY });
    wb.applyNow(plan);
    const top = rowOf(wb, 'Summary', 'Review of delivery by theme (Theme Review)');
    const cells = (r: number) => [wb.getCell('Summary', r, 1), wb.getCell('Summary', r, 2)];
    expect(cells(top + 1)).toEqual(['Environment & Transport', null]);
    expect(cells(top + 2)).toEqual(['Achievements', 'Consultation with residents and agencies undertaken']);
    expect(cells(top + 3)).toEqual(['Barriers', 'Structural integrity of the bridge']);
    // no possible solutions were typed: no line for them
    expect(cells(top + 4)).toEqual(['Action for improvement', 'Develop a streetscape proposal for Golborne Road and/or Ladbroke Grove.']);
    expect(summary.themeReview).toEqual([
      {
        theme: 'Environment & Transport',
        achievements: 'Consultation with residents and agencies undertaken',
        barriers: 'Structural integrity of the bridge',
        solutions: '',
        action: 'Develop a streetscape proposal for Golborne Road and/or Ladbroke Grove.',
      },
    ]);
    expect(summary.plan.map((r) => [r.ref, r.part, r.heading, r.action])).toEqual([
      [
        'Environment & Transport – action agreed at the theme review',
        'Delivery',
        'Environment & Transport',
        'Develop a streetscape proposal for Golborne Road and/or Ladbroke Grove.',
      ],
    ]);
    expect(wb.getCell('Improvement Plan', 5, 5)).toBe('Develop a streetscape proposal for Golborne Road and/or Ladbroke Grove.');
    expect(wb.getCell('Improvement Plan', 5, 2)).toBe('Delivery');
  });
});
