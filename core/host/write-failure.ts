/**
 * A write that failed part-way. Spreadsheet hosts have no transactions (Apps Script and Office.js apply each call
 * as it comes), so a host that fails while writing puts back what it had started — deletes the tabs this run
 * created, keeps the old version of a tab it was rebuilding, writes back the cells it had overwritten — and says,
 * through this error, whether that worked. The pane then says exactly what state the workbook is in.
 */
export class WriteFailedError extends Error {
  override name = 'WriteFailedError';
  constructor(
    /** what went wrong, in plain English (the host's own words) */
    message: string,
    /** tabs that may still hold part of the failed write (empty: the workbook is as it was before) */
    readonly leftChanged: string[],
  ) {
    super(message);
  }
}

/** The error's own words, whatever was thrown. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'message' in e && typeof e.message === 'string') return e.message;
  return String(e);
}
