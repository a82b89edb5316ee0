/**
 * Summarise and plan: read the snapshot once, score, draft and merge the plan, and return the sheet plan that
 * rewrites the Summary (replace), the Improvement Plan's generated cells and new rows (update) and PR_Meta.
 * No cell a person typed is part of these plans. The same snapshot always gives the same plan.
 */
import type { Framework } from '../framework/schema.js';
import type { Snapshot, TabSnapshot } from '../host/types.js';
import { areaWord, draftPlan, planParts, type DraftResult } from '../plan/draft.js';
import { mergePlan } from '../plan/merge.js';
import type { PlanRowOut } from '../plan/types.js';
import type { PreviousReview, ReviewData } from '../review/types.js';
import { compareAcrossPartnerships, compareWithPrevious } from '../scoring/compare.js';
import { nameKey } from '../scoring/names.js';
import { scoreRegister, trackerHasTwoStages, type RegisterResults } from '../scoring/register.js';
import { compareRegister, registerFigures, type RegisterComparison } from '../scoring/register-compare.js';
import { scoreReview } from '../scoring/score-review.js';
import { splitTags, themeMentions } from '../scoring/themes.js';
import { isBlank, normaliseLabel } from '../scoring/parse-score.js';
import type { Comparison, PartnershipComparison, ScoreReport } from '../scoring/types.js';
import { buildInstructionsTab } from '../sheet-plan/instructions.js';
import { FORMULA_SPARE_ROWS, TAB, tabOrder, type TabKey } from '../sheet-plan/layout.js';
import { EXCEL_MAX_ROWS } from '../sheet-plan/limits.js';
import { buildMetaTab, type MetaModel } from '../sheet-plan/meta.js';
import { buildPlanTab, type PlanTabKey } from '../sheet-plan/plan-tab.js';
import { buildSummaryTab } from '../sheet-plan/summary.js';
import { buildCommentsTab, hasCommentsTab } from '../sheet-plan/comments-tab.js';
import type { SheetPlan, TabPlan } from '../sheet-plan/types.js';
import { colCount, findTab, hasTabName } from '../reader/cells.js';
import { carriedSummary, carryDrafts, type CarriedLeftOut } from '../plan/carry.js';
import { readPlanTable } from '../reader/plan-rows.js';
import { readReview, type ReadResult } from '../reader/read-review.js';
import { respondentsListed } from '../reader/responses.js';
import { metaFromLayout, writePreconditions } from './layout-meta.js';
import { marksAfter, proveTabsWritable } from './ownership.js';
import { assertFramework, assertToday } from './limits-of-use.js';
import { assertComparable } from './previous.js';
import { planPreviousFill } from './previous-fill.js';
import { ReviewRequestError, type SummaryModel } from './types.js';

interface Computed {
  read: ReadResult;
  report: ScoreReport;
  registerResults: RegisterResults | null;
  rows: PlanRowOut[];
  planTab: TabPlan;
  draft: DraftResult;
  previous: PreviousReview | null;
  comparison: Comparison | null;
  partnerships: PartnershipComparison | null;
  /** a tracker's or risk register's figures per theme against last cycle's (issue #16) */
  registerComparison: RegisterComparison | null;
  /** last cycle's rows left behind: drafted for partnerships this review does not cover */
  carriedLeftOut: CarriedLeftOut[];
}

/** How a previous review is given: the figures, and (from a workbook) whether to fill the Previous Review tab. */
export interface SummariseOptions {
  today: string;
  /** last cycle's figures (a workbook read with `previousFromSnapshot`); else the Previous Review tab's */
  previous?: PreviousReview | null;
  /** write `previous` into the Previous Review tab, so later runs compare with it (refused over other means) */
  fillPrevious?: boolean;
  /** what the previous review is called in messages (its file name); default "the previous review" */
  previousLabel?: string;
}

