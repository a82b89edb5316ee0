/**
 * The BUILT add-on, dist/sheets-addon/Code.js, run the way Apps Script runs it — one classic script in a Node vm
 * context — against the recording fake of SpreadsheetApp, HtmlService, LockService and Utilities.
 * Results, call counts at 10 and 1,000 respondents, per-respondent protection, and two overlapping summary runs.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSheetsAddon, type SheetsBuild } from '../../sheets-addon/build.js';
import { GLOBAL_FUNCTIONS } from '../../sheets-addon/server/api.js';
import type { CreateForm, OperationOutcome } from '../../ui/bridge.js';
import { FakeAppsScript, type FakeSheet } from './fake-apps-script.js';
import { loadAddon, sameShape, total, type AddonGlobals } from './load-addon.js';

let built: SheetsBuild;
let code: string;

beforeAll(async () => {
  built = await buildSheetsAddon();
  code = readFileSync(built.codeJs, 'utf8');
});

const BUSY_SUMMARY = 'Someone else is building the summary. Try again in a minute.';

function form(respondents: string[], respondentCount?: number, protect = false): CreateForm {
  return {
    frameworkId: 'partnership-tree',
    partnerships: ['Kensington and Chelsea'],
    respondents,
    ...(respondentCount !== undefined ? { respondentCount } : {}),
    cycle: '2026/27',
    protect,
  };
}

/**
 * People typing their scores on Responses (row 6 on; Respondent, Partnership, Organisation, then score and comment
 * for ASPIRE, THINK, LEAD, COLLABORATE, ACCOUNT, DELIVER in columns D–O). Respondent i (from 0) scores
 * ASPIRE 3; THINK 2 or 3 (alternately); LEAD 1; COLLABORATE 1 or 3 (alternately: divided); ACCOUNT 2;
 * DELIVER 2 when i is a multiple of 3, else 1. Respondent 0 writes a comment that looks like a formula, typed as text.
 */
function typeScores(fake: FakeAppsScript, n: number): void {
  const rows = Array.from({ length: n }, (_, i) => [
    3,
    'Shared vision agreed',
    2 + (i % 2),
    '',
    1,
    '',
    i % 2 ? 3 : 1,
    '',
    2,
    '',
    i % 3 === 0 ? 2 : 1,
    i === 0 ? `'=HYPERLINK("http://evil.example","click")` : '',
  ]);
  fake.spreadsheet._sheet('Responses').getRange(6, 4, n, 12).setValues(rows);
}

function rowOf(sheet: FakeSheet, label: string, col = 1): number {
  const used = sheet._used();
  for (let r = 1; r <= used.rows; r++) if (sheet._text(r, col) === label) return r;
  throw new Error(`no row labelled "${label}" on ${sheet._name}`);
}

/** Every cell of a tab as text (formulas as "=…"), for comparing whole tabs. */
function grid(sheet: FakeSheet): string[][] {
  const used = sheet._used();
  return Array.from({ length: used.rows }, (_, r) => Array.from({ length: used.cols }, (_, c) => sheet._text(r + 1, c + 1)));
}

interface Run {
  fake: FakeAppsScript;
  pr: AddonGlobals;
  outcomes: Record<'create' | 'check' | 'summarise' | 'plan', OperationOutcome>;
  counts: Record<'create' | 'check' | 'summarise' | 'plan', Record<string, number>>;
}

function runFlow(n: number): Run {
  const fake = new FakeAppsScript({ htmlDir: built.outDir });
  const pr = loadAddon(code, fake);
  const outcomes = {} as Run['outcomes'];
  const counts = {} as Run['counts'];
  const step = (k: keyof Run['outcomes'], f: () => OperationOutcome): void => {
    const mark = fake.calls.length;
    outcomes[k] = f();
    counts[k] = fake.countsSince(mark);
  };
  step('create', () => pr.prCreate(form([], n)));
  typeScores(fake, n);
  step('check', () => pr.prCheck());
  step('summarise', () => pr.prSummarise());
  step('plan', () => pr.prPlan());
  return { fake, pr, outcomes, counts };
}

