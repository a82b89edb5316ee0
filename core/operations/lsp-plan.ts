/**
 * The LSP improvement plan workbook (issue #16): one plan that pulls together the actions of several review
 * workbooks, as the 2004 review paper asks ("Part 1 of the Improvement Plan … based on the strategic themes",
 * "Part 2 … for each of the 6 core criteria"; its samples are two tables, "Improvement Plan for Delivery" and
 * "Improvement Plan for Partnership"). Pure: review snapshots and the plan workbook's snapshot in, a sheet plan out.
 *
 * - Each review brings its Improvement Plan rows as they stand in it (a person's edits there included); a review
 *   whose plan has no rows yet brings what its summarise would draft now.
 * - Part 1 Delivery (tab "Part 1 Delivery"): rows whose Part is Delivery — the delivery trackers' themes and the
 *   actions agreed at their theme reviews. Part 2 Partnership (tab "Part 2 Partnership"): every other row — the
 *   partnership reviews' criteria, hallmarks, characteristics and headings, and the risk exercise's red risk themes
 *   (the bi-annual review paper reviews risk as one of the partnership's headings: "Risk – does the partnership
 *   consider risks…", and its risk exercise suggests "areas which the partnership should focus for improvement").
 *   A row's Part as typed in its review decides; a row with no readable Part goes by its review (a tracker: Part 1).
 * - Every row says where it came from: the workbook's file name, the partnership, the theme or criterion and the
 *   review's own Ref; a hidden source key (the review's id from PR_Meta, else its file name, and the Ref) is its
 *   identity, so rebuilding after a review changed keeps every edit a person made in the plan (lsp-merge.ts).
 * - The plan workbook is the add-in's like a review: PR_Meta names it (`workbook: lsp-improvement-plan`) and records
 *   the mark of each part's hidden key row; a tab is updated only when its key row still gives that mark.
 */
import type { Framework } from '../framework/schema.js';
import type { Snapshot, TabSnapshot } from '../host/types.js';
import { planRowPartnership } from '../plan/carry.js';
import { planFields } from '../plan/merge.js';
import {
  mergeLspPlan,
  sourceIdOf,
  sourceKeyOf,
  type GivenSources,
  type LspRowOut,
  type LspRowRead,
  type LspSourceRow,
} from '../plan/lsp-merge.js';
import type { ImprovementAction, PlanPart, PlanRowOut, PlanRowRead } from '../plan/types.js';
import { cell, findTab, hasTabName, textOf } from '../reader/cells.js';
import { locateTable, type FoundTable } from '../reader/locate.js';
import { LSP_PLAN_WORKBOOK, metaValues } from '../reader/meta.js';
import { readPlanTable } from '../reader/plan-rows.js';
import { readReview } from '../reader/read-review.js';
import { STYLE, val } from '../sheet-plan/cells.js';
import { LAYOUT_VERSION, PRODUCT, TAB, TABLE_ROWS } from '../sheet-plan/layout.js';
import { buildPlanTab, PART_TEXT, PLAN_SOURCE, PLAN_TAB_COLUMNS, type PlanTabColumn, type PlanTabKey } from '../sheet-plan/plan-tab.js';
import { block, newTab, setWidth } from '../sheet-plan/tab.js';
import type { PlanCell, Precondition, SheetPlan, TabPlan } from '../sheet-plan/types.js';
import { fnv1a, PLAN_HASHED_FIELDS } from '../util/hash.js';
import type { OperationOutcome } from './outcome.js';
import { applyPlan, assertWithinLimits, read, say, type Flow } from './flow.js';
import { assertToday } from './limits-of-use.js';
import { planKeysOf, planMark } from './ownership.js';
import { draftedPlanRows } from './summarise.js';
import { NotAReviewError, ReviewRequestError } from './types.js';

/** The two tabs of the plan, as the paper names its two tables' parts. */
export const LSP_TAB: Record<PlanPart, string> = { Delivery: 'Part 1 Delivery', Partnership: 'Part 2 Partnership' };
const PART_KEY: Record<PlanPart, string> = { Delivery: 'delivery', Partnership: 'partnership' };
const PARTS: PlanPart[] = ['Delivery', 'Partnership'];

