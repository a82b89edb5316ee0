/**
 * How a tab prints (issue #13), worked out in core from the plan alone so every host prints alike:
 *
 * - a legibility floor: no text prints under 7 pt, so a tab is never shrunk below 7 / (its smallest font) — a tab
 *   too wide for one page at that scale runs on across pages with its title columns repeated instead;
 * - a fixed scale where the page breaks are planned (the Summary), and manual row breaks (`rowBreaks`) that keep
 *   each chart on one page and each table's heading and header with its first rows, from the plan's layout, the
 *   estimated row heights and the page height;
 * - the column width a header needs so it never breaks inside a word.
 *
 * The estimates are deliberately on the safe side: widths as LibreOffice lays them out when Calibri is not installed
 * and a wider font stands in (9.4 px per character of column width, against 7 in Calibri), lines of wrapped text as
 * the file host estimates them (`linesFor`).
 */
import type { CellFormat, PrintSpec, TabPlan } from './types.js';

/** The smallest font size (points) any printed text may have after scaling. */
export const MIN_PRINT_POINTS = 7;
const DEFAULT_FONT = 11;
const DEFAULT_WIDTH = 8.43;
const LINE_POINTS = 15;
const PADDING_POINTS = 3;
/** A4 less the plan's margins (0.5 in left and right; 0.6 in top, 0.7 in bottom, where the footer sits) */
const PRINTABLE_PX = { portrait: (8.27 - 1) * 96, landscape: (11.69 - 1) * 96 };
const PRINTABLE_PT = { portrait: (11.69 - 1.3) * 72, landscape: (8.27 - 1.3) * 72 };
/** What a page holds is estimated; keep this much of it spare for rounding in the spreadsheet's own layout. */
const PAGE_SAFETY = 0.95;
const SAFE_PX_PER_CHAR = 9.4;

/** How many lines `text` takes in a column `width` characters wide (words wrap, so a little less fits). */
export function linesFor(text: string, width: number, fontSize: number, bold: boolean): number {
  // about 1.2 characters of ordinary text fit in each unit of column width in Calibri (lines 15 pt apart), but in the
  // wider fallback font LibreOffice uses only about 1.1 fit: a text of two Calibri lines printed on three, cut at the
  // row's foot (issue #13). Counted at 1.1, so a row is as tall as its text in either font.
  const perLine = Math.max(1, Math.floor((width * 1.1 * 11) / (fontSize * (bold ? 1.08 : 1))));
  // one pass over the text (it ran once per wrapped cell, splitting every paragraph and word into new strings):
  // paragraphs end at a line feed, words at JavaScript's white space (\s)
  let lines = 0;
  let count = 0; // lines of the paragraph so far; 0 before its first word
  let line = 0; // characters on its last line
  let word = 0; // characters of the word being read
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10; // the end of the text ends the last paragraph
    if (c !== 10 && !isWhiteSpace(c)) {
      word++;
      continue;
    }
    if (word > 0) {
      if (count === 0) {
        count = 1;
        line = word;
      } else if (line + 1 + word <= perLine) line += 1 + word;
      else {
        count++;
        line = word;
      }
      while (line > perLine) {
        count++;
        line -= perLine;
      }
      word = 0;
    }
    if (c === 10) {
      lines += Math.max(1, count); // a paragraph without words is one line
      count = 0;
      line = 0;
    }
  }
  return lines;
}

/** Whether a UTF-16 unit is white space as `\s` matches it in JavaScript. */
function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The column width (characters) that holds the longest word of `text` on one line, at `fontSize`, bold or not. */
export function widthForLongestWord(text: string, fontSize = DEFAULT_FONT, bold = false): number {
  const longest = Math.max(0, ...text.split(/\s+/).map((w) => [...w].length));
  // a character of text is about one unit of column width at 11 pt (the unit is the width of a digit, wider than an
  // average letter in Calibri and in DejaVu Sans alike); bold ~5 % wider; one unit for the cell's padding
  return Math.ceil(longest * (fontSize / DEFAULT_FONT) * (bold ? 1.05 : 1) + 1);
}

