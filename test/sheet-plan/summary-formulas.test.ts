import { describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { criterion, fnum } from '../../core/sheet-plan/cells.js';
import {
  cellList,
  countPointFormula,
  itemFormulas,
  meanOfCells,
  partnershipMeanFormula,
  ragFormula,
} from '../../core/sheet-plan/summary-formulas.js';
import type { Scale } from '../../core/framework/schema.js';
import { FormulaEvaluator } from './formula-eval.js';

const TREE: Scale = {
  id: 'tree',
  points: [
    { value: 1, label: 'weak/needs improvement' },
    { value: 2, label: 'present in parts' },
    { value: 3, label: 'strong' },
  ],
  notScored: ["Don't know", 'N/A'],
  isDefault: false,
};

describe('formula text', () => {
  it('writes numbers so every spreadsheet parses the same double', () => {
    expect(fnum(75)).toBe('75');
    expect(fnum(0.5)).toBe('0.5');
    expect(fnum(-2)).toBe('-2');
    expect(fnum(2 / 3)).toBe('2/3');
    expect(fnum(1 / 7)).toBe('1/7');
    expect(eval(fnum(2 / 3))).toBe(2 / 3);
  });

  it('makes COUNTIF criteria literal: = prefix, wildcards escaped, quotes doubled', () => {
    expect(criterion('strong')).toBe('"=strong"');
    expect(criterion('a*b?c~d')).toBe('"=a~*b~?c~~d"');
    expect(criterion('say "yes"')).toBe('"=say ""yes"""');
    expect(criterion('<5')).toBe('"=<5"');
  });

  it('counts a point by its value and its label, but a numeric label only once', () => {
    expect(countPointFormula('R!$D$6:$D$9', 3, 'strong')).toBe('COUNTIF(R!$D$6:$D$9,3)+COUNTIF(R!$D$6:$D$9,"=strong")');
    expect(countPointFormula('R!$D$6:$D$9', 2, '2')).toBe('COUNTIF(R!$D$6:$D$9,2)');
  });

  it('joins consecutive cells of a column into ranges', () => {
    expect(
      cellList([
        { row: 7, col: 5 },
        { row: 8, col: 5 },
        { row: 9, col: 5 },
        { row: 12, col: 5 },
        { row: 12, col: 6 },
      ]),
    ).toEqual(['E7:E9', 'E12', 'F12']);
    expect(
      meanOfCells(
        [
          { row: 7, col: 5 },
          { row: 8, col: 5 },
        ],
        [1, 1],
      ),
    ).toBe('IFERROR(AVERAGE(E7:E8),"")');
    expect(
      meanOfCells(
        [
          { row: 7, col: 5 },
          { row: 8, col: 5 },
        ],
        [2, 1],
      ),
    ).toBe('IFERROR((IF(ISNUMBER(E7),2*E7,0)+IF(ISNUMBER(E8),1*E8,0))/(IF(ISNUMBER(E7),2,0)+IF(ISNUMBER(E8),1,0)),"")');
  });
});

describe('item formulas evaluate to the hand-computed figures', () => {
  function sheetWith(scores: (string | number | null)[], partnerships: string[] = []) {
    const wb = new MemoryWorkbook(['R', 'S']);
    scores.forEach((s, i) => {
      wb.setCell('R', 6 + i, 1, `P${i + 1}`);
      if (s !== null) wb.setCell('R', 6 + i, 4, s);
      if (partnerships[i]) wb.setCell('R', 6 + i, 2, partnerships[i]);
    });
    const cells = { row: 2, n: 3, missing: 4, mean: 5, median: 6, sd: 7, min: 8, max: 9, counts: 10, percent: 13, rag: 14, divided: 15 };
    wb.setFormula('S', 1, 2, '=COUNTA(R!$A$6:$A$100)', null);
    const f = itemFormulas(TREE, cells, 'R!$D$6:$D$100', '$B$1', { green: 75, amber: 50 }, 2 / 3);
    const put = (col: number, formula: string) => wb.setFormula('S', 2, col, `=${formula}`, null);
    f.counts.forEach((c, j) => put(10 + j, c));
    put(3, f.n);
    put(4, f.missing);
    put(5, f.mean);
    put(6, f.median);
    put(7, f.sd);
    put(8, f.min);
    put(9, f.max);
    put(13, f.percent);
    put(14, f.rag);
    put(15, f.divided);
    const ev = new FormulaEvaluator(wb);
    const at = (col: number) => ev.cell('S', 2, col);
    return { wb, at, ev };
  }

  it('n, missing, mean, median, SD, min, max, counts, percent, RAG and divided', () => {
    // 1, "strong" (3), 3, N/A, "2" typed as text, "Present In Parts" (2): n = 5, one not scored
    const { at, ev } = sheetWith([1, 'strong', 3, 'N/A', '2', 'Present In Parts']);
    expect([at(10), at(11), at(12)]).toEqual([1, 2, 2]);
    expect(at(3)).toBe(5);
    expect(at(4)).toBe(1);
    expect(at(5)).toBeCloseTo(2.2, 12); // (1 + 2 + 2 + 3 + 3) / 5
    expect(at(6)).toBe(2); // sorted 1 2 2 3 3
    expect(at(7)).toBeCloseTo(Math.sqrt(2.8 / 4), 12); // Σ(x − 2.2)² = 1.44 + 0.08 + 1.28 = 2.8
    expect([at(8), at(9)]).toEqual([1, 3]);
    expect(at(13)).toBeCloseTo(60, 12); // (2.2 − 1) / 2 × 100
    expect(at(14)).toBe('Amber');
    expect(at(15)).toBe('Yes'); // 3 − 1 ≥ ⅔ × 2
    expect([...ev.functions].sort()).toEqual(['COUNTA', 'COUNTIF', 'IF', 'INT', 'SQRT', 'SUM']);
  });

  it('even n takes the mean of the two middle scores; n = 1 has no SD', () => {
    const even = sheetWith([1, 3, 3, 2]);
    expect(even.at(6)).toBe(2.5); // 1 2 | 3 3
    const one = sheetWith([3]);
    expect(one.at(5)).toBe(3);
    expect(one.at(7)).toBe('');
    expect(one.at(14)).toBe('Green');
    expect(one.at(15)).toBe('');
  });

  it('n = 0 leaves every statistic empty, and nothing counts that is not on the scale', () => {
    const { at } = sheetWith(['seven', "Don't know", null, 4, 0]);
    expect(at(3)).toBe(0);
    expect(at(4)).toBe(5);
    for (const c of [5, 6, 7, 8, 9, 13, 14, 15]) expect(at(c)).toBe('');
  });

  it('RAG at the edges: mean 2.5 on 1–3 is green, 2.0 amber, below is red', () => {
    expect(sheetWith([2, 3]).at(14)).toBe('Green');
    expect(sheetWith([2, 2]).at(14)).toBe('Amber');
    expect(sheetWith([1, 2, 2]).at(14)).toBe('Red'); // 5/3 → 33.3%
    expect(sheetWith([2, 3]).at(15)).toBe(''); // 1 apart: not divided
  });

  it('labels with wildcards count only themselves', () => {
    const wb = new MemoryWorkbook(['R', 'S']);
    ['A*', 'abc', 'b?', 'bx'].forEach((v, i) => wb.setCell('R', 1 + i, 1, v));
    wb.setFormula('S', 1, 1, `=${countPointFormula('R!$A$1:$A$10', 1, 'a*')}`, null);
    wb.setFormula('S', 1, 2, `=${countPointFormula('R!$A$1:$A$10', 2, 'b?')}`, null);
    const ev = new FormulaEvaluator(wb);
    expect(ev.cell('S', 1, 1)).toBe(1);
    expect(ev.cell('S', 1, 2)).toBe(1);
  });

  it('per-partnership mean counts only that partnership’s rows, any case', () => {
    const wb = new MemoryWorkbook(['R', 'S']);
    const rows: [string, number | string][] = [
      ['Crime', 1],
      ['crime', 'strong'],
      ['Health', 2],
      ['Health', 2],
    ];
    rows.forEach(([p, s], i) => {
      wb.setCell('R', i + 1, 2, p);
      wb.setCell('R', i + 1, 4, s);
    });
    wb.setFormula('S', 1, 1, `=${partnershipMeanFormula(TREE, 'R!$D$1:$D$10', 'R!$B$1:$B$10', 'Crime')}`, null);
    wb.setFormula('S', 1, 2, `=${partnershipMeanFormula(TREE, 'R!$D$1:$D$10', 'R!$B$1:$B$10', 'Health')}`, null);
    wb.setFormula('S', 1, 3, `=${partnershipMeanFormula(TREE, 'R!$D$1:$D$10', 'R!$B$1:$B$10', 'Nobody')}`, null);
    wb.setFormula('S', 2, 1, `=${ragFormula('A1', { green: 75, amber: 50 })}`, null);
    const ev = new FormulaEvaluator(wb);
    expect(ev.cell('S', 1, 1)).toBe(2); // (1 + 3) / 2
    expect(ev.cell('S', 1, 2)).toBe(2);
    expect(ev.cell('S', 1, 3)).toBe('');
    expect(ev.cell('S', 2, 1)).toBe('Red'); // a mean of 2 read as a percent: below 50
  });
});
