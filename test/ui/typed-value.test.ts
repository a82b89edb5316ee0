import { describe, expect, it } from 'vitest';
import { displayValue, editText, typedValue } from '../../ui/preview/typed-value.js';

describe('typedValue (typing into the preview grid)', () => {
  it('numbers become numbers', () => {
    expect(typedValue('3')).toBe(3);
    expect(typedValue(' 7 ')).toBe(7);
    expect(typedValue('-1.5')).toBe(-1.5);
    expect(typedValue('.5')).toBe(0.5);
  });
  it('blank clears the cell', () => {
    expect(typedValue('')).toBeNull();
    expect(typedValue('   ')).toBeNull();
  });
  it('dd/mm/yyyy becomes an ISO date; impossible dates stay text', () => {
    expect(typedValue('01/06/2026')).toBe('2026-06-01');
    expect(typedValue('31/12/2026')).toBe('2026-12-31');
    expect(typedValue('31/02/2026')).toBe('31/02/2026');
  });
  it('a leading apostrophe keeps text; formulas are never evaluated', () => {
    expect(typedValue("'007")).toBe('007');
    expect(typedValue('=HYPERLINK("http://x")')).toBe('=HYPERLINK("http://x")');
    expect(typedValue('Strong')).toBe('Strong');
    expect(typedValue('3 (see note)')).toBe('3 (see note)');
  });
});

describe('displayValue', () => {
  it('shows numbers en-GB with at most two decimals and no grouping', () => {
    expect(displayValue(2.3333333)).toBe('2.33');
    expect(displayValue(2)).toBe('2');
    expect(displayValue(12345.5)).toBe('12345.5');
  });
  it('shows ISO dates as dd/mm/yyyy and booleans as Excel does', () => {
    expect(displayValue('2026-06-01')).toBe('01/06/2026');
    expect(displayValue(true)).toBe('TRUE');
    expect(displayValue(null)).toBe('');
  });
});

describe('editText', () => {
  it('round-trips through typedValue', () => {
    for (const v of [3, -1.5, '2026-06-01', 'Strong', '007', '=SUM(A1)', null]) {
      expect(typedValue(editText(v))).toBe(v);
    }
  });
});
