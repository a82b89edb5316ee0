/**
 * Matching the columns of a Forms-style wide export (one row per respondent) to a framework's items.
 *
 * Columns about the respondent are recognised in the wordings forms use (case, spaces and a trailing ":", "?" or
 * "." do not matter; ’ and ' are the same):
 * - response id: ID, Response ID, Respondent ID, Response number, Submission ID, Unique ID;
 * - when the response was given: Timestamp (Google Forms), Start time, Completion time, Last modified time;
 * - name: Name, Full name, Your name, Your full name, Respondent, Respondent name, Name of respondent, and any header
 *   beginning "What is your name" / "What is your full name";
 * - email: Email, E-mail, Email address, E-mail address, Your email, Your email address, and headers beginning
 *   "What is your email";
 * - partnership: Partnership, Partnership name, Your partnership, and any header beginning "Which partnership";
 * - organisation: Organisation, Organization, Organisation name, Organization name, Agency, Your agency, Your
 *   organisation, Your organization, Employer, and any header beginning "Which organisation", "Which agency",
 *   "Your organisation", "Your agency", "What is your organisation", "Name of your organisation".
 * Items: a header that begins with the item's id, as written, followed by a space or the end (`1.1 Do you
 * have…`, `ASPIRE`) — so `1.10 …` is never taken for `1.1`, nor "Lead partner" for LEAD — or that equals the id or
 * the item's wording (case and spaces ignored). The column holds the item's score (or, for items without one, its
 * answer). `<item id> comment` (also evidence, progress, themes, answer, score) holds that field of the item.
 * Everything else is reported as unknown, never guessed.
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
  /** the column the respondent's name comes from: the name column, else the (first) email column */
  respondent: number | null;
  /** where the name came from */
  identity: 'name' | 'email' | null;
  /** the name column, the first email column, the response id column and the timestamp column (Google Forms) */
  name: number | null;
  email: number | null;
  responseId: number | null;
  timestamp: number | null;
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

export const NAME_HEADERS = ['respondent', 'respondent name', 'name', 'full name', 'your name', 'your full name', 'name of respondent'];
const NAME_STARTS = [/^what is your (full )?name\b/];
export const EMAIL_HEADERS = [
  'email',
  'e-mail',
  'email address',
  'e-mail address',
  'your email',
  'your e-mail',
  'your email address',
  'your e-mail address',
];
const EMAIL_STARTS = [/^what is your e-?mail\b/];
export const ID_HEADERS = ['id', 'response id', 'respondent id', 'response number', 'submission id', 'unique id'];
export const TIMESTAMP_HEADERS = ['timestamp'];
/** Forms' own columns that are not the respondent's answers: read for nothing, reported as nothing. */
export const FORMS_OWN = ['start time', 'completion time', 'last modified time'];
export const PARTNERSHIP_HEADERS = ['partnership', 'partnership name', 'your partnership'];
const PARTNERSHIP_STARTS = [/^which partnership\b/];
export const ORGANISATION_HEADERS = [
  'organisation',
  'organization',
  'organisation name',
  'organization name',
  'agency',
  'your agency',
  'your organisation',
  'your organization',
  'employer',
];
const ORGANISATION_STARTS = [
  /^which (organi[sz]ation|agency)\b/,
  /^your (organi[sz]ation|agency)\b/,
  /^what is your (organi[sz]ation|agency)\b/,
  /^name of your (organi[sz]ation|agency)\b/,
];

function isOneOf(k: string, exact: string[], starts: RegExp[] = []): boolean {
  return exact.includes(k) || starts.some((re) => re.test(k));
}

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
  return String(h)
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function key(h: string): string {
  return h
    .toLowerCase()
    .replace(/[:?.]+$/, '')
    .trim();
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
  const m: ColumnMatch = {
    respondent: null,
    identity: null,
    name: null,
    email: null,
    responseId: null,
    timestamp: null,
    partnership: null,
    organisation: null,
    fields: [],
    ignored: [],
    unknown: [],
    duplicates: [],
  };
  const emails: number[] = [];
  const taken = new Map<string, number>();

  headers.forEach((raw, index) => {
    const header = normaliseHeader(raw);
    const k = key(header);
    if (k === '') return;
    if (isOneOf(k, ID_HEADERS) && !items.some((i) => i.id.toLowerCase() === k)) {
      if (m.responseId === null) m.responseId = index;
      else m.ignored.push(index);
      return;
    }
    if (isOneOf(k, TIMESTAMP_HEADERS)) {
      if (m.timestamp === null) m.timestamp = index;
      else m.ignored.push(index);
      return;
    }
    if (isOneOf(k, NAME_HEADERS, NAME_STARTS)) {
      if (m.name === null) m.name = index;
      else m.unknown.push({ index, header });
      return;
    }
    if (isOneOf(k, EMAIL_HEADERS, EMAIL_STARTS)) {
      emails.push(index);
      return;
    }
    if (isOneOf(k, PARTNERSHIP_HEADERS, PARTNERSHIP_STARTS)) {
      if (m.partnership === null) m.partnership = index;
      else m.unknown.push({ index, header });
      return;
    }
    if (isOneOf(k, ORGANISATION_HEADERS, ORGANISATION_STARTS)) {
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

  m.email = emails[0] ?? null;
  m.ignored.push(...emails.slice(1));
  if (m.name !== null) {
    m.respondent = m.name;
    m.identity = 'name';
  } else if (m.email !== null) {
    m.respondent = m.email;
    m.identity = 'email';
  }
  m.ignored.sort((a, b) => a - b);
  return m;
}
