/**
 * A format over a tall range whose foot is blank (a review's thousand formatted spare rows) is written through the
 * columns' own style, as Excel stores a format given to whole columns, not as an empty cell per row and column. What a
 * person sees must be what the cell-by-cell way gave: every cell of the range formatted, every cell above it as it
 * was, every cell that exists below it as it was; only blank cells below the range take the columns' format too. In a
 * tab the command makes, blank cells above the range are given the style they show; in a tab people have, the
 * columns' style is used only where no cell outside the range would need writing, else the range is formatted cell by
 * cell as before.
 * Expected values are written by hand: style 1 of the test workbook is the number format 0.00 (built-in format 2);
 * the text format "@" is built-in format 49.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { TabPlan } from '../../core/sheet-plan/types.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { COLUMN_STYLE_ROWS } from '../../file-host/xlsx/sheet.js';
import { convert, freshProfile, soffice } from '../parity/libreoffice.js';
import { oneSheetBook } from './support/one-sheet-book.js';

const TEXT = 49;

const tab = (formats: TabPlan['formats']): TabPlan => ({
  name: 'Data',
  role: 'entry',
  mode: 'update',
  blocks: [],
  formats,
  columnWidths: [],
  merges: [],
  validations: [],
  conditionalFormats: [],
  charts: [],
});

/** Columns A–C as text from row 3 down to `bottom`. */
const textFormat = (bottom: number, top = 3): TabPlan['formats'][number] => ({
  range: { row: top, col: 1, rows: bottom - top + 1, cols: 3 },
  format: { numberFormat: '@' },
});

/** Column C of row 1 in 0.00 (style 1), so the tab is not all one style. */
const HEAD_CELLS: TabPlan['blocks'] = [
  { row: 1, col: 1, owner: 'generated', cells: [[{ v: 'Title' }]] },
  { row: 2, col: 1, owner: 'generated', cells: [[{ v: 'Name' }, { v: 'Score' }]] },
  { row: 3, col: 1, owner: 'input', cells: [[{ v: 'Ann' }, { v: 2 }]] },
];
const C1_TWO_PLACES: TabPlan['formats'][number] = { range: { row: 1, col: 3, rows: 1, cols: 1 }, format: { numberFormat: '0.00' } };

/** A tab made by this command (rows 1–3, and `more`, written by the plan), then `formats` over it. */
async function made(formats: TabPlan['formats'], more: TabPlan['blocks'] = []) {
  const host = XlsxHost.create();
  const blocks = [...HEAD_CELLS, ...more];
  await host.apply({ tabs: [{ ...tab([C1_TWO_PLACES, ...formats]), mode: 'create', blocks }], namedRanges: [] });
  const bytes = await host.toBytes();
  return { host, bytes, xml: await sheetXml(bytes) };
}

/** A tab people have (rows given as XML), then `formats` over it. */
async function formatted(rows: string, formats: TabPlan['formats']) {
  const host = await XlsxHost.fromBytes(await oneSheetBook(rows), 'foot.xlsx');
  await host.apply({ tabs: [tab(formats)], namedRanges: [] });
  const bytes = await host.toBytes();
  return { host, bytes, xml: await sheetXml(bytes) };
}

async function sheetXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
}

/** The number format a person sees in a cell of the Data tab, read back from the saved file. */
async function numFmtAt(bytes: Uint8Array, row: number, col: number): Promise<number> {
  const host = await XlsxHost.fromBytes(bytes, 'foot.xlsx');
  const wb = host.workbook;
  return wb.styles().info(wb.model(wb.find('Data')!).styleAt(row, col)).numFmtId;
}

// a tab people have: rows 1 and 2 a heading with a cell in every column (in 0.00), row 3 the first data row
const FULL_HEAD =
  '<row r="1"><c r="A1" s="1" t="inlineStr"><is><t>Title</t></is></c><c r="B1" s="1"/><c r="C1" s="1"/></row>' +
  '<row r="2"><c r="A2" s="1" t="inlineStr"><is><t>Name</t></is></c><c r="B2" s="1" t="inlineStr"><is><t>Score</t></is></c><c r="C2" s="1"/></row>' +
  '<row r="3"><c r="A3" t="inlineStr"><is><t>Ann</t></is></c><c r="B3"><v>2</v></c></row>';
// the same heading with blank cells (B1, C2) and cells without a style
const GAPPY_HEAD =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c><c r="C1" s="1"/></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>Name</t></is></c><c r="B2" t="inlineStr"><is><t>Score</t></is></c></row>' +
  '<row r="3"><c r="A3" t="inlineStr"><is><t>Ann</t></is></c><c r="B3"><v>2</v></c></row>';

