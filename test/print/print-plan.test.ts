/**
 * The print plan in core (issue #13), with expectations worked by hand: the legible scale, fitting a page wide,
 * page breaks that keep a heading with its header and first rows, header widths from their longest word.
 */
import { describe, expect, it } from 'vitest';
import {
  estimatedRowHeights,
  fitScale,
  legibleScale,
  linesFor,
  planRowBreaks,
  printFooter,
  settlePrint,
  widthForLongestWord,
} from '../../core/sheet-plan/print.js';
import { newTab } from '../../core/sheet-plan/tab.js';
import type { TabPlan } from '../../core/sheet-plan/types.js';

function tabWith(widths: number[], print: TabPlan['print']): TabPlan {
  const tab = newTab('T', 'summary', 'replace');
  widths.forEach((width, i) => tab.columnWidths.push({ col: i + 1, width }));
  tab.print = print;
  return tab;
}

describe('print plan', () => {
  it('never shrinks text under 7 pt: 65 % for 11 pt text, 88 % when 8 pt text shows, hidden rows not counted', () => {
    const tab = tabWith([10], { orientation: 'portrait', fitToWidth: true });
    expect(legibleScale(tab)).toBe(65); // 7 / 11 = 63.6 % → 64, one spare
    tab.formats.push({ range: { row: 5, col: 1, rows: 1, cols: 1 }, format: { fontSize: 8 } });
    expect(legibleScale(tab)).toBe(89); // 7 / 8 = 87.5 % → 88, one spare
    tab.hiddenRows = [5];
    expect(legibleScale(tab)).toBe(65);
  });

  it('fits columns to a page wide at the estimated width (9.4 px a character + 5 px a column)', () => {
    // landscape A4 less 1 inch of margins: 10.69 in × 96 = 1026.24 px; 10 columns of 20 → 10 × 193 = 1930 px → 53 %
    expect(fitScale(tabWith(Array(10).fill(20), { orientation: 'landscape', fitToWidth: true }))).toBe(53);
    // 3 of 20 = 579 px: fits at full size
    expect(fitScale(tabWith([20, 20, 20], { orientation: 'landscape', fitToWidth: true }))).toBe(100);
  });

  it('runs a too-wide tab on across pages at the legible scale instead of fitting it under 7 pt', () => {
    const wide = tabWith(Array(10).fill(20), { orientation: 'landscape', fitToWidth: true, titleColumns: { from: 1, to: 1 } });
    settlePrint(wide);
    expect(wide.print).toEqual({ orientation: 'landscape', fitToWidth: false, scale: 65, titleColumns: { from: 1, to: 1 } });
    // 8 columns of 20 = 1544 px → 66 %: fitting keeps text above 7 pt, so it stays fitted (Excel re-fits when people resize)
    const fits = tabWith(Array(8).fill(20), { orientation: 'landscape', fitToWidth: true });
    settlePrint(fits);
    expect(fits.print).toEqual({ orientation: 'landscape', fitToWidth: true });
    // a tab that runs on anyway prints no larger than it must: 6 of 20 = 1158 px → 88 %
    const runs = tabWith(Array(6).fill(20), { orientation: 'landscape', fitToWidth: false });
    settlePrint(runs);
    expect(runs.print!.scale).toBe(88);
  });

  it('sizes a header column to its longest word, bold a little wider', () => {
    // "Partnership": 11 characters → 11 × 1.05 + 1 = 12.55 → 13
    expect(widthForLongestWord('Community Safety Partnership', 11, true)).toBe(13);
    expect(widthForLongestWord('Count of 2 (Partly)', 11, false)).toBe(9);
  });

  it('wraps words as the file host does', () => {
    // width 10 holds 12 characters a line at 11 pt: "one two three" (13) wraps after "two"
    expect(linesFor('one two three', 10, 11, false)).toBe(2);
    expect(linesFor('one two', 10, 11, false)).toBe(1);
  });

  it('estimates row heights from wrapped text, planned heights and hidden rows', () => {
    const tab = tabWith([10], { orientation: 'portrait', fitToWidth: true });
    tab.blocks.push({
      row: 1,
      col: 1,
      owner: 'generated',
      cells: [[{ v: 'Title' }], [{ v: 'one two three four five six' }], [{ v: 'x' }], [{ v: 'y' }]],
    });
    tab.formats.push(
      { range: { row: 1, col: 1, rows: 1, cols: 1 }, format: { fontSize: 14 } },
      { range: { row: 2, col: 1, rows: 1, cols: 1 }, format: { wrap: true } },
    );
    tab.rowHeights = [{ row: 3, height: 40 }];
    tab.hiddenRows = [4];
    // 14 pt: ceil(14 × 1.36) = 20; 27 characters at 12 a line: 3 lines × 15 + 3 = 48; planned 40; hidden 0
    expect(estimatedRowHeights(tab)).toEqual([0, 20, 48, 40, 0]);
  });

  it('breaks pages so a heading keeps its header and first rows, and a block taller than a page runs on', () => {
    const tab = tabWith([10], { orientation: 'landscape', fitToWidth: false, titleRows: { from: 1, to: 1 } });
    const rows = Array.from({ length: 120 }, (_, i) => [{ v: `r${i + 1}` }]);
    tab.blocks.push({ row: 1, col: 1, owner: 'generated', cells: rows });
    // at 100 %: a landscape page holds (8.27 − 1.3) in × 72 × 0.95 = 476.75 pt: 31 rows of 15 pt; later pages 30 after the title row
    expect(planRowBreaks(tab, [], 100)).toEqual([32, 62, 92]);
    // a heading at row 29 with 4 rows kept with it (75 pt) does not fit in the 56.75 pt left after row 28: it starts page 2
    expect(planRowBreaks(tab, [{ from: 29, to: 33 }], 100)).toEqual([29, 59, 89, 119]);
    // at 50 % a page holds twice as much: 63 rows (953.5 pt), then 62 — the 120 rows take two pages
    expect(planRowBreaks(tab, [], 50)).toEqual([64]);
  });

  it('puts the tab name and "Page n of m" in the footer, large enough to print at 7 pt', () => {
    expect(printFooter({ orientation: 'portrait', fitToWidth: false })).toEqual({ left: '&8&A', right: '&8Page &P of &N' });
    expect(printFooter({ orientation: 'portrait', fitToWidth: false, scale: 65 })).toEqual({ left: '&11&A', right: '&11Page &P of &N' });
    expect(printFooter({ orientation: 'portrait', fitToWidth: true })).toEqual({ left: '&11&A', right: '&11Page &P of &N' });
  });
});
