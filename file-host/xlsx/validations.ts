/**
 * Data validation on ExcelJS worksheets, kept as non-overlapping rectangles.
 *
 * ExcelJS keeps validations in `worksheet.dataValidations.model`, keyed by address. When it reads a file it stores one
 * key per cell; when it writes, it squeezes per-cell keys into ranges but can emit overlapping ranges (which Excel
 * repairs). So after opening we regroup the per-cell keys into rectangles (`A1:B9` keys, which ExcelJS writes as they
 * are), and every rule we add first cuts its rectangle out of whatever was there.
 */
import type ExcelJS from 'exceljs';
import type { RangeRef, ValidationRule } from '../../core/sheet-plan/types.js';
import { columnLetter, a1, sheetRef } from '../../core/util/a1.js';

export const LISTS_TAB = 'PR_Lists';

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

type DvModel = Record<string, ExcelJS.DataValidation | undefined>;

function modelOf(ws: ExcelJS.Worksheet): DvModel {
  return (ws as unknown as { dataValidations: { model: DvModel } }).dataValidations.model;
}

function parseAddress(address: string): Rect | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(address.trim());
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const c1 = col(m[1]!);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function key(r: Rect): string {
  return `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

function rectOf(range: RangeRef): Rect {
  return { top: range.row, left: range.col, bottom: range.row + range.rows - 1, right: range.col + range.cols - 1 };
}

/** Cells grouped into rectangles (greedy: down, then right). */
function rectangles(cells: Array<{ row: number; col: number }>): Rect[] {
  const set = new Set(cells.map((c) => `${c.row},${c.col}`));
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: Rect[] = [];
  for (const c of sorted) {
    if (!set.has(`${c.row},${c.col}`)) continue;
    let bottom = c.row;
    while (set.has(`${bottom + 1},${c.col}`)) bottom++;
    let right = c.col;
    const columnFree = (col: number) => {
      for (let r = c.row; r <= bottom; r++) if (!set.has(`${r},${col}`)) return false;
      return true;
    };
    while (columnFree(right + 1)) right++;
    for (let r = c.row; r <= bottom; r++) for (let k = c.col; k <= right; k++) set.delete(`${r},${k}`);
    out.push({ top: c.row, left: c.col, bottom, right });
  }
  return out;
}

/** After ExcelJS read a file: regroup its per-cell validation keys into rectangles. */
export function normaliseValidations(ws: ExcelJS.Worksheet): void {
  const model = modelOf(ws);
  const groups = new Map<ExcelJS.DataValidation, Array<{ row: number; col: number }>>();
  for (const [address, dv] of Object.entries(model)) {
    if (!dv) continue;
    const r = parseAddress(address);
    if (!r) continue;
    const cells = groups.get(dv) ?? [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) cells.push({ row, col });
    groups.set(dv, cells);
  }
  for (const k of Object.keys(model)) delete model[k];
  for (const [dv, cells] of groups) for (const r of rectangles(cells)) model[key(r)] = dv;
}

/** Remove validation from a rectangle, splitting any rule that covered more than it. */
export function clearValidation(ws: ExcelJS.Worksheet, range: RangeRef): void {
  const cut = rectOf(range);
  const model = modelOf(ws);
  for (const [address, dv] of Object.entries(model)) {
    if (!dv) {
      delete model[address];
      continue;
    }
    const r = parseAddress(address);
    if (!r) continue;
    if (r.bottom < cut.top || r.top > cut.bottom || r.right < cut.left || r.left > cut.right) continue;
    delete model[address];
    const pieces: Rect[] = [];
    if (r.top < cut.top) pieces.push({ top: r.top, left: r.left, bottom: cut.top - 1, right: r.right });
    if (r.bottom > cut.bottom) pieces.push({ top: cut.bottom + 1, left: r.left, bottom: r.bottom, right: r.right });
    const midTop = Math.max(r.top, cut.top);
    const midBottom = Math.min(r.bottom, cut.bottom);
    if (r.left < cut.left) pieces.push({ top: midTop, left: r.left, bottom: midBottom, right: cut.left - 1 });
    if (r.right > cut.right) pieces.push({ top: midTop, left: cut.right + 1, bottom: midBottom, right: r.right });
    for (const p of pieces) model[key(p)] = dv;
  }
}

/** Excel's limits on validation messages (longer ones make Excel repair the file). */
function clip(s: string | undefined, max: number): string | undefined {
  if (s === undefined || s === '') return undefined;
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Where long lists live: a hidden tab with one column per distinct list. */
function listRange(wb: ExcelJS.Workbook, values: string[]): string {
  let ws = wb.getWorksheet(LISTS_TAB);
  if (!ws) {
    ws = wb.addWorksheet(LISTS_TAB);
    ws.state = 'hidden';
  }
  let col = 1;
  for (; ; col++) {
    const column = ws.getColumn(col);
    const existing: string[] = [];
    for (let r = 1; r <= Math.max(ws.rowCount, values.length); r++) {
      const v = ws.getCell(r, col).value;
      if (v === null || v === undefined || v === '') break;
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the lists tab holds only the text this module wrote
      existing.push(String(v));
    }
    if (existing.length === 0) {
      values.forEach((v, i) => {
        ws.getCell(i + 1, col).value = v;
      });
      column.width = Math.min(60, Math.max(10, ...values.map((v) => v.length)));
      break;
    }
    if (existing.length === values.length && existing.every((v, i) => v === values[i])) break;
  }
  const letter = columnLetter(col);
  return `${sheetRef(LISTS_TAB)}!$${letter}$1:$${letter}$${values.length}`;
}

/** The list as an inline formula (`"1,2,3,N/A"`) when Excel allows it, else a range on the hidden lists tab. */
export function listFormula(wb: ExcelJS.Workbook, values: string[]): string {
  const inline = values.map((v) => v.replace(/"/g, '""')).join(',');
  const fits = inline.length <= 255 && !values.some((v) => v.includes(',') || v === '');
  return fits ? `"${inline}"` : listRange(wb, values);
}

export function setValidation(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, range: RangeRef, rule: ValidationRule): void {
  clearValidation(ws, range);
  const messages = {
    showInputMessage: Boolean(rule.prompt),
    prompt: clip(rule.prompt, 255),
    showErrorMessage: true,
    error: clip(rule.error, 225),
  };
  let dv: ExcelJS.DataValidation;
  if (rule.kind === 'list') {
    dv = {
      type: 'list',
      allowBlank: true,
      formulae: [listFormula(wb, rule.values)],
      errorStyle: rule.strict ? 'stop' : 'warning',
      ...messages,
    };
  } else if (rule.kind === 'number') {
    dv = {
      type: rule.integer ? 'whole' : 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [rule.min, rule.max],
      errorStyle: 'stop',
      ...messages,
    };
  } else {
    dv = {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [new Date(Date.UTC(1900, 0, 1))],
      errorStyle: 'stop',
      ...messages,
    };
  }
  for (const k of Object.keys(dv) as (keyof ExcelJS.DataValidation)[]) if (dv[k] === undefined) delete dv[k];
  modelOf(ws)[key(rectOf(range))] = dv;
}
