import { describe, expect, it } from 'vitest';
import type { SheetPlan, TabPlan } from '../../core/sheet-plan/types.js';
import { createExcelHost, ExcelHost } from '../../excel-addin/adapter/index.js';
import { FakeOffice, FakeWorkbookState } from './fake-office.js';
import { createPlan, improvementTab } from './sample-plans.js';

function emptyTab(name: string, mode: TabPlan['mode'], extra: Partial<TabPlan> = {}): TabPlan {
  return {
    name,
    role: 'plan',
    mode,
    blocks: [],
    formats: [],
    columnWidths: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    ...extra,
  };
}

function hostOn(state: FakeWorkbookState, max = '1.9'): { fake: FakeOffice; host: ExcelHost } {
  const fake = new FakeOffice(state);
  return { fake, host: new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements(max) }) };
}

const TYPED = [
  '=HYPERLINK("http://evil.example","Click")',
  '+cmd|/c calc',
  '-1+1',
  '@SUM(A1:A9)',
  '007',
  '1/2',
  '12%',
  'TRUE',
  "'quoted",
  'plain words',
];

describe('text guard (issue 7: formula injection)', () => {
  it('writes text a person typed as text, in values blocks and in blocks that also hold formulas', async () => {
    const { fake, host } = hostOn(FakeWorkbookState.with({ Sheet1: [] }));
    const plan: SheetPlan = {
      tabs: [
        emptyTab('Improvement Plan', 'update', {
          blocks: [
            { row: 1, col: 1, owner: 'input', cells: TYPED.map((t) => [{ v: t }]) },
            { row: 1, col: 2, owner: 'generated', cells: TYPED.map((t, i) => [{ v: t }, { f: `=LEN(A${i + 1})`, v: t.length }]) },
          ],
        }),
      ],
      namedRanges: [],
    };
    await host.apply(plan);
    const s = fake.state.sheet('Improvement Plan');
    TYPED.forEach((t, i) => {
      expect(s.value(i + 1, 1)).toBe(t);
      expect(s.formula(i + 1, 1)).toBeUndefined();
      expect(s.value(i + 1, 2)).toBe(t);
      expect(s.formula(i + 1, 2)).toBeUndefined();
      expect(s.formula(i + 1, 3)).toBe(`=LEN(A${i + 1})`);
    });
    expect(fake.callsNamed('values=')).toHaveLength(1);
    expect(fake.callsNamed('formulas=')).toHaveLength(1);
  });

  it('keeps a =HYPERLINK(...) comment as text when the plan is regenerated', async () => {
    const comment = '=HYPERLINK("http://evil.example","Click me")';
    const { fake, host } = hostOn(FakeWorkbookState.with({ Sheet1: [] }));
    await host.apply({ tabs: [improvementTab(3, 'draft', (r) => (r === 1 ? comment : null))], namedRanges: [] });
    const s = fake.state.sheet('Improvement Plan');
    expect(s.value(6, 4)).toBe(comment);
    expect(s.formula(6, 4)).toBeUndefined();
    const snap = await host.read({ tabs: ['Improvement Plan'] });
    expect(snap.tabs['Improvement Plan']!.values[5]![3]).toBe(comment);
  });

  it('writes null as an empty cell (Office.js would leave the old content for null)', async () => {
    const { fake, host } = hostOn(FakeWorkbookState.with({ Notes: [['old', 'keep']] }));
    await host.apply({
      tabs: [emptyTab('Notes', 'update', { blocks: [{ row: 1, col: 1, owner: 'generated', cells: [[{ v: null }]] }] })],
      namedRanges: [],
    });
    expect(fake.state.sheet('Notes').value(1, 1)).toBeNull();
    expect(fake.state.sheet('Notes').value(1, 2)).toBe('keep');
  });
});

describe('requirement sets', () => {
  it('refuses, naming the feature and the Excel needed, on an Excel without ExcelApi 1.8 — before writing', async () => {
    const { fake, host } = hostOn(FakeWorkbookState.with({ Sheet1: [] }), '1.7');
    const err = (await host.apply(createPlan(10)).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toContain('drop-down lists and checks on score cells (data validation)');
    expect(err.message).toContain('Excel JavaScript API 1.8');
    expect(err.message).toContain(
      'Microsoft 365, Excel 2021 or later (on Windows with Microsoft Edge WebView2, or on Mac) or Excel on the web',
    );
    expect(fake.calls.filter((c) => c.op !== 'load')).toEqual([]);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('refuses to write on Excel 2016 (ExcelApi 1.1 to 1.5) with a clear message', async () => {
    const { fake, host } = hostOn(FakeWorkbookState.with({ Sheet1: [] }), '1.3');
    await expect(host.apply(createPlan(10))).rejects.toThrow(/Excel JavaScript API 1\.6.*Excel 2021 or later/);
    await expect(host.read({ tabs: ['Sheet1'] })).rejects.toThrow(/Excel JavaScript API 1\.4/);
    expect(fake.syncs).toBe(0);
  });

  it('skips print setup with a warning where ExcelApi 1.9 is missing, and writes everything else', async () => {
    const checked: string[] = [];
    const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }));
    const supports = FakeOffice.requirements('1.8');
    const host = new ExcelHost(fake.run, { isSetSupported: (n, v) => (checked.push(`${n} ${v}`), supports(n, v)) });
    const result = await host.apply(createPlan(10));
    expect(result.warnings).toEqual([
      'Print setup was skipped. This version of Excel is too old for print setup (orientation, fit to width, repeated heading rows): ' +
        'Partnership Review needs the Excel JavaScript API 1.9. Open the workbook in Microsoft 365, ' +
        'Excel 2021 or later (on Windows with Microsoft Edge WebView2, or on Mac) or Excel on the web, then try again.',
    ]);
    expect(fake.calls.some((c) => c.target.includes('pageLayout'))).toBe(false);
    expect(fake.state.sheet('Responses').validations.length).toBeGreaterThan(0);
    // each set is asked once, then remembered
    expect(new Set(checked).size).toBe(checked.length);
  });
});

