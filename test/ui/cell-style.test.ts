import { describe, expect, it } from 'vitest';
import { cellCss, conditionalFormat, formatValue, serialToDate } from '../../ui/preview/cell-style.js';
import type { ConditionalRule } from '../../core/sheet-plan/types.js';

const green = { fill: '#C6EFCE', fontColour: '#006100' };
const amber = { fill: '#FFEB9C', fontColour: '#7A4F01' };
const red = { fill: '#FFC7CE', fontColour: '#9C0006' };
const rag: ConditionalRule[] = [
  { kind: 'number', operator: 'gte', value: 75, format: green },
  { kind: 'number', operator: 'between', value: 50, value2: 75, format: amber },
  { kind: 'number', operator: 'lt', value: 50, format: red },
];

describe('conditionalFormat', () => {
  it('applies the first rule met; between includes both ends', () => {
    expect(conditionalFormat(rag, 83.3)).toEqual(green);
    expect(conditionalFormat(rag, 75)).toEqual(green);
    expect(conditionalFormat(rag, 50)).toEqual(amber);
    expect(conditionalFormat(rag, 49.9)).toEqual(red);
  });
  it('number rules ignore text and blanks; text rules ignore case and spaces', () => {
    expect(conditionalFormat(rag, '83')).toEqual({});
    expect(conditionalFormat(rag, null)).toEqual({});
    const text: ConditionalRule[] = [{ kind: 'textEquals', text: 'Green', format: green }];
    expect(conditionalFormat(text, ' green ')).toEqual(green);
    expect(conditionalFormat(text, 'Greenish')).toEqual({});
  });
});

describe('formatValue', () => {
  it('rounds to the decimals of the format', () => {
    expect(formatValue(2.0555555, '0.00')).toBe('2.06');
    expect(formatValue(2, '0.00')).toBe('2.00');
    expect(formatValue(52.7777, '0')).toBe('53');
  });
  it('% multiplies by 100; a quoted suffix is shown as is', () => {
    expect(formatValue(0.5278, '0.0%')).toBe('52.8%');
    expect(formatValue(52.7777, '0"%"')).toBe('53%');
  });
  it('shows date serials and ISO dates as dd/mm/yyyy', () => {
    expect(formatValue(46341, 'dd/mm/yyyy')).toBe('15/11/2026');
    expect(formatValue('2026-11-15', 'dd/mm/yyyy')).toBe('15/11/2026');
  });
  it('leaves text and unknown formats to the plain display', () => {
    expect(formatValue('Amber', '0.00')).toBe('Amber');
    expect(formatValue(1234.5678, '#,##0.00')).toBe('1234.57');
    expect(formatValue(null, '0.00')).toBe('');
  });
});

describe('serialToDate', () => {
  it('counts days from 30/12/1899 as Excel does after 1900', () => {
    expect(serialToDate(1)).toBe('31/12/1899');
    expect(serialToDate(45658)).toBe('01/01/2025');
    expect(serialToDate(0)).toBeNull();
  });
});

describe('cellCss', () => {
  it('maps bold, fill, font colour and alignment', () => {
    expect(cellCss({ bold: true, fill: '#D9E1F2', fontColour: '#1F2937', hAlign: 'center', vAlign: 'top' }, 'x')).toEqual({
      fontWeight: 600,
      backgroundColor: '#D9E1F2',
      color: '#1F2937',
      textAlign: 'center',
      verticalAlign: 'top',
    });
  });
  it('numbers align right; a fill without a font colour gets automatic black text', () => {
    expect(cellCss({ fill: '#F2F2F2' }, 3)).toEqual({ backgroundColor: '#F2F2F2', color: '#000000', textAlign: 'right' });
    expect(cellCss({}, 'text')).toEqual({});
  });
});