function requireInputTabs(read: ReadResult): void {
  const { framework, layout } = read;
  const need: TabKey | null = framework.sections.length > 0 ? 'entry' : framework.register ? 'register' : null;
  if (!need) return;
  const pointer = read.problems.find((x) => x.code === 'meta.pointer');
  if (pointer) throw new ReviewRequestError(`${pointer.message} Nothing was written.`);
  const found = need === 'entry' ? layout.entry : layout.register;
  if (found && found.keyRow <= 0) {
    const p = read.problems.find((x) => x.code === 'layout.no-key-row' && x.severity === 'error');
    throw new ReviewRequestError(`${p ? p.message : `The hidden key row of ${found.name} is missing.`} Nothing was written.`);
  }
  if (found) return;
  const p = read.problems.find((x) => x.code === 'layout.missing-tab' && x.severity === 'error');
  const name = tabOrder(framework).find((t) => t.key === need)!.name;
  throw new ReviewRequestError(p ? p.message : `The tab “${name}” could not be read. Close other copies of the workbook and try again.`);
}

function partnershipsOf(framework: Framework, data: ReviewData): PartnershipComparison | null {
  const keys = new Set<string>();
  for (const p of [...data.settings.partnerships, ...data.responses.map((r) => r.partnership)]) if (nameKey(p) !== '') keys.add(nameKey(p));
  return keys.size > 1 && framework.sections.length > 0
    ? compareAcrossPartnerships(framework, data.responses, data.settings.partnerships)
    : null;
}

/** The answers tagged with each of the framework's themes, as "[item] answer" (seed 002: answers grouped under themes). */
export function answersByTheme(framework: Framework, responses: ReviewData['responses']): Record<string, string[]> {
  const tags = framework.themeTags?.tags ?? [];
  const byKey = new Map(tags.map((t) => [normaliseLabel(t), t]));
  const out: Record<string, string[]> = Object.fromEntries(tags.map((t) => [t, [] as string[]]));
  const items = framework.sections.flatMap((s) => s.items).filter((i) => i.fields.includes('themes'));
  for (const r of responses) {
    for (const item of items) {
      const themes = r.answers[item.id]?.themes?.value;
      const answer = r.answers[item.id]?.answer?.value;
      if (isBlank(themes) || isBlank(answer)) continue;
      const seen = new Set<string>();
      for (const t of splitTags(String(themes))) {
        const tag = byKey.get(normaliseLabel(t));
        if (!tag || seen.has(tag)) continue;
        seen.add(tag);
        out[tag]!.push(`[${item.id}] ${String(answer).replace(/\s+/g, ' ').trim()}`);
      }
    }
  }
  return out;
}

function checkToday(today: string): void {
  assertToday(today);
}

/** Where a missing generated tab goes back: after the tabs that come before it in layout 1 that are still there. */
function positionFor(read: ReadResult, key: TabKey, alsoCreated: TabKey[]): number {
  const order = tabOrder(read.framework).map((t) => t.key);
  const before = order.slice(0, order.indexOf(key));
  let pos = 0;
  read.layout.tabNames.forEach((n, i) => {
    const k = (Object.entries(read.layout.present) as [TabKey, string][]).find(([, v]) => v.toLowerCase() === n.toLowerCase())?.[0];
    if (k && before.includes(k)) pos = i + 1;
  });
  return pos + alsoCreated.filter((k) => before.includes(k)).length;
}

/** A plan tab the workbook has but the snapshot does not hold cannot be merged with: refuse rather than write over it. */
function refuseUnreadPlanTab(read: ReadResult, snapshot: Snapshot): void {
  const name = read.layout.present.plan ?? TAB.plan;
  if (!hasTabName(snapshot.tabNames, name)) return;
  throw new ReviewRequestError(
    `The tab “${name}” could not be read, so the improvement plan was not written (it would have gone over the rows on it). Close other copies of the workbook and try again.`,
  );
}

