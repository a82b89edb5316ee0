/**
 * "Import responses…": the file a person picked → a table of cell values, in the page (Excel's task pane, the
 * Sheets sidebar, the browser preview). CSV is read by core's one reader (core/import/csv.ts); an .xlsx by
 * ./xlsx-table.ts, loaded only now (its own chunk in the task pane build). What the table means — who each row is,
 * which column is which item, what changed since the last import — is core's (planImport), on the host's side of
 * the bridge; this only reads the file.
 */
import { csvTable, importFileKind, notUtf8 } from '../core/import/csv.js';
import { ReviewRequestError } from '../core/operations/types.js';
import type { CellValue } from '../core/review/types.js';

/** The largest export the pane reads (a form of 5,000 responses to 70 questions is well under 10 MB as CSV). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** What the pane needs of a picked file (a DOM `File`). */
export interface PickedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

function megabytes(n: number): string {
  return (n / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

export async function readImportFile(file: PickedFile): Promise<CellValue[][]> {
  if (file.size > MAX_IMPORT_BYTES)
    throw new ReviewRequestError(
      `${file.name} is ${megabytes(file.size)} MB; the pane reads exports of up to ${megabytes(MAX_IMPORT_BYTES)} MB. Import it from the command line (partnership-review import), or export fewer responses at a time.`,
    );
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (importFileKind(file.name, bytes) === 'xlsx') {
    const { xlsxTable } = await import('./xlsx-table.js');
    return xlsxTable(bytes, file.name);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReviewRequestError(notUtf8(file.name));
  }
  return csvTable(text, file.name);
}
