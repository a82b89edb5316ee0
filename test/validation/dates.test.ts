import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareIso,
  cycleStartYear,
  formatDateUk,
  isDateFormat,
  isIsoDate,
  isoToSerial,
  parseDate,
  serialFromDateSystem,
  serialInDateSystem,
  serialToIso,
} from '../../core/util/dates.js';

describe('parseDate', () => {
  it('ISO, with or without a time', () => {
    expect(parseDate('2026-01-05')).toBe('2026-01-05');
    expect(parseDate(' 2026-1-5 ')).toBe('2026-01-05');
    expect(parseDate('2026-01-05T00:00:00Z')).toBe('2026-01-05');
    expect(parseDate('2026-01-05 14:30')).toBe('2026-01-05');
  });

  it('day first: dd/mm/yyyy and d/m/yy, with / . or -', () => {
    expect(parseDate('05/01/2026')).toBe('2026-01-05');
    expect(parseDate('5/1/2026')).toBe('2026-01-05');
    expect(parseDate('5/1/26')).toBe('2026-01-05');
    expect(parseDate('31.12.99')).toBe('1999-12-31'); // 99 ≥ 30 → 1999
    expect(parseDate('01-02-29')).toBe('2029-02-01'); // 29 < 30 → 2029
    expect(parseDate('1/2/30', { twoDigitYearPivot: 50 })).toBe('2030-02-01');
  });

  it('Excel serial numbers, as numbers or text; any time of day ignored', () => {
    // 01/01/2025 is serial 45658, so 05/01/2025 is 45662
    expect(parseDate(45662)).toBe('2025-01-05');
    expect(parseDate(45662.75)).toBe('2025-01-05');
    expect(parseDate('45662')).toBe('2025-01-05');
    expect(parseDate(45662, { serials: false })).toBeNull();
  });

  it('rejects impossible dates and things that are not dates', () => {
    expect(parseDate('31/02/2026')).toBeNull();
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('29/02/2026')).toBeNull();
    expect(parseDate('29/02/2028')).toBe('2028-02-29');
    expect(parseDate('13/13/2026')).toBeNull();
    expect(parseDate('next week')).toBeNull();
    expect(parseDate('2026/01')).toBeNull();
    expect(parseDate('')).toBeNull();
    expect(parseDate(null)).toBeNull();
    expect(parseDate(true)).toBeNull();
    expect(parseDate(0)).toBeNull();
    expect(parseDate(-5)).toBeNull();
    expect(parseDate(3_000_000)).toBeNull();
  });
});

describe('Excel serials', () => {
  it('follow Excel, including its fictitious 29/02/1900', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBe('1900-02-28'); // Excel shows 29/02/1900, which never existed
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(2_958_465)).toBe('9999-12-31');
  });

  it('round-trip', () => {
    expect(isoToSerial('2025-01-05')).toBe(45662);
    expect(isoToSerial('2026-07-31')).toBe(46234); // 01/01/2026 = 45658 + 365 = 46023; + 211 days
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(isoToSerial('1900-01-01')).toBe(1);
    for (const s of [1, 59, 61, 40000, 46234]) expect(isoToSerial(serialToIso(s)!)).toBe(s);
  });
});

describe('date arithmetic and display', () => {
  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-01-15', -2)).toBe('2025-11-15');
    expect(addMonths('2026-01-15', 0)).toBe('2026-01-15');
  });

  it('adds days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('shows dd/mm/yyyy', () => {
    expect(formatDateUk('2026-01-05')).toBe('05/01/2026');
    expect(() => formatDateUk('05/01/2026')).toThrow();
  });

  it('compares and checks ISO dates', () => {
    expect(compareIso('2026-01-05', '2026-01-06')).toBe(-1);
    expect(compareIso('2026-01-05', '2026-01-05')).toBe(0);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });

  it('finds the first year of a cycle', () => {
    expect(cycleStartYear('2026/27')).toBe(2026);
    expect(cycleStartYear('Cycle 2025-2026')).toBe(2025);
    expect(cycleStartYear('next year')).toBeNull();
    expect(cycleStartYear('12026')).toBeNull();
  });
});

describe('the 1904 date system (a workbook that counts from 01/01/1904)', () => {
  it('the same day is 1,462 lower there: 23/05/2027 is 46530 in the 1900 system and 45068 in the 1904 one', () => {
    expect(serialInDateSystem(46530, true)).toBe(45068);
    expect(serialFromDateSystem(45068, true)).toBe(46530);
    expect(serialInDateSystem(46530, false)).toBe(46530);
    expect(serialFromDateSystem(46530, false)).toBe(46530);
    expect(serialToIso(serialFromDateSystem(0, true))).toBe('1904-01-01');
  });

  it('tells date and time formats from others', () => {
    for (const code of ['dd/mm/yyyy', 'd mmm yyyy', '[$-809]dd/mm/yyyy', 'h:mm', 'yyyy-mm-dd hh:mm:ss', '[h]:mm'])
      expect([code, isDateFormat(code)]).toEqual([code, true]);
    for (const code of ['General', '0.00', '@', '#,##0', '0%', '"days"0', '[Red]0.0'])
      expect([code, isDateFormat(code)]).toEqual([code, false]);
  });
});