function compute(
  snapshot: Snapshot,
  today: string,
  previousGiven?: PreviousReview | null,
  previousLabel = 'the previous review',
): Computed {
  checkToday(today);
  const read = readReview(snapshot);
  assertFramework(read.framework);
  requireInputTabs(read);
  const { framework, review, layout } = read;
  if (previousGiven) assertComparable(framework, layout.meta, previousGiven, previousLabel);
  const report = scoreReview(framework, review.responses);
  const registerResults = framework.register ? scoreRegister(framework, review.register) : null;
  const partnerships = partnershipsOf(framework, review);
  const previous = previousGiven ?? review.previous;
  const registerNow = framework.sections.length === 0 && registerResults ? registerFigures(framework, registerResults) : null;
  const registerComparison = previous && registerNow ? compareRegister(framework, registerNow, previous) : null;
  const comparison = previous && !registerNow ? compareWithPrevious(report, previous, { framework, partnerships }) : null;
  const planSnap = layout.plan ? findTab(snapshot.tabs, layout.plan.name) : undefined;
  const existing = layout.plan && planSnap ? readPlanTable(planSnap, layout.plan) : [];
  const draft = draftPlan(framework, report, review, registerResults, today, {
    comparison,
    previousCycle: previous?.cycle || null,
    ...(review.settings.maxPlanAreas !== undefined ? { maxAreas: review.settings.maxPlanAreas } : {}),
  });
  // last cycle's plan rows, from last cycle's workbook (issue #16): carried forward once, then kept on the tab
  // only the rows of the partnerships this review covers: another partnership's actions never come in under this one
  const carriedLeftOut: CarriedLeftOut[] = [];
  const carried = previousGiven?.planRows
    ? carryDrafts(
        previousGiven.planRows,
        previousGiven.cycle,
        { previous: previousGiven.planPartnerships ?? [], current: review.settings.partnerships },
        carriedLeftOut,
      )
    : [];
  const rows = mergePlan(existing, draft.rows, today, carried);
  const found =
    layout.plan && planSnap
      ? {
          cols: layout.plan.cols as Partial<Record<PlanTabKey, number>>,
          lastUsedRow: layout.plan.lastRow,
          keyRow: layout.plan.keyRow,
          lastUsedCol: colCount(planSnap),
        }
      : layout.plan
        ? { cols: layout.plan.cols as Partial<Record<PlanTabKey, number>>, lastUsedRow: layout.plan.lastRow }
        : null;
  if (!found) refuseUnreadPlanTab(read, snapshot);
  // a plan tab that is not there yet is created, never written over: the host refuses if a tab of that name appeared
  const planTab = buildPlanTab({
    rows,
    existing,
    found,
    mode: found ? 'update' : 'create',
    cycle: review.settings.cycle,
    parts: planParts(framework),
    areaWord: areaWord(framework),
  });
  return { read, report, registerResults, rows, planTab, draft, previous, comparison, partnerships, registerComparison, carriedLeftOut };
}

function metaTab(c: Computed, marks: MetaModel['marks']): TabPlan {
  const { read } = c;
  const revision = (read.layout.meta.revision || 0) + 1;
  const meta = metaFromLayout(read.framework, read.layout, revision);
  meta.marks = marks ?? {};
  const tab = buildMetaTab(meta, 'replace');
  tab.name = read.layout.present.meta ?? TAB.meta;
  return tab;
}

function instructionsIfMissing(c: Computed): TabPlan[] {
  const { read } = c;
  if (read.layout.present.instructions) return [];
  const order = tabOrder(read.framework);
  const input: TabKey[] = ['entry', 'notes', 'register', 'groupSummary', 'settings', 'previous'];
  const tab = buildInstructionsTab(
    read.framework,
    {
      cycle: read.review.settings.cycle,
      inputTabs: order.filter((t) => input.includes(t.key)).map((t) => read.layout.present[t.key] ?? t.name),
      generatedTabs: [TAB.summary, ...(hasCommentsTab(read.framework) ? [TAB.comments] : []), TAB.plan, 'PR_Meta (hidden)'],
    },
    'create',
  );
  tab.position = 0;
  return [tab];
}

