import { describe, expect, it } from 'vitest';
import { chartModel, niceStep } from '../../ui/preview/chart-model.js';
import type { ChartSpec } from '../../core/sheet-plan/types.js';

const spec: ChartSpec = {
  id: 'means',
  kind: 'column',
  title: 'Mean score per item',
  data: { row: 2, col: 1, rows: 4, cols: 2 },
  anchor: { row: 8, col: 1 },
  width: 480,
  height: 320,
  min: 0,
  max: 3,
};

describe('chartModel', () => {
  it('reads categories down the first column and a series per further column, header first', () => {
    const values = [
      ['ignored', null],
      ['Item', 'Mean'],
      ['ASPIRE', 8 / 3],
      ['THINK', 'n/a'],
      ['LEAD', 5 / 3],
    ];
    const m = chartModel(spec, values);
    expect(m.categories).toEqual(['ASPIRE', 'THINK', 'LEAD']);
    expect(m.series).toEqual([{ name: 'Mean', values: [8 / 3, null, 5 / 3] }]);
    expect([m.min, m.max]).toEqual([0, 3]);
    expect(m.ticks).toEqual([0, 1, 2, 3]);
  });
  it('without an axis range, runs from 0 (or the lowest value) to the highest value', () => {
    const m = chartModel({ ...spec, min: undefined, max: undefined }, [[null], ['Item', 'Mean'], ['A', 4], ['B', 12]]);
    expect([m.min, m.max]).toEqual([0, 12]);
    expect(m.ticks).toEqual([0, 5, 10]);
  });
  it('skips rows without a category', () => {
    const m = chartModel(spec, [[null], ['Item', 'Mean'], [null, 2], ['B', 1]]);
    expect(m.categories).toEqual(['B']);
  });
});

describe('niceStep', () => {
  it('gives 1, 2 or 5 × 10ⁿ for about five gridlines', () => {
    expect(niceStep(3)).toBe(1);
    expect(niceStep(12)).toBe(5);
    expect(niceStep(100)).toBe(20);
    expect(niceStep(0)).toBe(1);
  });
});
