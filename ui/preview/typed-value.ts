/**
 * What typing into a cell of the preview grid stores, the way a spreadsheet takes typing: a whole number or a
 * decimal becomes a number, a date typed as dd/mm/yyyy becomes that date (stored as ISO `YYYY-MM-DD`, as the
 * Sheets and file hosts hand dates to the core), a leading apostrophe keeps the rest as text, and anything else is
 * text exactly as typed. Formulas are never evaluated: "=SUM(A1)" is kept as text.
 */
import type { CellValue } from '../../core/review/types.js';

export function typedValue(text: string): CellValue {
  if (text.startsWith("'")) return text.slice(1);
  const t = text.trim();
  if (t === '') return null;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return Number(t);
  const d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (d) {
    const day = Number(d[1]);
    const month = Number(d[2]);
    const year = Number(d[3]);
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
      return `${d[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
  }
  return text;
}

/** How the grid shows a value: numbers in en-GB with at most 2 decimals, ISO dates as dd/mm/yyyy, booleans as Excel does. */
export function displayValue(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') {
    return Number.isFinite(v) ? v.toLocaleString('en-GB', { maximumFractionDigits: 2, useGrouping: false }) : String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (iso) return `${iso[3]}/${iso[2]}/${iso[1]}`;
  return v;
}

/** What the edit box starts with when a person edits a cell (F2 / double-click): the value they could retype. */
export function editText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (iso) return `${iso[3]}/${iso[2]}/${iso[1]}`;
  // text that would be taken as a number or date if retyped keeps its apostrophe
  return typedValue(v) === v ? v : `'${v}`;
}
