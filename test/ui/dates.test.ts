import { describe, expect, it } from 'vitest';
import { defaultCycle, isoDate } from '../../ui/dates.js';

describe('isoDate', () => {
  it('gives the local calendar date, zero-padded', () => {
    expect(isoDate(new Date(2026, 0, 5, 0, 10))).toBe('2026-01-05');
    expect(isoDate(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });
});

describe('defaultCycle (financial year April to March, a default)', () => {
  it('is this year/next from April', () => {
    expect(defaultCycle(new Date(2026, 3, 1))).toBe('2026/27');
    expect(defaultCycle(new Date(2026, 4, 15))).toBe('2026/27');
    expect(defaultCycle(new Date(2026, 11, 31))).toBe('2026/27');
  });
  it('is last year/this before April', () => {
    expect(defaultCycle(new Date(2027, 0, 1))).toBe('2026/27');
    expect(defaultCycle(new Date(2027, 2, 31))).toBe('2026/27');
  });
  it('pads the second year across a century', () => {
    expect(defaultCycle(new Date(2099, 5, 1))).toBe('2099/00');
    expect(defaultCycle(new Date(2008, 5, 1))).toBe('2008/09');
  });
  it('can start in another month, and a January start is a plain year', () => {
    expect(defaultCycle(new Date(2026, 8, 1), 9)).toBe('2026/27');
    expect(defaultCycle(new Date(2026, 7, 31), 9)).toBe('2025/26');
    expect(defaultCycle(new Date(2026, 7, 31), 1)).toBe('2026');
  });
});
