/**
 * The self-test over the Office.js adapter on the strict Office.js fake (test/excel-addin/fake-office.ts): it passes
 * (the fake does not calculate, so formula values are said to be unchecked, as on the Sheets fake), leaves the
 * person's tab as it was, and fails visibly — with exactly the expected check — when the fake is told to drop data
 * validation or conditional formats. On an Excel without ExcelApi 1.13 the two merge checks are said not to be made;
 * on ExcelApi 1.8, the add-in's minimum, the fake refuses every member of a newer set and the self-test still runs.
 */
import { describe, expect, it } from 'vitest';
import { driveAsync } from '../../core/operations/flow.js';
import { ADDIN_VERSION, reportText, selfTestFlow, type SelfTestReport } from '../../core/selftest/index.js';
import { ExcelHost } from '../../excel-addin/adapter/excel-host.js';
import { FakeOffice, FakeWorkbookState, type FakeDrop } from '../excel-addin/fake-office.js';

const ENV = {
  host: 'Excel',
  hostVersion: '16.0.17928.20114',
  platform: 'PC',
  addinVersion: ADDIN_VERSION,
  startedAt: '2026-05-12T10:00:00Z',
};
const OPTS = { env: ENV, today: '2026-05-12', token: 'abc1' };

async function selfTest(api: string, drop: FakeDrop = {}): Promise<{ fake: FakeOffice; r: SelfTestReport }> {
  const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [['mine', 42]] }), { drop, api });
  const host = new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements(api) });
  return { fake, r: await driveAsync(selfTestFlow(OPTS), host) };
}

const failed = (r: SelfTestReport): string[] => r.checks.filter((c) => c.state === 'fail').map((c) => c.name);
const unchecked = (r: SelfTestReport): string[] => r.checks.filter((c) => c.state === 'not checked').map((c) => c.name);

describe('self-test in Excel (Office.js fake)', () => {
  it('passes over the fake, keeps the person’s tab and removes the scratch tabs and names', async () => {
    const { fake, r } = await selfTest('1.13');
    const text = reportText(r);
    expect(failed(r), text).toEqual([]);
    // the fake does not calculate formulas: the one check it cannot pass is said, not hidden
    expect(unchecked(r)).toEqual(['Values of formulas']);
    expect(r.passed).toBe(21);
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Partnership Review self-test: 1 checks could not be made',
      'Host: Excel 16.0.17928.20114',
      'Platform: PC',
    ]);
    for (const name of [
      'Data validation',
      'Conditional formats',
      'Protection (locked headings, editable entry cells)',
      'Charts',
      'Hidden tabs',
      'Frozen panes',
      'Merged cells',
      'Number formats',
      'Formulas',
    ]) {
      expect(text).toContain(`\nPASS  Read back – ${name}`);
    }
    expect(text).toContain('\nPASS  Read back – Charts: 1 chart\n');
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(fake.state.sheet('Sheet1').grid()).toEqual([['mine', 42]]);
    expect([...fake.state.names.keys()]).toEqual([]);
  });

  it('fails visibly when Excel drops data validation, and still removes its tabs', async () => {
    const { fake, r } = await selfTest('1.13', { validation: true });
    expect(failed(r)).toEqual(['Data validation']);
    // D6 is the first score cell of the Responses tab (row 6 the first respondent, column D the first item's score)
    expect(r.checks.find((c) => c.name === 'Data validation')!.detail).toMatch(/^Responses!D6: a list rule expected, found none\./);
    expect(r.ok).toBe(false);
    expect(reportText(r)).toMatch(/^Partnership Review self-test: 1 of 22 checks failed\n/);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('fails visibly when Excel drops conditional formats', async () => {
    const { r } = await selfTest('1.13', { conditionalFormats: true });
    expect(failed(r)).toEqual(['Conditional formats']);
    // the Summary's first coloured cell is the overall RAG (column E, row 9): three rules, Green, Amber and Red
    expect(r.checks.find((c) => c.name === 'Conditional formats')!.detail).toMatch(/^Summary!E9: 3 rules expected, found 0\./);
  });

  it('on the oldest Excel the add-in runs on (ExcelApi 1.8) says the merge checks could not be made, and fails nothing', async () => {
    // the fake refuses any member of a set newer than 1.8 (ApiNotFound), so this also shows the self-test uses none
    const { r } = await selfTest('1.8');
    expect(failed(r)).toEqual([]);
    expect(unchecked(r)).toEqual(['Values of formulas', 'Merged cells', 'No merged range split by frozen panes']);
    expect(reportText(r)).toContain(
      '\nNOT CHECKED  Read back – Merged cells: this Excel cannot list merged cells to an add-in (that needs the Excel JavaScript API 1.13).\n',
    );
  });
});
