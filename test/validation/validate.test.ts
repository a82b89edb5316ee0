import { describe, expect, it } from 'vitest';
import { validateReview } from '../../core/validation/validate.js';
import { cellLabel } from '../../core/util/a1.js';
import type { Problem } from '../../core/validation/types.js';
import { registerRow, resetRows, response, reviewData, settings, TREE_SCALE, treeFramework } from '../scoring/fixtures.js';
import { riskFramework, trackerFramework } from '../scoring/register-fixtures.js';
import { FrameworkSchema } from '../../core/framework/schema.js';

const TODAY = '2026-01-05';
const ORDER = ['A1', 'A2', 'L1', 'L2'];
/** `Sheet!A1 [severity code] message`, for readable expectations. */
const lines = (ps: Problem[]) => ps.map((p) => `${p.at ? cellLabel(p.at) : '-'} [${p.severity} ${p.code}] ${p.message}`);
const TREE_HELP = 'Enter 1, 2 or 3 (or weak/needs improvement, present in parts, strong), or N/A if it does not apply.';

describe('scores', () => {
  it('out of scale: names the value and lists the values and labels', () => {
    resetRows(7);
    const ps = validateReview(treeFramework(), reviewData([response('Ann', '', { A1: 7 }, ORDER)]), TODAY);
    expect(lines(ps)).toEqual([`Responses!C7 [error score.out-of-scale] “7” is not on the scale. ${TREE_HELP}`]);
    expect(ps[0]).toMatchObject({ respondent: 'Ann', itemId: 'A1', field: 'score' });
  });

  it('mixed invalid entries in one row: each reported at its own cell; valid, blank and N/A are not', () => {
    resetRows(4);
    const r = response('Bo', '', { A1: 'very good', A2: { score: ' STRONG ' }, L1: true, L2: 2.5 }, ORDER);
    resetRows(5);
    const ok = response('Cy', '', { A1: 'N/A', A2: 'don’t know', L1: '', L2: '3 = strong' }, ORDER);
    expect(lines(validateReview(treeFramework(), reviewData([r, ok]), TODAY))).toEqual([
      `Responses!C4 [error score.not-recognised] “very good” is not a score. ${TREE_HELP}`,
      `Responses!W4 [error score.not-recognised] “TRUE” is not a score. ${TREE_HELP}`,
      `Responses!AG4 [error score.out-of-scale] “2.5” is not on the scale. ${TREE_HELP}`,
    ]);
  });

  it('a scale with "Don\'t know" offers it in the message', () => {
    const f = treeFramework({
      scales: [
        {
          id: 'ypn',
          points: [
            { value: 1, label: 'No' },
            { value: 2, label: 'Partly' },
            { value: 3, label: 'Yes' },
          ],
          notScored: ["Don't know"],
        },
      ],
      defaultScale: 'ypn',
    });
    resetRows(9);
    const ps = validateReview(f, reviewData([response('Ann', '', { A1: 'maybe' }, ORDER)]), TODAY);
    expect(ps[0]!.message).toBe(
      "“maybe” is not a score. Enter 1, 2 or 3 (or No, Partly, Yes), or N/A if it does not apply, or Don't know if you cannot say.",
    );
  });
});

describe('respondents and partnerships', () => {
  it('duplicate respondent (same name and partnership, any case and spacing): the second row is pointed at', () => {
    resetRows(5);
    const rs = [
      response('Ann Lee', 'Westway', { A1: 3 }),
      response('Ann Lee', 'Golborne', { A1: 3 }), // another partnership: not a duplicate
      response('  ann   LEE ', 'WESTWAY', { A1: 2 }),
    ];
    const ps = validateReview(treeFramework(), reviewData(rs, { settings: settings({ partnerships: ['Westway', 'Golborne'] }) }), TODAY);
    expect(lines(ps)).toEqual([
      'Responses!A7 [warning respondent.duplicate] “ann   LEE” for WESTWAY already has a row at Responses!A5. If it is the same person, keep one row and clear the other; if it is someone else with the same name, add an initial or their organisation to tell them apart.',
    ]);
  });

  it('answers without a name', () => {
    resetRows(8);
    const ps = validateReview(treeFramework(), reviewData([response(' ', '', { A1: 3 }), response('', '', { A1: null })]), TODAY);
    expect(lines(ps)).toEqual([
      'Responses!A8 [warning respondent.no-name] This row has answers but no respondent name. Enter the name (or a label such as “Respondent 4”) so that duplicates can be spotted.',
    ]);
  });

  it('unknown partnership points at the partnership cell when the reader gives it', () => {
    resetRows(6);
    const r = { ...response('Ann', 'Westwey', { A1: 3 }), partnershipAt: { sheet: 'Responses', row: 6, col: 2 } };
    const ps = validateReview(treeFramework(), reviewData([r], { settings: settings({ partnerships: ['Westway', 'Golborne'] }) }), TODAY);
    expect(lines(ps)).toEqual([
      'Responses!B6 [error partnership.unknown] “Westwey” is not one of the partnerships on Review Settings (Westway or Golborne). Choose one of those, or add it to the list on Review Settings.',
    ]);
  });

  it('no partnership, when the review holds several', () => {
    const f = treeFramework({ multiplePartnerships: true });
    resetRows(6);
    const data = reviewData([response('Ann', '', { A1: 3 }), response('Bo', ' ', {})], {
      settings: settings({ partnerships: ['Westway', 'Golborne'] }),
    });
    expect(lines(validateReview(f, data, TODAY))).toEqual([
      'Responses!A6 [warning partnership.missing] No partnership given, so these answers count only in the whole-review figures. Choose the partnership (Westway or Golborne).',
    ]);
    // one partnership only: nothing to choose
    expect(validateReview(f, reviewData(data.responses, { settings: settings({ partnerships: ['Westway'] }) }), TODAY)).toEqual([]);
  });
});

