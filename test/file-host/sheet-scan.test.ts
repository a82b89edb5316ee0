/**
 * The rows and cells of a tab are read by scanning the text; anything but plain rows of cells (a comment, CDATA,
 * whitespace, prefixes, odd quoting) is read the general way. Both must give what a person sees, and a written tab
 * must keep every untouched row as its original text. Expected values are written by hand.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { oneSheetBook } from './support/one-sheet-book.js';
import { formulaTagHasAttributes, formulaTags } from '../../file-host/xlsx/sheet.js';

const PLAIN =
  '<row r="1" spans="1:3"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C1" t="b"><v>1</v></c></row>' +
  '<row r=\'2\'><c r=\'A2\' s=\'1\'><v>2.5</v></c><c r="B2" t="inlineStr"><is><r><t xml:space="preserve">Strong </t></r><r><rPr><b/></rPr><t>lead &lt;3</t></r></is></c><c r="C2" t="e"><v>#N/A</v></c></row>' +
  '<row r="3"/>' +
  '<row r="4">\n  <c r="A4"><v>4</v></c>\n  <c r="C4" t="str"><v>x_x000D_y</v></c>\n</row>';

const EXPECTED = [
  ['Name', 'ab', true],
  [2.5, 'Strong lead <3', '#N/A'],
  [], // a row holding nothing is read as an empty row
  [4, null, 'x\ry'],
];

async function read(sheetData: string): Promise<unknown[][]> {
  const host = await XlsxHost.fromBytes(await oneSheetBook(sheetData), 'scan.xlsx');
  return (await host.read({ tabs: ['Data'] })).tabs['Data']!.values;
}

describe('reading the cells of a tab', () => {
  it('plain rows (quotes of either kind, inline and rich strings, entities, whitespace between cells)', async () => {
    expect(await read(PLAIN)).toEqual(EXPECTED);
  });

  it('the same rows with a comment and CDATA among them (read the general way) give the same values', async () => {
    const odd = PLAIN.replace('<row r="3"/>', '<!-- a note --><row r="3"/>').replace('<v>4</v>', '<v><![CDATA[4]]></v>');
    expect(await read(odd)).toEqual(EXPECTED);
  });

  it('a malformed tab is refused, not half read', async () => {
    await expect(read(PLAIN.replace('</row><row r="3"/>', '<row r="3"/>'))).rejects.toThrow();
  });

  it('writing one cell leaves every other row as the text it was', async () => {
    for (const sheetData of [PLAIN, PLAIN.replace('<row r="3"/>', '<!-- a note --><row r="3"/>')]) {
      const host = await XlsxHost.fromBytes(await oneSheetBook(sheetData), 'scan.xlsx');
      host.type('Data', 3, 2, 7);
      const xml = await (await JSZip.loadAsync(await host.toBytes())).file('xl/worksheets/sheet1.xml')!.async('string');
      const rows = PLAIN.split(/(?=<row )/);
      for (const kept of [rows[0]!, rows[1]!, rows[3]!]) expect(xml).toContain(kept);
      expect(xml).toContain('<row r="3"><c r="B3"><v>7</v></c></row>');
    }
  });

  // A row's cells are read only when something needs them (the blank formatted rows below a review's data never are).
  // What is read later must be what reading at once gave, and rows never read go back as their text.
  const LATER =
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Head</t></is></c><c r="B1" s="1"/></row>' +
    // cells out of order, and cells without a reference (each is the column after the one before)
    '<row r="2"><c r="C2"><v>3</v></c><c r="A2"><v>1</v></c></row>' +
    '<row r="3"><c><v>5</v></c><c t="inlineStr"><is><t>six</t></is></c></row>' +
    // an extLst inside a cell: that row is read the general way
    '<row r="4"><c r="B4"><v>8</v><extLst><ext uri="{00000000-0000-0000-0000-000000000001}"/></extLst></c></row>' +
    // a plain formula: its row too is read when needed
    '<row r="5"><c r="A5"><f>A2*2</f><v>2</v></c></row>' +
    '<row r="6"><c r="A6" s="1"/><c r="B6" s="1"/><c r="D6" s="1"/></row>' +
    '<row r="7" ht="20" customHeight="1"><c r="A7" s="1"/><c r="E7" s="1"/></row>';

  it('rows read when first needed give what a person sees', async () => {
    expect(await read(LATER)).toEqual([
      ['Head', null, null],
      [1, null, 3],
      [5, 'six', null],
      [null, 8, null],
      [2, null, null],
    ]);
  });

  it('rows never read go back as their text, and the used range still counts their cells', async () => {
    const host = await XlsxHost.fromBytes(await oneSheetBook(LATER), 'scan.xlsx');
    host.type('Data', 1, 2, 'new');
    const xml = await (await JSZip.loadAsync(await host.toBytes())).file('xl/worksheets/sheet1.xml')!.async('string');
    const rows = LATER.split(/(?=<row )/);
    for (const kept of rows.slice(3)) expect(xml).toContain(kept);
    // cells out of order are put in order (as when every row was read at once)
    expect(xml).toContain('<row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row>');
    // formatted blank cells reach column E on row 7
    expect(xml).toContain('<dimension ref="A1:E7"/>');
    expect(host.valueAt('Data', 1, 2)).toBe('new');
    expect(host.valueAt('Data', 3, 2)).toBe('six');
  });

  // Formatting blank formatted rows as they already are (a plan tab's column formats over its spare rows) leaves them
  // unread and as their text; a format that changes a cell's style, or a cell missing from the range, still writes.
  it('a format over blank formatted rows that changes nothing keeps them as their text; one that changes them restyles', async () => {
    const rows =
      '<row r="1"><c r="A1" s="1"/><c r="B1" s="1"/><c r="C1" s="1"/></row>' +
      '<row r="2"><c r="A2" s="1"/><c r="B2" s="1"/><c r="C2" s="1"/></row>' +
      '<row r="3"><c r="A3" s="1"/><c r="C3" s="1"/></row>' +
      '<row r="4"><c r="A4"/><c r="B4" s="1"/><c r="C4" s="1"/></row>';
    const host = await XlsxHost.fromBytes(await oneSheetBook(rows), 'scan.xlsx');
    const fmt = (row: number, col: number, rowsN: number) => ({
      range: { row, col, rows: rowsN, cols: 1 },
      format: { numberFormat: '0.00' },
    });
    await host.apply({
      tabs: [
        {
          name: 'Data',
          role: 'entry',
          mode: 'update',
          blocks: [],
          // column C on every row (all 0.00 already); column B on rows 1–4 (row 3 has no B cell; row 4's A is plain)
          formats: [fmt(1, 3, 4), fmt(1, 2, 4), fmt(4, 1, 1)],
          columnWidths: [],
          merges: [],
          validations: [],
          conditionalFormats: [],
          charts: [],
        },
      ],
      namedRanges: [],
    });
    const xml = await (await JSZip.loadAsync(await host.toBytes())).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<row r="1"><c r="A1" s="1"/><c r="B1" s="1"/><c r="C1" s="1"/></row>');
    expect(xml).toContain('<row r="2"><c r="A2" s="1"/><c r="B2" s="1"/><c r="C2" s="1"/></row>');
    expect(xml).toContain('<row r="3"><c r="A3" s="1"/><c r="B3" s="1"/><c r="C3" s="1"/></row>');
    expect(xml).toContain('<row r="4"><c r="A4" s="1"/><c r="B4" s="1"/><c r="C4" s="1"/></row>');
  });

  it('a row left open inside another is refused, not half read', async () => {
    // row 6 (blank formatted cells, which are otherwise read only when needed) never ends
    await expect(read(LATER.replace('</row><row r="7"', '<row r="7"'))).rejects.toThrow();
  });
});

describe('finding formula tags in the text of a tab', () => {
  it('finds <f>, <f/>, <f t="shared"> and prefixed ones, in order, and nothing else', () => {
    const text = '<c r="A1"><f>1+1</f></c><c><x:f t="shared"/></c><c><fx>no</fx><f\n/><y.z-1:f>2</y.z-1:f><1q:f>no</1q:f><:f/>';
    expect(formulaTags(text, 0, text.length)).toEqual([
      text.indexOf('<f>'),
      text.indexOf('<x:f'),
      text.indexOf('<f\n'),
      text.indexOf('<y.z-1:f'),
    ]);
    // only tags that start from `from` and before `to`
    expect(formulaTags(text, text.indexOf('<x:f') + 1, text.indexOf('<y.z'))).toEqual([text.indexOf('<f\n')]);
  });
});

describe('formula tags that must be read at once', () => {
  it('a tag with attributes (shared, array, data table, any other) does; a plain <f> does not', () => {
    const at = (text: string) => formulaTagHasAttributes(text, 0);
    expect(at('<f>A1</f>')).toBe(false);
    expect(at('<f/>')).toBe(false);
    expect(at('<f >A1</f>')).toBe(false);
    expect(at('<f\n/>')).toBe(false);
    expect(at('<x:f>A1</x:f>')).toBe(false);
    expect(at('<f t="shared" si="0"/>')).toBe(true);
    expect(at('<f t="array" ref="A1:A3">B1:B3</f>')).toBe(true);
    expect(at('<x:f\n  aca="1">A1</x:f>')).toBe(true);
  });
});

describe('reading the head of a tab', () => {
  // plain formulas (rows read when needed) and a shared formula (rows read at once) before and after the head
  const ROWS =
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row>' +
    '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2"><f t="shared" ref="B2:B5" si="0">A2*3</f><v>6</v></c></row>' +
    '<row r="3"><c r="A3" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row>' +
    '<row r="4"><c r="A4"><v>4</v></c></row>' +
    '<row r="5"><c r="A5"><f>A4+1</f><v>5</v></c><c r="B5"><f t="shared" si="0"/><v>15</v></c></row>';

  it('gives the rows asked for, as reading the whole tab gives them', async () => {
    const host = await XlsxHost.fromBytes(await oneSheetBook(ROWS), 'head.xlsx');
    const whole = (await host.read({ tabs: ['Data'] })).tabs['Data']!.values;
    expect(whole).toEqual([
      ['Title', null],
      [2, 6],
      ['xy', null],
      [4, null],
      [5, 15],
    ]);
    const again = await XlsxHost.fromBytes(await oneSheetBook(ROWS), 'head.xlsx');
    const head = (await again.read({ tabs: ['Data'], heads: { data: 3 } })).tabs['Data']!.values;
    expect(head).toEqual([
      ['Title', null],
      [2, 6],
      ['xy', null],
    ]);
    // the plain formulas of rows not read for the head are still found
    expect(again.formulas().map((f) => `${f.row}:${f.col}:${f.formula}`)).toEqual(
      expect.arrayContaining(['2:1:=1+1', '2:2:=A2*3', '3:1:="x"&"y"', '5:1:=A4+1']),
    );
  });
});