/** The smallest printed scale (percent) that keeps every font of the tab at or above 7 pt. */
export function legibleScale(tab: TabPlan): number {
  const hidden = new Set(tab.hiddenRows ?? []);
  let smallest = DEFAULT_FONT;
  for (const f of tab.formats) {
    const size = f.format.fontSize;
    if (size === undefined) continue;
    let shown = false;
    for (let r = f.range.row; r < f.range.row + f.range.rows && !shown; r++) shown = !hidden.has(r);
    if (shown) smallest = Math.min(smallest, size);
  }
  // one percent spare: spreadsheets round a scaled font to their own steps
  return Math.min(100, Math.ceil((MIN_PRINT_POINTS / smallest) * 100) + 1);
}

function lastColumn(tab: TabPlan): number {
  let last = 1;
  for (const b of tab.blocks) last = Math.max(last, b.col + (b.cells[0]?.length ?? 1) - 1);
  for (const w of tab.columnWidths) last = Math.max(last, w.col);
  return last;
}

function lastRow(tab: TabPlan): number {
  let last = 1;
  for (const b of tab.blocks) last = Math.max(last, b.row + b.cells.length - 1);
  return last;
}

function widthOf(tab: TabPlan, col: number): number {
  return tab.columnWidths.find((w) => w.col === col)?.width ?? DEFAULT_WIDTH;
}

type Widths = { col: number; width: number }[];

/** The scale (percent, at most 100) at which the printed columns fit one page width. */
export function fitScale(tab: TabPlan, widths?: Widths): number {
  const p = tab.print;
  if (!p) return 100;
  const t = widths ? { ...tab, columnWidths: widths } : tab;
  const hidden = new Set(tab.hiddenColumns ?? []);
  const from = p.area ? p.area.col : 1;
  const to = p.area ? p.area.col + p.area.cols - 1 : lastColumn(t);
  let px = 0;
  for (let c = from; c <= to; c++) if (!hidden.has(c)) px += widthOf(t, c) * SAFE_PX_PER_CHAR + 5;
  return Math.min(100, Math.floor((PRINTABLE_PX[p.orientation] / Math.max(1, px)) * 100));
}

/** What a row's height depends on in a cell's format. */
interface TextFormat {
  fontSize: number | undefined;
  wrap: boolean | undefined;
  bold: boolean | undefined;
}

/** Every cell's font size, wrap and bold as the plan leaves them (later rules win), for the rows and columns asked
 *  about. The answer is one object, overwritten at the next call. */
function textFormatAt(tab: TabPlan): (row: number, col: number) => Readonly<TextFormat> {
  const byRow = new Map<number, { from: number; to: number; format: CellFormat }[]>();
  for (const f of tab.formats) {
    if (f.format.fontSize === undefined && f.format.wrap === undefined && f.format.bold === undefined) continue;
    for (let r = f.range.row; r < f.range.row + f.range.rows; r++) {
      let list = byRow.get(r);
      if (!list) byRow.set(r, (list = []));
      list.push({ from: f.range.col, to: f.range.col + f.range.cols - 1, format: f.format });
    }
  }
  const out: TextFormat = { fontSize: undefined, wrap: undefined, bold: undefined };
  return (row, col) => {
    out.fontSize = out.wrap = out.bold = undefined;
    const list = byRow.get(row);
    if (list)
      for (const f of list) {
        if (col < f.from || col > f.to) continue;
        if (f.format.fontSize !== undefined) out.fontSize = f.format.fontSize;
        if (f.format.wrap !== undefined) out.wrap = f.format.wrap;
        if (f.format.bold !== undefined) out.bold = f.format.bold;
      }
    return out;
  };
}

/** Estimated height (points) of each row of the tab from 1 to its last row, as the hosts and spreadsheets size them. */
export function estimatedRowHeights(tab: TabPlan, cellHeights?: readonly number[]): number[] {
  return withSetHeights(tab, cellHeights ?? cellRowHeights(tab));
}

/** `heights` (from `cellRowHeights`) with the tab's set row heights and hidden rows: a new array. */
function withSetHeights(tab: TabPlan, cellHeights: readonly number[]): number[] {
  const heights = cellHeights.slice();
  const last = heights.length - 1;
  for (const h of tab.rowHeights ?? []) if (h.row <= last) heights[h.row] = h.fit ? Math.max(heights[h.row]!, h.height) : h.height;
  for (const r of tab.hiddenRows ?? []) if (r <= last) heights[r] = 0;
  return heights;
}

/** The rows' heights as their cells need them (text, font size, wrap and the columns' widths), before the tab's set
 *  row heights: what `estimatedRowHeights` starts from, for a caller that changes only the set heights in between. */
