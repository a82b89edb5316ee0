/**
 * Checking a review, in two kinds (issue #12):
 * - errors: what stops an entry being used as it is — scores not on the scale, bad dates, a broken layout, an
 *   unknown partnership. `check` exits 1 only for these.
 * - reminders: what is still to do — questions left unanswered (one line per respondent), plan rows still to
 *   complete (one line per row, or one line in all when more than PLAN_REMINDER_ROWS rows), and the warnings of
 *   validation (a duplicate respondent, evidence missing, a criterion due for in-depth review).
 * Every line about an entry names the respondent and the question (id and short wording) beside the cell.
 */
import type { Framework } from '../framework/schema.js';
import type { Snapshot } from '../host/types.js';
import type { PlanRowRead } from '../plan/types.js';
import type { ReviewData } from '../review/types.js';
import { nameKey } from '../scoring/names.js';
import { isBlank } from '../scoring/parse-score.js';
import { cellLabel } from '../util/a1.js';
import { shortenText } from '../util/graphemes.js';
import { carriedQuestions, validatePlanRows } from '../validation/plan-rows.js';
import { validateReview } from '../validation/validate.js';
import { identityProblems } from '../validation/identity.js';
import { assertToday } from './limits-of-use.js';
import { cellLimitProblems } from '../validation/cell-limits.js';
import type { Problem } from '../validation/types.js';
import { findTab } from '../reader/cells.js';
import { readPlanTable } from '../reader/plan-rows.js';
import { readReview } from '../reader/read-review.js';
import { liveCountProblems } from './live-count.js';
import { registerColumns, registerRowResults, trackerHasTwoStages, WHY_NOT_MET_COLUMN_ID } from '../scoring/register.js';
import { formatNumber, scaleById, scaleMax } from '../scoring/scale.js';
import type { CheckResult } from './types.js';

/** `Responses!D7: message`; reminders say so; workbook-level problems start with "Workbook". */
export function problemLine(p: Problem, opts: { grouped?: boolean } = {}): string {
  const where = p.at ? cellLabel(p.at) : 'Workbook';
  return `${where}: ${p.severity === 'warning' && !opts.grouped ? 'Reminder: ' : ''}${p.message}`;
}

/** Plan rows with reminders: one line per row up to this many, else one line for them all. */
export const PLAN_REMINDER_ROWS = 5;

const WORDING_LENGTH = 60;

function shortWording(text: string): string {
  return shortenText(text, WORDING_LENGTH);
}

/** "Participant 2, question 5.3 “Are the partnership's plans…”: " — who and which question, beside the cell. */
function withContext(framework: Framework, p: Problem): Problem {
  const bits: string[] = [];
  if (p.respondent) bits.push(p.respondent);
  if (p.itemId && !p.code.startsWith('plan.') && !p.code.startsWith('in-depth.')) {
    const item = framework.sections.flatMap((s) => s.items).find((i) => i.id === p.itemId);
    if (item) bits.push(nameKey(item.text) === nameKey(item.id) ? item.id : `${item.id} “${shortWording(item.text)}”`);
  }
  return bits.length === 0 ? p : { ...p, message: `${bits.join(', ')}: ${p.message}` };
}

/** One reminder per respondent with questions left blank (answered "N/A" or "Don't know" counts as answered). */
export function unansweredReminders(framework: Framework, data: ReviewData): Problem[] {
  const items = framework.sections.flatMap((s) => s.items).filter((i) => i.fields.includes('score') || i.fields.includes('answer'));
  if (items.length === 0) return [];
  const out: Problem[] = [];
  for (const r of data.responses) {
    const who = r.respondent.trim();
    if (who === '') continue;
    const blank = items.filter((i) => {
      const f = i.fields.includes('score') ? 'score' : 'answer';
      return isBlank(r.answers[i.id]?.[f]?.value);
    }).length;
    if (blank === 0) continue;
    const noun = framework.kind === 'interview' ? 'questions' : items.length === framework.sections.length ? 'items' : 'questions';
    out.push({
      severity: 'warning',
      code: 'respondent.unanswered',
      at: r.at,
      respondent: who,
      message:
        blank === items.length
          ? `${who}: no answers yet (${items.length} ${noun}).`
          : `${who}: ${blank} of ${items.length} ${noun} unanswered.`,
    });
  }
  return out;
}

/**
 * Seed 004's stage 2: where the champions changed the co-ordinator's score they are to find why the outcome was not
 * met. One reminder per such row whose "Why not met" is blank, at that cell; none where the champions gave the top of
 * the scale (achieved: nothing was unmet) and none on a tracker without the column.
 */
export function championReasonReminders(framework: Framework, data: ReviewData): Problem[] {
  if (!trackerHasTwoStages(framework)) return [];
  const why = framework.register?.columns.find((c) => c.id === WHY_NOT_MET_COLUMN_ID);
  const confirmedCol = registerColumns(framework).confirmed;
  if (!why || !confirmedCol?.scale) return [];
  const top = scaleMax(scaleById(framework, confirmedCol.scale));
  const byRow = new Map(data.register.map((r) => [r.at.row, r]));
  const out: Problem[] = [];
  for (const r of registerRowResults(framework, data.register)) {
    if (!r.changedByChampions || r.whyNotMet !== '' || r.confirmed === top) continue;
    const at = byRow.get(r.row)?.cells[WHY_NOT_MET_COLUMN_ID]?.at;
    if (!at) continue;
    const what = r.label ? `“${shortWording(r.label)}”` : 'this row';
    out.push({
      severity: 'warning',
      code: 'tracker.why-not-met',
      at,
      message: `The champions changed the co-ordinator's score for ${what} (${formatNumber(r.coordinator!)} to ${formatNumber(r.confirmed!)}) but “${why.header}” is blank. Write why the outcome was not met, as stage 2 of the review asks.`,
    });
  }
  return out;
}

