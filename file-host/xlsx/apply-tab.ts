/**
 * One `TabPlan` onto an ExcelJS workbook, verbatim: the host decides nothing about what a tab looks like.
 */
import type ExcelJS from 'exceljs';
import type { MergeSpec, RangeRef, TabPlan } from '../../core/sheet-plan/types.js';
import { mergedRanges } from '../../core/sheet-plan/merges.js';
import { ReviewRequestError } from '../../core/operations/types.js';
import { a1, columnLetter } from '../../core/util/a1.js';
import { planCellValue } from './cell-values.js';
import { applyFormat } from './styles.js';
import { setValidation } from './validations.js';
import { maxPriority, setConditionalFormats } from './conditional.js';

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

type WorksheetInternals = ExcelJS.Worksheet & { orderNo: number; _merges: Record<string, Merge> };

export function internals(ws: ExcelJS.Worksheet): WorksheetInternals {
  return ws as WorksheetInternals;
}

const BAD_NAME = /[[\]:*?/\\]/;

function checkTabName(name: string): void {
  if (name.trim() === '' || name.length > 31 || BAD_NAME.test(name) || /^'|'$/.test(name)) {
    throw new ReviewRequestError(`"${name}" cannot be a tab name: use at most 31 characters and none of [ ] : * ? / \\.`);
  }
}

/** Put tabs in this order (ExcelJS orders sheets by `orderNo`). */
export function reorder(wb: ExcelJS.Workbook, order: ExcelJS.Worksheet[]): void {
  order.forEach((ws, i) => {
    internals(ws).orderNo = i + 1;
  });
}

/** A fresh, empty tab in the place of an old one (for `replace`): same name, same position. */
function recreate(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): ExcelJS.Worksheet {
  const name = ws.name;
  const order = wb.worksheets;
  const index = order.indexOf(ws);
  wb.removeWorksheet(ws.id);
  const fresh = wb.addWorksheet(name);
  order.splice(index, 1, fresh);
  reorder(wb, order);
  return fresh;
}

function isSlave(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && cell.master !== cell;
}

function writeBlocks(ws: ExcelJS.Worksheet, tab: TabPlan): number {
  let cells = 0;
  for (const block of tab.blocks) {
    block.cells.forEach((rowCells, i) => {
      const row = ws.getRow(block.row + i);
      rowCells.forEach((pc, j) => {
        const cell = row.getCell(block.col + j);
        const value = planCellValue(pc);
        if (isSlave(cell)) {
          // writing into a merged area: a blank stays blank; anything else means the merge no longer fits
          if (value === null) return;
          ws.unMergeCells(cell.master.address);
        }
        cell.value = value;
        cells++;
      });
    });
  }
  return cells;
}

const mergeKey = (m: Merge): string => `${m.top},${m.left},${m.bottom},${m.right}`;

/**
 * The plan's merges (a merge `across` is one merge per row). Linear in the number of merges: ExcelJS's own
 * `mergeCells` compares each new merge with every merge already on the tab (188 s for the 23,000 row merges of a
 * large Summary), so each range is first unmerged — after which nothing on the tab can overlap it — and then merged
 * with that comparison skipped.
 */
function applyMerges(ws: ExcelJS.Worksheet, merges: MergeSpec[]): void {
  const wsi = internals(ws);
  const existing = new Set(Object.values(wsi._merges).filter((e): e is Merge => Boolean(e)).map(mergeKey));
  for (const spec of merges) {
    for (const m of mergedRanges(spec)) {
      const want: Merge = { top: m.row, left: m.col, bottom: m.row + m.rows - 1, right: m.col + m.cols - 1 };
      if (existing.has(mergeKey(want))) continue;
      ws.unMergeCells(want.top, want.left, want.bottom, want.right);
      const all = wsi._merges;
      wsi._merges = {};
      try {
        ws.mergeCells(want.top, want.left, want.bottom, want.right);
      } finally {
        wsi._merges = Object.assign(all, wsi._merges);
      }
      existing.add(mergeKey(want));
    }
  }
}

function eachCell(ws: ExcelJS.Worksheet, r: RangeRef, fn: (cell: ExcelJS.Cell) => void): void {
  for (let row = r.row; row < r.row + r.rows; row++) {
    const wsRow = ws.getRow(row);
    for (let col = r.col; col < r.col + r.cols; col++) fn(wsRow.getCell(col));
  }
}

