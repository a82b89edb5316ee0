/// <reference types="google-apps-script" />
/**
 * The Sheets adapter against hand-written sheet plans, through the recording fake (no build needed).
 */
import { describe, expect, it } from 'vitest';
import { SheetsHost, hostCell } from '../../sheets-addon/server/sheets-host.js';
import { groupFormats } from '../../sheets-addon/server/format-groups.js';
import type { SheetPlan, TabPlan } from '../../core/sheet-plan/types.js';
import { FakeAppsScript, type FakeSheet } from './fake-apps-script.js';
import { sameShape } from './load-addon.js';

function tab(partial: Partial<TabPlan> & Pick<TabPlan, 'name'>): TabPlan {
  return {
    role: 'summary',
    mode: 'create',
    blocks: [],
    formats: [],
    columnWidths: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    ...partial,
  };
}

function plan(tabs: TabPlan[], extra: Partial<SheetPlan> = {}): SheetPlan {
  return { tabs, namedRanges: [], ...extra };
}

function hostFor(fake: FakeAppsScript): SheetsHost {
  return new SheetsHost({
    spreadsheet: fake.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    app: fake.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    isoDate: (d, tz) => fake.Utilities.formatDate(d, tz, 'yyyy-MM-dd'),
    currentUser: () => fake.Session.getEffectiveUser() as unknown as GoogleAppsScript.Base.User,
  });
}

/** An entry-like tab: header row, then one row per respondent; formats, validation and rules over the whole column. */
function entryTab(respondents: number, owned = false): TabPlan {
  const rows = respondents;
  return tab({
    name: 'Responses',
    role: 'entry',
    blocks: [
      { row: 1, col: 1, owner: 'generated', cells: [[{ v: 'Respondent' }, { v: 'Partnership' }, { v: 'ASPIRE' }, { v: 'Comment' }]] },
      {
        row: 2,
        col: 1,
        owner: 'input',
        cells: Array.from({ length: rows }, (_, i) => [
          { v: `Respondent ${i + 1}` },
          { v: 'Kensington and Chelsea' },
          { v: null },
          { v: null },
        ]),
      },
    ],
    formats: [
      { range: { row: 1, col: 1, rows: 1, cols: 4 }, format: { bold: true, fill: '#D9E1F2' } },
      { range: { row: 2, col: 1, rows, cols: 4 }, format: { fill: '#FFFFFF', wrap: true } },
      { range: { row: 2, col: 4, rows, cols: 1 }, format: { numberFormat: '@' } },
    ],
    columnWidths: [
      { col: 1, width: 24 },
      { col: 2, width: 24 },
      { col: 3, width: 11 },
      { col: 4, width: 40 },
    ],
    merges: [],
    freeze: { rows: 1, cols: 1 },
    validations: [
      {
        range: { row: 2, col: 3, rows, cols: 1 },
        rule: { kind: 'list', values: ['1', '2', '3', 'N/A'], strict: false, prompt: '1 = Weak; 2 = Present in parts; 3 = Strong.' },
      },
    ],
    conditionalFormats: [
      {
        range: { row: 2, col: 3, rows, cols: 1 },
        rules: [
          { kind: 'number', operator: 'lt', value: 2, format: { fill: '#F8CBAD' } },
          { kind: 'textEquals', text: 'N/A', format: { fontColour: '#808080' } },
        ],
      },
    ],
    protection: {
      protect: true,
      editable: [{ row: 2, col: 1, rows, cols: 4 }],
      description: 'Header rows are protected.',
      ...(owned
        ? {
            owned: Array.from({ length: rows }, (_, i) => ({
              range: { row: 2 + i, col: 1, rows: 1, cols: 4 },
              editors: i === 0 ? [] : [`person${i + 1}@example.org`],
              description: `Row ${2 + i}: Respondent ${i + 1}`,
            })),
          }
        : {}),
    },
    hiddenRows: [],
  });
}

