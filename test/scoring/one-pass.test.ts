/**
 * Scoring in one pass over the responses (and one over the register rows) gives exactly what scoring item by item
 * gives. The reference below is the straightforward reading of the rules — every item goes through every response,
 * scores parsed afresh, the median by sorting, register themes matched by filtering — and random reviews must
 * score the same both ways, to the last bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Framework, Item, Scale } from '../../core/framework/schema.js';
import type { CellValue, RegisterRow, Response } from '../../core/review/types.js';
import { isBlank, parseScore, scoreParser } from '../../core/scoring/parse-score.js';
import { percentOnScale, ragForPercent, EPSILON } from '../../core/scoring/rag.js';
import { NO_THEME, registerRowResults, riskResults, scoreRegister, trackerResults } from '../../core/scoring/register.js';
import { scaleForItem, scaleMax, scaleMin } from '../../core/scoring/scale.js';
import { scoreReview } from '../../core/scoring/score-review.js';
import { max, mean, median, min, sampleSd } from '../../core/scoring/stats.js';
import type { CommentsByScore, ItemScore } from '../../core/scoring/types.js';
import { registerRow, response, resetRows, treeFramework } from './fixtures.js';
import { riskFramework, trackerFramework } from './register-fixtures.js';

/** The reference: one item at a time, through every response. */
function referenceItem(framework: Framework, item: Item, sectionId: string, responses: Response[]): { score: ItemScore; comments: CommentsByScore | null } {
  const scale: Scale = scaleForItem(framework, item);
  const values: number[] = [];
  for (const r of responses) {
    const p = parseScore(r.answers[item.id]?.score?.value, scale);
    if (p.kind === 'score') values.push(p.value);
  }
  const counts: Record<string, number> = {};
  for (const pt of scale.points) counts[String(pt.value)] = 0;
  for (const v of values) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
  const m = mean(values);
  const lo = min(values);
  const hi = max(values);
  const percent = percentOnScale(m, scale);
  const score: ItemScore = {
    id: item.id,
    sectionId,
    n: values.length,
    missing: responses.length - values.length,
    mean: m,
    median: median(values),
    sd: sampleSd(values),
    min: lo,
    max: hi,
    counts,
    percent,
    rag: ragForPercent(percent, framework.rag),
    divided: values.length >= 2 && hi! - lo! >= framework.dividedFraction * (scaleMax(scale) - scaleMin(scale)) - EPSILON,
  };
  if (!item.fields.includes('comment')) return { score, comments: null };
  const byScore = new Map<string, string[]>(scale.points.map((pt) => [String(pt.value), []]));
  const other: string[] = [];
  for (const r of responses) {
    const c = r.answers[item.id]?.comment?.value;
    if (isBlank(c)) continue;
    const p = parseScore(r.answers[item.id]?.score?.value, scale);
    if (p.kind === 'score') byScore.get(String(p.value))!.push(String(c).trim());
    else other.push(String(c).trim());
  }
  const groups = [...byScore].map(([s, comments]) => ({ score: s, comments }));
  if (other.length) groups.push({ score: 'other', comments: other });
  return { score, comments: { itemId: item.id, groups } };
}

/** What people type in a score cell: points, the same as text or label, N/A, slips, blanks, booleans. */
const scoreCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(1, 2, 3, '1', ' 2 ', '3', 'strong', 'Present in parts', 'WEAK/NEEDS IMPROVEMENT', '3 = Strong', 'N/A', 'Don’t know'),
  fc.constantFrom<CellValue>(null, '', '   ', 0, 4, 7, 2.5, -1, true, false, 'x', '=1+1'),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 6 }),
);
const commentCell: fc.Arbitrary<CellValue> = fc.oneof(fc.constantFrom<CellValue>(null, '', '  ', 'Good', ' Silos ', 'Needs a lead\npartner'), fc.string({ maxLength: 8 }), fc.integer());
const partnership = fc.constantFrom('Westway', 'westway ', 'Golborne', '');

interface TypedRow {
  partnership: string;
  A1: { score: CellValue; comment: CellValue };
  A2: { score: CellValue; comment: CellValue };
  L1: { score: CellValue; comment: CellValue };
  L2: CellValue;
  N1: { answer: CellValue };
}

