/** Reading cells out of a snapshot tab without trusting its shape (rows may be short, values of any type). */
import type { TabSnapshot } from '../host/types.js';
import type { CellValue } from '../review/types.js';

export function cell(tab: TabSnapshot, row: number, col: number): CellValue {
  const r = tab.values[row - 1];
  if (!r) return null;
  const v = r[col - 1];
  return v === undefined ? null : v;
}

export function isBlankValue(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A cell as text: numbers as JavaScript writes them, booleans as TRUE/FALSE, blank as ''. Not trimmed. */
export function textOf(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return v;
}

export function rowCount(tab: TabSnapshot): number {
  return tab.values.length;
}

export function colCount(tab: TabSnapshot): number {
  let n = 0;
  for (const r of tab.values) if (r && r.length > n) n = r.length;
  return n;
}

/** Last row (1-based) holding anything — spaces a person typed included, so nothing is written over them — 0 when empty. */
export function lastUsedRow(tab: TabSnapshot): number {
  for (let r = tab.values.length; r >= 1; r--) {
    const row = tab.values[r - 1];
    if (row && row.some((v) => v !== null && v !== undefined && v !== '')) return r;
  }
  return 0;
}

/** The snapshot tab with this name (tab names compare ignoring case, as spreadsheets do). */
export function findTab(tabs: Record<string, TabSnapshot>, name: string): TabSnapshot | undefined {
  if (tabs[name]) return tabs[name];
  const key = name.toLowerCase();
  for (const [n, t] of Object.entries(tabs)) if (n.toLowerCase() === key) return t;
  return undefined;
}

export function hasTabName(names: string[], name: string): boolean {
  const key = name.toLowerCase();
  return names.some((n) => n.toLowerCase() === key);
}
