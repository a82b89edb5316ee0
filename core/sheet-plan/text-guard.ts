/**
 * Text a person typed is never written back as a formula (nor re-read as a number or date).
 * Office.js `values` and Apps Script `setValues` parse strings the way typing does: "=HYPERLINK(...)" becomes a
 * formula, "1/2" a date, "007" the number 7. A leading apostrophe makes both store the rest as literal text (the
 * apostrophe itself is not part of the value). ExcelJS writes strings as strings and needs no guard.
 */

/** Strings a spreadsheet would not keep as typed. */
export function needsTextGuard(s: string): boolean {
  if (s === '') return false;
  // formula or formula-like starts (also DDE-style payloads), and an existing leading apostrophe
  if (/^[=+\-@'\t\r\n]/.test(s)) return true;
  const t = s.trim();
  // numbers, percentages, currency, dates and times, booleans
  if (/^[£$€]?\s*[+-]?(\d[\d,]*)?(\.\d+)?(e[+-]?\d+)?\s*%?$/i.test(t) && /\d/.test(t)) return true;
  if (/^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?$/.test(t)) return true;
  if (/^\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?$/i.test(t)) return true;
  if (/^\d{1,2}[\s-][A-Za-z]{3,9}([\s-]\d{2,4})?$/.test(t) || /^[A-Za-z]{3,9}[\s-]\d{1,2}(,?\s*\d{2,4})?$/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  // Excel and Sheets also read these as values, not text (Excel's "typing" rules): a number in brackets is negative,
  // "#N/A" and the other error codes are errors, "1 1/2" a fraction, "2026-05-01 10:00" a date and time, "May 2026"
  // a date. Rather than list every form, any text that starts like a number or a date, a bracket, an error code or a
  // currency sign is written guarded: a needless apostrophe is harmless (the cell reads back exactly the same text).
  if (/^[\d(#.£$€¥]/.test(t)) return true;
  if (/^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[\s,/-]*\d/i.test(t)) return true;
  return false;
}

/** The string to hand to Office.js `values` or Apps Script `setValues` so the cell holds exactly `s` as text. */
export function hostText(s: string): string {
  return needsTextGuard(s) ? `'${s}` : s;
}

/**
 * Formulas in plans carry the `_xlfn.` prefix for functions newer than Excel 2007 (what the .xlsx file format
 * stores). Office.js `formulas` and Apps Script `setFormulas` take the function names without it.
 */
export function formulaForHost(f: string): string {
  return f.replace(/_xlfn\./g, '');
}