/** The review plan's columns with where each row came from after the Ref, and the hidden source key last. */
export const LSP_PLAN_COLUMNS: PlanTabColumn[] = [
  PLAN_TAB_COLUMNS[0]!,
  { key: 'sourceWorkbook', header: 'Source workbook', width: 16, generated: false },
  { key: 'partnership', header: 'Partnership', width: 14, generated: false },
  ...PLAN_TAB_COLUMNS.slice(1),
  { key: 'sourceKey', header: 'Source key', width: 10, generated: true, hidden: true },
];

/** A review workbook given to the plan: its file name (as people know it) and what was read from it. */
export interface LspReviewInput {
  label: string;
  snapshot: Snapshot;
  /** how messages name it (the path as given); default the label */
  where?: string;
}

/** What one review brought. */
export interface LspSourceSummary {
  label: string;
  framework: string;
  cycle: string;
  rows: number;
  /** its plan had no rows, so they were drafted now */
  drafted: boolean;
}

export interface LspPlanResult {
  plan: SheetPlan;
  /** every row of the plan after the merge, per part, in tab order */
  rows: Record<PlanPart, LspRowOut[]>;
  sources: LspSourceSummary[];
  /** reviews whose rows are in the plan but which were not given this time (file names as last recorded) */
  notGiven: string[];
  created: boolean;
}

// ───────────────────────────── the reviews ─────────────────────────────

function partOf(row: ImprovementAction, framework: Framework): PlanPart {
  if (row.part === 'Delivery' || row.part === 'Partnership') return row.part;
  return framework.kind === 'tracker' ? 'Delivery' : 'Partnership';
}

/**
 * The partnership a row is about: named at the end of its Ref ("Hallmark 2 – Children's Trust", or a carried row's
 * "Hallmark 2 – Children's Trust (2025/26)"; the one rule of core/plan/carry.ts), else the review's.
 */
function partnershipOf(ref: string, partnerships: string[]): string {
  return planRowPartnership(ref, partnerships) ?? partnerships.join('; ');
}

/** The rows one review brings, with its id. Throws NotAReviewError (naming nothing: the host names the file). */
export function reviewPlanSource(input: LspReviewInput, today: string): { id: string; rows: LspSourceRow[]; summary: LspSourceSummary } {
  const read = readReview(input.snapshot);
  const { framework, review, layout } = read;
  const id = layout.meta.reviewId ? `review:${layout.meta.reviewId}` : `file:${input.label}`;
  const planSnap = layout.plan ? findTab(input.snapshot.tabs, layout.plan.name) : undefined;
  const standing = layout.plan && planSnap ? readPlanTable(planSnap, layout.plan) : [];
  const draftedNow = standing.length === 0;
  const rows: (PlanRowRead | PlanRowOut)[] = draftedNow ? draftedPlanRows(input.snapshot, today) : standing;
  const partnerships = [
    ...new Set([...review.settings.partnerships, ...review.responses.map((r) => r.partnership)].map((p) => p.trim())),
  ].filter((p) => p !== '');
  const seen = new Map<string, number>();
  const out = rows.map((r) => {
    // a row without a Ref (typed by a person in the review) is known by its words
    const base = r.ref.trim() || `text:${fnv1a([r.part, r.heading, r.action].join('\u001f'))}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return {
      ...planFields(r),
      // carried forward from last cycle in its review: the three cells come too (written on new rows only)
      ...(r.carry ? { carry: r.carry } : {}),
      part: partOf(r, framework),
      sourceWorkbook: input.label,
      partnership: partnershipOf(r.ref, partnerships),
      sourceKey: sourceKeyOf(id, n === 1 ? base : `${base} #${n}`),
      draftedNow,
    } satisfies LspSourceRow;
  });
  return {
    id,
    rows: out,
    summary: {
      label: input.label,
      framework: framework.title,
      cycle: review.settings.cycle,
      rows: out.length,
      drafted: draftedNow && out.length > 0,
    },
  };
}

// ───────────────────────────── the plan workbook as read ─────────────────────────────

interface PlanTabRead {
  part: PlanPart;
  name: string;
  found: FoundTable | null;
  rows: LspRowRead[];
}

