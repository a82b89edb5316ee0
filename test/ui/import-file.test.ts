/**
 * The panes' reading of a picked export (ui/import-file.ts, ui/xlsx-table.ts) against the command line's
 * (file-host/import-table.ts): the same file gives the same table — so a respondent's identity (response id,
 * timestamp, row) is the same whichever host imports it. Expectations written by hand for what a spreadsheet shows.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCreate } from '../../core/operations/run.js';
import { readImportTable } from '../../file-host/import-table.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { MAX_IMPORT_BYTES, readImportFile, type PickedFile } from '../../ui/import-file.js';
import { xlsxTable } from '../../ui/xlsx-table.js';
import { oneSheetBook } from '../file-host/support/one-sheet-book.js';
import { tempDir } from '../file-host/helpers.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-pane-import-'));
});
afterAll(() => cleanup());

function picked(name: string, bytes: Uint8Array, size = bytes.length): PickedFile {
  return { name, size, arrayBuffer: async () => bytes.slice().buffer };
}

/** A Microsoft Forms-style export as Excel writes it: shared strings, a date-time column, numbers. */
async function formsExport(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Form1');
  ws.addRow(['ID', 'Start time', 'Email', 'Name', 'ASPIRE', 'ASPIRE comment', 'Agreed']);
  ws.addRow([1, new Date(Date.UTC(2026, 2, 4, 9, 30, 0)), 'ann@example.org', 'Ann Smith', 3, 'Good start', true]);
  ws.addRow([2, new Date(Date.UTC(2026, 2, 5)), 'ben@example.org', 'Ben Jones', '2', '=not a formula', false]);
  ws.getColumn(2).numFmt = 'dd/mm/yyyy hh:mm';
  ws.getCell('B2').numFmt = 'dd/mm/yyyy hh:mm';
  ws.getCell('B3').numFmt = 'dd/mm/yyyy';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('an .xlsx export read in the pane', () => {
  it('reads the first sheet as the command line does: text, numbers, booleans, dates as ISO text', async () => {
    const bytes = await formsExport();
    const expected = [
      ['ID', 'Start time', 'Email', 'Name', 'ASPIRE', 'ASPIRE comment', 'Agreed'],
      [1, '2026-03-04T09:30:00', 'ann@example.org', 'Ann Smith', 3, 'Good start', true],
      [2, '2026-03-05', 'ben@example.org', 'Ben Jones', '2', '=not a formula', false],
    ];
    expect(xlsxTable(bytes, 'Form1.xlsx')).toEqual(expected);
    const path = join(dir, 'Form1.xlsx');
    await writeFile(path, bytes);
    expect(await readImportTable(path)).toEqual(expected);
    expect(await readImportFile(picked('Form1.xlsx', bytes))).toEqual(expected);
  });

  it('reads inline strings, error codes, blank cells and a gap in the rows as the command line does', async () => {
    const bytes = new Uint8Array(
      await oneSheetBook(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="C1" t="inlineStr"><is><r><t>1.1 </t></r><r><t>Vision</t></r></is></c></row>' +
          '<row r="3"><c r="A3" t="inlineStr"><is><t>Cara</t></is></c><c r="B3" t="e"><v>#N/A</v></c><c r="C3" s="1"><v>2.5</v></c></row>',
      ),
    );
    const expected = [
      ['Name', null, '1.1 Vision'],
      [null, null, null],
      ['Cara', '#N/A', 2.5],
    ];
    expect(xlsxTable(bytes, 'inline.xlsx')).toEqual(expected);
    const path = join(dir, 'inline.xlsx');
    await writeFile(path, bytes);
    expect(await readImportTable(path)).toEqual(expected);
  });

  it('refuses a damaged file, naming it and saying what to do', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]);
    expect(() => xlsxTable(bytes, 'broken.xlsx')).toThrow(/^broken\.xlsx could not be read as an \.xlsx workbook \(.*\): save it again/);
  });
});

/** A review workbook as the engine makes it (`new`, on the file host): its hidden PR_Meta tab says what it is. */
async function reviewWorkbook(): Promise<Uint8Array> {
  const host = XlsxHost.create();
  await runCreate(host, {
    framework: 'partnership-tree',
    partnerships: ['Kensington and Chelsea Partnership'],
    respondents: ['Ann Smith'],
    cycle: '2026/27',
    today: '2026-05-12',
  });
  return new Uint8Array(await host.toBytes());
}

describe('a Partnership Review workbook picked where the export belongs', () => {
  it('is refused with the command line’s words, before anything is sent to the workbook', async () => {
    const bytes = await reviewWorkbook();
    const say = (name: string): string =>
      `${name} is a Partnership Review workbook (a review or an LSP plan), not the responses export: the second file must be the export of the form's responses — the CSV, or the .xlsx that Microsoft Forms or Google Forms downloads. Nothing was changed.`;
    // the pane: the whole of the import's first step, so the bridge (the only writer) is never reached
    await expect(readImportFile(picked('Review 2026-27.xlsx', bytes))).rejects.toThrow(say('Review 2026-27.xlsx'));
    expect(() => xlsxTable(bytes, 'Review 2026-27.xlsx')).toThrow(say('Review 2026-27.xlsx'));
    // named as .csv (or with no name the reader knows), it is still seen as a workbook by its first bytes
    await expect(readImportFile(picked('responses.csv', bytes))).rejects.toThrow(say('responses.csv'));
    // the command line, the same words for the same file
    const path = join(dir, 'Review 2026-27.xlsx');
    await writeFile(path, bytes);
    await expect(readImportTable(path)).rejects.toThrow(say(path));
  });
});

describe('a CSV export read in the pane', () => {
  it('is read by core’s CSV reader, as on the command line', async () => {
    const text = '\uFEFFName,ASPIRE,ASPIRE comment\r\nAnn,"3","two\nlines"\r\n';
    const table = await readImportFile(picked('export.csv', new TextEncoder().encode(text)));
    expect(table).toEqual([
      ['Name', 'ASPIRE', 'ASPIRE comment'],
      ['Ann', 3, 'two\nlines'],
    ]);
  });

  it('refuses text that is not UTF-8, an old .xls and a file over the limit, each with the fix', async () => {
    await expect(readImportFile(picked('latin1.csv', new Uint8Array([0x4e, 0x0a, 0x43, 0x61, 0x66, 0xe9])))).rejects.toThrow(
      'latin1.csv is not UTF-8 text: save or export it as "CSV UTF-8", then import that.',
    );
    await expect(readImportFile(picked('old.xls', new Uint8Array([0xd0, 0xcf])))).rejects.toThrow(/old\.xls is an older \.xls workbook/);
    await expect(readImportFile(picked('huge.csv', new Uint8Array([0x4e]), MAX_IMPORT_BYTES + 1)).then(() => 'read')).rejects.toThrow(
      /^huge\.csv is 20 MB; the pane reads exports of up to 20 MB\. Import it from the command line/,
    );
  });
});
