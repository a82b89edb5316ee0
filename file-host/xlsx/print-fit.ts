/**
 * "Fit to one page wide" that LibreOffice also honours. LibreOffice breaks pages only between columns, so a single
 * column wider than the page counts as "one page wide" already and is printed cut off instead of shrunk. For such
 * a tab we print at a fixed scale worked out from the column widths instead (Excel and LibreOffice both honour a
 * scale); every other tab keeps Excel's fit-to-width, which adapts when people resize columns.
 */
import type { PrintSpec } from '../../core/sheet-plan/types.js';
import type { SheetModel } from './sheet.js';

const A4_INCHES = { portrait: 8.27, landscape: 11.69 };
/** the plan's margins (left and right), inches */
const MARGINS = 0.5 + 0.5;
/** Pixels per character of column width as LibreOffice lays them out when Calibri is not installed and DejaVu Sans
 *  stands in (its digit is 9.33 px at 11 pt where Calibri's is 7): an upper bound for Excel and LibreOffice alike. */
const SAFE_PX_PER_CHAR = 9.4;

function safePixels(width: number): number {
  return width * SAFE_PX_PER_CHAR + 5;
}

/** The scale (percent) that fits the printed columns on one page width, or null when fit-to-width works as is. */
export function fixedScaleFor(ws: SheetModel, p: PrintSpec): number | null {
  if (!p.fitToWidth) return null;
  const from = p.area ? p.area.col : 1;
  const to = p.area ? p.area.col + p.area.cols - 1 : Math.max(1, ws.lastColumn());
  let total = 0;
  let widest = 0;
  for (let c = from; c <= to; c++) {
    if (ws.colHidden(c)) continue;
    const px = safePixels(ws.colWidth(c));
    total += px;
    widest = Math.max(widest, px);
  }
  const printable = ((p.orientation === 'landscape' ? A4_INCHES.landscape : A4_INCHES.portrait) - MARGINS) * 96;
  if (widest <= printable) return null;
  return Math.max(10, Math.min(100, Math.floor((printable / total) * 100)));
}
