import { describe, expect, it } from 'vitest';
import { draftActions } from '../../core/plan/draft.js';
import { scoreReview } from '../../core/scoring/score-review.js';
import { scoreRegister } from '../../core/scoring/register.js';
import { smartText } from '../../core/validation/plan-rows.js';
import { resetRows, response, reviewData, settings, treeFramework, workedResponses } from '../scoring/fixtures.js';
import { riskFramework, riskRows, trackerFramework, trackerRows } from '../scoring/register-fixtures.js';

// today + 6 months = 31/07/2026; today + 3 months = 30/04/2026 (31 April does not exist)
const TODAY = '2026-01-31';
const TAIL = { date: '2026-07-31', keyContact: '', leadAgency: '', supportNeeded: '', howSupportProvided: '', progressReportDate: '2026-04-30', status: 'Not started' };
const GOAL = 'Agree actions with partners to raise this to at least 2.5 of 3 (Green) at the next review, and complete them by 31/07/2026.';

describe('draftActions — areas for improvement', () => {
  const f = treeFramework();
  const rs = workedResponses();
  const report = scoreReview(f, rs);

  it('one Part 2 row per area for improvement, in framework order, drafted from the item and its comments', () => {
    expect(draftActions(f, report, reviewData(rs), null, TODAY)).toEqual([
      {
        ref: 'item:A2',
        part: 'Partnership',
        heading: 'Aspire',
        sourceItems: 'A2',
        // A2: 1 and 3 → mean 2 (50 %, amber), divided; comments at score 1, then the one without a valid score
        action: `Improve “Do we know local priorities?” (A2): scored 2 of 3 (Amber); divided opinion, scores from 1 to 3. Comments: “Too risk averse”; “Seven out of ten”. ${GOAL}`,
        ...TAIL,
      },
      {
        ref: 'item:L1',
        part: 'Partnership',
        heading: 'Lead',
        sourceItems: 'L1',
        action: `Improve “Do we lead transformation?” (L1): scored 1.75 of 3 (Red). ${GOAL}`,
        ...TAIL,
      },
    ]);
  });

  it('a drafted row is not SMART until someone is named as key contact', () => {
    const [row] = draftActions(f, report, reviewData(rs), null, TODAY);
    expect(smartText(row!, TODAY)).toBe('Not SMART: no key contact');
  });

  it('a green item with divided opinion asks why views differ', () => {
    resetRows();
    const r2 = [3, 3, 3, 1].map((s, i) => response(`R${i}`, '', { A1: s }));
    // (3 + 3 + 3 + 1) / 4 = 2.5 → 75 % green; 3 − 1 = 2 → divided
    const rows = draftActions(f, scoreReview(f, r2), reviewData(r2), null, TODAY);
    expect(rows.map((r) => r.action)).toEqual([
      'Improve “Do we seek challenging outcomes?” (A1): scored 2.5 of 3 (Green); divided opinion, scores from 1 to 3. Discuss why views differ, agree actions on the weaknesses raised and complete them by 31/07/2026.',
    ]);
  });

  it('dates, number of quotes and quote length are options', () => {
    const [a2] = draftActions(f, report, reviewData(rs), null, TODAY, { targetMonths: 12, progressMonths: 1, quotes: 2, quoteLength: 10 });
    expect(a2!.date).toBe('2027-01-31');
    expect(a2!.progressReportDate).toBe('2026-02-28');
    expect(a2!.action).toContain('Comments: “Too risk…”; “Seven out…”.');
    expect(a2!.action).toContain('complete them by 31/01/2027.');
    const [one] = draftActions(f, report, reviewData(rs), null, TODAY, { quotes: 1 });
    expect(one!.action).toContain('Comments: “Too risk averse”. Agree');
  });

  it('nothing weak, nothing drafted', () => {
    resetRows();
    const good = [response('A', '', { A1: 3, A2: 3, L1: 3, L2: 3 })];
    expect(draftActions(f, scoreReview(f, good), reviewData(good), null, TODAY)).toEqual([]);
  });
});

