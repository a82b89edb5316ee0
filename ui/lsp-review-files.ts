/**
 * "Build the LSP improvement plan…": the review workbooks a person picked → each review's plan rows, in the page
 * (Excel's task pane, the Sheets sidebar, the browser preview). Each file is read whole into a snapshot of its tabs
 * (./xlsx-table.ts, the engine's cell rule) and core's `lspSources` works out the rows it brings, exactly as the
 * command line does from the files it opens. Only those rows (plain data) cross the bridge; the host builds the plan
 * in the workbook the pane is open in. Loaded only when a person builds a plan (its own chunk in the task pane build).
 */
import { lspSources, type LspReviewInput, type LspSource } from '../core/operations/lsp-plan.js';
import { NotAReviewError, ReviewRequestError } from '../core/operations/types.js';
import { MAX_IMPORT_BYTES, type PickedFile } from './import-file.js';
import { xlsxSnapshot } from './xlsx-table.js';

function megabytes(n: number): string {
  return (n / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Each picked review's rows for the plan; refused naming the file: not .xlsx, too big, picked twice, not a review. */
export async function readReviewSources(files: PickedFile[], today: string): Promise<LspSource[]> {
  if (files.length === 0) throw new ReviewRequestError('Choose the review workbooks first.');
  const read: { file: PickedFile; bytes: Uint8Array }[] = [];
  for (const file of files) {
    if (!/\.xlsx$|\.xlsm$/i.test(file.name))
      throw new ReviewRequestError(
        `${file.name} is not an .xlsx workbook. Pick review workbooks saved as .xlsx (a Google Sheets review: File → Download → Microsoft Excel (.xlsx)).`,
      );
    if (file.size > MAX_IMPORT_BYTES)
      throw new ReviewRequestError(
        `${file.name} is ${megabytes(file.size)} MB; the pane reads workbooks of up to ${megabytes(MAX_IMPORT_BYTES)} MB. Build the plan from the command line (partnership-review plan).`,
      );
    const bytes = new Uint8Array(await file.arrayBuffer());
    const twin = read.find((r) => sameBytes(r.bytes, bytes));
    if (twin)
      throw new ReviewRequestError(
        `${file.name} is ${twin.file.name === file.name ? 'the same file as' : 'a copy of'} ${twin.file.name}, picked before it, so nothing was written. Pick each review once.`,
      );
    read.push({ file, bytes });
  }
  // file names as people know them; where two share a name, the second is told apart by its place in the list
  const inputs: LspReviewInput[] = read.map(({ file, bytes }, i) => {
    const clash = read.slice(0, i).some((r) => r.file.name.toLowerCase() === file.name.toLowerCase());
    const label = clash ? `${file.name} (${i + 1})` : file.name;
    return { label, snapshot: xlsxSnapshot(bytes, file.name) };
  });
  try {
    return lspSources(inputs, today);
  } catch (e) {
    if (e instanceof NotAReviewError) throw new ReviewRequestError(`${e.message} Nothing was written; pick only review workbooks.`);
    throw e;
  }
}
