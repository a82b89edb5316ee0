import { describe, expect, it } from 'vitest';
import { LayoutChangedError, ReviewRequestError } from '../../core/operations/types.js';
import { columnLetter } from '../../core/util/a1.js';
import { ExcelHost, LAYOUT_CHANGED_MESSAGE } from '../../excel-addin/adapter/index.js';
import { FakeOffice, FakeWorkbookState } from './fake-office.js';
import {
  createPlan,
  ENTRY_COLS,
  FIRST_DATA_ROW,
  headerKeys,
  improvementPlan,
  ITEMS,
  respondentName,
  REVISION,
  summaryPlan,
} from './sample-plans.js';

const ALL_SETS = FakeOffice.requirements('1.9');

function setup(state = FakeWorkbookState.with({ Sheet1: [] })): { fake: FakeOffice; host: ExcelHost } {
  const fake = new FakeOffice(state);
  return { fake, host: new ExcelHost(fake.run, { isSetSupported: ALL_SETS }) };
}

/** A person types a score and a comment for every respondent (straight into the fake workbook). */
function typeScores(fake: FakeOffice, respondents: number): void {
  const s = fake.state.sheet('Responses');
  for (let r = 0; r < respondents; r++) {
    for (let i = 0; i < ITEMS; i++) {
      s.set(FIRST_DATA_ROW + r, 4 + i * 2, { value: ((r + i) % 4) + 1 });
      if (i === 0) s.set(FIRST_DATA_ROW + r, 5, { value: `Comment from ${respondentName(r)}` });
    }
  }
}