describe('a format over a tall range with a blank foot', () => {
  it('in a tab the command makes: written as the columns’ style, no cell per spare row, every cell formatted', async () => {
    const { bytes, xml } = await made([textFormat(1002)]);
    expect(xml).not.toMatch(/<row r="(?:[4-9]|\d{2,})"/);
    for (const col of [1, 2, 3]) expect(xml).toMatch(new RegExp(`<col min="${col}" max="${col}"[^>]* style="\\d+"`));
    for (const [row, col] of [
      [3, 1],
      [3, 2],
      [3, 3],
      [4, 1],
      [500, 2],
      [1002, 3],
    ] as const)
      expect(await numFmtAt(bytes, row, col)).toBe(TEXT);
    // below the range, blank cells take the columns' format too (what a whole-column format means)
    expect(await numFmtAt(bytes, 5000, 1)).toBe(TEXT);
    expect(bytes.length).toBeLessThan(6000);
  });

  it('in a tab the command makes: every cell above the range looks as it did, blank ones included', async () => {
    const { bytes, xml } = await made([textFormat(1002)]);
    expect(await numFmtAt(bytes, 1, 1)).toBe(0);
    expect(await numFmtAt(bytes, 1, 2)).toBe(0); // B1 had no cell: it is given the look it had
    expect(await numFmtAt(bytes, 1, 3)).toBe(2); // C1 keeps its 0.00
    expect(await numFmtAt(bytes, 2, 3)).toBe(0);
    // style 0 said outright in a column with a style (LibreOffice would give a cell without one its column's)
    expect(xml).toContain('<c r="B1" s="0"/>');
    expect(xml).toContain('<c r="C2" s="0"/>');
    expect(xml).toMatch(/<c r="A1" s="0" t=/);
  });

  it('in a tab people have whose columns all have a cell above the range: the columns’ style, and every cell outside the range as it was', async () => {
    const rows =
      FULL_HEAD +
      // a row a person gave a style of its own (0.00) inside the range, and a note in 0.00 far below it
      '<row r="600" s="1" customFormat="1"/>' +
      '<row r="2000"><c r="A2000" s="1" t="inlineStr"><is><t>note</t></is></c></row>';
    const { bytes, xml } = await formatted(rows, [textFormat(1002)]);
    for (const r of FULL_HEAD.split(/(?=<row )/).slice(0, 2)) expect(xml).toContain(r);
    expect(xml).toContain('<row r="2000"><c r="A2000" s="1" t="inlineStr"><is><t>note</t></is></c></row>');
    // rows down to the styled row are formatted cell by cell; the foot below it through the columns
    expect(xml).toContain('<row r="599"><c r="A599" s="');
    expect(xml).not.toContain('<row r="601"');
    expect(await numFmtAt(bytes, 600, 2)).toBe(TEXT);
    expect(await numFmtAt(bytes, 599, 2)).toBe(TEXT);
    expect(await numFmtAt(bytes, 700, 2)).toBe(TEXT);
    expect(await numFmtAt(bytes, 2000, 1)).toBe(2);
    expect(await numFmtAt(bytes, 2000, 2)).toBe(TEXT);
  });

  it('a column made only to carry the style gets the default width as Excel stores it (9.140625 for 8.43 characters)', async () => {
    const { xml } = await formatted(FULL_HEAD, [textFormat(1002)]);
    for (const col of [1, 2, 3]) expect(xml).toMatch(new RegExp(`<col min="${col}" max="${col}" width="9.140625" style="\\d+"/>`));
  });

  it('a shorter range after a taller one over the same column is formatted cell by cell: its format stays in its rows', async () => {
    const twoPlaces: TabPlan['formats'][number] = { range: { row: 3, col: 1, rows: 1000, cols: 1 }, format: { numberFormat: '0.00' } };
    const bold: TabPlan['formats'][number] = { range: { row: 3, col: 1, rows: 200, cols: 1 }, format: { bold: true } };
    const { bytes } = await made([twoPlaces, bold]);
    const host = await XlsxHost.fromBytes(bytes, 'foot.xlsx');
    const wb = host.workbook;
    const ws = wb.model(wb.find('Data')!);
    const at = (row: number) => wb.styles().info(ws.styleAt(row, 1));
    for (const row of [3, 100, 202]) expect([at(row).numFmtId, at(row).bold]).toEqual([2, true]);
    for (const row of [203, 500, 1002]) expect([at(row).numFmtId, at(row).bold]).toEqual([2, false]);
  });

  it('in a tab people have, a row whose cells are out of order, or with a row format and no style, ends the foot', async () => {
    const rows =
      FULL_HEAD +
      // B700 between E700 and F700: the row holds a cell in column B though its first and last cells are outside A–C
      '<row r="700"><c r="E700" s="1"/><c r="B700" s="1"/><c r="F700" s="1"/></row>' +
      // a row format of style 0 (customFormat without s): its blank cells show style 0, not a column's
      '<row r="800" customFormat="1"/>';
    const { bytes, xml } = await formatted(rows, [textFormat(1002)]);
    expect(await numFmtAt(bytes, 700, 2)).toBe(TEXT);
    expect(await numFmtAt(bytes, 800, 2)).toBe(TEXT);
    expect(await numFmtAt(bytes, 799, 1)).toBe(TEXT);
    expect(xml).toMatch(/<row r="800" customFormat="1"><c r="A800" s="\d+"\/>/);
    expect(xml).not.toContain('<row r="801"');
    expect(await numFmtAt(bytes, 900, 3)).toBe(TEXT);
  });

  it('in a tab people have with blank cells above the range: formatted cell by cell, no cell outside it written', async () => {
    const { bytes, xml } = await formatted(GAPPY_HEAD, [textFormat(1002)]);
    expect(xml).not.toMatch(/<col [^>]*style=/);
    for (const r of GAPPY_HEAD.split(/(?=<row )/).slice(0, 2)) expect(xml).toContain(r);
    expect(xml).toContain('<row r="1002"><c r="A1002" s="');
    expect(await numFmtAt(bytes, 1002, 3)).toBe(TEXT);
    expect(await numFmtAt(bytes, 1003, 3)).toBe(0);
  });

  it('a range shorter than the threshold is formatted cell by cell, and nothing below it changes', async () => {
    const bottom = 3 + COLUMN_STYLE_ROWS - 2;
    const { bytes, xml } = await made([textFormat(bottom)]);
    expect(xml).not.toMatch(/<col [^>]*style=/);
    expect(xml).toContain(`<row r="${bottom}"><c r="A${bottom}" s="`);
    expect(await numFmtAt(bytes, bottom, 3)).toBe(TEXT);
    expect(await numFmtAt(bytes, bottom + 1, 3)).toBe(0);
  });

  it('formatting it again as it is changes nothing', async () => {
    const first = await made([textFormat(1002)]);
    const again = await XlsxHost.fromBytes(first.bytes, 'foot.xlsx');
    await again.apply({ tabs: [tab([C1_TWO_PLACES, textFormat(1002)])], namedRanges: [] });
    expect(await sheetXml(await again.toBytes())).toBe(first.xml);
  });

  it.skipIf(soffice() === null)(
    'LibreOffice reads the columns’ format: a spare row of the saved file is text there',
    async () => {
      const note: TabPlan['blocks'] = [{ row: 2000, col: 1, owner: 'generated', cells: [[{ v: 'note' }]] }];
      const { bytes } = await made([textFormat(1002)], note);
      const dir = await mkdtemp(join(tmpdir(), 'pr-foot-'));
      try {
        await writeFile(join(dir, 'foot.xlsx'), bytes);
        await convert([join(dir, 'foot.xlsx')], 'xlsx', join(dir, 'lo'), await freshProfile());
        const saved = await readFile(join(dir, 'lo', 'foot.xlsx'));
        // LibreOffice writes its own styles (the text format under an id of its own): read the format's code
        const zip = await JSZip.loadAsync(saved);
        const styles = await zip.file('xl/styles.xml')!.async('string');
        const host = await XlsxHost.fromBytes(saved, 'saved.xlsx');
        const wb = host.workbook;
        const ws = wb.model(wb.find('Data')!);
        const codeAt = (row: number, col: number): string => {
          const id = wb.styles().info(ws.styleAt(row, col)).numFmtId;
          if (id === TEXT) return '@';
          const m = new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]*)"`).exec(styles);
          return m ? m[1]! : `built-in ${id}`;
        };
        expect(codeAt(500, 2)).toBe('@');
        expect(codeAt(1002, 3)).toBe('@');
        expect(codeAt(3, 1)).toBe('@');
        // cells above and below the range, blank or not, without the text format: LibreOffice gives a cell written
        // without a style its column's, so the engine writes their style 0 outright
        for (const [row, col] of [
          [1, 1],
          [1, 2],
          [2, 1],
          [2, 3],
          [2000, 1],
        ] as const)
          expect(codeAt(row, col)).not.toBe('@');
        expect(host.valueAt('Data', 2000, 1)).toBe('note');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