const responsesArb: fc.Arbitrary<TypedRow[]> = fc.array(
  fc.record({
    partnership,
    A1: fc.record({ score: scoreCell, comment: commentCell }),
    A2: fc.record({ score: scoreCell, comment: commentCell }),
    L1: fc.record({ score: scoreCell, comment: commentCell }),
    L2: scoreCell,
    N1: fc.record({ answer: commentCell }),
  }),
  { maxLength: 40 },
);

function toResponses(rows: TypedRow[]): Response[] {
  resetRows(5);
  return rows.map((r, i) => response(`Person ${i + 1}`, r.partnership, { A1: r.A1, A2: r.A2, L1: r.L1, L2: r.L2, N1: r.N1 }, ['A1', 'A2', 'L1', 'L2', 'N1']));
}

describe('scoreReview in one pass', () => {
  const framework = treeFramework();
  const scored = framework.sections.flatMap((s) => s.items.filter((it) => it.fields.includes('score')).map((item) => ({ item, sectionId: s.id })));

  it('gives every item score and comment group the item-by-item reading gives, for random reviews', () => {
    fc.assert(
      fc.property(responsesArb, fc.option(partnership, { nil: undefined }), (rows, only) => {
        const responses = toResponses(rows);
        const report = scoreReview(framework, responses, only === undefined ? {} : { partnership: only });
        const counted = only === undefined ? responses : responses.filter((r) => r.partnership.toLowerCase() === only.trim().toLowerCase());
        const reference = scored.map(({ item, sectionId }) => referenceItem(framework, item, sectionId, counted));
        expect(report.items).toEqual(reference.map((x) => x.score));
        expect(report.comments).toEqual(reference.flatMap((x) => (x.comments ? [x.comments] : [])));
        // respondents: rows with anything in any field (the free-text item N1 included)
        const anyEntry = (r: Response) => Object.values(r.answers).some((fields) => Object.values(fields).some((e) => e !== undefined && !isBlank(e.value)));
        expect(report.respondents).toBe(counted.filter(anyEntry).length);
      }),
      { numRuns: 300, seed: 20090601 },
    );
  });

  it('takes the median of an even count between the two middle scores, and of an odd count the middle one', () => {
    resetRows(5);
    // A1 scores 3, 1, 3, 2 → sorted 1 2 3 3 → median 2.5; L1 scores 1, 1, 3 (and one N/A) → median 1
    const rs = [
      response('P1', 'W', { A1: 3, L1: 1 }),
      response('P2', 'W', { A1: 'weak/needs improvement', L1: 'N/A' }),
      response('P3', 'W', { A1: ' 3 ', L1: 1 }),
      response('P4', 'W', { A1: 2, L1: 3 }),
    ];
    const byId = new Map(scoreReview(framework, rs).items.map((s) => [s.id, s]));
    expect(byId.get('A1')).toMatchObject({ n: 4, median: 2.5, min: 1, max: 3, mean: 2.25 });
    expect(byId.get('L1')).toMatchObject({ n: 3, missing: 1, median: 1, min: 1, max: 3 });
  });
});

describe('respondents counted in the same pass', () => {
  it('counts a row with only a free-text answer or only a comment, and not a row of blanks', () => {
    resetRows(5);
    const framework = treeFramework();
    const rs = [
      response('Only notes', 'W', { A1: null, A2: '', L1: '  ', L2: null, N1: { answer: 'We met twice' } }),
      response('Only a comment', 'W', { A1: { score: null, comment: 'No view yet' } }),
      response('Blank', 'W', { A1: { score: '', comment: '  ' }, N1: { answer: null } }),
      response('Scored', 'W', { L2: 'N/A' }),
    ];
    const report = scoreReview(framework, rs);
    expect(report.respondents).toBe(3);
    expect(report.items.find((s) => s.id === 'A1')).toMatchObject({ n: 0, missing: 4 });
  });
});

describe('scoreParser', () => {
  const scale = treeFramework().scales[0]!;

  it('answers exactly as parseScore for each raw value, a number and the same number as text kept apart', () => {
    const parse = scoreParser(scale);
    const raws: CellValue[] = [2, '2', ' 2 ', 2, 'strong', 'STRONG', 'N/A', 'n/a', 7, '7', true, false, null, '', '  ', -0, 0, 'x', 2, '2'];
    for (const raw of raws) expect(parse(raw), String(raw)).toEqual(parseScore(raw, scale));
    expect(parse(undefined)).toEqual({ kind: 'missing' });
  });

  it('parses each distinct value once: the second answer is the same object as the first', () => {
    const parse = scoreParser(scale);
    const first = parse('Present in parts');
    expect(first).toEqual({ kind: 'score', value: 2 });
    expect(parse('Present in parts')).toBe(first);
    expect(parse(2)).not.toBe(first); // 2 and 'Present in parts' are different cells, even with the same score
  });
});

