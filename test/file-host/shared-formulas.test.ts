/**
 * Formulas a person entered that span cells: a shared formula (one master cell holds the text, the others say "same
 * as the master, moved") and an array formula. Writing into the master of a shared formula must not take the
 * formula away from the other cells; writing into an array formula's cells is refused, naming the cell.
 * The sheets are written by hand here; the expected formulas are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { oneSheetBook as book } from './support/one-sheet-book.js';
import { shiftFormula } from '../../file-host/xlsx/formula-shift.js';
import { ReviewRequestError } from '../../core/operations/types.js';
import type { TabPlan } from '../../core/sheet-plan/types.js';

async function sheetXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
}

/** The XML of one cell, as written. */
function cellXml(sheet: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`).exec(sheet);
  if (!m) throw new Error(`no cell ${ref} in ${sheet}`);
  return m[0];
}

function writeTo(cells: Array<{ row: number; col: number; v: string | number }>): TabPlan {
  return {
    name: 'Data',
    role: 'entry',
    mode: 'update',
    blocks: cells.map((c) => ({ row: c.row, col: c.col, owner: 'input' as const, cells: [[{ v: c.v }]] })),
    formats: [],
    columnWidths: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
}

// A1:A4 hold 1..4; B1:B4 are one shared formula "A1*2" (master B1); D1:E2 a second group "$A$1+A1" (master D1)
const ROWS =
  '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B4" si="0">A1*2</f><v>2</v></c><c r="D1"><f t="shared" ref="D1:E2" si="1">$A$1+A1</f><v>2</v></c><c r="E1"><f t="shared" si="1"/><v>3</v></c></row>' +
  '<row r="2"><c r="A2"><v>2</v></c><c r="B2" s="1"><f t="shared" si="0"/><v>4</v></c><c r="D2"><f t="shared" si="1"/><v>3</v></c><c r="E2"><f t="shared" si="1"/><v>1</v></c></row>' +
  '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>' +
  '<row r="4"><c r="A4"><v>4</v></c><c r="B4"><f ca="1" t="shared" si="0"/><v>8</v></c></row>';

describe('shiftFormula: a formula as Excel reads it from another cell', () => {
  it.each([
    ['A1*2', 1, 0, 'A2*2'],
    ['$A$1+A$1+$A1+B1', 2, 3, '$A$1+D$1+$A3+E3'],
    ['SUM(A1:B2)', 1, 1, 'SUM(B2:C3)'],
    ['"A1 stays"&A1', 1, 0, '"A1 stays"&A2'],
    ['"say ""B2"""&B2', 0, 1, '"say ""B2"""&C2'],
    ["'Q1 A1'!B2+Sheet2!C3", 1, 0, "'Q1 A1'!B3+Sheet2!C4"],
    ['LOG10(A1)+ATAN2(B1,C1)', 0, 1, 'LOG10(B1)+ATAN2(C1,D1)'],
    ['SUM(A:B)+SUM(1:2)+SUM($C:$C)', 1, 1, 'SUM(B:C)+SUM(2:3)+SUM($C:$C)'],
    ['Table1[[#This Row],[A1]]*2', 1, 1, 'Table1[[#This Row],[A1]]*2'],
    ['XFD1+A1048576+A1', 1, 1, '#REF!+#REF!+B2'],
    ['ABCD1+my_name2+1.5E+3+A1', 0, 2, 'ABCD1+my_name2+1.5E+3+C1'],
    ['_xlfn.XLOOKUP(A1,B:B,C:C)', 1, 0, '_xlfn.XLOOKUP(A2,B:B,C:C)'],
  ])('%s moved by %i rows and %i columns is %s', (formula, dRow, dCol, expected) => {
    expect(shiftFormula(formula, dRow, dCol)).toBe(expected);
  });
});

describe('writing into a shared formula', () => {
  it('the master cell written: every other cell of its group keeps its formula, written out in full', async () => {
    const host = await XlsxHost.fromBytes(await book(ROWS), 'shared.xlsx');
    await host.apply({ tabs: [writeTo([{ row: 1, col: 2, v: 'typed over' }])], namedRanges: [] });
    const out = await host.toBytes();
    const xml = await sheetXml(out);
    expect(cellXml(xml, 'B1')).not.toContain('<f');
    expect(cellXml(xml, 'B2')).toBe('<c r="B2" s="1"><f>A2*2</f><v>4</v></c>');
    expect(cellXml(xml, 'B3')).toBe('<c r="B3"><f>A3*2</f><v>6</v></c>');
    expect(cellXml(xml, 'B4')).toBe('<c r="B4"><f ca="1">A4*2</f><v>8</v></c>');
    // the other group is left exactly as it was
    expect(xml).toContain('<c r="D1"><f t="shared" ref="D1:E2" si="1">$A$1+A1</f><v>2</v></c><c r="E1"><f t="shared" si="1"/><v>3</v></c>');
    expect(xml).toContain('<c r="D2"><f t="shared" si="1"/><v>3</v></c><c r="E2"><f t="shared" si="1"/><v>1</v></c>');
    // read back: the values people see are unchanged
    const again = await XlsxHost.fromBytes(out, 'shared.xlsx');
    const v = (await again.read({ tabs: ['Data'] })).tabs['Data']!.values;
    expect(v.map((r) => r[1])).toEqual(['typed over', 4, 6, 8]);
  });

  it('a master with a moved reference on two axes: the other cells get theirs moved by their own offset', async () => {
    const host = await XlsxHost.fromBytes(await book(ROWS), 'shared.xlsx');
    await host.apply({ tabs: [writeTo([{ row: 1, col: 4, v: 7 }])], namedRanges: [] });
    const xml = await sheetXml(await host.toBytes());
    expect(cellXml(xml, 'D1')).toBe('<c r="D1"><v>7</v></c>');
    expect(cellXml(xml, 'E1')).toBe('<c r="E1"><f>$A$1+B1</f><v>3</v></c>');
    expect(cellXml(xml, 'D2')).toBe('<c r="D2"><f>$A$1+A2</f><v>3</v></c>');
    expect(cellXml(xml, 'E2')).toBe('<c r="E2"><f>$A$1+B2</f><v>1</v></c>');
    // the first group is untouched
    expect(xml).toContain('<c r="B1"><f t="shared" ref="B1:B4" si="0">A1*2</f><v>2</v></c>');
  });

  it('a cell of the group that is not the master written: only that cell changes', async () => {
    const host = await XlsxHost.fromBytes(await book(ROWS), 'shared.xlsx');
    await host.apply({ tabs: [writeTo([{ row: 3, col: 2, v: 5 }])], namedRanges: [] });
    const xml = await sheetXml(await host.toBytes());
    expect(cellXml(xml, 'B3')).toBe('<c r="B3"><v>5</v></c>');
    expect(xml).toContain('<c r="B1"><f t="shared" ref="B1:B4" si="0">A1*2</f><v>2</v></c>');
    expect(cellXml(xml, 'B2')).toBe('<c r="B2" s="1"><f t="shared" si="0"/><v>4</v></c>');
    expect(cellXml(xml, 'B4')).toBe('<c r="B4"><f ca="1" t="shared" si="0"/><v>8</v></c>');
  });
});

describe('writing into an array formula', () => {
  const ARRAY =
    '<row r="1"><c r="A1"><v>1</v></c><c r="C1"><f t="array" ref="C1:C3">A1:A3*2</f><v>2</v></c></row>' +
    '<row r="2"><c r="A2"><v>2</v></c><c r="C2"><v>4</v></c></row>' +
    '<row r="3"><c r="A3"><v>3</v></c><c r="C3"><v>6</v></c></row>';

  it.each([
    [2, 'C2'],
    [1, 'C1'],
  ])('is refused (a request error: exit 2), naming the cell, the formula and what to do — row %i', async (row, ref) => {
    const original = await book(ARRAY);
    const host = await XlsxHost.fromBytes(original, 'array.xlsx');
    const attempt = host.apply({ tabs: [writeTo([{ row, col: 3, v: 'x' }])], namedRanges: [] });
    await expect(attempt).rejects.toBeInstanceOf(ReviewRequestError);
    await expect(host.apply({ tabs: [writeTo([{ row, col: 3, v: 'x' }])], namedRanges: [] })).rejects.toThrow(
      new RegExp(
        `^Data!${ref}: this cell is part of an array formula \\(C1:C3, entered in C1\\).*Move the formula off the cells the review uses \\(or delete it\\).*Nothing was written\\.$`,
      ),
    );
  });

  it('cells beside it are written as usual', async () => {
    const host = await XlsxHost.fromBytes(await book(ARRAY), 'array.xlsx');
    await host.apply({ tabs: [writeTo([{ row: 2, col: 4, v: 'next to it' }])], namedRanges: [] });
    const xml = await sheetXml(await host.toBytes());
    expect(xml).toContain('<c r="C1"><f t="array" ref="C1:C3">A1:A3*2</f><v>2</v></c>');
    expect(cellXml(xml, 'C2')).toBe('<c r="C2"><v>4</v></c>');
  });
});
