/**
 * What core refuses up front with a plain message (issue #11 "clean refusals"), on every host:
 * - a date to work to outside 01/01/1901–31/12/9899: the plan sets deadlines after it and spreadsheets end at
 *   31/12/9999 (and misnumber the first months of 1900);
 * - a framework whose scale values are not ordinary numbers (not finite, or beyond ±1,000,000: means, totals and the
 *   live formulas would overflow or print as 1E+308);
 * - a framework too large for a sheet: more item fields than the Responses tab has columns.
 */
import type { Framework } from '../framework/schema.js';
import { entryColumns } from '../sheet-plan/layout.js';
import { EXCEL_MAX_COLS } from '../sheet-plan/limits.js';
import { isIsoDate } from '../util/dates.js';
import { ReviewRequestError } from './types.js';

export const TODAY_MIN = '1901-01-01';
export const TODAY_MAX = '9899-12-31';
export const SCALE_VALUE_LIMIT = 1_000_000;

/** null when `today` can be worked to, else the sentence saying why not. */
export function todayProblem(today: string): string | null {
  if (!isIsoDate(today)) return `“${today}” is not a date as YYYY-MM-DD; the add-in passes today's date.`;
  if (today < TODAY_MIN || today > TODAY_MAX) {
    return `${today} is outside the dates a review can be worked to (1 January 1901 to 31 December 9899: improvement plans set deadlines after it, and spreadsheets end in 9999). Give today's date, for example --today 2026-05-01.`;
  }
  return null;
}

export function assertToday(today: string): void {
  const p = todayProblem(today);
  if (p) throw new ReviewRequestError(p);
}

/** null when the framework can be laid out and scored, else the sentence saying what to change. */
export function frameworkProblem(framework: Framework): string | null {
  for (const scale of framework.scales ?? []) {
    for (const p of scale.points) {
      if (!Number.isFinite(p.value) || Math.abs(p.value) > SCALE_VALUE_LIMIT) {
        return `The framework “${framework.title}” gives the point “${p.label}” of the scale “${scale.id}” the value ${String(p.value)}, which cannot be scored: use values between −1,000,000 and 1,000,000 (for example 1 to 4).`;
      }
    }
  }
  const cols = entryColumns(framework).length;
  if (cols > EXCEL_MAX_COLS) {
    return `The framework “${framework.title}” needs ${cols.toLocaleString('en-GB')} columns on the Responses tab (three about the respondent, then one per item field), but a sheet holds at most ${EXCEL_MAX_COLS.toLocaleString('en-GB')}. Split it into smaller frameworks, or give items fewer fields.`;
  }
  return null;
}

export function assertFramework(framework: Framework): void {
  const p = frameworkProblem(framework);
  if (p) throw new ReviewRequestError(p);
}
