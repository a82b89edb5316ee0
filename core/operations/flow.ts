/**
 * The operations as host-agnostic step flows: each is a generator that yields what it needs from the host — a read,
 * an apply, a progress message — and is handed back the host's answer. One definition of every operation's steps
 * (read → compute → apply) and outcome, run by two drivers:
 * - `driveAsync` over any `Host` (Excel's Office.js adapter, the in-memory workbook, the .xlsx host): run.ts;
 * - `driveSync` over a host that answers at once (`SyncHost`): the Apps Script server, because google.script.run
 *   hands the sidebar only what a function returns, never what a promise resolves to.
 * The self-test (core/selftest) is a flow too, with two more steps (`inspect`, `remove`) that only hosts offering
 * read-back answer.
 */
import type { ApplyResult, Host, ReadRequest, Snapshot } from '../host/types.js';
import type { InspectHost, InspectRequest, TabFacts } from '../host/inspect.js';
import type { PlanRowOut } from '../plan/types.js';
import type { CellValue } from '../review/types.js';
import type { SheetPlan } from '../sheet-plan/types.js';
import { TAB } from '../sheet-plan/layout.js';
import { planImport, type ImportOptions } from '../import/plan-import.js';
import { importTableFrom } from '../import/table-shape.js';
import { planLimitProblems } from '../sheet-plan/limits.js';
import { checkReview } from './check.js';
import { planCreate } from './create.js';
import { checkedOutcome, createdOutcome, importedOutcome, plannedOutcome, summarisedOutcome, type OperationOutcome } from './outcome.js';
import { READ_HEADS, READ_TABS, moreTabsToRead } from './read-tabs.js';
import { planImprovement, planSummary, type SummariseOptions } from './summarise.js';
import {
  ReviewRequestError,
  type CheckResult,
  type CreateRequest,
  type ImportReport,
  type OnProgress,
  type ProgressEvent,
  type SummaryModel,
} from './types.js';

/** What a flow asks of its host. */
export type Step =
  | { kind: 'read'; request: ReadRequest }
  | { kind: 'apply'; plan: SheetPlan }
  | { kind: 'progress'; event: ProgressEvent }
  | { kind: 'inspect'; requests: InspectRequest[] }
  | { kind: 'remove'; tabs: string[]; namedRanges: string[] };

/** A flow: yields steps, is resumed with each step's answer, returns its result. */
export type Flow<T> = Generator<Step, T, unknown>;

/** A host that answers at once (Apps Script: every call is synchronous). */
export interface SyncHost {
  readNow(request: ReadRequest): Snapshot;
  applyNow(plan: SheetPlan): ApplyResult;
  inspectNow?(requests: InspectRequest[]): TabFacts[];
  removeNow?(tabs: string[], namedRanges: string[]): void;
}

// ───────────────────────────── the steps ─────────────────────────────

export function* read(request: ReadRequest): Flow<Snapshot> {
  return (yield { kind: 'read', request }) as Snapshot;
}

export function* apply(plan: SheetPlan): Flow<ApplyResult> {
  return (yield { kind: 'apply', plan }) as ApplyResult;
}

export function* say(stage: ProgressEvent['stage'], message: string): Flow<void> {
  yield { kind: 'progress', event: { stage, message } };
}

export function* inspect(requests: InspectRequest[]): Flow<TabFacts[]> {
  return (yield { kind: 'inspect', requests }) as TabFacts[];
}

export function* remove(tabs: string[], namedRanges: string[]): Flow<void> {
  yield { kind: 'remove', tabs, namedRanges };
}

// ───────────────────────────── the drivers ─────────────────────────────

function noInspect(): never {
  throw new Error('This host cannot read back what it kept, so the self-test cannot run here');
}

/** A step's answer, or what the host threw (handed to the flow, which may clean up: the self-test removes its tabs). */
type Answer = { value: unknown } | { error: unknown };

function resume<T>(flow: Flow<T>, last: Answer): IteratorResult<Step, T> {
  return 'error' in last ? flow.throw(last.error) : flow.next(last.value);
}

/** Run a flow against any async `Host`. */
export async function driveAsync<T>(flow: Flow<T>, host: Host & Partial<InspectHost>, onProgress?: OnProgress): Promise<T> {
  const perform = async (step: Step): Promise<unknown> => {
    if (step.kind === 'read') return host.read(step.request);
    if (step.kind === 'apply') return host.apply(step.plan);
    if (step.kind === 'progress') return onProgress?.(step.event);
    if (!host.inspect || !host.remove) return noInspect();
    return step.kind === 'inspect' ? host.inspect(step.requests) : host.remove(step.tabs, step.namedRanges);
  };
  let last: Answer = { value: undefined };
  for (;;) {
    const next: IteratorResult<Step, T> = resume(flow, last);
    if (next.done) return next.value;
    last = await perform(next.value).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
  }
}

/** Run a flow against a host that answers at once (the Apps Script server). */
export function driveSync<T>(flow: Flow<T>, host: SyncHost, onProgress?: OnProgress): T {
  const perform = (step: Step): unknown => {
    if (step.kind === 'read') return host.readNow(step.request);
    if (step.kind === 'apply') return host.applyNow(step.plan);
    if (step.kind === 'progress') return onProgress?.(step.event);
    if (!host.inspectNow || !host.removeNow) return noInspect();
    return step.kind === 'inspect' ? host.inspectNow(step.requests) : host.removeNow(step.tabs, step.namedRanges);
  };
  let last: Answer = { value: undefined };
  for (;;) {
    const next: IteratorResult<Step, T> = resume(flow, last);
    if (next.done) return next.value;
    try {
      last = { value: perform(next.value) };
    } catch (error) {
      last = { error };
    }
  }
}

