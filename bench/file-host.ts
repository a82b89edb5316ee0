/**
 * The file host (.xlsx through ExcelJS): create + import + summarise, as the command line does them — each step
 * opens the workbook's bytes, runs the operation and saves the bytes again — with time per step and the process's
 * peak memory. Each size runs in a child process of its own (`child.ts file-host …`), so its peak resident set
 * (`process.resourceUsage().maxRSS`) is its own; a child still running at its time limit is stopped and the steps it
 * finished are kept.
 *
 * Import is a Microsoft Forms-style wide export of the respondents (`formsTable`). A tracker has nothing to import
 * (its rows are typed on the Progress Tracker; the core refuses an import for it), so for the tracker the middle step
 * types the rows in through the host instead, and is labelled "fill".
 */
import { performance } from 'node:perf_hooks';
import { getFramework } from '../core/framework/catalogue.js';
import { runCreate, runImport, runSummarise } from '../core/operations/run.js';
import { XlsxHost } from '../file-host/xlsx-host.js';
import { runChild } from './children.js';
import { fillPlan, formsTable } from './data.js';
import { createRequest } from './operations.js';
import { BENCH_TODAY, type Scenario } from './scenarios.js';

export const FILE_STEPS = ['create', 'import', 'summarise'] as const;
export type FileStep = (typeof FILE_STEPS)[number];

export interface FileStepDone {
  step: FileStep;
  ms: number;
  /** resident set when the step finished, MB */
  rssMB: number;
}

export interface FileHostResult {
  size: number;
  /** null: the step did not finish within the time limit */
  createMs: number | null;
  /** import of the Forms export (questionnaires) or typing the register rows in (tracker) */
  importMs: number | null;
  importKind: 'import' | 'fill';
  summariseMs: number | null;
  totalMs: number | null;
  /** peak resident set of the child process, MB (when stopped at the time limit: the largest seen at a step's end) */
  peakRssMB: number | null;
  /** resident set after loading the modules, before any work, MB */
  baselineRssMB: number | null;
  /** size of the finished .xlsx */
  xlsxBytes: number | null;
  /** respondents added or updated by the import, or register rows typed */
  rowsIn: number | null;
  /** the child was stopped after this long, inside the first step that has no time */
  timedOutAfterMs: number | null;
}

const mb = (bytes: number): number => Math.round((bytes / 1e6) * 10) / 10;

/** Runs in the child process; `onStep` is told as each step finishes. */
export async function fileHostInProcess(
  scenario: Scenario,
  size: number,
  onStep: (s: FileStepDone) => void = () => undefined,
): Promise<FileHostResult> {
  const framework = getFramework(scenario.frameworkId);
  const baselineRssMB = mb(process.memoryUsage().rss);
  const importKind: FileHostResult['importKind'] = framework.sections.length > 0 ? 'import' : 'fill';
  const times: Partial<Record<FileStep, number>> = {};
  const step = async (name: FileStep, work: () => Promise<void>): Promise<void> => {
    const t0 = performance.now();
    await work();
    times[name] = performance.now() - t0;
    onStep({ step: name, ms: times[name], rssMB: mb(process.memoryUsage().rss) });
  };

  let bytes: Buffer = Buffer.alloc(0);
  let rowsIn = 0;
  await step('create', async () => {
    const host = XlsxHost.create();
    await runCreate(host, createRequest(scenario, size));
    bytes = await host.toBytes();
  });
  await step('import', async () => {
    const host = await XlsxHost.fromBytes(bytes, 'bench.xlsx');
    if (importKind === 'import') {
      const r = await runImport(host, formsTable(framework, size, scenario.partnerships), BENCH_TODAY);
      rowsIn = r.report.added.length + r.report.updated.length;
    } else {
      await host.apply(fillPlan(framework, size, scenario.partnerships));
      rowsIn = size;
    }
    bytes = await host.toBytes();
  });
  await step('summarise', async () => {
    const host = await XlsxHost.fromBytes(bytes, 'bench.xlsx');
    await runSummarise(host, { today: BENCH_TODAY });
    bytes = await host.toBytes();
  });

  return {
    size,
    createMs: times.create!,
    importMs: times.import!,
    importKind,
    summariseMs: times.summarise!,
    totalMs: times.create! + times.import! + times.summarise!,
    peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
    baselineRssMB,
    xlsxBytes: bytes.length,
    rowsIn,
    timedOutAfterMs: null,
  };
}

/** Runs one size in a child process (parent side). */
export async function measureFileHost(
  scenario: Scenario,
  size: number,
  timeoutMs: number,
): Promise<{ result: FileHostResult | null; error: string | null }> {
  const out = await runChild<FileHostResult>(['file-host', scenario.frameworkId, String(size)], timeoutMs);
  if (out.result) return { result: out.result, error: null };
  if (out.timedOutAfterMs === null) return { result: null, error: out.error };
  const steps = out.steps as FileStepDone[];
  const time = (s: FileStep): number | null => steps.find((x) => x.step === s)?.ms ?? null;
  const unfinished = FILE_STEPS.find((s) => time(s) === null)!;
  return {
    result: {
      size,
      createMs: time('create'),
      importMs: time('import'),
      importKind: getFramework(scenario.frameworkId).sections.length > 0 ? 'import' : 'fill',
      summariseMs: time('summarise'),
      totalMs: null,
      peakRssMB: steps.length ? Math.max(...steps.map((s) => s.rssMB)) : null,
      baselineRssMB: null,
      xlsxBytes: null,
      rowsIn: null,
      timedOutAfterMs: out.timedOutAfterMs,
    },
    error: `stopped after ${Math.round(out.timedOutAfterMs / 1000)} s, during ${unfinished}`,
  };
}
