import { describe, expect, it } from 'vitest';
import { ScaleSchema } from '../../core/framework/schema.js';
import { parseScore } from '../../core/scoring/parse-score.js';
import { TREE_SCALE } from './fixtures.js';

const tree = ScaleSchema.parse(TREE_SCALE);
const hallmarks = ScaleSchema.parse({
  id: 'ypn',
  points: [
    { value: 1, label: 'No' },
    { value: 2, label: 'Partly' },
    { value: 3, label: 'Yes' },
  ],
  notScored: ['Not applicable here'],
});

describe('parseScore', () => {
  it('reads numbers on the scale', () => {
    expect(parseScore(1, tree)).toEqual({ kind: 'score', value: 1 });
    expect(parseScore(3, tree)).toEqual({ kind: 'score', value: 3 });
  });

  it('reads numbers typed as text, with spaces', () => {
    expect(parseScore(' 2 ', tree)).toEqual({ kind: 'score', value: 2 });
    expect(parseScore('3.0', tree)).toEqual({ kind: 'score', value: 3 });
    expect(parseScore('+1', tree)).toEqual({ kind: 'score', value: 1 });
  });

  it('reads labels in any case and with extra spaces', () => {
    expect(parseScore('STRONG', tree)).toEqual({ kind: 'score', value: 3 });
    expect(parseScore('  Present   in Parts ', tree)).toEqual({ kind: 'score', value: 2 });
    expect(parseScore('Weak/Needs Improvement', tree)).toEqual({ kind: 'score', value: 1 });
    expect(parseScore('partly', hallmarks)).toEqual({ kind: 'score', value: 2 });
  });

  it('reads "value = label" when both name the same point', () => {
    expect(parseScore('3 = Strong', tree)).toEqual({ kind: 'score', value: 3 });
    expect(parseScore('2 – present in parts', tree)).toEqual({ kind: 'score', value: 2 });
    expect(parseScore('2 - strong', tree)).toEqual({ kind: 'invalid', raw: '2 - strong' });
  });

  it('treats blank as missing', () => {
    expect(parseScore(null, tree)).toEqual({ kind: 'missing' });
    expect(parseScore(undefined, tree)).toEqual({ kind: 'missing' });
    expect(parseScore('', tree)).toEqual({ kind: 'missing' });
    expect(parseScore('   \t', tree)).toEqual({ kind: 'missing' });
  });

  it('treats N/A, Don’t know and the scale’s own labels as not scored', () => {
    expect(parseScore('N/A', tree)).toEqual({ kind: 'notScored', label: 'N/A' });
    expect(parseScore(' n/a ', tree)).toEqual({ kind: 'notScored', label: 'N/A' });
    expect(parseScore("Don't know", tree)).toEqual({ kind: 'notScored', label: "Don't know" });
    expect(parseScore('DON’T  KNOW', tree)).toEqual({ kind: 'notScored', label: "Don't know" });
    expect(parseScore('not applicable HERE', hallmarks)).toEqual({ kind: 'notScored', label: 'Not applicable here' });
    // the scale's own label is not offered on another scale
    expect(parseScore('Not applicable here', tree)).toEqual({ kind: 'invalid', raw: 'Not applicable here' });
  });

  it('rejects numbers off the scale, other text and booleans', () => {
    expect(parseScore(4, tree)).toEqual({ kind: 'invalid', raw: '4' });
    expect(parseScore(0, tree)).toEqual({ kind: 'invalid', raw: '0' });
    expect(parseScore(2.5, tree)).toEqual({ kind: 'invalid', raw: '2.5' });
    expect(parseScore(Number.NaN, tree)).toEqual({ kind: 'invalid', raw: 'NaN' });
    expect(parseScore('  7 ', tree)).toEqual({ kind: 'invalid', raw: '7' });
    expect(parseScore('very good', tree)).toEqual({ kind: 'invalid', raw: 'very good' });
    expect(parseScore(true, tree)).toEqual({ kind: 'invalid', raw: 'TRUE' });
    expect(parseScore(false, tree)).toEqual({ kind: 'invalid', raw: 'FALSE' });
  });
});
