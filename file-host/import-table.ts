/**
 * A wide export from Microsoft Forms or Google Forms (CSV, or the first sheet of an .xlsx) as a table of cell
 * values, header row first, for the core import to match against the framework's items.
 */
import { csvTable, importFileKind, notUtf8, reviewAsExportProblem } from '../core/import/csv.js';
import { ReviewRequestError } from '../core/operations/types.js';
import type { CellValue } from '../core/review/types.js';
import { FileProblem, readExisting } from './file-safety.js';
import { XlsxHost } from './xlsx-host.js';
import { exportTooLarge } from './xlsx/cell-value.js';

/** CSV text → table (core's one reader for every host: core/import/csv.ts), as a `FileProblem` when it cannot be read. */
export function parseCsv(text: string, label: string): CellValue[][] {
  try {
    return csvTable(text, label);
  } catch (e) {
    if (e instanceof ReviewRequestError) throw new FileProblem(e.message);
    throw e;
  }
}

/** Read `path` (.csv, .txt or .xlsx) into a table. */
export async function readImportTable(path: string): Promise<CellValue[][]> {
  const bytes = await readExisting(path, 'responses file');
  let kind: 'xlsx' | 'csv';
  try {
    kind = importFileKind(path, bytes);
  } catch (e) {
    if (e instanceof ReviewRequestError) throw new FileProblem(e.message);
    throw e;
  }
  if (kind === 'xlsx') {
    const host = await XlsxHost.fromBytes(bytes, path);
    // a review or plan workbook given where the export belongs: its first tab is no export
    const review = reviewAsExportProblem(host.tabNames(), path);
    if (review) throw new FileProblem(review);
    const first = host.tabNames()[0];
    if (!first) throw new FileProblem(`${path} has no sheets: export the responses again.`);
    const values = (await host.read({ tabs: [first] })).tabs[first]!.values;
    // a row holding nothing is read as an empty row: padded, so the table is the one the panes read
    const width = values.reduce((n, r) => Math.max(n, r.length), 0);
    const tooLarge = exportTooLarge(path, first, values.length, width);
    if (tooLarge) throw new FileProblem(tooLarge);
    return values.map((r) => (r.length === width ? r : [...r, ...new Array<null>(width - r.length).fill(null)]));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FileProblem(notUtf8(path));
  }
  return parseCsv(text, path);
}
