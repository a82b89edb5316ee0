/**
 * Turning what a person typed in the Create review fields into a `CreateForm`, with messages that say which field
 * to fix. Pure, so it is tested without a browser.
 */
import type { CreateForm } from './bridge.js';
import { EXCEL_MAX_CELL_TEXT } from '../core/sheet-plan/limits.js';

/** Non-empty trimmed lines, in order, each once (a name typed twice is kept once). */
export function lines(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const t = raw.trim();
    if (t === '' || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}

/** Most respondents the pane offers to create as blank rows at once (a guard against typos such as 5000). */
export const MAX_BLANK_RESPONDENTS = 1000;

export interface RespondentsInput {
  respondents: string[];
  respondentCount?: number;
}

/** "Ann\nBob" → names; a lone whole number ("8") → that many blank, numbered rows. */
export function parseRespondents(text: string): RespondentsInput | { error: string } {
  const names = lines(text);
  if (names.length === 0) {
    return { error: 'Type the respondents, one name per line, or how many there are (for example 8).' };
  }
  if (names.length === 1 && /^\d+$/.test(names[0]!)) {
    const n = Number(names[0]);
    if (n < 1 || n > MAX_BLANK_RESPONDENTS) {
      return { error: `Type a number of respondents from 1 to ${MAX_BLANK_RESPONDENTS}, or their names one per line.` };
    }
    return { respondents: [], respondentCount: n };
  }
  return { respondents: names };
}

export interface CreateFields {
  frameworkId: string;
  multiplePartnerships: boolean;
  partnerships: string;
  respondents: string;
  cycle: string;
  protect: boolean;
}

export type FieldErrors = Partial<Record<'framework' | 'partnerships' | 'respondents' | 'cycle', string>>;

/** The form to send, or what to fix in which field. */
export function toCreateForm(f: CreateFields): { form: CreateForm } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!f.frameworkId) errors.framework = 'Choose a framework.';
  const partnerships = lines(f.partnerships);
  if (partnerships.length === 0) {
    errors.partnerships = f.multiplePartnerships
      ? 'Type the partnerships to review, one per line.'
      : 'Type the name of the partnership you are reviewing.';
  } else if (!f.multiplePartnerships && partnerships.length > 1) {
    errors.partnerships = 'This framework reviews one partnership at a time: type one name.';
  }
  const r = parseRespondents(f.respondents);
  if ('error' in r) errors.respondents = r.error;
  const cycle = f.cycle.trim();
  if (cycle === '') errors.cycle = 'Type the review cycle, for example 2026/27.';
  // every field lands in a cell, and Excel keeps at most 32,767 characters there: refused here, never cut
  const tooLong = (t: string) =>
    `${t.length.toLocaleString('en-GB')} characters is more than a spreadsheet cell holds (32,767). Shorten it.`;
  const longPartnership = partnerships.find((p) => p.length > EXCEL_MAX_CELL_TEXT);
  if (longPartnership !== undefined) errors.partnerships = `A partnership name of ${tooLong(longPartnership)}`;
  const longName = 'error' in r ? undefined : r.respondents.find((n) => n.length > EXCEL_MAX_CELL_TEXT);
  if (longName !== undefined) errors.respondents = `A name of ${tooLong(longName)}`;
  if (cycle.length > EXCEL_MAX_CELL_TEXT) errors.cycle = `A cycle of ${tooLong(cycle)}`;
  if (Object.keys(errors).length > 0 || 'error' in r) return { errors };
  return {
    form: {
      frameworkId: f.frameworkId,
      partnerships,
      respondents: r.respondents,
      ...(r.respondentCount !== undefined ? { respondentCount: r.respondentCount } : {}),
      cycle,
      protect: f.protect,
    },
  };
}
