/**
 * Drafting the plan as a facilitator would (issue #12): one row per weak area, ranked, capped, worded by cause, never
 * stating the due date; agreed actions word for word ahead of the drafted row for their area (issue #16).
 * Every expectation below is worked out by hand from the fixtures' scores.
 */
import { describe, expect, it } from 'vitest';
import { FrameworkSchema } from '../../core/framework/schema.js';
import { draftActions, draftPlan, rankAreas } from '../../core/plan/draft.js';
import { compareWithPrevious } from '../../core/scoring/compare.js';
import { scoreReview } from '../../core/scoring/score-review.js';
import { scoreRegister } from '../../core/scoring/register.js';
import { smartText } from '../../core/validation/plan-rows.js';
import { registerRow, resetRows, response, reviewData, settings, treeFramework, workedResponses } from '../scoring/fixtures.js';
import { riskFramework, riskRows, trackerFramework, trackerRows } from '../scoring/register-fixtures.js';

// today + 6 months = 31/07/2026; today + 3 months = 30/04/2026 (31 April does not exist)
const TODAY = '2026-01-31';
const TAIL = {
  date: '2026-07-31',
  keyContact: '',
  leadAgency: '',
  supportNeeded: '',
  howSupportProvided: '',
  progressReportDate: '2026-04-30',
  status: 'Not started',
};
const AGREE = 'Agree with partners what will change, who leads each step and what will show progress by the next review.';
const TALK = 'Talk through why before agreeing what to change.';

describe('draftPlan — one row per weak area, lowest first', () => {
  const f = treeFramework();
  const rs = workedResponses();
  const report = scoreReview(f, rs);

  it('drafts a row per section holding an area for improvement, ranked by its lowest percent, citing its items', () => {
    // A2: 1 and 3 → 2 (50 %, amber), divided (3 − 1 = 2 ≥ ⅔ × 2); comments at score 1, then the one with no valid score.
    // L1: 2, 2, 2, 1 → 1.75 (37.5 %, red). Lead (37.5 %) comes before Aspire (50 %).
    expect(draftActions(f, report, reviewData(rs), null, TODAY)).toEqual([
      {
        ref: 'Lead',
        part: 'Partnership',
        heading: 'Lead',
        sourceItems: 'L1',
        action: `Raise the weakest scores under Lead: L1 “Do we lead transformation?” scored 1.75 of 3 (Red). ${AGREE}`,
        ...TAIL,
      },
      {
        ref: 'Aspire',
        part: 'Partnership',
        heading: 'Aspire',
        sourceItems: 'A2',
        action: `Raise the weakest scores under Aspire: A2 “Do we know local priorities?” scored 2 of 3 (Amber). ${AGREE} Views differ on A2 (scores from 1 to 3). ${TALK} Comments: “Too risk averse”; “Seven out of ten”.`,
        ...TAIL,
      },
    ]);
  });

  it('never states the due date in the text: it lives in the Date column only', () => {
    for (const row of draftActions(f, report, reviewData(rs), null, TODAY, { targetMonths: 12 })) {
      expect(row.date).toBe('2027-01-31');
      expect(row.action).not.toMatch(/31\/01\/2027|2027|complete them by/);
    }
  });

  it('a drafted row is not SMART until someone is named as key contact', () => {
    const [row] = draftActions(f, report, reviewData(rs), null, TODAY);
    expect(smartText(row!, TODAY)).toBe('Not SMART: no key contact');
  });

  it('caps the drafted areas and lists the weak items left out under "Also weak"', () => {
    const d = draftPlan(f, report, reviewData(rs), null, TODAY, { maxAreas: 1 });
    expect(d.rows.map((r) => r.ref)).toEqual(['Lead']);
    expect(d.maxAreas).toBe(1);
    expect(d.alsoWeak).toEqual([
      {
        id: 'A2',
        text: 'Do we know local priorities?',
        partnership: null,
        area: 'Aspire',
        why: '2 of 3 (Amber); divided: scores from 1 to 3',
      },
    ]);
    expect(d.areas.map((a) => [a.ref, a.planned, a.lowestPercent, a.causes])).toEqual([
      ['Lead', true, 37.5, ['low score']],
      ['Aspire', false, 50, ['low score', 'divided opinion']],
    ]);
  });

  it('a green item with divided opinion asks why views differ, and nothing else', () => {
    resetRows();
    const r2 = [3, 3, 3, 1].map((s, i) => response(`R${i}`, '', { A1: s }));
    // (3 + 3 + 3 + 1) / 4 = 2.5 → 75 % green; 3 − 1 = 2 → divided
    const d = draftPlan(f, scoreReview(f, r2), reviewData(r2), null, TODAY);
    expect(d.rows.map((r) => r.action)).toEqual([
      `Views differ under Aspire on A1 “Do we seek challenging outcomes?” (scores from 1 to 3). ${TALK}`,
    ]);
    expect(d.areas[0]!.causes).toEqual(['divided opinion']);
  });

  it('a decline since the last review is named, and raises the area among equals', () => {
    // previous means: L1 2.5 (now 1.75: declined)
    const comparison = compareWithPrevious(report, { cycle: '2025/26', itemMeans: { L1: 2.5 }, sectionMeans: {} });
    const [lead] = draftPlan(f, report, reviewData(rs), null, TODAY, { comparison, previousCycle: '2025/26' }).rows;
    expect(lead!.action).toBe(
      `Raise the weakest scores under Lead: L1 “Do we lead transformation?” scored 1.75 of 3 (Red). ${AGREE} Fallen since 2025/26: L1 (mean 2.5 then, 1.75 now); find out what changed.`,
    );
  });

  it('quotes and quote length are options', () => {
    const aspire = draftActions(f, report, reviewData(rs), null, TODAY, { quotes: 2, quoteLength: 10 })[1]!;
    expect(aspire.action).toContain('Comments: “Too risk…”; “Seven out…”.');
    const one = draftActions(f, report, reviewData(rs), null, TODAY, { quotes: 1 })[1]!;
    expect(one.action.endsWith('Comments: “Too risk averse”.')).toBe(true);
  });

  it('nothing weak, nothing drafted', () => {
    resetRows();
    const good = [response('A', '', { A1: 3, A2: 3, L1: 3, L2: 3 })];
    expect(draftPlan(f, scoreReview(f, good), reviewData(good), null, TODAY)).toEqual({ rows: [], areas: [], alsoWeak: [], maxAreas: 6 });
  });
});

