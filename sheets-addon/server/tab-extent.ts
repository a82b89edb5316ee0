/**
 * How many rows and columns a tab plan reaches, so the host can size the sheet before writing (Apps Script refuses
 * a range outside the sheet's grid: a new sheet has 1,000 rows and 26 columns). Pure.
 */
import type { RangeRef, TabPlan } from '../../core/sheet-plan/types.js';

export interface Extent {
  rows: number;
  cols: number;
}

export function tabExtent(tab: TabPlan): Extent {
  let rows = 1;
  let cols = 1;
  const add = (r: RangeRef): void => {
    if (r.rows < 1 || r.cols < 1) return;
    rows = Math.max(rows, r.row + r.rows - 1);
    cols = Math.max(cols, r.col + r.cols - 1);
  };
  for (const b of tab.blocks) add({ row: b.row, col: b.col, rows: b.cells.length, cols: b.cells[0]?.length ?? 0 });
  for (const f of tab.formats) add(f.range);
  for (const v of tab.validations) add(v.range);
  for (const c of tab.conditionalFormats) add(c.range);
  for (const m of tab.merges) add(m);
  for (const c of tab.charts) {
    add(c.data);
    add({ row: c.anchor.row, col: c.anchor.col, rows: 1, cols: 1 });
  }
  for (const w of tab.columnWidths) cols = Math.max(cols, w.col);
  for (const h of tab.rowHeights ?? []) rows = Math.max(rows, h.row);
  for (const c of tab.hiddenColumns ?? []) cols = Math.max(cols, c);
  for (const r of tab.hiddenRows ?? []) rows = Math.max(rows, r);
  for (const e of tab.protection?.editable ?? []) add(e);
  for (const o of tab.protection?.owned ?? []) add(o.range);
  if (tab.freeze) {
    // Sheets needs at least one row and column below and right of the frozen ones
    rows = Math.max(rows, tab.freeze.rows + 1);
    cols = Math.max(cols, tab.freeze.cols + 1);
  }
  return { rows, cols };
}

/** Consecutive runs of equal values, e.g. widths [{col 1, 20}, {col 2, 20}, {col 3, 9}] → [1..2 → 20, 3 → 9]. */
export function runs<T>(items: { at: number; value: T }[]): { start: number; count: number; value: T }[] {
  const last = new Map<number, T>(); // the same position twice: the later wins
  for (const it of items) last.set(it.at, it.value);
  const out: { start: number; count: number; value: T }[] = [];
  for (const at of [...last.keys()].sort((a, b) => a - b)) {
    const value = last.get(at) as T;
    const run = out[out.length - 1];
    if (run && run.start + run.count === at && run.value === value) run.count += 1;
    else out.push({ start: at, count: 1, value });
  }
  return out;
}