async function applyProtection(ws: ExcelJS.Worksheet, tab: TabPlan): Promise<void> {
  const p = tab.protection;
  if (!p) return;
  if (!p.protect) {
    ws.unprotect();
    return;
  }
  for (const r of p.editable) {
    eachCell(ws, r, (cell) => {
      cell.protection = { ...(cell.protection ?? {}), locked: false };
    });
  }
  // a guard against slips, not a lock: people may still resize, format, sort, filter and add rows
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    insertHyperlinks: true,
    deleteRows: true,
    sort: true,
    autoFilter: true,
  });
}

function applyPrint(ws: ExcelJS.Worksheet, tab: TabPlan): void {
  const p = tab.print;
  if (!p) return;
  const ps = ws.pageSetup;
  ps.orientation = p.orientation;
  ps.paperSize = 9; // A4 (default for English councils; the plan does not say)
  ps.fitToPage = p.fitToWidth;
  if (p.fitToWidth) {
    ps.fitToWidth = 1;
    ps.fitToHeight = 0;
  }
  ps.margins = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 };
  if (p.titleRows) ps.printTitlesRow = `${p.titleRows.from}:${p.titleRows.to}`;
  else delete ps.printTitlesRow;
  if (p.titleColumns) ps.printTitlesColumn = `${columnLetter(p.titleColumns.from)}:${columnLetter(p.titleColumns.to)}`;
  else delete ps.printTitlesColumn;
  if (p.area) ps.printArea = `${a1(p.area.row, p.area.col)}:${a1(p.area.row + p.area.rows - 1, p.area.col + p.area.cols - 1)}`;
  else delete ps.printArea;
  ws.headerFooter.oddFooter = '&L&8&A&R&8Page &P of &N';
}

export interface TabContext {
  workbook: ExcelJS.Workbook;
  /** the tab's charts were cleared (replace) */
  onReplaced(name: string): void;
}

/** Apply one tab. Returns the name of the tab written (a person may have changed its case) and the cells written. */
export async function applyTab(ctx: TabContext, tab: TabPlan): Promise<{ sheet: string; cells: number }> {
  const wb = ctx.workbook;
  checkTabName(tab.name);
  // tab names match without regard to case, as in Excel ("summary" is the Summary tab, renamed by a person)
  let ws = wb.worksheets.find((w) => w.name.toLowerCase() === tab.name.toLowerCase());
  if (ws && tab.mode === 'create') {
    throw new ReviewRequestError(`The workbook already has a tab called "${tab.name}": rename or delete that tab, or use another workbook.`);
  }
  if (ws && tab.mode === 'replace') {
    ctx.onReplaced(ws.name);
    ws = recreate(wb, ws);
  }
  if (!ws) {
    ws = wb.addWorksheet(tab.name);
    if (tab.position !== undefined) {
      const order = wb.worksheets.filter((w) => w !== ws);
      order.splice(Math.max(0, Math.min(tab.position, order.length)), 0, ws);
      reorder(wb, order);
    }
  }
  if (tab.hidden !== undefined) ws.state = tab.hidden ? 'hidden' : 'visible';
  if (tab.tabColour) ws.properties.tabColor = { argb: `FF${tab.tabColour.replace('#', '').toUpperCase()}` };

  const cells = writeBlocks(ws, tab);
  applyMerges(ws, tab.merges);
  for (const f of tab.formats) eachCell(ws, f.range, (cell) => applyFormat(cell, f.format));
  for (const w of tab.columnWidths) ws.getColumn(w.col).width = w.width;
  for (const h of tab.rowHeights ?? []) ws.getRow(h.row).height = h.height;
  for (const c of tab.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
  for (const r of tab.hiddenRows ?? []) ws.getRow(r).hidden = true;
  if (tab.freeze) {
    const { rows, cols } = tab.freeze;
    ws.views =
      rows > 0 || cols > 0
        ? [{ state: 'frozen', xSplit: cols, ySplit: rows, topLeftCell: a1(rows + 1, cols + 1), activeCell: a1(rows + 1, cols + 1) }]
        : [{ state: 'normal' }];
  }
  for (const v of tab.validations) setValidation(wb, ws, v.range, v.rule);
  let priority = maxPriority(ws);
  for (const cf of tab.conditionalFormats) setConditionalFormats(ws, cf, () => ++priority);
  await applyProtection(ws, tab);
  applyPrint(ws, tab);
  return { sheet: ws.name, cells };
}