export function cellRowHeights(tab: TabPlan): number[] {
  const last = lastRow(tab);
  const heights = Array.from({ length: last + 1 }, () => LINE_POINTS);
  heights[0] = 0;
  const fmt = textFormatAt(tab);
  const mergedWidth = new Map<string, number>();
  const covered = new Set<string>();
  for (const m of tab.merges) {
    const rows = m.across ? m.rows : 1;
    for (let i = 0; i < rows; i++) {
      let w = 0;
      for (let c = m.col; c < m.col + m.cols; c++) w += widthOf(tab, c);
      if (m.across || m.rows === 1) mergedWidth.set(`${m.row + i},${m.col}`, w);
      else for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) covered.add(`${r},${c}`); // spread over rows: leave alone
    }
  }
  for (const b of tab.blocks) {
    b.cells.forEach((cells, i) => {
      const row = b.row + i;
      cells.forEach((cell, j) => {
        const col = b.col + j;
        const text = cell.v;
        if (text === null || text === '' || (covered.size > 0 && covered.has(`${row},${col}`))) return;
        const f = fmt(row, col);
        const size = f.fontSize ?? DEFAULT_FONT;
        let h = Math.max(LINE_POINTS, Math.ceil(size * 1.36));
        if (f.wrap && typeof text === 'string') {
          const width = mergedWidth.get(`${row},${col}`) ?? widthOf(tab, col);
          const lines = linesFor(text, width, size, f.bold ?? false);
          if (lines > 1) h = Math.max(h, lines * LINE_POINTS * (size / DEFAULT_FONT) + PADDING_POINTS);
        }
        heights[row] = Math.max(heights[row]!, Math.min(409, Math.ceil(h)));
      });
    });
  }
  return heights;
}

/** Rows that begin something kept whole: a heading (with its header and first rows) or a chart (and its heading). */
export interface KeepTogether {
  from: number;
  to: number;
}

/** A table on a tab: its header row, its body (first to last row) and the rows where its header is written again. */
export interface TableSpan {
  key: string;
  header: number;
  first: number;
  last: number;
  repeats: number[];
}

/** Page breaks, and where a table's header must be written again so the page it starts shows it (by table key). */
export interface PlannedBreaks {
  breaks: number[];
  /** data rows (0-based, not counting headers written again) before which each table's header must be written again */
  repeatBefore: Map<string, number[]>;
}

/**
 * Print a tab at a fixed scale, with manual row breaks that never split a kept-together run of rows (unless it is
 * taller than a page, when it starts a page of its own and runs on). Rows from `titleRows` repeat on every page.
 * A break inside a table's body that is not at a header written again asks for one there (`repeatBefore`), and the
 * page it starts keeps room for it, so a second plan with those headers written breaks at them.
 */
export function planRowBreaks(tab: TabPlan, keep: KeepTogether[], scale: number, tables: TableSpan[] = []): number[] {
  return planPages(tab, keep, scale, tables).breaks;
}

/** `cellHeights`: the tab's `cellRowHeights`, when the caller has them (its cells, formats, widths and merges unchanged
 *  since). */
export function planPages(
  tab: TabPlan,
  keep: KeepTogether[],
  scale: number,
  tables: TableSpan[] = [],
  cellHeights?: readonly number[],
): PlannedBreaks {
  const p = tab.print!;
  const heights = withSetHeights(tab, cellHeights ?? cellRowHeights(tab));
  const last = heights.length - 1;
  const titles = p.titleRows ? heights.slice(p.titleRows.from, p.titleRows.to + 1).reduce((s, h) => s + h, 0) : 0;
  const page = (PRINTABLE_PT[p.orientation] * PAGE_SAFETY) / (scale / 100);
  const firstPage = page; // the title rows are the first rows themselves on page 1
  const restPage = page - titles;
  const unitEnd = new Map<number, number>();
  for (const k of keep) unitEnd.set(k.from, Math.max(unitEnd.get(k.from) ?? k.from, Math.min(k.to, last)));
  // a header written again starts its page with the rows after it
  for (const t of tables) for (const r of t.repeats) unitEnd.set(r, Math.max(unitEnd.get(r) ?? r, Math.min(r + 2, t.last)));
  const breaks: number[] = [];
  const repeatBefore = new Map<string, number[]>();
  let room = firstPage;
  let onPage = 0; // rows on the current page (after the titles)
  const newPage = (at: number): void => {
    breaks.push(at);
    room = restPage;
    onPage = 0;
    const t = tables.find((x) => at > x.first && at <= x.last);
    if (!t || t.repeats.includes(at)) return;
    const index = at - t.first - t.repeats.filter((r) => r < at).length;
    repeatBefore.set(t.key, [...(repeatBefore.get(t.key) ?? []), index]);
    room -= heights[t.header] ?? LINE_POINTS;
  };
  for (let r = 1; r <= last;) {
    const end = unitEnd.get(r) ?? r;
    let h = 0;
    for (let k = r; k <= end; k++) h += heights[k]!;
    if (h > room && onPage > 0) {
      newPage(r);
      continue;
    }
    if (h > room) {
      // taller than a page on its own: rows one by one
      for (let k = r; k <= end; k++) {
        if (heights[k]! > room && onPage > 0) newPage(k);
        room -= heights[k]!;
        onPage++;
      }
    } else {
      room -= h;
      onPage += end - r + 1;
    }
    r = end + 1;
  }
  return { breaks, repeatBefore };
}

