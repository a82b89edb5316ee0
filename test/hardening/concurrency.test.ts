/// <reference types="google-apps-script" />
/**
 * Concurrency (issue 7).
 * - Google Sheets: the server functions hold the document lock. Two overlapping runs — the second starting while
 *   the first is still reading, or writing — never interleave: the second is told to try again and writes nothing;
 *   the first writes exactly what it writes alone. Run against the server's source with the Apps Script fake as
 *   its globals (the built script is tested by test/sheets-addon).
 * - Excel: the adapter re-reads the plan's preconditions (PR_Meta's revision stamp, the Responses key row) in the
 *   same batch as it writes: when someone changed them after the add-in read the workbook, it throws
 *   LayoutChangedError with a message, and nothing is written. A person typing elsewhere meanwhile is not an
 *   error, and what they typed is kept.
 * - Every other host honours the same preconditions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planCreate } from '../../core/operations/create.js';
import { runSummarise } from '../../core/operations/run.js';
import { planSummary } from '../../core/operations/summarise.js';
import { LayoutChangedError } from '../../core/operations/types.js';
import type { OperationOutcome } from '../../ui/bridge.js';
import { FakeAppsScript, type FakeSheet } from '../sheets-addon/fake-apps-script.js';
import { memoryRig, officeRig, sheetsRig, xlsxRig, type Rig } from './support/rigs.js';
import { valueAt } from './support/scenario.js';

const TODAY = '2026-03-01';

// ───────────────────────────── Google Sheets: the document lock ─────────────────────────────

type Server = typeof import('../../sheets-addon/server/index.js');

const GLOBALS = ['SpreadsheetApp', 'LockService', 'Utilities', 'HtmlService'] as const;

/** The server's functions with `fake` as the Apps Script services they find as globals. */
async function serverOn(fake: FakeAppsScript): Promise<Server> {
  Object.assign(globalThis, fake.globals());
  return import('../../sheets-addon/server/index.js');
}

function grid(sheet: FakeSheet): string[][] {
  const used = sheet._used();
  return Array.from({ length: used.rows }, (_, r) => Array.from({ length: used.cols }, (_, c) => sheet._text(r + 1, c + 1)));
}

/** Scores typed on Responses for `n` respondents: ASPIRE 1 and 3 alternately (divided), THINK 2, LEAD 1. */
function typeScores(fake: FakeAppsScript, n: number): void {
  const s = fake.spreadsheet._sheet('Responses');
  for (let i = 0; i < n; i++) {
    s._cell(6 + i, 4).value = i % 2 ? 3 : 1;
    s._cell(6 + i, 5).value = `Comment ${i + 1}`;
    s._cell(6 + i, 6).value = 2;
    s._cell(6 + i, 8).value = 1;
  }
}

function writesIn(calls: readonly string[]): string[] {
  return calls.filter(
    (c) =>
      /^(Range|RangeList|Sheet|Spreadsheet)\.(set|insert|clear|delete|merge|protect|hide|show|remove|new)/.test(c) &&
      c !== 'Spreadsheet.setActiveSheet',
  );
}

