/**
 * A wide export from Microsoft Forms or Google Forms (CSV, or the first sheet of an .xlsx) as a table of cell
 * values, header row first, for the core import to match against the framework's items.
 */
import { parse } from 'csv-parse/sync';
import { extname } from 'node:path';
import type { CellValue } from '../core/review/types.js';
import { FileProblem, readExisting } from './file-safety.js';
import { XlsxHost } from './xlsx-host.js';

/** A plain decimal number as a spreadsheet would store it ("3", "2.5", "-1"); "007" and "1,000" stay text. */
const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** CSV text → table. Plain numbers become numbers (CSV has no types; a Forms export may quote every field);
 *  everything else, "007" included, stays text exactly as written. */
export function parseCsv(text: string, label: string): CellValue[][] {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new FileProblem(
      `${label} is not a CSV file that can be read${err.lines ? ` (line ${err.lines})` : ''}: ${err.message}. Export the responses again as CSV (UTF-8).`,
    );
  }
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

/** Read `path` (.csv, .txt or .xlsx) into a table. */
export async function readImportTable(path: string): Promise<CellValue[][]> {
  const bytes = await readExisting(path, 'responses file');
  const ext = extname(path).toLowerCase();
  const looksZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === '.xlsx' || ext === '.xlsm' || looksZip) {
    const host = await XlsxHost.fromBytes(bytes, path);
    const first = host.tabNames()[0];
    if (!first) throw new FileProblem(`${path} has no sheets: export the responses again.`);
    const snap = await host.read({ tabs: [first] });
    return snap.tabs[first]!.values;
  }
  if (ext === '.xls') throw new FileProblem(`${path} is an older .xls workbook: save it as .xlsx or CSV (UTF-8), then import that.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FileProblem(`${path} is not UTF-8 text: save or export it as "CSV UTF-8", then import that.`);
  }
  return parseCsv(text, path);
}
