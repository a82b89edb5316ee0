/**
 * core/import/csv.ts: the one CSV reader the command line and both panes use. Expectations written by hand from
 * RFC 4180 and from what a spreadsheet stores for each field.
 */
import { describe, expect, it } from 'vitest';
import { csvRows, csvTable, importFileKind } from '../../core/import/csv.js';

describe('csvRows', () => {
  it('reads quoted fields with doubled quotes, commas and line breaks inside, and every kind of line ending', () => {
    expect(csvRows('a,"b ""q"", x"\r\n"two\nlines",c\rlast,""')).toEqual([
      ['a', 'b "q", x'],
      ['two\nlines', 'c'],
      ['last', ''],
    ]);
  });

  it('skips blank lines, keeps a last record without a line break, and keeps empty fields', () => {
    expect(csvRows('\uFEFFa,,c\n\n\n,,\nz')).toEqual([['a', '', 'c'], ['', '', ''], ['z']]);
  });

  it('refuses a stray quote, text after a closing quote and a quote never closed, naming the line', () => {
    expect(() => csvRows('a,b\nc,d"e\n')).toThrow(/inside a field that does not start with one \(line 2\)/);
    expect(() => csvRows('a\n"x"y,2\n')).toThrow(/straight after the closing quote of a field \(line 2\)/);
    expect(() => csvRows('a\nb\n"open,2\n3\n')).toThrow(/never closed \(line 3\)/);
  });
});

describe('csvTable', () => {
  it('types plain numbers only, leaves blanks blank and pads short rows', () => {
    expect(csvTable('Name,Score,Ref,Note\nAnn, 3 ,007,"1,000"\nBen,-2.5\n', 'x.csv')).toEqual([
      ['Name', 'Score', 'Ref', 'Note'],
      ['Ann', 3, '007', '1,000'],
      ['Ben', -2.5, null, null],
    ]);
  });

  it('says which file and line could not be read, and what to do', () => {
    expect(() => csvTable('a\n"open\n', 'export.csv')).toThrow(
      'export.csv is not a CSV file that can be read (line 2): a quoted field is never closed. Export the responses again as CSV (UTF-8).',
    );
  });
});

describe('importFileKind', () => {
  it('knows an .xlsx by its name or its zip signature, and refuses an old .xls with what to do', () => {
    expect(importFileKind('Form.xlsx', new Uint8Array([1]))).toBe('xlsx');
    expect(importFileKind('export.csv', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('xlsx');
    expect(importFileKind('export.csv', new Uint8Array([0x4e]))).toBe('csv');
    expect(() => importFileKind('old.XLS', new Uint8Array([0xd0]))).toThrow(
      'old.XLS is an older .xls workbook: save it as .xlsx or CSV (UTF-8), then import that.',
    );
  });
});