export function summaryModel(
  c: Computed,
  extra: {
    partnerships: PartnershipComparison | null;
    comparison: SummaryModel['comparison'] | null;
    themes: SummaryModel['themes'] | null;
  },
): SummaryModel {
  const { report, read } = c;
  const itemText = new Map(read.framework.sections.flatMap((s) => s.items.map((i) => [i.id, i.text] as const)));
  const model: SummaryModel = {
    framework: read.framework.id,
    cycle: read.review.settings.cycle,
    respondents: report.respondents,
    overall: report.overall,
    sections: report.sections.map((s) => ({ id: s.id, title: s.title, mean: s.mean, percent: s.percent, rag: s.rag, total: s.total })),
    items: report.items.map((s) => ({ ...s, text: itemText.get(s.id) ?? s.id })),
    strengths: report.strengths,
    areasForImprovement: report.areasForImprovement,
    plan: c.rows,
    planning: {
      maxAreas: c.draft.maxAreas,
      areas: c.draft.areas,
      alsoWeak: c.draft.alsoWeak,
    },
  };
  if (extra.partnerships) {
    model.partnerships = {};
    for (const p of extra.partnerships.partnerships) {
      const r = extra.partnerships.reports[p]!;
      model.partnerships[p] = {
        respondents: r.respondents,
        overall: r.overall,
        sections: r.sections.map((s) => ({ id: s.id, mean: s.mean, percent: s.percent, rag: s.rag })),
        items: r.items,
        areasForImprovement: r.areasForImprovement,
      };
    }
  }
  const gs = read.framework.register?.groupSummary;
  if (gs) {
    const text = (g: (typeof read.review.groupSummaries)[number], id: string) => {
      const v = g.cells[id]?.value;
      return v === null || v === undefined ? '' : String(v);
    };
    model.themeReview = read.review.groupSummaries
      .filter((g) => g.group.trim() !== '')
      .map((g) => ({
        theme: g.group.trim(),
        achievements: text(g, 'achievements'),
        barriers: text(g, 'barriers'),
        solutions: text(g, 'solutions'),
        action: text(g, 'action'),
      }))
      // themes whose review is still blank are left out, as on the Summary
      .filter((t) => [t.achievements, t.barriers, t.solutions, t.action].some((x) => x.trim() !== ''));
  }
  const carried = carriedSummary(c.rows);
  if (carried) model.carried = carried;
  if (c.carriedLeftOut.length > 0) model.carriedLeftOut = c.carriedLeftOut;
  if (extra.comparison) model.comparison = extra.comparison;
  if (c.registerComparison) model.registerComparison = c.registerComparison;
  if (c.registerResults) {
    if (c.registerResults.tracker.length > 0) model.tracker = c.registerResults.tracker;
    if (c.registerResults.tracker.length > 0 && trackerHasTwoStages(read.framework))
      model.trackerRows = c.registerResults.rows
        .filter((r) => r.coordinator !== null || r.confirmed !== null)
        .map((r) => ({
          theme: r.theme,
          row: r.row,
          label: r.label,
          coordinator: r.coordinator,
          confirmed: r.confirmed,
          used: r.achievement,
          changed: r.changedByChampions,
          whyNotMet: r.whyNotMet,
          keyActions: r.keyActions,
          supportNeeded: r.supportNeeded,
        }));
    if (c.registerResults.risks.length > 0) model.risks = c.registerResults.risks;
  }
  if (extra.themes) model.themes = extra.themes;
  return model;
}

/** The rows a table's live formulas count: its data rows and spare rows below, never past Excel's last row (a value
 *  typed in row 1,048,576 is counted by a range ending there). */
function formulaRange(found: ReadResult['layout']['entry']) {
  if (!found) return null;
  const lastRow = Math.min(EXCEL_MAX_ROWS, Math.max(found.firstDataRow + FORMULA_SPARE_ROWS - 1, found.lastRow + FORMULA_SPARE_ROWS));
  return { sheet: found.name, firstRow: found.firstDataRow, lastRow, cols: found.cols };
}

/**
 * The Comments tab (issue #13), rebuilt with the Summary. A workbook made before there was one may hold a person's own
 * tab called "Comments": PR_Meta then records no Comments tab of the add-in's and that tab does not carry the
 * add-in's marker, so it is left alone and the add-in's tab takes a free name beside it ("Review comments"), which
 * PR_Meta then records. Mutates `read.layout.present` so PR_Meta records the name used.
 */
function placeComments(c: Computed, snapshot: Snapshot, today: string, created: TabKey[]): TabPlan {
  const { read } = c;
  const tab = buildCommentsTab({ framework: read.framework, cycle: read.review.settings.cycle, today, report: c.report });
  const present = read.layout.present.comments;
  const recorded = read.layout.meta.tabs.comments !== undefined || read.layout.meta.marks?.comments !== undefined;
  const found = present ? findTab(snapshot.tabs, present) : undefined;
  const ours = (t: TabSnapshot | undefined): boolean =>
    t !== undefined && [1, 2, 3].some((r) => String(t.values[r - 1]?.[0] ?? '').startsWith('Built by Partnership Review'));
  if (present && (recorded || ours(found))) {
    tab.name = present; // proven before writing (ownership.ts)
    return tab;
  }
  let name: string = TAB.comments;
  for (let n = 1; hasTabName(snapshot.tabNames, name); n++) name = n === 1 ? 'Review comments' : `Review comments ${n}`;
  tab.name = name;
  tab.mode = 'create';
  tab.position = positionFor(read, 'comments', created);
  created.push('comments');
  read.layout.present.comments = name;
  return tab;
}

