/** Merges across on the in-memory workbook: stored as a spreadsheet holds them (one merged range per row), one call. */
import { describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../../memory-host/index.js';
import type { TabPlan } from '../../core/sheet-plan/types.js';
import { mergeMap } from '../../ui/preview/grid-layout.js';

function tab(merges: TabPlan['merges']): TabPlan {
  return {
    name: 'Summary',
    role: 'summary',
    mode: 'replace',
    blocks: [],
    formats: [],
    columnWidths: [],
    merges,
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
}

describe('MemoryWorkbook merges', () => {
  it('stores a merge across as one merged range per row, counted as one call', () => {
    const wb = new MemoryWorkbook();
    const before = wb.counters.calls;
    wb.applyNow({
      tabs: [
        tab([
          { row: 3, col: 2, rows: 3, cols: 4, across: true },
          { row: 1, col: 1, rows: 1, cols: 2 },
          { row: 9, col: 1, rows: 1, cols: 1 },
        ]),
      ],
      namedRanges: [],
    });
    expect(wb.tab('Summary').merges).toEqual([
      { row: 3, col: 2, rows: 1, cols: 4 },
      { row: 4, col: 2, rows: 1, cols: 4 },
      { row: 5, col: 2, rows: 1, cols: 4 },
      { row: 1, col: 1, rows: 1, cols: 2 },
    ]);
    // the tab (created) plus three merges as the plan gives them
    expect(wb.counters.calls - before).toBe(1 + 3);
  });

  it('gives the preview grid one merged cell per row, spanning the text columns', () => {
    const wb = new MemoryWorkbook();
    wb.applyNow({ tabs: [tab([{ row: 3, col: 2, rows: 2, cols: 3, across: true }])], namedRanges: [] });
    const m = mergeMap(wb.tab('Summary').merges);
    expect([...m.anchors.entries()]).toEqual([
      ['3:2', { rowSpan: 1, colSpan: 3 }],
      ['4:2', { rowSpan: 1, colSpan: 3 }],
    ]);
    expect([...m.covered].sort()).toEqual(['3:3', '3:4', '4:3', '4:4']);
  });
});