describe('SheetsHost.apply', () => {
  it('writes a mixed block in one setValues: text stays text, formulas lose _xlfn.', async () => {
    const fake = new FakeAppsScript();
    const host = hostFor(fake);
    const mark = fake.calls.length;
    await host.apply(
      plan([
        tab({
          name: 'Summary',
          blocks: [
            {
              row: 2,
              col: 2,
              owner: 'generated',
              cells: [
                [{ v: '=HYPERLINK("http://x.example","click")' }, { v: '007' }, { v: '2026/27' }],
                [{ v: 2.5 }, { v: true }, { v: null }],
                [{ f: '=_xlfn.STDEV.S(B3:B9)', v: 0.5 }, { v: '+44 20 7946 0000' }, { v: "'quoted" }],
              ],
            },
          ],
        }),
      ]),
    );
    const counts = fake.countsSince(mark);
    expect(counts['Range.setValues']).toBe(1);
    const s = fake.spreadsheet._sheet('Summary');
    expect(s._peek(2, 2)).toMatchObject({ value: '=HYPERLINK("http://x.example","click")', formula: null });
    expect(s._peek(2, 3)).toMatchObject({ value: '007', formula: null });
    expect(s._peek(2, 4)).toMatchObject({ value: '2026/27', formula: null });
    expect(s._peek(3, 2)).toMatchObject({ value: 2.5 });
    expect(s._peek(3, 3)).toMatchObject({ value: true });
    expect(s._peek(3, 4)).toMatchObject({ value: '' });
    expect(s._peek(4, 2)).toMatchObject({ formula: '=STDEV.S(B3:B9)' });
    expect(s._peek(4, 3)).toMatchObject({ value: '+44 20 7946 0000', formula: null });
    expect(s._peek(4, 4)).toMatchObject({ value: "'quoted", formula: null });
  });

  it('guards exactly the strings a spreadsheet would not keep as typed', () => {
    expect(hostCell({ v: 'Strong partnership' })).toBe('Strong partnership');
    expect(hostCell({ v: '@SUM(A1)' })).toBe("'@SUM(A1)");
    expect(hostCell({ v: '-1+1' })).toBe("'-1+1");
    expect(hostCell({ v: 3 })).toBe(3);
    expect(hostCell({ v: Number.NaN })).toBe('');
    expect(hostCell({ f: '=AVERAGE(C2:C9)', v: 2 })).toBe('=AVERAGE(C2:C9)');
  });

  it('needs the same number of calls for 10 and 1,000 respondents', async () => {
    const counts: Record<string, number>[] = [];
    for (const n of [10, 1000]) {
      const fake = new FakeAppsScript();
      const host = hostFor(fake);
      const mark = fake.calls.length;
      const result = await host.apply(plan([entryTab(n)]));
      counts.push(fake.countsSince(mark));
      expect(result.calls).toBe(fake.calls.length - mark);
      const s = fake.spreadsheet._sheet('Responses');
      expect(s._text(1 + n, 1)).toBe(`Respondent ${n}`);
      expect(s._maxRows).toBe(1 + n + 100);
    }
    // the grid is sized exactly once either way: grown (1,000) or shrunk (10)
    expect(sameShape(counts[0]!)).toEqual(sameShape(counts[1]!));
    // one rule over the whole score column, one set of conditional rules, formats coalesced per value
    expect(counts[0]!['Range.setDataValidation']).toBe(1);
    expect(counts[0]!['Sheet.setConditionalFormatRules']).toBe(1);
    expect(counts[0]!['RangeList.setBackground']).toBe(2);
    expect(counts[0]!['Sheet.setColumnWidths']).toBe(3); // 24,24 grouped; 11; 40
  });

  it('adds one protection per respondent row only when the plan asks, with the respondent as editor', async () => {
    const fake = new FakeAppsScript({ editors: ['colleague@example.org'] });
    const host = hostFor(fake);
    const mark = fake.calls.length;
    await host.apply(plan([entryTab(5, true)]));
    const counts = fake.countsSince(mark);
    expect(counts['Sheet.protect']).toBe(1);
    expect(counts['Range.protect']).toBe(5);
    const s = fake.spreadsheet._sheet('Responses');
    const header = s._protections.find((p) => p._type === 'SHEET')!;
    expect(header._warningOnly).toBe(true);
    expect(header._unprotected.map((r) => r.getA1Notation())).toEqual(['A2:D6']);
    const rows = s._protections.filter((p) => p._type === 'RANGE');
    expect(rows[0]!._warningOnly).toBe(true); // no e-mail address: warns, locks no one out
    expect(rows[1]!._editors).toEqual(['owner@example.org', 'person2@example.org']);
    expect(rows[1]!._domainEdit).toBe(false);
    expect(rows[1]!._range!.getA1Notation()).toBe('A3:D3');
  });

  it('applies formats in order where they overlap, and coalesces the rest', () => {
    const groups = groupFormats([
      { range: { row: 1, col: 1, rows: 1, cols: 5 }, format: { fill: '#CCCCCC' } },
      { range: { row: 1, col: 1, rows: 10, cols: 5 }, format: { fill: '#FFFFFF' } },
      { range: { row: 5, col: 1, rows: 1, cols: 5 }, format: { fill: '#CCCCCC' } },
      { range: { row: 20, col: 1, rows: 1, cols: 5 }, format: { fill: '#FFFFFF', bold: true } },
    ]);
    expect(groups.map((g) => [g.prop, g.value, g.ranges.length])).toEqual([
      ['background', '#CCCCCC', 1],
      ['background', '#FFFFFF', 2],
      ['background', '#CCCCCC', 1],
      ['fontWeight', 'bold', 1],
    ]);
  });

  it('sets formats, widths, freeze, validation, rules, charts, names and hidden parts', async () => {
    const fake = new FakeAppsScript();
    const host = hostFor(fake);
    await host.apply(
      plan(
        [
          tab({
            name: 'Summary',
            blocks: [
              {
                row: 1,
                col: 1,
                owner: 'generated',
                cells: [
                  [{ v: 'Section' }, { v: 'Mean' }],
                  [{ v: 'ASPIRE' }, { f: '=AVERAGE(Responses!C2:C9)', v: 2.25 }],
                ],
              },
            ],
            formats: [
              {
                range: { row: 1, col: 1, rows: 1, cols: 2 },
                format: { bold: true, fill: '#1F4E78', fontColour: '#FFFFFF', hAlign: 'center', border: 'thin' },
              },
              {
                range: { row: 2, col: 2, rows: 1, cols: 1 },
                format: { numberFormat: '0.00', italic: true, fontSize: 9, vAlign: 'middle' },
              },
            ],
            columnWidths: [{ col: 1, width: 30 }],
            rowHeights: [{ row: 1, height: 30 }],
            merges: [{ row: 4, col: 1, rows: 1, cols: 2 }],
            freeze: { rows: 1, cols: 0 },
            validations: [
              {
                range: { row: 5, col: 1, rows: 3, cols: 1 },
                rule: { kind: 'number', min: 1, max: 5, integer: true, error: 'Type a whole number from 1 to 5.' },
              },
            ],
            conditionalFormats: [
              {
                range: { row: 2, col: 2, rows: 1, cols: 1 },
                rules: [{ kind: 'number', operator: 'between', value: 1, value2: 2, format: { fill: '#FF0000', bold: true } }],
              },
            ],
            charts: [
              {
                id: 'sections',
                kind: 'bar',
                title: 'Section means',
                data: { row: 1, col: 1, rows: 2, cols: 2 },
                anchor: { row: 1, col: 4 },
                width: 480,
                height: 300,
                min: 1,
                max: 3,
              },
            ],
            hiddenColumns: [7, 8],
            tabColour: '#2F5597',
          }),
          tab({
            name: 'PR_Meta',
            role: 'meta',
            hidden: true,
            blocks: [{ row: 1, col: 1, owner: 'generated', cells: [[{ v: 'layout' }, { v: 1 }]] }],
          }),
        ],
        { namedRanges: [{ name: 'PR_Summary', sheet: 'Summary', range: { row: 1, col: 1, rows: 2, cols: 2 } }], activate: 'Summary' },
      ),
    );
    const s = fake.spreadsheet._sheet('Summary');
    expect(s._peek(1, 1)!.format).toMatchObject({
      fontWeight: 'bold',
      background: '#1F4E78',
      fontColor: '#FFFFFF',
      horizontalAlignment: 'center',
      border: 'thin',
    });
    expect(s._peek(2, 2)!.format).toMatchObject({ numberFormat: '0.00', fontStyle: 'italic', fontSize: 9, verticalAlignment: 'middle' });
    expect(s._columnWidths.get(1)).toBe(215); // 30 characters × 7 px + 5 px padding
    expect(s._rowHeights.get(1)).toBe(40); // 30 pt × 4/3
    expect(s._merges).toEqual([{ row: 4, col: 1, rows: 1, cols: 2 }]);
    expect(s._frozenRows).toBe(1);
    const v = s._peek(6, 1)!.validation!;
    expect(v._criteria).toBe('CUSTOM_FORMULA');
    expect(v._args).toEqual(['=AND(ISNUMBER(A5),A5=INT(A5),A5>=1,A5<=5)']);
    expect(v._allowInvalid).toBe(false);
    expect(v._helpText).toBe('Type a whole number from 1 to 5.');
    expect(s._cfRules).toHaveLength(1);
    expect(s._cfRules[0]!._condition).toEqual({ kind: 'NUMBER_BETWEEN', args: [1, 2] });
    expect(s._cfRules[0]!._format).toEqual({ background: '#FF0000', bold: true });
    expect(s._charts).toHaveLength(1);
    expect(s._charts[0]!._type).toBe('BAR');
    expect(s._charts[0]!._options).toMatchObject({
      title: 'Section means',
      'hAxis.viewWindow.min': 1,
      'hAxis.viewWindow.max': 3,
      width: 480,
    });
    expect(s._charts[0]!._position).toEqual({ row: 1, col: 4 });
    expect([...s._hiddenCols]).toEqual([7, 8]);
    expect(s._tabColor).toBe('#2F5597');
    expect(fake.spreadsheet._sheet('PR_Meta')._hidden).toBe(true);
    expect(fake.spreadsheet._named.get('PR_Summary')!.getA1Notation()).toBe('A1:B2');
    expect(fake.spreadsheet._active?._name).toBe('Summary');
  });

  it('replace clears the old tab: contents, validation, rules, charts and protections', async () => {
    const fake = new FakeAppsScript();
    const host = hostFor(fake);
    const first = tab({
      name: 'Summary',
      blocks: [{ row: 1, col: 1, owner: 'generated', cells: [[{ v: 'old' }], [{ v: 'old too' }], [{ v: 'older' }]] }],
      validations: [{ range: { row: 1, col: 1, rows: 3, cols: 1 }, rule: { kind: 'date' } }],
      charts: [
        {
          id: 'c',
          kind: 'column',
          title: 'Old chart',
          data: { row: 1, col: 1, rows: 3, cols: 1 },
          anchor: { row: 1, col: 3 },
          width: 300,
          height: 200,
        },
      ],
      protection: { protect: true, editable: [], description: 'old protection' },
      conditionalFormats: [
        { range: { row: 1, col: 1, rows: 3, cols: 1 }, rules: [{ kind: 'textEquals', text: 'Red', format: { fill: '#FF0000' } }] },
      ],
    });
    await host.apply(plan([first]));
    await host.apply(
      plan([tab({ name: 'Summary', mode: 'replace', blocks: [{ row: 1, col: 1, owner: 'generated', cells: [[{ v: 'new' }]] }] })]),
    );
    const s = fake.spreadsheet._sheet('Summary');
    expect(s._text(1, 1)).toBe('new');
    expect(s._text(2, 1)).toBe('');
    expect(s._peek(2, 1)?.validation ?? null).toBeNull();
    expect(s._charts).toHaveLength(0);
    expect(s._cfRules).toHaveLength(0);
    expect(s.getProtections('SHEET')).toHaveLength(0);
    expect(s._maxRows).toBe(1 + 100);
  });

  it('update writes only the blocks given and keeps rules over other ranges', async () => {
    const fake = new FakeAppsScript();
    const host = hostFor(fake);
    await host.apply(
      plan([
        tab({
          name: 'Improvement Plan',
          role: 'plan',
          blocks: [
            {
              row: 1,
              col: 1,
              owner: 'generated',
              cells: [
                [{ v: 'Action' }, { v: 'Status' }],
                [{ v: 'Agree a shared vision' }, { v: 'Not started' }],
              ],
            },
          ],
          conditionalFormats: [
            { range: { row: 2, col: 2, rows: 50, cols: 1 }, rules: [{ kind: 'textEquals', text: 'Done', format: { fill: '#C6EFCE' } }] },
            { range: { row: 2, col: 1, rows: 50, cols: 1 }, rules: [{ kind: 'textEquals', text: 'x', format: { fill: '#EEEEEE' } }] },
          ],
        }),
      ]),
    );
    const s = fake.spreadsheet._sheet('Improvement Plan');
    s.getRange(2, 3).setValues([['typed by a person']]);
    await host.apply(
      plan([
        tab({
          name: 'Improvement Plan',
          role: 'plan',
          mode: 'update',
          blocks: [{ row: 3, col: 1, owner: 'generated', cells: [[{ v: 'Name a lead for each theme' }, { v: 'Not started' }]] }],
          conditionalFormats: [
            { range: { row: 2, col: 2, rows: 50, cols: 1 }, rules: [{ kind: 'textEquals', text: 'Done', format: { fill: '#00FF00' } }] },
          ],
        }),
      ]),
    );
    expect(s._text(2, 1)).toBe('Agree a shared vision');
    expect(s._text(2, 3)).toBe('typed by a person');
    expect(s._text(3, 1)).toBe('Name a lead for each theme');
    expect(s._cfRules.map((r) => [r.getRanges()[0]!.getA1Notation(), r._format.background])).toEqual([
      ['A2:A51', '#EEEEEE'],
      ['B2:B51', '#00FF00'],
    ]);
    expect(s._cfRules[1]!._condition).toEqual({ kind: 'CUSTOM_FORMULA', args: ['=LOWER(B2)="done"'] });
  });

  it('refuses to create a tab that exists, before writing anything', async () => {
    const fake = new FakeAppsScript();
    const host = hostFor(fake);
    await expect(
      host.apply(
        plan([
          tab({ name: 'Instructions', blocks: [{ row: 1, col: 1, owner: 'generated', cells: [[{ v: 'x' }]] }] }),
          tab({ name: 'Sheet1' }),
        ]),
      ),
    ).rejects.toMatchObject({ name: 'ReviewRequestError', message: expect.stringContaining('A tab called "Sheet1" already exists') });
    expect(fake.spreadsheet.getSheets().map((s: FakeSheet) => s.getName())).toEqual(['Sheet1']);
  });

  it('checks preconditions before writing and names the cell that changed', async () => {
    const fake = new FakeAppsScript();
    const host = hostFor(fake);
    fake.spreadsheet
      ._sheet('Sheet1')
      .getRange(1, 1, 1, 2)
      .setValues([['PR_Meta', 'rev-1']]);
    const summary = tab({ name: 'Summary', blocks: [{ row: 1, col: 1, owner: 'generated', cells: [[{ v: 'Built' }]] }] });
    await host.apply(
      plan([summary], {
        preconditions: [
          { sheet: 'Sheet1', row: 1, col: 2, equals: 'rev-1' },
          { sheet: 'Sheet1', row: 9, col: 9, equals: null },
        ],
      }),
    );
    expect(fake.spreadsheet._sheet('Summary')._text(1, 1)).toBe('Built');
    await expect(
      host.apply(plan([tab({ name: 'Other' })], { preconditions: [{ sheet: 'Sheet1', row: 1, col: 2, equals: 'rev-0' }] })),
    ).rejects.toMatchObject({
      name: 'LayoutChangedError',
      message: 'Sheet1!B1 changed while the add-in was working: it held "rev-0" and now holds "rev-1".',
    });
    await expect(
      host.apply(plan([tab({ name: 'Other' })], { preconditions: [{ sheet: 'Gone', row: 1, col: 1, equals: 'x' }] })),
    ).rejects.toMatchObject({
      name: 'LayoutChangedError',
      message: expect.stringContaining('"Gone" was renamed or deleted'),
    });
    expect(fake.spreadsheet.getSheetByName('Other')).toBeNull();
  });
});