describe('the built Code.js', () => {
  it('is one classic script whose entry points are real top-level functions', () => {
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
    expect(() => new vm.Script(code)).not.toThrow();
    for (const f of GLOBAL_FUNCTIONS) {
      expect(code).toContain(`\nfunction ${f.name}(${f.params.join(', ')}) {`);
    }
    const fake = new FakeAppsScript();
    const pr = loadAddon(code, fake) as unknown as Record<string, unknown>;
    for (const f of GLOBAL_FUNCTIONS) expect(typeof pr[f.name]).toBe('function');
  });

  it('ships the manifest with exactly the three scopes its calls need (test/hardening/least-privilege.test.ts derives them)', () => {
    const manifest = JSON.parse(readFileSync(built.manifest, 'utf8'));
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Europe/London', exceptionLogging: 'STACKDRIVER' });
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    expect(readFileSync(built.manifest, 'utf8')).toBe(readFileSync(new URL('../../appsscript.json', import.meta.url), 'utf8'));
  });

  it('builds the add-on menu on open and on install, and opens the sidebar', () => {
    const fake = new FakeAppsScript({ htmlDir: built.outDir });
    const pr = loadAddon(code, fake);
    pr.onOpen({});
    pr.onInstall({});
    expect(fake._menus).toHaveLength(2);
    for (const menu of fake._menus) {
      expect(menu._items.filter((i) => i.functionName).map((i) => [i.caption, i.functionName])).toEqual([
        ['Open Partnership Review', 'showSidebar'],
        ['Check entries', 'menuCheck'],
        ['Build summary', 'menuSummarise'],
        ['Draft improvement plan', 'menuPlan'],
        ['Run self-test', 'menuSelfTest'],
      ]);
    }
    expect(fake.calls.filter((c) => c === 'Ui.createAddonMenu')).toHaveLength(2);
    pr.showSidebar();
    expect(fake._sidebars).toHaveLength(1);
    expect(fake._sidebars[0]!._title).toBe('Partnership Review');
    expect(fake._sidebars[0]!._content).toBe(readFileSync(built.sidebarHtml, 'utf8'));
  });
});

describe('create → check → summarise → plan in the built script', () => {
  let small: Run;
  let large: Run;
  beforeAll(() => {
    small = runFlow(10);
    large = runFlow(1000);
  });

  it('gives the hand-computed results at 10 respondents', () => {
    const { outcomes, fake } = small;
    expect(outcomes.create).toMatchObject({
      ok: true,
      message:
        'Review created for Kensington and Chelsea (2026/27): 10 respondents. Type the entries on the Responses tab, then choose Check entries.',
    });
    expect(outcomes.create.tabsWritten).toEqual([
      'Instructions',
      'Responses',
      'Workshop Notes',
      'Summary',
      'Comments',
      'Improvement Plan',
      'Review Settings',
      'Previous Review',
      'PR_Meta',
    ]);
    expect(fake.spreadsheet._sheet('PR_Meta')._hidden).toBe(true);
    expect(outcomes.check).toMatchObject({ ok: true, problems: [] });
    // section means 3, 2.5, 1, 2, 2, 1.4 → overall 11.9 / 6 = 1.9833…; (1.9833 − 1) / 2 = 49.2 % → red
    expect(outcomes.summarise.message).toBe('Summary built: 10 respondents, overall 1.98 (Red); 4 actions on the Improvement Plan tab.');
    expect(outcomes.plan.message).toBe(
      'Improvement plan drafted: 4 actions. Check each action, then fill in the key contact and lead agency on the Improvement Plan tab.',
    );
    const summary = fake.spreadsheet._sheet('Summary');
    // the label is merged over A:B; the figure is in column C
    expect(summary._text(rowOf(summary, 'Respondents who gave at least one answer'), 3)).toBe('10');
    // strengths: green and not divided (ASPIRE 3, THINK 2.5 = 75 %), highest mean first; the rest are areas
    const strengths = rowOf(summary, 'Strengths (green and not divided, highest mean first)');
    expect([1, 2, 3].map((i) => summary._text(strengths + 1 + i, 1))).toEqual(['ASPIRE', 'THINK', '']);
    const areas = rowOf(summary, 'Areas for improvement (red, amber or divided opinion, lowest first)');
    expect([1, 2, 3, 4].map((i) => summary._text(areas + 1 + i, 1)).sort()).toEqual(['ACCOUNT', 'COLLABORATE', 'DELIVER', 'LEAD']);
    const plan = fake.spreadsheet._sheet('Improvement Plan');
    const refs = [5, 6, 7, 8].map((r) => plan._text(r, 1)).sort();
    expect(refs).toEqual(['ACCOUNT', 'COLLABORATE', 'DELIVER', 'LEAD']);
    expect(plan._text(9, 1)).toBe('');
    // the plan's dates read back from Sheets as Date objects, turned into ISO dates in the spreadsheet's time zone:
    // drafting again recognised every row as the add-in's own draft (none counted as edited)
    expect(small.counts.plan['Utilities.formatDate']).toBeGreaterThan(0);
  });

  it('keeps text that looks like a formula as text on the Comments tab', () => {
    const summary = small.fake.spreadsheet._sheet('Comments');
    const cells = [...summary._cells.values()].filter(
      (c) => String(c.value).includes('HYPERLINK') || String(c.formula).includes('HYPERLINK'),
    );
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) {
      expect(c.formula).toBeNull();
      expect(String(c.value)).toContain('=HYPERLINK("http://evil.example","click")');
    }
  });

  it('gives the hand-computed results at 1,000 respondents', () => {
    // DELIVER: 334 of 1,000 score 2 → 1.334; overall (3 + 2.5 + 1 + 2 + 2 + 1.334) / 6 = 1.9723…
    expect(large.outcomes.summarise.message).toBe(
      'Summary built: 1,000 respondents, overall 1.97 (Red); 4 actions on the Improvement Plan tab.',
    );
    expect(large.outcomes.check).toMatchObject({ ok: true, problems: [] });
    const summary = large.fake.spreadsheet._sheet('Summary');
    expect(summary._text(rowOf(summary, 'Respondents who gave at least one answer'), 3)).toBe('1000');
  });

  it('makes the same Spreadsheet service calls for 10 and 1,000 respondents', () => {
    for (const op of ['create', 'check', 'summarise', 'plan'] as const) {
      expect(sameShape(large.counts[op]), op).toEqual(sameShape(small.counts[op]));
    }
    // and few of them: every block, format and rule is written whole
    expect(small.counts.summarise['Range.setValues']).toBeLessThan(40);
    expect(total(small.counts.create)).toBeLessThan(800);
  });
});

