/**
 * Lists of long texts on the Summary (comments by score, workshop notes, answers by theme): one block and one merge
 * of each row across per list, whatever the number of respondents; and the print and note layout of the entry tabs.
 */
import { describe, expect, it } from 'vitest';
import { planCreate } from '../../core/operations/create.js';
import { planSummary } from '../../core/operations/summarise.js';
import { mergedRanges } from '../../core/sheet-plan/merges.js';
import { newTab } from '../../core/sheet-plan/tab.js';
import type { TabPlan } from '../../core/sheet-plan/types.js';
import { TabWriter } from '../../core/sheet-plan/writer.js';
import { newReview, snap, TODAY } from '../operations/helpers.js';

describe('TabWriter.textRows', () => {
  it('writes the whole list as one block with one merge across and a fitted height for long texts', () => {
    const tab = newTab('Summary', 'summary', 'replace');
    const w = new TabWriter(tab);
    w.row = 10;
    w.textCols = 3;
    w.textChars = 40;
    const first = w.textRows([
      { label: 'ASPIRE', texts: ['short', 'y'.repeat(100)], bold: true },
      { label: 'THINK', texts: [] },
    ]);
    expect(first).toBe(10);
    expect(w.row).toBe(13);
    expect(tab.blocks).toEqual([
      {
        row: 10,
        col: 1,
        owner: 'generated',
        cells: [
          [{ v: 'ASPIRE' }, { v: 'short' }],
          [{ v: null }, { v: 'y'.repeat(100) }],
          [{ v: 'THINK' }, { v: null }],
        ],
      },
    ]);
    expect(tab.merges).toEqual([{ row: 10, col: 2, rows: 3, cols: 3, across: true }]);
    // 100 characters at 40 a line: 3 lines of 15 points; the one-line rows keep the default height
    expect(tab.rowHeights).toEqual([{ row: 11, height: 45, fit: true }]);
    expect(tab.formats).toEqual([
      { range: { row: 10, col: 1, rows: 1, cols: 4 }, format: { bold: true, fill: '#F2F2F2' } },
      { range: { row: 10, col: 1, rows: 3, cols: 4 }, format: { border: 'thin', vAlign: 'top', wrap: true } },
    ]);
  });

  it('merges nothing when the text has a single column', () => {
    const tab = newTab('Summary', 'summary', 'replace');
    const w = new TabWriter(tab);
    w.textRows([{ label: 'A', texts: ['one', 'two'] }]);
    expect(tab.blocks).toHaveLength(1);
    expect(tab.merges).toEqual([]);
  });
});

describe('mergedRanges', () => {
  it('turns a merge across into one merged range per row, and drops single cells', () => {
    expect(mergedRanges({ row: 5, col: 2, rows: 3, cols: 4, across: true })).toEqual([
      { row: 5, col: 2, rows: 1, cols: 4 },
      { row: 6, col: 2, rows: 1, cols: 4 },
      { row: 7, col: 2, rows: 1, cols: 4 },
    ]);
    expect(mergedRanges({ row: 5, col: 2, rows: 3, cols: 1, across: true })).toEqual([]);
    expect(mergedRanges({ row: 5, col: 2, rows: 2, cols: 2 })).toEqual([{ row: 5, col: 2, rows: 2, cols: 2 }]);
    expect(mergedRanges({ row: 5, col: 2, rows: 1, cols: 1 })).toEqual([]);
  });
});

/** A partnership-tree review where every respondent scores ASPIRE and THINK and comments on both: its Summary and Comments tabs. */
function summaryTabs(respondents: number): { summary: TabPlan; comments: TabPlan } {
  const wb = newReview({ framework: 'partnership-tree', respondentCount: respondents });
  for (let i = 0; i < respondents; i++) {
    const row = 6 + i;
    wb.setCell('Responses', row, 1, `Person ${i + 1}`);
    wb.setCell('Responses', row, 4, 1 + (i % 3)); // ASPIRE score
    wb.setCell('Responses', row, 5, `Comment ${i + 1} on how the partnership aspires`);
    wb.setCell('Responses', row, 6, 1 + ((i + 1) % 3)); // THINK score
    wb.setCell('Responses', row, 7, `Comment ${i + 1} on how the partnership thinks ${'and more '.repeat(i % 20)}`);
  }
  const tabs = planSummary(snap(wb), { today: TODAY }).plan.tabs;
  return { summary: tabs.find((t) => t.name === 'Summary')!, comments: tabs.find((t) => t.name === 'Comments')! };
}

describe('the Summary and Comments of 3 and of 300 respondents', () => {
  it('have the same number of blocks, merges and formats: the comment list is one block on the Comments tab', () => {
    const small = summaryTabs(3);
    const large = summaryTabs(300);
    for (const k of ['summary', 'comments'] as const) {
      expect(large[k].blocks.length, k).toBe(small[k].blocks.length);
      expect(large[k].merges.length, k).toBe(small[k].merges.length);
      expect(large[k].formats.length, k).toBe(small[k].formats.length);
    }
    // the Summary says where the comments are: 600 comments on 2 items
    const summaryText = large.summary.blocks.flatMap((b) => b.cells.flat().map((c) => ('v' in c ? String(c.v ?? '') : '')));
    expect(summaryText).toContain('600 comments on 2 items: on the Comments tab, which prints on its own.');
    // the comments list: every comment of the 300 people is in it, one row each, in one block (one wide column B);
    // only items with comments — ASPIRE and THINK, a heading row each and 300 comments each (a score's first comment
    // on its label's row); the 4 items nobody commented on take no line at all
    const list = large.comments.blocks.find((b) => b.row === 4 && b.col === 1)!;
    expect(list.cells).toHaveLength(2 + 2 * 300);
    // merged: only the title and the note above, each within the two columns
    expect(large.comments.merges).toEqual([
      { row: 1, col: 1, rows: 1, cols: 2 },
      { row: 2, col: 1, rows: 1, cols: 2 },
    ]);
    // heights only for comments longer than a line, each left to hosts that fit rows themselves
    const heights = large.comments.rowHeights!.filter((h) => h.row >= 4);
    expect(heights.length).toBeGreaterThan(0);
    expect(heights.every((h) => h.fit === true)).toBe(true);
  });
});

describe('entry tabs print and notes', () => {
  const plan = planCreate({ framework: 'hallmarks', partnerships: ['North'], respondents: ['Ann'], cycle: '2026/27', today: TODAY }, []);

  it('repeats the respondent column at the left of every printed page of Responses', () => {
    const responses = plan.tabs.find((t) => t.name === 'Responses')!;
    // far wider than a page: printed at the legible scale (7 pt of 11 pt text is 63.6 %, +1 spare → 65 %), running on
    expect(responses.print).toEqual({
      orientation: 'landscape',
      fitToWidth: false,
      scale: 65,
      titleRows: { from: 1, to: 4 },
      titleColumns: { from: 1, to: 1 },
    });
  });

  it('wraps the note on Previous Review in its column, with the row tall enough to show it', () => {
    const previous = plan.tabs.find((t) => t.name === 'Previous Review')!;
    const note = previous.formats.find((f) => f.range.row === 2 && f.range.col === 3)!;
    expect(note.format).toMatchObject({ italic: true, wrap: true, vAlign: 'top' });
    expect(previous.columnWidths).toContainEqual({ col: 3, width: 24 });
    // the note is 161 characters: 8 lines of 22 → 120 points
    expect(previous.rowHeights).toContainEqual({ row: 2, height: 120, fit: true });
  });
});
