/**
 * The SMART check of Improvement Plan rows (seed 004: "All actions should be SMART (Specific, Measurable,
 * Achievable, Resourced/Realistic, & Timetabled) and have clear lead individuals/agencies").
 *
 * A row is not SMART when:
 * - it has no action for improvement;
 * - it has no key contact (the clear lead);
 * - it has no date to be completed, the date cannot be read, or the date is before today — unless the status says
 *   the action is done ("Complete", "Completed", "Done", "Achieved", "Closed": our default, a finished action
 *   may have a past date);
 * - nothing in the action is measurable: no digit (a number, a count or a date), no "%", no month name, and no
 *   verb with a checkable result (increase, reduce, complete, publish, hold, agree, review, report, train, appoint,
 *   produce, deliver, establish, achieve, in any form: "held", "agreed", "training"…). This is a plain-text test:
 *   it cannot judge whether the measure is good, only that there is one.
 * Achievable and Realistic need a person's judgement and are not checked.
 */
import { achievedOf, carriedOpen, carryChoiceOf } from '../plan/carry.js';
import type { CarryInfo, ImprovementAction, PlanRowRead } from '../plan/types.js';
import type { Problem } from './types.js';
import { planCell } from '../plan/columns.js';
import { formatDateUk, parseDate } from '../util/dates.js';
import { shortenText } from '../util/graphemes.js';

export const DONE_STATUSES = ['complete', 'completed', 'done', 'achieved', 'closed'] as const;

const MEASURABLE_VERB = /\b(increas|reduc|complet|publish|hold|held|agree|review|report|train|appoint|produc|deliver|establish|achiev)\w*/i;
const MONTH = /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/i;

/** True when the action names a number, percentage, date or measurable verb. */
export function isMeasurable(action: string): boolean {
  return /\d/.test(action) || action.includes('%') || MONTH.test(action) || MEASURABLE_VERB.test(action);
}

/** Cell text as a string (a host may hand back a number or null even where the type says string). */
function str(v: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- host cells are scalars or dates
  return v === null || v === undefined ? '' : String(v).trim();
}

function blank(s: unknown): boolean {
  return str(s) === '';
}

export function isDone(status: string): boolean {
  return (DONE_STATUSES as readonly string[]).includes(str(status).toLowerCase());
}

export type SmartReason = 'no action' | 'no key contact' | 'no date' | 'date not recognised' | 'date already past' | 'nothing measurable';

const REASON_TEXT: Record<SmartReason, string> = {
  'no action': 'no action',
  'no key contact': 'no key contact',
  'no date': 'no date to be completed',
  'date not recognised': 'date to be completed not recognised',
  'date already past': 'date already past',
  'nothing measurable': 'nothing measurable',
};

function reasonsOf(row: Pick<ImprovementAction, 'action' | 'keyContact' | 'date' | 'status'>, today: string): SmartReason[] {
  const out: SmartReason[] = [];
  if (blank(row.action)) out.push('no action');
  if (blank(row.keyContact)) out.push('no key contact');
  if (blank(row.date)) out.push('no date');
  else {
    const iso = parseDate(str(row.date));
    if (iso === null) out.push('date not recognised');
    else if (iso < today && !isDone(row.status)) out.push('date already past');
  }
  if (!blank(row.action) && !isMeasurable(str(row.action))) out.push('nothing measurable');
  return out;
}

/** `{ smart: true, reasons: [] }`, or the reasons in plain words ("no key contact", "date already past"…). */
export function smartCheck(
  row: Pick<ImprovementAction, 'action' | 'keyContact' | 'date' | 'status'>,
  today: string,
): { smart: boolean; reasons: string[] } {
  const reasons = reasonsOf(row, today).map((r) => REASON_TEXT[r]);
  return { smart: reasons.length === 0, reasons };
}

/** "SMART" or "Not SMART: no key contact; date already past" — the text of the plan's SMART column. */
export function smartText(row: Pick<ImprovementAction, 'action' | 'keyContact' | 'date' | 'status'>, today: string): string {
  const { smart, reasons } = smartCheck(row, today);
  return smart ? 'SMART' : `Not SMART: ${reasons.join('; ')}`;
}

const EDITABLE: (keyof ImprovementAction)[] = [
  'heading',
  'sourceItems',
  'action',
  'date',
  'keyContact',
  'leadAgency',
  'supportNeeded',
  'howSupportProvided',
  'progressReportDate',
  'status',
];

