/**
 * `npm run bench`: round trips, payload, scaling, bundle size and first render, measured against the limits of
 * issue 6. Prints a table, writes bench/results.json and bench/README-section.md.
 *
 * Options: --quick (the two smaller sizes only), --no-build (use dist/ as it is), --no-browser (skip the first-render
 * measurement), --only=<framework id>, --file-host-timeout=<seconds> (default 90: a slower .xlsx size is stopped and
 * reported as slower than that), --print (print the tables of bench/results.json again and rewrite
 * bench/README-section.md from it, measuring nothing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getFramework } from '../core/framework/catalogue.js';
import { measureBundles, type BundleSizes } from './bundle.js';
import { measureCli, type CliTimings } from './cli-timing.js';
import { runChild } from './children.js';
import type { CoreTiming } from './core-timing.js';
import { measureExcel } from './excel.js';
import { measureFileHost } from './file-host.js';
import { measureFirstRender, type FirstRender } from './first-render.js';
import { replayNaive, type NaiveReplay } from './naive-replay.js';
import { printReport, readmeSection } from './report.js';
import { FULL_SCENARIOS, quickScenarios, type Scenario } from './scenarios.js';
import { measureProtection, measureSheets } from './sheets.js';
import { evaluateTargets, fileHostTargetRows, type FrameworkMeasure, type SizeMeasure } from './targets.js';
import { measureVersusExcelJs, type VersusExcelJs } from './versus-exceljs.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BenchOptions {
  quick: boolean;
  build: boolean;
  browser: boolean;
  only: string | null;
  /** a file-host size still running after this long is stopped and reported as slower than it */
  fileHostTimeoutSeconds: number;
  /** print the tables of the last full run (bench/results.json) again, measuring nothing */
  printOnly: boolean;
}

export function parseOptions(argv: string[]): BenchOptions {
  const opts: BenchOptions = { quick: false, build: true, browser: true, only: null, fileHostTimeoutSeconds: 90, printOnly: false };
  for (const a of argv) {
    if (a === '--quick') opts.quick = true;
    else if (a === '--no-build') opts.build = false;
    else if (a === '--no-browser') opts.browser = false;
    else if (a === '--print') opts.printOnly = true;
    else if (a.startsWith('--only=')) opts.only = a.slice('--only='.length);
    else if (a.startsWith('--file-host-timeout=')) opts.fileHostTimeoutSeconds = Number(a.slice('--file-host-timeout='.length));
    else
      throw new Error(
        `Unknown option ${a}. Use --quick, --no-build, --no-browser, --only=<framework id>, --file-host-timeout=<seconds> or --print.`,
      );
  }
  if (!(opts.fileHostTimeoutSeconds > 0)) throw new Error('--file-host-timeout needs a number of seconds above 0.');
  return opts;
}

export interface SizeResult extends SizeMeasure {
  naive: Record<'create' | 'summarise' | 'plan', NaiveReplay> | null;
  sheetsMode: 'built' | 'source' | null;
  errors: string[];
}