/** The plan rows' SMART reminders, one line per row (or one line in all when many rows have them). */
function planReminders(problems: Problem[], rows: PlanRowRead[]): Problem[] {
  const byRow = new Map<number, Problem[]>();
  for (const p of problems) {
    if (!p.at) continue;
    let list = byRow.get(p.at.row);
    if (!list) byRow.set(p.at.row, (list = []));
    list.push(p);
  }
  const what: Record<string, string> = {
    'plan.no-action': 'an action',
    'plan.no-key-contact': 'a key contact',
    'plan.no-date': 'a date to be completed',
    'plan.date-past': 'a new date (the date has passed)',
    'plan.not-measurable': 'something measurable in the action',
  };
  const needs = (list: Problem[]) => list.map((p) => what[p.code] ?? p.message);
  const rowRef = (row: number) => rows.find((r) => r.at.row === row)?.ref.trim() ?? '';
  const entries = [...byRow.entries()].sort((a, b) => a[0] - b[0]);
  if (entries.length <= PLAN_REMINDER_ROWS) {
    return entries.map(([row, list]) => {
      const ref = rowRef(row);
      return {
        severity: 'warning',
        code: 'plan.to-complete',
        at: list[0]!.at,
        ...(ref ? { itemId: ref } : {}),
        message: `${ref ? `Plan row “${ref}”` : 'Plan row'} still needs ${needs(list).join(', ')}.`,
      } satisfies Problem;
    });
  }
  const counts = new Map<string, number>();
  for (const [, list] of entries) for (const n of needs(list)) counts.set(n, (counts.get(n) ?? 0) + 1);
  const detail = [...counts.entries()].map(([n, k]) => `${k} need ${n}`).join('; ');
  return [
    {
      severity: 'warning',
      code: 'plan.to-complete',
      at: entries[0]![1][0]!.at,
      message: `${entries.length} rows of the improvement plan are still to complete (${detail}). Fill them in once the group has agreed the actions; check again to see which rows are left.`,
    },
  ];
}

/**
 * Last cycle's open actions still to judge (issue #16): one reminder per row at its "Achieved?" or "Carry forward?"
 * cell, or one line in all when many rows ask.
 */
function carriedReminders(rows: PlanRowRead[]): Problem[] {
  const asks = rows.flatMap((r) => (r.carry ? carriedQuestions(r, r.carry) : []));
  if (asks.length <= PLAN_REMINDER_ROWS) return asks;
  const judge = asks.filter((p) => p.code === 'plan.carried-not-judged').length;
  const choose = asks.length - judge;
  const parts = [
    ...(judge ? [`${judge} not judged yet (choose Achieved, Partly achieved or Not achieved in “Achieved?”)`] : []),
    ...(choose ? [`${choose} judged short of achieved with no choice yet (choose Yes or No in “Carry forward?”)`] : []),
  ];
  return [
    {
      severity: 'warning',
      code: 'plan.carried-to-judge',
      at: asks[0]!.at,
      message: `${asks.length} of last cycle's actions on the improvement plan are still to judge: ${parts.join('; ')}.`,
    },
  ];
}

export function checkReview(snapshot: Snapshot, today: string): CheckResult {
  assertToday(today);
  const { framework, review, layout, problems: layoutProblems } = readReview(snapshot);
  const planSnap = layout.plan ? findTab(snapshot.tabs, layout.plan.name) : undefined;
  const planRows = layout.plan && planSnap ? readPlanTable(planSnap, layout.plan) : [];
  const validation = validateReview(framework, review, today).flatMap((p) => {
    if (p.at !== null || !p.code.startsWith('settings.cycle')) return [p];
    // problems about the cycle belong at the Cycle cell when the settings tab has one
    if (review.settings.cycleAt) return [{ ...p, at: review.settings.cycleAt }];
    // no settings tab: its missing-tab warning already says the cycle cannot be read, and what that stops
    if (layout.missing.some((m) => m.key === 'settings')) return [];
    // a settings tab with no Cycle row: at its first cell
    const tab = layout.present.settings;
    return [tab ? { ...p, at: { sheet: tab, row: 1, col: 1 } } : p];
  });
  const planProblems = validatePlanRows(planRows, today);
  const found = [
    ...layoutProblems,
    ...cellLimitProblems(snapshot),
    ...validation,
    ...identityProblems(review),
    ...liveCountProblems(framework, review),
  ].map((p) => withContext(framework, p));
  const errors = [...found.filter((p) => p.severity === 'error'), ...planProblems.filter((p) => p.severity === 'error')];
  const reminders = [
    ...found.filter((p) => p.severity !== 'error'),
    ...unansweredReminders(framework, review),
    ...championReasonReminders(framework, review),
    ...planReminders(
      planProblems.filter((p) => p.severity !== 'error'),
      planRows,
    ),
    ...carriedReminders(planRows),
  ];
  const problems = [...errors, ...reminders];
  return {
    problems,
    lines: problems.map((p) => problemLine(p)),
    errors,
    reminders,
    errorLines: errors.map((p) => problemLine(p, { grouped: true })),
    reminderLines: reminders.map((p) => problemLine(p, { grouped: true })),
  };
}