describe('reading', () => {
  it('pads a used range that starts below and right of A1, and turns empty cells into null', async () => {
    const state = FakeWorkbookState.with({ Data: [] });
    const s = state.sheet('Data');
    s.set(3, 3, { value: 'C3' });
    s.set(4, 5, { value: 7 });
    const { fake, host } = hostOn(state);
    const snap = await host.read({ tabs: ['Data', 'Missing'] });
    expect(fake.syncs).toBe(3);
    expect(snap.tabs['Data']!.values).toEqual([
      [null, null, null, null, null],
      [null, null, null, null, null],
      [null, null, 'C3', null, null],
      [null, null, null, null, 7],
    ]);
    expect(snap.tabs['Missing']).toBeUndefined();
  });

  it("reads every tab in 3 syncs for tabs: 'all', empty tabs as []", async () => {
    const { fake, host } = hostOn(FakeWorkbookState.with({ One: [['a']], Two: [], Three: [[1, 2]] }));
    const snap = await host.read({ tabs: 'all' });
    expect(fake.syncs).toBe(3);
    expect(snap.tabNames).toEqual(['One', 'Two', 'Three']);
    expect(snap.tabs['Two']).toEqual({ name: 'Two', index: 1, hidden: false, values: [] });
    expect(snap.tabs['Three']!.values).toEqual([[1, 2]]);
  });
});

describe('select, names and errors', () => {
  it('selects a problem cell in 1 sync', async () => {
    const { fake, host } = hostOn(FakeWorkbookState.with({ Sheet1: [], Responses: [] }));
    await host.select({ sheet: 'Responses', row: 7, col: 4 });
    expect(fake.syncs).toBe(1);
    expect(fake.state.active).toBe('Responses');
    expect(fake.state.selection).toBe('Responses!D7');
  });

  it('replaces a named range that already exists', async () => {
    const state = FakeWorkbookState.with({ Sheet1: [] });
    state.names.set('PR_Responses', 'Sheet1!$A$1');
    const { fake, host } = hostOn(state);
    await host.apply({ tabs: [], namedRanges: [{ name: 'PR_Responses', sheet: 'Sheet1', range: { row: 6, col: 1, rows: 10, cols: 3 } }] });
    expect(fake.state.names.get('PR_Responses')).toBe('Sheet1!$A$6:$C$15');
  });

  it('explains an Excel failure in plain English with the fix', async () => {
    const { fake, host } = hostOn(FakeWorkbookState.with({ Sheet1: [] }));
    const state = fake.state.sheet('Sheet1');
    state.protected = true;
    state.password = 'secret';
    const err = (await host
      .apply({
        tabs: [emptyTab('Sheet1', 'update', { blocks: [{ row: 1, col: 1, owner: 'generated', cells: [[{ v: 'x' }]] }] })],
        namedRanges: [],
      })
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(
      /^Excel could not finish writing the workbook: .*password.*Unprotect it \(Review › Unprotect Sheet\), then try again\.$/,
    );
  });

  it('hides the metadata tab after activating another, so the active tab is never hidden', async () => {
    const { fake, host } = hostOn(FakeWorkbookState.with({ Sheet1: [] }));
    await host.apply(createPlan(3));
    const ops = fake.calls.map((c) => `${c.target} ${c.op}`);
    const activate = ops.findIndex((o) => o.includes('"Responses"') && o.endsWith(' activate'));
    const hide = ops.findIndex((o) => o.includes('"PR_Meta"') && o.endsWith('visibility='));
    expect(activate).toBeGreaterThan(-1);
    expect(hide).toBeGreaterThan(activate);
  });
});

describe('createExcelHost', () => {
  it("uses the page's Excel.run and Office.context.requirements", async () => {
    const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [['hello']] }));
    const g = globalThis as Record<string, unknown>;
    g['Excel'] = { run: fake.run };
    g['Office'] = { context: { requirements: { isSetSupported: FakeOffice.requirements('1.3') } } };
    try {
      const host = createExcelHost();
      await expect(host.read({ tabs: ['Sheet1'] })).rejects.toThrow(/Excel JavaScript API 1\.4/);
      g['Office'] = { context: { requirements: { isSetSupported: FakeOffice.requirements('1.9') } } };
      const snap = await createExcelHost().read({ tabs: ['Sheet1'] });
      expect(snap.tabs['Sheet1']!.values).toEqual([['hello']]);
    } finally {
      delete g['Excel'];
      delete g['Office'];
    }
  });
});
