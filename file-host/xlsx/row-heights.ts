/**
 * Row heights for wrapped text.
 *
 * Excel sizes a row to its wrapped text by itself unless the row has a custom height, but LibreOffice converting a
 * file without a window (the PDFs and the formula-parity runs) keeps the default height, so wrapped text overlaps
 * the rows below. So before saving, each row the plan wrote that holds wrapped text gets an estimated height,
 * written as an automatic height (`ht` without `customHeight`), which LibreOffice uses and Excel still re-fits when
 * people type.
 *
 * Rows the plan did not write keep every height they have: a custom height (a person set it), and an automatic one
 * (Excel or LibreOffice fitted the row when it was typed). A row with wrapped text and no height at all (typed by a
 * program that stores none, or pasted in without a refit) would print at the default 15 pt, cut to its first line,
 * in LibreOffice; it gets the same automatic estimate, never a custom height, so Excel still re-fits it (issue #13).
 */
import type { SheetModel } from './sheet.js';
import type { Styles } from './styles.js';
import { linesFor } from '../../core/sheet-plan/print.js';

const LINE_POINTS = 15; // Calibri 11 (and the fallback fonts LibreOffice uses): one line of text
const PADDING_POINTS = 3;
const MAX_ROW_POINTS = 409; // Excel's limit

export { linesFor };

/**
 * Give rows the plan wrote, and rows with no height at all, with wrapped text needing more than one line, an
 * estimated automatic height. A custom height stays, except where the plan set it (`planned`): such a row grows when
 * its wrapped text would not fit.
 */
export function estimateRowHeights(ws: SheetModel, styles: Styles, planned: Set<number>): void {
  let mergeAt: Map<string, { bottom: number; right: number; top: number }> | null = null;
  // a column's width as printed (0 when hidden), looked up once per column: the columns do not change here
  const widths = new Map<number, number>();
  const shownWidth = (k: number): number => {
    let w = widths.get(k);
    if (w === undefined) widths.set(k, (w = ws.colHidden(k) ? 0 : ws.colWidth(k)));
    return w;
  };
  const unsized = ws.rows.filter((row) => !ws.touchedRows.has(row.r) && row.attrs['ht'] === undefined && row.cells.length > 0);
  const rows = [...ws.touchedRows, ...unsized.map((row) => row.r)].sort((a, b) => a - b);
  for (const r of rows) {
    const row = ws.row(r);
    if (!row) continue;
    const custom = row.attrs['customHeight'] === '1' || row.attrs['customHeight'] === 'true';
    const hidden = row.attrs['hidden'] === '1' || row.attrs['hidden'] === 'true';
    if (hidden || (custom && !planned.has(r))) continue;
    // a row without wrapped text costs no more than this look
    if (!row.cells.some((cell) => typeof cell.value === 'string' && cell.value !== '' && styles.info(cell.s).wrap)) continue;
    if (!mergeAt) {
      mergeAt = new Map();
      for (const m of ws.mergeList()) mergeAt.set(`${m.top},${m.left}`, m);
    }
    let needed = 0;
    const cells = row.cells;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (typeof cell.value !== 'string' || cell.value === '') continue;
      const info = styles.info(cell.s);
      if (!info.wrap) continue;
      const m = mergeAt.get(`${r},${cell.col}`);
      if (m && m.bottom > m.top) continue; // a text spread over several rows: leave their heights alone
      if (ws.masterOf(r, cell.col)) continue;
      let width = 0;
      for (let k = cell.col; k <= (m ? m.right : cell.col); k++) width += shownWidth(k);
      if (width <= 0) continue;
      const lines = linesFor(cell.value, width, info.fontSize, info.bold);
      if (lines > 1) needed = Math.max(needed, lines * LINE_POINTS * (info.fontSize / 11) + PADDING_POINTS);
    }
    if (needed <= 0) continue;
    const height = Math.min(MAX_ROW_POINTS, Math.ceil(needed));
    const now = Number(row.attrs['ht'] ?? 0);
    if (!custom) {
      if (height !== now) ws.setRowAttrs(r, { ht: String(height) });
    } else if (height > now) ws.setRowAttrs(r, { ht: String(height) });
  }
}