describe('required evidence', () => {
  const f = treeFramework({
    sections: [
      {
        id: 'STRAT',
        title: 'Strategic',
        items: [
          { id: '2.1.3', text: 'Leadership', fields: ['score', 'evidence', 'progress'], evidenceRequired: true },
          { id: '2.1.4', text: 'Structure', fields: ['score', 'evidence'] },
        ],
      },
    ],
  });

  it('a score without evidence is flagged at the evidence cell; no score or N/A needs none', () => {
    resetRows(10);
    const rs = [
      response('Ann', '', { '2.1.3': { score: 2, evidence: '  ' }, '2.1.4': { score: 1, evidence: null } }),
      response('Bo', '', { '2.1.3': { score: 3, evidence: 'Minutes of 12/03' } }),
      response('Cy', '', { '2.1.3': { score: 'N/A', evidence: '' } }),
      response('Di', '', { '2.1.3': { score: null, evidence: null, progress: 'x' } }),
    ];
    expect(lines(validateReview(f, reviewData(rs), TODAY))).toEqual([
      'Responses!E10 [warning evidence.missing] A score is given for 2.1.3 but no evidence. Enter the evidence that demonstrates this standard (documents, minutes, figures), or clear the score until there is some.',
    ]);
  });
});

describe('registers', () => {
  it('tracker: scores off the scale, bad dates; good dates in every accepted form pass', () => {
    const s = 'Progress Tracker';
    const rows = [
      registerRow(s, 10, 'Crime', { theme: 'Crime', issue: 'Burglary', achievement: 6, appropriateness: 'fine', reviewed: '31/02/2026' }),
      registerRow(s, 11, 'Crime', { theme: 'Crime', issue: 'a', achievement: 5, appropriateness: ' achieved ', reviewed: '2026-01-05' }),
      registerRow(s, 12, 'Crime', { theme: 'Crime', issue: 'b', achievement: '1', reviewed: '5/1/26' }),
      registerRow(s, 13, 'Crime', { theme: 'Crime', issue: 'c', reviewed: 45662 }),
      registerRow(s, 14, 'Crime', { theme: 'Crime', issue: 'd', reviewed: 'soon' }),
      registerRow(s, 15, 'Crime', { theme: 'Crime', issue: null, achievement: null }), // empty row: not checked
    ];
    const help =
      'Enter 1, 2, 3, 4 or 5 (or not achieved, little progress, partially achieved, mostly achieved, achieved), or N/A if it does not apply.';
    expect(lines(validateReview(trackerFramework, reviewData([], { register: rows }), TODAY))).toEqual([
      `Progress Tracker!D10 [error register.score.out-of-scale] Achievement: “6” is not on the scale. ${help}`,
      `Progress Tracker!E10 [error register.score.not-recognised] Appropriateness: “fine” is not a score. ${help}`,
      'Progress Tracker!F10 [error register.bad-date] Date reviewed: “31/02/2026” is not a date. Enter it as dd/mm/yyyy, for example 05/01/2026.',
      'Progress Tracker!D14 [error register.bad-date] Date reviewed: “soon” is not a date. Enter it as dd/mm/yyyy, for example 05/01/2026.',
    ]);
  });

  it('risk: ratings that are not Red/Amber/Green', () => {
    const s = 'Risk Register';
    const rows = [
      registerRow(s, 5, 'Legal', { scenario: 'x', rating: 'Purple' }),
      registerRow(s, 6, 'Legal', { scenario: 'y', rating: 'moderate' }),
      registerRow(s, 7, 'Legal', { scenario: 'z', likelihood: 9, rating: 'GREEN' }),
    ];
    expect(lines(validateReview(riskFramework, reviewData([], { register: rows }), TODAY))).toEqual([
      'Risk Register!C5 [error register.rag-invalid] Rating: “Purple” is not a traffic-light rating. Enter Red, Amber or Green (High, Moderate and Low are also accepted).',
      'Risk Register!C7 [error register.score.out-of-scale] Likelihood: “9” is not on the scale. Enter 1, 2, 3, 4 or 5 (or very low, low, medium, high, very high), or N/A if it does not apply.',
    ]);
  });

  it('required register cells and group summaries', () => {
    const f = FrameworkSchema.parse({
      ...trackerFramework,
      register: {
        ...trackerFramework.register!,
        columns: [...trackerFramework.register!.columns.map((c) => (c.id === 'issue' ? { ...c, required: true } : c))],
        groupSummary: {
          tab: 'Theme Review',
          columns: [
            { id: 'date', header: 'Date of review', type: 'date' },
            { id: 'barriers', header: 'Barriers', type: 'text' },
          ],
        },
      },
    });
    const rows = [registerRow('Progress Tracker', 20, 'Health', { theme: 'Health', issue: ' ', achievement: 3 })];
    const summaries = [
      registerRow('Theme Review', 4, 'Health', { date: '1/13/2026', barriers: 'Funding' }),
      registerRow('Theme Review', 5, 'Crime', { date: null, barriers: null }),
    ];
    expect(lines(validateReview(f, reviewData([], { register: rows, groupSummaries: summaries }), TODAY))).toEqual([
      'Progress Tracker!C20 [warning register.required] “Issue” is empty. Fill it in: this column is needed for every row.',
      'Theme Review!B4 [error register.bad-date] Date of review: “1/13/2026” is not a date. Enter it as dd/mm/yyyy, for example 05/01/2026.',
    ]);
  });
});

