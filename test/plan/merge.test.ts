import { describe, expect, it } from 'vitest';
import { mergePlan } from '../../core/plan/merge.js';
import { draftActions } from '../../core/plan/draft.js';
import { scoreReview } from '../../core/scoring/score-review.js';
import { hashPlanRow } from '../../core/util/hash.js';
import type { ImprovementAction, PlanRowOut, PlanRowRead } from '../../core/plan/types.js';
import { reviewData, treeFramework, workedResponses } from '../scoring/fixtures.js';

const TODAY = '2026-01-31';
const f = treeFramework();
const rs = workedResponses();
/** drafted today: Lead (L1, red) then Aspire (A2, amber), due 31/07/2026 */
const drafted = draftActions(f, scoreReview(f, rs), reviewData(rs), null, TODAY);
const a2 = drafted.find((d) => d.ref === 'Aspire')!;
const l1 = drafted.find((d) => d.ref === 'Lead')!;

let row = 4;
/** A row as read from the tab; `drafted` true stores the fingerprint of what it holds (as if the add-in wrote it). */
function onTab(a: ImprovementAction, opts: { drafted?: boolean; hashOf?: ImprovementAction } = {}): PlanRowRead {
  const hash = opts.hashOf ? hashPlanRow(opts.hashOf) : opts.drafted ? hashPlanRow(a) : '';
  return { ...a, at: { sheet: 'Improvement Plan', row: row++, col: 1 }, draftHash: hash };
}

/** What the last run (on 01/12/2025) drafted for A2: other wording and dates. */
const oldA2: ImprovementAction = {
  ...a2,
  action: 'Improve “Do we know local priorities?” (A2): scored 1.8 of 3 (Red). Agree actions … and complete them by 01/06/2026.',
  date: '2026-06-01',
  progressReportDate: '2026-03-01',
};
const added: ImprovementAction = {
  ref: '',
  part: 'Delivery',
  heading: 'Crime',
  sourceItems: '',
  action: 'Publish the community safety plan',
  date: '2026-05-01',
  keyContact: 'Mark Raisbeck',
  leadAgency: 'RBKC',
  supportNeeded: '',
  howSupportProvided: '',
  progressReportDate: '',
  status: 'In progress',
};
const editedL1: ImprovementAction = { ...l1, keyContact: 'Helen Kay', leadAgency: 'Social Council' };
const oldItem: ImprovementAction = { ...l1, ref: 'item:OLD', sourceItems: 'OLD', action: 'Agree a protocol by 01/03/2026' };
const goneEdited: ImprovementAction = { ...l1, ref: 'item:GONE', sourceItems: 'GONE', action: 'Hold a workshop (we changed this)' };
const newDraft: ImprovementAction = { ...l1, ref: 'item:NEW', sourceItems: 'NEW', action: 'Agree a new thing by 31/07/2026.' };

