/**
 * One scenario taken through the four things a person does — create, (people type), check, summarise, plan — on
 * any Host, through the same `run*` functions the add-ins call. A host-specific `measure` hook brackets each
 * operation so the adapter's own counters (syncs, Spreadsheet calls) can be read per operation.
 */
import type { Framework } from '../core/framework/schema.js';
import type { Host } from '../core/host/types.js';
import { runCheck, runCreate, runPlan, runSummarise } from '../core/operations/run.js';
import type { CreateRequest } from '../core/operations/types.js';
import { CountingHost, type OperationCount } from './counting-host.js';
import { fillPlan } from './data.js';
import type { Scenario } from './scenarios.js';
import { BENCH_CYCLE, BENCH_TODAY } from './scenarios.js';

export const OPERATIONS = ['create', 'check', 'summarise', 'plan'] as const;
export type Operation = (typeof OPERATIONS)[number];

export function createRequest(scenario: Scenario, size: number): CreateRequest {
  return {
    framework: scenario.frameworkId,
    partnerships: scenario.partnerships,
    respondents: [],
    // a tracker has no Responses tab: its size is the number of register rows people type
    ...(scenario.unit === 'respondents' ? { respondentCount: size } : {}),
    cycle: BENCH_CYCLE,
    protect: false,
    today: BENCH_TODAY,
  };
}

export interface OperationRun<M> {
  /** what the operation asked of its host */
  count: OperationCount;
  /** what the host-specific hook measured */
  measured: M;
  /** problems found (check), or plan rows drafted (plan) */
  note: string;
}

/**
 * Runs create → fill → check → summarise → plan on `host`. `begin()` is called before each measured operation and
 * `end()` after it; the fill (people typing) is not measured.
 */
export async function runScenario<M>(
  host: Host,
  framework: Framework,
  scenario: Scenario,
  size: number,
  hooks: { begin(): void; end(): M },
): Promise<Record<Operation, OperationRun<M>>> {
  const counting = new CountingHost(host);
  const out = {} as Record<Operation, OperationRun<M>>;

  const measure = async (op: Operation, work: () => Promise<string>): Promise<void> => {
    counting.take();
    hooks.begin();
    const note = await work();
    const measured = hooks.end();
    out[op] = { count: counting.take(), measured, note };
  };

  await measure('create', async () => {
    const r = await runCreate(counting, createRequest(scenario, size));
    return `${r.tabsWritten.length} tabs`;
  });

  await counting.apply(fillPlan(framework, size, scenario.partnerships));

  await measure('check', async () => {
    const r = await runCheck(counting, BENCH_TODAY);
    return `${r.problems.length} problems`;
  });
  await measure('summarise', async () => {
    const r = await runSummarise(counting, { today: BENCH_TODAY });
    return `${r.summary.respondents} respondents, ${r.summary.plan.length} plan rows`;
  });
  await measure('plan', async () => {
    const r = await runPlan(counting, { today: BENCH_TODAY });
    return `${r.rows.length} plan rows`;
  });
  return out;
}
