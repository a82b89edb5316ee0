/**
 * Issue #11 on the Excel and Google Sheets adapters over their fakes: the same identity, conflict and tab-ownership
 * rules as the in-memory workbook (they are core's), driven as test/cross-host.test.ts drives every host.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCreate, runImport, runSummarise } from '../core/operations/index.js';
import type { CellValue } from '../core/review/types.js';
import { ExcelHost } from '../excel-addin/adapter/index.js';
import { buildSheetsAddon } from '../sheets-addon/build.js';
import { FakeOffice, FakeWorkbookState } from './excel-addin/fake-office.js';
import { FakeAppsScript } from './sheets-addon/fake-apps-script.js';
import { loadAddon } from './sheets-addon/load-addon.js';

const TODAY = '2026-05-12';
const MS = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'ASPIRE', 'ASPIRE comment'];
const SMITHS: CellValue[][] = [
  MS,
  [1, '', '', 'a@x.org', 'John Smith', 3, 'first'],
  [2, '', '', 'b@x.org', 'John Smith', 1, 'second'],
  [3, '', '', 'c@x.org', 'John Smith', 2, 'third'],
];

describe('Excel (Office.js adapter on its fake)', () => {
  it('keeps three John Smiths apart, keeps a correction on re-import, and refuses a re-pointed Summary', async () => {
    const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }));
    const host = new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.9') });
    await runCreate(host, {
      framework: 'partnership-tree',
      partnerships: ['KCP'],
      respondents: [],
      respondentCount: 0,
      cycle: '2026/27',
      today: TODAY,
    });
    const first = await runImport(host, SMITHS, TODAY);
    expect(first.report.added).toEqual(['John Smith', 'John Smith', 'John Smith']);
    const responses = fake.state.sheet('Responses');
    // Responses: D is ASPIRE's score, E its comment
    expect([6, 7, 8].map((r) => responses.value(r, 4))).toEqual([3, 1, 2]);
    responses.set(6, 4, { value: 1 });
    const again = await runImport(host, SMITHS, TODAY);
    expect(again.report.added).toEqual([]);
    expect(again.report.conflicts.map((c) => [c.at.row, c.at.col, c.workbook, c.export, c.kept])).toEqual([[6, 4, 1, 3, 'workbook']]);
    expect(responses.value(6, 4)).toBe(1);
    // one PR_Meta cell points the Summary at Responses: refused, nothing written
    const meta = fake.state.sheet('PR_Meta');
    const row = meta.grid().findIndex((r) => r[0] === 'tab:summary') + 1;
    meta.set(row, 2, { value: 'Responses' });
    const before = JSON.stringify(responses.grid());
    await expect(runSummarise(host, { today: TODAY })).rejects.toThrow(/names “Responses” as the Summary tab/);
    expect(JSON.stringify(responses.grid())).toBe(before);
  });
});

describe('Google Sheets (the built add-on on the Apps Script fake)', () => {
  let code: string;
  beforeAll(async () => {
    code = readFileSync((await buildSheetsAddon()).codeJs, 'utf8');
  });

  it('refuses to summarise when PR_Meta points the Summary at Responses, leaving Responses as typed', () => {
    const fake = new FakeAppsScript();
    const pr = loadAddon(code, fake, TODAY);
    expect(
      pr.prCreate({ frameworkId: 'partnership-tree', partnerships: ['KCP'], respondents: ['Ann'], cycle: '2026/27', protect: false }).ok,
    ).toBe(true);
    const responses = fake.spreadsheet._sheet('Responses');
    responses.getRange(6, 4, 1, 1).setValues([[2]]);
    expect(pr.prSummarise().ok).toBe(true);
    const meta = fake.spreadsheet._sheet('PR_Meta');
    let row = 0;
    for (let r = 1; r <= meta._maxRows; r++) if (meta._text(r, 1) === 'tab:summary') row = r;
    meta.getRange(row, 2, 1, 1).setValues([['Responses']]);
    const out = pr.prSummarise();
    expect(out.ok).toBe(false);
    expect(JSON.stringify(out)).toMatch(/names “Responses” as the Summary tab/);
    expect(responses._text(6, 1)).toBe('Ann');
    expect(responses._text(6, 4)).toBe('2');
  });
});