interface PlanWorkbookRead {
  exists: boolean;
  revision: number;
  revisionAt: Precondition | null;
  cycle: string;
  created: string;
  marks: Partial<Record<PlanPart, string>>;
  /** source id → file name, as last recorded */
  sources: Map<string, string>;
  tabs: Record<PlanPart, PlanTabRead>;
}

function lspDefaultCols(): Record<string, number> {
  const cols: Record<string, number> = {};
  LSP_PLAN_COLUMNS.forEach((c, i) => (cols[c.key] = i + 1));
  return cols;
}

function readLspTab(tab: TabSnapshot, found: FoundTable): LspRowRead[] {
  const text = (row: number, key: string) => (found.cols[key] !== undefined ? textOf(cell(tab, row, found.cols[key])) : '');
  return readPlanTable(tab, found).map((r) => ({
    ...r,
    sourceWorkbook: text(r.at.row, 'sourceWorkbook'),
    partnership: text(r.at.row, 'partnership'),
    sourceKey: text(r.at.row, 'sourceKey').trim(),
  }));
}

function blankWorkbook(snapshot: Snapshot): boolean {
  return snapshot.tabNames.every((n) => {
    const t = findTab(snapshot.tabs, n);
    return t !== undefined && t.values.every((row) => row.every((v) => v === null || v === ''));
  });
}

function notPlanWorkbook(label: string): never {
  throw new ReviewRequestError(
    `${label} is not an LSP improvement plan made by Partnership Review (it has no ${TAB.meta} tab naming one), so it was not written over and nothing was changed. Give a new file name for the plan (for example lsp-plan.xlsx), or the plan workbook this command made before.`,
  );
}

/** The plan workbook as it stands: null tabs when it is new. Refuses a workbook that is not an LSP plan. */
export function readLspPlanWorkbook(snapshot: Snapshot | null, label: string): PlanWorkbookRead {
  const empty = (part: PlanPart): PlanTabRead => ({ part, name: LSP_TAB[part], found: null, rows: [] });
  const blank: PlanWorkbookRead = {
    exists: false,
    revision: 0,
    revisionAt: null,
    cycle: '',
    created: '',
    marks: {},
    sources: new Map(),
    tabs: { Delivery: empty('Delivery'), Partnership: empty('Partnership') },
  };
  if (!snapshot) return blank;
  const metaTab = findTab(snapshot.tabs, TAB.meta);
  // a workbook with nothing in it (a new one a pane is open in) becomes the plan; one holding anything else is refused
  if (!metaTab && !hasTabName(snapshot.tabNames, TAB.meta) && blankWorkbook(snapshot)) return blank;
  if (!metaTab) notPlanWorkbook(label);
  const values = metaValues(metaTab);
  const get = (k: string) => textOf(values.get(k)?.value ?? null).trim();
  if (get('product') !== PRODUCT || get('workbook') !== LSP_PLAN_WORKBOOK) {
    if (get('product') === PRODUCT)
      throw new ReviewRequestError(
        `${label} is a review workbook, not an LSP improvement plan, so it was not written over and nothing was changed. Give the plan a file name of its own (for example lsp-plan.xlsx) and list ${label} after it as one of the reviews.`,
      );
    notPlanWorkbook(label);
  }
  const revisionEntry = values.get('revision');
  const out: PlanWorkbookRead = {
    ...blank,
    exists: true,
    revision: Number(get('revision')) || 0,
    revisionAt: revisionEntry ? { sheet: metaTab.name, row: revisionEntry.row, col: 2, equals: revisionEntry.value } : null,
    cycle: get('cycle'),
    created: get('created'),
  };
  for (const part of PARTS) {
    const mark = get(`mark:${PART_KEY[part]}`);
    if (mark) out.marks[part] = mark;
  }
  for (let i = 1; get(`sourceId.${i}`) !== ''; i++) out.sources.set(get(`sourceId.${i}`), get(`source.${i}`));
  for (const part of PARTS) {
    const recorded = get(`tab:${PART_KEY[part]}`) || LSP_TAB[part];
    const tab = findTab(snapshot.tabs, recorded) ?? findTab(snapshot.tabs, LSP_TAB[part]);
    if (!tab) {
      if (hasTabName(snapshot.tabNames, recorded) || hasTabName(snapshot.tabNames, LSP_TAB[part]))
        throw new ReviewRequestError(
          `The tab “${recorded}” of ${label} could not be read, so nothing was changed. Close other copies of the workbook and try again.`,
        );
      continue;
    }
    const found = locateTable(
      tab,
      {
        keys: LSP_PLAN_COLUMNS.map((c) => c.key),
        anchor: 'sourceKey',
        defaultKeyRow: TABLE_ROWS.key,
        defaultCols: lspDefaultCols(),
        strictColumns: false,
        purpose: 'the plan rows',
      },
      [],
    );
    proveLspTab(tab, found, out.marks[part], label);
    out.tabs[part] = { part, name: tab.name, found, rows: readLspTab(tab, found) };
  }
  return out;
}