describe('rankAreas', () => {
  it('lowest percent first, then more divided items, then more declines, then framework order', () => {
    const a = (name: string, lowestPercent: number, dividedCount: number, declinedCount: number, order: number) => ({
      name,
      area: { lowestPercent },
      dividedCount,
      declinedCount,
      order,
    });
    const ranked = rankAreas([a('p', 50, 0, 0, 0), a('q', 50, 1, 0, 1), a('r', 25, 0, 0, 2), a('s', 50, 1, 1, 3), a('t', 50, 0, 0, 4)]);
    expect(ranked.map((x) => x.name)).toEqual(['r', 's', 'q', 'p', 't']);
  });
});

describe('draftPlan — several partnerships', () => {
  const f = treeFramework({ multiplePartnerships: true });
  const rs = workedResponses();
  const data = reviewData(rs, { settings: settings({ partnerships: ['Westway', 'Golborne'] }) });

  it('each partnership gets its own rows, from its own scores, named "<area> – <partnership>"', () => {
    // Westway: A1 3,3 green; A2 1,3 → 2 (50 %) amber, divided; L1 2,2 → 2 (50 %) amber.
    // Golborne: A1 2,3 → 2.5 green; A2 no valid scores; L1 2,1 → 1.5 (25 %) red.
    // Ranked: Golborne Lead 25 %; Westway Aspire 50 % with a divided item; Westway Lead 50 %.
    const rows = draftActions(f, scoreReview(f, rs), data, null, TODAY);
    expect(rows.map((r) => [r.ref, r.heading, r.sourceItems])).toEqual([
      ['Lead – Golborne', 'Lead', 'L1'],
      ['Aspire – Westway', 'Aspire', 'A2'],
      ['Lead – Westway', 'Lead', 'L1'],
    ]);
    expect(rows[0]!.action).toBe(
      `Golborne: Raise the weakest scores under Lead: L1 “Do we lead transformation?” scored 1.5 of 3 (Red). ${AGREE}`,
    );
    expect(rows[1]!.action).toBe(
      `Westway: Raise the weakest scores under Aspire: A2 “Do we know local priorities?” scored 2 of 3 (Amber). ${AGREE} Views differ on A2 (scores from 1 to 3). ${TALK} Comments: “Too risk averse”.`,
    );
  });

  it('the cap is per partnership; what is left out is listed with its partnership', () => {
    const d = draftPlan(f, scoreReview(f, rs), data, null, TODAY, { maxAreas: 1 });
    expect(d.rows.map((r) => r.ref)).toEqual(['Lead – Golborne', 'Aspire – Westway']);
    expect(d.alsoWeak).toEqual([
      { id: 'L1', text: 'Do we lead transformation?', partnership: 'Westway', area: 'Lead', why: '2 of 3 (Amber)' },
    ]);
  });

  it('an area for improvement of the whole review that no partnership row cites is listed too', () => {
    // cap 0: no row at all; the whole review's areas (L1 red, A2 amber and divided) are all left out
    const d = draftPlan(f, scoreReview(f, rs), data, null, TODAY, { maxAreas: 0 });
    expect(d.rows).toEqual([]);
    expect(d.alsoWeak.map((w) => [w.id, w.partnership])).toEqual([
      ['L1', 'Golborne'],
      ['A2', 'Westway'],
      ['L1', 'Westway'],
    ]);
  });
});

