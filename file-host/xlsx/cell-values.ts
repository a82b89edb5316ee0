/**
 * Cell values between ExcelJS and the host contract: what `read` returns for a cell, and what `apply` writes for a
 * plan cell. Text is always written as text (ExcelJS stores strings as shared strings, never as formulas).
 */
import type ExcelJS from 'exceljs';
import type { CellValue } from '../../core/review/types.js';
import type { PlanCell } from '../../core/sheet-plan/types.js';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A date as ISO: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when it carries a time of day. ExcelJS dates are UTC. */
export function isoDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day}T${pad(h)}:${pad(m)}:${pad(s)}`;
}

type Scalar = number | string | boolean | Date | { error: string } | undefined | null;

function scalar(v: Scalar): CellValue {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'object') return 'error' in v ? String(v.error) : null;
  return v;
}

function richTextOf(v: unknown): string | null {
  if (v && typeof v === 'object' && 'richText' in v && Array.isArray(v.richText)) {
    return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text ?? '').join('');
  }
  return null;
}

/** The value a person sees in a cell: formula → cached result, rich text → plain text, date → ISO, hyperlink →
 *  its text, error → its text (`#DIV/0!`). */
export function readCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return scalar(v);
  const rich = richTextOf(v);
  if (rich !== null) return rich;
  if ('formula' in v || 'sharedFormula' in v) return scalar((v as ExcelJS.CellFormulaValue).result);
  if ('hyperlink' in v) {
    const text = v.text as unknown;
    if (typeof text === 'string') return text;
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- ExcelJS types hyperlink text as unknown; it is text or rich text
    return richTextOf(text) ?? (text === undefined || text === null ? null : String(text));
  }
  if ('error' in v) return String(v.error);
  // an ExcelJS merge placeholder or anything newer: nothing a person typed here
  return null;
}

/** What a person sees in a cell (merged-over cells read blank). Formula results come from `cell.result`: ExcelJS's
 *  `cell.value` drops a result of 0, false or "". */
export function readCell(cell: ExcelJS.Cell): CellValue {
  if (cell.isMerged && cell.master !== cell) return null;
  const v = cell.value;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) return scalar(cell.result);
  return readCellValue(v);
}

/** The ExcelJS value for a plan cell: `{f, v}` → a formula (without `=`, `_xlfn.` kept) with core's value as its
 *  cached result; `{v}` → the value itself (strings stay strings). */
export function planCellValue(cell: PlanCell): ExcelJS.CellValue {
  if ('f' in cell) {
    const formula = cell.f.startsWith('=') ? cell.f.slice(1) : cell.f;
    const out: ExcelJS.CellFormulaValue = { formula };
    if (cell.v !== null && cell.v !== undefined) out.result = cell.v;
    return out;
  }
  const v = cell.v;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  // an empty string is a blank cell (as text it would stop the text beside it from showing in full)
  if (v === '') return null;
  return v ?? null;
}
