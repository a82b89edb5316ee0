/**
 * A form export as CSV text → a table of cell values, header row first: one reader for the command line and both
 * panes, so an export reads the same wherever it is imported (and its identities — response id, timestamp, row —
 * match across hosts). RFC 4180: fields separated by commas, quoted with `"` (a quote inside doubled), line breaks
 * inside quotes kept, CR LF, LF or CR between records; a leading byte-order mark is dropped and blank lines are
 * skipped. Strict where a wrong guess would move answers into the wrong column: a quote inside an unquoted field,
 * text after a closing quote, or a quote left open is refused, naming the line.
 *
 * Typing (CSV has no types; a Forms export may quote every field): a plain decimal number ("3", "2.5", "-1") becomes
 * a number, as a spreadsheet would store it; everything else — "007", "1,000", "+3", "1e3" — stays text exactly as
 * written; an empty field is blank. Short rows are padded with blanks to the widest row.
 */
import type { CellValue } from '../review/types.js';
import { ReviewRequestError } from '../operations/types.js';
import { hasTabName } from '../reader/cells.js';
import { TAB } from '../sheet-plan/layout.js';

/** A plain decimal number as a spreadsheet would store it ("3", "2.5", "-1"); "007" and "1,000" stay text. */
const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** What could not be read, and on which line of the file (1-based, counting line breaks inside quotes). */
export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${reason} (line ${line})`);
  }
}

/** CSV text → rows of raw strings (no typing). Throws `CsvSyntaxError`. */
export function csvRows(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;
  const n = src.length;
  // whether the current record has begun (a blank line is no record)
  let begun = false;
  const endRecord = (): void => {
    row.push(field);
    field = '';
    if (begun) rows.push(row);
    row = [];
    begun = false;
  };
  while (i < n) {
    const c = src[i]!;
    if (c === '"') {
      if (field !== '') throw new CsvSyntaxError(line, 'a quote (") inside a field that does not start with one');
      begun = true;
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(startLine, 'a quoted field is never closed');
        const q = src[i]!;
        if (q === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\r' || q === '\n') {
          if (q === '\r' && src[i + 1] === '\n') {
            field += '\r';
            i++;
          }
          line++;
        }
        field += src[i]!;
        i++;
      }
      const after = src[i];
      if (after !== undefined && after !== ',' && after !== '\r' && after !== '\n')
        throw new CsvSyntaxError(line, 'text straight after the closing quote of a field');
      continue;
    }
    if (c === ',') {
      row.push(field);
      field = '';
      begun = true;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    field += c;
    begun = true;
    i++;
  }
  if (begun || field !== '') endRecord();
  return rows;
}

/** Raw strings → cell values: plain numbers become numbers, empty fields blank, short rows padded. */
export function typeCsvRows(rows: string[][]): CellValue[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => {
    const out: CellValue[] = r.map((value) => {
      if (value === '') return null;
      if (PLAIN_NUMBER.test(value.trim())) return Number(value.trim());
      return value;
    });
    while (out.length < width) out.push(null);
    return out;
  });
}

/**
 * CSV text → table. `label` names the file in the message ("responses.csv is not a CSV file that can be read
 * (line 3): …"); the error is a `ReviewRequestError`, so every host says it and that nothing was changed.
 */
export function csvTable(text: string, label: string): CellValue[][] {
  try {
    return typeCsvRows(csvRows(text));
  } catch (e) {
    if (e instanceof CsvSyntaxError)
      throw new ReviewRequestError(
        `${label} is not a CSV file that can be read (line ${e.line}): ${e.reason}. Export the responses again as CSV (UTF-8).`,
      );
    throw e;
  }
}

/** Which reader a chosen file needs, from its name and first bytes (an .xlsx is a zip: "PK"). */
export function importFileKind(name: string, bytes: Uint8Array): 'xlsx' | 'csv' {
  const lower = name.toLowerCase();
  const looksZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm') || looksZip) return 'xlsx';
  if (lower.endsWith('.xls'))
    throw new ReviewRequestError(`${name} is an older .xls workbook: save it as .xlsx or CSV (UTF-8), then import that.`);
  return 'csv';
}

/** The message for a responses file that is a workbook this tool made (a review or a plan), not a form's export:
 *  `itself` when it is the very review being imported into. */
export function notAnExport(name: string, itself = false): string {
  return `${name} is ${itself ? 'the review workbook itself' : 'a Partnership Review workbook (a review or an LSP plan)'}, not the responses export: the second file must be the export of the form's responses — the CSV, or the .xlsx that Microsoft Forms or Google Forms downloads. Nothing was changed.`;
}

/** A workbook this tool made (its PR_Meta tab) picked as the responses export: the message to refuse it with, else
 *  null. The command line and the panes read an .xlsx export each their own way, and both ask this. */
export function reviewAsExportProblem(tabNames: string[], name: string): string | null {
  return hasTabName(tabNames, TAB.meta) ? notAnExport(name) : null;
}

/** The message for a file that is not UTF-8 text. */
export function notUtf8(name: string): string {
  return `${name} is not UTF-8 text: save or export it as "CSV UTF-8", then import that.`;
}