describe('per-respondent protection', () => {
  /** The calls one respondent's own protection takes. */
  const PER_ROW = [
    'Sheet.getRange',
    'Range.protect',
    'Protection.setDescription',
    'Protection.addEditor',
    'Protection.getEditors',
    'Protection.removeEditors',
    'Protection.addEditors',
    'Protection.canDomainEdit',
    'Protection.setDomainEdit',
  ];

  function create(n: number): { fake: FakeAppsScript; counts: Record<string, number>; outcome: OperationOutcome } {
    const fake = new FakeAppsScript({ htmlDir: built.outDir, editors: ['colleague@example.org'] });
    const pr = loadAddon(code, fake);
    const names = Array.from({ length: n }, (_, i) => `Person ${i + 1} <person${i + 1}@example.org>`);
    const mark = fake.calls.length;
    const outcome = pr.prCreate(form(names, undefined, true));
    return { fake, counts: fake.countsSince(mark), outcome };
  }

  it('adds one protection per respondent, with that respondent as its editor, and nothing else grows', () => {
    const a = create(10);
    const b = create(1000);
    expect(a.outcome.ok).toBe(true);
    expect(b.counts['Range.protect']).toBe(1000);
    expect(a.counts['Range.protect']).toBe(10);
    const diff: Record<string, number> = {};
    for (const k of new Set([...Object.keys(a.counts), ...Object.keys(b.counts)])) {
      const d = (b.counts[k] ?? 0) - (a.counts[k] ?? 0);
      if (d !== 0) diff[k] = d;
    }
    expect(sameShape(diff)).toEqual(Object.fromEntries(PER_ROW.map((k) => [k, 990])));
    const rows = b.fake.spreadsheet._sheet('Responses')._protections.filter((p) => p._type === 'RANGE');
    expect(rows[41]!._range!.getA1Notation()).toBe('A47:O47');
    expect(rows[41]!._editors).toEqual(['owner@example.org', 'person42@example.org']);
    expect(rows[41]!._description).toBe(
      "Responses row 47: only Person 42 <person42@example.org>, the spreadsheet's owner and whoever created the review can change this row.",
    );
  });
});