export function planSummary(snapshot: Snapshot, opts: SummariseOptions): { plan: SheetPlan; summary: SummaryModel } {
  const c = compute(snapshot, opts.today, opts.previous, opts.previousLabel);
  const { framework, review, layout } = c.read;
  const { previous, comparison, partnerships } = c;
  const themes = framework.themeTags ? themeMentions(framework, review.responses) : null;
  const entry = formulaRange(layout.entry);
  const registerRange = formulaRange(layout.register);
  const summary = buildSummaryTab({
    framework,
    cycle: review.settings.cycle,
    today: opts.today,
    report: c.report,
    entry,
    partnerships,
    comparison,
    registerComparison: c.registerComparison,
    previousCycle: previous?.cycle || null,
    register: c.registerResults,
    themes,
    notes: review.sectionFreeText,
    respondentsListed: respondentsListed(review.responses),
    ...(framework.themeTags ? { themeAnswers: answersByTheme(framework, review.responses) } : {}),
    draft: c.draft,
    groupSummaries: review.groupSummaries,
    registerRange,
    plan: c.rows,
  });
  const summaryTab = summary.tab;
  const created: TabKey[] = layout.present.instructions ? [] : ['instructions'];
  if (layout.present.summary) summaryTab.name = layout.present.summary;
  else {
    // a Summary that is not there is created, never written over: a tab of that name appearing meanwhile is refused
    summaryTab.mode = 'create';
    summaryTab.position = positionFor(c.read, 'summary', created);
    created.push('summary');
  }
  const commentsTab = hasCommentsTab(framework) ? placeComments(c, snapshot, opts.today, created) : null;
  if (layout.present.plan) c.planTab.name = layout.present.plan;
  else c.planTab.position = positionFor(c.read, 'plan', created);
  // the Previous Review tab filled from last cycle's workbook (issue #11): later runs compare with it
  // (a framework with no scored items — a register only — has no Previous Review tab and nothing to compare)
  const fill =
    opts.fillPrevious && opts.previous && tabOrder(framework).some((t) => t.key === 'previous')
      ? [
          planPreviousFill(
            c.read,
            snapshot,
            opts.previous,
            opts.previousLabel ?? 'the previous review',
            positionFor(c.read, 'previous', created),
          ),
        ]
      : [];
  const plan: SheetPlan = {
    preconditions: writePreconditions(layout),
    tabs: [...instructionsIfMissing(c), ...fill, summaryTab, ...(commentsTab ? [commentsTab] : []), c.planTab],
    namedRanges: [],
    activate: summaryTab.name,
  };
  proveTabsWritable(c.read, snapshot, plan);
  plan.tabs.push(metaTab(c, marksAfter(plan, c.read, snapshot)));
  return { plan, summary: summaryModel(c, { partnerships, comparison, themes }) };
}

export function planImprovement(snapshot: Snapshot, opts: { today: string }): { plan: SheetPlan; rows: PlanRowOut[] } {
  const c = compute(snapshot, opts.today);
  const { layout } = c.read;
  if (layout.present.plan) c.planTab.name = layout.present.plan;
  else c.planTab.position = positionFor(c.read, 'plan', []);
  const plan: SheetPlan = {
    preconditions: writePreconditions(layout),
    tabs: [c.planTab],
    namedRanges: [],
    activate: c.planTab.name,
  };
  proveTabsWritable(c.read, snapshot, plan);
  plan.tabs.push(metaTab(c, marksAfter(plan, c.read, snapshot)));
  return { plan, rows: c.rows };
}

/** The plan rows a review's summarise would draft now (its plan tab merged with today's draft); writes nothing. */
export function draftedPlanRows(snapshot: Snapshot, today: string): PlanRowOut[] {
  return compute(snapshot, today).rows;
}
