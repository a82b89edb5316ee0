/// <reference types="google-apps-script" />
/**
 * The benchmark harness counts what it claims to count, on tiny sizes. No timing is asserted: only counts,
 * positions and the pass/fail logic, each worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { getFramework } from '../../core/framework/catalogue.js';
import type { SheetPlan } from '../../core/sheet-plan/types.js';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { entryScripts, staticImports } from '../../bench/bundle.js';
import { parseChildOutput } from '../../bench/children.js';
import { measureFileHost } from '../../bench/file-host.js';
import { CountingHost, snapshotBytes } from '../../bench/counting-host.js';
import { fillPlan, formsTable, planCellCount, respondentRecords } from '../../bench/data.js';
import { allowedSyncs, measureExcel } from '../../bench/excel.js';
import { naiveExcelWrite, naiveSheetsWrite } from '../../bench/naive.js';
import type { Scenario } from '../../bench/scenarios.js';
import { measureSheets, splitCounts } from '../../bench/sheets.js';
import { callDiff, coreRatios, evaluateTargets, type FrameworkMeasure } from '../../bench/targets.js';
import { median } from '../../bench/timing.js';
import { FakeOffice, FakeWorkbookState } from '../excel-addin/fake-office.js';
import { FakeAppsScript } from '../sheets-addon/fake-apps-script.js';

const TREE: Scenario = {
  frameworkId: 'partnership-tree',
  unit: 'respondents',
  sizes: [2, 3],
  partnerships: ['Kensington and Chelsea Partnership'],
};
const TRACKER: Scenario = {
  frameworkId: 'delivery-tracker',
  unit: 'rows',
  sizes: [3, 30],
  partnerships: ['Kensington and Chelsea Partnership'],
};

/** One new tab, a 2 × 3 block: two text cells, a number, a blank, a boolean and a formula. */
const TINY: SheetPlan = {
  tabs: [
    {
      name: 'Tiny',
      role: 'summary',
      mode: 'replace',
      blocks: [
        {
          row: 2,
          col: 2,
          owner: 'generated',
          cells: [
            [{ v: 'Item' }, { v: 'Mean' }, { v: 2.5 }],
            [{ v: null }, { v: true }, { f: '=AVERAGE(D2:D2)', v: 2.5 }],
          ],
        },
      ],
      formats: [],
      columnWidths: [],
      merges: [],
      validations: [],
      conditionalFormats: [],
      charts: [],
    },
  ],
  namedRanges: [],
};

describe('scenario data', () => {
  it('fills the Responses rows of a new review as one block, placed by the key row', () => {
    const fw = getFramework('partnership-tree');
    const plan = fillPlan(fw, 3, TREE.partnerships);
    expect(plan.tabs.map((t) => t.name)).toEqual(['Responses']);
    const [block] = plan.tabs[0]!.blocks;
    // row 6 is the first data row; 3 + 6 items × (score, comment) = 15 columns
    expect(block!.row).toBe(6);
    expect(block!.col).toBe(1);
    expect(block!.owner).toBe('input');
    expect(block!.cells).toHaveLength(3);
    expect(block!.cells.every((r) => r.length === 15)).toBe(true);
    expect(block!.cells.map((r) => r[0])).toEqual([{ v: 'Respondent 1' }, { v: 'Respondent 2' }, { v: 'Respondent 3' }]);
    expect(planCellCount(plan)).toBe(45);
  });

  it('fills a tracker register and its Theme Review, one row per group there', () => {
    const fw = getFramework('delivery-tracker');
    const plan = fillPlan(fw, 4, []);
    expect(plan.tabs.map((t) => [t.name, t.blocks[0]!.row, t.blocks[0]!.cells.length])).toEqual([
      ['Progress Tracker', 5, 4],
      ['Theme Review', 5, 7],
    ]);
    // themes in turn from the framework's list
    expect(plan.tabs[0]!.blocks[0]!.cells.map((r) => r[0])).toEqual([
      { v: 'Crime' },
      { v: 'Education' },
      { v: 'Employment' },
      { v: 'Health' },
    ]);
  });

  it('gives the same answers as a Forms export: one header row and one row per respondent', () => {
    const fw = getFramework('hallmarks');
    const table = formsTable(fw, 2, ['A', 'B']);
    expect(table).toHaveLength(3);
    expect(table[0]!.slice(0, 5)).toEqual(['Respondent', 'Partnership', 'Organisation', '1.1', '1.1 comment']);
    expect(table[2]!.slice(0, 2)).toEqual(['Respondent 2', 'B']);
    const records = respondentRecords(fw, 2, ['A', 'B']);
    expect(table[1]![3]).toBe(records[0]!['1.1|score']);
  });
});

