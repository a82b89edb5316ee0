/**
 * The Excel add-in in a workbook that counts dates from 1904 (Excel for Mac's old default), through the Office.js
 * adapter on its strict fake: the same cases as the file host's (test/file-host/date1904.test.ts). Office.js reads
 * and writes a date as the serial the workbook stores, so the plan dates summarise writes must be that system's
 * serials, and dates people type must read as the days they show. Expected serials worked out by hand, as there:
 * 23/05/2027 is 46,530 days after 30/12/1899 and 45,068 after 01/01/1904; 23/02/2027 is 46,441 and 44,979;
 * 01/07/2027 is 45,107 after 01/01/1904 and 46,569 after 30/12/1899.
 */
import { describe, expect, it } from 'vitest';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import { csvTable } from '../../core/import/csv.js';
import { runCreate, runImport, runSummarise } from '../../core/operations/run.js';
import { ExcelHost } from '../../excel-addin/adapter/index.js';
import { formsCsv } from '../support/review-files.js';
import { FakeOffice, FakeWorkbookState } from './fake-office.js';

const FRAMEWORK = builtinFrameworks().find((f) => f.id === 'partnership-tree')!;
const TODAY = '2026-11-23';
const PLAN = 'Improvement Plan';

/** A review with the two respondents imported, in an Excel whose workbook counts from 1900 or 1904. */
async function review(date1904: boolean, api?: string): Promise<{ fake: FakeOffice; host: ExcelHost }> {
  const state = FakeWorkbookState.with({ Sheet1: [] });
  state.date1904 = date1904;
  const fake = new FakeOffice(state, api ? { api } : {});
  const host = new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements(api ?? '1.9') });
  await runCreate(host, {
    framework: FRAMEWORK.id,
    partnerships: ['Safer Streets Partnership'],
    respondents: [],
    respondentCount: 3,
    cycle: '2026/27',
    today: TODAY,
  });
  const imported = await runImport(host, csvTable(formsCsv(FRAMEWORK), 'responses.csv'), TODAY);
  expect(imported.report.added).toEqual(['Alex Example', 'Sam Sample']);
  return { fake, host };
}

/** The first plan row's date to be completed (F5) and progress report date (K5), as the workbook stores them. */
function stored(fake: FakeOffice): unknown[] {
  const plan = fake.state.sheet(PLAN);
  return [plan.value(5, 6), plan.value(5, 11)];
}

describe('the Excel add-in in a workbook counting dates from 1904', () => {
  it('control: in the usual 1900 system the first plan row is due 23/05/2027 (46530), progress report 23/02/2027 (46441)', async () => {
    const { fake } = await review(false).then(async (r) => (await runSummarise(r.host, { today: TODAY }), r));
    expect(stored(fake)).toEqual([46530, 46441]);
  });

  it("summarise writes the plan's dates as that system's serials (45068, 44979), and reads them back as the same days", async () => {
    const { fake, host } = await review(true);
    await runSummarise(host, { today: TODAY });
    expect(stored(fake)).toEqual([45068, 44979]);
    expect(fake.state.sheet(PLAN).numberFormats.get(fake.state.sheet(PLAN).key(5, 6))).toBe('dd/mm/yyyy');
    // read through the adapter: core's serials (the 1900 system) for 23/05/2027 and 23/02/2027
    const tab = (await host.read({ tabs: [PLAN] })).tabs[PLAN]!;
    expect([tab.values[4]![5], tab.values[4]![10]]).toEqual([46530, 46441]);
  });

  it('a second summarise finds the rows as it drafted them: the same plan, the same serials', async () => {
    const { fake, host } = await review(true);
    await runSummarise(host, { today: TODAY });
    const before = fake.state.sheet(PLAN).grid();
    const again = await runSummarise(host, { today: TODAY });
    expect(again.outcome.message).not.toMatch(/edited or added by people/);
    expect(fake.state.sheet(PLAN).grid()).toEqual(before);
    expect(stored(fake)).toEqual([45068, 44979]);
  });

  it('a date a person types (01/07/2027, stored as 45107) reads as that day (46569 in core) and is kept', async () => {
    const { fake, host } = await review(true);
    await runSummarise(host, { today: TODAY });
    const plan = fake.state.sheet(PLAN);
    plan.set(5, 6, { value: 45107 });
    const tab = (await host.read({ tabs: [PLAN] })).tabs[PLAN]!;
    expect(tab.values[4]![5]).toBe(46569);
    await runSummarise(host, { today: TODAY });
    expect(plan.value(5, 6)).toBe(45107);
  });

  it('works the same in the oldest Excel the add-in runs on (ExcelApi 1.8): DATE(1904,1,1) needs only 1.2', async () => {
    const { fake, host } = await review(true, '1.8');
    await runSummarise(host, { today: TODAY });
    expect(stored(fake)).toEqual([45068, 44979]);
  });
});

describe('Excel.Workbook.use1904DateSystem in the fake', () => {
  it('is refused as in released Excel (preview API only), and answers only in an Excel on the preview office.js', async () => {
    const state = FakeWorkbookState.with({ Sheet1: [] });
    state.date1904 = true;
    const released = new FakeOffice(state);
    await expect(
      released.run(async (ctx) => {
        (ctx.workbook as unknown as { load(p: string): void }).load('use1904DateSystem');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    const preview = new FakeOffice(state, { preview: true });
    const answer = await preview.run(async (ctx) => {
      const wb = ctx.workbook as unknown as { load(p: string): void; use1904DateSystem: boolean };
      wb.load('use1904DateSystem');
      await ctx.sync();
      return wb.use1904DateSystem;
    });
    expect(answer).toBe(true);
  });
});
