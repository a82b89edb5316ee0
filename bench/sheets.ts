/// <reference types="google-apps-script" />
/**
 * Apps Script: Spreadsheet service calls per operation. The BUILT add-on (dist/sheets-addon/Code.js) is loaded the
 * way its tests load it — one classic script in a `vm` context holding the recording fake of SpreadsheetApp,
 * LockService and Utilities (test/sheets-addon/load-addon.ts) — and its server functions are called as the sidebar
 * calls them through google.script.run. Every call on a fake object is logged as `Class.method`.
 *
 * When Code.js is missing and cannot be built, the same operations run from source (SheetsHost with core/operations
 * run.ts) and the result says so (`mode: 'source'`).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Framework } from '../core/framework/schema.js';
import type { CreateForm, OperationOutcome } from '../ui/bridge.js';
import { SheetsHost } from '../sheets-addon/server/sheets-host.js';
import { FakeAppsScript } from '../test/sheets-addon/fake-apps-script.js';
import { loadAddon } from '../test/sheets-addon/load-addon.js';
import { fillPlan } from './data.js';
import { OPERATIONS, runScenario, type Operation } from './operations.js';
import { BENCH_CYCLE, BENCH_TODAY, type Scenario } from './scenarios.js';

/** Services other than the Spreadsheet service (locks, dates, the UI): counted apart. */
const OTHER_SERVICES = new Set(['LockService', 'Lock', 'Utilities', 'HtmlService', 'HtmlOutput', 'Ui', 'Menu']);

export function isSpreadsheetCall(name: string): boolean {
  return !OTHER_SERVICES.has(name.split('.')[0] ?? '');
}

export interface SheetsOperation {
  /** Spreadsheet service calls (SpreadsheetApp, Spreadsheet, Sheet, Range, RangeList, rules, protections, charts) */
  spreadsheetCalls: number;
  /** LockService, Utilities … */
  otherCalls: number;
  /** call name → count, for finding what grows */
  byName: Record<string, number>;
  note: string;
}

export interface SheetsScenarioResult {
  mode: 'built' | 'source';
  ops: Record<Operation, SheetsOperation>;
}

export function splitCounts(counts: Record<string, number>): Pick<SheetsOperation, 'spreadsheetCalls' | 'otherCalls' | 'byName'> {
  let spreadsheetCalls = 0;
  let otherCalls = 0;
  for (const [name, n] of Object.entries(counts)) {
    if (isSpreadsheetCall(name)) spreadsheetCalls += n;
    else otherCalls += n;
  }
  return { spreadsheetCalls, otherCalls, byName: counts };
}

function hostOn(fake: FakeAppsScript): SheetsHost {
  return new SheetsHost({
    spreadsheet: fake.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    app: fake.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    isoDate: (d, tz) => fake.Utilities.formatDate(d, tz, 'yyyy-MM-dd'),
  });
}

function describeOutcome(o: OperationOutcome): string {
  // a check that found problems is not ok, yet worked; anything else not ok is a failure of the run
  if (!o.ok && o.problems.length === 0)
    throw new Error(
      `Apps Script operation failed: ${o.message} ${o.problems
        .slice(0, 3)
        .map((p) => `${p.cell} ${p.message}`)
        .join('; ')}`,
    );
  return o.problems.length > 0 ? `${o.problems.length} problems` : o.tabsWritten.length > 0 ? `${o.tabsWritten.length} tabs` : 'ok';
}

async function measureBuilt(code: string, framework: Framework, scenario: Scenario, size: number): Promise<SheetsScenarioResult> {
  const fake = new FakeAppsScript();
  const addon = loadAddon(code, fake, BENCH_TODAY);
  const ops = {} as Record<Operation, SheetsOperation>;
  const measure = (op: Operation, call: () => OperationOutcome): void => {
    const mark = fake.calls.length;
    const note = describeOutcome(call());
    ops[op] = { ...splitCounts(fake.countsSince(mark)), note };
  };
  const form: CreateForm = {
    frameworkId: scenario.frameworkId,
    partnerships: scenario.partnerships,
    respondents: [],
    ...(scenario.unit === 'respondents' ? { respondentCount: size } : {}),
    cycle: BENCH_CYCLE,
    protect: false,
  };
  measure('create', () => addon.prCreate(form));
  // people type their answers (not an add-on operation: written straight into the fake, not counted)
  await hostOn(fake).apply(fillPlan(framework, size, scenario.partnerships));
  measure('check', () => addon.prCheck());
  measure('summarise', () => addon.prSummarise());
  measure('plan', () => addon.prPlan());
  return { mode: 'built', ops };
}

