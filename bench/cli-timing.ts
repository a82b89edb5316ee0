/**
 * The command line as a person runs it: the package bin (`node file-host/bin/partnership-review.mjs`, which runs the
 * built dist/cli), timed from before the process starts to after it exits — start-up, reading, writing, all of it.
 * One warm-up run (the file cache), then five; the median is kept.
 *
 * `summarise` works on a Hallmarks review with 10 respondents made for the purpose (created and imported through the
 * engine in this process, as the bench's own file-host step does); it rewrites the same tabs on every run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getFramework } from '../core/framework/catalogue.js';
import { runCreate, runImport } from '../core/operations/run.js';
import { XlsxHost } from '../file-host/xlsx-host.js';
import { formsTable } from './data.js';
import { createRequest } from './operations.js';
import { BENCH_TODAY, FULL_SCENARIOS } from './scenarios.js';

export const CLI_RUNS = 5;

export interface CliTiming {
  /** the command as typed after the bin */
  command: string;
  runsMs: number[];
  medianMs: number;
}

export interface CliTimings {
  frameworks: CliTiming | null;
  summarise: CliTiming | null;
  /** respondents in the review `summarise` ran on */
  summariseRespondents: number;
  error?: string;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function time(root: string, args: string[], shown: string): CliTiming {
  const bin = join(root, 'file-host', 'bin', 'partnership-review.mjs');
  const runsMs: number[] = [];
  for (let i = 0; i <= CLI_RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (r.status !== 0)
      throw new Error(
        `partnership-review ${shown} exited ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').slice(0, 3).join(' | ')}`,
      );
    if (i > 0) runsMs.push(ms); // the first run warms the file cache
  }
  return { command: shown, runsMs, medianMs: median(runsMs) };
}

/** A Hallmarks review with `size` respondents' answers in it, as bytes. */
export async function hallmarksReview(size: number): Promise<Buffer> {
  const scenario = FULL_SCENARIOS.find((s) => s.frameworkId === 'hallmarks')!;
  const framework = getFramework('hallmarks');
  const host = XlsxHost.create();
  await runCreate(host, createRequest(scenario, size));
  const created = await host.toBytes();
  const filled = await XlsxHost.fromBytes(created, 'bench.xlsx');
  await runImport(filled, formsTable(framework, size, scenario.partnerships), BENCH_TODAY);
  return filled.toBytes();
}

/** Needs dist/cli built (npm run build:cli). */
export async function measureCli(root: string, respondents = 10): Promise<CliTimings> {
  const out: CliTimings = { frameworks: null, summarise: null, summariseRespondents: respondents };
  const dir = mkdtempSync(join(tmpdir(), 'pr-bench-cli-'));
  try {
    out.frameworks = time(root, ['frameworks'], 'frameworks');
    const file = join(dir, 'hallmarks-review.xlsx');
    writeFileSync(file, await hallmarksReview(respondents));
    out.summarise = time(
      root,
      ['summarise', file, '--today', BENCH_TODAY, '--quiet'],
      `summarise <hallmarks review, ${respondents} respondents> --today ${BENCH_TODAY}`,
    );
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
