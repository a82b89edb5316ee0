/**
 * Creating a review workbook: every tab of layout 1 for the framework, the Summary already holding its live
 * formulas (so it fills in while people type), an empty Improvement Plan, and PR_Meta.
 */
import { areaWord, planParts } from '../plan/draft.js';
import { BUILTIN_INPUTS, getFramework } from '../framework/catalogue.js';
import type { Framework } from '../framework/schema.js';
import type { Response } from '../review/types.js';
import { compareAcrossPartnerships } from '../scoring/compare.js';
import { nameKey } from '../scoring/names.js';
import { scoreRegister } from '../scoring/register.js';
import { scoreReview } from '../scoring/score-review.js';
import { themeMentions } from '../scoring/themes.js';
import { buildInstructionsTab } from '../sheet-plan/instructions.js';
import {
  DEFAULT_RESPONDENT_ROWS,
  ENTRY_ROWS,
  FORMULA_SPARE_ROWS,
  TABLE_ROWS,
  entryColumns,
  tabOrder,
  type TabKey,
} from '../sheet-plan/layout.js';
import { buildMetaTab, newMeta, type TabMeta } from '../sheet-plan/meta.js';
import { buildPlanTab } from '../sheet-plan/plan-tab.js';
import { PREVIOUS_KEYS, PREVIOUS_ROWS, buildPreviousTab } from '../sheet-plan/previous.js';
import { buildGroupSummaryTab, buildRegisterTab, groupSummaryTableColumns, registerTableColumns } from '../sheet-plan/register.js';
import { buildResponsesTab } from '../sheet-plan/responses.js';
import { buildSettingsTab } from '../sheet-plan/settings.js';
import { buildSummaryTab } from '../sheet-plan/summary.js';
import { buildCommentsTab, hasCommentsTab } from '../sheet-plan/comments-tab.js';
import type { NamedRangeSpec, SheetPlan, TabPlan } from '../sheet-plan/types.js';
import { buildWorkshopNotesTab, notesColumns } from '../sheet-plan/workshop-notes.js';
import { standardPlanMeta } from './layout-meta.js';
import { assertFramework, assertToday } from './limits-of-use.js';
import { builtMark, planCell, planMark, summaryMark } from './ownership.js';
import { PLAN_TAB_COLUMNS } from '../sheet-plan/plan-tab.js';
import { ReviewRequestError, type CreateRequest } from './types.js';

export function resolveFramework(f: string | Framework): Framework {
  if (typeof f !== 'string') return f;
  // case aside, a built-in's id: only that framework is parsed
  const found = BUILTIN_INPUTS.find((x) => x.id.toLowerCase() === f.trim().toLowerCase());
  if (found) return getFramework(found.id);
  try {
    return getFramework(f);
  } catch (e) {
    throw new ReviewRequestError(e instanceof Error ? e.message : String(e));
  }
}

function cleanList(list: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const s of list) {
    const t = s.replace(/\s+/g, ' ').trim();
    if (t === '' || seen.has(nameKey(t))) continue;
    seen.add(nameKey(t));
    out.push(t);
  }
  return out;
}

const keyCols = (cols: { key: string; col: number }[]) => Object.fromEntries(cols.map((c) => [c.key, c.col]));

