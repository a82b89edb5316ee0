/** A plan `CellFormat` queued on one Office.js range (one range per FormatRule, never per cell). */
import type { CellFormat, HAlign, RangeRef, VAlign } from '../../core/sheet-plan/types.js';
import type { ExcelRange } from './office-types.js';
import { CALL_OVERHEAD_BYTES } from './batches.js';

const H_ALIGN: Record<HAlign, 'Left' | 'Center' | 'Right'> = { left: 'Left', center: 'Center', right: 'Right' };
const V_ALIGN: Record<VAlign, 'Top' | 'Center' | 'Bottom'> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

function edgesFor(r: RangeRef): Edge[] {
  const edges: Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
  if (r.rows > 1) edges.push('InsideHorizontal');
  if (r.cols > 1) edges.push('InsideVertical');
  return edges;
}

/** Office.js takes number formats as a 2-D array the size of the range. */
export function numberFormatArray(r: RangeRef, code: string): string[][] {
  return Array.from({ length: r.rows }, () => Array.from({ length: r.cols }, () => code));
}

export function formatBytes(r: RangeRef, f: CellFormat): number {
  let n = CALL_OVERHEAD_BYTES * Object.keys(f).length;
  if (f.numberFormat !== undefined) n += r.rows * (r.cols * (JSON.stringify(f.numberFormat).length + 1) + 2);
  if (f.border) n += CALL_OVERHEAD_BYTES * 6;
  return n;
}

export function queueFormat(range: ExcelRange, r: RangeRef, f: CellFormat): void {
  const fmt = range.format;
  if (f.bold !== undefined) fmt.font.bold = f.bold;
  if (f.italic !== undefined) fmt.font.italic = f.italic;
  if (f.fontSize !== undefined) fmt.font.size = f.fontSize;
  if (f.fontColour !== undefined) fmt.font.color = f.fontColour;
  if (f.fill !== undefined) fmt.fill.color = f.fill;
  if (f.wrap !== undefined) fmt.wrapText = f.wrap;
  if (f.hAlign !== undefined) fmt.horizontalAlignment = H_ALIGN[f.hAlign];
  if (f.vAlign !== undefined) fmt.verticalAlignment = V_ALIGN[f.vAlign];
  if (f.numberFormat !== undefined) range.numberFormat = numberFormatArray(r, f.numberFormat);
  if (f.border !== undefined) {
    for (const edge of edgesFor(r)) {
      const b = fmt.borders.getItem(edge);
      if (f.border === 'thin') {
        b.style = 'Continuous';
        b.weight = 'Thin';
      } else {
        b.style = 'None';
      }
    }
  }
}