/** A part's tab is written only when its hidden key row is the add-in's and gives the mark PR_Meta recorded. */
function proveLspTab(tab: TabSnapshot, found: FoundTable, recorded: string | undefined, label: string): void {
  const keys = planKeysOf(tab, found);
  const ours = found.keyRow > 0 && keys.includes('sourceKey') && keys.includes('draftHash');
  if (ours && (recorded === undefined || planMark(keys) === recorded)) return;
  throw new ReviewRequestError(
    `The tab “${tab.name}” of ${label} does not have the hidden key row the add-in wrote on its plan (the row naming ref … sourceKey)${ours ? ', or it was changed' : ''}, so it was not written over and nothing was changed. If “${tab.name}” is your own tab, rename it (for example “${tab.name} (notes)”) and run again: a new one is made beside it.`,
  );
}

// ───────────────────────────── the plan ─────────────────────────────

function heading(part: PlanPart, cycle: string): { title: string; note: string } {
  const by = part === 'Delivery' ? 'theme (the reviews of delivery)' : 'criterion (the partnership reviews and the risk exercise)';
  return {
    title: `Improvement Plan for ${part} (${cycle})`,
    note:
      `${PART_TEXT[part]}: the actions for improvement of every review given, by ${by}, in the columns of ${PLAN_SOURCE}. ` +
      'Each row comes from a review\u2019s own Improvement Plan as it stands there (or, where that plan has no rows yet, as its summary would draft it); "Source workbook", "Partnership" and "Ref" say which. ' +
      'Edit any row or add your own: rebuilding the plan keeps every change, brings in new rows at the foot, rewrites only "SMART check" and "Source status", and never deletes a row whose source has gone (it is flagged).',
  };
}

function generatedText(r: PlanRowOut, key: PlanTabKey): string {
  const row = r as LspRowOut;
  if (key === 'smart') return row.smart;
  if (key === 'sourceStatus') return row.sourceStatus;
  if (key === 'draftHash') return row.draftHash;
  if (key === 'sourceKey') return row.sourceKey;
  return '';
}

function metaTab(rows: [string, string | number][], mode: TabPlan['mode']): TabPlan {
  const tab = newTab(TAB.meta, 'meta', mode);
  tab.hidden = true;
  const cells: PlanCell[][] = [[val('key'), val('value')], ...rows.map(([k, v]) => [val(k), val(v)])];
  tab.blocks.push(block(1, 1, cells));
  tab.formats.push({ range: { row: 1, col: 1, rows: 1, cols: 2 }, format: STYLE.header });
  setWidth(tab, 1, 28);
  setWidth(tab, 2, 40);
  return tab;
}

/** The keys a created part tab's hidden key row holds (what its mark is computed from). */
function createdKeys(tab: TabPlan): string[] {
  const head = tab.blocks.find((b) => b.row === 1 && b.col === 1 && b.cells.length >= 4);
  const keys: string[] = [];
  for (const c of head?.cells[3] ?? []) if ('v' in c && c.v !== null && String(c.v).trim() !== '') keys.push(String(c.v));
  return keys;
}

export interface LspPlanOptions {
  today: string;
  /** the plan's label (its file name) for messages */
  planLabel: string;
  /** the cycle named in a new plan's titles; default: the reviews' cycle when they agree */
  cycle?: string;
}

