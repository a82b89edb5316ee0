import { describe, expect, it } from 'vitest';
import { FrameworkSchema } from '../../core/framework/schema.js';
import { NO_THEME, parseRag, registerColumns, riskResults, scoreRegister, trackerResults } from '../../core/scoring/register.js';
import { riskFramework, riskRows, trackerFramework, trackerRows } from './register-fixtures.js';

describe('delivery tracker', () => {
  it('finds the columns by the shared ids', () => {
    const c = registerColumns(trackerFramework);
    expect([c.achievement?.id, c.appropriateness?.id, c.rating, c.likelihood]).toEqual([
      'achievement',
      'appropriateness',
      undefined,
      undefined,
    ]);
  });

  it('per theme: rows, scored, mean, share achieved, low appropriateness rows', () => {
    expect(trackerResults(trackerFramework, trackerRows())).toEqual([
      // rows 10, 11, 12 (13 has only its theme): 5, 2, "Achieved" = 5 → mean 12 / 3 = 4; achieved 2 of 3;
      // appropriateness 4, 2, 1 → rows 11 and 12 are ≤ 2
      { theme: 'Crime', rows: 3, scored: 3, meanAchievement: 4, shareAchieved: 2 / 3, lowAppropriatenessRows: [11, 12] },
      // "x" is not a score: the row counts, the score does not
      { theme: 'Education', rows: 1, scored: 0, meanAchievement: null, shareAchieved: null, lowAppropriatenessRows: [] },
      { theme: 'Health', rows: 0, scored: 0, meanAchievement: null, shareAchieved: null, lowAppropriatenessRows: [] },
      { theme: 'Transport', rows: 1, scored: 1, meanAchievement: 3, shareAchieved: 0, lowAppropriatenessRows: [] },
      { theme: NO_THEME, rows: 1, scored: 1, meanAchievement: 1, shareAchieved: 0, lowAppropriatenessRows: [] },
    ]);
  });

  it('the low-appropriateness threshold is configurable', () => {
    const crime = trackerResults(trackerFramework, trackerRows(), { lowAppropriateness: 1 })[0]!;
    expect(crime.lowAppropriatenessRows).toEqual([12]);
  });

  it('falls back to the first and second score columns for a tracker with other ids', () => {
    const f = FrameworkSchema.parse({
      ...trackerFramework,
      register: {
        ...trackerFramework.register!,
        columns: [
          { id: 'theme', header: 'Theme', type: 'group' },
          { id: 'score1', header: 'Score', type: 'score', scale: 'achievement' },
          { id: 'score2', header: 'Fit', type: 'score', scale: 'achievement' },
        ],
      },
    });
    const c = registerColumns(f);
    expect([c.achievement?.id, c.appropriateness?.id]).toEqual(['score1', 'score2']);
  });

  it('no tracker results for a framework without an achievement column', () => {
    expect(trackerResults(riskFramework, riskRows())).toEqual([]);
  });
});

describe('risk exercise', () => {
  it('parses ratings: Red/Amber/Green or High/Moderate/Low, any case', () => {
    expect(parseRag(' RED ')).toEqual({ kind: 'rag', rag: 'red' });
    expect(parseRag('amber')).toEqual({ kind: 'rag', rag: 'amber' });
    expect(parseRag('High')).toEqual({ kind: 'rag', rag: 'red' });
    expect(parseRag('moderate')).toEqual({ kind: 'rag', rag: 'amber' });
    expect(parseRag('Low')).toEqual({ kind: 'rag', rag: 'green' });
    expect(parseRag('  ')).toEqual({ kind: 'missing' });
    expect(parseRag(null)).toEqual({ kind: 'missing' });
    expect(parseRag('purple')).toEqual({ kind: 'invalid', raw: 'purple' });
    expect(parseRag(3)).toEqual({ kind: 'invalid', raw: '3' });
  });

  it('counts per colour per theme; blank ratings from likelihood × impact (≥ 15 red, ≥ 8 amber)', () => {
    expect(riskResults(riskFramework, riskRows())).toEqual([
      { theme: 'Legal', red: 3, amber: 1, green: 0, unrated: 0 },
      { theme: 'Resources', red: 0, amber: 1, green: 1, unrated: 1 },
      { theme: 'Governance', red: 0, amber: 0, green: 1, unrated: 1 },
    ]);
  });

  it('the likelihood × impact thresholds are configurable', () => {
    const [legal, resources] = riskResults(riskFramework, riskRows(), { riskRedFrom: 20, riskAmberFrom: 6 });
    expect(legal).toEqual({ theme: 'Legal', red: 2, amber: 2, green: 0, unrated: 0 }); // 15 < 20 → amber
    expect(resources).toEqual({ theme: 'Resources', red: 0, amber: 2, green: 0, unrated: 1 }); // 6 ≥ 6 → amber
  });

  it('row results say where the colour came from and carry the scenario', () => {
    const rows = scoreRegister(riskFramework, riskRows()).rows;
    expect(rows[3]).toMatchObject({
      theme: 'Legal',
      row: 8,
      label: 'Procurement',
      likelihood: 3,
      impact: 5,
      rating: 'red',
      ratingFrom: 'likelihood × impact',
    });
    expect(rows[0]).toMatchObject({ row: 5, rating: 'red', ratingFrom: 'rating' });
    expect(rows[6]).toMatchObject({ row: 11, rating: null, ratingFrom: null });
    expect(rows[2]!.theme).toBe('Legal'); // "legal" → the framework's spelling
  });
});
