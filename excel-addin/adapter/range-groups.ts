/** Grouping column and row settings into as few ranges as possible (one call per run of equal settings). */
import { columnLetter } from '../../core/util/a1.js';

export interface Run<T> {
  from: number;
  to: number;
  value: T;
}

/** Consecutive indexes with the same value, in index order (later entries for the same index win). */
export function runsOf<T>(entries: { index: number; value: T }[]): Run<T>[] {
  const byIndex = new Map<number, T>();
  for (const e of entries) byIndex.set(e.index, e.value);
  const sorted = [...byIndex.entries()].sort((a, b) => a[0] - b[0]);
  const runs: Run<T>[] = [];
  for (const [index, value] of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.to === index - 1 && last.value === value) last.to = index;
    else runs.push({ from: index, to: index, value });
  }
  return runs;
}

/** C:E */
export function columnsAddress(from: number, to: number): string {
  return `${columnLetter(from)}:${columnLetter(to)}`;
}

/** 3:5 */
export function rowsAddress(from: number, to: number): string {
  return `${from}:${to}`;
}
