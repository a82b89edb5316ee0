/**
 * Cell values between the package and the host contract: dates as ISO text, and what `apply` writes for a plan
 * cell. Text is always written as text (a shared string), never as a formula; only `{ f }` plan cells are formulas.
 */
import type { PlanCell } from '../../core/sheet-plan/types.js';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A date as ISO: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when it carries a time of day (read as UTC). */
export function isoDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day}T${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** A plan cell as what to write: `{ f, v }` → the formula without `=` (`_xlfn.` kept) and core's value as its
 *  cached result; `{ v }` → the value itself (an empty string is a blank cell). */
export function planCellValue(cell: PlanCell): { value: string | number | boolean | null; formula?: string } {
  if ('f' in cell) {
    const formula = cell.f.startsWith('=') ? cell.f.slice(1) : cell.f;
    return { value: cell.v ?? null, formula };
  }
  const v = cell.v;
  if (typeof v === 'number' && !Number.isFinite(v)) return { value: null };
  if (v === '') return { value: null };
  return { value: v ?? null };
}