/**
 * Reminders on an open row carried from last cycle's plan (issue #16; the 2004 review paper asks for "noting which
 * target actions have been achieved"): "Achieved?" not yet answered, or answered short of Achieved with "Carry
 * forward?" still blank. The judgement is people's: the add-in only asks. Closed rows ask nothing.
 */
export function carriedQuestions(row: PlanRowRead, carry: CarryInfo): Problem[] {
  if (!carriedOpen(carry)) return [];
  const from = carry.from.trim() || 'last cycle';
  // named by its Ref, as the plan's other reminders are; a row without one by its action
  const what = row.ref.trim() ? `“${row.ref.trim()}”` : row.action.trim() ? `“${shortenText(row.action, 80)}”` : 'this action';
  const ref = row.ref ? { itemId: row.ref } : {};
  const a = achievedOf(carry.achieved);
  if (a === null && row.carryCells?.achieved) {
    return [
      {
        severity: 'warning',
        code: 'plan.carried-not-judged',
        message: `Last cycle's action ${what} (from the ${from} plan) is not judged yet. In “Achieved?” choose Achieved, Partly achieved or Not achieved, then say in “Carry forward?” whether it stays an action of this cycle.`,
        at: row.carryCells.achieved,
        field: 'achieved',
        ...ref,
      },
    ];
  }
  if (a !== null && a !== 'achieved' && carryChoiceOf(carry.carryForward) === null && row.carryCells?.carryForward) {
    return [
      {
        severity: 'warning',
        code: 'plan.carried-no-choice',
        message: `Last cycle's action ${what} (from the ${from} plan) is ${a === 'partly' ? 'partly achieved' : 'not achieved'}. In “Carry forward?” choose Yes to keep it as an action of this cycle, or No to close it.`,
        at: row.carryCells.carryForward,
        field: 'carryForward',
        ...ref,
      },
    ];
  }
  return [];
}

/** One problem per reason, each pointing at the cell to fix. Rows with nothing in them are skipped. */
export function validatePlanRows(rows: PlanRowRead[], today: string): Problem[] {
  const problems: Problem[] = [];
  const example = formatDateUk(today);
  for (const row of rows) {
    if (EDITABLE.every((k) => blank(row[k]))) continue;
    // a row carried from last cycle's plan and closed there (issue #16) is no action of this cycle
    if (row.carry && !carriedOpen(row.carry)) continue;
    const at = (field: keyof ImprovementAction) => planCell(row.at, field);
    const add = (severity: Problem['severity'], code: string, field: keyof ImprovementAction, message: string) => {
      problems.push({ severity, code, message, at: at(field), field, ...(row.ref ? { itemId: row.ref } : {}) });
    };
    for (const r of reasonsOf(row, today)) {
      switch (r) {
        case 'no action':
          add(
            'warning',
            'plan.no-action',
            'action',
            'This row has no action for improvement. Describe what will be done and how you will know it is done, for example “Hold two joint workshops for theme group chairs”.',
          );
          break;
        case 'no key contact':
          add(
            'warning',
            'plan.no-key-contact',
            'keyContact',
            'No key contact. Enter the person who will lead this action: every action needs a clear lead.',
          );
          break;
        case 'no date':
          add(
            'warning',
            'plan.no-date',
            'date',
            `No date to be completed. Enter the date by which this action will be done, as dd/mm/yyyy (for example ${example}).`,
          );
          break;
        case 'date not recognised':
          add(
            'error',
            'plan.bad-date',
            'date',
            `“${str(row.date)}” is not a date. Enter the date to be completed as dd/mm/yyyy, for example ${example}.`,
          );
          break;
        case 'date already past':
          add(
            'warning',
            'plan.date-past',
            'date',
            `The date to be completed (${formatDateUk(parseDate(str(row.date))!)}) has already passed. Enter a new date, or set the status to Completed if the action is done.`,
          );
          break;
        case 'nothing measurable':
          add(
            'warning',
            'plan.not-measurable',
            'action',
            'Nothing in this action can be measured. Add a number, a percentage or a date, or say what will be done (for example agree, publish, hold, review or complete something).',
          );
          break;
      }
    }
    if (!blank(row.progressReportDate) && parseDate(str(row.progressReportDate)) === null) {
      add(
        'error',
        'plan.bad-progress-date',
        'progressReportDate',
        `“${str(row.progressReportDate)}” is not a date. Enter the progress report date as dd/mm/yyyy, for example ${example}.`,
      );
    }
  }
  return problems;
}
