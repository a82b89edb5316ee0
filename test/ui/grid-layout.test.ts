import { describe, expect, it } from 'vitest';
import {
  columnWidths,
  EXTRA_COLS,
  EXTRA_ROWS,
  gridSize,
  MAX_DRAWN_ROWS,
  mergeMap,
  MIN_COLS,
  MIN_ROWS,
} from '../../ui/preview/grid-layout.js';

describe('gridSize', () => {
  it('draws at least the minimum', () => {
    expect(gridSize([])).toEqual({ rows: MIN_ROWS, cols: MIN_COLS, clipped: false });
  });
  it('draws past the last used cell', () => {
    const values = Array.from({ length: MIN_ROWS + 5 }, () => Array.from({ length: MIN_COLS + 2 }, () => 1));
    expect(gridSize(values)).toEqual({ rows: MIN_ROWS + 5 + EXTRA_ROWS, cols: MIN_COLS + 2 + EXTRA_COLS, clipped: false });
  });
  it('draws at most MAX_DRAWN_ROWS rows, and says so', () => {
    const values = Array.from({ length: 1200 }, () => [1]);
    expect(gridSize(values)).toEqual({ rows: MAX_DRAWN_ROWS, cols: MIN_COLS, clipped: true });
  });
});

describe('columnWidths', () => {
  it('uses the width the plan set, in characters (7 px each plus 5)', () => {
    expect(columnWidths([['a', 'b']], 3, new Map([[2, 40]]))).toEqual([64, 285, 64]);
  });
  it('is 64 px for short or empty columns, 7 px a character plus 16 otherwise, at most 240', () => {
    const values = [['Respondent', 3, null, 'x'.repeat(100)]];
    expect(columnWidths(values, 5)).toEqual([10 * 7 + 16, 64, 64, 240, 64]);
  });
});

describe('mergeMap', () => {
  it('anchors a merge at its top-left cell and covers the rest', () => {
    const m = mergeMap([{ row: 2, col: 1, rows: 1, cols: 3 }]);
    expect(m.anchors.get('2:1')).toEqual({ rowSpan: 1, colSpan: 3 });
    expect([...m.covered]).toEqual(['2:2', '2:3']);
  });
  it('spans only the rows and columns shown, and ignores single cells', () => {
    const m = mergeMap(
      [
        { row: 3, col: 2, rows: 3, cols: 2 },
        { row: 9, col: 9, rows: 1, cols: 1 },
      ],
      new Set([4]),
      new Set([3]),
    );
    expect(m.anchors.get('3:2')).toEqual({ rowSpan: 2, colSpan: 1 });
    expect(m.anchors.has('9:9')).toBe(false);
    expect(m.covered.size).toBe(5);
  });
});