describe.each([10, 1000])('ExcelHost at %i respondents', (n) => {
  it('creates the review in 2 syncs, writing each block as one 2-D array', async () => {
    const { fake, host } = setup();
    const plan = createPlan(n);
    const result = await host.apply(plan);

    expect(result.calls).toBe(2);
    expect(fake.syncs).toBe(2);
    expect(host.stats.syncs).toBe(2);
    // one values= call per block (2 on Responses, 1 on Instructions, 1 on Review Settings, 1 on PR_Meta): never per cell
    expect(fake.callsNamed('values=')).toHaveLength(5);
    expect(fake.callsNamed('formulas=')).toHaveLength(0);
    // one validation per item column, one range per FormatRule
    expect(fake.callsNamed('dataValidation.rule=')).toHaveLength(ITEMS + 1);
    expect(fake.callsNamed('suspendApiCalculationUntilNextSync')).toHaveLength(1);
    expect(fake.largestSyncBytes).toBeLessThan(4_000_000);

    const wb = fake.state;
    expect(wb.sheets.map((s) => s.name)).toEqual(['Instructions', 'Responses', 'Sheet1', 'Review Settings', 'PR_Meta']);
    const resp = wb.sheet('Responses');
    expect(resp.value(5, 4)).toBe('1.1:score');
    expect(resp.value(FIRST_DATA_ROW, 1)).toBe('Respondent 1');
    expect(resp.value(FIRST_DATA_ROW + n - 1, 1)).toBe(respondentName(n - 1));
    expect(resp.value(FIRST_DATA_ROW + n, 1)).toBeNull();
    expect(resp.freeze).toEqual({ rows: 4, cols: 1 });
    expect(resp.protected).toBe(true);
    expect(resp.unlocked).toEqual([`A6:${columnLetter(ENTRY_COLS)}${FIRST_DATA_ROW + n + 9}`]);
    expect(resp.tabColor).toBe('#2B579A');
    expect(resp.merges).toHaveLength(6);
    // 24 characters → round(24 × 7 + 5) px = 173 px → 129.75 pt
    expect(resp.columnWidths.get(1)).toBe(129.75);
    // fitted to a page wide, so never under 65 %: the footer at 11 pt prints at 7 pt or more
    expect(resp.pageLayout).toEqual({
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      titleRows: '$1:$4',
      leftFooter: '&11&A',
      rightFooter: '&11Page &P of &N',
    });
    const firstList = resp.validations[0]!;
    expect(firstList.rule).toEqual({ list: { inCellDropDown: true, source: '1,2,3,4,N/A' } });
    expect(firstList.errorAlert?.style).toBe('Warning');
    expect(wb.sheet('PR_Meta').visibility).toBe('Hidden');
    expect(wb.names.get('PR_Responses')).toBe(`Responses!$A$6:$${columnLetter(ENTRY_COLS)}$${FIRST_DATA_ROW + n + 9}`);
    expect(wb.active).toBe('Responses');
    // a date typed in settings stays text ("01/05/2026" would otherwise become a serial number)
    expect(wb.sheet('Review Settings').value(3, 2)).toBe('01/05/2026');
  });

  it('reads the tabs back in the tab list, the used-range sizes and the values in parts of ≤ 100,000 cells, from A1', async () => {
    const { fake, host } = setup();
    await host.apply(createPlan(n));
    typeScores(fake, n);
    fake.resetCounters();
    host.resetStats();

    const snap = await host.read({ tabs: ['Instructions', 'Responses', 'PR_Meta', 'Summary'] });
    // Responses is (5 + n) rows × 137 columns: 2,055 cells at 10; 137,685 at 1,000, read as 729 rows then the rest
    const syncs = n === 10 ? 3 : 4;
    expect(fake.syncs).toBe(syncs);
    expect(host.stats.syncs).toBe(syncs);
    expect(snap.tabNames).toEqual(['Instructions', 'Responses', 'Sheet1', 'Review Settings', 'PR_Meta']);
    expect(Object.keys(snap.tabs).sort()).toEqual(['Instructions', 'PR_Meta', 'Responses']);
    const resp = snap.tabs['Responses']!;
    expect(resp.index).toBe(1);
    expect(resp.hidden).toBe(false);
    expect(resp.values).toHaveLength(FIRST_DATA_ROW + n - 1);
    expect(resp.values[4]).toEqual(headerKeys());
    expect(resp.values[FIRST_DATA_ROW - 1]!.slice(0, 5)).toEqual(['Respondent 1', 'Rochford LSP', null, 1, 'Comment from Respondent 1']);
    expect(resp.values[FIRST_DATA_ROW + n - 2]!.length).toBe(ENTRY_COLS);
    expect(snap.tabs['PR_Meta']!.hidden).toBe(true);
    expect(snap.tabs['PR_Meta']!.values[1]).toEqual(['revision', REVISION]);
  });

  it('writes the summary in 3 syncs (tab list, existing tabs and preconditions, write): formulas without _xlfn., text as text, a new summary swapped in', async () => {
    const { fake, host } = setup();
    await host.apply(createPlan(n));
    typeScores(fake, n);
    // an old Summary with a chart and stray content, protected by an earlier run
    await host.apply(summaryPlan(n));
    fake.state.sheet('Summary').set(200, 1, { value: 'stale' });
    fake.state.sheet('Summary').protected = true;
    fake.state.sheet('PR_Meta').set(2, 2, { value: REVISION }); // as core would have read it
    const order = fake.state.sheets.map((x) => `${x.name}:${x.visibility}`);
    fake.resetCounters();

    const result = await host.apply(summaryPlan(n));
    // the same tabs in the same places, shown or hidden as before: the new Summary and PR_Meta took the old ones' places
    expect(fake.state.sheets.map((x) => `${x.name}:${x.visibility}`)).toEqual(order);
    expect(result.calls).toBe(3);
    expect(fake.syncs).toBe(3);
    expect(fake.largestSyncBytes).toBeLessThan(4_000_000);

    const s = fake.state.sheet('Summary');
    expect(s.value(200, 1)).toBeNull();
    // the old Summary is never written: a new one is built beside it ("Summary (new)") and swapped in at the end
    expect(fake.callsNamed('unprotect')).toHaveLength(0);
    expect(fake.calls.filter((c) => c.target === 'worksheets' && c.op === 'add').map((c) => c.args[0])).toEqual(['Summary (new)']);
    expect(s.protected).toBe(true); // protected as the old one was
    expect(s.value(7, 1)).toBe('1.1');
    const last = FIRST_DATA_ROW + n - 1;
    expect(s.formula(7, 3)).toBe(`=IFERROR(AVERAGE(Responses!D6:D${last}),"")`);
    expect(s.formula(7, 5)).toBe(`=IFERROR(STDEV.S(Responses!D6:D${last}),"")`);
    expect(fake.callsNamed('formulas=')).toHaveLength(1);
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0]).toMatchObject({ type: 'BarClustered', source: 'B6:C12', seriesBy: 'Columns' });
    expect(s.charts[0]!.props).toMatchObject({
      name: 'pr-sections',
      'title.text': 'Section means',
      position: 'H2',
      width: 360,
      height: 216,
      'axes.valueAxis.minimum': 1,
      'axes.valueAxis.maximum': 4,
    });
    expect(s.conditionalFormats).toHaveLength(4);
    expect(s.conditionalFormats[0]!.props).toMatchObject({
      'cellValue.rule': { formula1: '="Red"', operator: 'EqualTo' },
      'cellValue.format.fill.color': '#F4CCCC',
    });
    expect(s.conditionalFormats[3]!.props['cellValue.rule']).toEqual({ formula1: '1', formula2: '1.5', operator: 'Between' });
    expect(fake.state.sheet('Improvement Plan').hiddenColumns).toEqual(new Set([7]));
    expect(fake.state.sheet('PR_Meta').value(2, 2)).toBe('rev-2026-05-01-002');
    // the scores people typed are untouched
    expect(fake.state.sheet('Responses').value(FIRST_DATA_ROW + n - 1, 4)).toBe(((n - 1) % 4) + 1);
  });

  it('drafts the improvement plan in 3 syncs, keeping what a person typed around it', async () => {
    const { fake, host } = setup();
    await host.apply(createPlan(n));
    await host.apply(summaryPlan(n));
    const planSheet = fake.state.sheet('Improvement Plan');
    planSheet.set(100, 1, { value: 'A row a person added' });
    fake.state.sheet('PR_Meta').set(2, 2, { value: REVISION });
    fake.resetCounters();

    const result = await host.apply(improvementPlan(40));
    expect(result.calls).toBe(3);
    expect(fake.syncs).toBe(3);
    expect(planSheet.value(5, 2)).toBe('Agree by 30/06/2026 who will plan item 1.1');
    expect(planSheet.value(5, 3)).toBe('30/06/2026');
    expect(planSheet.value(100, 1)).toBe('A row a person added');
    // update mode: an existing date rule is cleared before the new one is set, never stacked
    expect(planSheet.validations).toHaveLength(1);
    expect(fake.state.active).toBe('Improvement Plan');
  });
});