describe('Google Sheets: two overlapping runs under the document lock', () => {
  beforeEach(() => {
    for (const g of GLOBALS) delete (globalThis as Record<string, unknown>)[g];
  });
  afterEach(() => {
    for (const g of GLOBALS) delete (globalThis as Record<string, unknown>)[g];
  });

  async function prepared(): Promise<{ fake: FakeAppsScript; server: Server }> {
    const fake = new FakeAppsScript();
    const server = await serverOn(fake);
    const created = server.prCreate({
      frameworkId: 'partnership-tree',
      partnerships: ['Kensington and Chelsea'],
      respondents: [],
      respondentCount: 8,
      cycle: '2026/27',
      protect: false,
    });
    expect(created.ok).toBe(true);
    typeScores(fake, 8);
    return { fake, server };
  }

  it.each([
    ['while the first is still reading', 'Range.getValues'],
    ['while the first is writing', 'Range.setValues'],
  ])('refuses a second summary started %s, and the first writes what it writes alone', async (_when, trigger) => {
    const alone = await prepared();
    const reference = alone.server.prSummarise();
    const referenceTabs = Object.fromEntries(
      ['Summary', 'Improvement Plan', 'PR_Meta', 'Responses'].map((t) => [t, grid(alone.fake.spreadsheet._sheet(t))]),
    );

    const { fake, server } = await prepared();
    const outcomes: OperationOutcome[] = [];
    let writesBySecond: string[] = [];
    let fired = false;
    fake.onCall = (name) => {
      if (name !== trigger || fired || !fake._lock.holder) return;
      fired = true;
      const mark = fake.calls.length;
      outcomes.push(server.prSummarise(), server.prPlan());
      writesBySecond = writesIn(fake.calls.slice(mark));
    };
    const first = server.prSummarise();
    fake.onCall = null;

    expect(fired).toBe(true);
    expect(outcomes.map((o) => o.ok)).toEqual([false, false]);
    expect(outcomes[0]!.message).toBe('Someone else is building the summary. Try again in a minute.');
    expect(outcomes[1]!.message).toMatch(/Try again in a minute\.$/);
    expect(outcomes.every((o) => o.tabsWritten.length === 0)).toBe(true);
    expect(writesBySecond).toEqual([]);
    expect(first).toEqual(reference);
    for (const [tab, cells] of Object.entries(referenceTabs)) expect(grid(fake.spreadsheet._sheet(tab)), tab).toEqual(cells);
    expect(fake._lock.holder).toBeNull();
    // afterwards the next click works
    expect(server.prSummarise().ok).toBe(true);
  });

  it('tells the person to try again, and writes nothing, while someone else holds the lock for the whole wait', async () => {
    const { fake, server } = await prepared();
    const before = grid(fake.spreadsheet._sheet('Summary'));
    const other = fake.LockService.getDocumentLock();
    expect(other.tryLock(1)).toBe(true);
    const mark = fake.calls.length;
    const out = server.prSummarise();
    expect(out).toEqual({
      ok: false,
      message: 'Someone else is building the summary. Try again in a minute.',
      problems: [],
      tabsWritten: [],
    });
    expect(writesIn(fake.calls.slice(mark))).toEqual([]);
    expect(fake._lock.attempts.at(-1)).toEqual({ timeoutInMillis: 20_000, acquired: false });
    expect(grid(fake.spreadsheet._sheet('Summary'))).toEqual(before);
    other.releaseLock();
    expect(server.prSummarise().ok).toBe(true);
  });
});

// ───────────────────────────── Excel: re-read before writing ─────────────────────────────