describe('the document lock', () => {
  it('tells a second person the summary is being built, and the first run writes what it would alone', () => {
    const overlapped = new FakeAppsScript({ htmlDir: built.outDir });
    const alone = new FakeAppsScript({ htmlDir: built.outDir });
    const prA = loadAddon(code, overlapped);
    const prB = loadAddon(code, alone);
    for (const [fake, pr] of [
      [overlapped, prA],
      [alone, prB],
    ] as const) {
      pr.prCreate(form([], 12));
      typeScores(fake, 12);
    }
    // the second person clicks Build summary while the first run is writing its first block
    let second: OperationOutcome | null = null;
    let secondPlan: OperationOutcome | null = null;
    overlapped.onCall = (name) => {
      if (name === 'Range.setValues' && second === null) {
        second = prA.prSummarise();
        secondPlan = prA.prPlan();
      }
    };
    const first = prA.prSummarise();
    overlapped.onCall = null;
    const reference = prB.prSummarise();

    expect(second).toEqual({ ok: false, message: BUSY_SUMMARY, problems: [], tabsWritten: [] });
    expect(secondPlan).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Someone else is building the summary .*Try again in a minute\.$/),
    });
    expect(overlapped._lock.attempts.slice(-3)).toEqual([
      { timeoutInMillis: 20000, acquired: true },
      { timeoutInMillis: 20000, acquired: false },
      { timeoutInMillis: 20000, acquired: false },
    ]);
    expect(overlapped._lock.holder).toBeNull();
    // pending writes are committed before the lock is let go
    const calls = overlapped.calls;
    expect(calls.lastIndexOf('SpreadsheetApp.flush')).toBe(calls.lastIndexOf('Lock.releaseLock') - 1);
    expect(first).toEqual(reference);
    for (const tab of ['Summary', 'Improvement Plan', 'PR_Meta', 'Responses']) {
      expect(grid(overlapped.spreadsheet._sheet(tab)), tab).toEqual(grid(alone.spreadsheet._sheet(tab)));
    }
    // once the first has finished, the next click builds it
    expect(prA.prSummarise().ok).toBe(true);
  });

  it('releases the lock when an operation fails, and says what to do', () => {
    const fake = new FakeAppsScript({ htmlDir: built.outDir });
    const pr = loadAddon(code, fake);
    const out = pr.prSummarise();
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/Open the workbook that holds your review, or choose Create review to start one\.$/);
    expect(fake._lock.holder).toBeNull();
    expect(fake.spreadsheet.getSheets().map((s: FakeSheet) => s.getName())).toEqual(['Sheet1']);
  });

  it('refuses to write when a header changed between reading and writing, naming the cell', () => {
    const fake = new FakeAppsScript({ htmlDir: built.outDir });
    const pr = loadAddon(code, fake);
    pr.prCreate(form([], 5));
    typeScores(fake, 5);
    const before = grid(fake.spreadsheet._sheet('Summary'));
    let reads = 0;
    fake.onCall = (name) => {
      // the second getSheets is the write's: someone retypes a machine key just before it
      if (name === 'Spreadsheet.getSheets' && ++reads === 2) fake.spreadsheet._sheet('Responses')._cell(5, 4).value = 'changed';
    };
    const out = pr.prSummarise();
    fake.onCall = null;
    expect(out.ok).toBe(false);
    expect(out.message).toContain('Responses!D5 changed while the add-in was working');
    expect(out.message).toContain('Nothing was changed.');
    expect(grid(fake.spreadsheet._sheet('Summary'))).toEqual(before);
    expect(fake._lock.holder).toBeNull();
  });
});

describe('menu items and going to a cell', () => {
  it('shows the outcome of a menu item in a message box, and prSelect activates the cell', () => {
    const fake = new FakeAppsScript({ htmlDir: built.outDir });
    const pr = loadAddon(code, fake);
    pr.prCreate(form([], 3));
    fake.spreadsheet
      ._sheet('Responses')
      .getRange(6, 4, 1, 1)
      .setValues([[7]]);
    pr.menuCheck();
    expect(fake._alerts).toHaveLength(1);
    expect(fake._alerts[0]).toMatch(
      /^Check entries\n1 error to fix: choose it to go to its cell\.( \d+ reminders? below\.)?\nResponses!D6: /,
    );
    expect(fake._alerts[0]).toContain('Responses!D6: Respondent 1, ASPIRE: “7” is not on the scale. Enter 1, 2 or 3');
    pr.menuSummarise();
    expect(fake._alerts[1]).toBe('Build summary\nSummary built: 1 respondent, no scores yet; 0 actions on the Improvement Plan tab.');
    expect(pr.prSelect({ sheet: 'Responses', row: 6, col: 4 })).toBeNull();
    expect(fake._activeRange).toBe('D6');
    expect(fake.spreadsheet._active?._name).toBe('Responses');
    expect(() => pr.prSelect({ sheet: 'Gone', row: 1, col: 1 })).toThrow(/There is no tab called "Gone" now/);
  });
});
