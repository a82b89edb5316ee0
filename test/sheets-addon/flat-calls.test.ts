/// <reference types="google-apps-script" />
/**
 * The Sheets adapter's calls do not follow the data: a list merged across in one call, row heights of wrapped text
 * in unmerged cells left to Sheets in one call (merged text rows get core's estimate: Sheets does not fit them), one
 * sizing call per tab written, one formatDate per distinct date read.
 */
import { describe, expect, it } from 'vitest';
import { SheetsHost } from '../../sheets-addon/server/sheets-host.js';
import type { TabPlan } from '../../core/sheet-plan/types.js';
import { FakeAppsScript } from './fake-apps-script.js';

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

function hostFor(fake: FakeAppsScript): SheetsHost {
  return new SheetsHost({
    spreadsheet: fake.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    app: fake.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    isoDate: (d, tz) => fake.Utilities.formatDate(d, tz, 'yyyy-MM-dd'),
    currentUser: () => fake.Session.getEffectiveUser() as unknown as GoogleAppsScript.Base.User,
  });
}

/** A Summary-like list of `n` texts from row 5: one block, one merge across, a fitted height for every other row. */
function listTab(n: number): TabPlan {
  return tab({
    name: 'Summary',
    mode: 'replace',
    blocks: [
      {
        row: 5,
        col: 1,
        owner: 'generated',
        cells: Array.from({ length: n }, (_, i) => [{ v: i === 0 ? 'ASPIRE' : null }, { v: `• comment ${i + 1}` }]),
      },
    ],
    merges: [{ row: 5, col: 2, rows: n, cols: 6, across: true }],
    rowHeights: [
      { row: 1, height: 30 },
      ...Array.from({ length: Math.floor(n / 2) }, (_, i) => ({ row: 5 + 2 * i, height: 45, fit: true })),
    ],
  });
}

describe('SheetsHost: calls independent of the data', () => {
  it('merges a list across in one mergeAcross call; sets the height of merged text rows (Sheets does not fit them) in runs', () => {
    const counts = [10, 1000].map((n) => {
      const fake = new FakeAppsScript();
      const mark = fake.calls.length;
      hostFor(fake).applyNow({ tabs: [listTab(n)], namedRanges: [] });
      const s = fake.spreadsheet._sheet('Summary');
      expect(s._merges).toHaveLength(n);
      expect(s._merges[n - 1]).toEqual({ row: 5 + n - 1, col: 2, rows: 1, cols: 6 });
      // 30 pt → 40 px and 45 pt → 60 px (4/3 px a point), worked by hand
      expect(s._rowHeights.get(1)).toBe(40);
      expect(s._rowHeights.get(5)).toBe(60);
      expect(s._rowHeights.get(5 + 2 * (Math.floor(n / 2) - 1))).toBe(60);
      expect(s._rowHeights.get(6)).toBeUndefined();
      expect(s._fittedRows.size).toBe(0);
      return fake.countsSince(mark);
    });
    expect(counts[0]!['Range.mergeAcross']).toBe(1);
    expect(counts[0]!['Range.merge']).toBeUndefined();
    expect(counts[0]!['Sheet.autoResizeRows']).toBeUndefined();
    // row 1, then every other row of the list: each a run of its own (1 + 5 and 1 + 500)
    expect(counts[0]!['Sheet.setRowHeights']).toBe(6);
    expect(counts[1]!['Sheet.setRowHeights']).toBe(501);
  });

  it('leaves rows of wrapped text in unmerged cells to Sheets in one autoResizeRows', () => {
    const fake = new FakeAppsScript();
    const t = listTab(10);
    t.merges = [];
    hostFor(fake).applyNow({ tabs: [t], namedRanges: [] });
    const s = fake.spreadsheet._sheet('Summary');
    expect(s._rowHeights.get(5)).toBeUndefined();
    expect(s._fittedRows.has(5) && s._fittedRows.has(13)).toBe(true);
    expect(fake.calls.filter((c) => c === 'Sheet.autoResizeRows')).toHaveLength(1);
  });

  it('makes one sizing call for a tab being updated, whether or not its rows outgrow the grid', () => {
    const sizing = (rows: number) => {
      const fake = new FakeAppsScript();
      const host = hostFor(fake);
      host.applyNow({ tabs: [tab({ name: 'Improvement Plan', role: 'plan' })], namedRanges: [] });
      const s = fake.spreadsheet._sheet('Improvement Plan');
      const before = s._maxRows;
      const mark = fake.calls.length;
      host.applyNow({
        tabs: [
          tab({
            name: 'Improvement Plan',
            role: 'plan',
            mode: 'update',
            blocks: [{ row: 5, col: 1, owner: 'generated', cells: Array.from({ length: rows }, (_, i) => [{ v: `row ${i}` }]) }],
          }),
        ],
        namedRanges: [],
      });
      const c = fake.countsSince(mark);
      return {
        calls: (c['Sheet.insertRowsAfter'] ?? 0) + (c['Sheet.deleteRows'] ?? 0),
        total: Object.values(c).reduce((a, b) => a + b, 0),
        grew: s._maxRows - before,
        maxRows: s._maxRows,
      };
    };
    const small = sizing(10);
    const large = sizing(5000);
    expect(small.calls).toBe(1);
    expect(large.calls).toBe(1);
    expect(large.total).toBe(small.total);
    // room enough: one blank row more; short of rows: to the rows written plus the 100 spare rows
    expect(small.grew).toBe(1);
    expect(large.maxRows).toBe(5 + 5000 - 1 + 100);
  });

  it('calls formatDate once per distinct date read, not once per cell', () => {
    const fake = new FakeAppsScript();
    const host = hostFor(fake);
    host.applyNow({ tabs: [tab({ name: 'Dates' })], namedRanges: [] });
    const s = fake.spreadsheet._sheet('Dates');
    const may = new Date(Date.UTC(2026, 4, 1, 12));
    const june = new Date(Date.UTC(2026, 5, 30, 12));
    s.getRange(1, 1, 60, 1).setValues(Array.from({ length: 60 }, (_, i) => [new Date((i % 2 ? june : may).getTime())]));
    const mark = fake.calls.length;
    const snap = host.readNow({ tabs: ['Dates'] });
    expect(snap.tabs['Dates']!.values.slice(0, 3)).toEqual([['2026-05-01'], ['2026-06-30'], ['2026-05-01']]);
    expect(fake.countsSince(mark)['Utilities.formatDate']).toBe(2);
  });
});
