/**
 * Layout version 1: tab names, fixed header rows and the machine keys that let the reader find every column again.
 * The hidden PR_Meta tab records all of this per workbook; the reader prefers the key rows on the tabs themselves.
 */
import type { Framework, Item, ItemField, RegisterColumn, Section } from '../framework/schema.js';
import { formatNumber as formatScaleNumber, scaleForItem, scaleMax, scaleMin } from '../scoring/scale.js';
import { registerKind } from '../scoring/register-compare.js';

export const PRODUCT = 'Partnership Review';
export const LAYOUT_VERSION = 1;

/** Tab names fixed by layout version 1 (docs/architecture.md). */
export const TAB = {
  instructions: 'Instructions',
  entry: 'Responses',
  notes: 'Workshop Notes',
  settings: 'Review Settings',
  previous: 'Previous Review',
  summary: 'Summary',
  comments: 'Comments',
  plan: 'Improvement Plan',
  meta: 'PR_Meta',
} as const;

/** What the metadata tab calls each tab it records (a register framework brings its own tab names). */
export type TabKey =
  'instructions' | 'entry' | 'notes' | 'register' | 'groupSummary' | 'settings' | 'previous' | 'summary' | 'comments' | 'plan' | 'meta';
export const TAB_KEYS: TabKey[] = [
  'instructions',
  'entry',
  'notes',
  'register',
  'groupSummary',
  'settings',
  'previous',
  'summary',
  'comments',
  'plan',
  'meta',
];

/** Responses tab rows. */
export const ENTRY_ROWS = { title: 1, section: 2, item: 3, field: 4, key: 5, firstData: 6 } as const;
/** Blank rows offered below the named (or "Respondent n") rows when a review is created. */
export const SPARE_ENTRY_ROWS = 10;
/** Live formulas count this many rows beyond the last data row, so rows people add are counted. */
export const FORMULA_SPARE_ROWS = 1000;
/** Data validation and editable ranges reach this many rows beyond the last row written. */
export const VALIDATION_SPARE_ROWS = 1000;

/** Register, theme review, workshop notes and plan tabs: title, (note), header, hidden key row, data. */
export const TABLE_ROWS = { title: 1, note: 2, header: 3, key: 4, firstData: 5 } as const;

/** Default number of blank respondent rows when neither names nor a count are given. */
export const DEFAULT_RESPONDENT_ROWS = 10;

export type EntryColumnKind = 'respondent' | 'partnership' | 'organisation' | 'field';

export interface EntryColumn {
  key: string;
  col: number;
  kind: EntryColumnKind;
  header: string;
  itemId?: string;
  field?: ItemField;
  sectionId?: string;
}

/** Machine key of an item field column, as written in the hidden key row: `ASPIRE|score`. */
export function fieldKey(itemId: string, field: ItemField): string {
  return `${itemId}|${field}`;
}

/** The scale an item is scored on (its own, or the framework's default). */
export function scaleOf(framework: Framework, item: Item) {
  return scaleForItem(framework, item);
}

export { scaleMax, scaleMin };

const FIELD_HEADERS: Record<Exclude<ItemField, 'score'>, string> = {
  comment: 'Comment',
  evidence: 'What evidence do we have to demonstrate this standard?',
  progress: 'What key progress have we made?',
  answer: 'Answer',
  themes: 'Themes (separate with ;)',
};

export function fieldHeader(framework: Framework, item: Item, field: ItemField): string {
  if (field !== 'score') return FIELD_HEADERS[field];
  const scale = scaleOf(framework, item);
  const word = scale.header ?? 'Score';
  if (scale.entry === 'labels') {
    const labels = scale.points.map((p) => p.label);
    return `${word} (${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]!})`;
  }
  return `${word} (${formatNumber(scaleMin(scale))}–${formatNumber(scaleMax(scale))})`;
}

