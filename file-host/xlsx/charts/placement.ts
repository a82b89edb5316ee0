/**
 * Where a chart sits: a plan gives a top-left cell and a size in pixels; a drawing anchor needs the cell where each
 * corner falls. Column widths are in characters (Excel's unit, Calibri 11: 7 px a character plus 5 px padding), row
 * heights in points (96 dpi).
 */
import type { ChartSpec } from '../../../core/sheet-plan/types.js';
import type { CellAnchor } from './chart-xml.js';

const EMU_PER_PX = 9525;

/** What placement needs to know of a tab. */
export interface TabGeometry {
  colWidth(col: number): number;
  colHidden(col: number): boolean;
  /** points; 0 when hidden */
  rowHeight(row: number): number;
}

export function columnPixels(width: number): number {
  return Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
}

export function rowPixels(points: number): number {
  return Math.round((points * 96) / 72);
}

function walk(start: number, px: number, size: (i: number) => number): { index: number; offsetPx: number } {
  let i = start;
  let left = px;
  for (let guard = 0; guard < 16384; guard++) {
    const s = size(i);
    if (left < s) return { index: i, offsetPx: left };
    left -= s;
    i++;
  }
  return { index: i, offsetPx: 0 };
}

/** The two cells (0-based) and offsets (EMU) a chart of this size spans from its anchor cell. */
export function chartCorners(ws: TabGeometry, spec: ChartSpec): { from: CellAnchor; to: CellAnchor } {
  const from: CellAnchor = { col: spec.anchor.col - 1, colOff: 0, row: spec.anchor.row - 1, rowOff: 0 };
  const c = walk(spec.anchor.col, Math.max(1, spec.width), (i) => (ws.colHidden(i) ? 0 : columnPixels(ws.colWidth(i))));
  const r = walk(spec.anchor.row, Math.max(1, spec.height), (i) => rowPixels(ws.rowHeight(i)));
  return {
    from,
    to: { col: c.index - 1, colOff: c.offsetPx * EMU_PER_PX, row: r.index - 1, rowOff: r.offsetPx * EMU_PER_PX },
  };
}