describe('CountingHost', () => {
  it('counts reads, applies and the bytes read back, and starts again after take()', async () => {
    const wb = new MemoryWorkbook(['Sheet1']);
    const host = new CountingHost(wb);
    await host.apply(TINY);
    const snap = await host.read({ tabs: ['Tiny'] });
    const first = host.take();
    expect(first.reads).toBe(1);
    expect(first.applies).toBe(1);
    expect(first.plans).toEqual([TINY]);
    // values from A1: [[null,null,null,null],[null,"Item","Mean",2.5],[null,null,true,2.5]]
    expect(first.readBytes).toEqual([snapshotBytes(snap)]);
    expect(snapshotBytes(snap)).toBe(JSON.stringify(snap.tabs['Tiny']!.values).length);
    expect(first.readTabBytes).toEqual([{ Tiny: snapshotBytes(snap) }]);
    expect(host.take()).toEqual({ reads: 0, applies: 0, readBytes: [], readTabBytes: [], plans: [] });
  });
});

describe('naive per-cell writers', () => {
  it('Excel: one values or formulas set and one sync per cell, through the recording fake', async () => {
    const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }));
    const count = await naiveExcelWrite(fake.run, TINY);
    // 1 sync to look for the tab, 1 to add it, then 6 cells × 1 sync
    expect(count).toEqual({ cells: 6, calls: 8, syncs: 8 });
    expect(fake.syncs).toBe(8);
    expect(fake.callsNamed('values=')).toHaveLength(5);
    expect(fake.callsNamed('formulas=')).toHaveLength(1);
  });

  it('Apps Script: one getRange and one single-cell write per cell, counted by the fake', () => {
    const fake = new FakeAppsScript();
    const ss = fake.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const count = naiveSheetsWrite(ss, TINY, () => fake.calls.length);
    // getSheetByName + insertSheet + getMaxRows + getMaxColumns, then 6 × (getRange + setValues)
    expect(count).toEqual({ cells: 6, calls: 16, syncs: 0 });
    expect(fake.spreadsheet._sheet('Tiny')._text(2, 2)).toBe('Item');
    expect(fake.spreadsheet._sheet('Tiny')._text(3, 4)).toBe('=AVERAGE(D2:D2)');
  });
});

describe('Excel measurement', () => {
  it('allows 6 syncs, plus one per further 4 MB of payload', () => {
    // read 3 (tab list, used-range sizes, values) + write 3 (tab list, existing tabs and preconditions, the write) = 6
    expect(allowedSyncs(0)).toBe(6);
    expect(allowedSyncs(4_000_000)).toBe(6);
    expect(allowedSyncs(4_000_001)).toBe(7);
    expect(allowedSyncs(8_000_001)).toBe(8);
  });

  it('counts syncs per operation at 2 respondents: read 3 + write 3, and check reads only', async () => {
    const r = await measureExcel(getFramework('partnership-tree'), TREE, 2);
    // create (on a blank workbook): read = tab list 1 (no review tab exists, so no sizes or values) + write = tab list 1
    //   (no existing tab or precondition, so nothing more to load) + the write 1 = 3
    // check: read = tab list 1 + used-range sizes 1 + values 1 (well under 100,000 cells) = 3, nothing written
    // summarise, plan: read 3 + write = tab list 1 + existing tabs and preconditions 1 + the write 1 = 6
    expect([r.ops.create.syncs, r.ops.check.syncs, r.ops.summarise.syncs, r.ops.plan.syncs]).toEqual([3, 3, 6, 6]);
    expect([r.ops.create.reads, r.ops.check.reads, r.ops.summarise.reads, r.ops.plan.reads]).toEqual([1, 1, 1, 1]);
    expect([r.ops.create.applies, r.ops.check.applies, r.ops.summarise.applies, r.ops.plan.applies]).toEqual([1, 0, 1, 1]);
    for (const op of Object.values(r.ops)) {
      expect(op.syncBytes).toHaveLength(op.syncs);
      expect(op.largestSyncBytes).toBe(Math.max(...op.syncBytes));
      expect(op.totalBytes).toBe(op.syncBytes.reduce((a, b) => a + b, 0));
    }
    expect(r.ops.check.largestReadBytes).toBeGreaterThan(0);
    expect(r.plans.create).toHaveLength(1);
    expect(r.plans.summarise).toHaveLength(1);
  });
});

