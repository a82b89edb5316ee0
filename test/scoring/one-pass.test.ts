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
import { NO_THEME, riskResults, scoreRegister, trackerResults, type RegisterRowResult } from '../../core/scoring/register.js';
import { scaleForItem, scaleMax, scaleMin } from '../../core/scoring/scale.js';
import { scoreReview } from '../../core/scoring/score-review.js';
import type { CommentsByScore, ItemScore } from '../../core/scoring/types.js';
import { registerRow, response, resetRows, treeFramework } from './fixtures.js';
import { riskFramework, trackerFramework, twoStageTrackerFramework } from './register-fixtures.js';

/** Plain statistics, written out here (not core's stats.ts): the mean as the sum over the count, the median by sorting. */
function refStats(values: number[]) {
  const n = values.length;
  if (n === 0) return { mean: null, median: null, sd: null, min: null, max: null };
  let total = 0;
  for (const v of values) total += v;
  const m = total / n;
  const sorted = [...values].sort((a, b) => a - b);
  const median = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  let squares = 0;
  for (const v of values) squares += (v - m) * (v - m);
  return { mean: m, median, sd: n < 2 ? null : Math.sqrt(squares / (n - 1)), min: sorted[0]!, max: sorted[n - 1]! };
}

/** The reference: one item at a time, through every response. */
function referenceItem(
  framework: Framework,
  item: Item,
  sectionId: string,
  responses: Response[],
): { score: ItemScore; comments: CommentsByScore | null } {
  const scale: Scale = scaleForItem(framework, item);
  const values: number[] = [];
  for (const r of responses) {
    const p = parseScore(r.answers[item.id]?.score?.value, scale);
    if (p.kind === 'score') values.push(p.value);
  }
  const counts: Record<string, number> = {};
  for (const pt of scale.points) counts[String(pt.value)] = 0;
  for (const v of values) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
  const { mean: m, median, sd, min: lo, max: hi } = refStats(values);
  const percent = percentOnScale(m, scale);
  const score: ItemScore = {
    id: item.id,
    sectionId,
    n: values.length,
    missing: responses.length - values.length,
    mean: m,
    median,
    sd,
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
  fc.constantFrom<CellValue>(
    1,
    2,
    3,
    '1',
    ' 2 ',
    '3',
    'strong',
    'Present in parts',
    'WEAK/NEEDS IMPROVEMENT',
    '3 = Strong',
    'N/A',
    'Don’t know',
  ),
  fc.constantFrom<CellValue>(null, '', '   ', 0, 4, 7, 2.5, -1, true, false, 'x', '=1+1'),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 6 }),
);
const commentCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(null, '', '  ', 'Good', ' Silos ', 'Needs a lead\npartner'),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);
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
  return rows.map((r, i) =>
    response(`Person ${i + 1}`, r.partnership, { A1: r.A1, A2: r.A2, L1: r.L1, L2: r.L2, N1: r.N1 }, ['A1', 'A2', 'L1', 'L2', 'N1']),
  );
}