describe('draftPlan — registers', () => {
  it('tracker rows scored 2 or less → one Part 1 Delivery row per theme, not achieved first', () => {
    const reg = scoreRegister(trackerFramework, trackerRows());
    // No theme given: row 16 achievement 1 (0 %); Crime: row 11 achievement 2 (25 %)
    expect(draftActions(trackerFramework, scoreReview(trackerFramework, []), reviewData([]), reg, TODAY)).toEqual([
      {
        ref: 'Delivery – No theme given',
        part: 'Delivery',
        heading: 'No theme given',
        sourceItems: 'Progress Tracker row 16',
        action:
          'Get delivery under No theme given back on track: “Orphan” not achieved (1 of 5). Agree revised actions, a lead partner and milestones with the theme champions, and the support they need.',
        ...TAIL,
      },
      {
        ref: 'Delivery – Crime',
        part: 'Delivery',
        heading: 'Crime',
        sourceItems: 'Progress Tracker row 11',
        action:
          'Get delivery under Crime back on track: “Street cleaning” little progress (2 of 5), appropriateness of the action 2 of 5. Agree revised actions, a lead partner and milestones with the theme champions, and the support they need.',
        ...TAIL,
      },
    ]);
  });

  it('the tracker threshold is an option: rows of one theme share one row', () => {
    const reg = scoreRegister(trackerFramework, trackerRows());
    const rows = draftActions(trackerFramework, scoreReview(trackerFramework, []), reviewData([]), reg, TODAY, { lowAchievement: 3 });
    // Transport row 15 scores 3 (50 %): after No theme given (0 %) and Crime (25 %)
    expect(rows.map((r) => [r.ref, r.sourceItems])).toEqual([
      ['Delivery – No theme given', 'Progress Tracker row 16'],
      ['Delivery – Crime', 'Progress Tracker row 11'],
      ['Delivery – Transport', 'Progress Tracker row 15'],
    ]);
  });

  it('red risks → one row per risk theme, heading "Risk – <theme>"', () => {
    const reg = scoreRegister(riskFramework, riskRows());
    const rows = draftActions(riskFramework, scoreReview(riskFramework, []), reviewData([]), reg, TODAY);
    expect(rows.map((r) => [r.ref, r.part, r.heading, r.sourceItems])).toEqual([
      ['Risk – Legal', 'Partnership', 'Risk – Legal', 'Risk Register rows 5, 6, 8'],
    ]);
    expect(rows[0]!.action).toBe(
      'Reduce the red risks under Legal: “Challenge to decisions”; “Data sharing” and “Procurement” (likelihood 3 × impact 5 = 15). Agree the actions that will bring each to amber or green, who owns each, and review the rating.',
    );
  });
});

