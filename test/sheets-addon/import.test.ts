/**
 * "Import responses…" in Google Sheets: the BUILT add-on (Code.js) on the Apps Script fake, called as the sidebar
 * calls it — every argument through google.script.run's rules (./script-run.ts), the table read from the picked file
 * as the sidebar reads it (ui/import-file.ts). The same identity, conflict and prefer-export cases as the command line
 * (test/file-host/cli-identity.test.ts) and Excel (test/excel-addin/import-pane.test.ts). And the rules themselves:
 * the fake refuses what google.script.run refuses.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OperationOutcome } from '../../core/operations/outcome.js';
import { buildSheetsAddon } from '../../sheets-addon/build.js';
import { readImportFile } from '../../ui/import-file.js';
import { FakeAppsScript } from './fake-apps-script.js';
import { loadAddon, type AddonGlobals } from './load-addon.js';
import { scriptRunCopy } from './script-run.js';

const TODAY = '2026-05-12';
const MS = 'ID,Start time,Completion time,Email,Name,ASPIRE,ASPIRE comment,THINK\n';
const PREFER = "Where someone corrected a cell since the last import, use the export's value";

let code = '';
beforeAll(async () => {
  code = readFileSync((await buildSheetsAddon()).codeJs, 'utf8');
});

async function table(name: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  return readImportFile({ name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer });
}

function review(): { fake: FakeAppsScript; pr: AddonGlobals; importing: (t: unknown, preferExport: boolean) => OperationOutcome } {
  const fake = new FakeAppsScript();
  const pr = loadAddon(code, fake, TODAY);
  const created = pr.prCreate({
    frameworkId: 'partnership-tree',
    partnerships: ['Kensington and Chelsea Partnership'],
    respondents: [],
    respondentCount: 0,
    cycle: '2026/27',
    protect: false,
  });
  expect(created.ok, created.message).toBe(true);
  const importing = (t: unknown, preferExport: boolean): OperationOutcome => {
    const [a, b] = scriptRunCopy([t, { preferExport }]);
    // what the server returns crosses back the same way
    return scriptRunCopy([pr.prImport(a as never, b as never)])[0] as OperationOutcome;
  };
  return { fake, pr, importing };
}

describe('Import responses… in Google Sheets (built add-on over the Apps Script fake)', () => {
  it('keeps three people named John Smith apart, and the same export again adds nobody', async () => {
    const { fake, importing } = review();
    const t = await table(
      'smiths.csv',
      `${MS}1,,,js1@example.org,John Smith,3,,2\n2,,,js2@example.org,John Smith,1,,1\n3,,,js3@example.org,John Smith,2,,3\n`,
    );
    const first = importing(t, false);
    expect(first.message).toBe(
      'Imported: 3 respondents added (John Smith, John Smith, John Smith), 0 updated. Next: choose Check entries.',
    );
    const responses = fake.spreadsheet._sheet('Responses');
    expect([6, 7, 8].map((r) => [responses._text(r, 1), responses._text(r, 4)])).toEqual([
      ['John Smith', '3'],
      ['John Smith', '1'],
      ['John Smith', '2'],
    ]);
    expect(importing(t, false).message).toBe('Imported: 0 respondents added, 0 updated. Nothing was written: the workbook is unchanged.');
  });

  it('imports every row of an anonymous export (Name and Email "anonymous"), each told apart by its response id', async () => {
    const { fake, importing } = review();
    const t = await table('anon.csv', `${MS}7,,,anonymous,anonymous,3,,2\n8,,,anonymous,anonymous,1,,1\n9,,,anonymous,anonymous,2,,3\n`);
    expect(importing(t, false).imported?.added).toEqual([
      'Anonymous (response id 7)',
      'Anonymous (response id 8)',
      'Anonymous (response id 9)',
    ]);
    const responses = fake.spreadsheet._sheet('Responses');
    expect([6, 7, 8].map((r) => responses._text(r, 4))).toEqual(['3', '1', '2']);
  });

  it('keeps a cell corrected since the last import and lists it; with the box ticked takes the export', async () => {
    const { fake, importing } = review();
    const t = await table('alice.csv', `${MS}1,,,alice@example.org,Alice,3,Good start,2\n`);
    expect(importing(t, false).imported?.added).toEqual(['Alice']);
    const responses = fake.spreadsheet._sheet('Responses');
    responses.getRange(6, 4, 1, 2).setValues([[1, 'Corrected at the workshop']]);

    const kept = importing(t, false);
    expect(kept.imported?.conflicts.map((c) => [c.cell, c.respondent, c.column, c.workbook, c.export, c.kept])).toEqual([
      ['Responses!D6', 'Alice', 'ASPIRE', 1, 3, 'workbook'],
      ['Responses!E6', 'Alice', 'ASPIRE comment', 'Corrected at the workshop', 'Good start', 'workbook'],
    ]);
    expect(kept.message).toBe(
      `Imported: 0 respondents added, 0 updated. 2 cells changed in the workbook since the last import were kept, listed below. To take the export's values instead, tick “${PREFER}” and import again. Nothing was written: the workbook is unchanged.`,
    );
    expect([responses._text(6, 4), responses._text(6, 5)]).toEqual(['1', 'Corrected at the workshop']);

    const taken = importing(t, true);
    expect(taken.imported?.conflicts.map((c) => [c.cell, c.kept])).toEqual([
      ['Responses!D6', 'export'],
      ['Responses!E6', 'export'],
    ]);
    expect([responses._text(6, 4), responses._text(6, 5)]).toEqual(['3', 'Good start']);
  });

  it('refuses a table that is not rows of plain values, naming the cell, and writes nothing', () => {
    const { fake, importing } = review();
    const before = fake.spreadsheet._sheet('Responses')._text(6, 1);
    const out = importing(
      [
        ['Name', 'ASPIRE'],
        ['Ann', { score: 3 }],
      ],
      false,
    );
    expect(out.ok).toBe(false);
    expect(out.message).toBe(
      'Row 2, column B of the import is not text, a number or true/false, so nothing was imported. Pick the export file again. Nothing was changed.',
    );
    expect(fake.spreadsheet._sheet('Responses')._text(6, 1)).toBe(before);
  });
});

describe('the fake google.script.run refuses what Apps Script refuses', () => {
  it('refuses a Date, a function, a typed array, a Map and a circular object, anywhere inside the arguments', () => {
    expect(() => scriptRunCopy([[['a', new Date(0)]]])).toThrow('google.script.run cannot pass a Date to a server function');
    expect(() => scriptRunCopy([{ f: () => 1 }])).toThrow(/cannot pass a function/);
    expect(() => scriptRunCopy([new Uint8Array([1])])).toThrow(/cannot pass a Uint8Array/);
    expect(() => scriptRunCopy([new Map()])).toThrow(/cannot pass a Map/);
    const loop: { self?: unknown } = {};
    loop.self = loop;
    expect(() => scriptRunCopy([loop])).toThrow(/circular reference/);
    const form = { nodeType: 1, nodeName: 'FORM' };
    expect(() => scriptRunCopy([form, 1])).toThrow(/a form must be the only parameter/);
    expect(() => scriptRunCopy([{ nodeType: 1, nodeName: 'INPUT' }])).toThrow(/page element other than a form/);
  });

  it('passes strings, numbers, booleans and nulls in arrays and objects as a copy, undefined in an array as null', () => {
    const t = [['Name', 3, true, null, undefined]];
    const [copy] = scriptRunCopy([t]);
    expect(copy).toEqual([['Name', 3, true, null, null]]);
    expect(copy).not.toBe(t);
    expect(scriptRunCopy([{ a: 1, gone: undefined }])).toEqual([{ a: 1 }]);
  });
});