describe('SheetsHost.read', () => {
  it('reads every tab name once and each asked-for tab in one getValues, dates as ISO', async () => {
    const fake = new FakeAppsScript();
    const s = fake.spreadsheet._sheet('Sheet1');
    s.getRange(1, 1, 2, 3).setValues([
      ['Name', 'Score', 'Date'],
      ['Ann', 3, '2026-03-01'],
    ]);
    fake.spreadsheet.insertSheet('Empty');
    fake.spreadsheet.insertSheet('Hidden').hideSheet();
    const host = hostFor(fake);
    const mark = fake.calls.length;
    const snap = await host.read({ tabs: ['Sheet1', 'Empty', 'Missing'] });
    expect(snap.tabNames).toEqual(['Sheet1', 'Empty', 'Hidden']);
    expect(Object.keys(snap.tabs)).toEqual(['Sheet1', 'Empty']);
    expect(snap.tabs.Sheet1!.values).toEqual([
      ['Name', 'Score', 'Date'],
      ['Ann', 3, '2026-03-01'],
    ]);
    expect(snap.tabs.Empty!.values).toEqual([]);
    expect(snap.tabs.Empty!.index).toBe(1);
    const counts = fake.countsSince(mark);
    expect(counts['Spreadsheet.getSheets']).toBe(1);
    expect(counts['Range.getValues']).toBe(2);
    const all = await host.read({ tabs: 'all' });
    expect(all.tabs.Hidden!.hidden).toBe(true);
  });
});
