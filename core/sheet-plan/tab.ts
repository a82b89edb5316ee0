import type { Block, PlanCell, TabPlan, TabRole } from './types.js';

/** A tab plan with nothing in it yet. */
export function newTab(name: string, role: TabRole, mode: TabPlan['mode']): TabPlan {
  return { name, role, mode, blocks: [], formats: [], columnWidths: [], merges: [], validations: [], conditionalFormats: [], charts: [] };
}

export function block(row: number, col: number, cells: PlanCell[][], owner: Block['owner'] = 'generated'): Block {
  const width = cells.reduce((m, r) => Math.max(m, r.length), 0);
  const rectCells = cells.map((r) => (r.length === width ? r : [...r, ...Array.from({ length: width - r.length }, () => ({ v: null }))]));
  return { row, col, cells: rectCells, owner };
}

/** Set a column width once (the last setting wins). */
export function setWidth(tab: TabPlan, col: number, width: number): void {
  const existing = tab.columnWidths.find((w) => w.col === col);
  if (existing) existing.width = width;
  else tab.columnWidths.push({ col, width });
}
