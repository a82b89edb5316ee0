/**
 * What the sidebar (and the menu's message box) is told after each operation: the same sentences and problem list
 * as the Excel task pane gives (ui/outcome-text.ts, ui/bridge-local.ts), built here on the server from what the
 * core returned. Plain JSON, so it crosses google.script.run unchanged.
 */
import type { PlanRowOut } from '../../core/plan/types.js';
import type { CheckResult, SummaryModel } from '../../core/operations/types.js';
import type { SheetPlan } from '../../core/sheet-plan/types.js';
import { TAB } from '../../core/sheet-plan/layout.js';
import type { CreateForm, OperationOutcome } from '../../ui/bridge.js';
import { sortProblems, toBridgeProblem } from '../../ui/bridge-local.js';
import { sentence } from '../../ui/errors.js';
import { checkedMessage, createdMessage, planMessage, summaryMessage } from '../../ui/outcome-text.js';
import { protectionSentence } from './respondent-protection.js';

export { frameworkChoices } from '../../ui/bridge-local.js';

/** What a host could not do exactly as planned (e.g. a row it could not limit to one person), added to the sentence. */
function withWarnings(message: string, warnings: string[] | undefined): string {
  return !warnings || warnings.length === 0 ? message : `${message} ${warnings.map(sentence).join(' ')}`;
}

function tabsOf(plan: SheetPlan): string[] {
  return plan.tabs.map((t) => t.name);
}

function planTab(plan: SheetPlan): string {
  return plan.tabs.find((t) => t.role === 'plan')?.name ?? TAB.plan;
}

export function createdOutcome(form: CreateForm, plan: SheetPlan, warnings?: string[]): OperationOutcome {
  const entry = plan.tabs.find((t) => t.role === 'entry') ?? plan.tabs.find((t) => t.role === 'register');
  const respondents = form.respondents.length > 0 ? form.respondents.length : (form.respondentCount ?? 0);
  const created = createdMessage({ partnerships: form.partnerships, cycle: form.cycle, respondents, entryTab: entry?.name ?? null });
  const protection = protectionSentence(plan);
  const message = protection ? `${created} ${protection}` : created;
  return { ok: true, message: withWarnings(message, warnings), problems: [], tabsWritten: tabsOf(plan) };
}

export function checkedOutcome(result: CheckResult): OperationOutcome {
  const problems = sortProblems(result.problems.map(toBridgeProblem));
  const errors = problems.filter((p) => p.severity === 'error').length;
  // the check itself finished: problems found show as "Done, with problems to fix", not as a failure
  return { ok: true, message: checkedMessage(errors, problems.length - errors), problems, tabsWritten: [] };
}

export function summarisedOutcome(summary: SummaryModel, plan: SheetPlan, warnings?: string[]): OperationOutcome {
  const message = summaryMessage({
    respondents: summary.respondents,
    overallMean: summary.overall.mean,
    rag: summary.overall.rag,
    actions: summary.plan.length,
    planTab: planTab(plan),
  });
  return { ok: true, message: withWarnings(message, warnings), problems: [], tabsWritten: tabsOf(plan) };
}

export function plannedOutcome(rows: PlanRowOut[], plan: SheetPlan, warnings?: string[]): OperationOutcome {
  const count = (o: PlanRowOut['origin']): number => rows.filter((r) => r.origin === o).length;
  const message = planMessage({
    drafted: count('drafted'),
    edited: count('edited'),
    added: count('added'),
    noLongerWeak: rows.filter((r) => r.sourceStillWeak === false).length,
    tab: planTab(plan),
  });
  return { ok: true, message: withWarnings(message, warnings), problems: [], tabsWritten: tabsOf(plan) };
}

/** The document lock was busy for the whole wait: nothing was changed. */
export function busyOutcome(message: string): OperationOutcome {
  return { ok: false, message, problems: [], tabsWritten: [] };
}
