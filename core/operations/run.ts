/**
 * The operations wired to any Host: one read, compute in core, at most one apply — with progress events.
 */
import type { ApplyResult, Host, Snapshot } from '../host/types.js';
import type { PlanRowOut } from '../plan/types.js';
import type { CellValue, PreviousReview } from '../review/types.js';
import type { SheetPlan } from '../sheet-plan/types.js';
import { TAB } from '../sheet-plan/layout.js';
import { planImport, type ImportOptions } from '../import/plan-import.js';
import { planLimitProblems } from '../sheet-plan/limits.js';
import { checkReview } from './check.js';
import { planCreate } from './create.js';
import { READ_TABS, moreTabsToRead } from './read-tabs.js';
import { planImprovement, planSummary } from './summarise.js';
import { ReviewRequestError, type CheckResult, type CreateRequest, type ImportReport, type OnProgress, type SummaryModel } from './types.js';

export interface RunOutcome {
  plan: SheetPlan;
  /** tab names written, in plan order */
  tabsWritten: string[];
  applied: ApplyResult | null;
}

function say(onProgress: OnProgress | undefined, stage: 'reading' | 'computing' | 'writing' | 'done', message: string): void {
  onProgress?.({ stage, message });
}

/**
 * Read every tab the reader uses in one call. Only when PR_Meta names a tab outside READ_TABS (a custom framework's
 * register) that the workbook has, is that tab read by a second call.
 */
export async function readReviewSnapshot(host: Host): Promise<Snapshot> {
  const snap = await host.read({ tabs: [...READ_TABS] });
  const extra = moreTabsToRead(snap);
  if (extra.length === 0) return snap;
  const more = await host.read({ tabs: extra });
  return { tabNames: snap.tabNames, tabs: { ...snap.tabs, ...more.tabs } };
}

async function applyPlan(host: Host, plan: SheetPlan, onProgress?: OnProgress): Promise<RunOutcome> {
  if (plan.tabs.length === 0) {
    say(onProgress, 'done', 'Nothing to write.');
    return { plan, tabsWritten: [], applied: null };
  }
  // the net under the builders: nothing Excel would refuse, cut or repair is ever handed to a host
  const limits = planLimitProblems(plan);
  if (limits.length > 0) {
    const more = limits.length > 3 ? ` (and ${limits.length - 3} more)` : '';
    throw new ReviewRequestError(`Nothing was written, because Excel could not hold it: ${limits.slice(0, 3).join('; ')}${more}.`);
  }
  say(onProgress, 'writing', `Writing ${plan.tabs.map((t) => t.name).join(', ')}…`);
  const applied = await host.apply(plan);
  return { plan, tabsWritten: plan.tabs.map((t) => t.name), applied };
}

export async function runCreate(host: Host, req: CreateRequest, onProgress?: OnProgress): Promise<RunOutcome> {
  say(onProgress, 'reading', 'Looking at the workbook…');
  const snap = await host.read({ tabs: [] });
  say(onProgress, 'computing', 'Laying out the review…');
  const plan = planCreate(req, snap.tabNames);
  const out = await applyPlan(host, plan, onProgress);
  say(onProgress, 'done', `Review created: ${out.tabsWritten.filter((t) => t !== TAB.meta).join(', ')}.`);
  return out;
}

export async function runCheck(host: Host, today: string, onProgress?: OnProgress): Promise<CheckResult> {
  say(onProgress, 'reading', 'Reading the workbook…');
  const snap = await readReviewSnapshot(host);
  say(onProgress, 'computing', 'Checking every entry…');
  const result = checkReview(snap, today);
  say(onProgress, 'done', result.problems.length === 0 ? 'No problems found.' : `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} found.`);
  return result;
}

export async function runSummarise(
  host: Host,
  opts: { today: string; previous?: PreviousReview | null },
  onProgress?: OnProgress,
): Promise<RunOutcome & { summary: SummaryModel }> {
  say(onProgress, 'reading', 'Reading the workbook…');
  const snap = await readReviewSnapshot(host);
  say(onProgress, 'computing', 'Scoring and drafting the improvement plan…');
  const { plan, summary } = planSummary(snap, opts);
  const out = await applyPlan(host, plan, onProgress);
  say(onProgress, 'done', `Summary built: ${summary.respondents} respondent${summary.respondents === 1 ? '' : 's'}, ${summary.plan.length} plan row${summary.plan.length === 1 ? '' : 's'}.`);
  return { ...out, summary };
}

export async function runPlan(host: Host, opts: { today: string }, onProgress?: OnProgress): Promise<RunOutcome & { rows: PlanRowOut[] }> {
  say(onProgress, 'reading', 'Reading the workbook…');
  const snap = await readReviewSnapshot(host);
  say(onProgress, 'computing', 'Drafting the improvement plan…');
  const { plan, rows } = planImprovement(snap, opts);
  const out = await applyPlan(host, plan, onProgress);
  say(onProgress, 'done', `Improvement Plan updated: ${rows.length} row${rows.length === 1 ? '' : 's'}.`);
  return { ...out, rows };
}

export async function runImport(
  host: Host,
  table: CellValue[][],
  today: string,
  onProgress?: OnProgress,
  options: ImportOptions = {},
): Promise<RunOutcome & { report: ImportReport }> {
  say(onProgress, 'reading', 'Reading the workbook…');
  const snap = await readReviewSnapshot(host);
  say(onProgress, 'computing', 'Matching the columns…');
  const { plan, report } = planImport(snap, table, today, options);
  const out = await applyPlan(host, plan, onProgress);
  say(onProgress, 'done', `Imported: ${report.added.length} added, ${report.updated.length} updated${report.conflicts.length ? `, ${report.conflicts.length} changed since the last import` : ''}.`);
  return { ...out, report };
}
