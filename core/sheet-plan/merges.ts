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
