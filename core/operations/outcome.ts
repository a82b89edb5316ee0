/**
 * What a person is told after each operation, on every host: one en-GB sentence and the problems with their cells.
 * One definition for the task pane (Excel, the browser preview), the Sheets server (its sidebar and menu) and the
 * self-test; plain JSON, so it crosses google.script.run unchanged. Errors never escape as a stack: they become an
 * outcome that says what is wrong, how to fix it, and what state the workbook is in: "Nothing was changed" only where
 * that is true — errors before writing, or a failed write the host put back (WriteFailedError with nothing left
 * changed); otherwise the tabs that may be part-written.
 */
import { frameworkSummaries } from '../framework/catalogue.js';
import type { ApplyResult } from '../host/types.js';
import type { PlanRowOut } from '../plan/types.js';
import type { CellRef, CellValue } from '../review/types.js';
import { TAB } from '../sheet-plan/layout.js';
import type { SheetPlan } from '../sheet-plan/types.js';
import { cellLabel } from '../util/a1.js';
import type { Problem } from '../validation/types.js';
import {
  checkedMessage,
  conflictLine,
  createdMessage,
  importMessage,
  matchedByNameLine,
  planMessage,
  summaryMessage,
  unknownColumnsLine,
} from './messages.js';
import type { CheckResult, CreateRequest, ImportReport, SummaryModel } from './types.js';

export interface FrameworkChoice {
  id: string;
  title: string;
  /** one line, from its source paper */
  description: string;
  /** e.g. "Kensington & Chelsea LSP, pilot workshop (Feb 2008)" */
  source: string;
  /** number of scored items */
  items: number;
  multiplePartnerships: boolean;
}

/** What the Create review form sends. */
export interface CreateForm {
  frameworkId: string;
  partnerships: string[];
  respondents: string[];
  respondentCount?: number;
  cycle: string;
  protect: boolean;
}

export interface OutcomeProblem {
  severity: 'error' | 'warning';
  /** `Responses!D7` or '' for workbook-level problems */
  cell: string;
  message: string;
  at: CellRef | null;
}

export interface OperationOutcome {
  ok: boolean;
  /** one en-GB sentence for the status area, e.g. "Summary built: 12 respondents, overall 2.4 (Amber)." */
  message: string;
  problems: OutcomeProblem[];
  /** what changed, for screen readers and tests: tab names written */
  tabsWritten: string[];
  /** after an import: who was added or updated, and each cell changed since the last import (the panes list them) */
  imported?: ImportedSummary;
  /** further lines under the message (the LSP plan: what each review brought, what was kept), in order */
  details?: string[];
}

/** A cell a person changed since the last import that the export disagrees with, as the panes list it. */
export interface ImportedConflict {
  /** `Responses!D6` */
  cell: string;
  at: CellRef;
  respondent: string;
  /** the export's column heading */
  column: string;
  workbook: CellValue;
  export: CellValue;
  /** which value the workbook holds now */
  kept: 'workbook' | 'export';
  /** the sentence the command line prints for it */
  line: string;
}

export interface ImportedSummary {
  added: string[];
  updated: string[];
  conflicts: ImportedConflict[];
  /** sentences about columns left out and rows matched by name (empty when there is nothing to say) */
  notes: string[];
}

export function frameworkChoices(): FrameworkChoice[] {
  return frameworkSummaries().map((f) => ({
    id: f.id,
    title: f.title,
    description: f.description,
    source: f.source.reference,
    items: f.items,
    multiplePartnerships: f.multiplePartnerships,
  }));
}

/** The form as the core's request; `today` is read by the caller, at the edge. */
export function createRequest(form: CreateForm, today: string, reviewId?: string): CreateRequest {
  return {
    ...(reviewId ? { reviewId } : {}),
    framework: form.frameworkId,
    partnerships: form.partnerships,
    respondents: form.respondents,
    ...(form.respondentCount !== undefined ? { respondentCount: form.respondentCount } : {}),
    cycle: form.cycle,
    protect: form.protect,
    today,
  };
}

export function toOutcomeProblem(p: Problem): OutcomeProblem {
  return { severity: p.severity, cell: p.at ? cellLabel(p.at) : '', message: p.message, at: p.at };
}

/** Errors first, then warnings; each group in the order the core found them (sheet order). */
export function sortProblems(list: OutcomeProblem[]): OutcomeProblem[] {
  return [...list.filter((p) => p.severity === 'error'), ...list.filter((p) => p.severity === 'warning')];
}

