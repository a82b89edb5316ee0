/**
 * How the preview grid shows a cell the way a spreadsheet would: the workbook's own formats (bold, fills, font
 * colours, alignment, wrapping), the conditional formats its value meets (the RAG colours) and the common number
 * formats. These colours are the workbook's content, drawn as Excel draws them; the pane itself uses Fluent tokens.
 */
import type { CSSProperties } from 'react';
import type { CellValue } from '../../core/review/types.js';
import type { CellFormat, ConditionalRule } from '../../core/sheet-plan/types.js';
import { displayValue } from './typed-value.js';

/** The format of the first rule the value meets (Excel's "between" includes both ends), or {} when none. */
export function conditionalFormat(rules: ConditionalRule[], value: CellValue): Partial<CellFormat> {
  for (const r of rules) {
    if (r.kind === 'textEquals') {
      if (typeof value === 'string' && value.trim().toLowerCase() === r.text.toLowerCase()) return { ...r.format };
      continue;
    }
    if (typeof value !== 'number') continue;
    const hit =
      r.operator === 'lt'
        ? value < r.value
        : r.operator === 'lte'
          ? value <= r.value
          : r.operator === 'gt'
            ? value > r.value
            : r.operator === 'gte'
              ? value >= r.value
              : value >= r.value && value <= (r.value2 ?? r.value);
    if (hit) return { ...r.format };
  }
  return {};
}

/**
 * A value under a number format, for the formats the sheet plans use: `0`, `0.0`, `0.00` (any number of
 * decimals), the same with `%` (value × 100, as spreadsheets do) or a quoted suffix (`0"%"`: shown as is), `dd/mm/yyyy` on date serials and ISO dates, `@`
 * and General.
 * Anything else falls back to the plain display.
 */
export function formatValue(value: CellValue, numberFormat: string | undefined): string {
  if (value === null) return '';
  const nf = numberFormat?.trim();
  if (typeof value === 'number' && nf && /^d{1,2}\W+m{1,2}\W+y{2,4}$/i.test(nf)) return serialToDate(value) ?? displayValue(value);
  if (typeof value === 'number' && nf) {
    const m = /^0(?:\.(0+))?(%|"[^"]*")?$/.exec(nf);
    if (m) {
      const decimals = m[1]?.length ?? 0;
      const suffix = m[2] ?? '';
      const n = suffix === '%' ? value * 100 : value;
      const text = n.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
      return `${text}${suffix.startsWith('"') ? suffix.slice(1, -1) : suffix}`;
    }
  }
  return displayValue(value);
}

/** An Excel date serial (days since 30/12/1899) as dd/mm/yyyy; null when it is not a whole day in range. */
export function serialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

/** The CSS for a cell's format. Cells with a fill but no font colour get Excel's automatic (black) text. */
export function cellCss(f: CellFormat, value: CellValue): CSSProperties {
  const css: CSSProperties = {};
  if (f.bold) css.fontWeight = 600;
  if (f.italic) css.fontStyle = 'italic';
  if (f.fill) css.backgroundColor = f.fill;
  if (f.fontColour) css.color = f.fontColour;
  else if (f.fill) css.color = '#000000';
  const align = f.hAlign ?? (typeof value === 'number' ? 'right' : undefined);
  if (align) css.textAlign = align;
  if (f.vAlign) css.verticalAlign = f.vAlign === 'middle' ? 'middle' : f.vAlign;
  return css;
}
