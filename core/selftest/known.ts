/**
 * The self-test's own review: the partnership tree (six characteristics, each one item scored 1–3), four
 * respondents, and scores chosen so that every figure can be worked out by hand. The expected figures below are
 * written out, not computed by the code under test.
 *
 * Red/amber/green on a 1–3 scale (project default, see the framework's silences): the percentage is
 * (mean − 1) / 2; green from 75% (mean ≥ 2.5), amber from 50% (mean ≥ 2), red below. Divided opinion (default): two
 * or more scores whose lowest and highest are at least two-thirds of the scale range apart (3 − 1 = 2, so ≥ 1.33).
 */
import type { Rag } from '../scoring/types.js';

export const SELFTEST_FRAMEWORK = 'partnership-tree';
export const SELFTEST_PARTNERSHIP = 'Self-test partnership';
export const SELFTEST_CYCLE = 'Self-test';
export const SELFTEST_RESPONDENTS = ['Respondent A', 'Respondent B', 'Respondent C', 'Respondent D'];

/** A comment that looks like a formula: every host must keep it as the text typed. */
export const FORMULA_LIKE_COMMENT = '=1+1';

export interface KnownItem {
  id: string;
  /** one score per respondent, in order */
  scores: [number, number, number, number];
  mean: number;
  /** sample standard deviation */
  sd: number;
  rag: Rag;
  divided: boolean;
}

export const KNOWN_ITEMS: KnownItem[] = [
  // 3+3+3+2 = 11, /4 = 2.75 → 87.5% green; deviations .25 .25 .25 −.75 → .75/3 = .25 → sd .5; range 1: not divided
  { id: 'ASPIRE', scores: [3, 3, 3, 2], mean: 2.75, sd: 0.5, rag: 'green', divided: false },
  // 2+2+3+1 = 8, /4 = 2 → exactly 50%: amber; deviations 0 0 1 −1 → 2/3 → sd √(2/3); range 2: divided
  { id: 'THINK', scores: [2, 2, 3, 1], mean: 2, sd: Math.sqrt(2 / 3), rag: 'amber', divided: true },
  // 1+1+2+1 = 5, /4 = 1.25 → 12.5% red; sd .5 (as ASPIRE); range 1
  { id: 'LEAD', scores: [1, 1, 2, 1], mean: 1.25, sd: 0.5, rag: 'red', divided: false },
  // 3+2+2+3 = 10, /4 = 2.5 → exactly 75%: green; deviations ±.5 → 1/3 → sd √(1/3); range 1
  { id: 'COLLABORATE', scores: [3, 2, 2, 3], mean: 2.5, sd: Math.sqrt(1 / 3), rag: 'green', divided: false },
  // 1+2+1+2 = 6, /4 = 1.5 → 25% red; sd √(1/3); range 1
  { id: 'ACCOUNT', scores: [1, 2, 1, 2], mean: 1.5, sd: Math.sqrt(1 / 3), rag: 'red', divided: false },
  // 3+1+3+1 = 8, /4 = 2 → 50% amber; deviations ±1 → 4/3 → sd √(4/3); range 2: divided
  { id: 'DELIVER', scores: [3, 1, 3, 1], mean: 2, sd: Math.sqrt(4 / 3), rag: 'amber', divided: true },
];

/** 11 + 8 + 5 + 10 + 6 + 8 = 48 points over 24 scores = 2 (every item has four scores, so every way of averaging
 *  agrees): 50%, amber. */
export const KNOWN_OVERALL = { mean: 2, rag: 'amber' as Rag, respondents: 4 };

/** Areas for improvement (a red, amber or divided item; each characteristic is its own area), one drafted action
 *  each, ranked by lowest percentage: LEAD 12.5%, ACCOUNT 25%, then THINK and DELIVER at 50% (both divided, so
 *  framework order breaks the tie). ASPIRE and COLLABORATE are green and not divided: no action. */
export const KNOWN_PLAN_REFS = ['LEAD', 'ACCOUNT', 'THINK', 'DELIVER'];

/** The tabs creating a partnership-tree review makes, in the order written (layout version 1). */
export const KNOWN_CREATED_TABS = [
  'Instructions',
  'Responses',
  'Workshop Notes',
  'Summary',
  'Comments',
  'Improvement Plan',
  'Review Settings',
  'Previous Review',
  'PR_Meta',
];

/** The add-in's version, shown in the self-test's report (kept equal to package.json by test/selftest). */
export const ADDIN_VERSION = '0.1.0';