/** "The tab is missing" → "The tab is missing." (messages are shown as sentences) */
export function sentence(s: string): string {
  const t = s.trim().replace(/\s+/g, ' ');
  if (t === '') return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}

/** What a host could not do exactly as planned (an Excel too old for a feature), added to the outcome sentence. */
function withWarnings(message: string, applied: ApplyResult | null): string {
  const warnings = applied?.warnings ?? [];
  return warnings.length === 0 ? message : `${message} ${warnings.map(sentence).join(' ')}`;
}

function tabsOf(plan: SheetPlan, applied: ApplyResult | null): string[] {
  return applied ? plan.tabs.map((t) => t.name) : [];
}

function planTab(plan: SheetPlan): string {
  return plan.tabs.find((t) => t.role === 'plan')?.name ?? TAB.plan;
}

/** `note`: what a host's refinement of the plan did (Sheets: who may change each respondent's row), or null. */
export function createdOutcome(
  req: CreateRequest,
  plan: SheetPlan,
  applied: ApplyResult | null,
  note: string | null = null,
): OperationOutcome {
  const entry = plan.tabs.find((t) => t.role === 'entry') ?? plan.tabs.find((t) => t.role === 'register');
  const respondents = req.respondents.length > 0 ? req.respondents.length : (req.respondentCount ?? 0);
  const created = createdMessage({ partnerships: req.partnerships, cycle: req.cycle, respondents, entryTab: entry?.name ?? null });
  const message = note ? `${created} ${note}` : created;
  return { ok: true, message: withWarnings(message, applied), problems: [], tabsWritten: tabsOf(plan, applied) };
}

export function checkedOutcome(result: CheckResult): OperationOutcome {
  const problems = sortProblems(result.problems.map(toOutcomeProblem));
  const errors = problems.filter((p) => p.severity === 'error').length;
  // the check itself finished: problems found show as "Done, with problems to fix", not as a failure
  return { ok: true, message: checkedMessage(errors, problems.length - errors), problems, tabsWritten: [] };
}

export function summarisedOutcome(summary: SummaryModel, plan: SheetPlan, applied: ApplyResult | null): OperationOutcome {
  const message = summaryMessage({
    respondents: summary.respondents,
    overallMean: summary.overall.mean,
    rag: summary.overall.rag,
    actions: summary.plan.length,
    planTab: planTab(plan),
  });
  return { ok: true, message: withWarnings(message, applied), problems: [], tabsWritten: tabsOf(plan, applied) };
}

export function plannedOutcome(rows: PlanRowOut[], plan: SheetPlan, applied: ApplyResult | null): OperationOutcome {
  const count = (o: PlanRowOut['origin']): number => rows.filter((r) => r.origin === o).length;
  const message = planMessage({
    drafted: count('drafted'),
    edited: count('edited'),
    added: count('added'),
    noLongerWeak: rows.filter((r) => r.sourceStillWeak === false).length,
    tab: planTab(plan),
  });
  return { ok: true, message: withWarnings(message, applied), problems: [], tabsWritten: tabsOf(plan, applied) };
}

/** After an import (every pane): the sentence, the problems (scores that are not scores, columns given twice, names on
 *  two rows) and what was added, updated and kept. */
export function importedOutcome(report: ImportReport, plan: SheetPlan, applied: ApplyResult | null): OperationOutcome {
  const conflicts: ImportedConflict[] = report.conflicts.map((c) => {
    const cell = cellLabel(c.at);
    const base = { cell, at: c.at, respondent: c.respondent, column: c.column, workbook: c.workbook, export: c.export, kept: c.kept };
    return { ...base, line: conflictLine(base) };
  });
  const notes: string[] = [];
  if (report.unknownColumns.length > 0) notes.push(unknownColumnsLine(report.unknownColumns));
  if (report.matchedByName.length > 0) notes.push(matchedByNameLine(report.matchedByName));
  const tabsWritten = tabsOf(plan, applied);
  const message = importMessage({
    added: report.added,
    updated: report.updated,
    kept: conflicts.filter((c) => c.kept === 'workbook').length,
    taken: conflicts.filter((c) => c.kept === 'export').length,
    written: tabsWritten.length > 0,
  });
  return {
    ok: true,
    message: withWarnings(message, applied),
    problems: sortProblems(report.problems.map(toOutcomeProblem)),
    tabsWritten,
    imported: { added: report.added, updated: report.updated, conflicts, notes },
  };
}

