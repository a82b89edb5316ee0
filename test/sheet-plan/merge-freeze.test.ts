/**
 * No plan merges cells across a frozen edge (Google Sheets refuses it in either order: "Sorry, you can't freeze
 * columns which contain only part of a merged cell"). Checked on every tab core plans, for every framework.
 */
import { describe, expect, it } from 'vitest';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import { planCreate } from '../../core/operations/create.js';
import { planImprovement, planSummary } from '../../core/operations/summarise.js';
import { mergesSplitByFreeze } from '../../core/sheet-plan/merges.js';
import type { SheetPlan } from '../../core/sheet-plan/types.js';
import { newReview, snap, TODAY } from '../operations/helpers.js';

const split = (plan: SheetPlan): string[] =>
  plan.tabs.flatMap((t) =>
    mergesSplitByFreeze(t).map((m) => `${t.name} r${m.row} c${m.col} ${m.rows}×${m.cols} (freeze ${t.freeze?.rows}/${t.freeze?.cols})`),
  );

describe('merges and frozen panes', () => {
  it('finds a merge cut by frozen columns or rows, and not one beside the edge (hand-made cases)', () => {
    expect(mergesSplitByFreeze({ merges: [{ row: 2, col: 1, rows: 1, cols: 3 }], freeze: { rows: 5, cols: 1 } })).toEqual([
      { row: 2, col: 1, rows: 1, cols: 3 },
    ]);
    expect(mergesSplitByFreeze({ merges: [{ row: 2, col: 2, rows: 1, cols: 3 }], freeze: { rows: 5, cols: 1 } })).toEqual([]);
    expect(mergesSplitByFreeze({ merges: [{ row: 5, col: 4, rows: 2, cols: 1 }], freeze: { rows: 5, cols: 0 } })).toEqual([
      { row: 5, col: 4, rows: 2, cols: 1 },
    ]);
    expect(mergesSplitByFreeze({ merges: [{ row: 1, col: 1, rows: 5, cols: 1 }], freeze: { rows: 5, cols: 0 } })).toEqual([]);
    expect(
      mergesSplitByFreeze({ merges: [{ row: 8, col: 1, rows: 3, cols: 2, across: true }], freeze: { rows: 5, cols: 1 } }),
    ).toHaveLength(3);
    expect(mergesSplitByFreeze({ merges: [{ row: 2, col: 1, rows: 1, cols: 3 }] })).toEqual([]);
  });

  for (const fw of builtinFrameworks()) {
    it(`${fw.id}: no merge is split by a frozen row or column in create, summary or plan`, () => {
      const create = planCreate(
        { framework: fw.id, partnerships: ['KCP', 'Health'], respondents: ['Ann', 'Bob'], cycle: '2026/27', today: TODAY, protect: true },
        [],
      );
      expect(create.tabs.some((t) => t.freeze !== undefined)).toBe(true);
      expect(split(create)).toEqual([]);
      const wb = newReview({ framework: fw.id, respondents: ['Ann', 'Bob'] });
      expect(split(planSummary(snap(wb), { today: TODAY }).plan)).toEqual([]);
      expect(split(planImprovement(snap(wb), { today: TODAY }).plan)).toEqual([]);
    });
  }
});
