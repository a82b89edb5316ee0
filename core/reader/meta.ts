/**
 * Reading PR_Meta back: key/value rows in columns A and B, in any order (rows may have been moved).
 */
import type { TabSnapshot } from '../host/types.js';
import { NotAReviewError } from '../operations/types.js';
import { LAYOUT_VERSION, PRODUCT, TAB, TAB_KEYS, type TabKey } from '../sheet-plan/layout.js';
import { MARKED_TABS, type MetaModel, type TabMeta } from '../sheet-plan/meta.js';
import type { CellValue } from '../review/types.js';
import { cell, isBlankValue, textOf } from './cells.js';

export interface MetaRead {
  meta: MetaModel;
  /** the revision cell and its value as read: the precondition for writing */
  revisionAt: { row: number; col: number; value: CellValue } | null;
  /** keys whose values could not be read (reported as warnings) */
  unreadable: string[];
}

const HOW_TO_START =
  'Create a review with the add-in (Create review) or `partnership-review new`, or import your answers into a new review with `partnership-review import`.';

function intOf(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  return null;
}

/** PR_Meta's key/value rows (the first row of each key wins), with the row each was found on. */
export function metaValues(tab: TabSnapshot): Map<string, { value: CellValue; row: number }> {
  const values = new Map<string, { value: CellValue; row: number }>();
  for (let r = 1; r <= tab.values.length; r++) {
    const k = textOf(cell(tab, r, 1)).trim();
    if (k === '' || values.has(k)) continue;
    values.set(k, { value: cell(tab, r, 2), row: r });
  }
  return values;
}

/** PR_Meta's `workbook` key of an LSP improvement plan (a review workbook has none). */
export const LSP_PLAN_WORKBOOK = 'lsp-improvement-plan';

const TAB_KEY_SET: ReadonlySet<string> = new Set(TAB_KEYS);

export function readMeta(tab: TabSnapshot): MetaRead {
  const values = metaValues(tab);
  const get = (k: string) => values.get(k)?.value ?? null;
  const product = textOf(get('product')).trim();
  if (product !== PRODUCT) {
    throw new NotAReviewError(
      `This workbook was not made by Partnership Review: its ${TAB.meta} tab does not name "${PRODUCT}" as the product. ${HOW_TO_START}`,
    );
  }
  if (textOf(get('workbook')).trim() === LSP_PLAN_WORKBOOK) {
    throw new NotAReviewError(
      'This workbook is an LSP improvement plan (it pulls together the plans of several reviews), not a review. Give a review workbook here; rebuild the plan with `partnership-review plan <plan.xlsx> <review.xlsx>…`.',
    );
  }
  const layoutVersion = intOf(get('layoutVersion'));
  if (layoutVersion === null) {
    throw new NotAReviewError(`The ${TAB.meta} tab has no layout version, so this workbook cannot be read safely. ${HOW_TO_START}`);
  }
  if (layoutVersion > LAYOUT_VERSION) {
    throw new NotAReviewError(
      `This workbook was made by a newer version of Partnership Review (layout ${layoutVersion}; this version reads layout ${LAYOUT_VERSION}). Update the add-in (or run \`npm install\` for the command line) and try again.`,
    );
  }
  if (layoutVersion < 1) {
    throw new NotAReviewError(
      `This workbook uses layout ${layoutVersion}, which this version cannot read. Create a new review and copy the answers across with \`partnership-review import\`.`,
    );
  }
  const unreadable: string[] = [];
  const frameworkId = textOf(get('frameworkId')).trim();
  const parts = intOf(get('frameworkJsonParts'));
  let frameworkJson: string | null = null;
  if (parts !== null && parts > 0) {
    let s = '';
    for (let i = 1; i <= parts; i++) {
      const v = get(`frameworkJson.${i}`);
      if (typeof v !== 'string') {
        unreadable.push(`frameworkJson.${i}`);
        s = '';
        break;
      }
      s += v;
    }
    frameworkJson = s === '' ? null : s;
  }
  const revisionEntry = values.get('revision');
  const revision = revisionEntry ? intOf(revisionEntry.value) : null;
  if (revision === null) unreadable.push('revision');
  // the column pointers, in one pass: `col:<tab key>:<key>` for a tab, `col:<key>` for the answers (entry) tab
  const colsOf = new Map<string, Record<string, number>>();
  for (const [k, { value }] of values) {
    if (!k.startsWith('col:')) continue;
    const c = intOf(value);
    if (c === null || c < 1) continue;
    const rest = k.slice(4);
    const colon = rest.indexOf(':');
    const owner = colon > 0 && TAB_KEY_SET.has(rest.slice(0, colon)) ? rest.slice(0, colon) : 'entry';
    const own = owner === 'entry' ? rest : rest.slice(colon + 1);
    // entry keys are written `ASPIRE.score`; the key row says `ASPIRE|score`
    const dot = own.lastIndexOf('.');
    const cols = colsOf.get(owner) ?? colsOf.set(owner, {}).get(owner)!;
    cols[owner === 'entry' && dot > 0 ? `${own.slice(0, dot)}|${own.slice(dot + 1)}` : own] = c;
  }
  const tabs: Partial<Record<TabKey, TabMeta>> = {};
  for (const key of TAB_KEYS) {
    const name = textOf(get(`tab:${key}`)).trim();
    if (name === '') continue;
    const t: TabMeta = { name };
    const hr = intOf(get(`headerRow:${key}`));
    const kr = intOf(get(`keyRow:${key}`));
    const fr = intOf(get(`firstDataRow:${key}`));
    if (hr !== null) t.headerRow = hr;
    if (kr !== null) t.keyRow = kr;
    if (fr !== null) t.firstDataRow = fr;
    const cols = colsOf.get(key);
    if (cols) t.cols = cols;
    tabs[key] = t;
  }
  const meta: MetaModel = {
    product,
    layoutVersion,
    frameworkId,
    frameworkJson,
    cycle: textOf(get('cycle')).trim(),
    created: textOf(get('created')).trim(),
    ...(textOf(get('reviewId')).trim() !== '' ? { reviewId: textOf(get('reviewId')).trim() } : {}),
    revision: revision ?? 0,
    tabs,
    placeholders: intOf(get('placeholders:entry')) ?? 0,
  };
  for (const k of MARKED_TABS) {
    const mark = textOf(get(`mark:${k}`)).trim();
    if (mark !== '') (meta.marks ??= {})[k] = mark;
  }
  const revisionAt =
    revisionEntry && !isBlankValue(revisionEntry.value) ? { row: revisionEntry.row, col: 2, value: revisionEntry.value } : null;
  return { meta, revisionAt, unreadable };
}