/** Reference tracker and risk tables: the rows of every theme found by filtering the classified rows. */
function referenceThemes(framework: Framework, rows: RegisterRow[]) {
  const results = registerRowResults(framework, rows);
  const seen = new Set((framework.register?.groups ?? []).map((g) => g.trim().toLowerCase().replace(/\s+/g, ' ')));
  const themes = [...(framework.register?.groups ?? [])];
  let noTheme = false;
  for (const r of results) {
    const key = r.theme.trim().toLowerCase().replace(/\s+/g, ' ');
    if (r.theme === NO_THEME) noTheme = true;
    else if (!seen.has(key)) {
      seen.add(key);
      themes.push(r.theme);
    }
  }
  if (noTheme) themes.push(NO_THEME);
  return themes.map((theme) => ({ theme, mine: results.filter((r) => r.theme === theme) }));
}

const themeCell = fc.constantFrom('Crime', ' crime ', 'Education', 'Health', 'Transport', 'transport', '', '  ', 'Legal', 'Resources');
const registerScore = fc.oneof(fc.constantFrom<CellValue>(1, 2, 3, 4, 5, '5', 'Achieved', 'achieved', null, '', 'x', 6, 0), fc.integer({ min: -2, max: 8 }));
const ratingCell = fc.constantFrom<CellValue>('Red', 'amber', ' GREEN ', 'High', 'moderate', 'Low', 'Purple', null, '', 3);
const textCell = fc.constantFrom<CellValue>(null, '', 'Burglary', '  Street   cleaning ', 'Buses');

describe('scoreRegister in one pass', () => {
  it('gives the delivery tracker table the theme-by-theme reading gives, for random registers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(themeCell, textCell, registerScore, registerScore), { maxLength: 40 }), (cells) => {
        const rows = cells.map(([theme, issue, achievement, appropriateness], i) => registerRow('Progress Tracker', 10 + i, theme, { theme, issue, achievement, appropriateness }));
        const got = scoreRegister(trackerFramework, rows);
        expect(got.rows).toEqual(registerRowResults(trackerFramework, rows));
        expect(got.tracker).toEqual(trackerResults(trackerFramework, rows));
        const ref = referenceThemes(trackerFramework, rows).map(({ theme, mine }) => {
          const scores = mine.flatMap((r) => (r.achievement === null ? [] : [r.achievement]));
          return {
            theme,
            rows: mine.length,
            scored: scores.length,
            meanAchievement: mean(scores),
            shareAchieved: scores.length ? scores.filter((s) => s === 5).length / scores.length : null,
            lowAppropriatenessRows: mine.filter((r) => r.appropriateness !== null && r.appropriateness <= 2).map((r) => r.row),
          };
        });
        expect(got.tracker).toEqual(ref);
        expect(got.risks).toEqual([]);
      }),
      { numRuns: 200, seed: 20090601 },
    );
  });

  it('gives the risk table the theme-by-theme reading gives, for random registers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(themeCell, textCell, ratingCell, registerScore, registerScore), { maxLength: 40 }), (cells) => {
        const rows = cells.map(([theme, scenario, rating, likelihood, impact], i) =>
          registerRow('Risk Register', 10 + i, theme, { theme, scenario, likelihood, impact, rating }),
        );
        const got = scoreRegister(riskFramework, rows);
        expect(got.risks).toEqual(riskResults(riskFramework, rows));
        const ref = referenceThemes(riskFramework, rows).map(({ theme, mine }) => ({
          theme,
          red: mine.filter((r) => r.rating === 'red').length,
          amber: mine.filter((r) => r.rating === 'amber').length,
          green: mine.filter((r) => r.rating === 'green').length,
          unrated: mine.filter((r) => r.rating === null).length,
        }));
        expect(got.risks).toEqual(ref);
      }),
      { numRuns: 200, seed: 20090601 },
    );
  });
});
