import { describe, expect, it } from 'vitest';
import { isMeasurable, smartCheck, smartText, validatePlanRows } from '../../core/validation/plan-rows.js';
import { PLAN_COLUMNS, planCell } from '../../core/plan/columns.js';
import { cellLabel } from '../../core/util/a1.js';
import type { PlanRowRead } from '../../core/plan/types.js';

const TODAY = '2026-01-05';

function planRow(over: Partial<PlanRowRead> = {}): PlanRowRead {
  return {
    ref: 'item:A2',
    part: 'Partnership',
    heading: 'Aspire',
    sourceItems: 'A2',
    action: 'Hold two workshops on local priorities',
    date: '2026-06-30',
    keyContact: 'Helen Kay',
    leadAgency: 'RBKC',
    supportNeeded: '',
    howSupportProvided: '',
    progressReportDate: '2026-04-01',
    status: 'Not started',
    at: { sheet: 'Improvement Plan', row: 5, col: 1 },
    draftHash: '',
    ...over,
  };
}

describe('PLAN_COLUMNS', () => {
  it('is the agreed column order, with ids matching ImprovementAction', () => {
    expect(PLAN_COLUMNS.map((c) => c.header)).toEqual([
      'Ref',
      'Part',
      'Theme/criterion',
      'Source items',
      'Action for improvement',
      'Date to be completed',
      'Key contact',
      'Lead agency',
      'Support needed',
      'How support will be provided',
      'Progress report date',
      'Status',
    ]);
    expect(Object.keys(planRow()).filter((k) => k !== 'at' && k !== 'draftHash')).toEqual(PLAN_COLUMNS.map((c) => c.id));
  });

  it('finds a field’s cell from the row’s Ref cell', () => {
    expect(cellLabel(planCell({ sheet: 'Improvement Plan', row: 5, col: 1 }, 'keyContact'))).toBe('Improvement Plan!G5');
    expect(cellLabel(planCell({ sheet: 'Improvement Plan', row: 9, col: 2 }, 'status'))).toBe('Improvement Plan!M9');
  });
});

describe('smartCheck', () => {
  it('a complete row is SMART; a date of today is not past', () => {
    expect(smartCheck(planRow(), TODAY)).toEqual({ smart: true, reasons: [] });
    expect(smartCheck(planRow({ date: TODAY }), TODAY).smart).toBe(true);
    expect(smartText(planRow(), TODAY)).toBe('SMART');
  });

  it('lists every reason', () => {
    expect(smartCheck(planRow({ action: ' ', keyContact: '', date: '' }), TODAY)).toEqual({
      smart: false,
      reasons: ['no action', 'no key contact', 'no date to be completed'],
    });
    expect(smartText(planRow({ keyContact: '', date: '2025-12-31' }), TODAY)).toBe('Not SMART: no key contact; date already past');
    expect(smartText(planRow({ date: 'soon' }), TODAY)).toBe('Not SMART: date to be completed not recognised');
    expect(smartText(planRow({ action: 'Look into communications' }), TODAY)).toBe('Not SMART: nothing measurable');
  });

  it('reads dates as dd/mm/yyyy or serials too; a finished action may have a past date', () => {
    expect(smartCheck(planRow({ date: '30/06/2026' }), TODAY).smart).toBe(true);
    expect(smartCheck(planRow({ date: '04/01/2026' }), TODAY).reasons).toEqual(['date already past']);
    expect(smartCheck(planRow({ date: '2025-06-30', status: ' Completed ' }), TODAY).smart).toBe(true);
    expect(smartCheck(planRow({ date: '2025-06-30', status: 'In progress' }), TODAY).smart).toBe(false);
  });

  it('measurable: a number, %, a date or month, or a verb with a checkable result', () => {
    expect(isMeasurable('Raise satisfaction to 60%')).toBe(true);
    expect(isMeasurable('Two workshops by March')).toBe(true);
    expect(isMeasurable('3 new members')).toBe(true);
    expect(isMeasurable('Agreed terms of reference')).toBe(true);
    expect(isMeasurable('Training for chairs')).toBe(true);
    expect(isMeasurable('Publish the minutes')).toBe(true);
    expect(isMeasurable('Held a stakeholder event')).toBe(true);
    expect(isMeasurable('Improve communication')).toBe(false);
    expect(isMeasurable('Better joined-up working')).toBe(false);
  });
});

describe('validatePlanRows', () => {
  it('points at the offending cell of each row, with how to fix it', () => {
    const rows = [
      planRow(),
      planRow({ at: { sheet: 'Improvement Plan', row: 6, col: 1 }, keyContact: ' ', date: '2025-11-30' }),
      planRow({ at: { sheet: 'Improvement Plan', row: 7, col: 1 }, ref: '', action: '', date: 'next spring', progressReportDate: 'Q2' }),
      planRow({ at: { sheet: 'Improvement Plan', row: 8, col: 1 }, action: 'Improve communication', date: '' }),
    ];
    const ps = validatePlanRows(rows, TODAY);
    expect(ps.map((p) => `${cellLabel(p.at!)} [${p.severity} ${p.code}] ${p.message}`)).toEqual([
      'Improvement Plan!G6 [warning plan.no-key-contact] No key contact. Enter the person who will lead this action: every action needs a clear lead.',
      'Improvement Plan!F6 [warning plan.date-past] The date to be completed (30/11/2025) has already passed. Enter a new date, or set the status to Completed if the action is done.',
      'Improvement Plan!E7 [warning plan.no-action] This row has no action for improvement. Describe what will be done and how you will know it is done, for example “Hold two joint workshops for theme group chairs”.',
      'Improvement Plan!F7 [error plan.bad-date] “next spring” is not a date. Enter the date to be completed as dd/mm/yyyy, for example 05/01/2026.',
      'Improvement Plan!K7 [error plan.bad-progress-date] “Q2” is not a date. Enter the progress report date as dd/mm/yyyy, for example 05/01/2026.',
      'Improvement Plan!F8 [warning plan.no-date] No date to be completed. Enter the date by which this action will be done, as dd/mm/yyyy (for example 05/01/2026).',
      'Improvement Plan!E8 [warning plan.not-measurable] Nothing in this action can be measured. Add a number, a percentage or a date, or say what will be done (for example agree, publish, hold, review or complete something).',
    ]);
    expect(ps[0]).toMatchObject({ itemId: 'item:A2', field: 'keyContact' });
  });

  it('skips rows with nothing in them', () => {
    const empty = planRow({
      ref: '',
      part: 'Partnership',
      heading: '',
      sourceItems: '',
      action: '',
      date: '',
      keyContact: '',
      leadAgency: '',
      progressReportDate: '',
      status: '',
    });
    expect(validatePlanRows([empty], TODAY)).toEqual([]);
  });
});