describe('ExcelHost payload', () => {
  it('splits writes above 4 MB into one extra sync per further 4 MB, each below 4 MB', async () => {
    const { fake, host } = setup();
    const long = 'x'.repeat(500);
    const rows = 2000;
    const plan = createPlan(10);
    plan.tabs[1]!.blocks.push({
      row: 100,
      col: 1,
      owner: 'input',
      cells: Array.from({ length: rows }, (_, r) => Array.from({ length: 10 }, (_, c) => ({ v: `${r}:${c} ${long}` }))),
    });
    // ≈ 2,000 × 10 × 510 bytes ≈ 10.3 MB of text: 3 write syncs after the state sync
    const result = await host.apply(plan);
    expect(result.calls).toBe(4);
    expect(fake.syncs).toBe(4);
    expect(fake.syncBytes.every((b) => b < 4_000_000)).toBe(true);
    expect(host.stats.largestSyncBytes).toBeLessThan(4_000_000);
    expect(fake.callsNamed('suspendApiCalculationUntilNextSync')).toHaveLength(3);
    const s = fake.state.sheet('Responses');
    expect(s.value(100, 1)).toBe(`0:0 ${long}`);
    expect(s.value(100 + rows - 1, 10)).toBe(`${rows - 1}:9 ${long}`);
    // protection comes last, after every chunk
    expect(s.protected).toBe(true);
  });

  it("estimates each sync's payload close to what the fake measured", async () => {
    const { fake, host } = setup();
    await host.apply(createPlan(1000));
    const measured = fake.syncBytes[1]!;
    const estimated = host.stats.syncBytes[1]!;
    expect(estimated / measured).toBeGreaterThan(0.5);
    expect(estimated / measured).toBeLessThan(2);
  });
});

