/**
 * Issue 15, "writes that fail part-way": on the strict Office.js fake, a write that fails at any sync — and at any call
 * within that sync — leaves the workbook exactly as it was (a rebuilt tab's old version untouched, added tabs and
 * names gone, updated cells, names and protection put back), and the message says so. Where only formatting on an
 * updated tab could not be taken back, the message names the tab.
 */
import { describe, expect, it } from 'vitest';
import type { SheetPlan, TabPlan } from '../../core/sheet-plan/types.js';
import { newTab } from '../../core/sheet-plan/tab.js';
import { ExcelHost } from '../../excel-addin/adapter/excel-host.js';
import { errorOutcome } from '../../ui/errors.js';
import { FakeOffice, FakeWorkbookState } from './fake-office.js';

function tab(name: string, extra: Partial<TabPlan>): TabPlan {
  return { ...newTab(name, 'plan', 'create'), ...extra };
}

/** The workbook before the write, made by hand. */
function workbook(): FakeWorkbookState {
  const st = FakeWorkbookState.with({
    Instructions: [['Read me']],
    Responses: [['Name', 'Organisation', '', 'Q1']],
    Summary: [['Old summary']],
    PR_Meta: [['layout', 1]],
  });
  const r = st.sheet('Responses');
  r.set(6, 4, { value: 3 });
  r.set(7, 4, { value: '00123' }); // text that looks like a number
  r.set(8, 4, { value: null, formula: '=SUM(D6:D7)' });
  r.set(9, 4, { value: '=not a formula' }); // text a person typed with an apostrophe
  r.protected = true;
  r.protectionOptions = { allowFormatCells: false, allowInsertRows: false }; // a person's own choice
  const s = st.sheet('Summary');
  s.charts.push({ type: 'BarClustered', source: 'A1:B2', props: { name: 'old-chart' } });
  s.protected = true;
  st.sheet('PR_Meta').visibility = 'Hidden';
  st.names.set('PR_Q1', 'Responses!D6:D9');
  return st;
}

const rows = (n: number, text: string): { v: string }[][] => Array.from({ length: n }, (_, i) => [{ v: `${text} ${i + 1}` }]);

/** A write like an import plus a summarise: cells of Responses updated, Summary and PR_Meta rebuilt, a tab and a name added. */
function plan(withFormatting = false): SheetPlan {
  return {
    tabs: [
      tab('Responses', {
        role: 'entry',
        mode: 'update',
        blocks: [
          { row: 6, col: 4, owner: 'input', cells: [[{ v: 4 }], [{ v: 'new' }], [{ v: 5 }], [{ v: 6 }]] },
          { row: 20, col: 1, owner: 'input', cells: rows(40, 'imported') },
        ],
        formats: withFormatting ? [{ range: { row: 20, col: 1, rows: 40, cols: 1 }, format: { bold: true } }] : [],
      }),
      tab('Summary', {
        role: 'summary',
        mode: 'replace',
        blocks: [{ row: 1, col: 1, owner: 'generated', cells: rows(60, 'new summary') }],
      }),
      tab('PR_Meta', {
        role: 'meta',
        mode: 'replace',
        hidden: true,
        blocks: [{ row: 1, col: 1, owner: 'generated', cells: [[{ v: 'layout' }, { v: 2 }]] }],
      }),
      tab('Extra', { blocks: [{ row: 1, col: 1, owner: 'generated', cells: rows(30, 'extra') }] }),
    ],
    namedRanges: [
      { name: 'PR_Q1', sheet: 'Responses', range: { row: 6, col: 4, rows: 10, cols: 1 } },
      { name: 'PR_Extra', sheet: 'Extra', range: { row: 1, col: 1, rows: 30, cols: 1 } },
    ],
  };
}

/** Everything the fake workbook holds, as text, to compare before and after. */
function dump(st: FakeWorkbookState): string {
  const plain = (v: unknown): unknown =>
    v instanceof Map
      ? [...v].map(([k, x]) => [k, plain(x)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))
      : v instanceof Set
        ? [...v].sort()
        : v;
  return JSON.stringify({
    sheets: st.sheets.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, plain(v)]))),
    names: plain(st.names),
    active: st.active,
  });
}