describe('draftActions — several partnerships', () => {
  it('each partnership gets rows for the items weak in it, from its own scores and comments', () => {
    const f = treeFramework({ multiplePartnerships: true });
    const rs = workedResponses();
    const data = reviewData(rs, { settings: settings({ partnerships: ['Westway', 'Golborne'] }) });
    const rows = draftActions(f, scoreReview(f, rs), data, null, TODAY);
    // Westway: A1 3,3 green; A2 1,3 → 2 amber, divided; L1 2,2 → 2 amber.
    // Golborne: A1 2,3 → 2.5 green; A2 no valid scores; L1 2,1 → 1.5 (25 %) red.
    expect(rows.map((r) => r.ref)).toEqual(['item:A2|Westway', 'item:L1|Westway', 'item:L1|Golborne']);
    expect(rows[0]!.action).toBe(
      `Westway: Improve “Do we know local priorities?” (A2): scored 2 of 3 (Amber); divided opinion, scores from 1 to 3. Comments: “Too risk averse”. ${GOAL}`,
    );
    expect(rows[2]!.action).toBe(`Golborne: Improve “Do we lead transformation?” (L1): scored 1.5 of 3 (Red). ${GOAL}`);
    expect(rows.every((r) => r.heading === (r.sourceItems === 'A2' ? 'Aspire' : 'Lead'))).toBe(true);
  });
});

describe('draftActions — registers', () => {
  it('tracker rows scored 2 or less → Part 1 Delivery, by theme', () => {
    const reg = scoreRegister(trackerFramework, trackerRows());
    const rows = draftActions(trackerFramework, scoreReview(trackerFramework, []), reviewData([]), reg, TODAY);
    expect(rows).toEqual([
      {
        ref: 'tracker:Crime|11',
        part: 'Delivery',
        heading: 'Crime',
        sourceItems: 'Progress Tracker row 11',
        action:
          'Get “Street cleaning” (Crime) back on track: achievement scored 2 of 5 (little progress); appropriateness of the action scored 2 of 5. Agree revised actions, a lead partner and milestones with the theme champions, and complete them by 31/07/2026.',
        ...TAIL,
      },
      {
        ref: 'tracker:No theme given|16',
        part: 'Delivery',
        heading: 'No theme given',
        sourceItems: 'Progress Tracker row 16',
        action:
          'Get “Orphan” (No theme given) back on track: achievement scored 1 of 5 (not achieved). Agree revised actions, a lead partner and milestones with the theme champions, and complete them by 31/07/2026.',
        ...TAIL,
      },
    ]);
  });

  it('red risks → Part 2, heading "Risk – <theme>"', () => {
    const reg = scoreRegister(riskFramework, riskRows());
    const rows = draftActions(riskFramework, scoreReview(riskFramework, []), reviewData([]), reg, TODAY);
    expect(rows.map((r) => [r.ref, r.part, r.heading, r.sourceItems])).toEqual([
      ['risk:Legal|5', 'Partnership', 'Risk – Legal', 'Risk Register row 5'],
      ['risk:Legal|6', 'Partnership', 'Risk – Legal', 'Risk Register row 6'],
      ['risk:Legal|8', 'Partnership', 'Risk – Legal', 'Risk Register row 8'],
    ]);
    expect(rows[0]!.action).toBe(
      'Reduce the risk “Challenge to decisions” (Legal), rated Red: agree the actions that will bring it to Amber or Green and who owns each, and review the rating by 31/07/2026.',
    );
    expect(rows[2]!.action).toBe(
      'Reduce the risk “Procurement” (Legal), rated Red (likelihood 3 × impact 5 = 15): agree the actions that will bring it to Amber or Green and who owns each, and review the rating by 31/07/2026.',
    );
  });

  it('the tracker threshold is an option', () => {
    const reg = scoreRegister(trackerFramework, trackerRows());
    const rows = draftActions(trackerFramework, scoreReview(trackerFramework, []), reviewData([]), reg, TODAY, { lowAchievement: 3 });
    expect(rows.map((r) => r.ref)).toEqual(['tracker:Crime|11', 'tracker:Transport|15', 'tracker:No theme given|16']);
  });
});

describe('draftActions — an item named by its id', () => {
  it('reads the guidance instead of repeating the id', () => {
    const f = treeFramework({
      sections: [{ id: 'ASPIRE', title: 'ASPIRE', items: [{ id: 'ASPIRE', text: 'ASPIRE', guidance: 'How the partnership aspires', fields: ['score', 'comment'] }] }],
    });
    resetRows();
    const rs = [response('A', '', { ASPIRE: 1 }), response('B', '', { ASPIRE: 2 })];
    const [row] = draftActions(f, scoreReview(f, rs), reviewData(rs), null, TODAY);
    // (1 + 2) / 2 = 1.5 → 25 % red; 2 − 1 = 1 < ⅔ × 2, not divided
    expect(row!.action).toBe(`Improve ASPIRE (how the partnership aspires): scored 1.5 of 3 (Red). ${GOAL}`);
    expect(row!.heading).toBe('ASPIRE');
  });
});
