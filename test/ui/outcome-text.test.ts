import { describe, expect, it } from 'vitest';
import { checkedMessage, createdMessage, formatScore, planMessage, plural, summaryMessage } from '../../ui/outcome-text.js';

describe('outcome sentences', () => {
  it('formats scores en-GB with at most two decimals', () => {
    expect(formatScore(37 / 18)).toBe('2.06');
    expect(formatScore(2)).toBe('2');
    expect(formatScore(2.5)).toBe('2.5');
    // rounded as Intl rounds the shortest decimal, half away from zero (1.005 is stored a shade below 1.005)
    expect(formatScore(1.005)).toBe('1.01');
    expect(formatScore(0.965)).toBe('0.97');
    expect(formatScore(2.994)).toBe('2.99');
    expect(formatScore(3.995)).toBe('4');
    expect(formatScore(0.999)).toBe('1');
    expect(formatScore(0.004)).toBe('0');
    expect(formatScore(12345.678)).toBe('12345.68');
    expect(formatScore(0)).toBe('0');
    expect(formatScore(-1.5)).toBe('-1.5');
  });
  it('pluralises', () => {
    expect(plural(1, 'respondent')).toBe('1 respondent');
    expect(plural(1000, 'respondent')).toBe('1,000 respondents');
    expect(plural(999, 'row')).toBe('999 rows');
    expect(plural(0, 'row')).toBe('0 rows');
    expect(plural(1234567, 'row')).toBe('1,234,567 rows');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });
  it('create names the partnership, the cycle, the respondents and where to type', () => {
    expect(createdMessage({ partnerships: ['Kensington and Chelsea LSP'], cycle: '2026/27', respondents: 3, entryTab: 'Responses' })).toBe(
      'Review created for Kensington and Chelsea LSP (2026/27): 3 respondents. Type the entries on the Responses tab, then choose Check entries.',
    );
    expect(createdMessage({ partnerships: ['A', 'B'], cycle: '2026/27', respondents: 1, entryTab: null })).toBe(
      'Review created for 2 partnerships (2026/27): 1 respondent.',
    );
  });
  it('check says errors and reminders apart', () => {
    expect(checkedMessage(0, 0)).toBe('No errors: every entry can be scored, and nothing is left to chase.');
    expect(checkedMessage(1, 0)).toBe('1 error to fix: choose it to go to its cell.');
    expect(checkedMessage(2, 1)).toBe('2 errors to fix: choose one to go to its cell. 1 reminder below.');
    expect(checkedMessage(0, 2)).toBe('No errors: every entry can be scored. 2 reminders below.');
  });
  it('summary gives the overall mean and RAG, or says there are no scores yet', () => {
    expect(summaryMessage({ respondents: 3, overallMean: 37 / 18, rag: 'amber', actions: 5, planTab: 'Improvement Plan' })).toBe(
      'Summary built: 3 respondents, overall 2.06 (Amber); 5 actions on the Improvement Plan tab.',
    );
    // a register review (tracker, risk register) has no respondents: nothing said about them
    expect(summaryMessage({ respondents: 0, overallMean: null, rag: null, actions: 0, planTab: 'Improvement Plan' })).toBe(
      'Summary built; 0 actions on the Improvement Plan tab.',
    );
    expect(summaryMessage({ respondents: 2, overallMean: null, rag: null, actions: 0, planTab: 'Improvement Plan' })).toBe(
      'Summary built: 2 respondents, no scores yet; 0 actions on the Improvement Plan tab.',
    );
  });
  it('plan counts the actions and what was kept', () => {
    expect(planMessage({ drafted: 4, edited: 1, added: 0, noLongerWeak: 0, tab: 'Improvement Plan' })).toBe(
      'Improvement plan drafted: 5 actions (1 kept as you edited it). Check each action, then fill in the key contact and lead agency on the Improvement Plan tab.',
    );
    expect(planMessage({ drafted: 1, edited: 2, added: 1, noLongerWeak: 1, tab: 'Improvement Plan' })).toContain(
      '4 actions (2 kept as you edited them, 1 you added, 1 no longer weak)',
    );
    expect(planMessage({ drafted: 0, edited: 0, added: 0, noLongerWeak: 0, tab: 'Improvement Plan' })).toBe(
      'No actions to draft: no area for improvement was found. The Improvement Plan tab is ready for actions you add.',
    );
  });
});
