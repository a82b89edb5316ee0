/**
 * Matching the columns of a Forms-style wide export (one row per respondent) to a framework's items.
 *
 * - Identity: a column headed Respondent, Name, Full name, Your name or Respondent name; an Email column is the
 *   identity only when there is none of those. Optional Partnership and Organisation (or Organization) columns.
 * - Items: a header that begins with the item's id, as written, followed by a space or the end (`1.1 Do you
 *   have…`, `ASPIRE`) — so `1.10 …` is never taken for `1.1`, nor "Lead partner" for LEAD — or that equals the id or
 *   the item's wording (case and spaces ignored). The column
 *   holds the item's score (or, for items without one, its answer).
 * - `<item id> comment` (also evidence, progress, themes, answer, score) holds that field of the item.
 * - Forms' own columns (Id, Start time, Completion time, Email, Timestamp, Last modified time) are ignored silently.
 * - Everything else is reported as unknown, never guessed.
 */
import type { Framework, Item, ItemField } from '../framework/schema.js';
import type { CellValue } from '../review/types.js';

export interface FieldColumn {
  /** 0-based index in the export */
  index: number;
  itemId: string;
  field: ItemField;
  header: string;
}

export interface ColumnMatch {
  respondent: number | null;
  /** where the identity came from */
  identity: 'name' | 'email' | null;
  partnership: number | null;
  organisation: number | null;
  fields: FieldColumn[];
  /** Forms' own columns, ignored */
  ignored: number[];
  /** headers that matched nothing */
  unknown: { index: number; header: string }[];
  /** a second column for the same item field: not read */
  duplicates: { index: number; header: string; itemId: string; field: ItemField; firstIndex: number }[];
}

const NAME_HEADERS = ['respondent', 'respondent name', 'name', 'full name', 'your name'];
const EMAIL_HEADERS = ['email', 'e-mail', 'email address', 'e-mail address'];
const FORMS_OWN = ['id', 'start time', 'completion time', 'timestamp', 'last modified time', ...EMAIL_HEADERS];
const PARTNERSHIP_HEADERS = ['partnership', 'partnership name'];
const ORGANISATION_HEADERS = ['organisation', 'organization', 'organisation name', 'organization name'];

/** Field words after an item id: `1.1 comment`, `ASPIRE Comments`. */
const FIELD_WORDS: Record<string, ItemField> = {
  score: 'score',
  rating: 'score',
  comment: 'comment',
  comments: 'comment',
  evidence: 'evidence',
  progress: 'progress',
  'key progress': 'progress',
  themes: 'themes',
  theme: 'themes',
  answer: 'answer',
};

export function normaliseHeader(h: CellValue | undefined): string {
  if (h === null || h === undefined) return '';
  return String(h).replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ').trim();
}

function key(h: string): string {
  return h.toLowerCase().replace(/[:?.]+$/, '').trim();
}

/** The field a bare item column holds: its score, else its answer, else its first field. */
export function primaryField(item: Item): ItemField {
  if (item.fields.includes('score')) return 'score';
  if (item.fields.includes('answer')) return 'answer';
  return item.fields[0]!;
}

export function matchColumns(headers: CellValue[], framework: Framework): ColumnMatch {
  const items = framework.sections.flatMap((s) => s.items);
  // longest ids first, so a header is matched by the most specific id
  const byIdLength = [...items].sort((a, b) => b.id.length - a.id.length);
  const byWording = new Map(items.map((i) => [key(normaliseHeader(i.text)), i]));
  const m: ColumnMatch = { respondent: null, identity: null, partnership: null, organisation: null, fields: [], ignored: [], unknown: [], duplicates: [] };
  const emails: number[] = [];
  const taken = new Map<string, number>();

  headers.forEach((raw, index) => {
    const header = normaliseHeader(raw);
    const k = key(header);
    if (k === '') return;
    if (NAME_HEADERS.includes(k)) {
      if (m.respondent === null) {
        m.respondent = index;
        m.identity = 'name';
      } else m.unknown.push({ index, header });
      return;
    }
    if (EMAIL_HEADERS.includes(k)) {
      emails.push(index);
      return;
    }
    if (PARTNERSHIP_HEADERS.includes(k)) {
      if (m.partnership === null) m.partnership = index;
      else m.unknown.push({ index, header });
      return;
    }
    if (ORGANISATION_HEADERS.includes(k)) {
      if (m.organisation === null) m.organisation = index;
      else m.unknown.push({ index, header });
      return;
    }
    if (FORMS_OWN.includes(k)) {
      m.ignored.push(index);
      return;
    }
    let hit: { item: Item; field: ItemField } | null = null;
    for (const item of byIdLength) {
      // the id as written (so "Lead partner" is not LEAD), or the whole header equal to the id in any case
      if (!header.startsWith(item.id) && header.toLowerCase() !== item.id.toLowerCase()) continue;
      const rest = header.slice(item.id.length);
      if (rest !== '' && !/^\s/.test(rest)) continue;
      const word = key(rest.trim());
      const field = FIELD_WORDS[word];
      if (word === '') hit = { item, field: primaryField(item) };
      else if (field) hit = item.fields.includes(field) ? { item, field } : null;
      else hit = { item, field: primaryField(item) };
      break;
    }
    if (!hit) {
      const item = byWording.get(k);
      if (item) hit = { item, field: primaryField(item) };
    }
    if (!hit) {
      m.unknown.push({ index, header });
      return;
    }
    const fk = `${hit.item.id}|${hit.field}`;
    const first = taken.get(fk);
    if (first !== undefined) {
      m.duplicates.push({ index, header, itemId: hit.item.id, field: hit.field, firstIndex: first });
      return;
    }
    taken.set(fk, index);
    m.fields.push({ index, itemId: hit.item.id, field: hit.field, header });
  });

  if (m.respondent === null && emails.length > 0) {
    m.respondent = emails[0]!;
    m.identity = 'email';
    m.ignored.push(...emails.slice(1));
  } else m.ignored.push(...emails);
  m.ignored.sort((a, b) => a - b);
  return m;
}