/** What the adapter adds to Excel's own words for a busy Excel (excel-errors.ts). */
const BUSY = 'Nothing a person typed is lost: try again, and if it keeps failing, save the workbook, reopen it and retry.';

function host(fake: FakeOffice): ExcelHost {
  // a small sync budget, so the write takes several syncs and each can be made to fail
  return new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.9'), maxSyncBytes: 3_000 });
}

describe('a write that fails part-way on the strict Office.js fake', () => {
  it('when nothing fails: cells updated, Summary and PR_Meta rebuilt in their places, the tab and names added', async () => {
    const fake = new FakeOffice(workbook());
    await host(fake).apply(plan());
    const st = fake.state;
    expect(st.sheets.map((s) => `${s.name}:${s.visibility}`)).toEqual([
      'Instructions:Visible',
      'Responses:Visible',
      'Summary:Visible',
      'PR_Meta:Hidden',
      'Extra:Visible',
    ]);
    expect(st.sheet('Responses').value(7, 4)).toBe('new');
    expect(st.sheet('Responses').protected).toBe(true);
    expect(st.sheet('Summary').value(1, 1)).toBe('new summary 1');
    expect(st.sheet('Summary').charts).toEqual([]);
    expect(st.sheet('Summary').protected).toBe(true);
    expect(st.sheet('PR_Meta').value(1, 2)).toBe(2);
    expect([...st.names].sort()).toEqual([
      ['PR_Extra', 'Extra!$A$1:$A$30'],
      ['PR_Q1', 'Responses!$D$6:$D$15'],
    ]);
    expect(fake.syncs).toBe(5); // the tab list, what is there (with the cells about to be written), three writes of under 3,000 bytes
  });

  it('at every sync of the write and every point within it, leaves the workbook exactly as it was and says so', async () => {
    const clean = new FakeOffice(workbook());
    await host(clean).apply(plan());
    const total = clean.syncs; // 2 to look, then the write's syncs
    const before = dump(workbook());
    const after = dump(clean.state);
    let undone = 0;
    let finished = 0;
    for (let sync = 3; sync <= total; sync++) {
      for (const afterCalls of [0, 1, 2, 5, 10_000]) {
        const fake = new FakeOffice(workbook());
        fake.failAtSync = { sync, afterCalls };
        const err = await host(fake)
          .apply(plan())
          .then(() => undefined)
          .catch((e: unknown) => e);
        const where = `sync ${sync}, after ${afterCalls} calls`;
        if (err === undefined) {
          // Excel reported a failure after the last call of the write had run: the write is whole, and stands
          expect([sync, afterCalls], where).toEqual([total, 10_000]);
          expect(dump(fake.state), where).toBe(after);
          finished++;
          continue;
        }
        expect(dump(fake.state), where).toBe(before);
        expect(errorOutcome(err).message, where).toBe(
          `Something went wrong while writing: Excel could not finish writing the workbook (part ${sync - 2} of 3): Excel is busy. ${BUSY} ` +
            'Nothing was changed: the add-in put back what it had started to write.',
        );
        undone++;
      }
    }
    expect([undone, finished]).toEqual([(total - 2) * 5 - 1, 1]);
    // the swap cut short between deleting the old Summary and the old PR_Meta: finished, not undone
    const cut = new FakeOffice(workbook());
    const lastStart = clean.calls.map((c) => c.op).lastIndexOf('suspendApiCalculationUntilNextSync');
    const inLast = clean.calls.length - lastStart;
    expect(clean.calls.slice(-2).map((c) => `${c.target} ${c.op}`)).toEqual([
      'worksheets.getItem("Summary (old)") delete',
      'worksheets.getItem("PR_Meta (old)") delete',
    ]);
    cut.failAtSync = { sync: total, afterCalls: inLast - 1 }; // the old Summary deleted, not the old PR_Meta
    await host(cut).apply(plan());
    expect(dump(cut.state)).toBe(after);
    // by hand: what the cells, names and protection hold again
    const fake = new FakeOffice(workbook());
    fake.failAtSync = { sync: total, afterCalls: 5 };
    await host(fake)
      .apply(plan())
      .catch(() => undefined);
    const r = fake.state.sheet('Responses');
    expect([r.value(6, 4), r.value(7, 4), r.formula(8, 4), r.value(9, 4), r.value(20, 1)]).toEqual([
      3,
      '00123',
      '=SUM(D6:D7)',
      '=not a formula',
      null,
    ]);
    expect(r.protected).toBe(true);
    expect([...fake.state.names]).toEqual([['PR_Q1', 'Responses!D6:D9']]);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Instructions', 'Responses', 'Summary', 'PR_Meta']);
    expect(fake.state.sheet('Summary').charts).toEqual([{ type: 'BarClustered', source: 'A1:B2', props: { name: 'old-chart' } }]);
  });

  it('reads a large overwritten range in parts of at most 40,000 cells, and writes all of it back', async () => {
    const state = FakeWorkbookState.with({ Data: [] });
    const d = state.sheet('Data');
    for (let r = 1; r <= 1000; r++) for (let c = 1; c <= 50; c++) d.set(r, c, { value: r * 100 + c });
    const big: SheetPlan = {
      tabs: [
        tab('Data', {
          role: 'entry',
          mode: 'update',
          blocks: [
            { row: 1, col: 1, owner: 'input', cells: Array.from({ length: 1000 }, () => Array.from({ length: 50 }, () => ({ v: 'new' }))) },
          ],
        }),
      ],
      namedRanges: [],
    };
    const ok = new FakeOffice(FakeWorkbookState.with({ Data: [] }));
    await new ExcelHost(ok.run, { isSetSupported: FakeOffice.requirements('1.9') }).apply(big);
    // by hand: the tab list; the tab's facts with rows 1–800 (40,000 cells); rows 801–1,000; one write (~400 KB)
    expect(ok.syncs).toBe(4);
    const fake = new FakeOffice(state);
    fake.failAtSync = { sync: 4, afterCalls: 10_000 };
    const err = await new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.9') }).apply(big).catch((e: unknown) => e);
    expect(errorOutcome(err).message).toMatch(/Nothing was changed: the add-in put back what it had started to write\.$/);
    expect([d.value(1, 1), d.value(800, 50), d.value(801, 1), d.value(1000, 50)]).toEqual([101, 80050, 80101, 100050]);
    expect(d.cells.size).toBe(50_000);
  });

  it('names the updated tab whose formatting may be part-applied, the cells being as they were', async () => {
    const clean = new FakeOffice(workbook());
    await host(clean).apply(plan(true));
    const fake = new FakeOffice(workbook());
    fake.failAtSync = { sync: clean.syncs, afterCalls: 0 };
    const err = await host(fake)
      .apply(plan(true))
      .catch((e: unknown) => e);
    const r = fake.state.sheet('Responses');
    expect([r.value(6, 4), r.value(7, 4), r.formula(8, 4), r.value(20, 1)]).toEqual([3, '00123', '=SUM(D6:D7)', null]);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Instructions', 'Responses', 'Summary', 'PR_Meta']);
    expect(errorOutcome(err).message).toBe(
      `Something went wrong while writing: Excel could not finish writing the workbook (part 3 of 3): Excel is busy. ${BUSY} ` +
        'The add-in put back every cell it had started to write, but on the tab "Responses" the formatting, drop-down lists, highlighting or protection may be part-applied (the same the add-in sets each time): the rest of the workbook is as it was.',
    );
  });

  it('when putting back fails too, says which tabs it added and which held work before', async () => {
    const fake = new FakeOffice(workbook());
    let n = 0;
    const run: typeof fake.run = (batch) =>
      fake.run(async (ctx) => {
        const sync = ctx.sync.bind(ctx);
        (ctx as unknown as { sync: () => Promise<void> }).sync = async () => {
          n++;
          if (n >= 4) throw Object.assign(new Error('Excel is busy'), { code: 'GeneralException' });
          await sync();
        };
        return batch(ctx);
      });
    const err = await new ExcelHost(run, { isSetSupported: FakeOffice.requirements('1.9'), maxSyncBytes: 3_000 })
      .apply(plan())
      .catch((e: unknown) => e);
    expect(errorOutcome(err).message).toBe(
      `Something went wrong while writing: Excel could not finish writing the workbook (part 2 of 3): Excel is busy. ${BUSY} ` +
        'The add-in could not put everything back. ' +
        'It had added the tab "Extra", which may be part-written: delete it and try again. ' +
        'The tabs "Summary", "PR_Meta" and "Responses" may hold part of the new content: check them against your last saved copy before trying again.',
    );
  });
});