describe('Excel: the adapter re-reads before writing', () => {
  async function created(): Promise<ReturnType<typeof officeRig>> {
    const rig = officeRig();
    await rig.host.apply(
      planCreate(
        {
          framework: 'partnership-tree',
          partnerships: ['Kensington and Chelsea'],
          respondents: ['Ann', 'Bob'],
          cycle: '2026/27',
          today: TODAY,
        },
        ['Sheet1'],
      ),
    );
    rig.type('Responses', 6, 4, 1);
    rig.type('Responses', 7, 4, 3);
    return rig;
  }

  function metaRevisionRow(rig: ReturnType<typeof officeRig>): number {
    const s = rig.fake.state.sheet('PR_Meta');
    for (let r = 1; r <= 40; r++) if (s.value(r, 1) === 'revision') return r;
    throw new Error('no revision row');
  }

  it.each([
    [
      'PR_Meta’s revision stamp',
      (rig: ReturnType<typeof officeRig>) => rig.fake.state.sheet('PR_Meta').set(metaRevisionRow(rig), 2, { value: 99 }),
      /PR_Meta!B\d+/,
    ],
    [
      'a Responses key cell (a column moved)',
      (rig: ReturnType<typeof officeRig>) => rig.fake.state.sheet('Responses').set(5, 4, { value: 'THINK|score' }),
      /Responses!D5/,
    ],
    [
      'the Responses tab (renamed)',
      (rig: ReturnType<typeof officeRig>) => (rig.fake.state.sheet('Responses').name = 'Old answers'),
      /Responses!/,
    ],
  ])('refuses with LayoutChangedError and writes nothing when %s changed between read and write', async (_what, change, where) => {
    const rig = await created();
    const snap = await rig.host.read({ tabs: 'all' });
    const { plan } = planSummary(snap, { today: TODAY });
    expect(plan.preconditions!.length).toBeGreaterThan(1);
    rig.fake.beforeRun = (state) => {
      change(rig);
      void state;
    };
    const summaryBefore = rig.fake.state.sheet('Summary').grid();
    const mark = rig.fake.calls.length;
    const err = (await rig.host.apply(plan).catch((e: unknown) => e)) as Error;
    rig.fake.beforeRun = undefined;
    expect(err).toBeInstanceOf(LayoutChangedError);
    expect(err.message).toMatch(/changed while/);
    expect(err.message).toMatch(/Nothing was written/);
    expect(err.message).toMatch(where);
    // nothing but the reads of the check reached Excel
    expect(rig.fake.calls.slice(mark).filter((c) => c.op !== 'load')).toEqual([]);
    expect(rig.fake.state.sheet('Summary').grid()).toEqual(summaryBefore);
  });

  it('through runSummarise: a change after its read is refused the same way', async () => {
    const rig = await created();
    let runs = 0;
    rig.fake.beforeRun = () => {
      if (++runs === 2) rig.fake.state.sheet('PR_Meta').set(metaRevisionRow(rig), 2, { value: 'edited' });
    };
    await expect(runSummarise(rig.host, { today: TODAY })).rejects.toBeInstanceOf(LayoutChangedError);
    expect(runs).toBe(2);
  });

  it('writes when a person typed elsewhere in between, and keeps what they typed', async () => {
    const rig = await created();
    let runs = 0;
    rig.fake.beforeRun = () => {
      if (++runs === 2) rig.type('Responses', 6, 5, 'typed while the summary was being built');
    };
    const out = await runSummarise(rig.host, { today: TODAY });
    rig.fake.beforeRun = undefined;
    expect(out.tabsWritten).toContain('Summary');
    expect(rig.fake.state.sheet('Responses').value(6, 5)).toBe('typed while the summary was being built');
    expect(rig.fake.state.sheet('Responses').value(6, 4)).toBe(1);
  });
});

// ───────────────────────────── every host honours the preconditions ─────────────────────────────

describe.each([
  ['in-memory workbook', memoryRig],
  ['.xlsx file (package engine)', xlsxRig],
  ['Apps Script (Google Sheets)', sheetsRig],
] as const)('%s', (_name, make) => {
  it('refuses a plan whose preconditions no longer hold, and writes nothing', async () => {
    const rig: Rig = make();
    const existing = (await rig.host.read({ tabs: [] })).tabNames;
    await rig.host.apply(
      planCreate(
        { framework: 'hallmarks', partnerships: ['North', 'South'], respondents: ['Ann'], cycle: '2026/27', today: TODAY },
        existing,
      ),
    );
    rig.type('Responses', 6, 4, 2);
    const snap = await rig.host.read({ tabs: 'all' });
    const { plan } = planSummary(snap, { today: TODAY });
    rig.type('Responses', 5, 4, 'moved');
    await expect(rig.host.apply(plan)).rejects.toBeInstanceOf(LayoutChangedError);
    const after = await rig.host.read({ tabs: 'all' });
    for (const t of ['Summary', 'Improvement Plan', 'PR_Meta']) expect(after.tabs[t]?.values, t).toEqual(snap.tabs[t]?.values);
    expect(valueAt(after, 'Responses', 6, 4)).toBe(2);
  });
});
