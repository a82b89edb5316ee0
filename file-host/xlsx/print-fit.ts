/**
 * "Fit to one page wide" that LibreOffice also honours. LibreOffice breaks pages only between columns, so a single
 * column wider than the page counts as "one page wide" already and is printed cut off instead of shrunk. For such
 * a tab we print at a fixed scale worked out from the column widths instead (Excel and LibreOffice both honour a
 * scale); every other tab keeps Excel's fit-to-width, which adapts when people resize columns.
 */
import type ExcelJS from 'exceljs';

const A4_INCHES = { portrait: 8.27, landscape: 11.69 };
const DEFAULT_COL_WIDTH = 8.43;
/** Pixels per character of column width as LibreOffice lays them out when Calibri is not installed and DejaVu Sans
 *  stands in (its digit is 9.33 px at 11 pt where Calibri's is 7): an upper bound for Excel and LibreOffice alike. */
const SAFE_PX_PER_CHAR = 9.4;

function safePixels(width: number): number {
  return width * SAFE_PX_PER_CHAR + 5;
}

function printedColumns(ws: ExcelJS.Worksheet): { from: number; to: number } {
  const area = ws.pageSetup.printArea;
  const m = area ? /^\$?([A-Z]+)\$?\d+:\$?([A-Z]+)\$?\d+$/i.exec(area.split('&&')[0] ?? '') : null;
  const num = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  if (m) return { from: num(m[1]!), to: num(m[2]!) };
  return { from: 1, to: Math.max(1, ws.actualColumnCount ? ws.columnCount : 1) };
}

/** The scale (percent) that fits the printed columns on one page width, or null when fit-to-width works as is. */
export function fixedScaleFor(ws: ExcelJS.Worksheet): number | null {
  const ps = ws.pageSetup;
  if (!ps.fitToPage || ps.fitToWidth !== 1) return null;
  const { from, to } = printedColumns(ws);
  let total = 0;
  let widest = 0;
  for (let c = from; c <= to; c++) {
    const col = ws.getColumn(c);
    if (col.hidden) continue;
    const px = safePixels(col.width ?? ws.properties.defaultColWidth ?? DEFAULT_COL_WIDTH);
    total += px;
    widest = Math.max(widest, px);
  }
  const margins = ps.margins ?? { left: 0.7, right: 0.7 };
  const printable = ((ps.orientation === 'landscape' ? A4_INCHES.landscape : A4_INCHES.portrait) - margins.left - margins.right) * 96;
  if (widest <= printable) return null;
  return Math.max(10, Math.min(100, Math.floor((printable / total) * 100)));
}

export function applyFixedScale(ws: ExcelJS.Worksheet): void {
  const scale = fixedScaleFor(ws);
  if (scale === null) return;
  ws.pageSetup.fitToPage = false;
  ws.pageSetup.scale = scale;
}
