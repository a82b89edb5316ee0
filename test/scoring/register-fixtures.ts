/** A small delivery tracker and risk register, built like the built-ins (shared column ids). */
import { FrameworkSchema } from '../../core/framework/schema.js';
import { registerRow } from './fixtures.js';

const fivePoint = (id: string, labels: string[]) => ({ id, points: labels.map((label, i) => ({ value: i + 1, label })) });

export const trackerFramework = FrameworkSchema.parse({
  id: 'dt',
  title: 'Tracker',
  description: 'd',
  kind: 'tracker',
  source: { seed: '004', reference: 'appendix 2' },
  scales: [fivePoint('achievement', ['not achieved', 'little progress', 'partially achieved', 'mostly achieved', 'achieved'])],
  defaultScale: 'achievement',
  register: {
    tab: 'Progress Tracker',
    groupLabel: 'Theme',
    groups: ['Crime', 'Education', 'Health'],
    columns: [
      { id: 'theme', header: 'Theme', type: 'group' },
      { id: 'issue', header: 'Issue', type: 'text' },
      { id: 'achievement', header: 'Achievement', type: 'score', scale: 'achievement' },
      { id: 'appropriateness', header: 'Appropriateness', type: 'score', scale: 'achievement' },
      { id: 'reviewed', header: 'Date reviewed', type: 'date' },
    ],
  },
});

/** The same tracker with seed 004's two stages: the co-ordinator's score, the champions' confirmed score and their texts. */
export const twoStageTrackerFramework = FrameworkSchema.parse({
  ...trackerFramework,
  id: 'dt2',
  register: {
    ...trackerFramework.register!,
    columns: [
      { id: 'theme', header: 'Theme', type: 'group' },
      { id: 'issue', header: 'Issue', type: 'text' },
      { id: 'achievement', header: "Co-ordinator's score", type: 'score', scale: 'achievement' },
      { id: 'confirmed', header: "Champions' score", type: 'score', scale: 'achievement' },
      { id: 'appropriateness', header: 'Appropriateness', type: 'score', scale: 'achievement' },
      { id: 'whyNotMet', header: 'Why not met', type: 'text' },
      { id: 'keyActions', header: 'Key actions', type: 'text' },
      { id: 'supportNeeded', header: 'Support needed', type: 'text' },
    ],
  },
});

export function trackerRows() {
  const s = 'Progress Tracker';
  return [
    registerRow(s, 10, 'Crime', { theme: 'Crime', issue: 'Burglary', achievement: 5, appropriateness: 4 }),
    registerRow(s, 11, ' crime ', { theme: ' crime ', issue: 'Street cleaning', achievement: 2, appropriateness: 2 }),
    registerRow(s, 12, 'Crime', { theme: 'Crime', issue: '', achievement: 'Achieved', appropriateness: 1 }),
    registerRow(s, 13, 'Crime', { theme: 'Crime', issue: null, achievement: null, appropriateness: '  ' }),
    registerRow(s, 14, 'Education', { theme: 'Education', issue: 'Attainment', achievement: 'x', appropriateness: 3 }),
    registerRow(s, 15, 'Transport', { theme: 'Transport', issue: 'Buses', achievement: 3 }),
    registerRow(s, 16, '', { theme: '', issue: 'Orphan', achievement: 1 }),
  ];
}

export const riskFramework = FrameworkSchema.parse({
  id: 'risk',
  title: 'Risk',
  description: 'd',
  kind: 'risk',
  source: { seed: '003', reference: '3.2' },
  scales: [fivePoint('lik', ['very low', 'low', 'medium', 'high', 'very high'])],
  defaultScale: 'lik',
  register: {
    tab: 'Risk Register',
    groupLabel: 'Risk theme',
    groups: ['Legal', 'Resources', 'Governance'],
    columns: [
      { id: 'theme', header: 'Risk theme', type: 'group' },
      { id: 'scenario', header: 'Scenario', type: 'text' },
      { id: 'likelihood', header: 'Likelihood', type: 'score', scale: 'lik' },
      { id: 'impact', header: 'Impact', type: 'score', scale: 'lik' },
      { id: 'rating', header: 'Rating', type: 'rag' },
    ],
  },
});

export function riskRows() {
  const s = 'Risk Register';
  return [
    registerRow(s, 5, 'Legal', { scenario: 'Challenge to decisions', rating: 'Red' }),
    registerRow(s, 6, 'Legal', { scenario: 'Data sharing', rating: ' high ' }),
    registerRow(s, 7, 'legal', { scenario: 'Contracts', rating: 'Moderate' }),
    registerRow(s, 8, 'Legal', { scenario: 'Procurement', likelihood: 3, impact: 5, rating: null }), // 15 → red
    registerRow(s, 9, 'Resources', { scenario: 'Funding cut', likelihood: 2, impact: 4, rating: '' }), // 8 → amber
    registerRow(s, 10, 'Resources', { scenario: 'Staff turnover', likelihood: '2', impact: 'medium' }), // 2 × 3 = 6 → green
    registerRow(s, 11, 'Resources', { scenario: 'Volunteers', likelihood: 5, impact: 5, rating: 'purple' }), // typed rating wins: unrated
    registerRow(s, 12, 'Governance', { scenario: 'Recognition', rating: 'LOW' }),
    registerRow(s, 13, 'Governance', { scenario: 'Induction' }),
  ];
}
