import { describe, expect, it } from 'vitest';
import { max, mean, median, min, sampleSd, weightedMean } from '../../core/scoring/stats.js';

describe('stats', () => {
  it('mean', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5); // 10 / 4
    expect(mean([3])).toBe(3);
    expect(mean([])).toBeNull();
  });

  it('weighted mean', () => {
    expect(weightedMean([3, 1], [3, 1])).toBe(2.5); // (9 + 1) / 4
    expect(weightedMean([2, 4], [1, 1])).toBe(3);
    expect(weightedMean([], [])).toBeNull();
    expect(() => weightedMean([1], [])).toThrow();
  });

  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5); // (2 + 3) / 2
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
  });

  it('sample SD divides by n − 1 and needs two values', () => {
    // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; 32 / 7 = 4.571428…; √ = 2.138089935…
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138089935, 8);
    expect(sampleSd([1, 3])).toBeCloseTo(Math.SQRT2, 12); // (1 + 1) / 1 = 2
    expect(sampleSd([2, 2])).toBe(0);
    expect(sampleSd([2])).toBeNull();
    expect(sampleSd([])).toBeNull();
  });

  it('min and max', () => {
    expect(min([3, 1, 2])).toBe(1);
    expect(max([3, 1, 2])).toBe(3);
    expect(min([])).toBeNull();
    expect(max([])).toBeNull();
  });
});
