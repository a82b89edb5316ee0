/**
 * Core: time to score and to draft the improvement plan, and the whole summary computation (`planSummary`,
 * snapshot in, sheet plan out) beside them, with the ratio of 10× data to 1× data.
 *
 * The review is built the way a person builds it — created, then typed into — on the in-memory workbook and read
 * back with the core reader, so the timed functions get exactly what the add-ins give them.
 *
 * Measuring ratios on a shared 2-core machine needs care, so each framework runs in its own child process
 * (`core-child.ts`, started with --expose-gc) where:
 * - nothing else lives on the heap (the fakes of the host measurements would make every collection dearer);
 * - a full collection runs before each sample, so one sample's garbage is not collected in the next one's time;
 * - a sample repeats the function until it lasts at least `minSampleMs`, and reports the time per call, so tiny
 *   inputs are not lost in timer resolution;
 * - the sizes are interleaved (sample 1 of every size, then sample 2 …), so a burst of load from other processes
 *   falls on all sizes alike instead of on one.
 * The median of `runs` samples after `warmups` is reported, as wall time and as CPU time.
 */
import { performance } from 'node:perf_hooks';
import type { Framework } from '../core/framework/schema.js';
import type { Snapshot } from '../core/host/types.js';
import { readReviewSnapshot, runCreate } from '../core/operations/run.js';
import { planSummary } from '../core/operations/summarise.js';
import { draftActions } from '../core/plan/draft.js';
import { readReview } from '../core/reader/read-review.js';
import { scoreRegister } from '../core/scoring/register.js';
import { scoreReview } from '../core/scoring/score-review.js';
import { MemoryWorkbook } from '../memory-host/index.js';
import { fillPlan } from './data.js';
import { createRequest } from './operations.js';
import { BENCH_TODAY, type Scenario } from './scenarios.js';
import { median } from './timing.js';

export interface CoreTimingOptions {
  warmups: number;
  runs: number;
  /** a sample repeats the call until it has run this long */
  minSampleMs: number;
}

export const CORE_TIMING: CoreTimingOptions = { warmups: 3, runs: 25, minSampleMs: 50 };
/** The whole summary computation is the slowest step and only shown beside the others: fewer runs. */
export const SUMMARY_PLAN_TIMING: CoreTimingOptions = { warmups: 1, runs: 5, minSampleMs: 20 };

export const CORE_STEPS = ['score', 'draft', 'summaryPlan'] as const;
export type CoreStep = (typeof CORE_STEPS)[number];

export interface StepTiming {
  /** median wall-clock milliseconds per call */
  ms: number;
  /** median CPU milliseconds per call (user + system, all threads of the process) */
  cpuMs: number;
  /** calls per sample */
  repeats: number;
}

export interface CoreTiming {
  size: number;
  steps: Record<CoreStep, StepTiming>;
  /** what was timed, to show it was real work */
  respondents: number;
  registerRows: number;
  actions: number;
}

export async function filledSnapshot(framework: Framework, scenario: Scenario, size: number): Promise<Snapshot> {
  const wb = new MemoryWorkbook(['Sheet1']);
  await runCreate(wb, createRequest(scenario, size));
  await wb.apply(fillPlan(framework, size, scenario.partnerships));
  return readReviewSnapshot(wb);
}

interface Prepared {
  size: number;
  calls: Record<CoreStep, () => unknown>;
  respondents: number;
  registerRows: number;
  actions: number;
}

async function prepare(framework: Framework, scenario: Scenario, size: number): Promise<Prepared> {
  const snapshot = await filledSnapshot(framework, scenario, size);
  const { framework: fw, review } = readReview(snapshot);
  const score = () => ({ report: scoreReview(fw, review.responses), register: fw.register ? scoreRegister(fw, review.register) : null });
  const { report, register } = score();
  const draft = () => draftActions(fw, report, review, register, BENCH_TODAY);
  return {
    size,
    calls: { score, draft, summaryPlan: () => planSummary(snapshot, { today: BENCH_TODAY }) },
    respondents: report.respondents,
    registerRows: review.register.length,
    actions: draft().length,
  };
}

const collect: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function sample(fn: () => unknown, repeats: number): { ms: number; cpuMs: number } {
  collect();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < repeats; i++) fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms: ms / repeats, cpuMs: (c.user + c.system) / 1000 / repeats };
}

/** Times every step of every size, interleaved; sizes in the order given. */
export async function measureCoreSizes(
  framework: Framework,
  scenario: Scenario,
  sizes: number[],
  timing: { steps: CoreTimingOptions; summaryPlan: CoreTimingOptions } = { steps: CORE_TIMING, summaryPlan: SUMMARY_PLAN_TIMING },
): Promise<CoreTiming[]> {
  const prepared: Prepared[] = [];
  for (const size of sizes) prepared.push(await prepare(framework, scenario, size));
  const out: CoreTiming[] = prepared.map((p) => ({
    size: p.size,
    steps: {} as Record<CoreStep, StepTiming>,
    respondents: p.respondents,
    registerRows: p.registerRows,
    actions: p.actions,
  }));
  for (const step of CORE_STEPS) {
    const opts = step === 'summaryPlan' ? timing.summaryPlan : timing.steps;
    // warm up, and learn how many calls make a sample of at least minSampleMs
    const repeats = prepared.map((p) => {
      let first = 0;
      for (let i = 0; i < Math.max(1, opts.warmups); i++) first = sample(p.calls[step], 1).ms;
      return Math.max(1, Math.ceil(opts.minSampleMs / Math.max(first, 0.001)));
    });
    const wall: number[][] = prepared.map(() => []);
    const cpu: number[][] = prepared.map(() => []);
    for (let run = 0; run < opts.runs; run++) {
      prepared.forEach((p, i) => {
        const s = sample(p.calls[step], repeats[i]!);
        wall[i]!.push(s.ms);
        cpu[i]!.push(s.cpuMs);
      });
    }
    prepared.forEach((_, i) => {
      out[i]!.steps[step] = { ms: median(wall[i]!), cpuMs: median(cpu[i]!), repeats: repeats[i]! };
    });
  }
  return out;
}
