/**
 * Who a row of a Forms export is, and what was imported for them.
 *
 * Identity (never the name alone): the export's response id (Microsoft Forms "ID", or a Response ID column), else a
 * Google Forms timestamp with its occurrence number (two answers in the same second stay two), else the email
 * address, else the row of the export. It is kept beside the respondent's row on the Responses tab, in a hidden
 * column keyed `importId`, so rows people sort or move keep it.
 *
 * Import record: beside it (hidden, keyed `importRecord`) a fingerprint of each cell as it was last imported, so the
 * next import knows — rather than guesses — which cells a person changed since: `v1;<key>=<hash>;…`.
 */
import type { CellValue } from '../review/types.js';
import { fnv1a } from '../util/hash.js';

export const IMPORT_ID_KEY = 'importId';
export const IMPORT_RECORD_KEY = 'importRecord';
/** The machine columns the import adds to the Responses tab (hidden; the key row names them). */
export const IMPORT_KEYS = [IMPORT_ID_KEY, IMPORT_RECORD_KEY] as const;
export const IMPORT_HEADERS: Record<(typeof IMPORT_KEYS)[number], string> = {
  importId: 'Import id (added by the add-in: do not edit)',
  importRecord: 'What was imported (added by the add-in: do not edit)',
};

/** Control characters a workbook cannot hold (an .xlsx file drops them): they do not count as a difference. */

const UNHOLDABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function withoutControls(s: string): string {
  return s.replace(UNHOLDABLE, '');
}

/** A cell as compared: surrounding spaces, Windows line ends, control characters a workbook cannot hold and
 *  number-vs-text of the same number do not count. */
export function normalisedCell(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  const t = withoutControls(v.replace(/\r\n?/g, '\n')).trim();
  if (/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(t)) return String(Number(t));
  return t;
}

export function cellHash(v: CellValue | undefined): string {
  return fnv1a(normalisedCell(v));
}

export function sameCell(a: CellValue | undefined, b: CellValue | undefined): boolean {
  return normalisedCell(a) === normalisedCell(b);
}

export type ImportRecord = Map<string, string>;

export function parseRecord(v: CellValue | undefined): ImportRecord {
  const out: ImportRecord = new Map();
  if (typeof v !== 'string' || !v.startsWith('v1;')) return out;
  for (const part of v.slice(3).split(';')) {
    const eq = part.lastIndexOf('=');
    if (eq <= 0) continue;
    try {
      out.set(decodeURIComponent(part.slice(0, eq)), part.slice(eq + 1));
    } catch {
      // a damaged entry: that cell counts as not imported (a change is then reported, never overwritten)
    }
  }
  return out;
}

export function formatRecord(r: ImportRecord): string {
  const parts = [...r.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k, h]) => `${encodeURIComponent(k)}=${h}`);
  return `v1;${parts.join(';')}`;
}

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/\s+/g, ' ').trim();
}

/** "anonymous" is what Microsoft Forms writes in Name and Email when it does not collect them. */
export function isAnonymous(v: CellValue | undefined): boolean {
  const t = text(v).toLowerCase();
  return t === '' || t === 'anonymous' || t === 'anonymous user';
}

export interface RowIdentity {
  /** stored in the importId column */
  id: string;
  /** a person-facing label of where it came from, e.g. "response id 17" */
  label: string;
}

/**
 * The identity of each data row of an export (index 1… of `table`), or null for a row without any (never, since the
 * row itself is the last resort — but a blank row is skipped by the caller).
 */
export function rowIdentities(
  table: CellValue[][],
  cols: { responseId: number | null; timestamp: number | null; email: number | null },
): RowIdentity[] {
  const out: RowIdentity[] = [];
  const stamps = new Map<string, number>();
  for (let ri = 1; ri < table.length; ri++) {
    const row = table[ri] ?? [];
    const id = cols.responseId !== null ? text(row[cols.responseId]) : '';
    if (id !== '') {
      out[ri] = { id: `id:${id}`, label: `response id ${id}` };
      continue;
    }
    const ts = cols.timestamp !== null ? text(row[cols.timestamp]) : '';
    if (ts !== '') {
      const n = (stamps.get(ts) ?? 0) + 1;
      stamps.set(ts, n);
      out[ri] = { id: `time:${ts}#${n}`, label: n > 1 ? `timestamp ${ts} (answer ${n} that second)` : `timestamp ${ts}` };
      continue;
    }
    const email = cols.email !== null ? text(row[cols.email]) : '';
    if (email !== '' && !isAnonymous(email)) {
      out[ri] = { id: `email:${email.toLowerCase()}`, label: `email ${email}` };
      continue;
    }
    out[ri] = { id: `row:${ri + 1}`, label: `row ${ri + 1} of the export` };
  }
  return out;
}