/**
 * The sheet plan that creates or updates the LSP plan workbook from `reviews`. `existing` is the plan workbook's
 * snapshot (every tab), or null when it does not exist yet. Refuses (ReviewRequestError, nothing to write) a review
 * that is not a review, an LSP plan given as a review, and two reviews that are one (the same review id).
 */
export function planLspImprovement(existing: Snapshot | null, reviews: LspReviewInput[], opts: LspPlanOptions): LspPlanResult {
  assertToday(opts.today);
  return planLspFromSources(existing, lspSources(reviews, opts.today), opts);
}

/** What one review brings to the plan (its id, its rows, a summary): small, so a pane can work it out in the page from
 *  a file the person picked and hand only this to the host that holds the plan. */
export type LspSource = ReturnType<typeof reviewPlanSource> & { label: string; where: string };

/** Each review's rows; a workbook that is not a review is refused naming it. */
export function lspSources(reviews: LspReviewInput[], today: string): LspSource[] {
  return reviews.map((r) => {
    const where = r.where ?? r.label;
    try {
      return { ...reviewPlanSource(r, today), label: r.label, where };
    } catch (e) {
      if (e instanceof NotAReviewError) throw new NotAReviewError(`${where} is not a review workbook: ${e.message}`);
      if (e instanceof ReviewRequestError) throw new ReviewRequestError(`${where}: ${e.message}`);
      throw e;
    }
  });
}

/** The plan from the reviews' rows (`lspSources`) and the plan workbook as it stands. */
export function planLspFromSources(existing: Snapshot | null, reviews: LspSource[], opts: LspPlanOptions): LspPlanResult {
  assertToday(opts.today);
  if (reviews.length === 0) throw new ReviewRequestError('Give at least one review workbook to pull into the plan.');
  const current = readLspPlanWorkbook(existing, opts.planLabel);
  const given: GivenSources = new Map();
  const incoming: LspSourceRow[] = [];
  const sources: LspSourceSummary[] = [];
  for (const src of reviews) {
    if (given.has(src.id))
      throw new ReviewRequestError(
        `${src.where} and ${given.get(src.id)} are the same review (one is a copy of the other: PR_Meta gives them the same review id), so the plan was not written. Give each review once.`,
      );
    given.set(src.id, src.label);
    incoming.push(...src.rows);
    sources.push(src.summary);
  }

  const existingRows = PARTS.flatMap((p) => current.tabs[p].rows);
  const merged = mergeLspPlan(existingRows, incoming, given, opts.today);
  const onTab = new Map<LspRowRead, LspRowOut>();
  existingRows.forEach((e, i) => onTab.set(e, merged[i]!));
  const added = merged.slice(existingRows.length);

  const cycles = [...new Set(sources.map((s) => s.cycle).filter((c) => c !== ''))];
  const cycle = opts.cycle ?? (current.cycle || (cycles.length === 1 ? cycles[0]! : cycles.join(', ') || opts.today.slice(0, 4)));
  const tabs: TabPlan[] = [];
  const rowsOut = { Delivery: [] as LspRowOut[], Partnership: [] as LspRowOut[] };
  const marks: Partial<Record<PlanPart, string>> = { ...current.marks };
  for (const part of PARTS) {
    const t = current.tabs[part];
    const mine = t.rows.map((e) => onTab.get(e)!);
    const fresh = added.filter((r) => r.part === part);
    rowsOut[part] = [...mine, ...fresh];
    const tab = buildPlanTab({
      rows: [...mine, ...fresh],
      existing: t.rows,
      found: t.found ? { cols: t.found.cols, lastUsedRow: t.found.lastRow } : null,
      mode: t.found ? 'update' : 'create',
      cycle,
      parts: [part],
      table: { name: t.name, columns: LSP_PLAN_COLUMNS, heading: heading(part, cycle), generatedText },
    });
    if (!t.found) {
      tab.position =
        part === 'Delivery' ? 0 : current.tabs.Delivery.found ? (existing?.tabs[current.tabs.Delivery.name]?.index ?? 0) + 1 : 1;
      marks[part] = planMark(createdKeys(tab));
    } else if (existing) marks[part] = planMark(planKeysOf(findTab(existing.tabs, t.name)!, t.found));
    tabs.push(tab);
  }

  // the reviews named in PR_Meta: those given now, then those given before whose rows are still in the plan
  const recorded = new Map(given);
  const stillThere = new Set(merged.map((r) => sourceIdOf(r.sourceKey)).filter((id) => id !== ''));
  const notGiven: string[] = [];
  for (const [id, label] of current.sources)
    if (!recorded.has(id) && stillThere.has(id)) {
      recorded.set(id, label);
      notGiven.push(label);
    }
  const meta: [string, string | number][] = [
    ['product', PRODUCT],
    ['layoutVersion', LAYOUT_VERSION],
    ['revision', current.revision + 1],
    ['workbook', LSP_PLAN_WORKBOOK],
    ['cycle', cycle],
    ['created', current.created || opts.today],
    ['updated', opts.today],
  ];
  for (const part of PARTS) {
    meta.push([`tab:${PART_KEY[part]}`, tabs[PARTS.indexOf(part)]!.name]);
    if (marks[part]) meta.push([`mark:${PART_KEY[part]}`, marks[part]]);
  }
  let i = 0;
  for (const [id, label] of recorded) {
    i++;
    meta.push([`sourceId.${i}`, id], [`source.${i}`, label]);
  }
  const metaExists = existing ? hasTabName(existing.tabNames, TAB.meta) : false;
  tabs.push(metaTab(meta, metaExists ? 'replace' : 'create'));

  const plan: SheetPlan = {
    preconditions: current.revisionAt ? [current.revisionAt] : [],
    tabs,
    namedRanges: [],
    activate: tabs[0]!.name,
  };
  assertWithinLimits(plan);
  return { plan, rows: rowsOut, sources, notGiven, created: !current.exists };
}

