/** Merges across, hidden rows and print title columns through the Office.js adapter (recording fake). */
import { describe, expect, it } from 'vitest';
import type { TabPlan } from '../../core/sheet-plan/types.js';
import { newTab } from '../../core/sheet-plan/tab.js';
import { ExcelHost } from '../../excel-addin/adapter/index.js';
import { FakeOffice, FakeWorkbookState } from './fake-office.js';

function tab(name: string, mode: TabPlan['mode'], extra: Partial<TabPlan> = {}): TabPlan {
  return { ...newTab(name, 'summary', mode), ...extra };
}

function hostOn(state = FakeWorkbookState.with({ Sheet1: [] })): { fake: FakeOffice; host: ExcelHost } {
  const fake = new FakeOffice(state);
  return { fake, host: new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.9') }) };
}

describe('ExcelHost layout', () => {
  it('merges each row of a list across in one merge(true) call, and a plain merge with merge(false)', async () => {
    const { fake, host } = hostOn();
    await host.apply({
      tabs: [
        tab('Summary', 'create', {
          merges: [
            { row: 10, col: 2, rows: 1000, cols: 14, across: true },
            { row: 1, col: 1, rows: 1, cols: 2 },
            { row: 3, col: 1, rows: 1, cols: 1 },
          ],
        }),
      ],
      namedRanges: [],
    });
    const merges = fake.callsNamed('merge');
    expect(merges.map((c) => [c.target, c.args])).toEqual([
      ['worksheets.getItem("Summary").getRange("B10:O1009")', [true]],
      ['worksheets.getItem("Summary").getRange("A1:B1")', [false]],
    ]);
    const s = fake.state.sheet('Summary');
    expect(s.merges).toHaveLength(1001);
    expect(s.merges[0]).toBe('B10:O10');
    expect(s.merges[999]).toBe('B1009:O1009');
  });

  it('hides the rows a plan names, grouped into runs, and shows them again when a tab is replaced', async () => {
    const { fake, host } = hostOn();
    await host.apply({ tabs: [tab('Responses', 'create', { hiddenRows: [5, 7, 8] })], namedRanges: [] });
    expect(fake.callsNamed('rowHidden=').map((c) => [c.target, c.args])).toEqual([
      ['worksheets.getItem("Responses").getRange("5:5")', [true]],
      ['worksheets.getItem("Responses").getRange("7:8")', [true]],
    ]);
    expect([...fake.state.sheet('Responses').hiddenRows].sort()).toEqual([5, 7, 8]);
    await host.apply({ tabs: [tab('Responses', 'replace', { hiddenRows: [4] })], namedRanges: [] });
    expect([...fake.state.sheet('Responses').hiddenRows]).toEqual([4]);
  });

  it('repeats title columns as well as title rows on printed pages', async () => {
    const { fake, host } = hostOn();
    await host.apply({
      tabs: [
        tab('Responses', 'create', {
          print: { orientation: 'landscape', fitToWidth: false, titleRows: { from: 1, to: 4 }, titleColumns: { from: 1, to: 2 } },
        }),
      ],
      namedRanges: [],
    });
    expect(fake.state.sheet('Responses').pageLayout).toEqual({
      orientation: 'Landscape',
      titleRows: '$1:$4',
      titleColumns: '$A:$B',
      leftFooter: '&8&A',
      rightFooter: '&8Page &P of &N',
    });
  });

  it("prints at the plan's scale with its manual page breaks, replacing the manual breaks that were there", async () => {
    const { fake, host } = hostOn();
    const print = { orientation: 'landscape' as const, fitToWidth: false, scale: 65, titleRows: { from: 1, to: 1 }, rowBreaks: [30, 61] };
    await host.apply({ tabs: [tab('Summary', 'replace', { print })], namedRanges: [] });
    await host.apply({ tabs: [tab('Summary', 'replace', { print: { ...print, rowBreaks: [40] } })], namedRanges: [] });
    const s = fake.state.sheet('Summary');
    // 7 pt / 65 % = 10.8 pt: an 11 pt footer
    expect(s.pageLayout).toEqual({
      orientation: 'Landscape',
      zoom: { scale: 65 },
      titleRows: '$1:$1',
      leftFooter: '&11&A',
      rightFooter: '&11Page &P of &N',
    });
    expect(s.rowBreaks).toEqual([40]);
  });
});
