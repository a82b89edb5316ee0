/**
 * Read-back over Office.js (excel-addin/adapter/inspect.ts) on the strict Office.js fake: a hand-made plan is
 * written, then read back; every expected fact below is written out by hand from the plan. And the fake refuses the
 * read-back mistakes Office.js refuses (a property not loaded, a property Excel lacks, a navigation object loaded
 * whole, a null object's properties, more than 512 merged areas).
 */
import { describe, expect, it } from 'vitest';
import type { TabFacts } from '../../core/host/inspect.js';
import type { SheetPlan, TabPlan } from '../../core/sheet-plan/types.js';
import { newTab } from '../../core/sheet-plan/tab.js';
import { ExcelHost } from '../../excel-addin/adapter/excel-host.js';
import { parseAreas, validationFact } from '../../excel-addin/adapter/inspect.js';
import { FakeOffice, FakeWorkbookState } from './fake-office.js';

function tab(name: string, extra: Partial<TabPlan> = {}): TabPlan {
  return { ...newTab(name, 'plan', 'create'), ...extra };
}

const GREEN = { fill: '#C6EFCE', fontColour: '#006100' };

const PLAN: SheetPlan = {
  tabs: [
    tab('Team scores', {
      blocks: [
        {
          row: 1,
          col: 1,
          owner: 'generated',
          cells: [
            [{ v: 'Name' }, { v: 'Score' }, { v: 'Double' }],
            [{ v: 'Ann' }, { v: 2 }, { f: '=B2*2', v: 4 }],
          ],
        },
      ],
      formats: [{ range: { row: 2, col: 3, rows: 1, cols: 1 }, format: { numberFormat: '0.00' } }],
      merges: [{ row: 7, col: 1, rows: 1, cols: 3 }],
      validations: [
        { range: { row: 2, col: 2, rows: 4, cols: 1 }, rule: { kind: 'list', values: ['1', '2', '3'], strict: false } },
        { range: { row: 2, col: 4, rows: 1, cols: 1 }, rule: { kind: 'number', min: 1, max: 5, integer: true } },
        { range: { row: 2, col: 5, rows: 1, cols: 1 }, rule: { kind: 'date' } },
      ],
      conditionalFormats: [
        {
          range: { row: 2, col: 2, rows: 4, cols: 1 },
          rules: [
            { kind: 'number', operator: 'gte', value: 3, format: GREEN },
            { kind: 'number', operator: 'lt', value: 2, format: { fill: '#FFC7CE' } },
          ],
        },
      ],
      charts: [
        {
          id: 'scores',
          kind: 'column',
          title: 'Scores by person',
          data: { row: 1, col: 1, rows: 2, cols: 2 },
          anchor: { row: 5, col: 5 },
          width: 480,
          height: 288,
        },
      ],
      freeze: { rows: 1, cols: 0 },
      protection: { protect: true, editable: [{ row: 2, col: 2, rows: 4, cols: 1 }], description: 'headings' },
    }),
    tab('Side notes', {
      blocks: [{ row: 1, col: 1, owner: 'generated', cells: [[{ v: 'x' }]] }],
      freeze: { rows: 0, cols: 2 },
      hidden: true,
    }),
  ],
  namedRanges: [{ name: 'PRST_t_Score', sheet: 'Team scores', range: { row: 2, col: 2, rows: 1, cols: 1 } }],
};

/** Office.js throws PropertyNotLoaded for a property read before its load() has synced. */
function notLoaded(read: () => unknown): void {
  let code: unknown;
  try {
    read();
  } catch (e) {
    code = (e as { code?: unknown }).code;
  }
  expect(code).toBe('PropertyNotLoaded');
}

function excel(api = '1.13'): { fake: FakeOffice; host: ExcelHost } {
  // this Excel has the sets up to `api`: the fake refuses anything newer, and the adapter is told the same
  const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [['mine']] }), { api });
  return { fake, host: new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements(api) }) };
}

