import { describe, expect, it } from 'vitest';
import { groupIntoBatches, type WriteOp } from '../../excel-addin/adapter/batches.js';
import { blockToArray, chunkRows } from '../../excel-addin/adapter/cell-arrays.js';
import { columnsAddress, runsOf } from '../../excel-addin/adapter/range-groups.js';
import { excelVersionFor } from '../../excel-addin/adapter/requirements.js';
import { listProblem, textFormula, toCellValueRule, toExcelRule } from '../../excel-addin/adapter/rules.js';
import { charsToPoints, pxToPoints } from '../../excel-addin/adapter/units.js';

const op = (bytes: number): WriteOp => ({ bytes, queue: () => undefined });

describe('adapter parts', () => {
  it('converts widths: characters → pixels (7 per digit + 5 padding) → points (0.75 per pixel)', () => {
    expect(charsToPoints(10)).toBe(56.25); // 75 px
    expect(charsToPoints(8.43)).toBe(48); // Excel's default column: 64 px
    expect(charsToPoints(0)).toBe(0);
    expect(pxToPoints(480)).toBe(360);
  });

  it('chooses values for plain blocks and formulas for mixed ones, guarding text and stripping _xlfn.', () => {
    expect(blockToArray({ row: 1, col: 1, owner: 'input', cells: [[{ v: '=1+1' }, { v: 2 }, { v: null }, { v: true }]] })).toEqual({
      kind: 'values',
      rows: [["'=1+1", 2, '', true]],
    });
    expect(blockToArray({ row: 1, col: 1, owner: 'generated', cells: [[{ v: 'Mean' }, { f: '=_xlfn.STDEV.S(A1:A3)', v: 1 }]] })).toEqual({
      kind: 'formulas',
      rows: [['Mean', '=STDEV.S(A1:A3)']],
    });
  });

  it('splits rows into chunks under the limit, keeping order and offsets', () => {
    const rows = Array.from({ length: 10 }, (_, i) => [`r${i}`]); // each row ["rN"] is 6 bytes + 1
    const chunks = chunkRows(rows, 2 + 7 * 4);
    expect(chunks.map((c) => [c.offset, c.rows.length])).toEqual([
      [0, 4],
      [4, 4],
      [8, 2],
    ]);
    expect(chunks.flatMap((c) => c.rows)).toEqual(rows);
  });

  it('groups operations greedily into batches under the limit', () => {
    const batches = groupIntoBatches([op(3), op(3), op(3), op(9), op(1)], 7);
    expect(batches.map((b) => b.map((o) => o.bytes))).toEqual([[3, 3], [3], [9], [1]]);
  });

  it('groups equal consecutive column settings into one range', () => {
    const runs = runsOf([
      { index: 1, value: 24 },
      { index: 2, value: 24 },
      { index: 3, value: 11 },
      { index: 5, value: 11 },
    ]);
    expect(runs).toEqual([
      { from: 1, to: 2, value: 24 },
      { from: 3, to: 3, value: 11 },
      { from: 5, to: 5, value: 11 },
    ]);
    expect(columnsAddress(27, 28)).toBe('AA:AB');
  });

  it('builds validation and conditional format rules as Office.js takes them', () => {
    expect(toExcelRule({ kind: 'number', min: 1, max: 5, integer: true })).toEqual({
      wholeNumber: { formula1: 1, formula2: 5, operator: 'Between' },
    });
    expect(toExcelRule({ kind: 'number', min: 0, max: 1, integer: false })).toEqual({
      decimal: { formula1: 0, formula2: 1, operator: 'Between' },
    });
    expect(textFormula('Say "no"')).toBe('="Say ""no"""');
    expect(toCellValueRule({ kind: 'number', operator: 'gte', value: 2.5, format: {} })).toEqual({
      formula1: '2.5',
      operator: 'GreaterThanOrEqual',
    });
    expect(listProblem(['1', '2', 'N/A'])).toBeUndefined();
    expect(listProblem(['Yes, mostly', 'No'])).toContain('contains a comma');
    expect(listProblem(Array.from({ length: 60 }, (_, i) => `choice ${i}`))).toContain('Excel allows 255');
  });

  it('names the oldest Excel with each requirement set', () => {
    expect(excelVersionFor('1.8')).toBe(
      'Microsoft 365, Excel 2021 or later (on Windows with Microsoft Edge WebView2, or on Mac) or Excel on the web',
    );
    expect(excelVersionFor('1.9')).toBe(
      'Microsoft 365, Excel 2021 or later (on Windows with Microsoft Edge WebView2, or on Mac) or Excel on the web',
    );
    expect(excelVersionFor('1.17')).toBe('Microsoft 365 or Excel on the web');
  });
});
