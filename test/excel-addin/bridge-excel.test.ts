/**
 * The Excel pane's bridge: it offers the self-test (the adapter reads back), runs it over the Office.js adapter, and
 * names Excel's version and platform as `Office.context.diagnostics` gives them — or says they were not reported.
 */
import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../excel-addin/adapter/excel-host.js';
import { excelAbout, makeExcelBridge } from '../../excel-addin/bridge-excel.js';
import { FakeOffice, FakeWorkbookState } from './fake-office.js';

describe('Excel pane bridge', () => {
  it('runs the self-test over the Office.js adapter, with Excel’s version and platform in the report', async () => {
    const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [['mine']] }), { api: '1.13' });
    const host = new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.13') });
    const office = { context: { diagnostics: { version: '16.0.18025.20104', platform: 'Mac' } } };
    const bridge = makeExcelBridge(
      () => new Date('2026-05-15T09:00:00Z'),
      host,
      () => excelAbout(office),
    );
    const run = bridge.selfTest?.bind(bridge);
    expect(run).toBeTypeOf('function');
    const r = await run!();
    expect(r.env).toEqual({
      host: 'Excel',
      hostVersion: '16.0.18025.20104',
      platform: 'Excel on Mac (Mac)',
      addinVersion: '0.1.0',
      startedAt: '2026-05-15T09:00:00.000Z',
    });
    expect(r.failed).toBe(0);
    expect(r.scratchPrefix).toMatch(/^PRST-[0-9a-z]+ $/);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('says what Office did not report, never guesses', () => {
    expect(excelAbout(undefined)).toEqual({ hostVersion: '(version not reported)', platform: 'not reported by Office' });
    expect(excelAbout({ context: { diagnostics: null } })).toEqual({
      hostVersion: '(version not reported)',
      platform: 'not reported by Office',
    });
    expect(excelAbout({ context: { diagnostics: { version: '16.0.1', platform: 'OfficeOnline' } } })).toEqual({
      hostVersion: '16.0.1',
      platform: 'Excel on the web (OfficeOnline)',
    });
    expect(excelAbout({ context: { diagnostics: { version: '16.0.1', platform: 'Teams' } } })).toEqual({
      hostVersion: '16.0.1',
      platform: 'Teams',
    });
    const throwing = {
      get context(): never {
        throw new Error('no context');
      },
    };
    expect(excelAbout(throwing)).toEqual({ hostVersion: '(version not reported)', platform: 'not reported by Office' });
  });
});
