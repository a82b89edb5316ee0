/**
 * Turning a plan block into the 2-D array Office.js takes, and splitting big blocks by rows.
 *
 * - A block of `{ v }` cells only is written through `range.values`; strings go through `hostText()`, so text a
 *   person typed is never parsed as a formula, number or date.
 * - A block holding any `{ f }` cell is written through `range.formulas`: formulas through `formulaForHost()`
 *   (no `_xlfn.` prefix), value cells as their literal values (strings again through `hostText()`).
 * - `null` becomes `''` (Office.js ignores `null` in an array: it would leave the old content in place).
 */
import type { Block, PlanCell } from '../../core/sheet-plan/types.js';
import { formulaForHost, hostText } from '../../core/sheet-plan/text-guard.js';

export type HostCell = string | number | boolean;

export interface BlockArray {
  kind: 'values' | 'formulas';
  rows: HostCell[][];
}

function literal(v: string | number | boolean | null): HostCell {
  if (v === null) return '';
  if (typeof v === 'string') return hostText(v);
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return v;
}

function isFormula(c: PlanCell): c is { f: string; v: string | number | boolean | null } {
  return 'f' in c;
}

export function blockToArray(block: Block): BlockArray {
  const hasFormula = block.cells.some((row) => row.some(isFormula));
  const rows = block.cells.map((row) => row.map((c) => (isFormula(c) ? formulaForHost(c.f) : literal(c.v))));
  return { kind: hasFormula ? 'formulas' : 'values', rows };
}

/** JSON size of one row as Office.js sends it (a close estimate of the request body). */
export function rowBytes(row: HostCell[]): number {
  return JSON.stringify(row).length + 1;
}

export interface RowChunk {
  /** 0-based offset of the chunk's first row within the block */
  offset: number;
  rows: HostCell[][];
  bytes: number;
}

/** Splits rows into consecutive chunks of at most `maxBytes` each (a single row bigger than that stays whole). */
export function chunkRows(rows: HostCell[][], maxBytes: number): RowChunk[] {
  const chunks: RowChunk[] = [];
  let current: RowChunk = { offset: 0, rows: [], bytes: 2 };
  rows.forEach((row, i) => {
    const b = rowBytes(row);
    if (current.rows.length > 0 && current.bytes + b > maxBytes) {
      chunks.push(current);
      current = { offset: i, rows: [], bytes: 2 };
    }
    current.rows.push(row);
    current.bytes += b;
  });
  if (current.rows.length > 0) chunks.push(current);
  return chunks;
}