// ───────────────────────────── errors ─────────────────────────────
// Recognised by `name` as well as by class: an error that crossed google.script.run or another bundle is no longer
// an instance of the class.

function errorName(e: unknown): string {
  return e && typeof e === 'object' && 'name' in e && typeof e.name === 'string' ? e.name : '';
}

function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e && typeof e.message === 'string') {
    return e.message;
  }
  return typeof e === 'string' ? e : '';
}

/** Only the first line of a message: hosts sometimes append debugging detail after a line break. */
function firstLine(s: string): string {
  return s.split(/\r?\n/)[0] ?? '';
}

function tabList(e: unknown, field: 'leftChanged' | 'formattingLeft' | 'added'): string[] {
  const v = e && typeof e === 'object' && field in e ? (e as Record<string, unknown>)[field] : [];
  return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
}

function sentenceStart(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function listTabs(tabs: string[]): string {
  const q = tabs.map((t) => `"${t}"`);
  const list = q.length === 1 ? q[0]! : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]!}`;
  return `the ${tabs.length === 1 ? 'tab' : 'tabs'} ${list}`;
}

export const NOT_A_REVIEW_FIX = 'Open the workbook that holds your review, or choose Create review to start one.';
export const LAYOUT_CHANGED_FIX = 'Nothing was changed. Try again: the add-in will read the workbook afresh.';

/** The errors a person can act on (the message says what to do); any other error is unexpected. */
export function isExpectedError(e: unknown): boolean {
  const name = errorName(e);
  return name === 'NotAReviewError' || name === 'LayoutChangedError' || name === 'ReviewRequestError';
}

/** A failed operation as every host shows it: the error's own words, the fix, and that nothing was changed. */
export function errorOutcome(e: unknown): OperationOutcome {
  const name = errorName(e);
  const msg = sentence(firstLine(errorMessage(e)));
  let message: string;
  if (name === 'NotAReviewError') {
    message = `${msg || 'This workbook is not a Partnership Review workbook.'} ${NOT_A_REVIEW_FIX}`;
  } else if (name === 'LayoutChangedError') {
    message = `${msg || 'The workbook changed while the add-in was working.'} ${LAYOUT_CHANGED_FIX}`;
  } else if (name === 'WriteFailedError') {
    // the host put back what it had started writing, or says which tabs it could not (core/host/write-failure.ts)
    const left = tabList(e, 'leftChanged');
    const added = tabList(e, 'added').filter((t) => left.includes(t));
    const held = left.filter((t) => !added.includes(t));
    const formatting = tabList(e, 'formattingLeft').filter((t) => !left.includes(t));
    const what = msg.replace(/\.$/, '') || 'the workbook could not be written';
    const it = (n: number): string => (n === 1 ? 'it' : 'them');
    const parts: string[] = [`Something went wrong while writing: ${what}.`];
    if (left.length === 0 && formatting.length === 0) {
      parts.push('Nothing was changed: the add-in put back what it had started to write.');
    } else if (left.length === 0) {
      parts.push(
        `The add-in put back every cell it had started to write, but on ${listTabs(formatting)} the formatting, drop-down lists, highlighting or protection may be part-applied (the same the add-in sets each time): the rest of the workbook is as it was.`,
      );
    } else {
      parts.push('The add-in could not put everything back.');
      if (added.length > 0)
        parts.push(`It had added ${listTabs(added)}, which may be part-written: delete ${it(added.length)} and try again.`);
      if (held.length > 0)
        parts.push(
          `${sentenceStart(listTabs(held))} may hold part of the new content: check ${it(held.length)} against your last saved copy before trying again.`,
        );
      if (formatting.length > 0)
        parts.push(`On ${listTabs(formatting)} the cells are as they were, but the formatting may be part-applied.`);
    }
    message = parts.join(' ');
  } else if (name === 'ReviewRequestError') {
    message = `${msg || 'The request could not be carried out. Check the fields and try again.'} Nothing was changed.`;
  } else {
    const detail = msg.replace(/\.$/, '');
    message = `Something went wrong: ${detail || 'an unexpected error'}. Nothing was changed.`;
  }
  return { ok: false, message, problems: [], tabsWritten: [] };
}

/** The document lock (Sheets) was busy for the whole wait: nothing was changed. */
export function busyOutcome(message: string): OperationOutcome {
  return { ok: false, message, problems: [], tabsWritten: [] };
}
