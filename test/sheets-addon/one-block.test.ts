/**
 * The Sheets host writes a tab it has just made (a new tab, or a generated tab rebuilt beside the old one) in one
 * `setValues`, so the number of Spreadsheet calls does not depend on how many tables or lines a generated tab holds
 * (found by the Apps Script measurement: a tracker Summary with the champions' changes table cost 3 calls more).
 * Expectations are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../core/sheet-plan/types.js';
import { oneBlock } from '../../sheets-addon/server/sheets-host.js';

const b = (row: number, col: number, cells: (string | number | null)[][]): Block => ({
  row,
  col,
  cells: cells.map((r) => r.map((v) => ({ v }))),
  owner: 'generated',
});

describe('one block for a sheet made for this write', () => {
  it('puts blocks in the rectangle around them, blank between, the later block winning where they overlap', () => {
    const out = oneBlock([b(1, 1, [['Title']]), b(3, 2, [['a', 1]]), b(4, 1, [['x', null]]), b(3, 3, [[2]])]);
    expect(out).toHaveLength(1);
    expect(out[0]!.row).toBe(1);
    expect(out[0]!.col).toBe(1);
    expect(out[0]!.cells.map((r) => r.map((c) => c.v))).toEqual([
      ['Title', null, null],
      [null, null, null],
      [null, 'a', 2],
      ['x', null, null],
    ]);
  });

  it('keeps a formula cell as it is and leaves a single block or none alone', () => {
    const f: Block = { row: 2, col: 2, cells: [[{ f: '=SUM(A1:A3)', v: 6 }]], owner: 'generated' };
    expect(oneBlock([f])).toEqual([f]);
    expect(oneBlock([])).toEqual([]);
    expect(oneBlock([b(1, 1, [['T']]), f])[0]!.cells[1]![1]).toEqual({ f: '=SUM(A1:A3)', v: 6 });
  });
});