describe('scoreReview in one pass', () => {
  const framework = treeFramework();
  const scored = framework.sections.flatMap((s) =>
    s.items.filter((it) => it.fields.includes('score')).map((item) => ({ item, sectionId: s.id })),
  );

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
        const anyEntry = (r: Response) =>
          Object.values(r.answers).some((fields) => Object.values(fields).some((e) => e !== undefined && !isBlank(e.value)));
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

/**
 * The reference register reading, written from the rules (core/scoring/register.ts header) without any of its code:
 * a row counts when any cell but the theme holds something; its theme is the framework's group of the same name
 * (case and spacing aside), else the typed text trimmed, else "No theme given"; scores are points of the column's
 * scale; the rating is the typed colour word (Red/Amber/Green or High/Moderate/Low), or — only when the rating cell is
 * blank — likelihood × impact, 15 or more red, 8 or more amber, else green.
 */
const RAG_WORD: Record<string, 'red' | 'amber' | 'green'> = {
  red: 'red',
  amber: 'amber',
  green: 'green',
  high: 'red',
  moderate: 'amber',
  low: 'green',
};
const blank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const sameName = (a: string, b: string) => a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');

function referenceRows(framework: Framework, rows: RegisterRow[]): RegisterRowResult[] {
  const columns = framework.register!.columns;
  const scale = (id: string) => framework.scales.find((sc) => sc.id === columns.find((c) => c.id === id)?.scale);
  const score = (row: RegisterRow, id: string): number | null => {
    const sc = scale(id);
    if (!sc) return null;
    const p = parseScore(row.cells[id]?.value, sc);
    return p.kind === 'score' ? p.value : null;
  };
  const out: RegisterRowResult[] = [];
  for (const row of rows) {
    if (!Object.entries(row.cells).some(([id, e]) => id !== 'theme' && !blank(e.value))) continue;
    const typedTheme = row.group.trim();
    const theme = typedTheme === '' ? NO_THEME : (framework.register!.groups.find((g) => sameName(g, typedTheme)) ?? typedTheme);
    const likelihood = score(row, 'likelihood');
    const impact = score(row, 'impact');
    const typed = row.cells['rating']?.value;
    let rating: 'red' | 'amber' | 'green' | null = null;
    let ratingFrom: RegisterRowResult['ratingFrom'] = null;
    if (!blank(typed)) {
      rating = RAG_WORD[String(typed).trim().toLowerCase()] ?? null;
      ratingFrom = rating ? 'rating' : null;
    } else if (columns.some((c) => c.id === 'likelihood') && likelihood !== null && impact !== null) {
      rating = likelihood * impact >= 15 ? 'red' : likelihood * impact >= 8 ? 'amber' : 'green';
      ratingFrom = 'likelihood × impact';
    }
    const labelCell = ['scenario', 'issue'].map((id) => row.cells[id]?.value).find((v) => !blank(v));
    // seed 004's two stages: the champions' confirmed score where it is a score, else the co-ordinator's
    const coordinator = score(row, 'achievement');
    const confirmed = score(row, 'confirmed');
    const typedText = (id: string) => (blank(row.cells[id]?.value) ? '' : String(row.cells[id]!.value));
    out.push({
      theme,
      row: row.at.row,
      at: row.at,
      label: labelCell === undefined ? '' : String(labelCell).replace(/\s+/g, ' ').trim(),
      achievement: confirmed !== null ? confirmed : coordinator,
      coordinator,
      confirmed,
      changedByChampions: coordinator !== null && confirmed !== null && coordinator !== confirmed,
      whyNotMet: typedText('whyNotMet'),
      keyActions: typedText('keyActions'),
      supportNeeded: typedText('supportNeeded'),
      appropriateness: score(row, 'appropriateness'),
      likelihood,
      impact,
      rating,
      ratingFrom,
    });
  }
  return out;
}

/** The rows of every theme: the framework's groups in order, then other themes as first typed, then "No theme given". */
function referenceThemes(framework: Framework, results: RegisterRowResult[]) {
  const themes = [...framework.register!.groups];
  for (const r of results) if (r.theme !== NO_THEME && !themes.some((t) => sameName(t, r.theme))) themes.push(r.theme);
  if (results.some((r) => r.theme === NO_THEME)) themes.push(NO_THEME);
  return themes.map((theme) => ({ theme, mine: results.filter((r) => r.theme === theme) }));
}

const themeCell = fc.constantFrom('Crime', ' crime ', 'Education', 'Health', 'Transport', 'transport', '', '  ', 'Legal', 'Resources');
const registerScore = fc.oneof(
  fc.constantFrom<CellValue>(1, 2, 3, 4, 5, '5', 'Achieved', 'achieved', null, '', 'x', 6, 0),
  fc.integer({ min: -2, max: 8 }),
);
const ratingCell = fc.constantFrom<CellValue>('Red', 'amber', ' GREEN ', 'High', 'moderate', 'Low', 'Purple', null, '', 3);
const textCell = fc.constantFrom<CellValue>(null, '', 'Burglary', '  Street   cleaning ', 'Buses');

describe('scoreRegister in one pass', () => {
  const trackerRef = (framework: Framework, rows: RegisterRow[]) => {
    const refRows = referenceRows(framework, rows);
    const themes = referenceThemes(framework, refRows).map(({ theme, mine }) => {
      const scores = mine.flatMap((r) => (r.achievement === null ? [] : [r.achievement]));
      return {
        theme,
        rows: mine.length,
        scored: scores.length,
        meanAchievement: refStats(scores).mean,
        shareAchieved: scores.length ? scores.filter((s) => s === 5).length / scores.length : null,
        lowAppropriatenessRows: mine.filter((r) => r.appropriateness !== null && r.appropriateness <= 2).map((r) => r.row),
        coordinatorScored: mine.filter((r) => r.coordinator !== null).length,
        confirmed: mine.filter((r) => r.confirmed !== null).length,
        changed: mine.filter((r) => r.coordinator !== null && r.confirmed !== null && r.coordinator !== r.confirmed).length,
      };
    });
    return { refRows, themes };
  };

  it('gives the delivery tracker table the theme-by-theme reading gives, for random registers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(themeCell, textCell, registerScore, registerScore), { maxLength: 40 }), (cells) => {
        const rows = cells.map(([theme, issue, achievement, appropriateness], i) =>
          registerRow('Progress Tracker', 10 + i, theme, { theme, issue, achievement, appropriateness }),
        );
        const got = scoreRegister(trackerFramework, rows);
        const { refRows, themes: ref } = trackerRef(trackerFramework, rows);
        expect(got.rows).toEqual(refRows);
        expect(got.tracker).toEqual(ref);
        expect(trackerResults(trackerFramework, rows)).toEqual(ref);
        expect(got.risks).toEqual([]);
      }),
      { numRuns: 200, seed: 20090601 },
    );
  });

  it("two stages: the same for random registers with a co-ordinator's and a champions' score", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(themeCell, textCell, registerScore, registerScore, registerScore, textCell), { maxLength: 40 }),
        (cells) => {
          const rows = cells.map(([theme, issue, achievement, confirmed, appropriateness, keyActions], i) =>
            registerRow('Progress Tracker', 10 + i, theme, { theme, issue, achievement, confirmed, appropriateness, keyActions }),
          );
          const got = scoreRegister(twoStageTrackerFramework, rows);
          const { refRows, themes: ref } = trackerRef(twoStageTrackerFramework, rows);
          expect(got.rows).toEqual(refRows);
          expect(got.tracker).toEqual(ref);
        },
      ),
      { numRuns: 200, seed: 20040317 },
    );
  });

  it('gives the risk table the theme-by-theme reading gives, for random registers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(themeCell, textCell, ratingCell, registerScore, registerScore), { maxLength: 40 }), (cells) => {
        const rows = cells.map(([theme, scenario, rating, likelihood, impact], i) =>
          registerRow('Risk Register', 10 + i, theme, { theme, scenario, likelihood, impact, rating }),
        );
        const got = scoreRegister(riskFramework, rows);
        const refRows = referenceRows(riskFramework, rows);
        expect(got.rows).toEqual(refRows);
        const ref = referenceThemes(riskFramework, refRows).map(({ theme, mine }) => ({
          theme,
          red: mine.filter((r) => r.rating === 'red').length,
          amber: mine.filter((r) => r.rating === 'amber').length,
          green: mine.filter((r) => r.rating === 'green').length,
          unrated: mine.filter((r) => r.rating === null).length,
        }));
        expect(got.risks).toEqual(ref);
        expect(riskResults(riskFramework, rows)).toEqual(ref);
        expect(got.tracker).toEqual([]);
      }),
      { numRuns: 200, seed: 20090601 },
    );
  });
});
