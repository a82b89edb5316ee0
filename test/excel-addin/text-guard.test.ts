/**
 * Text a person typed, written back by the Office.js and Apps Script hosts, must stay text: these are strings Excel
 * (and Sheets) would otherwise take as a negative number, an error, a fraction, a date and time or a date.
 */
import { describe, expect, it } from 'vitest';
import { hostText, needsTextGuard } from '../../core/sheet-plan/text-guard.js';

describe('text guard: what Excel would re-parse', () => {
  it.each([
    '(123)',
    '(1,234.50)',
    '#N/A',
    '#DIV/0!',
    '#REF!',
    '#VALUE!',
    '#NAME?',
    '1 1/2',
    '3/4',
    '2026-05-01 10:00',
    '01/05/2026 10:00:30',
    '10:00:00.5',
    'May 2026',
    'Jan-26',
    'Sept 1',
    '1-May',
    '1e5',
    '.5',
    '£1,000',
    '$ 5',
    '50 %',
    '12 ',
  ])('guards %j', (s) => {
    expect(needsTextGuard(s)).toBe(true);
    expect(hostText(s)).toBe(`'${s}`);
  });

  it.each(['Plain Name', 'Mayor of London', 'Marchmont Partnership', 'Needs work = yes', 'a+b', 'Decided in May', ''])(
    'leaves %j alone',
    (s) => {
      expect(hostText(s)).toBe(s);
    },
  );
});
