/**
 * What a cell as stored means — the one reading of a `<c>` element's value for the .xlsx engine (sheet.ts) and the
 * panes' reader of a form export (ui/xlsx-table.ts), so an export reads the same on the command line and in a pane
 * (and the text of an inline string, `inlineText`, which both read before asking what the cell means).
 * Pure and browser-safe: no Node module here.
 */
import type { CellValue } from '../../core/review/types.js';
import { isoDate } from './cell-values.js';
import { stringItemText, type SharedStrings } from './shared-strings.js';
import type { Styles } from './styles.js';
import { unescapeOoxml, type XNode } from './xml.js';
import { columnLetter } from '../../core/util/a1.js';
import { serialFromDateSystem } from '../../core/util/dates.js';

/** The most cells a form export's table may span (rows × columns, blanks included): a 10,000-respondent export of
 *  the 67-question Hallmarks is about 2.1 million. A value typed far away (XFD1048576) would otherwise make a table
 *  of 17 billion cells, and the command line or the page runs out of memory. */
export const MAX_EXPORT_CELLS = 5_000_000;

/** Why a form export's first sheet is too large to read as a table, or null when it is not. */
export function exportTooLarge(name: string, tab: string, rows: number, cols: number): string | null {
  if (rows * cols <= MAX_EXPORT_CELLS) return null;
  return `${name}: its sheet "${tab}" reaches row ${rows.toLocaleString('en-GB')} and column ${columnLetter(cols)} (${(rows * cols).toLocaleString('en-GB')} cells), far more than a form export holds; delete what is typed beyond the responses, or export them again, then import that.`;
}

/** A number stored in a cell → what people see: an ISO date for date formats, else the number. */
export function excelDate(serial: number, date1904: boolean): string | null {
  // 25569: the serial of 01/01/1970 in the 1900 date system
  const ms = Math.round((serialFromDateSystem(serial, date1904) - 25569) * 86_400_000);
  return isoDate(new Date(ms));
}

/** What the reading needs of the workbook (the engine's `SheetContext` is one: passed as it is, nothing made per cell). */
export interface CellValueContext {
  /** the shared strings as read (null when the package has none) */
  readSst: SharedStrings | null;
  styles: Styles;
  date1904: boolean;
}

/**
 * `t` the cell's type attribute (default `n`), `v` its `<v>` text, `inline` the text of its `<is>`, `s` its style
 * index: text as text, booleans, error codes as their text (`#N/A`), numbers — as ISO dates where the style shows a date.
 */
export function cellValueOf(t: string, v: string | undefined, inline: string | undefined, s: number, ctx: CellValueContext): CellValue {
  if (t === 'inlineStr') return inline ?? (v !== undefined ? unescapeOoxml(v) : null);
  if (v === undefined) return null;
  if (t === 's') return ctx.readSst?.get(Number(v)) ?? null;
  if (t === 'str') return unescapeOoxml(v);
  if (t === 'b') return v.trim() === '1' || v.trim() === 'true';
  if (t === 'e') return v;
  if (t === 'd') return isoDate(new Date(v.endsWith('Z') || /[+-]\d\d:\d\d$/.test(v) ? v : `${v}Z`));
  if (v.trim() === '') return null;
  const num = Number(v);
  if (!Number.isFinite(num)) return null;
  return ctx.styles.info(s).date ? excelDate(num, ctx.date1904) : num;
}

/**
 * The text of an inline string (`<is>`): its `t`, or the `t` of each rich-text run. An `<is>` is the same rich text
 * (CT_Rst) as a shared string's `<si>`, so it is read by the same rule (shared-strings.ts).
 */
export const inlineText: (is: XNode) => string = stringItemText;
