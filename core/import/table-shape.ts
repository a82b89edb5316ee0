/**
 * The table an import is handed — from the command line's reader, or from a pane over a bridge (google.script.run
 * carries whatever the page sends) — checked before anything reads it: rows of strings, finite numbers, booleans and
 * blanks only, within a sheet's size. A missing cell (`undefined`, as google.script.run turns into null) is blank.
 */
import type { CellValue } from '../review/types.js';
import { ReviewRequestError } from '../operations/types.js';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS } from '../sheet-plan/limits.js';
import { columnLetter } from '../util/a1.js';

const NOT_A_TABLE = 'The import was not a table of rows and columns, so nothing was imported. Pick the export file again.';

export function importTableFrom(value: unknown): CellValue[][] {
  if (!Array.isArray(value)) throw new ReviewRequestError(NOT_A_TABLE);
  if (value.length > EXCEL_MAX_ROWS)
    throw new ReviewRequestError(
      `The import has ${value.length.toLocaleString('en-GB')} rows; a sheet holds ${EXCEL_MAX_ROWS.toLocaleString('en-GB')}. Export fewer responses at a time.`,
    );
  return value.map((row: unknown, r) => {
    if (!Array.isArray(row)) throw new ReviewRequestError(NOT_A_TABLE);
    if (row.length > EXCEL_MAX_COLS)
      throw new ReviewRequestError(
        `Row ${r + 1} of the import has ${row.length.toLocaleString('en-GB')} columns; a sheet holds ${EXCEL_MAX_COLS.toLocaleString('en-GB')}. Remove the extra columns from the file.`,
      );
    return row.map((v: unknown, c): CellValue => {
      if (v === undefined || v === null) return null;
      if (typeof v === 'string' || typeof v === 'boolean') return v;
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      throw new ReviewRequestError(
        `Row ${r + 1}, column ${columnLetter(c + 1)} of the import is not text, a number or true/false, so nothing was imported. Pick the export file again.`,
      );
    });
  });
}
