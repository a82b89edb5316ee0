/**
 * A small deterministic fingerprint (32-bit FNV-1a) of what the add-in drafted into an Improvement Plan row.
 * On regeneration, a row whose cells still hash to the fingerprint stored with it was not edited by a person and
 * may be refreshed; any other row is kept word for word. Not a security measure: only a change detector.
 */
import type { ImprovementAction } from '../plan/types.js';
import { parseDate } from './dates.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of `s`, as 8 lower-case hex digits. */
export function fnv1a(s: string): string {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The fields a person can edit on a plan row (everything shown except the Ref, which identifies the row). */
export const PLAN_HASHED_FIELDS = [
  'part',
  'heading',
  'sourceItems',
  'action',
  'date',
  'keyContact',
  'leadAgency',
  'supportNeeded',
  'howSupportProvided',
  'progressReportDate',
  'status',
] as const satisfies readonly (keyof ImprovementAction)[];

const DATE_FIELDS = new Set<string>(['date', 'progressReportDate']);

/**
 * Normalised text of one field: surrounding spaces and Windows line endings do not count as an edit, and a date
 * reads the same whether a host gave it back as ISO text, dd/mm/yyyy or an Excel serial number.
 */
function normalise(field: string, value: unknown): string {
  // a host hands back text, a number, a boolean or a date here; String() is their plain text
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the only objects a host returns are dates
  const s = value === null || value === undefined ? '' : String(value);
  const t = s.replace(/\r\n?/g, '\n').trim();
  if (DATE_FIELDS.has(field) && t !== '') return parseDate(t) ?? t;
  return t;
}

/** Fingerprint of a plan row's person-editable fields. */
export function hashPlanRow(row: Pick<ImprovementAction, (typeof PLAN_HASHED_FIELDS)[number]>): string {
  // U+001F (unit separator) between fields, so "ab" + "c" and "a" + "bc" differ.
  return fnv1a(PLAN_HASHED_FIELDS.map((f) => normalise(f, row[f])).join('\u001f'));
}
