/** Office.js errors turned into sentences a person can act on. */
import { LayoutChangedError, ReviewRequestError } from '../../core/operations/types.js';
import { WriteFailedError } from '../../core/host/write-failure.js';

interface OfficeLikeError {
  code?: string;
  message?: string;
  debugInfo?: { errorLocation?: string };
}

const FIXES: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel is busy editing a cell: press Enter or Esc to leave the cell, then try again.',
  AccessDenied: 'A tab is protected with a password. Unprotect it (Review › Unprotect Sheet), then try again.',
  ItemNotFound: 'A tab or name was removed while this was running. Try again.',
  RequestPayloadSizeLimitExceeded: 'The data is too large for Excel on the web in one go. Try again in Excel for Windows or Mac.',
  ResponsePayloadSizeLimitExceeded:
    'The review holds more text than Excel on the web can hand over in one go, even a few rows at a time. Open the workbook in Excel for Windows or Mac and try again.',
  ItemAlreadyExists: 'A tab or name with the same name already exists. Rename it, then try again.',
};

export function explainExcelError(e: unknown, stage: string): Error {
  if (e instanceof LayoutChangedError || e instanceof ReviewRequestError || e instanceof WriteFailedError) return e;
  const err = (e ?? {}) as OfficeLikeError;
  const code = err.code ?? '';
  const where = err.debugInfo?.errorLocation ? ` (at ${err.debugInfo.errorLocation})` : '';
  const fix = FIXES[code] ?? 'Nothing a person typed is lost: try again, and if it keeps failing, save the workbook, reopen it and retry.';
  const detail = err.message ?? String(e);
  const out = new Error(`Excel could not finish ${stage}: ${detail}${where}. ${fix}`);
  (out as Error & { cause?: unknown; code?: string }).cause = e;
  if (code) (out as Error & { code?: string }).code = code;
  return out;
}