/** Numbers as a person reads them: 2 → "2", 2.5 → "2.5", at most two decimals. */
export function formatNumber(n: number): string {
  return formatScaleNumber(n, 2);
}

/** The Responses columns: Respondent, Partnership, Organisation, then every item's fields in order. */
export function entryColumns(framework: Framework): EntryColumn[] {
  const cols: EntryColumn[] = [
    { key: 'respondent', col: 1, kind: 'respondent', header: 'Respondent' },
    { key: 'partnership', col: 2, kind: 'partnership', header: 'Partnership' },
    { key: 'organisation', col: 3, kind: 'organisation', header: 'Organisation' },
  ];
  let col = 4;
  for (const section of framework.sections) {
    for (const item of section.items) {
      for (const field of item.fields) {
        cols.push({
          key: fieldKey(item.id, field),
          col: col++,
          kind: 'field',
          header: fieldHeader(framework, item, field),
          itemId: item.id,
          field,
          sectionId: section.id,
        });
      }
    }
  }
  return cols;
}

/** Items that carry a score, in framework order. */
export function scoredItems(framework: Framework): { section: Section; item: Item }[] {
  const out: { section: Section; item: Item }[] = [];
  for (const section of framework.sections)
    for (const item of section.items) if (item.fields.includes('score')) out.push({ section, item });
  return out;
}

/** Register tab columns: a group column first (unless the register defines one), then the register's columns. */
export interface RegisterTableColumn {
  key: string;
  col: number;
  header: string;
  type: 'text' | 'date' | 'score' | 'flag' | 'rag' | 'group';
  scale?: string;
  width?: number;
  note?: string;
  required: boolean;
}

export const GROUP_KEY = 'group';

export function registerColumns(columns: RegisterColumn[], groupLabel: string): RegisterTableColumn[] {
  const out: RegisterTableColumn[] = [];
  const hasGroup = columns.some((c) => c.type === 'group');
  let col = 1;
  if (!hasGroup) out.push({ key: GROUP_KEY, col: col++, header: groupLabel, type: 'group', required: true });
  for (const c of columns) {
    const entry: RegisterTableColumn = { key: c.id, col: col++, header: c.header, type: c.type, required: c.required };
    if (c.scale !== undefined) entry.scale = c.scale;
    if (c.width !== undefined) entry.width = c.width;
    if (c.note !== undefined) entry.note = c.note;
    out.push(entry);
  }
  return out;
}

/** The key of the column holding the group (theme, cluster) of a register row. */
export function groupColumnKey(cols: RegisterTableColumn[]): string {
  return cols.find((c) => c.type === 'group')?.key ?? GROUP_KEY;
}

/** Every tab name layout version 1 can have for this framework, in workbook order. */
export function tabOrder(framework: Framework): { key: TabKey; name: string }[] {
  const out: { key: TabKey; name: string }[] = [{ key: 'instructions', name: TAB.instructions }];
  if (framework.sections.length > 0) out.push({ key: 'entry', name: TAB.entry });
  if (framework.sectionFreeText.length > 0 && framework.sections.length > 0) out.push({ key: 'notes', name: TAB.notes });
  if (framework.register) {
    out.push({ key: 'register', name: framework.register.tab });
    if (framework.register.groupSummary) out.push({ key: 'groupSummary', name: framework.register.groupSummary.tab });
  }
  out.push({ key: 'summary', name: TAB.summary });
  // the comments given with the scores, on a tab of their own (issue #13)
  if (framework.sections.some((s) => s.items.some((i) => i.fields.includes('comment')))) out.push({ key: 'comments', name: TAB.comments });
  out.push({ key: 'plan', name: TAB.plan }, { key: 'settings', name: TAB.settings });
  // a questionnaire's means, or a tracker's or risk register's figures per theme (issue #16)
  if (scoredItems(framework).length > 0 || registerKind(framework)) out.push({ key: 'previous', name: TAB.previous });
  out.push({ key: 'meta', name: TAB.meta });
  return out;
}