// ───────────────────────────── as a flow, on any host ─────────────────────────────

/** What the person is told, line by line (the same on the command line and in a pane). */
export function lspPlanLines(result: LspPlanResult, planName: string): string[] {
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  const all = [...result.rows.Delivery, ...result.rows.Partnership];
  const lines = [
    `${result.created ? 'Created' : 'Updated'} ${planName}: Part 1 Delivery ${n(result.rows.Delivery.length, 'row')}, Part 2 Partnership ${n(result.rows.Partnership.length, 'row')}, from ${n(result.sources.length, 'review')}.`,
  ];
  for (const s of result.sources)
    lines.push(
      `  ${s.label} (${s.framework}${s.cycle ? `, ${s.cycle}` : ''}): ${n(s.rows, 'row')}${s.drafted ? ' drafted now (its Improvement Plan has no rows yet; summarise it to keep them there)' : ''}`,
    );
  const edited = all.filter((r) => r.origin === 'edited').length;
  const added = all.filter((r) => r.origin === 'added').length;
  const gone = all.filter((r) => r.sourceStillWeak === false).length;
  if (edited + added > 0)
    lines.push(`Kept as people left them: ${n(edited, 'edited row')}, ${n(added, 'row')} added by hand (see "Source status").`);
  if (gone > 0) lines.push(`${n(gone, 'row')} whose source has gone: kept and flagged in "Source status", never deleted.`);
  if (result.notGiven.length > 0) lines.push(`Not given this time (their rows are kept as they were): ${result.notGiven.join(', ')}.`);
  return lines;
}

/**
 * The plan built in the workbook a host holds, from the reviews' rows (`lspSources`, worked out wherever the review
 * files were read): one read of every tab, one apply. The command line runs it on the plan file; a pane would run
 * it on the workbook it is open in (a blank one becomes the plan).
 */
export function* lspPlanFlow(reviews: LspSource[], opts: LspPlanOptions): Flow<{ result: LspPlanResult; tabsWritten: string[] }> {
  yield* say('reading', 'Reading the plan…');
  const snap = yield* read({ tabs: 'all' });
  yield* say('computing', 'Pulling the reviews\u2019 plans together…');
  const result = planLspFromSources(snap, reviews, opts);
  const out = yield* applyPlan(result.plan);
  yield* say('done', `Plan written: ${result.rows.Delivery.length + result.rows.Partnership.length} rows.`);
  return { result, tabsWritten: out.tabsWritten };
}

