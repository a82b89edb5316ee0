/**
 * "Import responses…" in Excel: the task pane's bridge (makeExcelBridge) over the Office.js adapter on its strict
 * fake, with the export read as the pane reads a picked file (ui/import-file.ts). The same identity, conflict and
 * prefer-export cases as the command line's (test/file-host/cli-identity.test.ts) and core's
 * (test/operations/import-identity.test.ts): three people named John Smith stay three; a corrected cell is kept and
 * reported by default, and taken from the export when the box is ticked. And Excel on the web's 5 MB limit on a
 * request: the fake refuses a larger one, and a large import is written in parts under it.
 */
import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../excel-addin/adapter/index.js';
import { makeExcelBridge } from '../../excel-addin/bridge-excel.js';
import type { HostBridge } from '../../ui/bridge.js';
import { readImportFile, type PickedFile } from '../../ui/import-file.js';
import { FakeOffice, FakeWorkbookState } from './fake-office.js';

const clock = () => new Date('2026-05-12T10:00:00Z');

function csvFile(name: string, text: string): PickedFile {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}

async function excelReview(): Promise<{ fake: FakeOffice; bridge: HostBridge }> {
  const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }));
  const bridge = makeExcelBridge(clock, new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.9') }));
  const created = await bridge.create({
    frameworkId: 'partnership-tree',
    partnerships: ['Kensington and Chelsea Partnership'],
    respondents: [],
    respondentCount: 0,
    cycle: '2026/27',
    protect: false,
  });
  expect(created.ok, created.message).toBe(true);
  return { fake, bridge };
}

const MS = 'ID,Start time,Completion time,Email,Name,ASPIRE,ASPIRE comment,THINK\n';
const PREFER = "Where someone corrected a cell since the last import, use the export's value";

