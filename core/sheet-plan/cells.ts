/**
 * Small builders for plan cells, formats and formula text. Every formula is en-US with `,` separators and no locale text.
 */
import type { CellFormat, PlanCell } from './types.js';

export const blank: PlanCell = { v: null };

/** A literal value cell (text stays text: hosts guard it). */
export function val(v: string | number | boolean | null | undefined): PlanCell {
  return { v: v === undefined ? null : v };
}

/** A live formula with core's own value for it (`null` → shown as empty). */
export function fx(f: string, v: string | number | boolean | null | undefined): PlanCell {
  return { f: f.startsWith('=') ? f : `=${f}`, v: v === undefined || v === null ? '' : v };
}

/** A string literal inside a formula: quotes doubled. */
export function fstr(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** COUNTIF/COUNTIFS criterion matching `s` exactly (case-insensitive): `=` prefix so operators in the text are literal,
 *  and `~` before the wildcards `~ * ?`. */
export function criterion(s: string): string {
  return fstr(`=${s.replace(/[~*?]/g, (m) => `~${m}`)}`);
}

/**
 * A number as formula text that every spreadsheet parses to the same double JavaScript holds. Excel keeps only 15
 * significant digits of a typed constant, so a fraction such as 2/3 is written as the division `2/3`.
 */
export function fnum(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`cannot write ${n} into a formula`);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(n);
  if (!/e/i.test(s) && s.replace(/[-.]/g, '').replace(/^0+/, '').length <= 15) return s;
  for (let d = 2; d <= 10000; d++) {
    const num = Math.round(n * d);
    if (num / d === n) return num < 0 ? `(${num}/${d})` : `${num}/${d}`;
  }
  return n.toPrecision(15);
}

export const STYLE = {
  title: { bold: true, fontSize: 14 } satisfies CellFormat,
  heading: { bold: true, fontSize: 12 } satisfies CellFormat,
  header: { bold: true, fill: '#D9E1F2', fontColour: '#1F2937', wrap: true, vAlign: 'top', border: 'thin' } satisfies CellFormat,
  note: { italic: true, fontColour: '#404040' } satisfies CellFormat,
  wrapTop: { wrap: true, vAlign: 'top' } satisfies CellFormat,
  input: { fill: '#FFFFFF', border: 'thin', vAlign: 'top' } satisfies CellFormat,
  key: { fontColour: '#808080', fontSize: 8 } satisfies CellFormat,
  generated: { fill: '#F2F2F2', vAlign: 'top' } satisfies CellFormat,
} as const;

/** RAG fills with text colours at a contrast of at least 4.5:1 (WCAG AA). */
export const RAG_COLOURS = {
  Green: { fill: '#C6EFCE', fontColour: '#006100' },
  Amber: { fill: '#FFEB9C', fontColour: '#7A4F01' },
  Red: { fill: '#FFC7CE', fontColour: '#9C0006' },
} as const;

/** dd/mm/yyyy from an ISO date (YYYY-MM-DD…); other text unchanged. */
export function ukDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
