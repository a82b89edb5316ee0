/** Sizes of the preview grid: how many rows and columns to draw and how wide each column is. Pure. */
import type { CellValue } from '../../core/review/types.js';
import { displayValue } from './typed-value.js';

/** Draw at least this much, and this much beyond the last used cell, so people can type past the end. */
export const MIN_ROWS = 40;
export const MIN_COLS = 26;
export const EXTRA_ROWS = 10;
export const EXTRA_COLS = 3;

/** The preview draws at most this many rows (a review with a thousand respondents stays responsive); the
 *  workbook itself keeps them all. */
export const MAX_DRAWN_ROWS = 500;

export function gridSize(values: CellValue[][]): { rows: number; cols: number; clipped: boolean } {
  const usedRows = values.length;
  const usedCols = values.reduce((m, r) => Math.max(m, r.length), 0);
  const rows = Math.max(MIN_ROWS, usedRows + EXTRA_ROWS);
  return { rows: Math.min(rows, MAX_DRAWN_ROWS), cols: Math.max(MIN_COLS, usedCols + EXTRA_COLS), clipped: rows > MAX_DRAWN_ROWS };
}

/** Pixels for a width in characters (Excel's unit: about 7 px a character plus 5 px of padding). */
export function charsToPixels(chars: number): number {
  return Math.round(chars * 7 + 5);
}

/**
 * Column widths in pixels: the width the plan set (in characters) where it set one, otherwise from the longest
 * text in the column (first 200 rows), between 64 and 240.
 */
export function columnWidths(values: CellValue[][], cols: number, planned: ReadonlyMap<number, number> = new Map()): number[] {
  const widths: number[] = [];
  const rows = Math.min(values.length, 200);
  for (let c = 0; c < cols; c++) {
    const set = planned.get(c + 1);
    if (set !== undefined) {
      widths.push(Math.max(24, charsToPixels(set)));
      continue;
    }
    let longest = 0;
    for (let r = 0; r < rows; r++) {
      const v = values[r]?.[c] ?? null;
      if (v !== null) longest = Math.max(longest, displayValue(v).length);
    }
    widths.push(Math.min(240, Math.max(64, longest * 7 + 16)));
  }
  return widths;
}

/** Where merged ranges put their top-left cell (with its spans over the rows and columns shown) and which cells they cover. */
export interface MergeMap {
  /** `row:col` of a top-left cell → spans */
  anchors: Map<string, { rowSpan: number; colSpan: number }>;
  /** `row:col` of every other cell a merge covers (not drawn) */
  covered: Set<string>;
}

export function mergeMap(
  merges: readonly { row: number; col: number; rows: number; cols: number }[],
  hiddenRows: ReadonlySet<number> = new Set(),
  hiddenColumns: ReadonlySet<number> = new Set(),
): MergeMap {
  const anchors = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of merges) {
    if (m.rows * m.cols <= 1) continue;
    let rowSpan = 0;
    let colSpan = 0;
    for (let r = m.row; r < m.row + m.rows; r++) if (!hiddenRows.has(r)) rowSpan++;
    for (let c = m.col; c < m.col + m.cols; c++) if (!hiddenColumns.has(c)) colSpan++;
    anchors.set(`${m.row}:${m.col}`, { rowSpan: Math.max(1, rowSpan), colSpan: Math.max(1, colSpan) });
    for (let r = m.row; r < m.row + m.rows; r++) {
      for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(`${r}:${c}`);
    }
  }
  return { anchors, covered };
}
