import { describe, expect, it } from 'vitest';
import { FrameworkSchema } from '../../core/framework/schema.js';
import { scoreReview } from '../../core/scoring/score-review.js';
import { resetRows, response, TREE_SCALE, treeFramework, workedResponses } from './fixtures.js';

describe('scoreReview — the worked example', () => {
  const report = scoreReview(treeFramework(), workedResponses());
  const item = (id: string) => report.items.find((i) => i.id === id)!;

  it('counts respondents with at least one entry (R5 is blank)', () => {
    expect(report.respondents).toBe(4);
    expect(report.frameworkId).toBe('tree-test');
  });

  it('scores only items with a score field, in framework order', () => {
    expect(report.items.map((i) => i.id)).toEqual(['A1', 'A2', 'L1', 'L2']);
  });

  it('A1: 3, strong, " 2 ", 3 → n 4 of 5', () => {
    const a1 = item('A1');
    expect(a1.sectionId).toBe('ASPIRE');
    expect(a1.n).toBe(4);
    expect(a1.missing).toBe(1); // 5 rows − 4
    expect(a1.mean).toBe(2.75); // (3 + 3 + 2 + 3) / 4
    expect(a1.median).toBe(3); // sorted 2 3 3 3 → (3 + 3) / 2
    // deviations .25 .25 −.75 .25 → squares sum .75; / 3 = .25; √ = .5
    expect(a1.sd).toBeCloseTo(0.5, 12);
    expect(a1.min).toBe(2);
    expect(a1.max).toBe(3);
    expect(a1.counts).toEqual({ '1': 0, '2': 1, '3': 3 });
    expect(a1.percent).toBe(87.5); // (2.75 − 1) / 2 × 100
    expect(a1.rag).toBe('green');
    expect(a1.divided).toBe(false); // range 1 < ⅔ × 2
  });

  it('A2: 1, 3, "7" (invalid), "x" (invalid), blank → n 2, divided', () => {
    const a2 = item('A2');
    expect(a2.n).toBe(2);
    expect(a2.missing).toBe(3); // invalid and blank both count as missing
    expect(a2.mean).toBe(2);
    expect(a2.median).toBe(2);
    expect(a2.sd).toBeCloseTo(Math.SQRT2, 12); // ((−1)² + 1²) / 1 = 2
    expect(a2.counts).toEqual({ '1': 1, '2': 0, '3': 1 });
    expect(a2.percent).toBe(50); // (2 − 1) / 2 × 100
    expect(a2.rag).toBe('amber');
    expect(a2.divided).toBe(true); // 3 − 1 = 2 ≥ ⅔ × 2
  });

  it('L1: 2, 2, "Present in parts", 1 → red', () => {
    const l1 = item('L1');
    expect(l1.n).toBe(4);
    expect(l1.mean).toBe(1.75); // 7 / 4
    expect(l1.median).toBe(2);
    expect(l1.sd).toBeCloseTo(0.5, 12);
    expect(l1.percent).toBe(37.5); // 0.75 / 2 × 100
    expect(l1.rag).toBe('red');
    expect(l1.divided).toBe(false);
  });

  it('L2: N/A, blank, "", TRUE, blank → n 0: nothing but missing', () => {
    expect(item('L2')).toEqual({
      id: 'L2',
      sectionId: 'LEAD',
      n: 0,
      missing: 5,
      mean: null,
      median: null,
      sd: null,
      min: null,
      max: null,
      counts: { '1': 0, '2': 0, '3': 0 },
      percent: null,
      rag: null,
      divided: false,
    });
  });

  it('sections: mean of item means with n > 0; the free-text section is left out', () => {
    expect(report.sections).toEqual([
      // (2.75 + 2) / 2 = 2.375; (87.5 + 50) / 2 = 68.75 → amber; total 2.75 + 2
      { id: 'ASPIRE', title: 'Aspire', mean: 2.375, percent: 68.75, rag: 'amber', total: 4.75 },
      // only L1 has scores
      { id: 'LEAD', title: 'Lead', mean: 1.75, percent: 37.5, rag: 'red', total: 1.75 },
    ]);
  });

  it('overall: mean of section means', () => {
    // (2.375 + 1.75) / 2 = 2.0625; (68.75 + 37.5) / 2 = 53.125 → amber
    expect(report.overall).toEqual({ mean: 2.0625, percent: 53.125, rag: 'amber' });
  });

  it('strengths and areas for improvement', () => {
    expect(report.strengths).toEqual(['A1']);
    // L1 37.5 % before A2 50 %
    expect(report.areasForImprovement).toEqual(['L1', 'A2']);
  });

  it('comments grouped by score, ascending; no-score comments under other; blanks dropped', () => {
    expect(report.comments).toEqual([
      {
        itemId: 'A1',
        groups: [
          { score: '1', comments: [] },
          { score: '2', comments: ['Silos'] },
          { score: '3', comments: ['Good outcomes'] },
        ],
      },
      {
        itemId: 'A2',
        groups: [
          { score: '1', comments: ['Too risk averse'] },
          { score: '2', comments: [] },
          { score: '3', comments: [] },
          { score: 'other', comments: ['Seven out of ten'] },
        ],
      },
      {
        itemId: 'L1',
        groups: [
          { score: '1', comments: [] },
          { score: '2', comments: [] },
          { score: '3', comments: [] },
        ],
      },
    ]);
  });

  it('filters by partnership as the live COUNTIFS formulas do: ignoring case (the name asked for is trimmed)', () => {
    const west = scoreReview(treeFramework(), workedResponses(), { partnership: '  WESTWAY ' });
    expect(west.respondents).toBe(2);
    const a2 = west.items.find((i) => i.id === 'A2')!;
    expect(a2.n).toBe(2);
    expect(a2.missing).toBe(0); // only the two Westway rows are counted
    const a1 = west.items.find((i) => i.id === 'A1')!;
    expect(a1.mean).toBe(3);
    expect(a1.sd).toBe(0);
  });
});