// ───────────────────────────── the operations ─────────────────────────────

export interface RunOutcome {
  plan: SheetPlan;
  /** tab names written, in plan order */
  tabsWritten: string[];
  applied: ApplyResult | null;
  /** what the person is told (the same on every host) */
  outcome: OperationOutcome;
}

/**
 * Read every tab the reader uses in one call. Only when PR_Meta names a tab outside READ_TABS (a custom framework's
 * register) that the workbook has, is that tab read by a second call.
 */
export function* readReviewFlow(): Flow<Snapshot> {
  const snap = yield* read({ tabs: [...READ_TABS], heads: { ...READ_HEADS } });
  const extra = moreTabsToRead(snap);
  if (extra.length === 0) return snap;
  const more = yield* read({ tabs: extra });
  return { tabNames: snap.tabNames, tabs: { ...snap.tabs, ...more.tabs } };
}

/** The net under the builders: nothing Excel would refuse, cut or repair is ever handed to a host. */
export function assertWithinLimits(plan: SheetPlan): void {
  const limits = planLimitProblems(plan);
  if (limits.length > 0) {
    const more = limits.length > 3 ? ` (and ${limits.length - 3} more)` : '';
    throw new ReviewRequestError(`Nothing was written, because Excel could not hold it: ${limits.slice(0, 3).join('; ')}${more}.`);
  }
}

/** Apply a plan — or, when it holds no tab, write nothing. */
export function* applyPlan(plan: SheetPlan): Flow<{ tabsWritten: string[]; applied: ApplyResult | null }> {
  if (plan.tabs.length === 0) {
    yield* say('done', 'Nothing to write.');
    return { tabsWritten: [], applied: null };
  }
  assertWithinLimits(plan);
  yield* say('writing', `Writing ${plan.tabs.map((t) => t.name).join(', ')}…`);
  const applied = yield* apply(plan);
  return { tabsWritten: plan.tabs.map((t) => t.name), applied };
}

export interface CreateOptions {
  /** a host-specific refinement of the plan before it is written (Sheets: per-respondent protection) */
  refine?: (plan: SheetPlan) => SheetPlan;
  /** a sentence about what the refinement did, added to the outcome (Sheets: who may change each row), or null */
  note?: (plan: SheetPlan) => string | null;
}

export function* createFlow(req: CreateRequest, opts: CreateOptions = {}): Flow<RunOutcome> {
  yield* say('reading', 'Looking at the workbook…');
  const snap = yield* read({ tabs: [] });
  yield* say('computing', 'Laying out the review…');
  const base = planCreate(req, snap.tabNames);
  const plan = opts.refine ? opts.refine(base) : base;
  const out = yield* applyPlan(plan);
  yield* say('done', `Review created: ${out.tabsWritten.filter((t) => t !== TAB.meta).join(', ')}.`);
  return { plan, ...out, outcome: createdOutcome(req, plan, out.applied, opts.note?.(plan) ?? null) };
}

export function* checkFlow(today: string): Flow<CheckResult & { outcome: OperationOutcome }> {
  yield* say('reading', 'Reading the workbook…');
  const snap = yield* readReviewFlow();
  yield* say('computing', 'Checking every entry…');
  const result = checkReview(snap, today);
  const n = result.errors.length;
  const r = result.reminders.length;
  yield* say(
    'done',
    `${n === 0 ? 'No errors' : `${n} error${n === 1 ? '' : 's'}`} found${r > 0 ? `; ${r} reminder${r === 1 ? '' : 's'}` : ''}.`,
  );
  return { ...result, outcome: checkedOutcome(result) };
}

export function* summariseFlow(opts: SummariseOptions): Flow<RunOutcome & { summary: SummaryModel }> {
  yield* say('reading', 'Reading the workbook…');
  const snap = yield* readReviewFlow();
  yield* say('computing', 'Scoring and drafting the improvement plan…');
  const { plan, summary } = planSummary(snap, opts);
  const out = yield* applyPlan(plan);
  const s = summary;
  yield* say(
    'done',
    `Summary built: ${s.respondents} respondent${s.respondents === 1 ? '' : 's'}, ${s.plan.length} plan row${s.plan.length === 1 ? '' : 's'}.`,
  );
  return { plan, ...out, summary, outcome: summarisedOutcome(summary, plan, out.applied) };
}

export function* planFlow(opts: { today: string }): Flow<RunOutcome & { rows: PlanRowOut[] }> {
  yield* say('reading', 'Reading the workbook…');
  const snap = yield* readReviewFlow();
  yield* say('computing', 'Drafting the improvement plan…');
  const { plan, rows } = planImprovement(snap, opts);
  const out = yield* applyPlan(plan);
  yield* say('done', `Improvement Plan updated: ${rows.length} row${rows.length === 1 ? '' : 's'}.`);
  return { plan, ...out, rows, outcome: plannedOutcome(rows, plan, out.applied) };
}

export function* importFlow(table: CellValue[][], today: string, options: ImportOptions = {}): Flow<RunOutcome & { report: ImportReport }> {
  yield* say('reading', 'Reading the workbook…');
  const snap = yield* readReviewFlow();
  yield* say('computing', 'Matching the columns…');
  // every host hands the same check: a pane's table crossed a bridge (google.script.run carries whatever it is sent)
  const { plan, report } = planImport(snap, importTableFrom(table), today, options);
  const out = yield* applyPlan(plan);
  yield* say(
    'done',
    `Imported: ${report.added.length} added, ${report.updated.length} updated${report.conflicts.length ? `, ${report.conflicts.length} changed since the last import` : ''}.`,
  );
  return { plan, ...out, report, outcome: importedOutcome(report, plan, out.applied) };
}
