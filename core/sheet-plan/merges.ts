/** Merged ranges as a spreadsheet holds them: a merge `across` is one merged range per row. Pure. */
import type { MergeSpec, RangeRef } from './types.js';

/** The merged ranges one plan merge makes (none when it covers a single cell). */
export function mergedRanges(m: MergeSpec): RangeRef[] {
  if (m.rows < 1 || m.cols < 1) return [];
  if (m.across) {
    if (m.cols < 2) return [];
    return Array.from({ length: m.rows }, (_, i) => ({ row: m.row + i, col: m.col, rows: 1, cols: m.cols }));
  }
  return m.rows * m.cols < 2 ? [] : [{ row: m.row, col: m.col, rows: m.rows, cols: m.cols }];
}

/**
 * Merged ranges a tab's frozen rows or columns would cut in two. Google Sheets refuses both orders: freezing
 * columns that hold part of a merged cell ("Sorry, you can't freeze columns which contain only part of a merged
 * cell") and merging across the frozen edge; Excel shows such a merge split by the pane edge. A valid plan has none.
 */
export function mergesSplitByFreeze(tab: { merges: MergeSpec[]; freeze?: { rows: number; cols: number } }): RangeRef[] {
  const f = tab.freeze;
  if (!f) return [];
  const cuts = (start: number, count: number, edge: number): boolean => edge > 0 && start <= edge && start + count - 1 > edge;
  return tab.merges.flatMap(mergedRanges).filter((m) => cuts(m.row, m.rows, f.rows) || cuts(m.col, m.cols, f.cols));
}