async function measureSource(framework: Framework, scenario: Scenario, size: number): Promise<SheetsScenarioResult> {
  const fake = new FakeAppsScript();
  let mark = 0;
  const runs = await runScenario(hostOn(fake), framework, scenario, size, {
    begin() {
      mark = fake.calls.length;
    },
    end() {
      return fake.countsSince(mark);
    },
  });
  const ops = {} as Record<Operation, SheetsOperation>;
  for (const op of OPERATIONS) ops[op] = { ...splitCounts(runs[op].measured), note: runs[op].note };
  return { mode: 'source', ops };
}

export async function measureSheets(
  codeJsPath: string | null,
  framework: Framework,
  scenario: Scenario,
  size: number,
): Promise<SheetsScenarioResult> {
  if (codeJsPath && existsSync(codeJsPath)) return measureBuilt(readFileSync(codeJsPath, 'utf8'), framework, scenario, size);
  return measureSource(framework, scenario, size);
}

/** Per-respondent protection in the built add-on: calls and time per protected row (issue 15, Sheets 4). */
export interface ProtectionMeasure {
  respondents: number;
  protectedRows: number;
  /** Spreadsheet service calls of Create review with and without per-respondent protection */
  callsWith: number;
  callsWithout: number;
  callsPerRow: number;
  /** reads that make Sheets flush pending writes (Protection.getEditors, canDomainEdit), per row */
  readsPerRow: number;
  msWith: number;
  msWithout: number;
  /** fake time per row: the fake has no network, so real Sheets is slower; the call count is the portable figure */
  msPerRow: number;
}

export function measureProtection(codeJsPath: string, respondents = 200): ProtectionMeasure {
  const code = readFileSync(codeJsPath, 'utf8');
  const run = (protect: boolean): { calls: Record<string, number>; ms: number } => {
    const fake = new FakeAppsScript({ owner: 'owner@example.org', user: 'coordinator@example.org', editors: ['coordinator@example.org'] });
    const pr = loadAddon(code, fake, BENCH_TODAY);
    const names = Array.from({ length: respondents }, (_, i) => `Person ${i + 1} <person${i + 1}@example.org>`);
    const form: CreateForm = { frameworkId: 'partnership-tree', partnerships: ['Bench'], respondents: names, cycle: BENCH_CYCLE, protect };
    const mark = fake.calls.length;
    const t = performance.now();
    const out = pr.prCreate(form);
    const ms = performance.now() - t;
    if (!out.ok) throw new Error(`Create review failed in the protection bench: ${out.message}`);
    return { calls: fake.countsSince(mark), ms };
  };
  run(false); // warm-up: the first run pays for compiling the script
  const without = run(false);
  const withP = run(true);
  const total = (c: Record<string, number>): number =>
    Object.entries(c)
      .filter(([n]) => isSpreadsheetCall(n))
      .reduce((a, [, v]) => a + v, 0);
  const callsWith = total(withP.calls);
  const callsWithout = total(without.calls);
  const reads = (withP.calls['Protection.getEditors'] ?? 0) + (withP.calls['Protection.canDomainEdit'] ?? 0);
  return {
    respondents,
    protectedRows: respondents,
    callsWith,
    callsWithout,
    callsPerRow: (callsWith - callsWithout) / respondents,
    readsPerRow: reads / respondents,
    msWith: Math.round(withP.ms),
    msWithout: Math.round(without.ms),
    msPerRow: Math.round(((withP.ms - without.ms) / respondents) * 100) / 100,
  };
}
