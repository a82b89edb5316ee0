import { describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { LayoutChangedError } from '../../core/operations/types.js';
import type { SheetPlan, TabPlan } from '../../core/sheet-plan/types.js';

function tab(name: string, mode: TabPlan['mode'], blocks: TabPlan['blocks'] = []): TabPlan {
  return {
    name,
    role: 'summary',
    mode,
    blocks,
    formats: [],
    columnWidths: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
}

describe('MemoryWorkbook', () => {
  it('creates tabs, stores values and formulas, and reads values to the last used cell', async () => {
    const wb = new MemoryWorkbook(['Sheet1']);
    const plan: SheetPlan = {
      tabs: [
        tab('Data', 'create', [
          {
            row: 1,
            col: 1,
            owner: 'generated',
            cells: [
              [{ v: 'a' }, { v: 2 }],
              [{ f: '=B1*2', v: 4 }, { v: null }],
            ],
          },
          { row: 3, col: 3, owner: 'input', cells: [[{ v: '=HYPERLINK("x")' }]] },
        ]),
      ],
      namedRanges: [{ name: 'PR_Test', sheet: 'Data', range: { row: 1, col: 2, rows: 2, cols: 1 } }],
      activate: 'Data',
    };
    const result = await wb.apply(plan);
    expect(result.calls).toBeGreaterThanOrEqual(3);
    expect(wb.tabNames()).toEqual(['Sheet1', 'Data']);
    expect(wb.getFormula('Data', 2, 1)).toBe('=B1*2');
    expect(wb.getCell('Data', 2, 1)).toBe(4);
    // text that looks like a formula is stored as text, never as a formula
    expect(wb.getCell('Data', 3, 3)).toBe('=HYPERLINK("x")');
    expect(wb.getFormula('Data', 3, 3)).toBeUndefined();
    const snap = await wb.read({ tabs: ['data', 'Missing'] });
    expect(snap.tabNames).toEqual(['Sheet1', 'Data']);
    expect(Object.keys(snap.tabs)).toEqual(['Data']);
    expect(snap.tabs['Data']!.values).toEqual([
      ['a', 2, null],
      [4, null, null],
      [null, null, '=HYPERLINK("x")'],
    ]);
    expect(snap.tabs['Data']!.index).toBe(1);
    expect(wb.namedRanges.map((n) => n.name)).toEqual(['PR_Test']);
    expect(wb.active).toBe('Data');
    expect(wb.counters.reads).toBe(1);
    expect(wb.counters.applies).toBe(1);
    expect(wb.counters.blocks).toBe(2);
  });

  it('refuses to create a tab that exists and changes nothing', () => {
    const wb = new MemoryWorkbook(['Summary']);
    wb.setCell('Summary', 1, 1, 'kept');
    expect(() => wb.applyNow({ tabs: [tab('Other', 'create'), tab('summary', 'create')], namedRanges: [] })).toThrow(/already exists/);
    expect(wb.tabNames()).toEqual(['Summary']);
    expect(wb.getCell('Summary', 1, 1)).toBe('kept');
  });

  it('replace clears the tab first; update writes only its blocks', () => {
    const wb = new MemoryWorkbook(['R', 'U']);
    wb.setCell('R', 5, 5, 'old');
    wb.setCell('U', 5, 5, 'typed');
    wb.tab('R').formats.push({ range: { row: 1, col: 1, rows: 1, cols: 1 }, format: { bold: true } });
    wb.applyNow({
      tabs: [
        tab('R', 'replace', [{ row: 1, col: 1, owner: 'generated', cells: [[{ v: 'new' }]] }]),
        tab('U', 'update', [{ row: 1, col: 1, owner: 'generated', cells: [[{ v: 'gen' }]] }]),
      ],
      namedRanges: [],
    });
    expect(wb.getCell('R', 5, 5)).toBeNull();
    expect(wb.getCell('R', 1, 1)).toBe('new');
    expect(wb.tab('R').formats).toEqual([]);
    expect(wb.getCell('U', 5, 5)).toBe('typed');
    expect(wb.getCell('U', 1, 1)).toBe('gen');
  });

  it('checks preconditions before writing anything', () => {
    const wb = new MemoryWorkbook(['PR_Meta', 'S']);
    wb.setCell('PR_Meta', 4, 2, 3);
    const plan: SheetPlan = {
      preconditions: [{ sheet: 'PR_Meta', row: 4, col: 2, equals: 3 }],
      tabs: [tab('S', 'update', [{ row: 1, col: 1, owner: 'generated', cells: [[{ v: 'x' }]] }])],
      namedRanges: [],
    };
    wb.setCell('PR_Meta', 4, 2, 4); // someone else wrote in between
    expect(() => wb.applyNow(plan)).toThrow(LayoutChangedError);
    expect(() => wb.applyNow(plan)).toThrow(/PR_Meta!B4 now holds “4”/);
    expect(wb.getCell('S', 1, 1)).toBeNull();
    wb.setCell('PR_Meta', 4, 2, 3);
    wb.applyNow(plan);
    expect(wb.getCell('S', 1, 1)).toBe('x');
    // a precondition on a deleted tab fails too
    wb.deleteTab('PR_Meta');
    expect(() => wb.applyNow(plan)).toThrow(/is gone/);
  });

  it('creates missing tabs at the position asked for, hides, and keeps formats and the rest', () => {
    const wb = new MemoryWorkbook(['A', 'B', 'C']);
    const t = tab('New', 'update');
    t.position = 1;
    t.hidden = true;
    t.hiddenColumns = [15];
    t.hiddenRows = [4];
    t.freeze = { rows: 5, cols: 1 };
    t.validations.push({ range: { row: 6, col: 4, rows: 10, cols: 1 }, rule: { kind: 'list', values: ['1', '2'], strict: false } });
    wb.applyNow({ tabs: [t], namedRanges: [] });
    expect(wb.tabNames()).toEqual(['A', 'New', 'B', 'C']);
    const s = wb.tab('New');
    expect(s.hidden).toBe(true);
    expect([...s.hiddenColumns]).toEqual([15]);
    expect([...s.hiddenRows]).toEqual([4]);
    expect(s.freeze).toEqual({ rows: 5, cols: 1 });
    expect(s.validations).toHaveLength(1);
  });

  it('helpers: rename, move, delete, insert a column or row, select', () => {
    const wb = new MemoryWorkbook(['A', 'B']);
    wb.setCell('A', 2, 2, 'x');
    wb.insertColumn('A', 1);
    expect(wb.getCell('A', 2, 3)).toBe('x');
    wb.insertRow('A', 1, 2);
    expect(wb.getCell('A', 4, 3)).toBe('x');
    wb.renameTab('A', 'Answers');
    wb.moveTab('B', 0);
    expect(wb.tabNames()).toEqual(['B', 'Answers']);
    expect(() => wb.renameTab('B', 'Bad/Name')).toThrow(/cannot be a tab name/);
    wb.selectNow({ sheet: 'answers', row: 4, col: 3 });
    expect(wb.selected).toEqual({ sheet: 'Answers', row: 4, col: 3 });
    wb.deleteTab('B');
    expect(wb.tabNames()).toEqual(['Answers']);
    const copy = wb.clone();
    copy.setCell('Answers', 1, 1, 'only in the copy');
    expect(wb.getCell('Answers', 1, 1)).toBeNull();
    expect(copy.allCells().get('Answers!C4')).toEqual({ value: 'x' });
  });
});
