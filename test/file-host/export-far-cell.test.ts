/**
 * A form export (.xlsx) with something typed far from the responses — a value in Excel's last cell, XFD1048576 — is
 * refused with one line naming the sheet and how far it reaches, on the command line and in the panes' reader alike;
 * it made a table of 17 billion cells (the command line ran out of memory after 90 s and 4 GB and aborted). An
 * export whose table is of a real size still reads. The export is written here with JSZip, part by part.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { ReviewRequestError } from '../../core/operations/types.js';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import { readImportTable } from '../../file-host/import-table.js';
import { xlsxTable } from '../../ui/xlsx-table.js';
import { newArgs } from '../support/review-files.js';
import { cli } from './cli-helpers.js';
import { tempDir } from './helpers.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A one-sheet export: Name, Partnership, ASPIRE for one respondent, then `extra` (cells in their own rows). */
async function exportFile(extra: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Form1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  zip.file(
    'xl/worksheets/sheet1.xml',
    `${HEAD}<worksheet xmlns="${MAIN}"><sheetData>` +
      `<row r="1">${cell('A1', 'Name')}${cell('B1', 'Partnership')}${cell('C1', 'ASPIRE')}</row>` +
      `<row r="2">${cell('A2', 'Alex Example')}${cell('B2', 'Safer Streets Partnership')}<c r="C2"><v>3</v></c></row>` +
      `${extra}</sheetData></worksheet>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const FAR = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>note</t></is></c></row>';
const MESSAGE =
  /far\.xlsx: its sheet "Form1" reaches row 1,048,576 and column XFD \(17,179,869,184 cells\), far more than a form export holds/;

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-export-far-'));
});
afterAll(() => cleanup());

describe('a form export with a value in Excel last cell', () => {
  it('import refuses it (exit 2, one line), the review unchanged', async () => {
    const far = join(dir, 'far.xlsx');
    await writeFile(far, await exportFile(FAR));
    const review = join(dir, 'review.xlsx');
    expect(
      (
        await cli(
          ...newArgs(
            review,
            builtinFrameworks().find((f) => f.id === 'partnership-tree')!,
          ),
        )
      ).code,
    ).toBe(0);
    const before = await readFile(review);
    const r = await cli('import', review, far, '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(MESSAGE);
    expect((await readFile(review)).equals(before)).toBe(true);
  });

  it("the panes' reader refuses it with the same words", async () => {
    const bytes = new Uint8Array(await exportFile(FAR));
    expect(() => xlsxTable(bytes, 'far.xlsx')).toThrow(ReviewRequestError);
    expect(() => xlsxTable(bytes, 'far.xlsx')).toThrow(MESSAGE);
  });

  it('an export with a note a little way off (row 40, column Z) still reads, padded, the same both ways', async () => {
    const near = join(dir, 'near.xlsx');
    const bytes = await exportFile('<row r="40"><c r="Z40" t="inlineStr"><is><t>note</t></is></c></row>');
    await writeFile(near, bytes);
    const table = await readImportTable(near);
    expect(table).toHaveLength(40);
    expect(table[1]!.slice(0, 4)).toEqual(['Alex Example', 'Safer Streets Partnership', 3, null]);
    expect(table[39]![25]).toBe('note');
    expect(table.every((r) => r.length === 26)).toBe(true);
    expect(xlsxTable(new Uint8Array(bytes), 'near.xlsx')).toEqual(table);
  });
});

describe("the panes' reader and a part declared larger than 256 MB", () => {
  it('refuses it before unpacking (a "zip bomb" would take the page\'s memory)', async () => {
    // the export as a zip, its sheet entry's declared size (local header and central directory) set to 1,200,000,000
    const bytes = Buffer.from(await exportFile(''));
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    let patched = 0;
    for (let i = 0; i + 4 <= bytes.length; i++) {
      const sig = bytes.readUInt32LE(i);
      if (sig === 0x04034b50 && bytes.subarray(i + 30, i + 30 + name.length).equals(name)) {
        bytes.writeUInt32LE(1_200_000_000, i + 22);
        patched++;
      } else if (sig === 0x02014b50 && bytes.subarray(i + 46, i + 46 + name.length).equals(name)) {
        bytes.writeUInt32LE(1_200_000_000, i + 24);
        patched++;
      }
    }
    expect(patched).toBe(2);
    expect(() => xlsxTable(new Uint8Array(bytes), 'bomb.xlsx')).toThrow(
      /bomb\.xlsx could not be read as an \.xlsx workbook \(the entry xl\/worksheets\/sheet1\.xml would unpack to 1,144 MB/,
    );
  });
});
