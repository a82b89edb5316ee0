import type { CellRef } from '../review/types.js';
import type { RangeRef } from '../sheet-plan/types.js';

/** 1 → A, 27 → AA */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`column must be a whole number from 1, got ${col}`);
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 1, AA → 27 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0) - 64;
    if (c < 1 || c > 26) throw new RangeError(`not a column: ${letters}`);
    n = n * 26 + c;
  }
  return n;
}

/** (row 3, col 2) → B3 */
export function a1(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetter(col)}$${row}` : `${columnLetter(col)}${row}`;
}

/** B3:D9 (a single cell gives B3) */
export function rangeA1(r: RangeRef, absolute = false): string {
  const tl = a1(r.row, r.col, absolute);
  if (r.rows === 1 && r.cols === 1) return tl;
  return `${tl}:${a1(r.row + r.rows - 1, r.col + r.cols - 1, absolute)}`;
}

/** Quote a sheet name for use in a formula or address: 'My Tab'!A1 */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Responses!D7 — how problems name a cell for people. */
export function cellLabel(at: CellRef): string {
  return `${at.sheet}!${a1(at.row, at.col)}`;
}

export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new RangeError(`not an A1 address: ${address}`);
  return { col: columnNumber(m[1]!), row: Number(m[2]) };
}