describe('draftPlan — agreed actions come first, word for word (issue #16)', () => {
  const withThemeReview = FrameworkSchema.parse({
    ...trackerFramework,
    register: {
      ...trackerFramework.register!,
      groupSummary: {
        tab: 'Theme Review',
        columns: [
          { id: 'theme', header: 'Theme', type: 'group' },
          { id: 'barriers', header: 'Barriers', type: 'text' },
          { id: 'action', header: 'Action for Improvement', type: 'text' },
        ],
      },
    },
  });
  const STREETSCAPE = 'Develop a streetscape proposal for Golborne Road and/or Ladbroke Grove.';
  const themeReview = [
    registerRow('Theme Review', 5, 'Crime', { barriers: 'Issues surrounding the structural integrity of the bridge', action: STREETSCAPE }),
    registerRow('Theme Review', 6, 'Health', { barriers: null, action: '  Joint outreach with the PCT \n(two sessions)  ' }),
  ];

  it('the Theme Review action for improvement is a row as written, ahead of the drafted row for its theme', () => {
    const reg = scoreRegister(withThemeReview, trackerRows());
    const rows = draftActions(
      withThemeReview,
      scoreReview(withThemeReview, []),
      reviewData([], { groupSummaries: themeReview }),
      reg,
      TODAY,
    );
    expect(rows.map((r) => [r.ref, r.part, r.heading, r.sourceItems])).toEqual([
      ['Delivery – No theme given', 'Delivery', 'No theme given', 'Progress Tracker row 16'],
      ['Crime – action agreed at the theme review', 'Delivery', 'Crime', 'Theme Review row 5'],
      ['Delivery – Crime', 'Delivery', 'Crime', 'Progress Tracker row 11'],
      // Health is not weak: its agreed action still comes in, after the drafted areas
      ['Health – action agreed at the theme review', 'Delivery', 'Health', 'Theme Review row 6'],
    ]);
    // word for word, spaces and line break included
    expect(rows[1]!.action).toBe(STREETSCAPE);
    expect(rows[3]!.action).toBe('  Joint outreach with the PCT \n(two sessions)  ');
    // the drafted row for the same theme quotes the barriers the review recorded
    expect(rows[2]!.action).toContain('Barriers noted at the theme review: “Issues surrounding the structural integrity of the bridge”.');
  });

  it('agreed actions are outside the cap', () => {
    const reg = scoreRegister(withThemeReview, trackerRows());
    const d = draftPlan(withThemeReview, scoreReview(withThemeReview, []), reviewData([], { groupSummaries: themeReview }), reg, TODAY, {
      maxAreas: 0,
    });
    expect(d.rows.map((r) => r.ref)).toEqual(['Crime – action agreed at the theme review', 'Health – action agreed at the theme review']);
    expect(d.alsoWeak.map((w) => [w.id, w.area, w.why])).toEqual([
      ['Progress Tracker row 16', 'No theme given', 'not achieved (1 of 5)'],
      ['Progress Tracker row 11', 'Crime', 'little progress (2 of 5)'],
    ]);
  });

  it('the area for improvement a workshop agreed is a row as written, ahead of the drafted row for its section', () => {
    const f = treeFramework({ sectionFreeText: ['strengths', 'areasForImprovement'] });
    const rs = workedResponses();
    const notes = [
      {
        sectionId: 'ASPIRE',
        strengths: 'Clear outcomes',
        areasForImprovement: 'Silos, (themes) but need to join up\nCould be more citizen focussed',
        at: { sheet: 'Workshop Notes', row: 5, col: 1 },
      },
      { sectionId: 'LEAD', strengths: '', areasForImprovement: '', at: { sheet: 'Workshop Notes', row: 6, col: 1 } },
    ];
    const rows = draftActions(f, scoreReview(f, rs), reviewData(rs, { sectionFreeText: notes }), null, TODAY);
    expect(rows.map((r) => [r.ref, r.sourceItems])).toEqual([
      ['Lead', 'L1'],
      ['Aspire – agreed at the workshop', 'Workshop Notes, Aspire'],
      ['Aspire', 'A2'],
    ]);
    expect(rows[1]!.action).toBe('Silos, (themes) but need to join up\nCould be more citizen focussed');
  });
});

describe('draftPlan — an item named by its id', () => {
  it('reads the guidance instead of repeating the id', () => {
    const f = treeFramework({
      sections: [
        {
          id: 'ASPIRE',
          title: 'ASPIRE',
          items: [{ id: 'ASPIRE', text: 'ASPIRE', guidance: 'How the partnership aspires', fields: ['score', 'comment'] }],
        },
      ],
    });
    resetRows();
    const rs = [response('A', '', { ASPIRE: 1 }), response('B', '', { ASPIRE: 2 })];
    const [row] = draftActions(f, scoreReview(f, rs), reviewData(rs), null, TODAY);
    // (1 + 2) / 2 = 1.5 → 25 % red; 2 − 1 = 1 < ⅔ × 2, not divided
    expect(row!.action).toBe(`Raise ASPIRE (how the partnership aspires), scored 1.5 of 3 (Red). ${AGREE}`);
    expect(row!.ref).toBe('ASPIRE');
    expect(row!.heading).toBe('ASPIRE');
  });
});