describe('scoreReview — edge cases', () => {
  it('no responses at all', () => {
    const r = scoreReview(treeFramework(), []);
    expect(r.respondents).toBe(0);
    expect(r.items.every((i) => i.n === 0 && i.missing === 0 && i.mean === null && i.rag === null)).toBe(true);
    expect(r.sections.every((s) => s.mean === null && s.percent === null && s.rag === null && s.total === null)).toBe(true);
    expect(r.overall).toEqual({ mean: null, percent: null, rag: null });
    expect(r.strengths).toEqual([]);
    expect(r.areasForImprovement).toEqual([]);
  });

  it('everyone missing: n 0 everywhere, missing = rows', () => {
    resetRows();
    const rs = [response('A', '', { A1: 'N/A', A2: "Don't know" }), response('B', '', { A1: null, L1: '' }), response('C', '', {})];
    const r = scoreReview(treeFramework(), rs);
    expect(r.respondents).toBe(1); // only A: "N/A" and "Don't know" are entries; B typed only blanks, C nothing
    expect(r.items.map((i) => [i.n, i.missing])).toEqual([
      [0, 3],
      [0, 3],
      [0, 3],
      [0, 3],
    ]);
    expect(r.overall.mean).toBeNull();
    expect(r.areasForImprovement).toEqual([]);
  });

  it('n = 1: median is the score, SD is null, never divided', () => {
    resetRows();
    const r = scoreReview(treeFramework(), [response('A', '', { A1: 1 })]);
    const a1 = r.items[0]!;
    expect([a1.n, a1.mean, a1.median, a1.sd, a1.min, a1.max, a1.divided]).toEqual([1, 1, 1, null, 1, 1, false]);
    expect(a1.percent).toBe(0);
    expect(a1.rag).toBe('red');
  });

  it('RAG boundaries on 1–3: 2.5 is green (75 %), 2.0 amber (50 %), just below amber is red', () => {
    resetRows();
    const rs = [
      response('A', '', { A1: 3, A2: 2, L1: 2 }),
      response('B', '', { A1: 2, A2: 2, L1: 1 }),
      response('C', '', { A1: 3, A2: 2, L1: 2 }),
      response('D', '', { A1: 2, A2: 2, L1: 2 }),
    ];
    const r = scoreReview(treeFramework(), rs);
    const [a1, a2, l1] = r.items;
    expect([a1!.mean, a1!.percent, a1!.rag]).toEqual([2.5, 75, 'green']); // 10 / 4
    expect([a2!.mean, a2!.percent, a2!.rag]).toEqual([2, 50, 'amber']);
    expect([l1!.mean, l1!.percent, l1!.rag]).toEqual([1.75, 37.5, 'red']);
  });

  it('RAG thresholds are configurable', () => {
    resetRows();
    const rs = [response('A', '', { A1: 3 }), response('B', '', { A1: 2 })];
    const r = scoreReview(treeFramework({ rag: { green: 80, amber: 40 } }), rs);
    expect(r.items[0]!.rag).toBe('amber'); // 75 % < 80 %
  });

  it('divided opinion on a 1–5 scale: needs a spread of at least ⅔ × 4 = 2.67', () => {
    const f = treeFramework({
      scales: [TREE_SCALE, { id: 'five', points: [1, 2, 3, 4, 5].map((v) => ({ value: v, label: `p${v}` })) }],
      defaultScale: 'five',
    });
    resetRows();
    const r = scoreReview(f, [response('A', '', { A1: 1, A2: 2, L1: 5 }), response('B', '', { A1: 4, A2: 4, L1: 5 })]);
    expect(r.items[0]!.divided).toBe(true); // 4 − 1 = 3
    expect(r.items[1]!.divided).toBe(false); // 4 − 2 = 2
    expect(r.items[2]!.divided).toBe(false); // agreement
  });

  it('divided compares with a tiny tolerance (0.1 × 3 is 0.30000000000000004 in floating point)', () => {
    const f = treeFramework({
      scales: [{ id: 'odd', points: [0, 0.3, 1, 2, 3].map((v) => ({ value: v, label: `v${v}` })) }],
      defaultScale: 'odd',
      dividedFraction: 0.1,
    });
    resetRows();
    const r = scoreReview(f, [response('A', '', { A1: 0 }), response('B', '', { A1: 0.3 })]);
    expect(r.items[0]!.divided).toBe(true);
  });

  it('item weights: section mean is the weighted mean of item means', () => {
    const f = treeFramework({
      sections: [
        {
          id: 'S',
          title: 'S',
          items: [
            { id: 'X', text: 'x', fields: ['score'], weight: 3 },
            { id: 'Y', text: 'y', fields: ['score'], weight: 1 },
          ],
        },
      ],
    });
    resetRows();
    const r = scoreReview(f, [response('A', '', { X: 3, Y: 1 })]);
    // (3 × 3 + 1 × 1) / 4 = 2.5; percents (100 × 3 + 0 × 1) / 4 = 75
    expect(r.sections[0]).toMatchObject({ mean: 2.5, percent: 75, rag: 'green', total: 4 });
  });

  it('a section mixing scales: plain mean of item means, weighted mean of item percents', () => {
    const f = treeFramework({
      scales: [TREE_SCALE, { id: 'five', points: [1, 2, 3, 4, 5].map((v) => ({ value: v, label: `p${v}` })) }],
      sections: [
        {
          id: 'S',
          title: 'S',
          items: [
            { id: 'X', text: 'x', fields: ['score'] },
            { id: 'Y', text: 'y', fields: ['score'], scale: 'five', weight: 3 },
          ],
        },
      ],
    });
    resetRows();
    const r = scoreReview(f, [response('A', '', { X: 3, Y: 4 })]);
    // X 100 %, Y (4 − 1) / 4 = 75 %; mean (3 + 4) / 2 = 3.5; percent (100 × 1 + 75 × 3) / 4 = 81.25
    expect(r.sections[0]).toMatchObject({ mean: 3.5, percent: 81.25, rag: 'green', total: 7 });
  });

  it('section weights: overall is the weighted mean of section means and percents', () => {
    const f = treeFramework({
      sections: [
        { id: 'S1', title: 'S1', weight: 2, items: [{ id: 'X', text: 'x', fields: ['score'] }] },
        { id: 'S2', title: 'S2', weight: 1, items: [{ id: 'Y', text: 'y', fields: ['score'] }] },
        { id: 'S3', title: 'S3', weight: 5, items: [{ id: 'Z', text: 'z', fields: ['score'] }] },
      ],
    });
    resetRows();
    const r = scoreReview(f, [response('A', '', { X: 3, Y: 1, Z: null })]);
    // S3 has no scores and is left out: (3 × 2 + 1 × 1) / 3 = 2.333…; (100 × 2 + 0) / 3 = 66.67 → amber
    expect(r.overall.mean).toBeCloseTo(7 / 3, 12);
    expect(r.overall.percent).toBeCloseTo(200 / 3, 12);
    expect(r.overall.rag).toBe('amber');
  });

  it('ties keep framework order; green divided items are areas, not strengths', () => {
    const f = FrameworkSchema.parse({
      id: 'ties',
      title: 't',
      description: 'd',
      kind: 'questionnaire',
      source: { seed: 'x', reference: 'y' },
      scales: [{ id: 'five', points: [1, 2, 3, 4, 5].map((v) => ({ value: v, label: `p${v}` })) }],
      defaultScale: 'five',
      sections: [
        {
          id: 'S',
          title: 'S',
          items: ['P', 'Q', 'R', 'T', 'U'].map((id) => ({ id, text: id, fields: ['score'] })),
        },
      ],
    });
    resetRows();
    const rs = [
      response('A', '', { P: 5, Q: 5, R: 2, T: 2, U: 5 }),
      response('B', '', { P: 4, Q: 4, R: 2, T: 2, U: 2 }),
      response('C', '', { P: 5, Q: 5, R: 2, T: 2, U: 5 }),
      response('D', '', { P: 4, Q: 4, R: 2, T: 2, U: 5 }),
    ];
    const r = scoreReview(f, rs);
    // P, Q: mean 4.5, 87.5 % green; U: mean 4.25, 81.25 % green but 5 − 2 = 3 ≥ ⅔ × 4 → divided
    // R, T: mean 2, 25 % red
    expect(r.strengths).toEqual(['P', 'Q']);
    expect(r.areasForImprovement).toEqual(['R', 'T', 'U']);
  });
});