describe('Excel read-back (InspectHost)', () => {
  it('reads back what the plan asked for, in three syncs', async () => {
    const { host } = excel();
    await host.apply(PLAN);
    host.resetStats();
    const facts = await host.inspect([
      {
        tab: 'Team scores',
        cells: [
          { row: 2, col: 3 },
          { row: 2, col: 2 },
          { row: 2, col: 4 },
          { row: 2, col: 5 },
          { row: 1, col: 1 },
        ],
      },
      { tab: 'side notes', cells: [] },
      { tab: 'Not there', cells: [{ row: 1, col: 1 }] },
    ]);
    // (1) the tab list, (2) the tabs and cells, (3) the conditional formats' ranges
    expect(host.stats.syncs).toBe(3);
    const expected: TabFacts[] = [
      {
        tab: 'Team scores',
        exists: true,
        hidden: false,
        frozen: { rows: 1, cols: 0 },
        merges: [{ row: 7, col: 1, rows: 1, cols: 3 }],
        protected: true,
        // one entry per rule, each over B2:B5
        conditionalFormats: [{ ranges: [{ row: 2, col: 2, rows: 4, cols: 1 }] }, { ranges: [{ row: 2, col: 2, rows: 4, cols: 1 }] }],
        charts: [{ title: 'Scores by person', kind: 'ColumnClustered' }],
        cells: [
          { row: 2, col: 3, formula: '=B2*2', numberFormat: '0.00', validation: null, locked: true },
          {
            row: 2,
            col: 2,
            formula: null,
            numberFormat: 'General',
            validation: { kind: 'list', values: ['1', '2', '3'], strict: false },
            locked: false,
          },
          {
            row: 2,
            col: 4,
            formula: null,
            numberFormat: 'General',
            validation: { kind: 'number', min: 1, max: 5, strict: true },
            locked: true,
          },
          { row: 2, col: 5, formula: null, numberFormat: 'General', validation: { kind: 'date', strict: true }, locked: true },
          { row: 1, col: 1, formula: null, numberFormat: 'General', validation: null, locked: true },
        ],
      },
      {
        tab: 'side notes',
        exists: true,
        hidden: true,
        frozen: { rows: 0, cols: 2 },
        merges: [],
        protected: false,
        conditionalFormats: [],
        charts: [],
        cells: [],
      },
      {
        tab: 'Not there',
        exists: false,
        hidden: false,
        frozen: { rows: 0, cols: 0 },
        merges: [],
        protected: false,
        conditionalFormats: [],
        charts: [],
        cells: [],
      },
    ];
    expect(facts).toEqual(expected);
  });

  it('says merged cells cannot be listed on an Excel without ExcelApi 1.13, and never calls for them', async () => {
    const { fake, host } = excel('1.8');
    await host.apply(PLAN);
    const [f] = await host.inspect([{ tab: 'Team scores', cells: [] }]);
    expect(f!.merges).toBeNull();
    expect(f!.mergesUnknown).toBe('this Excel cannot list merged cells to an add-in (that needs the Excel JavaScript API 1.13)');
    expect(fake.calls.filter((c) => c.target.includes('getMergedAreasOrNullObject'))).toEqual([]);
  });

  it('removes the tabs and names asked for that exist, whatever their case, and nothing else', async () => {
    const { fake, host } = excel();
    await host.apply(PLAN);
    host.resetStats();
    await host.remove(['TEAM SCORES', 'Side notes', 'Never made'], ['prst_t_score', 'PRST_t_Other']);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect([...fake.state.names.keys()]).toEqual([]);
    expect(fake.state.sheet('Sheet1').value(1, 1)).toBe('mine');
    expect(host.stats.syncs).toBe(2); // what is there, then the deletions
  });

  it('refuses to read back on an Excel without data validation (ExcelApi 1.8)', async () => {
    const { host } = excel('1.7');
    await expect(host.inspect([{ tab: 'Sheet1', cells: [] }])).rejects.toThrow(/Excel JavaScript API 1\.8/);
  });

  it('reads addresses as Excel writes them: quoted tab names, several areas, whole rows and columns', () => {
    expect(parseAreas("'PRST-x Summary'!A1:B4, 'PRST-x Summary'!D1:D4")).toEqual([
      { row: 1, col: 1, rows: 4, cols: 2 },
      { row: 1, col: 4, rows: 4, cols: 1 },
    ]);
    expect(parseAreas("'It''s, odd!'!$C$3")).toEqual([{ row: 3, col: 3, rows: 1, cols: 1 }]);
    expect(parseAreas('Sheet1!2:3')).toEqual([{ row: 2, col: 1, rows: 2, cols: 16_384 }]);
    expect(parseAreas('Sheet1!B:C')).toEqual([{ row: 1, col: 2, rows: 1_048_576, cols: 2 }]);
  });

  it('reads a validation as the core describes it', () => {
    const stop = { showAlert: true, style: 'Stop' } as Excel.DataValidationErrorAlert;
    const warn = { showAlert: true, style: 'Warning' } as Excel.DataValidationErrorAlert;
    expect(validationFact('None', {}, stop)).toBeNull();
    expect(validationFact('List', { list: { inCellDropDown: true, source: 'Red,Amber,Green' } }, warn)).toEqual({
      kind: 'list',
      values: ['Red', 'Amber', 'Green'],
      strict: false,
    });
    expect(validationFact('Decimal', { decimal: { formula1: '=0.5', formula2: 2, operator: 'Between' } }, stop)).toEqual({
      kind: 'number',
      min: 0.5,
      max: 2,
      strict: true,
    });
    expect(validationFact('TextLength', {}, { showAlert: false, style: 'Stop' } as Excel.DataValidationErrorAlert)).toEqual({
      kind: 'other',
      strict: false,
    });
  });
});