describe('Import responses… in Excel (bridge over the Office.js fake)', () => {
  it('keeps three people named John Smith apart, and the same export again adds nobody', async () => {
    const { fake, bridge } = await excelReview();
    const file = csvFile(
      'smiths.csv',
      `${MS}1,,,js1@example.org,John Smith,3,,2\n2,,,js2@example.org,John Smith,1,,1\n3,,,js3@example.org,John Smith,2,,3\n`,
    );
    const first = await bridge.importResponses(await readImportFile(file), { preferExport: false });
    expect(first.ok, first.message).toBe(true);
    expect(first.message).toBe(
      'Imported: 3 respondents added (John Smith, John Smith, John Smith), 0 updated. Next: choose Check entries.',
    );
    expect(first.imported?.added).toEqual(['John Smith', 'John Smith', 'John Smith']);
    expect(first.tabsWritten).toContain('Responses');
    const responses = fake.state.sheet('Responses');
    // Responses: A respondent, D ASPIRE score, from row 6
    expect([6, 7, 8].map((r) => [responses.value(r, 1), responses.value(r, 4)])).toEqual([
      ['John Smith', 3],
      ['John Smith', 1],
      ['John Smith', 2],
    ]);
    const again = await bridge.importResponses(await readImportFile(file), { preferExport: false });
    expect(again.message).toBe('Imported: 0 respondents added, 0 updated. Nothing was written: the workbook is unchanged.');
    expect(again.tabsWritten).toEqual([]);
  });

  it('imports every row of an anonymous export (Name and Email "anonymous"), each told apart by its response id', async () => {
    const { fake, bridge } = await excelReview();
    const file = csvFile('anon.csv', `${MS}7,,,anonymous,anonymous,3,,2\n8,,,anonymous,anonymous,1,,1\n9,,,anonymous,anonymous,2,,3\n`);
    const out = await bridge.importResponses(await readImportFile(file), { preferExport: false });
    expect(out.imported?.added).toEqual(['Anonymous (response id 7)', 'Anonymous (response id 8)', 'Anonymous (response id 9)']);
    const responses = fake.state.sheet('Responses');
    expect([6, 7, 8].map((r) => responses.value(r, 4))).toEqual([3, 1, 2]);
  });

  it('keeps a cell corrected since the last import and lists it; with the box ticked takes the export', async () => {
    const { fake, bridge } = await excelReview();
    const file = csvFile('alice.csv', `${MS}1,,,alice@example.org,Alice,3,Good start,2\n`);
    expect((await bridge.importResponses(await readImportFile(file), { preferExport: false })).imported?.added).toEqual(['Alice']);
    const responses = fake.state.sheet('Responses');
    // a person corrects the score and the comment in Excel
    responses.set(6, 4, { value: 1 });
    responses.set(6, 5, { value: 'Corrected at the workshop' });

    const kept = await bridge.importResponses(await readImportFile(file), { preferExport: false });
    expect(kept.ok).toBe(true);
    expect(kept.imported?.conflicts.map((c) => [c.cell, c.respondent, c.column, c.workbook, c.export, c.kept])).toEqual([
      ['Responses!D6', 'Alice', 'ASPIRE', 1, 3, 'workbook'],
      ['Responses!E6', 'Alice', 'ASPIRE comment', 'Corrected at the workshop', 'Good start', 'workbook'],
    ]);
    expect(kept.imported?.conflicts[0]!.line).toBe(
      'Responses!D6 (Alice, ASPIRE): changed in the workbook since the last import — kept the workbook\'s "1"; the export says "3".',
    );
    expect(kept.message).toBe(
      `Imported: 0 respondents added, 0 updated. 2 cells changed in the workbook since the last import were kept, listed below. To take the export's values instead, tick “${PREFER}” and import again. Nothing was written: the workbook is unchanged.`,
    );
    expect([responses.value(6, 4), responses.value(6, 5)]).toEqual([1, 'Corrected at the workshop']);

    const taken = await bridge.importResponses(await readImportFile(file), { preferExport: true });
    expect(taken.imported?.conflicts.map((c) => [c.cell, c.kept])).toEqual([
      ['Responses!D6', 'export'],
      ['Responses!E6', 'export'],
    ]);
    expect(taken.imported?.updated).toEqual(['Alice']);
    expect([responses.value(6, 4), responses.value(6, 5)]).toEqual([3, 'Good start']);
  });

  it('names the file and line of a CSV it cannot read, and changes nothing', async () => {
    const { fake, bridge } = await excelReview();
    const before = JSON.stringify(fake.state.sheet('Responses').grid());
    const table = readImportFile(csvFile('broken.csv', `${MS}1,,,a@x.org,"Ann,3\n`));
    await expect(table).rejects.toThrow(/^broken\.csv is not a CSV file that can be read \(line 2\): a quoted field is never closed\./);
    // a file with no column for who answered: core's message, with "Nothing was changed"
    const noOne = await bridge.importResponses(await readImportFile(csvFile('x.csv', 'ASPIRE,THINK\n3,2\n')), { preferExport: false });
    expect(noOne.ok).toBe(false);
    expect(noOne.message).toMatch(/^The file has no column saying who answered .* Nothing was changed\.$/);
    expect(JSON.stringify(fake.state.sheet('Responses').grid())).toBe(before);
  });
});

describe('Excel on the web: 5 MB a request', () => {
  it('the fake refuses a request over 5 MB, as Excel on the web does, and runs none of it', async () => {
    const fake = new FakeOffice(FakeWorkbookState.with({ Big: [] }));
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Big').getRange('A1:A200');
      range.values = Array.from({ length: 200 }, () => ['x'.repeat(30_000)]);
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(fake.refusedRequests).toBe(1);
    expect(fake.state.sheet('Big').value(1, 1)).toBe(null);
  });

  it('an import of more than 5 MB of answers is written in parts, each under the limit', async () => {
    const { fake, bridge } = await excelReview();
    const rows = Array.from({ length: 200 }, (_, i) => `${i + 1},,,p${i + 1}@example.org,Person ${i + 1},2,${'w'.repeat(30_000)},3`);
    const file = csvFile('long.csv', `${MS}${rows.join('\n')}\n`);
    const out = await bridge.importResponses(await readImportFile(file), { preferExport: false });
    expect(out.ok, out.message).toBe(true);
    expect(out.imported?.added).toHaveLength(200);
    expect(fake.refusedRequests).toBe(0);
    expect(Math.max(...fake.syncBytes)).toBeLessThanOrEqual(5_000_000);
    const responses = fake.state.sheet('Responses');
    expect([responses.value(6, 1), responses.value(205, 1), (responses.value(205, 5) as string).length]).toEqual([
      'Person 1',
      'Person 200',
      30_000,
    ]);
  });
});