describe('ExcelHost preconditions (issue 7)', () => {
  it('refuses, writing nothing, when PR_Meta changed between read and write', async () => {
    const { fake, host } = setup();
    await host.apply(createPlan(10));
    fake.state.sheet('PR_Meta').set(2, 2, { value: 'rev-someone-else' });
    fake.resetCounters();
    const before = JSON.stringify(fake.state.sheet('Responses').grid());

    const err = await host.apply(summaryPlan(10)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LayoutChangedError);
    expect((err as Error).message).toBe(`${LAYOUT_CHANGED_MESSAGE} (First change found at PR_Meta!B2.)`);
    expect(fake.syncs).toBe(2);
    expect(fake.calls.filter((c) => c.op !== 'load')).toEqual([]);
    expect(fake.state.find('Summary')).toBeUndefined();
    expect(JSON.stringify(fake.state.sheet('Responses').grid())).toBe(before);
  });

  it('refuses when a Responses header key moved', async () => {
    const { fake, host } = setup();
    await host.apply(createPlan(10));
    fake.state.sheet('Responses').set(5, 6, { value: 'someone typed here' });
    const err = await host.apply(summaryPlan(10)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LayoutChangedError);
    expect((err as Error).message).toContain('Responses!F5');
  });

  it('refuses when the metadata tab was deleted', async () => {
    const { fake, host } = setup();
    await host.apply(createPlan(10));
    fake.state.sheets = fake.state.sheets.filter((s) => s.name !== 'PR_Meta');
    await expect(host.apply(summaryPlan(10))).rejects.toBeInstanceOf(LayoutChangedError);
  });

  it('refuses to create a tab that already exists, before writing anything', async () => {
    const { fake, host } = setup(FakeWorkbookState.with({ Responses: [['my own data']] }));
    const err = await host.apply(createPlan(10)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReviewRequestError);
    expect((err as Error).message).toContain('already has a tab called "Responses"');
    expect(fake.syncs).toBe(2);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Responses']);
    expect(fake.state.sheet('Responses').value(1, 1)).toBe('my own data');
  });
});

describe('ExcelHost number formats', () => {
  it('splits a number format too big for one sync into row bands, each below the limit', async () => {
    const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }));
    const host = new ExcelHost(fake.run, { isSetSupported: ALL_SETS, maxSyncBytes: 100_000 });
    // 2,000 rows × 20 columns of "dd/mm/yyyy" ≈ 2,000 × 20 × 13 bytes ≈ 520 KB: 6 bands of at most 90 KB
    const range = { row: 1, col: 1, rows: 2000, cols: 20 };
    await host.apply({
      tabs: [
        {
          name: 'Dates',
          role: 'register',
          mode: 'create',
          blocks: [],
          columnWidths: [],
          merges: [],
          validations: [],
          conditionalFormats: [],
          charts: [],
          formats: [{ range, format: { numberFormat: 'dd/mm/yyyy', bold: true } }],
        },
      ],
      namedRanges: [],
    });
    expect(fake.callsNamed('numberFormat=')).toHaveLength(6);
    expect(fake.syncBytes.every((b) => b < 100_000)).toBe(true);
    const s = fake.state.sheet('Dates');
    expect(s.numberFormats.size).toBe(40_000);
    expect(s.numberFormats.get(s.key(2000, 20))).toBe('dd/mm/yyyy');
    // the other properties are set once on the whole range
    expect(s.formats).toEqual([{ address: 'A1:T2000', path: 'font.bold', value: true }]);
  });
});
