import { describe, expect, it } from 'vitest';
import { FrameworkSchema } from '../../core/framework/schema.js';
import {
  NO_THEME,
  achievementUsed,
  parseRag,
  registerColumns,
  riskResults,
  scoreRegister,
  trackerResults,
} from '../../core/scoring/register.js';
import { registerRow } from './fixtures.js';
import { riskFramework, riskRows, trackerFramework, trackerRows, twoStageTrackerFramework } from './register-fixtures.js';

const stages = (coordinatorScored: number, confirmed: number, changed: number) => ({ coordinatorScored, confirmed, changed });

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
      // a tracker made before the champions' column: every score is the co-ordinator's, none confirmed or changed
      {
        theme: 'Crime',
        rows: 3,
        scored: 3,
        meanAchievement: 4,
        shareAchieved: 2 / 3,
        lowAppropriatenessRows: [11, 12],
        ...stages(3, 0, 0),
      },
      // "x" is not a score: the row counts, the score does not
      {
        theme: 'Education',
        rows: 1,
        scored: 0,
        meanAchievement: null,
        shareAchieved: null,
        lowAppropriatenessRows: [],
        ...stages(0, 0, 0),
      },
      { theme: 'Health', rows: 0, scored: 0, meanAchievement: null, shareAchieved: null, lowAppropriatenessRows: [], ...stages(0, 0, 0) },
      { theme: 'Transport', rows: 1, scored: 1, meanAchievement: 3, shareAchieved: 0, lowAppropriatenessRows: [], ...stages(1, 0, 0) },
      { theme: NO_THEME, rows: 1, scored: 1, meanAchievement: 1, shareAchieved: 0, lowAppropriatenessRows: [], ...stages(1, 0, 0) },
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

describe("delivery tracker in two stages (seed 004: the co-ordinator's score, then the champions')", () => {
  const s = 'Progress Tracker';
  const rows = () => [
    // co-ordinator 2, champions 4: the champions' 4 counts
    registerRow(s, 5, 'Crime', { theme: 'Crime', issue: 'Burglary', achievement: 2, confirmed: 4, whyNotMet: 'Funding came late' }),
    // confirmed the same: counts 3, not a change
    registerRow(s, 6, 'Crime', { theme: 'Crime', issue: 'Street crime', achievement: 3, confirmed: '3' }),
    // not yet confirmed: the co-ordinator's 5 counts
    registerRow(s, 7, 'Crime', { theme: 'Crime', issue: 'Fear of crime', achievement: 'Achieved', confirmed: null }),
    // the co-ordinator felt unable to judge: the champions' 1 counts, and it is no change
    registerRow(s, 8, 'Education', { theme: 'Education', issue: 'Attainment', achievement: null, confirmed: 'not achieved' }),
    // champions "N/A" is not a score: the co-ordinator's 4 counts
    registerRow(s, 9, 'Education', { theme: 'Education', issue: 'Truancy', achievement: 4, confirmed: 'N/A' }),
    // champions lowered 4 to 1, with key actions and support
    registerRow(s, 10, 'Health', {
      theme: 'Health',
      issue: 'Smoking',
      achievement: 4,
      confirmed: 1,
      keyActions: 'Open two stop-smoking clinics',
      supportNeeded: 'PCT funding',
    }),
  ];

  it('each row: both scores, the one that counts, and whether the champions changed it', () => {
    const got = scoreRegister(twoStageTrackerFramework, rows()).rows.map((r) => [
      r.row,
      r.coordinator,
      r.confirmed,
      r.achievement,
      r.changedByChampions,
    ]);
    expect(got).toEqual([
      [5, 2, 4, 4, true],
      [6, 3, 3, 3, false],
      [7, 5, null, 5, false],
      [8, null, 1, 1, false],
      [9, 4, null, 4, false],
      [10, 4, 1, 1, true],
    ]);
    const health = scoreRegister(twoStageTrackerFramework, rows()).rows[5]!;
    expect([health.label, health.keyActions, health.supportNeeded, health.whyNotMet]).toEqual([
      'Smoking',
      'Open two stop-smoking clinics',
      'PCT funding',
      '',
    ]);
  });

  it('per theme: the mean and share achieved of the scores that count, and the counts of each stage', () => {
    expect(trackerResults(twoStageTrackerFramework, rows())).toEqual([
      // 4, 3, 5 → 12 / 3 = 4; one 5 of three; co-ordinator scored 3, champions 2, changed 1
      { theme: 'Crime', rows: 3, scored: 3, meanAchievement: 4, shareAchieved: 1 / 3, lowAppropriatenessRows: [], ...stages(3, 2, 1) },
      // 1, 4 → 2.5; co-ordinator scored 1 (row 9), champions 1 (row 8), no change
      { theme: 'Education', rows: 2, scored: 2, meanAchievement: 2.5, shareAchieved: 0, lowAppropriatenessRows: [], ...stages(1, 1, 0) },
      { theme: 'Health', rows: 1, scored: 1, meanAchievement: 1, shareAchieved: 0, lowAppropriatenessRows: [], ...stages(1, 1, 1) },
    ]);
  });

  it("the rule is one function: the confirmed score where there is one, else the co-ordinator's", () => {
    expect(achievementUsed(2, 4)).toBe(4);
    expect(achievementUsed(2, null)).toBe(2);
    expect(achievementUsed(null, 1)).toBe(1);
    expect(achievementUsed(null, null)).toBeNull();
  });

  it("a tracker with other ids: the champions' column is found by its id and is never taken for appropriateness", () => {
    const f = FrameworkSchema.parse({
      ...twoStageTrackerFramework,
      register: {
        ...twoStageTrackerFramework.register!,
        columns: [
          { id: 'theme', header: 'Theme', type: 'group' },
          { id: 'confirmed', header: 'Champions', type: 'score', scale: 'achievement' },
          { id: 'score1', header: 'Score', type: 'score', scale: 'achievement' },
        ],
      },
    });
    const c = registerColumns(f);
    expect([c.achievement?.id, c.confirmed?.id, c.appropriateness?.id]).toEqual(['score1', 'confirmed', undefined]);
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