export function planCreate(req: CreateRequest, existingTabNames: string[]): SheetPlan {
  const framework = resolveFramework(req.framework);
  const cycle = (req.cycle ?? '').trim();
  if (cycle === '') throw new ReviewRequestError('Give the review cycle, for example 2026/27.');
  assertToday(req.today);
  assertFramework(framework);
  const protect = req.protect ?? false;
  const partnerships = cleanList(req.partnerships ?? []);
  const named = (req.respondents ?? []).map((r) => r.replace(/\s+/g, ' ').trim()).filter((r) => r !== '');
  const count = req.respondentCount ?? DEFAULT_RESPONDENT_ROWS;
  if (!Number.isInteger(count) || count < 0 || count > 5000)
    throw new ReviewRequestError('The number of respondent rows must be a whole number from 0 to 5000.');
  const placeholders = named.length === 0 ? count : 0;
  const respondents = named.length > 0 ? named : Array.from({ length: count }, (_, i) => `Respondent ${i + 1}`);

  const order = tabOrder(framework);
  const clashes = order.map((t) => t.name).filter((n) => existingTabNames.some((e) => e.toLowerCase() === n.toLowerCase()));
  if (clashes.length > 0) {
    const list = clashes.map((n) => `“${n}”`).join(', ');
    throw new ReviewRequestError(
      `This workbook already has ${clashes.length === 1 ? 'a tab named' : 'tabs named'} ${list}. Create the review in a new, empty workbook, or rename or delete ${clashes.length === 1 ? 'that tab' : 'those tabs'} first.`,
    );
  }

  const inputKeys: TabKey[] = ['entry', 'notes', 'register', 'groupSummary', 'settings', 'previous'];
  const generatedKeys: TabKey[] = ['summary', 'comments', 'plan'];
  const inputTabs = order.filter((t) => inputKeys.includes(t.key)).map((t) => t.name);
  const generatedTabs = [...order.filter((t) => generatedKeys.includes(t.key)).map((t) => t.name), 'PR_Meta (hidden)'];
  const opts = { cycle, protect };

  const tabs = new Map<TabKey, TabPlan>();
  const namedRanges: NamedRangeSpec[] = [];
  const meta = newMeta(framework, cycle, req.today);
  if (req.reviewId) meta.reviewId = req.reviewId;
  meta.placeholders = placeholders;
  const single = partnerships.length === 1 ? partnerships[0]! : '';

  tabs.set('instructions', buildInstructionsTab(framework, { cycle, inputTabs, generatedTabs, protect }));
  let entryRows = 0;
  if (framework.sections.length > 0) {
    const r = buildResponsesTab(framework, { cycle, partnerships, respondents, protect });
    tabs.set('entry', r.tab);
    namedRanges.push(...r.namedRanges);
    entryRows = r.rows;
    meta.tabs.entry = {
      name: r.tab.name,
      headerRow: ENTRY_ROWS.field,
      keyRow: ENTRY_ROWS.key,
      firstDataRow: ENTRY_ROWS.firstData,
      cols: keyCols(entryColumns(framework)),
    };
  }
  if (framework.sectionFreeText.length > 0 && framework.sections.length > 0) {
    const t = buildWorkshopNotesTab(framework, opts);
    tabs.set('notes', t);
    meta.tabs.notes = tableMeta(t.name, keyCols(notesColumns(framework)));
  }
  if (framework.register) {
    const t = buildRegisterTab(framework, opts);
    tabs.set('register', t);
    meta.tabs.register = tableMeta(t.name, keyCols(registerTableColumns(framework)));
    if (framework.register.groupSummary) {
      const g = buildGroupSummaryTab(framework, opts);
      tabs.set('groupSummary', g);
      meta.tabs.groupSummary = tableMeta(g.name, keyCols(groupSummaryTableColumns(framework)));
    }
  }

  // the Summary from the rows just written: nobody has scored yet, but the formulas are live
  const virtual: Response[] = respondents.map((name, i) => ({
    respondent: name,
    partnership: single,
    organisation: '',
    at: { sheet: 'Responses', row: ENTRY_ROWS.firstData + i, col: 1 },
    answers: {},
  }));
  const report = scoreReview(framework, virtual);
  const summary = buildSummaryTab({
    framework,
    cycle,
    today: req.today,
    report,
    entry:
      framework.sections.length > 0
        ? {
            sheet: 'Responses',
            firstRow: ENTRY_ROWS.firstData,
            lastRow: ENTRY_ROWS.firstData + entryRows - 1 + FORMULA_SPARE_ROWS,
            cols: keyCols(entryColumns(framework)),
          }
        : null,
    partnerships: partnerships.length > 1 ? compareAcrossPartnerships(framework, virtual, partnerships) : null,
    comparison: null,
    previousCycle: null,
    register: framework.register ? scoreRegister(framework, []) : null,
    themes: framework.themeTags ? themeMentions(framework, []) : null,
    notes: [],
    respondentsListed: respondents.length,
  });
  summary.tab.mode = 'create';
  tabs.set('summary', summary.tab);
  if (hasCommentsTab(framework)) {
    const comments = buildCommentsTab({ framework, cycle, today: req.today, report });
    comments.mode = 'create';
    tabs.set('comments', comments);
  }
  tabs.set(
    'plan',
    buildPlanTab({
      rows: [],
      existing: [],
      found: null,
      mode: 'create',
      cycle,
      parts: planParts(framework),
      areaWord: areaWord(framework),
    }),
  );
  meta.tabs.plan = standardPlanMeta();
  tabs.set('settings', buildSettingsTab(framework, { cycle, partnerships, protect }));
  if (order.some((t) => t.key === 'previous')) {
    const t = buildPreviousTab(framework, { protect });
    tabs.set('previous', t);
    const cols: Record<string, number> = {};
    PREVIOUS_KEYS.forEach((k, i) => (cols[k] = i + 1));
    meta.tabs.previous = {
      name: t.name,
      headerRow: PREVIOUS_ROWS.header,
      keyRow: PREVIOUS_ROWS.key,
      firstDataRow: PREVIOUS_ROWS.firstData,
      cols,
    };
  }
  for (const t of order) if (!meta.tabs[t.key]) meta.tabs[t.key] = { name: t.name };
  // the marks that prove, before any later write, that the Summary, Comments and Improvement Plan are the add-in's own
  const summaryTab = tabs.get('summary')!;
  const commentsTab = tabs.get('comments');
  meta.marks = {
    summary: summaryMark((r, c) => planCell(summaryTab, r, c)),
    ...(commentsTab ? { comments: builtMark('comments', (r, c) => planCell(commentsTab, r, c)) } : {}),
    plan: planMark(PLAN_TAB_COLUMNS.map((c) => c.key)),
  };
  tabs.set('meta', buildMetaTab(meta, 'create'));

  const planTabs: TabPlan[] = [];
  for (const t of order) {
    const tab = tabs.get(t.key);
    if (tab) planTabs.push(tab);
  }
  const activate = tabs.get('entry')?.name ?? tabs.get('register')?.name ?? 'Instructions';
  return { tabs: planTabs, namedRanges, activate };
}

function tableMeta(name: string, cols: Record<string, number>): TabMeta {
  return { name, headerRow: TABLE_ROWS.header, keyRow: TABLE_ROWS.key, firstDataRow: TABLE_ROWS.firstData, cols };
}
