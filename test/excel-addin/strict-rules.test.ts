/**
 * What real Excel refuses, taught to the Office.js fake, and the adapter's fixes (issue 15, Excel 3–7, and writes
 * that fail part-way): each test fails on the adapter before this change.
 */
import { describe, expect, it } from 'vitest';
import type { TabPlan } from '../../core/sheet-plan/types.js';
import { newTab } from '../../core/sheet-plan/tab.js';
import { ExcelHost, padToA1 } from '../../excel-addin/adapter/excel-host.js';
import { errorOutcome } from '../../ui/errors.js';
import { FakeOffice, FakeWorkbookState } from './fake-office.js';
import { createPlan } from './sample-plans.js';

function hostOn(state: FakeWorkbookState, opts: { readCellsPerSync?: number } = {}): { fake: FakeOffice; host: ExcelHost } {
  const fake = new FakeOffice(state);
  return { fake, host: new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.9'), ...opts }) };
}

function tab(name: string, extra: Partial<TabPlan> = {}): TabPlan {
  return { ...newTab(name, 'plan', 'create'), ...extra };
}

describe('the strict Office.js fake', () => {
  it('makes only the loaded properties readable', async () => {
    const { fake } = hostOn(FakeWorkbookState.with({ One: [['a']] }));
    await fake.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      expect(sheets.items[0]!.name).toBe('One');
      expect(() => sheets.items[0]!.position).toThrow(/not loaded/);
      const used = sheets.items[0]!.getUsedRangeOrNullObject(true);
      used.load('rowCount');
      await ctx.sync();
      expect(used.rowCount).toBe(1);
      expect(() => used.values).toThrow(/not loaded|before load/);
    });
  });

  it('refuses calls through a worksheet that does not exist (the null object)', async () => {
    const { fake } = hostOn(FakeWorkbookState.with({ One: [] }));
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject('Missing');
      ws.load('name');
      ws.protection.load('protected');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
  });

  it('refuses a response over 5 MB, as Excel on the web does', async () => {
    const state = FakeWorkbookState.with({ Big: [] });
    for (let r = 1; r <= 700; r++) for (let c = 1; c <= 100; c++) state.sheet('Big').set(r, c, { value: 'x'.repeat(80) });
    const { fake } = hostOn(state);
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Big').getRange('A1:CV700');
      range.load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    });
  });

  it('checks format, chart and page-layout properties against @types/office-js, and tab names', async () => {
    const { fake } = hostOn(FakeWorkbookState.with({ One: [] }));
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('One');
      const fmt = ws.getRange('A1').format as unknown as Record<string, unknown>;
      expect(() => (fmt['colour'] = '#FFFFFF')).toThrow(/no property "colour"/);
      expect(() => (ws.getRange('A1').format.horizontalAlignment = 'Middle' as Excel.HorizontalAlignment)).toThrow(/HorizontalAlignment/);
      expect(() => (ws.getRange('A1').format.font.bold = 'yes' as unknown as boolean)).toThrow(/true or false/);
      expect(() => (ws.pageLayout.zoom = { fitToPages: 1 } as unknown as Excel.PageLayoutZoomOptions)).toThrow(/no property "fitToPages"/);
      ws.getRange('A1').format.font.bold = true;
      ctx.workbook.worksheets.add('Risks/Issues [2026]');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });
});