describe('mergePlan', () => {
  row = 4;
  const existing = [
    onTab(oldA2, { drafted: true }),
    onTab(added),
    onTab(editedL1, { hashOf: l1 }),
    onTab(oldItem, { drafted: true }),
    onTab(goneEdited, { hashOf: { ...goneEdited, action: 'Hold a workshop' } }),
  ];
  const out = mergePlan(existing, [...drafted, newDraft], TODAY);
  const strip = ({ origin, sourceStillWeak, smart, draftHash, ...rest }: PlanRowOut) => rest;

  it('keeps the existing order and appends new drafts', () => {
    expect(out.map((r) => [r.ref, r.origin, r.sourceStillWeak])).toEqual([
      ['Aspire', 'drafted', true],
      ['', 'added', null],
      ['Lead', 'edited', true],
      ['item:OLD', 'drafted', false],
      ['item:GONE', 'edited', false],
      ['item:NEW', 'drafted', true],
    ]);
  });

  it('an untouched drafted row is refreshed with the new draft, keeping the dates it was drafted with', () => {
    expect(strip(out[0]!)).toEqual({
      ...a2,
      action: a2.action.replace('31/07/2026', '01/06/2026'),
      date: '2026-06-01',
      progressReportDate: '2026-03-01',
    });
    expect(out[0]!.draftHash).toBe(hashPlanRow(strip(out[0]!)));
    expect(out[0]!.smart).toBe('Not SMART: no key contact');
  });

  it('a row a person edited or added is kept word for word, fingerprint unchanged', () => {
    expect(strip(out[1]!)).toEqual(added);
    expect(out[1]!.draftHash).toBe('');
    expect(out[1]!.smart).toBe('SMART');
    expect(strip(out[2]!)).toEqual(editedL1);
    expect(out[2]!.draftHash).toBe(hashPlanRow(l1));
    expect(out[2]!.smart).toBe('SMART');
  });

  it('a row whose source is no longer weak is kept word for word and marked, never deleted', () => {
    expect(strip(out[3]!)).toEqual(oldItem);
    expect(strip(out[4]!)).toEqual(goneEdited);
  });

  it('a new draft is appended as drafted', () => {
    expect(strip(out[5]!)).toEqual(newDraft);
    expect(out[5]!.draftHash).toBe(hashPlanRow(newDraft));
  });

  it('running again on what it wrote changes nothing', () => {
    // the tab as the add-in wrote it: each row with the fingerprint the merge gave it
    const tab = out.map((r, i) => ({ ...strip(r), at: { sheet: 'Improvement Plan', row: 4 + i, col: 1 }, draftHash: r.draftHash }));
    const again = mergePlan(tab, [...drafted, newDraft], TODAY);
    expect(again).toEqual(out);
  });

  it('a later day does not move the deadline of an untouched draft', () => {
    row = 4;
    const later = draftActions(f, scoreReview(f, rs), reviewData(rs), null, '2026-03-15');
    const first = mergePlan([], drafted, TODAY);
    const tab = first.map((r) => ({ ...strip(r), at: { sheet: 'Improvement Plan', row: row++, col: 1 }, draftHash: r.draftHash }));
    const second = mergePlan(tab, later, '2026-03-15');
    expect(second.map((r) => [r.date, r.progressReportDate])).toEqual([
      ['2026-07-31', '2026-04-30'],
      ['2026-07-31', '2026-04-30'],
    ]);
    // the drafted text never states the date, so the kept date cannot contradict it
    expect(second.map((r) => r.action)).toEqual(drafted.map((d) => d.action));
    expect(second.every((r) => !r.action.includes('2026'))).toBe(true);
  });

  it('a copied row (same ref twice) is not overwritten by the draft', () => {
    row = 4;
    const twice = mergePlan([onTab(oldA2, { drafted: true }), onTab(oldA2, { drafted: true })], drafted, TODAY);
    expect(twice.map((r) => [r.ref, r.origin])).toEqual([
      ['Aspire', 'drafted'],
      ['Aspire', 'edited'],
      ['Lead', 'drafted'],
    ]);
    expect(strip(twice[1]!)).toEqual(oldA2);
  });

  it('an empty tab gets every draft', () => {
    const fresh = mergePlan([], drafted, TODAY);
    expect(fresh.map((r) => strip(r))).toEqual(drafted);
    expect(fresh.every((r) => r.origin === 'drafted' && r.sourceStillWeak === true)).toBe(true);
  });
});

describe('a row without the add-in’s fingerprint is a person’s row, whatever its Ref (issue #11)', () => {
  it('keeps "Action 7" and "CSP-01" as added rows, never "no longer weak", and a copied drafted Ref without a fingerprint too', () => {
    const mine7 = onTab({ ...added, ref: 'Action 7' });
    const csp = onTab({ ...added, ref: 'CSP-01', action: 'Review the CSP terms of reference' });
    const typedAspire = onTab({ ...a2, action: 'Our own words for Aspire' }); // Ref the add-in drafts, no fingerprint
    const out = mergePlan([mine7, csp, typedAspire], drafted, TODAY);
    expect(out.slice(0, 3).map((r) => [r.ref, r.origin, r.sourceStillWeak, r.action])).toEqual([
      ['Action 7', 'added', null, 'Publish the community safety plan'],
      ['CSP-01', 'added', null, 'Review the CSP terms of reference'],
      ['Aspire', 'added', null, 'Our own words for Aspire'],
    ]);
    // the drafted Aspire is added as its own row after the person's (it never replaces theirs); Lead too
    expect(out.slice(3).map((r) => [r.ref, r.origin])).toEqual([
      ['Lead', 'drafted'],
      ['Aspire', 'drafted'],
    ]);
  });
});
