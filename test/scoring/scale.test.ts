import { describe, expect, it } from 'vitest';
import { ScaleSchema } from '../../core/framework/schema.js';
import { describeScaleEntry, formatNumber, listWithOr, notScoredLabels, pointLabel } from '../../core/scoring/scale.js';
import { greenFrom, percentOnScale, ragForPercent, ragLabel } from '../../core/scoring/rag.js';
import { TREE_SCALE } from './fixtures.js';

const tree = ScaleSchema.parse(TREE_SCALE);
const achievement = ScaleSchema.parse({
  id: 'achievement',
  points: [1, 2, 3, 4, 5].map((v) => ({ value: v, label: v === 1 ? 'not achieved' : v === 5 ? 'achieved' : String(v) })),
  notScored: ["Don't know", 'N/A'],
});
const numbersOnly = ScaleSchema.parse({ id: 'n', points: [1, 2, 3].map((v) => ({ value: v, label: String(v) })) });

describe('describing a scale to a person', () => {
  it('lists values and labels, then N/A', () => {
    expect(describeScaleEntry(tree)).toBe(
      'Enter 1, 2 or 3 (or weak/needs improvement, present in parts, strong), or N/A if it does not apply.',
    );
  });

  it('offers the scale’s other not-scored answers, and leaves out labels that are only numbers', () => {
    expect(describeScaleEntry(achievement)).toBe(
      "Enter 1, 2, 3, 4 or 5 (or not achieved, achieved), or N/A if it does not apply, or Don't know if you cannot say.",
    );
    expect(describeScaleEntry(numbersOnly)).toBe('Enter 1, 2 or 3, or N/A if it does not apply.');
  });

  it('not-scored labels: the scale’s, then N/A and Don’t know, each once', () => {
    expect(notScoredLabels(achievement)).toEqual(["Don't know", 'N/A']);
    expect(notScoredLabels(tree)).toEqual(['N/A', "Don't know"]);
  });

  it('point labels, unless only the number', () => {
    expect(pointLabel(achievement, 1)).toBe('not achieved');
    expect(pointLabel(achievement, 2)).toBeNull();
    expect(pointLabel(achievement, 9)).toBeNull();
  });

  it('numbers and lists as people read them', () => {
    expect(formatNumber(2)).toBe('2');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(7 / 3)).toBe('2.33');
    expect(formatNumber(-0.001)).toBe('0');
    expect(listWithOr(['1'])).toBe('1');
    expect(listWithOr(['1', '2'])).toBe('1 or 2');
    expect(listWithOr(['1', '2', '3'])).toBe('1, 2 or 3');
  });
});

describe('percent and RAG', () => {
  it('percent of the scale range', () => {
    expect(percentOnScale(2.5, tree)).toBe(75); // (2.5 − 1) / 2 × 100
    expect(percentOnScale(4, achievement)).toBe(75); // (4 − 1) / 4 × 100
    expect(percentOnScale(null, tree)).toBeNull();
  });

  it('green from 75 %, amber from 50 %, red below; null stays null', () => {
    const rag = { green: 75, amber: 50 };
    expect(ragForPercent(75, rag)).toBe('green');
    expect(ragForPercent(74.99, rag)).toBe('amber');
    expect(ragForPercent(50, rag)).toBe('amber');
    expect(ragForPercent(49.99, rag)).toBe('red');
    expect(ragForPercent(75 - 1e-12, rag)).toBe('green'); // rounding noise
    expect(ragForPercent(null, rag)).toBeNull();
    expect(ragLabel('amber')).toBe('Amber');
  });

  it('the lowest green mean', () => {
    expect(greenFrom(tree, { green: 75, amber: 50 })).toBe(2.5);
    expect(greenFrom(achievement, { green: 75, amber: 50 })).toBe(4);
  });
});
