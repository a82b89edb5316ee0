/** PR_Meta's column pointers: `col:<key>` for the answers tab, `col:<tab key>:<key>` for another tab. Expected
 *  values written by hand. */
import { describe, expect, it } from 'vitest';
import { readMeta } from '../../core/reader/meta.js';
import { LAYOUT_VERSION, PRODUCT } from '../../core/sheet-plan/layout.js';

const meta = (rows: [string, string | number][]) =>
  readMeta({
    name: 'PR_Meta',
    index: 0,
    hidden: true,
    values: [['product', PRODUCT], ['layoutVersion', LAYOUT_VERSION], ['revision', 3], ...rows],
  });

describe('PR_Meta column pointers', () => {
  it('go to their tab; the answers keep item.field as item|field', () => {
    const { meta: m } = meta([
      ['tab:entry', 'Responses'],
      ['tab:notes', 'Workshop Notes'],
      ['tab:register', 'Progress Tracker'],
      ['col:respondent', 1],
      ['col:1.1.score', 4],
      ['col:1.1.comment', 5],
      ['col:notes:section', 2],
      ['col:register:theme', 3],
      ['col:register:a.b', 6],
      // an answers key with a colon whose first part is not a tab's key stays the answers'
      ['col:ASPIRE:1.score', 7],
      // not a column: ignored
      ['col:1.2.score', 'x'],
      ['col:1.3.score', 0],
    ]);
    expect(m.tabs.entry).toEqual({
      name: 'Responses',
      cols: { respondent: 1, '1.1|score': 4, '1.1|comment': 5, 'ASPIRE:1|score': 7 },
    });
    expect(m.tabs.notes).toEqual({ name: 'Workshop Notes', cols: { section: 2 } });
    expect(m.tabs.register).toEqual({ name: 'Progress Tracker', cols: { theme: 3, 'a.b': 6 } });
  });

  it('a tab without pointers has no cols, and pointers of a tab PR_Meta does not name are not kept', () => {
    const { meta: m } = meta([
      ['tab:entry', 'Responses'],
      ['col:plan:ref', 2],
    ]);
    expect(m.tabs.entry).toEqual({ name: 'Responses' });
    expect(m.tabs.plan).toBeUndefined();
  });
});