describe('Apps Script measurement', () => {
  it('splits Spreadsheet service calls from the other services', () => {
    expect(splitCounts({ 'Range.setValues': 2, 'Sheet.getRange': 3, 'Lock.tryLock': 1, 'Utilities.formatDate': 4 })).toEqual({
      spreadsheetCalls: 5,
      otherCalls: 5,
      byName: { 'Range.setValues': 2, 'Sheet.getRange': 3, 'Lock.tryLock': 1, 'Utilities.formatDate': 4 },
    });
  });

  it('counts the Spreadsheet service calls of each operation, the same for 3 and 30 tracker rows (from source)', async () => {
    const fw = getFramework('delivery-tracker');
    const a = await measureSheets(null, fw, TRACKER, 3);
    const b = await measureSheets(null, fw, TRACKER, 30);
    expect(a.mode).toBe('source');
    for (const op of ['create', 'check', 'summarise', 'plan'] as const) {
      const all = Object.values(a.ops[op].byName).reduce((x, y) => x + y, 0);
      expect(a.ops[op].spreadsheetCalls + a.ops[op].otherCalls).toBe(all);
      expect(b.ops[op].spreadsheetCalls).toBe(a.ops[op].spreadsheetCalls);
    }
    // create adds the 8 tabs of a tracker review: Instructions, Progress Tracker, Theme Review, Summary,
    // Improvement Plan, Review Settings, Previous Review (issue #16: trackers compare with last cycle too), PR_Meta;
    // check only reads the tabs the reader uses: one data range for each of those 8 less Instructions, whose existence
    // the tab list already tells (and not Sheet1) = 7. The Summary is read
    // since issue #11 (core/operations/read-tabs.ts: core proves the add-in made it before writing over it).
    expect(a.ops.create.byName['Spreadsheet.insertSheet']).toBe(8);
    expect(a.ops.check.byName['Range.setValues']).toBeUndefined();
    expect(a.ops.check.byName['Sheet.getDataRange']).toBe(7);
  });
});

describe('targets', () => {
  it('names the calls that differ between two sizes', () => {
    expect(callDiff({ 'Sheet.insertRowsAfter': 2, 'Range.setValues': 9 }, { 'Sheet.insertRowsAfter': 3, 'Range.setValues': 9 })).toEqual([
      'Sheet.insertRowsAfter 2→3',
    ]);
  });

  it('takes ratios of consecutive sizes on CPU time', () => {
    const t = (size: number, cpuMs: number) => ({
      size,
      steps: {
        score: { ms: cpuMs * 2, cpuMs, repeats: 1 },
        draft: { ms: 1, cpuMs: 1, repeats: 1 },
        summaryPlan: { ms: 1, cpuMs: 1, repeats: 1 },
      },
      respondents: size,
      registerRows: 0,
      actions: 0,
    });
    expect(coreRatios([t(10, 2), t(100, 30), t(1000, 300)], 'score')).toEqual([
      { from: 10, to: 100, ratio: 15, wallRatio: 15 },
      { from: 100, to: 1000, ratio: 10, wallRatio: 10 },
    ]);
  });

  it('fails overall when a counted target fails or was not measured, and not for an extra check', () => {
    const f: FrameworkMeasure = { frameworkId: 'x', unit: 'rows', sizes: [], core: null };
    const missing = evaluateTargets([f], null);
    expect(missing.overall).toBe('FAIL');
    expect(missing.rows.filter((r) => !r.extra).every((r) => r.status === 'NOT MEASURED')).toBe(true);
  });
});

describe('child processes', () => {
  it('reads the steps a child finished and its one result line, ignoring anything else it printed', () => {
    const out = [
      'noise',
      'BENCH_STEP {"step":"create","ms":12,"rssMB":80}',
      'BENCH_STEP {"step":"import","ms":5,"rssMB":90}',
      'BENCH_RESULT {"ok":1}',
      '',
    ].join('\n');
    expect(parseChildOutput(out)).toEqual({
      result: { ok: 1 },
      steps: [
        { step: 'create', ms: 12, rssMB: 80 },
        { step: 'import', ms: 5, rssMB: 90 },
      ],
    });
    expect(parseChildOutput('BENCH_STEP {"step":"create","ms":1,"rssMB":1}').result).toBeNull();
  });

  it('stops a file-host child at its time limit and says which step it was in', async () => {
    const r = await measureFileHost(TREE, 2, 1);
    expect(r.error).toBe('stopped after 0 s, during create');
    expect(r.result).toMatchObject({
      size: 2,
      createMs: null,
      importMs: null,
      summariseMs: null,
      totalMs: null,
      timedOutAfterMs: 1,
      importKind: 'import',
    });
  });
});

describe('helpers', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('finds the entry script and the static imports of a built chunk, not the dynamic ones', () => {
    expect(entryScripts('<script type="module" crossorigin src="./assets/taskpane-B8.js"></script>')).toEqual(['./assets/taskpane-B8.js']);
    const js = 'import{a as b}from"./a1-Dm.js";import"./side.js";const x=()=>import("./App-eg.js");';
    expect(staticImports(js)).toEqual(['./a1-Dm.js', './side.js']);
  });
});