describe('the strict Office.js fake refuses the read-back mistakes Office.js refuses', () => {
  it('reads only what was loaded, by the names @types/office-js gives', async () => {
    const { fake, host } = excel();
    await host.apply(PLAN);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Team scores');
      const cell = ws.getRange('C2');
      expect(() => cell.load('formula')).toThrow(/Excel.Range has no property "formula"/);
      expect(() => cell.load('format')).toThrow(/an object; name its properties/);
      expect(() => cell.dataValidation.load('rule/list')).toThrow(/is a value/);
      expect(() => ws.charts.load('items/title')).toThrow(/an object; name its properties/);
      expect(() => ws.charts.load('items')).toThrow(/names no property/);
      cell.load('numberFormat');
      cell.dataValidation.load('type');
      const charts = ws.charts.load('items/name');
      await ctx.sync();
      expect(cell.numberFormat).toEqual([['0.00']]);
      notLoaded(() => cell.formulas);
      notLoaded(() => cell.format.protection.locked);
      expect(cell.dataValidation.type).toBe('None');
      notLoaded(() => cell.dataValidation.rule);
      expect(charts.items.map((c) => c.name)).toEqual(['scores']);
      notLoaded(() => charts.items[0]!.title.text);
      notLoaded(() => charts.items[0]!.chartType);
    });
  });

  it('answers a range’s validation only when all its cells agree', async () => {
    const { fake, host } = excel();
    await host.apply(PLAN);
    await fake.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('Team scores').getRange('B2:D2').dataValidation.load('type');
      await ctx.sync();
      expect(dv.type).toBe('Inconsistent'); // B2 a list, C2 none, D2 a whole number
    });
  });

  it('refuses the properties of a null object (no frozen panes, no merged areas)', async () => {
    const { fake } = excel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const frozen = ws.freezePanes.getLocationOrNullObject().load('rowCount');
      const merged = ws.getRange().getMergedAreasOrNullObject().load('address');
      await ctx.sync();
      expect(frozen.isNullObject).toBe(true);
      expect(() => frozen.rowCount).toThrow(/null object/);
      expect(merged.isNullObject).toBe(true);
      expect(() => merged.address).toThrow(/null object/);
    });
  });

  it('fails for more than 512 merged areas, as the documentation says', async () => {
    const state = FakeWorkbookState.with({ Many: [] });
    for (let r = 1; r <= 513; r++) state.sheet('Many').merges.push(`A${r}:B${r}`);
    const fake = new FakeOffice(state);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Many').getRange().getMergedAreasOrNullObject().load('address');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    });
  });

  it('refuses, on an older Excel, every member of a newer requirement set (ApiNotFound), as the documentation marks them', async () => {
    const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }), { api: '1.8' });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const code = (f: () => unknown): unknown => {
        try {
          f();
        } catch (e) {
          return (e as { code?: unknown }).code;
        }
        return 'none';
      };
      expect(code(() => ws.getRange().getMergedAreasOrNullObject())).toBe('ApiNotFound'); // ExcelApi 1.13
      expect(code(() => (ws.getRange('A1').format.indentLevel = 1))).toBe('ApiNotFound'); // ExcelApi 1.9
      expect(code(() => ws.pageLayout)).toBe('ApiNotFound'); // ExcelApi 1.9
      expect(code(() => ws.freezePanes.getLocationOrNullObject())).toBe('none'); // ExcelApi 1.7
      expect(code(() => ws.getRange('A1').dataValidation.load('type'))).toBe('none'); // ExcelApi 1.8
    });
    const old = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }), { api: '1.6' });
    await old.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      expect(() => ws.getRange('A1').dataValidation).toThrow(/needs ExcelApi 1\.8; this Excel has 1\.6/);
      // an option field newer than the Excel (selectionMode: ExcelApi 1.7) is refused too
      expect(() => ws.protection.protect({ allowSort: true, selectionMode: 'Normal' })).toThrow(/selectionMode needs ExcelApi 1\.7/);
    });
  });

  it('drops data validation or conditional formats when told to, accepting the calls', async () => {
    for (const [drop, kept] of [
      [{ validation: true }, { validations: 0, conditionalFormats: 2 }],
      [{ conditionalFormats: true }, { validations: 3, conditionalFormats: 0 }],
    ] as const) {
      const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }), { drop, api: '1.13' });
      await new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.13') }).apply(PLAN);
      const s = fake.state.sheet('Team scores');
      expect({ validations: s.validations.length, conditionalFormats: s.conditionalFormats.length }).toEqual(kept);
    }
  });
});
