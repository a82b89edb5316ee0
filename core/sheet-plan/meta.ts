/**
 * PR_Meta (hidden, mode 'replace'): key/value rows that identify the workbook and say where everything is.
 * The framework travels with the workbook as JSON, in cells of at most 30,000 characters (Excel holds 32,767).
 */
import type { Framework } from '../framework/schema.js';
import { STYLE, val } from './cells.js';
import { LAYOUT_VERSION, PRODUCT, TAB, type TabKey } from './layout.js';
import { block, newTab, setWidth } from './tab.js';
import type { PlanCell, TabPlan } from './types.js';

export const META_CHUNK = 30_000;

export interface TabMeta {
  name: string;
  headerRow?: number;
  keyRow?: number;
  firstDataRow?: number;
  /** column of each key on this tab */
  cols?: Record<string, number>;
}

export interface MetaModel {
  product: string;
  layoutVersion: number;
  frameworkId: string;
  /** the framework as JSON (parsed and defaulted), or null when only the id is known */
  frameworkJson: string | null;
  cycle: string;
  created: string;
  /** unique id of the review, made at creation by the host (absent in workbooks made before issue #11) */
  reviewId?: string;
  revision: number;
  tabs: Partial<Record<TabKey, TabMeta>>;
  /** number of "Respondent n" placeholder rows written at creation (0 when names were given) */
  placeholders: number;
  /**
   * Optional (issue #11): the mark of each tab the add-in may write over, as it last wrote it — a fingerprint of the
   * tab's own marker cells (see core/operations/ownership.ts). A tab is only written over when its cells still give
   * this mark.
   */
  marks?: Partial<Record<MarkedTab, string>>;
}

/** The generated tabs the add-in writes over, and so proves are its own first. */
export type MarkedTab = 'summary' | 'comments' | 'plan';
export const MARKED_TABS: MarkedTab[] = ['summary', 'comments', 'plan'];

export function newMeta(framework: Framework, cycle: string, created: string): MetaModel {
  return {
    product: PRODUCT,
    layoutVersion: LAYOUT_VERSION,
    frameworkId: framework.id,
    frameworkJson: JSON.stringify(framework),
    cycle,
    created,
    revision: 1,
    tabs: {},
    placeholders: 0,
  };
}

/** `col:ASPIRE.score` for the entry tab (as the layout documents), `col:<tab>:<key>` for the others. */
export function metaColumnKey(tab: TabKey, key: string): string {
  if (tab === 'entry') {
    const bar = key.lastIndexOf('|');
    return bar < 0 ? `col:${key}` : `col:${key.slice(0, bar)}.${key.slice(bar + 1)}`;
  }
  return `col:${tab}:${key}`;
}

export function metaRows(m: MetaModel): [string, string | number][] {
  const rows: [string, string | number][] = [
    ['product', m.product],
    ['layoutVersion', m.layoutVersion],
    ['revision', m.revision],
    ['frameworkId', m.frameworkId],
    ['cycle', m.cycle],
    ['created', m.created],
    ...(m.reviewId ? [['reviewId', m.reviewId] as [string, string]] : []),
    ['placeholders:entry', m.placeholders],
  ];
  for (const k of MARKED_TABS) if (m.marks?.[k]) rows.push([`mark:${k}`, m.marks[k]]);
  for (const [key, t] of Object.entries(m.tabs) as [TabKey, TabMeta][]) {
    rows.push([`tab:${key}`, t.name]);
    if (t.headerRow !== undefined) rows.push([`headerRow:${key}`, t.headerRow]);
    if (t.keyRow !== undefined) rows.push([`keyRow:${key}`, t.keyRow]);
    if (t.firstDataRow !== undefined) rows.push([`firstDataRow:${key}`, t.firstDataRow]);
    for (const [k, c] of Object.entries(t.cols ?? {})) rows.push([metaColumnKey(key, k), c]);
  }
  if (m.frameworkJson !== null) {
    const parts = Math.ceil(m.frameworkJson.length / META_CHUNK);
    rows.push(['frameworkJsonParts', parts]);
    for (let i = 0; i < parts; i++) rows.push([`frameworkJson.${i + 1}`, m.frameworkJson.slice(i * META_CHUNK, (i + 1) * META_CHUNK)]);
  }
  return rows;
}

/** Row of the revision stamp (header row 1, then `metaRows` in order). */
export const META_REVISION_ROW = 4;

export function buildMetaTab(m: MetaModel, mode: TabPlan['mode'] = 'replace'): TabPlan {
  const tab = newTab(TAB.meta, 'meta', mode);
  tab.hidden = true;
  const cells: PlanCell[][] = [[val('key'), val('value')], ...metaRows(m).map(([k, v]) => [val(k), val(v)])];
  tab.blocks.push(block(1, 1, cells));
  tab.formats.push({ range: { row: 1, col: 1, rows: 1, cols: 2 }, format: STYLE.header });
  setWidth(tab, 1, 28);
  setWidth(tab, 2, 40);
  return tab;
}