export interface BenchResults {
  generatedAt: string;
  machine: { node: string; cpus: number; cpuModel: string; memoryGB: number; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  options: BenchOptions;
  builds: { step: string; ok: boolean; ms: number; error?: string }[];
  frameworks: (FrameworkMeasure & { sizes: SizeResult[]; coreError?: string })[];
  bundle: BundleSizes | null;
  firstRender: FirstRender | null;
  firstRenderError?: string;
  /** the package engine against the ExcelJS file host of commit 804ccba, Hallmarks × 100 respondents */
  versusExcelJs: VersusExcelJs | null;
  /** the built command line, wall time including process start */
  cli: CliTimings | null;
  targets: ReturnType<typeof evaluateTargets>;
  durationMs: number;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Fractions to 3 decimal places in results.json (milliseconds to the microsecond). */
function tidyNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value;
}

function build(step: string): { step: string; ok: boolean; ms: number; error?: string } {
  const t0 = Date.now();
  const r = spawnSync('npm', ['run', '--silent', step], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  const ok = r.status === 0;
  const error = ok ? undefined : `${r.stderr || r.stdout || r.error?.message || ''}`.trim().split('\n').slice(-8).join(' | ');
  return { step, ok, ms: Date.now() - t0, ...(error ? { error } : {}) };
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function measureSize(scenario: Scenario, size: number, codeJs: string | null, opts: BenchOptions): Promise<SizeResult> {
  const framework = getFramework(scenario.frameworkId);
  const out: SizeResult = { size, excel: null, sheets: null, fileHost: null, naive: null, sheetsMode: null, errors: [] };
  try {
    const excel = await measureExcel(framework, scenario, size);
    out.excel = excel.ops;
    out.naive = {
      create: await replayNaive(excel.plans.create),
      summarise: await replayNaive(excel.plans.summarise),
      plan: await replayNaive(excel.plans.plan),
    };
  } catch (e) {
    out.errors.push(`Excel: ${message(e)}`);
  }
  try {
    const sheets = await measureSheets(codeJs, framework, scenario, size);
    out.sheets = sheets.ops;
    out.sheetsMode = sheets.mode;
  } catch (e) {
    out.errors.push(`Apps Script: ${message(e)}`);
  }
  const file = await measureFileHost(scenario, size, opts.fileHostTimeoutSeconds * 1000);
  out.fileHost = file.result;
  if (file.error) out.errors.push(`file host: ${file.error}`);
  return out;
}

export async function runBench(opts: BenchOptions): Promise<BenchResults> {
  const started = Date.now();
  const loadAverageAtStart = loadavg().map((n) => Math.round(n * 100) / 100);
  const builds: BenchResults['builds'] = [];
  if (opts.build) {
    for (const step of ['build:cli', 'build:taskpane', 'build:sheets']) {
      log(`bench: npm run ${step}…`);
      builds.push(build(step));
    }
  }
  const failed = (step: string): boolean => builds.some((b) => b.step === step && !b.ok);
  // a failed build leaves an older dist/ behind: never measure that as if it were the current code
  const codeJs = failed('build:sheets') ? null : join(ROOT, 'dist', 'sheets-addon', 'Code.js');

  let scenarios = opts.quick ? quickScenarios() : [...FULL_SCENARIOS];
  if (opts.only) scenarios = scenarios.filter((s) => s.frameworkId === opts.only);
  if (scenarios.length === 0)
    throw new Error(`No scenario for --only=${opts.only}. Use ${FULL_SCENARIOS.map((s) => s.frameworkId).join(', ')}.`);

  const frameworks: BenchResults['frameworks'] = [];
  for (const scenario of scenarios) {
    const sizes: SizeResult[] = [];
    for (const size of scenario.sizes) {
      log(`bench: ${scenario.frameworkId} at ${size} ${scenario.unit}…`);
      sizes.push(await measureSize(scenario, size, codeJs, opts));
    }
    log(`bench: ${scenario.frameworkId}: core timing…`);
    let core: CoreTiming[] | null = null;
    let coreError: string | undefined;
    const timed = await runChild<CoreTiming[]>(
      ['core', scenario.frameworkId, scenario.sizes.join(','), ...(opts.quick ? ['5'] : [])],
      600_000,
    );
    if (timed.result) core = timed.result;
    else coreError = timed.error ?? `stopped after ${Math.round((timed.timedOutAfterMs ?? 0) / 1000)} s`;
    frameworks.push({ frameworkId: scenario.frameworkId, unit: scenario.unit, sizes, core, ...(coreError ? { coreError } : {}) });
  }

  // the engine against the ExcelJS file host it replaced (issue 10): same scenario, same size, same kind of process
  let versusExcelJs: VersusExcelJs | null = null;
  if (scenarios.some((s) => s.frameworkId === VERSUS.frameworkId)) {
    versusExcelJs = await measureVersusExcelJs(ROOT, VERSUS.frameworkId, VERSUS.size, opts.fileHostTimeoutSeconds * 1000, log);
  }
  let cli: CliTimings | null = null;
  if (!failed('build:cli')) {
    log('bench: the built command line (frameworks; summarise of a 10-respondent review), wall time…');
    cli = await measureCli(ROOT);
  }

  const bundle = failed('build:taskpane') ? null : measureBundles(ROOT);
  let firstRender: FirstRender | null = null;
  let firstRenderError: string | undefined;
  if (opts.browser && failed('build:taskpane')) {
    firstRenderError = 'not measured: npm run build:taskpane failed, and dist/excel-addin may hold an older build';
  } else if (opts.browser) {
    log('bench: task pane first render in headless Chromium…');
    try {
      firstRender = await measureFirstRender(ROOT);
    } catch (e) {
      firstRenderError = message(e);
    }
  }

  return {
    generatedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGB: Math.round(totalmem() / 1e9),
      loadAverageAtStart,
      loadAverageAtEnd: loadavg().map((n) => Math.round(n * 100) / 100),
    },
    options: opts,
    builds,
    frameworks,
    bundle,
    firstRender,
    ...(firstRenderError ? { firstRenderError } : {}),
    versusExcelJs,
    cli,
    targets: withFileHostRows(withProtectionRow(evaluateTargets(frameworks, bundle), codeJs), frameworks, versusExcelJs, cli, opts),
    durationMs: Date.now() - started,
  };
}

/** The scenario the engine is compared with ExcelJS on (issue 10). */
const VERSUS = { frameworkId: 'hallmarks', size: 100 } as const;

/** The file host's targets of issue 10, counted in the overall result when their scenario ran. */
function withFileHostRows(
  targets: ReturnType<typeof evaluateTargets>,
  frameworks: FrameworkMeasure[],
  versus: VersusExcelJs | null,
  cli: CliTimings | null,
  opts: BenchOptions,
): ReturnType<typeof evaluateTargets> {
  const rows = fileHostTargetRows(frameworks, versus, cli, { hallmarksRan: versus !== null, cliBuilt: cli !== null, quick: opts.quick });
  targets.rows.push(...rows);
  targets.overall = targets.rows.filter((r) => !r.extra).every((r) => r.status === 'PASS') ? 'PASS' : 'FAIL';
  return targets;
}

/** An extra row: calls and time per protected respondent row in Google Sheets, 200 respondents (issue 15). */
function withProtectionRow(targets: ReturnType<typeof evaluateTargets>, codeJs: string | null): ReturnType<typeof evaluateTargets> {
  const scope = 'Sheets, Create review with per-respondent protection, 200 respondents (built Code.js on the fake)';
  if (!codeJs || !existsSync(codeJs)) {
    targets.rows.push({
      target: 'Sheets calls per protected row',
      scope,
      measured: '—',
      limit: 'measured',
      status: 'NOT MEASURED',
      extra: true,
      detail: 'Code.js was not built',
    });
    return targets;
  }
  const m = measureProtection(codeJs, 200);
  targets.rows.push({
    target: 'Sheets calls per protected row',
    scope,
    measured: `${m.callsPerRow} calls a row (${m.readsPerRow} of them reads that flush), ${m.msPerRow} ms a row on the fake; create ${m.callsWith} calls with, ${m.callsWithout} without`,
    limit: 'measured (no target: real Sheets adds network time to each call)',
    status: 'OK',
    extra: true,
  });
  return targets;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    const opts = parseOptions(process.argv.slice(2));
    if (opts.printOnly) {
      const saved = JSON.parse(readFileSync(join(ROOT, 'bench', 'results.json'), 'utf8')) as BenchResults;
      process.stdout.write(printReport(saved));
      writeFileSync(join(ROOT, 'bench', 'README-section.md'), readmeSection(saved));
      process.exit(saved.targets.overall === 'FAIL' ? 1 : 0);
    }
    const results = await runBench(opts);
    process.stdout.write(printReport(results));
    // a partial run (--quick, --only) never overwrites the committed figures
    const partial = opts.quick || opts.only !== null;
    const jsonPath = join(ROOT, 'bench', partial ? 'out/results.partial.json' : 'results.json');
    mkdirSync(dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, `${JSON.stringify(results, tidyNumbers, 2)}\n`);
    if (!partial) writeFileSync(join(ROOT, 'bench', 'README-section.md'), readmeSection(results));
    log(`bench: wrote ${jsonPath}${partial ? '' : ' and bench/README-section.md'}`);
    if (results.targets.overall === 'FAIL') process.exitCode = 1;
  } catch (e) {
    process.stderr.write(`${message(e)}\n`);
    process.exitCode = 2;
  }
}
