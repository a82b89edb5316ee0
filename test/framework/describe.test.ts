import { describe, expect, it } from 'vitest';
import { getFramework } from '../../core/framework/catalogue.js';
import { allItems, findItem, scaleBounds, scaleById, scaleOf, scoredCount, scoredItems } from '../../core/framework/describe.js';

describe('framework helpers', () => {
  it('scoredItems keeps only items with a score field, with positions a person counts', () => {
    const nru = getFramework('nru-partnership');
    const scored = scoredItems(nru);
    expect(scored.map((s) => [s.section.id, s.item.id, s.sectionNumber, s.itemNumber])).toEqual([
      ['2.1', '2.1.3', 1, 1],
      ['2.1', '2.1.4', 1, 2],
      ['2.2', '2.2.1', 2, 1],
      ['2.3', '2.3.1', 3, 1],
      ['2.4', '2.4.1', 4, 1],
      ['2.5', '2.5.1', 5, 1],
      ['2.6', '2.6.1', 6, 1],
    ]);
    expect(allItems(getFramework('framework-review'))).toHaveLength(13);
    expect(scoredItems(getFramework('framework-review'))).toHaveLength(2);
  });

  it("scaleOf uses the item's own scale, else the default scale", () => {
    const review = getFramework('framework-review');
    expect(scaleOf(review, 'LB3').id).toBe('connection');
    const hallmarks = getFramework('hallmarks');
    expect(scaleOf(hallmarks, findItem(hallmarks, '4.2')!.item).id).toBe('hallmarks');
    expect(() => scaleOf(hallmarks, '7.1')).toThrow('Framework "hallmarks" has no item "7.1".');
    expect(() => scaleById(hallmarks, 'tree')).toThrow('Framework "hallmarks" has no scale "tree". Its scales are: hallmarks.');
  });

  it('scaleBounds gives the lowest and highest points', () => {
    expect(scaleBounds(getFramework('partnership-tree').scales[0]!)).toEqual({ min: 1, max: 3 });
    expect(scaleBounds(getFramework('framework-review').scales[0]!)).toEqual({ min: 1, max: 4 });
  });

  it('scoredCount adds register score columns', () => {
    // the co-ordinator's score, the champions' confirmed score, appropriateness
    expect(scoredCount(getFramework('delivery-tracker'))).toBe(3);
    expect(scoredCount(getFramework('biannual-review'))).toBe(6);
  });
});