/**
 * Give each header row written again inside a table (`TableSpan.repeats`) the header's own look: the formats and
 * height of the table's header row, and none of the body's (a body's format or conditional format is split around
 * it, so a rule for figures never colours a header). Call after every format of the tab is laid.
 */
export function settleRepeatedHeaders(tab: TabPlan, tables: TableSpan[]): void {
  const repeated = new Set(tables.flatMap((t) => t.repeats));
  if (repeated.size === 0) return;
  const split = (range: { row: number; col: number; rows: number; cols: number }) => {
    const out: (typeof range)[] = [];
    let from = range.row;
    for (let r = range.row; r < range.row + range.rows; r++) {
      if (!repeated.has(r)) continue;
      if (r > from) out.push({ ...range, row: from, rows: r - from });
      from = r + 1;
    }
    if (from < range.row + range.rows) out.push({ ...range, row: from, rows: range.row + range.rows - from });
    return out;
  };
  tab.formats = tab.formats.flatMap((f) => split(f.range).map((range) => ({ ...f, range })));
  tab.conditionalFormats = tab.conditionalFormats.flatMap((c) => split(c.range).map((range) => ({ ...c, range })));
  for (const t of tables) {
    const own = tab.formats.filter((f) => f.range.row === t.header && f.range.rows === 1);
    const height = (tab.rowHeights ?? []).find((h) => h.row === t.header);
    for (const r of t.repeats) {
      for (const f of own) tab.formats.push({ ...f, range: { ...f.range, row: r } });
      if (height) tab.rowHeights!.push({ ...height, row: r });
    }
  }
}

/**
 * Settle a tab's print setup: never under 7 pt. A tab set to fit one page wide that would shrink below that prints at
 * the legible scale instead and runs on across pages (its title columns repeating); a tab that runs on across pages
 * anyway prints no larger than it must, down to the legible scale, so it takes fewer pages. `widths`: the tab's
 * column widths when the plan does not set them (a tab it only updates).
 */
export function settlePrint(tab: TabPlan, widths?: Widths): void {
  const p = tab.print;
  if (!p) return;
  const floor = legibleScale(tab);
  const fit = fitScale(tab, widths);
  if (p.fitToWidth) {
    if (fit < floor) {
      p.fitToWidth = false;
      p.scale = floor;
    }
  } else if (p.scale === undefined) {
    p.scale = Math.max(floor, fit);
  }
}

/**
 * The footer every printed tab carries: the tab's name at the left, "Page n of m" at the right (codes of the file
 * format and of Office.js alike: `&A` tab name, `&P` page, `&N` pages, `&8` font size). Numbering runs on from the
 * tab before, never restarting. The footer scales with the page, so its font is large enough to print at 7 pt or
 * more: a tab fitted to one page wide is never shrunk below the legible scale (65 % for 11 pt text).
 */
export function printFooter(p: PrintSpec): { left: string; right: string } {
  const scale = p.scale ?? (p.fitToWidth ? Math.ceil((MIN_PRINT_POINTS / DEFAULT_FONT) * 100) + 1 : 100);
  const size = Math.max(8, Math.ceil((MIN_PRINT_POINTS * 100) / scale));
  return { left: `&${size}&A`, right: `&${size}Page &P of &N` };
}