describe('in-depth reviews (each criterion at least once every three years)', () => {
  const f = treeFramework({
    inDepth: { everyYears: 3 },
    sections: ['Strategic', 'Inclusive', 'Action-Focused', 'Efficient'].map((t, i) => ({
      id: `S${i + 1}`,
      title: t,
      items: [{ id: `S${i + 1}.1`, text: t, fields: ['score'] }],
    })),
  });

  it('warns for each section due (or with no record) and not chosen this cycle', () => {
    const s = settings({
      cycle: '2026/27',
      inDepthSections: ['S1', 'efficient'],
      lastInDepth: { S1: 2020, S2: 2023, S3: 2024, S4: 2019 },
      lastInDepthAt: { S2: { sheet: 'Review Settings', row: 9, col: 3 } },
    });
    // S1 and S4 (by title) are chosen; S2: 2026 − 2023 = 3 ≥ 3 → due; S3: 2 years → fine
    expect(lines(validateReview(f, reviewData([], { settings: s }), TODAY))).toEqual([
      'Review Settings!C9 [warning in-depth.due] “Inclusive” was last reviewed in depth in 2023, 3 years before this cycle. Each criterion must be reviewed in depth at least once every 3 years: choose it for in-depth review this cycle on Review Settings.',
    ]);
    const unknown = settings({ cycle: '2026/27', inDepthSections: ['S1'], lastInDepth: { S2: 2025, S3: 2025 } });
    expect(lines(validateReview(f, reviewData([], { settings: unknown }), TODAY))).toEqual([
      '- [warning in-depth.unknown] There is no record of when “Efficient” was last reviewed in depth. Each criterion must be reviewed in depth at least once every 3 years: choose it for in-depth review this cycle, or enter the year of its last in-depth review, on Review Settings.',
    ]);
  });

  it('no choice means every section is reviewed in depth: no warnings', () => {
    expect(validateReview(f, reviewData([], { settings: settings({ inDepthSections: [], lastInDepth: { S1: 2000 } }) }), TODAY)).toEqual(
      [],
    );
  });

  it('a cycle without a year, and a chosen section that does not exist', () => {
    const s = settings({ cycle: 'this year', inDepthSections: ['Strategic', 'Finance'] });
    expect(lines(validateReview(f, reviewData([], { settings: s }), TODAY))).toEqual([
      "- [warning in-depth.unknown-section] “Finance” is chosen for in-depth review on Review Settings but is not one of this framework's criteria (Strategic, Inclusive, Action-Focused or Efficient). Correct the name.",
      '- [warning settings.cycle] The cycle “this year” has no year, so in-depth reviews cannot be checked. Enter the cycle on Review Settings with its year, for example 2026/27.',
    ]);
  });

  it('frameworks without in-depth reviews are not checked', () => {
    expect(
      validateReview(
        treeFramework({ scales: [TREE_SCALE] }),
        reviewData([], { settings: settings({ cycle: '?', inDepthSections: ['x'] }) }),
        TODAY,
      ),
    ).toEqual([]);
  });
});