describe('the adapter on the strict fake', () => {
  it('matches tab names without regard to case: a tab renamed "responses" is still read', async () => {
    const { host } = hostOn(FakeWorkbookState.with({ responses: [['a', 'b']] }));
    const snap = await host.read({ tabs: ['Responses'] });
    expect(snap.tabs['Responses']?.values).toEqual([['a', 'b']]);
  });

  it('refuses to create "Responses" over a tab called "RESPONSES", naming the tab as it is', async () => {
    const { fake, host } = hostOn(FakeWorkbookState.with({ RESPONSES: [['mine']] }));
    await expect(host.apply(createPlan(2))).rejects.toThrow('This workbook already has a tab called "RESPONSES"');
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['RESPONSES']);
  });

  it('reads a large review in parts, each response under 4 MB (1,000 rows × 140 cells of ~80 characters ≈ 12 MB)', async () => {
    const state = FakeWorkbookState.with({ Responses: [] });
    const s = state.sheet('Responses');
    for (let r = 1; r <= 1000; r++) for (let c = 1; c <= 140; c++) s.set(r, c, { value: `comment ${r}:${c} `.padEnd(80, '.') });
    const { fake, host } = hostOn(state);
    const snap = await host.read({ tabs: ['Responses'] });
    expect(snap.tabs['Responses']!.values).toHaveLength(1000);
    expect(snap.tabs['Responses']!.values[999]![139]).toBe('comment 1000:140 '.padEnd(80, '.'));
    expect(Math.max(...fake.responseSizes)).toBeLessThan(4_000_000);
    // the first part (100,000 cells ≈ 8.5 MB) is refused once, then a third of it is asked for; from then on each part
    // is sized from what a cell took
    expect(fake.refusedResponses).toBe(1);
    expect(fake.responseSizes.slice(2).reduce((a, b) => a + b, 0)).toBeGreaterThan(10_000_000);
  });

  it('reads again in smaller parts when a response is still too large, and maps the limit error to a plain message', async () => {
    const state = FakeWorkbookState.with({ Responses: [] });
    const s = state.sheet('Responses');
    for (let r = 1; r <= 400; r++) for (let c = 1; c <= 10; c++) s.set(r, c, { value: 'y'.repeat(1000) });
    const { fake, host } = hostOn(state);
    fake.responseLimitBytes = 1_500_000;
    const snap = await host.read({ tabs: ['Responses'] });
    expect(snap.tabs['Responses']!.values).toHaveLength(400);
    expect(Math.max(...fake.responseSizes)).toBeLessThanOrEqual(1_500_000);
    // a single row too large for any response: the plain message
    fake.responseLimitBytes = 5_000;
    const err = await host.read({ tabs: ['Responses'] }).catch((e: unknown) => e);
    expect(errorOutcome(err).message).toContain('The review holds more text than Excel on the web can hand over in one go');
  });

  it('pads a used range without one function argument per row (Safari caps arguments at 65,536)', () => {
    const rows = Array.from({ length: 70_000 }, (_, i) => (i === 69_999 ? ['a', 'b', 'c'] : ['a']));
    // Node's V8 takes far more arguments than JavaScriptCore: hold Math.max to Safari's cap while padding
    const realMax = Math.max;
    Math.max = (...args: number[]): number => {
      if (args.length > 65_536) throw new RangeError('Maximum call stack size exceeded (JavaScriptCore: more than 65,536 arguments)');
      return realMax(...args);
    };
    let out: ReturnType<typeof padToA1>;
    try {
      out = padToA1(rows, 1, 1);
    } finally {
      Math.max = realMax;
    }
    expect(out).toHaveLength(70_001);
    expect(out[70_000]).toEqual([null, 'a', 'b', 'c']);
  });

  it('deletes the tabs it added when a write fails part-way, and says nothing was changed', async () => {
    const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [['mine']] }));
    const plan = {
      tabs: [tab('One', { blocks: [{ row: 1, col: 1, owner: 'generated' as const, cells: [[{ v: 'first' }]] }] }), tab('Two')],
      namedRanges: [],
    };
    let syncs = 0;
    // Excel runs the write sync (both tabs added, "One" written), then reports a failure
    const failingRun: typeof fake.run = (batch) =>
      fake.run(async (ctx) => {
        const sync = ctx.sync.bind(ctx);
        (ctx as unknown as { sync: () => Promise<void> }).sync = async () => {
          await sync();
          if (++syncs === 2) throw Object.assign(new Error('Excel is busy'), { code: 'GeneralException' });
        };
        return batch(ctx);
      });
    const host = new ExcelHost(failingRun, { isSetSupported: FakeOffice.requirements('1.9') });
    const err = await host.apply(plan).catch((e: unknown) => e);
    expect(fake.state.sheets.map((x) => x.name)).toEqual(['Sheet1']);
    expect(fake.state.sheet('Sheet1').value(1, 1)).toBe('mine');
    expect(errorOutcome(err).message).toMatch(
      /^Something went wrong while writing: Excel could not finish writing the workbook: Excel is busy\..* Nothing was changed: the add-in put back what it had started to write\.$/,
    );
  });

  it('writes back the cells of a tab that existed when a write to it fails, and says nothing was changed', async () => {
    const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [], Notes: [['old']] }));
    const plan = {
      tabs: [tab('Notes', { mode: 'update', blocks: [{ row: 1, col: 1, owner: 'generated' as const, cells: [[{ v: 'new' }]] }] })],
      namedRanges: [],
    };
    fake.failNextSync = undefined;
    let syncs = 0;
    const failingRun: typeof fake.run = (batch) =>
      fake.run(async (ctx) => {
        const sync = ctx.sync.bind(ctx);
        (ctx as unknown as { sync: () => Promise<void> }).sync = async () => {
          await sync();
          if (++syncs === 3) throw Object.assign(new Error('Excel is busy'), { code: 'GeneralException' });
        };
        return batch(ctx);
      });
    const err = await new ExcelHost(failingRun, { isSetSupported: FakeOffice.requirements('1.9') }).apply(plan).catch((e: unknown) => e);
    expect(fake.state.sheet('Notes').value(1, 1)).toBe('old');
    expect(errorOutcome(err).message).toMatch(/Nothing was changed: the add-in put back what it had started to write\.$/);
  });
});
