/**
 * Entry of the benchmark's child processes (started by `children.ts` with `node --expose-gc --import tsx`):
 *   child.ts core <framework id> <size,size,…> [runs]   → CoreTiming[]
 *   child.ts file-host <framework id> <size>             → FileHostResult (steps printed as they finish)
 * The result is printed as one line `BENCH_RESULT <json>`, so nothing else printed can be mistaken for it.
 */
import { getFramework } from '../core/framework/catalogue.js';
import { CORE_TIMING, SUMMARY_PLAN_TIMING, measureCoreSizes } from './core-timing.js';
import { fileHostInProcess } from './file-host.js';
import { FULL_SCENARIOS } from './scenarios.js';
import { RESULT_MARK, STEP_MARK } from './children.js';

async function main(argv: string[]): Promise<unknown> {
  const [kind, frameworkId, sizesArg, runsArg] = argv;
  const scenario = FULL_SCENARIOS.find((s) => s.frameworkId === frameworkId);
  if (!scenario) throw new Error(`no benchmark scenario for framework "${frameworkId}"`);
  const sizes = (sizesArg ?? '').split(',').filter(Boolean).map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`sizes must be whole numbers, e.g. 10,100 (got "${sizesArg}")`);
  if (kind === 'core') {
    // a run count given (the harness's own test) replaces both defaults
    const runs = runsArg ? Number(runsArg) : null;
    const steps = runs === null ? CORE_TIMING : { ...CORE_TIMING, warmups: 1, runs, minSampleMs: 1 };
    const summaryPlan = runs === null ? SUMMARY_PLAN_TIMING : steps;
    return measureCoreSizes(getFramework(frameworkId!), scenario, sizes, { steps, summaryPlan });
  }
  if (kind === 'file-host')
    return fileHostInProcess(scenario, sizes[0]!, (step) => process.stdout.write(`${STEP_MARK}${JSON.stringify(step)}\n`));
  throw new Error(`unknown child task "${kind}": use core or file-host`);
}

main(process.argv.slice(2)).then(
  (result) => {
    process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