// ───────────────────────────── from a pane ─────────────────────────────

const NOT_SOURCES = 'The reviews\u2019 rows did not arrive as the pane sent them, so nothing was written. Pick the review files again.';
/** A row's text fields: the plan's (all but its part) and where it came from. */
const ROW_TEXT: (keyof LspSourceRow)[] = [
  'ref',
  ...PLAN_HASHED_FIELDS.filter((k) => k !== 'part'),
  'sourceWorkbook',
  'partnership',
  'sourceKey',
];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The reviews' rows as a pane hands them over (worked out in the page by `lspSources`; google.script.run carries
 * whatever the page sends), checked before the plan is built: text where text belongs, a part that is a part. A
 * missing optional field (google.script.run drops `undefined`) is blank. Refused as a whole, naming nothing a person
 * cannot act on: they pick the files again.
 */
export function lspSourcesFrom(value: unknown): LspSource[] {
  if (!Array.isArray(value)) throw new ReviewRequestError(NOT_SOURCES);
  return value.map((s: unknown): LspSource => {
    if (!isRecord(s) || !isRecord(s['summary']) || !Array.isArray(s['rows'])) throw new ReviewRequestError(NOT_SOURCES);
    for (const k of ['id', 'label', 'where'] as const) if (typeof s[k] !== 'string') throw new ReviewRequestError(NOT_SOURCES);
    const sum = s['summary'];
    if (typeof sum['label'] !== 'string' || typeof sum['framework'] !== 'string' || typeof sum['cycle'] !== 'string')
      throw new ReviewRequestError(NOT_SOURCES);
    const rows = s['rows'].map((r: unknown): LspSourceRow => {
      if (!isRecord(r) || (r['part'] !== 'Delivery' && r['part'] !== 'Partnership')) throw new ReviewRequestError(NOT_SOURCES);
      for (const k of ROW_TEXT) if (typeof r[k] !== 'string') throw new ReviewRequestError(NOT_SOURCES);
      const carry = r['carry'];
      if (carry !== undefined && carry !== null) {
        if (!isRecord(carry) || [carry['from'], carry['achieved'], carry['carryForward']].some((x) => typeof x !== 'string'))
          throw new ReviewRequestError(NOT_SOURCES);
      }
      const row = Object.fromEntries(ROW_TEXT.map((k) => [k, r[k] as string])) as unknown as LspSourceRow;
      return {
        ...row,
        part: r['part'],
        draftedNow: r['draftedNow'] === true,
        ...(isRecord(carry)
          ? {
              carry: {
                from: carry['from'] as string,
                achieved: carry['achieved'] as string,
                carryForward: carry['carryForward'] as string,
              },
            }
          : {}),
      };
    });
    return {
      id: s['id'] as string,
      label: s['label'] as string,
      where: s['where'] as string,
      rows,
      summary: {
        label: sum['label'],
        framework: sum['framework'],
        cycle: sum['cycle'],
        rows: typeof sum['rows'] === 'number' ? sum['rows'] : rows.length,
        drafted: sum['drafted'] === true,
      },
    };
  });
}

/** How a pane names the plan it builds in the workbook it is open in. */
export const LSP_PANE_PLAN_NAME = 'the plan in this workbook';

/**
 * The plan built by a pane in the workbook it is open in (a blank one becomes the plan), from the rows the page
 * worked out of the review files the person picked: the rows are checked (`lspSourcesFrom`), then `lspPlanFlow`. The
 * outcome carries the command line's lines: the first as the message, the rest as details.
 */
export function* lspPlanPaneFlow(sources: unknown, today: string): Flow<OperationOutcome> {
  const { result, tabsWritten } = yield* lspPlanFlow(lspSourcesFrom(sources), { today, planLabel: LSP_PANE_PLAN_NAME });
  const lines = lspPlanLines(result, LSP_PANE_PLAN_NAME);
  const first = lines[0]!;
  return {
    ok: true,
    message: first.charAt(0).toUpperCase() + first.slice(1),
    details: lines.slice(1).map((l) => l.trim()),
    problems: [],
    tabsWritten,
  };
}
