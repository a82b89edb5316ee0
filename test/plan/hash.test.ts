import { describe, expect, it } from 'vitest';
import { fnv1a, hashPlanRow } from '../../core/util/hash.js';
import type { ImprovementAction } from '../../core/plan/types.js';

const row: ImprovementAction = {
  ref: 'item:A2',
  part: 'Partnership',
  heading: 'Aspire',
  sourceItems: 'A2',
  action: 'Agree a plan',
  date: '2026-07-31',
  keyContact: '',
  leadAgency: '',
  supportNeeded: '',
  howSupportProvided: '',
  progressReportDate: '2026-04-30',
  status: 'Not started',
};

describe('fnv1a', () => {
  it('matches the published 32-bit FNV-1a test vectors', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
  });
});

describe('hashPlanRow', () => {
  it('is deterministic and changes when a person edits any field', () => {
    const h = hashPlanRow(row);
    expect(hashPlanRow({ ...row })).toBe(h);
    expect(h).toMatch(/^[0-9a-f]{8}$/);
    for (const k of [
      'heading',
      'sourceItems',
      'action',
      'keyContact',
      'leadAgency',
      'supportNeeded',
      'howSupportProvided',
      'status',
    ] as const) {
      expect(hashPlanRow({ ...row, [k]: `${row[k]}x` })).not.toBe(h);
    }
    expect(hashPlanRow({ ...row, part: 'Delivery' })).not.toBe(h);
    expect(hashPlanRow({ ...row, date: '2026-08-01' })).not.toBe(h);
  });

  it('ignores the ref, surrounding spaces, line-ending style and how a date came back', () => {
    const h = hashPlanRow(row);
    const other: ImprovementAction = { ...row, ref: 'item:B1' };
    expect(hashPlanRow(other)).toBe(h);
    expect(hashPlanRow({ ...row, action: '  Agree a plan \r\n' })).toBe(h);
    expect(hashPlanRow({ ...row, date: '31/07/2026' })).toBe(h);
    expect(hashPlanRow({ ...row, date: '46234' })).toBe(h); // Excel serial of 31/07/2026
  });

  it('fields do not run into each other', () => {
    expect(hashPlanRow({ ...row, leadAgency: 'ab', supportNeeded: 'c' })).not.toBe(
      hashPlanRow({ ...row, leadAgency: 'a', supportNeeded: 'bc' }),
    );
  });
});
