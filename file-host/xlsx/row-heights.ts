/**
 * Row heights for wrapped text.
 *
 * Excel sizes a row to its wrapped text by itself unless the row has a custom height, but LibreOffice converting a
 * file without a window (the PDFs and the formula-parity runs) keeps the default height, so wrapped text overlaps
 * the rows below. So before saving we give each row holding wrapped text an estimated height, written as an
 * automatic height (`ht` without `customHeight`), which LibreOffice uses and Excel still re-fits when people type.
 *
 * ExcelJS marks every height it writes as custom and forgets which heights in an opened file were custom, so the
 * custom rows are remembered (from the file and from plans) and every other row loses `customHeight` on save.
 */
import type ExcelJS from 'exceljs';
import { readCell } from './cell-values.js';

const DEFAULT_COL_WIDTH = 8.43;
const LINE_POINTS = 15; // Calibri 11 (and the fallback fonts LibreOffice uses): one line of text
const PADDING_POINTS = 3;
const MAX_ROW_POINTS = 409; // Excel's limit

/** Rows with `customHeight="1"` in a worksheet part. */
export function customRowsInXml(sheetXml: string): Set<number> {
  const out = new Set<number>();
  for (const m of sheetXml.matchAll(/<row\b[^>]*>/g)) {
    const tag = m[0];
    if (/\scustomHeight="(1|true)"/.test(tag)) {
      const r = /\sr="(\d+)"/.exec(tag);
      if (r) out.add(Number(r[1]));
    }
  }
  return out;
}

/** Take `customHeight` off every row that is not meant to have a custom height. */
export function unmarkAutoRows(sheetXml: string, custom: Set<number>): string {
  return sheetXml.replace(/<row\b[^>]*>/g, (tag) => {
    const r = /\sr="(\d+)"/.exec(tag);
    if (!r || custom.has(Number(r[1]))) return tag;
    return tag.replace(/\scustomHeight="(1|true)"/, '');
  });
}

/** How many lines `text` takes in a column `width` characters wide (words wrap, so a little less fits). */
export function linesFor(text: string, width: number, fontSize: number, bold: boolean): number {
  // about 1.2 characters of ordinary text fit in each unit of column width in Calibri (lines 15 pt apart); in the
  // wider fallback font LibreOffice uses about 1.1 fit, but its lines are closer (13 pt), so the height still holds
  const perLine = Math.max(1, Math.floor((width * 1.2 * 11) / (fontSize * (bold ? 1.08 : 1))));
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    const words = para.split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      lines += 1;
      continue;
    }
    let line = 0;
    let count = 1;
    for (const w of words) {
      const len = w.length;
      if (line === 0) line = len;
      else if (line + 1 + len <= perLine) line += 1 + len;
      else {
        count++;
        line = len;
      }
      while (line > perLine) {
        count++;
        line -= perLine;
      }
    }
    lines += count;
  }
  return lines;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Give rows with wrapped text that needs more than one line an estimated height. Custom rows keep their height,
 * except rows whose height came from a plan (`planned`), which grow when their wrapped text would not fit: the
 * plan asked for the text to wrap and be read, and its height is its own estimate of what that takes.
 */
export function estimateRowHeights(ws: ExcelJS.Worksheet, custom: Set<number>, planned: Set<number> = new Set()): void {
  const merges = Object.values((ws as unknown as { _merges: Record<string, Merge | undefined> })._merges ?? {}).filter((m): m is Merge => Boolean(m));
  const mergeAt = new Map<string, Merge>();
  for (const m of merges) mergeAt.set(`${m.top},${m.left}`, m);
  const widthOf = (col: number) => {
    const c = ws.getColumn(col);
    return c.hidden ? 0 : (c.width ?? ws.properties.defaultColWidth ?? DEFAULT_COL_WIDTH);
  };
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hidden || (custom.has(r) && !planned.has(r))) return;
    let needed = 0;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (!cell.alignment?.wrapText) return;
      if (cell.isMerged && cell.master !== cell) return;
      const v = readCell(cell);
      if (typeof v !== 'string' || v === '') return;
      const m = mergeAt.get(`${r},${c}`);
      if (m && m.bottom > m.top) return; // a text spread over several rows: leave their heights alone
      let width = 0;
      for (let k = c; k <= (m ? m.right : c); k++) width += widthOf(k);
      if (width <= 0) return;
      const size = cell.font?.size ?? 11;
      const lines = linesFor(v, width, size, Boolean(cell.font?.bold));
      if (lines > 1) needed = Math.max(needed, lines * LINE_POINTS * (size / 11) + PADDING_POINTS);
    });
    if (needed <= 0) return;
    const height = Math.min(MAX_ROW_POINTS, Math.ceil(needed));
    if (!custom.has(r) || height > (row.height ?? 0)) row.height = height;
  });
}
